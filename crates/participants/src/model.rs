//! The participant record: [`ParticipantDraft`] is what a form, JSON or a CSV row sends (all
//! strings); [`ParticipantDraft::validate`] turns it into [`ParticipantData`] or the list of
//! every [`FieldError`] (Fluent id `participants-error-<key>-<code>`).

use std::fmt;

use chrono::Datelike;

use lernweg_domain::{CefrLevel, Email, KldbCode, ParseError, decimal};
use serde::{Deserialize, Serialize};

pub use crate::enums::{Consent, ConsentScope, ContactChannel, RecognitionStatus, has_consent};
pub use crate::language::LanguageCode;
use crate::reason::FieldError;

/// Name length bound (characters, trimmed).
pub const NAME_MAX_CHARS: usize = 100;
/// Bound of free-text fields: reachable times, employer, foreign qualification.
pub const TEXT_MAX_CHARS: usize = 200;
/// Weekly working hours bounds.
pub const WEEKLY_HOURS_MAX: f64 = 60.0;
/// Earliest accepted birth year; the latest is the current year minus [`MIN_AGE`].
pub const BIRTH_YEAR_MIN: i32 = 1930;
pub const MIN_AGE: i32 = 14;
/// A phone number needs at least this many digits (and at most `PHONE_MAX_DIGITS`).
pub const PHONE_MIN_DIGITS: usize = 6;
pub const PHONE_MAX_DIGITS: usize = 20;

/// A phone number: digits, spaces, `+` (only in front), `/`, `-` and parentheses around
/// digits, with at least six digits. Stored trimmed with inner runs of spaces collapsed and
/// without parentheses, as German offices write them: `(030) 1234567` is kept as
/// `030 1234567`, and the `(0)` of `+49 (0)30 1234-567` (the trunk prefix, not dialled from
/// abroad) is dropped: `+49 30 1234-567`. Otherwise as written, because people recognise
/// their number in the form they gave it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct PhoneNumber(String);

/// The number without its parentheses (see [`PhoneNumber`]); `None` if they are unbalanced,
/// nested, empty or hold anything but digits and spaces.
fn without_parentheses(input: &str) -> Option<String> {
    let start = input.trim_start();
    let international = start.starts_with('+') || start.starts_with("00");
    let mut out = String::with_capacity(input.len());
    let mut rest = input;
    while let Some(open) = rest.find('(') {
        let (before, after) = (&rest[..open], &rest[open + 1..]);
        let close = after.find(')')?;
        let inner = after[..close].trim();
        let digits_only = inner.chars().all(|c| c.is_ascii_digit() || c == ' ');
        if before.contains(')') || inner.is_empty() || !digits_only {
            return None;
        }
        out.push_str(before);
        match inner {
            "0" if international => out.push(' '),
            "0" => out.push('0'),
            _ => {
                out.push(' ');
                out.push_str(inner);
                out.push(' ');
            }
        }
        rest = &after[close + 1..];
    }
    if rest.contains(')') {
        return None;
    }
    out.push_str(rest);
    Some(out)
}

impl PhoneNumber {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let bad = |code, msg: &str| ParseError::new("phone", code, msg.to_owned());
        let s = without_parentheses(input).ok_or_else(|| {
            bad(
                "invalid_parentheses",
                "parentheses may only enclose digits, e.g. (030) 1234567",
            )
        })?;
        let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
        if let Some(c) = s
            .chars()
            .find(|c| !(c.is_ascii_digit() || matches!(c, ' ' | '+' | '/' | '-')))
        {
            return Err(bad(
                "invalid_character",
                &format!("a phone number may hold digits, spaces, (), + / and -, not {c:?}"),
            ));
        }
        if s.char_indices().any(|(i, c)| c == '+' && i > 0) {
            return Err(bad("plus_not_first", "a + may only stand at the start"));
        }
        let digits = s.chars().filter(char::is_ascii_digit).count();
        if digits < PHONE_MIN_DIGITS {
            return Err(bad(
                "too_few_digits",
                "a phone number needs at least 6 digits",
            ));
        }
        if digits > PHONE_MAX_DIGITS {
            return Err(bad(
                "too_many_digits",
                "a phone number has at most 20 digits",
            ));
        }
        Ok(PhoneNumber(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for PhoneNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for PhoneNumber {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        PhoneNumber::parse(&s)
    }
}

impl From<PhoneNumber> for String {
    fn from(p: PhoneNumber) -> String {
        p.0
    }
}

/// A participant as sent by a form, JSON or a CSV row. Empty strings mean "not given".
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ParticipantDraft {
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub phone: String,
    /// ISO 639-1 code or a common name (`ar`, `Arabisch`).
    pub mother_tongue: String,
    /// Several languages, separated by `,`, `;`, `/` or `|`.
    pub other_languages: String,
    pub german_level: String,
    pub preferred_channel: String,
    /// Free text, e.g. "Mo–Fr ab 17 Uhr".
    pub reachable_times: String,
    pub foreign_qualification: String,
    /// Reference occupation (Referenzberuf) as KldB 2010 code.
    pub kldb: String,
    pub recognition_status: String,
    pub employer: String,
    /// Hours as typed: `19,5`, `19.5`, `20` ([`decimal::parse`]).
    pub weekly_hours: String,
    /// `1985`, `12.03.1985` or `1985-03-12`: only the year is kept.
    pub birth_year: String,
}

/// A validated participant record (without id and consents, which the store adds).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ParticipantData {
    pub given_name: String,
    pub family_name: String,
    pub email: Option<Email>,
    pub phone: Option<PhoneNumber>,
    pub mother_tongue: Option<LanguageCode>,
    pub other_languages: Vec<LanguageCode>,
    pub german_level: Option<CefrLevel>,
    pub preferred_channel: Option<ContactChannel>,
    pub reachable_times: Option<String>,
    pub foreign_qualification: Option<String>,
    pub kldb: Option<KldbCode>,
    pub recognition_status: Option<RecognitionStatus>,
    pub employer: Option<String>,
    pub weekly_hours: Option<f64>,
    pub birth_year: Option<i32>,
}

fn opt(s: &str) -> Option<&str> {
    let t = s.trim();
    (!t.is_empty()).then_some(t)
}

/// Parses an optional (non-empty) field with a domain `parse`; an error keeps the parser's
/// code and carries the offending value as `value`.
fn parse_opt<T>(
    raw: &str,
    key: &'static str,
    parse: impl Fn(&str) -> Result<T, ParseError>,
    errors: &mut Vec<FieldError>,
) -> Option<T> {
    let s = opt(raw)?;
    match parse(s) {
        Ok(v) => Some(v),
        Err(e) => {
            errors.push(FieldError::new(key, key, e.code).arg("value", s));
            None
        }
    }
}

fn text(
    raw: &str,
    key: &'static str,
    max: usize,
    required: bool,
    errors: &mut Vec<FieldError>,
) -> Option<String> {
    let s = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.is_empty() {
        if required {
            errors.push(FieldError::new(key, key, "required"));
        }
        return None;
    }
    let n = s.chars().count();
    if n > max {
        errors.push(FieldError::new(key, key, "too_long").arg("max", max));
        return None;
    }
    if s.chars().any(char::is_control) {
        errors.push(FieldError::new(key, key, "control_character"));
        return None;
    }
    Some(s)
}

/// The year of `1985`, `12.03.1985`, `1.3.85` (a two-digit year as
/// [`crate::office::two_digit_year`] reads it) or `1985-03-12`.
fn birth_year(s: &str, current_year: i32) -> Option<i32> {
    let s = s.trim();
    let year = if s.len() == 4 {
        s
    } else if let Some(y) = s.rsplit('.').next().filter(|_| s.contains('.')) {
        if y.len() == 2 {
            return crate::office::german_date(s, current_year).map(|d| d.year());
        }
        y // 12.03.1985
    } else {
        s.split('-').next().unwrap_or("") // 1985-03-12
    };
    if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
        year.parse().ok()
    } else {
        None
    }
}

impl ParticipantDraft {
    /// Validates every field and reports every problem. `current_year` bounds the birth year
    /// (1930 ..= current_year − 14); the crate reads no clock.
    pub fn validate(&self, current_year: i32) -> Result<ParticipantData, Vec<FieldError>> {
        let mut errors = Vec::new();
        let e = &mut errors;
        let given_name = text(&self.given_name, "given_name", NAME_MAX_CHARS, true, e);
        let family_name = text(&self.family_name, "family_name", NAME_MAX_CHARS, true, e);
        let email = parse_opt(&self.email, "email", Email::parse, e);
        let phone = parse_opt(&self.phone, "phone", PhoneNumber::parse, e);
        let mother_tongue = parse_opt(&self.mother_tongue, "mother_tongue", LanguageCode::parse, e);
        let mut other_languages: Vec<LanguageCode> = Vec::new();
        let parts = self
            .other_languages
            .split([',', ';', '/', '|'])
            .map(str::trim)
            .filter(|p| !p.is_empty());
        for (i, part) in parts.enumerate() {
            match LanguageCode::parse(part) {
                Ok(l) if !other_languages.contains(&l) => other_languages.push(l),
                Ok(_) => {}
                Err(_) => e.push(
                    FieldError::new(
                        format!("other_languages.{i}"),
                        "other_languages",
                        "unknown_language",
                    )
                    .arg("value", part),
                ),
            }
        }
        let german_level = parse_opt(&self.german_level, "german_level", CefrLevel::parse, e);
        let preferred_channel = parse_opt(
            &self.preferred_channel,
            "preferred_channel",
            ContactChannel::parse,
            e,
        );
        let reachable_times = text(
            &self.reachable_times,
            "reachable_times",
            TEXT_MAX_CHARS,
            false,
            e,
        );
        let foreign_qualification = text(
            &self.foreign_qualification,
            "foreign_qualification",
            TEXT_MAX_CHARS,
            false,
            e,
        );
        let kldb = parse_opt(&self.kldb, "kldb", KldbCode::parse, e);
        let recognition_status = parse_opt(
            &self.recognition_status,
            "recognition_status",
            RecognitionStatus::parse,
            e,
        );
        let employer = text(&self.employer, "employer", TEXT_MAX_CHARS, false, e);
        let weekly_hours = opt(&self.weekly_hours).and_then(|s| match decimal::parse(s) {
            Some(h) if (0.0..=WEEKLY_HOURS_MAX).contains(&h) => Some(h),
            Some(_) => {
                e.push(
                    FieldError::new("weekly_hours", "weekly_hours", "out_of_range")
                        .arg("min", 0)
                        .arg("max", WEEKLY_HOURS_MAX),
                );
                None
            }
            None => {
                e.push(
                    FieldError::new("weekly_hours", "weekly_hours", "not_a_number").arg("value", s),
                );
                None
            }
        });
        let latest = current_year - MIN_AGE;
        let birth_year = opt(&self.birth_year).and_then(|s| match birth_year(s, current_year) {
            Some(y) if (BIRTH_YEAR_MIN..=latest).contains(&y) => Some(y),
            Some(_) => {
                e.push(
                    FieldError::new("birth_year", "birth_year", "out_of_range")
                        .arg("min", BIRTH_YEAR_MIN)
                        .arg("max", latest),
                );
                None
            }
            None => {
                e.push(FieldError::new("birth_year", "birth_year", "invalid").arg("value", s));
                None
            }
        });
        match (given_name, family_name) {
            (Some(given_name), Some(family_name)) if errors.is_empty() => Ok(ParticipantData {
                given_name,
                family_name,
                email,
                phone,
                mother_tongue,
                other_languages,
                german_level,
                preferred_channel,
                reachable_times,
                foreign_qualification,
                kldb,
                recognition_status,
                employer,
                weekly_hours,
                birth_year,
            }),
            _ => Err(errors),
        }
    }
}
