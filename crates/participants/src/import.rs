//! Preview of a participant import from CSV as German offices produce it (Excel "CSV
//! (Trennzeichen-getrennt)"): semicolon-separated (comma or tab if the header uses them),
//! UTF-8 with or without BOM, UTF-16 with BOM, otherwise Windows-1252. Header names are
//! matched ignoring case, spaces, punctuation and umlaut spelling; unknown columns become
//! warnings. Every row is validated through [`ParticipantDraft::validate`] and needs the date
//! of the data-processing consent (column `Einwilligung Datenverarbeitung` or
//! `consent_data_processing`, `TT.MM.JJJJ` or ISO, not after today; [`consent_given_on`]);
//! nothing is written — the caller stores `ImportPreview::ready()` after the user confirms.
//!
//! What offices write beyond that (two-digit years, header additions in parentheses, German
//! sub-levels and ranges, `?` for lost letters) is read as [`crate::office`] documents.
//!
//! Row numbers are those Excel shows: the header is row 1, the first data row is row 2.
//! Empty rows are skipped but keep their number. A first line `sep=;` is honoured.

use std::borrow::Cow;
use std::collections::HashMap;

use chrono::{Datelike, NaiveDate};
use lernweg_domain::Email;
use serde::Serialize;

use crate::import_plan::IMPORT_KEY;
use crate::model::{ParticipantData, ParticipantDraft};
use crate::office::{Notes, german_date, header_keys};
use crate::reason::{FieldError, Reason};

/// Most data rows one import takes.
pub const MAX_ROWS: usize = 50_000;

/// All refusal codes and warning codes, for the Fluent files.
pub const IMPORT_ERROR_CODES: [&str; 4] = [
    "empty_file",
    "missing_columns",
    "too_many_rows",
    "unreadable",
];
pub const IMPORT_WARNING_CODES: [&str; 6] = [
    "unknown_column",
    "duplicate_column",
    "invalid_utf8_replaced",
    "lost_characters",
    "german_level_sub_level",
    "german_level_range",
];

/// How the bytes were read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// A refused file. Message id `participants-import-<code>`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{code}: {detail}")]
pub struct ImportError {
    /// `empty_file`, `missing_columns` (detail: the missing fields), `too_many_rows`,
    /// `unreadable`.
    pub code: &'static str,
    pub detail: String,
}

/// One header cell and the field it maps to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Column {
    /// Excel letter: A, B, … Z, AA, …
    pub letter: String,
    pub header: String,
    pub field: Option<&'static str>,
}

/// The column of the day the data-processing consent was given.
pub const CONSENT_FIELD: &str = "consent_data_processing";

/// Why a participant may not be created for want of a data-processing consent. One rule for
/// every way a participant is created (the form, the API and this import): the consent is
/// recorded with the day it was given, and that day is not after today.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ConsentRefusal {
    /// No consent (or no date of it).
    Missing,
    /// A date that is neither `TT.MM.JJJJ` nor `JJJJ-MM-TT`.
    InvalidDate,
    /// A date after today.
    InFuture,
}

impl ConsentRefusal {
    /// The code of the import's row error (key [`IMPORT_KEY`], message id
    /// `imports-error-<code>`).
    pub fn code(self) -> &'static str {
        match self {
            ConsentRefusal::Missing => "consent_missing",
            ConsentRefusal::InvalidDate => "consent_invalid_date",
            ConsentRefusal::InFuture => "consent_in_future",
        }
    }
}

/// The day the data-processing consent was given, if there is one and it is not after `today`.
pub fn consent_given_on(
    given_on: Option<NaiveDate>,
    today: NaiveDate,
) -> Result<NaiveDate, ConsentRefusal> {
    match given_on {
        None => Err(ConsentRefusal::Missing),
        Some(d) if d > today => Err(ConsentRefusal::InFuture),
        Some(d) => Ok(d),
    }
}

/// The consent date of a cell (`TT.MM.JJJJ`, `T.M.JJ` — the two-digit year as
/// [`crate::office::two_digit_year`] reads it — or ISO `JJJJ-MM-TT`), checked by
/// [`consent_given_on`]. An empty cell is [`ConsentRefusal::Missing`].
pub fn consent_cell(raw: &str, today: NaiveDate) -> Result<NaiveDate, ConsentRefusal> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(ConsentRefusal::Missing);
    }
    // The ISO year has four digits (chrono would read "26" as the year 26).
    let four = |y: &str| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit());
    let day = match raw.split_once('-') {
        _ if raw.contains('.') => german_date(raw, today.year()),
        Some((year, _)) if four(year) => NaiveDate::parse_from_str(raw, "%Y-%m-%d").ok(),
        _ => None,
    };
    consent_given_on(Some(day.ok_or(ConsentRefusal::InvalidDate)?), today)
}

/// One data row: as read, and validated.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportRow {
    /// As Excel shows it (header = 1).
    pub row: usize,
    pub draft: ParticipantDraft,
    /// The consent cell as read.
    pub consent: String,
    /// The record, valid and with a data-processing consent; or every problem of the row.
    pub result: Result<ParticipantData, Vec<FieldError>>,
    /// The day the data-processing consent was given (when the cell is valid).
    pub consent_given_on: Option<NaiveDate>,
    /// The earlier row with the same e-mail address.
    pub duplicate_of: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ImportPreview {
    pub encoding: TextEncoding,
    pub delimiter: char,
    pub columns: Vec<Column>,
    /// `unknown_column`, `duplicate_column`, `invalid_utf8_replaced`, and what was read
    /// leniently ([`crate::office`]): `lost_characters`, `german_level_sub_level`,
    /// `german_level_range` (message id `participants-import-warning-<code>`).
    pub warnings: Vec<Reason>,
    pub rows: Vec<ImportRow>,
    pub valid: usize,
    pub invalid: usize,
    pub duplicates: usize,
}

impl ImportPreview {
    /// Rows that can be written: valid (with the consent) and not a duplicate of an earlier
    /// row.
    pub fn ready(&self) -> impl Iterator<Item = (usize, &ParticipantData)> {
        self.rows
            .iter()
            .filter_map(|r| match (&r.result, r.duplicate_of) {
                (Ok(p), None) => Some((r.row, p)),
                _ => None,
            })
    }
}

/// Header names (folded) per field.
const HEADERS: &[(&str, &[&str])] = &[
    (
        "given_name",
        &["vorname", "vornamen", "rufname", "givenname", "firstname"],
    ),
    (
        "family_name",
        &[
            "nachname",
            "name",
            "familienname",
            "zuname",
            "familyname",
            "lastname",
            "surname",
        ],
    ),
    (
        "email",
        &[
            "email",
            "emailadresse",
            "mail",
            "mailadresse",
            "emailaddress",
        ],
    ),
    (
        "phone",
        &[
            "telefon",
            "telefonnummer",
            "tel",
            "telnr",
            "handy",
            "handynummer",
            "mobil",
            "mobilnummer",
            "mobiltelefon",
            "rufnummer",
            "phone",
        ],
    ),
    (
        "mother_tongue",
        &[
            "muttersprache",
            "erstsprache",
            "herkunftssprache",
            "mothertongue",
        ],
    ),
    (
        "other_languages",
        &[
            "weiteresprachen",
            "sprachen",
            "fremdsprachen",
            "sonstigesprachen",
            "otherlanguages",
        ],
    ),
    (
        "german_level",
        &[
            "deutschniveau",
            "sprachniveau",
            "deutschkenntnisse",
            "gerniveau",
            "niveau",
            "sprachniveaudeutsch",
            "germanlevel",
        ],
    ),
    (
        "preferred_channel",
        &[
            "bevorzugterkontakt",
            "bevorzugterkontaktweg",
            "kontaktweg",
            "kontaktkanal",
            "preferredchannel",
        ],
    ),
    (
        "reachable_times",
        &[
            "erreichbarkeit",
            "erreichbar",
            "kontaktzeiten",
            "erreichbarzeiten",
            "reachabletimes",
        ],
    ),
    (
        "foreign_qualification",
        &[
            "auslaendischerabschluss",
            "abschluss",
            "berufsabschluss",
            "qualifikation",
            "auslaendischequalifikation",
            "foreignqualification",
        ],
    ),
    (
        "kldb",
        &[
            "referenzberuf",
            "kldb",
            "kldb2010",
            "referenzberufkldb",
            "berufskennziffer",
            "kldbcode",
        ],
    ),
    (
        "recognition_status",
        &[
            "anerkennung",
            "anerkennungsstatus",
            "standanerkennung",
            "recognitionstatus",
        ],
    ),
    ("employer", &["arbeitgeber", "betrieb", "firma", "employer"]),
    (
        "weekly_hours",
        &[
            "wochenstunden",
            "arbeitsstunden",
            "stundenprowoche",
            "wochenarbeitszeit",
            "arbeitszeit",
            "weeklyhours",
        ],
    ),
    (
        "birth_year",
        &["geburtsjahr", "geburtsdatum", "jahrgang", "birthyear"],
    ),
    (
        CONSENT_FIELD,
        &[
            "einwilligungdatenverarbeitung",
            "einwilligungdatenschutz",
            "datenschutzeinwilligung",
            "consentdataprocessing",
        ],
    ),
];

const REQUIRED: [&str; 2] = ["given_name", "family_name"];

/// The field of a header, matched as a whole or without its additions in parentheses
/// ([`header_keys`]).
fn field_for(header: &str) -> Option<&'static str> {
    header_keys(header).iter().find_map(|key| {
        HEADERS
            .iter()
            .find(|(_, names)| names.contains(&key.as_str()))
            .map(|(field, _)| *field)
    })
}

fn set(draft: &mut ParticipantDraft, field: &str, value: &str) {
    let slot = match field {
        "given_name" => &mut draft.given_name,
        "family_name" => &mut draft.family_name,
        "email" => &mut draft.email,
        "phone" => &mut draft.phone,
        "mother_tongue" => &mut draft.mother_tongue,
        "other_languages" => &mut draft.other_languages,
        "german_level" => &mut draft.german_level,
        "preferred_channel" => &mut draft.preferred_channel,
        "reachable_times" => &mut draft.reachable_times,
        "foreign_qualification" => &mut draft.foreign_qualification,
        "kldb" => {
            // "81302 Gesundheits- und Krankenpflege" → "81302"
            // (the digits must end at a space, a dash or the end, so "8130x" stays faulty)
            let v = value.trim();
            let digits = v.bytes().take_while(u8::is_ascii_digit).count();
            let ends = digits == v.len() || v[digits..].starts_with([' ', '-', '\u{2013}']);
            draft.kldb = if digits > 0 && ends {
                v[..digits].to_owned()
            } else {
                v.to_owned()
            };
            return;
        }
        "recognition_status" => &mut draft.recognition_status,
        "employer" => &mut draft.employer,
        "weekly_hours" => &mut draft.weekly_hours,
        "birth_year" => &mut draft.birth_year,
        _ => return,
    };
    value.clone_into(slot);
}

/// Excel's column letter for a 0-based index.
pub fn column_letter(mut index: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (index % 26) as u8);
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).expect("ASCII")
}

/// Decodes the bytes and says how. Invalid UTF-8 after a UTF-8 BOM is replaced (`true`).
pub fn decode(bytes: &[u8]) -> (Cow<'_, str>, TextEncoding, bool) {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        let s = String::from_utf8_lossy(rest);
        let replaced = matches!(s, Cow::Owned(_));
        return (s, TextEncoding::Utf8Bom, replaced);
    }
    if bytes.starts_with(b"\xFF\xFE") {
        let (s, _, bad) = encoding_rs::UTF_16LE.decode(bytes);
        return (s, TextEncoding::Utf16Le, bad);
    }
    if bytes.starts_with(b"\xFE\xFF") {
        let (s, _, bad) = encoding_rs::UTF_16BE.decode(bytes);
        return (s, TextEncoding::Utf16Be, bad);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => (Cow::Borrowed(s), TextEncoding::Utf8, false),
        Err(_) => {
            let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
            (s, TextEncoding::Windows1252, false)
        }
    }
}

/// The delimiter of the header line: `;` if it has one, else tab, else `,`.
fn detect_delimiter(header_line: &str) -> u8 {
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => counts[0] += 1,
            '\t' if !quoted => counts[1] += 1,
            ',' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    if counts[0] > 0 {
        b';'
    } else if counts[1] > 0 {
        b'\t'
    } else {
        b','
    }
}

/// The row error of a refused consent cell.
fn consent_error(refusal: ConsentRefusal, raw: &str) -> FieldError {
    let e = FieldError::new(CONSENT_FIELD, IMPORT_KEY, refusal.code());
    if raw.is_empty() {
        e
    } else {
        e.arg("value", raw)
    }
}

/// Reads, maps and validates a CSV file. `today` bounds birth years and consent dates (no
/// clock here).
pub fn preview_csv(bytes: &[u8], today: NaiveDate) -> Result<ImportPreview, ImportError> {
    let fail = |code, detail: String| ImportError { code, detail };
    let (text, encoding, replaced) = decode(bytes);
    let mut text: &str = text.trim_start_matches('\u{feff}');
    let mut delimiter = None;
    if let Some(first) = text.lines().next()
        && let Some(sep) = first.trim().strip_prefix("sep=")
        && let [d] = sep.as_bytes()
    {
        delimiter = Some(*d);
        text = text.split_once('\n').map_or("", |(_, rest)| rest);
    }
    if text.trim().is_empty() {
        return Err(fail("empty_file", String::new()));
    }
    let delimiter =
        delimiter.unwrap_or_else(|| detect_delimiter(text.lines().next().unwrap_or("")));
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut records = reader.records();
    let header = match records.next() {
        Some(Ok(h)) => h,
        Some(Err(e)) => return Err(fail("unreadable", e.to_string())),
        None => return Err(fail("empty_file", String::new())),
    };
    let mut warnings = Vec::new();
    if replaced {
        warnings.push(Reason::new("invalid_utf8_replaced"));
    }
    let mut columns = Vec::new();
    let mut used: HashMap<&'static str, usize> = HashMap::new();
    for (i, h) in header.iter().enumerate() {
        let letter = column_letter(i);
        let mut field = field_for(h);
        if let Some(f) = field {
            if let Some(first) = used.get(f) {
                warnings.push(
                    Reason::new("duplicate_column")
                        .arg("column", &letter)
                        .arg("name", h.trim())
                        .arg("first", column_letter(*first)),
                );
                field = None;
            } else {
                used.insert(f, i);
            }
        } else if !h.trim().is_empty() {
            warnings.push(
                Reason::new("unknown_column")
                    .arg("column", &letter)
                    .arg("name", h.trim()),
            );
        }
        columns.push(Column {
            letter,
            header: h.trim().to_owned(),
            field,
        });
    }
    let missing: Vec<&str> = REQUIRED
        .into_iter()
        .filter(|f| !used.contains_key(f))
        .collect();
    if !missing.is_empty() {
        return Err(fail("missing_columns", missing.join(", ")));
    }
    let mapped: Vec<(usize, &'static str)> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.field.map(|f| (i, f)))
        .collect();
    let mut rows = Vec::new();
    let mut notes = Notes::default();
    let mut seen_emails: HashMap<String, usize> = HashMap::new();
    let (mut valid, mut invalid, mut duplicates) = (0, 0, 0);
    for (index, record) in records.enumerate() {
        let record = record.map_err(|e| fail("unreadable", e.to_string()))?;
        let row = index + 2;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if rows.len() == MAX_ROWS {
            return Err(fail("too_many_rows", MAX_ROWS.to_string()));
        }
        let mut draft = ParticipantDraft::default();
        let mut consent = String::new();
        for (i, field) in &mapped {
            let Some(v) = record.get(*i) else { continue };
            notes.check_cell(*i, field, v, row);
            if *field == CONSENT_FIELD {
                v.trim().clone_into(&mut consent);
            } else {
                set(&mut draft, field, v);
            }
        }
        notes.round_level(&mut draft, row);
        let given_on = consent_cell(&consent, today);
        let result = match (draft.validate(today.year()), given_on) {
            (Ok(data), Ok(_)) => Ok(data),
            (Ok(_), Err(refusal)) => Err(vec![consent_error(refusal, &consent)]),
            (Err(mut errors), Err(refusal)) => {
                errors.push(consent_error(refusal, &consent));
                Err(errors)
            }
            (Err(errors), Ok(_)) => Err(errors),
        };
        let duplicate_of =
            Email::parse(&draft.email)
                .ok()
                .and_then(|e| match seen_emails.get(e.as_str()) {
                    Some(first) => Some(*first),
                    None => {
                        seen_emails.insert(e.as_str().to_owned(), row);
                        None
                    }
                });
        match (&result, duplicate_of) {
            (_, Some(_)) => duplicates += 1,
            (Ok(_), None) => valid += 1,
            (Err(_), None) => invalid += 1,
        }
        rows.push(ImportRow {
            row,
            draft,
            consent,
            result,
            consent_given_on: given_on.ok(),
            duplicate_of,
        });
    }
    warnings.extend(notes.warnings(&columns));
    Ok(ImportPreview {
        encoding,
        delimiter: char::from(delimiter),
        columns,
        warnings,
        rows,
        valid,
        invalid,
        duplicates,
    })
}
