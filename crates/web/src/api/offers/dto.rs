//! JSON shapes of offers: the draft fields (as sent and as returned, so a client can send
//! back what it read), the offer with id and classification, the success factors.

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

/// A weekly slot.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct SlotDto {
    /// mon | tue | wed | thu | fri | sat | sun
    pub weekday: String,
    /// `HH:MM`
    pub start: String,
    /// `HH:MM`
    pub end: String,
}

/// A daily span.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct SpanDto {
    pub start: String,
    pub end: String,
}

/// The time model: `kind` and the parameters of that kind (missing ones take defaults).
#[derive(Serialize, Deserialize, ToSchema)]
pub struct TimeModelDto {
    /// evening_course | block_seminar | compact_seminar | release_slots | self_paced
    pub kind: String,
    /// evening_course: the weekly evenings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evenings: Option<Vec<SlotDto>>,
    /// block_seminar: the weekly evening.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evening: Option<SlotDto>,
    /// block_seminar: Friday and Saturday once a month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weekend: Option<SpanDto>,
    /// compact_seminar: the daily hours of a compact week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub day: Option<SpanDto>,
    /// compact_seminar: 1–12.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub weeks_per_quarter: Option<u32>,
    /// release_slots: slots in released working time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub slots: Option<Vec<SlotDto>>,
    /// self_paced: hours per week.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours_per_week: Option<f64>,
    /// self_paced: the fixed weekly session.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presence: Option<SlotDto>,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct ModuleDto {
    pub title: String,
    /// Contact hours (> 0).
    pub hours: f64,
    pub self_study_hours_per_week: f64,
    /// Intermediate goal; empty = none.
    pub milestone: String,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct ExamDto {
    /// 1-based module number.
    pub after_module: u32,
    pub title: String,
    pub hours: f64,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct ExchangeDto {
    pub every_weeks: u32,
    pub slot: SlotDto,
}

#[derive(Serialize, Deserialize, ToSchema)]
pub struct LocationDto {
    pub name: String,
    pub street: String,
    /// Five digits.
    pub zip: String,
    pub city: String,
    pub step_free: bool,
    pub accessibility: String,
}

/// The fields of an offer, in the shape `POST` and `PATCH` accept. Numbers may also be sent
/// as strings (`"12,5"`); texts that are not set are empty strings.
#[derive(Serialize, Deserialize, ToSchema)]
pub struct OfferFields {
    pub title: String,
    /// full_recognition | partial_recognition | compensation_measure |
    /// adaptation_qualification | bridging_programme | partial_qualification | language_support
    pub goal: String,
    /// Only with goal compensation_measure: then not part-time (MISSION.md §1).
    pub company_measure_only: bool,
    /// KldB 2010 code, 1–5 digits.
    pub kldb: String,
    pub target_group: String,
    /// The description participants read (checked for plain language).
    pub description: String,
    /// online_live | self_paced | blended | presence
    pub delivery_modes: Vec<String>,
    pub kickoff_in_presence: bool,
    pub closing_in_presence: bool,
    pub time_model: TimeModelDto,
    pub modules: Vec<ModuleDto>,
    pub exams: Vec<ExamDto>,
    pub exchange: Option<ExchangeDto>,
    /// A1 … C2; empty = no prerequisite.
    pub language_level: String,
    /// Required above B1 (at least 20 characters).
    pub language_justification: String,
    /// mentoring | language_coaching | childcare | device_loans | exchange_meetings
    pub support: Vec<String>,
    /// Needed when there are in-person events.
    #[serde(default)]
    pub location: Option<LocationDto>,
    pub funding: String,
    pub costs_eur: f64,
    pub capacity: u32,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub degree: String,
    pub keywords: Vec<String>,
    /// Weekly load limit in hours (default 48).
    pub load_limit_hours: Option<f64>,
}

/// The computed classification (MISSION.md §1).
#[derive(Serialize, ToSchema)]
pub struct ClassificationDto {
    /// synchronous | asynchronous | mixed | not_part_time
    pub class: String,
    /// English sentences.
    pub reasons: Vec<String>,
}

/// An offer.
#[derive(Serialize, ToSchema)]
pub struct OfferDto {
    pub id: String,
    pub provider_id: String,
    /// Visible in the public catalogue.
    pub published: bool,
    pub published_at: Option<String>,
    /// URL name of the public page.
    pub slug: String,
    #[serde(flatten)]
    pub fields: OfferFields,
    pub classification: ClassificationDto,
    pub created_at: String,
    pub updated_at: String,
}

/// Body of `POST /api/v1/offers`.
#[derive(Deserialize, ToSchema)]
pub struct NewOfferDoc {
    /// Admins: the provider to create the offer for. Others may leave it out (their own).
    pub provider_id: Option<String>,
    #[serde(flatten)]
    pub fields: OfferFields,
}

/// Body of `PATCH /api/v1/offers/{id}`: any subset of the offer's fields (a given key
/// replaces the stored value, `null` clears it), and optionally `published`.
#[derive(Deserialize, ToSchema)]
pub struct OfferPatchDoc {
    pub published: Option<bool>,
    #[serde(flatten)]
    pub fields: OfferFields,
}

/// One success factor of an offer.
#[derive(Serialize, ToSchema)]
pub struct SuccessFactorDto {
    /// Stable id, e.g. `kickoff_closing_presence`.
    pub factor: String,
    /// met | partly | not_met
    pub status: String,
    /// One English sentence.
    pub explanation: String,
    /// Section of the paper: 1, 2.1, 2.2 or 2.3.
    pub section: String,
}
