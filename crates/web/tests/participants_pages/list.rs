//! The participant list page (issue 12): 50 per page with the pager, the search over name,
//! e-mail, phone and login name, the filters, "no match"; and the contact log's own pages.

use chrono::NaiveDate;
use lernweg_domain::Role;
use lernweg_participants::{ContactChannel, ParticipantDraft};
use lernweg_store::{Actor, NewContact};

use super::common::TestApp;
use super::{assert_no_raw_keys, get};

fn person(given: &str, family: &str) -> lernweg_participants::ParticipantData {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": given, "family_name": family,
    }))
    .unwrap();
    draft.validate(2026).unwrap()
}

/// The participant links of a list page, in order.
fn names(html: &str) -> Vec<String> {
    html.split("<a href=\"/verwaltung/teilnehmende/")
        .skip(1)
        .filter_map(|s| {
            let (id, rest) = s.split_once("\">")?;
            (id.len() == 36).then(|| rest.split('<').next().unwrap_or("").to_owned())
        })
        .collect()
}

#[tokio::test]
async fn the_list_is_paged_searched_and_filtered() {
    let app = TestApp::spawn().await;
    let s = &app.state.store;
    for n in 0..55 {
        s.create_participant(
            &Actor::system(),
            app.p1.id,
            None,
            person("Lea", &format!("Zimmer{n:02}")),
        )
        .await
        .unwrap();
    }
    s.create_participant(&Actor::system(), app.p1.id, None, person("Ayşe", "Öztürk"))
        .await
        .unwrap();
    let (client, _) = app.login("counsellor@test.example").await;

    // 57 people (with the fixture's Amina Haddad): 50 on the first page, by family name.
    let (status, html) = get(&client, &app, "/verwaltung/teilnehmende").await;
    assert_eq!(status, 200);
    assert_no_raw_keys(&html);
    let first = names(&html);
    assert_eq!(first.len(), 50);
    assert_eq!(first[0], "Amina Haddad");
    assert!(html.contains("Seite 1 von 2 (57 Einträge)"), "{html}");
    assert!(html.contains("href=\"/verwaltung/teilnehmende?page=2\" rel=\"next\""));
    assert!(html.contains("<label for=\"pp-q\">"));
    let (_, html) = get(&client, &app, "/verwaltung/teilnehmende?page=2").await;
    let second = names(&html);
    assert_eq!(second.len(), 7);
    // Everyone once (where "Öztürk" sorts depends on the database's collation).
    let mut all = [first, second].concat();
    all.sort();
    all.dedup();
    assert_eq!(all.len(), 57);
    assert!(html.contains("rel=\"prev\""));

    // Search: umlauts in any case; the pager keeps the search.
    let (_, html) = get(&client, &app, "/verwaltung/teilnehmende?q=%C3%96ZT%C3%9CRK").await;
    assert_eq!(names(&html), ["Ayşe Öztürk"]);
    assert!(
        html.contains("value=\"ÖZTÜRK\""),
        "the search stays in the field"
    );
    assert!(html.contains(">Alle zeigen</a>"), "a reset link");
    let (_, html) = get(&client, &app, "/verwaltung/teilnehmende?q=zimmer5").await;
    assert_eq!(names(&html).len(), 5);
    // The fixture participant's e-mail and phone, and her login name as a participant.
    let (_, html) = get(&client, &app, "/verwaltung/teilnehmende?q=amina.haddad%40").await;
    assert_eq!(names(&html), ["Amina Haddad"]);
    let (_, html) = get(&client, &app, "/verwaltung/teilnehmende?q=01701234567").await;
    assert_eq!(names(&html), ["Amina Haddad"]);

    // Filters: cohort, status, contact person (the fixture enrolment is "interested").
    let cohort = app.cohort.id;
    let (_, html) = get(
        &client,
        &app,
        &format!("/verwaltung/teilnehmende?kohorte={cohort}&status=interested"),
    )
    .await;
    assert_eq!(names(&html), ["Amina Haddad"]);
    assert!(html.contains(&format!("<option value=\"{cohort}\" selected>")));
    let (_, html) = get(&client, &app, "/verwaltung/teilnehmende?status=active").await;
    assert!(names(&html).is_empty());
    assert!(
        html.contains("Keine Einträge passen zu Ihrer Suche."),
        "{html}"
    );
    let counsellor = app.user(Role::Counsellor).id;
    let (_, html) = get(
        &client,
        &app,
        &format!("/verwaltung/teilnehmende?kontakt={counsellor}"),
    )
    .await;
    assert_eq!(names(&html), ["Amina Haddad"]);
    // A filter value that is none is no filter; a page beyond the last is empty, not an error.
    let (status, html) = get(&client, &app, "/verwaltung/teilnehmende?kohorte=x&page=y").await;
    assert_eq!(status, 200);
    assert_eq!(names(&html).len(), 50);
    let (status, _) = get(&client, &app, "/verwaltung/teilnehmende?page=9").await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn the_participant_page_shows_the_newest_contacts_and_links_to_the_rest() {
    let app = TestApp::spawn().await;
    for n in 0..23u64 {
        app.state
            .store
            .add_contact(
                &Actor::system(),
                app.participant,
                NewContact {
                    on_date: NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(n),
                    channel: ContactChannel::Phone,
                    topic: format!("Gespräch {n:02}"),
                    note: format!("Notiz {n:02}"),
                },
            )
            .await
            .unwrap();
    }
    let (client, _) = app.login("counsellor@test.example").await;
    let path = format!("/verwaltung/teilnehmende/{}", app.participant);
    let (status, html) = get(&client, &app, &path).await;
    assert_eq!(status, 200);
    assert!(html.contains("Gespräch 22") && html.contains("Gespräch 03"));
    assert!(!html.contains("Gespräch 02"), "only the newest 20");
    assert!(html.contains(&format!(
        "href=\"{path}/kontakte\">Alle 23 Kontakte ansehen</a>"
    )));

    let (status, html) = get(&client, &app, &format!("{path}/kontakte")).await;
    assert_eq!(status, 200);
    assert_no_raw_keys(&html);
    assert!(html.contains("Gespräch 00") && html.contains("Gespräch 22"));
    assert!(html.contains("Notiz 00"), "counsellors read the notes");
    assert!(html.contains("Seite 1 von 1 (23 Einträge)"));
    // Audited like the participant page, without names.
    let views = app.state.store.audit_entries(None, 100).await.unwrap();
    assert!(views.iter().any(|e| e.detail == "contact log"));
    // Another provider's participant: 404.
    let (other, _) = app.login("koordination@zwei.example").await;
    let (status, _) = get(&other, &app, &format!("{path}/kontakte")).await;
    assert_eq!(status, 404);
}
