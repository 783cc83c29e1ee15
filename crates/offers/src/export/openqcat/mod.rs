//! open-Qcat 1.1 catalogues for KURSNET / mein NOW (the federal employment agency's course
//! database): one offer record (`EDUCATION type="true"`, PRODUCT_ID = the offer's id) and one
//! record per run (`EDUCATION type="false"`, COURSE_ID = the offer's PRODUCT_ID). Element
//! names, order and field limits follow the agency's schema `openQ-cat.V1.1.xsd` as public
//! KURSNET generators ship it; sources, mapping and what is an assumption are in
//! `crates/offers/EXPORT.md`. Which offers and runs go in is decided by
//! [`super::cohort::catalog_offer`].

mod codes;
mod records;
mod xml;

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone};
use chrono_tz::Europe::Berlin;
use quick_xml::events::{BytesDecl, Event};

pub use codes::{
    InstructionForm, KLDB_TO_KURSSYSTEMATIK, Kurssystematik, duration_class, kurssystematik,
};
pub use xml::{ExportWarning, WarningKind, kursnet_phone};

use crate::OffersError;
use xml::{R, X};

/// The provider (Bildungsanbieter) as registered with KURSNET.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Supplier {
    /// The provider number at KURSNET (SUPPLIER_ID, type `supplier_specific`).
    pub id: String,
    pub name: String,
    pub street: String,
    pub zip: String,
    pub city: String,
    pub phone: String,
    pub email: String,
    pub url: String,
}

/// A contact person of an offer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceContact {
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
}

/// Where an offer takes place; `None` in [`OfferExport::location`] for online lessons.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CourseLocation {
    pub name: String,
    pub street: String,
    pub zip: String,
    pub city: String,
    pub barrier_free: bool,
}

/// One offer (Bildungsangebot) with its runs.
#[derive(Debug, Clone, PartialEq)]
pub struct OfferExport {
    /// The offer's id: PRODUCT_ID of the offer record and COURSE_ID of every run.
    pub product_id: String,
    pub title: String,
    pub description: String,
    pub contact: ServiceContact,
    pub keywords: Vec<String>,
    pub target_group: String,
    /// The degree or certificate (DEGREE/DEGREE_TITLE); left out when `None`.
    pub degree: Option<String>,
    /// The KldB 2010 code of the occupational field (for the warning when unmapped).
    pub kldb: String,
    pub kurssystematik: Option<Kurssystematik>,
    pub instruction_form: InstructionForm,
    /// Part-time in any form: INSTRUCTION_TIME `2` "Teilzeit", EXTRA_OCCUPATIONAL `true`.
    pub part_time: bool,
    pub max_participants: Option<u32>,
    /// The participant's price in euros (SERVICE_PRICE_DETAILS).
    pub price_eur: f64,
    pub location: Option<CourseLocation>,
    /// Modules with their contact hours (INSTRUCTION_REMARKS).
    pub modules: Vec<(String, f64)>,
    /// The runs that are written, by start.
    pub runs: Vec<RunExport>,
}

/// One run (Durchgang, KURSNET "Termin") of an offer.
#[derive(Debug, Clone, PartialEq)]
pub struct RunExport {
    /// The cohort's id.
    pub product_id: String,
    /// First and last session day.
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// This run's classification (its own timetable): part-time in any form.
    pub part_time: bool,
}

/// A whole catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogExport {
    pub supplier: Supplier,
    pub catalog_id: String,
    pub catalog_name: String,
    /// Passed in (no clock here), e.g. the request time in Europe/Berlin.
    pub generation_date: DateTime<FixedOffset>,
    /// The export day in Europe/Berlin: ANNOUNCEMENT starts on it.
    pub today: NaiveDate,
    pub offers: Vec<OfferExport>,
}

/// The written catalogue and what the provider should know about it.
#[derive(Debug, Clone, PartialEq)]
pub struct Written {
    pub xml: String,
    pub warnings: Vec<ExportWarning>,
}

/// Europe/Berlin's UTC offset at local midnight of `date`, e.g. "+02:00" in summer time (the
/// zone's rules from `chrono-tz`; switches happen at 02:00/03:00, never at midnight).
pub fn berlin_offset(date: NaiveDate) -> String {
    Berlin
        .offset_from_local_datetime(&date.and_time(NaiveTime::MIN))
        .earliest()
        .map_or_else(
            || Berlin.offset_from_utc_date(&date).fix(),
            |offset| offset.fix(),
        )
        .to_string()
}

/// A day as `xs:dateTime` (SERVICE_DATE): local midnight with the Berlin offset.
pub fn qcat_date(date: NaiveDate) -> String {
    format!(
        "{}T00:00:00{}",
        date.format("%Y-%m-%d"),
        berlin_offset(date)
    )
}

/// A day as `xs:date` with the Berlin offset (ANNOUNCEMENT), e.g. `2027-01-11+01:00`.
pub fn qcat_day(date: NaiveDate) -> String {
    format!("{}{}", date.format("%Y-%m-%d"), berlin_offset(date))
}

/// Writes the catalogue as UTF-8 XML, with the warnings about cut or missing values.
pub fn write_catalog(c: &CatalogExport) -> Result<Written, OffersError> {
    let mut x = X::new();
    x.event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))?;
    x.open(
        "OPENQCAT",
        &[
            ("version", "1.1"),
            ("xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance"),
            ("xsi:noNamespaceSchemaLocation", "openQ-cat.V1.1.xsd"),
        ],
    )?;
    header(&mut x, c)?;
    x.open("NEW_CATALOG", &[])?;
    for offer in &c.offers {
        records::offer(&mut x, c, offer)?;
        for run in &offer.runs {
            records::run(&mut x, c, offer, run)?;
        }
    }
    x.close("NEW_CATALOG")?;
    x.close("OPENQCAT")?;
    let (xml, warnings) = x.into_xml()?;
    Ok(Written { xml, warnings })
}

/// typeADDRESS in schema order: NAME, STREET, ZIP, CITY, COUNTRY, PHONE, EMAILS, URL.
pub(super) struct Address<'a> {
    pub name: &'a str,
    pub street: &'a str,
    pub zip: &'a str,
    pub city: &'a str,
    pub phone: &'a str,
    pub email: &'a str,
    pub url: &'a str,
}

fn address(x: &mut X, a: &Address<'_>) -> R {
    x.needed("NAME", a.name, 30)?;
    x.needed("STREET", a.street, 30)?;
    x.needed("ZIP", a.zip, 14)?;
    x.needed("CITY", a.city, 36)?;
    x.text("COUNTRY", "DE")?;
    x.phone("PHONE", a.phone)?;
    emails(x, a.email)?;
    x.opt("URL", a.url, 255)
}

fn emails(x: &mut X, email: &str) -> R {
    if email.trim().is_empty() {
        return Ok(());
    }
    x.open("EMAILS", &[])?;
    x.limited("EMAIL", email, 255)?;
    x.close("EMAILS")
}

fn header(x: &mut X, c: &CatalogExport) -> R {
    x.open("HEADER", &[])?;
    x.text("GENERATOR_INFO", "Lernweg")?;
    x.open("CATALOG", &[])?;
    x.text("LANGUAGE", "deu")?;
    x.limited("CATALOG_ID", &c.catalog_id, 50)?;
    x.text("CATALOG_VERSION", "Vers_KURSNET")?;
    x.limited("CATALOG_NAME", &c.catalog_name, 255)?;
    x.text(
        "GENERATION_DATE",
        &c.generation_date.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    )?;
    x.text("CURRENCY", "EUR")?;
    x.close("CATALOG")?;
    x.open("RECIPIENT", &[])?;
    x.text("RECIPIENT_ID", "BA")?;
    x.text("RECIPIENT_NAME", "Informationssystem KURSNET")?;
    x.open("ADDRESS", &[])?;
    x.text("NAME", "Bundesagentur für Arbeit")?;
    x.text("STREET", "Regensburger Straße 104")?;
    x.text("ZIP", "90478")?;
    x.text("CITY", "Nürnberg")?;
    x.text("COUNTRY", "DE")?;
    x.close("ADDRESS")?;
    x.close("RECIPIENT")?;
    let s = &c.supplier;
    x.open("SUPPLIER", &[])?;
    if s.id.trim().is_empty() {
        x.warn(WarningKind::Missing {
            element: "SUPPLIER_ID",
        });
    }
    x.leaf("SUPPLIER_ID", &[("type", "supplier_specific")], s.id.trim())?;
    x.limited("SUPPLIER_NAME", &s.name, 255)?;
    x.open("ADDRESS", &[])?;
    address(
        x,
        &Address {
            name: &s.name,
            street: &s.street,
            zip: &s.zip,
            city: &s.city,
            phone: &s.phone,
            email: &s.email,
            url: &s.url,
        },
    )?;
    x.close("ADDRESS")?;
    x.empty("EXTENDED_INFO", &[("input_type", "0")])?;
    x.close("SUPPLIER")?;
    x.close("HEADER")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn berlin_offsets() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(berlin_offset(d(2027, 1, 11)), "+01:00");
        // 2027: DST from Sunday 28 March to Sunday 31 October.
        assert_eq!(berlin_offset(d(2027, 3, 28)), "+01:00");
        assert_eq!(berlin_offset(d(2027, 3, 29)), "+02:00");
        assert_eq!(berlin_offset(d(2027, 10, 31)), "+02:00");
        assert_eq!(berlin_offset(d(2027, 11, 1)), "+01:00");
        assert_eq!(qcat_date(d(2027, 6, 1)), "2027-06-01T00:00:00+02:00");
        assert_eq!(qcat_day(d(2027, 6, 1)), "2027-06-01+02:00");
        // 2026: from Sunday 29 March to Sunday 25 October.
        assert_eq!(berlin_offset(d(2026, 3, 29)), "+01:00");
        assert_eq!(berlin_offset(d(2026, 3, 30)), "+02:00");
        assert_eq!(berlin_offset(d(2026, 10, 25)), "+02:00");
        assert_eq!(berlin_offset(d(2026, 10, 26)), "+01:00");
        assert_eq!(qcat_date(d(2026, 12, 31)), "2026-12-31T00:00:00+01:00");
    }
}
