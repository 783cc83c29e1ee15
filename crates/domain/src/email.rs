//! E-mail addresses, normalised to lower case.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::ParseError;

/// A syntactically plausible e-mail address (`local@domain.tld`), trimmed and lower-cased.
///
/// We check the shape only; deliverability is proven by the invitation mail, not by a regex.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(input: &str) -> Result<Self, ParseError> {
        let s = input.trim().to_lowercase();
        let err = |msg: &str| ParseError::new("email", "invalid_email", msg.to_owned());
        if s.is_empty() {
            return Err(ParseError::new(
                "email",
                "required",
                "e-mail address is required",
            ));
        }
        if s.len() > 254 {
            return Err(err("e-mail address is longer than 254 characters"));
        }
        let Some((local, domain)) = s.split_once('@') else {
            return Err(err("e-mail address needs an @"));
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..")
            && domain
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-');
        if local.is_empty()
            || local.len() > 64
            || local.chars().any(|c| c.is_whitespace() || c == '@')
        {
            return Err(err("the part before the @ is not valid"));
        }
        if !domain_ok {
            return Err(err("the domain after the @ is not valid"));
        }
        Ok(Self(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl TryFrom<String> for Email {
    type Error = ParseError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Email::parse(&s)
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_case_and_whitespace() {
        assert_eq!(
            Email::parse("  Koordination1@Demo.Example ")
                .unwrap()
                .as_str(),
            "koordination1@demo.example"
        );
    }

    #[test]
    fn accepts_umlaut_domains() {
        assert!(Email::parse("info@bildungsträger.de").is_ok());
    }

    #[test]
    fn rejects_malformed() {
        for bad in [
            "", "a", "a@b", "@b.de", "a@.de", "a@b..de", "a b@c.de", "a@b.de.", "a@@b.de",
        ] {
            assert!(Email::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }
}
