//! Running a confirmed import: the one transaction with its batches, the live progress,
//! failure handling, and the clean-up of expired previews and interrupted jobs.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

use super::{
    IMPORT_BATCH_ROWS, IMPORT_PREVIEW_HOURS, INTERRUPTED_AFTER_HOURS, ImportJob, ImportStatus,
    StagedRow, stored_emails,
};
use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::{Store, StoreError, time};

/// How long a claim of an import run holds without renewal.
const LEASE: Duration = Duration::minutes(2);
/// How often a running import renews its lease.
const RENEW_EVERY: std::time::Duration = std::time::Duration::from_secs(30);

/// The outcome of claiming an import run.
enum Claim {
    /// This call claimed it: run it.
    Won,
    /// This instance claimed it before (another task runs it).
    Ours,
    /// Another instance runs it.
    Theirs,
}

impl Store {
    /// Claims the run of a confirmed import for this instance: one INSERT that only one
    /// instance (and one task) can make.
    async fn claim_import(&self, id: &str) -> Result<Claim, StoreError> {
        let won = sqlx::query(
            "INSERT INTO import_runs (job_id, claimed_by, lease_until) VALUES ($1, $2, $3) \
             ON CONFLICT (job_id) DO NOTHING",
        )
        .bind(id)
        .bind(self.instance_id())
        .bind(time::fmt(self.now() + LEASE))
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1;
        if won {
            return Ok(Claim::Won);
        }
        let by: Option<String> =
            sqlx::query_scalar("SELECT claimed_by FROM import_runs WHERE job_id = $1")
                .bind(id)
                .fetch_optional(&self.pool)
                .await?;
        Ok(match by {
            Some(by) if by == self.instance_id() => Claim::Ours,
            _ => Claim::Theirs,
        })
    }

    /// Renews the lease of the run of `id` every [`RENEW_EVERY`] until the returned task is
    /// aborted. (On SQLite the renewal waits behind the import's write transaction; a failed
    /// renewal is logged and tried again.)
    fn renew_lease_while_running(&self, id: &str) -> tokio::task::JoinHandle<()> {
        let (store, id) = (self.clone(), id.to_owned());
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(RENEW_EVERY).await;
                let renewed = sqlx::query(
                    "UPDATE import_runs SET lease_until = $1 WHERE job_id = $2 AND claimed_by = $3",
                )
                .bind(time::fmt(store.now() + LEASE))
                .bind(&id)
                .bind(store.instance_id())
                .execute(&store.pool)
                .await;
                if let Err(e) = renewed {
                    tracing::warn!(job = %id, error = %e, "renewing the import's lease failed");
                }
            }
        })
    }

    /// Forgets the claim of an ended run.
    async fn release_import(&self, id: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM import_runs WHERE job_id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Confirmed imports no instance has claimed yet (e.g. the confirming process ended
    /// before it started the run): each instance's runner looks for them.
    pub async fn unclaimed_imports(&self) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT j.id FROM import_jobs j LEFT JOIN import_runs r ON r.job_id = j.id \
             WHERE j.status = 'running' AND r.job_id IS NULL ORDER BY j.created_at",
        )
        .fetch_all(&self.pool)
        .await?)
    }
}

/// Progress of the jobs this process is running: job id → rows written.
static LIVE: LazyLock<Mutex<HashMap<String, u64>>> = LazyLock::new(Default::default);

pub(super) fn live_set(id: &str, done: Option<u64>) {
    let mut live = LIVE.lock().unwrap_or_else(|e| e.into_inner());
    match done {
        Some(n) => {
            live.insert(id.to_owned(), n);
        }
        None => {
            live.remove(id);
        }
    }
}

pub(super) fn live_get(id: &str) -> Option<u64> {
    LIVE.lock()
        .unwrap_or_else(|e| e.into_inner())
        .get(id)
        .copied()
}

#[cfg(feature = "test-support")]
static FAIL_AT: LazyLock<Mutex<HashMap<String, usize>>> = LazyLock::new(Default::default);

/// Test support: the run of job `id` fails before writing batch `batch` (0-based), as a
/// database error would.
#[cfg(feature = "test-support")]
pub fn fail_import_at_batch(id: &str, batch: usize) {
    FAIL_AT
        .lock()
        .unwrap_or_else(|e| e.into_inner())
        .insert(id.to_owned(), batch);
}

#[cfg(feature = "test-support")]
fn injected_failure(id: &str, batch: usize) -> Result<(), RunError> {
    let fail = FAIL_AT.lock().unwrap_or_else(|e| e.into_inner()).get(id) == Some(&batch);
    if fail {
        return Err(RunError::new(
            "database",
            format!("injected failure at batch {batch}"),
        ));
    }
    Ok(())
}

#[cfg(not(feature = "test-support"))]
fn injected_failure(_id: &str, _batch: usize) -> Result<(), RunError> {
    Ok(())
}

/// Why a run failed.
struct RunError {
    code: &'static str,
    detail: String,
}

impl RunError {
    fn new(code: &'static str, detail: impl Into<String>) -> Self {
        RunError {
            code,
            detail: detail.into(),
        }
    }
}

impl From<sqlx::Error> for RunError {
    fn from(e: sqlx::Error) -> Self {
        RunError::new("database", e.to_string())
    }
}

/// Records the data-processing consent of each row of a batch (participant `ids`, same order)
/// in the import's transaction: one multi-row INSERT, 3 + 3 parameters per row.
async fn consents(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    actor: &Actor,
    chunk: &[StagedRow],
    ids: &[String],
    now: &str,
) -> Result<(), RunError> {
    let mut sql = String::with_capacity(96 + chunk.len() * 32);
    sql.push_str(
        "INSERT INTO consents (id, participant_id, scope, given_on, recorded_by, created_at) VALUES ",
    );
    for i in 0..chunk.len() {
        let b = 4 + i * 3;
        if i > 0 {
            sql.push_str(", ");
        }
        sql.push_str(&format!("(${b}, ${}, $1, ${}, $2, $3)", b + 1, b + 2));
    }
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(lernweg_participants::ConsentScope::DataProcessing.code())
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(now.to_owned());
    for (r, id) in chunk.iter().zip(ids) {
        q = q
            .bind(Uuid::now_v7().to_string())
            .bind(id.clone())
            .bind(r.consent_given_on.to_string());
    }
    q.execute(&mut **tx).await?;
    Ok(())
}

impl Store {
    /// Writes the staged rows of a confirmed (`running`) job with their data-processing
    /// consents, all or nothing, and ends it:
    /// `done` with `done_rows = valid_rows`, or `failed` with the reason and nothing written.
    /// Either way the staged rows are deleted. Returns the ended job.
    ///
    /// The run is claimed first (one instance per job, see [`Store::claim_import`]); when
    /// another instance or task has it, nothing is done and the job is returned as it is. The
    /// lease is renewed while the rows are written.
    pub async fn run_import(&self, actor: &Actor, id: &str) -> Result<ImportJob, StoreError> {
        let job = self.import_job(id).await?;
        if job.status != ImportStatus::Running {
            live_set(id, None);
            return Err(StoreError::Conflict("the import is not confirmed"));
        }
        match self.claim_import(id).await? {
            Claim::Won => {}
            Claim::Ours => return Ok(job),
            Claim::Theirs => {
                live_set(id, None);
                return Ok(job);
            }
        }
        live_set(id, Some(0));
        let renewal = self.renew_lease_while_running(id);
        let result = self.write_rows(actor, &job).await;
        renewal.abort();
        live_set(id, None);
        if let Err(e) = result {
            tracing::warn!(job = id, code = e.code, detail = %e.detail, "participant import failed");
            let now = time::fmt(self.now());
            let mut tx = self.pool.begin().await?;
            sqlx::query(
                "UPDATE import_jobs SET status = 'failed', done_rows = 0, error_code = $1, \
                 error_detail = $2, staged = NULL, issues = NULL, finished_at = $3, updated_at = $3 \
                 WHERE id = $4 AND status = 'running'",
            )
            .bind(e.code)
            .bind(&e.detail)
            .bind(&now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
            audit::write(
                self.now(),
                &mut *tx,
                &actor.entry(
                    Some(job.provider_id),
                    AuditAction::Update,
                    AuditEntity::ParticipantImport,
                    id,
                    format!("failed ({}): nothing imported", e.code),
                ),
            )
            .await?;
            tx.commit().await?;
        }
        self.release_import(id).await?;
        self.import_job(id).await
    }

    /// The one transaction of an import.
    async fn write_rows(&self, actor: &Actor, job: &ImportJob) -> Result<(), RunError> {
        let rows = self
            .import_staged(&job.id)
            .await
            .map_err(|e| RunError::new("database", e.to_string()))?;
        let mut tx = self.pool.begin().await?;
        // Write first, so that SQLite takes the write lock before the read below; then check
        // that what the preview promised still holds: no address has been stored since.
        sqlx::query("UPDATE import_jobs SET updated_at = $1 WHERE id = $2")
            .bind(time::fmt(self.now()))
            .bind(&job.id)
            .execute(&mut *tx)
            .await?;
        let stored = stored_emails(&mut *tx, job.provider_id).await?;
        let taken: Vec<String> = rows
            .iter()
            .filter(|r| {
                r.data
                    .email
                    .as_ref()
                    .is_some_and(|e| stored.contains(e.as_str()))
            })
            .map(|r| r.row.to_string())
            .collect();
        if !taken.is_empty() {
            return Err(RunError::new("emails_taken", taken.join(", ")));
        }
        let provider = job.provider_id.to_string();
        let contact = job.contact_person_id.map(|u| u.to_string());
        let now = time::fmt(self.now());
        let mut done = 0u64;
        for (batch, chunk) in rows.chunks(IMPORT_BATCH_ROWS).enumerate() {
            injected_failure(&job.id, batch)?;
            let mut sql = String::with_capacity(64 + chunk.len() * 48);
            sql.push_str(
                "INSERT INTO participants (id, provider_id, contact_person_id, given_name, \
                 family_name, email, document, created_at, updated_at, search_text) VALUES ",
            );
            for i in 0..chunk.len() {
                let b = 4 + i * 6;
                if i > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!(
                    "(${b}, $1, $2, ${}, ${}, ${}, ${}, $3, $3, ${})",
                    b + 1,
                    b + 2,
                    b + 3,
                    b + 4,
                    b + 5
                ));
            }
            let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
                .bind(&provider)
                .bind(contact.clone())
                .bind(&now);
            let ids: Vec<String> = chunk.iter().map(|_| Uuid::now_v7().to_string()).collect();
            for (r, id) in chunk.iter().zip(&ids) {
                let document = serde_json::to_string(&r.data)
                    .map_err(|e| RunError::new("database", e.to_string()))?;
                q = q
                    .bind(id.clone())
                    .bind(r.data.given_name.clone())
                    .bind(r.data.family_name.clone())
                    .bind(r.data.email.as_ref().map(|e| e.to_string()))
                    .bind(document)
                    .bind(crate::participant_list::search_text(&r.data, None));
            }
            q.execute(&mut *tx).await?;
            consents(&mut tx, actor, chunk, &ids, &now).await?;
            done += chunk.len() as u64;
            live_set(&job.id, Some(done));
        }
        let ended = sqlx::query(
            "UPDATE import_jobs SET status = 'done', done_rows = $1, staged = NULL, issues = NULL, \
             finished_at = $2, updated_at = $2 WHERE id = $3 AND status = 'running'",
        )
        .bind(done as i64)
        .bind(&now)
        .bind(&job.id)
        .execute(&mut *tx)
        .await?;
        if ended.rows_affected() == 0 {
            return Err(RunError::new("database", "the job is no longer running"));
        }
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(job.provider_id),
                AuditAction::Create,
                AuditEntity::ParticipantImport,
                &job.id,
                format!(
                    "imported {done} participants with their data-processing consent \
                     ({} rows in the file, {} with errors)",
                    job.total_rows, job.error_rows
                ),
            ),
        )
        .await
        .map_err(|e| RunError::new("database", e.to_string()))?;
        tx.commit().await?;
        Ok(())
    }

    /// Discards previews older than [`IMPORT_PREVIEW_HOURS`] (their staged rows are deleted)
    /// and marks jobs left running by an ended process as `failed`. Returns how many previews
    /// expired. Called by `lernweg purge` and when the import page is opened.
    pub async fn expire_imports(&self, now: DateTime<Utc>) -> Result<usize, StoreError> {
        let stamp = time::fmt(now);
        let cutoff = time::fmt(now - Duration::hours(IMPORT_PREVIEW_HOURS));
        let expired = sqlx::query(
            "UPDATE import_jobs SET status = 'discarded', error_code = 'expired', staged = NULL, \
             issues = NULL, finished_at = $1, updated_at = $1 \
             WHERE status = 'previewed' AND created_at < $2",
        )
        .bind(&stamp)
        .bind(&cutoff)
        .execute(&self.pool)
        .await?
        .rows_affected();
        // Interrupted: claimed, but the lease ran out (the claiming process ended); or never
        // claimed for an hour. Jobs this process runs are never failed here.
        let stale = time::fmt(now - Duration::hours(INTERRUPTED_AFTER_HOURS));
        let running: Vec<String> = sqlx::query_scalar(
            "SELECT j.id FROM import_jobs j LEFT JOIN import_runs r ON r.job_id = j.id \
             WHERE j.status = 'running' \
             AND ((r.job_id IS NULL AND j.updated_at < $1) OR r.lease_until < $2)",
        )
        .bind(&stale)
        .bind(&stamp)
        .fetch_all(&self.pool)
        .await?;
        for id in running.iter().filter(|id| live_get(id).is_none()) {
            sqlx::query(
                "UPDATE import_jobs SET status = 'failed', error_code = 'interrupted', \
                 staged = NULL, issues = NULL, finished_at = $1, updated_at = $1 \
                 WHERE id = $2 AND status = 'running'",
            )
            .bind(&stamp)
            .bind(id)
            .execute(&self.pool)
            .await?;
            self.release_import(id).await?;
        }
        Ok(usize::try_from(expired).unwrap_or(usize::MAX))
    }
}
