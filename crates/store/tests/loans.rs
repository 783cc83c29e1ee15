//! Device loans against a real database: inventory, one open loan per device, date rules,
//! tenancy of the participant, return and the overdue list.

use chrono::NaiveDate;
use lernweg_domain::{ProviderId, ProviderName, State};
use lernweg_participants::ParticipantDraft;
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, NewDevice, NewLoan, NewProvider, StoreError};

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

fn laptop(label: &str) -> NewDevice {
    NewDevice {
        kind: "laptop".into(),
        label: label.into(),
        serial: "SN-1".into(),
        note: String::new(),
    }
}

fn invalid_field(
    r: &Result<lernweg_store::Loan, StoreError>,
) -> Option<(&'static str, &'static str)> {
    match r {
        Err(StoreError::Invalid(e)) => Some((e.field, e.code)),
        _ => None,
    }
}

#[tokio::test]
async fn devices_are_lent_once_at_a_time_returned_and_overdue() {
    let db = TestDb::new().await;
    let s = &db.store;
    let actor = Actor::system();
    let p1 = provider(&db, "Träger Eins").await;
    let p2 = provider(&db, "Träger Zwei").await;
    let amina = s
        .create_participant(&actor, p1, None, data("Amina", "Haddad"))
        .await
        .unwrap();
    let stranger = s
        .create_participant(&actor, p2, None, data("Olga", "Kusnezowa"))
        .await
        .unwrap();

    // Inventory rules.
    let bad = s
        .create_device(
            &actor,
            p1,
            NewDevice {
                kind: "phone".into(),
                ..laptop("X")
            },
        )
        .await;
    assert!(matches!(bad, Err(StoreError::Invalid(ref e)) if e.field == "kind"));
    let bad = s.create_device(&actor, p1, laptop("  ")).await;
    assert!(matches!(bad, Err(StoreError::Invalid(ref e)) if e.field == "label"));
    let device = s
        .create_device(&actor, p1, laptop("Laptop 1"))
        .await
        .unwrap();
    assert!(device.active);
    s.create_device(&actor, p2, laptop("Fremd")).await.unwrap();
    assert_eq!(s.devices(Some(p1)).await.unwrap().len(), 1);
    assert_eq!(s.devices(None).await.unwrap().len(), 2);

    let loan = |participant, lent_on, due_on| NewLoan {
        device_id: device.id.clone(),
        participant_id: participant,
        lent_on,
        due_on,
        note: String::new(),
    };

    // Due date before the lending date.
    let r = s
        .lend_device(&actor, loan(amina.id, date(2026, 3, 10), date(2026, 3, 9)))
        .await;
    assert_eq!(invalid_field(&r), Some(("due_on", "before_lent_on")));
    // Another provider's participant.
    let r = s
        .lend_device(
            &actor,
            loan(stranger.id, date(2026, 3, 1), date(2026, 3, 9)),
        )
        .await;
    assert_eq!(
        invalid_field(&r),
        Some(("participant_id", "unknown_participant"))
    );

    let open = s
        .lend_device(&actor, loan(amina.id, date(2026, 3, 1), date(2026, 3, 31)))
        .await
        .unwrap();
    assert!(open.is_open());
    assert!(!open.is_overdue(date(2026, 3, 31)));
    assert!(open.is_overdue(date(2026, 4, 1)));
    assert_eq!(
        s.open_loan_of(&device.id).await.unwrap().unwrap().id,
        open.id
    );
    // A second open loan of the same device is refused.
    let r = s
        .lend_device(&actor, loan(amina.id, date(2026, 3, 2), date(2026, 3, 31)))
        .await;
    assert_eq!(invalid_field(&r), Some(("device_id", "already_lent")));

    let overdue = s.overdue_loans(Some(p1), date(2026, 4, 2)).await.unwrap();
    assert_eq!(overdue.len(), 1);
    assert!(
        s.overdue_loans(Some(p2), date(2026, 4, 2))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(
        s.overdue_loans(Some(p1), date(2026, 3, 15))
            .await
            .unwrap()
            .is_empty()
    );

    // Return: not before the lending date, only once.
    let r = s.return_loan(&actor, &open.id, date(2026, 2, 28)).await;
    assert_eq!(invalid_field(&r), Some(("returned_on", "before_lent_on")));
    let back = s
        .return_loan(&actor, &open.id, date(2026, 4, 3))
        .await
        .unwrap();
    assert_eq!(back.returned_on, Some(date(2026, 4, 3)));
    assert!(!back.is_overdue(date(2026, 5, 1)));
    let r = s.return_loan(&actor, &open.id, date(2026, 4, 4)).await;
    assert_eq!(invalid_field(&r), Some(("returned_on", "already_returned")));
    assert!(
        s.overdue_loans(Some(p1), date(2026, 5, 1))
            .await
            .unwrap()
            .is_empty()
    );
    assert!(s.open_loan_of(&device.id).await.unwrap().is_none());

    // After the return the device can be lent again; an inactive device cannot.
    s.lend_device(&actor, loan(amina.id, date(2026, 4, 3), date(2026, 4, 3)))
        .await
        .unwrap();
    assert_eq!(s.loans(Some(p1)).await.unwrap().len(), 2);
    let mine = s.loans_of(amina.id).await.unwrap();
    assert_eq!(mine.len(), 2);
    assert_eq!(mine[0].lent_on, date(2026, 4, 3), "newest first");
    assert!(s.loans_of(stranger.id).await.unwrap().is_empty());
    let second = s
        .create_device(&actor, p1, laptop("Laptop 2"))
        .await
        .unwrap();
    let inactive = s
        .set_device_active(&actor, &second.id, false)
        .await
        .unwrap();
    assert!(!inactive.active);
    let r = s
        .lend_device(
            &actor,
            NewLoan {
                device_id: second.id.clone(),
                ..loan(amina.id, date(2026, 4, 3), date(2026, 4, 30))
            },
        )
        .await;
    assert_eq!(invalid_field(&r), Some(("device_id", "inactive")));
    assert!(matches!(s.loan("nope").await, Err(StoreError::NotFound)));

    // Erasing the participant (GDPR) removes their loans; the device is free again.
    s.erase_participant(&actor, amina.id).await.unwrap();
    assert!(s.loans(Some(p1)).await.unwrap().is_empty());
    assert!(s.open_loan_of(&device.id).await.unwrap().is_none());
    assert!(matches!(s.device("nope").await, Err(StoreError::NotFound)));
}
