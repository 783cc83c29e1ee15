//! Offers, cohorts, timetable edits and feed tokens against a real database.

use chrono::NaiveDate;
use lernweg_domain::{CohortStatus, ProviderName, State};
use lernweg_offers::{Offer, OfferDraft};
use lernweg_planner::{ClockTime, PlanOptions, plan};
use lernweg_store::testing::TestDb;
use lernweg_store::{
    Actor, FeedKind, NewCohort, NewProvider, NewSession, SessionMove, SessionStatus, StoreError,
};

fn offer() -> Offer {
    let draft: OfferDraft = serde_json::from_value(serde_json::json!({
        "title": "Fachsprache Pflege berufsbegleitend",
        "goal": "adaptation_qualification",
        "kldb": "81302",
        "target_group": "Pflegefachkräfte mit teilweiser Anerkennung",
        "description": "Sie lernen die Sprache im Beruf. Der Kurs ist am Abend.",
        "delivery_modes": ["online_live", "presence"],
        "kickoff_in_presence": true,
        "closing_in_presence": true,
        "time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}]},
        "modules": [{"title": "Fachsprache", "hours": 30, "milestone": "Modulzertifikat"}],
        "exams": [{"after_module": 1, "title": "Abschlussprüfung", "hours": 3}],
        "location": {"name": "Bildungszentrum", "street": "Hauptstraße 1", "zip": "80331", "city": "München", "step_free": true},
        "costs_eur": 0, "capacity": 16,
        "contact_name": "Aylin Demir", "contact_email": "a.demir@traeger.example"
    }))
    .unwrap();
    draft.validate().unwrap()
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

async fn setup() -> (TestDb, lernweg_store::OfferRecord) {
    let db = TestDb::new().await;
    let p = db
        .store
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse("Träger").unwrap(),
                state: State::BY,
            },
        )
        .await
        .unwrap();
    let rec = db
        .store
        .create_offer(&Actor::system(), p.id, offer())
        .await
        .unwrap();
    (db, rec)
}

fn planned(o: &Offer, start: NaiveDate) -> Vec<NewSession> {
    let p = plan(&o.to_spec(start, State::BY), &PlanOptions::default()).unwrap();
    p.sessions.iter().map(NewSession::from_planned).collect()
}

#[tokio::test]
async fn offers_round_trip_and_get_unique_slugs() {
    let (db, rec) = setup().await;
    assert_eq!(rec.offer, {
        let mut o = offer();
        o.slug = rec.offer.slug.clone();
        o
    });
    assert!(!rec.published);
    let second = db
        .store
        .create_offer(&Actor::system(), rec.provider_id, offer())
        .await
        .unwrap();
    assert_eq!(second.offer.slug, format!("{}-2", rec.offer.slug));
    assert!(
        db.store
            .published_offer_by_slug(&rec.offer.slug)
            .await
            .is_err(),
        "not published yet"
    );
    let published = db
        .store
        .set_offer_published(&Actor::system(), rec.id, true)
        .await
        .unwrap();
    assert!(published.published && published.published_at.is_some());
    assert_eq!(
        db.store
            .published_offer_by_slug(&rec.offer.slug)
            .await
            .unwrap()
            .id,
        rec.id
    );
    assert_eq!(db.store.published_offers().await.unwrap().len(), 1);
    let mut changed = rec.offer.clone();
    changed.capacity = 20;
    let updated = db
        .store
        .update_offer(&Actor::system(), rec.id, changed)
        .await
        .unwrap();
    assert_eq!(updated.offer.capacity, 20);
    assert_eq!(updated.offer.slug, rec.offer.slug, "slug kept");
}

#[tokio::test]
async fn cohorts_store_the_generated_timetable_and_follow_the_lifecycle() {
    let (db, rec) = setup().await;
    let sessions = planned(&rec.offer, date(2027, 1, 12));
    let new = NewCohort {
        planning: Default::default(),
        offer_id: rec.id,
        name: "Frühjahr 2027".into(),
        state: State::BY,
        start_date: date(2027, 1, 12),
        room: "Raum 2.14".into(),
        online_link: String::new(),
        trainers: vec![],
    };
    let c = db
        .store
        .create_cohort(&Actor::system(), new, &sessions)
        .await
        .unwrap();
    assert_eq!(c.status, CohortStatus::Draft);
    let stored = db.store.timetable(c.id).await.unwrap();
    assert_eq!(stored.len(), sessions.len());
    assert!(
        stored
            .iter()
            .all(|s| s.sequence == 0 && s.status == SessionStatus::Confirmed)
    );
    assert_eq!(c.end_date, stored.iter().map(|s| s.date).max());
    // UIDs are unique per cohort and stable.
    assert!(
        stored[0]
            .uid
            .starts_with(&c.id.as_uuid().simple().to_string())
    );

    // Draft edits need no reason.
    let first = &stored[1];
    let moved = db
        .store
        .move_session(
            &Actor::system(),
            first.id,
            SessionMove {
                date: first.date.succ_opt().unwrap(),
                start: ClockTime::parse("17:30").ok(),
                end: ClockTime::parse("20:30").ok(),
            },
            "",
        )
        .await
        .unwrap();
    assert_eq!(moved.sequence, 1);
    assert_eq!(moved.hours, 3.0);

    assert!(
        db.store
            .set_cohort_status(&Actor::system(), c.id, CohortStatus::Running)
            .await
            .is_err(),
        "no skipping"
    );
    let c = db
        .store
        .set_cohort_status(&Actor::system(), c.id, CohortStatus::Published)
        .await
        .unwrap();
    assert!(c.published_at.is_some());

    // Published: changes need a reason, and cancelled sessions stay with a higher SEQUENCE.
    let target = &stored[2];
    let no_reason = db
        .store
        .cancel_session(&Actor::system(), target.id, "  ")
        .await;
    assert!(
        matches!(no_reason, Err(StoreError::Invalid(ref e)) if e.field == "reason"),
        "{no_reason:?}"
    );
    let cancelled = db
        .store
        .cancel_session(&Actor::system(), target.id, "Lehrkraft erkrankt")
        .await
        .unwrap();
    assert_eq!(cancelled.status, SessionStatus::Cancelled);
    assert_eq!(cancelled.sequence, 1);
    assert_eq!(
        db.store.timetable(c.id).await.unwrap().len(),
        sessions.len(),
        "cancelled sessions stay"
    );
    let history = db.store.session_changes(target.id).await.unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].reason, "Lehrkraft erkrankt");

    let extra = NewSession {
        uid: "nachholtermin-1@lernweg".into(),
        ..sessions[2].clone()
    };
    let added = db
        .store
        .add_session(&Actor::system(), c.id, extra, "Nachholtermin")
        .await
        .unwrap();
    assert_eq!(added.status, SessionStatus::Confirmed);
    let regen = db
        .store
        .replace_sessions(
            &Actor::system(),
            c.id,
            date(2027, 2, 1),
            &Default::default(),
            &sessions,
        )
        .await;
    assert!(regen.is_err(), "a published timetable is not regenerated");
}

#[tokio::test]
async fn a_draft_timetable_can_be_regenerated() {
    let (db, rec) = setup().await;
    let new = NewCohort {
        planning: Default::default(),
        offer_id: rec.id,
        name: "Herbst".into(),
        state: State::BY,
        start_date: date(2027, 9, 7),
        room: String::new(),
        online_link: "https://meet.example/abc".into(),
        trainers: vec![],
    };
    let c = db
        .store
        .create_cohort(
            &Actor::system(),
            new,
            &planned(&rec.offer, date(2027, 9, 7)),
        )
        .await
        .unwrap();
    let later = planned(&rec.offer, date(2027, 10, 5));
    let c2 = db
        .store
        .replace_sessions(
            &Actor::system(),
            c.id,
            date(2027, 10, 5),
            &Default::default(),
            &later,
        )
        .await
        .unwrap();
    assert_eq!(c2.start_date, date(2027, 10, 5));
    let t = db.store.timetable(c.id).await.unwrap();
    assert_eq!(t.len(), later.len());
    assert!(t[0].date >= date(2027, 10, 5));
}

#[tokio::test]
async fn feed_tokens_work_until_revoked() {
    let (db, rec) = setup().await;
    let issued = db
        .store
        .create_feed(
            &Actor::system(),
            FeedKind::Cohort,
            "some-cohort",
            rec.provider_id,
        )
        .await
        .unwrap();
    let found = db
        .store
        .feed_by_secret(&issued.secret)
        .await
        .unwrap()
        .expect("live");
    assert_eq!(found.target_id, "some-cohort");
    assert!(db.store.feed_by_secret("wrong").await.unwrap().is_none());
    db.store
        .revoke_feed(&Actor::system(), issued.feed.id)
        .await
        .unwrap();
    assert!(
        db.store
            .feed_by_secret(&issued.secret)
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(db.store.feeds_of("some-cohort").await.unwrap().len(), 1);
}
