//! `GET /angebote/{slug}`: one published offer in plain language, with schema.org `Course`
//! JSON-LD for search engines and course portals.
//!
//! The weekly load of a cohort is the average over the weeks that have sessions of the hours
//! of sessions plus self-study, from the planner's plan of the offer at the cohort's start
//! date and federal state (`publish::jsonld::plan_weekly_hours`); the peak is the highest such
//! week. Work and travel are not included. The classification uses the first listed cohort's
//! plan, or the time model's nominal week when there is no cohort.

use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::Response;
use lernweg_app::catalogue::{Listed, PublicOffer, public_offer};
use lernweg_offers::publish::jsonld::{
    CohortLd, CourseLd, CourseMode, ProviderLd, course_jsonld, jsonld_script, plan_weekly_hours,
};
use lernweg_offers::{DeliveryMode, Slot, Span, TimeModelDef, classify};
use lernweg_planner::Plan;
use lernweg_planner::model::weekday_code;

use super::{base_url, date_text, field_label, hours_text, mode_label, run_text, state_name};
use crate::AppState;
use crate::context::Ctx;
use crate::error::{PageError, localized_args};
use crate::i18n::Lang;
use crate::pages::{Layout, render};

/// A cohort as the public sees it.
pub struct CohortView {
    pub name: String,
    pub start: String,
    pub end: String,
    pub state: String,
    pub weekly: String,
    pub peak: String,
}

pub struct ModuleView {
    pub title: String,
    pub hours: String,
    pub milestone: Option<String>,
}

pub struct Place {
    pub name: String,
    pub street: String,
    pub city: String,
    pub step_free: bool,
    pub accessibility: Option<String>,
}

#[derive(Template)]
#[template(path = "catalogue_offer.html")]
pub struct OfferPage {
    pub layout: Layout,
    pub title: String,
    pub description: String,
    pub target_group: String,
    pub provider: String,
    pub goal: String,
    pub field: String,
    pub kldb: String,
    pub degree: Option<String>,
    pub modules: Vec<ModuleView>,
    pub exams: Vec<String>,
    pub total_hours: String,
    pub time_model: String,
    pub mode: String,
    pub modes: Vec<String>,
    pub rhythm: Vec<String>,
    pub cohorts: Vec<CohortView>,
    pub language: String,
    pub language_reason: Option<String>,
    pub support: Vec<String>,
    pub costs: String,
    pub funding: Option<String>,
    pub place: Option<Place>,
    pub presence_note: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    /// The phone number as a `tel:` target.
    pub contact_tel: String,
    pub apply_steps: Vec<String>,
    pub class_label: String,
    pub class_reasons: Vec<String>,
    pub class_basis: String,
    pub jsonld: String,
}

fn day(lang: Lang, w: chrono::Weekday) -> String {
    lang.t(&format!("catalogue-day-{}", weekday_code(w)))
}

fn slot_line(lang: Lang, s: &Slot) -> String {
    lang.t_args(
        "catalogue-rhythm-weekly",
        &[
            ("day", day(lang, s.weekday)),
            ("start", s.start.to_string()),
            ("end", s.end.to_string()),
        ],
    )
}

fn span_args(s: &Span) -> [(&'static str, String); 2] {
    [("start", s.start.to_string()), ("end", s.end.to_string())]
}

/// The weekly rhythm of the time model in sentences.
pub fn rhythm(lang: Lang, model: &TimeModelDef) -> Vec<String> {
    match model {
        TimeModelDef::EveningCourse { evenings: s } | TimeModelDef::ReleaseSlots { slots: s } => {
            s.iter().map(|s| slot_line(lang, s)).collect()
        }
        TimeModelDef::BlockSeminar { evening, weekend } => vec![
            slot_line(lang, evening),
            lang.t_args("catalogue-rhythm-block-weekend", &span_args(weekend)),
        ],
        TimeModelDef::CompactSeminar {
            day,
            weeks_per_quarter,
        } => {
            let [a, b] = span_args(day);
            vec![lang.t_args(
                "catalogue-rhythm-compact",
                &[a, b, ("weeks", weeks_per_quarter.to_string())],
            )]
        }
        TimeModelDef::SelfPaced {
            hours_per_week,
            presence,
        } => vec![
            lang.t_args(
                "catalogue-rhythm-self-paced",
                &[("hours", hours_text(lang, *hours_per_week))],
            ),
            slot_line(lang, presence),
        ],
    }
}

fn peak_hours(plan: &Plan) -> Option<f64> {
    plan.load
        .weekly
        .iter()
        .filter(|w| w.has_sessions)
        .map(|w| w.session_hours + w.self_study_hours)
        .reduce(f64::max)
}

fn hours_or_unknown(lang: Lang, h: Option<f64>) -> String {
    match h {
        Some(h) => lang.t_args("catalogue-hours", &[("hours", hours_text(lang, h))]),
        None => lang.t("catalogue-unknown"),
    }
}

pub async fn page(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let PublicOffer { listed, plans } = public_offer(&state.app, &slug).await?;
    let site = base_url(&state, &headers);
    let url = format!("{site}/angebote/{}", listed.offer().slug);
    let page = build(&ctx, &listed, &plans, url, &site, state.app.today());
    Ok(render(&page))
}

/// The page; `site` is the installation's address, `today` hides ended runs from the JSON-LD.
fn build(
    ctx: &Ctx,
    l: &Listed,
    plans: &[Plan],
    url: String,
    site: &str,
    today: chrono::NaiveDate,
) -> OfferPage {
    let lang = ctx.lang;
    let o = l.offer();
    let path = format!("/angebote/{}", o.slug);
    let mut layout = Layout::new(ctx, &path, "catalogue-title");
    layout.title = o.title.clone();

    let cohorts = l
        .cohorts
        .iter()
        .zip(plans)
        .map(|(c, p)| CohortView {
            name: c.name.clone(),
            start: run_text(lang, c, l.today, false),
            end: date_text(lang, c.end_date.unwrap_or(p.end_date)),
            state: state_name(c.state),
            weekly: hours_or_unknown(lang, plan_weekly_hours(p)),
            peak: hours_or_unknown(lang, peak_hours(p)),
        })
        .collect();

    let classification = classify(o, plans.first());
    let class_basis = if plans.is_empty() {
        lang.t("catalogue-class-basis-model")
    } else {
        lang.t("catalogue-class-basis-plan")
    };

    let place = o.location.as_ref().map(|loc| Place {
        name: loc.name.clone(),
        street: loc.street.clone(),
        city: format!("{} {}", loc.zip, loc.city).trim().to_owned(),
        step_free: loc.step_free,
        accessibility: loc.accessibility.clone().filter(|a| !a.trim().is_empty()),
    });
    let presence_note = match l.mode() {
        CourseMode::Blended => lang.t("catalogue-presence-blended"),
        CourseMode::Onsite => lang.t("catalogue-presence-onsite"),
        CourseMode::Online if o.has_presence_events() => {
            lang.t("catalogue-presence-online-with-events")
        }
        CourseMode::Online => lang.t("catalogue-presence-online"),
    };

    let costs = if o.costs_eur == 0.0 {
        lang.t("catalogue-costs-free")
    } else {
        lang.t_args(
            "catalogue-costs-amount",
            &[("amount", format!("{:.2}", o.costs_eur).replace('.', ","))],
        )
    };

    let (language, language_reason) = match o.language_level {
        Some(level) => (
            lang.t_args(
                "catalogue-language-level",
                &[("level", level.as_str().to_owned())],
            ),
            o.language_justification
                .clone()
                .filter(|j| !j.trim().is_empty()),
        ),
        None => (lang.t("catalogue-language-none"), None),
    };

    let contact = &o.contact;
    let apply_steps = vec![
        lang.t_args(
            "catalogue-apply-step-contact",
            &[("name", contact.name.clone())],
        ),
        lang.t("catalogue-apply-step-talk"),
        lang.t("catalogue-apply-step-employer"),
        lang.t("catalogue-apply-step-register"),
    ];

    // Providers have no website of their own in Lernweg yet: their `url` is the installation
    // that publishes their offers.
    let provider = ProviderLd {
        name: l.provider.name.to_string(),
        url: Some(format!("{site}/")),
        address: None,
    };
    let de = |id: &str| Lang::De.t(id);
    let mut ld = CourseLd::new(o, url.clone(), provider, &de);
    for (c, p) in l.cohorts.iter().zip(plans) {
        // From the first to the last stored session.
        let mut cl = CohortLd::from_plan(p);
        cl.name = Some(c.name.clone());
        cl.description = cl
            .weekly_load(o)
            .map(|h| Lang::De.t_args("publish-weekly-load", &[("hours", hours_text(Lang::De, h))]));
        ld.cohorts.push(cl);
    }
    let jsonld = jsonld_script(&course_jsonld(&ld, today));

    OfferPage {
        layout,
        title: o.title.clone(),
        description: o.description.clone(),
        target_group: o.target_group.clone(),
        provider: l.provider.name.to_string(),
        goal: lang.t(&format!("offers-goal-{}", o.goal.code())),
        field: field_label(lang, o.kldb.occupational_area()),
        kldb: o.kldb.as_str().to_owned(),
        degree: o.degree.clone().filter(|d| !d.trim().is_empty()),
        modules: o
            .modules
            .iter()
            .map(|m| ModuleView {
                title: m.title.clone(),
                hours: lang.t_args("catalogue-hours", &[("hours", hours_text(lang, m.hours))]),
                milestone: m.milestone.clone().filter(|s| !s.trim().is_empty()),
            })
            .collect(),
        exams: o.exams.iter().map(|e| e.title.clone()).collect(),
        total_hours: lang.t_args(
            "catalogue-hours",
            &[("hours", hours_text(lang, o.total_hours()))],
        ),
        time_model: lang.t(&format!("offers-time_model-{}", o.time_model.kind().code())),
        mode: mode_label(lang, l.mode()),
        modes: o
            .delivery_modes
            .iter()
            .map(|m: &DeliveryMode| lang.t(&format!("offers-mode-{}", m.code())))
            .collect(),
        rhythm: rhythm(lang, &o.time_model),
        cohorts,
        language,
        language_reason,
        support: o
            .support
            .iter()
            .map(|s| lang.t(&format!("offers-support-{}", s.code())))
            .collect(),
        costs,
        funding: o.funding.clone().filter(|f| !f.trim().is_empty()),
        place,
        presence_note,
        contact_name: contact.name.clone(),
        contact_email: contact.email.as_str().to_owned(),
        contact_phone: contact.phone.clone().filter(|p| !p.trim().is_empty()),
        contact_tel: tel(contact.phone.as_deref().unwrap_or("")),
        apply_steps,
        class_label: lang.t(&classification.class.message_id()),
        class_reasons: classification
            .reasons
            .iter()
            .map(|r| lang.t_args(&r.message_id(), &localized_args(lang, &r.args)))
            .collect(),
        class_basis,
        jsonld,
    }
}

/// `tel:` link target: digits and a leading plus only.
pub fn tel(phone: &str) -> String {
    phone
        .chars()
        .enumerate()
        .filter(|(i, c)| c.is_ascii_digit() || (*i == 0 && *c == '+'))
        .map(|(_, c)| c)
        .collect()
}
