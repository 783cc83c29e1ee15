//! The participant portal (MISSION §2.2: "a visible path"): participants get access through
//! an invitation (an e-mail link or a printed one-time code), choose a password, and then see
//! only their own path: the timeline of their cohort, their next dates, their contact person,
//! their calendar feed and their own readiness check. Participant pages speak plain German,
//! English, Arabic (right to left), Ukrainian, Turkish and Russian (`locales/*/portal.ftl`).
//!
//! Staff (counselling roles) create and revoke invitations on the participant page.
//! Every read of a participant's own data is in the audit log.

mod layout;
pub mod mail;
pub(crate) mod path;
mod plan;
mod readiness;
mod redeem;
mod staff;

use axum::routing::{get, post};
use lernweg_domain::access::{COUNSELLING, PARTICIPANT};
use lernweg_store::ParticipantRecord;

pub use layout::{OrPortal, PortalError, PortalLayout};
pub use mail::MailConfig;
pub use staff::StaffAccess;

use crate::context::Ctx;
use crate::i18n::Lang;
use crate::routes::{PUBLIC, Route, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        // The participant's own pages.
        (page("GET", "/mein-weg", PARTICIPANT), get(path::show)),
        (
            page("POST", "/mein-weg/kalender", PARTICIPANT),
            post(path::renew_feed),
        ),
        (
            page("POST", "/mein-weg/kalender/widerrufen", PARTICIPANT),
            post(path::revoke_feed),
        ),
        (
            page("GET", "/mein-weg/eignungscheck/{id}", PARTICIPANT),
            get(readiness::show),
        ),
        // Redeeming an invitation (no login yet; rate limited per address).
        (page("GET", "/einladung", PUBLIC), get(redeem::link)),
        (
            page("POST", "/einladung", PUBLIC),
            post(redeem::set_password),
        ),
        (page("GET", "/code", PUBLIC), get(redeem::code_form)),
        (page("POST", "/code", PUBLIC), post(redeem::code_submit)),
        // Staff: invitations and the participant's calendar feed.
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/zugang/einladung",
                COUNSELLING,
            ),
            post(staff::invite_email),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/zugang/code",
                COUNSELLING,
            ),
            post(staff::invite_code),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/zugang/widerrufen",
                COUNSELLING,
            ),
            post(staff::revoke),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/zugang/kalender-widerrufen",
                COUNSELLING,
            ),
            post(staff::revoke_feed),
        ),
    ]
}

/// The language of a participant page: what the visitor chose, else the participant's
/// mother tongue when the portal speaks it, else (plain) German.
pub fn portal_lang(ctx: &Ctx, participant: Option<&ParticipantRecord>) -> Lang {
    ctx.chosen_lang
        .or_else(|| {
            participant
                .and_then(|p| p.data.mother_tongue.as_ref())
                .and_then(|l| Lang::for_participant(l.as_str()))
        })
        .unwrap_or_default()
}

/// A date for participants: `02.03.2027` (the form German offices and schools use).
pub(crate) fn date(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}
