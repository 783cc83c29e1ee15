//! The OpenAPI document keeps the rules an OpenAPI 3.1 validator and generated clients rely
//! on (CI also runs `openapi-spec-validator` on the pinned document, `.ci/validate-openapi`),
//! and the server answers what the document promises: every error is a problem document,
//! also the ones no handler writes (413, a query string that does not deserialise, a JSON
//! body that is refused); invalid catalogue filters are a 422 naming the parameter; messages
//! are English.

mod common;

use std::collections::BTreeMap;

use common::TestApp;
use lernweg_domain::{Access, Role};
use lernweg_web::routes::{Kind, specs};
use serde_json::{Value, json};

const METHODS: [&str; 5] = ["get", "post", "put", "patch", "delete"];

async fn document(app: &TestApp) -> Value {
    reqwest::get(app.url("/api/v1/openapi.json"))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

/// Every operation: (method, path, operation).
fn operations(doc: &Value) -> Vec<(String, String, &Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for m in METHODS {
            if let Some(op) = item.get(m) {
                out.push((m.to_owned(), path.clone(), op));
            }
        }
    }
    out
}

#[tokio::test]
async fn the_document_keeps_the_rules_of_an_openapi_validator() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let ops = operations(&doc);
    let api_routes: Vec<_> = specs().iter().filter(|s| s.kind == Kind::Api).collect();
    assert_eq!(ops.len(), api_routes.len(), "every API route is documented");

    let mut ids = BTreeMap::new();
    for (method, path, op) in &ops {
        let at = format!("{method} {path}");
        let id = op["operationId"]
            .as_str()
            .unwrap_or_else(|| panic!("{at}: no operationId"));
        if let Some(other) = ids.insert(id.to_owned(), at.clone()) {
            panic!("operationId {id} of {at} is also that of {other}");
        }

        // Path parameters are exactly the path's placeholders; the rest are query parameters.
        let placeholders: Vec<&str> = path
            .split('{')
            .skip(1)
            .filter_map(|s| s.split_once('}').map(|(name, _)| name))
            .collect();
        let params = op["parameters"].as_array().cloned().unwrap_or_default();
        for p in &params {
            let name = p["name"].as_str().unwrap();
            let place = p["in"].as_str().unwrap();
            assert_eq!(
                place == "path",
                placeholders.contains(&name),
                "{at}: parameter {name} is `in: {place}`"
            );
        }
        for name in &placeholders {
            assert!(
                params
                    .iter()
                    .any(|p| p["name"] == *name && p["in"] == "path"),
                "{at}: {{{name}}} is not documented"
            );
        }

        let responses = op["responses"].as_object().unwrap();
        for (status, response) in responses {
            let text = response["description"].as_str().unwrap_or_default();
            assert!(!text.is_empty(), "{at} {status}: no description");
            if status.as_str() >= "400" {
                assert_eq!(
                    response["content"],
                    json!({"application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}),
                    "{at} {status}: errors are problem documents"
                );
            }
        }

        let spec = api_routes
            .iter()
            .find(|s| s.method.eq_ignore_ascii_case(method) && s.path == path)
            .unwrap_or_else(|| panic!("{at} is not in the route table"));
        let needs = |status: &str| responses.contains_key(status);
        match spec.access {
            Access::Public => assert!(!needs("401"), "{at}: public, yet 401"),
            access => {
                assert!(needs("401"), "{at}: needs a token, documents no 401");
                assert_eq!(op["security"], json!([{"bearer": []}]), "{at}");
                if matches!(access, Access::Roles(_)) {
                    assert!(needs("403"), "{at}: needs a role, documents no 403");
                }
            }
        }
        if !placeholders.is_empty() {
            assert!(needs("404"), "{at}: an id in the path, no 404");
        }
        if op.get("requestBody").is_some() {
            assert!(needs("400") && needs("413"), "{at}: a body, no 400/413");
        }
    }
    assert!(
        ids.len() > 60,
        "the walk sees the operations ({})",
        ids.len()
    );
}

fn is_problem(res: &reqwest::Response) -> bool {
    res.headers()["content-type"] == "application/problem+json"
}

#[tokio::test]
async fn every_error_answer_is_a_problem_document() {
    let app = TestApp::spawn().await;
    let c = reqwest::Client::new();
    let admin = app.token(Role::Admin);

    // A wrong limit is 422 naming it.
    let res = c
        .get(app.url("/api/v1/audit?limit=viele"))
        .bearer_auth(admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(is_problem(&res));
    let p: Value = res.json().await.unwrap();
    assert!(p.to_string().contains("limit"), "{p}");

    // A query string that does not deserialise.
    let res = c
        .get(app.url("/api/v1/audit?limit=1&limit=2"))
        .bearer_auth(admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 400);
    assert!(is_problem(&res));
    let p: Value = res.json().await.unwrap();
    assert_eq!(p["status"], 400);
    assert!(p["detail"].as_str().unwrap().contains("limit"), "{p}");

    // A body over the limit (2 MiB), declared and sent.
    let res = c
        .post(app.url("/api/v1/cohorts"))
        .bearer_auth(app.token(Role::Coordinator))
        .header("content-type", "application/json")
        .body(vec![b' '; 3 * 1024 * 1024])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 413);
    assert!(is_problem(&res));
    assert_eq!(res.json::<Value>().await.unwrap()["status"], 413);

    // A JSON body that is refused: not JSON, the wrong media type.
    for (content_type, body) in [("application/json", "{"), ("text/plain", "{}")] {
        let res = c
            .post(app.url("/api/v1/cohorts"))
            .bearer_auth(app.token(Role::Coordinator))
            .header("content-type", content_type)
            .body(body)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 400, "{content_type}");
        assert!(is_problem(&res), "{content_type}");
    }

    // A method the route does not have.
    let res = c
        .delete(app.url("/api/v1/audit"))
        .bearer_auth(admin)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 405);
    assert!(is_problem(&res));
    assert!(res.headers().contains_key("allow"));
}

#[tokio::test]
async fn invalid_catalogue_filters_are_refused_by_name() {
    let app = TestApp::spawn().await;
    for (query, field) in [
        ("state=XX", "state"),
        ("month=2027-13", "month"),
        ("field=12", "field"),
        ("time_model=nope", "time_model"),
        ("mode=somewhere", "mode"),
    ] {
        let res = reqwest::get(app.url(&format!("/api/v1/public/offers?{query}")))
            .await
            .unwrap();
        assert_eq!(res.status(), 422, "{query}");
        assert!(is_problem(&res));
        let p: Value = res.json().await.unwrap();
        assert_eq!(p["errors"][0]["field"], field, "{p}");
        assert!(
            p["errors"][0]["message"]
                .as_str()
                .unwrap()
                .starts_with(field)
        );
    }
    let res = reqwest::get(app.url("/api/v1/public/offers?state=NW&month=2027-03&mode="))
        .await
        .unwrap();
    assert_eq!(res.status(), 200, "valid and empty values are filters");
    // The page keeps showing offers for a stale link.
    let res = reqwest::get(app.url("/angebote?state=XX")).await.unwrap();
    assert_eq!(res.status(), 200);
}

#[tokio::test]
async fn null_is_not_given_and_messages_are_english() {
    let app = TestApp::spawn().await;
    let c = reqwest::Client::new();
    let online = json!({
        "title": "Deutsch im Beruf online",
        "goal": "language_support",
        "kldb": "51312",
        "target_group": "Beschäftigte",
        "description": "Sie lernen am Abend online.",
        "delivery_modes": ["online_live"],
        "kickoff_in_presence": false,
        "closing_in_presence": false,
        "time_model": {"kind": "evening_course"},
        "modules": [{"title": "Grundlagen", "hours": 40}],
        "location": null,
        "exchange": null,
        "load_limit_hours": null,
        "capacity": 12,
        "contact_name": "Jonas Weber",
        "contact_email": "j.weber@traeger.example"
    });
    let res = c
        .post(app.url("/api/v1/offers"))
        .bearer_auth(app.token(Role::Coordinator))
        .json(&online)
        .send()
        .await
        .unwrap();
    let status = res.status();
    let body: Value = res.json().await.unwrap();
    assert!(status == 201 || status == 422, "{status} {body}");
    assert!(
        body["errors"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|e| !e["field"].as_str().unwrap().starts_with("location")),
        "`location: null` is accepted: {body}"
    );

    let mut short = online.clone();
    short["title"] = json!("X");
    let res = c
        .post(app.url("/api/v1/offers"))
        .bearer_auth(app.token(Role::Coordinator))
        .header("cookie", "lw_lang=de")
        .json(&short)
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    let p: Value = res.json().await.unwrap();
    let title = p["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["field"] == "title")
        .unwrap();
    assert_eq!(title["message"], "The title needs at least 3 characters.");
}

/// The request bodies of `tests/data/offer_requests.json` (which CI also validates against
/// the pinned document's request schemas with Python's `jsonschema`) are accepted by the
/// server, and the document's offer request schema requires nothing and allows `null`.
#[tokio::test]
async fn offer_request_schemas_take_what_the_server_takes() {
    let app = TestApp::spawn().await;
    let doc = document(&app).await;
    let schemas = &doc["components"]["schemas"];
    let input = &schemas["OfferFieldsInput"];
    assert!(input.get("required").is_none(), "{input}");
    let props = input["properties"].as_object().unwrap();
    assert_eq!(
        props.len(),
        schemas["OfferFields"]["properties"]
            .as_object()
            .unwrap()
            .len(),
        "the input has every field of the answer"
    );
    for (key, prop) in props {
        assert!(
            prop.to_string().contains("\"null\""),
            "{key} may be null: {prop}"
        );
    }
    assert!(props["costs_eur"].to_string().contains("\"string\""));
    let module = &schemas["ModuleDtoInput"];
    assert!(module.get("required").is_none(), "{module}");
    assert!(props["location"].to_string().contains("LocationDtoInput"));
    for op in ["NewOfferDoc", "OfferPatchDoc"] {
        let text = schemas[op].to_string();
        assert!(
            text.contains("#/components/schemas/OfferFieldsInput"),
            "{op}: {text}"
        );
        assert!(
            !text.contains("#/components/schemas/OfferFields\""),
            "{op}: {text}"
        );
    }

    let examples: Value = serde_json::from_str(include_str!("data/offer_requests.json")).unwrap();
    let c = reqwest::Client::new();
    // Sends `body` with the coordinator's token; the answer, after checking its status.
    let send = async |req: reqwest::RequestBuilder, body: &Value, expected: u16| {
        let res = req
            .bearer_auth(app.token(Role::Coordinator))
            .json(body)
            .send()
            .await
            .unwrap();
        let status = res.status();
        let answer: Value = res.json().await.unwrap();
        assert_eq!(status, expected, "{body} → {answer}");
        answer
    };
    let mut created = None;
    for body in examples["create_offer"].as_array().unwrap() {
        let answer = send(c.post(app.url("/api/v1/offers")), body, 201).await;
        created = Some(answer["id"].as_str().unwrap().to_owned());
    }
    let id = created.unwrap();
    for body in examples["update_offer"].as_array().unwrap() {
        send(c.patch(app.url(&format!("/api/v1/offers/{id}"))), body, 200).await;
    }
}
