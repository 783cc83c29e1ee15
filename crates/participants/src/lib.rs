//! Participants as rules (MISSION §2.1, §2.3): the participant record and its validation, the
//! readiness check (Eignungs- und Belastungscheck), the enrolment lifecycle with pauses and
//! drop-outs, work patterns (fixed or rotating shifts, imported from `.ics`), the preview
//! of a CSV import as German offices produce it, and the statuses of referrals, counselling
//! services and device loans with their moves ([`care`]).
//!
//! Architecture invariant: this crate is pure. It does no I/O, reads no clock ("today" and
//! "this year" are parameters) and holds no user-facing text: functions return stable codes
//! with arguments ([`Reason`], [`FieldError`], [`TransitionError`], …); the German and English
//! texts live in `crates/web/locales/{de,en}/participants.ftl` under ids prefixed
//! `participants-`.
//!
//! ```
//! use lernweg_participants::ParticipantDraft;
//! let draft: ParticipantDraft = serde_json::from_str(r#"{
//!     "given_name": "Amina", "family_name": "Haddad",
//!     "email": "Amina.Haddad@example.org", "mother_tongue": "Arabisch",
//!     "german_level": "b1", "preferred_channel": "messenger", "weekly_hours": "19,5"
//! }"#).unwrap();
//! let p = draft.validate(2026).unwrap();
//! assert_eq!(p.mother_tongue.unwrap().as_str(), "ar");
//! assert_eq!(p.weekly_hours, Some(19.5));
//! ```

pub mod attendance;
pub mod care;
pub mod enrolment;
pub mod enums;
pub mod fit;
pub mod ics;
pub mod import;
pub mod import_plan;
pub mod language;
pub mod language_assessment;
pub mod lesson_dates;
pub mod mentor_pool;
pub mod mentoring;
pub mod mentoring_csv;
pub mod model;
pub mod office;
pub mod progress;
pub mod qualification_plan;
pub mod readiness;
pub mod reason;
pub mod recognition;
pub mod release;
pub mod seats;
pub mod self_check;
pub mod slot_choice;
pub mod warnings;
pub mod work_pattern;
pub mod work_pattern_draft;

pub use attendance::{AttendanceStatus, RollCallEntry, RollCallError, check_roll_call};
pub use care::{CareRefusal, DeviceStatus, LoanStatus, ReferralStatus, ServiceStatus};
pub use enrolment::{
    DropoutReason, EnrolmentEvent, EnrolmentStatus, History, HistoryEntry, PauseReason,
    TransitionError, transition,
};
pub use enums::{Consent, ConsentScope, ContactChannel, RecognitionStatus, has_consent};
pub use fit::{Collision, Fit, FitInput, FitSession, WeekFit, check_fit, shifts_during};
pub use ics::{IcsError, IcsImport, from_ics};
pub use import::{ImportError, ImportPreview, ImportRow, TextEncoding, preview_csv};
pub use import_plan::{ImportPlan, RowIssue};
pub use language::LanguageCode;
pub use model::{ParticipantData, ParticipantDraft, PhoneNumber};
pub use progress::{
    AttendanceMark, Completion, Decision, ExamOutcome, Hours, MilestoneProgress, ModuleInfo,
    ModuleProgress, Progress, ProgressRules, SessionFacts, StaffEntry, progress,
};
pub use readiness::{
    Action, Dimension, DimensionChange, DimensionResult, Light, Overall, ReadinessAnswers,
    ReadinessCheck, ReadinessError, ReadinessResult, compare, evaluate,
};
pub use reason::{FieldError, Reason};
pub use release::{ReleaseAnswer, ReleaseDate, ReleaseState, apply_answer, release_dates};
pub use work_pattern::{Shift, WorkPattern, monday_of};
pub use work_pattern_draft::{
    ShiftDraft, TRAVEL_MINUTES_MAX, WEEKDAYS, WorkPatternDraft, parse_anchor, parse_travel_minutes,
};
