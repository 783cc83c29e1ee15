//! Mentoring over the API (issue 15): the pool, participants' wishes, the weights, the
//! matching's proposals with accept/reject/swap, tandems with meetings, closing and feedback,
//! and the events for mentors. Every handler is a thin adapter over `lernweg_app::mentoring`
//! and `lernweg_app::tandems`.

use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use lernweg_app::mentoring::{self, Acceptance};
use lernweg_app::tandems::{self, RawEvent, TandemView};
use lernweg_domain::{MentorEventId, MentorId, ParticipantId, ProviderId, TandemId};
use lernweg_participants::mentor_pool::{RawMeeting, RawMentor, RawWish};
use lernweg_participants::mentoring::Weights;
use lernweg_store::{MentorEvent, MentorRecord, Signup, WishRecord};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::AppState;
use crate::api::{ApiJson, api_caller};
use crate::context::Ctx;
use crate::error::{ApiError, Problem};
use crate::extract::{ApiId, ApiIds, given};

/// `?provider_id=` for the admin, who belongs to no provider.
#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct ProviderQuery {
    pub provider_id: Option<String>,
}

impl ProviderQuery {
    fn named(&self) -> Option<ProviderId> {
        given(&self.provider_id).and_then(|p| ProviderId::parse(p).ok())
    }
}

#[derive(Serialize, ToSchema)]
pub struct MentorDto {
    pub id: String,
    pub provider_id: String,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// KldB 2010, five digits.
    pub kldb: String,
    pub occupation: String,
    /// ISO 639-1 codes.
    pub languages: Vec<String>,
    /// `mon-morning` … `sun-evening`.
    pub slots: Vec<String>,
    pub city: String,
    pub online: bool,
    pub capacity: u32,
    pub available_from: String,
    pub available_until: Option<String>,
    pub consent_on: String,
}

impl From<MentorRecord> for MentorDto {
    fn from(m: MentorRecord) -> Self {
        let p = m.profile;
        MentorDto {
            id: m.id.to_string(),
            provider_id: m.provider_id.to_string(),
            name: p.name,
            email: p.email.map(|e| e.as_str().to_owned()),
            phone: p.phone.map(|e| e.as_str().to_owned()),
            kldb: p.kldb.as_str().to_owned(),
            occupation: p.occupation,
            languages: p.languages.iter().map(|l| l.as_str().to_owned()).collect(),
            slots: p.slots.codes(),
            city: p.city,
            online: p.online,
            capacity: p.capacity,
            available_from: p.available_from.to_string(),
            available_until: p.available_until.map(|d| d.to_string()),
            consent_on: p.consent_on.to_string(),
        }
    }
}

/// A mentor as sent: `POST` adds one, `PUT` replaces the profile.
#[derive(Deserialize, ToSchema)]
pub struct MentorInputDto {
    /// Only for admins when adding.
    #[serde(default)]
    pub provider_id: Option<String>,
    pub name: String,
    /// An e-mail address or a phone number is needed.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    pub kldb: String,
    #[serde(default)]
    pub occupation: String,
    pub languages: Vec<String>,
    #[serde(default)]
    pub slots: Vec<String>,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub online: bool,
    /// Mentees at once, 1 to 10 (default 1).
    #[serde(default)]
    pub capacity: Option<u32>,
    /// `YYYY-MM-DD`, default today.
    #[serde(default)]
    pub available_from: Option<String>,
    #[serde(default)]
    pub available_until: Option<String>,
    /// The day of the mentor's consent to keeping and sharing their data.
    pub consent_on: String,
}

impl MentorInputDto {
    fn raw(&self) -> RawMentor {
        RawMentor {
            name: self.name.clone(),
            email: self.email.clone().unwrap_or_default(),
            phone: self.phone.clone().unwrap_or_default(),
            kldb: self.kldb.clone(),
            occupation: self.occupation.clone(),
            languages: self.languages.join(","),
            slots: self.slots.join(","),
            city: self.city.clone(),
            online: self.online.to_string(),
            capacity: self.capacity.map(|c| c.to_string()).unwrap_or_default(),
            available_from: self.available_from.clone().unwrap_or_default(),
            available_until: self.available_until.clone().unwrap_or_default(),
            consent_on: self.consent_on.clone(),
        }
    }
}

/// The mentor pool of the caller's provider, by name.
#[utoipa::path(get, path = "/api/v1/mentors", tag = "mentoring", operation_id = "list_mentors",
    params(ProviderQuery), responses((status = 200, body = Vec<MentorDto>)))]
pub async fn list_mentors(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Json<Vec<MentorDto>>, ApiError> {
    let caller = api_caller(&ctx)?;
    let list = mentoring::mentors(&state.app, &caller, q.named()).await?;
    Ok(Json(list.into_iter().map(Into::into).collect()))
}

/// Adds a mentor to the pool.
#[utoipa::path(post, path = "/api/v1/mentors", tag = "mentoring", operation_id = "create_mentor",
    request_body = MentorInputDto,
    responses((status = 201, body = MentorDto), (status = 422, body = Problem)))]
pub async fn create_mentor(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiJson(body): ApiJson<MentorInputDto>,
) -> Result<(StatusCode, Json<MentorDto>), ApiError> {
    let caller = api_caller(&ctx)?;
    let named = given(&body.provider_id).and_then(|p| ProviderId::parse(p).ok());
    let m = mentoring::add_mentor(&state.app, &caller, named, &body.raw()).await?;
    Ok((StatusCode::CREATED, Json(m.into())))
}

/// One mentor.
#[utoipa::path(get, path = "/api/v1/mentors/{id}", tag = "mentoring", operation_id = "show_mentor",
    params(("id" = String, Path)),
    responses((status = 200, body = MentorDto), (status = 404, body = Problem)))]
pub async fn show_mentor(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<MentorId>,
) -> Result<Json<MentorDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    Ok(Json(
        mentoring::visible_mentor(&state.app, &caller, id)
            .await?
            .into(),
    ))
}

/// Replaces a mentor's profile.
#[utoipa::path(put, path = "/api/v1/mentors/{id}", tag = "mentoring", operation_id = "update_mentor",
    params(("id" = String, Path)), request_body = MentorInputDto,
    responses((status = 200, body = MentorDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn update_mentor(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<MentorId>,
    ApiJson(body): ApiJson<MentorInputDto>,
) -> Result<Json<MentorDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let m = mentoring::update_mentor(&state.app, &caller, id, &body.raw()).await?;
    Ok(Json(m.into()))
}

/// A participant's wish for a mentor: when and where they could meet.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct WishDto {
    /// `mon-morning` … `sun-evening`.
    #[serde(default)]
    pub slots: Vec<String>,
    #[serde(default)]
    pub city: String,
    #[serde(default)]
    pub online: bool,
    /// Set by the server.
    #[serde(default)]
    pub wished_on: Option<String>,
}

impl From<WishRecord> for WishDto {
    fn from(w: WishRecord) -> Self {
        WishDto {
            slots: w.wish.slots.codes(),
            city: w.wish.city,
            online: w.wish.online,
            wished_on: Some(w.wished_on.to_string()),
        }
    }
}

/// Records that the participant waits for a mentor (or changes the wish).
#[utoipa::path(put, path = "/api/v1/participants/{id}/mentoring-wish", tag = "mentoring",
    operation_id = "set_mentoring_wish", params(("id" = String, Path)), request_body = WishDto,
    responses((status = 200, body = WishDto), (status = 404, body = Problem), (status = 422, body = Problem)))]
pub async fn set_wish(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
    ApiJson(body): ApiJson<WishDto>,
) -> Result<Json<WishDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let raw = RawWish {
        slots: body.slots.join(","),
        city: body.city,
        online: body.online.to_string(),
    };
    Ok(Json(
        mentoring::set_wish(&state.app, &caller, id, &raw)
            .await?
            .into(),
    ))
}

/// The participant no longer waits for a mentor (their open proposals go too).
#[utoipa::path(delete, path = "/api/v1/participants/{id}/mentoring-wish", tag = "mentoring",
    operation_id = "remove_mentoring_wish", params(("id" = String, Path)),
    responses((status = 204), (status = 404, body = Problem)))]
pub async fn remove_wish(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    ApiId(id): ApiId<ParticipantId>,
) -> Result<StatusCode, ApiError> {
    let caller = api_caller(&ctx)?;
    mentoring::remove_wish(&state.app, &caller, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The score's weights (the defaults: 40, 20, 10, 2, 20, 10).
#[derive(Serialize, Deserialize, ToSchema)]
pub struct WeightsDto {
    pub same_main_group: i64,
    pub same_area: i64,
    pub mother_tongue: i64,
    pub per_slot: i64,
    pub slots_max: i64,
    pub place: i64,
}

impl From<Weights> for WeightsDto {
    fn from(w: Weights) -> Self {
        WeightsDto {
            same_main_group: w.same_main_group,
            same_area: w.same_area,
            mother_tongue: w.mother_tongue,
            per_slot: w.per_slot,
            slots_max: w.slots_max,
            place: w.place,
        }
    }
}

/// The provider's score weights.
#[utoipa::path(get, path = "/api/v1/mentoring/weights", tag = "mentoring",
    operation_id = "mentoring_weights", params(ProviderQuery),
    responses((status = 200, body = WeightsDto)))]
pub async fn weights(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Json<WeightsDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    Ok(Json(
        mentoring::weights(&state.app, &caller, q.named())
            .await?
            .into(),
    ))
}

/// Saves the provider's score weights (each 0 to 100; coordinators and the admin).
#[utoipa::path(put, path = "/api/v1/mentoring/weights", tag = "mentoring",
    operation_id = "set_mentoring_weights", params(ProviderQuery), request_body = WeightsDto,
    responses((status = 200, body = WeightsDto), (status = 422, body = Problem)))]
pub async fn set_weights(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
    ApiJson(b): ApiJson<WeightsDto>,
) -> Result<Json<WeightsDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let w = Weights {
        same_main_group: b.same_main_group,
        same_area: b.same_area,
        mother_tongue: b.mother_tongue,
        per_slot: b.per_slot,
        slots_max: b.slots_max,
        place: b.place,
    };
    Ok(Json(
        mentoring::set_weights(&state.app, &caller, q.named(), &w)
            .await?
            .into(),
    ))
}

#[derive(Serialize, ToSchema)]
pub struct PairDto {
    /// The mentor's id.
    pub mentor: String,
    /// The participant's id.
    pub mentee: String,
    pub score: i64,
    pub reasons: Vec<String>,
}

#[derive(Serialize, ToSchema)]
pub struct UnmatchedDto {
    pub mentee: String,
    pub reason: String,
}

/// The matching's answer, as `lernweg match` gives it.
#[derive(Serialize, ToSchema)]
pub struct MatchingDto {
    pub pairs: Vec<PairDto>,
    pub unmatched: Vec<UnmatchedDto>,
    pub matched: usize,
    pub total_score: i64,
}

/// Runs the matching over all waiting participants of the provider; its pairs replace the
/// open proposals.
#[utoipa::path(post, path = "/api/v1/mentoring/proposals", tag = "mentoring",
    operation_id = "propose_tandems", params(ProviderQuery),
    responses((status = 200, body = MatchingDto)))]
pub async fn propose(
    State(state): State<AppState>,
    ctx: Extension<Ctx>,
    Query(q): Query<ProviderQuery>,
) -> Result<Json<MatchingDto>, ApiError> {
    let caller = api_caller(&ctx)?;
    let run = mentoring::propose(&state.app, &caller, q.named()).await?;
    Ok(Json(MatchingDto {
        matched: run.proposals.len(),
        total_score: run.total_score,
        pairs: run
            .proposals
            .into_iter()
            .map(|p| PairDto {
                mentor: p.mentor.to_string(),
                mentee: p.participant.to_string(),
                score: p.score,
                reasons: p.reasons,
            })
            .collect(),
        unmatched: run
            .unplaced
            .into_iter()
            .map(|u| UnmatchedDto {
                mentee: u.participant_id.to_string(),
                reason: u.reason,
            })
            .collect(),
    }))
}

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
