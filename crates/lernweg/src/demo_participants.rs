//! Demo participants: every enrolment state, with consents, a contact person, contact logs,
//! readiness checks (some repeated, showing the change) and pauses.

use anyhow::{Context, anyhow};
use chrono::{Datelike, Duration, NaiveDate};
use lernweg_domain::{CohortStatus, ProviderId, UserId};
use lernweg_offers::run::{Phase, Run};
use lernweg_participants::readiness::evaluate;
use lernweg_participants::{
    ConsentScope, ContactChannel, EnrolmentEvent, ParticipantDraft, ReadinessAnswers,
};
use lernweg_store::{Actor, CheckedAgainst, NewContact, Store};
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

/// Creates the demo participants of one provider; `cohorts` are (id, first day, last day,
/// status) of its cohorts that are not drafts. People who have started are in a cohort that has
/// started (those who completed in one that has ended), the others in one still to come; every
/// step is dated between the start and today.
pub async fn seed(
    store: &Store,
    provider: ProviderId,
    counsellor: UserId,
    cohorts: &[(
        lernweg_domain::CohortId,
        NaiveDate,
        Option<NaiveDate>,
        CohortStatus,
    )],
    offset: usize,
) -> anyhow::Result<()> {
    let actor = Actor::user(counsellor, "beratung@demo.example");
    let today = store.clock().today();
    if cohorts.is_empty() {
        return Ok(());
    }
    let mut created = Vec::new();
    let mut starts = Vec::new();
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
            .validate(today.year())
            .map_err(|e| anyhow!("demo participant {given} {family}: {e:?}"))?;
        let p = store
            .create_participant(&actor, provider, Some(counsellor), data)
            .await?;
        created.push(p.id);
        // How far this person has come: 0 interested … 7 dropped. Those who have started
        // are in a cohort that has started; the others in one still to come, if there is one.
        let stage = (i + offset) % 8;
        let phase = |c: &&(_, NaiveDate, Option<NaiveDate>, _)| Run::new(c.1, c.2).phase(today);
        let wanted = match stage {
            0..=2 => Phase::Coming,
            6 => Phase::Ended,
            _ => Phase::Running,
        };
        let mut pool: Vec<_> = cohorts.iter().filter(|c| phase(c) == wanted).collect();
        if pool.is_empty() {
            pool = cohorts
                .iter()
                .filter(|c| phase(c) != Phase::Ended)
                .collect();
        }
        if pool.is_empty() {
            continue;
        }
        let (cohort, start, end, _) = *pool[i % pool.len()];
        // Days between the start and today, to date the steps on the way.
        let ran = (today - start).num_days().max(0);
        let after = |share: i64| start + Duration::days(ran * share / 6);
        starts.push((p.id, start));
        // First counselled two months before the start, but never later than 25 days ago:
        // nothing is recorded that has not happened yet.
        let first = (start - Duration::days(60)).min(today - Duration::days(25));
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
        // Checked against an offer of 6 hours a week, typed by the counsellor.
        let against = CheckedAgainst {
            offer_hours: Some(6.0),
            cohort_id: None,
        };
        let result = evaluate(&weak, false, against.offer_hours).map_err(|e| anyhow!("{e:?}"))?;
        store
            .add_readiness_check_against(
                &actor,
                p.id,
                first + Duration::days(1),
                &weak,
                &result,
                against,
            )
            .await?;
        if i == 4 {
            // Health questions only with an explicit consent (GDPR Art. 9).
            store
                .add_consent(
                    &actor,
                    p.id,
                    ConsentScope::HealthData,
                    first + Duration::days(10),
                )
                .await?;
            let with_health = answers(
                json!({"free_hours_per_week": 7, "commute_minutes": 20, "childcare": "yes", "quiet_place": true, "internet": "yes", "device": "own", "digital_skills": "good", "income_if_reduced": "ok", "job_relates": "yes", "health": "limited"}),
            )?;
            let result =
                evaluate(&with_health, true, against.offer_hours).map_err(|e| anyhow!("{e:?}"))?;
            store
                .add_readiness_check_against(
                    &actor,
                    p.id,
                    first + Duration::days(10),
                    &with_health,
                    &result,
                    against,
                )
                .await?;
        }
        if i % 2 == 0 {
            let better = answers(
                json!({"free_hours_per_week": 8, "commute_minutes": 30, "childcare": "yes", "quiet_place": true, "internet": "yes", "device": "own", "digital_skills": "basic", "income_if_reduced": "ok", "job_relates": "yes"}),
            )?;
            let result =
                evaluate(&better, false, against.offer_hours).map_err(|e| anyhow!("{e:?}"))?;
            store
                .add_readiness_check_against(
                    &actor,
                    p.id,
                    first + Duration::days(21),
                    &better,
                    &result,
                    against,
                )
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
        // Pauses and drops need some days of the course behind them.
        match stage {
            4 | 5 | 7 if ran < 12 => {}
            4 => steps.push((after(4), serde_json::from_value(json!({"event": "pause", "reason": "family", "expected_return": (today + Duration::days(60)).to_string(), "note": "Geburt eines Kindes"}))?)),
            5 => {
                steps.push((after(2), serde_json::from_value(json!({"event": "pause", "reason": "workload", "expected_return": after(4).to_string()}))?));
                steps.push((after(4), EnrolmentEvent::Resume));
            }
            6 => {
                let done = end.map_or(today, |e| (e + Duration::days(3)).min(today));
                steps.push((done, EnrolmentEvent::Complete { stayed_employed: Some(true) }));
            }
            7 => steps.push((after(3), serde_json::from_value(json!({"event": "drop", "reason": "job_change", "text": "Neue Stelle im Schichtdienst, Kurszeiten passen nicht mehr.", "stayed_employed": true}))?)),
            _ => {}
        }
        // Only what has happened by today; the rest of the way is still to come.
        for (on, ev) in steps.into_iter().take_while(|(on, _)| *on <= today) {
            store
                .apply_enrolment_event(&actor, e.id, on, ev)
                .await
                .with_context(|| format!("demo enrolment of {given} {family}"))?;
        }
    }
    loans(store, &actor, provider, &created).await?;
    crate::demo_work::seed(store, &actor, &starts).await?;
    referrals(store, &actor, provider, &created, offset, today).await
}

/// Six counselling services in the provider's city and referrals in several states.
async fn referrals(
    store: &Store,
    actor: &Actor,
    provider: ProviderId,
    people: &[lernweg_domain::ParticipantId],
    offset: usize,
    today: NaiveDate,
) -> anyhow::Result<()> {
    let city = if offset == 0 {
        ("Essen", "45127")
    } else {
        ("Leipzig", "04109")
    };
    let svc = |kind: &str, name: &str, person: &str, phone: &str, langs: &str, hours: &str| {
        lernweg_store::ServiceInput {
            kind: kind.into(),
            name: name.replace("{city}", city.0),
            contact_person: person.into(),
            phone: phone.into(),
            email: format!("{kind}@beratung-{}.example", city.0.to_lowercase()),
            address: format!("Marktplatz 1, {} {}", city.1, city.0),
            languages: langs.into(),
            opening_hours: hours.into(),
            note: String::new(),
            active: true,
        }
    };
    let debt = store
        .create_counselling_service(
            actor,
            provider,
            svc(
                "debt",
                "Schuldnerberatung der Caritas {city}",
                "Frau Bielefeld",
                "0201 810280",
                "Deutsch, Türkisch",
                "Mo–Do 9–16 Uhr, Fr 9–12 Uhr",
            ),
        )
        .await?;
    let kita = store
        .create_counselling_service(
            actor,
            provider,
            svc(
                "childcare",
                "Kita-Platzvermittlung der Stadt {city}",
                "Herr Nowak",
                "0201 8851234",
                "Deutsch, Englisch, Russisch",
                "Di und Do 8–15 Uhr",
            ),
        )
        .await?;
    store
        .create_counselling_service(
            actor,
            provider,
            svc(
                "social",
                "Allgemeine Sozialberatung der Diakonie {city}",
                "Frau Kaya",
                "0201 26640",
                "Deutsch, Arabisch, Kurdisch",
                "Mo–Fr 9–13 Uhr",
            ),
        )
        .await?;
    store
        .create_counselling_service(
            actor,
            provider,
            svc(
                "health",
                "Gesundheitsamt {city} – Beratung für Zugewanderte",
                "Dr. Schulte",
                "0201 8853000",
                "Deutsch, Englisch, Farsi",
                "Mo, Mi 9–12 Uhr",
            ),
        )
        .await?;
    let mbe = store
        .create_counselling_service(
            actor,
            provider,
            svc(
                "migration",
                "Migrationsberatung für Erwachsene (MBE) der AWO {city}",
                "Herr Haddad",
                "0201 1897123",
                "Deutsch, Arabisch, Ukrainisch",
                "Mo–Do 9–15 Uhr",
            ),
        )
        .await?;
    let iq = store
        .create_counselling_service(
            actor,
            provider,
            svc(
                "recognition",
                "IQ Anerkennungsberatung – Beratungsstelle {city}",
                "Frau Petrović",
                "0201 3204567",
                "Deutsch, Englisch, Serbisch, Spanisch",
                "Termine nach Vereinbarung",
            ),
        )
        .await?;
    // Days counted back from today: all of it has happened.
    let day = |days_ago: i64| today - Duration::days(days_ago);
    if let [a, b, c, ..] = people {
        let r1 = store
            .create_referral(
                actor,
                *a,
                &iq.id,
                day(50),
                "Anerkennung des ausländischen Abschlusses klären",
            )
            .await?;
        store
            .set_referral_status(actor, &r1.id, "referred", day(49), "")
            .await?;
        store
            .set_referral_status(
                actor,
                &r1.id,
                "appointment_made",
                day(47),
                "Termin in zwei Wochen",
            )
            .await?;
        let r2 = store
            .create_referral(
                actor,
                *b,
                &kita.id,
                day(22),
                "Betreuung für zwei Kinder während der Abendkurse",
            )
            .await?;
        store
            .set_referral_status(actor, &r2.id, "referred", day(21), "")
            .await?;
        store
            .create_referral(
                actor,
                *c,
                &debt.id,
                day(7),
                "Mietrückstände, Ratenplan gewünscht",
            )
            .await?;
        let r4 = store
            .create_referral(actor, *a, &mbe.id, day(85), "Fragen zum Aufenthaltstitel")
            .await?;
        store
            .set_referral_status(actor, &r4.id, "referred", day(84), "")
            .await?;
        store
            .set_referral_status(actor, &r4.id, "appointment_made", day(81), "")
            .await?;
        store
            .set_referral_status(actor, &r4.id, "done", day(71), "Verlängerung beantragt")
            .await?;
    }
    Ok(())
}

/// Three devices; one lent and overdue, one lent and due later (counted from today, so the
/// overdue list always has content).
async fn loans(
    store: &Store,
    actor: &Actor,
    provider: ProviderId,
    people: &[lernweg_domain::ParticipantId],
) -> anyhow::Result<()> {
    let today = store.clock().today();
    let device = |kind: &str, label: &str, serial: &str| lernweg_store::NewDevice {
        kind: kind.into(),
        label: label.into(),
        serial: serial.into(),
        note: String::new(),
    };
    let laptop = store
        .create_device(actor, provider, device("laptop", "Laptop 1", "LW-L-001"))
        .await?;
    let router = store
        .create_device(
            actor,
            provider,
            device("router", "LTE-Router 1", "LW-R-001"),
        )
        .await?;
    let headset = store
        .create_device(actor, provider, device("headset", "Headset 1", ""))
        .await?;
    if let [a, b, c, ..] = people {
        let lend =
            |device_id: String, participant_id, lent: i64, due: i64| lernweg_store::NewLoan {
                device_id,
                participant_id,
                lent_on: today - Duration::days(lent),
                due_on: today + Duration::days(due),
                note: String::new(),
            };
        store
            .lend_device(actor, lend(laptop.id.clone(), *a, 30, -3))
            .await?;
        store
            .lend_device(actor, lend(router.id.clone(), *b, 5, 25))
            .await?;
        // Lent for an online module and brought back: available again.
        let back = store
            .lend_device(actor, lend(headset.id.clone(), *c, 90, -30))
            .await?;
        store
            .return_loan(actor, &back.id, today - Duration::days(35))
            .await?;
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
