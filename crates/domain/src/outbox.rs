//! The rules of the outbox (issue 13 point 8): what a notice is about, and when a message
//! that could not be sent is tried again.
//!
//! A failed attempt is retried after 1, 2, 4, … minutes, at most an hour apart; after
//! [`MAX_ATTEMPTS`] failed attempts (about four hours) the message is marked failed and staff
//! see it. Nothing is dropped silently.

use std::fmt;

use serde::{Deserialize, Serialize};

/// Attempts before a message is given up.
pub const MAX_ATTEMPTS: u32 = 10;

/// The minutes to wait before the next attempt after `attempts` failed ones; `None`: give
/// up.
pub fn retry_delay_minutes(attempts: u32) -> Option<i64> {
    if attempts >= MAX_ATTEMPTS {
        return None;
    }
    let minutes = 1i64 << attempts.saturating_sub(1).min(6);
    Some(minutes.min(60))
}

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OutboxStatus {
    Pending,
    Sent,
    Failed,
}

impl OutboxStatus {
    pub const ALL: [OutboxStatus; 3] = [
        OutboxStatus::Pending,
        OutboxStatus::Sent,
        OutboxStatus::Failed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
        }
    }

    pub fn parse(s: &str) -> Option<OutboxStatus> {
        Self::ALL.into_iter().find(|v| v.code() == s.trim())
    }
}

impl fmt::Display for OutboxStatus {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// What a notice tells. The text is written when it is sent, in the recipient's language,
/// from the arguments kept with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NoticeKind {
    /// A published session moved: `old_*` and `new_*` dates and times.
    SessionMoved,
    /// A published session was cancelled.
    SessionCancelled,
    /// A session was added to a published timetable.
    SessionAdded,
    /// A draft cohort was shared with an employer for planning (`path`: where to answer).
    DraftShared,
    /// The daily digest of a contact person's open early warnings (`count`, `warnings`: a
    /// list of `{name, kind, since, link}`, `link`: the page of all warnings).
    WarningDigest,
}

impl NoticeKind {
    pub const ALL: [NoticeKind; 5] = [
        NoticeKind::SessionMoved,
        NoticeKind::SessionCancelled,
        NoticeKind::SessionAdded,
        NoticeKind::DraftShared,
        NoticeKind::WarningDigest,
    ];

    pub fn code(self) -> &'static str {
        match self {
            NoticeKind::SessionMoved => "session_moved",
            NoticeKind::SessionCancelled => "session_cancelled",
            NoticeKind::SessionAdded => "session_added",
            NoticeKind::DraftShared => "draft_shared",
            NoticeKind::WarningDigest => "warning_digest",
        }
    }

    pub fn parse(s: &str) -> Option<NoticeKind> {
        Self::ALL.into_iter().find(|v| v.code() == s.trim())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retries_back_off_to_an_hour_and_then_give_up() {
        let waits: Vec<i64> = (1..MAX_ATTEMPTS)
            .map(|a| retry_delay_minutes(a).unwrap())
            .collect();
        assert_eq!(waits, [1, 2, 4, 8, 16, 32, 60, 60, 60]);
        assert_eq!(retry_delay_minutes(MAX_ATTEMPTS), None);
        let total: i64 = waits.iter().sum();
        assert!((240..=300).contains(&total), "{total}");
    }

    #[test]
    fn codes_round_trip() {
        for k in NoticeKind::ALL {
            assert_eq!(NoticeKind::parse(k.code()), Some(k));
        }
        for s in OutboxStatus::ALL {
            assert_eq!(OutboxStatus::parse(s.code()), Some(s));
        }
        assert_eq!(OutboxStatus::parse("queued"), None);
    }
}
