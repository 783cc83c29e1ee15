//! schema.org `Course` as JSON-LD for public offer pages (MISSION.md §2.2, "Where the dates
//! go"): every cohort that has not ended is a `CourseInstance` from its first session, whose
//! `courseMode`, `courseSchedule` (with `repeatCount`) and `courseWorkload` carry the delivery
//! mode, the time model and the total workload of the run (ISO 8601) to search engines and
//! course portals; the weekly load goes into the instance's `description` in words.
//!
//! ```
//! # use lernweg_offers::OfferDraft;
//! use lernweg_offers::publish::jsonld::{CohortLd, CourseLd, ProviderLd, course_jsonld, jsonld_script};
//! # let offer: lernweg_offers::Offer = serde_json::from_str::<OfferDraft>(r#"{"title":"Deutsch für die Pflege","goal":"language_support","kldb":"81302","target_group":"Pflegekräfte","delivery_modes":["online_live"],"time_model":{"kind":"evening_course","evenings":[{"weekday":"wed","start":"18:00","end":"21:00"}]},"modules":[{"title":"Fachsprache","hours":"30"}],"capacity":"16","contact_name":"A. Demir","contact_email":"a@traeger.example"}"#).unwrap().validate().unwrap();
//! let start = chrono::NaiveDate::from_ymd_opt(2027, 1, 13).unwrap();
//! let end = chrono::NaiveDate::from_ymd_opt(2027, 4, 21).unwrap();
//! let provider = ProviderLd { name: "Bildungsträger Süd".into(), url: None, address: None };
//! let mut ld = CourseLd::new(&offer, "https://lernweg.example/angebote/deutsch".into(), provider, &|id| id.to_owned());
//! ld.cohorts.push(CohortLd::new(start, end));
//! let html = jsonld_script(&course_jsonld(&ld, start));
//! assert!(html.contains(r#""courseMode":"online""#));
//! ```

use chrono::{Datelike, NaiveDate};
use lernweg_planner::Plan;
use serde_json::{Map, Value, json};

mod schedule;

pub use schedule::day_url;
use schedule::schedules;

use crate::model::{DeliveryMode, Goal, Location, Offer, Slot, TimeModelDef};

/// A postal address in Germany.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PostalAddressLd {
    pub street: String,
    pub zip: String,
    pub city: String,
}

/// The provider (Bildungsträger) as schema.org `Organization`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ProviderLd {
    pub name: String,
    pub url: Option<String>,
    pub address: Option<PostalAddressLd>,
}

/// schema.org `courseMode` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CourseMode {
    Online,
    Onsite,
    Blended,
}

impl CourseMode {
    pub fn code(self) -> &'static str {
        match self {
            CourseMode::Online => "online",
            CourseMode::Onsite => "onsite",
            CourseMode::Blended => "blended",
        }
    }

    /// From the offer's delivery modes: `blended`, or presence together with a digital
    /// mode → blended; presence only → onsite; online live or self-paced only → online.
    /// Presence kick-off, closing or exams alone do not make an online course blended.
    pub fn of_offer(offer: &Offer) -> CourseMode {
        let m = &offer.delivery_modes;
        let presence = m.contains(&DeliveryMode::Presence);
        if m.contains(&DeliveryMode::Blended) || (presence && m.iter().any(|d| d.is_digital())) {
            CourseMode::Blended
        } else if presence {
            CourseMode::Onsite
        } else {
            CourseMode::Online
        }
    }
}

/// One cohort (Durchgang) of the offer.
#[derive(Debug, Clone, PartialEq)]
pub struct CohortLd<'a> {
    pub start: NaiveDate,
    pub end: NaiveDate,
    /// The cohort's timetable: the weekly workload comes from its load report.
    pub plan: Option<&'a Plan>,
    /// Hours per week including self-study; overrides the plan's and the estimate.
    pub weekly_hours: Option<f64>,
    /// Where presence events take place; `None` → the offer's location.
    pub location: Option<Location>,
    /// `None` → [`CourseMode::of_offer`].
    pub mode: Option<CourseMode>,
    /// The cohort's page (also the `VirtualLocation` of online cohorts); `None` → the
    /// course URL.
    pub url: Option<String>,
    pub name: Option<String>,
    /// The instance's `description`, e.g. the weekly load in words (see
    /// [`CohortLd::weekly_load`]); the caller writes it from its Fluent texts.
    pub description: Option<String>,
}

impl<'a> CohortLd<'a> {
    /// A cohort with dates only; everything else from the offer.
    pub fn new(start: NaiveDate, end: NaiveDate) -> Self {
        CohortLd {
            start,
            end,
            plan: None,
            weekly_hours: None,
            location: None,
            mode: None,
            url: None,
            name: None,
            description: None,
        }
    }

    /// A cohort from its plan: first session to end date, workload from the load report.
    pub fn from_plan(plan: &'a Plan) -> Self {
        let start = plan.sessions.first().map_or(plan.start, |s| s.date);
        CohortLd {
            plan: Some(plan),
            ..CohortLd::new(start, plan.end_date)
        }
    }

    /// Hours per week the run asks for (sessions and self-study): the given ones, else the
    /// plan's average over its weeks with sessions, else an estimate from the time model.
    pub fn weekly_load(&self, offer: &Offer) -> Option<f64> {
        self.weekly_hours
            .or_else(|| self.plan.and_then(plan_weekly_hours))
            .or_else(|| estimated_weekly_hours(offer))
            .filter(|h| *h > 0.0)
    }

    /// The total workload of the run (`courseWorkload`): with a plan, the hours of its
    /// sessions plus all self-study; else the weekly load times the weeks of the run; else
    /// the offer's hours.
    pub fn total_workload(&self, offer: &Offer) -> Option<f64> {
        let total = match (self.plan, self.weekly_hours) {
            (Some(p), None) => {
                p.total_hours
                    + p.load
                        .weekly
                        .iter()
                        .map(|w| w.self_study_hours)
                        .sum::<f64>()
            }
            _ => match self.weekly_load(offer) {
                Some(weekly) => weekly * weeks_between(self.start, self.end) as f64,
                None => offer.total_hours(),
            },
        };
        (total > 0.0).then_some(total)
    }
}

/// Calendar weeks from `start` to `end`, both included (at least one).
fn weeks_between(start: NaiveDate, end: NaiveDate) -> i64 {
    let monday =
        |d: NaiveDate| d - chrono::Duration::days(d.weekday().num_days_from_monday().into());
    ((monday(end) - monday(start)).num_days() / 7 + 1).max(1)
}

/// Everything [`course_jsonld`] needs.
#[derive(Debug, Clone, PartialEq)]
pub struct CourseLd<'a> {
    pub offer: &'a Offer,
    /// The public offer page.
    pub url: String,
    pub provider: ProviderLd,
    /// `educationalCredentialAwarded` (German text); see [`CourseLd::new`].
    pub credential: Option<String>,
    /// The name of a block seminar's weekend schedule (Fluent id
    /// `publish-schedule-block-weekend`): one weekend a month, not every Friday and Saturday.
    pub block_weekend: String,
    pub cohorts: Vec<CohortLd<'a>>,
}

impl<'a> CourseLd<'a> {
    /// Fills the credential from the offer's degree, else from its goal where the goal
    /// implies one (Fluent id `publish-credential-<goal>`). Pass the German `label`: the
    /// document says `inLanguage: de`.
    pub fn new(
        offer: &'a Offer,
        url: String,
        provider: ProviderLd,
        label: &dyn Fn(&str) -> String,
    ) -> Self {
        let credential = offer
            .degree
            .clone()
            .filter(|d| !d.trim().is_empty())
            .or_else(|| credential_message_id(offer.goal).map(label));
        CourseLd {
            offer,
            url,
            provider,
            credential,
            block_weekend: label("publish-schedule-block-weekend"),
            cohorts: Vec::new(),
        }
    }
}

/// The Fluent id of the credential a goal leads to by its nature, if any: a partial
/// qualification ends with a TQ certificate, compensation and adaptation measures with a
/// certificate for the recognition authority. Recognition, bridging and language offers
/// prepare for something awarded elsewhere.
pub fn credential_message_id(goal: Goal) -> Option<&'static str> {
    match goal {
        Goal::PartialQualification => Some("publish-credential-partial_qualification"),
        Goal::CompensationMeasure => Some("publish-credential-compensation_measure"),
        Goal::AdaptationQualification => Some("publish-credential-adaptation_qualification"),
        _ => None,
    }
}

/// The schema.org `Course` of an offer with one `CourseInstance` per cohort that has not
/// ended by `today` (ended runs are not offered any more).
pub fn course_jsonld(input: &CourseLd, today: NaiveDate) -> Value {
    let o = input.offer;
    let mut course = Map::new();
    course.insert("@context".into(), json!("https://schema.org"));
    course.insert("@type".into(), json!("Course"));
    course.insert("name".into(), json!(o.title));
    let description = if o.description.trim().is_empty() {
        &o.target_group
    } else {
        &o.description
    };
    course.insert("description".into(), json!(description));
    course.insert("url".into(), json!(input.url));
    course.insert("inLanguage".into(), json!("de"));
    course.insert("provider".into(), provider(&input.provider));
    if let Some(c) = &input.credential {
        course.insert(
            "educationalCredentialAwarded".into(),
            json!({
                "@type": "EducationalOccupationalCredential",
                "name": c,
                "credentialCategory": "certificate",
            }),
        );
    }
    let teaches: Vec<&str> = o.modules.iter().map(|m| m.title.as_str()).collect();
    if !teaches.is_empty() {
        course.insert("teaches".into(), json!(teaches));
    }
    if !o.keywords.is_empty() {
        course.insert("about".into(), json!(o.keywords));
        course.insert("keywords".into(), json!(o.keywords.join(", ")));
    }
    if !o.target_group.trim().is_empty() {
        course.insert(
            "audience".into(),
            json!({"@type": "Audience", "audienceType": o.target_group}),
        );
    }
    if o.total_hours() > 0.0 {
        course.insert("timeRequired".into(), json!(iso_duration(o.total_hours())));
    }
    course.insert("offers".into(), offer_ld(input));
    let instances: Vec<Value> = input
        .cohorts
        .iter()
        .filter(|c| c.end >= today)
        .map(|c| instance(input, c))
        .collect();
    if !instances.is_empty() {
        course.insert("hasCourseInstance".into(), Value::Array(instances));
    }
    Value::Object(course)
}

/// Serializes for `<script type="application/ld+json">`: `<`, `>` and `&` become `\u003c`,
/// `\u003e` and `\u0026` (they can only occur inside JSON strings, where the escapes mean the
/// same), so no value can close the script element or open a comment; U+2028/U+2029 are
/// escaped too for old JavaScript parsers.
pub fn jsonld_script(value: &Value) -> String {
    let raw = value.to_string();
    let mut out = String::with_capacity(raw.len() + 16);
    for c in raw.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

fn provider(p: &ProviderLd) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("Organization"));
    m.insert("name".into(), json!(p.name));
    if let Some(url) = p.url.as_ref().filter(|u| !u.trim().is_empty()) {
        m.insert("url".into(), json!(url));
    }
    if let Some(a) = &p.address {
        m.insert("address".into(), postal_address(&a.street, &a.zip, &a.city));
    }
    Value::Object(m)
}

fn postal_address(street: &str, zip: &str, city: &str) -> Value {
    let mut m = Map::new();
    m.insert("@type".into(), json!("PostalAddress"));
    for (key, v) in [
        ("streetAddress", street),
        ("postalCode", zip),
        ("addressLocality", city),
    ] {
        if !v.trim().is_empty() {
            m.insert(key.into(), json!(v.trim()));
        }
    }
    m.insert("addressCountry".into(), json!("DE"));
    Value::Object(m)
}

/// Price in euros; `category` uses the pricing categories search engines understand
/// ("Free", "Paid"); the funding note goes into the offer's `description`.
fn offer_ld(input: &CourseLd) -> Value {
    let o = input.offer;
    let costs = (o.costs_eur * 100.0).round() / 100.0;
    let price = if costs.fract() == 0.0 {
        json!(costs as i64)
    } else {
        json!(costs)
    };
    let mut m = Map::new();
    m.insert("@type".into(), json!("Offer"));
    m.insert("price".into(), price);
    m.insert("priceCurrency".into(), json!("EUR"));
    m.insert(
        "category".into(),
        json!(if costs == 0.0 { "Free" } else { "Paid" }),
    );
    m.insert("url".into(), json!(input.url));
    if let Some(f) = o.funding.as_ref().filter(|f| !f.trim().is_empty()) {
        m.insert("description".into(), json!(f.trim()));
    }
    Value::Object(m)
}

fn instance(input: &CourseLd, c: &CohortLd) -> Value {
    let o = input.offer;
    let mode = c.mode.unwrap_or_else(|| CourseMode::of_offer(o));
    let url = c.url.clone().unwrap_or_else(|| input.url.clone());
    let mut m = Map::new();
    m.insert("@type".into(), json!("CourseInstance"));
    if let Some(name) = &c.name {
        m.insert("name".into(), json!(name));
    }
    if c.url.is_some() {
        m.insert("url".into(), json!(url));
    }
    if let Some(d) = c.description.as_ref().filter(|d| !d.trim().is_empty()) {
        m.insert("description".into(), json!(d));
    }
    m.insert("courseMode".into(), json!(mode.code()));
    let schedules = schedules(&o.time_model, c, &input.block_weekend);
    if !schedules.is_empty() {
        m.insert("courseSchedule".into(), one_or_many(schedules));
    }
    if let Some(h) = c.total_workload(o) {
        m.insert("courseWorkload".into(), json!(iso_duration(h)));
    }
    m.insert("startDate".into(), json!(c.start.to_string()));
    m.insert("endDate".into(), json!(c.end.to_string()));
    let mut locations = Vec::new();
    let place_of = c.location.as_ref().or(o.location.as_ref());
    // An online run has no physical place (presence days of an online course are in the
    // offer's text, not a place of the run).
    if let Some(l) = place_of.filter(|_| mode != CourseMode::Online) {
        let mut place = Map::new();
        place.insert("@type".into(), json!("Place"));
        if !l.name.trim().is_empty() {
            place.insert("name".into(), json!(l.name.trim()));
        }
        place.insert("address".into(), postal_address(&l.street, &l.zip, &l.city));
        locations.push(Value::Object(place));
    }
    if mode != CourseMode::Onsite {
        locations.push(json!({"@type": "VirtualLocation", "url": url}));
    }
    if !locations.is_empty() {
        m.insert("location".into(), one_or_many(locations));
    }
    if o.capacity > 0 {
        m.insert("maximumAttendeeCapacity".into(), json!(o.capacity));
    }
    Value::Object(m)
}

fn one_or_many(mut list: Vec<Value>) -> Value {
    if list.len() == 1 {
        list.remove(0)
    } else {
        Value::Array(list)
    }
}

/// Average hours per week the course asks for (sessions and self-study, not the job), over
/// the weeks that have sessions.
pub fn plan_weekly_hours(plan: &Plan) -> Option<f64> {
    let weeks: Vec<f64> = plan
        .load
        .weekly
        .iter()
        .filter(|w| w.has_sessions)
        .map(|w| w.session_hours + w.self_study_hours)
        .collect();
    (!weeks.is_empty()).then(|| weeks.iter().sum::<f64>() / weeks.len() as f64)
}

/// Without a plan: the weekly slots (or self-paced hours) plus the modules' average
/// self-study; `None` for block and compact seminars, whose weeks differ too much.
pub fn estimated_weekly_hours(o: &Offer) -> Option<f64> {
    let n = o.modules.len().max(1) as f64;
    let study = o
        .modules
        .iter()
        .map(|m| m.self_study_hours_per_week)
        .sum::<f64>()
        / n;
    let base = match &o.time_model {
        TimeModelDef::EveningCourse { evenings: s } | TimeModelDef::ReleaseSlots { slots: s } => {
            s.iter().map(Slot::hours).sum()
        }
        TimeModelDef::SelfPaced { hours_per_week, .. } => *hours_per_week,
        TimeModelDef::BlockSeminar { .. } | TimeModelDef::CompactSeminar { .. } => return None,
    };
    Some(base + study)
}

/// ISO 8601 duration rounded to the quarter hour: 6 → "PT6H", 5.5 → "PT5H30M"; at least
/// "PT15M".
pub fn iso_duration(hours: f64) -> String {
    let quarters = ((hours * 4.0).round() as i64).max(1);
    let (h, m) = (quarters / 4, (quarters % 4) * 15);
    match (h, m) {
        (0, m) => format!("PT{m}M"),
        (h, 0) => format!("PT{h}H"),
        (h, m) => format!("PT{h}H{m}M"),
    }
}
