//! What a confirmed import will write, decided at preview time: the valid rows of an
//! [`ImportPreview`] minus those whose e-mail address is already stored for the provider, and
//! every problem per row. Confirming then writes exactly [`ImportPlan::ready`] — duplicates
//! are never skipped silently; they are errors in the preview.
//!
//! Row problems are [`FieldError`]s. Those of the record come from
//! [`crate::ParticipantDraft::validate`] (message id `participants-error-<key>-<code>`); the
//! import's own have the key [`IMPORT_KEY`] (message id `imports-error-<code>`):
//! `duplicate_in_file` (argument `first`: the earlier row), `already_stored`, and those of the
//! data-processing consent (`consent_missing`, `consent_invalid_date`, `consent_in_future`,
//! argument `value`; see [`crate::import::consent_given_on`]).

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::import::ImportPreview;
use crate::model::ParticipantData;
use crate::reason::FieldError;

/// The key of the import's own row errors.
pub const IMPORT_KEY: &str = "import";
/// The codes of the import's own row errors.
pub const IMPORT_ROW_CODES: [&str; 5] = [
    "duplicate_in_file",
    "already_stored",
    "consent_missing",
    "consent_invalid_date",
    "consent_in_future",
];

/// A row that a confirmation writes: the record and the day its data-processing consent was
/// given (recorded with it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ReadyRow<'a> {
    pub row: usize,
    pub data: &'a ParticipantData,
    pub consent_given_on: NaiveDate,
}

/// One problem of one row (row numbers as Excel shows them: the header is row 1).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowIssue {
    pub row: usize,
    pub error: FieldError,
}

/// The outcome of a preview against the stored participants.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportPlan<'a> {
    /// The rows that will be written, in file order.
    pub ready: Vec<ReadyRow<'a>>,
    /// Every problem, by row.
    pub issues: Vec<RowIssue>,
    /// Data rows read (empty rows not counted).
    pub total: usize,
    /// Rows with at least one problem; `total - ready.len()`.
    pub error_rows: usize,
}

/// Plans the import of `preview`; `stored_emails` are the (lower-case) e-mail addresses
/// of the provider's participants.
pub fn plan<'a>(preview: &'a ImportPreview, stored_emails: &HashSet<String>) -> ImportPlan<'a> {
    let mut ready = Vec::new();
    let mut issues = Vec::new();
    let mut error_rows = 0;
    for r in &preview.rows {
        let mut problems: Vec<FieldError> = match &r.result {
            Ok(_) => Vec::new(),
            Err(errors) => errors.clone(),
        };
        if let Some(first) = r.duplicate_of {
            problems.push(
                FieldError::new("email", IMPORT_KEY, "duplicate_in_file").arg("first", first),
            );
        }
        if let Ok(p) = &r.result
            && let Some(e) = &p.email
            && stored_emails.contains(e.as_str())
        {
            problems.push(FieldError::new("email", IMPORT_KEY, "already_stored"));
        }
        match (&r.result, r.consent_given_on, problems.is_empty()) {
            (Ok(data), Some(consent_given_on), true) => ready.push(ReadyRow {
                row: r.row,
                data,
                consent_given_on,
            }),
            _ => {
                error_rows += 1;
                issues.extend(
                    problems
                        .into_iter()
                        .map(|error| RowIssue { row: r.row, error }),
                );
            }
        }
    }
    ImportPlan {
        ready,
        issues,
        total: preview.rows.len(),
        error_rows,
    }
}

/// Every kind [`not_text`] answers, for the Fluent files.
pub const NOT_TEXT_KINDS: [&str; 4] = ["xlsx", "xls", "pdf", "binary"];

/// Why bytes are not a CSV text file at all: `xlsx` (an Excel workbook, a ZIP archive),
/// `xls` (an old Excel workbook), `pdf`, or `binary` (NUL bytes without a UTF-16 byte order
/// mark: an image, a program, UTF-16 without BOM). `None` for text.
pub fn not_text(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Some("xlsx");
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Some("xls");
    }
    if bytes.starts_with(b"%PDF") {
        return Some("pdf");
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && bytes.iter().take(64 * 1024).any(|b| *b == 0) {
        return Some("binary");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::preview_csv;

    const CSV: &str = "Vorname;Nachname;E-Mail;Deutschniveau;Einwilligung Datenverarbeitung\n\
        Amina;Haddad;amina@example.org;B1;01.09.2026\n\
        Olena;Kovalenko;olena@example.org;X9;01.09.2026\n\
        Amina;Haddad;AMINA@example.org;B1;2026-09-01\n\
        Mehmet;Öztürk;mehmet@example.org;A2;01.09.2026\n\
        ;;;;\n\
        Sören;Weiß;;B2;31.08.2026\n\
        Ivana;Horvat;ivana@example.org;B1;\n\
        Ali;Rahimi;ali@example.org;B1;02.09.2026\n\
        Lina;Berg;lina@example.org;B1;31.02.2026\n";

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
    }

    #[test]
    fn ready_rows_exclude_invalid_duplicate_and_stored_rows() {
        let preview = preview_csv(CSV.as_bytes(), today()).unwrap();
        let stored: HashSet<String> = ["mehmet@example.org".to_owned()].into();
        let p = plan(&preview, &stored);
        assert_eq!(p.total, 8);
        let rows: Vec<usize> = p.ready.iter().map(|r| r.row).collect();
        assert_eq!(
            rows,
            vec![2, 7],
            "Amina and Sören (row 6 is empty but keeps its number)"
        );
        let consents: Vec<String> = p
            .ready
            .iter()
            .map(|r| r.consent_given_on.to_string())
            .collect();
        assert_eq!(consents, ["2026-09-01", "2026-08-31"]);
        assert_eq!(p.error_rows, 6);
        assert_eq!(p.total, p.ready.len() + p.error_rows);
        let codes: Vec<(usize, &str, &str)> = p
            .issues
            .iter()
            .map(|i| (i.row, i.error.field.as_str(), i.error.code))
            .collect();
        assert_eq!(
            codes,
            vec![
                (3, "german_level", "unknown_cefr_level"),
                (4, "email", "duplicate_in_file"),
                (5, "email", "already_stored"),
                (8, "consent_data_processing", "consent_missing"),
                (9, "consent_data_processing", "consent_in_future"),
                (10, "consent_data_processing", "consent_invalid_date"),
            ]
        );
        assert_eq!(p.issues[1].error.key, IMPORT_KEY);
        assert_eq!(p.issues[1].error.args, vec![("first", "2".to_owned())]);
        assert_eq!(p.issues[3].error.key, IMPORT_KEY);
        assert!(p.issues[3].error.args.is_empty());
        assert_eq!(
            p.issues[4].error.args,
            vec![("value", "02.09.2026".to_owned())]
        );
    }

    #[test]
    fn recognises_files_that_are_no_csv() {
        assert_eq!(not_text(b"PK\x03\x04\x14\x00rest"), Some("xlsx"));
        assert_eq!(not_text(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1]), Some("xls"));
        assert_eq!(not_text(b"%PDF-1.7"), Some("pdf"));
        assert_eq!(not_text(b"V\x00o\x00r\x00"), Some("binary"));
        assert_eq!(
            not_text(b"\xFF\xFEV\x00o\x00"),
            None,
            "UTF-16 with BOM is text"
        );
        assert_eq!(not_text("Vorname;Nachname\r\nJürgen;Weiß".as_bytes()), None);
        assert_eq!(not_text(b"Vorname;Nachname\r\nJ\xFCrgen;Wei\xDF"), None);
    }

    #[test]
    fn the_demo_file_reads_as_an_office_export() {
        let bytes = include_bytes!("../../../examples/teilnehmende-import.csv");
        let preview = preview_csv(bytes, today()).unwrap();
        assert_eq!(preview.encoding, crate::TextEncoding::Windows1252);
        assert_eq!(preview.rows.len(), 20);
        let p = plan(&preview, &HashSet::new());
        let bad: Vec<usize> = {
            let mut rows: Vec<usize> = p.issues.iter().map(|i| i.row).collect();
            rows.dedup();
            rows
        };
        // Row numbers as Excel shows them: marta.nowak@example, "gut", "45 Std.", the second
        // Amal Haddad, and Rahim without a family name.
        assert_eq!(bad, vec![6, 7, 10, 14, 17]);
        assert_eq!(p.ready.len(), 15);
        assert!(p.ready.iter().any(|r| r.data.family_name == "Fernández"));
    }

    #[test]
    fn nothing_stored_means_every_valid_first_occurrence_is_ready() {
        let preview = preview_csv(CSV.as_bytes(), today()).unwrap();
        let p = plan(&preview, &HashSet::new());
        assert_eq!(p.ready.len(), 3);
        assert_eq!(p.error_rows, 5);
    }
}
