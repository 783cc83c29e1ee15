//! The one decimal parser for numbers people type: German and international input.
//!
//! Rules, in order:
//! - Surrounding whitespace is ignored; an optional sign `+` or `-` may lead.
//! - With a comma, the comma is the decimal mark (there may be only one) and dots are
//!   thousands separators: `1.234,5` → 1234.5, `38,5` → 38.5, `1.234.567,25` → 1234567.25.
//! - Without a comma, a single dot is the decimal mark: `38.5` → 38.5, and also
//!   `1.234` → 1.234 (not 1234: the fields are hours, euros and counts, where "one point two"
//!   is the likelier meaning, and English-speaking users type the dot).
//! - Without a comma, several dots are thousands separators: `1.234.567` → 1234567.
//! - Thousands separators (dots, spaces, no-break spaces) must stand between groups of three
//!   digits after a first group of one to three: `12.34,5`, `1 2` and `1..2` are refused.
//! - A number needs at least one digit; `,5` is 0.5 and `5,` is 5.
//! - Nothing else: no exponent (`1e3`), no `inf`, no `NaN`, no letters, no currency sign.

/// Parses a decimal number typed by a person; `None` when it is not one (see the module
/// documentation for the rules). The result is always finite.
///
/// ```
/// use lernweg_domain::decimal::parse;
/// assert_eq!(parse("1.234,5"), Some(1234.5));
/// assert_eq!(parse("38,5"), Some(38.5));
/// assert_eq!(parse("38.5"), Some(38.5));
/// assert_eq!(parse("1.234"), Some(1.234));
/// assert_eq!(parse("1e3"), None);
/// ```
pub fn parse(input: &str) -> Option<f64> {
    let s = input.trim();
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let (int, frac) = match s.matches(',').count() {
        0 => match s.matches('.').count() {
            1 => s.split_once('.')?,
            _ => (s, ""),
        },
        1 => s.split_once(',')?,
        _ => return None,
    };
    let mut int_digits = grouped_digits(int)?;
    if !frac.bytes().all(|b| b.is_ascii_digit()) || (int_digits.is_empty() && frac.is_empty()) {
        return None;
    }
    if int_digits.is_empty() {
        int_digits.push('0');
    }
    let sign = if negative { "-" } else { "" };
    let frac = if frac.is_empty() { "0" } else { frac };
    format!("{sign}{int_digits}.{frac}")
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite())
}

/// The digits of an integer part: plain digits, or groups of three after a first group of one
/// to three, separated by `.`, a space or a no-break space. Empty input gives no digits.
fn grouped_digits(int: &str) -> Option<String> {
    let groups: Vec<&str> = int.split(['.', ' ', '\u{a0}', '\u{202f}']).collect();
    let digits = |g: &str| g.bytes().all(|b| b.is_ascii_digit());
    let ok = match groups.as_slice() {
        [single] => digits(single),
        [first, rest @ ..] => {
            (1..=3).contains(&first.len())
                && digits(first)
                && rest.iter().all(|g| g.len() == 3 && digits(g))
        }
        [] => false,
    };
    ok.then(|| groups.concat())
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn german_input() {
        assert_eq!(parse("1.234,5"), Some(1234.5));
        assert_eq!(parse("38,5"), Some(38.5));
        assert_eq!(parse(" 19,5 "), Some(19.5));
        assert_eq!(parse("1.234.567,25"), Some(1_234_567.25));
        assert_eq!(parse("1 234,5"), Some(1234.5));
        assert_eq!(parse("1\u{a0}234"), Some(1234.0));
        assert_eq!(parse(",5"), Some(0.5));
        assert_eq!(parse("5,"), Some(5.0));
        assert_eq!(parse("-2,5"), Some(-2.5));
        assert_eq!(parse("0,0"), Some(0.0));
    }

    #[test]
    fn dot_input() {
        assert_eq!(parse("38.5"), Some(38.5));
        assert_eq!(parse("20"), Some(20.0));
        assert_eq!(parse("+7.25"), Some(7.25));
        assert_eq!(parse(".5"), Some(0.5));
        // A single dot is a decimal point, even before three digits.
        assert_eq!(parse("1.234"), Some(1.234));
        // Several dots are thousands separators.
        assert_eq!(parse("1.234.567"), Some(1_234_567.0));
    }

    #[test]
    fn refuses_garbage() {
        for s in [
            "", " ", "-", "+", ",", ".", "abc", "1e3", "1E3", "inf", "-inf", "NaN", "nan",
            "infinity", "1,2,3", "12.34,5", "1.23.456", "1..2", "1 2", "1.234.56", "--1", "+-1",
            "1-", "0x10", "1,5 €", "€ 5", "1_000", "1,-5", "１２",
        ] {
            assert_eq!(parse(s), None, "{s:?}");
        }
    }

    #[test]
    fn stays_finite() {
        let huge = "9".repeat(400);
        assert_eq!(parse(&huge), None);
        assert_eq!(parse(&format!("0,{huge}")), Some(1.0));
    }

    /// A non-negative number with two decimals written the German way: dots between groups
    /// of three, a decimal comma.
    fn german(whole: u64, cents: u64) -> String {
        let digits = whole.to_string();
        let mut grouped = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                grouped.push('.');
            }
            grouped.push(c);
        }
        format!("{grouped},{cents:02}")
    }

    proptest! {
        #[test]
        fn german_numbers_parse_back(whole in 0u64..10_000_000_000, cents in 0u64..100, neg: bool) {
            let text = german(whole, cents);
            let text = if neg { format!("-{text}") } else { text };
            let expected: f64 = format!("{}{whole}.{cents:02}", if neg { "-" } else { "" })
                .parse()
                .unwrap();
            prop_assert_eq!(parse(&text), Some(expected));
        }

        #[test]
        fn rust_formatted_numbers_parse_back(v in -1.0e9f64..1.0e9) {
            prop_assert_eq!(parse(&v.to_string()), Some(v));
            prop_assert_eq!(parse(&v.to_string().replace('.', ",")), Some(v));
        }

        #[test]
        fn never_panics_and_stays_finite(s in "\\PC{0,20}") {
            if let Some(v) = parse(&s) {
                prop_assert!(v.is_finite());
            }
        }
    }
}
