//! Typed path ids: a route's `{id}` parsed into its domain id type before the handler runs.
//! A malformed id names no record, so it is answered like a missing one: a 404 page
//! ([`PageId`]) or a 404 problem document ([`ApiId`]).

use std::str::FromStr;

use axum::extract::{FromRequestParts, RawPathParams};
use axum::http::request::Parts;

use crate::error::{ApiError, PageError};

/// The path parameters of a request, parsed in order into `N` ids.
async fn parse_params<T: FromStr, S: Send + Sync>(
    parts: &mut Parts,
    state: &S,
    at: usize,
) -> Option<T> {
    let params = RawPathParams::from_request_parts(parts, state).await.ok()?;
    let (_, raw) = params.iter().nth(at)?;
    T::from_str(raw).ok()
}

/// The route's first path parameter as a typed id; malformed → 404 page.
pub struct PageId<T>(pub T);

impl<S: Send + Sync, T: FromStr + Send> FromRequestParts<S> for PageId<T> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        parse_params(parts, state, 0)
            .await
            .map(PageId)
            .ok_or(PageError::NotFound)
    }
}

/// The route's first two path parameters as typed ids; malformed → 404 page.
pub struct PageIds<A, B>(pub A, pub B);

impl<S: Send + Sync, A: FromStr + Send, B: FromStr + Send> FromRequestParts<S> for PageIds<A, B> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let a = parse_params(parts, state, 0).await;
        let b = parse_params(parts, state, 1).await;
        match (a, b) {
            (Some(a), Some(b)) => Ok(PageIds(a, b)),
            _ => Err(PageError::NotFound),
        }
    }
}

/// The route's first path parameter as a typed id; malformed → 404 problem document.
pub struct ApiId<T>(pub T);

impl<S: Send + Sync, T: FromStr + Send> FromRequestParts<S> for ApiId<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        parse_params(parts, state, 0)
            .await
            .map(ApiId)
            .ok_or(ApiError::NotFound)
    }
}

/// The route's first two path parameters as typed ids; malformed → 404 problem document.
pub struct ApiIds<A, B>(pub A, pub B);

impl<S: Send + Sync, A: FromStr + Send, B: FromStr + Send> FromRequestParts<S> for ApiIds<A, B> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let a = parse_params(parts, state, 0).await;
        let b = parse_params(parts, state, 1).await;
        match (a, b) {
            (Some(a), Some(b)) => Ok(ApiIds(a, b)),
            _ => Err(ApiError::NotFound),
        }
    }
}

/// An optional query or body value, trimmed; `None` when absent or blank.
pub fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}
