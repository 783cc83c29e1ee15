//! An Atom 1.0 feed (RFC 4287) of new offers, for employers, advisers of the employment
//! agency and job centres and counselling services who follow a provider's offers
//! (MISSION.md §2.2). Plain text only (`type="text"`), every value XML-escaped.

use chrono::{DateTime, FixedOffset, NaiveDate, SecondsFormat};

use super::escape_xml;

/// The feed's author (RFC 4287 §3.2); for an offer feed, the provider.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AtomPerson {
    pub name: String,
    pub uri: Option<String>,
    pub email: Option<String>,
}

/// A category of an entry, e.g. the goal or the delivery mode.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AtomCategory {
    /// The machine term, e.g. `partial_qualification`.
    pub term: String,
    /// The text a person reads, e.g. "Teilqualifizierung (TQ)".
    pub label: Option<String>,
    pub scheme: Option<String>,
}

/// One offer.
#[derive(Debug, Clone, PartialEq)]
pub struct AtomEntry {
    /// A permanent IRI that never changes for this offer: see [`tag_uri`].
    pub id: String,
    pub title: String,
    pub updated: DateTime<FixedOffset>,
    /// When the offer was first published.
    pub published: DateTime<FixedOffset>,
    /// The public offer page (`link rel="alternate"`).
    pub url: String,
    /// Plain text, e.g. target group, dates and place.
    pub summary: String,
    pub categories: Vec<AtomCategory>,
}

/// The whole feed.
#[derive(Debug, Clone, PartialEq)]
pub struct AtomFeed {
    /// A permanent IRI (`tag:` per RFC 4151 or `urn:uuid:`).
    pub id: String,
    pub title: String,
    pub subtitle: Option<String>,
    /// When the feed last changed; the feed says the later of this and its newest entry.
    pub updated: DateTime<FixedOffset>,
    /// The feed's own URL (`link rel="self"`).
    pub self_url: String,
    /// The HTML page listing the offers (`link rel="alternate"`).
    pub alternate_url: String,
    pub author: AtomPerson,
    /// `xml:lang`, e.g. "de".
    pub lang: String,
    pub entries: Vec<AtomEntry>,
}

/// A tag URI (RFC 4151): `tag:traeger.example,2026-11-24:offer/fachsprache-pflege`. The
/// authority is a domain or e-mail address the provider owned on `date`; keep both fixed
/// for an entry's life (e.g. the date the offer was created).
pub fn tag_uri(authority: &str, date: NaiveDate, specific: &str) -> String {
    let specific: String = specific
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "-._~!$&'()*+,;=:@/?".contains(c) {
                c
            } else {
                '-'
            }
        })
        .collect();
    format!(
        "tag:{},{}:{}",
        authority.trim().to_ascii_lowercase(),
        date.format("%Y-%m-%d"),
        specific
    )
}

fn time(t: &DateTime<FixedOffset>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

fn leaf(out: &mut String, indent: &str, name: &str, attrs: &str, text: &str) {
    out.push_str(&format!(
        "{indent}<{name}{attrs}>{}</{name}>\n",
        escape_xml(text)
    ));
}

fn attr(name: &str, value: &str) -> String {
    format!(" {name}=\"{}\"", escape_xml(value))
}

fn person(out: &mut String, indent: &str, tag: &str, p: &AtomPerson) {
    out.push_str(&format!("{indent}<{tag}>\n"));
    let inner = format!("{indent}  ");
    leaf(out, &inner, "name", "", &p.name);
    if let Some(uri) = p.uri.as_ref().filter(|u| !u.trim().is_empty()) {
        leaf(out, &inner, "uri", "", uri);
    }
    if let Some(email) = p.email.as_ref().filter(|e| !e.trim().is_empty()) {
        leaf(out, &inner, "email", "", email);
    }
    out.push_str(&format!("{indent}</{tag}>\n"));
}

/// The entries newest first: by `published`, then `updated`, then id (stable output).
pub fn sorted_entries(entries: &[AtomEntry]) -> Vec<&AtomEntry> {
    let mut list: Vec<&AtomEntry> = entries.iter().collect();
    list.sort_by(|a, b| {
        (b.published, b.updated)
            .cmp(&(a.published, a.updated))
            .then_with(|| a.id.cmp(&b.id))
    });
    list
}

/// Writes the feed as UTF-8 XML (serve as `application/atom+xml; charset=utf-8`).
pub fn offers_feed(feed: &AtomFeed) -> String {
    let updated = feed
        .entries
        .iter()
        .map(|e| e.updated.max(e.published))
        .fold(feed.updated, |a, b| if b > a { b } else { a });
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\"{}>\n",
        attr("xml:lang", &feed.lang)
    ));
    leaf(&mut out, "  ", "id", "", &feed.id);
    leaf(&mut out, "  ", "title", &attr("type", "text"), &feed.title);
    if let Some(s) = feed.subtitle.as_ref().filter(|s| !s.trim().is_empty()) {
        leaf(&mut out, "  ", "subtitle", &attr("type", "text"), s);
    }
    leaf(&mut out, "  ", "updated", "", &time(&updated));
    out.push_str(&format!(
        "  <link{}{}{}/>\n",
        attr("rel", "self"),
        attr("type", "application/atom+xml"),
        attr("href", &feed.self_url)
    ));
    out.push_str(&format!(
        "  <link{}{}{}/>\n",
        attr("rel", "alternate"),
        attr("type", "text/html"),
        attr("href", &feed.alternate_url)
    ));
    person(&mut out, "  ", "author", &feed.author);
    leaf(&mut out, "  ", "generator", "", "Lernweg");
    for e in sorted_entries(&feed.entries) {
        out.push_str("  <entry>\n");
        leaf(&mut out, "    ", "id", "", &e.id);
        leaf(&mut out, "    ", "title", &attr("type", "text"), &e.title);
        leaf(&mut out, "    ", "updated", "", &time(&e.updated));
        leaf(&mut out, "    ", "published", "", &time(&e.published));
        out.push_str(&format!(
            "    <link{}{}{}/>\n",
            attr("rel", "alternate"),
            attr("type", "text/html"),
            attr("href", &e.url)
        ));
        for c in e.categories.iter().filter(|c| !c.term.trim().is_empty()) {
            let mut attrs = attr("term", &c.term);
            if let Some(s) = &c.scheme {
                attrs.push_str(&attr("scheme", s));
            }
            if let Some(l) = &c.label {
                attrs.push_str(&attr("label", l));
            }
            out.push_str(&format!("    <category{attrs}/>\n"));
        }
        leaf(
            &mut out,
            "    ",
            "summary",
            &attr("type", "text"),
            &e.summary,
        );
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    const ATOM: &str = "http://www.w3.org/2005/Atom";

    fn t(s: &str) -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339(s).unwrap()
    }

    fn entry(slug: &str, published: &str, title: &str) -> AtomEntry {
        AtomEntry {
            id: tag_uri(
                "traeger.example",
                date(2026, 11, 1),
                &format!("offer/{slug}"),
            ),
            title: title.into(),
            updated: t(published),
            published: t(published),
            url: format!("https://lernweg.example/angebote/{slug}?ref=feed&x=1"),
            summary: format!("Für Pflegekräfte <B1> & \"mehr\": {slug}"),
            categories: vec![AtomCategory {
                term: "partial_qualification".into(),
                label: Some("Teilqualifizierung (TQ)".into()),
                scheme: Some("https://lernweg.example/ziele".into()),
            }],
        }
    }

    fn feed() -> AtomFeed {
        AtomFeed {
            id: "urn:uuid:0190f5a2-7d1c-7c3e-9a55-1d2e3f405162".into(),
            title: "Neue Angebote – Bildungsträger Süd & Partner".into(),
            subtitle: Some("Berufsbegleitende Qualifizierung".into()),
            updated: t("2026-11-20T08:00:00+01:00"),
            self_url: "https://lernweg.example/feeds/angebote.atom".into(),
            alternate_url: "https://lernweg.example/angebote".into(),
            author: AtomPerson {
                name: "Bildungsträger Süd gGmbH".into(),
                uri: Some("https://traeger.example".into()),
                email: None,
            },
            lang: "de".into(),
            entries: vec![
                entry("alt", "2026-10-01T09:00:00+02:00", "Altes Angebot"),
                entry(
                    "neu",
                    "2026-11-24T10:15:00+01:00",
                    "Neu: <Pflege> & \"Praxis\"",
                ),
                entry("mitte", "2026-11-02T12:00:00Z", "Mittleres Angebot"),
            ],
        }
    }

    fn child<'a, 'i>(n: roxmltree::Node<'a, 'i>, name: &str) -> Vec<roxmltree::Node<'a, 'i>> {
        n.children()
            .filter(|c| c.is_element() && c.tag_name().name() == name)
            .collect()
    }

    fn text<'a>(n: roxmltree::Node<'a, '_>, name: &str) -> &'a str {
        let list = child(n, name);
        assert_eq!(list.len(), 1, "exactly one {name}");
        list[0].text().unwrap_or("")
    }

    #[test]
    fn feed_has_the_rfc_4287_structure() {
        let f = feed();
        let xml = offers_feed(&f);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        assert_eq!(root.tag_name().name(), "feed");
        assert_eq!(root.tag_name().namespace(), Some(ATOM));
        assert_eq!(
            root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")),
            Some("de")
        );
        // Every element is in the Atom namespace.
        assert!(
            root.descendants()
                .filter(|n| n.is_element())
                .all(|n| n.tag_name().namespace() == Some(ATOM))
        );
        // atom:feed: exactly one id, title, updated; an author; links.
        assert_eq!(text(root, "id"), f.id);
        assert_eq!(text(root, "title"), f.title);
        // The newest entry (10:15+01:00) is later than the given 08:00.
        assert_eq!(text(root, "updated"), "2026-11-24T10:15:00+01:00");
        let author = child(root, "author");
        assert_eq!(text(author[0], "name"), "Bildungsträger Süd gGmbH");
        let links = child(root, "link");
        let rel = |rel: &str| {
            links
                .iter()
                .find(|l| l.attribute("rel") == Some(rel))
                .and_then(|l| l.attribute("href"))
        };
        assert_eq!(rel("self"), Some(f.self_url.as_str()));
        assert_eq!(rel("alternate"), Some(f.alternate_url.as_str()));

        let entries = child(root, "entry");
        assert_eq!(entries.len(), 3);
        for e in &entries {
            for required in ["id", "title", "updated", "published", "summary"] {
                assert_eq!(child(*e, required).len(), 1, "{required}");
            }
            assert!(DateTime::parse_from_rfc3339(text(*e, "updated")).is_ok());
            assert!(text(*e, "id").starts_with("tag:traeger.example,2026-11-01:offer/"));
            let link = child(*e, "link");
            assert_eq!(link[0].attribute("rel"), Some("alternate"));
            assert_eq!(child(*e, "summary")[0].attribute("type"), Some("text"));
            let c = child(*e, "category");
            assert_eq!(c[0].attribute("term"), Some("partial_qualification"));
            assert_eq!(c[0].attribute("label"), Some("Teilqualifizierung (TQ)"));
        }
        // Newest first, whatever the input order.
        let titles: Vec<_> = entries.iter().map(|e| text(*e, "title")).collect();
        assert_eq!(
            titles,
            [
                "Neu: <Pflege> & \"Praxis\"",
                "Mittleres Angebot",
                "Altes Angebot"
            ]
        );
        assert_eq!(text(entries[1], "published"), "2026-11-02T12:00:00Z");
    }

    #[test]
    fn special_characters_are_escaped_and_round_trip() {
        let mut f = feed();
        f.entries[0].summary = "a & b < c > d \" e ' f \u{1} g".into();
        f.author.email = Some("info@traeger.example".into());
        let xml = offers_feed(&f);
        assert!(xml.contains("Neu: &lt;Pflege&gt; &amp; &quot;Praxis&quot;"));
        assert!(xml.contains("?ref=feed&amp;x=1"));
        assert!(xml.contains("Süd &amp; Partner"));
        assert!(!xml.contains('\u{1}'));
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        let old = child(root, "entry")
            .into_iter()
            .find(|e| text(*e, "title") == "Altes Angebot")
            .unwrap();
        assert_eq!(text(old, "summary"), "a & b < c > d \" e ' f  g");
        assert_eq!(
            child(old, "link")[0].attribute("href"),
            Some("https://lernweg.example/angebote/alt?ref=feed&x=1")
        );
        assert_eq!(
            text(child(root, "author")[0], "email"),
            "info@traeger.example"
        );
    }

    #[test]
    fn empty_feed_is_valid_and_tag_uris_are_clean() {
        let mut f = feed();
        f.entries.clear();
        f.subtitle = None;
        let xml = offers_feed(&f);
        let doc = roxmltree::Document::parse(&xml).unwrap();
        let root = doc.root_element();
        assert_eq!(text(root, "updated"), "2026-11-20T08:00:00+01:00");
        assert!(child(root, "entry").is_empty() && child(root, "subtitle").is_empty());
        assert_eq!(
            tag_uri(
                "Traeger.example",
                date(2026, 1, 5),
                "offer/Fachsprache Pflege#1"
            ),
            "tag:traeger.example,2026-01-05:offer/Fachsprache-Pflege-1"
        );
    }
}
