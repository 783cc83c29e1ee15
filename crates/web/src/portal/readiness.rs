//! `/mein-weg/eignungscheck/{id}`: one of the participant's own readiness checks in plain
//! words: what they answered, the light of each topic, the advice and the help offered.
//! Another participant's check (or any unknown id) is a 404.

use askama::Template;
use axum::Extension;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use lernweg_app::AppError;
use lernweg_app::participants::{self, readiness};
use lernweg_participants::{Dimension, Light, ReadinessAnswers};

use super::layout::{OrPortal, PortalError, PortalLayout, message_page};
use super::path::code_of;
use super::{date, portal_lang};
use crate::AppState;
use crate::context::Ctx;
use crate::i18n::Lang;
use crate::pages::render;

pub struct AnswerRow {
    pub topic: String,
    pub answer: String,
    /// `green`, `yellow` or `red` (for the CSS class and the symbol).
    pub light: &'static str,
    pub light_text: String,
}

#[derive(Template)]
#[template(path = "portal_readiness.html")]
pub struct ReadinessPage {
    pub layout: PortalLayout,
    pub on: String,
    pub overall: String,
    pub rows: Vec<AnswerRow>,
    pub open_topics: Vec<String>,
    pub actions: Vec<String>,
}

fn light_code(l: Light) -> &'static str {
    match l {
        Light::Green => "green",
        Light::Yellow => "yellow",
        Light::Red => "red",
    }
}

fn yes_no(lang: Lang, v: bool) -> String {
    lang.t(if v { "portal-yes" } else { "portal-no" })
}

/// The participant's answer to one topic, in plain words.
pub fn answer_text(lang: Lang, a: &ReadinessAnswers, d: Dimension) -> Option<String> {
    let pick = |field: &str, code: String| lang.t(&format!("portal-rc-{field}-{code}"));
    match d {
        Dimension::Time => a.free_hours_per_week.map(|h| {
            let n = ((h * 10.0).round() / 10.0).to_string();
            lang.t_args("portal-rc-hours", &[("hours", n)])
        }),
        Dimension::Commute => a
            .commute_minutes
            .map(|m| lang.t_args("portal-rc-minutes", &[("minutes", m.to_string())])),
        Dimension::Childcare => a.childcare.map(|v| pick("childcare", code_of(&v))),
        Dimension::CareDuties => a.care_duties.map(|v| pick("care", code_of(&v))),
        Dimension::QuietPlace => a.quiet_place.map(|v| yes_no(lang, v)),
        Dimension::Internet => a.internet.map(|v| pick("internet", code_of(&v))),
        Dimension::Device => a.device.map(|v| pick("device", code_of(&v))),
        Dimension::DigitalSkills => a.digital_skills.map(|v| pick("digital", code_of(&v))),
        Dimension::Income => {
            let income = a.income_if_reduced.map(|v| pick("income", code_of(&v)));
            let debts = a
                .existing_debts
                .filter(|d| *d)
                .map(|_| lang.t("portal-rc-debts"));
            match (income, debts) {
                (Some(i), Some(d)) => Some(format!("{i} {d}")),
                (i, d) => i.or(d),
            }
        }
        Dimension::Motivation => a.job_relates.map(|v| pick("job", code_of(&v))),
        Dimension::Health => a.health.map(|v| pick("health", code_of(&v))),
    }
}

/// `GET /mein-weg/eignungscheck/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PortalError> {
    let Some(pid) = ctx.user.as_ref().and_then(|u| u.participant_id) else {
        return Err(PortalError::page(message_page(
            &ctx,
            ctx.portal_lang(),
            StatusCode::NOT_FOUND,
            "portal-not-found-title",
            "portal-unlinked-text",
            None,
        )));
    };
    let p = participants::own(&state.app, pid)
        .await
        .or_portal(&ctx, ctx.portal_lang())?;
    let lang = portal_lang(&ctx, Some(&p));
    let caller = ctx
        .caller()
        .ok_or(AppError::Forbidden)
        .or_portal(&ctx, lang)?;
    // Only the participant's own checks are looked at: any other id is simply not there.
    let (check, result) = readiness::own_check(&state.app, &caller, &p, &id)
        .await
        .or_portal(&ctx, lang)?;
    let rows = result
        .dimensions
        .iter()
        .map(|d| AnswerRow {
            topic: lang.t(&format!("portal-rc-topic-{}", code_of(&d.dimension))),
            answer: answer_text(lang, &check.answers, d.dimension).unwrap_or_default(),
            light: light_code(d.light),
            light_text: lang.t(&format!("portal-rc-light-{}", light_code(d.light))),
        })
        .collect();
    Ok(render(&ReadinessPage {
        layout: PortalLayout::new(&ctx, lang, "portal-rc-title"),
        on: date(check.checked_on),
        overall: lang.t(&format!("portal-rc-overall-{}", code_of(&result.overall))),
        rows,
        open_topics: result
            .unanswered
            .iter()
            .map(|d| lang.t(&format!("portal-rc-topic-{}", code_of(d))))
            .collect(),
        actions: result
            .actions
            .iter()
            .map(|a| lang.t(&format!("portal-rc-action-{}", code_of(a))))
            .collect(),
    }))
}
