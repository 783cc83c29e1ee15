//! Confirmed dates of individual lessons (`plan_sessions`): the sessions of a `lessons` item
//! of a participant's plan once staff have confirmed them. Like a cohort's sessions they keep
//! their iCalendar UID for life, raise SEQUENCE with every change and keep each change with
//! its reason (`plan_session_changes`); attendance is kept on the session itself (one person
//! takes part). The rules are `lernweg_app::participants::lessons`.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{ParseError, ParticipantId, PlanItemId, PlanSessionId, ProviderId, UserId};
use lernweg_participants::AttendanceStatus;
use lernweg_planner::{ClockTime, ProposedSession};
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::timetable::{SessionChange, SessionStatus};
use crate::{Store, StoreError, time};

/// A confirmed date of individual lessons.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanSession {
    pub id: PlanSessionId,
    pub item_id: PlanItemId,
    pub participant_id: ParticipantId,
    pub uid: String,
    pub sequence: i64,
    pub status: SessionStatus,
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub hours: f64,
    pub trainer_id: Option<UserId>,
    /// What was recorded for the participant (`None` while nothing is).
    pub attendance: Option<AttendanceStatus>,
    pub attendance_note: String,
    pub updated_at: DateTime<Utc>,
}

impl PlanSession {
    /// The session as a date with times (what the planner and the load engine weigh).
    pub fn dates(&self) -> ProposedSession {
        ProposedSession {
            date: self.date,
            start: self.start,
            end: self.end,
            hours: self.hours,
        }
    }
}

const COLUMNS: &str = "id, item_id, participant_id, uid, sequence, status, date, start_time, \
    end_time, hours, trainer_id, attendance, attendance_note, updated_at";

fn from_row(r: &AnyRow) -> Result<PlanSession, StoreError> {
    const T: &str = "plan_sessions";
    let bad = |e: ParseError| StoreError::corrupt(T, e);
    let clock = |c: &str| -> Result<ClockTime, StoreError> {
        ClockTime::parse(&r.try_get::<String, _>(c)?).map_err(|e| StoreError::corrupt(T, e))
    };
    let attendance = match r.try_get::<Option<String>, _>("attendance")? {
        Some(code) => Some(
            AttendanceStatus::parse(&code)
                .ok_or_else(|| StoreError::corrupt(T, format!("attendance {code:?}")))?,
        ),
        None => None,
    };
    let trainer_id = match r.try_get::<Option<String>, _>("trainer_id")? {
        Some(t) => Some(UserId::parse(&t).map_err(bad)?),
        None => None,
    };
    Ok(PlanSession {
        id: PlanSessionId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        item_id: PlanItemId::parse(&r.try_get::<String, _>("item_id")?).map_err(bad)?,
        participant_id: ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
            .map_err(bad)?,
        uid: r.try_get("uid")?,
        sequence: r.try_get("sequence")?,
        status: match r.try_get::<String, _>("status")?.as_str() {
            "cancelled" => SessionStatus::Cancelled,
            _ => SessionStatus::Confirmed,
        },
        date: parse_date(T, &r.try_get::<String, _>("date")?)?,
        start: clock("start_time")?,
        end: clock("end_time")?,
        hours: r.try_get("hours")?,
        trainer_id,
        attendance,
        attendance_note: r.try_get("attendance_note")?,
        updated_at: time::parse(T, &r.try_get::<String, _>("updated_at")?)?,
    })
}

/// Where a plan session is written: its item, participant and provider.
#[derive(Debug, Clone, Copy)]
pub struct PlanSessionOwner {
    pub item: PlanItemId,
    pub participant: ParticipantId,
    pub provider: ProviderId,
    pub trainer: Option<UserId>,
}

impl Store {
    async fn plan_sessions_where(
        &self,
        condition: &'static str,
        value: String,
    ) -> Result<Vec<PlanSession>, StoreError> {
        // `condition` is one of this module's constants, never input.
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM plan_sessions WHERE {condition} ORDER BY date, start_time, id"
        )))
        .bind(value)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(from_row).collect()
    }

    /// The sessions of a plan item, cancelled ones included, by date.
    pub async fn plan_sessions_of_item(
        &self,
        item: PlanItemId,
    ) -> Result<Vec<PlanSession>, StoreError> {
        self.plan_sessions_where("item_id = $1", item.to_string())
            .await
    }

    /// All plan sessions of a participant, cancelled ones included, by date.
    pub async fn plan_sessions_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<PlanSession>, StoreError> {
        self.plan_sessions_where("participant_id = $1", participant.to_string())
            .await
    }

    /// All plan sessions a trainer gives, cancelled ones included, by date.
    pub async fn plan_sessions_of_trainer(
        &self,
        trainer: UserId,
    ) -> Result<Vec<PlanSession>, StoreError> {
        self.plan_sessions_where("trainer_id = $1", trainer.to_string())
            .await
    }

    pub async fn plan_session(&self, id: PlanSessionId) -> Result<PlanSession, StoreError> {
        self.plan_sessions_where("id = $1", id.to_string())
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// Confirms dates of a lessons item (checked by the caller), all or none.
    pub async fn confirm_plan_sessions(
        &self,
        actor: &Actor,
        owner: PlanSessionOwner,
        sessions: &[ProposedSession],
    ) -> Result<Vec<PlanSessionId>, StoreError> {
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        let mut ids = Vec::with_capacity(sessions.len());
        for s in sessions {
            let id = PlanSessionId::from_uuid(Uuid::now_v7());
            sqlx::query(
                "INSERT INTO plan_sessions (id, item_id, participant_id, uid, sequence, status, \
                 date, start_time, end_time, hours, trainer_id, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, 0, 'confirmed', $5, $6, $7, $8, $9, $10, $10)",
            )
            .bind(id.to_string())
            .bind(owner.item.to_string())
            .bind(owner.participant.to_string())
            .bind(format!("{}@lernweg", id.as_uuid().simple()))
            .bind(s.date.to_string())
            .bind(s.start.to_string())
            .bind(s.end.to_string())
            .bind(s.hours)
            .bind(owner.trainer.map(|t| t.to_string()))
            .bind(&now)
            .execute(&mut *tx)
            .await?;
            ids.push(id);
        }
        let entry = actor.entry(
            Some(owner.provider),
            AuditAction::Create,
            AuditEntity::PlanItem,
            owner.item,
            format!("{} dates confirmed", sessions.len()),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// Moves a session (the reason is checked by the caller); SEQUENCE rises.
    pub async fn move_plan_session(
        &self,
        actor: &Actor,
        id: PlanSessionId,
        provider: ProviderId,
        to: &ProposedSession,
        reason: &str,
    ) -> Result<PlanSession, StoreError> {
        let s = self.plan_session(id).await?;
        let change = format!(
            "{} {}–{} -> {} {}–{}",
            s.date, s.start, s.end, to.date, to.start, to.end
        );
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE plan_sessions SET date = $1, start_time = $2, end_time = $3, hours = $4, \
             sequence = sequence + 1, updated_at = $5 WHERE id = $6",
        )
        .bind(to.date.to_string())
        .bind(to.start.to_string())
        .bind(to.end.to_string())
        .bind(to.hours)
        .bind(time::fmt(self.now()))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        self.plan_change(&mut tx, actor, provider, id, &change, reason)
            .await?;
        tx.commit().await?;
        self.plan_session(id).await
    }

    /// Cancels a session: it stays in the feeds as CANCELLED with a higher SEQUENCE.
    pub async fn cancel_plan_session(
        &self,
        actor: &Actor,
        id: PlanSessionId,
        provider: ProviderId,
        reason: &str,
    ) -> Result<PlanSession, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE plan_sessions SET status = 'cancelled', sequence = sequence + 1, \
             updated_at = $1 WHERE id = $2 AND status = 'confirmed'",
        )
        .bind(time::fmt(self.now()))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        self.plan_change(&mut tx, actor, provider, id, "cancelled", reason)
            .await?;
        tx.commit().await?;
        self.plan_session(id).await
    }

    async fn plan_change(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        actor: &Actor,
        provider: ProviderId,
        id: PlanSessionId,
        change: &str,
        reason: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "INSERT INTO plan_session_changes (id, session_id, at, actor_id, change, reason) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(id.to_string())
        .bind(time::fmt(self.now()))
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(change)
        .bind(reason)
        .execute(&mut **tx)
        .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Update,
            AuditEntity::PlanSession,
            id,
            format!("{change}: {reason}"),
        );
        audit::write(self.now(), &mut **tx, &entry).await
    }

    /// The change history of a plan session, oldest first.
    pub async fn plan_session_changes(
        &self,
        id: PlanSessionId,
    ) -> Result<Vec<SessionChange>, StoreError> {
        let rows = sqlx::query(
            "SELECT at, change, reason FROM plan_session_changes WHERE session_id = $1 \
             ORDER BY at, id",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(SessionChange {
                    at: time::parse("plan_session_changes", &r.try_get::<String, _>("at")?)?,
                    change: r.try_get("change")?,
                    reason: r.try_get("reason")?,
                })
            })
            .collect()
    }

    /// Records (or changes) the participant's attendance at a session.
    pub async fn record_plan_attendance(
        &self,
        actor: &Actor,
        id: PlanSessionId,
        provider: ProviderId,
        status: AttendanceStatus,
        note: &str,
    ) -> Result<PlanSession, StoreError> {
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE plan_sessions SET attendance = $1, attendance_note = $2, recorded_by = $3, \
             recorded_at = $4 WHERE id = $5",
        )
        .bind(status.code())
        .bind(note.trim())
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(&now)
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Update,
            AuditEntity::PlanSession,
            id,
            format!("attendance: {}", status.code()),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.plan_session(id).await
    }
}
