//! Support around the qualification: device loans and the directory of counselling services
//! with referrals. Each part has its pages and API routes in its own module.

pub mod loans;
pub mod referrals;

use crate::routes::Route;

pub fn routes() -> Vec<Route> {
    let mut all = loans::routes();
    all.extend(referrals::routes());
    all
}
