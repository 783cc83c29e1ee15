//! Cohorts (runs of an offer), their trainers and their lifecycle. Their dated sessions are
//! in `timetable.rs`.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{CohortId, CohortStatus, OfferId, ParseError, ProviderId, State, UserId};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::timetable::{NewSession, insert_session};
use crate::{Store, StoreError, time};

#[derive(Debug, Clone, Serialize)]
pub struct Cohort {
    pub id: CohortId,
    pub offer_id: OfferId,
    pub provider_id: ProviderId,
    pub name: String,
    pub state: State,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub status: CohortStatus,
    pub room: String,
    pub online_link: String,
    pub published_at: Option<DateTime<Utc>>,
    pub trainers: Vec<UserId>,
    pub created_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NewCohort {
    pub offer_id: OfferId,
    pub name: String,
    pub state: State,
    pub start_date: NaiveDate,
    pub room: String,
    pub online_link: String,
    pub trainers: Vec<UserId>,
}

pub(crate) fn parse_date(table: &'static str, s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| StoreError::corrupt(table, format!("date {s:?}: {e}")))
}

macro_rules! cohort_columns {
    () => {
        "id, offer_id, provider_id, name, state, start_date, end_date, status, room, online_link, published_at, created_at"
    };
}

pub(crate) fn cohort_from_row(r: &AnyRow, trainers: Vec<UserId>) -> Result<Cohort, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("cohorts", e);
    Ok(Cohort {
        id: CohortId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        offer_id: OfferId::parse(&r.try_get::<String, _>("offer_id")?).map_err(bad)?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?).map_err(bad)?,
        name: r.try_get("name")?,
        state: State::parse(&r.try_get::<String, _>("state")?).map_err(bad)?,
        start_date: parse_date("cohorts", &r.try_get::<String, _>("start_date")?)?,
        end_date: r
            .try_get::<Option<String>, _>("end_date")?
            .map(|d| parse_date("cohorts", &d))
            .transpose()?,
        status: CohortStatus::parse(&r.try_get::<String, _>("status")?).map_err(bad)?,
        room: r.try_get("room")?,
        online_link: r.try_get("online_link")?,
        published_at: time::parse_opt("cohorts", r.try_get("published_at")?)?,
        trainers,
        created_at: time::parse("cohorts", &r.try_get::<String, _>("created_at")?)?,
    })
}

impl Store {
    /// Creates a cohort with its generated timetable in one transaction.
    pub async fn create_cohort(
        &self,
        actor: &Actor,
        new: NewCohort,
        sessions: &[NewSession],
    ) -> Result<Cohort, StoreError> {
        let offer = self.offer(new.offer_id).await?;
        let name = new.name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            return Err(ParseError::new(
                "name",
                if name.is_empty() {
                    "required"
                } else {
                    "too_long"
                },
                "cohort name must have 1 to 120 characters",
            )
            .into());
        }
        for t in &new.trainers {
            let u = self.user(*t).await?;
            if u.provider_id != Some(offer.provider_id) {
                return Err(ParseError::new(
                    "trainers",
                    "other_provider",
                    "trainers must belong to the offer's provider",
                )
                .into());
            }
        }
        let id = CohortId::from_uuid(Uuid::now_v7());
        let now = time::fmt(self.now());
        let end = sessions.iter().map(|s| s.date).max();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO cohorts (id, offer_id, provider_id, name, state, start_date, end_date, status, room, online_link, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9, $10, $10)",
        )
        .bind(id.to_string())
        .bind(new.offer_id.to_string())
        .bind(offer.provider_id.to_string())
        .bind(name)
        .bind(new.state.code())
        .bind(new.start_date.to_string())
        .bind(end.map(|d| d.to_string()))
        .bind(new.room.trim())
        .bind(new.online_link.trim())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        for t in &new.trainers {
            sqlx::query("INSERT INTO cohort_trainers (cohort_id, user_id) VALUES ($1, $2)")
                .bind(id.to_string())
                .bind(t.to_string())
                .execute(&mut *tx)
                .await?;
        }
        for s in sessions {
            insert_session(self.now(), &mut *tx, id, s).await?;
        }
        let detail = format!("{name} ({} sessions)", sessions.len());
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(offer.provider_id),
                AuditAction::Create,
                AuditEntity::Cohort,
                id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.cohort(id).await
    }

    pub async fn cohort(&self, id: CohortId) -> Result<Cohort, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            cohort_columns!(),
            " FROM cohorts WHERE id = $1"
        ))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let trainers = self.cohort_trainers(id).await?;
        cohort_from_row(&row, trainers)
    }

    async fn cohort_trainers(&self, id: CohortId) -> Result<Vec<UserId>, StoreError> {
        let ids: Vec<String> = sqlx::query_scalar(
            "SELECT user_id FROM cohort_trainers WHERE cohort_id = $1 ORDER BY user_id",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?;
        ids.iter()
            .map(|s| UserId::parse(s).map_err(|e| StoreError::corrupt("cohort_trainers", e)))
            .collect()
    }

    /// Cohorts of a provider (or all), optionally of one offer, by start date.
    pub async fn cohorts(
        &self,
        scope: Option<ProviderId>,
        offer: Option<OfferId>,
    ) -> Result<Vec<Cohort>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            cohort_columns!(),
            " FROM cohorts WHERE ($1 = '' OR provider_id = $1) AND ($2 = '' OR offer_id = $2) ORDER BY start_date, id"
        ))
        .bind(scope.map(|p| p.to_string()).unwrap_or_default())
        .bind(offer.map(|o| o.to_string()).unwrap_or_default())
        .fetch_all(&self.pool)
        .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id = CohortId::parse(&r.try_get::<String, _>("id")?)
                .map_err(|e| StoreError::corrupt("cohorts", e))?;
            out.push(cohort_from_row(r, self.cohort_trainers(id).await?)?);
        }
        Ok(out)
    }

    /// Cohorts a trainer teaches.
    pub async fn cohorts_of_trainer(&self, trainer: UserId) -> Result<Vec<Cohort>, StoreError> {
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT cohort_id FROM cohort_trainers WHERE user_id = $1")
                .bind(trainer.to_string())
                .fetch_all(&self.pool)
                .await?;
        let mut out = Vec::new();
        for id in ids {
            out.push(
                self.cohort(
                    CohortId::parse(&id).map_err(|e| StoreError::corrupt("cohort_trainers", e))?,
                )
                .await?,
            );
        }
        out.sort_by_key(|c| c.start_date);
        Ok(out)
    }

    /// Moves a cohort one step along draft → published → running → finished.
    pub async fn set_cohort_status(
        &self,
        actor: &Actor,
        id: CohortId,
        to: CohortStatus,
    ) -> Result<Cohort, StoreError> {
        let current = self.cohort(id).await?;
        if !current.status.can_become(to) {
            return Err(ParseError::new(
                "status",
                "invalid_transition",
                format!("a {} cohort cannot become {}", current.status, to),
            )
            .into());
        }
        let mut tx = self.pool.begin().await?;
        let now = time::fmt(self.now());
        let published_at = if to == CohortStatus::Published {
            Some(now.clone())
        } else {
            current.published_at.map(time::fmt)
        };
        sqlx::query(
            "UPDATE cohorts SET status = $1, published_at = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(to.as_str())
        .bind(published_at)
        .bind(&now)
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        let detail = format!("{} -> {}", current.status, to);
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(current.provider_id),
                AuditAction::Update,
                AuditEntity::Cohort,
                id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.cohort(id).await
    }
}
