//! Helpers of the binary's tests: run `lernweg` with arguments, read its output, start the
//! demo server.

#![allow(dead_code)]

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

pub fn lernweg(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args(args)
        .env_remove("LERNWEG_DATABASE_URL")
        .env_remove("LERNWEG_DATA_DIR")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    if let Some(input) = stdin {
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().unwrap()
}

pub fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "exit {:?}: {}",
        out.status.code(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub fn err(out: &Output) -> String {
    assert!(
        !out.status.success(),
        "expected failure, got: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stderr.clone()).unwrap()
}

pub struct Server(Child);

impl Server {
    /// Owns a started server process: it is killed when this is dropped.
    pub fn new(child: Child) -> Server {
        Server(child)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Starts `lernweg demo` on a free port and returns it with its URL and printed lines.
pub fn demo(dir: &str) -> (Server, String, Vec<String>) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_lernweg"))
        .args(["demo", "--addr", "127.0.0.1:0", "--data-dir", dir])
        .env_remove("LERNWEG_DATABASE_URL")
        .env("LERNWEG_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let server = Server(child);
    let mut lines = Vec::new();
    let mut url = None;
    let start = Instant::now();
    for line in BufReader::new(stdout).lines() {
        let line = line.unwrap();
        if let Some(u) = line.strip_prefix("Lernweg demo: ") {
            url = Some(u.trim_end_matches('/').to_owned());
        }
        let done = line.starts_with("Stop with Ctrl-C");
        lines.push(line);
        if done || start.elapsed() > Duration::from_secs(60) {
            break;
        }
    }
    (server, url.expect("the demo prints its URL"), lines)
}

/// A browser-like client: keeps cookies, does not follow redirects.
pub fn browser() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

/// Logs in through the login form of the server at `base`; returns the answer's status.
pub async fn log_in(client: &reqwest::Client, base: &str, email: &str, password: &str) -> u16 {
    let html = client
        .get(format!("{base}/anmelden"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let marker = "name=\"csrf\" value=\"";
    let start = html.find(marker).expect("csrf field") + marker.len();
    let csrf = &html[start..start + html[start..].find('"').unwrap()];
    client
        .post(format!("{base}/anmelden"))
        .form(&[("email", email), ("password", password), ("csrf", csrf)])
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}
