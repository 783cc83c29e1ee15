//! CSV import pages through the real server: upload (Windows-1252 and UTF-8 with BOM), the
//! preview with errors per row, nothing written before the confirmation, exactly the valid rows
//! written after it, the progress page and the result, discarding, tenancy (404), the size
//! limit, files that are no CSV, and CSRF. The API: `imports_api.rs`.

mod common;

use common::TestApp;
use lernweg_domain::Role;
use lernweg_store::{Actor, NewImport};
use reqwest::multipart::{Form, Part};

const PAGE: &str = "/verwaltung/teilnehmende/import";

/// Three valid rows, one with a bad German level (row 5), one repeating row 2's address
/// (row 6), the address of the test app's participant (row 7), and one without the date of
/// the data-processing consent (row 8).
const LIST: &str = "Vorname;Nachname;E-Mail;Deutschniveau;Muttersprache;Wochenstunden;\
    Einwilligung Datenverarbeitung\r\n\
    Jürgen;Weiß;juergen.weiss@example.org;B1;Türkisch;19,5;01.09.2026\r\n\
    Sören;Groß;soeren@example.org;A2;pl;30;2026-09-02\r\n\
    Zoë;Müller;;C1;Russisch;;03.09.2026\r\n\
    Olena;Kovalenko;olena@example.org;X9;uk;20;01.09.2026\r\n\
    Jürgen;Weiß;JUERGEN.WEISS@example.org;B1;tr;19,5;01.09.2026\r\n\
    Amina;Haddad;amina.haddad@example.org;B1;ar;30;01.09.2026\r\n\
    Ivana;Horvat;ivana@example.org;B1;hr;20;\r\n";

/// The day the import tests preview files (their consent dates lie before it).
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
}

fn windows_1252(s: &str) -> Vec<u8> {
    s.chars()
        .map(|c| match c {
            'ä' => 0xE4,
            'ö' => 0xF6,
            'ü' => 0xFC,
            'ß' => 0xDF,
            'Ö' => 0xD6,
            'ë' => 0xEB,
            c if c.is_ascii() => c as u8,
            c => panic!("{c} not in the test's table"),
        })
        .collect()
}

fn with_bom(s: &str) -> Vec<u8> {
    let mut b = vec![0xEF, 0xBB, 0xBF];
    b.extend_from_slice(s.as_bytes());
    b
}

fn form(csrf: &str, contact: &str, bytes: Vec<u8>, name: &str) -> Form {
    Form::new()
        .text("csrf", csrf.to_owned())
        .text("contact_person_id", contact.to_owned())
        .part(
            "file",
            Part::bytes(bytes)
                .file_name(name.to_owned())
                .mime_str("text/csv")
                .unwrap(),
        )
}

async fn upload(app: &TestApp, client: &reqwest::Client, form: Form) -> (u16, String, String) {
    let res = client
        .post(app.url(PAGE))
        .multipart(form)
        .send()
        .await
        .unwrap();
    let status = res.status().as_u16();
    let location = res
        .headers()
        .get("location")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_owned();
    (status, location, res.text().await.unwrap())
}

async fn get(client: &reqwest::Client, app: &TestApp, path: &str) -> (u16, Option<String>, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    let refresh = res
        .headers()
        .get("refresh")
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    (status, refresh, res.text().await.unwrap())
}

async fn count(app: &TestApp) -> usize {
    app.state
        .store
        .participants(Some(app.p1.id))
        .await
        .unwrap()
        .len()
}

fn no_raw_keys(html: &str) {
    for raw in [">imports-", " imports-", ">participants-", " participants-"] {
        assert!(!html.contains(raw), "raw message id {raw} in: {html}");
    }
}

/// Waits until a job page no longer shows a running import.
async fn settled(client: &reqwest::Client, app: &TestApp, path: &str) -> String {
    for _ in 0..100 {
        let (status, refresh, html) = get(client, app, path).await;
        assert_eq!(status, 200);
        if refresh.is_none() {
            return html;
        }
        assert!(html.contains("<progress"));
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the import did not end");
}

#[tokio::test]
async fn windows_1252_upload_previews_errors_writes_nothing_then_exactly_the_valid_rows() {
    let app = TestApp::spawn().await;
    let counsellor = app.user(Role::Counsellor).clone();
    let (client, csrf) = app.login(&counsellor.email.to_string()).await;

    // The participant list links to the import; the form explains the columns.
    let (_, _, list) = get(&client, &app, "/verwaltung/teilnehmende").await;
    assert!(list.contains("href=\"/verwaltung/teilnehmende/import\""));
    assert!(list.contains("CSV importieren"));
    let (status, _, html) = get(&client, &app, PAGE).await;
    assert_eq!(status, 200);
    assert!(html.contains("enctype=\"multipart/form-data\""));
    assert!(html.contains("Erwartete Spalten"));
    assert!(html.contains("/verwaltung/teilnehmende/import/beispiel.csv"));
    no_raw_keys(&html);
    let example = client
        .get(app.url("/verwaltung/teilnehmende/import/beispiel.csv"))
        .send()
        .await
        .unwrap();
    assert!(
        example.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/csv")
    );
    assert!(
        example
            .text()
            .await
            .unwrap()
            .contains("Vorname;Nachname;E-Mail")
    );

    let before = count(&app).await;
    let bytes = windows_1252(LIST);
    assert!(std::str::from_utf8(&bytes).is_err(), "really Windows-1252");
    let (status, location, _) = upload(
        &app,
        &client,
        form(&csrf, &counsellor.id.to_string(), bytes, "Teilnehmende.csv"),
    )
    .await;
    assert_eq!(status, 303);
    assert!(location.starts_with("/verwaltung/teilnehmende/import/"));

    let (status, refresh, preview) = get(&client, &app, &location).await;
    assert_eq!(status, 200);
    assert!(refresh.is_none());
    no_raw_keys(&preview);
    assert!(preview.contains("Teilnehmende.csv"));
    assert!(preview.contains("<dd>7</dd>"), "seven rows");
    assert!(
        preview.contains("<dd>3</dd>") && preview.contains("<dd>4</dd>"),
        "three valid, four with errors"
    );
    assert!(preview.contains("„X9“ ist kein Sprachniveau"));
    assert!(preview.contains("Diese E-Mail-Adresse steht schon in Zeile 2."));
    assert!(preview.contains("bei Ihrem Träger schon gespeichert"));
    assert!(
        preview
            .contains(r#"<td data-label="Zeile">5</td><td data-label="Spalte">Deutschniveau</td>"#)
    );
    assert!(preview.contains(
        r#"<td data-label="Zeile">8</td><td data-label="Spalte">Einwilligung Datenverarbeitung</td>"#
    ));
    assert!(preview.contains("Es fehlt das Datum der Einwilligung in die Datenverarbeitung."));
    // The umlauts of the Windows-1252 file arrive intact.
    assert!(preview.contains("Jürgen Weiß"));
    assert!(preview.contains("Zoë Müller"));
    assert!(preview.contains("Importieren bestätigen"));
    assert!(preview.contains("Verwerfen"));
    assert_eq!(
        count(&app).await,
        before,
        "nothing is written before the confirmation"
    );

    let id = location.rsplit('/').next().unwrap().to_owned();
    let res = client
        .post(app.url(&format!("{location}/bestaetigen")))
        .form(&[("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let result = settled(&client, &app, &location).await;
    assert!(result.contains("Import abgeschlossen"), "{result}");
    assert!(result.contains("Importierte Teilnehmende: 3"));
    assert!(result.contains("Nicht importierte Zeilen mit Fehlern: 4"));
    assert!(result.contains("href=\"/verwaltung/teilnehmende\""));
    no_raw_keys(&result);
    let people = app.state.store.participants(Some(app.p1.id)).await.unwrap();
    assert_eq!(people.len(), before + 3);
    let juergen = people
        .iter()
        .find(|p| p.data.family_name == "Weiß")
        .expect("Jürgen Weiß imported");
    assert_eq!(juergen.data.given_name, "Jürgen");
    assert_eq!(juergen.data.weekly_hours, Some(19.5));
    assert_eq!(juergen.contact_person_id, Some(counsellor.id));
    let consents = app.state.store.consents(juergen.id).await.unwrap();
    assert_eq!(
        consents
            .iter()
            .map(|c| (c.scope.code(), c.given_on.to_string()))
            .collect::<Vec<_>>(),
        [("data_processing", "2026-09-01".to_owned())],
        "the row's consent is recorded with the participant"
    );
    assert!(!people.iter().any(|p| p.data.family_name == "Kovalenko"));
    // The staged rows are gone; a second confirmation writes nothing.
    assert!(app.state.store.import_staged(&id).await.unwrap().is_empty());
    let res = client
        .post(app.url(&format!("{location}/bestaetigen")))
        .form(&[("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(count(&app).await, before + 3);
    // The upload page lists the import.
    let (_, _, html) = get(&client, &app, PAGE).await;
    assert!(html.contains(&format!("href=\"{location}\"")));
}

#[tokio::test]
async fn utf8_with_bom_is_read_and_a_discarded_preview_writes_nothing() {
    let app = TestApp::spawn().await;
    let coordinator = app.user(Role::Coordinator).clone();
    let (client, csrf) = app.login(&coordinator.email.to_string()).await;
    let before = count(&app).await;
    let csv = "Vorname;Name;Mailadresse;Sprachniveau;consent_data_processing\r\n\
        Mehmet;Öztürk;m.oeztuerk@example.org;B2;2026-09-01\r\n";
    let (status, location, _) = upload(
        &app,
        &client,
        form(&csrf, &coordinator.id.to_string(), with_bom(csv), "bom.csv"),
    )
    .await;
    assert_eq!(status, 303);
    let (_, _, preview) = get(&client, &app, &location).await;
    assert!(preview.contains("Mehmet Öztürk"));
    assert!(preview.contains("Keine Fehler gefunden."));
    let res = client
        .post(app.url(&format!("{location}/verwerfen")))
        .form(&[("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, _, html) = get(&client, &app, &location).await;
    assert!(html.contains("Import verworfen"));
    assert!(html.contains("Es wurde nichts gespeichert."));
    assert!(!html.contains("Öztürk"), "the discarded rows are gone");
    // Confirming a discarded preview does nothing.
    client
        .post(app.url(&format!("{location}/bestaetigen")))
        .form(&[("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(count(&app).await, before);
    // The list of jobs on the upload page: searchable by file name, filtered by status.
    let (_, _, all) = get(&client, &app, PAGE).await;
    assert!(all.contains(">bom.csv</a>") && all.contains("data-label=\"Datei\""));
    assert!(all.contains("Seite 1 von 1"));
    let (_, _, found) = get(&client, &app, &format!("{PAGE}?q=BOM&status=discarded")).await;
    assert!(found.contains(">bom.csv</a>"));
    let (_, _, done) = get(&client, &app, &format!("{PAGE}?status=done")).await;
    assert!(!done.contains(">bom.csv</a>"));
    assert!(done.contains("Keine Einträge passen zu Ihrer Suche."));
    let (_, _, other) = get(&client, &app, &format!("{PAGE}?q=andere")).await;
    assert!(!other.contains(">bom.csv</a>"));
}

#[tokio::test]
async fn the_status_page_shows_progress_while_running_then_the_result() {
    let app = TestApp::spawn().await;
    let counsellor = app.user(Role::Counsellor).clone();
    let (client, _) = app.login(&counsellor.email.to_string()).await;
    let store = &app.state.store;
    let preview = lernweg_participants::preview_csv(LIST.as_bytes(), today()).unwrap();
    let actor = Actor::user(counsellor.id, counsellor.email.to_string());
    let job = store
        .stage_import(
            &actor,
            NewImport {
                provider: app.p1.id,
                contact_person: Some(counsellor.id),
                file_name: "a.csv",
                preview: &preview,
            },
        )
        .await
        .unwrap();
    // Confirmed but not yet run: the page shows the bar and reloads itself.
    store.confirm_import(&job.id).await.unwrap();
    let path = format!("{PAGE}/{}", job.id);
    let (status, refresh, html) = get(&client, &app, &path).await;
    assert_eq!(status, 200);
    assert_eq!(refresh.as_deref(), Some("1"));
    assert!(html.contains("<progress id=\"imports-progress\" max=\"3\" value=\"0\">"));
    assert!(html.contains("0 von 3 gespeichert"));
    assert!(!html.contains("<script"));
    store.run_import(&actor, &job.id).await.unwrap();
    let (_, refresh, html) = get(&client, &app, &path).await;
    assert!(refresh.is_none(), "no reload once done");
    assert!(!html.contains("<progress"));
    assert!(html.contains("Importierte Teilnehmende: 3"));
}

#[tokio::test]
async fn another_providers_job_is_404_and_bad_files_get_clear_messages() {
    let app = TestApp::spawn().await;
    let counsellor = app.user(Role::Counsellor).clone();
    let (client, csrf) = app.login(&counsellor.email.to_string()).await;
    let (_, location, _) = upload(
        &app,
        &client,
        form(
            &csrf,
            &counsellor.id.to_string(),
            LIST.as_bytes().to_vec(),
            "a.csv",
        ),
    )
    .await;
    assert!(location.starts_with(PAGE));

    // Another provider's coordinator sees nothing and can do nothing.
    let (other, other_csrf) = app.login(&app.other_coordinator.email.to_string()).await;
    let (status, _, _) = get(&other, &app, &location).await;
    assert_eq!(status, 404);
    for action in ["bestaetigen", "verwerfen"] {
        let res = other
            .post(app.url(&format!("{location}/{action}")))
            .form(&[("csrf", &other_csrf)])
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 404, "{action}");
    }
    let (status, _, _) = get(&other, &app, &format!("{PAGE}/kein-import")).await;
    assert_eq!(status, 404);

    // Over 10 MB: a message on the form, not a 500 or a dropped connection.
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let (status, _, html) = upload(
        &app,
        &client,
        form(&csrf, &counsellor.id.to_string(), big, "gross.csv"),
    )
    .await;
    assert_eq!(status, 413);
    assert!(
        html.contains("Die Datei ist zu groß. Höchstens 10 MB."),
        "{html}"
    );
    assert!(html.contains("aria-invalid=\"true\""));

    // An Excel workbook, and a file with NUL bytes.
    let (status, _, html) = upload(
        &app,
        &client,
        form(
            &csrf,
            &counsellor.id.to_string(),
            b"PK\x03\x04\x14\x00\x06\x00".to_vec(),
            "liste.xlsx",
        ),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Das ist eine Excel-Datei (.xlsx), keine CSV-Datei."));
    let (status, _, html) = upload(
        &app,
        &client,
        form(
            &csrf,
            &counsellor.id.to_string(),
            b"V\x00o\x00r\x00".to_vec(),
            "x.csv",
        ),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Das ist keine CSV-Textdatei."));
    // No name columns; an empty file; no contact person.
    let (status, _, html) = upload(
        &app,
        &client,
        form(
            &csrf,
            &counsellor.id.to_string(),
            b"Spalte1;Spalte2\r\nx;y\r\n".to_vec(),
            "x.csv",
        ),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Es fehlen Spalten für den Vornamen oder den Nachnamen."));
    let (status, _, html) = upload(
        &app,
        &client,
        form(&csrf, &counsellor.id.to_string(), Vec::new(), ""),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Bitte eine CSV-Datei auswählen."));
    let (status, _, html) = upload(
        &app,
        &client,
        form(&csrf, "", LIST.as_bytes().to_vec(), "a.csv"),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Bitte eine Kontaktperson auswählen."));
    // A contact person of another provider.
    let (status, _, html) = upload(
        &app,
        &client,
        form(
            &csrf,
            &app.other_coordinator.id.to_string(),
            LIST.as_bytes().to_vec(),
            "a.csv",
        ),
    )
    .await;
    assert_eq!(status, 422);
    assert!(html.contains("Die Kontaktperson muss aktive Mitarbeiterin"));
    // Without the CSRF token first, the upload is refused.
    let no_csrf = Form::new()
        .text("contact_person_id", counsellor.id.to_string())
        .part(
            "file",
            Part::bytes(LIST.as_bytes().to_vec()).file_name("a.csv"),
        )
        .text("csrf", csrf.clone());
    let (status, _, _) = upload(&app, &client, no_csrf).await;
    assert_eq!(status, 403);
    let before = count(&app).await;
    assert_eq!(before, 1, "none of the refused uploads wrote anything");
}

/// An office's list (issue 10, point 8): additions in the headers, `(0)` and parentheses in
/// phone numbers, German sub-levels and ranges, two-digit years, and letters lost to `?` by a
/// Windows-1252 export. The preview names what it read leniently, in German and English.
#[tokio::test]
async fn an_office_list_is_previewed_with_its_notes_through_the_upload_page() {
    let app = TestApp::spawn_with(common::Options {
        today: Some(today()),
        ..Default::default()
    })
    .await;
    let counsellor = app.user(Role::Counsellor).clone();
    let (client, csrf) = app.login(&counsellor.email.to_string()).await;
    let list = "Vorname;Nachname;Telefon (privat);Deutschniveau;Geburtsdatum (TT.MM.JJ);\
        Berufsabschluss (Ausland);Einwilligung Datenverarbeitung\r\n\
        Amina;Haddad;+49 (0)30 1234-567;B1.2;1.3.85;Bachelor Pflege;2.9.26\r\n\
        Jürgen;Sch?fer;(030) 1234567;A2/B1;01.03.05;Meister;02.09.2026\r\n";
    let bytes = windows_1252(list);
    let (status, location, _) = upload(
        &app,
        &client,
        form(&csrf, &counsellor.id.to_string(), bytes, "amt.csv"),
    )
    .await;
    assert_eq!(status, 303);
    let (status, _, preview) = get(&client, &app, &location).await;
    assert_eq!(status, 200);
    no_raw_keys(&preview);
    assert!(preview.contains("<dd>2</dd>"), "two rows, both valid");
    assert!(!preview.contains("unbekannt"), "every column is known");
    assert!(
        preview.contains("In Spalte B („Nachname“) steht ein „?“")
            && preview.contains("Betroffene Zeilen: 3."),
        "{preview}"
    );
    assert!(preview.contains(
        "Das Deutschniveau „B1.2“ ist eine Teilstufe. Gespeichert wird B1. Betroffene Zeilen: 2."
    ));
    assert!(preview.contains(
        "Das Deutschniveau „A2/B1“ ist ein Bereich. Gespeichert wird die niedrigere Stufe A2."
    ));
    // The sample of the rows to be written shows the levels stored.
    assert!(preview.contains("Amina Haddad"));
    let staged = app
        .state
        .store
        .import_staged(location.rsplit('/').next().unwrap())
        .await
        .unwrap();
    let phones: Vec<_> = staged
        .iter()
        .map(|r| r.data.phone.as_ref().unwrap().to_string())
        .collect();
    assert_eq!(phones, ["+49 30 1234-567", "030 1234567"]);
    let years: Vec<_> = staged.iter().map(|r| r.data.birth_year).collect();
    assert_eq!(years, [Some(1985), Some(2005)]);

    // The same preview in English.
    let res = client
        .post(app.url("/sprache"))
        .form(&[("lang", "en"), ("next", location.as_str()), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let (_, _, english) = get(&client, &app, &location).await;
    assert!(
        english.contains("The German level “A2/B1” is a range. The lower level, A2, is stored."),
        "{english}"
    );
}
