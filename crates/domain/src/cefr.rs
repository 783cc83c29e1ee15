//! Levels of the Common European Framework of Reference for languages (GER).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// A CEFR level, A1 (lowest) to C2 (highest). Ordered, so `B2 > B1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum CefrLevel {
    A1,
    A2,
    B1,
    B2,
    C1,
    C2,
}

impl CefrLevel {
    pub const ALL: [CefrLevel; 6] = [
        CefrLevel::A1,
        CefrLevel::A2,
        CefrLevel::B1,
        CefrLevel::B2,
        CefrLevel::C1,
        CefrLevel::C2,
    ];

    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim().to_ascii_uppercase();
        CefrLevel::ALL
            .into_iter()
            .find(|l| l.as_str() == s)
            .ok_or_else(|| {
                ParseError::new(
                    "cefr_level",
                    "unknown_cefr_level",
                    format!("unknown CEFR level {input:?}; expected A1, A2, B1, B2, C1 or C2"),
                )
            })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            CefrLevel::A1 => "A1",
            CefrLevel::A2 => "A2",
            CefrLevel::B1 => "B1",
            CefrLevel::B2 => "B2",
            CefrLevel::C1 => "C1",
            CefrLevel::C2 => "C2",
        }
    }
}

impl fmt::Display for CefrLevel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for CefrLevel {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        CefrLevel::parse(&s)
    }
}

impl From<CefrLevel> for String {
    fn from(l: CefrLevel) -> String {
        l.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_orders() {
        assert_eq!(CefrLevel::parse("b2").unwrap(), CefrLevel::B2);
        assert!(CefrLevel::B2 > CefrLevel::B1);
        assert!(CefrLevel::A1 < CefrLevel::C2);
        assert!(CefrLevel::parse("B3").is_err());
        assert!(CefrLevel::parse("").is_err());
    }
}
