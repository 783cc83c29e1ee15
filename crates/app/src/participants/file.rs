//! The participant's file: everything stored about one participant that the caller may read,
//! in one read. The participant page, the data-protection Auskunft (page and PDF) and the API
//! export are built from it, so they show the same data under the same rules (contact notes
//! only for the provider's coordinators and counsellors, GDPR Art. 15).

use std::collections::HashMap;

use lernweg_domain::{CohortId, EnrolmentId, OfferId, PageNo, ParticipantId, SessionId};
use lernweg_participants::{Progress, ProgressRules};
use lernweg_store::{
    Cohort, ConsentRecord, ContactEntry, CounsellingService, Device, Enrolment, EnrolmentStep,
    Loan, OfferRecord, ParticipantRecord, ProgressEntry, Provider, ReadinessRecord, Referral,
    ReferralStep, SessionRecord, StoreError, User, WorkPatternRecord, progress_from,
};

use crate::attendance::Attended;
use crate::{App, AppError, Caller};

/// One enrolment with its cohort, the cohort's offer, the status history, the attendance
/// recorded, the staff's progress entries and the progress as of today (default rules).
#[derive(Debug, Clone)]
pub struct EnrolmentFile {
    pub enrolment: Enrolment,
    pub cohort: Cohort,
    pub offer: OfferRecord,
    pub history: Vec<EnrolmentStep>,
    /// The cohort's timetable (cancelled sessions included), by date and time.
    pub sessions: Vec<SessionRecord>,
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
    /// The contact log, newest first (all, or the newest: see [`read_newest_contacts`]);
    /// each note is empty unless [`Self::notes_shown`].
    pub contacts: Vec<ContactEntry>,
    /// How many entries the contact log has in all.
    pub contacts_total: u64,
    /// Whether the caller may read the contact notes (the provider's coordinators and
    /// counsellors; not the admin).
    pub notes_shown: bool,
    pub checks: Vec<ReadinessRecord>,
    pub enrolments: Vec<EnrolmentFile>,
    pub loans: Vec<LoanFile>,
    pub referrals: Vec<ReferralFile>,
    pub work: Option<WorkPatternRecord>,
    /// Links to employers (active first), resting on the consent `employer_contact`.
    pub employments: Vec<lernweg_store::Employment>,
    /// Release agreements for the participant's sessions, newest first.
    pub release_agreements: Vec<lernweg_store::ReleaseAgreement>,
    /// The recognition case of a foreign qualification, if recorded.
    pub recognition: Option<lernweg_store::RecognitionRecord>,
    /// The items of the individual qualification plan, oldest first.
    pub plan_items: Vec<lernweg_store::PlanItemRecord>,
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
    read_with(app, caller, id, what, notes, Contacts::All).await
}

/// How much of the contact log the file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Contacts {
    /// All of it (the Auskunft and the export).
    All,
    /// The newest entries (the participant page; the rest is paged).
    Newest(u32),
}

/// [`read`] with only the newest `n` contact log entries ([`ParticipantFile::contacts_total`]
/// says how many there are).
pub async fn read_newest_contacts(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    what: &str,
    notes: Notes,
    n: u32,
) -> Result<ParticipantFile, AppError> {
    read_with(app, caller, id, what, notes, Contacts::Newest(n)).await
}

async fn read_with(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    what: &str,
    notes: Notes,
    contacts: Contacts,
) -> Result<ParticipantFile, AppError> {
    let record = super::visible(app, &caller.principal, id).await?;
    let notes_shown =
        notes == Notes::IfAllowed && caller.principal.can_read_contact_notes(record.provider_id);
    super::audit_view(app, &caller.actor, &record, what).await?;
    if notes_shown {
        super::audit_view(app, &caller.actor, &record, "contact notes").await?;
    }
    load(app, record, notes_shown, contacts).await
}

/// Reads the file in a fixed number of queries, however many enrolments, sessions, loans
/// and referrals it has: each kind of row is read for the whole participant at once.
async fn load(
    app: &App,
    record: ParticipantRecord,
    notes_shown: bool,
    wanted: Contacts,
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
    let (mut contacts, contacts_total) = match wanted {
        Contacts::All => {
            let all = store.contacts(pid).await?;
            let n = all.len() as u64;
            (all, n)
        }
        Contacts::Newest(n) => {
            let page = store.contacts_page(pid, PageNo::FIRST, n).await?;
            (page.items, page.total)
        }
    };
    if !notes_shown {
        contacts.iter_mut().for_each(|c| c.note.clear());
    }
    let enrolments = enrolment_files(app, pid).await?;
    let devices: HashMap<String, Device> = store
        .devices_of_participant(pid)
        .await?
        .into_iter()
        .map(|d| (d.id.clone(), d))
        .collect();
    let loans = store
        .loans_of(pid)
        .await?
        .into_iter()
        .map(|loan| LoanFile {
            device: devices.get(&loan.device_id).cloned(),
            loan,
        })
        .collect();
    let services: HashMap<String, CounsellingService> = store
        .services_of_participant(pid)
        .await?
        .into_iter()
        .map(|s| (s.id.clone(), s))
        .collect();
    let mut steps: HashMap<String, Vec<ReferralStep>> = HashMap::new();
    for (id, step) in store.referral_histories_of_participant(pid).await? {
        steps.entry(id).or_default().push(step);
    }
    let referrals = store
        .referrals_of(pid)
        .await?
        .into_iter()
        .map(|referral| ReferralFile {
            service: services.get(&referral.service_id).cloned(),
            history: steps.remove(&referral.id).unwrap_or_default(),
            referral,
        })
        .collect();
    Ok(ParticipantFile {
        provider,
        contact_person,
        staff,
        consents: store.consents(pid).await?,
        contacts,
        contacts_total,
        notes_shown,
        checks: store.readiness_checks(pid).await?,
        enrolments,
        loans,
        referrals,
        work: store.work_pattern(pid).await?,
        employments: store.employments_of_participant(pid).await?,
        release_agreements: crate::release::of(
            app,
            &crate::release::ReleaseQuery {
                participant: Some(pid),
                ..Default::default()
            },
        )
        .await?,
        recognition: store.recognition(pid).await?,
        plan_items: store.plan_items(pid).await?,
        record,
    })
}

/// The participant's enrolments with cohort, offer, timetable, history, attendance, staff
/// entries and progress: eight queries for all of them.
async fn enrolment_files(app: &App, pid: ParticipantId) -> Result<Vec<EnrolmentFile>, AppError> {
    let store = &app.store;
    let list = store.enrolments_of(pid).await?;
    let ids: Vec<EnrolmentId> = list.iter().map(|e| e.id).collect();
    let mut history = group(store.enrolment_histories(&ids).await?, |(id, _)| *id);
    let cohorts: HashMap<CohortId, Cohort> = store
        .cohorts_of_participant(pid)
        .await?
        .into_iter()
        .map(|c| (c.id, c))
        .collect();
    let offers: HashMap<OfferId, OfferRecord> = store
        .offers_of_participant(pid)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let sessions = group(store.sessions_of_participant(pid).await?, |s| s.cohort_id);
    let mut attendance = group(store.attendance_of_participant(pid).await?, |a| {
        a.enrolment_id
    });
    let mut entries = group(store.progress_entries_of_participant(pid).await?, |x| {
        x.enrolment_id
    });
    let today = app.today();
    let mut out = Vec::with_capacity(list.len());
    for enrolment in list {
        let missing = || AppError::Store(StoreError::NotFound);
        let cohort = cohorts
            .get(&enrolment.cohort_id)
            .ok_or_else(missing)?
            .clone();
        let offer = offers.get(&cohort.offer_id).ok_or_else(missing)?.clone();
        let timetable = sessions.get(&cohort.id).cloned().unwrap_or_default();
        let marks = attendance.remove(&enrolment.id).unwrap_or_default();
        let entries = entries.remove(&enrolment.id).unwrap_or_default();
        let progress = progress_from(
            &offer.offer,
            &timetable,
            &marks,
            &entries,
            today,
            ProgressRules::default(),
        );
        let by_id: HashMap<SessionId, &SessionRecord> =
            timetable.iter().map(|s| (s.id, s)).collect();
        let attended = marks
            .into_iter()
            .filter_map(|record| {
                let session = (*by_id.get(&record.session_id)?).clone();
                Some(Attended { record, session })
            })
            .collect();
        out.push(EnrolmentFile {
            history: history
                .remove(&enrolment.id)
                .unwrap_or_default()
                .into_iter()
                .map(|(_, step)| step)
                .collect(),
            attendance: attended,
            entries,
            progress,
            sessions: timetable,
            offer,
            cohort,
            enrolment,
        });
    }
    Ok(out)
}

fn group<K: std::hash::Hash + Eq, T>(items: Vec<T>, key: impl Fn(&T) -> K) -> HashMap<K, Vec<T>> {
    let mut out: HashMap<K, Vec<T>> = HashMap::new();
    for i in items {
        out.entry(key(&i)).or_default().push(i);
    }
    out
}
