//! Stable codes with arguments. The texts live in `crates/web/locales/{de,en}/participants.ftl`.

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct};

/// Named Fluent arguments in insertion order.
pub type Args = Vec<(&'static str, String)>;

fn serialize_args<S: serde::Serializer>(args: &Args, s: S) -> Result<S::Ok, S::Error> {
    let mut m = s.serialize_map(Some(args.len()))?;
    for (k, v) in args {
        m.serialize_entry(k, v)?;
    }
    m.end()
}

struct ArgsRef<'a>(&'a Args);
impl Serialize for ArgsRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        serialize_args(self.0, s)
    }
}

/// An explanation: a `code` plus named arguments. Message id: `participants-<group>-<code>`,
/// where the group is given by the caller (`reason`, `warning`, `import`, …).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub code: &'static str,
    pub args: Args,
}

impl Reason {
    pub fn new(code: &'static str) -> Self {
        Reason {
            code,
            args: Vec::new(),
        }
    }

    /// Adds an argument (builder style).
    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The value of an argument, if present.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.args
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| v.as_str())
    }

    /// The Fluent id of a readiness reason: `participants-reason-<code>`.
    pub fn message_id(&self) -> String {
        format!("participants-reason-{}", self.code)
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Reason", 2)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("args", &ArgsRef(&self.args))?;
        st.end()
    }
}

/// One validation problem of one field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    /// Path of the field, e.g. `email`, `other_languages.1` (0-based index).
    pub field: String,
    /// The field kind for the message, e.g. `other_languages`.
    pub key: &'static str,
    /// What is wrong, e.g. `invalid`.
    pub code: &'static str,
    /// Fluent variables, e.g. `("max", "60")`.
    pub args: Args,
}

impl FieldError {
    pub fn new(field: impl Into<String>, key: &'static str, code: &'static str) -> Self {
        FieldError {
            field: field.into(),
            key,
            code,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl ToString) -> Self {
        self.args.push((name, value.to_string()));
        self
    }

    /// The Fluent message id, e.g. `participants-error-email-invalid`.
    pub fn message_id(&self) -> String {
        format!("participants-error-{}-{}", self.key, self.code)
    }
}

impl Serialize for FieldError {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("FieldError", 4)?;
        st.serialize_field("field", &self.field)?;
        st.serialize_field("key", self.key)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("args", &ArgsRef(&self.args))?;
        st.end()
    }
}

/// Formats hours with at most one decimal as a plain number string with a dot: `"12.5"`.
pub(crate) fn hours(h: f64) -> String {
    let r = (h * 10.0).round() / 10.0 + 0.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

/// Folds text for matching: lower case, `ä`→`ae`, `ö`→`oe`, `ü`→`ue`, `ß`→`ss`, and only
/// letters and digits kept. `" E-Mail "` and `"email"` fold to the same key.
pub fn fold(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    for c in input.chars() {
        match c {
            'ä' | 'Ä' => out.push_str("ae"),
            'ö' | 'Ö' => out.push_str("oe"),
            'ü' | 'Ü' => out.push_str("ue"),
            'ß' | 'ẞ' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.extend(c.to_lowercase()),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_code_and_args_in_order() {
        let r = Reason::new("free_hours_below_offer")
            .arg("free", "6")
            .arg("needed", 8);
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"code":"free_hours_below_offer","args":{"free":"6","needed":"8"}}"#
        );
        assert_eq!(r.get("needed"), Some("8"));
        assert_eq!(r.message_id(), "participants-reason-free_hours_below_offer");
        let e = FieldError::new("weekly_hours", "weekly_hours", "out_of_range").arg("max", 60);
        assert_eq!(
            e.message_id(),
            "participants-error-weekly_hours-out_of_range"
        );
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"field":"weekly_hours","key":"weekly_hours","code":"out_of_range","args":{"max":"60"}}"#
        );
    }

    #[test]
    fn folds_umlauts_case_and_punctuation() {
        assert_eq!(fold(" E-Mail "), "email");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Bevorzugter Kontakt"), "bevorzugterkontakt");
        assert_eq!(fold("MUTTERSPRACHE"), "muttersprache");
        assert_eq!(fold("Türkisch"), "tuerkisch");
        assert_eq!(hours(12.25), "12.3");
        assert_eq!(hours(-0.0), "0");
    }
}
