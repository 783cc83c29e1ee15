//! Monitoring (issue 17, point 1; MISSION §1): was a cohort run as it was designed? Offers
//! designed part-time are often not run part-time. The app layer gathers, per cohort and
//! period, a [`Tally`] of what happened — session hours of the people with recorded working
//! times and how many of them fell into those working times, release asked and agreed,
//! sessions moved and cancelled with their reasons, attendance, drop-outs, weekly load, the
//! publication horizon — and [`Figures::of`] turns it into the figures and the flag.
//!
//! The rules:
//! - `working_time_share`: of the session hours each person with recorded working times was
//!   due to attend (held, not cancelled, with clock times), the share inside their shifts.
//! - `unreleased_share`: the same, less the hours the employers agreed to release: hours in
//!   working time that nobody had made free.
//! - A cohort designed part-time (synchronous, asynchronous or mixed) whose unreleased share
//!   is above the set share ([`DEFAULT_MAX_WORKING_TIME_SHARE`] unless the caller sets
//!   another) was **not run part-time**; `run_part_time` is false for it and for a design
//!   that is not part-time at all.
//! - `attendance_rate`: present of all recorded (excused counts as not present); `None`
//!   without records.
//! - Tallies add up (provider, network); a group of fewer than [`MIN_GROUP`] people is
//!   suppressed in the network view.

use std::collections::BTreeMap;

use serde::Serialize;

use crate::classification::PartTimeClass;

/// The share of hours in working time (without agreed release) above which a part-time
/// design counts as not run part-time.
pub const DEFAULT_MAX_WORKING_TIME_SHARE: f64 = 0.2;
/// Groups with fewer people are not shown across providers.
pub const MIN_GROUP: usize = 5;

/// What happened in a cohort (or several) in a period; every field adds up.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Tally {
    pub cohorts: usize,
    /// Cohorts designed part-time, and of them those whose unreleased share was too high.
    pub designed_part_time: usize,
    pub flagged: usize,
    /// Enrolled people (interested ones not counted).
    pub people: usize,
    /// Of them, with recorded working times.
    pub with_working_times: usize,
    pub held_sessions: usize,
    pub held_hours: f64,
    /// Σ over people with working times of the held session hours with clock times.
    pub person_hours: f64,
    /// Of those, inside the person's shifts.
    pub person_hours_in_work: f64,
    /// Release asked, agreed and declined (hours of release dates in the period).
    pub release_needed_hours: f64,
    pub release_agreed_hours: f64,
    pub release_declined_hours: f64,
    pub moved_sessions: usize,
    pub cancelled_sessions: usize,
    /// Reason → (moved, cancelled).
    pub change_reasons: BTreeMap<String, (usize, usize)>,
    pub present: usize,
    pub excused: usize,
    pub absent: usize,
    pub dropouts: usize,
    /// Reason code → count.
    pub dropout_reasons: BTreeMap<String, usize>,
    /// Drop-outs known to have stayed employed, known not to have.
    pub dropouts_stayed_employed: usize,
    pub dropouts_left_employment: usize,
    /// Σ of each person's average weekly load, and the highest week of anyone.
    pub load_sum: f64,
    pub load_people: usize,
    pub peak_weekly_load: f64,
    /// Dates published with less than the provider's minimum lead, and the dates counted.
    pub dates_short: usize,
    pub dates_dated: usize,
    pub shortest_lead_weeks: Option<i64>,
}

impl Tally {
    /// Adds another tally (a provider's cohorts, the network's providers).
    pub fn add(&mut self, o: &Tally) {
        self.cohorts += o.cohorts;
        self.designed_part_time += o.designed_part_time;
        self.flagged += o.flagged;
        self.people += o.people;
        self.with_working_times += o.with_working_times;
        self.held_sessions += o.held_sessions;
        self.held_hours += o.held_hours;
        self.person_hours += o.person_hours;
        self.person_hours_in_work += o.person_hours_in_work;
        self.release_needed_hours += o.release_needed_hours;
        self.release_agreed_hours += o.release_agreed_hours;
        self.release_declined_hours += o.release_declined_hours;
        self.moved_sessions += o.moved_sessions;
        self.cancelled_sessions += o.cancelled_sessions;
        for (r, (m, c)) in &o.change_reasons {
            let e = self.change_reasons.entry(r.clone()).or_default();
            e.0 += m;
            e.1 += c;
        }
        self.present += o.present;
        self.excused += o.excused;
        self.absent += o.absent;
        self.dropouts += o.dropouts;
        for (r, n) in &o.dropout_reasons {
            *self.dropout_reasons.entry(r.clone()).or_default() += n;
        }
        self.dropouts_stayed_employed += o.dropouts_stayed_employed;
        self.dropouts_left_employment += o.dropouts_left_employment;
        self.load_sum += o.load_sum;
        self.load_people += o.load_people;
        self.peak_weekly_load = self.peak_weekly_load.max(o.peak_weekly_load);
        self.dates_short += o.dates_short;
        self.dates_dated += o.dates_dated;
        self.shortest_lead_weeks = match (self.shortest_lead_weeks, o.shortest_lead_weeks) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        };
    }

    /// Whether the group is large enough to be shown across providers.
    pub fn shown_across_providers(&self) -> bool {
        self.people >= MIN_GROUP
    }
}

/// The figures of a tally.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figures {
    pub working_time_share: f64,
    pub unreleased_share: f64,
    /// Present of all recorded; `None` without records.
    pub attendance_rate: Option<f64>,
    pub avg_weekly_load: Option<f64>,
    pub peak_weekly_load: Option<f64>,
    /// Every date in the period was published with at least the minimum lead (`None`: no
    /// published date).
    pub horizon_reached: Option<bool>,
}

fn ratio(a: f64, b: f64) -> f64 {
    if b > 0.0 {
        round3((a / b).clamp(0.0, 1.0))
    } else {
        0.0
    }
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

impl Figures {
    pub fn of(t: &Tally) -> Figures {
        let recorded = t.present + t.excused + t.absent;
        let unreleased = (t.person_hours_in_work - t.release_agreed_hours).max(0.0);
        Figures {
            working_time_share: ratio(t.person_hours_in_work, t.person_hours),
            unreleased_share: ratio(unreleased, t.person_hours),
            attendance_rate: (recorded > 0).then(|| ratio(t.present as f64, recorded as f64)),
            avg_weekly_load: (t.load_people > 0)
                .then(|| (t.load_sum / t.load_people as f64 * 10.0).round() / 10.0),
            peak_weekly_load: (t.load_people > 0)
                .then(|| (t.peak_weekly_load * 10.0).round() / 10.0),
            horizon_reached: (t.dates_dated > 0).then_some(t.dates_short == 0),
        }
    }
}

/// Whether a cohort of this design, with this tally, was run part-time (`max_share`: the set
/// share of hours in working time without agreed release).
pub fn run_part_time(designed: PartTimeClass, t: &Tally, max_share: f64) -> bool {
    designed.is_part_time() && Figures::of(t).unreleased_share <= max_share
}

/// Finishes a cohort's tally: counts it, and whether it was designed part-time and flagged.
pub fn close_cohort(designed: PartTimeClass, t: &mut Tally, max_share: f64) -> bool {
    let run = run_part_time(designed, t, max_share);
    t.cohorts = 1;
    t.designed_part_time = usize::from(designed.is_part_time());
    t.flagged = usize::from(designed.is_part_time() && !run);
    run
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tally(person_hours: f64, in_work: f64, agreed: f64) -> Tally {
        Tally {
            people: 3,
            person_hours,
            person_hours_in_work: in_work,
            release_agreed_hours: agreed,
            ..Tally::default()
        }
    }

    #[test]
    fn a_part_time_design_run_in_working_time_is_flagged() {
        let mut t = tally(100.0, 30.0, 0.0);
        assert_eq!(Figures::of(&t).working_time_share, 0.3);
        assert!(!close_cohort(PartTimeClass::Asynchronous, &mut t, 0.2));
        assert_eq!((t.cohorts, t.designed_part_time, t.flagged), (1, 1, 1));
        // Exactly at the set share is still part-time; released hours do not count.
        assert!(run_part_time(
            PartTimeClass::Mixed,
            &tally(100.0, 20.0, 0.0),
            0.2
        ));
        let mut released = tally(100.0, 60.0, 50.0);
        assert_eq!(Figures::of(&released).unreleased_share, 0.1);
        assert!(close_cohort(PartTimeClass::Synchronous, &mut released, 0.2));
        assert_eq!(released.flagged, 0);
        // A design that is not part-time is never "run part-time" and never flagged.
        let mut full = tally(100.0, 0.0, 0.0);
        assert!(!close_cohort(PartTimeClass::NotPartTime, &mut full, 0.2));
        assert_eq!((full.designed_part_time, full.flagged), (0, 0));
    }

    #[test]
    fn figures_without_data_are_empty_not_zero() {
        let f = Figures::of(&Tally::default());
        assert_eq!(f.working_time_share, 0.0);
        assert_eq!(f.attendance_rate, None);
        assert_eq!(f.avg_weekly_load, None);
        assert_eq!(f.horizon_reached, None);
        let t = Tally {
            present: 7,
            excused: 2,
            absent: 1,
            dates_dated: 4,
            dates_short: 1,
            load_sum: 61.0,
            load_people: 2,
            peak_weekly_load: 44.5,
            ..Tally::default()
        };
        let f = Figures::of(&t);
        assert_eq!(f.attendance_rate, Some(0.7));
        assert_eq!(f.avg_weekly_load, Some(30.5));
        assert_eq!(f.peak_weekly_load, Some(44.5));
        assert_eq!(f.horizon_reached, Some(false));
    }

    #[test]
    fn tallies_add_up_and_small_groups_are_suppressed() {
        let mut a = tally(10.0, 5.0, 1.0);
        a.change_reasons.insert("Krankheit".into(), (1, 2));
        a.dropout_reasons.insert("workload".into(), 1);
        a.shortest_lead_weeks = Some(12);
        a.peak_weekly_load = 40.0;
        let mut b = tally(30.0, 5.0, 0.0);
        b.change_reasons.insert("Krankheit".into(), (0, 1));
        b.shortest_lead_weeks = Some(30);
        b.peak_weekly_load = 45.0;
        let mut sum = Tally::default();
        sum.add(&a);
        sum.add(&b);
        assert_eq!(sum.people, 6);
        assert_eq!(sum.person_hours, 40.0);
        assert_eq!(sum.change_reasons["Krankheit"], (1, 3));
        assert_eq!(sum.dropout_reasons["workload"], 1);
        assert_eq!(sum.shortest_lead_weeks, Some(12));
        assert_eq!(sum.peak_weekly_load, 45.0);
        assert_eq!(Figures::of(&sum).working_time_share, 0.25);
        assert!(!a.shown_across_providers(), "3 people");
        assert!(sum.shown_across_providers(), "6 people");
    }
}
