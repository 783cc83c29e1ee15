//! A work pattern as a form or JSON sends it (all strings): shifts as rows of week number,
//! weekday and times. [`WorkPatternDraft::validate`] turns it into a [`WorkPattern`] and the
//! commute, or every [`FieldError`] (Fluent id `participants-error-<key>-<code>`).

use chrono::{NaiveDate, Weekday};
use lernweg_planner::model::{ClockTime, parse_weekday};
use serde::{Deserialize, Serialize};

use crate::reason::FieldError;
use crate::work_pattern::{MAX_ROTATION_WEEKS, Shift, WorkPattern};

/// Most minutes of a one-way commute.
pub const TRAVEL_MINUTES_MAX: u32 = 300;

/// One row: a shift in week `week` (1-based; empty means 1) of the rotation.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ShiftDraft {
    pub week: String,
    /// `mon` … `sun`.
    pub weekday: String,
    /// `HH:MM`.
    pub start: String,
    /// `HH:MM`; not after the start means the shift ends the next day (night shift).
    pub end: String,
}

impl ShiftDraft {
    /// Without times a row is blank, even with a weekday (forms offer Monday to Sunday
    /// preselected).
    fn is_blank(&self) -> bool {
        self.start.trim().is_empty() && self.end.trim().is_empty()
    }
}

/// The whole pattern. Empty `weeks` means 1 (the same shifts every week); `anchor` is a day
/// of week 1 (empty: only allowed for one week).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct WorkPatternDraft {
    pub weeks: String,
    /// `YYYY-MM-DD` or `TT.MM.JJJJ`.
    pub anchor: String,
    pub travel_minutes: String,
    /// Blank rows are skipped.
    pub shifts: Vec<ShiftDraft>,
}

/// A day of week 1 of a rotation, `YYYY-MM-DD` or `TT.MM.JJJJ`; `None` when empty.
pub fn parse_anchor(raw: &str) -> Result<Option<NaiveDate>, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Ok(None);
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
        .map(Some)
        .map_err(|_| FieldError::new("anchor", "anchor", "invalid"))
}

/// The one-way commute in minutes, 0 to [`TRAVEL_MINUTES_MAX`]; 0 when empty.
pub fn parse_travel_minutes(raw: &str) -> Result<u32, FieldError> {
    match raw.trim() {
        "" => Ok(0),
        s => s
            .parse::<u32>()
            .ok()
            .filter(|n| *n <= TRAVEL_MINUTES_MAX)
            .ok_or_else(|| {
                FieldError::new("travel_minutes", "travel_minutes", "out_of_range")
                    .arg("max", TRAVEL_MINUTES_MAX)
            }),
    }
}

/// Minute intervals of a week's shifts from Monday 00:00 (a night shift runs into the next
/// day; Sunday night into the following Monday, which is minute 10080 and beyond).
fn intervals(week: &[(usize, Shift)]) -> Vec<(usize, u32, u32)> {
    let mut v: Vec<(usize, u32, u32)> = week
        .iter()
        .map(|(row, s)| {
            let day = s.weekday.num_days_from_monday() * 24 * 60;
            let a = day + u32::from(s.start.minutes());
            (*row, a, a + s.minutes())
        })
        .collect();
    v.sort_by_key(|(_, a, _)| *a);
    v
}

impl WorkPatternDraft {
    /// The pattern and the one-way commute in minutes.
    pub fn validate(&self) -> Result<(WorkPattern, u32), Vec<FieldError>> {
        let mut errors = Vec::new();
        let weeks = match self.weeks.trim() {
            "" => Some(1),
            s => match s.parse::<usize>() {
                Ok(n) if (1..=MAX_ROTATION_WEEKS).contains(&n) => Some(n),
                _ => {
                    errors.push(
                        FieldError::new("weeks", "weeks", "out_of_range")
                            .arg("max", MAX_ROTATION_WEEKS),
                    );
                    None
                }
            },
        };
        let anchor = match parse_anchor(&self.anchor) {
            Ok(Some(d)) => Some(d),
            Ok(None) if weeks.is_some_and(|n| n > 1) => {
                errors.push(FieldError::new("anchor", "anchor", "required"));
                None
            }
            // A fixed pattern needs no anchor; any Monday will do.
            Ok(None) => NaiveDate::from_ymd_opt(2024, 1, 1),
            Err(e) => {
                errors.push(e);
                None
            }
        };
        let travel = parse_travel_minutes(&self.travel_minutes)
            .map_err(|e| errors.push(e))
            .ok();

        let mut by_week: Vec<Vec<(usize, Shift)>> = vec![Vec::new(); weeks.unwrap_or(1)];
        let mut any = false;
        for (i, row) in self.shifts.iter().enumerate() {
            if row.is_blank() {
                continue;
            }
            any = true;
            let field = |part: &str| format!("shifts.{i}.{part}");
            let week = match row.week.trim() {
                "" => Some(1),
                s => match s.parse::<usize>() {
                    Ok(n) if n >= 1 && n <= weeks.unwrap_or(MAX_ROTATION_WEEKS) => Some(n),
                    _ => {
                        errors.push(
                            FieldError::new(field("week"), "shift_week", "out_of_range")
                                .arg("row", i + 1)
                                .arg("max", weeks.unwrap_or(MAX_ROTATION_WEEKS)),
                        );
                        None
                    }
                },
            };
            let weekday = match parse_weekday(&row.weekday) {
                Ok(w) => Some(w),
                Err(_) => {
                    let code = if row.weekday.trim().is_empty() {
                        "required"
                    } else {
                        "invalid"
                    };
                    errors.push(
                        FieldError::new(field("weekday"), "shift_weekday", code).arg("row", i + 1),
                    );
                    None
                }
            };
            let mut time = |part: &str, raw: &str| {
                let code = if raw.trim().is_empty() {
                    "required"
                } else {
                    "invalid"
                };
                ClockTime::parse(raw.trim())
                    .map_err(|_| {
                        errors.push(
                            FieldError::new(field(part), "shift_time", code).arg("row", i + 1),
                        )
                    })
                    .ok()
            };
            let start = time("start", &row.start);
            let end = time("end", &row.end);
            let (Some(week), Some(weekday), Some(start), Some(end)) = (week, weekday, start, end)
            else {
                continue;
            };
            match Shift::new(weekday, start, end) {
                Some(s) => {
                    if let Some(list) = by_week.get_mut(week - 1) {
                        list.push((i, s));
                    }
                }
                None => errors.push(
                    FieldError::new(field("end"), "shift_time", "same_as_start").arg("row", i + 1),
                ),
            }
        }
        if !any {
            errors.push(FieldError::new("shifts", "shifts", "required"));
        }
        for (k, week) in by_week.iter().enumerate() {
            for pair in intervals(week).windows(2) {
                let ((_, _, end_a), (row_b, start_b, _)) = (pair[0], pair[1]);
                if start_b < end_a {
                    errors.push(
                        FieldError::new(format!("shifts.{row_b}.start"), "shifts", "overlap")
                            .arg("row", row_b + 1)
                            .arg("week", k + 1),
                    );
                }
            }
        }
        if !errors.is_empty() {
            return Err(errors);
        }
        let weeks: Vec<Vec<Shift>> = by_week
            .into_iter()
            .map(|w| {
                let mut w: Vec<Shift> = w.into_iter().map(|(_, s)| s).collect();
                w.sort_by_key(|s| (s.weekday.num_days_from_monday(), s.start));
                w
            })
            .collect();
        let anchor = anchor.expect("no errors");
        let pattern = WorkPattern::rotating(anchor, weeks).expect("1 to 12 weeks");
        Ok((pattern, travel.expect("no errors")))
    }

    /// The draft of a stored pattern, to fill the form (rows sorted by week and day).
    pub fn from_pattern(pattern: &WorkPattern, travel_minutes: u32) -> WorkPatternDraft {
        let weeks = pattern.weeks();
        WorkPatternDraft {
            weeks: weeks.len().to_string(),
            anchor: pattern
                .anchor_monday()
                .map(|a| a.to_string())
                .unwrap_or_default(),
            travel_minutes: travel_minutes.to_string(),
            shifts: weeks
                .iter()
                .enumerate()
                .flat_map(|(k, w)| {
                    w.iter().map(move |s| ShiftDraft {
                        week: (k + 1).to_string(),
                        weekday: lernweg_planner::model::weekday_code(s.weekday).to_owned(),
                        start: s.start.to_string(),
                        end: s.end.to_string(),
                    })
                })
                .collect(),
        }
    }
}

/// Monday to Sunday, for forms.
pub const WEEKDAYS: [Weekday; 7] = [
    Weekday::Mon,
    Weekday::Tue,
    Weekday::Wed,
    Weekday::Thu,
    Weekday::Fri,
    Weekday::Sat,
    Weekday::Sun,
];

#[cfg(test)]
mod tests {
    use super::*;

    fn row(week: &str, day: &str, start: &str, end: &str) -> ShiftDraft {
        ShiftDraft {
            week: week.into(),
            weekday: day.into(),
            start: start.into(),
            end: end.into(),
        }
    }

    fn codes(r: Result<(WorkPattern, u32), Vec<FieldError>>) -> Vec<(String, &'static str)> {
        r.unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.code))
            .collect()
    }

    #[test]
    fn a_fixed_week_needs_no_anchor_and_skips_blank_rows() {
        let draft = WorkPatternDraft {
            travel_minutes: "25".into(),
            shifts: vec![
                row("", "mon", "08:00", "16:30"),
                ShiftDraft::default(),
                row("1", "sat", "", ""),
                row("1", "fri", "08:00", "12:00"),
            ],
            ..Default::default()
        };
        let (p, travel) = draft.validate().unwrap();
        assert_eq!(travel, 25);
        assert_eq!(p.cycle_weeks(), 1);
        assert_eq!(p.average_weekly_hours(), 12.5);
        // Round trip through the form.
        let back = WorkPatternDraft::from_pattern(&p, travel)
            .validate()
            .unwrap();
        assert_eq!(back, (p, 25));
    }

    #[test]
    fn a_rotation_keeps_its_weeks_and_night_shifts() {
        let draft = WorkPatternDraft {
            weeks: "2".into(),
            anchor: "06.01.2027".into(),
            shifts: vec![
                row("2", "tue", "22:00", "06:00"),
                row("1", "tue", "06:00", "14:00"),
            ],
            ..Default::default()
        };
        let (p, _) = draft.validate().unwrap();
        let WorkPattern::Rotating { anchor, weeks } = &p else {
            panic!("expected a rotation");
        };
        assert_eq!(anchor.to_string(), "2027-01-06");
        assert_eq!(weeks[1][0].end.to_string(), "06:00");
        assert!(weeks[1][0].crosses_midnight());
        let again = WorkPatternDraft::from_pattern(&p, 0);
        assert_eq!(again.anchor, "2027-01-04");
        assert_eq!(
            again.validate().unwrap().0.week_of(*anchor),
            p.week_of(*anchor)
        );
    }

    #[test]
    fn every_mistake_is_named_with_its_row() {
        let draft = WorkPatternDraft {
            weeks: "3".into(),
            anchor: "".into(),
            travel_minutes: "999".into(),
            shifts: vec![
                row("4", "mon", "08:00", "16:00"),
                row("1", "moon", "8", "16:00"),
                row("1", "tue", "08:00", "08:00"),
                row("1", "", "10:00", ""),
            ],
        };
        assert_eq!(
            codes(draft.validate()),
            vec![
                ("anchor".into(), "required"),
                ("travel_minutes".into(), "out_of_range"),
                ("shifts.0.week".into(), "out_of_range"),
                ("shifts.1.weekday".into(), "invalid"),
                ("shifts.1.start".into(), "invalid"),
                ("shifts.2.end".into(), "same_as_start"),
                ("shifts.3.weekday".into(), "required"),
                ("shifts.3.end".into(), "required"),
            ]
        );
        assert_eq!(
            codes(WorkPatternDraft::default().validate()),
            vec![("shifts".into(), "required")]
        );
        let bad_weeks = WorkPatternDraft {
            weeks: "13".into(),
            shifts: vec![row("1", "mon", "08:00", "16:00")],
            ..Default::default()
        };
        assert_eq!(
            codes(bad_weeks.validate()),
            vec![("weeks".into(), "out_of_range")]
        );
    }

    #[test]
    fn overlapping_shifts_are_refused_also_across_midnight() {
        let draft = WorkPatternDraft {
            shifts: vec![
                row("1", "mon", "22:00", "06:00"),
                row("1", "tue", "05:00", "13:00"),
                row("1", "wed", "08:00", "12:00"),
                row("1", "wed", "12:00", "16:00"),
            ],
            ..Default::default()
        };
        assert_eq!(
            codes(draft.validate()),
            vec![("shifts.1.start".into(), "overlap")]
        );
    }
}
