//! The participant's working times (Schicht- / Dienstplan): fixed weekly shifts or a rotating
//! plan of several weeks repeating from an anchor date. Night shifts may cross midnight: a
//! shift whose end is not after its start ends on the next day.

use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime, Weekday};
use lernweg_planner::WorkWeeks;
use lernweg_planner::model::{ClockTime, WeeklySlot, parse_weekday, weekday_code};
use serde::{Deserialize, Serialize};

/// Most weeks a rotation may have.
pub const MAX_ROTATION_WEEKS: usize = 12;

/// One shift on a weekday, e.g. Mon 22:00–06:00 (ends Tuesday).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shift {
    pub weekday: Weekday,
    pub start: ClockTime,
    pub end: ClockTime,
}

impl Shift {
    /// `None` when start equals end (a shift of zero or 24 hours is not a shift).
    pub fn new(weekday: Weekday, start: ClockTime, end: ClockTime) -> Option<Shift> {
        (start != end).then_some(Shift {
            weekday,
            start,
            end,
        })
    }

    /// True if the shift ends on the next day.
    pub fn crosses_midnight(&self) -> bool {
        self.end <= self.start
    }

    pub fn minutes(&self) -> u32 {
        let (a, b) = (
            u32::from(self.start.minutes()),
            u32::from(self.end.minutes()),
        );
        if b > a { b - a } else { 24 * 60 - a + b }
    }

    pub fn hours(&self) -> f64 {
        f64::from(self.minutes()) / 60.0
    }

    /// Start and end as date-times when the shift starts on `date`.
    pub fn on(&self, date: NaiveDate) -> (NaiveDateTime, NaiveDateTime) {
        let start = date.and_time(self.start.to_naive());
        (start, start + Duration::minutes(i64::from(self.minutes())))
    }

    /// The planner's weekly slot of this shift.
    pub fn slot(&self) -> WeeklySlot {
        WeeklySlot::new(self.weekday, self.start, self.end)
    }

    /// The shift of a planner slot; `None` when start equals end.
    pub fn from_slot(slot: WeeklySlot) -> Option<Shift> {
        Shift::new(slot.weekday, slot.start, slot.end)
    }
}

#[derive(Serialize, Deserialize)]
struct ShiftRepr {
    weekday: String,
    start: String,
    end: String,
}

impl Serialize for Shift {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        ShiftRepr {
            weekday: weekday_code(self.weekday).to_owned(),
            start: self.start.to_string(),
            end: self.end.to_string(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Shift {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let r = ShiftRepr::deserialize(d)?;
        let weekday = parse_weekday(&r.weekday).map_err(D::Error::custom)?;
        let start = ClockTime::parse(&r.start).map_err(D::Error::custom)?;
        let end = ClockTime::parse(&r.end).map_err(D::Error::custom)?;
        Shift::new(weekday, start, end).ok_or_else(|| D::Error::custom("start equals end"))
    }
}

/// Working times. Serialized as `{"kind": "fixed", "shifts": […]}` or
/// `{"kind": "rotating", "anchor": "2026-01-05", "weeks": [[…], […]]}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", try_from = "PatternRepr")]
pub enum WorkPattern {
    /// The same shifts every week.
    Fixed { shifts: Vec<Shift> },
    /// Week 1 of `weeks` is the week (Monday to Sunday) that holds `anchor`, week 2 the next,
    /// and so on, repeating; dates before the anchor continue the rotation backwards.
    Rotating {
        anchor: NaiveDate,
        weeks: Vec<Vec<Shift>>,
    },
}

/// What JSON sends; checked into a [`WorkPattern`] (a rotation has 1 to 12 weeks).
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum PatternRepr {
    Fixed {
        shifts: Vec<Shift>,
    },
    Rotating {
        anchor: NaiveDate,
        weeks: Vec<Vec<Shift>>,
    },
}

impl TryFrom<PatternRepr> for WorkPattern {
    type Error = String;
    fn try_from(r: PatternRepr) -> Result<Self, String> {
        match r {
            PatternRepr::Fixed { shifts } => Ok(WorkPattern::Fixed { shifts }),
            PatternRepr::Rotating { anchor, weeks } => WorkPattern::rotating(anchor, weeks)
                .ok_or_else(|| format!("a rotation has 1 to {MAX_ROTATION_WEEKS} weeks")),
        }
    }
}

/// The Monday of the week (Monday to Sunday) that holds `date`.
pub fn monday_of(date: NaiveDate) -> NaiveDate {
    date - Duration::days(i64::from(date.weekday().num_days_from_monday()))
}

impl WorkPattern {
    /// A rotating plan; `None` with no weeks or more than [`MAX_ROTATION_WEEKS`]. One week
    /// becomes a fixed pattern.
    pub fn rotating(anchor: NaiveDate, mut weeks: Vec<Vec<Shift>>) -> Option<WorkPattern> {
        match weeks.len() {
            0 => None,
            1 => Some(WorkPattern::Fixed {
                shifts: weeks.remove(0),
            }),
            n if n > MAX_ROTATION_WEEKS => None,
            _ => Some(WorkPattern::Rotating { anchor, weeks }),
        }
    }

    /// The shifts of the week that holds `date`.
    pub fn week_of(&self, date: NaiveDate) -> &[Shift] {
        match self {
            WorkPattern::Fixed { shifts } => shifts,
            WorkPattern::Rotating { weeks, .. } if weeks.is_empty() => &[],
            WorkPattern::Rotating { anchor, weeks } => {
                let n = weeks.len() as i64;
                let diff = (monday_of(date) - monday_of(*anchor)).num_days() / 7;
                &weeks[diff.rem_euclid(n) as usize]
            }
        }
    }

    /// The shifts of each week of the cycle (one week for a fixed pattern).
    pub fn weeks(&self) -> Vec<&[Shift]> {
        match self {
            WorkPattern::Fixed { shifts } => vec![shifts.as_slice()],
            WorkPattern::Rotating { weeks, .. } => weeks.iter().map(Vec::as_slice).collect(),
        }
    }

    /// The Monday of week 1 of a rotation; `None` for a fixed pattern.
    pub fn anchor_monday(&self) -> Option<NaiveDate> {
        match self {
            WorkPattern::Fixed { .. } => None,
            WorkPattern::Rotating { anchor, .. } => Some(monday_of(*anchor)),
        }
    }

    /// The number of weeks in one cycle (1 for a fixed pattern).
    pub fn cycle_weeks(&self) -> usize {
        match self {
            WorkPattern::Fixed { .. } => 1,
            WorkPattern::Rotating { weeks, .. } => weeks.len(),
        }
    }

    /// Shifts that start on `date`, as (start, end); a night shift ends the next day.
    pub fn shifts_on(&self, date: NaiveDate) -> Vec<(NaiveDateTime, NaiveDateTime)> {
        let mut v: Vec<_> = self
            .week_of(date)
            .iter()
            .filter(|s| s.weekday == date.weekday())
            .map(|s| s.on(date))
            .collect();
        v.sort();
        v
    }

    /// True if some shift (also one from the day before that crosses midnight) covers any part
    /// of `from..to`.
    pub fn works_during(&self, from: NaiveDateTime, to: NaiveDateTime) -> bool {
        let day = from.date();
        [day - Duration::days(1), day, to.date()]
            .into_iter()
            .flat_map(|d| self.shifts_on(d))
            .any(|(a, b)| a < to && from < b)
    }

    /// Working hours of the week that holds `date` (shifts counted in the week they start).
    pub fn weekly_hours(&self, date: NaiveDate) -> f64 {
        self.week_of(date).iter().map(Shift::hours).sum()
    }

    /// Average weekly hours over the cycle.
    pub fn average_weekly_hours(&self) -> f64 {
        match self {
            WorkPattern::Fixed { shifts } => shifts.iter().map(Shift::hours).sum(),
            WorkPattern::Rotating { weeks, .. } => {
                let total: f64 = weeks.iter().flatten().map(Shift::hours).sum();
                total / weeks.len().max(1) as f64
            }
        }
    }

    /// The planner's weekly pattern for the week that holds `date` (the planner repeats one
    /// week); `travel_minutes` is the one-way commute per presence day.
    pub fn to_planner_week(
        &self,
        date: NaiveDate,
        travel_minutes: u32,
    ) -> lernweg_planner::WorkPattern {
        to_planner(self.week_of(date), travel_minutes)
    }

    /// The planner's weekly pattern from the heaviest week of the cycle: the cautious choice
    /// for the load check of a rotating plan.
    pub fn to_planner_heaviest(&self, travel_minutes: u32) -> lernweg_planner::WorkPattern {
        let week = match self {
            WorkPattern::Fixed { shifts } => shifts.as_slice(),
            // The first of equally heavy weeks (`max_by_key` keeps the last, hence `rev`).
            WorkPattern::Rotating { weeks, .. } => weeks
                .iter()
                .rev()
                .max_by_key(|w| w.iter().map(Shift::minutes).sum::<u32>())
                .map_or(&[][..], Vec::as_slice),
        };
        to_planner(week, travel_minutes)
    }
}

/// The participant's shifts week by week for the planner's weekly-load engine: the week of a
/// rotation that holds `monday`; the work is the shifts' hours.
impl WorkWeeks for WorkPattern {
    fn shifts(&self, monday: NaiveDate) -> Vec<WeeklySlot> {
        self.week_of(monday).iter().map(Shift::slot).collect()
    }
}

fn to_planner(shifts: &[Shift], travel_minutes: u32) -> lernweg_planner::WorkPattern {
    lernweg_planner::WorkPattern {
        weekly_hours: None,
        shifts: shifts.iter().map(Shift::slot).collect(),
        travel_minutes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> ClockTime {
        ClockTime::parse(s).unwrap()
    }
    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn week(from: &str, to: &str) -> Vec<Shift> {
        [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
        ]
        .into_iter()
        .map(|w| Shift::new(w, t(from), t(to)).unwrap())
        .collect()
    }

    /// Early / late / night, three weeks, starting Monday 2026-01-05.
    fn three_shift() -> WorkPattern {
        WorkPattern::rotating(
            d("2026-01-05"),
            vec![
                week("06:00", "14:00"),
                week("14:00", "22:00"),
                week("22:00", "06:00"),
            ],
        )
        .unwrap()
    }

    #[test]
    fn night_shift_crosses_midnight() {
        let s = Shift::new(Weekday::Fri, t("22:00"), t("06:00")).unwrap();
        assert!(s.crosses_midnight());
        assert_eq!(s.minutes(), 480);
        let (a, b) = s.on(d("2026-01-23"));
        assert_eq!(a.to_string(), "2026-01-23 22:00:00");
        assert_eq!(b.to_string(), "2026-01-24 06:00:00");
        assert!(Shift::new(Weekday::Mon, t("08:00"), t("08:00")).is_none());
    }

    #[test]
    fn rotation_follows_the_anchor_week() {
        let p = three_shift();
        // Wednesday of week 1, 2, 3, 4 (= week 1 again) and the week before the anchor (week 3).
        let start = |date: &str| p.shifts_on(d(date))[0].0.time().to_string();
        assert_eq!(start("2026-01-07"), "06:00:00");
        assert_eq!(start("2026-01-14"), "14:00:00");
        assert_eq!(start("2026-01-21"), "22:00:00");
        assert_eq!(start("2026-01-28"), "06:00:00");
        assert_eq!(start("2025-12-31"), "22:00:00");
        assert!(p.shifts_on(d("2026-01-10")).is_empty()); // Saturday
        assert_eq!(p.weekly_hours(d("2026-01-21")), 40.0);
        assert_eq!(p.average_weekly_hours(), 40.0);
        assert_eq!(p.cycle_weeks(), 3);
    }

    #[test]
    fn works_during_sees_the_night_shift_of_the_day_before() {
        let p = three_shift();
        // Night week: Friday 22:00 – Saturday 06:00; Saturday 05:00–07:00 overlaps.
        let sat = d("2026-01-24");
        let at = |h: u32| sat.and_hms_opt(h, 0, 0).unwrap();
        assert!(p.works_during(at(5), at(7)));
        assert!(!p.works_during(at(6), at(8)));
    }

    #[test]
    fn one_week_is_fixed_and_too_many_are_refused() {
        assert!(matches!(
            WorkPattern::rotating(d("2026-01-05"), vec![week("08:00", "16:00")]),
            Some(WorkPattern::Fixed { .. })
        ));
        assert!(WorkPattern::rotating(d("2026-01-05"), vec![]).is_none());
        assert!(WorkPattern::rotating(d("2026-01-05"), vec![vec![]; 13]).is_none());
    }

    #[test]
    fn converts_to_the_planner() {
        let p = three_shift();
        let w = p.to_planner_week(d("2026-01-21"), 30);
        assert_eq!(w.shifts.len(), 5);
        assert_eq!(w.shifts[0].start, t("22:00"));
        assert_eq!(w.travel_minutes, 30);
        let mut uneven = three_shift();
        if let WorkPattern::Rotating { weeks, .. } = &mut uneven {
            weeks[1].pop();
        }
        assert_eq!(uneven.to_planner_heaviest(0).shifts.len(), 5);
        assert_eq!(uneven.to_planner_heaviest(0).shifts[0].start, t("06:00"));
    }

    #[test]
    fn serde_round_trip() {
        let p = three_shift();
        let json = serde_json::to_string(&p).unwrap();
        assert!(json.starts_with(r#"{"kind":"rotating","anchor":"2026-01-05","weeks":[[{"weekday":"mon","start":"06:00","end":"14:00"}"#));
        let back: WorkPattern = serde_json::from_str(&json).unwrap();
        assert_eq!(back, p);
        let bad = r#"{"kind":"fixed","shifts":[{"weekday":"mon","start":"08:00","end":"08:00"}]}"#;
        assert!(serde_json::from_str::<WorkPattern>(bad).is_err());
        let empty = r#"{"kind":"rotating","anchor":"2026-01-05","weeks":[]}"#;
        assert!(serde_json::from_str::<WorkPattern>(empty).is_err());
    }
}
