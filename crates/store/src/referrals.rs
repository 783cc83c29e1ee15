//! Counselling services of a provider and referrals of participants to them (MISSION §2.3).
//! A referral moves suggested → referred → appointment_made → done, or to declined from any
//! non-final status (the rule: [`lernweg_participants::care`]); every move is kept in
//! `referral_events`. Statuses are stored as their codes.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{ParseError, ParticipantId, ProviderId};
use lernweg_participants::care::{self, ReferralStatus, ServiceStatus};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::{Store, StoreError, time};

/// The kinds of counselling service.
pub const SERVICE_KINDS: &[&str] = &[
    "childcare",
    "social",
    "debt",
    "health",
    "migration",
    "recognition",
    "other",
];

/// Longest accepted reason of a referral (characters).
pub const REASON_MAX: usize = 500;

#[derive(Debug, Clone, Serialize)]
pub struct CounsellingService {
    pub id: String,
    pub provider_id: ProviderId,
    pub kind: String,
    pub name: String,
    pub contact_person: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    /// Languages offered, free text.
    pub languages: String,
    pub opening_hours: String,
    pub note: String,
    pub active: bool,
}

impl CounsellingService {
    pub fn status(&self) -> ServiceStatus {
        ServiceStatus::of(self.active)
    }
}

/// The editable fields of a counselling service.
#[derive(Debug, Clone, Default)]
pub struct ServiceInput {
    pub kind: String,
    pub name: String,
    pub contact_person: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub languages: String,
    pub opening_hours: String,
    pub note: String,
    pub active: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Referral {
    pub id: String,
    pub provider_id: ProviderId,
    pub participant_id: ParticipantId,
    pub service_id: String,
    pub referred_on: NaiveDate,
    pub reason: String,
    pub status: ReferralStatus,
    pub status_changed_on: NaiveDate,
    pub outcome_note: String,
    pub created_at: DateTime<Utc>,
}

/// One status change of a referral.
#[derive(Debug, Clone, Serialize)]
pub struct ReferralStep {
    pub on_date: NaiveDate,
    pub from: ReferralStatus,
    pub to: ReferralStatus,
    pub note: String,
    pub recorded_by: Option<String>,
}

fn invalid(field: &'static str, code: &'static str, message: impl Into<String>) -> StoreError {
    StoreError::Invalid(ParseError::new(field, code, message.into()))
}

/// A move the care rules refuse, as the same field error as any invalid input.
pub(crate) fn refused(r: care::CareRefusal) -> StoreError {
    StoreError::Invalid(r.into())
}

/// A stored status code; anything else is a corrupt row.
fn status_of(table: &'static str, code: &str) -> Result<ReferralStatus, StoreError> {
    ReferralStatus::parse(code)
        .ok_or_else(|| StoreError::corrupt(table, format!("referral status {code:?}")))
}

pub(crate) fn service_from_row(r: &AnyRow) -> Result<CounsellingService, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("counselling_services", e);
    Ok(CounsellingService {
        id: r.try_get("id")?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?).map_err(bad)?,
        kind: r.try_get("kind")?,
        name: r.try_get("name")?,
        contact_person: r.try_get("contact_person")?,
        phone: r.try_get("phone")?,
        email: r.try_get("email")?,
        address: r.try_get("address")?,
        languages: r.try_get("languages")?,
        opening_hours: r.try_get("opening_hours")?,
        note: r.try_get("note")?,
        active: r.try_get::<i64, _>("active")? != 0,
    })
}

pub(crate) fn referral_from_row(r: &AnyRow) -> Result<Referral, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("referrals", e);
    Ok(Referral {
        id: r.try_get("id")?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?).map_err(bad)?,
        participant_id: ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
            .map_err(bad)?,
        service_id: r.try_get("service_id")?,
        referred_on: parse_date("referrals", &r.try_get::<String, _>("referred_on")?)?,
        reason: r.try_get("reason")?,
        status: status_of("referrals", &r.try_get::<String, _>("status")?)?,
        status_changed_on: parse_date("referrals", &r.try_get::<String, _>("status_changed_on")?)?,
        outcome_note: r.try_get("outcome_note")?,
        created_at: time::parse("referrals", &r.try_get::<String, _>("created_at")?)?,
    })
}

pub(crate) fn step_from_row(r: &AnyRow) -> Result<ReferralStep, StoreError> {
    Ok(ReferralStep {
        on_date: parse_date("referral_events", &r.try_get::<String, _>("on_date")?)?,
        from: status_of("referral_events", &r.try_get::<String, _>("from_status")?)?,
        to: status_of("referral_events", &r.try_get::<String, _>("to_status")?)?,
        note: r.try_get("note")?,
        recorded_by: r.try_get("recorded_by")?,
    })
}

macro_rules! service_columns {
    () => {
        "id, provider_id, kind, name, contact_person, phone, email, address, languages, opening_hours, note, active"
    };
}
macro_rules! referral_columns {
    () => {
        "id, provider_id, participant_id, service_id, referred_on, reason, status, status_changed_on, outcome_note, created_at"
    };
}

/// Checks and trims a service input.
fn check_service(mut input: ServiceInput) -> Result<ServiceInput, StoreError> {
    for f in [
        &mut input.kind,
        &mut input.name,
        &mut input.contact_person,
        &mut input.phone,
        &mut input.email,
        &mut input.address,
        &mut input.languages,
        &mut input.opening_hours,
        &mut input.note,
    ] {
        *f = f.trim().to_owned();
    }
    if !SERVICE_KINDS.contains(&input.kind.as_str()) {
        return Err(invalid(
            "kind",
            "unknown_kind",
            "unknown kind of counselling service",
        ));
    }
    if input.name.is_empty() {
        return Err(invalid("name", "required", "the name is required"));
    }
    if input.name.chars().count() > 200 {
        return Err(invalid(
            "name",
            "too_long",
            "the name is too long (at most 200 characters)",
        ));
    }
    if !input.email.is_empty() && !input.email.contains('@') {
        return Err(invalid("email", "invalid_email", "not an e-mail address"));
    }
    Ok(input)
}

impl Store {
    pub async fn create_counselling_service(
        &self,
        actor: &Actor,
        provider: ProviderId,
        input: ServiceInput,
    ) -> Result<CounsellingService, StoreError> {
        let input = check_service(input)?;
        self.provider(provider).await?;
        let id = Uuid::now_v7().to_string();
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO counselling_services (id, provider_id, kind, name, contact_person, phone, email, address, languages, opening_hours, note, active, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $13)",
        )
        .bind(&id)
        .bind(provider.to_string())
        .bind(&input.kind)
        .bind(&input.name)
        .bind(&input.contact_person)
        .bind(&input.phone)
        .bind(&input.email)
        .bind(&input.address)
        .bind(&input.languages)
        .bind(&input.opening_hours)
        .bind(&input.note)
        .bind(i64::from(input.active))
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Create,
                AuditEntity::CounsellingService,
                &id,
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        self.counselling_service(&id).await
    }

    pub async fn counselling_service(&self, id: &str) -> Result<CounsellingService, StoreError> {
        self.fetch_one(
            concat!(
                "SELECT ",
                service_columns!(),
                " FROM counselling_services WHERE id = $1"
            ),
            id,
            service_from_row,
        )
        .await
    }

    /// Services of one provider (or all), by kind and name.
    pub async fn counselling_services(
        &self,
        scope: Option<ProviderId>,
    ) -> Result<Vec<CounsellingService>, StoreError> {
        self.services_matching(&crate::ServiceFilter {
            scope,
            ..Default::default()
        })
        .await
    }

    pub async fn update_counselling_service(
        &self,
        actor: &Actor,
        id: &str,
        input: ServiceInput,
    ) -> Result<CounsellingService, StoreError> {
        let current = self.counselling_service(id).await?;
        let input = check_service(input)?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE counselling_services SET kind = $1, name = $2, contact_person = $3, phone = $4, email = $5, address = $6, languages = $7, opening_hours = $8, note = $9, active = $10, updated_at = $11 WHERE id = $12",
        )
        .bind(&input.kind)
        .bind(&input.name)
        .bind(&input.contact_person)
        .bind(&input.phone)
        .bind(&input.email)
        .bind(&input.address)
        .bind(&input.languages)
        .bind(&input.opening_hours)
        .bind(&input.note)
        .bind(i64::from(input.active))
        .bind(time::fmt(self.now()))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(current.provider_id),
                AuditAction::Update,
                AuditEntity::CounsellingService,
                id,
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        self.counselling_service(id).await
    }

    /// Refers a participant to a service of the same provider (status `suggested`).
    pub async fn create_referral(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        service_id: &str,
        on: NaiveDate,
        reason: &str,
    ) -> Result<Referral, StoreError> {
        let reason = reason.trim();
        if reason.chars().count() > REASON_MAX {
            return Err(invalid(
                "reason",
                "too_long",
                "the reason is too long (at most 500 characters)",
            ));
        }
        let p = self.participant(participant).await?;
        let service = match self.counselling_service(service_id).await {
            Ok(s) => s,
            Err(StoreError::NotFound) => {
                return Err(invalid(
                    "service_id",
                    "unknown_service",
                    "no such counselling service",
                ));
            }
            Err(e) => return Err(e),
        };
        if service.provider_id != p.provider_id {
            return Err(invalid(
                "service_id",
                "other_provider",
                "the service belongs to another provider than the participant",
            ));
        }
        let status = care::refer_to(service.status()).map_err(refused)?;
        let id = Uuid::now_v7().to_string();
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO referrals (id, provider_id, participant_id, service_id, referred_on, reason, status, status_changed_on, outcome_note, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $5, '', $8, $8)",
        )
        .bind(&id)
        .bind(p.provider_id.to_string())
        .bind(participant.to_string())
        .bind(service_id)
        .bind(on.to_string())
        .bind(reason)
        .bind(status.code())
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(p.provider_id),
                AuditAction::Create,
                AuditEntity::Referral,
                &id,
                service.kind.clone(),
            ),
        )
        .await?;
        tx.commit().await?;
        self.referral(&id).await
    }

    pub async fn referral(&self, id: &str) -> Result<Referral, StoreError> {
        self.fetch_one(
            concat!(
                "SELECT ",
                referral_columns!(),
                " FROM referrals WHERE id = $1"
            ),
            id,
            referral_from_row,
        )
        .await
    }

    /// Referrals of one provider (or all), newest first; `open_only` leaves out done and
    /// declined ones.
    pub async fn referrals(
        &self,
        scope: Option<ProviderId>,
        open_only: bool,
    ) -> Result<Vec<Referral>, StoreError> {
        crate::paging::ListSql::new(referral_columns!(), "referrals")
            .scope("provider_id", scope)
            .when("status NOT IN ('done', 'declined')", open_only)
            .all(self, "referred_on DESC, id DESC", referral_from_row)
            .await
    }

    /// Referrals of one participant, newest first.
    pub async fn referrals_of(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<Referral>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            referral_columns!(),
            " FROM referrals WHERE participant_id = $1 ORDER BY referred_on DESC, id DESC"
        ))
        .bind(participant.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(referral_from_row).collect()
    }

    /// The status history of a referral, oldest first.
    pub async fn referral_history(&self, id: &str) -> Result<Vec<ReferralStep>, StoreError> {
        let rows = sqlx::query(
            "SELECT on_date, from_status, to_status, note, recorded_by FROM referral_events WHERE referral_id = $1 ORDER BY position",
        )
        .bind(id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(step_from_row).collect()
    }

    /// Moves a referral to the status with the code `to`; an unknown code is refused as
    /// `unknown_status`, a move the rule ([`care::move_referral`]) forbids as
    /// `ParseError { field: "status", code: "not_allowed" }`. The note becomes the outcome
    /// note when it is not empty.
    pub async fn set_referral_status(
        &self,
        actor: &Actor,
        id: &str,
        to: &str,
        on: NaiveDate,
        note: &str,
    ) -> Result<Referral, StoreError> {
        let current = self.referral(id).await?;
        let Some(to) = ReferralStatus::parse(to) else {
            return Err(invalid(
                "status",
                "unknown_status",
                "unknown referral status",
            ));
        };
        let to = care::move_referral(current.status, to).map_err(refused)?;
        let note = note.trim();
        if note.chars().count() > 2000 {
            return Err(invalid(
                "note",
                "too_long",
                "the note is too long (at most 2000 characters)",
            ));
        }
        let position: i64 =
            sqlx::query("SELECT COUNT(*) AS n FROM referral_events WHERE referral_id = $1")
                .bind(id)
                .fetch_one(&self.pool)
                .await?
                .try_get("n")?;
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO referral_events (id, referral_id, position, on_date, from_status, to_status, note, recorded_by, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
        )
        .bind(Uuid::now_v7().to_string())
        .bind(id)
        .bind(position)
        .bind(on.to_string())
        .bind(current.status.code())
        .bind(to.code())
        .bind(note)
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        let outcome = if note.is_empty() {
            current.outcome_note.as_str()
        } else {
            note
        };
        sqlx::query(
            "UPDATE referrals SET status = $1, status_changed_on = $2, outcome_note = $3, updated_at = $4 WHERE id = $5",
        )
        .bind(to.code())
        .bind(on.to_string())
        .bind(outcome)
        .bind(&now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(current.provider_id),
                AuditAction::Update,
                AuditEntity::Referral,
                id,
                format!("{} -> {to}", current.status),
            ),
        )
        .await?;
        tx.commit().await?;
        self.referral(id).await
    }
}
