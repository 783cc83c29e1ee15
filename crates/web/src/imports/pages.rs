//! The import pages: the upload form with the expected columns and an example file, and one
//! page per job that shows the preview (counts, errors per row, the first rows, confirm or
//! discard), the progress while it runs (reloading itself every second through the `Refresh`
//! header, no JavaScript), and the result.

use askama::Template;
use axum::Extension;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use lernweg_domain::UserId;
use lernweg_store::{AuditAction, AuditEntity, ImportJob, ImportStatus, NewImport, StoreError};

use super::{
    FILE_LIMIT, UPLOAD_PAGE, Upload, failure_message, field_label, issue_message, refusal,
    spawn_run, upload_provider, visible_job, warning_message,
};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::participants::{staff_choices, staff_of};
use crate::pages::{Layout, render};

/// Row errors shown on the preview; the rest are counted.
const ISSUES_SHOWN: usize = 500;
/// Rows shown of those that will be written.
const SAMPLE_ROWS: usize = 10;

/// The columns explained on the upload page, in the order of the example file.
pub(super) const FIELDS: [&str; 16] = [
    "given_name",
    "family_name",
    "email",
    "phone",
    "mother_tongue",
    "other_languages",
    "german_level",
    "preferred_channel",
    "reachable_times",
    "foreign_qualification",
    "kldb",
    "recognition_status",
    "employer",
    "weekly_hours",
    "birth_year",
    "consent_data_processing",
];

/// The example file offered for download: UTF-8 with BOM, so Excel shows the umlauts.
const EXAMPLE_CSV: &str = "\u{feff}Vorname;Nachname;E-Mail;Telefon;Muttersprache;Weitere Sprachen;Deutschniveau;Bevorzugter Kontakt;Erreichbarkeit;Ausländischer Abschluss;Referenzberuf;Anerkennung;Arbeitgeber;Wochenstunden;Geburtsjahr;Einwilligung Datenverarbeitung\r\n\
Amina;Haddad;amina.haddad@example.org;0170 1234567;Arabisch;Englisch, Französisch;B1;Telefon;Mo–Fr ab 17 Uhr;Bachelor Krankenpflege;81302;teilweise;Klinikum Nord;30;1990;12.01.2026\r\n\
Olena;Kovalenko;o.kovalenko@example.org;0151 2345678;Ukrainisch;Russisch;B2;E-Mail;vormittags;Diplom Elektrotechnik;26302;im Verfahren;Stadtwerke;39;1985;14.01.2026\r\n\
Mehmet;Öztürk;;0176 3456789;Türkisch;;A2;persönlich;Sa ab 10 Uhr;Meister Bäckerhandwerk;29202;nicht begonnen;Backhaus Süd GmbH;19,5;1979;2026-01-21\r\n";

pub struct ColumnHelp {
    pub label: String,
    pub help: String,
    pub required: bool,
}

pub struct JobRow {
    pub href: String,
    pub file_name: String,
    pub created: String,
    pub status: String,
    pub summary: String,
}

#[derive(Template)]
#[template(path = "imports_form.html")]
pub struct FormPage {
    pub layout: Layout,
    pub errors: FormErrors,
    pub staff: Vec<Choice>,
    pub columns: Vec<ColumnHelp>,
    pub jobs: Vec<JobRow>,
    pub limit: String,
}

pub struct IssueRow {
    pub row: u64,
    pub column: String,
    pub message: String,
}

pub struct SampleRow {
    pub row: u64,
    pub name: String,
    pub email: String,
    pub german_level: String,
    pub mother_tongue: String,
}

#[derive(Template)]
#[template(path = "imports_job.html")]
pub struct JobPage {
    pub layout: Layout,
    pub id: String,
    /// `previewed`, `running`, `done`, `failed` or `discarded`.
    pub status: &'static str,
    pub status_label: String,
    pub file_name: String,
    pub contact_person: Option<String>,
    pub total: u64,
    pub valid: u64,
    pub with_errors: u64,
    pub done: u64,
    pub warnings: Vec<String>,
    pub issues: Vec<IssueRow>,
    pub issues_hidden: usize,
    pub sample: Vec<SampleRow>,
    pub failure: Option<String>,
}

impl JobPage {
    pub fn progress_text(&self) -> String {
        self.layout.lang.t_args(
            "imports-progress-text",
            &[
                ("done", self.done.to_string()),
                ("total", self.valid.to_string()),
            ],
        )
    }

    pub fn count(&self, key: &str, n: &u64) -> String {
        self.layout.t1(key, "count", &n.to_string())
    }
}

fn mb(lang: Lang) -> String {
    lang.t_args(
        "imports-limit",
        &[("mb", (FILE_LIMIT / (1024 * 1024)).to_string())],
    )
}

fn status_label(lang: Lang, s: ImportStatus) -> String {
    lang.t(&format!("imports-status-{}", s.as_str()))
}

async fn form_page(
    state: &AppState,
    ctx: &Ctx,
    errors: FormErrors,
    selected: &str,
) -> Result<FormPage, StoreError> {
    let lang = ctx.lang;
    let scope = ctx.principal().and_then(|p| p.provider_scope());
    let staff = staff_of(state, scope).await?;
    let default = ctx
        .user
        .as_ref()
        .filter(|_| selected.is_empty())
        .map(|u| u.id.to_string())
        .unwrap_or_else(|| selected.to_owned());
    let jobs = state
        .store
        .import_jobs(scope)
        .await?
        .into_iter()
        .take(10)
        .map(|j| JobRow {
            href: format!("{UPLOAD_PAGE}/{}", j.id),
            created: j
                .created_at
                .with_timezone(&chrono::Local)
                .format("%d.%m.%Y %H:%M")
                .to_string(),
            status: status_label(lang, j.status),
            summary: lang.t_args(
                "imports-job-summary",
                &[
                    ("total", j.total_rows.to_string()),
                    ("valid", j.valid_rows.to_string()),
                    ("done", j.done_rows.to_string()),
                ],
            ),
            file_name: j.file_name,
        })
        .collect();
    Ok(FormPage {
        layout: Layout::new(ctx, UPLOAD_PAGE, "imports-title"),
        errors,
        staff: staff_choices(&staff, &default),
        columns: FIELDS
            .iter()
            .map(|f| ColumnHelp {
                label: field_label(lang, f),
                help: lang.t(&format!("imports-help-{f}")),
                required: matches!(*f, "given_name" | "family_name" | "consent_data_processing"),
            })
            .collect(),
        jobs,
        limit: mb(lang),
    })
}

async fn show_form(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    errors: FormErrors,
    selected: &str,
) -> Response {
    match form_page(state, ctx, errors, selected).await {
        Ok(page) => (status, render(&page)).into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}

fn one_error(field: &str, message: String) -> FormErrors {
    let mut e = FormErrors::default();
    e.0.insert(field.to_owned(), message);
    e
}

/// `GET /verwaltung/teilnehmende/import`: the upload form. Expired previews are cleaned up.
pub async fn form(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    if let Err(e) = state.store.expire_imports(state.app.clock.now_utc()).await {
        return PageError::from(e).into_response();
    }
    show_form(&state, &ctx, StatusCode::OK, FormErrors::default(), "").await
}

/// `GET /verwaltung/teilnehmende/import/beispiel.csv`.
pub async fn example() -> Response {
    let mut res = EXAMPLE_CSV.into_response();
    let h = res.headers_mut();
    h.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/csv; charset=utf-8"),
    );
    h.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"teilnehmende-beispiel.csv\""),
    );
    res
}

/// Reads one multipart field up to the file limit, draining the rest.
async fn read_field(field: &mut axum::extract::multipart::Field<'_>) -> Result<Upload, StatusCode> {
    let mut buf = Vec::new();
    let mut too_large = false;
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
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
            Ok(None) => break,
            Err(e) => return Err(e.status()),
        }
    }
    Ok(if too_large {
        Upload::TooLarge
    } else {
        Upload::Bytes(buf)
    })
}

/// `POST /verwaltung/teilnehmende/import` (multipart: `csrf` first, `contact_person_id`,
/// `file`): reads and checks the file and shows its preview; nothing is written yet.
pub async fn upload(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Response {
    let lang = ctx.lang;
    let Some(who) = ctx.principal() else {
        return PageError::Forbidden.into_response();
    };
    let refuse = |status: StatusCode, field: &str, message: String, selected: String| {
        let (state, ctx, field) = (state.clone(), ctx.clone(), field.to_owned());
        async move { show_form(&state, &ctx, status, one_error(&field, message), &selected).await }
    };
    let Ok(mut multipart) = multipart else {
        return refuse(
            StatusCode::BAD_REQUEST,
            "file",
            lang.t("imports-upload-unreadable"),
            String::new(),
        )
        .await;
    };
    let mut contact = String::new();
    let mut file_name = String::new();
    let mut file: Option<Upload> = None;
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => {
                let too_large = e.status() == StatusCode::PAYLOAD_TOO_LARGE;
                return if too_large {
                    refuse(
                        StatusCode::PAYLOAD_TOO_LARGE,
                        "file",
                        lang.t_args("imports-upload-too-large", &[("max", mb(lang))]),
                        contact,
                    )
                    .await
                } else {
                    refuse(
                        StatusCode::BAD_REQUEST,
                        "file",
                        lang.t("imports-upload-unreadable"),
                        contact,
                    )
                    .await
                };
            }
        };
        match field.name() {
            Some("contact_person_id") => contact = field.text().await.unwrap_or_default(),
            Some("file") => {
                file_name = field.file_name().unwrap_or("").to_owned();
                match read_field(&mut field).await {
                    Ok(u) => file = Some(u),
                    Err(StatusCode::PAYLOAD_TOO_LARGE) => file = Some(Upload::TooLarge),
                    Err(_) => {
                        return refuse(
                            StatusCode::BAD_REQUEST,
                            "file",
                            lang.t("imports-upload-unreadable"),
                            contact,
                        )
                        .await;
                    }
                }
            }
            _ => {
                if read_field(&mut field).await.is_err() {
                    file = Some(Upload::TooLarge);
                }
            }
        }
    }
    let bytes = match file {
        Some(Upload::TooLarge) => {
            return refuse(
                StatusCode::PAYLOAD_TOO_LARGE,
                "file",
                lang.t_args("imports-upload-too-large", &[("max", mb(lang))]),
                contact,
            )
            .await;
        }
        Some(Upload::Bytes(b)) if !b.is_empty() => b,
        _ => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "file",
                lang.t("imports-upload-no-file"),
                contact,
            )
            .await;
        }
    };
    let Ok(contact_id) = UserId::parse(contact.trim()) else {
        return refuse(
            StatusCode::UNPROCESSABLE_ENTITY,
            "contact_person_id",
            lang.t("imports-upload-contact-required"),
            contact,
        )
        .await;
    };
    // Reading 10 MB of CSV is CPU work: off the async threads.
    let preview = match {
        let today = state.app.today();
        tokio::task::spawn_blocking(move || refusal(&bytes, today))
    }
    .await
    {
        Ok(Ok(p)) => p,
        Ok(Err((id, detail))) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "file",
                lang.t_args(&id, &[("detail", detail)]),
                contact,
            )
            .await;
        }
        Err(e) => {
            tracing::error!(error = %e, "import preview panicked");
            return PageError::Internal.into_response();
        }
    };
    let provider = match upload_provider(&state.store, &who, None, Some(contact_id)).await {
        Ok(Some(p)) => p,
        Ok(None) => {
            return refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "contact_person_id",
                lang.t("imports-upload-contact-not-staff"),
                contact,
            )
            .await;
        }
        Err(e) => return PageError::from(e).into_response(),
    };
    let staged = state
        .store
        .stage_import(
            &ctx.actor(),
            NewImport {
                provider,
                contact_person: Some(contact_id),
                file_name: &file_name,
                preview: &preview,
            },
        )
        .await;
    match staged {
        Ok(job) => Redirect::to(&format!("{UPLOAD_PAGE}/{}", job.id)).into_response(),
        Err(StoreError::Invalid(_)) => {
            refuse(
                StatusCode::UNPROCESSABLE_ENTITY,
                "contact_person_id",
                lang.t("imports-upload-contact-not-staff"),
                contact,
            )
            .await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

async fn job_page(state: &AppState, ctx: &Ctx, job: ImportJob) -> Result<Response, StoreError> {
    let lang = ctx.lang;
    let mut issues = Vec::new();
    let mut issues_hidden = 0;
    let mut sample = Vec::new();
    if job.status == ImportStatus::Previewed {
        let all = state.store.import_issues(&job.id).await?;
        issues_hidden = all.len().saturating_sub(ISSUES_SHOWN);
        issues = all
            .iter()
            .take(ISSUES_SHOWN)
            .map(|i| IssueRow {
                row: i.row,
                column: field_label(lang, &i.field),
                message: issue_message(lang, i),
            })
            .collect();
        sample = state
            .store
            .import_staged(&job.id)
            .await?
            .into_iter()
            .take(SAMPLE_ROWS)
            .map(|r| SampleRow {
                row: r.row,
                name: format!("{} {}", r.data.given_name, r.data.family_name),
                email: r.data.email.map(|e| e.to_string()).unwrap_or_default(),
                german_level: r
                    .data
                    .german_level
                    .map(|l| l.to_string())
                    .unwrap_or_default(),
                mother_tongue: r
                    .data
                    .mother_tongue
                    .map(|l| l.as_str().to_owned())
                    .unwrap_or_default(),
            })
            .collect();
        // The preview shows personal data: the read is audited (without names).
        state
            .store
            .audit(&ctx.actor().entry(
                Some(job.provider_id),
                AuditAction::View,
                AuditEntity::ParticipantImport,
                &job.id,
                "preview",
            ))
            .await?;
    }
    let contact_person = match job.contact_person_id {
        Some(id) => state.store.user(id).await.ok().map(|u| u.display_name),
        None => None,
    };
    let running = job.status == ImportStatus::Running;
    let page = JobPage {
        layout: Layout::new(
            ctx,
            UPLOAD_PAGE,
            &format!("imports-job-title-{}", job.status.as_str()),
        ),
        id: job.id.clone(),
        status: job.status.as_str(),
        status_label: status_label(lang, job.status),
        file_name: job.file_name.clone(),
        contact_person,
        total: job.total_rows,
        valid: job.valid_rows,
        with_errors: job.error_rows,
        done: job.done_rows,
        warnings: job
            .warnings
            .iter()
            .map(|w| warning_message(lang, w))
            .collect(),
        issues,
        issues_hidden,
        sample,
        failure: failure_message(lang, &job),
    };
    let mut res = render(&page);
    if running {
        // Reloads the page every second while the import runs (no JavaScript needed).
        res.headers_mut()
            .insert("refresh", HeaderValue::from_static("1"));
    }
    Ok(res)
}

/// `GET /verwaltung/teilnehmende/import/{id}`: preview, progress or result.
pub async fn job(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    let Some(who) = ctx.principal() else {
        return PageError::Forbidden.into_response();
    };
    let result = match visible_job(&state.store, &who, &id).await {
        Ok(job) => job_page(&state, &ctx, job).await,
        Err(e) => Err(e),
    };
    result.unwrap_or_else(|e| PageError::from(e).into_response())
}

/// `POST …/{id}/bestaetigen`: starts the import in the background and shows its progress.
/// A job that is no preview any more just shows its state.
pub async fn confirm(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    let Some(who) = ctx.principal() else {
        return PageError::Forbidden.into_response();
    };
    let job = match visible_job(&state.store, &who, &id).await {
        Ok(j) => j,
        Err(e) => return PageError::from(e).into_response(),
    };
    match state.store.confirm_import(&job.id).await {
        Ok(_) => spawn_run(state.store.clone(), ctx.actor(), job.id.clone()),
        Err(StoreError::Conflict(_)) => {}
        Err(e) => return PageError::from(e).into_response(),
    }
    Redirect::to(&format!("{UPLOAD_PAGE}/{}", job.id)).into_response()
}

/// `POST …/{id}/verwerfen`: deletes the preview's rows; nothing is imported.
pub async fn discard(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    let Some(who) = ctx.principal() else {
        return PageError::Forbidden.into_response();
    };
    let job = match visible_job(&state.store, &who, &id).await {
        Ok(j) => j,
        Err(e) => return PageError::from(e).into_response(),
    };
    match state.store.discard_import(&ctx.actor(), &job.id).await {
        Ok(_) | Err(StoreError::Conflict(_)) => {
            Redirect::to(&format!("{UPLOAD_PAGE}/{}", job.id)).into_response()
        }
        Err(e) => PageError::from(e).into_response(),
    }
}
