//! User accounts of every role.

use chrono::{DateTime, Utc};
use lernweg_domain::{
    Email, EmployerContactId, LoginId, LoginName, MentorId, ParseError, ParticipantId, ProviderId,
    Role, UserId, check_password_policy,
};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::{Store, StoreError, password, time};

#[derive(Debug, Clone, Serialize)]
pub struct User {
    pub id: UserId,
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub provider_id: Option<ProviderId>,
    pub active: bool,
    pub created_at: DateTime<Utc>,
    /// Only for participant accounts without an e-mail address (their `email` is then the
    /// placeholder `<login_name>@login.invalid`).
    pub login_name: Option<LoginName>,
    /// The participant record a participant account belongs to.
    pub participant_id: Option<ParticipantId>,
    /// The employer contact person an employer account belongs to.
    pub employer_contact_id: Option<EmployerContactId>,
    /// The mentor of the pool a mentor account belongs to.
    pub mentor_id: Option<MentorId>,
}

impl User {
    /// What this user types into the login form: the login name if there is one, else the
    /// e-mail address.
    pub fn login_id(&self) -> LoginId {
        match &self.login_name {
            Some(n) => LoginId::Name(n.clone()),
            None => LoginId::Email(self.email.clone()),
        }
    }
}

#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: Email,
    pub display_name: String,
    pub role: Role,
    pub provider_id: Option<ProviderId>,
    /// Plain password, checked against the policy and hashed here; `None` for an account that
    /// cannot log in with a password yet (e.g. invited participants later).
    pub password: Option<String>,
}

#[derive(Debug, Clone, Default)]
pub struct UserPatch {
    pub display_name: Option<String>,
    pub role: Option<Role>,
    pub active: Option<bool>,
    pub password: Option<String>,
}

macro_rules! user_columns {
    () => {
        "id, email, display_name, role, provider_id, active, created_at, login_name, participant_id, employer_contact_id, mentor_id"
    };
}

/// The same columns of `users` under the alias `u`, for joins ([`from_row`] reads both).
macro_rules! user_columns_of_u {
    () => {
        "u.id, u.email, u.display_name, u.role, u.provider_id, u.active, u.created_at, u.login_name, u.participant_id, u.employer_contact_id, u.mentor_id"
    };
}
pub(crate) use user_columns_of_u;

pub(crate) fn from_row(r: &AnyRow) -> Result<User, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("users", e);
    Ok(User {
        id: UserId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        email: Email::parse(&r.try_get::<String, _>("email")?).map_err(bad)?,
        display_name: r.try_get("display_name")?,
        role: Role::parse(&r.try_get::<String, _>("role")?).map_err(bad)?,
        provider_id: r
            .try_get::<Option<String>, _>("provider_id")?
            .map(|p| ProviderId::parse(&p))
            .transpose()
            .map_err(bad)?,
        active: r.try_get::<i64, _>("active")? == 1,
        created_at: time::parse("users", &r.try_get::<String, _>("created_at")?)?,
        login_name: r
            .try_get::<Option<String>, _>("login_name")?
            .map(|n| LoginName::parse(&n))
            .transpose()
            .map_err(bad)?,
        participant_id: r
            .try_get::<Option<String>, _>("participant_id")?
            .map(|p| ParticipantId::parse(&p))
            .transpose()
            .map_err(bad)?,
        employer_contact_id: r
            .try_get::<Option<String>, _>("employer_contact_id")?
            .map(|c| EmployerContactId::parse(&c))
            .transpose()
            .map_err(bad)?,
        mentor_id: r
            .try_get::<Option<String>, _>("mentor_id")?
            .map(|m| MentorId::parse(&m))
            .transpose()
            .map_err(bad)?,
    })
}

/// A display name: 1 to 120 characters, no control characters.
pub fn parse_display_name(input: &str) -> Result<String, ParseError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(ParseError::new(
            "display_name",
            "required",
            "name is required",
        ));
    }
    if s.chars().count() > 120 || s.chars().any(char::is_control) {
        return Err(ParseError::new(
            "display_name",
            "invalid",
            "name is too long or contains control characters",
        ));
    }
    Ok(s.to_owned())
}

pub(crate) async fn hash_blocking(plain: String) -> String {
    tokio::task::spawn_blocking(move || password::hash(&plain))
        .await
        .expect("password hashing does not panic")
}

impl Store {
    pub async fn create_user(&self, actor: &Actor, new: NewUser) -> Result<User, StoreError> {
        let display_name = parse_display_name(&new.display_name)?;
        if new.role.needs_provider() && new.provider_id.is_none() {
            return Err(
                ParseError::new("provider", "required", "this role needs a provider").into(),
            );
        }
        if let Some(p) = new.provider_id {
            self.provider(p).await?;
        }
        let hash = match new.password {
            Some(pw) => {
                check_password_policy(&pw)?;
                Some(hash_blocking(pw).await)
            }
            None => None,
        };
        let id = UserId::from_uuid(Uuid::now_v7());
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO users (id, email, display_name, role, provider_id, password_hash, active, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7)",
        )
        .bind(id.to_string())
        .bind(new.email.as_str())
        .bind(&display_name)
        .bind(new.role.as_str())
        .bind(new.provider_id.map(|p| p.to_string()))
        .bind(hash)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::unique_as(e, "a user with this e-mail address exists"))?;
        let detail = format!("{} as {}", new.email, new.role);
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                new.provider_id,
                AuditAction::Create,
                AuditEntity::User,
                id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.user(id).await
    }

    pub async fn user(&self, id: UserId) -> Result<User, StoreError> {
        self.fetch_one(
            concat!("SELECT ", user_columns!(), " FROM users WHERE id = $1"),
            id.to_string(),
            from_row,
        )
        .await
    }

    pub async fn user_by_email(&self, email: &Email) -> Result<User, StoreError> {
        self.fetch_one(
            concat!("SELECT ", user_columns!(), " FROM users WHERE email = $1"),
            email.as_str(),
            from_row,
        )
        .await
    }

    /// All users (`scope = None`) or those of one provider, sorted by role then e-mail.
    pub async fn users(&self, scope: Option<ProviderId>) -> Result<Vec<User>, StoreError> {
        let rows = match scope {
            None => {
                sqlx::query(concat!(
                    "SELECT ",
                    user_columns!(),
                    " FROM users ORDER BY email"
                ))
                .fetch_all(&self.pool)
                .await?
            }
            Some(p) => {
                sqlx::query(concat!(
                    "SELECT ",
                    user_columns!(),
                    " FROM users WHERE provider_id = $1 ORDER BY email"
                ))
                .bind(p.to_string())
                .fetch_all(&self.pool)
                .await?
            }
        };
        rows.iter().map(from_row).collect()
    }

    pub async fn update_user(
        &self,
        actor: &Actor,
        id: UserId,
        patch: UserPatch,
    ) -> Result<User, StoreError> {
        let current = self.user(id).await?;
        let display_name = match patch.display_name {
            Some(n) => parse_display_name(&n)?,
            None => current.display_name.clone(),
        };
        let role = patch.role.unwrap_or(current.role);
        if role.needs_provider() && current.provider_id.is_none() {
            return Err(
                ParseError::new("role", "needs_provider", "this role needs a provider").into(),
            );
        }
        let active = patch.active.unwrap_or(current.active);
        let hash = match patch.password {
            Some(pw) => {
                check_password_policy(&pw)?;
                Some(hash_blocking(pw).await)
            }
            None => None,
        };
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE users SET display_name = $1, role = $2, active = $3, updated_at = $4 WHERE id = $5")
            .bind(&display_name)
            .bind(role.as_str())
            .bind(i64::from(active))
            .bind(time::fmt(self.now()))
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        if let Some(hash) = &hash {
            sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                .bind(hash)
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
        }
        if !active || hash.is_some() {
            // A deactivated account or a new password ends every open session.
            sqlx::query("DELETE FROM sessions WHERE user_id = $1")
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
        }
        let mut changes = Vec::new();
        if display_name != current.display_name {
            changes.push("name".to_owned());
        }
        if role != current.role {
            changes.push(format!("role {} -> {}", current.role, role));
        }
        if active != current.active {
            changes.push(format!("active {} -> {}", current.active, active));
        }
        if hash.is_some() {
            changes.push("password".to_owned());
        }
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                current.provider_id,
                AuditAction::Update,
                AuditEntity::User,
                id,
                changes.join(", "),
            ),
        )
        .await?;
        tx.commit().await?;
        self.user(id).await
    }

    /// Checks a login. Returns the user if the e-mail exists, the account is active and the
    /// password matches. Takes the same time whether or not the e-mail exists.
    pub async fn verify_login(
        &self,
        email: &Email,
        plain: &str,
    ) -> Result<Option<User>, StoreError> {
        self.verify_login_id(&LoginId::Email(email.clone()), plain)
            .await
    }

    /// Checks a login by e-mail address or login name (participants without e-mail), in the
    /// same time whether or not the account exists.
    pub async fn verify_login_id(
        &self,
        login: &LoginId,
        plain: &str,
    ) -> Result<Option<User>, StoreError> {
        let (sql, key) = match login {
            LoginId::Email(e) => (
                concat!(
                    "SELECT ",
                    user_columns!(),
                    ", password_hash FROM users WHERE email = $1"
                ),
                e.as_str(),
            ),
            LoginId::Name(n) => (
                concat!(
                    "SELECT ",
                    user_columns!(),
                    ", password_hash FROM users WHERE login_name = $1"
                ),
                n.as_str(),
            ),
        };
        let row = sqlx::query(sql)
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        let (user, hash) = match &row {
            Some(r) => (
                Some(from_row(r)?),
                r.try_get::<Option<String>, _>("password_hash")?,
            ),
            None => (None, None),
        };
        let hash = hash.unwrap_or_else(|| password::dummy_hash().to_owned());
        let plain = plain.to_owned();
        let ok = tokio::task::spawn_blocking(move || password::verify(&plain, &hash))
            .await
            .expect("password verification does not panic");
        Ok(user.filter(|u| ok && u.active))
    }
}
