//! Login sessions of the web UI. The cookie holds a random id; the database holds only its hash.

use chrono::{DateTime, Duration, Utc};
use sqlx::Row;

use crate::secret::{hash_secret, random_token};
use crate::{Store, StoreError, User, time};

/// Sessions end this many hours after login.
pub const SESSION_LIFETIME_HOURS: i64 = 12;

/// An open session as the web layer sees it.
#[derive(Debug, Clone)]
pub struct LoginSession {
    pub user: User,
    /// The synchronizer token that every state-changing form of this session must carry.
    pub csrf_token: String,
    pub expires_at: DateTime<Utc>,
}

impl Store {
    /// Opens a session for `user`; returns the secret for the cookie and the session.
    pub async fn create_session(&self, user: &User) -> Result<(String, LoginSession), StoreError> {
        let secret = random_token();
        let csrf_token = random_token();
        let now = self.now();
        let expires_at = now + Duration::hours(SESSION_LIFETIME_HOURS);
        // Housekeeping: drop expired sessions whenever someone logs in.
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1")
            .bind(time::fmt(now))
            .execute(&self.pool)
            .await?;
        sqlx::query("INSERT INTO sessions (id_hash, user_id, csrf_token, created_at, expires_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(hash_secret(&secret))
            .bind(user.id.to_string())
            .bind(&csrf_token)
            .bind(time::fmt(now))
            .bind(time::fmt(expires_at))
            .execute(&self.pool)
            .await?;
        Ok((
            secret,
            LoginSession {
                user: user.clone(),
                csrf_token,
                expires_at,
            },
        ))
    }

    /// The live session for a cookie secret: not expired, user still active. One statement
    /// (it runs on every request of a logged-in user).
    pub async fn session(&self, secret: &str) -> Result<Option<LoginSession>, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            crate::users::user_columns_of_u!(),
            ", s.csrf_token AS session_csrf, s.expires_at AS session_expires",
            " FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id_hash = $1"
        ))
        .bind(hash_secret(secret))
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let expires_at = time::parse("sessions", &row.try_get::<String, _>("session_expires")?)?;
        if expires_at < self.now() {
            return Ok(None);
        }
        let user = crate::users::from_row(&row)?;
        if !user.active {
            return Ok(None);
        }
        Ok(Some(LoginSession {
            user,
            csrf_token: row.try_get("session_csrf")?,
            expires_at,
        }))
    }

    /// Ends a session on the server (logout). Unknown secrets are ignored.
    pub async fn delete_session(&self, secret: &str) -> Result<(), StoreError> {
        sqlx::query("DELETE FROM sessions WHERE id_hash = $1")
            .bind(hash_secret(secret))
            .execute(&self.pool)
            .await?;
        Ok(())
    }
}
