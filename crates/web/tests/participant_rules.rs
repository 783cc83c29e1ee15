//! The rules around the one fixed contact person, through the real server: contact-log notes
//! are read only by the coordinators and counsellors of the participant's provider (every read
//! audited; the admin sees the log without them on the page, in the Auskunft, in the API and
//! the export), and a participation neither starts nor resumes without a contact person.

mod common;

use common::{TestApp, api_call as api};
use lernweg_domain::{EnrolmentId, ParticipantId, Role};
use lernweg_participants::{ContactChannel, EnrolmentEvent, ParticipantDraft};
use lernweg_store::{Actor, NewContact};
use serde_json::{Value, json};

const NOTE: &str = "Kita-Platz ab März zugesagt, Mutter erkrankt.";
const TOPIC: &str = "Kinderbetreuung";

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

fn detail(app: &TestApp) -> String {
    format!("/verwaltung/teilnehmende/{}", app.participant)
}

/// The test participant gets one contact-log entry with a note.
async fn with_note(app: &TestApp) {
    app.state
        .store
        .add_contact(
            &Actor::user(app.user(Role::Counsellor).id, "counsellor@test.example"),
            app.participant,
            NewContact {
                on_date: chrono::NaiveDate::from_ymd_opt(2026, 1, 10).unwrap(),
                channel: ContactChannel::Phone,
                topic: TOPIC.into(),
                note: NOTE.into(),
            },
        )
        .await
        .unwrap();
}

/// The view entries of the test participant written by `role`, as their details.
async fn views_by(app: &TestApp, role: Role) -> Vec<String> {
    let me = app.user(role).id.to_string();
    let pid = app.participant.to_string();
    app.state
        .store
        .audit_entries(None, 500)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| {
            e.action == "view"
                && e.actor_id.as_deref() == Some(me.as_str())
                && e.entity_id.as_deref() == Some(pid.as_str())
        })
        .map(|e| e.detail)
        .collect()
}

fn count(details: &[String], what: &str) -> usize {
    details.iter().filter(|d| d.as_str() == what).count()
}

#[tokio::test]
async fn counselling_staff_of_the_provider_read_the_notes_and_each_read_is_audited() {
    let app = TestApp::spawn().await;
    with_note(&app).await;
    let (client, _) = app.login("counsellor@test.example").await;

    let (status, html) = get(&client, &app, &detail(&app)).await;
    assert_eq!(status, 200);
    assert!(html.contains(TOPIC) && html.contains(NOTE), "{html}");
    assert!(html.contains("Notizen sehen nur Beratung und Koordination des Trägers."));
    let views = views_by(&app, Role::Counsellor).await;
    assert_eq!(count(&views, "detail"), 1);
    assert_eq!(count(&views, "contact notes"), 1);

    let (status, html) = get(&client, &app, &format!("{}/auskunft", detail(&app))).await;
    assert_eq!(status, 200);
    assert!(html.contains(NOTE));
    assert!(!html.contains("nicht enthalten"));
    assert_eq!(
        count(&views_by(&app, Role::Counsellor).await, "contact notes"),
        2
    );

    let log = format!("/api/v1/participants/{}/contacts", app.participant);
    let (status, list) = api(&app, Role::Counsellor, "GET", &log, None).await;
    assert_eq!(status, 200);
    assert_eq!(list["items"][0]["note"], NOTE);
    assert_eq!(
        count(&views_by(&app, Role::Counsellor).await, "api: contact log"),
        1
    );

    let export = format!("/api/v1/participants/{}/export", app.participant);
    let (status, doc) = api(&app, Role::Coordinator, "GET", &export, None).await;
    assert_eq!(status, 200);
    assert_eq!(doc["contacts"][0]["note"], NOTE);
    assert!(doc.get("contact_notes_withheld").is_none(), "{doc}");
    let views = views_by(&app, Role::Coordinator).await;
    assert_eq!(count(&views, "api: export"), 1);
    assert_eq!(count(&views, "contact notes"), 1, "{views:?}");
}

#[tokio::test]
async fn the_admin_sees_the_contact_log_without_the_notes() {
    let app = TestApp::spawn().await;
    with_note(&app).await;
    let (client, _) = app.login("admin@test.example").await;

    // The record: the entry without its note, a hint instead, no "contact notes" audit entry.
    let (status, html) = get(&client, &app, &detail(&app)).await;
    assert_eq!(status, 200);
    assert!(html.contains(TOPIC), "the entry itself is shown");
    assert!(!html.contains(NOTE), "{html}");
    assert!(html.contains("Notizen nur für Beratung und Koordination des Trägers."));
    // Nor can the admin write a note they could not read back.
    assert!(!html.contains(r#"id="contact_note""#));
    let views = views_by(&app, Role::Admin).await;
    assert_eq!(count(&views, "detail"), 1);
    assert_eq!(count(&views, "contact notes"), 0);

    // The Auskunft says that the notes are left out and where to ask for them.
    let (status, html) = get(&client, &app, &format!("{}/auskunft", detail(&app))).await;
    assert_eq!(status, 200);
    assert!(html.contains(TOPIC) && !html.contains(NOTE));
    assert!(html.contains("Die Notizen zu den Kontakten sind in dieser Auskunft nicht enthalten"));
    assert!(html.contains("Träger Eins"), "names the provider to ask");
    let res = client
        .get(app.url(&format!("{}/auskunft.pdf", detail(&app))))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let text = pdf_extract::extract_text_from_mem(&res.bytes().await.unwrap()).unwrap();
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(text.contains(TOPIC), "{text}");
    assert!(!text.contains("Kita-Platz"), "{text}");
    assert!(text.contains("nicht enthalten"), "{text}");
    let views = views_by(&app, Role::Admin).await;
    assert_eq!(count(&views, "data access report"), 1);
    assert_eq!(count(&views, "data access report (PDF)"), 1);
    assert_eq!(count(&views, "contact notes"), 0);

    // The API: entries without a `note` key, audited as such.
    let log = format!("/api/v1/participants/{}/contacts", app.participant);
    let (status, list) = api(&app, Role::Admin, "GET", &log, None).await;
    assert_eq!(status, 200);
    assert_eq!(list["items"][0]["topic"], TOPIC);
    assert!(list["items"][0].get("note").is_none(), "{list}");
    let views = views_by(&app, Role::Admin).await;
    assert_eq!(count(&views, "api: contact log without notes"), 1);
    assert_eq!(count(&views, "api: contact log"), 0);
    // Even an entry the admin writes comes back without its note.
    let (status, entry) = api(
        &app,
        Role::Admin,
        "POST",
        &log,
        Some(
            json!({"date": "2026-02-01", "channel": "email", "topic": "Termin", "note": "Rückruf"}),
        ),
    )
    .await;
    assert_eq!(status, 201, "{entry}");
    assert!(entry.get("note").is_none(), "{entry}");

    // The export: no notes, and it says so.
    let export = format!("/api/v1/participants/{}/export", app.participant);
    let (status, doc) = api(&app, Role::Admin, "GET", &export, None).await;
    assert_eq!(status, 200);
    let contacts = doc["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 2);
    assert!(contacts.iter().all(|c| c.get("note").is_none()), "{doc}");
    assert!(!doc.to_string().contains("Kita-Platz"));
    assert_eq!(doc["contact_notes_withheld"], true);
    let views = views_by(&app, Role::Admin).await;
    // The same rule as on the pages: the notes' own entry only when they were read.
    assert_eq!(count(&views, "api: export"), 1);
    assert_eq!(count(&views, "contact notes"), 0);
}

#[tokio::test]
async fn trainers_get_no_contact_log_at_all() {
    let app = TestApp::spawn().await;
    with_note(&app).await;
    let (client, _) = app.login("trainer@test.example").await;
    for path in [
        detail(&app),
        format!("{}/auskunft", detail(&app)),
        format!("{}/auskunft.pdf", detail(&app)),
    ] {
        assert_eq!(get(&client, &app, &path).await.0, 403, "{path}");
    }
    for path in ["contacts", "export"] {
        let path = format!("/api/v1/participants/{}/{path}", app.participant);
        let (status, body) = api(&app, Role::Trainer, "GET", &path, None).await;
        assert_eq!(status, 403, "{path}");
        assert!(!body.to_string().contains("Kita-Platz"));
    }
    assert!(views_by(&app, Role::Trainer).await.is_empty());
}

/// A participant without a contact person, counselled and enrolled in the test cohort.
async fn enrolled_without_contact_person(app: &TestApp) -> (ParticipantId, EnrolmentId) {
    let draft: ParticipantDraft = serde_json::from_value(json!({
        "given_name": "Oksana", "family_name": "Melnyk", "mother_tongue": "uk", "german_level": "B1"
    }))
    .unwrap();
    let store = &app.state.store;
    let actor = Actor::system();
    let p = store
        .create_participant(&actor, app.p1.id, None, draft.validate(2026).unwrap())
        .await
        .unwrap();
    let e = store.enrol(&actor, p.id, app.cohort.id).await.unwrap();
    for (on, ev) in [
        ("2026-09-01", EnrolmentEvent::Counsel),
        ("2026-09-10", EnrolmentEvent::Enrol),
    ] {
        store
            .apply_enrolment_event(&actor, e.id, on.parse().unwrap(), ev)
            .await
            .unwrap();
    }
    (p.id, e.id)
}

#[tokio::test]
async fn no_participation_starts_without_a_contact_person() {
    let app = TestApp::spawn().await;
    let (pid, eid) = enrolled_without_contact_person(&app).await;

    // The page: the step is refused at the enrolment with a German message.
    let (client, csrf) = app.login("counsellor@test.example").await;
    let res = client
        .post(app.url(&format!("/verwaltung/einschreibungen/{eid}/ereignis")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("event", "activate"),
            ("on", "2027-03-02"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    let at = html
        .find(&format!("id=\"einschreibung-{eid}\""))
        .expect("the enrolment on the page");
    assert!(
        html[at..].contains("Die Person hat keine feste Ansprechperson."),
        "{html}"
    );
    let status = |app: &TestApp| {
        let store = app.state.store.clone();
        async move { store.enrolment(eid).await.unwrap().status.code() }
    };
    assert_eq!(status(&app).await, "enrolled");

    // The API: an RFC 9457 problem naming the missing field.
    let events = format!("/api/v1/enrolments/{eid}/events");
    let res = reqwest::Client::new()
        .post(app.url(&events))
        .bearer_auth(app.token(Role::Coordinator))
        .json(&json!({"on": "2027-03-02", "event": "activate"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let problem: Value = res.json().await.unwrap();
    assert_eq!(
        problem["errors"][0]["field"], "contact_person_id",
        "{problem}"
    );
    assert_eq!(problem["errors"][0]["code"], "missing");
    assert_eq!(problem["errors"].as_array().unwrap().len(), 1);
    assert_eq!(status(&app).await, "enrolled");

    // With a contact person it starts.
    let counsellor = app.user(Role::Counsellor).id.to_string();
    let (code, body) = api(
        &app,
        Role::Coordinator,
        "PATCH",
        &format!("/api/v1/participants/{pid}"),
        Some(json!({"contact_person_id": counsellor})),
    )
    .await;
    assert_eq!(code, 200, "{body}");
    let (code, body) = api(
        &app,
        Role::Coordinator,
        "POST",
        &events,
        Some(json!({"on": "2027-03-02", "event": "activate"})),
    )
    .await;
    assert_eq!(code, 200, "{body}");
    assert_eq!(body["status"], "active");
}

#[tokio::test]
async fn an_active_participant_keeps_the_contact_person() {
    let app = TestApp::spawn().await;
    let pid = app.participant;
    let events = format!("/api/v1/enrolments/{}/events", app.enrolment);
    for (on, event) in [
        ("2026-09-01", json!({"event": "counsel"})),
        ("2026-09-10", json!({"event": "enrol"})),
        ("2027-03-02", json!("activate")),
    ] {
        let (code, body) = api(
            &app,
            Role::Counsellor,
            "POST",
            &events,
            Some(json!({"on": on, "event": event})),
        )
        .await;
        assert_eq!(code, 200, "{body}");
    }
    // The API refuses to take the contact person away.
    let (code, problem) = api(
        &app,
        Role::Counsellor,
        "PATCH",
        &format!("/api/v1/participants/{pid}"),
        Some(json!({"contact_person_id": null})),
    )
    .await;
    assert_eq!(code, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "contact_person_id");
    assert_eq!(problem["errors"][0]["code"], "required_while_active");
    let kept = app.state.store.participant(pid).await.unwrap();
    assert_eq!(kept.contact_person_id, Some(app.user(Role::Counsellor).id));

    // So does the form, with the German message at the field.
    let (client, _) = app.login("counsellor@test.example").await;
    let edit = format!("/verwaltung/teilnehmende/{pid}/bearbeiten");
    let (_, html) = get(&client, &app, &edit).await;
    let csrf = common::extract_csrf(&html).unwrap();
    let res = client
        .post(app.url(&format!("/verwaltung/teilnehmende/{pid}")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("given_name", "Amina"),
            ("family_name", "Haddad"),
            ("email", "amina.haddad@example.org"),
            ("contact_person", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Sie braucht eine feste Ansprechperson."),
        "{html}"
    );
    let kept = app.state.store.participant(pid).await.unwrap();
    assert_eq!(kept.contact_person_id, Some(app.user(Role::Counsellor).id));
}
