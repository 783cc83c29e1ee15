//! Participant pages for staff: create with consent, the record with the fixed contact
//! person, access and tenancy, audit, contact log, enrolment steps, the readiness check,
//! the Auskunft and the erasure. Real server, real HTTP.

#[path = "participants_pages/auskunft.rs"]
mod auskunft;
mod common;
#[path = "participants_pages/list.rs"]
mod list;
#[path = "participants_pages/readiness.rs"]
mod readiness;

use common::{TestApp, extract_csrf};
use lernweg_domain::Role;
use lernweg_participants::ConsentScope;

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

async fn post(
    client: &reqwest::Client,
    app: &TestApp,
    path: &str,
    form: &[(&str, &str)],
) -> (u16, String, String) {
    let res = client.post(app.url(path)).form(form).send().await.unwrap();
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    (status, location, res.text().await.unwrap())
}

/// A missing Fluent id shows as the id itself; none may reach the page.
fn assert_no_raw_keys(html: &str) {
    for marker in [
        ">pp-",
        ">participants-",
        ": pp-",
        ". pp-",
        ". participants-",
        " pp-stayed",
    ] {
        assert!(
            !html.contains(marker),
            "raw message id ({marker}) in: {html}"
        );
    }
}

fn detail(app: &TestApp) -> String {
    format!("/verwaltung/teilnehmende/{}", app.participant)
}

#[tokio::test]
async fn create_shows_german_errors_then_saves_with_consent() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let (status, form_html) = get(&client, &app, "/verwaltung/teilnehmende/neu").await;
    assert_eq!(status, 200);
    assert!(form_html.contains("Einwilligung Datenverarbeitung"));
    let before = app
        .state
        .store
        .participants(Some(app.p1.id))
        .await
        .unwrap()
        .len();
    let counsellor = app.user(Role::Counsellor).id.to_string();
    let (status, _, html) = post(
        &client,
        &app,
        "/verwaltung/teilnehmende",
        &[
            ("csrf", &csrf),
            ("given_name", ""),
            ("family_name", "Kovalenko"),
            ("email", "kein-at"),
            ("weekly_hours", "99"),
            ("contact_person", &counsellor),
            ("consent_date", "2026-01-05"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Bitte den Vornamen eintragen."), "{html}");
    assert!(html.contains("keine gültige E-Mail-Adresse"));
    assert!(html.contains("Die Wochenstunden müssen zwischen"));
    assert!(html.contains("Ohne Einwilligung in die Datenverarbeitung"));
    assert!(html.contains("role=\"alert\""));
    assert!(html.contains("aria-invalid=\"true\""));
    assert_eq!(
        app.state
            .store
            .participants(Some(app.p1.id))
            .await
            .unwrap()
            .len(),
        before,
        "nothing saved"
    );
    let (status, location, _) = post(
        &client,
        &app,
        "/verwaltung/teilnehmende",
        &[
            ("csrf", &csrf),
            ("given_name", "Olena"),
            ("family_name", "Kovalenko"),
            ("email", "olena@example.org"),
            ("mother_tongue", "Ukrainisch"),
            ("german_level", "B2"),
            ("preferred_channel", "messenger"),
            ("reachable_times", "Sa vormittags"),
            ("weekly_hours", "19,5"),
            ("contact_person", &counsellor),
            ("consent", "1"),
            ("consent_date", "2026-01-05"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let id = location.rsplit('/').next().unwrap();
    let pid = lernweg_domain::ParticipantId::parse(id).unwrap();
    let consents = app.state.store.consents(pid).await.unwrap();
    assert_eq!(consents.len(), 1);
    assert_eq!(consents[0].scope, ConsentScope::DataProcessing);
    let (status, html) = get(&client, &app, &location).await;
    assert_eq!(status, 200);
    assert!(html.contains("Olena Kovalenko"));
    assert!(html.contains("Messenger") && html.contains("Sa vormittags"));
    let (_, list) = get(&client, &app, "/verwaltung/teilnehmende").await;
    assert!(list.contains("Olena Kovalenko") && list.contains("Amina Haddad"));
    assert!(
        list.contains("Interessiert"),
        "status of the fixture enrolment"
    );
}

#[tokio::test]
async fn detail_shows_contact_person_with_channel_and_times_and_is_audited() {
    let app = TestApp::spawn().await;
    let (client, _) = app.login("coordinator@test.example").await;
    let (status, html) = get(&client, &app, &detail(&app)).await;
    assert_eq!(status, 200);
    let top = html.find("Feste Ansprechperson").expect("contact box");
    let record = html.find("<h2 id=\"pp-record-heading\">").unwrap();
    assert!(top < record, "the contact person comes first");
    let boxed = &html[top..record];
    assert!(boxed.contains(&app.user(Role::Counsellor).display_name));
    assert!(boxed.contains("Telefon"), "preferred channel");
    assert!(boxed.contains("Mo–Fr ab 16 Uhr"), "reachable times");
    let entries = app
        .state
        .store
        .audit_entries(Some(app.p1.id), 50)
        .await
        .unwrap();
    let views: Vec<_> = entries
        .iter()
        .filter(|e| {
            e.action == "view"
                && e.entity == "participant"
                && e.entity_id.as_deref() == Some(app.participant.to_string().as_str())
        })
        .collect();
    assert!(views.iter().any(|e| e.detail == "detail"));
    assert!(views.iter().any(|e| e.detail == "contact notes"));
    for e in &views {
        assert!(!e.detail.contains("Amina") && !e.detail.contains("Haddad"));
    }
    // English switch
    let (client_en, csrf) = app.login("counsellor@test.example").await;
    post(
        &client_en,
        &app,
        "/sprache",
        &[("csrf", &csrf), ("lang", "en"), ("next", "/")],
    )
    .await;
    let (_, html) = get(&client_en, &app, &detail(&app)).await;
    assert!(html.contains("Fixed contact person") && html.contains("Phone"));
    assert_no_raw_keys(&html);
    let (_, html) = get(&client_en, &app, &format!("{}/eignungscheck", detail(&app))).await;
    assert!(html.contains("How many hours per week are free for learning?"));
    assert_no_raw_keys(&html);
}

#[tokio::test]
async fn trainers_are_refused_and_other_providers_see_nothing() {
    let app = TestApp::spawn().await;
    let (trainer, _) = app.login("trainer@test.example").await;
    for path in [
        "/verwaltung/teilnehmende".to_owned(),
        detail(&app),
        format!("{}/eignungscheck", detail(&app)),
        format!("{}/auskunft", detail(&app)),
    ] {
        assert_eq!(get(&trainer, &app, &path).await.0, 403, "{path}");
    }
    let (other, csrf) = app.login("koordination@zwei.example").await;
    for path in [
        detail(&app),
        format!("{}/bearbeiten", detail(&app)),
        format!("{}/eignungscheck", detail(&app)),
        format!("{}/auskunft", detail(&app)),
    ] {
        assert_eq!(get(&other, &app, &path).await.0, 404, "{path}");
    }
    let (status, _, _) = post(
        &other,
        &app,
        &format!("{}/loeschen", detail(&app)),
        &[("csrf", &csrf), ("confirm", "1")],
    )
    .await;
    assert_eq!(status, 404);
    let (status, _, _) = post(
        &other,
        &app,
        &format!("/verwaltung/einschreibungen/{}/ereignis", app.enrolment),
        &[("csrf", &csrf), ("event", "counsel"), ("on", "2026-01-10")],
    )
    .await;
    assert_eq!(status, 404);
    let (_, list) = get(&other, &app, "/verwaltung/teilnehmende").await;
    assert!(!list.contains("Amina Haddad"));
    assert!(app.state.store.participant(app.participant).await.is_ok());
}

#[tokio::test]
async fn contact_log_entries_are_added_and_shown() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let path = format!("{}/kontakte", detail(&app));
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &[
            ("csrf", &csrf),
            ("on_date", "2026-01-10"),
            ("channel", "phone"),
            ("topic", ""),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Bitte ein Thema eintragen."));
    let (status, location, _) = post(
        &client,
        &app,
        &path,
        &[
            ("csrf", &csrf),
            ("on_date", "2026-01-10"),
            ("channel", "in_person"),
            ("topic", "Kinderbetreuung"),
            ("note", "Kita-Platz ab März zugesagt."),
        ],
    )
    .await;
    assert_eq!(status, 303);
    assert!(location.ends_with("#kontakte"));
    let (_, html) = get(&client, &app, &detail(&app)).await;
    assert!(html.contains("Kinderbetreuung"));
    assert!(html.contains("Kita-Platz ab März zugesagt."));
    assert!(html.contains("10.01.2026") && html.contains("Persönlich"));
}

#[tokio::test]
async fn enrolment_steps_follow_the_rules_with_german_refusals() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let path = format!("/verwaltung/einschreibungen/{}/ereignis", app.enrolment);
    // Enrolment before counselling is refused.
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &[("csrf", &csrf), ("event", "enrol"), ("on", "2026-01-10")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(
        html.contains("Vor der Anmeldung kommt die Beratung."),
        "{html}"
    );
    for (event, on) in [
        ("counsel", "2026-01-10"),
        ("enrol", "2026-01-12"),
        ("activate", "2026-02-01"),
    ] {
        let (status, _, body) = post(
            &client,
            &app,
            &path,
            &[("csrf", &csrf), ("event", event), ("on", on)],
        )
        .await;
        assert_eq!(status, 303, "{event}: {body}");
    }
    // A pause needs a return after its start.
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &[
            ("csrf", &csrf),
            ("event", "pause"),
            ("on", "2026-03-01"),
            ("pause_reason", "parental_leave"),
            ("expected_return", "2026-02-01"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Das Datum der Rückkehr muss nach dem Beginn der Pause liegen."));
    let (status, _, _) = post(
        &client,
        &app,
        &path,
        &[
            ("csrf", &csrf),
            ("event", "pause"),
            ("on", "2026-03-01"),
            ("pause_reason", "parental_leave"),
            ("expected_return", "2026-09-01"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &[
            ("csrf", &csrf),
            ("event", "drop"),
            ("on", "2026-04-01"),
            ("dropout_reason", "other"),
            ("stayed_employed", "yes"),
        ],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Bei „Anderer Grund“ bitte den Grund kurz beschreiben."));
    let (status, _, _) = post(
        &client,
        &app,
        &path,
        &[
            ("csrf", &csrf),
            ("event", "drop"),
            ("on", "2026-04-01"),
            ("dropout_reason", "found_adequate_job"),
            ("stayed_employed", "no"),
        ],
    )
    .await;
    assert_eq!(status, 303);
    let (_, html) = get(&client, &app, &detail(&app)).await;
    assert!(html.contains("Abgebrochen"));
    assert!(html.contains("Pausiert") && html.contains("Elternzeit"));
    assert!(html.contains("Rückkehr geplant am 01.09.2026"));
    assert!(html.contains("Passende Arbeit gefunden"));
    assert!(html.contains("01.03.2026"), "history with dates");
    assert_no_raw_keys(&html);
    let e = app.state.store.enrolment(app.enrolment).await.unwrap();
    assert_eq!(e.stayed_employed, Some(false));
    // Final: no more forms for this enrolment, and a late event is refused in German.
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &[("csrf", &csrf), ("event", "resume"), ("on", "2026-05-01")],
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Die Teilnahme ist schon beendet."));
}

#[tokio::test]
async fn enrol_in_a_cohort_of_the_provider() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let path = format!("{}/einschreibungen", detail(&app));
    let cohort = app.cohort.id.to_string();
    let (status, _, html) = post(
        &client,
        &app,
        &path,
        &[("csrf", &csrf), ("cohort_id", &cohort)],
    )
    .await;
    assert_eq!(status, 422, "already registered");
    assert!(html.contains("schon vorgemerkt"));
    let second = app
        .state
        .store
        .create_cohort(
            &lernweg_store::Actor::system(),
            lernweg_store::NewCohort {
                planning: Default::default(),
                offer_id: app.offer.id,
                name: "Herbst 2027".into(),
                state: lernweg_domain::State::NW,
                start_date: chrono::NaiveDate::from_ymd_opt(2027, 9, 7).unwrap(),
                room: "Raum 2".into(),
                online_link: String::new(),
                trainers: vec![],
            },
            &[],
        )
        .await
        .unwrap();
    let (_, html) = get(&client, &app, &detail(&app)).await;
    assert!(html.contains("Herbst 2027"), "cohort offered in the select");
    let id = second.id.to_string();
    let (status, location, _) =
        post(&client, &app, &path, &[("csrf", &csrf), ("cohort_id", &id)]).await;
    assert_eq!(status, 303);
    assert!(location.ends_with("#einschreibungen"));
    let (_, html) = get(&client, &app, &detail(&app)).await;
    assert!(html.contains("Herbst 2027: Interessiert"));
    assert_eq!(
        app.state
            .store
            .enrolments_of(app.participant)
            .await
            .unwrap()
            .len(),
        2
    );
}

#[tokio::test]
async fn auskunft_lists_everything_stored_and_is_audited() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    post(
        &client,
        &app,
        &format!("{}/kontakte", detail(&app)),
        &[
            ("csrf", &csrf),
            ("on_date", "2026-01-10"),
            ("channel", "phone"),
            ("topic", "Erstgespräch"),
            ("note", "Interesse an Pflege-Anpassung"),
        ],
    )
    .await;
    readiness::check(
        &client,
        &app,
        &csrf,
        &[("free_hours", "12"), ("device", "shared")],
    )
    .await;
    let (status, html) = get(&client, &app, &format!("{}/auskunft", detail(&app))).await;
    assert_eq!(status, 200);
    assert_no_raw_keys(&html);
    for needle in [
        "Auskunft über gespeicherte Daten",
        "Amina",
        "Haddad",
        "amina.haddad@example.org",
        "Klinikum Nord",
        "Erstgespräch",
        "Interesse an Pflege-Anpassung",
        "Interessiert",
        "Eignungs- und Belastungschecks",
    ] {
        assert!(html.contains(needle), "{needle}");
    }
    let entries = app
        .state
        .store
        .audit_entries(Some(app.p1.id), 50)
        .await
        .unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.action == "view" && e.detail == "data access report")
    );
    let css = reqwest::get(app.url("/static/app.css"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(css.contains("@media print"));
}

#[tokio::test]
async fn erasure_needs_confirmation() {
    let app = TestApp::spawn().await;
    let (client, _) = app.login("coordinator@test.example").await;
    let (_, html) = get(&client, &app, &detail(&app)).await;
    let csrf = extract_csrf(&html).unwrap();
    let path = format!("{}/loeschen", detail(&app));
    let (status, _, html) = post(&client, &app, &path, &[("csrf", &csrf)]).await;
    assert_eq!(status, 422);
    assert!(html.contains("Bitte bestätigen, dass alle Daten gelöscht werden sollen."));
    assert!(app.state.store.participant(app.participant).await.is_ok());
    let (status, location, _) =
        post(&client, &app, &path, &[("csrf", &csrf), ("confirm", "1")]).await;
    assert_eq!(status, 303);
    assert!(location.starts_with("/verwaltung/teilnehmende"));
    let (_, list) = get(&client, &app, &location).await;
    assert!(list.contains("Die Daten der Person sind gelöscht."));
    assert!(!list.contains("Amina Haddad"));
    assert!(app.state.store.participant(app.participant).await.is_err());
    assert_eq!(get(&client, &app, &detail(&app)).await.0, 404);
    assert_eq!(
        app.state
            .store
            .erased_participant_count(app.p1.id)
            .await
            .unwrap(),
        1
    );
}

#[tokio::test]
async fn edit_form_keeps_values_and_saves_changes() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("admin@test.example").await;
    let path = format!("{}/bearbeiten", detail(&app));
    let (status, html) = get(&client, &app, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("value=\"Amina\"") && html.contains("value=\"Klinikum Nord\""));
    let coordinator = app.user(Role::Coordinator).id.to_string();
    let mut form = vec![
        ("csrf", csrf.as_str()),
        ("given_name", "Amina"),
        ("family_name", "Haddad"),
        ("phone", "abc"),
        ("preferred_channel", "in_person"),
        ("reachable_times", "Di und Do ab 7 Uhr"),
        ("contact_person", coordinator.as_str()),
    ];
    let (status, _, html) = post(&client, &app, &detail(&app), &form).await;
    assert_eq!(status, 422);
    assert!(html.contains("Die Telefonnummer darf nur Ziffern"));
    form[3] = ("phone", "0170 7654321");
    let (status, _, _) = post(&client, &app, &detail(&app), &form).await;
    assert_eq!(status, 303);
    let (_, html) = get(&client, &app, &detail(&app)).await;
    let top = html.find("Feste Ansprechperson").unwrap();
    let boxed = &html[top..html.find("pp-record-heading").unwrap()];
    assert!(boxed.contains(&app.user(Role::Coordinator).display_name));
    assert!(boxed.contains("Persönlich") && boxed.contains("Di und Do ab 7 Uhr"));
    // Staff of another provider cannot be the contact person.
    let other = app.other_coordinator.id.to_string();
    form[6] = ("contact_person", other.as_str());
    let (status, _, html) = post(&client, &app, &detail(&app), &form).await;
    assert_eq!(status, 422);
    assert!(html.contains("Bitte eine aktive Mitarbeiterin oder einen aktiven Mitarbeiter"));
}
