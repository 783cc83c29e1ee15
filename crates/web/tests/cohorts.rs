//! Cohorts: creation with a generated timetable, lifecycle, edits with reasons, month grid,
//! path, calendar feeds, and the cohorts API.

mod common;

use common::{TestApp, extract_csrf};
use lernweg_domain::Role;

fn ical_unfold(s: &str) -> String {
    s.replace("\r\n ", "")
}

#[tokio::test]
async fn coordinator_creates_a_cohort_and_the_timetable_is_generated() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("coordinator@test.example").await;
    let res = client
        .post(app.url("/verwaltung/durchgaenge"))
        .form(&[
            ("offer_id", app.offer.id.to_string().as_str()),
            ("name", "Herbst 2027"),
            ("start_date", "2027-09-07"),
            ("state", "NW"),
            ("room", "Raum 3"),
            ("trainer", app.user(Role::Trainer).id.to_string().as_str()),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "{}", res.text().await.unwrap());
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    let html = client
        .get(app.url(&location))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Herbst 2027"));
    assert!(html.contains("Entwurf"));
    assert!(html.contains("Abschlussprüfung"), "exam in the timetable");
    assert!(html.contains("Test trainer"), "trainer listed");
    // No session on a public holiday of NW.
    let id = location.rsplit('/').next().unwrap();
    let sessions: Vec<serde_json::Value> = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/cohorts/{id}/sessions")))
        .bearer_auth(app.token(Role::Coordinator))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(sessions.len() > 10);
    for s in &sessions {
        for key in [
            "id", "date", "start", "end", "hours", "module", "kind", "status", "uid", "sequence",
        ] {
            assert!(s.get(key).is_some(), "{key} missing in {s}");
        }
        let date =
            chrono::NaiveDate::parse_from_str(s["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let holidays = lernweg_planner::holidays::statewide(
            lernweg_domain::State::NW,
            chrono::Datelike::year(&date),
        );
        assert!(
            holidays.iter().all(|h| h.date != date),
            "session on a public holiday: {date}"
        );
    }
}

#[tokio::test]
async fn form_errors_are_german_and_nothing_is_created() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("coordinator@test.example").await;
    let res = client
        .post(app.url("/verwaltung/durchgaenge"))
        .form(&[
            ("offer_id", "kaputt"),
            ("name", ""),
            ("start_date", "morgen"),
            ("state", "XX"),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Bitte wählen Sie einen Eintrag aus der Liste."));
    assert!(html.contains("Bitte geben Sie ein Datum ein"));
    assert_eq!(app.state.store.cohorts(None, None).await.unwrap().len(), 1);
}

#[tokio::test]
async fn published_timetables_need_reasons_and_feeds_carry_changes() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("coordinator@test.example").await;
    let cohort = app.cohort.id;
    // Publish.
    let res = client
        .post(app.url(&format!("/verwaltung/durchgaenge/{cohort}/status")))
        .form(&[("status", "published"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    // Skipping a step is refused.
    let res = client
        .post(app.url(&format!("/verwaltung/durchgaenge/{cohort}/status")))
        .form(&[("status", "finished"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Dieser Statuswechsel ist nicht möglich.")
    );

    let sessions = app.state.store.timetable(cohort).await.unwrap();
    let target = &sessions[3];
    // Without a reason: refused.
    let res = client
        .post(app.url(&format!("/verwaltung/termine/{}/absagen", target.id)))
        .form(&[("reason", ""), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Bitte geben Sie einen Grund an")
    );
    // With a reason: cancelled, SEQUENCE 1.
    let res = client
        .post(app.url(&format!("/verwaltung/termine/{}/absagen", target.id)))
        .form(&[("reason", "Lehrkraft erkrankt"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    // Move another one.
    let moved = &sessions[4];
    let new_date = moved.date.succ_opt().unwrap().to_string();
    let res = client
        .post(app.url(&format!("/verwaltung/termine/{}/verschieben", moved.id)))
        .form(&[
            ("date", new_date.as_str()),
            ("start", "17:00"),
            ("end", "20:00"),
            ("reason", "Raum belegt"),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let detail = client
        .get(app.url(&format!("/verwaltung/termine/{}", moved.id)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(detail.contains("Raum belegt"), "history shows the reason");

    // The feed: VTIMEZONE, cancelled session with STATUS:CANCELLED, SEQUENCE raised.
    let ics = reqwest::get(app.url(&format!("/feeds/{}.ics", app.feed_secret)))
        .await
        .unwrap();
    assert_eq!(ics.status(), 200);
    assert!(
        ics.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let body = ical_unfold(&ics.text().await.unwrap());
    assert!(body.contains("BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin"));
    let event_of = |uid: &str| {
        body.split("BEGIN:VEVENT")
            .find(|e| e.contains(&format!("UID:{uid}")))
            .map(str::to_owned)
            .expect("event in feed")
    };
    let cancelled = event_of(&target.uid);
    assert!(cancelled.contains("STATUS:CANCELLED"), "{cancelled}");
    assert!(cancelled.contains("SEQUENCE:1"), "{cancelled}");
    let moved_event = event_of(&moved.uid);
    assert!(moved_event.contains("SEQUENCE:1"));
    assert!(moved_event.contains("T170000"), "{moved_event}");
    assert!(
        body.contains("CATEGORIES:Prüfung,EXAM") || body.contains("CATEGORIES:Prüfung"),
        "exams are marked"
    );
    // Lines are folded at 75 octets.
    let raw = reqwest::get(app.url(&format!("/feeds/{}.ics", app.feed_secret)))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(raw.split("\r\n").all(|l| l.len() <= 75));
}

#[tokio::test]
async fn feeds_can_be_revoked_and_unknown_feeds_are_404() {
    let app = TestApp::spawn().await;
    assert_eq!(
        reqwest::get(app.url("/feeds/unbekannt.ics"))
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        reqwest::get(app.url("/feeds/ohne-endung"))
            .await
            .unwrap()
            .status(),
        404
    );
    let (client, csrf) = app.login("coordinator@test.example").await;
    let res = client
        .post(app.url(&format!(
            "/verwaltung/durchgaenge/{}/kalender-links",
            app.cohort.id
        )))
        .form(&[("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    let start = html.find("/feeds/").expect("the new link is shown");
    let url_path: String = html[start..].chars().take_while(|c| *c != '<').collect();
    assert_eq!(
        reqwest::get(app.url(&url_path)).await.unwrap().status(),
        200
    );
    let feeds = app
        .state
        .store
        .feeds_of(&app.cohort.id.to_string())
        .await
        .unwrap();
    let newest = &feeds[0];
    let csrf = extract_csrf(&html).unwrap();
    let res = client
        .post(app.url(&format!("/verwaltung/kalender/{}/widerrufen", newest.id)))
        .form(&[("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        reqwest::get(app.url(&url_path)).await.unwrap().status(),
        404,
        "revoked"
    );
}

#[tokio::test]
async fn trainers_get_their_own_feed_and_read_only_pages() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("trainer@test.example").await;
    let html = client
        .get(app.url(&format!("/verwaltung/durchgaenge/{}", app.cohort.id)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        !html.contains("/status\""),
        "no lifecycle buttons for trainers"
    );
    let res = client
        .post(app.url("/verwaltung/meine-termine/kalender"))
        .form(&[("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    let start = html.find("/feeds/").expect("trainer feed link");
    let url_path: String = html[start..].chars().take_while(|c| *c != '<').collect();
    let ics = reqwest::get(app.url(&url_path))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        ics.contains("Fachsprache Pflege"),
        "the trainer's cohort is in the feed"
    );
}

#[tokio::test]
async fn month_grid_and_path_render() {
    let app = TestApp::spawn().await;
    let (client, _) = app.login("counsellor@test.example").await;
    let first = app.state.store.timetable(app.cohort.id).await.unwrap()[0].date;
    let month = first.format("%Y-%m").to_string();
    let res = client
        .get(app.url(&format!(
            "/verwaltung/durchgaenge/{}/kalender?monat={month}",
            app.cohort.id
        )))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("<table class=\"month-grid\">"));
    assert!(html.contains("März 2027"), "German month name");
    // On a phone the grid scrolls, described by a hint; public holidays are named.
    assert!(html.contains("aria-describedby=\"grid-hint\""));
    assert!(html.contains("Wischen Sie seitlich"));
    assert!(html.contains("<span class=\"day-note\" lang=\"de\">Karfreitag</span>"));
    assert!(
        !html.contains("aria-current=\"date\""),
        "today is not in March 2027"
    );
    // Today is marked in its month.
    let today = app.state.app.today();
    let html = client
        .get(app.url(&format!(
            "/verwaltung/durchgaenge/{}/kalender?monat={}",
            app.cohort.id,
            today.format("%Y-%m")
        )))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(html.matches("aria-current=\"date\"").count(), 1);
    assert!(html.contains("<span class=\"day-note\">Heute</span>"));
    let res = client
        .get(app.url(&format!("/verwaltung/durchgaenge/{}/pfad", app.cohort.id)))
        .send()
        .await
        .unwrap();
    let html = res.text().await.unwrap();
    assert!(html.contains("<svg"), "path SVG");
    assert!(html.contains("role=\"img\""));
    assert!(html.contains("Fachsprache"), "module titles");
}

#[tokio::test]
async fn other_providers_cohorts_are_not_found() {
    let app = TestApp::spawn().await;
    let client = TestApp::client();
    let (secret, _) = app
        .state
        .store
        .create_session(&app.other_coordinator)
        .await
        .unwrap();
    for path in [
        format!("/verwaltung/durchgaenge/{}", app.cohort.id),
        format!("/verwaltung/durchgaenge/{}/kalender", app.cohort.id),
        format!("/verwaltung/termine/{}", app.session),
    ] {
        let res = client
            .get(app.url(&path))
            .header("cookie", format!("lw_session={secret}"))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{path}");
    }
    let token = app
        .state
        .store
        .create_token(&lernweg_store::Actor::system(), &app.other_coordinator, "t")
        .await
        .unwrap()
        .secret;
    let res = reqwest::Client::new()
        .get(app.url(&format!("/api/v1/cohorts/{}/sessions", app.cohort.id)))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let list: serde_json::Value = reqwest::Client::new()
        .get(app.url("/api/v1/cohorts"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(list["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn cohorts_api_creates_and_advances() {
    let app = TestApp::spawn().await;
    let api = reqwest::Client::new();
    let token = app.token(Role::Coordinator);
    let res = api
        .post(app.url("/api/v1/cohorts"))
        .bearer_auth(token)
        .json(&serde_json::json!({"offer_id": app.offer.id.to_string(), "name": "API-Durchgang", "start_date": "2027-04-06"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let c: serde_json::Value = res.json().await.unwrap();
    assert_eq!(c["state"], "NW", "defaults to the provider's state");
    assert_eq!(c["status"], "draft");
    let id = c["id"].as_str().unwrap();
    let res = api
        .post(app.url(&format!("/api/v1/cohorts/{id}/status")))
        .bearer_auth(token)
        .json(&serde_json::json!({"status": "running"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let res = api
        .post(app.url(&format!("/api/v1/cohorts/{id}/status")))
        .bearer_auth(token)
        .json(&serde_json::json!({"status": "published"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = api
        .post(app.url("/api/v1/cohorts"))
        .bearer_auth(token)
        .json(&serde_json::json!({"offer_id": app.offer.id.to_string(), "name": "X", "start_date": "bald"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["errors"][0]["field"], "start_date");
}
