//! A participant's cohorts with everything their path shows (offer, timetable, progress),
//! loaded in a fixed number of statements however many cohorts there are (issue 12).

use std::collections::HashMap;

use chrono::NaiveDate;
use lernweg_domain::{EnrolmentId, OfferId, ParticipantId};
use lernweg_participants::attendance::takes_session;
use lernweg_participants::{
    AttendanceMark, EnrolmentStatus, ParticipantData, Progress, ProgressRules, StaffEntry, progress,
};
use sqlx::Row;

use crate::attendance::{
    attendance_columns, attendance_from_row, entry_from_row, module_infos, session_facts,
};
use crate::cohorts::parse_date;
use crate::enrolments::status_of;
use crate::{Cohort, CohortsOf, Enrolment, OfferRecord, SessionRecord, Store, StoreError};

/// One enrolment of a participant with its cohort, offer, timetable and progress.
#[derive(Debug, Clone)]
pub struct EnrolledCohort {
    pub enrolment: Enrolment,
    pub cohort: Cohort,
    pub offer: OfferRecord,
    /// The cohort's sessions in date order (cancelled ones included); of a partial enrolment
    /// only those of its modules.
    pub sessions: Vec<SessionRecord>,
    /// As of the day asked for.
    pub progress: Progress,
}

/// A participation in a cohort of an offer that is not finished, with what the offer's
/// success check counts of it.
#[derive(Debug, Clone)]
pub struct OpenParticipation {
    pub offer_id: OfferId,
    pub cohort_start: NaiveDate,
    pub status: EnrolmentStatus,
    pub has_contact_person: bool,
    pub participant: ParticipantData,
    /// The day of the participant's first readiness check.
    pub first_check: Option<NaiveDate>,
}

impl Store {
    /// The participations in the unfinished cohorts of these offers: one statement.
    pub async fn open_participations(
        &self,
        offers: &[OfferId],
    ) -> Result<Vec<OpenParticipation>, StoreError> {
        if offers.is_empty() {
            return Ok(Vec::new());
        }
        let marks = (1..=offers.len())
            .map(|n| format!("${n}"))
            .collect::<Vec<_>>()
            .join(", ");
        let sql = format!(
            "SELECT c.offer_id, c.start_date, e.status, p.contact_person_id, p.document, \
             (SELECT MIN(r.checked_on) FROM readiness_checks r WHERE r.participant_id = p.id) AS first_check \
             FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id \
             JOIN participants p ON p.id = e.participant_id \
             WHERE c.status <> 'finished' AND c.offer_id IN ({marks})"
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for o in offers {
            q = q.bind(o.to_string());
        }
        let bad = |e: lernweg_domain::ParseError| StoreError::corrupt("cohorts", e);
        q.fetch_all(&self.pool)
            .await?
            .iter()
            .map(|r| {
                let document: String = r.try_get("document")?;
                Ok(OpenParticipation {
                    offer_id: OfferId::parse(&r.try_get::<String, _>("offer_id")?).map_err(bad)?,
                    cohort_start: parse_date("cohorts", &r.try_get::<String, _>("start_date")?)?,
                    status: status_of("enrolments", &r.try_get::<String, _>("status")?)?,
                    has_contact_person: r
                        .try_get::<Option<String>, _>("contact_person_id")?
                        .is_some(),
                    participant: serde_json::from_str(&document)
                        .map_err(|e| StoreError::corrupt("participants", e))?,
                    first_check: r
                        .try_get::<Option<String>, _>("first_check")?
                        .map(|d| parse_date("readiness_checks", &d))
                        .transpose()?,
                })
            })
            .collect()
    }

    /// Every enrolment of a participant (in the order they were made) with its cohort, offer,
    /// sessions and progress as of `today`: six statements.
    pub async fn enrolled_cohorts(
        &self,
        participant: ParticipantId,
        today: NaiveDate,
        rules: ProgressRules,
    ) -> Result<Vec<EnrolledCohort>, StoreError> {
        let of = &CohortsOf::Participant(participant);
        let enrolments = self.enrolments_of(participant).await?;
        let cohorts: HashMap<_, _> = self
            .cohorts_of(of)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let offers = self.offers_of(of).await?;
        let sessions = self.timetables_of(of).await?;
        let mut marks: HashMap<EnrolmentId, Vec<AttendanceMark>> = HashMap::new();
        let rows = sqlx::query(concat!(
            "SELECT ",
            attendance_columns!(),
            " FROM attendance a JOIN cohort_sessions s ON s.id = a.session_id \
             WHERE a.enrolment_id IN (SELECT id FROM enrolments WHERE participant_id = $1) \
             ORDER BY s.date, s.start_time, s.id"
        ))
        .bind(participant.to_string())
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            let a = attendance_from_row(r)?;
            marks
                .entry(a.enrolment_id)
                .or_default()
                .push(AttendanceMark {
                    session: a.session_id,
                    status: a.status,
                });
        }
        let mut entries: HashMap<EnrolmentId, Vec<StaffEntry>> = HashMap::new();
        let rows = sqlx::query(
            "SELECT id, enrolment_id, module, decision, note, recorded_by, on_date, created_at \
             FROM progress_entries \
             WHERE enrolment_id IN (SELECT id FROM enrolments WHERE participant_id = $1) \
             ORDER BY created_at, id",
        )
        .bind(participant.to_string())
        .fetch_all(&self.pool)
        .await?;
        for r in &rows {
            let e = entry_from_row(r)?;
            entries.entry(e.enrolment_id).or_default().push(e.as_rule());
        }
        let mut out = Vec::with_capacity(enrolments.len());
        for enrolment in enrolments {
            // Two enrolments in one cohort share its rows.
            let cohort = cohorts
                .get(&enrolment.cohort_id)
                .cloned()
                .ok_or_else(|| StoreError::corrupt("enrolments", "cohort missing"))?;
            let offer = offers
                .get(&cohort.offer_id)
                .cloned()
                .ok_or_else(|| StoreError::corrupt("cohorts", "offer missing"))?;
            // A partial enrolment's path has the sessions of its modules only.
            let timetable: Vec<SessionRecord> = sessions
                .get(&cohort.id)
                .into_iter()
                .flatten()
                .filter(|s| takes_session(&enrolment.modules, s.module))
                .cloned()
                .collect();
            let progress = progress(
                &module_infos(&offer.offer),
                &timetable.iter().map(session_facts).collect::<Vec<_>>(),
                marks.get(&enrolment.id).map(Vec::as_slice).unwrap_or(&[]),
                entries.get(&enrolment.id).map(Vec::as_slice).unwrap_or(&[]),
                today,
                rules,
            );
            out.push(EnrolledCohort {
                enrolment,
                cohort,
                offer,
                sessions: timetable,
                progress,
            });
        }
        Ok(out)
    }
}
