//! Release agreements (issue 13, point 6): `release_agreements` with their dates
//! (`release_dates`, the answer per date) and the history of answers (`release_events`). The
//! rules — which dates, what state an answer gives — are `lernweg_participants::release`;
//! this module keeps what was decided, an answer with its history entry in one transaction.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{
    CohortId, Cursor, EmployerId, EnrolmentId, Limit, ParticipantId, ProviderId,
    ReleaseAgreementId, Slice,
};
use lernweg_participants::ReleaseState;
use lernweg_planner::ClockTime;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::paging::ListSql;
use crate::{Store, StoreError, time};

/// One date of an agreement as kept.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseDateRecord {
    /// The session it was made for (`None` once the session was deleted).
    pub session_id: Option<String>,
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub hours: f64,
    /// `None` while not answered.
    pub agreed: Option<bool>,
}

/// One answer in the history (the request included).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseEvent {
    pub at: DateTime<Utc>,
    pub actor_label: String,
    pub state: ReleaseState,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ReleaseAgreement {
    pub id: ReleaseAgreementId,
    pub provider_id: ProviderId,
    pub participant_id: ParticipantId,
    pub given_name: String,
    pub family_name: String,
    pub enrolment_id: EnrolmentId,
    pub cohort_id: CohortId,
    pub cohort_name: String,
    pub employer_id: Option<EmployerId>,
    pub employer_name: String,
    pub state: ReleaseState,
    pub dates: Vec<ReleaseDateRecord>,
    /// Oldest first.
    pub history: Vec<ReleaseEvent>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

impl ReleaseAgreement {
    pub fn total_hours(&self) -> f64 {
        self.dates.iter().map(|d| d.hours).sum()
    }
}

/// What a new agreement is made of (the dates from the fit check).
#[derive(Debug, Clone)]
pub struct NewReleaseAgreement {
    pub provider_id: ProviderId,
    pub participant_id: ParticipantId,
    pub enrolment_id: EnrolmentId,
    pub cohort_id: CohortId,
    pub employer_id: Option<EmployerId>,
    pub employer_name: String,
    pub dates: Vec<ReleaseDateRecord>,
}

/// What the list of agreements is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ReleaseFilter {
    pub scope: Option<ProviderId>,
    pub participant: Option<ParticipantId>,
    pub cohort: Option<CohortId>,
    pub employer: Option<EmployerId>,
    pub state: Option<ReleaseState>,
}

macro_rules! release_columns {
    () => {
        "r.id, r.provider_id, r.participant_id, p.given_name, p.family_name, r.enrolment_id, \
         r.cohort_id, c.name AS cohort_name, r.employer_id, r.employer_name, r.state, \
         r.created_at, r.updated_at"
    };
}

const FROM: &str = "release_agreements r JOIN participants p ON p.id = r.participant_id \
                    JOIN cohorts c ON c.id = r.cohort_id";

impl ReleaseFilter {
    fn list(&self) -> ListSql {
        ListSql::new(release_columns!(), FROM)
            .scope("r.provider_id", self.scope)
            .filter(
                "r.participant_id = {}",
                self.participant.map(|p| p.to_string()),
            )
            .filter("r.cohort_id = {}", self.cohort.map(|c| c.to_string()))
            .filter("r.employer_id = {}", self.employer.map(|e| e.to_string()))
            .filter("r.state = {}", self.state.map(|s| s.code()))
    }
}

fn parse_state(code: &str) -> Result<ReleaseState, StoreError> {
    ReleaseState::parse(code)
        .ok_or_else(|| StoreError::corrupt("release_agreements", format!("state {code:?}")))
}

fn clock(table: &'static str, raw: &str) -> Result<ClockTime, StoreError> {
    ClockTime::parse(raw).map_err(|e| StoreError::corrupt(table, e))
}

fn from_row(r: &AnyRow) -> Result<ReleaseAgreement, StoreError> {
    let bad = |e: lernweg_domain::ParseError| StoreError::corrupt("release_agreements", e);
    let text = |c: &str| r.try_get::<String, _>(c);
    Ok(ReleaseAgreement {
        id: ReleaseAgreementId::parse(&text("id")?).map_err(bad)?,
        provider_id: ProviderId::parse(&text("provider_id")?).map_err(bad)?,
        participant_id: ParticipantId::parse(&text("participant_id")?).map_err(bad)?,
        given_name: text("given_name")?,
        family_name: text("family_name")?,
        enrolment_id: EnrolmentId::parse(&text("enrolment_id")?).map_err(bad)?,
        cohort_id: CohortId::parse(&text("cohort_id")?).map_err(bad)?,
        cohort_name: text("cohort_name")?,
        employer_id: r
            .try_get::<Option<String>, _>("employer_id")?
            .map(|e| EmployerId::parse(&e).map_err(bad))
            .transpose()?,
        employer_name: text("employer_name")?,
        state: parse_state(&text("state")?)?,
        dates: Vec::new(),
        history: Vec::new(),
        created_at: time::parse("release_agreements", &text("created_at")?)?,
        updated_at: time::parse("release_agreements", &text("updated_at")?)?,
    })
}

/// `$1, $2, …` for `n` values.
fn placeholders(n: usize) -> String {
    (1..=n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// A new agreement in state `requested`, with its dates and the first history entry.
    pub async fn create_release_agreement(
        &self,
        actor: &Actor,
        actor_label: &str,
        new: NewReleaseAgreement,
    ) -> Result<ReleaseAgreement, StoreError> {
        let id = ReleaseAgreementId::from_uuid(Uuid::now_v7());
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO release_agreements (id, provider_id, participant_id, enrolment_id, cohort_id, employer_id, employer_name, state, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'requested', $8, $8)",
        )
        .bind(id.to_string())
        .bind(new.provider_id.to_string())
        .bind(new.participant_id.to_string())
        .bind(new.enrolment_id.to_string())
        .bind(new.cohort_id.to_string())
        .bind(new.employer_id.map(|e| e.to_string()))
        .bind(new.employer_name.clone())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        for (i, d) in new.dates.iter().enumerate() {
            sqlx::query(
                "INSERT INTO release_dates (agreement_id, position, session_id, date, start_time, end_time, hours, agreed) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, NULL)",
            )
            .bind(id.to_string())
            .bind(i as i64)
            .bind(d.session_id.clone())
            .bind(d.date.to_string())
            .bind(d.start.to_string())
            .bind(d.end.to_string())
            .bind(d.hours)
            .execute(&mut *tx)
            .await?;
        }
        insert_event(
            &mut tx,
            id,
            &now,
            actor,
            actor_label,
            ReleaseState::Requested,
            "",
        )
        .await?;
        let entry = actor.entry(
            Some(new.provider_id),
            AuditAction::Create,
            AuditEntity::ReleaseAgreement,
            id,
            format!(
                "participant {}, cohort {}, {} dates",
                new.participant_id,
                new.cohort_id,
                new.dates.len()
            ),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.release_agreement(id).await
    }

    /// One agreement with its dates and history.
    pub async fn release_agreement(
        &self,
        id: ReleaseAgreementId,
    ) -> Result<ReleaseAgreement, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {} FROM {FROM} WHERE r.id = $1",
            release_columns!()
        )))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        let mut one = vec![from_row(&row)?];
        self.fill_release_details(&mut one).await?;
        Ok(one.remove(0))
    }

    /// Agreements after `cursor`, newest first, each with its dates and history: three
    /// queries whatever the number.
    pub async fn release_agreements_after(
        &self,
        filter: &ReleaseFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<ReleaseAgreement>, StoreError> {
        let mut slice = filter
            .list()
            .after(self, None, "r.id", true, cursor, limit, from_row, |a| {
                Cursor::new(String::new(), a.id.to_string())
            })
            .await?;
        self.fill_release_details(&mut slice.items).await?;
        Ok(slice)
    }

    /// Loads the dates and the history of `items` (two queries).
    async fn fill_release_details(&self, items: &mut [ReleaseAgreement]) -> Result<(), StoreError> {
        if items.is_empty() {
            return Ok(());
        }
        let ids: Vec<String> = items.iter().map(|a| a.id.to_string()).collect();
        let marks = placeholders(ids.len());
        let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT agreement_id, session_id, date, start_time, end_time, hours, agreed FROM release_dates \
             WHERE agreement_id IN ({marks}) ORDER BY agreement_id, position"
        )));
        for id in &ids {
            q = q.bind(id.clone());
        }
        for r in q.fetch_all(&self.pool).await? {
            let owner: String = r.try_get("agreement_id")?;
            let date: String = r.try_get("date")?;
            let d = ReleaseDateRecord {
                session_id: r.try_get("session_id")?,
                date: date
                    .parse()
                    .map_err(|e| StoreError::corrupt("release_dates", e))?,
                start: clock("release_dates", &r.try_get::<String, _>("start_time")?)?,
                end: clock("release_dates", &r.try_get::<String, _>("end_time")?)?,
                hours: r.try_get("hours")?,
                agreed: r.try_get::<Option<i64>, _>("agreed")?.map(|v| v != 0),
            };
            if let Some(a) = items.iter_mut().find(|a| a.id.to_string() == owner) {
                a.dates.push(d);
            }
        }
        let mut q = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT agreement_id, at, actor_label, state, note FROM release_events \
             WHERE agreement_id IN ({marks}) ORDER BY agreement_id, at, id"
        )));
        for id in &ids {
            q = q.bind(id.clone());
        }
        for r in q.fetch_all(&self.pool).await? {
            let owner: String = r.try_get("agreement_id")?;
            let e = ReleaseEvent {
                at: time::parse("release_events", &r.try_get::<String, _>("at")?)?,
                actor_label: r.try_get("actor_label")?,
                state: parse_state(&r.try_get::<String, _>("state")?)?,
                note: r.try_get("note")?,
            };
            if let Some(a) = items.iter_mut().find(|a| a.id.to_string() == owner) {
                a.history.push(e);
            }
        }
        Ok(())
    }

    /// Records an answer: the answer per date (in the agreement's order), the state it gives,
    /// and a history entry, in one transaction.
    pub async fn answer_release_agreement(
        &self,
        actor: &Actor,
        actor_label: &str,
        agreement: &ReleaseAgreement,
        per_date: &[Option<bool>],
        state: ReleaseState,
        note: &str,
    ) -> Result<ReleaseAgreement, StoreError> {
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        for (i, agreed) in per_date.iter().enumerate() {
            sqlx::query(
                "UPDATE release_dates SET agreed = $1 WHERE agreement_id = $2 AND position = $3",
            )
            .bind(agreed.map(i64::from))
            .bind(agreement.id.to_string())
            .bind(i as i64)
            .execute(&mut *tx)
            .await?;
        }
        sqlx::query("UPDATE release_agreements SET state = $1, updated_at = $2 WHERE id = $3")
            .bind(state.code())
            .bind(&now)
            .bind(agreement.id.to_string())
            .execute(&mut *tx)
            .await?;
        insert_event(&mut tx, agreement.id, &now, actor, actor_label, state, note).await?;
        let entry = actor.entry(
            Some(agreement.provider_id),
            AuditAction::Update,
            AuditEntity::ReleaseAgreement,
            agreement.id,
            format!("{} by {actor_label}", state.code()),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.release_agreement(agreement.id).await
    }
}

async fn insert_event(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    id: ReleaseAgreementId,
    now: &str,
    actor: &Actor,
    actor_label: &str,
    state: ReleaseState,
    note: &str,
) -> Result<(), StoreError> {
    sqlx::query(
        "INSERT INTO release_events (id, agreement_id, at, actor_id, actor_label, state, note) VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(id.to_string())
    .bind(now)
    .bind(actor.user_id.map(|u| u.to_string()))
    .bind(actor_label)
    .bind(state.code())
    .bind(note)
    .execute(&mut **tx)
    .await?;
    Ok(())
}
