//! A participant's cohorts with everything their path shows (offer, timetable, progress),
//! loaded in a fixed number of statements however many cohorts there are (issue 12).

use std::collections::HashMap;

use chrono::NaiveDate;
use lernweg_domain::{EnrolmentId, ParticipantId};
use lernweg_participants::{AttendanceMark, Progress, ProgressRules, StaffEntry, progress};

use crate::attendance::{
    attendance_columns, attendance_from_row, entry_from_row, module_infos, session_facts,
};
use crate::{Cohort, CohortsOf, Enrolment, OfferRecord, SessionRecord, Store, StoreError};

/// One enrolment of a participant with its cohort, offer, timetable and progress.
#[derive(Debug, Clone)]
pub struct EnrolledCohort {
    pub enrolment: Enrolment,
    pub cohort: Cohort,
    pub offer: OfferRecord,
    /// The cohort's sessions in date order (cancelled ones included).
    pub sessions: Vec<SessionRecord>,
    /// As of the day asked for.
    pub progress: Progress,
}

impl Store {
    /// Every enrolment of a participant (in the order they were made) with its cohort, offer,
    /// sessions and progress as of `today`: six statements.
    pub async fn enrolled_cohorts(
        &self,
        participant: ParticipantId,
        today: NaiveDate,
        rules: ProgressRules,
    ) -> Result<Vec<EnrolledCohort>, StoreError> {
        let of = CohortsOf::Participant(participant);
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
            let timetable = sessions.get(&cohort.id).cloned().unwrap_or_default();
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
