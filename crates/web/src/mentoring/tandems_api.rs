//! Tandems and events over the API (issue 15, points 4 and 5): the list and one tandem with
//! meetings and budget, accept/reject/swap/close, meetings by either side or staff, closing
//! feedback, and the events for mentors with sign-ups and attendance. Thin adapters over
//! `lernweg_app::mentoring` and `lernweg_app::tandems`.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::mentoring::{self, Acceptance};
use lernweg_app::tandems::{self, RawEvent, TandemView};
use lernweg_domain::{MentorEventId, MentorId, ParticipantId, TandemId};
use lernweg_participants::mentor_pool::RawMeeting;
use lernweg_store::{MentorEvent, Signup};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::api::ProviderQuery;
use crate::AppState;
use crate::api::{ApiJson, api_caller};
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiId, ApiIds};

#[derive(Serialize, ToSchema)]
pub struct MeetingDto {
    pub met_on: String,
    pub minutes: u32,
    pub topic: String,
    /// `mentor`, `mentee` or `staff`.
    pub logged_by: String,
}

#[derive(Serialize, ToSchema)]
pub struct OverBudgetDto {
    /// `YYYY-MM`.
    pub month: String,
    pub minutes: u32,
    pub budget_minutes: u32,
}

#[derive(Serialize, ToSchema)]
pub struct TandemDto {
    pub id: String,
    pub mentor_id: String,
    pub mentor_name: String,
    pub participant_id: String,
    pub mentee_name: String,
    /// `proposed`, `rejected`, `active` or `closed`.
    pub status: String,
    pub score: i64,
    pub reasons: Vec<String>,
    pub budget_minutes: u32,
    pub started_on: Option<String>,
    pub ends_on: Option<String>,
    pub closed_on: Option<String>,
    pub note: String,
    pub minutes_this_month: u32,
    /// The months met longer than the budget: a warning to staff.
    pub over_budget: Vec<OverBudgetDto>,
    pub meetings: Vec<MeetingDto>,
    pub mentor_feedback: Option<String>,
    pub mentee_feedback: Option<String>,
}

impl From<TandemView> for TandemDto {
    fn from(v: TandemView) -> Self {
        let t = v.tandem;
        TandemDto {
            id: t.id.to_string(),
            mentor_id: t.mentor_id.to_string(),
            mentor_name: v.mentor_name,
            participant_id: t.participant_id.to_string(),
            mentee_name: v.mentee_name,
            status: t.status.as_str().to_owned(),
            score: t.score,
            reasons: t.reasons,
            budget_minutes: t.budget_minutes,
            started_on: t.started_on.map(|d| d.to_string()),
            ends_on: t.ends_on.map(|d| d.to_string()),
            closed_on: t.closed_on.map(|d| d.to_string()),
            note: t.note,
            minutes_this_month: v.this_month,
            over_budget: v
                .over_budget
                .iter()
                .map(|o| OverBudgetDto {
                    month: format!("{}-{:02}", o.year, o.month),
                    minutes: o.minutes,
                    budget_minutes: o.budget,
                })
                .collect(),
            meetings: v
                .meetings
                .into_iter()
                .map(|m| MeetingDto {
                    met_on: m.meeting.met_on.to_string(),
                    minutes: m.meeting.minutes,
                    topic: m.meeting.topic,
                    logged_by: m.logged_by.as_str().to_owned(),
                })
                .collect(),
            mentor_feedback: t.mentor_feedback,
            mentee_feedback: t.mentee_feedback,
        }
    }
}

/// Every tandem of the provider: proposals, rejected, running and closed ones.
#[utoipa::path(get, path = "/api/v1/tandems", tag = "mentoring", operation_id = "list_tandems",
    params(ProviderQuery), responses((status = 200, body = Vec<TandemDto>)))]
pub async fn list_tandems(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Json<Vec<TandemDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let list = tandems::overview(&state.app, &caller, q.named()).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}

/// One tandem.
#[utoipa::path(get, path = "/api/v1/tandems/{id}", tag = "mentoring", operation_id = "show_tandem",
    params(("id" = String, Path)),
    responses((status = 200, body = TandemDto), (status = 404, body = Problem)))]
pub async fn show_tandem(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<TandemId>,
) -> Result<Json<TandemDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    Ok(Json(tandems::tandem(&state.app, &caller, id).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct AcceptDto {
    /// `YYYY-MM-DD`, default today.
    #[serde(default)]
    pub started_on: Option<String>,
    /// Default a year after the start.
    #[serde(default)]
    pub ends_on: Option<String>,
    /// Minutes a month, 15 to 1200 (default 120: two hours).
    #[serde(default)]
    pub budget_minutes: Option<u32>,
}

/// Staff accept a proposal: it becomes a running tandem.
#[utoipa::path(post, path = "/api/v1/tandems/{id}/accept", tag = "mentoring",
    operation_id = "accept_tandem", params(("id" = String, Path)), request_body = AcceptDto,
    responses((status = 200, body = TandemDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn accept(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<TandemId>,
    ApiJson(b): ApiJson<AcceptDto>,
) -> Result<Json<TandemDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let a = Acceptance {
        started_on: b.started_on.unwrap_or_default(),
        ends_on: b.ends_on.unwrap_or_default(),
        budget_minutes: b.budget_minutes,
    };
    mentoring::accept(&state.app, &caller, id, &a).await?;
    Ok(Json(tandems::tandem(&state.app, &caller, id).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct NoteDto {
    #[serde(default)]
    pub note: String,
    /// For closing: `YYYY-MM-DD`, default today.
    #[serde(default)]
    pub closed_on: Option<String>,
}

/// Staff reject a proposal; the matching will not propose the pair again.
#[utoipa::path(post, path = "/api/v1/tandems/{id}/reject", tag = "mentoring",
    operation_id = "reject_tandem", params(("id" = String, Path)), request_body = NoteDto,
    responses((status = 200, body = TandemDto), (status = 409, body = Problem)))]
pub async fn reject(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<TandemId>,
    ApiJson(b): ApiJson<NoteDto>,
) -> Result<Json<TandemDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    mentoring::reject(&state.app, &caller, id, &b.note).await?;
    Ok(Json(tandems::tandem(&state.app, &caller, id).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct SwapDto {
    /// The other proposal: the two swap their mentors.
    pub with: String,
}

/// Staff swap the mentors of two proposals (each new pair must pass the hard rules).
#[utoipa::path(post, path = "/api/v1/tandems/{id}/swap", tag = "mentoring",
    operation_id = "swap_tandems", params(("id" = String, Path)), request_body = SwapDto,
    responses((status = 200, body = Vec<TandemDto>), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn swap(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<TandemId>,
    ApiJson(b): ApiJson<SwapDto>,
) -> Result<Json<Vec<TandemDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let other = TandemId::parse(&b.with).map_err(ApiError::field)?;
    mentoring::swap(&state.app, &caller, id, other).await?;
    let mut out = Vec::new();
    for t in [id, other] {
        out.push(tandems::tandem(&state.app, &caller, t).await?.into());
    }
    Ok(Json(out))
}

/// Staff close a running tandem.
#[utoipa::path(post, path = "/api/v1/tandems/{id}/close", tag = "mentoring",
    operation_id = "close_tandem", params(("id" = String, Path)), request_body = NoteDto,
    responses((status = 200, body = TandemDto), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn close(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<TandemId>,
    ApiJson(b): ApiJson<NoteDto>,
) -> Result<Json<TandemDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let on = b.closed_on.unwrap_or_default();
    tandems::close(&state.app, &caller, id, &on, &b.note).await?;
    Ok(Json(tandems::tandem(&state.app, &caller, id).await?.into()))
}

#[derive(Deserialize, ToSchema)]
pub struct MeetingInputDto {
    /// `YYYY-MM-DD`, not in the future, not before the tandem's start.
    pub met_on: String,
    /// 1 to 600.
    pub minutes: u32,
    pub topic: String,
}

/// Logs a meeting of a running tandem: its mentor, its mentee or counselling staff.
#[utoipa::path(post, path = "/api/v1/tandems/{id}/meetings", tag = "mentoring",
    operation_id = "log_tandem_meeting", params(("id" = String, Path)), request_body = MeetingInputDto,
    responses((status = 201), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn log_meeting(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<TandemId>,
    ApiJson(b): ApiJson<MeetingInputDto>,
) -> Result<StatusCode, ApiError> {
    let caller = api_caller(&ctx)?;
    let raw = RawMeeting {
        met_on: b.met_on,
        minutes: b.minutes.to_string(),
        topic: b.topic,
    };
    let (mentor, participant) = sides(&ctx);
    tandems::log_meeting(&state.app, &caller, id, mentor, participant, &raw).await?;
    Ok(StatusCode::CREATED)
}

#[derive(Deserialize, ToSchema)]
pub struct FeedbackDto {
    pub feedback: String,
}

/// The mentor's or the mentee's closing feedback (once each, after the closing).
#[utoipa::path(post, path = "/api/v1/tandems/{id}/feedback", tag = "mentoring",
    operation_id = "tandem_feedback", params(("id" = String, Path)), request_body = FeedbackDto,
    responses((status = 204), (status = 404, body = Problem), (status = 409, body = Problem), (status = 422, body = Problem)))]
pub async fn feedback(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<TandemId>,
    ApiJson(b): ApiJson<FeedbackDto>,
) -> Result<StatusCode, ApiError> {
    let caller = api_caller(&ctx)?;
    let (mentor, participant) = sides(&ctx);
    tandems::feedback(&state.app, &caller, id, mentor, participant, &b.feedback).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The mentor record or participant record the caller's account belongs to.
pub(crate) fn sides(ctx: &Ctx) -> (Option<MentorId>, Option<ParticipantId>) {
    let u = ctx.user.as_ref();
    (
        u.and_then(|u| u.mentor_id),
        u.and_then(|u| u.participant_id),
    )
}

/// A mentor's sign-up (listed by the server; ignored when sent).
#[derive(Serialize, Deserialize, ToSchema)]
pub struct SignupDto {
    pub mentor_id: String,
    pub mentor_name: String,
    pub attended: Option<bool>,
}

impl From<Signup> for SignupDto {
    fn from(s: Signup) -> Self {
        SignupDto {
            mentor_id: s.mentor_id.to_string(),
            mentor_name: s.mentor_name,
            attended: s.attended,
        }
    }
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct MentorEventDto {
    #[serde(default)]
    pub id: Option<String>,
    /// `workshop` or `networking`.
    pub kind: String,
    pub title: String,
    pub date: String,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    #[serde(default)]
    pub place: String,
    pub capacity: u32,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub signups: Vec<SignupDto>,
}

fn event_dto(e: MentorEvent, signups: Vec<Signup>) -> MentorEventDto {
    let v = e.event;
    MentorEventDto {
        id: Some(e.id.to_string()),
        kind: v.kind.as_str().to_owned(),
        title: v.title,
        date: v.date.to_string(),
        start: v.start,
        end: v.end,
        place: v.place,
        capacity: v.capacity,
        description: v.description,
        signups: signups.into_iter().map(Into::into).collect(),
    }
}

/// The provider's coming workshops and networking events with their sign-ups.
#[utoipa::path(get, path = "/api/v1/mentor-events", tag = "mentoring",
    operation_id = "list_mentor_events", params(ProviderQuery),
    responses((status = 200, body = Vec<MentorEventDto>)))]
pub async fn list_events(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Json<Vec<MentorEventDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let today = state.app.today();
    let list = tandems::events(&state.app, &caller, q.named(), today).await?;
    Ok(Json(
        list.into_iter().map(|(e, s)| event_dto(e, s)).collect(),
    ))
}

/// Offers a workshop or networking event to the provider's mentors.
#[utoipa::path(post, path = "/api/v1/mentor-events", tag = "mentoring",
    operation_id = "create_mentor_event", params(ProviderQuery), request_body = MentorEventDto,
    responses((status = 201, body = MentorEventDto), (status = 422, body = Problem)))]
pub async fn create_event(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
    ApiJson(b): ApiJson<MentorEventDto>,
) -> Result<(StatusCode, Json<MentorEventDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let raw = RawEvent {
        kind: b.kind,
        title: b.title,
        date: b.date,
        start: b.start,
        end: b.end,
        place: b.place,
        capacity: b.capacity.to_string(),
        description: b.description,
    };
    let e = tandems::create_event(&state.app, &caller, q.named(), &raw).await?;
    Ok((StatusCode::CREATED, Json(event_dto(e, Vec::new()))))
}

/// A mentor signs up for an event of their provider.
#[utoipa::path(post, path = "/api/v1/mentor-events/{id}/signup", tag = "mentoring",
    operation_id = "sign_up_for_mentor_event", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem), (status = 409, body = Problem)))]
pub async fn sign_up(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<MentorEventId>,
) -> Result<StatusCode, ApiError> {
    let caller = api_caller(&ctx)?;
    tandems::sign_up(&state.app, &caller, sides(&ctx).0, id, true).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A mentor withdraws their sign-up.
#[utoipa::path(delete, path = "/api/v1/mentor-events/{id}/signup", tag = "mentoring",
    operation_id = "withdraw_from_mentor_event", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn withdraw(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<MentorEventId>,
) -> Result<StatusCode, ApiError> {
    let caller = api_caller(&ctx)?;
    tandems::sign_up(&state.app, &caller, sides(&ctx).0, id, false).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct AttendedDto {
    pub attended: bool,
}

/// Staff record whether a signed-up mentor attended.
#[utoipa::path(put, path = "/api/v1/mentor-events/{id}/attendance/{mentor_id}", tag = "mentoring",
    operation_id = "record_mentor_event_attendance",
    params(("id" = String, Path), ("mentor_id" = String, Path)), request_body = AttendedDto,
    responses((status = 200, body = Vec<SignupDto>), (status = 404, body = Problem)))]
pub async fn attendance(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiIds(id, mentor): ApiIds<MentorEventId, MentorId>,
    ApiJson(b): ApiJson<AttendedDto>,
) -> Result<Json<Vec<SignupDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let list = tandems::record_attendance(&state.app, &caller, id, mentor, b.attended).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}
