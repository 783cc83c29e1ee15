//! The participant portal (MISSION §2.1–§2.3): a participant's own path, calendar link and
//! readiness checks, and redeeming an invitation. The caller is the participant's own
//! account; every read of their data is audited as `portal: …`.

use chrono::NaiveDate;
use lernweg_domain::{LoginId, ParticipantId};
use lernweg_offers::run::Phase;
use lernweg_participants::{EnrolmentStatus, Progress, ProgressRules, WorkPattern};
use lernweg_store::{
    Cohort, EmployerContact, Enrolment, FeedToken, Invitation, InvitationKind, Invitee, IssuedFeed,
    ParticipantRecord, PlanSession, ReadinessRecord, Refusal, SessionRecord, User,
};

use crate::{App, AppError, Caller};

/// The record an account is linked to (`NotFound`: none, or it is gone).
pub async fn own(app: &App, linked: Option<ParticipantId>) -> Result<ParticipantRecord, AppError> {
    crate::participants::own(app, linked.ok_or(AppError::NotFound)?).await
}

/// Writes the `view` entry of the participant reading their own data.
pub async fn audit_own_read(
    app: &App,
    caller: &Caller,
    p: &ParticipantRecord,
    what: &str,
) -> Result<(), AppError> {
    crate::participants::audit_view(app, &caller.actor, p, &format!("portal: {what}")).await
}

/// One cohort on the path with its offer, timetable and the progress as of today.
#[derive(Debug, Clone)]
pub struct PathCohort {
    pub enrolment: Enrolment,
    pub cohort: Cohort,
    /// Where the cohort's run stands today (`lernweg_offers::run`).
    pub phase: Phase,
    pub offer: lernweg_offers::Offer,
    pub sessions: Vec<SessionRecord>,
    pub progress: Progress,
}

/// Everything the path page shows.
#[derive(Debug, Clone)]
pub struct Path {
    pub today: NaiveDate,
    pub work: Option<WorkPattern>,
    pub cohorts: Vec<PathCohort>,
    pub contact_person: Option<User>,
    /// Oldest first.
    pub checks: Vec<ReadinessRecord>,
    pub feed: Option<FeedToken>,
    /// Confirmed dates of individual lessons from today on, cancelled ones included, each
    /// with its plan item's title.
    pub lessons: Vec<PathLesson>,
}

/// A confirmed date of individual lessons on the path.
#[derive(Debug, Clone)]
pub struct PathLesson {
    pub session: PlanSession,
    /// The plan item's title.
    pub title: String,
    /// A recorded shift overlaps the date (it is not cancelled).
    pub at_work: bool,
}

/// The participant's path (no audit entry: the page writes its own).
pub async fn path(app: &App, p: &ParticipantRecord) -> Result<Path, AppError> {
    let store = &app.store;
    let today = app.today();
    let cohorts = store
        .enrolled_cohorts(p.id, today, ProgressRules::default())
        .await?
        .into_iter()
        .filter(|e| crate::feeds::on_path(e.enrolment.status))
        .map(|e| PathCohort {
            phase: crate::cohorts::run(&e.cohort).phase(today),
            offer: e.offer.offer,
            sessions: e.sessions,
            progress: e.progress,
            cohort: e.cohort,
            enrolment: e.enrolment,
        })
        .collect();
    let work = store.work_pattern(p.id).await?.map(|w| w.pattern);
    let lessons = upcoming_lessons(app, p, today, work.as_ref()).await?;
    Ok(Path {
        today,
        work,
        cohorts,
        contact_person: crate::participants::contact_person(app, p).await?,
        checks: store.readiness_checks(p.id).await?,
        feed: store.participant_feed(p.id).await?,
        lessons,
    })
}

async fn upcoming_lessons(
    app: &App,
    p: &ParticipantRecord,
    today: NaiveDate,
    work: Option<&WorkPattern>,
) -> Result<Vec<PathLesson>, AppError> {
    let mut out = Vec::new();
    let mut holidays = None;
    for session in app.store.plan_sessions_of_participant(p.id).await? {
        if session.date < today {
            continue;
        }
        let title = app.store.plan_item(session.item_id).await?.item.title;
        let at_work = match work {
            Some(w) if session.status == lernweg_store::SessionStatus::Confirmed => {
                if holidays.is_none() {
                    let state = app.store.provider(p.provider_id).await?.state;
                    holidays = Some(lernweg_planner::HolidayCalendar::new(state));
                }
                let calendar = holidays.as_mut().expect("set above");
                let (date, a, b) = (session.date, session.start, session.end);
                !lernweg_participants::shifts_during(w, calendar, date, a, b).is_empty()
            }
            _ => false,
        };
        out.push(PathLesson {
            session,
            title,
            at_work,
        });
    }
    Ok(out)
}

/// What the path says about a participation whose cohort's run stands at `phase`: its
/// status, unless the dates contradict it. A participation that is active or paused in a run
/// that has not started yet reads as enrolled; one still open (enrolled, active, paused) in a
/// run that has ended says nothing of taking part (the page says that the run has ended).
pub fn status_to_show(status: EnrolmentStatus, phase: Phase) -> Option<EnrolmentStatus> {
    use EnrolmentStatus::*;
    match (status, phase) {
        (Active | Paused, Phase::Coming) => Some(Enrolled),
        (Enrolled | Active | Paused, Phase::Ended) => None,
        (s, _) => Some(s),
    }
}

/// A new calendar link for the participant; the old one stops working.
pub async fn renew_feed(
    app: &App,
    caller: &Caller,
    p: &ParticipantRecord,
) -> Result<IssuedFeed, AppError> {
    Ok(app
        .store
        .renew_participant_feed(&caller.actor, p.id, p.provider_id)
        .await?)
}

/// The participant's calendar link stops working.
pub async fn revoke_feed(
    app: &App,
    caller: &Caller,
    p: &ParticipantRecord,
) -> Result<(), AppError> {
    app.store
        .revoke_participant_feeds(&caller.actor, p.id, p.provider_id)
        .await?;
    Ok(())
}

/// An open invitation by its secret, or why it cannot be used.
pub async fn invitation(
    app: &App,
    kind: InvitationKind,
    secret: &str,
) -> Result<Result<Invitation, Refusal>, AppError> {
    Ok(app.store.invitation_by_secret(kind, secret).await?)
}

/// Who an invitation is for.
#[derive(Debug, Clone)]
pub enum InvitedPerson {
    Participant(Box<ParticipantRecord>),
    /// A contact person of an employer (their page is `/betrieb`, in plain German).
    EmployerContact(EmployerContact),
    /// A volunteer mentor (their page is `/mentoring`, in plain German).
    Mentor(Box<lernweg_store::MentorRecord>),
}

/// The invited person and what they will log in with: the account's login, the
/// invitation's login name, or their e-mail address.
pub async fn invited(
    app: &App,
    inv: &Invitation,
) -> Result<(InvitedPerson, Option<LoginId>), AppError> {
    let (person, account, email) = match inv.invitee {
        Invitee::Participant(id) => {
            let p = app.store.participant(id).await?;
            let account = app.store.participant_account(p.id).await?;
            let email = p.data.email.clone();
            (InvitedPerson::Participant(Box::new(p)), account, email)
        }
        Invitee::EmployerContact(id) => {
            let (_, contact) = app.store.employer_contact(id).await?;
            let account = app.store.contact_account(id).await?;
            let email = contact.email.clone();
            (InvitedPerson::EmployerContact(contact), account, email)
        }
        Invitee::Mentor(id) => {
            let m = app.store.mentor(id).await?;
            let account = app.store.mentor_account(id).await?;
            let email = m.profile.email.clone();
            (InvitedPerson::Mentor(Box::new(m)), account, email)
        }
    };
    let login = match account {
        Some(u) => Some(u.login_id()),
        None => inv
            .login_name
            .clone()
            .map(LoginId::Name)
            .or_else(|| email.map(LoginId::Email)),
    };
    Ok((person, login))
}

/// Redeems an invitation with a new password: the participant's account (a password the
/// rules refuse is `Invalid`).
pub async fn redeem(
    app: &App,
    kind: InvitationKind,
    secret: &str,
    password: &str,
) -> Result<Result<User, Refusal>, AppError> {
    Ok(app.store.redeem_invitation(kind, secret, password).await?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use EnrolmentStatus::*;

    #[test]
    fn the_dates_overrule_a_status_that_contradicts_them() {
        // The found problem: "you are taking this course now" for a course that has ended.
        assert_eq!(status_to_show(Active, Phase::Ended), None);
        assert_eq!(status_to_show(Paused, Phase::Ended), None);
        assert_eq!(status_to_show(Enrolled, Phase::Ended), None);
        assert_eq!(status_to_show(Active, Phase::Coming), Some(Enrolled));
        assert_eq!(status_to_show(Active, Phase::Running), Some(Active));
        assert_eq!(status_to_show(Completed, Phase::Ended), Some(Completed));
        assert_eq!(status_to_show(Enrolled, Phase::Coming), Some(Enrolled));
        assert_eq!(status_to_show(Dropped, Phase::Running), Some(Dropped));
    }
}
