//! The day's insight card.

use yew::prelude::*;

use crate::components::date::shown_date_html;
use crate::hooks::use_locale;
use crate::i18n::{list, t, tf};
use crate::state::daily::DailyState;

#[derive(Properties, PartialEq)]
pub struct DailyCardProps {
    pub state: DailyState,
}

#[function_component(DailyCard)]
pub fn daily_card(props: &DailyCardProps) -> Html {
    let locale = use_locale();
    let s = &props.state;
    html! {
        <aside class="card daily-card" data-testid="daily-card" aria-labelledby="daily-heading"
               data-live={s.live.to_string()}>
            <h2 id="daily-heading">{ t(locale, "ui-daily-heading") }</h2>
            { match (&s.daily, s.error) {
                (Some(d), _) => html! {
                    <>
                        <p class="muted" data-testid="daily-date">{ shown_date_html(locale, &d.date, None) }</p>
                        if let Some(name) = &s.personal_for {
                            <p class="muted small" data-testid="daily-for">
                                { tf(locale, "ui-daily-for", &[("name", name.clone())]) }
                            </p>
                        }
                        <p class="insight" data-testid="daily-insight">{ d.insight.clone() }</p>
                        if !d.lucky_numbers.is_empty() {
                            <p>
                                <span class="muted">{ t(locale, "ui-lucky-numbers") }{ ": " }</span>
                                { list(locale, &d.lucky_numbers) }
                            </p>
                        }
                        if s.live {
                            <p class="muted small">{ t(locale, "ui-daily-live") }</p>
                        }
                    </>
                },
                (None, Some(e)) => html! { <p class="error">{ t(locale, e) }</p> },
                (None, None) => html! { <p class="muted">{ t(locale, "ui-loading") }</p> },
            } }
        </aside>
    }
}
