//! Calendar feeds (`/feeds/{token}.ics`): links with a random token that calendar clients
//! subscribe to without logging in. The token is shown once, stored hashed and revocable.

use chrono::{DateTime, SubsecRound, Utc};
use lernweg_domain::access::{MANAGERS, STAFF};
use lernweg_domain::{CohortId, CohortStatus, EmployerId, FeedId, ParticipantId, UserId};
use lernweg_participants::EnrolmentStatus;
use lernweg_participants::attendance::takes_session;
use lernweg_planner::Calendar;
use lernweg_planner::EventStatus;
use lernweg_planner::event::{EventContext, EventWords, SessionState, session_event};
use lernweg_planner::{PlannedSession, SessionKind};
use lernweg_store::{
    Cohort, FeedKind, FeedToken, IssuedFeed, PlanSession, SessionChange, SessionRecord,
    SessionStatus,
};

use crate::offers::require;
use crate::{App, AppError, Caller, cohorts};

/// A new feed of all sessions of a cohort the caller may see.
pub async fn create_cohort_feed(
    app: &App,
    caller: &Caller,
    id: CohortId,
) -> Result<IssuedFeed, AppError> {
    let cohort = cohorts::managed(app, caller, id).await?;
    Ok(app
        .store
        .create_feed(
            &caller.actor,
            FeedKind::Cohort,
            &cohort.id.to_string(),
            cohort.provider_id,
        )
        .await?)
}

/// A new feed of all sessions the caller teaches. Staff without a provider (the
/// installation admin) teach nothing: `NotFound`.
pub async fn create_trainer_feed(app: &App, caller: &Caller) -> Result<IssuedFeed, AppError> {
    require(&caller.principal, STAFF)?;
    let provider = caller.principal.provider_id.ok_or(AppError::NotFound)?;
    Ok(app
        .store
        .create_feed(
            &caller.actor,
            FeedKind::Trainer,
            &caller.principal.user_id.to_string(),
            provider,
        )
        .await?)
}

/// Revokes a feed of the caller's provider: its link stops working at once. Revoking a
/// revoked feed changes nothing.
pub async fn revoke_feed(app: &App, caller: &Caller, id: FeedId) -> Result<FeedToken, AppError> {
    require(&caller.principal, MANAGERS)?;
    let feed = app.store.feed(id).await?;
    caller.ensure_provider(feed.provider_id)?;
    Ok(app.store.revoke_feed(&caller.actor, feed.id).await?)
}

// ---------------------------------------------------------------- reading a feed

/// Whose dates a feed carries, with what its name needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FeedOwner {
    /// All sessions of one cohort (the feed's only [`FeedCohort`]).
    Cohort,
    /// All sessions a trainer teaches.
    Trainer { display_name: String },
    /// The sessions of a participant's cohorts; the feed speaks the participant's portal
    /// language: their mother tongue (ISO 639-1) when the portal speaks it.
    Participant { mother_tongue: Option<String> },
    /// The sessions of the cohorts of an employer's linked employees, each naming the
    /// employees who are away for it (plain German).
    Employer {
        employer_name: String,
        /// Per cohort, the names of the employees in it.
        away: Vec<(CohortId, Vec<String>)>,
    },
}

impl FeedOwner {
    /// The employees away for a session of `cohort` (empty but for employer feeds).
    pub fn away(&self, cohort: CohortId) -> &[String] {
        match self {
            FeedOwner::Employer { away, .. } => away
                .iter()
                .find(|(c, _)| *c == cohort)
                .map(|(_, names)| names.as_slice())
                .unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// One session of a feed, with the reason of its cancellation.
#[derive(Debug, Clone)]
pub struct FeedSession {
    pub session: SessionRecord,
    /// The reason given when the session was cancelled (`None` while it is not).
    pub cancel_reason: Option<String>,
}

/// One cohort of a feed with its offer's title and its whole timetable (cancelled sessions
/// included, so that calendar clients remove them).
#[derive(Debug, Clone)]
pub struct FeedCohort {
    pub cohort: Cohort,
    pub offer_title: String,
    pub sessions: Vec<FeedSession>,
}

/// A confirmed date of individual lessons in a feed (participant and trainer feeds).
#[derive(Debug, Clone)]
pub struct FeedLesson {
    pub session: PlanSession,
    /// The plan item's title.
    pub title: String,
    /// Whom the lesson is with: the participant's name in the trainer's feed, else `None`.
    pub with: Option<String>,
    /// The reason given when the date was cancelled (`None` while it is not).
    pub cancel_reason: Option<String>,
}

/// What a feed shows.
#[derive(Debug, Clone)]
pub struct FeedContent {
    pub owner: FeedOwner,
    pub cohorts: Vec<FeedCohort>,
    /// Confirmed dates of individual lessons, cancelled ones included.
    pub lessons: Vec<FeedLesson>,
    /// The time of the last change of anything the feed shows (sessions, cohorts, offers,
    /// the feed itself, the participant), never later than now: DTSTAMP and Last-Modified.
    pub last_change: DateTime<Utc>,
}

/// The content behind a feed secret; `None` for an unknown, revoked or broken one. Anyone
/// with the secret may read it (calendar clients cannot log in).
pub async fn feed_by_secret(app: &App, secret: &str) -> Result<Option<FeedContent>, AppError> {
    let Some(feed) = app.store.feed_by_secret(secret).await? else {
        return Ok(None);
    };
    let mut changes = vec![feed.created_at];
    let mut lessons = Vec::new();
    // The modules of a participant's partial enrolments: their feed has those sessions only.
    let mut partial: Vec<(CohortId, Vec<u32>)> = Vec::new();
    let (owner, cohorts) = match feed.kind {
        FeedKind::Cohort => {
            let Ok(id) = CohortId::parse(&feed.target_id) else {
                return Ok(None);
            };
            (FeedOwner::Cohort, vec![app.store.cohort(id).await?])
        }
        FeedKind::Participant => {
            let Ok(id) = ParticipantId::parse(&feed.target_id) else {
                return Ok(None);
            };
            let p = app.store.participant(id).await?;
            changes.push(p.updated_at);
            let mut cohorts = Vec::new();
            for e in app.store.enrolments_of(p.id).await? {
                if on_path(e.status) {
                    changes.push(e.created_at);
                    cohorts.push(app.store.cohort(e.cohort_id).await?);
                    partial.push((e.cohort_id, e.modules));
                }
            }
            let mother_tongue = p.data.mother_tongue.as_ref().map(|l| l.as_str().to_owned());
            let dates = app.store.plan_sessions_of_participant(p.id).await?;
            lessons = feed_lessons(app, dates, false, &mut changes).await?;
            (FeedOwner::Participant { mother_tongue }, cohorts)
        }
        FeedKind::Trainer => {
            let Ok(id) = UserId::parse(&feed.target_id) else {
                return Ok(None);
            };
            let user = app.store.user(id).await?;
            let cohorts = app.store.cohorts_of_trainer(user.id).await?;
            let dates = app.store.plan_sessions_of_trainer(user.id).await?;
            lessons = feed_lessons(app, dates, true, &mut changes).await?;
            let display_name = user.display_name;
            (FeedOwner::Trainer { display_name }, cohorts)
        }
        FeedKind::Employer => {
            let Ok(id) = EmployerId::parse(&feed.target_id) else {
                return Ok(None);
            };
            let employer = app.store.employer(id).await?;
            changes.push(employer.updated_at);
            let (away, cohorts) = employee_cohorts(app, employer.id).await?;
            let employer_name = employer.name;
            (
                FeedOwner::Employer {
                    employer_name,
                    away,
                },
                cohorts,
            )
        }
    };
    let mut cohorts = feed_cohorts(app, cohorts, &mut changes).await?;
    for c in &mut cohorts {
        if let Some((_, modules)) = partial.iter().find(|(id, _)| *id == c.cohort.id) {
            c.sessions
                .retain(|f| takes_session(modules, f.session.module));
        }
    }
    let newest = changes.into_iter().max().unwrap_or_default();
    Ok(Some(FeedContent {
        owner,
        cohorts,
        lessons,
        last_change: newest.min(app.clock.now_utc()).trunc_subsecs(0),
    }))
}

/// The cohorts of an employer's actively linked employees, each with the names of the
/// employees in it ("Given Family"), in the order of the names.
pub async fn employee_cohorts(
    app: &App,
    employer: EmployerId,
) -> Result<(Vec<(CohortId, Vec<String>)>, Vec<Cohort>), AppError> {
    let mut away: Vec<(CohortId, Vec<String>)> = Vec::new();
    for e in app.store.employee_cohorts(employer).await? {
        let name = format!("{} {}", e.given_name, e.family_name);
        match away.iter_mut().find(|(c, _)| *c == e.cohort_id) {
            Some((_, names)) => names.push(name),
            None => away.push((e.cohort_id, vec![name])),
        }
    }
    let mut cohorts = Vec::with_capacity(away.len());
    for (id, _) in &away {
        cohorts.push(app.store.cohort(*id).await?);
    }
    Ok((away, cohorts))
}

/// Each cohort with its offer's title and whole timetable (and the reasons of its
/// cancellations); the time of every change read goes into `changes`.
pub async fn feed_cohorts(
    app: &App,
    cohorts: Vec<Cohort>,
    changes: &mut Vec<DateTime<Utc>>,
) -> Result<Vec<FeedCohort>, AppError> {
    let mut out = Vec::with_capacity(cohorts.len());
    for cohort in cohorts {
        let offer = app.store.offer(cohort.offer_id).await?;
        changes.extend([cohort.created_at, offer.updated_at]);
        changes.extend(cohort.published_at);
        let mut sessions = Vec::new();
        for session in app.store.timetable(cohort.id).await? {
            changes.push(session.updated_at);
            let cancel_reason = if session.status == SessionStatus::Cancelled {
                cancel_reason(app.store.session_changes(session.id).await?)
            } else {
                None
            };
            sessions.push(FeedSession {
                session,
                cancel_reason,
            });
        }
        out.push(FeedCohort {
            cohort,
            offer_title: offer.offer.title,
            sessions,
        });
    }
    Ok(out)
}

/// The reason given at the last cancellation in a session's changes.
fn cancel_reason(changes: Vec<SessionChange>) -> Option<String> {
    changes
        .into_iter()
        .rev()
        .find(|c| c.change == "cancelled")
        .map(|c| c.reason)
}

/// Each lesson date with its item's title, the participant's name when `named`, and the
/// reason of its cancellation; the time of every change read goes into `changes`.
async fn feed_lessons(
    app: &App,
    dates: Vec<PlanSession>,
    named: bool,
    changes: &mut Vec<DateTime<Utc>>,
) -> Result<Vec<FeedLesson>, AppError> {
    let mut out = Vec::with_capacity(dates.len());
    for session in dates {
        changes.push(session.updated_at);
        let title = app.store.plan_item(session.item_id).await?.item.title;
        let with = if named {
            let p = app.store.participant(session.participant_id).await?;
            Some(format!("{} {}", p.data.given_name, p.data.family_name))
        } else {
            None
        };
        let cancel_reason = if session.status == SessionStatus::Cancelled {
            cancel_reason(app.store.plan_session_changes(session.id).await?)
        } else {
            None
        };
        out.push(FeedLesson {
            session,
            title,
            with,
            cancel_reason,
        });
    }
    Ok(out)
}

/// Enrolments whose cohorts are on a participant's path and in their feed: all but a
/// drop-out.
pub fn on_path(status: EnrolmentStatus) -> bool {
    status != EnrolmentStatus::Dropped
}

/// The calendar of a feed, every session by the planner's one event rule
/// ([`lernweg_planner::event::session_event`]) in the words given. Sessions of a draft
/// cohort are TENTATIVE with "Entwurf: " (never confirmed), cancelled ones CANCELLED with
/// "Abgesagt: " and the reason. DTSTAMP is the last change, so an unchanged feed is
/// byte-identical.
pub fn calendar(content: &FeedContent, name: String, words: &dyn EventWords) -> Calendar {
    let mut events = Vec::new();
    for c in &content.cohorts {
        let location = [c.cohort.room.as_str(), c.cohort.online_link.as_str()]
            .into_iter()
            .filter(|x| !x.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
        let ctx = EventContext {
            offer_title: &c.offer_title,
            cohort_name: Some(&c.cohort.name),
            location: Some(&location),
        };
        for f in &c.sessions {
            let s = &f.session;
            let state = if s.status == SessionStatus::Cancelled {
                SessionState::Cancelled(f.cancel_reason.as_deref())
            } else if c.cohort.status == CohortStatus::Draft {
                SessionState::Draft
            } else {
                SessionState::Confirmed
            };
            let sequence = u32::try_from(s.sequence).unwrap_or(u32::MAX);
            let planned = crate::exports::planned(s);
            let mut event = session_event(&planned, sequence, state, &ctx, words);
            let away = content.owner.away(c.cohort.id);
            if !away.is_empty() {
                let names = away.join(", ");
                event.summary = words.away(&names, &event.summary);
                if event.status != EventStatus::Cancelled {
                    let line = words.away_line(&names);
                    event.description = Some(match event.description {
                        Some(d) => format!("{line}\n{d}"),
                        None => line,
                    });
                }
            }
            events.push(event);
        }
    }
    for l in &content.lessons {
        let s = &l.session;
        let state = match s.status {
            SessionStatus::Cancelled => SessionState::Cancelled(l.cancel_reason.as_deref()),
            SessionStatus::Confirmed => SessionState::Confirmed,
        };
        let planned = PlannedSession {
            uid: s.uid.clone(),
            date: s.date,
            start: Some(s.start),
            end: Some(s.end),
            hours: s.hours,
            module: None,
            kind: SessionKind::Lesson,
            title: match &l.with {
                Some(name) => format!("{} – {name}", l.title),
                None => l.title.clone(),
            },
        };
        let ctx = EventContext {
            offer_title: &l.title,
            cohort_name: None,
            location: None,
        };
        let sequence = u32::try_from(s.sequence).unwrap_or(u32::MAX);
        events.push(session_event(&planned, sequence, state, &ctx, words));
    }
    Calendar {
        name,
        dtstamp: content.last_change.naive_utc(),
        events,
    }
}
