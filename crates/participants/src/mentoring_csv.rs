//! `lernweg match` (issue 15, point 3): mentors and mentees from two CSV files (`;`, a
//! header line, lists comma-separated inside a field), matched by
//! [`crate::mentoring::assign`], answered as JSON or text. Every malformed row is reported
//! with its file and line, and then nothing is matched.

use std::fmt::Write as _;

use lernweg_domain::CefrLevel;
use serde_json::json;

use crate::language::LanguageCode;
use crate::mentoring::{
    Matching, Mentee, Mentor, Slots, Weights, assign, list, parse_kldb5 as kldb, parse_language,
    parse_yes_no as yes_no,
};

pub const MENTOR_COLUMNS: [&str; 8] = [
    "id",
    "name",
    "kldb",
    "languages",
    "slots",
    "city",
    "online",
    "capacity",
];
pub const MENTEE_COLUMNS: [&str; 8] = [
    "id",
    "name",
    "kldb",
    "mother_tongue",
    "german_level",
    "slots",
    "city",
    "online",
];

/// The rows of one file, each as (line, fields by column name), or every error in it.
fn rows(
    file: &str,
    text: &str,
    columns: &[&str],
    errors: &mut Vec<String>,
) -> Vec<(u64, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = match reader.headers() {
        Ok(h) => h.iter().map(|c| c.trim().to_ascii_lowercase()).collect(),
        Err(e) => {
            errors.push(format!("{file}: no header line: {e}"));
            return Vec::new();
        }
    };
    let mut at = Vec::with_capacity(columns.len());
    for c in columns {
        match header.iter().position(|h| h == c) {
            Some(i) => at.push(i),
            None => errors.push(format!("{file} line 1: the header has no column {c:?}")),
        }
    }
    if at.len() != columns.len() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for record in reader.records() {
        match record {
            Ok(r) => {
                let line = r.position().map_or(0, |p| p.line());
                if r.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                if r.len() != header.len() {
                    errors.push(format!(
                        "{file} line {line}: {} fields, the header has {}",
                        r.len(),
                        header.len()
                    ));
                    continue;
                }
                out.push((line, at.iter().map(|i| r[*i].trim().to_owned()).collect()));
            }
            Err(e) => errors.push(format!("{file}: {e}")),
        }
    }
    out
}

fn slots(s: &str) -> Result<Slots, String> {
    Slots::parse_list(s)
}

fn language(field: &str, s: &str) -> Result<LanguageCode, String> {
    parse_language(field, s)
}

fn mentor(f: &[String]) -> Result<Mentor, String> {
    let capacity = f[7]
        .parse::<u32>()
        .ok()
        .filter(|c| *c <= 50)
        .ok_or_else(|| format!("capacity: {:?} is not a number from 0 to 50", f[7]))?;
    Ok(Mentor {
        id: non_empty(&f[0])?,
        kldb: kldb(&f[2])?,
        languages: list(&f[3])
            .map(|l| language("languages", l))
            .collect::<Result<_, _>>()?,
        slots: slots(&f[4])?,
        city: f[5].clone(),
        online: yes_no(&f[6])?,
        capacity,
    })
}

fn mentee(f: &[String]) -> Result<Mentee, String> {
    let german = match f[4].to_ascii_lowercase().as_str() {
        "none" | "" => None,
        level => Some(
            CefrLevel::parse_lenient(level)
                .map(|(l, _)| l)
                .map_err(|_| format!("german_level: {:?} is not A1…C2 or none", f[4]))?,
        ),
    };
    Ok(Mentee {
        id: non_empty(&f[0])?,
        kldb: kldb(&f[2])?,
        mother_tongue: match f[3].as_str() {
            "" => None,
            t => Some(language("mother_tongue", t)?),
        },
        german,
        slots: slots(&f[5])?,
        city: f[6].clone(),
        online: yes_no(&f[7])?,
    })
}

fn non_empty(s: &str) -> Result<String, String> {
    if s.is_empty() {
        Err("id: empty".into())
    } else {
        Ok(s.to_owned())
    }
}

/// Reads both files: the mentors and mentees, or every error (file, line, field).
pub fn read(
    mentors_csv: &str,
    mentees_csv: &str,
) -> Result<(Vec<Mentor>, Vec<Mentee>), Vec<String>> {
    let mut errors = Vec::new();
    let mut parsed =
        |file: &str, text: &str, columns: &[&str]| rows(file, text, columns, &mut errors);
    let mentor_rows = parsed("mentors", mentors_csv, &MENTOR_COLUMNS);
    let mentee_rows = parsed("mentees", mentees_csv, &MENTEE_COLUMNS);
    let mut mentors = Vec::new();
    for (line, f) in &mentor_rows {
        match mentor(f) {
            Ok(m) => mentors.push(m),
            Err(e) => errors.push(format!("mentors line {line}: {e}")),
        }
    }
    let mut mentees = Vec::new();
    for (line, f) in &mentee_rows {
        match mentee(f) {
            Ok(m) => mentees.push(m),
            Err(e) => errors.push(format!("mentees line {line}: {e}")),
        }
    }
    if errors.is_empty() {
        Ok((mentors, mentees))
    } else {
        Err(errors)
    }
}

/// The matching as the CLI's JSON: `{pairs: [{mentor, mentee, score, reasons}], unmatched:
/// [{mentee, reason}], matched, total_score}` (ids as in the files, reasons in German).
pub fn to_json(m: &Matching, mentors: &[Mentor], mentees: &[Mentee]) -> serde_json::Value {
    json!({
        "pairs": m.pairs.iter().map(|p| json!({
            "mentor": mentors[p.mentor].id,
            "mentee": mentees[p.mentee].id,
            "score": p.score,
            "reasons": p.reasons.iter().map(|r| r.german()).collect::<Vec<_>>(),
        })).collect::<Vec<_>>(),
        "unmatched": m.unmatched.iter().map(|(e, why)| json!({
            "mentee": mentees[*e].id,
            "reason": why.german(),
        })).collect::<Vec<_>>(),
        "matched": m.pairs.len(),
        "total_score": m.total_score,
    })
}

/// `lernweg match`: both files matched, in `format` `json` or `text`; the errors otherwise.
pub fn cli_match(mentors_csv: &str, mentees_csv: &str, format: &str) -> Result<String, String> {
    if !matches!(format, "json" | "text") {
        return Err(format!("unknown format {format:?}: json or text"));
    }
    let (mentors, mentees) = read(mentors_csv, mentees_csv).map_err(|e| e.join("\n"))?;
    let m = assign(&mentors, &mentees, &Weights::default());
    if format == "json" {
        return Ok(to_json(&m, &mentors, &mentees).to_string());
    }
    let mut out = String::new();
    for p in &m.pairs {
        let _ = writeln!(
            out,
            "{} ↔ {}: {} ({})",
            mentors[p.mentor].id,
            mentees[p.mentee].id,
            p.score,
            p.reasons
                .iter()
                .map(|r| r.german())
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    for (e, why) in &m.unmatched {
        let _ = writeln!(out, "{}: ohne Tandem – {}", mentees[*e].id, why.german());
    }
    let _ = writeln!(
        out,
        "{} von {} vermittelt, Summe {}",
        m.pairs.len(),
        mentees.len(),
        m.total_score
    );
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MENTORS: &str = "id;name;kldb;languages;slots;city;online;capacity\n\
        m1;Hanna Weber;81302;de,ar;tue-evening,sat-morning;Essen;ja;2\n\
        m2;Jonas Krause;26212;de,tr;wed-evening;Dortmund;nein;1\n";
    const MENTEES: &str = "id;name;kldb;mother_tongue;german_level;slots;city;online\n\
        e1;Amina Haddad;81313;ar;A2;tue-evening;Bochum;ja\n\
        e2;Oleh Bondarenko;26252;uk;B2;wed-evening;Dortmund;no\n\
        e3;Leila Ahmadi;72212;fa;none;;Essen;yes\n";

    #[test]
    fn matches_the_files_as_json() {
        let out = cli_match(MENTORS, MENTEES, "json").unwrap();
        let v: serde_json::Value = serde_json::from_str(&out).unwrap();
        assert_eq!(v["matched"], 2);
        assert_eq!(v["pairs"][0]["mentor"], "m1");
        assert_eq!(v["pairs"][0]["mentee"], "e1");
        // 40 main group + 10 Arabic + 2 one slot + 10 both online.
        assert_eq!(v["pairs"][0]["score"], 62);
        // 40 main group 26 + 2 one slot + 10 both in Dortmund.
        assert_eq!(v["pairs"][1]["score"], 52);
        assert_eq!(v["total_score"], 114);
        assert_eq!(v["unmatched"][0]["mentee"], "e3");
        assert!(
            v["unmatched"][0]["reason"]
                .as_str()
                .unwrap()
                .contains("Berufsbereich 7")
        );
    }

    #[test]
    fn every_malformed_row_is_named_and_nothing_is_matched() {
        let bad_mentees = "id;name;kldb;mother_tongue;german_level;slots;city;online\n\
            e1;A;8131;ar;A2;tue-evening;Bochum;ja\n\
            e2;B;26252;xx;B2;wed-evening;Dortmund;no\n\
            e3;C;26252;uk;B7;wed-evening;Dortmund;no\n\
            e4;D;26252;uk;B2;someday;Dortmund;vielleicht\n\
            e5;E;26252\n";
        let err = cli_match(MENTORS, bad_mentees, "json").unwrap_err();
        let lines: Vec<&str> = err.lines().collect();
        assert_eq!(lines.len(), 5, "{err}");
        assert!(lines[0].starts_with("mentees line 6: 3 fields"), "{err}");
        assert!(lines[1].starts_with("mentees line 2: kldb"), "{err}");
        assert!(
            lines[2].starts_with("mentees line 3: mother_tongue"),
            "{err}"
        );
        assert!(
            lines[3].starts_with("mentees line 4: german_level"),
            "{err}"
        );
        assert!(lines[4].starts_with("mentees line 5: slots"), "{err}");
        let no_header = cli_match("id;name\nm1;x\n", MENTEES, "text").unwrap_err();
        assert!(no_header.contains("no column \"kldb\""), "{no_header}");
    }

    #[test]
    fn text_lists_pairs_unmatched_and_the_sum() {
        let out = cli_match(MENTORS, MENTEES, "text").unwrap();
        assert!(
            out.contains("m1 ↔ e1: 62 (gleiche Berufshauptgruppe (KldB 81)"),
            "{out}"
        );
        assert!(out.contains("e3: ohne Tandem"), "{out}");
        assert!(out.ends_with("2 von 3 vermittelt, Summe 114\n"), "{out}");
    }
}
