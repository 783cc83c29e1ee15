//! Paging for every list that can grow: `?page=`/`?q=` on pages (with [`Pager`], the
//! navigation under a list) and `?limit=`/`?cursor=` on the API (answering [`Items`]:
//! `{"items": […], "next_cursor": …}`). The rules of both are `lernweg_domain::paging`.

use lernweg_domain::{Cursor, Limit, PageNo, Paged, Search, Slice};
use serde::{Deserialize, Serialize};
use utoipa::{IntoParams, ToSchema};

use crate::error::ApiError;
use crate::i18n::Lang;

/// `?page=` and `?q=` of a list page; lists `#[serde(flatten)]` it into their own query with
/// their filters. Lenient: a page number that does not parse is the first page, an overlong
/// search is cut.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PageParams {
    pub page: String,
    pub q: String,
}

impl PageParams {
    pub fn page(&self) -> PageNo {
        PageNo::parse_lenient(&self.page)
    }

    pub fn search(&self) -> Option<Search> {
        Search::parse_lenient(&self.q)
    }
}

/// The navigation under a list page: "Seite 2 von 7 (312 Einträge)" and links to the page
/// before and after that keep the search and the filters.
#[derive(Debug, Clone)]
pub struct Pager {
    pub label: String,
    pub status: String,
    pub prev_label: String,
    pub next_label: String,
    pub prev: Option<String>,
    pub next: Option<String>,
}

impl Pager {
    /// `base` is the list's path; `keep` the query parameters to carry over (search and
    /// filters; empty values are left out).
    pub fn new<T>(lang: Lang, paged: &Paged<T>, base: &str, keep: &[(&str, &str)]) -> Pager {
        let page = paged.page.get();
        let pages = paged.pages();
        let href = |n: u32| {
            let mut query = form_urlencoded::Serializer::new(String::new());
            for (k, v) in keep.iter().filter(|(_, v)| !v.trim().is_empty()) {
                query.append_pair(k, v);
            }
            if n > 1 {
                query.append_pair("page", &n.to_string());
            }
            let query = query.finish();
            if query.is_empty() {
                base.to_owned()
            } else {
                format!("{base}?{query}")
            }
        };
        Pager {
            label: lang.t("paging-nav"),
            status: lang.t_args(
                if paged.capped {
                    "paging-status-more"
                } else {
                    "paging-status"
                },
                &[
                    ("page", page.to_string()),
                    ("pages", pages.to_string()),
                    ("total", paged.total.to_string()),
                ],
            ),
            prev_label: lang.t("paging-prev"),
            next_label: lang.t("paging-next"),
            prev: (page > 1).then(|| href(page.min(pages + 1) - 1)),
            next: (page < pages).then(|| href(page + 1)),
        }
    }
}

/// `?limit=` and `?cursor=` of an API list.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CursorParams {
    /// How many items to return: 1–500, default 50.
    pub limit: Option<String>,
    /// `next_cursor` of the previous answer; absent for the first items.
    pub cursor: Option<String>,
}

impl CursorParams {
    /// The limit and cursor; a wrong one is 422 naming `limit` or `cursor`.
    pub fn parse(&self) -> Result<(Limit, Option<Cursor>), ApiError> {
        let limit = Limit::parse(self.limit.as_deref().unwrap_or(""))?;
        let cursor = Cursor::parse(self.cursor.as_deref().unwrap_or(""))?;
        Ok((limit, cursor))
    }
}

/// One stretch of an API list. `next_cursor` is `null` on the last.
#[derive(Debug, Serialize, ToSchema)]
pub struct Items<T> {
    pub items: Vec<T>,
    /// Pass as `?cursor=` for the next items; `null` when there are no more.
    pub next_cursor: Option<String>,
}

impl<T> Items<T> {
    pub fn from_slice<S>(slice: Slice<S>, f: impl FnMut(S) -> T) -> Items<T> {
        Items {
            next_cursor: slice.next.as_ref().map(Cursor::encode),
            items: slice.items.into_iter().map(f).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lernweg_domain::paging::MAX_SEARCH;

    fn paged(page: u32, total: u64) -> Paged<()> {
        Paged {
            items: vec![],
            page: PageNo::parse(&page.to_string()).unwrap(),
            total,
            size: 50,
            capped: false,
        }
    }

    #[test]
    fn pager_links_keep_search_and_filters() {
        let p = Pager::new(
            Lang::De,
            &paged(2, 120),
            "/verwaltung/teilnehmende",
            &[("q", "Öz"), ("status", ""), ("kohorte", "k1")],
        );
        assert_eq!(
            p.prev.as_deref(),
            Some("/verwaltung/teilnehmende?q=%C3%96z&kohorte=k1")
        );
        assert_eq!(
            p.next.as_deref(),
            Some("/verwaltung/teilnehmende?q=%C3%96z&kohorte=k1&page=3")
        );
        assert!(p.status.contains('2') && p.status.contains('3') && p.status.contains("120"));
        let last = Pager::new(Lang::De, &paged(3, 120), "/x", &[]);
        assert_eq!((last.prev.as_deref(), last.next), (Some("/x?page=2"), None));
        let beyond = Pager::new(Lang::De, &paged(9, 120), "/x", &[]);
        assert_eq!(beyond.prev.as_deref(), Some("/x?page=3"));
    }

    #[test]
    fn a_capped_count_says_more_than() {
        let capped = Paged {
            capped: true,
            ..paged(1, 1000)
        };
        let p = Pager::new(Lang::De, &capped, "/x", &[]);
        assert_eq!(p.status, "Seite 1 von mehr als 20 (mehr als 1000 Einträge)");
        assert_eq!(p.next.as_deref(), Some("/x?page=2"));
        let p = Pager::new(Lang::En, &capped, "/x", &[]);
        assert_eq!(p.status, "Page 1 of more than 20 (more than 1000 entries)");
    }

    #[test]
    fn page_params_are_lenient() {
        let p = PageParams {
            page: "x".into(),
            q: format!("  {}", "a".repeat(300)),
        };
        assert_eq!(p.page(), PageNo::FIRST);
        assert_eq!(p.search().unwrap().as_str().len(), MAX_SEARCH);
    }

    #[test]
    fn cursor_params_name_the_wrong_field() {
        let bad = CursorParams {
            limit: Some("501".into()),
            cursor: None,
        };
        assert!(matches!(bad.parse(), Err(ApiError::Validation(v)) if v[0].field == "limit"));
        let bad = CursorParams {
            limit: None,
            cursor: Some("nope".into()),
        };
        assert!(matches!(bad.parse(), Err(ApiError::Validation(v)) if v[0].field == "cursor"));
    }
}
