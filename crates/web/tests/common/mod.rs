//! Test harness: the real application on a random port against a fresh database
//! (SQLite, or PostgreSQL when `LERNWEG_TEST_POSTGRES_URL` is set), with one user per role.

#![allow(dead_code)]

use std::collections::HashMap;
use std::net::SocketAddr;

use axum::Router;
use lernweg_domain::{Email, ProviderId, ProviderName, Role, State};
use lernweg_domain::{EnrolmentId, ParticipantId, SessionId};
use lernweg_store::testing::TestDb;
use lernweg_store::{
    Actor, Cohort, EmployerRecord, NewCohort, NewProvider, NewSession, NewUser, OfferRecord,
    Provider, User,
};
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
    /// A published offer of provider 1 with one draft cohort and its timetable.
    pub offer: OfferRecord,
    pub cohort: Cohort,
    /// A session of that cohort.
    pub session: SessionId,
    /// The secret of a calendar feed of that cohort.
    pub feed_secret: String,
    /// A participant of provider 1 (contact person: the counsellor), interested in the cohort.
    pub participant: ParticipantId,
    pub enrolment: EnrolmentId,
    /// An employer of provider 1 whose first contact person is the employer account's.
    pub employer: EmployerRecord,
    /// A mentor of provider 1's pool whose account is the mentor account.
    pub mentor: lernweg_domain::MentorId,
}

pub struct Options {
    pub config: WebConfig,
    pub extra: Router<AppState>,
    /// Fixes the app's clock at noon (Europe/Berlin) of this day; `None`: the system clock.
    pub today: Option<chrono::NaiveDate>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            config: WebConfig::default(),
            extra: Router::new(),
            today: None,
        }
    }
}

impl TestApp {
    pub async fn spawn() -> TestApp {
        Self::spawn_with(Options::default()).await
    }

    pub async fn spawn_with(opts: Options) -> TestApp {
        let db = TestDb::new().await;
        let store = match opts.today {
            Some(day) => db
                .store
                .clone()
                .with_clock(lernweg_store::Clock::fixed_day(day)),
            None => db.store.clone(),
        };
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
        let offer = store
            .create_offer(&actor, p1.id, sample_offer())
            .await
            .unwrap();
        let offer = store
            .set_offer_published(&actor, offer.id, true)
            .await
            .unwrap();
        let start = chrono::NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
        let plan =
            lernweg_planner::plan(&offer.offer.to_spec(start, State::NW), &Default::default())
                .unwrap();
        let sessions: Vec<NewSession> =
            plan.sessions.iter().map(NewSession::from_planned).collect();
        let cohort = store
            .create_cohort(
                &actor,
                NewCohort {
                    planning: Default::default(),
                    offer_id: offer.id,
                    name: "Frühjahr 2027".into(),
                    state: State::NW,
                    start_date: start,
                    room: "Raum 1".into(),
                    online_link: String::new(),
                    trainers: vec![users[&Role::Trainer].id],
                },
                &sessions,
            )
            .await
            .unwrap();
        let session = store.timetable(cohort.id).await.unwrap()[0].id;
        let feed_secret = store
            .create_feed(
                &actor,
                lernweg_store::FeedKind::Cohort,
                &cohort.id.to_string(),
                p1.id,
            )
            .await
            .unwrap()
            .secret;
        let participant = store
            .create_participant(
                &actor,
                p1.id,
                Some(users[&Role::Counsellor].id),
                sample_participant(),
            )
            .await
            .unwrap()
            .id;
        let enrolment = store
            .enrol(&actor, participant, cohort.id)
            .await
            .unwrap()
            .id;
        // The participant account is that participant's (the portal shows their own path).
        let linked = store
            .link_participant_account(&actor, users[&Role::Participant].id, participant)
            .await
            .unwrap();
        users.insert(Role::Participant, linked);
        let employer = store
            .create_employer(&actor, p1.id, sample_employer())
            .await
            .unwrap();
        let linked = store
            .link_employer_account(&actor, users[&Role::Employer].id, employer.contacts[0].id)
            .await
            .unwrap();
        users.insert(Role::Employer, linked);
        let mentor = store
            .create_mentor(&actor, p1.id, &sample_mentor())
            .await
            .unwrap()
            .id;
        let linked = store
            .link_mentor_account(&actor, users[&Role::Mentor].id, mentor)
            .await
            .unwrap();
        users.insert(Role::Mentor, linked);
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
            offer,
            cohort,
            session,
            feed_secret,
            participant,
            enrolment,
            employer,
            mentor,
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
        per_pair_burst: 1000,
        per_ip_burst: 1000,
        ..LoginLimits::default()
    }
}

/// A complete, valid offer: an evening course with two modules and an exam.
pub fn sample_offer() -> lernweg_offers::Offer {
    let draft: lernweg_offers::OfferDraft = serde_json::from_value(serde_json::json!({
        "title": "Fachsprache Pflege berufsbegleitend",
        "goal": "adaptation_qualification",
        "kldb": "81302",
        "target_group": "Pflegefachkräfte mit teilweiser Anerkennung",
        "description": "Sie lernen die Sprache im Beruf. Der Kurs ist am Abend. So können Sie weiter arbeiten.",
        "delivery_modes": ["online_live", "presence"],
        "kickoff_in_presence": true,
        "closing_in_presence": true,
        "time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}]},
        "modules": [
            {"title": "Fachsprache", "hours": 30, "milestone": "Modulzertifikat Fachsprache"},
            {"title": "Pflegepraxis", "hours": 24, "self_study_hours_per_week": 2}
        ],
        "exams": [{"after_module": 2, "title": "Abschlussprüfung", "hours": 3}],
        "support": ["mentoring", "device_loans", "exchange_meetings"],
        "location": {"name": "Bildungszentrum Köln", "street": "Domstraße 1", "zip": "50667", "city": "Köln", "step_free": true},
        "funding": "IQ-gefördert, kostenfrei",
        "costs_eur": 0, "capacity": 16,
        "contact_name": "Aylin Demir", "contact_email": "a.demir@traeger.example", "contact_phone": "0221 123456",
        "degree": "Zertifikat Fachsprache Pflege",
        "keywords": ["Pflege", "Fachsprache"]
    }))
    .unwrap();
    draft.validate().unwrap()
}

/// A valid employer (a hospital) with two contact people (the first has an e-mail address).
pub fn sample_employer() -> lernweg_domain::EmployerInput {
    lernweg_domain::RawEmployer {
        name: "Klinik am Rhein gGmbH".into(),
        street: "Uferstraße 12".into(),
        postcode: "50668".into(),
        city: "Köln".into(),
        sector: "health".into(),
        kldb: "81302".into(),
        contacts: vec![
            lernweg_domain::RawEmployerContact {
                name: "Sabine Hoffmann".into(),
                email: "s.hoffmann@klinik-am-rhein.example".into(),
                ..Default::default()
            },
            lernweg_domain::RawEmployerContact {
                name: "Murat Yıldız".into(),
                phone: "0221 987 60".into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    }
    .parse()
    .unwrap()
}

/// A valid participant record.
/// A mentor in care (KldB 81302) speaking German and Arabic, two places, Tuesday evenings and
/// Saturday mornings in Essen or online.
pub fn sample_mentor() -> lernweg_participants::mentor_pool::MentorProfile {
    lernweg_participants::mentor_pool::RawMentor {
        name: "Hanna Weber".into(),
        email: "mentor@test.example".into(),
        kldb: "81302".into(),
        occupation: "Pflegefachfrau".into(),
        languages: "de,ar".into(),
        slots: "tue-evening,sat-morning".into(),
        city: "Essen".into(),
        online: "ja".into(),
        capacity: "2".into(),
        consent_on: "2026-06-01".into(),
        ..Default::default()
    }
    .parse(chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap())
    .unwrap()
}

pub fn sample_participant() -> lernweg_participants::ParticipantData {
    let draft: lernweg_participants::ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": "Amina", "family_name": "Haddad", "email": "amina.haddad@example.org",
        "phone": "0170 1234567", "mother_tongue": "ar", "german_level": "B1",
        "preferred_channel": "phone", "reachable_times": "Mo–Fr ab 16 Uhr",
        "kldb": "81302", "recognition_status": "partial", "employer": "Klinikum Nord", "weekly_hours": "30"
    }))
    .unwrap();
    draft.validate(2026).unwrap()
}

/// The weekly hours a cohort of `offer` starting on `start` asks for, worked out from the
/// planner's weeks: sessions plus self-study, averaged over the weeks with sessions, to a
/// tenth (what the readiness check takes as the offer's hours).
pub fn planned_weekly_hours(
    offer: &lernweg_offers::Offer,
    start: chrono::NaiveDate,
    state: State,
) -> f64 {
    let plan = lernweg_planner::plan(&offer.to_spec(start, state), &Default::default()).unwrap();
    let weeks: Vec<f64> = plan
        .load
        .weekly
        .iter()
        .filter(|w| w.has_sessions)
        .map(|w| w.session_hours + w.self_study_hours)
        .collect();
    assert!(!weeks.is_empty(), "no week with sessions");
    let avg = weeks.iter().sum::<f64>() / weeks.len() as f64;
    (avg * 10.0).round() / 10.0
}

/// An API call with the token of `role`: the status and the JSON body (a string if the body
/// is not JSON, null if empty).
pub async fn api_call(
    app: &TestApp,
    role: Role,
    method: &str,
    path: &str,
    body: Option<serde_json::Value>,
) -> (u16, serde_json::Value) {
    let client = reqwest::Client::new();
    let url = app.url(path);
    let mut req = match method {
        "GET" => client.get(url),
        "POST" => client.post(url),
        "PATCH" => client.patch(url),
        "PUT" => client.put(url),
        "DELETE" => client.delete(url),
        m => panic!("method {m}"),
    }
    .bearer_auth(app.token(role));
    if let Some(b) = body {
        req = req.json(&b);
    }
    let res = req.send().await.unwrap();
    let status = res.status().as_u16();
    let text = res.text().await.unwrap();
    let v = if text.is_empty() {
        serde_json::Value::Null
    } else {
        serde_json::from_str(&text).unwrap_or(serde_json::Value::String(text))
    };
    (status, v)
}

/// The JSON-LD block of an HTML page, parsed.
pub fn jsonld(html: &str) -> serde_json::Value {
    let marker = "<script type=\"application/ld+json\">";
    let start = html.find(marker).expect("a JSON-LD block") + marker.len();
    let end = html[start..].find("</script>").unwrap() + start;
    serde_json::from_str(&html[start..end]).expect("JSON-LD parses")
}

/// Links the harness participant to the harness employer, on a consent `employer_contact`
/// given on 2026-11-02; returns the consent's id.
pub async fn link_to_employer(app: &TestApp) -> String {
    let person = app.participant.to_string();
    let (status, consent) = api_call(
        app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/participants/{person}/consents"),
        Some(serde_json::json!({"scope": "employer_contact", "given_on": "2026-11-02"})),
    )
    .await;
    assert_eq!(status, 201, "{consent}");
    let (status, link) = api_call(
        app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/employers/{}/employees", app.employer.id),
        Some(serde_json::json!({"participant_id": person})),
    )
    .await;
    assert_eq!(status, 201, "{link}");
    consent["id"].as_str().unwrap().to_owned()
}
