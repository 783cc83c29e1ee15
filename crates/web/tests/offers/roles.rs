//! Who may do what with offers: staff read, managers write, another provider's offer is a
//! 404 on pages and in the API.

use lernweg_domain::Role;
use lernweg_store::Actor;
use serde_json::{Value, json};

use super::common::TestApp;
use super::{get_html, post_form, valid_form};

#[tokio::test]
async fn trainers_and_counsellors_read_but_do_not_write() {
    let app = TestApp::spawn().await;
    for email in ["trainer@test.example", "counsellor@test.example"] {
        let (client, csrf) = app.login(email).await;
        let (status, html) = get_html(&app, &client, "/verwaltung/angebote").await;
        assert_eq!(status, 200);
        assert!(html.contains("Fachsprache Pflege berufsbegleitend"));
        assert!(!html.contains("/verwaltung/angebote/neu"));
        let (status, _) = get_html(&app, &client, "/verwaltung/angebote/neu").await;
        assert_eq!(status, 403);
        let res = post_form(&app, &client, &csrf, "/verwaltung/angebote", valid_form()).await;
        assert_eq!(res.status(), 403);
    }
    for role in [Role::Trainer, Role::Counsellor] {
        let c = reqwest::Client::new();
        let res = c
            .get(app.url("/api/v1/offers"))
            .bearer_auth(app.token(role))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200);
        let res = c
            .post(app.url("/api/v1/offers"))
            .bearer_auth(app.token(role))
            .json(&json!({"title": "Neu"}))
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 403);
    }
}

#[tokio::test]
async fn another_providers_offer_is_not_found() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login(app.other_coordinator.email.as_str()).await;
    let id = app.offer.id;
    for path in [
        format!("/verwaltung/angebote/{id}"),
        format!("/verwaltung/angebote/{id}/bearbeiten"),
    ] {
        let (status, _) = get_html(&app, &client, &path).await;
        assert_eq!(status, 404, "{path}");
    }
    let res = post_form(
        &app,
        &client,
        &csrf,
        &format!("/verwaltung/angebote/{id}/veroeffentlichen"),
        vec![("published", "0".into())],
    )
    .await;
    assert_eq!(res.status(), 404);
    let res = post_form(
        &app,
        &client,
        &csrf,
        &format!("/verwaltung/angebote/{id}"),
        valid_form(),
    )
    .await;
    assert_eq!(res.status(), 404);
    assert!(
        app.state.store.offer(id).await.unwrap().published,
        "unchanged"
    );
    let (_, html) = get_html(&app, &client, "/verwaltung/angebote").await;
    assert!(!html.contains("Fachsprache Pflege berufsbegleitend"));

    let token = app
        .state
        .store
        .create_token(&Actor::system(), &app.other_coordinator, "Test")
        .await
        .unwrap()
        .secret;
    let c = reqwest::Client::new();
    for path in [
        format!("/api/v1/offers/{id}"),
        format!("/api/v1/offers/{id}/success-factors"),
    ] {
        let res = c
            .get(app.url(&path))
            .bearer_auth(&token)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{path}");
    }
    let res = c
        .patch(app.url(&format!("/api/v1/offers/{id}")))
        .bearer_auth(&token)
        .json(&json!({"published": false}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let list: Value = c
        .get(app.url("/api/v1/offers"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(list["items"].as_array().unwrap().is_empty());
    let res = c
        .get(app.url("/api/v1/offers/not-an-id"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}
