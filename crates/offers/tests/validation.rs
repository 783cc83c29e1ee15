mod common;

use common::*;
use lernweg_domain::CefrLevel;
use lernweg_offers::{DeliveryMode, Goal, SupportOffer, TimeModelDef};
use serde_json::{Value, json};

#[test]
fn valid_fixture_becomes_an_offer() {
    let o = offer();
    assert_eq!(o.slug, "fachsprache-pflege-berufsbegleitend");
    assert_eq!(o.goal, Goal::AdaptationQualification);
    assert_eq!(o.modules.len(), 2);
    assert_eq!(o.modules[1].self_study_hours_per_week, 2.5);
    assert_eq!(o.modules[0].milestone.as_deref(), Some("Modulzertifikat"));
    assert_eq!(o.total_hours(), 54.0);
    assert!(o.delivery_modes.contains(&DeliveryMode::OnlineLive));
    assert!(!o.online_lessons, "presence is among the modes");
    assert_eq!(o.language_level, Some(CefrLevel::B1));
    assert_eq!(o.support.len(), 5);
    assert!(o.support.contains(&SupportOffer::DeviceLoans));
    assert_eq!(o.capacity, 16);
    assert_eq!(o.contact.email.as_str(), "a.demir@traeger.example");
    assert!(
        matches!(o.time_model, TimeModelDef::EveningCourse { ref evenings } if evenings.len() == 2)
    );
}

#[test]
fn offer_round_trips_through_json_with_snake_case() {
    let o = offer();
    let v = serde_json::to_value(&o).unwrap();
    assert_eq!(v["goal"], "adaptation_qualification");
    assert_eq!(v["delivery_modes"], json!(["online_live", "presence"]));
    assert_eq!(v["time_model"]["kind"], "evening_course");
    assert_eq!(v["time_model"]["evenings"][0]["weekday"], "tue");
    assert_eq!(v["language_level"], "B1");
    let back: lernweg_offers::Offer = serde_json::from_value(v).unwrap();
    assert_eq!(back, o);
}

#[test]
fn converts_to_a_planner_spec_that_plans() {
    let o = offer();
    let p = plan_of(&o, date(2027, 1, 11), None);
    assert_eq!(p.contact_hours, 54.0);
    assert!(p.sessions.iter().any(|s| s.kind.code() == "kickoff"));
    assert!(p.sessions.iter().any(|s| s.kind.code() == "exam"));
    assert!(p.sessions.iter().any(|s| s.kind.code() == "exchange"));
    assert_eq!(
        p.location.as_deref(),
        Some("Bildungszentrum Süd, Hauptstraße 1, 80331 München")
    );
}

/// Applies `patch` to the fixture and returns (field, message id) of the errors.
fn errors(patch: Value) -> Vec<(String, String)> {
    let mut v = draft_json();
    for (k, val) in patch.as_object().unwrap() {
        v[k] = val.clone();
    }
    match draft_from(v).validate() {
        Ok(_) => Vec::new(),
        Err(list) => list
            .iter()
            .map(|e| (e.field.clone(), e.message_id()))
            .collect(),
    }
}

#[test]
fn every_rule_has_its_code() {
    let cases: Vec<(Value, &str, &str)> = vec![
        (json!({"title": ""}), "title", "offers-error-title-required"),
        (
            json!({"title": "Ab"}),
            "title",
            "offers-error-title-too_short",
        ),
        (
            json!({"title": "x".repeat(201)}),
            "title",
            "offers-error-title-too_long",
        ),
        (json!({"goal": ""}), "goal", "offers-error-goal-required"),
        (
            json!({"goal": "holiday"}),
            "goal",
            "offers-error-goal-unknown",
        ),
        (
            json!({"company_measure_only": true}),
            "company_measure_only",
            "offers-error-company_measure_only-needs_compensation_measure",
        ),
        (json!({"kldb": ""}), "kldb", "offers-error-kldb-required"),
        (json!({"kldb": "81a"}), "kldb", "offers-error-kldb-invalid"),
        (
            json!({"target_group": " "}),
            "target_group",
            "offers-error-target_group-required",
        ),
        (
            json!({"description": "x".repeat(10_001)}),
            "description",
            "offers-error-description-too_long",
        ),
        (
            json!({"delivery_modes": []}),
            "delivery_modes",
            "offers-error-delivery_modes-required",
        ),
        (
            json!({"delivery_modes": ["telepathy"]}),
            "delivery_modes.0",
            "offers-error-delivery_modes-unknown",
        ),
        (
            json!({"time_model": {}}),
            "time_model.kind",
            "offers-error-time_model-required",
        ),
        (
            json!({"time_model": {"kind": "night_school"}}),
            "time_model.kind",
            "offers-error-time_model-unknown",
        ),
        (
            json!({"time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "25:00", "end": "21:00"}]}}),
            "time_model.evenings.0.start",
            "offers-error-time-invalid_time",
        ),
        (
            json!({"time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "21:00", "end": "18:00"}]}}),
            "time_model.evenings.0.end",
            "offers-error-time-end_before_start",
        ),
        (
            json!({"time_model": {"kind": "evening_course", "evenings": [{"weekday": "xyz", "start": "18:00", "end": "21:00"}]}}),
            "time_model.evenings.0.weekday",
            "offers-error-weekday-invalid",
        ),
        (
            json!({"time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}, {"weekday": "tue", "start": "20:00", "end": "22:00"}]}}),
            "time_model.evenings",
            "offers-error-time_model-slots_overlap",
        ),
        (
            json!({"time_model": {"kind": "compact_seminar", "weeks_per_quarter": 13}}),
            "time_model.weeks_per_quarter",
            "offers-error-weeks_per_quarter-too_large",
        ),
        (
            json!({"time_model": {"kind": "self_paced", "hours_per_week": "0"}}),
            "time_model.hours_per_week",
            "offers-error-hours_per_week-not_positive",
        ),
        (
            json!({"modules": []}),
            "modules",
            "offers-error-modules-required",
        ),
        (
            json!({"modules": [{"title": "", "hours": 10}]}),
            "modules.0.title",
            "offers-error-module_title-required",
        ),
        (
            json!({"modules": [{"title": "A", "hours": 0}]}),
            "modules.0.hours",
            "offers-error-module_hours-not_positive",
        ),
        (
            json!({"modules": [{"title": "A", "hours": "-3"}]}),
            "modules.0.hours",
            "offers-error-module_hours-not_positive",
        ),
        (
            json!({"modules": [{"title": "A", "hours": "zehn"}]}),
            "modules.0.hours",
            "offers-error-module_hours-invalid_number",
        ),
        (
            json!({"modules": [{"title": "A"}]}),
            "modules.0.hours",
            "offers-error-module_hours-required",
        ),
        (
            json!({"modules": [{"title": "A", "hours": 10001}]}),
            "modules.0.hours",
            "offers-error-module_hours-too_large",
        ),
        (
            json!({"modules": [{"title": "A", "hours": 10, "self_study_hours_per_week": 61}]}),
            "modules.0.self_study_hours_per_week",
            "offers-error-module_self_study-too_large",
        ),
        (
            json!({"exams": [{"after_module": 3, "title": "P", "hours": 2}]}),
            "exams.0.after_module",
            "offers-error-exam_after_module-too_large",
        ),
        (
            json!({"exams": [{"after_module": 0, "title": "P", "hours": 2}]}),
            "exams.0.after_module",
            "offers-error-exam_after_module-too_small",
        ),
        (
            json!({"exams": [{"after_module": 1, "title": "", "hours": 2}]}),
            "exams.0.title",
            "offers-error-exam_title-required",
        ),
        (
            json!({"exams": [{"after_module": 1, "title": "P", "hours": 13}]}),
            "exams.0.hours",
            "offers-error-exam_hours-too_large",
        ),
        (
            json!({"exchange": {"every_weeks": 0, "slot": {"weekday": "sat", "start": "10:00", "end": "12:00"}}}),
            "exchange.every_weeks",
            "offers-error-exchange_every_weeks-too_small",
        ),
        (
            json!({"language_level": "B3"}),
            "language_level",
            "offers-error-language_level-unknown",
        ),
        (
            json!({"language_level": "B2", "language_justification": "zu kurz"}),
            "language_justification",
            "offers-error-language_justification-required_above_b1",
        ),
        (
            json!({"language_level": "C1"}),
            "language_justification",
            "offers-error-language_justification-required_above_b1",
        ),
        (
            json!({"support": ["massage"]}),
            "support.0",
            "offers-error-support-unknown",
        ),
        (
            json!({"location": {"city": "", "zip": ""}}),
            "location.city",
            "offers-error-location_city-required_for_presence",
        ),
        (
            json!({"location": {"city": "München", "zip": "8033"}}),
            "location.zip",
            "offers-error-location_zip-invalid",
        ),
        (
            json!({"costs_eur": "-1"}),
            "costs_eur",
            "offers-error-costs-negative",
        ),
        (
            json!({"costs_eur": "viel"}),
            "costs_eur",
            "offers-error-costs-invalid_number",
        ),
        (
            json!({"capacity": ""}),
            "capacity",
            "offers-error-capacity-required",
        ),
        (
            json!({"capacity": "0"}),
            "capacity",
            "offers-error-capacity-out_of_range",
        ),
        (
            json!({"capacity": 501}),
            "capacity",
            "offers-error-capacity-out_of_range",
        ),
        (
            json!({"capacity": "zwölf"}),
            "capacity",
            "offers-error-capacity-invalid_number",
        ),
        (
            json!({"contact_name": ""}),
            "contact_name",
            "offers-error-contact_name-required",
        ),
        (
            json!({"contact_email": ""}),
            "contact_email",
            "offers-error-contact_email-required",
        ),
        (
            json!({"contact_email": "a@b"}),
            "contact_email",
            "offers-error-contact_email-invalid",
        ),
        (
            json!({"keywords": ["x".repeat(51)]}),
            "keywords.0",
            "offers-error-keywords-too_long",
        ),
        (
            json!({"keywords": (0..21).map(|i| format!("k{i}")).collect::<Vec<_>>()}),
            "keywords",
            "offers-error-keywords-too_many",
        ),
        (
            json!({"load_limit_hours": "0"}),
            "load_limit_hours",
            "offers-error-load_limit-not_positive",
        ),
    ];
    const DE: &str = include_str!("../../web/locales/de/offers.ftl");
    const EN: &str = include_str!("../../web/locales/en/offers.ftl");
    for (patch, field, id) in cases {
        assert!(DE.contains(&format!("\n{id} = ")), "de message for {id}");
        assert!(EN.contains(&format!("\n{id} = ")), "en message for {id}");
        let errs = errors(patch.clone());
        assert!(
            errs.iter().any(|(f, m)| f == field && m == id),
            "{patch} should give {field} {id}, got {errs:?}"
        );
    }
}

#[test]
fn all_errors_are_reported_at_once() {
    let errs = errors(json!({"title": "", "kldb": "", "capacity": "", "modules": []}));
    assert!(errs.len() >= 4, "{errs:?}");
}

#[test]
fn justification_above_b1_and_company_measure_pass_when_right() {
    let o = offer_with(json!({
        "language_level": "B2",
        "language_justification: ": "",
        "language_justification": "Die Kenntnisprüfung verlangt B2 laut Approbationsordnung."
    }));
    assert_eq!(o.language_level, Some(CefrLevel::B2));
    let o = offer_with(json!({"goal": "compensation_measure", "company_measure_only": true}));
    assert!(o.company_measure_only);
}

#[test]
fn numbers_and_defaults() {
    let o = offer_with(json!({"costs_eur": "1.250,50", "time_model": {"kind": "block_seminar"}}));
    assert_eq!(o.costs_eur, 1250.5);
    match o.time_model {
        TimeModelDef::BlockSeminar { evening, weekend } => {
            assert_eq!(evening.start.to_string(), "18:00");
            assert_eq!(weekend.end.to_string(), "16:30");
        }
        other => panic!("{other:?}"),
    }
    let o = offer_with(
        json!({"delivery_modes": ["online_live", "self_paced"], "kickoff_in_presence": false, "closing_in_presence": false, "location": {}}),
    );
    assert!(o.online_lessons);
    assert!(o.location.is_none());
}
