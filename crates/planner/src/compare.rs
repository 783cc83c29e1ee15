//! The same offer under every time model, side by side, with a recommendation.
//!
//! Each option uses the file's own time model parameters for its own kind and the documented
//! defaults for the others (a block seminar's evening is reused for the others' evening).
//! The recommendation follows the seed paper: a longer run with lower sustained load beats a
//! short one with constant high load, within the deadline. Among the options that meet the
//! deadline (all, if there is none) it takes the lowest average weekly load (rounded to whole
//! hours), then the smallest share of weeks over the limit, then the fewest release days, then
//! the earlier end. If no option meets the deadline it recommends the one that ends first.

use std::fmt::Write as _;

use chrono::NaiveDate;
use serde::Serialize;

use crate::PlannerError;
use crate::model::{OfferSpec, TimeModel, TimeModelKind, WeeklySlot};
use crate::output::{de_num, pretty};
use crate::plan::{Plan, PlanOptions, plan};

/// One time model's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComparisonOption {
    pub time_model: TimeModelKind,
    pub end_date: NaiveDate,
    pub weeks: u32,
    pub avg_weekly_hours: f64,
    pub peak_weekly_hours: f64,
    pub release_days: usize,
    pub deadline_met: bool,
    pub weeks_over_limit: usize,
    pub total_hours: f64,
    pub sessions: usize,
    /// Whether the parameters came from the offer (true) or are the defaults.
    pub from_offer: bool,
}

/// All options and the recommendation.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub title: String,
    pub deadline: Option<NaiveDate>,
    pub limit_hours: f64,
    pub options: Vec<ComparisonOption>,
    pub recommended: TimeModelKind,
    /// German sentences that explain the recommendation.
    pub reasons: Vec<String>,
}

/// The offer with another time model.
pub fn variant(spec: &OfferSpec, kind: TimeModelKind) -> OfferSpec {
    let mut v = spec.clone();
    if spec.time_model.kind() == kind {
        return v;
    }
    let mut model = TimeModel::default_for(kind);
    // Reuse the evening the offer already has.
    let evening: Option<WeeklySlot> = match &spec.time_model {
        TimeModel::BlockSeminar { evening, .. } => Some(*evening),
        TimeModel::EveningCourse { evenings } => evenings.first().copied(),
        _ => None,
    };
    if let (Some(e), TimeModel::BlockSeminar { evening, .. }) = (evening, &mut model) {
        *evening = e;
    }
    v.time_model = model;
    v
}

/// Plans every time model that can be planned and recommends one.
pub fn compare(spec: &OfferSpec, options: &PlanOptions) -> Result<Comparison, PlannerError> {
    spec.validate()?;
    let mut plans: Vec<(Plan, bool)> = Vec::new();
    let mut first_error = None;
    for kind in TimeModelKind::ALL {
        match plan(&variant(spec, kind), options) {
            Ok(p) => plans.push((p, spec.time_model.kind() == kind)),
            Err(e) => {
                first_error.get_or_insert(e);
            }
        }
    }
    if plans.is_empty() {
        return Err(
            first_error.unwrap_or_else(|| PlannerError::Unplannable("no time model fits".into()))
        );
    }
    let options: Vec<ComparisonOption> = plans
        .iter()
        .map(|(p, from_offer)| ComparisonOption {
            time_model: p.time_model,
            end_date: p.end_date,
            weeks: p.weeks,
            avg_weekly_hours: p.load.avg_weekly_hours,
            peak_weekly_hours: p.load.peak_weekly_hours,
            release_days: p.release_days(),
            deadline_met: p.deadline_met,
            weeks_over_limit: p.load.weeks_over_limit.len(),
            total_hours: p.total_hours,
            sessions: p.sessions.len(),
            from_offer: *from_offer,
        })
        .collect();
    let (recommended, reasons) = recommend(spec, &plans, &options);
    Ok(Comparison {
        title: spec.title.clone(),
        deadline: spec.deadline,
        limit_hours: plans[0].0.load.limit_hours,
        options,
        recommended,
        reasons,
    })
}

fn over_share(o: &ComparisonOption, plan: &Plan) -> f64 {
    let with = plan
        .load
        .weekly
        .iter()
        .filter(|w| w.has_sessions)
        .count()
        .max(1);
    o.weeks_over_limit as f64 / with as f64
}

fn recommend(
    spec: &OfferSpec,
    plans: &[(Plan, bool)],
    options: &[ComparisonOption],
) -> (TimeModelKind, Vec<String>) {
    let mut reasons = Vec::new();
    let meeting: Vec<usize> = (0..options.len())
        .filter(|&i| options[i].deadline_met)
        .collect();
    if meeting.is_empty() {
        let best = (0..options.len())
            .min_by_key(|&i| (options[i].end_date, i))
            .expect("at least one option");
        let o = &options[best];
        reasons.push(format!(
            "Keine Variante hält die Frist {} ein; {} endet am frühesten, am {}.",
            spec.deadline
                .map(|d| d.format("%d.%m.%Y").to_string())
                .unwrap_or_default(),
            o.time_model.name_de(),
            o.end_date.format("%d.%m.%Y")
        ));
        return (o.time_model, reasons);
    }
    let key = |i: usize| {
        let o = &options[i];
        (
            o.avg_weekly_hours.round() as i64,
            (over_share(o, &plans[i].0) * 1000.0).round() as i64,
            o.release_days,
            o.end_date,
            i,
        )
    };
    let best = *meeting.iter().min_by_key(|&&i| key(i)).expect("non-empty");
    let o = &options[best];
    if let Some(d) = spec.deadline {
        reasons.push(format!(
            "{} von {} Varianten halten die Frist {} ein.",
            meeting.len(),
            options.len(),
            d.format("%d.%m.%Y")
        ));
    }
    reasons.push(format!(
        "{} hat die niedrigste dauerhafte Belastung: durchschnittlich {} Std. pro Woche mit Terminen.",
        o.time_model.name_de(),
        de_num(o.avg_weekly_hours)
    ));
    if let Some(fastest) = meeting
        .iter()
        .copied()
        .min_by_key(|&i| (options[i].end_date, i))
        && options[fastest].end_date < o.end_date
    {
        let f = &options[fastest];
        reasons.push(format!(
            "{} wäre früher fertig ({}), aber mit durchschnittlich {} Std. pro Woche: ein längerer Weg mit geringerer Belastung ist tragfähiger.",
            f.time_model.name_de(),
            f.end_date.format("%d.%m.%Y"),
            de_num(f.avg_weekly_hours)
        ));
    }
    reasons.push(if o.weeks_over_limit == 0 {
        format!(
            "Keine Woche liegt über der Grenze von {} Std.",
            de_num(plans[best].0.load.limit_hours)
        )
    } else {
        format!(
            "{} von {} Wochen liegen über der Grenze (Spitze {} Std.).",
            o.weeks_over_limit,
            o.weeks,
            de_num(o.peak_weekly_hours)
        )
    });
    reasons.push(if o.release_days == 0 {
        "Keine Freistellung vom Arbeitgeber nötig.".to_owned()
    } else {
        format!("Freistellung an {} Tagen nötig.", o.release_days)
    });
    (o.time_model, reasons)
}

/// `{"options":[…],"recommended":"…","reasons":[…]}` plus title, deadline and limit.
pub fn comparison_json(c: &Comparison) -> String {
    pretty(c)
}

/// A German side-by-side table.
pub fn comparison_text(c: &Comparison) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "Vergleich der Zeitmodelle: {}", c.title);
    if let Some(d) = c.deadline {
        let _ = writeln!(t, "Frist: {}", d.format("%d.%m.%Y"));
    }
    let _ = writeln!(
        t,
        "Belastungsgrenze: {} Std. pro Woche\n",
        de_num(c.limit_hours)
    );
    let _ = writeln!(
        t,
        "{:<22} {:<10} {:>6} {:>8} {:>8} {:>11} {:>12}  Frist",
        "Zeitmodell", "Ende", "Wochen", "Ø Std.", "Spitze", "Wochen > G.", "Freist.-Tage"
    );
    for o in &c.options {
        let mark = if o.time_model == c.recommended {
            " *"
        } else {
            ""
        };
        let _ = writeln!(
            t,
            "{:<22} {:<10} {:>6} {:>8} {:>8} {:>11} {:>12}  {}",
            format!("{}{mark}", o.time_model.name_de()),
            o.end_date.format("%d.%m.%Y").to_string(),
            o.weeks,
            de_num(o.avg_weekly_hours),
            de_num(o.peak_weekly_hours),
            o.weeks_over_limit,
            o.release_days,
            if o.deadline_met { "ja" } else { "nein" }
        );
    }
    let _ = writeln!(t, "\nEmpfehlung: {}", c.recommended.name_de());
    for r in &c.reasons {
        let _ = writeln!(t, "  – {r}");
    }
    t
}
