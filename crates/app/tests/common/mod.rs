//! A fresh database per test (SQLite, or PostgreSQL with `LERNWEG_TEST_POSTGRES_URL`), a
//! clock fixed on Friday 15 January 2027, two providers and their staff.

#![allow(dead_code)]

use chrono::NaiveDate;
use lernweg_app::{App, Caller, Clock};
use lernweg_domain::{Email, Principal, ProviderName, Role, State};
use lernweg_offers::OfferDraft;
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, NewProvider, NewUser, Provider, User};
use serde_json::json;

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day the tests run on: Friday, 15 January 2027.
pub fn today() -> NaiveDate {
    date(2027, 1, 15)
}

pub struct Fixture {
    pub db: TestDb,
    pub app: App,
    /// In Nordrhein-Westfalen.
    pub p1: Provider,
    /// In Bayern.
    pub p2: Provider,
    pub coordinator: Caller,
    pub trainer: User,
    pub other_coordinator: Caller,
    pub admin: Caller,
}

impl Fixture {
    pub async fn new() -> Fixture {
        let db = TestDb::new().await;
        let store = db.store.clone().with_clock(Clock::fixed_day(today()));
        let app = App::new(store.clone());
        let actor = Actor::system();
        let provider = |name: &str, state| NewProvider {
            name: ProviderName::parse(name).unwrap(),
            state,
        };
        let p1 = store
            .create_provider(&actor, provider("Träger Eins", State::NW))
            .await
            .unwrap();
        let p2 = store
            .create_provider(&actor, provider("Träger Zwei", State::BY))
            .await
            .unwrap();
        let mut users = Vec::new();
        for (email, role, p) in [
            ("koordination@eins.example", Role::Coordinator, Some(p1.id)),
            ("trainer@eins.example", Role::Trainer, Some(p1.id)),
            ("koordination@zwei.example", Role::Coordinator, Some(p2.id)),
            ("admin@lernweg.example", Role::Admin, None),
        ] {
            let new = NewUser {
                email: Email::parse(email).unwrap(),
                display_name: email.to_owned(),
                role,
                provider_id: p,
                password: None,
            };
            users.push(store.create_user(&actor, new).await.unwrap());
        }
        let [coordinator, trainer, other, admin] = users.try_into().ok().unwrap();
        Fixture {
            db,
            app,
            p1,
            p2,
            coordinator: caller(&coordinator),
            trainer,
            other_coordinator: caller(&other),
            admin: caller(&admin),
        }
    }

    /// The trainer as a caller.
    pub fn trainer_caller(&self) -> Caller {
        caller(&self.trainer)
    }
}

pub fn caller(u: &User) -> Caller {
    Caller::new(
        Principal {
            user_id: u.id,
            role: u.role,
            provider_id: u.provider_id,
        },
        Actor::user(u.id, u.email.to_string()),
    )
}

/// A valid evening course: Tuesdays 18–21, 30 hours, an exam, kick-off and closing in presence.
pub fn draft() -> OfferDraft {
    let tuesday = json!({"weekday": "tue", "start": "18:00", "end": "21:00"});
    let place = json!({"name": "Lernzentrum Süd", "street": "Ringstraße 5", "zip": "50667",
        "city": "Köln", "step_free": true});
    serde_json::from_value(json!({
        "title": "Pflegedeutsch am Abend", "goal": "adaptation_qualification", "kldb": "81302",
        "target_group": "Pflegekräfte im Anerkennungsverfahren",
        "description": "Sie lernen Deutsch für die Pflege. Der Kurs ist am Abend. Sie können weiter arbeiten.",
        "delivery_modes": ["online_live", "presence"],
        "kickoff_in_presence": true, "closing_in_presence": true,
        "time_model": {"kind": "evening_course", "evenings": [tuesday]},
        "modules": [{"title": "Pflegedeutsch", "hours": 30, "milestone": "Modulzertifikat"}],
        "exams": [{"after_module": 1, "title": "Sprachprüfung", "hours": 3}],
        "location": place, "costs_eur": "0", "capacity": "16",
        "contact_name": "Jonas Weber", "contact_email": "j.weber@traeger.example"
    }))
    .unwrap()
}
