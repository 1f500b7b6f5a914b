//! Learn (`#/learn`, `#/learn/<anchor>`): the glossary of `locales/<lang>/learn.ftl` in
//! the order of [`nps_i18n::learn`] — what every number, animal, element, weekday
//! planet and moon phase means, how each figure is computed and how a stamp is built.
//! Each section and entry has an anchor (`#/learn/animal-ra`); results link their
//! figures here ([`crate::figures::learn_href`]). Public: no sign-in needed.

use nps_i18n::Locale;
use nps_i18n::learn::{Entry, Family, Part};
use yew::prelude::*;

use crate::figures::learn_element_id;
use crate::hooks::use_locale;
use crate::i18n::t;
use crate::services::browser;

#[derive(Properties, PartialEq)]
pub struct LearnPageProps {
    /// The section or entry to bring into view (`number-7`, `animal`), if any.
    #[prop_or_default]
    pub anchor: Option<String>,
}

#[function_component(LearnPage)]
pub fn learn_page(props: &LearnPageProps) -> Html {
    let locale = use_locale();
    use_effect_with(props.anchor.clone(), |anchor| {
        if let Some(anchor) = anchor {
            browser::scroll_into_view(&learn_element_id(anchor));
        }
    });
    let current = props.anchor.as_deref();
    html! {
        <article class="learn-page" data-testid="learn-page" aria-labelledby="learn-heading">
            <h1 id="learn-heading">{ t(locale, "learn-title") }</h1>
            <p class="lead">{ t(locale, "learn-intro") }</p>
            <nav class="learn-toc card" aria-labelledby="learn-toc-heading">
                <h2 id="learn-toc-heading" class="small-heading">{ t(locale, "ui-learn-contents") }</h2>
                <ul>
                    { for Family::ALL.into_iter().map(|f| html! {
                        <li><a href={format!("#/learn/{}", f.name())}>{ t(locale, &f.title_id()) }</a></li>
                    }) }
                </ul>
            </nav>
            { for Family::ALL.into_iter().map(|f| family_view(locale, f, current)) }
        </article>
    }
}

fn family_view(locale: Locale, family: Family, current: Option<&str>) -> Html {
    let id = learn_element_id(family.name());
    let heading = format!("{id}-heading");
    html! {
        <section id={id} class="learn-section" aria-labelledby={heading.clone()}
                 data-family={family.name()}>
            <h2 id={heading}>{ t(locale, &family.title_id()) }</h2>
            <p>{ t(locale, &family.intro_id()) }</p>
            <div class="learn-entries">
                { for family.entries().map(|e| entry_view(locale, e, current)) }
            </div>
        </section>
    }
}

fn entry_view(locale: Locale, entry: Entry, current: Option<&str>) -> Html {
    let anchor = entry.anchor();
    let is_current = current == Some(anchor.as_str());
    html! {
        <section id={learn_element_id(&anchor)} data-entry={anchor.clone()}
                 class={classes!("learn-entry", "card", is_current.then_some("current"))}
                 aria-current={is_current.then_some("true")}>
            <h3>
                <a class="learn-self" href={format!("#/learn/{anchor}")}>{ t(locale, &entry.id(Part::Title)) }</a>
            </h3>
            <p class="learn-line">{ t(locale, &entry.id(Part::Line)) }</p>
            <p>{ t(locale, &entry.id(Part::Body)) }</p>
            if entry.has_example() {
                <p class="learn-example">{ t(locale, &entry.id(Part::Example)) }</p>
            }
        </section>
    }
}
