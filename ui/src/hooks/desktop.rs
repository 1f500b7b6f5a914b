//! `use_desktop_settings()`: the desktop app's own settings (the daily notification,
//! close-to-tray) for the Settings page — `None` outside the desktop app. Every save
//! carries the UI's language, and a change of language is saved too, so the
//! notification and the tray speak the language the user reads in.

use nps_protocol::DesktopSettings;
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use super::settings::use_locale;
use crate::services::desktop;

/// How the last save (or the first read) went.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DesktopSave {
    Saved,
    /// The shell's one-line refusal.
    Failed(String),
}

/// The settings once read, the last outcome, and how to save new ones.
#[derive(Clone, PartialEq)]
pub struct DesktopSettingsHandle {
    pub settings: Option<DesktopSettings>,
    pub outcome: Option<DesktopSave>,
    pub save: Callback<DesktopSettings>,
}

#[hook]
pub fn use_desktop_settings() -> Option<DesktopSettingsHandle> {
    let locale = use_locale();
    let available = *use_memo((), |_| desktop::available());
    let settings = use_state(|| None::<DesktopSettings>);
    let outcome = use_state(|| None::<DesktopSave>);
    let save = {
        let (settings, outcome) = (settings.clone(), outcome.clone());
        Callback::from(move |mut next: DesktopSettings| {
            next.locale = Some(locale.tag().to_string());
            let (settings, outcome) = (settings.clone(), outcome.clone());
            spawn_local(async move {
                match desktop::set_settings(&next).await {
                    Ok(saved) => {
                        settings.set(Some(saved));
                        outcome.set(Some(DesktopSave::Saved));
                    }
                    Err(e) => outcome.set(Some(DesktopSave::Failed(e))),
                }
            });
        })
    };
    {
        let (settings, outcome) = (settings.clone(), outcome.clone());
        use_effect_with(available, move |available| {
            if *available {
                spawn_local(async move {
                    match desktop::get_settings().await {
                        Ok(read) => settings.set(Some(read)),
                        Err(e) => outcome.set(Some(DesktopSave::Failed(e))),
                    }
                });
            }
        });
    }
    {
        let (save, current) = (save.clone(), (*settings).clone());
        let loaded = current.is_some();
        use_effect_with((locale, loaded), move |(locale, _)| {
            if let Some(current) = current.filter(|s| s.locale.as_deref() != Some(locale.tag())) {
                save.emit(current);
            }
        });
    }
    available.then(|| DesktopSettingsHandle {
        settings: (*settings).clone(),
        outcome: (*outcome).clone(),
        save,
    })
}
