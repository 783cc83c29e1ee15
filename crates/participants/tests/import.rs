//! CSV import as offices produce it.

use chrono::NaiveDate;
use lernweg_participants::import::{
    CONSENT_FIELD, ConsentRefusal, MAX_ROWS, column_letter, consent_cell, consent_given_on, decode,
};
use lernweg_participants::{ContactChannel, TextEncoding, preview_csv};
use proptest::prelude::*;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
}

#[test]
fn reads_windows_1252_umlauts() {
    // "Vorname;Nachname;Arbeitgeber;Einwilligung Datenverarbeitung\nJürgen;Weiß;Bäckerei
    // Öztürk;01.08.2026\n" in Windows-1252: ü = FC, ß = DF, ä = E4, Ö = D6.
    let bytes: &[u8] = b"Vorname;Nachname;Arbeitgeber;Einwilligung Datenverarbeitung\r\n\
        J\xFCrgen;Wei\xDF;B\xE4ckerei \xD6zt\xFCrk;01.08.2026\r\n";
    let p = preview_csv(bytes, today()).unwrap();
    assert_eq!(p.encoding, TextEncoding::Windows1252);
    let row = &p.rows[0];
    assert_eq!(row.row, 2);
    let d = row.result.as_ref().unwrap();
    assert_eq!(d.given_name, "Jürgen");
    assert_eq!(d.family_name, "Weiß");
    assert_eq!(d.employer.as_deref(), Some("Bäckerei Öztürk"));
    assert_eq!(row.consent_given_on, NaiveDate::from_ymd_opt(2026, 8, 1));
}

#[test]
fn reads_utf8_with_and_without_bom_and_utf16() {
    let text = "Vorname;Nachname;consent_data_processing\nAyşe;Doğan;2026-08-01\n";
    let plain = preview_csv(text.as_bytes(), today()).unwrap();
    assert_eq!(plain.encoding, TextEncoding::Utf8);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let with_bom = preview_csv(&bom, today()).unwrap();
    assert_eq!(with_bom.encoding, TextEncoding::Utf8Bom);
    assert_eq!(with_bom.columns[0].field, Some("given_name"));
    assert_eq!(
        with_bom.rows[0].result.as_ref().unwrap().family_name,
        "Doğan"
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Vorname\tNachname\tEinwilligung Datenverarbeitung\r\nOlena\tKovalenko\t01.08.2026\r\n"
        .encode_utf16()
    {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let p = preview_csv(&utf16, today()).unwrap();
    assert_eq!((p.encoding, p.delimiter), (TextEncoding::Utf16Le, '\t'));
    assert_eq!(p.valid, 1);
    assert_eq!(decode(b"a\xE4").1, TextEncoding::Windows1252);
}

#[test]
fn maps_german_header_variants_and_warns_on_unknown_columns() {
    let csv = "\u{feff} VORNAME ;Name;E-Mail-Adresse;Tel.;Muttersprache;Sprachniveau;\
               Bevorzugter Kontakt;Arbeitgeber;Wochenstunden;Referenzberuf;Geburtsort;Geburtsdatum;\
               Einwilligung Datenschutz\n\
               Amina;Haddad;amina@example.org;0151 234 567;Arabisch;B1;WhatsApp;Pflegeheim Linden;\
               19,5;81302 Gesundheits- und Krankenpflege;Aleppo;03.04.1988;01.08.2026\n";
    let p = preview_csv(csv.as_bytes(), today()).unwrap();
    let fields: Vec<_> = p.columns.iter().map(|c| c.field).collect();
    assert_eq!(
        fields,
        [
            Some("given_name"),
            Some("family_name"),
            Some("email"),
            Some("phone"),
            Some("mother_tongue"),
            Some("german_level"),
            Some("preferred_channel"),
            Some("employer"),
            Some("weekly_hours"),
            Some("kldb"),
            None,
            Some("birth_year"),
            Some(CONSENT_FIELD),
        ]
    );
    assert_eq!(p.warnings.len(), 1);
    assert_eq!(p.warnings[0].code, "unknown_column");
    assert_eq!(p.warnings[0].get("column"), Some("K"));
    assert_eq!(p.warnings[0].get("name"), Some("Geburtsort"));
    let d = p.rows[0].result.as_ref().unwrap();
    assert_eq!(d.mother_tongue.unwrap().as_str(), "ar");
    assert_eq!(d.preferred_channel, Some(ContactChannel::Messenger));
    assert_eq!(d.weekly_hours, Some(19.5));
    assert_eq!(d.kldb.as_ref().unwrap().as_str(), "81302");
    assert_eq!(d.birth_year, Some(1988));
}

#[test]
fn comma_header_quotes_and_sep_line() {
    let csv = "Vorname,Nachname,Arbeitgeber,Einwilligung Datenverarbeitung\n\
               \"Li\",\"Wei\",\"Müller, Schmidt & Co.\",01.08.2026\n";
    let p = preview_csv(csv.as_bytes(), today()).unwrap();
    assert_eq!(p.delimiter, ',');
    assert_eq!(
        p.rows[0].result.as_ref().unwrap().employer.as_deref(),
        Some("Müller, Schmidt & Co.")
    );
    let csv = "sep=;\nVorname;Nachname\nLi;Wei\n";
    let p = preview_csv(csv.as_bytes(), today()).unwrap();
    assert_eq!((p.delimiter, p.rows[0].row), (';', 2));
}

#[test]
fn errors_per_row_with_excel_row_numbers_and_empty_rows_skipped() {
    let csv = "Vorname;Nachname;E-Mail;Wochenstunden;Deutschniveau;Einwilligung Datenverarbeitung\n\
               Amina;Haddad;amina@example.org;20;B1;01.08.2026\n\
               ;;;;;\n\
               Oleksandr;;kein-at-zeichen;70;B3;01.08.2026\n\
               Maria;Popescu;;;;2026-08-01\n";
    let p = preview_csv(csv.as_bytes(), today()).unwrap();
    let numbers: Vec<_> = p.rows.iter().map(|r| r.row).collect();
    assert_eq!(numbers, [2, 4, 5]);
    assert_eq!((p.valid, p.invalid, p.duplicates), (2, 1, 0));
    let errors = p.rows[1].result.as_ref().unwrap_err();
    let ids: Vec<_> = errors.iter().map(|e| e.message_id()).collect();
    assert_eq!(
        ids,
        [
            "participants-error-family_name-required",
            "participants-error-email-invalid_email",
            "participants-error-german_level-unknown_cefr_level",
            "participants-error-weekly_hours-out_of_range",
        ]
    );
    assert_eq!(p.ready().count(), 2);
}

#[test]
fn reference_occupation_takes_the_leading_code_only() {
    let csv = "Vorname;Nachname;KldB;consent_data_processing\n\
               A;B;81302 Pflege;2026-08-01\nC;D;8130x;2026-08-01\nE;F;25104-Maschinenbau;2026-08-01\n";
    let p = preview_csv(csv.as_bytes(), today()).unwrap();
    let kldb = |i: usize| {
        p.rows[i]
            .result
            .as_ref()
            .map(|d| d.kldb.clone().unwrap().to_string())
    };
    assert_eq!(kldb(0), Ok("81302".to_owned()));
    assert!(kldb(1).is_err());
    assert_eq!(kldb(2), Ok("25104".to_owned()));
}

#[test]
fn duplicates_by_email_are_flagged() {
    let csv = "Vorname;Nachname;E-Mail;Einwilligung Datenverarbeitung\n\
               A;B;x@example.org;01.08.2026\nC;D;y@example.org;01.08.2026\nE;F; X@Example.org ;01.08.2026\n";
    let p = preview_csv(csv.as_bytes(), today()).unwrap();
    assert_eq!(p.rows[2].duplicate_of, Some(2));
    assert_eq!((p.valid, p.invalid, p.duplicates), (2, 0, 1));
    let ready: Vec<_> = p.ready().map(|(row, _)| row).collect();
    assert_eq!(ready, [2, 3]);
}

#[test]
fn refuses_files_without_name_columns_or_content() {
    let e = preview_csv(b"E-Mail;Telefon\na@b.de;123456\n", today()).unwrap_err();
    assert_eq!(e.code, "missing_columns");
    assert_eq!(e.detail, "given_name, family_name");
    assert_eq!(preview_csv(b"", today()).unwrap_err().code, "empty_file");
    assert_eq!(
        preview_csv(b"\xEF\xBB\xBF \n", today()).unwrap_err().code,
        "empty_file"
    );
}

#[test]
fn duplicate_header_is_a_warning_and_first_wins() {
    let csv =
        "Vorname;Nachname;Name;Einwilligung Datenverarbeitung\nAmina;Haddad;Irgendwas;01.08.2026\n";
    let p = preview_csv(csv.as_bytes(), today()).unwrap();
    assert_eq!(p.warnings[0].code, "duplicate_column");
    assert_eq!(p.warnings[0].get("first"), Some("B"));
    assert_eq!(p.rows[0].result.as_ref().unwrap().family_name, "Haddad");
}

#[test]
fn too_many_rows_are_refused() {
    let mut csv = String::from("Vorname;Nachname\n");
    for _ in 0..=MAX_ROWS {
        csv.push_str("A;B\n");
    }
    assert_eq!(
        preview_csv(csv.as_bytes(), today()).unwrap_err().code,
        "too_many_rows"
    );
}

#[test]
fn every_row_needs_the_date_of_the_data_processing_consent() {
    let csv = "Vorname;Nachname;Einwilligung Datenverarbeitung\n\
               A;B;01.09.2026\nC;D;2026-08-31\nE;F;\nG;H;02.09.2026\nI;J;gestern\nK;L;31.02.2026\n";
    let p = preview_csv(csv.as_bytes(), today()).unwrap();
    assert_eq!((p.valid, p.invalid), (2, 4));
    let given: Vec<_> = p.rows.iter().map(|r| r.consent_given_on).collect();
    assert_eq!(
        given,
        [
            NaiveDate::from_ymd_opt(2026, 9, 1),
            NaiveDate::from_ymd_opt(2026, 8, 31),
            None,
            None,
            None,
            None
        ]
    );
    let codes: Vec<_> = p.rows[2..]
        .iter()
        .map(|r| {
            let e = &r.result.as_ref().unwrap_err()[0];
            (e.field.as_str(), e.key, e.code)
        })
        .collect();
    assert_eq!(
        codes,
        [
            (CONSENT_FIELD, "import", "consent_missing"),
            (CONSENT_FIELD, "import", "consent_in_future"),
            (CONSENT_FIELD, "import", "consent_invalid_date"),
            (CONSENT_FIELD, "import", "consent_invalid_date"),
        ]
    );
    assert_eq!(p.ready().count(), 2);

    // Without the column every row lacks it; a row's own errors come first.
    let p = preview_csv("Vorname;Nachname\nA;\n".as_bytes(), today()).unwrap();
    let errors = p.rows[0].result.as_ref().unwrap_err();
    let codes: Vec<_> = errors.iter().map(|e| e.code).collect();
    assert_eq!(codes, ["required", "consent_missing"]);
}

#[test]
fn the_consent_rule_shared_by_every_way_in() {
    let day = |d| NaiveDate::from_ymd_opt(2026, 8, d);
    assert_eq!(consent_given_on(day(31), today()), Ok(day(31).unwrap()));
    assert_eq!(consent_given_on(Some(today()), today()), Ok(today()));
    assert_eq!(
        consent_given_on(None, today()),
        Err(ConsentRefusal::Missing)
    );
    let tomorrow = today().succ_opt();
    assert_eq!(
        consent_given_on(tomorrow, today()),
        Err(ConsentRefusal::InFuture)
    );
    assert_eq!(consent_cell(" 31.08.2026 ", today()), Ok(day(31).unwrap()));
    assert_eq!(consent_cell("2026-08-31", today()), Ok(day(31).unwrap()));
    assert_eq!(consent_cell("", today()), Err(ConsentRefusal::Missing));
    // Two-digit years (issue 10, point 8) as `office::two_digit_year` reads them: in 2026,
    // "26" is 2026 and "27" is 2027 (so in the future), never 1927.
    assert_eq!(consent_cell("31.8.26", today()), Ok(day(31).unwrap()));
    assert_eq!(
        consent_cell("1.3.27", today()),
        Err(ConsentRefusal::InFuture)
    );
    assert_eq!(
        consent_cell("31.8.6", today()),
        Err(ConsentRefusal::InvalidDate)
    );
    assert_eq!(ConsentRefusal::InFuture.code(), "consent_in_future");
}

#[test]
fn column_letters_as_in_excel() {
    assert_eq!(column_letter(0), "A");
    assert_eq!(column_letter(25), "Z");
    assert_eq!(column_letter(26), "AA");
    assert_eq!(column_letter(27), "AB");
    assert_eq!(column_letter(701), "ZZ");
    assert_eq!(column_letter(702), "AAA");
}

proptest! {
    #[test]
    fn never_panics_on_random_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let _ = preview_csv(&bytes, today());
    }

    #[test]
    fn never_panics_on_random_rows_under_a_valid_header(
        body in "[A-Za-zäöüß0-9@.;,\"\n +/-]{0,400}"
    ) {
        let csv = format!("Vorname;Nachname;E-Mail;Telefon;Wochenstunden;Geburtsjahr;Einwilligung Datenverarbeitung\n{body}");
        if let Ok(p) = preview_csv(csv.as_bytes(), today()) {
            prop_assert_eq!(p.valid + p.invalid + p.duplicates, p.rows.len());
            prop_assert!(p.rows.windows(2).all(|w| w[0].row < w[1].row));
        }
    }
}
