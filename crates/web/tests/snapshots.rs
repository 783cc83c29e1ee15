//! Snapshots of the formats the running application serves: a cohort's calendar feed
//! (`/feeds/{token}.ics`), the schema.org JSON-LD of a public offer page
//! (`/angebote/{slug}`) and the OpenAPI document (`/api/v1/openapi.json`). Each is fetched
//! over HTTP from the real app on a fresh database, read back by an independent parser
//! (`ical`, serde_json) and pinned with insta (`tests/snapshots/`); what varies per run is
//! replaced by insta filters.

mod common;

use std::io::BufReader;

use chrono::{NaiveDateTime, Utc};
use common::{Options, TestApp, extract_csrf};
use lernweg_domain::{CohortId, CohortStatus, Role};
use lernweg_store::Actor;
use lernweg_web::WebConfig;

/// Creates a cohort through the staff pages, publishes it, cancels one session and moves
/// another (both with reasons), and creates a calendar link; returns the cohort and the
/// link's path.
async fn cohort_with_changes_and_feed(app: &TestApp) -> (CohortId, String) {
    let (client, csrf) = app.login("coordinator@test.example").await;
    let post = |path: String, form: Vec<(&'static str, String)>| {
        let client = client.clone();
        let url = app.url(&path);
        async move { client.post(url).form(&form).send().await.unwrap() }
    };
    let res = post(
        "/verwaltung/durchgaenge".into(),
        vec![
            ("offer_id", app.offer.id.to_string()),
            ("name", "Herbst 2027".into()),
            ("start_date", "2027-09-07".into()),
            ("state", "NW".into()),
            ("room", "Raum 3".into()),
            ("trainer", app.user(Role::Trainer).id.to_string()),
            ("csrf", csrf.clone()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let cohort = CohortId::parse(location.rsplit('/').next().unwrap()).unwrap();

    let res = post(
        format!("/verwaltung/durchgaenge/{cohort}/status"),
        vec![("status", "published".into()), ("csrf", csrf.clone())],
    )
    .await;
    assert_eq!(res.status(), 303);
    let sessions = app.state.store.timetable(cohort).await.unwrap();
    let res = post(
        format!("/verwaltung/termine/{}/absagen", sessions[3].id),
        vec![
            ("reason", "Lehrkraft erkrankt".into()),
            ("csrf", csrf.clone()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);
    let moved = &sessions[4];
    let res = post(
        format!("/verwaltung/termine/{}/verschieben", moved.id),
        vec![
            ("date", moved.date.succ_opt().unwrap().to_string()),
            ("start", "17:00".into()),
            ("end", "20:00".into()),
            ("reason", "Raum belegt".into()),
            ("csrf", csrf.clone()),
        ],
    )
    .await;
    assert_eq!(res.status(), 303);

    let res = post(
        format!("/verwaltung/durchgaenge/{cohort}/kalender-links"),
        vec![("csrf", csrf)],
    )
    .await;
    let html = res.text().await.unwrap();
    assert!(extract_csrf(&html).is_some(), "the cohort page is shown");
    let start = html.find("/feeds/").expect("the new link is shown");
    let path = html[start..].chars().take_while(|c| *c != '<').collect();
    (cohort, path)
}

fn property<'a>(event: &'a ical::parser::ical::component::IcalEvent, name: &str) -> &'a str {
    event
        .properties
        .iter()
        .find(|p| p.name == name)
        .and_then(|p| p.value.as_deref())
        .unwrap_or_else(|| panic!("event without {name}"))
}

#[tokio::test]
async fn cohort_calendar_feed() {
    let app = TestApp::spawn().await;
    let before = Utc::now().naive_utc() - chrono::Duration::seconds(1);
    let (cohort, path) = cohort_with_changes_and_feed(&app).await;
    let res = reqwest::get(app.url(&path)).await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "text/calendar; charset=utf-8"
    );
    let ics = res.text().await.unwrap();
    assert!(
        ics.ends_with("\r\n") && !ics.replace("\r\n", "").contains(['\r', '\n']),
        "CRLF line ends (insta's comparison normalises them; folding: see cohorts.rs)"
    );
    let calendar = ical::IcalParser::new(BufReader::new(ics.as_bytes()))
        .next()
        .expect("a calendar")
        .expect("parses");
    assert_eq!(calendar.timezones.len(), 1);
    let sessions = app.state.store.timetable(cohort).await.unwrap();
    assert_eq!(calendar.events.len(), sessions.len());
    // A stored UID is the cohort id (random per run, redacted below) before the planner's
    // stable UID.
    let cohort_hex = cohort.as_uuid().simple().to_string();
    let uids: Vec<_> = calendar.events.iter().map(|e| property(e, "UID")).collect();
    assert!(
        uids.iter()
            .all(|u| u.starts_with(&format!("{cohort_hex}-")) && u.ends_with("@lernweg"))
    );
    assert_eq!(
        uids.iter().collect::<std::collections::BTreeSet<_>>().len(),
        uids.len()
    );
    let cancelled: Vec<_> = calendar
        .events
        .iter()
        .filter(|e| property(e, "STATUS") == "CANCELLED")
        .collect();
    assert_eq!(cancelled.len(), 1);
    assert_eq!(property(cancelled[0], "SEQUENCE"), "1");
    // DTSTAMP is the newest change: made during this test, so it is redacted below.
    let stamps: Vec<NaiveDateTime> = calendar
        .events
        .iter()
        .map(|e| NaiveDateTime::parse_from_str(property(e, "DTSTAMP"), "%Y%m%dT%H%M%SZ").unwrap())
        .collect();
    assert!(stamps.windows(2).all(|w| w[0] == w[1]), "one DTSTAMP");
    assert!(stamps[0] >= before && stamps[0] <= Utc::now().naive_utc());

    insta::with_settings!({filters => vec![
        (r"DTSTAMP:\d{8}T\d{6}Z", "DTSTAMP:[newest change, UTC]"),
        (cohort_hex.as_str(), "[cohort id]"),
    ]}, {
        insta::assert_snapshot!("cohort_feed_ics", ics);
    });
}

#[tokio::test]
async fn offer_page_course_jsonld() {
    let app = TestApp::spawn_with(Options {
        config: WebConfig {
            public_url: Some("https://lernweg.example".into()),
            ..WebConfig::default()
        },
        ..Options::default()
    })
    .await;
    app.state
        .store
        .set_cohort_status(&Actor::system(), app.cohort.id, CohortStatus::Published)
        .await
        .unwrap();
    let res = reqwest::get(app.url(&format!("/angebote/{}", app.offer.offer.slug)))
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    let ld = common::jsonld(&html);
    assert_eq!(ld["@type"], "Course");
    assert_eq!(
        ld["hasCourseInstance"][0]["startDate"],
        app.state.store.timetable(app.cohort.id).await.unwrap()[0]
            .date
            .to_string()
    );

    // The provider has a url; the run's workload is its total, the week's load is text.
    assert_eq!(ld["provider"]["url"], "https://lernweg.example/");
    let run = &ld["hasCourseInstance"][0];
    let total: f64 = run["courseWorkload"].as_str().unwrap()[2..]
        .trim_end_matches('H')
        .parse()
        .expect("whole hours");
    assert!(total > 40.0, "{total}");
    assert!(run["description"].as_str().unwrap().contains("pro Woche"));
    assert!(run["courseSchedule"]["repeatCount"].as_u64().unwrap() > 10);

    insta::assert_json_snapshot!("offer_page_jsonld", ld);
}

/// The JSON-LD of the fixture's offer page with its cohort published, on `today`.
async fn offer_jsonld_on(today: chrono::NaiveDate, first_moved: bool) -> serde_json::Value {
    let app = TestApp::spawn_with(Options {
        today: Some(today),
        ..Options::default()
    })
    .await;
    let store = &app.state.store;
    store
        .set_cohort_status(&Actor::system(), app.cohort.id, CohortStatus::Published)
        .await
        .unwrap();
    if first_moved {
        let first = &store.timetable(app.cohort.id).await.unwrap()[0];
        let to = lernweg_store::SessionMove {
            date: first.date.succ_opt().unwrap(),
            start: first.start,
            end: first.end,
        };
        store
            .move_session(&Actor::system(), first.id, to, "Raum belegt")
            .await
            .unwrap();
    }
    let html = reqwest::get(app.url(&format!("/angebote/{}", app.offer.offer.slug)))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    common::jsonld(&html)
}

#[tokio::test]
async fn offer_page_jsonld_lists_runs_from_their_first_session_until_they_end() {
    let day = |m, d| chrono::NaiveDate::from_ymd_opt(2027, m, d).unwrap();
    // The fixture's cohort starts on 2 March 2027; its first session moves to the 3rd.
    let ld = offer_jsonld_on(day(2, 1), true).await;
    let run = &ld["hasCourseInstance"][0];
    assert_eq!(
        run["startDate"], "2027-03-03",
        "the first session, not the cohort's start"
    );
    let last = run["endDate"].as_str().unwrap().to_owned();
    // Still listed on its last day, gone the day after.
    let last = chrono::NaiveDate::parse_from_str(&last, "%Y-%m-%d").unwrap();
    let ld = offer_jsonld_on(last, false).await;
    assert_eq!(ld["hasCourseInstance"].as_array().map(Vec::len), Some(1));
    let ld = offer_jsonld_on(last.succ_opt().unwrap(), false).await;
    assert!(ld.get("hasCourseInstance").is_none(), "{ld}");
}

#[tokio::test]
async fn openapi_document() {
    let app = TestApp::spawn().await;
    let fetch = || async {
        let res = reqwest::get(app.url("/api/v1/openapi.json")).await.unwrap();
        assert_eq!(res.status(), 200);
        assert!(
            res.headers()["content-type"]
                .to_str()
                .unwrap()
                .starts_with("application/json")
        );
        res.text().await.unwrap()
    };
    let raw = fetch().await;
    assert_eq!(
        raw,
        fetch().await,
        "the document is byte-identical on every call"
    );
    let doc: serde_json::Value = serde_json::from_str(&raw).expect("valid JSON");
    assert_eq!(doc["openapi"], "3.1.0");
    assert!(doc["paths"].as_object().is_some_and(|p| !p.is_empty()));

    insta::assert_json_snapshot!("openapi", doc);
}
