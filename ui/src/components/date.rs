//! Dates on screen: [`shown_date_html`] (a day in the reader's calendar, the Gregorian
//! alongside in a muted span) and [`DateField`], the labelled date input of the forms
//! and the history filters.
//!
//! The field is a text input of ours, not the browser's `<input type=date>`: that widget
//! silently empties a day the month does not have (February 30 becomes "no date", and a
//! reading would run without it), and in Persian it speaks Gregorian. Ours takes a
//! `year/month/day` in the page's calendar (Gregorian in English, Solar Hijri in Persian;
//! Persian, Arabic or ASCII digits), reads the day back under it in words, and checks it
//! against the month's length when it loses focus or the form is sent.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::hooks::use_locale;
use nps_i18n::{DateStyle, LocaleFormat};

use crate::i18n::{Locale, ShownDate, date, t, tf};
use crate::state::dates::{date_input_text, parse_date_input};
use crate::state::forms::parse_date;

/// `<time>` with the day of `iso` (a Gregorian `YYYY-MM-DD`, or an ISO date-time shown
/// as its day) in the reader's calendar, `suffix` (a clock time) after the day, and the
/// Gregorian day alongside.
pub fn shown_date_html(locale: Locale, iso: &str, suffix: Option<&str>) -> Html {
    let ShownDate { local, gregorian } = date(locale, iso);
    html! {
        <>
            <time class="date" datetime={iso.to_string()}>
                { local }
                if let Some(s) = suffix {
                    { " " }{ s.to_string() }
                }
            </time>
            if let Some(g) = gregorian {
                { " " }<span class="muted gregorian" data-testid="gregorian-date">{ g }</span>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
pub struct DateFieldProps {
    /// The input's element id.
    pub id: AttrValue,
    pub label: AttrValue,
    /// A Gregorian `YYYY-MM-DD`, empty, or (after a bad entry) the text as typed.
    pub value: AttrValue,
    /// The new value: the Gregorian `YYYY-MM-DD`, empty, or the text as typed when it
    /// is no day (so a form still refuses it).
    pub on_change: Callback<String>,
    /// The message id of the form's error for this field (required, in the future …).
    #[prop_or_default]
    pub error: Option<&'static str>,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    #[prop_or_default]
    pub required: bool,
}

/// What the field holds: the text as typed, for which value and language.
#[derive(Clone, PartialEq)]
struct Typed {
    locale: Locale,
    /// The value this text was sent up as.
    value: String,
    text: String,
    /// Left once (blurred): its errors show from then on.
    touched: bool,
}

#[function_component(DateField)]
pub fn date_field(props: &DateFieldProps) -> Html {
    let locale = use_locale();
    let typed = use_state_eq(|| None::<Typed>);
    {
        // A language switch forgets what was typed: back in Persian the field shows the
        // value afresh.
        let typed = typed.clone();
        use_effect_with(locale, move |_| typed.set(None));
    }
    // The typed text holds while the value is the one it produced and the language is
    // the same; otherwise (a reset, a language switch) the field shows the value.
    let current = (*typed)
        .clone()
        .filter(|s| s.locale == locale && s.value == props.value.as_str())
        .unwrap_or_else(|| Typed {
            locale,
            value: props.value.to_string(),
            text: date_input_text(locale, &props.value),
            touched: false,
        });
    let parsed = parse_date_input(locale, &current.text);
    let own_error = parsed
        .as_ref()
        .err()
        .filter(|_| current.touched || props.error.is_some())
        .map(|e| e.message(locale));
    let error = own_error.or_else(|| props.error.map(|e| t(locale, e)));
    let ids = FieldIds::of(&props.id);
    let hint = field_hint(locale, props.hint.as_deref());
    let read_back = match &parsed {
        Ok(Some(iso)) => Some(read_back_text(locale, iso)),
        _ => None,
    };
    let described = [
        error.as_ref().map(|_| ids.error.clone()),
        hint.as_ref().map(|_| ids.hint.clone()),
        read_back.as_ref().map(|_| ids.read_back.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let input = InputSpec {
        id: props.id.clone(),
        required: props.required,
        invalid: error.is_some(),
        described: (!described.is_empty()).then_some(described),
    };
    let input = input.typed(&current, typed, &props.on_change);
    html! {
        <div class={classes!("field", "date-field", error.is_some().then_some("invalid"))}>
            <label for={props.id.clone()}>{ props.label.clone() }</label>
            <div class="field-row">{ input }</div>
            if let Some(h) = hint {
                <p class="hint" id={ids.hint}>{ h }</p>
            }
            if let Some(r) = read_back {
                <p class="hint date-read-back" id={ids.read_back} aria-live="polite"
                   data-testid="date-read-back">{ r }</p>
            }
            if let Some(e) = error {
                <p class="error" id={ids.error}>{ e }</p>
            }
        </div>
    }
}

/// The field's hint, followed by the format it takes.
fn field_hint(locale: Locale, hint: Option<&str>) -> Option<String> {
    let format = t(
        locale,
        match locale {
            Locale::En => "ui-field-date-gregorian-hint",
            Locale::Fa => "ui-field-date-solar-hint",
        },
    );
    Some(
        [hint, Some(&format)]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" "),
    )
}

/// `That is 15 July 1990.`, `یعنی ۶ آذر ۱۴۰۵ (۲۷ نوامبر ۲۰۲۶).`
fn read_back_text(locale: Locale, iso: &str) -> String {
    let ShownDate { local, gregorian } = date(locale, iso);
    let words = match (gregorian, parse_date(iso)) {
        (Some(g), _) => tf(
            locale,
            "date-with-gregorian",
            &[("local", local), ("gregorian", g)],
        ),
        (None, Some((y, m, d))) => locale.date(y, m, d, DateStyle::Long),
        (None, None) => local,
    };
    tf(locale, "ui-date-read-as", &[("date", words)])
}

/// The `<input>` of a [`DateField`].
struct InputSpec {
    id: AttrValue,
    required: bool,
    invalid: bool,
    described: Option<String>,
}

impl InputSpec {
    /// A text input for a `year/month/day` in the page's calendar: sends up the
    /// Gregorian day it reads, or the text when it is no day; its errors show once it
    /// has been left.
    fn typed(
        self,
        current: &Typed,
        typed: UseStateHandle<Option<Typed>>,
        on_change: &Callback<String>,
    ) -> Html {
        let (locale, touched) = (current.locale, current.touched);
        let oninput = {
            let (typed, on_change) = (typed.clone(), on_change.clone());
            Callback::from(move |e: InputEvent| {
                let text = e.target_unchecked_into::<HtmlInputElement>().value();
                let value = match parse_date_input(locale, &text) {
                    Ok(v) => v.unwrap_or_default(),
                    Err(_) => text.trim().to_string(),
                };
                typed.set(Some(Typed {
                    locale,
                    value: value.clone(),
                    text,
                    touched,
                }));
                on_change.emit(value);
            })
        };
        let onblur = {
            let current = current.clone();
            Callback::from(move |_: FocusEvent| {
                typed.set(Some(Typed {
                    touched: true,
                    ..current.clone()
                }))
            })
        };
        html! {
            <input id={self.id} type="text" inputmode="numeric" dir="ltr" autocomplete="off"
                   value={current.text.clone()} required={self.required}
                   aria-invalid={self.invalid.to_string()} aria-describedby={self.described}
                   {oninput} {onblur} />
        }
    }
}

/// The ids a field's input points to with `aria-describedby`.
struct FieldIds {
    hint: String,
    read_back: String,
    error: String,
}

impl FieldIds {
    fn of(id: &str) -> Self {
        Self {
            hint: format!("{id}-hint"),
            read_back: format!("{id}-read"),
            error: format!("{id}-error"),
        }
    }
}
