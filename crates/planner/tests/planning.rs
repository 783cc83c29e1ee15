//! The planning rules, one test per rule, on small hand-checked offers.

use chrono::{Datelike, NaiveDate, Weekday};
use lernweg_domain::State;
use lernweg_planner::{
    ClockTime, ClosurePeriod, ExamSpec, ModuleSpec, OfferSpec, Plan, PlanOptions, SessionKind,
    TimeModel, TimeModelKind, TimeSpan, WeeklySlot, WorkPattern, plan,
};

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn t(h: u16, m: u16) -> ClockTime {
    ClockTime::new(h, m).unwrap()
}

fn module(title: &str, hours: f64) -> ModuleSpec {
    ModuleSpec {
        title: title.into(),
        hours,
        self_study_hours_per_week: 0.0,
    }
}

fn offer(state: State, start: &str, model: TimeModel, hours: &[f64]) -> OfferSpec {
    let mut spec = OfferSpec::new("Test", state, d(start), model);
    spec.modules = hours
        .iter()
        .enumerate()
        .map(|(i, h)| module(&format!("M{}", i + 1), *h))
        .collect();
    spec
}

fn evenings(days: &[Weekday]) -> TimeModel {
    TimeModel::EveningCourse {
        evenings: days
            .iter()
            .map(|w| WeeklySlot::new(*w, t(18, 0), t(21, 0)))
            .collect(),
    }
}

fn run(spec: &OfferSpec) -> Plan {
    plan(spec, &PlanOptions::default()).unwrap()
}

fn dates(p: &Plan, kind: SessionKind) -> Vec<String> {
    p.sessions
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.date.to_string())
        .collect()
}

#[test]
fn evening_course_skips_holidays_and_closures() {
    // Mondays from 2027-03-22 in BY: Ostermontag 29 March is a holiday; closure 5–11 April.
    let mut spec = offer(State::BY, "2027-03-22", evenings(&[Weekday::Mon]), &[12.0]);
    spec.closures = vec![ClosurePeriod {
        from: d("2027-04-05"),
        to: d("2027-04-11"),
        name: "Osterferien".into(),
    }];
    let p = run(&spec);
    assert_eq!(
        dates(&p, SessionKind::Lesson),
        ["2027-03-22", "2027-04-12", "2027-04-19", "2027-04-26"]
    );
    assert_eq!(p.end_date, d("2027-04-26"));
    assert_eq!(p.contact_hours, 12.0);
}

#[test]
fn last_lesson_ends_when_hours_are_covered() {
    let p = run(&offer(
        State::HH,
        "2027-01-04",
        evenings(&[Weekday::Tue]),
        &[7.0],
    ));
    let lessons: Vec<_> = p.sessions.iter().collect();
    assert_eq!(lessons.len(), 3);
    assert_eq!(lessons[2].end, Some(t(19, 0)));
    assert_eq!(lessons[2].hours, 1.0);
}

#[test]
fn modules_in_order_split_slots_and_exams_end_modules() {
    let mut spec = offer(
        State::HE,
        "2027-01-04",
        evenings(&[Weekday::Mon, Weekday::Wed]),
        &[4.0, 5.0, 3.0],
    );
    spec.exams = vec![ExamSpec {
        after_module: 2,
        title: "Test 2".into(),
        hours: 2.0,
    }];
    let p = run(&spec);
    let rows: Vec<(String, String, Option<usize>, SessionKind)> = p
        .sessions
        .iter()
        .map(|s| {
            (
                s.date.to_string(),
                format!("{}-{}", s.start.unwrap(), s.end.unwrap()),
                s.module,
                s.kind,
            )
        })
        .collect();
    use SessionKind::*;
    let expected = [
        ("2027-01-04", "18:00-21:00", Some(1), Lesson),
        ("2027-01-06", "18:00-19:00", Some(1), Lesson),
        // Module 1 has no exam: module 2 takes the rest of the evening.
        ("2027-01-06", "19:00-21:00", Some(2), Lesson),
        ("2027-01-11", "18:00-21:00", Some(2), Lesson),
        // Module 2 ends with its exam: the rest of its last evening stays free.
        ("2027-01-13", "18:00-20:00", Some(2), Exam),
        ("2027-01-18", "18:00-21:00", Some(3), Lesson),
    ];
    let expected: Vec<_> = expected
        .iter()
        .map(|(a, b, m, k)| (a.to_string(), b.to_string(), *m, *k))
        .collect();
    assert_eq!(rows, expected);
    assert_eq!(p.milestones.len(), 3);
    assert!(p.milestones[1].with_exam);
    assert_eq!(p.milestones[1].date, d("2027-01-13"));
}

#[test]
fn module_ending_mid_slot_with_exam_leaves_rest_free() {
    let mut spec = offer(
        State::HE,
        "2027-01-04",
        evenings(&[Weekday::Mon]),
        &[4.0, 3.0],
    );
    spec.exams = vec![ExamSpec {
        after_module: 1,
        title: "E".into(),
        hours: 1.0,
    }];
    let p = run(&spec);
    let kinds: Vec<_> = p
        .sessions
        .iter()
        .map(|s| (s.date.to_string(), s.kind, s.hours))
        .collect();
    assert_eq!(
        kinds,
        vec![
            ("2027-01-04".into(), SessionKind::Lesson, 3.0),
            ("2027-01-11".into(), SessionKind::Lesson, 1.0),
            ("2027-01-18".into(), SessionKind::Exam, 1.0),
            ("2027-01-25".into(), SessionKind::Lesson, 3.0),
        ]
    );
}

#[test]
fn kickoff_first_and_closing_last() {
    let mut spec = offer(State::NI, "2027-01-04", evenings(&[Weekday::Thu]), &[6.0]);
    spec.kickoff = true;
    spec.exams = vec![ExamSpec {
        after_module: 1,
        title: "Abschlussprüfung".into(),
        hours: 3.0,
    }];
    let p = run(&spec);
    let kinds: Vec<_> = p.sessions.iter().map(|s| s.kind).collect();
    use SessionKind::*;
    assert_eq!(kinds, vec![Kickoff, Lesson, Lesson, Exam, Closing]);
    assert_eq!(p.sessions[0].module, None);
    assert_eq!(p.sessions[0].date, d("2027-01-07"));
    assert_eq!(p.end_date, d("2027-02-04"));
}

#[test]
fn block_seminar_uses_first_free_friday_saturday_of_each_month() {
    // BW 2027: Friday 1 January is Neujahr, so January's block is 8+9 January; in April,
    // Friday 2 is a normal day (Karfreitag is 26 March).
    let model = TimeModel::BlockSeminar {
        evening: WeeklySlot::new(Weekday::Wed, t(18, 0), t(21, 15)),
        weekend: TimeSpan::new(t(9, 0), t(16, 30)),
    };
    let p = run(&offer(State::BW, "2027-01-01", model, &[100.0]));
    let fri_sat: Vec<_> = p
        .sessions
        .iter()
        .filter(|s| matches!(s.date.weekday(), Weekday::Fri | Weekday::Sat))
        .map(|s| s.date.to_string())
        .collect();
    assert_eq!(
        &fri_sat[..6],
        [
            "2027-01-08",
            "2027-01-09",
            "2027-02-05",
            "2027-02-06",
            "2027-03-05",
            "2027-03-06"
        ]
    );
    for s in &p.sessions {
        match s.date.weekday() {
            Weekday::Wed => assert_eq!((s.start, s.hours.min(3.25)), (Some(t(18, 0)), s.hours)),
            Weekday::Fri | Weekday::Sat => assert_eq!(s.start, Some(t(9, 0))),
            other => panic!("session on {other}"),
        }
    }
    // Exactly one Friday and one Saturday per month.
    let mut months = std::collections::BTreeMap::new();
    for s in p
        .sessions
        .iter()
        .filter(|s| s.date.weekday() == Weekday::Fri)
    {
        *months.entry((s.date.year(), s.date.month())).or_insert(0) += 1;
    }
    assert!(months.values().all(|&n| n == 1));
}

#[test]
fn compact_seminar_skips_weeks_with_a_holiday() {
    // BY 2027 Q1: week of 4 January contains Heilige Drei Könige; the first free week is 11–15.
    let model = TimeModel::CompactSeminar {
        day: TimeSpan::new(t(8, 0), t(15, 30)),
        weeks_per_quarter: 1,
    };
    let p = run(&offer(State::BY, "2027-01-01", model, &[75.0]));
    assert_eq!(
        dates(&p, SessionKind::Lesson),
        [
            "2027-01-11",
            "2027-01-12",
            "2027-01-13",
            "2027-01-14",
            "2027-01-15",
            // Q2: week of 5 April is free (Ostermontag is 29 March, in Q1).
            "2027-04-05",
            "2027-04-06",
            "2027-04-07",
            "2027-04-08",
            "2027-04-09",
        ]
    );
    // Compact weeks during working time need release.
    assert!(p.work_pattern_assumed);
    assert_eq!(p.release_days(), 10);
}

#[test]
fn release_slots_are_listed_for_release() {
    let model = TimeModel::ReleaseSlots {
        slots: vec![WeeklySlot::new(Weekday::Thu, t(8, 0), t(12, 0))],
    };
    let mut spec = offer(State::SN, "2027-11-01", model, &[12.0]);
    spec.work_pattern = Some(WorkPattern {
        weekly_hours: Some(38.0),
        shifts: vec![WeeklySlot::new(Weekday::Thu, t(7, 0), t(15, 0))],
        travel_minutes: 30,
    });
    let p = run(&spec);
    assert_eq!(p.release_needed.len(), 3);
    assert!(p.release_needed.iter().all(|r| r.overlap_hours == 4.0));
    // Work 38 h − 4 h released + 4 h session + 1 h travel.
    assert_eq!(p.load.weekly[0].total_hours, 39.0);
}

#[test]
fn buss_und_bettag_blocks_saxony_only() {
    // Wednesday 17 November 2027.
    let sn = run(&offer(
        State::SN,
        "2027-11-15",
        evenings(&[Weekday::Wed]),
        &[6.0],
    ));
    assert_eq!(
        dates(&sn, SessionKind::Lesson),
        ["2027-11-24", "2027-12-01"]
    );
    let th = run(&offer(
        State::TH,
        "2027-11-15",
        evenings(&[Weekday::Wed]),
        &[6.0],
    ));
    assert_eq!(
        dates(&th, SessionKind::Lesson),
        ["2027-11-17", "2027-11-24"]
    );
}

#[test]
fn missed_deadline_reports_needed_date() {
    let mut spec = offer(State::NW, "2027-01-04", evenings(&[Weekday::Mon]), &[30.0]);
    spec.deadline = Some(d("2027-02-01"));
    let p = run(&spec);
    assert!(!p.deadline_met);
    assert_eq!(p.deadline_needed, Some(p.end_date));
    assert!(p.end_date > d("2027-02-01"));
    spec.deadline = Some(p.end_date);
    let p2 = run(&spec);
    assert!(p2.deadline_met);
    assert_eq!(p2.deadline_needed, None);
}

#[test]
fn self_paced_units_are_weekly_with_presence_events() {
    let model = TimeModel::SelfPaced {
        hours_per_week: 4.0,
        presence: WeeklySlot::new(Weekday::Sat, t(10, 0), t(14, 0)),
    };
    let mut spec = offer(State::BB, "2027-03-22", model, &[10.0]);
    spec.kickoff = true;
    spec.exams = vec![ExamSpec {
        after_module: 1,
        title: "Test".into(),
        hours: 2.0,
    }];
    let p = run(&spec);
    let rows: Vec<_> = p
        .sessions
        .iter()
        .map(|s| (s.date.to_string(), s.kind, s.hours))
        .collect();
    use SessionKind::*;
    assert_eq!(
        rows,
        vec![
            ("2027-03-27".into(), Kickoff, 4.0),
            // Ostersonntag 28 March is a holiday in Brandenburg: the unit of the week after the
            // kick-off is due on Sunday 4 April; the one before would have been on Easter Sunday.
            ("2027-04-04".into(), SelfPaced, 4.0),
            ("2027-04-11".into(), SelfPaced, 4.0),
            ("2027-04-18".into(), SelfPaced, 2.0),
            ("2027-04-24".into(), Exam, 2.0),
            // Saturday 1 May is Tag der Arbeit.
            ("2027-05-08".into(), Closing, 4.0),
        ]
    );
    assert!(
        p.sessions
            .iter()
            .filter(|s| s.kind == SelfPaced)
            .all(|s| s.start.is_none())
    );
}

#[test]
fn brandenburg_easter_sunday_moves_unit_deadline() {
    let model = TimeModel::SelfPaced {
        hours_per_week: 4.0,
        presence: WeeklySlot::new(Weekday::Sat, t(10, 0), t(14, 0)),
    };
    let p = run(&offer(State::BB, "2027-03-22", model.clone(), &[4.0]));
    assert_eq!(dates(&p, SessionKind::SelfPaced), ["2027-03-27"]);
    let p = run(&offer(State::BE, "2027-03-22", model, &[4.0]));
    assert_eq!(dates(&p, SessionKind::SelfPaced), ["2027-03-28"]);
}

#[test]
fn same_input_same_plan_and_uids() {
    let mut spec = offer(
        State::RP,
        "2027-01-04",
        evenings(&[Weekday::Mon, Weekday::Thu]),
        &[30.0, 20.0],
    );
    spec.kickoff = true;
    let a = run(&spec);
    let b = run(&spec);
    assert_eq!(a, b);
    let mut uids: Vec<_> = a.sessions.iter().map(|s| s.uid.clone()).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), a.sessions.len());
    // A closure moves sessions but keeps the UIDs of the n-th lesson of each module.
    spec.closures = vec![ClosurePeriod {
        from: d("2027-01-11"),
        to: d("2027-01-17"),
        name: "Pause".into(),
    }];
    let c = run(&spec);
    assert_eq!(a.sessions[1].uid, c.sessions[1].uid);
    assert_ne!(a.sessions[3].date, c.sessions[3].date);
    assert_eq!(a.sessions[3].uid, c.sessions[3].uid);
}

#[test]
fn exchange_meetings_between_first_and_last_lesson() {
    let mut spec = offer(State::HB, "2027-01-04", evenings(&[Weekday::Mon]), &[30.0]);
    spec.exchange = Some(lernweg_planner::ExchangeSpec {
        every_weeks: 4,
        slot: WeeklySlot::new(Weekday::Tue, t(18, 0), t(19, 30)),
    });
    let p = run(&spec);
    assert_eq!(
        dates(&p, SessionKind::Exchange),
        ["2027-01-05", "2027-02-02", "2027-03-02"]
    );
    assert!(
        p.sessions
            .iter()
            .filter(|s| s.kind == SessionKind::Exchange)
            .all(|s| s.module.is_none())
    );
}

#[test]
fn load_counts_work_sessions_self_study_and_travel() {
    let mut spec = offer(
        State::HH,
        "2027-01-04",
        evenings(&[Weekday::Mon, Weekday::Wed]),
        &[12.0],
    );
    spec.modules[0].self_study_hours_per_week = 2.0;
    spec.work_pattern = Some(WorkPattern {
        weekly_hours: Some(40.0),
        shifts: vec![],
        travel_minutes: 45,
    });
    let p = run(&spec);
    // 40 work + 6 sessions + 2 self-study + 2 days × 1.5 h travel = 51.
    assert_eq!(p.load.weekly[0].total_hours, 51.0);
    assert_eq!(p.load.weeks_over_limit.len(), 2);
    assert_eq!(p.load.weeks_over_limit[0].week, "2027-W01");
    let relaxed = plan(
        &spec,
        &PlanOptions {
            load_limit_hours: Some(52.0),
        },
    )
    .unwrap();
    assert!(relaxed.load.weeks_over_limit.is_empty());
    assert_eq!(relaxed.load.limit_hours, 52.0);
    // A holiday week has less work: Neujahr 2027 is a Friday, 8 h less.
    let spec2 = OfferSpec {
        start: d("2026-12-28"),
        ..spec.clone()
    };
    let p2 = run(&spec2);
    assert_eq!(p2.load.weekly[0].work_hours, 32.0);
}

#[test]
fn invalid_offers_are_rejected() {
    let spec = offer(State::BY, "2027-01-04", evenings(&[Weekday::Mon]), &[]);
    assert_eq!(
        plan(&spec, &PlanOptions::default())
            .unwrap_err()
            .to_string(),
        "an offer needs at least one [[modules]] entry"
    );
    let spec = offer(
        State::BY,
        "2027-01-04",
        evenings(&[Weekday::Mon]),
        &[10.0, -1.0],
    );
    assert_eq!(
        plan(&spec, &PlanOptions::default())
            .unwrap_err()
            .to_string(),
        "module 2: hours must be positive"
    );
}

#[test]
fn closures_that_block_everything_are_unplannable() {
    let mut spec = offer(State::BY, "2099-01-04", evenings(&[Weekday::Mon]), &[10.0]);
    spec.closures = vec![ClosurePeriod {
        from: d("2099-01-01"),
        to: d("2100-12-31"),
        name: "zu".into(),
    }];
    let e = plan(&spec, &PlanOptions::default()).unwrap_err();
    assert!(e.to_string().contains("past 2100"), "{e}");
}

#[test]
fn compare_recommends_lower_sustained_load_within_deadline() {
    let mut spec = offer(
        State::NW,
        "2027-01-11",
        TimeModel::default_for(TimeModelKind::BlockSeminar),
        &[120.0, 100.0],
    );
    spec.deadline = Some(d("2029-12-31"));
    let c = lernweg_planner::compare(&spec, &PlanOptions::default()).unwrap();
    assert_eq!(c.options.len(), 5);
    let best = c
        .options
        .iter()
        .find(|o| o.time_model == c.recommended)
        .unwrap();
    assert!(best.deadline_met);
    let min_avg = c
        .options
        .iter()
        .filter(|o| o.deadline_met)
        .map(|o| o.avg_weekly_hours.round() as i64)
        .min()
        .unwrap();
    assert_eq!(best.avg_weekly_hours.round() as i64, min_avg);
    assert!(!c.reasons.is_empty());
    // With a deadline nobody meets, the earliest end wins.
    spec.deadline = Some(d("2027-02-01"));
    let c = lernweg_planner::compare(&spec, &PlanOptions::default()).unwrap();
    let earliest = c.options.iter().map(|o| o.end_date).min().unwrap();
    let best = c
        .options
        .iter()
        .find(|o| o.time_model == c.recommended)
        .unwrap();
    assert_eq!(best.end_date, earliest);
    assert!(c.reasons[0].starts_with("Keine Variante hält die Frist"));
}
