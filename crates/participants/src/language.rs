//! Languages as ISO 639-1 codes, with the German and English names people type.

use std::fmt;

use serde::{Deserialize, Serialize};

use lernweg_domain::ParseError;

use crate::reason::fold;

/// All 183 ISO 639-1 codes in force (the withdrawn `bh`, `in`, `iw`, `ji`, `jw`, `mo`, `sh`
/// are not included), sorted for binary search.
pub const ISO_639_1: [&str; 183] = [
    "aa", "ab", "ae", "af", "ak", "am", "an", "ar", "as", "av", "ay", "az", "ba", "be", "bg", "bi",
    "bm", "bn", "bo", "br", "bs", "ca", "ce", "ch", "co", "cr", "cs", "cu", "cv", "cy", "da", "de",
    "dv", "dz", "ee", "el", "en", "eo", "es", "et", "eu", "fa", "ff", "fi", "fj", "fo", "fr", "fy",
    "ga", "gd", "gl", "gn", "gu", "gv", "ha", "he", "hi", "ho", "hr", "ht", "hu", "hy", "hz", "ia",
    "id", "ie", "ig", "ii", "ik", "io", "is", "it", "iu", "ja", "jv", "ka", "kg", "ki", "kj", "kk",
    "kl", "km", "kn", "ko", "kr", "ks", "ku", "kv", "kw", "ky", "la", "lb", "lg", "li", "ln", "lo",
    "lt", "lu", "lv", "mg", "mh", "mi", "mk", "ml", "mn", "mr", "ms", "mt", "my", "na", "nb", "nd",
    "ne", "ng", "nl", "nn", "no", "nr", "nv", "ny", "oc", "oj", "om", "or", "os", "pa", "pi", "pl",
    "ps", "pt", "qu", "rm", "rn", "ro", "ru", "rw", "sa", "sc", "sd", "se", "sg", "si", "sk", "sl",
    "sm", "sn", "so", "sq", "sr", "ss", "st", "su", "sv", "sw", "ta", "te", "tg", "th", "ti", "tk",
    "tl", "tn", "to", "tr", "ts", "tt", "tw", "ty", "ug", "uk", "ur", "uz", "ve", "vi", "vo", "wa",
    "wo", "xh", "yi", "yo", "za", "zh", "zu",
];

/// Names (folded: lower case, umlauts spelled out, letters only) that offices write instead
/// of codes: German and English names of the languages most often met in IQ counselling.
const NAMES: &[(&str, &str)] = &[
    ("afghanisch", "ps"),
    ("albanian", "sq"),
    ("albanisch", "sq"),
    ("amharic", "am"),
    ("amharisch", "am"),
    ("arabic", "ar"),
    ("arabisch", "ar"),
    ("armenian", "hy"),
    ("armenisch", "hy"),
    ("aserbaidschanisch", "az"),
    ("azerbaijani", "az"),
    ("bengali", "bn"),
    ("bengalisch", "bn"),
    ("bosnian", "bs"),
    ("bosnisch", "bs"),
    ("bulgarian", "bg"),
    ("bulgarisch", "bg"),
    ("chinese", "zh"),
    ("chinesisch", "zh"),
    ("croatian", "hr"),
    ("czech", "cs"),
    ("dari", "fa"),
    ("deutsch", "de"),
    ("dutch", "nl"),
    ("englisch", "en"),
    ("english", "en"),
    ("estnisch", "et"),
    ("estonian", "et"),
    ("farsi", "fa"),
    ("franzoesisch", "fr"),
    ("french", "fr"),
    ("georgian", "ka"),
    ("georgisch", "ka"),
    ("german", "de"),
    ("greek", "el"),
    ("griechisch", "el"),
    ("hebraeisch", "he"),
    ("hebrew", "he"),
    ("hindi", "hi"),
    ("hungarian", "hu"),
    ("italian", "it"),
    ("italienisch", "it"),
    ("japanese", "ja"),
    ("japanisch", "ja"),
    ("kasachisch", "kk"),
    ("kazakh", "kk"),
    ("koreanisch", "ko"),
    ("korean", "ko"),
    ("kroatisch", "hr"),
    ("kurdisch", "ku"),
    ("kurdish", "ku"),
    ("kurmanci", "ku"),
    ("kurmandschi", "ku"),
    ("latvian", "lv"),
    ("lettisch", "lv"),
    ("litauisch", "lt"),
    ("lithuanian", "lt"),
    ("macedonian", "mk"),
    ("mazedonisch", "mk"),
    ("niederlaendisch", "nl"),
    ("paschtu", "ps"),
    ("pashto", "ps"),
    ("persian", "fa"),
    ("persisch", "fa"),
    ("polish", "pl"),
    ("polnisch", "pl"),
    ("portugiesisch", "pt"),
    ("portuguese", "pt"),
    ("punjabi", "pa"),
    ("romanian", "ro"),
    ("rumaenisch", "ro"),
    ("russian", "ru"),
    ("russisch", "ru"),
    ("serbian", "sr"),
    ("serbisch", "sr"),
    ("slovak", "sk"),
    ("slovenian", "sl"),
    ("slowakisch", "sk"),
    ("slowenisch", "sl"),
    ("somali", "so"),
    ("somalisch", "so"),
    ("spanisch", "es"),
    ("spanish", "es"),
    ("tamil", "ta"),
    ("thai", "th"),
    ("thailaendisch", "th"),
    ("tigrinisch", "ti"),
    ("tigrinya", "ti"),
    ("tschechisch", "cs"),
    ("tuerkisch", "tr"),
    ("turkish", "tr"),
    ("ukrainian", "uk"),
    ("ukrainisch", "uk"),
    ("ungarisch", "hu"),
    ("urdu", "ur"),
    ("usbekisch", "uz"),
    ("uzbek", "uz"),
    ("vietnamese", "vi"),
    ("vietnamesisch", "vi"),
];

/// An ISO 639-1 language code, two lower-case letters from the real list.
///
/// `parse` also takes upper case (`"AR"`) and the common German and English names
/// (`"Arabisch"`, `"Türkisch"`, `"Farsi"`), so a CSV from an office needs no editing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LanguageCode([u8; 2]);

impl LanguageCode {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let t = input.trim();
        let lower = t.to_ascii_lowercase();
        let code = if ISO_639_1.binary_search(&lower.as_str()).is_ok() {
            Some(lower)
        } else {
            let f = fold(t);
            NAMES
                .iter()
                .find(|(name, _)| *name == f)
                .map(|(_, c)| (*c).to_owned())
        };
        match code {
            Some(c) => {
                let b = c.as_bytes();
                Ok(LanguageCode([b[0], b[1]]))
            }
            None => Err(ParseError::new(
                "language",
                "unknown_language",
                format!("unknown language {input:?}; expected an ISO 639-1 code such as \"ar\""),
            )),
        }
    }

    pub fn as_str(&self) -> &str {
        std::str::from_utf8(&self.0).expect("ASCII")
    }
}

impl fmt::Display for LanguageCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl TryFrom<String> for LanguageCode {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        LanguageCode::parse(&s)
    }
}

impl From<LanguageCode> for String {
    fn from(l: LanguageCode) -> String {
        l.as_str().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_is_sorted_unique_two_lowercase_letters() {
        assert!(ISO_639_1.windows(2).all(|w| w[0] < w[1]));
        assert!(
            ISO_639_1
                .iter()
                .all(|c| c.len() == 2 && c.bytes().all(|b| b.is_ascii_lowercase()))
        );
        for (name, code) in NAMES {
            assert!(ISO_639_1.contains(code), "{name} → {code}");
            assert_eq!(fold(name), *name, "names are stored folded");
        }
    }

    #[test]
    fn parses_codes_and_names() {
        assert_eq!(LanguageCode::parse("ar").unwrap().as_str(), "ar");
        assert_eq!(LanguageCode::parse(" UK ").unwrap().as_str(), "uk");
        assert_eq!(LanguageCode::parse("Türkisch").unwrap().as_str(), "tr");
        assert_eq!(LanguageCode::parse("Farsi").unwrap().as_str(), "fa");
        assert_eq!(LanguageCode::parse("Arabic").unwrap().as_str(), "ar");
    }

    #[test]
    fn rejects_non_codes() {
        for bad in [
            "",
            "xx",
            "qq",
            "ara",
            "a",
            "sh",
            "bh",
            "deu",
            "Klingonisch",
            "a1",
        ] {
            assert!(LanguageCode::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn serde_round_trip() {
        let l: LanguageCode = serde_json::from_str("\"ti\"").unwrap();
        assert_eq!(serde_json::to_string(&l).unwrap(), "\"ti\"");
        assert!(serde_json::from_str::<LanguageCode>("\"zz\"").is_err());
    }
}
