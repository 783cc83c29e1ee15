//! Login hardening through the real routes: `next` only to same-site paths, limits that do
//! not let a stranger lock a person out, the client address behind a trusted proxy only,
//! the CSRF origin check against `--public-url`, and refusals in the audit log.

mod common;

use std::time::{Duration, Instant};

use common::{Options, PASSWORD, TestApp, extract_csrf, relaxed_limits};
use lernweg_web::{LoginLimits, TrustedProxy, WebConfig};

fn with(config: WebConfig) -> Options {
    Options {
        config,
        ..Default::default()
    }
}

/// The `next` field of the login form (the language switch has one of its own).
fn hidden_next(html: &str) -> String {
    let form = html.find("action=\"/anmelden\"").expect("login form");
    let html = &html[form..];
    let marker = "name=\"next\" value=\"";
    let start = html.find(marker).expect("next field") + marker.len();
    let end = html[start..].find('"').unwrap() + start;
    html[start..end].to_owned()
}

/// Values a `next` must never lead to: other sites, header injection, encoded variants.
const FOREIGN: &[&str] = &[
    "/\t/evil.example",
    "//evil.example",
    "/\\evil.example",
    "https://evil.example/",
    "/%2F/evil.example",
    "/%5Cevil.example",
    "/%09/evil.example",
    "/start\r\nSet-Cookie: lw_session=x",
    "/start\u{0}",
    "/ü",
];

#[tokio::test]
async fn next_leads_only_to_same_site_paths_and_never_to_a_500() {
    let app = TestApp::spawn_with(with(WebConfig {
        login_limits: relaxed_limits(),
        ..Default::default()
    }))
    .await;
    for bad in FOREIGN {
        let client = TestApp::client();
        let res = client
            .get(app.url("/anmelden"))
            .query(&[("next", bad)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 200, "{bad:?}");
        let html = res.text().await.unwrap();
        assert_eq!(hidden_next(&html), "", "{bad:?} is not carried on");
        let csrf = extract_csrf(&html).unwrap();
        let res = client
            .post(app.url("/anmelden"))
            .form(&[
                ("email", "coordinator@test.example"),
                ("password", PASSWORD),
                ("csrf", &csrf),
                ("next", bad),
            ])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{bad:?}");
        assert_eq!(res.headers()["location"], "/start", "{bad:?}");
        // Logged in, the login page sends a visitor on at once: to the start page, too.
        let res = client
            .get(app.url("/anmelden"))
            .query(&[("next", bad)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.headers()["location"], "/start", "{bad:?}");
        // The language switch falls back to the home page.
        let csrf = app.csrf_from(&client, "/konto").await;
        let res = client
            .post(app.url("/sprache"))
            .form(&[("lang", "en"), ("csrf", &csrf), ("next", bad)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "{bad:?}");
        assert_eq!(res.headers()["location"], "/", "{bad:?}");
    }
    // A local path with an encoded query survives the round trip through the form.
    let good = "/verwaltung/teilnehmende?suche=M%C3%BCller";
    let client = TestApp::client();
    let anon = client.get(app.url(good)).send().await.unwrap();
    assert_eq!(anon.status(), 303);
    let to_login = anon.headers()["location"].to_str().unwrap().to_owned();
    let html = client
        .get(app.url(&to_login))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert_eq!(hidden_next(&html), good);
    let res = client
        .post(app.url("/anmelden"))
        .form(&[
            ("email", "counsellor@test.example"),
            ("password", PASSWORD),
            ("csrf", &extract_csrf(&html).unwrap()),
            ("next", good),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.headers()["location"], good);
}

/// A login attempt from `address` (sent as `X-Forwarded-For` through a trusted proxy).
async fn attempt(
    app: &TestApp,
    client: &reqwest::Client,
    address: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let csrf = app.csrf_from(client, "/anmelden").await;
    client
        .post(app.url("/anmelden"))
        .header("x-forwarded-for", address)
        .form(&[("email", email), ("password", password), ("csrf", &csrf)])
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_stranger_cannot_lock_a_person_out_and_refusals_are_audited_without_the_password() {
    let app = TestApp::spawn_with(with(WebConfig {
        trusted_proxies: vec!["127.0.0.1".parse::<TrustedProxy>().unwrap()],
        login_limits: LoginLimits {
            per_pair_burst: 3,
            account_free_failures: 2,
            account_delay_base: Duration::from_millis(1000),
            account_delay_max: Duration::from_millis(2000),
            ..LoginLimits::default()
        },
        ..Default::default()
    }))
    .await;
    let stranger = TestApp::client();
    let wrong = "falsches-passwort-4711";
    for _ in 0..3 {
        let res = attempt(
            &app,
            &stranger,
            "203.0.113.9",
            "trainer@test.example",
            wrong,
        )
        .await;
        assert_eq!(res.status(), 401);
    }
    let limited = attempt(
        &app,
        &stranger,
        "203.0.113.9",
        "trainer@test.example",
        wrong,
    )
    .await;
    assert_eq!(limited.status(), 429, "the stranger's address is stopped");
    assert!(limited.headers().contains_key("retry-after"));

    // The trainer, at another address, still gets in: only slower.
    let owner = TestApp::client();
    let started = Instant::now();
    let res = attempt(
        &app,
        &owner,
        "198.51.100.4",
        "trainer@test.example",
        PASSWORD,
    )
    .await;
    assert_eq!(res.status(), 303, "no lock-out");
    assert!(
        started.elapsed() >= Duration::from_millis(2000),
        "three failures: the delay has grown to its maximum ({:?})",
        started.elapsed()
    );
    // A success forgets the failures: the next login is not delayed.
    let started = Instant::now();
    let again = attempt(
        &app,
        &TestApp::client(),
        "198.51.100.4",
        "trainer@test.example",
        PASSWORD,
    )
    .await;
    assert_eq!(again.status(), 303);
    assert!(
        started.elapsed() < Duration::from_millis(1000),
        "{:?}",
        started.elapsed()
    );

    let log = app.state.store.audit_entries(None, 100).await.unwrap();
    let failed: Vec<_> = log.iter().filter(|e| e.action == "login_failed").collect();
    assert_eq!(
        failed.len(),
        3,
        "each refused login, not the rate-limited one"
    );
    assert!(
        failed.iter().all(|e| e.detail == "203.0.113.9"
            && e.actor_email.as_deref() == Some("trainer@test.example"))
    );
    assert!(
        log.iter()
            .any(|e| e.action == "login" && e.detail == "198.51.100.4")
    );
    let dump = format!("{log:?}");
    assert!(
        !dump.contains(wrong) && !dump.contains(PASSWORD),
        "no password in the log"
    );
}

#[tokio::test]
async fn forwarded_for_counts_only_from_a_trusted_proxy() {
    let limits = LoginLimits {
        per_ip_burst: 2,
        ..LoginLimits::default()
    };
    // Not configured: the header is ignored, all attempts come from 127.0.0.1.
    let app = TestApp::spawn_with(with(WebConfig {
        login_limits: limits,
        ..Default::default()
    }))
    .await;
    let client = TestApp::client();
    let mut statuses = Vec::new();
    for (i, addr) in ["203.0.113.1", "203.0.113.2", "203.0.113.3"]
        .iter()
        .enumerate()
    {
        let email = format!("niemand{i}@test.example");
        statuses.push(attempt(&app, &client, addr, &email, "x-y-z").await.status());
    }
    assert_eq!(statuses, [401, 401, 429]);
    let log = app.state.store.audit_entries(None, 10).await.unwrap();
    assert!(
        log.iter()
            .filter(|e| e.action == "login_failed")
            .all(|e| e.detail == "127.0.0.1")
    );

    // Trusted: each forwarded client has its own limit; a spoofed left part is ignored.
    let app = TestApp::spawn_with(with(WebConfig {
        login_limits: limits,
        trusted_proxies: vec!["127.0.0.0/8".parse().unwrap()],
        ..Default::default()
    }))
    .await;
    for (i, addr) in ["6.6.6.6, 203.0.113.1", "203.0.113.2", "203.0.113.3"]
        .iter()
        .enumerate()
    {
        let email = format!("niemand{i}@test.example");
        assert_eq!(
            attempt(&app, &client, addr, &email, "x-y-z").await.status(),
            401
        );
    }
    let log = app.state.store.audit_entries(None, 10).await.unwrap();
    let mut details: Vec<_> = log
        .iter()
        .filter(|e| e.action == "login_failed")
        .map(|e| e.detail.as_str())
        .collect();
    details.sort();
    assert_eq!(details, ["203.0.113.1", "203.0.113.2", "203.0.113.3"]);
}

#[tokio::test]
async fn the_csrf_origin_check_uses_the_public_url_when_it_is_set() {
    let public = "https://lernweg.example.org";
    let app = TestApp::spawn_with(with(WebConfig {
        public_url: Some(public.into()),
        login_limits: relaxed_limits(),
        ..Default::default()
    }))
    .await;
    let post = |origin: String| {
        let client = TestApp::client();
        let app = &app;
        async move {
            let csrf = app.csrf_from(&client, "/anmelden").await;
            client
                .post(app.url("/anmelden"))
                .header("origin", origin)
                .form(&[
                    ("email", "trainer@test.example"),
                    ("password", PASSWORD),
                    ("csrf", &csrf),
                ])
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    assert_eq!(post(public.to_owned()).await, 303);
    // Behind a proxy the Host may be the internal one; only the public origin counts.
    assert_eq!(post(format!("http://{}", app.addr)).await, 403);
    assert_eq!(post("https://evil.example".into()).await, 403);

    // Without a public URL the origin must name the request's host.
    let app = TestApp::spawn_with(with(WebConfig {
        login_limits: relaxed_limits(),
        ..Default::default()
    }))
    .await;
    let client = TestApp::client();
    let csrf = app.csrf_from(&client, "/anmelden").await;
    let res = client
        .post(app.url("/anmelden"))
        .header("origin", format!("http://{}", app.addr))
        .form(&[
            ("email", "trainer@test.example"),
            ("password", PASSWORD),
            ("csrf", &csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
}

#[tokio::test]
async fn refused_access_is_in_the_audit_log() {
    let app = TestApp::spawn_with(with(WebConfig {
        login_limits: relaxed_limits(),
        ..Default::default()
    }))
    .await;
    // A coordinator of provider 2 asks for provider 1's participant and offer.
    let (other, _) = app.login("koordination@zwei.example").await;
    for path in [
        format!("/verwaltung/teilnehmende/{}", app.participant),
        format!("/verwaltung/angebote/{}", app.offer.id),
    ] {
        let res = other.get(app.url(&path)).send().await.unwrap();
        assert_eq!(res.status(), 404, "{path}");
    }
    let token = app
        .state
        .store
        .create_token(&lernweg_store::Actor::system(), &app.other_coordinator, "t")
        .await
        .unwrap()
        .secret;
    let res = TestApp::client()
        .get(app.url(&format!("/api/v1/cohorts/{}", app.cohort.id)))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    // A trainer on an admin page: 403.
    let (trainer, _) = app.login("trainer@test.example").await;
    let res = trainer
        .get(app.url("/admin/protokoll"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);

    let log = app.state.store.audit_entries(None, 100).await.unwrap();
    let denied: Vec<_> = log.iter().filter(|e| e.action == "access_denied").collect();
    let mut seen: Vec<(String, Option<String>)> = denied
        .iter()
        .map(|e| (e.entity.clone(), e.actor_email.clone()))
        .collect();
    seen.sort();
    let other_email = Some("koordination@zwei.example".to_owned());
    assert_eq!(
        seen,
        [
            ("cohort".to_owned(), other_email.clone()),
            ("offer".to_owned(), other_email.clone()),
            ("participant".to_owned(), other_email.clone()),
            ("route".to_owned(), Some("trainer@test.example".to_owned())),
        ]
    );
    let participant = denied.iter().find(|e| e.entity == "participant").unwrap();
    assert_eq!(
        participant.entity_id.as_deref(),
        Some(app.participant.to_string().as_str())
    );
    assert_eq!(
        participant.provider_id.as_deref(),
        Some(app.p2.id.to_string().as_str()),
        "filed under the caller's provider"
    );
    assert_eq!(participant.detail, format!("provider {}", app.p1.id));
    let route = denied.iter().find(|e| e.entity == "route").unwrap();
    assert_eq!(route.entity_id.as_deref(), Some("GET /admin/protokoll"));

    // The admin reads them in words.
    let (admin, _) = app.login("admin@test.example").await;
    let html = admin
        .get(app.url("/admin/protokoll"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("Zugriff verweigert"), "{html}");
    assert!(html.contains("Seite oder Schnittstelle"));
}
