//! The overview of roll calls and several roll calls recorded at once.

use lernweg_store::Actor;

use super::AttendanceStatus::{Absent, Excused, Present};
use super::{cohort, date, fixture, provider, refusal, roll, today, trainer};

#[tokio::test]
async fn the_overview_counts_roll_calls_per_session_and_scopes_by_trainer_and_provider() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    let [a, b, c, _] = f.enrolments[..] else {
        unreachable!()
    };
    let from = date(2026, 3, 1);
    let to = date(2026, 3, 31);
    let first = f.lessons(1)[0];
    s.record_roll_call(
        &actor,
        first.id,
        &roll(&[(a, Present, ""), (b, Present, "")]),
        today(),
    )
    .await
    .unwrap();
    let all = s
        .roll_call_overview(Some(f.provider), None, from, to)
        .await
        .unwrap();
    assert!(!all.is_empty());
    assert!(
        all.windows(2)
            .all(|w| w[0].session.date <= w[1].session.date)
    );
    let row = all.iter().find(|r| r.session.id == first.id).unwrap();
    // Three people on the roll (two active, one paused; the counselled one is not).
    assert_eq!((row.expected, row.recorded), (3, 2));
    assert!(!row.complete());
    s.record_roll_call(&actor, first.id, &roll(&[(c, Excused, "")]), today())
        .await
        .unwrap();
    let all = s
        .roll_call_overview(Some(f.provider), Some(f.trainer), from, to)
        .await
        .unwrap();
    assert!(
        all.iter()
            .find(|r| r.session.id == first.id)
            .unwrap()
            .complete()
    );
    assert!(all.iter().all(|r| r.cohort_name.starts_with("Durchgang")));

    // Another trainer of the same provider, and another provider, see none of it.
    let other = trainer(&f.db, "andere@t.example", f.provider).await;
    assert!(
        s.roll_call_overview(Some(f.provider), Some(other), from, to)
            .await
            .unwrap()
            .is_empty()
    );
    let p2 = provider(&f.db, "Träger Zwei").await;
    assert!(
        s.roll_call_overview(Some(p2), None, from, to)
            .await
            .unwrap()
            .is_empty()
    );
    assert!(s.teaches(f.trainer, f.cohort).await.unwrap());
    assert!(!s.teaches(other, f.cohort).await.unwrap());
    // Cancelled sessions are left out.
    s.cancel_session(&actor, first.id, "Ausfall").await.unwrap();
    let all = s.roll_call_overview(None, None, from, to).await.unwrap();
    assert!(all.iter().all(|r| r.session.id != first.id));
}

#[tokio::test]
async fn several_roll_calls_are_recorded_together_or_not_at_all() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    let [a, b, _, counselled] = f.enrolments[..] else {
        unreachable!()
    };
    let lessons = f.lessons(1);
    let calls: Vec<_> = lessons
        .iter()
        .map(|l| (l.id, roll(&[(a, Present, ""), (b, Absent, "")])))
        .collect();
    // One bad line (a counselled person) in the last roll call: nothing is written.
    let mut bad = calls.clone();
    bad[2].1 = roll(&[(counselled, Present, "")]);
    assert_eq!(
        refusal(s.record_roll_calls(&actor, &bad, today()).await).1,
        "not_participating"
    );
    assert!(s.enrolment_attendance(a).await.unwrap().is_empty());
    // Sessions of two cohorts are refused.
    let other = cohort(&f.db, f.provider, f.trainer, date(2026, 9, 1)).await;
    let foreign = s.timetable(other).await.unwrap()[0].id;
    let mut mixed = calls.clone();
    mixed.push((foreign, Vec::new()));
    assert_eq!(
        refusal(s.record_roll_calls(&actor, &mixed, today()).await),
        (
            "sessions",
            "mixed_cohorts",
            "all sessions must belong to one cohort".to_owned()
        )
    );
    // All three at once, with one audit entry for the cohort.
    assert_eq!(
        s.record_roll_calls(&actor, &calls, today()).await.unwrap(),
        6
    );
    assert_eq!(s.enrolment_attendance(a).await.unwrap().len(), 3);
    assert_eq!(s.enrolment_attendance(b).await.unwrap().len(), 3);
    let log = s.audit_entries(Some(f.provider), 100).await.unwrap();
    let entries: Vec<_> = log.iter().filter(|e| e.entity == "attendance").collect();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].entity_id, Some(f.cohort.to_string()));
    assert_eq!(
        entries[0].detail,
        "roll calls of 3 sessions: 3 present, 0 excused, 3 absent"
    );
    assert_eq!(s.record_roll_calls(&actor, &[], today()).await.unwrap(), 0);
}

#[tokio::test]
async fn the_overview_expects_a_partial_enrolment_in_its_modules_only() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    let c = f.enrolments[2];
    let e = s
        .set_enrolment_modules(&actor, c, f.provider, &[2])
        .await
        .unwrap();
    assert_eq!(e.modules, vec![2]);
    let (one, two) = (f.lessons(1)[0].id, f.lessons(2)[0].id);
    let all = s
        .roll_call_overview(Some(f.provider), None, date(2026, 1, 1), date(2027, 12, 31))
        .await
        .unwrap();
    let expected = |id| all.iter().find(|r| r.session.id == id).unwrap().expected;
    // Three on the roll of module 2; the one enrolled for module 2 only is not on module 1's.
    assert_eq!((expected(one), expected(two)), (2, 3));
    // A roll-call line for it in module 1 is refused.
    let refused = s
        .record_roll_call(&actor, one, &roll(&[(c, Excused, "")]), today())
        .await;
    assert!(refused.is_err(), "{refused:?}");
}
