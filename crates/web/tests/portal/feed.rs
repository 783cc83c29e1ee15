//! The participant revokes their own calendar link on `/mein-weg`.

use lernweg_domain::Role;
use lernweg_store::Actor;

use crate::common::TestApp;
use crate::support::*;

#[tokio::test]
async fn participants_revoke_their_own_calendar_link() {
    let app = TestApp::spawn_with(relaxed()).await;
    let (client, csrf) = app.login("participant@test.example").await;
    switch(&app, &client, &csrf, "de").await;
    // Another participant's link, and the cohort's, must survive.
    let other = new_participant(&app, "Nadia", None, "fa").await;
    let store = &app.state.store;
    let theirs = store
        .renew_participant_feed(&Actor::system(), other, app.p1.id)
        .await
        .unwrap()
        .secret;

    let page = get_text(&client, &app.url("/mein-weg")).await;
    assert!(
        !page.contains("/mein-weg/kalender/widerrufen"),
        "nothing to revoke yet"
    );
    let link = make_feed(&app, &client, &csrf).await;
    let ics = TestApp::client().get(&link).send().await.unwrap();
    assert_eq!(ics.status(), 200);
    let page = get_text(&client, &app.url("/mein-weg")).await;
    assert!(page.contains("Sie haben einen Link seit"));
    assert!(page.contains("action=\"/mein-weg/kalender/widerrufen\""));
    assert!(page.contains("Link löschen"));

    let res = client
        .post(app.url("/mein-weg/kalender/widerrufen"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let location = res.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(location, "/mein-weg?kalender=widerrufen#kalender");

    // The old link answers like an unknown one.
    let gone = TestApp::client().get(&link).send().await.unwrap();
    assert_eq!(gone.status(), 404);
    // The path confirms it, shows no link and offers a new one.
    let page = get_text(&client, &app.url(&location)).await;
    assert!(page.contains("Ihr Link ist gelöscht."), "{page}");
    assert!(!page.contains("/feeds/"));
    assert!(!page.contains("Sie haben einen Link seit"));
    assert!(!page.contains("/mein-weg/kalender/widerrufen"));
    assert!(page.contains("Link machen"));
    assert!(
        page.contains("name=\"next\" value=\"/mein-weg\""),
        "a language switch returns to the path without the notice"
    );
    let page = get_text(&client, &app.url("/mein-weg")).await;
    assert!(!page.contains("Ihr Link ist gelöscht."));
    assert!(
        store
            .participant_feed(app.participant)
            .await
            .unwrap()
            .is_none()
    );

    // Only their own link: the other participant's and the cohort's still work.
    let path = |s: &str| app.url(&format!("/feeds/{s}.ics"));
    for secret in [&theirs, &app.feed_secret] {
        let res = TestApp::client().get(path(secret)).send().await.unwrap();
        assert_eq!(res.status(), 200);
    }

    // Audited as the participant's own act; revoking again is harmless.
    let me = app.user(Role::Participant).id.to_string();
    let log = store.audit_entries(Some(app.p1.id), 200).await.unwrap();
    assert!(log.iter().any(|e| e.action == "delete"
        && e.entity == "feed"
        && e.actor_id.as_deref() == Some(me.as_str())));
    let res = client
        .post(app.url("/mein-weg/kalender/widerrufen"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);

    // Without the form's CSRF token nothing happens; staff cannot use the route.
    make_feed(&app, &client, &csrf).await;
    let res = client
        .post(app.url("/mein-weg/kalender/widerrufen"))
        .form(&[("csrf", "falsch")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(
        store
            .participant_feed(app.participant)
            .await
            .unwrap()
            .is_some()
    );
    let (staff, staff_csrf) = app.login("counsellor@test.example").await;
    let res = staff
        .post(app.url("/mein-weg/kalender/widerrufen"))
        .form(&[("csrf", staff_csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    assert!(
        store
            .participant_feed(app.participant)
            .await
            .unwrap()
            .is_some()
    );
}
