//! The catalogue's filters, as GET query parameters (the form works without JavaScript; the
//! JSON list takes the same parameters): `state` (federal state code of a cohort, or of the
//! provider when there is no cohort), `field` (KldB Berufsbereich, 0–9), `time_model`
//! (code), `mode` (`online`, `blended`, `onsite`), `month` (`YYYY-MM` of a cohort's start).
//! Unknown values are ignored (the filter is off), so a stale link still shows offers.

use lernweg_app::catalogue::Criteria;
use lernweg_domain::State as FedState;
use lernweg_offers::publish::jsonld::CourseMode;
use lernweg_planner::TimeModelKind;
use serde::Deserialize;
use utoipa::IntoParams;

#[derive(Debug, Default, Clone, Deserialize, IntoParams)]
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
}

pub const MODES: [CourseMode; 3] = [CourseMode::Online, CourseMode::Blended, CourseMode::Onsite];

fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn valid_month(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 7
        && b[4] == b'-'
        && b[..4].iter().chain(&b[5..]).all(u8::is_ascii_digit)
        && matches!(s[5..].parse::<u32>(), Ok(1..=12))
}

impl FilterQuery {
    pub fn criteria(&self) -> Criteria {
        Criteria {
            state: given(&self.state).and_then(|s| FedState::parse(s).ok()),
            field: given(&self.field)
                .filter(|s| s.len() == 1)
                .and_then(|s| s.parse::<u8>().ok()),
            time_model: given(&self.time_model)
                .and_then(|s| TimeModelKind::ALL.into_iter().find(|k| k.code() == s)),
            mode: given(&self.mode).and_then(|s| MODES.into_iter().find(|m| m.code() == s)),
            month: given(&self.month)
                .filter(|s| valid_month(s))
                .map(str::to_owned),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_ignores_unknown_values() {
        let q = FilterQuery {
            state: Some("nw".into()),
            field: Some("8".into()),
            time_model: Some("block_seminar".into()),
            mode: Some("online".into()),
            month: Some("2027-03".into()),
        };
        let c = q.criteria();
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
        };
        assert!(bad.criteria().is_empty());
    }
}
