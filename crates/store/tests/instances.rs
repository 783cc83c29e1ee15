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
    Store::open(&db.target)
        .await
        .unwrap()
        .with_clock(clock.clone())
}

#[tokio::test]
async fn token_use_is_written_at_most_once_a_minute_per_token_and_instance() {
    let db = TestDb::new().await;
    let t0 = Utc.with_ymd_and_hms(2027, 5, 3, 8, 0, 0).unwrap();
    let clock = Clock::fixed(t0);
    let a = db.store.clone().with_clock(clock.clone());
    let u = user(&a).await;
    let issued = a
        .create_token(&Actor::system(), &u, "Auswertung")
        .await
        .unwrap();
    let last_used = || async { a.tokens(u.id).await.unwrap()[0].last_used_at };
    assert_eq!(last_used().await, None);

    assert!(
        a.authenticate_token(&issued.secret)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(last_used().await, Some(t0));

    // Within the minute: this instance writes nothing, another one finds the stored value
    // recent enough and leaves it.
    clock.set(t0 + TimeDelta::seconds(40));
    assert!(
        a.authenticate_token(&issued.secret)
            .await
            .unwrap()
            .is_some()
    );
    let b = second(&db, &clock).await;
    assert!(
        b.authenticate_token(&issued.secret)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(last_used().await, Some(t0));

    // A minute later instance a writes again; instance b, due by its own memory 40 s after
    // that, finds the stored value recent and leaves it.
    let t1 = t0 + TimeDelta::seconds(61);
    clock.set(t1);
    assert!(
        a.authenticate_token(&issued.secret)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(last_used().await, Some(t1));
    clock.set(t1 + TimeDelta::seconds(40));
    assert!(
        b.authenticate_token(&issued.secret)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(last_used().await, Some(t1));
    let t2 = t1 + TimeDelta::seconds(64);
    clock.set(t2);
    assert!(
        a.authenticate_token(&issued.secret)
            .await
            .unwrap()
            .is_some()
    );
    assert_eq!(last_used().await, Some(t2));
    b.close().await;
}

fn view(n: usize) -> lernweg_store::NewAuditEntry {
    Actor::system().entry(
        None,
        lernweg_store::AuditAction::View,
        lernweg_store::AuditEntity::Participant,
        "",
        format!("read {n}"),
    )
}

/// The entries in the table, without flushing the queue first.
async fn stored_views(db: &TestDb) -> usize {
    let other = Store::open(&db.target).await.unwrap();
    let n = other
        .audit_entries(None, 1000)
        .await
        .unwrap()
        .iter()
        .filter(|e| e.detail.starts_with("read "))
        .count();
    other.close().await;
    n
}

#[tokio::test]
async fn read_entries_are_queued_flushed_in_batches_and_drained_on_close() {
    let db = TestDb::new().await;
    let store = db.store.clone();
    // Without a flusher a read writes its entry at once.
    store.audit_read(&view(0)).await.unwrap();
    assert_eq!(stored_views(&db).await, 1);

    store.start_audit_flusher();
    for n in 1..=250 {
        store.audit_read(&view(n)).await.unwrap();
    }
    assert_eq!(
        stored_views(&db).await,
        1,
        "queued, not written on the request path"
    );
    assert_eq!(store.flush_audit().await.unwrap(), 250);
    assert_eq!(stored_views(&db).await, 251);

    // The background task writes within about a second.
    store.audit_read(&view(251)).await.unwrap();
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    assert_eq!(stored_views(&db).await, 252);

    // A clean stop writes what is queued; reads then write directly again.
    for n in 252..262 {
        store.audit_read(&view(n)).await.unwrap();
    }
    store.close_audit().await.unwrap();
    assert_eq!(stored_views(&db).await, 262);
    store.audit_read(&view(262)).await.unwrap();
    assert_eq!(stored_views(&db).await, 263);
    // Reading the log through the store flushes first: every entry is there, in order.
    store.start_audit_flusher();
    store.audit_read(&view(263)).await.unwrap();
    let entries = store.audit_entries(None, 1000).await.unwrap();
    assert_eq!(entries[0].detail, "read 263");
    assert_eq!(entries[1].detail, "read 262");
    store.close_audit().await.unwrap();
}

#[tokio::test]
async fn a_full_queue_makes_the_read_write_its_own_entry() {
    let db = TestDb::new().await;
    let store = db.store.clone();
    store.start_audit_flusher();
    let total = lernweg_store::AUDIT_QUEUE_CAPACITY + 5;
    // Filled faster than the task (sleeping for a second) empties it.
    for n in 0..total {
        store.audit_read(&view(n)).await.unwrap();
    }
    assert_eq!(
        stored_views(&db).await,
        5,
        "the entries beyond the capacity"
    );
    store.close_audit().await.unwrap();
    let written = db
        .execute("DELETE FROM audit_log WHERE detail LIKE 'read %'")
        .await;
    assert_eq!(written, total as u64, "nothing lost");
}
