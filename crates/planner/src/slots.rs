//! Where a time model allows sessions: a stream of dated slots, skipping public holidays of the
//! state and the provider's closures.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use crate::PlannerError;
use crate::holidays::{HolidayCalendar, LAST_YEAR};
use crate::model::{ClosurePeriod, OfferSpec, TimeModel, TimeSpan, WeeklySlot};

/// Minutes of a whole day; a slot with `all_day` spans it.
pub(crate) const DAY_MINUTES: u16 = 24 * 60;

/// A point in time to search from: a date and minutes since midnight (up to 24:00).
pub(crate) type Pos = (NaiveDate, u16);

/// One dated opportunity for sessions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Slot {
    pub date: NaiveDate,
    pub start: u16,
    pub end: u16,
    /// Teaching minutes the slot offers (`end - start`, or the weekly hours of a self-paced unit).
    pub capacity: u32,
    /// A self-paced unit: no clock time, `date` is its deadline.
    pub all_day: bool,
}

/// Public holidays and closures: days without any session.
#[derive(Debug, Clone)]
pub(crate) struct Blocker {
    holidays: HolidayCalendar,
    closures: Vec<ClosurePeriod>,
}

impl Blocker {
    pub fn new(spec: &OfferSpec) -> Self {
        Blocker {
            holidays: HolidayCalendar::new(spec.state),
            closures: spec.closures.clone(),
        }
    }

    /// The public holidays of the offer's state.
    pub fn holidays(&mut self) -> &mut HolidayCalendar {
        &mut self.holidays
    }

    pub fn is_closed(&self, date: NaiveDate) -> bool {
        self.closures.iter().any(|c| c.contains(date))
    }

    pub fn blocked(&mut self, date: NaiveDate) -> bool {
        self.is_closed(date) || self.holidays.is_holiday(date)
    }
}

/// The rule that produces slots.
#[derive(Debug, Clone)]
pub(crate) enum Stream {
    /// Fixed weekday slots every week (evening course, release slots, presence days).
    Weekly(Vec<WeeklySlot>),
    /// Weekly evening plus the monthly Friday+Saturday block.
    Block {
        evening: WeeklySlot,
        weekend: TimeSpan,
        start: NaiveDate,
        fridays: HashMap<(i32, u32), Option<NaiveDate>>,
    },
    /// The first `weeks` free Monday–Friday weeks of each quarter.
    Compact {
        day: TimeSpan,
        weeks: u32,
        start: NaiveDate,
        mondays: HashMap<(i32, u32), Vec<NaiveDate>>,
    },
    /// One self-paced unit per ISO week, due on the last free day of the week.
    Units { minutes: u32, start: NaiveDate },
}

impl Stream {
    /// The stream of lessons of an offer.
    pub fn lessons(spec: &OfferSpec) -> Stream {
        match &spec.time_model {
            TimeModel::EveningCourse { evenings } => Stream::weekly(evenings),
            TimeModel::ReleaseSlots { slots } => Stream::weekly(slots),
            TimeModel::BlockSeminar { evening, weekend } => Stream::Block {
                evening: *evening,
                weekend: *weekend,
                start: spec.start,
                fridays: HashMap::new(),
            },
            TimeModel::CompactSeminar {
                day,
                weeks_per_quarter,
            } => Stream::Compact {
                day: *day,
                weeks: *weeks_per_quarter,
                start: spec.start,
                mondays: HashMap::new(),
            },
            TimeModel::SelfPaced { hours_per_week, .. } => Stream::Units {
                minutes: crate::model::hours_to_minutes(*hours_per_week),
                start: spec.start,
            },
        }
    }

    /// The stream for kick-off, exams and closing: the lesson slots, or the presence slot of
    /// self-paced offers.
    pub fn events(spec: &OfferSpec) -> Stream {
        match &spec.time_model {
            TimeModel::SelfPaced { presence, .. } => Stream::weekly(&[*presence]),
            _ => Stream::lessons(spec),
        }
    }

    pub fn weekly(slots: &[WeeklySlot]) -> Stream {
        let mut v = slots.to_vec();
        v.sort_by_key(|s| (s.weekday.num_days_from_monday(), s.start));
        Stream::Weekly(v)
    }

    /// The first slot that starts at or after `pos` on a day that is not blocked.
    pub fn next(&mut self, pos: Pos, blocker: &mut Blocker) -> Result<Slot, PlannerError> {
        let mut date = pos.0;
        if let Stream::Units { .. } = self {
            return self.next_unit(pos, blocker);
        }
        loop {
            if date.year() > LAST_YEAR {
                return Err(beyond());
            }
            if !blocker.blocked(date)
                && let Some(slot) = self.slot_on(date, pos, blocker)
            {
                return Ok(slot);
            }
            date = date.succ_opt().ok_or_else(beyond)?;
        }
    }

    /// The slot of this stream on an unblocked `date` that starts at or after `pos`.
    fn slot_on(&mut self, date: NaiveDate, pos: Pos, blocker: &mut Blocker) -> Option<Slot> {
        let ok = |start: u16| (date, start) >= pos;
        let timed = |start: u16, end: u16| Slot {
            date,
            start,
            end,
            capacity: u32::from(end - start),
            all_day: false,
        };
        match self {
            Stream::Weekly(slots) => slots
                .iter()
                .filter(|s| s.weekday == date.weekday() && ok(s.start.minutes()))
                .map(|s| timed(s.start.minutes(), s.end.minutes()))
                .next(),
            Stream::Block {
                evening,
                weekend,
                start,
                fridays,
            } => {
                let friday = match date.weekday() {
                    Weekday::Fri => Some(date),
                    Weekday::Sat => date.pred_opt(),
                    _ => None,
                };
                if let Some(friday) = friday {
                    let key = (friday.year(), friday.month());
                    let chosen = *fridays
                        .entry(key)
                        .or_insert_with(|| block_friday(key, *start, blocker));
                    if chosen == Some(friday) {
                        // The block day replaces an evening on the same weekday.
                        return ok(weekend.start.minutes())
                            .then(|| timed(weekend.start.minutes(), weekend.end.minutes()));
                    }
                }
                (evening.weekday == date.weekday() && ok(evening.start.minutes()))
                    .then(|| timed(evening.start.minutes(), evening.end.minutes()))
            }
            Stream::Compact {
                day,
                weeks,
                start,
                mondays,
            } => {
                if date.weekday().num_days_from_monday() > 4 {
                    return None;
                }
                let monday = monday_of(date);
                let key = (monday.year(), (monday.month() - 1) / 3);
                let chosen = mondays
                    .entry(key)
                    .or_insert_with(|| compact_mondays(key, *weeks, *start, blocker));
                (chosen.contains(&monday) && ok(day.start.minutes()))
                    .then(|| timed(day.start.minutes(), day.end.minutes()))
            }
            Stream::Units { .. } => None,
        }
    }

    /// Self-paced: the first week whose working window starts after `pos`; the unit is due on
    /// the week's last unblocked day.
    fn next_unit(&self, pos: Pos, blocker: &mut Blocker) -> Result<Slot, PlannerError> {
        let Stream::Units { minutes, start } = *self else {
            unreachable!("only called for units")
        };
        let mut monday = monday_of(pos.0.max(start));
        loop {
            if monday.year() > LAST_YEAR {
                return Err(beyond());
            }
            let window = monday.max(start);
            let after_pos = window > pos.0 || (window == pos.0 && pos.1 == 0);
            if after_pos {
                let sunday = monday + Duration::days(6);
                let mut day = sunday;
                while day >= window {
                    if !blocker.blocked(day) {
                        return Ok(Slot {
                            date: day,
                            start: 0,
                            end: DAY_MINUTES,
                            capacity: minutes,
                            all_day: true,
                        });
                    }
                    day = day.pred_opt().ok_or_else(beyond)?;
                }
            }
            monday += Duration::days(7);
        }
    }
}

fn beyond() -> PlannerError {
    PlannerError::Unplannable(format!(
        "the plan would run past {LAST_YEAR}; check the closures and the time model"
    ))
}

pub(crate) fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

/// The block Friday of a month: the first Friday on or after `start` whose Friday and Saturday
/// are both free of holidays and closures.
fn block_friday(
    (year, month): (i32, u32),
    start: NaiveDate,
    blocker: &mut Blocker,
) -> Option<NaiveDate> {
    let mut day = NaiveDate::from_ymd_opt(year, month, 1)?;
    while day.month() == month {
        if day.weekday() == Weekday::Fri && day >= start {
            let saturday = day.succ_opt()?;
            if !blocker.blocked(day) && !blocker.blocked(saturday) {
                return Some(day);
            }
        }
        day = day.succ_opt()?;
    }
    None
}

/// The compact weeks of a quarter: the first `weeks` Mondays in the quarter, on or after
/// `start`, whose Monday to Friday are all free of holidays and closures.
fn compact_mondays(
    (year, quarter): (i32, u32),
    weeks: u32,
    start: NaiveDate,
    blocker: &mut Blocker,
) -> Vec<NaiveDate> {
    let mut chosen = Vec::new();
    let Some(first) = NaiveDate::from_ymd_opt(year, quarter * 3 + 1, 1) else {
        return chosen;
    };
    let mut monday =
        first + Duration::days(i64::from((7 - first.weekday().num_days_from_monday()) % 7));
    while (monday.month() - 1) / 3 == quarter
        && monday.year() == year
        && chosen.len() < weeks as usize
    {
        if monday >= start && (0..5).all(|i| !blocker.blocked(monday + Duration::days(i))) {
            chosen.push(monday);
        }
        monday += Duration::days(7);
    }
    chosen
}
