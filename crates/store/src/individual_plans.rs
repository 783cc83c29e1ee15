//! Individual qualification paths (issue 14): the recognition case of a participant
//! (`recognition_cases`) and the items of their plan (`plan_items`), each kept as its
//! validated document. The rules are `lernweg_participants::{recognition,
//! qualification_plan}`; every change is audited in its transaction.

use chrono::{DateTime, Utc};
use lernweg_domain::{ParseError, ParticipantId, PlanItemId, ProviderId};
use lernweg_participants::qualification_plan::PlanItem;
use lernweg_participants::recognition::RecognitionCase;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::{Store, StoreError, time};

/// A recognition case as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct RecognitionRecord {
    pub participant_id: ParticipantId,
    pub case: RecognitionCase,
    pub updated_at: DateTime<Utc>,
}

/// Hours logged on a plan item.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanItemLog {
    pub on: chrono::NaiveDate,
    pub hours: f64,
    pub note: String,
}

/// A plan item as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanItemRecord {
    pub id: PlanItemId,
    pub participant_id: ParticipantId,
    pub item: PlanItem,
    /// Hours done: as logged, and the confirmed lessons attended.
    pub done_hours: f64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

fn item_from(r: &AnyRow) -> Result<PlanItemRecord, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("plan_items", e);
    Ok(PlanItemRecord {
        id: PlanItemId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        participant_id: ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
            .map_err(bad)?,
        item: serde_json::from_str(&r.try_get::<String, _>("document")?)
            .map_err(|e| StoreError::corrupt("plan_items", format!("document: {e}")))?,
        done_hours: r.try_get::<Option<f64>, _>("done_hours")?.unwrap_or(0.0)
            + r.try_get::<Option<f64>, _>("attended_hours")?
                .unwrap_or(0.0),
        created_at: time::parse("plan_items", &r.try_get::<String, _>("created_at")?)?,
        updated_at: time::parse("plan_items", &r.try_get::<String, _>("updated_at")?)?,
    })
}

fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).expect("documents serialise")
}

impl Store {
    /// The participant's recognition case, if one was recorded.
    pub async fn recognition(
        &self,
        participant: ParticipantId,
    ) -> Result<Option<RecognitionRecord>, StoreError> {
        let row = sqlx::query(
            "SELECT document, updated_at FROM recognition_cases WHERE participant_id = $1",
        )
        .bind(participant.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|r| {
            Ok(RecognitionRecord {
                participant_id: participant,
                case: serde_json::from_str(&r.try_get::<String, _>("document")?).map_err(|e| {
                    StoreError::corrupt("recognition_cases", format!("document: {e}"))
                })?,
                updated_at: time::parse(
                    "recognition_cases",
                    &r.try_get::<String, _>("updated_at")?,
                )?,
            })
        })
        .transpose()
    }

    /// Records (or replaces) the participant's recognition case.
    pub async fn put_recognition(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        provider: ProviderId,
        case: &RecognitionCase,
    ) -> Result<RecognitionRecord, StoreError> {
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM recognition_cases WHERE participant_id = $1")
            .bind(participant.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO recognition_cases (participant_id, document, outcome, deadline, updated_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(participant.to_string())
        .bind(json(case))
        .bind(case.outcome.code())
        .bind(case.deadline.map(|d| d.to_string()))
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Update,
            AuditEntity::RecognitionCase,
            participant,
            format!(
                "{} ({} differences)",
                case.outcome.code(),
                case.differences.len()
            ),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.recognition(participant)
            .await?
            .ok_or(StoreError::NotFound)
    }

    /// The items of a participant's plan, oldest first.
    pub async fn plan_items(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<PlanItemRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, participant_id, document, created_at, updated_at, \
             (SELECT SUM(l.hours) FROM plan_item_logs l WHERE l.item_id = plan_items.id) AS done_hours, \
             (SELECT SUM(s.hours) FROM plan_sessions s WHERE s.item_id = plan_items.id \
              AND s.status = 'confirmed' AND s.attendance = 'present') AS attended_hours \
             FROM plan_items WHERE participant_id = $1 ORDER BY created_at, id",
        )
        .bind(participant.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(item_from).collect()
    }

    pub async fn plan_item(&self, id: PlanItemId) -> Result<PlanItemRecord, StoreError> {
        let row = sqlx::query(
            "SELECT id, participant_id, document, created_at, updated_at, \
             (SELECT SUM(l.hours) FROM plan_item_logs l WHERE l.item_id = plan_items.id) AS done_hours, \
             (SELECT SUM(s.hours) FROM plan_sessions s WHERE s.item_id = plan_items.id \
              AND s.status = 'confirmed' AND s.attendance = 'present') AS attended_hours \
             FROM plan_items WHERE id = $1",
        )
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        item_from(&row)
    }

    /// Adds an item (checked by the caller against the recognition case).
    pub async fn add_plan_item(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        provider: ProviderId,
        item: &PlanItem,
    ) -> Result<PlanItemRecord, StoreError> {
        let id = PlanItemId::from_uuid(Uuid::now_v7());
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO plan_items (id, participant_id, kind, document, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $5)",
        )
        .bind(id.to_string())
        .bind(participant.to_string())
        .bind(item.details.kind())
        .bind(json(item))
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Create,
            AuditEntity::PlanItem,
            id,
            item.details.kind(),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.plan_item(id).await
    }

    /// Replaces an item's document.
    pub async fn update_plan_item(
        &self,
        actor: &Actor,
        id: PlanItemId,
        provider: ProviderId,
        item: &PlanItem,
    ) -> Result<PlanItemRecord, StoreError> {
        let mut tx = self.pool.begin().await?;
        let n = sqlx::query(
            "UPDATE plan_items SET kind = $1, document = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(item.details.kind())
        .bind(json(item))
        .bind(time::fmt(self.now()))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        let entry = actor.entry(
            Some(provider),
            AuditAction::Update,
            AuditEntity::PlanItem,
            id,
            item.details.kind(),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.plan_item(id).await
    }

    pub async fn delete_plan_item(
        &self,
        actor: &Actor,
        id: PlanItemId,
        provider: ProviderId,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let n = sqlx::query("DELETE FROM plan_items WHERE id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        let entry = actor.entry(
            Some(provider),
            AuditAction::Delete,
            AuditEntity::PlanItem,
            id,
            "removed",
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Logs hours done on an item.
    pub async fn log_plan_item(
        &self,
        actor: &Actor,
        id: PlanItemId,
        provider: ProviderId,
        log: &PlanItemLog,
    ) -> Result<PlanItemRecord, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO plan_item_logs (id, item_id, on_date, hours, note, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(id.to_string())
        .bind(log.on.to_string())
        .bind(log.hours)
        .bind(log.note.trim())
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Update,
            AuditEntity::PlanItem,
            id,
            format!("{} hours done on {}", log.hours, log.on),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.plan_item(id).await
    }

    /// The hours logged on an item, by date.
    pub async fn plan_item_logs(&self, id: PlanItemId) -> Result<Vec<PlanItemLog>, StoreError> {
        let rows = sqlx::query(
            "SELECT on_date, hours, note FROM plan_item_logs WHERE item_id = $1 ORDER BY on_date, id",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(PlanItemLog {
                    on: crate::cohorts::parse_date(
                        "plan_item_logs",
                        &r.try_get::<String, _>("on_date")?,
                    )?,
                    hours: r.try_get("hours")?,
                    note: r.try_get("note")?,
                })
            })
            .collect()
    }
}
