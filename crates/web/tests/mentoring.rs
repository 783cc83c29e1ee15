//! Mentoring (issue 15) end to end over HTTP: the pool, a participant's wish, the matching's
//! proposals (consent needed, rejected pairs not proposed again, swap), accepting, meetings by
//! either side with the budget warning, closing with feedback from both sides, events with
//! sign-ups and attendance; the mentor's page and the mentee's part of `/mein-weg`.

mod common;

use chrono::NaiveDate;
use common::{Options, TestApp, api_call};
use lernweg_domain::Role;
use serde_json::{Value, json};

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

async fn spawn() -> TestApp {
    TestApp::spawn_with(Options {
        today: Some(day("2026-12-04")),
        ..Default::default()
    })
    .await
}

async fn consent(app: &TestApp, person: &str) {
    let (status, body) = api_call(
        app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/participants/{person}/consents"),
        Some(json!({"scope": "share_with_mentor", "given_on": "2026-11-02"})),
    )
    .await;
    assert_eq!(status, 201, "{body}");
}

async fn wish(app: &TestApp, person: &str) {
    let (status, body) = api_call(
        app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/participants/{person}/mentoring-wish"),
        Some(json!({"slots": ["tue-evening", "thu-evening"], "city": "Essen", "online": true})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["slots"], json!(["tue-evening", "thu-evening"]));
}

async fn propose(app: &TestApp) -> Value {
    let (status, body) = api_call(
        app,
        Role::Counsellor,
        "POST",
        "/api/v1/mentoring/proposals",
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn add_mentor(app: &TestApp, name: &str, kldb: &str, languages: &[&str]) -> String {
    let (status, body) = api_call(
        app,
        Role::Counsellor,
        "POST",
        "/api/v1/mentors",
        Some(json!({
            "name": name, "email": format!("{}@example.org", name.to_lowercase().replace(' ', ".")),
            "kldb": kldb, "languages": languages, "slots": ["tue-evening"],
            "city": "Bochum", "online": false, "capacity": 1, "consent_on": "2026-10-01"
        })),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    body["id"].as_str().unwrap().to_owned()
}

async fn tandem(app: &TestApp, id: &str) -> Value {
    let (status, body) = api_call(
        app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/tandems/{id}"),
        None,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body
}

#[tokio::test]
async fn from_the_pool_to_a_closed_tandem_over_the_api() {
    let app = spawn().await;
    let person = app.participant.to_string();
    let mentor = app.mentor.to_string();

    // A malformed mentor is refused naming the field, and nothing is stored.
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        "/api/v1/mentors",
        Some(json!({"name": "X", "email": "x@example.org", "kldb": "8130", "languages": ["de"], "consent_on": "2026-10-01"})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "kldb", "{body}");
    let (_, pool) = api_call(&app, Role::Counsellor, "GET", "/api/v1/mentors", None).await;
    assert_eq!(pool.as_array().unwrap().len(), 1, "{pool}");
    // Another provider's coordinator does not see the mentor.
    // The trainer has no access to mentoring.
    let (status, _) = api_call(&app, Role::Trainer, "GET", "/api/v1/mentors", None).await;
    assert_eq!(status, 403);

    // Waiting without consent: listed with the reason, no pair.
    wish(&app, &person).await;
    let run = propose(&app).await;
    assert_eq!(run["matched"], 0, "{run}");
    assert!(
        run["unmatched"][0]["reason"]
            .as_str()
            .unwrap()
            .contains("Einwilligung"),
        "{run}"
    );

    consent(&app, &person).await;
    let run = propose(&app).await;
    assert_eq!(run["matched"], 1, "{run}");
    assert_eq!(run["pairs"][0]["mentor"], mentor.as_str());
    assert_eq!(run["pairs"][0]["mentee"], person.as_str());
    // 40 same main group 81 + 10 Arabic + 2 one shared slot + 10 both online.
    assert_eq!(run["pairs"][0]["score"], 62, "{run}");
    let (_, list) = api_call(&app, Role::Counsellor, "GET", "/api/v1/tandems", None).await;
    let proposal = list[0]["id"].as_str().unwrap().to_owned();
    assert_eq!(list[0]["status"], "proposed");

    // Rejected: the pair is not proposed again; a new mentor of the field is.
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/tandems/{proposal}/reject"),
        Some(json!({"note": "kennen sich privat"})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "rejected");
    let run = propose(&app).await;
    assert_eq!(run["matched"], 0, "{run}");
    let second = add_mentor(&app, "Yusuf Demir", "81313", &["de", "tr"]).await;
    let run = propose(&app).await;
    assert_eq!(run["pairs"][0]["mentor"], second.as_str(), "{run}");
    let (_, list) = api_call(&app, Role::Counsellor, "GET", "/api/v1/tandems", None).await;
    let open: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "proposed")
        .collect();
    assert_eq!(open.len(), 1);
    let id = open[0]["id"].as_str().unwrap().to_owned();

    // Accepted with a start in the past and the default budget.
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/tandems/{id}/accept"),
        Some(json!({"started_on": "2026-11-01"})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "active");
    assert_eq!(body["budget_minutes"], 120);
    assert_eq!(body["ends_on"], "2027-11-01");
    // Accepting again is a conflict.
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/tandems/{id}/accept"),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 409);

    // The mentee logs meetings; the mentor account of another mentor cannot.
    let meeting = |d: &str, m: u32| json!({"met_on": d, "minutes": m, "topic": "Bewerbung geübt"});
    let path = format!("/api/v1/tandems/{id}/meetings");
    let (status, body) = api_call(
        &app,
        Role::Participant,
        "POST",
        &path,
        Some(meeting("2026-12-01", 90)),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    let (status, body) = api_call(
        &app,
        Role::Participant,
        "POST",
        &path,
        Some(meeting("2026-12-05", 30)),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "met_on");
    let (status, _) = api_call(
        &app,
        Role::Mentor,
        "POST",
        &path,
        Some(meeting("2026-12-02", 30)),
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &path,
        Some(meeting("2026-12-03", 45)),
    )
    .await;
    assert_eq!(status, 201);
    let t = tandem(&app, &id).await;
    assert_eq!(t["minutes_this_month"], 135);
    assert_eq!(
        t["over_budget"],
        json!([{"month": "2026-12", "minutes": 135, "budget_minutes": 120}])
    );
    assert_eq!(t["meetings"][0]["logged_by"], "mentee");
    assert_eq!(t["meetings"][1]["logged_by"], "staff");

    // Closed; then each side gives feedback once.
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/tandems/{id}/close"),
        Some(json!({"note": "Stelle gefunden"})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["status"], "closed");
    let (status, _) = api_call(
        &app,
        Role::Participant,
        "POST",
        &path,
        Some(meeting("2026-12-04", 30)),
    )
    .await;
    assert_eq!(status, 409);
    let fb = format!("/api/v1/tandems/{id}/feedback");
    let (status, _) = api_call(
        &app,
        Role::Participant,
        "POST",
        &fb,
        Some(json!({"feedback": "Sehr hilfreich."})),
    )
    .await;
    assert_eq!(status, 204);
    let (status, _) = api_call(
        &app,
        Role::Participant,
        "POST",
        &fb,
        Some(json!({"feedback": "Nochmal"})),
    )
    .await;
    assert_eq!(status, 409);
    assert_eq!(
        tandem(&app, &id).await["mentee_feedback"],
        "Sehr hilfreich."
    );
    // The data-protection Auskunft lists the tandem with the person's feedback.
    let (staff, _) = app.login("counsellor@test.example").await;
    let html = staff
        .get(app.url(&format!("/verwaltung/teilnehmende/{person}/auskunft")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Mentoring-Tandems"), "{html}");
    let line = html
        .lines()
        .find(|l| l.contains("Tandem beendet"))
        .expect("the closed tandem");
    assert!(
        line.contains("Treffen") && line.contains("Sehr hilfreich."),
        "{line}"
    );
}

#[tokio::test]
async fn swaps_keep_the_hard_rules() {
    let app = spawn().await;
    let store = &app.state.store;
    let actor = lernweg_store::Actor::system();
    // A second mentee in IT (KldB 43) with German C1, and a mentor in IT.
    let mut data = common::sample_participant();
    data.given_name = "Oleh".into();
    data.family_name = "Bondarenko".into();
    data.email = None;
    data.kldb = Some(lernweg_domain::KldbCode::parse("43102").unwrap());
    let other = store
        .create_participant(&actor, app.p1.id, None, data)
        .await
        .unwrap()
        .id
        .to_string();
    let person = app.participant.to_string();
    for p in [&person, &other] {
        consent(&app, p).await;
        wish(&app, p).await;
    }
    add_mentor(&app, "Jonas Krause", "43102", &["de"]).await;
    let run = propose(&app).await;
    assert_eq!(run["matched"], 2, "{run}");
    let (_, list) = api_call(&app, Role::Counsellor, "GET", "/api/v1/tandems", None).await;
    let a = list[0]["id"].as_str().unwrap();
    let b = list[1]["id"].as_str().unwrap();
    // Care and IT do not share a Berufsbereich: the swap is refused, nothing changes.
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/tandems/{a}/swap"),
        Some(json!({"with": b})),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(body["errors"][0]["field"], "with");
    assert_eq!(tandem(&app, a).await["mentor_id"], list[0]["mentor_id"]);
    // Two mentors of the care field can be swapped; scores and reasons are computed anew.
    // The first takes one mentee at a time now (the profile is saved anew).
    let (status, saved) = api_call(
        &app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/mentors/{}", app.mentor),
        Some(json!({
            "name": "Hanna Weber", "email": "mentor@test.example", "kldb": "81302",
            "occupation": "Pflegefachfrau", "languages": ["de", "ar"],
            "slots": ["tue-evening", "sat-morning"], "city": "Essen", "online": true,
            "capacity": 1, "available_from": "2026-06-01", "consent_on": "2026-06-01"
        })),
    )
    .await;
    assert_eq!(status, 200, "{saved}");
    assert_eq!(saved["capacity"], 1);
    let third = add_mentor(&app, "Petra Schulz", "81302", &["de", "ar"]).await;
    api_call(
        &app,
        Role::Counsellor,
        "DELETE",
        &format!("/api/v1/participants/{other}/mentoring-wish"),
        None,
    )
    .await;
    let mut data = common::sample_participant();
    data.given_name = "Leila".into();
    data.email = None;
    let third_mentee = store
        .create_participant(&actor, app.p1.id, None, data)
        .await
        .unwrap()
        .id
        .to_string();
    consent(&app, &third_mentee).await;
    wish(&app, &third_mentee).await;
    let run = propose(&app).await;
    assert_eq!(run["matched"], 2, "{run}");
    let (_, list) = api_call(&app, Role::Counsellor, "GET", "/api/v1/tandems", None).await;
    let open: Vec<&Value> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["status"] == "proposed")
        .collect();
    assert_eq!(open.len(), 2, "{list}");
    let (a, b) = (
        open[0]["id"].as_str().unwrap(),
        open[1]["id"].as_str().unwrap(),
    );
    let (status, swapped) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/tandems/{a}/swap"),
        Some(json!({"with": b})),
    )
    .await;
    assert_eq!(status, 200, "{swapped}");
    assert_eq!(swapped[0]["mentor_id"], open[1]["mentor_id"]);
    assert_eq!(swapped[1]["mentor_id"], open[0]["mentor_id"]);
    assert!(!swapped[0]["reasons"].as_array().unwrap().is_empty());
    assert!(
        [open[0]["mentor_id"].as_str(), open[1]["mentor_id"].as_str()]
            .contains(&Some(third.as_str()))
    );
}

#[tokio::test]
async fn the_mentor_page_the_mentees_path_and_the_staff_page() {
    let app = spawn().await;
    let person = app.participant.to_string();
    consent(&app, &person).await;
    wish(&app, &person).await;
    propose(&app).await;
    let (_, list) = api_call(&app, Role::Counsellor, "GET", "/api/v1/tandems", None).await;
    let id = list[0]["id"].as_str().unwrap().to_owned();
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/tandems/{id}/accept"),
        Some(json!({"started_on": "2026-11-15", "budget_minutes": 60})),
    )
    .await;
    assert_eq!(status, 200);

    // The mentor sees the mentee's name, field, languages and contact — no case data.
    let (mentor, csrf) = app.login("mentor@test.example").await;
    let html = mentor
        .get(app.url("/mentoring"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Amina Haddad"), "{html}");
    assert!(html.contains("KldB 81302"));
    assert!(html.contains("amina.haddad@example.org"));
    assert!(
        !html.contains("Klinikum Nord"),
        "the employer is not the mentor's business"
    );
    assert!(!html.contains("Mo–Fr ab 16 Uhr"));
    // A meeting in the future is refused in German, with the typed topic kept.
    let action = format!("/mentoring/tandems/{id}/treffen");
    let res = mentor
        .post(app.url(&action))
        .form(&[
            ("csrf", csrf.as_str()),
            ("met_on", "2026-12-24"),
            ("minutes", "60"),
            ("topic", "Fachsprache Pflege"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("nicht in der Zukunft"), "{html}");
    assert!(html.contains("value=\"Fachsprache Pflege\""));
    let res = mentor
        .post(app.url(&action))
        .form(&[
            ("csrf", csrf.as_str()),
            ("met_on", "2026-12-02"),
            ("minutes", "75"),
            ("topic", "Fachsprache Pflege"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let html = mentor
        .get(app.url("/mentoring"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Fachsprache Pflege"));
    assert!(
        html.contains("Das ist mehr als vereinbart."),
        "75 of 60 minutes"
    );

    // An event: the mentor signs up, staff see the sign-up and record attendance.
    let (status, event) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        "/api/v1/mentor-events",
        Some(json!({"kind": "workshop", "title": "Interkulturelle Kommunikation", "date": "2027-01-20", "start": "18:00", "end": "20:00", "place": "Essen", "capacity": 1})),
    )
    .await;
    assert_eq!(status, 201, "{event}");
    let event_id = event["id"].as_str().unwrap();
    let res = mentor
        .post(app.url(&format!("/mentoring/veranstaltungen/{event_id}")))
        .form(&[("csrf", csrf.as_str()), ("join", "ja")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, events) = api_call(&app, Role::Counsellor, "GET", "/api/v1/mentor-events", None).await;
    assert_eq!(events[0]["signups"][0]["mentor_name"], "Hanna Weber");
    let (status, signups) = api_call(
        &app,
        Role::Counsellor,
        "PUT",
        &format!("/api/v1/mentor-events/{event_id}/attendance/{}", app.mentor),
        Some(json!({"attended": true})),
    )
    .await;
    assert_eq!(status, 200, "{signups}");
    assert_eq!(signups[0]["attended"], true);

    // The mentee sees the mentor on /mein-weg and logs a meeting there.
    let (me, csrf) = app.login("participant@test.example").await;
    let html = me
        .get(app.url("/mein-weg"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Hanna Weber"), "{html}");
    assert!(html.contains("Pflegefachfrau"));
    let res = me
        .post(app.url(&format!("/mein-weg/tandem/{id}/treffen")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("met_on", "2026-12-03"),
            ("minutes", "30"),
            ("topic", "Lebenslauf"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(tandem(&app, &id).await["minutes_this_month"], 105);

    // Staff see the warning on their page.
    let (staff, _) = app.login("counsellor@test.example").await;
    let html = staff
        .get(app.url("/verwaltung/mentoring"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("Zeitbudget überschritten im Monat 12/2026"),
        "{html}"
    );
    assert!(html.contains("Interkulturelle Kommunikation"));
}

#[tokio::test]
async fn staff_add_mentors_and_wishes_with_the_forms() {
    let app = spawn().await;
    let (staff, _) = app.login("counsellor@test.example").await;
    let csrf = app.csrf_from(&staff, "/verwaltung/mentoring").await;
    let mentor = |kldb: &'static str| {
        vec![
            ("csrf", csrf.clone()),
            ("name", "Elif Şahin".to_owned()),
            ("phone", "0201 445566".to_owned()),
            ("kldb", kldb.to_owned()),
            ("languages", "de, tr".to_owned()),
            ("slots", "tue-morning".to_owned()),
            ("slots", "thu-evening".to_owned()),
            ("city", "Essen".to_owned()),
            ("capacity", "2".to_owned()),
            ("consent_on", "2026-11-20".to_owned()),
        ]
    };
    // A wrong KldB code: German message, everything typed is kept (the slots too).
    let res = staff
        .post(app.url("/verwaltung/mentoring/mentoren"))
        .form(&mentor("821"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains("fünfstellige Berufskennziffer"), "{html}");
    assert!(html.contains("value=\"Elif Şahin\""));
    assert!(
        html.contains("id=\"m-slot-thu-evening\" name=\"slots\" value=\"thu-evening\" checked")
    );
    let res = staff
        .post(app.url("/verwaltung/mentoring/mentoren"))
        .form(&mentor("82102"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, pool) = api_call(&app, Role::Counsellor, "GET", "/api/v1/mentors", None).await;
    let elif = pool
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["name"] == "Elif Şahin")
        .unwrap();
    assert_eq!(elif["slots"], json!(["tue-morning", "thu-evening"]));
    assert_eq!(elif["languages"], json!(["de", "tr"]));
    assert_eq!(elif["phone"], "0201 445566");

    // The participant goes on the waiting list from the same page.
    let res = staff
        .post(app.url("/verwaltung/mentoring/wuensche"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("participant_id", &app.participant.to_string()),
            ("slots", "sat-morning"),
            ("city", "Essen"),
            ("online", "ja"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let wish = app
        .state
        .store
        .wish_of(app.participant)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(wish.wish.slots.codes(), ["sat-morning"]);
    assert!(wish.wish.online);
    // Without consent the page says why no proposal comes.
    let html = staff
        .get(app.url("/verwaltung/mentoring"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Amina Haddad: keine Einwilligung"), "{html}");
}

#[tokio::test]
async fn a_new_mentor_is_invited_by_mail_and_lands_on_the_mentor_page() {
    let mail = std::env::temp_dir().join(format!("lw-mentor-mail-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&mail).unwrap();
    let app = TestApp::spawn_with(Options {
        today: Some(day("2026-12-04")),
        config: lernweg_web::WebConfig {
            login_limits: common::relaxed_limits(),
            mail: lernweg_web::portal::MailConfig {
                mail_dir: Some(mail.clone()),
                ..Default::default()
            },
            ..Default::default()
        },
        ..Default::default()
    })
    .await;
    let id = add_mentor(&app, "Jonas Krause", "43102", &["de"]).await;
    let (staff, csrf) = app.login("counsellor@test.example").await;
    let res = staff
        .post(app.url(&format!("/verwaltung/mentoring/mentoren/{id}/einladung")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let files: Vec<_> = std::fs::read_dir(&mail)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(files.len(), 1);
    let eml = std::fs::read_to_string(&files[0])
        .unwrap()
        .replace("=\r\n", "")
        .replace("=3D", "=");
    assert!(eml.contains("<jonas.krause@example.org>"), "{eml}");
    let start = eml.find("/einladung?code=").unwrap() + "/einladung?code=".len();
    let secret: String = eml[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect();
    let client = TestApp::client();
    let html = client
        .get(app.url(&format!("/einladung?code={secret}")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Guten Tag, Jonas Krause!"), "{html}");
    let form_csrf = common::extract_csrf(&html).unwrap();
    let res = client
        .post(app.url("/einladung"))
        .form(&[
            ("csrf", form_csrf.as_str()),
            ("kind", "link"),
            ("secret", &secret),
            ("password", "ein-gutes-passwort"),
            ("password_repeat", "ein-gutes-passwort"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/mentoring");
    let html = client
        .get(app.url("/mentoring"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Sie haben noch kein Tandem"), "{html}");
    // The staff page names the account now.
    let html = staff
        .get(app.url("/verwaltung/mentoring"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Konto: jonas.krause@example.org"), "{html}");
}
