//! A reading's result: the FC60 stamp (each token explained on hover/focus), numbers
//! with a master-number badge, the letter table, the moon drawn in SVG, ganzhi,
//! patterns, the confidence meter, compatibility, the daily figures and the
//! interpretation; copy as text or JSON, download JSON.

use std::rc::Rc;

use nps_engine::Fc60Stamp;
use nps_i18n::Locale;
use nps_i18n::learn::{Entry, Family, Part};
use nps_protocol::{Figures, SignType};
use yew::prelude::*;

use crate::components::charts;
use crate::components::date::shown_date_html;
use crate::figures::{self, StampPart};
use crate::hooks::{use_export, use_focus_into_view, use_locale, use_print_opens};
use crate::i18n::{digits, list, num, t, tf};
use crate::state::result::ResultData;
use crate::summary;

#[derive(Properties, PartialEq)]
pub struct ReadingViewProps {
    pub data: Rc<ResultData>,
}

#[function_component(ReadingView)]
pub fn reading_view(props: &ReadingViewProps) -> Html {
    let locale = use_locale();
    let d = &props.data;
    let (sign_type, direction) = (d.sign_type(), d.text.direction.clone());
    let kind = sign_type.as_str();
    // A new result comes into view and takes focus (not when it is only re-rendered in
    // another language: the figures do not change with it).
    use_focus_into_view("result-heading", (d.reading_id, d.figures.clone()));
    use_print_opens("details.result-section");
    html! {
        <article class="result" data-testid="reading-result" data-kind={kind}
                 aria-labelledby="result-heading">
            <header class="result-header">
                <p class="eyebrow">{ t(locale, &format!("kind-{kind}")) }</p>
                <h2 id="result-heading" data-testid="result-heading" tabindex="-1" dir={direction.clone()}>
                    { if d.text.headline.is_empty() { d.summary.clone() } else { d.text.headline.clone() } }
                </h2>
                if let Some(id) = d.reading_id {
                    <p class="muted">{ tf(locale, "ui-reading-saved", &[("id", digits(locale, &id.to_string()))]) }</p>
                }
            </header>
            { summary_view(locale, d) }
            { details_view(locale, &d.figures) }
            <details class="result-section" data-section="text" open={true}>
                <summary><h3 id="interp-heading">{ t(locale, "ui-interpretation") }</h3></summary>
                <section class="interpretation" dir={direction} aria-labelledby="interp-heading">
                    { for d.text.sections.iter().map(|s| html! {
                        <section class="text-section" data-section={s.id.clone()}>
                            <h4>{ s.title.clone() }</h4>
                            { for s.paragraphs.iter().map(|p| html! { <p>{ p.clone() }</p> }) }
                        </section>
                    }) }
                </section>
            </details>
            <ResultActions data={d.clone()} />
        </article>
    }
}

/// The summary, before any detail: who, when, the question asked, and the strongest
/// signals in plain words (see [`crate::summary`]).
fn summary_view(locale: Locale, d: &ResultData) -> Html {
    let who = match summary::who(&d.figures) {
        summary::Who::You => html! { { t(locale, "ui-summary-you") } },
        summary::Who::Named(names) => joined(
            locale,
            names
                .into_iter()
                .map(|n| html! { <bdi>{ n }</bdi> })
                .collect(),
        ),
    };
    let lines = summary::lines(locale, &d.figures, &d.text);
    html! {
        <section class="card result-summary" data-testid="result-summary" aria-labelledby="summary-heading">
            <h3 id="summary-heading">{ t(locale, "ui-summary-heading") }</h3>
            <dl class="pairs summary-facts">
                <dt>{ t(locale, "ui-summary-for") }</dt>
                <dd>{ who }</dd>
                if let Some((date, time)) = summary::when(&d.figures) {
                    <dt>{ t(locale, "ui-summary-when") }</dt>
                    <dd>{ shown_date_html(locale, &date, time.map(|hm| digits(locale, &hm)).as_deref()) }</dd>
                }
            </dl>
            if let Some(q) = summary::question(&d.figures) {
                <p class="question-restated" data-testid="question-restated">
                    { tf(locale, "ui-question-restated", &[("question", q.to_string())]) }
                </p>
            }
            <ol class="summary-signals">
                { for lines.into_iter().map(|l| html! {
                    <li data-testid="summary-signal" data-kind={l.kind}>
                        <strong class="signal-theme">{ learn_link(l.learn, l.theme) }</strong>
                        { " " }
                        <span class="signal-text">{ l.text }</span>
                    </li>
                }) }
            </ol>
        </section>
    }
}

/// A titled, collapsible part of the details: a `<details>`, so it opens with Enter or
/// Space and needs no script (and the browser's find opens it); printing opens them all.
/// `open` is how it starts: the numbers and the people open, the moment (the stamp's
/// jargon) closed until asked for.
fn section(locale: Locale, id: &'static str, open: bool, body: Html) -> Html {
    html! {
        <details class="result-section" data-section={id} {open}>
            <summary><h3>{ t(locale, &format!("ui-details-{id}")) }</h3></summary>
            <div class="result-grid">{ body }</div>
        </details>
    }
}

/// The details behind the summary, in sections: the numbers (with the day's lucky
/// numbers and hours, the cycle and the letters), the moment, the people.
fn details_view(locale: Locale, f: &Figures) -> Html {
    let has_numbers = !figures::numbers(f).is_empty() || figures::letters(f).is_some();
    // (section, open at first, shown, its cards)
    let sections = [
        (
            "numbers",
            true,
            has_numbers,
            vec![
                numbers_view(locale, f),
                daily_view(locale, f),
                cycle_view(locale, f),
                letters_view(locale, f),
            ],
        ),
        (
            "moment",
            false,
            f.stamp().is_some(),
            vec![
                f.stamp()
                    .map(|s| stamp_view(locale, f, s))
                    .unwrap_or_default(),
                moon_view(locale, f),
                ganzhi_view(locale, f),
                patterns_view(locale, f),
                confidence_view(locale, f),
            ],
        ),
        (
            "people",
            true,
            figures::compatibility(f).is_some(),
            vec![compatibility_view(locale, f)],
        ),
    ];
    html! {
        { for sections.into_iter().filter(|s| s.2).map(|(id, open, _, cards)| {
            section(locale, id, open, html! { { for cards } })
        }) }
    }
}

/// The personal-year cycle of a full reading, around the reading's year.
fn cycle_view(locale: Locale, f: &Figures) -> Html {
    let Figures::Full(full) = f else {
        return html! {};
    };
    let year = full.fc60_stamp.moment().date.year();
    let body = charts::cycle_chart(locale, full.person.birthdate, year);
    card(t(locale, "ui-chart-cycle-title"), "cycle-card", body)
}

/// Save as PDF, image or Markdown (a stored reading, made by the server), copy as text
/// or JSON, download the JSON.
#[function_component(ResultActions)]
fn result_actions(props: &ReadingViewProps) -> Html {
    let locale = use_locale();
    let export = use_export(props.data.clone());
    let server_file = |format: &'static str| {
        let Some(export_file) = export.export_file.clone() else {
            return html! {};
        };
        let busy = export.exporting == Some(format);
        html! {
            <button type="button" data-testid={format!("export-{format}")}
                    disabled={export.exporting.is_some()} aria-busy={busy.then_some("true")}
                    onclick={export_file.reform(move |_| format)}>
                { t(locale, &format!("ui-export-{format}")) }
            </button>
        }
    };
    html! {
        <div class="result-actions">
            <button type="button" data-testid="copy-text" onclick={export.copy_text.reform(|_| ())}>{ t(locale, "ui-copy-text") }</button>
            <button type="button" onclick={export.copy_json.reform(|_| ())}>{ t(locale, "ui-copy-json") }</button>
            <button type="button" data-testid="export-json" onclick={export.download.reform(|_| ())}>{ t(locale, "ui-download-json") }</button>
            { for crate::hooks::SERVER_FORMATS.into_iter().map(server_file) }
            if export.copied {
                <span class="muted" role="status">{ t(locale, "ui-copied") }</span>
            }
            if export.exporting.is_some() {
                <span class="muted" role="status">{ t(locale, "ui-exporting") }</span>
            }
            { crate::components::alert::error_html(export.export_error.as_ref().map(|e| crate::components::alert::error_text(locale, e))) }
        </div>
    }
}

/// `text` as a link to its Learn entry, when there is one.
fn learn_link(entry: Option<Entry>, text: String) -> Html {
    match entry {
        Some(e) => html! {
            <a class="term" href={figures::learn_href(e)} data-learn={e.anchor()}>{ text }</a>
        },
        None => html! { { text } },
    }
}

/// "What does this mean?", linking a card to the Learn entry that explains it.
fn learn_more(locale: Locale, family: Family, key: &str) -> Html {
    let Some(entry) = Entry::find(family, key) else {
        return html! {};
    };
    let label = format!(
        "{}: {}",
        t(locale, "ui-learn-more"),
        t(locale, &entry.id(Part::Title))
    );
    html! {
        <p class="learn-more small">
            <a href={figures::learn_href(entry)} data-learn={entry.anchor()} aria-label={label}>
                { t(locale, "ui-learn-more") }
            </a>
        </p>
    }
}

/// Html items with the locale's list separator between them.
fn joined(locale: Locale, items: Vec<Html>) -> Html {
    let separator = t(locale, "ui-list-separator");
    html! {
        { for items.into_iter().enumerate().map(|(i, item)| html! {
            <>{ if i > 0 { separator.clone() } else { String::new() } }{ item }</>
        }) }
    }
}

fn card(title: String, class: &'static str, body: Html) -> Html {
    html! {
        <section class={classes!("card", class)}>
            <h3>{ title }</h3>
            { body }
        </section>
    }
}

/// The sun or moon of the stamp's half marker, drawn (no emoji font needed).
fn half_icon(pm: bool) -> Html {
    if pm {
        html! {
            <svg class="half-icon" viewBox="0 0 24 24" aria-hidden="true">
                <path d="M20 14.5A8.5 8.5 0 1 1 9.5 4a7 7 0 0 0 10.5 10.5Z" />
            </svg>
        }
    } else {
        html! {
            <svg class="half-icon sun" viewBox="0 0 24 24" aria-hidden="true">
                <circle cx="12" cy="12" r="4.5" />
                <path d="M12 2v3M12 19v3M2 12h3M19 12h3M4.9 4.9l2.1 2.1M17 17l2.1 2.1M4.9 19.1 7 17M17 7l2.1-2.1" />
            </svg>
        }
    }
}

fn token_view(locale: Locale, part: &StampPart, index: usize) -> Html {
    let tip = format!("stamp-tip-{index}");
    let text = if part.role == figures::StampRole::Half {
        html! {
            <>
                { half_icon(part.pm) }
                <span class="visually-hidden">{ part.token.clone() }</span>
            </>
        }
    } else {
        html! { { part.token.clone() } }
    };
    html! {
        <span class={classes!("token", format!("token-{:?}", part.role).to_lowercase())}
              tabindex="0" aria-describedby={tip.clone()}>
            <span class="token-text">{ text }</span>
            <span class="tooltip" role="tooltip" id={tip}>{ part.explain(locale) }</span>
        </span>
    }
}

/// The moment's day and the birth date, in the reader's calendar.
fn dates_view(locale: Locale, result: &Figures) -> Html {
    html! {
        <dl class="pairs dates" data-testid="result-dates">
            { for figures::dates(result).into_iter().map(|(label, iso)| html! {
                <>
                    <dt>{ t(locale, label) }</dt>
                    <dd data-date={iso.clone()}>{ shown_date_html(locale, &iso, None) }</dd>
                </>
            }) }
        </dl>
    }
}

fn stamp_view(locale: Locale, result: &Figures, stamp: &Fc60Stamp) -> Html {
    let parts = figures::stamp_parts(stamp);
    let body = html! {
        <>
            { dates_view(locale, result) }
            <p class="stamp" dir="ltr" data-testid="fc60-stamp">
                { for parts.iter().enumerate().map(|(i, p)| {
                    // A space between the date and the time halves, a dash elsewhere.
                    let sep = match (i, p.role) {
                        (0, _) => html! {},
                        (_, figures::StampRole::Half) => html! { <span class="sep">{ " " }</span> },
                        (_, figures::StampRole::Hour) if parts.get(i - 1).is_some_and(|q| q.role == figures::StampRole::Half) => html! {},
                        _ => html! { <span class="sep">{ "-" }</span> },
                    };
                    html! { <>{ sep }{ token_view(locale, p, i) }</> }
                }) }
            </p>
            <p class="muted small">{ t(locale, "ui-stamp-hint") }</p>
            <h4>{ t(locale, "ui-stamp-in-words") }</h4>
            <ol class="stamp-words" data-testid="stamp-words">
                { for parts.iter().map(|p| html! {
                    <li>
                        if p.role == figures::StampRole::Half {
                            { half_icon(p.pm) }
                        } else {
                            <bdi dir="ltr" class="mono">{ p.token.clone() }</bdi>
                        }
                        { " " }{ p.explain(locale) }
                    </li>
                }) }
            </ol>
            { learn_more(locale, Family::Stamp, "overview") }
            <dl class="pairs stamp-fields">
                { for figures::stamp_fields(stamp).into_iter().map(|(label, value)| {
                    let entry = figures::learn_stamp_field(label);
                    html! {
                        <>
                            <dt>{ learn_link(entry, t(locale, label)) }</dt>
                            <dd>
                                <bdi dir="ltr">{ value }</bdi>
                                if let Some(e) = entry {
                                    <span class="small figure-line">{ t(locale, &e.id(Part::Line)) }</span>
                                }
                            </dd>
                        </>
                    }
                }) }
            </dl>
        </>
    };
    card(t(locale, "heading-stamp"), "stamp-card", body)
}

fn numbers_view(locale: Locale, result: &Figures) -> Html {
    let items = figures::numbers(result);
    if items.is_empty() {
        return html! {};
    }
    let body = html! {
        <ul class="numbers">
            { for items.iter().map(|n| html! {
                <li class={classes!("number", n.master.then_some("master"))} data-testid="figure">
                    <span class="number-label">{ learn_link(figures::learn_entry_of_label(n.label), t(locale, n.label)) }</span>
                    <span class="number-value">{ learn_link(Entry::number(n.value), num(locale, n.value)) }</span>
                    if n.master {
                        <span class="badge">{ t(locale, "ui-master-number") }</span>
                    }
                    if let Some(entry) = figures::learn_entry_of_label(n.label) {
                        <span class="figure-what small">{ t(locale, &entry.id(Part::Line)) }</span>
                    }
                    if let Some(entry) = Entry::number(n.value) {
                        <span class="number-meaning small" data-testid="figure-meaning">{ t(locale, &entry.id(Part::Line)) }</span>
                    }
                </li>
            }) }
        </ul>
    };
    card(t(locale, "heading-numerology"), "numbers-card", body)
}

fn letters_view(locale: Locale, result: &Figures) -> Html {
    let Some((system, rows)) = figures::letters(result) else {
        return html! {};
    };
    let system = t(locale, &format!("system-{system}"));
    let columns = [
        "ui-col-letter",
        "ui-col-value",
        "ui-col-element",
        "ui-col-vowel",
    ];
    let rows = html! {
        { for rows.iter().map(|r| html! {
            <tr class={classes!(r.vowel.then_some("vowel"))}>
                <th scope="row"><bdi>{ r.letter.clone() }</bdi></th>
                <td>{ num(locale, r.value) }</td>
                <td>{ r.element.and_then(figures::element_named).map(|e| figures::element_name(locale, e)).unwrap_or_default() }</td>
                <td>{ if r.vowel { t(locale, "ui-vowel") } else { t(locale, "ui-consonant") } }</td>
            </tr>
        }) }
    };
    let body = html! {
        <>
            <p class="muted">{ format!("{}: {system}", t(locale, "label-system")) }</p>
            { scroll_table(locale, Some("letters"), &columns, rows) }
        </>
    };
    card(t(locale, "section-letters"), "letters-card", body)
}

/// A table that scrolls sideways on a narrow screen: a header row (the messages
/// `columns`) over `rows`.
fn scroll_table(locale: Locale, class: Option<&'static str>, columns: &[&str], rows: Html) -> Html {
    html! {
        <div class="table-scroll">
            <table class={classes!(class)}>
                <thead>
                    <tr>
                        { for columns.iter().map(|id| html! { <th scope="col">{ t(locale, id) }</th> }) }
                    </tr>
                </thead>
                <tbody>{ rows }</tbody>
            </table>
        </div>
    }
}

fn moon_view(locale: Locale, result: &Figures) -> Html {
    let Some(m) = figures::moon(result) else {
        return html! {};
    };
    let r = 40.0;
    let lit = figures::moon_lit_path(m.illumination, m.waxing, r);
    let percent = nps_i18n::LocaleFormat::percent(locale, &m.illumination.to_string());
    let phase_line = figures::learn_moon_phase(m.phase).map(|e| t(locale, &e.id(Part::Line)));
    let month = moon_day_of(result)
        .map(|day| charts::moon_month_chart(locale, day))
        .unwrap_or_default();
    let body = html! {
        <>
        <div class="moon" data-testid="figure">
            <svg class="moon-picture" viewBox="-4 -4 88 88" width="96" height="96" role="img"
                 aria-label={tf(locale, "ui-moon-picture", &[("percent", percent.clone())])}
                 data-illumination={m.illumination.to_string()}>
                <circle class="moon-dark" cx={r.to_string()} cy={r.to_string()} r={r.to_string()} />
                <path class="moon-lit" d={lit} />
                <circle class="moon-rim" cx={r.to_string()} cy={r.to_string()} r={r.to_string()} />
            </svg>
            <dl class="pairs">
                <dt>{ t(locale, "label-phase") }</dt>
                <dd>{ learn_link(figures::learn_moon_phase(m.phase), figures::moon_phase_name(locale, m.phase)) }</dd>
                <dt>{ t(locale, "label-illumination") }</dt>
                <dd>{ tf(locale, "ui-moon-lit", &[("percent", percent)]) }</dd>
                <dt>{ t(locale, "label-moon-age") }</dt>
                <dd>{ tf(locale, "value-moon-age", &[("days", num(locale, m.age))]) }</dd>
            </dl>
            if let Some(line) = phase_line {
                <p class="small" data-testid="figure-meaning">{ line }</p>
            }
        </div>
        { month }
        </>
    };
    card(t(locale, "heading-moon"), "moon-card", body)
}

/// The day whose moon a result shows.
fn moon_day_of(result: &Figures) -> Option<nps_engine::Date> {
    result.stamp().map(|s| s.moment().date)
}

fn ganzhi_view(locale: Locale, result: &Figures) -> Html {
    let items = figures::ganzhi(result);
    if items.is_empty() {
        return html! {};
    }
    let body = html! {
        <>
            <dl class="pairs">{ for items.iter().map(|g| ganzhi_item(locale, g)) }</dl>
            { learn_more(locale, Family::Figure, "ganzhi") }
        </>
    };
    card(t(locale, "heading-ganzhi"), "ganzhi-card", body)
}

/// One pillar: its token, then its element, animal and polarity (each linked to its
/// entry where there is one), and what its animal means.
fn ganzhi_item(locale: Locale, g: &figures::GanzhiItem) -> Html {
    let mut words = Vec::new();
    if let Some(e) = g.element {
        words.push(learn_link(
            figures::learn_element(e),
            figures::element_name(locale, e),
        ));
    }
    if let Some(a) = g.animal {
        words.push(learn_link(
            figures::learn_animal(a),
            figures::animal_name(locale, a),
        ));
    }
    if let Some(p) = g.polarity {
        let id = format!("polarity-{}", p.to_ascii_lowercase());
        if crate::i18n::has(locale, &id) {
            words.push(html! { { t(locale, &id) } });
        }
    }
    let meaning = g
        .animal
        .and_then(figures::learn_animal)
        .map(|e| t(locale, &e.id(Part::Line)));
    html! {
        <>
            <dt>{ t(locale, g.label) }</dt>
            <dd data-testid="figure">
                <bdi dir="ltr" class="mono">{ g.token.clone() }</bdi>{ " " }{ joined(locale, words) }
                if let Some(line) = meaning {
                    <span class="small figure-line" data-testid="figure-meaning">{ line }</span>
                }
            </dd>
        </>
    }
}

fn patterns_view(locale: Locale, result: &Figures) -> Html {
    let items = figures::patterns(result);
    if items.is_empty() && !matches!(result.kind(), SignType::Time | SignType::Full) {
        return html! {};
    }
    let body = if items.is_empty() {
        html! { <p class="muted">{ t(locale, "ui-patterns-none") }</p> }
    } else {
        html! {
            <ul class="patterns">
                { for items.iter().map(|p| html! { <li>{ figures::describe_pattern(locale, p) }</li> }) }
            </ul>
        }
    };
    let body = html! { <>{ body }{ learn_more(locale, Family::Figure, "patterns") }</> };
    card(t(locale, "heading-patterns"), "patterns-card", body)
}

/// A score's bar. `<meter>`'s own colours come from its low/high thresholds, which
/// differed between meters; a bar coloured by the score's harmony band
/// ([`crate::charts::score_cell`]) gives the same score the same colour everywhere.
fn score_bar(label: String, score: u8) -> Html {
    let band = crate::charts::score_cell(u32::from(score)).level;
    html! {
        <span class={classes!("score-bar", format!("band-{band}"))} role="img" aria-label={label}
              data-percent={score.to_string()}>
            <span class="fill" style={format!("inline-size: {score}%")}></span>
        </span>
    }
}

fn meter(locale: Locale, label: String, score: u8, level: &str) -> Html {
    html! {
        <div class="meter-row">
            <meter min="0" max="100" low="65" high="85" optimum="100"
                   value={score.to_string()} aria-label={label}></meter>
            <span>{ tf(locale, "ui-confidence-value", &[("score", num(locale, score)), ("level", t(locale, level))]) }</span>
        </div>
    }
}

fn confidence_view(locale: Locale, result: &Figures) -> Html {
    let Some((score, level)) = figures::confidence(result) else {
        return html! {};
    };
    let title = t(locale, "heading-confidence");
    let body = html! {
        <>
            { meter(locale, title.clone(), score, &level) }
            { learn_more(locale, Family::Figure, "confidence") }
        </>
    };
    card(title, "confidence-card", body)
}

fn compatibility_view(locale: Locale, result: &Figures) -> Html {
    let Some(figures::CompatibilityView {
        group_percent: group,
        level,
        pairs,
        people,
    }) = figures::compatibility(result)
    else {
        return html! {};
    };
    let columns = [
        "label-name",
        "label-birthdate",
        "label-life-path",
        "label-ganzhi-year",
    ];
    let rows = html! {
        { for people.iter().map(|p| {
            let lp = p.life_path;
            html! {
                <tr>
                    <th scope="row"><bdi>{ p.name.clone() }</bdi></th>
                    <td>{ shown_date_html(locale, &p.birth.to_string(), None) }</td>
                    <td>
                        { num(locale, lp) }
                        if figures::is_master(lp) {
                            { " " }<span class="badge">{ t(locale, "ui-master-number") }</span>
                        }
                    </td>
                    <td>{ format!("{} {}",
                        figures::element_name(locale, p.year_element),
                        figures::animal_name(locale, p.year_animal)) }</td>
                </tr>
            }
        }) }
    };
    let body = html! {
        <>
            <div class="meter-row" data-testid="group-harmony">
                { score_bar(t(locale, "ui-group-harmony"), group) }
                <span>{ tf(locale, "ui-confidence-value", &[("score", num(locale, group)), ("level", t(locale, &level))]) }</span>
            </div>
            <ul class="pairs-list">
                { for pairs.iter().map(|p| {
                    let name = tf(locale, "ui-pair", &[("a", p.a.clone()), ("b", p.b.clone())]);
                    html! {
                        <li>
                            <span>{ name.clone() }</span>
                            { score_bar(name, p.percent) }
                            <span>{ tf(locale, "value-percent", &[("value", num(locale, p.percent))]) }</span>
                        </li>
                    }
                }) }
            </ul>
            if let Figures::Compatibility(c) = result {
                { charts::compatibility_matrix_view(locale, c) }
            }
            { scroll_table(locale, None, &columns, rows) }
        </>
    };
    card(t(locale, "ui-group-harmony"), "compat-card", body)
}

fn daily_view(locale: Locale, result: &Figures) -> Html {
    let Some(daily) = figures::daily(result) else {
        return html! {};
    };
    let (hours, activities) = (&daily.lucky_hours, &daily.activities);
    let lucky: Vec<String> = daily.lucky_numbers.iter().map(|n| num(locale, n)).collect();
    if hours.is_empty() && activities.is_empty() && lucky.is_empty() {
        return html! {};
    }
    let body = html! {
        <dl class="pairs">
            if !lucky.is_empty() {
                <dt>{ t(locale, "ui-lucky-numbers") }</dt>
                <dd>{ list(locale, &lucky) }</dd>
            }
            if !hours.is_empty() {
                <dt>{ t(locale, "ui-lucky-hours") }</dt>
                <dd>{ list(locale, &hours.iter().map(|h| digits(locale, h)).collect::<Vec<_>>()) }</dd>
            }
            if !activities.is_empty() {
                <dt>{ t(locale, "ui-activities") }</dt>
                <dd>
                    <ul>{ for activities.iter().map(|a| html! { <li>{ t(locale, a) }</li> }) }</ul>
                </dd>
            }
        </dl>
    };
    card(t(locale, "section-day"), "daily-figures-card", body)
}
