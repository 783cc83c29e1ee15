//! The cohort use-cases against a real database: creating a cohort plans its timetable, the
//! lifecycle moves one step at a time, published timetables change only with a reason, and
//! calendar feeds are issued and revoked within the caller's provider.

mod common;

use chrono::NaiveDate;
use common::{Fixture, date, draft};
use lernweg_app::cohorts::{self, CohortInput, ExtraSession};
use lernweg_app::{AppError, Caller, feeds, offers};
use lernweg_domain::{CohortStatus, OfferId, State};
use lernweg_planner::{ClockTime, SessionKind};
use lernweg_store::{Cohort, SessionMove, SessionRecord, SessionStatus};

fn input(offer_id: OfferId) -> CohortInput {
    CohortInput {
        offer_id,
        name: "Frühjahr 2027".into(),
        start_date: date(2027, 3, 2),
        state: None,
        room: "Raum 1".into(),
        online_link: String::new(),
        trainers: vec![],
        planning: Default::default(),
    }
}

/// The field and code of each invalid input.
fn invalid<T: std::fmt::Debug>(r: Result<T, AppError>) -> Vec<(&'static str, &'static str)> {
    match r {
        Err(AppError::Invalid(list)) => list.iter().map(|p| (p.field, p.code)).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

async fn setup() -> (Fixture, Cohort) {
    let f = Fixture::new().await;
    let offer = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    let mut new = input(offer.id);
    new.trainers = vec![f.trainer.id];
    let cohort = cohorts::create(&f.app, &f.coordinator, new).await.unwrap();
    (f, cohort)
}

fn t(s: &str) -> ClockTime {
    ClockTime::parse(s).unwrap()
}

#[tokio::test]
async fn a_new_cohort_gets_its_timetable_in_the_providers_state() {
    let (f, cohort) = setup().await;
    assert_eq!(cohort.state, State::NW, "the provider's state by default");
    assert_eq!(cohort.status, CohortStatus::Draft);
    assert_eq!(cohort.trainers, vec![f.trainer.id]);
    let (_, sessions) = cohorts::timetable(&f.app, &f.coordinator.principal, cohort.id)
        .await
        .unwrap();
    assert!(sessions.len() > 10, "{} sessions", sessions.len());
    assert_eq!(
        sessions[0].date,
        date(2027, 3, 2),
        "kick-off on the start day"
    );
    assert!(sessions.iter().any(|s| s.kind == SessionKind::Exam));
    assert_eq!(cohort.end_date, sessions.iter().map(|s| s.date).max());
    let mut bavarian = input(cohort.offer_id);
    bavarian.state = Some(State::BY);
    let c = cohorts::create(&f.app, &f.coordinator, bavarian)
        .await
        .unwrap();
    assert_eq!(c.state, State::BY);
}

#[tokio::test]
async fn only_visible_offers_get_cohorts() {
    let (f, cohort) = setup().await;
    let theirs = offers::create(&f.app, &f.other_coordinator, None, &draft())
        .await
        .unwrap();
    let r = cohorts::create(&f.app, &f.coordinator, input(theirs.id)).await;
    assert_eq!(invalid(r), vec![("offer_id", "unknown_offer")]);
    let mut nameless = input(cohort.offer_id);
    nameless.name = "  ".into();
    let r = cohorts::create(&f.app, &f.coordinator, nameless).await;
    assert_eq!(invalid(r), vec![("name", "required")]);
    let r = cohorts::create(&f.app, &f.trainer_caller(), input(cohort.offer_id)).await;
    assert!(matches!(r, Err(AppError::Forbidden)));
    let mine = cohorts::cohorts(&f.app, &f.coordinator.principal, None)
        .await
        .unwrap();
    assert_eq!(mine.len(), 1, "nothing was created");
    let r = cohorts::cohort(&f.app, &f.other_coordinator.principal, cohort.id).await;
    assert!(matches!(r, Err(AppError::NotFound)));
    assert!(
        cohorts::cohorts(&f.app, &f.other_coordinator.principal, None)
            .await
            .unwrap()
            .is_empty()
    );
}

#[tokio::test]
async fn the_status_moves_one_step_at_a_time() {
    let (f, cohort) = setup().await;
    let r = cohorts::set_status(&f.app, &f.coordinator, cohort.id, CohortStatus::Running).await;
    assert_eq!(invalid(r), vec![("status", "invalid_transition")]);
    let r = cohorts::set_status(
        &f.app,
        &f.other_coordinator,
        cohort.id,
        CohortStatus::Published,
    )
    .await;
    assert!(matches!(r, Err(AppError::NotFound)));
    let c = cohorts::set_status(&f.app, &f.coordinator, cohort.id, CohortStatus::Published)
        .await
        .unwrap();
    assert_eq!(c.status, CohortStatus::Published);
    assert!(c.published_at.is_some());
    let r = cohorts::replan(&f.app, &f.coordinator, cohort.id, from(date(2027, 4, 6))).await;
    assert_eq!(invalid(r), vec![("status", "not_draft")]);
}

#[tokio::test]
async fn a_draft_is_replanned_from_a_new_start() {
    let (f, cohort) = setup().await;
    let c = cohorts::replan(&f.app, &f.coordinator, cohort.id, from(date(2027, 4, 6)))
        .await
        .unwrap();
    assert_eq!(c.start_date, date(2027, 4, 6));
    let (_, sessions) = cohorts::timetable(&f.app, &f.coordinator.principal, c.id)
        .await
        .unwrap();
    assert_eq!(sessions[0].date, date(2027, 4, 6));
}

#[tokio::test]
async fn published_timetables_change_only_with_a_reason() {
    let (f, cohort) = setup().await;
    cohorts::set_status(&f.app, &f.coordinator, cohort.id, CohortStatus::Published)
        .await
        .unwrap();
    let (_, sessions) = cohorts::timetable(&f.app, &f.coordinator.principal, cohort.id)
        .await
        .unwrap();
    let lesson = sessions
        .iter()
        .find(|s| s.kind == SessionKind::Lesson)
        .unwrap();
    let to = SessionMove {
        date: lesson.date + chrono::Duration::days(1),
        start: Some(t("17:00")),
        end: Some(t("20:00")),
    };
    let r = cohorts::move_session(&f.app, &f.coordinator, lesson.id, to.clone(), " ").await;
    assert_eq!(invalid(r), vec![("reason", "required")]);
    let r = cohorts::move_session(&f.app, &f.other_coordinator, lesson.id, to.clone(), "x").await;
    assert!(matches!(r, Err(AppError::NotFound)));
    let moved = cohorts::move_session(&f.app, &f.coordinator, lesson.id, to, "Raum belegt")
        .await
        .unwrap();
    assert_eq!(moved.sequence, lesson.sequence + 1);
    assert_eq!(moved.start, Some(t("17:00")));
    let history = f.app.store.session_changes(lesson.id).await.unwrap();
    assert_eq!(history[0].reason, "Raum belegt");

    let cancelled = cohorts::cancel_session(&f.app, &f.coordinator, lesson.id, "Krankheit")
        .await
        .unwrap();
    assert_eq!(cancelled.status, SessionStatus::Cancelled);
    assert_eq!(cancelled.sequence, lesson.sequence + 2);
    let (s, c) = cohorts::session(&f.app, &f.coordinator.principal, lesson.id)
        .await
        .unwrap();
    assert_eq!((s.id, c.id), (lesson.id, cohort.id));
    let r = cohorts::session(&f.app, &f.other_coordinator.principal, lesson.id).await;
    assert!(matches!(r, Err(AppError::NotFound)));
}

/// Adds a lesson on 8 May 2027 from `start` to `end` (no reason given).
async fn add(
    f: &Fixture,
    by: &Caller,
    cohort: &Cohort,
    (start, end): (&str, &str),
    title: &str,
) -> Result<SessionRecord, AppError> {
    let extra = ExtraSession {
        date: date(2027, 5, 8),
        start: t(start),
        end: t(end),
        kind: SessionKind::Lesson,
        title: title.into(),
        module: Some(1),
    };
    cohorts::add_session(&f.app, by, cohort.id, extra, "").await
}

#[tokio::test]
async fn sessions_added_by_hand_are_checked() {
    let (f, cohort) = setup().await;
    let by = &f.coordinator;
    let r = add(&f, by, &cohort, ("12:00", "10:00"), "Nachholtermin").await;
    assert_eq!(invalid(r), vec![("end", "before_start")]);
    let r = add(&f, by, &cohort, ("10:00", "12:00"), " ").await;
    assert_eq!(invalid(r), vec![("title", "required")]);
    let r = add(
        &f,
        &f.other_coordinator,
        &cohort,
        ("10:00", "12:00"),
        "Nachholtermin",
    )
    .await;
    assert!(matches!(r, Err(AppError::NotFound)));

    let added = add(&f, by, &cohort, ("10:00", "12:30"), " Nachholtermin ")
        .await
        .unwrap();
    assert_eq!(added.hours, 2.5);
    assert_eq!(added.title, "Nachholtermin");
    assert!(added.uid.contains("-extra-"), "{}", added.uid);
    let again = add(&f, by, &cohort, ("13:00", "14:00"), "Nachholtermin")
        .await
        .unwrap();
    assert_ne!(again.uid, added.uid, "each added session has its own UID");

    cohorts::set_status(&f.app, by, cohort.id, CohortStatus::Published)
        .await
        .unwrap();
    let r = add(&f, by, &cohort, ("10:00", "12:00"), "Zweiter Nachholtermin").await;
    assert_eq!(invalid(r), vec![("reason", "required")]);
}

#[tokio::test]
async fn feeds_are_issued_and_revoked_within_the_provider() {
    let (f, cohort) = setup().await;
    let issued = feeds::create_cohort_feed(&f.app, &f.coordinator, cohort.id)
        .await
        .unwrap();
    let live = f.app.store.feed_by_secret(&issued.secret).await.unwrap();
    assert_eq!(live.map(|l| l.target_id), Some(cohort.id.to_string()));
    let r = feeds::create_cohort_feed(&f.app, &f.other_coordinator, cohort.id).await;
    assert!(matches!(r, Err(AppError::NotFound)));
    let r = feeds::revoke_feed(&f.app, &f.other_coordinator, issued.feed.id).await;
    assert!(matches!(r, Err(AppError::NotFound)));
    let r = feeds::revoke_feed(&f.app, &f.trainer_caller(), issued.feed.id).await;
    assert!(matches!(r, Err(AppError::Forbidden)));
    let revoked = feeds::revoke_feed(&f.app, &f.coordinator, issued.feed.id)
        .await
        .unwrap();
    assert!(revoked.revoked_at.is_some());
    assert!(
        f.app
            .store
            .feed_by_secret(&issued.secret)
            .await
            .unwrap()
            .is_none()
    );

    let own = feeds::create_trainer_feed(&f.app, &f.trainer_caller())
        .await
        .unwrap();
    assert_eq!(own.feed.target_id, f.trainer.id.to_string());
    assert_eq!(own.feed.provider_id, f.p1.id);
    let r = feeds::create_trainer_feed(&f.app, &f.admin).await;
    assert!(
        matches!(r, Err(AppError::NotFound)),
        "the admin teaches nothing"
    );
}

#[tokio::test]
async fn timetable_exports_are_for_the_own_provider() {
    let (f, cohort) = setup().await;
    let (_, sessions) = cohorts::timetable(&f.app, &f.coordinator.principal, cohort.id)
        .await
        .unwrap();
    cohorts::cancel_session(&f.app, &f.coordinator, sessions[1].id, "")
        .await
        .unwrap();
    let (record, c, plan) =
        lernweg_app::exports::cohort_timetable(&f.app, &f.trainer_caller().principal, cohort.id)
            .await
            .unwrap();
    assert_eq!((record.id, c.id), (cohort.offer_id, cohort.id));
    assert_eq!(
        plan.sessions.len(),
        sessions.len() - 1,
        "confirmed sessions only"
    );
    let r =
        lernweg_app::exports::cohort_timetable(&f.app, &f.other_coordinator.principal, cohort.id)
            .await;
    assert!(matches!(r, Err(AppError::NotFound)));
}

fn from(start: NaiveDate) -> cohorts::Replan {
    cohorts::Replan {
        start,
        planning: None,
        around_employers: false,
    }
}
