//! The public catalogue: list with filters, offer pages with JSON-LD, Atom feed, public API.
//! Nothing of unpublished offers or draft cohorts is visible, and no staff data but the
//! offer's contact.

mod common;

use std::collections::BTreeSet;

use chrono::NaiveDate;
use common::{TestApp, jsonld};
use lernweg_domain::{CohortStatus, ProviderId, State};
use lernweg_offers::{Offer, OfferDraft};
use lernweg_store::{Actor, Cohort, NewCohort, NewSession, OfferRecord, Store};

/// An offer from the fixture's JSON with some fields replaced.
fn offer(overrides: serde_json::Value) -> Offer {
    let mut v = serde_json::json!({
        "title": "Angebot",
        "goal": "partial_qualification",
        "kldb": "81302",
        "target_group": "Fachkräfte mit ausländischem Abschluss",
        "description": "Sie lernen im Beruf. Der Kurs ist am Abend.",
        "delivery_modes": ["online_live"],
        "time_model": {"kind": "evening_course", "evenings": [{"weekday": "wed", "start": "18:00", "end": "21:00"}]},
        "modules": [{"title": "Grundlagen", "hours": 30}],
        "exams": [{"after_module": 1, "title": "Prüfung", "hours": 2}],
        "location": {"name": "Zentrum", "street": "Weg 1", "zip": "01067", "city": "Dresden", "step_free": false},
        "costs_eur": 0, "capacity": 12,
        "contact_name": "Kim Berg", "contact_email": "k.berg@traeger.example"
    });
    for (k, val) in overrides.as_object().unwrap() {
        v[k] = val.clone();
    }
    let draft: OfferDraft = serde_json::from_value(v).unwrap();
    draft.validate().unwrap()
}

async fn add_offer(store: &Store, provider: ProviderId, o: Offer, publish: bool) -> OfferRecord {
    let actor = Actor::system();
    let r = store.create_offer(&actor, provider, o).await.unwrap();
    if publish {
        store.set_offer_published(&actor, r.id, true).await.unwrap()
    } else {
        r
    }
}

async fn add_cohort(
    store: &Store,
    offer: &OfferRecord,
    state: State,
    start: NaiveDate,
    status: Option<CohortStatus>,
) -> Cohort {
    let actor = Actor::system();
    let plan =
        lernweg_planner::plan(&offer.offer.to_spec(start, state), &Default::default()).unwrap();
    let sessions: Vec<NewSession> = plan.sessions.iter().map(NewSession::from_planned).collect();
    let c = store
        .create_cohort(
            &actor,
            NewCohort {
                planning: Default::default(),
                offer_id: offer.id,
                name: format!("Durchgang {start}"),
                state,
                start_date: start,
                room: "Geheimraum 7".into(),
                online_link: "https://meet.example/geheim".into(),
                trainers: vec![],
            },
            &sessions,
        )
        .await
        .unwrap();
    if let Some(s) = status {
        publish_to(store, &c, s).await
    } else {
        c
    }
}

async fn publish_to(store: &Store, c: &Cohort, to: CohortStatus) -> Cohort {
    let actor = Actor::system();
    let mut c = store
        .set_cohort_status(&actor, c.id, CohortStatus::Published)
        .await
        .unwrap();
    if to == CohortStatus::Running {
        c = store
            .set_cohort_status(&actor, c.id, CohortStatus::Running)
            .await
            .unwrap();
    }
    c
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The fixture (A: care, evening course, blended, cohort in NW from March 2027, published
/// here) plus B (production, block seminar, presence, provider 2 in SN, no cohort), C (IT,
/// online, running cohort in BY from September 2027, and a draft cohort in January 2028) and
/// D (unpublished, with a published cohort).
struct World {
    app: TestApp,
    a: OfferRecord,
    b: OfferRecord,
    c: OfferRecord,
    d: OfferRecord,
}

async fn world() -> World {
    let app = TestApp::spawn().await;
    let store = app.state.store.clone();
    publish_to(&store, &app.cohort, CohortStatus::Published).await;
    let b = add_offer(
        &store,
        app.p2.id,
        offer(serde_json::json!({
            "title": "Zerspanung in Teilqualifizierung",
            "kldb": "24202",
            "delivery_modes": ["presence"],
            "time_model": {"kind": "block_seminar",
                "evening": {"weekday": "thu", "start": "17:30", "end": "20:30"},
                "weekend": {"start": "09:00", "end": "16:00"}}
        })),
        true,
    )
    .await;
    let c = add_offer(
        &store,
        app.p1.id,
        offer(serde_json::json!({"title": "IT-Grundlagen online", "kldb": "43101"})),
        true,
    )
    .await;
    add_cohort(
        &store,
        &c,
        State::BY,
        date(2027, 9, 6),
        Some(CohortStatus::Running),
    )
    .await;
    add_cohort(&store, &c, State::HH, date(2028, 1, 10), None).await;
    let d = add_offer(
        &store,
        app.p1.id,
        offer(serde_json::json!({"title": "Geheimes Entwurfsangebot", "kldb": "81302"})),
        false,
    )
    .await;
    add_cohort(
        &store,
        &d,
        State::NW,
        date(2027, 3, 1),
        Some(CohortStatus::Published),
    )
    .await;
    let a = app.offer.clone();
    World { app, a, b, c, d }
}

async fn get(app: &TestApp, path: &str) -> reqwest::Response {
    TestApp::client().get(app.url(path)).send().await.unwrap()
}

async fn api_slugs(app: &TestApp, query: &str) -> BTreeSet<String> {
    let res = get(app, &format!("/api/v1/public/offers{query}")).await;
    assert_eq!(res.status(), 200);
    let list: Vec<serde_json::Value> = res.json().await.unwrap();
    list.iter()
        .map(|o| o["slug"].as_str().unwrap().to_owned())
        .collect()
}

/// The slugs linked as offers on the list page.
async fn page_slugs(app: &TestApp, query: &str) -> BTreeSet<String> {
    let res = get(app, &format!("/angebote{query}")).await;
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    html.match_indices("<h3><a href=\"/angebote/")
        .map(|(i, m)| {
            let rest = &html[i + m.len()..];
            rest[..rest.find('"').unwrap()].to_owned()
        })
        .collect()
}

#[tokio::test]
async fn each_filter_narrows_the_list() {
    let w = world().await;
    let s = |r: &[&OfferRecord]| -> BTreeSet<String> {
        r.iter().map(|o| o.offer.slug.clone()).collect()
    };
    let (a, b, c) = (&w.a, &w.b, &w.c);
    let cases: Vec<(&str, BTreeSet<String>)> = vec![
        ("", s(&[a, b, c])),
        // Cohort states; B has no cohort and takes its provider's state.
        ("?state=NW", s(&[a])),
        ("?state=SN", s(&[b])),
        ("?state=BY", s(&[c])),
        // The draft cohort in Hamburg does not count.
        ("?state=HH", s(&[])),
        ("?field=8", s(&[a])),
        ("?field=2", s(&[b])),
        ("?field=4", s(&[c])),
        ("?field=7", s(&[])),
        ("?time_model=block_seminar", s(&[b])),
        ("?time_model=evening_course", s(&[a, c])),
        ("?mode=online", s(&[c])),
        ("?mode=onsite", s(&[b])),
        ("?mode=blended", s(&[a])),
        ("?month=2027-03", s(&[a])),
        ("?month=2027-09", s(&[c])),
        ("?month=2028-01", s(&[])),
        (
            "?state=NW&field=8&mode=blended&month=2027-03&time_model=evening_course",
            s(&[a]),
        ),
        ("?state=NW&field=2", s(&[])),
        // The search text: title, provider, KldB code; any case; with the filters.
        ("?q=zerspanung", s(&[b])),
        ("?q=IT-GRUNDLAGEN", s(&[c])),
        ("?q=43101", s(&[c])),
        ("?q=zerspanung&state=NW", s(&[])),
        ("?q=geheimes", s(&[])),
    ];
    for (query, expected) in cases {
        assert_eq!(page_slugs(&w.app, query).await, expected, "page {query}");
        assert_eq!(api_slugs(&w.app, query).await, expected, "api {query}");
    }
    // Unknown values switch the page's filter off; the API refuses them by name.
    let unknown = "?state=XX&field=&mode=zeppelin";
    assert_eq!(page_slugs(&w.app, unknown).await, s(&[a, b, c]));
    let res = get(&w.app, &format!("/api/v1/public/offers{unknown}")).await;
    assert_eq!(res.status(), 422);
    let problem: serde_json::Value = res.json().await.unwrap();
    let fields: Vec<_> = problem["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["field"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(fields, ["state", "mode"]);
    // The filter form keeps the choice and offers only months with visible cohorts.
    let html = get(&w.app, "/angebote?state=SN")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("<option value=\"SN\" selected>Sachsen</option>"));
    assert!(html.contains("value=\"2027-09\""));
    assert!(!html.contains("value=\"2028-01\""));
    assert!(html.contains("Gesundheit, Soziales, Lehre und Erziehung"));
    assert!(html.contains("Gefundene Angebote: 1"));
    // The search form keeps the text; an overlong one is cut on the page, refused by the API.
    let html = get(&w.app, "/angebote?q=Zerspanung")
        .await
        .text()
        .await
        .unwrap();
    assert!(html.contains("name=\"q\" type=\"search\" value=\"Zerspanung\""));
    let long = "x".repeat(101);
    assert_eq!(
        get(&w.app, &format!("/angebote?q={long}")).await.status(),
        200
    );
    let res = get(&w.app, &format!("/api/v1/public/offers?q={long}")).await;
    assert_eq!(res.status(), 422);
    // Three offers fit on one page: no pager; a page past the end shows none of them.
    assert!(!page_text(&w.app, "").await.contains("class=\"pager\""));
    assert!(page_slugs(&w.app, "?page=2").await.is_empty());
}

async fn page_text(app: &TestApp, query: &str) -> String {
    get(app, &format!("/angebote{query}"))
        .await
        .text()
        .await
        .unwrap()
}

#[tokio::test]
async fn unpublished_offers_and_draft_cohorts_stay_hidden() {
    let w = world().await;
    let d = &w.d.offer.slug;
    let res = get(&w.app, &format!("/angebote/{d}")).await;
    assert_eq!(res.status(), 404);
    assert!(res.text().await.unwrap().contains("<h1>"));
    assert_eq!(get(&w.app, "/angebote/gibt-es-nicht").await.status(), 404);
    for path in ["/angebote", "/angebote/feed.atom", "/api/v1/public/offers"] {
        let body = get(&w.app, path).await.text().await.unwrap();
        assert!(
            !body.contains(d.as_str()),
            "{path} shows the unpublished slug"
        );
        assert!(!body.contains("Geheimes Entwurfsangebot"), "{path}");
        assert!(
            !body.contains("Geheimraum") && !body.contains("meet.example"),
            "{path}"
        );
        assert!(!body.contains("Test trainer"), "{path} names a trainer");
        assert!(
            !body.contains("2028-01-10") && !body.contains("10.01.2028"),
            "{path} shows a draft cohort"
        );
    }
    let c = get(&w.app, &format!("/angebote/{}", w.c.offer.slug))
        .await
        .text()
        .await
        .unwrap();
    assert!(c.contains("06.09.2027"), "the running cohort is listed");
    assert!(!c.contains("10.01.2028") && !c.contains("Geheimraum") && !c.contains("meet.example"));
    // Unpublishing hides an offer at once.
    w.app
        .state
        .store
        .set_offer_published(&Actor::system(), w.b.id, false)
        .await
        .unwrap();
    assert_eq!(
        get(&w.app, &format!("/angebote/{}", w.b.offer.slug))
            .await
            .status(),
        404
    );
    assert!(!api_slugs(&w.app, "").await.contains(&w.b.offer.slug));
}

#[tokio::test]
async fn offer_page_explains_the_offer_and_carries_course_jsonld() {
    let w = world().await;
    let res = get(&w.app, &format!("/angebote/{}", w.a.offer.slug)).await;
    assert_eq!(res.status(), 200);
    let csp = res.headers()["content-security-policy"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(csp.contains("script-src 'self'") && !csp.contains("unsafe-inline"));
    let html = res.text().await.unwrap();
    for text in [
        "<h1>Fachsprache Pflege berufsbegleitend</h1>",
        "Pflegefachkräfte mit teilweiser Anerkennung",
        "Was lernen Sie?",
        "Modulzertifikat Fachsprache",
        "Wann ist der Kurs?",
        "jeden Dienstag von 18:00 bis 21:00 Uhr",
        "02.03.2027",
        "Nordrhein-Westfalen",
        "Stunden",
        "So rechnen wir: Unterricht und Lernen zu Hause zählen zusammen.",
        "Mentoring",
        "Leihgeräte",
        "Das Angebot ist für Sie kostenlos.",
        "IQ-gefördert, kostenfrei",
        "Bildungszentrum Köln",
        "Der Ort ist barrierefrei",
        "Einige Termine sind online, andere vor Ort.",
        "Aylin Demir",
        "mailto:a.demir@traeger.example",
        "tel:0221123456",
        "So melden Sie sich an",
        "Schreiben Sie Aylin Demir eine E-Mail",
        "Können Sie das neben der Arbeit machen?",
        "<p><strong>Ja. Sie lernen",
        "Wir rechnen mit dem Plan des ersten Durchgangs.",
        "<dt>Beruf</dt><dd>Medizinische Gesundheitsberufe</dd>",
    ] {
        assert!(html.contains(text), "offer page lacks {text:?}");
    }
    // No codes: the occupation by name, not its KldB number; the time model in words.
    for code in ["KldB", "81302", "evening_course", "Abendkurs"] {
        assert!(!html.contains(code), "offer page shows {code:?}");
    }
    // The summary comes first, with the contact and how to apply.
    let summary = html.find("Auf einen Blick").unwrap();
    let what = html.find("Was lernen Sie?").unwrap();
    for term in [
        "Beginn",
        "Wann",
        "Zeit pro Woche",
        "Kosten",
        "Ort",
        "Kontakt",
        "Anmelden",
    ] {
        let at = html.find(&format!("<dt>{term}</dt>")).unwrap();
        assert!(summary < at && at < what, "{term} is not in the summary");
    }
    assert!(
        html.contains("<dt>Wann</dt><dd>Der Kurs ist jeden Dienstag von 18:00 bis 21:00 Uhr.</dd>")
    );
    // Only data blocks, no executable inline script (CSP script-src 'self').
    for (i, _) in html.match_indices("<script") {
        assert!(html[i..].starts_with("<script type=\"application/ld+json\">"));
    }
    let ld = jsonld(&html);
    assert_eq!(ld["@context"], "https://schema.org");
    assert_eq!(ld["@type"], "Course");
    assert_eq!(ld["name"], "Fachsprache Pflege berufsbegleitend");
    assert_eq!(ld["provider"]["name"], "Träger Eins");
    assert!(
        ld["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/angebote/{}", w.a.offer.slug))
    );
    let instances = match &ld["hasCourseInstance"] {
        serde_json::Value::Array(a) => a.clone(),
        other => vec![other.clone()],
    };
    assert_eq!(instances.len(), 1, "one published cohort");
    let i = &instances[0];
    assert_eq!(i["@type"], "CourseInstance");
    assert_eq!(i["courseMode"], "blended");
    assert_eq!(i["startDate"], "2027-03-02");
    assert!(i["courseWorkload"].as_str().unwrap().starts_with("PT"));
    let schedule = if i["courseSchedule"].is_array() {
        i["courseSchedule"][0].clone()
    } else {
        i["courseSchedule"].clone()
    };
    assert_eq!(schedule["@type"], "Schedule");
    assert_eq!(schedule["repeatFrequency"], "P1W");

    // Without a visible cohort: no instances, the classification from the time model.
    let html = get(&w.app, &format!("/angebote/{}", w.b.offer.slug))
        .await
        .text()
        .await
        .unwrap();
    let ld = jsonld(&html);
    assert_eq!(ld["@type"], "Course");
    assert!(ld.get("hasCourseInstance").is_none());
    assert!(html.contains("Es gibt noch keinen Plan mit Terminen."));
    assert!(html.contains("einmal im Monat am Freitag und Samstag"));

    // English on request.
    let html = TestApp::client()
        .get(w.app.url(&format!("/angebote/{}", w.a.offer.slug)))
        .header("cookie", "lw_lang=en")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(html.contains("How to apply") && html.contains("every Tuesday from 18:00 to 21:00"));
}

#[tokio::test]
async fn atom_feed_lists_published_offers() {
    let w = world().await;
    let res = get(&w.app, "/angebote/feed.atom").await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        res.headers()["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    let xml = res.text().await.unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("the feed is well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "feed");
    assert_eq!(
        root.tag_name().namespace(),
        Some("http://www.w3.org/2005/Atom")
    );
    let child = |n: roxmltree::Node, name: &str| {
        n.children()
            .find(|c| c.is_element() && c.tag_name().name() == name)
            .and_then(|c| c.text())
            .unwrap_or("")
            .to_owned()
    };
    assert!(!child(root, "id").is_empty());
    assert!(chrono::DateTime::parse_from_rfc3339(&child(root, "updated")).is_ok());
    let entries: Vec<_> = root
        .children()
        .filter(|c| c.is_element() && c.tag_name().name() == "entry")
        .collect();
    let titles: BTreeSet<String> = entries.iter().map(|e| child(*e, "title")).collect();
    let expected: BTreeSet<String> = [&w.a, &w.b, &w.c]
        .iter()
        .map(|o| o.offer.title.clone())
        .collect();
    assert_eq!(titles, expected);
    for e in &entries {
        assert!(child(*e, "id").starts_with("urn:uuid:"));
        let link = e
            .children()
            .find(|c| c.tag_name().name() == "link")
            .unwrap()
            .attribute("href")
            .unwrap();
        assert!(link.contains("/angebote/"));
    }
    let a = entries
        .iter()
        .find(|e| child(**e, "title") == w.a.offer.title)
        .unwrap();
    assert!(child(*a, "summary").contains("02.03.2027"));
}

#[tokio::test]
async fn public_api_lists_offers_without_login_and_is_documented() {
    let w = world().await;
    let res = get(&w.app, "/api/v1/public/offers").await;
    assert_eq!(res.status(), 200);
    let list: Vec<serde_json::Value> = res.json().await.unwrap();
    assert_eq!(list.len(), 3);
    let a = list
        .iter()
        .find(|o| o["slug"] == w.a.offer.slug.as_str())
        .unwrap();
    assert_eq!(a["id"], w.a.id.to_string());
    assert_eq!(a["title"], "Fachsprache Pflege berufsbegleitend");
    assert_eq!(a["goal"], "adaptation_qualification");
    assert_eq!(a["kldb"], "81302");
    assert_eq!(a["time_model"], "evening_course");
    assert_eq!(
        a["delivery_modes"],
        serde_json::json!(["online_live", "presence"])
    );
    assert_eq!(a["states"], serde_json::json!(["NW"]));
    assert_eq!(a["next_starts"][0]["start"], "2027-03-02");
    assert_eq!(a["next_starts"][0]["state"], "NW");
    assert!(
        a["url"]
            .as_str()
            .unwrap()
            .ends_with(&format!("/angebote/{}", w.a.offer.slug))
    );
    let b = list
        .iter()
        .find(|o| o["slug"] == w.b.offer.slug.as_str())
        .unwrap();
    assert_eq!(b["states"], serde_json::json!(["SN"]));
    assert_eq!(b["next_starts"], serde_json::json!([]));
    // Nothing personal beyond the offer's contact: no e-mail addresses of staff, no rooms.
    let raw = serde_json::to_string(&list).unwrap();
    assert!(!raw.contains("@test.example") && !raw.contains("Geheimraum"));

    let doc: serde_json::Value = get(&w.app, "/api/v1/openapi.json")
        .await
        .json()
        .await
        .unwrap();
    let op = &doc["paths"]["/api/v1/public/offers"]["get"];
    assert!(op.is_object(), "documented");
    assert_eq!(op["security"], serde_json::json!([{}]), "no login");
    assert!(doc["components"]["schemas"]["PublicOfferDto"].is_object());
}
