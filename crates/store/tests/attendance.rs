//! Attendance and progress against a real database: a whole roll call in one transaction,
//! records changed in place, refusals that write nothing, the progress derived from
//! attendance and staff entries, the overview of roll calls, and erasure.

use chrono::NaiveDate;
use lernweg_domain::{
    CohortId, CohortStatus, Email, EnrolmentId, ProviderId, ProviderName, Role, State, UserId,
};
use lernweg_offers::{Offer, OfferDraft};
use lernweg_participants::{
    AttendanceStatus, Completion, Decision, EnrolmentEvent, ParticipantDraft, ProgressRules,
    RollCallEntry,
};
use lernweg_planner::{PlanOptions, SessionKind, plan};
use lernweg_store::testing::TestDb;
use lernweg_store::{
    Actor, NewCohort, NewProgressEntry, NewProvider, NewSession, NewUser, SessionRecord, StoreError,
};

#[path = "attendance/batch.rs"]
mod batch;

use AttendanceStatus::{Absent, Excused, Present};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Tuesday evenings of 3 hours: module 1 with three lessons, module 2 with two and an exam.
fn offer() -> Offer {
    let draft: OfferDraft = serde_json::from_value(serde_json::json!({
        "title": "Fachsprache Pflege kompakt",
        "goal": "adaptation_qualification",
        "kldb": "81302",
        "target_group": "Pflegefachkräfte mit teilweiser Anerkennung",
        "description": "Sie lernen die Sprache im Beruf. Der Kurs ist am Abend.",
        "delivery_modes": ["presence"],
        "kickoff_in_presence": true,
        "closing_in_presence": true,
        "time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}]},
        "modules": [
            {"title": "Fachsprache", "hours": 9, "milestone": "Modulzertifikat Fachsprache"},
            {"title": "Pflegepraxis", "hours": 6}
        ],
        "exams": [{"after_module": 2, "title": "Abschlussprüfung", "hours": 3}],
        "location": {"name": "Bildungszentrum", "street": "Hauptstraße 1", "zip": "45127", "city": "Essen", "step_free": true},
        "costs_eur": 0, "capacity": 16,
        "contact_name": "Aylin Demir", "contact_email": "a.demir@traeger.example"
    }))
    .unwrap();
    draft.validate().unwrap()
}

fn person(given: &str) -> lernweg_participants::ParticipantData {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": given, "family_name": "Test", "mother_tongue": "ar", "german_level": "B1",
        "preferred_channel": "phone"
    }))
    .unwrap();
    draft.validate(2026).unwrap()
}

struct Fixture {
    db: TestDb,
    provider: ProviderId,
    trainer: UserId,
    cohort: CohortId,
    sessions: Vec<SessionRecord>,
    /// Active, active, paused (after the first lesson), only counselled.
    enrolments: Vec<EnrolmentId>,
}

impl Fixture {
    fn lessons(&self, module: i64) -> Vec<&SessionRecord> {
        self.sessions
            .iter()
            .filter(|s| s.module == Some(module) && s.kind == SessionKind::Lesson)
            .collect()
    }

    fn of_kind(&self, kind: SessionKind) -> &SessionRecord {
        self.sessions.iter().find(|s| s.kind == kind).unwrap()
    }
}

async fn provider(db: &TestDb, name: &str) -> ProviderId {
    db.store
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse(name).unwrap(),
                state: State::NW,
            },
        )
        .await
        .unwrap()
        .id
}

async fn trainer(db: &TestDb, mail: &str, provider: ProviderId) -> UserId {
    db.store
        .create_user(
            &Actor::system(),
            NewUser {
                email: Email::parse(mail).unwrap(),
                display_name: "Lehrkraft".into(),
                role: Role::Trainer,
                provider_id: Some(provider),
                password: None,
            },
        )
        .await
        .unwrap()
        .id
}

async fn cohort(db: &TestDb, provider: ProviderId, trainer: UserId, start: NaiveDate) -> CohortId {
    let s = &db.store;
    let rec = s
        .create_offer(&Actor::system(), provider, offer())
        .await
        .unwrap();
    let p = plan(
        &rec.offer.to_spec(start, State::NW),
        &PlanOptions::default(),
    )
    .unwrap();
    let sessions: Vec<NewSession> = p.sessions.iter().map(NewSession::from_planned).collect();
    let new = NewCohort {
        planning: Default::default(),
        offer_id: rec.id,
        name: format!("Durchgang {start}"),
        state: State::NW,
        start_date: start,
        room: String::new(),
        online_link: String::new(),
        trainers: vec![trainer],
    };
    let c = s
        .create_cohort(&Actor::system(), new, &sessions)
        .await
        .unwrap();
    for to in [CohortStatus::Published, CohortStatus::Running] {
        s.set_cohort_status(&Actor::system(), c.id, to)
            .await
            .unwrap();
    }
    c.id
}

async fn fixture() -> Fixture {
    let db = TestDb::new().await;
    let s = &db.store;
    let actor = Actor::system();
    let p = provider(&db, "Träger Eins").await;
    let t = trainer(&db, "lehrkraft@t.example", p).await;
    let start = date(2026, 3, 3);
    let c = cohort(&db, p, t, start).await;
    let mut enrolments = Vec::new();
    for (i, given) in ["Amina", "Oleksandr", "Fatma", "Samuel"].iter().enumerate() {
        // A contact person (here the trainer) is needed before a participation starts.
        let person = s
            .create_participant(&actor, p, Some(t), person(given))
            .await
            .unwrap();
        let e = s.enrol(&actor, person.id, c).await.unwrap();
        let mut events = vec![(start - chrono::Duration::days(30), EnrolmentEvent::Counsel)];
        if i < 3 {
            events.push((start - chrono::Duration::days(20), EnrolmentEvent::Enrol));
            events.push((start, EnrolmentEvent::Activate));
        }
        if i == 2 {
            events.push((
                start + chrono::Duration::days(8),
                serde_json::from_value(serde_json::json!({"event": "pause", "reason": "health", "expected_return": "2026-06-01"})).unwrap(),
            ));
        }
        for (on, ev) in events {
            s.apply_enrolment_event(&actor, e.id, on, ev).await.unwrap();
        }
        enrolments.push(e.id);
    }
    let sessions = s.timetable(c).await.unwrap();
    Fixture {
        provider: p,
        trainer: t,
        cohort: c,
        sessions,
        enrolments,
        db,
    }
}

fn roll(entries: &[(EnrolmentId, AttendanceStatus, &str)]) -> Vec<RollCallEntry> {
    entries
        .iter()
        .map(|(e, s, n)| RollCallEntry {
            enrolment: *e,
            status: *s,
            note: (*n).to_owned(),
        })
        .collect()
}

fn refusal<T: std::fmt::Debug>(r: Result<T, StoreError>) -> (&'static str, &'static str, String) {
    match r {
        Err(StoreError::Invalid(e)) => (e.field, e.code, e.message),
        other => panic!("expected a refusal, got {other:?}"),
    }
}

const TODAY: (i32, u32, u32) = (2026, 12, 31);

fn today() -> NaiveDate {
    date(TODAY.0, TODAY.1, TODAY.2)
}

#[tokio::test]
async fn a_roll_call_is_written_whole_and_changed_in_place() {
    let f = fixture().await;
    let s = &f.db.store;
    let teacher = Actor::user(f.trainer, "lehrkraft@t.example");
    let first = f.lessons(1)[0].id;
    let [a, b, c, _] = f.enrolments[..] else {
        unreachable!()
    };
    let saved = s
        .record_roll_call(
            &teacher,
            first,
            &roll(&[(a, Present, ""), (b, Absent, ""), (c, Excused, " krank ")]),
            today(),
        )
        .await
        .unwrap();
    assert_eq!(saved.len(), 3);
    let of = |e: EnrolmentId| saved.iter().find(|r| r.enrolment_id == e).unwrap().clone();
    assert_eq!(of(c).status, Excused);
    assert_eq!(of(c).note, "krank", "notes are trimmed");
    assert_eq!(of(a).recorded_by, Some(f.trainer.to_string()));

    // Saving again by someone else: only the changed record gets the new author.
    let coordinator = Actor::user(UserId::from_uuid(uuid::Uuid::now_v7()), "k@t.example");
    let again = s
        .record_roll_call(
            &coordinator,
            first,
            &roll(&[(a, Present, ""), (b, Excused, "Schicht")]),
            today(),
        )
        .await
        .unwrap();
    assert_eq!(again.len(), 3, "one record per session and enrolment");
    let of = |e: EnrolmentId| again.iter().find(|r| r.enrolment_id == e).unwrap().clone();
    assert_eq!(of(a).recorded_by, Some(f.trainer.to_string()), "unchanged");
    assert_eq!(of(b).status, Excused);
    assert_eq!(of(b).note, "Schicht");
    assert_eq!(
        of(b).recorded_by,
        coordinator.user_id.map(|u| u.to_string())
    );

    // The enrolment's records come in the order of the sessions.
    let second = f.lessons(1)[1].id;
    s.record_roll_call(&teacher, second, &roll(&[(a, Absent, "")]), today())
        .await
        .unwrap();
    let mine = s.enrolment_attendance(a).await.unwrap();
    let order: Vec<_> = mine.iter().map(|r| (r.session_id, r.status)).collect();
    assert_eq!(order, vec![(first, Present), (second, Absent)]);
    // The write is in the audit log without names.
    let log = s.audit_entries(Some(f.provider), 100).await.unwrap();
    let entry = log
        .iter()
        .find(|e| e.entity == "attendance" && e.entity_id == Some(first.to_string()))
        .unwrap();
    assert!(
        entry.detail.ends_with(": 1 present, 1 excused, 0 absent"),
        "{}",
        entry.detail
    );
    assert!(!entry.detail.contains("Amina"));
}

#[tokio::test]
async fn refused_roll_calls_write_nothing() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    let [a, b, _, counselled] = f.enrolments[..] else {
        unreachable!()
    };
    let lesson = f.lessons(1)[0].id;

    // One bad row spoils the whole roll call.
    let bad = s
        .record_roll_call(
            &actor,
            lesson,
            &roll(&[(a, Present, ""), (counselled, Present, "")]),
            today(),
        )
        .await;
    assert_eq!(refusal(bad).1, "not_participating");
    assert!(s.session_attendance(lesson).await.unwrap().is_empty());

    // An enrolment of another cohort.
    let other = cohort(&f.db, f.provider, f.trainer, date(2026, 9, 1)).await;
    let stranger = s
        .create_participant(&actor, f.provider, None, person("Olga"))
        .await
        .unwrap();
    let foreign = s.enrol(&actor, stranger.id, other).await.unwrap().id;
    let (field, code, message) = refusal(
        s.record_roll_call(&actor, lesson, &roll(&[(foreign, Present, "")]), today())
            .await,
    );
    assert_eq!((field, code), ("records", "not_in_cohort"));
    assert!(message.starts_with("row 0:"), "{message}");

    // A session in the future takes only "excused".
    let later = f.lessons(2)[0];
    let day_before = later.date - chrono::Duration::days(1);
    let (_, code, message) = refusal(
        s.record_roll_call(
            &actor,
            later.id,
            &roll(&[(b, Excused, ""), (a, Present, "")]),
            day_before,
        )
        .await,
    );
    assert_eq!(code, "future_session");
    assert!(message.contains("row 1:") && message.contains(&later.date.to_string()));
    assert!(s.session_attendance(later.id).await.unwrap().is_empty());
    s.record_roll_call(
        &actor,
        later.id,
        &roll(&[(b, Excused, "Urlaub")]),
        day_before,
    )
    .await
    .unwrap();
    assert_eq!(s.session_attendance(later.id).await.unwrap().len(), 1);

    // A cancelled session takes none.
    let cancelled = s
        .cancel_session(&actor, f.lessons(1)[2].id, "Lehrkraft krank")
        .await
        .unwrap();
    let (_, code, _) = refusal(
        s.record_roll_call(&actor, cancelled.id, &roll(&[(a, Excused, "")]), today())
            .await,
    );
    assert_eq!(code, "session_cancelled");
    // An unknown session is not found.
    let missing = lernweg_domain::SessionId::from_uuid(uuid::Uuid::now_v7());
    assert!(matches!(
        s.record_roll_call(&actor, missing, &[], today()).await,
        Err(StoreError::NotFound)
    ));
}

#[tokio::test]
async fn progress_follows_attendance_and_staff_entries() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    let [a, b, _, _] = f.enrolments[..] else {
        unreachable!()
    };
    let rules = ProgressRules::default();
    // Module 1: Amina present at all three lessons, Oleksandr at one of three.
    for (i, lesson) in f.lessons(1).iter().enumerate() {
        let b_status = if i == 0 { Present } else { Absent };
        s.record_roll_call(
            &actor,
            lesson.id,
            &roll(&[(a, Present, ""), (b, b_status, "")]),
            today(),
        )
        .await
        .unwrap();
    }
    let kickoff = f.of_kind(SessionKind::Kickoff);
    s.record_roll_call(&actor, kickoff.id, &roll(&[(a, Present, "")]), today())
        .await
        .unwrap();

    // Before module 1 ends, nothing is completed yet.
    let last = f.lessons(1)[2].date;
    let p = s
        .enrolment_progress(a, last - chrono::Duration::days(1), rules)
        .await
        .unwrap();
    assert!(!p.module_completed(1));
    assert_eq!(p.modules[0].hours.held, 6.0);

    let p = s.enrolment_progress(a, today(), rules).await.unwrap();
    assert_eq!(p.modules[0].title, "Fachsprache");
    assert_eq!(p.modules[0].completion, Completion::ByAttendance);
    assert!(p.milestone_reached(1));
    assert_eq!(
        p.milestones[0].title.as_deref(),
        Some("Modulzertifikat Fachsprache")
    );
    assert_eq!(p.modules[0].rate(), Some(1.0));
    // Module 2 was never recorded: held hours without attendance.
    assert!(!p.module_completed(2));
    assert_eq!(p.modules[1].hours.unrecorded, 6.0);
    assert!(p.milestones[1].with_exam);

    let p = s.enrolment_progress(b, today(), rules).await.unwrap();
    assert!(!p.module_completed(1));
    assert!((p.modules[0].rate().unwrap() - 1.0 / 3.0).abs() < 1e-9);

    // Staff: module 1 of Oleksandr completed (make-up work), exam passed, module 2 completed.
    let entry = |module, decision, on| NewProgressEntry {
        module,
        decision,
        on,
        note: "Nachweis liegt vor".into(),
    };
    let exam_day = f.of_kind(SessionKind::Exam).date;
    s.add_progress_entry(
        &actor,
        b,
        entry(1, Decision::ModuleCompleted, exam_day),
        today(),
    )
    .await
    .unwrap();
    s.add_progress_entry(&actor, b, entry(2, Decision::ExamPassed, exam_day), today())
        .await
        .unwrap();
    let p = s.enrolment_progress(b, today(), rules).await.unwrap();
    assert_eq!(p.modules[0].completion, Completion::ByStaff);
    assert!(p.milestone_reached(1));
    assert!(!p.milestone_reached(2), "module 2 is not completed");
    s.add_progress_entry(
        &actor,
        b,
        entry(2, Decision::ModuleCompleted, exam_day),
        today(),
    )
    .await
    .unwrap();
    let p = s.enrolment_progress(b, today(), rules).await.unwrap();
    assert!(p.milestone_reached(2));
    assert_eq!(p.milestones_reached(), 2);
    let entries = s.progress_entries(b).await.unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(entries[0].decision, Decision::ModuleCompleted);
    assert_eq!(entries[0].note, "Nachweis liegt vor");

    // "Not completed" overrides Amina's full attendance.
    s.add_progress_entry(
        &actor,
        a,
        entry(1, Decision::ModuleNotCompleted, today()),
        today(),
    )
    .await
    .unwrap();
    let p = s.enrolment_progress(a, today(), rules).await.unwrap();
    assert_eq!(p.modules[0].completion, Completion::RefusedByStaff);

    // Refused entries.
    let (field, code, _) = refusal(
        s.add_progress_entry(
            &actor,
            a,
            entry(3, Decision::ModuleCompleted, exam_day),
            today(),
        )
        .await,
    );
    assert_eq!((field, code), ("module", "unknown_module"));
    let (field, code, _) = refusal(
        s.add_progress_entry(&actor, a, entry(1, Decision::ExamPassed, exam_day), today())
            .await,
    );
    assert_eq!((field, code), ("module", "no_exam"));
    let (field, code, _) = refusal(
        s.add_progress_entry(
            &actor,
            a,
            entry(
                1,
                Decision::MilestoneConfirmed,
                today() + chrono::Duration::days(1),
            ),
            today(),
        )
        .await,
    );
    assert_eq!((field, code), ("on", "in_future"));
    let mut long = entry(1, Decision::MilestoneConfirmed, exam_day);
    long.note = "x".repeat(501);
    let (field, code, _) = refusal(s.add_progress_entry(&actor, a, long, today()).await);
    assert_eq!((field, code), ("note", "too_long"));
    assert_eq!(s.progress_entries(a).await.unwrap().len(), 1);
}

#[tokio::test]
async fn erasing_a_participant_removes_their_attendance_and_entries() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    let [a, b, _, _] = f.enrolments[..] else {
        unreachable!()
    };
    let lesson = f.lessons(1)[0].id;
    s.record_roll_call(
        &actor,
        lesson,
        &roll(&[(a, Present, ""), (b, Present, "")]),
        today(),
    )
    .await
    .unwrap();
    s.add_progress_entry(
        &actor,
        a,
        NewProgressEntry {
            module: 1,
            decision: Decision::MilestoneConfirmed,
            on: today(),
            note: String::new(),
        },
        today(),
    )
    .await
    .unwrap();
    let participant = s.enrolment(a).await.unwrap().participant_id;
    s.erase_participant(&actor, participant).await.unwrap();
    let left = s.session_attendance(lesson).await.unwrap();
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].enrolment_id, b);
    assert!(s.enrolment_attendance(a).await.unwrap().is_empty());
    assert!(s.progress_entries(a).await.unwrap().is_empty());
}
