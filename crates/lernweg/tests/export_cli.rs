//! `lernweg export openqcat` end to end: the real binary on a database filled through its own
//! commands and the store API (SQLite by default, PostgreSQL with LERNWEG_TEST_POSTGRES_URL).

use std::process::{Command, Output};

use lernweg_domain::{CohortStatus, State};
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, DatabaseTarget, NewCohort, NewSession};

fn db_args(target: &DatabaseTarget) -> Vec<String> {
    match target {
        DatabaseTarget::DataDir(dir) => vec!["--data-dir".into(), dir.display().to_string()],
        DatabaseTarget::Url(url) => vec!["--database-url".into(), url.clone()],
    }
}

fn lernweg(target: &DatabaseTarget, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args(db_args(target))
        .args(args)
        .env_remove("LERNWEG_DATABASE_URL")
        .env_remove("LERNWEG_DATA_DIR")
        .env_remove("LERNWEG_PROVIDER")
        .env_remove("LERNWEG_OUTPUT")
        .output()
        .expect("the binary runs")
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

fn offer() -> lernweg_offers::Offer {
    let draft: lernweg_offers::OfferDraft = serde_json::from_value(serde_json::json!({
        "title": "Fachsprache Pflege am Abend",
        "goal": "adaptation_qualification",
        "kldb": "81302",
        "target_group": "Pflegefachkräfte mit teilweiser Anerkennung",
        "description": "Sie lernen am Abend. So können Sie weiter arbeiten.",
        "delivery_modes": ["online_live"],
        "time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}]},
        "modules": [{"title": "Fachsprache", "hours": 30}, {"title": "Praxis", "hours": 12}],
        "costs_eur": 0, "capacity": 16,
        "contact_name": "Aylin Demir", "contact_email": "a.demir@traeger.example"
    }))
    .unwrap();
    draft.validate().unwrap()
}

fn count(haystack: &str, needle: &str) -> usize {
    haystack.matches(needle).count()
}

#[tokio::test(flavor = "multi_thread")]
async fn exports_the_public_offers_and_current_runs_of_a_provider() {
    let db = TestDb::new().await;
    let target = db.target.clone();
    // The provider through the binary's own command.
    let out = ok(&lernweg(
        &target,
        &[
            "provider",
            "add",
            "--name",
            "Träger Export",
            "--state",
            "NW",
        ],
    ));
    let store = &db.store;
    let provider = store.find_provider("Träger Export").await.unwrap();
    assert!(out.contains(&provider.id.to_string()), "{out}");
    let other = ok(&lernweg(
        &target,
        &[
            "provider",
            "add",
            "--name",
            "Anderer Träger",
            "--state",
            "BY",
        ],
    ));
    assert!(!other.is_empty());

    // An offer with a published and a draft cohort, through the store.
    let actor = Actor::system();
    let record = store
        .create_offer(&actor, provider.id, offer())
        .await
        .unwrap();
    let mut cohorts = Vec::new();
    store
        .set_offer_published(&actor, record.id, true)
        .await
        .unwrap();
    // Far in the future: the binary reads today from the system clock, and runs that ended
    // are not exported.
    for start in ["2031-03-04", "2031-09-02"] {
        let start = start.parse().unwrap();
        let plan =
            lernweg_planner::plan(&record.offer.to_spec(start, State::NW), &Default::default())
                .unwrap();
        let sessions: Vec<NewSession> =
            plan.sessions.iter().map(NewSession::from_planned).collect();
        let c = store
            .create_cohort(
                &actor,
                NewCohort {
                    planning: Default::default(),
                    offer_id: record.id,
                    name: format!("Durchgang {start}"),
                    state: State::NW,
                    start_date: start,
                    room: String::new(),
                    online_link: String::new(),
                    trainers: vec![],
                },
                &sessions,
            )
            .await
            .unwrap();
        cohorts.push(c);
    }
    store
        .set_cohort_status(&actor, cohorts[0].id, CohortStatus::Published)
        .await
        .unwrap();

    // To standard output, provider by name; the warnings on standard error.
    let out = lernweg(
        &target,
        &["export", "openqcat", "--provider", "Träger Export"],
    );
    let xml = ok(&out);
    assert!(xml.starts_with("<?xml"), "{xml}");
    assert!(xml.contains("<OPENQCAT version=\"1.1\""), "{xml}");
    assert!(xml.contains("<SUPPLIER_NAME>Träger Export</SUPPLIER_NAME>"));
    assert_eq!(
        count(&xml, "<SERVICE>"),
        2,
        "the offer and its published run"
    );
    assert!(xml.contains(&format!("<PRODUCT_ID>{}</PRODUCT_ID>", record.id)));
    assert!(xml.contains(&format!("<PRODUCT_ID>{}</PRODUCT_ID>", cohorts[0].id)));
    assert!(!xml.contains(&cohorts[1].id.to_string()));
    assert!(
        xml.contains("<EDUCATION type=\"true\">") && xml.contains("<EDUCATION type=\"false\">")
    );
    assert!(xml.contains("<EXTRA_OCCUPATIONAL>true</EXTRA_OCCUPATIONAL>"));
    assert!(xml.contains("Fachsprache Pflege am Abend"));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("warning: HEADER: SUPPLIER_ID is not set"),
        "{err}"
    );

    // To a file, provider by id.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("kursnet.xml");
    let out = lernweg(
        &target,
        &[
            "export",
            "openqcat",
            "--provider",
            &provider.id.to_string(),
            "--output",
            file.to_str().unwrap(),
        ],
    );
    assert!(ok(&out).is_empty(), "nothing on stdout when writing a file");
    let written = std::fs::read_to_string(&file).unwrap();
    assert_eq!(count(&written, "<SERVICE>"), 2);
    assert!(written.contains("<OPENQCAT version=\"1.1\""));

    // The other provider has no cohorts: a valid, empty catalogue.
    let empty = ok(&lernweg(
        &target,
        &["export", "openqcat", "--provider", "Anderer Träger"],
    ));
    assert!(empty.contains("<OPENQCAT version=\"1.1\"") && !empty.contains("<SERVICE>"));

    // An unknown provider fails with a message.
    let out = lernweg(&target, &["export", "openqcat", "--provider", "Niemand"]);
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--provider") && err.contains("Niemand"),
        "{err}"
    );
}

#[test]
fn export_help_lists_openqcat() {
    let out = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args(["export", "--help"])
        .output()
        .unwrap();
    let text = ok(&out);
    assert!(
        text.contains("openqcat") && text.contains("KURSNET"),
        "{text}"
    );
}
