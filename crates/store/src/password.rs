//! Password hashing with Argon2id (OWASP parameters: m = 19 MiB, t = 2, p = 1).

use argon2::{Algorithm, Argon2, Params, PasswordHasher, PasswordVerifier, Version};

fn argon2() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("static Argon2 parameters are valid");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into a PHC string. CPU-bound (tens of milliseconds): call it from
/// `spawn_blocking` in async code.
pub fn hash(password: &str) -> String {
    argon2()
        .hash_password(password.as_bytes())
        .expect("hashing with a fresh OS salt cannot fail")
        .to_string()
}

/// Verifies a password against a stored PHC string; a malformed hash never matches.
pub fn verify(password: &str, phc: &str) -> bool {
    argon2().verify_password(password.as_bytes(), phc).is_ok()
}

/// A hash of a random password, checked against when an e-mail is unknown, so that a login
/// for a missing account takes as long as one for an existing account.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash("no-such-account-placeholder"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_verify_and_differ() {
        let a = hash("richtig-langes-passwort");
        let b = hash("richtig-langes-passwort");
        assert!(a.starts_with("$argon2id$"));
        assert_ne!(a, b, "salts differ");
        assert!(verify("richtig-langes-passwort", &a));
        assert!(!verify("falsches-passwort", &a));
        assert!(!verify("x", "not a hash"));
    }
}
