mod common;

use chrono::Weekday;
use common::*;
use lernweg_offers::{PartTimeClass, classify};
use lernweg_planner::{ClockTime, WeeklySlot, WorkPattern};
use serde_json::json;

fn shift(d: Weekday, a: u16, b: u16) -> WeeklySlot {
    WeeklySlot::new(
        d,
        ClockTime::new(a, 0).unwrap(),
        ClockTime::new(b, 0).unwrap(),
    )
}

fn codes(c: &lernweg_offers::Classification) -> Vec<&'static str> {
    c.reasons.iter().map(|r| r.code).collect()
}

#[test]
fn table_without_timetable() {
    let cases = [
        (
            json!({"time_model": {"kind": "evening_course"}}),
            PartTimeClass::Asynchronous,
        ),
        // The monthly Friday is in working time: about a quarter of the hours.
        (
            json!({"time_model": {"kind": "block_seminar"}}),
            PartTimeClass::Mixed,
        ),
        (
            json!({"time_model": {"kind": "release_slots"}}),
            PartTimeClass::Synchronous,
        ),
        (
            json!({"time_model": {"kind": "self_paced"}}),
            PartTimeClass::Asynchronous,
        ),
        // One compact week a quarter: all hours in working time, still part-time.
        (
            json!({"time_model": {"kind": "compact_seminar"}}),
            PartTimeClass::Synchronous,
        ),
        // Eight compact weeks a quarter: more than half the weeks full-time.
        (
            json!({"time_model": {"kind": "compact_seminar", "weeks_per_quarter": 8}}),
            PartTimeClass::NotPartTime,
        ),
        // Release slot Thursday morning plus two evenings: mixed.
        (
            json!({"time_model": {"kind": "release_slots", "slots": [
                {"weekday": "thu", "start": "08:00", "end": "12:00"},
                {"weekday": "mon", "start": "17:00", "end": "20:00"},
                {"weekday": "wed", "start": "17:00", "end": "20:00"}
            ]}}),
            PartTimeClass::Mixed,
        ),
        // Release slots of 32 h a week: a full-time schedule.
        (
            json!({"time_model": {"kind": "release_slots", "slots": [
                {"weekday": "mon", "start": "08:00", "end": "16:00"},
                {"weekday": "tue", "start": "08:00", "end": "16:00"},
                {"weekday": "wed", "start": "08:00", "end": "16:00"},
                {"weekday": "thu", "start": "08:00", "end": "16:00"}
            ]}}),
            PartTimeClass::NotPartTime,
        ),
        (
            json!({"goal": "compensation_measure", "company_measure_only": true}),
            PartTimeClass::NotPartTime,
        ),
    ];
    for (patch, want) in cases {
        let o = offer_with(patch.clone());
        let c = classify(&o, None);
        assert_eq!(c.class, want, "{patch}: {:?}", c.reasons);
        assert!(!c.from_timetable);
        assert!(codes(&c).contains(&"nominal_week") || want == PartTimeClass::NotPartTime);
    }
}

#[test]
fn company_measure_reason_and_json_shape() {
    let o = offer_with(json!({"goal": "compensation_measure", "company_measure_only": true}));
    let c = classify(&o, None);
    assert_eq!(
        serde_json::to_value(&c).unwrap(),
        json!({"class": "not_part_time", "reasons": [{"code": "company_measure_only", "args": {}}]})
    );
}

#[test]
fn evening_course_with_timetable_is_asynchronous() {
    let o = offer();
    let p = plan_of(&o, date(2027, 1, 11), None);
    let c = classify(&o, Some(&p));
    assert_eq!(c.class, PartTimeClass::Asynchronous);
    assert!(c.from_timetable);
    let cs = codes(&c);
    assert!(cs.contains(&"work_pattern_assumed"), "{cs:?}");
    let outside = c
        .reasons
        .iter()
        .find(|r| r.code == "sessions_outside_work_time")
        .unwrap();
    assert_eq!(outside.get("share"), Some("100"));
}

#[test]
fn release_slots_with_timetable_are_synchronous_and_need_release() {
    let o = offer_with(json!({"time_model": {"kind": "release_slots"}, "exchange": null}));
    let p = plan_of(&o, date(2027, 1, 11), None);
    let c = classify(&o, Some(&p));
    // Kick-off, lessons and exam all on Thursday mornings.
    assert_eq!(c.class, PartTimeClass::Synchronous, "{:?}", c.reasons);
    let r = c
        .reasons
        .iter()
        .find(|r| r.code == "release_needed")
        .unwrap();
    assert!(r.get("days").unwrap().parse::<usize>().unwrap() > 5);
}

#[test]
fn shift_worker_makes_evening_course_mixed() {
    // A late shift Tue/Thu 14:00–22:00 collides with the evening sessions.
    let o = offer_with(json!({"exchange": null}));
    let work = WorkPattern {
        weekly_hours: Some(30.0),
        shifts: vec![
            shift(Weekday::Mon, 6, 14),
            shift(Weekday::Tue, 14, 22),
            shift(Weekday::Wed, 6, 14),
            shift(Weekday::Thu, 14, 22),
        ],
        travel_minutes: 0,
    };
    let p = plan_of(&o, date(2027, 1, 11), Some(work));
    let c = classify(&o, Some(&p));
    assert_eq!(c.class, PartTimeClass::Synchronous, "{:?}", c.reasons);
    assert!(!codes(&c).contains(&"work_pattern_assumed"));

    // Only Tuesday collides: about half the hours in working time.
    let work = WorkPattern {
        weekly_hours: Some(30.0),
        shifts: vec![shift(Weekday::Mon, 6, 14), shift(Weekday::Tue, 14, 22)],
        travel_minutes: 0,
    };
    let p = plan_of(&o, date(2027, 1, 11), Some(work));
    let c = classify(&o, Some(&p));
    assert_eq!(c.class, PartTimeClass::Mixed, "{:?}", c.reasons);
}

#[test]
fn compact_seminar_timetable_reports_full_time_weeks_but_stays_part_time() {
    let o = offer_with(json!({
        "time_model": {"kind": "compact_seminar"},
        "modules": [{"title": "A", "hours": 80}],
        "exams": [], "exchange": null
    }));
    let p = plan_of(&o, date(2027, 1, 11), None);
    let c = classify(&o, Some(&p));
    assert_eq!(c.class, PartTimeClass::Synchronous, "{:?}", c.reasons);
    let r = c
        .reasons
        .iter()
        .find(|r| r.code == "full_time_weeks")
        .unwrap();
    assert!(r.get("weeks").unwrap().parse::<usize>().unwrap() >= 2);
}

#[test]
fn self_paced_reports_its_share() {
    let o = offer_with(json!({"time_model": {"kind": "self_paced"}, "exchange": null}));
    let p = plan_of(&o, date(2027, 1, 11), None);
    let c = classify(&o, Some(&p));
    assert_eq!(c.class, PartTimeClass::Asynchronous, "{:?}", c.reasons);
    assert!(codes(&c).contains(&"self_paced_share"));
}
