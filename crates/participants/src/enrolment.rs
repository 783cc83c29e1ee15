//! The enrolment lifecycle per cohort (or individual path):
//!
//! ```text
//! interested ─Counsel→ counselled ─Enrol→ enrolled ─Activate→ active ─Complete→ completed
//!      │  (Counsel again)   ↺                          Pause ↓ ↑ Resume
//!      └──────── Drop (from every state that is not final) → dropped      paused
//! ```
//!
//! Rules: counselling comes before enrolment (MISSION §2.3); only an active participation can
//! be paused or completed, only a paused one resumed; `completed` and `dropped` are final. A
//! pause records its reason and an expected return after the pause date; a drop-out records a
//! reason from a list, with a text required for `other`. Whether the participant stayed
//! employed is recorded at completion and drop-out. Refusals carry a code; the message id is
//! `participants-transition-<code>`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Where a participation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EnrolmentStatus {
    Interested,
    Counselled,
    Enrolled,
    Active,
    Paused,
    Completed,
    Dropped,
}

impl EnrolmentStatus {
    pub const ALL: [EnrolmentStatus; 7] = [
        EnrolmentStatus::Interested,
        EnrolmentStatus::Counselled,
        EnrolmentStatus::Enrolled,
        EnrolmentStatus::Active,
        EnrolmentStatus::Paused,
        EnrolmentStatus::Completed,
        EnrolmentStatus::Dropped,
    ];

    pub fn code(self) -> &'static str {
        match self {
            EnrolmentStatus::Interested => "interested",
            EnrolmentStatus::Counselled => "counselled",
            EnrolmentStatus::Enrolled => "enrolled",
            EnrolmentStatus::Active => "active",
            EnrolmentStatus::Paused => "paused",
            EnrolmentStatus::Completed => "completed",
            EnrolmentStatus::Dropped => "dropped",
        }
    }

    /// `completed` and `dropped` admit no further event.
    pub fn is_final(self) -> bool {
        matches!(self, EnrolmentStatus::Completed | EnrolmentStatus::Dropped)
    }

    /// `enrolled`, `active` and `paused`: the person holds a place in the cohort.
    pub fn holds_place(self) -> bool {
        matches!(
            self,
            EnrolmentStatus::Enrolled | EnrolmentStatus::Active | EnrolmentStatus::Paused
        )
    }

    /// How far an open participation has come, to find a participant's current cohort:
    /// active (4) before paused (3) before enrolled (2) before counselled (1) before
    /// interested (0); `None` for completed and dropped.
    pub fn open_rank(self) -> Option<u8> {
        match self {
            EnrolmentStatus::Interested => Some(0),
            EnrolmentStatus::Counselled => Some(1),
            EnrolmentStatus::Enrolled => Some(2),
            EnrolmentStatus::Paused => Some(3),
            EnrolmentStatus::Active => Some(4),
            EnrolmentStatus::Completed | EnrolmentStatus::Dropped => None,
        }
    }
}

/// Why a participation is paused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PauseReason {
    Health,
    Family,
    ParentalLeave,
    Workload,
    JobChange,
    Financial,
    Other,
}

impl PauseReason {
    pub const ALL: [PauseReason; 7] = [
        PauseReason::Health,
        PauseReason::Family,
        PauseReason::ParentalLeave,
        PauseReason::Workload,
        PauseReason::JobChange,
        PauseReason::Financial,
        PauseReason::Other,
    ];
}

/// Why a participation ended early (Abbruch).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DropoutReason {
    JobChange,
    Workload,
    Health,
    Family,
    Financial,
    Moved,
    /// Found a job that matches the qualification: a success, counted apart.
    FoundAdequateJob,
    Dissatisfied,
    Other,
}

impl DropoutReason {
    pub const ALL: [DropoutReason; 9] = [
        DropoutReason::JobChange,
        DropoutReason::Workload,
        DropoutReason::Health,
        DropoutReason::Family,
        DropoutReason::Financial,
        DropoutReason::Moved,
        DropoutReason::FoundAdequateJob,
        DropoutReason::Dissatisfied,
        DropoutReason::Other,
    ];
}

/// Something that happens to a participation. Serialized as `{"event": "pause", …}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case")]
pub enum EnrolmentEvent {
    Counsel,
    Enrol,
    Activate,
    Pause {
        reason: PauseReason,
        expected_return: NaiveDate,
        #[serde(default)]
        note: Option<String>,
    },
    Resume,
    Complete {
        #[serde(default)]
        stayed_employed: Option<bool>,
    },
    Drop {
        reason: DropoutReason,
        #[serde(default)]
        text: Option<String>,
        #[serde(default)]
        stayed_employed: Option<bool>,
    },
}

impl EnrolmentEvent {
    /// The status the event leads to.
    pub fn target(&self) -> EnrolmentStatus {
        match self {
            EnrolmentEvent::Counsel => EnrolmentStatus::Counselled,
            EnrolmentEvent::Enrol => EnrolmentStatus::Enrolled,
            EnrolmentEvent::Activate | EnrolmentEvent::Resume => EnrolmentStatus::Active,
            EnrolmentEvent::Pause { .. } => EnrolmentStatus::Paused,
            EnrolmentEvent::Complete { .. } => EnrolmentStatus::Completed,
            EnrolmentEvent::Drop { .. } => EnrolmentStatus::Dropped,
        }
    }

    pub fn code(&self) -> &'static str {
        match self {
            EnrolmentEvent::Counsel => "counsel",
            EnrolmentEvent::Enrol => "enrol",
            EnrolmentEvent::Activate => "activate",
            EnrolmentEvent::Pause { .. } => "pause",
            EnrolmentEvent::Resume => "resume",
            EnrolmentEvent::Complete { .. } => "complete",
            EnrolmentEvent::Drop { .. } => "drop",
        }
    }
}

/// A refused transition. Message id `participants-transition-<code>`, arguments `from`, `to`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[error("{code}: cannot go from {} to {}", from.code(), to.code())]
pub struct TransitionError {
    /// `already_final`, `counselling_required`, `not_active`, `not_paused`, `not_enrolled`,
    /// `already_active`, `already_enrolled`, `expected_return_not_after_pause`,
    /// `dropout_text_required`, `date_before_last`.
    pub code: &'static str,
    pub from: EnrolmentStatus,
    pub to: EnrolmentStatus,
}

impl TransitionError {
    pub fn message_id(&self) -> String {
        format!("participants-transition-{}", self.code)
    }
}

/// All refusal codes, for the Fluent files.
pub const TRANSITION_CODES: [&str; 10] = [
    "already_final",
    "counselling_required",
    "not_active",
    "not_paused",
    "not_enrolled",
    "already_active",
    "already_enrolled",
    "expected_return_not_after_pause",
    "dropout_text_required",
    "date_before_last",
];

/// The next status after `event` on date `on`, or why not.
pub fn transition(
    from: EnrolmentStatus,
    event: &EnrolmentEvent,
    on: NaiveDate,
) -> Result<EnrolmentStatus, TransitionError> {
    use EnrolmentEvent as E;
    use EnrolmentStatus as S;
    let to = event.target();
    let refuse = |code| Err(TransitionError { code, from, to });
    if from.is_final() {
        return refuse("already_final");
    }
    match (from, event) {
        (S::Interested | S::Counselled, E::Counsel) => Ok(to),
        (S::Interested, E::Enrol) => refuse("counselling_required"),
        (S::Counselled, E::Enrol) => Ok(to),
        (_, E::Enrol) => refuse("already_enrolled"),
        (S::Enrolled, E::Activate) => Ok(to),
        (S::Interested | S::Counselled, E::Activate) => refuse("not_enrolled"),
        (_, E::Activate) => refuse("already_active"),
        (
            S::Active,
            E::Pause {
                expected_return, ..
            },
        ) => {
            if *expected_return <= on {
                refuse("expected_return_not_after_pause")
            } else {
                Ok(to)
            }
        }
        (_, E::Pause { .. }) => refuse("not_active"),
        (S::Paused, E::Resume) => Ok(to),
        (_, E::Resume) => refuse("not_paused"),
        (S::Active, E::Complete { .. }) => Ok(to),
        (_, E::Complete { .. }) => refuse("not_active"),
        (_, E::Drop { reason, text, .. }) => {
            let has_text = text.as_deref().is_some_and(|t| !t.trim().is_empty());
            if *reason == DropoutReason::Other && !has_text {
                refuse("dropout_text_required")
            } else {
                Ok(to)
            }
        }
        // Counsel after enrolment: counselling goes on, but is a contact, not a status change.
        (_, E::Counsel) => refuse("already_enrolled"),
    }
}

/// One applied event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub on: NaiveDate,
    pub from: EnrolmentStatus,
    pub to: EnrolmentStatus,
    pub event: EnrolmentEvent,
}

/// The history of one participation, starting at `interested`. Entries are in date order;
/// several on one day are kept in the order given.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct History {
    entries: Vec<HistoryEntry>,
}

impl History {
    pub fn new() -> Self {
        History::default()
    }

    /// Replays events; on the first refusal returns its 0-based index and the error.
    pub fn replay(
        events: impl IntoIterator<Item = (NaiveDate, EnrolmentEvent)>,
    ) -> Result<History, (usize, TransitionError)> {
        let mut h = History::new();
        for (i, (on, event)) in events.into_iter().enumerate() {
            h.apply(on, event).map_err(|e| (i, e))?;
        }
        Ok(h)
    }

    /// Applies an event dated `on`; refused if it is dated before the last entry.
    pub fn apply(
        &mut self,
        on: NaiveDate,
        event: EnrolmentEvent,
    ) -> Result<EnrolmentStatus, TransitionError> {
        let from = self.status();
        if self.entries.last().is_some_and(|last| on < last.on) {
            return Err(TransitionError {
                code: "date_before_last",
                from,
                to: event.target(),
            });
        }
        let to = transition(from, &event, on)?;
        self.entries.push(HistoryEntry {
            on,
            from,
            to,
            event,
        });
        Ok(to)
    }

    pub fn entries(&self) -> &[HistoryEntry] {
        &self.entries
    }

    pub fn status(&self) -> EnrolmentStatus {
        self.entries
            .last()
            .map_or(EnrolmentStatus::Interested, |e| e.to)
    }

    /// Recorded at completion or drop-out; `None` while running or when not known.
    pub fn stayed_employed(&self) -> Option<bool> {
        match self.entries.last().map(|e| &e.event) {
            Some(EnrolmentEvent::Complete { stayed_employed })
            | Some(EnrolmentEvent::Drop {
                stayed_employed, ..
            }) => *stayed_employed,
            _ => None,
        }
    }

    /// The pause in force: its start, reason and expected return.
    pub fn current_pause(&self) -> Option<(NaiveDate, PauseReason, NaiveDate)> {
        if self.status() != EnrolmentStatus::Paused {
            return None;
        }
        match self.entries.last() {
            Some(HistoryEntry {
                on,
                event:
                    EnrolmentEvent::Pause {
                        reason,
                        expected_return,
                        ..
                    },
                ..
            }) => Some((*on, *reason, *expected_return)),
            _ => None,
        }
    }

    /// Days spent paused up to `until` (a pause still running counts up to `until`).
    pub fn paused_days(&self, until: NaiveDate) -> i64 {
        let mut total = 0;
        let mut since: Option<NaiveDate> = None;
        for e in &self.entries {
            match (e.to, since) {
                (EnrolmentStatus::Paused, None) => since = Some(e.on),
                (s, Some(start)) if s != EnrolmentStatus::Paused => {
                    total += (e.on - start).num_days();
                    since = None;
                }
                _ => {}
            }
        }
        if let Some(start) = since {
            total += (until - start).num_days().max(0);
        }
        total
    }
}
