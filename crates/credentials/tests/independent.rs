//! Tokens signed here, checked by an independent JWT library (jwt-compact with ed25519-compact).

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jwt_compact::alg::{Ed25519, SecretBytes};
use jwt_compact::jwk::JsonWebKey;
use jwt_compact::{Algorithm, AlgorithmExt, Claims, Header, UntrustedToken, ValidationError};
use lernweg_credentials::{
    CredentialError, MasterKey, NewIssuerKey, Signer, new_issuer_key, public_jwk, sign_jwt, unseal,
    verify_jwt,
};
use serde_json::{Map, Value, json};
use sha2_0_10::Sha256;

/// The Ed25519 public key type of jwt-compact's ed25519-compact backend.
type CompactPublicKey = <Ed25519 as Algorithm>::VerifyingKey;
/// The Ed25519 secret key type of jwt-compact's ed25519-compact backend.
type CompactSecretKey = <Ed25519 as Algorithm>::SigningKey;

fn issuer(seed: u8) -> (NewIssuerKey, Signer) {
    let master = MasterKey::from_bytes([0x5A; 32]);
    let key = new_issuer_key(&master, [seed; 32], [seed ^ 0xFF; 24]);
    let signer = unseal(&master, &key.kid, &key.sealed_private_key).unwrap();
    (key, signer)
}

fn claims() -> Value {
    json!({
        "iss": "https://example.org/issuers/1",
        "name": "Sprachkompetenznachweis",
        "nbf": 1764892800
    })
}

/// jwt-compact's public key, built by jwt-compact from the JWK that `public_jwk` returns.
fn compact_key(key: &NewIssuerKey) -> (JsonWebKey<'static>, CompactPublicKey) {
    let jwk: JsonWebKey<'static> =
        serde_json::from_value(public_jwk(&key.kid, &key.public_key).unwrap()).unwrap();
    let public = CompactPublicKey::try_from(&jwk).unwrap();
    (jwk, public)
}

#[test]
fn jwt_compact_accepts_our_token() {
    let (key, signer) = issuer(7);
    let token = sign_jwt(&signer, &claims());
    let (jwk, public) = compact_key(&key);

    let untrusted = UntrustedToken::new(&token).unwrap();
    assert_eq!(untrusted.algorithm(), "EdDSA");
    assert_eq!(untrusted.header().key_id.as_deref(), Some(key.kid.as_str()));
    assert_eq!(untrusted.header().token_type.as_deref(), Some("vc+jwt"));

    let verified = Ed25519
        .validator::<Map<String, Value>>(&public)
        .validate(&untrusted)
        .unwrap();
    let claims: &Claims<Map<String, Value>> = verified.claims();
    assert_eq!(claims.not_before.unwrap().timestamp(), 1764892800);
    assert_eq!(claims.custom["iss"], "https://example.org/issuers/1");
    assert_eq!(claims.custom["name"], "Sprachkompetenznachweis");
    assert_eq!(claims.custom.len(), 2);

    // The kid is the RFC 7638 thumbprint, as jwt-compact computes it.
    let thumbprint = URL_SAFE_NO_PAD.encode(jwk.thumbprint::<Sha256>());
    assert_eq!(thumbprint, key.kid);
}

/// The payload with one character replaced such that it still decodes to a JSON object.
fn alter_one_character_keeping_json(payload: &str) -> String {
    const ALPHABET: &str = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let chars: Vec<char> = payload.chars().collect();
    for index in (0..chars.len()).rev() {
        for replacement in ALPHABET.chars().filter(|&c| c != chars[index]) {
            let mut altered = chars.clone();
            altered[index] = replacement;
            let altered: String = altered.into_iter().collect();
            let Ok(bytes) = URL_SAFE_NO_PAD.decode(&altered) else {
                continue;
            };
            if serde_json::from_slice::<Map<String, Value>>(&bytes).is_ok() {
                return altered;
            }
        }
    }
    panic!("no single-character alteration keeps the payload JSON");
}

#[test]
fn jwt_compact_rejects_an_altered_payload_character() {
    let (key, signer) = issuer(7);
    let token = sign_jwt(&signer, &claims());
    let (_, public) = compact_key(&key);

    let (header, rest) = token.split_once('.').unwrap();
    let (payload, signature) = rest.split_once('.').unwrap();
    let altered_payload = alter_one_character_keeping_json(payload);
    let altered = format!("{header}.{altered_payload}.{signature}");

    // The claims still parse, so only the signature can reject the token.
    let untrusted = UntrustedToken::new(&altered).unwrap();
    let result = Ed25519
        .validator::<Map<String, Value>>(&public)
        .validate(&untrusted);
    assert!(
        matches!(result, Err(ValidationError::InvalidSignature)),
        "jwt-compact did not reject the altered token by its signature: {result:?}"
    );

    // Ours rejects it as well.
    assert_eq!(
        verify_jwt(&altered, &key.public_key),
        Err(CredentialError::BadSignature)
    );
}

#[test]
fn jwt_compact_rejects_a_token_of_another_key() {
    let (_, signer) = issuer(7);
    let (other, _) = issuer(8);
    let token = sign_jwt(&signer, &claims());
    let (_, other_public) = compact_key(&other);
    let untrusted = UntrustedToken::new(&token).unwrap();
    let result = Ed25519
        .validator::<Map<String, Value>>(&other_public)
        .validate(&untrusted);
    assert!(
        matches!(result, Err(ValidationError::InvalidSignature)),
        "{result:?}"
    );
}

#[test]
fn verify_jwt_rejects_a_token_signed_by_another_key() {
    let (key, signer) = issuer(7);
    let (other, other_signer) = issuer(8);
    assert_ne!(key.public_key, other.public_key);
    let token = sign_jwt(&other_signer, &claims());
    assert_eq!(
        verify_jwt(&token, &key.public_key),
        Err(CredentialError::BadSignature)
    );
    assert_eq!(verify_jwt(&token, &other.public_key), Ok(claims()));
    assert_eq!(
        verify_jwt(&sign_jwt(&signer, &claims()), &key.public_key),
        Ok(claims())
    );
}

#[test]
fn verify_jwt_accepts_a_token_signed_by_jwt_compact() {
    // The other direction: jwt-compact signs (ed25519-compact, from the same seed), we verify.
    let (key, _) = issuer(7);
    let private_jwk = JsonWebKey::KeyPair {
        curve: "Ed25519".into(),
        x: URL_SAFE_NO_PAD.decode(&key.public_key).unwrap().into(),
        secret: Some(SecretBytes::owned([7u8; 32].to_vec())),
    };
    let secret = CompactSecretKey::try_from(&private_jwk).unwrap();
    let mut custom = Map::new();
    custom.insert("name".to_owned(), json!("Sprachkompetenznachweis"));
    let header = Header::empty().with_key_id(key.kid.clone());
    let token = Ed25519
        .token(&header, &Claims::new(custom), &secret)
        .unwrap();
    assert_eq!(
        verify_jwt(&token, &key.public_key),
        Ok(json!({"name": "Sprachkompetenznachweis"}))
    );
    assert_eq!(lernweg_credentials::kid_of(&token), Some(key.kid));
}
