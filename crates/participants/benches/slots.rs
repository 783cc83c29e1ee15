//! Issue 17, point 5: choosing 3 weekly session slots out of 40 candidates for 200 participants
//! on 1- to 6-week shift rotations (early, late and night shifts), over 52 weeks with the
//! public holidays of NW — exactly. Two parts are measured: the whole choice (sessions, who can
//! attend which, the search) and the search alone over the computed table. The instance comes
//! from a fixed seed (the same every run).

use std::hint::black_box;

use chrono::{NaiveDate, Weekday};
use criterion::{Criterion, criterion_group, criterion_main};
use lernweg_domain::State;
use lernweg_participants::slot_choice::{
    Candidate, Person, Problem, Table, best_sets, best_sets_of,
};
use lernweg_participants::work_pattern::{Shift, WorkPattern};
use lernweg_planner::model::ClockTime;

/// A small deterministic generator (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

const DAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn t(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap()
}

/// 40 candidates: mornings, afternoons and evenings on every day, and some short slots.
fn candidates() -> Vec<Candidate> {
    let times = [
        ("08:00", "11:00"),
        ("09:00", "12:00"),
        ("13:00", "16:00"),
        ("17:00", "20:00"),
        ("18:00", "21:00"),
        ("19:00", "21:30"),
    ];
    let mut out = Vec::new();
    for day in DAYS.iter() {
        for (a, b) in times.iter() {
            if out.len() < 40 {
                out.push(Candidate {
                    id: format!("{day:?}-{a}"),
                    weekday: *day,
                    start: t(a),
                    end: t(b),
                });
            }
        }
    }
    assert_eq!(out.len(), 40);
    out
}

fn people(r: &mut Rng) -> Vec<Person> {
    let shifts = [
        ("06:00", "14:00"),
        ("14:00", "22:00"),
        ("22:00", "06:00"),
        ("08:00", "16:30"),
    ];
    (0..200)
        .map(|i| {
            let weeks = 1 + r.below(6) as usize;
            let pattern = (0..weeks)
                .map(|_| {
                    let (a, b) = shifts[r.below(shifts.len() as u64) as usize];
                    let days = 4 + r.below(2) as usize;
                    let first = r.below(3) as usize;
                    (first..first + days)
                        .map(|d| Shift::new(DAYS[d % 7], t(a), t(b)).unwrap())
                        .collect()
                })
                .collect();
            Person {
                id: format!("p{i}"),
                travel_minutes: 10 + 5 * r.below(10) as u32,
                pattern: WorkPattern::rotating(
                    NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
                    pattern,
                )
                .unwrap(),
            }
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let mut r = Rng(0x5EED_1702);
    let problem = Problem {
        state: State::NW,
        start: NaiveDate::from_ymd_opt(2027, 1, 11).unwrap(),
        weeks: 52,
        choose: 3,
        threshold: 0.8,
        candidates: candidates(),
        people: people(&mut r),
    };
    let best = best_sets(&problem, 5);
    println!(
        "best of 40 choose 3 for 200 people: {} able, {} attendable sessions",
        best[0].participants_able, best[0].attendable_sessions
    );
    c.bench_function(
        "slots: 40 candidates, choose 3, 200 people, 52 weeks (whole)",
        |b| b.iter(|| best_sets(black_box(&problem), 5)),
    );
    let table = Table::of(&problem);
    c.bench_function("slots: the exact search alone (table given)", |b| {
        b.iter(|| best_sets_of(black_box(&table), 3, 0.8, 5))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
