//! What a provider tells course portals about itself: its KURSNET supplier number, its
//! main address with phone and e-mail (the open-Qcat `SUPPLIER` block) and its website; and the
//! minimum publication horizon it holds itself to (issue 13, point 4).

use serde::{Deserialize, Serialize};

use crate::{Email, ParseError};

/// The minimum lead, in weeks, with which a provider publishes dates unless it sets its own
/// (the paper's goal is a year: 52 weeks).
pub const DEFAULT_MIN_PUBLICATION_WEEKS: u32 = 26;
/// The range a provider's minimum may take.
pub const MIN_PUBLICATION_WEEKS_RANGE: std::ops::RangeInclusive<u32> = 1..=104;

/// A provider's KURSNET supplier number and address. Empty text means "not set".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ProviderDetails {
    /// The provider number at KURSNET (digits only, as in every public catalogue seen).
    pub kursnet_supplier_id: String,
    pub street: String,
    /// A German postcode (5 digits).
    pub zip: String,
    pub city: String,
    pub phone: String,
    /// Empty or a valid address.
    pub email: String,
    /// Empty or an absolute `https://` (or `http://`) address.
    pub website: String,
    /// Dates published with less lead than this are flagged on the cohort page.
    pub min_publication_weeks: u32,
}

impl Default for ProviderDetails {
    fn default() -> Self {
        ProviderDetails {
            kursnet_supplier_id: String::new(),
            street: String::new(),
            zip: String::new(),
            city: String::new(),
            phone: String::new(),
            email: String::new(),
            website: String::new(),
            min_publication_weeks: DEFAULT_MIN_PUBLICATION_WEEKS,
        }
    }
}

/// A whole number sent as a JSON number or as text (a form).
fn number_or_text<'de, D>(d: D) -> Result<Option<String>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Raw {
        Number(i64),
        Text(String),
    }
    Ok(Option::<Raw>::deserialize(d)?.map(|r| match r {
        Raw::Number(n) => n.to_string(),
        Raw::Text(t) => t,
    }))
}

/// The raw input of the fields, as sent (a form or a JSON body); `None` keeps the current
/// value.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ProviderDetailsInput {
    pub kursnet_supplier_id: Option<String>,
    pub street: Option<String>,
    pub zip: Option<String>,
    pub city: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub website: Option<String>,
    #[serde(default, deserialize_with = "number_or_text")]
    pub min_publication_weeks: Option<String>,
}

impl ProviderDetailsInput {
    pub fn is_empty(&self) -> bool {
        [
            &self.kursnet_supplier_id,
            &self.street,
            &self.zip,
            &self.city,
            &self.phone,
            &self.email,
            &self.website,
            &self.min_publication_weeks,
        ]
        .iter()
        .all(|f| f.is_none())
    }

    /// The value of a field as typed (empty when not sent), e.g. to show a refused form again.
    pub fn value(&self, field: &str) -> &str {
        let v = match field {
            "kursnet_supplier_id" => &self.kursnet_supplier_id,
            "street" => &self.street,
            "zip" => &self.zip,
            "city" => &self.city,
            "phone" => &self.phone,
            "email" => &self.email,
            "website" => &self.website,
            "min_publication_weeks" => &self.min_publication_weeks,
            _ => &None,
        };
        v.as_deref().unwrap_or("")
    }
}

impl From<&ProviderDetails> for ProviderDetailsInput {
    /// The stored details as input (every field given).
    fn from(d: &ProviderDetails) -> Self {
        ProviderDetailsInput {
            kursnet_supplier_id: Some(d.kursnet_supplier_id.clone()),
            street: Some(d.street.clone()),
            zip: Some(d.zip.clone()),
            city: Some(d.city.clone()),
            phone: Some(d.phone.clone()),
            email: Some(d.email.clone()),
            website: Some(d.website.clone()),
            min_publication_weeks: Some(d.min_publication_weeks.to_string()),
        }
    }
}

/// A line of free text: trimmed, at most `max` characters, no control characters.
fn line(field: &'static str, raw: &str, max: usize) -> Result<String, ParseError> {
    let s = raw.trim();
    if s.chars().count() > max {
        return Err(ParseError::new(
            field,
            "too_long",
            format!("{field} is longer than {max} characters"),
        ));
    }
    if s.chars().any(char::is_control) {
        return Err(ParseError::new(
            field,
            "control_chars",
            format!("{field} contains control characters"),
        ));
    }
    Ok(s.to_owned())
}

fn digits(field: &'static str, raw: &str, min: usize, max: usize) -> Result<String, ParseError> {
    let s = raw.trim();
    let ok =
        s.is_empty() || ((min..=max).contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit()));
    if ok {
        Ok(s.to_owned())
    } else {
        Err(ParseError::new(
            field,
            "invalid",
            format!("{field}: expected {min} to {max} digits"),
        ))
    }
}

/// An absolute web address: `http(s)://`, a host with a dot, no spaces; at most 300
/// characters. Empty is "not set".
fn website(raw: &str) -> Result<String, ParseError> {
    let s = line("website", raw, 300)?;
    if s.is_empty() {
        return Ok(s);
    }
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or_default());
    let ok = host.is_some_and(|h| {
        let name = h.rsplit_once(':').map_or(h, |(name, port)| {
            if port.chars().all(|c| c.is_ascii_digit()) {
                name
            } else {
                h
            }
        });
        name.contains('.')
            && !name.starts_with('.')
            && !name.ends_with('.')
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
    }) && !s.contains(char::is_whitespace);
    if ok {
        Ok(s)
    } else {
        Err(ParseError::new(
            "website",
            "invalid_url",
            "website: expected an address such as https://www.traeger.example",
        ))
    }
}

/// The minimum publication lead in whole weeks, within [`MIN_PUBLICATION_WEEKS_RANGE`].
fn min_weeks(raw: &str) -> Result<u32, ParseError> {
    let range = MIN_PUBLICATION_WEEKS_RANGE;
    match raw.trim().parse::<u32>() {
        Ok(w) if range.contains(&w) => Ok(w),
        _ => Err(ParseError::new(
            "min_publication_weeks",
            "invalid_weeks",
            format!(
                "min_publication_weeks: expected whole weeks from {} to {}",
                range.start(),
                range.end()
            ),
        )),
    }
}

impl ProviderDetails {
    /// Applies the input to `self`, checking every given field; all mistakes are reported.
    pub fn apply(&self, input: &ProviderDetailsInput) -> Result<Self, Vec<ParseError>> {
        let mut errors = Vec::new();
        let mut out = self.clone();
        let mut set = |target: &mut String, r: Result<String, ParseError>| match r {
            Ok(v) => *target = v,
            Err(e) => errors.push(e),
        };
        if let Some(v) = &input.kursnet_supplier_id {
            set(
                &mut out.kursnet_supplier_id,
                digits("kursnet_supplier_id", v, 1, 12),
            );
        }
        if let Some(v) = &input.street {
            set(&mut out.street, line("street", v, 200));
        }
        if let Some(v) = &input.zip {
            set(&mut out.zip, digits("zip", v, 5, 5));
        }
        if let Some(v) = &input.city {
            set(&mut out.city, line("city", v, 200));
        }
        if let Some(v) = &input.phone {
            set(&mut out.phone, line("phone", v, 40));
        }
        if let Some(v) = &input.email {
            let r = if v.trim().is_empty() {
                Ok(String::new())
            } else {
                Email::parse(v).map(|e| e.as_str().to_owned())
            };
            set(&mut out.email, r);
        }
        if let Some(v) = &input.website {
            set(&mut out.website, website(v));
        }
        if let Some(v) = &input.min_publication_weeks {
            match min_weeks(v) {
                Ok(w) => out.min_publication_weeks = w,
                Err(e) => errors.push(e),
            }
        }
        if errors.is_empty() {
            Ok(out)
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(f: impl FnOnce(&mut ProviderDetailsInput)) -> ProviderDetailsInput {
        let mut i = ProviderDetailsInput::default();
        f(&mut i);
        i
    }

    #[test]
    fn applies_and_checks_every_field() {
        let d = ProviderDetails::default()
            .apply(&input(|i| {
                i.kursnet_supplier_id = Some(" 245884 ".into());
                i.street = Some("Hauptstraße 5".into());
                i.zip = Some("50667".into());
                i.city = Some("Köln".into());
                i.email = Some("kurse@traeger.example".into());
            }))
            .unwrap();
        assert_eq!(d.kursnet_supplier_id, "245884");
        assert_eq!(d.city, "Köln");
        // Unchanged fields stay; empty text clears.
        let cleared = d.apply(&input(|i| i.street = Some(" ".into()))).unwrap();
        assert_eq!(cleared.street, "");
        assert_eq!(cleared.zip, "50667");
        let errors = d
            .apply(&input(|i| {
                i.kursnet_supplier_id = Some("K-12".into());
                i.zip = Some("5066".into());
                i.email = Some("nope".into());
                i.city = Some("a\u{1}b".into());
            }))
            .unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["kursnet_supplier_id", "zip", "city", "email"]);
    }

    #[test]
    fn the_minimum_horizon_is_whole_weeks_from_a_number_or_text() {
        assert_eq!(ProviderDetails::default().min_publication_weeks, 26);
        let sent: ProviderDetailsInput =
            serde_json::from_str(r#"{"min_publication_weeks": 40}"#).unwrap();
        let d = ProviderDetails::default().apply(&sent).unwrap();
        assert_eq!(d.min_publication_weeks, 40);
        let typed = input(|i| i.min_publication_weeks = Some(" 52 ".into()));
        assert_eq!(d.apply(&typed).unwrap().min_publication_weeks, 52);
        for bad in ["0", "105", "26,5", "", "-3"] {
            let e = d
                .apply(&input(|i| i.min_publication_weeks = Some(bad.into())))
                .unwrap_err();
            assert_eq!(e[0].field, "min_publication_weeks", "{bad}");
        }
    }

    #[test]
    fn a_website_is_an_absolute_web_address() {
        for ok in [
            "https://www.traeger.example",
            " https://traeger.example/kurse?x=1 ",
            "http://bildung-süd.example:8080/",
            "",
        ] {
            let d = ProviderDetails::default()
                .apply(&input(|i| i.website = Some(ok.into())))
                .unwrap_or_else(|e| panic!("{ok}: {e:?}"));
            assert_eq!(d.website, ok.trim());
        }
        for bad in [
            "www.traeger.example",
            "https://",
            "https://localhost",
            "ftp://traeger.example",
            "javascript:alert(1)",
            "https://traeger .example",
            "https://.example",
        ] {
            let e = ProviderDetails::default()
                .apply(&input(|i| i.website = Some(bad.into())))
                .unwrap_err();
            assert_eq!(e[0].field, "website", "{bad}");
        }
    }
}
