//! Token-protected calendar feeds (`/feeds/{token}.ics`), per cohort, per trainer and per
//! participant (the sessions of their own cohorts, renewed by themselves in the portal).
//! Only a hash of the token is stored; a revoked token answers 404.

use chrono::{DateTime, Utc};
use lernweg_domain::{FeedId, ParseError, ParticipantId, ProviderId};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
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
    /// The sessions of a participant's cohorts (target: the participant id).
    Participant,
    /// The sessions of the cohorts of an employer's linked employees (target: the employer
    /// id). Its secret is kept: the employer object names its URL at any time.
    Employer,
}

impl FeedKind {
    pub fn as_str(self) -> &'static str {
        match self {
            FeedKind::Cohort => "cohort",
            FeedKind::Trainer => "trainer",
            FeedKind::Participant => "participant",
            FeedKind::Employer => "employer",
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
    /// The secret itself, kept only for employer feeds (see [`FeedKind::Employer`]).
    #[serde(skip)]
    pub secret: Option<String>,
}

/// A new feed token; the secret is known only now.
#[derive(Debug, Clone)]
pub struct IssuedFeed {
    pub feed: FeedToken,
    pub secret: String,
}

macro_rules! columns {
    () => {
        "id, kind, target_id, provider_id, prefix, created_at, revoked_at, secret"
    };
}

fn from_row(r: &AnyRow) -> Result<FeedToken, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("feed_tokens", e);
    let kind = match r.try_get::<String, _>("kind")?.as_str() {
        "trainer" => FeedKind::Trainer,
        "participant" => FeedKind::Participant,
        "employer" => FeedKind::Employer,
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
        secret: r.try_get("secret")?,
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
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Create,
                AuditEntity::Feed,
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
            .bind(time::fmt(self.now()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(feed.provider_id),
                AuditAction::Delete,
                AuditEntity::Feed,
                id,
                feed.target_id.clone(),
            ),
        )
        .await?;
        tx.commit().await?;
        self.feed(id).await
    }

    /// A participant's new calendar feed: every live feed of the participant is revoked and a
    /// new one created, in one transaction (the old link stops working at once).
    pub async fn renew_participant_feed(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        provider: ProviderId,
    ) -> Result<IssuedFeed, StoreError> {
        let target = participant.to_string();
        self.renew_feed_of(actor, FeedKind::Participant, &target, provider)
            .await
    }

    /// A new feed of `kind` for `target`: every live feed of the target of that kind is
    /// revoked and the new one created, in one transaction (the old link stops working at
    /// once). An employer feed keeps its secret.
    pub async fn renew_feed_of(
        &self,
        actor: &Actor,
        kind: FeedKind,
        target: &str,
        provider: ProviderId,
    ) -> Result<IssuedFeed, StoreError> {
        let mut tx = self.pool.begin().await?;
        let issued = self
            .renew_feed_in(&mut tx, actor, kind, target, provider)
            .await?;
        tx.commit().await?;
        Ok(issued)
    }

    /// [`Store::renew_feed_of`] in an open transaction.
    pub(crate) async fn renew_feed_in(
        &self,
        tx: &mut sqlx::Transaction<'_, sqlx::Any>,
        actor: &Actor,
        kind: FeedKind,
        target: &str,
        provider: ProviderId,
    ) -> Result<IssuedFeed, StoreError> {
        let secret = random_token();
        let id = FeedId::from_uuid(Uuid::now_v7());
        let prefix: String = secret.chars().take(6).collect();
        let now = self.now();
        let revoked = revoke_live(tx, kind, target, now).await?;
        let kept = (kind == FeedKind::Employer).then(|| secret.clone());
        sqlx::query(
            "INSERT INTO feed_tokens (id, token_hash, prefix, kind, target_id, provider_id, created_at, secret) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(id.to_string())
        .bind(hash_secret(&secret))
        .bind(&prefix)
        .bind(kind.as_str())
        .bind(target)
        .bind(provider.to_string())
        .bind(time::fmt(now))
        .bind(kept.clone())
        .execute(&mut **tx)
        .await?;
        audit::write(
            now,
            &mut **tx,
            &actor.entry(
                Some(provider),
                AuditAction::Create,
                AuditEntity::Feed,
                id,
                format!("{} {target}, {revoked} older revoked", kind.as_str()),
            ),
        )
        .await?;
        let feed = FeedToken {
            id,
            kind,
            target_id: target.to_owned(),
            provider_id: provider,
            prefix,
            created_at: time::parse("feed_tokens", &time::fmt(now))?,
            revoked_at: None,
            secret: kept,
        };
        Ok(IssuedFeed { feed, secret })
    }

    /// Revokes every live feed of a participant (staff, or the erasure); returns how many.
    pub async fn revoke_participant_feeds(
        &self,
        actor: &Actor,
        participant: ParticipantId,
        provider: ProviderId,
    ) -> Result<u64, StoreError> {
        let target = participant.to_string();
        self.revoke_feeds_of(actor, FeedKind::Participant, &target, provider)
            .await
    }

    /// Revokes every live feed of `kind` of a target; returns how many.
    pub async fn revoke_feeds_of(
        &self,
        actor: &Actor,
        kind: FeedKind,
        target: &str,
        provider: ProviderId,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let n = revoke_live(&mut tx, kind, target, self.now()).await?;
        if n > 0 {
            audit::write(
                self.now(),
                &mut *tx,
                &actor.entry(
                    Some(provider),
                    AuditAction::Delete,
                    AuditEntity::Feed,
                    target,
                    format!("{} feeds revoked: {n}", kind.as_str()),
                ),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(n)
    }

    /// The live feed of a participant, if any (its secret is not stored: only the date).
    pub async fn participant_feed(
        &self,
        participant: ParticipantId,
    ) -> Result<Option<FeedToken>, StoreError> {
        self.live_feed(FeedKind::Participant, &participant.to_string())
            .await
    }

    /// The live feed of `kind` of a target, if any.
    pub async fn live_feed(
        &self,
        kind: FeedKind,
        target: &str,
    ) -> Result<Option<FeedToken>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM feed_tokens WHERE kind = $1 AND target_id = $2 AND revoked_at IS NULL ORDER BY created_at DESC, id DESC"
        ))
        .bind(kind.as_str())
        .bind(target)
        .fetch_optional(&self.pool)
        .await?;
        row.as_ref().map(from_row).transpose()
    }
}

/// Revokes the live feeds of `kind` of a target in an open transaction; returns how many.
async fn revoke_live(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    kind: FeedKind,
    target: &str,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    Ok(sqlx::query(
        "UPDATE feed_tokens SET revoked_at = $1 WHERE kind = $2 AND target_id = $3 AND revoked_at IS NULL",
    )
    .bind(time::fmt(now))
    .bind(kind.as_str())
    .bind(target)
    .execute(&mut **tx)
    .await?
    .rows_affected())
}
