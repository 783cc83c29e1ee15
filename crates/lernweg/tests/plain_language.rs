//! Plain language of the public pages, measured on the rendered HTML of the demo: every
//! published offer's page and the catalogue's prose read at Flesch-Amstad 60 or more, and
//! `lernweg readability --offer` measures the same text.

mod common;

use common::{demo, err, lernweg, ok};

/// The visible text of `<main>` as a reader meets it: one block per heading, paragraph, list
/// item, term, value, table cell or line of an address; without scripts and, with
/// `skip_forms`, without form controls.
fn visible_main_text(html: &str, skip_forms: bool) -> String {
    use scraper::{Html, Node, Selector};
    const BLOCKS: &[&str] = &[
        "p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "th", "td", "caption",
        "address", "br", "div", "section", "ul", "ol", "dl", "table", "tr", "form", "label",
        "option", "button", "legend", "fieldset",
    ];
    let doc = Html::parse_document(html);
    let main = doc
        .select(&Selector::parse("main").unwrap())
        .next()
        .expect("a main element");
    let mut out = String::new();
    let mut skip = 0usize;
    for edge in main.traverse() {
        match edge {
            ego_tree::iter::Edge::Open(node) => match node.value() {
                Node::Element(e) => {
                    let name = e.name();
                    if name == "script" || (skip_forms && name == "form") || skip > 0 {
                        skip += 1;
                    } else if BLOCKS.contains(&name) {
                        out.push_str("\n\n");
                    }
                }
                Node::Text(t) if skip == 0 => out.push_str(t),
                _ => {}
            },
            ego_tree::iter::Edge::Close(node) => {
                if let Node::Element(e) = node.value() {
                    if skip > 0 {
                        skip -= 1;
                    } else if BLOCKS.contains(&e.name()) {
                        out.push_str("\n\n");
                    }
                }
            }
        }
    }
    out.split("\n\n")
        .map(|b| b.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|b| !b.is_empty())
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// Every published demo offer's public page, and the catalogue's prose, read at
/// Flesch-Amstad 60 or more, measured on the text the page shows; `lernweg readability
/// --offer` measures the same text.
#[tokio::test]
async fn demo_offer_pages_are_plain_language_and_the_cli_measures_them() {
    use lernweg_offers::readability::{FLESCH_TARGET, analyze};
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_str().unwrap().to_owned();
    let (server, url, _) = demo(&d);
    let get = |path: String| async move { reqwest::get(path).await.unwrap().text().await.unwrap() };
    let list: serde_json::Value =
        serde_json::from_str(&get(format!("{url}/api/v1/public/offers")).await).unwrap();
    let offers = list.as_array().unwrap();
    assert!(offers.len() >= 4, "{list}");
    let catalogue = visible_main_text(&get(format!("{url}/angebote")).await, true);
    let r = analyze(&catalogue);
    assert!(
        r.flesch_amstad >= FLESCH_TARGET,
        "/angebote: Flesch-Amstad {}:\n{catalogue}",
        r.flesch_amstad
    );
    let mut pages = Vec::new();
    for o in offers {
        let slug = o["slug"].as_str().unwrap().to_owned();
        let html = get(format!("{url}/angebote/{slug}")).await;
        pages.push((slug, visible_main_text(&html, false), html));
    }
    drop(server);
    for (slug, text, html) in &pages {
        let r = analyze(text);
        assert!(
            r.flesch_amstad >= FLESCH_TARGET,
            "{slug}: Flesch-Amstad {}:\n{text}",
            r.flesch_amstad
        );
        assert!(!html.contains("KldB"), "{slug} shows a classification code");
        // The summary comes first: start, when, hours, costs, place, contact, how to apply.
        let summary = html.find("Auf einen Blick").expect("a summary");
        assert!(summary < html.find("Was lernen Sie?").unwrap(), "{slug}");
        for term in [
            "Beginn",
            "Wann",
            "Zeit pro Woche",
            "Kosten",
            "Ort",
            "Kontakt",
            "Anmelden",
        ] {
            let at = html.find(&format!("<dt>{term}</dt>")).unwrap_or(usize::MAX);
            assert!(
                at > summary && at < html.find("Was lernen Sie?").unwrap(),
                "{slug}: {term}"
            );
        }
        let out = ok(&lernweg(
            &[
                "readability",
                "--offer",
                slug,
                "--data-dir",
                &d,
                "--format",
                "json",
            ],
            None,
        ));
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(
            v["words"], r.words,
            "{slug}: the CLI measures the page's text"
        );
        assert_eq!(v["sentences"], r.sentences, "{slug}");
        assert_eq!(
            v["flesch_amstad"].as_f64().unwrap(),
            r.flesch_amstad,
            "{slug}"
        );
    }
    let e = err(&lernweg(
        &["readability", "--offer", "gibt-es-nicht", "--data-dir", &d],
        None,
    ));
    assert!(e.contains("no offer"), "{e}");
}
