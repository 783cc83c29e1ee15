//! What Lernweg computes about an offer (`lernweg_app::offers::analyse`) in the reader's
//! language, shared by pages and API: the texts of the offers crate's codes (reasons,
//! validation errors, vocabularies) and the readability report as pages show it.

use chrono::NaiveDate;
use lernweg_offers::readability::{LONG_SENTENCE_WORDS, split_sentences};
use lernweg_offers::{PartTimeClass, ReadabilityReport, Reason, analyze};

use crate::error::localized_args;
use crate::i18n::Lang;

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
        ReadabilityView::of(lang, text, &analyze(text))
    }

    /// The view of `r`, the report of `text`.
    pub fn of(lang: Lang, text: &str, r: &ReadabilityReport) -> ReadabilityView {
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
    fn numbers_in_german() {
        assert_eq!(num(Lang::De, 62.34), "62,3");
    }
}
