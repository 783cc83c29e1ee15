//! What German offices write (issue 10, point 8): phone numbers with parentheses and `(0)`,
//! sub-levels and ranges of the German level, two-digit years, column names with additions,
//! and `?` where a Windows-1252 or ASCII export lost a letter.

use chrono::NaiveDate;
use lernweg_domain::CefrLevel;
use lernweg_participants::{ParticipantDraft, PhoneNumber, TextEncoding, preview_csv};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
}

#[test]
fn phone_numbers_with_parentheses_are_normalised_by_the_one_parser() {
    for (written, stored) in [
        ("(030) 1234567", "030 1234567"),
        ("(030)1234567", "030 1234567"),
        ("+49 (0)30 1234-567", "+49 30 1234-567"),
        ("+49(0)30 1234567", "+49 30 1234567"),
        ("0049 (0) 30 123456", "0049 30 123456"),
        ("(0)30 123456", "030 123456"),
        ("+49 (30) 123456", "+49 30 123456"),
        ("0170 1234567", "0170 1234567"),
    ] {
        let p = PhoneNumber::parse(written).unwrap_or_else(|e| panic!("{written}: {e}"));
        assert_eq!(p.as_str(), stored, "{written}");
    }
    for bad in [
        "(030 1234567",
        "030) 1234567",
        "((030)) 1234567",
        "(a) 1234567",
        "() 1234567",
        ")030( 1234567",
    ] {
        let e = PhoneNumber::parse(bad).unwrap_err();
        assert_eq!(e.code, "invalid_parentheses", "{bad}");
    }
    assert_eq!(
        PhoneNumber::parse("(030) 12").unwrap_err().code,
        "too_few_digits",
        "the other rules still hold"
    );
}

#[test]
fn birth_dates_with_two_digit_years_keep_their_year() {
    let year = |raw: &str| {
        ParticipantDraft {
            given_name: "Amina".into(),
            family_name: "Haddad".into(),
            birth_year: raw.into(),
            ..Default::default()
        }
        .validate(2026)
        .map(|d| d.birth_year)
        .map_err(|e| e[0].code)
    };
    assert_eq!(year("1.3.85"), Ok(Some(1985)));
    assert_eq!(year("01.03.05"), Ok(Some(2005)));
    assert_eq!(year("12.03.1985"), Ok(Some(1985)));
    assert_eq!(year("1.3.20"), Err("out_of_range"), "2020: younger than 14");
    assert_eq!(year("31.2.85"), Err("invalid"), "no such day");
}

/// A list as an office exports it: additions in the headers, `(0)` in phone numbers, German
/// sub-levels and ranges, two-digit years and letters lost to `?`.
const OFFICE_CSV: &str = "Vorname;Nachname;Telefon (privat);Deutschniveau (GER);\
    Geburtsdatum (TT.MM.JJ);Berufsabschluss (Ausland);E-Mail [dienstlich];\
    Einwilligung Datenverarbeitung\r\n\
    Amina;Haddad;+49 (0)30 1234-567;B1.2;1.3.85;Bachelor Pflege;amina@example.org;2.1.26\r\n\
    J?rgen;M?ller;(030) 1234567;A2/B1;01.03.05;Meister;;02.01.2026\r\n\
    Olena;Kovalenko;0151 2345678;A2/B1;12.03.1990;Diplom;olena@example.org;2026-01-02\r\n\
    Mehmet;?zt?rk;;B2;1990;;;2.1.26\r\n";

#[test]
fn an_office_list_is_read_with_notes_in_the_preview() {
    let p = preview_csv(OFFICE_CSV.as_bytes(), today()).unwrap();
    assert_eq!(
        p.encoding,
        TextEncoding::Utf8,
        "an ASCII file reads as UTF-8"
    );
    let fields: Vec<_> = p.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some("given_name"),
            Some("family_name"),
            Some("phone"),
            Some("german_level"),
            Some("birth_year"),
            Some("foreign_qualification"),
            Some("email"),
            Some("consent_data_processing"),
        ],
        "additions in parentheses and brackets are ignored"
    );
    assert_eq!((p.valid, p.invalid), (4, 0), "{:#?}", p.rows);
    let data: Vec<_> = p.rows.iter().map(|r| r.result.clone().unwrap()).collect();
    assert_eq!(
        data[0].phone.as_ref().map(PhoneNumber::as_str),
        Some("+49 30 1234-567")
    );
    assert_eq!(data[0].german_level, Some(CefrLevel::B1));
    assert_eq!(data[0].birth_year, Some(1985));
    assert_eq!(
        p.rows[0].consent_given_on,
        NaiveDate::from_ymd_opt(2026, 1, 2)
    );
    assert_eq!(
        data[1].phone.as_ref().map(PhoneNumber::as_str),
        Some("030 1234567")
    );
    assert_eq!(data[1].german_level, Some(CefrLevel::A2), "the lower level");
    assert_eq!(data[1].birth_year, Some(2005));
    assert_eq!(data[2].german_level, Some(CefrLevel::A2));
    assert_eq!(data[3].german_level, Some(CefrLevel::B2));

    let warnings: Vec<_> = p
        .warnings
        .iter()
        .map(|w| {
            let arg = |k| w.get(k).unwrap_or("").to_owned();
            (
                w.code,
                arg("column"),
                arg("value"),
                arg("level"),
                arg("rows"),
            )
        })
        .collect();
    let w = |code, column: &str, value: &str, level: &str, rows: &str| {
        (code, column.into(), value.into(), level.into(), rows.into())
    };
    assert_eq!(
        warnings,
        [
            w("lost_characters", "A", "", "", "3"),
            w("lost_characters", "B", "", "", "3, 5"),
            w("german_level_range", "", "A2/B1", "A2", "3, 4"),
            w("german_level_sub_level", "", "B1.2", "B1", "2"),
        ]
    );
    assert_eq!(p.warnings[1].get("name"), Some("Nachname"));
    assert_eq!(p.warnings[1].get("count"), Some("2"));
}

#[test]
fn lost_letters_are_found_in_windows_1252_files_too() {
    // "Sch?fer" as a Windows-1252 file whose "ä" was lost before it was saved, next to a
    // real "ü" (0xFC) that survived.
    let bytes: &[u8] = b"Vorname;Nachname;Arbeitgeber;Einwilligung Datenverarbeitung\r\n\
        J\xFCrgen;Sch?fer;B?ckerei Nord;01.08.2026\r\n\
        Anna;Weiss;Was nun?;01.08.2026\r\n";
    let p = preview_csv(bytes, today()).unwrap();
    assert_eq!(p.encoding, TextEncoding::Windows1252);
    let lost: Vec<_> = p
        .warnings
        .iter()
        .filter(|w| w.code == "lost_characters")
        .map(|w| (w.get("column").unwrap(), w.get("rows").unwrap()))
        .collect();
    assert_eq!(lost, [("B", "2"), ("C", "2")], "not the question in row 3");
    assert_eq!(p.valid, 2, "a warning, not an error");
}
