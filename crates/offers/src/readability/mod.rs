//! Plain language: readability of German texts that participants read.
//!
//! * Flesch reading ease for German (Amstad 1978): `180 − ASL − 58.5 × ASW`, with ASL the
//!   average sentence length in words and ASW the average syllables per word. 0–30 very
//!   difficult … 60–70 medium … 90–100 very easy.
//! * First Wiener Sachtextformel (Bamberger & Vanecek 1984):
//!   `0.1935·MS + 0.1672·SL + 0.1297·IW − 0.0327·ES − 0.875`, MS = % words with ≥ 3
//!   syllables, SL = mean sentence length, IW = % words with > 6 letters, ES = % one-syllable
//!   words. A school grade from 4 (easy) to 15 (very hard).
//! * Long sentences: more than [`LONG_SENTENCE_WORDS`] (15) words, the usual upper bound in
//!   plain-language guides (Einfache Sprache: "one statement per sentence, at most about
//!   15 words").
//! * Long words: more than [`LONG_WORD_SYLLABLES`] (3) syllables or more than
//!   [`LONG_WORD_LETTERS`] (12) letters. Compounds get the hint `split_compound` with a
//!   suggestion using the Mediopunkt (`Bildungs·träger`); others `use_shorter_word`.
//!
//! Words are tokens with at least one letter (numbers are not counted); see [`sentences`].

pub mod sentences;
pub mod syllables;

use serde::Serialize;

use crate::OffersError;
use crate::reason::Reason;
pub use sentences::{letters, split_sentences, words};
pub use syllables::syllables;

pub const LONG_SENTENCE_WORDS: usize = 15;
pub const LONG_WORD_SYLLABLES: usize = 3;
pub const LONG_WORD_LETTERS: usize = 12;
/// Flesch-Amstad from which a text counts as plain enough for participants (medium).
pub const FLESCH_TARGET: f64 = 60.0;

/// A sentence above the limit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LongSentence {
    /// 0-based sentence number.
    pub index: usize,
    pub text: String,
    pub words: usize,
}

/// A long word with a hint.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LongWord {
    pub word: String,
    pub syllables: usize,
    pub letters: usize,
    /// `split_compound` or `use_shorter_word`; message id `offers-hint-<hint>`.
    pub hint: &'static str,
    /// For compounds: the word with a Mediopunkt at the joint, e.g. `Bildungs·träger`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub suggestion: Option<String>,
}

/// The readability of a text. The first six keys are the CLI's JSON contract.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadabilityReport {
    pub flesch_amstad: f64,
    pub wiener_sachtextformel: f64,
    pub sentences: usize,
    pub words: usize,
    pub syllables: usize,
    pub long_sentences: Vec<LongSentence>,
    pub long_words: Vec<LongWord>,
    /// Flesch-Amstad band: `very_easy`, `easy`, `fairly_easy`, `medium`, `fairly_difficult`,
    /// `difficult`, `very_difficult`, or `no_text`. Message id `offers-level-<level>`.
    pub level: &'static str,
    /// Hints for the writer; message id `offers-reason-<code>`.
    pub hints: Vec<Reason>,
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0 + 0.0
}

fn level(flesch: f64) -> &'static str {
    match flesch {
        f if f >= 90.0 => "very_easy",
        f if f >= 80.0 => "easy",
        f if f >= 70.0 => "fairly_easy",
        f if f >= 60.0 => "medium",
        f if f >= 50.0 => "fairly_difficult",
        f if f >= 30.0 => "difficult",
        _ => "very_difficult",
    }
}

/// Word ends (heads) of common compounds in the field, and joints with a linking s.
const HEADS: &[&str] = &[
    "angebot",
    "angebote",
    "arbeit",
    "beratung",
    "bescheinigung",
    "betreuung",
    "gruppe",
    "kurs",
    "kurse",
    "person",
    "personen",
    "plan",
    "prüfung",
    "qualifizierung",
    "sprache",
    "stelle",
    "stunden",
    "termin",
    "termine",
    "träger",
    "verfahren",
    "zeit",
    "ziel",
    "ziele",
    "zentrum",
    "unterricht",
    "nachweis",
    "maßnahme",
    "programm",
    "agentur",
    "gespräch",
    "modul",
    "module",
    "niveau",
    "wochen",
    "tage",
    "abschluss",
    "beruf",
    "berufe",
];
const JOINTS: &[&str] = &["ungs", "heits", "keits", "ions", "täts", "schafts", "lings"];

/// A Mediopunkt split of a compound, e.g. `Anerkennungs·verfahren`; `None` if no joint found.
pub fn split_compound(word: &str) -> Option<String> {
    let lower = word.to_lowercase();
    let chars: Vec<char> = word.chars().collect();
    let lower_chars: Vec<char> = lower.chars().collect();
    if chars.len() != lower_chars.len() || word.contains('-') {
        return None;
    }
    let n = chars.len();
    // The longest known head with at least 4 letters before it.
    let mut best: Option<usize> = None;
    for h in HEADS {
        let hl = h.chars().count();
        if n >= hl + 4 && lower.ends_with(h) {
            best = Some(best.map_or(n - hl, |b: usize| b.min(n - hl)));
        }
    }
    if best.is_none() {
        for j in JOINTS {
            let jl = j.chars().count();
            for p in 3..n.saturating_sub(jl + 3) {
                if lower_chars[p..p + jl].iter().copied().eq(j.chars()) {
                    best = Some(p + jl);
                    break;
                }
            }
            if best.is_some() {
                break;
            }
        }
    }
    let at = best?;
    let head: String = chars[..at].iter().collect();
    let tail: String = chars[at..].iter().collect();
    Some(format!("{head}·{tail}"))
}

/// Analyses a text.
pub fn analyze(text: &str) -> ReadabilityReport {
    let sentences = split_sentences(text);
    let mut n_words = 0usize;
    let mut n_syll = 0usize;
    let (mut many_syll, mut long_letters, mut one_syll) = (0usize, 0usize, 0usize);
    let mut long_sentences = Vec::new();
    let mut long_words: Vec<LongWord> = Vec::new();
    let mut counted_sentences = 0usize;
    for (index, s) in sentences.iter().enumerate() {
        let ws = words(s);
        if ws.is_empty() {
            continue;
        }
        counted_sentences += 1;
        if ws.len() > LONG_SENTENCE_WORDS {
            long_sentences.push(LongSentence {
                index,
                text: s.clone(),
                words: ws.len(),
            });
        }
        for w in &ws {
            let sy = syllables(w);
            let le = letters(w);
            n_words += 1;
            n_syll += sy;
            many_syll += usize::from(sy >= 3);
            long_letters += usize::from(le > 6);
            one_syll += usize::from(sy == 1);
            if (sy > LONG_WORD_SYLLABLES || le > LONG_WORD_LETTERS)
                && !long_words.iter().any(|l| l.word == *w)
            {
                let suggestion = if le > LONG_WORD_LETTERS {
                    split_compound(w)
                } else {
                    None
                };
                long_words.push(LongWord {
                    word: w.clone(),
                    syllables: sy,
                    letters: le,
                    hint: if suggestion.is_some() {
                        "split_compound"
                    } else {
                        "use_shorter_word"
                    },
                    suggestion,
                });
            }
        }
    }
    if n_words == 0 {
        return ReadabilityReport {
            flesch_amstad: 0.0,
            wiener_sachtextformel: 0.0,
            sentences: 0,
            words: 0,
            syllables: 0,
            long_sentences,
            long_words,
            level: "no_text",
            hints: vec![Reason::new("no_text")],
        };
    }
    let w = n_words as f64;
    let asl = w / counted_sentences as f64;
    let asw = n_syll as f64 / w;
    let flesch = 180.0 - asl - 58.5 * asw;
    let pct = |k: usize| 100.0 * k as f64 / w;
    let wstf = 0.1935 * pct(many_syll) + 0.1672 * asl + 0.1297 * pct(long_letters)
        - 0.0327 * pct(one_syll)
        - 0.875;
    let mut hints = Vec::new();
    if flesch < FLESCH_TARGET {
        hints.push(
            Reason::new("flesch_below_target")
                .arg("score", round1(flesch))
                .arg("target", FLESCH_TARGET),
        );
    }
    if let Some(max) = long_sentences.iter().map(|l| l.words).max() {
        hints.push(
            Reason::new("long_sentences")
                .arg("count", long_sentences.len())
                .arg("max", max)
                .arg("limit", LONG_SENTENCE_WORDS),
        );
    }
    if !long_words.is_empty() {
        hints.push(Reason::new("long_words").arg("count", long_words.len()));
    }
    ReadabilityReport {
        flesch_amstad: round1(flesch),
        wiener_sachtextformel: round1(wstf),
        sentences: counted_sentences,
        words: n_words,
        syllables: n_syll,
        long_sentences,
        long_words,
        level: level(flesch),
        hints,
    }
}

/// The report as one line of JSON.
pub fn readability_json(text: &str) -> String {
    serde_json::to_string(&analyze(text)).expect("report serializes")
}

/// For `lernweg readability FILE --format json|text`: the report as JSON (one line, ending
/// with a newline) or as `key: value` lines.
pub fn cli_readability(text: &str, format: &str) -> Result<String, OffersError> {
    match format {
        "json" => Ok(readability_json(text) + "\n"),
        "text" => {
            let r = analyze(text);
            let mut out = format!(
                "flesch_amstad: {}\nwiener_sachtextformel: {}\nlevel: {}\nsentences: {}\nwords: {}\nsyllables: {}\n",
                r.flesch_amstad,
                r.wiener_sachtextformel,
                r.level,
                r.sentences,
                r.words,
                r.syllables
            );
            for l in &r.long_sentences {
                out.push_str(&format!(
                    "long_sentence {} ({} words): {}\n",
                    l.index + 1,
                    l.words,
                    l.text
                ));
            }
            for l in &r.long_words {
                out.push_str(&format!(
                    "long_word: {} ({} syllables, {} letters, {}{})\n",
                    l.word,
                    l.syllables,
                    l.letters,
                    l.hint,
                    l.suggestion
                        .as_ref()
                        .map(|s| format!(": {s}"))
                        .unwrap_or_default()
                ));
            }
            Ok(out)
        }
        other => Err(OffersError::UnknownFormat(other.to_owned())),
    }
}
