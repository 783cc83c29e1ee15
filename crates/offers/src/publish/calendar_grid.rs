//! Month grids for timetable pages: weeks (Monday–Sunday, with ISO week numbers) × days,
//! each day with its sessions. Pure data; the web template renders it as an accessible
//! `<table>` (weekday column headers, the ISO week as row header).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use lernweg_planner::{ClockTime, PlannedSession, SessionKind};

/// A calendar month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl YearMonth {
    /// `None` unless `month` is 1–12 and the year is one chrono supports.
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|_| YearMonth { year, month })
    }

    /// The month of a date.
    pub fn of(date: NaiveDate) -> YearMonth {
        YearMonth {
            year: date.year(),
            month: date.month(),
        }
    }

    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.year, self.month, 1).expect("checked in new")
    }

    pub fn last_day(self) -> NaiveDate {
        self.next().first_day() - Duration::days(1)
    }

    pub fn next(self) -> YearMonth {
        if self.month == 12 {
            YearMonth {
                year: self.year + 1,
                month: 1,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    pub fn prev(self) -> YearMonth {
        if self.month == 1 {
            YearMonth {
                year: self.year - 1,
                month: 12,
            }
        } else {
            YearMonth {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// "2027-01", for URLs and ids.
    pub fn key(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// Parses "2027-01".
    pub fn parse(input: &str) -> Option<YearMonth> {
        let (y, m) = input.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        YearMonth::new(y.parse().ok()?, m.parse().ok()?)
    }
}

/// One session as the grid shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct GridSession {
    pub date: NaiveDate,
    /// `None` for self-paced units (due that day, no clock time).
    pub start: Option<ClockTime>,
    pub end: Option<ClockTime>,
    pub title: String,
    pub kind: SessionKind,
    pub cancelled: bool,
    /// The session's stable UID (for links and anchors); may be empty.
    pub uid: String,
}

impl GridSession {
    /// A planned session, not cancelled.
    pub fn from_planned(s: &PlannedSession) -> GridSession {
        GridSession {
            date: s.date,
            start: s.start,
            end: s.end,
            title: s.title.clone(),
            kind: s.kind,
            cancelled: false,
            uid: s.uid.clone(),
        }
    }
}

/// One day cell.
#[derive(Debug, Clone, PartialEq)]
pub struct GridDay {
    pub date: NaiveDate,
    pub weekday: Weekday,
    /// False for the leading and trailing days of the neighbouring months.
    pub in_month: bool,
    pub weekend: bool,
    /// Sessions of the day: untimed (self-paced) first, then by start time. Empty for days
    /// outside the month.
    pub sessions: Vec<GridSession>,
}

/// One row: an ISO week.
#[derive(Debug, Clone, PartialEq)]
pub struct GridWeek {
    /// ISO week-numbering year (differs from the calendar year around New Year).
    pub iso_year: i32,
    pub iso_week: u32,
    /// Monday to Sunday.
    pub days: Vec<GridDay>,
}

/// A month as a table of weeks.
#[derive(Debug, Clone, PartialEq)]
pub struct MonthGrid {
    pub month: YearMonth,
    pub prev: YearMonth,
    pub next: YearMonth,
    /// Four to six weeks.
    pub weeks: Vec<GridWeek>,
    /// Sessions in the month (not cancelled ones).
    pub session_count: usize,
    pub cancelled_count: usize,
}

/// The grid of a month with the sessions that fall into it (sessions of other months are
/// ignored). `None` for an invalid month.
pub fn month_grid(year: i32, month: u32, sessions: &[GridSession]) -> Option<MonthGrid> {
    let ym = YearMonth::new(year, month)?;
    let (first, last) = (ym.first_day(), ym.last_day());
    let start = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    let end = last + Duration::days(i64::from(6 - last.weekday().num_days_from_monday()));
    let mut in_month: Vec<&GridSession> = sessions
        .iter()
        .filter(|s| first <= s.date && s.date <= last)
        .collect();
    in_month.sort_by(|a, b| {
        (a.date, a.start, a.end, &a.title).cmp(&(b.date, b.start, b.end, &b.title))
    });
    let mut weeks = Vec::new();
    let mut monday = start;
    while monday <= end {
        let iso = monday.iso_week();
        let days = (0..7)
            .map(|i| {
                let date = monday + Duration::days(i);
                let inside = first <= date && date <= last;
                GridDay {
                    date,
                    weekday: date.weekday(),
                    in_month: inside,
                    weekend: matches!(date.weekday(), Weekday::Sat | Weekday::Sun),
                    sessions: in_month
                        .iter()
                        .filter(|s| s.date == date)
                        .map(|s| (*s).clone())
                        .collect(),
                }
            })
            .collect();
        weeks.push(GridWeek {
            iso_year: iso.year(),
            iso_week: iso.week(),
            days,
        });
        monday += Duration::days(7);
    }
    Some(MonthGrid {
        month: ym,
        prev: ym.prev(),
        next: ym.next(),
        weeks,
        session_count: in_month.iter().filter(|s| !s.cancelled).count(),
        cancelled_count: in_month.iter().filter(|s| s.cancelled).count(),
    })
}

/// The months from `start`'s to `end`'s, both included; empty when `end < start`.
pub fn months_between(start: NaiveDate, end: NaiveDate) -> Vec<YearMonth> {
    let mut out = Vec::new();
    if end < start {
        return out;
    }
    let (mut m, last) = (YearMonth::of(start), YearMonth::of(end));
    while m <= last {
        out.push(m);
        m = m.next();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(h: u16, m: u16) -> Option<ClockTime> {
        ClockTime::new(h, m)
    }

    fn session(date: NaiveDate, start: Option<ClockTime>, title: &str) -> GridSession {
        GridSession {
            date,
            start,
            end: start.and_then(|s| ClockTime::from_minutes(s.minutes() + 180)),
            title: title.into(),
            kind: SessionKind::Lesson,
            cancelled: false,
            uid: String::new(),
        }
    }

    fn check_shape(g: &MonthGrid) {
        let ym = g.month;
        for w in &g.weeks {
            assert_eq!(w.days.len(), 7);
            assert_eq!(w.days[0].weekday, Weekday::Mon);
            assert_eq!(w.days[6].weekday, Weekday::Sun);
            for day in &w.days {
                assert_eq!(day.in_month, YearMonth::of(day.date) == ym);
                assert_eq!(day.date.iso_week().week(), w.iso_week);
            }
        }
        let inside: usize = g
            .weeks
            .iter()
            .flat_map(|w| &w.days)
            .filter(|d| d.in_month)
            .count();
        assert_eq!(inside as u32, ym.last_day().day());
        assert!(g.weeks[0].days.iter().any(|d| d.date == ym.first_day()));
        assert!(
            g.weeks
                .last()
                .unwrap()
                .days
                .iter()
                .any(|d| d.date == ym.last_day())
        );
    }

    #[test]
    fn month_starting_on_sunday_has_six_weeks() {
        // 1 August 2027 is a Sunday: six rows, the first with six July days.
        assert_eq!(d(2027, 8, 1).weekday(), Weekday::Sun);
        let g = month_grid(2027, 8, &[]).unwrap();
        check_shape(&g);
        assert_eq!(g.weeks.len(), 6);
        assert_eq!(g.weeks[0].days[0].date, d(2027, 7, 26));
        assert_eq!(g.weeks[0].days.iter().filter(|d| !d.in_month).count(), 6);
        assert_eq!(g.weeks[0].iso_week, 30);
        assert_eq!(g.weeks[5].days[6].date, d(2027, 9, 5));
    }

    #[test]
    fn february_in_a_leap_year_and_four_week_february() {
        let g = month_grid(2028, 2, &[]).unwrap();
        check_shape(&g);
        assert_eq!(g.month.last_day(), d(2028, 2, 29));
        assert_eq!(g.weeks.len(), 5);
        assert_eq!(g.weeks[0].days[0].date, d(2028, 1, 31));
        assert!(!g.weeks[0].days[0].in_month);
        // February 2027 starts on a Monday and has 28 days: exactly four weeks, no padding.
        let g = month_grid(2027, 2, &[]).unwrap();
        check_shape(&g);
        assert_eq!(g.weeks.len(), 4);
        assert!(g.weeks.iter().flat_map(|w| &w.days).all(|d| d.in_month));
    }

    #[test]
    fn iso_weeks_across_new_year() {
        // 1 January 2027 is a Friday and belongs to ISO week 53 of 2026.
        let g = month_grid(2027, 1, &[]).unwrap();
        check_shape(&g);
        assert_eq!((g.weeks[0].iso_year, g.weeks[0].iso_week), (2026, 53));
        assert_eq!((g.weeks[1].iso_year, g.weeks[1].iso_week), (2027, 1));
        assert_eq!(g.prev, YearMonth::new(2026, 12).unwrap());
        assert_eq!(g.next, YearMonth::new(2027, 2).unwrap());
        // December 2024 ends in ISO week 1 of 2025.
        let g = month_grid(2024, 12, &[]).unwrap();
        check_shape(&g);
        let last = g.weeks.last().unwrap();
        assert_eq!((last.iso_year, last.iso_week), (2025, 1));
        assert_eq!(g.next, YearMonth::new(2025, 1).unwrap());
    }

    #[test]
    fn sessions_land_on_their_day_in_order() {
        let mut cancelled = session(d(2027, 3, 2), t(18, 0), "Ausfall");
        cancelled.cancelled = true;
        let sessions = vec![
            session(d(2027, 3, 4), t(18, 0), "Abend"),
            session(d(2027, 3, 4), None, "Lernnugget"),
            session(d(2027, 3, 4), t(9, 0), "Morgen"),
            cancelled,
            // Leading day of the grid (March 2027 starts on a Monday, so none), trailing day
            // 1 April: shown as a neighbour day, without sessions.
            session(d(2027, 4, 1), t(18, 0), "April"),
        ];
        let g = month_grid(2027, 3, &sessions).unwrap();
        check_shape(&g);
        let day = |date| {
            g.weeks
                .iter()
                .flat_map(|w| &w.days)
                .find(|x| x.date == date)
                .unwrap()
        };
        let titles: Vec<_> = day(d(2027, 3, 4))
            .sessions
            .iter()
            .map(|s| s.title.as_str())
            .collect();
        assert_eq!(titles, ["Lernnugget", "Morgen", "Abend"]);
        assert!(day(d(2027, 3, 2)).sessions[0].cancelled);
        assert!(!day(d(2027, 4, 1)).in_month);
        assert!(day(d(2027, 4, 1)).sessions.is_empty());
        assert_eq!((g.session_count, g.cancelled_count), (3, 1));
        assert!(day(d(2027, 3, 6)).weekend && !day(d(2027, 3, 5)).weekend);
    }

    #[test]
    fn invalid_months_and_month_ranges() {
        assert!(month_grid(2027, 13, &[]).is_none());
        assert!(month_grid(2027, 0, &[]).is_none());
        let months = months_between(d(2026, 11, 30), d(2027, 2, 1));
        let keys: Vec<_> = months.iter().map(|m| m.key()).collect();
        assert_eq!(keys, ["2026-11", "2026-12", "2027-01", "2027-02"]);
        assert_eq!(months_between(d(2027, 5, 3), d(2027, 5, 30)).len(), 1);
        assert!(months_between(d(2027, 5, 3), d(2027, 4, 30)).is_empty());
        assert_eq!(YearMonth::parse("2027-02"), YearMonth::new(2027, 2));
        assert_eq!(YearMonth::parse("2027-13"), None);
        assert_eq!(YearMonth::parse("27-1"), None);
    }
}
