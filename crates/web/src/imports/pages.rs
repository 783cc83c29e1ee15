//! The import pages: the upload form with the expected columns and an example file, and one
//! page per job that shows the preview (counts, errors per row, the first rows, confirm or
//! discard), the progress while it runs (reloading itself every second through the `Refresh`
//! header, no JavaScript), and the result.

use askama::Template;
use axum::Extension;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use lernweg_app::imports::{self, FILE_FIELD, ImportJob, ImportStatus, JobQuery};
use lernweg_app::{AppError, Caller};
use lernweg_domain::{ParseError, UserId};

use super::{
    FILE_LIMIT, UPLOAD_PAGE, Upload, failure_message, field_label, file_refusal_id, issue_message,
    warning_message,
};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::list_search::{ListFilter, ListSearch};
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::participants::{staff_choices, staff_of};
use crate::pages::{Layout, render};
use crate::paging::{PageParams, Pager};

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
    pub search: ListSearch,
    pub pager: Pager,
}

/// `?page=`, `?q=` (in the file name) and `?status=` of the list of jobs on the upload page.
#[derive(Debug, Default, Clone, serde::Deserialize)]
pub struct JobListQuery {
    #[serde(flatten)]
    paging: PageParams,
    #[serde(default)]
    status: String,
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
    list: &JobListQuery,
) -> Result<FormPage, PageError> {
    let lang = ctx.lang;
    let who = ctx.principal().ok_or(PageError::Forbidden)?;
    let staff = staff_of(state, who.provider_scope()).await?;
    let default = ctx
        .user
        .as_ref()
        .filter(|_| selected.is_empty())
        .map(|u| u.id.to_string())
        .unwrap_or_else(|| selected.to_owned());
    let zone = state.app.clock.now().timezone();
    let query = JobQuery {
        status: ImportStatus::from_code(&list.status),
        search: list.paging.search(),
    };
    let found = imports::job_page(&state.app, &who, &query, list.paging.page()).await?;
    let status_code = query.status.map(ImportStatus::as_str).unwrap_or_default();
    let pager = Pager::new(
        lang,
        &found,
        UPLOAD_PAGE,
        &[("q", &list.paging.q), ("status", status_code)],
    );
    let search = ListSearch::new(
        lang,
        UPLOAD_PAGE,
        "imports-list-search",
        &list.paging.q,
        vec![ListFilter::new(
            lang,
            "status",
            "col-status",
            status_code,
            ImportStatus::ALL
                .iter()
                .map(|s| (s.as_str().to_owned(), status_label(lang, *s)))
                .collect(),
        )],
    );
    let jobs = found
        .items
        .into_iter()
        .map(|j| JobRow {
            href: format!("{UPLOAD_PAGE}/{}", j.id),
            created: j
                .created_at
                .with_timezone(&zone)
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
        search,
        pager,
    })
}

/// Why an upload is shown again with a message instead of its preview.
struct Refusal {
    status: StatusCode,
    field: &'static str,
    message: String,
}

impl Refusal {
    fn file(status: StatusCode, message: String) -> Refusal {
        Refusal {
            status,
            field: "file",
            message,
        }
    }

    fn unreadable(lang: Lang) -> Refusal {
        Refusal::file(StatusCode::BAD_REQUEST, lang.t("imports-upload-unreadable"))
    }

    fn too_large(lang: Lang) -> Refusal {
        Refusal::file(
            StatusCode::PAYLOAD_TOO_LARGE,
            lang.t_args("imports-upload-too-large", &[("max", mb(lang))]),
        )
    }

    fn contact(message: String) -> Refusal {
        Refusal {
            status: StatusCode::UNPROCESSABLE_ENTITY,
            field: "contact_person_id",
            message,
        }
    }

    /// A use-case's `Invalid`: the file itself, or the contact person (who names the
    /// provider).
    fn invalid(lang: Lang, errors: Vec<ParseError>) -> Refusal {
        match errors.into_iter().find(|e| e.field == FILE_FIELD) {
            Some(e) => Refusal::file(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang.t_args(&file_refusal_id(e.code), &[("detail", e.message)]),
            ),
            None => Refusal::contact(lang.t("imports-upload-contact-not-staff")),
        }
    }
}

async fn show_form(
    state: &AppState,
    ctx: &Ctx,
    status: StatusCode,
    errors: FormErrors,
    selected: &str,
    list: &JobListQuery,
) -> Result<Response, PageError> {
    let page = form_page(state, ctx, errors, selected, list).await?;
    Ok((status, render(&page)).into_response())
}

/// `GET /verwaltung/teilnehmende/import`: the upload form and the list of jobs (`?page=`,
/// `?q=`, `?status=`). Expired previews are cleaned up.
pub async fn form(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(list): Query<JobListQuery>,
) -> Result<Response, PageError> {
    imports::expire(&state.app).await?;
    show_form(
        &state,
        &ctx,
        StatusCode::OK,
        FormErrors::default(),
        "",
        &list,
    )
    .await
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

/// Reads the form into an upload; `contact` keeps the contact person sent, for showing the
/// form again.
async fn read_form(
    lang: Lang,
    multipart: Result<Multipart, MultipartRejection>,
    contact: &mut String,
) -> Result<imports::Upload, Refusal> {
    let mut multipart = multipart.map_err(|_| Refusal::unreadable(lang))?;
    let mut file_name = String::new();
    let mut file: Option<Upload> = None;
    loop {
        let mut field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(Refusal::too_large(lang));
            }
            Err(_) => return Err(Refusal::unreadable(lang)),
        };
        match field.name() {
            Some("contact_person_id") => *contact = field.text().await.unwrap_or_default(),
            Some("file") => {
                file_name = field.file_name().unwrap_or("").to_owned();
                file = match read_field(&mut field).await {
                    Ok(u) => Some(u),
                    Err(StatusCode::PAYLOAD_TOO_LARGE) => Some(Upload::TooLarge),
                    Err(_) => return Err(Refusal::unreadable(lang)),
                };
            }
            _ => {
                if read_field(&mut field).await.is_err() {
                    file = Some(Upload::TooLarge);
                }
            }
        }
    }
    let bytes = match file {
        Some(Upload::TooLarge) => return Err(Refusal::too_large(lang)),
        Some(Upload::Bytes(b)) if !b.is_empty() => b,
        _ => {
            return Err(Refusal::file(
                StatusCode::UNPROCESSABLE_ENTITY,
                lang.t("imports-upload-no-file"),
            ));
        }
    };
    let contact_person = UserId::parse(contact.trim())
        .map_err(|_| Refusal::contact(lang.t("imports-upload-contact-required")))?;
    Ok(imports::Upload {
        bytes,
        file_name,
        contact_person: Some(contact_person),
        provider: None,
    })
}

/// `POST /verwaltung/teilnehmende/import` (multipart: `csrf` first, `contact_person_id`,
/// `file`): reads and checks the file and shows its preview; nothing is written yet.
pub async fn upload(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let caller = ctx.caller().ok_or(PageError::Forbidden)?;
    let mut contact = String::new();
    let refusal = match read_form(lang, multipart, &mut contact).await {
        Ok(upload) => match imports::upload(&state.app, &caller, upload).await {
            Ok(job) => return Ok(to_job(&job.id)),
            Err(AppError::Invalid(errors)) => Refusal::invalid(lang, errors),
            Err(e) => return Err(e.into()),
        },
        Err(r) => r,
    };
    let mut errors = FormErrors::default();
    errors.0.insert(refusal.field.to_owned(), refusal.message);
    show_form(
        &state,
        &ctx,
        refusal.status,
        errors,
        &contact,
        &JobListQuery::default(),
    )
    .await
}

fn to_job(id: &str) -> Response {
    Redirect::to(&format!("{UPLOAD_PAGE}/{id}")).into_response()
}

async fn job_page(
    state: &AppState,
    ctx: &Ctx,
    caller: &Caller,
    job: ImportJob,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    // The preview shows personal data: the read is audited (without names).
    let all = imports::issues(&state.app, caller, &job, "preview").await?;
    let issues_hidden = all.len().saturating_sub(ISSUES_SHOWN);
    let issues = all
        .iter()
        .take(ISSUES_SHOWN)
        .map(|i| IssueRow {
            row: i.row,
            column: field_label(lang, &i.field),
            message: issue_message(lang, i),
        })
        .collect();
    let sample = imports::sample(&state.app, caller, &job, SAMPLE_ROWS)
        .await?
        .into_iter()
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
                .map(|l| lang.language_name(l.as_str()))
                .unwrap_or_default(),
        })
        .collect();
    let contact_person = imports::contact_person(&state.app, &job)
        .await?
        .map(|u| u.display_name);
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

/// `GET /verwaltung/teilnehmende/import/{id}`: preview, progress or result. The job id is
/// a string (no domain id type): the use-case answers an unknown or malformed one with 404.
pub async fn job(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let caller = ctx.caller().ok_or(PageError::Forbidden)?;
    let job = imports::visible_job(&state.app, &caller.principal, &id).await?;
    job_page(&state, &ctx, &caller, job).await
}

/// `POST …/{id}/bestaetigen`: starts the import in the background and shows its progress.
/// A job that is no preview any more just shows its state.
pub async fn confirm(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let caller = ctx.caller().ok_or(PageError::Forbidden)?;
    match imports::confirm(&state.app, &caller, &id).await {
        Ok(job) => Ok(to_job(&job.id)),
        Err(AppError::Conflict(_)) => Ok(to_job(&id)),
        Err(e) => Err(e.into()),
    }
}

/// `POST …/{id}/verwerfen`: deletes the preview's rows; nothing is imported. A job that is
/// no preview any more just shows its state.
pub async fn discard(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Result<Response, PageError> {
    let caller = ctx.caller().ok_or(PageError::Forbidden)?;
    match imports::discard(&state.app, &caller, &id).await {
        Ok(job) => Ok(to_job(&job.id)),
        Err(AppError::Conflict(_)) => Ok(to_job(&id)),
        Err(e) => Err(e.into()),
    }
}
