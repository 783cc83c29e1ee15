//! Lernweg's verifiable credentials: per-provider Ed25519 keys sealed under
//! a master key, and compact JWS (JWT) signing and verification.
//!
//! Pure: no I/O, no clock, no randomness. Random bytes (seeds, nonces) are
//! passed in by the caller.

mod jws;
mod keys;
pub mod open_badge;

pub use jws::{jwks, kid_of, public_jwk, sign_jwt, verify_jwt};
pub use keys::{MasterKey, NewIssuerKey, Signer, new_issuer_key, unseal};

/// What can go wrong with keys and tokens.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum CredentialError {
    /// The master key's text is not 32 bytes in base64url.
    #[error("invalid master key: {0}")]
    MasterKey(String),
    /// A sealed private key could not be opened (wrong master key, wrong kid or altered text).
    #[error("the private key cannot be unsealed")]
    Unseal,
    /// The token is not a well-formed compact JWS.
    #[error("malformed token: {0}")]
    Malformed(String),
    /// The token's algorithm is not EdDSA.
    #[error("unsupported algorithm: {0}")]
    WrongAlgorithm(String),
    /// The signature does not match the public key.
    #[error("bad signature")]
    BadSignature,
    /// The public key is not 32 bytes in base64url or not a valid Ed25519 point.
    #[error("bad public key")]
    BadPublicKey,
}
