//! The Auskunft as PDF: same content as the page, a real PDF, audited, tenant-checked.

use lernweg_domain::Role;

use super::common::TestApp;
use super::{detail, get};

async fn fetch(client: &reqwest::Client, app: &TestApp, path: &str) -> reqwest::Response {
    client.get(app.url(path)).send().await.unwrap()
}

#[tokio::test]
async fn auskunft_pdf_holds_the_record_and_is_audited() {
    let app = TestApp::spawn().await;
    // A link to an employer is personal data too: the PDF lists it.
    super::common::link_to_employer(&app).await;
    let (client, _) = app.login("counsellor@test.example").await;
    // The page links to the PDF.
    let (status, html) = get(&client, &app, &format!("{}/auskunft", detail(&app))).await;
    assert_eq!(status, 200);
    assert!(html.contains(&format!("{}/auskunft.pdf", detail(&app))));

    let res = fetch(&client, &app, &format!("{}/auskunft.pdf", detail(&app))).await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/pdf");
    assert!(
        res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment;")
    );
    assert_eq!(res.headers()["cache-control"], "no-store");
    let bytes = res.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    for needle in [
        "Auskunft über gespeicherte Daten",
        "Amina",
        "Haddad",
        "amina.haddad@example.org",
        "Ansprechperson",
        "Leihgeräte",
        "Klinik am Rhein gGmbH",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
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
            .any(|e| e.action == "view" && e.detail == "data access report (PDF)")
    );
}

#[tokio::test]
async fn auskunft_pdf_of_another_provider_is_not_found_and_trainers_are_refused() {
    let app = TestApp::spawn().await;
    let (client, _) = app.login("koordination@zwei.example").await;
    let res = fetch(&client, &app, &format!("{}/auskunft.pdf", detail(&app))).await;
    assert_eq!(res.status(), 404);
    let trainer = app.user(Role::Trainer).email.to_string();
    let (client, _) = app.login(&trainer).await;
    let res = fetch(&client, &app, &format!("{}/auskunft.pdf", detail(&app))).await;
    assert_eq!(res.status(), 403);
}
