//! Employer contacts' access in the store (issue 13, points 2 and 5): a contact's invitation
//! becomes an employer account of that contact, a later one resets its password, removing
//! the contact removes the account; the employer's feed keeps its secret for the page and
//! ends when revoked; an employer sees the cohorts of its actively linked employees only.
//! Runs on SQLite, and on PostgreSQL when `LERNWEG_TEST_POSTGRES_URL` is set.

#[path = "people/fixture.rs"]
mod fixture;

use chrono::NaiveDate;
use fixture::people;
use lernweg_domain::{RawEmployer, RawEmployerContact, Role};
use lernweg_participants::{ConsentScope, DropoutReason, EnrolmentEvent};
use lernweg_store::{Actor, EmployerRecord, FeedKind, InvitationKind, Refusal, Store, StoreError};

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, d).unwrap()
}

async fn bakery(s: &Store, provider: lernweg_domain::ProviderId) -> EmployerRecord {
    let raw = RawEmployer {
        name: "Bäckerei Schulte".into(),
        sector: "crafts".into(),
        contacts: vec![
            RawEmployerContact {
                name: "Petra Schulte".into(),
                email: "petra@baeckerei-schulte.example".into(),
                ..Default::default()
            },
            RawEmployerContact {
                name: "Tom Schulte".into(),
                phone: "0231 44 55".into(),
                ..Default::default()
            },
        ],
        ..Default::default()
    };
    s.create_employer(&Actor::system(), provider, raw.parse().unwrap())
        .await
        .unwrap()
}

#[tokio::test]
async fn a_contact_invitation_becomes_that_contacts_employer_account() {
    let f = people().await;
    let s = &f.db.store;
    let sys = Actor::system();
    let e = bakery(s, f.provider).await;
    let (petra, tom) = (&e.contacts[0], &e.contacts[1]);

    // Tom has no address: no e-mail invitation, a code works.
    assert!(matches!(
        s.create_contact_invitation(&sys, &e, tom, InvitationKind::Email)
            .await,
        Err(StoreError::Invalid(_))
    ));
    let issued = s
        .create_contact_invitation(&sys, &e, petra, InvitationKind::Email)
        .await
        .unwrap();
    assert_eq!(issued.login.to_string(), "petra@baeckerei-schulte.example");
    let user = s
        .redeem_invitation(InvitationKind::Email, &issued.secret, "petras-passwort")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.role, Role::Employer);
    assert_eq!(user.employer_contact_id, Some(petra.id));
    assert_eq!(user.provider_id, Some(f.provider));
    assert_eq!(user.display_name, "Petra Schulte");
    assert_eq!(
        s.redeem_invitation(InvitationKind::Email, &issued.secret, "petras-passwort")
            .await
            .unwrap()
            .unwrap_err(),
        Refusal::Used
    );

    // A second invitation resets the same account's password; no second account.
    let again = s
        .create_contact_invitation(&sys, &e, petra, InvitationKind::Code)
        .await
        .unwrap();
    assert_eq!(again.login, user.login_id());
    let same = s
        .redeem_invitation(InvitationKind::Code, &again.secret, "neues-passwort-1")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(same.id, user.id);
    assert_eq!(
        s.contact_account(petra.id).await.unwrap().unwrap().id,
        user.id
    );

    // Removing Petra from the employer removes her account.
    let mut raw = RawEmployer {
        name: e.name.clone(),
        sector: "crafts".into(),
        ..Default::default()
    };
    raw.contacts.push(RawEmployerContact {
        id: tom.id.to_string(),
        name: tom.name.clone(),
        phone: "0231 44 55".into(),
        ..Default::default()
    });
    s.update_employer(&sys, e.id, raw.parse().unwrap())
        .await
        .unwrap();
    assert!(matches!(s.user(user.id).await, Err(StoreError::NotFound)));
    assert!(s.contact_account(petra.id).await.unwrap().is_none());
}

#[tokio::test]
async fn the_employer_feed_keeps_its_secret_until_revoked() {
    let f = people().await;
    let s = &f.db.store;
    let sys = Actor::system();
    let e = bakery(s, f.provider).await;
    let target = e.id.to_string();
    let first = s
        .live_feed(FeedKind::Employer, &target)
        .await
        .unwrap()
        .expect("a feed from the start");
    let secret = first
        .secret
        .clone()
        .expect("an employer feed keeps its secret");
    assert_eq!(e.feed_secret.as_deref(), Some(secret.as_str()));
    assert_eq!(
        s.feed_by_secret(&secret).await.unwrap().map(|f| f.id),
        Some(first.id)
    );

    let renewed = s
        .renew_feed_of(&sys, FeedKind::Employer, &target, f.provider)
        .await
        .unwrap();
    assert_ne!(renewed.secret, secret);
    assert!(s.feed_by_secret(&secret).await.unwrap().is_none());
    let live = s
        .live_feed(FeedKind::Employer, &target)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(live.secret.as_deref(), Some(renewed.secret.as_str()));

    assert_eq!(
        s.revoke_feeds_of(&sys, FeedKind::Employer, &target, f.provider)
            .await
            .unwrap(),
        1
    );
    assert!(
        s.live_feed(FeedKind::Employer, &target)
            .await
            .unwrap()
            .is_none()
    );
    assert!(s.employer(e.id).await.unwrap().feed_secret.is_none());
    // A participant's feed keeps no secret.
    let theirs = s
        .renew_participant_feed(&sys, f.jonas.id, f.provider)
        .await
        .unwrap();
    assert!(theirs.feed.secret.is_none());
}

#[tokio::test]
async fn an_employer_sees_the_cohorts_of_actively_linked_employees_only() {
    let f = people().await;
    let s = &f.db.store;
    let sys = Actor::system();
    let e = bakery(s, f.provider).await;
    assert!(s.employee_cohorts(e.id).await.unwrap().is_empty());

    // Ayşe: in spring, and in autumn until she drops out there.
    let dropped = s.enrol(&sys, f.ayse.id, f.autumn).await.unwrap();
    s.apply_enrolment_event(
        &sys,
        dropped.id,
        day(10),
        EnrolmentEvent::Drop {
            reason: DropoutReason::JobChange,
            text: None,
            stayed_employed: Some(true),
        },
    )
    .await
    .unwrap();
    let mut consents = Vec::new();
    for p in [&f.ayse, &f.jonas] {
        let c = s
            .add_consent(&sys, p.id, ConsentScope::EmployerContact, day(2))
            .await
            .unwrap();
        s.link_employee(&sys, &e, p.id, &c.id, day(2))
            .await
            .unwrap();
        consents.push(c);
    }
    // Amina is not linked.
    let seen = s.employee_cohorts(e.id).await.unwrap();
    let pairs: Vec<_> = seen
        .iter()
        .map(|c| (c.family_name.as_str(), c.cohort_id))
        .collect();
    assert_eq!(
        pairs,
        [
            ("Becker", f.autumn),
            (f.ayse.data.family_name.as_str(), f.spring)
        ]
    );

    s.withdraw_consent(&sys, f.jonas.id, &consents[1].id, day(20))
        .await
        .unwrap();
    let seen = s.employee_cohorts(e.id).await.unwrap();
    assert_eq!(seen.len(), 1);
    assert_eq!(seen[0].participant_id, f.ayse.id);
}
