//! Printable reports as PDF.
//!
//! A [`Report`] is a small document model — a title, some meta lines and sections made of
//! facts (label: value), one table and paragraphs — that callers fill with text they have
//! already translated. [`render`] lays it out with typst (one template, `report.typ`) and
//! returns the PDF bytes. The fonts are bundled (DejaVu Sans: Latin, Cyrillic, Arabic with
//! shaping), so the output does not depend on the machine's fonts.
//!
//! Architecture invariant: no I/O, no clock — the same report gives the same layout.

use std::sync::OnceLock;

use serde::Serialize;
use typst::foundations::{Dict, IntoValue, Str};
use typst_as_lib::TypstEngine;
use typst_layout::PagedDocument;

static TEMPLATE: &str = include_str!("report.typ");
static FONT_REGULAR: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static FONT_BOLD: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// A printable document.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// BCP 47 language of the text (hyphenation, quotes), e.g. `de`.
    pub lang: String,
    pub title: String,
    /// Lines under the title (who, when, for whom).
    pub meta: Vec<String>,
    pub sections: Vec<Section>,
    /// Left side of every page footer; the page number is on the right.
    pub footer: String,
}

/// One part of a report, under its own heading.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Section {
    pub heading: String,
    /// Label/value pairs, shown as two columns.
    pub facts: Vec<(String, String)>,
    pub table: Option<Table>,
    pub paragraphs: Vec<String>,
    /// Shown when the section has nothing else ("no entries").
    pub empty: Option<String>,
}

/// A table with a header row. Rows shorter than the header are padded, longer ones cut.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Table {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl Section {
    pub fn new(heading: impl Into<String>) -> Section {
        Section {
            heading: heading.into(),
            ..Section::default()
        }
    }
}

/// Why a report could not be rendered. With a well-formed [`Report`] this means a defect in
/// the template, not a user's mistake.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("report layout failed: {0}")]
    Layout(String),
    #[error("PDF export failed: {0}")]
    Export(String),
}

fn engine() -> &'static TypstEngine<typst_as_lib::TypstTemplateMainFile> {
    static ENGINE: OnceLock<TypstEngine<typst_as_lib::TypstTemplateMainFile>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        TypstEngine::builder()
            .main_file(TEMPLATE)
            .fonts([FONT_REGULAR, FONT_BOLD])
            .build()
    })
}

/// Lays out `report` and returns the PDF.
pub fn render(report: &Report) -> Result<Vec<u8>, PdfError> {
    let json =
        serde_json::to_string(&normalized(report)).map_err(|e| PdfError::Layout(e.to_string()))?;
    let mut inputs = Dict::new();
    inputs.insert(Str::from("data"), Str::from(json.as_str()).into_value());
    let doc: PagedDocument = engine()
        .compile_with_input(inputs)
        .output
        .map_err(|e| PdfError::Layout(format!("{e:?}")))?;
    typst_pdf::pdf(&doc, &typst_pdf::PdfOptions::default())
        .map_err(|e| PdfError::Export(format!("{e:?}")))
}

/// Pads or cuts table rows to the header width and drops empty tables, so the template
/// only sees well-formed input.
fn normalized(report: &Report) -> Report {
    let mut r = report.clone();
    for s in &mut r.sections {
        if let Some(t) = &mut s.table {
            let width = t.headers.len().max(1);
            for row in &mut t.rows {
                row.resize(width, String::new());
            }
            if t.headers.is_empty() {
                t.headers.push(String::new());
            }
        }
        if s.table.as_ref().is_some_and(|t| t.rows.is_empty()) {
            s.table = None;
        }
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_rows_are_padded_and_empty_tables_dropped() {
        let mut s = Section::new("A");
        s.table = Some(Table {
            headers: vec!["x".into(), "y".into()],
            rows: vec![vec!["1".into()], vec!["1".into(), "2".into(), "3".into()]],
        });
        let mut e = Section::new("B");
        e.table = Some(Table {
            headers: vec!["x".into()],
            rows: vec![],
        });
        let r = normalized(&Report {
            sections: vec![s, e],
            ..Report::default()
        });
        let t = r.sections[0].table.as_ref().unwrap();
        assert!(t.rows.iter().all(|row| row.len() == 2));
        assert!(r.sections[1].table.is_none());
    }
}
