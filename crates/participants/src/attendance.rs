//! Attendance per session (Anwesenheit): the three statuses a trainer records, and the check
//! of one session's roll call before anything is written.
//!
//! Rules of a roll call:
//! - a cancelled session takes no attendance (`session_cancelled`);
//! - a session that has not taken place yet (its date after `today`) only takes `excused`
//!   (notice given ahead of time); `present` and `absent` are refused (`future_session`);
//! - every entry names an enrolment of the session's cohort (`not_in_cohort`) that has got as
//!   far as `enrolled` (`not_participating` for interested or counselled people), at most once
//!   per roll call (`duplicate`);
//! - a note is short: at most [`NOTE_MAX`] characters (`note_too_long`).
//!
//! Refusals carry a code; the web layer words them (`attendance-error-<code>`) and the English
//! `Display` is the API's message.

use chrono::NaiveDate;
use lernweg_domain::EnrolmentId;
use serde::{Deserialize, Serialize};

use crate::EnrolmentStatus;
use crate::progress::SessionFacts;

/// The longest note on one attendance record, in characters.
pub const NOTE_MAX: usize = 200;

/// What a trainer records for one participant at one session.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceStatus {
    Present,
    /// Absent with notice (illness, shift, a pause of the participation).
    Excused,
    /// Absent without notice.
    Absent,
}

impl AttendanceStatus {
    pub const ALL: [AttendanceStatus; 3] = [
        AttendanceStatus::Present,
        AttendanceStatus::Excused,
        AttendanceStatus::Absent,
    ];

    pub fn code(self) -> &'static str {
        match self {
            AttendanceStatus::Present => "present",
            AttendanceStatus::Excused => "excused",
            AttendanceStatus::Absent => "absent",
        }
    }

    /// Parses a code (`present`, `excused`, `absent`; case and spaces ignored).
    pub fn parse(code: &str) -> Option<AttendanceStatus> {
        let code = code.trim().to_ascii_lowercase();
        AttendanceStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether the status may be recorded for a session on `date` as of `today`.
    pub fn allowed_on(self, date: NaiveDate, today: NaiveDate) -> bool {
        date <= today || self == AttendanceStatus::Excused
    }
}

/// Whether an enrolment in this status belongs on a roll call at all (it got a place).
pub fn takes_part(status: EnrolmentStatus) -> bool {
    !matches!(
        status,
        EnrolmentStatus::Interested | EnrolmentStatus::Counselled
    )
}

/// Whether an enrolment in this status is listed on a new roll call: enrolled, active or
/// paused (completed and dropped people keep their records but are no longer called).
pub fn on_roll_call(status: EnrolmentStatus) -> bool {
    matches!(
        status,
        EnrolmentStatus::Enrolled | EnrolmentStatus::Active | EnrolmentStatus::Paused
    )
}

/// Whether an enrolment for `modules` (empty: the whole cohort) takes part in a session of
/// `module` (`None`: kick-off, closing, exchange): a partial enrolment only in the sessions
/// of its modules.
pub fn takes_session(modules: &[u32], module: Option<i64>) -> bool {
    modules.is_empty()
        || module
            .and_then(|m| u32::try_from(m).ok())
            .is_some_and(|m| modules.contains(&m))
}

/// One line of a roll call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RollCallEntry {
    pub enrolment: EnrolmentId,
    pub status: AttendanceStatus,
    pub note: String,
}

/// A refused roll call line (`index` into the entries), or the whole session (`index: None`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", self.describe())]
pub struct RollCallError {
    pub index: Option<usize>,
    /// `session`, `enrolment_id`, `status` or `note`.
    pub field: &'static str,
    /// `session_cancelled`, `not_in_cohort`, `not_participating`, `duplicate`,
    /// `future_session`, `note_too_long`.
    pub code: &'static str,
    /// The session's date, for `future_session`.
    pub date: Option<NaiveDate>,
}

/// Every refusal code, for the Fluent files.
pub const ROLL_CALL_CODES: [&str; 6] = [
    "session_cancelled",
    "not_in_cohort",
    "not_participating",
    "duplicate",
    "future_session",
    "note_too_long",
];

impl RollCallError {
    fn describe(&self) -> String {
        match self.code {
            "session_cancelled" => "the session is cancelled: no attendance can be recorded".into(),
            "not_in_cohort" => "the enrolment does not belong to the session's cohort".into(),
            "not_participating" => {
                "the participant is only interested or counselled, not enrolled".into()
            }
            "duplicate" => "the enrolment appears more than once in this roll call".into(),
            "future_session" => format!(
                "the session on {} has not taken place yet: only \"excused\" can be recorded ahead of time",
                self.date.map(|d| d.to_string()).unwrap_or_default()
            ),
            "note_too_long" => format!("the note is longer than {NOTE_MAX} characters"),
            other => other.to_owned(),
        }
    }
}

/// Checks a roll call of `session` against the cohort's enrolments (`members`) as of `today`.
/// Returns every refusal; empty means it may be written.
pub fn check_roll_call(
    session: &SessionFacts,
    members: &[(EnrolmentId, EnrolmentStatus)],
    entries: &[RollCallEntry],
    today: NaiveDate,
) -> Vec<RollCallError> {
    let err = |index, field, code| RollCallError {
        index,
        field,
        code,
        date: (code == "future_session").then_some(session.date),
    };
    if session.cancelled {
        return vec![err(None, "session", "session_cancelled")];
    }
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, e) in entries.iter().enumerate() {
        match members.iter().find(|(id, _)| *id == e.enrolment) {
            None => out.push(err(Some(i), "enrolment_id", "not_in_cohort")),
            Some((_, status)) if !takes_part(*status) => {
                out.push(err(Some(i), "enrolment_id", "not_participating"))
            }
            Some(_) if !seen.insert(e.enrolment) => {
                out.push(err(Some(i), "enrolment_id", "duplicate"))
            }
            Some(_) => {}
        }
        if !e.status.allowed_on(session.date, today) {
            out.push(err(Some(i), "status", "future_session"));
        }
        if e.note.trim().chars().count() > NOTE_MAX {
            out.push(err(Some(i), "note", "note_too_long"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use lernweg_domain::SessionId;
    use lernweg_planner::SessionKind;
    use uuid::Uuid;

    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, d).unwrap()
    }

    fn enrolment(n: u128) -> EnrolmentId {
        EnrolmentId::from_uuid(Uuid::from_u128(n))
    }

    fn session(date: NaiveDate, cancelled: bool) -> SessionFacts {
        SessionFacts {
            id: SessionId::from_uuid(Uuid::from_u128(99)),
            date,
            hours: 3.0,
            module: Some(1),
            kind: SessionKind::Lesson,
            cancelled,
        }
    }

    fn entry(n: u128, status: AttendanceStatus) -> RollCallEntry {
        RollCallEntry {
            enrolment: enrolment(n),
            status,
            note: String::new(),
        }
    }

    fn members() -> Vec<(EnrolmentId, EnrolmentStatus)> {
        vec![
            (enrolment(1), EnrolmentStatus::Active),
            (enrolment(2), EnrolmentStatus::Paused),
            (enrolment(3), EnrolmentStatus::Counselled),
            (enrolment(4), EnrolmentStatus::Dropped),
        ]
    }

    fn codes(errors: &[RollCallError]) -> Vec<(Option<usize>, &str)> {
        errors.iter().map(|e| (e.index, e.code)).collect()
    }

    #[test]
    fn statuses_parse_and_round_trip() {
        for s in AttendanceStatus::ALL {
            assert_eq!(AttendanceStatus::parse(s.code()), Some(s));
        }
        assert_eq!(
            AttendanceStatus::parse(" Excused "),
            Some(AttendanceStatus::Excused)
        );
        assert_eq!(AttendanceStatus::parse("late"), None);
    }

    #[test]
    fn a_valid_roll_call_passes_also_for_a_dropped_participants_earlier_session() {
        let entries = [
            entry(1, AttendanceStatus::Present),
            entry(2, AttendanceStatus::Excused),
            entry(4, AttendanceStatus::Absent),
        ];
        assert!(check_roll_call(&session(day(2), false), &members(), &entries, day(2)).is_empty());
    }

    #[test]
    fn a_cancelled_session_takes_no_attendance() {
        let errors = check_roll_call(
            &session(day(2), true),
            &members(),
            &[entry(1, AttendanceStatus::Excused)],
            day(9),
        );
        assert_eq!(codes(&errors), vec![(None, "session_cancelled")]);
        assert!(errors[0].to_string().contains("cancelled"));
    }

    #[test]
    fn a_future_session_takes_only_excused() {
        let s = session(day(9), false);
        let entries = [
            entry(1, AttendanceStatus::Present),
            entry(2, AttendanceStatus::Excused),
            entry(4, AttendanceStatus::Absent),
        ];
        let errors = check_roll_call(&s, &members(), &entries, day(8));
        assert_eq!(
            codes(&errors),
            vec![(Some(0), "future_session"), (Some(2), "future_session")]
        );
        assert!(errors[0].to_string().contains("2027-03-09"));
        // On the day itself everything is allowed.
        assert!(check_roll_call(&s, &members(), &entries, day(9)).is_empty());
    }

    #[test]
    fn strangers_unplaced_people_duplicates_and_long_notes_are_refused() {
        let mut long = entry(1, AttendanceStatus::Present);
        long.note = "x".repeat(NOTE_MAX + 1);
        let entries = [
            entry(1, AttendanceStatus::Present),
            entry(7, AttendanceStatus::Present),
            entry(3, AttendanceStatus::Present),
            long,
        ];
        let errors = check_roll_call(&session(day(2), false), &members(), &entries, day(2));
        assert_eq!(
            codes(&errors),
            vec![
                (Some(1), "not_in_cohort"),
                (Some(2), "not_participating"),
                (Some(3), "duplicate"),
                (Some(3), "note_too_long"),
            ]
        );
    }

    #[test]
    fn roll_call_lists_enrolled_active_and_paused_people() {
        use EnrolmentStatus::*;
        assert!(on_roll_call(Enrolled) && on_roll_call(Paused) && !on_roll_call(Dropped));
        assert!(takes_session(&[], None) && takes_session(&[], Some(2)));
        assert!(takes_session(&[1, 3], Some(3)) && !takes_session(&[1, 3], Some(2)));
        assert!(
            !takes_session(&[1], None),
            "a partial enrolment skips the kick-off"
        );
        assert!(takes_part(Completed) && !takes_part(Interested));
    }
}
