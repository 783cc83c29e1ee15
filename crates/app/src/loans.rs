//! Device loans (MISSION §2.1): the inventory of a provider, lending devices to participants
//! and their return. The rules of lending (one open loan per device, dates, an active device,
//! a participant of the device's provider) are the store's and `lernweg_participants::care`'s;
//! here are tenancy, "today" and the audit of views.
//!
//! Device and loan ids are strings (UUIDs written by the store); there are no domain id types
//! for them. An id that names no record, or a record of another provider, is
//! [`AppError::NotFound`].

use chrono::NaiveDate;
use lernweg_domain::{
    Cursor, Limit, PageNo, Paged, ParseError, ParticipantId, Principal, ProviderId, Search, Slice,
};
use lernweg_store::{
    AuditAction, AuditEntity, Device, DeviceFilter, Loan, LoanFilter, NewDevice, NewLoan,
};

pub use lernweg_store::{DeviceListed, LoanListed};

use crate::{App, AppError, Caller, refusals};

/// A loan and whether it is overdue as of the clock's today.
#[derive(Debug, Clone)]
pub struct LoanOnDay {
    pub loan: Loan,
    pub overdue: bool,
}

/// What a lending asks for. `lent_on` is today when absent.
#[derive(Debug, Clone)]
pub struct Lending {
    pub device_id: String,
    pub participant_id: ParticipantId,
    pub lent_on: Option<NaiveDate>,
    pub due_on: NaiveDate,
    pub note: String,
}

/// A device the caller may see (another provider's: `NotFound`).
pub async fn visible_device(app: &App, who: &Principal, id: &str) -> Result<Device, AppError> {
    let device = app.store.device(id).await?;
    refusals::ensure_provider(
        app,
        who,
        device.provider_id,
        lernweg_store::AuditEntity::Device,
        &device.id,
    )
    .await?;
    Ok(device)
}

/// A loan the caller may see (another provider's: `NotFound`).
pub async fn visible_loan(app: &App, who: &Principal, id: &str) -> Result<Loan, AppError> {
    let loan = app.store.loan(id).await?;
    refusals::ensure_provider(
        app,
        who,
        loan.provider_id,
        lernweg_store::AuditEntity::DeviceLoan,
        &loan.id,
    )
    .await?;
    Ok(loan)
}

/// The provider a new device belongs to: the caller's own; the admin, who belongs to no
/// provider, names one (without it: `provider_id` `required`).
pub fn device_provider(who: &Principal, named: Option<ProviderId>) -> Result<ProviderId, AppError> {
    who.provider_scope().or(named).ok_or_else(|| {
        AppError::invalid(ParseError::new(
            "provider_id",
            "required",
            "the admin names the provider",
        ))
    })
}

/// What an inventory list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct DeviceQuery {
    pub kind: Option<String>,
    /// Only devices on an open loan (`true`) or not (`false`).
    pub lent: Option<bool>,
    /// In the label, the serial number or the borrower's name.
    pub search: Option<Search>,
}

impl DeviceQuery {
    fn filter(&self, who: &Principal) -> DeviceFilter {
        DeviceFilter {
            scope: who.provider_scope(),
            kind: self.kind.clone(),
            lent: self.lent,
            available: false,
            search: self.search.clone(),
        }
    }
}

/// One page of the inventory of the caller's provider (all for the admin), by label, each
/// device with its open loan and borrower.
pub async fn device_page(
    app: &App,
    who: &Principal,
    query: &DeviceQuery,
    page: PageNo,
) -> Result<Paged<DeviceListed>, AppError> {
    Ok(app.store.device_page(&query.filter(who), page).await?)
}

/// The inventory of the caller's provider (all for the admin) after `cursor`, by label.
pub async fn devices_after(
    app: &App,
    who: &Principal,
    query: &DeviceQuery,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<DeviceListed>, AppError> {
    Ok(app
        .store
        .devices_after(&query.filter(who), cursor, limit)
        .await?)
}

/// The devices of the caller's provider (all for the admin) that can be lent now, by label.
pub async fn available_devices(app: &App, who: &Principal) -> Result<Vec<Device>, AppError> {
    let filter = DeviceFilter {
        scope: who.provider_scope(),
        available: true,
        ..DeviceFilter::default()
    };
    Ok(app
        .store
        .devices_matching(&filter)
        .await?
        .into_iter()
        .map(|d| d.device)
        .collect())
}

/// Adds a device to the inventory of the caller's provider (the admin names the provider).
pub async fn create_device(
    app: &App,
    caller: &Caller,
    named: Option<ProviderId>,
    new: NewDevice,
) -> Result<Device, AppError> {
    let provider = device_provider(&caller.principal, named)?;
    let new = NewDevice {
        kind: new.kind.trim().to_owned(),
        ..new
    };
    Ok(app
        .store
        .create_device(&caller.actor, provider, new)
        .await?)
}

/// What a loan list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct LoanQuery {
    /// The device's kind.
    pub kind: Option<String>,
    /// Open loans (`true`) or returned ones (`false`).
    pub open: Option<bool>,
    /// In the device's label or serial number or the borrower's name.
    pub search: Option<Search>,
}

/// A loan view names participants, so it is audited; `seen_by` names the way in for the
/// audit log (`"page: loans"`, `"api: loans"`).
async fn audit_view(app: &App, caller: &Caller, seen_by: &str) -> Result<(), AppError> {
    let scope = caller.principal.provider_scope();
    app.store
        .audit_read(&caller.actor.entry(
            scope,
            AuditAction::View,
            AuditEntity::DeviceLoans,
            scope.map(|p| p.to_string()).unwrap_or_else(|| "all".into()),
            seen_by,
        ))
        .await?;
    Ok(())
}

/// The overdue loans of the caller's provider (all for the admin) as of today, by due date,
/// with device and borrower. Audited as the view of the loans page.
pub async fn overdue(
    app: &App,
    caller: &Caller,
    seen_by: &str,
) -> Result<Vec<LoanListed>, AppError> {
    audit_view(app, caller, seen_by).await?;
    let filter = LoanFilter {
        scope: caller.principal.provider_scope(),
        overdue_on: Some(app.today()),
        ..LoanFilter::default()
    };
    Ok(app.store.loans_matching(&filter).await?)
}

/// The loans of the caller's provider (all for the admin) that match after `cursor`, by due
/// date, each with its overdue flag as of today. Audited.
pub async fn loans_after(
    app: &App,
    caller: &Caller,
    query: &LoanQuery,
    cursor: Option<&Cursor>,
    limit: Limit,
    seen_by: &str,
) -> Result<Slice<LoanOnDay>, AppError> {
    audit_view(app, caller, seen_by).await?;
    let filter = LoanFilter {
        scope: caller.principal.provider_scope(),
        kind: query.kind.clone(),
        open: query.open,
        overdue_on: None,
        search: query.search.clone(),
    };
    let today = app.today();
    Ok(app
        .store
        .loans_after(&filter, cursor, limit)
        .await?
        .map(|l| LoanOnDay {
            overdue: l.loan.is_overdue(today),
            loan: l.loan,
        }))
}

/// Lends a device the caller may see to a participant of its provider. Refusals (inactive or
/// lent device, a participant of another provider, `due_on` before `lent_on`) are `Invalid`.
pub async fn lend(app: &App, caller: &Caller, lending: Lending) -> Result<Loan, AppError> {
    let device = visible_device(app, &caller.principal, lending.device_id.trim()).await?;
    let new = NewLoan {
        device_id: device.id,
        participant_id: lending.participant_id,
        lent_on: lending.lent_on.unwrap_or_else(|| app.today()),
        due_on: lending.due_on,
        note: lending.note,
    };
    Ok(app.store.lend_device(&caller.actor, new).await?)
}

/// Records the return of a loan the caller may see, on `returned_on` or today.
pub async fn return_loan(
    app: &App,
    caller: &Caller,
    id: &str,
    returned_on: Option<NaiveDate>,
) -> Result<Loan, AppError> {
    let loan = visible_loan(app, &caller.principal, id).await?;
    let on = returned_on.unwrap_or_else(|| app.today());
    Ok(app.store.return_loan(&caller.actor, &loan.id, on).await?)
}
