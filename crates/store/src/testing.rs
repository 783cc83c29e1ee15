//! A fresh, migrated database per test: SQLite in a temporary directory by default, a new
//! PostgreSQL database when `LERNWEG_TEST_POSTGRES_URL` is set (CI sets it).

use sqlx::Connection;
use sqlx::Executor;
use sqlx::any::install_default_drivers;

use crate::{DatabaseTarget, Store};

/// Environment variable naming the PostgreSQL server for the tests.
pub const POSTGRES_ENV: &str = "LERNWEG_TEST_POSTGRES_URL";

/// Keeps the test database alive; dropping it removes the database.
pub struct TestDb {
    pub store: Store,
    pub target: DatabaseTarget,
    _dir: Option<tempfile::TempDir>,
    pg: Option<(String, String)>,
}

impl TestDb {
    /// Creates and migrates a fresh database.
    pub async fn new() -> TestDb {
        install_default_drivers();
        match std::env::var(POSTGRES_ENV).ok().filter(|u| !u.is_empty()) {
            Some(base) => {
                let name = format!("lw_test_{}", uuid::Uuid::new_v4().simple());
                let mut admin = sqlx::AnyConnection::connect(&base)
                    .await
                    .expect("connect to test PostgreSQL");
                admin
                    .execute(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
                    .await
                    .expect("create test database");
                admin.close().await.ok();
                let url = replace_db_name(&base, &name);
                let target = DatabaseTarget::Url(url);
                let store = Store::open(&target)
                    .await
                    .expect("open test database")
                    .with_credential_key(
                        lernweg_credentials::MasterKey::from_bytes(rand::random()),
                    );
                TestDb {
                    store,
                    target,
                    _dir: None,
                    pg: Some((base, name)),
                }
            }
            None => {
                let dir = tempfile::tempdir().expect("temp dir");
                let target = DatabaseTarget::DataDir(dir.path().to_path_buf());
                let store = Store::open(&target)
                    .await
                    .expect("open test database")
                    .with_credential_key(
                        lernweg_credentials::MasterKey::from_bytes(rand::random()),
                    );
                TestDb {
                    store,
                    target,
                    _dir: Some(dir),
                    pg: None,
                }
            }
        }
    }
}

impl TestDb {
    /// Runs one statement directly, for states a test cannot reach through the store's API
    /// (e.g. an invitation past its expiry). Returns the number of rows affected.
    pub async fn execute(&self, sql: &'static str) -> u64 {
        sqlx::query(sql)
            .execute(&self.store.pool)
            .await
            .expect("test statement")
            .rows_affected()
    }
}

impl TestDb {
    /// The query plan of every list query the store ran so far (and forgets them): the SQL
    /// and the plan as text, `EXPLAIN QUERY PLAN` on SQLite, `EXPLAIN` on PostgreSQL with
    /// sequential scans discouraged (on a tiny table PostgreSQL would scan anyway; this shows
    /// whether an index can serve the query).
    pub async fn plans_of_lists_run(&self) -> Vec<(String, String)> {
        let seen: Vec<(String, Vec<String>)> =
            std::mem::take(&mut *self.store.lists_run.lock().unwrap());
        let postgres = self.store.backend == crate::db::Backend::Postgres;
        let mut conn = self.store.pool.acquire().await.expect("connection");
        if postgres {
            conn.execute("SET enable_seqscan = off").await.expect("set");
        }
        let mut out = Vec::new();
        for (sql, binds) in seen {
            let explain = if postgres {
                format!("EXPLAIN {sql}")
            } else {
                format!("EXPLAIN QUERY PLAN {sql}")
            };
            let mut q = sqlx::query(sqlx::AssertSqlSafe(explain));
            for b in binds {
                q = q.bind(b);
            }
            let rows = q.fetch_all(&mut *conn).await.expect("explain");
            let plan = rows
                .iter()
                .map(|r| {
                    use sqlx::Row;
                    // SQLite: (id, parent, notused, detail); PostgreSQL: one text column.
                    let col = if postgres { 0 } else { 3 };
                    r.try_get::<String, _>(col).unwrap_or_default()
                })
                .collect::<Vec<_>>()
                .join("\n");
            out.push((sql, plan));
        }
        if postgres {
            conn.execute("RESET enable_seqscan").await.expect("reset");
        }
        out
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        if let Some((base, name)) = self.pg.take() {
            // The pool's connections belong to the test's runtime, which is blocked in this
            // drop: do not wait for them; FORCE ends them. A thread with its own runtime
            // does the dropping.
            let _ = std::thread::spawn(move || {
                let rt = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build();
                if let Ok(rt) = rt {
                    rt.block_on(async move {
                        if let Ok(mut c) = sqlx::AnyConnection::connect(&base).await {
                            let _ = c
                                .execute(sqlx::AssertSqlSafe(format!(
                                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                                )))
                                .await;
                        }
                    });
                }
            })
            .join();
        }
    }
}

/// `postgres://u@h:5432/test?x=y` with database `name` instead of `test`.
fn replace_db_name(url: &str, name: &str) -> String {
    let (base, query) = match url.split_once('?') {
        Some((b, q)) => (b, Some(q)),
        None => (url, None),
    };
    let scheme_end = base.find("://").map(|i| i + 3).unwrap_or(0);
    let path_start = base[scheme_end..].find('/').map(|i| i + scheme_end);
    let host = match path_start {
        Some(i) => &base[..i],
        None => base,
    };
    match query {
        Some(q) => format!("{host}/{name}?{q}"),
        None => format!("{host}/{name}"),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn replaces_database_name() {
        assert_eq!(
            super::replace_db_name("postgres://postgres@127.0.0.1:5432/test", "x"),
            "postgres://postgres@127.0.0.1:5432/x"
        );
        assert_eq!(
            super::replace_db_name("postgres://h/test?sslmode=disable", "x"),
            "postgres://h/x?sslmode=disable"
        );
        assert_eq!(
            super::replace_db_name("postgres://h", "x"),
            "postgres://h/x"
        );
    }
}
