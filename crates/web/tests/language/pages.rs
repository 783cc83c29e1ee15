//! The staff page (from the roll call), the participant's self-assessment and downloads on
//! `/mein-weg`, and the Auskunft (issue 16, points 2, 3 and 5).

use lernweg_domain::Role;
use lernweg_participants::EnrolmentEvent;
use lernweg_web::i18n::Lang;
use serde_json::{Value, json};

use super::common::api_call;
use super::{assess, location, portal_lang, spawn};

#[tokio::test]
async fn staff_page_participant_self_assessment_and_downloads() {
    let app = spawn().await;
    let person = app.participant.to_string();
    let (status, _) = assess(
        &app,
        Role::Counsellor,
        &person,
        json!({"skill": "reading", "level": "A2", "source": "placement_test", "assessed_on": "2026-10-01"}),
    )
    .await;
    assert_eq!(status, 201);

    // The trainer records from the roll call and is sent back to it.
    for (on, ev) in [
        ("2026-11-20", EnrolmentEvent::Counsel),
        ("2026-11-25", EnrolmentEvent::Enrol),
        ("2026-12-01", EnrolmentEvent::Activate),
    ] {
        app.state
            .store
            .apply_enrolment_event(
                &lernweg_store::Actor::system(),
                app.enrolment,
                on.parse().unwrap(),
                ev,
            )
            .await
            .unwrap();
    }
    let (trainer, csrf) = app.login("trainer@test.example").await;
    let roll_call = format!("/verwaltung/termine/{}/anwesenheit", app.session);
    let html = trainer
        .get(app.url(&roll_call))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let link = format!(
        "/verwaltung/teilnehmende/{person}/sprache?termin={}",
        app.session
    );
    assert!(html.contains(&link), "{html}");
    let html = trainer
        .get(app.url(&link))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        html.contains("<svg") && html.contains("<table"),
        "chart and table"
    );
    assert!(
        !html.contains("Nachweis ausstellen"),
        "certificates are counselling's"
    );
    let response = trainer
        .post(app.url(&format!("/verwaltung/teilnehmende/{person}/sprache")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("skill", "writing"),
            ("level", "B3"),
            ("source", "trainer"),
            ("assessed_on", "2026-12-01"),
            ("termin", &app.session.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    let html = response.text().await.unwrap();
    assert!(html.contains("Bitte ein Niveau von A1 bis C2"), "{html}");
    assert!(html.contains("value=\"B3\""), "what was typed stays");
    let response = trainer
        .post(app.url(&format!("/verwaltung/teilnehmende/{person}/sprache")))
        .form(&[
            ("csrf", csrf.as_str()),
            ("skill", "writing"),
            ("level", "A2.2"),
            ("source", "trainer"),
            ("assessed_on", "2026-12-01"),
            ("termin", &app.session.to_string()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(
        location(&response),
        format!("/verwaltung/termine/{}/anwesenheit", app.session)
    );

    // The participant answers the statements for their next level (B1 after A2).
    let (me, csrf) = app.login("participant@test.example").await;
    let html = me
        .get(app.url("/mein-weg"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("name=\"b1-reading\""), "{html}");
    assert!(html.contains("value=\"with_help\"") && html.contains("value=\"not_yet\""));
    // Plain German, with the person's own portal language beside it.
    let german = Lang::De.t("portal-can-do-b1-reading");
    assert!(
        german.starts_with("Ich kann") && html.contains(&german),
        "{html}"
    );
    let own = portal_lang(&app).await;
    assert!(html.contains(&own.t("portal-can-do-b1-reading")));
    assert!(html.contains(&own.t("portal-language-with-help")));
    assert!(html.contains(&own.t("portal-language-no-certificate")));
    let response = me
        .post(app.url("/mein-weg/sprache"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("b1-reading", "can"),
            ("b1-writing", "with_help"),
            ("c2-reading", "can"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/mein-weg?sprache=gespeichert#sprache");
    let html = me
        .get(app.url("/mein-weg?sprache=gespeichert"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(&own.t("portal-language-saved")), "{html}");
    assert!(html.contains("value=\"can\" checked"), "the answer is kept");
    let response = me
        .post(app.url("/mein-weg/sprache"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), "/mein-weg?sprache=fehlt#sprache");
    let html = me
        .get(app.url("/mein-weg?sprache=fehlt"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains(&own.t("portal-language-missing")));
    // Only what was asked is kept; "kann ich" is a self-assessment, not the current level.
    let (_, body) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/participants/{person}/language-assessments"),
        None,
    )
    .await;
    let own: Vec<&Value> = body["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["source"] == "self_assessment")
        .collect();
    assert_eq!(own.len(), 1);
    assert_eq!(
        (own[0]["skill"].as_str(), own[0]["level"].as_str()),
        (Some("reading"), Some("B1"))
    );
    assert_eq!(body["current"]["reading"], "A2");

    // Staff see the answers next to the trainer's view and issue a certificate.
    let (staff, csrf) = app.login("counsellor@test.example").await;
    let page = format!("/verwaltung/teilnehmende/{person}/sprache");
    let html = staff
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("B1: kann ich (04.12.2026)"), "{html}");
    assert!(html.contains("B1: mit Hilfe (04.12.2026)"));
    let response = staff
        .post(app.url(&format!(
            "/verwaltung/teilnehmende/{person}/sprachnachweise"
        )))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(location(&response), format!("{page}#nachweise"));
    let html = staff
        .get(app.url(&page))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Ausgestellt am 04.12.2026"), "{html}");

    // Revoking needs a reason; the refusal is the page again with the message.
    let start = html
        .find("action=\"/verwaltung/sprachnachweise/")
        .expect("a revoke form")
        + "action=\"".len();
    let revoke: String = html[start..].chars().take_while(|c| *c != '"').collect();
    assert!(revoke.ends_with("/widerrufen"), "{revoke}");
    let response = staff
        .post(app.url(&revoke))
        .form(&[("csrf", csrf.as_str()), ("reason", " ")])
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 422);
    assert!(
        response
            .text()
            .await
            .unwrap()
            .contains("Bitte einen Grund für den Widerruf")
    );

    // The data-protection Auskunft lists the language data too.
    let html = staff
        .get(app.url(&format!("/verwaltung/teilnehmende/{person}/auskunft")))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Sprachstand und Sprachnachweise"), "{html}");
    assert!(html.contains("01.10.2026 · Lesen · A2 · Einstufungstest"));
    assert!(html.contains("Selbsteinschätzung · Lesen B1: kann ich"));
    assert!(html.contains("Sprachkompetenznachweise · Ausgestellt am 04.12.2026"));

    // The participant downloads it from their page.
    let html = me
        .get(app.url("/mein-weg"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let start = html
        .find("/mein-weg/sprachnachweise/")
        .expect("a download link");
    let link: String = html[start..].chars().take_while(|c| *c != '"').collect();
    let response = me.get(app.url(&link)).send().await.unwrap();
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let text = pdf_extract::extract_text_from_mem(&response.bytes().await.unwrap()).unwrap();
    assert!(
        text.contains("Amina Haddad") && text.contains("Lesen"),
        "{text}"
    );
    assert!(html.contains("/credential\" download"));
    // Not someone else's: a made-up id is not found.
    let response = me
        .get(app.url("/mein-weg/sprachnachweise/0193a1b2-0000-7000-8000-000000000001/pdf"))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 404);
}
