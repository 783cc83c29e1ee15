//! Lernweg's application layer: one function per use-case.
//!
//! A use-case takes the caller ([`Caller`]), reads the time from the one [`Clock`] and works on
//! the [`Store`]: it checks role and tenancy, validates through the pure crates (domain,
//! planner, offers, participants), writes through the store (each write with its audit entry)
//! and returns domain results or one [`AppError`]. Page handlers, API handlers and the CLI
//! are thin adapters over these functions; they never reach into each other.
//!
//! Architecture invariant: this crate knows no HTTP, no HTML and no JSON DTOs, and writes no
//! SQL. It reads no clock but [`App::clock`].

pub mod access;
pub mod admin;
pub mod attendance;
pub mod catalogue;
pub mod cohorts;
pub mod daily;
pub mod employer_portal;
pub mod employers;
mod error;
pub mod exports;
pub mod feeds;
pub mod imports;
pub mod language;
pub mod language_certificates;
pub mod legal;
pub mod loans;
pub mod mentoring;
pub mod monitoring;
pub mod notices;
pub mod offers;
pub mod participants;
pub mod planning;
pub mod portal;
pub mod queue;
pub mod referrals;
pub mod refusals;
pub mod release;
pub mod session_impact;
pub mod sessions;
pub mod slot_choice;
pub mod tandems;
pub mod team;
pub mod visible;
pub mod warnings;
pub mod work;

pub use error::AppError;
pub use lernweg_store::Clock;

use lernweg_domain::{Principal, ProviderId};
use lernweg_store::{Actor, Store};

/// What every use-case works with: the store and the clock.
#[derive(Clone)]
pub struct App {
    pub store: Store,
    pub clock: Clock,
}

impl App {
    /// The application over `store`, reading time from the store's clock.
    pub fn new(store: Store) -> App {
        let clock = store.clock().clone();
        App { store, clock }
    }

    /// Today in Germany.
    pub fn today(&self) -> chrono::NaiveDate {
        self.clock.today()
    }
}

/// Who calls a use-case: the principal for the access rules and the actor for the audit log.
#[derive(Debug, Clone)]
pub struct Caller {
    pub principal: Principal,
    pub actor: Actor,
}

impl Caller {
    pub fn new(principal: Principal, actor: Actor) -> Caller {
        Caller { principal, actor }
    }

    /// Another provider's record is answered as "not found", never as "forbidden", so that
    /// ids of other providers cannot be probed.
    pub fn ensure_provider(&self, provider: ProviderId) -> Result<(), AppError> {
        if self.principal.can_access_provider(provider) {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }
}
