//! Many rows read as one. sqlx's SQLite driver runs each connection on a thread of its own
//! and hands every result row to the async side separately (a channel send and a wake-up per
//! row); with hundreds of rows on a page that costs more than reading them (`perf` under
//! `bench/pages.sh`: the thread hand-over took about 40 % of the participant page's CPU time).
//! Hot reads of many rows therefore come packed into one JSON array, each row an array of its
//! columns in the order named: `json_group_array` on SQLite, `json_agg` on PostgreSQL.
//!
//! A row mapper written against [`Cells`] reads a packed row and an [`AnyRow`] alike.

use serde_json::Value;
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::db::Backend;
use crate::{Store, StoreError};

/// The columns of a row by name, from a result row or a packed one.
pub(crate) trait Cells {
    fn cell<T: FromCell>(&self, column: &str) -> Result<T, StoreError>;
}

/// A value that a column can hold.
pub(crate) trait FromCell: Sized {
    fn from_any(row: &AnyRow, column: &str) -> Result<Self, StoreError>;
    fn from_json(value: &Value) -> Option<Self>;
}

impl Cells for AnyRow {
    fn cell<T: FromCell>(&self, column: &str) -> Result<T, StoreError> {
        T::from_any(self, column)
    }
}

macro_rules! from_cell {
    ($t:ty, $json:expr) => {
        impl FromCell for $t {
            fn from_any(row: &AnyRow, column: &str) -> Result<Self, StoreError> {
                Ok(row.try_get::<$t, _>(column)?)
            }
            fn from_json(value: &Value) -> Option<Self> {
                $json(value)
            }
        }
    };
}

from_cell!(String, |v: &Value| v.as_str().map(str::to_owned));
from_cell!(i64, Value::as_i64);
from_cell!(f64, Value::as_f64);
from_cell!(Option<String>, |v: &Value| match v {
    Value::Null => Some(None),
    v => v.as_str().map(|s| Some(s.to_owned())),
});
from_cell!(Option<i64>, |v: &Value| match v {
    Value::Null => Some(None),
    v => v.as_i64().map(Some),
});

/// The expression and the name of a packed column: `expr AS name`, or the column for both.
fn split(column: &'static str) -> (&'static str, &'static str) {
    column.rsplit_once(" AS ").unwrap_or((column, column))
}

fn name_of(column: &'static str) -> &'static str {
    split(column).1
}

/// One row of a packed result.
pub(crate) struct PackedRow<'a> {
    table: &'static str,
    /// The column names (see [`name_of`]), in the order of `values`.
    names: &'a [&'static str],
    values: &'a [Value],
}

impl Cells for PackedRow<'_> {
    fn cell<T: FromCell>(&self, column: &str) -> Result<T, StoreError> {
        let value = self
            .names
            .iter()
            .position(|c| *c == column)
            .and_then(|i| self.values.get(i))
            .ok_or_else(|| StoreError::corrupt(self.table, format!("no column {column}")))?;
        T::from_json(value).ok_or_else(|| {
            StoreError::corrupt(self.table, format!("column {column}: unexpected {value}"))
        })
    }
}

/// A read of many rows as one: `columns` (names, or `expression AS name`) of `from_where`
/// (`FROM … WHERE …`, placeholders `$1`, `$2`, … bound with [`Self::bind`]) in `order`.
pub(crate) struct PackedQuery {
    table: &'static str,
    columns: &'static [&'static str],
    from_where: String,
    order: &'static str,
    binds: Vec<String>,
}

impl PackedQuery {
    pub fn new(
        table: &'static str,
        columns: &'static [&'static str],
        from_where: impl Into<String>,
        order: &'static str,
    ) -> PackedQuery {
        PackedQuery {
            table,
            columns,
            from_where: from_where.into(),
            order,
            binds: Vec::new(),
        }
    }

    pub fn bind(mut self, value: impl Into<String>) -> PackedQuery {
        self.binds.push(value.into());
        self
    }

    fn sql(&self, backend: Backend) -> String {
        let cols = self
            .columns
            .iter()
            .map(|c| split(c).0)
            .collect::<Vec<_>>()
            .join(", ");
        let (order, from) = (self.order, &self.from_where);
        match backend {
            Backend::Sqlite => {
                format!("SELECT json_group_array(json_array({cols}) ORDER BY {order}) {from}")
            }
            Backend::Postgres => format!(
                "SELECT COALESCE(json_agg(json_build_array({cols}) ORDER BY {order}), '[]')::text {from}"
            ),
        }
    }

    /// The rows, each mapped by `map`: one statement, one result row.
    pub async fn fetch<T>(
        &self,
        store: &Store,
        map: fn(&PackedRow<'_>) -> Result<T, StoreError>,
    ) -> Result<Vec<T>, StoreError> {
        let mut q = sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(self.sql(store.backend)));
        for b in &self.binds {
            q = q.bind(b.clone());
        }
        let json = q.fetch_one(&store.pool).await?;
        let rows: Vec<Vec<Value>> =
            serde_json::from_str(&json).map_err(|e| StoreError::corrupt(self.table, e))?;
        let names: Vec<&'static str> = self.columns.iter().copied().map(name_of).collect();
        rows.iter()
            .map(|values| {
                map(&PackedRow {
                    table: self.table,
                    names: &names,
                    values,
                })
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_statement_packs_the_named_columns_in_order() {
        let q = PackedQuery::new(
            "cohort_sessions",
            &["id", "(SELECT 1) AS x", "date"],
            "FROM cohort_sessions WHERE cohort_id = $1",
            "date, id",
        );
        assert_eq!(
            q.sql(Backend::Sqlite),
            "SELECT json_group_array(json_array(id, (SELECT 1), date) ORDER BY date, id) \
             FROM cohort_sessions WHERE cohort_id = $1"
        );
        assert_eq!(
            q.sql(Backend::Postgres),
            "SELECT COALESCE(json_agg(json_build_array(id, (SELECT 1), date) ORDER BY date, id), '[]')::text \
             FROM cohort_sessions WHERE cohort_id = $1"
        );
    }

    #[test]
    fn packed_cells_decode_by_column_name_and_refuse_a_wrong_type() {
        let values = serde_json::json!(["a", 3, 2.5, null, null]);
        let row = PackedRow {
            table: "t",
            names: &["s", "i", "f", "os", name_of("(SELECT 1) AS oi")],
            values: values.as_array().unwrap(),
        };
        assert_eq!(row.cell::<String>("s").unwrap(), "a");
        assert_eq!(row.cell::<i64>("i").unwrap(), 3);
        assert_eq!(row.cell::<f64>("f").unwrap(), 2.5);
        assert_eq!(row.cell::<f64>("i").unwrap(), 3.0);
        assert_eq!(row.cell::<Option<String>>("os").unwrap(), None);
        assert_eq!(row.cell::<Option<i64>>("oi").unwrap(), None);
        assert!(row.cell::<i64>("s").is_err());
        assert!(row.cell::<String>("missing").is_err());
    }
}
