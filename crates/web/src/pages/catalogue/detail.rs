//! `GET /angebote/{slug}`: one published offer in plain language, with schema.org `Course`
//! JSON-LD for search engines and course portals.
//!
//! The page starts with a summary (start, when, hours per week, costs, place, contact and
//! how to apply); the time model is said in one sentence ([`text::when`]) and the occupation
//! by name. [`build`] makes the page for the public page, the staff readability check and
//! `lernweg readability --offer`; [`OfferPage::main_text`] is its visible text.
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
use chrono::NaiveDate;
use lernweg_app::catalogue::{PublicOffer, public_offer};
use lernweg_offers::classify;
use lernweg_offers::publish::jsonld::{
    CohortLd, CourseLd, CourseMode, PostalAddressLd, ProviderLd, course_jsonld,
    estimated_weekly_hours, jsonld_script, plan_weekly_hours,
};
use lernweg_planner::Plan;

use super::text::{occupation, place, when};
use super::{base_url, date_text, hours_text, run_text, state_name};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
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

/// A module as one line: title, hours and its milestone.
pub struct ModuleView {
    pub text: String,
}

pub struct Place {
    pub name: String,
    pub street: String,
    pub city: String,
    /// Whether one gets in without steps, as a sentence.
    pub step_free: String,
    /// "Zugang: …".
    pub accessibility: Option<String>,
}

/// A line of the summary: a term and its value, the value as a link when `href` is set.
pub struct Fact {
    pub label: String,
    pub value: String,
    pub href: Option<String>,
}

impl Fact {
    fn new(label: String, value: String) -> Fact {
        Fact {
            label,
            value,
            href: None,
        }
    }

    fn link(label: String, value: String, href: String) -> Fact {
        Fact {
            label,
            value,
            href: Some(href),
        }
    }
}

#[derive(Template)]
#[template(path = "catalogue_offer.html")]
pub struct OfferPage {
    pub layout: Layout,
    pub title: String,
    pub target_group: String,
    /// Start, when, hours per week, costs, place, contact, how to apply, goal, occupation,
    /// provider.
    pub summary: Vec<Fact>,
    pub description: String,
    pub modules: Vec<ModuleView>,
    /// "Unterricht insgesamt: … Stunden".
    pub total_hours: String,
    /// "Prüfungen: …", or empty.
    pub exams: String,
    /// "Abschluss: …".
    pub degree: Option<String>,
    pub language: String,
    /// "Warum dieses Niveau: …".
    pub language_reason: Option<String>,
    pub presence_note: String,
    pub cohorts: Vec<CohortView>,
    pub support: Vec<String>,
    pub place: Option<Place>,
    pub apply_steps: Vec<String>,
    pub class_label: String,
    pub class_reasons: Vec<String>,
    pub class_basis: String,
    pub jsonld: String,
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

/// "Label: value" as one line of text.
fn labelled(lang: Lang, key: &str, value: &str) -> String {
    lang.t_args(
        "catalogue-labelled",
        &[("label", lang.t(key)), ("value", value.to_owned())],
    )
}

fn given(s: &Option<String>) -> Option<String> {
    s.clone().filter(|s| !s.trim().is_empty())
}

pub async fn page(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(slug): Path<String>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let public = public_offer(&state.app, &slug).await?;
    let site = base_url(&state, &headers);
    let path = format!("/angebote/{}", public.listed.offer().slug);
    let mut layout = Layout::new(&ctx, &path, "catalogue-title");
    layout.legal_provider(public.listed.provider.id);
    let page = build(
        ctx.lang,
        layout,
        &public,
        format!("{site}{path}"),
        &site,
        state.app.today(),
    );
    Ok(render(&page))
}

/// The summary at the top of the page.
fn summary(lang: Lang, p: &PublicOffer, today: NaiveDate, when: &str) -> Vec<Fact> {
    let l = &p.listed;
    let o = l.offer();
    let t = |k: &str| lang.t(k);
    // The next start; a run that has begun when none is ahead.
    let next = l
        .cohorts
        .iter()
        .position(|c| c.start_date >= today)
        .or((!l.cohorts.is_empty()).then_some(0));
    let start = match next {
        // "ab … in …", or for a run that has begun "läuft seit …" and whether one can join.
        Some(i) => run_text(lang, &l.cohorts[i], today, true),
        None => t("catalogue-no-dates"),
    };
    let weekly = match next.and_then(|i| p.plans.get(i)) {
        Some(plan) => plan_weekly_hours(plan),
        None => estimated_weekly_hours(o),
    };
    let weekly = match weekly {
        Some(h) => lang.t_args(
            "catalogue-summary-weekly-value",
            &[("hours", hours_text(lang, h))],
        ),
        None => t("catalogue-summary-weekly-varies"),
    };
    let place = place(lang, l);
    let c = &o.contact;
    let mut facts = vec![
        Fact::new(t("catalogue-summary-start"), start),
        Fact::new(t("catalogue-summary-when"), when.to_owned()),
        Fact::new(t("catalogue-summary-weekly"), weekly),
        Fact::new(t("catalogue-summary-costs"), costs(lang, o.costs_eur)),
    ];
    if let Some(f) = given(&o.funding) {
        facts.push(Fact::new(t("catalogue-funding"), f));
    }
    facts.extend([
        Fact::new(t("catalogue-summary-place"), place),
        Fact::new(t("catalogue-summary-contact"), c.name.clone()),
        Fact::link(
            t("catalogue-contact-email"),
            c.email.as_str().to_owned(),
            format!("mailto:{}", c.email.as_str()),
        ),
    ]);
    if let Some(phone) = given(&c.phone) {
        facts.push(Fact::link(
            t("catalogue-contact-phone"),
            phone.clone(),
            format!("tel:{}", tel(&phone)),
        ));
    }
    facts.push(Fact::link(
        t("catalogue-summary-apply"),
        t("catalogue-summary-apply-value"),
        "#apply-heading".to_owned(),
    ));
    facts.extend([
        Fact::new(
            t("catalogue-goal"),
            t(&format!("offers-goal-{}", o.goal.code())),
        ),
        Fact::new(t("catalogue-occupation"), occupation(lang, &o.kldb)),
        Fact::new(t("catalogue-provider"), l.provider.name.to_string()),
    ]);
    facts
}

fn costs(lang: Lang, eur: f64) -> String {
    if eur == 0.0 {
        lang.t("catalogue-costs-free")
    } else {
        lang.t_args(
            "catalogue-costs-amount",
            &[("amount", format!("{eur:.2}").replace('.', ","))],
        )
    }
}

/// A reason of the classification in the catalogue's plain words (`catalogue-reason-<code>`),
/// with numbers in the language's format. The time model's name is left out: the page says
/// when the course is in one sentence.
fn public_reason(lang: Lang, code: &str, args: &[(&'static str, String)]) -> String {
    let args: Vec<(&'static str, String)> = args
        .iter()
        .map(|(k, v)| match v.parse::<f64>() {
            Ok(n) if v.contains('.') => (*k, hours_text(lang, n)),
            _ => (*k, v.clone()),
        })
        .collect();
    lang.t_args(&format!("catalogue-reason-{code}"), &args)
}

/// The page of a published offer (or, for the staff check, of any offer as it would be
/// published). `site` is the installation's address, `today` picks the next start and
/// hides ended runs from the JSON-LD.
pub fn build(
    lang: Lang,
    mut layout: Layout,
    p: &PublicOffer,
    url: String,
    site: &str,
    today: NaiveDate,
) -> OfferPage {
    let l = &p.listed;
    let plans = &p.plans;
    let o = l.offer();
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
        step_free: if loc.step_free {
            lang.t("catalogue-step-free")
        } else {
            lang.t("catalogue-not-step-free")
        },
        accessibility: given(&loc.accessibility)
            .map(|a| labelled(lang, "catalogue-accessibility", &a)),
    });
    let presence_note = match l.mode() {
        CourseMode::Blended => lang.t("catalogue-presence-blended"),
        CourseMode::Onsite => lang.t("catalogue-presence-onsite"),
        CourseMode::Online if o.has_presence_events() => {
            lang.t("catalogue-presence-online-with-events")
        }
        CourseMode::Online => lang.t("catalogue-presence-online"),
    };

    let (language, language_reason) = match o.language_level {
        Some(level) => (
            lang.t_args(
                "catalogue-language-level",
                &[("level", level.as_str().to_owned())],
            ),
            given(&o.language_justification).map(|j| labelled(lang, "catalogue-language-why", &j)),
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

    // The provider's own website; without one, the installation that publishes its offers.
    let details = &l.provider.details;
    let provider = ProviderLd {
        name: l.provider.name.to_string(),
        url: Some(if details.website.is_empty() {
            format!("{site}/")
        } else {
            details.website.clone()
        }),
        address: (!details.city.is_empty()).then(|| PostalAddressLd {
            street: details.street.clone(),
            zip: details.zip.clone(),
            city: details.city.clone(),
        }),
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
    let when = when(lang, &o.time_model);
    let exams: Vec<String> = o.exams.iter().map(|e| e.title.clone()).collect();

    OfferPage {
        summary: summary(lang, p, today, &when),
        layout,
        title: o.title.clone(),
        description: o.description.clone(),
        target_group: o.target_group.clone(),
        modules: o
            .modules
            .iter()
            .map(|m| {
                let hours = hours_text(lang, m.hours);
                ModuleView {
                    text: match given(&m.milestone) {
                        Some(goal) => lang.t_args(
                            "catalogue-module-milestone",
                            &[("title", m.title.clone()), ("hours", hours), ("goal", goal)],
                        ),
                        None => lang.t_args(
                            "catalogue-module",
                            &[("title", m.title.clone()), ("hours", hours)],
                        ),
                    },
                }
            })
            .collect(),
        total_hours: lang.t_args(
            "catalogue-total-hours-text",
            &[("hours", hours_text(lang, o.total_hours()))],
        ),
        exams: if exams.is_empty() {
            String::new()
        } else {
            labelled(lang, "catalogue-exams", &exams.join(", "))
        },
        degree: given(&o.degree).map(|d| labelled(lang, "catalogue-degree", &d)),
        language,
        language_reason,
        presence_note,
        cohorts,
        support: o
            .support
            .iter()
            .map(|s| lang.t(&format!("offers-support-{}", s.code())))
            .collect(),
        place,
        apply_steps,
        class_label: lang.t(&format!("catalogue-class-{}", classification.class.code())),
        class_reasons: classification
            .reasons
            .iter()
            .filter(|r| r.code != "time_model")
            .map(|r| public_reason(lang, r.code, &r.args))
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
