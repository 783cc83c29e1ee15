//! Lernweg's domain core: the types and rules every other crate shares.
//!
//! Architecture invariant: this crate does no I/O. It knows no HTTP, no SQL, no files and no
//! clock; values are built only through `parse`/`new`, so invalid data cannot reach the core.

pub mod access;
pub mod cefr;
pub mod cohort;
pub mod decimal;
pub mod email;
pub mod employer;
pub mod ids;
pub mod kldb;
pub mod legal;
pub mod login;
pub mod outbox;
pub mod paging;
pub mod provider;
pub mod provider_details;
pub mod reason;
pub mod role;
pub mod state;

pub use access::{Access, Principal};
pub use cefr::{CefrLevel, CefrRounding};
pub use cohort::CohortStatus;
pub use email::Email;
pub use employer::{
    EmployerChannel, EmployerContactInput, EmployerInput, RawEmployer, RawEmployerContact, Sector,
};
pub use ids::{
    CohortId, EmployerContactId, EmployerId, EmploymentId, EnrolmentId, FeedId, InvitationId,
    LanguageAssessmentId, LanguageCertificateId, MentorEventId, MentorId, OfferId, ParticipantId,
    PlanAnswerId, PlanItemId, PlanSessionId, ProviderId, ReleaseAgreementId, SessionId, TandemId,
    TokenId, UserId,
};
pub use kldb::KldbCode;
pub use legal::LegalKind;
pub use login::{LoginId, LoginName, OneTimeCode};
pub use paging::{Cursor, Limit, PageNo, Paged, Search, Slice};
pub use provider::{ProviderName, check_password_policy};
pub use provider_details::{DEFAULT_MIN_PUBLICATION_WEEKS, ProviderDetails, ProviderDetailsInput};
pub use reason::{Args, FieldError, Namespace, Reason};
pub use role::Role;
pub use state::State;

/// An error from parsing a value at the edge of the domain.
///
/// `field` names the input, `code` is a stable machine-readable reason that the UI translates.
/// It converts into the rule crates' [`FieldError`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field}: {message}")]
pub struct ParseError {
    pub field: &'static str,
    pub code: &'static str,
    pub message: String,
}

impl ParseError {
    pub fn new(field: &'static str, code: &'static str, message: impl Into<String>) -> Self {
        Self {
            field,
            code,
            message: message.into(),
        }
    }
}
