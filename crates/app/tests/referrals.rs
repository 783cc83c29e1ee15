//! Counselling services and referrals through the use-cases: tenancy (another provider's
//! record is not found, or an unknown field when a request names it), the admin naming an
//! existing provider, today from the clock, status moves and the audited view.

#[path = "care_fixture/mod.rs"]
mod common;

use common::{World, date, invalid, today};
use lernweg_app::AppError;
use lernweg_app::referrals::{self, NewReferral, StatusChange};
use lernweg_domain::ProviderId;
use lernweg_participants::ReferralStatus;
use lernweg_store::ServiceInput;

fn service(kind: &str, name: &str) -> ServiceInput {
    ServiceInput {
        kind: kind.into(),
        name: name.into(),
        active: true,
        ..ServiceInput::default()
    }
}

#[tokio::test]
async fn services_belong_to_the_callers_provider_and_the_admin_names_an_existing_one() {
    let w = World::new().await;
    let c1 = w.counsellor(w.p1);
    let s = referrals::create_service(
        &w.app,
        &c1,
        Some(w.p2),
        service("debt", "Schuldnerberatung"),
    )
    .await
    .unwrap();
    assert_eq!(
        s.provider_id, w.p1,
        "a counsellor adds to their own provider"
    );

    let r = referrals::create_service(&w.app, &w.admin(), None, service("debt", "X")).await;
    assert_eq!(invalid(r), ("provider_id", "unknown_provider"));
    let nowhere = ProviderId::parse("01900000-0000-7000-8000-00000000dead").unwrap();
    let r =
        referrals::create_service(&w.app, &w.admin(), Some(nowhere), service("debt", "X")).await;
    assert_eq!(invalid(r), ("provider_id", "unknown_provider"));
    let s2 = referrals::create_service(
        &w.app,
        &w.admin(),
        Some(w.p2),
        service("health", "Gesundheitsamt"),
    )
    .await
    .unwrap();
    assert_eq!(s2.provider_id, w.p2);

    let r = referrals::create_service(&w.app, &c1, None, service("astrology", "X")).await;
    assert_eq!(invalid(r), ("kind", "unknown_kind"));

    let mine = referrals::services(&w.app, &c1.principal).await.unwrap();
    assert_eq!(
        mine.iter().map(|s| s.id.as_str()).collect::<Vec<_>>(),
        [s.id.as_str()]
    );
    assert_eq!(
        referrals::services(&w.app, &w.admin().principal)
            .await
            .unwrap()
            .len(),
        2
    );

    // Another provider's service: not found, neither to read nor to update.
    let c2 = w.counsellor(w.p2);
    let r = referrals::visible_service(&w.app, &c2.principal, &s.id).await;
    assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
    let r = referrals::update_service(&w.app, &c2, &s.id, service("debt", "Gekapert")).await;
    assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
    let updated = referrals::update_service(
        &w.app,
        &c1,
        &s.id,
        ServiceInput {
            active: false,
            ..service("debt", "Schuldnerberatung der Stadt")
        },
    )
    .await
    .unwrap();
    assert_eq!(updated.name, "Schuldnerberatung der Stadt");
    assert!(!updated.active);
    let seen = referrals::visible_service(&w.app, &c1.principal, &s.id)
        .await
        .unwrap();
    assert_eq!(seen.name, "Schuldnerberatung der Stadt");
}

#[tokio::test]
async fn referrals_name_only_own_records_default_to_today_and_move_by_the_rules() {
    let w = World::new().await;
    let c1 = w.counsellor(w.p1);
    let c2 = w.counsellor(w.p2);
    let s1 = referrals::create_service(&w.app, &c1, None, service("childcare", "Kita-Büro"))
        .await
        .unwrap();
    let s2 = referrals::create_service(&w.app, &c2, None, service("childcare", "Kita Zwei"))
        .await
        .unwrap();
    let new = |participant: String, service: &str| NewReferral {
        participant_id: participant,
        service_id: service.to_owned(),
        referred_on: None,
        reason: "Betreuung am Abend".into(),
    };

    let r = referrals::create_referral(&w.app, &c1, new("kein-id".into(), &s1.id)).await;
    assert_eq!(invalid(r), ("participant_id", "unknown_participant"));
    let r = referrals::create_referral(&w.app, &c1, new(w.olga.id.to_string(), &s1.id)).await;
    assert_eq!(invalid(r), ("participant_id", "unknown_participant"));
    let r = referrals::create_referral(&w.app, &c1, new(w.amina.id.to_string(), &s2.id)).await;
    assert_eq!(invalid(r), ("service_id", "unknown_service"));
    let r = referrals::create_referral(&w.app, &c1, new(w.amina.id.to_string(), "nichts")).await;
    assert_eq!(invalid(r), ("service_id", "unknown_service"));

    let referral = referrals::create_referral(&w.app, &c1, new(w.amina.id.to_string(), &s1.id))
        .await
        .unwrap();
    assert_eq!(referral.referred_on, today());
    assert_eq!(referral.status, ReferralStatus::Suggested);

    let open = referrals::open_referrals(&w.app, &c1, "test: open referrals")
        .await
        .unwrap();
    assert_eq!(open.len(), 1);
    assert!(
        w.audited(w.p1, "referral test: open referrals").await,
        "the view is audited"
    );
    assert!(
        referrals::open_referrals(&w.app, &c2, "x")
            .await
            .unwrap()
            .is_empty()
    );

    let step = |status: &str, on| StatusChange {
        status: status.into(),
        on,
        note: String::new(),
    };
    let r = referrals::change_status(&w.app, &c2, &referral.id, step("referred", None)).await;
    assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
    let r = referrals::change_status(&w.app, &c1, &referral.id, step("done", None)).await;
    assert_eq!(invalid(r), ("status", "not_allowed"));
    let r = referrals::change_status(&w.app, &c1, &referral.id, step("vielleicht", None)).await;
    assert_eq!(invalid(r), ("status", "unknown_status"));

    w.app.clock.set_day(date(2026, 9, 20));
    let moved = referrals::change_status(&w.app, &c1, &referral.id, step(" referred ", None))
        .await
        .unwrap();
    assert_eq!(moved.status, ReferralStatus::Referred);
    assert_eq!(
        moved.status_changed_on,
        date(2026, 9, 20),
        "today by the clock"
    );
    let done = referrals::change_status(
        &w.app,
        &c1,
        &referral.id,
        StatusChange {
            note: "Platz gefunden".into(),
            ..step("declined", Some(date(2026, 9, 21)))
        },
    )
    .await
    .unwrap();
    assert_eq!(done.outcome_note, "Platz gefunden");
    let history = referrals::history(&w.app, &done).await.unwrap();
    assert_eq!(
        history.iter().map(|s| (s.from, s.to)).collect::<Vec<_>>(),
        [
            (ReferralStatus::Suggested, ReferralStatus::Referred),
            (ReferralStatus::Referred, ReferralStatus::Declined),
        ]
    );
    assert!(
        referrals::open_referrals(&w.app, &c1, "x")
            .await
            .unwrap()
            .is_empty()
    );
}
