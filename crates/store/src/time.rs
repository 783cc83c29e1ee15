//! Timestamps are stored as RFC 3339 UTC text with second precision, which sorts correctly as
//! text on both databases.

use chrono::{DateTime, SecondsFormat, Utc};

use crate::StoreError;

pub(crate) fn fmt(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Secs, true)
}

pub(crate) fn parse(table: &'static str, s: &str) -> Result<DateTime<Utc>, StoreError> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| StoreError::corrupt(table, format!("timestamp {s:?}: {e}")))
}

pub(crate) fn parse_opt(
    table: &'static str,
    s: Option<String>,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    s.map(|s| parse(table, &s)).transpose()
}
