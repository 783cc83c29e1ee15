//! The enrolment state machine: every status × every event, against a hand-written table.

use chrono::NaiveDate;
use lernweg_participants::enrolment::TRANSITION_CODES;
use lernweg_participants::{
    DropoutReason, EnrolmentEvent as E, EnrolmentStatus as S, History, PauseReason, transition,
};
use proptest::prelude::*;

fn d(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn pause() -> E {
    E::Pause {
        reason: PauseReason::ParentalLeave,
        expected_return: d("2026-09-01"),
        note: None,
    }
}

fn drop_ok() -> E {
    E::Drop {
        reason: DropoutReason::Workload,
        text: None,
        stayed_employed: Some(true),
    }
}

fn events() -> [E; 7] {
    [
        E::Counsel,
        E::Enrol,
        E::Activate,
        pause(),
        E::Resume,
        E::Complete {
            stayed_employed: Some(true),
        },
        drop_ok(),
    ]
}

/// Expected outcome per status (rows) and event (columns: counsel, enrol, activate, pause,
/// resume, complete, drop). `Ok(status)` or `Err(code)`.
fn table() -> Vec<(S, [Result<S, &'static str>; 7])> {
    let fin = Err("already_final");
    vec![
        (
            S::Interested,
            [
                Ok(S::Counselled),
                Err("counselling_required"),
                Err("not_enrolled"),
                Err("not_active"),
                Err("not_paused"),
                Err("not_active"),
                Ok(S::Dropped),
            ],
        ),
        (
            S::Counselled,
            [
                Ok(S::Counselled),
                Ok(S::Enrolled),
                Err("not_enrolled"),
                Err("not_active"),
                Err("not_paused"),
                Err("not_active"),
                Ok(S::Dropped),
            ],
        ),
        (
            S::Enrolled,
            [
                Err("already_enrolled"),
                Err("already_enrolled"),
                Ok(S::Active),
                Err("not_active"),
                Err("not_paused"),
                Err("not_active"),
                Ok(S::Dropped),
            ],
        ),
        (
            S::Active,
            [
                Err("already_enrolled"),
                Err("already_enrolled"),
                Err("already_active"),
                Ok(S::Paused),
                Err("not_paused"),
                Ok(S::Completed),
                Ok(S::Dropped),
            ],
        ),
        (
            S::Paused,
            [
                Err("already_enrolled"),
                Err("already_enrolled"),
                Err("already_active"),
                Err("not_active"),
                Ok(S::Active),
                Err("not_active"),
                Ok(S::Dropped),
            ],
        ),
        (S::Completed, [fin, fin, fin, fin, fin, fin, fin]),
        (S::Dropped, [fin, fin, fin, fin, fin, fin, fin]),
    ]
}

#[test]
fn every_status_and_event_matches_the_table() {
    let on = d("2026-03-02");
    let table = table();
    assert_eq!(table.len(), S::ALL.len());
    let mut checked = 0;
    for (from, row) in table {
        for (event, expected) in events().iter().zip(row) {
            let got = transition(from, event, on).map_err(|e| {
                assert_eq!(e.from, from);
                assert_eq!(e.to, event.target());
                assert!(TRANSITION_CODES.contains(&e.code), "{}", e.code);
                e.code
            });
            assert_eq!(got, expected, "{from:?} + {}", event.code());
            checked += 1;
        }
    }
    assert_eq!(checked, 49);
}

#[test]
fn pause_needs_a_return_after_the_pause_date() {
    let ev = pause(); // returns 2026-09-01
    assert!(transition(S::Active, &ev, d("2026-08-31")).is_ok());
    for on in ["2026-09-01", "2026-09-02"] {
        let e = transition(S::Active, &ev, d(on)).unwrap_err();
        assert_eq!(e.code, "expected_return_not_after_pause");
    }
}

#[test]
fn drop_for_other_reason_needs_a_text() {
    let on = d("2026-03-02");
    for text in [None, Some(String::new()), Some("   ".to_owned())] {
        let ev = E::Drop {
            reason: DropoutReason::Other,
            text,
            stayed_employed: None,
        };
        assert_eq!(
            transition(S::Active, &ev, on).unwrap_err().code,
            "dropout_text_required"
        );
    }
    let ev = E::Drop {
        reason: DropoutReason::Other,
        text: Some("Umzug ins Ausland".into()),
        stayed_employed: None,
    };
    assert_eq!(transition(S::Active, &ev, on).unwrap(), S::Dropped);
    for reason in DropoutReason::ALL {
        if reason != DropoutReason::Other {
            let ev = E::Drop {
                reason,
                text: None,
                stayed_employed: None,
            };
            assert!(transition(S::Paused, &ev, on).is_ok(), "{reason:?}");
        }
    }
}

#[test]
fn history_replays_a_path_with_a_pause() {
    let h = History::replay([
        (d("2026-01-12"), E::Counsel),
        (d("2026-01-20"), E::Enrol),
        (d("2026-02-02"), E::Activate),
        (d("2026-04-01"), pause()),
        (d("2026-05-01"), E::Resume),
        (
            d("2026-12-18"),
            E::Complete {
                stayed_employed: Some(true),
            },
        ),
    ])
    .unwrap();
    assert_eq!(h.status(), S::Completed);
    assert_eq!(h.entries().len(), 6);
    assert_eq!(h.stayed_employed(), Some(true));
    assert_eq!(h.paused_days(d("2027-01-01")), 30);
    assert_eq!(h.current_pause(), None);
}

#[test]
fn history_knows_the_running_pause() {
    let mut h = History::new();
    for (on, ev) in [
        ("2026-01-12", E::Counsel),
        ("2026-01-12", E::Enrol),
        ("2026-02-02", E::Activate),
        ("2026-04-01", pause()),
    ] {
        h.apply(d(on), ev).unwrap();
    }
    assert_eq!(
        h.current_pause(),
        Some((d("2026-04-01"), PauseReason::ParentalLeave, d("2026-09-01")))
    );
    assert_eq!(h.paused_days(d("2026-04-11")), 10);
    assert_eq!(h.stayed_employed(), None);
}

#[test]
fn history_refuses_out_of_order_dates_and_keeps_state() {
    let mut h = History::new();
    h.apply(d("2026-02-01"), E::Counsel).unwrap();
    let e = h.apply(d("2026-01-31"), E::Enrol).unwrap_err();
    assert_eq!(e.code, "date_before_last");
    assert_eq!(h.status(), S::Counselled);
    assert_eq!(h.entries().len(), 1);
    let err = History::replay([(d("2026-02-01"), E::Counsel), (d("2026-02-02"), E::Resume)]);
    assert_eq!(err.unwrap_err().0, 1);
}

#[test]
fn events_serialize_with_a_tag() {
    let json = serde_json::to_string(&pause()).unwrap();
    assert_eq!(
        json,
        r#"{"event":"pause","reason":"parental_leave","expected_return":"2026-09-01","note":null}"#
    );
    let back: E =
        serde_json::from_str(r#"{"event":"drop","reason":"found_adequate_job"}"#).unwrap();
    assert_eq!(back.target(), S::Dropped);
}

fn any_event() -> impl Strategy<Value = (u8, E)> {
    let reason = prop::sample::select(DropoutReason::ALL.to_vec());
    (
        0u8..5,
        prop_oneof![
            Just(E::Counsel),
            Just(E::Enrol),
            Just(E::Activate),
            (0i64..60).prop_map(|days| E::Pause {
                reason: PauseReason::Health,
                expected_return: d("2026-01-01") + chrono::Duration::days(days * 7),
                note: None,
            }),
            Just(E::Resume),
            any::<Option<bool>>().prop_map(|s| E::Complete { stayed_employed: s }),
            (reason, any::<bool>()).prop_map(|(reason, t)| E::Drop {
                reason,
                text: t.then(|| "Grund".to_owned()),
                stayed_employed: None,
            }),
        ],
    )
}

proptest! {
    /// Whatever arrives, the history stays consistent: each entry starts where the previous
    /// ended, follows an allowed step, dates never go back, and nothing follows a final state.
    #[test]
    fn random_events_never_break_the_machine(events in prop::collection::vec(any_event(), 0..40)) {
        let mut h = History::new();
        let mut on = d("2026-01-01");
        for (gap, ev) in events {
            on += chrono::Duration::days(i64::from(gap) * 3);
            let before = h.status();
            match h.apply(on, ev.clone()) {
                Ok(to) => {
                    prop_assert!(!before.is_final());
                    prop_assert_eq!(to, ev.target());
                    prop_assert_eq!(h.status(), to);
                }
                Err(e) => {
                    prop_assert_eq!(h.status(), before);
                    prop_assert!(TRANSITION_CODES.contains(&e.code));
                }
            }
        }
        let mut prev = S::Interested;
        let mut prev_on = NaiveDate::MIN;
        for e in h.entries() {
            prop_assert_eq!(e.from, prev);
            prop_assert!(e.on >= prev_on);
            prop_assert!(transition(e.from, &e.event, e.on).is_ok());
            prev = e.to;
            prev_on = e.on;
        }
    }
}

#[test]
fn open_rank_orders_the_current_participation_and_final_ones_have_none() {
    let ranked: Vec<S> = {
        let mut open: Vec<S> = S::ALL
            .into_iter()
            .filter(|s| s.open_rank().is_some())
            .collect();
        open.sort_by_key(|s| std::cmp::Reverse(s.open_rank()));
        open
    };
    assert_eq!(
        ranked,
        [
            S::Active,
            S::Paused,
            S::Enrolled,
            S::Counselled,
            S::Interested
        ]
    );
    assert_eq!(S::Completed.open_rank(), None);
    assert_eq!(S::Dropped.open_rank(), None);
}

#[test]
fn a_place_is_held_while_enrolled_active_or_paused() {
    let holding: Vec<S> = S::ALL.into_iter().filter(|s| s.holds_place()).collect();
    assert_eq!(holding, [S::Enrolled, S::Active, S::Paused]);
}
