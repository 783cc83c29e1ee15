//! CSRF protection for every state-changing form, in one middleware so no handler can forget.
//!
//! Two checks: the browser's own word (`Sec-Fetch-Site` / `Origin` must not name another
//! site), and a synchronizer token: the form field `csrf` must equal the session's token, or
//! for visitors without a session the `lw_csrf` cookie (double submit). The API is exempt: it
//! accepts only bearer tokens, which a foreign page cannot send.

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use crate::context::{Ctx, csrf_matches, is_api_path};
use crate::error::PageError;

/// Forms are small; larger uploads (CSV imports) get their own limit later.
const FORM_LIMIT: usize = 1024 * 1024;

pub async fn protect(req: Request, next: Next) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    if safe || is_api_path(req.uri().path()) {
        return next.run(req).await;
    }
    let Some(ctx) = req.extensions().get::<Ctx>().cloned() else {
        return PageError::Forbidden.into_response();
    };
    if cross_site(&req) {
        tracing::warn!("cross-site form post refused");
        return PageError::CsrfFailed(ctx.lang).into_response();
    }
    let (parts, body) = req.into_parts();
    let bytes = match to_bytes(body, FORM_LIMIT).await {
        Ok(b) => b,
        Err(_) => return PageError::TooLarge(ctx.lang).into_response(),
    };
    let submitted = form_urlencoded::parse(&bytes)
        .find(|(k, _)| k == "csrf")
        .map(|(_, v)| v.into_owned())
        .unwrap_or_default();
    if !csrf_matches(&ctx.csrf, &submitted) {
        tracing::warn!("form post with a missing or wrong CSRF token refused");
        return PageError::CsrfFailed(ctx.lang).into_response();
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

fn cross_site(req: &Request) -> bool {
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
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    let origin_host = origin.split_once("://").map(|(_, h)| h).unwrap_or(origin);
    !origin_host.eq_ignore_ascii_case(host)
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
    fn detects_cross_site_posts() {
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
