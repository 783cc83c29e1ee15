//! The public catalogue against a real database: only published offers, only cohorts with
//! binding dates, the filters, and one offer's public view with the plans of its cohorts.

mod common;

use common::{Fixture, date, draft};
use lernweg_app::catalogue::{self, Criteria};
use lernweg_app::cohorts::{self, CohortInput};
use lernweg_app::{AppError, offers};
use lernweg_domain::{CohortStatus, OfferId, State};
use lernweg_planner::TimeModelKind;
use lernweg_store::Cohort;

async fn cohort(f: &Fixture, offer_id: OfferId, start: (i32, u32, u32), state: State) -> Cohort {
    let input = CohortInput {
        offer_id,
        name: format!("Start {}-{}", start.0, start.1),
        start_date: date(start.0, start.1, start.2),
        state: Some(state),
        room: "Raum 1".into(),
        online_link: String::new(),
        trainers: vec![],
        planning: Default::default(),
    };
    cohorts::create(&f.app, &f.coordinator, input)
        .await
        .unwrap()
}

#[tokio::test]
async fn only_published_offers_and_binding_dates_are_public() {
    let f = Fixture::new().await;
    let public = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    let hidden = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    offers::set_published(&f.app, &f.coordinator, public.id, true)
        .await
        .unwrap();
    let draft_cohort = cohort(&f, public.id, (2027, 3, 2), State::NW).await;
    let bound = cohort(&f, public.id, (2027, 9, 7), State::BY).await;
    cohorts::set_status(&f.app, &f.coordinator, bound.id, CohortStatus::Published)
        .await
        .unwrap();

    let listed = catalogue::listed_offers(&f.app).await.unwrap();
    assert_eq!(listed.len(), 1);
    let l = &listed[0];
    assert_eq!(l.record.id, public.id);
    assert_eq!(l.provider.id, f.p1.id);
    let ids: Vec<_> = l.cohorts.iter().map(|c| c.id).collect();
    assert_eq!(
        ids,
        vec![bound.id],
        "the draft cohort {} stays hidden",
        draft_cohort.id
    );
    assert_eq!(l.states().into_iter().collect::<Vec<_>>(), vec![State::BY]);
    assert_eq!(
        l.start_months().into_iter().collect::<Vec<_>>(),
        vec!["2027-09".to_owned()]
    );

    let r = catalogue::public_offer(&f.app, &hidden.offer.slug).await;
    assert!(matches!(r, Err(AppError::NotFound)), "unpublished");
    let r = catalogue::public_offer(&f.app, "gibt-es-nicht").await;
    assert!(matches!(r, Err(AppError::NotFound)));
}

#[tokio::test]
async fn the_public_view_has_one_plan_per_listed_cohort() {
    let f = Fixture::new().await;
    let o = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    offers::set_published(&f.app, &f.coordinator, o.id, true)
        .await
        .unwrap();
    let c = cohort(&f, o.id, (2027, 3, 2), State::NW).await;
    cohorts::set_status(&f.app, &f.coordinator, c.id, CohortStatus::Published)
        .await
        .unwrap();
    // A moved session is what the public sees: the plan carries the stored timetable.
    let (_, sessions) = cohorts::timetable(&f.app, &f.coordinator.principal, c.id)
        .await
        .unwrap();
    let last = sessions.last().unwrap();
    cohorts::cancel_session(&f.app, &f.coordinator, last.id, "Ersatztermin folgt")
        .await
        .unwrap();

    let view = catalogue::public_offer(&f.app, &o.offer.slug)
        .await
        .unwrap();
    assert_eq!(view.listed.cohorts.len(), 1);
    assert_eq!(view.plans.len(), 1);
    let plan = &view.plans[0];
    assert_eq!(
        plan.sessions.len(),
        sessions.len() - 1,
        "without the cancelled one"
    );
    assert_eq!(plan.start, date(2027, 3, 2));
    assert!(plan.sessions.iter().all(|s| s.uid != last.uid));
}

#[tokio::test]
async fn the_filters_narrow_the_list() {
    let f = Fixture::new().await;
    let evening = offers::create(&f.app, &f.coordinator, None, &draft())
        .await
        .unwrap();
    let mut other = draft();
    other.title = "Pflegeassistenz in Teilzeit".into();
    other.kldb = "81301".into();
    let second = offers::create(&f.app, &f.other_coordinator, None, &other)
        .await
        .unwrap();
    for o in [&evening, &second] {
        let by = if o.id == second.id {
            &f.other_coordinator
        } else {
            &f.coordinator
        };
        offers::set_published(&f.app, by, o.id, true).await.unwrap();
    }
    let c = cohort(&f, evening.id, (2027, 3, 2), State::NW).await;
    cohorts::set_status(&f.app, &f.coordinator, c.id, CohortStatus::Published)
        .await
        .unwrap();

    let titles = |list: Vec<catalogue::Listed>| {
        let mut t: Vec<_> = list.into_iter().map(|l| l.offer().title.clone()).collect();
        t.sort();
        t
    };
    let all = catalogue::search(&f.app, &Criteria::default())
        .await
        .unwrap();
    assert_eq!(all.len(), 2);
    let nw = Criteria {
        state: Some(State::NW),
        ..Criteria::default()
    };
    assert_eq!(
        titles(catalogue::search(&f.app, &nw).await.unwrap()),
        vec![evening.offer.title.clone()]
    );
    // Without a cohort the provider's state counts: the second provider is in Bayern.
    let by = Criteria {
        state: Some(State::BY),
        ..Criteria::default()
    };
    assert_eq!(
        titles(catalogue::search(&f.app, &by).await.unwrap()),
        vec![second.offer.title.clone()]
    );
    let march = Criteria {
        month: Some("2027-03".into()),
        ..Criteria::default()
    };
    assert_eq!(catalogue::search(&f.app, &march).await.unwrap().len(), 1);
    let field = Criteria {
        field: Some(8),
        time_model: Some(TimeModelKind::EveningCourse),
        ..Criteria::default()
    };
    assert_eq!(catalogue::search(&f.app, &field).await.unwrap().len(), 2);
    let none = Criteria {
        time_model: Some(TimeModelKind::SelfPaced),
        ..Criteria::default()
    };
    assert!(catalogue::search(&f.app, &none).await.unwrap().is_empty());
    assert!(Criteria::default().is_empty() && !none.is_empty());
    // The search text, in any case, finds the title; a text in no offer finds none.
    let word = evening
        .offer
        .title
        .split_whitespace()
        .next()
        .unwrap()
        .to_uppercase();
    let text = Criteria {
        text: lernweg_domain::Search::parse(&word).unwrap(),
        ..Criteria::default()
    };
    let found = titles(catalogue::search(&f.app, &text).await.unwrap());
    assert!(found.contains(&evening.offer.title), "{found:?}");
    let nothing = Criteria {
        text: lernweg_domain::Search::parse("zzz-kein-angebot").unwrap(),
        ..Criteria::default()
    };
    assert!(
        catalogue::search(&f.app, &nothing)
            .await
            .unwrap()
            .is_empty()
    );
}
