//! Administration: providers, users and the audit log (admins only, see the route table).

use std::collections::BTreeMap;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::admin::{self, AccountPatch, NewAccount, ProviderChange};
use lernweg_app::{AppError, Caller};
use lernweg_domain::{
    ParseError, ProviderDetailsInput, ProviderId, Role, State as FedState, UserId,
};
use lernweg_store::{Provider, User};
use serde::Deserialize;

use super::{Layout, render, role_label};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
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

    /// The invalid fields of a refused use-case, at the form's fields (`provider` for the
    /// API's `provider_id`); any other refusal is not the form's business.
    fn add_refusal(&mut self, lang: Lang, e: AppError) -> Result<(), PageError> {
        match e {
            AppError::Invalid(list) => {
                for e in list {
                    match (e.field, e.code) {
                        ("provider_id", _) => {
                            self.add_key(lang, "provider", "form-error-invalid_id")
                        }
                        _ => self.add(lang, &e),
                    }
                }
                Ok(())
            }
            AppError::Conflict(_) => {
                self.add_key(lang, "email", "form-error-email_taken");
                Ok(())
            }
            other => Err(other.into()),
        }
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

/// The providers the caller may see as choices (the admin picks the provider of a new
/// record), `selected` by id.
pub(crate) async fn provider_choices(
    state: &AppState,
    ctx: &Ctx,
    selected: &str,
) -> Result<Vec<Choice>, PageError> {
    let who = ctx.principal().ok_or(PageError::Forbidden)?;
    Ok(admin::providers(&state.app, &who)
        .await?
        .into_iter()
        .map(|p| Choice {
            value: p.id.to_string(),
            label: p.name.to_string(),
            selected: p.id.to_string() == selected,
        })
        .collect())
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

pub(crate) fn caller(ctx: &Ctx) -> Result<Caller, PageError> {
    ctx.caller().ok_or(PageError::NotFound)
}

/// 200 for a fresh form, 422 for one with mistakes.
fn status_of(errors: &FormErrors) -> StatusCode {
    if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::UNPROCESSABLE_ENTITY
    }
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
    /// KURSNET supplier number and address: only on a provider's own page.
    #[serde(flatten)]
    details: ProviderDetailsInput,
}

/// The KURSNET fields in form order: name, Fluent label id, input type, max length.
pub const DETAIL_FIELDS: &[(&str, &str, &str, u32)] = &[
    (
        "kursnet_supplier_id",
        "provider-kursnet_supplier_id",
        "text",
        12,
    ),
    ("street", "provider-street", "text", 200),
    ("zip", "provider-zip", "text", 5),
    ("city", "provider-city", "text", 200),
    ("phone", "provider-phone", "tel", 40),
    ("email", "provider-email", "email", 254),
    ("website", "provider-website", "url", 300),
    (
        "min_publication_weeks",
        "provider-min_publication_weeks",
        "number",
        3,
    ),
];

async fn providers_page(
    state: &AppState,
    ctx: &Ctx,
    form: ProviderForm,
    errors: FormErrors,
) -> Result<Response, PageError> {
    let providers = admin::providers(&state.app, &caller(ctx)?.principal).await?;
    let page = ProvidersPage {
        layout: Layout::new(ctx, "/admin/traeger", "providers-title"),
        providers,
        name: form.name,
        states: state_choices(&form.state),
        errors,
    };
    Ok((status_of(&page.errors), render(&page)).into_response())
}

/// `GET /admin/traeger`.
pub async fn providers(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    providers_page(&state, &ctx, ProviderForm::default(), FormErrors::default()).await
}

/// `POST /admin/traeger`.
pub async fn create_provider(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<ProviderForm>,
) -> Result<Response, PageError> {
    match admin::create_provider(&state.app, &caller(&ctx)?, &form.name, &form.state).await {
        Ok(p) => Ok(Redirect::to(&format!("/admin/traeger/{}", p.id)).into_response()),
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add_refusal(ctx.lang, e)?;
            providers_page(&state, &ctx, form, errors).await
        }
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
    pub details: ProviderDetailsInput,
    pub detail_fields: &'static [(&'static str, &'static str, &'static str, u32)],
}

async fn provider_page(
    state: &AppState,
    ctx: &Ctx,
    id: ProviderId,
    form: Option<ProviderForm>,
    errors: FormErrors,
) -> Result<Response, PageError> {
    let provider = admin::provider(&state.app, &caller(ctx)?.principal, id).await?;
    let users = admin::users_of(&state.app, &caller(ctx)?.principal, id)
        .await?
        .into_iter()
        .map(|u| {
            let r = role_label(ctx.lang, u.role);
            (u, r)
        })
        .collect();
    let form = form.unwrap_or_else(|| ProviderForm {
        name: provider.name.to_string(),
        state: provider.state.code().to_owned(),
        details: ProviderDetailsInput::from(&provider.details),
    });
    let page = ProviderPage {
        layout: Layout::new(ctx, "/admin/traeger", "provider-title"),
        provider,
        users,
        name: form.name,
        states: state_choices(&form.state),
        details: form.details,
        detail_fields: DETAIL_FIELDS,
        errors,
    };
    Ok((status_of(&page.errors), render(&page)).into_response())
}

/// `GET /admin/traeger/{id}`.
pub async fn provider(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ProviderId>,
) -> Result<Response, PageError> {
    provider_page(&state, &ctx, id, None, FormErrors::default()).await
}

/// `POST /admin/traeger/{id}`.
pub async fn update_provider(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ProviderId>,
    Form(form): Form<ProviderForm>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let change = ProviderChange {
        name: Some(form.name.clone()),
        state: Some(form.state.clone()),
        details: form.details.clone(),
    };
    match admin::update_provider(&state.app, &caller, id, &change).await {
        Ok(p) => Ok(Redirect::to(&format!("/admin/traeger/{}", p.id)).into_response()),
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add_refusal(ctx.lang, e)?;
            provider_page(&state, &ctx, id, Some(form), errors).await
        }
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
) -> Result<Response, PageError> {
    let who = caller(ctx)?.principal;
    let users = admin::users(&state.app, &who).await?;
    let providers = admin::providers(&state.app, &who).await?;
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
    let page = UsersPage {
        layout: Layout::new(ctx, "/admin/benutzer", "users-title"),
        rows,
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
        errors,
    };
    Ok((status_of(&page.errors), render(&page)).into_response())
}

/// `GET /admin/benutzer`.
pub async fn users(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    users_page(&state, &ctx, NewUserForm::default(), FormErrors::default()).await
}

/// `POST /admin/benutzer`.
pub async fn create_user(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Form(form): Form<NewUserForm>,
) -> Result<Response, PageError> {
    let new = NewAccount {
        email: form.email.clone(),
        display_name: form.display_name.clone(),
        role: form.role.clone(),
        provider: (!form.provider.is_empty()).then(|| form.provider.clone()),
        password: form.password.clone(),
    };
    match admin::create_user(&state.app, &caller(&ctx)?, new).await {
        Ok(u) => Ok(Redirect::to(&format!("/admin/benutzer/{}", u.id)).into_response()),
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add_refusal(ctx.lang, e)?;
            users_page(&state, &ctx, form, errors).await
        }
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

/// The page of an account: read (and logged) when `form` is `None`, else the refused form.
async fn user_page(
    state: &AppState,
    ctx: &Ctx,
    id: UserId,
    form: Option<EditUserForm>,
    errors: FormErrors,
) -> Result<Response, PageError> {
    let caller = caller(ctx)?;
    let user = match form {
        None => admin::view_user(&state.app, &caller, id, "").await?,
        Some(_) => admin::user(&state.app, &caller.principal, id).await?,
    };
    let provider = match user.provider_id {
        Some(p) => admin::provider(&state.app, &caller.principal, p)
            .await?
            .name
            .to_string(),
        None => ctx.lang.t("users-no-provider"),
    };
    let form_name = form
        .as_ref()
        .map(|f| f.display_name.clone())
        .unwrap_or_else(|| user.display_name.clone());
    let role = form
        .as_ref()
        .map(|f| f.role.clone())
        .unwrap_or_else(|| user.role.as_str().to_owned());
    let page = UserPage {
        layout: Layout::new(ctx, "/admin/benutzer", "user-title"),
        roles: role_choices(ctx.lang, &role),
        user,
        provider,
        form_name,
        errors,
    };
    Ok((status_of(&page.errors), render(&page)).into_response())
}

/// `GET /admin/benutzer/{id}`.
pub async fn user(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<UserId>,
) -> Result<Response, PageError> {
    user_page(&state, &ctx, id, None, FormErrors::default()).await
}

/// `POST /admin/benutzer/{id}`.
pub async fn update_user(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<UserId>,
    Form(form): Form<EditUserForm>,
) -> Result<Response, PageError> {
    let patch = AccountPatch {
        display_name: Some(form.display_name.clone()),
        role: Some(form.role.clone()),
        active: Some(form.active.is_some()),
        password: (!form.password.is_empty()).then(|| form.password.clone()),
    };
    match admin::update_user(&state.app, &caller(&ctx)?, id, patch).await {
        Ok(u) => Ok(Redirect::to(&format!("/admin/benutzer/{}", u.id)).into_response()),
        Err(e) => {
            let mut errors = FormErrors::default();
            errors.add_refusal(ctx.lang, e)?;
            user_page(&state, &ctx, id, Some(form), errors).await
        }
    }
}
