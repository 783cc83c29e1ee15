//! A language certificate as signed: the claims pinned by a snapshot, and the token read back by
//! jwt-compact (an independent JWS parser on ed25519-compact) with the same claims.

use jwt_compact::alg::Ed25519;
use jwt_compact::jwk::JsonWebKey;
use jwt_compact::{Algorithm, AlgorithmExt, UntrustedToken};
use lernweg_credentials::open_badge::{Competence, LanguageCertificate};
use lernweg_credentials::{MasterKey, new_issuer_key, public_jwk, sign_jwt, unseal};
use serde_json::{Map, Value};

fn certificate() -> LanguageCertificate {
    let competence = |skill: &str, level: &str, source: &str, on: &str| Competence {
        skill: skill.into(),
        level: level.into(),
        source: source.into(),
        assessed_on: on.into(),
        issuer: String::new(),
        exam: String::new(),
        certificate_number: String::new(),
    };
    LanguageCertificate {
        id: "urn:uuid:019ae3c4-5b00-7000-8000-00000000abcd".into(),
        holder: "Samuel Mensah".into(),
        issuer_id:
            "https://lernweg.example/api/v1/public/issuers/019ae3c4-0000-7000-8000-000000000001"
                .into(),
        issuer_name: "Bildungswerk Rhein-Ruhr gGmbH".into(),
        verify_url: "https://lernweg.example/nachweise/019ae3c4-5b00-7000-8000-00000000abcd".into(),
        valid_from: "2026-12-05T00:00:00Z".into(),
        valid_from_unix: 1_796_428_800,
        competences: vec![
            competence("listening", "B1.1", "trainer", "2026-08-07"),
            Competence {
                issuer: "telc gGmbH".into(),
                exam: "telc Deutsch B1·B2 Beruf".into(),
                certificate_number: "T-2026-118734".into(),
                ..competence("reading", "B1", "certificate", "2026-10-26")
            },
            competence("occupational", "A2.2", "placement_test", "2026-04-09"),
        ],
    }
}

#[test]
fn the_claims_are_pinned_and_read_back_independently() {
    let claims = certificate().claims();
    insta::assert_json_snapshot!("language_certificate_claims", claims);

    let master = MasterKey::from_bytes([9; 32]);
    let key = new_issuer_key(&master, [3; 32], [4; 24]);
    let token = sign_jwt(
        &unseal(&master, &key.kid, &key.sealed_private_key).unwrap(),
        &claims,
    );
    let jwk: JsonWebKey<'static> =
        serde_json::from_value(public_jwk(&key.kid, &key.public_key).unwrap()).unwrap();
    let public = <Ed25519 as Algorithm>::VerifyingKey::try_from(&jwk).unwrap();
    let untrusted = UntrustedToken::new(&token).unwrap();
    let read = Ed25519
        .validator::<Map<String, Value>>(&public)
        .validate(&untrusted)
        .unwrap();
    let custom = &read.claims().custom;
    assert_eq!(read.claims().not_before.unwrap().timestamp(), 1_796_428_800);
    // jwt-compact takes `nbf` itself; every other claim comes back as signed.
    let mut expected = claims.as_object().unwrap().clone();
    expected.remove("nbf");
    assert_eq!(custom, &expected);
}
