//! The offer form as sent: bracketless field names (`module_1_title`) parsed by hand into an
//! [`OfferDraft`], the number of rows shown, and the mapping of the draft's error paths
//! (`modules.0.hours`) back to form fields (`module_1_hours`).

use std::collections::HashMap;

use lernweg_offers::model::{
    ExamDraft, ExchangeDraft, LocationDraft, ModuleDraft, SlotDraft, SpanDraft, TimeModelDraft,
};
use lernweg_offers::{FieldError, OfferDraft};

use crate::i18n::Lang;
use crate::offers_view::analysis::error_text;

/// Rows shown without asking for more.
pub const MODULE_ROWS: usize = 6;
pub const EXAM_ROWS: usize = 3;
pub const SLOT_ROWS: usize = 3;
/// Rows added by "weitere Zeilen".
pub const MORE_ROWS: usize = 3;
/// Upper bound of rows of one kind (a form cannot ask for more).
pub const MAX_ROWS: usize = 60;

/// What the form sent, or what the edit form starts from.
#[derive(Debug, Clone, Default)]
pub struct FormInput {
    pub draft: OfferDraft,
    /// The chosen provider (admins only).
    pub provider: String,
    pub module_rows: usize,
    pub exam_rows: usize,
    pub slot_rows: usize,
    /// The button "weitere Zeilen" was pressed: re-render, do not save.
    pub more_rows: bool,
}

impl FormInput {
    /// The form for a stored (or new) draft with the default number of rows.
    pub fn from_draft(draft: OfferDraft) -> FormInput {
        let mut f = FormInput {
            draft,
            ..FormInput::default()
        };
        f.fit_rows(0, 0, 0);
        f
    }

    /// At least the defaults, at least as many rows as filled, at most [`MAX_ROWS`].
    fn fit_rows(&mut self, modules: usize, exams: usize, slots: usize) {
        let d = &self.draft;
        let tm = &d.time_model;
        let filled_slots = tm.evenings.len().max(tm.slots.len());
        self.module_rows = modules.max(MODULE_ROWS).max(d.modules.len()).min(MAX_ROWS);
        self.exam_rows = exams.max(EXAM_ROWS).max(d.exams.len()).min(MAX_ROWS);
        self.slot_rows = slots.max(SLOT_ROWS).max(filled_slots).min(MAX_ROWS);
    }
}

struct Pairs(HashMap<String, String>, Vec<(String, String)>);

impl Pairs {
    fn get(&self, name: &str) -> String {
        self.0.get(name).cloned().unwrap_or_default()
    }
    fn flag(&self, name: &str) -> bool {
        matches!(self.get(name).as_str(), "1" | "on" | "true")
    }
    fn all(&self, name: &str) -> Vec<String> {
        self.1
            .iter()
            .filter(|(k, v)| k == name && !v.trim().is_empty())
            .map(|(_, v)| v.clone())
            .collect()
    }
    fn any(&self, names: &[String]) -> bool {
        names.iter().any(|n| !self.get(n).trim().is_empty())
    }
    fn slot(&self, prefix: &str) -> Option<SlotDraft> {
        let names = ["weekday", "start", "end"].map(|f| format!("{prefix}_{f}"));
        self.any(&names).then(|| SlotDraft {
            weekday: self.get(&names[0]),
            start: self.get(&names[1]),
            end: self.get(&names[2]),
        })
    }
    fn span(&self, prefix: &str) -> Option<SpanDraft> {
        let names = ["start", "end"].map(|f| format!("{prefix}_{f}"));
        self.any(&names).then(|| SpanDraft {
            start: self.get(&names[0]),
            end: self.get(&names[1]),
        })
    }
    fn rows(&self, name: &str) -> usize {
        self.get(name).trim().parse::<usize>().unwrap_or(0)
    }
}

/// Parses the urlencoded pairs of the offer form. Fully empty rows are left out.
pub fn parse(pairs: Vec<(String, String)>) -> FormInput {
    let mut first = HashMap::new();
    for (k, v) in &pairs {
        first.entry(k.clone()).or_insert_with(|| v.clone());
    }
    let p = Pairs(first, pairs);
    let slot_rows = (1..=MAX_ROWS)
        .filter_map(|n| p.slot(&format!("evening_{n}")))
        .collect();
    let release_rows = (1..=MAX_ROWS)
        .filter_map(|n| p.slot(&format!("slot_{n}")))
        .collect();
    let modules = (1..=MAX_ROWS)
        .filter_map(|n| {
            let names =
                ["title", "hours", "self_study", "milestone"].map(|f| format!("module_{n}_{f}"));
            p.any(&names).then(|| ModuleDraft {
                title: p.get(&names[0]),
                hours: p.get(&names[1]),
                self_study_hours_per_week: p.get(&names[2]),
                milestone: p.get(&names[3]),
            })
        })
        .collect();
    let exams = (1..=MAX_ROWS)
        .filter_map(|n| {
            let names = ["after_module", "title", "hours"].map(|f| format!("exam_{n}_{f}"));
            p.any(&names).then(|| ExamDraft {
                after_module: p.get(&names[0]),
                title: p.get(&names[1]),
                hours: p.get(&names[2]),
            })
        })
        .collect();
    let exchange = {
        let every = p.get("exchange_every_weeks");
        let slot = p.slot("exchange");
        (!every.trim().is_empty() || slot.is_some()).then(|| ExchangeDraft {
            every_weeks: every,
            slot: slot.unwrap_or_default(),
        })
    };
    let keywords = p
        .get("keywords")
        .split([',', '\n'])
        .map(|k| k.trim().to_owned())
        .filter(|k| !k.is_empty())
        .collect();
    let draft = OfferDraft {
        title: p.get("title"),
        goal: p.get("goal"),
        company_measure_only: p.flag("company_measure_only"),
        kldb: p.get("kldb"),
        target_group: p.get("target_group"),
        description: p.get("description").replace("\r\n", "\n"),
        delivery_modes: p.all("delivery_modes"),
        kickoff_in_presence: p.flag("kickoff_in_presence"),
        closing_in_presence: p.flag("closing_in_presence"),
        time_model: TimeModelDraft {
            kind: p.get("time_model_kind"),
            evenings: slot_rows,
            evening: p.slot("block_evening"),
            weekend: p.span("block_weekend"),
            day: p.span("compact_day"),
            weeks_per_quarter: p.get("weeks_per_quarter"),
            slots: release_rows,
            hours_per_week: p.get("hours_per_week"),
            presence: p.slot("presence"),
        },
        modules,
        exams,
        exchange,
        language_level: p.get("language_level"),
        language_justification: p.get("language_justification"),
        support: p.all("support"),
        location: LocationDraft {
            name: p.get("location_name"),
            street: p.get("location_street"),
            zip: p.get("location_zip"),
            city: p.get("location_city"),
            step_free: p.flag("location_step_free"),
            accessibility: p.get("location_accessibility"),
        },
        funding: p.get("funding"),
        costs_eur: p.get("costs_eur"),
        capacity: p.get("capacity"),
        contact_name: p.get("contact_name"),
        contact_email: p.get("contact_email"),
        contact_phone: p.get("contact_phone"),
        degree: p.get("degree"),
        keywords,
        load_limit_hours: p.get("load_limit_hours"),
    };
    let more_rows = p.get("action") == "more_rows";
    let mut input = FormInput {
        draft,
        provider: p.get("provider"),
        more_rows,
        ..FormInput::default()
    };
    let extra = if more_rows { MORE_ROWS } else { 0 };
    let base = |name: &str, default: usize| p.rows(name).max(default) + extra;
    input.fit_rows(
        base("module_rows", MODULE_ROWS),
        base("exam_rows", EXAM_ROWS),
        base("slot_rows", SLOT_ROWS),
    );
    if more_rows {
        // Room for three more even when the sent count was missing or already full.
        let d = &input.draft;
        let filled_slots = d.time_model.evenings.len().max(d.time_model.slots.len());
        input.module_rows = input
            .module_rows
            .max(d.modules.len() + MORE_ROWS)
            .min(MAX_ROWS);
        input.exam_rows = input.exam_rows.max(d.exams.len() + MORE_ROWS).min(MAX_ROWS);
        input.slot_rows = input.slot_rows.max(filled_slots + MORE_ROWS).min(MAX_ROWS);
    }
    input
}

/// The form field (its `id` and `name`) of a draft error path.
pub fn form_id(path: &str) -> String {
    let parts: Vec<&str> = path.split('.').collect();
    let row = |i: &str| i.parse::<usize>().map(|n| n + 1).unwrap_or(1);
    match parts.as_slice() {
        ["time_model", "kind"] => "time_model_kind".into(),
        ["time_model", "evenings"] => "time_model_evenings".into(),
        ["time_model", "slots"] => "time_model_slots".into(),
        ["time_model", "evenings", i, f] => format!("evening_{}_{f}", row(i)),
        ["time_model", "slots", i, f] => format!("slot_{}_{f}", row(i)),
        ["time_model", "evening", f] => format!("block_evening_{f}"),
        ["time_model", "weekend", f] => format!("block_weekend_{f}"),
        ["time_model", "day", f] => format!("compact_day_{f}"),
        ["time_model", "presence", f] => format!("presence_{f}"),
        ["time_model", f] => (*f).to_owned(),
        ["modules", i, "self_study_hours_per_week"] => format!("module_{}_self_study", row(i)),
        ["modules", i, f] => format!("module_{}_{f}", row(i)),
        ["exams", i, f] => format!("exam_{}_{f}", row(i)),
        ["exchange", "slot", f] => format!("exchange_{f}"),
        ["exchange", f] => format!("exchange_{f}"),
        ["delivery_modes", ..] => "delivery_modes".into(),
        ["support", ..] => "support".into(),
        ["keywords", ..] => "keywords".into(),
        _ => path.replace('.', "_"),
    }
}

/// Error messages by form field, in the order found (the error summary's order).
#[derive(Debug, Clone, Default)]
pub struct Errors {
    pub list: Vec<(String, String)>,
}

impl Errors {
    pub fn from_fields(lang: Lang, errors: &[FieldError]) -> Errors {
        let mut out = Errors::default();
        for e in errors {
            out.add(form_id(&e.field), error_text(lang, e));
        }
        out
    }

    pub fn add(&mut self, id: String, message: String) {
        if !self.list.iter().any(|(k, _)| *k == id) {
            self.list.push((id, message));
        }
    }

    pub fn get(&self, id: &str) -> Option<String> {
        self.list
            .iter()
            .find(|(k, _)| k == id)
            .map(|(_, v)| v.clone())
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn rows_are_compacted_and_empty_rows_ignored() {
        let f = parse(pairs(&[
            ("module_1_title", ""),
            ("module_2_title", "Fachsprache"),
            ("module_2_hours", "30"),
            ("module_5_title", "Praxis"),
            ("delivery_modes", "online_live"),
            ("delivery_modes", "presence"),
            ("keywords", "Pflege, Sprache,"),
            ("module_rows", "6"),
        ]));
        assert_eq!(f.draft.modules.len(), 2);
        assert_eq!(f.draft.modules[1].title, "Praxis");
        assert_eq!(f.draft.delivery_modes, vec!["online_live", "presence"]);
        assert_eq!(f.draft.keywords, vec!["Pflege", "Sprache"]);
        assert_eq!(f.module_rows, MODULE_ROWS);
        assert!(f.draft.exchange.is_none());
    }

    #[test]
    fn more_rows_adds_three() {
        let f = parse(pairs(&[("action", "more_rows"), ("module_rows", "6")]));
        assert!(f.more_rows);
        assert_eq!(f.module_rows, 9);
        assert_eq!(f.exam_rows, EXAM_ROWS + MORE_ROWS);
        assert_eq!(f.slot_rows, SLOT_ROWS + MORE_ROWS);
        let f = parse(pairs(&[("module_rows", "999")]));
        assert_eq!(f.module_rows, MAX_ROWS);
    }

    #[test]
    fn error_paths_map_to_fields() {
        assert_eq!(form_id("modules.0.hours"), "module_1_hours");
        assert_eq!(
            form_id("modules.2.self_study_hours_per_week"),
            "module_3_self_study"
        );
        assert_eq!(form_id("time_model.evenings.1.end"), "evening_2_end");
        assert_eq!(form_id("time_model.weekend.start"), "block_weekend_start");
        assert_eq!(form_id("time_model.kind"), "time_model_kind");
        assert_eq!(form_id("time_model.hours_per_week"), "hours_per_week");
        assert_eq!(form_id("exchange.slot.weekday"), "exchange_weekday");
        assert_eq!(form_id("exchange.every_weeks"), "exchange_every_weeks");
        assert_eq!(form_id("location.city"), "location_city");
        assert_eq!(form_id("delivery_modes.3"), "delivery_modes");
        assert_eq!(form_id("title"), "title");
    }
}
