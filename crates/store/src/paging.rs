//! One way to write a list query that can grow: conditions (the provider scope, filters,
//! a search over lower-cased columns), an order, and either a page (`LIMIT … OFFSET …` with
//! the total) or a keyset stretch after a cursor (`LIMIT n + 1`).
//!
//! Never `($1 = '' OR provider_id = $1)`: an unscoped list simply has no provider condition,
//! so that both databases use the provider indexes.

use lernweg_domain::paging::COUNT_AHEAD_PAGES;
use lernweg_domain::{Cursor, Limit, PageNo, Paged, ProviderId, Search, Slice};
use sqlx::any::AnyArguments;
use sqlx::query::Query;

use crate::db::RowMapper;
use crate::{Store, StoreError};

/// A list query under construction. Every value is bound as text, in the order added.
#[derive(Debug, Clone)]
// Until every list has moved over (issue 12), not every way out is used yet.
#[allow(dead_code)]
pub(crate) struct ListSql {
    select: &'static str,
    from: &'static str,
    conds: Vec<String>,
    binds: Vec<String>,
}

#[allow(dead_code)]
impl ListSql {
    /// `select` is the column list, `from` the tables (with their joins).
    pub fn new(select: &'static str, from: &'static str) -> ListSql {
        ListSql {
            select,
            from,
            conds: Vec::new(),
            binds: Vec::new(),
        }
    }

    fn bind(&mut self, value: impl Into<String>) -> String {
        self.binds.push(value.into());
        format!("${}", self.binds.len())
    }

    /// `column = provider` when the list is scoped to a provider; nothing for all providers.
    pub fn scope(mut self, column: &str, scope: Option<ProviderId>) -> ListSql {
        if let Some(p) = scope {
            let n = self.bind(p.to_string());
            self.conds.push(format!("{column} = {n}"));
        }
        self
    }

    /// A condition with one value: `{}` in `cond` is its placeholder (may appear twice).
    pub fn filter(mut self, cond: &str, value: Option<impl Into<String>>) -> ListSql {
        if let Some(v) = value {
            let n = self.bind(v);
            self.conds.push(cond.replace("{}", &n));
        }
        self
    }

    /// A condition with several values: `{0}`, `{1}`, … in `cond` are their placeholders.
    pub fn filter_all(mut self, cond: &str, values: Option<Vec<String>>) -> ListSql {
        if let Some(values) = values {
            let mut cond = cond.to_owned();
            for (i, v) in values.into_iter().enumerate() {
                let n = self.bind(v);
                cond = cond.replace(&format!("{{{i}}}"), &n);
            }
            self.conds.push(cond);
        }
        self
    }

    /// A condition without a value (`status <> 'closed'`).
    pub fn when(mut self, cond: &str, on: bool) -> ListSql {
        if on {
            self.conds.push(cond.to_owned());
        }
        self
    }

    /// The search text anywhere in one of `columns`. Columns are compared as
    /// `lower(column)`, which lower-cases only ASCII in SQLite: a column that holds names with
    /// umlauts should be stored lower-cased by Rust already (as `participants.search_text`)
    /// and searched with [`Self::search_lowered`].
    pub fn search(self, columns: &[&str], search: Option<&Search>) -> ListSql {
        self.search_with(columns, search, |c| format!("lower({c})"))
    }

    /// Like [`Self::search`], for columns stored lower-cased already: compared as they are,
    /// so that an index holding the column answers the search without reading the table.
    pub fn search_lowered(self, columns: &[&str], search: Option<&Search>) -> ListSql {
        self.search_with(columns, search, |c| c.to_owned())
    }

    fn search_with(
        mut self,
        columns: &[&str],
        search: Option<&Search>,
        column: impl Fn(&str) -> String,
    ) -> ListSql {
        if let Some(s) = search {
            let n = self.bind(s.like_pattern());
            let any = columns
                .iter()
                .map(|c| format!("{} LIKE {n} ESCAPE '\\'", column(c)))
                .collect::<Vec<_>>()
                .join(" OR ");
            self.conds.push(format!("({any})"));
        }
        self
    }

    fn where_clause(&self) -> String {
        if self.conds.is_empty() {
            String::new()
        } else {
            format!(" WHERE {}", self.conds.join(" AND "))
        }
    }

    /// The query `sql` (built here from fixed fragments; every value is bound) with the
    /// values bound.
    fn bound(&self, store: &Store, sql: String) -> Query<'static, sqlx::Any, AnyArguments> {
        #[cfg(feature = "test-support")]
        if let Ok(mut seen) = store.lists_run.lock() {
            seen.push((sql.clone(), self.binds.clone()));
        }
        #[cfg(not(feature = "test-support"))]
        let _ = store;
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for b in &self.binds {
            q = q.bind(b.clone());
        }
        q
    }

    /// All rows, in `order` (for lists that stay small, and for tests).
    pub async fn all<T>(
        &self,
        store: &Store,
        order: &str,
        map: RowMapper<T>,
    ) -> Result<Vec<T>, StoreError> {
        let sql = format!(
            "SELECT {} FROM {}{} ORDER BY {order}",
            self.select,
            self.from,
            self.where_clause()
        );
        let rows = self.bound(store, sql).fetch_all(&store.pool).await?;
        rows.iter().map(map).collect()
    }

    /// One page in `order`, with the number of matching rows (counted up to
    /// [`COUNT_AHEAD_PAGES`] pages ahead, see [`Paged::capped`]): two queries.
    pub async fn page<T>(
        &self,
        store: &Store,
        order: &str,
        page: PageNo,
        size: u32,
        map: RowMapper<T>,
    ) -> Result<Paged<T>, StoreError> {
        // Counted up to COUNT_AHEAD_PAGES pages past this one: enough for the pager, and the
        // same cost whether the list has 1,000 or 100,000 rows.
        let cap = page.offset(size) + u64::from(size) * COUNT_AHEAD_PAGES + 1;
        let count_sql = format!(
            "SELECT COUNT(*) FROM (SELECT 1 FROM {}{} LIMIT {cap}) counted",
            self.from,
            self.where_clause()
        );
        let counted: i64 = self
            .bound(store, count_sql)
            .fetch_one(&store.pool)
            .await
            .and_then(|r| sqlx::Row::try_get(&r, 0))?;
        let counted = u64::try_from(counted).unwrap_or(0);
        let capped = counted >= cap;
        let total = if capped { cap - 1 } else { counted };
        let sql = format!(
            "SELECT {} FROM {}{} ORDER BY {order} LIMIT {size} OFFSET {}",
            self.select,
            self.from,
            self.where_clause(),
            page.offset(size)
        );
        let rows = self.bound(store, sql).fetch_all(&store.pool).await?;
        Ok(Paged {
            items: rows.iter().map(map).collect::<Result<_, _>>()?,
            page,
            total,
            size,
            capped,
        })
    }

    /// The rows after `cursor` in the order of `key` then `id` (both ascending, or both
    /// descending with `descending`), at most `limit`, with the cursor of the next stretch.
    /// `key` may be `None` for lists ordered by id alone (UUID v7: creation order).
    #[allow(clippy::too_many_arguments)]
    pub async fn after<T>(
        mut self,
        store: &Store,
        key: Option<&str>,
        id: &str,
        descending: bool,
        cursor: Option<&Cursor>,
        limit: Limit,
        map: RowMapper<T>,
        cursor_of: impl Fn(&T) -> Cursor,
    ) -> Result<Slice<T>, StoreError> {
        let cmp = if descending { "<" } else { ">" };
        let dir = if descending { "DESC" } else { "ASC" };
        if let Some(c) = cursor {
            let cond = match key {
                Some(k) => {
                    let kn = self.bind(c.key.clone());
                    let idn = self.bind(c.id.clone());
                    format!("({k} {cmp} {kn} OR ({k} = {kn} AND {id} {cmp} {idn}))")
                }
                None => {
                    let idn = self.bind(c.id.clone());
                    format!("{id} {cmp} {idn}")
                }
            };
            self.conds.push(cond);
        }
        let order = match key {
            Some(k) => format!("{k} {dir}, {id} {dir}"),
            None => format!("{id} {dir}"),
        };
        let sql = format!(
            "SELECT {} FROM {}{} ORDER BY {order} LIMIT {}",
            self.select,
            self.from,
            self.where_clause(),
            limit.get() + 1
        );
        let rows = self.bound(store, sql).fetch_all(&store.pool).await?;
        let rows = rows.iter().map(map).collect::<Result<Vec<T>, _>>()?;
        Ok(Slice::from_fetched(rows, limit, cursor_of))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conditions_number_their_placeholders_in_order() {
        let p = ProviderId::parse("0190a1b2-0000-7000-8000-000000000001").unwrap();
        let s = Search::parse("Öz").unwrap();
        let q = ListSql::new("id", "participants")
            .scope("provider_id", Some(p))
            .filter("status = {}", Some("active"))
            .filter("cohort_id = {}", None::<String>)
            .search(&["search_text"], s.as_ref())
            .when("erased = 0", true);
        assert_eq!(
            q.where_clause(),
            " WHERE provider_id = $1 AND status = $2 AND (lower(search_text) LIKE $3 ESCAPE '\\') AND erased = 0"
        );
        assert_eq!(q.binds[2], "%öz%");
        let both = ListSql::new("id", "participants")
            .filter("a = {}", Some("x"))
            .filter_all(
                "b = {0} AND c = {1} AND d = {0}",
                Some(vec!["y".into(), "z".into()]),
            )
            .filter_all("e = {0}", None);
        assert_eq!(
            both.where_clause(),
            " WHERE a = $1 AND b = $2 AND c = $3 AND d = $2"
        );
        assert_eq!(both.binds, ["x", "y", "z"]);
        let unscoped = ListSql::new("id", "participants").scope("provider_id", None);
        assert_eq!(unscoped.where_clause(), "");
    }
}
