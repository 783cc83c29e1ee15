//! What German offices write in their lists, read leniently by the CSV import (and, for
//! dates with two-digit years, by every way a birth year comes in):
//!
//! - **Two-digit years** (`1.3.85`, `01.03.05`): the year ending in those digits within the
//!   hundred years that end three years after the current year (the clock's, passed in). In
//!   2026 that is 1930–2029, Excel's default window, and it slides with the clock: `85` is
//!   1985 and `05` is 2005. A year that lands in the future (`1.3.28` → 2028) is then refused
//!   by the field's own rule (a birth year too late, a consent in the future), never silently
//!   moved a century back.
//! - **Column names with additions** (`Berufsabschluss (Ausland)`, `E-Mail [privat]`): a
//!   header is matched as a whole, and without what stands in parentheses or brackets.
//! - **Sub-levels and ranges of the German level** (`B1.2`, `A2/B1`): stored as the lower
//!   level ([`CefrLevel::parse_lenient`]), with a warning in the preview that names the value
//!   and the rows.
//! - **Lost characters**: a file saved in a code page without a letter (an ASCII export, or
//!   Windows-1252 for `ğ` or `ș`) has `?` where the letter was (`M?ller`, `?zt?rk`). Such a
//!   file may even be plain ASCII and read as UTF-8, so every imported cell is checked
//!   whatever the encoding: a `?` directly before a letter, or in a name ending a word after a
//!   letter (`Wei?`), is a warning naming the column and rows. A question mark ending a
//!   sentence in free text (`abends?`) is not.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use lernweg_domain::{CefrLevel, CefrRounding};

use crate::import::Column;
use crate::model::ParticipantDraft;
use crate::reason::{Reason, fold};

/// Rows listed in a warning; more are counted.
const ROWS_LISTED: usize = 5;

/// The four-digit year of a two-digit one: the year ending in `yy` within
/// `this_year - 96 ..= this_year + 3` (see the module documentation).
pub fn two_digit_year(yy: u32, this_year: i32) -> i32 {
    let latest = this_year + 3;
    let back = (latest - yy as i32).rem_euclid(100);
    latest - back
}

/// A date written `T.M.JJ` or `TT.MM.JJJJ` (day and month with one or two digits), the
/// two-digit year read by [`two_digit_year`]. `None` for anything else.
pub fn german_date(raw: &str, this_year: i32) -> Option<NaiveDate> {
    let mut parts = raw.trim().split('.');
    let (d, m, y) = (parts.next()?, parts.next()?, parts.next()?);
    let digits =
        |s: &str, len: &[usize]| len.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if parts.next().is_some() || !digits(d, &[1, 2]) || !digits(m, &[1, 2]) {
        return None;
    }
    let year = if digits(y, &[4]) {
        y.parse().ok()?
    } else if digits(y, &[2]) {
        two_digit_year(y.parse().ok()?, this_year)
    } else {
        return None;
    };
    NaiveDate::from_ymd_opt(year, m.parse().ok()?, d.parse().ok()?)
}

/// The keys a header is matched by: folded as a whole, and folded without the parts in
/// parentheses or brackets (`Berufsabschluss (Ausland)` → `berufsabschluss`).
pub fn header_keys(header: &str) -> [String; 2] {
    let mut bare = String::with_capacity(header.len());
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            c if depth == 0 => bare.push(c),
            _ => {}
        }
    }
    [fold(header), fold(&bare)]
}

/// Whether a cell has a `?` where a letter was (see the module documentation). `name`: the
/// cell is a person's name, where no `?` belongs at all.
pub fn lost_letter(cell: &str, name: bool) -> bool {
    let chars: Vec<char> = cell.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        let next = chars.get(i + 1).copied();
        let prev = i.checked_sub(1).map(|p| chars[p]);
        *c == '?'
            && (next.is_some_and(char::is_alphabetic)
                || (name && prev.is_some_and(char::is_alphabetic)))
    })
}

/// The warnings of one file about what was read leniently, gathered row by row.
#[derive(Debug, Default)]
pub(crate) struct Notes {
    /// (code, value as written, level stored) → rows.
    levels: BTreeMap<(&'static str, String, CefrLevel), Vec<usize>>,
    /// Column index → rows with a lost letter.
    lost: BTreeMap<usize, Vec<usize>>,
}

impl Notes {
    /// Rounds a sub-level or range in the draft's German level to the level stored, and
    /// notes it. A level that is neither stays for the validation to refuse.
    pub(crate) fn round_level(&mut self, draft: &mut ParticipantDraft, row: usize) {
        let raw = draft.german_level.trim();
        let Ok((level, Some(how))) = CefrLevel::parse_lenient(raw) else {
            return;
        };
        let code = match how {
            CefrRounding::SubLevel => "german_level_sub_level",
            CefrRounding::Range => "german_level_range",
        };
        let key = (code, raw.to_owned(), level);
        self.levels.entry(key).or_default().push(row);
        draft.german_level = level.as_str().to_owned();
    }

    /// Notes a cell of column `index` with a lost letter.
    pub(crate) fn check_cell(&mut self, index: usize, field: &str, cell: &str, row: usize) {
        let name = matches!(field, "given_name" | "family_name");
        if lost_letter(cell, name) {
            let rows = self.lost.entry(index).or_default();
            if rows.last() != Some(&row) {
                rows.push(row);
            }
        }
    }

    /// The warnings: lost letters per column first, then the rounded levels.
    pub(crate) fn warnings(self, columns: &[Column]) -> Vec<Reason> {
        let mut out = Vec::new();
        for (index, rows) in self.lost {
            let Some(c) = columns.get(index) else {
                continue;
            };
            out.push(
                with_rows(Reason::new("lost_characters"), &rows)
                    .arg("column", &c.letter)
                    .arg("name", &c.header),
            );
        }
        for ((code, value, level), rows) in self.levels {
            out.push(
                with_rows(Reason::new(code), &rows)
                    .arg("value", value)
                    .arg("level", level.as_str()),
            );
        }
        out
    }
}

/// `rows`: the first rows, `…` for more; `count`: how many.
fn with_rows(reason: Reason, rows: &[usize]) -> Reason {
    let mut listed: Vec<String> = rows
        .iter()
        .take(ROWS_LISTED)
        .map(usize::to_string)
        .collect();
    if rows.len() > ROWS_LISTED {
        listed.push("…".to_owned());
    }
    reason
        .arg("rows", listed.join(", "))
        .arg("count", rows.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_digit_years_slide_with_the_clock() {
        assert_eq!(two_digit_year(85, 2026), 1985);
        assert_eq!(two_digit_year(5, 2026), 2005);
        assert_eq!(two_digit_year(29, 2026), 2029);
        assert_eq!(two_digit_year(30, 2026), 1930);
        assert_eq!(two_digit_year(30, 2027), 2030);
        assert_eq!(two_digit_year(0, 2026), 2000);
        assert_eq!(two_digit_year(99, 2026), 1999);
    }

    #[test]
    fn german_dates_with_short_and_long_years() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(german_date("1.3.85", 2026), d(1985, 3, 1));
        assert_eq!(german_date(" 01.03.05 ", 2026), d(2005, 3, 1));
        assert_eq!(german_date("12.03.1985", 2026), d(1985, 3, 12));
        for bad in [
            "31.02.85",
            "1.3.985",
            "1.3",
            "1.3.85.1",
            "a.3.85",
            "1.13.85",
            "2026-03-01",
        ] {
            assert_eq!(german_date(bad, 2026), None, "{bad}");
        }
    }

    #[test]
    fn header_keys_drop_additions() {
        assert_eq!(
            header_keys("Berufsabschluss (Ausland)"),
            ["berufsabschlussausland", "berufsabschluss"]
        );
        assert_eq!(header_keys("E-Mail [privat]")[1], "email");
        assert_eq!(
            header_keys("Ausländischer Abschluss")[1],
            "auslaendischerabschluss"
        );
    }

    #[test]
    fn lost_letters_are_question_marks_inside_words() {
        assert!(lost_letter("M?ller", true));
        assert!(lost_letter("?zt?rk", true));
        assert!(lost_letter("Wei?", true), "a name never ends in ?");
        assert!(!lost_letter("abends?", false), "a question in free text");
        assert!(lost_letter("B?ckerei Nord", false));
        assert!(!lost_letter("Müller", true));
        assert!(!lost_letter("? unklar", false));
    }

    #[test]
    fn notes_list_rows_and_round_levels() {
        let mut notes = Notes::default();
        for row in 2..9 {
            let mut draft = ParticipantDraft {
                german_level: "A2/B1".into(),
                ..Default::default()
            };
            notes.round_level(&mut draft, row);
            assert_eq!(draft.german_level, "A2");
        }
        let mut exact = ParticipantDraft {
            german_level: "B1".into(),
            ..Default::default()
        };
        notes.round_level(&mut exact, 9);
        let w = notes.warnings(&[]);
        assert_eq!(w.len(), 1, "exact levels are not noted");
        assert_eq!(w[0].code, "german_level_range");
        assert_eq!(w[0].get("rows"), Some("2, 3, 4, 5, 6, …"));
        assert_eq!(w[0].get("count"), Some("7"));
        assert_eq!(w[0].get("level"), Some("A2"));
    }
}
