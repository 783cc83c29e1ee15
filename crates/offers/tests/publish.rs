//! Publishing: schema.org JSON-LD, the Atom feed, the path SVG and the message files.

mod common;

use std::collections::BTreeSet;

use chrono::Datelike;

use common::*;
use lernweg_offers::publish::MESSAGE_IDS;
use lernweg_offers::publish::jsonld::{
    CohortLd, CourseLd, CourseMode, PostalAddressLd, ProviderLd, course_jsonld, jsonld_script,
};
use serde_json::{Value, json};

const DE: &str = include_str!("../../web/locales/de/publish.ftl");
const EN: &str = include_str!("../../web/locales/en/publish.ftl");

fn ids(ftl: &str) -> BTreeSet<String> {
    ftl.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" ="))
        .map(|(id, _)| id.trim().to_owned())
        .collect()
}

#[test]
fn message_files_agree_and_hold_every_id() {
    let (de, en) = (ids(DE), ids(EN));
    assert_eq!(de, en);
    for id in MESSAGE_IDS {
        assert!(de.contains(*id), "{id} missing");
    }
    assert!(de.iter().all(|id| id.starts_with("publish-")));
    assert!(DE.contains("Prüfung") && !DE.contains("Pruefung"));
}

// ---------------------------------------------------------------- JSON-LD

fn provider() -> ProviderLd {
    ProviderLd {
        name: "Bildungsträger Süd gGmbH".into(),
        url: Some("https://traeger.example".into()),
        address: Some(PostalAddressLd {
            street: "Hauptstraße 1".into(),
            zip: "80331".into(),
            city: "München".into(),
        }),
    }
}

/// The schema.org types and the properties this crate may use on each (all checked against
/// the schema.org vocabulary, inherited ones included: `teaches`, `about`, `audience`,
/// `keywords`, `timeRequired` from CreativeWork, `maximumAttendeeCapacity` from Event).
fn vocabulary(t: &str) -> Option<Vec<&'static str>> {
    let props = match t {
        "Course" => {
            "@context @type name description url inLanguage provider \
             educationalCredentialAwarded teaches about keywords audience timeRequired offers \
             hasCourseInstance"
        }
        "Organization" => "@type name url address",
        "PostalAddress" => "@type streetAddress postalCode addressLocality addressCountry",
        "EducationalOccupationalCredential" => "@type name credentialCategory",
        "Audience" => "@type audienceType",
        "Offer" => "@type price priceCurrency category url description",
        "CourseInstance" => {
            "@type name description url courseMode courseSchedule courseWorkload startDate \
             endDate location maximumAttendeeCapacity"
        }
        "Schedule" => {
            "@type name repeatFrequency repeatCount byDay startTime endTime duration startDate \
             endDate scheduleTimezone"
        }
        "Place" => "@type name address",
        "VirtualLocation" => "@type url",
        _ => return None,
    };
    Some(props.split_whitespace().collect())
}

/// Every object has a known `@type` and only that type's properties.
fn check_vocabulary(v: &Value, types: &mut BTreeSet<String>) {
    match v {
        Value::Array(list) => list.iter().for_each(|x| check_vocabulary(x, types)),
        Value::Object(m) => {
            let t = m["@type"].as_str().expect("every object has a @type");
            let props = vocabulary(t).unwrap_or_else(|| panic!("unknown type {t}"));
            for k in m.keys() {
                assert!(props.contains(&k.as_str()), "{t} has no property {k}");
            }
            types.insert(t.to_owned());
            m.values().for_each(|x| check_vocabulary(x, types));
        }
        _ => {}
    }
}

fn iso_date(v: &Value) -> bool {
    v.as_str()
        .is_some_and(|s| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok())
}

fn iso_duration(v: &Value) -> bool {
    let s = v.as_str().unwrap_or("");
    let Some(rest) = s.strip_prefix("PT") else {
        return false;
    };
    !rest.is_empty()
        && rest.ends_with(['H', 'M'])
        && rest
            .chars()
            .all(|c| c.is_ascii_digit() || c == 'H' || c == 'M')
}

#[test]
fn course_with_a_planned_cohort_uses_the_schema_org_vocabulary() {
    let o = offer();
    let p = plan_of(&o, date(2027, 1, 11), None);
    let mut ld = CourseLd::new(
        &o,
        "https://lernweg.example/angebote/fachsprache-pflege".into(),
        provider(),
        &|id| id.to_owned(),
    );
    ld.cohorts.push(CohortLd::from_plan(&p));
    ld.cohorts.push(CohortLd {
        mode: Some(CourseMode::Online),
        url: Some("https://lernweg.example/durchgang/2".into()),
        weekly_hours: Some(5.5),
        ..CohortLd::new(date(2027, 9, 7), date(2028, 1, 27))
    });
    // A run that ended before today is not offered any more.
    ld.cohorts.push(CohortLd {
        name: Some("Herbst 2026".into()),
        ..CohortLd::new(date(2026, 9, 1), date(2026, 12, 15))
    });
    let v = course_jsonld(&ld, date(2027, 1, 4));
    assert_eq!(v["hasCourseInstance"].as_array().map(Vec::len), Some(2));
    let mut types = BTreeSet::new();
    check_vocabulary(&v, &mut types);
    for t in [
        "Course",
        "Organization",
        "PostalAddress",
        "EducationalOccupationalCredential",
        "Offer",
        "CourseInstance",
        "Schedule",
        "Place",
        "VirtualLocation",
    ] {
        assert!(types.contains(t), "{t} missing");
    }
    assert_eq!(v["@context"], "https://schema.org");
    assert_eq!(v["name"], "Fachsprache Pflege berufsbegleitend");
    assert_eq!(v["inLanguage"], "de");
    assert_eq!(v["provider"]["address"]["addressLocality"], "München");
    assert_eq!(
        v["educationalCredentialAwarded"]["name"],
        "Zertifikat Fachsprache Pflege"
    );
    assert_eq!(v["teaches"], json!(["Fachsprache", "Pflegepraxis"]));
    assert_eq!(v["timeRequired"], "PT54H");
    assert_eq!(v["offers"]["price"], 0);
    assert_eq!(v["offers"]["priceCurrency"], "EUR");
    assert_eq!(v["offers"]["category"], "Free");
    assert_eq!(v["offers"]["description"], "IQ-gefördert");

    let first = &v["hasCourseInstance"][0];
    assert_eq!(first["courseMode"], "blended");
    assert_eq!(first["startDate"], p.sessions[0].date.to_string());
    assert_eq!(first["endDate"], p.end_date.to_string());
    assert!(iso_date(&first["startDate"]) && iso_date(&first["endDate"]));
    // Tuesday and Thursday 18–21 share one weekly schedule.
    let s = &first["courseSchedule"];
    assert_eq!(s["repeatFrequency"], "P1W");
    assert_eq!(
        s["byDay"],
        json!(["https://schema.org/Tuesday", "https://schema.org/Thursday"])
    );
    assert_eq!(
        (&s["startTime"], &s["endTime"]),
        (&json!("18:00:00"), &json!("21:00:00"))
    );
    assert_eq!(s["scheduleTimezone"], "Europe/Berlin");
    assert_eq!(s["duration"], "PT3H");
    assert!(iso_date(&s["startDate"]) && iso_date(&s["endDate"]));
    // One repetition per week with sessions at these times.
    let weeks: BTreeSet<_> = p
        .sessions
        .iter()
        .filter(|x| x.start.map(|t| t.to_string()).as_deref() == Some("18:00"))
        .filter(|x| x.end.map(|t| t.to_string()).as_deref() == Some("21:00"))
        .map(|x| x.date.iso_week())
        .collect();
    assert_eq!(s["repeatCount"], weeks.len());
    assert!(weeks.len() > 5);
    // The workload is the whole run's (sessions + self-study), not a week's or the job's.
    assert!(iso_duration(&first["courseWorkload"]));
    let study: f64 = p.load.weekly.iter().map(|w| w.self_study_hours).sum();
    assert_eq!(
        first["courseWorkload"],
        lernweg_offers::publish::jsonld::iso_duration(p.total_hours + study)
    );
    let locations = first["location"].as_array().unwrap();
    assert_eq!(locations[0]["@type"], "Place");
    assert_eq!(locations[0]["address"]["postalCode"], "80331");
    assert_eq!(locations[1]["@type"], "VirtualLocation");
    assert_eq!(first["maximumAttendeeCapacity"], 16);

    let second = &v["hasCourseInstance"][1];
    assert_eq!(second["courseMode"], "online");
    // 5.5 hours a week over the 21 calendar weeks of the run.
    assert_eq!(second["courseWorkload"], "PT115H30M");
    // Online: a virtual location only, even though the offer has presence days.
    assert_eq!(second["location"]["@type"], "VirtualLocation");
    assert_eq!(second["url"], "https://lernweg.example/durchgang/2");
}

#[test]
fn modes_schedules_and_credentials_follow_the_offer() {
    // Presence-only block seminar, partial qualification without a degree, paid.
    let o = offer_with(json!({
        "goal": "partial_qualification",
        "degree": "",
        "delivery_modes": ["presence"],
        "costs_eur": "120,50",
        "funding": "",
        "time_model": {"kind": "block_seminar",
            "evening": {"weekday": "wed", "start": "18:00", "end": "21:15"},
            "weekend": {"start": "09:00", "end": "16:30"}},
    }));
    let mut ld = CourseLd::new(&o, "https://x.example/a".into(), provider(), &|id| {
        format!("[{id}]")
    });
    ld.cohorts
        .push(CohortLd::new(date(2027, 1, 13), date(2027, 12, 18)));
    let v = course_jsonld(&ld, date(2027, 1, 1));
    check_vocabulary(&v, &mut BTreeSet::new());
    assert_eq!(
        v["educationalCredentialAwarded"]["name"],
        "[publish-credential-partial_qualification]"
    );
    assert_eq!(v["offers"]["price"], 120.5);
    assert_eq!(v["offers"]["category"], "Paid");
    assert!(v["offers"].get("description").is_none());
    let i = &v["hasCourseInstance"][0];
    assert_eq!(i["courseMode"], "onsite");
    assert_eq!(i["location"]["@type"], "Place");
    let s = i["courseSchedule"].as_array().unwrap();
    assert_eq!(s[0]["repeatFrequency"], "P1W");
    assert_eq!(s[0]["byDay"], json!(["https://schema.org/Wednesday"]));
    assert_eq!(s[0]["endTime"], "21:15:00");
    // Wednesdays from 13 January to 15 December.
    assert_eq!(s[0]["repeatCount"], 49);
    // One weekend a month, named so, not "every Friday and Saturday".
    assert_eq!(s[1]["repeatFrequency"], "P1M");
    assert_eq!(s[1]["repeatCount"], 12);
    assert_eq!(s[1]["name"], "[publish-schedule-block-weekend]");
    assert!(s[1].get("byDay").is_none());
    // No plan and an irregular time model: the offer's hours.
    assert_eq!(
        i["courseWorkload"],
        lernweg_offers::publish::jsonld::iso_duration(o.total_hours())
    );

    // Language support, online only: no credential, a virtual location, estimated workload
    // 2 × 3 h plus the modules' average self-study (0 and 2.5 → 1.25).
    let o = offer_with(json!({
        "goal": "language_support",
        "degree": "",
        "delivery_modes": ["online_live"],
        "kickoff_in_presence": false,
        "closing_in_presence": false,
        "exams": [],
        "location": {},
    }));
    let mut ld = CourseLd::new(&o, "https://x.example/b".into(), provider(), &|id| {
        id.into()
    });
    ld.cohorts
        .push(CohortLd::new(date(2027, 1, 12), date(2027, 4, 1)));
    let v = course_jsonld(&ld, date(2027, 1, 1));
    check_vocabulary(&v, &mut BTreeSet::new());
    assert!(v.get("educationalCredentialAwarded").is_none());
    let i = &v["hasCourseInstance"][0];
    assert_eq!(i["courseMode"], "online");
    assert_eq!(i["location"]["@type"], "VirtualLocation");
    assert_eq!(i["location"]["url"], "https://x.example/b");
    // 2 × 3 h plus 1.25 h self-study a week, over 12 calendar weeks.
    assert_eq!(i["courseWorkload"], "PT87H");
}

#[test]
fn script_embedding_cannot_break_out() {
    let mut o = offer();
    o.title = "</script><script>alert(1)</script> & <!-- \u{2028}".into();
    let ld = CourseLd::new(&o, "https://x.example/?a=1&b=2".into(), provider(), &|id| {
        id.into()
    });
    let v = course_jsonld(&ld, date(2027, 1, 1));
    let s = jsonld_script(&v);
    assert!(!s.contains('<') && !s.contains('>') && !s.contains('&'));
    assert!(!s.contains('\u{2028}'));
    assert!(s.contains("\\u003c/script\\u003e"));
    // Still the same JSON.
    let back: Value = serde_json::from_str(&s).unwrap();
    assert_eq!(back, v);
    assert_eq!(back["name"], o.title.as_str());
}

// ---------------------------------------------------------------- Path SVG

mod path {
    use lernweg_offers::publish::path_svg::{
        self, PathExam, PathInput, PathModule, path_list, path_rows, path_svg, path_text,
    };

    use super::common::*;

    const SVG: &str = "http://www.w3.org/2000/svg";

    fn label(id: &str) -> String {
        match id {
            "publish-path-module" => "Modul",
            "publish-path-exam" => "Prüfung",
            "publish-path-end" => "Ende",
            "publish-path-today" => "Heute",
            "publish-path-milestone" => "Zwischenziel",
            "publish-path-hours" => "Std.",
            "publish-decimal-separator" => ",",
            other => other,
        }
        .to_owned()
    }

    fn class_count(doc: &roxmltree::Document, class: &str) -> usize {
        doc.descendants()
            .filter(|n| {
                n.attribute("class")
                    .is_some_and(|c| c.split(' ').any(|x| x == class))
            })
            .count()
    }

    fn german_dates(s: &str) -> usize {
        s.as_bytes()
            .windows(10)
            .filter(|w| {
                w.iter().enumerate().all(|(i, c)| match i {
                    2 | 5 => *c == b'.',
                    _ => c.is_ascii_digit(),
                })
            })
            .count()
    }

    /// Relative luminance contrast of `#rrggbb` against white (WCAG 2.1).
    fn contrast_on_white(hex: &str) -> f64 {
        let c = |i: usize| {
            let v = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
            if v <= 0.04045 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        let l = 0.2126 * c(1) + 0.7152 * c(3) + 0.0722 * c(5);
        1.05 / (l + 0.05)
    }

    fn check_common(svg: &str) -> roxmltree::Document<'_> {
        let doc = roxmltree::Document::parse(svg).expect("well-formed XML");
        let root = doc.root_element();
        assert_eq!(root.tag_name().namespace(), Some(SVG));
        assert_eq!(root.attribute("role"), Some("img"));
        let labelled: Vec<&str> = root
            .attribute("aria-labelledby")
            .unwrap()
            .split(' ')
            .collect();
        assert_eq!(labelled.len(), 2);
        let by_id = |id: &str| doc.descendants().find(|n| n.attribute("id") == Some(id));
        assert_eq!(by_id(labelled[0]).unwrap().tag_name().name(), "title");
        assert_eq!(by_id(labelled[1]).unwrap().tag_name().name(), "desc");
        // The CSP forbids inline styles.
        for n in doc.descendants().filter(|n| n.is_element()) {
            assert_ne!(n.tag_name().name(), "style");
            assert!(
                n.attribute("style").is_none(),
                "style on {:?}",
                n.tag_name()
            );
            for a in ["fill", "stroke"] {
                if let Some(c) = n
                    .attribute(a)
                    .filter(|c| c.starts_with('#') && *c != "#ffffff")
                {
                    assert!(contrast_on_white(c) >= 4.5, "{c}: {}", contrast_on_white(c));
                }
            }
        }
        // Legible on a phone, and inside the 400-unit viewBox.
        let width: f64 = root
            .attribute("viewBox")
            .unwrap()
            .split(' ')
            .nth(2)
            .unwrap()
            .parse()
            .unwrap();
        assert_eq!(width, path_svg::WIDTH);
        for t in doc.descendants().filter(|n| n.has_tag_name((SVG, "text"))) {
            let size: f64 = t.attribute("font-size").unwrap().parse().unwrap();
            assert!(size >= 16.0);
            let x: f64 = t.attribute("x").unwrap().parse().unwrap();
            let len = t.text().unwrap().chars().count() as f64 * size * 0.6;
            let (left, right) = match t.attribute("text-anchor").unwrap() {
                "start" => (x, x + len),
                "end" => (x - len, x),
                _ => (x - len / 2.0, x + len / 2.0),
            };
            assert!(left >= 0.0 && right <= width, "{:?} overflows", t.text());
        }
        doc
    }

    #[test]
    fn planned_path_shows_modules_exam_milestone_end_and_today() {
        let o = offer();
        let p = plan_of(&o, date(2027, 1, 11), None);
        let mut input = PathInput::from_offer_plan(&o, &p);
        assert_eq!(input.modules.len(), 2);
        assert_eq!(input.exams.len(), 1);
        assert!(input.kickoff.is_some() && input.closing.is_some());
        assert_eq!(
            input.modules[0].milestone.as_deref(),
            Some("Modulzertifikat")
        );
        assert!(input.modules[0].end < input.modules[1].start);
        assert_eq!(input.end, p.end_date);
        assert_eq!(input.modules[0].hours, 30.0);
        let today = input.modules[1].start;
        input.today = Some(today);
        let svg = path_svg(&input, &label);
        let doc = check_common(&svg);
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name((SVG, "title")))
            .unwrap();
        assert_eq!(title.text(), Some(o.title.as_str()));
        let desc = doc
            .descendants()
            .find(|n| n.has_tag_name((SVG, "desc")))
            .unwrap();
        assert_eq!(german_dates(desc.text().unwrap()), 2);
        assert_eq!(class_count(&doc, "lw-path-bar"), 2);
        assert_eq!(class_count(&doc, "lw-path-exam-marker"), 1);
        assert_eq!(class_count(&doc, "lw-path-milestone"), 1);
        assert_eq!(class_count(&doc, "lw-path-end-marker"), 1);
        assert_eq!(class_count(&doc, "lw-path-event-marker"), 2);
        assert_eq!(class_count(&doc, "lw-path-today"), 1);
        let texts: String = doc
            .descendants()
            .filter(|n| n.has_tag_name((SVG, "text")))
            .filter_map(|n| n.text())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(texts.contains("Modul 1: Fachsprache"));
        assert!(texts.contains("Prüfung: Abschlussprüfung"));
        assert!(texts.contains("Zwischenziel: Modulzertifikat"));
        assert!(texts.contains("30 Std."));
        assert!(texts.contains(&format!("Heute: {}", today.format("%d.%m.%Y"))));
        assert!(texts.contains(&p.end_date.format("%d.%m.%Y").to_string()));
        assert!(!texts.contains(&p.end_date.to_string()), "no ISO dates");
        // Rows in date order, the end last.
        let rows = path_rows(&input, &label);
        assert!(rows.windows(2).all(|w| w[0].from <= w[1].from));
        assert_eq!(rows.last().unwrap().heading, "Ende");
    }

    #[test]
    fn list_alternative_has_the_same_content() {
        let o = offer();
        let p = plan_of(&o, date(2027, 1, 11), None);
        let mut input = PathInput::from_offer_plan(&o, &p);
        input.today = Some(date(2026, 12, 1)); // before the start: listed, not drawn
        let rows = path_rows(&input, &label);
        let html = path_list(&input, &label);
        let doc = roxmltree::Document::parse(&html).unwrap();
        let items: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("li")).collect();
        assert_eq!(items.len(), rows.len());
        assert_eq!(rows[0].heading, "Heute");
        for (li, row) in items.iter().zip(&rows) {
            let strong = li.children().find(|n| n.has_tag_name("strong")).unwrap();
            let shown: String = strong
                .descendants()
                .filter(|n| n.is_text())
                .filter_map(|n| n.text())
                .collect();
            assert_eq!(shown, row.heading);
            // The offer's own words are isolated for right-to-left pages.
            let bdi: Vec<_> = li
                .descendants()
                .filter(|n| n.has_tag_name("bdi"))
                .filter_map(|n| n.text())
                .collect();
            assert_eq!(
                bdi,
                row.names.iter().map(String::as_str).collect::<Vec<_>>()
            );
            let time = li.children().find(|n| n.has_tag_name("time")).unwrap();
            assert_eq!(
                time.attribute("datetime"),
                Some(row.from.to_string().as_str())
            );
            assert_eq!(
                time.text(),
                Some(row.from.format("%d.%m.%Y").to_string().as_str())
            );
        }
        let text = path_text(&input, &label);
        assert_eq!(text.lines().count(), rows.len());
        assert!(text.contains("(Zwischenziel: Modulzertifikat)"));
        let svg = path_svg(&input, &label);
        let doc = check_common(&svg);
        assert_eq!(class_count(&doc, "lw-path-today"), 0);
    }

    #[test]
    fn hand_built_path_escapes_and_wraps() {
        let input = PathInput {
            id: "pfad 7\"><x".into(),
            title: "Lernweg <Aylin> & \"Team\"".into(),
            start: date(2027, 3, 1),
            end: date(2027, 12, 17),
            today: Some(date(2027, 12, 17)),
            kickoff: None,
            closing: None,
            modules: vec![
                PathModule {
                    number: 1,
                    title: "Grundlagen der berufsbezogenen Kommunikation im Pflegealltag mit Übungen <Teil 1> & Praxisaufgaben".into(),
                    start: date(2027, 3, 1),
                    end: date(2027, 6, 30),
                    hours: 22.5,
                    milestone: Some("Nachweis über Sprachkompetenz & Fachwortschatz".into()),
                },
                PathModule {
                    number: 2,
                    title: "Donaudampfschifffahrtsgesellschaftskapitänsmütze".into(),
                    start: date(2027, 9, 1),
                    end: date(2027, 9, 1),
                    hours: 3.0,
                    milestone: None,
                },
            ],
            exams: vec![
                PathExam {
                    date: date(2027, 7, 2),
                    title: "Zwischenprüfung".into(),
                    module: Some(1),
                },
                PathExam {
                    date: date(2027, 12, 17),
                    title: "Abschluss <schriftlich>".into(),
                    module: None,
                },
            ],
        };
        let svg = path_svg(&input, &label);
        let doc = check_common(&svg);
        assert_eq!(class_count(&doc, "lw-path-bar"), 2);
        assert_eq!(class_count(&doc, "lw-path-exam-marker"), 2);
        assert_eq!(class_count(&doc, "lw-path-milestone"), 1);
        assert_eq!(class_count(&doc, "lw-path-today"), 1);
        let root = doc.root_element();
        assert_eq!(
            root.attribute("aria-labelledby"),
            Some("pfad7x-title pfad7x-desc")
        );
        let title = doc
            .descendants()
            .find(|n| n.has_tag_name((SVG, "title")))
            .unwrap();
        assert_eq!(title.text(), Some("Lernweg <Aylin> & \"Team\""));
        assert!(svg.contains("22,5 Std."));
        // The long title wraps to several lines, the one-day module still has a visible bar.
        let heading_lines = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("lw-path-heading"))
            .filter(|n| {
                n.text().unwrap().contains("Teil") || n.text().unwrap().contains("Grundlagen")
            })
            .count();
        assert!(heading_lines >= 2);
        let widths: Vec<f64> = doc
            .descendants()
            .filter(|n| n.attribute("class") == Some("lw-path-bar"))
            .map(|n| n.attribute("width").unwrap().parse().unwrap())
            .collect();
        assert!(widths[1] >= 1.0 && widths[0] > widths[1]);
        let html = path_list(&input, &label);
        assert!(html.contains("&lt;Teil 1&gt; &amp; Praxisaufgaben"));
        assert!(roxmltree::Document::parse(&html).is_ok());
    }
}
