//! What several instances on one database share: failed logins (leaky buckets per key), the
//! claims of daily jobs, and the id of this instance (for import leases and daily runs).

use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use chrono::NaiveDate;

use crate::{Store, StoreError, time};

/// Every this many recorded failures, drained buckets are deleted.
const SWEEP_EVERY: u64 = 256;
static RECORDED: AtomicU64 = AtomicU64::new(0);

fn millis(d: Duration) -> i64 {
    i64::try_from(d.as_millis()).unwrap_or(i64::MAX)
}

/// `$1, $2, …, $n` after `offset` parameters.
fn params(offset: usize, n: usize) -> String {
    (1..=n)
        .map(|i| format!("${}", offset + i))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Store {
    /// The id of this instance (this process's store): names who claimed a job.
    pub fn instance_id(&self) -> &str {
        &self.instance
    }

    fn now_ms(&self) -> i64 {
        self.now().timestamp_millis()
    }

    /// For each key, how long its recorded login failures are still remembered (zero: none).
    pub async fn login_failures_left(&self, keys: &[&str]) -> Result<Vec<Duration>, StoreError> {
        if keys.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT key, until_ms FROM login_failures WHERE key IN ({})",
            params(0, keys.len())
        );
        let mut q = sqlx::query_as::<_, (String, i64)>(sqlx::AssertSqlSafe(sql));
        for k in keys {
            q = q.bind(*k);
        }
        let rows = q.fetch_all(&self.pool).await?;
        let now = self.now_ms();
        Ok(keys
            .iter()
            .map(|k| {
                rows.iter()
                    .find(|(key, _)| key == k)
                    .map(|(_, until)| {
                        Duration::from_millis(u64::try_from(until - now).unwrap_or(0))
                    })
                    .unwrap_or_default()
            })
            .collect())
    }

    /// Records one failure of `key`: its bucket rises by `period` (from now, if it had
    /// drained). Atomic, so that failures on several instances add up.
    pub async fn record_login_failure(
        &self,
        key: &str,
        period: Duration,
    ) -> Result<(), StoreError> {
        let (now, period) = (self.now_ms(), millis(period));
        sqlx::query(
            "INSERT INTO login_failures (key, until_ms) VALUES ($1, $2) \
             ON CONFLICT (key) DO UPDATE SET until_ms = \
             CASE WHEN login_failures.until_ms > $3 THEN login_failures.until_ms ELSE $3 END + $4",
        )
        .bind(key)
        .bind(now.saturating_add(period))
        .bind(now)
        .bind(period)
        .execute(&self.pool)
        .await?;
        if RECORDED.fetch_add(1, Ordering::Relaxed) % SWEEP_EVERY == SWEEP_EVERY - 1 {
            self.sweep_login_failures().await?;
        }
        Ok(())
    }

    /// Forgets the failures of `keys` (after a successful login).
    pub async fn clear_login_failures(&self, keys: &[&str]) -> Result<(), StoreError> {
        if keys.is_empty() {
            return Ok(());
        }
        let sql = format!(
            "DELETE FROM login_failures WHERE key IN ({})",
            params(0, keys.len())
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for k in keys {
            q = q.bind(*k);
        }
        q.execute(&self.pool).await?;
        Ok(())
    }

    /// Deletes the buckets that have drained. Returns how many.
    pub async fn sweep_login_failures(&self) -> Result<u64, StoreError> {
        Ok(
            sqlx::query("DELETE FROM login_failures WHERE until_ms <= $1")
                .bind(self.now_ms())
                .execute(&self.pool)
                .await?
                .rows_affected(),
        )
    }

    /// Claims daily job `job` for `day`: `true` for exactly one instance (the first).
    pub async fn claim_daily_run(&self, job: &str, day: NaiveDate) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "INSERT INTO daily_runs (job, day, claimed_by, started_at) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (job, day) DO NOTHING",
        )
        .bind(job)
        .bind(day.to_string())
        .bind(self.instance_id())
        .bind(time::fmt(self.now()))
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    /// Records how the claimed run of `job` on `day` ended.
    pub async fn finish_daily_run(
        &self,
        job: &str,
        day: NaiveDate,
        outcome: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE daily_runs SET finished_at = $1, outcome = $2 WHERE job = $3 AND day = $4",
        )
        .bind(time::fmt(self.now()))
        .bind(outcome)
        .bind(job)
        .bind(day.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// The instances that ran `job` (one per day claimed), oldest first: `(day, instance)`.
    pub async fn daily_runs(&self, job: &str) -> Result<Vec<(String, String)>, StoreError> {
        Ok(
            sqlx::query_as("SELECT day, claimed_by FROM daily_runs WHERE job = $1 ORDER BY day")
                .bind(job)
                .fetch_all(&self.pool)
                .await?,
        )
    }
}
