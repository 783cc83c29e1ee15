//! The offer use-cases against a real database: who may create and change offers, tenancy,
//! validation, publishing, and the analysis with today from the clock.

mod common;

use common::{Fixture, date, draft, today};
use lernweg_app::AppError;
use lernweg_app::cohorts::CohortInput;
use lernweg_app::offers::{self, OfferChange, OfferView, ProviderProblem, SaveError, next_monday};
use lernweg_domain::CohortStatus;
use lernweg_offers::{FactorStatus, PartTimeClass};

/// A cohort of the offer starting on 2 March 2027.
fn spring(offer_id: lernweg_domain::OfferId) -> CohortInput {
    CohortInput {
        offer_id,
        name: "Frühjahr 2027".into(),
        start_date: date(2027, 3, 2),
        state: None,
        room: String::new(),
        online_link: String::new(),
        trainers: vec![],
        planning: Default::default(),
    }
}

fn invalid(e: SaveError) -> (Option<ProviderProblem>, Vec<String>) {
    match e {
        SaveError::Invalid { provider, fields } => {
            (provider, fields.into_iter().map(|f| f.field).collect())
        }
        SaveError::Other(e) => panic!("expected invalid input, got {e:?}"),
    }
}

#[tokio::test]
async fn coordinators_create_for_their_own_provider_only() {
    let f = Fixture::new().await;
    let own = f.p1.id.to_string();
    let r = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    assert_eq!(r.provider_id, f.p1.id);
    assert!(!r.published, "new offers are not in the catalogue");
    let r = offers::create(&f.app, &f.coordinator, Some(&own), &draft())
        .await
        .unwrap();
    assert_eq!(r.provider_id, f.p1.id, "naming the own provider is fine");

    let other = f.p2.id.to_string();
    let e = offers::create(&f.app, &f.coordinator, Some(&other), &draft())
        .await
        .unwrap_err();
    assert_eq!(invalid(e), (Some(ProviderProblem::NotAllowed), vec![]));
    assert!(f.app.store.offers(Some(f.p2.id)).await.unwrap().is_empty());

    let e = offers::create(&f.app, &f.trainer_caller(), None, &draft())
        .await
        .unwrap_err();
    assert!(matches!(e, SaveError::Other(AppError::Forbidden)), "{e:?}");
}

#[tokio::test]
async fn admins_name_an_existing_provider() {
    let f = Fixture::new().await;
    let e = offers::create(&f.app, &f.admin, None, &draft())
        .await
        .unwrap_err();
    assert_eq!(invalid(e).0, Some(ProviderProblem::Required));
    for unknown in ["", "kein-id", "019a0000-0000-7000-8000-000000000000"] {
        let e = offers::create(&f.app, &f.admin, Some(unknown), &draft())
            .await
            .unwrap_err();
        assert_eq!(invalid(e).0, Some(ProviderProblem::Unknown), "{unknown:?}");
    }
    let p2 = f.p2.id.to_string();
    let r = offers::create(&f.app, &f.admin, Some(&p2), &draft())
        .await
        .unwrap();
    assert_eq!(r.provider_id, f.p2.id);
}

#[tokio::test]
async fn every_problem_is_reported_at_once_and_nothing_is_saved() {
    let f = Fixture::new().await;
    let mut bad = draft();
    bad.title = String::new();
    bad.modules[0].hours = "-3".into();
    let e = offers::create(&f.app, &f.admin, Some("kein-id"), &bad)
        .await
        .unwrap_err();
    let (provider, fields) = invalid(e);
    assert_eq!(provider, Some(ProviderProblem::Unknown));
    assert!(fields.contains(&"title".to_owned()), "{fields:?}");
    assert!(fields.contains(&"modules.0.hours".to_owned()), "{fields:?}");
    assert!(f.app.store.offers(None).await.unwrap().is_empty());
}

#[tokio::test]
async fn changes_are_validated_and_other_providers_offers_are_not_found() {
    let f = Fixture::new().await;
    let r = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    let mut changed = draft();
    changed.title = "Fachsprache Pflege am Abend".into();
    let change = OfferChange {
        draft: Some(changed.clone()),
        published: Some(true),
    };
    let r2 = offers::update(&f.app, &f.coordinator, r.id, change)
        .await
        .unwrap();
    assert_eq!(r2.offer.title, "Fachsprache Pflege am Abend");
    assert!(r2.published);

    let mut bad = changed;
    bad.capacity = "null".into();
    let change = OfferChange {
        draft: Some(bad),
        published: Some(false),
    };
    let e = offers::update(&f.app, &f.coordinator, r.id, change)
        .await
        .unwrap_err();
    assert_eq!(invalid(e).1, vec!["capacity".to_owned()]);
    let stored = f.app.store.offer(r.id).await.unwrap();
    assert!(stored.published, "a refused change changes nothing");

    let other = &f.other_coordinator;
    let e = offers::offer(&f.app, &other.principal, r.id).await;
    assert!(matches!(e, Err(AppError::NotFound)));
    let e = offers::update(&f.app, other, r.id, OfferChange::default()).await;
    assert!(matches!(e, Err(SaveError::Other(AppError::NotFound))));
    let e = offers::set_published(&f.app, other, r.id, false).await;
    assert!(matches!(e, Err(AppError::NotFound)));
    assert!(
        offers::offer(&f.app, &f.admin.principal, r.id)
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn publishing_writes_only_when_it_changes_something() {
    let f = Fixture::new().await;
    let r = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    let audit = || async {
        f.app
            .store
            .audit_entries(Some(f.p1.id), 100)
            .await
            .unwrap()
            .len()
    };
    let before = audit().await;
    let p = offers::set_published(&f.app, &f.coordinator, r.id, true)
        .await
        .unwrap();
    assert!(p.published);
    assert!(p.published_at.is_some());
    assert_eq!(audit().await, before + 1);
    offers::set_published(&f.app, &f.coordinator, r.id, true)
        .await
        .unwrap();
    assert_eq!(audit().await, before + 1, "publishing again is no change");
    let hidden = offers::set_published(&f.app, &f.coordinator, r.id, false)
        .await
        .unwrap();
    assert!(!hidden.published);
    assert_eq!(
        hidden.published_at, p.published_at,
        "the first publication is kept"
    );
    let e = offers::set_published(&f.app, &f.trainer_caller(), r.id, true).await;
    assert!(matches!(e, Err(AppError::Forbidden)));
}

#[tokio::test]
async fn the_analysis_plans_from_the_monday_after_today_or_the_first_cohort() {
    let f = Fixture::new().await;
    let r = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    let principal = &f.coordinator.principal;
    let v = offers::offer_view(&f.app, principal, r.id).await.unwrap();
    assert_eq!(v.analysis.plan_start, date(2027, 1, 18));
    assert_eq!(v.analysis.plan_start, next_monday(today()));
    assert!(!v.analysis.start_from_cohort);
    let plan = v
        .analysis
        .plan
        .as_ref()
        .expect("an evening course can be planned");
    assert!(plan.sessions.iter().all(|s| s.date >= date(2027, 1, 18)));
    // Evenings lie outside working time: learning asynchronous to work.
    assert_eq!(v.analysis.classification.class, PartTimeClass::Asynchronous);
    assert_eq!(status(&v, "visible_to_advisers"), FactorStatus::NotMet);
    assert!(v.analysis.readability.words > 10);
    assert!(v.analysis.readability.sentences >= 3);

    let c = lernweg_app::cohorts::create(&f.app, &f.coordinator, spring(r.id))
        .await
        .unwrap();
    assert_eq!(c.status, CohortStatus::Draft);
    let v = offers::offer_view(&f.app, principal, r.id).await.unwrap();
    assert!(v.analysis.start_from_cohort);
    assert_eq!(v.analysis.plan_start, date(2027, 3, 2));
    assert_eq!(v.cohorts.len(), 1);
    assert_eq!(v.provider.id, f.p1.id);

    // Not published, seven weeks before the start: too late for employers to plan.
    assert_eq!(status(&v, "dates_published_early"), FactorStatus::NotMet);

    // More than a year ahead there is still time, and publishing then is early enough.
    f.app.clock.set_day(date(2026, 1, 5));
    let v = offers::offer_view(&f.app, principal, r.id).await.unwrap();
    assert_eq!(status(&v, "dates_published_early"), FactorStatus::Partly);
    offers::set_published(&f.app, &f.coordinator, r.id, true)
        .await
        .unwrap();
    let v = offers::offer_view(&f.app, principal, r.id).await.unwrap();
    assert_eq!(status(&v, "visible_to_advisers"), FactorStatus::Partly);
    // The offer's page is public, but the cohort's dates are not: each cohort counts with
    // its own publication.
    assert_eq!(status(&v, "dates_published_early"), FactorStatus::Partly);
    lernweg_app::cohorts::set_status(&f.app, &f.coordinator, c.id, CohortStatus::Published)
        .await
        .unwrap();
    let v = offers::offer_view(&f.app, principal, r.id).await.unwrap();
    assert_eq!(status(&v, "dates_published_early"), FactorStatus::Met);

    // Without a cohort the timetable starts on the Monday after today.
    let other = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    let v = offers::offer_view(&f.app, principal, other.id)
        .await
        .unwrap();
    assert_eq!(v.analysis.plan_start, date(2026, 1, 12));
}

fn status(v: &OfferView, factor: &str) -> FactorStatus {
    v.analysis
        .factors
        .iter()
        .find(|x| x.factor == factor)
        .map(|x| x.status)
        .unwrap_or_else(|| panic!("no factor {factor}"))
}

#[tokio::test]
async fn lists_are_per_provider_and_admins_may_filter() {
    let f = Fixture::new().await;
    let own = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    let theirs = offers::create(&f.app, &f.other_coordinator, None, &draft())
        .await
        .unwrap();
    let ids = |v: Vec<OfferView>| v.into_iter().map(|v| v.record.id).collect::<Vec<_>>();
    let mine = offers::offer_views(&f.app, &f.coordinator.principal, Some(f.p2.id))
        .await
        .unwrap();
    assert_eq!(
        ids(mine),
        vec![own.id],
        "a coordinator's filter is their provider"
    );
    let all = offers::offer_views(&f.app, &f.admin.principal, None)
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    let bavarian = all.iter().find(|v| v.record.id == theirs.id).unwrap();
    assert_eq!(bavarian.provider.id, f.p2.id);
    let filtered = offers::offer_views(&f.app, &f.admin.principal, Some(f.p2.id))
        .await
        .unwrap();
    assert_eq!(ids(filtered), vec![theirs.id]);
}

/// A participant of the cohort with a place: contact person (the coordinator), optionally
/// with reachable times, and a readiness check on `checked_on` when given.
async fn placed(
    f: &Fixture,
    cohort: lernweg_domain::CohortId,
    family: &str,
    reachable: bool,
    checked_on: Option<chrono::NaiveDate>,
) {
    use lernweg_participants::{EnrolmentEvent, ParticipantDraft, ReadinessAnswers};
    let s = &f.app.store;
    let actor = &f.coordinator.actor;
    let mut json = serde_json::json!({
        "given_name": "Test", "family_name": family, "preferred_channel": "phone",
    });
    if reachable {
        json["reachable_times"] = "werktags ab 18 Uhr".into();
    }
    let draft: ParticipantDraft = serde_json::from_value(json).unwrap();
    let data = draft.validate(2027).unwrap();
    let contact = Some(f.coordinator.principal.user_id);
    let p = s
        .create_participant(actor, f.p1.id, contact, data)
        .await
        .unwrap();
    let e = s.enrol(actor, p.id, cohort).await.unwrap();
    for ev in [EnrolmentEvent::Counsel, EnrolmentEvent::Enrol] {
        s.apply_enrolment_event(actor, e.id, date(2027, 1, 10), ev)
            .await
            .unwrap();
    }
    if let Some(on) = checked_on {
        let answers = ReadinessAnswers::default();
        s.add_readiness_check(actor, p.id, on, &answers, &serde_json::json!({}))
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn the_success_factors_read_the_participants_records() {
    let f = Fixture::new().await;
    let principal = &f.coordinator.principal;
    let r = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    let c = lernweg_app::cohorts::create(&f.app, &f.coordinator, spring(r.id))
        .await
        .unwrap();
    let factor = |v: &OfferView, id: &str| {
        let x = v.analysis.factors.iter().find(|x| x.factor == id).unwrap();
        (x.status, x.explanation.code)
    };

    // Nobody with a place yet: the declared answers (none) count.
    let v = offers::offer_view(&f.app, principal, r.id).await.unwrap();
    assert_eq!(
        factor(&v, "contact_person"),
        (FactorStatus::Partly, "no_participants_yet")
    );

    // Two people with a place; one reachable after work and checked before the start, the
    // other neither (a check after the start does not count).
    placed(&f, c.id, "Haddad", true, Some(date(2027, 1, 12))).await;
    placed(&f, c.id, "Kovalenko", false, Some(date(2027, 3, 9))).await;
    let v = offers::offer_view(&f.app, principal, r.id).await.unwrap();
    assert_eq!(
        factor(&v, "contact_person"),
        (FactorStatus::Met, "contact_person_all")
    );
    assert_eq!(
        factor(&v, "staff_reachable_off_hours"),
        (FactorStatus::Partly, "reachable_some")
    );
    assert_eq!(
        factor(&v, "readiness_check"),
        (FactorStatus::Partly, "checked_some")
    );
}
