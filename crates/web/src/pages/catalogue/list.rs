//! `GET /angebote`: the published offers with filters.

use std::collections::BTreeSet;

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::response::Response;
use lernweg_app::catalogue::{Criteria, Listed, listed_offers};
use lernweg_domain::paging::PAGE_SIZE;
use lernweg_domain::{Paged, State as FedState};
use lernweg_planner::TimeModelKind;

use super::text::{occupation, place, when};
use super::{field_label, mode_label, run_text, state_name};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::admin::Choice;
use crate::pages::{Layout, render};
use crate::paging::{PageParams, Pager};
use crate::public_catalogue::{FilterQuery, MODES};

/// One offer in the list.
pub struct Card {
    pub title: String,
    pub slug: String,
    pub target_group: String,
    pub provider: String,
    pub goal: String,
    /// The occupation by name.
    pub occupation: String,
    /// When the course is, in one sentence.
    pub when: String,
    /// Where: the city, online, or both.
    pub place: String,
    /// The start dates with their federal state, e.g. "02.03.2027 (Nordrhein-Westfalen)".
    pub starts: Vec<String>,
}

/// A filter `<select>` with its options.
pub struct Select {
    pub name: &'static str,
    pub label: String,
    pub options: Vec<Choice>,
}

#[derive(Template)]
#[template(path = "catalogue_list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub selects: Vec<Select>,
    pub cards: Vec<Card>,
    pub count: String,
    pub filtered: bool,
    /// The search text as typed.
    pub q: String,
    /// Shown when the matches fill more than one page.
    pub pager: Option<Pager>,
}

fn card(lang: Lang, l: &Listed) -> Card {
    let o = l.offer();
    Card {
        title: o.title.clone(),
        slug: o.slug.clone(),
        target_group: o.target_group.clone(),
        provider: l.provider.name.to_string(),
        goal: lang.t(&format!("offers-goal-{}", o.goal.code())),
        occupation: occupation(lang, &o.kldb),
        when: when(lang, &o.time_model),
        place: place(lang, l),
        starts: l
            .cohorts
            .iter()
            .map(|c| run_text(lang, c, l.today, true))
            .collect(),
    }
}

fn choice(value: String, label: String, selected: bool) -> Choice {
    Choice {
        value,
        label,
        selected,
    }
}

fn with_any(lang: Lang, mut options: Vec<Choice>) -> Vec<Choice> {
    let none_selected = !options.iter().any(|c| c.selected);
    options.insert(
        0,
        choice(String::new(), lang.t("catalogue-filter-any"), none_selected),
    );
    options
}

/// A month as "März 2027".
fn month_label(lang: Lang, code: &str) -> String {
    let (y, m) = code.split_at(4);
    let m = m.trim_start_matches('-').trim_start_matches('0');
    lang.t_args(
        "catalogue-month",
        &[
            ("month", lang.t(&format!("catalogue-month-{m}"))),
            ("year", y.to_owned()),
        ],
    )
}

fn selects(lang: Lang, c: &Criteria, all: &[Listed]) -> Vec<Select> {
    let states = FedState::ALL
        .iter()
        .map(|s| choice(s.code().to_owned(), state_name(*s), c.state == Some(*s)))
        .collect();
    let fields = (0u8..=9)
        .map(|a| {
            choice(
                a.to_string(),
                format!("{a} – {}", field_label(lang, a)),
                c.field == Some(a),
            )
        })
        .collect();
    let models = TimeModelKind::ALL
        .iter()
        .map(|k| {
            choice(
                k.code().to_owned(),
                lang.t(&format!("offers-time_model-{}", k.code())),
                c.time_model == Some(*k),
            )
        })
        .collect();
    let modes = MODES
        .iter()
        .map(|m| {
            choice(
                m.code().to_owned(),
                mode_label(lang, *m),
                c.mode == Some(*m),
            )
        })
        .collect();
    let mut months: BTreeSet<String> = all.iter().flat_map(Listed::start_months).collect();
    if let Some(m) = &c.month {
        months.insert(m.clone());
    }
    let months = months
        .into_iter()
        .map(|m| {
            let selected = c.month.as_deref() == Some(m.as_str());
            choice(m.clone(), month_label(lang, &m), selected)
        })
        .collect();
    vec![
        Select {
            name: "state",
            label: lang.t("catalogue-filter-state"),
            options: with_any(lang, states),
        },
        Select {
            name: "field",
            label: lang.t("catalogue-filter-field"),
            options: with_any(lang, fields),
        },
        Select {
            name: "time_model",
            label: lang.t("catalogue-filter-time-model"),
            options: with_any(lang, models),
        },
        Select {
            name: "mode",
            label: lang.t("catalogue-filter-mode"),
            options: with_any(lang, modes),
        },
        Select {
            name: "month",
            label: lang.t("catalogue-filter-month"),
            options: with_any(lang, months),
        },
    ]
}

pub async fn page(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(q): Query<FilterQuery>,
    Query(paging): Query<PageParams>,
) -> Result<Response, PageError> {
    // All offers, not only the matching ones: the month filter offers every start month.
    // Published offers are few (tens to hundreds): they are matched here and the page cut
    // out of the matches.
    let all = listed_offers(&state.app).await?;
    let criteria = q.criteria();
    let lang = ctx.lang;
    let matching: Vec<&Listed> = all.iter().filter(|l| criteria.matches(l)).collect();
    let page_no = paging.page();
    let from = usize::try_from(page_no.offset(PAGE_SIZE)).unwrap_or(usize::MAX);
    let paged = Paged {
        items: matching
            .iter()
            .skip(from)
            .take(PAGE_SIZE as usize)
            .map(|l| card(lang, l))
            .collect::<Vec<Card>>(),
        page: page_no,
        total: matching.len() as u64,
        size: PAGE_SIZE,
        capped: false,
    };
    let text = q.q.clone().unwrap_or_default();
    let keep = [
        ("state", q.state.as_deref().unwrap_or("")),
        ("field", q.field.as_deref().unwrap_or("")),
        ("time_model", q.time_model.as_deref().unwrap_or("")),
        ("mode", q.mode.as_deref().unwrap_or("")),
        ("month", q.month.as_deref().unwrap_or("")),
        ("q", text.as_str()),
    ];
    let pager = (paged.pages() > 1).then(|| Pager::new(lang, &paged, "/angebote", &keep));
    let page = ListPage {
        layout: Layout::new(&ctx, "/angebote", "catalogue-title"),
        selects: selects(lang, &criteria, &all),
        count: lang.t_args("catalogue-count", &[("count", matching.len().to_string())]),
        cards: paged.items,
        filtered: !criteria.is_empty(),
        q: text,
        pager,
    };
    Ok(render(&page))
}
