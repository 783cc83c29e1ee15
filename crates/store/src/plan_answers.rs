//! A draft cohort shared with the employers of its participants, and their answers
//! (`cohort_employer_answers`, issue 13 point 3): periods that do not work for them, and
//! comments. The rules of an answer are `lernweg_offers::planning`.

use chrono::{DateTime, Utc};
use lernweg_domain::{
    CohortId, CohortStatus, EmployerContactId, EmployerId, ParseError, ParticipantId, PlanAnswerId,
};
use lernweg_offers::planning::{Answer, BlockReason, BlockedPeriod};
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::{Cohort, parse_date};
use crate::{Store, StoreError, time};

/// An employer's answer as kept.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanAnswer {
    pub id: PlanAnswerId,
    pub cohort_id: CohortId,
    pub employer_id: EmployerId,
    pub employer_name: String,
    /// The contact person who answered (`None` once removed).
    pub contact_id: Option<EmployerContactId>,
    pub author_name: String,
    pub period: Option<BlockedPeriod>,
    pub comment: String,
    pub created_at: DateTime<Utc>,
}

/// An employer with employees in a cohort (an active link and an enrolment that is not a
/// drop-out), with their names.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortEmployer {
    pub employer_id: EmployerId,
    pub employer_name: String,
    pub employees: Vec<(ParticipantId, String)>,
}

const ANSWER_COLUMNS: &str = "a.id, a.cohort_id, a.employer_id, e.name AS employer_name, \
     a.contact_id, a.author_name, a.from_date, a.to_date, a.reason, a.comment, a.created_at";

fn answer_from(r: &AnyRow) -> Result<PlanAnswer, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("cohort_employer_answers", e);
    let from: Option<String> = r.try_get("from_date")?;
    let to: Option<String> = r.try_get("to_date")?;
    let reason: Option<String> = r.try_get("reason")?;
    let period = match (from, to, reason) {
        (Some(f), Some(t), Some(reason)) => Some(
            BlockedPeriod::new(
                parse_date("cohort_employer_answers", &f)?,
                parse_date("cohort_employer_answers", &t)?,
                BlockReason::parse(&reason).map_err(bad)?,
            )
            .map_err(bad)?,
        ),
        _ => None,
    };
    Ok(PlanAnswer {
        id: PlanAnswerId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        cohort_id: CohortId::parse(&r.try_get::<String, _>("cohort_id")?).map_err(bad)?,
        employer_id: EmployerId::parse(&r.try_get::<String, _>("employer_id")?).map_err(bad)?,
        employer_name: r.try_get("employer_name")?,
        contact_id: r
            .try_get::<Option<String>, _>("contact_id")?
            .map(|c| EmployerContactId::parse(&c).map_err(bad))
            .transpose()?,
        author_name: r.try_get("author_name")?,
        period,
        comment: r.try_get("comment")?,
        created_at: time::parse(
            "cohort_employer_answers",
            &r.try_get::<String, _>("created_at")?,
        )?,
    })
}

impl Store {
    /// Shares a draft cohort with the employers of its participants (`status`/`not_draft`
    /// once published). Sharing again keeps the first time.
    pub async fn share_cohort(&self, actor: &Actor, id: CohortId) -> Result<Cohort, StoreError> {
        let cohort = self.cohort(id).await?;
        if cohort.status != CohortStatus::Draft {
            return Err(ParseError::new(
                "status",
                "not_draft",
                "only a draft cohort can be shared for planning",
            )
            .into());
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE cohorts SET shared_at = COALESCE(shared_at, $1) WHERE id = $2")
            .bind(time::fmt(self.now()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        let entry = actor.entry(
            Some(cohort.provider_id),
            AuditAction::Update,
            AuditEntity::Cohort,
            id,
            "shared with employers for planning",
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.cohort(id).await
    }

    /// The employers with employees in the cohort, by name: one query.
    pub async fn cohort_employers(&self, id: CohortId) -> Result<Vec<CohortEmployer>, StoreError> {
        let rows = sqlx::query(
            "SELECT e.id AS employer_id, e.name AS employer_name, p.id AS participant_id, \
             p.given_name, p.family_name \
             FROM enrolments en JOIN employments l ON l.participant_id = en.participant_id \
             JOIN employers e ON e.id = l.employer_id JOIN participants p ON p.id = en.participant_id \
             WHERE en.cohort_id = $1 AND en.status <> 'dropped' AND l.ended_on IS NULL \
             ORDER BY e.name, e.id, p.family_name, p.given_name, p.id",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?;
        let bad = |e: ParseError| StoreError::corrupt("employments", e);
        let mut out: Vec<CohortEmployer> = Vec::new();
        for r in &rows {
            let employer_id =
                EmployerId::parse(&r.try_get::<String, _>("employer_id")?).map_err(bad)?;
            let person = (
                ParticipantId::parse(&r.try_get::<String, _>("participant_id")?).map_err(bad)?,
                format!(
                    "{} {}",
                    r.try_get::<String, _>("given_name")?,
                    r.try_get::<String, _>("family_name")?
                ),
            );
            match out.last_mut() {
                Some(last) if last.employer_id == employer_id => {
                    if !last.employees.contains(&person) {
                        last.employees.push(person);
                    }
                }
                _ => out.push(CohortEmployer {
                    employer_id,
                    employer_name: r.try_get("employer_name")?,
                    employees: vec![person],
                }),
            }
        }
        Ok(out)
    }

    /// Keeps an employer's answer to a shared draft (`status`/`not_shared` when the cohort
    /// is not a shared draft).
    pub async fn add_plan_answer(
        &self,
        actor: &Actor,
        cohort: &Cohort,
        employer: EmployerId,
        contact: Option<EmployerContactId>,
        author_name: &str,
        answer: &Answer,
    ) -> Result<PlanAnswer, StoreError> {
        if cohort.status != CohortStatus::Draft || cohort.shared_at.is_none() {
            return Err(ParseError::new(
                "status",
                "not_shared",
                "the cohort is not a draft shared for planning",
            )
            .into());
        }
        let id = PlanAnswerId::from_uuid(Uuid::now_v7());
        let p = answer.period;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO cohort_employer_answers (id, cohort_id, employer_id, contact_id, \
             author_name, from_date, to_date, reason, comment, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(id.to_string())
        .bind(cohort.id.to_string())
        .bind(employer.to_string())
        .bind(contact.map(|c| c.to_string()))
        .bind(author_name.trim())
        .bind(p.map(|p| p.from.to_string()))
        .bind(p.map(|p| p.to.to_string()))
        .bind(p.map(|p| p.reason.code()))
        .bind(&answer.comment)
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        let detail = match p {
            Some(p) => format!("{} {}–{}", p.reason.code(), p.from, p.to),
            None => "comment".to_owned(),
        };
        let entry = actor.entry(
            Some(cohort.provider_id),
            AuditAction::Create,
            AuditEntity::PlanAnswer,
            id,
            detail,
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.plan_answer(id).await
    }

    pub async fn plan_answer(&self, id: PlanAnswerId) -> Result<PlanAnswer, StoreError> {
        let sql = format!(
            "SELECT {ANSWER_COLUMNS} FROM cohort_employer_answers a \
             JOIN employers e ON e.id = a.employer_id WHERE a.id = $1"
        );
        let row = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        answer_from(&row)
    }

    /// The answers to a cohort, oldest first (of one employer when `employer` is given).
    pub async fn plan_answers(
        &self,
        cohort: CohortId,
        employer: Option<EmployerId>,
    ) -> Result<Vec<PlanAnswer>, StoreError> {
        let sql = format!(
            "SELECT {ANSWER_COLUMNS} FROM cohort_employer_answers a \
             JOIN employers e ON e.id = a.employer_id \
             WHERE a.cohort_id = $1 AND ($2 = '' OR a.employer_id = $2) \
             ORDER BY a.created_at, a.id"
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(cohort.to_string())
            .bind(employer.map(|e| e.to_string()).unwrap_or_default())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(answer_from).collect()
    }

    /// Removes an answer (its employer changed its mind, or staff took it into the plan).
    pub async fn delete_plan_answer(
        &self,
        actor: &Actor,
        answer: &PlanAnswer,
        provider: lernweg_domain::ProviderId,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM cohort_employer_answers WHERE id = $1")
            .bind(answer.id.to_string())
            .execute(&mut *tx)
            .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Delete,
            AuditEntity::PlanAnswer,
            answer.id,
            "answer removed",
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }
}
