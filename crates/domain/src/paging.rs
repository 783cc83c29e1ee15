//! Lists that can grow: the page number and search text of a page (`?page=`, `?q=`), and the
//! limit and opaque cursor of an API list (`?limit=`, `?cursor=`).
//!
//! Pages count rows (`page` of `PAGE_SIZE`, with the total); API lists walk by key (keyset
//! pagination: the cursor names the last row given, so a row added meanwhile neither repeats
//! nor skips one). The store fetches `limit + 1` rows and makes the cursor from the last one
//! kept when there were more.

use crate::ParseError;

/// Rows on one page of a list page.
pub const PAGE_SIZE: u32 = 50;
/// Rows an API list gives when the caller names no `limit`.
pub const DEFAULT_LIMIT: u32 = 50;
/// The largest `limit` an API list accepts.
pub const MAX_LIMIT: u32 = 500;
/// The longest search text accepted (characters).
pub const MAX_SEARCH: usize = 100;

/// A 1-based page number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PageNo(u32);

impl Default for PageNo {
    fn default() -> Self {
        PageNo(1)
    }
}

impl PageNo {
    pub const FIRST: PageNo = PageNo(1);

    /// `""` is the first page; anything but a whole number from 1 is an error.
    pub fn parse(input: &str) -> Result<PageNo, ParseError> {
        let input = input.trim();
        if input.is_empty() {
            return Ok(PageNo::FIRST);
        }
        match input.parse::<u32>() {
            Ok(n) if n >= 1 => Ok(PageNo(n)),
            _ => Err(ParseError::new(
                "page",
                "invalid_page",
                format!("page must be a whole number from 1, not {input:?}"),
            )),
        }
    }

    /// For pages: a page number that does not parse is the first page (a link cut short
    /// should still show the list).
    pub fn parse_lenient(input: &str) -> PageNo {
        PageNo::parse(input).unwrap_or_default()
    }

    pub fn get(self) -> u32 {
        self.0
    }

    /// Rows before this page.
    pub fn offset(self, size: u32) -> u64 {
        u64::from(self.0 - 1) * u64::from(size)
    }
}

/// A search text: trimmed, inner whitespace collapsed, at most [`MAX_SEARCH`] characters,
/// compared case-insensitively (lower case).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Search(String);

impl Search {
    /// `None` for an empty or blank input.
    pub fn parse(input: &str) -> Result<Option<Search>, ParseError> {
        let text = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.is_empty() {
            return Ok(None);
        }
        if text.chars().count() > MAX_SEARCH {
            return Err(ParseError::new(
                "q",
                "too_long",
                format!("search text longer than {MAX_SEARCH} characters"),
            ));
        }
        Ok(Some(Search(text.to_lowercase())))
    }

    /// The search of a page, which forgives: a text longer than [`MAX_SEARCH`] characters is
    /// cut rather than refused; `None` for an empty or blank input.
    pub fn parse_lenient(input: &str) -> Option<Search> {
        let cut: String = input.trim().chars().take(MAX_SEARCH).collect();
        Search::parse(&cut).ok().flatten()
    }

    /// The search text as typed (trimmed, lower case).
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// A `LIKE` pattern that finds the text anywhere, with `\` as the escape character
    /// (`... LIKE $n ESCAPE '\'`): `%`, `_` and `\` in the text match themselves.
    pub fn like_pattern(&self) -> String {
        let mut out = String::with_capacity(self.0.len() + 2);
        out.push('%');
        for c in self.0.chars() {
            if matches!(c, '%' | '_' | '\\') {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('%');
        out
    }
}

/// How many rows an API list gives: 1 to [`MAX_LIMIT`], [`DEFAULT_LIMIT`] when not named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limit(u32);

impl Default for Limit {
    fn default() -> Self {
        Limit(DEFAULT_LIMIT)
    }
}

impl Limit {
    /// The most rows a list gives at once.
    pub const MAX: Limit = Limit(MAX_LIMIT);

    pub fn parse(input: &str) -> Result<Limit, ParseError> {
        let input = input.trim();
        if input.is_empty() {
            return Ok(Limit::default());
        }
        match input.parse::<u32>() {
            Ok(n) if (1..=MAX_LIMIT).contains(&n) => Ok(Limit(n)),
            _ => Err(ParseError::new(
                "limit",
                "invalid_limit",
                format!("limit must be a whole number from 1 to {MAX_LIMIT}, not {input:?}"),
            )),
        }
    }

    pub fn new(n: u32) -> Limit {
        Limit(n.clamp(1, MAX_LIMIT))
    }

    pub fn get(self) -> u32 {
        self.0
    }
}

/// Where an API list goes on: the sort key and id of the last row given. Opaque to callers
/// (hex text); only a cursor this server made parses.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cursor {
    /// The sort key of the last row (empty when the list is ordered by id alone).
    pub key: String,
    /// The id of the last row: the tie-breaker.
    pub id: String,
}

const CURSOR_VERSION: &str = "c1";
const SEP: char = '\u{1f}';

impl Cursor {
    pub fn new(key: impl Into<String>, id: impl Into<String>) -> Cursor {
        Cursor {
            key: key.into(),
            id: id.into(),
        }
    }

    /// The opaque text form.
    pub fn encode(&self) -> String {
        let plain = format!("{CURSOR_VERSION}{SEP}{}{SEP}{}", self.key, self.id);
        plain.bytes().map(|b| format!("{b:02x}")).collect()
    }

    /// `""` is no cursor (the first rows); a text this server did not make is an error.
    pub fn parse(input: &str) -> Result<Option<Cursor>, ParseError> {
        let input = input.trim();
        if input.is_empty() {
            return Ok(None);
        }
        let bad = || ParseError::new("cursor", "invalid_cursor", "not a cursor of this list");
        if !input.len().is_multiple_of(2) || input.len() > 2048 {
            return Err(bad());
        }
        let bytes = (0..input.len())
            .step_by(2)
            .map(|i| {
                u8::from_str_radix(input.get(i..i + 2).ok_or_else(bad)?, 16).map_err(|_| bad())
            })
            .collect::<Result<Vec<u8>, _>>()?;
        let plain = String::from_utf8(bytes).map_err(|_| bad())?;
        let mut parts = plain.split(SEP);
        match (parts.next(), parts.next(), parts.next(), parts.next()) {
            (Some(CURSOR_VERSION), Some(key), Some(id), None) if !id.is_empty() => {
                Ok(Some(Cursor::new(key, id)))
            }
            _ => Err(bad()),
        }
    }
}

/// One stretch of an API list: the rows and, when there are more, the cursor of the next.
#[derive(Debug, Clone, PartialEq)]
pub struct Slice<T> {
    pub items: Vec<T>,
    pub next: Option<Cursor>,
}

impl<T> Slice<T> {
    /// From `limit + 1` fetched rows: keeps `limit` and makes the cursor from the last kept
    /// when a further row came back.
    pub fn from_fetched(mut rows: Vec<T>, limit: Limit, cursor_of: impl Fn(&T) -> Cursor) -> Self {
        let limit = limit.get() as usize;
        let next = if rows.len() > limit {
            rows.truncate(limit);
            rows.last().map(cursor_of)
        } else {
            None
        };
        Slice { items: rows, next }
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Slice<U> {
        Slice {
            items: self.items.into_iter().map(f).collect(),
            next: self.next,
        }
    }
}

/// One page of a list page: its rows, which page it is and how many rows the list has.
#[derive(Debug, Clone, PartialEq)]
pub struct Paged<T> {
    pub items: Vec<T>,
    pub page: PageNo,
    /// How many rows the list has; with [`Self::capped`] only a lower bound.
    pub total: u64,
    pub size: u32,
    /// The count stopped early ([`COUNT_AHEAD_PAGES`] pages past this one): the list has
    /// more than [`Self::total`] rows. Counting 10,000 rows for every page costs more than
    /// showing the page.
    pub capped: bool,
}

/// How many pages past the current one a page's count looks (see [`Paged::capped`]).
pub const COUNT_AHEAD_PAGES: u64 = 20;

impl<T> Paged<T> {
    /// Number of pages (at least 1, so that an empty list is "page 1 of 1").
    pub fn pages(&self) -> u32 {
        let size = u64::from(self.size.max(1));
        u32::try_from(self.total.div_ceil(size).max(1)).unwrap_or(u32::MAX)
    }

    pub fn map<U>(self, f: impl FnMut(T) -> U) -> Paged<U> {
        Paged {
            items: self.items.into_iter().map(f).collect(),
            page: self.page,
            total: self.total,
            size: self.size,
            capped: self.capped,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers() {
        assert_eq!(PageNo::parse("").unwrap(), PageNo::FIRST);
        assert_eq!(PageNo::parse(" 3 ").unwrap().get(), 3);
        assert_eq!(PageNo::parse("3").unwrap().offset(50), 100);
        for bad in ["0", "-1", "x", "1.5", "99999999999"] {
            assert_eq!(
                PageNo::parse(bad).unwrap_err().code,
                "invalid_page",
                "{bad}"
            );
            assert_eq!(PageNo::parse_lenient(bad), PageNo::FIRST);
        }
    }

    #[test]
    fn search_is_trimmed_lowercased_and_escaped() {
        assert_eq!(Search::parse("  ").unwrap(), None);
        let s = Search::parse("  Ayşe   ÖZ ").unwrap().unwrap();
        assert_eq!(s.as_str(), "ayşe öz");
        assert_eq!(s.like_pattern(), "%ayşe öz%");
        let s = Search::parse("50%_a\\b").unwrap().unwrap();
        assert_eq!(s.like_pattern(), "%50\\%\\_a\\\\b%");
        assert_eq!(
            Search::parse(&"x".repeat(MAX_SEARCH + 1)).unwrap_err().code,
            "too_long"
        );
        assert!(Search::parse(&"ü".repeat(MAX_SEARCH)).unwrap().is_some());
    }

    #[test]
    fn limits() {
        assert_eq!(Limit::parse("").unwrap().get(), DEFAULT_LIMIT);
        assert_eq!(Limit::parse("500").unwrap().get(), 500);
        for bad in ["0", "501", "-3", "ten"] {
            assert_eq!(
                Limit::parse(bad).unwrap_err().code,
                "invalid_limit",
                "{bad}"
            );
        }
        assert_eq!(Limit::new(10_000).get(), MAX_LIMIT);
    }

    #[test]
    fn cursors_round_trip_and_refuse_foreign_text() {
        let c = Cursor::new("Öztürk\u{0}Ayşe", "0190a1b2-0000-7000-8000-000000000001");
        let text = c.encode();
        assert!(text.chars().all(|ch| ch.is_ascii_hexdigit()));
        assert_eq!(Cursor::parse(&text).unwrap(), Some(c));
        assert_eq!(Cursor::parse("").unwrap(), None);
        for bad in ["abc", "zz", "6869", &Cursor::new("k", "").encode()] {
            assert_eq!(
                Cursor::parse(bad).unwrap_err().code,
                "invalid_cursor",
                "{bad}"
            );
        }
    }

    #[test]
    fn slices_keep_the_limit_and_point_at_the_last_row_kept() {
        let rows: Vec<u32> = (1..=4).collect();
        let s = Slice::from_fetched(rows.clone(), Limit::new(3), |n| {
            Cursor::new("", n.to_string())
        });
        assert_eq!(s.items, vec![1, 2, 3]);
        assert_eq!(s.next, Some(Cursor::new("", "3")));
        let s = Slice::from_fetched(rows, Limit::new(4), |n| Cursor::new("", n.to_string()));
        assert_eq!((s.items.len(), s.next), (4, None));
    }

    #[test]
    fn page_counts() {
        let p = |total| Paged::<u8> {
            items: vec![],
            page: PageNo::FIRST,
            total,
            size: 50,
            capped: false,
        };
        assert_eq!(p(0).pages(), 1);
        assert_eq!(p(50).pages(), 1);
        assert_eq!(p(51).pages(), 2);
        assert_eq!(p(10_000).pages(), 200);
    }
}
