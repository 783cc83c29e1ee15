//! From an offer to the planner's [`OfferSpec`], and the URL slug.

use chrono::NaiveDate;
use lernweg_domain::State;
use lernweg_planner::{ExamSpec, ExchangeSpec, ModuleSpec, OfferSpec};

use super::Offer;

impl Offer {
    /// The planner's view of one cohort of this offer, starting on `start` in `state`.
    ///
    /// Kick-off and closing are planned (the planner's `kickoff`) when either presence flag is
    /// set: the planner places both together. Work pattern, closures and deadline are cohort
    /// or participant data: set `spec.work_pattern`, `spec.closures`, `spec.deadline` on the
    /// result as needed before calling [`lernweg_planner::plan`].
    pub fn to_spec(&self, start: NaiveDate, state: State) -> OfferSpec {
        let mut spec = OfferSpec::new(&self.title, state, start, self.time_model.to_planner());
        spec.kickoff = self.kickoff_in_presence || self.closing_in_presence;
        spec.online_lessons = self.online_lessons;
        spec.modules = self
            .modules
            .iter()
            .map(|m| ModuleSpec {
                title: m.title.clone(),
                hours: m.hours,
                self_study_hours_per_week: m.self_study_hours_per_week,
            })
            .collect();
        spec.exams = self
            .exams
            .iter()
            .map(|x| ExamSpec {
                after_module: x.after_module,
                title: x.title.clone(),
                hours: x.hours,
            })
            .collect();
        spec.exchange = self.exchange.as_ref().map(|x| ExchangeSpec {
            every_weeks: x.every_weeks,
            slot: x.slot.to_planner(),
        });
        spec.load_limit_hours = self.load_limit_hours;
        spec.location = self.location.as_ref().map(|l| {
            [
                l.name.as_str(),
                l.street.as_str(),
                &format!("{} {}", l.zip, l.city),
            ]
            .iter()
            .map(|s| s.trim())
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", ")
        });
        spec
    }
}

/// A URL slug: lowercase ASCII letters and digits joined by single hyphens; `ä`→`ae`,
/// `ö`→`oe`, `ü`→`ue`, `ß`→`ss`, other accented letters lose their accent where known.
pub fn slugify(title: &str) -> String {
    let mut out = String::with_capacity(title.len());
    let mut pending_hyphen = false;
    let push = |s: &str, out: &mut String, pending: &mut bool| {
        if *pending && !out.is_empty() {
            out.push('-');
        }
        *pending = false;
        out.push_str(s);
    };
    for ch in title.chars().flat_map(char::to_lowercase) {
        let rep: Option<&str> = match ch {
            'ä' => Some("ae"),
            'ö' => Some("oe"),
            'ü' => Some("ue"),
            'ß' => Some("ss"),
            'à' | 'á' | 'â' | 'ã' | 'å' => Some("a"),
            'ç' | 'ć' | 'č' => Some("c"),
            'è' | 'é' | 'ê' | 'ë' => Some("e"),
            'ì' | 'í' | 'î' | 'ï' => Some("i"),
            'ñ' | 'ń' => Some("n"),
            'ò' | 'ó' | 'ô' | 'õ' | 'ø' => Some("o"),
            'ù' | 'ú' | 'û' => Some("u"),
            'š' | 'ś' | 'ş' => Some("s"),
            'ž' | 'ź' | 'ż' => Some("z"),
            'ł' => Some("l"),
            'ğ' => Some("g"),
            'ı' => Some("i"),
            _ => None,
        };
        if let Some(r) = rep {
            push(r, &mut out, &mut pending_hyphen);
        } else if ch.is_ascii_alphanumeric() {
            push(ch.encode_utf8(&mut [0; 4]), &mut out, &mut pending_hyphen);
        } else {
            pending_hyphen = true;
        }
    }
    if out.chars().count() > 80 {
        out = out.chars().take(80).collect();
        while out.ends_with('-') {
            out.pop();
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(slugify("Deutsch für die Pflege"), "deutsch-fuer-die-pflege");
        assert_eq!(
            slugify("  Anpassungsqualifizierung: Straßenbau (TQ 1) "),
            "anpassungsqualifizierung-strassenbau-tq-1"
        );
        assert_eq!(
            slugify("Ärztinnen & Ärzte – Öffentlichkeit"),
            "aerztinnen-aerzte-oeffentlichkeit"
        );
        assert_eq!(slugify("Café Señor"), "cafe-senor");
        assert_eq!(slugify("---"), "");
        assert!(slugify(&"Wort ".repeat(40)).len() <= 80);
    }
}
