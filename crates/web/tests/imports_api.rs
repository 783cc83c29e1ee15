//! The CSV import API through the real server: preview with errors per row, confirm once
//! (202, then 409), progress until done, discard, tenancy (404), and precise problem documents
//! for JSON bodies (415), large files (413) and files that are no CSV (422).

mod common;

use common::TestApp;
use lernweg_domain::Role;
use lernweg_store::Actor;
use serde_json::Value;

/// Three valid rows, one with a bad German level (row 5), one repeating row 2's address
/// (row 6), the address of the test app's participant (row 7), and one whose consent date
/// lies in the future (row 8); Windows-1252.
fn list() -> Vec<u8> {
    "Vorname;Nachname;E-Mail;Deutschniveau;Muttersprache;Wochenstunden;consent_data_processing\r\n\
    J\u{fc}rgen;Wei\u{df};juergen.weiss@example.org;B1;T\u{fc}rkisch;19,5;2026-09-01\r\n\
    S\u{f6}ren;Gro\u{df};soeren@example.org;A2;pl;30;02.09.2026\r\n\
    Zo\u{eb};M\u{fc}ller;;C1;Russisch;;2026-09-03\r\n\
    Olena;Kovalenko;olena@example.org;X9;uk;20;2026-09-01\r\n\
    J\u{fc}rgen;Wei\u{df};JUERGEN.WEISS@example.org;B1;tr;19,5;2026-09-01\r\n\
    Amina;Haddad;amina.haddad@example.org;B1;ar;30;2026-09-01\r\n\
    Ivana;Horvat;ivana@example.org;B1;hr;20;31.12.2999\r\n"
        .chars()
        .map(|c| u8::try_from(u32::from(c)).expect("Latin-1 only"))
        .collect()
}

async fn count(app: &TestApp) -> usize {
    app.state
        .store
        .participants(Some(app.p1.id))
        .await
        .unwrap()
        .len()
}

async fn api(
    app: &TestApp,
    token: &str,
    method: reqwest::Method,
    path: &str,
) -> reqwest::RequestBuilder {
    reqwest::Client::new()
        .request(method, app.url(path))
        .bearer_auth(token)
}

#[tokio::test]
async fn api_previews_confirms_once_and_reports_progress() {
    let app = TestApp::spawn().await;
    let token = app.token(Role::Counsellor).to_owned();
    let counsellor = app.user(Role::Counsellor).id;
    let before = count(&app).await;
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("/api/v1/participants/imports?contact_person_id={counsellor}&file_name=liste.csv"),
    )
    .await
    .header("content-type", "text/csv; charset=windows-1252")
    .body(list())
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), 201);
    let job: Value = res.json().await.unwrap();
    assert_eq!(job["status"], "previewed");
    assert_eq!(job["encoding"], "windows1252");
    assert_eq!(job["file_name"], "liste.csv");
    assert_eq!(job["total_rows"], 7);
    assert_eq!(job["valid_rows"], 3);
    assert_eq!(job["error_rows"], 4);
    let errors = job["errors"].as_array().unwrap();
    assert_eq!(errors.len(), 4);
    assert_eq!(errors[0]["row"], 5);
    assert_eq!(errors[0]["field"], "german_level");
    assert!(errors[0]["message"].as_str().unwrap().contains("X9"));
    assert_eq!(errors[1]["code"], "duplicate_in_file");
    assert_eq!(errors[2]["code"], "already_stored");
    assert_eq!(errors[3]["row"], 8);
    assert_eq!(errors[3]["field"], "consent_data_processing");
    assert_eq!(errors[3]["code"], "consent_in_future");
    assert!(
        errors[3]["message"]
            .as_str()
            .unwrap()
            .contains("31.12.2999"),
        "{}",
        errors[3]
    );
    assert_eq!(count(&app).await, before);
    let id = job["id"].as_str().unwrap().to_owned();
    let path = format!("/api/v1/participants/imports/{id}");

    let res = api(&app, &token, reqwest::Method::GET, &path)
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let shown: Value = res.json().await.unwrap();
    assert_eq!(shown["errors"].as_array().unwrap().len(), 4);

    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("{path}/confirm"),
    )
    .await
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), 202);
    let running: Value = res.json().await.unwrap();
    assert_eq!(running["status"], "running");
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("{path}/confirm"),
    )
    .await
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), 409);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let mut done = Value::Null;
    for _ in 0..100 {
        done = api(&app, &token, reqwest::Method::GET, &path)
            .await
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        if done["status"] != "running" {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(done["status"], "done");
    assert_eq!(done["done_rows"], 3);
    assert!(done["errors"].as_array().unwrap().is_empty());
    assert_eq!(count(&app).await, before + 3);
    let res = api(&app, &token, reqwest::Method::DELETE, &path)
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 409, "a done import cannot be discarded");

    // Discard a second preview; then it cannot be confirmed.
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/participants/imports",
    )
    .await
    .header("content-type", "text/csv")
    .body("Vorname;Nachname;Einwilligung Datenverarbeitung\r\nAnna;Berg;01.09.2026\r\n")
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), 201);
    let job: Value = res.json().await.unwrap();
    let path = format!(
        "/api/v1/participants/imports/{}",
        job["id"].as_str().unwrap()
    );
    let res = api(&app, &token, reqwest::Method::DELETE, &path)
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let gone: Value = res.json().await.unwrap();
    assert_eq!(gone["status"], "discarded");
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        &format!("{path}/confirm"),
    )
    .await
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), 409);
    let problem: Value = res.json().await.unwrap();
    assert!(problem["detail"].as_str().unwrap().contains("discarded"));
    assert_eq!(count(&app).await, before + 3);

    let list_of = |query: String| {
        let (app, token) = (&app, &token);
        async move {
            let res = api(
                app,
                token,
                reqwest::Method::GET,
                &format!("/api/v1/participants/imports{query}"),
            )
            .await
            .send()
            .await
            .unwrap();
            (res.status().as_u16(), res.json::<Value>().await.unwrap())
        }
    };
    let (_, list) = list_of(String::new()).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    assert!(list["next_cursor"].is_null());
    // Newest first, one at a time with the cursor.
    let (_, first) = list_of("?limit=1".into()).await;
    assert_eq!(first["items"][0]["id"], list["items"][0]["id"]);
    let cursor = first["next_cursor"].as_str().unwrap().to_owned();
    let (_, second) = list_of(format!("?limit=1&cursor={cursor}")).await;
    assert_eq!(second["items"][0]["id"], list["items"][1]["id"]);
    assert!(second["next_cursor"].is_null());
    let (_, discarded) = list_of("?status=discarded".into()).await;
    assert_eq!(discarded["items"].as_array().unwrap().len(), 1);
    assert_eq!(discarded["items"][0]["status"], "discarded");
    let (status, problem) = list_of("?status=lost".into()).await;
    assert_eq!(status, 422);
    assert!(problem.to_string().contains("status"));
    let (status, _) = list_of("?limit=501".into()).await;
    assert_eq!(status, 422);

    // Another provider's coordinator gets 404 for the job.
    let other = app
        .state
        .store
        .create_token(&Actor::system(), &app.other_coordinator, "t")
        .await
        .unwrap()
        .secret;
    let res = api(&app, &other, reqwest::Method::GET, &path)
        .await
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
}

#[tokio::test]
async fn api_refuses_json_large_and_non_csv_bodies_precisely() {
    let app = TestApp::spawn().await;
    let token = app.token(Role::Coordinator).to_owned();
    let post = || async {
        api(
            &app,
            &token,
            reqwest::Method::POST,
            "/api/v1/participants/imports",
        )
        .await
    };
    let res = post()
        .await
        .json(&serde_json::json!({"rows": []}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 415);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res = post()
        .await
        .header("content-type", "text/csv")
        .body(vec![b'a'; 10 * 1024 * 1024 + 1])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    let problem: Value = res.json().await.unwrap();
    assert!(problem["detail"].as_str().unwrap().contains("10 MiB"));
    let res = post()
        .await
        .header("content-type", "text/csv")
        .body(b"PK\x03\x04\x14\x00".to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "file");
    assert_eq!(problem["errors"][0]["code"], "xlsx");
    let res = post()
        .await
        .header("content-type", "text/csv")
        .body("Spalte;Andere\r\n1;2\r\n")
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["code"], "missing_columns");
    let res = api(
        &app,
        &token,
        reqwest::Method::POST,
        "/api/v1/participants/imports?contact_person_id=kaputt",
    )
    .await
    .header("content-type", "text/csv")
    .body("Vorname;Nachname\r\nA;B\r\n")
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), 422);
    let problem: Value = res.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "contact_person_id");
    let res = api(
        &app,
        &token,
        reqwest::Method::GET,
        "/api/v1/participants/imports/kaputt",
    )
    .await
    .send()
    .await
    .unwrap();
    assert_eq!(res.status(), 404);
    assert_eq!(count(&app).await, 1);
}
