//! Providers, accounts and tokens against a real database: every invalid field at once, the
//! rules that hold on every path (a role that needs a provider, no self-lockout), who sees
//! which account, and tokens for oneself (the operator for anyone).

#[path = "ops_fixture/mod.rs"]
mod common;

use common::world;
use lernweg_app::AppError;
use lernweg_app::admin::{
    AccountPatch, NewAccount, ProviderChange, audit_log, create_provider, create_token,
    create_user, operator, provider, providers, revoke_token, update_provider, update_user, users,
    view_user,
};
use lernweg_domain::Role;

fn fields(e: AppError) -> Vec<(&'static str, &'static str)> {
    match e {
        AppError::Invalid(list) => list.iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("expected invalid fields, got {other:?}"),
    }
}

fn account(email: &str, role: &str, provider: Option<String>) -> NewAccount {
    NewAccount {
        email: email.into(),
        display_name: "Neue Person".into(),
        role: role.into(),
        provider,
        password: "ein-sicheres-passwort".into(),
    }
}

#[tokio::test]
async fn providers_are_made_by_admins_with_every_mistake_named() {
    let w = world().await;
    let e = create_provider(&w.app, &w.admin, "", "XX")
        .await
        .unwrap_err();
    assert_eq!(
        fields(e),
        [("name", "required"), ("state", "unknown_state")]
    );
    let e = create_provider(&w.app, &w.coordinator, "Träger Drei", "BY")
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::Forbidden));
    let p = create_provider(&w.app, &operator(), "Träger Drei", "BY")
        .await
        .unwrap();
    assert_eq!(p.state.code(), "BY");
    let rename = ProviderChange {
        name: Some("Träger Drei gGmbH".into()),
        ..ProviderChange::default()
    };
    let p = update_provider(&w.app, &w.admin, p.id, &rename)
        .await
        .unwrap();
    assert_eq!(
        (p.name.to_string().as_str(), p.state.code()),
        ("Träger Drei gGmbH", "BY")
    );
    // The KURSNET supplier number and address: checked field by field, kept otherwise.
    let mut kursnet = ProviderChange::default();
    kursnet.details.kursnet_supplier_id = Some("245884".into());
    kursnet.details.street = Some("Lindenallee 4".into());
    kursnet.details.zip = Some("80331".into());
    kursnet.details.city = Some("München".into());
    let p = update_provider(&w.app, &w.admin, p.id, &kursnet)
        .await
        .unwrap();
    assert_eq!(
        (
            p.details.kursnet_supplier_id.as_str(),
            p.details.city.as_str()
        ),
        ("245884", "München")
    );
    assert_eq!(p.name.to_string(), "Träger Drei gGmbH");
    let mut bad = ProviderChange::default();
    bad.details.zip = Some("8033".into());
    bad.details.kursnet_supplier_id = Some("abc".into());
    let e = update_provider(&w.app, &w.admin, p.id, &bad)
        .await
        .unwrap_err();
    assert_eq!(
        fields(e),
        [("kursnet_supplier_id", "invalid"), ("zip", "invalid")]
    );
    let e = update_provider(&w.app, &w.coordinator, p.id, &kursnet)
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::Forbidden));
    // Staff see their own provider only.
    let mine = providers(&w.app, &w.coordinator.principal).await.unwrap();
    assert_eq!(mine.iter().map(|p| p.id).collect::<Vec<_>>(), [w.provider]);
    assert_eq!(
        providers(&w.app, &w.admin.principal).await.unwrap().len(),
        3
    );
    let e = provider(&w.app, &w.coordinator.principal, w.other_provider)
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::NotFound));
}

#[tokio::test]
async fn accounts_follow_the_same_rules_from_every_way_in() {
    let w = world().await;
    // Everything wrong at once, a role that needs a provider among it.
    let mut bad = account("keine-adresse", "trainer", None);
    bad.display_name = String::new();
    bad.password = "kurz".into();
    let got = fields(create_user(&w.app, &w.admin, bad).await.unwrap_err());
    for want in [
        ("email", "invalid_email"),
        ("provider", "needs_provider"),
        ("display_name", "required"),
        ("password", "too_short"),
    ] {
        assert!(got.contains(&want), "{want:?} missing in {got:?}");
    }
    // A malformed and an unknown provider id.
    let e = create_user(
        &w.app,
        &w.admin,
        account("a@n.example", "trainer", Some("x".into())),
    )
    .await
    .unwrap_err();
    assert_eq!(fields(e), [("provider", "invalid_id")]);
    let unknown = Some(uuid_text());
    let e = create_user(&w.app, &w.admin, account("a@n.example", "trainer", unknown))
        .await
        .unwrap_err();
    assert_eq!(fields(e), [("provider_id", "unknown_provider")]);

    let made = create_user(
        &w.app,
        &operator(),
        account("neu@t.example", "counsellor", Some(w.provider.to_string())),
    )
    .await
    .unwrap();
    assert_eq!(made.role, Role::Counsellor);
    let again = create_user(
        &w.app,
        &w.admin,
        account("neu@t.example", "trainer", Some(w.provider.to_string())),
    )
    .await
    .unwrap_err();
    assert!(matches!(again, AppError::Conflict(_)), "{again:?}");
    let e = create_user(
        &w.app,
        &w.coordinator,
        account("b@t.example", "admin", None),
    )
    .await
    .unwrap_err();
    assert!(matches!(e, AppError::Forbidden));

    // Admins cannot lock themselves out, by deactivating or by giving up the role.
    let me = w.admin.principal.user_id;
    for patch in [
        AccountPatch {
            active: Some(false),
            ..AccountPatch::default()
        },
        AccountPatch {
            role: Some("coordinator".into()),
            ..AccountPatch::default()
        },
    ] {
        let e = update_user(&w.app, &w.admin, me, patch).await.unwrap_err();
        assert_eq!(fields(e), [("role", "self_lockout")]);
    }
    let renamed = update_user(
        &w.app,
        &w.admin,
        made.id,
        AccountPatch {
            display_name: Some("Beratung Neu".into()),
            active: Some(false),
            ..AccountPatch::default()
        },
    )
    .await
    .unwrap();
    assert_eq!(renamed.display_name, "Beratung Neu");
    assert!(!renamed.active);
}

fn uuid_text() -> String {
    "0190aaaa-0000-7000-8000-000000000001".to_owned()
}

#[tokio::test]
async fn accounts_are_seen_within_the_provider_and_each_view_is_logged() {
    let w = world().await;
    let mine = users(&w.app, &w.coordinator.principal).await.unwrap();
    assert!(mine.iter().all(|u| u.provider_id == Some(w.provider)));
    assert_eq!(mine.len(), 3, "coordinator and two trainers");
    let trainer = w.trainer.principal.user_id;
    let u = view_user(&w.app, &w.coordinator, trainer, "api")
        .await
        .unwrap();
    assert_eq!(u.id, trainer);
    for (who, id) in [
        (&w.foreign, trainer),
        (&w.coordinator, w.admin.principal.user_id),
    ] {
        let e = view_user(&w.app, who, id, "api").await.unwrap_err();
        assert!(matches!(e, AppError::NotFound), "{e:?}");
    }
    let log = audit_log(&w.app, &w.admin, Some(w.provider), 50)
        .await
        .unwrap();
    let views: Vec<_> = log
        .iter()
        .filter(|a| a.action == "view" && a.entity == "user")
        .collect();
    assert_eq!(views.len(), 1);
    assert_eq!(
        views[0].entity_id.as_deref(),
        Some(trainer.to_string().as_str())
    );
    let e = audit_log(&w.app, &w.coordinator, None, 50)
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::Forbidden));
}

#[tokio::test]
async fn tokens_are_for_oneself_and_the_operator_issues_them_for_anyone() {
    let w = world().await;
    let trainer = w.app.store.user(w.trainer.principal.user_id).await.unwrap();
    let coordinator = w
        .app
        .store
        .user(w.coordinator.principal.user_id)
        .await
        .unwrap();
    let own = create_token(&w.app, &w.trainer, &trainer, "Stundenplan")
        .await
        .unwrap();
    assert!(own.secret.starts_with("lw_"));
    let e = create_token(&w.app, &w.trainer, &coordinator, "fremd")
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::NotFound));
    let e = revoke_token(&w.app, &w.trainer, &coordinator, own.token.id)
        .await
        .unwrap_err();
    assert!(matches!(e, AppError::NotFound));
    let e = create_token(&w.app, &w.trainer, &trainer, "")
        .await
        .unwrap_err();
    assert_eq!(fields(e), [("name", "required")]);
    let issued = create_token(&w.app, &operator(), &coordinator, "Kommandozeile")
        .await
        .unwrap();
    assert_eq!(issued.token.name, "Kommandozeile");
    let revoked = revoke_token(&w.app, &w.trainer, &trainer, own.token.id)
        .await
        .unwrap();
    assert!(revoked.revoked_at.is_some());
}
