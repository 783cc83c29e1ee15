//! Demo of individual qualification paths (issue 14, point 8): three people of the first
//! provider whose work is an individual plan, not a course, in different stages —
//! a nurse with a decision naming substantial differences who prepares for the knowledge
//! test (cohort modules, lessons, a placement; rotating shifts; under way), an electronics
//! technician with partial equivalence (modules and a placement; just planned) and an
//! accountant in a non-regulated occupation (coaching and self-study; nearly done).

use anyhow::anyhow;
use chrono::{Datelike, Duration};
use lernweg_domain::{Email, ProviderId};
use lernweg_participants::qualification_plan::{ItemDetails, PlanItem};
use lernweg_participants::recognition::{RawDifference, RawRecognition};
use lernweg_participants::{
    AttendanceStatus, ConsentScope, EnrolmentEvent, ParticipantDraft, RollCallEntry, Shift,
    WorkPattern, monday_of,
};
use lernweg_planner::ProposedSession;
use lernweg_planner::model::ClockTime;
use lernweg_store::{Actor, PlanItemLog, PlanSessionOwner, Store, WorkPatternSource};
use serde_json::json;

fn t(s: &str) -> anyhow::Result<ClockTime> {
    ClockTime::parse(s).map_err(|e| anyhow!(e))
}

struct Person {
    given: &'static str,
    family: &'static str,
    tongue: &'static str,
    level: &'static str,
    kldb: &'static str,
}

const PEOPLE: [Person; 3] = [
    Person {
        given: "Maricel",
        family: "Santos",
        tongue: "tl",
        level: "B2",
        kldb: "81302",
    },
    Person {
        given: "Oleh",
        family: "Bondarenko",
        tongue: "uk",
        level: "B1",
        kldb: "26212",
    },
    Person {
        given: "Leila",
        family: "Ahmadi",
        tongue: "fa",
        level: "C1",
        kldb: "72213",
    },
];

fn diff(title: &str, area: &str, hours: Option<f64>) -> RawDifference {
    RawDifference {
        id: None,
        title: title.into(),
        area: area.into(),
        required_hours: hours,
    }
}

/// Ids for the differences of a demo case: `u1`, `u2`, …
/// The nurse's enrolment for module 1 of the cohort only (issue 14, point 7): active since
/// the cohort started, present at its past module-1 sessions but one (excused).
async fn module_enrolment(
    store: &Store,
    actor: &Actor,
    nurse: lernweg_domain::ParticipantId,
    cohort: lernweg_domain::CohortId,
    today: chrono::NaiveDate,
) -> anyhow::Result<()> {
    let c = store.cohort(cohort).await?;
    let e = store.enrol_for(actor, nurse, cohort, &[1]).await?;
    let first = (c.start_date - Duration::days(30)).min(today);
    for (on, ev) in [
        (first, EnrolmentEvent::Counsel),
        (first + Duration::days(7), EnrolmentEvent::Enrol),
        (
            c.start_date.max(first + Duration::days(7)),
            EnrolmentEvent::Activate,
        ),
    ] {
        if on <= today {
            store.apply_enrolment_event(actor, e.id, on, ev).await?;
        }
    }
    let calls: Vec<_> = store
        .timetable(cohort)
        .await?
        .iter()
        .filter(|s| s.module == Some(1) && s.date < today && s.date >= c.start_date)
        .filter(|s| s.status == lernweg_store::SessionStatus::Confirmed)
        .enumerate()
        .map(|(i, s)| {
            let status = if i == 2 {
                AttendanceStatus::Excused
            } else {
                AttendanceStatus::Present
            };
            let note = String::new();
            let entry = RollCallEntry {
                enrolment: e.id,
                status,
                note,
            };
            (s.id, vec![entry])
        })
        .collect();
    store.record_roll_calls(actor, &calls, today).await?;
    Ok(())
}

/// Saturday lessons of the nurse, 10–12 with the tutor: three past (two attended, one
/// excused), six coming, of which one moved and one cancelled, each with its reason.
async fn lesson_dates(
    store: &Store,
    actor: &Actor,
    owner: PlanSessionOwner,
    today: chrono::NaiveDate,
) -> anyhow::Result<()> {
    let saturday = today - Duration::days(i64::from(today.weekday().num_days_from_monday()) + 2);
    let dates: Vec<ProposedSession> = (-3..6)
        .map(|w| -> anyhow::Result<ProposedSession> {
            Ok(ProposedSession {
                date: saturday + Duration::days(7 * w + 7),
                start: t("10:00")?,
                end: t("12:00")?,
                hours: 2.0,
            })
        })
        .collect::<anyhow::Result<_>>()?;
    let ids = store.confirm_plan_sessions(actor, owner, &dates).await?;
    let p = owner.provider;
    for (i, status, note) in [
        (0, AttendanceStatus::Present, ""),
        (
            1,
            AttendanceStatus::Excused,
            "Frühdienst getauscht, kurzfristig",
        ),
        (2, AttendanceStatus::Present, ""),
    ] {
        store
            .record_plan_attendance(actor, ids[i], p, status, note)
            .await?;
    }
    let moved = ProposedSession {
        start: t("13:00")?,
        end: t("15:00")?,
        ..dates[4]
    };
    let reason = "Die Tutorin hat vormittags eine Prüfungsaufsicht.";
    store
        .move_plan_session(actor, ids[4], p, &moved, reason)
        .await?;
    let reason = "Die Tutorin ist auf einer Fortbildung; der Termin wird nachgeholt.";
    store.cancel_plan_session(actor, ids[6], p, reason).await?;
    Ok(())
}

fn counter(prefix: &'static str) -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("{prefix}{n}")
    }
}

/// Seeds the three paths while the nurse does not exist; safe to run again.
pub async fn seed(store: &Store, provider: ProviderId) -> anyhow::Result<()> {
    let people = store.participants(Some(provider)).await?;
    if people
        .iter()
        .any(|p| p.data.given_name == PEOPLE[0].given && p.data.family_name == PEOPLE[0].family)
    {
        return Ok(());
    }
    let today = store.clock().today();
    let actor = Actor::system();
    let counsellor = store
        .user_by_email(&Email::parse("beratung1@demo.example").map_err(|e| anyhow!("{e}"))?)
        .await?;
    let mut ids = Vec::new();
    for (i, p) in PEOPLE.iter().enumerate() {
        let draft: ParticipantDraft = serde_json::from_value(json!({
            "given_name": p.given, "family_name": p.family,
            "email": format!("{}.{}@mail.demo.example", p.given.to_lowercase(), p.family.to_lowercase()),
            "phone": format!("0170 77{:05}", i), "mother_tongue": p.tongue, "german_level": p.level,
            "preferred_channel": "phone", "kldb": p.kldb, "recognition_status": "partial",
            "weekly_hours": "30",
        }))?;
        let data = draft
            .validate(today.year())
            .map_err(|e| anyhow!("demo participant {}: {e:?}", p.given))?;
        let rec = store
            .create_participant(&actor, provider, Some(counsellor.id), data)
            .await?;
        store
            .add_consent(
                &actor,
                rec.id,
                ConsentScope::DataProcessing,
                today - Duration::days(120),
            )
            .await?;
        ids.push(rec.id);
    }
    // A running or coming cohort of the provider whose offer has two modules or more.
    let mut cohort = None;
    for c in store.cohorts(Some(provider), None).await? {
        let offer = store.offer(c.offer_id).await?;
        if offer.offer.modules.len() >= 2 && c.end_date.is_some_and(|e| e > today) {
            cohort = Some(c.id);
            break;
        }
    }
    let decided = today - Duration::days(150);
    let item = |title: &str, covers: Vec<String>, hours: f64, details| PlanItem {
        title: title.into(),
        covers,
        hours,
        details,
    };

    // 1. The nurse: substantial differences, rotating shifts, under way.
    let nurse = ids[0];
    let rotation = WorkPattern::rotating(
        monday_of(today),
        [("06:00", "14:00"), ("14:00", "22:00"), ("22:00", "06:00")]
            .iter()
            .map(|(a, b)| {
                [
                    chrono::Weekday::Mon,
                    chrono::Weekday::Tue,
                    chrono::Weekday::Wed,
                    chrono::Weekday::Thu,
                    chrono::Weekday::Fri,
                ]
                .into_iter()
                .map(|d| Shift::new(d, t(a)?, t(b)?).ok_or_else(|| anyhow!("shift")))
                .collect::<anyhow::Result<Vec<_>>>()
            })
            .collect::<anyhow::Result<Vec<_>>>()?,
    )
    .ok_or_else(|| anyhow!("demo rotation"))?;
    store
        .set_work_pattern(&actor, nurse, &rotation, 35, WorkPatternSource::Form)
        .await?;
    let case = RawRecognition {
        reference_occupation: "Pflegefachfrau".into(),
        kldb: Some("81302".into()),
        regulated: true,
        authority: "Bezirksregierung Düsseldorf".into(),
        applied_on: Some(decided - Duration::days(120)),
        decided_on: Some(decided),
        outcome: "substantial_differences".into(),
        deadline: Some(decided + Duration::days(730)),
        differences: vec![
            diff("Pflege alter Menschen", "Altenpflege", Some(120.0)),
            diff(
                "Rechtliche Grundlagen der Pflege",
                "Berufsrecht",
                Some(40.0),
            ),
            diff(
                "Pflegeprozess und Dokumentation",
                "Pflegeplanung",
                Some(60.0),
            ),
        ],
    };
    let case = case
        .parse(counter("u"))
        .map_err(|e| anyhow!("demo case: {e:?}"))?;
    store
        .put_recognition(&actor, nurse, provider, &case)
        .await?;
    let d = |i: usize| case.differences[i].id.clone();
    let tutor = store
        .user_by_email(&Email::parse("lehrkraft2@demo.example").map_err(|e| anyhow!("{e}"))?)
        .await?
        .id;
    let mut nurse_items = vec![
        item(
            "Einzelunterricht Berufsrecht",
            vec![d(1)],
            40.0,
            ItemDetails::Lessons {
                session_hours: 2.0,
                earliest: today - Duration::days(28),
                weekdays: vec![chrono::Weekday::Sat, chrono::Weekday::Sun],
                window_start: t("09:00")?,
                window_end: t("17:00")?,
                trainer_id: Some(tutor),
                closures: vec![],
            },
        ),
        item(
            "Praxiseinsatz Altenpflege",
            vec![d(0)],
            120.0,
            ItemDetails::Placement {
                company: "Seniorenzentrum am Park".into(),
                from: today - Duration::days(35),
                to: today + Duration::days(49),
                hours_per_week: 10.0,
            },
        ),
        item(
            "Kenntnisprüfung",
            vec![d(0), d(1), d(2)],
            6.0,
            ItemDetails::Exam {
                date: decided + Duration::days(700),
                authority: "Bezirksregierung Düsseldorf".into(),
            },
        ),
    ];
    if let Some(c) = cohort {
        nurse_items.insert(
            0,
            item(
                "Module des Durchgangs: Pflegeprozess",
                vec![d(2)],
                60.0,
                ItemDetails::CohortModules {
                    cohort_id: c,
                    modules: vec![1],
                },
            ),
        );
    }
    let mut placement = None;
    for i in &nurse_items {
        let r = store.add_plan_item(&actor, nurse, provider, i).await?;
        if matches!(i.details, ItemDetails::Placement { .. }) {
            placement = Some(r.id);
        }
        if matches!(i.details, ItemDetails::Lessons { .. }) {
            let owner = PlanSessionOwner {
                item: r.id,
                participant: nurse,
                provider,
                trainer: Some(tutor),
            };
            lesson_dates(store, &actor, owner, today).await?;
        }
    }
    if let Some(c) = cohort {
        module_enrolment(store, &actor, nurse, c, today).await?;
    }
    if let Some(p) = placement {
        for week in 1..=5 {
            let on = today - Duration::days(35) + Duration::days(7 * week - 3);
            let log = PlanItemLog {
                on,
                hours: 10.0,
                note: format!("Praxiswoche {week}"),
            };
            store.log_plan_item(&actor, p, provider, &log).await?;
        }
    }

    // 2. The electronics technician: partial equivalence, just planned.
    let tech = ids[1];
    let case = RawRecognition {
        reference_occupation: "Elektroniker für Energie- und Gebäudetechnik".into(),
        kldb: Some("26212".into()),
        regulated: false,
        authority: "Handwerkskammer Dortmund".into(),
        applied_on: Some(today - Duration::days(100)),
        decided_on: Some(today - Duration::days(20)),
        outcome: "partial_equivalence".into(),
        deadline: None,
        differences: vec![
            diff("Gebäudesystemtechnik (KNX)", "Elektrotechnik", Some(80.0)),
            diff("Normen und Vorschriften (VDE)", "Elektrotechnik", None),
        ],
    }
    .parse(counter("e"))
    .map_err(|e| anyhow!("demo case: {e:?}"))?;
    store.put_recognition(&actor, tech, provider, &case).await?;
    let tech_items = [
        item(
            "Praxisphase Gebäudetechnik",
            vec![case.differences[0].id.clone()],
            160.0,
            ItemDetails::Placement {
                company: "Elektro Schulte GmbH".into(),
                from: today + Duration::days(30),
                to: today + Duration::days(30 + 7 * 16),
                hours_per_week: 10.0,
            },
        ),
        item(
            "Fachsprachkurs Elektrotechnik",
            vec![case.differences[1].id.clone()],
            60.0,
            ItemDetails::LanguageCourse {
                course_provider: "Volkshochschule Dortmund".into(),
                from: Some(today + Duration::days(14)),
                to: Some(today + Duration::days(14 + 7 * 12)),
            },
        ),
    ];
    for i in &tech_items {
        store.add_plan_item(&actor, tech, provider, i).await?;
    }

    // 3. The accountant, non-regulated: coaching and self-study, nearly done.
    let acc = ids[2];
    let case = RawRecognition {
        reference_occupation: "Steuerfachangestellte".into(),
        kldb: Some("72213".into()),
        regulated: false,
        authority: "IHK FOSA, Nürnberg".into(),
        applied_on: Some(today - Duration::days(300)),
        decided_on: Some(today - Duration::days(240)),
        outcome: "partial_equivalence".into(),
        deadline: None,
        differences: vec![
            diff("Deutsches Steuerrecht", "Steuern", Some(40.0)),
            diff("Buchführung nach HGB", "Rechnungswesen", Some(30.0)),
        ],
    }
    .parse(counter("s"))
    .map_err(|e| anyhow!("demo case: {e:?}"))?;
    store.put_recognition(&actor, acc, provider, &case).await?;
    let coaching = store
        .add_plan_item(
            &actor,
            acc,
            provider,
            &item(
                "Coaching Steuerrecht",
                vec![case.differences[0].id.clone()],
                40.0,
                ItemDetails::Lessons {
                    session_hours: 2.0,
                    earliest: today - Duration::days(200),
                    weekdays: vec![chrono::Weekday::Mon, chrono::Weekday::Wed],
                    window_start: t("17:30")?,
                    window_end: t("20:30")?,
                    trainer_id: None,
                    closures: vec![],
                },
            ),
        )
        .await?;
    let study = store
        .add_plan_item(
            &actor,
            acc,
            provider,
            &item(
                "Selbstlernen Buchführung",
                vec![case.differences[1].id.clone()],
                30.0,
                ItemDetails::SelfStudy {
                    hours_per_week: 3.0,
                    link: "https://lernplattform.demo.example/hgb".into(),
                    from: Some(today - Duration::days(150)),
                    to: Some(today - Duration::days(80)),
                },
            ),
        )
        .await?;
    let back = |days: i64| today - Duration::days(days);
    for (id, days, hours) in [
        (coaching.id, 180, 10.0),
        (coaching.id, 120, 10.0),
        (coaching.id, 60, 10.0),
        (study.id, 140, 10.0),
        (study.id, 110, 10.0),
        (study.id, 85, 10.0),
    ] {
        let log = PlanItemLog {
            on: back(days),
            hours,
            note: String::new(),
        };
        store.log_plan_item(&actor, id, provider, &log).await?;
    }
    Ok(())
}
