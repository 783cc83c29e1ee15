//! End-to-end tests of the operator commands: they run the real binary.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn lernweg(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args(args)
        .env_remove("LERNWEG_DATABASE_URL")
        .env_remove("LERNWEG_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn err(out: &Output) -> String {
    assert!(
        !out.status.success(),
        "expected failure, got: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr.clone()).unwrap()
}

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

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `lernweg demo` on a free port and returns it with its URL and printed lines.
fn demo(dir: &str) -> (Server, String, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args(["demo", "--addr", "127.0.0.1:0", "--data-dir", dir])
        .env_remove("LERNWEG_DATABASE_URL")
        .env("LERNWEG_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut lines = Vec::new();
    let mut url = None;
    let start = Instant::now();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(u) = line.strip_prefix("Lernweg demo: ") {
            url = Some(u.trim_end_matches('/').to_owned());
        }
        let done = line.starts_with("Stop with Ctrl-C");
        lines.push(line);
        if done || start.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    (server, url.expect("the demo prints its URL"), lines)
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
    let client = reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    let html = client
        .get(format!("{url}/anmelden"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).unwrap() + marker.len();
    let csrf = &html[start..start + html[start..].find('"').unwrap()];
    let res = client
        .post(format!("{url}/anmelden"))
        .form(&[
            ("email", "koordination1@demo.example"),
            ("password", "lernweg-demo"),
            ("csrf", csrf),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
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

/// The visible text of `<main>` as a reader meets it: one block per heading, paragraph, list
/// item, term, value, table cell or line of an address; without scripts and, with
/// `skip_forms`, without form controls.
fn visible_main_text(html: &str, skip_forms: bool) -> String {
    use scraper::{Html, Node, Selector};
    const BLOCKS: &[&str] = &[
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "th", "td", "caption",
        "address", "br", "div", "section", "ul", "ol", "dl", "table", "tr", "form", "label",
        "option", "button", "legend", "fieldset",
    ];
    let doc = Html::parse_document(html);
    let main = doc
        .select(&Selector::parse("main").unwrap())
        .next()
        .expect("a main element");
    let mut out = String::new();
    let mut skip = 0usize;
    for edge in main.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if name == "script" || (skip_forms && name == "form") || skip > 0 {
                        skip += 1;
                    } else if BLOCKS.contains(&name) {
                        out.push_str("\n\n");
                    }
                }
                Node::Text(t) if skip == 0 => out.push_str(t),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip > 0 {
                        skip -= 1;
                    } else if BLOCKS.contains(&e.name()) {
                        out.push_str("\n\n");
                    }
                }
            }
        }
    }
    out.split("\n\n")
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Every published demo offer's public page, and the catalogue's prose, read at
/// Flesch-Amstad 60 or more, measured on the text the page shows; `lernweg readability
/// --offer` measures the same text.
#[tokio::test]
async fn demo_offer_pages_are_plain_language_and_the_cli_measures_them() {
    use lernweg_offers::readability::{FLESCH_TARGET, analyze};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap().to_owned();
    let (server, url, _) = demo(&d);
    let get = |path: String| async move { reqwest::get(path).await.unwrap().text().await.unwrap() };
    let list: serde_json::Value =
        serde_json::from_str(&get(format!("{url}/api/v1/public/offers")).await).unwrap();
    let offers = list.as_array().unwrap();
    assert!(offers.len() >= 4, "{list}");
    let catalogue = visible_main_text(&get(format!("{url}/angebote")).await, true);
    let r = analyze(&catalogue);
    assert!(
        r.flesch_amstad >= FLESCH_TARGET,
        "/angebote: Flesch-Amstad {}:\n{catalogue}",
        r.flesch_amstad
    );
    let mut pages = Vec::new();
    for o in offers {
        let slug = o["slug"].as_str().unwrap().to_owned();
        let html = get(format!("{url}/angebote/{slug}")).await;
        pages.push((slug, visible_main_text(&html, false), html));
    }
    drop(server);
    for (slug, text, html) in &pages {
        let r = analyze(text);
        assert!(
            r.flesch_amstad >= FLESCH_TARGET,
            "{slug}: Flesch-Amstad {}:\n{text}",
            r.flesch_amstad
        );
        assert!(!html.contains("KldB"), "{slug} shows a classification code");
        // The summary comes first: start, when, hours, costs, place, contact, how to apply.
        let summary = html.find("Auf einen Blick").expect("a summary");
        assert!(summary < html.find("Was lernen Sie?").unwrap(), "{slug}");
        for term in [
            "Beginn",
            "Wann",
            "Zeit pro Woche",
            "Kosten",
            "Ort",
            "Kontakt",
            "Anmelden",
        ] {
            let at = html.find(&format!("<dt>{term}</dt>")).unwrap_or(usize::MAX);
            assert!(
                at > summary && at < html.find("Was lernen Sie?").unwrap(),
                "{slug}: {term}"
            );
        }
        let out = ok(&lernweg(
            &[
                "readability",
                "--offer",
                slug,
                "--data-dir",
                &d,
                "--format",
                "json",
            ],
            None,
        ));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v["words"], r.words,
            "{slug}: the CLI measures the page's text"
        );
        assert_eq!(v["sentences"], r.sentences, "{slug}");
        assert_eq!(
            v["flesch_amstad"].as_f64().unwrap(),
            r.flesch_amstad,
            "{slug}"
        );
    }
    let e = err(&lernweg(
        &["readability", "--offer", "gibt-es-nicht", "--data-dir", &d],
        None,
    ));
    assert!(e.contains("no offer"), "{e}");
}
