//! Running tandems (issue 15, points 4 and 5): meetings logged by the mentor, the mentee or
//! staff, the hour budget per month with a warning to staff, the closing with feedback from
//! both sides; what a mentor sees (their tandems and the events offered to them) and what a
//! mentee sees. A mentor reads of their mentee only what the tandem needs — name,
//! occupational field, languages, how to reach them — never counselling, readiness, health
//! or attendance data; each such read is audited.

use chrono::NaiveDate;
use lernweg_domain::access::{COUNSELLING, MENTOR};
use lernweg_domain::{KldbCode, MentorEventId, MentorId, ParseError, ParticipantId, TandemId};
use lernweg_participants::LanguageCode;
use lernweg_participants::mentor_pool::{
    OverBudget, RawMeeting, minutes_in_month, over_budget, parse_date, parse_feedback,
};
use lernweg_participants::model::PhoneNumber;
use lernweg_store::{
    EventKind, MeetingRecord, MentorEvent, MentorRecord, NewMentorEvent, Signup, Tandem,
    TandemSide, TandemStatus,
};

use crate::offers::require;
use crate::{App, AppError, Caller};

fn invalid(field: &'static str, code: &'static str, message: impl Into<String>) -> AppError {
    AppError::invalid(ParseError::new(field, code, message.into()))
}

/// A tandem with its people's names, meetings and budget.
#[derive(Debug, Clone)]
pub struct TandemView {
    pub tandem: Tandem,
    pub mentor_name: String,
    pub mentee_name: String,
    pub meetings: Vec<MeetingRecord>,
    /// Minutes met in the current month.
    pub this_month: u32,
    /// The months over budget (a warning to staff).
    pub over_budget: Vec<OverBudget>,
}

/// A tandem's meetings, and their (day, minutes) for the budget.
async fn meetings(
    app: &App,
    t: &Tandem,
) -> Result<(Vec<MeetingRecord>, Vec<(NaiveDate, u32)>), AppError> {
    let meetings = app.store.meetings_of(t.id).await?;
    let minutes = meetings
        .iter()
        .map(|m| (m.meeting.met_on, m.meeting.minutes))
        .collect();
    Ok((meetings, minutes))
}

async fn view_of(app: &App, t: Tandem) -> Result<TandemView, AppError> {
    let mentor = app.store.mentor(t.mentor_id).await?;
    let p = app.store.participant(t.participant_id).await?;
    let (meetings, minutes) = meetings(app, &t).await?;
    Ok(TandemView {
        this_month: minutes_in_month(&minutes, app.today()),
        over_budget: over_budget(&minutes, t.budget_minutes),
        mentor_name: mentor.profile.name,
        mentee_name: format!("{} {}", p.data.given_name, p.data.family_name),
        meetings,
        tandem: t,
    })
}

/// Every tandem of the caller's provider with names, meetings and budget (staff).
pub async fn overview(
    app: &App,
    caller: &Caller,
    named: Option<lernweg_domain::ProviderId>,
) -> Result<Vec<TandemView>, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let provider = crate::mentoring::provider_of(caller, named)?;
    let mut out = Vec::new();
    for t in app.store.tandems_of_provider(provider).await? {
        out.push(view_of(app, t).await?);
    }
    Ok(out)
}

/// One tandem with everything (staff).
pub async fn tandem(app: &App, caller: &Caller, id: TandemId) -> Result<TandemView, AppError> {
    let t = crate::mentoring::visible_tandem(app, caller, id).await?;
    view_of(app, t).await
}

/// Which side of `t` the caller is: its mentor, its mentee, or counselling staff of its
/// provider; anyone else gets `NotFound`.
fn side_of(
    caller: &Caller,
    t: &Tandem,
    mentor: Option<MentorId>,
    participant: Option<ParticipantId>,
) -> Result<TandemSide, AppError> {
    caller.ensure_provider(t.provider_id)?;
    if mentor == Some(t.mentor_id) && MENTOR.permits(Some(caller.principal.role)) {
        return Ok(TandemSide::Mentor);
    }
    if participant == Some(t.participant_id) {
        return Ok(TandemSide::Mentee);
    }
    if COUNSELLING.permits(Some(caller.principal.role)) {
        return Ok(TandemSide::Staff);
    }
    Err(AppError::NotFound)
}

/// Logs a meeting of a running tandem, by its mentor, its mentee or staff.
pub async fn log_meeting(
    app: &App,
    caller: &Caller,
    id: TandemId,
    mentor: Option<MentorId>,
    participant: Option<ParticipantId>,
    raw: &RawMeeting,
) -> Result<TandemView, AppError> {
    let t = app.store.tandem(id).await?;
    let side = side_of(caller, &t, mentor, participant)?;
    if t.status != TandemStatus::Active {
        return Err(AppError::Conflict("tandem_not_active".into()));
    }
    let started = t.started_on.unwrap_or_else(|| app.today());
    let meeting = raw.parse(started, app.today()).map_err(AppError::invalid)?;
    app.store
        .log_meeting(&caller.actor, &t, &meeting, side)
        .await?;
    view_of(app, app.store.tandem(id).await?).await
}

/// Staff close a running tandem (on `on`, default today) with a note.
pub async fn close(
    app: &App,
    caller: &Caller,
    id: TandemId,
    on: &str,
    note: &str,
) -> Result<Tandem, AppError> {
    let t = crate::mentoring::visible_tandem(app, caller, id).await?;
    let on = match on.trim() {
        "" => app.today(),
        d => parse_date("closed_on", d).map_err(AppError::invalid)?,
    };
    if t.started_on.is_some_and(|s| on < s) {
        return Err(invalid(
            "closed_on",
            "before_start",
            "the tandem began later",
        ));
    }
    Ok(app
        .store
        .close_tandem(&caller.actor, &t, on, note.trim())
        .await?)
}

/// The mentor's or the mentee's closing feedback on their closed tandem (once each).
pub async fn feedback(
    app: &App,
    caller: &Caller,
    id: TandemId,
    mentor: Option<MentorId>,
    participant: Option<ParticipantId>,
    text: &str,
) -> Result<Tandem, AppError> {
    let t = app.store.tandem(id).await?;
    let side = side_of(caller, &t, mentor, participant)?;
    let given = match side {
        TandemSide::Mentor => &t.mentor_feedback,
        TandemSide::Mentee => &t.mentee_feedback,
        TandemSide::Staff => return Err(AppError::Forbidden),
    };
    if t.status != TandemStatus::Closed {
        return Err(AppError::Conflict("tandem_not_closed".into()));
    }
    if given.is_some() {
        return Err(AppError::Conflict("feedback_given".into()));
    }
    let text = parse_feedback(text).map_err(AppError::invalid)?;
    Ok(app
        .store
        .tandem_feedback(&caller.actor, &t, side, &text)
        .await?)
}

// ---------------------------------------------------------------- the two sides' views

/// What one side of a tandem sees of the other: what the tandem needs, nothing more.
#[derive(Debug, Clone)]
pub struct Partner {
    pub name: String,
    pub kldb: Option<KldbCode>,
    /// The mentor's occupation in their words (empty for a mentee).
    pub occupation: String,
    pub languages: Vec<LanguageCode>,
    pub email: Option<String>,
    pub phone: Option<PhoneNumber>,
}

/// A tandem as one of its two sides sees it.
#[derive(Debug, Clone)]
pub struct OwnTandem {
    pub tandem: Tandem,
    pub partner: Partner,
    pub meetings: Vec<MeetingRecord>,
    pub this_month: u32,
}

async fn own_tandem(app: &App, t: Tandem, partner: Partner) -> Result<OwnTandem, AppError> {
    let (meetings, minutes) = meetings(app, &t).await?;
    Ok(OwnTandem {
        this_month: minutes_in_month(&minutes, app.today()),
        meetings,
        partner,
        tandem: t,
    })
}

/// An event offered to mentors, as a mentor sees it.
#[derive(Debug, Clone)]
pub struct OfferedEvent {
    pub event: MentorEvent,
    pub signed_up: bool,
}

/// The mentor's page: their running and closed tandems and the coming events.
#[derive(Debug, Clone)]
pub struct MentorHome {
    pub mentor: MentorRecord,
    pub tandems: Vec<OwnTandem>,
    pub events: Vec<OfferedEvent>,
}

/// The mentor record a mentor account belongs to.
pub async fn own_mentor(
    app: &App,
    caller: &Caller,
    mentor: Option<MentorId>,
) -> Result<MentorRecord, AppError> {
    require(&caller.principal, MENTOR)?;
    let m = app.store.mentor(mentor.ok_or(AppError::NotFound)?).await?;
    caller.ensure_provider(m.provider_id)?;
    Ok(m)
}

pub async fn mentor_home(
    app: &App,
    caller: &Caller,
    mentor: Option<MentorId>,
) -> Result<MentorHome, AppError> {
    let m = own_mentor(app, caller, mentor).await?;
    let mut tandems = Vec::new();
    for t in app.store.tandems_of_mentor(m.id).await? {
        if !matches!(t.status, TandemStatus::Active | TandemStatus::Closed) {
            continue;
        }
        let p = app.store.participant(t.participant_id).await?;
        crate::participants::audit_view(app, &caller.actor, &p, "mentor: tandem").await?;
        let mut languages: Vec<LanguageCode> = p.data.mother_tongue.into_iter().collect();
        languages.extend(p.data.other_languages.iter().copied());
        let partner = Partner {
            name: format!("{} {}", p.data.given_name, p.data.family_name),
            kldb: p.data.kldb.clone(),
            occupation: String::new(),
            languages,
            email: p.data.email.as_ref().map(|e| e.as_str().to_owned()),
            phone: p.data.phone.clone(),
        };
        tandems.push(own_tandem(app, t, partner).await?);
    }
    let signed = app.store.signups_of_mentor(m.id).await?;
    let events = app
        .store
        .mentor_events_of(m.provider_id, app.today())
        .await?
        .into_iter()
        .map(|event| OfferedEvent {
            signed_up: signed.contains(&event.id),
            event,
        })
        .collect();
    Ok(MentorHome {
        mentor: m,
        tandems,
        events,
    })
}

/// Every tandem of a participant the caller may see — proposals and rejected ones too — with
/// the mentor's name and the number of meetings, for the data-protection Auskunft.
pub async fn of_participant(
    app: &App,
    caller: &Caller,
    participant: ParticipantId,
) -> Result<Vec<(Tandem, String, usize)>, AppError> {
    let p = crate::visible::participant_record(app, &caller.principal, participant).await?;
    let mut out = Vec::new();
    for t in app.store.tandems_of_participant(p.id).await? {
        let name = app.store.mentor(t.mentor_id).await?.profile.name;
        let meetings = app.store.meetings_of(t.id).await?.len();
        out.push((t, name, meetings));
    }
    Ok(out)
}

/// The mentee's running or closed tandems, each with their mentor (the portal).
pub async fn mentee_tandems(
    app: &App,
    participant: ParticipantId,
) -> Result<Vec<OwnTandem>, AppError> {
    let mut out = Vec::new();
    for t in app.store.tandems_of_participant(participant).await? {
        if !matches!(t.status, TandemStatus::Active | TandemStatus::Closed) {
            continue;
        }
        let m = app.store.mentor(t.mentor_id).await?.profile;
        let partner = Partner {
            name: m.name,
            kldb: Some(m.kldb),
            occupation: m.occupation,
            languages: m.languages,
            email: m.email.map(|e| e.as_str().to_owned()),
            phone: m.phone,
        };
        out.push(own_tandem(app, t, partner).await?);
    }
    Ok(out)
}

// ---------------------------------------------------------------- events for mentors

/// A new event as typed in (all text).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct RawEvent {
    pub kind: String,
    pub title: String,
    pub date: String,
    pub start: String,
    pub end: String,
    pub place: String,
    pub capacity: String,
    pub description: String,
}

fn clock(field: &'static str, s: &str) -> Result<String, AppError> {
    lernweg_planner::ClockTime::parse(s.trim())
        .map(|c| c.to_string())
        .map_err(|_| invalid(field, "invalid_time", format!("{s:?} is not a time HH:MM")))
}

impl RawEvent {
    fn parse(&self, today: NaiveDate) -> Result<NewMentorEvent, AppError> {
        let kind = EventKind::parse(&self.kind)
            .ok_or_else(|| invalid("kind", "invalid", "workshop or networking"))?;
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > 200 {
            return Err(invalid(
                "title",
                "required",
                "a title of 1 to 200 characters",
            ));
        }
        let date = parse_date("date", &self.date).map_err(AppError::invalid)?;
        if date < today {
            return Err(invalid("date", "in_past", "an event lies in the future"));
        }
        let (start, end) = (clock("start", &self.start)?, clock("end", &self.end)?);
        if end <= start {
            return Err(invalid(
                "end",
                "before_start",
                "the end lies before the start",
            ));
        }
        let capacity = self
            .capacity
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|c| (1..=500).contains(c))
            .ok_or_else(|| invalid("capacity", "out_of_range", "a number from 1 to 500"))?;
        Ok(NewMentorEvent {
            kind,
            title: title.to_owned(),
            date,
            start,
            end,
            place: self.place.trim().to_owned(),
            capacity,
            description: self.description.trim().to_owned(),
        })
    }
}

/// Staff offer a workshop or networking event to the provider's mentors.
pub async fn create_event(
    app: &App,
    caller: &Caller,
    named: Option<lernweg_domain::ProviderId>,
    raw: &RawEvent,
) -> Result<MentorEvent, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let provider = crate::mentoring::provider_of(caller, named)?;
    let e = raw.parse(app.today())?;
    Ok(app
        .store
        .create_mentor_event(&caller.actor, provider, &e)
        .await?)
}

/// The provider's coming events with their sign-ups and attendance (staff).
pub async fn events(
    app: &App,
    caller: &Caller,
    named: Option<lernweg_domain::ProviderId>,
    from: NaiveDate,
) -> Result<Vec<(MentorEvent, Vec<Signup>)>, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let provider = crate::mentoring::provider_of(caller, named)?;
    let mut out = Vec::new();
    for e in app.store.mentor_events_of(provider, from).await? {
        let signups = app.store.signups_of(e.id).await?;
        out.push((e, signups));
    }
    Ok(out)
}

async fn visible_event(
    app: &App,
    caller: &Caller,
    id: MentorEventId,
) -> Result<MentorEvent, AppError> {
    let e = app.store.mentor_event(id).await?;
    caller.ensure_provider(e.provider_id)?;
    Ok(e)
}

/// A mentor signs up for (or, `join` false, withdraws from) an event of their provider.
pub async fn sign_up(
    app: &App,
    caller: &Caller,
    mentor: Option<MentorId>,
    event: MentorEventId,
    join: bool,
) -> Result<MentorEvent, AppError> {
    let m = own_mentor(app, caller, mentor).await?;
    let e = visible_event(app, caller, event).await?;
    if e.event.date < app.today() {
        return Err(AppError::Conflict("event_past".into()));
    }
    if join {
        app.store.sign_up_mentor(&caller.actor, &e, m.id).await?;
    } else {
        app.store.withdraw_signup(&caller.actor, &e, m.id).await?;
    }
    Ok(app.store.mentor_event(e.id).await?)
}

/// Staff record whether a signed-up mentor attended.
pub async fn record_attendance(
    app: &App,
    caller: &Caller,
    event: MentorEventId,
    mentor: MentorId,
    attended: bool,
) -> Result<Vec<Signup>, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let e = visible_event(app, caller, event).await?;
    app.store
        .set_event_attendance(&caller.actor, &e, mentor, attended)
        .await?;
    Ok(app.store.signups_of(e.id).await?)
}
