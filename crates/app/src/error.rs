//! The one error type of the use-cases. Adapters turn it into an error page, an RFC 9457
//! problem document or a CLI message.

use lernweg_domain::ParseError;
use lernweg_store::StoreError;

/// Why a use-case did not do what was asked.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    /// The record does not exist, or belongs to a provider the caller may not see.
    #[error("not found")]
    NotFound,
    /// The caller's role may not do this.
    #[error("forbidden")]
    Forbidden,
    /// The request contradicts the stored state (a duplicate, a forbidden transition).
    #[error("conflict: {0}")]
    Conflict(String),
    /// Invalid input, one entry per field.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<ParseError>),
    /// The store failed (database down, corrupt record). Keeps its source for the log.
    #[error(transparent)]
    Store(StoreError),
    /// Something else of ours failed (e.g. writing an export).
    #[error("{0}")]
    Internal(String),
}

impl AppError {
    /// One invalid field.
    pub fn invalid(e: ParseError) -> AppError {
        AppError::Invalid(vec![e])
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Conflict(what) => AppError::Conflict(what.to_owned()),
            StoreError::Invalid(p) => AppError::invalid(p),
            other => AppError::Store(other),
        }
    }
}

impl From<ParseError> for AppError {
    fn from(e: ParseError) -> Self {
        AppError::invalid(e)
    }
}
