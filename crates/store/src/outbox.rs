//! The outbox (issue 13 point 8): notices are stored here first and sent by a background
//! sender. A message is claimed for a while before it is sent (several instances share one
//! database: one claim per message and attempt), then marked sent, or its failed attempt is
//! counted and the next one scheduled (`lernweg_domain::outbox::retry_delay_minutes`); after the
//! last attempt it is failed and stays for staff to see.

use chrono::{DateTime, Duration, Utc};
use lernweg_domain::outbox::{NoticeKind, OutboxStatus, retry_delay_minutes};
use lernweg_domain::{Cursor, Limit, ProviderId, Slice};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::paging::ListSql;
use crate::{Store, StoreError, time};

/// A notice to send.
#[derive(Debug, Clone, PartialEq)]
pub struct NewNotice {
    pub provider_id: Option<ProviderId>,
    pub kind: NoticeKind,
    /// The recipient's language (`de`, `en`, `ar`, `uk`, `tr`, `ru`).
    pub lang: String,
    /// What the text needs, by name.
    pub args: serde_json::Map<String, serde_json::Value>,
    pub to_address: String,
    pub to_name: String,
}

/// A message in the outbox.
#[derive(Debug, Clone, Serialize)]
pub struct OutboxMessage {
    pub id: String,
    pub provider_id: Option<ProviderId>,
    pub kind: NoticeKind,
    pub lang: String,
    pub args: serde_json::Map<String, serde_json::Value>,
    pub to_address: String,
    pub to_name: String,
    pub status: OutboxStatus,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_error: String,
    pub created_at: DateTime<Utc>,
    pub sent_at: Option<DateTime<Utc>>,
}

/// What the outbox list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct OutboxFilter {
    pub scope: Option<ProviderId>,
    pub status: Option<OutboxStatus>,
}

const COLUMNS: &str = "id, provider_id, kind, lang, args, to_address, to_name, status, attempts, \
                       next_attempt_at, last_error, created_at, sent_at";

fn from_row(r: &AnyRow) -> Result<OutboxMessage, StoreError> {
    let bad = |what: String| StoreError::corrupt("outbox", what);
    let text = |c: &str| r.try_get::<String, _>(c);
    let kind = text("kind")?;
    let status = text("status")?;
    let args: serde_json::Value =
        serde_json::from_str(&text("args")?).map_err(|e| bad(e.to_string()))?;
    Ok(OutboxMessage {
        id: text("id")?,
        provider_id: r
            .try_get::<Option<String>, _>("provider_id")?
            .map(|p| ProviderId::parse(&p).map_err(|e| bad(e.to_string())))
            .transpose()?,
        kind: NoticeKind::parse(&kind).ok_or_else(|| bad(format!("kind {kind:?}")))?,
        lang: text("lang")?,
        args: match args {
            serde_json::Value::Object(m) => m,
            _ => return Err(bad("args is not an object".into())),
        },
        to_address: text("to_address")?,
        to_name: text("to_name")?,
        status: OutboxStatus::parse(&status).ok_or_else(|| bad(format!("status {status:?}")))?,
        attempts: u32::try_from(r.try_get::<i64, _>("attempts")?).unwrap_or(0),
        next_attempt_at: time::parse("outbox", &text("next_attempt_at")?)?,
        last_error: text("last_error")?,
        created_at: time::parse("outbox", &text("created_at")?)?,
        sent_at: r
            .try_get::<Option<String>, _>("sent_at")?
            .map(|t| time::parse("outbox", &t))
            .transpose()?,
    })
}

/// Inserts one pending notice (in the caller's transaction), created and due at `now`.
pub(crate) async fn insert_notice<'e, E>(
    exec: E,
    n: &NewNotice,
    now: &str,
) -> Result<(), StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    sqlx::query(
        "INSERT INTO outbox (id, provider_id, kind, lang, args, to_address, to_name, status, attempts, next_attempt_at, last_error, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'pending', 0, $8, '', $8)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(n.provider_id.map(|p| p.to_string()))
    .bind(n.kind.code())
    .bind(n.lang.clone())
    .bind(serde_json::Value::Object(n.args.clone()).to_string())
    .bind(n.to_address.clone())
    .bind(n.to_name.clone())
    .bind(now.to_owned())
    .execute(exec)
    .await?;
    Ok(())
}

impl Store {
    /// Stores notices to send, all or none.
    pub async fn enqueue_notices(&self, notices: &[NewNotice]) -> Result<usize, StoreError> {
        if notices.is_empty() {
            return Ok(0);
        }
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        for n in notices {
            insert_notice(&mut *tx, n, &now).await?;
        }
        tx.commit().await?;
        Ok(notices.len())
    }

    /// Claims up to `limit` pending messages that are due at `now` and not held by another
    /// sender, for `hold`; each is claimed by one conditional update, so two senders never
    /// send the same message in the same attempt.
    pub async fn claim_due_notices(
        &self,
        now: DateTime<Utc>,
        limit: u32,
        hold: Duration,
    ) -> Result<Vec<OutboxMessage>, StoreError> {
        let at = time::fmt(now);
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {COLUMNS} FROM outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
             AND (claimed_until IS NULL OR claimed_until <= $1) ORDER BY next_attempt_at, id LIMIT {limit}"
        )))
        .bind(&at)
        .fetch_all(&self.pool)
        .await?;
        let until = time::fmt(now + hold);
        let mut claimed = Vec::new();
        for r in &rows {
            let m = from_row(r)?;
            let done = sqlx::query(
                "UPDATE outbox SET claimed_until = $1 WHERE id = $2 AND status = 'pending' \
                 AND (claimed_until IS NULL OR claimed_until <= $3)",
            )
            .bind(&until)
            .bind(&m.id)
            .bind(&at)
            .execute(&self.pool)
            .await?;
            if done.rows_affected() == 1 {
                claimed.push(m);
            }
        }
        Ok(claimed)
    }

    /// The message went out.
    pub async fn mark_notice_sent(&self, id: &str, now: DateTime<Utc>) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE outbox SET status = 'sent', sent_at = $1, attempts = attempts + 1, claimed_until = NULL WHERE id = $2",
        )
        .bind(time::fmt(now))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// An attempt failed: the next one is scheduled, or the message is failed after the last.
    /// Returns the new status.
    pub async fn mark_notice_attempt_failed(
        &self,
        message: &OutboxMessage,
        error: &str,
        now: DateTime<Utc>,
    ) -> Result<OutboxStatus, StoreError> {
        let attempts = message.attempts + 1;
        let (status, next) = match retry_delay_minutes(attempts) {
            Some(minutes) => (OutboxStatus::Pending, now + Duration::minutes(minutes)),
            None => (OutboxStatus::Failed, now),
        };
        let error: String = error.chars().take(500).collect();
        sqlx::query(
            "UPDATE outbox SET status = $1, attempts = $2, next_attempt_at = $3, last_error = $4, claimed_until = NULL WHERE id = $5",
        )
        .bind(status.code())
        .bind(i64::from(attempts))
        .bind(time::fmt(next))
        .bind(error)
        .bind(&message.id)
        .execute(&self.pool)
        .await?;
        Ok(status)
    }

    /// Messages after `cursor`, newest first.
    pub async fn outbox_after(
        &self,
        filter: &OutboxFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<OutboxMessage>, StoreError> {
        ListSql::new(COLUMNS, "outbox")
            .scope("provider_id", filter.scope)
            .filter("status = {}", filter.status.map(|s| s.code()))
            .after(self, None, "id", true, cursor, limit, from_row, |m| {
                Cursor::new(String::new(), m.id.clone())
            })
            .await
    }
}
