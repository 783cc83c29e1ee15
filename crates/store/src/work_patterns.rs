//! A participant's working times (Schicht- / Dienstplan), one per participant: the shifts the
//! timetable is checked against. Erased with the participant.

use chrono::{DateTime, Utc};
use lernweg_domain::{CohortId, ParticipantId};
use lernweg_participants::{EnrolmentStatus, WorkPattern};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::{Store, StoreError, time};

pub use lernweg_participants::TRAVEL_MINUTES_MAX;

/// How a work pattern came in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkPatternSource {
    /// Typed into the staff form.
    Form,
    /// Imported from an iCalendar file.
    Ics,
    /// Sent through the API as JSON.
    Api,
}

impl WorkPatternSource {
    pub fn code(self) -> &'static str {
        match self {
            WorkPatternSource::Form => "form",
            WorkPatternSource::Ics => "ics",
            WorkPatternSource::Api => "api",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        Some(match s {
            "form" => WorkPatternSource::Form,
            "ics" => WorkPatternSource::Ics,
            "api" => WorkPatternSource::Api,
            _ => return None,
        })
    }
}

/// A stored work pattern.
#[derive(Debug, Clone, Serialize)]
pub struct WorkPatternRecord {
    pub participant_id: ParticipantId,
    pub pattern: WorkPattern,
    /// One way, per presence day.
    pub travel_minutes: u32,
    pub source: WorkPatternSource,
    pub updated_by: Option<String>,
    pub updated_at: DateTime<Utc>,
}

pub(crate) fn from_row(r: &AnyRow) -> Result<WorkPatternRecord, StoreError> {
    let corrupt = |e: String| StoreError::corrupt("work_patterns", e);
    let source: String = r.try_get("source")?;
    Ok(WorkPatternRecord {
        participant_id: ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
            .map_err(|e| corrupt(e.to_string()))?,
        pattern: serde_json::from_str(&r.try_get::<String, _>("pattern")?)
            .map_err(|e| corrupt(e.to_string()))?,
        travel_minutes: u32::try_from(r.try_get::<i64, _>("travel_minutes")?)
            .map_err(|e| corrupt(e.to_string()))?,
        source: WorkPatternSource::parse(&source)
            .ok_or_else(|| corrupt(format!("source {source:?}")))?,
        updated_by: r.try_get("updated_by")?,
        updated_at: time::parse("work_patterns", &r.try_get::<String, _>("updated_at")?)?,
    })
}

impl Store {
    /// The participant's work pattern, if one was recorded.
    pub async fn work_pattern(
        &self,
        id: ParticipantId,
    ) -> Result<Option<WorkPatternRecord>, StoreError> {
        sqlx::query(
            "SELECT participant_id, pattern, travel_minutes, source, updated_by, updated_at \
             FROM work_patterns WHERE participant_id = $1",
        )
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?
        .as_ref()
        .map(from_row)
        .transpose()
    }

    /// The work patterns of the people in a cohort who have not completed or dropped out
    /// (the interested included: they may still take part), each with the participant's
    /// name: one statement.
    pub async fn work_patterns_in_cohort(
        &self,
        cohort: CohortId,
    ) -> Result<Vec<(WorkPatternRecord, String)>, StoreError> {
        let sql = format!(
            "SELECT w.participant_id, w.pattern, w.travel_minutes, w.source, w.updated_by, \
             w.updated_at, p.document FROM work_patterns w \
             JOIN participants p ON p.id = w.participant_id \
             WHERE w.participant_id IN (SELECT participant_id FROM enrolments \
             WHERE cohort_id = $1 AND status NOT IN ('{}', '{}')) ORDER BY w.participant_id",
            EnrolmentStatus::Completed.code(),
            EnrolmentStatus::Dropped.code()
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(cohort.to_string())
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                let data: lernweg_participants::ParticipantData =
                    serde_json::from_str(&r.try_get::<String, _>("document")?)
                        .map_err(|e| StoreError::corrupt("participants", e))?;
                Ok((
                    from_row(r)?,
                    format!("{} {}", data.given_name, data.family_name),
                ))
            })
            .collect()
    }

    /// Records (or replaces) the participant's work pattern; the audit entry says how many
    /// weeks and where it came from, never the times.
    pub async fn set_work_pattern(
        &self,
        actor: &Actor,
        id: ParticipantId,
        pattern: &WorkPattern,
        travel_minutes: u32,
        source: WorkPatternSource,
    ) -> Result<WorkPatternRecord, StoreError> {
        if travel_minutes > TRAVEL_MINUTES_MAX {
            return Err(lernweg_domain::ParseError::new(
                "travel_minutes",
                "out_of_range",
                format!("the commute must be 0 to {TRAVEL_MINUTES_MAX} minutes"),
            )
            .into());
        }
        let participant = self.participant(id).await?;
        let json =
            serde_json::to_string(pattern).map_err(|e| StoreError::corrupt("work_patterns", e))?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO work_patterns (participant_id, pattern, travel_minutes, source, updated_by, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (participant_id) DO UPDATE SET pattern = $2, travel_minutes = $3, \
             source = $4, updated_by = $5, updated_at = $6",
        )
        .bind(id.to_string())
        .bind(json)
        .bind(i64::from(travel_minutes))
        .bind(source.code())
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(participant.provider_id),
                AuditAction::Update,
                AuditEntity::WorkPattern,
                id,
                format!("{} week(s), {}", pattern.cycle_weeks(), source.code()),
            ),
        )
        .await?;
        tx.commit().await?;
        self.work_pattern(id).await?.ok_or(StoreError::NotFound)
    }

    /// Removes the participant's work pattern; `NotFound` if there was none.
    pub async fn delete_work_pattern(
        &self,
        actor: &Actor,
        id: ParticipantId,
    ) -> Result<(), StoreError> {
        let participant = self.participant(id).await?;
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("DELETE FROM work_patterns WHERE participant_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(participant.provider_id),
                AuditAction::Delete,
                AuditEntity::WorkPattern,
                id,
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
