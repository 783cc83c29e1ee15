//! Exports: open-Qcat for KURSNET / mein NOW, offers and timetables as CSV and XLSX, with
//! tenancy (another provider's records are 404) and the route's roles.

mod common;

use chrono::NaiveDate;
use common::TestApp;
use lernweg_domain::{CohortStatus, Role, State};
use lernweg_store::{Actor, Cohort, NewCohort, NewSession, OfferRecord, Store};

async fn cohort(store: &Store, offer: &OfferRecord, start: NaiveDate, publish: bool) -> Cohort {
    let actor = Actor::system();
    let plan =
        lernweg_planner::plan(&offer.offer.to_spec(start, State::NW), &Default::default()).unwrap();
    let sessions: Vec<NewSession> = plan.sessions.iter().map(NewSession::from_planned).collect();
    let c = store
        .create_cohort(
            &actor,
            NewCohort {
                planning: Default::default(),
                offer_id: offer.id,
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
    if publish {
        store
            .set_cohort_status(&actor, c.id, CohortStatus::Published)
            .await
            .unwrap()
    } else {
        c
    }
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// Today is 1 December 2026. Provider 1: the fixture offer with the fixture cohort
/// (published here), a second published cohort, a draft one and a published one that ended in
/// spring. Provider 2: a published offer with one published cohort, and a published company
/// measure with a published cohort.
struct World {
    app: TestApp,
    p1_published: Vec<Cohort>,
    p2_cohort: Cohort,
    p2_offer: OfferRecord,
    other_token: String,
}

async fn world() -> World {
    let app = TestApp::spawn_with(common::Options {
        today: Some(date(2026, 12, 1)),
        ..Default::default()
    })
    .await;
    let store = app.state.store.clone();
    let actor = Actor::system();
    let first = store
        .set_cohort_status(&actor, app.cohort.id, CohortStatus::Published)
        .await
        .unwrap();
    let second = cohort(&store, &app.offer, date(2027, 9, 7), true).await;
    cohort(&store, &app.offer, date(2028, 1, 11), false).await;
    cohort(&store, &app.offer, date(2026, 1, 13), true).await;
    let mut company = common::sample_offer();
    company.title = "Ausgleichsmaßnahme für die Klinik Nord".into();
    company.slug = "ausgleich-klinik-nord".into();
    company.goal = lernweg_offers::Goal::CompensationMeasure;
    company.company_measure_only = true;
    let company = store
        .create_offer(&actor, app.p2.id, company)
        .await
        .unwrap();
    store
        .set_offer_published(&actor, company.id, true)
        .await
        .unwrap();
    cohort(&store, &company, date(2027, 2, 2), true).await;
    let mut o = common::sample_offer();
    o.title = "Zweites Angebot von Träger Zwei".into();
    o.slug = "zweites-angebot".into();
    let p2_offer = store.create_offer(&actor, app.p2.id, o).await.unwrap();
    let p2_offer = store
        .set_offer_published(&actor, p2_offer.id, true)
        .await
        .unwrap();
    let p2_cohort = cohort(&store, &p2_offer, date(2027, 4, 6), true).await;
    let other_token = store
        .create_token(&actor, &app.other_coordinator, "Test")
        .await
        .unwrap()
        .secret;
    World {
        app,
        p1_published: vec![first, second],
        p2_cohort,
        p2_offer,
        other_token,
    }
}

async fn get(app: &TestApp, token: &str, path: &str) -> reqwest::Response {
    TestApp::client()
        .get(app.url(path))
        .bearer_auth(token)
        .send()
        .await
        .unwrap()
}

fn elements<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    n.descendants()
        .filter(|c| c.is_element() && c.tag_name().name() == name)
        .collect()
}

fn product_ids(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).unwrap();
    let mut ids: Vec<String> = elements(doc.root_element(), "SERVICE")
        .iter()
        .map(|s| elements(*s, "PRODUCT_ID")[0].text().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

#[tokio::test]
async fn openqcat_has_the_offer_and_its_current_runs() {
    let w = world().await;
    let res = get(
        &w.app,
        w.app.token(Role::Coordinator),
        "/api/v1/exports/openqcat",
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "application/xml");
    let cd = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cd.starts_with("attachment; filename=\"openqcat-2026-12-01") && cd.ends_with(".xml\""));
    // The provider has no KURSNET supplier number nor address yet: the export says so.
    let warnings: Vec<String> = res
        .headers()
        .get_all("x-export-warning")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .collect();
    assert_eq!(
        res.headers()["x-export-warnings"].to_str().unwrap(),
        warnings.len().to_string()
    );
    assert!(
        warnings
            .iter()
            .any(|w| w == "HEADER: SUPPLIER_ID is not set"),
        "{warnings:?}"
    );
    let xml = res.text().await.unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "OPENQCAT");
    assert_eq!(root.attribute("version"), Some("1.1"));
    assert_eq!(
        elements(root, "SUPPLIER_NAME")[0].text(),
        Some("Träger Eins")
    );
    // One offer record and one per current run: not the draft, not the run that ended, not
    // provider 2's.
    let offer_id = w.app.offer.id.to_string();
    let mut expected: Vec<String> = w.p1_published.iter().map(|c| c.id.to_string()).collect();
    expected.push(offer_id.clone());
    expected.sort();
    assert_eq!(product_ids(&xml), expected);
    for s in elements(root, "SERVICE") {
        let edu = elements(s, "EDUCATION")[0];
        let own = elements(s, "PRODUCT_ID")[0].text() == Some(offer_id.as_str());
        assert_eq!(
            edu.attribute("type"),
            Some(if own { "true" } else { "false" })
        );
        assert_eq!(
            elements(edu, "COURSE_ID")[0].text(),
            Some(offer_id.as_str())
        );
        assert_eq!(
            elements(s, "EXTRA_OCCUPATIONAL")[0].text(),
            Some("true"),
            "an evening course is part-time"
        );
        assert_eq!(
            elements(s, "TITLE")[0].text(),
            Some("Fachsprache Pflege berufsbegleitend")
        );
    }
    let starts: Vec<&str> = elements(root, "SERVICE_DATE")
        .iter()
        .map(|s| elements(*s, "START_DATE")[0].text().unwrap())
        .collect();
    assert!(
        starts.iter().any(|d| d.starts_with("2027-03-")),
        "{starts:?}"
    );
    assert!(
        starts.iter().any(|d| d.starts_with("2027-09-")),
        "{starts:?}"
    );

    // The admin enters the KURSNET supplier number and address over the API.
    let patched = TestApp::client()
        .patch(w.app.url(&format!("/api/v1/providers/{}", w.app.p1.id)))
        .bearer_auth(w.app.token(Role::Admin))
        .json(&serde_json::json!({
            "kursnet_supplier_id": "245884", "street": "Lindenallee 4", "zip": "50667",
            "city": "Köln", "phone": "0221 123456", "email": "kurse@traeger-eins.example",
            "website": "https://www.traeger-eins.example"
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(patched.status(), 200);
    let body: serde_json::Value = patched.json().await.unwrap();
    assert_eq!(body["kursnet_supplier_id"], "245884");
    assert_eq!(body["city"], "Köln");
    assert_eq!(body["website"], "https://www.traeger-eins.example");
    let bad = TestApp::client()
        .patch(w.app.url(&format!("/api/v1/providers/{}", w.app.p1.id)))
        .bearer_auth(w.app.token(Role::Admin))
        .json(&serde_json::json!({"zip": "5066", "kursnet_supplier_id": "K1", "website": "traeger.example"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let problem: serde_json::Value = bad.json().await.unwrap();
    let fields: Vec<&str> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap())
        .collect();
    assert_eq!(
        fields,
        ["kursnet_supplier_id", "zip", "website"],
        "{problem}"
    );
    let res = get(
        &w.app,
        w.app.token(Role::Coordinator),
        "/api/v1/exports/openqcat",
    )
    .await;
    assert_eq!(res.headers()["x-export-warnings"].to_str().unwrap(), "0");
    let xml = res.text().await.unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let supplier = elements(doc.root_element(), "SUPPLIER")[0];
    assert_eq!(elements(supplier, "SUPPLIER_ID")[0].text(), Some("245884"));
    assert_eq!(elements(supplier, "ZIP")[0].text(), Some("50667"));
    assert_eq!(
        elements(supplier, "PHONE")[0].text(),
        Some("+49.221.123456")
    );
}

#[tokio::test]
async fn openqcat_scopes_by_provider_and_role() {
    let w = world().await;
    let admin = w.app.token(Role::Admin);
    let p2 = format!("/api/v1/exports/openqcat?provider_id={}", w.app.p2.id);
    let xml = get(&w.app, admin, &p2).await.text().await.unwrap();
    let mut p2_ids = vec![w.p2_cohort.id.to_string(), w.p2_offer.id.to_string()];
    p2_ids.sort();
    assert_eq!(product_ids(&xml), p2_ids, "never the company measure");
    assert!(xml.contains("Träger Zwei") && !xml.contains("Träger Eins"));
    assert!(!xml.contains("Klinik Nord"));
    let all = get(&w.app, admin, "/api/v1/exports/openqcat")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(product_ids(&all).len(), 5);
    // A coordinator cannot reach another provider's catalogue.
    let res = get(&w.app, w.app.token(Role::Coordinator), &p2).await;
    assert_eq!(res.status(), 404);
    let own = get(&w.app, &w.other_token, "/api/v1/exports/openqcat")
        .await
        .text()
        .await
        .unwrap();
    assert_eq!(product_ids(&own), p2_ids);
    // Unknown or malformed provider ids are 404s; trainers and counsellors may not export.
    let unknown = "/api/v1/exports/openqcat?provider_id=0191e3a4-7b1c-7c3e-8f00-0123456789ab";
    assert_eq!(get(&w.app, admin, unknown).await.status(), 404);
    assert_eq!(
        get(&w.app, admin, "/api/v1/exports/openqcat?provider_id=x")
            .await
            .status(),
        404
    );
    for role in [Role::Trainer, Role::Counsellor] {
        let res = get(&w.app, w.app.token(role), "/api/v1/exports/openqcat").await;
        assert_eq!(res.status(), 403, "{role:?}");
    }
    let anon = TestApp::client()
        .get(w.app.url("/api/v1/exports/openqcat"))
        .send()
        .await
        .unwrap();
    assert_eq!(anon.status(), 401);
}

#[tokio::test]
async fn csv_exports_are_for_german_excel() {
    let w = world().await;
    let res = get(
        &w.app,
        w.app.token(Role::Trainer),
        "/api/v1/exports/offers.csv",
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(res.headers()["content-type"], "text/csv; charset=utf-8");
    let cd = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(cd.starts_with("attachment; filename=\"angebote-") && cd.ends_with(".csv\""));
    let bytes = res.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF", "UTF-8 byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("Titel;Kurzname;Ziel;"), "{}", lines[0]);
    assert_eq!(lines.len(), 2, "only provider 1's offer");
    assert!(lines[1].contains("Fachsprache Pflege berufsbegleitend;"));
    assert!(!text.contains(&w.p2_offer.offer.title));

    let path = format!("/api/v1/cohorts/{}/timetable.csv", w.app.cohort.id);
    let res = get(&w.app, w.app.token(Role::Counsellor), &path).await;
    assert_eq!(res.status(), 200);
    let cd = res.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        cd.contains(&format!(
            "terminplan-{}-2027-03-02.csv",
            w.app.offer.offer.slug
        )),
        "{cd}"
    );
    let bytes = res.bytes().await.unwrap();
    assert_eq!(&bytes[..3], b"\xEF\xBB\xBF");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "Datum;Wochentag;Beginn;Ende;Stunden;Art;Modul;Termin"
    );
    let sessions = w.app.state.store.timetable(w.app.cohort.id).await.unwrap();
    assert_eq!(lines.len(), sessions.len() + 1);
    assert!(lines[1].starts_with("02.03.2027;Di;"), "{}", lines[1]);

    let admin = get(
        &w.app,
        w.app.token(Role::Admin),
        "/api/v1/exports/offers.csv",
    )
    .await;
    let text = admin.text().await.unwrap();
    assert!(
        text.contains(&w.p2_offer.offer.title),
        "admins export all providers"
    );
}

#[tokio::test]
async fn xlsx_exports_are_zip_files() {
    let w = world().await;
    let xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    for path in [
        "/api/v1/exports/offers.xlsx".to_owned(),
        format!("/api/v1/cohorts/{}/timetable.xlsx", w.app.cohort.id),
    ] {
        let res = get(&w.app, w.app.token(Role::Coordinator), &path).await;
        assert_eq!(res.status(), 200, "{path}");
        assert_eq!(res.headers()["content-type"], xlsx);
        let cd = res.headers()["content-disposition"]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(cd.starts_with("attachment; filename=\"") && cd.ends_with(".xlsx\""));
        let bytes = res.bytes().await.unwrap();
        assert_eq!(&bytes[..2], b"PK", "{path} is a zip file");
        assert!(bytes.len() > 1000);
    }
}

#[tokio::test]
async fn another_providers_cohort_is_not_found() {
    let w = world().await;
    for ext in ["csv", "xlsx"] {
        let theirs = format!("/api/v1/cohorts/{}/timetable.{ext}", w.app.cohort.id);
        let res = get(&w.app, &w.other_token, &theirs).await;
        assert_eq!(res.status(), 404, "{theirs}");
        let own = format!("/api/v1/cohorts/{}/timetable.{ext}", w.p2_cohort.id);
        assert_eq!(get(&w.app, &w.other_token, &own).await.status(), 200);
        let mine = get(&w.app, w.app.token(Role::Trainer), &own).await;
        assert_eq!(mine.status(), 404);
        for bad in [
            "0191e3a4-7b1c-7c3e-8f00-0123456789ab".to_owned(),
            "kein-durchgang".to_owned(),
        ] {
            let p = format!("/api/v1/cohorts/{bad}/timetable.{ext}");
            assert_eq!(
                get(&w.app, w.app.token(Role::Admin), &p).await.status(),
                404
            );
        }
    }
    let csv = get(&w.app, &w.other_token, "/api/v1/exports/offers.csv")
        .await
        .text()
        .await
        .unwrap();
    assert!(csv.contains(&w.p2_offer.offer.title));
    assert!(!csv.contains("Fachsprache Pflege berufsbegleitend"));
    let p1 = format!("/api/v1/exports/offers.csv?provider_id={}", w.app.p1.id);
    assert_eq!(get(&w.app, &w.other_token, &p1).await.status(), 404);
}
