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

    /// The text of `key` with named arguments. An argument written as a whole number
    /// ("0", "1", "12") is passed as a Fluent number, so that messages can choose their
    /// plural form (`{ $count -> [one] … *[other] … }`, by the language's plural rules); it
    /// reads the same. Any other value (decimals already formatted with [`Lang::decimal`],
    /// codes with leading zeros such as "01099", names) stays text.
    pub fn t_args(self, key: &str, args: &[(&'static str, String)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), fluent_value(v)))
            .collect();
        LOCALES.lookup_with_args(&self.id(), key, &map)
    }

    /// The text of `key` as HTML (escaped, for `|safe`), with every argument that is not a
    /// whole number inside `<bdi>`: a German name or title inside Arabic text keeps its own
    /// direction and order (Unicode bidirectional isolation).
    pub fn t_isolated(self, key: &str, args: &[(&'static str, String)]) -> String {
        // Each isolated value is first a private-use placeholder, then its `<bdi>` element.
        let mark = |i: usize| {
            char::from_u32(0xE000 + i as u32)
                .unwrap_or('\u{E000}')
                .to_string()
        };
        let isolate = |v: &str| matches!(fluent_value(v), FluentValue::String(_));
        let with_marks: Vec<(&'static str, String)> = args
            .iter()
            .enumerate()
            .map(|(i, (k, v))| (*k, if isolate(v) { mark(i) } else { v.clone() }))
            .collect();
        let mut html = escape_html(&self.t_args(key, &with_marks));
        for (i, (_, v)) in args.iter().enumerate() {
            if isolate(v) {
                html = html.replace(&mark(i), &format!("<bdi>{}</bdi>", escape_html(v)));
            }
        }
        html
    }

    /// The name of a language (ISO 639-1 code) in this language: "Englisch" on a German
    /// page, "English" on an English one; the code itself if no name is known.
    pub fn language_name(self, iso_639_1: &str) -> String {
        self.try_t(&format!("language-{iso_639_1}"))
            .unwrap_or_else(|| iso_639_1.to_owned())
    }
}

/// Text as HTML: `&`, `<`, `>`, `"` and `'` escaped.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A whole number as a Fluent number (for plural selection), anything else as text.
fn fluent_value(v: &str) -> FluentValue<'static> {
    let digits = v.strip_prefix('-').unwrap_or(v);
    let whole = !digits.is_empty()
        && digits.len() <= 15
        && digits.bytes().all(|b| b.is_ascii_digit())
        && (digits == "0" || !digits.starts_with('0'));
    match v.parse::<i64>() {
        Ok(n) if whole => FluentValue::from(n),
        _ => FluentValue::from(v.to_owned()),
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
    fn whole_numbers_choose_the_plural_form_and_read_the_same() {
        let de = |n: &str| {
            Lang::De.t_args(
                "offers-reason-exams_in_timetable",
                &[("count", n.to_owned())],
            )
        };
        assert_eq!(de("1"), "Der eine Prüfungstermin steht im Terminplan.");
        assert_eq!(de("3"), "Alle 3 Prüfungstermine stehen im Terminplan.");
        let modules = |lang: Lang, done: &str, total: &str| {
            lang.t_args(
                "portal-progress-modules",
                &[("done", done.to_owned()), ("total", total.to_owned())],
            )
        };
        assert_eq!(modules(Lang::De, "0", "1"), "Geschafft: 0 von 1 Modul.");
        assert_eq!(modules(Lang::De, "1", "3"), "Geschafft: 1 von 3 Modulen.");
        assert_eq!(modules(Lang::En, "0", "1"), "Done: 0 of 1 module.");
        // Russian and Ukrainian have three forms, Arabic six: each message picks its own.
        assert_ne!(modules(Lang::Ru, "0", "1"), modules(Lang::Ru, "0", "5"));
        assert_ne!(modules(Lang::Uk, "0", "1"), modules(Lang::Uk, "0", "5"));
        // Text stays text: codes with leading zeros, decimals, names.
        for v in ["01099", "150,5", "19.5", "81302", "Saarland", "-3", "0"] {
            let s = Lang::De.t_args("home-welcome", &[("name", v.to_owned())]);
            assert!(s.contains(v), "{v}: {s}");
        }
    }

    #[test]
    fn names_inside_a_sentence_are_isolated_and_escaped() {
        let html = Lang::Ar.t_isolated(
            "portal-dates-place",
            &[("place", "Bildungszentrum <Essen> & Co".to_owned())],
        );
        assert!(
            html.contains("<bdi>Bildungszentrum &lt;Essen&gt; &amp; Co</bdi>"),
            "{html}"
        );
        assert!(!html.contains('\u{E000}'));
        // Numbers stay numbers (plural selection), not isolated.
        let html = Lang::De.t_isolated(
            "portal-at-work-summary",
            &[
                ("count", "2".to_owned()),
                ("dates", "Mo 05.01.2027".to_owned()),
            ],
        );
        assert_eq!(
            html,
            "2 Termine sind in Ihrer Arbeitszeit: <bdi>Mo 05.01.2027</bdi>."
        );
    }

    #[test]
    fn language_names_in_the_page_language() {
        assert_eq!(Lang::De.language_name("en"), "Englisch");
        assert_eq!(Lang::En.language_name("en"), "English");
        assert_eq!(Lang::De.language_name("ti"), "Tigrinya");
        assert_eq!(Lang::De.language_name("uk"), "Ukrainisch");
        // Every ISO 639-1 code has a name in German and English.
        for code in lernweg_participants::language::ISO_639_1 {
            for lang in Lang::STAFF {
                assert!(lang.has(&format!("language-{code}")), "{lang:?} {code}");
            }
        }
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
