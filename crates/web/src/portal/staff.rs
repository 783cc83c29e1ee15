//! Staff side of participant access, on the participant page: invite by e-mail, print a
//! one-time code, revoke open invitations, see each invitation's status, revoke the
//! participant's calendar link. Counselling roles of the participant's provider only
//! (another provider's participant is a 404, as everywhere).

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use lernweg_app::Caller;
use lernweg_app::access::{self, Invited, PortalAccess};
use lernweg_domain::{LoginId, ParticipantId};
use lernweg_store::{INVITATION_DAYS, InvitationKind, IssuedInvitation, ParticipantRecord};

use super::date;
use super::mail::{MailError, OutgoingMail, send};
use crate::AppState;
use crate::context::Ctx;
use crate::error::{PageError, log_app_error};
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::catalogue::base_url;
use crate::pages::{Layout, render};

pub struct InvitationRow {
    pub kind: String,
    pub created: String,
    pub until: String,
    pub status: String,
    pub status_code: &'static str,
}

/// The access box on the participant page (`portal_staff_access.html`).
pub struct StaffAccess {
    pub participant_id: String,
    /// The login of the linked account, if there is one.
    pub account: Option<String>,
    pub account_active: bool,
    pub has_email: bool,
    pub mail_ready: bool,
    pub rows: Vec<InvitationRow>,
    pub has_open: bool,
    pub feed_since: Option<String>,
    /// How many days an invitation lasts.
    pub days: String,
    /// The account, invitations or calendar link could not be read (logged): the box says so
    /// instead of showing "none".
    pub unavailable: bool,
}

impl StaffAccess {
    /// Loads the box; a failure of the store is logged and the box says it cannot show the
    /// access (the page itself still works).
    pub async fn load(state: &AppState, lang: Lang, p: &ParticipantRecord) -> StaffAccess {
        let now = state.app.clock.now_utc();
        let (access, unavailable) = match access::of(&state.app, p).await {
            Ok(a) => (a, false),
            Err(e) => {
                log_app_error(&e);
                (PortalAccess::default(), true)
            }
        };
        let PortalAccess {
            account,
            invitations,
            feed,
        } = access;
        let rows: Vec<InvitationRow> = invitations
            .iter()
            .map(|i| {
                let status = i.status(now);
                InvitationRow {
                    kind: lang.t(&format!("portal-staff-kind-{}", i.kind.as_str())),
                    created: date(i.created_at.date_naive()),
                    until: date(i.expires_at.date_naive()),
                    status: lang.t(&format!("portal-staff-status-{}", status.as_str())),
                    status_code: status.as_str(),
                }
            })
            .collect();
        StaffAccess {
            participant_id: p.id.to_string(),
            account_active: account.as_ref().is_some_and(|u| u.active),
            account: account.map(|u| u.login_id().to_string()),
            has_email: p.data.email.is_some(),
            mail_ready: state.config.mail.is_configured(),
            has_open: rows.iter().any(|r| r.status_code == "open"),
            rows,
            feed_since: feed.map(|f| date(f.created_at.date_naive())),
            days: INVITATION_DAYS.to_string(),
            unavailable,
        }
    }
}

#[derive(Template)]
#[template(path = "portal_staff_message.html")]
pub struct StaffMessage {
    pub layout: Layout,
    pub participant_id: String,
    pub message: String,
}

fn staff_message(ctx: &Ctx, p: &ParticipantRecord, status: StatusCode, key: &str) -> Response {
    let page = StaffMessage {
        layout: Layout::new(ctx, "/verwaltung/teilnehmende", "portal-staff-heading"),
        participant_id: p.id.to_string(),
        message: ctx.lang.t(key),
    };
    (status, render(&page)).into_response()
}

/// One block of the printed sheet, in one language.
pub struct SheetText {
    pub lang: &'static str,
    pub rtl: bool,
    pub heading: String,
    pub hello: String,
    pub step_address: String,
    pub step_code: String,
    pub valid: String,
    pub step_password: String,
    pub login_label: String,
    pub questions: String,
}

#[derive(Template)]
#[template(path = "portal_code_sheet.html")]
pub struct CodeSheet {
    pub layout: Layout,
    pub participant_id: String,
    pub address: String,
    pub code: String,
    pub login: String,
    pub texts: Vec<SheetText>,
}

/// The languages a participant's paper or e-mail is written in: plain German, and their own
/// language too when the portal speaks it.
fn letter_langs(p: &ParticipantRecord) -> Vec<Lang> {
    let own = p
        .data
        .mother_tongue
        .as_ref()
        .and_then(|l| Lang::for_participant(l.as_str()))
        .filter(|l| *l != Lang::De);
    std::iter::once(Lang::De).chain(own).collect()
}

fn login_label(lang: Lang, login: &LoginId) -> String {
    match login {
        LoginId::Email(_) => lang.t("portal-login-is-email"),
        LoginId::Name(_) => lang.t("portal-login-is-name"),
    }
}

fn caller(ctx: &Ctx) -> Result<Caller, PageError> {
    ctx.caller().ok_or(PageError::NotFound)
}

fn back_to(p: &ParticipantRecord) -> Redirect {
    Redirect::to(&format!("/verwaltung/teilnehmende/{}#zugang", p.id))
}

fn until(issued: &IssuedInvitation) -> String {
    date(issued.invitation.expires_at.date_naive())
}

/// `POST /verwaltung/teilnehmende/{id}/zugang/code`: a printable sheet with a new code.
pub async fn invite_code(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let Invited {
        participant: p,
        issued,
        contact_person,
    } = access::invite(&state.app, &caller(&ctx)?, id, InvitationKind::Code).await?;
    let contact = contact_person.unwrap_or_default();
    let until = until(&issued);
    let texts = letter_langs(&p)
        .into_iter()
        .map(|l| SheetText {
            lang: l.code(),
            rtl: l.is_rtl(),
            heading: l.t("portal-sheet-heading"),
            hello: l.t_args("portal-path-hello", &[("name", p.data.given_name.clone())]),
            step_address: l.t("portal-sheet-step-address"),
            step_code: l.t("portal-sheet-step-code"),
            valid: l.t_args("portal-sheet-valid", &[("date", until.clone())]),
            step_password: l.t("portal-sheet-step-password"),
            login_label: login_label(l, &issued.login),
            questions: if contact.is_empty() {
                String::new()
            } else {
                l.t_args("portal-sheet-questions", &[("name", contact.clone())])
            },
        })
        .collect();
    let mut layout = Layout::new(&ctx, "/verwaltung/teilnehmende", "portal-staff-sheet-title");
    // A language switch returns to the person (the code is shown only once anyway).
    layout.here = format!("/verwaltung/teilnehmende/{}", p.id);
    let page = CodeSheet {
        layout,
        participant_id: p.id.to_string(),
        address: format!("{}/code", base_url(&state, &headers)),
        code: issued.secret.clone(),
        login: issued.login.to_string(),
        texts,
    };
    Ok(render(&page))
}

/// The invitation e-mail: plain German, then the participant's language if the portal
/// speaks it.
fn mail_text(
    p: &ParticipantRecord,
    link: &str,
    issued: &IssuedInvitation,
    contact: &str,
) -> (String, String) {
    let langs = letter_langs(p);
    let subject = langs
        .iter()
        .map(|l| l.t("portal-mail-subject"))
        .collect::<Vec<_>>()
        .join(" / ");
    let body = langs
        .iter()
        .map(|l| {
            let mut text = l.t_args(
                "portal-mail-body",
                &[
                    ("name", p.data.given_name.clone()),
                    ("link", link.to_owned()),
                    ("date", until(issued)),
                    ("login", issued.login.to_string()),
                ],
            );
            if !contact.is_empty() {
                text.push_str("\n\n");
                text.push_str(&l.t_args("portal-sheet-questions", &[("name", contact.to_owned())]));
            }
            text
        })
        .collect::<Vec<_>>()
        .join("\n\n-----\n\n");
    (subject, body)
}

/// `POST /verwaltung/teilnehmende/{id}/zugang/einladung`: sends the invitation e-mail.
pub async fn invite_email(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let p = access::participant(&state.app, &caller, id).await?;
    let Some(email) = p.data.email.clone() else {
        return Ok(staff_message(
            &ctx,
            &p,
            StatusCode::UNPROCESSABLE_ENTITY,
            "portal-staff-mail-no-address",
        ));
    };
    if !state.config.mail.is_configured() {
        return Ok(staff_message(
            &ctx,
            &p,
            StatusCode::UNPROCESSABLE_ENTITY,
            MailError::NotConfigured.message_id(),
        ));
    }
    let Invited {
        participant: p,
        issued,
        contact_person,
    } = access::invite(&state.app, &caller, id, InvitationKind::Email).await?;
    let link = format!(
        "{}/einladung?code={}",
        base_url(&state, &headers),
        issued.secret
    );
    let contact = contact_person.unwrap_or_default();
    let (subject, body) = mail_text(&p, &link, &issued, &contact);
    let mail = OutgoingMail {
        to: email,
        to_name: format!("{} {}", p.data.given_name, p.data.family_name),
        subject,
        body,
    };
    if let Err(e) = send(&state.config.mail, state.config.public_url.as_deref(), mail).await {
        tracing::error!(error = %e, "invitation e-mail not sent");
        // An invitation nobody received must not stay open.
        access::revoke_invitations(&state.app, &caller, p.id).await?;
        let status = match e {
            MailError::Transport(_) => StatusCode::BAD_GATEWAY,
            _ => StatusCode::UNPROCESSABLE_ENTITY,
        };
        return Ok(staff_message(&ctx, &p, status, e.message_id()));
    }
    Ok(back_to(&p).into_response())
}

/// `POST /verwaltung/teilnehmende/{id}/zugang/widerrufen`: open invitations stop working.
pub async fn revoke(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
) -> Result<Redirect, PageError> {
    let p = access::revoke_invitations(&state.app, &caller(&ctx)?, id).await?;
    Ok(back_to(&p))
}

/// `POST /verwaltung/teilnehmende/{id}/zugang/kalender-widerrufen`: the participant's
/// calendar link stops working (they can make a new one on their path).
pub async fn revoke_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
) -> Result<Redirect, PageError> {
    let p = access::revoke_feed(&state.app, &caller(&ctx)?, id).await?;
    Ok(back_to(&p))
}
