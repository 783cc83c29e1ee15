//! Dates for individual lessons in a person's free time (issue 14, point 3): from the
//! earliest day on, on the chosen weekdays and inside the chosen part of the day, one
//! session a day, each clear of the person's shifts (fixed or rotating, night shifts of the
//! day before included) with the commute before and after, of the state's public holidays,
//! of closing periods and of other busy times (the trainer's sessions, the person's other
//! plan items).

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Timelike, Weekday};

use crate::holidays::HolidayCalendar;
use crate::load::{WorkWeeks, shifts_during};
use crate::model::{ClockTime, ClosurePeriod};

/// Candidate start times are tried in steps of this many minutes.
pub const STEP_MINUTES: u16 = 15;
/// Without a deadline, dates are looked for this many days ahead at most.
pub const HORIZON_DAYS: i64 = 3 * 366;

/// What to place.
#[derive(Debug, Clone, PartialEq)]
pub struct LessonRequest {
    pub hours: f64,
    /// Length of one session; the last one may be shorter.
    pub session_hours: f64,
    pub earliest: NaiveDate,
    pub weekdays: Vec<Weekday>,
    pub window_start: ClockTime,
    pub window_end: ClockTime,
    /// The last day a session may take place.
    pub deadline: Option<NaiveDate>,
    /// One way, before and after each session (lessons in presence).
    pub travel_minutes: u32,
    pub closures: Vec<ClosurePeriod>,
    /// Times the person is busy otherwise (other plan items), without the commute.
    pub person_busy: Vec<(NaiveDateTime, NaiveDateTime)>,
    /// Times the trainer teaches elsewhere.
    pub trainer_busy: Vec<(NaiveDateTime, NaiveDateTime)>,
}

/// A proposed session.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ProposedSession {
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    pub hours: f64,
}

/// Why the hours cannot be placed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ScheduleError {
    /// Not all hours fit before the deadline (or the horizon).
    #[error("only {placed_hours} of {hours} hours fit in free time until {until}")]
    NoRoom {
        placed_hours: f64,
        hours: f64,
        until: NaiveDate,
    },
}

fn overlaps(a: (NaiveDateTime, NaiveDateTime), spans: &[(NaiveDateTime, NaiveDateTime)]) -> bool {
    spans.iter().any(|(s, e)| a.0 < *e && *s < a.1)
}

/// Proposes the sessions, in date order.
pub fn schedule_lessons(
    req: &LessonRequest,
    work: &dyn WorkWeeks,
    holidays: &mut HolidayCalendar,
) -> Result<Vec<ProposedSession>, ScheduleError> {
    let total = (req.hours * 60.0).round() as i64;
    let per = ((req.session_hours * 60.0).round() as i64).max(1);
    let last = req
        .deadline
        .unwrap_or(req.earliest + Duration::days(HORIZON_DAYS));
    let travel = Duration::minutes(i64::from(req.travel_minutes));
    let (w0, w1) = (
        i64::from(req.window_start.minutes()),
        i64::from(req.window_end.minutes()),
    );
    let mut out = Vec::new();
    let mut left = total;
    let mut day = req.earliest;
    while left > 0 && day <= last {
        let free_day = req.weekdays.contains(&day.weekday())
            && !holidays.is_holiday(day)
            && !req.closures.iter().any(|c| c.contains(day));
        if free_day {
            let len = per.min(left);
            let mut start = w0;
            while start + len <= w1 {
                let from = day.and_time(clock(start).to_naive());
                let to = from + Duration::minutes(len);
                let (a, b) = (from - travel, to + travel);
                let clear = !overlaps((a, b), &req.person_busy)
                    && !overlaps((from, to), &req.trainer_busy)
                    && shifts_during(work, holidays, a.date(), at(a), at(b)).is_empty();
                if clear {
                    out.push(ProposedSession {
                        date: day,
                        start: clock(start),
                        end: clock(start + len),
                        hours: len as f64 / 60.0,
                    });
                    left -= len;
                    break;
                }
                start += i64::from(STEP_MINUTES);
            }
        }
        day += Duration::days(1);
    }
    if left > 0 {
        return Err(ScheduleError::NoRoom {
            placed_hours: ((total - left) as f64 / 60.0 * 100.0).round() / 100.0,
            hours: req.hours,
            until: last,
        });
    }
    Ok(out)
}

fn clock(minutes: i64) -> ClockTime {
    ClockTime::from_minutes(u16::try_from(minutes.clamp(0, 24 * 60 - 1)).unwrap_or(0))
        .expect("inside the day")
}

fn at(t: NaiveDateTime) -> ClockTime {
    clock(i64::from(t.hour() * 60 + t.minute()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{WeeklySlot, WorkPattern};
    use lernweg_domain::State;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn t(s: &str) -> ClockTime {
        ClockTime::parse(s).unwrap()
    }

    fn request(hours: f64) -> LessonRequest {
        LessonRequest {
            hours,
            session_hours: 2.0,
            earliest: d("2027-05-03"),
            weekdays: vec![Weekday::Mon, Weekday::Wed, Weekday::Thu],
            window_start: t("08:00"),
            window_end: t("21:00"),
            deadline: None,
            travel_minutes: 30,
            closures: vec![],
            person_busy: vec![],
            trainer_busy: vec![],
        }
    }

    fn shifts(list: &[(Weekday, &str, &str)]) -> WorkPattern {
        WorkPattern {
            weekly_hours: None,
            shifts: list
                .iter()
                .map(|(w, a, b)| WeeklySlot {
                    weekday: *w,
                    start: t(a),
                    end: t(b),
                })
                .collect(),
            travel_minutes: 0,
        }
    }

    #[test]
    fn lessons_avoid_shifts_with_the_commute_holidays_and_night_shifts() {
        // Early shift Monday 06:00–14:00, night shift Wednesday 22:00–06:00.
        let work = shifts(&[
            (Weekday::Mon, "06:00", "14:00"),
            (Weekday::Wed, "22:00", "06:00"),
        ]);
        let mut holidays = HolidayCalendar::new(State::NW);
        let mut req = request(9.0);
        req.window_start = t("06:00");
        let got = schedule_lessons(&req, &work, &mut holidays).unwrap();
        let view: Vec<(String, String, String)> = got
            .iter()
            .map(|s| (s.date.to_string(), s.start.to_string(), s.end.to_string()))
            .collect();
        let want = [
            // Monday: after the early shift and the half hour home.
            ("2027-05-03", "14:30", "16:30"),
            // Wednesday: the night shift starts at 22:00, the morning is free.
            ("2027-05-05", "06:00", "08:00"),
            // Thursday 06.05.2027 is Ascension Day (a public holiday): no session.
            ("2027-05-10", "14:30", "16:30"),
            ("2027-05-12", "06:00", "08:00"),
            // Thursday: the night shift ends at 06:00, then the commute.
            ("2027-05-13", "06:30", "07:30"),
        ];
        let want: Vec<(String, String, String)> = want
            .iter()
            .map(|(a, b, c)| ((*a).into(), (*b).into(), (*c).into()))
            .collect();
        assert_eq!(view, want);
        assert!(holidays.is_holiday(d("2027-05-06")));
    }

    #[test]
    fn closures_busy_times_and_the_deadline_are_respected() {
        let work = shifts(&[]);
        let mut holidays = HolidayCalendar::new(State::NW);
        let mut req = request(6.0);
        req.closures = vec![ClosurePeriod {
            from: d("2027-05-03"),
            to: d("2027-05-05"),
            name: "Schließzeit".into(),
        }];
        req.trainer_busy = vec![(
            d("2027-05-10").and_hms_opt(8, 0, 0).unwrap(),
            d("2027-05-10").and_hms_opt(12, 0, 0).unwrap(),
        )];
        let got = schedule_lessons(&req, &work, &mut holidays).unwrap();
        assert!(got.iter().all(|s| s.date > d("2027-05-05")), "{got:?}");
        let monday = got.iter().find(|s| s.date == d("2027-05-10")).unwrap();
        assert_eq!(monday.start, t("12:00"));
        req.deadline = Some(d("2027-05-06"));
        let err = schedule_lessons(&req, &work, &mut holidays).unwrap_err();
        assert!(matches!(err, ScheduleError::NoRoom { until, .. } if until == d("2027-05-06")));
    }
}
