//! Two providers with participants, a counsellor, two cohorts and enrolments: the data the
//! participant list tests search and filter. Not every test reads every part.
#![allow(dead_code)]

use chrono::NaiveDate;
use lernweg_domain::{CohortId, Email, ProviderId, ProviderName, Role, State};
use lernweg_participants::{EnrolmentEvent, ParticipantData, ParticipantDraft};
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, NewCohort, NewProvider, NewUser, ParticipantRecord, User};

pub fn person(given: &str, family: &str, email: &str, phone: &str) -> ParticipantData {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": given, "family_name": family, "email": email, "phone": phone,
    }))
    .unwrap();
    draft.validate(2026).unwrap()
}

pub struct People {
    pub db: TestDb,
    pub provider: ProviderId,
    pub other_provider: ProviderId,
    pub counsellor: User,
    pub spring: CohortId,
    pub autumn: CohortId,
    /// Ayşe Öztürk: contact person the counsellor, counselled in spring.
    pub ayse: ParticipantRecord,
    /// Jonas Becker: interested in autumn.
    pub jonas: ParticipantRecord,
    /// Amina Haddad: no e-mail address, no enrolment.
    pub amina: ParticipantRecord,
}

async fn provider(db: &TestDb, name: &str) -> ProviderId {
    db.store
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse(name).unwrap(),
                state: State::NW,
            },
        )
        .await
        .unwrap()
        .id
}

pub async fn cohort(db: &TestDb, provider: ProviderId, name: &str) -> CohortId {
    let s = &db.store;
    let draft: lernweg_offers::OfferDraft = serde_json::from_value(serde_json::json!({
        "title": "Fachsprache Pflege", "goal": "language_support", "kldb": "81302", "target_group": "Pflegekräfte",
        "delivery_modes": ["online_live"], "time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}]},
        "modules": [{"title": "Fachsprache", "hours": 30}], "costs_eur": 0, "capacity": 12,
        "contact_name": "A", "contact_email": "a@t.example"
    }))
    .unwrap();
    let offer = s
        .create_offer(&Actor::system(), provider, draft.validate().unwrap())
        .await
        .unwrap();
    let new = NewCohort {
        planning: Default::default(),
        offer_id: offer.id,
        name: name.into(),
        state: State::NW,
        start_date: NaiveDate::from_ymd_opt(2027, 3, 2).unwrap(),
        room: String::new(),
        online_link: String::new(),
        trainers: vec![],
    };
    s.create_cohort(&Actor::system(), new, &[])
        .await
        .unwrap()
        .id
}

pub async fn people() -> People {
    let db = TestDb::new().await;
    let s = &db.store;
    let sys = Actor::system();
    let provider_id = provider(&db, "Träger").await;
    let other_provider = provider(&db, "Anderer Träger").await;
    let counsellor = s
        .create_user(
            &sys,
            NewUser {
                email: Email::parse("b@t.example").unwrap(),
                display_name: "Beratung".into(),
                role: Role::Counsellor,
                provider_id: Some(provider_id),
                password: None,
            },
        )
        .await
        .unwrap();
    let spring = cohort(&db, provider_id, "Frühjahr").await;
    let autumn = cohort(&db, provider_id, "Herbst").await;
    let ayse = s
        .create_participant(
            &sys,
            provider_id,
            Some(counsellor.id),
            person("Ayşe", "ÖZTÜRK", "ayse@example.org", "0170 1234567"),
        )
        .await
        .unwrap();
    let jonas = s
        .create_participant(
            &sys,
            provider_id,
            None,
            person("Jonas", "Becker", "jonas@example.org", ""),
        )
        .await
        .unwrap();
    let amina = s
        .create_participant(&sys, provider_id, None, person("Amina", "Haddad", "", ""))
        .await
        .unwrap();
    s.create_participant(
        &sys,
        other_provider,
        None,
        person("Özlem", "Öztürk", "oezlem@example.org", ""),
    )
    .await
    .unwrap();
    let e = s.enrol(&sys, ayse.id, spring).await.unwrap();
    let day = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
    s.apply_enrolment_event(&sys, e.id, day, EnrolmentEvent::Counsel)
        .await
        .unwrap();
    s.enrol(&sys, jonas.id, autumn).await.unwrap();
    People {
        db,
        provider: provider_id,
        other_provider,
        counsellor,
        spring,
        autumn,
        ayse,
        jonas,
        amina,
    }
}
