//! Plans 1,000 offers of 300–900 contact hours (all time models, all states).
//! `cargo bench -p lernweg-planner`; criterion reports the time for the whole batch, so the
//! time per plan is that divided by 1,000.

use std::hint::black_box;

use chrono::{Duration, NaiveDate};
use criterion::{Criterion, criterion_group, criterion_main};
use lernweg_domain::State;
use lernweg_planner::{
    ExamSpec, ModuleSpec, OfferSpec, PlanOptions, TimeModel, TimeModelKind, WorkPattern, plan,
};

/// 1,000 deterministic offers: a small linear congruential generator, no randomness at run time.
fn offers() -> Vec<OfferSpec> {
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: u64| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) % n
    };
    (0..1000)
        .map(|i| {
            let kind = TimeModelKind::ALL[i % 5];
            let state = State::ALL[next(16) as usize];
            let start =
                NaiveDate::from_ymd_opt(2026, 1, 5).unwrap() + Duration::days(next(3000) as i64);
            let mut spec = OfferSpec::new("Benchmark", state, start, TimeModel::default_for(kind));
            let total = 300 + next(601) as u32;
            let modules = 2 + next(5) as usize;
            spec.modules = (0..modules)
                .map(|m| ModuleSpec {
                    title: format!("Modul {}", m + 1),
                    hours: f64::from(total) / modules as f64,
                    self_study_hours_per_week: 2.0,
                })
                .collect();
            spec.exams = vec![ExamSpec {
                after_module: modules,
                title: "Abschlussprüfung".into(),
                hours: 3.0,
            }];
            spec.kickoff = true;
            spec.work_pattern = Some(WorkPattern {
                weekly_hours: Some(38.5),
                shifts: vec![],
                travel_minutes: 30,
            });
            spec
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let offers = offers();
    let options = PlanOptions::default();
    let mut group = c.benchmark_group("planner");
    group.sample_size(10);
    group.bench_function("plan 1000 offers of 300-900 h", |b| {
        b.iter(|| {
            for spec in &offers {
                black_box(plan(black_box(spec), &options).unwrap());
            }
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
