//! The live calendar feeds (`/feeds/{token}.ics`) as calendar clients read them: every feed
//! is fetched over HTTP and read back by the `ical` crate. Draft timetables are never
//! confirmed, cancelled sessions say so in their summary and give the reason, all-day
//! sessions end on the next day, a participant's feed speaks their portal language, feeds
//! answer conditional requests with 304, and the links shown to users are absolute.

mod common;

use std::io::BufReader;

use common::{Options, TestApp};
use ical::parser::ical::component::IcalEvent;
use lernweg_domain::{CohortStatus, Role, State};
use lernweg_planner::SessionKind;
use lernweg_store::{Actor, FeedKind, NewCohort, NewSession};
use lernweg_web::WebConfig;

/// The events of a feed file, parsed by the `ical` crate, with the calendar's name.
fn parse(ics: &str) -> (String, Vec<IcalEvent>) {
    let calendar = ical::IcalParser::new(BufReader::new(ics.as_bytes()))
        .next()
        .expect("a calendar")
        .expect("parses");
    let name = calendar
        .properties
        .iter()
        .find(|p| p.name == "X-WR-CALNAME")
        .and_then(|p| p.value.clone())
        .unwrap_or_default();
    (name, calendar.events)
}

fn prop<'a>(e: &'a IcalEvent, name: &str) -> &'a str {
    e.properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
        .unwrap_or_else(|| panic!("event without {name}"))
}

/// The parameters of a property, e.g. `VALUE=DATE`.
fn params(e: &IcalEvent, name: &str) -> Vec<String> {
    let p = e.properties.iter().find(|p| p.name == name).unwrap();
    p.params
        .iter()
        .flatten()
        .map(|(k, v)| format!("{k}={}", v.join(",")))
        .collect()
}

async fn fetch(app: &TestApp, secret: &str) -> String {
    let res = reqwest::get(app.url(&format!("/feeds/{secret}.ics")))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    res.text().await.unwrap()
}

#[tokio::test]
async fn drafts_are_tentative_and_cancelled_sessions_say_why() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let sessions = store.timetable(app.cohort.id).await.unwrap();

    // The fixture's cohort is a draft: nothing in its feed is confirmed.
    let (_, events) = parse(&fetch(&app, &app.feed_secret).await);
    assert_eq!(events.len(), sessions.len());
    for e in &events {
        assert_eq!(prop(e, "STATUS"), "TENTATIVE");
        assert!(prop(e, "SUMMARY").starts_with("Entwurf: "), "{e:?}");
    }

    store
        .set_cohort_status(&Actor::system(), app.cohort.id, CohortStatus::Published)
        .await
        .unwrap();
    let cancelled = store
        .cancel_session(&Actor::system(), sessions[1].id, "Lehrkraft erkrankt")
        .await
        .unwrap();
    let (_, events) = parse(&fetch(&app, &app.feed_secret).await);
    for e in &events {
        if prop(e, "UID") == cancelled.uid {
            assert_eq!(prop(e, "STATUS"), "CANCELLED");
            assert_eq!(prop(e, "SEQUENCE"), "1");
            assert!(prop(e, "SUMMARY").starts_with("Abgesagt: "));
            assert!(prop(e, "DESCRIPTION").starts_with("Grund: Lehrkraft erkrankt"));
        } else {
            assert_eq!(prop(e, "STATUS"), "CONFIRMED");
            assert!(!prop(e, "SUMMARY").starts_with("Entwurf"));
        }
    }
}

#[tokio::test]
async fn all_day_sessions_end_on_the_next_day() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let due = chrono::NaiveDate::from_ymd_opt(2027, 4, 18).unwrap();
    let unit = NewSession {
        uid: "unit-1@lernweg".into(),
        date: due,
        start: None,
        end: None,
        hours: 5.0,
        module: Some(1),
        kind: SessionKind::SelfPaced,
        title: "Selbstlerneinheit".into(),
    };
    let cohort = store
        .create_cohort(
            &Actor::system(),
            NewCohort {
                planning: Default::default(),
                offer_id: app.offer.id,
                name: "Selbstlernen 2027".into(),
                state: State::NW,
                start_date: due,
                room: "Raum 1".into(),
                online_link: String::new(),
                trainers: vec![],
            },
            &[unit],
        )
        .await
        .unwrap();
    store
        .set_cohort_status(&Actor::system(), cohort.id, CohortStatus::Published)
        .await
        .unwrap();
    let secret = store
        .create_feed(
            &Actor::system(),
            FeedKind::Cohort,
            &cohort.id.to_string(),
            app.p1.id,
        )
        .await
        .unwrap()
        .secret;
    let (_, events) = parse(&fetch(&app, &secret).await);
    let [e] = events.as_slice() else {
        panic!("one event: {events:?}")
    };
    assert_eq!(prop(e, "DTSTART"), "20270418");
    assert_eq!(prop(e, "DTEND"), "20270419", "exclusive end: the next day");
    assert_eq!(params(e, "DTEND"), ["VALUE=DATE"]);
    assert_eq!(prop(e, "STATUS"), "CONFIRMED");
    // The same rule as `lernweg plan --format ics`: summary, categories, no place.
    assert_eq!(prop(e, "SUMMARY"), "Fällig – Selbstlerneinheit");
    assert_eq!(prop(e, "CATEGORIES"), "Selbstlernen,Lernweg");
    assert!(e.properties.iter().all(|p| p.name != "LOCATION"));
}

#[tokio::test]
async fn the_participant_feed_speaks_the_portal_language() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    // The fixture's participant has Arabic as mother tongue and is in the draft cohort.
    let secret = store
        .renew_participant_feed(&Actor::system(), app.participant, app.p1.id)
        .await
        .unwrap()
        .secret;
    let (name, events) = parse(&fetch(&app, &secret).await);
    assert_eq!(name, "Lernweg – طريقي");
    assert!(!events.is_empty());
    for e in &events {
        assert_eq!(prop(e, "STATUS"), "TENTATIVE");
        assert!(prop(e, "SUMMARY").starts_with("مسودة: "), "{e:?}");
        assert!(!prop(e, "DESCRIPTION").contains("Std."), "{e:?}");
        assert!(!prop(e, "CATEGORIES").contains("Unterricht"));
    }
    // Staff feeds stay German.
    let (_, events) = parse(&fetch(&app, &app.feed_secret).await);
    assert!(prop(&events[1], "CATEGORIES").starts_with("Unterricht"));
}

#[tokio::test]
async fn feeds_answer_conditional_requests() {
    let app = TestApp::spawn().await;
    let url = app.url(&format!("/feeds/{}.ics", app.feed_secret));
    let client = reqwest::Client::new();
    let first = client.get(&url).send().await.unwrap();
    assert_eq!(first.status(), 200);
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let modified = first.headers()["last-modified"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(etag.starts_with('"') && etag.ends_with('"'));
    let stamp = chrono::DateTime::parse_from_rfc2822(&modified).expect("an HTTP date");
    assert!(stamp <= chrono::Utc::now(), "never in the future");
    let body = first.text().await.unwrap();
    let dtstamp = stamp.format("DTSTAMP:%Y%m%dT%H%M%SZ\r\n").to_string();
    assert!(body.contains(&dtstamp), "DTSTAMP is the last change");

    let again = client.get(&url).send().await.unwrap();
    assert_eq!(
        again.headers()["etag"],
        etag.as_str(),
        "same feed, same tag"
    );
    assert_eq!(again.text().await.unwrap(), body);
    for (name, value) in [
        ("if-none-match", etag.clone()),
        ("if-none-match", format!("\"x\", W/{etag}")),
        ("if-modified-since", modified.clone()),
    ] {
        let res = client.get(&url).header(name, &value).send().await.unwrap();
        assert_eq!(res.status(), 304, "{name}: {value}");
        assert_eq!(res.headers()["etag"], etag.as_str());
        assert!(res.text().await.unwrap().is_empty());
    }
    let older = (stamp - chrono::Duration::seconds(1))
        .format("%a, %d %b %Y %H:%M:%S GMT")
        .to_string();
    let res = client
        .get(&url)
        .header("if-modified-since", older)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // A change gives a new tag: the old one gets the whole feed.
    tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
    app.state
        .store
        .cancel_session(&Actor::system(), app.session, "Raum belegt")
        .await
        .unwrap();
    let res = client
        .get(&url)
        .header("if-none-match", &etag)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_ne!(res.headers()["etag"], etag.as_str());
    assert_ne!(res.headers()["last-modified"], modified.as_str());
}

/// Creates a cohort feed through the cohort page and returns the link shown.
async fn shown_link(app: &TestApp) -> String {
    let (client, csrf) = app.login("coordinator@test.example").await;
    let html = client
        .post(app.url(&format!(
            "/verwaltung/durchgaenge/{}/kalender-links",
            app.cohort.id
        )))
        .form(&[("csrf", csrf)])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let marker = "<code class=\"secret\" id=\"feed-url\">";
    let start = html.find(marker).expect("the new link is shown") + marker.len();
    html[start..].chars().take_while(|c| *c != '<').collect()
}

#[tokio::test]
async fn feed_links_shown_to_users_are_absolute() {
    let app = TestApp::spawn().await;
    let link = shown_link(&app).await;
    assert!(
        link.starts_with(&app.url("/feeds/")) && link.ends_with(".ics"),
        "{link}"
    );
    assert_eq!(reqwest::get(&link).await.unwrap().status(), 200);

    let app = TestApp::spawn_with(Options {
        config: WebConfig {
            public_url: Some("http://lernweg.example/".into()),
            ..WebConfig::default()
        },
        ..Options::default()
    })
    .await;
    let link = shown_link(&app).await;
    assert!(link.starts_with("http://lernweg.example/feeds/"), "{link}");
    // The trainer's own link too.
    let (client, csrf) = app.login("trainer@test.example").await;
    let html = client
        .post(app.url("/verwaltung/meine-termine/kalender"))
        .form(&[("csrf", csrf)])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("http://lernweg.example/feeds/"),
        "{:?}",
        app.user(Role::Trainer).email
    );
}
