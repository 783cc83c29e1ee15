//! Counselling services and referrals with their status history against a real database.

use chrono::NaiveDate;
use lernweg_domain::{ProviderName, State};
use lernweg_participants::ParticipantDraft;
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, NewProvider, ServiceInput, StoreError};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn data(given: &str, family: &str) -> lernweg_participants::ParticipantData {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": given, "family_name": family, "email": format!("{}@example.org", given.to_lowercase()),
        "mother_tongue": "ar", "german_level": "B1", "preferred_channel": "phone", "kldb": "81302",
        "recognition_status": "partial", "weekly_hours": "30"
    }))
    .unwrap();
    draft.validate(2026).unwrap()
}

fn service(kind: &str, name: &str) -> ServiceInput {
    ServiceInput {
        kind: kind.into(),
        name: name.into(),
        contact_person: "Frau Yilmaz".into(),
        phone: "0201 123456".into(),
        email: "beratung@caritas-essen.example".into(),
        address: "Niederstraße 12, 45141 Essen".into(),
        languages: "Deutsch, Türkisch, Arabisch".into(),
        opening_hours: "Mo–Do 9–16 Uhr".into(),
        note: String::new(),
        active: true,
    }
}

async fn provider(db: &TestDb, name: &str) -> lernweg_domain::ProviderId {
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

fn code(e: StoreError) -> (String, String) {
    match e {
        StoreError::Invalid(p) => (p.field.to_string(), p.code.to_string()),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[tokio::test]
async fn services_and_referrals_follow_the_rules() {
    let db = TestDb::new().await;
    let s = &db.store;
    let a = Actor::system();
    let p1 = provider(&db, "Träger Eins").await;
    let p2 = provider(&db, "Träger Zwei").await;

    // Services: checked, listed by kind, edited.
    let debt = s
        .create_counselling_service(
            &a,
            p1,
            service("debt", "Schuldnerberatung der Caritas Essen"),
        )
        .await
        .unwrap();
    assert!(debt.active);
    let bad = s
        .create_counselling_service(&a, p1, service("astrology", "X"))
        .await
        .unwrap_err();
    assert_eq!(code(bad), ("kind".into(), "unknown_kind".into()));
    let bad = s
        .create_counselling_service(&a, p1, service("debt", "  "))
        .await
        .unwrap_err();
    assert_eq!(code(bad), ("name".into(), "required".into()));
    s.create_counselling_service(&a, p1, service("childcare", "Kita-Platzberatung Essen"))
        .await
        .unwrap();
    let other = s
        .create_counselling_service(&a, p2, service("health", "Gesundheitsamt Dortmund"))
        .await
        .unwrap();
    let mine = s.counselling_services(Some(p1)).await.unwrap();
    assert_eq!(mine.len(), 2);
    assert_eq!(mine[0].kind, "childcare");
    assert_eq!(s.counselling_services(None).await.unwrap().len(), 3);
    let mut edit = service("debt", "Schuldner- und Insolvenzberatung Caritas Essen");
    edit.active = false;
    let edited = s
        .update_counselling_service(&a, &debt.id, edit)
        .await
        .unwrap();
    assert!(!edited.active);
    assert_eq!(
        edited.name,
        "Schuldner- und Insolvenzberatung Caritas Essen"
    );
    let mut again = service("debt", "Schuldnerberatung der Caritas Essen");
    again.active = true;
    s.update_counselling_service(&a, &debt.id, again)
        .await
        .unwrap();

    // Referrals: only to a service of the participant's provider, reason at most 500.
    let amira = s
        .create_participant(&a, p1, None, data("Amira", "Haddad"))
        .await
        .unwrap();
    let refused = s
        .create_referral(
            &a,
            amira.id,
            &other.id,
            date(2026, 11, 2),
            "Krankenversicherung",
        )
        .await
        .unwrap_err();
    assert_eq!(
        code(refused),
        ("service_id".into(), "other_provider".into())
    );
    let long = "x".repeat(501);
    let refused = s
        .create_referral(&a, amira.id, &debt.id, date(2026, 11, 2), &long)
        .await
        .unwrap_err();
    assert_eq!(code(refused), ("reason".into(), "too_long".into()));
    let r = s
        .create_referral(&a, amira.id, &debt.id, date(2026, 11, 2), "Mietschulden")
        .await
        .unwrap();
    assert_eq!(r.status, "suggested");
    assert_eq!(r.provider_id, p1);

    // Status moves with history; a refused move keeps the status.
    let refused = s
        .set_referral_status(&a, &r.id, "done", date(2026, 11, 3), "")
        .await
        .unwrap_err();
    assert_eq!(code(refused), ("status".into(), "not_allowed".into()));
    s.set_referral_status(&a, &r.id, "referred", date(2026, 11, 3), "")
        .await
        .unwrap();
    s.set_referral_status(
        &a,
        &r.id,
        "appointment_made",
        date(2026, 11, 5),
        "Termin am 12.11.",
    )
    .await
    .unwrap();
    let done = s
        .set_referral_status(
            &a,
            &r.id,
            "done",
            date(2026, 11, 12),
            "Ratenplan vereinbart",
        )
        .await
        .unwrap();
    assert_eq!(done.status, "done");
    assert_eq!(done.status_changed_on, date(2026, 11, 12));
    assert_eq!(done.outcome_note, "Ratenplan vereinbart");
    let refused = s
        .set_referral_status(&a, &r.id, "declined", date(2026, 11, 13), "")
        .await
        .unwrap_err();
    assert_eq!(code(refused), ("status".into(), "not_allowed".into()));
    let history = s.referral_history(&r.id).await.unwrap();
    assert_eq!(history.len(), 3);
    assert_eq!(history[0].from, "suggested");
    assert_eq!(history[2].to, "done");

    // Declined from a non-final status; open list leaves out final ones, newest first.
    let r2 = s
        .create_referral(&a, amira.id, &debt.id, date(2026, 11, 20), "")
        .await
        .unwrap();
    let r3 = s
        .create_referral(&a, amira.id, &debt.id, date(2026, 11, 21), "")
        .await
        .unwrap();
    s.set_referral_status(&a, &r2.id, "declined", date(2026, 11, 22), "kein Bedarf")
        .await
        .unwrap();
    let open = s.referrals(Some(p1), true).await.unwrap();
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].id, r3.id);
    let all = s.referrals(Some(p1), false).await.unwrap();
    assert_eq!(all.len(), 3);
    assert_eq!(all[0].id, r3.id);
    assert!(s.referrals(Some(p2), false).await.unwrap().is_empty());
    assert_eq!(s.referrals_of(amira.id).await.unwrap().len(), 3);
    assert!(matches!(
        s.referral("nope").await,
        Err(StoreError::NotFound)
    ));

    // GDPR erasure of the participant removes the referrals and their history.
    s.erase_participant(&a, amira.id).await.unwrap();
    assert!(s.referrals(Some(p1), false).await.unwrap().is_empty());
    assert!(matches!(s.referral(&r.id).await, Err(StoreError::NotFound)));
    assert!(s.referral_history(&r.id).await.unwrap().is_empty());
    // The services stay.
    assert_eq!(s.counselling_services(Some(p1)).await.unwrap().len(), 2);
}
