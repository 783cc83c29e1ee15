//! Lernweg's timetable engine: statewide public holidays, time models, the one weekly-load
//! engine (also behind the participant's fit check), comparison of time models and iCalendar
//! feeds.
//!
//! Architecture invariant: this crate is pure and deterministic. It does no I/O and reads no
//! clock; the same offer always gives the same sessions and the same UIDs.
//!
//! ```
//! use lernweg_planner::{OfferSpec, PlanOptions, plan};
//! let spec = OfferSpec::from_toml(r#"
//!     title = "Deutsch für die Pflege"
//!     state = "BY"
//!     start = "2027-01-11"
//!     [time_model]
//!     kind = "evening_course"
//!     evenings = [ { weekday = "mon", start = "18:00", end = "21:00" } ]
//!     [[modules]]
//!     title = "Fachsprache"
//!     hours = 30
//! "#).unwrap();
//! let p = plan(&spec, &PlanOptions::default()).unwrap();
//! assert_eq!(p.contact_hours, 30.0);
//! assert_eq!(p.sessions.len(), 10);
//! ```

pub mod cli;
pub mod compare;
pub mod error;
pub mod event;
pub mod holidays;
pub mod ical;
pub mod individual;
pub mod load;
pub mod model;
pub mod output;
pub mod plan;
mod slots;
mod spec;
pub mod uid;

pub use compare::{Comparison, ComparisonOption, compare};
pub use error::PlannerError;
pub use holidays::{HolidayCalendar, PublicHoliday, statewide};
pub use ical::{Calendar, CalendarEvent, EventStatus, EventTime};
pub use individual::{LessonRequest, ProposedSession, ScheduleError, schedule_lessons};
pub use load::{
    LoadInput, LoadReport, LoadSession, ReleaseNeed, ShiftOverlap, WeekLoad, WeekOverLimit,
    WeeklyLoad, WorkWeeks, shifts_during, weekly_load,
};
pub use model::{
    ClockTime, ClosurePeriod, ExamSpec, ExchangeSpec, ModuleSpec, OfferSpec, TimeModel,
    TimeModelKind, TimeSpan, WeeklySlot, WorkPattern,
};
pub use plan::{Milestone, Plan, PlanOptions, PlannedSession, SessionKind, plan};
