//! Retention: participant records are erased after the provider's retention period — finished
//! ones counted from the end of their last enrolment, and records that never led to a place
//! in a cohort counted from their last change.

use chrono::{Months, NaiveDate};
use lernweg_domain::{ParseError, ParticipantId, ProviderId};
use sqlx::Row;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::{Store, StoreError, time};

/// Why a participant is due for erasure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErasureReason {
    /// Every enrolment is completed or dropped; counted from the last enrolment event.
    Finished,
    /// No enrolment holds a place (none, or only interested / counselled, perhaps beside
    /// finished ones); counted from the record's last change.
    Inactive,
}

impl ErasureReason {
    /// `finished` or `inactive`.
    pub fn code(self) -> &'static str {
        match self {
            ErasureReason::Finished => "finished",
            ErasureReason::Inactive => "inactive",
        }
    }
}

/// A participant due for erasure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueForErasure {
    pub participant: ParticipantId,
    pub provider: ProviderId,
    pub reason: ErasureReason,
    /// The day the retention period runs from: the last enrolment event (finished) or the
    /// last change of the record (inactive).
    pub since: NaiveDate,
}

/// The day of a stored date (`YYYY-MM-DD`) or RFC 3339 timestamp, if readable.
fn day_of(s: &str) -> Option<NaiveDate> {
    s.get(..10)?.parse().ok()
}

impl Store {
    pub async fn retention_months(&self, provider: ProviderId) -> Result<u32, StoreError> {
        let months: i64 =
            sqlx::query_scalar("SELECT retention_months FROM providers WHERE id = $1")
                .bind(provider.to_string())
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
        Ok(u32::try_from(months).unwrap_or(0))
    }

    /// Sets the retention period (1 to 120 months).
    pub async fn set_retention_months(
        &self,
        actor: &Actor,
        provider: ProviderId,
        months: u32,
    ) -> Result<(), StoreError> {
        if !(1..=120).contains(&months) {
            return Err(ParseError::new(
                "retention_months",
                "out_of_range",
                "retention must be 1 to 120 months",
            )
            .into());
        }
        self.provider(provider).await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE providers SET retention_months = $1, updated_at = $2 WHERE id = $3")
            .bind(i64::from(months))
            .bind(time::fmt(self.now()))
            .bind(provider.to_string())
            .execute(&mut *tx)
            .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Update,
                AuditEntity::Provider,
                provider,
                format!("retention {months} months"),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The day of the last change of a participant's record: the latest of the record's
    /// `updated_at`, the contact log, the enrolments and their events and the readiness
    /// checks (both the dates entered and when they were written). Reads no clock.
    pub async fn last_change(&self, participant: ParticipantId) -> Result<NaiveDate, StoreError> {
        let rows = sqlx::query(
            "SELECT updated_at AS d FROM participants WHERE id = $1 \
             UNION ALL SELECT on_date FROM contact_log WHERE participant_id = $1 \
             UNION ALL SELECT created_at FROM contact_log WHERE participant_id = $1 \
             UNION ALL SELECT updated_at FROM enrolments WHERE participant_id = $1 \
             UNION ALL SELECT ev.on_date FROM enrolment_events ev JOIN enrolments en ON en.id = ev.enrolment_id WHERE en.participant_id = $1 \
             UNION ALL SELECT ev.created_at FROM enrolment_events ev JOIN enrolments en ON en.id = ev.enrolment_id WHERE en.participant_id = $1 \
             UNION ALL SELECT checked_on FROM readiness_checks WHERE participant_id = $1 \
             UNION ALL SELECT created_at FROM readiness_checks WHERE participant_id = $1",
        )
        .bind(participant.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut last: Option<NaiveDate> = None;
        for r in &rows {
            let s: String = r.try_get("d")?;
            let day = day_of(&s).ok_or_else(|| {
                StoreError::corrupt("participants", format!("unreadable date {s:?}"))
            })?;
            last = Some(last.map_or(day, |l| l.max(day)));
        }
        last.ok_or(StoreError::NotFound)
    }

    /// Participants due for erasure on `today`, per the provider's retention period:
    /// * finished: every enrolment is completed or dropped, and the last enrolment event lies
    ///   more than the period before `today`;
    /// * inactive: no enrolment is enrolled, active or paused (none at all, or interested /
    ///   counselled ones), and the record's [last change](Store::last_change) lies more than
    ///   the period before `today`.
    ///
    /// Anyone enrolled, active or paused is never due.
    pub async fn due_for_erasure(
        &self,
        today: NaiveDate,
    ) -> Result<Vec<DueForErasure>, StoreError> {
        let mut due = Vec::new();
        for provider in self.providers(None).await? {
            let months = self.retention_months(provider.id).await?;
            let Some(cutoff) = today.checked_sub_months(Months::new(months)) else {
                continue;
            };
            for p in self.participants(Some(provider.id)).await? {
                let enrolments = self.enrolments_of(p.id).await?;
                if enrolments.iter().any(|e| e.status.holds_place()) {
                    continue;
                }
                if enrolments.is_empty() || enrolments.iter().any(|e| !e.status.is_final()) {
                    let since = self.last_change(p.id).await?;
                    if since < cutoff {
                        due.push(DueForErasure {
                            participant: p.id,
                            provider: provider.id,
                            reason: ErasureReason::Inactive,
                            since,
                        });
                    }
                    continue;
                }
                let mut last: Option<NaiveDate> = None;
                for e in &enrolments {
                    if let Some(step) = self.enrolment_history(e.id).await?.last() {
                        last = Some(last.map_or(step.on_date, |l| l.max(step.on_date)));
                    }
                }
                if let Some(since) = last
                    && since < cutoff
                {
                    due.push(DueForErasure {
                        participant: p.id,
                        provider: provider.id,
                        reason: ErasureReason::Finished,
                        since,
                    });
                }
            }
        }
        Ok(due)
    }

    /// Erases every participant due for erasure; returns how many.
    pub async fn purge(&self, actor: &Actor, today: NaiveDate) -> Result<usize, StoreError> {
        let due = self.due_for_erasure(today).await?;
        for d in &due {
            self.erase_participant(actor, d.participant).await?;
        }
        Ok(due.len())
    }
}
