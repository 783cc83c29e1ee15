//! A participant import end to end against a fresh database: preview of 10,000 rows as an
//! office exports them (Windows-1252, semicolons, German headers, about 10 % faulty rows and
//! 2 % duplicates), staging, confirmation and the all-or-nothing insert. Goal: well under 2 s.
//!
//! SQLite file database by default; PostgreSQL with `LERNWEG_TEST_POSTGRES_URL` set.
//! `cargo bench -p lernweg-store --bench import`

use std::hint::black_box;
use std::time::{Duration, Instant};

use criterion::{Criterion, criterion_group, criterion_main};
use lernweg_domain::{ProviderName, State};
use lernweg_participants::preview_csv;
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, ImportStatus, NewImport, NewProvider};

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
fn generate(rows: usize) -> Vec<u8> {
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
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(&s);
    assert!(!unmappable);
    bytes.into_owned()
}

/// Preview, stage, confirm and run one import into a fresh database; returns the time taken
/// without the database set-up.
async fn once(bytes: &[u8]) -> Duration {
    let db = TestDb::new().await;
    let s = &db.store;
    let actor = Actor::system();
    let provider = s
        .create_provider(
            &actor,
            NewProvider {
                name: ProviderName::parse("Bildungsträger Süd").unwrap(),
                state: State::BW,
            },
        )
        .await
        .unwrap()
        .id;
    let start = Instant::now();
    let preview = preview_csv(black_box(bytes), today()).unwrap();
    let job = s
        .stage_import(
            &actor,
            NewImport {
                provider,
                contact_person: None,
                file_name: "teilnehmende.csv",
                preview: &preview,
            },
        )
        .await
        .unwrap();
    s.confirm_import(&job.id).await.unwrap();
    let done = s.run_import(&actor, &job.id).await.unwrap();
    let took = start.elapsed();
    assert_eq!(done.status, ImportStatus::Done);
    assert_eq!(done.done_rows, job.valid_rows);
    assert!(done.valid_rows > 8_500);
    took
}

fn bench(c: &mut Criterion) {
    let bytes = generate(10_000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap();
    let mut g = c.benchmark_group("import");
    g.sample_size(10);
    g.measurement_time(Duration::from_secs(10));
    g.bench_function("preview_and_confirm_10000_rows", |b| {
        b.iter_custom(|iters| {
            rt.block_on(async {
                let mut total = Duration::ZERO;
                for _ in 0..iters {
                    total += once(&bytes).await;
                }
                total
            })
        })
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
