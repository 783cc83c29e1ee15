//! Administration: providers (Träger), user accounts and personal API tokens. Shared by the
//! admin pages, the API and the `lernweg provider|user|token` commands.
//!
//! Creating and changing providers and accounts is for admins ([`operator`] on the command
//! line); reading is scoped by the caller's provider. Input arrives as sent (text) and every
//! invalid field is reported at once ([`AppError::Invalid`]), named as the API names it
//! (`email`, `display_name`, `role`, `provider`, `provider_id`, `password`, `name`, `state`,
//! `kursnet_supplier_id`, `street`, `zip`, `city`, `phone`).

use lernweg_domain::{
    Cursor, Email, Limit, PageNo, Paged, ParseError, Principal, ProviderDetailsInput, ProviderId,
    ProviderName, Role, Slice, State as FedState, TokenId, UserId, check_password_policy,
};
use lernweg_store::{
    Actor, ApiToken, AuditAction, AuditEntity, AuditEntry, AuditFilter, IssuedToken, NewProvider,
    NewUser, Provider, ProviderPatch, StoreError, User, UserPatch, parse_display_name,
};

use crate::{App, AppError, Caller, refusals};

/// The operator of the command line: acts with the installation admin's rights and is logged
/// as `system`.
pub fn operator() -> Caller {
    Caller::new(
        Principal {
            user_id: UserId::from_uuid(uuid::Uuid::nil()),
            role: Role::Admin,
            provider_id: None,
        },
        Actor::system(),
    )
}

fn ensure_admin(caller: &Caller) -> Result<(), AppError> {
    if caller.principal.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::Forbidden)
    }
}

/// Collects the error of a field, keeps the value.
fn field<T>(errors: &mut Vec<ParseError>, r: Result<T, ParseError>) -> Option<T> {
    r.map_err(|e| errors.push(e)).ok()
}

fn done<T>(errors: Vec<ParseError>, value: Option<T>) -> Result<T, AppError> {
    match value {
        Some(v) if errors.is_empty() => Ok(v),
        _ => Err(AppError::Invalid(errors)),
    }
}

// ---------------------------------------------------------------- providers

/// The providers the caller may see: all for the admin, else their own.
pub async fn providers(app: &App, who: &Principal) -> Result<Vec<Provider>, AppError> {
    Ok(app.store.providers(who.provider_scope()).await?)
}

/// One provider (another provider's is "not found").
pub async fn provider(app: &App, who: &Principal, id: ProviderId) -> Result<Provider, AppError> {
    refusals::ensure_provider(app, who, id, lernweg_store::AuditEntity::Provider, id).await?;
    Ok(app.store.provider(id).await?)
}

/// Creates a provider from its name and federal state code (e.g. `NW`).
pub async fn create_provider(
    app: &App,
    caller: &Caller,
    name: &str,
    state: &str,
) -> Result<Provider, AppError> {
    ensure_admin(caller)?;
    let mut errors = Vec::new();
    let name = field(&mut errors, ProviderName::parse(name));
    let state = field(&mut errors, FedState::parse(state));
    let (name, state) = done(errors, name.zip(state))?;
    Ok(app
        .store
        .create_provider(&caller.actor, NewProvider { name, state })
        .await?)
}

/// The changes to a provider as sent (`None`: unchanged; empty text clears a detail).
#[derive(Debug, Clone, Default)]
pub struct ProviderChange {
    pub name: Option<String>,
    pub state: Option<String>,
    /// KURSNET supplier number and address (admins only, like every provider change).
    pub details: ProviderDetailsInput,
}

/// Changes a provider: name, federal state, KURSNET supplier number and address.
pub async fn update_provider(
    app: &App,
    caller: &Caller,
    id: ProviderId,
    change: &ProviderChange,
) -> Result<Provider, AppError> {
    ensure_admin(caller)?;
    caller.ensure_provider(id)?;
    let current = app.store.provider(id).await?;
    let mut errors = Vec::new();
    let name = field(
        &mut errors,
        change.name.as_deref().map(ProviderName::parse).transpose(),
    );
    let state = field(
        &mut errors,
        change.state.as_deref().map(FedState::parse).transpose(),
    );
    let details = if change.details.is_empty() {
        None
    } else {
        current
            .details
            .apply(&change.details)
            .map_err(|list| errors.extend(list))
            .ok()
    };
    let (name, state) = done(errors, name.zip(state))?;
    Ok(app
        .store
        .update_provider(
            &caller.actor,
            id,
            ProviderPatch {
                name,
                state,
                details,
            },
        )
        .await?)
}

// ---------------------------------------------------------------- users

/// Whether the caller may see an account: of their provider, and accounts without a provider
/// only for the admin.
fn may_see(who: &Principal, user: &User) -> bool {
    match user.provider_id {
        Some(p) => who.can_access_provider(p),
        None => who.role == Role::Admin,
    }
}

/// The accounts the caller may see.
pub async fn users(app: &App, who: &Principal) -> Result<Vec<User>, AppError> {
    Ok(app.store.users(who.provider_scope()).await?)
}

/// One account the caller may see, without an audit entry (to show a refused form again).
pub async fn user(app: &App, who: &Principal, id: UserId) -> Result<User, AppError> {
    let user = app.store.user(id).await?;
    if !may_see(who, &user) {
        let actor = refusals::actor_of(app, who).await;
        let detail = user
            .provider_id
            .map_or_else(|| "no provider".to_owned(), |p| format!("provider {p}"));
        refusals::record(
            app,
            &actor,
            who,
            lernweg_store::AuditEntity::User,
            id,
            detail,
        )
        .await;
        return Err(AppError::NotFound);
    }
    Ok(user)
}

/// One account, read: viewing a person's account is logged (`what`: e.g. `"api"`).
pub async fn view_user(
    app: &App,
    caller: &Caller,
    id: UserId,
    what: &str,
) -> Result<User, AppError> {
    let user = user(app, &caller.principal, id).await?;
    app.store
        .audit_read(&caller.actor.entry(
            user.provider_id,
            AuditAction::View,
            AuditEntity::User,
            user.id,
            what,
        ))
        .await?;
    Ok(user)
}

/// A new account as sent.
#[derive(Debug, Clone, Default)]
pub struct NewAccount {
    pub email: String,
    pub display_name: String,
    pub role: String,
    /// The provider's id; required for every role but admin.
    pub provider: Option<String>,
    /// At least 10 characters.
    pub password: String,
}

/// Creates an account. `Conflict` when the e-mail address is taken; an unknown provider is
/// the invalid field `provider_id` (`unknown_provider`).
pub async fn create_user(app: &App, caller: &Caller, new: NewAccount) -> Result<User, AppError> {
    ensure_admin(caller)?;
    let mut errors = Vec::new();
    let email = field(&mut errors, Email::parse(&new.email));
    let role = field(&mut errors, Role::parse(&new.role));
    let provider_id = field(
        &mut errors,
        new.provider.as_deref().map(ProviderId::parse).transpose(),
    )
    .flatten();
    if role.is_some_and(Role::needs_provider)
        && provider_id.is_none()
        && !errors.iter().any(|e| e.field == "provider")
    {
        errors.push(ParseError::new(
            "provider",
            "needs_provider",
            "this role needs a provider",
        ));
    }
    field(&mut errors, parse_display_name(&new.display_name));
    field(&mut errors, check_password_policy(&new.password));
    let (email, role) = done(errors, email.zip(role))?;
    let account = NewUser {
        email,
        display_name: new.display_name,
        role,
        provider_id,
        password: Some(new.password),
    };
    match app.store.create_user(&caller.actor, account).await {
        Err(StoreError::NotFound) => Err(AppError::invalid(ParseError::new(
            "provider_id",
            "unknown_provider",
            "no provider with this id",
        ))),
        other => Ok(other?),
    }
}

/// A change of an account as sent (`None`: unchanged).
#[derive(Debug, Clone, Default)]
pub struct AccountPatch {
    pub display_name: Option<String>,
    pub role: Option<String>,
    pub active: Option<bool>,
    /// A new password (at least 10 characters).
    pub password: Option<String>,
}

/// Changes an account. Admins cannot lock themselves out (deactivate themselves or give up
/// the admin role): `role`, `self_lockout`.
pub async fn update_user(
    app: &App,
    caller: &Caller,
    id: UserId,
    patch: AccountPatch,
) -> Result<User, AppError> {
    ensure_admin(caller)?;
    user(app, &caller.principal, id).await?;
    let mut errors = Vec::new();
    let role = field(
        &mut errors,
        patch.role.as_deref().map(Role::parse).transpose(),
    )
    .flatten();
    if let Some(n) = &patch.display_name {
        field(&mut errors, parse_display_name(n));
    }
    if let Some(pw) = &patch.password {
        field(&mut errors, check_password_policy(pw));
    }
    if caller.principal.user_id == id
        && (patch.active == Some(false) || role.is_some_and(|r| r != Role::Admin))
    {
        errors.push(ParseError::new(
            "role",
            "self_lockout",
            "you cannot lock yourself out",
        ));
    }
    done(errors, Some(()))?;
    let patch = UserPatch {
        display_name: patch.display_name,
        role,
        active: patch.active,
        password: patch.password,
    };
    Ok(app.store.update_user(&caller.actor, id, patch).await?)
}

// ---------------------------------------------------------------- audit log

/// Audit entries, newest first, of one provider or all (admins): at most `limit` (1–1000).
/// The read entries still queued are written first, so that the log is complete.
pub async fn audit_log(
    app: &App,
    caller: &Caller,
    provider: Option<ProviderId>,
    limit: i64,
) -> Result<Vec<AuditEntry>, AppError> {
    ensure_admin(caller)?;
    app.store.flush_audit().await?;
    Ok(app.store.audit_entries(provider, limit).await?)
}

/// One page of the audit entries that match, newest first (admins).
pub async fn audit_page(
    app: &App,
    caller: &Caller,
    filter: &AuditFilter,
    page: PageNo,
) -> Result<Paged<AuditEntry>, AppError> {
    ensure_admin(caller)?;
    Ok(app.store.audit_page(filter, page).await?)
}

/// The audit entries that match after `cursor`, newest first (admins).
pub async fn audit_after(
    app: &App,
    caller: &Caller,
    filter: &AuditFilter,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<AuditEntry>, AppError> {
    ensure_admin(caller)?;
    Ok(app.store.audit_after(filter, cursor, limit).await?)
}

// ---------------------------------------------------------------- tokens

/// Whether the caller may manage `owner`'s tokens: their own, or anyone's for an admin (the
/// operator issues tokens for others; pages and the API pass the caller's own account).
fn may_manage_tokens(caller: &Caller, owner: &User) -> Result<(), AppError> {
    if caller.principal.user_id == owner.id || caller.principal.role == Role::Admin {
        Ok(())
    } else {
        Err(AppError::NotFound)
    }
}

/// The personal API tokens of the caller.
pub async fn tokens(app: &App, who: &Principal) -> Result<Vec<ApiToken>, AppError> {
    Ok(app.store.tokens(who.user_id).await?)
}

/// Creates a personal API token for `owner`; its secret is in the answer only.
pub async fn create_token(
    app: &App,
    caller: &Caller,
    owner: &User,
    name: &str,
) -> Result<IssuedToken, AppError> {
    may_manage_tokens(caller, owner)?;
    Ok(app.store.create_token(&caller.actor, owner, name).await?)
}

/// Revokes one of `owner`'s tokens (revoking twice is harmless; another user's is "not found").
pub async fn revoke_token(
    app: &App,
    caller: &Caller,
    owner: &User,
    id: TokenId,
) -> Result<ApiToken, AppError> {
    may_manage_tokens(caller, owner)?;
    Ok(app.store.revoke_token(&caller.actor, owner, id).await?)
}

/// The accounts of one provider the caller may see (another provider's: `NotFound`).
pub async fn users_of(app: &App, who: &Principal, id: ProviderId) -> Result<Vec<User>, AppError> {
    if !who.can_access_provider(id) {
        return Err(AppError::NotFound);
    }
    Ok(app.store.users(Some(id)).await?)
}
