//! What moving a session would hit, shown to staff before the move is saved (issue 13,
//! point 7): a public holiday of the cohort's state on the new date, and the recorded shifts
//! of the people in the cohort (not completed or dropped out) that the new time falls into.

use chrono::NaiveDate;
use lernweg_domain::access::MANAGERS;
use lernweg_domain::{ParticipantId, SessionId};
use lernweg_participants::shifts_during;
use lernweg_planner::{ClockTime, HolidayCalendar};
use lernweg_store::{AuditAction, AuditEntity, SessionMove};

use crate::offers::require;
use crate::{App, AppError, Caller};

/// A participant whose shift the new time falls into.
#[derive(Debug, Clone, PartialEq)]
pub struct ShiftHit {
    pub participant_id: ParticipantId,
    pub name: String,
    /// The day the shift starts (the day before for a night shift).
    pub shift_date: NaiveDate,
    pub shift_start: ClockTime,
    pub shift_end: ClockTime,
}

/// What a move would hit.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct MoveImpact {
    /// The public holiday on the new date, by name.
    pub holiday: Option<&'static str>,
    /// By participant, then shift.
    pub hits: Vec<ShiftHit>,
}

impl MoveImpact {
    pub fn is_empty(&self) -> bool {
        self.holiday.is_none() && self.hits.is_empty()
    }
}

/// What moving session `id` to `to` would hit. Reads the working times of the people in the
/// cohort (an audit entry says so, without times).
pub async fn move_impact(
    app: &App,
    caller: &Caller,
    id: SessionId,
    to: &SessionMove,
) -> Result<MoveImpact, AppError> {
    require(&caller.principal, MANAGERS)?;
    let (session, cohort) = crate::cohorts::session(app, &caller.principal, id).await?;
    let mut holidays = HolidayCalendar::new(cohort.state);
    let holiday = holidays.name(to.date);
    let (Some(start), Some(end)) = (to.start, to.end) else {
        return Ok(MoveImpact {
            holiday,
            hits: Vec::new(),
        });
    };
    let patterns = app.store.work_patterns_in_cohort(cohort.id).await?;
    if !patterns.is_empty() {
        app.store
            .audit_read(&caller.actor.entry(
                Some(cohort.provider_id),
                AuditAction::View,
                AuditEntity::WorkPattern,
                session.id,
                format!(
                    "working times of {} people for a session move",
                    patterns.len()
                ),
            ))
            .await?;
    }
    let mut hits = Vec::new();
    for (record, name) in &patterns {
        for (shift, day, _) in shifts_during(&record.pattern, &mut holidays, to.date, start, end) {
            hits.push(ShiftHit {
                participant_id: record.participant_id,
                name: name.clone(),
                shift_date: day,
                shift_start: shift.start,
                shift_end: shift.end,
            });
        }
    }
    Ok(MoveImpact { holiday, hits })
}
