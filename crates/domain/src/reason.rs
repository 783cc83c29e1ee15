//! Stable codes with named arguments: the one [`Reason`] and the one [`FieldError`] of the
//! rule crates. The texts live in Fluent files of the web crate; these types only name them.
//!
//! Each rule crate has its own part of the Fluent ids, its [`Namespace`]: `offers` ids look like
//! `offers-reason-<code>` and `offers-error-<key>-<code>`, participants ids like
//! `participants-reason-<code>` and `participants-error-<key>-<code>`. A crate names its
//! namespace once, in a type alias (`type FieldError = lernweg_domain::FieldError<Offers>`),
//! so its call sites write `FieldError::new(field, key, code)` and every existing id stays.

use std::fmt;
use std::marker::PhantomData;

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeStruct};

use crate::ParseError;

/// Named Fluent arguments in insertion order, e.g. `[("max", "60")]`.
pub type Args = Vec<(&'static str, String)>;

/// The first part of the Fluent ids of one rule crate. Implemented by a unit struct.
pub trait Namespace: fmt::Debug + Clone + Copy + PartialEq + Eq {
    /// E.g. `offers` or `participants`.
    const PREFIX: &'static str;
}

/// An explanation: a stable `code` plus named arguments. Its Fluent id is
/// `<namespace>-reason-<code>`; the arguments are Fluent variables (`{ $share }`).
///
/// Serializes as `{"code": "...", "args": {"name": "value", ...}}` (args in insertion order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason<N> {
    pub code: &'static str,
    pub args: Args,
    namespace: PhantomData<N>,
}

impl<N: Namespace> Reason<N> {
    pub fn new(code: &'static str) -> Self {
        Reason {
            code,
            args: Vec::new(),
            namespace: PhantomData,
        }
    }

    /// The Fluent message id, e.g. `offers-reason-sessions_outside_work_time`.
    pub fn message_id(&self) -> String {
        format!("{}-reason-{}", N::PREFIX, self.code)
    }
}

/// One validation problem of one field. Its Fluent id is `<namespace>-error-<key>-<code>`.
///
/// Serializes as `{"field": "...", "key": "...", "code": "...", "args": {...}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError<N> {
    /// Path of the field, e.g. `email`, `modules.1.hours` (0-based index).
    pub field: String,
    /// The field kind for the message, e.g. `module_hours`.
    pub key: &'static str,
    /// What is wrong, e.g. `out_of_range`.
    pub code: &'static str,
    /// Fluent variables, e.g. `("max", "60")`.
    pub args: Args,
    namespace: PhantomData<N>,
}

impl<N: Namespace> FieldError<N> {
    pub fn new(field: impl Into<String>, key: &'static str, code: &'static str) -> Self {
        FieldError {
            field: field.into(),
            key,
            code,
            args: Vec::new(),
            namespace: PhantomData,
        }
    }

    /// The same problem reported at another field (e.g. a form's own field name).
    pub fn at(mut self, field: impl Into<String>) -> Self {
        self.field = field.into();
        self
    }

    /// The Fluent message id, e.g. `participants-error-email-invalid`.
    pub fn message_id(&self) -> String {
        format!("{}-error-{}-{}", N::PREFIX, self.key, self.code)
    }
}

/// A domain parser's error as a field error: the parser's field is both the field and the
/// key, its code stays. The parser's English sentence is left out; the text comes from the
/// Fluent message `<namespace>-error-<field>-<code>`.
impl<N: Namespace> From<ParseError> for FieldError<N> {
    fn from(e: ParseError) -> Self {
        FieldError::new(e.field, e.field, e.code)
    }
}

/// The builder and reader of the arguments, the same for both types.
macro_rules! with_args {
    ($($t:ident),+) => {$(
        impl<N> $t<N> {
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
        }
    )+};
}

with_args!(Reason, FieldError);

/// Formats hours as a Fluent argument: at most one decimal, a plain number string with a dot
/// (`"12.5"`, `"12"`); the decimal comma is left to the page.
pub fn hours(h: f64) -> String {
    let r = (h * 10.0).round() / 10.0 + 0.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

struct ArgsMap<'a>(&'a Args);

impl Serialize for ArgsMap<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<N> Serialize for Reason<N> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Reason", 2)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("args", &ArgsMap(&self.args))?;
        st.end()
    }
}

impl<N> Serialize for FieldError<N> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("FieldError", 4)?;
        st.serialize_field("field", &self.field)?;
        st.serialize_field("key", self.key)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("args", &ArgsMap(&self.args))?;
        st.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    struct Test;
    impl Namespace for Test {
        const PREFIX: &'static str = "test";
    }

    #[test]
    fn reason_serializes_code_and_args_in_order() {
        let r = Reason::<Test>::new("free_hours_below_offer")
            .arg("needed", 8)
            .arg("free", "6");
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"code":"free_hours_below_offer","args":{"needed":"8","free":"6"}}"#
        );
        assert_eq!(r.get("needed"), Some("8"));
        assert_eq!(r.get("missing"), None);
        assert_eq!(r.message_id(), "test-reason-free_hours_below_offer");
        assert_eq!(r.clone(), r);
    }

    #[test]
    fn field_error_names_its_message_and_moves() {
        let e = FieldError::<Test>::new("modules.1.hours", "module_hours", "out_of_range")
            .arg("max", 60);
        assert_eq!(e.message_id(), "test-error-module_hours-out_of_range");
        assert_eq!(
            serde_json::to_string(&e).unwrap(),
            r#"{"field":"modules.1.hours","key":"module_hours","code":"out_of_range","args":{"max":"60"}}"#
        );
        let moved = e.clone().at("ics_anchor");
        assert_eq!(moved.field, "ics_anchor");
        assert_eq!(moved.message_id(), e.message_id());
        assert_eq!(moved.get("max"), Some("60"));
        assert_ne!(moved, e);
    }

    #[test]
    fn a_parse_error_becomes_a_field_error() {
        let p = ParseError::new("email", "invalid_email", "not an e-mail address");
        let e: FieldError<Test> = p.into();
        assert_eq!(e.field, "email");
        assert_eq!(e.key, "email");
        assert_eq!(e.code, "invalid_email");
        assert!(e.args.is_empty());
        assert_eq!(e.message_id(), "test-error-email-invalid_email");
    }

    #[test]
    fn formats_hours() {
        assert_eq!(hours(12.0), "12");
        assert_eq!(hours(12.25), "12.3");
        assert_eq!(hours(-0.0), "0");
        assert_eq!(hours(7.04), "7");
    }
}
