//! The cohort page: facts, lifecycle, timetable, feeds.

use askama::Template;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::AppError;
use lernweg_domain::{CohortId, CohortStatus, FeedId};
use lernweg_offers::horizon::{GOAL_WEEKS, Horizon, Lead};
use lernweg_store::{Cohort, FeedKind, FeedToken, SessionStatus};
use serde::Deserialize;

use super::planning::{PlanningFields, PlanningSection, section};
use super::{feed_url, is_manager, status_label};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::pages::offers::{caller, principal};
use crate::pages::{Layout, render};

/// One timetable row.
pub struct SessionRow {
    pub id: String,
    pub date: String,
    pub weekday: String,
    pub time: String,
    pub hours: String,
    pub kind: String,
    pub kind_code: &'static str,
    pub module: String,
    pub title: String,
    pub cancelled: bool,
    pub sequence: i64,
    /// "30 Wochen" or empty (cancelled, not yet published).
    pub lead: String,
    /// goal | enough | short, or empty.
    pub lead_code: &'static str,
}

/// What the page says about the publication horizon (issue 13, point 4).
pub struct HorizonNote {
    /// The summary line.
    pub text: String,
    /// Below the provider's minimum: shown as a warning.
    pub warn: bool,
}

fn horizon_note(lang: crate::i18n::Lang, h: &Horizon, minimum: u32) -> Option<HorizonNote> {
    let min = minimum.to_string();
    let goal = GOAL_WEEKS.to_string();
    if let Some((weeks, lead)) = h.if_published_today {
        let args = [("weeks", weeks.to_string()), ("min", min), ("goal", goal)];
        return Some(HorizonNote {
            text: lang.t_args("cohort-horizon-draft", &args),
            warn: lead == Lead::Short,
        });
    }
    let shortest = h.shortest?;
    let args = [
        ("short", h.short.to_string()),
        ("shortest", shortest.to_string()),
        ("min", min),
        ("goal", goal),
    ];
    Some(if h.short > 0 {
        HorizonNote {
            text: lang.t_args("cohort-horizon-short", &args),
            warn: true,
        }
    } else {
        HorizonNote {
            text: lang.t_args("cohort-horizon-ok", &args),
            warn: false,
        }
    })
}

#[derive(Template)]
#[template(path = "cohort_detail.html")]
pub struct DetailPage {
    pub layout: Layout,
    pub cohort: Cohort,
    pub offer_title: String,
    pub offer_id: String,
    pub status: String,
    pub next_status: Option<(String, String)>,
    pub state_name: String,
    pub trainers: Vec<String>,
    pub rows: Vec<SessionRow>,
    pub total_hours: String,
    pub exams: usize,
    pub can_edit: bool,
    pub feeds: Vec<FeedToken>,
    pub new_feed_url: Option<String>,
    pub error: Option<String>,
    pub kinds: Vec<(&'static str, String)>,
    pub horizon: Option<HorizonNote>,
    /// "12 von 16 Plätzen belegt".
    pub capacity: String,
    pub members: Vec<MemberRow>,
    /// The places of each module, when some enrolments are for chosen modules only.
    pub module_seats: Vec<String>,
    /// Whether the viewer may open participant pages (counselling staff).
    pub can_open_people: bool,
    pub release_rows: Vec<ReleaseRow>,
    /// While the cohort is a draft: every time model side by side.
    pub comparison: Option<ComparisonView>,
    /// Deadline, closures, and the planning with the employers.
    pub planning: PlanningSection,
}

/// The time models compared for a draft (the planner's `--compare`).
pub struct ComparisonView {
    pub rows: Vec<[String; 6]>,
    pub recommended: String,
    pub reasons: Vec<String>,
}

fn comparison_view(
    lang: crate::i18n::Lang,
    c: &lernweg_planner::compare::Comparison,
) -> ComparisonView {
    let model = |k: lernweg_planner::model::TimeModelKind| {
        lang.t_args("offers-time-model-name", &[("model", k.code().to_owned())])
    };
    ComparisonView {
        rows: c
            .options
            .iter()
            .map(|o| {
                [
                    model(o.time_model),
                    o.end_date.format("%d.%m.%Y").to_string(),
                    o.weeks.to_string(),
                    format!(
                        "{} / {}",
                        hours_text(o.avg_weekly_hours),
                        hours_text(o.peak_weekly_hours)
                    ),
                    o.release_days.to_string(),
                    lang.t(if o.deadline_met {
                        "cohort-compare-yes"
                    } else {
                        "cohort-compare-no"
                    }),
                ]
            })
            .collect(),
        recommended: lang.t_args(
            "cohort-compare-recommended",
            &[("model", model(c.recommended))],
        ),
        reasons: c.reasons.clone(),
    }
}

pub struct MemberRow {
    pub href: String,
    pub name: String,
    pub status: String,
    pub holds_place: bool,
    /// "nur Module 1, 3" for an enrolment for chosen modules.
    pub modules: Option<String>,
}

/// A coming date on which someone needs release from work.
pub struct ReleaseRow {
    pub iso: String,
    pub day: String,
    pub time: String,
    /// "Name (2 Std., Freistellung: zugestimmt)".
    pub who: Vec<String>,
}

pub(crate) fn hours_text(h: f64) -> String {
    let s = format!("{h:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.replace('.', ",")
}

pub(crate) async fn page(
    state: &AppState,
    ctx: &Ctx,
    cohort: CohortId,
    new_feed_url: Option<String>,
    error: Option<String>,
) -> Result<Response, PageError> {
    page_with(state, ctx, cohort, new_feed_url, error, None).await
}

/// The cohort page; `typed`: the planning controls as typed into a refused form.
pub(crate) async fn page_with(
    state: &AppState,
    ctx: &Ctx,
    cohort: CohortId,
    new_feed_url: Option<String>,
    error: Option<String>,
    typed: Option<PlanningFields>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let lernweg_app::cohorts::CohortOverview {
        cohort,
        offer,
        sessions,
        trainers,
        feeds,
        min_publication_weeks,
        horizon,
        members,
        seats,
        release_needs,
    } = lernweg_app::cohorts::overview(&state.app, &principal(ctx)?, cohort).await?;
    let total: f64 = sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Confirmed)
        .map(|s| s.hours)
        .sum();
    let exams = sessions
        .iter()
        .filter(|s| s.kind.code() == "exam" && s.status == SessionStatus::Confirmed)
        .count();
    let rows = sessions
        .iter()
        .zip(&horizon.leads)
        .map(|(s, lead)| SessionRow {
            id: s.id.to_string(),
            date: s.date.format("%d.%m.%Y").to_string(),
            weekday: lang.t(&format!(
                "weekday-{}",
                s.date.format("%a").to_string().to_lowercase()
            )),
            time: match (s.start, s.end) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                _ => lang.t("cohort-self-paced-due"),
            },
            hours: hours_text(s.hours),
            kind: lang.t(&format!("session-kind-{}", s.kind.code())),
            kind_code: s.kind.code(),
            module: s
                .module
                .map(|m| m.to_string())
                .unwrap_or_else(|| "–".into()),
            title: s.title.clone(),
            cancelled: s.status == SessionStatus::Cancelled,
            sequence: s.sequence,
            lead: lead
                .map(|(w, _)| lang.t_args("cohort-lead-weeks", &[("weeks", w.to_string())]))
                .unwrap_or_default(),
            lead_code: lead.map_or("", |(_, l)| l.code()),
        })
        .collect();
    let next_status = cohort.status.next().map(|n| {
        (
            n.as_str().to_owned(),
            lang.t(&format!("cohort-advance-{}", n.as_str())),
        )
    });
    let kinds = ["lesson", "exam", "exchange", "kickoff", "closing"]
        .into_iter()
        .map(|k| (k, lang.t(&format!("session-kind-{k}"))))
        .collect();
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    let capacity = lang.t_args(
        "cohort-capacity",
        &[
            ("used", seats.taken().to_string()),
            ("capacity", seats.capacity.to_string()),
        ],
    );
    // With enrolments for chosen modules: the places of each module.
    let module_seats = if seats.partial > 0 {
        seats
            .modules
            .iter()
            .map(|m| {
                let key = if m.taken > seats.capacity {
                    "cohort-module-seats-over"
                } else {
                    "cohort-module-seats"
                };
                lang.t_args(
                    key,
                    &[
                        ("module", m.module.to_string()),
                        ("used", m.taken.to_string()),
                        ("capacity", seats.capacity.to_string()),
                    ],
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let members = members
        .iter()
        .map(|(e, name)| MemberRow {
            href: format!("/verwaltung/teilnehmende/{}", e.participant_id),
            name: name.clone(),
            status: lang.t(&format!("participants-status-{}", e.status.code())),
            holds_place: e.status.holds_place(),
            modules: (!e.modules.is_empty()).then(|| {
                let list = e.modules.iter().map(u32::to_string).collect::<Vec<_>>();
                let args = [
                    ("count", list.len().to_string()),
                    ("modules", list.join(", ")),
                ];
                lang.t_args("cohort-member-modules", &args)
            }),
        })
        .collect();
    let release_rows = release_needs
        .iter()
        .map(|n| ReleaseRow {
            iso: n.session.date.to_string(),
            day: n.session.date.format("%d.%m.%Y").to_string(),
            time: match (n.session.start, n.session.end) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                _ => String::new(),
            },
            who: n
                .needs
                .iter()
                .map(|x| {
                    let answer = match x.asked {
                        None => lang.t("cohort-release-not-asked"),
                        Some((_, Some(true))) => lang.t("release-date-agreed"),
                        Some((_, Some(false))) => lang.t("release-date-declined"),
                        Some((_, None)) => lang.t("release-date-open"),
                    };
                    lang.t_args(
                        "cohort-release-who",
                        &[
                            ("name", x.name.clone()),
                            ("hours", hours_text(x.hours)),
                            ("answer", answer),
                        ],
                    )
                })
                .collect(),
        })
        .collect();
    let (comparison, planning_view) = if cohort.status == CohortStatus::Draft {
        let p = principal(ctx)?;
        let compared = lernweg_app::cohorts::compare_time_models(&state.app, &p, cohort.id)
            .await
            .ok()
            .map(|c| comparison_view(lang, &c));
        let planning = lernweg_app::planning::view(&state.app, &p, cohort.id).await?;
        (compared, Some(planning))
    } else {
        (None, None)
    };
    let planning = section(lang, &cohort, planning_view.as_ref(), typed);
    let page = DetailPage {
        layout: Layout::new(ctx, "/verwaltung/durchgaenge", "cohort-title"),
        status: status_label(ctx, &cohort, state.app.today()),
        state_name: cohort.state.name_de().to_owned(),
        offer_title: offer.offer.title.clone(),
        offer_id: offer.id.to_string(),
        next_status,
        trainers,
        rows,
        total_hours: hours_text(total),
        exams,
        can_edit: is_manager(ctx),
        feeds,
        new_feed_url,
        error,
        kinds,
        horizon: horizon_note(lang, &horizon, min_publication_weeks),
        capacity,
        members,
        module_seats,
        can_open_people: lernweg_domain::access::COUNSELLING.permits(ctx.role()),
        release_rows,
        comparison,
        planning,
        cohort,
    };
    Ok((status, render(&page)).into_response())
}

/// `GET /verwaltung/durchgaenge/{id}`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<CohortId>,
) -> Result<Response, PageError> {
    page(&state, &ctx, id, None, None).await
}

/// Back to the cohort page after a change.
pub(crate) fn to_cohort(c: &Cohort) -> Response {
    Redirect::to(&format!("/verwaltung/durchgaenge/{}", c.id)).into_response()
}

/// The cohort page with an error message when the use-case refused the input (any refusal
/// reads as `key`); any other error is the page's.
async fn refused(
    state: &AppState,
    ctx: &Ctx,
    cohort: Cohort,
    e: AppError,
    key: &str,
) -> Result<Response, PageError> {
    match e {
        AppError::Invalid(_) => page(state, ctx, cohort.id, None, Some(ctx.lang.t(key))).await,
        other => Err(other.into()),
    }
}

#[derive(Deserialize)]
pub struct StatusForm {
    #[serde(default)]
    status: String,
}

/// `POST /verwaltung/durchgaenge/{id}/status`: one step along the lifecycle.
pub async fn advance(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<CohortId>,
    Form(form): Form<StatusForm>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let cohort = lernweg_app::cohorts::cohort(&state.app, &caller.principal, id).await?;
    let result = match CohortStatus::parse(&form.status) {
        Ok(to) => lernweg_app::cohorts::set_status(&state.app, &caller, cohort.id, to).await,
        Err(e) => Err(e.into()),
    };
    match result {
        Ok(c) => Ok(to_cohort(&c)),
        Err(e) => refused(&state, &ctx, cohort, e, "cohort-error-transition").await,
    }
}

/// `POST /verwaltung/durchgaenge/{id}/kalender-links`: a new feed link, shown once.
pub async fn create_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    headers: HeaderMap,
    PageId(id): PageId<CohortId>,
) -> Result<Response, PageError> {
    let caller = caller(&ctx)?;
    let cohort = lernweg_app::cohorts::cohort(&state.app, &caller.principal, id).await?;
    let issued = lernweg_app::feeds::create_cohort_feed(&state.app, &caller, cohort.id).await?;
    let url = feed_url(&state, &headers, &issued.secret);
    page(&state, &ctx, cohort.id, Some(url), None).await
}

/// `POST /verwaltung/kalender/{id}/widerrufen`.
pub async fn revoke_feed(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<FeedId>,
) -> Result<Response, PageError> {
    let feed = lernweg_app::feeds::revoke_feed(&state.app, &caller(&ctx)?, id).await?;
    Ok(match feed.kind {
        FeedKind::Cohort => {
            Redirect::to(&format!("/verwaltung/durchgaenge/{}", feed.target_id)).into_response()
        }
        _ => Redirect::to("/verwaltung/durchgaenge").into_response(),
    })
}
