//! The closed vocabularies of an offer, serialized as snake_case codes.

use serde::{Deserialize, Serialize};

macro_rules! code_enum {
    ($(#[$m:meta])* $name:ident { $($(#[$vm:meta])* $var:ident => $code:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($(#[$vm])* $var),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$var),+];

            /// The stable code, as in JSON.
            pub fn code(self) -> &'static str {
                match self { $($name::$var => $code),+ }
            }

            /// Parses the code (trimmed, case-insensitive, `-` taken as `_`).
            pub fn parse(input: &str) -> Option<Self> {
                let s = input.trim().to_ascii_lowercase().replace('-', "_");
                Self::ALL.iter().copied().find(|v| v.code() == s)
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum! {
    /// What the offer leads to (Ziel).
    Goal {
        /// Full recognition (volle Gleichwertigkeit).
        FullRecognition => "full_recognition",
        /// Partial recognition (teilweise Gleichwertigkeit).
        PartialRecognition => "partial_recognition",
        /// Compensation measure (Ausgleichsmaßnahme).
        CompensationMeasure => "compensation_measure",
        /// Adaptation qualification (Anpassungsqualifizierung).
        AdaptationQualification => "adaptation_qualification",
        /// Bridging programme for academics (Brückenmaßnahme).
        BridgingProgramme => "bridging_programme",
        /// Partial qualification (Teilqualifizierung, TQ).
        PartialQualification => "partial_qualification",
        /// Job-related language support (berufsbezogene Sprachförderung).
        LanguageSupport => "language_support",
    }
}

impl Goal {
    /// Goals that end with an exam by their nature (Kenntnisprüfung, TQ certificate, …).
    pub fn expects_exam(self) -> bool {
        matches!(
            self,
            Goal::FullRecognition | Goal::CompensationMeasure | Goal::PartialQualification
        )
    }
}

code_enum! {
    /// How sessions are delivered.
    DeliveryMode {
        OnlineLive => "online_live",
        /// Self-paced units (Lernnuggets) with deadlines.
        SelfPaced => "self_paced",
        Blended => "blended",
        Presence => "presence",
    }
}

impl DeliveryMode {
    /// Needs a device and internet access.
    pub fn is_digital(self) -> bool {
        !matches!(self, DeliveryMode::Presence)
    }
}

code_enum! {
    /// Support offered to participants (MISSION.md §2.1, §2.3).
    SupportOffer {
        Mentoring => "mentoring",
        LanguageCoaching => "language_coaching",
        /// Childcare at presence events.
        Childcare => "childcare",
        DeviceLoans => "device_loans",
        ExchangeMeetings => "exchange_meetings",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for g in Goal::ALL {
            assert_eq!(Goal::parse(g.code()), Some(*g));
            assert_eq!(
                serde_json::to_string(g).unwrap(),
                format!("\"{}\"", g.code())
            );
        }
        assert_eq!(
            DeliveryMode::parse(" Online-Live "),
            Some(DeliveryMode::OnlineLive)
        );
        assert_eq!(
            SupportOffer::parse("device_loans"),
            Some(SupportOffer::DeviceLoans)
        );
        assert_eq!(Goal::parse("anything"), None);
    }
}
