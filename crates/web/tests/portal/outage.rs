//! A database failure on a participant page is our failure, said in the participant's
//! language: a 500 page, never the "not found" page that another person's record gets.

use super::common::TestApp;
use super::support::*;

#[tokio::test]
async fn a_database_failure_is_a_500_in_the_portal_language_never_a_404() {
    let app = TestApp::spawn_with(relaxed()).await;
    let client = logged_in_participant(&app, "Olena", "uk").await;
    let res = client.get(app.url("/mein-weg")).send().await.unwrap();
    assert_eq!(res.status(), 200);
    // Someone else's (or no) check is a 404 while the database works.
    let res = client
        .get(app.url("/mein-weg/eignungscheck/rc-unknown"))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);

    app.db.execute("DROP TABLE readiness_checks").await;
    for path in ["/mein-weg", "/mein-weg/eignungscheck/rc-unknown"] {
        let res = client.get(app.url(path)).send().await.unwrap();
        assert_eq!(res.status(), 500, "{path}");
        let html = res.text().await.unwrap();
        assert!(html.contains("lang=\"uk\""), "{path}: {html}");
        assert!(html.contains("На жаль, не вдалося."), "{path}: {html}");
    }
}
