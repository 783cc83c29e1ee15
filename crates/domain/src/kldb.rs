//! Occupation codes of the German classification of occupations (KldB 2010).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// A KldB 2010 code of 1 to 5 digits: 1 digit is the Berufsbereich, 2 the Berufshauptgruppe,
/// 3 the Berufsgruppe, 4 the Berufsuntergruppe, 5 the Berufsgattung. Berufsbereich 0
/// (military) is valid.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct KldbCode(String);

impl KldbCode {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s: String = input.trim().chars().filter(|c| *c != ' ').collect();
        if s.is_empty() || s.len() > 5 || !s.chars().all(|c| c.is_ascii_digit()) {
            return Err(ParseError::new(
                "kldb",
                "invalid_kldb",
                format!("not a KldB 2010 code: {input:?}; expected 1 to 5 digits"),
            ));
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The Berufsbereich (first digit), which decides mentor matching.
    pub fn occupational_area(&self) -> u8 {
        self.0.as_bytes()[0] - b'0'
    }

    /// True if `self` is `other` or lies below it in the hierarchy (`8131` is within `81`).
    pub fn is_within(&self, other: &KldbCode) -> bool {
        self.0.starts_with(&other.0)
    }
}

impl fmt::Display for KldbCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for KldbCode {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        KldbCode::parse(&s)
    }
}

impl From<KldbCode> for String {
    fn from(k: KldbCode) -> String {
        k.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_hierarchy() {
        let nurse = KldbCode::parse("81302").unwrap();
        let health = KldbCode::parse("8").unwrap();
        assert_eq!(nurse.occupational_area(), 8);
        assert!(nurse.is_within(&health));
        assert!(!health.is_within(&nurse));
    }

    #[test]
    fn rejects_non_codes() {
        for bad in ["", "813021", "8a", "-1"] {
            assert!(KldbCode::parse(bad).is_err(), "{bad}");
        }
    }
}
