//! CSRF protection for every state-changing form, in one middleware so no handler can forget.
//!
//! Two checks: the browser's own word (`Sec-Fetch-Site` / `Origin` must not name another
//! site), and a synchronizer token: the form field `csrf` must equal the session's token, or
//! for visitors without a session the `lw_csrf` cookie (double submit). The API is exempt: it
//! accepts only bearer tokens, which a foreign page cannot send.
//!
//! With `--public-url` the `Origin` must be that URL's origin (a proxy may rewrite `Host`);
//! without it, the `Origin`'s host must be the request's `Host`.

use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::context::{Ctx, csrf_matches, is_api_path};
use crate::error::PageError;

/// Forms are small; file uploads (`multipart/form-data`) are streamed on to their handler,
/// which applies its own limit.
const FORM_LIMIT: usize = 1024 * 1024;
/// In a multipart form the `csrf` field must come first and end within this many bytes.
const MULTIPART_PREFIX_LIMIT: usize = 64 * 1024;

pub async fn protect(
    State(public_origin): State<Option<String>>,
    req: Request,
    next: Next,
) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_api_path(req.uri().path()) {
        return next.run(req).await;
    }
    let Some(ctx) = req.extensions().get::<Ctx>().cloned() else {
        return PageError::Forbidden.into_response();
    };
    if cross_site(&req, public_origin.as_deref()) {
        tracing::warn!("cross-site form post refused");
        return PageError::CsrfFailed.into_response();
    }
    let (parts, body) = req.into_parts();
    if let Some(boundary) = multipart_boundary(&parts.headers) {
        let (submitted, body) = multipart_token(body, &boundary).await;
        if !csrf_matches(&ctx.csrf, &submitted) {
            tracing::warn!("upload with a missing or wrong CSRF token refused");
            return PageError::CsrfFailed.into_response();
        }
        return next.run(Request::from_parts(parts, body)).await;
    }
    let bytes = match to_bytes(body, FORM_LIMIT).await {
        Ok(b) => b,
        Err(_) => return PageError::TooLarge.into_response(),
    };
    let submitted = form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    if !csrf_matches(&ctx.csrf, &submitted) {
        tracing::warn!("form post with a missing or wrong CSRF token refused");
        return PageError::CsrfFailed.into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// The boundary of a `multipart/form-data` body.
fn multipart_boundary(headers: &axum::http::HeaderMap) -> Option<String> {
    let ct = headers.get(header::CONTENT_TYPE)?.to_str().ok()?;
    let (mime, params) = ct.split_once(';')?;
    if !mime.trim().eq_ignore_ascii_case("multipart/form-data") {
        return None;
    }
    params.split(';').find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("boundary")
            .then(|| v.trim().trim_matches('"').to_owned())
    })
}

/// Reads a multipart body only as far as its first field and returns that field's value if
/// it is `csrf` (else an empty token), with the whole body to pass on, still streaming.
async fn multipart_token(body: Body, boundary: &str) -> (String, Body) {
    use futures_util::StreamExt;
    let mut stream = body.into_data_stream();
    let mut prefix: Vec<u8> = Vec::new();
    let token = loop {
        match first_field(&prefix, boundary) {
            First::Incomplete if prefix.len() <= MULTIPART_PREFIX_LIMIT => {}
            First::Incomplete | First::Other => break String::new(),
            First::Csrf(t) => break t,
        }
        match stream.next().await {
            Some(Ok(chunk)) => prefix.extend_from_slice(&chunk),
            _ => break String::new(),
        }
    };
    let head = futures_util::stream::once(async move { Ok(bytes::Bytes::from(prefix)) });
    (token, Body::from_stream(head.chain(stream)))
}

enum First {
    Incomplete,
    Csrf(String),
    Other,
}

/// The first field of a multipart body read so far.
fn first_field(buf: &[u8], boundary: &str) -> First {
    let opening = format!("--{boundary}\r\n");
    if buf.len() < opening.len() {
        return First::Incomplete;
    }
    let Some(rest) = buf.strip_prefix(opening.as_bytes()) else {
        return First::Other;
    };
    let Some(head_end) = find(rest, b"\r\n\r\n") else {
        return First::Incomplete;
    };
    let head = String::from_utf8_lossy(&rest[..head_end]).to_ascii_lowercase();
    let is_csrf = head.lines().any(|l| {
        l.starts_with("content-disposition:") && l.split(';').any(|p| p.trim() == "name=\"csrf\"")
    });
    if !is_csrf {
        return First::Other;
    }
    let value = &rest[head_end + 4..];
    match find(value, format!("\r\n--{boundary}").as_bytes()) {
        Some(end) => First::Csrf(String::from_utf8_lossy(&value[..end]).into_owned()),
        None => First::Incomplete,
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn cross_site(req: &Request, public_origin: Option<&str>) -> bool {
    let headers = req.headers();
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok())
        && site == "cross-site"
    {
        return true;
    }
    let Some(origin) = headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) else {
        return false;
    };
    if origin == "null" {
        return true;
    }
    if let Some(expected) = public_origin {
        return origin_of(origin).as_deref() != Some(expected);
    }
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
    !origin_host.eq_ignore_ascii_case(host)
}

/// The origin of an http(s) URL: `scheme://host[:port]` in lower case, without user info,
/// path or a default port (`https://Lernweg.Example:443/x` → `https://lernweg.example`).
pub fn origin_of(url: &str) -> Option<String> {
    let (scheme, rest) = url.trim().split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => ":443",
        "http" => ":80",
        _ => return None,
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = host.to_ascii_lowercase();
    let host = host.strip_suffix(default_port).unwrap_or(&host);
    (!host.is_empty()).then(|| format!("{scheme}://{host}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn req(headers: &[(&str, &str)]) -> Request {
        let mut b = Request::builder().method("POST").uri("/anmelden");
        for (k, v) in headers {
            b = b.header(*k, *v);
        }
        b.body(Body::empty()).unwrap()
    }

    #[test]
    fn reads_the_csrf_field_first_in_a_multipart_body() {
        let body = b"--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\ntok3n\r\n--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n\r\nVorname;Nachname\r\n--XyZ--\r\n";
        assert!(matches!(first_field(body, "XyZ"), First::Csrf(t) if t == "tok3n"));
        assert!(matches!(first_field(&body[..40], "XyZ"), First::Incomplete));
        let file_first = b"--XyZ\r\nContent-Disposition: form-data; name=\"file\"; filename=\"csrf\"\r\n\r\nx\r\n--XyZ--";
        assert!(matches!(first_field(file_first, "XyZ"), First::Other));
        assert!(matches!(first_field(b"--other\r\n", "XyZ"), First::Other));
        let mut h = axum::http::HeaderMap::new();
        h.insert(
            header::CONTENT_TYPE,
            "multipart/form-data; boundary=----WebKitFormBoundaryAbc"
                .parse()
                .unwrap(),
        );
        assert_eq!(
            multipart_boundary(&h).as_deref(),
            Some("----WebKitFormBoundaryAbc")
        );
    }

    #[test]
    fn compares_with_the_public_url_when_it_is_set() {
        let public = origin_of("https://Lernweg.Example.org:443/pfad/").unwrap();
        assert_eq!(public, "https://lernweg.example.org");
        let behind_proxy = |origin: &str| {
            cross_site(
                &req(&[("host", "127.0.0.1:8080"), ("origin", origin)]),
                Some(&public),
            )
        };
        assert!(!behind_proxy("https://lernweg.example.org"));
        assert!(!behind_proxy("https://LERNWEG.example.org:443"));
        assert!(behind_proxy("http://lernweg.example.org"), "scheme counts");
        assert!(behind_proxy("https://lernweg.example.org:8443"));
        assert!(behind_proxy("https://evil.example"));
        assert!(
            behind_proxy("http://127.0.0.1:8080"),
            "the Host is not enough"
        );
        assert!(behind_proxy("null"));
        assert_eq!(origin_of("ftp://x"), None);
        assert_eq!(origin_of("https://"), None);
        assert_eq!(
            origin_of("http://user@host.example:8080/x").as_deref(),
            Some("http://host.example:8080")
        );
    }

    #[test]
    fn detects_cross_site_posts() {
        let cross_site = |r: &Request| cross_site(r, None);
        assert!(!cross_site(&req(&[("host", "lernweg.test")])));
        assert!(!cross_site(&req(&[
            ("host", "lernweg.test"),
            ("origin", "https://lernweg.test")
        ])));
        assert!(cross_site(&req(&[
            ("host", "lernweg.test"),
            ("origin", "https://evil.test")
        ])));
        assert!(cross_site(&req(&[
            ("host", "lernweg.test"),
            ("origin", "null")
        ])));
        assert!(cross_site(&req(&[
            ("host", "lernweg.test"),
            ("sec-fetch-site", "cross-site")
        ])));
        assert!(!cross_site(&req(&[
            ("host", "lernweg.test"),
            ("sec-fetch-site", "same-origin")
        ])));
    }
}
