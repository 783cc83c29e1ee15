//! Helpers of the portal tests: participants, mails, codes, language switch.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use lernweg_domain::{ParticipantId, Role};
use lernweg_participants::{ParticipantDraft, ReadinessAnswers};
use lernweg_store::Actor;
use lernweg_web::WebConfig;

use crate::common::{Options, TestApp, relaxed_limits};

pub fn relaxed() -> Options {
    Options {
        config: WebConfig {
            login_limits: relaxed_limits(),
            ..Default::default()
        },
        ..Default::default()
    }
}

/// A fresh directory under the system's temp dir (the mail dir of a test).
pub fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("lw-portal-mail-{}", uuid::Uuid::new_v4()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A participant of provider 1, contact person the counsellor, interested in the cohort.
pub async fn new_participant(
    app: &TestApp,
    given: &str,
    email: Option<&str>,
    tongue: &str,
) -> ParticipantId {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": given, "family_name": "Rahimi", "email": email.unwrap_or(""),
        "mother_tongue": tongue, "german_level": "B1", "preferred_channel": "phone",
        "reachable_times": "Mo–Fr ab 16 Uhr"
    }))
    .unwrap();
    let store = &app.state.store;
    let p = store
        .create_participant(
            &Actor::system(),
            app.p1.id,
            Some(app.user(Role::Counsellor).id),
            draft.validate(2026).unwrap(),
        )
        .await
        .unwrap();
    store
        .enrol(&Actor::system(), p.id, app.cohort.id)
        .await
        .unwrap();
    p.id
}

/// A readiness check of a participant; returns its id.
pub async fn add_check(app: &TestApp, p: ParticipantId) -> String {
    let answers: ReadinessAnswers = serde_json::from_value(serde_json::json!({
        "free_hours_per_week": 4, "childcare": "partly", "device": "shared", "job_relates": "yes"
    }))
    .unwrap();
    let result = lernweg_participants::evaluate(&answers, false, Some(6.0)).unwrap();
    app.state
        .store
        .add_readiness_check(
            &Actor::system(),
            p,
            chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            &answers,
            &result,
        )
        .await
        .unwrap()
        .id
}

pub async fn get_text(client: &reqwest::Client, url: &str) -> String {
    client.get(url).send().await.unwrap().text().await.unwrap()
}

/// The one `.eml` file in the mail dir.
pub fn read_single_eml(dir: &Path) -> String {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "eml"))
        .collect();
    assert_eq!(files.len(), 1, "one mail in {}", dir.display());
    std::fs::read_to_string(&files[0]).unwrap()
}

/// The body of a quoted-printable mail as text.
pub fn decode_quoted_printable(eml: &str) -> String {
    let body = eml
        .split_once("\r\n\r\n")
        .map(|(_, b)| b)
        .unwrap_or(eml)
        .replace("=\r\n", "");
    let bytes = body.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&body[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap().replace("\r\n", "\n")
}

/// The first absolute link containing `marker`.
pub fn link_from(text: &str, marker: &str) -> String {
    text.split_whitespace()
        .find(|w| w.starts_with("http") && w.contains(marker))
        .unwrap_or_else(|| panic!("no link with {marker} in {text}"))
        .to_owned()
}

/// `XXXX-XXXX-XXXX` on the printed sheet.
pub fn code_from(html: &str) -> String {
    let marker = "class=\"portal-sheet-code\" dir=\"ltr\">";
    let start = html.find(marker).expect("a code on the sheet") + marker.len();
    html[start..start + 14].to_owned()
}

/// The generated login name (`tn-…`) on the printed sheet.
pub fn login_name_from(html: &str) -> String {
    let marker = "class=\"portal-login\" dir=\"ltr\">";
    let start = html.find(marker).expect("a login on the sheet") + marker.len();
    let end = html[start..].find('<').unwrap() + start;
    let login = html[start..end].to_owned();
    assert!(login.starts_with("tn-"), "{login}");
    login
}

/// Makes a new calendar link on the path page; returns it.
pub async fn make_feed(app: &TestApp, client: &reqwest::Client, csrf: &str) -> String {
    let res = client
        .post(app.url("/mein-weg/kalender"))
        .form(&[("csrf", csrf)])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 200);
    let html = res.text().await.unwrap();
    assert!(
        html.contains("name=\"next\" value=\"/mein-weg\""),
        "a language switch returns to the path, not to the POST route"
    );
    link_from(&html.replace(['"', '<', '>'], " "), "/feeds/")
}

pub async fn switch(app: &TestApp, client: &reqwest::Client, csrf: &str, lang: &str) {
    let res = client
        .post(app.url("/sprache"))
        .form(&[("csrf", csrf), ("lang", lang), ("next", "/mein-weg")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303);
}

/// Every German portal text that is a sentence (placeholders filled with short words).
pub fn german_sentences() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("locales/de/portal.ftl");
    let text = std::fs::read_to_string(path).unwrap();
    let mut out = String::new();
    let mut in_mail = false;
    for line in text.lines() {
        let value = if let Some((id, v)) = line.split_once(" = ") {
            in_mail = false;
            if !id.starts_with("portal-") {
                continue;
            }
            v.to_owned()
        } else if line.starts_with("portal-mail-body =") {
            in_mail = true;
            continue;
        } else if in_mail && line.starts_with("    ") {
            line.trim().to_owned()
        } else {
            continue;
        };
        let value = value
            .replace("{ $link }", "")
            .replace("{ $date }", "Montag")
            .replace("{ $name }", "Amina")
            .replace("{ $login }", "Name")
            .replace("{ $place }", "Raum")
            .replace("{ $channel }", "Telefon")
            .replace("{ $times }", "abends")
            .replace("{ $hours }", "acht")
            .replace("{ $minutes }", "zehn")
            .replace("{ $done }", "zwei")
            .replace("{ $total }", "vier");
        if value.ends_with(['.', '!', '?']) {
            out.push_str(&value);
            out.push(' ');
        }
    }
    out
}

/// A new participant (see [`new_participant`]) logged in through a printed code: their
/// browser client.
pub async fn logged_in_participant(app: &TestApp, given: &str, tongue: &str) -> reqwest::Client {
    let p = new_participant(app, given, None, tongue).await;
    let (staff, csrf) = app.login("coordinator@test.example").await;
    let sheet = staff
        .post(app.url(&format!("/verwaltung/teilnehmende/{p}/zugang/code")))
        .form(&[("csrf", csrf.as_str())])
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let code = code_from(&sheet);
    let client = TestApp::client();
    let csrf = app.csrf_from(&client, "/code").await;
    let res = client
        .post(app.url("/einladung"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("kind", "code"),
            ("secret", &code),
            ("password", "ein-langes-passwort"),
            ("password_repeat", "ein-langes-passwort"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 303, "the participant is logged in");
    client
}
