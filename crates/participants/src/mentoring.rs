//! Mentoring tandems (issue 15, MISSION.md §2.3): who may mentor whom, the score of a pair
//! with its reasons, and the exact assignment of waiting mentees to volunteer mentors.
//!
//! Hard rules: mentor and mentee share the KldB Berufsbereich (the first digit); a mentee
//! below German B1 (or without a known level) gets only a mentor who speaks the mentee's
//! mother tongue. The score ([`Weights`], configurable per provider): 40 for the same
//! Berufshauptgruppe (first two digits), otherwise 20 for the same Berufsbereich; +10 if the
//! mentor speaks the mentee's mother tongue; +2 per shared availability slot, at most +20;
//! +10 if both live in the same city or both accept online meetings.
//!
//! [`assign`] first matches as many mentees as possible and then maximises the total score,
//! within each mentor's capacity — exactly: the problem splits by Berufsbereich (no pair
//! crosses one), and each part is a rectangular assignment problem over the mentors' places,
//! solved by the Hungarian method (shortest augmenting paths with potentials).

use lernweg_domain::{CefrLevel, KldbCode};

use crate::language::LanguageCode;

/// The weekly availability slots: seven days × morning, afternoon, evening.
pub const SLOT_DAYS: [&str; 7] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
pub const SLOT_PARTS: [&str; 3] = ["morning", "afternoon", "evening"];

/// A set of availability slots (`mon-morning` … `sun-evening`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Slots(u32);

impl Slots {
    /// Parses one slot code such as `tue-evening` (case and spaces ignored).
    pub fn parse_one(code: &str) -> Option<Slots> {
        let code = code.trim().to_ascii_lowercase();
        let (day, part) = code.split_once('-')?;
        let d = SLOT_DAYS.iter().position(|x| *x == day)?;
        let p = SLOT_PARTS.iter().position(|x| *x == part)?;
        Some(Slots(1 << (d * 3 + p)))
    }

    pub fn with(self, other: Slots) -> Slots {
        Slots(self.0 | other.0)
    }

    /// How many slots both have.
    pub fn shared(self, other: Slots) -> u32 {
        (self.0 & other.0).count_ones()
    }

    /// Parses a comma-separated list of slot codes (empty: none).
    pub fn parse_list(s: &str) -> Result<Slots, String> {
        list(s).try_fold(Slots::default(), |acc, code| {
            Slots::parse_one(code)
                .map(|one| acc.with(one))
                .ok_or_else(|| format!("slots: {code:?} is not a slot such as tue-evening"))
        })
    }

    /// The slot codes, Monday morning first.
    pub fn codes(self) -> Vec<String> {
        SLOT_DAYS
            .iter()
            .flat_map(|d| SLOT_PARTS.iter().map(move |p| format!("{d}-{p}")))
            .enumerate()
            .filter(|(i, _)| self.0 & (1 << i) != 0)
            .map(|(_, code)| code)
            .collect()
    }

    /// Whether the slot `code` is in the set.
    pub fn contains(self, code: &str) -> bool {
        Slots::parse_one(code).is_some_and(|one| self.0 & one.0 != 0)
    }
}

/// The items of a comma-separated list, trimmed, empty ones skipped.
pub fn list(s: &str) -> impl Iterator<Item = &str> {
    s.split(',').map(str::trim).filter(|x| !x.is_empty())
}

/// `ja`/`nein` (also yes/no/true/false) as a bool; the error names the field `online`.
pub fn parse_yes_no(s: &str) -> Result<bool, String> {
    match s.trim().to_ascii_lowercase().as_str() {
        "ja" | "yes" | "true" => Ok(true),
        "nein" | "no" | "false" => Ok(false),
        other => Err(format!("online: {other:?} is not ja or nein")),
    }
}

/// A 5-digit KldB 2010 code; the error names the field `kldb`.
pub fn parse_kldb5(s: &str) -> Result<KldbCode, String> {
    KldbCode::parse(s)
        .ok()
        .filter(|k| k.as_str().len() == 5)
        .ok_or_else(|| format!("kldb: {s:?} is not a 5-digit KldB 2010 code"))
}

/// An ISO 639-1 code; the error names `field`.
pub fn parse_language(field: &str, s: &str) -> Result<LanguageCode, String> {
    LanguageCode::parse(s).map_err(|_| format!("{field}: {s:?} is not an ISO 639-1 code"))
}

/// A volunteer mentor as the matching sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Mentor {
    pub id: String,
    pub kldb: KldbCode,
    pub languages: Vec<LanguageCode>,
    pub slots: Slots,
    pub city: String,
    pub online: bool,
    /// How many mentees at once (those still free).
    pub capacity: u32,
}

/// A waiting mentee as the matching sees them.
#[derive(Debug, Clone, PartialEq)]
pub struct Mentee {
    pub id: String,
    pub kldb: KldbCode,
    pub mother_tongue: Option<LanguageCode>,
    /// `None`: no German level known (treated as below B1).
    pub german: Option<CefrLevel>,
    pub slots: Slots,
    pub city: String,
    pub online: bool,
}

/// The score's weights (the defaults are the documented ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Weights {
    pub same_main_group: i64,
    pub same_area: i64,
    pub mother_tongue: i64,
    pub per_slot: i64,
    pub slots_max: i64,
    pub place: i64,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            same_main_group: 40,
            same_area: 20,
            mother_tongue: 10,
            per_slot: 2,
            slots_max: 20,
            place: 10,
        }
    }
}

/// Why a pair scores what it does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The same Berufshauptgruppe (its two digits).
    SameMainGroup(String),
    /// The same Berufsbereich only (its digit).
    SameArea(char),
    /// The mentor speaks the mentee's mother tongue.
    MotherTongue(LanguageCode),
    /// This many shared availability slots.
    SharedSlots(u32),
    /// Both live in this city.
    SameCity(String),
    /// Both accept online meetings.
    BothOnline,
}

impl Reason {
    /// The reason in German, as staff and the CLI read it.
    pub fn german(&self) -> String {
        match self {
            Reason::SameMainGroup(g) => format!("gleiche Berufshauptgruppe (KldB {g})"),
            Reason::SameArea(a) => format!("gleicher Berufsbereich (KldB {a})"),
            Reason::MotherTongue(l) => format!("spricht die Muttersprache ({l})"),
            Reason::SharedSlots(n) => format!("{n} gemeinsame Zeitfenster"),
            Reason::SameCity(c) => format!("beide in {c}"),
            Reason::BothOnline => "beide treffen sich auch online".into(),
        }
    }
}

/// Why a mentee stays without a mentor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Unmatched {
    /// No mentor of the mentee's Berufsbereich.
    NoMentorInArea(char),
    /// German below B1 and no mentor of the Berufsbereich speaks the mother tongue.
    NoMentorWithMotherTongue(Option<LanguageCode>),
    /// Mentors would fit, but their places went to others (more matches or a better total).
    PlacesTaken,
}

impl Unmatched {
    /// The reason in German.
    pub fn german(&self) -> String {
        match self {
            Unmatched::NoMentorInArea(a) => {
                format!("keine Mentorin und kein Mentor im Berufsbereich {a}")
            }
            Unmatched::NoMentorWithMotherTongue(Some(l)) => format!(
                "Deutsch unter B1 und niemand im Berufsbereich spricht die Muttersprache ({l})"
            ),
            Unmatched::NoMentorWithMotherTongue(None) => {
                "Deutsch unter B1 und keine Muttersprache erfasst".into()
            }
            Unmatched::PlacesTaken => {
                "die passenden Plätze sind an andere vergeben (mehr Tandems insgesamt)".into()
            }
        }
    }
}

/// A proposed pair: indexes into the mentors and mentees given.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    pub mentor: usize,
    pub mentee: usize,
    pub score: i64,
    pub reasons: Vec<Reason>,
}

/// The proposal: pairs in the order of the mentees, the unmatched with their reasons.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matching {
    pub pairs: Vec<Pair>,
    pub unmatched: Vec<(usize, Unmatched)>,
    pub total_score: i64,
}

fn area(k: &KldbCode) -> char {
    k.as_str().chars().next().unwrap_or('0')
}

fn main_group(k: &KldbCode) -> &str {
    k.as_str().get(..2).unwrap_or(k.as_str())
}

/// Whether the hard rules allow the pair.
pub fn allowed(mentor: &Mentor, mentee: &Mentee) -> bool {
    if area(&mentor.kldb) != area(&mentee.kldb) {
        return false;
    }
    let needs_tongue = mentee.german.is_none_or(|g| g < CefrLevel::B1);
    !needs_tongue
        || mentee
            .mother_tongue
            .is_some_and(|t| mentor.languages.contains(&t))
}

/// The score of an allowed pair (what [`score`] gives, without the reasons).
pub fn score_value(mentor: &Mentor, mentee: &Mentee, w: &Weights) -> i64 {
    let mut total = if mentee.kldb.as_str().len() >= 2
        && main_group(&mentor.kldb) == main_group(&mentee.kldb)
    {
        w.same_main_group
    } else {
        w.same_area
    };
    if mentee
        .mother_tongue
        .is_some_and(|t| mentor.languages.contains(&t))
    {
        total += w.mother_tongue;
    }
    total += (w.per_slot * i64::from(mentor.slots.shared(mentee.slots))).min(w.slots_max);
    let city = mentor.city.trim();
    if (!city.is_empty() && city.eq_ignore_ascii_case(mentee.city.trim()))
        || (mentor.online && mentee.online)
    {
        total += w.place;
    }
    total
}

/// The score of an allowed pair with its reasons.
pub fn score(mentor: &Mentor, mentee: &Mentee, w: &Weights) -> (i64, Vec<Reason>) {
    let mut reasons = Vec::new();
    let mut total = if main_group(&mentor.kldb) == main_group(&mentee.kldb)
        && mentee.kldb.as_str().len() >= 2
    {
        reasons.push(Reason::SameMainGroup(main_group(&mentee.kldb).to_owned()));
        w.same_main_group
    } else {
        reasons.push(Reason::SameArea(area(&mentee.kldb)));
        w.same_area
    };
    if let Some(t) = mentee
        .mother_tongue
        .filter(|t| mentor.languages.contains(t))
    {
        reasons.push(Reason::MotherTongue(t));
        total += w.mother_tongue;
    }
    let shared = mentor.slots.shared(mentee.slots);
    if shared > 0 {
        reasons.push(Reason::SharedSlots(shared));
        total += (w.per_slot * i64::from(shared)).min(w.slots_max);
    }
    let city = mentor.city.trim();
    if !city.is_empty() && city.eq_ignore_ascii_case(mentee.city.trim()) {
        reasons.push(Reason::SameCity(city.to_owned()));
        total += w.place;
    } else if mentor.online && mentee.online {
        reasons.push(Reason::BothOnline);
        total += w.place;
    }
    (total, reasons)
}

/// The assignment: as many mentees as possible, then the highest total score, within each
/// mentor's capacity. Exact.
pub fn assign(mentors: &[Mentor], mentees: &[Mentee], w: &Weights) -> Matching {
    assign_except(mentors, mentees, w, |_, _| false)
}

/// [`assign`] without the pairs `excluded(mentor, mentee)` (indexes) names — those staff
/// rejected before.
pub fn assign_except(
    mentors: &[Mentor],
    mentees: &[Mentee],
    w: &Weights,
    excluded: impl Fn(usize, usize) -> bool,
) -> Matching {
    let mut matched: Vec<Option<(usize, i64, Vec<Reason>)>> = vec![None; mentees.len()];
    let mut areas: Vec<char> = mentees.iter().map(|m| area(&m.kldb)).collect();
    areas.sort_unstable();
    areas.dedup();
    for a in areas {
        let es: Vec<usize> = (0..mentees.len())
            .filter(|i| area(&mentees[*i].kldb) == a)
            .collect();
        // One column per free place of a mentor of the area.
        let places: Vec<usize> = (0..mentors.len())
            .filter(|j| area(&mentors[*j].kldb) == a)
            .flat_map(|j| std::iter::repeat_n(j, mentors[j].capacity as usize))
            .collect();
        if places.is_empty() {
            continue;
        }
        // Gain of a pair: a match outweighs any difference of scores (`big`), then the score.
        let max_score =
            w.same_main_group.max(w.same_area) + w.mother_tongue + w.slots_max + w.place;
        let big = (max_score.max(0) + 1) * (es.len().min(places.len()) as i64 + 1);
        let gain: Vec<Vec<i64>> = es
            .iter()
            .map(|&e| {
                places
                    .iter()
                    .map(|&j| {
                        if allowed(&mentors[j], &mentees[e]) && !excluded(j, e) {
                            big + score_value(&mentors[j], &mentees[e], w)
                        } else {
                            0
                        }
                    })
                    .collect()
            })
            .collect();
        for (row, col) in max_weight_assignment(&gain) {
            let (e, j) = (es[row], places[col]);
            if gain[row][col] > 0 {
                let (s, reasons) = score(&mentors[j], &mentees[e], w);
                matched[e] = Some((j, s, reasons));
            }
        }
    }
    let mut out = Matching {
        pairs: Vec::new(),
        unmatched: Vec::new(),
        total_score: 0,
    };
    for (e, m) in matched.into_iter().enumerate() {
        match m {
            Some((mentor, score, reasons)) => {
                out.total_score += score;
                out.pairs.push(Pair {
                    mentor,
                    mentee: e,
                    score,
                    reasons,
                });
            }
            None => out.unmatched.push((e, why_unmatched(mentors, &mentees[e]))),
        }
    }
    out
}

fn why_unmatched(mentors: &[Mentor], mentee: &Mentee) -> Unmatched {
    let a = area(&mentee.kldb);
    let in_area: Vec<&Mentor> = mentors.iter().filter(|m| area(&m.kldb) == a).collect();
    if in_area.iter().all(|m| m.capacity == 0) {
        Unmatched::NoMentorInArea(a)
    } else if !in_area.iter().any(|m| m.capacity > 0 && allowed(m, mentee)) {
        Unmatched::NoMentorWithMotherTongue(mentee.mother_tongue)
    } else {
        Unmatched::PlacesTaken
    }
}

/// The (row, column) pairs of a maximum-weight assignment of a rectangular matrix of
/// non-negative gains; every row or every column (whichever are fewer) is assigned.
/// Hungarian method on the smaller side, O(n²·m).
pub fn max_weight_assignment(gain: &[Vec<i64>]) -> Vec<(usize, usize)> {
    let rows = gain.len();
    let cols = gain.first().map_or(0, Vec::len);
    if rows == 0 || cols == 0 {
        return Vec::new();
    }
    let transposed = rows > cols;
    let (n, m) = if transposed {
        (cols, rows)
    } else {
        (rows, cols)
    };
    // The costs of the smaller side's rows, flat and row by row (cache-friendly).
    let mut flat = vec![0i64; n * m];
    for (i, row) in gain.iter().enumerate() {
        for (j, g) in row.iter().enumerate() {
            let at = if transposed { j * m + i } else { i * m + j };
            flat[at] = -g;
        }
    }
    // e-maxx formulation, 1-based with a virtual column 0.
    let inf = i64::MAX / 4;
    let mut u = vec![0i64; n + 1];
    let mut v = vec![0i64; m + 1];
    let mut p = vec![0usize; m + 1];
    let mut way = vec![0usize; m + 1];
    let mut minv = vec![inf; m + 1];
    let mut used = vec![false; m + 1];
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0usize;
        minv.iter_mut().for_each(|x| *x = inf);
        used.iter_mut().for_each(|x| *x = false);
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0usize;
            let row = &flat[(i0 - 1) * m..i0 * m];
            for j in 1..=m {
                if !used[j] {
                    let cur = row[j - 1] - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=m {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=m)
        .filter(|&j| p[j] != 0)
        .map(|j| {
            let (i, j) = (p[j] - 1, j - 1);
            if transposed { (j, i) } else { (i, j) }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slots(codes: &[&str]) -> Slots {
        codes.iter().fold(Slots::default(), |s, c| {
            s.with(Slots::parse_one(c).unwrap())
        })
    }

    fn mentor(id: &str, kldb: &str, langs: &[&str], capacity: u32) -> Mentor {
        Mentor {
            id: id.into(),
            kldb: KldbCode::parse(kldb).unwrap(),
            languages: langs
                .iter()
                .map(|l| LanguageCode::parse(l).unwrap())
                .collect(),
            slots: slots(&["tue-evening", "sat-morning"]),
            city: "Essen".into(),
            online: true,
            capacity,
        }
    }

    fn mentee(id: &str, kldb: &str, tongue: &str, german: Option<CefrLevel>) -> Mentee {
        Mentee {
            id: id.into(),
            kldb: KldbCode::parse(kldb).unwrap(),
            mother_tongue: LanguageCode::parse(tongue).ok(),
            german,
            slots: slots(&["tue-evening", "wed-evening"]),
            city: "Bochum".into(),
            online: true,
        }
    }

    #[test]
    fn scores_by_the_documented_weights_with_reasons() {
        let m = mentor("m", "81302", &["de", "ar"], 1);
        let e = mentee("e", "81313", "ar", Some(CefrLevel::A2));
        assert!(allowed(&m, &e));
        let (s, reasons) = score(&m, &e, &Weights::default());
        // 40 main group + 10 mother tongue + 2 one slot + 10 both online.
        assert_eq!(s, 62);
        assert_eq!(
            reasons.iter().map(Reason::german).collect::<Vec<_>>(),
            [
                "gleiche Berufshauptgruppe (KldB 81)",
                "spricht die Muttersprache (ar)",
                "1 gemeinsame Zeitfenster",
                "beide treffen sich auch online"
            ]
        );
        let other_group = mentee("e", "82102", "tr", Some(CefrLevel::B2));
        assert_eq!(score(&m, &other_group, &Weights::default()).0, 20 + 2 + 10);
    }

    #[test]
    fn hard_rules_area_and_mother_tongue_below_b1() {
        let m = mentor("m", "81302", &["de"], 1);
        assert!(!allowed(
            &m,
            &mentee("e", "26212", "de", Some(CefrLevel::C1))
        ));
        assert!(!allowed(
            &m,
            &mentee("e", "81302", "ar", Some(CefrLevel::A2))
        ));
        assert!(!allowed(&m, &mentee("e", "81302", "ar", None)));
        assert!(allowed(
            &m,
            &mentee("e", "81302", "ar", Some(CefrLevel::B1))
        ));
    }

    #[test]
    fn more_matches_come_before_a_higher_score() {
        // Greedy would give the Arabic-speaking mentor to the B2 mentee (higher score) and
        // leave the A2 mentee without anyone.
        let mentors = [
            mentor("ar", "81302", &["ar"], 1),
            mentor("de", "81999", &["de"], 1),
        ];
        let mentees = [
            mentee("b2", "81302", "ar", Some(CefrLevel::B2)),
            mentee("a2", "81302", "ar", Some(CefrLevel::A2)),
        ];
        let m = assign(&mentors, &mentees, &Weights::default());
        assert_eq!(m.pairs.len(), 2);
        let of = |e: usize| m.pairs.iter().find(|p| p.mentee == e).unwrap().mentor;
        assert_eq!((of(0), of(1)), (1, 0));
    }

    #[test]
    fn rejected_pairs_are_left_out() {
        let mentors = [
            mentor("ar", "81302", &["ar"], 1),
            mentor("de", "81999", &["de"], 1),
        ];
        let mentees = [mentee("b2", "81302", "ar", Some(CefrLevel::B2))];
        let best = assign(&mentors, &mentees, &Weights::default());
        assert_eq!(best.pairs[0].mentor, 0);
        let without = assign_except(&mentors, &mentees, &Weights::default(), |j, e| {
            (j, e) == (0, 0)
        });
        assert_eq!(without.pairs[0].mentor, 1);
        let none = assign_except(&mentors, &mentees, &Weights::default(), |_, _| true);
        assert!(none.pairs.is_empty());
        assert_eq!(none.unmatched.len(), 1);
    }

    #[test]
    fn the_unmatched_get_their_reason() {
        let mentors = [mentor("m", "81302", &["de"], 1)];
        let mentees = [
            mentee("x", "26212", "de", Some(CefrLevel::C1)),
            mentee("y", "81302", "fa", Some(CefrLevel::A1)),
            mentee("z", "81302", "de", Some(CefrLevel::B2)),
            mentee("w", "81302", "de", Some(CefrLevel::B2)),
        ];
        let m = assign(&mentors, &mentees, &Weights::default());
        assert_eq!(m.pairs.len(), 1);
        let reasons: Vec<_> = m.unmatched.iter().map(|(e, r)| (*e, r.clone())).collect();
        assert_eq!(reasons[0], (0, Unmatched::NoMentorInArea('2')));
        assert!(matches!(
            reasons[1],
            (1, Unmatched::NoMentorWithMotherTongue(Some(_)))
        ));
        assert_eq!(reasons[2].1, Unmatched::PlacesTaken);
    }

    /// The best (matches, total score) by trying every assignment.
    fn brute(mentors: &[Mentor], mentees: &[Mentee], w: &Weights) -> (usize, i64) {
        fn go(
            e: usize,
            left: &mut Vec<u32>,
            mentors: &[Mentor],
            mentees: &[Mentee],
            w: &Weights,
        ) -> (usize, i64) {
            if e == mentees.len() {
                return (0, 0);
            }
            let mut best = go(e + 1, left, mentors, mentees, w);
            for j in 0..mentors.len() {
                if left[j] > 0 && allowed(&mentors[j], &mentees[e]) {
                    left[j] -= 1;
                    let (n, s) = go(e + 1, left, mentors, mentees, w);
                    left[j] += 1;
                    let cand = (n + 1, s + score(&mentors[j], &mentees[e], w).0);
                    if cand > best {
                        best = cand;
                    }
                }
            }
            best
        }
        let mut left: Vec<u32> = mentors.iter().map(|m| m.capacity).collect();
        go(0, &mut left, mentors, mentees, w)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]
        #[test]
        fn assign_is_exact_on_small_instances(
            ms in prop::collection::vec((0usize..3, 0usize..3, 0u32..3, any::<u32>()), 1..4),
            es in prop::collection::vec((0usize..3, 0usize..3, 0usize..4, any::<u32>(), any::<bool>()), 1..6),
        ) {
            let codes = ["81302", "81102", "26212"];
            let langs = ["ar", "tr", "uk"];
            let levels = [None, Some(CefrLevel::A2), Some(CefrLevel::B1), Some(CefrLevel::C1)];
            let mentors: Vec<Mentor> = ms.iter().enumerate().map(|(i, (k, l, c, s))| Mentor {
                id: format!("m{i}"),
                kldb: KldbCode::parse(codes[*k]).unwrap(),
                languages: vec![LanguageCode::parse(langs[*l]).unwrap()],
                slots: Slots(s & 0x1f_ffff),
                city: if i % 2 == 0 { "Essen".into() } else { "Dortmund".into() },
                online: i % 3 == 0,
                capacity: *c,
            }).collect();
            let mentees: Vec<Mentee> = es.iter().enumerate().map(|(i, (k, l, g, s, o))| Mentee {
                id: format!("e{i}"),
                kldb: KldbCode::parse(codes[*k]).unwrap(),
                mother_tongue: Some(LanguageCode::parse(langs[*l]).unwrap()),
                german: levels[*g],
                slots: Slots(s & 0x1f_ffff),
                city: "Essen".into(),
                online: *o,
            }).collect();
            let w = Weights::default();
            let m = assign(&mentors, &mentees, &w);
            prop_assert_eq!((m.pairs.len(), m.total_score), brute(&mentors, &mentees, &w));
            for p in &m.pairs {
                prop_assert!(allowed(&mentors[p.mentor], &mentees[p.mentee]));
            }
            for (mentor, mentee) in mentors.iter().zip(&mentees) {
                prop_assert_eq!(score_value(mentor, mentee, &w), score(mentor, mentee, &w).0);
            }
            for (j, mentor) in mentors.iter().enumerate() {
                let used = m.pairs.iter().filter(|p| p.mentor == j).count() as u32;
                prop_assert!(used <= mentor.capacity);
            }
        }
    }
}
