//! CSV import of participants (issue 5, point 10): upload → preview with the errors per row →
//! confirm (written in a background task, all or nothing) or discard, with a progress page.
//!
//! Pages under `/verwaltung/teilnehmende/import`, API under `/api/v1/participants/imports`;
//! every route is for `COUNSELLING` (admin, coordinator, counsellor). A job of another
//! provider answers 404. Files up to [`FILE_LIMIT`] bytes; a larger one gets a message (page)
//! or a 413 problem (API), after the rest of the upload has been read and dropped.

mod api;
mod pages;

use axum::body::Body;
use axum::http::Method;
use axum::routing::{get, post};
use futures_util::StreamExt;
use lernweg_domain::access::COUNSELLING;
use lernweg_store::{ImportIssue, ImportJob, ImportWarning};
use utoipa::OpenApi;

use utoipa_axum::routes;

use crate::i18n::Lang;
use crate::routes::{Route, documented, page, route_table};

/// Largest CSV file accepted (10 MiB: about 40,000 rows of a typical export).
pub const FILE_LIMIT: usize = 10 * 1024 * 1024;
/// Largest upload body read at all; between [`FILE_LIMIT`] and this, the rest is drained so
/// the browser gets the answer instead of a reset connection.
pub const WIRE_LIMIT: usize = 64 * 1024 * 1024;

pub const UPLOAD_PAGE: &str = "/verwaltung/teilnehmende/import";
pub const UPLOAD_API: &str = "/api/v1/participants/imports";

/// Whether a request is a CSV upload (it gets [`WIRE_LIMIT`] instead of the usual 2 MiB).
pub fn takes_upload(method: &Method, path: &str) -> bool {
    method == Method::POST && (path == UPLOAD_PAGE || path == UPLOAD_API)
}

pub fn routes() -> Vec<Route> {
    use axum::extract::DefaultBodyLimit;
    route_table![
        (page("GET", UPLOAD_PAGE, COUNSELLING), get(pages::form)),
        (
            page("POST", UPLOAD_PAGE, COUNSELLING),
            post(pages::upload).layer(DefaultBodyLimit::disable()),
        ),
        (
            page(
                "GET",
                "/verwaltung/teilnehmende/import/beispiel.csv",
                COUNSELLING,
            ),
            get(pages::example),
        ),
        (
            page("GET", "/verwaltung/teilnehmende/import/{id}", COUNSELLING),
            get(pages::job),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/import/{id}/bestaetigen",
                COUNSELLING,
            ),
            post(pages::confirm),
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/import/{id}/verwerfen",
                COUNSELLING,
            ),
            post(pages::discard),
        ),
        documented(COUNSELLING, routes!(api::list)),
        documented(COUNSELLING, routes!(api::create))
            .map_handler(|h| h.layer(DefaultBodyLimit::disable())),
        documented(COUNSELLING, routes!(api::show)),
        documented(COUNSELLING, routes!(api::confirm)),
        documented(COUNSELLING, routes!(api::discard)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(api::ImportJobDto, api::RowErrorDto, api::MessageDto)))]
pub struct Doc;

/// Argument names the import's messages use (Fluent arguments are named by static strings).
const ARG_NAMES: [&str; 11] = [
    "column", "count", "detail", "first", "level", "max", "min", "name", "rows", "value", "needed",
];

fn fluent_args(args: &std::collections::BTreeMap<String, String>) -> Vec<(&'static str, String)> {
    args.iter()
        .filter_map(|(k, v)| {
            ARG_NAMES
                .iter()
                .find(|n| **n == k.as_str())
                .map(|n| (*n, v.clone()))
        })
        .collect()
}

/// The Fluent id of a row error.
fn issue_message_id(i: &ImportIssue) -> String {
    if i.key == lernweg_participants::import_plan::IMPORT_KEY {
        format!("imports-error-{}", i.code)
    } else {
        format!("participants-error-{}-{}", i.key, i.code)
    }
}

fn issue_message(lang: Lang, i: &ImportIssue) -> String {
    lang.t_args(&issue_message_id(i), &fluent_args(&i.args))
}

fn warning_message(lang: Lang, w: &ImportWarning) -> String {
    lang.t_args(
        &format!("participants-import-warning-{}", w.code),
        &fluent_args(&w.args),
    )
}

/// Why a job failed or ended without the user, in words.
fn failure_message(lang: Lang, job: &ImportJob) -> Option<String> {
    let code = job.error_code.as_deref()?;
    Some(lang.t_args(
        &format!("imports-failure-{code}"),
        &[("detail", job.error_detail.clone().unwrap_or_default())],
    ))
}

/// The column a field comes from, for people: its German/English label.
fn field_label(lang: Lang, field: &str) -> String {
    let base = field.split('.').next().unwrap_or(field);
    lang.t(&format!("imports-field-{base}"))
}

/// What reading an upload gave.
enum Upload {
    Bytes(Vec<u8>),
    /// Larger than [`FILE_LIMIT`]; the rest was drained.
    TooLarge,
}

/// Reads a body stream up to [`FILE_LIMIT`], draining anything beyond.
async fn read_limited<S, E>(mut stream: S) -> Result<Upload, E>
where
    S: futures_util::Stream<Item = Result<bytes::Bytes, E>> + Unpin,
{
    let mut buf = Vec::new();
    let mut too_large = false;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk?;
        if too_large {
            continue;
        }
        if buf.len() + chunk.len() > FILE_LIMIT {
            too_large = true;
            buf = Vec::new();
        } else {
            buf.extend_from_slice(&chunk);
        }
    }
    Ok(if too_large {
        Upload::TooLarge
    } else {
        Upload::Bytes(buf)
    })
}

/// Reads an API body (the CSV bytes).
async fn read_body(body: Body) -> Result<Upload, axum::Error> {
    read_limited(body.into_data_stream()).await
}

/// The Fluent id of a refusal of the file itself (an `Invalid` in
/// [`lernweg_app::imports::FILE_FIELD`]; its message is the detail).
fn file_refusal_id(code: &str) -> String {
    if lernweg_participants::import_plan::NOT_TEXT_KINDS.contains(&code) {
        format!("imports-not-csv-{code}")
    } else {
        format!("participants-import-{code}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn upload_paths_get_the_large_limit_only_for_post() {
        assert!(takes_upload(&Method::POST, UPLOAD_PAGE));
        assert!(takes_upload(&Method::POST, UPLOAD_API));
        assert!(!takes_upload(&Method::GET, UPLOAD_PAGE));
        assert!(!takes_upload(&Method::POST, "/verwaltung/teilnehmende"));
    }

    #[tokio::test]
    async fn reads_up_to_the_limit_and_drains_the_rest() {
        let small: Vec<Result<bytes::Bytes, ()>> = vec![Ok(bytes::Bytes::from_static(b"a;b\n"))];
        match read_limited(futures_util::stream::iter(small)).await {
            Ok(Upload::Bytes(b)) => assert_eq!(b, b"a;b\n"),
            _ => panic!("small upload refused"),
        }
        let chunk = bytes::Bytes::from(vec![b'x'; 1024 * 1024]);
        let big: Vec<Result<bytes::Bytes, ()>> = (0..11).map(|_| Ok(chunk.clone())).collect();
        let mut stream = futures_util::stream::iter(big);
        assert!(matches!(
            read_limited(&mut stream).await,
            Ok(Upload::TooLarge)
        ));
        assert!(stream.next().await.is_none(), "drained to the end");
    }

    #[test]
    fn every_dynamic_message_exists_in_both_languages() {
        let mut keys: Vec<String> = Vec::new();
        for s in ["previewed", "running", "done", "failed", "discarded"] {
            keys.push(format!("imports-status-{s}"));
            keys.push(format!("imports-job-title-{s}"));
        }
        for f in pages::FIELDS {
            keys.push(format!("imports-field-{f}"));
            keys.push(format!("imports-help-{f}"));
        }
        for k in lernweg_participants::import_plan::NOT_TEXT_KINDS {
            keys.push(file_refusal_id(k));
        }
        for c in ["emails_taken", "database", "interrupted", "expired"] {
            keys.push(format!("imports-failure-{c}"));
        }
        for c in lernweg_participants::import_plan::IMPORT_ROW_CODES {
            keys.push(format!("imports-error-{c}"));
        }
        for c in lernweg_participants::import::IMPORT_ERROR_CODES {
            keys.push(file_refusal_id(c));
        }
        for c in lernweg_participants::import::IMPORT_WARNING_CODES {
            keys.push(format!("participants-import-warning-{c}"));
        }
        for key in &keys {
            for lang in Lang::ALL {
                assert_ne!(&lang.t(key), key, "{key} missing in {lang:?}");
            }
        }
    }

    #[test]
    fn message_ids_of_row_errors() {
        let mut i = ImportIssue {
            row: 3,
            field: "german_level".into(),
            key: "german_level".into(),
            code: "unknown_cefr_level".into(),
            args: [("value".to_owned(), "X9".to_owned())].into(),
        };
        assert_eq!(
            issue_message_id(&i),
            "participants-error-german_level-unknown_cefr_level"
        );
        assert!(issue_message(Lang::De, &i).contains("X9"));
        i.key = "import".into();
        i.code = "already_stored".into();
        assert_eq!(issue_message_id(&i), "imports-error-already_stored");
    }
}
