//! The catalogue's filters, as GET query parameters (the form works without JavaScript; the
//! JSON list takes the same parameters): `state` (federal state code of a cohort, or of the
//! provider when there is no cohort), `field` (KldB Berufsbereich, 0–9), `time_model`
//! (code), `mode` (`online`, `blended`, `onsite`), `month` (`YYYY-MM` of a cohort's start),
//! `q` (a text in the title, target group, provider, KldB code or slug).
//! On the pages unknown values are ignored (the filter is off), so a stale link still shows
//! offers; the JSON list refuses them (422, naming the parameter), so that a client's typo
//! is not mistaken for "no filter".

use crate::extract::given;
use lernweg_app::catalogue::Criteria;
use lernweg_domain::{ParseError, Search, State as FedState};
use lernweg_offers::publish::jsonld::CourseMode;
use lernweg_planner::TimeModelKind;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Default, Clone, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct FilterQuery {
    /// Federal state code, e.g. `NW`.
    pub state: Option<String>,
    /// KldB 2010 Berufsbereich: the code's first digit, 0–9.
    pub field: Option<String>,
    /// `evening_course`, `block_seminar`, `compact_seminar`, `release_slots` or `self_paced`.
    pub time_model: Option<String>,
    /// `online`, `blended` or `onsite` (schema.org courseMode).
    pub mode: Option<String>,
    /// Start month `YYYY-MM` of a published or running cohort.
    pub month: Option<String>,
    /// A text in the title, the target group, the provider's name, the KldB code or the
    /// slug (case-insensitive, at most 100 characters).
    pub q: Option<String>,
}

pub const MODES: [CourseMode; 3] = [CourseMode::Online, CourseMode::Blended, CourseMode::Onsite];

fn valid_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
        && matches!(s[5..].parse::<u32>(), Ok(1..=12))
}

/// One parameter: absent or empty is `None`; a value `parse` refuses is an error naming
/// `field` and what it accepts.
fn param<T>(
    v: &Option<String>,
    field: &'static str,
    expected: &str,
    parse: impl FnOnce(&str) -> Option<T>,
) -> Result<Option<T>, ParseError> {
    let Some(raw) = given(v) else {
        return Ok(None);
    };
    parse(raw).map(Some).ok_or_else(|| {
        ParseError::new(
            field,
            "invalid",
            format!("{field}: unknown value {raw:?}; expected {expected}"),
        )
    })
}

/// Each parameter parsed on its own.
struct Parsed {
    state: Result<Option<FedState>, ParseError>,
    field: Result<Option<u8>, ParseError>,
    time_model: Result<Option<TimeModelKind>, ParseError>,
    mode: Result<Option<CourseMode>, ParseError>,
    month: Result<Option<String>, ParseError>,
    text: Result<Option<Search>, ParseError>,
}

impl FilterQuery {
    fn parsed(&self) -> Parsed {
        Parsed {
            state: param(
                &self.state,
                "state",
                "a federal state code such as NW",
                |s| FedState::parse(s).ok(),
            ),
            field: param(&self.field, "field", "one digit 0-9", |s| {
                (s.len() == 1).then(|| s.parse::<u8>().ok()).flatten()
            }),
            time_model: param(
                &self.time_model,
                "time_model",
                "evening_course, block_seminar, compact_seminar, release_slots or self_paced",
                |s| TimeModelKind::ALL.into_iter().find(|k| k.code() == s),
            ),
            mode: param(&self.mode, "mode", "online, blended or onsite", |s| {
                MODES.into_iter().find(|m| m.code() == s)
            }),
            month: param(&self.month, "month", "YYYY-MM", |s| {
                valid_month(s).then(|| s.to_owned())
            }),
            text: Search::parse(self.q.as_deref().unwrap_or("")),
        }
    }

    /// The criteria, or an error for every parameter whose value is not understood (the
    /// JSON list).
    pub fn parse(&self) -> Result<Criteria, Vec<ParseError>> {
        match self.parsed() {
            Parsed {
                state: Ok(state),
                field: Ok(field),
                time_model: Ok(time_model),
                mode: Ok(mode),
                month: Ok(month),
                text: Ok(text),
            } => Ok(Criteria {
                state,
                field,
                time_model,
                mode,
                month,
                text,
            }),
            p => Err([
                p.state.err(),
                p.field.err(),
                p.time_model.err(),
                p.mode.err(),
                p.month.err(),
                p.text.err(),
            ]
            .into_iter()
            .flatten()
            .collect()),
        }
    }

    /// The criteria with every value that is not understood left out (the pages).
    pub fn criteria(&self) -> Criteria {
        let p = self.parsed();
        Criteria {
            state: p.state.ok().flatten(),
            field: p.field.ok().flatten(),
            time_model: p.time_model.ok().flatten(),
            mode: p.mode.ok().flatten(),
            month: p.month.ok().flatten(),
            // An overlong search is cut, not dropped.
            text: Search::parse_lenient(self.q.as_deref().unwrap_or("")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use lernweg_domain::paging::MAX_SEARCH;

    #[test]
    fn parses_and_ignores_unknown_values() {
        let q = FilterQuery {
            state: Some("nw".into()),
            field: Some("8".into()),
            time_model: Some("block_seminar".into()),
            mode: Some("online".into()),
            month: Some("2027-03".into()),
            q: Some("  Pflege ".into()),
        };
        let c = q.criteria();
        assert_eq!(c.text.as_ref().map(Search::as_str), Some("pflege"));
        assert_eq!(c.state, Some(FedState::NW));
        assert_eq!(c.field, Some(8));
        assert_eq!(c.time_model, Some(TimeModelKind::BlockSeminar));
        assert_eq!(c.mode, Some(CourseMode::Online));
        assert_eq!(c.month.as_deref(), Some("2027-03"));
        let bad = FilterQuery {
            state: Some("XX".into()),
            field: Some("81".into()),
            time_model: Some("nope".into()),
            mode: Some("".into()),
            month: Some("2027-13".into()),
            q: Some("x".repeat(MAX_SEARCH + 1)),
        };
        let lenient = bad.criteria();
        assert_eq!(
            lenient.text.as_ref().map(|t| t.as_str().len()),
            Some(MAX_SEARCH)
        );
        assert!(
            Criteria {
                text: None,
                ..lenient
            }
            .is_empty()
        );
        let refused: Vec<_> = bad.parse().unwrap_err().iter().map(|e| e.field).collect();
        assert_eq!(refused, ["state", "field", "time_model", "month", "q"]);
        assert_eq!(q.parse().ok(), Some(c));
        assert_eq!(
            FilterQuery::default().parse().ok(),
            Some(Criteria::default())
        );
    }
}
