//! Shared fixtures.
#![allow(dead_code)]

use chrono::NaiveDate;
use lernweg_domain::State;
use lernweg_offers::{Offer, OfferDraft};
use lernweg_planner::{Plan, PlanOptions, WorkPattern, plan};
use serde_json::{Value, json};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// A complete, valid offer as JSON: an evening course, two modules, one exam.
pub fn draft_json() -> Value {
    json!({
        "title": "Fachsprache Pflege berufsbegleitend",
        "goal": "adaptation_qualification",
        "kldb": "81302",
        "target_group": "Pflegefachkräfte mit teilweiser Anerkennung",
        "description": "Sie lernen die Sprache im Beruf. Der Kurs ist am Abend. So können Sie weiter arbeiten.",
        "delivery_modes": ["online_live", "presence"],
        "kickoff_in_presence": true,
        "closing_in_presence": true,
        "time_model": {
            "kind": "evening_course",
            "evenings": [
                {"weekday": "tue", "start": "18:00", "end": "21:00"},
                {"weekday": "thu", "start": "18:00", "end": "21:00"}
            ]
        },
        "modules": [
            {"title": "Fachsprache", "hours": "30", "milestone": "Modulzertifikat"},
            {"title": "Pflegepraxis", "hours": 24.0, "self_study_hours_per_week": "2,5"}
        ],
        "exams": [ {"after_module": 2, "title": "Abschlussprüfung", "hours": 3} ],
        "exchange": { "every_weeks": 4, "slot": {"weekday": "sat", "start": "10:00", "end": "12:00"} },
        "language_level": "B1",
        "support": ["mentoring", "language_coaching", "childcare", "device_loans", "exchange_meetings"],
        "location": {"name": "Bildungszentrum Süd", "street": "Hauptstraße 1", "zip": "80331", "city": "München", "step_free": true},
        "funding": "IQ-gefördert",
        "costs_eur": "0",
        "capacity": "16",
        "contact_name": "Aylin Demir",
        "contact_email": "a.demir@traeger.example",
        "contact_phone": "089 123456",
        "degree": "Zertifikat Fachsprache Pflege",
        "keywords": ["Pflege", "Fachsprache", "Anerkennung"]
    })
}

pub fn draft_from(v: Value) -> OfferDraft {
    serde_json::from_value(v).unwrap()
}

pub fn offer() -> Offer {
    draft_from(draft_json()).validate().unwrap()
}

/// An offer from the fixture with some keys replaced.
pub fn offer_with(patch: Value) -> Offer {
    let mut v = draft_json();
    for (k, val) in patch.as_object().unwrap() {
        v[k] = val.clone();
    }
    draft_from(v)
        .validate()
        .unwrap_or_else(|e| panic!("fixture invalid: {e:?}"))
}

/// Plans the offer from `start` in Bavaria with an optional work pattern.
pub fn plan_of(offer: &Offer, start: NaiveDate, work: Option<WorkPattern>) -> Plan {
    let mut spec = offer.to_spec(start, State::parse("BY").unwrap());
    spec.work_pattern = work;
    plan(&spec, &PlanOptions::default()).unwrap()
}
