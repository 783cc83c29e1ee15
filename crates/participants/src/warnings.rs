//! Early warnings for a participant's contact person (issue 17, point 3): the rules that turn
//! what is recorded about one person into warnings. Pure: "today" is a parameter, the weekly
//! load comes already checked (`fit::check_fit`), texts live in `warnings.ftl`.
//!
//! Each warning has a stable kind code and a subject (what it is about: a date, an ISO week,
//! an agreement). A warning marked as handled stays handled for its subject; a new cause (a
//! new subject) warns again.

use chrono::{Datelike, Duration, NaiveDate};
use lernweg_domain::ParticipantId;
use serde::Serialize;

use crate::AttendanceStatus;

/// Days without a contact-log entry after which a person with an open enrolment warns.
pub const NO_CONTACT_DAYS: i64 = 42;
/// The window of the attendance rate, in days up to and including today.
pub const ATTENDANCE_WINDOW_DAYS: i64 = 28;
/// The attendance rate below which a person warns.
pub const ATTENDANCE_THRESHOLD: f64 = 0.8;
/// Recorded sessions in the window needed before the rate counts.
pub const ATTENDANCE_MIN_RECORDED: u32 = 3;
/// How many weeks ahead (this one included) the weekly load is looked at.
pub const LOAD_WEEKS_AHEAD: i64 = 8;

/// What a warning is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum WarningKind {
    /// Two recorded sessions of one enrolment in a row marked absent (without notice).
    AbsencesInRow,
    /// Attendance below 80 % over the recorded sessions of the last four weeks.
    LowAttendance,
    /// A coming week whose load is over the limit.
    LoadOverLimit,
    /// No contact-log entry for six weeks.
    NoContact,
    /// An employer declined a release agreement.
    ReleaseDeclined,
}

impl WarningKind {
    pub const ALL: [WarningKind; 5] = [
        WarningKind::AbsencesInRow,
        WarningKind::LowAttendance,
        WarningKind::LoadOverLimit,
        WarningKind::NoContact,
        WarningKind::ReleaseDeclined,
    ];

    /// The stable code (stored, in the API and in Fluent ids).
    pub fn code(self) -> &'static str {
        match self {
            WarningKind::AbsencesInRow => "absences_in_row",
            WarningKind::LowAttendance => "low_attendance",
            WarningKind::LoadOverLimit => "load_over_limit",
            WarningKind::NoContact => "no_contact",
            WarningKind::ReleaseDeclined => "release_declined",
        }
    }

    pub fn parse(code: &str) -> Option<WarningKind> {
        WarningKind::ALL
            .into_iter()
            .find(|k| k.code() == code.trim())
    }
}

/// One recorded attendance of one of the person's enrolments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attended {
    /// The enrolment (any stable key: runs of absences are counted per enrolment).
    pub enrolment: String,
    pub date: NaiveDate,
    pub status: AttendanceStatus,
}

/// A coming week over the load limit (from the fit check's `weeks`).
#[derive(Debug, Clone, PartialEq)]
pub struct WeekOver {
    /// ISO week, e.g. "2027-W05".
    pub week: String,
    pub monday: NaiveDate,
    pub total_hours: f64,
    pub limit_hours: f64,
}

/// A release agreement an employer declined.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Declined {
    pub agreement: String,
    /// When it was declined (its last change).
    pub on: NaiveDate,
    pub cohort: String,
}

/// What the rules look at for one person.
#[derive(Debug, Clone)]
pub struct WarningInput<'a> {
    pub participant: ParticipantId,
    /// Recorded attendance, in session order (date, time) within each enrolment.
    pub attendance: &'a [Attended],
    /// The date of the latest contact-log entry.
    pub last_contact: Option<NaiveDate>,
    /// Since when the person is known (the first enrolment or the record): the fallback
    /// when nobody has ever been in contact.
    pub known_since: NaiveDate,
    /// Whether the person has an enrolment that is not final (completed or dropped).
    pub open_enrolment: bool,
    /// Weeks over the load limit (any; only those from this week on within
    /// [`LOAD_WEEKS_AHEAD`] count).
    pub weeks_over: &'a [WeekOver],
    pub declined: &'a [Declined],
}

/// The facts a warning's message names.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Facts {
    AbsencesInRow {
        first: NaiveDate,
        second: NaiveDate,
        /// How many sessions in a row were missed (2 or more).
        count: u32,
    },
    LowAttendance {
        present: u32,
        recorded: u32,
        /// Rounded down, so that 79.9 % never reads as 80 %.
        percent: u32,
        from: NaiveDate,
    },
    LoadOverLimit {
        week: String,
        monday: NaiveDate,
        hours: f64,
        limit: f64,
        /// How many of the coming weeks are over the limit.
        weeks: u32,
    },
    NoContact {
        /// The last contact (`None`: never; `since` is then the date the person is known).
        last: Option<NaiveDate>,
        days: i64,
    },
    ReleaseDeclined {
        agreement: String,
        cohort: String,
    },
}

/// One warning.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Warning {
    pub kind: WarningKind,
    pub participant: ParticipantId,
    /// What it is about; with kind and participant the key of a handled mark.
    pub subject: String,
    /// The date it is about (the second absence, the start of the window, the Monday of the
    /// week, the last contact, the answer).
    pub since: NaiveDate,
    pub facts: Facts,
}

/// "2026-W49" for the ISO week of `d`.
pub fn iso_week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", w.year(), w.week())
}

/// Every warning for one person as of `today`, by kind.
pub fn warnings(input: &WarningInput<'_>, today: NaiveDate) -> Vec<Warning> {
    let mut out = Vec::new();
    let warn = |kind, subject: String, since, facts| Warning {
        kind,
        participant: input.participant,
        subject,
        since,
        facts,
    };
    for (first, second, count) in absence_runs(input.attendance) {
        out.push(warn(
            WarningKind::AbsencesInRow,
            second.to_string(),
            second,
            Facts::AbsencesInRow {
                first,
                second,
                count,
            },
        ));
    }
    if let Some(facts) = low_attendance(input.attendance, today) {
        out.push(warn(
            WarningKind::LowAttendance,
            iso_week(today),
            match facts {
                Facts::LowAttendance { from, .. } => from,
                _ => today,
            },
            facts,
        ));
    }
    if let Some((w, weeks)) = load_over_limit(input.weeks_over, today) {
        out.push(warn(
            WarningKind::LoadOverLimit,
            w.week.clone(),
            w.monday,
            Facts::LoadOverLimit {
                week: w.week.clone(),
                monday: w.monday,
                hours: w.total_hours,
                limit: w.limit_hours,
                weeks,
            },
        ));
    }
    if input.open_enrolment {
        let since = input.last_contact.unwrap_or(input.known_since);
        let days = (today - since).num_days();
        if days >= NO_CONTACT_DAYS {
            out.push(warn(
                WarningKind::NoContact,
                since.to_string(),
                since,
                Facts::NoContact {
                    last: input.last_contact,
                    days,
                },
            ));
        }
    }
    for d in input.declined {
        out.push(warn(
            WarningKind::ReleaseDeclined,
            d.agreement.clone(),
            d.on,
            Facts::ReleaseDeclined {
                agreement: d.agreement.clone(),
                cohort: d.cohort.clone(),
            },
        ));
    }
    out
}

/// Runs of two or more consecutive recorded sessions of one enrolment marked absent: first
/// and second absence and the length of the run. An excused absence or a presence ends a run.
fn absence_runs(attendance: &[Attended]) -> Vec<(NaiveDate, NaiveDate, u32)> {
    let mut enrolments: Vec<&str> = attendance.iter().map(|a| a.enrolment.as_str()).collect();
    enrolments.sort_unstable();
    enrolments.dedup();
    let mut runs = Vec::new();
    for e in enrolments {
        let mut run: Vec<NaiveDate> = Vec::new();
        let records = attendance.iter().filter(|a| a.enrolment == e);
        for a in records.map(Some).chain([None]) {
            match a {
                Some(a) if a.status == AttendanceStatus::Absent => run.push(a.date),
                _ => {
                    if run.len() >= 2 {
                        runs.push((run[0], run[1], run.len() as u32));
                    }
                    run.clear();
                }
            }
        }
    }
    runs.sort_by_key(|r| r.1);
    runs
}

fn low_attendance(attendance: &[Attended], today: NaiveDate) -> Option<Facts> {
    let from = today - Duration::days(ATTENDANCE_WINDOW_DAYS - 1);
    let window = attendance
        .iter()
        .filter(|a| a.date >= from && a.date <= today);
    let (mut recorded, mut present) = (0u32, 0u32);
    for a in window {
        recorded += 1;
        if a.status == AttendanceStatus::Present {
            present += 1;
        }
    }
    if recorded < ATTENDANCE_MIN_RECORDED {
        return None;
    }
    // present / recorded < 0.8, in integers: 5 · present < 4 · recorded.
    (5 * present < 4 * recorded).then_some(Facts::LowAttendance {
        present,
        recorded,
        percent: present * 100 / recorded,
        from,
    })
}

fn load_over_limit(weeks: &[WeekOver], today: NaiveDate) -> Option<(&WeekOver, u32)> {
    let this = crate::monday_of(today);
    let until = this + Duration::weeks(LOAD_WEEKS_AHEAD);
    let mut coming: Vec<&WeekOver> = weeks
        .iter()
        .filter(|w| w.monday >= this && w.monday < until && w.total_hours > w.limit_hours)
        .collect();
    coming.sort_by_key(|w| w.monday);
    coming.dedup_by_key(|w| w.monday);
    coming.first().map(|w| (*w, coming.len() as u32))
}

#[cfg(test)]
#[path = "warnings_tests.rs"]
mod tests;
