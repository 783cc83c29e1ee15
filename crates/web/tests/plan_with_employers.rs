//! Planning a draft with the employers (issue 13, point 3) through the real server: the
//! cohort's deadline and closing periods in the API and the form; a coordinator shares the
//! draft, the employer's contact gets a notice with the link, marks a period on `/betrieb`
//! and comments; staff see the answer beside the sessions it hits and re-plan around it.

mod common;
#[path = "portal/support.rs"]
mod support;

use common::{TestApp, api_call};
use lernweg_domain::{Limit, Role};
use lernweg_store::OutboxFilter;
use serde_json::{Value, json};
use support::{get_text, relaxed};

async fn sessions(app: &TestApp, cohort: &str) -> Vec<String> {
    let (status, list) = api_call(
        app,
        Role::Coordinator,
        "GET",
        &format!("/api/v1/cohorts/{cohort}/sessions"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{list}");
    let items = list
        .as_array()
        .or(list["items"].as_array())
        .unwrap()
        .clone();
    items
        .iter()
        .filter(|s| s["status"] == "confirmed")
        .map(|s| s["date"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn a_cohort_is_created_and_replanned_with_deadline_and_closures() {
    let app = TestApp::spawn().await;
    let body = json!({
        "offer_id": app.offer.id.to_string(), "name": "Sommer 2027", "start_date": "2027-05-04",
        "planning": {"deadline": "2027-08-31", "closures": [
            {"from": "2027-06-01", "to": "2027-06-30", "name": "Sommerschließung"}
        ]}
    });
    let (status, c) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        "/api/v1/cohorts",
        Some(body),
    )
    .await;
    assert_eq!(status, 201, "{c}");
    assert_eq!(c["planning"]["deadline"], "2027-08-31");
    assert_eq!(c["planning"]["closures"][0]["name"], "Sommerschließung");
    let id = c["id"].as_str().unwrap().to_owned();
    let dates = sessions(&app, &id).await;
    assert!(dates.iter().all(|d| !d.starts_with("2027-06")), "{dates:?}");
    assert!(dates.iter().any(|d| d.starts_with("2027-07")), "{dates:?}");

    // Bad controls are refused, naming the field, and nothing is created.
    let bad = json!({
        "offer_id": app.offer.id.to_string(), "name": "Falsch", "start_date": "2027-05-04",
        "planning": {"deadline": "2027-01-01", "closures": [{"from": "2027-06-30", "to": "2027-06-01"}]}
    });
    let (status, p) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        "/api/v1/cohorts",
        Some(bad),
    )
    .await;
    assert_eq!(status, 422, "{p}");
    let fields: Vec<&str> = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["deadline", "closures"], "{p}");
    let (status, p) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        "/api/v1/cohorts",
        Some(
            json!({"offer_id": app.offer.id.to_string(), "name": "X", "start_date": "2027-05-04",
            "planning": {"closures": [{"from": "30.06.2027", "to": "2027-07-01"}]}}),
        ),
    )
    .await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (422, Some("closures")),
        "{p}"
    );

    // Re-planning drops the closure: June has sessions again; the deadline is kept.
    let (status, c) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{id}/replan"),
        Some(json!({"planning": {"deadline": "2027-08-31", "closures": []}})),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    assert_eq!(c["planning"]["closures"], json!([]));
    assert!(
        sessions(&app, &id)
            .await
            .iter()
            .any(|d| d.starts_with("2027-06"))
    );
    // Trainers may not re-plan.
    let (status, _) = api_call(
        &app,
        Role::Trainer,
        "POST",
        &format!("/api/v1/cohorts/{id}/replan"),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 403);

    // The form: a closure line that is no period is named, and what was typed stays.
    let (client, csrf) = app.login("coordinator@test.example").await;
    let res = client
        .post(app.url(&format!("/verwaltung/durchgaenge/{id}/neu-planen")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("start_date", "2027-05-04"),
            ("deadline", ""),
            ("closures", "01.06.2027 – 30.06.2027 Sommer\nim August"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Zeile 2 der Schließzeiten"), "{html}");
    assert!(html.contains("im August</textarea>"), "{html}");
    let res = client
        .post(app.url(&format!("/verwaltung/durchgaenge/{id}/neu-planen")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("start_date", "2027-05-04"),
            ("deadline", "2027-06-15"),
            ("closures", "01.06.2027 – 30.06.2027 Sommer"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let html = get_text(&client, &app.url(&format!("/verwaltung/durchgaenge/{id}"))).await;
    assert!(html.contains("01.06.2027 – 30.06.2027 Sommer"), "{html}");
    assert!(
        html.contains("nach der Frist 15.06.2027"),
        "the missed deadline is shown"
    );
}

async fn outbox_bodies(app: &TestApp) -> Vec<(String, String, String)> {
    let filter = OutboxFilter {
        scope: None,
        status: None,
    };
    let slice = app
        .state
        .app
        .store
        .outbox_after(&filter, None, Limit::MAX)
        .await
        .unwrap();
    slice
        .items
        .iter()
        .map(|m| {
            let (subject, body) = lernweg_web::outbox::render(m);
            (m.to_address.clone(), subject, body)
        })
        .collect()
}

#[tokio::test]
async fn employers_mark_periods_on_a_shared_draft_and_staff_replan_around_them() {
    let app = TestApp::spawn_with(relaxed()).await;
    common::link_to_employer(&app).await;
    let cohort = app.cohort.id.to_string();
    let (employer, _) = app.login("employer@test.example").await;
    // Not shared yet: the employer does not see the draft for planning.
    let res = employer
        .get(app.url(&format!("/betrieb/planung/{cohort}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);

    let (status, view) = api_call(
        &app,
        Role::Trainer,
        "GET",
        &format!("/api/v1/cohorts/{cohort}/employer-answers"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["shared_at"], Value::Null);
    assert_eq!(view["employers"][0]["name"], "Klinik am Rhein gGmbH");
    assert_eq!(view["employers"][0]["employees"][0], "Amina Haddad");

    let (status, c) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{cohort}/share"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{c}");
    assert!(c["shared_at"].is_string(), "{c}");
    let mail = outbox_bodies(&app).await;
    let to_contact: Vec<_> = mail
        .iter()
        .filter(|(to, _, _)| *to == app.employer.contacts[0].email.as_ref().unwrap().as_str())
        .collect();
    assert_eq!(to_contact.len(), 1, "{mail:?}");
    let (_, subject, body) = to_contact[0];
    assert!(
        subject.starts_with("Kurs in Planung: Fachsprache Pflege"),
        "{subject}"
    );
    assert!(body.contains("Amina Haddad"), "{body}");
    assert!(
        body.contains(&format!("/betrieb/planung/{cohort}")),
        "{body}"
    );
    // Sharing again sends nothing new.
    api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{cohort}/share"),
        None,
    )
    .await;
    assert_eq!(outbox_bodies(&app).await.len(), mail.len());

    // The employer sees the draft on /betrieb and answers.
    let home = get_text(&employer, &app.url("/betrieb")).await;
    assert!(
        home.contains(&format!("/betrieb/planung/{cohort}")),
        "{home}"
    );
    let page = get_text(&employer, &app.url(&format!("/betrieb/planung/{cohort}"))).await;
    assert!(page.contains("Amina Haddad"), "{page}");
    let csrf = common::extract_csrf(&page).unwrap();
    let dates = sessions(&app, &cohort).await;
    let (from, to) = (dates[2].clone(), dates[3].clone());
    let post = |fields: Vec<(&'static str, String)>| {
        let mut form = fields;
        form.push(("csrf", csrf.clone()));
        employer
            .post(app.url(&format!("/betrieb/planung/{cohort}")))
            .form(&form)
            .send()
    };
    let res = post(vec![("from", to.clone()), ("to", from.clone())])
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Der letzte Tag liegt vor dem ersten Tag")
    );
    let res = post(vec![("comment", "  ".into())]).await.unwrap();
    assert_eq!(res.status(), 422);
    let res = post(vec![
        ("from", from.clone()),
        ("to", to.clone()),
        ("reason", "inventory".into()),
        ("comment", "Inventur auf Station 3".into()),
    ])
    .await
    .unwrap();
    assert_eq!(res.status(), 303);
    let page = get_text(&employer, &app.url(&format!("/betrieb/planung/{cohort}"))).await;
    assert!(page.contains("Inventur auf Station 3"), "{page}");
    assert!(
        page.contains("2 geplante Termine liegen in dieser Zeit."),
        "{page}"
    );
    let res = post(vec![(
        "comment",
        "Dienstags ist es bei uns schwierig.".into(),
    )])
    .await
    .unwrap();
    assert_eq!(res.status(), 303);

    // Staff see both answers; the period hits the two sessions.
    let (_, view) = api_call(
        &app,
        Role::Coordinator,
        "GET",
        &format!("/api/v1/cohorts/{cohort}/employer-answers"),
        None,
    )
    .await;
    let answers = view["answers"].as_array().unwrap();
    assert_eq!(answers.len(), 2, "{view}");
    assert_eq!(answers[0]["period"]["reason"], "inventory");
    assert_eq!(answers[0]["author"], app.employer.contacts[0].name.as_str());
    let hits: Vec<&str> = answers[0]["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["date"].as_str().unwrap())
        .collect();
    assert_eq!(hits, [from.as_str(), to.as_str()]);
    assert_eq!(answers[1]["period"], Value::Null);
    let (staff, _) = app.login("coordinator@test.example").await;
    let html = get_text(
        &staff,
        &app.url(&format!("/verwaltung/durchgaenge/{cohort}")),
    )
    .await;
    assert!(html.contains("Rückmeldungen der Betriebe"), "{html}");
    assert!(html.contains("Dienstags ist es bei uns schwierig."));
    assert!(html.contains("2 Termine"));

    // Re-planned around the period: no session in it any more, and the answer hits none.
    let (status, c) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{cohort}/replan"),
        Some(json!({"around_employers": true})),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    let after = sessions(&app, &cohort).await;
    assert!(
        after.iter().all(|d| *d < from || *d > to),
        "{from}–{to}: {after:?}"
    );
    assert_eq!(after.len(), dates.len(), "the same sessions, later");
    let (_, view) = api_call(
        &app,
        Role::Coordinator,
        "GET",
        &format!("/api/v1/cohorts/{cohort}/employer-answers"),
        None,
    )
    .await;
    assert_eq!(view["answers"][0]["hits"], json!([]));

    // The employer withdraws the comment; another employer's answer is unknown to them.
    let id = view["answers"][1]["id"].as_str().unwrap();
    let page = get_text(&employer, &app.url(&format!("/betrieb/planung/{cohort}"))).await;
    let csrf = common::extract_csrf(&page).unwrap();
    let res = employer
        .post(app.url(&format!("/betrieb/planung/antworten/{id}/zurueckziehen")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, view) = api_call(
        &app,
        Role::Coordinator,
        "GET",
        &format!("/api/v1/cohorts/{cohort}/employer-answers"),
        None,
    )
    .await;
    assert_eq!(view["answers"].as_array().unwrap().len(), 1);

    // Once published, the draft is no longer open for answers or re-planning.
    api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{cohort}/status"),
        Some(json!({"status": "published"})),
    )
    .await;
    let res = employer
        .get(app.url(&format!("/betrieb/planung/{cohort}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let (status, p) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{cohort}/replan"),
        Some(json!({"around_employers": true})),
    )
    .await;
    assert_eq!(
        (status, p["errors"][0]["field"].as_str()),
        (422, Some("status")),
        "{p}"
    );
}
