//! Errors of the crate's entry points that are not field validation.

/// An error of a CLI-style entry point or an export.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum OffersError {
    /// An output format that is not supported, e.g. `--format xml` for readability.
    #[error("unknown format {0:?}; expected json or text")]
    UnknownFormat(String),
    /// The offer cannot be turned into a planner spec (should not happen after validation).
    #[error("invalid offer: {0}")]
    Invalid(String),
    /// Writing an export failed.
    #[error("export failed: {0}")]
    Export(String),
}
