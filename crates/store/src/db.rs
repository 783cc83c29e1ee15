//! Connecting, configuring and migrating the database.

use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use sqlx::any::{AnyConnectOptions, AnyPoolOptions, install_default_drivers};
use sqlx::{AnyPool, Executor};

use crate::{Clock, StoreError};

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations");

/// Where the data lives: an SQLite file in a data directory, or a database URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DatabaseTarget {
    DataDir(PathBuf),
    Url(String),
}

impl DatabaseTarget {
    /// The sqlx URL. For a data directory: `sqlite://DIR/lernweg.db?mode=rwc`.
    pub fn url(&self) -> String {
        match self {
            DatabaseTarget::DataDir(dir) => {
                format!("sqlite://{}?mode=rwc", dir.join("lernweg.db").display())
            }
            DatabaseTarget::Url(url) => url.clone(),
        }
    }

    /// A description without the password, for logs and start-up messages.
    pub fn redacted(&self) -> String {
        match self {
            DatabaseTarget::DataDir(dir) => format!("SQLite {}", dir.join("lernweg.db").display()),
            DatabaseTarget::Url(url) => redact_url(url),
        }
    }
}

fn redact_url(url: &str) -> String {
    // postgres://user:secret@host/db -> postgres://user:***@host/db
    if let Some((scheme, rest)) = url.split_once("://")
        && let Some((creds, host)) = rest.split_once('@')
        && let Some((user, _)) = creds.split_once(':')
    {
        return format!("{scheme}://{user}:***@{host}");
    }
    url.to_owned()
}

/// The handle every other crate uses to reach the database. Cheap to clone.
#[derive(Clone)]
pub struct Store {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
    clock: Clock,
    /// When this process last wrote each API token's use (see `Store::authenticate_token`).
    pub(crate) token_uses: std::sync::Arc<crate::tokens::TokenUses>,
    /// This instance's id (see `Store::instance_id`).
    pub(crate) instance: std::sync::Arc<str>,
    /// The queue of read audit entries (see `audit_queue`).
    pub(crate) audit_queue: std::sync::Arc<crate::audit_queue::AuditQueue>,
    /// The installation's key file for the providers' signing keys (see `certificates`).
    pub(crate) credential_key: Option<std::sync::Arc<lernweg_credentials::MasterKey>>,
    /// The list queries run so far, with their values (tests read their query plans).
    #[cfg(feature = "test-support")]
    pub(crate) lists_run: ListsRun,
}

/// The list queries run so far: SQL and bound values.
#[cfg(feature = "test-support")]
pub(crate) type ListsRun = std::sync::Arc<std::sync::Mutex<Vec<(String, Vec<String>)>>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Backend {
    Sqlite,
    Postgres,
}

impl Store {
    /// Opens (and for SQLite creates) the database. Does not migrate; see [`Store::migrate`].
    pub async fn connect(target: &DatabaseTarget) -> Result<Store, StoreError> {
        install_default_drivers();
        if let DatabaseTarget::DataDir(dir) = target {
            create_dir(dir)?;
        }
        let url = target.url();
        let backend = if url.starts_with("sqlite:") {
            Backend::Sqlite
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Backend::Postgres
        } else {
            return Err(StoreError::Database(sqlx::Error::Configuration(
                format!(
                    "unsupported database URL {}: expected sqlite:// or postgres://",
                    redact_url(&url)
                )
                .into(),
            )));
        };
        let options = AnyConnectOptions::from_str(&url)?;
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 8 } else { 16 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |conn, _meta| {
                Box::pin(async move {
                    if backend == Backend::Sqlite {
                        // WAL lets readers run beside the one writer; foreign keys are off in
                        // SQLite unless every connection asks for them.
                        conn.execute("PRAGMA journal_mode = WAL").await?;
                        conn.execute("PRAGMA foreign_keys = ON").await?;
                        conn.execute("PRAGMA busy_timeout = 5000").await?;
                        conn.execute("PRAGMA synchronous = NORMAL").await?;
                        // Reads from the operating system's page cache, shared by all
                        // connections, instead of copying pages into each one's own cache.
                        conn.execute("PRAGMA mmap_size = 268435456").await?;
                    }
                    Ok(())
                })
            })
            .connect_with(options)
            .await?;
        Ok(Store {
            pool,
            backend,
            clock: Clock::system(),
            token_uses: Default::default(),
            audit_queue: Default::default(),
            credential_key: None,
            instance: uuid::Uuid::now_v7().to_string().into(),
            #[cfg(feature = "test-support")]
            lists_run: Default::default(),
        })
    }

    /// The same store reading time from `clock` (tests fix the day this way).
    pub fn with_clock(mut self, clock: Clock) -> Store {
        self.clock = clock;
        self
    }

    /// The clock this store stamps its records with.
    pub fn clock(&self) -> &Clock {
        &self.clock
    }

    /// Now, in UTC, by this store's clock.
    pub(crate) fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now_utc()
    }

    /// Applies every pending migration. Safe to run at every start.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        MIGRATOR.run(&self.pool).await?;
        // Rows written before a derived column existed (0015: participants.search_text).
        self.fill_participant_search().await?;
        Ok(())
    }

    /// Connects and migrates.
    pub async fn open(target: &DatabaseTarget) -> Result<Store, StoreError> {
        let store = Store::connect(target).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Answers whether the database answers a trivial query within `timeout`.
    pub async fn ping(&self, timeout: Duration) -> bool {
        let query = sqlx::query("SELECT 1").execute(&self.pool);
        matches!(tokio::time::timeout(timeout, query).await, Ok(Ok(_)))
    }

    /// `sqlite` or `postgres`.
    pub fn backend_name(&self) -> &'static str {
        match self.backend {
            Backend::Sqlite => "sqlite",
            Backend::Postgres => "postgres",
        }
    }

    /// SQLite's journal mode (`wal` expected), or `None` on PostgreSQL.
    pub async fn sqlite_journal_mode(&self) -> Result<Option<String>, StoreError> {
        if self.backend != Backend::Sqlite {
            return Ok(None);
        }
        let mode: String = sqlx::query_scalar("PRAGMA journal_mode")
            .fetch_one(&self.pool)
            .await?;
        Ok(Some(mode))
    }

    /// Whether SQLite enforces foreign keys on a pooled connection (`true` on PostgreSQL).
    pub async fn foreign_keys_enforced(&self) -> Result<bool, StoreError> {
        if self.backend != Backend::Sqlite {
            return Ok(true);
        }
        let on: i64 = sqlx::query_scalar("PRAGMA foreign_keys")
            .fetch_one(&self.pool)
            .await?;
        Ok(on == 1)
    }

    /// Writes the queued audit entries of reads, then closes the pool, waiting for
    /// connections to be returned.
    pub async fn close(&self) {
        if let Err(e) = self.close_audit().await {
            tracing::error!(error = %e, "the queued audit entries of reads could not be written");
        }
        self.pool.close().await;
    }
}

/// Maps a row to a record.
pub(crate) type RowMapper<T> = fn(&sqlx::any::AnyRow) -> Result<T, StoreError>;

impl Store {
    /// The one record `sql` selects by its single parameter `key`; `NotFound` if none.
    pub(crate) async fn fetch_one<T>(
        &self,
        sql: &'static str,
        key: impl Into<String>,
        map: RowMapper<T>,
    ) -> Result<T, StoreError> {
        let row = sqlx::query(sql)
            .bind(key.into())
            .fetch_optional(&self.pool)
            .await?
            .ok_or(StoreError::NotFound)?;
        map(&row)
    }
}

fn create_dir(dir: &Path) -> Result<(), StoreError> {
    std::fs::create_dir_all(dir).map_err(|e| {
        StoreError::Database(sqlx::Error::Configuration(
            format!("cannot create data directory {}: {e}", dir.display()).into(),
        ))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_dir_url() {
        let t = DatabaseTarget::DataDir(PathBuf::from("/tmp/x"));
        assert_eq!(t.url(), "sqlite:///tmp/x/lernweg.db?mode=rwc");
    }

    #[test]
    fn redacts_passwords() {
        assert_eq!(
            redact_url("postgres://u:geheim@h:5432/db"),
            "postgres://u:***@h:5432/db"
        );
        assert_eq!(redact_url("postgres://u@h/db"), "postgres://u@h/db");
    }
}
