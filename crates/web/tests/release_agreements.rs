//! Release agreements through the real server (issue 13, points 6 and 9): staff ask for the
//! release of the sessions in a participant's working time, the German PDF lists them and is
//! read back by an independent parser, the employer's contact answers on `/betrieb` for some
//! dates, the history keeps both steps, and the participant page and the cohort page show
//! what is agreed and what is open.

mod common;
#[path = "portal/support.rs"]
mod support;

use common::{TestApp, api_call};
use lernweg_domain::Role;
use serde_json::{Value, json};
use support::{get_text, relaxed};

/// The harness participant works Tuesdays 14–22; the cohort meets Tuesdays 18–21. They are
/// linked to the harness employer.
async fn working_participant(app: &TestApp) {
    let person = app.participant.to_string();
    let (status, _) = api_call(
        app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/participants/{person}/work-pattern"),
        Some(json!({"shifts": [{"weekday": "tue", "start": "14:00", "end": "22:00"}]})),
    )
    .await;
    assert_eq!(status, 200);
    common::link_to_employer(app).await;
}

async fn request(app: &TestApp) -> (u16, Value) {
    api_call(
        app,
        Role::Counsellor,
        "POST",
        "/api/v1/release-agreements",
        Some(json!({"enrolment_id": app.enrolment.to_string()})),
    )
    .await
}

#[tokio::test]
async fn staff_ask_the_employer_answers_per_date_and_every_page_shows_it() {
    let app = TestApp::spawn_with(relaxed()).await;

    // Without working times there is nothing to release.
    let (status, problem) = request(&app).await;
    assert_eq!(status, 409, "{problem}");
    working_participant(&app).await;

    let (status, a) = request(&app).await;
    assert_eq!(status, 201, "{a}");
    assert_eq!(a["state"], "requested");
    assert_eq!(a["employer_id"], app.employer.id.to_string());
    assert_eq!(a["employer_name"], "Klinik am Rhein gGmbH");
    let dates = a["dates"].as_array().unwrap();
    assert!(dates.len() >= 3, "{a}");
    assert_eq!(dates[0]["date"], "2027-03-02");
    assert_eq!(dates[0]["start"], "18:00");
    assert_eq!(dates[0]["end"], "21:00");
    assert_eq!(dates[0]["hours"], 3.0);
    assert!(dates.iter().all(|d| d["agreed"].is_null()));
    assert_eq!(a["history"].as_array().unwrap().len(), 1);
    let id = a["id"].as_str().unwrap().to_owned();
    // A second request while the first is open is a conflict.
    let (status, _) = request(&app).await;
    assert_eq!(status, 409);

    // The PDF to sign, read back by pdf-extract.
    let res = reqwest::Client::new()
        .get(app.url(a["pdf_url"].as_str().unwrap()))
        .bearer_auth(app.token(Role::Counsellor))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let bytes = res.bytes().await.unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Freistellungsvereinbarung",
        "zwischen Klinik am Rhein gGmbH (Arbeitgeber) und Amina Haddad",
        "Fachsprache Pflege berufsbegleitend",
        "Di, 02.03.2027",
        "18:00–21:00",
        "Unterschriften",
    ] {
        assert!(flat.contains(needle), "{needle} missing in {flat}");
    }

    // The employer's contact sees the request and answers for the first two dates only.
    let (client, csrf) = app.login("employer@test.example").await;
    let page = get_text(&client, &app.url("/betrieb")).await;
    assert!(
        page.contains(&format!("/betrieb/freistellungen/{id}")),
        "{page}"
    );
    assert!(page.contains("Amina Haddad: Angefragt"));
    let form = |state: &str, dates: &[&str]| {
        let mut f = vec![
            ("csrf".to_owned(), csrf.clone()),
            ("state".to_owned(), state.to_owned()),
            ("note".to_owned(), "Schichttausch geklärt".to_owned()),
        ];
        f.extend(
            dates
                .iter()
                .map(|d| ("agreed_dates".to_owned(), (*d).to_owned())),
        );
        f
    };
    let target = app.url(&format!("/betrieb/freistellungen/{id}"));
    let res = client
        .post(&target)
        .form(&form("partly_agreed", &[]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Bitte kreuzen Sie einige")
    );
    let second = dates[1]["date"].as_str().unwrap();
    let res = client
        .post(&target)
        .form(&form("partly_agreed", &["2027-03-02", second]))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = get_text(&client, &target).await;
    assert!(page.contains("Teilweise zugestimmt"), "{page}");
    assert!(page.contains("Schichttausch geklärt"));

    let (_, now) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/release-agreements/{id}"),
        None,
    )
    .await;
    assert_eq!(now["state"], "partly_agreed");
    let answers: Vec<Value> = now["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["agreed"].clone())
        .collect();
    assert_eq!(answers[0], true);
    assert_eq!(answers[1], true);
    assert_eq!(answers[2], false);
    let history = now["history"].as_array().unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[1]["state"], "partly_agreed");
    assert_eq!(history[1]["by"], "Test employer (Klinik am Rhein gGmbH)");

    // The list by state.
    let (_, list) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        "/api/v1/release-agreements?state=partly_agreed",
        None,
    )
    .await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1);
    let (_, list) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        "/api/v1/release-agreements?state=requested",
        None,
    )
    .await;
    assert!(list["items"].as_array().unwrap().is_empty());
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        "/api/v1/release-agreements?state=maybe",
        None,
    )
    .await;
    assert_eq!(status, 422);

    // Staff record a change on paper: all agreed.
    let (status, answered) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/release-agreements/{id}/answer"),
        Some(json!({"state": "agreed", "note": "schriftlich bestätigt"})),
    )
    .await;
    assert_eq!(status, 200, "{answered}");
    assert_eq!(answered["state"], "agreed");
    let (status, problem) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/release-agreements/{id}/answer"),
        Some(json!({"state": "partly_agreed", "agreed_dates": ["2027-03-03"]})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["field"], "agreed_dates");

    // The participant page and the cohort page.
    let (staff, _) = app.login("counsellor@test.example").await;
    let page = get_text(
        &staff,
        &app.url(&format!("/verwaltung/teilnehmende/{}", app.participant)),
    )
    .await;
    assert!(
        page.contains(&format!("/verwaltung/freistellungen/{id}")),
        "{page}"
    );
    assert!(page.contains("Frühjahr 2027: Zugestimmt"));
    let cohort = get_text(
        &staff,
        &app.url(&format!("/verwaltung/durchgaenge/{}", app.cohort.id)),
    )
    .await;
    assert!(cohort.contains("0 von 16 Plätzen belegt"), "{cohort}");
    assert!(
        cohort.contains("Amina Haddad (3 Std.): freigestellt"),
        "{cohort}"
    );
    // A trainer sees the participants but not who needs release.
    let (trainer, _) = app.login("trainer@test.example").await;
    let cohort = get_text(
        &trainer,
        &app.url(&format!("/verwaltung/durchgaenge/{}", app.cohort.id)),
    )
    .await;
    assert!(cohort.contains("Amina Haddad"));
    assert!(!cohort.contains("Std.): "));
}

#[tokio::test]
async fn only_the_employer_addressed_sees_the_agreement_while_the_person_is_linked() {
    let app = TestApp::spawn_with(relaxed()).await;
    working_participant(&app).await;
    let (_, a) = request(&app).await;
    let id = a["id"].as_str().unwrap().to_owned();
    let (client, _) = app.login("employer@test.example").await;
    let res = client
        .get(app.url(&format!("/betrieb/freistellungen/{id}/pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);

    // The link ends: the employer no longer sees the person's agreement.
    let (_, links) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/employers/{}/employees", app.employer.id),
        None,
    )
    .await;
    let link = links[0]["id"].as_str().unwrap();
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/employments/{link}/end"),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 200);
    let res = client
        .get(app.url(&format!("/betrieb/freistellungen/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let page = get_text(&client, &app.url("/betrieb")).await;
    assert!(!page.contains(&id));
    // Staff of another provider do not see it either.
    let (other, _) = app.login("koordination@zwei.example").await;
    let res = other
        .get(app.url(&format!("/verwaltung/freistellungen/{id}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}
