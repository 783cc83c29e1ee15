//! Demo attendance: a class of six people in the cohort that is running now (so that a roll
//! call has rows), roll calls of the past sessions of every cohort with participants, as the
//! cohort's trainer takes them (mostly present, some excused with a note, a few absent; paused
//! people excused), the last week left open so that the trainer's overview has work; and staff
//! entries (exam results, a module completed by a make-up task), so that progress shows.

use anyhow::anyhow;
use chrono::{Datelike, Duration, NaiveDate};
use lernweg_domain::{CohortStatus, ProviderId, UserId};
use lernweg_participants::attendance::takes_part;
use lernweg_participants::{
    AttendanceStatus, ConsentScope, Decision, EnrolmentEvent, EnrolmentStatus, ParticipantDraft,
    ProgressRules, RollCallEntry,
};
use lernweg_store::{Actor, EnrolmentStep, NewProgressEntry, SessionStatus, Store};
use serde_json::json;

/// given, family, mother tongue, German level, employer — per provider.
type Member = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const CLASSES: [[Member; 6]; 2] = [
    [
        ("Nadia", "Rahman", "bn", "B1", "Klinikum Essen-Nord"),
        ("Karim", "Aziz", "ar", "B2", "Pflegedienst Sonnenschein"),
        ("Elena", "Popescu", "ro", "B1", "Seniorenzentrum am Park"),
        ("Tomasz", "Nowak", "pl", "B2", "Altenheim St. Anna"),
        ("Grace", "Owusu", "en", "B1", "Uniklinik Essen"),
        ("Hassan", "Yousef", "ar", "B1", "Ambulante Pflege Ruhr"),
    ],
    [
        ("Anastasia", "Morozova", "ru", "B2", "Stadtwerke Leipzig"),
        ("Mehmet", "Demir", "tr", "B1", "Logistikzentrum Schkeuditz"),
        ("Jamal", "Haidari", "fa", "B1", "Elektro Meyer GmbH"),
        ("Iryna", "Bondarenko", "uk", "B2", "Ingenieurbüro Sachsen"),
        ("Ali Reza", "Karimi", "fa", "A2", "Bäckerei Wendt"),
        ("Maria", "Santos", "pt", "B1", "Kita Sonnenblume"),
    ],
];

/// Enrols a class in the provider's cohort with the most sessions around today (six weeks back,
/// two ahead), active since its start; none when no cohort runs around today.
async fn class(
    store: &Store,
    provider: ProviderId,
    counsellor: UserId,
    offset: usize,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let (from, to) = (today - Duration::days(42), today + Duration::days(14));
    let mut best = None;
    let mut most = 0;
    for c in store.cohorts(Some(provider), None).await? {
        // A class in a cohort that runs today (by its dates).
        let run = lernweg_offers::run::Run::new(c.start_date, c.end_date);
        if c.status == CohortStatus::Draft
            || run.phase(today) != lernweg_offers::run::Phase::Running
        {
            continue;
        }
        let near = store
            .timetable(c.id)
            .await?
            .iter()
            .filter(|s| s.date >= from && s.date <= to)
            .count();
        if near > most {
            most = near;
            best = Some(c);
        }
    }
    let Some(cohort) = best else {
        return Ok(());
    };
    let actor = Actor::user(counsellor, "beratung@demo.example");
    for (i, (given, family, tongue, level, employer)) in CLASSES[offset % 2].iter().enumerate() {
        let mail = format!(
            "{}.{}@mail.demo.example",
            given.to_lowercase().replace(' ', ""),
            family.to_lowercase()
        );
        let draft: ParticipantDraft = serde_json::from_value(json!({
            "given_name": given, "family_name": family, "email": mail,
            "phone": format!("0171 44{:05}", i + offset * 10), "mother_tongue": tongue,
            "german_level": level, "preferred_channel": "messenger", "reachable_times": "abends",
            "employer": employer, "weekly_hours": "30"
        }))?;
        let data = draft
            .validate(today.year())
            .map_err(|e| anyhow!("demo class member {given} {family}: {e:?}"))?;
        let p = store
            .create_participant(&actor, provider, Some(counsellor), data)
            .await?;
        let first = cohort.start_date - Duration::days(45);
        store
            .add_consent(&actor, p.id, ConsentScope::DataProcessing, first)
            .await?;
        let e = store.enrol(&actor, p.id, cohort.id).await?;
        for (on, ev) in [
            (first, EnrolmentEvent::Counsel),
            (first + Duration::days(14), EnrolmentEvent::Enrol),
            (cohort.start_date, EnrolmentEvent::Activate),
        ] {
            store.apply_enrolment_event(&actor, e.id, on, ev).await?;
        }
    }
    Ok(())
}

/// The status of a participation on `day`, from its history.
fn status_on(steps: &[EnrolmentStep], day: NaiveDate) -> Option<EnrolmentStatus> {
    steps.iter().rfind(|s| s.on_date <= day).map(|s| s.to)
}

/// A steady pattern: about 86 % present, 8 % excused, 6 % absent; `weak` people (long shifts)
/// are present only about two thirds of the time.
fn pick(session: usize, person: usize, weak: bool) -> AttendanceStatus {
    let r = (session * 37 + person * 53 + session * person * 11) % 100;
    let present = if weak { 66 } else { 86 };
    if r < present {
        AttendanceStatus::Present
    } else if r < present + 8 {
        AttendanceStatus::Excused
    } else {
        AttendanceStatus::Absent
    }
}

fn note(status: AttendanceStatus, session: usize) -> String {
    match (status, session % 3) {
        (AttendanceStatus::Excused, 0) => "Krank gemeldet".into(),
        (AttendanceStatus::Excused, 1) => "Spätschicht, vorher abgemeldet".into(),
        (AttendanceStatus::Excused, _) => "Kind krank".into(),
        _ => String::new(),
    }
}

/// Roll calls and staff entries for the cohorts of one provider.
pub async fn seed(
    store: &Store,
    provider: ProviderId,
    counsellor: UserId,
    offset: usize,
) -> anyhow::Result<()> {
    let today = store.clock().today();
    let open_from = today - Duration::days(7);
    let staff = Actor::user(counsellor, "beratung@demo.example");
    class(store, provider, counsellor, offset, today).await?;
    for cohort in store.cohorts(Some(provider), None).await? {
        let enrolments = store.enrolments_in(cohort.id).await?;
        if enrolments.is_empty() {
            continue;
        }
        let trainer = match cohort.trainers.first() {
            Some(t) => Actor::user(*t, "lehrkraft@demo.example"),
            None => Actor::system(),
        };
        let mut people = Vec::new();
        for e in &enrolments {
            people.push((e.id, store.enrolment_history(e.id).await?));
        }
        // The trainer catches up on the paper lists: all past roll calls in one go.
        let sessions = store.timetable(cohort.id).await?;
        let mut calls = Vec::new();
        for (si, s) in sessions.iter().enumerate() {
            if s.status == SessionStatus::Cancelled || s.date >= open_from {
                continue;
            }
            let mut entries = Vec::new();
            for (pi, (id, steps)) in people.iter().enumerate() {
                let status = match status_on(steps, s.date) {
                    Some(EnrolmentStatus::Enrolled | EnrolmentStatus::Active) => {
                        pick(si, pi + offset, (pi + offset) % 8 == 5)
                    }
                    Some(EnrolmentStatus::Paused) => AttendanceStatus::Excused,
                    _ => continue,
                };
                entries.push(RollCallEntry {
                    enrolment: *id,
                    status,
                    note: note(status, si + pi),
                });
            }
            if !entries.is_empty() {
                calls.push((s.id, entries));
            }
        }
        store.record_roll_calls(&trainer, &calls, today).await?;
        // Staff entries: exam results where the module is completed and its exam is past, and
        // one module completed by a make-up task although attendance stayed below 80 %.
        let mut make_up_given = false;
        for (pi, e) in enrolments.iter().enumerate() {
            if !takes_part(e.status) {
                continue;
            }
            let p = store
                .enrolment_progress(e.id, today, ProgressRules::default())
                .await?;
            for m in &p.milestones {
                let Some(exam_day) = m.exam_date.filter(|d| *d < today) else {
                    continue;
                };
                if !p.module_completed(m.module) {
                    continue;
                }
                let decision = if (pi + offset) % 5 == 1 {
                    Decision::ExamFailed
                } else {
                    Decision::ExamPassed
                };
                let entry = NewProgressEntry {
                    module: m.module,
                    decision,
                    on: exam_day,
                    note: String::new(),
                };
                store.add_progress_entry(&staff, e.id, entry, today).await?;
            }
            if !make_up_given
                && let Some(m) = p.modules.iter().find(|m| m.all_held && !m.completed())
            {
                let entry = NewProgressEntry {
                    module: m.number,
                    decision: Decision::ModuleCompleted,
                    on: today,
                    note: "Nachholaufgabe abgegeben und bewertet".into(),
                };
                store.add_progress_entry(&staff, e.id, entry, today).await?;
                make_up_given = true;
            }
        }
    }
    Ok(())
}
