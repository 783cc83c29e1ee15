//! UI text: every string a person reads comes from the Fluent files in `locales/`.
//!
//! German is the default and the fallback; staff pages also speak English. Participant
//! pages (portal, invitations, login) speak plain German, English, Arabic (right to left),
//! Ukrainian, Turkish and Russian.

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

/// A UI language. Staff pages speak German and English ([`Lang::STAFF`]); participant pages
/// (the portal, the invitation pages, the login) also Arabic (right to left), Ukrainian,
/// Turkish and Russian, with their texts in `locales/<lang>/portal.ftl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    De,
    En,
    Ar,
    Uk,
    Tr,
    Ru,
}

impl Lang {
    /// Every language, in the order of the participant language switch.
    pub const ALL: [Lang; 6] = [Lang::De, Lang::En, Lang::Ar, Lang::Uk, Lang::Tr, Lang::Ru];
    /// The languages of staff pages.
    pub const STAFF: [Lang; 2] = [Lang::De, Lang::En];

    /// Parses a language code; anything unknown is `None`.
    pub fn parse(code: &str) -> Option<Lang> {
        let code = code.trim().to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::De => "de",
            Lang::En => "en",
            Lang::Ar => "ar",
            Lang::Uk => "uk",
            Lang::Tr => "tr",
            Lang::Ru => "ru",
        }
    }

    /// The language a staff page is shown in: German or English, never a language whose
    /// texts only the participant pages have (so no page claims `lang="ar"` while showing
    /// German). The other participant languages fall back to German, the default.
    pub fn staff(self) -> Lang {
        match self {
            Lang::En => Lang::En,
            _ => Lang::De,
        }
    }

    /// Written right to left (Arabic).
    pub fn is_rtl(self) -> bool {
        self == Lang::Ar
    }

    /// The portal language for an ISO 639-1 code (a participant's mother tongue), if the
    /// portal speaks it.
    pub fn for_participant(iso_639_1: &str) -> Option<Lang> {
        Lang::parse(iso_639_1)
    }

    fn id(self) -> LanguageIdentifier {
        self.code().parse().expect("static language codes parse")
    }

    /// The text of `key` in this language (German as fallback). A key that no language has
    /// shows as "Unknown localization key", which the tests catch (`tests/i18n.rs`).
    pub fn t(self, key: &str) -> String {
        LOCALES.lookup(&self.id(), key)
    }

    /// The text of `key` (German as fallback), or `None` when not even German has it.
    pub fn try_t(self, key: &str) -> Option<String> {
        LOCALES.try_lookup(&self.id(), key)
    }

    /// Whether this language itself has a message `key` (without falling back to German).
    pub fn has(self, key: &str) -> bool {
        LOCALES
            .lookup_single_language::<&str>(&self.id(), key, None)
            .is_ok()
    }

    /// A number with at most one decimal, with the language's decimal separator (`19,5`
    /// in German, `19.5` in English).
    pub fn decimal(self, v: f64) -> String {
        let r = (v * 10.0).round() / 10.0 + 0.0;
        let s = if r.fract() == 0.0 {
            format!("{}", r as i64)
        } else {
            format!("{r:.1}")
        };
        match self {
            Lang::En => s,
            _ => s.replace('.', ","),
        }
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
        assert_eq!(Lang::parse("ar"), Some(Lang::Ar));
        assert_eq!(Lang::parse("fr"), None);
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
    }

    #[test]
    fn staff_pages_are_german_or_english() {
        assert_eq!(Lang::En.staff(), Lang::En);
        for l in [Lang::De, Lang::Ar, Lang::Uk, Lang::Tr, Lang::Ru] {
            assert_eq!(l.staff(), Lang::De);
        }
        assert!(Lang::Ar.is_rtl());
        assert!(!Lang::Ru.is_rtl());
    }

    #[test]
    fn portal_languages_have_their_own_texts() {
        assert_eq!(Lang::Ar.t("portal-lang-name"), "العربية");
        assert_eq!(Lang::Uk.t("portal-lang-name"), "Українська");
        assert_eq!(Lang::Tr.t("portal-lang-name"), "Türkçe");
        assert_eq!(Lang::Ru.t("portal-lang-name"), "Русский");
        assert_eq!(Lang::De.t("portal-lang-name"), "Deutsch");
        assert_eq!(Lang::En.t("portal-lang-name"), "English");
    }
}
