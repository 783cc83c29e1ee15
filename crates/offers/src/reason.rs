//! Stable codes with arguments: the text is looked up in `offers.ftl`.
//!
//! [`Reason`] and [`FieldError`] are the domain's ([`lernweg_domain::Reason`],
//! [`lernweg_domain::FieldError`]) in the [`Offers`] namespace: message ids
//! `offers-reason-<code>` and `offers-error-<key>-<code>`.

pub(crate) use lernweg_domain::reason::hours;

/// The Fluent namespace of the offer rules: ids start with `offers-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Offers;

impl lernweg_domain::Namespace for Offers {
    const PREFIX: &'static str = "offers";
}

/// A reason or explanation: `code` plus named arguments, Fluent id `offers-reason-<code>`.
///
/// Serializes as `{"code": "...", "args": {"name": "value", ...}}` (args in insertion order).
pub type Reason = lernweg_domain::Reason<Offers>;

/// One validation problem of an offer, Fluent id `offers-error-<key>-<code>`.
pub type FieldError = lernweg_domain::FieldError<Offers>;

/// Formats a share 0.0..=1.0 as a whole percentage, e.g. `0.804` → `"80"`.
pub(crate) fn percent(share: f64) -> String {
    format!("{}", (share * 100.0).round() as i64)
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
        let e = FieldError::new("title", "title", "too_short").arg("min", 3);
        assert_eq!(e.message_id(), "offers-error-title-too_short");
    }

    #[test]
    fn formats_numbers() {
        assert_eq!(percent(0.804), "80");
        assert_eq!(hours(12.0), "12");
        assert_eq!(hours(12.25), "12.3");
        assert_eq!(hours(-0.0), "0");
    }
}
