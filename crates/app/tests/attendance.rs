//! The attendance use-cases against a real database: who reaches a roll call, the roll-call
//! rule on every path (only `excused` ahead of time, none for a cancelled session), refusals
//! that write nothing, staff entries and the progress that follows, and the audit entries.

#[path = "ops_fixture/mod.rs"]
mod common;

use common::{today, world};
use lernweg_app::AppError;
use lernweg_app::attendance::{
    NewEntry, RollCallFailure, add_progress_entry, check_roll_call, enrolment_attendance,
    enrolment_progress, record_roll_call, view_roll_call,
};
use lernweg_participants::{AttendanceStatus, Completion, Decision, RollCallEntry};
use lernweg_store::Actor;

fn line(e: lernweg_domain::EnrolmentId, status: AttendanceStatus) -> RollCallEntry {
    RollCallEntry {
        enrolment: e,
        status,
        note: String::new(),
    }
}

#[tokio::test]
async fn only_the_cohorts_trainers_and_the_providers_staff_reach_a_roll_call() {
    let w = world().await;
    let s = w.session_on(today()).id;
    let rc = view_roll_call(&w.app, &w.trainer, s, "page: roll call")
        .await
        .unwrap();
    // The two enrolled people; the one only counselled is not called.
    let names: Vec<_> = rc.rows.iter().map(|r| r.given_name.as_str()).collect();
    assert_eq!(names, ["Amina", "Oleksandr"]);
    assert!(!rc.in_future() && !rc.cancelled());
    view_roll_call(&w.app, &w.coordinator, s, "api: roll call")
        .await
        .unwrap();
    for stranger in [&w.other_trainer, &w.foreign] {
        let e = view_roll_call(&w.app, stranger, s, "x").await.unwrap_err();
        assert!(matches!(e, AppError::NotFound), "{e:?}");
    }
    let views: Vec<_> = w
        .audit()
        .await
        .into_iter()
        .filter(|a| a.action == "view" && a.entity == "attendance")
        .map(|a| a.detail)
        .collect();
    assert_eq!(
        views,
        ["api: roll call", "page: roll call"],
        "one entry per read"
    );
}

#[tokio::test]
async fn only_excused_is_taken_ahead_of_time_and_refusals_write_nothing() {
    let w = world().await;
    let future = w.sessions.iter().find(|s| s.date > today()).unwrap().id;
    let [a, b, counselled] = [w.enrolments[0], w.enrolments[1], w.enrolments[2]];
    let entries = [
        line(a, AttendanceStatus::Present),
        line(b, AttendanceStatus::Excused),
        line(counselled, AttendanceStatus::Excused),
    ];
    let Err(RollCallFailure::Refused(r)) =
        record_roll_call(&w.app, &w.trainer, future, &entries).await
    else {
        panic!("refused");
    };
    let codes: Vec<_> = r.iter().map(|x| (x.index, x.code)).collect();
    assert_eq!(
        codes,
        [(Some(0), "future_session"), (Some(2), "not_participating")]
    );
    // The check alone says the same and writes nothing either.
    let checked = check_roll_call(&w.app, &w.trainer.principal, future, &entries)
        .await
        .unwrap();
    assert_eq!(checked, r);
    assert!(
        w.app
            .store
            .session_attendance(future)
            .await
            .unwrap()
            .is_empty()
    );
    // Notice ahead of time is fine.
    let rc = record_roll_call(
        &w.app,
        &w.trainer,
        future,
        &[line(b, AttendanceStatus::Excused)],
    )
    .await
    .unwrap();
    assert!(rc.in_future());
    assert_eq!(rc.recorded(), 1);
    let row = rc.rows.iter().find(|r| r.enrolment.id == b).unwrap();
    assert_eq!(
        row.record.as_ref().unwrap().status,
        AttendanceStatus::Excused
    );
}

#[tokio::test]
async fn a_cancelled_session_takes_no_attendance() {
    let w = world().await;
    let s = w.session_on(today()).id;
    w.app
        .store
        .cancel_session(&Actor::system(), s, "Lehrkraft erkrankt")
        .await
        .unwrap();
    let Err(RollCallFailure::Refused(r)) = record_roll_call(
        &w.app,
        &w.trainer,
        s,
        &[line(w.enrolments[0], AttendanceStatus::Present)],
    )
    .await
    else {
        panic!("refused");
    };
    assert_eq!(r.len(), 1);
    assert_eq!((r[0].index, r[0].code), (None, "session_cancelled"));
    let e = record_roll_call(&w.app, &w.other_trainer, s, &[])
        .await
        .unwrap_err();
    assert!(matches!(e, RollCallFailure::Failed(AppError::NotFound)));
}

#[tokio::test]
async fn staff_entries_change_the_progress_and_the_attendance_is_listed_by_session() {
    let w = world().await;
    let a = w.enrolments[0];
    for s in w.sessions.iter().filter(|s| s.date <= today()) {
        record_roll_call(
            &w.app,
            &w.trainer,
            s.id,
            &[line(a, AttendanceStatus::Absent)],
        )
        .await
        .unwrap();
    }
    let list = enrolment_attendance(&w.app, &w.coordinator, a, "api: attendance")
        .await
        .unwrap();
    let dates: Vec<_> = list.iter().map(|x| x.session.date).collect();
    assert!(
        !dates.is_empty() && dates.windows(2).all(|d| d[0] <= d[1]),
        "{dates:?}"
    );
    assert!(
        list.iter()
            .all(|x| x.record.status == AttendanceStatus::Absent)
    );

    let p = enrolment_progress(&w.app, &w.coordinator, a, "api: progress")
        .await
        .unwrap();
    assert_eq!(p.as_of, today());
    assert!(!p.progress.modules[0].completed());

    // An unknown module and a date after today are refused, nothing is added.
    for (module, on, field) in [
        (9, None, "module"),
        (1, Some(common::date(2026, 3, 18)), "on"),
    ] {
        let entry = NewEntry {
            module,
            decision: Decision::ModuleCompleted,
            on,
            note: String::new(),
        };
        let Err(AppError::Invalid(e)) = add_progress_entry(&w.app, &w.coordinator, a, entry).await
        else {
            panic!("refused");
        };
        assert_eq!(e[0].field, field);
    }
    let entry = NewEntry {
        module: 1,
        decision: Decision::ModuleCompleted,
        on: None,
        note: "Nachholaufgabe erledigt".into(),
    };
    let p = add_progress_entry(&w.app, &w.coordinator, a, entry)
        .await
        .unwrap();
    assert_eq!(p.entries.len(), 1);
    assert_eq!(p.entries[0].on_date, today(), "today when no date is given");
    assert_eq!(p.progress.modules[0].completion, Completion::ByStaff);
    // Another provider's staff do not find the enrolment.
    let entry = NewEntry {
        module: 1,
        decision: Decision::ModuleCompleted,
        on: None,
        note: String::new(),
    };
    let e = add_progress_entry(&w.app, &w.foreign, a, entry)
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::NotFound));
    let e = enrolment_progress(&w.app, &w.foreign, a, "x")
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::NotFound));
}
