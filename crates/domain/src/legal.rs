//! The legal texts of the public pages (Impressum, Datenschutzerklärung, Erklärung zur
//! Barrierefreiheit), which the installation and each provider set.

/// Which legal text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum LegalKind {
    /// Impressum (§ 5 DDG).
    Imprint,
    /// Datenschutzerklärung (Art. 13 DSGVO).
    Privacy,
    /// Erklärung zur Barrierefreiheit (§ 12b BGG, BITV 2.0).
    Accessibility,
}

/// The longest text accepted, in characters.
pub const LEGAL_TEXT_MAX: usize = 50_000;

impl LegalKind {
    pub const ALL: [LegalKind; 3] = [
        LegalKind::Imprint,
        LegalKind::Privacy,
        LegalKind::Accessibility,
    ];

    /// The stored code and the suffix of its message ids.
    pub fn code(self) -> &'static str {
        match self {
            LegalKind::Imprint => "imprint",
            LegalKind::Privacy => "privacy",
            LegalKind::Accessibility => "accessibility",
        }
    }

    /// The last segment of its public address (`/impressum`, `/datenschutz`,
    /// `/barrierefreiheit`).
    pub fn slug(self) -> &'static str {
        match self {
            LegalKind::Imprint => "impressum",
            LegalKind::Privacy => "datenschutz",
            LegalKind::Accessibility => "barrierefreiheit",
        }
    }

    pub fn parse(code: &str) -> Option<LegalKind> {
        LegalKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_slugs_are_distinct_and_round_trip() {
        for k in LegalKind::ALL {
            assert_eq!(LegalKind::parse(k.code()), Some(k));
        }
        assert_eq!(LegalKind::parse("impressum"), None);
        let slugs: std::collections::BTreeSet<_> = LegalKind::ALL.map(LegalKind::slug).into();
        assert_eq!(slugs.len(), 3);
    }
}
