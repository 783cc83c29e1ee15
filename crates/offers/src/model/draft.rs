//! The raw offer as a form or JSON sends it, and its validation.
//!
//! Numbers may come as strings ("12,5" or "1.234,5" the German way, read by
//! [`lernweg_domain::decimal::parse`]) or JSON numbers. Every
//! problem is reported, not only the first, as a [`FieldError`] whose Fluent message id is
//! `offers-error-<key>-<code>` (see `offers.ftl`).

use std::collections::BTreeSet;

use lernweg_domain::{CefrLevel, Email, KldbCode};
use serde::{Deserialize, Deserializer};

use super::check::Check;
use super::enums::{DeliveryMode, Goal, SupportOffer};
use super::spec::slugify;
use super::{Contact, ExamDef, ExchangeDef, Location, ModuleDef, Offer};
pub use crate::reason::FieldError;

/// Minimum length of the justification of a language prerequisite above B1.
pub const MIN_JUSTIFICATION_CHARS: usize = 20;
/// Title length bounds (characters, trimmed).
pub const TITLE_CHARS: (usize, usize) = (3, 200);
/// Capacity bounds.
pub const CAPACITY: (u32, u32) = (1, 500);

/// A weekly slot as sent: weekday "mon".."sun", times "HH:MM".
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct SlotDraft {
    pub weekday: String,
    pub start: String,
    pub end: String,
}

/// A daily span as sent.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct SpanDraft {
    pub start: String,
    pub end: String,
}

/// The time model as sent; missing parameters take the planner's defaults.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct TimeModelDraft {
    pub kind: String,
    pub evenings: Vec<SlotDraft>,
    pub evening: Option<SlotDraft>,
    pub weekend: Option<SpanDraft>,
    pub day: Option<SpanDraft>,
    #[serde(deserialize_with = "str_or_num")]
    pub weeks_per_quarter: String,
    pub slots: Vec<SlotDraft>,
    #[serde(deserialize_with = "str_or_num")]
    pub hours_per_week: String,
    pub presence: Option<SlotDraft>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ModuleDraft {
    pub title: String,
    #[serde(deserialize_with = "str_or_num")]
    pub hours: String,
    #[serde(deserialize_with = "str_or_num")]
    pub self_study_hours_per_week: String,
    pub milestone: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ExamDraft {
    #[serde(deserialize_with = "str_or_num")]
    pub after_module: String,
    pub title: String,
    #[serde(deserialize_with = "str_or_num")]
    pub hours: String,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct ExchangeDraft {
    #[serde(deserialize_with = "str_or_num")]
    pub every_weeks: String,
    pub slot: SlotDraft,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct LocationDraft {
    pub name: String,
    pub street: String,
    pub zip: String,
    pub city: String,
    pub step_free: bool,
    pub accessibility: String,
}

/// An offer as a form or JSON sends it. Unknown keys are ignored; missing ones are empty.
#[derive(Debug, Clone, Default, PartialEq, Deserialize)]
#[serde(default)]
pub struct OfferDraft {
    pub title: String,
    pub goal: String,
    pub company_measure_only: bool,
    pub kldb: String,
    pub target_group: String,
    pub description: String,
    pub delivery_modes: Vec<String>,
    pub kickoff_in_presence: bool,
    pub closing_in_presence: bool,
    pub time_model: TimeModelDraft,
    pub modules: Vec<ModuleDraft>,
    pub exams: Vec<ExamDraft>,
    pub exchange: Option<ExchangeDraft>,
    /// CEFR level "A1".."C2"; empty = no prerequisite.
    pub language_level: String,
    pub language_justification: String,
    pub support: Vec<String>,
    pub location: LocationDraft,
    pub funding: String,
    #[serde(deserialize_with = "str_or_num")]
    pub costs_eur: String,
    #[serde(deserialize_with = "str_or_num")]
    pub capacity: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    pub degree: String,
    pub keywords: Vec<String>,
    #[serde(deserialize_with = "str_or_num")]
    pub load_limit_hours: String,
}

/// Accepts a string, a number or null, and keeps it as a string.
fn str_or_num<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum V {
        S(String),
        I(i64),
        F(f64),
        N(()),
    }
    Ok(match Option::<V>::deserialize(d)? {
        None | Some(V::N(())) => String::new(),
        Some(V::S(s)) => s,
        Some(V::I(i)) => i.to_string(),
        Some(V::F(f)) => f.to_string(),
    })
}

fn e(field: impl Into<String>, key: &'static str, code: &'static str) -> FieldError {
    FieldError::new(field, key, code)
}

fn trimmed(s: &str) -> Option<String> {
    let t = s.trim();
    (!t.is_empty()).then(|| t.to_owned())
}

impl OfferDraft {
    /// Checks every rule and returns the validated offer, or all problems found.
    pub fn validate(&self) -> Result<Offer, Vec<FieldError>> {
        let mut c = Check { errors: Vec::new() };

        let title = self.title.trim().to_owned();
        let n = title.chars().count();
        if n == 0 {
            c.push(e("title", "title", "required"));
        } else if n < TITLE_CHARS.0 {
            c.push(e("title", "title", "too_short").arg("min", TITLE_CHARS.0));
        } else if n > TITLE_CHARS.1 {
            c.push(e("title", "title", "too_long").arg("max", TITLE_CHARS.1));
        }

        let goal = if self.goal.trim().is_empty() {
            c.push(e("goal", "goal", "required"));
            None
        } else {
            let g = Goal::parse(&self.goal);
            if g.is_none() {
                c.push(e("goal", "goal", "unknown"));
            }
            g
        };
        if self.company_measure_only && goal.is_some_and(|g| g != Goal::CompensationMeasure) {
            c.push(e(
                "company_measure_only",
                "company_measure_only",
                "needs_compensation_measure",
            ));
        }

        let kldb = if self.kldb.trim().is_empty() {
            c.push(e("kldb", "kldb", "required"));
            None
        } else {
            KldbCode::parse(&self.kldb)
                .map_err(|_| c.push(e("kldb", "kldb", "invalid")))
                .ok()
        };

        let target_group = self.target_group.trim().to_owned();
        if target_group.is_empty() {
            c.push(e("target_group", "target_group", "required"));
        }
        if self.description.chars().count() > 10_000 {
            c.push(e("description", "description", "too_long").arg("max", 10_000));
        }

        let mut delivery_modes = BTreeSet::new();
        for (i, m) in self.delivery_modes.iter().enumerate() {
            match DeliveryMode::parse(m) {
                Some(d) => {
                    delivery_modes.insert(d);
                }
                None => c.push(e(
                    format!("delivery_modes.{i}"),
                    "delivery_modes",
                    "unknown",
                )),
            }
        }
        if self.delivery_modes.is_empty() {
            c.push(e("delivery_modes", "delivery_modes", "required"));
        }

        let time_model = c.time_model(&self.time_model);

        let mut modules = Vec::new();
        if self.modules.is_empty() {
            c.push(e("modules", "modules", "required"));
        }
        for (i, m) in self.modules.iter().enumerate() {
            let f = |name: &str| format!("modules.{i}.{name}");
            let title = m.title.trim().to_owned();
            if title.is_empty() {
                c.push(e(f("title"), "module_title", "required").arg("number", i + 1));
            }
            let hours = c.decimal(
                f("hours"),
                "module_hours",
                &m.hours,
                true,
                (0.0, 10_000.0, true),
            );
            let study = c.decimal(
                f("self_study_hours_per_week"),
                "module_self_study",
                &m.self_study_hours_per_week,
                false,
                (0.0, 60.0, false),
            );
            if let Some(hours) = hours {
                modules.push(ModuleDef {
                    title,
                    hours,
                    self_study_hours_per_week: study.unwrap_or(0.0),
                    milestone: trimmed(&m.milestone),
                });
            }
        }

        let mut exams = Vec::new();
        for (i, x) in self.exams.iter().enumerate() {
            let f = |name: &str| format!("exams.{i}.{name}");
            let max = self.modules.len().max(1) as f64;
            let after = c.decimal(
                f("after_module"),
                "exam_after_module",
                &x.after_module,
                true,
                (1.0, max, false),
            );
            if x.title.trim().is_empty() {
                c.push(e(f("title"), "exam_title", "required").arg("number", i + 1));
            }
            let hours = c.decimal(f("hours"), "exam_hours", &x.hours, true, (0.0, 12.0, true));
            if let (Some(after), Some(hours)) = (after, hours) {
                exams.push(ExamDef {
                    after_module: after.round() as usize,
                    title: x.title.trim().to_owned(),
                    hours,
                });
            }
        }

        let exchange = self.exchange.as_ref().and_then(|x| {
            let every = c.decimal(
                "exchange.every_weeks".into(),
                "exchange_every_weeks",
                &x.every_weeks,
                true,
                (1.0, 52.0, false),
            );
            let slot = c.slot("exchange.slot", &x.slot);
            Some(ExchangeDef {
                every_weeks: every?.round() as u32,
                slot: slot?,
            })
        });

        let language_level = if self.language_level.trim().is_empty() {
            None
        } else {
            CefrLevel::parse(&self.language_level)
                .map_err(|_| c.push(e("language_level", "language_level", "unknown")))
                .ok()
        };
        let language_justification = trimmed(&self.language_justification);
        if let Some(level) = language_level
            && level > CefrLevel::B1
            && language_justification
                .as_ref()
                .is_none_or(|j| j.chars().count() < MIN_JUSTIFICATION_CHARS)
        {
            c.push(
                e(
                    "language_justification",
                    "language_justification",
                    "required_above_b1",
                )
                .arg("level", level)
                .arg("min", MIN_JUSTIFICATION_CHARS),
            );
        }

        let mut support = BTreeSet::new();
        for (i, s) in self.support.iter().enumerate() {
            match SupportOffer::parse(s) {
                Some(s) => {
                    support.insert(s);
                }
                None => c.push(e(format!("support.{i}"), "support", "unknown")),
            }
        }

        let l = &self.location;
        let location = trimmed(&l.city).map(|city| Location {
            name: l.name.trim().to_owned(),
            street: l.street.trim().to_owned(),
            zip: l.zip.trim().to_owned(),
            city,
            step_free: l.step_free,
            accessibility: trimmed(&l.accessibility),
        });
        let zip = l.zip.trim();
        let zip_ok = zip.len() == 5 && zip.chars().all(|ch| ch.is_ascii_digit());
        if !zip.is_empty() && !zip_ok {
            c.push(e("location.zip", "location_zip", "invalid"));
        }
        let presence = self.kickoff_in_presence
            || self.closing_in_presence
            || delivery_modes.contains(&DeliveryMode::Presence)
            || delivery_modes.contains(&DeliveryMode::Blended);
        if presence && location.is_none() {
            c.push(e("location.city", "location_city", "required_for_presence"));
        }

        let costs_eur = c
            .decimal(
                "costs_eur".into(),
                "costs",
                &self.costs_eur,
                false,
                (0.0, 1_000_000.0, false),
            )
            .unwrap_or(0.0);

        let capacity = if self.capacity.trim().is_empty() {
            c.push(e("capacity", "capacity", "required"));
            None
        } else {
            match self.capacity.trim().parse::<i64>() {
                Ok(v) if (i64::from(CAPACITY.0)..=i64::from(CAPACITY.1)).contains(&v) => {
                    Some(v as u32)
                }
                Ok(_) => {
                    c.push(
                        e("capacity", "capacity", "out_of_range")
                            .arg("min", CAPACITY.0)
                            .arg("max", CAPACITY.1),
                    );
                    None
                }
                Err(_) => {
                    c.push(e("capacity", "capacity", "invalid_number"));
                    None
                }
            }
        };

        let contact_name = self.contact_name.trim().to_owned();
        if contact_name.is_empty() {
            c.push(e("contact_name", "contact_name", "required"));
        }
        let email = Email::parse(&self.contact_email)
            .map_err(|err| {
                let code = if err.code == "required" {
                    "required"
                } else {
                    "invalid"
                };
                c.push(e("contact_email", "contact_email", code));
            })
            .ok();

        let mut keywords = Vec::new();
        for (i, k) in self.keywords.iter().enumerate() {
            let k = k.trim();
            if k.chars().count() > 50 {
                c.push(e(format!("keywords.{i}"), "keywords", "too_long").arg("max", 50));
            } else if !k.is_empty() && !keywords.iter().any(|x: &String| x == k) {
                keywords.push(k.to_owned());
            }
        }
        if keywords.len() > 20 {
            c.push(e("keywords", "keywords", "too_many").arg("max", 20));
        }

        let load_limit_hours = c.decimal(
            "load_limit_hours".into(),
            "load_limit",
            &self.load_limit_hours,
            false,
            (0.0, 168.0, true),
        );

        if !c.errors.is_empty() {
            return Err(c.errors);
        }
        let (Some(goal), Some(kldb), Some(time_model), Some(capacity), Some(email)) =
            (goal, kldb, time_model, capacity, email)
        else {
            unreachable!("every missing value has pushed an error");
        };
        let online_lessons = !delivery_modes.contains(&DeliveryMode::Presence)
            && delivery_modes.iter().any(|m| m.is_digital());
        Ok(Offer {
            slug: slugify(&title),
            title,
            goal,
            company_measure_only: self.company_measure_only,
            kldb,
            target_group,
            description: self.description.trim().to_owned(),
            delivery_modes,
            kickoff_in_presence: self.kickoff_in_presence,
            closing_in_presence: self.closing_in_presence,
            time_model,
            online_lessons,
            modules,
            exams,
            exchange,
            language_level,
            language_justification,
            support,
            location,
            funding: trimmed(&self.funding),
            costs_eur,
            capacity,
            contact: Contact {
                name: contact_name,
                email,
                phone: trimmed(&self.contact_phone),
            },
            degree: trimmed(&self.degree),
            keywords,
            load_limit_hours,
        })
    }
}
