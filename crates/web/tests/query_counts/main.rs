//! Issue 12: no query per row. Each page and API list needs a fixed number of SQL statements
//! whatever the number of rows: every case here is measured with 10 and with 1,000 rows and
//! must need the same number of statements both times.

#[path = "../common/mod.rs"]
mod common;
mod counter;
mod lists;
mod people;

use common::TestApp;

/// The counter sees the statements of one request and of no other.
#[tokio::test]
async fn the_counter_counts_the_statements_of_one_request() {
    let app = TestApp::spawn().await;
    let client = TestApp::client();
    let (status, n) = counter::get(&client, &app.url("/healthz")).await;
    assert_eq!(status, 200);
    assert!(n >= 1, "the health check pings the database: {n}");
    let (status, m) = counter::get(&client, &app.url("/angebote")).await;
    assert_eq!(status, 200);
    assert!(m > n, "the catalogue reads more than the ping: {m} vs {n}");
}
