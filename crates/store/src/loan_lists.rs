//! The lists of the device-loan page and API that can grow (issue 12): the inventory with each
//! device's open loan and borrower, and the loans with their device and borrower, each in one
//! statement (joins, no query per row), paged or after a cursor.

use chrono::NaiveDate;
use lernweg_domain::paging::PAGE_SIZE;
use lernweg_domain::{Cursor, Limit, PageNo, Paged, ProviderId, Search, Slice};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::cohorts::parse_date;
use crate::loans::{Device, Loan, device_from_row, loan_from_row};
use crate::paging::ListSql;
use crate::{Store, StoreError};

/// A device with its open loan (none while available or inactive) and the borrower's name.
#[derive(Debug, Clone)]
pub struct DeviceListed {
    pub device: Device,
    pub open_loan: Option<Loan>,
    /// "Given Family" of the borrower of the open loan.
    pub borrower: Option<String>,
}

/// A loan with its device's label and the borrower's name.
#[derive(Debug, Clone)]
pub struct LoanListed {
    pub loan: Loan,
    pub device_label: String,
    pub borrower: String,
}

/// What the inventory lists are narrowed to.
#[derive(Debug, Clone, Default)]
pub struct DeviceFilter {
    /// A provider's devices; `None` for all.
    pub scope: Option<ProviderId>,
    /// One of `DEVICE_KINDS`.
    pub kind: Option<String>,
    /// `Some(true)`: only devices on an open loan; `Some(false)`: only those that are not.
    pub lent: Option<bool>,
    /// Only devices that can be lent now (active, not on an open loan).
    pub available: bool,
    /// In the label, the serial number or the borrower's name.
    pub search: Option<Search>,
}

/// What the loan lists are narrowed to.
#[derive(Debug, Clone, Default)]
pub struct LoanFilter {
    /// A provider's loans; `None` for all.
    pub scope: Option<ProviderId>,
    /// The device's kind.
    pub kind: Option<String>,
    /// `Some(true)`: open loans; `Some(false)`: returned ones.
    pub open: Option<bool>,
    /// Only open loans due before this day (overdue on it).
    pub overdue_on: Option<NaiveDate>,
    /// In the device's label or serial number or the borrower's name.
    pub search: Option<Search>,
}

const DEVICE_SELECT: &str = "d.id, d.provider_id, d.kind, d.label, d.serial, d.note, d.active, \
     d.created_at, l.id AS loan_id, l.participant_id, l.lent_on, l.due_on, l.note AS loan_note, \
     p.given_name, p.family_name";
const DEVICE_FROM: &str = "devices d \
     LEFT JOIN device_loans l ON l.device_id = d.id AND l.returned_on IS NULL \
     LEFT JOIN participants p ON p.id = l.participant_id";
const LOAN_SELECT: &str = "l.id, l.provider_id, l.device_id, l.participant_id, l.lent_on, \
     l.due_on, l.returned_on, l.note, d.label AS device_label, p.given_name, p.family_name";
const LOAN_FROM: &str = "device_loans l JOIN devices d ON d.id = l.device_id \
     JOIN participants p ON p.id = l.participant_id";
const SEARCHED: [&str; 4] = ["d.label", "d.serial", "p.given_name", "p.family_name"];

impl DeviceFilter {
    fn list(&self) -> ListSql {
        ListSql::new(DEVICE_SELECT, DEVICE_FROM)
            .scope("d.provider_id", self.scope)
            .filter("d.kind = {}", self.kind.clone())
            .when("l.id IS NOT NULL", self.lent == Some(true))
            .when("l.id IS NULL", self.lent == Some(false) || self.available)
            .when("d.active = 1", self.available)
            .search(&SEARCHED, self.search.as_ref())
    }
}

impl LoanFilter {
    fn list(&self) -> ListSql {
        ListSql::new(LOAN_SELECT, LOAN_FROM)
            .scope("l.provider_id", self.scope)
            .filter("d.kind = {}", self.kind.clone())
            .when("l.returned_on IS NULL", self.open == Some(true))
            .when("l.returned_on IS NOT NULL", self.open == Some(false))
            .filter(
                "l.returned_on IS NULL AND l.due_on < {}",
                self.overdue_on.map(|d| d.to_string()),
            )
            .search(&SEARCHED, self.search.as_ref())
    }
}

fn name_of(r: &AnyRow) -> Result<Option<String>, StoreError> {
    let given: Option<String> = r.try_get("given_name")?;
    let family: Option<String> = r.try_get("family_name")?;
    Ok(given.map(|g| format!("{g} {}", family.unwrap_or_default())))
}

fn device_listed(r: &AnyRow) -> Result<DeviceListed, StoreError> {
    let device = device_from_row(r)?;
    let open_loan = match r.try_get::<Option<String>, _>("loan_id")? {
        Some(id) => Some(Loan {
            id,
            provider_id: device.provider_id,
            device_id: device.id.clone(),
            participant_id: lernweg_domain::ParticipantId::parse(
                &r.try_get::<String, _>("participant_id")?,
            )
            .map_err(|e| StoreError::corrupt("device_loans", e))?,
            lent_on: parse_date("device_loans", &r.try_get::<String, _>("lent_on")?)?,
            due_on: parse_date("device_loans", &r.try_get::<String, _>("due_on")?)?,
            returned_on: None,
            note: r.try_get("loan_note")?,
        }),
        None => None,
    };
    Ok(DeviceListed {
        borrower: name_of(r)?,
        device,
        open_loan,
    })
}

fn loan_listed(r: &AnyRow) -> Result<LoanListed, StoreError> {
    Ok(LoanListed {
        loan: loan_from_row(r)?,
        device_label: r.try_get("device_label")?,
        borrower: name_of(r)?.unwrap_or_default(),
    })
}

impl Store {
    /// One page of the devices that match, by label.
    pub async fn device_page(
        &self,
        filter: &DeviceFilter,
        page: PageNo,
    ) -> Result<Paged<DeviceListed>, StoreError> {
        filter
            .list()
            .page(self, "d.label, d.id", page, PAGE_SIZE, device_listed)
            .await
    }

    /// The devices that match after `cursor`, by label: at most `limit`.
    pub async fn devices_after(
        &self,
        filter: &DeviceFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<DeviceListed>, StoreError> {
        filter
            .list()
            .after(
                self,
                Some("d.label"),
                "d.id",
                false,
                cursor,
                limit,
                device_listed,
                |d| Cursor::new(d.device.label.clone(), d.device.id.clone()),
            )
            .await
    }

    /// Every device that matches, by label (for a short list such as the devices that can be
    /// lent now).
    pub async fn devices_matching(
        &self,
        filter: &DeviceFilter,
    ) -> Result<Vec<DeviceListed>, StoreError> {
        filter
            .list()
            .all(self, "d.label, d.id", device_listed)
            .await
    }

    /// Every loan that matches, by due date (for the overdue list).
    pub async fn loans_matching(&self, filter: &LoanFilter) -> Result<Vec<LoanListed>, StoreError> {
        filter.list().all(self, "l.due_on, l.id", loan_listed).await
    }

    /// The loans that match after `cursor`, by due date: at most `limit`.
    pub async fn loans_after(
        &self,
        filter: &LoanFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<LoanListed>, StoreError> {
        filter
            .list()
            .after(
                self,
                Some("l.due_on"),
                "l.id",
                false,
                cursor,
                limit,
                loan_listed,
                |l| Cursor::new(l.loan.due_on.to_string(), l.loan.id.clone()),
            )
            .await
    }
}
