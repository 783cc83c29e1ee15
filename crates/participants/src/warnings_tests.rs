use super::*;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn pid() -> ParticipantId {
    ParticipantId::parse("01936f3e-0000-7000-8000-000000000001").unwrap()
}

const TODAY: &str = "2026-12-03"; // a Thursday, ISO week 2026-W49

fn mark(enrolment: &str, date: &str, status: AttendanceStatus) -> Attended {
    Attended {
        enrolment: enrolment.into(),
        date: day(date),
        status,
    }
}

use AttendanceStatus::{Absent as A, Excused as E, Present as P};

/// A person with a recent contact, an open enrolment and nothing else.
fn quiet<'a>(attendance: &'a [Attended]) -> WarningInput<'a> {
    WarningInput {
        participant: pid(),
        attendance,
        last_contact: Some(day("2026-12-01")),
        known_since: day("2026-01-05"),
        open_enrolment: true,
        weeks_over: &[],
        declined: &[],
    }
}

fn kinds(w: &[Warning]) -> Vec<WarningKind> {
    w.iter().map(|w| w.kind).collect()
}

#[test]
fn codes_round_trip() {
    for k in WarningKind::ALL {
        assert_eq!(WarningKind::parse(k.code()), Some(k));
    }
    assert_eq!(WarningKind::parse("other"), None);
    assert_eq!(iso_week(day(TODAY)), "2026-W49");
    assert_eq!(iso_week(day("2027-01-01")), "2026-W53");
}

#[test]
fn nothing_recorded_warns_of_nothing() {
    assert!(warnings(&quiet(&[]), day(TODAY)).is_empty());
}

#[test]
fn two_absences_in_a_row_warn_with_the_second_as_subject() {
    let a = [
        mark("e1", "2026-09-01", P),
        mark("e1", "2026-09-03", A),
        mark("e1", "2026-09-08", A),
        mark("e1", "2026-09-10", P),
    ];
    let w = warnings(&quiet(&a), day(TODAY));
    assert_eq!(kinds(&w), [WarningKind::AbsencesInRow]);
    assert_eq!(w[0].subject, "2026-09-08");
    assert_eq!(w[0].since, day("2026-09-08"));
    assert_eq!(
        w[0].facts,
        Facts::AbsencesInRow {
            first: day("2026-09-03"),
            second: day("2026-09-08"),
            count: 2
        }
    );
}

#[test]
fn an_excused_absence_or_a_presence_between_two_absences_breaks_the_row() {
    let excused = [
        mark("e1", "2026-09-01", A),
        mark("e1", "2026-09-03", E),
        mark("e1", "2026-09-08", A),
    ];
    assert!(warnings(&quiet(&excused), day(TODAY)).is_empty());
    let present = [
        mark("e1", "2026-09-01", A),
        mark("e1", "2026-09-03", P),
        mark("e1", "2026-09-08", A),
    ];
    assert!(warnings(&quiet(&present), day(TODAY)).is_empty());
    let only_excused = [mark("e1", "2026-09-01", E), mark("e1", "2026-09-03", E)];
    assert!(warnings(&quiet(&only_excused), day(TODAY)).is_empty());
}

#[test]
fn absences_of_two_enrolments_do_not_make_a_row() {
    let a = [mark("e1", "2026-09-01", A), mark("e2", "2026-09-02", A)];
    assert!(warnings(&quiet(&a), day(TODAY)).is_empty());
}

#[test]
fn a_longer_run_warns_once_and_a_new_run_warns_again() {
    let a = [
        mark("e1", "2026-09-01", A),
        mark("e1", "2026-09-03", A),
        mark("e1", "2026-09-08", A),
        mark("e1", "2026-09-10", P),
        mark("e1", "2026-09-15", A),
        mark("e1", "2026-09-17", A),
    ];
    let w = warnings(&quiet(&a), day(TODAY));
    let subjects: Vec<&str> = w.iter().map(|w| w.subject.as_str()).collect();
    assert_eq!(subjects, ["2026-09-03", "2026-09-17"]);
    assert!(matches!(w[0].facts, Facts::AbsencesInRow { count: 3, .. }));
}

fn window(statuses: &[AttendanceStatus]) -> Vec<Attended> {
    // One session a day, ending today.
    let n = statuses.len() as i64;
    statuses
        .iter()
        .enumerate()
        .map(|(i, s)| Attended {
            enrolment: format!("e{i}"), // separate enrolments: no runs of absences
            date: day(TODAY) - Duration::days(n - 1 - i as i64),
            status: *s,
        })
        .collect()
}

#[test]
fn attendance_of_exactly_80_percent_does_not_warn() {
    let a = window(&[P, P, P, P, A]);
    assert!(warnings(&quiet(&a), day(TODAY)).is_empty());
}

#[test]
fn attendance_below_80_percent_warns_for_this_week() {
    let a = window(&[P, P, P, E]); // 75 %: excused counts as recorded, not present
    let w = warnings(&quiet(&a), day(TODAY));
    assert_eq!(kinds(&w), [WarningKind::LowAttendance]);
    assert_eq!(w[0].subject, "2026-W49");
    assert_eq!(
        w[0].facts,
        Facts::LowAttendance {
            present: 3,
            recorded: 4,
            percent: 75,
            from: day("2026-11-06")
        }
    );
}

#[test]
fn fewer_than_three_recorded_sessions_do_not_count() {
    let a = window(&[P, E]);
    assert!(warnings(&quiet(&a), day(TODAY)).is_empty());
    let a = window(&[P, E, E]);
    assert_eq!(
        kinds(&warnings(&quiet(&a), day(TODAY))),
        [WarningKind::LowAttendance]
    );
}

#[test]
fn only_the_last_28_days_count() {
    // 27 days ago is inside, 28 days ago outside.
    let a = [
        mark("e1", "2026-11-05", E),
        mark("e2", "2026-11-06", E),
        mark("e3", "2026-11-20", P),
        mark("e4", "2026-12-02", P),
    ];
    let w = warnings(&quiet(&a), day(TODAY));
    assert_eq!(kinds(&w), [WarningKind::LowAttendance]);
    assert!(matches!(
        w[0].facts,
        Facts::LowAttendance {
            present: 2,
            recorded: 3,
            ..
        }
    ));
}

fn week(monday: &str, total: f64) -> WeekOver {
    let m = day(monday);
    WeekOver {
        week: iso_week(m),
        monday: m,
        total_hours: total,
        limit_hours: 48.0,
    }
}

#[test]
fn the_first_coming_week_over_the_limit_is_the_subject() {
    let weeks = [
        week("2026-11-23", 50.0), // past
        week("2026-12-14", 49.0),
        week("2026-12-21", 48.0), // exactly the limit: not over
        week("2026-12-28", 52.5),
        week("2027-01-25", 60.0), // the 9th week from this one: too far ahead
    ];
    let input = WarningInput {
        weeks_over: &weeks,
        ..quiet(&[])
    };
    let w = warnings(&input, day(TODAY));
    assert_eq!(kinds(&w), [WarningKind::LoadOverLimit]);
    assert_eq!(w[0].subject, "2026-W51");
    assert_eq!(
        w[0].facts,
        Facts::LoadOverLimit {
            week: "2026-W51".into(),
            monday: day("2026-12-14"),
            hours: 49.0,
            limit: 48.0,
            weeks: 2
        }
    );
}

#[test]
fn this_week_counts_as_coming() {
    let weeks = [week("2026-11-30", 50.0), week("2027-01-18", 50.0)];
    let input = WarningInput {
        weeks_over: &weeks,
        ..quiet(&[])
    };
    let w = warnings(&input, day(TODAY));
    assert_eq!(w[0].subject, "2026-W49");
    assert!(matches!(w[0].facts, Facts::LoadOverLimit { weeks: 2, .. }));
}

#[test]
fn no_contact_warns_from_exactly_42_days() {
    let at = |last: &str| WarningInput {
        last_contact: Some(day(last)),
        ..quiet(&[])
    };
    assert!(warnings(&at("2026-10-23"), day(TODAY)).is_empty()); // 41 days
    let w = warnings(&at("2026-10-22"), day(TODAY)); // 42 days
    assert_eq!(kinds(&w), [WarningKind::NoContact]);
    assert_eq!(w[0].subject, "2026-10-22");
    assert_eq!(
        w[0].facts,
        Facts::NoContact {
            last: Some(day("2026-10-22")),
            days: 42
        }
    );
}

#[test]
fn never_in_contact_counts_from_when_the_person_is_known() {
    let input = WarningInput {
        last_contact: None,
        known_since: day("2026-09-01"),
        ..quiet(&[])
    };
    let w = warnings(&input, day(TODAY));
    assert_eq!(w[0].subject, "2026-09-01");
    assert_eq!(
        w[0].facts,
        Facts::NoContact {
            last: None,
            days: 93
        }
    );
    let recent = WarningInput {
        known_since: day("2026-11-30"),
        ..input
    };
    assert!(warnings(&recent, day(TODAY)).is_empty());
}

#[test]
fn without_an_open_enrolment_no_contact_does_not_warn() {
    let input = WarningInput {
        last_contact: Some(day("2025-01-01")),
        open_enrolment: false,
        ..quiet(&[])
    };
    assert!(warnings(&input, day(TODAY)).is_empty());
}

#[test]
fn each_declined_release_warns_with_its_id() {
    let declined = [
        Declined {
            agreement: "r1".into(),
            on: day("2026-11-30"),
            cohort: "Pflege 2027".into(),
        },
        Declined {
            agreement: "r2".into(),
            on: day("2026-12-01"),
            cohort: "Pflege 2027".into(),
        },
    ];
    let input = WarningInput {
        declined: &declined,
        ..quiet(&[])
    };
    let w = warnings(&input, day(TODAY));
    assert_eq!(
        kinds(&w),
        [WarningKind::ReleaseDeclined, WarningKind::ReleaseDeclined]
    );
    assert_eq!(w[1].subject, "r2");
    assert_eq!(w[1].since, day("2026-12-01"));
}
