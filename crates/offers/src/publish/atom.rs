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
