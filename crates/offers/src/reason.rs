//! A stable code with arguments: the text is looked up in `offers.ftl`.

use serde::Serialize;
use serde::ser::SerializeMap;

/// A reason or explanation: `code` plus named arguments. The message id in the Fluent files is
/// `offers-reason-<code>`; the arguments are Fluent variables (`{ $share }`).
///
/// Serializes as `{"code": "...", "args": {"name": "value", ...}}` (args in insertion order).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reason {
    pub code: &'static str,
    pub args: Vec<(&'static str, String)>,
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

    /// The Fluent message id, e.g. `offers-reason-sessions_outside_work_time`.
    pub fn message_id(&self) -> String {
        format!("offers-reason-{}", self.code)
    }
}

impl Serialize for Reason {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct Args<'a>(&'a [(&'static str, String)]);
        impl Serialize for Args<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                let mut m = s.serialize_map(Some(self.0.len()))?;
                for (k, v) in self.0 {
                    m.serialize_entry(k, v)?;
                }
                m.end()
            }
        }
        let mut st = s.serialize_struct("Reason", 2)?;
        st.serialize_field("code", self.code)?;
        st.serialize_field("args", &Args(&self.args))?;
        st.end()
    }
}

/// Formats a share 0.0..=1.0 as a whole percentage, e.g. `0.804` → `"80"`.
pub(crate) fn percent(share: f64) -> String {
    format!("{}", (share * 100.0).round() as i64)
}

/// Formats hours with at most one decimal and a German decimal comma is left to Fluent:
/// the argument is a plain number string with a dot, e.g. `"12.5"`.
pub(crate) fn hours(h: f64) -> String {
    let r = (h * 10.0).round() / 10.0 + 0.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serializes_code_and_args_in_order() {
        let r = Reason::new("sessions_outside_work_time")
            .arg("share", "80")
            .arg("hours", 12);
        assert_eq!(
            serde_json::to_string(&r).unwrap(),
            r#"{"code":"sessions_outside_work_time","args":{"share":"80","hours":"12"}}"#
        );
        assert_eq!(r.get("hours"), Some("12"));
        assert_eq!(r.message_id(), "offers-reason-sessions_outside_work_time");
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(percent(0.804), "80");
        assert_eq!(hours(12.0), "12");
        assert_eq!(hours(12.25), "12.3");
        assert_eq!(hours(-0.0), "0");
    }
}
