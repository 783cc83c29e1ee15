//! Stable codes with arguments. The texts live in `crates/web/locales/{de,en}/participants.ftl`.
//!
//! [`Reason`] and [`FieldError`] are the domain's ([`lernweg_domain::Reason`],
//! [`lernweg_domain::FieldError`]) in the [`Participants`] namespace: message ids
//! `participants-reason-<code>` and `participants-error-<key>-<code>`. Other groups
//! (`participants-import-<code>`, `participants-warning-<code>`, …) are formed by the caller
//! from the code.

pub use lernweg_domain::reason::Args;
pub(crate) use lernweg_domain::reason::hours;

/// The Fluent namespace of the participant rules: ids start with `participants-`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Participants;

impl lernweg_domain::Namespace for Participants {
    const PREFIX: &'static str = "participants";
}

/// An explanation: a `code` plus named arguments, Fluent id `participants-reason-<code>`.
pub type Reason = lernweg_domain::Reason<Participants>;

/// One validation problem of one field, Fluent id `participants-error-<key>-<code>`.
pub type FieldError = lernweg_domain::FieldError<Participants>;

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
