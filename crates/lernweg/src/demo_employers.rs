//! Demo employers of the first provider (issue 13): the workplaces the demo participants
//! name, with contact people; each participant who works there is linked on the strength of
//! a recorded consent `employer_contact`. The hospital's care director has an account with
//! the demo password and sees her employees' dates on `/betrieb`. Staff asked the employers to
//! release the sessions that fall into the linked employees' working times (through the same
//! use-case as the pages); the answers cover every state: agreed, partly agreed, declined,
//! and one still open.

use anyhow::anyhow;
use lernweg_app::{App, AppError, Caller};
use lernweg_domain::{Limit, ProviderId, RawEmployer, RawEmployerContact};
use lernweg_domain::{Principal, Role};
use lernweg_participants::ConsentScope;
use lernweg_participants::{ReleaseAnswer, ReleaseState};
use lernweg_store::{Actor, EmployerFilter, InvitationKind, Store};

use crate::demo::PASSWORD;

/// The employer contact's login of the demo.
pub const LOGIN: (&str, &str) = (
    "pflegedirektion@klinikum-essen-nord.demo.example",
    "employer · Birgit Schäfer, Klinikum Essen-Nord: her employees' dates on /betrieb",
);

/// The hospital whose care director has the demo employer login.
pub const HOSPITAL: &str = "Klinikum Essen-Nord";

/// Name as the participants give it, sector, KldB, street, postcode, city, contacts
/// (name, e-mail, phone).
type DemoEmployer = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, &'static str, &'static str)],
);

const EMPLOYERS: [DemoEmployer; 4] = [
    (
        HOSPITAL,
        "health",
        "81302",
        "Bergmannsfeld 12",
        "45355",
        "Essen",
        &[
            ("Birgit Schäfer", LOGIN.0, "0201 8877-100"),
            ("Personalabteilung", "", "0201 8877-200"),
        ],
    ),
    (
        "Metallbau Ruhr GmbH",
        "manufacturing",
        "25102",
        "Hafenstraße 3",
        "47119",
        "Duisburg",
        &[("Jörg Wiesner", "j.wiesner@metallbau-ruhr.demo.example", "")],
    ),
    (
        "Seniorenzentrum am Park",
        "care",
        "82102",
        "Parkallee 7",
        "45127",
        "Essen",
        &[(
            "Gülay Aksoy",
            "leitung@seniorenzentrum-park.demo.example",
            "0201 44 10 20",
        )],
    ),
    (
        "Logistikzentrum West",
        "logistics",
        "51302",
        "Am Güterbahnhof 21",
        "44147",
        "Dortmund",
        &[("Schichtleitung", "", "0231 900 55 0")],
    ),
];

fn raw(e: &DemoEmployer) -> RawEmployer {
    let (name, sector, kldb, street, postcode, city, contacts) = e;
    RawEmployer {
        name: (*name).into(),
        sector: (*sector).into(),
        kldb: (*kldb).into(),
        street: (*street).into(),
        postcode: (*postcode).into(),
        city: (*city).into(),
        contacts: contacts
            .iter()
            .map(|(name, email, phone)| RawEmployerContact {
                name: (*name).into(),
                email: (*email).into(),
                phone: (*phone).into(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

/// Creates the employers while the provider has none; safe to run again.
pub async fn seed(store: &Store, provider: ProviderId) -> anyhow::Result<()> {
    let filter = EmployerFilter {
        scope: Some(provider),
        ..Default::default()
    };
    let one = Limit::parse("1").map_err(|e| anyhow!("{e}"))?;
    if !store
        .employers_after(&filter, None, one)
        .await?
        .items
        .is_empty()
    {
        return Ok(());
    }
    let actor = Actor::system();
    let people = store.participants(Some(provider)).await?;
    for demo in &EMPLOYERS {
        let input = raw(demo)
            .parse()
            .map_err(|e| anyhow!("demo employer: {e}"))?;
        let employer = store.create_employer(&actor, provider, input).await?;
        for p in people
            .iter()
            .filter(|p| p.data.employer.as_deref() == Some(demo.0))
        {
            let since = p.created_at.date_naive();
            let consent = store
                .add_consent(&actor, p.id, ConsentScope::EmployerContact, since)
                .await?;
            store
                .link_employee(&actor, &employer, p.id, &consent.id, since)
                .await?;
        }
        if demo.0 == EMPLOYERS[0].0 {
            let inv = store
                .create_contact_invitation(
                    &actor,
                    &employer,
                    &employer.contacts[0],
                    InvitationKind::Code,
                )
                .await?;
            store
                .redeem_invitation(InvitationKind::Code, &inv.secret, PASSWORD)
                .await?
                .map_err(|r| anyhow!("demo employer invitation: {r:?}"))?;
        }
    }
    release_agreements(store, provider).await
}

/// Release requests for every linked employee whose sessions fall into working time, as
/// the counsellor makes them, answered in turn: agreed, partly agreed, declined, open.
async fn release_agreements(store: &Store, provider: ProviderId) -> anyhow::Result<()> {
    let app = App::new(store.clone());
    let counsellor = store
        .user_by_email(&lernweg_domain::Email::parse("beratung1@demo.example")?)
        .await?;
    let caller = Caller::new(
        Principal {
            user_id: counsellor.id,
            role: Role::Counsellor,
            provider_id: Some(provider),
        },
        Actor::user(counsellor.id, counsellor.email.as_str()),
    );
    let mut made = Vec::new();
    for person in store.participants(Some(provider)).await? {
        let linked = store
            .employments_of_participant(person.id)
            .await?
            .iter()
            .any(|l| l.is_active());
        if !linked {
            continue;
        }
        for e in store.enrolments_of(person.id).await? {
            match lernweg_app::release::request(&app, &caller, e.id).await {
                Ok(a) => made.push(a),
                // No sessions in working time, no working times: nothing to ask.
                Err(AppError::Invalid(_) | AppError::Conflict(_)) => {}
                Err(e) => return Err(e.into()),
            }
        }
    }
    let answers = [
        (ReleaseState::Agreed, "Schichtplan angepasst."),
        (
            ReleaseState::PartlyAgreed,
            "Im Dezember Inventur: diese Termine nicht.",
        ),
        (ReleaseState::Declined, "Personalengpass im Quartal."),
    ];
    for (a, (state, note)) in made.iter().zip(answers) {
        let answer = match state {
            ReleaseState::Agreed => ReleaseAnswer::AgreeAll,
            ReleaseState::Declined => ReleaseAnswer::DeclineAll,
            _ if a.dates.len() < 2 => ReleaseAnswer::AgreeAll,
            _ => ReleaseAnswer::Only(a.dates.iter().skip(1).map(|d| d.date).collect()),
        };
        lernweg_app::release::answer(&app, &caller, None, a.id, &answer, note).await?;
    }
    moved_session(&app, provider, made.first()).await
}

/// One coming session of the first agreement's cohort, moved two days later by the
/// coordinator: its notices go to the participants, trainers and employers through the
/// outbox (the demo's sender writes them into the mail directory).
async fn moved_session(
    app: &App,
    provider: ProviderId,
    agreement: Option<&lernweg_store::ReleaseAgreement>,
) -> anyhow::Result<()> {
    let Some(a) = agreement else { return Ok(()) };
    let coordinator = app
        .store
        .user_by_email(&lernweg_domain::Email::parse("koordination1@demo.example")?)
        .await?;
    let caller = Caller::new(
        Principal {
            user_id: coordinator.id,
            role: Role::Coordinator,
            provider_id: Some(provider),
        },
        Actor::user(coordinator.id, coordinator.email.as_str()),
    );
    let today = app.today();
    let Some(session) = app
        .store
        .timetable(a.cohort_id)
        .await?
        .into_iter()
        .find(|s| s.date > today + chrono::Duration::days(7) && s.start.is_some())
    else {
        return Ok(());
    };
    let to = lernweg_store::SessionMove {
        date: session.date + chrono::Duration::days(2),
        start: session.start,
        end: session.end,
    };
    let reason = "Raumwechsel: Der Kursraum ist an diesem Tag belegt.";
    lernweg_app::cohorts::move_session(app, &caller, session.id, to, reason).await?;
    Ok(())
}
