use lernweg_offers::readability::{analyze, cli_readability, split_compound};

#[test]
fn hand_computed_short_text() {
    // Der(1) Kurs(1) beginnt(2) am(1) Montag(2) | Wir(1) lernen(2) zusammen(3):
    // 8 words, 13 syllables, 2 sentences; ASL 4, ASW 1.625.
    // Flesch-Amstad = 180 − 4 − 58.5 × 1.625 = 80.94.
    // WSTF: MS 12.5 %, SL 4, IW 25 % (beginnt, zusammen), ES 50 %
    //   = 0.1935·12.5 + 0.1672·4 + 0.1297·25 − 0.0327·50 − 0.875 = 3.82.
    let r = analyze("Der Kurs beginnt am Montag. Wir lernen zusammen.");
    assert_eq!((r.sentences, r.words, r.syllables), (2, 8, 13));
    assert_eq!(r.flesch_amstad, 80.9);
    assert_eq!(r.wiener_sachtextformel, 3.8);
    assert_eq!(r.level, "easy");
    assert!(r.long_sentences.is_empty());
    assert!(r.hints.is_empty());
}

#[test]
fn hand_computed_hard_sentence() {
    // One sentence, 16 words:
    // Die(1) berufsbegleitende(6) Anpassungsqualifizierung(8) ermöglicht(3)
    // Pflegefachkräften(5) mit(1) ausländischen(4) Berufsabschlüssen(5) die(1)
    // Vorbereitung(4) auf(1) die(1) Kenntnisprüfung(4) in(1) zehn(1) Monaten(3) = 49.
    // Flesch = 180 − 16 − 58.5 × 49 / 16 = −15.16.
    let t = "Die berufsbegleitende Anpassungsqualifizierung ermöglicht Pflegefachkräften mit \
             ausländischen Berufsabschlüssen die Vorbereitung auf die Kenntnisprüfung in zehn Monaten.";
    let r = analyze(t);
    assert_eq!((r.sentences, r.words, r.syllables), (1, 16, 49));
    assert_eq!(r.flesch_amstad, -15.2);
    assert_eq!(r.level, "very_difficult");
    assert_eq!(r.long_sentences.len(), 1);
    assert_eq!(r.long_sentences[0].words, 16);
    // MS: 9 words ≥ 3 syllables = 56.25 %; IW: 9 words > 6 letters = 56.25 %; ES: 7 = 43.75 %.
    // WSTF = 0.1935·56.25 + 0.1672·16 + 0.1297·56.25 − 0.0327·43.75 − 0.875 = 18.55.
    assert_eq!(r.wiener_sachtextformel, 18.5);
    let words: Vec<&str> = r.long_words.iter().map(|w| w.word.as_str()).collect();
    assert!(words.contains(&"Anpassungsqualifizierung"));
    let w = r
        .long_words
        .iter()
        .find(|w| w.word == "Anpassungsqualifizierung")
        .unwrap();
    assert_eq!(w.hint, "split_compound");
    assert_eq!(w.suggestion.as_deref(), Some("Anpassungs·qualifizierung"));
    let codes: Vec<&str> = r.hints.iter().map(|h| h.code).collect();
    assert_eq!(
        codes,
        vec!["flesch_below_target", "long_sentences", "long_words"]
    );
}

#[test]
fn compounds() {
    assert_eq!(
        split_compound("Bildungsträger").as_deref(),
        Some("Bildungs·träger")
    );
    assert_eq!(
        split_compound("Anerkennungsverfahren").as_deref(),
        Some("Anerkennungs·verfahren")
    );
    assert_eq!(
        split_compound("Kinderbetreuung").as_deref(),
        Some("Kinder·betreuung")
    );
    assert_eq!(split_compound("Teilnehmende"), None);
}

#[test]
fn json_contract_and_cli() {
    let out = cli_readability("Der Kurs beginnt am Montag. Wir lernen zusammen.", "json").unwrap();
    assert!(out.ends_with('\n'));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let keys = [
        "flesch_amstad",
        "wiener_sachtextformel",
        "sentences",
        "words",
        "syllables",
        "long_sentences",
    ];
    let pos: Vec<usize> = keys
        .iter()
        .map(|k| out.find(&format!("\"{k}\":")).unwrap())
        .collect();
    assert!(
        pos.windows(2).all(|p| p[0] < p[1]),
        "keys in documented order: {out}"
    );
    assert_eq!(v["flesch_amstad"], 80.9);
    let text = cli_readability("Ein Satz.", "text").unwrap();
    assert!(text.starts_with("flesch_amstad: "));
    assert!(cli_readability("x", "xml").is_err());
}

#[test]
fn empty_text() {
    let r = analyze("  \n\n 2027 ");
    assert_eq!((r.words, r.sentences), (0, 0));
    assert_eq!(r.level, "no_text");
    assert_eq!(r.flesch_amstad, 0.0);
}
