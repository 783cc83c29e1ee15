//! The Sprachkompetenznachweis as PDF, in German or English (issue 16, point 4): who holds it,
//! who issued it and when, each documented competence with its source and date, and where to
//! check it (the verify page and the signed credential).

use axum::response::Response;
use lernweg_app::language_certificates::content_of;
use lernweg_pdf::{Report, Section, Table};
use lernweg_store::LanguageCertificate;

use crate::i18n::Lang;

/// A date as the language writes it: `05.12.2026` or `2026-12-05`.
pub(crate) fn day(lang: Lang, iso: &str) -> String {
    match (lang, chrono::NaiveDate::parse_from_str(iso, "%Y-%m-%d")) {
        (Lang::De, Ok(d)) => crate::portal::date(d),
        _ => iso.to_owned(),
    }
}

/// The printable certificate (`Err` when its stored content is unreadable: logged).
pub fn report(c: &LanguageCertificate, lang: Lang) -> Result<Report, ()> {
    let content = content_of(c).map_err(|e| tracing::error!(error = %e, "certificate content"))?;
    let issued = day(lang, &c.issued_on.to_string());
    let mut facts = Section::new(lang.t("lc-pdf-about"));
    facts.facts = vec![
        (lang.t("lc-pdf-holder"), content.holder.clone()),
        (lang.t("lc-pdf-issuer"), content.issuer_name.clone()),
        (lang.t("lc-pdf-issued"), issued),
        (lang.t("lc-pdf-number"), c.id.to_string()),
    ];
    if c.revoked_at.is_some() {
        facts.paragraphs.push(lang.t("lc-pdf-revoked"));
    }
    let mut levels = Section::new(lang.t("lc-pdf-competences"));
    levels.table = Some(Table {
        headers: [
            "lc-col-skill",
            "lc-col-level",
            "lc-col-source",
            "lc-col-date",
        ]
        .iter()
        .map(|k| lang.t(k))
        .collect(),
        rows: content
            .competences
            .iter()
            .map(|k| {
                let mut source = lang.t(&format!("lc-source-{}", k.source));
                let exam: Vec<&str> = [
                    k.exam.as_str(),
                    k.issuer.as_str(),
                    k.certificate_number.as_str(),
                ]
                .into_iter()
                .filter(|s| !s.is_empty())
                .collect();
                if !exam.is_empty() {
                    source = format!("{source}: {}", exam.join(", "));
                }
                vec![
                    lang.t(&format!("lc-skill-{}", k.skill)),
                    k.level.clone(),
                    source,
                    day(lang, &k.assessed_on),
                ]
            })
            .collect(),
    });
    levels.paragraphs.push(lang.t("lc-pdf-scale"));
    let mut check = Section::new(lang.t("lc-pdf-check"));
    check.paragraphs = vec![
        lang.t_args("lc-pdf-check-page", &[("url", content.verify_url.clone())]),
        lang.t_args("lc-pdf-check-credential", &[("kid", c.kid.clone())]),
    ];
    Ok(Report {
        lang: lang.code().to_owned(),
        title: lang.t("lc-pdf-title"),
        meta: vec![lang.t_args("lc-pdf-meta", &[("provider", content.issuer_name.clone())])],
        sections: vec![facts, levels, check],
        footer: lang.t("lc-pdf-footer"),
    })
}

/// The certificate's PDF as a download.
pub async fn download(c: &LanguageCertificate, lang: Lang) -> Result<Response, ()> {
    let report = report(c, lang)?;
    let name = format!(
        "sprachkompetenznachweis-{}-{}.pdf",
        lang.code(),
        c.issued_on
    );
    crate::pdf_download::pdf_download(report, &name).await
}
