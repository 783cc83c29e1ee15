//! The release agreement as a German PDF to sign: the parties, every date with its time and
//! the hours of working time to release, the answer so far, and lines for the signatures.

use axum::response::Response;
use chrono::Datelike;
use lernweg_pdf::{Report, Section, Table};
use lernweg_store::ReleaseAgreement;

use crate::AppState;
use crate::i18n::Lang;
use lernweg_planner::output::de_num as hours_text;

/// The words of a date's answer.
pub fn answer_key(agreed: Option<bool>) -> &'static str {
    match agreed {
        None => "release-date-open",
        Some(true) => "release-date-agreed",
        Some(false) => "release-date-declined",
    }
}

/// The printable agreement (always German: the document is signed in Germany).
pub fn report(
    a: &ReleaseAgreement,
    provider: &str,
    offer: &str,
    today: chrono::NaiveDate,
) -> Report {
    let de = Lang::De;
    let person = format!("{} {}", a.given_name, a.family_name);
    let mut dates = Section::new(de.t("release-pdf-dates"));
    dates.table = Some(Table {
        headers: [
            "release-col-date",
            "release-col-time",
            "release-col-hours",
            "release-col-answer",
        ]
        .iter()
        .map(|k| de.t(k))
        .collect(),
        rows: a
            .dates
            .iter()
            .map(|d| {
                vec![
                    format!(
                        "{}, {}",
                        de.t(&format!(
                            "portal-weekday-{}",
                            d.date.weekday().number_from_monday()
                        )),
                        d.date.format("%d.%m.%Y")
                    ),
                    format!("{}–{}", d.start, d.end),
                    hours_text(d.hours),
                    de.t(answer_key(d.agreed)),
                ]
            })
            .collect(),
    });
    dates.paragraphs = vec![de.t_args(
        "release-pdf-total",
        &[
            ("hours", hours_text(a.total_hours())),
            ("count", a.dates.len().to_string()),
        ],
    )];
    let mut terms = Section::new(de.t("release-pdf-terms"));
    terms.paragraphs = vec![
        de.t_args(
            "release-pdf-text",
            &[
                ("employer", a.employer_name.clone()),
                ("person", person.clone()),
                ("offer", offer.to_owned()),
            ],
        ),
        de.t("release-pdf-partly"),
        de.t_args(
            "release-pdf-state",
            &[("state", de.t(&format!("release-state-{}", a.state.code())))],
        ),
    ];
    let mut sign = Section::new(de.t("release-pdf-signatures"));
    sign.paragraphs = vec![
        de.t("release-pdf-sign-place"),
        de.t_args(
            "release-pdf-sign-employer",
            &[("employer", a.employer_name.clone())],
        ),
        de.t_args("release-pdf-sign-person", &[("person", person.clone())]),
    ];
    Report {
        lang: "de".into(),
        title: de.t("release-pdf-title"),
        meta: vec![
            de.t_args(
                "release-pdf-between",
                &[("employer", a.employer_name.clone()), ("person", person)],
            ),
            de.t_args(
                "release-pdf-course",
                &[
                    ("offer", offer.to_owned()),
                    ("cohort", a.cohort_name.clone()),
                    ("provider", provider.to_owned()),
                ],
            ),
            de.t_args(
                "release-pdf-made",
                &[("date", today.format("%d.%m.%Y").to_string())],
            ),
        ],
        sections: vec![dates, terms, sign],
        footer: de.t_args("release-pdf-footer", &[("provider", provider.to_owned())]),
    }
}

/// The download of an agreement the caller has read.
pub async fn download(state: &AppState, a: &ReleaseAgreement) -> Result<Response, ()> {
    let ctx = lernweg_app::release::context(&state.app, a)
        .await
        .map_err(|e| tracing::error!(error = %e, "release agreement context"))?;
    let report = report(a, &ctx.provider_name, &ctx.offer_title, state.app.today());
    let name = format!("freistellung-{}.pdf", a.id);
    crate::pdf_download::pdf_download(report, &name).await
}
