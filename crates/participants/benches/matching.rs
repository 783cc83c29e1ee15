//! Issue 15, point 6: matching 2,000 waiting mentees with 1,000 mentors of capacity 2,
//! exactly. Occupations spread over the nine Berufsbereiche as KldB codes of real
//! occupations; a fifth of the mentees below B1; languages, slots, cities and online
//! willingness drawn from a fixed seed (the same instance every run).

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lernweg_domain::{CefrLevel, KldbCode};
use lernweg_participants::language::LanguageCode;
use lernweg_participants::mentoring::{Mentee, Mentor, Slots, Weights, assign};

/// A small deterministic generator (xorshift), so the instance is the same every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

const KLDB: [&str; 18] = [
    "11302", "12212", "22102", "26212", "26252", "27212", "29302", "34212", "43102", "51312",
    "52202", "62102", "63302", "71402", "72212", "81302", "81313", "83112",
];
const LANGS: [&str; 8] = ["ar", "tr", "uk", "ru", "fa", "pl", "ro", "en"];
const CITIES: [&str; 5] = ["Essen", "Bochum", "Dortmund", "Duisburg", "Gelsenkirchen"];

fn slots(r: &mut Rng) -> Slots {
    (0..4).fold(Slots::default(), |s, _| {
        let code = format!(
            "{}-{}",
            r.pick(&lernweg_participants::mentoring::SLOT_DAYS),
            r.pick(&lernweg_participants::mentoring::SLOT_PARTS)
        );
        s.with(Slots::parse_one(&code).unwrap())
    })
}

pub fn instance() -> (Vec<Mentor>, Vec<Mentee>) {
    let mut r = Rng(0x9e37_79b9_7f4a_7c15);
    let lang = |c: &str| LanguageCode::parse(c).unwrap();
    let mentors = (0..1000)
        .map(|i| Mentor {
            id: format!("m{i}"),
            kldb: KldbCode::parse(r.pick(&KLDB)).unwrap(),
            languages: vec![lang("de"), lang(r.pick(&LANGS))],
            slots: slots(&mut r),
            city: r.pick(&CITIES).to_owned(),
            online: r.next().is_multiple_of(2),
            capacity: 2,
        })
        .collect();
    let levels = [
        Some(CefrLevel::A2),
        Some(CefrLevel::B1),
        Some(CefrLevel::B2),
        Some(CefrLevel::B2),
        Some(CefrLevel::C1),
    ];
    let mentees = (0..2000)
        .map(|i| Mentee {
            id: format!("e{i}"),
            kldb: KldbCode::parse(r.pick(&KLDB)).unwrap(),
            mother_tongue: Some(lang(r.pick(&LANGS))),
            german: r.pick(&levels),
            slots: slots(&mut r),
            city: r.pick(&CITIES).to_owned(),
            online: !r.next().is_multiple_of(3),
        })
        .collect();
    (mentors, mentees)
}

fn bench(c: &mut Criterion) {
    let (mentors, mentees) = instance();
    let w = Weights::default();
    let m = assign(&mentors, &mentees, &w);
    eprintln!(
        "matched {} of {}, total score {}",
        m.pairs.len(),
        mentees.len(),
        m.total_score
    );
    c.bench_function("match 2000 mentees with 1000 mentors (capacity 2)", |b| {
        b.iter(|| assign(black_box(&mentors), black_box(&mentees), &w))
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(10);
    targets = bench
}
criterion_main!(benches);
