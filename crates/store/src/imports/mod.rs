//! CSV imports of participants: a job per uploaded file, the preview's valid rows staged until
//! the user confirms, and the bulk insert.
//!
//! Life of a job: `previewed` (staged rows and row errors stored) → `running` (confirmed) →
//! `done` | `failed`; or `previewed` → `discarded` (by the user, or expired after
//! [`IMPORT_PREVIEW_HOURS`]). When a job ends, its staged rows and row errors (personal data)
//! are deleted; the job keeps only counts.
//!
//! What the preview promises is what is written: e-mail addresses already stored for the
//! provider are row errors of the preview ([`lernweg_participants::import_plan`]), not
//! skipped at confirmation. Should such an address be stored between preview and confirmation,
//! the import fails (`emails_taken`) and writes nothing.
//!
//! All or nothing: the rows are written in batches of [`IMPORT_BATCH_ROWS`] (multi-row
//! INSERTs, 3 + 5 parameters per row, well under SQLite's historic limit of 999; each row's
//! data-processing consent in a second INSERT of 3 + 3 per row) inside ONE
//! transaction, together with the job's `done` status and its audit entry. If a batch fails
//! the transaction is rolled back, no participant of the file exists, and the job is `failed`
//! with the reason. Since other connections cannot see inside the transaction (and SQLite has
//! one writer), progress is published after each batch to an in-process table that
//! [`Store::import_job`] overlays on `done_rows` while the job runs.
//!
//! Several instances: the run is claimed in `import_runs` (one INSERT per job succeeds) with a
//! lease the runner renews; a job whose lease ran out (its process ended) is marked `failed`
//! (`interrupted`) by [`Store::expire_imports`], on any instance.

mod run;

use std::collections::{BTreeMap, HashSet};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use lernweg_domain::paging::PAGE_SIZE;
use lernweg_domain::{Cursor, Limit, PageNo, Paged, ProviderId, Search, Slice, UserId};
use lernweg_participants::import_plan::plan;
use lernweg_participants::{ImportPreview, ParticipantData};
use serde::{Deserialize, Serialize};
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::paging::ListSql;
use crate::{Store, StoreError, time};

/// Rows per INSERT statement.
pub const IMPORT_BATCH_ROWS: usize = 150;
/// Unconfirmed previews are discarded after this many hours.
pub const IMPORT_PREVIEW_HOURS: i64 = 24;
/// A confirmed job that no instance has claimed for this long was interrupted.
pub(crate) const INTERRUPTED_AFTER_HOURS: i64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStatus {
    Previewed,
    Running,
    Done,
    Failed,
    Discarded,
}

impl ImportStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            ImportStatus::Previewed => "previewed",
            ImportStatus::Running => "running",
            ImportStatus::Done => "done",
            ImportStatus::Failed => "failed",
            ImportStatus::Discarded => "discarded",
        }
    }

    /// Every status, in the order of a job's life.
    pub const ALL: [ImportStatus; 5] = [
        ImportStatus::Previewed,
        ImportStatus::Running,
        ImportStatus::Done,
        ImportStatus::Failed,
        ImportStatus::Discarded,
    ];

    /// The status of a code (`as_str`); `None` for anything else.
    pub fn from_code(code: &str) -> Option<ImportStatus> {
        ImportStatus::ALL.into_iter().find(|s| s.as_str() == code)
    }

    fn parse(s: &str) -> Result<Self, StoreError> {
        Ok(match s {
            "previewed" => ImportStatus::Previewed,
            "running" => ImportStatus::Running,
            "done" => ImportStatus::Done,
            "failed" => ImportStatus::Failed,
            "discarded" => ImportStatus::Discarded,
            other => {
                return Err(StoreError::corrupt(
                    "import_jobs",
                    format!("status {other}"),
                ));
            }
        })
    }

    /// Whether the job has ended (its staged rows are gone).
    pub fn is_final(self) -> bool {
        matches!(
            self,
            ImportStatus::Done | ImportStatus::Failed | ImportStatus::Discarded
        )
    }
}

/// A problem of one row as stored: the rules crate's field error with its row.
/// Message id: `participants-error-<key>-<code>`, or `imports-error-<code>` for the key
/// `import`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportIssue {
    pub row: u64,
    pub field: String,
    pub key: String,
    pub code: String,
    #[serde(default)]
    pub args: BTreeMap<String, String>,
}

/// A file-level warning (message id `participants-import-warning-<code>`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportWarning {
    pub code: String,
    #[serde(default)]
    pub args: BTreeMap<String, String>,
}

/// A valid row waiting for confirmation, with the day its data-processing consent was given
/// (recorded together with the participant).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StagedRow {
    pub row: u64,
    pub data: ParticipantData,
    pub consent_given_on: NaiveDate,
}

#[derive(Debug, Clone, Serialize)]
pub struct ImportJob {
    pub id: String,
    pub provider_id: ProviderId,
    pub created_by: Option<UserId>,
    pub contact_person_id: Option<UserId>,
    pub file_name: String,
    /// How the file was read: `utf8`, `utf8_bom`, `utf16_le`, `utf16_be`, `windows1252`.
    pub encoding: String,
    pub status: ImportStatus,
    /// Data rows in the file (empty rows not counted).
    pub total_rows: u64,
    /// Rows that are (or were) to be written.
    pub valid_rows: u64,
    /// Rows with at least one error; `total_rows - valid_rows`.
    pub error_rows: u64,
    /// Rows written so far (live while running).
    pub done_rows: u64,
    /// Why the job failed or was discarded without the user: `emails_taken`, `database`,
    /// `interrupted`, `expired`.
    pub error_code: Option<String>,
    /// Row numbers (`emails_taken`) or the database's message.
    pub error_detail: Option<String>,
    pub warnings: Vec<ImportWarning>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

/// What [`Store::stage_import`] needs.
pub struct NewImport<'a> {
    pub provider: ProviderId,
    /// Assigned to every imported participant: active staff of the provider.
    pub contact_person: Option<UserId>,
    pub file_name: &'a str,
    pub preview: &'a ImportPreview,
}

const COLUMNS: &str = "id, provider_id, created_by, contact_person_id, file_name, encoding, status, \
     total_rows, valid_rows, error_rows, done_rows, error_code, error_detail, warnings, \
     created_at, updated_at, finished_at";

/// What the lists of import jobs are narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ImportFilter {
    /// A provider's jobs; `None` for all.
    pub scope: Option<ProviderId>,
    pub status: Option<ImportStatus>,
    /// In the file name.
    pub search: Option<Search>,
}

impl ImportFilter {
    fn list(&self) -> ListSql {
        ListSql::new(COLUMNS, "import_jobs")
            .scope("provider_id", self.scope)
            .filter("status = {}", self.status.map(ImportStatus::as_str))
            .search(&["file_name"], self.search.as_ref())
    }
}

fn count(r: &AnyRow, col: &str) -> Result<u64, StoreError> {
    Ok(u64::try_from(r.try_get::<i64, _>(col)?).unwrap_or(0))
}

fn user_id(r: &AnyRow, col: &str) -> Result<Option<UserId>, StoreError> {
    r.try_get::<Option<String>, _>(col)?
        .map(|s| UserId::parse(&s))
        .transpose()
        .map_err(|e| StoreError::corrupt("import_jobs", e))
}

fn from_row(r: &AnyRow) -> Result<ImportJob, StoreError> {
    let id: String = r.try_get("id")?;
    let status = ImportStatus::parse(&r.try_get::<String, _>("status")?)?;
    let mut done_rows = count(r, "done_rows")?;
    if status == ImportStatus::Running
        && let Some(live) = run::live_get(&id)
    {
        done_rows = live;
    }
    Ok(ImportJob {
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?)
            .map_err(|e| StoreError::corrupt("import_jobs", e))?,
        created_by: user_id(r, "created_by")?,
        contact_person_id: user_id(r, "contact_person_id")?,
        file_name: r.try_get("file_name")?,
        encoding: r.try_get("encoding")?,
        status,
        total_rows: count(r, "total_rows")?,
        valid_rows: count(r, "valid_rows")?,
        error_rows: count(r, "error_rows")?,
        done_rows,
        error_code: r.try_get("error_code")?,
        error_detail: r.try_get("error_detail")?,
        warnings: serde_json::from_str(&r.try_get::<String, _>("warnings")?)
            .map_err(|e| StoreError::corrupt("import_jobs", e))?,
        created_at: time::parse("import_jobs", &r.try_get::<String, _>("created_at")?)?,
        updated_at: time::parse("import_jobs", &r.try_get::<String, _>("updated_at")?)?,
        finished_at: time::parse_opt("import_jobs", r.try_get("finished_at")?)?,
        id,
    })
}

fn to_json<T: Serialize>(v: &T) -> Result<String, StoreError> {
    serde_json::to_string(v).map_err(|e| StoreError::corrupt("import_jobs", e))
}

fn args_map(args: &[(&'static str, String)]) -> BTreeMap<String, String> {
    args.iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect()
}

/// The conflict of acting on a job in `status` that only a preview allows.
fn not_previewed(status: ImportStatus) -> StoreError {
    StoreError::Conflict(match status {
        ImportStatus::Previewed => "the preview has expired; upload the file again",
        ImportStatus::Running => "the import is already running",
        ImportStatus::Done => "the import has already been done",
        ImportStatus::Failed => "the import has failed; upload the file again",
        ImportStatus::Discarded => "the import was discarded; upload the file again",
    })
}

/// Lower-case e-mail addresses of a provider's participants.
pub(crate) async fn stored_emails<'e, E>(
    exec: E,
    provider: ProviderId,
) -> Result<HashSet<String>, sqlx::Error>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let rows: Vec<String> = sqlx::query_scalar(
        "SELECT email FROM participants WHERE provider_id = $1 AND email IS NOT NULL",
    )
    .bind(provider.to_string())
    .fetch_all(exec)
    .await?;
    Ok(rows.into_iter().map(|e| e.to_lowercase()).collect())
}

impl Store {
    /// Keeps a preview as a job: its valid rows minus e-mail addresses already stored for the
    /// provider, and every row error. Nothing is written to `participants`.
    pub async fn stage_import(
        &self,
        actor: &Actor,
        new: NewImport<'_>,
    ) -> Result<ImportJob, StoreError> {
        self.provider(new.provider).await?;
        self.check_contact_person(new.provider, new.contact_person)
            .await?;
        let stored = stored_emails(&self.pool, new.provider).await?;
        let p = plan(new.preview, &stored);
        let issues: Vec<ImportIssue> = p
            .issues
            .iter()
            .map(|i| ImportIssue {
                row: i.row as u64,
                field: i.error.field.clone(),
                key: i.error.key.to_owned(),
                code: i.error.code.to_owned(),
                args: args_map(&i.error.args),
            })
            .collect();
        let staged: Vec<StagedRow> = p
            .ready
            .iter()
            .map(|r| StagedRow {
                row: r.row as u64,
                data: r.data.clone(),
                consent_given_on: r.consent_given_on,
            })
            .collect();
        let warnings: Vec<ImportWarning> = new
            .preview
            .warnings
            .iter()
            .map(|w| ImportWarning {
                code: w.code.to_owned(),
                args: args_map(&w.args),
            })
            .collect();
        let encoding = serde_json::to_value(new.preview.encoding)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        let file_name: String = new.file_name.trim().chars().take(200).collect();
        let id = Uuid::now_v7().to_string();
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO import_jobs (id, provider_id, created_by, contact_person_id, file_name, encoding, status, \
             total_rows, valid_rows, error_rows, done_rows, warnings, issues, staged, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 'previewed', $7, $8, $9, 0, $10, $11, $12, $13, $13)",
        )
        .bind(&id)
        .bind(new.provider.to_string())
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(new.contact_person.map(|u| u.to_string()))
        .bind(&file_name)
        .bind(&encoding)
        .bind(p.total as i64)
        .bind(p.ready.len() as i64)
        .bind(p.error_rows as i64)
        .bind(to_json(&warnings)?)
        .bind(to_json(&issues)?)
        .bind(to_json(&staged)?)
        .bind(&now)
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(new.provider),
                AuditAction::Create,
                AuditEntity::ParticipantImport,
                &id,
                format!(
                    "preview: {} rows, {} valid, {} with errors",
                    p.total,
                    p.ready.len(),
                    p.error_rows
                ),
            ),
        )
        .await?;
        tx.commit().await?;
        self.import_job(&id).await
    }

    pub async fn import_job(&self, id: &str) -> Result<ImportJob, StoreError> {
        self.fetch_one(
            "SELECT id, provider_id, created_by, contact_person_id, file_name, encoding, status, \
             total_rows, valid_rows, error_rows, done_rows, error_code, error_detail, warnings, \
             created_at, updated_at, finished_at FROM import_jobs WHERE id = $1",
            id,
            from_row,
        )
        .await
    }

    /// The newest jobs of a provider (or of all), at most 50.
    pub async fn import_jobs(
        &self,
        scope: Option<ProviderId>,
    ) -> Result<Vec<ImportJob>, StoreError> {
        Ok(crate::paging::ListSql::new(COLUMNS, "import_jobs")
            .scope("provider_id", scope)
            .page(
                self,
                "created_at DESC, id DESC",
                lernweg_domain::PageNo::FIRST,
                50,
                from_row,
            )
            .await?
            .items)
    }

    /// One page of the jobs that match, newest first.
    pub async fn import_page(
        &self,
        filter: &ImportFilter,
        page: PageNo,
    ) -> Result<Paged<ImportJob>, StoreError> {
        filter
            .list()
            .page(self, "created_at DESC, id DESC", page, PAGE_SIZE, from_row)
            .await
    }

    /// The jobs that match after `cursor`, newest first: at most `limit`.
    pub async fn imports_after(
        &self,
        filter: &ImportFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<ImportJob>, StoreError> {
        filter
            .list()
            .after(
                self,
                Some("created_at"),
                "id",
                true,
                cursor,
                limit,
                from_row,
                |j| Cursor::new(time::fmt(j.created_at), j.id.clone()),
            )
            .await
    }

    /// The row errors of a job, by row (empty once the job has ended).
    pub async fn import_issues(&self, id: &str) -> Result<Vec<ImportIssue>, StoreError> {
        let raw: Option<String> =
            sqlx::query_scalar("SELECT issues FROM import_jobs WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
        match raw {
            Some(s) => serde_json::from_str(&s).map_err(|e| StoreError::corrupt("import_jobs", e)),
            None => Ok(Vec::new()),
        }
    }

    /// The rows a confirmation would write (empty once the job has ended).
    pub async fn import_staged(&self, id: &str) -> Result<Vec<StagedRow>, StoreError> {
        let raw: Option<String> =
            sqlx::query_scalar("SELECT staged FROM import_jobs WHERE id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
        match raw {
            Some(s) => serde_json::from_str(&s).map_err(|e| StoreError::corrupt("import_jobs", e)),
            None => Ok(Vec::new()),
        }
    }

    /// Discards a preview: its staged rows and row errors are deleted. `Conflict` unless the
    /// job is a preview.
    pub async fn discard_import(&self, actor: &Actor, id: &str) -> Result<ImportJob, StoreError> {
        let job = self.import_job(id).await?;
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE import_jobs SET status = 'discarded', staged = NULL, issues = NULL, \
             finished_at = $1, updated_at = $1 WHERE id = $2 AND status = 'previewed'",
        )
        .bind(&now)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(not_previewed(self.import_job(id).await?.status));
        }
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(job.provider_id),
                AuditAction::Delete,
                AuditEntity::ParticipantImport,
                id,
                "preview discarded",
            ),
        )
        .await?;
        tx.commit().await?;
        self.import_job(id).await
    }

    /// Confirms a preview: the job becomes `running` (exactly once: a second confirmation,
    /// or one of a discarded or expired preview, is a `Conflict`). The caller then runs
    /// [`Store::run_import`], typically in a background task.
    pub async fn confirm_import(&self, id: &str) -> Result<ImportJob, StoreError> {
        let job = self.import_job(id).await?;
        if job.status == ImportStatus::Previewed
            && job.created_at < self.now() - Duration::hours(IMPORT_PREVIEW_HOURS)
        {
            self.expire_imports(self.now()).await?;
            return Err(not_previewed(ImportStatus::Previewed));
        }
        let now = time::fmt(self.now());
        let done = sqlx::query(
            "UPDATE import_jobs SET status = 'running', updated_at = $1 \
             WHERE id = $2 AND status = 'previewed'",
        )
        .bind(&now)
        .bind(id)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 0 {
            return Err(not_previewed(self.import_job(id).await?.status));
        }
        run::live_set(id, Some(0));
        self.import_job(id).await
    }
}

#[cfg(feature = "test-support")]
pub use run::fail_import_at_batch;
