//! Language competence (issue 16) end to end over HTTP: assessments with every invalid field
//! named, the record's German level in step, trainers' reach, the staff page with chart and
//! table, the participant's self-assessment, certificates (PDF, the VC-JWT checked by an
//! independent library against the published JWKS, the public verify page), revocation and
//! key rotation.

mod common;
#[path = "language/pages.rs"]
mod pages;

use chrono::NaiveDate;
use common::{Options, TestApp, api_call};
use jwt_compact::alg::Ed25519;
use jwt_compact::jwk::JsonWebKey;
use jwt_compact::{Algorithm, AlgorithmExt, UntrustedToken};
use lernweg_domain::Role;
use lernweg_web::i18n::Lang;
use serde_json::{Map, Value, json};

type CompactPublicKey = <Ed25519 as Algorithm>::VerifyingKey;

async fn spawn() -> TestApp {
    TestApp::spawn_with(Options {
        today: Some("2026-12-04".parse::<NaiveDate>().unwrap()),
        ..Default::default()
    })
    .await
}

async fn assess(app: &TestApp, role: Role, person: &str, body: Value) -> (u16, Value) {
    api_call(
        app,
        role,
        "POST",
        &format!("/api/v1/participants/{person}/language-assessments"),
        Some(body),
    )
    .await
}

fn fields(body: &Value) -> Vec<String> {
    body["errors"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|e| e["field"].as_str().unwrap_or_default().to_owned())
                .collect()
        })
        .unwrap_or_default()
}

/// Checks `jwt` with jwt-compact (its own JWS parser and ed25519-compact) against the key of
/// the JWKS that names it; answers the claims.
fn verify_independently(jwks: &Value, jwt: &str) -> Map<String, Value> {
    let token = UntrustedToken::new(jwt).unwrap();
    assert_eq!(token.algorithm(), "EdDSA");
    let kid = token.header().key_id.clone().expect("kid");
    let jwk = jwks["keys"]
        .as_array()
        .unwrap()
        .iter()
        .find(|k| k["kid"] == kid.as_str())
        .expect("the JWKS publishes the kid");
    assert_eq!(jwk["kty"], "OKP");
    assert_eq!(jwk["crv"], "Ed25519");
    let jwk: JsonWebKey<'static> = serde_json::from_value(jwk.clone()).unwrap();
    let key = CompactPublicKey::try_from(&jwk).unwrap();
    Ed25519
        .validator::<Map<String, Value>>(&key)
        .validate(&token)
        .expect("the signature holds")
        .claims()
        .custom
        .clone()
}

/// The portal language of the test participant (their mother tongue when the portal speaks it).
async fn portal_lang(app: &TestApp) -> Lang {
    let p = app.state.store.participant(app.participant).await.unwrap();
    p.data
        .mother_tongue
        .as_ref()
        .and_then(|l| Lang::for_participant(l.as_str()))
        .unwrap_or(Lang::De)
}

fn location(r: &reqwest::Response) -> String {
    r.headers()["location"].to_str().unwrap().to_owned()
}

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    TestApp::client().get(app.url(path)).send().await.unwrap()
}

#[tokio::test]
async fn assessments_are_checked_and_keep_the_record_level_in_step() {
    let app = spawn().await;
    let person = app.participant.to_string();
    let (status, body) = assess(
        &app,
        Role::Counsellor,
        &person,
        json!({"skill": "speaking", "level": "B7", "source": "oracle", "assessed_on": "2026-12-05"}),
    )
    .await;
    assert_eq!(status, 422, "{body}");
    assert_eq!(fields(&body), ["skill", "level", "source", "assessed_on"]);
    let (status, body) = assess(
        &app,
        Role::Counsellor,
        &person,
        json!({"skill": "writing", "level": "B2", "source": "certificate", "assessed_on": "2026-11-30"}),
    )
    .await;
    assert_eq!(status, 422);
    assert_eq!(fields(&body), ["issuer", "exam"]);
    // Self-assessments are the participant's own.
    let (status, body) = assess(
        &app,
        Role::Counsellor,
        &person,
        json!({"skill": "reading", "level": "B1", "source": "self_assessment", "assessed_on": "2026-11-30"}),
    )
    .await;
    assert_eq!((status, fields(&body)), (422, vec!["source".to_owned()]));

    for (role, skill, level, source, on) in [
        (
            Role::Counsellor,
            "reading",
            "A2.2",
            "placement_test",
            "2026-03-01",
        ),
        (Role::Trainer, "reading", "B1.1", "trainer", "2026-09-15"),
        (Role::Trainer, "listening", "B2", "trainer", "2026-09-15"),
        (Role::Trainer, "occupational", "A2", "trainer", "2026-10-01"),
    ] {
        let (status, body) = assess(
            &app,
            role,
            &person,
            json!({"skill": skill, "level": level, "source": source, "assessed_on": on}),
        )
        .await;
        assert_eq!(status, 201, "{body}");
    }
    let (status, body) = assess(
        &app,
        Role::Counsellor,
        &person,
        json!({"skill": "writing", "level": "B1.2", "source": "certificate", "assessed_on": "2026-11-30",
               "issuer": "telc gGmbH", "exam": "telc Deutsch B1·B2 Beruf", "certificate_number": "4711", "note": "gut"}),
    )
    .await;
    assert_eq!(status, 201, "{body}");
    assert_eq!(body["items"].as_array().unwrap().len(), 5);
    assert_eq!(body["current"]["reading"], "B1.1");
    assert_eq!(body["current"]["writing"], "B1.2");
    // The lowest current CEFR level (occupational German A2 does not count).
    assert_eq!(body["german_level"], "B1");
    let last = &body["items"][4];
    for key in [
        "skill",
        "level",
        "source",
        "assessed_on",
        "issuer",
        "exam",
        "certificate_number",
        "note",
    ] {
        assert!(last.get(key).is_some(), "{key}");
    }
    assert_eq!(last["exam"], "telc Deutsch B1·B2 Beruf");
    let (_, record) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/participants/{person}"),
        None,
    )
    .await;
    assert_eq!(record["german_level"], "B1", "{record}");

    // A trainer reaches only the participants of the cohorts they teach.
    let other = app
        .state
        .store
        .create_participant(
            &lernweg_store::Actor::system(),
            app.p1.id,
            None,
            common::sample_participant(),
        )
        .await
        .unwrap()
        .id;
    let (status, _) = api_call(
        &app,
        Role::Trainer,
        "GET",
        &format!("/api/v1/participants/{other}/language-assessments"),
        None,
    )
    .await;
    assert_eq!(status, 404);
    let (status, _) = api_call(
        &app,
        Role::Trainer,
        "GET",
        &format!("/api/v1/participants/{person}/language-assessments"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    // Trainers issue no certificates.
    let (status, _) = api_call(
        &app,
        Role::Trainer,
        "POST",
        &format!("/api/v1/participants/{person}/language-certificates"),
        None,
    )
    .await;
    assert_eq!(status, 403);
}

#[tokio::test]
async fn a_certificate_verifies_independently_until_revoked_and_survives_rotation() {
    let app = spawn().await;
    let person = app.participant.to_string();
    // Nothing documented yet: nothing to certify.
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/participants/{person}/language-certificates"),
        None,
    )
    .await;
    assert_eq!(
        (status, fields(&body)),
        (422, vec!["assessments".to_owned()])
    );
    for (skill, level) in [("reading", "B1.2"), ("spoken_interaction", "B1")] {
        let (status, _) = assess(
            &app,
            Role::Counsellor,
            &person,
            json!({"skill": skill, "level": level, "source": "trainer", "assessed_on": "2026-11-20"}),
        )
        .await;
        assert_eq!(status, 201);
    }
    let (status, cert) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/participants/{person}/language-certificates"),
        None,
    )
    .await;
    assert_eq!(status, 201, "{cert}");
    let id = cert["id"].as_str().unwrap().to_owned();
    for key in ["pdf_url", "credential_url", "verify_url"] {
        assert!(cert[key].as_str().unwrap().starts_with("http://"), "{key}");
    }

    // The credential is public, served as application/vc+jwt.
    let credential_path = format!("/api/v1/public/language-certificates/{id}/credential");
    let response = get(&app, &credential_path).await;
    assert_eq!(response.status(), 200);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/vc+jwt"
    );
    let jwt = response.text().await.unwrap();
    let provider = app.p1.id.to_string();
    let jwks: Value = get(
        &app,
        &format!("/api/v1/public/issuers/{provider}/jwks.json"),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(jwks["keys"].as_array().unwrap().len(), 1);
    let claims = verify_independently(&jwks, &jwt);
    assert_eq!(
        claims["type"],
        json!(["VerifiableCredential", "OpenBadgeCredential"])
    );
    assert_eq!(
        claims["@context"][0],
        "https://www.w3.org/ns/credentials/v2"
    );
    assert!(
        claims["iss"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/api/v1/public/issuers/{provider}"))
    );
    assert_eq!(claims["issuer"]["name"], "Träger Eins");
    let subject = &claims["credentialSubject"];
    assert_eq!(subject["identifier"][0]["identityHash"], "Amina Haddad");
    let results: Vec<&str> = subject["result"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["value"].as_str().unwrap())
        .collect();
    assert_eq!(results, ["B1.2", "B1"]);
    // The issuer profile the credential names.
    let profile: Value = get(&app, &format!("/api/v1/public/issuers/{provider}"))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(profile["id"], claims["iss"]);

    // The verify page says valid, in German and English.
    let page = get(&app, &format!("/nachweise/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(
        page.contains("Dieser Nachweis ist echt und gültig."),
        "{page}"
    );
    assert!(page.contains("This certificate is genuine and valid."));
    assert!(page.contains("Amina Haddad") && page.contains("B1.2"));
    let unknown = get(&app, "/nachweise/0193a1b2-0000-7000-8000-000000000001").await;
    assert_eq!(unknown.status(), 404);
    assert!(
        unknown
            .text()
            .await
            .unwrap()
            .contains("Diesen Nachweis kennen wir nicht.")
    );

    // The PDF, German and English.
    for (lang, words) in [
        ("de", "Sprachkompetenznachweis"),
        ("en", "Certificate of German"),
    ] {
        let response = TestApp::client()
            .get(app.url(&format!(
                "/api/v1/language-certificates/{id}/pdf?lang={lang}"
            )))
            .bearer_auth(app.token(Role::Counsellor))
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 200);
        let bytes = response.bytes().await.unwrap();
        let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
        assert!(text.contains(words), "{lang}: {text}");
        assert!(text.contains("B1.2"));
    }

    // Rotation: a new key signs, the old certificate still verifies.
    lernweg_app::language_certificates::rotate_key(
        &app.state.app,
        &lernweg_app::Caller::new(
            lernweg_domain::Principal {
                user_id: app.user(Role::Coordinator).id,
                role: Role::Coordinator,
                provider_id: Some(app.p1.id),
            },
            lernweg_store::Actor::system(),
        ),
        app.p1.id,
    )
    .await
    .unwrap();
    let (_, second) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!("/api/v1/participants/{person}/language-certificates"),
        None,
    )
    .await;
    let jwks: Value = get(
        &app,
        &format!("/api/v1/public/issuers/{provider}/jwks.json"),
    )
    .await
    .json()
    .await
    .unwrap();
    assert_eq!(jwks["keys"].as_array().unwrap().len(), 2);
    assert_ne!(second["kid"], cert["kid"]);
    verify_independently(&jwks, &jwt);
    let second_jwt = get(
        &app,
        &format!(
            "/api/v1/public/language-certificates/{}/credential",
            second["id"].as_str().unwrap()
        ),
    )
    .await
    .text()
    .await
    .unwrap();
    verify_independently(&jwks, &second_jwt);
    let page = get(&app, &format!("/nachweise/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("echt und gültig"));

    // Revocation: a reason is needed; then the page says revoked.
    let path = format!("/api/v1/language-certificates/{id}/revoke");
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &path,
        Some(json!({"reason": " "})),
    )
    .await;
    assert_eq!((status, fields(&body)), (422, vec!["reason".to_owned()]));
    let (status, body) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &path,
        Some(json!({"reason": "Falsche Person eingetragen"})),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["revoked"], true);
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &path,
        Some(json!({"reason": "noch mal"})),
    )
    .await;
    assert_eq!(status, 409);
    let page = get(&app, &format!("/nachweise/{id}"))
        .await
        .text()
        .await
        .unwrap();
    assert!(page.contains("Dieser Nachweis wurde widerrufen."), "{page}");
    assert!(page.contains("This certificate has been revoked."));
    assert!(
        !page.contains("Falsche Person"),
        "the reason stays internal"
    );

    // Another provider's staff see none of it.
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/participants/{person}/language-certificates"),
        None,
    )
    .await;
    assert_eq!(status, 200);
    let other = TestApp::client()
        .get(app.url(&format!("/api/v1/language-certificates/{id}/pdf")))
        .bearer_auth(
            app.state
                .store
                .create_token(&lernweg_store::Actor::system(), &app.other_coordinator, "t")
                .await
                .unwrap()
                .secret,
        )
        .send()
        .await
        .unwrap();
    assert_eq!(other.status(), 404);
}
