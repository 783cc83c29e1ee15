//! Logging in and out: session cookies, server-side logout, rate limits, audit of failures.

mod common;

use common::{Options, PASSWORD, TestApp, extract_csrf};
use lernweg_web::{LoginLimits, WebConfig};

#[tokio::test]
async fn login_sets_a_safe_cookie_and_logout_ends_the_session_on_the_server() {
    let app = TestApp::spawn().await;
    let client = TestApp::client();
    let csrf = app.csrf_from(&client, "/anmelden").await;
    let res = client
        .post(app.url("/anmelden"))
        .form(&[
            ("email", "Coordinator@Test.Example"),
            ("password", PASSWORD),
            ("csrf", &csrf),
            ("next", "/team"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/team");
    let cookie = res
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|c| c.starts_with("lw_session="))
        .expect("session cookie");
    assert!(cookie.contains("HttpOnly"), "{cookie}");
    assert!(cookie.contains("SameSite=Lax"), "{cookie}");
    assert!(
        !cookie.contains("Secure"),
        "no Secure without an https public URL: {cookie}"
    );
    let secret = cookie
        .trim_start_matches("lw_session=")
        .split(';')
        .next()
        .unwrap()
        .to_owned();

    let page = client.get(app.url("/start")).send().await.unwrap();
    assert_eq!(page.status(), 200);
    let html = page.text().await.unwrap();
    assert!(html.contains("Willkommen, Test coordinator!"), "{html}");

    let csrf = extract_csrf(&html).unwrap();
    let out = client
        .post(app.url("/abmelden"))
        .form(&[("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 303);
    assert!(
        app.state.store.session(&secret).await.unwrap().is_none(),
        "session is gone on the server"
    );
    // Replaying the old cookie does not work.
    let replay = TestApp::client()
        .get(app.url("/start"))
        .header("cookie", format!("lw_session={secret}"))
        .send()
        .await
        .unwrap();
    assert_eq!(replay.status(), 303);
}

#[tokio::test]
async fn secure_cookies_and_hsts_with_an_https_public_url() {
    let app = TestApp::spawn_with(Options {
        config: WebConfig {
            public_url: Some("https://lernweg.example.org".into()),
            ..Default::default()
        },
        ..Default::default()
    })
    .await;
    let client = TestApp::client();
    let res = client.get(app.url("/anmelden")).send().await.unwrap();
    assert!(
        res.headers()["strict-transport-security"]
            .to_str()
            .unwrap()
            .contains("max-age=")
    );
    let csrf = extract_csrf(&res.text().await.unwrap()).unwrap();
    let res = client
        .post(app.url("/anmelden"))
        .form(&[
            ("email", "trainer@test.example"),
            ("password", PASSWORD),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    let cookie = res.headers()["set-cookie"].to_str().unwrap().to_owned();
    assert!(cookie.contains("Secure"), "{cookie}");
}

#[tokio::test]
async fn wrong_password_is_refused_in_german_and_audited() {
    let app = TestApp::spawn().await;
    let client = TestApp::client();
    let csrf = app.csrf_from(&client, "/anmelden").await;
    let res = client
        .post(app.url("/anmelden"))
        .form(&[
            ("email", "trainer@test.example"),
            ("password", "falsches-passwort"),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 401);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("E-Mail-Adresse oder Passwort stimmen nicht."),
        "{html}"
    );
    assert!(
        html.contains("value=\"trainer@test.example\""),
        "the e-mail stays in the form"
    );
    let log = app.state.store.audit_entries(None, 50).await.unwrap();
    assert!(
        log.iter().any(|e| e.action == "login_failed"
            && e.actor_email.as_deref() == Some("trainer@test.example"))
    );
}

#[tokio::test]
async fn login_failures_are_limited_per_account_and_address_with_retry_after() {
    let app = TestApp::spawn_with(Options {
        config: WebConfig {
            login_limits: LoginLimits {
                per_pair_burst: 3,
                per_ip_burst: 100,
                ..LoginLimits::default()
            },
            ..Default::default()
        },
        ..Default::default()
    })
    .await;
    let client = TestApp::client();
    let csrf = app.csrf_from(&client, "/anmelden").await;
    let attempt = |email: &'static str| {
        let client = client.clone();
        let csrf = csrf.clone();
        let url = app.url("/anmelden");
        async move {
            client
                .post(url)
                .form(&[
                    ("email", email),
                    ("password", "falsches-passwort"),
                    ("csrf", &csrf),
                ])
                .send()
                .await
                .unwrap()
        }
    };
    for _ in 0..3 {
        assert_eq!(attempt("trainer@test.example").await.status(), 401);
    }
    let limited = attempt("trainer@test.example").await;
    assert_eq!(limited.status(), 429);
    let retry: u64 = limited.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry >= 1);
    assert!(
        limited
            .text()
            .await
            .unwrap()
            .contains("Zu viele Anmeldeversuche")
    );
    // Another account from the same address is not blocked by this account's limit.
    assert_eq!(attempt("counsellor@test.example").await.status(), 401);
}

#[tokio::test]
async fn login_attempts_are_rate_limited_per_address() {
    let app = TestApp::spawn_with(Options {
        config: WebConfig {
            login_limits: LoginLimits {
                per_pair_burst: 100,
                per_ip_burst: 2,
                ..LoginLimits::default()
            },
            ..Default::default()
        },
        ..Default::default()
    })
    .await;
    let client = TestApp::client();
    let csrf = app.csrf_from(&client, "/anmelden").await;
    let mut statuses = Vec::new();
    for email in ["a@test.example", "b@test.example", "c@test.example"] {
        let res = client
            .post(app.url("/anmelden"))
            .form(&[
                ("email", email),
                ("password", "irgendwas-langes"),
                ("csrf", &csrf),
            ])
            .send()
            .await
            .unwrap();
        statuses.push(res.status().as_u16());
    }
    assert_eq!(statuses, vec![401, 401, 429]);
}
