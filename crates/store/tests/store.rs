//! Integration tests of the store against a real database: SQLite by default, PostgreSQL when
//! `LERNWEG_TEST_POSTGRES_URL` is set.

use lernweg_domain::{Email, ProviderId, ProviderName, Role, State};
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, NewProvider, NewUser, ProviderPatch, StoreError, UserPatch};

fn email(s: &str) -> Email {
    Email::parse(s).unwrap()
}

async fn provider(db: &TestDb, name: &str, state: State) -> lernweg_store::Provider {
    db.store
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse(name).unwrap(),
                state,
            },
        )
        .await
        .unwrap()
}

fn new_user(mail: &str, role: Role, provider: Option<ProviderId>) -> NewUser {
    NewUser {
        email: email(mail),
        display_name: "Test Person".into(),
        role,
        provider_id: provider,
        password: Some("ein-langes-passwort".into()),
    }
}

#[tokio::test]
async fn migrations_are_idempotent_and_sqlite_is_configured() {
    let db = TestDb::new().await;
    db.store.migrate().await.unwrap();
    db.store.migrate().await.unwrap();
    assert!(db.store.foreign_keys_enforced().await.unwrap());
    if db.store.backend_name() == "sqlite" {
        assert_eq!(
            db.store.sqlite_journal_mode().await.unwrap().as_deref(),
            Some("wal")
        );
    }
    assert!(db.store.ping(std::time::Duration::from_secs(2)).await);
}

#[tokio::test]
async fn providers_round_trip_and_update() {
    let db = TestDb::new().await;
    let p = provider(&db, "Bildungswerk Süd", State::BY).await;
    assert_eq!(p.name.as_str(), "Bildungswerk Süd");
    let found = db.store.find_provider("Bildungswerk Süd").await.unwrap();
    assert_eq!(found.id, p.id);
    let patched = db
        .store
        .update_provider(
            &Actor::system(),
            p.id,
            ProviderPatch {
                state: Some(State::BW),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(patched.state, State::BW);
    assert_eq!(patched.name.as_str(), "Bildungswerk Süd");
    assert_eq!(patched.details, lernweg_domain::ProviderDetails::default());
    // The KURSNET supplier number and address (migration 0012) and the website (0013)
    // round-trip, and so does the minimum publication horizon (0023).
    let details = lernweg_domain::ProviderDetails {
        kursnet_supplier_id: "245884".into(),
        street: "Lindenallee 4".into(),
        zip: "80331".into(),
        city: "München".into(),
        phone: "089 123456".into(),
        email: "kurse@bildungswerk.example".into(),
        website: "https://www.bildungswerk.example".into(),
        min_publication_weeks: 40,
    };
    let with_details = db
        .store
        .update_provider(
            &Actor::system(),
            p.id,
            ProviderPatch {
                details: Some(details.clone()),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert_eq!(with_details.details, details);
    assert_eq!(db.store.provider(p.id).await.unwrap().details, details);
    assert_eq!(with_details.state, State::BW, "other fields unchanged");
    let other = provider(&db, "Netzwerk Nord", State::HH).await;
    assert_eq!(db.store.providers(None).await.unwrap().len(), 2);
    let scoped = db.store.providers(Some(other.id)).await.unwrap();
    assert_eq!(scoped.len(), 1);
    assert_eq!(scoped[0].id, other.id);
}

#[tokio::test]
async fn users_enforce_rules_and_unique_email() {
    let db = TestDb::new().await;
    let p = provider(&db, "Träger Eins", State::NW).await;
    let actor = Actor::system();
    let u = db
        .store
        .create_user(
            &actor,
            new_user("A@Example.org", Role::Coordinator, Some(p.id)),
        )
        .await
        .unwrap();
    assert_eq!(u.email.as_str(), "a@example.org");
    assert!(u.active);

    let dup = db
        .store
        .create_user(&actor, new_user("a@example.org", Role::Trainer, Some(p.id)))
        .await;
    assert!(matches!(dup, Err(StoreError::Conflict(_))), "{dup:?}");

    let no_provider = db
        .store
        .create_user(&actor, new_user("b@example.org", Role::Trainer, None))
        .await;
    assert!(
        matches!(no_provider, Err(StoreError::Invalid(_))),
        "{no_provider:?}"
    );

    let missing = ProviderId::parse("0191e3a4-7b1c-7c3e-8f00-0123456789ab").unwrap();
    let ghost = db
        .store
        .create_user(
            &actor,
            new_user("c@example.org", Role::Trainer, Some(missing)),
        )
        .await;
    assert!(matches!(ghost, Err(StoreError::NotFound)), "{ghost:?}");

    let mut weak = new_user("d@example.org", Role::Trainer, Some(p.id));
    weak.password = Some("kurz".into());
    assert!(matches!(
        db.store.create_user(&actor, weak).await,
        Err(StoreError::Invalid(_))
    ));

    // Nothing half-written: only the first user exists.
    assert_eq!(db.store.users(None).await.unwrap().len(), 1);
    let admin = db
        .store
        .create_user(&actor, new_user("admin@example.org", Role::Admin, None))
        .await
        .unwrap();
    assert_eq!(admin.provider_id, None);
    assert_eq!(db.store.users(Some(p.id)).await.unwrap().len(), 1);
}

#[tokio::test]
async fn login_sessions_and_deactivation() {
    let db = TestDb::new().await;
    let p = provider(&db, "Träger Zwei", State::SN).await;
    let u = db
        .store
        .create_user(
            &Actor::system(),
            new_user("t@example.org", Role::Trainer, Some(p.id)),
        )
        .await
        .unwrap();

    assert!(
        db.store
            .verify_login(&u.email, "ein-langes-passwort")
            .await
            .unwrap()
            .is_some()
    );
    assert!(
        db.store
            .verify_login(&u.email, "falsch-falsch")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        db.store
            .verify_login(&email("nobody@example.org"), "ein-langes-passwort")
            .await
            .unwrap()
            .is_none()
    );

    let (secret, session) = db.store.create_session(&u).await.unwrap();
    let again = db
        .store
        .session(&secret)
        .await
        .unwrap()
        .expect("session is live");
    assert_eq!(again.user.id, u.id);
    assert_eq!(again.csrf_token, session.csrf_token);
    assert!(db.store.session("unknown").await.unwrap().is_none());

    db.store.delete_session(&secret).await.unwrap();
    assert!(
        db.store.session(&secret).await.unwrap().is_none(),
        "logout ends the session on the server"
    );

    let (secret2, _) = db.store.create_session(&u).await.unwrap();
    db.store
        .update_user(
            &Actor::system(),
            u.id,
            UserPatch {
                active: Some(false),
                ..Default::default()
            },
        )
        .await
        .unwrap();
    assert!(
        db.store.session(&secret2).await.unwrap().is_none(),
        "deactivation ends sessions"
    );
    assert!(
        db.store
            .verify_login(&u.email, "ein-langes-passwort")
            .await
            .unwrap()
            .is_none()
    );
}

#[tokio::test]
async fn api_tokens_are_hashed_and_revocable() {
    let db = TestDb::new().await;
    let p = provider(&db, "Träger Drei", State::BE).await;
    let u = db
        .store
        .create_user(
            &Actor::system(),
            new_user("k@example.org", Role::Counsellor, Some(p.id)),
        )
        .await
        .unwrap();
    let issued = db
        .store
        .create_token(&Actor::system(), &u, "Auswertung")
        .await
        .unwrap();
    assert!(issued.secret.starts_with("lw_"));
    assert!(issued.secret.starts_with(&issued.token.prefix));
    let who = db
        .store
        .authenticate_token(&issued.secret)
        .await
        .unwrap()
        .expect("token works");
    assert_eq!(who.id, u.id);
    assert!(
        db.store
            .authenticate_token("lw_wrong")
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        db.store.tokens(u.id).await.unwrap()[0]
            .last_used_at
            .is_some()
    );

    db.store
        .revoke_token(&Actor::system(), &u, issued.token.id)
        .await
        .unwrap();
    assert!(
        db.store
            .authenticate_token(&issued.secret)
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        db.store
            .create_token(&Actor::system(), &u, "   ")
            .await
            .is_err()
    );
}

#[tokio::test]
async fn writes_are_audited() {
    let db = TestDb::new().await;
    let p = provider(&db, "Träger Vier", State::HB).await;
    db.store
        .create_user(
            &Actor::system(),
            new_user("x@example.org", Role::Trainer, Some(p.id)),
        )
        .await
        .unwrap();
    let all = db.store.audit_entries(None, 100).await.unwrap();
    let actions: Vec<(&str, &str)> = all
        .iter()
        .map(|e| (e.action.as_str(), e.entity.as_str()))
        .collect();
    assert!(actions.contains(&("create", "provider")), "{actions:?}");
    assert!(actions.contains(&("create", "user")), "{actions:?}");
    let scoped = db.store.audit_entries(Some(p.id), 100).await.unwrap();
    assert_eq!(scoped.len(), 2);
    assert!(
        all.iter()
            .all(|e| e.actor_email.as_deref() == Some("system"))
    );
}

#[tokio::test]
async fn settings_are_set_once() {
    let db = TestDb::new().await;
    assert!(db.store.set_setting_once("demo_seeded", "1").await.unwrap());
    assert!(!db.store.set_setting_once("demo_seeded", "2").await.unwrap());
    assert_eq!(
        db.store.setting("demo_seeded").await.unwrap().as_deref(),
        Some("1")
    );
}
