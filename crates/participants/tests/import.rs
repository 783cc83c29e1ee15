//! CSV import as offices produce it.

use lernweg_participants::import::{MAX_ROWS, column_letter, decode};
use lernweg_participants::{ContactChannel, TextEncoding, preview_csv};
use proptest::prelude::*;

const YEAR: i32 = 2026;

#[test]
fn reads_windows_1252_umlauts() {
    // "Vorname;Nachname;Arbeitgeber\nJürgen;Weiß;Bäckerei Öztürk\n" in Windows-1252:
    // ü = FC, ß = DF, ä = E4, Ö = D6.
    let bytes: &[u8] =
        b"Vorname;Nachname;Arbeitgeber\r\nJ\xFCrgen;Wei\xDF;B\xE4ckerei \xD6zt\xFCrk\r\n";
    let p = preview_csv(bytes, YEAR).unwrap();
    assert_eq!(p.encoding, TextEncoding::Windows1252);
    let row = &p.rows[0];
    assert_eq!(row.row, 2);
    let d = row.result.as_ref().unwrap();
    assert_eq!(d.given_name, "Jürgen");
    assert_eq!(d.family_name, "Weiß");
    assert_eq!(d.employer.as_deref(), Some("Bäckerei Öztürk"));
}

#[test]
fn reads_utf8_with_and_without_bom_and_utf16() {
    let text = "Vorname;Nachname\nAyşe;Doğan\n";
    let plain = preview_csv(text.as_bytes(), YEAR).unwrap();
    assert_eq!(plain.encoding, TextEncoding::Utf8);
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(text.as_bytes());
    let with_bom = preview_csv(&bom, YEAR).unwrap();
    assert_eq!(with_bom.encoding, TextEncoding::Utf8Bom);
    assert_eq!(with_bom.columns[0].field, Some("given_name"));
    assert_eq!(
        with_bom.rows[0].result.as_ref().unwrap().family_name,
        "Doğan"
    );
    let mut utf16 = vec![0xFF, 0xFE];
    for u in "Vorname\tNachname\r\nOlena\tKovalenko\r\n".encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let p = preview_csv(&utf16, YEAR).unwrap();
    assert_eq!((p.encoding, p.delimiter), (TextEncoding::Utf16Le, '\t'));
    assert_eq!(p.valid, 1);
    assert_eq!(decode(b"a\xE4").1, TextEncoding::Windows1252);
}

#[test]
fn maps_german_header_variants_and_warns_on_unknown_columns() {
    let csv = "\u{feff} VORNAME ;Name;E-Mail-Adresse;Tel.;Muttersprache;Sprachniveau;\
               Bevorzugter Kontakt;Arbeitgeber;Wochenstunden;Referenzberuf;Geburtsort;Geburtsdatum\n\
               Amina;Haddad;amina@example.org;0151 234 567;Arabisch;B1;WhatsApp;Pflegeheim Linden;\
               19,5;81302 Gesundheits- und Krankenpflege;Aleppo;03.04.1988\n";
    let p = preview_csv(csv.as_bytes(), YEAR).unwrap();
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
            Some("birth_year")
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
    let csv = "Vorname,Nachname,Arbeitgeber\n\"Li\",\"Wei\",\"Müller, Schmidt & Co.\"\n";
    let p = preview_csv(csv.as_bytes(), YEAR).unwrap();
    assert_eq!(p.delimiter, ',');
    assert_eq!(
        p.rows[0].result.as_ref().unwrap().employer.as_deref(),
        Some("Müller, Schmidt & Co.")
    );
    let csv = "sep=;\nVorname;Nachname\nLi;Wei\n";
    let p = preview_csv(csv.as_bytes(), YEAR).unwrap();
    assert_eq!((p.delimiter, p.rows[0].row), (';', 2));
}

#[test]
fn errors_per_row_with_excel_row_numbers_and_empty_rows_skipped() {
    let csv = "Vorname;Nachname;E-Mail;Wochenstunden;Deutschniveau\n\
               Amina;Haddad;amina@example.org;20;B1\n\
               ;;;;\n\
               Oleksandr;;kein-at-zeichen;70;B3\n\
               Maria;Popescu;;;\n";
    let p = preview_csv(csv.as_bytes(), YEAR).unwrap();
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
    let csv = "Vorname;Nachname;KldB\nA;B;81302 Pflege\nC;D;8130x\nE;F;25104-Maschinenbau\n";
    let p = preview_csv(csv.as_bytes(), YEAR).unwrap();
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
    let csv =
        "Vorname;Nachname;E-Mail\nA;B;x@example.org\nC;D;y@example.org\nE;F; X@Example.org \n";
    let p = preview_csv(csv.as_bytes(), YEAR).unwrap();
    assert_eq!(p.rows[2].duplicate_of, Some(2));
    assert_eq!((p.valid, p.invalid, p.duplicates), (2, 0, 1));
    let ready: Vec<_> = p.ready().map(|(row, _)| row).collect();
    assert_eq!(ready, [2, 3]);
}

#[test]
fn refuses_files_without_name_columns_or_content() {
    let e = preview_csv(b"E-Mail;Telefon\na@b.de;123456\n", YEAR).unwrap_err();
    assert_eq!(e.code, "missing_columns");
    assert_eq!(e.detail, "given_name, family_name");
    assert_eq!(preview_csv(b"", YEAR).unwrap_err().code, "empty_file");
    assert_eq!(
        preview_csv(b"\xEF\xBB\xBF \n", YEAR).unwrap_err().code,
        "empty_file"
    );
}

#[test]
fn duplicate_header_is_a_warning_and_first_wins() {
    let csv = "Vorname;Nachname;Name\nAmina;Haddad;Irgendwas\n";
    let p = preview_csv(csv.as_bytes(), YEAR).unwrap();
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
        preview_csv(csv.as_bytes(), YEAR).unwrap_err().code,
        "too_many_rows"
    );
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
        let _ = preview_csv(&bytes, YEAR);
    }

    #[test]
    fn never_panics_on_random_rows_under_a_valid_header(
        body in "[A-Za-zäöüß0-9@.;,\"\n +/-]{0,400}"
    ) {
        let csv = format!("Vorname;Nachname;E-Mail;Telefon;Wochenstunden;Geburtsjahr\n{body}");
        if let Ok(p) = preview_csv(csv.as_bytes(), YEAR) {
            prop_assert_eq!(p.valid + p.invalid + p.duplicates, p.rows.len());
            prop_assert!(p.rows.windows(2).all(|w| w[0].row < w[1].row));
        }
    }
}
