//! Mentoring (issue 15): the mentor pool, the participants waiting for a mentor, tandems from
//! proposal to closing, their logged meetings and the score weights per provider. The rules
//! (what a profile, a wish or a meeting must be; the matching; the budget) are
//! `lernweg_participants::{mentor_pool, mentoring}`; the use-cases `lernweg_app::mentoring`.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{Email, KldbCode, MentorId, ParseError, ParticipantId, ProviderId, TandemId};
use lernweg_participants::LanguageCode;
use lernweg_participants::mentor_pool::{Meeting, MenteeWish, MentorProfile};
use lernweg_participants::mentoring::{Slots, Weights, list};
use lernweg_participants::model::PhoneNumber;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::{Store, StoreError, time};

/// A mentor of a provider's pool.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorRecord {
    pub id: MentorId,
    pub provider_id: ProviderId,
    pub profile: MentorProfile,
    pub created_at: DateTime<Utc>,
}

/// A participant waiting for (or having) a mentor.
#[derive(Debug, Clone, PartialEq)]
pub struct WishRecord {
    pub participant_id: ParticipantId,
    pub provider_id: ProviderId,
    pub wish: MenteeWish,
    pub wished_on: NaiveDate,
}

/// Where a tandem stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TandemStatus {
    /// Proposed by the matching, waiting for staff.
    Proposed,
    /// Staff rejected the proposal: the matching does not propose the pair again.
    Rejected,
    Active,
    Closed,
}

impl TandemStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            TandemStatus::Proposed => "proposed",
            TandemStatus::Rejected => "rejected",
            TandemStatus::Active => "active",
            TandemStatus::Closed => "closed",
        }
    }

    fn parse(s: &str) -> Option<TandemStatus> {
        [
            TandemStatus::Proposed,
            TandemStatus::Rejected,
            TandemStatus::Active,
            TandemStatus::Closed,
        ]
        .into_iter()
        .find(|t| t.as_str() == s)
    }
}

/// A tandem of a mentor and a participant.
#[derive(Debug, Clone, PartialEq)]
pub struct Tandem {
    pub id: TandemId,
    pub provider_id: ProviderId,
    pub mentor_id: MentorId,
    pub participant_id: ParticipantId,
    pub status: TandemStatus,
    pub score: i64,
    /// The matching's reasons, in German.
    pub reasons: Vec<String>,
    pub budget_minutes: u32,
    pub started_on: Option<NaiveDate>,
    pub ends_on: Option<NaiveDate>,
    pub closed_on: Option<NaiveDate>,
    pub note: String,
    pub mentor_feedback: Option<String>,
    pub mentee_feedback: Option<String>,
}

/// Who logged a meeting (or gave feedback).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TandemSide {
    Mentor,
    Mentee,
    Staff,
}

impl TandemSide {
    pub fn as_str(self) -> &'static str {
        match self {
            TandemSide::Mentor => "mentor",
            TandemSide::Mentee => "mentee",
            TandemSide::Staff => "staff",
        }
    }
}

/// A logged meeting of a tandem.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeetingRecord {
    pub id: String,
    pub tandem_id: TandemId,
    pub meeting: Meeting,
    pub logged_by: TandemSide,
}

/// A pair the matching proposes.
#[derive(Debug, Clone)]
pub struct NewProposal {
    pub mentor: MentorId,
    pub participant: ParticipantId,
    pub score: i64,
    pub reasons: Vec<String>,
}

const MENTOR_COLUMNS: &str = "id, provider_id, name, email, phone, kldb, occupation, languages, \
    slots, city, online, capacity, available_from, available_until, consent_on, created_at";

fn mentor_from_row(r: &AnyRow) -> Result<MentorRecord, StoreError> {
    const T: &str = "mentors";
    let bad = |e: ParseError| StoreError::corrupt(T, e);
    let text = |c: &str| -> Result<String, StoreError> { Ok(r.try_get::<String, _>(c)?) };
    let optional = |c: &str| -> Result<Option<String>, StoreError> {
        Ok(r.try_get::<Option<String>, _>(c)?.filter(|s| !s.is_empty()))
    };
    let languages = list(&text("languages")?)
        .map(LanguageCode::parse)
        .collect::<Result<Vec<_>, _>>()
        .map_err(bad)?;
    let profile = MentorProfile {
        name: text("name")?,
        email: optional("email")?
            .map(|e| Email::parse(&e))
            .transpose()
            .map_err(bad)?,
        phone: optional("phone")?
            .map(|p| PhoneNumber::parse(&p))
            .transpose()
            .map_err(bad)?,
        kldb: KldbCode::parse(&text("kldb")?).map_err(bad)?,
        occupation: text("occupation")?,
        languages,
        slots: Slots::parse_list(&text("slots")?).map_err(|e| StoreError::corrupt(T, e))?,
        city: text("city")?,
        online: r.try_get::<i64, _>("online")? == 1,
        capacity: u32::try_from(r.try_get::<i64, _>("capacity")?).unwrap_or(0),
        available_from: parse_date(T, &text("available_from")?)?,
        available_until: optional("available_until")?
            .map(|d| parse_date(T, &d))
            .transpose()?,
        consent_on: parse_date(T, &text("consent_on")?)?,
    };
    Ok(MentorRecord {
        id: MentorId::parse(&text("id")?).map_err(bad)?,
        provider_id: ProviderId::parse(&text("provider_id")?).map_err(bad)?,
        profile,
        created_at: time::parse(T, &text("created_at")?)?,
    })
}

pub(crate) const TANDEM_COLUMNS: &str = "id, provider_id, mentor_id, participant_id, status, score, \
    reasons, budget_minutes, started_on, ends_on, closed_on, note, mentor_feedback, mentee_feedback";

pub(crate) fn tandem_from_row(r: &AnyRow) -> Result<Tandem, StoreError> {
    const T: &str = "tandems";
    let bad = |e: ParseError| StoreError::corrupt(T, e);
    let text = |c: &str| -> Result<String, StoreError> { Ok(r.try_get::<String, _>(c)?) };
    let date = |c: &str| -> Result<Option<NaiveDate>, StoreError> {
        r.try_get::<Option<String>, _>(c)?
            .map(|d| parse_date(T, &d))
            .transpose()
    };
    let status = text("status")?;
    Ok(Tandem {
        id: TandemId::parse(&text("id")?).map_err(bad)?,
        provider_id: ProviderId::parse(&text("provider_id")?).map_err(bad)?,
        mentor_id: MentorId::parse(&text("mentor_id")?).map_err(bad)?,
        participant_id: ParticipantId::parse(&text("participant_id")?).map_err(bad)?,
        status: TandemStatus::parse(&status)
            .ok_or_else(|| StoreError::corrupt(T, format!("status {status:?}")))?,
        score: r.try_get("score")?,
        reasons: text("reasons")?
            .lines()
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect(),
        budget_minutes: u32::try_from(r.try_get::<i64, _>("budget_minutes")?).unwrap_or(0),
        started_on: date("started_on")?,
        ends_on: date("ends_on")?,
        closed_on: date("closed_on")?,
        note: text("note")?,
        mentor_feedback: r.try_get("mentor_feedback")?,
        mentee_feedback: r.try_get("mentee_feedback")?,
    })
}

/// Binds the 13 columns of a profile as `$1` … `$13`.
fn bind_profile<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    p: &'q MentorProfile,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    q.bind(&p.name)
        .bind(p.email.as_ref().map(|e| e.as_str().to_owned()))
        .bind(p.phone.as_ref().map(|e| e.as_str().to_owned()))
        .bind(p.kldb.as_str())
        .bind(&p.occupation)
        .bind(languages_text(&p.languages))
        .bind(slots_text(p.slots))
        .bind(&p.city)
        .bind(i64::from(p.online))
        .bind(i64::from(p.capacity))
        .bind(p.available_from.to_string())
        .bind(p.available_until.map(|d| d.to_string()))
        .bind(p.consent_on.to_string())
}

fn slots_text(s: Slots) -> String {
    s.codes().join(",")
}

impl Store {
    // ---------------------------------------------------------------- the pool

    /// Adds a mentor to a provider's pool.
    pub async fn create_mentor(
        &self,
        actor: &Actor,
        provider: ProviderId,
        p: &MentorProfile,
    ) -> Result<MentorRecord, StoreError> {
        let id = MentorId::from_uuid(Uuid::now_v7());
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        bind_profile(
            sqlx::query(
                "INSERT INTO mentors (name, email, phone, kldb, occupation, languages, slots, \
                 city, online, capacity, available_from, available_until, consent_on, id, \
                 provider_id, created_at, updated_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $16)",
            ),
            p,
        )
        .bind(id.to_string())
        .bind(provider.to_string())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Create,
            AuditEntity::Mentor,
            id,
            "mentor added",
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.mentor(id).await
    }

    /// Saves a mentor's profile.
    pub async fn update_mentor(
        &self,
        actor: &Actor,
        m: &MentorRecord,
        p: &MentorProfile,
    ) -> Result<MentorRecord, StoreError> {
        let mut tx = self.pool.begin().await?;
        bind_profile(
            sqlx::query(
                "UPDATE mentors SET name = $1, email = $2, phone = $3, kldb = $4, \
                 occupation = $5, languages = $6, slots = $7, city = $8, online = $9, \
                 capacity = $10, available_from = $11, available_until = $12, consent_on = $13, \
                 updated_at = $14 WHERE id = $15",
            ),
            p,
        )
        .bind(time::fmt(self.now()))
        .bind(m.id.to_string())
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(m.provider_id),
            AuditAction::Update,
            AuditEntity::Mentor,
            m.id,
            "profile saved",
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.mentor(m.id).await
    }

    pub async fn mentor(&self, id: MentorId) -> Result<MentorRecord, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MENTOR_COLUMNS} FROM mentors WHERE id = $1"
        )))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        mentor_from_row(&row)
    }

    /// The pool of a provider, by name.
    pub async fn mentors_of(&self, provider: ProviderId) -> Result<Vec<MentorRecord>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {MENTOR_COLUMNS} FROM mentors WHERE provider_id = $1 ORDER BY name, id"
        )))
        .bind(provider.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(mentor_from_row).collect()
    }

    // ---------------------------------------------------------------- waiting mentees

    /// Records (or changes) a participant's wish for a mentor.
    pub async fn set_wish(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        provider: ProviderId,
        wish: &MenteeWish,
        on: NaiveDate,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM mentee_wishes WHERE participant_id = $1")
            .bind(participant.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO mentee_wishes (participant_id, provider_id, slots, city, online, \
             wished_on) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(participant.to_string())
        .bind(provider.to_string())
        .bind(slots_text(wish.slots))
        .bind(&wish.city)
        .bind(i64::from(wish.online))
        .bind(on.to_string())
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Update,
            AuditEntity::Participant,
            participant,
            "wish for a mentor",
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The participant no longer waits for a mentor (their open proposals go too).
    pub async fn remove_wish(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        provider: ProviderId,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM mentee_wishes WHERE participant_id = $1")
            .bind(participant.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM tandems WHERE participant_id = $1 AND status = 'proposed'")
            .bind(participant.to_string())
            .execute(&mut *tx)
            .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Delete,
            AuditEntity::Participant,
            participant,
            "wish for a mentor withdrawn",
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    async fn wishes_where(
        &self,
        condition: &'static str,
        value: String,
    ) -> Result<Vec<WishRecord>, StoreError> {
        const T: &str = "mentee_wishes";
        // `condition` is one of this module's constants, never input.
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT participant_id, provider_id, slots, city, online, wished_on \
             FROM mentee_wishes WHERE {condition} ORDER BY wished_on, participant_id"
        )))
        .bind(value)
        .fetch_all(&self.pool)
        .await?;
        let bad = |e: ParseError| StoreError::corrupt(T, e);
        rows.iter()
            .map(|r| {
                Ok(WishRecord {
                    participant_id: ParticipantId::parse(
                        &r.try_get::<String, _>("participant_id")?,
                    )
                    .map_err(bad)?,
                    provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?)
                        .map_err(bad)?,
                    wish: MenteeWish {
                        slots: Slots::parse_list(&r.try_get::<String, _>("slots")?)
                            .map_err(|e| StoreError::corrupt(T, e))?,
                        city: r.try_get("city")?,
                        online: r.try_get::<i64, _>("online")? == 1,
                    },
                    wished_on: parse_date(T, &r.try_get::<String, _>("wished_on")?)?,
                })
            })
            .collect()
    }

    /// The wishes of a provider's participants, oldest first.
    pub async fn wishes_of(&self, provider: ProviderId) -> Result<Vec<WishRecord>, StoreError> {
        self.wishes_where("provider_id = $1", provider.to_string())
            .await
    }

    /// A participant's wish, if they have one.
    pub async fn wish_of(
        &self,
        participant: ParticipantId,
    ) -> Result<Option<WishRecord>, StoreError> {
        Ok(self
            .wishes_where("participant_id = $1", participant.to_string())
            .await?
            .pop())
    }

    // ---------------------------------------------------------------- weights

    /// A provider's score weights (the documented defaults when none are saved).
    pub async fn mentoring_weights(&self, provider: ProviderId) -> Result<Weights, StoreError> {
        let row = sqlx::query(
            "SELECT same_main_group, same_area, mother_tongue, per_slot, slots_max, place \
             FROM mentoring_weights WHERE provider_id = $1",
        )
        .bind(provider.to_string())
        .fetch_optional(&self.pool)
        .await?;
        let Some(r) = row else {
            return Ok(Weights::default());
        };
        Ok(Weights {
            same_main_group: r.try_get("same_main_group")?,
            same_area: r.try_get("same_area")?,
            mother_tongue: r.try_get("mother_tongue")?,
            per_slot: r.try_get("per_slot")?,
            slots_max: r.try_get("slots_max")?,
            place: r.try_get("place")?,
        })
    }

    /// Saves a provider's score weights.
    pub async fn set_mentoring_weights(
        &self,
        actor: &Actor,
        provider: ProviderId,
        w: &Weights,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM mentoring_weights WHERE provider_id = $1")
            .bind(provider.to_string())
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "INSERT INTO mentoring_weights (provider_id, same_main_group, same_area, \
             mother_tongue, per_slot, slots_max, place, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(provider.to_string())
        .bind(w.same_main_group)
        .bind(w.same_area)
        .bind(w.mother_tongue)
        .bind(w.per_slot)
        .bind(w.slots_max)
        .bind(w.place)
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Update,
            AuditEntity::Provider,
            provider,
            format!("mentoring weights {w:?}"),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    // ---------------------------------------------------------------- meetings

    /// Logs a meeting of a tandem.
    pub async fn log_meeting(
        &self,
        actor: &Actor,
        tandem: &Tandem,
        meeting: &Meeting,
        by: TandemSide,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO tandem_meetings (id, tandem_id, met_on, minutes, topic, logged_by, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(tandem.id.to_string())
        .bind(meeting.met_on.to_string())
        .bind(i64::from(meeting.minutes))
        .bind(&meeting.topic)
        .bind(by.as_str())
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(tandem.provider_id),
            AuditAction::Create,
            AuditEntity::Tandem,
            tandem.id,
            format!("meeting on {} logged by {}", meeting.met_on, by.as_str()),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The meetings of a tandem, earliest first.
    pub async fn meetings_of(&self, tandem: TandemId) -> Result<Vec<MeetingRecord>, StoreError> {
        const T: &str = "tandem_meetings";
        let rows = sqlx::query(
            "SELECT id, met_on, minutes, topic, logged_by FROM tandem_meetings \
             WHERE tandem_id = $1 ORDER BY met_on, id",
        )
        .bind(tandem.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(MeetingRecord {
                    id: r.try_get("id")?,
                    tandem_id: tandem,
                    meeting: Meeting {
                        met_on: parse_date(T, &r.try_get::<String, _>("met_on")?)?,
                        minutes: u32::try_from(r.try_get::<i64, _>("minutes")?).unwrap_or(0),
                        topic: r.try_get("topic")?,
                    },
                    logged_by: match r.try_get::<String, _>("logged_by")?.as_str() {
                        "mentor" => TandemSide::Mentor,
                        "mentee" => TandemSide::Mentee,
                        _ => TandemSide::Staff,
                    },
                })
            })
            .collect()
    }
}

fn languages_text(l: &[LanguageCode]) -> String {
    l.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(",")
}
