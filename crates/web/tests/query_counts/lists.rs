//! The lists' part of issue 12: the public catalogue, an offer page, the portal, the cohort
//! page and the staff and API lists need the same number of statements with 10 and with 1,000
//! rows (offers, cohorts, sessions, trainers, enrolments, audit entries, import jobs, devices,
//! loans and referrals).
//!
//! Writes that happen at most once a minute (a token's or a session's last use) and the
//! read-audit queue's flush timer must not make a count depend on timing: each request is
//! made once before it is counted, and the queue is written out in between.

use chrono::{Duration, NaiveDate};
use lernweg_domain::{CohortStatus, Email, Role, State};
use lernweg_planner::SessionKind;
use lernweg_store::{
    Actor, Cohort, NewCohort, NewDevice, NewImport, NewLoan, NewSession, NewUser, Store,
};

use crate::common::{Options, TestApp, relaxed_limits, sample_offer, sample_participant};
use crate::counter;

/// The most statements any case here may need. The largest need is the portal's `/mein-weg`
/// (18 since issue 16): one overview with a section per capability (path, dates, plan,
/// tandems, language and certificates), each read once whatever the number of rows.
const BOUND: usize = 20;

fn sessions(count: usize, start: NaiveDate) -> Vec<NewSession> {
    (0..count)
        .map(|i| NewSession {
            uid: format!("s{i}"),
            date: start + Duration::days(i as i64),
            start: None,
            end: None,
            hours: 3.0,
            module: Some(1),
            kind: SessionKind::Lesson,
            title: format!("Termin {i}"),
        })
        .collect()
}

async fn published_cohort(
    store: &Store,
    offer: lernweg_domain::OfferId,
    name: String,
    trainers: Vec<lernweg_domain::UserId>,
    session_count: usize,
) -> Cohort {
    let actor = Actor::system();
    let start = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
    let new = NewCohort {
        planning: Default::default(),
        offer_id: offer,
        name,
        state: State::NW,
        start_date: start,
        room: "Raum 1".into(),
        online_link: String::new(),
        trainers,
    };
    let c = store
        .create_cohort(&actor, new, &sessions(session_count, start))
        .await
        .unwrap();
    store
        .set_cohort_status(&actor, c.id, CohortStatus::Published)
        .await
        .unwrap()
}

/// `n` published offers (each with a published cohort), `n` more cohorts of the sample offer
/// that the logged-in participant is enrolled in, and one cohort with `n` sessions and `n`
/// trainers. Every write leaves an audit entry.
async fn grow(app: &TestApp, n: usize) -> Cohort {
    let store = &app.state.store;
    let actor = Actor::system();
    for i in 0..n {
        let mut offer = sample_offer();
        offer.title = format!("Fachsprache Pflege {i}");
        offer.slug = format!("fachsprache-pflege-{i}");
        let o = store.create_offer(&actor, app.p1.id, offer).await.unwrap();
        store.set_offer_published(&actor, o.id, true).await.unwrap();
        published_cohort(store, o.id, format!("Kurs {i}"), vec![], 1).await;
        let mine = published_cohort(store, app.offer.id, format!("Lauf {i}"), vec![], 1).await;
        store.enrol(&actor, app.participant, mine.id).await.unwrap();
    }
    let mut trainers = Vec::with_capacity(n);
    for i in 0..n {
        let u = store
            .create_user(
                &actor,
                NewUser {
                    email: Email::parse(&format!("trainer{i}@test.example")).unwrap(),
                    display_name: format!("Trainerin {i}"),
                    role: Role::Trainer,
                    provider_id: Some(app.p1.id),
                    password: None,
                },
            )
            .await
            .unwrap();
        trainers.push(u.id);
    }
    let preview = lernweg_participants::preview_csv(
        "Vorname;Name;consent_data_processing\r\nMehmet;Öztürk;2026-09-01\r\n".as_bytes(),
        NaiveDate::from_ymd_opt(2026, 9, 2).unwrap(),
    )
    .unwrap();
    for i in 0..n {
        store
            .stage_import(
                &actor,
                NewImport {
                    provider: app.p1.id,
                    contact_person: None,
                    file_name: &format!("liste-{i}.csv"),
                    preview: &preview,
                },
            )
            .await
            .unwrap();
    }
    let lent_on = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    // The borrower is not the portal's participant (whose portal lists their loans).
    let borrower = store
        .create_participant(&actor, app.p1.id, None, sample_participant())
        .await
        .unwrap()
        .id;
    for i in 0..n {
        let device = NewDevice {
            kind: "laptop".into(),
            label: format!("Laptop {i}"),
            serial: format!("SN-{i}"),
            note: String::new(),
        };
        let d = store
            .create_device(&actor, app.p1.id, device)
            .await
            .unwrap();
        if i % 2 == 0 {
            let loan = NewLoan {
                device_id: d.id,
                participant_id: borrower,
                lent_on,
                due_on: lent_on + Duration::days(i as i64 % 40),
                note: String::new(),
            };
            store.lend_device(&actor, loan).await.unwrap();
        }
    }
    // `n` referrals of the borrower to one service, each with a status change.
    let service = store
        .create_counselling_service(
            &actor,
            app.p1.id,
            lernweg_store::ServiceInput {
                kind: "debt".into(),
                name: "Schuldnerberatung".into(),
                active: true,
                ..Default::default()
            },
        )
        .await
        .unwrap();
    for i in 0..n {
        let r = store
            .create_referral(
                &actor,
                borrower,
                &service.id,
                lent_on + Duration::days(i as i64 % 60),
                "Schulden",
            )
            .await
            .unwrap();
        store
            .set_referral_status(&actor, &r.id, "referred", lent_on, "")
            .await
            .unwrap();
    }
    published_cohort(store, app.offer.id, "Groß".into(), trainers, n).await
}

/// Every case with its status and statement count, at `n` rows.
async fn measure(n: usize) -> Vec<(String, u16, usize)> {
    let app = TestApp::spawn_with(Options {
        config: lernweg_web::WebConfig {
            login_limits: relaxed_limits(),
            ..Default::default()
        },
        ..Default::default()
    })
    .await;
    let big = grow(&app, n).await;
    let anon = TestApp::client();
    let (participant, _) = app.login("participant@test.example").await;
    let (coordinator, _) = app.login("coordinator@test.example").await;
    let (admin, _) = app.login("admin@test.example").await;
    let slug = &app.offer.offer.slug;
    let pages = [
        ("catalogue", &anon, "/angebote".to_owned()),
        ("catalogue, filtered", &anon, "/angebote?state=NW".into()),
        ("catalogue, search", &anon, "/angebote?q=pflege".into()),
        ("offer page", &anon, format!("/angebote/{slug}")),
        ("public offer API", &anon, "/api/v1/public/offers".into()),
        ("portal", &participant, "/mein-weg".into()),
        (
            "cohort page",
            &coordinator,
            format!("/verwaltung/durchgaenge/{}", big.id),
        ),
        (
            "cohort list",
            &coordinator,
            "/verwaltung/durchgaenge".into(),
        ),
        ("offer list", &coordinator, "/verwaltung/angebote".into()),
        (
            "staff offer page",
            &coordinator,
            format!("/verwaltung/angebote/{}", app.offer.id),
        ),
        ("audit log", &admin, "/admin/protokoll".into()),
        (
            "import list",
            &coordinator,
            "/verwaltung/teilnehmende/import?status=previewed&q=liste".into(),
        ),
        ("loans page", &coordinator, "/verwaltung/leihgeraete".into()),
        (
            "referrals page",
            &coordinator,
            "/verwaltung/verweise".into(),
        ),
        (
            "referrals page, searched",
            &coordinator,
            "/verwaltung/verweise?q=haddad&status=alle&page=2&person=amina".into(),
        ),
        ("start page", &coordinator, "/start".into()),
        (
            "monitoring page",
            &coordinator,
            "/verwaltung/monitoring?from=2026-06-01&to=2030-12-31".into(),
        ),
        (
            "network view",
            &admin,
            "/admin/netzwerk?from=2026-06-01&to=2030-12-31".into(),
        ),
        (
            "early warnings page",
            &coordinator,
            "/verwaltung/fruehwarnungen".into(),
        ),
        (
            "loans page, searched",
            &coordinator,
            "/verwaltung/leihgeraete?q=laptop&art=laptop&ausleihe=verliehen&page=2".into(),
        ),
    ];
    let mut out = Vec::new();
    for (name, client, path) in pages {
        counter::get(client, &app.url(&path)).await;
        app.state.store.flush_audit().await.unwrap();
        let (status, count) = counter::get(client, &app.url(&path)).await;
        out.push((name.to_owned(), status, count));
    }
    let api = [
        ("cohorts API", Role::Coordinator, "/api/v1/cohorts"),
        ("warnings API", Role::Coordinator, "/api/v1/warnings"),
        ("offers API", Role::Coordinator, "/api/v1/offers"),
        ("audit API", Role::Admin, "/api/v1/audit"),
        (
            "imports API",
            Role::Coordinator,
            "/api/v1/participants/imports",
        ),
        (
            "referrals API",
            Role::Coordinator,
            "/api/v1/referrals?status=all",
        ),
        (
            "services API",
            Role::Coordinator,
            "/api/v1/counselling-services",
        ),
        ("loans API", Role::Coordinator, "/api/v1/loans"),
        (
            "monitoring API",
            Role::Coordinator,
            "/api/v1/monitoring?from=2026-06-01&to=2030-12-31",
        ),
    ];
    let bearer = reqwest::Client::new();
    for (name, role, path) in api {
        let warm = bearer.get(app.url(path)).bearer_auth(app.token(role));
        counter::get_with(warm).await;
        app.state.store.flush_audit().await.unwrap();
        let request = bearer.get(app.url(path)).bearer_auth(app.token(role));
        let (status, count) = counter::get_with(request).await;
        out.push((name.to_owned(), status, count));
    }
    out
}

#[tokio::test]
async fn lists_and_pages_need_the_same_statements_at_10_and_at_1000_rows() {
    let small = measure(10).await;
    let large = measure(1000).await;
    let mut report = String::new();
    for ((name, s_status, s), (_, l_status, l)) in small.iter().zip(&large) {
        report.push_str(&format!("{name}: {s} at 10, {l} at 1,000\n"));
        assert_eq!((*s_status, *l_status), (200, 200), "{name}");
    }
    println!("{report}");
    for ((name, _, s), (_, _, l)) in small.iter().zip(&large) {
        assert_eq!(s, l, "{name} grows with the rows:\n{report}");
        assert!(
            *l <= BOUND,
            "{name} needs {l} statements (bound {BOUND}):\n{report}"
        );
    }
}
