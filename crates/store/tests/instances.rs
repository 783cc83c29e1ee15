//! What several instances on one database share, and what reads do not write on the request
//! path: the throttled record of API token use, the queue of read audit entries, login
//! failures, the lease of an import run and the daily jobs. A second `Store` opened on the same
//! database stands for a second instance.

use chrono::{TimeDelta, TimeZone, Utc};
use lernweg_domain::{Email, ProviderName, Role, State};
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, Clock, NewProvider, NewUser, Store, User};

async fn user(store: &Store) -> User {
    let p = store
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse("Träger Instanzen").unwrap(),
                state: State::HH,
            },
        )
        .await
        .unwrap();
    store
        .create_user(
            &Actor::system(),
            NewUser {
                email: Email::parse("api@example.org").unwrap(),
                display_name: "API".into(),
                role: Role::Counsellor,
                provider_id: Some(p.id),
                password: Some("ein-langes-passwort".into()),
            },
        )
        .await
        .unwrap()
}

/// A second instance on the same database, reading time from `clock`.
async fn second(db: &TestDb, clock: &Clock) -> Store {
    Store::open(&db.target).await.unwrap().with_clock(clock.clone())
}

#[tokio::test]
async fn token_use_is_written_at_most_once_a_minute_per_token_and_instance() {
    let db = TestDb::new().await;
    let t0 = Utc.with_ymd_and_hms(2027, 5, 3, 8, 0, 0).unwrap();
    let clock = Clock::fixed(t0);
    let a = db.store.clone().with_clock(clock.clone());
    let u = user(&a).await;
    let issued = a.create_token(&Actor::system(), &u, "Auswertung").await.unwrap();
    let last_used = || async { a.tokens(u.id).await.unwrap()[0].last_used_at };
    assert_eq!(last_used().await, None);

    assert!(a.authenticate_token(&issued.secret).await.unwrap().is_some());
    assert_eq!(last_used().await, Some(t0));

    // Within the minute: this instance writes nothing, another one finds the stored value
    // recent enough and leaves it.
    clock.set(t0 + TimeDelta::seconds(40));
    assert!(a.authenticate_token(&issued.secret).await.unwrap().is_some());
    let b = second(&db, &clock).await;
    assert!(b.authenticate_token(&issued.secret).await.unwrap().is_some());
    assert_eq!(last_used().await, Some(t0));

    // A minute later instance a writes again; instance b, due by its own memory 40 s after
    // that, finds the stored value recent and leaves it.
    let t1 = t0 + TimeDelta::seconds(61);
    clock.set(t1);
    assert!(a.authenticate_token(&issued.secret).await.unwrap().is_some());
    assert_eq!(last_used().await, Some(t1));
    clock.set(t1 + TimeDelta::seconds(40));
    assert!(b.authenticate_token(&issued.secret).await.unwrap().is_some());
    assert_eq!(last_used().await, Some(t1));
    let t2 = t1 + TimeDelta::seconds(64);
    clock.set(t2);
    assert!(a.authenticate_token(&issued.secret).await.unwrap().is_some());
    assert_eq!(last_used().await, Some(t2));
    b.close().await;
}
