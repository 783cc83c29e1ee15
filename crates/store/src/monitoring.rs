//! What monitoring reads (issue 17, point 1): for a set of cohorts, the people with their
//! working times, the session changes, the release dates, the attendance and the drop-outs,
//! one statement each however many cohorts there are. The app layer narrows them to the
//! period and tallies them (`lernweg_offers::monitoring`).

use chrono::NaiveDate;
use lernweg_domain::{CohortId, ParticipantId};
use lernweg_participants::{EnrolmentStatus, WorkPattern};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::cohorts::parse_date;
use crate::{CohortsOf, Store, StoreError};

/// An enrolment of a monitored cohort, with the person's working times if recorded.
#[derive(Debug, Clone)]
pub struct MonitoredPerson {
    pub cohort_id: CohortId,
    pub participant_id: ParticipantId,
    pub status: EnrolmentStatus,
    /// The work pattern and the one-way travel minutes.
    pub work: Option<(WorkPattern, u32)>,
}

/// A change of a session (`change` as kept: `cancelled`, `added` or the move).
#[derive(Debug, Clone)]
pub struct MonitoredChange {
    pub cohort_id: CohortId,
    /// The session's date now.
    pub date: NaiveDate,
    pub change: String,
    pub reason: String,
}

/// A date for which release from work was asked.
#[derive(Debug, Clone)]
pub struct MonitoredRelease {
    pub cohort_id: CohortId,
    pub date: NaiveDate,
    pub hours: f64,
    /// `None`: not answered.
    pub agreed: Option<bool>,
}

/// One recorded attendance.
#[derive(Debug, Clone)]
pub struct MonitoredAttendance {
    pub cohort_id: CohortId,
    pub date: NaiveDate,
    /// present | excused | absent
    pub status: String,
}

/// A drop-out with its reason code and whether the person stayed employed.
#[derive(Debug, Clone)]
pub struct MonitoredDropout {
    pub cohort_id: CohortId,
    pub on: NaiveDate,
    pub reason: String,
    pub stayed_employed: Option<bool>,
}

/// Everything monitoring reads for a set of cohorts.
#[derive(Debug, Clone, Default)]
pub struct MonitoringRows {
    pub people: Vec<MonitoredPerson>,
    pub changes: Vec<MonitoredChange>,
    pub releases: Vec<MonitoredRelease>,
    pub attendance: Vec<MonitoredAttendance>,
    pub dropouts: Vec<MonitoredDropout>,
}

impl MonitoringRows {
    /// The rows split by cohort, so that each cohort is tallied from its own rows.
    pub fn by_cohort(self) -> std::collections::HashMap<CohortId, MonitoringRows> {
        let mut out: std::collections::HashMap<CohortId, MonitoringRows> = Default::default();
        for p in self.people {
            out.entry(p.cohort_id).or_default().people.push(p);
        }
        for c in self.changes {
            out.entry(c.cohort_id).or_default().changes.push(c);
        }
        for r in self.releases {
            out.entry(r.cohort_id).or_default().releases.push(r);
        }
        for a in self.attendance {
            out.entry(a.cohort_id).or_default().attendance.push(a);
        }
        for d in self.dropouts {
            out.entry(d.cohort_id).or_default().dropouts.push(d);
        }
        out
    }
}

fn cohort(r: &AnyRow) -> Result<CohortId, StoreError> {
    CohortId::parse(&r.try_get::<String, _>("cohort_id")?)
        .map_err(|e| StoreError::corrupt("cohorts", e))
}

fn date(r: &AnyRow, column: &str) -> Result<NaiveDate, StoreError> {
    parse_date("monitoring", &r.try_get::<String, _>(column)?)
}

impl Store {
    /// The rows monitoring tallies for the cohorts of `of`: five statements.
    pub async fn monitoring_rows(&self, of: &CohortsOf) -> Result<MonitoringRows, StoreError> {
        let corrupt = |t: &'static str| move |e: String| StoreError::corrupt(t, e);
        let people = of
            .query(
                "SELECT e.cohort_id, e.participant_id, e.status, w.pattern, w.travel_minutes \
                 FROM enrolments e LEFT JOIN work_patterns w ON w.participant_id = e.participant_id \
                 WHERE e.cohort_id IN ({ids}) ORDER BY e.cohort_id, e.participant_id",
            )
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                let status: String = r.try_get("status")?;
                let work = match r.try_get::<Option<String>, _>("pattern")? {
                    Some(p) => Some((
                        serde_json::from_str(&p).map_err(|e| corrupt("work_patterns")(e.to_string()))?,
                        u32::try_from(r.try_get::<i64, _>("travel_minutes")?).unwrap_or(0),
                    )),
                    None => None,
                };
                Ok(MonitoredPerson {
                    cohort_id: cohort(r)?,
                    participant_id: ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
                        .map_err(|e| StoreError::corrupt("enrolments", e))?,
                    status: crate::enrolments::status_of("enrolments", &status)?,
                    work,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let changes = of
            .query(
                "SELECT s.cohort_id, s.date, c.change, c.reason FROM session_changes c \
                 JOIN cohort_sessions s ON s.id = c.session_id \
                 WHERE s.cohort_id IN ({ids}) AND c.change <> 'added' ORDER BY s.cohort_id, c.at, c.id",
            )
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                Ok(MonitoredChange {
                    cohort_id: cohort(r)?,
                    date: date(r, "date")?,
                    change: r.try_get("change")?,
                    reason: r.try_get("reason")?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let releases = of
            .query(
                "SELECT a.cohort_id, d.date, d.hours, d.agreed FROM release_dates d \
                 JOIN release_agreements a ON a.id = d.agreement_id \
                 WHERE a.cohort_id IN ({ids}) ORDER BY a.cohort_id, d.date",
            )
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                Ok(MonitoredRelease {
                    cohort_id: cohort(r)?,
                    date: date(r, "date")?,
                    hours: r.try_get("hours")?,
                    agreed: r.try_get::<Option<i64>, _>("agreed")?.map(|a| a == 1),
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let attendance = of
            .query(
                "SELECT s.cohort_id, s.date, a.status FROM attendance a \
                 JOIN cohort_sessions s ON s.id = a.session_id \
                 WHERE s.cohort_id IN ({ids}) ORDER BY s.cohort_id, s.date",
            )
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                Ok(MonitoredAttendance {
                    cohort_id: cohort(r)?,
                    date: date(r, "date")?,
                    status: r.try_get("status")?,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        let dropouts = of
            .query(
                "SELECT e.cohort_id, v.on_date, v.event, e.stayed_employed FROM enrolment_events v \
                 JOIN enrolments e ON e.id = v.enrolment_id \
                 WHERE e.cohort_id IN ({ids}) AND v.to_status = 'dropped' ORDER BY e.cohort_id, v.on_date",
            )
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                let event: serde_json::Value =
                    serde_json::from_str(&r.try_get::<String, _>("event")?)
                        .map_err(|e| corrupt("enrolment_events")(e.to_string()))?;
                let stayed = r
                    .try_get::<Option<i64>, _>("stayed_employed")?
                    .map(|s| s == 1)
                    .or_else(|| event.get("stayed_employed").and_then(|v| v.as_bool()));
                Ok(MonitoredDropout {
                    cohort_id: cohort(r)?,
                    on: date(r, "on_date")?,
                    reason: event
                        .get("reason")
                        .and_then(|v| v.as_str())
                        .unwrap_or("other")
                        .to_owned(),
                    stayed_employed: stayed,
                })
            })
            .collect::<Result<Vec<_>, StoreError>>()?;
        Ok(MonitoringRows {
            people,
            changes,
            releases,
            attendance,
            dropouts,
        })
    }
}
