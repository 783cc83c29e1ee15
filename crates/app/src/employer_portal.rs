//! The employers' side (issue 13, point 2; MISSION §2.2): a contact person of an employer
//! signs in (role `employer`, by invitation) and sees what the employees' consent
//! `employer_contact` allows — the dates and times of the sessions of each actively linked
//! employee's cohorts, draft dates marked as drafts — and the employer's calendar link.
//! Never counselling, readiness, health, attendance or contact-log data: this module reads
//! none of it. Each read of the employees' dates is audited per employee.

use chrono::NaiveDate;
use lernweg_domain::access::{COUNSELLING, EMPLOYER};
use lernweg_domain::{CohortStatus, EmployerContactId, EmployerId, ParticipantId};
use lernweg_store::{
    AuditAction, AuditEntity, EmployerContact, EmployerRecord, FeedKind, FeedToken, IssuedFeed,
    ReleaseAgreement, SessionRecord, SessionStatus,
};

use crate::feeds::{FeedCohort, employee_cohorts, feed_cohorts};
use crate::offers::require;
use crate::{App, AppError, Caller};

/// One date of an employee.
#[derive(Debug, Clone)]
pub struct EmployeeDate {
    pub session: SessionRecord,
    pub offer_title: String,
    pub cohort_name: String,
    /// The cohort is still being planned: the date may move.
    pub draft: bool,
    pub cancelled: bool,
}

/// An employee with their coming dates, earliest first.
#[derive(Debug, Clone)]
pub struct EmployeeDates {
    pub participant_id: ParticipantId,
    pub name: String,
    pub dates: Vec<EmployeeDate>,
}

/// What `/betrieb` shows.
#[derive(Debug, Clone)]
pub struct EmployerView {
    pub employer: EmployerRecord,
    pub contact: EmployerContact,
    pub today: NaiveDate,
    pub employees: Vec<EmployeeDates>,
    /// The employer's live calendar link (its secret is kept, see `FeedKind::Employer`).
    pub feed: Option<FeedToken>,
    /// Release agreements addressed to the employer for its linked employees, newest first.
    pub releases: Vec<ReleaseAgreement>,
}

/// The employer and contact person an employer account belongs to (`NotFound`: none, or
/// the contact was removed).
pub async fn own(
    app: &App,
    caller: &Caller,
    contact: Option<EmployerContactId>,
) -> Result<(EmployerRecord, EmployerContact), AppError> {
    require(&caller.principal, EMPLOYER)?;
    let (employer, contact) = app
        .store
        .employer_contact(contact.ok_or(AppError::NotFound)?)
        .await?;
    caller.ensure_provider(employer.provider_id)?;
    Ok((employer, contact))
}

/// The employer's page: each actively linked employee with their dates from today on.
pub async fn view(
    app: &App,
    caller: &Caller,
    contact: Option<EmployerContactId>,
) -> Result<EmployerView, AppError> {
    let (employer, contact) = own(app, caller, contact).await?;
    let today = app.today();
    let links = app.store.employments_of_employer(employer.id).await?;
    let (away, cohorts) = employee_cohorts(app, employer.id).await?;
    let cohorts = feed_cohorts(app, cohorts, &mut Vec::new()).await?;
    let mut employees = Vec::new();
    for link in links.iter().filter(|l| l.is_active()) {
        if employees
            .iter()
            .any(|e: &EmployeeDates| e.participant_id == link.participant_id)
        {
            continue;
        }
        let name = format!("{} {}", link.given_name, link.family_name);
        let mut dates: Vec<EmployeeDate> = cohorts
            .iter()
            .filter(|c| {
                away.iter()
                    .any(|(id, names)| *id == c.cohort.id && names.contains(&name))
            })
            .flat_map(|c| dates_of(c, today))
            .collect();
        dates.sort_by_key(|d| (d.session.date, d.session.start));
        app.store
            .audit_read(&caller.actor.entry(
                Some(employer.provider_id),
                AuditAction::View,
                AuditEntity::Participant,
                link.participant_id,
                "employer: dates",
            ))
            .await?;
        employees.push(EmployeeDates {
            participant_id: link.participant_id,
            name,
            dates,
        });
    }
    let feed = employer_feed(app, employer.id).await?;
    let releases = crate::release::for_employer(app, &employer).await?;
    Ok(EmployerView {
        employer,
        contact,
        today,
        employees,
        feed,
        releases,
    })
}

fn dates_of(c: &FeedCohort, today: NaiveDate) -> Vec<EmployeeDate> {
    c.sessions
        .iter()
        .filter(|f| f.session.date >= today)
        .map(|f| EmployeeDate {
            session: f.session.clone(),
            offer_title: c.offer_title.clone(),
            cohort_name: c.cohort.name.clone(),
            draft: c.cohort.status == CohortStatus::Draft,
            cancelled: f.session.status == SessionStatus::Cancelled,
        })
        .collect()
}

/// The live calendar link of an employer, if there is one.
pub async fn employer_feed(app: &App, employer: EmployerId) -> Result<Option<FeedToken>, AppError> {
    Ok(app
        .store
        .live_feed(FeedKind::Employer, &employer.to_string())
        .await?)
}

/// A new calendar link for the employer; the old one stops working. The employer's own
/// contact people and the counselling staff of its provider may do it.
pub async fn renew_feed(
    app: &App,
    caller: &Caller,
    employer: &EmployerRecord,
) -> Result<IssuedFeed, AppError> {
    ensure_feed_keeper(caller, employer)?;
    let target = employer.id.to_string();
    Ok(app
        .store
        .renew_feed_of(
            &caller.actor,
            FeedKind::Employer,
            &target,
            employer.provider_id,
        )
        .await?)
}

/// The employer's calendar link stops working (until a new one is made).
pub async fn revoke_feed(
    app: &App,
    caller: &Caller,
    employer: &EmployerRecord,
) -> Result<u64, AppError> {
    ensure_feed_keeper(caller, employer)?;
    let target = employer.id.to_string();
    Ok(app
        .store
        .revoke_feeds_of(
            &caller.actor,
            FeedKind::Employer,
            &target,
            employer.provider_id,
        )
        .await?)
}

fn ensure_feed_keeper(caller: &Caller, employer: &EmployerRecord) -> Result<(), AppError> {
    if !EMPLOYER.permits(Some(caller.principal.role)) {
        require(&caller.principal, COUNSELLING)?;
    }
    caller.ensure_provider(employer.provider_id)
}
