//! Session times chosen for the shifts of a draft cohort's participants (issue 17, point 4):
//! `POST /api/v1/cohorts/{id}/slot-choice` over HTTP, with the stored work patterns, and the
//! chosen set applied to the draft (`PUT /api/v1/cohorts/{id}/weekly-slots` and the page).

mod common;

use common::{TestApp, api_call};
use lernweg_domain::Role;
use serde_json::{Value, json};

fn candidates() -> Value {
    json!([
        {"id": "di-abend", "weekday": "tue", "start": "18:00", "end": "21:00"},
        {"id": "sa-vormittag", "weekday": "sat", "start": "09:00", "end": "12:00"}
    ])
}

#[tokio::test]
async fn the_draft_cohorts_participants_shifts_decide_the_slots() {
    let app = TestApp::spawn().await;
    let path = format!("/api/v1/cohorts/{}/slot-choice", app.cohort.id);
    // The participant works early and late shifts on weekdays in turns (late: 14–22).
    let mut shifts = Vec::new();
    for (week, from, to) in [(1, "06:00", "14:00"), (2, "14:00", "22:00")] {
        for day in ["mon", "tue", "wed", "thu", "fri"] {
            shifts.push(json!({"week": week, "weekday": day, "start": from, "end": to}));
        }
    }
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/participants/{}/work-pattern", app.participant),
        Some(json!({"weeks": 2, "anchor": "2027-03-01", "travel_minutes": 30, "shifts": shifts})),
    )
    .await;
    assert_eq!(status, 200, "{body}");

    let (status, body) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &path,
        Some(json!({"choose": 1, "candidates": candidates()})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["chosen"], json!(["sa-vormittag"]));
    assert_eq!(body["participants_able"], 1);
    assert_eq!(body["start"], "2027-03-02");
    let me = &body["per_participant"][0];
    assert_eq!(me["id"], app.participant.to_string());
    assert_eq!(me["name"], "Amina Haddad");
    assert_eq!(me["attendable"], me["sessions"]);
    // Tuesday evenings: only in the early weeks — about half.
    let tuesday = &body["alternatives"][0];
    assert_eq!(tuesday["chosen"], json!(["di-abend"]));
    assert_eq!(tuesday["participants_able"], 0);

    // Bad input names the field.
    let (status, body) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &path,
        Some(json!({"choose": 1, "candidates": [{"id": "x", "weekday": "dienstags2", "start": "18:00", "end": "21:00"}]})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "candidates[0].weekday");
    let (status, body) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &path,
        Some(json!({"choose": 3, "threshold": 2, "candidates": candidates()})),
    )
    .await;
    assert_eq!(status, 422);
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, ["choose", "threshold"]);
    // Counsellors do not plan cohorts; another provider's cohort is not found.
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &path,
        Some(json!({"choose": 1, "candidates": candidates()})),
    )
    .await;
    assert_eq!(status, 403);

    // The chosen set is applied to the draft: the timetable is planned again on Saturdays.
    let slots_path = format!("/api/v1/cohorts/{}/weekly-slots", app.cohort.id);
    let overlapping = json!({"slots": [
        {"weekday": "sat", "start": "09:00", "end": "12:00"},
        {"weekday": "sat", "start": "11:00", "end": "13:00"}]});
    let (status, body) = api_call(
        &app,
        Role::Coordinator,
        "PUT",
        &slots_path,
        Some(overlapping),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "weekly_slots");
    assert_eq!(body["errors"][0]["code"], "overlap");
    let bad = json!({"slots": [{"weekday": "samstag", "start": "9 Uhr", "end": "12:00"}]});
    let (status, body) = api_call(&app, Role::Coordinator, "PUT", &slots_path, Some(bad)).await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "slots[0].weekday");
    assert_eq!(body["errors"][1]["field"], "slots[0].start");
    let saturday = json!({"slots": [{"weekday": "sat", "start": "09:00", "end": "12:00"}]});
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "PUT",
        &slots_path,
        Some(saturday.clone()),
    )
    .await;
    assert_eq!(status, 403);
    let (status, body) = api_call(
        &app,
        Role::Coordinator,
        "PUT",
        &slots_path,
        Some(saturday.clone()),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["weekly_slots"], saturday["slots"]);
    let sessions_path = format!("/api/v1/cohorts/{}/sessions", app.cohort.id);
    let (status, sessions) = api_call(&app, Role::Coordinator, "GET", &sessions_path, None).await;
    assert_eq!(status, 200);
    let sessions = sessions.as_array().expect("a list");
    assert!(!sessions.is_empty());
    for s in sessions {
        let day =
            chrono::NaiveDate::parse_from_str(s["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        assert_eq!(chrono::Datelike::weekday(&day), chrono::Weekday::Sat, "{s}");
        assert_eq!(s["start"], "09:00");
    }
    // New closures keep the chosen times.
    let (status, body) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{}/replan", app.cohort.id),
        Some(json!({"planning": {"closures": [{"from": "2027-07-01", "to": "2027-07-31", "name": "Sommer"}]}})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["weekly_slots"], saturday["slots"]);
}

#[tokio::test]
async fn coordinators_choose_on_the_cohort_page() {
    let app = TestApp::spawn().await;
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/participants/{}/work-pattern", app.participant),
        Some(json!({"weeks": 1, "travel_minutes": 20, "shifts": [
            {"weekday": "tue", "start": "14:00", "end": "22:00"}]})),
    )
    .await;
    assert_eq!(status, 200);
    let (me, csrf) = app.login("coordinator@test.example").await;
    let page = format!("/verwaltung/durchgaenge/{}/zeiten", app.cohort.id);
    let cohort = me
        .get(app.url(&format!("/verwaltung/durchgaenge/{}", app.cohort.id)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(cohort.contains(&page), "the draft links to the choice");
    let html = me
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("name=\"weekday7\""), "eight rows");
    let form = [
        ("csrf", csrf.as_str()),
        ("weekday0", "tue"),
        ("start0", "18:00"),
        ("end0", "21:00"),
        ("weekday1", "sat"),
        ("start1", "09:00"),
        ("end1", "12:00"),
        ("choose", "1"),
        ("threshold", "80"),
    ];
    let response = me.post(app.url(&page)).form(&form).send().await.unwrap();
    assert_eq!(response.status(), 200);
    let html = response.text().await.unwrap();
    let best = html.find(">Sa 09:00–12:00</td>").expect("Saturday first");
    let tuesday = html.find(">Di 18:00–21:00</td>").expect("Tuesday listed");
    assert!(best < tuesday, "{html}");
    assert!(html.contains("Amina Haddad"));
    assert!(
        html.contains("21 Wochen, eine Person mit Arbeitszeit"),
        "{html}"
    );
    // 1 May 2027 is a Saturday and a public holiday: 20 Saturdays in 21 weeks.
    assert!(html.contains("20 / 20"), "{html}");
    // Each set can be applied; the cohort keeps the times and the page offers the slots again.
    assert!(
        html.contains("name=\"slot\" value=\"sat 09:00 12:00\""),
        "{html}"
    );
    let apply = format!("{page}/uebernehmen");
    let response = me
        .post(app.url(&apply))
        .form(&[("csrf", csrf.as_str()), ("slot", "sat 09:00 12:00")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 303);
    let cohort = me
        .get(app.url(&format!("/verwaltung/durchgaenge/{}", app.cohort.id)))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        cohort.contains("Eigene Kurszeiten</dt><dd>Sa 09:00–12:00</dd>"),
        "{cohort}"
    );
    let again = me
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        again.contains("<option value=\"sat\" selected>"),
        "the candidates are kept"
    );
    assert!(again.contains("value=\"09:00\""));
    let response = me
        .post(app.url(&apply))
        .form(&[
            ("csrf", csrf.as_str()),
            ("slot", "sat 09:00 12:00"),
            ("slot", "sat 10:00 13:00"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("überschneiden sich")
    );
    let mut bad = form.to_vec();
    bad[3] = ("end0", "18:00");
    let response = me.post(app.url(&page)).form(&bad).send().await.unwrap();
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Ende nicht gleich Beginn")
    );
}
