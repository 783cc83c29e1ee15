//! The mentor pool and the tandems as rules (issue 15, points 1 and 4): a mentor's profile as
//! staff enter it, a waiting mentee's wishes, a logged meeting, and the hour budget per month.
//! The fields are parsed by the same functions as `lernweg match` reads its CSV with.

use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use lernweg_domain::{Email, KldbCode, ParseError};
use serde::Deserialize;

use crate::language::LanguageCode;
use crate::mentoring::{Slots, list, parse_kldb5, parse_language, parse_yes_no};
use crate::model::PhoneNumber;

/// The default hour budget of a tandem: two hours a month.
pub const DEFAULT_BUDGET_MINUTES: u32 = 120;
/// The most mentees a mentor may take at once.
pub const CAPACITY_MAX: u32 = 10;
/// The longest meeting one entry may log.
pub const MEETING_MINUTES_MAX: u32 = 600;
/// The longest topic or feedback text.
pub const TEXT_MAX_CHARS: usize = 1000;

/// A field's error, named as in the API (`field` is the JSON key).
fn bad(field: &'static str, code: &'static str, message: impl Into<String>) -> ParseError {
    ParseError::new(field, code, message.into())
}

/// The field name the shared parsers put before their colon.
fn from_parser(field: &'static str, message: String) -> ParseError {
    let message = message
        .split_once(": ")
        .map_or(message.clone(), |(_, m)| m.to_owned());
    bad(field, "invalid", message)
}

/// A date `YYYY-MM-DD`.
pub fn parse_date(field: &'static str, s: &str) -> Result<NaiveDate, ParseError> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").map_err(|_| {
        bad(
            field,
            "invalid_date",
            format!("{s:?} is not a date YYYY-MM-DD"),
        )
    })
}

fn optional_date(field: &'static str, s: &str) -> Result<Option<NaiveDate>, ParseError> {
    match s.trim() {
        "" => Ok(None),
        d => parse_date(field, d).map(Some),
    }
}

fn text(field: &'static str, s: &str, required: bool) -> Result<String, ParseError> {
    let s = s.trim();
    if required && s.is_empty() {
        return Err(bad(field, "required", "must not be empty"));
    }
    if s.chars().count() > TEXT_MAX_CHARS {
        return Err(bad(
            field,
            "too_long",
            format!("at most {TEXT_MAX_CHARS} characters"),
        ));
    }
    Ok(s.to_owned())
}

/// A mentor's profile as typed into the form or sent to the API (all text).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawMentor {
    pub name: String,
    pub email: String,
    pub phone: String,
    pub kldb: String,
    pub occupation: String,
    /// ISO 639-1 codes, comma-separated.
    pub languages: String,
    /// `mon-morning` … `sun-evening`, comma-separated.
    pub slots: String,
    pub city: String,
    /// `ja`/`nein` (also yes/no/true/false).
    pub online: String,
    pub capacity: String,
    pub available_from: String,
    pub available_until: String,
    /// The day the mentor agreed that their data is kept and shared with their mentees.
    pub consent_on: String,
}

/// A mentor's profile, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct MentorProfile {
    pub name: String,
    pub email: Option<Email>,
    pub phone: Option<PhoneNumber>,
    pub kldb: KldbCode,
    /// What they do, in their words (e.g. "Pflegefachfrau").
    pub occupation: String,
    pub languages: Vec<LanguageCode>,
    pub slots: Slots,
    pub city: String,
    pub online: bool,
    pub capacity: u32,
    pub available_from: NaiveDate,
    pub available_until: Option<NaiveDate>,
    pub consent_on: NaiveDate,
}

impl RawMentor {
    /// The profile, or the first field in error. A mentor needs a name, a way to be reached
    /// (e-mail or phone), at least one language, a KldB code and the day of their consent.
    pub fn parse(&self, today: NaiveDate) -> Result<MentorProfile, ParseError> {
        let name = text("name", &self.name, true)?;
        if name.chars().count() > crate::model::NAME_MAX_CHARS {
            return Err(bad("name", "too_long", "the name is too long"));
        }
        let email = match self.email.trim() {
            "" => None,
            e => Some(Email::parse(e).map_err(|e| bad("email", "invalid_email", e.message))?),
        };
        let phone = match self.phone.trim() {
            "" => None,
            p => Some(PhoneNumber::parse(p).map_err(|e| bad("phone", "invalid_phone", e.message))?),
        };
        if email.is_none() && phone.is_none() {
            return Err(bad(
                "email",
                "contact_required",
                "an e-mail address or a phone number is needed",
            ));
        }
        let kldb = parse_kldb5(self.kldb.trim()).map_err(|m| from_parser("kldb", m))?;
        let mut languages = Vec::new();
        for l in list(&self.languages) {
            let code = parse_language("languages", l).map_err(|m| from_parser("languages", m))?;
            if !languages.contains(&code) {
                languages.push(code);
            }
        }
        if languages.is_empty() {
            return Err(bad("languages", "required", "at least one language"));
        }
        let slots = Slots::parse_list(&self.slots).map_err(|m| from_parser("slots", m))?;
        let online = match self.online.trim() {
            "" => false,
            o => parse_yes_no(o).map_err(|m| from_parser("online", m))?,
        };
        let capacity = match self.capacity.trim() {
            "" => 1,
            c => c
                .parse::<u32>()
                .ok()
                .filter(|c| (1..=CAPACITY_MAX).contains(c))
                .ok_or_else(|| {
                    bad(
                        "capacity",
                        "out_of_range",
                        format!("a number from 1 to {CAPACITY_MAX}"),
                    )
                })?,
        };
        let available_from =
            optional_date("available_from", &self.available_from)?.unwrap_or(today);
        let available_until = optional_date("available_until", &self.available_until)?;
        if available_until.is_some_and(|u| u < available_from) {
            return Err(bad(
                "available_until",
                "before_start",
                "the end of availability lies before its start",
            ));
        }
        let consent_on = parse_date("consent_on", &self.consent_on)?;
        if consent_on > today {
            return Err(bad(
                "consent_on",
                "in_future",
                "consent cannot be given in the future",
            ));
        }
        Ok(MentorProfile {
            name,
            email,
            phone,
            kldb,
            occupation: text("occupation", &self.occupation, false)?,
            languages,
            slots,
            city: text("city", &self.city, false)?,
            online,
            capacity,
            available_from,
            available_until,
            consent_on,
        })
    }
}

impl MentorProfile {
    /// Whether the mentor is available on `day`.
    pub fn available_on(&self, day: NaiveDate) -> bool {
        self.available_from <= day && self.available_until.is_none_or(|u| day <= u)
    }
}

/// A participant's wish for a mentor: when and where they could meet.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawWish {
    pub slots: String,
    pub city: String,
    pub online: String,
}

/// The wish, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct MenteeWish {
    pub slots: Slots,
    pub city: String,
    pub online: bool,
}

impl RawWish {
    pub fn parse(&self) -> Result<MenteeWish, ParseError> {
        Ok(MenteeWish {
            slots: Slots::parse_list(&self.slots).map_err(|m| from_parser("slots", m))?,
            city: text("city", &self.city, false)?,
            online: match self.online.trim() {
                "" => false,
                o => parse_yes_no(o).map_err(|m| from_parser("online", m))?,
            },
        })
    }
}

/// A meeting as the mentor or the mentee logs it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct RawMeeting {
    pub met_on: String,
    pub minutes: String,
    pub topic: String,
}

/// A logged meeting, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    pub met_on: NaiveDate,
    pub minutes: u32,
    pub topic: String,
}

impl RawMeeting {
    /// A meeting lies within the tandem (from its start, not after today) and lasts 1 to
    /// [`MEETING_MINUTES_MAX`] minutes.
    pub fn parse(&self, started_on: NaiveDate, today: NaiveDate) -> Result<Meeting, ParseError> {
        let met_on = parse_date("met_on", &self.met_on)?;
        if met_on > today {
            return Err(bad(
                "met_on",
                "in_future",
                "a meeting is logged after it took place",
            ));
        }
        if met_on < started_on {
            return Err(bad(
                "met_on",
                "before_start",
                format!("the tandem began on {started_on}"),
            ));
        }
        let minutes = self
            .minutes
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|m| (1..=MEETING_MINUTES_MAX).contains(m))
            .ok_or_else(|| {
                bad(
                    "minutes",
                    "out_of_range",
                    format!("a number of minutes from 1 to {MEETING_MINUTES_MAX}"),
                )
            })?;
        Ok(Meeting {
            met_on,
            minutes,
            topic: text("topic", &self.topic, true)?,
        })
    }
}

/// A closing feedback text (1 to [`TEXT_MAX_CHARS`] characters).
pub fn parse_feedback(s: &str) -> Result<String, ParseError> {
    text("feedback", s, true)
}

/// A month in which a tandem met for longer than its budget.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OverBudget {
    pub year: i32,
    pub month: u32,
    pub minutes: u32,
    pub budget: u32,
}

/// The minutes met per calendar month, earliest month first.
pub fn minutes_per_month(meetings: &[(NaiveDate, u32)]) -> BTreeMap<(i32, u32), u32> {
    let mut out = BTreeMap::new();
    for (day, minutes) in meetings {
        *out.entry((day.year(), day.month())).or_insert(0) += minutes;
    }
    out
}

/// The minutes met in the month of `day`.
pub fn minutes_in_month(meetings: &[(NaiveDate, u32)], day: NaiveDate) -> u32 {
    minutes_per_month(meetings)
        .get(&(day.year(), day.month()))
        .copied()
        .unwrap_or(0)
}

/// Every month whose meetings took longer than `budget` minutes (a warning to staff).
pub fn over_budget(meetings: &[(NaiveDate, u32)], budget: u32) -> Vec<OverBudget> {
    minutes_per_month(meetings)
        .into_iter()
        .filter(|(_, m)| *m > budget)
        .map(|((year, month), minutes)| OverBudget {
            year,
            month,
            minutes,
            budget,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn raw() -> RawMentor {
        RawMentor {
            name: "Hanna Weber".into(),
            email: "hanna.weber@example.org".into(),
            kldb: "81302".into(),
            languages: "de, ar".into(),
            slots: "tue-evening,sat-morning".into(),
            city: "Essen".into(),
            online: "ja".into(),
            capacity: "2".into(),
            consent_on: "2026-11-02".into(),
            ..RawMentor::default()
        }
    }

    #[test]
    fn a_mentor_profile_is_parsed_with_defaults() {
        let p = raw().parse(day("2026-12-04")).unwrap();
        assert_eq!(p.languages.len(), 2);
        assert!(p.slots.contains("sat-morning"));
        assert_eq!(p.slots.codes(), ["tue-evening", "sat-morning"]);
        assert!(p.online);
        assert_eq!(p.capacity, 2);
        assert_eq!(p.available_from, day("2026-12-04"));
        assert!(p.available_on(day("2030-01-01")));
        assert!(!p.available_on(day("2026-12-03")));
    }

    #[test]
    fn each_bad_field_is_named() {
        let today = day("2026-12-04");
        type Change = fn(&mut RawMentor);
        let cases: [(Change, &str); 8] = [
            (|r| r.name.clear(), "name"),
            (|r| r.email.clear(), "email"),
            (|r| r.kldb = "8130".into(), "kldb"),
            (|r| r.languages = "de,xx".into(), "languages"),
            (|r| r.slots = "someday".into(), "slots"),
            (|r| r.capacity = "0".into(), "capacity"),
            (|r| r.consent_on = "2026-12-05".into(), "consent_on"),
            (
                |r| {
                    r.available_from = "2027-01-01".into();
                    r.available_until = "2026-12-31".into();
                },
                "available_until",
            ),
        ];
        for (change, field) in cases {
            let mut r = raw();
            change(&mut r);
            assert_eq!(r.parse(today).unwrap_err().field, field);
        }
        let mut phone_only = raw();
        phone_only.email.clear();
        phone_only.phone = "0201 123456".into();
        assert!(phone_only.parse(today).is_ok());
    }

    #[test]
    fn meetings_lie_within_the_tandem() {
        let m = |d: &str, min: &str| RawMeeting {
            met_on: d.into(),
            minutes: min.into(),
            topic: "Bewerbung".into(),
        };
        let (start, today) = (day("2026-11-01"), day("2026-12-04"));
        assert_eq!(
            m("2026-12-01", "90").parse(start, today).unwrap().minutes,
            90
        );
        let field = |d: &str, min: &str| m(d, min).parse(start, today).unwrap_err().field;
        assert_eq!(field("2026-12-05", "60"), "met_on");
        assert_eq!(field("2026-10-31", "60"), "met_on");
        assert_eq!(field("2026-12-01", "0"), "minutes");
        assert_eq!(field("2026-12-01", "601"), "minutes");
        let no_topic = RawMeeting {
            topic: " ".into(),
            ..m("2026-12-01", "60")
        };
        assert_eq!(no_topic.parse(start, today).unwrap_err().field, "topic");
    }

    #[test]
    fn the_budget_is_counted_per_calendar_month() {
        let meetings = [
            (day("2026-11-03"), 60),
            (day("2026-11-20"), 60),
            (day("2026-12-01"), 90),
            (day("2026-12-03"), 45),
        ];
        assert_eq!(minutes_in_month(&meetings, day("2026-11-30")), 120);
        assert_eq!(minutes_in_month(&meetings, day("2026-12-31")), 135);
        // November is exactly at the budget, December over it.
        assert_eq!(
            over_budget(&meetings, DEFAULT_BUDGET_MINUTES),
            [OverBudget {
                year: 2026,
                month: 12,
                minutes: 135,
                budget: 120
            }]
        );
    }
}
