//! The check behind the "Arbeitszeit" panel: a two-year block seminar (one evening a week plus
//! a Friday and Saturday a month, about 150 sessions) against a three-week three-shift
//! rotation with night shifts, with the public holidays of Bavaria. The participant page runs
//! it once per open enrolment.

use std::collections::BTreeMap;
use std::hint::black_box;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use lernweg_domain::State;
use lernweg_participants::{FitInput, FitSession, Shift, WorkPattern, check_fit};
use lernweg_planner::HolidayCalendar;
use lernweg_planner::model::ClockTime;

fn t(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap()
}

fn sessions() -> Vec<FitSession> {
    let start = NaiveDate::from_ymd_opt(2027, 1, 4).unwrap();
    let mut out = Vec::new();
    let mut day = start;
    while day < start + Duration::days(730) {
        let (from, to) = match day.weekday() {
            Weekday::Wed => Some(("18:00", "21:00")),
            Weekday::Fri | Weekday::Sat if day.day() <= 7 => Some(("09:00", "16:30")),
            _ => None,
        }
        .map(|(a, b)| (t(a), t(b)))
        .unzip();
        if let (Some(a), Some(b)) = (from, to) {
            out.push(FitSession {
                date: day,
                start: Some(a),
                end: Some(b),
                hours: f64::from(b.minutes() - a.minutes()) / 60.0,
                travel: true,
                module: Some(i64::from(day.month0() / 3) + 1),
            });
        }
        day += Duration::days(1);
    }
    out
}

fn rotation() -> WorkPattern {
    let week = |from: &str, to: &str| {
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ]
        .into_iter()
        .map(|d| Shift::new(d, t(from), t(to)).unwrap())
        .collect::<Vec<_>>()
    };
    WorkPattern::rotating(
        NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
        vec![
            week("06:00", "14:00"),
            week("14:00", "22:00"),
            week("22:00", "06:00"),
        ],
    )
    .unwrap()
}

fn bench(c: &mut Criterion) {
    let sessions = sessions();
    let pattern = rotation();
    let study: BTreeMap<i64, f64> = (1..=4).map(|m| (m, 2.0)).collect();
    let input = FitInput {
        pattern: &pattern,
        travel_minutes: 30,
        sessions: &sessions,
        self_study: &study,
        limit_hours: 48.0,
    };
    let fit = check_fit(&input, &mut HolidayCalendar::new(State::BY));
    assert!(sessions.len() > 120 && !fit.collisions.is_empty());
    c.bench_function("fit: 2-year block seminar vs 3-shift rotation", |b| {
        b.iter(|| {
            black_box(check_fit(
                black_box(&input),
                &mut HolidayCalendar::new(State::BY),
            ))
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
