//! Statewide public holidays (gesetzliche Feiertage) of the 16 German states, 1995–2100.
//!
//! Only holidays that apply in the whole state are listed. Days that only some municipalities
//! keep (Mariä Himmelfahrt in Catholic parts of Bavaria, Fronleichnam in parts of Saxony and
//! Thuringia, the Augsburger Friedensfest) are deliberately absent: a timetable for a whole
//! state must not depend on the town.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use lernweg_domain::State;
use serde::Serialize;

use crate::PlannerError;

/// First year with known rules (after the Buß- und Bettag reform of 1995).
pub const FIRST_YEAR: i32 = 1995;
/// Last supported year.
pub const LAST_YEAR: i32 = 2100;

/// One public holiday.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct PublicHoliday {
    pub date: NaiveDate,
    /// German name, e.g. "Tag der Deutschen Einheit".
    pub name: &'static str,
}

/// Easter Sunday of the Gregorian calendar (anonymous Gregorian algorithm, "Meeus/Jones/Butcher").
pub fn easter_sunday(year: i32) -> NaiveDate {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(year, month as u32, day as u32)
}

/// Buß- und Bettag: the Wednesday before 23 November (between 16 and 22 November).
pub fn buss_und_bettag(year: i32) -> NaiveDate {
    let nov22 = ymd(year, 11, 22);
    let back =
        (nov22.weekday().num_days_from_monday() + 7 - Weekday::Wed.num_days_from_monday()) % 7;
    nov22 - Duration::days(i64::from(back))
}

fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).expect("valid calendar date")
}

/// When a holiday applies.
#[derive(Clone, Copy)]
enum Day {
    Fixed(u32, u32),
    /// Days after Easter Sunday (negative: before).
    Easter(i64),
    BussUndBettag,
}

/// Which states, from which year to which year (inclusive).
#[derive(Clone, Copy)]
struct Rule {
    name: &'static str,
    day: Day,
    states: &'static [State],
    from: i32,
    to: i32,
}

use State::*;

const ALL: &[State] = &State::ALL;

#[rustfmt::skip]
const RULES: &[Rule] = &[
    Rule { name: "Neujahr", day: Day::Fixed(1, 1), states: ALL, from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Heilige Drei Könige", day: Day::Fixed(1, 6), states: &[BW, BY, ST], from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Internationaler Frauentag", day: Day::Fixed(3, 8), states: &[BE], from: 2019, to: LAST_YEAR },
    Rule { name: "Internationaler Frauentag", day: Day::Fixed(3, 8), states: &[MV], from: 2023, to: LAST_YEAR },
    Rule { name: "Karfreitag", day: Day::Easter(-2), states: ALL, from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Ostersonntag", day: Day::Easter(0), states: &[BB], from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Ostermontag", day: Day::Easter(1), states: ALL, from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Tag der Arbeit", day: Day::Fixed(5, 1), states: ALL, from: FIRST_YEAR, to: LAST_YEAR },
    // One-off days: 75th and 80th anniversary of the end of the Second World War in Europe.
    Rule { name: "Tag der Befreiung", day: Day::Fixed(5, 8), states: &[BE], from: 2020, to: 2020 },
    Rule { name: "Tag der Befreiung", day: Day::Fixed(5, 8), states: &[BE], from: 2025, to: 2025 },
    // One-off: 75th anniversary of the uprising of 17 June 1953 (a Saturday).
    Rule { name: "75. Jahrestag des Aufstandes vom 17. Juni 1953", day: Day::Fixed(6, 17), states: &[BE], from: 2028, to: 2028 },
    Rule { name: "Christi Himmelfahrt", day: Day::Easter(39), states: ALL, from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Pfingstsonntag", day: Day::Easter(49), states: &[BB], from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Pfingstmontag", day: Day::Easter(50), states: ALL, from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Fronleichnam", day: Day::Easter(60), states: &[BW, BY, HE, NW, RP, SL], from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Mariä Himmelfahrt", day: Day::Fixed(8, 15), states: &[SL], from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Weltkindertag", day: Day::Fixed(9, 20), states: &[TH], from: 2019, to: LAST_YEAR },
    Rule { name: "Tag der Deutschen Einheit", day: Day::Fixed(10, 3), states: ALL, from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Reformationstag", day: Day::Fixed(10, 31), states: &[BB, MV, SN, ST, TH], from: FIRST_YEAR, to: LAST_YEAR },
    // 500 years of the Reformation: a holiday in every state in 2017 only.
    Rule { name: "Reformationstag", day: Day::Fixed(10, 31), states: &[BW, BY, BE, HB, HH, HE, NI, NW, RP, SL, SH], from: 2017, to: 2017 },
    Rule { name: "Reformationstag", day: Day::Fixed(10, 31), states: &[HB, HH, NI, SH], from: 2018, to: LAST_YEAR },
    Rule { name: "Allerheiligen", day: Day::Fixed(11, 1), states: &[BW, BY, NW, RP, SL], from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "Buß- und Bettag", day: Day::BussUndBettag, states: &[SN], from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "1. Weihnachtstag", day: Day::Fixed(12, 25), states: ALL, from: FIRST_YEAR, to: LAST_YEAR },
    Rule { name: "2. Weihnachtstag", day: Day::Fixed(12, 26), states: ALL, from: FIRST_YEAR, to: LAST_YEAR },
];

/// Checks that `year` lies in 1995..=2100.
pub fn check_year(year: i32) -> Result<(), PlannerError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&year) {
        Ok(())
    } else {
        Err(PlannerError::YearOutOfRange(year))
    }
}

/// The statewide public holidays of `state` in `year`, sorted by date.
///
/// Returns an empty list for years outside 1995–2100; use [`check_year`] to report those.
pub fn statewide(state: State, year: i32) -> Vec<PublicHoliday> {
    if check_year(year).is_err() {
        return Vec::new();
    }
    let easter = easter_sunday(year);
    let mut days: Vec<PublicHoliday> = RULES
        .iter()
        .filter(|r| r.from <= year && year <= r.to && r.states.contains(&state))
        .map(|r| PublicHoliday {
            date: match r.day {
                Day::Fixed(m, d) => ymd(year, m, d),
                Day::Easter(offset) => easter + Duration::days(offset),
                Day::BussUndBettag => buss_und_bettag(year),
            },
            name: r.name,
        })
        .collect();
    days.sort();
    days
}

/// Fast lookup of holidays for one state across years, filled lazily.
#[derive(Debug, Clone)]
pub struct HolidayCalendar {
    state: State,
    /// Index `year - FIRST_YEAR`; `None` until the year is first asked for.
    years: Vec<Option<Vec<NaiveDate>>>,
}

impl HolidayCalendar {
    pub fn new(state: State) -> Self {
        HolidayCalendar {
            state,
            years: vec![None; (LAST_YEAR - FIRST_YEAR + 1) as usize],
        }
    }

    pub fn state(&self) -> State {
        self.state
    }

    /// Whether `date` is a statewide public holiday. Dates outside 1995–2100 are never holidays
    /// here; the planner refuses to plan into them.
    pub fn is_holiday(&mut self, date: NaiveDate) -> bool {
        let year = date.year();
        if check_year(year).is_err() {
            return false;
        }
        let state = self.state;
        let slot = &mut self.years[(year - FIRST_YEAR) as usize];
        slot.get_or_insert_with(|| statewide(state, year).into_iter().map(|h| h.date).collect())
            .contains(&date)
    }

    /// The name of the holiday on `date`, if any.
    pub fn name(&self, date: NaiveDate) -> Option<&'static str> {
        statewide(self.state, date.year())
            .into_iter()
            .find(|h| h.date == date)
            .map(|h| h.name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn names(state: State, year: i32) -> Vec<(String, &'static str)> {
        statewide(state, year)
            .into_iter()
            .map(|h| (h.date.to_string(), h.name))
            .collect()
    }

    fn has(state: State, year: i32, name: &str) -> bool {
        statewide(state, year).iter().any(|h| h.name == name)
    }

    #[test]
    fn easter_dates() {
        for (year, date) in [
            (1995, "1995-04-16"),
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2100, "2100-03-28"),
        ] {
            assert_eq!(easter_sunday(year), d(date), "Easter {year}");
        }
    }

    #[test]
    fn buss_und_bettag_dates() {
        for (year, date) in [
            (1995, "1995-11-22"),
            (2017, "2017-11-22"),
            (2022, "2022-11-16"),
            (2024, "2024-11-20"),
            (2027, "2027-11-17"),
        ] {
            assert_eq!(buss_und_bettag(year), d(date));
        }
        for year in FIRST_YEAR..=LAST_YEAR {
            let b = buss_und_bettag(year);
            assert_eq!(b.weekday(), Weekday::Wed);
            assert!((16..=22).contains(&b.day()) && b.month() == 11);
        }
    }

    #[test]
    fn bavaria_2027_is_exact() {
        let expected = vec![
            ("2027-01-01", "Neujahr"),
            ("2027-01-06", "Heilige Drei Könige"),
            ("2027-03-26", "Karfreitag"),
            ("2027-03-29", "Ostermontag"),
            ("2027-05-01", "Tag der Arbeit"),
            ("2027-05-06", "Christi Himmelfahrt"),
            ("2027-05-17", "Pfingstmontag"),
            ("2027-05-27", "Fronleichnam"),
            ("2027-10-03", "Tag der Deutschen Einheit"),
            ("2027-11-01", "Allerheiligen"),
            ("2027-12-25", "1. Weihnachtstag"),
            ("2027-12-26", "2. Weihnachtstag"),
        ];
        let got = names(State::BY, 2027);
        let got: Vec<(&str, &str)> = got.iter().map(|(a, b)| (a.as_str(), *b)).collect();
        assert_eq!(got, expected);
        assert!(!has(State::BY, 2027, "Mariä Himmelfahrt"));
    }

    #[test]
    fn counts_per_state_2024() {
        // Known numbers of statewide holidays in 2024.
        #[rustfmt::skip]
        let expected = [
            (BW, 12), (BY, 12), (BE, 10), (BB, 12), (HB, 10), (HH, 10), (HE, 10), (MV, 11),
            (NI, 10), (NW, 11), (RP, 11), (SL, 12), (SN, 11), (ST, 11), (SH, 10), (TH, 11),
        ];
        for (state, n) in expected {
            assert_eq!(statewide(state, 2024).len(), n, "{state}");
        }
    }

    #[test]
    fn change_years() {
        // Reformationstag.
        for st in [BB, MV, SN, ST, TH] {
            assert!(has(st, 1995, "Reformationstag") && has(st, 2016, "Reformationstag"));
        }
        for st in State::ALL {
            assert!(has(st, 2017, "Reformationstag"), "{st} 2017");
        }
        for st in [HB, HH, NI, SH] {
            assert!(!has(st, 2016, "Reformationstag"));
            assert!(has(st, 2018, "Reformationstag"));
        }
        for st in [BW, BY, BE, HE, NW, RP, SL] {
            assert!(!has(st, 2016, "Reformationstag"));
            assert!(!has(st, 2018, "Reformationstag"));
        }
        // Frauentag.
        assert!(!has(BE, 2018, "Internationaler Frauentag"));
        assert!(has(BE, 2019, "Internationaler Frauentag"));
        assert!(!has(MV, 2022, "Internationaler Frauentag"));
        assert!(has(MV, 2023, "Internationaler Frauentag"));
        // Weltkindertag.
        assert!(!has(TH, 2018, "Weltkindertag"));
        assert!(has(TH, 2019, "Weltkindertag"));
        // Tag der Befreiung: two one-off days in Berlin.
        let befreiung: Vec<i32> = (FIRST_YEAR..=LAST_YEAR)
            .filter(|&y| has(BE, y, "Tag der Befreiung"))
            .collect();
        assert_eq!(befreiung, vec![2020, 2025]);
        assert!(
            statewide(BE, 2028)
                .iter()
                .any(|h| h.date == d("2028-06-17"))
        );
        assert!(
            !statewide(BE, 2027)
                .iter()
                .any(|h| h.date == d("2027-06-17"))
        );
        // Brandenburg keeps the Sundays.
        assert!(statewide(BB, 2027).contains(&PublicHoliday {
            date: d("2027-03-28"),
            name: "Ostersonntag"
        }));
        assert!(statewide(BB, 2027).contains(&PublicHoliday {
            date: d("2027-05-16"),
            name: "Pfingstsonntag"
        }));
        // Municipal holidays are not statewide.
        for st in State::ALL {
            assert_eq!(has(st, 2027, "Mariä Himmelfahrt"), st == SL);
            assert_eq!(
                has(st, 2027, "Fronleichnam"),
                [BW, BY, HE, NW, RP, SL].contains(&st)
            );
            assert_eq!(has(st, 2027, "Buß- und Bettag"), st == SN);
            assert_eq!(
                has(st, 2027, "Heilige Drei Könige"),
                [BW, BY, ST].contains(&st)
            );
            assert_eq!(
                has(st, 2027, "Allerheiligen"),
                [BW, BY, NW, RP, SL].contains(&st)
            );
        }
    }

    #[test]
    fn ascension_and_labour_day_2008_are_both_listed() {
        let may1: Vec<_> = statewide(HH, 2008)
            .into_iter()
            .filter(|h| h.date == d("2008-05-01"))
            .collect();
        assert_eq!(may1.len(), 2);
    }

    #[test]
    fn year_range() {
        assert!(statewide(BY, 1994).is_empty());
        assert!(statewide(BY, 2101).is_empty());
        assert_eq!(check_year(1994), Err(PlannerError::YearOutOfRange(1994)));
        assert!(check_year(2100).is_ok());
        assert_eq!(statewide(BY, 2100).len(), 12);
    }

    #[test]
    fn sorted_and_unique() {
        for st in State::ALL {
            for year in FIRST_YEAR..=LAST_YEAR {
                let days = statewide(st, year);
                assert!(days.windows(2).all(|w| w[0] < w[1]), "{st} {year}");
            }
        }
    }

    #[test]
    fn calendar_lookup() {
        let mut cal = HolidayCalendar::new(NW);
        assert!(cal.is_holiday(d("2027-05-27")));
        assert!(!cal.is_holiday(d("2027-05-28")));
        assert!(!cal.is_holiday(d("2200-01-01")));
        assert_eq!(cal.name(d("2027-11-01")), Some("Allerheiligen"));
    }
}
