//! The authorization walk: every route of the route table, called anonymously and with every
//! role, against an expectation written out here independently of the table.

#[path = "access_areas/mod.rs"]
mod areas;
mod common;

use common::{Options, TestApp, relaxed_limits};
use lernweg_domain::Role;
use lernweg_store::Actor;
use lernweg_web::WebConfig;
use lernweg_web::routes::{Kind, specs};

/// Who may call each route. Written by hand: a change to the route table that is not
/// mirrored here fails the test.
const CORE: &[(&str, &str, &str)] = &[
    ("GET", "/", "public"),
    ("GET", "/healthz", "public"),
    ("GET", "/static/{asset}", "public"),
    ("GET", "/anmelden", "public"),
    ("POST", "/anmelden", "public"),
    ("POST", "/abmelden", "any"),
    ("POST", "/sprache", "public"),
    ("GET", "/start", "staff"),
    ("GET", "/team", "staff"),
    ("GET", "/konto", "any"),
    ("POST", "/konto/tokens", "any"),
    ("POST", "/konto/tokens/{id}/widerrufen", "any"),
    ("GET", "/admin/traeger", "admin"),
    ("POST", "/admin/traeger", "admin"),
    ("GET", "/admin/traeger/{id}", "admin"),
    ("POST", "/admin/traeger/{id}", "admin"),
    ("GET", "/admin/benutzer", "admin"),
    ("POST", "/admin/benutzer", "admin"),
    ("GET", "/admin/benutzer/{id}", "admin"),
    ("POST", "/admin/benutzer/{id}", "admin"),
    ("GET", "/admin/protokoll", "admin"),
    ("GET", "/api/v1/openapi.json", "public"),
    ("GET", "/api/v1/public/status", "public"),
    ("GET", "/api/v1/me", "any"),
    ("GET", "/api/v1/providers", "staff"),
    ("POST", "/api/v1/providers", "admin"),
    ("GET", "/api/v1/providers/{id}", "staff"),
    ("PATCH", "/api/v1/providers/{id}", "admin"),
    ("GET", "/api/v1/users", "managers"),
    ("POST", "/api/v1/users", "admin"),
    ("GET", "/api/v1/users/{id}", "managers"),
    ("PATCH", "/api/v1/users/{id}", "admin"),
    ("GET", "/api/v1/tokens", "any"),
    ("POST", "/api/v1/tokens", "any"),
    ("DELETE", "/api/v1/tokens/{id}", "any"),
    ("GET", "/api/v1/audit", "admin"),
];

/// The core expectations plus every area's.
fn expected() -> Vec<(&'static str, &'static str, &'static str)> {
    let mut all = CORE.to_vec();
    all.extend(areas::expected());
    all
}

fn allowed(group: &str, role: Option<Role>) -> bool {
    match (group, role) {
        ("public", _) => true,
        (_, None) => false,
        ("any", Some(_)) => true,
        ("staff", Some(r)) => matches!(
            r,
            Role::Admin | Role::Coordinator | Role::Counsellor | Role::Trainer
        ),
        ("managers", Some(r)) => matches!(r, Role::Admin | Role::Coordinator),
        ("admin", Some(r)) => r == Role::Admin,
        ("counselling", Some(r)) => matches!(r, Role::Admin | Role::Coordinator | Role::Counsellor),
        ("participant", Some(r)) => r == Role::Participant,
        ("employer", Some(r)) => r == Role::Employer,
        ("mentor", Some(r)) => r == Role::Mentor,
        ("tandem_sides", Some(r)) => matches!(
            r,
            Role::Admin | Role::Coordinator | Role::Counsellor | Role::Participant | Role::Mentor
        ),
        ("tandem_people", Some(r)) => matches!(r, Role::Participant | Role::Mentor),
        (other, _) => panic!("unknown group {other}"),
    }
}

#[test]
fn expectations_cover_exactly_the_route_table() {
    let mut table: Vec<(String, String)> = specs()
        .iter()
        .map(|s| (s.method.to_owned(), s.path.to_owned()))
        .collect();
    let mut expected: Vec<(String, String)> = expected()
        .iter()
        .map(|(m, p, _)| ((*m).to_owned(), (*p).to_owned()))
        .collect();
    table.sort();
    expected.sort();
    assert_eq!(table, expected, "every route needs a line in EXPECTED");
}

#[test]
fn anonymous_api_access_is_public_only_under_public_prefix() {
    for s in specs() {
        if s.kind == Kind::Api && s.access.permits(None) {
            assert!(
                s.path.starts_with("/api/v1/public/") || s.path == "/api/v1/openapi.json",
                "{} {} is public outside /api/v1/public/",
                s.method,
                s.path
            );
        }
    }
}

#[tokio::test]
async fn every_route_with_every_role() {
    let app = TestApp::spawn_with(Options {
        config: WebConfig {
            login_limits: relaxed_limits(),
            ..Default::default()
        },
        ..Default::default()
    })
    .await;
    let store = &app.state.store;
    let mut roles: Vec<Option<Role>> = vec![None];
    roles.extend(Role::ALL.iter().copied().map(Some));
    let mut counter = 0;
    let mut checked = 0;
    let all = expected();
    for (method, path, group) in &all {
        let spec = specs()
            .iter()
            .find(|s| s.method == *method && s.path == *path)
            .unwrap();
        for role in &roles {
            counter += 1;
            let user = role.map(|r| app.user(r).clone());
            let client = TestApp::client();
            let url_path = fill_path(&app, method, path, user.as_ref()).await;
            let mut req = match *method {
                "GET" => client.get(app.url(&url_path)),
                "POST" => client.post(app.url(&url_path)),
                "PATCH" => client.patch(app.url(&url_path)),
                "PUT" => client.put(app.url(&url_path)),
                "DELETE" => client.delete(app.url(&url_path)),
                m => panic!("unexpected method {m}"),
            };
            match spec.kind {
                Kind::Api => {
                    if let Some(r) = role {
                        req = req.bearer_auth(app.token(*r));
                    }
                    if matches!(*method, "POST" | "PATCH" | "PUT") {
                        req = req.json(&api_body(path, counter));
                    }
                }
                Kind::Page => {
                    let mut csrf = String::new();
                    if let Some(u) = &user {
                        let (secret, session) = store.create_session(u).await.unwrap();
                        req = req.header("cookie", format!("lw_session={secret}"));
                        csrf = session.csrf_token;
                    } else if *method == "POST" {
                        csrf = "x".repeat(43);
                        req = req.header("cookie", format!("lw_csrf={csrf}"));
                    }
                    if *method == "POST" {
                        let mut form = page_form(path, counter, &app);
                        form.push(("csrf".to_owned(), csrf));
                        req = req.form(&form);
                    }
                }
            }
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            let location = res
                .headers()
                .get("location")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_owned();
            let ok = allowed(group, *role);
            let who = role.map(|r| r.as_str()).unwrap_or("anonymous");
            let core = CORE.iter().any(|(m, p, _)| m == method && p == path);
            if ok && core {
                assert!(
                    (200..400).contains(&status) && !location.starts_with("/anmelden?next="),
                    "{method} {path} as {who}: expected success, got {status} {location}"
                );
            } else if ok {
                // Area routes get the walk's generic (often empty) input: a 4xx for a bad
                // request is fine, a denial or a server error is not.
                assert!(
                    status < 500
                        && status != 401
                        && status != 403
                        && !location.starts_with("/anmelden?next="),
                    "{method} {path} as {who}: expected access, got {status} {location}"
                );
            } else {
                let expected = match (spec.kind, role) {
                    (Kind::Api, None) => 401,
                    (Kind::Api, Some(_)) => 403,
                    (Kind::Page, None) => 303,
                    (Kind::Page, Some(_)) => 403,
                };
                assert_eq!(
                    status, expected,
                    "{method} {path} as {who}: expected denial {expected}"
                );
                if expected == 303 {
                    assert!(
                        location.starts_with("/anmelden?next="),
                        "{method} {path}: redirect to login, got {location}"
                    );
                }
            }
            checked += 1;
        }
    }
    assert_eq!(checked, all.len() * 8);
}

fn api_body(path: &str, n: usize) -> serde_json::Value {
    match path {
        "/api/v1/providers" => {
            serde_json::json!({"name": format!("Neuer Träger {n}"), "state": "BY"})
        }
        "/api/v1/providers/{id}" => serde_json::json!({"name": "Träger Eins"}),
        "/api/v1/users" => serde_json::json!({
            "email": format!("neu{n}@test.example"), "display_name": "Neu", "role": "admin", "password": "ein-langes-passwort"
        }),
        "/api/v1/users/{id}" => serde_json::json!({"display_name": "Test trainer"}),
        "/api/v1/tokens" => serde_json::json!({"name": "Skript"}),
        _ => serde_json::json!({}),
    }
}

/// Fills the placeholders of a route with records of provider 1 (or the caller's own).
async fn fill_path(
    app: &TestApp,
    method: &str,
    path: &str,
    user: Option<&lernweg_store::User>,
) -> String {
    let store = &app.state.store;
    let mut p = path.replace("{slug}", &app.offer.offer.slug);
    p = p.replace("{file}", &format!("{}.ics", app.feed_secret));
    p = p.replace("{asset}", "app.css");
    p = p.replace("{contact}", &app.employer.contacts[1].id.to_string());
    p = p.replace("{mentor_id}", &app.mentor.to_string());
    if !p.contains("{id}") {
        return p;
    }
    let id = if p.contains("betriebe") || p.contains("/employers/") {
        app.employer.id.to_string()
    } else if p.contains("traeger") || p.contains("providers") {
        app.p1.id.to_string()
    } else if p.contains("benutzer") || p.contains("users") {
        app.user(Role::Trainer).id.to_string()
    } else if p.contains("angebote") || p.contains("offers") {
        app.offer.id.to_string()
    } else if (p.contains("teilnehmende") || p.contains("participants"))
        && (method == "DELETE" || p.ends_with("/loeschen"))
    {
        // Erasing removes the record: every erasure call gets a participant of its own.
        store
            .create_participant(
                &Actor::system(),
                app.p1.id,
                None,
                common::sample_participant(),
            )
            .await
            .unwrap()
            .id
            .to_string()
    } else if p.contains("teilnehmende") || p.contains("participants") {
        app.participant.to_string()
    } else if p.contains("einschreibungen") || p.contains("enrolments") {
        app.enrolment.to_string()
    } else if p.contains("durchgaenge") || p.contains("cohorts") {
        app.cohort.id.to_string()
    } else if p.contains("termine") || p.contains("sessions") {
        app.session.to_string()
    } else if p.contains("kalender") || p.contains("feeds") {
        store
            .create_feed(
                &Actor::system(),
                lernweg_store::FeedKind::Cohort,
                &app.cohort.id.to_string(),
                app.p1.id,
            )
            .await
            .unwrap()
            .feed
            .id
            .to_string()
    } else {
        match user {
            Some(u) => store
                .create_token(&Actor::system(), u, "walk")
                .await
                .unwrap()
                .token
                .id
                .to_string(),
            None => "0191e3a4-7b1c-7c3e-8f00-0123456789ab".to_owned(),
        }
    };
    p.replace("{id}", &id)
}

fn page_form(path: &str, n: usize, app: &TestApp) -> Vec<(String, String)> {
    let pairs: Vec<(&str, String)> = match path {
        "/anmelden" => vec![
            ("email", "admin@test.example".into()),
            ("password", common::PASSWORD.into()),
        ],
        "/abmelden" => vec![],
        "/sprache" => vec![("lang", "en".into()), ("next", "/".into())],
        "/konto/tokens" => vec![("name", "Formular".into())],
        "/konto/tokens/{id}/widerrufen" => vec![],
        "/admin/traeger" => vec![
            ("name", format!("Formular-Träger {n}")),
            ("state", "HH".into()),
        ],
        "/admin/traeger/{id}" => vec![("name", "Träger Eins".into()), ("state", "NW".into())],
        "/admin/benutzer" => vec![
            ("email", format!("formular{n}@test.example")),
            ("display_name", "Formular Person".into()),
            ("role", "trainer".into()),
            ("provider", app.p1.id.to_string()),
            ("password", "ein-langes-passwort".into()),
        ],
        "/admin/benutzer/{id}" => vec![
            ("display_name", "Test trainer".into()),
            ("role", "trainer".into()),
            ("active", "1".into()),
        ],
        _ => vec![],
    };
    pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect()
}
