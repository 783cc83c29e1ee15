//! Every code the crate emits has a message in both Fluent files, and the files agree.

mod common;

use std::collections::BTreeSet;

use common::*;
use lernweg_offers::export::table::{OFFER_COLUMNS, TIMETABLE_COLUMNS};
use lernweg_offers::{DeliveryMode, Goal, SuccessInput, SupportOffer, check_success};

const DE: &str = include_str!("../../web/locales/de/offers.ftl");
const EN: &str = include_str!("../../web/locales/en/offers.ftl");
const SOURCES: &[&str] = &[
    include_str!("../src/classification.rs"),
    include_str!("../src/success/checks.rs"),
    include_str!("../src/readability/mod.rs"),
];

fn ids(ftl: &str) -> BTreeSet<String> {
    ftl.lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_alphabetic()))
        .filter_map(|l| l.split_once(" = ").or_else(|| l.split_once(" =")))
        .map(|(id, _)| id.trim().to_owned())
        .collect()
}

/// String literals passed to `r(`, `Reason::new(` and `reason(`, plus the two-way codes.
fn reason_codes() -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    for src in SOURCES {
        for pat in ["r(\"", "Reason::new(\"", "reason(\"", "\"classified_"] {
            for (i, _) in src.match_indices(pat) {
                let start = i + pat.len()
                    - if pat.starts_with('"') {
                        pat.len() - 1
                    } else {
                        0
                    };
                let rest = &src[start..];
                if let Some(end) = rest.find('"') {
                    out.insert(rest[..end].to_owned());
                }
            }
        }
        for line in src.lines() {
            let t = line.trim().trim_end_matches(',');
            if t.starts_with('"')
                && (t.ends_with("_yes\"") || t.ends_with("_no\"") || t.ends_with("_unknown\""))
            {
                out.insert(t.trim_matches('"').to_owned());
            }
        }
    }
    out
}

#[test]
fn ids_are_valid_and_files_agree() {
    let (de, en) = (ids(DE), ids(EN));
    assert!(de.len() > 200, "{}", de.len());
    for id in &de {
        assert!(id.starts_with("offers-"), "{id}");
        assert!(
            id.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_'),
            "{id}"
        );
    }
    let only_de: Vec<_> = de.difference(&en).collect();
    let only_en: Vec<_> = en.difference(&de).collect();
    assert!(
        only_de.is_empty() && only_en.is_empty(),
        "de only {only_de:?}, en only {only_en:?}"
    );
    assert!(
        !DE.contains("ae ") || DE.contains('ä'),
        "German text uses umlauts"
    );
}

#[test]
fn every_reason_and_factor_has_a_message() {
    let de = ids(DE);
    let codes = reason_codes();
    assert!(codes.len() > 80, "{}", codes.len());
    let missing: Vec<_> = codes
        .iter()
        .map(|c| format!("offers-reason-{c}"))
        .filter(|id| !de.contains(id))
        .collect();
    assert!(missing.is_empty(), "{missing:?}");
    let o = offer();
    for f in check_success(&SuccessInput::new(&o, date(2026, 1, 1))) {
        assert!(
            de.contains(&format!("offers-factor-{}", f.factor)),
            "{}",
            f.factor
        );
        assert!(de.contains(&format!("offers-status-{}", f.status.code())));
        assert!(de.contains(&f.explanation.message_id()));
    }
}

#[test]
fn vocabulary_and_columns_have_messages() {
    let de = ids(DE);
    let mut want: Vec<String> = Vec::new();
    want.extend(Goal::ALL.iter().map(|g| format!("offers-goal-{g}")));
    want.extend(DeliveryMode::ALL.iter().map(|g| format!("offers-mode-{g}")));
    want.extend(
        SupportOffer::ALL
            .iter()
            .map(|g| format!("offers-support-{g}")),
    );
    want.extend(
        OFFER_COLUMNS
            .iter()
            .chain(TIMETABLE_COLUMNS)
            .map(|c| format!("offers-col-{c}")),
    );
    for k in lernweg_planner::TimeModelKind::ALL {
        want.push(format!("offers-time_model-{}", k.code()));
    }
    for c in ["synchronous", "asynchronous", "mixed", "not_part_time"] {
        want.push(format!("offers-class-{c}"));
    }
    for l in [
        "very_easy",
        "easy",
        "fairly_easy",
        "medium",
        "fairly_difficult",
        "difficult",
        "very_difficult",
        "no_text",
    ] {
        want.push(format!("offers-level-{l}"));
    }
    for h in ["split_compound", "use_shorter_word"] {
        want.push(format!("offers-hint-{h}"));
    }
    for w in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] {
        want.push(format!("offers-weekday-{w}"));
    }
    for k in [
        "lesson",
        "exam",
        "kickoff",
        "closing",
        "exchange",
        "self_paced",
    ] {
        want.push(format!("offers-session-{k}"));
    }
    let missing: Vec<_> = want.iter().filter(|id| !de.contains(*id)).collect();
    assert!(missing.is_empty(), "{missing:?}");
}
