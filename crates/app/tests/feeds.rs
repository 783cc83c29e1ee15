//! Reading calendar feeds and the cohort page through the application layer: the feed
//! behind a secret with its cancellation reasons and last change, its calendar by the
//! planner's one event rule, and the cohort page's feeds, trainers and session history
//! within the caller's provider.

mod common;

use common::{Fixture, draft};
use lernweg_app::cohorts::{self, CohortInput};
use lernweg_app::feeds::{self, FeedOwner};
use lernweg_app::{AppError, offers};
use lernweg_domain::CohortStatus;
use lernweg_planner::EventStatus;
use lernweg_planner::event::German;
use lernweg_store::{Cohort, SessionMove};

async fn setup() -> (Fixture, Cohort) {
    let f = Fixture::new().await;
    let offer = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    let input = CohortInput {
        offer_id: offer.id,
        name: "Frühjahr 2027".into(),
        start_date: common::date(2027, 3, 2),
        state: None,
        room: "Raum 1".into(),
        online_link: String::new(),
        trainers: vec![f.trainer.id],
        planning: Default::default(),
    };
    let cohort = cohorts::create(&f.app, &f.coordinator, input)
        .await
        .unwrap();
    (f, cohort)
}

#[tokio::test]
async fn a_feed_is_read_with_its_reasons_and_last_change() {
    let (f, cohort) = setup().await;
    assert!(
        feeds::feed_by_secret(&f.app, "unbekannt")
            .await
            .unwrap()
            .is_none()
    );
    let issued = feeds::create_cohort_feed(&f.app, &f.coordinator, cohort.id)
        .await
        .unwrap();
    let content = feeds::feed_by_secret(&f.app, &issued.secret)
        .await
        .unwrap()
        .expect("a live feed");
    assert_eq!(content.owner, FeedOwner::Cohort);
    assert!(content.last_change <= f.app.clock.now_utc());
    let calendar = feeds::calendar(&content, "Kurs".into(), &German);
    assert!(!calendar.events.is_empty());
    assert!(
        calendar
            .events
            .iter()
            .all(|e| e.status == EventStatus::Tentative && e.summary.starts_with("Entwurf: ")),
        "a draft is never confirmed"
    );

    cohorts::set_status(&f.app, &f.coordinator, cohort.id, CohortStatus::Published)
        .await
        .unwrap();
    let (_, sessions) = cohorts::timetable(&f.app, &f.coordinator.principal, cohort.id)
        .await
        .unwrap();
    cohorts::cancel_session(&f.app, &f.coordinator, sessions[2].id, "Lehrkraft erkrankt")
        .await
        .unwrap();
    let content = feeds::feed_by_secret(&f.app, &issued.secret)
        .await
        .unwrap()
        .unwrap();
    let reasons: Vec<_> = content.cohorts[0]
        .sessions
        .iter()
        .filter_map(|s| s.cancel_reason.as_deref())
        .collect();
    assert_eq!(reasons, ["Lehrkraft erkrankt"]);
    let calendar = feeds::calendar(&content, "Kurs".into(), &German);
    assert_eq!(
        calendar.dtstamp,
        content.last_change.naive_utc(),
        "DTSTAMP is the last change"
    );
    let cancelled: Vec<_> = calendar
        .events
        .iter()
        .filter(|e| e.status == EventStatus::Cancelled)
        .collect();
    assert_eq!(cancelled.len(), 1);
    assert!(cancelled[0].summary.starts_with("Abgesagt: "));
    assert!(
        cancelled[0]
            .description
            .as_deref()
            .unwrap()
            .starts_with("Grund: Lehrkraft erkrankt\n")
    );
    let confirmed = calendar
        .events
        .iter()
        .filter(|e| e.status == EventStatus::Confirmed)
        .count();
    assert_eq!(confirmed, calendar.events.len() - 1);

    feeds::revoke_feed(&f.app, &f.coordinator, issued.feed.id)
        .await
        .unwrap();
    assert!(
        feeds::feed_by_secret(&f.app, &issued.secret)
            .await
            .unwrap()
            .is_none()
    );

    let own = feeds::create_trainer_feed(&f.app, &f.trainer_caller())
        .await
        .unwrap();
    let content = feeds::feed_by_secret(&f.app, &own.secret)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(
        content.owner,
        FeedOwner::Trainer {
            display_name: f.trainer.display_name.clone()
        }
    );
    assert_eq!(content.cohorts.len(), 1);
}

#[tokio::test]
async fn the_cohort_page_reads_within_the_provider() {
    let (f, cohort) = setup().await;
    let issued = feeds::create_cohort_feed(&f.app, &f.coordinator, cohort.id)
        .await
        .unwrap();
    let page = cohorts::overview(&f.app, &f.coordinator.principal, cohort.id)
        .await
        .unwrap();
    assert_eq!(page.cohort.id, cohort.id);
    assert_eq!(page.offer.id, cohort.offer_id);
    assert_eq!(page.trainers, std::slice::from_ref(&f.trainer.display_name));
    assert_eq!(
        page.feeds.iter().map(|x| x.id).collect::<Vec<_>>(),
        [issued.feed.id]
    );
    assert!(!page.sessions.is_empty());
    let r = cohorts::overview(&f.app, &f.other_coordinator.principal, cohort.id).await;
    assert!(matches!(r, Err(AppError::NotFound)));

    let session = &page.sessions[0];
    let to = SessionMove {
        date: session.date.succ_opt().unwrap(),
        start: session.start,
        end: session.end,
    };
    cohorts::move_session(&f.app, &f.coordinator, session.id, to, "Raum belegt")
        .await
        .unwrap();
    let (moved, _, history) =
        cohorts::session_history(&f.app, &f.trainer_caller().principal, session.id)
            .await
            .unwrap();
    assert_eq!(moved.sequence, session.sequence + 1);
    assert_eq!(
        history
            .iter()
            .map(|c| c.reason.as_str())
            .collect::<Vec<_>>(),
        ["Raum belegt"]
    );
    let r = cohorts::session_history(&f.app, &f.other_coordinator.principal, session.id).await;
    assert!(matches!(r, Err(AppError::NotFound)));
}
