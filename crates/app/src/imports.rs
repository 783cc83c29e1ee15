//! CSV import of participants (issue 5, point 10): upload → preview with the errors per row →
//! confirm (written in a background task, all or nothing) or discard. The rules of reading a
//! file are `lernweg_participants::import`'s, the job's life and the bulk insert the store's
//! (`lernweg_store::imports`); here are tenancy, "now" from the clock, the audit of previews
//! and the background run.
//!
//! Job ids are strings (UUIDs written by the store); there is no domain id type for them. An
//! id that is no UUID, names no job, or a job of another provider is [`AppError::NotFound`].

use lernweg_domain::{
    Cursor, Limit, PageNo, Paged, ParseError, Principal, ProviderId, Search, Slice, UserId,
};
use lernweg_participants::ImportPreview;
use lernweg_participants::import_plan::not_text;
use lernweg_store::{Actor, AuditAction, AuditEntity, ImportFilter, NewImport, StoreError, User};

pub use lernweg_store::{ImportIssue, ImportJob, ImportStatus, StagedRow};

use crate::{App, AppError, Caller};

/// The field of every refusal of the file itself (its code says why: a kind of
/// `lernweg_participants::import_plan::not_text`, or a code of
/// `lernweg_participants::import::IMPORT_ERROR_CODES`; its message carries the detail).
pub const FILE_FIELD: &str = "file";

/// What an upload brings.
#[derive(Debug, Clone)]
pub struct Upload {
    /// The file's bytes, as sent.
    pub bytes: Vec<u8>,
    /// The original file name, for the list of imports.
    pub file_name: String,
    /// Assigned as contact person to every imported participant (active staff of the
    /// provider).
    pub contact_person: Option<UserId>,
    /// Only for the admin, who belongs to no provider: the provider named (else that of the
    /// contact person).
    pub provider: Option<ProviderId>,
}

/// Reads and checks a file and keeps its preview as a job; nothing is written to the
/// participants yet. A file that cannot be previewed at all is `Invalid` in [`FILE_FIELD`];
/// an admin's upload naming neither a provider nor a contact person of one is `Invalid` in
/// `provider_id` (`required`); a contact person who is no active staff of the provider is
/// `Invalid` in `contact_person_id`. The store audits the new job.
pub async fn upload(app: &App, caller: &Caller, upload: Upload) -> Result<ImportJob, AppError> {
    let preview = read(app, upload.bytes).await?;
    let provider = upload_provider(
        app,
        &caller.principal,
        upload.provider,
        upload.contact_person,
    )
    .await?
    .ok_or_else(|| {
        AppError::invalid(ParseError::new(
            "provider_id",
            "required",
            "the admin names the provider (provider_id) or a contact person of it",
        ))
    })?;
    let new = NewImport {
        provider,
        contact_person: upload.contact_person,
        file_name: &upload.file_name,
        preview: &preview,
    };
    Ok(app.store.stage_import(&caller.actor, new).await?)
}

/// The preview of the bytes, read off the async threads (10 MB of CSV is CPU work), with
/// "today" from the clock bounding birth years and consent dates.
async fn read(app: &App, bytes: Vec<u8>) -> Result<ImportPreview, AppError> {
    let today = app.today();
    let read = tokio::task::spawn_blocking(move || {
        if let Some(kind) = not_text(&bytes) {
            return Err(ParseError::new(FILE_FIELD, kind, String::new()));
        }
        lernweg_participants::preview_csv(&bytes, today)
            .map_err(|e| ParseError::new(FILE_FIELD, e.code, e.detail))
    })
    .await
    .map_err(|e| AppError::Internal(format!("import preview panicked: {e}")))?;
    Ok(read?)
}

/// The provider an upload belongs to: the caller's own; the admin's is that of the named
/// provider or, failing that, of the contact person (none if neither names one).
async fn upload_provider(
    app: &App,
    who: &Principal,
    named: Option<ProviderId>,
    contact: Option<UserId>,
) -> Result<Option<ProviderId>, AppError> {
    if let Some(own) = who.provider_scope() {
        return Ok(Some(own));
    }
    if named.is_some() {
        return Ok(named);
    }
    match contact {
        Some(c) => match app.store.user(c).await {
            Ok(u) => Ok(u.provider_id),
            Err(StoreError::NotFound) => Ok(None),
            Err(e) => Err(e.into()),
        },
        None => Ok(None),
    }
}

/// The job if the caller may see it: another provider's job, an unknown id and one that is
/// no UUID are `NotFound`.
pub async fn visible_job(app: &App, who: &Principal, id: &str) -> Result<ImportJob, AppError> {
    if uuid::Uuid::parse_str(id).is_err() {
        return Err(AppError::NotFound);
    }
    let job = app.store.import_job(id).await?;
    if !who.can_access_provider(job.provider_id) {
        return Err(AppError::NotFound);
    }
    Ok(job)
}

/// What a list of import jobs is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct JobQuery {
    pub status: Option<ImportStatus>,
    /// In the file name.
    pub search: Option<Search>,
}

impl JobQuery {
    fn filter(&self, who: &Principal) -> ImportFilter {
        ImportFilter {
            scope: who.provider_scope(),
            status: self.status,
            search: self.search.clone(),
        }
    }
}

/// One page of the import jobs of the caller's provider (all for the admin), newest first.
pub async fn job_page(
    app: &App,
    who: &Principal,
    query: &JobQuery,
    page: PageNo,
) -> Result<Paged<ImportJob>, AppError> {
    Ok(app.store.import_page(&query.filter(who), page).await?)
}

/// The import jobs of the caller's provider (all for the admin) after `cursor`, newest first.
pub async fn jobs_after(
    app: &App,
    who: &Principal,
    query: &JobQuery,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<ImportJob>, AppError> {
    Ok(app
        .store
        .imports_after(&query.filter(who), cursor, limit)
        .await?)
}

/// The row errors of a job while it is a preview (empty once it has ended). They quote
/// values of the file, so the read is audited; `seen_by` names the way in (`"preview"`,
/// `"api: preview"`).
pub async fn issues(
    app: &App,
    caller: &Caller,
    job: &ImportJob,
    seen_by: &str,
) -> Result<Vec<ImportIssue>, AppError> {
    if job.status != ImportStatus::Previewed {
        return Ok(Vec::new());
    }
    caller.ensure_provider(job.provider_id)?;
    audit_preview(app, &caller.actor, job, seen_by).await?;
    Ok(app.store.import_issues(&job.id).await?)
}

/// The first `limit` rows a confirmation would write, while the job is a preview (empty once
/// it has ended). Read together with [`issues`], whose audit entry covers this read.
pub async fn sample(
    app: &App,
    caller: &Caller,
    job: &ImportJob,
    limit: usize,
) -> Result<Vec<StagedRow>, AppError> {
    if job.status != ImportStatus::Previewed {
        return Ok(Vec::new());
    }
    caller.ensure_provider(job.provider_id)?;
    let mut rows = app.store.import_staged(&job.id).await?;
    rows.truncate(limit);
    Ok(rows)
}

/// The contact person of a job's participants, if one was named and still exists.
pub async fn contact_person(app: &App, job: &ImportJob) -> Result<Option<User>, AppError> {
    let Some(id) = job.contact_person_id else {
        return Ok(None);
    };
    match app.store.user(id).await {
        Ok(u) => Ok(Some(u)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

async fn audit_preview(
    app: &App,
    actor: &Actor,
    job: &ImportJob,
    seen_by: &str,
) -> Result<(), AppError> {
    let entry = actor.entry(
        Some(job.provider_id),
        AuditAction::View,
        AuditEntity::ParticipantImport,
        &job.id,
        seen_by,
    );
    Ok(app.store.audit_read(&entry).await?)
}

/// Confirms a preview the caller may see and starts writing its valid rows in a background
/// task (all or nothing; its outcome is read from the job). Returns the running job. A job
/// that is no preview any more (confirmed before, discarded, expired) is a `Conflict`.
/// Needs a Tokio runtime.
pub async fn confirm(app: &App, caller: &Caller, id: &str) -> Result<ImportJob, AppError> {
    let job = visible_job(app, &caller.principal, id).await?;
    let running = app.store.confirm_import(&job.id).await?;
    spawn_run(app, caller.actor.clone(), job.id);
    Ok(running)
}

/// Runs a confirmed import in a background task (the store claims the run first, so that it
/// happens on one instance only).
pub(crate) fn spawn_run(app: &App, actor: Actor, id: String) {
    let store = app.store.clone();
    tokio::spawn(async move {
        if let Err(e) = store.run_import(&actor, &id).await {
            tracing::error!(job = %id, error = %e, "participant import could not be ended");
        }
    });
}

/// Discards a preview the caller may see: its staged rows and row errors are deleted,
/// nothing is imported. A job that is no preview is a `Conflict`.
pub async fn discard(app: &App, caller: &Caller, id: &str) -> Result<ImportJob, AppError> {
    let job = visible_job(app, &caller.principal, id).await?;
    Ok(app.store.discard_import(&caller.actor, &job.id).await?)
}

/// Discards previews older than `lernweg_store::IMPORT_PREVIEW_HOURS` as of the clock's now
/// and marks jobs left running by an ended process as failed. Returns how many previews
/// expired. Run when the import page is opened.
pub async fn expire(app: &App) -> Result<usize, AppError> {
    Ok(app.store.expire_imports(app.clock.now_utc()).await?)
}
