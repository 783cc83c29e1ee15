mod common;

use common::*;
use lernweg_offers::{
    CohortPublication, FactorStatus, Offer, ParticipantStats, SuccessFactor, SuccessInput,
    check_success, weakest_factors,
};
use lernweg_planner::Plan;
use serde_json::json;

use FactorStatus::{Met, NotMet, Partly};

fn get<'a>(list: &'a [SuccessFactor], id: &str) -> &'a SuccessFactor {
    list.iter()
        .find(|f| f.factor == id)
        .unwrap_or_else(|| panic!("no factor {id}"))
}

fn status(input: &SuccessInput<'_>, id: &str) -> (FactorStatus, &'static str) {
    let list = check_success(input);
    let f = get(&list, id);
    (f.status, f.explanation.code)
}

fn fixture() -> (Offer, Plan) {
    let o = offer();
    // A typical part-time job: 30 h, Mon–Fri from 08:00.
    let work = lernweg_planner::WorkPattern {
        weekly_hours: Some(30.0),
        shifts: Vec::new(),
        travel_minutes: 20,
    };
    let p = plan_of(&o, date(2027, 9, 6), Some(work));
    (o, p)
}

#[test]
fn at_least_fifteen_factors_with_sections_and_json_shape() {
    let (o, p) = fixture();
    let mut i = SuccessInput::new(&o, date(2026, 8, 1));
    i.plan = Some(&p);
    let list = check_success(&i);
    assert!(list.len() >= 15, "{}", list.len());
    let mut ids: Vec<_> = list.iter().map(|f| f.factor).collect();
    ids.dedup();
    assert_eq!(ids.len(), list.len(), "ids are unique");
    for f in &list {
        assert!(
            ["1", "2.1", "2.2", "2.3"].contains(&f.section),
            "{}",
            f.factor
        );
    }
    let v = serde_json::to_value(&list[2]).unwrap();
    assert_eq!(v["factor"], "kickoff_closing_presence");
    assert_eq!(v["status"], "met");
    assert_eq!(v["section"], "2.1");
    assert_eq!(v["explanation"]["code"], "kickoff_and_closing_in_presence");
}

#[test]
fn offer_only_factors() {
    let today = date(2026, 8, 1);
    let cases: Vec<(serde_json::Value, &str, FactorStatus, &str)> = vec![
        (
            json!({}),
            "part_time_classification",
            Met,
            "classified_part_time",
        ),
        (
            json!({"goal": "compensation_measure", "company_measure_only": true}),
            "part_time_classification",
            NotMet,
            "classified_not_part_time",
        ),
        (json!({}), "flexible_delivery", Met, "flexible_delivery"),
        (
            json!({"delivery_modes": ["presence"]}),
            "flexible_delivery",
            NotMet,
            "presence_only",
        ),
        (
            json!({}),
            "kickoff_closing_presence",
            Met,
            "kickoff_and_closing_in_presence",
        ),
        (
            json!({"closing_in_presence": false}),
            "kickoff_closing_presence",
            Partly,
            "closing_not_in_presence",
        ),
        (
            json!({"kickoff_in_presence": false}),
            "kickoff_closing_presence",
            Partly,
            "kickoff_not_in_presence",
        ),
        (
            json!({"kickoff_in_presence": false, "closing_in_presence": false}),
            "kickoff_closing_presence",
            NotMet,
            "no_kickoff_closing",
        ),
        (json!({}), "device_loans", Met, "device_loans_offered"),
        (
            json!({"support": []}),
            "device_loans",
            NotMet,
            "no_device_loans",
        ),
        (
            json!({"support": [], "delivery_modes": ["presence"]}),
            "device_loans",
            Met,
            "devices_not_needed",
        ),
        (
            json!({}),
            "exam_dates_in_timetable",
            Partly,
            "exams_without_timetable",
        ),
        (
            json!({"exams": []}),
            "exam_dates_in_timetable",
            Partly,
            "no_exam_defined",
        ),
        (
            json!({"exams": [], "goal": "partial_qualification"}),
            "exam_dates_in_timetable",
            NotMet,
            "no_exam_defined_expected",
        ),
        (
            json!({}),
            "modules_with_milestones",
            Met,
            "all_modules_with_milestones",
        ),
        (
            json!({"exams": []}),
            "modules_with_milestones",
            Partly,
            "some_modules_with_milestones",
        ),
        (
            json!({"exams": [], "modules": [{"title": "A", "hours": 40}]}),
            "modules_with_milestones",
            Partly,
            "single_short_module",
        ),
        (
            json!({"exams": [], "modules": [{"title": "A", "hours": 200}]}),
            "modules_with_milestones",
            NotMet,
            "single_long_module",
        ),
        (
            json!({}),
            "language_prerequisite",
            Met,
            "language_prerequisite_moderate",
        ),
        (
            json!({"language_level": ""}),
            "language_prerequisite",
            Met,
            "no_language_prerequisite",
        ),
        (
            json!({"language_level": "C1", "language_justification": "Die Kenntnisprüfung verlangt C1 Fachsprache."}),
            "language_prerequisite",
            Partly,
            "language_prerequisite_justified",
        ),
        (json!({}), "plain_language", Met, "plain_language_ok"),
        (
            json!({"description": ""}),
            "plain_language",
            NotMet,
            "no_description",
        ),
        (
            json!({"description": "Die berufsbegleitende Anpassungsqualifizierung ermöglicht Pflegefachkräften mit ausländischen Berufsabschlüssen die Vorbereitung auf die Kenntnisprüfung."}),
            "plain_language",
            NotMet,
            "plain_language_hard",
        ),
        (
            json!({"description": "Die Qualifizierung dauert zehn Monate. Sie findet abends und am Wochenende statt, damit Sie weiter arbeiten können."}),
            "plain_language",
            Partly,
            "plain_language_medium",
        ),
        (json!({}), "mentoring", Met, "mentoring_offered"),
        (json!({"support": []}), "mentoring", NotMet, "no_mentoring"),
        (
            json!({}),
            "language_coaching",
            Met,
            "language_coaching_offered",
        ),
        (
            json!({"support": [], "goal": "language_support"}),
            "language_coaching",
            Met,
            "language_is_content",
        ),
        (
            json!({"support": []}),
            "language_coaching",
            NotMet,
            "no_language_coaching",
        ),
        (
            json!({}),
            "exchange_outside_work",
            Met,
            "exchange_slot_outside_work_time",
        ),
        (
            json!({"exchange": {"every_weeks": 2, "slot": {"weekday": "wed", "start": "10:00", "end": "12:00"}}}),
            "exchange_outside_work",
            NotMet,
            "exchange_slot_in_work_time",
        ),
        (
            json!({"exchange": null}),
            "exchange_outside_work",
            Partly,
            "exchange_not_scheduled",
        ),
        (
            json!({"exchange": null, "support": []}),
            "exchange_outside_work",
            NotMet,
            "no_exchange",
        ),
        (json!({}), "childcare_presence", Met, "childcare_offered"),
        (
            json!({"support": []}),
            "childcare_presence",
            NotMet,
            "no_childcare",
        ),
        (
            json!({"support": [], "delivery_modes": ["online_live"], "kickoff_in_presence": false, "closing_in_presence": false, "exams": []}),
            "childcare_presence",
            Met,
            "childcare_not_needed",
        ),
        (json!({}), "load_within_limit", Partly, "no_timetable_load"),
        (json!({}), "clear_end", NotMet, "no_timetable"),
        (json!({}), "dates_published_early", NotMet, "no_timetable"),
        (json!({}), "release_agreed", Partly, "no_timetable"),
    ];
    for (patch, id, want, code) in cases {
        let o = offer_with(patch.clone());
        let i = SuccessInput::new(&o, today);
        assert_eq!(status(&i, id), (want, code), "{id} with {patch}");
    }
}

#[test]
fn input_factors() {
    let (o, p) = fixture();
    let base = || {
        let mut i = SuccessInput::new(&o, date(2026, 8, 1));
        i.plan = Some(&p);
        i
    };
    let i = base();
    assert_eq!(
        status(&i, "contact_person"),
        (Partly, "contact_person_unknown")
    );
    assert_eq!(
        status(&i, "staff_reachable_off_hours"),
        (Partly, "staff_reachable_off_hours_unknown")
    );
    assert_eq!(
        status(&i, "employer_involvement"),
        (Partly, "employer_involvement_unknown")
    );
    assert_eq!(
        status(&i, "readiness_check"),
        (Partly, "readiness_check_unknown")
    );
    assert_eq!(status(&i, "visible_to_advisers"), (NotMet, "not_visible"));

    let people = |total, with| ParticipantStats {
        total,
        with_contact_person: with,
        ..ParticipantStats::default()
    };
    for (stats, want) in [
        (people(0, 0), (Partly, "no_participants_yet")),
        (people(12, 12), (Met, "contact_person_all")),
        (people(12, 7), (Partly, "contact_person_some")),
        (people(12, 0), (NotMet, "contact_person_none")),
    ] {
        let mut i = base();
        i.participants = Some(stats);
        assert_eq!(status(&i, "contact_person"), want);
    }
    for (v, a, b, c) in [
        (Some(true), Met, Met, Met),
        (Some(false), NotMet, NotMet, NotMet),
    ] {
        let mut i = base();
        i.staff_reachable_off_hours = v;
        i.employer_feedback = v;
        i.readiness_check = v;
        assert_eq!(status(&i, "staff_reachable_off_hours").0, a);
        assert_eq!(status(&i, "employer_involvement").0, b);
        assert_eq!(status(&i, "readiness_check").0, c);
    }
    // With participants, reachability and the readiness check come from their records.
    for (reachable, checked, want_reach, want_check) in [
        (12, 12, (Met, "reachable_all"), (Met, "checked_all")),
        (5, 3, (Partly, "reachable_some"), (Partly, "checked_some")),
        (0, 0, (NotMet, "reachable_none"), (NotMet, "checked_none")),
    ] {
        let mut i = base();
        // What the provider declared counts only without participants' records.
        i.staff_reachable_off_hours = Some(true);
        i.readiness_check = Some(true);
        i.participants = Some(ParticipantStats {
            total: 12,
            with_contact_person: 12,
            reachable_recorded: reachable,
            checked_before_start: checked,
        });
        assert_eq!(status(&i, "staff_reachable_off_hours"), want_reach);
        assert_eq!(status(&i, "readiness_check"), want_check);
    }
    let mut i = base();
    i.participants = Some(people(0, 0));
    i.readiness_check = Some(false);
    assert_eq!(
        status(&i, "readiness_check"),
        (NotMet, "readiness_check_no")
    );
    for (page, portal, want) in [
        (true, true, (Met, "public_and_portal")),
        (true, false, (Partly, "public_no_portal")),
        (false, true, (Partly, "portal_no_public")),
    ] {
        let mut i = base();
        i.public_page = page;
        i.portal_export = portal;
        assert_eq!(status(&i, "visible_to_advisers"), want);
    }
}

#[test]
fn timetable_factors() {
    let (o, p) = fixture();
    let first = p.sessions[0].date;
    let mut i = SuccessInput::new(&o, date(2026, 8, 1));
    i.plan = Some(&p);
    assert_eq!(
        status(&i, "exam_dates_in_timetable"),
        (Met, "exams_in_timetable")
    );
    assert_eq!(status(&i, "clear_end"), (Met, "clear_end"));
    assert_eq!(status(&i, "load_within_limit"), (Met, "load_within_limit"));
    assert_eq!(status(&i, "release_agreed"), (Met, "no_release_needed"));
    assert_eq!(
        status(&i, "exchange_outside_work"),
        (Met, "exchange_outside_work_time")
    );

    // Publication lead time.
    assert_eq!(
        status(&i, "dates_published_early"),
        (Partly, "not_published_time_left")
    );
    i.published_at = Some(date(2026, 7, 1));
    assert_eq!(
        status(&i, "dates_published_early"),
        (Met, "published_year_ahead")
    );
    i.published_at = Some(first - chrono::Duration::days(120));
    assert_eq!(
        status(&i, "dates_published_early"),
        (Partly, "published_late")
    );
    i.published_at = Some(first - chrono::Duration::days(20));
    assert_eq!(
        status(&i, "dates_published_early"),
        (NotMet, "published_too_late")
    );
    i.published_at = None;
    i.today = date(2027, 8, 1);
    assert_eq!(
        status(&i, "dates_published_early"),
        (NotMet, "not_published")
    );

    // Each coming cohort against its own start: a second run published three weeks before
    // its start spoils an early first one, whatever the offer's own publication.
    i.today = date(2026, 8, 1);
    i.published_at = Some(date(2025, 1, 1));
    let early = CohortPublication {
        first_session: date(2027, 9, 6),
        published_at: Some(date(2026, 7, 1)),
    };
    i.cohorts = vec![early];
    assert_eq!(
        status(&i, "dates_published_early"),
        (Met, "published_year_ahead")
    );
    i.cohorts.push(CohortPublication {
        first_session: date(2027, 3, 1),
        published_at: Some(date(2027, 2, 8)),
    });
    assert_eq!(
        status(&i, "dates_published_early"),
        (NotMet, "published_too_late")
    );
    let explanation = check_success(&i)
        .into_iter()
        .find(|f| f.factor == "dates_published_early")
        .unwrap()
        .explanation;
    let days = explanation.args.iter().find(|(k, _)| *k == "days");
    assert_eq!(days.map(|(_, v)| v.as_str()), Some("21"));
}

#[test]
fn release_and_load_factors() {
    let o = offer_with(json!({"time_model": {"kind": "release_slots"}}));
    let p = plan_of(&o, date(2027, 1, 11), None);
    let mut i = SuccessInput::new(&o, date(2026, 1, 1));
    i.plan = Some(&p);
    assert_eq!(status(&i, "release_agreed"), (Partly, "release_unknown"));
    i.release_agreed = Some(true);
    assert_eq!(status(&i, "release_agreed"), (Met, "release_agreed"));
    i.release_agreed = Some(false);
    assert_eq!(status(&i, "release_agreed"), (NotMet, "release_missing"));

    // A deadline that the plan misses.
    let o = offer();
    let mut spec = o.to_spec(
        date(2027, 1, 11),
        lernweg_domain::State::parse("BY").unwrap(),
    );
    spec.deadline = Some(date(2027, 2, 1));
    let p = lernweg_planner::plan(&spec, &Default::default()).unwrap();
    let mut i = SuccessInput::new(&o, date(2026, 1, 1));
    i.plan = Some(&p);
    assert_eq!(status(&i, "clear_end"), (Partly, "end_after_deadline"));

    // A low load limit: every week over it.
    let mut spec = o.to_spec(
        date(2027, 1, 11),
        lernweg_domain::State::parse("BY").unwrap(),
    );
    spec.load_limit_hours = Some(41.0);
    let p = lernweg_planner::plan(&spec, &Default::default()).unwrap();
    i.plan = Some(&p);
    assert_eq!(status(&i, "load_within_limit"), (NotMet, "load_over_limit"));

    // Occasional peaks: the monthly blocks of a block seminar, with the limit just below them.
    let o2 = offer_with(
        json!({"time_model": {"kind": "block_seminar"}, "modules": [{"title": "A", "hours": 120}], "exams": []}),
    );
    let mut spec = o2.to_spec(
        date(2027, 1, 11),
        lernweg_domain::State::parse("BY").unwrap(),
    );
    let probe = lernweg_planner::plan(&spec, &Default::default()).unwrap();
    spec.load_limit_hours = Some(probe.load.peak_weekly_hours - 0.5);
    let p = lernweg_planner::plan(&spec, &Default::default()).unwrap();
    let mut i = SuccessInput::new(&o2, date(2026, 1, 1));
    i.plan = Some(&p);
    let over = p.load.weeks_over_limit.len();
    assert!(
        over >= 1 && (over as f64) <= 0.25 * f64::from(p.weeks),
        "{over} of {}",
        p.weeks
    );
    assert_eq!(
        status(&i, "load_within_limit"),
        (Partly, "load_occasional_peaks")
    );
}

#[test]
fn weakest_factors_across_offers() {
    let a = offer();
    let b = offer_with(json!({"support": [], "kickoff_in_presence": false}));
    let c = offer_with(
        json!({"support": [], "kickoff_in_presence": false, "closing_in_presence": false}),
    );
    let today = date(2026, 8, 1);
    let results: Vec<Vec<SuccessFactor>> = [&a, &b, &c]
        .iter()
        .map(|o| check_success(&SuccessInput::new(o, today)))
        .collect();
    let w = weakest_factors(&results);
    assert_eq!(w.len(), results[0].len());
    for row in &w {
        assert_eq!(row.met + row.partly + row.not_met, 3, "{}", row.factor);
    }
    // Weakest first: monotone weakness.
    assert!(w.windows(2).all(|p| p[0].weakness() >= p[1].weakness()));
    let kick = w
        .iter()
        .find(|r| r.factor == "kickoff_closing_presence")
        .unwrap();
    assert_eq!((kick.met, kick.partly, kick.not_met), (1, 1, 1));
    // Mentoring is missing in two offers: among the weakest.
    let pos = w.iter().position(|r| r.factor == "mentoring").unwrap();
    assert!(pos < 8, "{w:?}");
    assert_eq!(w.last().unwrap().not_met, 0);
}
