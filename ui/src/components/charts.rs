//! The result's charts, drawn from the geometry of [`crate::charts`]: the personal-year
//! cycle and the moon over the month as SVG (`role="img"`, a `<title>` that says in
//! words what the picture shows), and the compatibility matrix as a table whose cells
//! are coloured by harmony band (a table is its own text alternative and reads right to
//! left by itself).

use nps_engine::Date;
use nps_i18n::Locale;
use yew::prelude::*;

use crate::charts::{
    CYCLE_BAR_WIDTH, MOON_CHART_HEIGHT, MOON_DAY_WIDTH, MOON_RADIUS, MatrixCell, MoonDay,
    compatibility_matrix, moon_month, personal_year_cycle, phase_runs,
};
use crate::figures::{self, moon_phase_name};
use crate::i18n::{digits, list, num, t, tf};
use nps_protocol::figures::CompatibilityFigures;

fn year_text(locale: Locale, year: i32) -> String {
    digits(locale, &year.to_string())
}

/// The nine personal years around `year` of someone born on `birth`.
pub fn cycle_chart(locale: Locale, birth: Date, year: i32) -> Html {
    let chart = personal_year_cycle(birth, year, locale.is_rtl());
    let items: Vec<String> = chart
        .bars
        .iter()
        .map(|b| {
            tf(
                locale,
                "ui-chart-cycle-item",
                &[
                    ("year", year_text(locale, b.year)),
                    ("number", num(locale, b.number)),
                ],
            )
        })
        .collect();
    let alt = tf(
        locale,
        "ui-chart-cycle-alt",
        &[
            ("year", year_text(locale, year)),
            ("list", list(locale, &items)),
        ],
    );
    let view_box = format!("0 0 {} {}", chart.width, chart.height);
    html! {
        <figure class="chart cycle-chart" data-testid="chart-cycle">
            <figcaption>{ t(locale, "ui-chart-cycle-heading") }</figcaption>
            <svg viewBox={view_box} role="img" aria-labelledby="chart-cycle-title">
                <title id="chart-cycle-title">{ alt }</title>
                <line class="axis" x1="0" x2={chart.width.to_string()}
                      y1={chart.base.to_string()} y2={chart.base.to_string()} />
                { for chart.bars.iter().map(|b| {
                    let mid = b.x + CYCLE_BAR_WIDTH / 2.0;
                    html! {
                        <g class={classes!("year-bar", b.current.then_some("current"))}
                           data-year={b.year.to_string()} data-number={b.number.to_string()}>
                            <rect x={b.x.to_string()} y={b.y.to_string()}
                                  width={CYCLE_BAR_WIDTH.to_string()} height={b.height.to_string()} rx="3" />
                            <text class="value" x={mid.to_string()} y={(b.y - 4.0).to_string()}
                                  text-anchor="middle">{ num(locale, b.number) }</text>
                            <text class="year" x={mid.to_string()} y={(chart.base + 14.0).to_string()}
                                  text-anchor="middle">{ year_text(locale, b.year) }</text>
                        </g>
                    }
                }) }
            </svg>
        </figure>
    }
}

/// The moon on every day of the month around `day`, in the reader's calendar.
pub fn moon_month_chart(locale: Locale, day: Date) -> Html {
    let Some(month) = moon_month(locale, day, locale.is_rtl()) else {
        return html! {};
    };
    let month_name = t(locale, &month.month_id);
    let year = year_text(locale, month.year);
    let runs: Vec<String> = phase_runs(&month.days)
        .into_iter()
        .map(|(from, to, phase)| {
            let phase = moon_phase_name(locale, phase);
            if from == to {
                tf(
                    locale,
                    "ui-chart-moon-day",
                    &[("day", num(locale, from)), ("phase", phase)],
                )
            } else {
                tf(
                    locale,
                    "ui-chart-moon-run",
                    &[
                        ("from", num(locale, from)),
                        ("to", num(locale, to)),
                        ("phase", phase),
                    ],
                )
            }
        })
        .collect();
    let marked = month
        .days
        .iter()
        .find(|d| d.marked)
        .map(|d| d.day)
        .unwrap_or(1);
    let alt = tf(
        locale,
        "ui-chart-moon-alt",
        &[
            ("month", month_name.clone()),
            ("year", year.clone()),
            ("day", num(locale, marked)),
            ("list", list(locale, &runs)),
        ],
    );
    let view_box = format!("0 0 {} {MOON_CHART_HEIGHT}", month.width);
    html! {
        <figure class="chart moon-chart" data-testid="chart-moon">
            <figcaption>{ tf(locale, "ui-chart-moon-heading", &[("month", month_name), ("year", year)]) }</figcaption>
            <svg viewBox={view_box} role="img" aria-labelledby="chart-moon-title">
                <title id="chart-moon-title">{ alt }</title>
                { for month.days.iter().map(|d| moon_day(locale, d)) }
            </svg>
        </figure>
    }
}

fn moon_day(locale: Locale, d: &MoonDay) -> Html {
    let r = MOON_RADIUS;
    let cx = d.x + MOON_DAY_WIDTH / 2.0;
    let lit = figures::moon_lit_path(d.illumination, d.waxing, r);
    html! {
        <g class={classes!("moon-day", d.marked.then_some("marked"))} data-day={d.day.to_string()}
           data-phase={d.phase.to_string()} data-date={d.date.to_string()}>
            if d.marked {
                <rect class="mark" x={(d.x + 1.0).to_string()} y="1" rx="4"
                      width={(MOON_DAY_WIDTH - 2.0).to_string()} height={(MOON_CHART_HEIGHT - 2.0).to_string()} />
            }
            <g transform={format!("translate({} 4)", cx - r)}>
                <circle class="moon-dark" cx={r.to_string()} cy={r.to_string()} r={r.to_string()} />
                <path class="moon-lit" d={lit} />
                <circle class="moon-rim" cx={r.to_string()} cy={r.to_string()} r={r.to_string()} />
            </g>
            <text x={cx.to_string()} y={(MOON_CHART_HEIGHT - 8.0).to_string()} text-anchor="middle">
                { num(locale, d.day) }
            </text>
        </g>
    }
}

/// Every pair's score in a grid of the people, each cell coloured by its band.
pub fn compatibility_matrix_view(locale: Locale, c: &CompatibilityFigures) -> Html {
    let rows = compatibility_matrix(c);
    let cell = |m: &Option<MatrixCell>| match m {
        Some(m) => html! {
            <td class={classes!("score", format!("band-{}", m.level))} data-percent={m.percent.to_string()}>
                { tf(locale, "value-percent", &[("value", num(locale, m.percent))]) }
                <span class="band-word">{ t(locale, &format!("harmony-{}", m.level)) }</span>
            </td>
        },
        None => {
            html! { <td class="self" aria-label={t(locale, "ui-chart-matrix-self")}>{ "—" }</td> }
        }
    };
    html! {
        <div class="table-scroll chart" data-testid="chart-compat">
            <table class="matrix">
                <caption>{ t(locale, "ui-chart-matrix-caption") }</caption>
                <thead>
                    <tr>
                        <td></td>
                        { for c.people.iter().map(|p| html! { <th scope="col"><bdi>{ p.name.clone() }</bdi></th> }) }
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().zip(&c.people).map(|(row, p)| html! {
                        <tr>
                            <th scope="row"><bdi>{ p.name.clone() }</bdi></th>
                            { for row.iter().map(cell) }
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}
