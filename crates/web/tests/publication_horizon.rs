//! The publication horizon on the cohort page (issue 13, point 4): per date the weeks of lead
//! it was published with, a warning below the provider's minimum (default 26 weeks, the goal
//! of 52 named), for a draft what publishing today would give; the minimum is the
//! provider's, set over the API and the admin form.

mod common;

use common::{Options, TestApp, api_call};
use lernweg_domain::Role;
use serde_json::json;

fn on(day: &str) -> Options {
    Options {
        today: Some(day.parse().unwrap()),
        ..Default::default()
    }
}

/// The lead cells of the timetable, in order.
fn leads(html: &str) -> Vec<String> {
    html.split("class=\"lead-")
        .skip(1)
        .map(|cell| {
            let start = cell.find('>').unwrap() + 1;
            let end = cell.find("</td>").unwrap();
            cell[start..end]
                .replace("<strong>", "")
                .replace("</strong>", "")
        })
        .collect()
}

#[tokio::test]
async fn the_cohort_page_shows_the_lead_of_each_date_against_the_minimum() {
    // The harness cohort starts on 2027-03-02: 12 weeks after 2026-12-03.
    let app = TestApp::spawn_with(on("2026-12-03")).await;
    let (client, _) = app.login("coordinator@test.example").await;
    let page = format!("/verwaltung/durchgaenge/{}", app.cohort.id);
    let get = || async {
        let res = client.get(app.url(&page)).send().await.unwrap();
        assert_eq!(res.status(), 200);
        res.text().await.unwrap()
    };

    let html = get().await;
    assert!(
        html.contains(
            "Wird der Stundenplan heute veröffentlicht, erfahren Teilnehmende und Betriebe den ersten Termin 12 Wochen vorher. Mindestvorlauf des Trägers: 26 Wochen; Ziel: 52 Wochen"
        ),
        "{html}"
    );
    assert!(html.contains("<div class=\"alert\" role=\"status\" id=\"horizon\">"));
    assert!(leads(&html).iter().all(|l| l == "–"), "a draft has no lead");

    let (status, _) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{}/status", app.cohort.id),
        Some(json!({"status": "published"})),
    )
    .await;
    assert_eq!(status, 200);
    let html = get().await;
    let cells = leads(&html);
    assert_eq!(cells[0], "12 Wochen zu kurz");
    assert!(
        html.contains("Termine wurden mit weniger als 26 Wochen Vorlauf veröffentlicht (kürzester Vorlauf: 12 Wochen)"),
        "{html}"
    );
    // Later dates have more lead, never less.
    let weeks: Vec<i64> = cells
        .iter()
        .map(|c| c.split(' ').next().unwrap().parse().unwrap())
        .collect();
    assert!(weeks.windows(2).all(|w| w[0] <= w[1]), "{weeks:?}");
    assert!(*weeks.last().unwrap() > 12);

    // The provider lowers its minimum: no warning any more.
    let provider = format!("/api/v1/providers/{}", app.p1.id);
    let (status, body) = api_call(
        &app,
        Role::Admin,
        "PATCH",
        &provider,
        Some(json!({"min_publication_weeks": 10})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["min_publication_weeks"], 10);
    let html = get().await;
    assert!(
        html.contains("Alle Termine wurden mit mindestens 10 Wochen Vorlauf veröffentlicht (kürzester Vorlauf: 12 Wochen; Ziel: 52 Wochen)"),
        "{html}"
    );
    assert!(html.contains("<div class=\"notice\" role=\"status\" id=\"horizon\">"));
    assert!(!html.contains("zu kurz"));
}

#[tokio::test]
async fn the_minimum_is_whole_weeks_from_1_to_104() {
    let app = TestApp::spawn().await;
    let provider = format!("/api/v1/providers/{}", app.p1.id);
    let (_, body) = api_call(&app, Role::Coordinator, "GET", &provider, None).await;
    assert_eq!(body["min_publication_weeks"], 26, "the default");
    for bad in [json!(0), json!(105), json!("zwölf"), json!(-1)] {
        let (status, problem) = api_call(
            &app,
            Role::Admin,
            "PATCH",
            &provider,
            Some(json!({"min_publication_weeks": bad})),
        )
        .await;
        assert!(status == 422 || status == 400, "{bad}: {status} {problem}");
    }
    let (status, problem) = api_call(
        &app,
        Role::Admin,
        "PATCH",
        &provider,
        Some(json!({"min_publication_weeks": 105})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "min_publication_weeks");
    let (_, body) = api_call(&app, Role::Coordinator, "GET", &provider, None).await;
    assert_eq!(body["min_publication_weeks"], 26, "nothing saved");

    // The admin form says what is wrong, in German, and keeps the typed value.
    let (client, csrf) = app.login("admin@test.example").await;
    let res = client
        .post(app.url(&format!("/admin/traeger/{}", app.p1.id)))
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "Träger Eins"),
            ("state", "NW"),
            ("min_publication_weeks", "26,5"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Bitte geben Sie ganze Wochen von 1 bis 104 an"),
        "{html}"
    );
    assert!(html.contains("value=\"26,5\""));
    let res = client
        .post(app.url(&format!("/admin/traeger/{}", app.p1.id)))
        .form(&[
            ("csrf", csrf.as_str()),
            ("name", "Träger Eins"),
            ("state", "NW"),
            ("min_publication_weeks", "52"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, body) = api_call(&app, Role::Coordinator, "GET", &provider, None).await;
    assert_eq!(body["min_publication_weeks"], 52);
}
