//! Employers (issue 13, point 1): the directory with contact people over the API, and the
//! link of a participant to an employer, which needs the consent `employer_contact` and ends
//! when that consent is withdrawn.

mod common;

use common::{TestApp, api_call};
use lernweg_domain::{RawEmployer, Role};
use lernweg_store::Actor;
use serde_json::{Value, json};

fn care_home() -> Value {
    json!({
        "name": "Pflegedienst Sonnenschein GmbH",
        "street": "Lindenstraße 4",
        "postcode": "04109",
        "city": "Leipzig",
        "sector": "care",
        "kldb": "81302",
        "contacts": [
            {"name": "Jana Krüger", "email": "j.krueger@sonnenschein.example"},
            {"name": "Ole Brandt", "phone": "0341 555 12", "preferred_channel": "phone"}
        ]
    })
}

async fn call(app: &TestApp, method: &str, path: &str, body: Option<Value>) -> (u16, Value) {
    api_call(app, Role::Counsellor, method, path, body).await
}

#[tokio::test]
async fn employers_are_kept_with_their_contacts_and_checked_field_by_field() {
    let app = TestApp::spawn().await;
    let (status, created) = call(&app, "POST", "/api/v1/employers", Some(care_home())).await;
    assert_eq!(status, 201, "{created}");
    assert_eq!(created["provider_id"], app.p1.id.to_string());
    assert_eq!(created["sector"], "care");
    assert_eq!(created["kldb"], "81302");
    assert_eq!(created["contacts"][0]["preferred_channel"], "email");
    assert_eq!(created["contacts"][1]["preferred_channel"], "phone");
    let id = created["id"].as_str().unwrap();

    // Saving keeps a contact named by id, drops the one left out, adds a new one.
    let kept = created["contacts"][0]["id"].clone();
    let mut body = care_home();
    body["contacts"] = json!([
        {"id": kept, "name": "Jana Krüger-Brandt", "email": "j.krueger@sonnenschein.example"},
        {"name": "Personalbüro", "street": "", "email": "personal@sonnenschein.example"}
    ]);
    let (status, saved) = call(&app, "PUT", &format!("/api/v1/employers/{id}"), Some(body)).await;
    assert_eq!(status, 200, "{saved}");
    let contacts = saved["contacts"].as_array().unwrap();
    assert_eq!(contacts.len(), 2);
    assert_eq!(contacts[0]["id"], kept);
    assert_eq!(contacts[0]["name"], "Jana Krüger-Brandt");
    assert_eq!(contacts[1]["name"], "Personalbüro");

    // Bad input: 422 naming the field; nothing is saved.
    for (patch, field, code) in [
        (json!({"sector": "farming"}), "sector", "invalid_sector"),
        (json!({"name": " "}), "name", "required"),
        (json!({"postcode": "4109"}), "postcode", "invalid_postcode"),
        (
            json!({"contacts": [{"name": "X", "preferred_channel": "email"}]}),
            "contacts",
            "required_for_channel",
        ),
        (
            json!({"contacts": [{"id": "0190a0a0-0000-7000-8000-000000000009", "name": "X"}]}),
            "contacts",
            "unknown_contact",
        ),
    ] {
        let mut body = care_home();
        for (k, v) in patch.as_object().unwrap() {
            body[k] = v.clone();
        }
        let (status, problem) =
            call(&app, "PUT", &format!("/api/v1/employers/{id}"), Some(body)).await;
        assert_eq!(status, 422, "{problem}");
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
        assert_eq!(problem["errors"][0]["code"], code, "{problem}");
    }
    let (_, now) = call(&app, "GET", &format!("/api/v1/employers/{id}"), None).await;
    assert_eq!(now["contacts"], saved["contacts"]);

    // The list: by name, searchable by contact name, narrowed by sector; another provider's
    // employer is neither listed nor readable.
    let theirs = app
        .db
        .store
        .create_employer(
            &Actor::system(),
            app.p2.id,
            RawEmployer {
                name: "Bau Meier KG".into(),
                sector: "construction".into(),
                ..Default::default()
            }
            .parse()
            .unwrap(),
        )
        .await
        .unwrap();
    let (_, list) = call(&app, "GET", "/api/v1/employers?q=krüger", None).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 1, "{list}");
    let (_, list) = call(&app, "GET", "/api/v1/employers?sector=retail", None).await;
    assert!(list["items"].as_array().unwrap().is_empty());
    let (status, _) = call(&app, "GET", "/api/v1/employers?sector=farming", None).await;
    assert_eq!(status, 422);
    // Provider 1 has the harness's hospital and the care home.
    let (_, list) = call(&app, "GET", "/api/v1/employers", None).await;
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
    let (status, _) = call(
        &app,
        "GET",
        &format!("/api/v1/employers/{}", theirs.id),
        None,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = call(&app, "GET", "/api/v1/employers/not-an-id", None).await;
    assert_eq!(status, 404);
    // The admin sees both.
    let (_, all) = api_call(&app, Role::Admin, "GET", "/api/v1/employers", None).await;
    assert_eq!(all["items"].as_array().unwrap().len(), 3);
}

#[tokio::test]
async fn a_participant_is_linked_only_with_consent_and_the_link_ends_with_it() {
    let app = TestApp::spawn().await;
    let (_, employer) = call(&app, "POST", "/api/v1/employers", Some(care_home())).await;
    let employees = format!(
        "/api/v1/employers/{}/employees",
        employer["id"].as_str().unwrap()
    );
    let person = app.participant.to_string();

    // Without the consent: refused, nothing linked.
    let (status, problem) = call(
        &app,
        "POST",
        &employees,
        Some(json!({"participant_id": person})),
    )
    .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["code"], "consent_required");
    let (_, list) = call(&app, "GET", &employees, None).await;
    assert!(list.as_array().unwrap().is_empty());

    // The consent, sent with the code used before issue 13, is stored under the new one.
    let consents = format!("/api/v1/participants/{person}/consents");
    let (status, consent) = call(
        &app,
        "POST",
        &consents,
        Some(json!({"scope": "contact_employer", "given_on": "2026-11-02"})),
    )
    .await;
    assert_eq!(status, 201, "{consent}");
    assert_eq!(consent["scope"], "employer_contact");

    let (status, link) = call(
        &app,
        "POST",
        &employees,
        Some(json!({"participant_id": person, "since": "2026-11-02"})),
    )
    .await;
    assert_eq!(status, 201, "{link}");
    assert_eq!(link["active"], true);
    assert_eq!(link["since"], "2026-11-02");
    let (status, _) = call(
        &app,
        "POST",
        &employees,
        Some(json!({"participant_id": person})),
    )
    .await;
    assert_eq!(status, 409, "linked twice");

    // A participant of another provider cannot be linked.
    let stranger = app
        .db
        .store
        .create_participant(
            &Actor::system(),
            app.p2.id,
            None,
            common::sample_participant(),
        )
        .await
        .unwrap();
    let (status, problem) = call(
        &app,
        "POST",
        &employees,
        Some(json!({"participant_id": stranger.id.to_string()})),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(problem["errors"][0]["code"], "unknown_participant");

    // Withdrawing the consent ends the link at once.
    let (status, _) = call(
        &app,
        "POST",
        &format!("{consents}/{}/withdraw", consent["id"].as_str().unwrap()),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 200);
    let (_, list) = call(&app, "GET", &employees, None).await;
    let links = list.as_array().unwrap();
    assert_eq!(links.len(), 1);
    assert_eq!(links[0]["active"], false);
    assert_eq!(links[0]["end_reason"], "consent_withdrawn");
    // The participant page says so; the GDPR export lists the link.
    let (client, _) = app.login(app.user(Role::Counsellor).email.as_str()).await;
    let page = |path: String| {
        let req = client.get(app.url(&path));
        async move { req.send().await.unwrap().text().await.unwrap() }
    };
    let html = page(format!("/verwaltung/teilnehmende/{person}")).await;
    assert!(
        html.contains("Pflegedienst Sonnenschein GmbH: verknüpft seit 02.11.2026"),
        "{html}"
    );
    assert!(html.contains("weil die Einwilligung widerrufen wurde"));
    let auskunft = page(format!("/verwaltung/teilnehmende/{person}/auskunft")).await;
    assert!(
        auskunft.contains("Pflegedienst Sonnenschein GmbH: verknüpft seit 02.11.2026"),
        "{auskunft}"
    );
    let (_, export) = call(
        &app,
        "GET",
        &format!("/api/v1/participants/{person}/export"),
        None,
    )
    .await;
    assert_eq!(
        export["employments"][0]["end_reason"], "consent_withdrawn",
        "{export}"
    );

    // A new consent, a new link, ended by staff; ending it twice is a conflict.
    let (_, consent) = call(
        &app,
        "POST",
        &consents,
        Some(json!({"scope": "employer_contact"})),
    )
    .await;
    assert_eq!(consent["scope"], "employer_contact");
    let (status, link) = call(
        &app,
        "POST",
        &employees,
        Some(json!({"participant_id": person})),
    )
    .await;
    assert_eq!(status, 201, "{link}");
    let end = format!("/api/v1/employments/{}/end", link["id"].as_str().unwrap());
    let (status, ended) = call(&app, "POST", &end, Some(json!({}))).await;
    assert_eq!(status, 200, "{ended}");
    assert_eq!(ended["end_reason"], "ended_by_staff");
    let (status, _) = call(&app, "POST", &end, Some(json!({}))).await;
    assert_eq!(status, 409);

    // Reading who works there is audited.
    let entries = app.db.store.audit_entries(None, 500).await.unwrap();
    assert!(
        entries
            .iter()
            .any(|e| e.entity == "employer" && e.action == "view" && e.detail == "employees"),
        "no audited read"
    );
}
