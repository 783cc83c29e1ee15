//! The start page — each role's work queue (`lernweg_app::queue`) — and the team of a
//! provider.

use askama::Template;
use axum::Extension;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use lernweg_app::queue::{WorkQueue, work_queue};
use lernweg_app::team::{self, Team};
use lernweg_domain::Role;
use lernweg_store::{Provider, RollCallSession, User};

use super::catalogue::date_text;
use super::{Layout, render, role_label};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::i18n::Lang;
use crate::routes::may_get;
use crate::warnings::WarningRow;

/// `GET /`: visitors see the catalogue; logged-in people their start page.
pub async fn root(Extension(ctx): Extension<Ctx>) -> Response {
    match &ctx.user {
        Some(u) if u.role.is_staff() => Redirect::to("/start").into_response(),
        Some(u) if u.role == Role::Participant => Redirect::to("/mein-weg").into_response(),
        Some(u) if u.role == Role::Employer => Redirect::to("/betrieb").into_response(),
        Some(u) if u.role == Role::Mentor => Redirect::to("/mentoring").into_response(),
        Some(_) => Redirect::to("/konto").into_response(),
        None => Redirect::to("/angebote").into_response(),
    }
}

/// One entry of the work queue: a link and what it is about.
pub struct Task {
    pub href: String,
    pub text: String,
}

/// One list of the work queue.
pub struct TaskList {
    /// The heading's id, for `aria-labelledby`.
    pub id: &'static str,
    pub heading: String,
    pub tasks: Vec<Task>,
}

#[derive(Template)]
#[template(path = "home.html")]
pub struct HomePage {
    pub layout: Layout,
    pub welcome: String,
    /// "Koordination · Träger Eins".
    pub who: String,
    pub lists: Vec<TaskList>,
    /// Link to the legal texts (admin and coordinators).
    pub legal_texts: bool,
    /// Counselling staff: the employers, the outbox and mentoring (kept out of the crowded
    /// top bar).
    pub employers: bool,
    /// Counselling staff: the section of early warnings (`crate::warnings`).
    pub warnings_shown: bool,
    pub warnings: Vec<WarningRow>,
    /// Why marking a warning as handled was refused.
    pub warning_error: Option<String>,
    pub warnings_back: &'static str,
}

fn session_task(lang: Lang, s: &RollCallSession, with_date: bool) -> Task {
    let time = match (s.session.start, s.session.end) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    };
    let key = if with_date {
        "home-task-roll-call"
    } else {
        "home-task-session"
    };
    Task {
        href: format!("/verwaltung/termine/{}/anwesenheit", s.session.id),
        text: lang.t_args(
            key,
            &[
                ("date", date_text(lang, s.session.date)),
                ("time", time),
                ("cohort", s.cohort_name.clone()),
                ("title", s.session.title.clone()),
                ("recorded", s.recorded.to_string()),
                ("expected", s.expected.to_string()),
            ],
        ),
    }
}

/// The queue as lists with links; empty lists are left out.
fn task_lists(lang: Lang, q: WorkQueue) -> Vec<TaskList> {
    let list = |id, key: &str, tasks: Vec<Task>| TaskList {
        id,
        heading: lang.t(key),
        tasks,
    };
    let lists = vec![
        list(
            "queue-today",
            "home-queue-today",
            q.today
                .iter()
                .map(|s| session_task(lang, s, false))
                .collect(),
        ),
        list(
            "queue-roll-calls",
            "home-queue-roll-calls",
            q.open_roll_calls
                .iter()
                .map(|s| session_task(lang, s, true))
                .collect(),
        ),
        list(
            "queue-contact",
            "home-queue-contact",
            q.without_contact
                .iter()
                .map(|p| Task {
                    href: format!("/verwaltung/teilnehmende/{}", p.id),
                    text: format!("{} {}", p.data.given_name, p.data.family_name),
                })
                .chain(
                    (q.without_contact_total > q.without_contact.len() as u64).then(|| Task {
                        href: "/verwaltung/teilnehmende?kontakt=ohne".to_owned(),
                        text: lang.t_args(
                            if q.without_contact_capped {
                                "home-task-contact-more"
                            } else {
                                "home-task-contact-all"
                            },
                            &[("count", q.without_contact_total.to_string())],
                        ),
                    }),
                )
                .collect(),
        ),
        list(
            "queue-loans",
            "home-queue-loans",
            q.overdue_loans
                .iter()
                .map(|l| Task {
                    href: "/verwaltung/leihgeraete".to_owned(),
                    text: lang.t_args(
                        "home-task-loan",
                        &[
                            ("person", l.participant.clone()),
                            ("due", date_text(lang, l.loan.due_on)),
                        ],
                    ),
                })
                .collect(),
        ),
        list(
            "queue-start",
            "home-queue-start",
            q.to_start
                .iter()
                .map(|c| Task {
                    href: format!("/verwaltung/durchgaenge/{}", c.id),
                    text: lang.t_args(
                        "home-task-cohort",
                        &[
                            ("name", c.name.clone()),
                            ("date", date_text(lang, c.start_date)),
                            (
                                "status",
                                lang.t(&format!("cohort-status-{}", c.status.as_str())),
                            ),
                        ],
                    ),
                })
                .collect(),
        ),
        list(
            "queue-imports",
            "home-queue-imports",
            q.imports
                .iter()
                .map(|j| Task {
                    href: format!("/verwaltung/teilnehmende/import/{}", j.id),
                    text: lang.t_args(
                        "home-task-import",
                        &[
                            ("file", j.file_name.clone()),
                            ("rows", j.valid_rows.to_string()),
                        ],
                    ),
                })
                .collect(),
        ),
    ];
    lists.into_iter().filter(|l| !l.tasks.is_empty()).collect()
}

/// `GET /start`: the caller's work queue.
pub async fn dashboard(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    start_page(&state, &ctx, None).await
}

/// The start page; with `warning_error` (a refused mark of an early warning) it is answered
/// with 422.
pub(crate) async fn start_page(
    state: &AppState,
    ctx: &Ctx,
    warning_error: Option<String>,
) -> Result<Response, PageError> {
    let user = ctx.user.as_ref().ok_or(PageError::Forbidden)?;
    let caller = ctx.caller().ok_or(PageError::Forbidden)?;
    let queue = work_queue(&state.app, &caller).await?;
    let Team { provider, .. } = team::team(&state.app, &caller.principal).await?;
    let lang = ctx.lang;
    let warnings_shown = may_get("/verwaltung/fruehwarnungen", Some(user.role));
    let warnings = if warnings_shown {
        let open =
            lernweg_app::warnings::for_contact_person(&state.app, &caller, "page: start").await?;
        crate::warnings::rows(lang, &open)
    } else {
        Vec::new()
    };
    let role = role_label(lang, user.role);
    let failed = warning_error.is_some();
    let page = HomePage {
        welcome: lang.t_args("home-welcome", &[("name", user.display_name.clone())]),
        who: match provider {
            Some(p) => format!("{role} · {}", p.name),
            None => role,
        },
        lists: task_lists(lang, queue),
        legal_texts: may_get("/verwaltung/rechtstexte", Some(user.role)),
        employers: may_get("/verwaltung/betriebe", Some(user.role)),
        warnings_shown,
        warnings,
        warning_error,
        warnings_back: "start",
        layout: Layout::new(ctx, "/start", "home-title"),
    };
    let mut r = render(&page);
    if failed {
        *r.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
    }
    Ok(r)
}

/// One row of the team table.
pub struct TeamRow {
    pub user: User,
    pub role: String,
}

#[derive(Template)]
#[template(path = "team.html")]
pub struct TeamPage {
    pub layout: Layout,
    pub provider: Option<Provider>,
    pub rows: Vec<TeamRow>,
}

/// `GET /team`: the staff of the user's provider (the admin sees everybody).
pub async fn team(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PageError> {
    let principal = ctx.principal().ok_or(PageError::Forbidden)?;
    let Team { provider, staff } = team::team(&state.app, &principal).await?;
    let rows = staff
        .into_iter()
        .map(|u| TeamRow {
            role: role_label(ctx.lang, u.role),
            user: u,
        })
        .collect();
    Ok(render(&TeamPage {
        layout: Layout::new(&ctx, "/team", "team-title"),
        provider,
        rows,
    }))
}
