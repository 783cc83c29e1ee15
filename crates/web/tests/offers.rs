//! Offers for staff over real HTTP: the form without JavaScript (create, errors, more rows,
//! edit), publishing, the detail page, the success-factor overview, the readability check,
//! the API with its exact keys, and tenancy (another provider's offer is a 404).

#[path = "offers/api.rs"]
mod api;
mod common;
#[path = "offers/roles.rs"]
mod roles;

use common::TestApp;
use lernweg_domain::Role;

type Pairs = Vec<(&'static str, String)>;

/// A valid offer as the form sends it, with empty rows in between.
fn valid_form() -> Pairs {
    let p: Pairs = vec![
        ("title", "Deutsch im Beruf: Pflege am Abend".into()),
        ("goal", "language_support".into()),
        ("kldb", "81302".into()),
        ("target_group", "Pflegekräfte mit ausländischem Abschluss".into()),
        (
            "description",
            "Sie lernen Deutsch für die Pflege. Der Kurs ist am Abend. So können Sie weiter arbeiten.".into(),
        ),
        ("delivery_modes", "online_live".into()),
        ("kickoff_in_presence", "1".into()),
        ("closing_in_presence", "1".into()),
        ("time_model_kind", "evening_course".into()),
        ("evening_1_weekday", "tue".into()),
        ("evening_1_start", "18:00".into()),
        ("evening_1_end", "21:00".into()),
        ("evening_2_weekday", String::new()),
        ("evening_2_start", String::new()),
        ("evening_2_end", String::new()),
        ("module_1_title", "Fachsprache".into()),
        ("module_1_hours", "30".into()),
        ("module_1_milestone", "Zertifikat Fachsprache".into()),
        ("module_2_title", String::new()),
        ("module_2_hours", String::new()),
        ("module_3_title", "Praxis".into()),
        ("module_3_hours", "24,5".into()),
        ("module_3_self_study", "2".into()),
        ("exam_1_after_module", "2".into()),
        ("exam_1_title", "Abschlussprüfung".into()),
        ("exam_1_hours", "3".into()),
        ("support", "mentoring".into()),
        ("support", "device_loans".into()),
        ("location_name", "Bildungszentrum".into()),
        ("location_zip", "50667".into()),
        ("location_city", "Köln".into()),
        ("location_step_free", "1".into()),
        ("capacity", "16".into()),
        ("costs_eur", "0".into()),
        ("contact_name", "Aylin Demir".into()),
        ("contact_email", "a.demir@traeger.example".into()),
        ("keywords", "Pflege, Sprache".into()),
        ("module_rows", "6".into()),
        ("exam_rows", "3".into()),
        ("slot_rows", "3".into()),
        ("action", "save".into()),
    ];
    p
}

fn with(mut form: Pairs, changes: &[(&'static str, &str)]) -> Pairs {
    for (k, v) in changes {
        form.retain(|(key, _)| key != k);
        form.push((k, (*v).to_owned()));
    }
    form
}

async fn post_form(
    app: &TestApp,
    client: &reqwest::Client,
    csrf: &str,
    path: &str,
    mut form: Pairs,
) -> reqwest::Response {
    form.push(("csrf", csrf.to_owned()));
    client.post(app.url(path)).form(&form).send().await.unwrap()
}

async fn get_html(app: &TestApp, client: &reqwest::Client, path: &str) -> (u16, String) {
    let res = client.get(app.url(path)).send().await.unwrap();
    let status = res.status().as_u16();
    (status, res.text().await.unwrap())
}

async fn offer_count(app: &TestApp) -> usize {
    app.state.store.offers(None).await.unwrap().len()
}

/// Every link of the error summary points at an element of the page.
fn assert_summary_links_resolve(html: &str) {
    let alert = html.split("role=\"alert\"").nth(1).expect("error summary");
    let alert = alert.split("</div>").next().unwrap();
    let mut n = 0;
    for part in alert.split("href=\"#").skip(1) {
        let id = part.split('"').next().unwrap();
        assert!(html.contains(&format!("id=\"{id}\"")), "no element #{id}");
        n += 1;
    }
    assert!(n > 0, "the summary links to the fields");
}

fn location(res: &reqwest::Response) -> String {
    res.headers()["location"].to_str().unwrap().to_owned()
}

#[tokio::test]
async fn coordinator_creates_an_offer_with_the_form() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("coordinator@test.example").await;
    let (status, html) = get_html(&app, &client, "/verwaltung/angebote/neu").await;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"module_6_title\""), "six module rows");
    assert!(!html.contains("name=\"module_7_title\""));
    assert!(html.contains("name=\"exam_3_title\"") && html.contains("name=\"evening_3_weekday\""));
    assert!(
        !html.contains("name=\"provider\""),
        "coordinators create for their own provider"
    );

    let before = offer_count(&app).await;
    let res = post_form(&app, &client, &csrf, "/verwaltung/angebote", valid_form()).await;
    assert_eq!(res.status(), 303);
    let to = location(&res);
    assert!(to.starts_with("/verwaltung/angebote/"), "{to}");
    assert_eq!(offer_count(&app).await, before + 1);
    let id = to.rsplit('/').next().unwrap();
    let record = app
        .state
        .store
        .offer(lernweg_domain::OfferId::parse(id).unwrap())
        .await
        .unwrap();
    assert_eq!(record.provider_id, app.p1.id);
    assert!(!record.published);
    let o = &record.offer;
    assert_eq!(o.modules.len(), 2, "the empty row is left out");
    assert_eq!(o.modules[1].title, "Praxis");
    assert_eq!(o.modules[1].hours, 24.5);
    assert_eq!(o.exams[0].after_module, 2);
    assert_eq!(o.keywords, vec!["Pflege", "Sprache"]);
    assert!(o.location.as_ref().unwrap().step_free);

    let (status, html) = get_html(&app, &client, &to).await;
    assert_eq!(status, 200);
    assert!(html.contains("Deutsch im Beruf: Pflege am Abend"));
    assert!(
        html.contains("dem nächsten Montag"),
        "the trial plan's start is stated"
    );
    assert!(html.contains("Berufsbegleitend"));
    assert!(!html.contains("offers-"), "every message exists");
}

#[tokio::test]
async fn invalid_form_shows_german_errors_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("coordinator@test.example").await;
    let before = offer_count(&app).await;
    let form = with(
        valid_form(),
        &[
            ("title", ""),
            ("module_3_hours", "viele"),
            ("language_level", "C1"),
            ("location_zip", "123"),
            ("evening_1_end", "17:00"),
        ],
    );
    let res = post_form(&app, &client, &csrf, "/verwaltung/angebote", form).await;
    assert_eq!(res.status(), 422);
    let html = res.text().await.unwrap();
    for msg in [
        "Bitte geben Sie einen Titel ein.",
        "Bitte geben Sie die Stunden als Zahl ein.",
        "Das Niveau C1 liegt über B1. Bitte begründen Sie es (mindestens 20 Zeichen).",
        "Die Postleitzahl hat 5 Ziffern.",
        "Das Ende muss nach dem Beginn liegen.",
    ] {
        assert!(html.contains(msg), "missing {msg}");
    }
    assert!(html.contains("Bitte korrigieren Sie die markierten Angaben."));
    // The module with the error moved to row 2 (the empty row 2 was left out).
    assert!(html.contains("href=\"#module_2_hours\""));
    assert!(html.contains(
        "id=\"title\" name=\"title\" type=\"text\" value=\"\" required aria-describedby=\"title-error\" aria-invalid=\"true\""
    ));
    assert!(html.contains("value=\"viele\""), "the input is kept");
    assert_summary_links_resolve(&html);
    assert_eq!(offer_count(&app).await, before, "nothing saved");
}

#[tokio::test]
async fn more_rows_adds_three_rows_and_saves_nothing() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("coordinator@test.example").await;
    let before = offer_count(&app).await;
    let form = with(valid_form(), &[("action", "more_rows")]);
    let res = post_form(&app, &client, &csrf, "/verwaltung/angebote", form).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains("name=\"module_9_title\""));
    assert!(!html.contains("name=\"module_10_title\""));
    assert!(html.contains("name=\"exam_6_title\""));
    assert!(
        html.contains("name=\"evening_6_weekday\"") && html.contains("name=\"slot_6_weekday\"")
    );
    assert!(html.contains("name=\"module_rows\" value=\"9\""));
    assert!(
        html.contains("value=\"Deutsch im Beruf: Pflege am Abend\""),
        "input kept"
    );
    assert!(html.contains("Noch ist nichts gespeichert."));
    assert!(
        !html.contains("role=\"alert\""),
        "no validation on more rows"
    );
    assert_eq!(offer_count(&app).await, before);

    // Three more again, from the sent count.
    let form = with(
        valid_form(),
        &[("action", "more_rows"), ("module_rows", "9")],
    );
    let html = post_form(&app, &client, &csrf, "/verwaltung/angebote", form)
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("name=\"module_12_title\""));
    // Rows beyond six are read when saving.
    let form = with(
        valid_form(),
        &[
            ("module_rows", "9"),
            ("module_9_title", "Extra"),
            ("module_9_hours", "4"),
        ],
    );
    let res = post_form(&app, &client, &csrf, "/verwaltung/angebote", form).await;
    assert_eq!(res.status(), 303);
    let id = location(&res).rsplit('/').next().unwrap().to_owned();
    let o = app
        .state
        .store
        .offer(lernweg_domain::OfferId::parse(&id).unwrap())
        .await
        .unwrap();
    assert_eq!(o.offer.modules.len(), 3);
}

#[tokio::test]
async fn admin_creates_for_a_chosen_provider() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("admin@test.example").await;
    let (_, html) = get_html(&app, &client, "/verwaltung/angebote/neu").await;
    assert!(html.contains("name=\"provider\"") && html.contains("Träger Zwei"));
    let res = post_form(&app, &client, &csrf, "/verwaltung/angebote", valid_form()).await;
    assert_eq!(res.status(), 422, "admins must choose a provider");
    let html = res.text().await.unwrap();
    assert!(html.contains("Bitte wählen Sie den Träger"));
    let form = with(valid_form(), &[("provider", &app.p2.id.to_string())]);
    let res = post_form(&app, &client, &csrf, "/verwaltung/angebote", form).await;
    assert_eq!(res.status(), 303);
    let offers = app.state.store.offers(Some(app.p2.id)).await.unwrap();
    assert_eq!(offers.len(), 1);
    // The admin's list shows every provider's offers.
    let (_, html) = get_html(&app, &client, "/verwaltung/angebote").await;
    assert!(html.contains("Deutsch im Beruf") && html.contains("Fachsprache Pflege"));
}

#[tokio::test]
async fn edit_form_is_prefilled_saves_and_shows_readability() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("coordinator@test.example").await;
    let path = format!("/verwaltung/angebote/{}/bearbeiten", app.offer.id);
    let (status, html) = get_html(&app, &client, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("value=\"Fachsprache Pflege berufsbegleitend\""));
    assert!(html.contains("value=\"Pflegepraxis\""));
    assert!(
        html.contains("Lesbarkeit (Flesch-Amstad"),
        "readability above the description"
    );
    let readability_at = html.find("Lesbarkeit (Flesch-Amstad").unwrap();
    let description_at = html.find("id=\"description\"").unwrap();
    assert!(readability_at < description_at);

    // Re-post the prefilled draft with a new title and a hard description.
    let mut form: Pairs = vec![
        ("title", "Fachsprache Pflege am Abend".into()),
        ("goal", "adaptation_qualification".into()),
        ("kldb", "81302".into()),
        ("target_group", "Pflegefachkräfte".into()),
        (
            "description",
            "Die berufsbegleitende Anpassungsqualifizierung ermöglicht Pflegefachkräften mit im Ausland erworbenen Berufsabschlüssen die Vorbereitung auf die Kenntnisprüfung unter Berücksichtigung ihrer individuellen Arbeitszeitmodelle und familiären Verpflichtungen.".into(),
        ),
        ("delivery_modes", "online_live".into()),
        ("time_model_kind", "evening_course".into()),
        ("module_1_title", "Fachsprache".into()),
        ("module_1_hours", "30".into()),
        ("capacity", "12".into()),
        ("contact_name", "Aylin Demir".into()),
        ("contact_email", "a.demir@traeger.example".into()),
    ];
    form.push(("action", "save".into()));
    let res = post_form(
        &app,
        &client,
        &csrf,
        &format!("/verwaltung/angebote/{}", app.offer.id),
        form,
    )
    .await;
    assert_eq!(res.status(), 303);
    let to = location(&res);
    assert_eq!(to, format!("{path}?gespeichert=1"));
    let stored = app.state.store.offer(app.offer.id).await.unwrap();
    assert_eq!(stored.offer.title, "Fachsprache Pflege am Abend");
    assert_eq!(stored.offer.modules.len(), 1);
    let (_, html) = get_html(&app, &client, &to).await;
    assert!(html.contains("Das Angebot ist gespeichert."));
    assert!(html.contains("Noch nicht leicht genug zu lesen."));
    // One long sentence: the singular form.
    assert!(html.contains("Ein Satz hat mehr als 15 Wörter"));

    // An invalid edit changes nothing.
    let res = post_form(
        &app,
        &client,
        &csrf,
        &format!("/verwaltung/angebote/{}", app.offer.id),
        vec![("title", "X".into())],
    )
    .await;
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("Der Titel braucht mindestens 3 Zeichen.")
    );
    let again = app.state.store.offer(app.offer.id).await.unwrap();
    assert_eq!(again.offer.title, "Fachsprache Pflege am Abend");
}

#[tokio::test]
async fn publishing_toggles_the_catalogue_flag() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("coordinator@test.example").await;
    let path = format!("/verwaltung/angebote/{}/veroeffentlichen", app.offer.id);
    let res = post_form(&app, &client, &csrf, &path, vec![("published", "0".into())]).await;
    assert_eq!(res.status(), 303);
    assert_eq!(
        location(&res),
        format!("/verwaltung/angebote/{}", app.offer.id)
    );
    assert!(!app.state.store.offer(app.offer.id).await.unwrap().published);
    let (_, html) = get_html(&app, &client, &location(&res)).await;
    assert!(html.contains("Nicht im öffentlichen Katalog."));
    assert!(html.contains("name=\"published\" value=\"1\""));
    let res = post_form(&app, &client, &csrf, &path, vec![("published", "1".into())]).await;
    assert_eq!(res.status(), 303);
    assert!(app.state.store.offer(app.offer.id).await.unwrap().published);
    let res = post_form(
        &app,
        &client,
        &csrf,
        &path,
        vec![("published", "ja".into())],
    )
    .await;
    assert_eq!(res.status(), 400);
}

#[tokio::test]
async fn detail_shows_classification_factors_readability_and_cohorts() {
    let app = TestApp::spawn().await;
    let (client, _) = app.login("trainer@test.example").await;
    let (status, html) = get_html(
        &app,
        &client,
        &format!("/verwaltung/angebote/{}", app.offer.id),
    )
    .await;
    assert_eq!(status, 200);
    assert!(html.contains("Berufsbegleitend, asynchron"), "class");
    assert!(html.contains("Zeitmodell: Abendkurs."), "a German reason");
    assert!(html.contains("ab 02.03.2027, dem Beginn des ersten Durchgangs"));
    assert!(html.contains("Gelingensfaktoren"));
    assert!(html.contains("Auftakt und Abschluss in Präsenz"));
    assert!(
        html.contains("<span aria-hidden=\"true\">✓</span> erfüllt"),
        "symbol and text"
    );
    assert!(html.contains("§ 2.1"));
    assert!(html.contains("Lesbarkeit (Flesch-Amstad"));
    assert!(html.contains("Text mit markierten langen Sätzen"));
    assert!(html.contains(&format!(
        "href=\"/verwaltung/durchgaenge/{}\"",
        app.cohort.id
    )));
    assert!(html.contains("Frühjahr 2027"));
    assert!(html.contains("Di 18:00–21:00") || html.contains("Dienstag 18:00–21:00 Uhr"));
    assert!(
        !html.contains("/bearbeiten"),
        "trainers do not get the edit link"
    );
    assert!(!html.contains("offers-"), "every message exists");
}

#[tokio::test]
async fn readability_check_marks_long_sentences_and_words() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("counsellor@test.example").await;
    let (status, html) = get_html(&app, &client, "/verwaltung/lesbarkeit").await;
    assert_eq!(status, 200);
    assert!(html.contains("name=\"text\""));
    let text = "Kurz und klar. Die Anerkennungsberatung der zuständigen Stelle informiert Sie über alle notwendigen Unterlagen, Fristen, Kosten und die nächsten Schritte im Verfahren.";
    let res = post_form(
        &app,
        &client,
        &csrf,
        "/verwaltung/lesbarkeit",
        vec![("text", text.into())],
    )
    .await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(html.contains(
        "<mark><span class=\"visually-hidden\">Langer Satz: </span>Die Anerkennungsberatung"
    ));
    assert!(!html.contains("<mark><span class=\"visually-hidden\">Langer Satz: </span>Kurz"));
    assert!(html.contains("<strong>Anerkennungsberatung</strong>"));
    assert!(
        html.contains("Anerkennungs·beratung"),
        "a Mediopunkt suggestion"
    );
    assert!(html.contains("Wiener Sachtextformel"));
    assert!(!html.contains("offers-"));
}

#[tokio::test]
async fn provider_overview_counts_factors_of_own_offers() {
    let app = TestApp::spawn().await;
    let (client, _) = app.login("trainer@test.example").await;
    let (status, html) = get_html(&app, &client, "/verwaltung/erfolgsfaktoren").await;
    assert_eq!(status, 200);
    assert!(html.contains("Ausgewertete Angebote: 1"));
    assert!(html.contains("Feste Ansprechperson für alle Teilnehmenden"));
    assert!(html.contains("scope=\"row\""));
    assert!(
        !html.contains("name=\"traeger\""),
        "no provider filter for staff"
    );

    let other = common::add_user(
        &app.state.store,
        "lehrkraft@zwei.example",
        Role::Trainer,
        Some(app.p2.id),
    )
    .await;
    let (client2, _) = app.login(other.email.as_str()).await;
    let (_, html) = get_html(&app, &client2, "/verwaltung/erfolgsfaktoren").await;
    assert!(html.contains("Ausgewertete Angebote: 0"));

    let (admin, _) = app.login("admin@test.example").await;
    let (_, html) = get_html(
        &app,
        &admin,
        &format!("/verwaltung/erfolgsfaktoren?traeger={}", app.p2.id),
    )
    .await;
    assert!(html.contains("name=\"traeger\"") && html.contains("Ausgewertete Angebote: 0"));
}

#[tokio::test]
async fn pages_speak_english_too() {
    let app = TestApp::spawn().await;
    let (client, csrf) = app.login("coordinator@test.example").await;
    let res = client
        .post(app.url("/sprache"))
        .form(&[("lang", "en"), ("next", "/"), ("csrf", &csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    for path in [
        format!("/verwaltung/angebote/{}", app.offer.id),
        format!("/verwaltung/angebote/{}/bearbeiten", app.offer.id),
        "/verwaltung/angebote".to_owned(),
        "/verwaltung/erfolgsfaktoren".to_owned(),
    ] {
        let (status, html) = get_html(&app, &client, &path).await;
        assert_eq!(status, 200, "{path}");
        assert!(html.contains("lang=\"en\""));
        assert!(!html.contains("offers-"), "{path} lacks a message");
    }
    let res = post_form(
        &app,
        &client,
        &csrf,
        "/verwaltung/angebote",
        vec![("title", "X".into())],
    )
    .await;
    let html = res.text().await.unwrap();
    assert!(html.contains("Edit") || html.contains("New offer"));
    assert!(!html.contains("offers-"));
}
