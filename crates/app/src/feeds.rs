//! Calendar feeds (`/feeds/{token}.ics`): links with a random token that calendar clients
//! subscribe to without logging in. The token is shown once, stored hashed and revocable.

use lernweg_domain::access::{MANAGERS, STAFF};
use lernweg_domain::{CohortId, FeedId};
use lernweg_store::{FeedKind, FeedToken, IssuedFeed};

use crate::offers::require;
use crate::{App, AppError, Caller, cohorts};

/// A new feed of all sessions of a cohort the caller may see.
pub async fn create_cohort_feed(
    app: &App,
    caller: &Caller,
    id: CohortId,
) -> Result<IssuedFeed, AppError> {
    let cohort = cohorts::managed(app, caller, id).await?;
    Ok(app
        .store
        .create_feed(
            &caller.actor,
            FeedKind::Cohort,
            &cohort.id.to_string(),
            cohort.provider_id,
        )
        .await?)
}

/// A new feed of all sessions the caller teaches. Staff without a provider (the
/// installation admin) teach nothing: `NotFound`.
pub async fn create_trainer_feed(app: &App, caller: &Caller) -> Result<IssuedFeed, AppError> {
    require(&caller.principal, STAFF)?;
    let provider = caller.principal.provider_id.ok_or(AppError::NotFound)?;
    Ok(app
        .store
        .create_feed(
            &caller.actor,
            FeedKind::Trainer,
            &caller.principal.user_id.to_string(),
            provider,
        )
        .await?)
}

/// Revokes a feed of the caller's provider: its link stops working at once. Revoking a
/// revoked feed changes nothing.
pub async fn revoke_feed(app: &App, caller: &Caller, id: FeedId) -> Result<FeedToken, AppError> {
    require(&caller.principal, MANAGERS)?;
    let feed = app.store.feed(id).await?;
    caller.ensure_provider(feed.provider_id)?;
    Ok(app.store.revoke_feed(&caller.actor, feed.id).await?)
}
