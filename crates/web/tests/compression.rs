//! Responses are compressed (gzip or Brotli, as the client accepts) when they are text, the
//! feeds' conditional requests still work, and static files carry a content hash in their
//! names with a year-long cache.

mod common;

use std::io::Read;

use common::TestApp;
use lernweg_domain::Role;

/// GET `path` with `Accept-Encoding: encoding` (and a bearer token if given).
async fn fetch(
    app: &TestApp,
    path: &str,
    encoding: &str,
    token: Option<&str>,
) -> reqwest::Response {
    let mut req = TestApp::client()
        .get(app.url(path))
        .header("accept-encoding", encoding);
    if let Some(t) = token {
        req = req.bearer_auth(t);
    }
    req.send().await.unwrap()
}

fn header(res: &reqwest::Response, name: &str) -> String {
    res.headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_owned()
}

/// The body, decoded as its `Content-Encoding` says.
async fn decoded(res: reqwest::Response) -> String {
    let encoding = header(&res, "content-encoding");
    let bytes = res.bytes().await.unwrap();
    let mut out = String::new();
    match encoding.as_str() {
        "gzip" => {
            flate2::read::GzDecoder::new(&bytes[..])
                .read_to_string(&mut out)
                .unwrap();
        }
        "br" => {
            brotli_decompressor::Decompressor::new(&bytes[..], 4096)
                .read_to_string(&mut out)
                .unwrap();
        }
        "" => out = String::from_utf8(bytes.to_vec()).unwrap(),
        other => panic!("unexpected encoding {other}"),
    }
    out
}

#[tokio::test]
async fn text_is_compressed_as_the_client_accepts() {
    let app = TestApp::spawn().await;
    let token = app.token(Role::Coordinator).to_owned();
    // (path, token, what the decoded body contains)
    let cases = [
        ("/angebote", None, "<html"),
        ("/api/v1/openapi.json", None, "\"openapi\""),
        (
            "/api/v1/exports/offers.csv",
            Some(token.as_str()),
            "Fachsprache Pflege",
        ),
    ];
    for (path, token, expected) in cases {
        for encoding in ["gzip", "br"] {
            let res = fetch(&app, path, encoding, token).await;
            assert_eq!(res.status(), 200, "{path}");
            assert_eq!(header(&res, "content-encoding"), encoding, "{path}");
            assert!(
                header(&res, "vary")
                    .to_lowercase()
                    .contains("accept-encoding"),
                "{path}"
            );
            let body = decoded(res).await;
            assert!(body.contains(expected), "{path} ({encoding}): {body:.200}");
        }
        // A client that accepts no encoding gets the plain body.
        let res = fetch(&app, path, "identity", token).await;
        assert_eq!(header(&res, "content-encoding"), "", "{path}");
        assert!(decoded(res).await.contains(expected));
    }
    // XLSX is a zip already: sent as it is.
    let res = fetch(
        &app,
        "/api/v1/exports/offers.xlsx",
        "gzip, br",
        Some(&token),
    )
    .await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "content-encoding"), "");
    assert!(res.bytes().await.unwrap().starts_with(b"PK"));
}

#[tokio::test]
async fn compressed_feeds_keep_their_etag_and_answer_304() {
    let app = TestApp::spawn().await;
    let path = format!("/feeds/{}.ics", app.feed_secret);
    let res = fetch(&app, &path, "gzip", None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "content-encoding"), "gzip");
    let etag = header(&res, "etag");
    assert!(!etag.is_empty());
    assert!(decoded(res).await.starts_with("BEGIN:VCALENDAR"));
    for encoding in ["gzip", "br", "identity"] {
        let res = TestApp::client()
            .get(app.url(&path))
            .header("accept-encoding", encoding)
            .header("if-none-match", &etag)
            .send()
            .await
            .unwrap();
        assert_eq!(res.status(), 304, "{encoding}");
        assert!(res.bytes().await.unwrap().is_empty());
    }
}

#[tokio::test]
async fn static_files_have_a_content_hash_and_a_long_cache() {
    let app = TestApp::spawn().await;
    let html = decoded(fetch(&app, "/anmelden", "identity", None).await).await;
    let start = html.find("href=\"/static/app.").expect("stylesheet link") + 6;
    let end = html[start..].find('"').unwrap() + start;
    let hashed = &html[start..end];
    assert_eq!(hashed, lernweg_web::assets::stylesheet_url());
    assert!(hashed.ends_with(".css") && hashed.len() == "/static/app.0123456789abcdef.css".len());

    let res = fetch(&app, hashed, "br", None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(
        header(&res, "cache-control"),
        "public, max-age=31536000, immutable"
    );
    assert!(header(&res, "content-type").starts_with("text/css"));
    assert_eq!(header(&res, "content-encoding"), "br");
    let css = decoded(res).await;
    assert!(css.contains("@media print"));

    // The plain name still works, with a short cache.
    let res = fetch(&app, "/static/app.css", "identity", None).await;
    assert_eq!(res.status(), 200);
    assert_eq!(header(&res, "cache-control"), "public, max-age=3600");
    assert_eq!(res.text().await.unwrap(), css);

    for unknown in ["/static/app.0000000000000000.css", "/static/other.css"] {
        assert_eq!(fetch(&app, unknown, "identity", None).await.status(), 404);
    }
}
