//! The participant's file in a fixed number of queries (issue 12): everything that hangs off
//! the participant's enrolments, loans and referrals is read for all of them at once (by
//! the participant), never per row.

use lernweg_domain::ParticipantId;
use sqlx::Row;

use crate::db::RowMapper;
use crate::{
    AttendanceRecord, Cohort, CounsellingService, Device, OfferRecord, ProgressEntry, ReferralStep,
    SessionRecord, Store, StoreError,
};

impl Store {
    async fn of_participant<T>(
        &self,
        sql: &'static str,
        participant: ParticipantId,
        map: RowMapper<T>,
    ) -> Result<Vec<T>, StoreError> {
        let rows = sqlx::query(sql)
            .bind(participant.to_string())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(map).collect()
    }

    /// The cohorts the participant is enrolled in, with their trainers: one query.
    pub async fn cohorts_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<Cohort>, StoreError> {
        self.cohorts_of(&crate::CohortsOf::Participant(participant))
            .await
    }

    /// The offers of the cohorts the participant is enrolled in.
    pub async fn offers_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<OfferRecord>, StoreError> {
        self.of_participant(
            "SELECT id, provider_id, document, published, published_at, created_at, updated_at \
             FROM offers WHERE id IN (SELECT c.offer_id FROM cohorts c \
             JOIN enrolments e ON e.cohort_id = c.id WHERE e.participant_id = $1)",
            participant,
            crate::offers::from_row,
        )
        .await
    }

    /// Every session of the cohorts the participant is enrolled in, by cohort, date and time.
    pub async fn sessions_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<SessionRecord>, StoreError> {
        crate::timetable::sessions_packed(
            "FROM cohort_sessions WHERE cohort_id IN \
             (SELECT cohort_id FROM enrolments WHERE participant_id = $1)"
                .into(),
            "cohort_id, date, start_time, id",
        )
        .bind(participant.to_string())
        .fetch(self, |r| crate::timetable::session_from(r))
        .await
    }

    /// The attendance recorded for any of the participant's enrolments, by session date.
    pub async fn attendance_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<AttendanceRecord>, StoreError> {
        self.of_participant(
            "SELECT a.session_id, a.enrolment_id, a.status, a.note, a.recorded_by, a.recorded_at \
             FROM attendance a JOIN cohort_sessions s ON s.id = a.session_id \
             WHERE a.enrolment_id IN (SELECT id FROM enrolments WHERE participant_id = $1) \
             ORDER BY s.date, s.start_time, s.id",
            participant,
            crate::attendance::attendance_from_row,
        )
        .await
    }

    /// The staff's progress entries for any of the participant's enrolments, as written.
    pub async fn progress_entries_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<ProgressEntry>, StoreError> {
        self.of_participant(
            "SELECT id, enrolment_id, module, decision, note, recorded_by, on_date, created_at \
             FROM progress_entries WHERE enrolment_id IN \
             (SELECT id FROM enrolments WHERE participant_id = $1) ORDER BY created_at, id",
            participant,
            crate::attendance::entry_from_row,
        )
        .await
    }

    /// The devices lent to the participant (ever).
    pub async fn devices_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<Device>, StoreError> {
        self.of_participant(
            "SELECT id, provider_id, kind, label, serial, note, active, created_at FROM devices \
             WHERE id IN (SELECT device_id FROM device_loans WHERE participant_id = $1)",
            participant,
            crate::loans::device_from_row,
        )
        .await
    }

    /// The counselling services the participant was referred to.
    pub async fn services_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<CounsellingService>, StoreError> {
        self.of_participant(
            "SELECT id, provider_id, kind, name, contact_person, phone, email, address, \
             languages, opening_hours, note, active FROM counselling_services \
             WHERE id IN (SELECT service_id FROM referrals WHERE participant_id = $1)",
            participant,
            crate::referrals::service_from_row,
        )
        .await
    }

    /// The status histories of the participant's referrals: each step with its referral's
    /// id, by referral and position.
    pub async fn referral_histories_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<(String, ReferralStep)>, StoreError> {
        self.of_participant(
            "SELECT referral_id, on_date, from_status, to_status, note, recorded_by \
             FROM referral_events WHERE referral_id IN \
             (SELECT id FROM referrals WHERE participant_id = $1) ORDER BY referral_id, position",
            participant,
            |r| {
                Ok((
                    r.try_get("referral_id")?,
                    crate::referrals::step_from_row(r)?,
                ))
            },
        )
        .await
    }
}
