//! Work patterns against a real database: set, replace, read back, refuse a bad commute,
//! delete, and erasure with the participant; every write audited without the times.

use chrono::{NaiveDate, Weekday};
use lernweg_domain::{ProviderName, State};
use lernweg_participants::{ParticipantDraft, Shift, WorkPattern};
use lernweg_planner::model::ClockTime;
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, NewProvider, StoreError, WorkPatternSource};

fn shift(day: Weekday, from: &str, to: &str) -> Shift {
    Shift::new(
        day,
        ClockTime::parse(from).unwrap(),
        ClockTime::parse(to).unwrap(),
    )
    .unwrap()
}

#[tokio::test]
async fn a_work_pattern_is_kept_replaced_and_erased_with_the_participant() {
    let db = TestDb::new().await;
    let s = &db.store;
    let actor = Actor::system();
    let provider = s
        .create_provider(
            &actor,
            NewProvider {
                name: ProviderName::parse("Träger Schicht").unwrap(),
                state: State::BY,
            },
        )
        .await
        .unwrap()
        .id;
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": "Iwan", "family_name": "Petrow", "email": "iwan@example.org"
    }))
    .unwrap();
    let p = s
        .create_participant(&actor, provider, None, draft.validate(2026).unwrap())
        .await
        .unwrap();
    assert!(matches!(s.work_pattern(p.id).await, Ok(None)));

    let fixed = WorkPattern::Fixed {
        shifts: vec![shift(Weekday::Mon, "08:00", "16:30")],
    };
    let rec = s
        .set_work_pattern(&actor, p.id, &fixed, 25, WorkPatternSource::Form)
        .await
        .unwrap();
    assert_eq!(rec.pattern, fixed);
    assert_eq!(
        (rec.travel_minutes, rec.source),
        (25, WorkPatternSource::Form)
    );

    let rotating = WorkPattern::rotating(
        NaiveDate::from_ymd_opt(2027, 1, 4).unwrap(),
        vec![
            vec![shift(Weekday::Tue, "06:00", "14:00")],
            vec![shift(Weekday::Tue, "22:00", "06:00")],
        ],
    )
    .unwrap();
    s.set_work_pattern(&actor, p.id, &rotating, 0, WorkPatternSource::Ics)
        .await
        .unwrap();
    let back = s.work_pattern(p.id).await.unwrap().unwrap();
    assert_eq!(back.pattern, rotating);
    assert_eq!(back.source, WorkPatternSource::Ics);

    // A commute beyond 5 hours is refused and changes nothing.
    let err = s
        .set_work_pattern(&actor, p.id, &fixed, 301, WorkPatternSource::Api)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(e) if e.field == "travel_minutes"));
    assert_eq!(
        s.work_pattern(p.id).await.unwrap().unwrap().pattern,
        rotating
    );

    // The audit log says that it changed, never when the person works.
    let audit = s.audit_entries(Some(provider), 50).await.unwrap();
    let entries: Vec<_> = audit
        .iter()
        .filter(|e| e.entity == "work_pattern")
        .collect();
    assert_eq!(entries.len(), 2);
    assert!(entries.iter().all(|e| !e.detail.contains(':')));

    s.delete_work_pattern(&actor, p.id).await.unwrap();
    assert!(matches!(s.work_pattern(p.id).await, Ok(None)));
    assert!(matches!(
        s.delete_work_pattern(&actor, p.id).await,
        Err(StoreError::NotFound)
    ));

    // Erasure takes the pattern with it.
    s.set_work_pattern(&actor, p.id, &fixed, 10, WorkPatternSource::Form)
        .await
        .unwrap();
    s.erase_participant(&actor, p.id).await.unwrap();
    assert!(matches!(s.work_pattern(p.id).await, Ok(None)));
}
