//! The offer form as data for the template: sections of fields and fieldsets, each field
//! with its label, value, hint and error (so one template renders every field the same,
//! accessible way).

use lernweg_domain::CefrLevel;
use lernweg_offers::model::SlotDraft;
use lernweg_offers::{DeliveryMode, Goal, SupportOffer};
use lernweg_planner::TimeModelKind;

use super::form::{Errors, FormInput};
use crate::i18n::Lang;
use crate::pages::admin::Choice;

/// One form control.
pub struct Field {
    pub id: String,
    pub name: String,
    pub label: String,
    /// text, decimal, time, email, tel, textarea, select, checkbox
    pub kind: &'static str,
    pub value: String,
    pub checked: bool,
    pub options: Vec<Choice>,
    pub hint: String,
    pub error: Option<String>,
    pub required: bool,
}

impl Field {
    /// The ids for `aria-describedby` (hint and error), or empty.
    pub fn described_by(&self) -> String {
        let mut v = Vec::new();
        if !self.hint.is_empty() {
            v.push(format!("{}-hint", self.id));
        }
        if self.error.is_some() {
            v.push(format!("{}-error", self.id));
        }
        v.join(" ")
    }
}

/// A fieldset: a row of a repeated group, or a set of checkboxes.
pub struct Group {
    pub id: String,
    pub legend: String,
    pub hint: String,
    pub error: Option<String>,
    pub fields: Vec<Field>,
    /// `row` lays out its fields side by side on wide screens.
    pub class: &'static str,
}

/// A section of the form (an `h2` with its fields and fieldsets).
pub struct Section {
    pub id: String,
    pub heading: String,
    pub hint: String,
    pub error: Option<String>,
    pub fields: Vec<Field>,
    pub groups: Vec<Group>,
    /// Show the readability summary of the description above the fields.
    pub readability: bool,
}

struct B<'a> {
    lang: Lang,
    errors: &'a Errors,
}

impl B<'_> {
    fn t(&self, key: &str) -> String {
        self.lang.t(key)
    }

    fn field(&self, id: &str, label_key: &str, kind: &'static str, value: &str) -> Field {
        Field {
            id: id.to_owned(),
            name: id.to_owned(),
            label: self.t(label_key),
            kind,
            value: value.to_owned(),
            checked: false,
            options: Vec::new(),
            hint: String::new(),
            error: self.errors.get(id),
            required: false,
        }
    }

    fn top(&self, id: &str, kind: &'static str, value: &str) -> Field {
        self.field(id, &format!("offers-form-{id}"), kind, value)
    }

    fn checkbox(&self, id: &str, checked: bool) -> Field {
        let mut f = self.top(id, "checkbox", "1");
        f.checked = checked;
        f
    }

    fn select(
        &self,
        id: &str,
        label_key: &str,
        value: &str,
        options: Vec<(String, String)>,
    ) -> Field {
        let mut f = self.field(id, label_key, "select", value);
        f.options = std::iter::once((String::new(), self.t("form-choose")))
            .chain(options)
            .map(|(v, label)| Choice {
                selected: v == value,
                value: v,
                label,
            })
            .collect();
        f
    }

    fn weekdays(&self) -> Vec<(String, String)> {
        ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
            .iter()
            .map(|d| ((*d).to_owned(), self.t(&format!("offers-form-weekday-{d}"))))
            .collect()
    }

    /// Weekday, start and end of a slot named `prefix_…`.
    fn slot(&self, prefix: &str, slot: Option<&SlotDraft>) -> Vec<Field> {
        let s = slot.cloned().unwrap_or_default();
        vec![
            self.select(
                &format!("{prefix}_weekday"),
                "offers-form-weekday",
                &s.weekday,
                self.weekdays(),
            ),
            self.field(
                &format!("{prefix}_start"),
                "offers-form-start",
                "time",
                &s.start,
            ),
            self.field(&format!("{prefix}_end"), "offers-form-end", "time", &s.end),
        ]
    }

    fn group(&self, id: &str, legend: String, fields: Vec<Field>) -> Group {
        Group {
            id: id.to_owned(),
            legend,
            hint: String::new(),
            error: self.errors.get(id),
            fields,
            class: "row",
        }
    }

    fn checkboxes(&self, id: &str, chosen: &[String], codes: &[(&str, String)]) -> Group {
        let fields = codes
            .iter()
            .map(|(code, label)| Field {
                id: format!("{id}_{code}"),
                name: id.to_owned(),
                label: label.clone(),
                kind: "checkbox",
                value: (*code).to_owned(),
                checked: chosen.iter().any(|c| c.trim() == *code),
                options: Vec::new(),
                hint: String::new(),
                error: None,
                required: false,
            })
            .collect();
        Group {
            class: "choices",
            ..self.group(id, self.t(&format!("offers-form-{id}")), fields)
        }
    }

    fn section(&self, id: &str, fields: Vec<Field>, groups: Vec<Group>) -> Section {
        Section {
            id: format!("offer-{id}"),
            heading: self.t(&format!("offers-form-section-{id}")),
            hint: String::new(),
            error: None,
            fields,
            groups,
            readability: false,
        }
    }
}

fn with_hint(mut f: Field, hint: String) -> Field {
    f.hint = hint;
    f
}

fn required(mut f: Field) -> Field {
    f.required = true;
    f
}

/// The form's sections. `providers` (value, label) is offered to admins creating an offer.
pub fn sections(
    lang: Lang,
    input: &FormInput,
    errors: &Errors,
    providers: Option<Vec<(String, String)>>,
) -> Vec<Section> {
    let b = B { lang, errors };
    let d = &input.draft;
    let tm = &d.time_model;
    let mut out = Vec::new();

    // Basics
    let mut basics = Vec::new();
    if let Some(p) = providers {
        basics.push(required(b.select(
            "provider",
            "offers-form-provider",
            &input.provider,
            p,
        )));
    }
    basics.push(required(b.top("title", "text", &d.title)));
    let goals = Goal::ALL
        .iter()
        .map(|g| {
            (
                g.code().to_owned(),
                b.t(&format!("offers-goal-{}", g.code())),
            )
        })
        .collect();
    basics.push(required(b.select(
        "goal",
        "offers-form-goal",
        &d.goal,
        goals,
    )));
    basics.push(with_hint(
        b.checkbox("company_measure_only", d.company_measure_only),
        b.t("offers-form-company_measure_only-hint"),
    ));
    basics.push(required(with_hint(
        b.top("kldb", "text", &d.kldb),
        b.t("offers-form-kldb-hint"),
    )));
    basics.push(required(b.top("target_group", "textarea", &d.target_group)));
    basics.push(b.top("degree", "text", &d.degree));
    basics.push(with_hint(
        b.top("keywords", "text", &d.keywords.join(", ")),
        b.t("offers-form-keywords-hint"),
    ));
    out.push(b.section("basics", basics, Vec::new()));

    // Description for participants, with its readability
    let mut desc = b.section(
        "description",
        vec![with_hint(
            b.top("description", "textarea", &d.description),
            b.t("offers-form-description-hint"),
        )],
        Vec::new(),
    );
    desc.readability = true;
    out.push(desc);

    // Delivery
    let modes: Vec<(&str, String)> = DeliveryMode::ALL
        .iter()
        .map(|m| (m.code(), b.t(&format!("offers-mode-{}", m.code()))))
        .collect();
    out.push(b.section(
        "delivery",
        vec![
            b.checkbox("kickoff_in_presence", d.kickoff_in_presence),
            b.checkbox("closing_in_presence", d.closing_in_presence),
        ],
        vec![b.checkboxes("delivery_modes", &d.delivery_modes, &modes)],
    ));

    // Time model
    let kinds = TimeModelKind::ALL
        .iter()
        .map(|k| {
            (
                k.code().to_owned(),
                b.t(&format!("offers-time_model-{}", k.code())),
            )
        })
        .collect();
    let mut groups = Vec::new();
    for n in 1..=input.slot_rows {
        let id = if n == 1 {
            "time_model_evenings".to_owned()
        } else {
            format!("evening_{n}")
        };
        let legend = lang.t_args("offers-form-evening-row", &[("number", n.to_string())]);
        groups.push(b.group(
            &id,
            legend,
            b.slot(&format!("evening_{n}"), tm.evenings.get(n - 1)),
        ));
    }
    let mut block = b.slot("block_evening", tm.evening.as_ref());
    let weekend = tm.weekend.clone().unwrap_or_default();
    block.push(b.field(
        "block_weekend_start",
        "offers-form-weekend-start",
        "time",
        &weekend.start,
    ));
    block.push(b.field(
        "block_weekend_end",
        "offers-form-weekend-end",
        "time",
        &weekend.end,
    ));
    groups.push(b.group("block_seminar", b.t("offers-form-block-seminar"), block));
    let day = tm.day.clone().unwrap_or_default();
    groups.push(b.group(
        "compact_seminar",
        b.t("offers-form-compact-seminar"),
        vec![
            b.field(
                "compact_day_start",
                "offers-form-day-start",
                "time",
                &day.start,
            ),
            b.field("compact_day_end", "offers-form-day-end", "time", &day.end),
            b.top("weeks_per_quarter", "decimal", &tm.weeks_per_quarter),
        ],
    ));
    for n in 1..=input.slot_rows {
        let id = if n == 1 {
            "time_model_slots".to_owned()
        } else {
            format!("slot_{n}")
        };
        let legend = lang.t_args("offers-form-slot-row", &[("number", n.to_string())]);
        groups.push(b.group(
            &id,
            legend,
            b.slot(&format!("slot_{n}"), tm.slots.get(n - 1)),
        ));
    }
    let mut self_paced = vec![b.top("hours_per_week", "decimal", &tm.hours_per_week)];
    self_paced.extend(b.slot("presence", tm.presence.as_ref()));
    groups.push(Group {
        hint: b.t("offers-form-self-paced-hint"),
        ..b.group("self_paced", b.t("offers-form-self-paced"), self_paced)
    });
    let mut time = b.section(
        "time_model",
        vec![required(b.select(
            "time_model_kind",
            "offers-form-time_model_kind",
            &tm.kind,
            kinds,
        ))],
        groups,
    );
    time.hint = b.t("offers-form-section-time_model-hint");
    out.push(time);

    // Modules
    let mut groups = Vec::new();
    for n in 1..=input.module_rows {
        let m = d.modules.get(n - 1).cloned().unwrap_or_default();
        let p = format!("module_{n}");
        groups.push(b.group(
            &format!("{p}_row"),
            lang.t_args("offers-form-module-row", &[("number", n.to_string())]),
            vec![
                b.field(
                    &format!("{p}_title"),
                    "offers-form-module-title",
                    "text",
                    &m.title,
                ),
                b.field(
                    &format!("{p}_hours"),
                    "offers-form-module-hours",
                    "decimal",
                    &m.hours,
                ),
                b.field(
                    &format!("{p}_self_study"),
                    "offers-form-module-self_study",
                    "decimal",
                    &m.self_study_hours_per_week,
                ),
                b.field(
                    &format!("{p}_milestone"),
                    "offers-form-module-milestone",
                    "text",
                    &m.milestone,
                ),
            ],
        ));
    }
    let mut modules = b.section("modules", Vec::new(), groups);
    modules.id = "modules".into();
    modules.error = errors.get("modules");
    modules.hint = b.t("offers-form-section-modules-hint");
    out.push(modules);

    // Exams
    let mut groups = Vec::new();
    for n in 1..=input.exam_rows {
        let x = d.exams.get(n - 1).cloned().unwrap_or_default();
        let p = format!("exam_{n}");
        groups.push(b.group(
            &format!("{p}_row"),
            lang.t_args("offers-form-exam-row", &[("number", n.to_string())]),
            vec![
                b.field(
                    &format!("{p}_after_module"),
                    "offers-form-exam-after_module",
                    "decimal",
                    &x.after_module,
                ),
                b.field(
                    &format!("{p}_title"),
                    "offers-form-exam-title",
                    "text",
                    &x.title,
                ),
                b.field(
                    &format!("{p}_hours"),
                    "offers-form-exam-hours",
                    "decimal",
                    &x.hours,
                ),
            ],
        ));
    }
    out.push(b.section("exams", Vec::new(), groups));

    // Exchange meetings
    let x = d.exchange.clone().unwrap_or_default();
    let mut fields = vec![b.top("exchange_every_weeks", "decimal", &x.every_weeks)];
    fields.extend(b.slot("exchange", d.exchange.as_ref().map(|x| &x.slot)));
    let mut exchange = b.section("exchange", fields, Vec::new());
    exchange.hint = b.t("offers-form-section-exchange-hint");
    out.push(exchange);

    // Language prerequisite
    let levels = CefrLevel::ALL
        .iter()
        .map(|l| (l.as_str().to_owned(), l.as_str().to_owned()))
        .collect();
    out.push(b.section(
        "language",
        vec![
            b.select(
                "language_level",
                "offers-form-language_level",
                &d.language_level,
                levels,
            ),
            with_hint(
                b.top(
                    "language_justification",
                    "textarea",
                    &d.language_justification,
                ),
                b.t("offers-form-language_justification-hint"),
            ),
        ],
        Vec::new(),
    ));

    // Support
    let support: Vec<(&str, String)> = SupportOffer::ALL
        .iter()
        .map(|s| (s.code(), b.t(&format!("offers-support-{}", s.code()))))
        .collect();
    out.push(b.section(
        "support",
        Vec::new(),
        vec![b.checkboxes("support", &d.support, &support)],
    ));

    // Location
    let l = &d.location;
    let mut location = b.section(
        "location",
        vec![
            b.top("location_name", "text", &l.name),
            b.top("location_street", "text", &l.street),
            b.top("location_zip", "text", &l.zip),
            b.top("location_city", "text", &l.city),
            b.checkbox("location_step_free", l.step_free),
            b.top("location_accessibility", "textarea", &l.accessibility),
        ],
        Vec::new(),
    );
    location.hint = b.t("offers-form-section-location-hint");
    out.push(location);

    // Conditions
    out.push(b.section(
        "conditions",
        vec![
            b.top("funding", "text", &d.funding),
            b.top("costs_eur", "decimal", &d.costs_eur),
            required(b.top("capacity", "decimal", &d.capacity)),
            with_hint(
                b.top("load_limit_hours", "decimal", &d.load_limit_hours),
                b.t("offers-form-load_limit_hours-hint"),
            ),
        ],
        Vec::new(),
    ));

    // Contact
    out.push(b.section(
        "contact",
        vec![
            required(b.top("contact_name", "text", &d.contact_name)),
            required(b.top("contact_email", "email", &d.contact_email)),
            b.top("contact_phone", "tel", &d.contact_phone),
        ],
        Vec::new(),
    ));
    out
}
