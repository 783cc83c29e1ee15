//! Cohorts (Durchgänge): their timetable planned from the offer and the state's holidays,
//! their lifecycle (draft → published → running → finished), and changes to single sessions.
//! Once a timetable is published every change needs a reason (the store keeps it with the
//! session's history and raises its iCalendar SEQUENCE).

use chrono::NaiveDate;
use lernweg_domain::access::{COUNSELLING, MANAGERS, STAFF};
use lernweg_domain::outbox::NoticeKind;
use lernweg_domain::{
    CohortId, CohortStatus, Cursor, Limit, OfferId, PageNo, Paged, ParseError, Principal,
    ProviderId, Search, SessionId, Slice, State as FedState, UserId,
};
use lernweg_offers::Offer;
use lernweg_offers::horizon::{DatedSession, Horizon, horizon};
use lernweg_offers::planning::Planning;
use lernweg_offers::run::Run;
use lernweg_planner::{ClockTime, ClosurePeriod, PlanOptions, SessionKind};
use lernweg_store::{
    Cohort, CohortFilter, Enrolment, FeedToken, NewCohort, NewSession, OfferRecord, SessionChange,
    SessionMove, SessionRecord, SessionStatus,
};

use crate::offers::require;
use crate::{App, AppError, Caller, refusals};

/// The run of a cohort in time: its first and its last day (`lernweg_offers::run`).
pub fn run(c: &Cohort) -> Run {
    Run::new(c.start_date, c.end_date)
}

/// The lifecycle status a cohort has on `today`: its stored status moved forward by its dates
/// (a published cohort whose first day has come is running, one whose last day has passed is
/// finished).
pub fn status_on(c: &Cohort, today: NaiveDate) -> CohortStatus {
    run(c).status(c.status, today)
}

/// Whether a cohort is offered on `today`: its dates are binding and it has not ended.
pub fn is_offered(c: &Cohort, today: NaiveDate) -> bool {
    run(c).is_offered(c.status, today)
}

/// Plans an offer's timetable for a cohort: the planner's sessions, ready to store. The
/// cohort's deadline and closures apply, and `extra` is closed too (e.g. the periods the
/// employers marked as not working).
pub fn generate(
    offer: &Offer,
    start: NaiveDate,
    state: FedState,
    planning: &Planning,
    extra: &[ClosurePeriod],
) -> Result<Vec<NewSession>, ParseError> {
    let mut spec = offer.to_spec(start, state);
    planning.apply(&mut spec, extra);
    let plan = lernweg_planner::plan(&spec, &PlanOptions::default())
        .map_err(|e| ParseError::new("start_date", "cannot_plan", e.to_string()))?;
    Ok(plan.sessions.iter().map(NewSession::from_planned).collect())
}

/// A cohort the principal may see; another provider's cohort is as unknown as a missing one.
pub async fn cohort(app: &App, principal: &Principal, id: CohortId) -> Result<Cohort, AppError> {
    require(principal, STAFF)?;
    let cohort = app.store.cohort(id).await?;
    refusals::ensure_provider(
        app,
        principal,
        cohort.provider_id,
        lernweg_store::AuditEntity::Cohort,
        id,
    )
    .await?;
    Ok(cohort)
}

/// A cohort the caller may see and change (coordinators of its provider, admins).
pub(crate) async fn managed(app: &App, caller: &Caller, id: CohortId) -> Result<Cohort, AppError> {
    require(&caller.principal, MANAGERS)?;
    cohort(app, &caller.principal, id).await
}

/// The cohorts the principal may see (optionally of one offer), by start date.
pub async fn cohorts(
    app: &App,
    principal: &Principal,
    offer: Option<OfferId>,
) -> Result<Vec<Cohort>, AppError> {
    require(principal, STAFF)?;
    Ok(app.store.cohorts(principal.provider_scope(), offer).await?)
}

/// What the cohort lists are narrowed to (besides the caller's provider).
#[derive(Debug, Clone, Default)]
pub struct CohortQuery {
    pub offer: Option<OfferId>,
    /// The stored status.
    pub status: Option<CohortStatus>,
    /// In the cohort's name.
    pub search: Option<Search>,
}

impl CohortQuery {
    fn filter(&self, principal: &Principal) -> CohortFilter {
        CohortFilter {
            scope: principal.provider_scope(),
            offer: self.offer,
            status: self.status,
            search: self.search.clone(),
        }
    }
}

/// One page of the cohorts the principal may see that match, by start date.
pub async fn cohort_page(
    app: &App,
    principal: &Principal,
    query: &CohortQuery,
    page: PageNo,
) -> Result<Paged<Cohort>, AppError> {
    require(principal, STAFF)?;
    Ok(app
        .store
        .cohort_page(&query.filter(principal), page)
        .await?)
}

/// The cohorts the principal may see that match after `cursor`, by start date.
pub async fn cohorts_after(
    app: &App,
    principal: &Principal,
    query: &CohortQuery,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<Cohort>, AppError> {
    require(principal, STAFF)?;
    Ok(app
        .store
        .cohorts_after(&query.filter(principal), cursor, limit)
        .await?)
}

/// The cohorts of one provider (e.g. to enrol that provider's participant), by start date;
/// another provider's are `NotFound` for its staff.
pub async fn of_provider(
    app: &App,
    principal: &Principal,
    provider: ProviderId,
) -> Result<Vec<Cohort>, AppError> {
    require(principal, STAFF)?;
    refusals::ensure_provider(
        app,
        principal,
        provider,
        lernweg_store::AuditEntity::Provider,
        provider,
    )
    .await?;
    Ok(app.store.cohorts(Some(provider), None).await?)
}

/// A visible cohort with its timetable (cancelled sessions included), by date.
pub async fn timetable(
    app: &App,
    principal: &Principal,
    id: CohortId,
) -> Result<(Cohort, Vec<SessionRecord>), AppError> {
    let cohort = cohort(app, principal, id).await?;
    let sessions = app.store.timetable(cohort.id).await?;
    Ok((cohort, sessions))
}

/// What the cohort page shows: the cohort with its offer, timetable (cancelled sessions
/// included), the names of its trainers (accounts deleted since are left out) and its
/// calendar feeds (revoked ones included, newest first).
#[derive(Debug, Clone)]
pub struct CohortOverview {
    pub cohort: Cohort,
    pub offer: OfferRecord,
    pub sessions: Vec<SessionRecord>,
    pub trainers: Vec<String>,
    pub feeds: Vec<FeedToken>,
    /// The provider's minimum lead in weeks (issue 13, point 4).
    pub min_publication_weeks: u32,
    /// How far ahead each date was published, in session order.
    pub horizon: Horizon,
    /// The enrolments with the participants' names, by name.
    pub members: Vec<(Enrolment, String)>,
    /// The places taken, per module (partial enrolments count in their modules only).
    pub seats: lernweg_participants::seats::Seats,
    /// Per coming date, who needs release from work and what was answered (only for
    /// counselling staff: it reveals working times; empty for others).
    pub release_needs: Vec<crate::release::DateNeeds>,
}

/// The publication horizon of a cohort's sessions (rules in `lernweg_offers::horizon`).
pub fn cohort_horizon(
    cohort: &Cohort,
    sessions: &[SessionRecord],
    minimum: u32,
    today: NaiveDate,
) -> Horizon {
    let dated: Vec<DatedSession> = sessions
        .iter()
        .map(|s| DatedSession {
            date: s.date,
            last_change: s.updated_at.date_naive(),
            cancelled: s.status == SessionStatus::Cancelled,
        })
        .collect();
    let published = cohort.published_at.map(|t| t.date_naive());
    horizon(published, &dated, minimum, today)
}

/// The cohort page's content for a cohort the principal may see.
pub async fn overview(
    app: &App,
    principal: &Principal,
    id: CohortId,
) -> Result<CohortOverview, AppError> {
    let (cohort, sessions) = timetable(app, principal, id).await?;
    let offer = app.store.offer(cohort.offer_id).await?;
    let feeds = app.store.feeds_of(&cohort.id.to_string()).await?;
    let trainers = app.store.trainer_names(cohort.id).await?;
    let minimum = app
        .store
        .provider(offer.provider_id)
        .await?
        .details
        .min_publication_weeks;
    let horizon = cohort_horizon(&cohort, &sessions, minimum, app.today());
    let members = app.store.cohort_members(cohort.id).await?;
    let seats = lernweg_participants::seats::seats(
        offer.offer.capacity,
        offer.offer.modules.len() as u32,
        members
            .iter()
            .map(|(e, _)| (e.status, e.modules.as_slice())),
    );
    let release_needs = if COUNSELLING.permits(Some(principal.role)) {
        crate::release::cohort_needs(app, &cohort, &offer.offer, &sessions, &members).await?
    } else {
        Vec::new()
    };
    Ok(CohortOverview {
        cohort,
        offer,
        sessions,
        trainers,
        feeds,
        min_publication_weeks: minimum,
        horizon,
        members,
        seats,
        release_needs,
    })
}

/// What a new cohort is made of.
#[derive(Debug, Clone)]
pub struct CohortInput {
    pub offer_id: OfferId,
    pub name: String,
    pub start_date: NaiveDate,
    /// The federal state whose public holidays apply; `None`: the provider's.
    pub state: Option<FedState>,
    pub room: String,
    pub online_link: String,
    pub trainers: Vec<UserId>,
    /// Deadline and closing periods (`deadline`/`closures` errors, see
    /// `lernweg_offers::planning`).
    pub planning: Planning,
}

/// Creates a cohort of an offer the caller may see, with its timetable generated from the
/// offer's time model and the state's public holidays. An offer the caller may not see is
/// invalid input (`offer_id`/`unknown_offer`); a timetable that cannot be planned is
/// `start_date`/`cannot_plan`; the store checks the name and the trainers.
pub async fn create(app: &App, caller: &Caller, input: CohortInput) -> Result<Cohort, AppError> {
    require(&caller.principal, MANAGERS)?;
    let offer = match crate::offers::offer(app, &caller.principal, input.offer_id).await {
        Ok(o) => o,
        Err(AppError::NotFound) => {
            return Err(
                ParseError::new("offer_id", "unknown_offer", "no offer with this id").into(),
            );
        }
        Err(e) => return Err(e),
    };
    let state = match input.state {
        Some(s) => s,
        None => app.store.provider(offer.provider_id).await?.state,
    };
    input
        .planning
        .check(input.start_date)
        .map_err(AppError::Invalid)?;
    let sessions = generate(&offer.offer, input.start_date, state, &input.planning, &[])?;
    let new = NewCohort {
        planning: input.planning,
        offer_id: offer.id,
        name: input.name,
        state,
        start_date: input.start_date,
        room: input.room,
        online_link: input.online_link,
        trainers: input.trainers,
    };
    Ok(app
        .store
        .create_cohort(&caller.actor, new, &sessions)
        .await?)
}

/// Moves a cohort one step along draft → published → running → finished; any other step is
/// `status`/`invalid_transition`.
pub async fn set_status(
    app: &App,
    caller: &Caller,
    id: CohortId,
    to: CohortStatus,
) -> Result<Cohort, AppError> {
    let cohort = managed(app, caller, id).await?;
    Ok(app
        .store
        .set_cohort_status(&caller.actor, cohort.id, to)
        .await?)
}

/// How a draft is planned again.
#[derive(Debug, Clone)]
pub struct Replan {
    pub start: NaiveDate,
    /// New deadline and closures; `None` keeps the cohort's.
    pub planning: Option<Planning>,
    /// Also close the periods the employers marked as not working (issue 13, point 3).
    pub around_employers: bool,
}

/// Regenerates a draft cohort's timetable (`start_date`/`cannot_plan` when the offer cannot
/// be planned from there, `status`/`not_draft` once published, `deadline`/`closures` for
/// invalid controls).
pub async fn replan(
    app: &App,
    caller: &Caller,
    id: CohortId,
    how: Replan,
) -> Result<Cohort, AppError> {
    let cohort = managed(app, caller, id).await?;
    let mut planning = how.planning.unwrap_or_else(|| cohort.planning.clone());
    if planning.weekly_slots.is_none() {
        // New deadline or closures keep the session times chosen for the cohort.
        planning.weekly_slots = cohort.planning.weekly_slots.clone();
    }
    planning.check(how.start).map_err(AppError::Invalid)?;
    let extra = if how.around_employers {
        crate::planning::blocked_closures(app, cohort.id).await?
    } else {
        Vec::new()
    };
    let offer = app.store.offer(cohort.offer_id).await?;
    let sessions = generate(&offer.offer, how.start, cohort.state, &planning, &extra)?;
    Ok(app
        .store
        .replace_sessions(&caller.actor, cohort.id, how.start, &planning, &sessions)
        .await?)
}

// ---------------------------------------------------------------- sessions

/// A session of a cohort the principal may see, with that cohort.
pub async fn session(
    app: &App,
    principal: &Principal,
    id: SessionId,
) -> Result<(SessionRecord, Cohort), AppError> {
    require(principal, STAFF)?;
    let session = app.store.timetable_session(id).await?;
    let cohort = cohort(app, principal, session.cohort_id).await?;
    Ok((session, cohort))
}

/// A session the principal may see, with its cohort and its history of changes (oldest
/// first, each with its reason).
pub async fn session_history(
    app: &App,
    principal: &Principal,
    id: SessionId,
) -> Result<(SessionRecord, Cohort, Vec<SessionChange>), AppError> {
    let (session, cohort) = session(app, principal, id).await?;
    let history = app.store.session_changes(session.id).await?;
    Ok((session, cohort, history))
}

/// A session the caller may see and change, with its cohort.
async fn managed_session(
    app: &App,
    caller: &Caller,
    id: SessionId,
) -> Result<(SessionRecord, Cohort), AppError> {
    require(&caller.principal, MANAGERS)?;
    session(app, &caller.principal, id).await
}

/// Moves a session to another date and time (`reason` required once the timetable is
/// published; `end`/`before_start`; `status`/`finished` for a finished cohort).
pub async fn move_session(
    app: &App,
    caller: &Caller,
    id: SessionId,
    to: SessionMove,
    reason: &str,
) -> Result<SessionRecord, AppError> {
    let (session, cohort) = managed_session(app, caller, id).await?;
    let moved = app
        .store
        .move_session(&caller.actor, session.id, to, reason)
        .await?;
    let kind = NoticeKind::SessionMoved;
    crate::notices::session_changed(app, &cohort, kind, &session, &moved, reason).await?;
    Ok(moved)
}

/// Cancels a session: it stays in the timetable and the feeds as cancelled.
pub async fn cancel_session(
    app: &App,
    caller: &Caller,
    id: SessionId,
    reason: &str,
) -> Result<SessionRecord, AppError> {
    let (session, cohort) = managed_session(app, caller, id).await?;
    let cancelled = app
        .store
        .cancel_session(&caller.actor, session.id, reason)
        .await?;
    let kind = NoticeKind::SessionCancelled;
    crate::notices::session_changed(app, &cohort, kind, &session, &cancelled, reason).await?;
    Ok(cancelled)
}

/// A session added by hand (e.g. a make-up date).
#[derive(Debug, Clone)]
pub struct ExtraSession {
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub kind: SessionKind,
    pub title: String,
    /// 1-based module number, if it belongs to one.
    pub module: Option<i64>,
}

/// Adds a session to a cohort the caller may see; its hours are its length, its iCalendar
/// UID a new random one (`end`/`before_start`, `title`/`required`, `reason` as for moves).
pub async fn add_session(
    app: &App,
    caller: &Caller,
    cohort_id: CohortId,
    extra: ExtraSession,
    reason: &str,
) -> Result<SessionRecord, AppError> {
    let cohort = managed(app, caller, cohort_id).await?;
    if extra.end <= extra.start {
        return Err(
            ParseError::new("end", "before_start", "the end must be after the start").into(),
        );
    }
    let title = extra.title.trim();
    if title.is_empty() {
        return Err(ParseError::new("title", "required", "the session needs a title").into());
    }
    let minutes = (extra.end.to_naive() - extra.start.to_naive()).num_minutes();
    let new = NewSession {
        uid: format!("extra-{}@lernweg", uuid::Uuid::new_v4().simple()),
        date: extra.date,
        start: Some(extra.start),
        end: Some(extra.end),
        hours: minutes as f64 / 60.0,
        module: extra.module,
        kind: extra.kind,
        title: title.to_owned(),
    };
    let added = app
        .store
        .add_session(&caller.actor, cohort.id, new, reason)
        .await?;
    let kind = NoticeKind::SessionAdded;
    crate::notices::session_changed(app, &cohort, kind, &added, &added, reason).await?;
    Ok(added)
}

/// The cohort's offer planned from the cohort's start in its state under every time model,
/// side by side, with the recommendation (the planner's comparison, as `lernweg plan
/// --compare`): for choosing the time model while the cohort is planned.
pub async fn compare_time_models(
    app: &App,
    principal: &Principal,
    id: CohortId,
) -> Result<lernweg_planner::compare::Comparison, AppError> {
    let (cohort, offer, _) = with_offer(app, principal, id).await?;
    let mut spec = offer.to_spec(cohort.start_date, cohort.state);
    cohort.planning.apply(&mut spec, &[]);
    lernweg_planner::compare::compare(&spec, &PlanOptions::default())
        .map_err(|e| ParseError::new("start_date", "cannot_plan", e.to_string()).into())
}

/// A visible cohort with its offer and its timetable (cancelled sessions included), by date.
pub async fn with_offer(
    app: &App,
    principal: &Principal,
    id: CohortId,
) -> Result<(Cohort, Offer, Vec<SessionRecord>), AppError> {
    let (cohort, sessions) = timetable(app, principal, id).await?;
    let offer = app.store.offer(cohort.offer_id).await?.offer;
    Ok((cohort, offer, sessions))
}
