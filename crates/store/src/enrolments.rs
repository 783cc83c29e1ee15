//! Enrolments of participants in cohorts, replayed through the lifecycle rules of
//! `lernweg_participants::enrolment`; and the erasure of a participant.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{CohortId, EnrolmentId, ParseError, ParticipantId, ProviderId};
use lernweg_participants::{EnrolmentEvent, EnrolmentStatus, History};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::{Store, StoreError, time};

#[derive(Debug, Clone, Serialize)]
pub struct Enrolment {
    pub id: EnrolmentId,
    pub participant_id: ParticipantId,
    pub cohort_id: CohortId,
    pub status: EnrolmentStatus,
    pub stayed_employed: Option<bool>,
    /// The chosen modules (1-based, ascending) of an enrolment for part of the cohort;
    /// empty for the whole cohort.
    pub modules: Vec<u32>,
    pub created_at: DateTime<Utc>,
}

/// One step of an enrolment's history.
#[derive(Debug, Clone, Serialize)]
pub struct EnrolmentStep {
    pub on_date: NaiveDate,
    pub event: EnrolmentEvent,
    pub from: EnrolmentStatus,
    pub to: EnrolmentStatus,
    pub recorded_by: Option<String>,
}

pub(crate) fn status_of(table: &'static str, s: &str) -> Result<EnrolmentStatus, StoreError> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|e| StoreError::corrupt(table, e))
}

fn status_code(s: EnrolmentStatus) -> String {
    serde_json::to_value(s)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub(crate) fn enrolment_from_row(r: &AnyRow) -> Result<Enrolment, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("enrolments", e);
    Ok(Enrolment {
        id: EnrolmentId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        participant_id: ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
            .map_err(bad)?,
        cohort_id: CohortId::parse(&r.try_get::<String, _>("cohort_id")?).map_err(bad)?,
        status: status_of("enrolments", &r.try_get::<String, _>("status")?)?,
        stayed_employed: r
            .try_get::<Option<i64>, _>("stayed_employed")?
            .map(|v| v == 1),
        modules: parse_modules(&r.try_get::<String, _>("modules")?)?,
        created_at: time::parse("enrolments", &r.try_get::<String, _>("created_at")?)?,
    })
}

/// "1,3" → [1, 3]; "" → [] (the whole cohort).
fn parse_modules(s: &str) -> Result<Vec<u32>, StoreError> {
    s.split(',')
        .filter(|m| !m.trim().is_empty())
        .map(|m| {
            m.trim()
                .parse::<u32>()
                .map_err(|_| StoreError::corrupt("enrolments", format!("modules {s:?}")))
        })
        .collect()
}

/// The modules as kept: ascending, without repeats, comma-separated.
pub(crate) fn modules_text(modules: &[u32]) -> String {
    let mut m = modules.to_vec();
    m.sort_unstable();
    m.dedup();
    m.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

macro_rules! columns {
    () => {
        "id, participant_id, cohort_id, status, stayed_employed, modules, created_at"
    };
}

impl Store {
    /// Registers interest of a participant in a cohort of the same provider.
    pub async fn enrol(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        cohort: CohortId,
    ) -> Result<Enrolment, StoreError> {
        self.enrol_for(actor, participant, cohort, &[]).await
    }

    /// Registers interest in chosen `modules` of a cohort (checked by the caller against its
    /// offer); none: the whole cohort.
    pub async fn enrol_for(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        cohort: CohortId,
        modules: &[u32],
    ) -> Result<Enrolment, StoreError> {
        let p = self.participant(participant).await?;
        let c = self.cohort(cohort).await?;
        if c.provider_id != p.provider_id {
            return Err(ParseError::new(
                "cohort_id",
                "other_provider",
                "the cohort belongs to another provider",
            )
            .into());
        }
        let id = EnrolmentId::from_uuid(Uuid::now_v7());
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO enrolments (id, participant_id, cohort_id, status, modules, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6)")
            .bind(id.to_string())
            .bind(participant.to_string())
            .bind(cohort.to_string())
            .bind(status_code(EnrolmentStatus::Interested))
            .bind(modules_text(modules))
            .bind(&now)
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::unique_as(e, "the participant is already enrolled in this cohort"))?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(p.provider_id),
                AuditAction::Create,
                AuditEntity::Enrolment,
                id,
                match modules {
                    [] => cohort.to_string(),
                    m => format!("{cohort} modules {}", modules_text(m)),
                },
            ),
        )
        .await?;
        tx.commit().await?;
        self.enrolment(id).await
    }

    /// Sets the chosen modules of an enrolment (checked by the caller); none: the whole
    /// cohort.
    pub async fn set_enrolment_modules(
        &self,
        actor: &Actor,
        id: EnrolmentId,
        provider: ProviderId,
        modules: &[u32],
    ) -> Result<Enrolment, StoreError> {
        let text = modules_text(modules);
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE enrolments SET modules = $1, updated_at = $2 WHERE id = $3")
            .bind(&text)
            .bind(time::fmt(self.now()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Update,
            AuditEntity::Enrolment,
            id,
            format!("modules {text:?}"),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.enrolment(id).await
    }

    pub async fn enrolment(&self, id: EnrolmentId) -> Result<Enrolment, StoreError> {
        self.fetch_one(
            concat!("SELECT ", columns!(), " FROM enrolments WHERE id = $1"),
            id.to_string(),
            enrolment_from_row,
        )
        .await
    }

    pub async fn enrolments_of(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<Enrolment>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM enrolments WHERE participant_id = $1 ORDER BY created_at, id"
        ))
        .bind(participant.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(enrolment_from_row).collect()
    }

    pub async fn enrolments_in(&self, cohort: CohortId) -> Result<Vec<Enrolment>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM enrolments WHERE cohort_id = $1 ORDER BY created_at, id"
        ))
        .bind(cohort.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(enrolment_from_row).collect()
    }

    /// The enrolments of a cohort with the participants' names, by family and given name:
    /// one query (the cohort page's list of participants).
    pub async fn cohort_members(
        &self,
        cohort: CohortId,
    ) -> Result<Vec<(Enrolment, String)>, StoreError> {
        let rows = sqlx::query(
            "SELECT e.id, e.participant_id, e.cohort_id, e.status, e.stayed_employed, e.modules, e.created_at, \
             p.given_name, p.family_name FROM enrolments e JOIN participants p ON p.id = e.participant_id \
             WHERE e.cohort_id = $1 ORDER BY p.family_name, p.given_name, e.id",
        )
        .bind(cohort.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let name = format!(
                    "{} {}",
                    r.try_get::<String, _>("given_name")?,
                    r.try_get::<String, _>("family_name")?
                );
                Ok((enrolment_from_row(r)?, name))
            })
            .collect()
    }

    /// The history of an enrolment, oldest first.
    pub async fn enrolment_history(
        &self,
        id: EnrolmentId,
    ) -> Result<Vec<EnrolmentStep>, StoreError> {
        Ok(self
            .enrolment_histories(&[id])
            .await?
            .into_iter()
            .map(|(_, step)| step)
            .collect())
    }

    /// The histories of several enrolments in one query: each step with its enrolment, by
    /// enrolment and position.
    pub async fn enrolment_histories(
        &self,
        ids: &[EnrolmentId],
    ) -> Result<Vec<(EnrolmentId, EnrolmentStep)>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT enrolment_id, on_date, event, from_status, to_status, recorded_by \
             FROM enrolment_events WHERE enrolment_id IN ({}) ORDER BY enrolment_id, position",
            crate::participant_list::placeholders(1, ids.len())
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            q = q.bind(id.to_string());
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| {
                let event: String = r.try_get("event")?;
                let id = EnrolmentId::parse(&r.try_get::<String, _>("enrolment_id")?)
                    .map_err(|e| StoreError::corrupt("enrolment_events", e))?;
                Ok((
                    id,
                    EnrolmentStep {
                        on_date: parse_date(
                            "enrolment_events",
                            &r.try_get::<String, _>("on_date")?,
                        )?,
                        event: serde_json::from_str(&event)
                            .map_err(|e| StoreError::corrupt("enrolment_events", e))?,
                        from: status_of(
                            "enrolment_events",
                            &r.try_get::<String, _>("from_status")?,
                        )?,
                        to: status_of("enrolment_events", &r.try_get::<String, _>("to_status")?)?,
                        recorded_by: r.try_get("recorded_by")?,
                    },
                ))
            })
            .collect()
    }

    /// Applies a lifecycle event. Impossible transitions are refused with the rule's code as a
    /// `ParseError { field: "event", code }`; the history is kept. An event that makes the
    /// enrolment active (Activate, Resume) is refused with `contact_person_id` / `missing`
    /// while the participant has no contact person.
    pub async fn apply_enrolment_event(
        &self,
        actor: &Actor,
        id: EnrolmentId,
        on: NaiveDate,
        event: EnrolmentEvent,
    ) -> Result<Enrolment, StoreError> {
        let enrolment = self.enrolment(id).await?;
        let steps = self.enrolment_history(id).await?;
        let mut history = History::replay(steps.iter().map(|s| (s.on_date, s.event.clone())))
            .map_err(|(_, e)| StoreError::corrupt("enrolment_events", format!("{e:?}")))?;
        let from = history.status();
        let to = history.apply(on, event.clone()).map_err(|e| {
            StoreError::Invalid(ParseError::new(
                "event",
                e.code,
                format!("{from:?} cannot change by this event ({})", e.code),
            ))
        })?;
        let stayed = history.stayed_employed();
        let participant = self.participant(enrolment.participant_id).await?;
        // Each active participant has exactly one contact person: no start (Activate) and no
        // return from a pause (Resume) without one.
        if to == EnrolmentStatus::Active && participant.contact_person_id.is_none() {
            return Err(StoreError::Invalid(ParseError::new(
                "contact_person_id",
                "missing",
                "the participant has no contact person; choose one before the participation starts or resumes",
            )));
        }
        let provider: ProviderId = participant.provider_id;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO enrolment_events (id, enrolment_id, position, on_date, event, from_status, to_status, recorded_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(id.to_string())
        .bind(steps.len() as i64)
        .bind(on.to_string())
        .bind(serde_json::to_string(&event).map_err(|e| StoreError::corrupt("enrolment_events", e))?)
        .bind(status_code(from))
        .bind(status_code(to))
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE enrolments SET status = $1, stayed_employed = $2, updated_at = $3 WHERE id = $4")
            .bind(status_code(to))
            .bind(stayed.map(i64::from))
            .bind(time::fmt(self.now()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        let detail = format!("{} -> {}", status_code(from), status_code(to));
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Update,
                AuditEntity::Enrolment,
                id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.enrolment(id).await
    }

    /// GDPR erasure: removes the participant and everything personal about them (consents,
    /// contact log, readiness checks, enrolments and their history) in one transaction, and
    /// keeps one anonymous row of statistics (German level, recognition status, occupational
    /// area, enrolment outcomes).
    pub async fn erase_participant(
        &self,
        actor: &Actor,
        id: ParticipantId,
    ) -> Result<(), StoreError> {
        let p = self.participant(id).await?;
        let outcomes: Vec<serde_json::Value> = self
            .enrolments_of(id)
            .await?
            .iter()
            .map(|e| serde_json::json!({"cohort_id": e.cohort_id.to_string(), "status": e.status, "stayed_employed": e.stayed_employed}))
            .collect();
        let code = |v: serde_json::Value| v.as_str().map(str::to_owned);
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO participant_stats (id, provider_id, erased_on, german_level, recognition_status, kldb_area, outcomes) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(p.provider_id.to_string())
        .bind(self.now().date_naive().to_string())
        .bind(p.data.german_level.map(|l| l.as_str().to_owned()))
        .bind(p.data.recognition_status.and_then(|r| code(serde_json::to_value(r).unwrap_or_default())))
        .bind(p.data.kldb.as_ref().map(|k| k.occupational_area().to_string()))
        .bind(serde_json::Value::Array(outcomes).to_string())
        .execute(&mut *tx)
        .await?;
        // The participant's calendar feeds name them by id only; remove them with the record.
        // (Their account and invitations go by ON DELETE CASCADE.)
        sqlx::query("DELETE FROM feed_tokens WHERE kind = 'participant' AND target_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM participants WHERE id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(p.provider_id),
                AuditAction::Delete,
                AuditEntity::Participant,
                id,
                "erased (GDPR)",
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// How many anonymous statistics rows a provider has (erased participants).
    pub async fn erased_participant_count(&self, provider: ProviderId) -> Result<i64, StoreError> {
        Ok(
            sqlx::query_scalar("SELECT COUNT(*) FROM participant_stats WHERE provider_id = $1")
                .bind(provider.to_string())
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
