//! Working times and the fit check against a real database: rows and `.ics` files through the
//! same rules, removal, and the fit of a cohort's Tuesday evenings to a participant's shifts.

#[path = "ops_fixture/mod.rs"]
mod common;

use common::world;
use lernweg_app::AppError;
use lernweg_app::work::{
    PatternFailure, delete_pattern, enrolment_fit, import_ics, open_fits, pattern, save_pattern,
};
use lernweg_participants::{ShiftDraft, WorkPatternDraft};
use lernweg_store::WorkPatternSource;

fn shifts(rows: &[(&str, &str, &str)], travel: &str) -> WorkPatternDraft {
    WorkPatternDraft {
        weeks: "1".into(),
        anchor: String::new(),
        travel_minutes: travel.into(),
        shifts: rows
            .iter()
            .map(|(day, start, end)| ShiftDraft {
                week: "1".into(),
                weekday: (*day).into(),
                start: (*start).into(),
                end: (*end).into(),
            })
            .collect(),
    }
}

#[tokio::test]
async fn rows_are_checked_stored_read_with_an_audit_entry_and_removed() {
    let w = world().await;
    let p = w.participants[0].id;
    let bad = shifts(
        &[("tue", "14:00", "14:00"), ("xyz", "06:00", "14:00")],
        "20",
    );
    let Err(PatternFailure::Rules(errors)) =
        save_pattern(&w.app, &w.coordinator, p, &bad, WorkPatternSource::Form).await
    else {
        panic!("refused");
    };
    let fields: Vec<_> = errors.iter().map(|e| e.field.as_str()).collect();
    assert!(
        fields.iter().any(|f| f.starts_with("shifts.0.")),
        "{fields:?}"
    );
    assert!(
        fields.iter().any(|f| f.starts_with("shifts.1.")),
        "{fields:?}"
    );
    assert!(
        w.app.store.work_pattern(p).await.unwrap().is_none(),
        "nothing stored"
    );

    let good = shifts(
        &[("tue", "14:00", "22:00"), ("wed", "06:00", "14:00")],
        "20",
    );
    let r = save_pattern(&w.app, &w.coordinator, p, &good, WorkPatternSource::Form)
        .await
        .unwrap();
    assert_eq!(r.travel_minutes, 20);
    assert_eq!(r.pattern.average_weekly_hours(), 16.0);
    let (_, stored) = pattern(&w.app, &w.coordinator, p, "api: work pattern")
        .await
        .unwrap();
    assert_eq!(stored.unwrap().source, WorkPatternSource::Form);
    assert!(
        w.audit()
            .await
            .iter()
            .any(|a| a.action == "view" && a.detail == "api: work pattern")
    );

    // Another provider's staff find nothing to read, write or remove.
    let e = pattern(&w.app, &w.foreign, p, "x").await.unwrap_err();
    assert!(matches!(e, AppError::NotFound));
    let e = save_pattern(&w.app, &w.foreign, p, &good, WorkPatternSource::Api)
        .await
        .unwrap_err();
    assert!(matches!(e, PatternFailure::Failed(AppError::NotFound)));
    assert!(matches!(
        delete_pattern(&w.app, &w.foreign, p).await,
        Err(AppError::NotFound)
    ));

    assert!(delete_pattern(&w.app, &w.coordinator, p).await.unwrap());
    assert!(
        !delete_pattern(&w.app, &w.coordinator, p).await.unwrap(),
        "nothing left"
    );
}

#[tokio::test]
async fn an_ics_plan_goes_through_the_same_rules() {
    let w = world().await;
    let p = w.participants[0].id;
    let plan = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:s1\r\nDTSTART;TZID=Europe/Berlin:20260302T140000\r\nDTEND;TZID=Europe/Berlin:20260302T220000\r\nRRULE:FREQ=WEEKLY;BYDAY=MO,TU\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    // The commute has the form's limit on every path.
    let Err(PatternFailure::Rules(e)) =
        import_ics(&w.app, &w.coordinator, p, plan, None, 301).await
    else {
        panic!("refused");
    };
    assert_eq!(
        (e[0].field.as_str(), e[0].code),
        ("travel_minutes", "out_of_range")
    );
    let Err(PatternFailure::Ics(e)) =
        import_ics(&w.app, &w.coordinator, p, "BEGIN:VCALENDAR\r\n", None, 0).await
    else {
        panic!("refused");
    };
    assert_eq!(e.code, "unbalanced");
    assert!(
        w.app.store.work_pattern(p).await.unwrap().is_none(),
        "nothing stored"
    );

    let (r, _notes) = import_ics(&w.app, &w.coordinator, p, plan, None, 15)
        .await
        .unwrap();
    assert_eq!(r.source, WorkPatternSource::Ics);
    assert_eq!(r.travel_minutes, 15);
    assert_eq!(r.pattern.weeks()[0].len(), 2, "Monday and Tuesday");
}

#[tokio::test]
async fn the_fit_check_finds_the_evenings_inside_a_late_shift() {
    let w = world().await;
    let p = w.participants[0].id;
    let e = w.enrolments[0];
    let what = "api: work pattern fit";
    let none = enrolment_fit(&w.app, &w.coordinator, e, what)
        .await
        .unwrap_err();
    assert!(matches!(none, AppError::Conflict(_)), "{none:?}");
    // Tuesdays 14–22: every Tuesday evening session (18–21) lies inside the shift.
    let late = shifts(&[("tue", "14:00", "22:00")], "30");
    save_pattern(&w.app, &w.coordinator, p, &late, WorkPatternSource::Api)
        .await
        .unwrap();
    let f = enrolment_fit(&w.app, &w.coordinator, e, what)
        .await
        .unwrap();
    assert_eq!(f.cohort.id, w.cohort);
    let evenings = f.sessions.iter().filter(|s| s.start.is_some()).count();
    assert!(evenings > 0);
    assert_eq!(f.fit.collisions.len(), evenings, "each evening collides");
    assert!(f.fit.release_hours > 0.0);
    assert!(
        f.fit.weeks.iter().all(|wk| wk.travel_hours == 1.0),
        "2 × 30 minutes a week"
    );
    let e2 = enrolment_fit(&w.app, &w.foreign, e, what)
        .await
        .unwrap_err();
    assert!(matches!(e2, AppError::NotFound));

    // The panel of the participant page checks each open enrolment the same way.
    let (record, fits) = open_fits(&w.app, &w.participants[0]).await.unwrap();
    assert!(record.is_some());
    assert_eq!(fits.len(), 1);
    assert_eq!(fits[0].fit.collisions.len(), f.fit.collisions.len());
}
