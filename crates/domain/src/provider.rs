//! Providers (Träger) that run qualification offers.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// The display name of a provider: 2 to 200 characters after trimming, no control characters.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct ProviderName(String);

impl ProviderName {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(ParseError::new("name", "required", "name is required"));
        }
        let len = s.chars().count();
        if len < 2 {
            return Err(ParseError::new(
                "name",
                "too_short",
                "name needs at least 2 characters",
            ));
        }
        if len > 200 {
            return Err(ParseError::new(
                "name",
                "too_long",
                "name is longer than 200 characters",
            ));
        }
        if s.chars().any(char::is_control) {
            return Err(ParseError::new(
                "name",
                "control_chars",
                "name contains control characters",
            ));
        }
        Ok(Self(s.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ProviderName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for ProviderName {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        ProviderName::parse(&s)
    }
}

impl From<ProviderName> for String {
    fn from(n: ProviderName) -> String {
        n.0
    }
}

/// A password chosen by a user: at least 10 characters, at most 1024 bytes (hashing cost).
pub fn check_password_policy(password: &str) -> Result<(), ParseError> {
    if password.chars().count() < 10 {
        return Err(ParseError::new(
            "password",
            "too_short",
            "password needs at least 10 characters",
        ));
    }
    if password.len() > 1024 {
        return Err(ParseError::new(
            "password",
            "too_long",
            "password is longer than 1024 bytes",
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_and_limits() {
        assert_eq!(
            ProviderName::parse("  IQ Bildungswerk Süd ")
                .unwrap()
                .as_str(),
            "IQ Bildungswerk Süd"
        );
        assert_eq!(ProviderName::parse(" ").unwrap_err().code, "required");
        assert_eq!(ProviderName::parse("x").unwrap_err().code, "too_short");
        assert_eq!(
            ProviderName::parse(&"x".repeat(201)).unwrap_err().code,
            "too_long"
        );
        assert_eq!(
            ProviderName::parse("a\u{0}b").unwrap_err().code,
            "control_chars"
        );
    }

    #[test]
    fn password_policy() {
        assert!(check_password_policy("kurz").is_err());
        assert!(check_password_policy("lang-genug-1").is_ok());
        assert!(check_password_policy(&"x".repeat(1025)).is_err());
    }
}
