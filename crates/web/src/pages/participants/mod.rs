//! Participant pages for staff (MISSION §2.1, §2.3): list and record with the one fixed
//! contact person, consents, contact log, enrolments, the readiness check and data
//! protection (Auskunft, erasure). Only COUNSELLING roles reach these routes; another
//! provider's participant is a 404; every read of a record is audited without names.

mod actions;
mod auskunft;
mod contacts;
mod detail;
mod form;
mod privacy;
mod readiness;
pub(crate) mod readiness_basis;

use axum::routing::{get, post};
use lernweg_app::{AppError, Caller, participants, team};
use lernweg_domain::ParticipantId;
use lernweg_domain::access::COUNSELLING;
use lernweg_participants::ParticipantData;
use lernweg_store::{ParticipantRecord, User};

use super::admin::Choice;
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::routes::{Route, page, route_table};

pub fn routes() -> Vec<Route> {
    const P: &str = "/verwaltung/teilnehmende";
    route_table![
        (page("GET", P, COUNSELLING), get(form::list)),
        (page("POST", P, COUNSELLING), post(form::create)),
        (
            page("GET", "/verwaltung/teilnehmende/neu", COUNSELLING),
            get(form::new_form),
        ),
        (
            page("GET", "/verwaltung/teilnehmende/{id}", COUNSELLING),
            get(detail::show),
        ),
        (
            page("POST", "/verwaltung/teilnehmende/{id}", COUNSELLING),
            post(form::update),
        ),
        (
            page(
                "GET",
                "/verwaltung/teilnehmende/{id}/bearbeiten",
                COUNSELLING,
            ),
            get(form::edit),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/einwilligungen",
                COUNSELLING,
            ),
            post(actions::add_consent),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/einwilligungen/{consent_id}/widerrufen",
                COUNSELLING,
            ),
            post(actions::withdraw_consent),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/kontakte",
                COUNSELLING,
            ),
            post(actions::add_contact),
        ),
        (
            page("GET", "/verwaltung/teilnehmende/{id}/kontakte", COUNSELLING),
            get(contacts::page),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/einschreibungen",
                COUNSELLING,
            ),
            post(actions::enrol),
        ),
        (
            page(
                "POST",
                "/verwaltung/einschreibungen/{id}/ereignis",
                COUNSELLING,
            ),
            post(actions::event),
        ),
        (
            page(
                "GET",
                "/verwaltung/teilnehmende/{id}/eignungscheck",
                COUNSELLING,
            ),
            get(readiness::form),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/eignungscheck",
                COUNSELLING,
            ),
            post(readiness::submit),
        ),
        (
            page(
                "GET",
                "/verwaltung/teilnehmende/{id}/eignungscheck/{check_id}",
                COUNSELLING,
            ),
            get(readiness::result),
        ),
        (
            page("GET", "/verwaltung/teilnehmende/{id}/auskunft", COUNSELLING),
            get(auskunft::page),
        ),
        (
            page(
                "GET",
                "/verwaltung/teilnehmende/{id}/auskunft.pdf",
                COUNSELLING,
            ),
            get(auskunft::pdf),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/loeschen",
                COUNSELLING,
            ),
            post(privacy::erase),
        ),
    ]
}

/// The caller of a use-case: the signed-in user (these routes are for staff only).
pub(crate) fn caller(ctx: &Ctx) -> Result<Caller, PageError> {
    let principal = ctx.principal().ok_or(PageError::Forbidden)?;
    Ok(Caller::new(principal, ctx.actor()))
}

/// The participant, if the caller may see it; another provider's participant is a 404 page.
pub(crate) async fn record(
    state: &AppState,
    ctx: &Ctx,
    id: ParticipantId,
) -> Result<ParticipantRecord, PageError> {
    let principal = ctx.principal().ok_or(PageError::NotFound)?;
    Ok(participants::visible(&state.app, &principal, id).await?)
}

/// Writes a View entry for a read of personal data; the detail names the view, never a person.
pub(crate) async fn audit(
    state: &AppState,
    ctx: &Ctx,
    p: &ParticipantRecord,
    what: &str,
) -> Result<(), PageError> {
    Ok(participants::audit_view(&state.app, &ctx.actor(), p, what).await?)
}

/// Active staff of a provider, who may be the contact person.
pub(crate) async fn staff_of(
    state: &AppState,
    provider: Option<lernweg_domain::ProviderId>,
) -> Result<Vec<User>, AppError> {
    team::contact_persons(&state.app, provider).await
}

pub(crate) fn staff_choices(staff: &[User], selected: &str) -> Vec<Choice> {
    staff
        .iter()
        .map(|u| Choice {
            value: u.id.to_string(),
            label: u.display_name.clone(),
            selected: u.id.to_string() == selected,
        })
        .collect()
}

/// The contact box at the top of every participant page (MISSION §2.1: one fixed contact
/// person, reachable by the preferred channel at the given times).
pub struct ContactBox {
    pub participant_id: String,
    pub name: String,
    pub person: Option<String>,
    pub person_email: Option<String>,
    pub channel: Option<String>,
    pub reachable: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

impl ContactBox {
    /// The box of `p`, for pages that render without it rather than fail: a database failure
    /// is logged and the box shows no contact person. The participant pages use [`Self::read`].
    pub async fn load(state: &AppState, lang: Lang, p: &ParticipantRecord) -> ContactBox {
        match Self::read(state, lang, p).await {
            Ok(b) => b,
            Err(e) => {
                crate::error::log_app_error(&e);
                Self::of(lang, p, None)
            }
        }
    }

    /// The box of `p`; a contact person that no longer exists is shown as none.
    pub async fn read(
        state: &AppState,
        lang: Lang,
        p: &ParticipantRecord,
    ) -> Result<ContactBox, AppError> {
        let person = participants::contact_person(&state.app, p).await?;
        Ok(Self::of(lang, p, person))
    }

    pub(crate) fn of(lang: Lang, p: &ParticipantRecord, person: Option<User>) -> ContactBox {
        ContactBox {
            participant_id: p.id.to_string(),
            name: full_name(&p.data),
            person: person.as_ref().map(|u| u.display_name.clone()),
            person_email: person.as_ref().map(|u| u.email.to_string()),
            channel: p
                .data
                .preferred_channel
                .map(|c| lang.t(&format!("participants-channel-{}", c.code()))),
            reachable: p.data.reachable_times.clone(),
            phone: p.data.phone.as_ref().map(|x| x.to_string()),
            email: p.data.email.as_ref().map(|x| x.to_string()),
        }
    }
}

pub(crate) fn full_name(d: &ParticipantData) -> String {
    format!("{} {}", d.given_name, d.family_name)
}

/// Parses a date in ISO form (from `<input type="date">`) or German `TT.MM.JJJJ`.
pub(crate) fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .ok()
}
