//! open-Qcat 1.1 catalogues for KURSNET / mein NOW (the federal employment agency's course
//! database). One SERVICE per cohort. The element names, nesting and order follow exporters
//! that KURSNET accepts; the mapping from Lernweg's data is documented in
//! `crates/offers/EXPORT.md`, together with what is an assumption to check against the
//! official schema (`openQ-cat.V1.1.xsd`, downloadable from the agency's XML-upload page).

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Offset, TimeZone};
use chrono_tz::Europe::Berlin;
use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use crate::OffersError;

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

/// A contact person of a cohort.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ServiceContact {
    pub first_name: String,
    pub last_name: String,
    pub phone: String,
    pub email: String,
}

/// Where a module takes place; `None` in [`ModuleCourse::location`] for online modules.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct CourseLocation {
    pub name: String,
    pub street: String,
    pub zip: String,
    pub city: String,
    pub barrier_free: bool,
}

/// One module of a cohort with its dates and hours.
#[derive(Debug, Clone, PartialEq)]
pub struct ModuleCourse {
    pub title: String,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub hours: f64,
    pub location: Option<CourseLocation>,
}

/// The instruction form (Unterrichtsform).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstructionForm {
    Presence,
    VirtualClassroom,
    Blended,
    SelfStudy,
}

impl InstructionForm {
    /// The catalogue term written as the element's text.
    pub fn catalogue_term(self) -> &'static str {
        match self {
            InstructionForm::Presence => "Präsenzveranstaltung",
            InstructionForm::VirtualClassroom => "Virtuelles Klassenzimmer",
            InstructionForm::Blended => "Blended Learning",
            InstructionForm::SelfStudy => "Selbstlernen / E-Learning",
        }
    }
}

/// One cohort as a SERVICE.
#[derive(Debug, Clone, PartialEq)]
pub struct ServiceExport {
    /// Unique per cohort within the catalogue, e.g. the cohort's id.
    pub product_id: String,
    /// The offer's id: all cohorts of one offer share it (EDUCATION/COURSE_ID).
    pub course_id: String,
    pub title: String,
    pub description: String,
    pub contact: ServiceContact,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub keywords: Vec<String>,
    pub target_group: String,
    /// The degree or certificate (DEGREE/DEGREE_TITLE); omitted when `None`.
    pub degree: Option<String>,
    pub instruction_form: InstructionForm,
    /// KURSNET key of the instruction form (INSTRUCTION_FORM@type), when known.
    pub instruction_form_code: Option<String>,
    /// INSTRUCTION_TIME: part time (`type="2"`, "Teilzeit") or full time (`1`, "Vollzeit").
    pub part_time: bool,
    /// EXTRA_OCCUPATIONAL (berufsbegleitend): the offer is classified part-time.
    pub extra_occupational: bool,
    pub max_participants: Option<u32>,
    pub modules: Vec<ModuleCourse>,
}

/// A whole catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct CatalogExport {
    pub supplier: Supplier,
    pub catalog_id: String,
    /// Passed in (no clock here), e.g. the request time in Europe/Berlin.
    pub generation_date: DateTime<FixedOffset>,
    pub services: Vec<ServiceExport>,
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

/// A date as open-Qcat writes it: local midnight with the Berlin offset.
pub fn qcat_date(date: NaiveDate) -> String {
    format!(
        "{}T00:00:00{}",
        date.format("%Y-%m-%d"),
        berlin_offset(date)
    )
}

fn hours_text(h: f64) -> String {
    let r = (h * 100.0).round() / 100.0 + 0.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r}")
    }
}

struct X {
    w: Writer<Vec<u8>>,
}

type R = Result<(), OffersError>;

fn io(e: impl std::fmt::Display) -> OffersError {
    OffersError::Export(e.to_string())
}

impl X {
    fn open(&mut self, name: &str, attrs: &[(&str, &str)]) -> R {
        let mut s = BytesStart::new(name);
        for a in attrs {
            s.push_attribute(*a);
        }
        self.w.write_event(Event::Start(s)).map_err(io)
    }
    fn close(&mut self, name: &str) -> R {
        self.w
            .write_event(Event::End(BytesEnd::new(name)))
            .map_err(io)
    }
    fn leaf(&mut self, name: &str, attrs: &[(&str, &str)], text: &str) -> R {
        self.open(name, attrs)?;
        self.w
            .write_event(Event::Text(BytesText::new(text)))
            .map_err(io)?;
        self.close(name)
    }
    fn text(&mut self, name: &str, text: &str) -> R {
        self.leaf(name, &[], text)
    }
    /// Writes the element only when the text is not empty.
    fn opt(&mut self, name: &str, text: &str) -> R {
        if text.trim().is_empty() {
            Ok(())
        } else {
            self.text(name, text)
        }
    }
}

/// Writes the catalogue as UTF-8 XML.
pub fn write_catalog(c: &CatalogExport) -> Result<String, OffersError> {
    let mut x = X {
        w: Writer::new_with_indent(Vec::new(), b' ', 2),
    };
    x.w.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)))
        .map_err(io)?;
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
    for s in &c.services {
        service(&mut x, &c.supplier, s)?;
    }
    x.close("NEW_CATALOG")?;
    x.close("OPENQCAT")?;
    String::from_utf8(x.w.into_inner()).map_err(io)
}

fn address(x: &mut X, name: &str, street: &str, zip: &str, city: &str) -> R {
    x.opt("NAME", name)?;
    x.opt("STREET", street)?;
    x.opt("ZIP", zip)?;
    x.opt("CITY", city)?;
    x.text("COUNTRY", "DE")
}

fn header(x: &mut X, c: &CatalogExport) -> R {
    x.open("HEADER", &[])?;
    x.text("GENERATOR_INFO", "Lernweg")?;
    x.open("CATALOG", &[])?;
    x.text("LANGUAGE", "deu")?;
    x.text("CATALOG_ID", &c.catalog_id)?;
    x.text("CATALOG_VERSION", "Vers_KURSNET")?;
    x.text(
        "GENERATION_DATE",
        &c.generation_date.format("%Y-%m-%dT%H:%M:%S%:z").to_string(),
    )?;
    x.close("CATALOG")?;
    x.open("RECIPIENT", &[])?;
    x.text("RECIPIENT_ID", "BA")?;
    x.text("RECIPIENT_NAME", "Informationssystem KURSNET")?;
    x.close("RECIPIENT")?;
    let s = &c.supplier;
    x.open("SUPPLIER", &[])?;
    x.leaf("SUPPLIER_ID", &[("type", "supplier_specific")], &s.id)?;
    x.text("SUPPLIER_NAME", &s.name)?;
    x.open("ADDRESS", &[])?;
    address(x, &s.name, &s.street, &s.zip, &s.city)?;
    x.opt("PHONE", &s.phone)?;
    if !s.email.trim().is_empty() {
        x.open("EMAILS", &[])?;
        x.text("EMAIL", &s.email)?;
        x.close("EMAILS")?;
    }
    x.opt("URL", &s.url)?;
    x.close("ADDRESS")?;
    x.close("SUPPLIER")?;
    x.close("HEADER")
}

fn service(x: &mut X, supplier: &Supplier, s: &ServiceExport) -> R {
    x.open("SERVICE", &[("mode", "new")])?;
    x.text("PRODUCT_ID", &s.product_id)?;
    x.leaf(
        "SUPPLIER_ID_REF",
        &[("type", "supplier_specific")],
        &supplier.id,
    )?;
    x.open("SERVICE_DETAILS", &[])?;
    x.text("TITLE", &s.title)?;
    x.opt("DESCRIPTION_LONG", &s.description)?;
    x.open("CONTACT", &[])?;
    x.opt("FIRST_NAME", &s.contact.first_name)?;
    x.text("LAST_NAME", &s.contact.last_name)?;
    x.opt("PHONE", &s.contact.phone)?;
    if !s.contact.email.trim().is_empty() {
        x.open("EMAILS", &[])?;
        x.text("EMAIL", &s.contact.email)?;
        x.close("EMAILS")?;
    }
    x.close("CONTACT")?;
    x.open("SERVICE_DATE", &[])?;
    x.text("START_DATE", &qcat_date(s.start))?;
    x.text("END_DATE", &qcat_date(s.end))?;
    x.close("SERVICE_DATE")?;
    for k in &s.keywords {
        x.opt("KEYWORD", k)?;
    }
    x.open("TARGET_GROUP", &[])?;
    x.text("TARGET_GROUP_TEXT", &s.target_group)?;
    x.close("TARGET_GROUP")?;
    x.open("SERVICE_MODULE", &[])?;
    x.open("EDUCATION", &[("type", "true")])?;
    x.text("COURSE_ID", &s.course_id)?;
    if let Some(d) = &s.degree {
        x.open("DEGREE", &[])?;
        x.text("DEGREE_TITLE", d)?;
        x.close("DEGREE")?;
    }
    x.open("EXTENDED_INFO", &[])?;
    let form = s.instruction_form.catalogue_term();
    match &s.instruction_form_code {
        Some(code) => x.leaf("INSTRUCTION_FORM", &[("type", code)], form)?,
        None => x.text("INSTRUCTION_FORM", form)?,
    }
    let (time_type, time_text) = if s.part_time {
        ("2", "Teilzeit")
    } else {
        ("1", "Vollzeit")
    };
    x.leaf("INSTRUCTION_TIME", &[("type", time_type)], time_text)?;
    x.text(
        "EXTRA_OCCUPATIONAL",
        if s.extra_occupational {
            "true"
        } else {
            "false"
        },
    )?;
    x.close("EXTENDED_INFO")?;
    for m in &s.modules {
        module_course(x, s, m)?;
    }
    x.close("EDUCATION")?;
    x.close("SERVICE_MODULE")?;
    x.close("SERVICE_DETAILS")?;
    x.close("SERVICE")
}

fn module_course(x: &mut X, s: &ServiceExport, m: &ModuleCourse) -> R {
    x.open("MODULE_COURSE", &[])?;
    x.text("START_DATE", &qcat_date(m.start))?;
    x.text("END_DATE", &qcat_date(m.end))?;
    if let Some(l) = &m.location {
        x.open("LOCATION", &[])?;
        address(x, &l.name, &l.street, &l.zip, &l.city)?;
        x.text(
            "BARRIER_FREE_LOCATION",
            if l.barrier_free { "true" } else { "false" },
        )?;
        x.close("LOCATION")?;
    }
    x.text("DURATION", &hours_text(m.hours))?;
    x.opt("INSTRUCTION_REMARKS", &m.title)?;
    x.text("FLEXIBLE_START", "false")?;
    if let Some(n) = s.max_participants {
        x.text("MAX_PARTICIPANTS", &n.to_string())?;
    }
    x.close("MODULE_COURSE")
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
        // 2026: from Sunday 29 March to Sunday 25 October.
        assert_eq!(berlin_offset(d(2026, 3, 29)), "+01:00");
        assert_eq!(berlin_offset(d(2026, 3, 30)), "+02:00");
        assert_eq!(berlin_offset(d(2026, 10, 25)), "+02:00");
        assert_eq!(berlin_offset(d(2026, 10, 26)), "+01:00");
        assert_eq!(qcat_date(d(2026, 12, 31)), "2026-12-31T00:00:00+01:00");
    }
}
