//! `/mein-weg`: the participant's own path. The timeline of each of their cohorts (with
//! today marked), their next dates, their contact person, their calendar link and their
//! readiness checks. Only their own data: the page takes no ids at all.

use askama::Template;
use axum::Extension;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Datelike;
use lernweg_app::AppError;
use lernweg_app::participants::readiness;
use lernweg_app::portal::{self, PathCohort};
use lernweg_offers::publish::path_svg::{path_list, path_svg};
use lernweg_offers::run::Phase;
use lernweg_participants::EnrolmentStatus;
use lernweg_store::{ParticipantRecord, SessionStatus};
use serde::Deserialize;

use super::layout::{OrPortal, PortalError, PortalLayout, message_page};
use super::{date, portal_lang};
use crate::AppState;
use crate::context::Ctx;
use crate::i18n::Lang;
use crate::pages::catalogue::base_url;
use crate::pages::cohorts::views::path_input;
use crate::pages::render;

/// How many coming dates the page lists.
pub const NEXT_DATES: usize = 5;

/// Modules completed and milestones reached in one cohort.
///
/// Derived from attendance and staff entries (`lernweg_participants::progress`).
#[derive(Debug, Clone)]
pub struct ProgressView {
    pub modules_done: u32,
    pub modules_total: u32,
    pub milestones_reached: u32,
    pub milestones_total: u32,
}

pub struct CohortView {
    pub id: String,
    pub heading: String,
    /// "Der Kurs läuft seit …": where the run stands today.
    pub run: String,
    /// The participation's status, unless the dates contradict it (`portal::status_to_show`).
    pub status: Option<String>,
    pub end: Option<String>,
    pub svg: String,
    pub list: String,
    pub progress: Option<ProgressView>,
}

pub struct DateRow {
    pub iso: String,
    pub day: String,
    pub time: Option<String>,
    /// The kind of session ("Unterricht") and its title (shown isolated for right-to-left).
    pub kind: String,
    pub title: String,
    pub place: Option<String>,
    pub link: Option<String>,
    pub cancelled: bool,
    /// The date falls into the participant's recorded working times (release needed).
    pub at_work: bool,
}

pub struct ContactView {
    pub name: Option<String>,
    pub email: Option<String>,
    pub channel: Option<String>,
    pub reachable: Option<String>,
}

pub struct CheckRow {
    pub id: String,
    pub on: String,
    pub overall: String,
}

#[derive(Template)]
#[template(path = "portal_path.html")]
pub struct PathPage {
    pub layout: PortalLayout,
    /// HTML (the name isolated with `<bdi>`).
    pub greeting: String,
    pub login: String,
    pub cohorts: Vec<CohortView>,
    pub dates: Vec<DateRow>,
    /// One summary of the listed dates in working time, HTML with the dates isolated.
    pub at_work: Option<String>,
    pub contact: ContactView,
    /// When the current calendar link was made (its secret is not stored).
    pub feed_since: Option<String>,
    /// A link made just now: shown this once.
    pub fresh_feed: Option<String>,
    /// The participant has just revoked their link (confirmation after the redirect).
    pub feed_revoked: bool,
    pub checks: Vec<CheckRow>,
    /// The individual qualification plan, when there is a recognition case.
    pub plan: Option<super::plan::PlanPortal>,
    /// The participant's mentoring tandems (running and closed).
    pub tandems: Vec<crate::mentoring::TandemBlock>,
    /// Self-assessment and language certificates.
    pub language: crate::language::LanguageBlock,
}

impl PathPage {
    pub fn modules_text(&self, p: &ProgressView) -> String {
        self.layout.lang.t_args(
            "portal-progress-modules",
            &[
                ("done", p.modules_done.to_string()),
                ("total", p.modules_total.to_string()),
            ],
        )
    }

    pub fn milestones_text(&self, p: &ProgressView) -> String {
        self.layout.lang.t_args(
            "portal-progress-milestones",
            &[
                ("done", p.milestones_reached.to_string()),
                ("total", p.milestones_total.to_string()),
            ],
        )
    }
}

/// The participant record of the logged-in participant, or the page that explains why
/// there is none.
pub(crate) async fn own_record(
    state: &AppState,
    ctx: &Ctx,
) -> Result<ParticipantRecord, PortalError> {
    let lang = ctx.portal_lang();
    let linked = ctx.user.as_ref().and_then(|u| u.participant_id);
    match portal::own(&state.app, linked).await {
        Ok(p) => Ok(p),
        Err(AppError::NotFound) => Err(PortalError::page(message_page(
            ctx,
            lang,
            StatusCode::OK,
            "portal-path-title",
            "portal-unlinked-text",
            None,
        ))),
        Err(e) => Err(PortalError::app(ctx, lang, e)),
    }
}

/// Writes a View entry: the participant read their own data (no names in the detail).
pub(crate) async fn audit_own_read(
    state: &AppState,
    ctx: &Ctx,
    p: &ParticipantRecord,
    what: &str,
) -> Result<(), AppError> {
    let caller = ctx.caller().ok_or(AppError::Forbidden)?;
    portal::audit_own_read(&state.app, &caller, p, what).await
}

fn status_text(lang: Lang, s: EnrolmentStatus) -> String {
    lang.t(&format!("portal-status-{}", s.code()))
}

pub(crate) fn code_of<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

pub(crate) async fn build(
    state: &AppState,
    ctx: &Ctx,
    headers: &HeaderMap,
    p: &ParticipantRecord,
    fresh_feed: Option<String>,
) -> Result<PathPage, AppError> {
    let lang = portal_lang(ctx, Some(p));
    let path = portal::path(&state.app, p).await?;
    let now = path.today;
    let label = |k: &str| lang.t(&format!("portal-{k}"));
    let mut cohorts = Vec::new();
    let mut upcoming = Vec::new();
    let work = path.work;
    for PathCohort {
        enrolment: e,
        cohort,
        phase,
        offer,
        sessions,
        progress,
    } in path.cohorts
    {
        let titles: Vec<String> = offer.modules.iter().map(|m| m.title.clone()).collect();
        let goals: Vec<Option<String>> =
            offer.modules.iter().map(|m| m.milestone.clone()).collect();
        let input = path_input(&offer.title, &sessions, &titles, &goals, Some(now)).map(|mut i| {
            i.id = format!("lw-path-{}", cohort.id);
            i
        });
        let (svg, list) = match &input {
            Some(i) => (path_svg(i, &label), path_list(i, &label)),
            None => (String::new(), String::new()),
        };
        let place = (!cohort.room.is_empty()).then(|| cohort.room.clone());
        let link = (!cohort.online_link.is_empty()).then(|| cohort.online_link.clone());
        let mut holidays = lernweg_planner::HolidayCalendar::new(cohort.state);
        for s in sessions.iter().filter(|s| s.date >= now) {
            let at_work = match (&work, s.start, s.end) {
                (Some(w), Some(a), Some(b)) if s.status != SessionStatus::Cancelled => {
                    !lernweg_participants::shifts_during(w, &mut holidays, s.date, a, b).is_empty()
                }
                _ => false,
            };
            upcoming.push((
                s.date,
                s.start,
                DateRow {
                    iso: s.date.to_string(),
                    day: format!(
                        "{} {}",
                        lang.t(&format!(
                            "portal-weekday-{}",
                            s.date.weekday().number_from_monday()
                        )),
                        date(s.date)
                    ),
                    time: match (s.start, s.end) {
                        (Some(a), Some(b)) => Some(format!("{a}–{b}")),
                        _ => None,
                    },
                    kind: lang.t(&format!("portal-kind-{}", s.kind.code())),
                    title: s.title.clone(),
                    place: place.clone(),
                    link: link.clone(),
                    cancelled: s.status == SessionStatus::Cancelled,
                    at_work,
                },
            ));
        }
        let run_date = match phase {
            Phase::Ended => input.as_ref().map_or(cohort.start_date, |i| i.end),
            _ => cohort.start_date,
        };
        cohorts.push(CohortView {
            id: cohort.id.to_string(),
            heading: format!("{} – {}", offer.title, cohort.name),
            run: lang.t_args(
                &format!("portal-run-{}", phase.code()),
                &[("date", date(run_date))],
            ),
            status: portal::status_to_show(e.status, phase).map(|s| status_text(lang, s)),
            end: input.as_ref().map(|i| date(i.end)),
            svg,
            list,
            progress: Some(ProgressView {
                modules_done: progress.modules_completed() as u32,
                modules_total: progress.modules.len() as u32,
                milestones_reached: progress.milestones_reached() as u32,
                milestones_total: progress.milestones.len() as u32,
            }),
        });
    }
    for l in &path.lessons {
        let s = &l.session;
        upcoming.push((
            s.date,
            Some(s.start),
            DateRow {
                iso: s.date.to_string(),
                day: format!(
                    "{} {}",
                    lang.t(&format!(
                        "portal-weekday-{}",
                        s.date.weekday().number_from_monday()
                    )),
                    date(s.date)
                ),
                time: Some(format!("{}–{}", s.start, s.end)),
                kind: lang.t("portal-kind-individual"),
                title: l.title.clone(),
                place: None,
                link: None,
                cancelled: s.status == SessionStatus::Cancelled,
                at_work: l.at_work,
            },
        ));
    }
    upcoming.sort_by_key(|(d, start, _)| (*d, *start));
    let dates: Vec<DateRow> = upcoming
        .into_iter()
        .take(NEXT_DATES)
        .map(|(_, _, r)| r)
        .collect();
    let at_work = at_work_summary(lang, &dates);
    let person = path.contact_person;
    let contact = ContactView {
        name: person.as_ref().map(|u| u.display_name.clone()),
        email: person.as_ref().map(|u| u.email.to_string()),
        channel: p
            .data
            .preferred_channel
            .map(|c| lang.t(&format!("portal-channel-{}", c.code()))),
        reachable: p.data.reachable_times.clone(),
    };
    let checks = path
        .checks
        .into_iter()
        .rev()
        .map(|c| CheckRow {
            overall: readiness::kept_result(&c)
                .map(|(r, _)| lang.t(&format!("portal-rc-overall-{}", code_of(&r.overall))))
                .unwrap_or_default(),
            id: c.id,
            on: date(c.checked_on),
        })
        .collect();
    let feed_since = path.feed.map(|f| date(f.created_at.date_naive()));
    let plan = super::plan::view(state, lang, p).await?;
    let tandems = crate::mentoring::blocks(
        lang,
        lernweg_app::tandems::mentee_tandems(&state.app, p.id).await?,
        false,
        now.to_string(),
    );
    let language = crate::language::block(state, headers, lang, p).await?;
    let fresh_feed = fresh_feed.map(|secret| {
        format!(
            "{}/feeds/{secret}.ics",
            base_url(state, headers).trim_end_matches('/')
        )
    });
    Ok(PathPage {
        layout: PortalLayout::new(ctx, lang, "portal-path-title"),
        greeting: lang.t_isolated("portal-path-hello", &[("name", p.data.given_name.clone())]),
        login: ctx
            .user
            .as_ref()
            .map(|u| u.login_id().to_string())
            .unwrap_or_default(),
        cohorts,
        dates,
        at_work,
        contact,
        feed_since,
        fresh_feed,
        feed_revoked: false,
        checks,
        plan,
        tandems,
        language,
    })
}

/// One summary of the listed dates that fall into working time, with those dates (HTML);
/// `None` when there is none.
pub(crate) fn at_work_summary(lang: Lang, dates: &[DateRow]) -> Option<String> {
    let days: Vec<&str> = dates
        .iter()
        .filter(|d| d.at_work)
        .map(|d| d.day.as_str())
        .collect();
    (!days.is_empty()).then(|| {
        lang.t_isolated(
            "portal-at-work-summary",
            &[
                ("count", days.len().to_string()),
                ("dates", days.join(", ")),
            ],
        )
    })
}

/// The query of `/mein-weg`: `?kalender=widerrufen` after the participant revoked their link.
#[derive(Debug, Default, Deserialize)]
pub struct PathQuery {
    #[serde(default)]
    kalender: Option<String>,
    /// `gespeichert` after the self-assessment was saved, `fehlt` when nothing was answered.
    #[serde(default)]
    sprache: Option<String>,
}

/// `GET /mein-weg`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
    Query(q): Query<PathQuery>,
) -> Result<Response, PortalError> {
    let p = own_record(&state, &ctx).await?;
    let lang = portal_lang(&ctx, Some(&p));
    audit_own_read(&state, &ctx, &p, "path")
        .await
        .or_portal(&ctx, lang)?;
    let mut page = build(&state, &ctx, &headers, &p, None)
        .await
        .or_portal(&ctx, lang)?;
    page.language.saved = q.sprache.as_deref() == Some("gespeichert");
    page.language.missing = q.sprache.as_deref() == Some("fehlt");
    if q.kalender.as_deref() == Some("widerrufen") {
        // Shown only while no new link exists; a language switch drops the notice.
        page.feed_revoked = page.feed_since.is_none();
        page.layout.here = "/mein-weg".to_owned();
        page.layout.on_path = true;
    }
    Ok(render(&page))
}

/// `POST /mein-weg/kalender`: a new calendar link; the old one stops working. The new link
/// is shown once, on the answer to this request.
pub async fn renew_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
) -> Result<Response, PortalError> {
    let p = own_record(&state, &ctx).await?;
    let lang = portal_lang(&ctx, Some(&p));
    let caller = ctx
        .caller()
        .ok_or(AppError::Forbidden)
        .or_portal(&ctx, lang)?;
    let issued = portal::renew_feed(&state.app, &caller, &p)
        .await
        .or_portal(&ctx, lang)?;
    let mut page = build(&state, &ctx, &headers, &p, Some(issued.secret))
        .await
        .or_portal(&ctx, lang)?;
    // A language switch on this answer returns to the path, not to the POST route.
    page.layout.here = "/mein-weg".to_owned();
    page.layout.on_path = true;
    Ok(render(&page))
}

/// `POST /mein-weg/kalender/widerrufen`: the participant's calendar link stops working (a new
/// one can be made at any time); back to the path with a confirmation.
pub async fn revoke_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
) -> Result<Response, PortalError> {
    let p = own_record(&state, &ctx).await?;
    let lang = portal_lang(&ctx, Some(&p));
    let caller = ctx
        .caller()
        .ok_or(AppError::Forbidden)
        .or_portal(&ctx, lang)?;
    portal::revoke_feed(&state.app, &caller, &p)
        .await
        .or_portal(&ctx, lang)?;
    Ok(Redirect::to("/mein-weg?kalender=widerrufen#kalender").into_response())
}
