//! `GET /verwaltung/angebote/{id}`: everything about one offer, its classification with
//! reasons, the success factors, the plain-language check of its public page and its cohorts.

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::response::Response;
use lernweg_domain::OfferId;
use lernweg_domain::access::MANAGERS;
use lernweg_offers::{FactorStatus, Offer, Slot, TimeModelDef};

use super::principal;
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::offers_view::analysis::{ReadabilityView, class_label, date, num, reason_text, vocab};
use crate::pages::{Layout, render};

/// A label and a value of the facts list.
pub struct Fact {
    pub label: String,
    pub value: String,
}

pub struct ModuleRow {
    pub number: usize,
    pub title: String,
    pub hours: String,
    pub self_study: String,
    pub milestone: String,
}

pub struct ExamRow {
    pub after_module: String,
    pub title: String,
    pub hours: String,
}

pub struct FactorRow {
    pub factor: String,
    pub status: String,
    pub symbol: &'static str,
    pub class: &'static str,
    pub explanation: String,
    pub section: String,
}

pub struct CohortRow {
    pub id: String,
    pub name: String,
    pub start: String,
    pub status: String,
}

#[derive(Template)]
#[template(path = "offers_detail.html")]
pub struct DetailPage {
    pub layout: Layout,
    pub id: String,
    pub title: String,
    pub published: bool,
    pub published_text: String,
    pub can_manage: bool,
    pub facts: Vec<Fact>,
    pub modules: Vec<ModuleRow>,
    pub exams: Vec<ExamRow>,
    pub class: String,
    pub reasons: Vec<String>,
    pub plan_note: String,
    pub plan_summary: String,
    pub factors: Vec<FactorRow>,
    pub readability: Option<ReadabilityView>,
    pub cohorts: Vec<CohortRow>,
}

/// `Di 18:00–21:00`.
fn slot_text(lang: Lang, s: &Slot) -> String {
    lang.t_args(
        "offers-page-slot",
        &[
            (
                "weekday",
                lang.t(&format!(
                    "offers-form-weekday-{}",
                    lernweg_planner::model::weekday_code(s.weekday)
                )),
            ),
            ("start", s.start.to_string()),
            ("end", s.end.to_string()),
        ],
    )
}

/// The time model with its parameters in one line.
fn time_model_text(lang: Lang, tm: &TimeModelDef) -> String {
    let name = vocab(lang, "time_model", tm.kind().code());
    let slots = |list: &[Slot]| {
        list.iter()
            .map(|s| slot_text(lang, s))
            .collect::<Vec<_>>()
            .join("; ")
    };
    let detail = match tm {
        TimeModelDef::EveningCourse { evenings } => slots(evenings),
        TimeModelDef::ReleaseSlots { slots: list } => slots(list),
        TimeModelDef::BlockSeminar { evening, weekend } => lang.t_args(
            "offers-page-tm-block",
            &[
                ("evening", slot_text(lang, evening)),
                ("start", weekend.start.to_string()),
                ("end", weekend.end.to_string()),
            ],
        ),
        TimeModelDef::CompactSeminar {
            day,
            weeks_per_quarter,
        } => lang.t_args(
            "offers-page-tm-compact",
            &[
                ("start", day.start.to_string()),
                ("end", day.end.to_string()),
                ("weeks", weeks_per_quarter.to_string()),
            ],
        ),
        TimeModelDef::SelfPaced {
            hours_per_week,
            presence,
        } => lang.t_args(
            "offers-page-tm-self-paced",
            &[
                ("hours", num(lang, *hours_per_week)),
                ("presence", slot_text(lang, presence)),
            ],
        ),
    };
    format!("{name}: {detail}")
}

fn facts(lang: Lang, o: &Offer, provider: Option<String>) -> Vec<Fact> {
    let t = |k: &str| lang.t(k);
    let yes_no = |v: bool| {
        t(if v {
            "offers-page-yes"
        } else {
            "offers-page-no"
        })
    };
    let none = || t("offers-page-none");
    let opt = |v: &Option<String>| v.clone().filter(|s| !s.is_empty()).unwrap_or_else(none);
    let list = |v: Vec<String>| {
        if v.is_empty() { none() } else { v.join(", ") }
    };
    let mut out = Vec::new();
    let mut push = |key: &str, value: String| {
        out.push(Fact {
            label: t(&format!("offers-form-{key}")),
            value,
        })
    };
    if let Some(p) = provider {
        push("provider", p);
    }
    push("goal", vocab(lang, "goal", o.goal.code()));
    push("company_measure_only", yes_no(o.company_measure_only));
    push("kldb", o.kldb.as_str().to_owned());
    push("target_group", o.target_group.clone());
    push(
        "delivery_modes",
        list(
            o.delivery_modes
                .iter()
                .map(|m| vocab(lang, "mode", m.code()))
                .collect(),
        ),
    );
    push("kickoff_in_presence", yes_no(o.kickoff_in_presence));
    push("closing_in_presence", yes_no(o.closing_in_presence));
    push("time_model_kind", time_model_text(lang, &o.time_model));
    push("total_hours", num(lang, o.total_hours()));
    push(
        "exchange",
        match &o.exchange {
            Some(x) => lang.t_args(
                "offers-page-exchange",
                &[
                    ("weeks", x.every_weeks.to_string()),
                    ("slot", slot_text(lang, &x.slot)),
                ],
            ),
            None => none(),
        },
    );
    push(
        "language_level",
        o.language_level
            .map(|l| l.as_str().to_owned())
            .unwrap_or_else(none),
    );
    push("language_justification", opt(&o.language_justification));
    push(
        "support",
        list(
            o.support
                .iter()
                .map(|s| vocab(lang, "support", s.code()))
                .collect(),
        ),
    );
    push(
        "location_city",
        match &o.location {
            Some(l) => [
                l.name.as_str(),
                l.street.as_str(),
                &format!("{} {}", l.zip, l.city),
            ]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
            None => none(),
        },
    );
    if let Some(l) = &o.location {
        push("location_step_free", yes_no(l.step_free));
        push("location_accessibility", opt(&l.accessibility));
    }
    push("funding", opt(&o.funding));
    push("costs_eur", num(lang, o.costs_eur));
    push("capacity", o.capacity.to_string());
    push(
        "load_limit_hours",
        o.load_limit_hours
            .map(|h| num(lang, h))
            .unwrap_or_else(none),
    );
    push("contact_name", o.contact.name.clone());
    push("contact_email", o.contact.email.to_string());
    push("contact_phone", opt(&o.contact.phone));
    push("degree", opt(&o.degree));
    push("keywords", list(o.keywords.clone()));
    push("slug", o.slug.clone());
    out
}

fn status_view(s: FactorStatus) -> (&'static str, &'static str) {
    match s {
        FactorStatus::Met => ("✓", "status-met"),
        FactorStatus::Partly => ("◐", "status-partly"),
        FactorStatus::NotMet => ("✗", "status-not-met"),
    }
}

/// `GET /verwaltung/angebote/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<OfferId>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let who = principal(&ctx)?;
    let view = lernweg_app::offers::offer_view(&state.app, &who, id).await?;
    // The plain-language check scores what a participant reads: the whole public page.
    let public = lernweg_app::catalogue::preview(&state.app, &who, id).await?;
    let page_text = crate::pages::catalogue::offer_page_text(lang, &public, state.app.today());
    let (record, provider, cohorts, a) =
        (&view.record, &view.provider, &view.cohorts, &view.analysis);
    let o = &record.offer;
    let layout = Layout::new(&ctx, "/verwaltung/angebote", "offers-page-detail-title");
    let admin = ctx.principal().is_some_and(|p| p.provider_id.is_none());
    let start = date(lang, a.plan_start);
    let plan_note = if a.start_from_cohort {
        layout.t1("offers-page-plan-from-cohort", "start", &start)
    } else {
        layout.t1("offers-page-plan-from-monday", "start", &start)
    };
    let plan_summary = match &a.plan {
        Some(p) => lang.t_args(
            "offers-page-plan-summary",
            &[
                ("sessions", p.sessions.len().to_string()),
                ("end", date(lang, p.end_date)),
                ("weeks", p.weeks.to_string()),
                ("hours", num(lang, p.total_hours)),
            ],
        ),
        None => layout.t("offers-page-plan-failed"),
    };
    let published_text = match (record.published, record.published_at) {
        (true, Some(at)) => layout.t1(
            "offers-page-published-since",
            "date",
            &date(lang, at.date_naive()),
        ),
        (true, None) => layout.t("offers-page-published"),
        (false, _) => layout.t("offers-page-not-published"),
    };
    let page = DetailPage {
        id: record.id.to_string(),
        title: o.title.clone(),
        published: record.published,
        published_text,
        can_manage: MANAGERS.permits(ctx.role()),
        facts: facts(lang, o, admin.then(|| provider.name.to_string())),
        modules: o
            .modules
            .iter()
            .enumerate()
            .map(|(i, m)| ModuleRow {
                number: i + 1,
                title: m.title.clone(),
                hours: num(lang, m.hours),
                self_study: num(lang, m.self_study_hours_per_week),
                milestone: m.milestone.clone().unwrap_or_default(),
            })
            .collect(),
        exams: o
            .exams
            .iter()
            .map(|x| ExamRow {
                after_module: x.after_module.to_string(),
                title: x.title.clone(),
                hours: num(lang, x.hours),
            })
            .collect(),
        class: class_label(lang, a.classification.class),
        reasons: a
            .classification
            .reasons
            .iter()
            .map(|r| reason_text(lang, r))
            .collect(),
        plan_note,
        plan_summary,
        factors: a
            .factors
            .iter()
            .map(|f| {
                let (symbol, class) = status_view(f.status);
                FactorRow {
                    factor: lang.t(&format!("offers-factor-{}", f.factor)),
                    status: lang.t(&format!("offers-status-{}", f.status.code())),
                    symbol,
                    class,
                    explanation: reason_text(lang, &f.explanation),
                    section: f.section.to_owned(),
                }
            })
            .collect(),
        readability: Some(ReadabilityView::new(lang, &page_text)),
        cohorts: cohorts
            .iter()
            .map(|c| CohortRow {
                id: c.id.to_string(),
                name: c.name.clone(),
                start: date(lang, c.start_date),
                status: lang.t(&format!("offers-page-cohort-status-{}", c.status.as_str())),
            })
            .collect(),
        layout,
    };
    Ok(render(&page))
}
