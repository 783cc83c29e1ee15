//! Background work of `lernweg serve` that must run exactly once across all instances: the
//! daily jobs (claimed per job and day in the database; the first instance to claim runs it)
//! and confirmed imports no instance has started yet.

use std::fmt;
use std::str::FromStr;

use chrono::NaiveDate;
use lernweg_store::Actor;

use crate::{App, AppError};

/// A job run once a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DailyJob {
    /// Deletes unconfirmed import previews older than a day, fails interrupted imports and
    /// forgets drained login failures.
    Imports,
    /// Erases participant records past their provider's retention period (like
    /// `lernweg purge`).
    Purge,
    /// Queues the digest of open early warnings for every contact person who has some
    /// (`crate::warnings::queue_digests`), once a day.
    Warnings,
}

impl DailyJob {
    pub const ALL: [DailyJob; 3] = [DailyJob::Imports, DailyJob::Purge, DailyJob::Warnings];

    pub fn as_str(self) -> &'static str {
        match self {
            DailyJob::Imports => "imports",
            DailyJob::Purge => "purge",
            DailyJob::Warnings => "warnings",
        }
    }
}

impl fmt::Display for DailyJob {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl FromStr for DailyJob {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DailyJob::ALL
            .into_iter()
            .find(|j| j.as_str() == s.trim())
            .ok_or_else(|| format!("unknown daily job {s:?}: expected imports, purge or warnings"))
    }
}

/// Runs `job` for `day` if this instance is the first to claim it. Returns what it did, or
/// `None` when another instance has claimed it already. `base_url` is the installation's
/// public address, for links in e-mails.
pub async fn run_once(
    app: &App,
    job: DailyJob,
    day: NaiveDate,
    base_url: &str,
) -> Result<Option<String>, AppError> {
    if !app.store.claim_daily_run(job.as_str(), day).await? {
        return Ok(None);
    }
    let outcome = match run(app, job, day, base_url).await {
        Ok(done) => done,
        Err(e) => format!("failed: {e}"),
    };
    app.store
        .finish_daily_run(job.as_str(), day, &outcome)
        .await?;
    Ok(Some(outcome))
}

async fn run(app: &App, job: DailyJob, day: NaiveDate, base_url: &str) -> Result<String, AppError> {
    Ok(match job {
        DailyJob::Imports => {
            let expired = crate::imports::expire(app).await?;
            let forgotten = app.store.sweep_login_failures().await?;
            format!(
                "{expired} import previews expired, {forgotten} login failure records forgotten"
            )
        }
        DailyJob::Purge => {
            let erased = app.store.purge(&Actor::system(), day).await?;
            format!("{erased} participant records erased")
        }
        DailyJob::Warnings => {
            let queued = crate::warnings::queue_digests(app, day, base_url).await?;
            format!("{queued} warning digests queued")
        }
    })
}

/// Starts the runs of confirmed imports that no instance has claimed (the confirming process
/// claims its own at once; this finds those whose process ended first). Each run is claimed
/// before it starts, so it happens once whichever instance finds it. Returns how many this
/// instance started.
pub async fn start_unclaimed_imports(app: &App) -> Result<usize, AppError> {
    let ids = app.store.unclaimed_imports().await?;
    for id in &ids {
        crate::imports::spawn_run(app, Actor::system(), id.clone());
    }
    Ok(ids.len())
}
