//! Release agreements (Freistellungsvereinbarungen, issue 13 point 6; MISSION §2.2): the
//! sessions of a cohort that fall into a participant's working time, listed with date, time
//! and the hours the employer is asked to release, and the employer's answer.
//!
//! The rules:
//! - An agreement lists the dates of the fit check's collisions (one line per session, the
//!   hours of the session inside working time); an agreement without dates is not made.
//! - It starts `requested`. An answer sets each date agreed or not: all agreed is `agreed`,
//!   none is `declined`, some is `partly_agreed` (the agreed dates are kept per date).
//! - An answer may be changed (the employer reconsiders): every answer is kept in the
//!   history with who gave it and when.

use chrono::NaiveDate;
use lernweg_planner::ClockTime;
use serde::{Deserialize, Serialize};

use crate::fit::Fit;

/// Where an agreement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReleaseState {
    Requested,
    Agreed,
    PartlyAgreed,
    Declined,
}

impl ReleaseState {
    pub const ALL: [ReleaseState; 4] = [
        ReleaseState::Requested,
        ReleaseState::Agreed,
        ReleaseState::PartlyAgreed,
        ReleaseState::Declined,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ReleaseState::Requested => "requested",
            ReleaseState::Agreed => "agreed",
            ReleaseState::PartlyAgreed => "partly_agreed",
            ReleaseState::Declined => "declined",
        }
    }

    pub fn parse(input: &str) -> Option<ReleaseState> {
        let s = input.trim();
        Self::ALL.into_iter().find(|v| v.code() == s)
    }

    /// Still waiting for the employer.
    pub fn is_open(self) -> bool {
        self == ReleaseState::Requested
    }

    /// The state that the answers per date give (`None`: not answered).
    pub fn of_answers(answers: &[Option<bool>]) -> ReleaseState {
        let agreed = answers.iter().filter(|a| **a == Some(true)).count();
        if answers.iter().any(Option::is_none) || answers.is_empty() {
            ReleaseState::Requested
        } else if agreed == answers.len() {
            ReleaseState::Agreed
        } else if agreed == 0 {
            ReleaseState::Declined
        } else {
            ReleaseState::PartlyAgreed
        }
    }
}

/// One date of an agreement.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReleaseDate {
    /// Index of the session in the fit check's input (the caller maps it to its session).
    pub session: usize,
    pub date: NaiveDate,
    pub start: ClockTime,
    pub end: ClockTime,
    /// Hours of the session inside working time: what the employer releases.
    pub hours: f64,
}

/// The dates an agreement asks for, from a fit check: one per session in working time, the
/// overlapping hours of all its shifts summed, by date.
pub fn release_dates(
    fit: &Fit,
    times: &[(Option<ClockTime>, Option<ClockTime>)],
) -> Vec<ReleaseDate> {
    let mut out: Vec<ReleaseDate> = Vec::new();
    for c in &fit.collisions {
        let Some((Some(start), Some(end))) = times.get(c.session).copied() else {
            continue;
        };
        match out.iter_mut().find(|d| d.session == c.session) {
            Some(d) => d.hours = round2(d.hours + c.overlap_hours),
            None => out.push(ReleaseDate {
                session: c.session,
                date: c.date,
                start,
                end,
                hours: round2(c.overlap_hours),
            }),
        }
    }
    out.sort_by_key(|d| (d.date, d.start));
    out
}

fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// How an employer answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReleaseAnswer {
    AgreeAll,
    DeclineAll,
    /// Only these dates (the others are declined).
    Only(Vec<NaiveDate>),
}

/// Why an answer does not fit the agreement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    /// A date that is not in the agreement.
    UnknownDate(NaiveDate),
    /// "Partly" with no date or with every date: say agreed or declined instead.
    NotPartly,
}

/// The answer per date (in the agreement's order) and the state it gives.
pub fn apply_answer(
    dates: &[NaiveDate],
    answer: &ReleaseAnswer,
) -> Result<(Vec<Option<bool>>, ReleaseState), AnswerError> {
    let per_date: Vec<Option<bool>> = match answer {
        ReleaseAnswer::AgreeAll => vec![Some(true); dates.len()],
        ReleaseAnswer::DeclineAll => vec![Some(false); dates.len()],
        ReleaseAnswer::Only(chosen) => {
            if let Some(d) = chosen.iter().find(|d| !dates.contains(d)) {
                return Err(AnswerError::UnknownDate(*d));
            }
            dates.iter().map(|d| Some(chosen.contains(d))).collect()
        }
    };
    let state = ReleaseState::of_answers(&per_date);
    if matches!(answer, ReleaseAnswer::Only(_)) && state != ReleaseState::PartlyAgreed {
        return Err(AnswerError::NotPartly);
    }
    Ok((per_date, state))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::fit::Collision;

    fn d(day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2027, 3, day).unwrap()
    }

    fn t(s: &str) -> ClockTime {
        ClockTime::parse(s).unwrap()
    }

    #[test]
    fn the_state_follows_the_answers_per_date() {
        use ReleaseState::*;
        assert_eq!(ReleaseState::of_answers(&[None, Some(true)]), Requested);
        assert_eq!(ReleaseState::of_answers(&[Some(true), Some(true)]), Agreed);
        assert_eq!(
            ReleaseState::of_answers(&[Some(false), Some(false)]),
            Declined
        );
        assert_eq!(
            ReleaseState::of_answers(&[Some(true), Some(false)]),
            PartlyAgreed
        );
        for s in ReleaseState::ALL {
            assert_eq!(ReleaseState::parse(s.code()), Some(s));
        }
        assert_eq!(ReleaseState::parse("agree"), None);
    }

    #[test]
    fn an_answer_sets_each_date() {
        let dates = [d(2), d(9), d(16)];
        let (per, state) = apply_answer(&dates, &ReleaseAnswer::Only(vec![d(9)])).unwrap();
        assert_eq!(per, [Some(false), Some(true), Some(false)]);
        assert_eq!(state, ReleaseState::PartlyAgreed);
        let (_, state) = apply_answer(&dates, &ReleaseAnswer::AgreeAll).unwrap();
        assert_eq!(state, ReleaseState::Agreed);
        let (_, state) = apply_answer(&dates, &ReleaseAnswer::DeclineAll).unwrap();
        assert_eq!(state, ReleaseState::Declined);
        assert_eq!(
            apply_answer(&dates, &ReleaseAnswer::Only(vec![d(3)])),
            Err(AnswerError::UnknownDate(d(3)))
        );
        assert_eq!(
            apply_answer(&dates, &ReleaseAnswer::Only(vec![])),
            Err(AnswerError::NotPartly)
        );
        assert_eq!(
            apply_answer(&dates, &ReleaseAnswer::Only(dates.to_vec())),
            Err(AnswerError::NotPartly)
        );
    }

    #[test]
    fn dates_come_from_the_collisions_one_per_session() {
        let collision = |session, date, hours| Collision {
            session,
            date,
            overlap_hours: hours,
            shift_date: date,
            shift_start: t("06:00"),
            shift_end: t("14:00"),
        };
        let fit = Fit {
            limit_hours: 10.0,
            // Session 1 overlaps two shifts (a split shift); session 0 is self-paced.
            collisions: vec![
                collision(2, d(9), 1.0),
                collision(1, d(2), 1.5),
                collision(1, d(2), 0.25),
                collision(0, d(1), 3.0),
            ],
            release_hours: 5.75,
            avg_weekly_hours: 0.0,
            peak_weekly_hours: 0.0,
            weeks_over_limit: 0,
            weeks: vec![],
        };
        let times = [
            (None, None),
            (Some(t("12:00")), Some(t("15:00"))),
            (Some(t("13:00")), Some(t("16:00"))),
        ];
        let dates = release_dates(&fit, &times);
        assert_eq!(dates.len(), 2);
        assert_eq!((dates[0].date, dates[0].hours), (d(2), 1.75));
        assert_eq!((dates[1].session, dates[1].start), (2, t("13:00")));
    }
}
