//! Documented language competence (issue 16): assessments over time, the participant's answers
//! to can-do statements, and the record's German level kept in step with the assessments.
//! The rules are `lernweg_participants::{language_assessment, self_check}`; certificates and
//! signing keys are in `certificates.rs`.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{LanguageAssessmentId, ParseError, ParticipantId, UserId};
use lernweg_participants::ParticipantData;
use lernweg_participants::language_assessment::{
    AssessedLevel, Assessment, Skill, Source, current_levels, german_level,
};
use lernweg_participants::self_check::{SelfAnswer, Statement};
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::participant_list::refresh_search_text;
use crate::{ParticipantRecord, Store, StoreError, time};

/// An assessment as stored.
#[derive(Debug, Clone)]
pub struct AssessmentRecord {
    pub id: LanguageAssessmentId,
    pub participant_id: ParticipantId,
    pub assessment: Assessment,
    pub recorded_by: Option<UserId>,
    pub created_at: DateTime<Utc>,
}

/// A participant's answer to one can-do statement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelfCheck {
    pub statement: Statement,
    pub answer: SelfAnswer,
    pub answered_on: NaiveDate,
}

const T: &str = "language_assessments";

fn assessment_from_row(r: &AnyRow) -> Result<AssessmentRecord, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt(T, e);
    let text = |c: &str| -> Result<String, StoreError> { Ok(r.try_get::<String, _>(c)?) };
    let code = |c: &str, ok: bool| -> Result<(), StoreError> {
        if ok {
            Ok(())
        } else {
            Err(StoreError::corrupt(T, format!("{c} {:?}", text(c))))
        }
    };
    let skill = Skill::parse(&text("skill")?);
    code("skill", skill.is_some())?;
    let level = AssessedLevel::parse(&text("level")?);
    code("level", level.is_some())?;
    let source = Source::parse(&text("source")?);
    code("source", source.is_some())?;
    let (Some(skill), Some(level), Some(source)) = (skill, level, source) else {
        unreachable!("checked above")
    };
    Ok(AssessmentRecord {
        id: LanguageAssessmentId::parse(&text("id")?).map_err(bad)?,
        participant_id: ParticipantId::parse(&text("participant_id")?).map_err(bad)?,
        assessment: Assessment {
            skill,
            level,
            source,
            assessed_on: parse_date(T, &text("assessed_on")?)?,
            issuer: text("issuer")?,
            exam: text("exam")?,
            certificate_number: text("certificate_number")?,
            note: text("note")?,
        },
        recorded_by: r
            .try_get::<Option<String>, _>("recorded_by")?
            .map(|s| UserId::parse(&s))
            .transpose()
            .map_err(bad)?,
        created_at: time::parse(T, &text("created_at")?)?,
    })
}

const SELECT: &str = "SELECT id, participant_id, skill, level, source, assessed_on, issuer, exam, \
     certificate_number, note, recorded_by, created_at FROM language_assessments \
     WHERE participant_id = $1 ORDER BY assessed_on, created_at, id";

impl Store {
    /// The assessments of a participant, oldest first (same day: in the order recorded).
    pub async fn language_assessments(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<AssessmentRecord>, StoreError> {
        let rows = sqlx::query(SELECT)
            .bind(participant.to_string())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(assessment_from_row).collect()
    }

    /// Records assessments of `p` in one transaction and sets the record's German level to
    /// what the assessments now give (left as it is while no CEFR skill is assessed).
    pub async fn add_language_assessments(
        &self,
        actor: &Actor,
        p: &ParticipantRecord,
        items: &[Assessment],
    ) -> Result<Vec<LanguageAssessmentId>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let ids = self.insert_assessments(&mut tx, actor, p, items).await?;
        let detail = items
            .iter()
            .map(|a| format!("{} {} ({})", a.skill.code(), a.level, a.source.code()))
            .collect::<Vec<_>>()
            .join(", ");
        let entry = actor.entry(
            Some(p.provider_id),
            AuditAction::Create,
            AuditEntity::LanguageAssessment,
            p.id,
            detail,
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(ids)
    }

    async fn insert_assessments(
        &self,
        conn: &mut sqlx::AnyConnection,
        actor: &Actor,
        p: &ParticipantRecord,
        items: &[Assessment],
    ) -> Result<Vec<LanguageAssessmentId>, StoreError> {
        let now = time::fmt(self.now());
        let mut ids = Vec::with_capacity(items.len());
        for a in items {
            let id = LanguageAssessmentId::from_uuid(Uuid::now_v7());
            sqlx::query(
                "INSERT INTO language_assessments (id, participant_id, provider_id, skill, level, \
                 source, assessed_on, issuer, exam, certificate_number, note, recorded_by, \
                 created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            )
            .bind(id.to_string())
            .bind(p.id.to_string())
            .bind(p.provider_id.to_string())
            .bind(a.skill.code())
            .bind(a.level.to_string())
            .bind(a.source.code())
            .bind(a.assessed_on.to_string())
            .bind(&a.issuer)
            .bind(&a.exam)
            .bind(&a.certificate_number)
            .bind(&a.note)
            .bind(actor.user_id.map(|u| u.to_string()))
            .bind(&now)
            .execute(&mut *conn)
            .await?;
            ids.push(id);
        }
        let rows = sqlx::query(SELECT)
            .bind(p.id.to_string())
            .fetch_all(&mut *conn)
            .await?;
        let all: Vec<Assessment> = rows
            .iter()
            .map(|r| assessment_from_row(r).map(|a| a.assessment))
            .collect::<Result<_, _>>()?;
        let level = german_level(&current_levels(&all));
        let document: String =
            sqlx::query_scalar("SELECT document FROM participants WHERE id = $1")
                .bind(p.id.to_string())
                .fetch_one(&mut *conn)
                .await?;
        let mut data: ParticipantData =
            serde_json::from_str(&document).map_err(|e| StoreError::corrupt("participants", e))?;
        if level.is_some() && data.german_level != level {
            data.german_level = level;
            let document =
                serde_json::to_string(&data).map_err(|e| StoreError::corrupt("participants", e))?;
            sqlx::query("UPDATE participants SET document = $1, updated_at = $2 WHERE id = $3")
                .bind(document)
                .bind(&now)
                .bind(p.id.to_string())
                .execute(&mut *conn)
                .await?;
            refresh_search_text(conn, p.id).await?;
        }
        Ok(ids)
    }

    /// The participant's latest answer to each statement, in statement order.
    pub async fn language_self_checks(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<SelfCheck>, StoreError> {
        const S: &str = "language_self_checks";
        let rows = sqlx::query(
            "SELECT statement, answer, answered_on FROM language_self_checks \
             WHERE participant_id = $1",
        )
        .bind(participant.to_string())
        .fetch_all(&self.pool)
        .await?;
        let mut out = rows
            .iter()
            .map(|r| {
                let statement: String = r.try_get("statement")?;
                let answer: String = r.try_get("answer")?;
                Ok(SelfCheck {
                    statement: Statement::parse(&statement).ok_or_else(|| {
                        StoreError::corrupt(S, format!("statement {statement:?}"))
                    })?,
                    answer: SelfAnswer::parse(&answer)
                        .ok_or_else(|| StoreError::corrupt(S, format!("answer {answer:?}")))?,
                    answered_on: parse_date(S, &r.try_get::<String, _>("answered_on")?)?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        out.sort_by_key(|c| c.statement);
        Ok(out)
    }

    /// Saves the participant's answers of `on` (each replaces the earlier answer to its
    /// statement) with the self-assessments they stand for (`own`), in one transaction.
    pub async fn save_language_self_checks(
        &self,
        actor: &Actor,
        p: &ParticipantRecord,
        answers: &[(Statement, SelfAnswer)],
        on: NaiveDate,
        own: &[Assessment],
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        for (statement, answer) in answers {
            sqlx::query(
                "DELETE FROM language_self_checks WHERE participant_id = $1 AND statement = $2",
            )
            .bind(p.id.to_string())
            .bind(statement.code())
            .execute(&mut *tx)
            .await?;
            sqlx::query(
                "INSERT INTO language_self_checks (participant_id, statement, answer, answered_on) \
                 VALUES ($1, $2, $3, $4)",
            )
            .bind(p.id.to_string())
            .bind(statement.code())
            .bind(answer.code())
            .bind(on.to_string())
            .execute(&mut *tx)
            .await?;
        }
        self.insert_assessments(&mut tx, actor, p, own).await?;
        let entry = actor.entry(
            Some(p.provider_id),
            AuditAction::Update,
            AuditEntity::LanguageSelfCheck,
            p.id,
            format!("{} answers", answers.len()),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }
}

impl Store {
    /// Whether `user` teaches a cohort `participant` is enrolled in (a trainer's reach).
    pub async fn teaches_participant(
        &self,
        user: UserId,
        participant: ParticipantId,
    ) -> Result<bool, StoreError> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM enrolments e JOIN cohort_trainers t \
             ON t.cohort_id = e.cohort_id WHERE e.participant_id = $1 AND t.user_id = $2",
        )
        .bind(participant.to_string())
        .bind(user.to_string())
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }
}
