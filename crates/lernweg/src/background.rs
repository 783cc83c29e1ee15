//! The background work of `serve` and `demo`, safe to run on several instances at once:
//! confirmed imports that no instance has started are claimed and run (every few seconds),
//! the outbox's due notices are claimed and sent (every few seconds; see
//! `lernweg_web::outbox::deliver_due`), and each daily job runs once a day across all
//! instances (claimed per job and day).

use std::collections::HashMap;
use std::time::Duration;

use chrono::NaiveDate;
use lernweg_app::App;
use lernweg_app::daily::{self, DailyJob};
use lernweg_web::AppState;
use tokio::task::JoinHandle;

/// How often unclaimed imports are looked for.
const POLL: Duration = Duration::from_secs(5);
/// How often the daily jobs are checked (the first check is at start).
const DAILY_CHECK: Duration = Duration::from_secs(10 * 60);

/// Parses `--daily-jobs`: job names, or `none` for no daily jobs.
pub fn parse_daily_jobs(names: &[String]) -> anyhow::Result<Vec<DailyJob>> {
    let mut jobs = Vec::new();
    for name in names.iter().map(|n| n.trim()).filter(|n| !n.is_empty()) {
        if name == "none" {
            continue;
        }
        let job: DailyJob = name
            .parse()
            .map_err(|e: String| anyhow::anyhow!("--daily-jobs: {e} (or none)"))?;
        if !jobs.contains(&job) {
            jobs.push(job);
        }
    }
    Ok(jobs)
}

/// Starts the background loop; abort the handle to stop it.
pub fn spawn(state: AppState, jobs: Vec<DailyJob>) -> JoinHandle<()> {
    let app: App = state.app.clone();
    tokio::spawn(async move {
        // The day each job was last handled here (run, or found claimed by another instance).
        let mut handled: HashMap<DailyJob, NaiveDate> = HashMap::new();
        let mut since_daily: Option<tokio::time::Instant> = None;
        loop {
            match daily::start_unclaimed_imports(&app).await {
                Ok(0) => {}
                Ok(n) => tracing::info!(count = n, "started unclaimed participant imports"),
                Err(e) => tracing::warn!(error = %e, "looking for unclaimed imports failed"),
            }
            match lernweg_web::outbox::deliver_due(&state, app.clock.now_utc()).await {
                Ok(d) if d == Default::default() => {}
                Ok(d) => tracing::info!(
                    sent = d.sent,
                    retried = d.retried,
                    failed = d.failed,
                    "outbox round"
                ),
                Err(e) => tracing::warn!(error = %e, "sending the outbox failed"),
            }
            if since_daily.is_none_or(|t| t.elapsed() >= DAILY_CHECK) {
                since_daily = Some(tokio::time::Instant::now());
                let today = app.today();
                let base_url = state
                    .config
                    .public_url
                    .as_deref()
                    .unwrap_or("http://localhost")
                    .trim_end_matches('/')
                    .to_owned();
                for &job in &jobs {
                    if handled.get(&job) == Some(&today) {
                        continue;
                    }
                    match daily::run_once(&app, job, today, &base_url).await {
                        Ok(Some(outcome)) => {
                            tracing::info!(job = %job, day = %today, %outcome, "daily job ran");
                        }
                        Ok(None) => {
                            tracing::info!(job = %job, day = %today, "daily job ran on another instance");
                        }
                        Err(e) => {
                            tracing::error!(job = %job, error = %e, "daily job could not be claimed");
                            continue;
                        }
                    }
                    handled.insert(job, today);
                }
            }
            tokio::time::sleep(POLL).await;
        }
    })
}
