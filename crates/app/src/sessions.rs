//! Logging in and out: checking a password, opening and ending a login session, finding the
//! session or API token a request comes with, and the audit entries of all of it.
//!
//! The adapter (the web layer) keeps what is HTTP: cookies, rate limits per address, the
//! redirect. Nothing here writes a password anywhere, and the audit log gets the login id
//! that was typed and the client's address, never the password.

use std::net::IpAddr;

use lernweg_domain::LoginId;
use lernweg_store::{Actor, AuditAction, AuditEntity, LoginSession, NewAuditEntry, User};

use crate::{App, AppError};

/// A session just opened: the secret for the cookie (shown once) and the session.
#[derive(Debug, Clone)]
pub struct Opened {
    pub secret: String,
    pub session: LoginSession,
}

fn address(from: Option<IpAddr>) -> String {
    from.map(|i| i.to_string()).unwrap_or_default()
}

/// Writes an entry of a login event. A failing audit write is logged, not fatal: the
/// login itself has happened (or been refused) already.
async fn audit(app: &App, entry: &NewAuditEntry) {
    if let Err(e) = app.store.audit(entry).await {
        tracing::error!(error = %e, action = entry.action.as_str(), "audit failed");
    }
}

/// Checks `password` for `login`; on success opens a session (`login` entry), otherwise
/// writes a `login_failed` entry with the typed login id and the address and returns `None`
/// (an unknown account and a wrong password are the same answer).
pub async fn log_in(
    app: &App,
    login: &LoginId,
    password: &str,
    from: Option<IpAddr>,
) -> Result<Option<Opened>, AppError> {
    let Some(user) = app.store.verify_login_id(login, password).await? else {
        audit(
            app,
            &NewAuditEntry {
                actor: None,
                actor_email: Some(login.to_string()),
                provider: None,
                action: AuditAction::LoginFailed,
                entity: AuditEntity::Session,
                entity_id: None,
                detail: address(from),
            },
        )
        .await;
        return Ok(None);
    };
    open(app, &user, None, "", from).await.map(Some)
}

/// Opens a session for `user`, who has just proven who they are (a password, a redeemed
/// invitation), and ends `replacing` (the session this browser had before, if any).
/// `how` is put before the address in the audit entry (e.g. `after invitation`).
pub async fn open(
    app: &App,
    user: &User,
    replacing: Option<&str>,
    how: &str,
    from: Option<IpAddr>,
) -> Result<Opened, AppError> {
    if let Some(old) = replacing {
        app.store.delete_session(old).await?;
    }
    let (secret, session) = app.store.create_session(user).await?;
    let detail = match (how, address(from)) {
        ("", a) => a,
        (h, a) if a.is_empty() => h.to_owned(),
        (h, a) => format!("{h}; {a}"),
    };
    let entry = Actor::user(user.id, user.login_id().to_string()).entry(
        user.provider_id,
        AuditAction::Login,
        AuditEntity::Session,
        user.id,
        detail,
    );
    audit(app, &entry).await;
    Ok(Opened { secret, session })
}

/// Ends the session with this cookie secret on the server (`logout` entry when it was a
/// live session). Unknown secrets are ignored.
pub async fn log_out(app: &App, secret: &str) -> Result<(), AppError> {
    let live = app.store.session(secret).await?;
    app.store.delete_session(secret).await?;
    if let Some(s) = live {
        let u = &s.user;
        let entry = Actor::user(u.id, u.login_id().to_string()).entry(
            u.provider_id,
            AuditAction::Logout,
            AuditEntity::Session,
            u.id,
            "",
        );
        audit(app, &entry).await;
    }
    Ok(())
}

/// The live session of a cookie secret (not expired, account active).
pub async fn session(app: &App, secret: &str) -> Result<Option<LoginSession>, AppError> {
    Ok(app.store.session(secret).await?)
}

/// The account of an API token (`lw_…`), if the token is valid.
pub async fn token_user(app: &App, token: &str) -> Result<Option<User>, AppError> {
    Ok(app.store.authenticate_token(token).await?)
}

/// Failed logins, kept in the database so that the limits hold across instances: for each
/// key, how long its failures are still remembered.
pub async fn failures_left(app: &App, keys: &[&str]) -> Result<Vec<std::time::Duration>, AppError> {
    Ok(app.store.login_failures_left(keys).await?)
}

/// Records a failure of `key`, remembered for one more `period`.
pub async fn record_failure(
    app: &App,
    key: &str,
    period: std::time::Duration,
) -> Result<(), AppError> {
    Ok(app.store.record_login_failure(key, period).await?)
}

/// Forgets the failures of `keys` (a successful login).
pub async fn forget_failures(app: &App, keys: &[&str]) -> Result<(), AppError> {
    Ok(app.store.clear_login_failures(keys).await?)
}
