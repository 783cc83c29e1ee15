//! Retention: finished participant records are erased after the provider's retention period.

use chrono::{Months, NaiveDate};
use lernweg_domain::{ParseError, ParticipantId, ProviderId};
use lernweg_participants::EnrolmentStatus;

use crate::audit::{self, Actor, AuditAction};
use crate::{Store, StoreError, time};

/// A participant due for erasure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DueForErasure {
    pub participant: ParticipantId,
    pub provider: ProviderId,
    /// The day of the last enrolment event.
    pub finished_on: NaiveDate,
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
            .bind(time::fmt(time::now()))
            .bind(provider.to_string())
            .execute(&mut *tx)
            .await?;
        audit::write(
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Update,
                "provider",
                provider,
                format!("retention {months} months"),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Participants whose every enrolment is completed or dropped, and whose last enrolment
    /// event lies more than the provider's retention period before `today`.
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
                if enrolments.is_empty()
                    || enrolments.iter().any(|e| {
                        !matches!(
                            e.status,
                            EnrolmentStatus::Completed | EnrolmentStatus::Dropped
                        )
                    })
                {
                    continue;
                }
                let mut last: Option<NaiveDate> = None;
                for e in &enrolments {
                    if let Some(step) = self.enrolment_history(e.id).await?.last() {
                        last = Some(last.map_or(step.on_date, |l| l.max(step.on_date)));
                    }
                }
                if let Some(finished_on) = last
                    && finished_on < cutoff
                {
                    due.push(DueForErasure {
                        participant: p.id,
                        provider: provider.id,
                        finished_on,
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
