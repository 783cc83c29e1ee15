//! Import preview of 10,000 generated rows as an office would export them (Windows-1252,
//! semicolons, German headers, about 10 % faulty rows and 2 % duplicates). Goal: well under 2 s.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use lernweg_participants::preview_csv;

const GIVEN: [&str; 12] = [
    "Amina", "Jürgen", "Olena", "Mehmet", "Ayse", "Dmytro", "Fatima", "Grzegorz", "Sören", "Lucía",
    "Tesfaye", "Björn",
];
const FAMILY: [&str; 12] = [
    "Haddad",
    "Weiß",
    "Kovalenko",
    "Öztürk",
    "Yilmaz",
    "Schäfer",
    "Nowak",
    "Müller",
    "Popescu",
    "Tesfamariam",
    "Groß",
    "Nguyen",
];
const LANG: [&str; 8] = [
    "ar",
    "Arabisch",
    "uk",
    "Türkisch",
    "pl",
    "Russisch",
    "ti",
    "fa",
];
const LEVEL: [&str; 5] = ["A2", "B1", "b2", "C1", "B1"];
const CHANNEL: [&str; 5] = ["Telefon", "persönlich", "E-Mail", "WhatsApp", "Video"];

/// The day the benchmark's previews are made.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap_or_default()
}

/// `rows` data rows (each with the date of the data-processing consent); two in 20 have an error, every 50th repeats an earlier e-mail.
pub fn generate(rows: usize) -> Vec<u8> {
    let mut s = String::from(
        "Vorname;Nachname;E-Mail;Telefon;Muttersprache;Weitere Sprachen;Deutschniveau;\
         Bevorzugter Kontakt;Erreichbarkeit;Referenzberuf;Anerkennung;Arbeitgeber;\
         Wochenstunden;Geburtsjahr;Bemerkung;Einwilligung Datenverarbeitung\r\n",
    );
    for i in 0..rows {
        let g = GIVEN[i % GIVEN.len()];
        let f = FAMILY[(i / 7) % FAMILY.len()];
        let mail_no = if i % 50 == 49 { i - 1 } else { i };
        let email = if i % 20 == 7 {
            "kein-at-zeichen".to_owned()
        } else {
            format!("tn{mail_no}@beispiel.de")
        };
        let hours = if i % 20 == 13 {
            "75".to_owned()
        } else {
            format!("{},5", 15 + i % 25)
        };
        s.push_str(&format!(
            "{g};{f};{email};0151 {:07};{};en, fr;{};{};Mo–Fr ab 17 Uhr;81302 Pflege;teilweise;\
             Pflegedienst Süd GmbH;{hours};{};;{:02}.07.2026\r\n",
            i,
            LANG[i % LANG.len()],
            LEVEL[i % LEVEL.len()],
            CHANNEL[i % CHANNEL.len()],
            1960 + i % 45,
            1 + i % 28,
        ));
    }
    // Only letters Windows-1252 has: encoding_rs would write others as `&#351;`, whose `;`
    // shifts the columns (as it would in a real office export).
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&s);
    assert!(!unmappable);
    bytes.into_owned()
}

fn bench(c: &mut Criterion) {
    let bytes = generate(10_000);
    let p = preview_csv(&bytes, today()).unwrap();
    assert_eq!(p.rows.len(), 10_000);
    assert!(p.invalid > 0 && p.duplicates > 0 && p.valid > 8_500);
    let mut g = c.benchmark_group("import");
    g.sample_size(20);
    g.bench_function("preview_10000_rows", |b| {
        b.iter(|| preview_csv(black_box(&bytes), today()).unwrap())
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
