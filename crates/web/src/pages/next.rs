//! Where to go after login or a language switch: only a path on this site (no open redirect).
//!
//! Browsers are lenient with `Location`: they drop tabs and newlines (`/\t/evil.example` is
//! `//evil.example`), read `\` as `/`, and some proxies decode `%2F`. So a `next` value is
//! followed only when it is visible ASCII without a backslash and its path starts with
//! exactly one `/` and stays so after percent-decoding: no `//` or `/\` at the start, no
//! backslash or control character in the path, raw or encoded. Everything else falls back
//! to the default.

/// The longest `next` followed; longer values fall back (a redirect is a header).
const MAX_LEN: usize = 2048;

/// `next` if it is a same-site path, else `default`. Pure; never panics; the result is
/// always a valid `Location` header value when `default` is.
pub fn safe_next(next: Option<&str>, default: &str) -> String {
    match next {
        Some(n) if is_same_site_path(n) => n.to_owned(),
        _ => default.to_owned(),
    }
}

/// Whether `s` is a path on this site that every browser and proxy reads the same way.
pub fn is_same_site_path(s: &str) -> bool {
    if s.len() > MAX_LEN || !s.bytes().all(|b| b.is_ascii_graphic() && b != b'\\') {
        return false;
    }
    // Percent-decoding the path may reveal `//`, `/\` or control characters; decode until
    // nothing changes (a few rounds: doubly encoded values are refused as well). The query
    // may carry anything encoded (e.g. a `next` of its own): it cannot change the target.
    let path = s.split(['?', '#']).next().unwrap_or("");
    let mut current = path.as_bytes().to_vec();
    for _ in 0..4 {
        if !plain_path(&current) {
            return false;
        }
        let decoded = percent_decode(&current);
        if decoded == current {
            return true;
        }
        current = decoded;
    }
    false
}

/// One layer: starts with one `/` (not `//`, not `/\`), no backslash, no control character.
fn plain_path(bytes: &[u8]) -> bool {
    bytes.first() == Some(&b'/')
        && !matches!(bytes.get(1), Some(b'/' | b'\\'))
        && !bytes.iter().any(|&b| b == b'\\' || b.is_ascii_control())
}

/// Decodes `%XX` sequences; anything else (a lone `%`) stays as it is.
fn percent_decode(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let (Some(h), Some(l)) = (
                bytes.get(i + 1).and_then(|&c| hex(c)),
                bytes.get(i + 2).and_then(|&c| hex(c)),
            )
        {
            out.push(h * 16 + l);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    out
}

fn hex(c: u8) -> Option<u8> {
    (c as char).to_digit(16).map(|d| d as u8)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn local_paths_are_followed() {
        for ok in [
            "/start",
            "/",
            "/verwaltung/teilnehmende?suche=M%C3%BCller&seite=2",
            "/angebote/pflege#termine",
            "/a%20b",
            "/100%",
            "/anmelden?next=%2F%09%2Fevil.example",
        ] {
            assert_eq!(safe_next(Some(ok), "/x"), ok, "{ok}");
        }
    }

    #[test]
    fn everything_else_falls_back() {
        for bad in [
            "",
            "start",
            "//evil.example",
            "///evil.example",
            "/\\evil.example",
            "\\/evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/start\r\nSet-Cookie: x=1",
            "/start\u{0}",
            "/ start",
            "/müller",
            "https://evil.example",
            "javascript:alert(1)",
            "/%2F/evil.example",
            "/%2f/evil.example",
            "/%5Cevil.example",
            "/%09/evil.example",
            "/%252F/evil.example",
            "/%25252F%25252Fevil.example",
            "/a/b%5Cc",
            "/a?b\\c",
            "/a%0d%0aSet-Cookie:x",
            "%2F%2Fevil.example",
        ] {
            assert_eq!(safe_next(Some(bad), "/start"), "/start", "{bad:?}");
        }
        assert_eq!(safe_next(None, "/start"), "/start");
        assert_eq!(
            safe_next(Some(&format!("/{}", "a".repeat(MAX_LEN))), ""),
            ""
        );
    }

    /// Characters that make up redirect tricks, to mix with ordinary path text.
    fn tricky() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "/",
            "\\",
            "\t",
            "\n",
            "\r",
            " ",
            "%",
            "%2F",
            "%2f",
            "%5C",
            "%09",
            "%25",
            "%0A",
            ":",
            "@",
            ".",
            "evil.example",
            "a",
            "ü",
            "?",
            "#",
            "//",
            "\u{0}",
            "\u{7f}",
        ]);
        prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
    }

    proptest! {
        /// Whatever comes in: the result is the default or the input itself, and what is
        /// followed is a valid header value that a URL parser resolves to this very site.
        #[test]
        fn followed_values_stay_on_this_site(s in tricky(), prefix in prop::bool::ANY) {
            let input = if prefix { format!("/{s}") } else { s };
            let out = safe_next(Some(&input), "/start");
            prop_assert!(out == "/start" || out == input);
            if out == input {
                prop_assert!(axum::http::HeaderValue::from_str(&out).is_ok());
                let base = url::Url::parse("https://lernweg.example/konto").unwrap();
                let joined = base.join(&out).unwrap();
                prop_assert_eq!(joined.host_str(), Some("lernweg.example"));
                prop_assert_eq!(joined.scheme(), "https");
                prop_assert!(!out.contains('\\'));
            }
        }

        /// Arbitrary strings never panic and never leave the site either.
        #[test]
        fn arbitrary_strings(s in ".{0,40}") {
            let out = safe_next(Some(&s), "/start");
            if out != "/start" {
                prop_assert!(is_same_site_path(&out));
                let base = url::Url::parse("https://lernweg.example/").unwrap();
                let joined = base.join(&out).unwrap();
                prop_assert_eq!(joined.host_str(), Some("lernweg.example"));
            }
        }
    }
}
