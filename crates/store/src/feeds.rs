//! Token-protected calendar feeds (`/feeds/{token}.ics`), per cohort and per trainer.
//! Only a hash of the token is stored; a revoked token answers 404.

use chrono::{DateTime, Utc};
use lernweg_domain::{FeedId, ParseError, ProviderId};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction};
use crate::secret::{hash_secret, random_token};
use crate::{Store, StoreError, time};

/// Whose dates a feed carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedKind {
    /// All sessions of one cohort (participants, employers).
    Cohort,
    /// All sessions a trainer teaches.
    Trainer,
}

impl FeedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FeedKind::Cohort => "cohort",
            FeedKind::Trainer => "trainer",
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct FeedToken {
    pub id: FeedId,
    pub kind: FeedKind,
    /// The cohort id or the trainer's user id.
    pub target_id: String,
    pub provider_id: ProviderId,
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A new feed token; the secret is known only now.
#[derive(Debug, Clone)]
pub struct IssuedFeed {
    pub feed: FeedToken,
    pub secret: String,
}

macro_rules! columns {
    () => {
        "id, kind, target_id, provider_id, prefix, created_at, revoked_at"
    };
}

fn from_row(r: &AnyRow) -> Result<FeedToken, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("feed_tokens", e);
    let kind = match r.try_get::<String, _>("kind")?.as_str() {
        "trainer" => FeedKind::Trainer,
        _ => FeedKind::Cohort,
    };
    Ok(FeedToken {
        id: FeedId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        kind,
        target_id: r.try_get("target_id")?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?).map_err(bad)?,
        prefix: r.try_get("prefix")?,
        created_at: time::parse("feed_tokens", &r.try_get::<String, _>("created_at")?)?,
        revoked_at: time::parse_opt("feed_tokens", r.try_get("revoked_at")?)?,
    })
}

impl Store {
    pub async fn create_feed(
        &self,
        actor: &Actor,
        kind: FeedKind,
        target_id: &str,
        provider: ProviderId,
    ) -> Result<IssuedFeed, StoreError> {
        let secret = random_token();
        let id = FeedId::from_uuid(Uuid::now_v7());
        let prefix: String = secret.chars().take(6).collect();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO feed_tokens (id, token_hash, prefix, kind, target_id, provider_id, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id.to_string())
        .bind(hash_secret(&secret))
        .bind(&prefix)
        .bind(kind.as_str())
        .bind(target_id)
        .bind(provider.to_string())
        .bind(time::fmt(time::now()))
        .execute(&mut *tx)
        .await?;
        audit::write(
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Create,
                "feed",
                id,
                format!("{} {target_id}", kind.as_str()),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(IssuedFeed {
            feed: self.feed(id).await?,
            secret,
        })
    }

    pub async fn feed(&self, id: FeedId) -> Result<FeedToken, StoreError> {
        self.fetch_one(
            concat!("SELECT ", columns!(), " FROM feed_tokens WHERE id = $1"),
            id.to_string(),
            from_row,
        )
        .await
    }

    /// Feeds of one target (cohort or trainer), newest first.
    pub async fn feeds_of(&self, target_id: &str) -> Result<Vec<FeedToken>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM feed_tokens WHERE target_id = $1 ORDER BY created_at DESC, id DESC"
        ))
        .bind(target_id)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(from_row).collect()
    }

    /// The live feed behind a secret; revoked or unknown tokens are `None`.
    pub async fn feed_by_secret(&self, secret: &str) -> Result<Option<FeedToken>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM feed_tokens WHERE token_hash = $1 AND revoked_at IS NULL"
        ))
        .bind(hash_secret(secret))
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(from_row).transpose()
    }

    pub async fn revoke_feed(&self, actor: &Actor, id: FeedId) -> Result<FeedToken, StoreError> {
        let feed = self.feed(id).await?;
        if feed.revoked_at.is_some() {
            return Ok(feed);
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE feed_tokens SET revoked_at = $1 WHERE id = $2")
            .bind(time::fmt(time::now()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        audit::write(
            &mut *tx,
            &actor.entry(
                Some(feed.provider_id),
                AuditAction::Delete,
                "feed",
                id,
                feed.target_id.clone(),
            ),
        )
        .await?;
        tx.commit().await?;
        self.feed(id).await
    }
}
