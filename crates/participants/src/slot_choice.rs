//! Session times chosen for the shifts (issue 17, point 4): out of candidate weekly slots, the
//! set of `choose` slots that lets the most participants attend at least `threshold` of the
//! sessions (ties: the most attendable sessions in total), over the whole period — sessions
//! weekly on each chosen slot for `weeks` weeks from `start`, none on the state's public
//! holidays — with rotating and night shifts and each person's commute before and after a
//! session.
//!
//! Exact: a depth-first search over the candidates with a bound (each person's best possible
//! margin with the picks still open), which finds the optimum, not an approximation. Pure: no
//! I/O. The command's JSON is [`input`].

pub mod input;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use lernweg_domain::State;
use lernweg_planner::HolidayCalendar;
use lernweg_planner::model::ClockTime;

use crate::work_pattern::WorkPattern;

/// A weekly slot to choose from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub id: String,
    pub weekday: Weekday,
    pub start: ClockTime,
    pub end: ClockTime,
}

/// A person whose shifts decide what they can attend.
#[derive(Debug, Clone)]
pub struct Person {
    pub id: String,
    /// One way, before and after a session.
    pub travel_minutes: u32,
    pub pattern: WorkPattern,
}

/// The whole question.
#[derive(Debug, Clone)]
pub struct Problem {
    pub state: State,
    pub start: NaiveDate,
    pub weeks: u32,
    pub choose: usize,
    /// Share of the sessions a person must be able to attend (0–1).
    pub threshold: f64,
    pub candidates: Vec<Candidate>,
    pub people: Vec<Person>,
}

/// A set of chosen slots and what it gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Choice {
    /// Indexes into the candidates, ascending.
    pub chosen: Vec<usize>,
    pub participants_able: usize,
    pub attendable_sessions: u64,
    /// Per person (in input order): sessions they can attend, of all sessions of the set.
    pub per_person: Vec<(u32, u32)>,
}

/// The dates of a candidate's sessions: its weekday in each of the `weeks` weeks from `start`
/// (the first on or after `start`), leaving out public holidays.
pub fn session_dates(
    c: &Candidate,
    start: NaiveDate,
    weeks: u32,
    holidays: &mut HolidayCalendar,
) -> Vec<NaiveDate> {
    let offset = (7 + c.weekday.num_days_from_monday() as i64
        - start.weekday().num_days_from_monday() as i64)
        % 7;
    let first = start + Duration::days(offset);
    (0..weeks as i64)
        .map(|w| first + Duration::weeks(w))
        .filter(|d| !holidays.is_holiday(*d))
        .collect()
}

/// Whether a person can attend a session on `date`: no shift overlaps it widened by the
/// commute on both sides (a night shift of the day before counts).
pub fn can_attend(p: &Person, c: &Candidate, date: NaiveDate) -> bool {
    let travel = Duration::minutes(p.travel_minutes as i64);
    let from = date.and_time(c.start.to_naive()) - travel;
    let mut to = date.and_time(c.end.to_naive());
    if c.end <= c.start {
        to += Duration::days(1);
    }
    let to = to + travel;
    // As `WorkPattern::works_during`, without collecting the shifts of each day.
    let mut days = [from.date() - Duration::days(1), from.date(), to.date()];
    days.sort();
    let mut last = None;
    !days.into_iter().any(|day| {
        if last == Some(day) {
            return false;
        }
        last = Some(day);
        p.pattern
            .week_of(day)
            .iter()
            .filter(|s| s.weekday == day.weekday())
            .any(|s| {
                let (a, b) = s.on(day);
                a < to && from < b
            })
    })
}

/// How many of a candidate's `dates` a person can attend. Whether they can depends only on
/// the week of their rotation the date falls in (the candidate's weekday is fixed, so the day
/// before and after fall into weeks that follow from it): each rotation week is checked once.
#[cfg(test)]
fn attendable_count(p: &Person, c: &Candidate, dates: &[NaiveDate]) -> u32 {
    let weeks: Vec<i64> = dates.iter().map(|d| week_number(*d)).collect();
    attendable_in_weeks(p, c, dates, &weeks)
}

/// The number of the week (Monday to Sunday) that holds `d`, counted from a fixed Monday.
fn week_number(d: NaiveDate) -> i64 {
    (crate::work_pattern::monday_of(d) - NaiveDate::MIN)
        .num_days()
        .div_euclid(7)
}

/// [`attendable_count`] with the dates' week numbers computed once for everybody.
fn attendable_in_weeks(p: &Person, c: &Candidate, dates: &[NaiveDate], weeks: &[i64]) -> u32 {
    let cycle = p.pattern.cycle_weeks().max(1) as i64;
    let anchor = p.pattern.anchor_monday().map_or(0, week_number);
    let mut known: [Option<bool>; crate::work_pattern::MAX_ROTATION_WEEKS] =
        [None; crate::work_pattern::MAX_ROTATION_WEEKS];
    dates
        .iter()
        .zip(weeks)
        .filter(|(d, w)| {
            let k = (*w - anchor).rem_euclid(cycle) as usize;
            *known[k].get_or_insert_with(|| can_attend(p, c, **d))
        })
        .count() as u32
}

/// Per candidate, how many sessions it has and how many of them each person can attend.
pub struct Table {
    pub sessions: Vec<u32>,
    /// `attendable[person][candidate]`.
    pub attendable: Vec<Vec<u32>>,
}

impl Table {
    pub fn of(problem: &Problem) -> Table {
        let mut holidays = HolidayCalendar::new(problem.state);
        let dates: Vec<Vec<NaiveDate>> = problem
            .candidates
            .iter()
            .map(|c| session_dates(c, problem.start, problem.weeks, &mut holidays))
            .collect();
        let weeks: Vec<Vec<i64>> = dates
            .iter()
            .map(|ds| ds.iter().map(|d| week_number(*d)).collect())
            .collect();
        Table {
            sessions: dates.iter().map(|d| d.len() as u32).collect(),
            attendable: problem
                .people
                .iter()
                .map(|p| {
                    problem
                        .candidates
                        .iter()
                        .zip(dates.iter().zip(&weeks))
                        .map(|(c, (ds, ws))| attendable_in_weeks(p, c, ds, ws))
                        .collect()
                })
                .collect(),
        }
    }

    /// What a set gives.
    pub fn evaluate(&self, chosen: &[usize], threshold: f64) -> Choice {
        let total: u32 = chosen.iter().map(|&c| self.sessions[c]).sum();
        let per_person: Vec<(u32, u32)> = self
            .attendable
            .iter()
            .map(|row| (chosen.iter().map(|&c| row[c]).sum(), total))
            .collect();
        Choice {
            chosen: chosen.to_vec(),
            participants_able: per_person
                .iter()
                .filter(|(a, t)| able(*a, *t, threshold))
                .count(),
            attendable_sessions: per_person.iter().map(|(a, _)| *a as u64).sum(),
            per_person,
        }
    }
}

/// Whether `attendable` of `total` sessions reaches the threshold (a set without sessions
/// lets nobody attend).
fn able(attendable: u32, total: u32, threshold: f64) -> bool {
    total > 0 && attendable as f64 >= threshold * total as f64 - 1e-9
}

/// The `keep` best sets, best first (more people able, then more attendable sessions, then
/// the earlier candidates); exact.
pub fn best_sets(problem: &Problem, keep: usize) -> Vec<Choice> {
    let table = Table::of(problem);
    best_sets_of(&table, problem.choose, problem.threshold, keep)
}

/// [`best_sets`] over a computed table.
pub fn best_sets_of(table: &Table, choose: usize, threshold: f64, keep: usize) -> Vec<Choice> {
    let n = table.sessions.len();
    if choose == 0 || choose > n || keep == 0 {
        return Vec::new();
    }
    // A person's margin on a candidate: attendable minus the threshold's share of its sessions.
    // They are able with a set when the margins add up to at least zero.
    let margins: Vec<Vec<f64>> = table
        .attendable
        .iter()
        .map(|row| {
            row.iter()
                .zip(&table.sessions)
                .map(|(&a, &s)| a as f64 - threshold * s as f64)
                .collect()
        })
        .collect();
    let mut search = Search {
        table,
        margins: &margins,
        choose,
        threshold,
        keep,
        found: Vec::new(),
        picked: Vec::with_capacity(choose),
        sums: vec![0.0; margins.len()],
        attendable: 0,
    };
    search.go(0);
    let mut found = search.found;
    found.sort_by(|a, b| rank(b).cmp(&rank(a)).then_with(|| a.chosen.cmp(&b.chosen)));
    found
}

fn rank(c: &Choice) -> (usize, u64) {
    (c.participants_able, c.attendable_sessions)
}

struct Search<'a> {
    table: &'a Table,
    margins: &'a [Vec<f64>],
    choose: usize,
    threshold: f64,
    keep: usize,
    /// The best sets so far (at most `keep`).
    found: Vec<Choice>,
    picked: Vec<usize>,
    /// Each person's margin over the picked candidates.
    sums: Vec<f64>,
    /// Attendable sessions over everybody and the picked candidates.
    attendable: u64,
}

impl Search<'_> {
    /// The worst rank still kept once `keep` sets are found.
    fn floor(&self) -> Option<(usize, u64)> {
        (self.found.len() == self.keep)
            .then(|| self.found.iter().map(rank).min().unwrap_or_default())
    }

    fn go(&mut self, next: usize) {
        let n = self.table.sessions.len();
        let open = self.choose - self.picked.len();
        if open == 0 {
            let choice = self.table.evaluate(&self.picked, self.threshold);
            if self.found.len() < self.keep {
                self.found.push(choice);
            } else if let Some(worst) = self
                .found
                .iter()
                .enumerate()
                .min_by_key(|(_, c)| rank(c))
                .map(|(i, _)| i)
                && rank(&choice) > rank(&self.found[worst])
            {
                self.found[worst] = choice;
            }
            return;
        }
        if n - next < open {
            return;
        }
        if let Some(floor) = self.floor() {
            let (able, sessions) = self.bound(next, open);
            if (able, sessions) <= floor {
                return;
            }
        }
        for c in next..=n - open {
            for (p, row) in self.margins.iter().enumerate() {
                self.sums[p] += row[c];
            }
            let gained: u64 = self.table.attendable.iter().map(|r| r[c] as u64).sum();
            self.attendable += gained;
            self.picked.push(c);
            self.go(c + 1);
            self.picked.pop();
            self.attendable -= gained;
            for (p, row) in self.margins.iter().enumerate() {
                self.sums[p] -= row[c];
            }
        }
    }

    /// An upper bound of what any completion of the picked set with `open` of the candidates
    /// from `next` on can give: each person with their own best `open` margins, and the most
    /// attendable sessions of any `open` candidates.
    fn bound(&self, next: usize, open: usize) -> (usize, u64) {
        let n = self.table.sessions.len();
        let mut able = 0;
        let mut best = Vec::with_capacity(n - next);
        for (p, row) in self.margins.iter().enumerate() {
            best.clear();
            best.extend_from_slice(&row[next..]);
            best.select_nth_unstable_by(open - 1, |a, b| b.total_cmp(a));
            let top: f64 = best[..open].iter().sum();
            if self.sums[p] + top >= -1e-9 {
                able += 1;
            }
        }
        let mut gains: Vec<u64> = (next..n)
            .map(|c| self.table.attendable.iter().map(|r| r[c] as u64).sum())
            .collect();
        gains.sort_unstable_by(|a, b| b.cmp(a));
        let sessions = self.attendable + gains[..open].iter().sum::<u64>();
        (able, sessions)
    }
}

#[cfg(test)]
mod tests;
