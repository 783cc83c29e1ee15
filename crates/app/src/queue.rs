//! The start page's work queue: what each role has to do now, in a small fixed number of
//! queries (one for trainers, six for everybody else).
//!
//! * Trainers: today's sessions of the cohorts they teach, and the roll calls of the last
//!   [`ROLL_CALL_DAYS`] days that are not complete.
//! * Counsellors, coordinators and the admin: participants without a contact person (the
//!   first [`WITHOUT_CONTACT_SHOWN`] by name, with how many there are),
//!   overdue device loans, cohorts to start (not running yet and starting within
//!   [`START_DAYS`] days, or already past their start), and import previews waiting for a
//!   decision. The queue names participants, so reading it is audited like a list.

use chrono::{Duration, NaiveDate};
use lernweg_domain::PageNo;
use lernweg_domain::access::STAFF;
use lernweg_domain::{CohortStatus, Role};
use lernweg_store::{
    Cohort, ImportJob, ImportStatus, Loan, LoanFilter, ParticipantFilter, ParticipantRecord,
    RollCallSession,
};

use crate::offers::require;
use crate::{App, AppError, Caller};

/// How many of the participants without a contact person the queue names.
pub const WITHOUT_CONTACT_SHOWN: u32 = 20;

/// How far back an incomplete roll call stays in the queue.
pub const ROLL_CALL_DAYS: i64 = 14;
/// How far ahead a cohort counts as "to start".
pub const START_DAYS: i64 = 28;

/// An overdue loan with the name of the participant who has the device.
#[derive(Debug, Clone)]
pub struct OverdueLoan {
    pub loan: Loan,
    pub participant: String,
}

/// What the caller has to do. Lists a role does not work on stay empty.
#[derive(Debug, Clone, Default)]
pub struct WorkQueue {
    /// Today's sessions (trainers).
    pub today: Vec<RollCallSession>,
    /// Sessions before today whose roll call is not complete (trainers).
    pub open_roll_calls: Vec<RollCallSession>,
    /// The first [`WITHOUT_CONTACT_SHOWN`] by name.
    pub without_contact: Vec<ParticipantRecord>,
    /// How many participants have no contact person (with `without_contact_capped`: at
    /// least so many, see [`lernweg_domain::Paged::capped`]).
    pub without_contact_total: u64,
    pub without_contact_capped: bool,
    pub overdue_loans: Vec<OverdueLoan>,
    /// Cohorts not running yet that start soon or should have started, by start.
    pub to_start: Vec<Cohort>,
    /// Import previews waiting to be confirmed or discarded.
    pub imports: Vec<ImportJob>,
}

impl WorkQueue {
    /// Nothing to do.
    pub fn is_empty(&self) -> bool {
        self.today.is_empty()
            && self.open_roll_calls.is_empty()
            && self.without_contact.is_empty()
            && self.overdue_loans.is_empty()
            && self.to_start.is_empty()
            && self.imports.is_empty()
    }
}

/// Whether a cohort is waiting to start on `today`.
fn waits_to_start(c: &Cohort, today: NaiveDate) -> bool {
    matches!(c.status, CohortStatus::Draft | CohortStatus::Published)
        && c.start_date <= today + Duration::days(START_DAYS)
}

/// The caller's work queue (staff only).
pub async fn work_queue(app: &App, caller: &Caller) -> Result<WorkQueue, AppError> {
    let who = &caller.principal;
    require(who, STAFF)?;
    let today = app.today();
    let scope = who.provider_scope();
    if who.role == Role::Trainer {
        let sessions = app
            .store
            .roll_call_overview(
                scope,
                Some(who.user_id),
                today - Duration::days(ROLL_CALL_DAYS),
                today,
            )
            .await?;
        let (today_sessions, before): (Vec<_>, Vec<_>) =
            sessions.into_iter().partition(|s| s.session.date == today);
        return Ok(WorkQueue {
            today: today_sessions,
            open_roll_calls: before.into_iter().filter(|s| !s.complete()).collect(),
            ..WorkQueue::default()
        });
    }
    let without = ParticipantFilter {
        without_contact: true,
        ..ParticipantFilter::default()
    };
    let without = app
        .store
        .participants_page(scope, &without, PageNo::FIRST, WITHOUT_CONTACT_SHOWN)
        .await?;
    let overdue = LoanFilter {
        scope,
        overdue_on: Some(today),
        ..LoanFilter::default()
    };
    let overdue_loans: Vec<OverdueLoan> = app
        .store
        .loans_matching(&overdue)
        .await?
        .into_iter()
        .map(|l| OverdueLoan {
            loan: l.loan,
            participant: l.borrower,
        })
        .collect();
    let mut to_start: Vec<Cohort> = app
        .store
        .cohorts(scope, None)
        .await?
        .into_iter()
        .filter(|c| waits_to_start(c, today))
        .collect();
    to_start.sort_by_key(|c| c.start_date);
    let imports = app
        .store
        .import_jobs(scope)
        .await?
        .into_iter()
        .filter(|j| j.status == ImportStatus::Previewed)
        .collect();
    let queue = WorkQueue {
        without_contact: without.items,
        without_contact_total: without.total,
        without_contact_capped: without.capped,
        overdue_loans,
        to_start,
        imports,
        ..WorkQueue::default()
    };
    let named = queue.without_contact.len() + queue.overdue_loans.len();
    if named > 0 {
        crate::participants::audit_list(
            app,
            caller,
            scope,
            format!("page: start (work queue, {named} entries)"),
        )
        .await?;
    }
    Ok(queue)
}
