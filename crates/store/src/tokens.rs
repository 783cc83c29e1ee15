//! Personal API tokens (`Authorization: Bearer lw_…`), stored as hashes.

use std::collections::HashMap;
use std::sync::Mutex;

use chrono::{DateTime, Utc};
use lernweg_domain::{ParseError, TokenId, UserId};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::secret::{hash_secret, random_token};
use crate::{Store, StoreError, User, time};

/// Every token starts with this, so leaked tokens are easy to find by secret scanners.
pub const TOKEN_PREFIX: &str = "lw_";

#[derive(Debug, Clone, Serialize)]
pub struct ApiToken {
    pub id: TokenId,
    pub user_id: UserId,
    pub name: String,
    /// The first characters of the token, to recognise it in lists.
    pub prefix: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

/// A freshly created token: the only moment the secret is known.
#[derive(Debug, Clone)]
pub struct IssuedToken {
    pub token: ApiToken,
    pub secret: String,
}

macro_rules! columns {
    () => {
        "id, user_id, name, prefix, created_at, last_used_at, revoked_at"
    };
}

fn from_row(r: &AnyRow) -> Result<ApiToken, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("api_tokens", e);
    Ok(ApiToken {
        id: TokenId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        user_id: UserId::parse(&r.try_get::<String, _>("user_id")?).map_err(bad)?,
        name: r.try_get("name")?,
        prefix: r.try_get("prefix")?,
        created_at: time::parse("api_tokens", &r.try_get::<String, _>("created_at")?)?,
        last_used_at: time::parse_opt("api_tokens", r.try_get("last_used_at")?)?,
        revoked_at: time::parse_opt("api_tokens", r.try_get("revoked_at")?)?,
    })
}

/// A token name: 1 to 80 characters.
pub fn parse_token_name(input: &str) -> Result<String, ParseError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(ParseError::new(
            "name",
            "required",
            "token name is required",
        ));
    }
    if s.chars().count() > 80 || s.chars().any(char::is_control) {
        return Err(ParseError::new(
            "name",
            "invalid",
            "token name is too long or contains control characters",
        ));
    }
    Ok(s.to_owned())
}

impl Store {
    pub async fn create_token(
        &self,
        actor: &Actor,
        user: &User,
        name: &str,
    ) -> Result<IssuedToken, StoreError> {
        let name = parse_token_name(name)?;
        let secret = format!("{TOKEN_PREFIX}{}", random_token());
        let id = TokenId::from_uuid(Uuid::now_v7());
        let prefix: String = secret.chars().take(TOKEN_PREFIX.len() + 6).collect();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO api_tokens (id, user_id, name, token_hash, prefix, created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(id.to_string())
        .bind(user.id.to_string())
        .bind(&name)
        .bind(hash_secret(&secret))
        .bind(&prefix)
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        let detail = format!("token {name:?} for {}", user.email);
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                user.provider_id,
                AuditAction::Create,
                AuditEntity::ApiToken,
                id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        let token = self.token(user.id, id).await?;
        Ok(IssuedToken { token, secret })
    }

    /// One token of `user` (another user's token is `NotFound`).
    pub async fn token(&self, user: UserId, id: TokenId) -> Result<ApiToken, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM api_tokens WHERE id = $1 AND user_id = $2"
        ))
        .bind(id.to_string())
        .bind(user.to_string())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        from_row(&row)
    }

    pub async fn tokens(&self, user: UserId) -> Result<Vec<ApiToken>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM api_tokens WHERE user_id = $1 ORDER BY created_at DESC, id DESC"
        ))
        .bind(user.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(from_row).collect()
    }

    /// Revokes a token of `user`. Revoking twice is harmless.
    pub async fn revoke_token(
        &self,
        actor: &Actor,
        user: &User,
        id: TokenId,
    ) -> Result<ApiToken, StoreError> {
        let token = self.token(user.id, id).await?;
        if token.revoked_at.is_some() {
            return Ok(token);
        }
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE api_tokens SET revoked_at = $1 WHERE id = $2")
            .bind(time::fmt(self.now()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        let detail = format!("token {:?} of {}", token.name, user.email);
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                user.provider_id,
                AuditAction::Delete,
                AuditEntity::ApiToken,
                id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.token(user.id, id).await
    }

    /// The active user behind a bearer token, if the token is known and not revoked.
    ///
    /// Its use is recorded (`last_used_at`) at most once a minute per token: this process
    /// remembers when it last recorded each token and runs no statement within the minute,
    /// and the UPDATE only moves a value older than a minute (so several instances write at
    /// most once a minute each).
    pub async fn authenticate_token(&self, secret: &str) -> Result<Option<User>, StoreError> {
        if !secret.starts_with(TOKEN_PREFIX) {
            return Ok(None);
        }
        let row = sqlx::query(
            "SELECT id, user_id FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL",
        )
        .bind(hash_secret(secret))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let user_id = UserId::parse(&row.try_get::<String, _>("user_id")?)
            .map_err(|e| StoreError::corrupt("api_tokens", e))?;
        let user = self.user(user_id).await?;
        if !user.active {
            return Ok(None);
        }
        let id: String = row.try_get("id")?;
        let now = self.now();
        if self.token_uses.due(&id, now) {
            sqlx::query(
                "UPDATE api_tokens SET last_used_at = $1 \
                 WHERE id = $2 AND (last_used_at IS NULL OR last_used_at < $3)",
            )
            .bind(time::fmt(now))
            .bind(&id)
            .bind(time::fmt(now - TOKEN_USE_EVERY))
            .execute(&self.pool)
            .await?;
            self.token_uses.recorded(id, now);
        }
        Ok(Some(user))
    }
}

/// How often the use of one token is written at most.
const TOKEN_USE_EVERY: chrono::TimeDelta = chrono::TimeDelta::minutes(1);

/// When this process last recorded the use of each token (token id → time).
#[derive(Default)]
pub(crate) struct TokenUses(Mutex<HashMap<String, DateTime<Utc>>>);

impl TokenUses {
    fn map(&self) -> std::sync::MutexGuard<'_, HashMap<String, DateTime<Utc>>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Whether the use of token `id` at `now` should be written.
    fn due(&self, id: &str, now: DateTime<Utc>) -> bool {
        self.map()
            .get(id)
            .is_none_or(|at| now - *at >= TOKEN_USE_EVERY || *at > now)
    }

    fn recorded(&self, id: String, now: DateTime<Utc>) {
        let mut map = self.map();
        if map.len() > 10_000 {
            map.retain(|_, at| now - *at < TOKEN_USE_EVERY);
        }
        map.insert(id, now);
    }
}
