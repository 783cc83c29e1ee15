//! The SERVICE records: one for the offer, one per run. Element order as in the schema's
//! typeSERVICE, typeSERVICE_DETAILS, typeEDUCATION and typeMODULE_COURSE.

use chrono::NaiveDate;

use super::codes::duration_class;
use super::xml::{R, WarningKind, X};
use super::{Address, CatalogExport, OfferExport, RunExport, address, emails, qcat_date, qcat_day};

/// COURSE_TYPE 5, "Weiterbildungsangebot".
const COURSE_TYPE: &str = "5";
/// INSTITUTION 105, "Einrichtung der beruflichen Weiterbildung".
const INSTITUTION: (&str, &str) = ("105", "Einrichtung der beruflichen Weiterbildung");
/// EDUCATION_TYPE 104, "Fortbildung/Qualifizierung".
const EDUCATION_TYPE: (&str, &str) = ("104", "Fortbildung/Qualifizierung");

fn service_head(x: &mut X, c: &CatalogExport, product_id: &str) -> R {
    x.open("SERVICE", &[])?;
    x.limited("PRODUCT_ID", product_id, 255)?;
    x.text("COURSE_TYPE", COURSE_TYPE)?;
    x.leaf(
        "SUPPLIER_ID_REF",
        &[("type", "supplier_specific")],
        c.supplier.id.trim(),
    )
}

fn service_date(x: &mut X, start: NaiveDate, end: NaiveDate) -> R {
    x.open("SERVICE_DATE", &[])?;
    x.text("START_DATE", &qcat_date(start))?;
    x.text("END_DATE", &qcat_date(end))?;
    x.close("SERVICE_DATE")
}

/// ANNOUNCEMENT: from the export day until the run starts (a running run: until today).
fn announcement_end(c: &CatalogExport, run: &RunExport) -> NaiveDate {
    run.start.max(c.today)
}

fn announcement(x: &mut X, c: &CatalogExport, end: NaiveDate) -> R {
    x.open("ANNOUNCEMENT", &[])?;
    x.text("START_DATE", &qcat_day(c.today))?;
    x.text("END_DATE", &qcat_day(end))?;
    x.close("ANNOUNCEMENT")
}

fn extended_info(x: &mut X, o: &OfferExport, part_time: bool) -> R {
    x.open("EXTENDED_INFO", &[])?;
    x.leaf("INSTITUTION", &[("type", INSTITUTION.0)], INSTITUTION.1)?;
    x.leaf(
        "INSTRUCTION_FORM",
        &[("type", o.instruction_form.code())],
        o.instruction_form.catalogue_term(),
    )?;
    let (time_type, time_text) = if part_time {
        ("2", "Teilzeit")
    } else {
        ("1", "Vollzeit")
    };
    x.leaf("INSTRUCTION_TIME", &[("type", time_type)], time_text)?;
    x.text(
        "EXTRA_OCCUPATIONAL",
        if part_time { "true" } else { "false" },
    )?;
    x.leaf(
        "EDUCATION_TYPE",
        &[("type", EDUCATION_TYPE.0)],
        EDUCATION_TYPE.1,
    )?;
    x.close("EXTENDED_INFO")
}

fn hours_text(h: f64) -> String {
    let r = (h * 100.0).round() / 100.0 + 0.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r}").replace('.', ",")
    }
}

/// The modules for INSTRUCTION_REMARKS: `Modul 1: Fachsprache (30 Std.); Modul 2: …`.
fn module_remarks(modules: &[(String, f64)]) -> String {
    modules
        .iter()
        .enumerate()
        .map(|(k, (title, hours))| {
            format!(
                "Modul {}: {} ({} Std.)",
                k + 1,
                title.trim(),
                hours_text(*hours)
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// MODULE_COURSE: participants, place, duration class, modules, no flexible start.
fn module_course(x: &mut X, o: &OfferExport, start: NaiveDate, end: NaiveDate) -> R {
    x.open("MODULE_COURSE", &[])?;
    if let Some(n) = o.max_participants {
        x.text("MAX_PARTICIPANTS", &n.to_string())?;
    }
    if let Some(l) = &o.location {
        x.open("LOCATION", &[])?;
        address(
            x,
            &Address {
                name: &l.name,
                street: &l.street,
                zip: &l.zip,
                city: &l.city,
                phone: "",
                email: "",
                url: "",
            },
        )?;
        x.text(
            "BARRIER_FREE_LOCATION",
            if l.barrier_free { "true" } else { "false" },
        )?;
        x.close("LOCATION")?;
    }
    x.empty("DURATION", &[("type", duration_class(start, end))])?;
    x.opt("INSTRUCTION_REMARKS", &module_remarks(&o.modules), 2000)?;
    x.text("FLEXIBLE_START", "false")?;
    x.open("EXTENDED_INFO", &[])?;
    x.empty("SEGMENT_TYPE", &[("type", "0")])?;
    x.close("EXTENDED_INFO")?;
    x.close("MODULE_COURSE")
}

fn price(x: &mut X, o: &OfferExport) -> R {
    x.open("SERVICE_PRICE_DETAILS", &[])?;
    x.open("SERVICE_PRICE", &[])?;
    x.text("PRICE_AMOUNT", &format!("{:.2}", o.price_eur.max(0.0)))?;
    x.text("PRICE_CURRENCY", "EUR")?;
    x.close("SERVICE_PRICE")?;
    x.close("SERVICE_PRICE_DETAILS")
}

fn contact(x: &mut X, o: &OfferExport) -> R {
    let c = &o.contact;
    x.open("CONTACT", &[])?;
    x.leaf("CONTACT_ROLE", &[("type", "1")], "Ansprechpartner")?;
    x.opt("FIRST_NAME", &c.first_name, 30)?;
    x.needed("LAST_NAME", &c.last_name, 30)?;
    if c.phone.trim().is_empty() {
        x.warn(WarningKind::Missing {
            element: "CONTACT/PHONE",
        });
    }
    x.phone("PHONE", &c.phone)?;
    emails(x, &c.email)?;
    x.close("CONTACT")
}

/// The offer record (`EDUCATION type="true"`, COURSE_ID = its own PRODUCT_ID). It carries
/// every text of the offer, so the warnings about them are given here once.
pub(super) fn offer(x: &mut X, c: &CatalogExport, o: &OfferExport) -> R {
    x.record = o.product_id.clone();
    x.quiet = false;
    let (Some(first), Some(last_end)) = (o.runs.first(), o.runs.iter().map(|r| r.end).max()) else {
        return Ok(());
    };
    let longest = o
        .runs
        .iter()
        .max_by_key(|r| (r.end - r.start).num_days())
        .unwrap_or(first);
    service_head(x, c, &o.product_id)?;
    x.open("SERVICE_DETAILS", &[])?;
    x.limited("TITLE", &o.title, 255)?;
    x.opt("DESCRIPTION_LONG", &o.description, 30000)?;
    contact(x, o)?;
    service_date(x, first.start, last_end)?;
    for k in &o.keywords {
        x.opt("KEYWORD", k, 255)?;
    }
    if !o.target_group.trim().is_empty() {
        x.open("TARGET_GROUP", &[])?;
        x.limited("TARGET_GROUP_TEXT", &o.target_group, 4000)?;
        x.close("TARGET_GROUP")?;
    }
    x.open("SERVICE_MODULE", &[])?;
    x.open("EDUCATION", &[("type", "true")])?;
    x.limited("COURSE_ID", &o.product_id, 255)?;
    if let Some(d) = o.degree.as_deref().filter(|d| !d.trim().is_empty()) {
        x.open("DEGREE", &[("type", "3")])?;
        x.limited("DEGREE_TITLE", d, 2000)?;
        x.close("DEGREE")?;
    }
    extended_info(x, o, o.part_time)?;
    module_course(x, o, longest.start, longest.end)?;
    x.close("EDUCATION")?;
    x.close("SERVICE_MODULE")?;
    let end = o.runs.iter().map(|r| announcement_end(c, r)).max();
    announcement(x, c, end.unwrap_or(c.today))?;
    x.close("SERVICE_DETAILS")?;
    match o.kurssystematik {
        Some(k) => {
            x.open("SERVICE_CLASSIFICATION", &[])?;
            x.text("REFERENCE_CLASSIFICATION_SYSTEM_NAME", "Kurssystematik")?;
            x.open("FEATURE", &[])?;
            x.text("FNAME", k.code)?;
            x.text("FVALUE", k.name)?;
            x.close("FEATURE")?;
            x.close("SERVICE_CLASSIFICATION")?;
        }
        None => x.warn(WarningKind::NoKurssystematik {
            kldb: o.kldb.clone(),
        }),
    }
    price(x, o)?;
    x.close("SERVICE")
}

/// A run record (`EDUCATION type="false"`, COURSE_ID = the offer's PRODUCT_ID). Its texts are
/// the offer's, cut the same way; their warnings were given with the offer record.
pub(super) fn run(x: &mut X, c: &CatalogExport, o: &OfferExport, r: &RunExport) -> R {
    x.record = r.product_id.clone();
    x.quiet = true;
    service_head(x, c, &r.product_id)?;
    x.open("SERVICE_DETAILS", &[])?;
    x.limited("TITLE", &o.title, 255)?;
    service_date(x, r.start, r.end)?;
    x.open("SERVICE_MODULE", &[])?;
    x.open("EDUCATION", &[("type", "false")])?;
    x.limited("COURSE_ID", &o.product_id, 255)?;
    extended_info(x, o, r.part_time)?;
    module_course(x, o, r.start, r.end)?;
    x.close("EDUCATION")?;
    x.close("SERVICE_MODULE")?;
    announcement(x, c, announcement_end(c, r))?;
    x.close("SERVICE_DETAILS")?;
    price(x, o)?;
    x.close("SERVICE")?;
    x.quiet = false;
    Ok(())
}
