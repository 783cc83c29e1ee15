//! The participation certificate (Teilnahmebescheinigung) of an individual plan, as German
//! PDF (issue 14, point 5): each item with its kind, period, planned and done hours and the
//! differences it covered, and the state of each difference — what the competent authority
//! asks for. Issued by the provider.

use axum::Extension;
use axum::extract::State;
use axum::response::Response;
use lernweg_app::participants::individual::{self, PlanView};
use lernweg_domain::ParticipantId;
use lernweg_participants::qualification_plan::ItemDetails;
use lernweg_pdf::{Report, Section, Table};
use lernweg_planner::output::de_num;

use crate::AppState;
use crate::context::Ctx;
use crate::error::PageError;
use crate::extract::PageId;
use crate::i18n::Lang;
use crate::pages::offers::caller;

fn day(d: chrono::NaiveDate) -> String {
    d.format("%d.%m.%Y").to_string()
}

fn period(d: &ItemDetails) -> String {
    let span = |a: Option<chrono::NaiveDate>, b: Option<chrono::NaiveDate>| match (a, b) {
        (Some(a), Some(b)) => format!("{} – {}", day(a), day(b)),
        (Some(a), None) => format!("ab {}", day(a)),
        (None, Some(b)) => format!("bis {}", day(b)),
        (None, None) => "–".into(),
    };
    match d {
        ItemDetails::Placement { from, to, .. } => span(Some(*from), Some(*to)),
        ItemDetails::SelfStudy { from, to, .. } | ItemDetails::LanguageCourse { from, to, .. } => {
            span(*from, *to)
        }
        ItemDetails::Exam { date, .. } => day(*date),
        ItemDetails::Lessons { earliest, .. } => span(Some(*earliest), None),
        ItemDetails::CohortModules { .. } => "–".into(),
    }
}

/// The certificate of a plan the caller has read (always German: it goes to a German
/// authority).
pub fn report(view: &PlanView, provider: &str, today: chrono::NaiveDate) -> Report {
    let de = Lang::De;
    let p = &view.participant.data;
    let person = format!("{} {}", p.given_name, p.family_name);
    let differences = view
        .case
        .as_ref()
        .map(|c| c.differences.clone())
        .unwrap_or_default();
    let title_of = |id: &str| {
        differences
            .iter()
            .find(|d| d.id == id)
            .map(|d| d.title.clone())
            .unwrap_or_default()
    };
    let mut items = Section::new(de.t("ip-pdf-items"));
    items.table = Some(Table {
        headers: [
            "ip-pdf-col-item",
            "ip-pdf-col-period",
            "ip-pdf-col-planned",
            "ip-pdf-col-done",
            "ip-pdf-col-covers",
        ]
        .iter()
        .map(|k| de.t(k))
        .collect(),
        rows: view
            .items
            .iter()
            .map(|i| {
                vec![
                    format!(
                        "{} ({})",
                        i.item.title,
                        de.t(&format!("ip-kind-{}", i.item.details.kind()))
                    ),
                    period(&i.item.details),
                    de_num(i.item.hours),
                    de_num(i.done_hours.min(i.item.hours)),
                    i.item
                        .covers
                        .iter()
                        .map(|c| title_of(c))
                        .collect::<Vec<_>>()
                        .join(", "),
                ]
            })
            .collect(),
    });
    items.empty = Some(de.t("ip-items-none"));
    let mut coverage = Section::new(de.t("ip-coverage-heading"));
    coverage.table = Some(Table {
        headers: ["ip-difference", "ip-required", "ip-done", "col-status"]
            .iter()
            .map(|k| de.t(k))
            .collect(),
        rows: view
            .coverage
            .iter()
            .map(|c| {
                vec![
                    title_of(&c.difference),
                    c.required_hours.map(de_num).unwrap_or_else(|| "–".into()),
                    de_num(c.done_hours),
                    de.t(&format!("ip-status-{}", c.status.code())),
                ]
            })
            .collect(),
    });
    let mut sign = Section::new(de.t("ip-pdf-signature"));
    sign.paragraphs = vec![
        de.t_args(
            "ip-pdf-confirm",
            &[
                ("person", person.clone()),
                ("provider", provider.to_owned()),
            ],
        ),
        de.t("ip-pdf-sign-place"),
    ];
    let mut meta = vec![de.t_args("ip-pdf-for", &[("person", person)])];
    if let Some(c) = &view.case {
        meta.push(de.t_args(
            "ip-pdf-case",
            &[
                ("occupation", c.reference_occupation.clone()),
                ("authority", c.authority.clone()),
                ("date", c.decided_on.map(day).unwrap_or_else(|| "–".into())),
            ],
        ));
    }
    meta.push(de.t_args(
        "ip-pdf-made",
        &[("date", day(today)), ("provider", provider.to_owned())],
    ));
    Report {
        lang: "de".into(),
        title: de.t("ip-pdf-title"),
        meta,
        sections: vec![items, coverage, sign],
        footer: provider.to_owned(),
    }
}

/// `GET /verwaltung/teilnehmende/{id}/qualifizierungsplan/bescheinigung.pdf`.
pub async fn certificate(
    State(state): State<AppState>,
    Extension(ctx): Extension<Ctx>,
    PageId(id): PageId<ParticipantId>,
) -> Result<Response, PageError> {
    let view = individual::plan(&state.app, &caller(&ctx)?, id).await?;
    let provider = state
        .app
        .store
        .provider(view.participant.provider_id)
        .await
        .map_err(lernweg_app::AppError::from)?;
    let report = report(&view, &provider.name.to_string(), state.app.today());
    let name = format!("teilnahmebescheinigung-{id}.pdf");
    crate::pdf_download::pdf_download(report, &name)
        .await
        .map_err(|()| PageError::Internal)
}
