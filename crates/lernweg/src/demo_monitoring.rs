//! Demo of monitoring and the slot choice (issue 17, point 6):
//! - A finished evening course ("Fachsprache Technik am Abend", Monday and Thursday evenings)
//!   whose six participants work early and late shifts in turns: in the late weeks the evenings
//!   fall into their working time and nobody agreed a release. Two evenings were moved into the
//!   afternoon (the workshop room was taken), one was cancelled, the timetable was published
//!   only two weeks before the start, two people dropped out (workload, a new job). Monitoring
//!   flags it "not run part-time" with these causes.
//! - The first draft cohort (planned with the employers, `demo_planning`) gets the working
//!   times of its interested people and six candidate weekly slots weighed by the coordinator,
//!   so that `/verwaltung/durchgaenge/{id}/zeiten` opens with them.

use anyhow::anyhow;
use chrono::{Datelike, Duration, NaiveDate};
use lernweg_app::slot_choice::SlotQuestion;
use lernweg_app::{App, Caller};
use lernweg_domain::{CohortStatus, Email, Principal, ProviderId, Role};
use lernweg_offers::planning::Planning;
use lernweg_participants::attendance::takes_part;
use lernweg_participants::slot_choice::Candidate;
use lernweg_participants::{
    AttendanceStatus, ConsentScope, DropoutReason, EnrolmentEvent, EnrolmentStatus,
    ParticipantDraft, RollCallEntry, WorkPatternDraft, monday_of,
};
use lernweg_planner::PlanOptions;
use lernweg_planner::model::{ClockTime, parse_weekday};
use lernweg_store::{
    Actor, Clock, NewCohort, NewSession, SessionMove, SessionStatus, Store, WorkPatternSource,
};
use serde_json::json;

use crate::demo_work::WEEKDAYS;

/// The offer the finished cohort runs.
const OFFER: &str = "Fachsprache Technik am Abend";
pub const FINISHED_NAME: &str = "Frühjahr 2026 – Essen, Schichtgruppe";

/// given, family, mother tongue, employer.
const SHIFT_WORKERS: [[&str; 4]; 6] = [
    ["Dragan", "Petrović", "sr", "Stahlwerk Ruhrort"],
    ["Oksana", "Melnyk", "uk", "Stahlwerk Ruhrort"],
    ["Yusuf", "Çelik", "tr", "Elektro Meyer GmbH"],
    ["Bilal", "Haddad", "ar", "Gießerei Hoesch"],
    ["Andrei", "Ionescu", "ro", "Gießerei Hoesch"],
    ["Kwame", "Boateng", "en", "Stahlwerk Ruhrort"],
];

async fn set_pattern(
    store: &Store,
    actor: &Actor,
    who: lernweg_domain::ParticipantId,
    weeks: &str,
    anchor: NaiveDate,
    travel: &str,
    rows: &[(&str, &[&str], &str, &str)],
) -> anyhow::Result<()> {
    let draft = WorkPatternDraft {
        weeks: weeks.to_owned(),
        anchor: anchor.to_string(),
        travel_minutes: travel.to_owned(),
        shifts: crate::demo_work::rows(rows),
    };
    let (pattern, travel) = draft
        .validate()
        .map_err(|e| anyhow!("demo pattern: {e:?}"))?;
    store
        .set_work_pattern(actor, who, &pattern, travel, WorkPatternSource::Form)
        .await?;
    Ok(())
}

async fn coordinator_caller(store: &Store, provider: ProviderId) -> anyhow::Result<Caller> {
    let coordinator = store
        .user_by_email(&Email::parse("koordination1@demo.example").map_err(|e| anyhow!("{e}"))?)
        .await?;
    Ok(Caller::new(
        Principal {
            user_id: coordinator.id,
            role: Role::Coordinator,
            provider_id: Some(provider),
        },
        Actor::user(coordinator.id, coordinator.email.as_str()),
    ))
}

/// Seeds both parts once (the finished cohort is found by its name).
pub async fn seed(store: &Store, provider: ProviderId) -> anyhow::Result<()> {
    let exists = store
        .cohorts(Some(provider), None)
        .await?
        .iter()
        .any(|c| c.name == FINISHED_NAME);
    if exists {
        return Ok(());
    }
    finished_cohort(store, provider).await?;
    slot_candidates(store, provider).await
}

async fn finished_cohort(store: &Store, provider: ProviderId) -> anyhow::Result<()> {
    let Some(offer) = store
        .offers(Some(provider))
        .await?
        .into_iter()
        .find(|o| o.offer.title == OFFER)
    else {
        return Ok(());
    };
    let today = store.clock().today();
    let start = monday_of(NaiveDate::from_ymd_opt(2026, 3, 2).expect("a date"))
        .min(monday_of(today - Duration::days(300)));
    let plan = lernweg_planner::plan(
        &offer.offer.to_spec(start, lernweg_domain::State::NW),
        &PlanOptions::default(),
    )?;
    if plan.end_date >= today {
        return Ok(());
    }
    // Every record at the time it happened.
    let clock = Clock::fixed(store.clock().now_utc());
    let past = store.clone().with_clock(clock.clone());
    let caller = coordinator_caller(store, provider).await?;
    let actor = caller.actor.clone();
    let counsellor = store
        .user_by_email(&Email::parse("beratung1@demo.example").map_err(|e| anyhow!("{e}"))?)
        .await?;
    clock.set_day(start - Duration::days(40));
    let cohort = past
        .create_cohort(
            &actor,
            NewCohort {
                planning: Planning::default(),
                offer_id: offer.id,
                name: FINISHED_NAME.into(),
                state: lernweg_domain::State::NW,
                start_date: start,
                room: "Bildungszentrum Nord, Raum 2.14, Essen".into(),
                online_link: "https://meet.demo.example/lernweg".into(),
                trainers: Vec::new(),
            },
            &plan
                .sessions
                .iter()
                .map(NewSession::from_planned)
                .collect::<Vec<_>>(),
        )
        .await?;
    // People: early and late shifts in turns, Monday to Friday.
    let mut people = Vec::new();
    for (i, [given, family, tongue, employer]) in SHIFT_WORKERS.iter().enumerate() {
        let draft: ParticipantDraft = serde_json::from_value(json!({
            "given_name": given, "family_name": family,
            "email": format!("schicht{i}@mail.demo.example"),
            "phone": format!("0170 77{:05}", i), "mother_tongue": tongue, "german_level": "B1",
            "preferred_channel": "phone", "kldb": "24412", "recognition_status": "partial",
            "employer": employer, "weekly_hours": "38",
        }))?;
        let data = draft
            .validate(start.year())
            .map_err(|e| anyhow!("demo participant {given} {family}: {e:?}"))?;
        let p = past
            .create_participant(&actor, provider, Some(counsellor.id), data)
            .await?;
        past.add_consent(
            &actor,
            p.id,
            ConsentScope::DataProcessing,
            start - Duration::days(30),
        )
        .await?;
        set_pattern(
            &past,
            &actor,
            p.id,
            "2",
            monday_of(start) + Duration::days(7 * (i as i64 % 2)),
            "25",
            &[
                ("1", WEEKDAYS, "06:00", "14:00"),
                ("2", WEEKDAYS, "14:00", "22:00"),
            ],
        )
        .await?;
        let e = past.enrol(&actor, p.id, cohort.id).await?;
        for (on, ev) in [
            (start - Duration::days(28), EnrolmentEvent::Counsel),
            (start - Duration::days(21), EnrolmentEvent::Enrol),
            (start, EnrolmentEvent::Activate),
        ] {
            past.apply_enrolment_event(&actor, e.id, on, ev).await?;
        }
        people.push(e.id);
    }
    // Published only two weeks ahead, then running.
    clock.set_day(start - Duration::days(14));
    past.set_cohort_status(&actor, cohort.id, CohortStatus::Published)
        .await?;
    clock.set_day(start);
    past.set_cohort_status(&actor, cohort.id, CohortStatus::Running)
        .await?;
    let sessions = store.timetable(cohort.id).await?;
    for (i, reason) in [
        (
            4usize,
            "Werkstattraum belegt – Termin auf den Nachmittag verlegt",
        ),
        (
            9,
            "Werkstattraum belegt – Termin auf den Nachmittag verlegt",
        ),
    ] {
        if let Some(s) = sessions.get(i) {
            clock.set_day(s.date - Duration::days(5));
            past.move_session(
                &actor,
                s.id,
                SessionMove {
                    date: s.date,
                    start: ClockTime::new(16, 0),
                    end: ClockTime::new(18, 0),
                },
                reason,
            )
            .await?;
        }
    }
    if let Some(s) = sessions.get(14) {
        clock.set_day(s.date - Duration::days(1));
        past.cancel_session(&actor, s.id, "Lehrkraft erkrankt")
            .await?;
    }
    // Two drop out in the middle.
    let middle = sessions[sessions.len() / 2].date;
    for (who, reason) in [(3, DropoutReason::Workload), (4, DropoutReason::JobChange)] {
        clock.set_day(middle);
        past.apply_enrolment_event(
            &actor,
            people[who],
            middle,
            EnrolmentEvent::Drop {
                reason,
                text: None,
                stayed_employed: Some(true),
            },
        )
        .await?;
    }
    // Roll calls: in the late weeks people miss the evenings.
    let sessions = store.timetable(cohort.id).await?;
    for (n, s) in sessions
        .iter()
        .filter(|s| s.status != SessionStatus::Cancelled)
        .enumerate()
    {
        clock.set_day(s.date);
        let mut entries = Vec::new();
        for (j, e) in people.iter().enumerate() {
            let enrolment = past.enrolment(*e).await?;
            if !takes_part(enrolment.status) {
                continue;
            }
            let late_week = ((s.date - monday_of(start)).num_days() / 7 + j as i64 % 2) % 2 == 1;
            let status = match (late_week, (n + j) % 3) {
                (true, 0) => AttendanceStatus::Excused,
                (true, _) => AttendanceStatus::Absent,
                (false, _) => AttendanceStatus::Present,
            };
            entries.push(RollCallEntry {
                enrolment: *e,
                status,
                note: String::new(),
            });
        }
        if !entries.is_empty() {
            past.record_roll_call(&actor, s.id, &entries, s.date)
                .await?;
        }
    }
    let end = sessions.iter().map(|s| s.date).max().unwrap_or(start);
    clock.set_day(end);
    for e in &people {
        if past.enrolment(*e).await?.status == EnrolmentStatus::Active {
            past.apply_enrolment_event(
                &actor,
                *e,
                end,
                EnrolmentEvent::Complete {
                    stayed_employed: Some(true),
                },
            )
            .await?;
        }
    }
    clock.set_day(end + Duration::days(1));
    past.set_cohort_status(&actor, cohort.id, CohortStatus::Finished)
        .await?;
    Ok(())
}

/// The draft's interested people get working times and the coordinator weighs six weekly
/// slots, choosing two.
async fn slot_candidates(store: &Store, provider: ProviderId) -> anyhow::Result<()> {
    let Some(draft) = store
        .cohorts(Some(provider), None)
        .await?
        .into_iter()
        .find(|c| c.status == CohortStatus::Draft)
    else {
        return Ok(());
    };
    let caller = coordinator_caller(store, provider).await?;
    let anchor = monday_of(draft.start_date);
    type Rows = &'static [(
        &'static str,
        &'static [&'static str],
        &'static str,
        &'static str,
    )];
    let patterns: [(&str, &str, Rows); 5] = [
        ("1", "30", &[("1", WEEKDAYS, "06:30", "15:30")]),
        (
            "2",
            "20",
            &[
                ("1", &["tue", "wed", "thu", "fri", "sat"], "09:30", "18:30"),
                ("2", WEEKDAYS, "12:00", "20:00"),
            ],
        ),
        ("1", "15", &[("1", WEEKDAYS, "08:00", "16:30")]),
        (
            "3",
            "35",
            &[
                ("1", WEEKDAYS, "06:00", "14:00"),
                ("2", WEEKDAYS, "14:00", "22:00"),
                ("3", WEEKDAYS, "22:00", "06:00"),
            ],
        ),
        (
            "2",
            "20",
            &[
                ("1", WEEKDAYS, "06:00", "14:00"),
                ("2", WEEKDAYS, "13:30", "21:30"),
            ],
        ),
    ];
    let members = store.enrolments_in(draft.id).await?;
    for (e, (weeks, travel, rows)) in members.iter().zip(patterns) {
        if store.work_pattern(e.participant_id).await?.is_none() {
            set_pattern(
                store,
                &caller.actor,
                e.participant_id,
                weeks,
                anchor,
                travel,
                rows,
            )
            .await?;
        }
    }
    let slot = |id: &str, day: &str, from: &str, to: &str| -> anyhow::Result<Candidate> {
        Ok(Candidate {
            id: id.to_owned(),
            weekday: parse_weekday(day).map_err(|e| anyhow!(e))?,
            start: ClockTime::parse(from).map_err(|e| anyhow!(e))?,
            end: ClockTime::parse(to).map_err(|e| anyhow!(e))?,
        })
    };
    let candidates = vec![
        slot("Mo 18:00–21:00", "mon", "18:00", "21:00")?,
        slot("Di 17:00–20:00", "tue", "17:00", "20:00")?,
        slot("Mi 18:30–21:30", "wed", "18:30", "21:30")?,
        slot("Do 18:00–21:00", "thu", "18:00", "21:00")?,
        slot("Sa 09:00–12:00", "sat", "09:00", "12:00")?,
        slot("Sa 13:00–16:00", "sat", "13:00", "16:00")?,
    ];
    let app = App::new(store.clone());
    lernweg_app::slot_choice::choose(
        &app,
        &caller,
        draft.id,
        SlotQuestion {
            choose: 2,
            threshold: 0.8,
            candidates,
        },
    )
    .await
    .map_err(|e| anyhow!("the demo slot choice: {e}"))?;
    Ok(())
}
