//! The offer: designed once, run as cohorts. [`OfferDraft`] is what a form or JSON sends;
//! [`OfferDraft::validate`] turns it into an [`Offer`] or a list of [`FieldError`]s.

mod check;
pub(crate) mod draft;
mod enums;
mod spec;
mod time;

use std::collections::BTreeSet;

use lernweg_domain::{CefrLevel, Email, KldbCode};
use serde::{Deserialize, Serialize};

pub use draft::{
    ExamDraft, ExchangeDraft, FieldError, LocationDraft, MIN_JUSTIFICATION_CHARS, ModuleDraft,
    OfferDraft, SlotDraft, SpanDraft, TimeModelDraft,
};
pub use enums::{DeliveryMode, Goal, SupportOffer};
pub use spec::slugify;
pub use time::{Slot, Span, TimeModelDef};

/// A module with its contact hours and its visible intermediate goal (Zwischenziel).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ModuleDef {
    pub title: String,
    /// Contact hours (> 0).
    pub hours: f64,
    #[serde(default)]
    pub self_study_hours_per_week: f64,
    /// The intermediate goal, e.g. "Modulzertifikat Fachsprache B2".
    #[serde(default)]
    pub milestone: Option<String>,
}

/// An exam after a module (1-based module number).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExamDef {
    pub after_module: usize,
    pub title: String,
    pub hours: f64,
}

/// Regular peer-exchange meetings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExchangeDef {
    pub every_weeks: u32,
    pub slot: Slot,
}

/// Where presence events take place, and how accessible the place is.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Location {
    pub name: String,
    pub street: String,
    pub zip: String,
    pub city: String,
    /// Step-free access (barrierefrei).
    #[serde(default)]
    pub step_free: bool,
    /// Free text on accessibility (lift, hearing loop, public transport).
    #[serde(default)]
    pub accessibility: Option<String>,
}

/// The contact for the offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    pub name: String,
    pub email: Email,
    #[serde(default)]
    pub phone: Option<String>,
}

/// A validated qualification offer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Offer {
    pub title: String,
    /// URL name from the title: lowercase, `ä`→`ae` …, hyphens.
    pub slug: String,
    pub goal: Goal,
    /// A company measure whose only aim is compensating substantial differences for
    /// recognition: excluded from part-time by MISSION.md §1. Only with goal
    /// `compensation_measure`.
    #[serde(default)]
    pub company_measure_only: bool,
    pub kldb: KldbCode,
    pub target_group: String,
    /// The description participants read (checked for plain language).
    #[serde(default)]
    pub description: String,
    pub delivery_modes: BTreeSet<DeliveryMode>,
    pub kickoff_in_presence: bool,
    pub closing_in_presence: bool,
    pub time_model: TimeModelDef,
    /// Lessons are held online (no travel); derived from the delivery modes unless presence.
    pub online_lessons: bool,
    pub modules: Vec<ModuleDef>,
    #[serde(default)]
    pub exams: Vec<ExamDef>,
    #[serde(default)]
    pub exchange: Option<ExchangeDef>,
    #[serde(default)]
    pub language_level: Option<CefrLevel>,
    #[serde(default)]
    pub language_justification: Option<String>,
    #[serde(default)]
    pub support: BTreeSet<SupportOffer>,
    #[serde(default)]
    pub location: Option<Location>,
    /// Funding, e.g. "IQ-gefördert, kostenfrei für Teilnehmende".
    #[serde(default)]
    pub funding: Option<String>,
    /// Costs for participants in euros (≥ 0).
    pub costs_eur: f64,
    pub capacity: u32,
    pub contact: Contact,
    /// The degree or certificate, e.g. "Teilnahmebescheinigung mit Kompetenzprofil".
    #[serde(default)]
    pub degree: Option<String>,
    #[serde(default)]
    pub keywords: Vec<String>,
    #[serde(default)]
    pub load_limit_hours: Option<f64>,
}

impl Offer {
    /// Contact hours of all modules.
    pub fn total_hours(&self) -> f64 {
        self.modules.iter().map(|m| m.hours).sum()
    }

    /// Whether the offer has events that participants attend in person.
    pub fn has_presence_events(&self) -> bool {
        self.kickoff_in_presence
            || self.closing_in_presence
            || self.delivery_modes.contains(&DeliveryMode::Presence)
            || self.delivery_modes.contains(&DeliveryMode::Blended)
            || !self.exams.is_empty()
    }

    /// Whether participants need a device and internet for parts of the offer.
    pub fn needs_devices(&self) -> bool {
        self.delivery_modes.iter().any(|m| m.is_digital())
            || matches!(self.time_model, TimeModelDef::SelfPaced { .. })
    }
}
