use lernweg_domain::ParseError;

/// What can go wrong in the store. `NotFound` and `Conflict` are a caller's problem and map to
/// 404 and 409/422; `Database` is ours and maps to 500.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("record not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(&'static str),
    #[error("invalid input: {0}")]
    Invalid(#[from] ParseError),
    #[error("database error: {0}")]
    Database(#[from] sqlx::Error),
    #[error("migration error: {0}")]
    Migration(#[from] sqlx::migrate::MigrateError),
    #[error("corrupt record in {table}: {detail}")]
    Corrupt { table: &'static str, detail: String },
    /// The installation's key file for signing credentials is missing or does not open a
    /// provider's key (a set-up problem, never the user's).
    #[error("credential keys: {0}")]
    CredentialKey(String),
}

impl StoreError {
    /// Maps a unique-constraint violation to `Conflict(what)`, anything else unchanged.
    pub(crate) fn unique_as(err: sqlx::Error, what: &'static str) -> StoreError {
        if let sqlx::Error::Database(db) = &err
            && db.is_unique_violation()
        {
            return StoreError::Conflict(what);
        }
        StoreError::Database(err)
    }

    pub(crate) fn corrupt(table: &'static str, detail: impl std::fmt::Display) -> StoreError {
        StoreError::Corrupt {
            table,
            detail: detail.to_string(),
        }
    }
}
