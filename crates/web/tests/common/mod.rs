//! Test harness: the real application on a random port against a fresh database
//! (SQLite, or PostgreSQL when `LERNWEG_TEST_POSTGRES_URL` is set), with one user per role.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::Router;
use lernweg_domain::{Email, ProviderId, ProviderName, Role, State};
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, NewProvider, NewUser, Provider, User};
use lernweg_web::{AppState, LoginLimits, WebConfig, build_app_with};

pub const PASSWORD: &str = "test-passwort-123";

pub struct TestApp {
    pub addr: SocketAddr,
    pub db: TestDb,
    pub state: AppState,
    pub p1: Provider,
    pub p2: Provider,
    /// One user per role in provider 1 (the admin has no provider), keyed by role.
    pub users: HashMap<Role, User>,
    /// A coordinator of provider 2.
    pub other_coordinator: User,
    /// An API token per role, keyed by role.
    pub tokens: HashMap<Role, String>,
}

pub struct Options {
    pub config: WebConfig,
    pub extra: Router<AppState>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            config: WebConfig::default(),
            extra: Router::new(),
        }
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(Options::default()).await
    }

    pub async fn spawn_with(opts: Options) -> TestApp {
        let db = TestDb::new().await;
        let store = db.store.clone();
        let actor = Actor::system();
        let p1 = store
            .create_provider(
                &actor,
                NewProvider {
                    name: ProviderName::parse("Träger Eins").unwrap(),
                    state: State::NW,
                },
            )
            .await
            .unwrap();
        let p2 = store
            .create_provider(
                &actor,
                NewProvider {
                    name: ProviderName::parse("Träger Zwei").unwrap(),
                    state: State::SN,
                },
            )
            .await
            .unwrap();
        let mut users = HashMap::new();
        let mut tokens = HashMap::new();
        for role in Role::ALL {
            let provider = if role == Role::Admin {
                None
            } else {
                Some(p1.id)
            };
            let u = add_user(
                &store,
                &format!("{}@test.example", role.as_str()),
                role,
                provider,
            )
            .await;
            let t = store.create_token(&actor, &u, "Test").await.unwrap();
            tokens.insert(role, t.secret);
            users.insert(role, u);
        }
        let other_coordinator = add_user(
            &store,
            "koordination@zwei.example",
            Role::Coordinator,
            Some(p2.id),
        )
        .await;
        let state = AppState::new(store, opts.config);
        let app = build_app_with(state.clone(), opts.extra);
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        tokio::spawn(async move {
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .unwrap();
        });
        TestApp {
            addr,
            db,
            state,
            p1,
            p2,
            users,
            other_coordinator,
            tokens,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// A browser-like client: keeps cookies, does not follow redirects.
    pub fn client() -> reqwest::Client {
        reqwest::Client::builder()
            .cookie_store(true)
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap()
    }

    /// Logs `email` in through the real form; returns the client and the session's CSRF token.
    pub async fn login(&self, email: &str) -> (reqwest::Client, String) {
        let client = Self::client();
        let csrf = self.csrf_from(&client, "/anmelden").await;
        let res = client
            .post(self.url("/anmelden"))
            .form(&[("email", email), ("password", PASSWORD), ("csrf", &csrf)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 303, "login of {email} should redirect");
        let csrf = self.csrf_from(&client, "/konto").await;
        (client, csrf)
    }

    /// GETs a page and reads the hidden `csrf` field of its first form.
    pub async fn csrf_from(&self, client: &reqwest::Client, path: &str) -> String {
        let html = client
            .get(self.url(path))
            .send()
            .await
            .unwrap()
            .text()
            .await
            .unwrap();
        extract_csrf(&html).unwrap_or_else(|| panic!("no csrf field on {path}"))
    }

    pub fn token(&self, role: Role) -> &str {
        &self.tokens[&role]
    }

    pub fn user(&self, role: Role) -> &User {
        &self.users[&role]
    }
}

pub fn extract_csrf(html: &str) -> Option<String> {
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker)? + marker.len();
    let end = html[start..].find('"')? + start;
    Some(html[start..end].to_owned())
}

pub async fn add_user(
    store: &lernweg_store::Store,
    email: &str,
    role: Role,
    provider: Option<ProviderId>,
) -> User {
    store
        .create_user(
            &Actor::system(),
            NewUser {
                email: Email::parse(email).unwrap(),
                display_name: format!("Test {}", role.as_str()),
                role,
                provider_id: provider,
                password: Some(PASSWORD.into()),
            },
        )
        .await
        .unwrap()
}

/// Limits high enough that tests logging in many times are not throttled.
pub fn relaxed_limits() -> LoginLimits {
    LoginLimits {
        per_account_burst: 1000,
        per_ip_burst: 1000,
        ..LoginLimits::default()
    }
}
