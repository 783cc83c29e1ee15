//! The expectations of each area, one file per area so that areas can grow independently.

mod attendance;
mod catalogue;
mod cohorts;
mod employers;
mod exports;
mod feeds;
mod imports;
mod individual;
mod language;
mod legal;
mod loans;
mod mentoring;
mod monitoring;
mod offers;
mod outbox;
mod participants_api;
mod participants_pages;
mod planning;
mod portal;
mod referrals;
mod release;
mod warnings;
mod work;

pub fn expected() -> Vec<(&'static str, &'static str, &'static str)> {
    [
        offers::EXPECTED,
        cohorts::EXPECTED,
        catalogue::EXPECTED,
        exports::EXPECTED,
        feeds::EXPECTED,
        participants_api::EXPECTED,
        participants_pages::EXPECTED,
        portal::EXPECTED,
        loans::EXPECTED,
        referrals::EXPECTED,
        employers::EXPECTED,
        release::EXPECTED,
        planning::EXPECTED,
        individual::EXPECTED,
        outbox::EXPECTED,
        attendance::EXPECTED,
        imports::EXPECTED,
        legal::EXPECTED,
        work::EXPECTED,
        mentoring::EXPECTED,
        language::EXPECTED,
        monitoring::EXPECTED,
        warnings::EXPECTED,
    ]
    .concat()
}
