//! Individual qualification paths (issue 14) through the real server: the recognition case
//! with its differences, the plan's items with the coverage of each difference and the
//! weekly load, and dates for individual lessons in the person's free time.

mod common;

use common::{TestApp, api_call};
use lernweg_domain::Role;
use serde_json::{Value, json};

fn case(deadline: &str) -> Value {
    json!({
        "reference_occupation": "Pflegefachfrau", "kldb": "81302", "regulated": true,
        "authority": "Bezirksregierung Düsseldorf", "applied_on": "2026-03-02",
        "decided_on": "2026-07-15", "outcome": "substantial_differences", "deadline": deadline,
        "differences": [
            {"title": "Pflege alter Menschen", "area": "Altenpflege", "required_hours": 40},
            {"id": "recht", "title": "Rechtliche Grundlagen", "area": "Berufsrecht"}
        ]
    })
}

fn fields(problem: &Value) -> Vec<String> {
    problem["errors"]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test]
async fn a_recognition_case_and_a_plan_with_coverage_load_and_lessons_in_free_time() {
    let app = TestApp::spawn().await;
    let pid = app.participant.to_string();
    let rec = format!("/api/v1/participants/{pid}/recognition");
    let (status, _) = api_call(&app, Role::Counsellor, "GET", &rec, None).await;
    assert_eq!(status, 404, "no case yet");
    let (status, c) = api_call(
        &app,
        Role::Counsellor,
        "PUT",
        &rec,
        Some(case("2028-06-30")),
    )
    .await;
    assert_eq!(status, 200, "{c}");
    let first = c["differences"][0]["id"].as_str().unwrap().to_owned();
    assert!(!first.is_empty());
    assert_eq!(c["differences"][1]["id"], "recht");
    let keys: Vec<&String> = c.as_object().unwrap().keys().collect();
    assert_eq!(
        keys.len(),
        9,
        "exactly the nine keys of the contract: {keys:?}"
    );
    let (status, again) = api_call(&app, Role::Counsellor, "GET", &rec, None).await;
    assert_eq!((status, &again), (200, &c));

    // Contradictions are named; trainers and other providers get nothing.
    let mut bad = case("2026-01-01");
    bad["outcome"] = json!("granted");
    bad["applied_on"] = json!("01.03.2026");
    let (status, p) = api_call(&app, Role::Counsellor, "PUT", &rec, Some(bad)).await;
    assert_eq!(
        (status, fields(&p)),
        (422, vec!["applied_on".to_owned()]),
        "{p}"
    );
    let mut bad = case("2026-01-01");
    bad["outcome"] = json!("granted");
    let (status, p) = api_call(&app, Role::Counsellor, "PUT", &rec, Some(bad)).await;
    assert_eq!(status, 422);
    assert_eq!(fields(&p), ["outcome", "deadline"], "{p}");
    let (status, _) = api_call(&app, Role::Trainer, "GET", &rec, None).await;
    assert_eq!(status, 403);

    // The plan: nothing planned, both differences uncovered.
    let plan = format!("/api/v1/participants/{pid}/plan");
    let (_, p) = api_call(&app, Role::Counsellor, "GET", &plan, None).await;
    assert_eq!(p["items"], json!([]));
    let statuses: Vec<&str> = p["coverage"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["uncovered", "uncovered"]);

    // Items of three kinds.
    let items = format!("/api/v1/participants/{pid}/plan/items");
    let lessons = json!({
        "kind": "lessons", "title": "Einzelunterricht Altenpflege", "covers": [first], "hours": 12,
        "session_hours": 2, "earliest": "2027-03-01", "weekdays": ["tue", "thu"],
        "window_start": "08:00", "window_end": "21:00"
    });
    let (status, l) = api_call(&app, Role::Counsellor, "POST", &items, Some(lessons)).await;
    assert_eq!(status, 201, "{l}");
    assert_eq!(l["kind"], "lessons");
    assert_eq!(l["weekdays"], json!(["tue", "thu"]));
    let placement = json!({
        "kind": "placement", "title": "Praxiseinsatz Seniorenheim", "covers": [first, "recht"],
        "hours": 80, "company": "Seniorenzentrum am Park", "from": "2027-04-05", "to": "2027-05-28",
        "hours_per_week": 10
    });
    let (status, pl) = api_call(&app, Role::Counsellor, "POST", &items, Some(placement)).await;
    assert_eq!(status, 201, "{pl}");
    let (status, p) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &items,
        Some(
            json!({"kind": "exam", "title": "Kenntnisprüfung", "covers": ["zz"], "hours": 3,
            "date": "2027-06-15", "authority": "Bezirksregierung Düsseldorf"}),
        ),
    )
    .await;
    assert_eq!(
        (status, fields(&p)),
        (422, vec!["covers".to_owned()]),
        "{p}"
    );
    let (status, p) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &items,
        Some(json!({"kind": "holiday", "title": "x", "covers": [], "hours": 1})),
    )
    .await;
    assert_eq!(status, 422, "{p}");

    let (_, p) = api_call(&app, Role::Counsellor, "GET", &plan, None).await;
    let cov = &p["coverage"];
    // 12 lesson hours + half of the 80 placement hours for the first difference.
    assert_eq!(cov[0]["planned_hours"], 52.0, "{p}");
    assert_eq!(cov[0]["status"], "planned");
    assert_eq!(cov[1]["planned_hours"], 40.0);
    assert_eq!(p["ends_on"], "2027-05-28");
    assert_eq!(p["ends_after_deadline"], false);
    assert_eq!(p["load"], Value::Null, "no working times recorded yet");

    // A difference still covered cannot be dropped from the case.
    let mut fewer = case("2028-06-30");
    fewer["differences"] = json!([{"id": first, "title": "Pflege alter Menschen"}]);
    let (status, e) = api_call(&app, Role::Counsellor, "PUT", &rec, Some(fewer)).await;
    assert_eq!(status, 422, "{e}");
    assert_eq!(e["errors"][0]["code"], "in_use");

    // Working times: early shifts Tuesday, night shift Wednesday into Thursday.
    let (status, w) = api_call(
        &app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/participants/{pid}/work-pattern"),
        Some(json!({"travel_minutes": 30, "shifts": [
            {"weekday": "tue", "start": "06:00", "end": "14:00"},
            {"weekday": "wed", "start": "22:00", "end": "06:00"}
        ]})),
    )
    .await;
    assert_eq!(status, 200, "{w}");
    let (status, s) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/plan-items/{}/schedule", l["id"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(status, 200, "{s}");
    let sessions = s["sessions"].as_array().unwrap();
    let hours: f64 = sessions.iter().map(|x| x["hours"].as_f64().unwrap()).sum();
    assert_eq!(hours, 12.0);
    for x in sessions {
        let date =
            chrono::NaiveDate::parse_from_str(x["date"].as_str().unwrap(), "%Y-%m-%d").unwrap();
        let start = x["start"].as_str().unwrap();
        match chrono::Datelike::weekday(&date) {
            // After the early shift and the way home.
            chrono::Weekday::Tue => assert!(start >= "14:30", "{x}"),
            // After the night shift and the way home.
            chrono::Weekday::Thu => assert!(start >= "06:30", "{x}"),
            other => panic!("{other} is not a chosen weekday: {x}"),
        }
        assert!(x["end"].as_str().unwrap() <= "21:00");
    }
    assert!(sessions[0]["date"].as_str().unwrap() >= "2027-03-01");

    // With the load engine now: the placement's weeks carry work and plan hours.
    let (_, p) = api_call(&app, Role::Counsellor, "GET", &plan, None).await;
    let weeks = p["load"]["weeks"]
        .as_array()
        .expect("a load with working times");
    let april = weeks
        .iter()
        .find(|w| w["week"] == "2027-W15")
        .expect("the first placement week");
    assert_eq!(april["plan_hours"], 10.0, "{april}");
    assert!(april["work_hours"].as_f64().unwrap() > 10.0);

    // A deadline before the hours fit: the proposal is refused with the reason.
    let mut early = case("2027-03-04");
    early["differences"][0]["id"] = json!(first);
    let (status, c) = api_call(&app, Role::Counsellor, "PUT", &rec, Some(early)).await;
    assert_eq!(status, 200, "{c}");
    let (status, e) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/plan-items/{}/schedule", l["id"].as_str().unwrap()),
        None,
    )
    .await;
    assert_eq!(status, 422, "{e}");
    assert_eq!(e["errors"][0]["code"], "cannot_schedule");
    let (_, p) = api_call(&app, Role::Counsellor, "GET", &plan, None).await;
    assert_eq!(p["ends_after_deadline"], true);

    // Hours done on the placement: the coverage follows (half of them count for each).
    let progress = format!("/api/v1/plan-items/{}/progress", pl["id"].as_str().unwrap());
    let (status, e) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &progress,
        Some(json!({"on": "2099-01-01", "hours": 10})),
    )
    .await;
    assert_eq!((status, fields(&e)), (422, vec!["on".to_owned()]), "{e}");
    let (status, logged) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &progress,
        Some(json!({"on": "2026-12-01", "hours": 20, "note": "Einführungswoche"})),
    )
    .await;
    assert_eq!(status, 201, "{logged}");
    assert_eq!(logged["done_hours"], 20.0);
    let (_, p) = api_call(&app, Role::Counsellor, "GET", &plan, None).await;
    assert_eq!(p["coverage"][1]["done_hours"], 10.0, "{p}");
    assert_eq!(p["coverage"][1]["status"], "in_progress");

    // The participant sees the plan on /mein-weg, in their language (Arabic here).
    let email = app.user(Role::Participant).email.to_string();
    let (me, _) = app.login(&email).await;
    let html = me
        .get(app.url("/mein-weg"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("خطة التأهيل الخاصة بي"), "{html}");
    assert!(
        html.contains("<bdi>Praxiseinsatz Seniorenheim</bdi>"),
        "{html}"
    );
    assert!(html.contains("<bdi>Rechtliche Grundlagen</bdi>"), "{html}");

    // The GDPR export and the Auskunft hold the case and the plan.
    let (status, export) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/participants/{pid}/export"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    assert_eq!(
        export["recognition"]["reference_occupation"],
        "Pflegefachfrau"
    );
    assert_eq!(
        export["plan_items"].as_array().unwrap().len(),
        2,
        "{export}"
    );
    let (staff, _) = app.login("counsellor@test.example").await;
    let html = staff
        .get(app.url(&format!("/verwaltung/teilnehmende/{pid}/auskunft")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Anerkennungsverfahren: Pflegefachfrau"),
        "{html}"
    );
    assert!(html.contains("Praxiseinsatz Seniorenheim – 20 von 80 Stunden erbracht"));

    // PATCH keeps what is not sent; DELETE removes.
    let item = format!("/api/v1/plan-items/{}", pl["id"].as_str().unwrap());
    let (status, changed) = api_call(
        &app,
        Role::Counsellor,
        "PATCH",
        &item,
        Some(json!({"hours_per_week": 8})),
    )
    .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["hours_per_week"], 8.0);
    assert_eq!(changed["company"], "Seniorenzentrum am Park");
    let (status, e) = api_call(
        &app,
        Role::Counsellor,
        "PATCH",
        &item,
        Some(json!({"to": "2027-01-01"})),
    )
    .await;
    assert_eq!((status, fields(&e)), (422, vec!["to".to_owned()]), "{e}");
    let (status, _) = api_call(&app, Role::Counsellor, "DELETE", &item, None).await;
    assert_eq!(status, 204);
    let (status, _) = api_call(&app, Role::Counsellor, "DELETE", &item, None).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_plan_page_records_the_case_and_items_and_flags_what_is_uncovered() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let page = format!(
        "/verwaltung/teilnehmende/{}/qualifizierungsplan",
        app.participant
    );
    let html = client
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Noch kein Bescheid erfasst"), "{html}");
    let post = |path: String, form: Vec<(&'static str, &'static str)>| {
        let mut form: Vec<(&str, &str)> = form;
        form.push(("csrf", csrf.as_str()));
        client.post(app.url(&path)).form(&form).send()
    };
    let case = |differences: &'static str| {
        vec![
            ("reference_occupation", "Pflegefachfrau"),
            ("kldb", "81302"),
            ("regulated", "1"),
            ("authority", "Bezirksregierung Düsseldorf"),
            ("applied_on", "2026-03-02"),
            ("decided_on", "2026-07-15"),
            ("outcome", "substantial_differences"),
            ("deadline", "2028-06-30"),
            ("differences", differences),
        ]
    };
    let res = post(
        format!("{page}/anerkennung"),
        case("Pflege alter Menschen; Altenpflege; viele"),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("Zeile 1 der Unterschiede"), "{html}");
    assert!(html.contains("viele</textarea>"), "what was typed stays");
    let res = post(
        format!("{page}/anerkennung"),
        case("Pflege alter Menschen; Altenpflege; 120\nRechtliche Grundlagen; Berufsrecht;"),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 303);
    let (_, c) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/participants/{}/recognition", app.participant),
        None,
    )
    .await;
    assert_eq!(c["differences"][0]["required_hours"], 120.0);
    assert_eq!(c["differences"][1]["required_hours"], Value::Null);
    let first = c["differences"][0]["id"].as_str().unwrap().to_owned();

    // A placement covering the first difference; the second stays uncovered.
    let res = client
        .post(app.url(&format!("{page}/bausteine")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("kind", "placement"),
            ("title", "Praxiseinsatz Seniorenheim"),
            ("hours", "80"),
            ("covers", first.as_str()),
            ("company", "Seniorenzentrum am Park"),
            ("from", "2027-04-05"),
            ("to", "2027-05-28"),
            ("hours_per_week", "10"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let res = post(
        format!("{page}/bausteine"),
        vec![
            ("kind", "exam"),
            ("title", "Kenntnisprüfung"),
            ("hours", "3"),
        ],
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 422, "an exam without a date");
    let html = client
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Praxiseinsatz Seniorenheim"), "{html}");
    assert!(
        html.contains("Nicht abgedeckt"),
        "the uncovered difference is flagged"
    );
    assert!(
        html.contains("weniger Stunden geplant als gefordert"),
        "80 of 120"
    );
    // The participation certificate, read back by an independent PDF parser.
    let res = client
        .get(app.url(&format!("{page}/bescheinigung.pdf")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    let bytes = res.bytes().await.unwrap();
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("Teilnahmebescheinigung"), "{flat}");
    assert!(flat.contains("Praxiseinsatz Seniorenheim"), "{flat}");
    assert!(flat.contains("Referenzberuf: Pflegefachfrau"), "{flat}");
    assert!(flat.contains("Rechtliche Grundlagen"), "{flat}");

    // Keeping the same titles keeps the ids: the case can be saved again.
    let res = post(
        format!("{page}/anerkennung"),
        case("Pflege alter Menschen; Altenpflege; 120\nRechtliche Grundlagen; Berufsrecht;"),
    )
    .await
    .unwrap();
    assert_eq!(res.status(), 303);
}
