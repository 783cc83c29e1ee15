//! Employers in the store (issue 13): contacts kept in order and replaced by id, the list by
//! name with search and cursor, and links that end in the same transaction as the consent
//! they rest on. Runs on SQLite, and on PostgreSQL when `LERNWEG_TEST_POSTGRES_URL` is set.

#[path = "people/fixture.rs"]
mod fixture;

use chrono::NaiveDate;
use fixture::people;
use lernweg_domain::{Cursor, Limit, RawEmployer, RawEmployerContact, Search};
use lernweg_participants::ConsentScope;
use lernweg_store::{Actor, EmployerFilter, StoreError};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

fn employer(name: &str, contacts: &[&str]) -> RawEmployer {
    RawEmployer {
        name: name.into(),
        sector: "retail".into(),
        contacts: contacts
            .iter()
            .map(|c| RawEmployerContact {
                name: (*c).into(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

#[tokio::test]
async fn contacts_are_kept_by_id_and_the_list_pages_by_name() {
    let f = people().await;
    let s = &f.db.store;
    let sys = Actor::system();
    let e = s
        .create_employer(
            &sys,
            f.provider,
            employer("Zeta Markt", &["Anna", "Bert"]).parse().unwrap(),
        )
        .await
        .unwrap();
    assert_eq!(
        e.contacts
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["Anna", "Bert"]
    );
    let mut raw = employer("Zeta Markt", &["Carla"]);
    raw.contacts.insert(
        0,
        RawEmployerContact {
            id: e.contacts[1].id.to_string(),
            name: "Bert B.".into(),
            ..Default::default()
        },
    );
    let saved = s
        .update_employer(&sys, e.id, raw.parse().unwrap())
        .await
        .unwrap();
    assert_eq!(saved.contacts.len(), 2);
    assert_eq!(saved.contacts[0].id, e.contacts[1].id);
    assert_eq!(saved.contacts[0].name, "Bert B.");
    assert_eq!(saved.contacts[1].name, "Carla");

    for name in ["Alpha Bau", "Mitte Pflege", "Omega IT"] {
        s.create_employer(&sys, f.provider, employer(name, &[]).parse().unwrap())
            .await
            .unwrap();
    }
    s.create_employer(
        &sys,
        f.other_provider,
        employer("Anderer Betrieb", &[]).parse().unwrap(),
    )
    .await
    .unwrap();
    let filter = EmployerFilter {
        scope: Some(f.provider),
        ..Default::default()
    };
    let first = s
        .employers_after(&filter, None, Limit::new(3))
        .await
        .unwrap();
    let names: Vec<_> = first.items.iter().map(|e| e.name.as_str()).collect();
    assert_eq!(names, ["Alpha Bau", "Mitte Pflege", "Omega IT"]);
    let next: Option<&Cursor> = first.next.as_ref();
    let rest = s
        .employers_after(&filter, next, Limit::new(3))
        .await
        .unwrap();
    assert_eq!(rest.items.len(), 1);
    assert_eq!(
        rest.items[0].contacts.len(),
        2,
        "contacts come with the page"
    );
    assert!(rest.next.is_none());
    let found = s
        .employers_after(
            &EmployerFilter {
                search: Search::parse("CARLA").unwrap(),
                ..filter.clone()
            },
            None,
            Limit::new(10),
        )
        .await
        .unwrap();
    assert_eq!(found.items.len(), 1);
    assert_eq!(found.items[0].name, "Zeta Markt");
}

#[tokio::test]
async fn withdrawing_the_consent_ends_the_link_in_the_same_write() {
    let f = people().await;
    let s = &f.db.store;
    let sys = Actor::system();
    let e = s
        .create_employer(&sys, f.provider, employer("Markt", &[]).parse().unwrap())
        .await
        .unwrap();
    let consent = s
        .add_consent(&sys, f.jonas.id, ConsentScope::EmployerContact, day(2))
        .await
        .unwrap();
    let link = s
        .link_employee(&sys, &e, f.jonas.id, &consent.id, day(2))
        .await
        .unwrap();
    assert!(link.is_active());
    assert_eq!(link.family_name, "Becker");
    assert!(matches!(
        s.link_employee(&sys, &e, f.jonas.id, &consent.id, day(3))
            .await,
        Err(StoreError::Conflict(_))
    ));
    s.withdraw_consent(&sys, f.jonas.id, &consent.id, day(20))
        .await
        .unwrap();
    let links = s.employments_of_employer(e.id).await.unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0].ended_on, Some(day(20)));
    assert_eq!(links[0].end_reason.as_deref(), Some("consent_withdrawn"));
    assert_eq!(
        s.employments_of_participant(f.jonas.id)
            .await
            .unwrap()
            .len(),
        1
    );
}
