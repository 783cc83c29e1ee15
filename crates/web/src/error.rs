//! Errors as responses: RFC 9457 problem details for the API, German (or English) error pages
//! for people. A user's mistake is never a 500; our own failures are logged and are.

use std::any::Any;

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use lernweg_app::AppError;
use lernweg_domain::reason::Args;
use lernweg_domain::{Namespace, ParseError};
use lernweg_store::StoreError;
use serde::Serialize;
use utoipa::ToSchema;

use crate::i18n::Lang;
use crate::pages::Layout;

/// One invalid field of a request.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct FieldError {
    /// The field name as sent (`email`, `state`, …).
    pub field: String,
    /// A stable reason code (`required`, `invalid_email`, `unknown_state`, …).
    pub code: String,
    /// A precise English message.
    pub message: String,
}

impl FieldError {
    /// The one way from a rule crate's field error ([`lernweg_domain::FieldError`]) to the
    /// API's: field and code as they are, the message its Fluent text in `lang`.
    pub fn of<N: Namespace>(lang: Lang, e: &lernweg_domain::FieldError<N>) -> FieldError {
        FieldError {
            field: e.field.clone(),
            code: e.code.to_owned(),
            message: field_message(lang, e),
        }
    }
}

/// The text of a rule crate's field error in `lang`, for pages and the API alike.
pub fn field_message<N: Namespace>(lang: Lang, e: &lernweg_domain::FieldError<N>) -> String {
    lang.t_args(&e.message_id(), &localized_args(lang, &e.args))
}

/// Fluent arguments in the reader's language: numbers get the decimal comma in German, ISO
/// dates the local form (`02.03.2027`).
pub fn localized_args(lang: Lang, args: &[(&'static str, String)]) -> Args {
    let arg = |v: &str| {
        if let Ok(d) = chrono::NaiveDate::parse_from_str(v, "%Y-%m-%d") {
            return crate::offers_view::analysis::date(lang, d);
        }
        if lang == Lang::De && v.parse::<f64>().is_ok() {
            return v.replace('.', ",");
        }
        v.to_owned()
    };
    args.iter().map(|(k, v)| (*k, arg(v))).collect()
}

impl From<ParseError> for FieldError {
    fn from(e: ParseError) -> Self {
        FieldError {
            field: e.field.to_owned(),
            code: e.code.to_owned(),
            message: e.message,
        }
    }
}

/// An RFC 9457 problem document.
#[derive(Debug, Serialize, ToSchema)]
pub struct Problem {
    #[serde(rename = "type")]
    pub kind: String,
    pub title: String,
    pub status: u16,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub errors: Vec<FieldError>,
}

/// Errors of API handlers.
#[derive(Debug)]
pub enum ApiError {
    BadRequest(String),
    Validation(Vec<FieldError>),
    Unauthorized,
    Forbidden,
    NotFound,
    Conflict(String),
    /// The body is larger than the server takes (413).
    TooLarge,
    Internal,
}

impl ApiError {
    pub fn field(e: ParseError) -> ApiError {
        ApiError::Validation(vec![e.into()])
    }

    /// 422 with every field error of a rule crate, texts in `lang`.
    pub fn rules<N: Namespace>(lang: Lang, errors: &[lernweg_domain::FieldError<N>]) -> ApiError {
        ApiError::Validation(errors.iter().map(|e| FieldError::of(lang, e)).collect())
    }
}

impl From<StoreError> for ApiError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => ApiError::NotFound,
            StoreError::Conflict(what) => ApiError::Conflict(what.to_owned()),
            StoreError::Invalid(p) => ApiError::field(p),
            other => {
                log_store_error(&other);
                ApiError::Internal
            }
        }
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::NotFound => ApiError::NotFound,
            AppError::Forbidden => ApiError::Forbidden,
            AppError::Conflict(what) => ApiError::Conflict(what),
            AppError::Invalid(errors) => {
                ApiError::Validation(errors.into_iter().map(FieldError::from).collect())
            }
            AppError::Store(e) => {
                log_store_error(&e);
                ApiError::Internal
            }
            AppError::Internal(what) => {
                tracing::error!(error = %what, "internal error");
                ApiError::Internal
            }
        }
    }
}

/// Logs a store failure with its whole chain of sources (the database's own message).
pub fn log_store_error(e: &StoreError) {
    let mut chain = String::new();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        chain.push_str(": ");
        chain.push_str(&s.to_string());
        source = s.source();
    }
    tracing::error!(error = %e, source = %chain, "store error");
}

/// Logs an application error that a page shows as "not available" instead of failing.
pub fn log_app_error(e: &AppError) {
    match e {
        AppError::Store(e) => log_store_error(e),
        other => tracing::error!(error = %other, "application error"),
    }
}

impl From<ParseError> for ApiError {
    fn from(e: ParseError) -> Self {
        ApiError::field(e)
    }
}

pub fn problem(
    status: StatusCode,
    title: &str,
    detail: Option<String>,
    errors: Vec<FieldError>,
) -> Response {
    let body = Problem {
        kind: "about:blank".to_owned(),
        title: title.to_owned(),
        status: status.as_u16(),
        detail,
        errors,
    };
    let mut res = (status, Json(body)).into_response();
    res.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/problem+json"),
    );
    res
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        match self {
            ApiError::BadRequest(d) => {
                problem(StatusCode::BAD_REQUEST, "Bad Request", Some(d), vec![])
            }
            ApiError::Validation(errors) => problem(
                StatusCode::UNPROCESSABLE_ENTITY,
                "Unprocessable Content",
                Some("the request has invalid fields".to_owned()),
                errors,
            ),
            ApiError::Unauthorized => {
                let mut r = problem(
                    StatusCode::UNAUTHORIZED,
                    "Unauthorized",
                    Some("send a personal API token as `Authorization: Bearer lw_…`".to_owned()),
                    vec![],
                );
                r.headers_mut()
                    .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
                r
            }
            ApiError::Forbidden => problem(
                StatusCode::FORBIDDEN,
                "Forbidden",
                Some("your role may not use this route".to_owned()),
                vec![],
            ),
            ApiError::NotFound => problem(StatusCode::NOT_FOUND, "Not Found", None, vec![]),
            ApiError::Conflict(d) => problem(StatusCode::CONFLICT, "Conflict", Some(d), vec![]),
            ApiError::TooLarge => problem(
                StatusCode::PAYLOAD_TOO_LARGE,
                "Content Too Large",
                Some("the request body is larger than the server accepts".to_owned()),
                vec![],
            ),
            ApiError::Internal => problem(
                StatusCode::INTERNAL_SERVER_ERROR,
                "Internal Server Error",
                None,
                vec![],
            ),
        }
    }
}

/// Makes every error answer of an API route a problem document, also those that no handler
/// wrote: axum's rejections (a query string that does not deserialise, a wrong method), the
/// body limit (413), the timeout (503) and a caught panic (500). A plain-text body becomes the
/// `detail` (these texts are English, like every API message); other headers are kept.
pub async fn api_problems(req: axum::extract::Request, next: axum::middleware::Next) -> Response {
    if !crate::context::is_api_path(req.uri().path()) {
        return next.run(req).await;
    }
    let res = next.run(req).await;
    let status = res.status();
    let is_problem = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"application/problem+json"));
    if !(status.is_client_error() || status.is_server_error()) || is_problem {
        return res;
    }
    let plain = res
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/plain"));
    let (parts, body) = res.into_parts();
    let detail = match plain {
        true => axum::body::to_bytes(body, 4096)
            .await
            .ok()
            .map(|b| String::from_utf8_lossy(&b).trim().to_owned())
            .filter(|d| !d.is_empty()),
        false => None,
    };
    let title = status.canonical_reason().unwrap_or("Error");
    let mut fresh = problem(status, title, detail, vec![]);
    for (name, value) in parts.headers.iter() {
        if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
            fresh.headers_mut().append(name, value.clone());
        }
    }
    fresh
}

/// Errors of page handlers: a full HTML page in the visitor's language.
///
/// Handlers return `Result<_, PageError>` and use `?`: store and use-case errors convert
/// (a missing record is a 404 page, a failing database a logged 500, never "not found").
/// The page is rendered in German here and again in the visitor's language by
/// [`localise_error_page`], which runs where the request's language is known.
#[derive(Debug)]
pub enum PageError {
    NotFound,
    Forbidden,
    CsrfFailed,
    TooLarge,
    BadRequest,
    Internal,
}

/// Marks a response as an error page of this key, so that it can be rendered again in the
/// visitor's language.
#[derive(Debug, Clone, Copy)]
pub struct ErrorPageKey(pub &'static str);

impl PageError {
    fn parts(&self) -> (StatusCode, &'static str) {
        match self {
            PageError::NotFound => (StatusCode::NOT_FOUND, "error-not-found"),
            PageError::Forbidden => (StatusCode::FORBIDDEN, "error-forbidden"),
            PageError::CsrfFailed => (StatusCode::FORBIDDEN, "error-csrf"),
            PageError::TooLarge => (StatusCode::PAYLOAD_TOO_LARGE, "error-too-large"),
            PageError::BadRequest => (StatusCode::BAD_REQUEST, "error-bad-request"),
            PageError::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "error-internal"),
        }
    }
}

impl From<StoreError> for PageError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => PageError::NotFound,
            other => {
                log_store_error(&other);
                PageError::Internal
            }
        }
    }
}

impl From<AppError> for PageError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::NotFound => PageError::NotFound,
            AppError::Forbidden => PageError::Forbidden,
            AppError::Conflict(_) | AppError::Invalid(_) => PageError::BadRequest,
            AppError::Store(e) => {
                log_store_error(&e);
                PageError::Internal
            }
            AppError::Internal(what) => {
                tracing::error!(error = %what, "internal error");
                PageError::Internal
            }
        }
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, key) = self.parts();
        // Forbidden pages stay German: the visitor may not even have a language yet.
        let mut res = error_page(status, Layout::bare(Lang::De, &format!("{key}-title")), key);
        if !matches!(self, PageError::Forbidden) {
            res.extensions_mut().insert(ErrorPageKey(key));
        }
        res
    }
}

/// Renders a marked error page again in `lang` (called by the context middleware, which knows
/// the visitor's language). Other responses pass unchanged.
pub fn localise_error_page(res: Response, lang: Lang) -> Response {
    match res.extensions().get::<ErrorPageKey>().copied() {
        Some(ErrorPageKey(key)) if lang != Lang::De => {
            let status = res.status();
            let (parts, _) = res.into_parts();
            let mut fresh = error_page(status, Layout::bare(lang, &format!("{key}-title")), key);
            // Keep what the handler or inner layers set besides the body (cookies, …).
            for (name, value) in parts.headers.iter() {
                if name != header::CONTENT_TYPE && name != header::CONTENT_LENGTH {
                    fresh.headers_mut().append(name, value.clone());
                }
            }
            fresh
        }
        _ => res,
    }
}

/// An error page with the given status.
pub fn error_page(status: StatusCode, layout: Layout, key: &str) -> Response {
    let page = crate::pages::ErrorPage {
        message: layout.t(&format!("{key}-text")),
        layout,
    };
    (status, crate::pages::render(&page)).into_response()
}

/// The response for a panic inside a handler: logged, 500, and the server keeps serving.
pub fn panic_response(payload: Box<dyn Any + Send + 'static>) -> Response {
    let detail = payload
        .downcast_ref::<String>()
        .map(String::as_str)
        .or_else(|| payload.downcast_ref::<&str>().copied())
        .unwrap_or("unknown panic");
    tracing::error!(panic = detail, "handler panicked");
    let lang = Lang::De;
    let body = format!(
        "<!doctype html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>{}</title></head><body><main><h1>{}</h1><p>{}</p></main></body></html>",
        lang.t("error-internal-title"),
        lang.t("error-internal-title"),
        lang.t("error-internal-text"),
    );
    (StatusCode::INTERNAL_SERVER_ERROR, Html(body)).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn localized(lang: Lang, v: &str) -> String {
        localized_args(lang, &[("v", v.to_owned())]).remove(0).1
    }

    #[test]
    fn arguments_in_the_readers_language() {
        assert_eq!(localized(Lang::De, "12.5"), "12,5");
        assert_eq!(localized(Lang::De, "2027-03-02"), "02.03.2027");
        assert_eq!(localized(Lang::En, "12.5"), "12.5");
        assert_eq!(localized(Lang::En, "2027-03-02"), "2027-03-02");
        assert_eq!(localized(Lang::De, "B2"), "B2");
    }

    /// Offers and participants errors reach the API through the same function, each with the
    /// text of its own Fluent id.
    #[test]
    fn rule_errors_become_api_field_errors() {
        let offer = lernweg_offers::FieldError::new("modules.0.hours", "module_hours", "too_large")
            .arg("max", 10_000);
        let dto = FieldError::of(Lang::De, &offer);
        assert_eq!(dto.field, "modules.0.hours");
        assert_eq!(dto.code, "too_large");
        assert_eq!(
            dto.message,
            Lang::De.t_args(&offer.message_id(), &offer.args)
        );
        assert!(!dto.message.contains("offers-error"), "{}", dto.message);
        let person =
            lernweg_participants::FieldError::new("weekly_hours", "weekly_hours", "out_of_range")
                .arg("min", 0)
                .arg("max", 60);
        let ApiError::Validation(list) = ApiError::rules(Lang::En, &[person]) else {
            panic!("a validation error");
        };
        assert_eq!(list.len(), 1);
        assert_eq!(list[0].code, "out_of_range");
        assert!(list[0].message.contains("60"), "{}", list[0].message);
        assert!(
            !list[0].message.contains("participants-error"),
            "{}",
            list[0].message
        );
        assert_eq!(
            serde_json::to_value(&list[0])
                .unwrap()
                .as_object()
                .unwrap()
                .len(),
            3,
            "field, code, message"
        );
    }
}
