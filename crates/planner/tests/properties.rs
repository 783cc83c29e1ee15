//! Property tests: over random offers, states and start dates the planning rules always hold.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use lernweg_domain::State;
use lernweg_planner::{
    ClockTime, ClosurePeriod, ExamSpec, ModuleSpec, OfferSpec, Plan, PlanOptions, SessionKind,
    TimeModel, TimeSpan, WeeklySlot, plan, statewide,
};
use proptest::prelude::*;

const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

fn t(m: u16) -> ClockTime {
    ClockTime::from_minutes(m).unwrap()
}

fn slot_strategy() -> impl Strategy<Value = (Weekday, u16, u16)> {
    // Start 07:00–19:45 in quarter hours, 1–4 hours long.
    (0usize..7, 28u16..80, 4u16..17)
        .prop_map(|(w, s, len)| (WEEKDAYS[w], s * 15, s * 15 + len * 15))
}

fn distinct_days(slots: Vec<(Weekday, u16, u16)>) -> Vec<WeeklySlot> {
    let mut seen = Vec::new();
    let mut out = Vec::new();
    for (w, s, e) in slots {
        if !seen.contains(&w) {
            seen.push(w);
            out.push(WeeklySlot::new(w, t(s), t(e)));
        }
    }
    out
}

fn model_strategy() -> impl Strategy<Value = TimeModel> {
    prop_oneof![
        prop::collection::vec(slot_strategy(), 1..4).prop_map(|v| TimeModel::EveningCourse {
            evenings: distinct_days(v)
        }),
        // The weekly evening is on Monday to Thursday, apart from the block days.
        (slot_strategy(), 0usize..4, 28u16..40, 24u16..36).prop_map(|((_, s, e), w, ds, len)| {
            TimeModel::BlockSeminar {
                evening: WeeklySlot::new(WEEKDAYS[w], t(s), t(e)),
                weekend: TimeSpan::new(t(ds * 15), t(ds * 15 + len * 15)),
            }
        }),
        (28u16..40, 24u16..36, 1u32..4).prop_map(|(ds, len, k)| TimeModel::CompactSeminar {
            day: TimeSpan::new(t(ds * 15), t(ds * 15 + len * 15)),
            weeks_per_quarter: k,
        }),
        prop::collection::vec(slot_strategy(), 1..3).prop_map(|v| TimeModel::ReleaseSlots {
            slots: distinct_days(v)
        }),
        (2u32..20, slot_strategy()).prop_map(|(h, (w, s, e))| TimeModel::SelfPaced {
            hours_per_week: f64::from(h),
            presence: WeeklySlot::new(w, t(s), t(e)),
        }),
    ]
}

prop_compose! {
    fn offer_strategy()(
        state in 0usize..16,
        start_offset in 0i64..(11 * 365),
        model in model_strategy(),
        hours in prop::collection::vec(10u32..300, 1..7),
        exam_mask in prop::collection::vec((any::<bool>(), 1u32..4), 6),
        kickoff in any::<bool>(),
        closures in prop::collection::vec((0i64..700, 0i64..20), 0..4),
    ) -> OfferSpec {
        let start = NaiveDate::from_ymd_opt(2025, 1, 1).unwrap() + Duration::days(start_offset);
        let mut spec = OfferSpec::new("Eigenschaftstest", State::ALL[state], start, model);
        spec.kickoff = kickoff;
        spec.modules = hours.iter().enumerate().map(|(i, h)| ModuleSpec {
            title: format!("Modul {}", i + 1),
            hours: f64::from(*h),
            self_study_hours_per_week: 1.0,
        }).collect();
        spec.exams = exam_mask.iter().take(hours.len()).enumerate()
            .filter(|(_, (has, _))| *has)
            .map(|(i, (_, h))| ExamSpec { after_module: i + 1, title: format!("Prüfung {}", i + 1), hours: f64::from(*h) })
            .collect();
        spec.closures = closures.iter().map(|(from, len)| ClosurePeriod {
            from: start + Duration::days(*from),
            to: start + Duration::days(from + len),
            name: "Pause".into(),
        }).collect();
        spec
    }
}

/// The (weekday, start, end) slots a lesson may use under the model, or `None` for self-paced.
fn allowed(spec: &OfferSpec, date: NaiveDate) -> Vec<(u16, u16)> {
    let wd = date.weekday();
    let of = |slots: &[WeeklySlot]| {
        slots
            .iter()
            .filter(|s| s.weekday == wd)
            .map(|s| (s.start.minutes(), s.end.minutes()))
            .collect::<Vec<_>>()
    };
    match &spec.time_model {
        TimeModel::EveningCourse { evenings } => of(evenings),
        TimeModel::ReleaseSlots { slots } => of(slots),
        TimeModel::BlockSeminar { evening, weekend } => {
            let mut v = of(&[*evening]);
            if matches!(wd, Weekday::Fri | Weekday::Sat) {
                v.push((weekend.start.minutes(), weekend.end.minutes()));
            }
            v
        }
        TimeModel::CompactSeminar { day, .. } => {
            if wd.num_days_from_monday() < 5 {
                vec![(day.start.minutes(), day.end.minutes())]
            } else {
                vec![]
            }
        }
        TimeModel::SelfPaced { presence, .. } => of(&[*presence]),
    }
}

fn check(spec: &OfferSpec, p: &Plan) -> Result<(), TestCaseError> {
    let holidays: Vec<NaiveDate> = (spec.start.year()..=p.end_date.year())
        .flat_map(|y| statewide(spec.state, y))
        .map(|h| h.date)
        .collect();
    let self_paced = matches!(spec.time_model, TimeModel::SelfPaced { .. });
    // Sorted, never on a holiday or in a closure, never before the start.
    for w in p.sessions.windows(2) {
        prop_assert!(w[0].date <= w[1].date);
    }
    for s in &p.sessions {
        prop_assert!(s.date >= spec.start);
        prop_assert!(!holidays.contains(&s.date), "session on holiday {}", s.date);
        prop_assert!(
            !spec.closures.iter().any(|c| c.contains(s.date)),
            "session in closure {}",
            s.date
        );
        // Lessons and events lie inside a slot of the model (exams may run longer).
        if s.kind != SessionKind::SelfPaced && s.kind != SessionKind::Exchange {
            let (a, b) = (s.start.unwrap().minutes(), s.end.unwrap().minutes());
            let fits = allowed(spec, s.date).iter().any(|(x, y)| {
                if s.kind == SessionKind::Exam {
                    a == *x
                } else {
                    *x <= a && b <= *y
                }
            });
            prop_assert!(
                fits,
                "{:?} {} {}-{} outside the model",
                s.kind,
                s.date,
                a,
                b
            );
        } else if s.kind == SessionKind::SelfPaced {
            prop_assert!(self_paced && s.start.is_none());
        }
    }
    // Block seminar: at most one Friday and one Saturday block a month.
    if let TimeModel::BlockSeminar { weekend, .. } = &spec.time_model {
        let mut fridays = std::collections::BTreeSet::new();
        for s in p
            .sessions
            .iter()
            .filter(|s| s.date.weekday() == Weekday::Fri)
        {
            prop_assert!(s.start.is_some_and(|x| x >= weekend.start));
            fridays.insert(s.date);
        }
        let months: std::collections::BTreeSet<_> =
            fridays.iter().map(|d| (d.year(), d.month())).collect();
        prop_assert_eq!(months.len(), fridays.len());
    }
    // Modules in order; each module's exams after its last lesson, before the next module.
    let teaching: Vec<_> = p
        .sessions
        .iter()
        .filter(|s| matches!(s.kind, SessionKind::Lesson | SessionKind::SelfPaced))
        .collect();
    for w in teaching.windows(2) {
        prop_assert!(w[0].module <= w[1].module, "modules out of order");
    }
    let key =
        |s: &lernweg_planner::PlannedSession| (s.date, s.start.map_or(24 * 60, |x| x.minutes()));
    for x in p.sessions.iter().filter(|s| s.kind == SessionKind::Exam) {
        let m = x.module.unwrap();
        let last = teaching
            .iter()
            .filter(|s| s.module == Some(m))
            .map(|s| key(s))
            .max()
            .unwrap();
        prop_assert!(key(x) > last, "exam before its module's last lesson");
        if let Some(next) = teaching
            .iter()
            .filter(|s| s.module == Some(m + 1))
            .map(|s| key(s))
            .min()
        {
            prop_assert!(key(x) < next, "next module starts before the exam");
        }
    }
    // Kick-off first, closing last.
    if spec.kickoff {
        prop_assert_eq!(p.sessions.first().unwrap().kind, SessionKind::Kickoff);
        prop_assert_eq!(p.sessions.last().unwrap().kind, SessionKind::Closing);
    }
    // Exactly the contact hours of every module; the last lesson is the last needed one.
    for (i, m) in spec.modules.iter().enumerate() {
        let taught: f64 = teaching
            .iter()
            .filter(|s| s.module == Some(i + 1))
            .map(|s| s.hours)
            .sum();
        prop_assert!(
            (taught - m.hours).abs() < 0.05,
            "module {} taught {} of {}",
            i + 1,
            taught,
            m.hours
        );
        let mut sorted: Vec<_> = teaching
            .iter()
            .filter(|s| s.module == Some(i + 1))
            .collect();
        sorted.sort_by_key(|s| key(s));
        let without_last: f64 = sorted[..sorted.len() - 1].iter().map(|s| s.hours).sum();
        prop_assert!(
            without_last < m.hours,
            "an extra lesson after the hours were covered"
        );
    }
    // Deadline fields agree.
    prop_assert_eq!(p.deadline_needed.is_some(), !p.deadline_met);
    prop_assert_eq!(p.end_date, p.sessions.last().unwrap().date);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1000, .. ProptestConfig::default() })]

    #[test]
    fn planning_rules_hold(spec in offer_strategy()) {
        let p = plan(&spec, &PlanOptions::default()).unwrap();
        check(&spec, &p)?;
        // Deterministic.
        prop_assert_eq!(&plan(&spec, &PlanOptions::default()).unwrap(), &p);
    }

    #[test]
    fn holidays_are_sorted_and_in_their_year(state in 0usize..16, year in 1995i32..=2100) {
        let days = statewide(State::ALL[state], year);
        prop_assert!(days.len() >= 9 && days.len() <= 15);
        prop_assert!(days.iter().all(|h| h.date.year() == year));
        prop_assert!(days.windows(2).all(|w| w[0].date <= w[1].date));
    }
}
