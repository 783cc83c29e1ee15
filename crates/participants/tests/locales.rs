//! Every code this crate can return has a text in German and English, with the same ids and
//! the same variables in both files.

use std::collections::{BTreeMap, BTreeSet};

use lernweg_participants::enrolment::TRANSITION_CODES;
use lernweg_participants::ics::{ICS_ERROR_CODES, ICS_NOTE_CODES};
use lernweg_participants::import::{IMPORT_ERROR_CODES, IMPORT_WARNING_CODES};
use lernweg_participants::readiness::{
    CareDuties, Childcare, Device, DigitalSkills, Health, Income, Internet, JobRelates,
};
use lernweg_participants::{
    Action, ConsentScope, ContactChannel, Dimension, DropoutReason, EnrolmentStatus, Light,
    Overall, ParticipantDraft, PauseReason, ReadinessAnswers, ReadinessError, RecognitionStatus,
    evaluate,
};

const DE: &str = include_str!("../../web/locales/de/participants.ftl");
const EN: &str = include_str!("../../web/locales/en/participants.ftl");

/// Message id → the variables it uses.
fn messages(ftl: &str) -> BTreeMap<String, BTreeSet<String>> {
    let mut out = BTreeMap::new();
    for line in ftl.lines() {
        let Some((id, text)) = line.split_once(" = ") else {
            continue;
        };
        if id.starts_with('#') || id.starts_with(' ') {
            continue;
        }
        assert!(id.starts_with("participants-"), "{id}");
        let vars = text
            .split("{ $")
            .skip(1)
            .map(|rest| rest.split(' ').next().unwrap().to_owned())
            .collect();
        assert!(out.insert(id.to_owned(), vars).is_none(), "{id} twice");
    }
    out
}

fn code<T: serde::Serialize>(v: T) -> String {
    serde_json::to_value(v)
        .unwrap()
        .as_str()
        .unwrap()
        .to_owned()
}

fn expected_ids() -> BTreeSet<String> {
    let mut ids = BTreeSet::new();
    let mut add = |prefix: &str, code: &str| ids.insert(format!("participants-{prefix}-{code}"));
    for c in ContactChannel::ALL {
        add("channel", c.code());
    }
    for c in RecognitionStatus::ALL {
        add("recognition", c.code());
    }
    for c in ConsentScope::ALL {
        add("consent", c.code());
    }
    for d in Dimension::ALL {
        add("dimension", &code(d));
    }
    for l in [Light::Green, Light::Yellow, Light::Red] {
        add("light", &code(l));
    }
    for o in [
        Overall::Recommend,
        Overall::RecommendWithSupport,
        Overall::AdviseLongerModel,
        Overall::AdvisePause,
    ] {
        add("overall", &code(o));
    }
    for a in Action::ALL {
        add("action", &code(a));
    }
    for e in [
        ReadinessError::HealthWithoutConsent,
        ReadinessError::FreeHoursOutOfRange,
    ] {
        add("readiness", e.code());
    }
    for s in EnrolmentStatus::ALL {
        add("status", s.code());
    }
    for c in TRANSITION_CODES {
        add("transition", c);
    }
    for r in DropoutReason::ALL {
        add("dropout", &code(r));
    }
    for r in PauseReason::ALL {
        add("pause", &code(r));
    }
    for c in ICS_ERROR_CODES {
        add("ics", c);
    }
    for c in ICS_NOTE_CODES {
        add("ics-note", c);
    }
    for c in IMPORT_ERROR_CODES {
        add("import", c);
    }
    for c in IMPORT_WARNING_CODES {
        add("import-warning", c);
    }
    ids
}

/// Reason ids produced by evaluating every answer of every dimension.
fn reason_ids() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut run = |a: ReadinessAnswers, offer: Option<f64>| {
        for d in evaluate(&a, true, offer).unwrap().dimensions {
            out.insert(d.reason.message_id());
        }
    };
    for free in [1.0, 5.0, 9.0, 30.0] {
        for offer in [None, Some(8.0)] {
            run(
                ReadinessAnswers {
                    free_hours_per_week: Some(free),
                    ..Default::default()
                },
                offer,
            );
        }
    }
    for m in [10, 60, 120] {
        run(
            ReadinessAnswers {
                commute_minutes: Some(m),
                ..Default::default()
            },
            None,
        );
    }
    for debts in [None, Some(true)] {
        for i in Income::ALL.iter().map(|i| Some(*i)).chain([None]) {
            run(
                ReadinessAnswers {
                    income_if_reduced: i,
                    existing_debts: debts,
                    ..Default::default()
                },
                None,
            );
        }
    }
    for q in [true, false] {
        run(
            ReadinessAnswers {
                quiet_place: Some(q),
                ..Default::default()
            },
            None,
        );
    }
    for c in Childcare::ALL {
        run(
            ReadinessAnswers {
                childcare: Some(*c),
                ..Default::default()
            },
            None,
        );
    }
    for c in CareDuties::ALL {
        run(
            ReadinessAnswers {
                care_duties: Some(*c),
                ..Default::default()
            },
            None,
        );
    }
    for c in Internet::ALL {
        run(
            ReadinessAnswers {
                internet: Some(*c),
                ..Default::default()
            },
            None,
        );
    }
    for c in Device::ALL {
        run(
            ReadinessAnswers {
                device: Some(*c),
                ..Default::default()
            },
            None,
        );
    }
    for c in DigitalSkills::ALL {
        run(
            ReadinessAnswers {
                digital_skills: Some(*c),
                ..Default::default()
            },
            None,
        );
    }
    for c in JobRelates::ALL {
        run(
            ReadinessAnswers {
                job_relates: Some(*c),
                ..Default::default()
            },
            None,
        );
    }
    for c in Health::ALL {
        run(
            ReadinessAnswers {
                health: Some(*c),
                ..Default::default()
            },
            None,
        );
    }
    out
}

/// Field error ids produced by drafts with every kind of fault.
fn field_error_ids() -> BTreeSet<String> {
    let long = "x".repeat(201);
    let bad = [
        ParticipantDraft::default(),
        ParticipantDraft {
            given_name: long.clone(),
            family_name: long.clone(),
            email: "kein-at".into(),
            phone: "12".into(),
            mother_tongue: "xx".into(),
            other_languages: "xx".into(),
            german_level: "B3".into(),
            preferred_channel: "Brief".into(),
            reachable_times: long.clone(),
            foreign_qualification: long.clone(),
            kldb: "x".into(),
            recognition_status: "x".into(),
            employer: long.clone(),
            weekly_hours: "x".into(),
            birth_year: "x".into(),
        },
        ParticipantDraft {
            given_name: "a\u{7}".into(),
            family_name: "b\u{7}".into(),
            phone: "0151 x".into(),
            reachable_times: "\u{7}".into(),
            foreign_qualification: "\u{7}".into(),
            employer: "\u{7}".into(),
            weekly_hours: "99".into(),
            birth_year: "1900".into(),
            ..Default::default()
        },
        ParticipantDraft {
            phone: "1+23456".into(),
            ..Default::default()
        },
        ParticipantDraft {
            phone: "(030 1234567".into(),
            ..Default::default()
        },
        ParticipantDraft {
            phone: "1".repeat(21),
            ..Default::default()
        },
    ];
    bad.iter()
        .flat_map(|d| d.validate(2026).unwrap_err())
        .map(|e| e.message_id())
        .collect()
}

#[test]
fn german_and_english_have_the_same_ids_and_variables() {
    let (de, en) = (messages(DE), messages(EN));
    assert_eq!(de.keys().collect::<Vec<_>>(), en.keys().collect::<Vec<_>>());
    for (id, vars) in &de {
        assert_eq!(Some(vars), en.get(id), "variables of {id}");
    }
}

#[test]
fn every_code_has_a_text() {
    let de = messages(DE);
    let mut wanted = expected_ids();
    wanted.extend(reason_ids());
    wanted.extend(field_error_ids());
    let missing: Vec<_> = wanted.iter().filter(|id| !de.contains_key(*id)).collect();
    assert!(missing.is_empty(), "missing texts: {missing:?}");
    // And no stale texts: every id in the file is one the crate can return.
    let stale: Vec<_> = de.keys().filter(|id| !wanted.contains(*id)).collect();
    assert!(stale.is_empty(), "texts for no code: {stale:?}");
}
