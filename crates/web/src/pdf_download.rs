//! A report rendered to PDF off the async threads and sent as a download.

use axum::http::header;
use axum::response::{IntoResponse, Response};

/// The PDF of `report` as an attachment named `name` (`Err` when rendering failed: a defect,
/// logged here).
pub async fn pdf_download(report: lernweg_pdf::Report, name: &str) -> Result<Response, ()> {
    let bytes = match tokio::task::spawn_blocking(move || lernweg_pdf::render(&report)).await {
        Ok(Ok(bytes)) => bytes,
        Ok(Err(e)) => {
            tracing::error!(error = %e, "PDF failed");
            return Err(());
        }
        Err(e) => {
            tracing::error!(error = %e, "PDF task failed");
            return Err(());
        }
    };
    Ok((
        [
            (header::CONTENT_TYPE, "application/pdf".to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
            (header::CACHE_CONTROL, "no-store".to_owned()),
        ],
        bytes,
    )
        .into_response())
}
