//! The live progress of a reading: a progress bar (`role="progressbar"`,
//! `aria-valuenow`), the server's step message, and the steps passed. Once the reading
//! is done the box collapses to one line above the result (the bar and "complete";
//! the steps stay for screen readers only).

use nps_protocol::Step;
use yew::prelude::*;

use crate::hooks::use_locale;
use crate::i18n::{t, tf};
use crate::state::progress::ProgressState;

/// The steps shown, in order, with their label ids.
pub const STEPS: [(Step, &str); 5] = [
    (Step::Started, "ui-step-started"),
    (Step::Calculating, "ui-step-calculating"),
    (Step::AiGenerating, "ui-step-interpreting"),
    (Step::Combining, "ui-step-combining"),
    (Step::Complete, "ui-step-complete"),
];

#[derive(Properties, PartialEq)]
pub struct ProgressProps {
    pub state: ProgressState,
}

#[function_component(ProgressView)]
pub fn progress_view(props: &ProgressProps) -> Html {
    let locale = use_locale();
    let s = &props.state;
    if s.request_id.is_none() {
        return html! {};
    }
    let percent = s.progress.min(100);
    // While running, the server's message (in the language of the request); once
    // done, ours, so it follows a language switch.
    let message = match &s.error {
        Some(e) => tf(locale, "progress-error", &[("error", e.clone())]),
        None if !s.is_active => t(locale, "progress-complete"),
        None if !s.message.is_empty() => s.message.clone(),
        None => t(locale, "progress-started"),
    };
    let state = if s.error.is_some() {
        "error"
    } else if s.is_active {
        "active"
    } else {
        "done"
    };
    let collapsed = state == "done";
    html! {
        <section class={classes!("progress", state, collapsed.then_some("collapsed"))}
                 data-testid="reading-progress"
                 data-state={state} aria-label={t(locale, "ui-progress-label")}>
            <div class="progress-track" role="progressbar"
                 aria-label={t(locale, "ui-progress-label")}
                 aria-valuemin="0" aria-valuemax="100"
                 aria-valuenow={percent.to_string()}
                 aria-valuetext={nps_i18n::LocaleFormat::percent(locale, &percent.to_string())}>
                <div class="progress-fill" style={format!("inline-size: {percent}%")}></div>
            </div>
            <p class="progress-message" aria-live="polite">{ message }</p>
            <ol class={classes!("progress-steps", collapsed.then_some("visually-hidden"))}>
                { for STEPS.iter().map(|(step, id)| {
                    let seen = s.steps_seen.contains(step);
                    let current = s.step == Some(*step) && s.is_active;
                    html! {
                        <li class={classes!(seen.then_some("seen"), current.then_some("current"))}
                            data-step={step.as_str()} data-seen={seen.to_string()}>
                            { t(locale, id) }
                        </li>
                    }
                }) }
            </ol>
        </section>
    }
}
