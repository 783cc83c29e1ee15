//! Administration: providers, users and the audit log (admins only, see the route table).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_domain::{
    Email, ParseError, ProviderId, ProviderName, Role, State as FedState, UserId,
};
use lernweg_store::{
    AuditAction, AuditEntry, NewProvider, NewUser, Provider, ProviderPatch, StoreError, User,
    UserPatch,
};
use serde::Deserialize;

use super::{Layout, render, role_label};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;

/// Field name → German/English message, for re-rendered forms.
#[derive(Debug, Default, Clone)]
pub struct FormErrors(pub BTreeMap<String, String>);

impl FormErrors {
    fn add(&mut self, lang: Lang, e: &ParseError) {
        self.0
            .entry(e.field.to_owned())
            .or_insert_with(|| lang.t(&format!("form-error-{}", e.code)));
    }

    fn add_key(&mut self, lang: Lang, field: &str, key: &str) {
        self.0
            .entry(field.to_owned())
            .or_insert_with(|| lang.t(key));
    }

    pub fn get(&self, field: &str) -> Option<&String> {
        self.0.get(field)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn list(&self) -> Vec<(String, String)> {
        self.0.iter().map(|(k, v)| (k.clone(), v.clone())).collect()
    }
}

/// A choice in a `<select>`.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

fn state_choices(selected: &str) -> Vec<Choice> {
    FedState::ALL
        .iter()
        .map(|s| Choice {
            value: s.code().to_owned(),
            label: s.name_de().to_owned(),
            selected: s.code() == selected,
        })
        .collect()
}

fn role_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    Role::STAFF
        .iter()
        .map(|r| Choice {
            value: r.as_str().to_owned(),
            label: role_label(lang, *r),
            selected: r.as_str() == selected,
        })
        .collect()
}

// ---------------------------------------------------------------- providers

#[derive(Template)]
#[template(path = "admin_providers.html")]
pub struct ProvidersPage {
    pub layout: Layout,
    pub providers: Vec<Provider>,
    pub errors: FormErrors,
    pub name: String,
    pub states: Vec<Choice>,
}

#[derive(Deserialize, Default)]
pub struct ProviderForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    state: String,
}

async fn providers_page(
    state: &AppState,
    ctx: &Ctx,
    form: ProviderForm,
    errors: FormErrors,
) -> Response {
    let providers = match state.store.providers(None).await {
        Ok(p) => p,
        Err(e) => return PageError::from(e).into_response(),
    };
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ProvidersPage {
        layout: Layout::new(ctx, "/admin/traeger", "providers-title"),
        providers,
        errors,
        name: form.name,
        states: state_choices(&form.state),
    };
    (status, render(&page)).into_response()
}

/// `GET /admin/traeger`.
pub async fn providers(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    providers_page(&state, &ctx, ProviderForm::default(), FormErrors::default()).await
}

/// `POST /admin/traeger`.
pub async fn create_provider(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<ProviderForm>,
) -> Response {
    let mut errors = FormErrors::default();
    let name = ProviderName::parse(&form.name)
        .map_err(|e| errors.add(ctx.lang, &e))
        .ok();
    let fed = FedState::parse(&form.state)
        .map_err(|e| errors.add(ctx.lang, &e))
        .ok();
    let (Some(name), Some(fed)) = (name, fed) else {
        return providers_page(&state, &ctx, form, errors).await;
    };
    match state
        .store
        .create_provider(&ctx.actor(), NewProvider { name, state: fed })
        .await
    {
        Ok(p) => Redirect::to(&format!("/admin/traeger/{}", p.id)).into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "admin_provider.html")]
pub struct ProviderPage {
    pub layout: Layout,
    pub provider: Provider,
    pub users: Vec<(User, String)>,
    pub errors: FormErrors,
    pub name: String,
    pub states: Vec<Choice>,
}

async fn provider_page(
    state: &AppState,
    ctx: &Ctx,
    id: ProviderId,
    form: Option<ProviderForm>,
    errors: FormErrors,
) -> Response {
    let provider = match state.store.provider(id).await {
        Ok(p) => p,
        Err(e) => return PageError::from(e).into_response(),
    };
    let users = match state.store.users(Some(id)).await {
        Ok(u) => u
            .into_iter()
            .map(|u| {
                let r = role_label(ctx.lang, u.role);
                (u, r)
            })
            .collect(),
        Err(e) => return PageError::from(e).into_response(),
    };
    let form = form.unwrap_or(ProviderForm {
        name: provider.name.to_string(),
        state: provider.state.code().to_owned(),
    });
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = ProviderPage {
        layout: Layout::new(ctx, "/admin/traeger", "provider-title"),
        provider,
        users,
        errors,
        name: form.name,
        states: state_choices(&form.state),
    };
    (status, render(&page)).into_response()
}

/// `GET /admin/traeger/{id}`.
pub async fn provider(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    let Ok(id) = ProviderId::parse(&id) else {
        return PageError::NotFound.into_response();
    };
    provider_page(&state, &ctx, id, None, FormErrors::default()).await
}

/// `POST /admin/traeger/{id}`.
pub async fn update_provider(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<ProviderForm>,
) -> Response {
    let Ok(id) = ProviderId::parse(&id) else {
        return PageError::NotFound.into_response();
    };
    let mut errors = FormErrors::default();
    let name = ProviderName::parse(&form.name)
        .map_err(|e| errors.add(ctx.lang, &e))
        .ok();
    let fed = FedState::parse(&form.state)
        .map_err(|e| errors.add(ctx.lang, &e))
        .ok();
    if !errors.is_empty() {
        return provider_page(&state, &ctx, id, Some(form), errors).await;
    }
    match state
        .store
        .update_provider(&ctx.actor(), id, ProviderPatch { name, state: fed })
        .await
    {
        Ok(p) => Redirect::to(&format!("/admin/traeger/{}", p.id)).into_response(),
        Err(e) => PageError::from(e).into_response(),
    }
}

// ---------------------------------------------------------------- users

/// One row of the user table.
pub struct UserRow {
    pub user: User,
    pub role: String,
    pub provider: String,
}

#[derive(Template)]
#[template(path = "admin_users.html")]
pub struct UsersPage {
    pub layout: Layout,
    pub rows: Vec<UserRow>,
    pub errors: FormErrors,
    pub form_email: String,
    pub form_name: String,
    pub roles: Vec<Choice>,
    pub providers: Vec<Choice>,
}

#[derive(Deserialize, Default)]
pub struct NewUserForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
    #[serde(default)]
    provider: String,
    #[serde(default)]
    password: String,
}

async fn users_page(
    state: &AppState,
    ctx: &Ctx,
    form: NewUserForm,
    errors: FormErrors,
) -> Response {
    let (users, providers) = match (
        state.store.users(None).await,
        state.store.providers(None).await,
    ) {
        (Ok(u), Ok(p)) => (u, p),
        (Err(e), _) | (_, Err(e)) => return PageError::from(e).into_response(),
    };
    let provider_name = |id: Option<ProviderId>| {
        id.and_then(|id| providers.iter().find(|p| p.id == id))
            .map(|p| p.name.to_string())
            .unwrap_or_else(|| ctx.lang.t("users-no-provider"))
    };
    let rows = users
        .into_iter()
        .map(|u| UserRow {
            role: role_label(ctx.lang, u.role),
            provider: provider_name(u.provider_id),
            user: u,
        })
        .collect();
    let mut provider_choices = vec![Choice {
        value: String::new(),
        label: ctx.lang.t("users-no-provider"),
        selected: form.provider.is_empty(),
    }];
    provider_choices.extend(providers.iter().map(|p| Choice {
        value: p.id.to_string(),
        label: format!("{} ({})", p.name, p.state),
        selected: p.id.to_string() == form.provider,
    }));
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = UsersPage {
        layout: Layout::new(ctx, "/admin/benutzer", "users-title"),
        rows,
        errors,
        form_email: form.email,
        form_name: form.display_name,
        roles: role_choices(
            ctx.lang,
            if form.role.is_empty() {
                "trainer"
            } else {
                &form.role
            },
        ),
        providers: provider_choices,
    };
    (status, render(&page)).into_response()
}

/// `GET /admin/benutzer`.
pub async fn users(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    users_page(&state, &ctx, NewUserForm::default(), FormErrors::default()).await
}

/// `POST /admin/benutzer`.
pub async fn create_user(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<NewUserForm>,
) -> Response {
    let lang = ctx.lang;
    let mut errors = FormErrors::default();
    let email = Email::parse(&form.email)
        .map_err(|e| errors.add(lang, &e))
        .ok();
    let role = Role::parse(&form.role)
        .map_err(|e| errors.add(lang, &e))
        .ok();
    let provider_id = if form.provider.is_empty() {
        None
    } else {
        ProviderId::parse(&form.provider)
            .map_err(|e| errors.add(lang, &e))
            .ok()
    };
    if let Some(r) = role
        && r.needs_provider()
        && provider_id.is_none()
    {
        errors.add_key(lang, "provider", "form-error-needs_provider");
    }
    if let Err(e) = lernweg_store::parse_display_name(&form.display_name) {
        errors.add(lang, &e);
    }
    if let Err(e) = lernweg_domain::check_password_policy(&form.password) {
        errors.add(lang, &e);
    }
    let (Some(email), Some(role), true) = (email, role, errors.is_empty()) else {
        return users_page(&state, &ctx, form, errors).await;
    };
    let new = NewUser {
        email,
        display_name: form.display_name.clone(),
        role,
        provider_id,
        password: Some(form.password.clone()),
    };
    match state.store.create_user(&ctx.actor(), new).await {
        Ok(u) => Redirect::to(&format!("/admin/benutzer/{}", u.id)).into_response(),
        Err(StoreError::Conflict(_)) => {
            errors.add_key(lang, "email", "form-error-email_taken");
            users_page(&state, &ctx, form, errors).await
        }
        Err(StoreError::NotFound) => {
            errors.add_key(lang, "provider", "form-error-invalid_id");
            users_page(&state, &ctx, form, errors).await
        }
        Err(StoreError::Invalid(e)) => {
            errors.add(lang, &e);
            users_page(&state, &ctx, form, errors).await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

#[derive(Template)]
#[template(path = "admin_user.html")]
pub struct UserPage {
    pub layout: Layout,
    pub user: User,
    pub provider: String,
    pub errors: FormErrors,
    pub form_name: String,
    pub roles: Vec<Choice>,
}

#[derive(Deserialize, Default)]
pub struct EditUserForm {
    #[serde(default)]
    display_name: String,
    #[serde(default)]
    role: String,
    active: Option<String>,
    #[serde(default)]
    password: String,
}

async fn user_page(
    state: &AppState,
    ctx: &Ctx,
    id: UserId,
    form: Option<EditUserForm>,
    errors: FormErrors,
) -> Response {
    let user = match state.store.user(id).await {
        Ok(u) => u,
        Err(e) => return PageError::from(e).into_response(),
    };
    let provider = match user.provider_id {
        Some(p) => state
            .store
            .provider(p)
            .await
            .map(|p| p.name.to_string())
            .unwrap_or_default(),
        None => ctx.lang.t("users-no-provider"),
    };
    if form.is_none() {
        // Viewing a person's account is logged.
        let entry = ctx
            .actor()
            .entry(user.provider_id, AuditAction::View, "user", user.id, "");
        if let Err(e) = state.store.audit(&entry).await {
            tracing::error!(error = %e, "audit failed");
        }
    }
    let form_name = form
        .as_ref()
        .map(|f| f.display_name.clone())
        .unwrap_or_else(|| user.display_name.clone());
    let role = form
        .as_ref()
        .map(|f| f.role.clone())
        .unwrap_or_else(|| user.role.as_str().to_owned());
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    };
    let page = UserPage {
        layout: Layout::new(ctx, "/admin/benutzer", "user-title"),
        roles: role_choices(ctx.lang, &role),
        user,
        provider,
        errors,
        form_name,
    };
    (status, render(&page)).into_response()
}

/// `GET /admin/benutzer/{id}`.
pub async fn user(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
) -> Response {
    let Ok(id) = UserId::parse(&id) else {
        return PageError::NotFound.into_response();
    };
    user_page(&state, &ctx, id, None, FormErrors::default()).await
}

/// `POST /admin/benutzer/{id}`.
pub async fn update_user(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Path(id): Path<String>,
    Form(form): Form<EditUserForm>,
) -> Response {
    let lang = ctx.lang;
    let Ok(id) = UserId::parse(&id) else {
        return PageError::NotFound.into_response();
    };
    let mut errors = FormErrors::default();
    let role = Role::parse(&form.role)
        .map_err(|e| errors.add(lang, &e))
        .ok();
    if let Err(e) = lernweg_store::parse_display_name(&form.display_name) {
        errors.add(lang, &e);
    }
    let password = (!form.password.is_empty()).then(|| form.password.clone());
    if let Some(pw) = &password
        && let Err(e) = lernweg_domain::check_password_policy(pw)
    {
        errors.add(lang, &e);
    }
    if ctx.user.as_ref().is_some_and(|u| u.id == id)
        && (form.active.is_none() || role != Some(Role::Admin))
    {
        // Admins cannot lock themselves out.
        errors.add_key(lang, "role", "form-error-self_lockout");
    }
    if !errors.is_empty() {
        return user_page(&state, &ctx, id, Some(form), errors).await;
    }
    let patch = UserPatch {
        display_name: Some(form.display_name.clone()),
        role,
        active: Some(form.active.is_some()),
        password,
    };
    match state.store.update_user(&ctx.actor(), id, patch).await {
        Ok(u) => Redirect::to(&format!("/admin/benutzer/{}", u.id)).into_response(),
        Err(StoreError::Invalid(e)) => {
            errors.add(lang, &e);
            user_page(&state, &ctx, id, Some(form), errors).await
        }
        Err(e) => PageError::from(e).into_response(),
    }
}

// ---------------------------------------------------------------- audit log

#[derive(Template)]
#[template(path = "admin_audit.html")]
pub struct AuditPage {
    pub layout: Layout,
    pub entries: Vec<AuditEntry>,
}

/// `GET /admin/protokoll`: the newest 500 entries.
pub async fn audit(State(state): State<AppState>, Extension(ctx): Extension<Ctx>) -> Response {
    match state.store.audit_entries(None, 500).await {
        Ok(entries) => render(&AuditPage {
            layout: Layout::new(&ctx, "/admin/protokoll", "audit-title"),
            entries,
        }),
        Err(e) => PageError::from(e).into_response(),
    }
}
