//! End-to-end tests of the operator commands: they run the real binary.

mod common;

use std::process::Command;

use common::{demo, err, lernweg, ok};

#[test]
fn help_is_in_english_and_lists_the_commands() {
    let out = ok(&lernweg(&["--help"], None));
    for word in [
        "serve",
        "demo",
        "migrate",
        "user",
        "token",
        "holidays",
        "plan",
        "--database-url",
        "--data-dir",
    ] {
        assert!(out.contains(word), "--help lacks {word}: {out}");
    }
}

#[test]
fn accounts_and_tokens_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap();
    ok(&lernweg(&["migrate", "--data-dir", d], None));
    assert!(dir.path().join("lernweg.db").exists());

    let out = ok(&lernweg(
        &[
            "provider",
            "add",
            "--name",
            "Bildungswerk Test",
            "--state",
            "HE",
            "--data-dir",
            d,
        ],
        None,
    ));
    let provider_id = out.lines().last().unwrap().trim().to_owned();
    assert_eq!(provider_id.len(), 36, "{out}");

    let out = lernweg(
        &[
            "user",
            "add",
            "--email",
            "k@test.example",
            "--role",
            "coordinator",
            "--provider",
            "Bildungswerk Test",
            "--data-dir",
            d,
        ],
        Some("ein-sicheres-passwort\n"),
    );
    assert!(ok(&out).contains("k@test.example"));

    // Errors are precise and exit non-zero.
    let e = err(&lernweg(
        &[
            "user",
            "add",
            "--email",
            "k@test.example",
            "--role",
            "trainer",
            "--provider",
            &provider_id,
            "--data-dir",
            d,
        ],
        Some("ein-sicheres-passwort\n"),
    ));
    assert!(e.contains("exists"), "{e}");
    let e = err(&lernweg(
        &[
            "user",
            "add",
            "--email",
            "x@test.example",
            "--role",
            "chef",
            "--data-dir",
            d,
        ],
        Some("ein-sicheres-passwort\n"),
    ));
    assert!(e.contains("unknown role"), "{e}");
    let e = err(&lernweg(
        &[
            "user",
            "add",
            "--email",
            "x@test.example",
            "--role",
            "trainer",
            "--data-dir",
            d,
        ],
        Some("ein-sicheres-passwort\n"),
    ));
    assert!(e.contains("--provider is required"), "{e}");
    let e = err(&lernweg(
        &[
            "user",
            "add",
            "--email",
            "x@test.example",
            "--role",
            "admin",
            "--data-dir",
            d,
        ],
        Some("kurz\n"),
    ));
    assert!(e.contains("password"), "{e}");
    let e = err(&lernweg(
        &[
            "provider",
            "add",
            "--name",
            "X Y",
            "--state",
            "XX",
            "--data-dir",
            d,
        ],
        None,
    ));
    assert!(e.contains("unknown federal state"), "{e}");

    let out = ok(&lernweg(
        &[
            "token",
            "create",
            "--email",
            "k@test.example",
            "--data-dir",
            d,
        ],
        None,
    ));
    let token = out.lines().last().unwrap();
    assert!(
        token.starts_with("lw_") && !token.contains(' '),
        "the token alone on the last line: {out}"
    );
    let e = err(&lernweg(
        &[
            "token",
            "create",
            "--email",
            "nobody@test.example",
            "--data-dir",
            d,
        ],
        None,
    ));
    assert!(e.contains("no user"), "{e}");
}

#[test]
fn the_data_dir_can_come_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .arg("migrate")
        .env_remove("LERNWEG_DATABASE_URL")
        .env("LERNWEG_DATA_DIR", dir.path())
        .output()
        .unwrap();
    ok(&out);
    assert!(dir.path().join("lernweg.db").exists());
}

#[tokio::test]
async fn demo_starts_prints_logins_and_keeps_its_data() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap().to_owned();
    let (server, url, lines) = demo(&d);
    let text = lines.join("\n");
    assert!(text.contains("Demo data generated"), "{text}");
    for login in [
        "admin@demo.example",
        "koordination1@demo.example",
        "beratung1@demo.example",
        "lehrkraft1@demo.example",
        "lehrkraft2@demo.example",
    ] {
        assert!(text.contains(login), "{login} missing: {text}");
    }
    assert_eq!(
        reqwest::get(format!("{url}/healthz"))
            .await
            .unwrap()
            .status(),
        200
    );
    drop(server);

    let (_server, url, lines) = demo(&d);
    assert!(lines.join("\n").contains("Reusing the demo data"));
    // The demo logins work through the real form.
    let client = common::browser();
    let status = common::log_in(&client, &url, "koordination1@demo.example", "lernweg-demo").await;
    assert_eq!(status, 303);
    let team = client
        .get(format!("{url}/team"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(team.contains("beratung1@demo.example"));
    assert!(
        !team.contains("beratung2@demo.example"),
        "provider 2's staff is not visible"
    );
}

#[tokio::test]
async fn migrate_works_against_postgresql_when_configured() {
    if std::env::var(lernweg_store::testing::POSTGRES_ENV)
        .map(|v| v.is_empty())
        .unwrap_or(true)
    {
        eprintln!("LERNWEG_TEST_POSTGRES_URL not set: checking SQLite only");
    }
    let db = lernweg_store::testing::TestDb::new().await;
    let url = db.target.url();
    let out = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args(["migrate", "--database-url", &url])
        .output()
        .unwrap();
    ok(&out);
    let out = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args([
            "provider",
            "add",
            "--name",
            "Träger per URL",
            "--state",
            "BE",
            "--database-url",
            &url,
        ])
        .output()
        .unwrap();
    ok(&out);
    assert_eq!(db.store.providers(None).await.unwrap().len(), 1);
}

#[test]
fn readability_reports_the_documented_keys() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("text.txt");
    std::fs::write(
        &file,
        "Der Kurs beginnt im Januar. Sie lernen am Abend. Die Anerkennungsberatung unterstützt Teilnehmende bei der Antragstellung und begleitet sie während der gesamten berufsbegleitenden Qualifizierung bis zur abschließenden Prüfung vor der zuständigen Stelle.",
    )
    .unwrap();
    let out = ok(&lernweg(
        &["readability", file.to_str().unwrap(), "--format", "json"],
        None,
    ));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    for key in [
        "flesch_amstad",
        "wiener_sachtextformel",
        "sentences",
        "words",
        "syllables",
        "long_sentences",
    ] {
        assert!(v.get(key).is_some(), "missing {key}: {out}");
    }
    assert_eq!(v["sentences"], 3);
    assert_eq!(v["long_sentences"].as_array().unwrap().len(), 1, "{out}");
    let e = err(&lernweg(&["readability", "/does/not/exist.txt"], None));
    assert!(e.contains("cannot read"), "{e}");
}

#[test]
fn trusted_proxies_are_addresses_or_networks() {
    let help = ok(&lernweg(&["serve", "--help"], None));
    assert!(help.contains("--trusted-proxy"), "{help}");
    assert!(help.contains("LERNWEG_TRUSTED_PROXY"), "{help}");
    let e = err(&lernweg(
        &["serve", "--trusted-proxy", "10.0.0.0/8,proxy.example"],
        None,
    ));
    assert!(e.contains("not an IP address or CIDR network"), "{e}");
    let out = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args(["serve", "--addr", "127.0.0.1:0"])
        .env("LERNWEG_TRUSTED_PROXY", "10.0.0.0/33")
        .output()
        .unwrap();
    let e = err(&out);
    assert!(e.contains("prefix length must be 0–32"), "{e}");
}

#[test]
fn command_flags_also_come_from_the_environment() {
    let out = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .arg("holidays")
        .env("LERNWEG_STATE", "BE")
        .env("LERNWEG_YEAR", "2025")
        .env("LERNWEG_FORMAT", "json")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_str(&ok(&out)).unwrap();
    let dates: Vec<&str> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["date"].as_str().unwrap())
        .collect();
    assert!(
        dates.contains(&"2025-03-08"),
        "Frauentag in Berlin: {dates:?}"
    );
    assert!(
        dates.contains(&"2025-05-08"),
        "Tag der Befreiung 2025 in Berlin: {dates:?}"
    );
}

#[test]
fn purge_lists_and_erases_finished_records() {
    // The demo has completed and dropped participants; far in the future they are all due.
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap().to_owned();
    let (server, _, _) = demo(&d);
    drop(server);
    let out = ok(&lernweg(
        &[
            "provider",
            "retention",
            "--provider",
            "Bildungswerk Rhein-Ruhr gGmbH",
            "--months",
            "6",
            "--data-dir",
            &d,
        ],
        None,
    ));
    assert!(out.contains("6 months"), "{out}");
    let e = err(&lernweg(
        &[
            "provider",
            "retention",
            "--provider",
            "Bildungswerk Rhein-Ruhr gGmbH",
            "--months",
            "0",
            "--data-dir",
            &d,
        ],
        None,
    ));
    assert!(e.contains("retention"), "{e}");
    let dry = ok(&lernweg(
        &[
            "purge",
            "--dry-run",
            "--today",
            "2035-01-01",
            "--data-dir",
            &d,
        ],
        None,
    ));
    assert!(dry.contains("would be erased (dry run)"), "{dry}");
    let finished = dry.lines().filter(|l| l.contains("\tfinished ")).count();
    assert!(
        finished >= 2,
        "completed and dropped demo participants are due: {dry}"
    );
    // Interested or counselled demo participants have not changed for years by then.
    let inactive = dry
        .lines()
        .filter(|l| l.contains("\tinactive since "))
        .count();
    assert!(inactive >= 1, "inactive demo participants are due: {dry}");
    assert!(
        dry.contains(&format!("{finished} finished, {inactive} inactive.")),
        "{dry}"
    );
    let listed = finished + inactive;
    let done = ok(&lernweg(
        &["purge", "--today", "2035-01-01", "--data-dir", &d],
        None,
    ));
    assert!(
        done.contains(&format!("{listed} participant record(s) erased")),
        "{done}"
    );
    let again = ok(&lernweg(
        &[
            "purge",
            "--dry-run",
            "--today",
            "2035-01-01",
            "--data-dir",
            &d,
        ],
        None,
    ));
    assert!(
        again.contains("0 participant record(s) would be erased"),
        "{again}"
    );
    let e = err(&lernweg(
        &["purge", "--today", "morgen", "--data-dir", &d],
        None,
    ));
    assert!(e.contains("--today"), "{e}");
}

#[test]
fn a_provider_key_is_rotated_with_the_key_file_outside_the_database() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    ok(&lernweg(
        &[
            "provider",
            "add",
            "--name",
            "Träger Eins",
            "--state",
            "NW",
            "--data-dir",
            data,
        ],
        None,
    ));
    // Other commands never create the key file.
    assert!(!dir.path().join("credential.key").exists());
    let kid = |out: String| -> String {
        assert!(
            out.starts_with("Träger Eins signs language certificates with the new key "),
            "{out}"
        );
        out.trim_end()
            .rsplit(' ')
            .next()
            .unwrap()
            .trim_end_matches('.')
            .to_owned()
    };
    let rotate = [
        "provider",
        "rotate-key",
        "--provider",
        "Träger Eins",
        "--data-dir",
        data,
    ];
    let first = kid(ok(&lernweg(&rotate, None)));
    let second = kid(ok(&lernweg(&rotate, None)));
    assert_eq!(first.len(), 43, "an RFC 7638 thumbprint: {first}");
    assert_ne!(first, second);
    let key_file = dir.path().join("credential.key");
    assert_eq!(std::fs::read_to_string(&key_file).unwrap().trim().len(), 43);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&key_file).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    // The database holds the sealed key, never the key file's secret.
    let db = std::fs::read(dir.path().join("lernweg.db")).unwrap();
    let secret = std::fs::read_to_string(&key_file).unwrap();
    let secret = secret.trim().as_bytes();
    assert!(!db.windows(secret.len()).any(|w| w == secret));
    // A damaged key file is refused with its path; a lost one is replaced, and a rotation then
    // gives the provider a key sealed under the new file (the old public keys stay published).
    std::fs::write(&key_file, "not a key\n").unwrap();
    let e = err(&lernweg(&rotate, None));
    assert!(
        e.contains("credential key file") && e.contains("credential.key"),
        "{e}"
    );
    std::fs::remove_file(&key_file).unwrap();
    let third = kid(ok(&lernweg(&rotate, None)));
    assert!(key_file.exists());
    assert_ne!(third, second);
}
