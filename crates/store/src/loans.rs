//! Device loans (MISSION §2.1): the provider's inventory of devices and the loans of those
//! devices to participants. A device is on at most one open loan. Lending and returning follow
//! the rules of [`lernweg_participants::care`] (device and loan statuses, dates).

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::{ParseError, ParticipantId, ProviderId};
use lernweg_participants::care::{self, DeviceStatus, LoanStatus};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::referrals::refused;
use crate::{Store, StoreError, time};

/// The kinds of device a provider lends.
pub const DEVICE_KINDS: &[&str] = &["laptop", "tablet", "router", "headset", "other"];

#[derive(Debug, Clone, Serialize)]
pub struct Device {
    pub id: String,
    pub provider_id: ProviderId,
    /// One of [`DEVICE_KINDS`].
    pub kind: String,
    pub label: String,
    pub serial: String,
    pub note: String,
    pub active: bool,
    pub created_at: DateTime<Utc>,
}

impl Device {
    /// `lent` while on an open loan, else `available` or `inactive` by the inventory flag.
    pub fn status(&self, on_open_loan: bool) -> DeviceStatus {
        DeviceStatus::of(self.active, on_open_loan)
    }
}

#[derive(Debug, Clone)]
pub struct NewDevice {
    pub kind: String,
    pub label: String,
    pub serial: String,
    pub note: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Loan {
    pub id: String,
    pub provider_id: ProviderId,
    pub device_id: String,
    pub participant_id: ParticipantId,
    pub lent_on: NaiveDate,
    pub due_on: NaiveDate,
    pub returned_on: Option<NaiveDate>,
    pub note: String,
}

impl Loan {
    pub fn status(&self) -> LoanStatus {
        LoanStatus::of(self.returned_on)
    }

    pub fn is_open(&self) -> bool {
        self.status() == LoanStatus::Open
    }

    /// An open loan whose due date lies before `today`.
    pub fn is_overdue(&self, today: NaiveDate) -> bool {
        care::is_overdue(self.status(), self.due_on, today)
    }
}

#[derive(Debug, Clone)]
pub struct NewLoan {
    pub device_id: String,
    pub participant_id: ParticipantId,
    pub lent_on: NaiveDate,
    pub due_on: NaiveDate,
    pub note: String,
}

pub(crate) fn device_from_row(r: &AnyRow) -> Result<Device, StoreError> {
    Ok(Device {
        id: r.try_get("id")?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?)
            .map_err(|e| StoreError::corrupt("devices", e))?,
        kind: r.try_get("kind")?,
        label: r.try_get("label")?,
        serial: r.try_get("serial")?,
        note: r.try_get("note")?,
        active: r.try_get::<i64, _>("active")? != 0,
        created_at: time::parse("devices", &r.try_get::<String, _>("created_at")?)?,
    })
}

pub(crate) fn loan_from_row(r: &AnyRow) -> Result<Loan, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("device_loans", e);
    Ok(Loan {
        id: r.try_get("id")?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?).map_err(bad)?,
        device_id: r.try_get("device_id")?,
        participant_id: ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
            .map_err(bad)?,
        lent_on: parse_date("device_loans", &r.try_get::<String, _>("lent_on")?)?,
        due_on: parse_date("device_loans", &r.try_get::<String, _>("due_on")?)?,
        returned_on: r
            .try_get::<Option<String>, _>("returned_on")?
            .map(|s| parse_date("device_loans", &s))
            .transpose()?,
        note: r.try_get("note")?,
    })
}

macro_rules! device_columns {
    () => {
        "id, provider_id, kind, label, serial, note, active, created_at"
    };
}

macro_rules! loan_columns {
    () => {
        "id, provider_id, device_id, participant_id, lent_on, due_on, returned_on, note"
    };
}

fn invalid(field: &'static str, code: &'static str, message: &str) -> StoreError {
    StoreError::Invalid(ParseError::new(field, code, message))
}

impl Store {
    pub async fn create_device(
        &self,
        actor: &Actor,
        provider: ProviderId,
        new: NewDevice,
    ) -> Result<Device, StoreError> {
        self.provider(provider).await?;
        if !DEVICE_KINDS.contains(&new.kind.as_str()) {
            return Err(invalid(
                "kind",
                "unknown_kind",
                "expected laptop, tablet, router, headset or other",
            ));
        }
        let label = new.label.trim();
        if label.is_empty() {
            return Err(invalid("label", "required", "a label is required"));
        }
        if label.chars().count() > 120 {
            return Err(invalid("label", "too_long", "at most 120 characters"));
        }
        let id = Uuid::now_v7().to_string();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO devices (id, provider_id, kind, label, serial, note, active, created_at) VALUES ($1, $2, $3, $4, $5, $6, 1, $7)",
        )
        .bind(&id)
        .bind(provider.to_string())
        .bind(&new.kind)
        .bind(label)
        .bind(new.serial.trim())
        .bind(new.note.trim())
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Create,
                AuditEntity::Device,
                &id,
                "",
            ),
        )
        .await?;
        tx.commit().await?;
        self.device(&id).await
    }

    pub async fn device(&self, id: &str) -> Result<Device, StoreError> {
        self.fetch_one(
            concat!("SELECT ", device_columns!(), " FROM devices WHERE id = $1"),
            id,
            device_from_row,
        )
        .await
    }

    /// Devices of one provider (or all), by label.
    pub async fn devices(&self, scope: Option<ProviderId>) -> Result<Vec<Device>, StoreError> {
        crate::paging::ListSql::new(device_columns!(), "devices")
            .scope("provider_id", scope)
            .all(self, "label, id", device_from_row)
            .await
    }

    /// Takes a device out of (or back into) the inventory; an inactive device cannot be lent.
    pub async fn set_device_active(
        &self,
        actor: &Actor,
        id: &str,
        active: bool,
    ) -> Result<Device, StoreError> {
        let device = self.device(id).await?;
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE devices SET active = $1 WHERE id = $2")
            .bind(i64::from(active))
            .bind(id)
            .execute(&mut *tx)
            .await?;
        let detail = if active { "active" } else { "inactive" };
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(device.provider_id),
                AuditAction::Update,
                AuditEntity::Device,
                id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.device(id).await
    }

    /// Lends a device to a participant of the same provider. Refuses a participant of another
    /// provider, then what [`care::lend`] refuses: an inactive device, `due_on < lent_on`, a
    /// device already on an open loan.
    pub async fn lend_device(&self, actor: &Actor, new: NewLoan) -> Result<Loan, StoreError> {
        let device = self.device(&new.device_id).await?;
        let participant = match self.participant(new.participant_id).await {
            Ok(p) => p,
            Err(StoreError::NotFound) => {
                return Err(invalid(
                    "participant_id",
                    "unknown_participant",
                    "no such participant",
                ));
            }
            Err(e) => return Err(e),
        };
        if participant.provider_id != device.provider_id {
            return Err(invalid(
                "participant_id",
                "unknown_participant",
                "no such participant",
            ));
        }
        let on_open_loan = self.open_loan_of(&device.id).await?.is_some();
        care::lend(device.active, on_open_loan, new.lent_on, new.due_on).map_err(refused)?;
        let already_lent = || refused(care::CareRefusal::DeviceLent);
        let id = Uuid::now_v7().to_string();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO device_loans (id, provider_id, device_id, participant_id, lent_on, due_on, returned_on, note, created_at) VALUES ($1, $2, $3, $4, $5, $6, NULL, $7, $8)",
        )
        .bind(&id)
        .bind(device.provider_id.to_string())
        .bind(&device.id)
        .bind(participant.id.to_string())
        .bind(new.lent_on.to_string())
        .bind(new.due_on.to_string())
        .bind(new.note.trim())
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| match StoreError::unique_as(e, "device_lent") {
            StoreError::Conflict(_) => already_lent(),
            other => other,
        })?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(device.provider_id),
                AuditAction::Create,
                AuditEntity::DeviceLoan,
                &id,
                format!("device {}", device.id),
            ),
        )
        .await?;
        tx.commit().await?;
        self.loan(&id).await
    }

    /// Records the return of an open loan; `returned_on` must not lie before `lent_on`
    /// ([`care::give_back`]).
    pub async fn return_loan(
        &self,
        actor: &Actor,
        id: &str,
        returned_on: NaiveDate,
    ) -> Result<Loan, StoreError> {
        let loan = self.loan(id).await?;
        care::give_back(loan.status(), loan.lent_on, returned_on).map_err(refused)?;
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE device_loans SET returned_on = $1 WHERE id = $2 AND returned_on IS NULL",
        )
        .bind(returned_on.to_string())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(loan.provider_id),
                AuditAction::Update,
                AuditEntity::DeviceLoan,
                id,
                "returned",
            ),
        )
        .await?;
        tx.commit().await?;
        self.loan(id).await
    }

    pub async fn loan(&self, id: &str) -> Result<Loan, StoreError> {
        self.fetch_one(
            concat!(
                "SELECT ",
                loan_columns!(),
                " FROM device_loans WHERE id = $1"
            ),
            id,
            loan_from_row,
        )
        .await
    }

    /// The open loan of a device, if any.
    pub async fn open_loan_of(&self, device_id: &str) -> Result<Option<Loan>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            loan_columns!(),
            " FROM device_loans WHERE device_id = $1 AND returned_on IS NULL"
        ))
        .bind(device_id)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(loan_from_row).transpose()
    }

    /// Loans of one provider (or all): open ones first by due date, then returned ones.
    pub async fn loans(&self, scope: Option<ProviderId>) -> Result<Vec<Loan>, StoreError> {
        crate::paging::ListSql::new(loan_columns!(), "device_loans")
            .scope("provider_id", scope)
            .all(
                self,
                "CASE WHEN returned_on IS NULL THEN 0 ELSE 1 END, due_on, id",
                loan_from_row,
            )
            .await
    }

    /// Loans of one participant, newest first (for the data-protection export).
    pub async fn loans_of(&self, participant: ParticipantId) -> Result<Vec<Loan>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            loan_columns!(),
            " FROM device_loans WHERE participant_id = $1 ORDER BY lent_on DESC, id DESC"
        ))
        .bind(participant.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(loan_from_row).collect()
    }

    /// Open loans of one provider (or all) whose due date lies before `today`.
    pub async fn overdue_loans(
        &self,
        scope: Option<ProviderId>,
        today: NaiveDate,
    ) -> Result<Vec<Loan>, StoreError> {
        let filter = crate::LoanFilter {
            scope,
            overdue_on: Some(today),
            ..crate::LoanFilter::default()
        };
        Ok(self
            .loans_matching(&filter)
            .await?
            .into_iter()
            .map(|l| l.loan)
            .collect())
    }
}
