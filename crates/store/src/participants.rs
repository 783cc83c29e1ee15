//! Participants: their record, contact person, consents, contact log and readiness checks.
//! Erasure removes every personal row and keeps only anonymous outcomes.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{CohortId, ParseError, ParticipantId, ProviderId, UserId};
use lernweg_participants::{ConsentScope, ContactChannel, ParticipantData, ReadinessAnswers};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::paging::ListSql;
use crate::participant_list::{refresh_search_text, search_text};
use crate::{Store, StoreError, time};

#[derive(Debug, Clone, Serialize)]
pub struct ParticipantRecord {
    pub id: ParticipantId,
    pub provider_id: ProviderId,
    /// The one fixed staff member for this participant.
    pub contact_person_id: Option<UserId>,
    pub data: ParticipantData,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ConsentRecord {
    pub id: String,
    pub scope: ConsentScope,
    pub given_on: NaiveDate,
    pub withdrawn_on: Option<NaiveDate>,
    pub recorded_by: Option<String>,
}

/// One entry of the contact log.
#[derive(Debug, Clone, Serialize)]
pub struct ContactEntry {
    pub id: String,
    pub on_date: NaiveDate,
    pub channel: ContactChannel,
    pub topic: String,
    /// Readable only by counsellors and coordinators of the provider (checked by the web layer).
    pub note: String,
    pub staff_id: Option<String>,
}

#[derive(Debug, Clone)]
pub struct NewContact {
    pub on_date: NaiveDate,
    pub channel: ContactChannel,
    pub topic: String,
    pub note: String,
}

/// A stored readiness check: the answers and the result as evaluated on that day, with the
/// offer's weekly hours it was evaluated against.
#[derive(Debug, Clone, Serialize)]
pub struct ReadinessRecord {
    pub id: String,
    pub checked_on: NaiveDate,
    pub counsellor_id: Option<String>,
    pub answers: ReadinessAnswers,
    pub result: serde_json::Value,
    /// The offer's weekly hours used for the time dimension (`None`: evaluated without).
    pub offer_hours: Option<f64>,
    /// The cohort whose timetable the hours belong to, if any.
    pub cohort_id: Option<CohortId>,
}

/// What a readiness check was evaluated against: the offer's weekly hours and the cohort
/// they belong to. The default is neither.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct CheckedAgainst {
    pub offer_hours: Option<f64>,
    pub cohort_id: Option<CohortId>,
}

macro_rules! columns {
    () => {
        "id, provider_id, contact_person_id, document, created_at, updated_at"
    };
}

pub(crate) fn from_row(r: &AnyRow) -> Result<ParticipantRecord, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("participants", e);
    let document: String = r.try_get("document")?;
    Ok(ParticipantRecord {
        id: ParticipantId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?).map_err(bad)?,
        contact_person_id: r
            .try_get::<Option<String>, _>("contact_person_id")?
            .map(|s| UserId::parse(&s))
            .transpose()
            .map_err(bad)?,
        data: serde_json::from_str(&document)
            .map_err(|e| StoreError::corrupt("participants", e))?,
        created_at: time::parse("participants", &r.try_get::<String, _>("created_at")?)?,
        updated_at: time::parse("participants", &r.try_get::<String, _>("updated_at")?)?,
    })
}

fn json<T: Serialize>(table: &'static str, v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::corrupt(table, e))
}

fn code<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

fn from_code<T: serde::de::DeserializeOwned>(
    table: &'static str,
    s: &str,
) -> Result<T, StoreError> {
    serde_json::from_value(serde_json::Value::String(s.to_owned()))
        .map_err(|e| StoreError::corrupt(table, e))
}

pub(crate) fn contact_from_row(r: &AnyRow) -> Result<ContactEntry, StoreError> {
    Ok(ContactEntry {
        id: r.try_get("id")?,
        on_date: parse_date("contact_log", &r.try_get::<String, _>("on_date")?)?,
        channel: from_code("contact_log", &r.try_get::<String, _>("channel")?)?,
        topic: r.try_get("topic")?,
        note: r.try_get("note")?,
        staff_id: r.try_get("staff_id")?,
    })
}

impl Store {
    /// The contact person must be active staff of the participant's provider.
    pub(crate) async fn check_contact_person(
        &self,
        provider: ProviderId,
        person: Option<UserId>,
    ) -> Result<(), StoreError> {
        let Some(person) = person else { return Ok(()) };
        let user = match self.user(person).await {
            Ok(u) => u,
            Err(StoreError::NotFound) => {
                return Err(ParseError::new(
                    "contact_person_id",
                    "unknown_user",
                    "no such staff member",
                )
                .into());
            }
            Err(e) => return Err(e),
        };
        if user.provider_id != Some(provider) || !user.role.is_staff() || !user.active {
            return Err(ParseError::new(
                "contact_person_id",
                "not_staff",
                "the contact person must be active staff of the provider",
            )
            .into());
        }
        Ok(())
    }

    pub async fn create_participant(
        &self,
        actor: &Actor,
        provider: ProviderId,
        contact_person: Option<UserId>,
        data: ParticipantData,
    ) -> Result<ParticipantRecord, StoreError> {
        self.create_participant_with_consents(actor, provider, contact_person, data, &[])
            .await
    }

    /// Creates a participant and records its consents (scope, day given) in one transaction,
    /// each with its audit entry: either all of it is written or nothing.
    pub async fn create_participant_with_consents(
        &self,
        actor: &Actor,
        provider: ProviderId,
        contact_person: Option<UserId>,
        data: ParticipantData,
        consents: &[(ConsentScope, NaiveDate)],
    ) -> Result<ParticipantRecord, StoreError> {
        self.provider(provider).await?;
        self.check_contact_person(provider, contact_person).await?;
        let id = ParticipantId::from_uuid(Uuid::now_v7());
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO participants (id, provider_id, contact_person_id, given_name, family_name, email, document, created_at, updated_at, search_text) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, $9)",
        )
        .bind(id.to_string())
        .bind(provider.to_string())
        .bind(contact_person.map(|u| u.to_string()))
        .bind(&data.given_name)
        .bind(&data.family_name)
        .bind(data.email.as_ref().map(|e| e.to_string()))
        .bind(json("participants", &data)?)
        .bind(&now)
        .bind(search_text(&data, None))
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Create,
                AuditEntity::Participant,
                id,
                "",
            ),
        )
        .await?;
        for (scope, given_on) in consents {
            self.insert_consent(&mut tx, actor, provider, id, *scope, *given_on)
                .await?;
        }
        tx.commit().await?;
        self.participant(id).await
    }

    /// Inserts one consent and its audit entry into an open transaction; returns its id.
    async fn insert_consent(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        actor: &Actor,
        provider: ProviderId,
        id: ParticipantId,
        scope: ConsentScope,
        given_on: NaiveDate,
    ) -> Result<String, StoreError> {
        let cid = Uuid::now_v7().to_string();
        sqlx::query("INSERT INTO consents (id, participant_id, scope, given_on, recorded_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
            .bind(&cid)
            .bind(id.to_string())
            .bind(code(&scope))
            .bind(given_on.to_string())
            .bind(actor.user_id.map(|u| u.to_string()))
            .bind(time::fmt(self.now()))
            .execute(&mut **tx)
            .await?;
        audit::write(
            self.now(),
            &mut **tx,
            &actor.entry(
                Some(provider),
                AuditAction::Create,
                AuditEntity::Consent,
                &cid,
                code(&scope),
            ),
        )
        .await?;
        Ok(cid)
    }

    pub async fn participant(&self, id: ParticipantId) -> Result<ParticipantRecord, StoreError> {
        self.fetch_one(
            concat!("SELECT ", columns!(), " FROM participants WHERE id = $1"),
            id.to_string(),
            from_row,
        )
        .await
    }

    /// Participants of one provider (or all), by family name.
    pub async fn participants(
        &self,
        scope: Option<ProviderId>,
    ) -> Result<Vec<ParticipantRecord>, StoreError> {
        ListSql::new(columns!(), "participants")
            .scope("provider_id", scope)
            .all(self, "family_name, given_name, id", from_row)
            .await
    }

    /// The participants with an enrolment in `cohort` that has not ended, by family name:
    /// one query.
    pub async fn participants_in_cohort(
        &self,
        cohort: CohortId,
    ) -> Result<Vec<ParticipantRecord>, StoreError> {
        ListSql::new(columns!(), "participants")
            .filter(
                "id IN (SELECT participant_id FROM enrolments WHERE cohort_id = {} \
                 AND status NOT IN ('completed', 'dropped'))",
                Some(cohort.to_string()),
            )
            .all(self, "family_name, given_name, id", from_row)
            .await
    }

    pub async fn update_participant(
        &self,
        actor: &Actor,
        id: ParticipantId,
        contact_person: Option<UserId>,
        data: ParticipantData,
    ) -> Result<ParticipantRecord, StoreError> {
        let current = self.participant(id).await?;
        self.check_contact_person(current.provider_id, contact_person)
            .await?;
        // Every active participant has exactly one contact person (also while paused).
        if contact_person.is_none() {
            let running = self.enrolments_of(id).await?.iter().any(|e| {
                matches!(
                    e.status,
                    lernweg_participants::EnrolmentStatus::Active
                        | lernweg_participants::EnrolmentStatus::Paused
                )
            });
            if running {
                return Err(ParseError::new(
                    "contact_person_id",
                    "required_while_active",
                    "a participant in an active or paused enrolment keeps a contact person",
                )
                .into());
            }
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE participants SET contact_person_id = $1, given_name = $2, family_name = $3, email = $4, document = $5, updated_at = $6 WHERE id = $7",
        )
        .bind(contact_person.map(|u| u.to_string()))
        .bind(&data.given_name)
        .bind(&data.family_name)
        .bind(data.email.as_ref().map(|e| e.to_string()))
        .bind(json("participants", &data)?)
        .bind(time::fmt(self.now()))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        refresh_search_text(&mut tx, id).await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(current.provider_id),
                AuditAction::Update,
                AuditEntity::Participant,
                id,
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        self.participant(id).await
    }

    /// Records a consent (e.g. for health data, GDPR Art. 9) with its date.
    pub async fn add_consent(
        &self,
        actor: &Actor,
        id: ParticipantId,
        scope: ConsentScope,
        given_on: NaiveDate,
    ) -> Result<ConsentRecord, StoreError> {
        let p = self.participant(id).await?;
        let mut tx = self.pool.begin().await?;
        let cid = self
            .insert_consent(&mut tx, actor, p.provider_id, id, scope, given_on)
            .await?;
        tx.commit().await?;
        self.consents(id)
            .await?
            .into_iter()
            .find(|c| c.id == cid)
            .ok_or(StoreError::NotFound)
    }

    /// Withdraws a consent from `on`. The record stays, so the history is complete.
    pub async fn withdraw_consent(
        &self,
        actor: &Actor,
        id: ParticipantId,
        consent_id: &str,
        on: NaiveDate,
    ) -> Result<(), StoreError> {
        let p = self.participant(id).await?;
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query("UPDATE consents SET withdrawn_on = $1 WHERE id = $2 AND participant_id = $3 AND withdrawn_on IS NULL")
            .bind(on.to_string())
            .bind(consent_id)
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        // A link to an employer rests on the consent `employer_contact`: it ends with it.
        let ended = crate::employers::end_links_of_consent(&mut tx, consent_id, on).await?;
        let detail = if ended > 0 {
            format!("withdrawn; {ended} employer link(s) ended")
        } else {
            "withdrawn".to_owned()
        };
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(p.provider_id),
                AuditAction::Update,
                AuditEntity::Consent,
                consent_id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    pub async fn consents(&self, id: ParticipantId) -> Result<Vec<ConsentRecord>, StoreError> {
        let rows = sqlx::query("SELECT id, scope, given_on, withdrawn_on, recorded_by FROM consents WHERE participant_id = $1 ORDER BY given_on, id")
            .bind(id.to_string())
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| {
                Ok(ConsentRecord {
                    id: r.try_get("id")?,
                    scope: from_code("consents", &r.try_get::<String, _>("scope")?)?,
                    given_on: parse_date("consents", &r.try_get::<String, _>("given_on")?)?,
                    withdrawn_on: r
                        .try_get::<Option<String>, _>("withdrawn_on")?
                        .map(|d| parse_date("consents", &d))
                        .transpose()?,
                    recorded_by: r.try_get("recorded_by")?,
                })
            })
            .collect()
    }

    pub async fn add_contact(
        &self,
        actor: &Actor,
        id: ParticipantId,
        c: NewContact,
    ) -> Result<ContactEntry, StoreError> {
        let p = self.participant(id).await?;
        let topic = c.topic.trim();
        if topic.is_empty() || topic.chars().count() > 200 {
            return Err(ParseError::new(
                "topic",
                if topic.is_empty() {
                    "required"
                } else {
                    "too_long"
                },
                "topic must have 1 to 200 characters",
            )
            .into());
        }
        if c.note.chars().count() > 10_000 {
            return Err(ParseError::new(
                "note",
                "too_long",
                "the note is longer than 10,000 characters",
            )
            .into());
        }
        let cid = Uuid::now_v7().to_string();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO contact_log (id, participant_id, on_date, channel, topic, note, staff_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&cid)
        .bind(id.to_string())
        .bind(c.on_date.to_string())
        .bind(code(&c.channel))
        .bind(topic)
        .bind(c.note.trim())
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(p.provider_id),
                AuditAction::Create,
                AuditEntity::Contact,
                &cid,
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        self.contacts(id)
            .await?
            .into_iter()
            .find(|e| e.id == cid)
            .ok_or(StoreError::NotFound)
    }

    /// The contact log, newest first.
    pub async fn contacts(&self, id: ParticipantId) -> Result<Vec<ContactEntry>, StoreError> {
        let rows = sqlx::query("SELECT id, on_date, channel, topic, note, staff_id FROM contact_log WHERE participant_id = $1 ORDER BY on_date DESC, id DESC")
            .bind(id.to_string())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(contact_from_row).collect()
    }

    /// Keeps a readiness check with its date and counsellor, evaluated without offer hours.
    pub async fn add_readiness_check(
        &self,
        actor: &Actor,
        id: ParticipantId,
        checked_on: NaiveDate,
        answers: &ReadinessAnswers,
        result: &impl Serialize,
    ) -> Result<ReadinessRecord, StoreError> {
        self.add_readiness_check_against(
            actor,
            id,
            checked_on,
            answers,
            result,
            CheckedAgainst::default(),
        )
        .await
    }

    /// Keeps a readiness check with its date, counsellor and the offer hours (and cohort) it
    /// was evaluated against.
    pub async fn add_readiness_check_against(
        &self,
        actor: &Actor,
        id: ParticipantId,
        checked_on: NaiveDate,
        answers: &ReadinessAnswers,
        result: &impl Serialize,
        against: CheckedAgainst,
    ) -> Result<ReadinessRecord, StoreError> {
        let p = self.participant(id).await?;
        let rid = Uuid::now_v7().to_string();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO readiness_checks (id, participant_id, checked_on, counsellor_id, answers, result, offer_hours, cohort_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, CAST($7 AS DOUBLE PRECISION), $8, $9)",
        )
        .bind(&rid)
        .bind(id.to_string())
        .bind(checked_on.to_string())
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(json("readiness_checks", answers)?)
        .bind(json("readiness_checks", result)?)
        // As text: the Any driver binds a missing f64 with another type than a present one,
        // and PostgreSQL refuses the cached statement's binary format when they alternate.
        .bind(against.offer_hours.map(|h| h.to_string()))
        .bind(against.cohort_id.map(|c| c.to_string()))
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(p.provider_id),
                AuditAction::Create,
                AuditEntity::ReadinessCheck,
                &rid,
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        self.readiness_checks(id)
            .await?
            .into_iter()
            .find(|c| c.id == rid)
            .ok_or(StoreError::NotFound)
    }

    /// Readiness checks, oldest first (so later checks can show the change).
    pub async fn readiness_checks(
        &self,
        id: ParticipantId,
    ) -> Result<Vec<ReadinessRecord>, StoreError> {
        let rows = sqlx::query(
            "SELECT id, checked_on, counsellor_id, answers, result, offer_hours, cohort_id FROM readiness_checks WHERE participant_id = $1 ORDER BY checked_on, id",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                let answers: String = r.try_get("answers")?;
                let result: String = r.try_get("result")?;
                Ok(ReadinessRecord {
                    id: r.try_get("id")?,
                    checked_on: parse_date(
                        "readiness_checks",
                        &r.try_get::<String, _>("checked_on")?,
                    )?,
                    counsellor_id: r.try_get("counsellor_id")?,
                    answers: serde_json::from_str(&answers)
                        .map_err(|e| StoreError::corrupt("readiness_checks", e))?,
                    result: serde_json::from_str(&result)
                        .map_err(|e| StoreError::corrupt("readiness_checks", e))?,
                    offer_hours: r.try_get("offer_hours")?,
                    cohort_id: r
                        .try_get::<Option<String>, _>("cohort_id")?
                        .map(|c| CohortId::parse(&c))
                        .transpose()
                        .map_err(|e| StoreError::corrupt("readiness_checks", e))?,
                })
            })
            .collect()
    }
}
