//! Offers and cohorts as rules: validation of offers, their classification as part-time
//! (berufsbegleitend, MISSION.md §1), the success-factor check (§2.1–§2.3), plain-language
//! readability and exports for course portals (open-Qcat for KURSNET, CSV, XLSX).
//!
//! Architecture invariant: this crate is pure. It does no I/O, reads no clock ("today" is a
//! parameter) and holds no user-facing text: functions return stable codes with arguments
//! ([`Reason`], [`FieldError`]); the German and English texts live in
//! `crates/web/locales/{de,en}/offers.ftl` under ids prefixed `offers-`.
//!
//! ```
//! use lernweg_offers::{OfferDraft, classify};
//! let draft: OfferDraft = serde_json::from_str(r#"{
//!     "title": "Deutsch für die Pflege",
//!     "goal": "language_support",
//!     "kldb": "81302",
//!     "target_group": "Pflegekräfte mit ausländischem Abschluss",
//!     "delivery_modes": ["online_live"],
//!     "time_model": { "kind": "evening_course" },
//!     "modules": [ { "title": "Fachsprache", "hours": "30" } ],
//!     "capacity": "16",
//!     "contact_name": "Aylin Demir",
//!     "contact_email": "a.demir@traeger.example"
//! }"#).unwrap();
//! let offer = draft.validate().unwrap();
//! assert_eq!(offer.slug, "deutsch-fuer-die-pflege");
//! let c = classify(&offer, None);
//! assert_eq!(c.class.code(), "asynchronous");
//! ```

pub mod classification;
pub mod error;
pub mod export;
pub mod horizon;
pub mod model;
pub mod monitoring;
pub mod planning;
pub mod publish;
pub mod readability;
pub mod reason;
pub mod run;
pub mod success;

pub use classification::{Classification, PartTimeClass, classify};
pub use error::OffersError;
pub use model::{
    Contact, DeliveryMode, ExamDef, ExchangeDef, FieldError, Goal, Location, ModuleDef, Offer,
    OfferDraft, Slot, Span, SupportOffer, TimeModelDef, slugify,
};
pub use readability::{ReadabilityReport, analyze, cli_readability, readability_json};
pub use reason::Reason;
pub use success::{
    CohortPublication, FactorStatus, FactorSummary, ParticipantStats, SuccessFactor, SuccessInput,
    check_success, weakest_factors,
};
