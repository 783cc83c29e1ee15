//! Validation of the participant record.

use lernweg_participants::model::PhoneNumber;
use lernweg_participants::{ContactChannel, ParticipantDraft, RecognitionStatus};
use proptest::prelude::*;

fn draft() -> ParticipantDraft {
    ParticipantDraft {
        given_name: "  Olena ".into(),
        family_name: "Kovalenko".into(),
        ..Default::default()
    }
}

fn codes(d: &ParticipantDraft) -> Vec<String> {
    d.validate(2026)
        .unwrap_err()
        .iter()
        .map(|e| format!("{}:{}", e.field, e.code))
        .collect()
}

#[test]
fn names_are_required_and_trimmed() {
    let p = draft().validate(2026).unwrap();
    assert_eq!(p.given_name, "Olena");
    assert_eq!(p.email, None);
    assert_eq!(
        codes(&ParticipantDraft::default()),
        ["given_name:required", "family_name:required"]
    );
    let long = ParticipantDraft {
        family_name: "x".repeat(101),
        ..draft()
    };
    assert_eq!(codes(&long), ["family_name:too_long"]);
}

#[test]
fn a_full_record_validates() {
    let d = ParticipantDraft {
        email: "Olena.K@Example.org".into(),
        // Parentheses hold digits only ("+49 (0)151 …" is fine since issue 10, point 8).
        phone: "0151 234567 (privat)".into(),
        mother_tongue: "uk".into(),
        other_languages: "Russisch, en; pl".into(),
        german_level: "b2".into(),
        preferred_channel: "Video".into(),
        reachable_times: "Mo–Fr ab 17 Uhr".into(),
        foreign_qualification: "Diplom-Ingenieurin (Kyjiw)".into(),
        kldb: "25104".into(),
        recognition_status: "teilweise".into(),
        employer: "Logistik Nord GmbH".into(),
        weekly_hours: "30".into(),
        birth_year: "1990".into(),
        ..draft()
    };
    assert_eq!(codes(&d), ["phone:invalid_parentheses"]);
    let d = ParticipantDraft {
        phone: "+49 151 / 234-567".into(),
        ..d
    };
    let p = d.validate(2026).unwrap();
    assert_eq!(p.email.unwrap().as_str(), "olena.k@example.org");
    let langs: Vec<_> = p.other_languages.iter().map(|l| l.as_str()).collect();
    assert_eq!(langs, ["ru", "en", "pl"]);
    assert_eq!(p.preferred_channel, Some(ContactChannel::Video));
    assert_eq!(p.recognition_status, Some(RecognitionStatus::Partial));
    assert_eq!(p.weekly_hours, Some(30.0));
    assert_eq!(p.phone.unwrap().as_str(), "+49 151 / 234-567");
}

#[test]
fn every_problem_is_reported_at_once() {
    let d = ParticipantDraft {
        email: "kein-at".into(),
        phone: "12 34".into(),
        mother_tongue: "xx".into(),
        other_languages: "en, Elbisch".into(),
        german_level: "B3".into(),
        preferred_channel: "Brief".into(),
        reachable_times: "x".repeat(201),
        kldb: "8130x".into(),
        recognition_status: "vielleicht".into(),
        weekly_hours: "vierzig".into(),
        birth_year: "2015".into(),
        ..draft()
    };
    assert_eq!(
        codes(&d),
        [
            "email:invalid_email",
            "phone:too_few_digits",
            "mother_tongue:unknown_language",
            "other_languages.1:unknown_language",
            "german_level:unknown_cefr_level",
            "preferred_channel:unknown_channel",
            "reachable_times:too_long",
            "kldb:invalid_kldb",
            "recognition_status:unknown_recognition_status",
            "weekly_hours:not_a_number",
            "birth_year:out_of_range",
        ]
    );
}

#[test]
fn weekly_hours_and_birth_year_bounds() {
    let hours = |h: &str| {
        ParticipantDraft {
            weekly_hours: h.into(),
            ..draft()
        }
        .validate(2026)
        .map(|p| p.weekly_hours)
    };
    assert_eq!(hours("19,5"), Ok(Some(19.5)));
    assert_eq!(hours("0"), Ok(Some(0.0)));
    assert_eq!(hours("60"), Ok(Some(60.0)));
    assert!(hours("60,5").is_err());
    assert!(hours("-1").is_err());
    assert!(hours("1,2,3").is_err());
    let year = |y: &str| {
        ParticipantDraft {
            birth_year: y.into(),
            ..draft()
        }
        .validate(2026)
        .map(|p| p.birth_year)
    };
    assert_eq!(year("1930"), Ok(Some(1930)));
    assert_eq!(year("2012"), Ok(Some(2012)));
    assert_eq!(year("03.04.1988"), Ok(Some(1988)));
    assert_eq!(year("1988-04-03"), Ok(Some(1988)));
    assert!(year("1929").is_err());
    assert!(year("2013").is_err());
    assert!(year("88").is_err());
    let e = ParticipantDraft {
        birth_year: "2013".into(),
        ..draft()
    }
    .validate(2026)
    .unwrap_err();
    assert_eq!(
        e[0].args,
        [("min", "1930".to_owned()), ("max", "2012".to_owned())]
    );
}

#[test]
fn phone_rules() {
    for ok in [
        "0151 2345678",
        "+49 30 1234567",
        "030/123456",
        "0049-30-123456",
        "123456",
    ] {
        assert!(PhoneNumber::parse(ok).is_ok(), "{ok}");
    }
    for (bad, code) in [
        ("12345", "too_few_digits"),
        ("49+123456", "plus_not_first"),
        ("0151 234567 ext", "invalid_character"),
        ("123456789012345678901", "too_many_digits"),
    ] {
        assert_eq!(PhoneNumber::parse(bad).unwrap_err().code, code, "{bad}");
    }
    assert_eq!(
        PhoneNumber::parse("  0151   234 567 ").unwrap().as_str(),
        "0151 234 567"
    );
}

/// Weekly hours are read by the domain's one decimal parser: German input as for offers.
#[test]
fn weekly_hours_accept_german_and_dot_input() {
    let hours = |raw: &str| {
        ParticipantDraft {
            given_name: "Amina".into(),
            family_name: "Haddad".into(),
            weekly_hours: raw.into(),
            ..Default::default()
        }
        .validate(2026)
        .map(|p| p.weekly_hours)
        .map_err(|e| e.iter().map(|e| e.code).collect::<Vec<_>>())
    };
    assert_eq!(hours("38,5"), Ok(Some(38.5)));
    assert_eq!(hours("38.5"), Ok(Some(38.5)));
    assert_eq!(hours(" 7,25 "), Ok(Some(7.25)));
    // Read as 1234.5 (not refused as "not a number"), then out of range.
    assert_eq!(hours("1.234,5"), Err(vec!["out_of_range"]));
    assert_eq!(hours("1e3"), Err(vec!["not_a_number"]));
    assert_eq!(hours("NaN"), Err(vec!["not_a_number"]));
}

#[test]
fn data_serializes_snake_case() {
    let d = ParticipantDraft {
        preferred_channel: "persönlich".into(),
        mother_tongue: "Türkisch".into(),
        german_level: "a2".into(),
        ..draft()
    };
    let v = serde_json::to_value(d.validate(2026).unwrap()).unwrap();
    assert_eq!(v["preferred_channel"], "in_person");
    assert_eq!(v["mother_tongue"], "tr");
    assert_eq!(v["german_level"], "A2");
    assert_eq!(v["given_name"], "Olena");
}

proptest! {
    #[test]
    fn validate_never_panics(
        a in ".{0,30}", b in ".{0,30}", c in ".{0,30}", e in ".{0,12}", f in ".{0,12}"
    ) {
        let d = ParticipantDraft {
            given_name: a.clone(), family_name: b, email: c, phone: a.clone(),
            mother_tongue: e.clone(), other_languages: a, german_level: e.clone(),
            weekly_hours: f.clone(), birth_year: f, kldb: e, ..Default::default()
        };
        let _ = d.validate(2026);
    }
}
