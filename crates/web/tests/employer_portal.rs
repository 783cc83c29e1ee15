//! The employers' side through the real server (issue 13, points 2 and 5): staff print a code
//! for a contact person, the contact redeems it into an employer account and lands on
//! `/betrieb`, which shows the linked employees' dates and nothing of their case; the
//! employer's calendar feed names who is away, keeps drafts tentative, is the API's
//! `feed_url` and can be revoked; withdrawing the consent removes the person from both.

mod common;
#[path = "portal/support.rs"]
mod support;

use std::io::BufReader;

use common::{TestApp, api_call};
use lernweg_domain::Role;
use serde_json::{Value, json};
use support::{code_from, get_text, login_name_from, relaxed};

/// The events of a feed, parsed by the `ical` crate: (SUMMARY, STATUS, DESCRIPTION).
fn events(ics: &str) -> Vec<(String, String, String)> {
    let calendar = ical::IcalParser::new(BufReader::new(ics.as_bytes()))
        .next()
        .expect("a calendar")
        .expect("parses");
    let prop = |e: &ical::parser::ical::component::IcalEvent, name: &str| {
        e.properties
            .iter()
            .find(|p| p.name == name)
            .and_then(|p| p.value.clone())
            .unwrap_or_default()
    };
    calendar
        .events
        .iter()
        .map(|e| {
            (
                prop(e, "SUMMARY"),
                prop(e, "STATUS"),
                prop(e, "DESCRIPTION"),
            )
        })
        .collect()
}

fn feed_link(page: &str) -> String {
    let start = page.find("http://").expect("a feed link on the page");
    let end = page[start..].find('"').unwrap() + start;
    page[start..end].to_owned()
}

#[tokio::test]
async fn a_contact_signs_in_by_code_and_sees_only_the_dates() {
    let app = TestApp::spawn_with(relaxed()).await;
    common::link_to_employer(&app).await;
    let contact = &app.employer.contacts[1];
    let (staff, csrf) = app.login("counsellor@test.example").await;
    let detail = get_text(
        &staff,
        &app.url(&format!("/verwaltung/betriebe/{}", app.employer.id)),
    )
    .await;
    assert!(detail.contains(&contact.name), "{detail}");
    assert!(detail.contains("Amina Haddad"), "the linked employee");
    let res = staff
        .post(app.url(&format!(
            "/verwaltung/betriebe/{}/kontakte/{}/code",
            app.employer.id, contact.id
        )))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let sheet = res.text().await.unwrap();
    let code = code_from(&sheet);
    let login = login_name_from(&sheet);
    assert!(sheet.contains("Klinik am Rhein gGmbH"));

    // Redemption: the password is set and the contact lands on /betrieb.
    let client = TestApp::client();
    let c = app.csrf_from(&client, "/code").await;
    let res = client
        .post(app.url("/code"))
        .form(&[("csrf", c.as_str()), ("code", code.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let greeting = res.text().await.unwrap();
    assert!(
        greeting.contains(&contact.name),
        "greets the contact person"
    );
    let res = client
        .post(app.url("/einladung"))
        .form(&[
            ("csrf", c.as_str()),
            ("kind", "code"),
            ("secret", code.as_str()),
            ("password", "muraths-passwort"),
            ("password_repeat", "muraths-passwort"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(res.headers()["location"], "/betrieb");
    let account = app.state.store.contact_account(contact.id).await.unwrap();
    let account = account.expect("an account for the contact");
    assert_eq!(account.role, Role::Employer);
    assert_eq!(account.login_id().to_string(), login);

    let page = get_text(&client, &app.url("/betrieb")).await;
    assert!(page.contains("Guten Tag, Murat Yıldız!"), "{page}");
    assert!(page.contains("Amina Haddad"));
    assert!(page.contains("<time datetime=\"2027-03-02\">"), "{page}");
    assert!(page.contains("18:00–21:00"));
    assert!(page.contains("Entwurf: Der Termin kann sich noch ändern."));
    // No case data: neither contact details nor the record's employment or recognition.
    for secret in ["amina.haddad@example.org", "0170 1234567", "Klinikum Nord"] {
        assert!(!page.contains(secret), "{secret} on /betrieb");
    }
    // And no staff page.
    let res = client
        .get(app.url(&format!("/verwaltung/teilnehmende/{}", app.participant)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 403);
    // The reads of the employee's dates are in the audit log.
    let entries = app.db.store.audit_entries(None, 500).await.unwrap();
    let person = app.participant.to_string();
    assert!(
        entries.iter().any(|e| e.action == "view"
            && e.entity_id.as_deref() == Some(person.as_str())
            && e.detail == "employer: dates"),
        "no audited read"
    );
}

#[tokio::test]
async fn the_employer_feed_names_who_is_away_and_ends_with_the_consent() {
    let app = TestApp::spawn_with(relaxed()).await;
    let consent = common::link_to_employer(&app).await;
    let (client, csrf) = app.login("employer@test.example").await;
    let page = get_text(&client, &app.url("/betrieb")).await;
    let link = feed_link(&page);
    assert!(link.ends_with(".ics"), "{link}");

    // The API gives the same link.
    let (_, employer) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/employers/{}", app.employer.id),
        None,
    )
    .await;
    assert_eq!(employer["feed_url"], Value::String(link.clone()));

    let res = reqwest::get(&link).await.unwrap();
    assert_eq!(res.status(), 200);
    let ics = res.text().await.unwrap();
    let evs = events(&ics);
    assert!(!evs.is_empty());
    for (summary, status, description) in &evs {
        assert!(summary.ends_with("– Amina Haddad"), "{summary}");
        // The cohort is a draft: never confirmed.
        assert_eq!(status, "TENTATIVE");
        assert!(
            description.contains("Abwesend: Amina Haddad"),
            "{description}"
        );
    }

    // Withdrawing the consent removes the person from the page and the feed at once.
    let (status, _) = api_call(
        &app,
        Role::Counsellor,
        "POST",
        &format!(
            "/api/v1/participants/{}/consents/{consent}/withdraw",
            app.participant
        ),
        Some(json!({})),
    )
    .await;
    assert_eq!(status, 200);
    let page = get_text(&client, &app.url("/betrieb")).await;
    assert!(!page.contains("Amina Haddad"));
    assert!(page.contains("Zurzeit sehen Sie hier niemanden."));
    let ics = reqwest::get(&link).await.unwrap().text().await.unwrap();
    assert!(events(&ics).is_empty(), "{ics}");

    // Revoked, the link stops working and the API says so; a new one works.
    let res = client
        .post(app.url("/betrieb/kalender/widerrufen"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    assert_eq!(reqwest::get(&link).await.unwrap().status(), 404);
    let (_, employer) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/employers/{}", app.employer.id),
        None,
    )
    .await;
    assert_eq!(employer["feed_url"], Value::Null);
    let res = client
        .post(app.url("/betrieb/kalender"))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
    let page = get_text(&client, &app.url("/betrieb")).await;
    let renewed = feed_link(&page);
    assert_ne!(renewed, link);
    assert_eq!(reqwest::get(&renewed).await.unwrap().status(), 200);
}

#[tokio::test]
async fn another_providers_staff_get_nothing_and_a_mail_needs_an_address() {
    let app = TestApp::spawn_with(relaxed()).await;
    // Staff of provider 2 cannot open the employer or print a code for its contact.
    let (other, csrf) = app.login("koordination@zwei.example").await;
    let res = other
        .get(app.url(&format!("/verwaltung/betriebe/{}", app.employer.id)))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    let res = other
        .post(app.url(&format!(
            "/verwaltung/betriebe/{}/kontakte/{}/code",
            app.employer.id, app.employer.contacts[1].id
        )))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 404);
    assert!(
        app.state
            .store
            .contact_account(app.employer.contacts[1].id)
            .await
            .unwrap()
            .is_none()
    );
    // An e-mail invitation for a contact without an address is refused with a reason.
    let (staff, csrf) = app.login("counsellor@test.example").await;
    let res = staff
        .post(app.url(&format!(
            "/verwaltung/betriebe/{}/kontakte/{}/einladung",
            app.employer.id, app.employer.contacts[1].id
        )))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert!(
        res.text()
            .await
            .unwrap()
            .contains("keine E-Mail-Adresse gespeichert")
    );
}
