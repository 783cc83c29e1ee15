//! The dated sessions of a cohort and their edits.
//!
//! A session keeps its iCalendar UID for life; every change raises SEQUENCE and is kept in
//! `session_changes` with its reason, which is required once the cohort is published.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{CohortId, CohortStatus, ParseError, SessionId};
use lernweg_offers::planning::Planning;
use lernweg_planner::{ClockTime, SessionKind};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::{Cohort, parse_date};
use crate::packed::{Cells, PackedQuery};
use crate::{Store, StoreError, time};

/// Whether a session takes place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SessionStatus {
    Confirmed,
    Cancelled,
}

impl SessionStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            SessionStatus::Confirmed => "confirmed",
            SessionStatus::Cancelled => "cancelled",
        }
    }
}

/// A dated session of a cohort as stored.
#[derive(Debug, Clone, Serialize)]
pub struct SessionRecord {
    pub id: SessionId,
    pub cohort_id: CohortId,
    pub uid: String,
    pub sequence: i64,
    pub status: SessionStatus,
    pub date: NaiveDate,
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
    pub hours: f64,
    pub module: Option<i64>,
    pub kind: SessionKind,
    pub title: String,
    pub updated_at: DateTime<Utc>,
}

/// A session to add (from the planner, or by hand).
#[derive(Debug, Clone)]
pub struct NewSession {
    /// The planner's stable UID; the store makes it unique per cohort.
    pub uid: String,
    pub date: NaiveDate,
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
    pub hours: f64,
    pub module: Option<i64>,
    pub kind: SessionKind,
    pub title: String,
}

impl NewSession {
    pub fn from_planned(s: &lernweg_planner::PlannedSession) -> NewSession {
        NewSession {
            uid: s.uid.clone(),
            date: s.date,
            start: s.start,
            end: s.end,
            hours: s.hours,
            module: s.module.map(|m| m as i64),
            kind: s.kind,
            title: s.title.clone(),
        }
    }
}

/// A change of a session's date or time.
#[derive(Debug, Clone, PartialEq)]
pub struct SessionMove {
    pub date: NaiveDate,
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
}

pub fn parse_kind(code: &str) -> Option<SessionKind> {
    [
        SessionKind::Lesson,
        SessionKind::Exam,
        SessionKind::Kickoff,
        SessionKind::Closing,
        SessionKind::Exchange,
        SessionKind::SelfPaced,
    ]
    .into_iter()
    .find(|k| k.code() == code)
}

fn parse_clock(s: Option<String>) -> Result<Option<ClockTime>, StoreError> {
    s.map(|s| ClockTime::parse(&s).map_err(|e| StoreError::corrupt("cohort_sessions", e)))
        .transpose()
}

macro_rules! session_columns {
    () => {
        "id, cohort_id, uid, sequence, status, date, start_time, end_time, hours, module, kind, title, updated_at"
    };
}

/// The columns of [`session_columns!`], for packed reads ([`crate::packed`]).
pub(crate) const SESSION_COLUMNS: &[&str] = &[
    "id",
    "cohort_id",
    "uid",
    "sequence",
    "status",
    "date",
    "start_time",
    "end_time",
    "hours",
    "module",
    "kind",
    "title",
    "updated_at",
];

pub(crate) fn session_from_row(r: &AnyRow) -> Result<SessionRecord, StoreError> {
    session_from(r)
}

pub(crate) fn session_from(r: &impl Cells) -> Result<SessionRecord, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("cohort_sessions", e);
    let status = match r.cell::<String>("status")?.as_str() {
        "cancelled" => SessionStatus::Cancelled,
        _ => SessionStatus::Confirmed,
    };
    let kind_code: String = r.cell("kind")?;
    Ok(SessionRecord {
        id: SessionId::parse(&r.cell::<String>("id")?).map_err(bad)?,
        cohort_id: CohortId::parse(&r.cell::<String>("cohort_id")?).map_err(bad)?,
        uid: r.cell("uid")?,
        sequence: r.cell("sequence")?,
        status,
        date: parse_date("cohort_sessions", &r.cell::<String>("date")?)?,
        start: parse_clock(r.cell("start_time")?)?,
        end: parse_clock(r.cell("end_time")?)?,
        hours: r.cell("hours")?,
        module: r.cell("module")?,
        kind: parse_kind(&kind_code)
            .ok_or_else(|| StoreError::corrupt("cohort_sessions", format!("kind {kind_code:?}")))?,
        title: r.cell("title")?,
        updated_at: time::parse("cohort_sessions", &r.cell::<String>("updated_at")?)?,
    })
}

/// The sessions of `from_where` (`FROM cohort_sessions WHERE …`) in `order`, packed into one
/// row (see [`crate::packed`]).
pub(crate) fn sessions_packed(from_where: String, order: &'static str) -> PackedQuery {
    PackedQuery::new("cohort_sessions", SESSION_COLUMNS, from_where, order)
}

pub(crate) async fn insert_session<'e, E>(
    now: chrono::DateTime<chrono::Utc>,
    exec: E,
    cohort: CohortId,
    s: &NewSession,
) -> Result<SessionId, StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let id = SessionId::from_uuid(Uuid::now_v7());
    // The planner's UID is stable per offer, title and start; the cohort id makes it unique
    // when two cohorts of one offer start on the same day.
    let uid = format!("{}-{}", cohort.as_uuid().simple(), s.uid);
    sqlx::query(
        "INSERT INTO cohort_sessions (id, cohort_id, uid, sequence, status, date, start_time, end_time, hours, module, kind, title, updated_at) \
         VALUES ($1, $2, $3, 0, 'confirmed', $4, $5, $6, $7, $8, $9, $10, $11)",
    )
    .bind(id.to_string())
    .bind(cohort.to_string())
    .bind(uid)
    .bind(s.date.to_string())
    .bind(s.start.map(|t| t.to_string()))
    .bind(s.end.map(|t| t.to_string()))
    .bind(s.hours)
    .bind(s.module)
    .bind(s.kind.code())
    .bind(&s.title)
    .bind(time::fmt(now))
    .execute(exec)
    .await
    .map_err(|e| StoreError::unique_as(e, "a session with this UID exists"))?;
    Ok(id)
}

async fn record_change<'e, E>(
    now: chrono::DateTime<chrono::Utc>,
    exec: E,
    session: SessionId,
    actor: &Actor,
    change: &str,
    reason: &str,
) -> Result<(), StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query("INSERT INTO session_changes (id, session_id, at, actor_id, change, reason) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(Uuid::now_v7().to_string())
        .bind(session.to_string())
        .bind(time::fmt(now))
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(change)
        .bind(reason)
        .execute(exec)
        .await?;
    Ok(())
}

/// One entry of a session's change history.
#[derive(Debug, Clone, Serialize)]
pub struct SessionChange {
    pub at: DateTime<Utc>,
    pub change: String,
    pub reason: String,
}

impl Store {
    /// Sessions of a cohort in date order (cancelled ones included).
    pub async fn timetable(&self, cohort: CohortId) -> Result<Vec<SessionRecord>, StoreError> {
        sessions_packed(
            "FROM cohort_sessions WHERE cohort_id = $1".into(),
            "date, start_time, id",
        )
        .bind(cohort.to_string())
        .fetch(self, |r| session_from(r))
        .await
    }

    /// The sessions of every cohort of a set, per cohort in date order: one statement.
    pub async fn timetables_of(
        &self,
        of: &crate::CohortsOf,
    ) -> Result<std::collections::HashMap<CohortId, Vec<SessionRecord>>, StoreError> {
        let (ids, values) = of.ids();
        let mut q = sessions_packed(
            format!("FROM cohort_sessions WHERE cohort_id IN ({ids})"),
            "cohort_id, date, start_time, id",
        );
        for v in values {
            q = q.bind(v);
        }
        let mut out: std::collections::HashMap<CohortId, Vec<SessionRecord>> =
            std::collections::HashMap::new();
        for s in q.fetch(self, |r| session_from(r)).await? {
            out.entry(s.cohort_id).or_default().push(s);
        }
        Ok(out)
    }

    pub async fn timetable_session(&self, id: SessionId) -> Result<SessionRecord, StoreError> {
        self.fetch_one(
            concat!(
                "SELECT ",
                session_columns!(),
                " FROM cohort_sessions WHERE id = $1"
            ),
            id.to_string(),
            session_from_row,
        )
        .await
    }

    /// The change history of a session, oldest first.
    pub async fn session_changes(&self, id: SessionId) -> Result<Vec<SessionChange>, StoreError> {
        let rows = sqlx::query(
            "SELECT at, change, reason FROM session_changes WHERE session_id = $1 ORDER BY at, id",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SessionChange {
                    at: time::parse("session_changes", &r.try_get::<String, _>("at")?)?,
                    change: r.try_get("change")?,
                    reason: r.try_get("reason")?,
                })
            })
            .collect()
    }

    /// Checks the reason rule: once a cohort is published, every change needs a reason.
    fn reason_for(cohort: &Cohort, reason: &str) -> Result<String, StoreError> {
        let reason = reason.trim();
        if cohort.status.is_binding() && reason.is_empty() {
            return Err(ParseError::new(
                "reason",
                "required",
                "the timetable is published: give a reason for the change",
            )
            .into());
        }
        if reason.chars().count() > 500 {
            return Err(ParseError::new(
                "reason",
                "too_long",
                "the reason is longer than 500 characters",
            )
            .into());
        }
        Ok(reason.to_owned())
    }

    async fn touch_end_date<'e, E>(&self, exec: E, cohort: CohortId) -> Result<(), StoreError>
    where
        E: sqlx::Executor<'e, Database = sqlx::Any>,
    {
        sqlx::query(
            "UPDATE cohorts SET end_date = (SELECT MAX(date) FROM cohort_sessions WHERE cohort_id = $1 AND status = 'confirmed'), updated_at = $2 WHERE id = $1",
        )
        .bind(cohort.to_string())
        .bind(time::fmt(self.now()))
        .execute(exec)
        .await?;
        Ok(())
    }

    /// Moves a session to another date/time; SEQUENCE rises, the change is kept with its reason.
    pub async fn move_session(
        &self,
        actor: &Actor,
        id: SessionId,
        to: SessionMove,
        reason: &str,
    ) -> Result<SessionRecord, StoreError> {
        let s = self.timetable_session(id).await?;
        let cohort = self.cohort(s.cohort_id).await?;
        let reason = Self::reason_for(&cohort, reason)?;
        if cohort.status == CohortStatus::Finished {
            return Err(ParseError::new("status", "finished", "the cohort is finished").into());
        }
        if let (Some(a), Some(b)) = (to.start, to.end)
            && b <= a
        {
            return Err(
                ParseError::new("end", "before_start", "the end must be after the start").into(),
            );
        }
        let hours = match (to.start, to.end) {
            (Some(a), Some(b)) => (b.to_naive() - a.to_naive()).num_minutes() as f64 / 60.0,
            _ => s.hours,
        };
        let change = format!(
            "{} {}–{} -> {} {}–{}",
            s.date,
            s.start.map(|t| t.to_string()).unwrap_or_default(),
            s.end.map(|t| t.to_string()).unwrap_or_default(),
            to.date,
            to.start.map(|t| t.to_string()).unwrap_or_default(),
            to.end.map(|t| t.to_string()).unwrap_or_default()
        );
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE cohort_sessions SET date = $1, start_time = $2, end_time = $3, hours = $4, sequence = sequence + 1, updated_at = $5 WHERE id = $6",
        )
        .bind(to.date.to_string())
        .bind(to.start.map(|t| t.to_string()))
        .bind(to.end.map(|t| t.to_string()))
        .bind(hours)
        .bind(time::fmt(self.now()))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        record_change(self.now(), &mut *tx, id, actor, &change, &reason).await?;
        self.touch_end_date(&mut *tx, cohort.id).await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(cohort.provider_id),
                AuditAction::Update,
                AuditEntity::CohortSession,
                id,
                format!("{change}: {reason}"),
            ),
        )
        .await?;
        tx.commit().await?;
        self.timetable_session(id).await
    }

    /// Cancels a session: it stays in the feed with STATUS:CANCELLED and a higher SEQUENCE.
    pub async fn cancel_session(
        &self,
        actor: &Actor,
        id: SessionId,
        reason: &str,
    ) -> Result<SessionRecord, StoreError> {
        let s = self.timetable_session(id).await?;
        let cohort = self.cohort(s.cohort_id).await?;
        let reason = Self::reason_for(&cohort, reason)?;
        if s.status == SessionStatus::Cancelled {
            return Ok(s);
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE cohort_sessions SET status = 'cancelled', sequence = sequence + 1, updated_at = $1 WHERE id = $2")
            .bind(time::fmt(self.now()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        record_change(self.now(), &mut *tx, id, actor, "cancelled", &reason).await?;
        self.touch_end_date(&mut *tx, cohort.id).await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(cohort.provider_id),
                AuditAction::Update,
                AuditEntity::CohortSession,
                id,
                format!("cancelled: {reason}"),
            ),
        )
        .await?;
        tx.commit().await?;
        self.timetable_session(id).await
    }

    /// Adds a session by hand (e.g. a make-up date).
    pub async fn add_session(
        &self,
        actor: &Actor,
        cohort_id: CohortId,
        new: NewSession,
        reason: &str,
    ) -> Result<SessionRecord, StoreError> {
        let cohort = self.cohort(cohort_id).await?;
        let reason = Self::reason_for(&cohort, reason)?;
        let mut tx = self.pool.begin().await?;
        let id = insert_session(self.now(), &mut *tx, cohort_id, &new).await?;
        record_change(self.now(), &mut *tx, id, actor, "added", &reason).await?;
        self.touch_end_date(&mut *tx, cohort_id).await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(cohort.provider_id),
                AuditAction::Create,
                AuditEntity::CohortSession,
                id,
                format!("{} {}", new.date, new.title),
            ),
        )
        .await?;
        tx.commit().await?;
        self.timetable_session(id).await
    }

    /// Replaces the whole timetable of a draft cohort (after changing the start or the offer).
    pub async fn replace_sessions(
        &self,
        actor: &Actor,
        cohort_id: CohortId,
        start: NaiveDate,
        planning: &Planning,
        sessions: &[NewSession],
    ) -> Result<Cohort, StoreError> {
        let cohort = self.cohort(cohort_id).await?;
        if cohort.status != CohortStatus::Draft {
            return Err(ParseError::new(
                "status",
                "not_draft",
                "only a draft timetable can be regenerated",
            )
            .into());
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM cohort_sessions WHERE cohort_id = $1")
            .bind(cohort_id.to_string())
            .execute(&mut *tx)
            .await?;
        for s in sessions {
            insert_session(self.now(), &mut *tx, cohort_id, s).await?;
        }
        sqlx::query(
            "UPDATE cohorts SET start_date = $1, deadline = $2, closures = $3, weekly_slots = $5 WHERE id = $4",
        )
        .bind(start.to_string())
        .bind(planning.deadline.map(|d| d.to_string()))
        .bind(crate::cohorts::closures_json(planning))
        .bind(cohort_id.to_string())
        .bind(crate::cohorts::weekly_slots_json(planning))
        .execute(&mut *tx)
        .await?;
        self.touch_end_date(&mut *tx, cohort_id).await?;
        let detail = format!(
            "timetable regenerated from {start} ({} sessions)",
            sessions.len()
        );
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(cohort.provider_id),
                AuditAction::Update,
                AuditEntity::Cohort,
                cohort_id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.cohort(cohort_id).await
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_packed_columns_are_the_row_columns() {
        assert_eq!(super::SESSION_COLUMNS.join(", "), session_columns!());
    }
}
