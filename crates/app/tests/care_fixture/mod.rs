//! Set-up shared by the care use-case tests: two providers with one participant each, a
//! counsellor of the first, the admin, and an app whose clock stands on a fixed day.

#![allow(dead_code)]

use chrono::NaiveDate;
use lernweg_app::{App, Caller, Clock};
use lernweg_domain::{Principal, ProviderId, ProviderName, Role, State, UserId};
use lernweg_participants::ParticipantDraft;
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, NewProvider, ParticipantRecord};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a valid date")
}

/// The day the clock stands on.
pub fn today() -> NaiveDate {
    date(2026, 9, 15)
}

pub struct World {
    pub db: TestDb,
    pub app: App,
    pub p1: ProviderId,
    pub p2: ProviderId,
    pub amina: ParticipantRecord,
    pub olga: ParticipantRecord,
}

fn user(n: u32) -> UserId {
    UserId::parse(&format!("01900000-0000-7000-8000-{n:012}")).expect("a valid id")
}

impl World {
    pub async fn new() -> World {
        let db = TestDb::new().await;
        let clock = Clock::fixed_day(today());
        let store = db.store.clone().with_clock(clock.clone());
        let app = App { store, clock };
        let p1 = provider(&app, "Träger Eins").await;
        let p2 = provider(&app, "Träger Zwei").await;
        let amina = participant(&app, p1, "Amina", "Haddad").await;
        let olga = participant(&app, p2, "Olga", "Kusnezowa").await;
        World {
            db,
            app,
            p1,
            p2,
            amina,
            olga,
        }
    }

    /// A counsellor of `provider`.
    pub fn counsellor(&self, provider: ProviderId) -> Caller {
        let id = if provider == self.p1 { 1 } else { 2 };
        Caller::new(
            Principal {
                user_id: user(id),
                role: Role::Counsellor,
                provider_id: Some(provider),
            },
            Actor::user(user(id), format!("berater{id}@example.org")),
        )
    }

    /// The installation admin, who belongs to no provider.
    pub fn admin(&self) -> Caller {
        Caller::new(
            Principal {
                user_id: user(9),
                role: Role::Admin,
                provider_id: None,
            },
            Actor::user(user(9), "admin@example.org"),
        )
    }

    /// Whether an audit entry of `provider` ends with `entity detail`.
    pub async fn audited(&self, provider: ProviderId, entity_detail: &str) -> bool {
        self.app
            .store
            .audit_entries(Some(provider), 50)
            .await
            .expect("the audit log")
            .iter()
            .any(|e| format!("{} {}", e.entity, e.detail) == entity_detail)
    }
}

async fn provider(app: &App, name: &str) -> ProviderId {
    app.store
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse(name).expect("a provider name"),
                state: State::NW,
            },
        )
        .await
        .expect("a provider")
        .id
}

async fn participant(
    app: &App,
    provider: ProviderId,
    given: &str,
    family: &str,
) -> ParticipantRecord {
    let draft = ParticipantDraft {
        given_name: given.into(),
        family_name: family.into(),
        email: format!("{}@example.org", given.to_lowercase()),
        mother_tongue: "ar".into(),
        german_level: "B1".into(),
        preferred_channel: "phone".into(),
        kldb: "81302".into(),
        recognition_status: "partial".into(),
        weekly_hours: "30".into(),
        ..ParticipantDraft::default()
    };
    let data = draft.validate(2026).expect("a valid participant");
    app.store
        .create_participant(&Actor::system(), provider, None, data)
        .await
        .expect("a participant")
}

/// The field and code of an `Invalid` error with one entry.
pub fn invalid<T: std::fmt::Debug>(
    r: Result<T, lernweg_app::AppError>,
) -> (&'static str, &'static str) {
    match r {
        Err(lernweg_app::AppError::Invalid(list)) if list.len() == 1 => {
            (list[0].field, list[0].code)
        }
        other => panic!("expected one invalid field, got {other:?}"),
    }
}
