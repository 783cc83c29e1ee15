//! Enrolments for chosen modules of a cohort (issue 14, point 7) through the real server: a
//! plan item of chosen cohort modules enrols the person for those modules; the roll call of
//! a session lists a partial enrolment only in its modules' sessions and refuses a line for
//! it elsewhere; the cohort page counts the places per module.

mod common;

use common::{TestApp, api_call, sample_participant};
use lernweg_domain::Role;
use lernweg_store::Actor;
use serde_json::{Value, json};

fn names(roll: &Value) -> Vec<String> {
    roll["rows"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|r| {
            r["participant_name"]
                .as_str()
                .unwrap_or_default()
                .to_owned()
        })
        .collect()
}

#[tokio::test]
async fn a_cohort_takes_people_for_chosen_modules_only() {
    let app = TestApp::spawn().await;
    let store = &app.state.store;
    let mut data = sample_participant();
    data.given_name = "Oleh".into();
    data.family_name = "Bondarenko".into();
    let other = store
        .create_participant(&Actor::system(), app.p1.id, None, data)
        .await
        .unwrap()
        .id;
    let cohort = app.cohort.id.to_string();

    // A module the offer does not have is refused by name.
    let (status, e) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/participants/{other}/enrolments"),
        Some(json!({"cohort_id": cohort, "modules": [3]})),
    )
    .await;
    assert_eq!(status, 422, "{e}");
    assert_eq!(e["errors"][0]["field"], "modules");

    // The plan's item "module 2 of the cohort" enrols for module 2.
    let (status, c) = api_call(
        &app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/participants/{other}/recognition"),
        Some(json!({
            "reference_occupation": "Elektroniker", "kldb": "26252", "regulated": true,
            "authority": "Handwerkskammer Köln", "outcome": "partial_equivalence",
            "decided_on": "2026-06-01",
            "differences": [{"id": "praxis", "title": "Pflegepraxis"}]
        })),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    let (status, item) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/participants/{other}/plan/items"),
        Some(
            json!({"kind": "cohort_modules", "title": "Modul Pflegepraxis", "covers": ["praxis"],
            "hours": 24, "cohort_id": cohort, "modules": [2]}),
        ),
    )
    .await;
    assert_eq!(status, 201, "{item}");
    let (_, list) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/participants/{other}/enrolments"),
        None,
    )
    .await;
    let enrolment = &list["items"][0];
    assert_eq!(enrolment["cohort_id"], cohort.as_str(), "{list}");
    assert_eq!(enrolment["modules"], json!([2]));
    let partial = enrolment["id"].as_str().unwrap().to_owned();
    // Both take a place: counselled, then enrolled.
    for id in [partial.clone(), app.enrolment.to_string()] {
        for (on, event) in [("2026-09-01", "counsel"), ("2026-09-10", "enrol")] {
            let (status, r) = api_call(
                &app,
                Role::Counsellor,
                "POST",
                &format!("/api/v1/enrolments/{id}/events"),
                Some(json!({"on": on, "event": {"event": event}})),
            )
            .await;
            assert_eq!(status, 200, "{r}");
        }
    }

    // The roll calls: module 1 without the partial enrolment, module 2 with it.
    let sessions = store.timetable(app.cohort.id).await.unwrap();
    let of = |m: i64| sessions.iter().find(|s| s.module == Some(m)).unwrap().id;
    let roll = |m: i64| {
        let path = format!("/api/v1/sessions/{}/attendance", of(m));
        let app = &app;
        async move { api_call(app, Role::Coordinator, "GET", &path, None).await }
    };
    let (status, one) = roll(1).await;
    assert_eq!(status, 200, "{one}");
    assert!(
        !names(&one).iter().any(|n| n.contains("Bondarenko")),
        "{one}"
    );
    assert_eq!(names(&one).len(), 1, "{one}");
    let (_, two) = roll(2).await;
    assert!(
        names(&two).iter().any(|n| n.contains("Bondarenko")),
        "{two}"
    );
    assert_eq!(names(&two).len(), 2, "{two}");
    let (status, e) = api_call(
        &app,
        Role::Coordinator,
        "PUT",
        &format!("/api/v1/sessions/{}/attendance", of(1)),
        Some(json!([{"enrolment_id": partial, "status": "excused"}])),
    )
    .await;
    assert_eq!(
        status, 422,
        "a partial enrolment is not on module 1's roll call: {e}"
    );
    let (status, r) = api_call(
        &app,
        Role::Coordinator,
        "PUT",
        &format!("/api/v1/sessions/{}/attendance", of(2)),
        Some(json!([{"enrolment_id": partial, "status": "excused"}])),
    )
    .await;
    assert_eq!(status, 200, "{r}");

    // The cohort page: the partial enrolment named with its module, places per module.
    let (client, _) = app.login("coordinator@test.example").await;
    let html = client
        .get(app.url(&format!("/verwaltung/durchgaenge/{}", app.cohort.id)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("nur Modul 2"), "{html}");
    assert!(html.contains("Modul 1: 1 von 16 Plätzen"), "{html}");
    assert!(html.contains("Modul 2: 2 von 16 Plätzen"), "{html}");
    assert!(html.contains("2 von 16 Plätzen belegt (eingeschrieben"));
}
