//! Language competence (issue 16, MISSION §2.3): levels per skill over time, the
//! participant's self-assessment, and the Sprachkompetenznachweis as PDF and as a signed Open
//! Badges 3.0 credential that employers can check.
//!
//! - Staff: `/verwaltung/teilnehmende/{id}/sprache` (chart, table, record form; counselling
//!   staff also issue, download and revoke certificates). Trainers reach it from the roll call
//!   for the participants of the cohorts they teach.
//! - Participants: the block on `/mein-weg` and its form and downloads.
//! - Public: `/nachweise/{id}` (valid, revoked or unknown, German and English), the
//!   credential, the issuer profile and its JWKS.
//! - The API under `/api/v1/participants/{id}/language-…` and `/api/v1/language-certificates`.
//!
//! Use-cases: `lernweg_app::{language, language_certificates}`.

pub(crate) mod api;
mod chart;
mod pages;
mod pdf;
pub(crate) mod portal;
mod public;

pub(crate) use portal::{LanguageBlock, block};

use axum::routing::{get, post};
use lernweg_domain::access::{COUNSELLING, PARTICIPANT, STAFF};
use utoipa::OpenApi;
use utoipa_axum::routes;

use crate::routes::{PUBLIC, Route, documented, page, route_table};

pub fn routes() -> Vec<Route> {
    route_table![
        (
            page("GET", "/verwaltung/teilnehmende/{id}/sprache", STAFF),
            get(pages::show)
        ),
        (
            page("POST", "/verwaltung/teilnehmende/{id}/sprache", STAFF),
            post(pages::record)
        ),
        (
            page(
                "POST",
                "/verwaltung/teilnehmende/{id}/sprachnachweise",
                COUNSELLING
            ),
            post(pages::issue)
        ),
        (
            page(
                "POST",
                "/verwaltung/sprachnachweise/{id}/widerrufen",
                COUNSELLING
            ),
            post(pages::revoke)
        ),
        (
            page("GET", "/verwaltung/sprachnachweise/{id}/pdf", COUNSELLING),
            get(pages::pdf)
        ),
        (
            page("POST", "/mein-weg/sprache", PARTICIPANT),
            post(portal::save)
        ),
        (
            page("GET", "/mein-weg/sprachnachweise/{id}/pdf", PARTICIPANT),
            get(portal::pdf)
        ),
        (
            page("GET", "/nachweise/{id}", PUBLIC),
            get(public::verify_page)
        ),
        documented(STAFF, routes!(api::list)),
        documented(STAFF, routes!(api::create)),
        documented(COUNSELLING, routes!(api::issue)),
        documented(COUNSELLING, routes!(api::certificates)),
        documented(COUNSELLING, routes!(api::revoke)),
        documented(COUNSELLING, routes!(api::pdf)),
        documented(PUBLIC, routes!(public::credential)),
        documented(PUBLIC, routes!(public::jwks)),
        documented(PUBLIC, routes!(public::issuer)),
    ]
}

/// This part of the OpenAPI document (merged in `api::document`).
#[derive(OpenApi)]
#[openapi(components(schemas(
    api::AssessmentDto,
    api::AssessmentsDto,
    api::AssessmentInputDto,
    api::CertificateDto,
    api::RevokeDto,
    public::IssuerProfileDto,
)))]
pub struct Doc;
