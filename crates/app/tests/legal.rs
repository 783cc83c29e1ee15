//! Legal texts: who may edit which, and which text a public page shows.

mod common;

use common::Fixture;
use lernweg_app::AppError;
use lernweg_app::legal::{Source, editable, public_text, save};
use lernweg_domain::LegalKind;

#[tokio::test]
async fn admin_sets_the_installations_texts_and_coordinators_their_providers() {
    let f = Fixture::new().await;
    let app = &f.app;

    let missing = public_text(app, None, LegalKind::Imprint).await.unwrap();
    assert_eq!(missing.source, Source::Missing);
    assert!(missing.body.is_none());

    save(
        app,
        &f.admin,
        &[(
            LegalKind::Imprint,
            "Lernweg-Betrieb GmbH\r\nMusterweg 1".into(),
        )],
    )
    .await
    .unwrap();
    save(
        app,
        &f.coordinator,
        &[
            (LegalKind::Imprint, "Träger Eins e. V.".into()),
            (LegalKind::Privacy, String::new()),
        ],
    )
    .await
    .unwrap();

    // The installation's pages.
    let inst = public_text(app, None, LegalKind::Imprint).await.unwrap();
    assert_eq!(inst.source, Source::Installation);
    assert_eq!(
        inst.body.as_deref(),
        Some("Lernweg-Betrieb GmbH\nMusterweg 1")
    );
    // The provider's own text, and the installation's where the provider set none.
    let own = public_text(app, Some(f.p1.id), LegalKind::Imprint)
        .await
        .unwrap();
    assert_eq!(own.source, Source::Provider);
    assert_eq!(own.body.as_deref(), Some("Träger Eins e. V."));
    let other = public_text(app, Some(f.p2.id), LegalKind::Imprint)
        .await
        .unwrap();
    assert_eq!(other.source, Source::Installation);
    let privacy = public_text(app, Some(f.p1.id), LegalKind::Privacy)
        .await
        .unwrap();
    assert_eq!(privacy.source, Source::Missing);

    // Each edits only their own scope.
    let mine = editable(app, &f.coordinator).await.unwrap();
    assert_eq!(mine.provider.as_ref().map(|p| p.id), Some(f.p1.id));
    assert_eq!(mine.texts.len(), 3);
    assert_eq!(
        mine.texts[0],
        (LegalKind::Imprint, "Träger Eins e. V.".into())
    );
    let theirs = editable(app, &f.other_coordinator).await.unwrap();
    assert!(theirs.texts.iter().all(|(_, b)| b.is_empty()));
    let admins = editable(app, &f.admin).await.unwrap();
    assert!(admins.provider.is_none());
    assert_eq!(admins.texts[0].1, "Lernweg-Betrieb GmbH\nMusterweg 1");
}

#[tokio::test]
async fn trainers_may_not_edit_and_overlong_texts_are_refused() {
    let f = Fixture::new().await;
    let trainer = f.trainer_caller();
    assert!(matches!(
        editable(&f.app, &trainer).await,
        Err(AppError::Forbidden)
    ));
    assert!(matches!(
        save(&f.app, &trainer, &[(LegalKind::Imprint, "x".into())]).await,
        Err(AppError::Forbidden)
    ));
    let long = "a".repeat(lernweg_domain::legal::LEGAL_TEXT_MAX + 1);
    let err = save(
        &f.app,
        &f.coordinator,
        &[
            (LegalKind::Imprint, "ok".into()),
            (LegalKind::Privacy, long),
        ],
    )
    .await
    .unwrap_err();
    assert!(matches!(err, AppError::Invalid(ref e) if e[0].field == "privacy"));
    // Nothing was written.
    let texts = editable(&f.app, &f.coordinator).await.unwrap().texts;
    assert!(texts.iter().all(|(_, b)| b.is_empty()));
    // An unknown provider's page is not found.
    let unknown = lernweg_domain::ProviderId::from_uuid(uuid::Uuid::now_v7());
    assert!(matches!(
        public_text(&f.app, Some(unknown), LegalKind::Imprint).await,
        Err(AppError::NotFound)
    ));
}
