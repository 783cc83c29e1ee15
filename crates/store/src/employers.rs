//! Employers with their contact people, and the links of participants to them (issue 13).
//! A link (`employments`) names the consent `employer_contact` it rests on; withdrawing that
//! consent ends the link in the same transaction ([`end_links_of_consent`]), so a link without
//! `ended_on` always rests on a consent in force. One active link per participant and employer
//! (a partial unique index).

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{
    Cursor, Email, EmployerChannel, EmployerContactId, EmployerId, EmployerInput, EmploymentId,
    KldbCode, Limit, ParseError, ParticipantId, ProviderId, Search, Sector, Slice,
};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::feeds::FeedKind;
use crate::paging::ListSql;
use crate::participant_list::placeholders;
use crate::{Store, StoreError, time};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EmployerContact {
    pub id: EmployerContactId,
    pub name: String,
    pub email: Option<Email>,
    pub phone: String,
    pub preferred_channel: EmployerChannel,
}

#[derive(Debug, Clone, Serialize)]
pub struct EmployerRecord {
    pub id: EmployerId,
    pub provider_id: ProviderId,
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub sector: Sector,
    pub kldb: Option<KldbCode>,
    pub note: String,
    /// In the order given.
    pub contacts: Vec<EmployerContact>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// The secret of the employer's live calendar feed (`/feeds/{secret}.ics`), if there is
    /// one (see `FeedKind::Employer`).
    #[serde(skip)]
    pub feed_secret: Option<String>,
}

/// Why a link ended.
pub const END_CONSENT_WITHDRAWN: &str = "consent_withdrawn";
pub const END_BY_STAFF: &str = "ended_by_staff";

/// A participant's link to an employer, with the participant's name.
#[derive(Debug, Clone, Serialize)]
pub struct Employment {
    pub id: EmploymentId,
    pub participant_id: ParticipantId,
    pub employer_id: EmployerId,
    pub consent_id: String,
    pub since: NaiveDate,
    pub ended_on: Option<NaiveDate>,
    pub end_reason: Option<String>,
    pub given_name: String,
    pub family_name: String,
    pub employer_name: String,
}

impl Employment {
    pub fn is_active(&self) -> bool {
        self.ended_on.is_none()
    }
}

macro_rules! employer_columns {
    () => {
        "id, provider_id, name, street, postcode, city, sector, kldb, note, created_at, updated_at, \
         (SELECT f.secret FROM feed_tokens f WHERE f.kind = 'employer' AND f.target_id = employers.id \
          AND f.revoked_at IS NULL ORDER BY f.created_at DESC LIMIT 1) AS feed_secret"
    };
}

macro_rules! employment_columns {
    () => {
        "l.id, l.participant_id, l.employer_id, l.consent_id, l.since, l.ended_on, l.end_reason, \
         p.given_name, p.family_name, e.name AS employer_name"
    };
}

macro_rules! employment_from {
    () => {
        "employments l JOIN participants p ON p.id = l.participant_id \
         JOIN employers e ON e.id = l.employer_id"
    };
}

fn corrupt(table: &'static str) -> impl Fn(ParseError) -> StoreError {
    move |e| StoreError::corrupt(table, e)
}

/// An employer row without its contacts (filled in by [`Store::with_contacts`]).
fn employer_from_row(r: &AnyRow) -> Result<EmployerRecord, StoreError> {
    let bad = corrupt("employers");
    Ok(EmployerRecord {
        id: EmployerId::parse(&r.try_get::<String, _>("id")?).map_err(&bad)?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?).map_err(&bad)?,
        name: r.try_get("name")?,
        street: r.try_get("street")?,
        postcode: r.try_get("postcode")?,
        city: r.try_get("city")?,
        sector: Sector::parse(&r.try_get::<String, _>("sector")?).map_err(&bad)?,
        kldb: r
            .try_get::<Option<String>, _>("kldb")?
            .map(|k| KldbCode::parse(&k))
            .transpose()
            .map_err(&bad)?,
        note: r.try_get("note")?,
        contacts: Vec::new(),
        created_at: time::parse("employers", &r.try_get::<String, _>("created_at")?)?,
        updated_at: time::parse("employers", &r.try_get::<String, _>("updated_at")?)?,
        feed_secret: r.try_get("feed_secret")?,
    })
}

fn contact_from_row(r: &AnyRow) -> Result<(EmployerId, EmployerContact), StoreError> {
    let bad = corrupt("employer_contacts");
    Ok((
        EmployerId::parse(&r.try_get::<String, _>("employer_id")?).map_err(&bad)?,
        EmployerContact {
            id: EmployerContactId::parse(&r.try_get::<String, _>("id")?).map_err(&bad)?,
            name: r.try_get("name")?,
            email: r
                .try_get::<Option<String>, _>("email")?
                .map(|e| Email::parse(&e))
                .transpose()
                .map_err(&bad)?,
            phone: r.try_get("phone")?,
            preferred_channel: EmployerChannel::parse(
                &r.try_get::<String, _>("preferred_channel")?,
            )
            .map_err(&bad)?,
        },
    ))
}

fn employment_from_row(r: &AnyRow) -> Result<Employment, StoreError> {
    let bad = corrupt("employments");
    Ok(Employment {
        id: EmploymentId::parse(&r.try_get::<String, _>("id")?).map_err(&bad)?,
        participant_id: ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
            .map_err(&bad)?,
        employer_id: EmployerId::parse(&r.try_get::<String, _>("employer_id")?).map_err(&bad)?,
        consent_id: r.try_get("consent_id")?,
        since: parse_date("employments", &r.try_get::<String, _>("since")?)?,
        ended_on: r
            .try_get::<Option<String>, _>("ended_on")?
            .map(|d| parse_date("employments", &d))
            .transpose()?,
        end_reason: r.try_get("end_reason")?,
        given_name: r.try_get("given_name")?,
        family_name: r.try_get("family_name")?,
        employer_name: r.try_get("employer_name")?,
    })
}

/// The lower-cased text the employer list searches: name, city and contact names.
fn search_text(input: &EmployerInput) -> String {
    let mut parts = vec![input.name.clone(), input.city.clone()];
    parts.extend(input.contacts.iter().map(|c| c.name.clone()));
    parts.join("\n").to_lowercase()
}

/// Ends, in an open transaction, every active link that rests on `consent_id` (the consent was
/// withdrawn on `on`). Returns how many ended.
pub(crate) async fn end_links_of_consent(
    conn: &mut sqlx::AnyConnection,
    consent_id: &str,
    on: NaiveDate,
) -> Result<u64, StoreError> {
    let done = sqlx::query(
        "UPDATE employments SET ended_on = $1, end_reason = $2 WHERE consent_id = $3 AND ended_on IS NULL",
    )
    .bind(on.to_string())
    .bind(END_CONSENT_WITHDRAWN)
    .bind(consent_id)
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected())
}

/// Binds `$1`–`$9` of an employer write: name, street, postcode, city, sector, kldb, note,
/// search text and the time of the change.
fn bind_fields<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    input: &EmployerInput,
    now: String,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    q.bind(input.name.clone())
        .bind(input.street.clone())
        .bind(input.postcode.clone())
        .bind(input.city.clone())
        .bind(input.sector.code())
        .bind(input.kldb.as_ref().map(|k| k.as_str().to_owned()))
        .bind(input.note.clone())
        .bind(search_text(input))
        .bind(now)
}

/// What the employer list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct EmployerFilter {
    pub scope: Option<ProviderId>,
    pub sector: Option<Sector>,
    pub search: Option<Search>,
}

impl EmployerFilter {
    fn list(&self) -> ListSql {
        ListSql::new(employer_columns!(), "employers")
            .scope("provider_id", self.scope)
            .filter("sector = {}", self.sector.map(|s| s.code()))
            .search_lowered(&["search_text"], self.search.as_ref())
    }
}

impl Store {
    pub async fn create_employer(
        &self,
        actor: &Actor,
        provider: ProviderId,
        input: EmployerInput,
    ) -> Result<EmployerRecord, StoreError> {
        self.provider(provider).await?;
        if input.contacts.iter().any(|c| c.id.is_some()) {
            return Err(ParseError::new(
                "contacts",
                "unknown_contact",
                "a new employer has no contacts yet: leave out their ids",
            )
            .into());
        }
        let id = EmployerId::from_uuid(Uuid::now_v7());
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        bind_fields(
            sqlx::query(
                "INSERT INTO employers (name, street, postcode, city, sector, kldb, note, search_text, updated_at, id, provider_id, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $9)",
            ),
            &input,
            now,
        )
        .bind(id.to_string())
        .bind(provider.to_string())
        .execute(&mut *tx)
        .await?;
        // Every employer has its calendar link from the start (the API names it).
        let target = id.to_string();
        self.renew_feed_in(&mut tx, actor, FeedKind::Employer, &target, provider)
            .await?;
        self.save_contacts(tx, actor, provider, AuditAction::Create, id, &input)
            .await
    }

    /// Replaces the employer's fields and contacts: a contact named by id is kept (updated),
    /// one without id is added, one left out is removed.
    pub async fn update_employer(
        &self,
        actor: &Actor,
        id: EmployerId,
        input: EmployerInput,
    ) -> Result<EmployerRecord, StoreError> {
        let current = self.employer(id).await?;
        if let Some(stranger) = input
            .contacts
            .iter()
            .filter_map(|c| c.id)
            .find(|cid| !current.contacts.iter().any(|k| k.id == *cid))
        {
            return Err(ParseError::new(
                "contacts",
                "unknown_contact",
                format!("contact {stranger} is not a contact of this employer"),
            )
            .into());
        }
        let mut tx = self.pool.begin().await?;
        bind_fields(
            sqlx::query(
                "UPDATE employers SET name = $1, street = $2, postcode = $3, city = $4, sector = $5, kldb = $6, note = $7, search_text = $8, updated_at = $9 WHERE id = $10",
            ),
            &input,
            time::fmt(self.now()),
        )
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        let provider = current.provider_id;
        self.save_contacts(tx, actor, provider, AuditAction::Update, id, &input)
            .await
    }

    /// Ends a write of an employer: its contacts and the audit entry in the same
    /// transaction, then the record as stored.
    async fn save_contacts(
        &self,
        mut tx: sqlx::Transaction<'_, sqlx::Any>,
        actor: &Actor,
        provider: ProviderId,
        action: AuditAction,
        id: EmployerId,
        input: &EmployerInput,
    ) -> Result<EmployerRecord, StoreError> {
        self.write_contacts(&mut tx, id, input).await?;
        let entry = actor.entry(Some(provider), action, AuditEntity::Employer, id, "");
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.employer(id).await
    }

    /// Writes the contact list of `input` in an open transaction (see `update_employer`).
    async fn write_contacts(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        employer: EmployerId,
        input: &EmployerInput,
    ) -> Result<(), StoreError> {
        let kept: Vec<String> = input
            .contacts
            .iter()
            .filter_map(|c| c.id.map(|id| id.to_string()))
            .collect();
        let sql = if kept.is_empty() {
            "DELETE FROM employer_contacts WHERE employer_id = $1".to_owned()
        } else {
            format!(
                "DELETE FROM employer_contacts WHERE employer_id = $1 AND id NOT IN ({})",
                placeholders(2, kept.len())
            )
        };
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql)).bind(employer.to_string());
        for k in &kept {
            q = q.bind(k.clone());
        }
        q.execute(&mut **tx).await?;
        let now = time::fmt(self.now());
        for (position, c) in input.contacts.iter().enumerate() {
            let email = c.email.as_ref().map(|e| e.as_str().to_owned());
            let q = match c.id {
                Some(id) => sqlx::query(
                    "UPDATE employer_contacts SET position = $1, name = $2, email = $3, phone = $4, preferred_channel = $5 WHERE id = $6",
                )
                .bind(position as i64)
                .bind(c.name.clone())
                .bind(email)
                .bind(c.phone.clone())
                .bind(c.preferred_channel.code())
                .bind(id.to_string()),
                None => sqlx::query(
                    "INSERT INTO employer_contacts (position, name, email, phone, preferred_channel, id, employer_id, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(position as i64)
                .bind(c.name.clone())
                .bind(email)
                .bind(c.phone.clone())
                .bind(c.preferred_channel.code())
                .bind(Uuid::now_v7().to_string())
                .bind(employer.to_string())
                .bind(now.clone()),
            };
            q.execute(&mut **tx).await?;
        }
        Ok(())
    }

    /// One employer with its contacts.
    pub async fn employer(&self, id: EmployerId) -> Result<EmployerRecord, StoreError> {
        let record = self
            .fetch_one(
                concat!(
                    "SELECT ",
                    employer_columns!(),
                    " FROM employers WHERE id = $1"
                ),
                id.to_string(),
                employer_from_row,
            )
            .await?;
        Ok(self.with_contacts(vec![record]).await?.remove(0))
    }

    /// The records with their contacts: one query for all of them.
    async fn with_contacts(
        &self,
        mut records: Vec<EmployerRecord>,
    ) -> Result<Vec<EmployerRecord>, StoreError> {
        if records.is_empty() {
            return Ok(records);
        }
        let sql = format!(
            "SELECT id, employer_id, name, email, phone, preferred_channel FROM employer_contacts \
             WHERE employer_id IN ({}) ORDER BY employer_id, position",
            placeholders(1, records.len())
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for r in &records {
            q = q.bind(r.id.to_string());
        }
        for row in q.fetch_all(&self.pool).await? {
            let (employer, contact) = contact_from_row(&row)?;
            if let Some(r) = records.iter_mut().find(|r| r.id == employer) {
                r.contacts.push(contact);
            }
        }
        Ok(records)
    }

    /// The employers that match after `cursor`, by name: at most `limit`, with contacts.
    pub async fn employers_after(
        &self,
        filter: &EmployerFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<EmployerRecord>, StoreError> {
        let slice = filter
            .list()
            .after(
                self,
                Some("name"),
                "id",
                false,
                cursor,
                limit,
                employer_from_row,
                |e| Cursor::new(e.name.clone(), e.id.to_string()),
            )
            .await?;
        let Slice { items, next } = slice;
        Ok(Slice {
            items: self.with_contacts(items).await?,
            next,
        })
    }

    /// Links a participant to an employer, resting on the consent `consent_id` (which the
    /// caller has checked is an active `employer_contact` consent of that participant).
    pub async fn link_employee(
        &self,
        actor: &Actor,
        employer: &EmployerRecord,
        participant: ParticipantId,
        consent_id: &str,
        since: NaiveDate,
    ) -> Result<Employment, StoreError> {
        let id = EmploymentId::from_uuid(Uuid::now_v7());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO employments (id, participant_id, employer_id, consent_id, since, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.to_string())
        .bind(participant.to_string())
        .bind(employer.id.to_string())
        .bind(consent_id)
        .bind(since.to_string())
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await
        // employments_active_idx: one active link per participant and employer.
        .map_err(|e| StoreError::unique_as(e, "employment"))?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(employer.provider_id),
                AuditAction::Create,
                AuditEntity::Employment,
                id,
                format!("participant {participant}, employer {}", employer.id),
            ),
        )
        .await?;
        tx.commit().await?;
        self.employment(id).await
    }

    pub async fn employment(&self, id: EmploymentId) -> Result<Employment, StoreError> {
        self.fetch_one(
            concat!(
                "SELECT ",
                employment_columns!(),
                " FROM ",
                employment_from!(),
                " WHERE l.id = $1"
            ),
            id.to_string(),
            employment_from_row,
        )
        .await
    }

    /// Ends an active link on `on` (staff's decision).
    pub async fn end_employment(
        &self,
        actor: &Actor,
        link: &Employment,
        provider: ProviderId,
        on: NaiveDate,
    ) -> Result<Employment, StoreError> {
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE employments SET ended_on = $1, end_reason = $2 WHERE id = $3 AND ended_on IS NULL",
        )
        .bind(on.to_string())
        .bind(END_BY_STAFF)
        .bind(link.id.to_string())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict("employment_ended"));
        }
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Update,
                AuditEntity::Employment,
                link.id,
                "ended",
            ),
        )
        .await?;
        tx.commit().await?;
        self.employment(link.id).await
    }

    /// The links of an employer, active first, each by family name.
    pub async fn employments_of_employer(
        &self,
        employer: EmployerId,
    ) -> Result<Vec<Employment>, StoreError> {
        self.employments_where("l.employer_id = $1", employer.to_string())
            .await
    }

    /// The links of a participant (active and ended), newest first.
    pub async fn employments_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<Employment>, StoreError> {
        self.employments_where("l.participant_id = $1", participant.to_string())
            .await
    }

    async fn employments_where(
        &self,
        cond: &'static str,
        key: String,
    ) -> Result<Vec<Employment>, StoreError> {
        let sql = format!(
            "SELECT {} FROM {} WHERE {cond} \
             ORDER BY CASE WHEN l.ended_on IS NULL THEN 0 ELSE 1 END, p.family_name, p.given_name, l.since DESC, l.id",
            employment_columns!(),
            employment_from!()
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(key)
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(employment_from_row).collect()
    }
}
