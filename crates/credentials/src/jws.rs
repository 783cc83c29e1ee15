//! Compact JWS (JWT) signing and verification with EdDSA, public JWKs and JWK sets.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use ed25519_dalek::{Signature, Signer as _, SigningKey, VerifyingKey};
use serde::Serialize;
use serde_json::{Value, json};

use crate::CredentialError;
use crate::keys::Signer;

/// The JWS algorithm name for Ed25519 (RFC 8037).
const ALG: &str = "EdDSA";

/// The protected header of a credential JWT, members in this order.
#[derive(Serialize)]
struct Header<'a> {
    alg: &'a str,
    kid: &'a str,
    typ: &'a str,
}

/// A compact JWS (JWT) over `claims` with header {"alg":"EdDSA","kid":<kid>,"typ":"vc+jwt"} — header members in exactly that order; payload = serde_json::to_vec(claims); base64url without padding.
pub fn sign_jwt(signer: &Signer, claims: &Value) -> String {
    let header = serde_json::to_vec(&Header {
        alg: ALG,
        kid: signer.kid(),
        typ: "vc+jwt",
    })
    .expect("a header of strings serializes");
    let payload = serde_json::to_vec(claims).expect("a JSON value serializes");
    sign_compact(signer.signing_key(), &header, &payload)
}

/// A compact JWS over raw `payload` bytes with the raw protected `header` bytes.
pub(crate) fn sign_compact(key: &SigningKey, header: &[u8], payload: &[u8]) -> String {
    let signing_input = format!(
        "{}.{}",
        URL_SAFE_NO_PAD.encode(header),
        URL_SAFE_NO_PAD.encode(payload)
    );
    let signature = key.sign(signing_input.as_bytes());
    format!(
        "{signing_input}.{}",
        URL_SAFE_NO_PAD.encode(signature.to_bytes())
    )
}

/// The public JWK of a key: {"kty":"OKP","crv":"Ed25519","x":...,"kid":...,"alg":"EdDSA","use":"sig"}.
pub fn public_jwk(kid: &str, public_key: &str) -> Result<Value, CredentialError> {
    parse_public_key(public_key)?;
    Ok(json!({
        "kty": "OKP",
        "crv": "Ed25519",
        "x": public_key,
        "kid": kid,
        "alg": ALG,
        "use": "sig",
    }))
}

/// {"keys":[...]} from (kid, public_key) pairs.
pub fn jwks<'a>(
    keys: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<Value, CredentialError> {
    let keys = keys
        .into_iter()
        .map(|(kid, public_key)| public_jwk(kid, public_key))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(json!({ "keys": keys }))
}

/// The `kid` of a compact JWS's header (None when not a JWS or no kid).
pub fn kid_of(token: &str) -> Option<String> {
    let parts = split(token).ok()?;
    let header = decode_header(parts.header).ok()?;
    header.get("kid")?.as_str().map(str::to_owned)
}

/// Checks a compact JWS with alg EdDSA against the public key (base64url 32 bytes) and returns its claims; errors: Malformed, WrongAlgorithm, BadSignature.
pub fn verify_jwt(token: &str, public_key: &str) -> Result<Value, CredentialError> {
    let parts = split(token)?;
    let header = decode_header(parts.header)?;
    match header.get("alg") {
        Some(Value::String(alg)) if alg == ALG => {}
        Some(Value::String(alg)) => return Err(CredentialError::WrongAlgorithm(alg.clone())),
        Some(other) => return Err(CredentialError::WrongAlgorithm(other.to_string())),
        None => return Err(CredentialError::Malformed("header has no alg".to_owned())),
    }
    if header.contains_key("crit") {
        // RFC 7515 §4.1.11: extensions we do not understand make the token invalid.
        return Err(CredentialError::Malformed(
            "unsupported crit header".to_owned(),
        ));
    }
    let signature = decode(parts.signature, "signature")?;
    let signature = Signature::from_slice(&signature)
        .map_err(|_| CredentialError::Malformed("signature is not 64 bytes".to_owned()))?;
    let key = parse_public_key(public_key)?;
    key.verify_strict(parts.signing_input.as_bytes(), &signature)
        .map_err(|_| CredentialError::BadSignature)?;
    let payload = decode(parts.payload, "payload")?;
    match serde_json::from_slice(&payload) {
        Ok(claims @ Value::Object(_)) => Ok(claims),
        Ok(_) => Err(CredentialError::Malformed(
            "payload is not a JSON object".to_owned(),
        )),
        Err(e) => Err(CredentialError::Malformed(format!(
            "payload is not JSON: {e}"
        ))),
    }
}

/// The three segments of a compact JWS and the signed part ("header.payload").
struct Parts<'a> {
    header: &'a str,
    payload: &'a str,
    signature: &'a str,
    signing_input: &'a str,
}

/// Splits a compact JWS into its three segments.
fn split(token: &str) -> Result<Parts<'_>, CredentialError> {
    let malformed = || CredentialError::Malformed("expected three dot-separated segments".into());
    let (signing_input, signature) = token.rsplit_once('.').ok_or_else(malformed)?;
    let (header, payload) = signing_input.split_once('.').ok_or_else(malformed)?;
    if payload.contains('.') {
        return Err(malformed());
    }
    Ok(Parts {
        header,
        payload,
        signature,
        signing_input,
    })
}

/// Decodes one base64url (no padding) segment.
fn decode(segment: &str, what: &str) -> Result<Vec<u8>, CredentialError> {
    URL_SAFE_NO_PAD
        .decode(segment)
        .map_err(|_| CredentialError::Malformed(format!("{what} is not base64url")))
}

/// Decodes the protected header into a JSON object.
fn decode_header(segment: &str) -> Result<serde_json::Map<String, Value>, CredentialError> {
    let bytes = decode(segment, "header")?;
    match serde_json::from_slice(&bytes) {
        Ok(Value::Object(map)) => Ok(map),
        _ => Err(CredentialError::Malformed(
            "header is not a JSON object".to_owned(),
        )),
    }
}

/// Parses a base64url 32-byte Ed25519 public key.
fn parse_public_key(public_key: &str) -> Result<VerifyingKey, CredentialError> {
    let bytes: [u8; 32] = URL_SAFE_NO_PAD
        .decode(public_key)
        .map_err(|_| CredentialError::BadPublicKey)?
        .try_into()
        .map_err(|_| CredentialError::BadPublicKey)?;
    VerifyingKey::from_bytes(&bytes).map_err(|_| CredentialError::BadPublicKey)
}

#[cfg(test)]
mod tests;
