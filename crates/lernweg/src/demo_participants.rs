//! Demo participants: every enrolment state, with consents, a contact person, contact logs,
//! readiness checks (some repeated, showing the change) and pauses.

use anyhow::{Context, anyhow};
use chrono::{Duration, NaiveDate};
use lernweg_domain::{CohortStatus, ProviderId, UserId};
use lernweg_participants::readiness::evaluate;
use lernweg_participants::{
    ConsentScope, ContactChannel, EnrolmentEvent, ParticipantDraft, ReadinessAnswers,
};
use lernweg_store::{Actor, NewContact, Store};
use serde_json::json;

/// given, family, mother tongue, German level, KldB, recognition, employer, channel, reachable
type Person = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

const PEOPLE: [Person; 8] = [
    (
        "Amina",
        "Haddad",
        "ar",
        "B1",
        "81302",
        "partial",
        "Klinikum Essen-Nord",
        "phone",
        "Mo–Fr nach 15 Uhr",
    ),
    (
        "Oleksandr",
        "Kovalenko",
        "uk",
        "B2",
        "25102",
        "in_progress",
        "Metallbau Ruhr GmbH",
        "messenger",
        "abends ab 19 Uhr",
    ),
    (
        "Fatma",
        "Yıldız",
        "tr",
        "B1",
        "81302",
        "partial",
        "Seniorenzentrum am Park",
        "in_person",
        "Dienstag und Donnerstag vormittags",
    ),
    (
        "Samuel",
        "Mensah",
        "en",
        "A2",
        "51302",
        "not_started",
        "Logistikzentrum West",
        "phone",
        "nach der Frühschicht ab 14 Uhr",
    ),
    (
        "Mariam",
        "Rahimi",
        "fa",
        "C1",
        "81404",
        "partial",
        "Praxis Dr. Weber",
        "email",
        "jederzeit per E-Mail",
    ),
    (
        "Iwan",
        "Petrow",
        "ru",
        "B1",
        "27104",
        "in_progress",
        "Ingenieurbüro Schmidt",
        "video",
        "Mittwoch abends",
    ),
    (
        "Lucía",
        "Fernández",
        "es",
        "B2",
        "83112",
        "partial",
        "Kita Regenbogen",
        "phone",
        "Mo–Do 17–19 Uhr",
    ),
    (
        "Dawit",
        "Tesfaye",
        "ti",
        "A2",
        "51302",
        "not_started",
        "Spedition Elbe",
        "in_person",
        "samstags vormittags",
    ),
];

fn answers(v: serde_json::Value) -> anyhow::Result<ReadinessAnswers> {
    serde_json::from_value(v).context("demo readiness answers")
}

/// Creates the demo participants of one provider; `cohorts` are (id, start) of its published or
/// running cohorts.
pub async fn seed(
    store: &Store,
    provider: ProviderId,
    counsellor: UserId,
    cohorts: &[(lernweg_domain::CohortId, NaiveDate, CohortStatus)],
    offset: usize,
) -> anyhow::Result<()> {
    let actor = Actor::user(counsellor, "beratung@demo.example");
    if cohorts.is_empty() {
        return Ok(());
    }
    for (i, person) in PEOPLE.iter().enumerate() {
        let (given, family, tongue, level, kldb, recognition, employer, channel, reachable) =
            *person;
        let mail = format!(
            "{}.{}{}@mail.demo.example",
            ascii(given),
            ascii(family),
            offset + 1
        );
        let draft: ParticipantDraft = serde_json::from_value(json!({
            "given_name": given, "family_name": family, "email": mail, "phone": format!("0170 55{:05}", i + offset * 10),
            "mother_tongue": tongue, "german_level": level, "preferred_channel": channel, "reachable_times": reachable,
            "kldb": kldb, "recognition_status": recognition, "employer": employer, "weekly_hours": if i % 3 == 0 { "38,5" } else { "30" },
        }))?;
        let data = draft
            .validate(2026)
            .map_err(|e| anyhow!("demo participant {given} {family}: {e:?}"))?;
        let p = store
            .create_participant(&actor, provider, Some(counsellor), data)
            .await?;
        let (cohort, start, _) = cohorts[i % cohorts.len()];
        let first = start - Duration::days(60);
        store
            .add_consent(&actor, p.id, ConsentScope::DataProcessing, first)
            .await?;
        store
            .add_contact(
                &actor,
                p.id,
                NewContact {
                    on_date: first,
                    channel: ContactChannel::InPerson,
                    topic: "Erstberatung".into(),
                    note: "Ziele, Arbeitszeiten und Anerkennungsstand besprochen.".into(),
                },
            )
            .await?;
        let weak = answers(
            json!({"free_hours_per_week": 4, "commute_minutes": 50, "childcare": "partly", "quiet_place": false, "internet": "unstable", "device": "shared", "digital_skills": "basic", "income_if_reduced": "tight", "job_relates": "yes"}),
        )?;
        let result = evaluate(&weak, false, Some(6.0)).map_err(|e| anyhow!("{e:?}"))?;
        store
            .add_readiness_check(&actor, p.id, first + Duration::days(1), &weak, &result)
            .await?;
        if i % 2 == 0 {
            let better = answers(
                json!({"free_hours_per_week": 8, "commute_minutes": 30, "childcare": "yes", "quiet_place": true, "internet": "yes", "device": "own", "digital_skills": "basic", "income_if_reduced": "ok", "job_relates": "yes"}),
            )?;
            let result = evaluate(&better, false, Some(6.0)).map_err(|e| anyhow!("{e:?}"))?;
            store
                .add_readiness_check(&actor, p.id, first + Duration::days(21), &better, &result)
                .await?;
            store
                .add_contact(
                    &actor,
                    p.id,
                    NewContact {
                        on_date: first + Duration::days(20),
                        channel: ContactChannel::Phone,
                        topic: "Leihgerät und Kinderbetreuung".into(),
                        note: "Laptop ausgeliehen, Kita-Platz ab Kursbeginn bestätigt.".into(),
                    },
                )
                .await?;
        }
        let e = store.enrol(&actor, p.id, cohort).await?;
        // How far this person has come: 0 interested … 6 dropped.
        let stage = (i + offset) % 8;
        let mut steps: Vec<(NaiveDate, EnrolmentEvent)> = Vec::new();
        if stage >= 1 {
            steps.push((first + Duration::days(2), EnrolmentEvent::Counsel));
        }
        if stage >= 2 {
            steps.push((first + Duration::days(30), EnrolmentEvent::Enrol));
        }
        if stage >= 3 {
            steps.push((start, EnrolmentEvent::Activate));
        }
        match stage {
            4 => steps.push((start + Duration::days(60), serde_json::from_value(json!({"event": "pause", "reason": "family", "expected_return": (start + Duration::days(120)).to_string(), "note": "Geburt eines Kindes"}))?)),
            5 => {
                steps.push((start + Duration::days(40), serde_json::from_value(json!({"event": "pause", "reason": "workload", "expected_return": (start + Duration::days(70)).to_string()}))?));
                steps.push((start + Duration::days(70), EnrolmentEvent::Resume));
            }
            6 => steps.push((start + Duration::days(300), EnrolmentEvent::Complete { stayed_employed: Some(true) })),
            7 => steps.push((start + Duration::days(90), serde_json::from_value(json!({"event": "drop", "reason": "job_change", "text": "Neue Stelle im Schichtdienst, Kurszeiten passen nicht mehr.", "stayed_employed": true}))?)),
            _ => {}
        }
        for (on, ev) in steps {
            store
                .apply_enrolment_event(&actor, e.id, on, ev)
                .await
                .with_context(|| format!("demo enrolment of {given} {family}"))?;
        }
    }
    Ok(())
}

fn ascii(s: &str) -> String {
    s.to_lowercase()
        .replace(['ı', 'í'], "i")
        .replace('ü', "ue")
        .replace('ö', "oe")
        .replace('ä', "ae")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}
