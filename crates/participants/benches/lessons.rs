//! Issue 14, point 9: dating 120 hours of individual lessons (1.5 hours a session, Tuesdays,
//! Thursdays and Saturdays between 07:00 and 21:00, 40 minutes' commute) for a person on a
//! 12-week rotation of early, late and night shifts, over two years, in Bavaria, with a
//! trainer who teaches elsewhere every Tuesday and Thursday evening and a closing period.

use std::hint::black_box;

use chrono::{Duration, NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use lernweg_domain::State;
use lernweg_participants::{Shift, WorkPattern};
use lernweg_planner::model::ClockTime;
use lernweg_planner::{ClosurePeriod, HolidayCalendar, LessonRequest, schedule_lessons};

fn t(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap()
}

/// Twelve weeks: early, late and night weeks with days off moving through the week.
fn rotation() -> WorkPattern {
    let kinds = [("06:00", "14:00"), ("14:00", "22:00"), ("22:00", "06:00")];
    let days = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];
    let weeks = (0..12)
        .map(|w| {
            let (a, b) = kinds[w % 3];
            days.iter()
                .enumerate()
                .filter(|(i, _)| (i + w) % 7 < 5)
                .map(|(_, d)| Shift::new(*d, t(a), t(b)).unwrap())
                .collect()
        })
        .collect();
    WorkPattern::rotating(NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(), weeks).unwrap()
}

fn request() -> LessonRequest {
    let earliest = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
    let trainer_busy = (0..730)
        .map(|i| earliest + Duration::days(i))
        .filter(|d| matches!(chrono::Datelike::weekday(d), Weekday::Tue | Weekday::Thu))
        .map(|d| {
            (
                d.and_hms_opt(17, 0, 0).unwrap(),
                d.and_hms_opt(20, 0, 0).unwrap(),
            )
        })
        .collect();
    LessonRequest {
        hours: 120.0,
        session_hours: 1.5,
        earliest,
        weekdays: vec![Weekday::Tue, Weekday::Thu, Weekday::Sat],
        window_start: t("07:00"),
        window_end: t("21:00"),
        deadline: Some(earliest + Duration::days(730)),
        travel_minutes: 40,
        closures: vec![ClosurePeriod {
            from: NaiveDate::from_ymd_opt(2027, 7, 26).unwrap(),
            to: NaiveDate::from_ymd_opt(2027, 8, 20).unwrap(),
            name: "Sommerschließung".into(),
        }],
        person_busy: Vec::new(),
        trainer_busy,
    }
}

fn bench(c: &mut Criterion) {
    let work = rotation();
    let req = request();
    let sessions = schedule_lessons(&req, &work, &mut HolidayCalendar::new(State::BY)).unwrap();
    assert_eq!(sessions.iter().map(|s| s.hours).sum::<f64>(), 120.0);
    c.bench_function("lessons_120h_rotation_12_weeks", |b| {
        b.iter(|| {
            let mut holidays = HolidayCalendar::new(State::BY);
            black_box(schedule_lessons(black_box(&req), &work, &mut holidays).unwrap())
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
