//! German federal states (Bundesländer) by their ISO 3166-2:DE code.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// A German federal state. Decides the public holidays of an offer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum State {
    BW,
    BY,
    BE,
    BB,
    HB,
    HH,
    HE,
    MV,
    NI,
    NW,
    RP,
    SL,
    SN,
    ST,
    SH,
    TH,
}

impl State {
    /// All 16 states in the conventional order.
    pub const ALL: [State; 16] = [
        State::BW,
        State::BY,
        State::BE,
        State::BB,
        State::HB,
        State::HH,
        State::HE,
        State::MV,
        State::NI,
        State::NW,
        State::RP,
        State::SL,
        State::SN,
        State::ST,
        State::SH,
        State::TH,
    ];

    /// Parses a two-letter code (`BY`, `nw`) or an ISO form (`DE-BY`).
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim().to_ascii_uppercase();
        let code = s.strip_prefix("DE-").unwrap_or(&s);
        State::ALL
            .into_iter()
            .find(|st| st.code() == code)
            .ok_or_else(|| {
                ParseError::new(
                    "state",
                    "unknown_state",
                    format!(
                        "unknown federal state {input:?}; expected one of BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH"
                    ),
                )
            })
    }

    /// The two-letter code, e.g. `BY`.
    pub fn code(self) -> &'static str {
        match self {
            State::BW => "BW",
            State::BY => "BY",
            State::BE => "BE",
            State::BB => "BB",
            State::HB => "HB",
            State::HH => "HH",
            State::HE => "HE",
            State::MV => "MV",
            State::NI => "NI",
            State::NW => "NW",
            State::RP => "RP",
            State::SL => "SL",
            State::SN => "SN",
            State::ST => "ST",
            State::SH => "SH",
            State::TH => "TH",
        }
    }

    /// The German name of the state (proper names, not UI text).
    pub fn name_de(self) -> &'static str {
        match self {
            State::BW => "Baden-Württemberg",
            State::BY => "Bayern",
            State::BE => "Berlin",
            State::BB => "Brandenburg",
            State::HB => "Bremen",
            State::HH => "Hamburg",
            State::HE => "Hessen",
            State::MV => "Mecklenburg-Vorpommern",
            State::NI => "Niedersachsen",
            State::NW => "Nordrhein-Westfalen",
            State::RP => "Rheinland-Pfalz",
            State::SL => "Saarland",
            State::SN => "Sachsen",
            State::ST => "Sachsen-Anhalt",
            State::SH => "Schleswig-Holstein",
            State::TH => "Thüringen",
        }
    }
}

impl fmt::Display for State {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

impl FromStr for State {
    type Err = ParseError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        State::parse(s)
    }
}

impl TryFrom<String> for State {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        State::parse(&s)
    }
}

impl From<State> for String {
    fn from(s: State) -> String {
        s.code().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_codes_case_insensitively_and_with_prefix() {
        assert_eq!(State::parse("by").unwrap(), State::BY);
        assert_eq!(State::parse("DE-NW").unwrap(), State::NW);
        assert_eq!(State::parse(" th ").unwrap(), State::TH);
    }

    #[test]
    fn rejects_unknown_codes() {
        let err = State::parse("XX").unwrap_err();
        assert_eq!(err.code, "unknown_state");
        assert!(State::parse("").is_err());
        assert!(State::parse("Bayern").is_err());
    }

    #[test]
    fn every_code_round_trips() {
        for st in State::ALL {
            assert_eq!(State::parse(st.code()).unwrap(), st);
        }
        assert_eq!(State::ALL.len(), 16);
    }

    #[test]
    fn serde_uses_the_code() {
        let json = serde_json::to_string(&State::SN).unwrap();
        assert_eq!(json, "\"SN\"");
        let back: State = serde_json::from_str(&json).unwrap();
        assert_eq!(back, State::SN);
        assert!(serde_json::from_str::<State>("\"ZZ\"").is_err());
    }
}
