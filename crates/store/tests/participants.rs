//! Participants, consents, contact log, readiness checks, enrolments and erasure against a
//! real database.

use chrono::NaiveDate;
use lernweg_domain::{CohortStatus, Email, ProviderName, Role, State};
use lernweg_participants::{
    ConsentScope, ContactChannel, DropoutReason, EnrolmentEvent, EnrolmentStatus, ParticipantDraft,
    PauseReason, ReadinessAnswers,
};
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, NewCohort, NewContact, NewProvider, NewUser, StoreError};

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

struct Fixture {
    db: TestDb,
    provider: lernweg_domain::ProviderId,
    counsellor: lernweg_store::User,
    cohort: lernweg_domain::CohortId,
}

async fn fixture() -> Fixture {
    let db = TestDb::new().await;
    let s = &db.store;
    let p = s
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse("Träger").unwrap(),
                state: State::NW,
            },
        )
        .await
        .unwrap();
    let counsellor = s
        .create_user(
            &Actor::system(),
            NewUser {
                email: Email::parse("b@t.example").unwrap(),
                display_name: "Beratung".into(),
                role: Role::Counsellor,
                provider_id: Some(p.id),
                password: None,
            },
        )
        .await
        .unwrap();
    let draft: lernweg_offers::OfferDraft = serde_json::from_value(serde_json::json!({
        "title": "Fachsprache Pflege", "goal": "language_support", "kldb": "81302", "target_group": "Pflegekräfte",
        "delivery_modes": ["online_live"], "time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}]},
        "modules": [{"title": "Fachsprache", "hours": 30}], "costs_eur": 0, "capacity": 12,
        "contact_name": "A", "contact_email": "a@t.example"
    }))
    .unwrap();
    let rec = s
        .create_offer(&Actor::system(), p.id, draft.validate().unwrap())
        .await
        .unwrap();
    let new = NewCohort {
        planning: Default::default(),
        offer_id: rec.id,
        name: "Frühjahr".into(),
        state: State::NW,
        start_date: date(2027, 3, 2),
        room: String::new(),
        online_link: String::new(),
        trainers: vec![],
    };
    let cohort = s.create_cohort(&Actor::system(), new, &[]).await.unwrap();
    s.set_cohort_status(&Actor::system(), cohort.id, CohortStatus::Published)
        .await
        .unwrap();
    Fixture {
        provider: p.id,
        counsellor,
        cohort: cohort.id,
        db,
    }
}

#[tokio::test]
async fn participants_round_trip_with_contact_person_consents_and_log() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::user(f.counsellor.id, "b@t.example");
    let p = s
        .create_participant(
            &actor,
            f.provider,
            Some(f.counsellor.id),
            data("Amina", "Haddad"),
        )
        .await
        .unwrap();
    assert_eq!(p.contact_person_id, Some(f.counsellor.id));
    assert_eq!(p.data.family_name, "Haddad");
    assert_eq!(s.participants(Some(f.provider)).await.unwrap().len(), 1);

    // A contact person must be staff of the provider.
    let outsider = s
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse("Andere").unwrap(),
                state: State::BY,
            },
        )
        .await
        .unwrap();
    let stranger = s
        .create_user(
            &Actor::system(),
            NewUser {
                email: Email::parse("x@t.example").unwrap(),
                display_name: "X".into(),
                role: Role::Counsellor,
                provider_id: Some(outsider.id),
                password: None,
            },
        )
        .await
        .unwrap();
    let wrong = s
        .update_participant(&actor, p.id, Some(stranger.id), p.data.clone())
        .await;
    assert!(
        matches!(wrong, Err(StoreError::Invalid(ref e)) if e.field == "contact_person_id"),
        "{wrong:?}"
    );

    let c = s
        .add_consent(&actor, p.id, ConsentScope::HealthData, date(2026, 11, 2))
        .await
        .unwrap();
    s.withdraw_consent(&actor, p.id, &c.id, date(2026, 12, 1))
        .await
        .unwrap();
    let consents = s.consents(p.id).await.unwrap();
    assert_eq!(consents[0].withdrawn_on, Some(date(2026, 12, 1)));

    s.add_contact(
        &actor,
        p.id,
        NewContact {
            on_date: date(2026, 11, 3),
            channel: ContactChannel::Phone,
            topic: "Erstgespräch".into(),
            note: "Schichtplan besprochen".into(),
        },
    )
    .await
    .unwrap();
    assert!(
        s.add_contact(
            &actor,
            p.id,
            NewContact {
                on_date: date(2026, 11, 3),
                channel: ContactChannel::Phone,
                topic: " ".into(),
                note: String::new()
            }
        )
        .await
        .is_err()
    );
    assert_eq!(s.contacts(p.id).await.unwrap().len(), 1);

    let answers = ReadinessAnswers {
        free_hours_per_week: Some(6.0),
        ..Default::default()
    };
    let result = lernweg_participants::readiness::evaluate(&answers, false, Some(8.0)).unwrap();
    s.add_readiness_check(&actor, p.id, date(2026, 11, 3), &answers, &result)
        .await
        .unwrap();
    let checks = s.readiness_checks(p.id).await.unwrap();
    assert_eq!(checks.len(), 1);
    assert_eq!(checks[0].answers.free_hours_per_week, Some(6.0));
    assert!(checks[0].result.get("overall").is_some());
}

#[tokio::test]
async fn enrolments_follow_the_lifecycle_and_keep_their_history() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    let p = s
        .create_participant(
            &actor,
            f.provider,
            Some(f.counsellor.id),
            data("Oleh", "Bondarenko"),
        )
        .await
        .unwrap();
    let e = s.enrol(&actor, p.id, f.cohort).await.unwrap();
    assert_eq!(e.status, EnrolmentStatus::Interested);
    assert!(matches!(
        s.enrol(&actor, p.id, f.cohort).await,
        Err(StoreError::Conflict(_))
    ));

    // Skipping counselling is refused with the rule's code.
    let refused = s
        .apply_enrolment_event(&actor, e.id, date(2027, 1, 5), EnrolmentEvent::Enrol)
        .await;
    assert!(
        matches!(refused, Err(StoreError::Invalid(ref err)) if err.field == "event"),
        "{refused:?}"
    );

    for (on, ev) in [
        (date(2027, 1, 5), EnrolmentEvent::Counsel),
        (date(2027, 1, 12), EnrolmentEvent::Enrol),
        (date(2027, 3, 2), EnrolmentEvent::Activate),
        (
            date(2027, 5, 4),
            EnrolmentEvent::Pause {
                reason: PauseReason::Family,
                expected_return: date(2027, 6, 1),
                note: None,
            },
        ),
        (date(2027, 6, 1), EnrolmentEvent::Resume),
    ] {
        s.apply_enrolment_event(&actor, e.id, on, ev).await.unwrap();
    }
    // Dates may not go backwards.
    assert!(
        s.apply_enrolment_event(
            &actor,
            e.id,
            date(2027, 5, 1),
            EnrolmentEvent::Complete {
                stayed_employed: Some(true)
            }
        )
        .await
        .is_err()
    );
    let done = s
        .apply_enrolment_event(
            &actor,
            e.id,
            date(2027, 9, 1),
            EnrolmentEvent::Drop {
                reason: DropoutReason::JobChange,
                text: None,
                stayed_employed: Some(true),
            },
        )
        .await
        .unwrap();
    assert_eq!(done.status, EnrolmentStatus::Dropped);
    assert_eq!(done.stayed_employed, Some(true));
    let history = s.enrolment_history(e.id).await.unwrap();
    assert_eq!(history.len(), 6);
    assert_eq!(history[3].to, EnrolmentStatus::Paused);
    assert_eq!(s.enrolments_in(f.cohort).await.unwrap().len(), 1);
}

#[tokio::test]
async fn no_start_and_no_return_from_a_pause_without_a_contact_person() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    let missing = |r: Result<lernweg_store::Enrolment, StoreError>| match r {
        Err(StoreError::Invalid(e)) => (e.field, e.code),
        other => panic!("expected a refusal, got {other:?}"),
    };
    let p = s
        .create_participant(&actor, f.provider, None, data("Lina", "Haddad"))
        .await
        .unwrap();
    let e = s.enrol(&actor, p.id, f.cohort).await.unwrap();
    // Counselling and enrolment need no contact person yet.
    for (on, ev) in [
        (date(2027, 1, 5), EnrolmentEvent::Counsel),
        (date(2027, 1, 12), EnrolmentEvent::Enrol),
    ] {
        s.apply_enrolment_event(&actor, e.id, on, ev).await.unwrap();
    }
    let start = date(2027, 3, 2);
    let refused = s
        .apply_enrolment_event(&actor, e.id, start, EnrolmentEvent::Activate)
        .await;
    assert_eq!(missing(refused), ("contact_person_id", "missing"));
    // Nothing was written.
    assert_eq!(
        s.enrolment(e.id).await.unwrap().status,
        EnrolmentStatus::Enrolled
    );
    assert_eq!(s.enrolment_history(e.id).await.unwrap().len(), 2);
    // An impossible step is still refused by the lifecycle rule first.
    let refused = s
        .apply_enrolment_event(&actor, e.id, start, EnrolmentEvent::Resume)
        .await;
    assert_eq!(missing(refused).0, "event");

    // With a contact person the participation starts.
    let data_now = s.participant(p.id).await.unwrap().data;
    s.update_participant(&actor, p.id, Some(f.counsellor.id), data_now.clone())
        .await
        .unwrap();
    let active = s
        .apply_enrolment_event(&actor, e.id, start, EnrolmentEvent::Activate)
        .await
        .unwrap();
    assert_eq!(active.status, EnrolmentStatus::Active);
    s.apply_enrolment_event(
        &actor,
        e.id,
        date(2027, 5, 4),
        EnrolmentEvent::Pause {
            reason: PauseReason::Family,
            expected_return: date(2027, 6, 1),
            note: None,
        },
    )
    .await
    .unwrap();
    // While paused the participant keeps the contact person: taking it away is refused.
    let kept = s.update_participant(&actor, p.id, None, data_now).await;
    assert!(
        matches!(&kept, Err(StoreError::Invalid(e)) if e.field == "contact_person_id" && e.code == "required_while_active"),
        "{kept:?}"
    );
    assert_eq!(
        s.participant(p.id).await.unwrap().contact_person_id,
        Some(f.counsellor.id)
    );
    let back = s
        .apply_enrolment_event(&actor, e.id, date(2027, 6, 1), EnrolmentEvent::Resume)
        .await
        .unwrap();
    assert_eq!(back.status, EnrolmentStatus::Active);
}

#[tokio::test]
async fn erasure_removes_personal_data_and_keeps_anonymous_statistics() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    let p = s
        .create_participant(
            &actor,
            f.provider,
            Some(f.counsellor.id),
            data("Leyla", "Yilmaz"),
        )
        .await
        .unwrap();
    s.add_consent(
        &actor,
        p.id,
        ConsentScope::DataProcessing,
        date(2026, 11, 2),
    )
    .await
    .unwrap();
    s.add_contact(
        &actor,
        p.id,
        NewContact {
            on_date: date(2026, 11, 3),
            channel: ContactChannel::Email,
            topic: "Frage".into(),
            note: "privat".into(),
        },
    )
    .await
    .unwrap();
    let e = s.enrol(&actor, p.id, f.cohort).await.unwrap();
    s.apply_enrolment_event(&actor, e.id, date(2027, 1, 5), EnrolmentEvent::Counsel)
        .await
        .unwrap();

    s.erase_participant(&actor, p.id).await.unwrap();
    assert!(matches!(
        s.participant(p.id).await,
        Err(StoreError::NotFound)
    ));
    assert!(s.consents(p.id).await.unwrap().is_empty());
    assert!(s.contacts(p.id).await.unwrap().is_empty());
    assert!(s.enrolments_of(p.id).await.unwrap().is_empty());
    assert_eq!(s.erased_participant_count(f.provider).await.unwrap(), 1);
    let log = s.audit_entries(Some(f.provider), 100).await.unwrap();
    assert!(
        log.iter()
            .any(|e| e.action == "delete" && e.entity == "participant")
    );
    assert!(
        log.iter().all(|e| !e.detail.contains("Yilmaz")),
        "no personal data in the audit log"
    );
}

#[tokio::test]
async fn purge_erases_finished_records_after_the_retention_period() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    assert_eq!(s.retention_months(f.provider).await.unwrap(), 24);
    assert!(s.set_retention_months(&actor, f.provider, 0).await.is_err());
    s.set_retention_months(&actor, f.provider, 12)
        .await
        .unwrap();

    let finished = s
        .create_participant(
            &actor,
            f.provider,
            Some(f.counsellor.id),
            data("Nadia", "Karimi"),
        )
        .await
        .unwrap();
    let e = s.enrol(&actor, finished.id, f.cohort).await.unwrap();
    for (on, ev) in [
        (date(2027, 1, 5), EnrolmentEvent::Counsel),
        (date(2027, 1, 12), EnrolmentEvent::Enrol),
        (date(2027, 3, 2), EnrolmentEvent::Activate),
        (
            date(2027, 10, 1),
            EnrolmentEvent::Complete {
                stayed_employed: Some(true),
            },
        ),
    ] {
        s.apply_enrolment_event(&actor, e.id, on, ev).await.unwrap();
    }
    let running = s
        .create_participant(&actor, f.provider, None, data("Omar", "Saleh"))
        .await
        .unwrap();
    let e2 = s.enrol(&actor, running.id, f.cohort).await.unwrap();
    for (on, ev) in [
        (date(2027, 1, 5), EnrolmentEvent::Counsel),
        (date(2027, 1, 12), EnrolmentEvent::Enrol),
    ] {
        s.apply_enrolment_event(&actor, e2.id, on, ev)
            .await
            .unwrap();
    }

    // Not yet: 11 months after the end.
    assert!(
        s.due_for_erasure(date(2028, 9, 1))
            .await
            .unwrap()
            .is_empty()
    );
    let due = s.due_for_erasure(date(2028, 10, 2)).await.unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].participant, finished.id);
    assert_eq!(s.purge(&actor, date(2028, 10, 2)).await.unwrap(), 1);
    assert!(s.participant(finished.id).await.is_err());
    assert!(
        s.participant(running.id).await.is_ok(),
        "running participations stay"
    );
    assert_eq!(s.erased_participant_count(f.provider).await.unwrap(), 1);
}

#[tokio::test]
async fn readiness_checks_keep_the_offer_hours_they_were_evaluated_against() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::system();
    let p = s
        .create_participant(&actor, f.provider, None, data("Lina", "Aziz"))
        .await
        .unwrap();
    let answers = ReadinessAnswers {
        free_hours_per_week: Some(6.0),
        ..Default::default()
    };
    let against = lernweg_store::CheckedAgainst {
        offer_hours: Some(7.5),
        cohort_id: Some(f.cohort),
    };
    let result = lernweg_participants::evaluate(&answers, false, against.offer_hours).unwrap();
    let stored = s
        .add_readiness_check_against(&actor, p.id, date(2026, 11, 3), &answers, &result, against)
        .await
        .unwrap();
    assert_eq!(stored.offer_hours, Some(7.5));
    assert_eq!(stored.cohort_id, Some(f.cohort));
    // Without offer hours both stay empty.
    s.add_readiness_check(&actor, p.id, date(2026, 11, 4), &answers, &result)
        .await
        .unwrap();
    let checks = s.readiness_checks(p.id).await.unwrap();
    assert_eq!(
        checks
            .iter()
            .map(|c| (c.offer_hours, c.cohort_id))
            .collect::<Vec<_>>(),
        [(Some(7.5), Some(f.cohort)), (None, None)]
    );
}

#[tokio::test]
async fn a_participant_and_its_consents_are_written_together_or_not_at_all() {
    let f = fixture().await;
    let s = &f.db.store;
    let actor = Actor::user(f.counsellor.id, "b@t.example");
    let given = date(2026, 3, 2);
    let p = s
        .create_participant_with_consents(
            &actor,
            f.provider,
            Some(f.counsellor.id),
            data("Amina", "Haddad"),
            &[
                (ConsentScope::DataProcessing, given),
                (ConsentScope::HealthData, given),
            ],
        )
        .await
        .unwrap();
    let consents = s.consents(p.id).await.unwrap();
    let scopes: Vec<_> = consents.iter().map(|c| (c.scope, c.given_on)).collect();
    assert_eq!(
        scopes,
        [
            (ConsentScope::DataProcessing, given),
            (ConsentScope::HealthData, given)
        ]
    );

    // When the consent cannot be written, the participant is not written either.
    f.db.execute("ALTER TABLE consents RENAME TO consents_gone")
        .await;
    let failed = s
        .create_participant_with_consents(
            &actor,
            f.provider,
            Some(f.counsellor.id),
            data("Olena", "Kovalenko"),
            &[(ConsentScope::DataProcessing, given)],
        )
        .await;
    assert!(failed.is_err(), "{failed:?}");
    let names: Vec<_> = s
        .participants(Some(f.provider))
        .await
        .unwrap()
        .into_iter()
        .map(|p| p.data.family_name)
        .collect();
    assert_eq!(names, ["Haddad"]);
}
