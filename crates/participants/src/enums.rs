//! Small closed lists with stable snake_case codes: contact channel, recognition status,
//! consent scope. `parse` takes the code and the German words offices write.

use std::fmt;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use lernweg_domain::ParseError;

use crate::reason::fold;

macro_rules! code_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $field:literal, $err:literal {
            $( $(#[$vmeta:meta])* $variant:ident = $code:literal [$($alias:literal),*] ),+ $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $( $(#[$vmeta])* $variant ),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code, e.g. `in_person`.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            /// Parses the code or a common German or English word (case, spaces, hyphens and
            /// umlaut spelling do not matter).
            pub fn parse(input: &str) -> Result<Self, ParseError> {
                let f = fold(input);
                $(
                    if f == fold($code) $(|| f == $alias)* {
                        return Ok($name::$variant);
                    }
                )+
                let expected: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                Err(ParseError::new(
                    $field,
                    $err,
                    format!("unknown value {input:?}; expected one of {}", expected.join(", ")),
                ))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_enum! {
    /// How the participant wants to be reached (MISSION §2.1: by the channel the target group
    /// prefers).
    ContactChannel, "preferred_channel", "unknown_channel" {
        Phone = "phone" ["telefon", "tel", "anruf", "handy"],
        InPerson = "in_person" ["persoenlich", "vorort", "praesenz", "inperson"],
        Email = "email" ["mail"],
        Messenger = "messenger" ["whatsapp", "signal", "telegram", "sms", "chat"],
        Video = "video" ["videoanruf", "videocall", "onlinemeeting", "zoom"],
    }
}

code_enum! {
    /// Where the recognition procedure of the foreign qualification stands.
    RecognitionStatus, "recognition_status", "unknown_recognition_status" {
        NotStarted = "not_started" ["nichtbegonnen", "offen", "nochnichtbeantragt"],
        InProgress = "in_progress" ["laeuft", "imverfahren", "beantragt", "inbearbeitung"],
        /// Full equivalence (volle Gleichwertigkeit).
        Full = "full" ["voll", "vollegleichwertigkeit", "anerkannt"],
        /// Partial equivalence (teilweise Gleichwertigkeit): compensation measures follow.
        Partial = "partial" ["teilweise", "teilweisegleichwertigkeit", "teilanerkennung"],
        Rejected = "rejected" ["abgelehnt", "keinegleichwertigkeit"],
        /// Non-regulated occupation without a formal procedure, or not needed for the goal.
        NotRequired = "not_required" ["nichterforderlich", "nichtnoetig", "entfaellt"],
    }
}

code_enum! {
    /// What a participant has consented to. `HealthData` (GDPR Art. 9) is required before
    /// health answers of the readiness check may be recorded.
    ConsentScope, "consent_scope", "unknown_consent_scope" {
        DataProcessing = "data_processing" ["datenverarbeitung", "datenschutz"],
        HealthData = "health_data" ["gesundheitsdaten", "gesundheit"],
        /// Lets the provider link the person to an employer, who then sees the dates and times
        /// of the person's sessions and the release requests, nothing else. Stored and sent
        /// before issue 13 as `contact_employer`, which is still read.
        #[serde(alias = "contact_employer")]
        EmployerContact = "employer_contact" ["contactemployer", "kontaktarbeitgeber", "arbeitgeberkontakt", "arbeitgeber"],
        Photos = "photos" ["fotos", "bilder"],
        ShareWithMentor = "share_with_mentor" ["mentoring", "weitergabeanmentor"],
        ShareWithFunder = "share_with_funder" ["weitergabeanfoerdergeber", "foerdergeber"],
    }
}

/// A consent with its scope, when it was given and when (if ever) it was withdrawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Consent {
    pub scope: ConsentScope,
    pub given_on: NaiveDate,
    #[serde(default)]
    pub withdrawn_on: Option<NaiveDate>,
}

impl Consent {
    /// A consent; refused when it is withdrawn before it was given.
    pub fn new(
        scope: ConsentScope,
        given_on: NaiveDate,
        withdrawn_on: Option<NaiveDate>,
    ) -> Result<Self, ParseError> {
        if withdrawn_on.is_some_and(|w| w < given_on) {
            return Err(ParseError::new(
                "withdrawn_on",
                "withdrawn_before_given",
                "a consent cannot be withdrawn before it was given",
            ));
        }
        Ok(Consent {
            scope,
            given_on,
            withdrawn_on,
        })
    }

    /// True from `given_on` up to the day before `withdrawn_on`.
    pub fn is_active_on(&self, date: NaiveDate) -> bool {
        self.given_on <= date && self.withdrawn_on.is_none_or(|w| date < w)
    }
}

/// True if one of `consents` for `scope` is active on `date`.
pub fn has_consent(consents: &[Consent], scope: ConsentScope, date: NaiveDate) -> bool {
    consents
        .iter()
        .any(|c| c.scope == scope && c.is_active_on(date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn parses_codes_and_german_words() {
        assert_eq!(
            ContactChannel::parse("in_person").unwrap(),
            ContactChannel::InPerson
        );
        assert_eq!(
            ContactChannel::parse("Persönlich").unwrap(),
            ContactChannel::InPerson
        );
        assert_eq!(
            ContactChannel::parse("E-Mail").unwrap(),
            ContactChannel::Email
        );
        assert_eq!(
            ContactChannel::parse("WhatsApp").unwrap(),
            ContactChannel::Messenger
        );
        assert_eq!(
            ContactChannel::parse(" Telefon ").unwrap(),
            ContactChannel::Phone
        );
        assert_eq!(
            RecognitionStatus::parse("teilweise").unwrap(),
            RecognitionStatus::Partial
        );
        assert_eq!(
            RecognitionStatus::parse("Nicht erforderlich").unwrap(),
            RecognitionStatus::NotRequired
        );
        assert_eq!(
            ConsentScope::parse("Gesundheitsdaten").unwrap(),
            ConsentScope::HealthData
        );
        let e = ContactChannel::parse("Brieftaube").unwrap_err();
        assert_eq!(e.code, "unknown_channel");
        assert!(e.message.contains("in_person"));
    }

    #[test]
    fn every_code_parses_to_itself_and_serializes_as_code() {
        for c in ContactChannel::ALL {
            assert_eq!(ContactChannel::parse(c.code()).unwrap(), *c);
            assert_eq!(
                serde_json::to_string(c).unwrap(),
                format!("\"{}\"", c.code())
            );
        }
        for c in RecognitionStatus::ALL {
            assert_eq!(RecognitionStatus::parse(c.code()).unwrap(), *c);
            assert_eq!(
                serde_json::to_string(c).unwrap(),
                format!("\"{}\"", c.code())
            );
        }
        for c in ConsentScope::ALL {
            assert_eq!(ConsentScope::parse(c.code()).unwrap(), *c);
            assert_eq!(
                serde_json::to_string(c).unwrap(),
                format!("\"{}\"", c.code())
            );
        }
    }

    #[test]
    fn consent_is_active_between_given_and_withdrawn() {
        let c = Consent::new(
            ConsentScope::HealthData,
            d("2026-01-10"),
            Some(d("2026-03-01")),
        )
        .unwrap();
        assert!(!c.is_active_on(d("2026-01-09")));
        assert!(c.is_active_on(d("2026-01-10")));
        assert!(c.is_active_on(d("2026-02-28")));
        assert!(!c.is_active_on(d("2026-03-01")));
        assert!(has_consent(&[c], ConsentScope::HealthData, d("2026-02-01")));
        assert!(!has_consent(&[c], ConsentScope::Photos, d("2026-02-01")));
        let bad = Consent::new(ConsentScope::Photos, d("2026-02-01"), Some(d("2026-01-01")));
        assert_eq!(bad.unwrap_err().code, "withdrawn_before_given");
    }
}
