//! Unit tests of the parent module.

use super::*;
use crate::keys::{MasterKey, new_issuer_key, unseal};

/// RFC 8037 Appendix A.1: the private key `d` (seed).
const RFC_D: &str = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
/// RFC 8037 Appendix A.1: the public key `x`.
const RFC_X: &str = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
/// RFC 8037 Appendix A.4: the complete JWS.
const RFC_JWS: &str = "eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg";

fn rfc_signing_key() -> SigningKey {
    SigningKey::from_bytes(&URL_SAFE_NO_PAD.decode(RFC_D).unwrap().try_into().unwrap())
}

fn issuer(seed: u8) -> (Signer, String) {
    let master = MasterKey::from_bytes([1; 32]);
    let key = new_issuer_key(&master, [seed; 32], [2; 24]);
    let signer = unseal(&master, &key.kid, &key.sealed_private_key).unwrap();
    (signer, key.public_key)
}

fn claims() -> Value {
    json!({"iss": "https://example.org/issuers/1", "nbf": 1764892800, "name": "Zertifikat"})
}

/// A token with the given header and payload JSON texts and a made-up signature.
fn unsigned(header: &str, payload: &str) -> String {
    format!(
        "{}.{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(payload),
        URL_SAFE_NO_PAD.encode([0u8; 64])
    )
}

#[test]
fn signing_matches_rfc_8037_a4() {
    let token = sign_compact(
        &rfc_signing_key(),
        br#"{"alg":"EdDSA"}"#,
        b"Example of Ed25519 signing",
    );
    assert_eq!(token, RFC_JWS);
}

#[test]
fn verify_accepts_rfc_8037_a4_token() {
    let claims = verify_jwt(RFC_JWS, RFC_X);
    // The RFC's payload is plain text, not a claims object: the signature holds, the payload does not.
    assert!(
        matches!(claims, Err(CredentialError::Malformed(_))),
        "{claims:?}"
    );
    let altered = RFC_JWS.replacen("hgyY", "hgyZ", 1);
    assert_eq!(
        verify_jwt(&altered, RFC_X),
        Err(CredentialError::BadSignature)
    );
}

#[test]
fn header_has_alg_kid_typ_in_order() {
    let (signer, _) = issuer(5);
    let token = sign_jwt(&signer, &claims());
    let header = token.split('.').next().unwrap();
    let header = String::from_utf8(URL_SAFE_NO_PAD.decode(header).unwrap()).unwrap();
    assert_eq!(
        header,
        format!(
            r#"{{"alg":"EdDSA","kid":"{}","typ":"vc+jwt"}}"#,
            signer.kid()
        )
    );
}

#[test]
fn payload_is_the_serialized_claims() {
    let (signer, _) = issuer(5);
    let token = sign_jwt(&signer, &claims());
    let payload = token.split('.').nth(1).unwrap();
    assert_eq!(
        URL_SAFE_NO_PAD.decode(payload).unwrap(),
        serde_json::to_vec(&claims()).unwrap()
    );
    assert!(!token.contains('='));
}

#[test]
fn sign_verify_round_trip() {
    let (signer, public_key) = issuer(5);
    let token = sign_jwt(&signer, &claims());
    assert_eq!(verify_jwt(&token, &public_key), Ok(claims()));
    assert_eq!(kid_of(&token).as_deref(), Some(signer.kid()));
}

#[test]
fn verify_rejects_another_key_and_altered_payload() {
    let (signer, public_key) = issuer(5);
    let (_, other_public_key) = issuer(6);
    let token = sign_jwt(&signer, &claims());
    assert_eq!(
        verify_jwt(&token, &other_public_key),
        Err(CredentialError::BadSignature)
    );
    let forged = sign_jwt(&signer, &json!({"iss": "https://evil.example"}));
    let forged_payload = forged.split('.').nth(1).unwrap();
    let mut parts: Vec<&str> = token.split('.').collect();
    parts[1] = forged_payload;
    assert_eq!(
        verify_jwt(&parts.join("."), &public_key),
        Err(CredentialError::BadSignature)
    );
}

#[test]
fn verify_rejects_other_algorithms() {
    let (_, public_key) = issuer(5);
    for (header, alg) in [
        (r#"{"alg":"none"}"#, "none"),
        (r#"{"alg":"HS256","kid":"x"}"#, "HS256"),
        (r#"{"alg":"Ed25519"}"#, "Ed25519"),
        (r#"{"alg":1}"#, "1"),
    ] {
        assert_eq!(
            verify_jwt(&unsigned(header, "{}"), &public_key),
            Err(CredentialError::WrongAlgorithm(alg.to_owned()))
        );
    }
}

#[test]
fn verify_rejects_malformed_tokens() {
    let (signer, public_key) = issuer(5);
    let token = sign_jwt(&signer, &claims());
    let bad = [
        String::new(),
        "abc".to_owned(),
        "a.b".to_owned(),
        format!("{token}.x"),
        token.replacen('.', "=.", 1),
        unsigned("not json", "{}"),
        unsigned("[]", "{}"),
        unsigned(r#"{"kid":"x"}"#, "{}"),
        unsigned(r#"{"alg":"EdDSA","crit":["exp"]}"#, "{}"),
        format!("{}.AAAA", token.rsplit_once('.').unwrap().0),
    ];
    for token in bad {
        assert!(
            matches!(
                verify_jwt(&token, &public_key),
                Err(CredentialError::Malformed(_))
            ),
            "accepted {token:?}"
        );
    }
}

#[test]
fn verify_requires_a_claims_object() {
    let (signer, public_key) = issuer(5);
    let token = sign_jwt(&signer, &json!([1, 2]));
    assert!(matches!(
        verify_jwt(&token, &public_key),
        Err(CredentialError::Malformed(_))
    ));
}

#[test]
fn verify_rejects_bad_public_keys() {
    let (signer, _) = issuer(5);
    let token = sign_jwt(&signer, &claims());
    for key in ["", "short", &URL_SAFE_NO_PAD.encode([1u8; 31]), "!!!"] {
        assert_eq!(verify_jwt(&token, key), Err(CredentialError::BadPublicKey));
    }
}

#[test]
fn public_jwk_has_all_members() {
    let jwk = public_jwk("k1", RFC_X).unwrap();
    assert_eq!(
        jwk,
        json!({"kty":"OKP","crv":"Ed25519","x":RFC_X,"kid":"k1","alg":"EdDSA","use":"sig"})
    );
    assert_eq!(public_jwk("k1", "nope"), Err(CredentialError::BadPublicKey));
}

#[test]
fn jwks_lists_every_key() {
    let (_, other) = issuer(6);
    let set = jwks([("k1", RFC_X), ("k2", other.as_str())]).unwrap();
    let keys = set["keys"].as_array().unwrap();
    assert_eq!(keys.len(), 2);
    assert_eq!(keys[0]["kid"], "k1");
    assert_eq!(keys[1]["x"], other.as_str());
    assert_eq!(jwks([]).unwrap(), json!({"keys": []}));
    assert_eq!(
        jwks([("k1", RFC_X), ("k2", "bad")]),
        Err(CredentialError::BadPublicKey)
    );
}

#[test]
fn kid_of_reads_the_header() {
    assert_eq!(
        kid_of(&unsigned(r#"{"alg":"EdDSA","kid":"abc"}"#, "{}")).as_deref(),
        Some("abc")
    );
    assert_eq!(kid_of(RFC_JWS), None);
    assert_eq!(kid_of("not a token"), None);
    assert_eq!(kid_of(&unsigned(r#"{"kid":5}"#, "{}")), None);
}
