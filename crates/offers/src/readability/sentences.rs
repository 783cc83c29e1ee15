//! Splitting German text into sentences and words.
//!
//! A sentence ends at `!`, `?`, `…` or `.` followed by white space or the end, except after
//! an abbreviation (`z. B.`, `u. a.`, `Dr.`, `Nr.`, `bzw.` … and any single letter), after an
//! ordinal or day number of one or two digits (`am 3. Mai`), and when the next word starts
//! with a lowercase letter. Dates like `12.03.2027` have no space after their dots. A blank
//! line and a bullet line (`-`, `•`, `*`, `–`) also end a sentence, so list items count
//! as sentences.

/// Abbreviations that end with a dot (lowercase, without the dot).
const ABBREVIATIONS: &[&str] = &[
    "abs", "abt", "allg", "bzgl", "bzw", "ca", "dgl", "dr", "dipl", "ebd", "etc", "evtl", "fa",
    "ff", "frl", "geb", "ggf", "hr", "hrsg", "inkl", "insb", "jh", "jhd", "kap", "max", "mind",
    "min", "mio", "mrd", "nr", "prof", "rd", "s", "sog", "std", "str", "tel", "tsd", "usw", "vgl",
    "vs", "zb", "zt", "zzgl", "bspw", "ing", "mag", "jr", "sen", "jan", "feb", "febr", "mrz",
    "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dez", "mo", "di", "mi", "do", "fr",
    "sa", "ausg", "bd",
];

fn is_bullet_line(line: &str) -> bool {
    let t = line.trim_start();
    ["- ", "• ", "* ", "– ", "· "]
        .iter()
        .any(|b| t.starts_with(b))
}

/// Splits text into blocks at blank lines and bullet lines.
fn blocks(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut cur = String::new();
    for line in text.lines() {
        let blank = line.trim().is_empty();
        if blank || is_bullet_line(line) {
            if !cur.trim().is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            cur.clear();
            if blank {
                continue;
            }
            let t = line.trim_start();
            cur.push_str(t.get(2..).unwrap_or("").trim());
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(line.trim());
    }
    if !cur.trim().is_empty() {
        out.push(cur);
    }
    out
}

/// The token before position `end` (exclusive), without leading brackets and quotes.
fn token_before(chars: &[char], end: usize) -> String {
    let mut start = end;
    while start > 0 && !chars[start - 1].is_whitespace() {
        start -= 1;
    }
    chars[start..end]
        .iter()
        .collect::<String>()
        .trim_start_matches(['(', '[', '"', '„', '‚', '\'', '«', '»'])
        .to_owned()
}

fn is_abbreviation(token: &str) -> bool {
    let t = token.to_lowercase();
    if t.contains('.') {
        // "z.B", "u.a", "d.h" are abbreviations; "12.03.2028" is a date that may end a sentence.
        return t.chars().any(char::is_alphabetic);
    }
    let letters = t.chars().filter(|c| c.is_alphabetic()).count();
    (letters == 1 && t.chars().all(char::is_alphabetic)) || ABBREVIATIONS.contains(&t.as_str())
}

/// Splits text into sentences (trimmed, non-empty).
pub fn split_sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    for block in blocks(text) {
        let chars: Vec<char> = block.chars().collect();
        let mut start = 0;
        let mut i = 0;
        while i < chars.len() {
            let c = chars[i];
            if matches!(c, '.' | '!' | '?' | '…') {
                // Take runs like "?!" or "..." and closing quotes/brackets.
                let mut end = i + 1;
                while end < chars.len()
                    && matches!(
                        chars[end],
                        '.' | '!' | '?' | '…' | '"' | '“' | '”' | '«' | '»' | ')' | '\''
                    )
                {
                    end += 1;
                }
                let at_end = end >= chars.len();
                let followed_by_space = at_end || chars[end].is_whitespace();
                let mut split = followed_by_space;
                if split && c == '.' && end == i + 1 && !at_end {
                    let tok = token_before(&chars, i);
                    let next = chars[end..].iter().find(|c| !c.is_whitespace());
                    let digits = !tok.is_empty() && tok.chars().all(|c| c.is_ascii_digit());
                    if is_abbreviation(&tok)
                        || (digits && tok.len() <= 2)
                        || next.is_some_and(|n| n.is_lowercase())
                    {
                        split = false;
                    }
                }
                if split {
                    let s: String = chars[start..end].iter().collect();
                    if s.chars().any(char::is_alphanumeric) {
                        out.push(s.trim().to_owned());
                    }
                    start = end;
                }
                i = end;
                continue;
            }
            i += 1;
        }
        let rest: String = chars[start.min(chars.len())..].iter().collect();
        if rest.chars().any(char::is_alphanumeric) {
            out.push(rest.trim().to_owned());
        }
    }
    out
}

/// The words of a sentence: white-space separated tokens without surrounding punctuation
/// that contain at least one letter (pure numbers like "2027" or "30" are not counted).
pub fn words(sentence: &str) -> Vec<String> {
    sentence
        .split_whitespace()
        .map(|t| t.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|t| t.chars().any(char::is_alphabetic))
        .map(str::to_owned)
        .collect()
}

/// Letters of a word (for "long word" and the Wiener Sachtextformel's > 6 letters).
pub fn letters(word: &str) -> usize {
    word.chars().filter(|c| c.is_alphabetic()).count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_ordinals_dates() {
        let s = split_sentences(
            "Wir bieten z. B. Mentoring an. Der Kurs beginnt am 3. Mai 2027 um 18 Uhr. \
             Frau Dr. Yilmaz berät Sie u. a. zu Kinderbetreuung. Die Prüfung ist am 12.03.2028. \
             Fragen? Rufen Sie an! Das Angebot gibt es seit 2019. Danach kam Nr. 2 dazu.",
        );
        assert_eq!(
            s,
            vec![
                "Wir bieten z. B. Mentoring an.",
                "Der Kurs beginnt am 3. Mai 2027 um 18 Uhr.",
                "Frau Dr. Yilmaz berät Sie u. a. zu Kinderbetreuung.",
                "Die Prüfung ist am 12.03.2028.",
                "Fragen?",
                "Rufen Sie an!",
                "Das Angebot gibt es seit 2019.",
                "Danach kam Nr. 2 dazu.",
            ]
        );
    }

    #[test]
    fn lists_and_paragraphs() {
        let s = split_sentences(
            "Sie bekommen:\n- eine Ansprechperson\n- ein Laptop\n\nDanach geht es los",
        );
        assert_eq!(
            s,
            vec![
                "Sie bekommen:",
                "eine Ansprechperson",
                "ein Laptop",
                "Danach geht es los"
            ]
        );
    }

    #[test]
    fn words_skip_numbers_and_punctuation() {
        assert_eq!(
            words("„Der Kurs“ hat 30 Stunden (E-Mail: ja)."),
            vec!["Der", "Kurs", "hat", "Stunden", "E-Mail", "ja"]
        );
        assert_eq!(letters("E-Mail"), 5);
    }
}
