//! Support around the qualification: device loans and the directory of counselling services
//! with referrals. Each part has its pages and API routes in its own module.

pub mod loans;
pub(crate) mod picker;
pub mod referrals;

use lernweg_app::Caller;

use crate::context::Ctx;
use crate::error::PageError;
use crate::routes::Route;

pub fn routes() -> Vec<Route> {
    let mut all = loans::routes();
    all.extend(referrals::routes());
    all
}

/// The signed-in caller of a care page, for the use-cases (none: 404, as before any route
/// check lets an anonymous visitor through).
fn page_caller(ctx: &Ctx) -> Result<Caller, PageError> {
    let principal = ctx.principal().ok_or(PageError::NotFound)?;
    Ok(Caller::new(principal, ctx.actor()))
}

use crate::api::api_caller;
