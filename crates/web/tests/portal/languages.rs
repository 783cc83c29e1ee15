//! Languages of the participant pages: Arabic right to left, all six in the switch, staff
//! pages clamped to German or English, the German texts easy to read.

use crate::common::TestApp;
use crate::support::*;

#[tokio::test]
async fn arabic_is_right_to_left_and_staff_pages_stay_german_or_english() {
    let app = TestApp::spawn_with(relaxed()).await;
    add_check(&app, app.participant).await;
    let (client, csrf) = app.login("participant@test.example").await;
    // The fixture participant's mother tongue is Arabic: the portal starts in Arabic.
    let page = get_text(&client, &app.url("/mein-weg")).await;
    assert!(
        page.contains("<html lang=\"ar\" dir=\"rtl\">"),
        "{}",
        &page[..200]
    );
    assert!(page.contains("طريقي"));
    // The switch offers all six, each named in itself.
    for name in [
        "Deutsch",
        "English",
        "العربية",
        "Українська",
        "Türkçe",
        "Русский",
    ] {
        assert!(page.contains(name), "{name}");
    }
    for (lang, marker) in [
        ("uk", "Мій шлях"),
        ("tr", "Yolum"),
        ("ru", "Мой путь"),
        ("en", "My path"),
        ("de", "Mein Weg"),
    ] {
        switch(&app, &client, &csrf, lang).await;
        let page = get_text(&client, &app.url("/mein-weg")).await;
        assert!(page.contains(&format!("<html lang=\"{lang}\">")), "{lang}");
        assert!(page.contains(marker), "{lang}: {marker}");
    }
    switch(&app, &client, &csrf, "ar").await;
    let login = get_text(&TestApp::client(), &app.url("/anmelden")).await;
    assert!(
        login.contains("<html lang=\"de\">"),
        "a new visitor: German"
    );
    // A staff member who chose Arabic sees staff pages in German, never lang="ar".
    let (staff, staff_csrf) = app.login("counsellor@test.example").await;
    switch(&app, &staff, &staff_csrf, "ar").await;
    let html = get_text(&staff, &app.url("/verwaltung/teilnehmende")).await;
    assert!(
        html.contains("<html lang=\"de\">"),
        "staff pages are clamped"
    );
    let check = get_text(&client, &app.url("/mein-weg")).await;
    assert!(check.contains("dir=\"rtl\""));
}

#[test]
fn german_portal_texts_are_easy_to_read() {
    let text = german_sentences();
    let report = lernweg_offers::readability::analyze(&text);
    assert!(report.sentences > 100, "{} sentences", report.sentences);
    // Measured 82.9 (easy) and Wiener Sachtextformel 1.7 when written.
    assert!(
        matches!(report.level, "easy" | "very_easy"),
        "Flesch-Amstad {} ({}) is not easy enough",
        report.flesch_amstad,
        report.level
    );
    assert!(
        report.wiener_sachtextformel <= 4.0,
        "{}",
        report.wiener_sachtextformel
    );
    assert!(
        report.long_sentences.is_empty(),
        "sentences over 15 words: {:?}",
        report
            .long_sentences
            .iter()
            .map(|s| &s.text)
            .collect::<Vec<_>>()
    );
}
