//! Lernweg's persistence layer.
//!
//! Architecture invariant: this is the only crate that writes SQL. It speaks portable SQL
//! through `sqlx::Any`, so one set of migrations and one set of queries serve SQLite (the
//! embedded default) and PostgreSQL. Parameters are written `$1, $2, …`, which both accept.
//! Rows are turned into domain types at this boundary; callers never see a raw row.

mod account_invitations;
mod attendance;
mod audit;
mod audit_queue;
mod certificates;
mod clock;
mod cohorts;
mod db;
mod employer_access;
mod employers;
mod enrolments;
mod error;
mod feeds;
mod imports;
mod individual_plans;
mod instances;
mod invitations;
mod language;
mod legal;
mod loan_lists;
mod loans;
mod mentor_access;
mod mentoring;
mod monitoring;
mod offers;
mod outbox;
mod packed;
mod paging;
mod participant_file;
mod participant_list;
mod participants;
pub mod password;
mod paths;
mod plan_answers;
mod plan_sessions;
mod providers;
mod referral_lists;
mod referrals;
mod release_agreements;
mod retention;
mod sessions;
mod settings;
mod tandems;
mod time;
mod timetable;

mod tokens;
mod users;
mod warnings;
mod work_patterns;

pub use attendance::{
    ATTENDANCE_NOTE_MAX, AttendanceRecord, ENTRY_NOTE_MAX, NewProgressEntry, ProgressEntry,
    RollCallSession, module_infos, progress_from, session_facts,
};
pub use audit::{Actor, AuditAction, AuditEntity, AuditEntry, AuditFilter, NewAuditEntry};
pub use audit_queue::AUDIT_QUEUE_CAPACITY;
pub use certificates::{IssuerKey, LanguageCertificate, NewLanguageCertificate};
pub use clock::Clock;
pub use cohorts::{Cohort, CohortFilter, CohortsOf, NewCohort};
pub use db::{DatabaseTarget, Store};
pub use employer_access::EmployeeCohort;
pub use employers::{
    END_BY_STAFF, END_CONSENT_WITHDRAWN, EmployerContact, EmployerFilter, EmployerRecord,
    Employment,
};
pub use enrolments::{Enrolment, EnrolmentStep};
pub use error::StoreError;
pub use feeds::{FeedKind, FeedToken, IssuedFeed};
#[cfg(feature = "test-support")]
pub use imports::fail_import_at_batch;
pub use imports::{
    IMPORT_BATCH_ROWS, IMPORT_PREVIEW_HOURS, ImportFilter, ImportIssue, ImportJob, ImportStatus,
    ImportWarning, NewImport, StagedRow,
};
pub use individual_plans::{PlanItemLog, PlanItemRecord, RecognitionRecord};
pub use invitations::{
    INVITATION_DAYS, Invitation, InvitationKind, InvitationStatus, Invitee, IssuedInvitation,
    Refusal,
};
pub use language::{AssessmentRecord, SelfCheck};
pub use loan_lists::{DeviceFilter, DeviceListed, LoanFilter, LoanListed};
pub use loans::{DEVICE_KINDS, Device, Loan, NewDevice, NewLoan};
pub use mentor_access::{EventKind, MentorEvent, NewMentorEvent, Signup};
pub use mentoring::{
    MeetingRecord, MentorRecord, NewProposal, Tandem, TandemSide, TandemStatus, WishRecord,
};
pub use monitoring::{
    MonitoredAttendance, MonitoredChange, MonitoredDropout, MonitoredPerson, MonitoredRelease,
    MonitoringRows,
};
pub use offers::{OfferFilter, OfferRecord};
pub use outbox::{NewNotice, OutboxFilter, OutboxMessage};
pub use participant_list::ParticipantFilter;
pub use participants::{
    CheckedAgainst, ConsentRecord, ContactEntry, NewContact, ParticipantRecord, ReadinessRecord,
};
pub use paths::{EnrolledCohort, OpenParticipation};
pub use plan_answers::{CohortEmployer, PlanAnswer};
pub use plan_sessions::{PlanSession, PlanSessionOwner};
pub use providers::{NewProvider, Provider, ProviderPatch};
pub use referral_lists::{ReferralFilter, ReferralListed, ServiceFilter};
pub use referrals::{
    CounsellingService, REASON_MAX, Referral, ReferralStep, SERVICE_KINDS, ServiceInput,
};
pub use release_agreements::{
    NewReleaseAgreement, ReleaseAgreement, ReleaseDateRecord, ReleaseEvent, ReleaseFilter,
};
pub use retention::{DueForErasure, ErasureReason};
pub use sessions::{LoginSession, SESSION_LIFETIME_HOURS};
pub use timetable::{
    NewSession, SessionChange, SessionMove, SessionRecord, SessionStatus, parse_kind,
};
pub use tokens::{ApiToken, IssuedToken};
pub use users::{NewUser, User, UserPatch, parse_display_name};
pub use warnings::{
    DatedAttendance, DeclinedRelease, HandledWarning, WARNING_NOTE_MAX, WarnedPeople, WarnedPerson,
    WarningData,
};
pub use work_patterns::{TRAVEL_MINUTES_MAX, WorkPatternRecord, WorkPatternSource};
pub mod secret;
pub use tokens::{TOKEN_PREFIX, parse_token_name};
#[cfg(feature = "test-support")]
pub mod testing;
