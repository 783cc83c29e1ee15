//! Two `lernweg serve` processes on one database, as behind a proxy without sticky sessions:
//! a session started on one works on the other, failed logins on both add up to one limit,
//! a confirmed import runs exactly once, and a daily job runs once a day.
//!
//! Meant for PostgreSQL (`LERNWEG_TEST_POSTGRES_URL`); without it the two instances share one
//! SQLite file, which shows the same behaviour on one machine.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use common::{Server, browser as client, log_in};
use lernweg_domain::{Email, ProviderName, Role, State};
use lernweg_store::testing::{POSTGRES_ENV, TestDb};
use lernweg_store::{Actor, NewProvider, NewUser, Provider};
use serde_json::Value;

const PASSWORD: &str = "ein-langes-passwort";

/// Starts `lernweg serve` on `url` and a free port; returns it with its base URL.
fn instance(url: &str) -> (Server, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args(["serve", "--addr", "127.0.0.1:0", "--database-url", url])
        .args(["--daily-jobs", "imports"])
        .env_remove("LERNWEG_DATA_DIR")
        // Every instance of one installation shares the credential key file (outside the
        // source tree).
        .env(
            "LERNWEG_CREDENTIAL_KEY_FILE",
            std::env::temp_dir().join(format!("lernweg-instances-{}.key", std::process::id())),
        )
        .env("LERNWEG_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server::new(child);
    let line = BufReader::new(stdout)
        .lines()
        .map(Result::unwrap)
        .find(|l| l.starts_with("Lernweg listens on "))
        .expect("the server prints its address");
    let base = line["Lernweg listens on ".len()..]
        .trim_end_matches('/')
        .to_owned();
    (server, base)
}

async fn setup(db: &TestDb) -> (Provider, String) {
    let actor = Actor::system();
    let p = db
        .store
        .create_provider(
            &actor,
            NewProvider {
                name: ProviderName::parse("Träger Zwei Instanzen").unwrap(),
                state: State::NW,
            },
        )
        .await
        .unwrap();
    let mut counsellor = None;
    for (mail, role) in [
        ("koordination@test.example", Role::Coordinator),
        ("beratung@test.example", Role::Counsellor),
    ] {
        let user = db
            .store
            .create_user(
                &actor,
                NewUser {
                    email: Email::parse(mail).unwrap(),
                    display_name: "Test".into(),
                    role,
                    provider_id: Some(p.id),
                    password: Some(PASSWORD.into()),
                },
            )
            .await
            .unwrap();
        counsellor = Some(user);
    }
    let counsellor = counsellor.unwrap();
    let token = db
        .store
        .create_token(&actor, &counsellor, "t")
        .await
        .unwrap();
    (p, token.secret)
}

/// Uploads a CSV of `n` people (names starting with `tag`) on `base`; returns the job id.
async fn preview(base: &str, token: &str, tag: &str, n: usize) -> String {
    let mut csv = String::from("Vorname;Nachname;E-Mail;consent_data_processing\n");
    for i in 0..n {
        csv.push_str(&format!(
            "{tag}{i};Import;{tag}{i}@example.org;2026-09-01\n"
        ));
    }
    let res = reqwest::Client::new()
        .post(format!(
            "{base}/api/v1/participants/imports?file_name={tag}.csv"
        ))
        .bearer_auth(token)
        .header("content-type", "text/csv")
        .body(csv)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 201);
    let job: Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    assert_eq!(job["valid_rows"], n);
    job["id"].as_str().unwrap().to_owned()
}

/// Waits until the job has ended; returns its JSON.
async fn ended(base: &str, token: &str, id: &str) -> Value {
    let start = Instant::now();
    loop {
        let res = reqwest::Client::new()
            .get(format!("{base}/api/v1/participants/imports/{id}"))
            .bearer_auth(token)
            .send()
            .await
            .unwrap();
        let job: Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
        if job["status"] != "running" || start.elapsed() > Duration::from_secs(30) {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

#[tokio::test]
async fn two_instances_share_sessions_limits_imports_and_daily_jobs() {
    if std::env::var(POSTGRES_ENV)
        .map(|v| v.is_empty())
        .unwrap_or(true)
    {
        eprintln!(
            "{POSTGRES_ENV} not set: running the two instances on one shared SQLite file \
             (set it to test them on PostgreSQL)"
        );
    }
    let db = TestDb::new().await;
    let (provider, token) = setup(&db).await;
    let url = db.target.url();
    let (_a, a) = instance(&url);
    let (_b, b) = instance(&url);

    // A session started on A works on B (the cookie is sent to both: same host).
    let browser = client();
    assert_eq!(
        log_in(&browser, &a, "koordination@test.example", PASSWORD).await,
        303
    );
    let res = browser.get(format!("{b}/konto")).send().await.unwrap();
    assert_eq!(res.status(), 200, "the session of A is known on B");
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("koordination@test.example")
    );

    // Failed logins of one account from one address add up across A and B: five are
    // allowed (three on A, two on B), the sixth attempt is refused on either.
    let guesser = client();
    for base in [&a, &a, &a, &b, &b] {
        assert_eq!(
            log_in(&guesser, base, "beratung@test.example", "falsch").await,
            401
        );
    }
    for base in [&a, &b] {
        assert_eq!(
            log_in(&guesser, base, "beratung@test.example", PASSWORD).await,
            429,
            "{base}"
        );
    }

    // An import confirmed on A runs once. Another one, confirmed in the database without a
    // process to run it (as if the confirming instance had ended at once), is found by the
    // runners of both instances and run by the one that claims it.
    let first = preview(&a, &token, "erste", 3).await;
    let res = reqwest::Client::new()
        .post(format!("{a}/api/v1/participants/imports/{first}/confirm"))
        .bearer_auth(&token)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 202);
    let second = preview(&b, &token, "zweite", 4).await;
    db.store.confirm_import(&second).await.unwrap();
    for (id, rows) in [(&first, 3), (&second, 4)] {
        let job = ended(&b, &token, id).await;
        assert_eq!(job["status"], "done", "{job}");
        assert_eq!(job["done_rows"], rows);
    }
    // Give a second run (if any) time to go wrong, then count.
    tokio::time::sleep(Duration::from_secs(6)).await;
    let people = db.store.participants(Some(provider.id)).await.unwrap();
    assert_eq!(people.len(), 7, "every row imported exactly once");
    let imported = db
        .store
        .audit_entries(Some(provider.id), 1000)
        .await
        .unwrap()
        .into_iter()
        .filter(|e| e.entity == "participant_import" && e.detail.starts_with("imported "))
        .count();
    assert_eq!(imported, 2, "one import entry per job");

    // The daily job ran once today, on one of the two instances.
    let runs = db.store.daily_runs("imports").await.unwrap();
    assert_eq!(runs.len(), 1, "{runs:?}");
    assert_eq!(
        runs[0].0,
        lernweg_store::Clock::system().today().to_string()
    );
}
