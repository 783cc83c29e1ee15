//! The legal texts (migration 0014): per installation and per provider, set, replaced and
//! removed, each change audited. SQLite by default, PostgreSQL when
//! `LERNWEG_TEST_POSTGRES_URL` is set.

use lernweg_domain::{LegalKind, ProviderName, State};
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, AuditEntity, NewProvider};

#[tokio::test]
async fn texts_are_kept_per_scope_replaced_and_removed() {
    let db = TestDb::new().await;
    let store = &db.store;
    let actor = Actor::system();
    let p = store
        .create_provider(
            &actor,
            NewProvider {
                name: ProviderName::parse("Träger Eins").unwrap(),
                state: State::NW,
            },
        )
        .await
        .unwrap();
    assert!(store.legal_texts(None).await.unwrap().is_empty());

    store
        .set_legal_text(&actor, None, LegalKind::Imprint, "Installation GmbH")
        .await
        .unwrap();
    store
        .set_legal_text(&actor, Some(p.id), LegalKind::Imprint, "Träger Eins e. V.")
        .await
        .unwrap();
    store
        .set_legal_text(
            &actor,
            Some(p.id),
            LegalKind::Privacy,
            "Datenschutz beim Träger",
        )
        .await
        .unwrap();
    // Replacing keeps one row.
    store
        .set_legal_text(&actor, Some(p.id), LegalKind::Imprint, "Träger Eins gGmbH")
        .await
        .unwrap();

    assert_eq!(
        store.legal_texts(None).await.unwrap(),
        vec![(LegalKind::Imprint, "Installation GmbH".to_owned())]
    );
    assert_eq!(
        store.legal_texts(Some(p.id)).await.unwrap(),
        vec![
            (LegalKind::Imprint, "Träger Eins gGmbH".to_owned()),
            (LegalKind::Privacy, "Datenschutz beim Träger".to_owned()),
        ]
    );

    // A blank text removes it; the installation's stays.
    store
        .set_legal_text(&actor, Some(p.id), LegalKind::Imprint, "  \n")
        .await
        .unwrap();
    assert_eq!(
        store.legal_texts(Some(p.id)).await.unwrap(),
        vec![(LegalKind::Privacy, "Datenschutz beim Träger".to_owned())]
    );
    assert_eq!(store.legal_texts(None).await.unwrap().len(), 1);

    let entries = store.audit_entries(Some(p.id), 100).await.unwrap();
    let legal: Vec<_> = entries
        .iter()
        .filter(|e| e.entity == AuditEntity::LegalText.as_str())
        .collect();
    assert_eq!(
        legal.len(),
        4,
        "every change of the provider's texts is audited"
    );
    assert!(legal.iter().any(|e| e.detail == "imprint removed"));
}
