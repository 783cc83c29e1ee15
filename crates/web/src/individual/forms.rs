//! The plan page's forms as values: the differences as lines, an item typed into the form as
//! the API's JSON, and an item's one-line summary.

use lernweg_participants::qualification_plan::ItemDetails;
use lernweg_participants::recognition::{Difference, RawDifference};
use lernweg_planner::model::weekday_code;
use serde_json::{Map, Value, json};

use crate::i18n::Lang;

pub(super) fn get(fields: &[(String, String)], k: &str) -> String {
    fields
        .iter()
        .find(|(n, _)| n == k)
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default()
}

fn num(s: &str) -> Value {
    match s.trim().replace(',', ".").parse::<f64>() {
        Ok(n) => json!(n),
        Err(_) => Value::String(s.to_owned()),
    }
}

pub(super) use lernweg_planner::output::de_num as hours_text;

/// The differences as lines "Titel; Bereich; Stunden".
pub(super) fn differences_text(list: &[Difference]) -> String {
    list.iter()
        .map(|d| {
            let hours = d.required_hours.map(hours_text).unwrap_or_default();
            format!("{}; {}; {}", d.title, d.area, hours)
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The differences typed as lines; a title that was there before keeps its id.
pub(super) fn differences_of(text: &str, old: &[Difference]) -> Result<Vec<RawDifference>, usize> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let mut parts = line.split(';').map(str::trim);
        let title = parts.next().unwrap_or_default().to_owned();
        let area = parts.next().unwrap_or_default().to_owned();
        let required_hours = match parts.next().unwrap_or_default() {
            "" => None,
            h => Some(h.replace(',', ".").parse::<f64>().map_err(|_| i + 1)?),
        };
        let id = old.iter().find(|d| d.title == title).map(|d| d.id.clone());
        out.push(RawDifference {
            id,
            title,
            area,
            required_hours,
        });
    }
    Ok(out)
}

pub(super) fn summary(lang: Lang, d: &ItemDetails) -> String {
    let day = |d: &chrono::NaiveDate| d.format("%d.%m.%Y").to_string();
    let opt = |d: &Option<chrono::NaiveDate>| d.as_ref().map(day).unwrap_or_else(|| "–".into());
    match d {
        ItemDetails::CohortModules { modules, .. } => lang.t_args(
            "ip-sum-modules",
            &[(
                "modules",
                modules
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", "),
            )],
        ),
        ItemDetails::Lessons {
            session_hours,
            weekdays,
            window_start,
            window_end,
            ..
        } => lang.t_args(
            "ip-sum-lessons",
            &[
                ("hours", hours_text(*session_hours)),
                (
                    "days",
                    weekdays
                        .iter()
                        .map(|w| lang.t(&format!("weekday-{}", weekday_code(*w))))
                        .collect::<Vec<_>>()
                        .join(", "),
                ),
                ("from", window_start.to_string()),
                ("to", window_end.to_string()),
            ],
        ),
        ItemDetails::Placement {
            company,
            from,
            to,
            hours_per_week,
        } => lang.t_args(
            "ip-sum-placement",
            &[
                ("company", company.clone()),
                ("from", day(from)),
                ("to", day(to)),
                ("hours", hours_text(*hours_per_week)),
            ],
        ),
        ItemDetails::SelfStudy {
            hours_per_week,
            link,
            from,
            to,
        } => lang.t_args(
            "ip-sum-self-study",
            &[
                ("hours", hours_text(*hours_per_week)),
                ("from", opt(from)),
                ("to", opt(to)),
                ("link", link.clone()),
            ],
        ),
        ItemDetails::LanguageCourse {
            course_provider,
            from,
            to,
        } => lang.t_args(
            "ip-sum-language",
            &[
                ("provider", course_provider.clone()),
                ("from", opt(from)),
                ("to", opt(to)),
            ],
        ),
        ItemDetails::Exam { date, authority } => lang.t_args(
            "ip-sum-exam",
            &[("date", day(date)), ("authority", authority.clone())],
        ),
    }
}

/// The item typed into the form as the API's JSON (only the keys of its kind).
pub(super) fn item_json(fields: &[(String, String)]) -> Value {
    let g = |k: &str| get(fields, k);
    let all = |k: &str| -> Vec<Value> {
        fields
            .iter()
            .filter(|(n, v)| n == k && !v.is_empty())
            .map(|(_, v)| Value::String(v.clone()))
            .collect()
    };
    let opt_day = |k: &str| match g(k) {
        s if s.is_empty() => Value::Null,
        s => Value::String(s),
    };
    let mut m = Map::new();
    let kind = g("kind");
    m.insert("kind".into(), Value::String(kind.clone()));
    m.insert("title".into(), Value::String(g("title")));
    m.insert("hours".into(), num(&g("hours")));
    m.insert("covers".into(), Value::Array(all("covers")));
    let mut put = |k: &str, v: Value| {
        m.insert(k.into(), v);
    };
    match kind.as_str() {
        "cohort_modules" => {
            put("cohort_id", Value::String(g("cohort_id")));
            let modules: Vec<Value> = g("modules")
                .split([',', ' '])
                .filter(|s| !s.is_empty())
                .map(|s| {
                    s.parse::<u32>()
                        .map_or(Value::String(s.into()), |n| json!(n))
                })
                .collect();
            put("modules", Value::Array(modules));
        }
        "lessons" => {
            put("session_hours", num(&g("session_hours")));
            put("earliest", Value::String(g("earliest")));
            put("weekdays", Value::Array(all("weekdays")));
            put("window_start", Value::String(g("window_start")));
            put("window_end", Value::String(g("window_end")));
            // A line that is no period makes the item unreadable: the form says so.
            let closures = crate::pages::cohorts::planning::parse_closures(&g("closures"));
            put(
                "closures",
                closures.map_or(Value::String(g("closures")), |c| json!(c)),
            );
        }
        "placement" => {
            put("company", Value::String(g("company")));
            put("from", Value::String(g("from")));
            put("to", Value::String(g("to")));
            put("hours_per_week", num(&g("hours_per_week")));
        }
        "self_study" => {
            put("hours_per_week", num(&g("hours_per_week")));
            put("link", Value::String(g("link")));
            put("from", opt_day("from"));
            put("to", opt_day("to"));
        }
        "language_course" => {
            put("course_provider", Value::String(g("course_provider")));
            put("from", opt_day("from"));
            put("to", opt_day("to"));
        }
        _ => {
            put("date", Value::String(g("date")));
            put("authority", Value::String(g("exam_authority")));
        }
    }
    Value::Object(m)
}
