//! Static files, embedded in the binary and served under a name with a content hash
//! (`/static/app.<hash>.css`) that may be cached for a year: a changed file has a new name.
//! The plain name (`/static/app.css`) keeps working with a short cache, for bookmarks and
//! pages cached before an update.

use std::sync::LazyLock;

use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

/// One embedded file.
struct Asset {
    /// The plain name, e.g. `app.css`.
    name: &'static str,
    /// The name with the content hash, e.g. `app.1f2e3d4c5b6a7988.css`.
    hashed: String,
    content_type: &'static str,
    body: &'static [u8],
}

static ASSETS: LazyLock<Vec<Asset>> = LazyLock::new(|| {
    [(
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../static/app.css").as_slice(),
    )]
    .into_iter()
    .map(|(name, content_type, body)| Asset {
        name,
        hashed: hashed_name(name, body),
        content_type,
        body,
    })
    .collect()
});

/// `app.css` → `app.<16 hex digits of the FNV-1a hash of the bytes>.css`.
fn hashed_name(name: &str, body: &[u8]) -> String {
    let hash = body.iter().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    });
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{hash:016x}.{ext}"),
        None => format!("{name}.{hash:016x}"),
    }
}

/// The URL of the stylesheet, with its content hash (what every page links).
pub fn stylesheet_url() -> String {
    url_of("app.css")
}

fn url_of(name: &str) -> String {
    ASSETS
        .iter()
        .find(|a| a.name == name)
        .map(|a| format!("/static/{}", a.hashed))
        .unwrap_or_else(|| format!("/static/{name}"))
}

/// A year, for names that change with the content.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// An hour, for the plain names.
const SHORT: &str = "public, max-age=3600";

/// `GET /static/{asset}`: an embedded file by its hashed name (cached for a year) or its
/// plain name (cached for an hour); anything else is 404.
pub async fn serve(Path(asset): Path<String>) -> Response {
    let found = ASSETS.iter().find_map(|a| {
        if a.hashed == asset {
            Some((a, IMMUTABLE))
        } else if a.name == asset {
            Some((a, SHORT))
        } else {
            None
        }
    });
    let Some((a, cache)) = found else {
        return StatusCode::NOT_FOUND.into_response();
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(a.content_type),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
        ],
        a.body,
    )
        .into_response()
}

#[cfg(test)]
mod tests {
    #[test]
    fn hashed_names_change_with_the_content() {
        let a = super::hashed_name("app.css", b"a{}");
        assert!(
            a.starts_with("app.") && a.ends_with(".css") && a.len() == 24,
            "{a}"
        );
        assert_ne!(a, super::hashed_name("app.css", b"b{}"));
        assert_eq!(
            super::stylesheet_url(),
            format!("/static/{}", super::ASSETS[0].hashed)
        );
    }
}
