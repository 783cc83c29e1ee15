use chrono::{NaiveDate, Weekday};
use lernweg_domain::State;
use lernweg_planner::model::ClockTime;
use proptest::prelude::*;

use super::input::{cli_slots, parse};
use super::*;
use crate::work_pattern::{Shift, WorkPattern};

fn t(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn slot(id: &str, weekday: Weekday, start: &str, end: &str) -> Candidate {
    Candidate {
        id: id.into(),
        weekday,
        start: t(start),
        end: t(end),
    }
}

fn person(id: &str, travel: u32, weeks: Vec<Vec<(Weekday, &str, &str)>>) -> Person {
    let weeks = weeks
        .into_iter()
        .map(|w| {
            w.into_iter()
                .map(|(d, a, b)| Shift::new(d, t(a), t(b)).unwrap())
                .collect()
        })
        .collect();
    Person {
        id: id.into(),
        travel_minutes: travel,
        pattern: WorkPattern::rotating(day("2026-01-05"), weeks).unwrap(),
    }
}

#[test]
fn night_shifts_commute_and_holidays_decide_what_a_person_can_attend() {
    use Weekday::*;
    // Night shifts Thu 22:00–06:00: a Friday 06:15 session is out with 30 minutes' commute
    // (06:00 + 0:30 > 06:15), one at 06:30 just fits, a Friday 18:00 one is fine.
    let night = person("nacht", 30, vec![vec![(Thu, "22:00", "06:00")]]);
    let early = slot("fr-frueh", Fri, "06:15", "08:00");
    assert!(can_attend(
        &night,
        &slot("fr-0630", Fri, "06:30", "08:00"),
        day("2027-01-08")
    ));
    let evening = slot("fr-abend", Fri, "18:00", "21:00");
    let friday = day("2027-01-08");
    assert!(!can_attend(&night, &early, friday));
    assert!(can_attend(&night, &evening, friday));
    // Commute: a shift ending 17:45 leaves no time for an 18:00 session 30 minutes away.
    let late = person("spaet", 30, vec![vec![(Fri, "09:00", "17:45")]]);
    assert!(!can_attend(&late, &evening, friday));
    let near = Person {
        travel_minutes: 10,
        ..late.clone()
    };
    assert!(can_attend(&near, &evening, friday));
    // Fridays from 2026-12-18 for 3 weeks in NW: 25.12. and 1.1. are public holidays.
    let mut cal = lernweg_planner::HolidayCalendar::new(State::NW);
    let dates = session_dates(&evening, day("2026-12-14"), 3, &mut cal);
    assert_eq!(dates, [day("2026-12-18")]);
}

#[test]
fn counting_once_per_rotation_week_agrees_with_checking_every_date() {
    use Weekday::*;
    // Nights from Sunday into Monday in week 1, lates in week 2, nothing in week 3; commute
    // 45 minutes; sessions on every weekday, one crossing midnight.
    let p = person(
        "drei",
        45,
        vec![
            vec![(Sun, "22:00", "06:00"), (Wed, "22:00", "06:00")],
            vec![
                (Mon, "14:00", "22:00"),
                (Thu, "14:00", "22:00"),
                (Sat, "06:00", "14:00"),
            ],
            vec![],
        ],
    );
    let mut cal = lernweg_planner::HolidayCalendar::new(State::BY);
    let mut partial = 0;
    for (weekday, start, end) in [
        (Mon, "06:30", "09:00"),
        (Mon, "18:00", "21:00"),
        (Tue, "06:00", "08:00"),
        (Wed, "20:00", "23:00"),
        (Thu, "07:00", "09:00"),
        (Sat, "22:00", "01:00"),
        (Sun, "20:00", "22:30"),
    ] {
        let c = slot("x", weekday, start, end);
        let dates = session_dates(&c, day("2026-11-02"), 40, &mut cal);
        let naive = dates
            .iter()
            .filter(|d| {
                !p.pattern.works_during(
                    d.and_time(c.start.to_naive()) - chrono::Duration::minutes(45),
                    {
                        let mut e = d.and_time(c.end.to_naive());
                        if c.end <= c.start {
                            e += chrono::Duration::days(1);
                        }
                        e + chrono::Duration::minutes(45)
                    },
                )
            })
            .count() as u32;
        assert_eq!(
            attendable_count(&p, &c, &dates),
            naive,
            "{weekday:?} {start}"
        );
        partial += usize::from(naive > 0 && (naive as usize) < dates.len());
    }
    assert!(
        partial >= 4,
        "the rotation matters for most slots ({partial})"
    );
}

#[test]
fn rotating_shifts_over_the_period() {
    use Weekday::*;
    // Early and late shifts in turns: Tuesday evenings fit every other week (50 %), Saturday
    // mornings always.
    let turns = person(
        "wechsel",
        0,
        vec![vec![(Tue, "06:00", "14:00")], vec![(Tue, "14:00", "22:00")]],
    );
    let problem = Problem {
        state: State::NW,
        start: day("2027-02-01"),
        weeks: 8,
        choose: 1,
        threshold: 0.8,
        candidates: vec![
            slot("di", Tue, "18:00", "21:00"),
            slot("sa", Sat, "09:00", "12:00"),
        ],
        people: vec![turns],
    };
    let sets = best_sets(&problem, 2);
    assert_eq!(sets[0].chosen, [1]);
    assert_eq!(sets[0].per_person, [(8, 8)]);
    assert_eq!(sets[1].per_person, [(4, 8)]);
    assert_eq!(sets[1].participants_able, 0);
}

/// Every set of `choose` candidates, ranked as `best_sets` ranks them.
fn brute_force(table: &Table, choose: usize, threshold: f64) -> Vec<Choice> {
    fn sets(n: usize, k: usize, from: usize, cur: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
        if cur.len() == k {
            out.push(cur.clone());
            return;
        }
        for c in from..n {
            cur.push(c);
            sets(n, k, c + 1, cur, out);
            cur.pop();
        }
    }
    let mut all = Vec::new();
    sets(table.sessions.len(), choose, 0, &mut Vec::new(), &mut all);
    let mut out: Vec<Choice> = all.iter().map(|s| table.evaluate(s, threshold)).collect();
    out.sort_by(|a, b| {
        (b.participants_able, b.attendable_sessions)
            .cmp(&(a.participants_able, a.attendable_sessions))
            .then_with(|| a.chosen.cmp(&b.chosen))
    });
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]
    #[test]
    fn the_search_finds_what_trying_every_set_finds(
        sessions in proptest::collection::vec(0u32..6, 2..8),
        people in proptest::collection::vec(proptest::collection::vec(0u32..6, 8), 0..7),
        choose in 1usize..4,
        threshold in prop_oneof![Just(0.5), Just(0.8), Just(1.0)],
        keep in 1usize..4,
    ) {
        let n = sessions.len();
        prop_assume!(choose <= n);
        let attendable: Vec<Vec<u32>> = people
            .iter()
            .map(|row| row[..n].iter().zip(&sessions).map(|(a, s)| (*a).min(*s)).collect())
            .collect();
        let table = Table { sessions, attendable };
        let found = best_sets_of(&table, choose, threshold, keep);
        let all = brute_force(&table, choose, threshold);
        let want: Vec<(usize, u64)> = all.iter().take(keep).map(|c| (c.participants_able, c.attendable_sessions)).collect();
        let got: Vec<(usize, u64)> = found.iter().map(|c| (c.participants_able, c.attendable_sessions)).collect();
        prop_assert_eq!(got, want);
        prop_assert_eq!(&found[0].chosen, &all[0].chosen);
    }
}

#[test]
fn the_command_names_every_invalid_field() {
    let bad = r#"{"state":"XX","start":"2027-02-30","weeks":0,"choose":5,"threshold":1.5,
        "candidates":[{"id":"a","weekday":"fri2","start":"18:00","end":"18:00"},
                      {"id":"a","weekday":"sat","start":"9","end":"12:00"}],
        "participants":[{"id":"p1","travel_minutes":20,"pattern":{"weeks":2,"shifts":[
            {"week":1,"weekday":"mon","start":"25:00","end":"14:00"}]}}]}"#;
    let errors = parse(bad).unwrap_err();
    let fields: Vec<&str> = errors
        .iter()
        .map(|e| e.split(':').next().unwrap())
        .collect();
    assert_eq!(
        fields,
        [
            "state",
            "start",
            "weeks",
            "threshold",
            "candidates[0].weekday",
            "candidates[0].end",
            "candidates[1].id",
            "candidates[1].start",
            "choose",
            "participants[0].pattern.anchor",
            "participants[0].pattern.shifts[0].start",
        ],
        "{errors:#?}"
    );
    assert!(cli_slots("{", "json").unwrap_err().starts_with("not JSON"));
    assert!(cli_slots("{}", "yaml").unwrap_err().contains("--format"));
}

#[test]
fn the_command_answers_in_the_agreed_keys() {
    let input = r#"{"state":"NW","start":"2027-02-01","weeks":4,"choose":1,
        "candidates":[{"id":"di-abend","weekday":"tue","start":"18:00","end":"21:00"},
                      {"id":"sa-vormittag","weekday":"sat","start":"09:00","end":"12:00"}],
        "participants":[
          {"id":"p1","travel_minutes":30,"pattern":{"weeks":1,"shifts":[{"weekday":"tue","start":"14:00","end":"22:00"}]}},
          {"id":"p2","travel_minutes":0,"pattern":{"weeks":2,"anchor":"2027-02-01","shifts":[
             {"week":1,"weekday":"sat","start":"06:00","end":"14:00"}]}}]}"#;
    let out: serde_json::Value = serde_json::from_str(&cli_slots(input, "json").unwrap()).unwrap();
    assert_eq!(out["chosen"], serde_json::json!(["sa-vormittag"]));
    assert_eq!(out["participants_able"], 1);
    assert_eq!(out["attendable_sessions"], 6);
    assert_eq!(
        out["per_participant"],
        serde_json::json!([
            {"id": "p1", "attendable": 4, "sessions": 4},
            {"id": "p2", "attendable": 2, "sessions": 4},
        ])
    );
    assert_eq!(
        out["alternatives"],
        serde_json::json!([{"chosen": ["di-abend"], "participants_able": 1, "attendable_sessions": 4}])
    );
    let text = cli_slots(input, "text").unwrap();
    assert!(
        text.starts_with("Best: sa-vormittag — 1 of 2 participants"),
        "{text}"
    );
}
