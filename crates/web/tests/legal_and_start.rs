//! The legal pages (Impressum, Datenschutzerklärung, Erklärung zur Barrierefreiheit) with
//! their footer links and editing, `/` for visitors, and the start page as a work queue.

mod common;

use common::{Options, TestApp, relaxed_limits};
use lernweg_store::Actor;
use lernweg_web::WebConfig;

async fn spawn() -> TestApp {
    TestApp::spawn_with(Options {
        config: WebConfig {
            login_limits: relaxed_limits(),
            ..Default::default()
        },
        ..Default::default()
    })
    .await
}

async fn text(client: &reqwest::Client, url: String) -> (u16, String) {
    let res = client.get(url).send().await.unwrap();
    (res.status().as_u16(), res.text().await.unwrap())
}

#[tokio::test]
async fn visitors_land_on_the_catalogue_and_every_page_links_the_legal_texts() {
    let app = spawn().await;
    let client = TestApp::client();
    let res = client.get(app.url("/")).send().await.unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/angebote");

    let (_, list) = text(&client, app.url("/angebote")).await;
    for link in [
        "href=\"/impressum\"",
        "href=\"/datenschutz\"",
        "href=\"/barrierefreiheit\"",
        "href=\"/anmelden\"",
    ] {
        assert!(list.contains(link), "/angebote lacks {link}");
    }
    // An offer's page links its provider's texts.
    let (_, page) = text(
        &client,
        app.url(&format!("/angebote/{}", app.offer.offer.slug)),
    )
    .await;
    assert!(page.contains(&format!("href=\"/traeger/{}/impressum\"", app.p1.id)));
    // So do the pages of the provider's staff.
    let (staff, _) = app.login("trainer@test.example").await;
    let (_, start) = text(&staff, app.url("/start")).await;
    assert!(start.contains(&format!("href=\"/traeger/{}/datenschutz\"", app.p1.id)));
    assert!(
        !start.contains("href=\"/anmelden\""),
        "no login link once logged in"
    );

    // Nobody set a text: the pages say so honestly.
    let (status, imprint) = text(&client, app.url("/impressum")).await;
    assert_eq!(status, 200);
    assert!(
        imprint.contains("Hier fehlt noch das Impressum."),
        "{imprint}"
    );
    let (_, a11y) = text(&client, app.url("/barrierefreiheit")).await;
    for heading in [
        "Stand der Vereinbarkeit mit den Anforderungen",
        "Nicht barrierefreie Inhalte",
        "Feedback und Kontakt",
        "Schlichtungsverfahren",
    ] {
        assert!(a11y.contains(heading), "the BITV outline lacks {heading}");
    }
    let unknown = uuid::Uuid::now_v7();
    let (status, _) = text(&client, app.url(&format!("/traeger/{unknown}/impressum"))).await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn the_admin_and_coordinators_set_their_own_texts() {
    let app = spawn().await;
    let visitor = TestApp::client();
    let (admin, csrf) = app.login("admin@test.example").await;
    let res = admin
        .post(app.url("/verwaltung/rechtstexte"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("imprint", "## Betreiber\nLernweg-Betrieb GmbH\nMusterweg 1"),
            ("privacy", ""),
            ("accessibility", ""),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (coordinator, csrf) = app.login("coordinator@test.example").await;
    let (_, form) = text(&coordinator, app.url("/verwaltung/rechtstexte")).await;
    assert!(
        form.contains("Träger Eins"),
        "the coordinator edits their provider's texts"
    );
    let res = coordinator
        .post(app.url("/verwaltung/rechtstexte"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("privacy", "Datenschutz bei Träger Eins <b>"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);

    let (_, imprint) = text(&visitor, app.url("/impressum")).await;
    assert!(imprint.contains("<h2>Betreiber</h2>"), "{imprint}");
    assert!(imprint.contains("Lernweg-Betrieb GmbH<br>Musterweg 1"));
    let p1 = app.p1.id;
    // The provider's own privacy statement, escaped; its imprint falls back to the
    // installation's, and says so.
    let (_, privacy) = text(&visitor, app.url(&format!("/traeger/{p1}/datenschutz"))).await;
    assert!(
        privacy.contains("Datenschutz bei Träger Eins &#60;b&#62;"),
        "{privacy}"
    );
    let (_, imprint) = text(&visitor, app.url(&format!("/traeger/{p1}/impressum"))).await;
    assert!(imprint.contains("Lernweg-Betrieb GmbH"));
    assert!(imprint.contains("Träger Eins hat hier keinen eigenen Text."));
    // The installation's privacy statement is still missing.
    let (_, privacy) = text(&visitor, app.url("/datenschutz")).await;
    assert!(privacy.contains("Hier fehlt noch die Datenschutzerklärung."));

    // Too long a text is refused with the form kept.
    let long = "a".repeat(lernweg_domain::legal::LEGAL_TEXT_MAX + 1);
    let res = coordinator
        .post(app.url("/verwaltung/rechtstexte"))
        .form(&[("csrf", csrf.as_str()), ("imprint", long.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains("aria-invalid=\"true\""));
    // Trainers may not edit.
    let (trainer, _) = app.login("trainer@test.example").await;
    let res = trainer
        .get(app.url("/verwaltung/rechtstexte"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
}

#[tokio::test]
async fn the_start_page_is_each_roles_work_queue() {
    let app = spawn().await;
    let store = &app.state.store;
    // A participant without a contact person.
    store
        .create_participant(
            &Actor::system(),
            app.p1.id,
            None,
            common::sample_participant(),
        )
        .await
        .unwrap();
    let (coordinator, _) = app.login("coordinator@test.example").await;
    let (_, html) = text(&coordinator, app.url("/start")).await;
    assert!(
        html.contains("Teilnehmende ohne feste Ansprechperson (1)"),
        "{html}"
    );
    assert!(html.contains("/verwaltung/rechtstexte"));
    // The start page no longer repeats the navigation as "Weiter zu".
    assert!(!html.contains("Weiter zu"));
    let (counsellor, _) = app.login("counsellor@test.example").await;
    let (_, html) = text(&counsellor, app.url("/start")).await;
    assert!(html.contains("Teilnehmende ohne feste Ansprechperson (1)"));
    assert!(
        !html.contains("/verwaltung/rechtstexte"),
        "counsellors do not edit legal texts"
    );
    // The trainer's queue has no participants' names, only sessions.
    let (trainer, _) = app.login("trainer@test.example").await;
    let (_, html) = text(&trainer, app.url("/start")).await;
    assert!(!html.contains("ohne feste Ansprechperson"));
}
