//! From a stored [`Offer`] back to the draft format that forms and the API send
//! (`OfferDraft`'s JSON shape): the edit form is filled from it and `PATCH` overlays the
//! given keys onto it before validating again.

use lernweg_offers::{Offer, OfferDraft};
use serde_json::{Map, Value, json};

/// The offer as a draft-compatible JSON object. Absent optional texts are empty strings
/// (the draft's "not set"); an absent location is left out; numbers are JSON numbers.
pub fn draft_value(offer: &Offer) -> Map<String, Value> {
    let text = |o: &Option<String>| Value::String(o.clone().unwrap_or_default());
    let mut m = Map::new();
    m.insert("title".into(), json!(offer.title));
    m.insert("goal".into(), json!(offer.goal.code()));
    m.insert(
        "company_measure_only".into(),
        json!(offer.company_measure_only),
    );
    m.insert("kldb".into(), json!(offer.kldb.as_str()));
    m.insert("target_group".into(), json!(offer.target_group));
    m.insert("description".into(), json!(offer.description));
    m.insert(
        "delivery_modes".into(),
        json!(
            offer
                .delivery_modes
                .iter()
                .map(|d| d.code())
                .collect::<Vec<_>>()
        ),
    );
    m.insert(
        "kickoff_in_presence".into(),
        json!(offer.kickoff_in_presence),
    );
    m.insert(
        "closing_in_presence".into(),
        json!(offer.closing_in_presence),
    );
    m.insert(
        "time_model".into(),
        serde_json::to_value(&offer.time_model).unwrap_or(Value::Null),
    );
    m.insert(
        "modules".into(),
        Value::Array(
            offer
                .modules
                .iter()
                .map(|x| {
                    json!({
                        "title": x.title,
                        "hours": x.hours,
                        "self_study_hours_per_week": x.self_study_hours_per_week,
                        "milestone": x.milestone.clone().unwrap_or_default(),
                    })
                })
                .collect(),
        ),
    );
    m.insert(
        "exams".into(),
        Value::Array(
            offer
                .exams
                .iter()
                .map(
                    |x| json!({"after_module": x.after_module, "title": x.title, "hours": x.hours}),
                )
                .collect(),
        ),
    );
    m.insert(
        "exchange".into(),
        match &offer.exchange {
            Some(x) => json!({
                "every_weeks": x.every_weeks,
                "slot": serde_json::to_value(x.slot).unwrap_or(Value::Null),
            }),
            None => Value::Null,
        },
    );
    m.insert(
        "language_level".into(),
        json!(
            offer
                .language_level
                .map(|l| l.as_str().to_owned())
                .unwrap_or_default()
        ),
    );
    m.insert(
        "language_justification".into(),
        text(&offer.language_justification),
    );
    m.insert(
        "support".into(),
        json!(offer.support.iter().map(|s| s.code()).collect::<Vec<_>>()),
    );
    if let Some(l) = &offer.location {
        m.insert(
            "location".into(),
            json!({
                "name": l.name,
                "street": l.street,
                "zip": l.zip,
                "city": l.city,
                "step_free": l.step_free,
                "accessibility": l.accessibility.clone().unwrap_or_default(),
            }),
        );
    }
    m.insert("funding".into(), text(&offer.funding));
    m.insert("costs_eur".into(), json!(offer.costs_eur));
    m.insert("capacity".into(), json!(offer.capacity));
    m.insert("contact_name".into(), json!(offer.contact.name));
    m.insert(
        "contact_email".into(),
        json!(offer.contact.email.to_string()),
    );
    m.insert("contact_phone".into(), text(&offer.contact.phone));
    m.insert("degree".into(), text(&offer.degree));
    m.insert("keywords".into(), json!(offer.keywords));
    m.insert(
        "load_limit_hours".into(),
        offer.load_limit_hours.map_or(Value::Null, |h| json!(h)),
    );
    m
}

/// The stored offer as a draft (to fill the edit form).
pub fn to_draft(offer: &Offer) -> OfferDraft {
    serde_json::from_value(Value::Object(draft_value(offer))).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stored_offer_validates_back_to_itself() {
        let draft: OfferDraft = serde_json::from_value(json!({
            "title": "Fachsprache Pflege",
            "goal": "language_support",
            "kldb": "81302",
            "target_group": "Pflegekräfte",
            "delivery_modes": ["online_live", "presence"],
            "kickoff_in_presence": true,
            "time_model": {"kind": "block_seminar"},
            "modules": [{"title": "Fachsprache", "hours": 30, "milestone": "Zertifikat"}],
            "exams": [{"after_module": 1, "title": "Prüfung", "hours": 2}],
            "exchange": {"every_weeks": 4, "slot": {"weekday": "wed", "start": "18:00", "end": "19:30"}},
            "language_level": "B2",
            "language_justification": "Die Fachsprache setzt sicheres Lesen von Pflegeberichten voraus.",
            "location": {"city": "Köln", "zip": "50667"},
            "capacity": 12,
            "contact_name": "Aylin Demir",
            "contact_email": "a.demir@traeger.example",
            "load_limit_hours": 50
        }))
        .unwrap();
        let offer = draft.validate().unwrap();
        assert_eq!(to_draft(&offer).validate().unwrap(), offer);
    }
}
