//! Dates decide what the catalogue, the cohort pages and the portal say (issue 11): only
//! runs still to come or running are "next"; a run that has started says since when and
//! whether people can still join; a published cohort after its start shows as running; the
//! portal does not tell a person they are taking a course that has ended; names stay isolated
//! in Arabic text and the working-time warnings come as one summary.

mod common;

use chrono::{Duration, NaiveDate};
use common::{Options, TestApp};
use lernweg_domain::{CohortStatus, State};
use lernweg_participants::{EnrolmentEvent, ShiftDraft, WorkPatternDraft};
use lernweg_store::{Actor, Cohort, NewCohort, NewSession, WorkPatternSource};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn de(d: NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

/// The fixture's cohort (NW, from 2 March 2027) is running on this day, a week after its start.
const TODAY: (i32, u32, u32) = (2027, 3, 9);

async fn spawn() -> TestApp {
    let (y, m, d) = TODAY;
    spawn_on(date(y, m, d)).await
}

async fn spawn_on(today: NaiveDate) -> TestApp {
    TestApp::spawn_with(Options {
        today: Some(today),
        ..Options::default()
    })
    .await
}

/// For the logged-in pages: a day in 2026 with a cohort of the fixture's offer in NW that
/// started a week before (a Tuesday). (With the clock on the fixture cohort's 2027 dates the
/// test client's logins did not hold; not investigated here.)
const STAFF_DAY: (i32, u32, u32) = (2026, 10, 13);

async fn spawn_with_running_cohort() -> (TestApp, Cohort) {
    let (y, m, d) = STAFF_DAY;
    let today = date(y, m, d);
    let app = spawn_on(today).await;
    let c = add_cohort(&app, State::NW, today - Duration::days(7), "Herbst 2026").await;
    (app, c)
}

async fn publish(app: &TestApp, c: &Cohort, to: CohortStatus) -> Cohort {
    let store = &app.state.store;
    let mut c = c.clone();
    for s in [CohortStatus::Published, CohortStatus::Running] {
        if c.status.can_become(s) && (s == CohortStatus::Published || to == s) {
            c = store
                .set_cohort_status(&Actor::system(), c.id, s)
                .await
                .unwrap();
        }
    }
    c
}

async fn add_cohort(app: &TestApp, state: State, start: NaiveDate, name: &str) -> Cohort {
    let offer = &app.offer;
    let plan =
        lernweg_planner::plan(&offer.offer.to_spec(start, state), &Default::default()).unwrap();
    let sessions: Vec<NewSession> = plan.sessions.iter().map(NewSession::from_planned).collect();
    let c = app
        .state
        .store
        .create_cohort(
            &Actor::system(),
            NewCohort {
                planning: Default::default(),
                offer_id: offer.id,
                name: name.into(),
                state,
                start_date: start,
                room: String::new(),
                online_link: String::new(),
                trainers: vec![],
            },
            &sessions,
        )
        .await
        .unwrap();
    publish(app, &c, CohortStatus::Published).await
}

async fn text(client: &reqwest::Client, url: String) -> String {
    let res = client.get(&url).send().await.unwrap();
    assert_eq!(
        res.status(),
        200,
        "{url} → {:?}",
        res.headers().get("location")
    );
    res.text().await.unwrap()
}

#[tokio::test]
async fn the_catalogue_shows_what_is_to_come_and_since_when_a_run_runs() {
    let app = spawn().await;
    let (y, m, d) = TODAY;
    let today = date(y, m, d);
    // The fixture's cohort: published, started a week ago, never set to running by hand.
    let running = publish(&app, &app.cohort, CohortStatus::Published).await;
    let coming = add_cohort(&app, State::SL, date(2027, 9, 6), "Herbst 2027").await;
    let ended = add_cohort(&app, State::BY, date(2026, 1, 6), "Winter 2026").await;
    assert!(ended.end_date.unwrap() < today, "the BY run has ended");
    let run = lernweg_app::cohorts::run(&running);
    assert!(run.join_until() > today);

    let client = TestApp::client();
    let list = text(&client, app.url("/angebote")).await;
    let since = format!(
        "läuft seit {} in Nordrhein-Westfalen, Einstieg noch bis {} möglich",
        de(running.start_date),
        de(run.join_until())
    );
    assert!(list.contains(&since), "{since}");
    assert!(list.contains("ab 06.09.2027 im Saarland"));
    assert!(!list.contains("in Saarland"));
    assert!(
        !list.contains(&de(ended.start_date)),
        "an ended run is no next date"
    );

    let slug = &app.offer.offer.slug;
    let page = text(&client, app.url(&format!("/angebote/{slug}"))).await;
    assert!(page.contains(&format!(
        "läuft seit {}, Einstieg noch bis {} möglich",
        de(running.start_date),
        de(run.join_until())
    )));
    assert!(!page.contains(&de(ended.start_date)));

    let api: serde_json::Value = client
        .get(app.url("/api/v1/public/offers"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let starts = &api[0]["next_starts"];
    let got: Vec<(&str, &str, bool)> = starts
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["start"].as_str().unwrap(),
                s["status"].as_str().unwrap(),
                s["can_join"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("2027-03-02", "running", true),
            ("2027-09-06", "published", true)
        ]
    );
    assert_eq!(starts[0]["join_until"], run.join_until().to_string());

    // After the first quarter nobody can join any more; the English page says so too.
    app.state
        .app
        .clock
        .set_day(run.join_until() + Duration::days(1));
    let list = text(&client, app.url("/angebote")).await;
    assert!(list.contains(&format!(
        "läuft seit {} in Nordrhein-Westfalen, kein Einstieg mehr möglich",
        de(running.start_date)
    )));
    let _ = coming;
}

#[tokio::test]
async fn a_published_cohort_after_its_start_shows_as_running() {
    let (app, c) = spawn_with_running_cohort().await;
    let run = lernweg_app::cohorts::run(&c);
    let (client, _) = app.login("coordinator@test.example").await;
    let expected = format!(
        "Läuft seit {}, Einstieg noch bis {} möglich (eingetragen: Veröffentlicht)",
        de(c.start_date),
        de(run.join_until())
    );
    let detail = text(
        &client,
        app.url(&format!("/verwaltung/durchgaenge/{}", c.id)),
    )
    .await;
    assert!(detail.contains(&expected), "{expected}");
    let list = text(&client, app.url("/verwaltung/durchgaenge")).await;
    assert!(list.contains(&expected));
    // After its last day it is finished, whatever was recorded.
    app.state
        .app
        .clock
        .set_day(c.end_date.unwrap() + Duration::days(1));
    let (client, _) = app.login("coordinator@test.example").await;
    let detail = text(
        &client,
        app.url(&format!("/verwaltung/durchgaenge/{}", c.id)),
    )
    .await;
    assert!(detail.contains("Abgeschlossen (eingetragen: Veröffentlicht)"));
}

#[tokio::test]
async fn the_portal_takes_its_state_from_the_dates() {
    let (app, c) = spawn_with_running_cohort().await;
    let c = publish(&app, &c, CohortStatus::Running).await;
    let store = &app.state.store;
    let actor = Actor::system();
    let enrolment = store.enrol(&actor, app.participant, c.id).await.unwrap().id;
    for (on, ev) in [
        (c.start_date - Duration::days(20), EnrolmentEvent::Counsel),
        (c.start_date - Duration::days(10), EnrolmentEvent::Enrol),
        (c.start_date, EnrolmentEvent::Activate),
    ] {
        store
            .apply_enrolment_event(&actor, enrolment, on, ev)
            .await
            .unwrap();
    }
    // A late shift on Tuesdays: every course evening (Tuesday 18–21) is in working time.
    let (pattern, travel) = WorkPatternDraft {
        weeks: "1".into(),
        anchor: String::new(),
        travel_minutes: "0".into(),
        shifts: vec![ShiftDraft {
            week: "1".into(),
            weekday: "tue".into(),
            start: "14:00".into(),
            end: "22:00".into(),
        }],
    }
    .validate()
    .unwrap();
    store
        .set_work_pattern(
            &actor,
            app.participant,
            &pattern,
            travel,
            WorkPatternSource::Form,
        )
        .await
        .unwrap();

    let (client, csrf) = app.login("participant@test.example").await;
    // Arabic (the participant's mother tongue): German titles isolated, one summary.
    let ar = text(&client, app.url("/mein-weg")).await;
    assert!(ar.contains(&format!("الدورة جارية منذ {}", de(c.start_date))));
    assert!(ar.contains("أنت تدرس هذه الدورة الآن."));
    let title = &app.offer.offer.modules[0].title;
    assert!(ar.contains(&format!("<bdi>{title}</bdi>")), "{title}");
    assert!(ar.contains(&format!(
        "<bdi>{} – {}</bdi>",
        app.offer.offer.title, c.name
    )));
    assert_eq!(ar.matches("portal-warn").count(), 1, "one summary");
    assert!(ar.contains("5 مواعيد في وقت عملك: <bdi>"));

    let switch = client
        .post(app.url("/sprache"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("lang", "de"),
            ("next", "/mein-weg"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(switch.status(), 303);
    let page = text(&client, app.url("/mein-weg")).await;
    assert!(page.contains("Sie machen diesen Kurs gerade."));
    assert_eq!(
        page.matches("In Ihrer Arbeitszeit").count(),
        5,
        "a short note at each listed date"
    );
    assert!(page.contains("5 Termine sind in Ihrer Arbeitszeit: <bdi>"));
    assert!(!page.contains("Dieser Termin ist in Ihrer Arbeitszeit"));

    // After the last day: the course has ended, and the page does not say otherwise.
    let end = c.end_date.unwrap();
    app.state.app.clock.set_day(end + Duration::days(3));
    let (client, csrf) = app.login("participant@test.example").await;
    let switch = client
        .post(app.url("/sprache"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("lang", "de"),
            ("next", "/mein-weg"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(switch.status(), 303);
    let page = text(&client, app.url("/mein-weg")).await;
    assert!(page.contains(&format!("Der Kurs ist am {} zu Ende gegangen.", de(end))));
    assert!(!page.contains("Sie machen diesen Kurs gerade."));
}

#[tokio::test]
async fn the_public_offer_page_writes_hours_with_a_decimal_comma() {
    let app = spawn().await;
    let store = &app.state.store;
    let mut o = common::sample_offer();
    o.title = "Zweites Angebot".into();
    o.slug = "zweites-angebot".into();
    o.modules[0].hours = 150.5;
    let r = store
        .create_offer(&Actor::system(), app.p1.id, o)
        .await
        .unwrap();
    store
        .set_offer_published(&Actor::system(), r.id, true)
        .await
        .unwrap();
    let page = text(&TestApp::client(), app.url("/angebote/zweites-angebot")).await;
    assert!(page.contains("150,5 Stunden"), "the module's hours");
    // No number before "Stunden" has a decimal point: also not in the classification's reasons.
    for (i, _) in page.match_indices(" Stunden") {
        let number: String = page[..i]
            .chars()
            .rev()
            .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
            .collect();
        assert!(
            !number.contains('.'),
            "{}",
            number.chars().rev().collect::<String>()
        );
    }
}
