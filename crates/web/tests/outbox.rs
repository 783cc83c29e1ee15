//! Notices of changed dates through a real SMTP server started by the test (issue 13 point
//! 8): a published session moves, the participant (in Arabic, their language), the trainer
//! and the linked employer's contact get a message in the outbox; the relay is down first —
//! nothing is lost, the attempt is counted and the next one scheduled —, then it comes back
//! and every message arrives with the old and the new date. A relay that never comes back
//! ends in `failed`, which staff see. A draft's changes notify nobody.

mod common;
#[path = "portal/support.rs"]
mod support;

use std::sync::{Arc, Mutex};

use chrono::Duration;
use common::{Options, TestApp, api_call};
use lernweg_domain::Role;
use lernweg_web::WebConfig;
use lernweg_web::outbox::{Delivery, deliver_due};
use lernweg_web::portal::MailConfig;
use serde_json::{Value, json};
use support::{decode_quoted_printable, get_text, relaxed};
use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpListener;

/// A small SMTP server: accepts everything, keeps each message (envelope recipient and
/// DATA).
#[derive(Clone, Default)]
struct Smtp {
    received: Arc<Mutex<Vec<(String, String)>>>,
}

impl Smtp {
    fn start(&self, listener: TcpListener) -> tokio::task::JoinHandle<()> {
        let received = self.received.clone();
        tokio::spawn(async move {
            loop {
                let Ok((socket, _)) = listener.accept().await else {
                    return;
                };
                let received = received.clone();
                tokio::spawn(async move {
                    let (read, mut write) = socket.into_split();
                    let mut lines = BufReader::new(read).lines();
                    let _ = write.write_all(b"220 test ESMTP\r\n").await;
                    let mut rcpt = String::new();
                    while let Ok(Some(line)) = lines.next_line().await {
                        let upper = line.to_ascii_uppercase();
                        let reply: &[u8] = if upper.starts_with("EHLO") || upper.starts_with("HELO")
                        {
                            b"250 test\r\n"
                        } else if upper.starts_with("RCPT TO:") {
                            rcpt = line[8..].trim().trim_matches(['<', '>']).to_owned();
                            b"250 OK\r\n"
                        } else if upper == "DATA" {
                            let _ = write.write_all(b"354 go ahead\r\n").await;
                            let mut data = String::new();
                            while let Ok(Some(l)) = lines.next_line().await {
                                if l == "." {
                                    break;
                                }
                                data.push_str(&l);
                                data.push_str("\r\n");
                            }
                            received.lock().unwrap().push((rcpt.clone(), data));
                            b"250 queued\r\n"
                        } else if upper == "QUIT" {
                            let _ = write.write_all(b"221 bye\r\n").await;
                            return;
                        } else {
                            b"250 OK\r\n"
                        };
                        let _ = write.write_all(reply).await;
                    }
                });
            }
        })
    }

    fn messages(&self) -> Vec<(String, String)> {
        self.received.lock().unwrap().clone()
    }
}

/// A port nobody listens on (yet).
async fn free_port() -> u16 {
    let l = TcpListener::bind("127.0.0.1:0").await.unwrap();
    l.local_addr().unwrap().port()
}

fn with_relay(port: u16) -> Options {
    let mut o = relaxed();
    o.config = WebConfig {
        mail: MailConfig {
            smtp_url: Some(format!("smtp://127.0.0.1:{port}")),
            ..Default::default()
        },
        ..o.config
    };
    o
}

async fn outbox(app: &TestApp, status: &str) -> Vec<Value> {
    let (code, list) = api_call(
        app,
        Role::Counsellor,
        "GET",
        &format!("/api/v1/outbox?status={status}"),
        None,
    )
    .await;
    assert_eq!(code, 200, "{list}");
    list["items"].as_array().unwrap().clone()
}

async fn change(app: &TestApp, body: Value) {
    let (s, out) = api_call(
        app,
        Role::Coordinator,
        "PATCH",
        &format!("/api/v1/sessions/{}", app.session),
        Some(body),
    )
    .await;
    assert_eq!(s, 200, "{out}");
}

#[tokio::test]
async fn a_moved_date_reaches_everyone_once_the_relay_is_back() {
    let port = free_port().await;
    let app = TestApp::spawn_with(with_relay(port)).await;
    common::link_to_employer(&app).await;

    // A draft's dates are not binding: nobody is told.
    change(
        &app,
        json!({"start": "18:00", "end": "21:00", "reason": "Planung"}),
    )
    .await;
    assert!(outbox(&app, "pending").await.is_empty());

    let (s, _) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{}/status", app.cohort.id),
        Some(json!({"status": "published"})),
    )
    .await;
    assert_eq!(s, 200);
    change(
        &app,
        json!({"date": "2027-03-04", "start": "17:30", "end": "20:30", "reason": "Raum belegt"}),
    )
    .await;
    let pending = outbox(&app, "pending").await;
    let mut to: Vec<&str> = pending
        .iter()
        .map(|m| m["to_address"].as_str().unwrap())
        .collect();
    to.sort_unstable();
    assert_eq!(
        to,
        [
            "amina.haddad@example.org",
            "s.hoffmann@klinik-am-rhein.example",
            "trainer@test.example"
        ]
    );

    // The relay is down: nothing is lost, each attempt is counted, the next one waits.
    let now = app.state.app.clock.now_utc();
    let round = deliver_due(&app.state, now).await.unwrap();
    assert_eq!(
        round,
        Delivery {
            sent: 0,
            retried: 3,
            failed: 0
        }
    );
    let pending = outbox(&app, "pending").await;
    assert_eq!(pending.len(), 3);
    assert!(pending.iter().all(|m| m["attempts"] == 1));
    assert!(
        pending
            .iter()
            .all(|m| !m["last_error"].as_str().unwrap().is_empty())
    );
    assert_eq!(
        deliver_due(&app.state, now).await.unwrap(),
        Delivery::default(),
        "not due again yet"
    );

    // The relay comes back on the same port.
    let smtp = Smtp::default();
    let listener = TcpListener::bind(("127.0.0.1", port)).await.unwrap();
    let server = smtp.start(listener);
    let round = deliver_due(&app.state, now + Duration::minutes(2))
        .await
        .unwrap();
    assert_eq!(round.sent, 3, "{round:?}");
    server.abort();
    let got = smtp.messages();
    assert_eq!(got.len(), 3);
    let body_to = |who: &str| {
        let (_, data) = got.iter().find(|(r, _)| r == who).unwrap();
        decode_quoted_printable(data)
    };
    let amina = body_to("amina.haddad@example.org");
    assert!(amina.contains("تم نقل موعد"), "{amina}");
    assert!(amina.contains("02.03.2027"), "the old date: {amina}");
    assert!(
        amina.contains("04.03.2027") && amina.contains("17:30–20:30"),
        "the new date: {amina}"
    );
    assert!(amina.contains("Raum belegt"));
    let trainer = body_to("trainer@test.example");
    assert!(
        trainer.contains("Bisher: 02.03.2027, 18:00–21:00"),
        "{trainer}"
    );
    assert!(trainer.contains("Neu: 04.03.2027, 17:30–20:30"));
    let employer = body_to("s.hoffmann@klinik-am-rhein.example");
    assert!(
        employer.contains("Er betrifft Ihre Beschäftigten: Amina Haddad."),
        "{employer}"
    );
    assert!(!employer.contains("0170"), "no case data");

    let sent = outbox(&app, "sent").await;
    assert_eq!(sent.len(), 3);
    assert!(
        sent.iter()
            .all(|m| m["attempts"] == 2 && !m["sent_at"].is_null())
    );
    let (staff, _) = app.login("counsellor@test.example").await;
    let page = get_text(&staff, &app.url("/verwaltung/postausgang?status=sent")).await;
    assert!(
        page.contains("Termin verschoben: Fachsprache Pflege berufsbegleitend"),
        "{page}"
    );
    assert!(page.contains("versendet"));
}

#[tokio::test]
async fn a_relay_that_never_comes_back_ends_in_failed_for_staff_to_see() {
    let port = free_port().await;
    let app = TestApp::spawn_with(with_relay(port)).await;
    let (s, _) = api_call(
        &app,
        Role::Coordinator,
        "POST",
        &format!("/api/v1/cohorts/{}/status", app.cohort.id),
        Some(json!({"status": "published"})),
    )
    .await;
    assert_eq!(s, 200);
    change(
        &app,
        json!({"status": "cancelled", "reason": "Lehrkraft krank"}),
    )
    .await;
    let queued = outbox(&app, "pending").await.len();
    assert_eq!(queued, 2, "participant and trainer");
    let mut now = app.state.app.clock.now_utc();
    let mut failed = 0;
    for _ in 0..lernweg_domain::outbox::MAX_ATTEMPTS {
        failed += deliver_due(&app.state, now).await.unwrap().failed;
        now += Duration::hours(2);
    }
    assert_eq!(failed, 2);
    assert!(outbox(&app, "pending").await.is_empty());
    let gone = outbox(&app, "failed").await;
    assert_eq!(gone.len(), 2);
    assert!(gone.iter().all(|m| m["attempts"] == 10));
    let (staff, _) = app.login("counsellor@test.example").await;
    let page = get_text(&staff, &app.url("/verwaltung/postausgang")).await;
    assert!(page.contains("<strong>fehlgeschlagen</strong>"), "{page}");
    assert!(page.contains("Termin abgesagt"));
    let (code, _) = api_call(
        &app,
        Role::Counsellor,
        "GET",
        "/api/v1/outbox?status=lost",
        None,
    )
    .await;
    assert_eq!(code, 422);
}
