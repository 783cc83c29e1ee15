//! Attendance per session and the progress that follows from it: the roll call of a session
//! (read and recorded), an enrolment's attendance and progress, staff entries on progress.
//! Shared by the trainer pages, the participant page and the API.
//!
//! Who reaches what: a session's roll call is for the staff of the cohort's provider (any for
//! the admin), and for trainers only of cohorts they teach; an enrolment's attendance and
//! progress for the staff of its provider. Anything else is "not found".
//!
//! The rule of a roll call is `lernweg_participants::check_roll_call`: a cancelled session
//! takes none, a session that has not taken place yet only `excused` (notice ahead of time).

use std::collections::HashMap;

use chrono::NaiveDate;
use lernweg_domain::{CohortId, EnrolmentId, ParticipantId, Principal, Role, SessionId};
use lernweg_participants::attendance::{on_roll_call, takes_session};
use lernweg_participants::{
    Decision, ModuleInfo, Progress, ProgressRules, RollCallEntry, RollCallError,
};
use lernweg_store::{
    AttendanceRecord, AuditAction, AuditEntity, Cohort, Enrolment, NewProgressEntry, ProgressEntry,
    RollCallSession, SessionRecord, SessionStatus, StoreError, module_infos, session_facts,
};

use crate::{App, AppError, Caller, refusals};

/// A session the caller may take the roll call of, with its cohort.
pub async fn visible_session(
    app: &App,
    who: &Principal,
    id: SessionId,
) -> Result<(SessionRecord, Cohort), AppError> {
    let session = app.store.timetable_session(id).await?;
    let cohort = app.store.cohort(session.cohort_id).await?;
    refusals::ensure_provider(
        app,
        who,
        cohort.provider_id,
        lernweg_store::AuditEntity::Cohort,
        cohort.id,
    )
    .await?;
    if who.role == Role::Trainer && !app.store.teaches(who.user_id, cohort.id).await? {
        return Err(AppError::NotFound);
    }
    Ok((session, cohort))
}

/// An enrolment of the caller's provider with its cohort.
pub async fn visible_enrolment(
    app: &App,
    who: &Principal,
    id: EnrolmentId,
) -> Result<(Enrolment, Cohort), AppError> {
    let enrolment = app.store.enrolment(id).await?;
    let cohort = app.store.cohort(enrolment.cohort_id).await?;
    refusals::ensure_provider(
        app,
        who,
        cohort.provider_id,
        lernweg_store::AuditEntity::Enrolment,
        id,
    )
    .await?;
    Ok((enrolment, cohort))
}

/// One person on a roll call with what is recorded for them.
#[derive(Debug, Clone)]
pub struct RollCallRow {
    pub enrolment: Enrolment,
    pub given_name: String,
    pub family_name: String,
    pub record: Option<AttendanceRecord>,
}

/// A session with its roll call: everyone enrolled, active or paused, and anyone else who
/// has a record for it, in the order of enrolment.
#[derive(Debug, Clone)]
pub struct RollCall {
    pub session: SessionRecord,
    pub cohort: Cohort,
    /// The day the roll call is read on.
    pub today: NaiveDate,
    pub rows: Vec<RollCallRow>,
    /// Every enrolment in the cohort, whether on the roll call or not (a sent roll call is
    /// matched against these; the rule refuses those that may not be recorded).
    pub members: Vec<Enrolment>,
}

impl RollCall {
    /// The session lies after today: only `excused` may be recorded.
    pub fn in_future(&self) -> bool {
        self.session.date > self.today
    }

    pub fn cancelled(&self) -> bool {
        self.session.status == SessionStatus::Cancelled
    }

    /// How many on the roll call have a record.
    pub fn recorded(&self) -> usize {
        self.rows.iter().filter(|r| r.record.is_some()).count()
    }
}

async fn rows_of(app: &App, session: SessionRecord, cohort: Cohort) -> Result<RollCall, AppError> {
    let records = app.store.session_attendance(session.id).await?;
    let mut names: HashMap<ParticipantId, (String, String)> = app
        .store
        .participants(Some(cohort.provider_id))
        .await?
        .into_iter()
        .map(|p| (p.id, (p.data.given_name, p.data.family_name)))
        .collect();
    let members = app.store.enrolments_in(cohort.id).await?;
    let rows = members
        .iter()
        .cloned()
        .filter_map(|e| {
            let record = records.iter().find(|r| r.enrolment_id == e.id).cloned();
            if record.is_none()
                && !(on_roll_call(e.status) && takes_session(&e.modules, session.module))
            {
                return None;
            }
            let (given_name, family_name) = names.remove(&e.participant_id).unwrap_or_default();
            Some(RollCallRow {
                enrolment: e,
                given_name,
                family_name,
                record,
            })
        })
        .collect();
    Ok(RollCall {
        session,
        cohort,
        today: app.today(),
        rows,
        members,
    })
}

/// The roll call of a session, without an audit entry (to show a refused roll call again).
pub async fn roll_call(app: &App, who: &Principal, id: SessionId) -> Result<RollCall, AppError> {
    let (session, cohort) = visible_session(app, who, id).await?;
    rows_of(app, session, cohort).await
}

/// The roll call of a session, read: with the `view` entry (`what`: `"page: roll call"`).
pub async fn view_roll_call(
    app: &App,
    caller: &Caller,
    id: SessionId,
    what: &str,
) -> Result<RollCall, AppError> {
    let (session, cohort) = visible_session(app, &caller.principal, id).await?;
    app.store
        .audit_read(&caller.actor.entry(
            Some(cohort.provider_id),
            AuditAction::View,
            AuditEntity::Attendance,
            session.id,
            what,
        ))
        .await?;
    rows_of(app, session, cohort).await
}

async fn refusals(
    app: &App,
    session: &SessionRecord,
    cohort: &Cohort,
    entries: &[RollCallEntry],
) -> Result<Vec<RollCallError>, AppError> {
    let members: Vec<_> = app
        .store
        .enrolments_in(cohort.id)
        .await?
        .into_iter()
        .filter(|e| takes_session(&e.modules, session.module))
        .map(|e| (e.id, e.status))
        .collect();
    Ok(lernweg_participants::check_roll_call(
        &session_facts(session),
        &members,
        entries,
        app.today(),
    ))
}

/// What the roll-call rule says about `entries` (each refusal's `index` points into them),
/// without writing: for requests that also have lines the adapter could not read.
pub async fn check_roll_call(
    app: &App,
    who: &Principal,
    id: SessionId,
    entries: &[RollCallEntry],
) -> Result<Vec<RollCallError>, AppError> {
    let (session, cohort) = visible_session(app, who, id).await?;
    refusals(app, &session, &cohort, entries).await
}

/// Why a roll call was not recorded.
#[derive(Debug, thiserror::Error)]
pub enum RollCallFailure {
    /// The rule refused lines (`index` into the entries) or the whole session; nothing was
    /// written.
    #[error("roll call refused: {0:?}")]
    Refused(Vec<RollCallError>),
    #[error(transparent)]
    Failed(#[from] AppError),
}

impl From<StoreError> for RollCallFailure {
    fn from(e: StoreError) -> Self {
        RollCallFailure::Failed(e.into())
    }
}

/// Records the roll call of a session in one transaction: lines for enrolments not sent stay
/// as they are. Refused whole when the rule refuses any line.
pub async fn record_roll_call(
    app: &App,
    caller: &Caller,
    id: SessionId,
    entries: &[RollCallEntry],
) -> Result<RollCall, RollCallFailure> {
    let (session, cohort) = visible_session(app, &caller.principal, id).await?;
    let refused = refusals(app, &session, &cohort, entries).await?;
    if !refused.is_empty() {
        return Err(RollCallFailure::Refused(refused));
    }
    app.store
        .record_roll_call(&caller.actor, session.id, entries, app.today())
        .await?;
    Ok(rows_of(app, session, cohort).await?)
}

/// One attendance record with its session.
#[derive(Debug, Clone)]
pub struct Attended {
    pub record: AttendanceRecord,
    pub session: SessionRecord,
}

/// What is recorded for one enrolment of `cohort`, oldest session first (no audit entry: the
/// caller has checked access and logs the read).
pub async fn attendance_of(
    app: &App,
    cohort: CohortId,
    enrolment: EnrolmentId,
) -> Result<Vec<Attended>, AppError> {
    let sessions: HashMap<SessionId, SessionRecord> = app
        .store
        .timetable(cohort)
        .await?
        .into_iter()
        .map(|s| (s.id, s))
        .collect();
    Ok(app
        .store
        .enrolment_attendance(enrolment)
        .await?
        .into_iter()
        .filter_map(|record| {
            let session = sessions.get(&record.session_id)?.clone();
            Some(Attended { record, session })
        })
        .collect())
}

async fn audit_enrolment(
    app: &App,
    caller: &Caller,
    enrolment: &Enrolment,
    cohort: &Cohort,
    what: &str,
) -> Result<(), AppError> {
    app.store
        .audit_read(&caller.actor.entry(
            Some(cohort.provider_id),
            AuditAction::View,
            AuditEntity::Enrolment,
            enrolment.id,
            what,
        ))
        .await?;
    Ok(())
}

/// The attendance of a visible enrolment, read (`what`: e.g. `"api: attendance"`).
pub async fn enrolment_attendance(
    app: &App,
    caller: &Caller,
    id: EnrolmentId,
    what: &str,
) -> Result<Vec<Attended>, AppError> {
    let (enrolment, cohort) = visible_enrolment(app, &caller.principal, id).await?;
    audit_enrolment(app, caller, &enrolment, &cohort, what).await?;
    attendance_of(app, cohort.id, enrolment.id).await
}

/// The progress of an enrolment as of a day, with the staff entries it rests on.
#[derive(Debug, Clone)]
pub struct EnrolmentProgress {
    pub enrolment: Enrolment,
    pub cohort: Cohort,
    pub as_of: NaiveDate,
    pub progress: Progress,
    pub entries: Vec<ProgressEntry>,
}

async fn progress_of(
    app: &App,
    enrolment: Enrolment,
    cohort: Cohort,
) -> Result<EnrolmentProgress, AppError> {
    let as_of = app.today();
    let progress = app
        .store
        .enrolment_progress(enrolment.id, as_of, ProgressRules::default())
        .await?;
    let entries = app.store.progress_entries(enrolment.id).await?;
    Ok(EnrolmentProgress {
        enrolment,
        cohort,
        as_of,
        progress,
        entries,
    })
}

/// The progress of a visible enrolment as of today, read (`what`: e.g. `"api: progress"`).
pub async fn enrolment_progress(
    app: &App,
    caller: &Caller,
    id: EnrolmentId,
    what: &str,
) -> Result<EnrolmentProgress, AppError> {
    let (enrolment, cohort) = visible_enrolment(app, &caller.principal, id).await?;
    audit_enrolment(app, caller, &enrolment, &cohort, what).await?;
    progress_of(app, enrolment, cohort).await
}

/// The modules of a cohort's offer and the cohort's progress with nothing recorded yet: what
/// a staff entry may name.
pub async fn blank_progress(
    app: &App,
    cohort: &Cohort,
) -> Result<(Vec<ModuleInfo>, Progress), AppError> {
    let offer = app.store.offer(cohort.offer_id).await?;
    let modules = module_infos(&offer.offer);
    let sessions: Vec<_> = app
        .store
        .timetable(cohort.id)
        .await?
        .iter()
        .map(session_facts)
        .collect();
    let progress = lernweg_participants::progress(
        &modules,
        &sessions,
        &[],
        &[],
        app.today(),
        ProgressRules::default(),
    );
    Ok((modules, progress))
}

/// A staff entry on an enrolment's progress.
#[derive(Debug, Clone)]
pub struct NewEntry {
    /// 1-based module number (also the key of its milestone and exam).
    pub module: u32,
    pub decision: Decision,
    /// Not after today; today when `None`.
    pub on: Option<NaiveDate>,
    pub note: String,
}

/// Adds a staff entry and answers with the progress that follows. Refused (`Invalid`) for an
/// unknown module, an exam decision on a module without exam, a date after today, a note over
/// `ENTRY_NOTE_MAX` characters.
pub async fn add_progress_entry(
    app: &App,
    caller: &Caller,
    id: EnrolmentId,
    entry: NewEntry,
) -> Result<EnrolmentProgress, AppError> {
    let (enrolment, cohort) = visible_enrolment(app, &caller.principal, id).await?;
    let today = app.today();
    app.store
        .add_progress_entry(
            &caller.actor,
            enrolment.id,
            NewProgressEntry {
                module: entry.module,
                decision: entry.decision,
                on: entry.on.unwrap_or(today),
                note: entry.note,
            },
            today,
        )
        .await?;
    progress_of(app, enrolment, cohort).await
}

/// The sessions from `days_back` days before today to `days_ahead` days after, with how
/// complete their roll call is: of the caller's provider (the admin: all), and for a trainer
/// only of the cohorts they teach.
pub async fn overview(
    app: &App,
    who: &Principal,
    days_back: i64,
    days_ahead: i64,
) -> Result<Vec<RollCallSession>, AppError> {
    let now = app.today();
    let trainer = (who.role == Role::Trainer).then_some(who.user_id);
    Ok(app
        .store
        .roll_call_overview(
            who.provider_scope(),
            trainer,
            now - chrono::Duration::days(days_back),
            now + chrono::Duration::days(days_ahead),
        )
        .await?)
}
