//! UI text: every string a person reads comes from the Fluent files in `locales/`.
//!
//! German is the default and the fallback; staff pages also speak English. Participant
//! languages (plain German, Arabic, Ukrainian, Turkish, Russian) come with the participant
//! pages.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader, static_loader};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "de",
        // Inserted values are plain text in HTML; bidi isolation marks would only get in the
        // way of tests and copy-and-paste. Arabic pages set `dir` on the element instead.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    De,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::De, Lang::En];

    /// Parses a language code; anything unknown is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "de" => Some(Lang::De),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
        }
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("static language codes parse")
    }

    /// The text of `key` in this language (German as fallback). A missing key shows as the
    /// key itself, which the tests catch.
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(&self.id(), key)
    }

    /// The text of `key` with named arguments.
    pub fn t_args(self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.clone())))
            .collect();
        LOCALES.lookup_with_args(&self.id(), key, &map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn german_and_english_differ() {
        assert_eq!(Lang::De.t("login-title"), "Anmelden");
        assert_eq!(Lang::En.t("login-title"), "Log in");
    }

    #[test]
    fn arguments_are_inserted_without_isolation_marks() {
        let s = Lang::De.t_args("home-welcome", &[("name", "Aylin".to_owned())]);
        assert!(s.contains("Aylin"));
        assert!(!s.contains('\u{2068}'));
    }

    #[test]
    fn parse_languages() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
