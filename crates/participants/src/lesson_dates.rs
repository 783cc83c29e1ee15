//! The rules of confirmed dates of individual lessons (issue 14, point 3): what staff may
//! confirm for a `lessons` item of a plan, and how a confirmed date may change. Pure; the
//! use-cases are `lernweg_app::participants::lessons`.

use chrono::{NaiveDate, NaiveDateTime};
use lernweg_domain::ParseError;
use lernweg_planner::{ClockTime, ProposedSession};

/// A date as asked for: a day and the part of it (within one day).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LessonDate {
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
}

/// Hours are compared with this slack (a quarter of a minute).
const SLACK: f64 = 0.005;

fn span(date: NaiveDate, start: ClockTime, end: ClockTime) -> (NaiveDateTime, NaiveDateTime) {
    (
        date.and_time(start.to_naive()),
        date.and_time(end.to_naive()),
    )
}

impl LessonDate {
    /// The date as a session with its hours; `end`/`before_start` unless it ends after it
    /// starts on the same day, `date`/`in_past` before `today`. `n` (1-based) names it.
    fn checked(self, n: usize, today: NaiveDate) -> Result<ProposedSession, ParseError> {
        if self.end <= self.start {
            return Err(ParseError::new(
                "end",
                "before_start",
                format!("date {n}: the end must be after the start on the same day"),
            ));
        }
        if self.date < today {
            return Err(ParseError::new(
                "date",
                "in_past",
                format!("date {n}: {} is in the past", self.date),
            ));
        }
        let (a, b) = span(self.date, self.start, self.end);
        Ok(ProposedSession {
            date: self.date,
            start: self.start,
            end: self.end,
            hours: (b - a).num_minutes() as f64 / 60.0,
        })
    }
}

fn overlaps(a: &ProposedSession, b: &ProposedSession) -> bool {
    let (a0, a1) = span(a.date, a.start, a.end);
    let (b0, b1) = span(b.date, b.start, b.end);
    a0 < b1 && b0 < a1
}

fn overlap_error(n: usize, s: &ProposedSession) -> ParseError {
    ParseError::new(
        "date",
        "overlap",
        format!(
            "date {n}: {} {}–{} overlaps another confirmed date of the participant",
            s.date, s.start, s.end
        ),
    )
}

/// Checks new dates for an item planned with `planned_hours`, given the participant's other
/// confirmed (not cancelled) lesson dates `taken` and those of this item, `this_item`: each
/// date valid (see [`LessonDate`]), none overlapping another, at least one
/// (`sessions`/`empty`), and no more hours on the item than planned (`sessions`/`over_hours`).
/// All errors are given, one per date at most.
pub fn check_new_dates(
    new: &[LessonDate],
    taken: &[ProposedSession],
    this_item: &[ProposedSession],
    planned_hours: f64,
    today: NaiveDate,
) -> Result<Vec<ProposedSession>, Vec<ParseError>> {
    if new.is_empty() {
        return Err(vec![ParseError::new(
            "sessions",
            "empty",
            "give at least one date to confirm",
        )]);
    }
    let mut errors = Vec::new();
    let mut out: Vec<ProposedSession> = Vec::with_capacity(new.len());
    for (i, d) in new.iter().enumerate() {
        match d.checked(i + 1, today) {
            Ok(s) => {
                let clash = taken.iter().chain(this_item).chain(&out);
                if clash.clone().any(|o| overlaps(o, &s)) {
                    errors.push(overlap_error(i + 1, &s));
                }
                out.push(s);
            }
            Err(e) => errors.push(e),
        }
    }
    let hours: f64 = this_item.iter().chain(&out).map(|s| s.hours).sum();
    if errors.is_empty() && hours > planned_hours + SLACK {
        errors.push(ParseError::new(
            "sessions",
            "over_hours",
            format!(
                "{hours} hours of confirmed dates would exceed the {planned_hours} hours planned for the item"
            ),
        ));
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(errors)
    }
}

/// The reason of a change: required (`reason`/`required`), at most 500 characters
/// (`reason`/`too_long`); trimmed.
pub fn change_reason(reason: &str) -> Result<String, ParseError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ParseError::new(
            "reason",
            "required",
            "a confirmed date changes only with a reason",
        ));
    }
    if reason.chars().count() > 500 {
        return Err(ParseError::new(
            "reason",
            "too_long",
            "the reason is longer than 500 characters",
        ));
    }
    Ok(reason.to_owned())
}

/// Checks a move of a confirmed date of an item planned with `planned_hours`: the new date
/// valid and free (as for [`check_new_dates`], `others` being the participant's other
/// confirmed dates and `item_hours_else` the hours of the item's other confirmed dates), with
/// a reason.
pub fn check_move(
    to: LessonDate,
    others: &[ProposedSession],
    item_hours_else: f64,
    planned_hours: f64,
    reason: &str,
    today: NaiveDate,
) -> Result<(ProposedSession, String), Vec<ParseError>> {
    let mut errors = Vec::new();
    let reason = change_reason(reason).map_err(|e| errors.push(e)).ok();
    let moved = match to.checked(1, today) {
        Ok(s) if others.iter().any(|o| overlaps(o, &s)) => {
            errors.push(overlap_error(1, &s));
            None
        }
        Ok(s) if item_hours_else + s.hours > planned_hours + SLACK => {
            errors.push(ParseError::new(
                "end",
                "over_hours",
                format!(
                    "{} hours of confirmed dates would exceed the {planned_hours} hours planned for the item",
                    item_hours_else + s.hours
                ),
            ));
            None
        }
        Ok(s) => Some(s),
        Err(e) => {
            errors.push(e);
            None
        }
    };
    match (moved, reason) {
        (Some(s), Some(r)) if errors.is_empty() => Ok((s, r)),
        _ => Err(errors),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(day: u32, start: &str, end: &str) -> LessonDate {
        LessonDate {
            date: NaiveDate::from_ymd_opt(2027, 3, day).unwrap(),
            start: ClockTime::parse(start).unwrap(),
            end: ClockTime::parse(end).unwrap(),
        }
    }

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, 1).unwrap()
    }

    fn codes(e: Vec<ParseError>) -> Vec<(&'static str, &'static str)> {
        e.into_iter().map(|e| (e.field, e.code)).collect()
    }

    #[test]
    fn confirms_dates_with_their_hours() {
        let out = check_new_dates(
            &[d(2, "17:00", "19:30"), d(4, "18:00", "20:00")],
            &[],
            &[],
            10.0,
            today(),
        )
        .unwrap();
        assert_eq!(
            out.iter().map(|s| s.hours).collect::<Vec<_>>(),
            vec![2.5, 2.0]
        );
    }

    #[test]
    fn refuses_each_bad_date_by_name() {
        let taken = d(4, "18:00", "20:00").checked(1, today()).unwrap();
        let e = check_new_dates(
            &[
                d(2, "19:00", "17:00"),
                d(4, "19:00", "21:00"),
                LessonDate {
                    date: NaiveDate::from_ymd_opt(2027, 2, 27).unwrap(),
                    ..d(2, "17:00", "18:00")
                },
                d(5, "10:00", "11:00"),
                d(5, "10:30", "11:30"),
            ],
            &[taken],
            &[],
            20.0,
            today(),
        )
        .unwrap_err();
        assert_eq!(
            codes(e),
            vec![
                ("end", "before_start"),
                ("date", "overlap"),
                ("date", "in_past"),
                ("date", "overlap"),
            ]
        );
    }

    #[test]
    fn refuses_more_hours_than_planned_and_none_at_all() {
        let done = d(2, "17:00", "19:00").checked(1, today()).unwrap();
        let e = check_new_dates(&[d(3, "17:00", "19:00")], &[], &[done], 3.0, today()).unwrap_err();
        assert_eq!(codes(e), vec![("sessions", "over_hours")]);
        let e = check_new_dates(&[], &[], &[], 3.0, today()).unwrap_err();
        assert_eq!(codes(e), vec![("sessions", "empty")]);
    }

    #[test]
    fn a_move_needs_a_reason_and_a_free_slot() {
        let other = d(4, "18:00", "20:00").checked(1, today()).unwrap();
        let (s, r) = check_move(
            d(3, "17:00", "19:00"),
            &[other],
            2.0,
            4.0,
            " Krank ",
            today(),
        )
        .unwrap();
        assert_eq!((s.hours, r.as_str()), (2.0, "Krank"));
        let e = check_move(d(4, "19:00", "20:00"), &[other], 0.0, 4.0, "", today()).unwrap_err();
        assert_eq!(codes(e), vec![("reason", "required"), ("date", "overlap")]);
        let e = check_move(d(5, "10:00", "14:00"), &[], 2.0, 4.0, "Schicht", today()).unwrap_err();
        assert_eq!(codes(e), vec![("end", "over_hours")]);
    }
}
