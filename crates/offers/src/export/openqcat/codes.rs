//! KURSNET's keys for the open-Qcat export: instruction forms, duration classes and the
//! Kurssystematik codes for occupational fields. Where each value comes from is in
//! `crates/offers/EXPORT.md`.

use chrono::{Months, NaiveDate};
use lernweg_domain::KldbCode;

/// The instruction form (Unterrichtsform) with its KURSNET key (`INSTRUCTION_FORM@type`,
/// value set "unterrichtsform").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InstructionForm {
    Presence,
    VirtualClassroom,
    Blended,
    SelfStudy,
}

impl InstructionForm {
    /// The key in KURSNET's value set.
    pub fn code(self) -> &'static str {
        match self {
            InstructionForm::Presence => "101",
            InstructionForm::VirtualClassroom => "201",
            InstructionForm::Blended => "301",
            InstructionForm::SelfStudy => "204",
        }
    }

    /// The key's name in KURSNET's value set, written as the element's text.
    pub fn catalogue_term(self) -> &'static str {
        match self {
            InstructionForm::Presence => "Präsenzunterricht",
            InstructionForm::VirtualClassroom => "Virtuelles Klassenzimmer",
            InstructionForm::Blended => "Blended Learning",
            InstructionForm::SelfStudy => "Selbstlernmodul",
        }
    }
}

/// KURSNET's duration class (`DURATION@type`, value set "dauerklassen") of a run from its
/// first to its last day: 1 up to 3 days, 2 up to a week, 3 up to a month, 4 up to 3 months,
/// 5 up to 6 months, 6 up to a year, 7 up to 2 years, 8 up to 3 years, 9 longer.
pub fn duration_class(start: NaiveDate, end: NaiveDate) -> &'static str {
    let days = (end - start).num_days() + 1;
    if days <= 3 {
        return "1";
    }
    if days <= 7 {
        return "2";
    }
    for (months, class) in [
        (1, "3"),
        (3, "4"),
        (6, "5"),
        (12, "6"),
        (24, "7"),
        (36, "8"),
    ] {
        if start
            .checked_add_months(Months::new(months))
            .is_none_or(|limit| end < limit)
        {
            return class;
        }
    }
    "9"
}

/// A Kurssystematik group: the code (`FNAME`) and its name (`FVALUE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kurssystematik {
    pub code: &'static str,
    pub name: &'static str,
}

/// KldB 2010 code prefixes and the Kurssystematik group of further training ("C …") for
/// offers in that occupational field. The longest matching prefix wins. Every code and name
/// is taken from KURSNET's published Kurssystematik list; which group fits which KldB field is
/// our assignment (EXPORT.md, "Kurssystematik").
pub const KLDB_TO_KURSSYSTEMATIK: &[(&str, &str, &str)] = &[
    ("11", "C 1810-10", "Landwirtschaft, Weinbau - allgemein"),
    ("121", "C 1835-25", "Gartenbau - sonstige Fachfortbildung"),
    ("122", "C 1840", "Floristik"),
    ("24", "C 2410-10", "Metallbe- und -verarbeitung - allgemein"),
    ("25", "C 2415-10", "Maschinen-, Anlagenbau"),
    (
        "252",
        "C 2440-10-10",
        "Kraftfahrzeugtechnik, -instandhaltung - allgemein",
    ),
    ("26", "C 0410-10", "Elektrotechnik, Elektronik - allgemein"),
    ("261", "C 0415-10", "Mechatronik"),
    ("293", "C 0830-10", "Kochen, Küche"),
    ("32", "C 0030-10", "Hochbau - allgemein"),
    ("322", "C 0025-10", "Tiefbau - allgemein"),
    (
        "41",
        "C 2015",
        "Technisch-naturwissenschaftliches Grundwissen",
    ),
    ("412", "C 2025-10", "Biologie"),
    ("413", "C 2030-10", "Chemie, chemische Technik"),
    (
        "43",
        "C 1435-10-10",
        "Softwareentwicklung, Programmierung - allgemein",
    ),
    (
        "433",
        "C 1430-10-10",
        "System-, Netzwerkadministration - allgemein",
    ),
    ("51", "C 1618-10", "Logistik - allgemein"),
    ("513", "C 1615-15", "Lagerwirtschaft"),
    ("52", "C 1620-20-10", "Güter-/Personenverkehr - allgemein"),
    (
        "531",
        "C 3015-10",
        "Wach- und Sicherheitsdienste - allgemein",
    ),
    ("54", "C 3030-10", "Reinigung - allgemein"),
    ("62", "C 0225-15", "Groß- und Einzelhandel"),
    (
        "63",
        "C 0810-10",
        "Hotel- und Gaststättengewerbe - Grundlagen",
    ),
    ("71", "C 0230-10", "Kaufmännische Grundlagen/Qualifizierung"),
    ("714", "C 0210-10", "Büro, Sekretariat - allgemein"),
    ("72", "C 0215-15-10", "Rechnungswesen - allgemein"),
    (
        "721",
        "C 0220-10-10",
        "Banken, Finanzdienstleistungen - allgemein",
    ),
    ("73", "C 0250-10", "Öffentliche Verwaltung"),
    ("811", "C 1020-15", "Medizinische Assistenz - allgemein"),
    (
        "813",
        "C 1025-15",
        "Kranken-, Altenpflege - Fachfortbildung (übergreifend)",
    ),
    (
        "814",
        "C 1010-10-10",
        "Ärztliche Fachfortbildung - Humanmedizin (allgemein)",
    ),
    ("817", "C 1030-15-10", "Physiotherapie - Fachfortbildung"),
    (
        "821",
        "C 1025-15",
        "Kranken-, Altenpflege - Fachfortbildung (übergreifend)",
    ),
    ("8231", "C 1055-10", "Friseurhandwerk"),
    ("8232", "C 1055-20-10", "Kosmetik - Fachfortbildung"),
    (
        "8311",
        "C 2615-10-10",
        "Elementarpädagogik/-erziehung - allgemein",
    ),
    (
        "8312",
        "C 2630-40",
        "Sozialarbeit, Sozialpädagogik - sonstige Fachfortbildung",
    ),
    (
        "8313",
        "C 2625-35",
        "Heil- und Sonderpädagogik - sonstige Fachfortbildung",
    ),
    ("84", "C 2615-15", "Schulpädagogik, Fachdidaktik"),
];

/// The Kurssystematik group of an occupational field (longest KldB prefix in
/// [`KLDB_TO_KURSSYSTEMATIK`]), `None` when the table has none.
pub fn kurssystematik(kldb: &KldbCode) -> Option<Kurssystematik> {
    KLDB_TO_KURSSYSTEMATIK
        .iter()
        .filter(|(prefix, _, _)| kldb.as_str().starts_with(prefix))
        .max_by_key(|(prefix, _, _)| prefix.len())
        .map(|&(_, code, name)| Kurssystematik { code, name })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn duration_classes() {
        let s = d(2027, 1, 11);
        for (end, class) in [
            (d(2027, 1, 13), "1"),
            (d(2027, 1, 17), "2"),
            (d(2027, 2, 10), "3"),
            (d(2027, 2, 11), "4"),
            (d(2027, 4, 10), "4"),
            (d(2027, 7, 10), "5"),
            (d(2027, 12, 1), "6"),
            (d(2028, 6, 1), "7"),
            (d(2029, 6, 1), "8"),
            (d(2031, 1, 1), "9"),
        ] {
            assert_eq!(duration_class(s, end), class, "{end}");
        }
    }

    #[test]
    fn longest_prefix_wins_and_unknown_fields_have_none() {
        let k = |c: &str| kurssystematik(&KldbCode::parse(c).unwrap()).map(|k| k.code);
        assert_eq!(k("81302"), Some("C 1025-15"));
        assert_eq!(k("43101"), Some("C 1435-10-10"));
        assert_eq!(k("43322"), Some("C 1430-10-10"));
        assert_eq!(k("51312"), Some("C 1615-15"));
        assert_eq!(k("9"), None);
        assert_eq!(k("81"), None);
        // Prefixes are unique, and every code is a "C" group.
        let mut prefixes: Vec<_> = KLDB_TO_KURSSYSTEMATIK.iter().map(|e| e.0).collect();
        prefixes.sort_unstable();
        prefixes.dedup();
        assert_eq!(prefixes.len(), KLDB_TO_KURSSYSTEMATIK.len());
        assert!(KLDB_TO_KURSSYSTEMATIK.iter().all(|e| e.1.starts_with("C ")));
    }
}
