//! The participant portal through the real server: invitation by e-mail (.eml in a temporary
//! mail dir) and by printed code, redemption, login by e-mail or login name, the path page,
//! the calendar feed and its renewal, another participant's data, staff pages refused, the
//! languages (Arabic right to left, staff pages clamped to German/English), rate limits.

mod common;
#[path = "portal/feed.rs"]
mod feed;
#[path = "portal/languages.rs"]
mod languages;
#[path = "portal/outage.rs"]
mod outage;
#[path = "portal/support.rs"]
mod support;

use common::{Options, TestApp, relaxed_limits};
use lernweg_domain::Role;
use lernweg_participants::progress::Decision;
use lernweg_store::{Actor, InvitationKind, NewProgressEntry};
use lernweg_web::WebConfig;
use lernweg_web::portal::MailConfig;
use support::*;

#[tokio::test]
async fn invitation_by_mail_leads_to_the_own_path_and_a_working_feed() {
    let mail = tempfile_dir();
    let app = TestApp::spawn_with(Options {
        config: WebConfig {
            login_limits: relaxed_limits(),
            mail: MailConfig {
                mail_dir: Some(mail.clone()),
                ..Default::default()
            },
            ..Default::default()
        },
        ..Default::default()
    })
    .await;
    let store = &app.state.store;
    let p = new_participant(&app, "Mariam", Some("mariam.rahimi@example.org"), "fa").await;
    // One coming session is cancelled: the path shows it marked.
    let sessions = store.timetable(app.cohort.id).await.unwrap();
    store
        .cancel_session(&Actor::system(), sessions[0].id, "Raum nicht frei")
        .await
        .unwrap();

    let (staff, csrf) = app.login("counsellor@test.example").await;
    let detail = get_text(&staff, &app.url(&format!("/verwaltung/teilnehmende/{p}"))).await;
    assert!(
        detail.contains("Zugang zum Portal"),
        "the access box is on the page"
    );
    assert!(detail.contains("noch kein Konto"));
    let res = staff
        .post(app.url(&format!("/verwaltung/teilnehmende/{p}/zugang/einladung")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let eml = read_single_eml(&mail);
    assert!(
        eml.contains("To: \"Mariam Rahimi\" <mariam.rahimi@example.org>"),
        "{eml}"
    );
    let body = decode_quoted_printable(&eml);
    assert!(body.contains("Hallo Mariam!"), "{body}");
    assert!(
        body.contains("Ihre Anmeldung: mariam.rahimi@example.org"),
        "{body}"
    );
    let link = link_from(&body, "/einladung?code=");
    let detail = get_text(&staff, &app.url(&format!("/verwaltung/teilnehmende/{p}"))).await;
    assert!(
        detail.contains("E-Mail-Link") && detail.contains("offen"),
        "status open"
    );

    // The participant follows the link.
    let client = TestApp::client();
    let res = client.get(&link).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("Passwort wählen"), "{html}");
    assert!(
        html.contains("mariam.rahimi@example.org"),
        "the login is shown"
    );
    let form_csrf = common::extract_csrf(&html).unwrap();
    let secret = link.split("code=").nth(1).unwrap().to_owned();
    let res = client
        .post(app.url("/einladung"))
        .form(&[
            ("csrf", form_csrf.as_str()),
            ("kind", "link"),
            ("secret", &secret),
            ("password", "ein-gutes-passwort"),
            ("password_repeat", "ein-anderes-passwort"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("nicht gleich"));
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
    assert_eq!(res.headers()["location"], "/mein-weg");

    let page = get_text(&client, &app.url("/mein-weg")).await;
    assert!(
        page.contains("<html lang=\"de\">"),
        "Farsi is no portal language: German"
    );
    assert!(
        page.contains("Hallo <bdi>Mariam</bdi>!"),
        "the name isolated"
    );
    assert!(page.contains("Frühjahr 2027"), "own cohort");
    assert!(page.contains("Fachsprache Pflege berufsbegleitend"));
    assert!(page.contains("<svg"), "the timeline");
    assert!(page.contains("Ihre nächsten Termine"));
    // Progress follows from attendance and staff entries: none yet, then one module.
    assert!(
        page.contains("Geschafft: 0 von 2 Modulen."),
        "progress shown"
    );
    let enrolment = store.enrolments_of(p).await.unwrap()[0].id;
    store
        .add_progress_entry(
            &Actor::system(),
            enrolment,
            NewProgressEntry {
                module: 1,
                decision: Decision::ModuleCompleted,
                on: chrono::Local::now().date_naive(),
                note: String::new(),
            },
            chrono::Local::now().date_naive(),
        )
        .await
        .unwrap();
    let page = get_text(&client, &app.url("/mein-weg")).await;
    assert!(
        page.contains("Geschafft: 1 von 2 Modulen."),
        "progress moved"
    );
    assert_eq!(
        page.matches("<li class=\"portal-date").count(),
        5,
        "five next dates"
    );
    assert!(
        page.contains("Fällt aus."),
        "the cancelled session is marked"
    );
    assert!(page.contains("Raum 1"), "the place");
    assert!(page.contains("Test counsellor"), "the contact person");
    assert!(page.contains("counsellor@test.example"));
    assert!(page.contains("Ihre Zeiten: <bdi>Mo–Fr ab 16 Uhr</bdi>"));
    assert!(!page.contains("Amina"), "nobody else's data");
    // The link is used up.
    let res = TestApp::client().get(&link).send().await.unwrap();
    assert_eq!(res.status(), 410);
    assert!(res.text().await.unwrap().contains("Schon benutzt"));

    // The calendar feed: made, working, renewed (old one dead), revoked by staff.
    let csrf_p = common::extract_csrf(&page).unwrap();
    let first = make_feed(&app, &client, &csrf_p).await;
    let ics = TestApp::client().get(&first).send().await.unwrap();
    assert_eq!(ics.status(), 200);
    assert!(
        ics.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/calendar")
    );
    let ics = ics.text().await.unwrap();
    assert!(
        ics.contains("BEGIN:VEVENT") && ics.contains("STATUS:CANCELLED"),
        "{ics}"
    );
    let second = make_feed(&app, &client, &csrf_p).await;
    assert_ne!(first, second);
    assert_eq!(
        TestApp::client().get(&first).send().await.unwrap().status(),
        404
    );
    assert_eq!(
        TestApp::client()
            .get(&second)
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let page = get_text(&client, &app.url("/mein-weg")).await;
    assert!(
        page.contains("Sie haben einen Link seit"),
        "the link is not shown again"
    );
    assert!(!page.contains(&second));
    let res = staff
        .post(app.url(&format!(
            "/verwaltung/teilnehmende/{p}/zugang/kalender-widerrufen"
        )))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(
        TestApp::client()
            .get(&second)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );

    let detail = get_text(&staff, &app.url(&format!("/verwaltung/teilnehmende/{p}"))).await;
    assert!(detail.contains("benutzt"));
    assert!(
        detail.contains("mariam.rahimi@example.org"),
        "the account's login"
    );
    let log = store.audit_entries(None, 200).await.unwrap();
    let me = store.participant_account(p).await.unwrap().unwrap();
    assert!(
        log.iter().any(|e| e.action == "view"
            && e.actor_id.as_deref() == Some(&me.id.to_string())
            && e.detail == "portal: path"),
        "the participant's reads are audited"
    );
    assert!(
        log.iter()
            .any(|e| e.action == "login" && e.actor_id.as_deref() == Some(&me.id.to_string()))
    );
    assert!(
        log.iter().all(|e| !e.detail.contains("Rahimi")),
        "no names in details"
    );
}

#[tokio::test]
async fn printed_code_works_once_and_the_login_name_logs_in() {
    let app = TestApp::spawn_with(relaxed()).await;
    let p = new_participant(&app, "Dawit", None, "ti").await;
    let (staff, csrf) = app.login("coordinator@test.example").await;
    let res = staff
        .post(app.url(&format!("/verwaltung/teilnehmende/{p}/zugang/code")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let sheet = res.text().await.unwrap();
    let code = code_from(&sheet);
    let login = login_name_from(&sheet);
    assert!(sheet.contains("/code"), "the address to enter it");
    assert!(
        sheet.contains("Geben Sie diesen Code ein:"),
        "plain-German instructions"
    );
    assert!(sheet.contains("Ihr Anmeldename:"));

    let client = TestApp::client();
    let csrf_a = app.csrf_from(&client, "/code").await;
    let typed = code.to_lowercase().replace('-', " ");
    let res = client
        .post(app.url("/code"))
        .form(&[("csrf", csrf_a.as_str()), ("code", &typed)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains(&login),
        "the login name is on the redemption page"
    );
    let res = client
        .post(app.url("/einladung"))
        .form(&[
            ("csrf", csrf_a.as_str()),
            ("kind", "code"),
            ("secret", &code),
            ("password", "kurz"),
            ("password_repeat", "kurz"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(res.text().await.unwrap().contains("zu kurz"));
    let res = client
        .post(app.url("/einladung"))
        .form(&[
            ("csrf", csrf_a.as_str()),
            ("kind", "code"),
            ("secret", &code),
            ("password", "dawits-passwort"),
            ("password_repeat", "dawits-passwort"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = get_text(&client, &app.url("/mein-weg")).await;
    assert!(page.contains(&login), "the login is shown on the path");

    // Single use.
    let other = TestApp::client();
    let csrf_b = app.csrf_from(&other, "/code").await;
    let res = other
        .post(app.url("/code"))
        .form(&[("csrf", csrf_b.as_str()), ("code", &code)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 410);
    assert!(res.text().await.unwrap().contains("schon benutzt"));
    for (bad, text) in [
        ("K7QM-4XPD", "12 Zeichen"),
        ("2222-3333-4444", "kennen wir nicht"),
    ] {
        let res = other
            .post(app.url("/code"))
            .form(&[("csrf", csrf_b.as_str()), ("code", bad)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{bad}");
        assert!(res.text().await.unwrap().contains(text), "{bad}");
    }

    // The login form takes the login name (label in both languages).
    let fresh = TestApp::client();
    let html = get_text(&fresh, &app.url("/anmelden")).await;
    assert!(html.contains("E-Mail-Adresse oder Anmeldename"));
    let csrf_c = common::extract_csrf(&html).unwrap();
    let res = fresh
        .post(app.url("/anmelden"))
        .form(&[
            ("csrf", csrf_c.as_str()),
            ("email", login.to_uppercase().as_str()),
            ("password", "dawits-passwort"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/mein-weg");
    let res = fresh.get(app.url("/")).send().await.unwrap();
    assert_eq!(res.headers()["location"], "/mein-weg");
}

#[tokio::test]
async fn a_participant_sees_only_their_own_data_and_no_staff_pages() {
    let app = TestApp::spawn_with(relaxed()).await;
    let store = &app.state.store;
    let own = add_check(&app, app.participant).await;
    let other = new_participant(&app, "Lucía", Some("lucia@example.org"), "es").await;
    let foreign = add_check(&app, other).await;
    let (client, _) = app.login("participant@test.example").await;
    let res = client.get(app.url("/mein-weg")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let page = res.text().await.unwrap();
    assert!(!page.contains("Lucía"));
    assert!(page.contains(&format!("/mein-weg/eignungscheck/{own}")));
    let res = client
        .get(app.url(&format!("/mein-weg/eignungscheck/{own}")))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    for path in [
        format!("/mein-weg/eignungscheck/{foreign}"),
        "/mein-weg/eignungscheck/keine-id".to_owned(),
    ] {
        let res = client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
    }
    for path in [
        format!("/verwaltung/teilnehmende/{}", app.participant),
        format!("/verwaltung/teilnehmende/{other}"),
        "/verwaltung/teilnehmende".to_owned(),
        "/start".to_owned(),
        format!("/verwaltung/durchgaenge/{}", app.cohort.id),
    ] {
        let res = client.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 403, "{path}");
    }
    // Staff cannot open the participant's path (it is theirs alone).
    let (staff, _) = app.login("counsellor@test.example").await;
    assert_eq!(
        staff
            .get(app.url("/mein-weg"))
            .send()
            .await
            .unwrap()
            .status(),
        403
    );
    assert!(
        store
            .audit_entries(None, 100)
            .await
            .unwrap()
            .iter()
            .any(|e| e.detail == "portal: readiness check"),
        "reads of the check are audited"
    );
}

#[tokio::test]
async fn without_mail_the_email_invitation_is_refused_and_the_code_works() {
    let app = TestApp::spawn_with(relaxed()).await;
    let p = new_participant(&app, "Iwan", Some("iwan@example.org"), "ru").await;
    let (staff, csrf) = app.login("counsellor@test.example").await;
    let res = staff
        .post(app.url(&format!("/verwaltung/teilnehmende/{p}/zugang/einladung")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("E-Mail-Versand ist nicht eingerichtet")
    );
    assert!(app.state.store.invitations_of(p).await.unwrap().is_empty());
    let res = staff
        .post(app.url(&format!("/verwaltung/teilnehmende/{p}/zugang/code")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let sheet = res.text().await.unwrap();
    // Plain German first, then the participant's own language.
    assert!(sheet.contains("lang=\"ru\"") && sheet.contains("Введите этот код"));
    assert!(
        sheet.contains("iwan@example.org"),
        "the e-mail is the login"
    );
    let res = staff
        .post(app.url(&format!("/verwaltung/teilnehmende/{p}/zugang/widerrufen")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let code = code_from(&sheet);
    let client = TestApp::client();
    let c = app.csrf_from(&client, "/code").await;
    let res = client
        .post(app.url("/code"))
        .form(&[("csrf", c.as_str()), ("code", &code)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 410);
    assert!(res.text().await.unwrap().contains("gilt nicht mehr"));
    // Another provider's participant is a 404 for staff.
    let (other_staff, other_csrf) = app.login("koordination@zwei.example").await;
    let res = other_staff
        .post(app.url(&format!("/verwaltung/teilnehmende/{p}/zugang/code")))
        .form(&[("csrf", other_csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn expired_and_unknown_links_get_clear_pages() {
    let app = TestApp::spawn_with(relaxed()).await;
    let store = &app.state.store;
    let p = new_participant(&app, "Fatma", Some("fatma@example.org"), "tr").await;
    let rec = store.participant(p).await.unwrap();
    let inv = store
        .create_invitation(&Actor::system(), &rec, InvitationKind::Email)
        .await
        .unwrap();
    app.db
        .execute("UPDATE invitations SET expires_at = '2000-01-01T00:00:00Z'")
        .await;
    let client = TestApp::client();
    let res = client
        .get(app.url(&format!("/einladung?code={}", inv.secret)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 410);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("Nicht mehr gültig") && html.contains("14 Tage"),
        "{html}"
    );
    for q in ["", "?code=", "?code=unbekannt"] {
        let res = client
            .get(app.url(&format!("/einladung{q}")))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{q}");
        assert!(res.text().await.unwrap().contains("Link nicht gültig"));
    }
    // A forged form is a clear page as well.
    let csrf = app.csrf_from(&client, "/code").await;
    let res = client
        .post(app.url("/einladung"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("kind", "anders"),
            ("secret", "x"),
            ("password", "ein-gutes-passwort"),
            ("password_repeat", "ein-gutes-passwort"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn redemption_is_rate_limited_per_address() {
    let app = TestApp::spawn().await;
    let client = TestApp::client();
    let csrf = app.csrf_from(&client, "/code").await;
    let mut last = None;
    for _ in 0..6 {
        let res = client
            .post(app.url("/code"))
            .form(&[("csrf", csrf.as_str()), ("code", "2222-3333-4444")])
            .send()
            .await
            .unwrap();
        last = Some(res);
    }
    let res = last.unwrap();
    assert_eq!(res.status(), 429);
    assert!(res.headers().contains_key("retry-after"));
    assert!(res.text().await.unwrap().contains("zu oft"));
}

#[tokio::test]
async fn the_walk_participant_reaches_the_path() {
    let app = TestApp::spawn_with(relaxed()).await;
    let (client, _) = app.login("participant@test.example").await;
    let res = client.get(app.url("/mein-weg")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    assert_eq!(
        app.user(Role::Participant).participant_id,
        Some(app.participant)
    );
}
