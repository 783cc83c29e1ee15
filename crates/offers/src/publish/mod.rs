//! Publishing offers and timetables (MISSION.md §2.2 "Transparency and plannability"):
//! schema.org `Course` JSON-LD for search engines and course portals ([`jsonld`]), an Atom
//! feed of new offers ([`atom`]), an accessible SVG timeline of a participant's or cohort's
//! path with a list alternative ([`path_svg`]) and month grids for timetable pages
//! ([`calendar_grid`]).
//!
//! Pure like the rest of the crate: no I/O, no clock ("today" and "now" are parameters).
//! Text a person reads comes from Fluent: functions take `label: &dyn Fn(&str) -> String`
//! (message id → text); the ids are listed in [`MESSAGE_IDS`] and live in
//! `crates/web/locales/{de,en}/publish.ftl`.

pub mod atom;
pub mod calendar_grid;
pub mod jsonld;
pub mod path_svg;

use chrono::NaiveDate;

/// Every Fluent message id this module passes to `label` (tests check both languages).
pub const MESSAGE_IDS: &[&str] = &[
    "publish-path-start",
    "publish-path-end",
    "publish-path-today",
    "publish-path-kickoff",
    "publish-path-closing",
    "publish-path-exam",
    "publish-path-milestone",
    "publish-path-module",
    "publish-path-modules",
    "publish-path-exams",
    "publish-path-hours",
    "publish-decimal-separator",
    "publish-credential-partial_qualification",
    "publish-credential-compensation_measure",
    "publish-credential-adaptation_qualification",
    "publish-schedule-block-weekend",
];

/// A date as Germans write it: `12.01.2027`.
pub fn date_de(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// Escapes text for XML and HTML content and attribute values (`&<>"'`), and drops the
/// characters XML 1.0 forbids (C0 controls other than tab, newline and carriage return;
/// U+FFFE, U+FFFF), so any input gives a well-formed document.
pub fn escape_xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Hours as people read them: whole numbers without decimals, else one decimal with the
/// given separator (`"2,5"`).
pub(crate) fn hours_text(hours: f64, separator: &str) -> String {
    let r = (hours * 10.0).round() / 10.0 + 0.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}").replace('.', separator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_drops_forbidden_characters() {
        assert_eq!(
            escape_xml("a & b <c> \"d\" 'e'\u{1}\u{FFFF}\n"),
            "a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;\n"
        );
    }

    #[test]
    fn german_dates_and_hours() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 5).unwrap();
        assert_eq!(date_de(d), "05.01.2027");
        assert_eq!(hours_text(30.0, ","), "30");
        assert_eq!(hours_text(2.5, ","), "2,5");
        assert_eq!(hours_text(2.25, "."), "2.3");
    }
}
