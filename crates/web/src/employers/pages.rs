//! Staff pages of employers (counselling roles): the list with search, and an employer's
//! page with its contact people and their access to `/betrieb` (invite by e-mail, print a
//! code, revoke), the linked employees and the employer's calendar link.

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use lernweg_app::{Caller, employer_portal, employers};
use lernweg_domain::{Cursor, EmployerContactId, EmployerId, Limit, Search, Sector};
use lernweg_store::{EmployerContact, EmployerRecord, INVITATION_DAYS, InvitationKind};
use serde::Deserialize;

use super::portal::feed_url;
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::{PageId, PageIds, given};
use crate::pages::{Layout, render};
use crate::portal::date;
use crate::portal::mail::{MailError, OutgoingMail, send};
use crate::public_catalogue::base_url;

const LIST: &str = "/verwaltung/betriebe";

fn caller(ctx: &Ctx) -> Result<Caller, PageError> {
    ctx.caller().ok_or(PageError::NotFound)
}

fn sector_label(ctx: &Ctx, s: Sector) -> String {
    ctx.lang.t(&format!("employer-sector-{}", s.code()))
}

pub struct ListRow {
    pub id: String,
    pub name: String,
    pub city: String,
    pub sector: String,
    pub contacts: usize,
}

pub struct SectorChoice {
    pub code: &'static str,
    pub label: String,
    pub selected: bool,
}

#[derive(Template)]
#[template(path = "employers_list.html")]
pub struct ListPage {
    pub layout: Layout,
    pub q: String,
    pub sectors: Vec<SectorChoice>,
    pub rows: Vec<ListRow>,
    /// The query of the next page, if there is one.
    pub next: Option<String>,
}

#[derive(Deserialize)]
pub struct ListQuery {
    q: Option<String>,
    sector: Option<String>,
    nach: Option<String>,
}

/// `GET /verwaltung/betriebe?q=&sector=&nach=`: the employers by name, 50 at a time.
pub async fn list(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    Query(query): Query<ListQuery>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let q = query.q.clone().unwrap_or_default();
    // Input a person typed that names nothing lists nothing new: the whole list.
    let search = Search::parse(&q).ok().flatten();
    let sector = given(&query.sector).and_then(|s| Sector::parse(s).ok());
    let cursor = given(&query.nach).and_then(|c| Cursor::parse(c).ok().flatten());
    let slice = employers::employers_after(
        &state.app,
        &caller.principal,
        sector,
        search,
        cursor.as_ref(),
        Limit::default(),
    )
    .await?;
    let next = slice.next.as_ref().map(|c| {
        form_urlencoded::Serializer::new(String::new())
            .append_pair("q", &q)
            .append_pair("sector", sector.map(|s| s.code()).unwrap_or(""))
            .append_pair("nach", &c.encode())
            .finish()
    });
    let page = ListPage {
        layout: Layout::new(&ctx, LIST, "employers-title"),
        sectors: Sector::ALL
            .iter()
            .map(|s| SectorChoice {
                code: s.code(),
                label: sector_label(&ctx, *s),
                selected: Some(*s) == sector,
            })
            .collect(),
        q,
        rows: slice
            .items
            .into_iter()
            .map(|e| ListRow {
                id: e.id.to_string(),
                sector: sector_label(&ctx, e.sector),
                contacts: e.contacts.len(),
                name: e.name,
                city: e.city,
            })
            .collect(),
        next,
    };
    Ok(render(&page))
}

pub struct ContactRow {
    pub id: String,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub channel: String,
    pub account: Option<String>,
    /// The newest invitation: "E-Mail-Link, 03.12.2026, gültig bis …: offen".
    pub invitation: Option<String>,
    pub has_open: bool,
}

pub struct EmployeeRow {
    pub participant_id: String,
    pub name: String,
    pub since: String,
    /// Why and when the link ended, for ended links.
    pub ended: Option<String>,
}

#[derive(Template)]
#[template(path = "employers_detail.html")]
pub struct DetailPage {
    pub layout: Layout,
    pub id: String,
    pub name: String,
    pub address: String,
    pub sector: String,
    pub kldb: String,
    pub note: String,
    pub contacts: Vec<ContactRow>,
    pub employees: Vec<EmployeeRow>,
    pub feed_url: Option<String>,
    pub mail_ready: bool,
    pub days: String,
}

/// `GET /verwaltung/betriebe/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<EmployerId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let e = employers::visible_employer(&state.app, &caller.principal, id).await?;
    let access = employers::contact_access(&state.app, &e).await?;
    let links = employers::employees(&state.app, &caller, e.id).await?;
    let now = state.app.clock.now_utc();
    let t = |k: &str| ctx.lang.t(k);
    let contacts = access
        .into_iter()
        .map(|a| {
            let newest = a.invitations.first();
            ContactRow {
                id: a.contact.id.to_string(),
                email: a
                    .contact
                    .email
                    .as_ref()
                    .map(|m| m.to_string())
                    .unwrap_or_default(),
                phone: a.contact.phone.clone(),
                channel: t(&format!(
                    "employer-channel-{}",
                    a.contact.preferred_channel.code()
                )),
                name: a.contact.name,
                account: a.account.map(|u| u.login_id().to_string()),
                invitation: newest.map(|i| {
                    ctx.lang.t_args(
                        "employer-invitation-line",
                        &[
                            ("kind", t(&format!("portal-staff-kind-{}", i.kind.as_str()))),
                            ("created", date(i.created_at.date_naive())),
                            ("until", date(i.expires_at.date_naive())),
                            (
                                "status",
                                t(&format!("portal-staff-status-{}", i.status(now).as_str())),
                            ),
                        ],
                    )
                }),
                has_open: a
                    .invitations
                    .iter()
                    .any(|i| i.status(now) == lernweg_store::InvitationStatus::Open),
            }
        })
        .collect();
    let employees = links
        .into_iter()
        .map(|l| EmployeeRow {
            participant_id: l.participant_id.to_string(),
            name: format!("{} {}", l.given_name, l.family_name),
            since: date(l.since),
            ended: l.ended_on.map(|d| {
                let why = l.end_reason.as_deref().unwrap_or("ended_by_staff");
                ctx.lang
                    .t_args(&format!("employer-link-ended-{why}"), &[("date", date(d))])
            }),
        })
        .collect();
    let mut layout = Layout::new(&ctx, LIST, "employers-title");
    layout.title = e.name.clone();
    let page = DetailPage {
        layout,
        id: e.id.to_string(),
        address: [
            e.street.as_str(),
            format!("{} {}", e.postcode, e.city).trim(),
        ]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", "),
        sector: sector_label(&ctx, e.sector),
        kldb: e.kldb.map(|k| k.as_str().to_owned()).unwrap_or_default(),
        note: e.note,
        feed_url: e.feed_secret.map(|s| feed_url(&state, &headers, &s)),
        name: e.name,
        contacts,
        employees,
        mail_ready: state.config.mail.is_configured(),
        days: INVITATION_DAYS.to_string(),
    };
    Ok(render(&page))
}

fn back_to(id: EmployerId, anchor: &str) -> Response {
    Redirect::to(&format!("{LIST}/{id}#{anchor}")).into_response()
}

#[derive(Template)]
#[template(path = "employers_message.html")]
pub struct MessagePage {
    pub layout: Layout,
    pub employer_id: String,
    pub message: String,
}

fn message(ctx: &Ctx, id: EmployerId, status: StatusCode, key: &str) -> Response {
    let page = MessagePage {
        layout: Layout::new(ctx, LIST, "employers-title"),
        employer_id: id.to_string(),
        message: ctx.lang.t(key),
    };
    (status, render(&page)).into_response()
}

#[derive(Template)]
#[template(path = "employers_code_sheet.html")]
pub struct CodeSheet {
    pub layout: Layout,
    pub employer_id: String,
    pub hello: String,
    pub employer_name: String,
    pub address: String,
    pub code: String,
    pub login: String,
    pub valid: String,
}

/// `POST /verwaltung/betriebe/{id}/kontakte/{contact}/code`: a printable sheet with a new
/// one-time code for the contact person (plain German).
pub async fn invite_code(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageIds(id, contact): PageIds<EmployerId, EmployerContactId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let (employer, contact, issued) =
        employers::invite_contact(&state.app, &caller, id, contact, InvitationKind::Code).await?;
    let de = crate::i18n::Lang::De;
    let until = date(issued.invitation.expires_at.date_naive());
    let mut layout = Layout::new(&ctx, LIST, "employers-sheet-title");
    layout.here = format!("{LIST}/{}", employer.id);
    let page = CodeSheet {
        layout,
        employer_id: employer.id.to_string(),
        hello: de.t_args("employer-hello", &[("name", contact.name.clone())]),
        employer_name: employer.name.clone(),
        address: format!("{}/code", base_url(&state, &headers)),
        code: issued.secret.clone(),
        login: issued.login.to_string(),
        valid: de.t_args("portal-sheet-valid", &[("date", until)]),
    };
    Ok(render(&page))
}

fn mail_for(
    employer: &EmployerRecord,
    contact: &EmployerContact,
    link: &str,
    until: String,
    login: String,
) -> (String, String) {
    let de = crate::i18n::Lang::De;
    let subject = de.t("employer-mail-subject");
    let body = de.t_args(
        "employer-mail-body",
        &[
            ("name", contact.name.clone()),
            ("employer", employer.name.clone()),
            ("link", link.to_owned()),
            ("date", until),
            ("login", login),
        ],
    );
    (subject, body)
}

/// `POST /verwaltung/betriebe/{id}/kontakte/{contact}/einladung`: sends the invitation
/// e-mail. An invitation that could not be sent is revoked at once.
pub async fn invite_email(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageIds(id, contact): PageIds<EmployerId, EmployerContactId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let (_, c) = employers::visible_contact(&state.app, &caller.principal, id, contact).await?;
    let Some(to) = c.email.clone() else {
        return Ok(message(
            &ctx,
            id,
            StatusCode::UNPROCESSABLE_ENTITY,
            "employers-mail-no-address",
        ));
    };
    if !state.config.mail.is_configured() {
        let key = MailError::NotConfigured.message_id();
        return Ok(message(&ctx, id, StatusCode::UNPROCESSABLE_ENTITY, key));
    }
    let (employer, c, issued) =
        employers::invite_contact(&state.app, &caller, id, contact, InvitationKind::Email).await?;
    let link = format!(
        "{}/einladung?code={}",
        base_url(&state, &headers),
        issued.secret
    );
    let until = date(issued.invitation.expires_at.date_naive());
    let (subject, body) = mail_for(&employer, &c, &link, until, issued.login.to_string());
    let mail = OutgoingMail {
        to,
        to_name: c.name.clone(),
        subject,
        body,
    };
    if let Err(e) = send(&state.config.mail, state.config.public_url.as_deref(), mail).await {
        tracing::error!(error = %e, "employer invitation e-mail not sent");
        employers::revoke_contact_invitations(&state.app, &caller, id, contact).await?;
        let status = match e {
            MailError::Transport(_) => StatusCode::BAD_GATEWAY,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        return Ok(message(&ctx, id, status, e.message_id()));
    }
    Ok(back_to(id, "kontakte"))
}

/// `POST /verwaltung/betriebe/{id}/kontakte/{contact}/widerrufen`: open invitations of the
/// contact person stop working.
pub async fn revoke(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageIds(id, contact): PageIds<EmployerId, EmployerContactId>,
) -> Result<Response, PageError> {
    employers::revoke_contact_invitations(&state.app, &caller(&ctx)?, id, contact).await?;
    Ok(back_to(id, "kontakte"))
}

/// `POST /verwaltung/betriebe/{id}/kalender`: a new calendar link for the employer.
pub async fn renew_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<EmployerId>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let e = employers::visible_employer(&state.app, &caller.principal, id).await?;
    employer_portal::renew_feed(&state.app, &caller, &e).await?;
    Ok(back_to(id, "kalender"))
}

/// `POST /verwaltung/betriebe/{id}/kalender/widerrufen`: the employer's calendar link
/// stops working.
pub async fn revoke_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<EmployerId>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let e = employers::visible_employer(&state.app, &caller.principal, id).await?;
    employer_portal::revoke_feed(&state.app, &caller, &e).await?;
    Ok(back_to(id, "kalender"))
}
