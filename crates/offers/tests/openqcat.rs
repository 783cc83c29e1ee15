//! The open-Qcat catalogue for KURSNET: which offers and runs go in, the records and their
//! element order as in the agency's schema (openQ-cat.V1.1.xsd), KURSNET's keys, texts cut to
//! their limits with a warning. Read back with roxmltree and pinned with insta.

mod common;

use chrono::{DateTime, FixedOffset, NaiveDate};
use common::*;
use lernweg_domain::CohortStatus;
use lernweg_offers::Offer;
use lernweg_offers::export::cohort::{RunInput, catalog_offer};
use lernweg_offers::export::openqcat::{
    CatalogExport, OfferExport, Supplier, WarningKind, Written, write_catalog,
};
use lernweg_planner::Plan;
use roxmltree::Node;
use serde_json::json;

const TODAY: (i32, u32, u32) = (2027, 2, 1);

fn today() -> NaiveDate {
    date(TODAY.0, TODAY.1, TODAY.2)
}

fn supplier() -> Supplier {
    Supplier {
        id: "654321".into(),
        name: "Bildungsträger Süd gGmbH".into(),
        street: "Lindwurmstraße 12".into(),
        zip: "80337".into(),
        city: "München".into(),
        phone: "089 765432".into(),
        email: "kursnet@traeger.example".into(),
        url: String::new(),
    }
}

fn catalog(offers: Vec<OfferExport>) -> Written {
    write_catalog(&CatalogExport {
        supplier: supplier(),
        catalog_id: "lernweg-654321".into(),
        catalog_name: "Bildungsträger Süd gGmbH (Lernweg)".into(),
        generation_date: DateTime::<FixedOffset>::parse_from_rfc3339("2027-02-01T07:30:00+01:00")
            .unwrap(),
        today: today(),
        offers,
    })
    .unwrap()
}

/// An online evening course: lessons online, so no place.
fn online_offer() -> Offer {
    offer_with(json!({
        "title": "Deutsch für Gesundheitsberufe B2 – online",
        "goal": "language_support",
        "kldb": "99",
        "degree": "",
        "delivery_modes": ["online_live"],
        "kickoff_in_presence": false,
        "closing_in_presence": false,
        "time_model": {"kind": "evening_course",
            "evenings": [{"weekday": "mon", "start": "17:30", "end": "20:45"}]},
        "exams": [],
        "keywords": ["Deutsch", "Gesundheit"],
    }))
}

fn run<'a>(id: &'a str, status: CohortStatus, plan: &'a Plan) -> RunInput<'a> {
    RunInput { id, status, plan }
}

/// The evening course with a running cohort (started in January), a published one starting in
/// September, a draft and one that ended; the online course with one published run.
fn standard() -> Written {
    let o = offer();
    let running = plan_of(&o, date(2027, 1, 11), None);
    let september = plan_of(&o, date(2027, 9, 6), None);
    let ended = plan_of(&o, date(2026, 1, 12), None);
    let online = online_offer();
    let online_plan = plan_of(&online, date(2027, 3, 1), None);
    let evening = catalog_offer(
        &o,
        true,
        "A-17",
        &[
            run("K-2027-09", CohortStatus::Published, &september),
            run("K-2027-01", CohortStatus::Running, &running),
            run("K-2027-draft", CohortStatus::Draft, &september),
            run("K-2026-01", CohortStatus::Published, &ended),
        ],
        today(),
    )
    .unwrap();
    let online = catalog_offer(
        &online,
        true,
        "A-18",
        &[run("K-2027-03", CohortStatus::Published, &online_plan)],
        today(),
    )
    .unwrap();
    catalog(vec![evening, online])
}

fn children<'a, 'i>(n: Node<'a, 'i>) -> Vec<&'a str> {
    n.children()
        .filter(|c| c.is_element())
        .map(|c| c.tag_name().name())
        .collect()
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Node<'a, 'i> {
    n.children()
        .find(|c| c.tag_name().name() == name)
        .unwrap_or_else(|| panic!("{} has no {name}", n.tag_name().name()))
}

fn at<'a, 'i>(n: Node<'a, 'i>, path: &str) -> Node<'a, 'i> {
    path.split('/').fold(n, child)
}

fn text<'a>(n: Node<'a, '_>, path: &str) -> &'a str {
    at(n, path).text().unwrap_or("")
}

/// The children of `n` appear in the order of the schema's sequence (`order`), each at most
/// as often as allowed there (repeated elements next to each other), and none is unknown.
fn assert_schema_order(n: Node<'_, '_>, order: &[&str]) {
    let names = children(n);
    let mut last = 0;
    for name in &names {
        let pos = order
            .iter()
            .position(|o| o == name)
            .unwrap_or_else(|| panic!("{name} is not in the schema of {}", n.tag_name().name()));
        assert!(
            pos >= last,
            "{name} out of order in {}: {names:?}",
            n.tag_name().name()
        );
        last = pos;
    }
}

// The sequences of openQ-cat.V1.1.xsd, as far as the export uses them.
const HEADER: &[&str] = &[
    "GENERATOR_INFO",
    "CATALOG",
    "DOCUMENT_CREATOR",
    "RECIPIENT",
    "SUPPLIER",
    "AGREEMENT",
];
const CATALOG: &[&str] = &[
    "LANGUAGE",
    "CATALOG_ID",
    "CATALOG_VERSION",
    "CATALOG_NAME",
    "GENERATION_DATE",
    "TERRITORY",
    "CURRENCY",
    "MIME_ROOT",
];
const SUPPLIER: &[&str] = &[
    "SUPPLIER_ID",
    "SUPPLIER_NAME",
    "ADDRESS",
    "CONTACT",
    "KEYWORD",
    "MIME_INFO",
    "CERTIFICATE",
    "EXTENDED_INFO",
];
const ADDRESS: &[&str] = &[
    "NAME",
    "NAME2",
    "NAME3",
    "STREET",
    "ZIP",
    "BOXNO",
    "ZIPBOX",
    "CITY",
    "DISTRICT",
    "STATE",
    "COUNTRY_CODED",
    "COUNTRY",
    "PHONE",
    "MOBILE",
    "FAX",
    "EMAILS",
    "URL",
    "ADDRESS_REMARKS",
    "BARRIER_FREE_LOCATION",
    "ID_DB",
];
const SERVICE: &[&str] = &[
    "PRODUCT_ID",
    "COURSE_TYPE",
    "SUPPLIER_ID_REF",
    "SERVICE_DETAILS",
    "SERVICE_CLASSIFICATION",
    "SERVICE_PRICE_DETAILS",
    "HS_INFO",
    "MIME_INFO",
    "SERVICE_REFERENCE",
];
const SERVICE_DETAILS: &[&str] = &[
    "TITLE",
    "DESCRIPTION_LONG",
    "SERVICE_ORDER",
    "SUPPLIER_ALT_PID",
    "RECIPIENT_PID",
    "CONTACT",
    "SERVICE_STATUS",
    "REQUIREMENTS",
    "SERVICE_DATE",
    "KEYWORD",
    "SEGMENT",
    "TARGET_GROUP",
    "TIME_TO_HANDLE",
    "TERMS_AND_CONDITIONS",
    "STUDY_COURSE",
    "SERVICE_MODULE",
    "ANNOUNCEMENT",
];
const CONTACT: &[&str] = &[
    "CONTACT_ROLE",
    "SALUTATION",
    "ACADEMIC_TITLE",
    "FIRST_NAME",
    "LAST_NAME",
    "NAME_PREFIX",
    "JOB_TITLE",
    "PHONE",
    "MOBILE",
    "FAX",
    "EMAILS",
    "URL",
    "ID_DB",
    "ADDRESS",
    "CONTACT_REMARKS",
];
const EDUCATION: &[&str] = &[
    "COURSE_ID",
    "DEGREE",
    "MODULE_ORGANIZER",
    "LANGUAGE",
    "CREDITS",
    "HANDICAP",
    "SUBSIDY",
    "REGISTRATION_DATE",
    "MIME_INFO",
    "CERTIFICATE",
    "EXTENDED_INFO",
    "MODULE_COURSE",
];
const EDUCATION_EXTENDED_INFO: &[&str] = &[
    "INSTITUTION",
    "INSTRUCTION_FORM",
    "INSTRUCTION_FORM_NAME",
    "INSTRUCTION_TIME",
    "INHOUSE_SEMINAR",
    "EXTRA_OCCUPATIONAL",
    "PRACTICAL_PART",
    "TRAINEE_SUITABLE",
    "EMPLOYEE_SUITABLE",
    "EXECUTION_FORM",
    "FUNDING_TYPES_FEDERAL",
    "FUNDING_TYPES_REGIONAL",
    "FUNDING_TYPES_REMARKS",
    "DIGITAL_ACCESSIBILITY",
    "DIGITAL_ACCESSIBILITY_REMARKS",
    "TEACHING_LANGUAGES",
    "TEACHING_LANGUAGES_REMARKS",
    "EDUCATION_TYPE",
    "MEASURE_NUMBER",
];
const MODULE_COURSE: &[&str] = &[
    "MARKETINGTEXT",
    "INSTRUCTOR",
    "MIN_PARTICIPANTS",
    "MAX_PARTICIPANTS",
    "LOCATION",
    "DURATION",
    "SERVICE_REFERENCE",
    "MODULE_ORDER",
    "METHOD",
    "MEDIA",
    "MIME_INFO",
    "INSTRUCTION_REMARKS",
    "FLEXIBLE_START",
    "EXTENDED_INFO",
];

#[test]
fn only_public_offers_and_current_runs() {
    let o = offer();
    let plan = plan_of(&o, date(2027, 3, 2), None);
    let ended = plan_of(&o, date(2026, 9, 1), None);
    let runs = [run("K1", CohortStatus::Published, &plan)];
    assert!(catalog_offer(&o, true, "A", &runs, today()).is_some());
    // Not published.
    assert!(catalog_offer(&o, false, "A", &runs, today()).is_none());
    // A company measure is never listed, even when published.
    let company = offer_with(json!({"goal": "compensation_measure", "company_measure_only": true}));
    assert!(company.company_measure_only);
    assert!(catalog_offer(&company, true, "A", &runs, today()).is_none());
    // Draft and finished cohorts and runs that ended before today are left out;
    // an offer without a current run is not written.
    for status in [CohortStatus::Draft, CohortStatus::Finished] {
        assert!(catalog_offer(&o, true, "A", &[run("K", status, &plan)], today()).is_none());
    }
    assert!(ended.end_date < today());
    let only_ended = [run("K0", CohortStatus::Running, &ended)];
    assert!(catalog_offer(&o, true, "A", &only_ended, today()).is_none());
    // A run ending today is still current.
    let last_day = ended.end_date;
    let e = catalog_offer(&o, true, "A", &only_ended, last_day).unwrap();
    assert_eq!(e.runs.len(), 1);
}

#[test]
fn offer_record_and_run_records_in_schema_order() {
    let written = standard();
    let doc = roxmltree::Document::parse(&written.xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "OPENQCAT");
    assert_eq!(root.attribute("version"), Some("1.1"));
    assert_eq!(children(root), ["HEADER", "NEW_CATALOG"]);

    let header = child(root, "HEADER");
    assert_schema_order(header, HEADER);
    assert_schema_order(child(header, "CATALOG"), CATALOG);
    assert_eq!(
        text(header, "CATALOG/CATALOG_NAME"),
        "Bildungsträger Süd gGmbH (Lernweg)"
    );
    assert_eq!(text(header, "CATALOG/CURRENCY"), "EUR");
    assert_eq!(text(header, "RECIPIENT/RECIPIENT_ID"), "BA");
    let sup = child(header, "SUPPLIER");
    assert_schema_order(sup, SUPPLIER);
    assert_eq!(text(sup, "SUPPLIER_ID"), "654321");
    assert_eq!(
        child(sup, "SUPPLIER_ID").attribute("type"),
        Some("supplier_specific")
    );
    assert_schema_order(child(sup, "ADDRESS"), ADDRESS);
    assert_eq!(text(sup, "ADDRESS/STREET"), "Lindwurmstraße 12");
    assert_eq!(text(sup, "ADDRESS/ZIP"), "80337");
    assert_eq!(text(sup, "ADDRESS/COUNTRY"), "DE");
    assert_eq!(text(sup, "ADDRESS/PHONE"), "+49.89.765432");
    assert_eq!(
        child(sup, "EXTENDED_INFO").attribute("input_type"),
        Some("0")
    );

    let services: Vec<Node> = child(root, "NEW_CATALOG")
        .children()
        .filter(|c| c.is_element())
        .collect();
    let ids: Vec<_> = services.iter().map(|s| text(*s, "PRODUCT_ID")).collect();
    // Each offer, then its current runs by start; the draft and the ended run are not there.
    assert_eq!(ids, ["A-17", "K-2027-01", "K-2027-09", "A-18", "K-2027-03"]);
    for s in &services {
        assert_eq!(s.tag_name().name(), "SERVICE");
        assert_schema_order(*s, SERVICE);
        assert_eq!(text(*s, "COURSE_TYPE"), "5");
        assert_eq!(text(*s, "SUPPLIER_ID_REF"), "654321");
        let details = child(*s, "SERVICE_DETAILS");
        assert_schema_order(details, SERVICE_DETAILS);
        let edu = at(details, "SERVICE_MODULE/EDUCATION");
        assert_schema_order(edu, EDUCATION);
        assert_schema_order(child(edu, "EXTENDED_INFO"), EDUCATION_EXTENDED_INFO);
        let module = child(edu, "MODULE_COURSE");
        assert_schema_order(module, MODULE_COURSE);
        if let Some(l) = module.children().find(|c| c.has_tag_name("LOCATION")) {
            assert_schema_order(l, ADDRESS);
        }
        // Offer record: type true, COURSE_ID its own PRODUCT_ID; run: type false, the offer's.
        let is_offer =
            ids.contains(&text(*s, "PRODUCT_ID")) && text(*s, "PRODUCT_ID").starts_with('A');
        assert_eq!(
            edu.attribute("type"),
            Some(if is_offer { "true" } else { "false" })
        );
        let course = text(edu, "COURSE_ID");
        if is_offer {
            assert_eq!(course, text(*s, "PRODUCT_ID"));
            assert_schema_order(child(details, "CONTACT"), CONTACT);
        } else {
            assert!(course == "A-17" || course == "A-18", "{course}");
        }
        let duration = child(module, "DURATION").attribute("type").unwrap();
        assert!(("1"..="9").contains(&duration), "{duration}");
        assert_eq!(
            text(*s, "SERVICE_PRICE_DETAILS/SERVICE_PRICE/PRICE_CURRENCY"),
            "EUR"
        );
        assert_eq!(text(details, "ANNOUNCEMENT/START_DATE"), "2027-02-01+01:00");
    }

    let evening = services[0];
    let ext = at(
        evening,
        "SERVICE_DETAILS/SERVICE_MODULE/EDUCATION/EXTENDED_INFO",
    );
    assert_eq!(
        child(ext, "INSTRUCTION_FORM").attribute("type"),
        Some("301")
    );
    assert_eq!(text(ext, "INSTRUCTION_FORM"), "Blended Learning");
    assert_eq!(child(ext, "INSTRUCTION_TIME").attribute("type"), Some("2"));
    assert_eq!(text(ext, "EXTRA_OCCUPATIONAL"), "true");
    assert_eq!(child(ext, "EDUCATION_TYPE").attribute("type"), Some("104"));
    // The offer spans its runs: first start of the January run to the end of September's.
    let date_of =
        |s: Node, p: &str| text(s, &format!("SERVICE_DETAILS/SERVICE_DATE/{p}")).to_owned();
    assert_eq!(
        date_of(evening, "START_DATE"),
        date_of(services[1], "START_DATE")
    );
    assert_eq!(
        date_of(evening, "END_DATE"),
        date_of(services[2], "END_DATE")
    );
    assert!(date_of(services[2], "START_DATE").starts_with("2027-09-0"));
    assert!(date_of(services[2], "START_DATE").ends_with("+02:00"));
    // The running run's announcement ends today; the September run's on its first day.
    assert_eq!(
        text(services[1], "SERVICE_DETAILS/ANNOUNCEMENT/END_DATE"),
        "2027-02-01+01:00"
    );
    assert!(text(services[2], "SERVICE_DETAILS/ANNOUNCEMENT/END_DATE").starts_with("2027-09-0"));
    // Kurssystematik from the occupational field (KldB 81302, nursing).
    let class = child(evening, "SERVICE_CLASSIFICATION");
    assert_eq!(
        text(class, "REFERENCE_CLASSIFICATION_SYSTEM_NAME"),
        "Kurssystematik"
    );
    assert_eq!(text(class, "FEATURE/FNAME"), "C 1025-15");
    let place = at(
        evening,
        "SERVICE_DETAILS/SERVICE_MODULE/EDUCATION/MODULE_COURSE/LOCATION",
    );
    assert_eq!(text(place, "COUNTRY"), "DE");
    assert_eq!(text(place, "BARRIER_FREE_LOCATION"), "true");
    assert_eq!(
        text(evening, "SERVICE_DETAILS/CONTACT/PHONE"),
        "+49.89.123456"
    );
    // The online course: virtual classroom, no place, and no Kurssystematik for KldB 99.
    let online = services[3];
    let online_edu = at(online, "SERVICE_DETAILS/SERVICE_MODULE/EDUCATION");
    assert_eq!(
        at(online_edu, "EXTENDED_INFO/INSTRUCTION_FORM").attribute("type"),
        Some("201")
    );
    assert!(
        !child(online_edu, "MODULE_COURSE")
            .children()
            .any(|c| c.has_tag_name("LOCATION"))
    );
    assert!(
        !online
            .children()
            .any(|c| c.has_tag_name("SERVICE_CLASSIFICATION"))
    );
    assert_eq!(
        written
            .warnings
            .iter()
            .map(|w| (w.record.as_str(), &w.kind))
            .collect::<Vec<_>>(),
        [("A-18", &WarningKind::NoKurssystematik { kldb: "99".into() })]
    );

    insta::assert_snapshot!("openqcat_catalogue", written.xml);
}

#[test]
fn texts_are_cut_to_their_limits_with_a_warning() {
    let o = offer_with(json!({
        "contact_name": "Aylin Demir-Wolkenstein-Obermaier-Huber",
        "contact_phone": "123456",
        "location": {"name": "Bildungszentrum Süd der Stadtwerke München", "street": "Hauptstraße 1",
            "zip": "80331", "city": "München", "step_free": false},
    }));
    let plan = plan_of(&o, date(2027, 3, 2), None);
    let mut e = catalog_offer(
        &o,
        true,
        "A-1",
        &[run("K-1", CohortStatus::Published, &plan)],
        today(),
    )
    .unwrap();
    // Offers are validated to 200 characters; the writer cuts whatever it gets.
    e.title = format!("Fachsprache Pflege {}", "sehr lang ".repeat(40));
    let mut with_gaps = supplier();
    with_gaps.id = String::new();
    with_gaps.street = String::new();
    let written = write_catalog(&CatalogExport {
        supplier: with_gaps,
        catalog_id: "x".into(),
        catalog_name: "x".into(),
        generation_date: DateTime::<FixedOffset>::parse_from_rfc3339("2027-02-01T07:30:00+01:00")
            .unwrap(),
        today: today(),
        offers: vec![e],
    })
    .unwrap();
    let doc = roxmltree::Document::parse(&written.xml).unwrap();
    let titles: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("TITLE"))
        .map(|n| n.text().unwrap_or("").chars().count())
        .collect();
    assert_eq!(titles.len(), 2);
    assert!(titles.iter().all(|&n| n <= 255 && n > 240), "{titles:?}");
    let names: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("LOCATION"))
        .map(|n| child(n, "NAME").text().unwrap_or("").to_owned())
        .collect();
    assert!(names.iter().all(|n| n.chars().count() <= 30), "{names:?}");
    let kinds: Vec<(&str, String)> = written
        .warnings
        .iter()
        .map(|w| (w.record.as_str(), w.to_string()))
        .collect();
    let has = |record: &str, needle: &str| {
        kinds
            .iter()
            .any(|(r, t)| *r == record && t.contains(needle))
    };
    assert!(has("HEADER", "SUPPLIER_ID is not set"), "{kinds:?}");
    assert!(has("HEADER", "STREET is not set"), "{kinds:?}");
    assert!(
        has("A-1", "TITLE cut to its limit of 255 characters"),
        "{kinds:?}"
    );
    assert!(
        has("A-1", "LAST_NAME cut to its limit of 30 characters"),
        "{kinds:?}"
    );
    assert!(
        has("A-1", "NAME cut to its limit of 30 characters"),
        "{kinds:?}"
    );
    assert!(has("A-1", "PHONE left out"), "{kinds:?}");
    // The run repeats the offer's texts without repeating the warnings.
    assert!(kinds.iter().all(|(r, _)| *r != "K-1"), "{kinds:?}");
}
