//! What the route table knows and each handler's `#[utoipa::path]` need not repeat: the
//! errors every API route can answer, given its access, path and input. [`complete`] runs
//! once on the merged document (in `routes::openapi`), so that every operation documents
//! 401 when it needs a token, 403 when it needs a role, 404 for a malformed or unknown id,
//! 400 and 413 for a refused body, 400 for a refused query string, every error as
//! `application/problem+json`, and every response with a description; and the offer's
//! request schemas are derived from its answer ([`super::input_schema`]).

use axum::http::StatusCode;
use lernweg_domain::Access;
use utoipa::openapi::path::{Operation, ParameterIn, PathItem};
use utoipa::openapi::security::SecurityRequirement;
use utoipa::openapi::{Content, OpenApi, Ref, RefOr, Response};

use crate::routes::{Kind, RouteSpec};

/// The media type of every error body (RFC 9457).
pub const PROBLEM_JSON: &str = "application/problem+json";

/// Completes the operations of the API routes in `specs` (see the module documentation).
pub fn complete(doc: &mut OpenApi, specs: &[RouteSpec]) {
    for spec in specs.iter().filter(|s| s.kind == Kind::Api) {
        let Some(op) = doc
            .paths
            .paths
            .get_mut(spec.path)
            .and_then(|item| operation(item, spec.method))
        else {
            continue;
        };
        complete_operation(op, spec);
    }
    super::input_schema::derive(doc);
}

fn operation<'a>(item: &'a mut PathItem, method: &str) -> Option<&'a mut Operation> {
    match method {
        "GET" => item.get.as_mut(),
        "POST" => item.post.as_mut(),
        "PUT" => item.put.as_mut(),
        "PATCH" => item.patch.as_mut(),
        "DELETE" => item.delete.as_mut(),
        _ => None,
    }
}

/// The errors a route can answer before or besides its handler's own.
fn implied_errors(op: &Operation, spec: &RouteSpec) -> Vec<u16> {
    let mut errors = Vec::new();
    if spec.access != Access::Public {
        errors.push(401);
    }
    if matches!(spec.access, Access::Roles(_)) {
        errors.push(403);
    }
    if spec.path.contains('{') {
        errors.push(404);
    }
    if op.request_body.is_some() {
        errors.extend([400, 413]);
    }
    let has_query = op.parameters.iter().flatten().any(|p| match p {
        RefOr::T(p) => p.parameter_in == ParameterIn::Query,
        RefOr::Ref(_) => false,
    });
    if has_query {
        errors.push(400);
    }
    errors
}

fn complete_operation(op: &mut Operation, spec: &RouteSpec) {
    if spec.access != Access::Public {
        op.security = Some(vec![SecurityRequirement::new(
            "bearer",
            Vec::<String>::new(),
        )]);
    }
    for status in implied_errors(op, spec) {
        op.responses
            .responses
            .entry(status.to_string())
            .or_insert_with(|| RefOr::T(Response::new("")));
    }
    for (status, response) in op.responses.responses.iter_mut() {
        let RefOr::T(response) = response else {
            continue;
        };
        let code = status.parse::<u16>().ok();
        if response.description.is_empty() {
            response.description = code
                .and_then(|c| StatusCode::from_u16(c).ok())
                .and_then(|c| c.canonical_reason())
                .unwrap_or("Response")
                .to_owned();
        }
        if code.is_some_and(|c| c >= 400) {
            // Every error body is a problem document, whatever the handler wrote down.
            let problem = Content::new(Some(Ref::from_schema_name("Problem")));
            response.content.clear();
            response
                .content
                .insert(PROBLEM_JSON.to_owned(), RefOr::T(problem));
        }
    }
}
