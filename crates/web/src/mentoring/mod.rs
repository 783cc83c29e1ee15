//! Mentoring (issue 15, MISSION §2.3): the staff page `/verwaltung/mentoring` (the pool, the
//! waiting participants, the matching's proposals to accept, reject or swap, running tandems
//! with budget warnings, events for mentors), the mentor's own page `/mentoring` in plain
//! German, the mentee's part of `/mein-weg`, and the API. Staff routes are for
//! `COUNSELLING`; mentors see only their tandems and events.

pub(crate) mod api;
mod invitations;
mod pages;
mod portal;
pub(crate) mod tandems_api;

pub(crate) use portal::{TandemBlock, blocks};

use axum::routing::{get, post};
use lernweg_domain::Role;
use lernweg_domain::access::{Access, COUNSELLING, MANAGERS, MENTOR, PARTICIPANT};
use utoipa::OpenApi;
use utoipa_axum::routes;

use crate::routes::{Route, documented, page, route_table};

/// The two sides of a tandem and counselling staff: who may log a meeting.
pub const TANDEM_SIDES: Access = Access::Roles(&[
    Role::Admin,
    Role::Coordinator,
    Role::Counsellor,
    Role::Participant,
    Role::Mentor,
]);
/// The two sides of a tandem: who gives closing feedback.
pub const TANDEM_PEOPLE: Access = Access::Roles(&[Role::Participant, Role::Mentor]);

pub fn routes() -> Vec<Route> {
    route_table![
        (
            page("GET", "/verwaltung/mentoring", COUNSELLING),
            get(pages::show)
        ),
        (
            page("POST", "/verwaltung/mentoring/mentoren", COUNSELLING),
            post(pages::add_mentor)
        ),
        (
            page(
                "POST",
                "/verwaltung/mentoring/mentoren/{id}/code",
                COUNSELLING
            ),
            post(invitations::invite_code)
        ),
        (
            page("POST", "/verwaltung/mentoring/wuensche", COUNSELLING),
            post(pages::set_wish)
        ),
        (
            page(
                "POST",
                "/verwaltung/mentoring/mentoren/{id}/einladung",
                COUNSELLING
            ),
            post(invitations::invite_email)
        ),
        (
            page("POST", "/verwaltung/mentoring/vorschlaege", COUNSELLING),
            post(pages::propose)
        ),
        (
            page("POST", "/verwaltung/mentoring/tandems/{id}", COUNSELLING),
            post(pages::decide)
        ),
        (
            page("POST", "/verwaltung/mentoring/veranstaltungen", COUNSELLING),
            post(pages::create_event)
        ),
        (
            page(
                "POST",
                "/verwaltung/mentoring/veranstaltungen/{id}/anwesenheit",
                COUNSELLING
            ),
            post(pages::attendance)
        ),
        (page("GET", "/mentoring", MENTOR), get(portal::show)),
        (
            page("POST", "/mentoring/tandems/{id}/treffen", MENTOR),
            post(portal::log_meeting)
        ),
        (
            page("POST", "/mentoring/tandems/{id}/rueckmeldung", MENTOR),
            post(portal::feedback)
        ),
        (
            page("POST", "/mentoring/veranstaltungen/{id}", MENTOR),
            post(portal::sign_up)
        ),
        (
            page("POST", "/mein-weg/tandem/{id}/treffen", PARTICIPANT),
            post(portal::mentee_meeting)
        ),
        (
            page("POST", "/mein-weg/tandem/{id}/rueckmeldung", PARTICIPANT),
            post(portal::mentee_feedback)
        ),
        // The API.
        documented(COUNSELLING, routes!(api::list_mentors)),
        documented(COUNSELLING, routes!(api::create_mentor)),
        documented(COUNSELLING, routes!(api::show_mentor)),
        documented(COUNSELLING, routes!(api::update_mentor)),
        documented(COUNSELLING, routes!(api::set_wish)),
        documented(COUNSELLING, routes!(api::remove_wish)),
        documented(COUNSELLING, routes!(api::weights)),
        documented(MANAGERS, routes!(api::set_weights)),
        documented(COUNSELLING, routes!(api::propose)),
        documented(COUNSELLING, routes!(tandems_api::list_tandems)),
        documented(COUNSELLING, routes!(tandems_api::show_tandem)),
        documented(COUNSELLING, routes!(tandems_api::accept)),
        documented(COUNSELLING, routes!(tandems_api::reject)),
        documented(COUNSELLING, routes!(tandems_api::swap)),
        documented(COUNSELLING, routes!(tandems_api::close)),
        documented(TANDEM_SIDES, routes!(tandems_api::log_meeting)),
        documented(TANDEM_PEOPLE, routes!(tandems_api::feedback)),
        documented(COUNSELLING, routes!(tandems_api::list_events)),
        documented(COUNSELLING, routes!(tandems_api::create_event)),
        documented(MENTOR, routes!(tandems_api::sign_up)),
        documented(MENTOR, routes!(tandems_api::withdraw)),
        documented(COUNSELLING, routes!(tandems_api::attendance)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::MentorDto,
    api::MentorInputDto,
    api::WishDto,
    api::WeightsDto,
    api::MatchingDto,
    tandems_api::TandemDto,
    tandems_api::AcceptDto,
    tandems_api::NoteDto,
    tandems_api::SwapDto,
    tandems_api::MeetingInputDto,
    tandems_api::FeedbackDto,
    tandems_api::MentorEventDto,
    tandems_api::SignupDto,
    tandems_api::AttendedDto,
)))]
pub struct Doc;
