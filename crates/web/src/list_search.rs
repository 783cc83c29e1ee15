//! The search form above a list page that can grow: a search field and the list's filters as
//! `<select>`s, sent with GET (no JavaScript), with a link back to the whole list. Rendered by
//! `templates/list_search.html` (`{% include "list_search.html" %}` with a `search` field).

use crate::i18n::Lang;
use crate::pages::admin::Choice;

/// One filter of a list.
pub struct ListFilter {
    pub name: &'static str,
    pub label: String,
    pub options: Vec<Choice>,
}

impl ListFilter {
    /// A filter whose first option is "all" (the empty value); `options` are value and label.
    pub fn new(
        lang: Lang,
        name: &'static str,
        label_key: &str,
        chosen: &str,
        options: Vec<(String, String)>,
    ) -> ListFilter {
        let mut all = vec![Choice {
            value: String::new(),
            label: lang.t("list-filter-all"),
            selected: chosen.is_empty(),
        }];
        all.extend(options.into_iter().map(|(value, label)| Choice {
            selected: value == chosen,
            value,
            label,
        }));
        ListFilter {
            name,
            label: lang.t(label_key),
            options: all,
        }
    }
}

/// The search form of one list.
pub struct ListSearch {
    /// The list's path (the form's action and the reset link).
    pub action: String,
    /// What the search field searches in ("Titel").
    pub label: String,
    pub q: String,
    pub button: String,
    pub reset: String,
    pub filters: Vec<ListFilter>,
    /// A search or a filter is in effect: the reset link is shown.
    pub active: bool,
}

impl ListSearch {
    pub fn new(
        lang: Lang,
        action: &str,
        label_key: &str,
        q: &str,
        filters: Vec<ListFilter>,
    ) -> Self {
        let active = !q.trim().is_empty()
            || filters
                .iter()
                .any(|f| f.options.iter().any(|o| o.selected && !o.value.is_empty()));
        ListSearch {
            action: action.to_owned(),
            label: lang.t(label_key),
            q: q.trim().to_owned(),
            button: lang.t("paging-search-button"),
            reset: lang.t("paging-reset"),
            filters,
            active,
        }
    }
}
