//! One weekly-load engine: the same plan goes through the planner (`plan`, its load check) and
//! through the participant's fit check and gets the same weekly load, week by week; and the
//! load invariants hold for random sessions and shift patterns (rotating ones included).

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use lernweg_domain::State;
use lernweg_participants::{
    Fit, FitInput, FitSession, Shift, WEEKDAYS, WorkPattern, check_fit, monday_of,
};
use lernweg_planner::{
    ClockTime, ExamSpec, ExchangeSpec, HolidayCalendar, LoadSession, ModuleSpec, OfferSpec, Plan,
    PlanOptions, TimeModel, WeeklySlot, plan,
};
use proptest::prelude::*;

fn t(m: u16) -> ClockTime {
    ClockTime::from_minutes(m).unwrap()
}

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// The plan's sessions, the offer's self-study and the planner's work pattern put through the
/// fit check, the way the web layer does for a cohort.
fn fit_of(spec: &OfferSpec, p: &Plan) -> Fit {
    let w = spec.work_pattern.clone().expect("a work pattern");
    let pattern = WorkPattern::Fixed {
        shifts: w
            .shifts
            .iter()
            .filter_map(|s| Shift::from_slot(*s))
            .collect(),
    };
    let sessions: Vec<FitSession> = p
        .sessions
        .iter()
        .map(|s| LoadSession::planned(s, spec.online_lessons))
        .collect();
    let self_study = spec.self_study_per_week();
    check_fit(
        &FitInput {
            pattern: &pattern,
            travel_minutes: w.travel_minutes,
            sessions: &sessions,
            self_study: &self_study,
            limit_hours: p.load.limit_hours,
        },
        &mut HolidayCalendar::new(spec.state),
    )
}

/// Week, work, released, sessions, self-study, travel, total.
type Row = (String, f64, f64, f64, f64, f64, f64);

/// A week's numbers as a row (both week types have the same fields).
macro_rules! row {
    ($w:expr) => {{
        let w = $w;
        (
            w.week.clone(),
            w.work_hours,
            w.released_hours,
            w.session_hours,
            w.self_study_hours,
            w.travel_hours,
            w.total_hours,
        )
    }};
}

fn planner_rows(p: &Plan) -> Vec<Row> {
    p.load.weekly.iter().map(|w| row!(w)).collect()
}

fn fit_rows(f: &Fit) -> Vec<Row> {
    f.weeks.iter().map(|w| row!(w)).collect()
}

/// Both paths give the same numbers, week by week and in sum.
fn assert_same(p: &Plan, f: &Fit) -> Result<(), TestCaseError> {
    prop_assert_eq!(planner_rows(p), fit_rows(f));
    prop_assert_eq!(p.load.avg_weekly_hours, f.avg_weekly_hours);
    prop_assert_eq!(p.load.peak_weekly_hours, f.peak_weekly_hours);
    prop_assert_eq!(p.load.weeks_over_limit.len(), f.weeks_over_limit);
    let over: Vec<bool> = p
        .load
        .weekly
        .iter()
        .map(|w| p.load.weeks_over_limit.iter().any(|o| o.week == w.week))
        .collect();
    prop_assert_eq!(
        over,
        f.weeks.iter().map(|w| w.over_limit).collect::<Vec<_>>()
    );
    let need: Vec<(NaiveDate, f64, ClockTime)> = p
        .release_needed
        .iter()
        .map(|r| (r.date, r.overlap_hours, r.shift.start))
        .collect();
    let collisions: Vec<(NaiveDate, f64, ClockTime)> = f
        .collisions
        .iter()
        .map(|c| (c.date, c.overlap_hours, c.shift_start))
        .collect();
    prop_assert_eq!(need, collisions);
    Ok(())
}

/// `total = work − released + sessions + self-study + travel` (each rounded to cents),
/// released ≤ work and released ≤ session hours.
fn assert_invariants(f: &Fit) -> Result<(), TestCaseError> {
    for w in &f.weeks {
        let sum =
            w.work_hours - w.released_hours + w.session_hours + w.self_study_hours + w.travel_hours;
        prop_assert!((w.total_hours - sum).abs() <= 0.031, "{w:?}");
        prop_assert!(w.released_hours <= w.work_hours, "{w:?}");
        prop_assert!(w.released_hours <= w.session_hours + 0.011, "{w:?}");
        prop_assert!(w.released_hours >= 0.0 && w.total_hours >= 0.0, "{w:?}");
        prop_assert_eq!(w.over_limit, w.total_hours > f.limit_hours + 1e-9);
    }
    Ok(())
}

#[test]
fn the_same_plan_gives_the_same_weekly_load_in_the_planner_and_the_fit_check() {
    // Tuesday and Thursday evenings in Bavaria over Easter 2027, kick-off, an exam, exchange
    // meetings; a late shift on Thursday and a night shift from Sunday into Monday.
    let mut spec = OfferSpec::new(
        "Pflegedeutsch",
        State::BY,
        d("2027-03-01"),
        TimeModel::EveningCourse {
            evenings: vec![
                WeeklySlot::new(Weekday::Tue, t(18 * 60), t(21 * 60)),
                WeeklySlot::new(Weekday::Thu, t(17 * 60), t(20 * 60)),
            ],
        },
    );
    spec.kickoff = true;
    spec.modules = vec![
        ModuleSpec {
            title: "Fachsprache".into(),
            hours: 24.0,
            self_study_hours_per_week: 2.0,
        },
        ModuleSpec {
            title: "Dokumentation".into(),
            hours: 18.0,
            self_study_hours_per_week: 3.5,
        },
    ];
    spec.exams = vec![ExamSpec {
        after_module: 1,
        title: "Zwischenprüfung".into(),
        hours: 2.0,
    }];
    spec.exchange = Some(ExchangeSpec {
        every_weeks: 2,
        slot: WeeklySlot::new(Weekday::Sat, t(10 * 60), t(12 * 60)),
    });
    let mut shifts: Vec<WeeklySlot> = WEEKDAYS[..3]
        .iter()
        .map(|w| WeeklySlot::new(*w, t(6 * 60), t(14 * 60)))
        .collect();
    shifts.push(WeeklySlot::new(Weekday::Thu, t(12 * 60), t(19 * 60 + 30)));
    shifts.push(WeeklySlot::new(Weekday::Sun, t(22 * 60), t(6 * 60)));
    spec.work_pattern = Some(lernweg_planner::WorkPattern {
        weekly_hours: None,
        shifts,
        travel_minutes: 40,
    });
    for online in [false, true] {
        spec.online_lessons = online;
        let p = plan(&spec, &PlanOptions::default()).unwrap();
        let f = fit_of(&spec, &p);
        assert_same(&p, &f).unwrap();
        assert_invariants(&f).unwrap();
        // Not a vacuous comparison: Thursdays need release, Easter Monday is a day off.
        assert!(f.release_hours > 0.0 && !p.release_needed.is_empty());
        let easter = f.weeks.iter().find(|w| w.week == "2027-W13").unwrap();
        assert_eq!(easter.work_hours, 39.5 - 8.0);
        assert!(f.collisions.iter().any(|c| c.overlap_hours == 2.5));
    }
}

fn fixed_shifts() -> impl Strategy<Value = Vec<WeeklySlot>> {
    // Any weekday, start on the quarter hour, 1–12 hours (night shifts cross midnight).
    prop::collection::vec((0usize..7, 0u16..96, 4u16..49), 0..8).prop_map(|v| {
        v.into_iter()
            .map(|(w, s, len)| {
                let start = s * 15;
                WeeklySlot::new(WEEKDAYS[w], t(start), t((start + len * 15) % (24 * 60)))
            })
            .filter(|s| s.start != s.end)
            .collect()
    })
}

prop_compose! {
    fn evening_offer()(
        state in 0usize..16,
        start in 0i64..(4 * 365),
        evenings in prop::collection::vec((0usize..7, 24u16..76, 4u16..17), 1..3),
        modules in prop::collection::vec((4u32..60, 0u32..9), 1..4),
        kickoff in any::<bool>(),
        exam in proptest::option::of(1u32..4),
        online in any::<bool>(),
        shifts in fixed_shifts(),
        travel in 0u32..120,
    ) -> OfferSpec {
        let mut seen = Vec::new();
        let evenings = evenings.into_iter().filter(|(w, ..)| {
            let new = !seen.contains(w);
            seen.push(*w);
            new
        }).map(|(w, s, len)| WeeklySlot::new(WEEKDAYS[w], t(s * 15), t(s * 15 + len * 15)));
        let mut spec = OfferSpec::new(
            "Eigenschaftstest",
            State::ALL[state],
            d("2026-01-01") + Duration::days(start),
            TimeModel::EveningCourse { evenings: evenings.collect() },
        );
        spec.kickoff = kickoff;
        spec.online_lessons = online;
        spec.modules = modules.iter().enumerate().map(|(i, (h, study))| ModuleSpec {
            title: format!("Modul {}", i + 1),
            hours: f64::from(*h),
            self_study_hours_per_week: f64::from(*study) / 2.0,
        }).collect();
        spec.exams = exam.into_iter().map(|h| ExamSpec {
            after_module: 1,
            title: "Prüfung".into(),
            hours: f64::from(h),
        }).collect();
        spec.work_pattern = Some(lernweg_planner::WorkPattern {
            weekly_hours: None,
            shifts,
            travel_minutes: travel,
        });
        spec
    }
}

/// One week of a rotation: at most one shift a day, starting 06:00–22:00 and at most 8 hours
/// long, so no two shifts overlap (as the participant's form requires).
fn rotation_week() -> impl Strategy<Value = Vec<Shift>> {
    prop::collection::vec(proptest::option::weighted(0.4, (24u16..89, 4u16..33)), 7).prop_map(
        |days| {
            days.into_iter()
                .zip(WEEKDAYS)
                .filter_map(|(s, w)| {
                    let (start, len) = s?;
                    Shift::new(w, t(start * 15), t((start * 15 + len * 15) % (24 * 60)))
                })
                .collect()
        },
    )
}

fn random_sessions() -> impl Strategy<Value = Vec<FitSession>> {
    prop::collection::vec(
        (0i64..120, 0u16..96, 2u16..17, any::<bool>(), 0i64..4),
        0..25,
    )
    .prop_map(|v| {
        let mut out: Vec<FitSession> = v
            .into_iter()
            .map(|(day, s, len, travel, module)| {
                let start = s * 15;
                FitSession {
                    date: d("2027-01-01") + Duration::days(day),
                    start: Some(t(start)),
                    end: Some(t((start + len * 15) % (24 * 60))),
                    hours: f64::from(len) / 4.0,
                    travel,
                    module: (module > 0).then_some(module),
                }
            })
            .collect();
        out.sort_by_key(|s| (s.date, s.start));
        out
    })
}

/// Work and released hours per week (by Monday), counted minute by minute: shifts that start
/// on a day that is not a public holiday are work, a night shift running into the next day;
/// a session's minutes inside some shift are released, at most its hours, at most the work.
fn brute_force(
    pattern: &WorkPattern,
    holidays: &mut HolidayCalendar,
    sessions: &[FitSession],
) -> BTreeMap<NaiveDate, (f64, f64)> {
    let mut weeks: BTreeMap<NaiveDate, (f64, f64)> = BTreeMap::new();
    for s in sessions {
        let (Some(a), Some(b)) = (s.start, s.end) else {
            continue;
        };
        let from = s.date.and_time(a.to_naive());
        let len = (i64::from(b.minutes()) - i64::from(a.minutes())).rem_euclid(24 * 60);
        let mut inside = 0;
        for m in 0..len {
            let at = from + Duration::minutes(m);
            let day = at.date();
            let working = [day - Duration::days(1), day].into_iter().any(|start_day| {
                !holidays.is_holiday(start_day)
                    && pattern
                        .shifts_on(start_day)
                        .iter()
                        .any(|(x, y)| *x <= at && at < *y)
            });
            inside += i32::from(working);
        }
        weeks.entry(monday_of(s.date)).or_default().1 += (f64::from(inside) / 60.0).min(s.hours);
    }
    for (m, (work, released)) in weeks.iter_mut() {
        let minutes: i64 = (0..7)
            .map(|i| *m + Duration::days(i))
            .filter(|day| !holidays.is_holiday(*day))
            .flat_map(|day| pattern.shifts_on(day))
            .map(|(x, y)| (y - x).num_minutes())
            .sum();
        *work = minutes as f64 / 60.0;
        *released = released.min(*work);
    }
    weeks
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any evening course planned against any fixed weekly shifts: the planner's load check
    /// and the fit check of its sessions agree week by week, and the invariants hold.
    #[test]
    fn planner_load_equals_fit_load(spec in evening_offer()) {
        let p = plan(&spec, &PlanOptions::default());
        prop_assume!(p.is_ok());
        let p = p.unwrap();
        let f = fit_of(&spec, &p);
        assert_same(&p, &f)?;
        assert_invariants(&f)?;
    }

    /// Random sessions against a rotating plan with night shifts: the invariants hold, every
    /// week from the first to the last session is there, and the release equals a
    /// minute-by-minute count.
    #[test]
    fn load_invariants_hold_for_rotations(
        weeks in prop::collection::vec(rotation_week(), 1..4),
        anchor in 0i64..60,
        sessions in random_sessions(),
        state in 0usize..16,
        travel in 0u32..90,
    ) {
        let pattern = WorkPattern::rotating(d("2026-12-01") + Duration::days(anchor), weeks).unwrap();
        let study = BTreeMap::from([(1, 2.0), (2, 1.5), (3, 0.5)]);
        let mut holidays = HolidayCalendar::new(State::ALL[state]);
        let f = check_fit(
            &FitInput {
                pattern: &pattern,
                travel_minutes: travel,
                sessions: &sessions,
                self_study: &study,
                limit_hours: 48.0,
            },
            &mut holidays,
        );
        assert_invariants(&f)?;
        let mondays: Vec<NaiveDate> = f.weeks.iter().map(|w| w.monday).collect();
        if let (Some(first), Some(last)) = (sessions.first(), sessions.last()) {
            let n = (monday_of(last.date)
                - monday_of(first.date)).num_days() / 7 + 1;
            prop_assert_eq!(mondays.len() as i64, n);
            prop_assert!(mondays.iter().all(|m| m.weekday() == Weekday::Mon));
        } else {
            prop_assert!(mondays.is_empty());
        }
        let brute = brute_force(&pattern, &mut holidays, &sessions);
        for w in f.weeks.iter().filter(|w| w.session_hours > 0.0) {
            let (work, released) = brute[&w.monday];
            prop_assert!((w.work_hours - work).abs() <= 0.005, "{w:?} work {work}");
            prop_assert!((w.released_hours - released).abs() <= 0.005, "{w:?} released {released}");
        }
    }
}
