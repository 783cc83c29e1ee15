//! What Lernweg computes about an offer, shared by pages and API: a planned timetable, the
//! classification (MISSION.md §1), the success factors (§2.1–§2.3), the readability of its
//! description; and the texts of the offers crate's codes in the reader's language.

use chrono::{Datelike, Duration, NaiveDate};
use lernweg_domain::State as FedState;
use lernweg_offers::readability::{LONG_SENTENCE_WORDS, split_sentences};
use lernweg_offers::{
    Classification, PartTimeClass, Reason, SuccessFactor, SuccessInput, analyze, check_success,
    classify,
};
use lernweg_planner::{Plan, PlanOptions, plan};
use lernweg_store::{Cohort, OfferRecord};

use crate::error::localized_args;
use crate::i18n::Lang;

/// The computed view of one offer.
pub struct Analysis {
    pub plan: Option<Plan>,
    /// The start the timetable was planned from.
    pub plan_start: NaiveDate,
    /// Whether that start is the first cohort's (else the Monday after today).
    pub start_from_cohort: bool,
    pub classification: Classification,
    pub factors: Vec<SuccessFactor>,
}

/// The Monday after `today` (a week later when today is a Monday).
pub fn next_monday(today: NaiveDate) -> NaiveDate {
    today + Duration::days(7 - i64::from(today.weekday().num_days_from_monday()))
}

/// Plans, classifies and checks an offer. `cohorts` are the offer's cohorts (any order);
/// `state` the provider's federal state (for holidays when there is no cohort).
pub fn analyse(
    record: &OfferRecord,
    cohorts: &[Cohort],
    state: FedState,
    today: NaiveDate,
) -> Analysis {
    let first = cohorts
        .iter()
        .filter(|c| c.offer_id == record.id)
        .min_by_key(|c| c.start_date);
    let (plan_start, plan_state, start_from_cohort) = match first {
        Some(c) => (c.start_date, c.state, true),
        None => (next_monday(today), state, false),
    };
    let spec = record.offer.to_spec(plan_start, plan_state);
    let planned = plan(&spec, &PlanOptions::default()).ok();
    let classification = classify(&record.offer, planned.as_ref());
    let cohort_published = cohorts
        .iter()
        .filter(|c| c.offer_id == record.id)
        .filter_map(|c| c.published_at)
        .min();
    let published_at = record
        .published_at
        .or(cohort_published)
        .map(|t| t.date_naive());
    let mut input = SuccessInput::new(&record.offer, today);
    input.plan = planned.as_ref();
    input.classification = Some(&classification);
    input.published_at = published_at;
    input.public_page = record.published;
    input.participants = None;
    let factors = check_success(&input);
    Analysis {
        plan: planned,
        plan_start,
        start_from_cohort,
        classification,
        factors,
    }
}

// ---------------------------------------------------------------- texts

/// A number in the reader's language: German with a decimal comma.
pub fn num(lang: Lang, v: f64) -> String {
    lang.decimal(v)
}

/// A date in the reader's language: `02.03.2027` or `2027-03-02`.
pub fn date(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::En => d.format("%Y-%m-%d").to_string(),
        _ => d.format("%d.%m.%Y").to_string(),
    }
}

/// The sentence of a reason, e.g. `offers-reason-sessions_outside_work_time`.
pub fn reason_text(lang: Lang, r: &Reason) -> String {
    lang.t_args(&r.message_id(), &localized_args(lang, &r.args))
}

pub fn class_label(lang: Lang, class: PartTimeClass) -> String {
    lang.t(&class.message_id())
}

/// A code's label from a vocabulary, e.g. `offers-goal-<code>`.
pub fn vocab(lang: Lang, prefix: &str, code: &str) -> String {
    lang.t(&format!("offers-{prefix}-{code}"))
}

// ---------------------------------------------------------------- readability

/// One sentence of the analysed text.
pub struct SentenceView {
    pub text: String,
    pub long: bool,
}

/// One long word with its hint.
pub struct WordView {
    pub word: String,
    pub hint: String,
}

/// The readability report as shown on pages.
pub struct ReadabilityView {
    pub flesch: String,
    pub wiener: String,
    pub level: String,
    /// At least the target (Flesch-Amstad 60).
    pub ok: bool,
    pub empty: bool,
    pub sentences: usize,
    pub words: usize,
    pub long_sentences: usize,
    pub hints: Vec<String>,
    pub text: Vec<SentenceView>,
    pub long_words: Vec<WordView>,
}

impl ReadabilityView {
    pub fn new(lang: Lang, text: &str) -> ReadabilityView {
        let r = analyze(text);
        let long: Vec<usize> = r.long_sentences.iter().map(|l| l.index).collect();
        let sentences = split_sentences(text)
            .into_iter()
            .enumerate()
            .map(|(i, s)| SentenceView {
                text: s,
                long: long.contains(&i),
            })
            .collect();
        let long_words = r
            .long_words
            .iter()
            .map(|w| WordView {
                word: w.word.clone(),
                hint: match &w.suggestion {
                    Some(s) => lang.t_args(
                        &format!("offers-hint-{}", w.hint),
                        &[("suggestion", s.clone())],
                    ),
                    None => lang.t(&format!("offers-hint-{}", w.hint)),
                },
            })
            .collect();
        ReadabilityView {
            flesch: num(lang, r.flesch_amstad),
            wiener: num(lang, r.wiener_sachtextformel),
            level: lang.t(&format!("offers-level-{}", r.level)),
            ok: r.words > 0 && r.flesch_amstad >= lernweg_offers::readability::FLESCH_TARGET,
            empty: r.words == 0,
            sentences: r.sentences,
            words: r.words,
            long_sentences: r.long_sentences.len(),
            hints: r.hints.iter().map(|h| reason_text(lang, h)).collect(),
            text: sentences,
            long_words,
        }
    }

    /// The sentence-length limit, for the legend.
    pub fn limit(&self) -> String {
        LONG_SENTENCE_WORDS.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_monday_is_always_ahead() {
        let mon = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
        assert_eq!(
            next_monday(mon),
            NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
        );
        let sun = NaiveDate::from_ymd_opt(2026, 3, 8).unwrap();
        assert_eq!(
            next_monday(sun),
            NaiveDate::from_ymd_opt(2026, 3, 9).unwrap()
        );
    }

    #[test]
    fn numbers_in_german() {
        assert_eq!(num(Lang::De, 62.34), "62,3");
    }
}
