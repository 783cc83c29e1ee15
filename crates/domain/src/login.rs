//! How people identify themselves at login, and the printed one-time codes of the portal.
//!
//! Staff log in with their e-mail address. Participants log in with their e-mail address when
//! they have one, otherwise with a generated login name ([`LoginName`], e.g. `tn-k7qm4x`). A
//! login form therefore accepts a [`LoginId`]: an e-mail address (it has an `@`) or a login
//! name. Participants without e-mail get their first access through a printed
//! [`OneTimeCode`] such as `K7QM-4XPD-2H9R`.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Email, ParseError};

/// Characters of printed codes and generated login names: digits and capitals without the
/// ones people confuse when reading or typing (0/O, 1/I/L, U/V).
pub const CODE_ALPHABET: &[u8; 29] = b"23456789ABCDEFGHJKMNPQRSTWXYZ";

/// A login name for accounts without an e-mail address: 3 to 40 characters, lower-case ASCII
/// letters, digits, `-`, `.` and `_`, starting with a letter. Never contains an `@`, so it can
/// not be mistaken for an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LoginName(String);

impl LoginName {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim().to_ascii_lowercase();
        if s.is_empty() {
            return Err(ParseError::new(
                "login",
                "required",
                "login name is required",
            ));
        }
        let n = s.chars().count();
        let chars_ok = s
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '-' | '.' | '_'));
        if !(3..=40).contains(&n) || !chars_ok || !s.starts_with(|c: char| c.is_ascii_lowercase()) {
            return Err(ParseError::new(
                "login",
                "invalid_login",
                "a login name has 3 to 40 letters, digits, - . or _ and starts with a letter",
            ));
        }
        Ok(LoginName(s))
    }

    /// A participant login name `tn-xxxxxx` from a random number (the caller draws it; this
    /// crate has no randomness). Six characters of [`CODE_ALPHABET`]: about 594 million names.
    pub fn generate(random: u64) -> LoginName {
        let mut n = random;
        let mut s = String::from("tn-");
        for _ in 0..6 {
            let i = (n % CODE_ALPHABET.len() as u64) as usize;
            n /= CODE_ALPHABET.len() as u64;
            s.push(char::from(CODE_ALPHABET[i]).to_ascii_lowercase());
        }
        LoginName(s)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The address stored for an account that has only a login name: the reserved top-level
    /// domain `.invalid` (RFC 2606) can never receive mail, so nothing is ever sent there.
    pub fn placeholder_email(&self) -> Email {
        Email::parse(&format!("{}@login.invalid", self.0))
            .expect("a login name is a valid local part")
    }
}

impl fmt::Display for LoginName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for LoginName {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        LoginName::parse(&s)
    }
}

impl From<LoginName> for String {
    fn from(n: LoginName) -> String {
        n.0
    }
}

/// What a person types into the login form.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum LoginId {
    Email(Email),
    Name(LoginName),
}

impl LoginId {
    /// With an `@` it must be an e-mail address, without one a login name.
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(ParseError::new(
                "login",
                "required",
                "e-mail address or login name is required",
            ));
        }
        if s.contains('@') {
            Email::parse(s)
                .map(LoginId::Email)
                .map_err(|e| ParseError::new("login", e.code, e.message))
        } else {
            LoginName::parse(s).map(LoginId::Name)
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            LoginId::Email(e) => e.as_str(),
            LoginId::Name(n) => n.as_str(),
        }
    }
}

impl fmt::Display for LoginId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A printed one-time code: 12 characters of [`CODE_ALPHABET`] (about 58 bits), shown in
/// groups of four (`K7QM-4XPD-2H9R`). Parsing forgives case, spaces and dashes.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct OneTimeCode(String);

impl OneTimeCode {
    pub const LEN: usize = 12;

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s: String = input
            .chars()
            .filter(|c| !c.is_whitespace() && !matches!(c, '-' | '–' | '—'))
            .map(|c| c.to_ascii_uppercase())
            .collect();
        if s.is_empty() {
            return Err(ParseError::new("code", "required", "the code is required"));
        }
        if s.chars().count() != Self::LEN || !s.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
            return Err(ParseError::new(
                "code",
                "invalid_code",
                "a code has 12 letters and digits, e.g. K7QM-4XPD-2H9R",
            ));
        }
        Ok(OneTimeCode(s))
    }

    /// A code from a random number drawn by the caller (uniform enough: 2^128 ≫ 29^12).
    pub fn generate(random: u128) -> OneTimeCode {
        let mut n = random;
        let base = CODE_ALPHABET.len() as u128;
        let s = (0..Self::LEN)
            .map(|_| {
                let i = (n % base) as usize;
                n /= base;
                char::from(CODE_ALPHABET[i])
            })
            .collect();
        OneTimeCode(s)
    }

    /// The 12 characters without dashes: what is hashed and compared.
    pub fn normalized(&self) -> &str {
        &self.0
    }

    /// In groups of four for reading: `K7QM-4XPD-2H9R`.
    pub fn grouped(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        chars
            .chunks(4)
            .map(|c| c.iter().collect::<String>())
            .collect::<Vec<_>>()
            .join("-")
    }
}

/// Never prints the code itself (it is a secret).
impl fmt::Debug for OneTimeCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("OneTimeCode(***)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_parse_forgivingly_and_print_grouped() {
        let c = OneTimeCode::parse(" k7qm-4xpd 2h9r ").unwrap();
        assert_eq!(c.normalized(), "K7QM4XPD2H9R");
        assert_eq!(c.grouped(), "K7QM-4XPD-2H9R");
        assert_eq!(OneTimeCode::parse("K7QM4XPD2H9R").unwrap(), c);
        assert!(!format!("{c:?}").contains("K7QM"));
    }

    #[test]
    fn codes_reject_confusable_and_wrong_length() {
        for bad in [
            "K7QM-4XPD-2H9",
            "K7QM-4XPD-2H9RR",
            "O7QM-4XPD-2H9R",
            "K1QM-4XPD-2H9R",
        ] {
            assert_eq!(
                OneTimeCode::parse(bad).unwrap_err().code,
                "invalid_code",
                "{bad}"
            );
        }
        assert_eq!(OneTimeCode::parse(" - ").unwrap_err().code, "required");
    }

    #[test]
    fn generated_codes_use_the_alphabet_and_differ() {
        let a = OneTimeCode::generate(12345678901234567890123456789);
        let b = OneTimeCode::generate(12345678901234567890123456788);
        assert_ne!(a, b);
        assert_eq!(a.normalized().len(), 12);
        assert_eq!(OneTimeCode::parse(&a.grouped()).unwrap(), a);
        assert_eq!(a.grouped().len(), 14);
    }

    #[test]
    fn login_names() {
        let n = LoginName::generate(987654321);
        assert!(n.as_str().starts_with("tn-"));
        assert_eq!(n.as_str().len(), 9);
        assert_eq!(LoginName::parse(n.as_str()).unwrap(), n);
        assert_eq!(LoginName::parse(" TN-ABC ").unwrap().as_str(), "tn-abc");
        for bad in ["ab", "1abc", "a b c", "a@b.de", "ämil"] {
            assert!(LoginName::parse(bad).is_err(), "{bad}");
        }
        assert_eq!(
            n.placeholder_email().as_str(),
            format!("{}@login.invalid", n.as_str())
        );
    }

    #[test]
    fn login_ids_are_email_or_name() {
        assert_eq!(
            LoginId::parse("A@B.de").unwrap(),
            LoginId::Email(Email::parse("a@b.de").unwrap())
        );
        assert!(matches!(
            LoginId::parse("tn-k7qm4x").unwrap(),
            LoginId::Name(_)
        ));
        assert_eq!(LoginId::parse("a@b").unwrap_err().field, "login");
        assert_eq!(LoginId::parse("  ").unwrap_err().code, "required");
        assert_eq!(LoginId::parse("x").unwrap_err().code, "invalid_login");
    }
}
