//! Snapshots of the exchange formats this crate writes: the Atom feed of new offers and the
//! schema.org JSON-LD of an offer page (the open-Qcat catalogue: `tests/openqcat.rs`). Each is built from fixed input,
//! pinned with insta (`tests/snapshots/`) and read back by an independent parser
//! (roxmltree for XML, serde_json for JSON) in the same test.

mod common;

use chrono::{DateTime, FixedOffset};
use common::*;
use lernweg_offers::publish::atom::{
    AtomCategory, AtomEntry, AtomFeed, AtomPerson, offers_feed, tag_uri,
};
use lernweg_offers::publish::jsonld::{
    CohortLd, CourseLd, CourseMode, PostalAddressLd, ProviderLd, course_jsonld, jsonld_script,
};
use serde_json::Value;

const PUBLISH_DE: &str = include_str!("../../web/locales/de/publish.ftl");

/// The German text of a `publish.ftl` message, as the web layer passes it.
fn german(id: &str) -> String {
    PUBLISH_DE
        .lines()
        .filter_map(|l| l.split_once(" = "))
        .find(|(k, _)| k.trim() == id)
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_else(|| panic!("{id} missing in publish.ftl"))
}

fn time(s: &str) -> DateTime<FixedOffset> {
    DateTime::parse_from_rfc3339(s).unwrap()
}

fn elements<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
    n.descendants()
        .filter(|c| c.is_element() && c.tag_name().name() == name)
        .collect()
}

// ---------------------------------------------------------------- Atom

fn feed_entry(slug: &str, title: &str, published: &str, updated: &str) -> AtomEntry {
    AtomEntry {
        id: tag_uri(
            "lernweg.example",
            date(2026, 1, 1),
            &format!("offer/{slug}"),
        ),
        title: title.into(),
        updated: time(updated),
        published: time(published),
        url: format!("https://lernweg.example/angebote/{slug}"),
        summary: format!(
            "Für: Pflegefachkräfte mit teilweiser Anerkennung. Termine: ab 11.01.2027 in \
             Bayern; ab 06.09.2027 in Bayern. Träger: Bildungsträger Süd & Partner ({slug})."
        ),
        categories: vec![
            AtomCategory {
                term: "adaptation_qualification".into(),
                label: Some("Anpassungsqualifizierung".into()),
                scheme: Some("https://lernweg.example/angebote#goal".into()),
            },
            AtomCategory {
                term: "evening_course".into(),
                label: Some("Abendkurs".into()),
                scheme: Some("https://lernweg.example/angebote#time_model".into()),
            },
        ],
    }
}

#[test]
fn atom_feed_of_new_offers() {
    let feed = AtomFeed {
        id: tag_uri("lernweg.example", date(2026, 1, 1), "angebote"),
        title: "Neue Angebote bei Lernweg".into(),
        subtitle: Some(
            "Qualifizierungen neben der Arbeit für Menschen mit ausländischem Berufsabschluss"
                .into(),
        ),
        updated: time("2026-11-20T08:00:00+01:00"),
        self_url: "https://lernweg.example/angebote/feed.atom".into(),
        alternate_url: "https://lernweg.example/angebote".into(),
        author: AtomPerson {
            name: "Lernweg".into(),
            uri: Some("https://lernweg.example".into()),
            email: None,
        },
        lang: "de".into(),
        entries: vec![
            feed_entry(
                "fachsprache-pflege-berufsbegleitend",
                "Fachsprache Pflege berufsbegleitend",
                "2026-10-01T09:00:00+02:00",
                "2026-11-03T14:30:00+01:00",
            ),
            feed_entry(
                "deutsch-gesundheitsberufe-b2",
                "Deutsch für Gesundheitsberufe <B2> & Praxis",
                "2026-11-24T10:15:00Z",
                "2026-11-24T10:15:00Z",
            ),
        ],
    };
    let xml = offers_feed(&feed);

    let doc = roxmltree::Document::parse(&xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let titles: Vec<_> = elements(root, "entry")
        .iter()
        .map(|e| elements(*e, "title")[0].text().unwrap_or(""))
        .collect();
    assert_eq!(
        titles,
        [
            "Deutsch für Gesundheitsberufe <B2> & Praxis",
            "Fachsprache Pflege berufsbegleitend"
        ],
        "newest first, text unescaped by the parser"
    );

    insta::assert_snapshot!("atom_feed", xml);
}

// ---------------------------------------------------------------- JSON-LD

#[test]
fn course_jsonld_of_an_offer_page() {
    let o = offer();
    let planned = plan_of(&o, date(2027, 1, 11), None);
    let provider = ProviderLd {
        name: "Bildungsträger Süd gGmbH".into(),
        url: Some("https://www.traeger.example".into()),
        address: Some(PostalAddressLd {
            street: "Lindwurmstraße 12".into(),
            zip: "80337".into(),
            city: "München".into(),
        }),
    };
    let mut ld = CourseLd::new(
        &o,
        "https://lernweg.example/angebote/fachsprache-pflege-berufsbegleitend".into(),
        provider,
        &german,
    );
    let mut first = CohortLd::from_plan(&planned);
    first.name = Some("Frühjahr 2027".into());
    ld.cohorts.push(first);
    ld.cohorts.push(CohortLd {
        mode: Some(CourseMode::Online),
        url: Some(
            "https://lernweg.example/angebote/fachsprache-pflege-berufsbegleitend#herbst".into(),
        ),
        weekly_hours: Some(5.5),
        name: Some("Herbst 2027 (online)".into()),
        ..CohortLd::new(date(2027, 9, 7), date(2028, 1, 27))
    });
    let value = course_jsonld(&ld, date(2027, 1, 4));

    // What the page embeds parses back to the same document.
    let script = jsonld_script(&value);
    assert!(!script.contains('<') && !script.contains('&'));
    let parsed: Value = serde_json::from_str(&script).expect("valid JSON");
    assert_eq!(parsed, value);
    assert_eq!(parsed["@type"], "Course");
    assert_eq!(
        parsed["hasCourseInstance"].as_array().map(Vec::len),
        Some(2)
    );

    insta::assert_json_snapshot!("course_jsonld", value);
}
