//! The audit log speaks words: every action and record kind the code can write
//! (`AuditAction::ALL`, `AuditEntity::ALL`) has a text in German and English, and the log
//! page shows those texts, never a Fluent key.

mod common;

use common::TestApp;
use lernweg_store::{Actor, AuditAction, AuditEntity, NewAuditEntry};
use lernweg_web::i18n::Lang;

fn keys() -> Vec<String> {
    let actions = AuditAction::ALL
        .iter()
        .map(|a| format!("audit-action-{}", a.as_str()));
    let entities = AuditEntity::ALL
        .iter()
        .map(|e| format!("audit-entity-{}", e.as_str()));
    actions.chain(entities).collect()
}

#[test]
fn every_action_and_record_kind_the_code_writes_has_a_text_in_german_and_english() {
    assert!(
        !Lang::En.has("audit-action-no_such_action"),
        "the check can fail"
    );
    assert!(AuditEntity::ALL.len() > 20, "the list is the whole enum");
    for lang in Lang::STAFF {
        let missing: Vec<_> = keys().into_iter().filter(|k| !lang.has(k)).collect();
        assert!(missing.is_empty(), "{lang:?} lacks {missing:?}");
    }
}

/// One entry of every action and every record kind; the page in German and in English shows
/// words for all.
#[tokio::test]
async fn the_log_page_shows_words_in_german_and_english() {
    let app = TestApp::spawn().await;
    let actor = Actor::system();
    let mut entries: Vec<NewAuditEntry> = AuditEntity::ALL
        .iter()
        .map(|e| actor.entry(None, AuditAction::View, *e, e.as_str(), ""))
        .collect();
    entries.extend(
        AuditAction::ALL
            .iter()
            .map(|a| actor.entry(None, *a, AuditEntity::Session, a.as_str(), "")),
    );
    for entry in &entries {
        app.state.store.audit(entry).await.unwrap();
    }

    let (client, csrf) = app.login("admin@test.example").await;
    let url = app.url("/admin/protokoll");
    let page = |client: reqwest::Client| {
        let url = url.clone();
        async move {
            let res = client.get(url).send().await.unwrap();
            assert_eq!(res.status(), 200);
            res.text().await.unwrap()
        }
    };
    let de = page(client.clone()).await;
    for word in [
        "Durchgang",
        "Termin",
        "Teilnehmende Person",
        "Geräteausleihe",
        "Anmeldung fehlgeschlagen",
    ] {
        assert!(de.contains(word), "{word}");
    }
    let res = client
        .post(app.url("/sprache"))
        .form(&[("lang", "en"), ("next", "/"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let en = page(client).await;
    for word in [
        "Cohort",
        "Participant",
        "Device loan",
        "Readiness check",
        "login failed",
    ] {
        assert!(en.contains(word), "{word}");
    }
    for html in [&de, &en] {
        assert!(!html.contains("Unknown localization"), "{html}");
        assert!(!html.contains("audit-entity-") && !html.contains("audit-action-"));
    }
}
