//! Retention against a real database: finished records are erased after the period counted
//! from their last enrolment event, records that never got a place in a cohort after the
//! period counted from their last change, and anyone enrolled, active or paused never.
//!
//! Records are written now (their `created_at`/`updated_at` carry today's clock), so the
//! tests count from days years ahead and date the "recent" activity just before those days.

use chrono::NaiveDate;
use lernweg_domain::{
    CohortId, CohortStatus, Email, ParticipantId, ProviderId, Role, State, UserId,
};
use lernweg_participants::{
    ContactChannel, DropoutReason, EnrolmentEvent, ParticipantDraft, ReadinessAnswers,
};
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, ErasureReason, NewCohort, NewContact, NewProvider, NewUser, Store};

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

struct Setup {
    provider: ProviderId,
    counsellor: UserId,
    spring: CohortId,
    autumn: CohortId,
}

async fn setup(s: &Store) -> Setup {
    let actor = Actor::system();
    let p = s
        .create_provider(
            &actor,
            NewProvider {
                name: lernweg_domain::ProviderName::parse("Träger").unwrap(),
                state: State::NW,
            },
        )
        .await
        .unwrap();
    s.set_retention_months(&actor, p.id, 12).await.unwrap();
    // Every participant has a contact person (needed before a participation starts).
    let counsellor = s
        .create_user(
            &actor,
            NewUser {
                email: Email::parse("b@t.example").unwrap(),
                display_name: "Beratung".into(),
                role: Role::Counsellor,
                provider_id: Some(p.id),
                password: None,
            },
        )
        .await
        .unwrap()
        .id;
    let draft: lernweg_offers::OfferDraft = serde_json::from_value(serde_json::json!({
        "title": "Fachsprache Pflege", "goal": "language_support", "kldb": "81302", "target_group": "Pflegekräfte",
        "delivery_modes": ["online_live"], "time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}]},
        "modules": [{"title": "Fachsprache", "hours": 30}], "costs_eur": 0, "capacity": 12,
        "contact_name": "A", "contact_email": "a@t.example"
    }))
    .unwrap();
    let offer = s
        .create_offer(&actor, p.id, draft.validate().unwrap())
        .await
        .unwrap();
    let mut cohorts = Vec::new();
    for (name, start) in [("Frühjahr", date(2027, 3, 2)), ("Herbst", date(2027, 9, 7))] {
        let c = s
            .create_cohort(
                &actor,
                NewCohort {
                    planning: Default::default(),
                    offer_id: offer.id,
                    name: name.into(),
                    state: State::NW,
                    start_date: start,
                    room: String::new(),
                    online_link: String::new(),
                    trainers: vec![],
                },
                &[],
            )
            .await
            .unwrap();
        s.set_cohort_status(&actor, c.id, CohortStatus::Published)
            .await
            .unwrap();
        cohorts.push(c.id);
    }
    Setup {
        provider: p.id,
        counsellor,
        spring: cohorts[0],
        autumn: cohorts[1],
    }
}

async fn person(s: &Store, f: &Setup, given: &str) -> ParticipantId {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": given, "family_name": "Muster", "email": format!("{}@example.org", given.to_lowercase()),
        "mother_tongue": "ar", "german_level": "B1", "preferred_channel": "phone", "kldb": "81302",
        "recognition_status": "partial", "weekly_hours": "30"
    }))
    .unwrap();
    s.create_participant(
        &Actor::system(),
        f.provider,
        Some(f.counsellor),
        draft.validate(2026).unwrap(),
    )
    .await
    .unwrap()
    .id
}

async fn events(
    s: &Store,
    p: ParticipantId,
    cohort: CohortId,
    steps: Vec<(NaiveDate, EnrolmentEvent)>,
) {
    let e = s.enrol(&Actor::system(), p, cohort).await.unwrap();
    for (on, ev) in steps {
        s.apply_enrolment_event(&Actor::system(), e.id, on, ev)
            .await
            .unwrap();
    }
}

fn reason_of(due: &[lernweg_store::DueForErasure], p: ParticipantId) -> Option<ErasureReason> {
    due.iter().find(|d| d.participant == p).map(|d| d.reason)
}

#[tokio::test]
async fn inactive_records_without_a_place_are_erased_after_their_last_change() {
    let db = TestDb::new().await;
    let s = &db.store;
    let actor = Actor::system();
    let f = setup(s).await;
    let (spring, autumn) = (f.spring, f.autumn);
    // Retention 12 months; counted back from 2031-06-01 the cut-off is 2030-06-01.
    let today = date(2031, 6, 1);
    let recent = date(2030, 9, 1);

    let interested_old = person(s, &f, "Ali").await;
    events(s, interested_old, spring, vec![]).await;
    let no_enrolment_old = person(s, &f, "Berna").await;
    let counselled_recently = person(s, &f, "Chen").await;
    events(
        s,
        counselled_recently,
        spring,
        vec![(recent, EnrolmentEvent::Counsel)],
    )
    .await;
    let contacted_recently = person(s, &f, "Dana").await;
    events(s, contacted_recently, spring, vec![]).await;
    s.add_contact(
        &actor,
        contacted_recently,
        NewContact {
            on_date: recent,
            channel: ContactChannel::Phone,
            topic: "Nachfrage".into(),
            note: String::new(),
        },
    )
    .await
    .unwrap();
    let checked_recently = person(s, &f, "Emre").await;
    let answers = ReadinessAnswers {
        free_hours_per_week: Some(6.0),
        ..Default::default()
    };
    let result = lernweg_participants::evaluate(&answers, false, None).unwrap();
    s.add_readiness_check(&actor, checked_recently, recent, &answers, &result)
        .await
        .unwrap();
    let enrolled_long_ago = person(s, &f, "Farid").await;
    events(
        s,
        enrolled_long_ago,
        spring,
        vec![
            (date(2027, 1, 5), EnrolmentEvent::Counsel),
            (date(2027, 1, 12), EnrolmentEvent::Enrol),
        ],
    )
    .await;
    let finished = person(s, &f, "Gül").await;
    events(
        s,
        finished,
        spring,
        vec![
            (date(2027, 1, 5), EnrolmentEvent::Counsel),
            (date(2027, 1, 12), EnrolmentEvent::Enrol),
            (date(2027, 3, 2), EnrolmentEvent::Activate),
            (
                date(2027, 10, 1),
                EnrolmentEvent::Complete {
                    stayed_employed: Some(true),
                },
            ),
        ],
    )
    .await;
    // Dropped in one cohort, only interested in the next: no place, so the inactive rule.
    let dropped_then_interested = person(s, &f, "Hana").await;
    events(
        s,
        dropped_then_interested,
        spring,
        vec![(
            date(2027, 2, 1),
            EnrolmentEvent::Drop {
                reason: DropoutReason::Workload,
                text: None,
                stayed_employed: Some(true),
            },
        )],
    )
    .await;
    events(s, dropped_then_interested, autumn, vec![]).await;

    assert_eq!(s.last_change(contacted_recently).await.unwrap(), recent);
    assert_eq!(s.last_change(checked_recently).await.unwrap(), recent);
    assert!(s.last_change(interested_old).await.unwrap() < date(2030, 6, 1));

    let due = s.due_for_erasure(today).await.unwrap();
    assert_eq!(
        reason_of(&due, interested_old),
        Some(ErasureReason::Inactive)
    );
    assert_eq!(
        reason_of(&due, no_enrolment_old),
        Some(ErasureReason::Inactive)
    );
    assert_eq!(
        reason_of(&due, dropped_then_interested),
        Some(ErasureReason::Inactive)
    );
    assert_eq!(reason_of(&due, finished), Some(ErasureReason::Finished));
    let fin = due.iter().find(|d| d.participant == finished).unwrap();
    assert_eq!(fin.since, date(2027, 10, 1), "finished counts from the end");
    for (p, why) in [
        (counselled_recently, "recent enrolment event"),
        (contacted_recently, "recent contact"),
        (checked_recently, "recent readiness check"),
        (enrolled_long_ago, "holds a place"),
    ] {
        assert_eq!(reason_of(&due, p), None, "{why}");
    }
    assert_eq!(due.len(), 4, "{due:?}");

    // Once the recent activity is older than the period too, only the enrolled one stays.
    let later = s.due_for_erasure(date(2031, 9, 2)).await.unwrap();
    assert_eq!(later.len(), 7, "{later:?}");
    assert!(
        s.due_for_erasure(date(2045, 1, 1))
            .await
            .unwrap()
            .iter()
            .all(|d| d.participant != enrolled_long_ago),
        "an enrolled participant is never due"
    );

    assert_eq!(s.purge(&actor, today).await.unwrap(), 4);
    assert!(s.participant(interested_old).await.is_err());
    assert!(s.participant(no_enrolment_old).await.is_err());
    assert!(s.participant(contacted_recently).await.is_ok());
    assert!(s.participant(enrolled_long_ago).await.is_ok());
    assert_eq!(s.erased_participant_count(f.provider).await.unwrap(), 4);
}
