//! Employers (Betriebe) of participants and their contact people (MISSION §2.2: employers
//! who are involved early let their staff take part). What an employer may see of a person
//! follows from the person's consent `employer_contact` (`lernweg_app::employers` checks it
//! with the consent rules of `lernweg-participants`). Here: what an employer record is,
//! parsed from raw input.

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::{Email, EmployerContactId, KldbCode, ParseError};

macro_rules! code_list {
    ($(#[$meta:meta])* $name:ident, $field:literal, $err:literal { $($variant:ident = $code:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stable code, e.g. `care`.
            pub fn code(self) -> &'static str {
                match self { $($name::$variant => $code),+ }
            }

            pub fn parse(input: &str) -> Result<Self, ParseError> {
                let s = input.trim();
                $( if s.eq_ignore_ascii_case($code) { return Ok($name::$variant); } )+
                let codes: Vec<&str> = Self::ALL.iter().map(|v| v.code()).collect();
                Err(ParseError::new($field, $err, format!("expected one of {}", codes.join(", "))))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.code())
            }
        }
    };
}

code_list! {
    /// The sector of an employer, for planning (peak seasons differ: retail before Christmas,
    /// construction in summer, care all year in shifts).
    Sector, "sector", "invalid_sector" {
        Care = "care",
        Health = "health",
        Construction = "construction",
        Crafts = "crafts",
        Retail = "retail",
        Hospitality = "hospitality",
        Logistics = "logistics",
        Manufacturing = "manufacturing",
        It = "it",
        Cleaning = "cleaning",
        Education = "education",
        PublicSector = "public_sector",
        Other = "other",
    }
}

code_list! {
    /// How an employer's contact person wants to be reached.
    EmployerChannel, "preferred_channel", "invalid_channel" {
        Email = "email",
        Phone = "phone",
        Post = "post",
    }
}

/// Longest name of an employer or a contact person (characters).
pub const NAME_MAX: usize = 200;
/// Longest free-text field (street, city, note).
pub const TEXT_MAX: usize = 1000;

/// A contact person of an employer, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerContactInput {
    /// Present when an existing contact is kept (its sign-in, later, stays with it).
    pub id: Option<EmployerContactId>,
    pub name: String,
    pub email: Option<Email>,
    pub phone: String,
    pub preferred_channel: EmployerChannel,
}

/// The editable fields of an employer, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployerInput {
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub sector: Sector,
    /// The occupational field of the jobs there (KldB 2010, 1 to 5 digits).
    pub kldb: Option<KldbCode>,
    pub note: String,
    pub contacts: Vec<EmployerContactInput>,
}

/// An employer as sent, before checking.
#[derive(Debug, Clone, Default)]
pub struct RawEmployer {
    pub name: String,
    pub street: String,
    pub postcode: String,
    pub city: String,
    pub sector: String,
    pub kldb: String,
    pub note: String,
    pub contacts: Vec<RawEmployerContact>,
}

/// A contact person as sent.
#[derive(Debug, Clone, Default)]
pub struct RawEmployerContact {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub preferred_channel: String,
}

fn text(field: &'static str, value: &str, max: usize) -> Result<String, ParseError> {
    let v = value.trim();
    if v.chars().count() > max {
        return Err(ParseError::new(
            field,
            "too_long",
            format!("at most {max} characters"),
        ));
    }
    Ok(v.to_owned())
}

fn required(field: &'static str, value: &str, max: usize) -> Result<String, ParseError> {
    let v = text(field, value, max)?;
    if v.is_empty() {
        return Err(ParseError::new(
            field,
            "required",
            format!("{field} is required"),
        ));
    }
    Ok(v)
}

/// The error of a contact's field: field `contacts`, the message naming the contact and its
/// field (`contacts[1].email: …`), the code kept.
fn nested(e: ParseError, index: usize) -> ParseError {
    ParseError::new(
        "contacts",
        e.code,
        format!("contacts[{index}].{}: {}", e.field, e.message),
    )
}

impl RawEmployerContact {
    fn parse(&self) -> Result<EmployerContactInput, ParseError> {
        let id = match self.id.trim() {
            "" => None,
            raw => Some(EmployerContactId::parse(raw)?),
        };
        let name = required("name", &self.name, NAME_MAX)?;
        let email = match self.email.trim() {
            "" => None,
            raw => Some(Email::parse(raw)?),
        };
        let phone = text("phone", &self.phone, 40)?;
        if !phone.is_empty()
            && !phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-/()".contains(c))
        {
            return Err(ParseError::new(
                "phone",
                "invalid_phone",
                "a phone number has digits, spaces and + - / ( ) only",
            ));
        }
        let preferred_channel = match self.preferred_channel.trim() {
            "" if email.is_some() => EmployerChannel::Email,
            "" if !phone.is_empty() => EmployerChannel::Phone,
            "" => EmployerChannel::Post,
            raw => EmployerChannel::parse(raw)?,
        };
        match preferred_channel {
            EmployerChannel::Email if email.is_none() => Err(ParseError::new(
                "email",
                "required_for_channel",
                "the preferred channel is e-mail, so an e-mail address is required",
            )),
            EmployerChannel::Phone if phone.is_empty() => Err(ParseError::new(
                "phone",
                "required_for_channel",
                "the preferred channel is the phone, so a phone number is required",
            )),
            _ => Ok(EmployerContactInput {
                id,
                name,
                email,
                phone,
                preferred_channel,
            }),
        }
    }
}

impl RawEmployer {
    /// Checks every field; the first error names its field (`contacts[i].field` for a
    /// contact).
    pub fn parse(&self) -> Result<EmployerInput, ParseError> {
        let name = required("name", &self.name, NAME_MAX)?;
        let street = text("street", &self.street, TEXT_MAX)?;
        let postcode = text("postcode", &self.postcode, 5)?;
        if !postcode.is_empty()
            && (postcode.len() != 5 || !postcode.bytes().all(|b| b.is_ascii_digit()))
        {
            return Err(ParseError::new(
                "postcode",
                "invalid_postcode",
                "a German postcode has five digits",
            ));
        }
        let city = text("city", &self.city, TEXT_MAX)?;
        let sector = Sector::parse(&self.sector)?;
        let kldb = match self.kldb.trim() {
            "" => None,
            raw => {
                Some(KldbCode::parse(raw).map_err(|e| ParseError::new("kldb", e.code, e.message))?)
            }
        };
        let note = text("note", &self.note, TEXT_MAX)?;
        let contacts = self
            .contacts
            .iter()
            .enumerate()
            .map(|(i, c)| c.parse().map_err(|e| nested(e, i)))
            .collect::<Result<Vec<_>, _>>()?;
        let mut ids: Vec<_> = contacts.iter().filter_map(|c| c.id).collect();
        ids.sort();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return Err(ParseError::new(
                "contacts",
                "duplicate_id",
                "a contact id is named twice",
            ));
        }
        Ok(EmployerInput {
            name,
            street,
            postcode,
            city,
            sector,
            kldb,
            note,
            contacts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw() -> RawEmployer {
        RawEmployer {
            name: " Pflegedienst Sonnenschein GmbH ".into(),
            street: "Lindenstraße 4".into(),
            postcode: "04109".into(),
            city: "Leipzig".into(),
            sector: "care".into(),
            kldb: "81302".into(),
            note: String::new(),
            contacts: vec![RawEmployerContact {
                name: "Jana Krüger".into(),
                email: "J.Krueger@Sonnenschein.example".into(),
                ..Default::default()
            }],
        }
    }

    #[test]
    fn parses_an_employer_with_a_contact() {
        let e = raw().parse().unwrap();
        assert_eq!(e.name, "Pflegedienst Sonnenschein GmbH");
        assert_eq!(e.sector, Sector::Care);
        assert_eq!(e.kldb.unwrap().as_str(), "81302");
        assert_eq!(e.contacts[0].preferred_channel, EmployerChannel::Email);
        assert_eq!(
            e.contacts[0].email.as_ref().unwrap().as_str(),
            "j.krueger@sonnenschein.example"
        );
    }

    #[test]
    fn names_the_field_of_every_error() {
        let field = |f: fn(&mut RawEmployer)| {
            let mut r = raw();
            f(&mut r);
            let e = r.parse().unwrap_err();
            (e.field, e.code)
        };
        assert_eq!(field(|r| r.name = " ".into()), ("name", "required"));
        assert_eq!(field(|r| r.sector = "farming".into()).1, "invalid_sector");
        assert_eq!(field(|r| r.postcode = "1234".into()).1, "invalid_postcode");
        assert_eq!(field(|r| r.kldb = "8x".into()).0, "kldb");
        assert_eq!(
            field(|r| r.contacts[0].email = "nope".into()),
            ("contacts", "invalid_email")
        );
        let mut r = raw();
        r.contacts[0].preferred_channel = "phone".into();
        let e = r.parse().unwrap_err();
        assert_eq!((e.field, e.code), ("contacts", "required_for_channel"));
        assert!(
            e.message.starts_with("contacts[0].phone: "),
            "{}",
            e.message
        );
        assert_eq!(
            field(|r| r.contacts[0].phone = "0341 12x".into()).1,
            "invalid_phone"
        );
    }

    #[test]
    fn a_contact_without_address_is_reached_by_post_and_ids_are_unique() {
        let mut r = raw();
        r.contacts[0].email.clear();
        assert_eq!(
            r.parse().unwrap().contacts[0].preferred_channel,
            EmployerChannel::Post
        );
        let id = "0190a0a0-0000-7000-8000-000000000001";
        r.contacts[0].id = id.into();
        r.contacts.push(r.contacts[0].clone());
        assert_eq!(r.parse().unwrap_err().code, "duplicate_id");
    }
}
