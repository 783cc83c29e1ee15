//! The XML writer of the open-Qcat export: elements in order, texts cut to the schema's
//! limits with a warning, empty optional elements left out.

use std::fmt;

use quick_xml::Writer;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};

use crate::OffersError;

/// Something the provider should know about the file: a text that was cut to its field
/// limit, a detail that is missing, a value that could not be mapped.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportWarning {
    /// The PRODUCT_ID of the record (offer or run), or `HEADER`.
    pub record: String,
    pub kind: WarningKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WarningKind {
    /// The text of `element` was longer than the schema allows and was cut to `limit`
    /// characters (`length` before).
    Cut {
        element: &'static str,
        limit: usize,
        length: usize,
    },
    /// A value KURSNET needs is not set; the element is left out (or empty when required).
    Missing { element: &'static str },
    /// The phone number is not in KURSNET's form `+49.30.1234567` and could not be converted.
    Phone { element: &'static str },
    /// No Kurssystematik code is known for the offer's occupational field (KldB 2010).
    NoKurssystematik { kldb: String },
}

impl fmt::Display for ExportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.record)?;
        match &self.kind {
            WarningKind::Cut {
                element,
                limit,
                length,
            } => write!(
                f,
                "{element} cut to its limit of {limit} characters (was {length})"
            ),
            WarningKind::Missing { element } => write!(f, "{element} is not set"),
            WarningKind::Phone { element } => write!(
                f,
                "{element} left out: not a phone number with area code (e.g. 030 1234567)"
            ),
            WarningKind::NoKurssystematik { kldb } => write!(
                f,
                "no Kurssystematik code for KldB {kldb}; SERVICE_CLASSIFICATION left out"
            ),
        }
    }
}

pub(super) type R = Result<(), OffersError>;

fn io(e: impl fmt::Display) -> OffersError {
    OffersError::Export(e.to_string())
}

/// The writer with the record being written and the warnings so far.
pub(super) struct X {
    pub w: Writer<Vec<u8>>,
    pub record: String,
    pub warnings: Vec<ExportWarning>,
    /// While set, warnings are not recorded (a run repeats its offer's texts).
    pub quiet: bool,
}

impl X {
    pub fn new() -> Self {
        Self {
            w: Writer::new_with_indent(Vec::new(), b' ', 2),
            record: "HEADER".to_owned(),
            warnings: Vec::new(),
            quiet: false,
        }
    }

    pub fn warn(&mut self, kind: WarningKind) {
        if self.quiet {
            return;
        }
        self.warnings.push(ExportWarning {
            record: self.record.clone(),
            kind,
        });
    }

    pub fn event(&mut self, e: Event<'_>) -> R {
        self.w.write_event(e).map_err(io)
    }

    pub fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> R {
        let mut s = BytesStart::new(name);
        for a in attrs {
            s.push_attribute(*a);
        }
        self.event(Event::Start(s))
    }

    /// An element without content, e.g. `<SEGMENT_TYPE type="0"/>`.
    pub fn empty(&mut self, name: &str, attrs: &[(&str, &str)]) -> R {
        let mut s = BytesStart::new(name);
        for a in attrs {
            s.push_attribute(*a);
        }
        self.event(Event::Empty(s))
    }

    pub fn close(&mut self, name: &str) -> R {
        self.event(Event::End(BytesEnd::new(name)))
    }

    /// An element with text, written as given (codes, dates, numbers).
    pub fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> R {
        self.open(name, attrs)?;
        self.event(Event::Text(BytesText::new(text)))?;
        self.close(name)
    }

    pub fn text(&mut self, name: &str, text: &str) -> R {
        self.leaf(name, &[], text)
    }

    /// A text element cut to `limit` characters (with a warning); written even when empty.
    pub fn limited(&mut self, name: &'static str, text: &str, limit: usize) -> R {
        let text = text.trim();
        let length = text.chars().count();
        if length > limit {
            self.warn(WarningKind::Cut {
                element: name,
                limit,
                length,
            });
            let cut: String = text.chars().take(limit).collect();
            self.text(name, cut.trim_end())
        } else {
            self.text(name, text)
        }
    }

    /// Like [`X::limited`], but leaves the element out when the text is empty.
    pub fn opt(&mut self, name: &'static str, text: &str, limit: usize) -> R {
        if text.trim().is_empty() {
            Ok(())
        } else {
            self.limited(name, text, limit)
        }
    }

    /// Like [`X::opt`], and warns that a value KURSNET needs is missing.
    pub fn needed(&mut self, name: &'static str, text: &str, limit: usize) -> R {
        if text.trim().is_empty() {
            self.warn(WarningKind::Missing { element: name });
        }
        self.opt(name, text, limit)
    }

    /// A phone number in KURSNET's form, left out with a warning when it cannot be read.
    pub fn phone(&mut self, name: &'static str, raw: &str) -> R {
        if raw.trim().is_empty() {
            return Ok(());
        }
        match kursnet_phone(raw) {
            Some(p) => self.text(name, &p),
            None => {
                self.warn(WarningKind::Phone { element: name });
                Ok(())
            }
        }
    }

    pub fn into_xml(self) -> Result<(String, Vec<ExportWarning>), OffersError> {
        let xml = String::from_utf8(self.w.into_inner()).map_err(io)?;
        Ok((xml, self.warnings))
    }
}

/// A phone number as KURSNET's upload checks want it: `+<country>.<area>.<number>`
/// (`+49.30.1234567`). German numbers start with `0`, `0049` or `+49`; the first group of
/// digits after the country code is the area code, so the number needs a separator after it
/// (`030 1234567`, `030/1234567`, `+49 (0)30 1234-567`). `None` when it cannot be read.
pub fn kursnet_phone(raw: &str) -> Option<String> {
    let cleaned = raw.replace("(0)", " ");
    let trimmed = cleaned.trim();
    let groups: Vec<&str> = trimmed
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .collect();
    let (country, rest): (String, &[&str]) = if trimmed.starts_with('+') {
        (groups.first()?.to_string(), groups.get(1..)?)
    } else if let Some(first) = groups.first().filter(|g| g.starts_with("00")) {
        (first[2..].to_owned(), groups.get(1..)?)
    } else if let Some(first) = groups.first().filter(|g| g.starts_with('0')) {
        let area = first.trim_start_matches('0');
        let mut v = vec![area];
        v.extend_from_slice(groups.get(1..)?);
        return phone_parts("49", &v);
    } else {
        return None;
    };
    phone_parts(&country, rest)
}

fn phone_parts(country: &str, rest: &[&str]) -> Option<String> {
    let (area, number) = rest.split_first()?;
    let area = area.trim_start_matches('0');
    let number = number.concat();
    let out = format!("+{country}.{area}.{number}");
    let ok = !country.is_empty() && !area.is_empty() && !number.is_empty() && out.len() <= 30;
    ok.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::kursnet_phone;

    #[test]
    fn phone_numbers_in_kursnet_form() {
        for (raw, want) in [
            ("030 1234567", Some("+49.30.1234567")),
            ("(030) 123 45 67", Some("+49.30.1234567")),
            ("+49 (0)30 1234-567", Some("+49.30.1234567")),
            ("+49 89 765432", Some("+49.89.765432")),
            ("0049 221 98765", Some("+49.221.98765")),
            ("089/765432", Some("+49.89.765432")),
            ("0301234567", None),
            ("1234567", None),
            ("", None),
        ] {
            assert_eq!(kursnet_phone(raw).as_deref(), want, "{raw}");
        }
    }
}
