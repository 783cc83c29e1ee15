//! Attendance per session and enrolment, staff entries on progress, and the progress of a
//! participation derived by `lernweg_participants::progress`.
//!
//! One record per session and enrolment, changed in place: `recorded_by`/`recorded_at` name
//! the last change (saving an unchanged roll call again keeps them). A roll call is checked by
//! `lernweg_participants::check_roll_call` and written whole or not at all.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{CohortId, EnrolmentId, ParseError, ProviderId, SessionId, UserId};
use lernweg_offers::Offer;
use lernweg_participants::attendance::NOTE_MAX;
use lernweg_participants::progress::check_entry;
use lernweg_participants::{
    AttendanceMark, AttendanceStatus, Decision, ModuleInfo, Progress, ProgressRules, RollCallEntry,
    SessionFacts, StaffEntry, check_roll_call, progress,
};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::timetable::{SessionRecord, SessionStatus, session_from_row};
use crate::{Store, StoreError, time};

/// The longest note of a staff progress entry, in characters.
pub const ENTRY_NOTE_MAX: usize = 500;

/// What was recorded for one participant at one session.
#[derive(Debug, Clone, Serialize)]
pub struct AttendanceRecord {
    pub session_id: SessionId,
    pub enrolment_id: EnrolmentId,
    pub status: AttendanceStatus,
    pub note: String,
    /// The user id of whoever recorded or last changed it.
    pub recorded_by: Option<String>,
    pub recorded_at: DateTime<Utc>,
}

/// A staff decision on a module, its milestone or its exam.
#[derive(Debug, Clone, Serialize)]
pub struct ProgressEntry {
    pub id: String,
    pub enrolment_id: EnrolmentId,
    pub module: u32,
    pub decision: Decision,
    pub note: String,
    pub recorded_by: Option<String>,
    pub on_date: NaiveDate,
    pub created_at: DateTime<Utc>,
}

impl ProgressEntry {
    pub fn as_rule(&self) -> StaffEntry {
        StaffEntry {
            module: self.module,
            decision: self.decision,
            on: self.on_date,
        }
    }
}

/// A staff entry to add.
#[derive(Debug, Clone)]
pub struct NewProgressEntry {
    pub module: u32,
    pub decision: Decision,
    pub on: NaiveDate,
    pub note: String,
}

/// A session in the overview of roll calls, with how complete its roll call is.
#[derive(Debug, Clone, Serialize)]
pub struct RollCallSession {
    pub session: SessionRecord,
    pub cohort_name: String,
    /// Enrolments on the roll call (enrolled, active, paused).
    pub expected: i64,
    /// How many of them have a record for this session.
    pub recorded: i64,
}

impl RollCallSession {
    pub fn complete(&self) -> bool {
        self.recorded >= self.expected
    }
}

/// The rules' view of a stored session.
pub fn session_facts(s: &SessionRecord) -> SessionFacts {
    SessionFacts {
        id: s.id,
        date: s.date,
        hours: s.hours,
        module: s.module.and_then(|m| u32::try_from(m).ok()),
        kind: s.kind,
        cancelled: s.status == SessionStatus::Cancelled,
    }
}

/// The offer's modules with their milestones, numbered from 1.
/// The progress of one enrolment as of `today` from what is read already: its offer, its
/// cohort's timetable, its attendance and the staff entries, through
/// `lernweg_participants::progress`.
pub fn progress_from(
    offer: &Offer,
    sessions: &[SessionRecord],
    attendance: &[AttendanceRecord],
    entries: &[ProgressEntry],
    today: NaiveDate,
    rules: ProgressRules,
) -> Progress {
    let facts: Vec<SessionFacts> = sessions.iter().map(session_facts).collect();
    let marks: Vec<AttendanceMark> = attendance
        .iter()
        .map(|a| AttendanceMark {
            session: a.session_id,
            status: a.status,
        })
        .collect();
    let entries: Vec<StaffEntry> = entries.iter().map(ProgressEntry::as_rule).collect();
    progress(&module_infos(offer), &facts, &marks, &entries, today, rules)
}

pub fn module_infos(offer: &Offer) -> Vec<ModuleInfo> {
    offer
        .modules
        .iter()
        .enumerate()
        .map(|(i, m)| ModuleInfo {
            number: i as u32 + 1,
            title: m.title.clone(),
            milestone: m.milestone.clone(),
        })
        .collect()
}

pub(crate) fn attendance_from_row(r: &AnyRow) -> Result<AttendanceRecord, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("attendance", e);
    let status: String = r.try_get("status")?;
    Ok(AttendanceRecord {
        session_id: SessionId::parse(&r.try_get::<String, _>("session_id")?).map_err(bad)?,
        enrolment_id: EnrolmentId::parse(&r.try_get::<String, _>("enrolment_id")?).map_err(bad)?,
        status: AttendanceStatus::parse(&status)
            .ok_or_else(|| StoreError::corrupt("attendance", format!("status {status:?}")))?,
        note: r.try_get("note")?,
        recorded_by: r.try_get("recorded_by")?,
        recorded_at: time::parse("attendance", &r.try_get::<String, _>("recorded_at")?)?,
    })
}

pub(crate) fn entry_from_row(r: &AnyRow) -> Result<ProgressEntry, StoreError> {
    let decision: String = r.try_get("decision")?;
    let module: i64 = r.try_get("module")?;
    Ok(ProgressEntry {
        id: r.try_get("id")?,
        enrolment_id: EnrolmentId::parse(&r.try_get::<String, _>("enrolment_id")?)
            .map_err(|e| StoreError::corrupt("progress_entries", e))?,
        module: u32::try_from(module).map_err(|e| StoreError::corrupt("progress_entries", e))?,
        decision: Decision::parse(&decision).ok_or_else(|| {
            StoreError::corrupt("progress_entries", format!("decision {decision:?}"))
        })?,
        note: r.try_get("note")?,
        recorded_by: r.try_get("recorded_by")?,
        on_date: parse_date("progress_entries", &r.try_get::<String, _>("on_date")?)?,
        created_at: time::parse("progress_entries", &r.try_get::<String, _>("created_at")?)?,
    })
}

macro_rules! attendance_columns {
    () => {
        "a.session_id, a.enrolment_id, a.status, a.note, a.recorded_by, a.recorded_at"
    };
}
pub(crate) use attendance_columns;

/// Enrolment statuses that are on a roll call (`lernweg_participants::attendance::on_roll_call`).
macro_rules! on_roll {
    () => {
        "('enrolled', 'active', 'paused')"
    };
}

/// Whether enrolment `e` takes part in session `s`
/// (`lernweg_participants::attendance::takes_session`): the whole cohort, or the session's
/// module among its modules ("1,3").
macro_rules! takes_session {
    () => {
        "(e.modules = '' OR (',' || e.modules || ',') LIKE ('%,' || CAST(s.module AS TEXT) || ',%'))"
    };
}

/// "3 present, 1 excused, 0 absent" (no names: for the audit log).
fn tally<'a>(entries: impl Iterator<Item = &'a RollCallEntry>) -> String {
    let (mut present, mut excused, mut absent) = (0, 0, 0);
    for e in entries {
        match e.status {
            AttendanceStatus::Present => present += 1,
            AttendanceStatus::Excused => excused += 1,
            AttendanceStatus::Absent => absent += 1,
        }
    }
    format!("{present} present, {excused} excused, {absent} absent")
}

/// Writes checked roll-call lines: new ones inserted, changed ones updated in place (an
/// unchanged line keeps who recorded it and when).
async fn write_roll_call(
    now: chrono::DateTime<chrono::Utc>,
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: &Actor,
    session: SessionId,
    entries: &[RollCallEntry],
) -> Result<(), StoreError> {
    let now = time::fmt(now);
    let by = actor.user_id.map(|u| u.to_string());
    for e in entries {
        sqlx::query(
            "INSERT INTO attendance (session_id, enrolment_id, status, note, recorded_by, recorded_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (session_id, enrolment_id) DO UPDATE SET status = excluded.status, \
             note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at \
             WHERE attendance.status <> excluded.status OR attendance.note <> excluded.note",
        )
        .bind(session.to_string())
        .bind(e.enrolment.to_string())
        .bind(e.status.code())
        .bind(e.note.trim())
        .bind(by.clone())
        .bind(&now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

impl Store {
    /// Records a whole roll call of one session in one transaction (new records are created,
    /// changed ones updated in place). Refused as `Invalid { field: "records", code }` with the
    /// first refusal of `check_roll_call` (its row in the message); nothing is written then.
    pub async fn record_roll_call(
        &self,
        actor: &Actor,
        session: SessionId,
        entries: &[RollCallEntry],
        today: NaiveDate,
    ) -> Result<Vec<AttendanceRecord>, StoreError> {
        let s = self.timetable_session(session).await?;
        let cohort = self.cohort(s.cohort_id).await?;
        self.check_roll_call(&s, entries, today).await?;
        let mut tx = self.pool.begin().await?;
        write_roll_call(self.now(), &mut tx, actor, session, entries).await?;
        let detail = format!("roll call {}: {}", s.date, tally(entries.iter()));
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(cohort.provider_id),
                AuditAction::Update,
                AuditEntity::Attendance,
                session,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.session_attendance(session).await
    }

    /// Records the roll calls of several sessions of one cohort at once (catching up from
    /// paper lists, or an import) in one transaction with one audit entry. Each roll call is
    /// checked like [`Store::record_roll_call`]; sessions of different cohorts are refused
    /// (`Invalid { field: "sessions", code: "mixed_cohorts" }`). Returns how many records were
    /// sent.
    pub async fn record_roll_calls(
        &self,
        actor: &Actor,
        calls: &[(SessionId, Vec<RollCallEntry>)],
        today: NaiveDate,
    ) -> Result<usize, StoreError> {
        let Some((first, _)) = calls.first() else {
            return Ok(0);
        };
        let cohort = self
            .cohort(self.timetable_session(*first).await?.cohort_id)
            .await?;
        for (session, entries) in calls {
            let s = self.timetable_session(*session).await?;
            if s.cohort_id != cohort.id {
                return Err(ParseError::new(
                    "sessions",
                    "mixed_cohorts",
                    "all sessions must belong to one cohort",
                )
                .into());
            }
            self.check_roll_call(&s, entries, today).await?;
        }
        let mut tx = self.pool.begin().await?;
        for (session, entries) in calls {
            write_roll_call(self.now(), &mut tx, actor, *session, entries).await?;
        }
        let all = calls.iter().flat_map(|(_, e)| e.iter());
        let detail = format!("roll calls of {} sessions: {}", calls.len(), tally(all));
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(cohort.provider_id),
                AuditAction::Update,
                AuditEntity::Attendance,
                cohort.id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(calls.iter().map(|(_, e)| e.len()).sum())
    }

    /// `check_roll_call` against the cohort's enrolments; the first refusal as `Invalid`.
    async fn check_roll_call(
        &self,
        s: &SessionRecord,
        entries: &[RollCallEntry],
        today: NaiveDate,
    ) -> Result<(), StoreError> {
        let members: Vec<_> = self
            .enrolments_in(s.cohort_id)
            .await?
            .into_iter()
            .filter(|e| lernweg_participants::attendance::takes_session(&e.modules, s.module))
            .map(|e| (e.id, e.status))
            .collect();
        match check_roll_call(&session_facts(s), &members, entries, today)
            .into_iter()
            .next()
        {
            None => Ok(()),
            Some(first) => {
                let row = first
                    .index
                    .map(|i| format!("row {i}: "))
                    .unwrap_or_default();
                Err(ParseError::new("records", first.code, format!("{row}{first}")).into())
            }
        }
    }

    /// The records of one session.
    pub async fn session_attendance(
        &self,
        session: SessionId,
    ) -> Result<Vec<AttendanceRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            attendance_columns!(),
            " FROM attendance a WHERE a.session_id = $1 ORDER BY a.enrolment_id"
        ))
        .bind(session.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(attendance_from_row).collect()
    }

    /// The records of one enrolment, in the order of the sessions.
    pub async fn enrolment_attendance(
        &self,
        enrolment: EnrolmentId,
    ) -> Result<Vec<AttendanceRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            attendance_columns!(),
            " FROM attendance a JOIN cohort_sessions s ON s.id = a.session_id \
             WHERE a.enrolment_id = $1 ORDER BY s.date, s.start_time, s.id"
        ))
        .bind(enrolment.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(attendance_from_row).collect()
    }

    /// Adds a staff entry after checking it against the cohort's modules and exams
    /// (`Invalid` with field `module` for `unknown_module`/`no_exam`, `on` for `in_future`,
    /// `note` for `too_long`).
    pub async fn add_progress_entry(
        &self,
        actor: &Actor,
        enrolment: EnrolmentId,
        new: NewProgressEntry,
        today: NaiveDate,
    ) -> Result<ProgressEntry, StoreError> {
        let e = self.enrolment(enrolment).await?;
        let cohort = self.cohort(e.cohort_id).await?;
        let offer = self.offer(cohort.offer_id).await?;
        let sessions: Vec<SessionFacts> = self
            .timetable(cohort.id)
            .await?
            .iter()
            .map(session_facts)
            .collect();
        let rule = StaffEntry {
            module: new.module,
            decision: new.decision,
            on: new.on,
        };
        if let Err(code) = check_entry(&module_infos(&offer.offer), &sessions, &rule, today) {
            let (field, message) = match code {
                "unknown_module" => ("module", "the cohort has no module with this number"),
                "no_exam" => ("module", "the module closes with no exam"),
                _ => ("on", "the date lies in the future"),
            };
            return Err(ParseError::new(field, code, message).into());
        }
        let note = new.note.trim();
        if note.chars().count() > ENTRY_NOTE_MAX {
            return Err(ParseError::new(
                "note",
                "too_long",
                format!("the note is longer than {ENTRY_NOTE_MAX} characters"),
            )
            .into());
        }
        let id = Uuid::now_v7().to_string();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO progress_entries (id, enrolment_id, module, decision, note, recorded_by, on_date, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(enrolment.to_string())
        .bind(i64::from(new.module))
        .bind(new.decision.code())
        .bind(note)
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(new.on.to_string())
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(cohort.provider_id),
                AuditAction::Create,
                AuditEntity::ProgressEntry,
                enrolment,
                format!("module {}: {}", new.module, new.decision.code()),
            ),
        )
        .await?;
        tx.commit().await?;
        self.fetch_one(
            "SELECT id, enrolment_id, module, decision, note, recorded_by, on_date, created_at FROM progress_entries WHERE id = $1",
            id,
            entry_from_row,
        )
        .await
    }

    /// The staff entries of an enrolment in the order they were recorded.
    pub async fn progress_entries(
        &self,
        enrolment: EnrolmentId,
    ) -> Result<Vec<ProgressEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, enrolment_id, module, decision, note, recorded_by, on_date, created_at \
             FROM progress_entries WHERE enrolment_id = $1 ORDER BY created_at, id",
        )
        .bind(enrolment.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(entry_from_row).collect()
    }

    /// The progress of an enrolment as of `today`: its cohort's timetable and offer modules,
    /// its attendance and the staff entries, through `lernweg_participants::progress`.
    pub async fn enrolment_progress(
        &self,
        enrolment: EnrolmentId,
        today: NaiveDate,
        rules: ProgressRules,
    ) -> Result<Progress, StoreError> {
        let e = self.enrolment(enrolment).await?;
        let cohort = self.cohort(e.cohort_id).await?;
        let offer = self.offer(cohort.offer_id).await?;
        let mut sessions = self.timetable(cohort.id).await?;
        sessions.retain(|s| lernweg_participants::attendance::takes_session(&e.modules, s.module));
        let attendance = self.enrolment_attendance(enrolment).await?;
        let entries = self.progress_entries(enrolment).await?;
        Ok(progress_from(
            &offer.offer,
            &sessions,
            &attendance,
            &entries,
            today,
            rules,
        ))
    }

    /// Sessions between `from` and `to` (both included) of cohorts that are not drafts, with
    /// how complete their roll call is: of one provider (`None`: all), and only of cohorts
    /// `trainer` teaches when given. Cancelled sessions are left out. By date and time.
    pub async fn roll_call_overview(
        &self,
        scope: Option<ProviderId>,
        trainer: Option<UserId>,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<RollCallSession>, StoreError> {
        // No `($1 = '' OR …)`: a condition only when it narrows, so that the indexes serve.
        let mut conds = String::new();
        let mut binds = vec![from.to_string(), to.to_string()];
        if let Some(p) = scope {
            binds.push(p.to_string());
            conds.push_str(&format!(" AND c.provider_id = ${}", binds.len()));
        }
        if let Some(t) = trainer {
            binds.push(t.to_string());
            conds.push_str(&format!(
                " AND EXISTS (SELECT 1 FROM cohort_trainers t WHERE t.cohort_id = c.id AND t.user_id = ${})",
                binds.len()
            ));
        }
        let sql = format!(
            concat!(
                "SELECT s.id, s.cohort_id, s.uid, s.sequence, s.status, s.date, s.start_time, s.end_time, \
                 s.hours, s.module, s.kind, s.title, s.updated_at, c.name AS cohort_name, \
                 (SELECT COUNT(*) FROM enrolments e WHERE e.cohort_id = s.cohort_id AND e.status IN ",
                on_roll!(),
                " AND ",
                takes_session!(),
                ") AS expected, \
                 (SELECT COUNT(*) FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id \
                   WHERE a.session_id = s.id AND e.status IN ",
                on_roll!(),
                ") AS recorded \
                 FROM cohort_sessions s JOIN cohorts c ON c.id = s.cohort_id \
                 WHERE s.date >= $1 AND s.date <= $2 AND c.status <> 'draft' AND s.status = 'confirmed'{} \
                 ORDER BY s.date, s.start_time, c.name, s.id"
            ),
            conds
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for b in binds {
            q = q.bind(b);
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                Ok(RollCallSession {
                    session: session_from_row(r)?,
                    cohort_name: r.try_get("cohort_name")?,
                    expected: r.try_get("expected")?,
                    recorded: r.try_get("recorded")?,
                })
            })
            .collect()
    }

    /// Whether `user` teaches the cohort (is one of its trainers).
    pub async fn teaches(&self, user: UserId, cohort: CohortId) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM cohort_trainers WHERE cohort_id = $1 AND user_id = $2",
        )
        .bind(cohort.to_string())
        .bind(user.to_string())
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }
}

/// The note limit of one attendance record (re-exported for forms).
pub const ATTENDANCE_NOTE_MAX: usize = NOTE_MAX;
