//! `/verwaltung/teilnehmende/{id}/arbeitszeit`: the stored working times, the form to enter
//! them as rows (week of the rotation, weekday, from, to), the `.ics` import and removal; and
//! the panel on the participant page that checks each open enrolment's timetable against them.

use askama::Template;
use axum::extract::State;
use axum::extract::multipart::{Multipart, MultipartRejection};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use lernweg_app::Caller;
use lernweg_app::work::{self as uc, PatternFailure};
use lernweg_domain::ParticipantId;
use lernweg_participants::work_pattern::MAX_ROTATION_WEEKS;
use lernweg_participants::{
    FieldError, ShiftDraft, WEEKDAYS, WorkPatternDraft, monday_of, parse_anchor,
    parse_travel_minutes,
};
use lernweg_planner::model::weekday_code;
use lernweg_store::WorkPatternSource;

use super::{PatternView, day_name};
use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::error::field_message;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::admin::{Choice, FormErrors};
use crate::pages::participants::ContactBox;
use crate::pages::{Layout, render};

/// Largest `.ics` file read (a weekly shift plan is a few kilobytes).
const ICS_LIMIT: usize = 512 * 1024;
/// Blank rows offered below the filled ones (and added by "Weitere Zeilen").
const BLANK_ROWS: usize = 7;

/// One editable row of the form.
pub struct RowInput {
    pub idx: usize,
    pub weeks: Vec<Choice>,
    pub days: Vec<Choice>,
    pub start: String,
    pub end: String,
    pub error: Option<String>,
    /// The input the error is about: `week`, `day`, `start` or `end`.
    pub bad: String,
}

#[derive(Template)]
#[template(path = "work_pattern.html")]
pub struct PatternPage {
    pub layout: Layout,
    pub contact: ContactBox,
    pub errors: FormErrors,
    pub current: Option<PatternView>,
    pub weeks: Vec<Choice>,
    pub anchor: String,
    pub travel_minutes: String,
    pub rows: Vec<RowInput>,
    /// What the `.ics` import left out, after an import.
    pub notes: Vec<String>,
    /// A confirmation after saving.
    pub saved: Option<String>,
}

fn number_choices(n: usize, selected: &str) -> Vec<Choice> {
    (1..=n)
        .map(|k| Choice {
            value: k.to_string(),
            label: k.to_string(),
            selected: k.to_string() == selected.trim() || (k == 1 && selected.trim().is_empty()),
        })
        .collect()
}

fn day_choices(lang: Lang, selected: &str) -> Vec<Choice> {
    let mut v = vec![Choice {
        value: String::new(),
        label: lang.t("wp-day-choose"),
        selected: selected.is_empty(),
    }];
    v.extend(WEEKDAYS.iter().map(|d| Choice {
        value: weekday_code(*d).to_owned(),
        label: day_name(lang, *d),
        selected: weekday_code(*d) == selected,
    }));
    v
}

/// The form's element id for a rule-crate field path (`shifts.3.start` → `start_3`).
fn element_id(field: &str) -> String {
    match field.split('.').collect::<Vec<_>>().as_slice() {
        ["shifts", i, "weekday"] => format!("day_{i}"),
        ["shifts", i, part] => format!("{part}_{i}"),
        ["shifts"] => "day_0".to_owned(),
        _ => field.to_owned(),
    }
}

fn row_of(field: &str) -> Option<usize> {
    let mut parts = field.split('.');
    (parts.next() == Some("shifts"))
        .then(|| parts.next()?.parse().ok())
        .flatten()
}

fn build_rows(
    lang: Lang,
    draft: &WorkPatternDraft,
    extra: usize,
    errors: &[FieldError],
) -> Vec<RowInput> {
    let weeks = draft
        .weeks
        .trim()
        .parse::<usize>()
        .unwrap_or(1)
        .clamp(1, MAX_ROTATION_WEEKS);
    let mut shifts = draft.shifts.clone();
    // Without any rows: Monday to Sunday, ready to fill in.
    if shifts.is_empty() {
        shifts = WEEKDAYS
            .iter()
            .map(|d| ShiftDraft {
                weekday: weekday_code(*d).to_owned(),
                ..Default::default()
            })
            .collect();
    } else {
        shifts.extend((0..extra).map(|_| ShiftDraft::default()));
    }
    shifts
        .iter()
        .enumerate()
        .map(|(idx, s)| {
            let err = errors.iter().find(|e| row_of(&e.field) == Some(idx));
            RowInput {
                idx,
                weeks: number_choices(weeks, &s.week),
                days: day_choices(lang, s.weekday.trim()),
                start: s.start.clone(),
                end: s.end.clone(),
                error: err.map(|e| field_message(lang, e)),
                bad: err
                    .map(|e| {
                        let id = element_id(&e.field);
                        id.split('_').next().unwrap_or_default().to_owned()
                    })
                    .unwrap_or_default(),
            }
        })
        .collect()
}

/// What a page shows besides the stored pattern.
struct Feedback {
    /// What the form holds (the stored pattern when `None`).
    draft: Option<WorkPatternDraft>,
    /// Blank rows below the filled ones.
    extra_rows: usize,
    errors: Vec<FieldError>,
    /// A refused `.ics` file, already in words.
    file_error: Option<String>,
    notes: Vec<String>,
    saved: Option<String>,
}

impl Default for Feedback {
    fn default() -> Self {
        Feedback {
            draft: None,
            extra_rows: BLANK_ROWS,
            errors: Vec::new(),
            file_error: None,
            notes: Vec::new(),
            saved: None,
        }
    }
}

fn caller(ctx: &Ctx) -> Result<Caller, PageError> {
    ctx.caller().ok_or(PageError::NotFound)
}

/// The page of a visible participant's working times (the read is audited).
async fn page(
    state: &AppState,
    ctx: &Ctx,
    id: ParticipantId,
    status: StatusCode,
    fb: Feedback,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    let (p, stored) = uc::pattern(&state.app, &caller(ctx)?, id, "work pattern").await?;
    let draft = fb.draft.unwrap_or_else(|| match &stored {
        Some(r) => WorkPatternDraft::from_pattern(&r.pattern, r.travel_minutes),
        None => WorkPatternDraft {
            anchor: monday_of(state.app.today()).to_string(),
            ..Default::default()
        },
    });
    let mut form_errors = FormErrors::default();
    for e in &fb.errors {
        form_errors
            .0
            .entry(element_id(&e.field))
            .or_insert_with(|| field_message(lang, e));
    }
    if let Some(m) = fb.file_error {
        form_errors.0.insert("ics_file".to_owned(), m);
    }
    let view = PatternPage {
        layout: Layout::new(ctx, "/verwaltung/teilnehmende", "wp-title"),
        contact: ContactBox::load(state, lang, &p).await,
        current: stored
            .as_ref()
            .map(|r| PatternView::new(lang, &state.app.clock, r)),
        weeks: number_choices(MAX_ROTATION_WEEKS, &draft.weeks),
        anchor: draft.anchor.clone(),
        travel_minutes: draft.travel_minutes.clone(),
        rows: build_rows(lang, &draft, fb.extra_rows, &fb.errors),
        errors: form_errors,
        notes: fb.notes,
        saved: fb.saved,
    };
    Ok((status, render(&view)).into_response())
}

/// `GET /verwaltung/teilnehmende/{id}/arbeitszeit`.
pub async fn show(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
) -> Result<Response, PageError> {
    let saved = ctx
        .here
        .contains("gespeichert=1")
        .then(|| ctx.lang.t("wp-saved"));
    let fb = Feedback {
        saved,
        ..Feedback::default()
    };
    page(&state, &ctx, id, StatusCode::OK, fb).await
}

/// The form's rows (`week_0`, `day_0`, `start_0`, `end_0`, …) as a draft.
fn draft_of(fields: &[(String, String)]) -> WorkPatternDraft {
    let get = |k: &str| {
        fields
            .iter()
            .find(|(n, _)| n == k)
            .map(|(_, v)| v.clone())
            .unwrap_or_default()
    };
    let rows = get("rows").parse::<usize>().unwrap_or(0).min(12 * 7 * 3);
    WorkPatternDraft {
        weeks: get("weeks"),
        anchor: get("anchor"),
        travel_minutes: get("travel_minutes"),
        shifts: (0..rows)
            .map(|i| ShiftDraft {
                week: get(&format!("week_{i}")),
                weekday: get(&format!("day_{i}")),
                start: get(&format!("start_{i}")),
                end: get(&format!("end_{i}")),
            })
            .collect(),
    }
}

/// `POST /verwaltung/teilnehmende/{id}/arbeitszeit`: saves the rows, or (`action=more`) shows
/// the form again with more blank rows. Mistakes re-render the form with every error (422).
pub async fn save(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    Form(fields): Form<Vec<(String, String)>>,
) -> Result<Response, PageError> {
    let draft = draft_of(&fields);
    if fields.iter().any(|(k, v)| k == "action" && v == "more") {
        let fb = Feedback {
            draft: Some(draft),
            extra_rows: BLANK_ROWS,
            ..Feedback::default()
        };
        return page(&state, &ctx, id, StatusCode::OK, fb).await;
    }
    match uc::save_pattern(
        &state.app,
        &caller(&ctx)?,
        id,
        &draft,
        WorkPatternSource::Form,
    )
    .await
    {
        Ok(r) => Ok(Redirect::to(&format!(
            "/verwaltung/teilnehmende/{}/arbeitszeit?gespeichert=1",
            r.participant_id
        ))
        .into_response()),
        Err(PatternFailure::Rules(errors)) => {
            let fb = Feedback {
                draft: Some(draft),
                extra_rows: 0,
                errors,
                ..Feedback::default()
            };
            page(&state, &ctx, id, StatusCode::UNPROCESSABLE_ENTITY, fb).await
        }
        Err(PatternFailure::Ics(_)) => Err(PageError::Internal),
        Err(PatternFailure::Failed(e)) => Err(e.into()),
    }
}

/// What the import form sent.
#[derive(Default)]
struct IcsUpload {
    anchor: String,
    travel_minutes: String,
    file: Option<Vec<u8>>,
    too_large: bool,
}

async fn read_upload(mut multipart: Multipart) -> Option<IcsUpload> {
    let mut out = IcsUpload::default();
    while let Ok(Some(mut field)) = multipart.next_field().await {
        match field.name().unwrap_or("") {
            "anchor" => out.anchor = field.text().await.ok()?,
            "travel_minutes" => out.travel_minutes = field.text().await.ok()?,
            "file" => {
                let mut buf = Vec::new();
                while let Ok(Some(chunk)) = field.chunk().await {
                    if buf.len() + chunk.len() > ICS_LIMIT {
                        out.too_large = true;
                    } else if !out.too_large {
                        buf.extend_from_slice(&chunk);
                    }
                }
                out.file = Some(buf);
            }
            _ => {}
        }
    }
    Some(out)
}

/// `POST /verwaltung/teilnehmende/{id}/arbeitszeit/import` (multipart: `csrf` first,
/// `anchor`, `travel_minutes`, `file`): replaces the working times by the weekly shifts of an
/// `.ics` file; what the file holds beyond them is listed as notes. A refused file changes
/// nothing (422 with the reason).
pub async fn import(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<Response, PageError> {
    let lang = ctx.lang;
    // Another provider's participant is a 404 before the upload is read.
    lernweg_app::visible::participant_record(&state.app, &caller(&ctx)?.principal, id).await?;
    let refuse = |key: &str| Feedback {
        file_error: Some(lang.t(key)),
        ..Feedback::default()
    };
    let upload = match multipart {
        Ok(m) => read_upload(m).await,
        Err(_) => None,
    };
    let fb = match upload {
        None => refuse("wp-ics-unreadable"),
        Some(u) if u.too_large => refuse("wp-ics-too-large"),
        Some(IcsUpload { file: None, .. }) => refuse("wp-ics-required"),
        Some(u) => match import_file(&state, &ctx, id, u).await? {
            Ok(done) => return page(&state, &ctx, id, StatusCode::OK, done).await,
            Err(fb) => fb,
        },
    };
    page(&state, &ctx, id, StatusCode::UNPROCESSABLE_ENTITY, fb).await
}

/// Reads and stores an uploaded file: the page feedback after storing (`Ok(Ok(…))`) or after
/// refusing it (`Ok(Err(…))`), or a failure.
async fn import_file(
    state: &AppState,
    ctx: &Ctx,
    id: ParticipantId,
    u: IcsUpload,
) -> Result<Result<Feedback, Feedback>, PageError> {
    let lang = ctx.lang;
    // The anchor and the commute are read as in the form; errors at this form's fields.
    let (anchor, travel) = match (
        parse_anchor(&u.anchor),
        parse_travel_minutes(&u.travel_minutes),
    ) {
        (Ok(a), Ok(t)) => (a, t),
        (a, t) => {
            let errors = [
                a.err().map(|e| ("ics_anchor", e)),
                t.err().map(|e| ("ics_travel", e)),
            ]
            .into_iter()
            .flatten()
            .map(|(field, e)| e.at(field))
            .collect();
            return Ok(Err(Feedback {
                errors,
                ..Feedback::default()
            }));
        }
    };
    let Ok(text) = String::from_utf8(u.file.unwrap_or_default()) else {
        return Ok(Err(Feedback {
            file_error: Some(lang.t("wp-ics-not-utf8")),
            ..Feedback::default()
        }));
    };
    match uc::import_ics(&state.app, &caller(ctx)?, id, &text, anchor, travel).await {
        Ok((_, notes)) => Ok(Ok(Feedback {
            notes: notes
                .iter()
                .map(|n| {
                    let args = crate::error::localized_args(lang, &n.args);
                    lang.t_args(&format!("participants-ics-note-{}", n.code), &args)
                })
                .collect(),
            saved: Some(lang.t("wp-imported")),
            ..Feedback::default()
        })),
        Err(PatternFailure::Ics(e)) => {
            let event = e.event.map(|n| n.to_string()).unwrap_or_default();
            Ok(Err(Feedback {
                file_error: Some(lang.t_args(
                    &format!("participants-ics-{}", e.code),
                    &[("event", event), ("detail", e.detail)],
                )),
                ..Feedback::default()
            }))
        }
        Err(PatternFailure::Rules(errors)) => Ok(Err(Feedback {
            errors,
            ..Feedback::default()
        })),
        Err(PatternFailure::Failed(e)) => Err(e.into()),
    }
}

/// `POST /verwaltung/teilnehmende/{id}/arbeitszeit/loeschen`: back to the participant page,
/// also when nothing was recorded.
pub async fn delete(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
) -> Result<Redirect, PageError> {
    uc::delete_pattern(&state.app, &caller(&ctx)?, id).await?;
    Ok(Redirect::to(&format!(
        "/verwaltung/teilnehmende/{id}#arbeitszeit"
    )))
}
