//! Renders real reports and reads the text back out of the PDF.

use lernweg_pdf::{Report, Section, Table, render};

fn sample() -> Report {
    let mut person = Section::new("Angaben zur Person");
    person.facts = vec![
        ("Name".into(), "Jürgen Weiß".into()),
        ("Name (Kyrillisch)".into(), "Олена Шевченко".into()),
        ("Name (Arabisch)".into(), "سارة الأحمد".into()),
    ];
    let mut log = Section::new("Kontaktprotokoll");
    log.table = Some(Table {
        headers: vec!["Datum".into(), "Kanal".into(), "Thema".into()],
        rows: (1..=60)
            .map(|i| {
                vec![
                    format!("{i:02}.03.2026"),
                    "Telefon".into(),
                    format!("Gespräch {i}"),
                ]
            })
            .collect(),
    });
    let mut empty = Section::new("Leihgeräte");
    empty.empty = Some("Keine Einträge.".into());
    Report {
        lang: "de".into(),
        title: "Auskunft nach Art. 15 DSGVO".into(),
        meta: vec!["Erstellt am 25.11.2026".into()],
        sections: vec![person, log, empty],
        footer: "Lernweg – vertraulich".into(),
    }
}

#[test]
fn a_report_becomes_a_pdf_with_its_text() {
    let pdf = render(&sample()).expect("renders");
    assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
    let text = pdf_extract::extract_text_from_mem(&pdf).expect("text extracts");
    for needle in [
        "Auskunft nach Art. 15 DSGVO",
        "Jürgen Weiß",
        "Шевченко",
        "Gespräch 60",
        "Keine Einträge.",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in:\n{text}");
    }
}

#[test]
fn a_long_table_flows_onto_more_pages() {
    let pdf = render(&sample()).expect("renders");
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(text.contains("1 / 2") || text.contains("1 / 3"), "{text}");
}

#[test]
fn markup_characters_in_values_are_text_not_markup() {
    let mut r = sample();
    r.sections[0].facts.push((
        "Notiz".into(),
        "#set page(width: 1pt) *fett* $x$ = _ ] [".into(),
    ));
    let pdf = render(&r).expect("renders");
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(text.contains("*fett*"), "{text}");
}
