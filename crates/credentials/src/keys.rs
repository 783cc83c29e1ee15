//! The master key, sealing of private keys, and creation of issuer keys.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{Key, KeyInit, XChaCha20Poly1305, XNonce};
use ed25519_dalek::SigningKey;
use sha2::{Digest, Sha256};

use crate::CredentialError;

/// Length of the XChaCha20-Poly1305 nonce in bytes.
const NONCE_LEN: usize = 24;
/// Length of the Poly1305 tag in bytes.
const TAG_LEN: usize = 16;
/// Length of an Ed25519 seed (private key) in bytes.
const SEED_LEN: usize = 32;

/// 32 bytes that encrypt the providers' private keys (the key file's content).
#[derive(Clone)]
pub struct MasterKey([u8; 32]);

impl MasterKey {
    /// A master key from its raw bytes.
    pub fn from_bytes(b: [u8; 32]) -> MasterKey {
        MasterKey(b)
    }

    /// Parses the key file's text: 43 chars base64url (no padding) of 32 bytes, surrounding whitespace ignored.
    pub fn parse(text: &str) -> Result<MasterKey, CredentialError> {
        let text = text.trim();
        if text.len() != 43 {
            return Err(CredentialError::MasterKey(format!(
                "expected 43 base64url characters, found {}",
                text.len()
            )));
        }
        let bytes = URL_SAFE_NO_PAD
            .decode(text)
            .map_err(|e| CredentialError::MasterKey(format!("not base64url: {e}")))?;
        let bytes: [u8; 32] = bytes
            .try_into()
            .map_err(|_| CredentialError::MasterKey("expected 32 bytes".to_owned()))?;
        Ok(MasterKey(bytes))
    }

    /// The key file's text (base64url, no padding, plus "\n").
    pub fn to_file_text(&self) -> String {
        let mut text = URL_SAFE_NO_PAD.encode(self.0);
        text.push('\n');
        text
    }

    /// The AEAD cipher keyed with this master key.
    fn cipher(&self) -> XChaCha20Poly1305 {
        XChaCha20Poly1305::new(&Key::from(self.0))
    }
}

impl std::fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("MasterKey(…)")
    }
}

/// A provider's key pair as created: kid, public key, and the private key sealed under the master key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewIssuerKey {
    /// The RFC 7638 JWK thumbprint of the public key.
    pub kid: String,
    /// The Ed25519 public key, base64url (no padding) of 32 bytes.
    pub public_key: String,
    /// base64url(nonce || ciphertext) of the 32-byte seed, sealed under the master key.
    pub sealed_private_key: String,
}

/// Creates a key pair from a random 32-byte seed; kid = the RFC 7638 JWK thumbprint (SHA-256, base64url) of the public JWK {"crv":"Ed25519","kty":"OKP","x":...}; the seed is sealed with XChaCha20-Poly1305 under `master` with the 24-byte `nonce`, the kid as associated data; sealed text = base64url(nonce || ciphertext).
pub fn new_issuer_key(master: &MasterKey, seed: [u8; 32], nonce: [u8; 24]) -> NewIssuerKey {
    let signing_key = SigningKey::from_bytes(&seed);
    let public_key = URL_SAFE_NO_PAD.encode(signing_key.verifying_key().to_bytes());
    let kid = jwk_thumbprint(&public_key);
    let ciphertext = master
        .cipher()
        .encrypt(
            &XNonce::from(nonce),
            Payload {
                msg: &seed,
                aad: kid.as_bytes(),
            },
        )
        .expect("sealing 32 bytes cannot exceed the AEAD's length limits");
    let mut sealed = Vec::with_capacity(NONCE_LEN + ciphertext.len());
    sealed.extend_from_slice(&nonce);
    sealed.extend_from_slice(&ciphertext);
    NewIssuerKey {
        kid,
        public_key,
        sealed_private_key: URL_SAFE_NO_PAD.encode(sealed),
    }
}

/// Opens a sealed private key (wrong master key, wrong kid or altered text -> CredentialError::Unseal).
pub fn unseal(master: &MasterKey, kid: &str, sealed: &str) -> Result<Signer, CredentialError> {
    let bytes = URL_SAFE_NO_PAD
        .decode(sealed.trim())
        .map_err(|_| CredentialError::Unseal)?;
    if bytes.len() != NONCE_LEN + SEED_LEN + TAG_LEN {
        return Err(CredentialError::Unseal);
    }
    let (nonce, ciphertext) = bytes.split_at(NONCE_LEN);
    let nonce: [u8; NONCE_LEN] = nonce.try_into().map_err(|_| CredentialError::Unseal)?;
    let seed = master
        .cipher()
        .decrypt(
            &XNonce::from(nonce),
            Payload {
                msg: ciphertext,
                aad: kid.as_bytes(),
            },
        )
        .map_err(|_| CredentialError::Unseal)?;
    let seed: [u8; SEED_LEN] = seed.try_into().map_err(|_| CredentialError::Unseal)?;
    let key = SigningKey::from_bytes(&seed);
    // The kid must name this very key, not merely have been sealed with it.
    let public_key = URL_SAFE_NO_PAD.encode(key.verifying_key().to_bytes());
    if jwk_thumbprint(&public_key) != kid {
        return Err(CredentialError::Unseal);
    }
    Ok(Signer {
        kid: kid.to_owned(),
        key,
    })
}

/// An opened issuer key that signs tokens: its kid and Ed25519 signing key.
#[derive(Clone)]
pub struct Signer {
    kid: String,
    key: SigningKey,
}

impl Signer {
    /// The key's id (its JWK thumbprint).
    pub fn kid(&self) -> &str {
        &self.kid
    }

    /// The Ed25519 signing key.
    pub(crate) fn signing_key(&self) -> &SigningKey {
        &self.key
    }
}

impl std::fmt::Debug for Signer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Signer")
            .field("kid", &self.kid)
            .finish_non_exhaustive()
    }
}

/// The RFC 7638 thumbprint (SHA-256, base64url) of the Ed25519 public JWK with `x`.
pub(crate) fn jwk_thumbprint(x: &str) -> String {
    // Members in lexicographic order, no whitespace; `x` is base64url and needs no escaping.
    let canonical = format!(r#"{{"crv":"Ed25519","kty":"OKP","x":"{x}"}}"#);
    URL_SAFE_NO_PAD.encode(Sha256::digest(canonical.as_bytes()))
}

#[cfg(test)]
mod tests;
