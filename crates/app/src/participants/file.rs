//! The participant's file: everything stored about one participant that the caller may read,
//! in one read. The participant page, the data-protection Auskunft (page and PDF) and the API
//! export are built from it, so they show the same data under the same rules (contact notes
//! only for the provider's coordinators and counsellors, GDPR Art. 15).

use std::collections::HashMap;

use lernweg_domain::ParticipantId;
use lernweg_participants::{Progress, ProgressRules};
use lernweg_store::{
    Cohort, ConsentRecord, ContactEntry, CounsellingService, Device, Enrolment, EnrolmentStep,
    Loan, OfferRecord, ParticipantRecord, ProgressEntry, Provider, ReadinessRecord, Referral,
    ReferralStep, StoreError, User, WorkPatternRecord,
};

use crate::attendance::{Attended, attendance_of};
use crate::{App, AppError, Caller};

/// One enrolment with its cohort, the cohort's offer, the status history, the attendance
/// recorded, the staff's progress entries and the progress as of today (default rules).
#[derive(Debug, Clone)]
pub struct EnrolmentFile {
    pub enrolment: Enrolment,
    pub cohort: Cohort,
    pub offer: OfferRecord,
    pub history: Vec<EnrolmentStep>,
    pub attendance: Vec<Attended>,
    pub entries: Vec<ProgressEntry>,
    pub progress: Progress,
}

/// A loan with its device (`None`: the device was deleted since).
#[derive(Debug, Clone)]
pub struct LoanFile {
    pub loan: Loan,
    pub device: Option<Device>,
}

/// A referral with its counselling service (`None`: deleted since) and its status history.
#[derive(Debug, Clone)]
pub struct ReferralFile {
    pub referral: Referral,
    pub service: Option<CounsellingService>,
    pub history: Vec<ReferralStep>,
}

/// Everything stored about one participant, as the caller may read it.
#[derive(Debug, Clone)]
pub struct ParticipantFile {
    pub record: ParticipantRecord,
    pub provider: Provider,
    /// The contact person; `None` when none is set or the account no longer exists.
    pub contact_person: Option<User>,
    /// Display names of the provider's staff by user id, for the log and the checks.
    pub staff: HashMap<String, String>,
    pub consents: Vec<ConsentRecord>,
    /// The contact log, newest first; each note is empty unless [`Self::notes_shown`].
    pub contacts: Vec<ContactEntry>,
    /// Whether the caller may read the contact notes (the provider's coordinators and
    /// counsellors; not the admin).
    pub notes_shown: bool,
    pub checks: Vec<ReadinessRecord>,
    pub enrolments: Vec<EnrolmentFile>,
    pub loans: Vec<LoanFile>,
    pub referrals: Vec<ReferralFile>,
    pub work: Option<WorkPatternRecord>,
}

impl ParticipantFile {
    /// The display name of a staff member (by user id), empty for an unknown one.
    pub fn staff_name(&self, id: Option<&str>) -> String {
        id.and_then(|id| self.staff.get(id).cloned())
            .unwrap_or_default()
    }
}

/// Whether the contact notes are to be read with the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notes {
    /// When the caller may read them.
    IfAllowed,
    /// Never (the reader shows no notes).
    Never,
}

/// Reads the file of a participant the caller may see (another provider's: `NotFound`) and
/// writes the view audit entries: `what`, and "contact notes" when the notes are included.
pub async fn read(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    what: &str,
    notes: Notes,
) -> Result<ParticipantFile, AppError> {
    let record = super::visible(app, &caller.principal, id).await?;
    let notes_shown =
        notes == Notes::IfAllowed && caller.principal.can_read_contact_notes(record.provider_id);
    super::audit_view(app, &caller.actor, &record, what).await?;
    if notes_shown {
        super::audit_view(app, &caller.actor, &record, "contact notes").await?;
    }
    load(app, record, notes_shown).await
}

async fn load(
    app: &App,
    record: ParticipantRecord,
    notes_shown: bool,
) -> Result<ParticipantFile, AppError> {
    let store = &app.store;
    let pid = record.id;
    let provider = store.provider(record.provider_id).await?;
    let staff_list = store.users(Some(record.provider_id)).await?;
    let contact_person = record
        .contact_person_id
        .and_then(|id| staff_list.iter().find(|u| u.id == id).cloned());
    let staff = staff_list
        .into_iter()
        .map(|u| (u.id.to_string(), u.display_name))
        .collect();
    let mut contacts = store.contacts(pid).await?;
    if !notes_shown {
        contacts.iter_mut().for_each(|c| c.note.clear());
    }
    let mut enrolments = Vec::new();
    for enrolment in store.enrolments_of(pid).await? {
        let cohort = store.cohort(enrolment.cohort_id).await?;
        enrolments.push(EnrolmentFile {
            offer: store.offer(cohort.offer_id).await?,
            history: store.enrolment_history(enrolment.id).await?,
            attendance: attendance_of(app, cohort.id, enrolment.id).await?,
            entries: store.progress_entries(enrolment.id).await?,
            progress: store
                .enrolment_progress(enrolment.id, app.today(), ProgressRules::default())
                .await?,
            cohort,
            enrolment,
        });
    }
    let mut loans = Vec::new();
    for loan in store.loans_of(pid).await? {
        let device = found(store.device(&loan.device_id).await)?;
        loans.push(LoanFile { loan, device });
    }
    let mut referrals = Vec::new();
    for referral in store.referrals_of(pid).await? {
        referrals.push(ReferralFile {
            service: found(store.counselling_service(&referral.service_id).await)?,
            history: store.referral_history(&referral.id).await?,
            referral,
        });
    }
    Ok(ParticipantFile {
        provider,
        contact_person,
        staff,
        consents: store.consents(pid).await?,
        contacts,
        notes_shown,
        checks: store.readiness_checks(pid).await?,
        enrolments,
        loans,
        referrals,
        work: store.work_pattern(pid).await?,
        record,
    })
}

/// A record deleted since is `None`; any other failure stays an error.
fn found<T>(r: Result<T, StoreError>) -> Result<Option<T>, StoreError> {
    match r {
        Ok(t) => Ok(Some(t)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e),
    }
}
