//! The expectations of each area, one file per area so that areas can grow independently.

mod catalogue;
mod cohorts;
mod exports;
mod feeds;
mod offers;

pub fn expected() -> Vec<(&'static str, &'static str, &'static str)> {
    [
        offers::EXPECTED,
        cohorts::EXPECTED,
        catalogue::EXPECTED,
        exports::EXPECTED,
        feeds::EXPECTED,
    ]
    .concat()
}
