//! The Oracle page: kind selector, form, live progress, result (announced to screen
//! readers; a stored one can be rated and noted at once), and the daily card.

use yew::prelude::*;

use crate::components::alert::{error_html, error_text};
use crate::components::daily::DailyCard;
use crate::components::form::{KindSelector, OracleFormView};
use crate::components::marks::MarksPanel;
use crate::components::progress::ProgressView;
use crate::components::result::ReadingView;
use crate::hooks::{use_daily, use_locale, use_oracle};
use crate::i18n::{t, tf};
use crate::state::forms::FormAction;

#[function_component(OraclePage)]
pub fn oracle_page() -> Html {
    let locale = use_locale();
    let oracle = use_oracle();
    let daily = use_daily();
    let reading = &oracle.reading;
    // The polite live region says a new result is there (the focus moves to its heading).
    let announcement = match &reading.result {
        Some(r) if !reading.running => {
            let headline = if r.text.headline.is_empty() {
                &r.summary
            } else {
                &r.text.headline
            };
            tf(
                locale,
                "ui-result-announced",
                &[("headline", headline.clone())],
            )
        }
        _ => String::new(),
    };
    html! {
        <div class="oracle-page">
            <section class="oracle-main" aria-labelledby="oracle-heading">
                <h1 id="oracle-heading" class="visually-hidden">{ t(locale, "ui-nav-oracle") }</h1>
                <KindSelector kind={oracle.form.kind} on_select={oracle.edit.reform(FormAction::SetKind)} />
                <OracleFormView form={(*oracle.form).clone()} on_action={oracle.edit.clone()}
                                on_submit={oracle.submit.clone()} on_now={oracle.fill_now.clone()}
                                running={reading.running} saved={oracle.saved.clone()} />
                <ProgressView state={(*reading.progress).clone()} />
                { error_html(reading.error.as_ref().map(|e| error_text(locale, e))) }
                <p class="visually-hidden" role="status" data-testid="result-announcement">
                    { announcement }
                </p>
                if let Some(r) = reading.result.clone() {
                    <ReadingView data={r.clone()} />
                    if let Some(id) = r.reading_id {
                        <MarksPanel key={id} reading_id={id} />
                    }
                }
            </section>
            <DailyCard state={(*daily).clone()} />
        </div>
    }
}
