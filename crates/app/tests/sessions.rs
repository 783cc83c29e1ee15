//! Logging in and out, and refused access, as use-cases: what the audit log keeps.

mod common;

use std::net::IpAddr;

use common::*;
use lernweg_app::{AppError, admin, exports, offers, sessions};
use lernweg_domain::{Email, LoginId, Role};
use lernweg_store::{Actor, NewUser};

const PASSWORD: &str = "ein-langes-passwort";

#[tokio::test]
async fn login_and_logout_leave_their_entries_and_never_the_password() {
    let f = Fixture::new().await;
    let user = f
        .app
        .store
        .create_user(
            &Actor::system(),
            NewUser {
                email: Email::parse("pflege@eins.example").unwrap(),
                display_name: "Pflege".into(),
                role: Role::Counsellor,
                provider_id: Some(f.p1.id),
                password: Some(PASSWORD.into()),
            },
        )
        .await
        .unwrap();
    let login = LoginId::parse("pflege@eins.example").unwrap();
    let from: IpAddr = "203.0.113.5".parse().unwrap();
    let wrong = "falsch-falsch-falsch";
    assert!(
        sessions::log_in(&f.app, &login, wrong, Some(from))
            .await
            .unwrap()
            .is_none()
    );
    let opened = sessions::log_in(&f.app, &login, PASSWORD, Some(from))
        .await
        .unwrap()
        .expect("the right password opens a session");
    assert_eq!(opened.session.user.id, user.id);
    let live = sessions::session(&f.app, &opened.secret).await.unwrap();
    assert_eq!(live.map(|s| s.user.id), Some(user.id));
    sessions::log_out(&f.app, &opened.secret).await.unwrap();
    assert!(
        sessions::session(&f.app, &opened.secret)
            .await
            .unwrap()
            .is_none()
    );
    // Logging out twice, or with an unknown secret, is no error and no entry.
    sessions::log_out(&f.app, &opened.secret).await.unwrap();

    let log = f.app.store.audit_entries(None, 20).await.unwrap();
    let actions: Vec<(&str, &str)> = log
        .iter()
        .filter(|e| e.entity == "session")
        .map(|e| (e.action.as_str(), e.detail.as_str()))
        .collect();
    assert_eq!(
        actions,
        [
            ("logout", ""),
            ("login", "203.0.113.5"),
            ("login_failed", "203.0.113.5")
        ]
    );
    let dump = format!("{log:?}");
    assert!(!dump.contains(wrong) && !dump.contains(PASSWORD));
}

#[tokio::test]
async fn another_providers_records_are_not_found_and_the_refusal_is_audited() {
    let f = Fixture::new().await;
    let offer = f
        .app
        .store
        .create_offer(&Actor::system(), f.p1.id, draft().validate().unwrap())
        .await
        .unwrap();
    let other = &f.other_coordinator.principal;
    assert!(matches!(
        offers::offer(&f.app, other, offer.id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        admin::provider(&f.app, other, f.p1.id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        exports::scope(&f.app, other, Some(f.p1.id)).await,
        Err(AppError::NotFound)
    ));
    // Their own records: no entry.
    offers::offer(&f.app, &f.coordinator.principal, offer.id)
        .await
        .unwrap();

    let log = f.app.store.audit_entries(None, 50).await.unwrap();
    let denied: Vec<_> = log.iter().filter(|e| e.action == "access_denied").collect();
    assert_eq!(denied.len(), 3, "{denied:?}");
    for e in &denied {
        assert_eq!(e.actor_email.as_deref(), Some("koordination@zwei.example"));
        assert_eq!(e.provider_id, Some(f.p2.id.to_string()));
        assert_eq!(e.detail, format!("provider {}", f.p1.id));
    }
    let mut what: Vec<_> = denied
        .iter()
        .map(|e| (e.entity.as_str(), e.entity_id.clone().unwrap()))
        .collect();
    what.sort();
    assert_eq!(
        what,
        [
            ("offer", offer.id.to_string()),
            ("provider", f.p1.id.to_string()),
            ("provider", f.p1.id.to_string())
        ]
    );
}
