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

    /// Reads a level as German offices also write it: a sub-level (`B1.2`, `B1.1`, `B1+`) is
    /// its level, a range (`A2/B1`, `A2-B1`, `A2 – B1`, `A2 bis B1`) its lower level. The
    /// second value says how the input was rounded (`None`: it was one of the six levels),
    /// so that a caller can tell the person what is stored. [`CefrLevel::parse`] stays strict.
    pub fn parse_lenient(input: &str) -> Result<(Self, Option<CefrRounding>), ParseError> {
        if let Ok(exact) = CefrLevel::parse(input) {
            return Ok((exact, None));
        }
        let s = input.trim().to_ascii_uppercase();
        let range = s
            .split_once(['/', '-', '\u{2013}'])
            .or_else(|| s.split_once(" BIS "));
        let lenient = match range {
            Some((low, high)) => match (sub_level(low), sub_level(high)) {
                (Some(a), Some(b)) => Some((a.min(b), CefrRounding::Range)),
                _ => None,
            },
            None => sub_level(&s).map(|l| (l, CefrRounding::SubLevel)),
        };
        lenient
            .map(|(level, how)| (level, Some(how)))
            .ok_or_else(|| CefrLevel::parse(input).unwrap_err())
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

/// How [`CefrLevel::parse_lenient`] rounded its input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CefrRounding {
    /// A sub-level such as `B1.2` or `B1+`, stored as its level.
    SubLevel,
    /// A range such as `A2/B1`, stored as its lower level.
    Range,
}

/// A level, or a sub-level of it (`B1.2`, `B1+`), as its level.
fn sub_level(s: &str) -> Option<CefrLevel> {
    let s = s.trim();
    let level = s.get(..2)?;
    let rest = s.get(2..)?.trim();
    let sub = match rest.strip_prefix('.') {
        Some(digits) => !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()),
        None => rest.is_empty() || rest == "+",
    };
    sub.then(|| CefrLevel::parse(level).ok()).flatten()
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
        assert!(
            CefrLevel::parse("B1.2").is_err(),
            "the strict parser stays strict"
        );
    }

    #[test]
    fn lenient_reads_sub_levels_and_ranges_as_the_lower_level() {
        use CefrLevel::*;
        use CefrRounding::*;
        let read = |s| CefrLevel::parse_lenient(s).map_err(|e| e.code);
        assert_eq!(read(" b1 "), Ok((B1, None)));
        assert_eq!(read("B1.2"), Ok((B1, Some(SubLevel))));
        assert_eq!(read("a2.1"), Ok((A2, Some(SubLevel))));
        assert_eq!(read("B2+"), Ok((B2, Some(SubLevel))));
        assert_eq!(read("A2/B1"), Ok((A2, Some(Range))));
        assert_eq!(
            read("B1 - A2"),
            Ok((A2, Some(Range))),
            "the lower, whatever the order"
        );
        assert_eq!(read("B1.2/B2"), Ok((B1, Some(Range))));
        assert_eq!(read("A2 \u{2013} B1"), Ok((A2, Some(Range))));
        assert_eq!(read("A2 bis B1"), Ok((A2, Some(Range))));
        for bad in [
            "B3", "B1.", "B1.x", "A2/", "/B1", "B1/X9", "B", "", "B1++", "B12",
        ] {
            assert_eq!(read(bad), Err("unknown_cefr_level"), "{bad:?}");
        }
    }
}
