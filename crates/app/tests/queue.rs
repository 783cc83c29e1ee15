//! The start page's work queue, per role: a trainer's sessions today and open roll calls; a
//! coordinator's, counsellor's and the admin's participants without a contact person,
//! overdue loans, cohorts to start and waiting imports; nothing of another provider.

#[path = "ops_fixture/mod.rs"]
mod fixture;

use fixture::{date, today, world};
use lernweg_app::attendance::record_roll_call;
use lernweg_app::imports::{self, Upload};
use lernweg_app::loans::{self, Lending};
use lernweg_app::queue::work_queue;
use lernweg_app::{AppError, Caller};
use lernweg_participants::{AttendanceStatus, ParticipantDraft, RollCallEntry};
use lernweg_store::{Actor, NewCohort, NewDevice};

fn someone(given: &str, family: &str) -> lernweg_participants::ParticipantData {
    let d: ParticipantDraft =
        serde_json::from_value(serde_json::json!({"given_name": given, "family_name": family}))
            .unwrap();
    d.validate(2026).unwrap()
}

#[tokio::test]
async fn a_trainer_sees_todays_sessions_and_open_roll_calls_of_their_cohorts() {
    let w = world().await;
    let q = work_queue(&w.app, &w.trainer).await.unwrap();
    // Tuesday 17 March 2026: today's session, and the two Tuesdays before without roll call.
    assert_eq!(q.today.len(), 1);
    assert_eq!(q.today[0].session.date, today());
    let open: Vec<_> = q.open_roll_calls.iter().map(|s| s.session.date).collect();
    assert_eq!(open, [date(2026, 3, 3), date(2026, 3, 10)]);
    assert!(q.without_contact.is_empty() && q.to_start.is_empty() && q.imports.is_empty());

    // Once the roll call of 10 March is complete it leaves the queue.
    let s = w.session_on(date(2026, 3, 10)).id;
    let entries: Vec<RollCallEntry> = w.enrolments[..2]
        .iter()
        .map(|e| RollCallEntry {
            enrolment: *e,
            status: AttendanceStatus::Present,
            note: String::new(),
        })
        .collect();
    record_roll_call(&w.app, &w.trainer, s, &entries)
        .await
        .unwrap();
    let q = work_queue(&w.app, &w.trainer).await.unwrap();
    assert_eq!(q.open_roll_calls.len(), 1);

    // A trainer who does not teach the cohort has nothing to do.
    assert!(
        work_queue(&w.app, &w.other_trainer)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn coordinators_and_counsellors_see_people_loans_cohorts_and_imports() {
    let w = world().await;
    let s = &w.app.store;
    let sys = Actor::system();
    // Nothing to do yet: every participant has a contact person, the cohort runs.
    let q = work_queue(&w.app, &w.coordinator).await.unwrap();
    assert!(q.is_empty(), "{q:?}");

    let alone = s
        .create_participant(&sys, w.provider, None, someone("Lina", "Nasser"))
        .await
        .unwrap();
    s.create_participant(&sys, w.other_provider, None, someone("Ivan", "Petrenko"))
        .await
        .unwrap();
    let device = loans::create_device(
        &w.app,
        &w.coordinator,
        None,
        NewDevice {
            kind: "laptop".into(),
            label: "Laptop 7".into(),
            serial: String::new(),
            note: String::new(),
        },
    )
    .await
    .unwrap();
    loans::lend(
        &w.app,
        &w.coordinator,
        Lending {
            device_id: device.id.clone(),
            participant_id: w.participants[0].id,
            lent_on: Some(date(2026, 2, 1)),
            due_on: date(2026, 3, 1),
            note: String::new(),
        },
    )
    .await
    .unwrap();
    let running = s.cohort(w.cohort).await.unwrap();
    let next = s
        .create_cohort(
            &sys,
            NewCohort {
                planning: Default::default(),
                offer_id: running.offer_id,
                name: "Durchgang April".into(),
                state: running.state,
                start_date: date(2026, 4, 7),
                room: String::new(),
                online_link: String::new(),
                trainers: vec![],
            },
            &[],
        )
        .await
        .unwrap();
    s.create_cohort(
        &sys,
        NewCohort {
            planning: Default::default(),
            offer_id: running.offer_id,
            name: "Durchgang Herbst".into(),
            state: running.state,
            start_date: date(2026, 9, 1),
            room: String::new(),
            online_link: String::new(),
            trainers: vec![],
        },
        &[],
    )
    .await
    .unwrap();
    let job = imports::upload(
        &w.app,
        &w.coordinator,
        Upload {
            bytes: b"Vorname;Nachname\nAmal;Saleh\n".to_vec(),
            file_name: "liste.csv".into(),
            contact_person: Some(w.coordinator.principal.user_id),
            provider: None,
        },
    )
    .await
    .unwrap();

    let q = work_queue(&w.app, &w.coordinator).await.unwrap();
    let names: Vec<_> = q.without_contact.iter().map(|p| p.id).collect();
    assert_eq!(names, [alone.id], "only the own provider's");
    assert_eq!(q.overdue_loans.len(), 1);
    assert_eq!(q.overdue_loans[0].participant, "Amina Haddad");
    let starting: Vec<_> = q.to_start.iter().map(|c| c.id).collect();
    assert_eq!(starting, [next.id], "the autumn cohort is not due yet");
    assert_eq!(q.imports.len(), 1);
    assert_eq!(q.imports[0].id, job.id);
    assert!(q.today.is_empty() && q.open_roll_calls.is_empty());

    // The other provider's coordinator sees only their own participant.
    let theirs = work_queue(&w.app, &w.foreign).await.unwrap();
    assert_eq!(theirs.without_contact.len(), 1);
    assert!(theirs.overdue_loans.is_empty() && theirs.to_start.is_empty());
    // The admin sees every provider.
    let all = work_queue(&w.app, &w.admin).await.unwrap();
    assert_eq!(all.without_contact.len(), 2);

    // Reading the queue that names people is audited.
    let audit = s.audit_entries(Some(w.provider), 200).await.unwrap();
    assert!(audit.iter().any(|e| e.detail.starts_with("page: start")));
}

#[tokio::test]
async fn participants_have_no_work_queue() {
    let w = world().await;
    let mut p: Caller = w.trainer.clone();
    p.principal.role = lernweg_domain::Role::Participant;
    assert!(matches!(
        work_queue(&w.app, &p).await,
        Err(AppError::Forbidden)
    ));
}
