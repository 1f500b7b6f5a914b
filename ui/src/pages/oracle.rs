//! The Oracle page: kind selector, form, live progress, result, and the daily card.

use std::rc::Rc;

use nps_protocol::{ReadingComplete, SignType};
use yew::prelude::*;

use super::{error_html, error_text};
use crate::components::daily::DailyCard;
use crate::components::form::{KindSelector, OracleFormView};
use crate::components::progress::ProgressView;
use crate::components::result::{ReadingView, ResultData};
use crate::hooks::{use_daily, use_locale, use_reading_progress, use_session, use_settings};
use crate::services::{api, browser};
use crate::state::forms::{self, FormAction, OracleForm, ReadingBody};
use crate::state::progress::ProgressAction;

#[function_component(OraclePage)]
pub fn oracle_page() -> Html {
    let locale = use_locale();
    let settings = use_settings();
    let session = use_session();
    let form = {
        let system = settings.system.as_str().to_string();
        use_reducer(move || OracleForm {
            system,
            ..OracleForm::default()
        })
    };
    let progress = use_reading_progress();
    let daily = use_daily();
    let result = use_state(|| None::<Rc<ResultData>>);
    let error = use_state(|| None::<api::HttpError>);
    let fetching_daily = use_state(|| false);

    // The result follows the language: a stored reading is re-rendered by the server.
    {
        let (result, session) = (result.clone(), session.clone());
        use_effect_with(locale, move |locale| {
            let id = result.as_ref().and_then(|r| r.reading_id);
            if let Some(id) = id {
                let tag = locale.tag();
                wasm_bindgen_futures::spawn_local(async move {
                    let r = session
                        .call(|b, t| async move { api::get_reading(&b, &t, id, tag).await })
                        .await;
                    if let Ok(r) = r {
                        result.set(Some(Rc::new(ResultData::from(&r))));
                    }
                });
            }
        });
    }

    let on_submit = {
        let (form, progress, result, error, session, fetching_daily) = (
            form.clone(),
            progress.clone(),
            result.clone(),
            error.clone(),
            session.clone(),
            fetching_daily.clone(),
        );
        Callback::from(move |()| {
            let today = browser::today();
            let ctx = forms::Context {
                today: &today,
                offset_at: &browser::offset_at,
            };
            let mut body = match forms::validate(&form, &ctx) {
                Ok(b) => b,
                Err(errors) => {
                    form.dispatch(FormAction::Errors(errors));
                    return;
                }
            };
            form.dispatch(FormAction::Errors(Vec::new()));
            error.set(None);
            let (result, error, session) = (result.clone(), error.clone(), session.clone());
            if let ReadingBody::Daily { date } = body {
                progress.dispatch(ProgressAction::Clear);
                fetching_daily.set(true);
                let fetching = fetching_daily.clone();
                let tag = locale.tag();
                wasm_bindgen_futures::spawn_local(async move {
                    let r = session
                        .call(|b, t| {
                            let date = date.clone();
                            async move { api::daily(&b, &t, date.as_deref(), tag).await }
                        })
                        .await;
                    match r {
                        Ok(d) => result.set(Some(Rc::new(ResultData::from(&d)))),
                        Err(e) => error.set(Some(e)),
                    }
                    fetching.set(false);
                });
                return;
            }
            let request_id = browser::request_id();
            body.tag(locale.tag(), &request_id);
            let kind = body.kind();
            progress.dispatch(ProgressAction::Requested {
                request_id: request_id.clone(),
                sign_type: kind,
            });
            result.set(None);
            let progress = progress.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let r = session
                    .call(|b, t| {
                        let body = body.clone();
                        async move { api::reading(&b, &t, &body).await }
                    })
                    .await;
                match r {
                    Ok(r) => {
                        progress.dispatch(ProgressAction::HttpDone(ReadingComplete {
                            request_id: request_id.clone(),
                            reading_id: r.reading_id,
                            sign_type: r.sign_type(),
                            summary: r.summary.clone(),
                            user_id: String::new(),
                        }));
                        result.set(Some(Rc::new(ResultData::from(&r))));
                    }
                    Err(e) => {
                        progress.dispatch(ProgressAction::HttpFailed {
                            request_id,
                            error: e.message.clone(),
                        });
                        error.set(Some(e));
                    }
                }
            });
        })
    };
    let on_kind = {
        let form = form.clone();
        Callback::from(move |k: SignType| form.dispatch(FormAction::SetKind(k)))
    };
    let on_action = {
        let form = form.clone();
        Callback::from(move |a| form.dispatch(a))
    };
    let on_now = {
        let form = form.clone();
        Callback::from(move |()| {
            form.dispatch(FormAction::Set("datetime".into(), browser::now_local()))
        })
    };
    let running = progress.is_active || *fetching_daily;
    html! {
        <div class="oracle-page">
            <section class="oracle-main" aria-labelledby="oracle-heading">
                <h1 id="oracle-heading" class="visually-hidden">{ crate::i18n::t(locale, "ui-nav-oracle") }</h1>
                <KindSelector kind={form.kind} on_select={on_kind} />
                <OracleFormView form={(*form).clone()} {on_action} {on_submit} {on_now} {running} />
                <ProgressView state={(*progress).clone()} />
                { error_html(error.as_ref().map(|e| error_text(locale, e))) }
                if let Some(r) = (*result).clone() {
                    <ReadingView data={r} />
                }
            </section>
            <DailyCard state={(*daily).clone()} />
        </div>
    }
}
