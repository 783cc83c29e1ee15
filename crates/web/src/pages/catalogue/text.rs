//! Plain-language pieces of the public offer page and the page's visible main text.
//!
//! * [`when`]: the time model in one sentence ("Der Kurs ist jeden Mittwoch von 18:00 bis
//!   21:15 Uhr und einmal im Monat …"), the only place the page says when the course is.
//! * [`occupation`]: the occupation by name (KldB 2010 main group), never the code.
//! * [`OfferPage::main_text`]: what a participant reads in `<main>`, block by block (headings,
//!   paragraphs, list items, terms and values, table cells), in the order of the template. The
//!   staff readability check and `lernweg readability --offer` score this text; the tests
//!   check that it is exactly the text of the rendered page.

use lernweg_app::catalogue::Listed;
use lernweg_domain::KldbCode;
use lernweg_offers::publish::jsonld::CourseMode;
use lernweg_offers::{Slot, TimeModelDef};
use lernweg_planner::model::weekday_code;

use super::detail::OfferPage;
use super::hours_text;
use crate::i18n::Lang;

fn day(lang: Lang, w: chrono::Weekday) -> String {
    lang.t(&format!("catalogue-day-{}", weekday_code(w)))
}

/// "Montag", "Montag und Donnerstag", "Montag, Mittwoch und Freitag".
fn days(lang: Lang, slots: &[&Slot]) -> String {
    let names: Vec<String> = slots.iter().map(|s| day(lang, s.weekday)).collect();
    match names.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => lang.t_args(
            "catalogue-list-and",
            &[("items", rest.join(", ")), ("last", last.clone())],
        ),
    }
}

/// The weekly slots as one phrase: slots with the same times share it ("jeden Montag und
/// Donnerstag von 18:30 bis 20:30 Uhr"), different times are joined with "und".
fn slots_phrase(lang: Lang, slots: &[Slot]) -> String {
    let mut groups: Vec<Vec<&Slot>> = Vec::new();
    for s in slots {
        match groups
            .iter_mut()
            .find(|g| g[0].start == s.start && g[0].end == s.end)
        {
            Some(g) => g.push(s),
            None => groups.push(vec![s]),
        }
    }
    let parts: Vec<String> = groups
        .iter()
        .map(|g| {
            lang.t_args(
                "catalogue-when-weekly",
                &[
                    ("days", days(lang, g)),
                    ("start", g[0].start.to_string()),
                    ("end", g[0].end.to_string()),
                ],
            )
        })
        .collect();
    match parts.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => lang.t_args(
            "catalogue-list-and",
            &[("items", rest.join(", ")), ("last", last.clone())],
        ),
    }
}

/// When the course is, in one sentence that fits every time model.
pub fn when(lang: Lang, model: &TimeModelDef) -> String {
    match model {
        TimeModelDef::EveningCourse { evenings } => lang.t_args(
            "catalogue-when-evening",
            &[("slots", slots_phrase(lang, evenings))],
        ),
        TimeModelDef::ReleaseSlots { slots } => lang.t_args(
            "catalogue-when-release",
            &[("slots", slots_phrase(lang, slots))],
        ),
        TimeModelDef::BlockSeminar { evening, weekend } => lang.t_args(
            "catalogue-when-block",
            &[
                ("slots", slots_phrase(lang, std::slice::from_ref(evening))),
                ("start", weekend.start.to_string()),
                ("end", weekend.end.to_string()),
            ],
        ),
        TimeModelDef::CompactSeminar {
            day,
            weeks_per_quarter,
        } => lang.t_args(
            if *weeks_per_quarter == 1 {
                "catalogue-when-compact-one"
            } else {
                "catalogue-when-compact"
            },
            &[
                ("weeks", weeks_per_quarter.to_string()),
                ("start", day.start.to_string()),
                ("end", day.end.to_string()),
            ],
        ),
        TimeModelDef::SelfPaced {
            hours_per_week,
            presence,
        } => lang.t_args(
            "catalogue-when-self-paced",
            &[
                ("hours", hours_text(lang, *hours_per_week)),
                ("slots", slots_phrase(lang, std::slice::from_ref(presence))),
            ],
        ),
    }
}

/// The occupation of a KldB 2010 code by name: its main group (first two digits), or its
/// occupational area (in short) for a one-digit code.
pub fn occupation(lang: Lang, kldb: &KldbCode) -> String {
    let code = kldb.as_str();
    let id = format!("occupation-{}", code.get(..2).unwrap_or(code));
    if code.len() >= 2 && lang.has(&id) {
        lang.t(&id)
    } else {
        lang.t(&format!("occupation-area-{}", kldb.occupational_area()))
    }
}

/// Where the course is, in a few words: the city, "online", or both.
pub fn place(lang: Lang, l: &Listed) -> String {
    let city = l
        .offer()
        .location
        .as_ref()
        .map(|loc| loc.city.trim().to_owned())
        .filter(|c| !c.is_empty());
    match (l.mode(), city) {
        (CourseMode::Online, _) => lang.t("catalogue-summary-place-online"),
        (CourseMode::Blended, Some(city)) => {
            lang.t_args("catalogue-summary-place-blended", &[("city", city)])
        }
        (CourseMode::Onsite, Some(city)) => city,
        (_, None) => lang.t("catalogue-summary-place-ask"),
    }
}

/// Collects the visible blocks of a page.
#[derive(Default)]
struct Blocks(Vec<String>);

impl Blocks {
    /// One block, its white space collapsed as the browser shows it.
    fn push(&mut self, s: impl AsRef<str>) {
        let s = s.as_ref().split_whitespace().collect::<Vec<_>>().join(" ");
        if !s.is_empty() {
            self.0.push(s);
        }
    }
}

impl OfferPage {
    /// The visible text of the page's `<main>`, one block (heading, paragraph, list item,
    /// term, value, table cell) per paragraph, in the template's order.
    pub fn main_text(&self) -> String {
        let t = |k: &str| self.layout.t(k);
        let mut b = Blocks::default();
        b.push(t("catalogue-back"));
        b.push(&self.title);
        b.push(&self.target_group);
        b.push(t("catalogue-summary"));
        for f in &self.summary {
            b.push(&f.label);
            b.push(&f.value);
        }
        b.push(t("catalogue-what"));
        b.push(&self.description);
        b.push(t("catalogue-modules"));
        for m in &self.modules {
            b.push(&m.text);
        }
        b.push(&self.total_hours);
        b.push(&self.exams);
        if let Some(d) = &self.degree {
            b.push(d);
        }
        b.push(t("catalogue-for-whom"));
        b.push(&self.language);
        if let Some(r) = &self.language_reason {
            b.push(r);
        }
        b.push(t("catalogue-dates"));
        b.push(&self.presence_note);
        if self.cohorts.is_empty() {
            b.push(t("catalogue-no-dates-detail"));
        } else {
            b.push(t("catalogue-cohorts-caption"));
            for k in [
                "catalogue-col-cohort",
                "catalogue-col-start",
                "catalogue-col-end",
                "catalogue-col-state",
                "catalogue-col-weekly",
                "catalogue-col-peak",
            ] {
                b.push(t(k));
            }
            for c in &self.cohorts {
                for cell in [&c.name, &c.start, &c.end, &c.state, &c.weekly, &c.peak] {
                    b.push(cell);
                }
            }
            b.push(t("catalogue-load-how"));
        }
        b.push(t("catalogue-support"));
        if self.support.is_empty() {
            b.push(t("catalogue-support-none"));
        }
        for s in &self.support {
            b.push(s);
        }
        if let Some(p) = &self.place {
            b.push(t("catalogue-place"));
            b.push(&p.name);
            b.push(&p.street);
            b.push(&p.city);
            b.push(&p.step_free);
            if let Some(a) = &p.accessibility {
                b.push(a);
            }
        }
        b.push(t("catalogue-apply"));
        for s in &self.apply_steps {
            b.push(s);
        }
        b.push(t("catalogue-class-heading"));
        b.push(&self.class_label);
        b.push(&self.class_basis);
        for r in &self.class_reasons {
            b.push(r);
        }
        b.0.join("\n\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(day: &str, start: &str, end: &str) -> Slot {
        serde_json::from_value(serde_json::json!({"weekday": day, "start": start, "end": end}))
            .unwrap()
    }

    #[test]
    fn one_sentence_per_time_model_with_shared_times_grouped() {
        let de = Lang::De;
        let evening = TimeModelDef::EveningCourse {
            evenings: vec![slot("mon", "18:30", "20:30"), slot("thu", "18:30", "20:30")],
        };
        assert_eq!(
            when(de, &evening),
            "Der Kurs ist jeden Montag und Donnerstag von 18:30 bis 20:30 Uhr."
        );
        let mixed = TimeModelDef::ReleaseSlots {
            slots: vec![
                slot("mon", "08:00", "12:00"),
                slot("tue", "08:00", "12:00"),
                slot("fri", "13:00", "15:00"),
            ],
        };
        assert_eq!(
            when(de, &mixed),
            "Der Kurs ist in Ihrer Arbeitszeit: jeden Montag und Dienstag von 08:00 bis 12:00 Uhr \
             und jeden Freitag von 13:00 bis 15:00 Uhr."
        );
        let block: TimeModelDef =
            serde_json::from_value(serde_json::json!({"kind": "block_seminar",
            "evening": {"weekday": "wed", "start": "18:00", "end": "21:15"},
            "weekend": {"start": "09:00", "end": "16:30"}}))
            .unwrap();
        let s = when(de, &block);
        assert!(
            s.starts_with("Der Kurs ist jeden Mittwoch von 18:00 bis 21:15 Uhr"),
            "{s}"
        );
        assert!(s.contains("Freitag und Samstag"), "{s}");
        assert_eq!(s.matches('.').count(), 1, "one sentence: {s}");
        assert!(when(Lang::En, &evening).contains("every Monday and Thursday"));
    }

    #[test]
    fn occupations_are_named_never_coded() {
        let de = Lang::De;
        let k = |c: &str| KldbCode::parse(c).unwrap();
        assert_eq!(
            occupation(de, &k("81302")),
            "Medizinische Gesundheitsberufe"
        );
        assert_eq!(occupation(de, &k("513")), "Verkehr und Logistik");
        assert_eq!(occupation(de, &k("7")), "Büro, Recht und Verwaltung");
        for c in ["81302", "25", "27", "513", "814", "831", "7"] {
            assert!(!occupation(de, &k(c)).chars().any(|ch| ch.is_ascii_digit()));
            assert!(
                !occupation(Lang::En, &k(c))
                    .chars()
                    .any(|ch| ch.is_ascii_digit())
            );
        }
    }
}
