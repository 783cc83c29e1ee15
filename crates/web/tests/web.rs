//! Sessions, CSRF, rate limits, security headers, tenant isolation, errors and health, over
//! real HTTP.

mod common;

use axum::Router;
use axum::routing::get;
use common::{Options, TestApp};
use lernweg_domain::Role;

#[tokio::test]
async fn forms_without_the_right_csrf_token_are_refused() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("admin@test.example").await;
    // Missing token.
    let res = client
        .post(app.url("/admin/traeger"))
        .form(&[("name", "Ohne Token"), ("state", "BY")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(res.text().await.unwrap().contains("Formular abgelaufen"));
    // Wrong token.
    let res = client
        .post(app.url("/admin/traeger"))
        .form(&[
            ("name", "Falsches Token"),
            ("state", "BY"),
            ("csrf", "falsch"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // Right token, but posted from another site.
    let res = client
        .post(app.url("/admin/traeger"))
        .header("origin", "https://evil.example")
        .form(&[("name", "Fremde Seite"), ("state", "BY"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(
        app.state.store.providers(None).await.unwrap().len(),
        2,
        "nothing was created"
    );
    // Right token from our own page works.
    let res = client
        .post(app.url("/admin/traeger"))
        .form(&[("name", "Mit Token"), ("state", "BY"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(app.state.store.providers(None).await.unwrap().len(), 3);
}

#[tokio::test]
async fn security_headers_on_html_pages() {
    let app = TestApp::spawn().await;
    for path in ["/anmelden", "/gibt-es-nicht"] {
        let res = TestApp::client().get(app.url(path)).send().await.unwrap();
        let h = res.headers();
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{csp}");
        assert!(csp.contains("script-src 'self'"), "{csp}");
        assert!(!csp.contains("unsafe-inline"), "{csp}");
        assert_eq!(h["x-content-type-options"], "nosniff");
        assert!(h.contains_key("referrer-policy"));
        assert!(h.contains_key("x-request-id"), "request ids are propagated");
        let html = res.text().await.unwrap();
        assert!(html.contains("<html lang=\"de\">"), "{path}");
    }
}

#[tokio::test]
async fn english_can_be_switched_on() {
    let app = TestApp::spawn().await;
    let client = TestApp::client();
    let csrf = app.csrf_from(&client, "/anmelden").await;
    let res = client
        .post(app.url("/sprache"))
        .form(&[("lang", "en"), ("next", "/anmelden"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/anmelden");
    let html = client
        .get(app.url("/anmelden"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("<html lang=\"en\">"));
    assert!(html.contains("Log in"));
    // An open redirect is not possible.
    let res = client
        .post(app.url("/sprache"))
        .form(&[("lang", "de"), ("next", "//evil.example/"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], "/");
}

#[tokio::test]
async fn tenant_isolation_answers_404_for_other_providers() {
    let app = TestApp::spawn().await;
    let api = reqwest::Client::new();
    let token = app.token(Role::Coordinator);
    let own = api
        .get(app.url(&format!("/api/v1/providers/{}", app.p1.id)))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(own.status(), 200);
    let other = api
        .get(app.url(&format!("/api/v1/providers/{}", app.p2.id)))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 404);
    assert_eq!(other.headers()["content-type"], "application/problem+json");
    let other_user = api
        .get(app.url(&format!("/api/v1/users/{}", app.other_coordinator.id)))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(other_user.status(), 404);
    let list: Vec<serde_json::Value> = api
        .get(app.url("/api/v1/providers"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["id"], app.p1.id.to_string());
    let users: Vec<serde_json::Value> = api
        .get(app.url("/api/v1/users"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        users
            .iter()
            .all(|u| u["provider_id"] == app.p1.id.to_string()),
        "{users:?}"
    );
    // The admin sees both.
    let all: Vec<serde_json::Value> = api
        .get(app.url("/api/v1/providers"))
        .bearer_auth(app.token(Role::Admin))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
}

#[tokio::test]
async fn api_errors_are_problem_documents() {
    let app = TestApp::spawn().await;
    let api = reqwest::Client::new();
    let admin = app.token(Role::Admin);
    // Anonymous: 401 with WWW-Authenticate, also for unknown API paths.
    for path in ["/api/v1/me", "/api/v1/gibt-es-nicht"] {
        let res = api.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 401, "{path}");
        assert_eq!(res.headers()["www-authenticate"], "Bearer");
        assert_eq!(res.headers()["content-type"], "application/problem+json");
    }
    // Malformed JSON: 400.
    let res = api
        .post(app.url("/api/v1/providers"))
        .bearer_auth(admin)
        .header("content-type", "application/json")
        .body("{\"name\": ")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    let body: serde_json::Value = res.json().await.unwrap();
    assert_eq!(body["status"], 400);
    assert!(
        body["detail"].as_str().unwrap().contains("malformed JSON"),
        "{body}"
    );
    // Invalid fields: 422 with one error per field, and nothing written.
    let res = api
        .post(app.url("/api/v1/providers"))
        .bearer_auth(admin)
        .json(&serde_json::json!({"name": " ", "state": "XX"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let body: serde_json::Value = res.json().await.unwrap();
    let fields: Vec<&str> = body["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields, vec!["name", "state"]);
    assert_eq!(app.state.store.providers(None).await.unwrap().len(), 2);
    // Duplicate e-mail: 409.
    let res = api
        .post(app.url("/api/v1/users"))
        .bearer_auth(admin)
        .json(&serde_json::json!({"email": "trainer@test.example", "display_name": "X", "role": "trainer",
            "provider_id": app.p1.id.to_string(), "password": "ein-langes-passwort"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409);
    // A malformed id is simply not found.
    let res = api
        .get(app.url("/api/v1/providers/42"))
        .bearer_auth(admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn tokens_can_be_created_used_and_revoked_over_the_api() {
    let app = TestApp::spawn().await;
    let api = reqwest::Client::new();
    let res = api
        .post(app.url("/api/v1/tokens"))
        .bearer_auth(app.token(Role::Trainer))
        .json(&serde_json::json!({"name": "Stundenplan-Export"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let body: serde_json::Value = res.json().await.unwrap();
    let secret = body["secret"].as_str().unwrap().to_owned();
    let id = body["token"]["id"].as_str().unwrap().to_owned();
    let me: serde_json::Value = api
        .get(app.url("/api/v1/me"))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(me["email"], "trainer@test.example");
    assert_eq!(me["role"], "trainer");
    let res = api
        .delete(app.url(&format!("/api/v1/tokens/{id}")))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let res = api
        .get(app.url("/api/v1/me"))
        .bearer_auth(&secret)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401, "a revoked token no longer works");
    // Someone else's token cannot be revoked.
    let other = app
        .state
        .store
        .tokens(app.user(Role::Counsellor).id)
        .await
        .unwrap()[0]
        .id;
    let res = api
        .delete(app.url(&format!("/api/v1/tokens/{other}")))
        .bearer_auth(app.token(Role::Trainer))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    // Session cookies do not authenticate the API (so it needs no CSRF token).
    let (client, _) = app.login("admin@test.example").await;
    assert_eq!(
        client
            .get(app.url("/api/v1/me"))
            .send()
            .await
            .unwrap()
            .status(),
        401
    );
}

#[tokio::test]
async fn viewing_a_user_is_audited_and_admins_read_the_log() {
    let app = TestApp::spawn().await;
    let api = reqwest::Client::new();
    let trainer = app.user(Role::Trainer).id;
    let res = api
        .get(app.url(&format!("/api/v1/users/{trainer}")))
        .bearer_auth(app.token(Role::Coordinator))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let log: serde_json::Value = api
        .get(app.url("/api/v1/audit"))
        .bearer_auth(app.token(Role::Admin))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let view = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["action"] == "view" && e["entity_id"] == trainer.to_string())
        .expect("view is logged");
    assert_eq!(view["actor_email"], "coordinator@test.example");
    let (client, _) = app.login("admin@test.example").await;
    let html = client
        .get(app.url("/admin/protokoll"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("coordinator@test.example"));
    assert!(html.contains("angesehen"));
}

#[tokio::test]
async fn admin_forms_show_german_field_errors_and_write_nothing() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("admin@test.example").await;
    let res = client
        .post(app.url("/admin/benutzer"))
        .form(&[
            ("email", "keine-adresse"),
            ("display_name", ""),
            ("role", "trainer"),
            ("provider", ""),
            ("password", "kurz"),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    for msg in [
        "Bitte geben Sie eine gültige E-Mail-Adresse ein",
        "Diese Rolle braucht einen Träger.",
        "Bitte füllen Sie dieses Feld aus.",
        "Die Angabe ist zu kurz.",
    ] {
        assert!(html.contains(msg), "missing {msg:?}");
    }
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("value=\"keine-adresse\""), "input is kept");
    assert_eq!(
        app.state.store.users(None).await.unwrap().len(),
        8,
        "nothing was written"
    );
}

#[tokio::test]
async fn health_follows_the_database_and_a_panic_is_a_logged_500() {
    async fn probe() -> &'static str {
        panic!("probe")
    }
    let extra = Router::new().route("/probe/panic", get(probe));
    let app = TestApp::spawn_with(Options {
        extra,
        ..Default::default()
    })
    .await;
    let client = TestApp::client();
    assert_eq!(
        client
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    let res = client.get(app.url("/probe/panic")).send().await.unwrap();
    assert_eq!(res.status(), 500);
    assert!(res.text().await.unwrap().contains("Interner Fehler"));
    // The server keeps serving.
    assert_eq!(
        client
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        200
    );
    app.state.store.close().await;
    assert_eq!(
        client
            .get(app.url("/healthz"))
            .send()
            .await
            .unwrap()
            .status(),
        503
    );
}

#[tokio::test]
async fn the_openapi_document_describes_every_api_route() {
    let app = TestApp::spawn().await;
    let doc: serde_json::Value = reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert!(
        doc["openapi"].as_str().unwrap().starts_with("3.1"),
        "{}",
        doc["openapi"]
    );
    for spec in lernweg_web::routes::specs() {
        if spec.kind != lernweg_web::routes::Kind::Api {
            continue;
        }
        let op = &doc["paths"][spec.path][spec.method.to_lowercase()];
        assert!(
            op.is_object(),
            "{} {} is missing in the OpenAPI document",
            spec.method,
            spec.path
        );
    }
    let documented: usize = doc["paths"]
        .as_object()
        .unwrap()
        .values()
        .map(|p| p.as_object().unwrap().len())
        .sum();
    let api_routes = lernweg_web::routes::specs()
        .iter()
        .filter(|s| s.kind == lernweg_web::routes::Kind::Api)
        .count();
    assert_eq!(
        documented, api_routes,
        "no documented route is missing from the router"
    );
    assert!(doc["components"]["securitySchemes"]["bearer"].is_object());
}

#[tokio::test]
async fn the_language_switch_returns_to_the_same_page() {
    let app = TestApp::spawn().await;
    let (client, _) = app.login("coordinator@test.example").await;
    let path = format!(
        "/verwaltung/durchgaenge/{}/kalender?monat=2027-03",
        app.cohort.id
    );
    let html = client
        .get(app.url(&path))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let expected = format!("name=\"next\" value=\"{}\"", path.replace('&', "&amp;"));
    assert!(
        html.contains(&expected),
        "the switch form carries the page itself"
    );
    let csrf = common::extract_csrf(&html).unwrap();
    let res = client
        .post(app.url("/sprache"))
        .form(&[
            ("lang", "en"),
            ("next", path.as_str()),
            ("csrf", csrf.as_str()),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], path.as_str());
}
