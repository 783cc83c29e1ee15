//! Device loans (MISSION §2.1): the inventory of a provider, lending devices to participants
//! and their return. The rules of lending (one open loan per device, dates, an active device,
//! a participant of the device's provider) are the store's and `lernweg_participants::care`'s;
//! here are tenancy, "today" and the audit of views.
//!
//! Device and loan ids are strings (UUIDs written by the store); there are no domain id types
//! for them. An id that names no record, or a record of another provider, is
//! [`AppError::NotFound`].

use chrono::NaiveDate;
use lernweg_domain::{ParseError, ParticipantId, Principal, ProviderId};
use lernweg_store::{AuditAction, AuditEntity, Device, Loan, NewDevice, NewLoan};

use crate::{App, AppError, Caller, refusals};

/// A device with its open loan (none while it is available or inactive).
#[derive(Debug, Clone)]
pub struct DeviceOnLoan {
    pub device: Device,
    pub open_loan: Option<Loan>,
}

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

/// The inventory of the caller's provider (all for the admin), by label, each device with its
/// open loan.
pub async fn devices(app: &App, who: &Principal) -> Result<Vec<DeviceOnLoan>, AppError> {
    let scope = who.provider_scope();
    let mut open: Vec<Loan> = app
        .store
        .loans(scope)
        .await?
        .into_iter()
        .filter(Loan::is_open)
        .collect();
    let devices = app.store.devices(scope).await?;
    Ok(devices
        .into_iter()
        .map(|device| {
            let open_loan = open
                .iter()
                .position(|l| l.device_id == device.id)
                .map(|at| open.swap_remove(at));
            DeviceOnLoan { device, open_loan }
        })
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

/// The loans of the caller's provider (all for the admin), open ones first by due date, each
/// with its overdue flag as of today. The view names participants, so it is audited;
/// `seen_by` names the way in for the audit log (`"page: loans"`, `"api: loans"`).
pub async fn loans(app: &App, caller: &Caller, seen_by: &str) -> Result<Vec<LoanOnDay>, AppError> {
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
    let today = app.today();
    Ok(app
        .store
        .loans(scope)
        .await?
        .into_iter()
        .map(|loan| LoanOnDay {
            overdue: loan.is_overdue(today),
            loan,
        })
        .collect())
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
