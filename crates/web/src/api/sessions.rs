//! One session over the API: a change (move or cancel) with its reason (issue 13, point 7).
//! The session keeps its iCalendar UID and its SEQUENCE rises; the change and its reason go
//! into the session's history (the use-cases `lernweg_app::cohorts::{move_session,
//! cancel_session}`, as on the cohort page).

use axum::extract::State;
use axum::{Extension, Json};
use chrono::NaiveDate;
use lernweg_app::Caller;
use lernweg_domain::access::MANAGERS;
use lernweg_domain::{ParseError, SessionId};
use lernweg_planner::ClockTime;
use lernweg_store::{SessionMove, SessionRecord};
use serde::Deserialize;
use utoipa::{OpenApi, ToSchema};
use utoipa_axum::routes;

use super::cohorts::SessionDto;
use super::{ApiJson, caller};
use crate::AppState;
use crate::context::Ctx;
use crate::error::{ApiError, FieldError, Problem};
use crate::extract::ApiId;
use crate::extract::given;
use crate::routes::{Route, documented, route_table};

pub fn routes() -> Vec<Route> {
    route_table![documented(MANAGERS, routes!(change))]
}

#[derive(OpenApi)]
#[openapi(components(schemas(SessionChangeDto)))]
pub struct Doc;

/// A change of one session: any of `date`, `start`, `end` (a move; what is left out stays),
/// or `status` `cancelled`; always with a `reason`.
#[derive(Debug, Default, Deserialize, ToSchema)]
pub struct SessionChangeDto {
    /// YYYY-MM-DD
    pub date: Option<String>,
    /// HH:MM
    pub start: Option<String>,
    /// HH:MM, after `start`
    pub end: Option<String>,
    /// `cancelled` cancels the session (it stays in the timetable and the feeds as cancelled).
    pub status: Option<String>,
    /// Why the session changes (required, at most 500 characters); participants, trainers
    /// and employers are told.
    pub reason: Option<String>,
}

/// What a valid [`SessionChangeDto`] asks for.
#[derive(Debug, PartialEq)]
pub(crate) enum Change {
    Move(SessionMove),
    Cancel,
}

fn field(field: &'static str, code: &'static str, message: &str) -> FieldError {
    ParseError::new(field, code, message).into()
}

/// The change `body` asks of `session`, or every error in it (each naming its key).
fn parse(body: &SessionChangeDto, session: &SessionRecord) -> Result<(Change, String), ApiError> {
    let now = SessionMove {
        date: session.date,
        start: session.start,
        end: session.end,
    };
    parse_change(body, now)
}

/// The change `body` asks of a session now at `now` (also of a confirmed lesson date), or
/// every error in it (each naming its key).
pub(crate) fn parse_change(
    body: &SessionChangeDto,
    now: SessionMove,
) -> Result<(Change, String), ApiError> {
    let mut errors: Vec<FieldError> = Vec::new();
    let reason = given(&body.reason).unwrap_or("").to_owned();
    if reason.is_empty() {
        errors.push(field(
            "reason",
            "required",
            "give a reason for the change: it is shown to whoever it concerns",
        ));
    }
    let date = given(&body.date).and_then(|d| {
        NaiveDate::parse_from_str(d, "%Y-%m-%d")
            .map_err(|_| errors.push(field("date", "invalid_date", "expected YYYY-MM-DD")))
            .ok()
    });
    let mut time = |key: &'static str, v: &Option<String>| {
        given(v).and_then(|t| {
            ClockTime::parse(t)
                .map_err(|e| errors.push(field(key, "invalid_time", &e)))
                .ok()
        })
    };
    let (start, end) = (time("start", &body.start), time("end", &body.end));
    let moves = [&body.date, &body.start, &body.end]
        .iter()
        .any(|v| given(v).is_some());
    let change = match given(&body.status) {
        Some("cancelled") if moves => {
            errors.push(field(
                "status",
                "cancel_and_move",
                "a session is either moved or cancelled, not both at once",
            ));
            None
        }
        Some("cancelled") => Some(Change::Cancel),
        Some(_) => {
            errors.push(field(
                "status",
                "invalid_status",
                "only `cancelled` can be set; move a session with date, start and end",
            ));
            None
        }
        None if !moves => {
            errors.push(field(
                "date",
                "nothing_to_change",
                "give date, start or end to move the session, or status `cancelled`",
            ));
            None
        }
        None => Some(Change::Move(SessionMove {
            date: date.unwrap_or(now.date),
            start: start.or(now.start),
            end: end.or(now.end),
        })),
    };
    match change {
        Some(change) if errors.is_empty() => Ok((change, reason)),
        _ => Err(ApiError::Validation(errors)),
    }
}

/// Moves or cancels a session. It keeps its `uid`; its `sequence` rises.
#[utoipa::path(patch, path = "/api/v1/sessions/{id}", operation_id = "change_session", tag = "cohorts",
    params(("id" = String, Path)), request_body = SessionChangeDto,
    responses((status = 200, body = SessionDto), (status = 400, body = Problem), (status = 404, body = Problem),
        (status = 422, body = Problem)))]
pub async fn change(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<SessionId>,
    ApiJson(body): ApiJson<SessionChangeDto>,
) -> Result<Json<SessionDto>, ApiError> {
    let (principal, actor) = caller(&ctx)?;
    // A foreign session is a 404 before a wrong body is a 422.
    let (session, _) = lernweg_app::cohorts::session(&state.app, &principal, id).await?;
    let (change, reason) = parse(&body, &session)?;
    let caller = Caller::new(principal, actor);
    let changed = match change {
        Change::Move(to) => {
            lernweg_app::cohorts::move_session(&state.app, &caller, session.id, to, &reason).await?
        }
        Change::Cancel => {
            lernweg_app::cohorts::cancel_session(&state.app, &caller, session.id, &reason).await?
        }
    };
    Ok(Json(changed.into()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use lernweg_domain::CohortId;
    use lernweg_planner::SessionKind;
    use lernweg_store::SessionStatus;

    fn session() -> SessionRecord {
        SessionRecord {
            id: SessionId::parse("0190a1b2-0000-7000-8000-000000000001").unwrap(),
            cohort_id: CohortId::parse("0190a1b2-0000-7000-8000-000000000002").unwrap(),
            uid: "u@lernweg".into(),
            sequence: 2,
            status: SessionStatus::Confirmed,
            date: NaiveDate::from_ymd_opt(2027, 3, 4).unwrap(),
            start: ClockTime::parse("17:30").ok(),
            end: ClockTime::parse("20:45").ok(),
            hours: 3.25,
            module: Some(1),
            kind: SessionKind::Lesson,
            title: "Modul 1".into(),
            updated_at: chrono::Utc::now(),
        }
    }

    fn body(json: serde_json::Value) -> SessionChangeDto {
        serde_json::from_value(json).unwrap()
    }

    fn fields(r: Result<(Change, String), ApiError>) -> Vec<(String, String)> {
        match r {
            Err(ApiError::Validation(v)) => v.into_iter().map(|e| (e.field, e.code)).collect(),
            other => panic!("expected 422, got {other:?}"),
        }
    }

    #[test]
    fn a_move_keeps_what_is_left_out() {
        let (change, reason) = parse(
            &body(serde_json::json!({"start": "18:00", "reason": " Raum belegt "})),
            &session(),
        )
        .unwrap();
        assert_eq!(reason, "Raum belegt");
        assert_eq!(
            change,
            Change::Move(SessionMove {
                date: NaiveDate::from_ymd_opt(2027, 3, 4).unwrap(),
                start: ClockTime::parse("18:00").ok(),
                end: ClockTime::parse("20:45").ok(),
            })
        );
        let (change, _) = parse(
            &body(serde_json::json!({"status": "cancelled", "reason": "krank"})),
            &session(),
        )
        .unwrap();
        assert_eq!(change, Change::Cancel);
    }

    #[test]
    fn every_wrong_key_is_named() {
        let f = |j| fields(parse(&body(j), &session()));
        assert_eq!(
            f(serde_json::json!({"date": "2027-03-05"})),
            [("reason".into(), "required".into())]
        );
        assert_eq!(
            f(serde_json::json!({"reason": "x"})),
            [("date".into(), "nothing_to_change".into())]
        );
        assert_eq!(
            f(serde_json::json!({"date": "5.3.2027", "start": "25:00", "reason": "x"})),
            [
                ("date".into(), "invalid_date".into()),
                ("start".into(), "invalid_time".into())
            ]
        );
        assert_eq!(
            f(serde_json::json!({"status": "cancelled", "date": "2027-03-05", "reason": "x"})),
            [("status".into(), "cancel_and_move".into())]
        );
        assert_eq!(
            f(serde_json::json!({"status": "confirmed", "reason": "x"})),
            [("status".into(), "invalid_status".into())]
        );
    }
}
