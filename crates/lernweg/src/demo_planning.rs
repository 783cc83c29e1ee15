//! Demo of planning a draft with the employers (issue 13, point 3): employers of more
//! sectors — construction, retail, IT — each with an employee (on a recorded consent
//! `employer_contact`) interested in the first draft cohort of the provider, as are a second
//! nurse of the hospital whose contact has the demo employer login and a care assistant of
//! the nursing home (care). The draft is shared (the contacts' notices wait in the outbox)
//! and the employers have answered: a peak season and an inventory that hit planned
//! sessions, and comments.

use anyhow::{Context, anyhow};
use chrono::{Datelike, Duration};
use lernweg_app::{App, Caller};
use lernweg_domain::{CohortStatus, Email, ProviderId, RawEmployer, RawEmployerContact, Role};
use lernweg_domain::{Principal, Search};
use lernweg_offers::planning::{Answer, BlockReason, BlockedPeriod};
use lernweg_participants::{ConsentScope, ParticipantDraft};
use lernweg_store::{Actor, EmployerFilter, SessionStatus, Store};
use serde_json::json;

/// Employer (name, sector, KldB, street, postcode, city, contact, e-mail) and its employee
/// (given, family, mother tongue, German level, KldB).
type Planner = ([&'static str; 8], [&'static str; 5]);

const EMPLOYERS: [Planner; 3] = [
    (
        [
            "Bauunternehmung Krause GmbH",
            "construction",
            "32102",
            "Zechenstraße 40",
            "45309",
            "Essen",
            "Thomas Krause",
            "t.krause@bau-krause.demo.example",
        ],
        ["Ahmad", "Karimi", "fa", "A2", "32102"],
    ),
    (
        [
            "Kaufhaus am Markt",
            "retail",
            "62102",
            "Marktplatz 1",
            "44787",
            "Bochum",
            "Sabine Lorenz",
            "personal@kaufhaus-markt.demo.example",
        ],
        ["Nadia", "Popescu", "ro", "B1", "62102"],
    ),
    (
        [
            "Datenwerk IT-Service GmbH",
            "it",
            "43102",
            "Technologiepark 5",
            "44227",
            "Dortmund",
            "Kemal Arslan",
            "k.arslan@datenwerk.demo.example",
        ],
        ["Ravi", "Sharma", "hi", "B2", "43102"],
    ),
];

/// Seeds the planning demo while the construction firm does not exist; safe to run again.
pub async fn seed(store: &Store, provider: ProviderId) -> anyhow::Result<()> {
    let filter = EmployerFilter {
        scope: Some(provider),
        search: Search::parse(EMPLOYERS[0].0[0]).map_err(|e| anyhow!("{e}"))?,
        ..Default::default()
    };
    if !store
        .employers_after(&filter, None, lernweg_domain::Limit::MAX)
        .await?
        .items
        .is_empty()
    {
        return Ok(());
    }
    let Some(draft) = store
        .cohorts(Some(provider), None)
        .await?
        .into_iter()
        .find(|c| c.status == CohortStatus::Draft)
    else {
        return Ok(());
    };
    let actor = Actor::system();
    let counsellor = store
        .user_by_email(&Email::parse("beratung1@demo.example").map_err(|e| anyhow!("{e}"))?)
        .await?;
    let today = store.clock().today();
    let mut people = Vec::new();
    for (i, (e, p)) in EMPLOYERS.iter().enumerate() {
        let employer = store
            .create_employer(&actor, provider, employer_input(e)?)
            .await?;
        let [given, family, tongue, level, kldb] = *p;
        let draft_person: ParticipantDraft = serde_json::from_value(json!({
            "given_name": given, "family_name": family,
            "email": format!("{}.{}@mail.demo.example", given.to_lowercase(), family.to_lowercase()),
            "phone": format!("0170 66{:05}", i), "mother_tongue": tongue, "german_level": level,
            "preferred_channel": "phone", "kldb": kldb, "recognition_status": "partial",
            "employer": e[0], "weekly_hours": "38,5",
        }))?;
        let data = draft_person
            .validate(today.year())
            .map_err(|e| anyhow!("demo participant {given} {family}: {e:?}"))?;
        let person = store
            .create_participant(&actor, provider, Some(counsellor.id), data)
            .await?;
        people.push((employer, person.id));
    }
    // A second nurse of the hospital, so that the demo employer login sees the draft too,
    // and a care assistant of the nursing home (sector care).
    let existing = [
        (
            crate::demo_employers::HOSPITAL,
            "Joy",
            "Okafor",
            "en",
            "81302",
        ),
        ("Seniorenzentrum am Park", "Elena", "Petrova", "ru", "82102"),
    ];
    for (i, (name, given, family, tongue, kldb)) in existing.into_iter().enumerate() {
        let employer = store
            .employers_after(
                &EmployerFilter {
                    scope: Some(provider),
                    search: Search::parse(name).map_err(|e| anyhow!("{e}"))?,
                    ..Default::default()
                },
                None,
                lernweg_domain::Limit::MAX,
            )
            .await?
            .items
            .into_iter()
            .next()
            .with_context(|| format!("the demo employer {name}"))?;
        let person: ParticipantDraft = serde_json::from_value(json!({
            "given_name": given, "family_name": family,
            "email": format!("{}.{}@mail.demo.example", given.to_lowercase(), family.to_lowercase()),
            "phone": format!("0170 660001{i}"), "mother_tongue": tongue, "german_level": "B2",
            "preferred_channel": "email", "kldb": kldb, "recognition_status": "partial",
            "employer": name, "weekly_hours": "30",
        }))?;
        let person = person
            .validate(today.year())
            .map_err(|e| anyhow!("demo participant {given} {family}: {e:?}"))?;
        let person = store
            .create_participant(&actor, provider, Some(counsellor.id), person)
            .await?;
        people.push((employer, person.id));
    }
    let since = today - Duration::days(14);
    for (employer, person) in &people {
        store
            .add_consent(&actor, *person, ConsentScope::DataProcessing, since)
            .await?;
        let consent = store
            .add_consent(&actor, *person, ConsentScope::EmployerContact, since)
            .await?;
        store
            .link_employee(&actor, employer, *person, &consent.id, since)
            .await?;
        store.enrol(&actor, *person, draft.id).await?;
    }

    // The coordinator shares the draft; the contacts' notices go into the outbox.
    let app = App::new(store.clone());
    let coordinator = store
        .user_by_email(&Email::parse("koordination1@demo.example").map_err(|e| anyhow!("{e}"))?)
        .await?;
    let caller = Caller::new(
        Principal {
            user_id: coordinator.id,
            role: Role::Coordinator,
            provider_id: Some(provider),
        },
        Actor::user(coordinator.id, coordinator.email.as_str()),
    );
    lernweg_app::planning::share(&app, &caller, draft.id, "http://127.0.0.1:8080")
        .await
        .map_err(|e| anyhow!("sharing the demo draft: {e}"))?;

    // The answers: two periods that hit planned sessions, one comment.
    let draft = store.cohort(draft.id).await?;
    let dates: Vec<_> = store
        .timetable(draft.id)
        .await?
        .into_iter()
        .filter(|s| s.status != SessionStatus::Cancelled)
        .map(|s| s.date)
        .collect();
    let around = |i: usize, days: i64| {
        let d = dates[i.min(dates.len() - 1)];
        (d - Duration::days(1), d + Duration::days(days))
    };
    let (peak_from, peak_to) = around(3, 10);
    let (inv_from, inv_to) = around(dates.len() / 2, 1);
    let answers = [
        (
            0,
            Some((peak_from, peak_to, BlockReason::PeakSeason)),
            "Hochsaison auf den Baustellen: In dieser Zeit arbeiten wir auch samstags.",
        ),
        (
            1,
            Some((inv_from, inv_to, BlockReason::Inventory)),
            "Inventur – alle Beschäftigten im Haus.",
        ),
        (
            2,
            None,
            "Abends passt gut. Freitags ist bei uns Release-Tag, da wäre ein Termin schwierig.",
        ),
        (
            4,
            None,
            "Zwischen Weihnachten und Neujahr ist bei uns Urlaubssperre – bitte dort keine Termine.",
        ),
    ];
    for (who, period, comment) in answers {
        let (employer, _) = &people[who];
        let period = period
            .map(|(f, t, r)| BlockedPeriod::new(f, t, r))
            .transpose()
            .map_err(|e| anyhow!("{e:?}"))?;
        let answer = Answer::new(period, comment).map_err(|e| anyhow!("{e:?}"))?;
        let contact = &employer.contacts[0];
        store
            .add_plan_answer(
                &Actor::system(),
                &draft,
                employer.id,
                Some(contact.id),
                &contact.name,
                &answer,
            )
            .await?;
    }
    Ok(())
}

fn employer_input(e: &[&'static str; 8]) -> anyhow::Result<lernweg_domain::EmployerInput> {
    let [name, sector, kldb, street, postcode, city, contact, email] = *e;
    RawEmployer {
        name: name.into(),
        sector: sector.into(),
        kldb: kldb.into(),
        street: street.into(),
        postcode: postcode.into(),
        city: city.into(),
        contacts: vec![RawEmployerContact {
            name: contact.into(),
            email: email.into(),
            ..Default::default()
        }],
        ..Default::default()
    }
    .parse()
    .map_err(|e| anyhow!("demo employer {name}: {e}"))
}
