//! Mentoring (issue 15, MISSION §2.3): the mentor pool, the participants waiting for a mentor,
//! the score weights per provider, and the matching's proposals that staff accept, reject or
//! swap. The matching itself is `lernweg_participants::mentoring::assign_except` — exact, over
//! every waiting mentee of the provider and every free place of an available mentor, without
//! the pairs staff rejected before. Tandems once running are `crate::tandems`.

use chrono::{Months, NaiveDate};
use lernweg_domain::access::{COUNSELLING, MANAGERS};
use lernweg_domain::{MentorId, ParseError, ParticipantId, ProviderId, TandemId};
use lernweg_participants::mentor_pool::{
    DEFAULT_BUDGET_MINUTES, MenteeWish, RawMentor, RawWish, parse_date,
};
use lernweg_participants::mentoring::{self, Mentee, Mentor, Weights};
use lernweg_participants::{Consent, ConsentScope};
use lernweg_store::{
    MentorRecord, NewProposal, ParticipantRecord, Tandem, TandemStatus, WishRecord,
};

use crate::offers::require;
use crate::{App, AppError, Caller};

fn invalid(field: &'static str, code: &'static str, message: impl Into<String>) -> AppError {
    AppError::invalid(ParseError::new(field, code, message.into()))
}

/// The provider a staff caller works for; the admin names one.
pub(crate) fn provider_of(
    caller: &Caller,
    named: Option<ProviderId>,
) -> Result<ProviderId, AppError> {
    caller
        .principal
        .provider_id
        .or(named)
        .ok_or_else(|| invalid("provider_id", "required", "the admin names a provider"))
}

// ---------------------------------------------------------------- the pool

/// A mentor the caller may see (another provider's: `NotFound`).
pub async fn visible_mentor(
    app: &App,
    caller: &Caller,
    id: MentorId,
) -> Result<MentorRecord, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let m = app.store.mentor(id).await?;
    caller.ensure_provider(m.provider_id)?;
    Ok(m)
}

/// The pool of the caller's provider, by name.
pub async fn mentors(
    app: &App,
    caller: &Caller,
    named: Option<ProviderId>,
) -> Result<Vec<MentorRecord>, AppError> {
    require(&caller.principal, COUNSELLING)?;
    Ok(app.store.mentors_of(provider_of(caller, named)?).await?)
}

/// Adds a mentor to the pool.
pub async fn add_mentor(
    app: &App,
    caller: &Caller,
    named: Option<ProviderId>,
    raw: &RawMentor,
) -> Result<MentorRecord, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let provider = provider_of(caller, named)?;
    let profile = raw.parse(app.today()).map_err(AppError::invalid)?;
    Ok(app
        .store
        .create_mentor(&caller.actor, provider, &profile)
        .await?)
}

/// Saves a mentor's profile.
pub async fn update_mentor(
    app: &App,
    caller: &Caller,
    id: MentorId,
    raw: &RawMentor,
) -> Result<MentorRecord, AppError> {
    let m = visible_mentor(app, caller, id).await?;
    let profile = raw.parse(app.today()).map_err(AppError::invalid)?;
    Ok(app.store.update_mentor(&caller.actor, &m, &profile).await?)
}

// ---------------------------------------------------------------- waiting mentees

/// Records that a participant of the caller's provider wishes a mentor (or changes the wish).
pub async fn set_wish(
    app: &App,
    caller: &Caller,
    participant: ParticipantId,
    raw: &RawWish,
) -> Result<WishRecord, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let p = crate::participants::visible(app, &caller.principal, participant).await?;
    let wish = raw.parse().map_err(AppError::invalid)?;
    app.store
        .set_wish(&caller.actor, p.id, p.provider_id, &wish, app.today())
        .await?;
    app.store.wish_of(p.id).await?.ok_or(AppError::NotFound)
}

/// The participant no longer waits for a mentor.
pub async fn remove_wish(
    app: &App,
    caller: &Caller,
    participant: ParticipantId,
) -> Result<(), AppError> {
    require(&caller.principal, COUNSELLING)?;
    let p = crate::participants::visible(app, &caller.principal, participant).await?;
    Ok(app
        .store
        .remove_wish(&caller.actor, p.id, p.provider_id)
        .await?)
}

// ---------------------------------------------------------------- weights

pub async fn weights(
    app: &App,
    caller: &Caller,
    named: Option<ProviderId>,
) -> Result<Weights, AppError> {
    require(&caller.principal, COUNSELLING)?;
    Ok(app
        .store
        .mentoring_weights(provider_of(caller, named)?)
        .await?)
}

/// Saves the provider's weights: each from 0 to 100.
pub async fn set_weights(
    app: &App,
    caller: &Caller,
    named: Option<ProviderId>,
    w: &Weights,
) -> Result<Weights, AppError> {
    require(&caller.principal, MANAGERS)?;
    let provider = provider_of(caller, named)?;
    for (field, v) in [
        ("same_main_group", w.same_main_group),
        ("same_area", w.same_area),
        ("mother_tongue", w.mother_tongue),
        ("per_slot", w.per_slot),
        ("slots_max", w.slots_max),
        ("place", w.place),
    ] {
        if !(0..=100).contains(&v) {
            return Err(invalid(field, "out_of_range", "a number from 0 to 100"));
        }
    }
    app.store
        .set_mentoring_weights(&caller.actor, provider, w)
        .await?;
    Ok(app.store.mentoring_weights(provider).await?)
}

// ---------------------------------------------------------------- the matching

/// A waiting participant the matching could not place, with the reason in German.
#[derive(Debug, Clone)]
pub struct Unplaced {
    pub participant_id: ParticipantId,
    pub name: String,
    pub reason: String,
}

/// What the matching sees of a provider and what it proposes.
#[derive(Debug, Clone)]
pub struct MatchingRun {
    pub proposals: Vec<NewProposal>,
    pub unplaced: Vec<Unplaced>,
    pub total_score: i64,
}

/// A mentor as the matching sees them, with their places still free on `today`.
pub fn as_mentor(m: &MentorRecord, running: &[Tandem], today: NaiveDate) -> Mentor {
    let busy = running
        .iter()
        .filter(|t| t.mentor_id == m.id && t.status == TandemStatus::Active)
        .count() as u32;
    let p = &m.profile;
    Mentor {
        id: m.id.to_string(),
        kldb: p.kldb.clone(),
        languages: p.languages.clone(),
        slots: p.slots,
        city: p.city.clone(),
        online: p.online,
        capacity: if p.available_on(today) {
            p.capacity.saturating_sub(busy)
        } else {
            0
        },
    }
}

/// A participant as the matching sees them (`None` without a KldB code).
pub fn as_mentee(p: &ParticipantRecord, wish: &MenteeWish) -> Option<Mentee> {
    Some(Mentee {
        id: p.id.to_string(),
        kldb: p.data.kldb.clone()?,
        mother_tongue: p.data.mother_tongue,
        german: p.data.german_level,
        slots: wish.slots,
        city: wish.city.clone(),
        online: wish.online,
    })
}

fn name(p: &ParticipantRecord) -> String {
    format!("{} {}", p.data.given_name, p.data.family_name)
}

/// The matching over the provider's waiting participants (a wish, no running tandem) and the
/// free places of its available mentors. Without consent `share_with_mentor` or a KldB code
/// a participant is listed as unplaced with the reason.
pub async fn run_matching(app: &App, provider: ProviderId) -> Result<MatchingRun, AppError> {
    let today = app.today();
    let tandems = app.store.tandems_of_provider(provider).await?;
    let pool = app.store.mentors_of(provider).await?;
    let mentors: Vec<Mentor> = pool.iter().map(|m| as_mentor(m, &tandems, today)).collect();
    let mut mentees = Vec::new();
    let mut people = Vec::new();
    let mut unplaced = Vec::new();
    for w in app.store.wishes_of(provider).await? {
        let running = tandems
            .iter()
            .any(|t| t.participant_id == w.participant_id && t.status == TandemStatus::Active);
        if running {
            continue;
        }
        let p = app.store.participant(w.participant_id).await?;
        let consents = app.store.consents(p.id).await?;
        let consent = consents.iter().any(|c| {
            c.scope == ConsentScope::ShareWithMentor
                && Consent::new(c.scope, c.given_on, c.withdrawn_on)
                    .is_ok_and(|k| k.is_active_on(today))
        });
        let reason = match (consent, as_mentee(&p, &w.wish)) {
            (false, _) => "keine Einwilligung zur Weitergabe an Mentorinnen und Mentoren".into(),
            (true, None) => "kein Beruf (KldB) erfasst".into(),
            (true, Some(m)) => {
                mentees.push(m);
                people.push(p);
                continue;
            }
        };
        unplaced.push(Unplaced {
            participant_id: p.id,
            name: name(&p),
            reason,
        });
    }
    let rejected: Vec<(String, String)> = tandems
        .iter()
        .filter(|t| t.status == TandemStatus::Rejected)
        .map(|t| (t.mentor_id.to_string(), t.participant_id.to_string()))
        .collect();
    let weights = app.store.mentoring_weights(provider).await?;
    let m = mentoring::assign_except(&mentors, &mentees, &weights, |j, e| {
        rejected
            .iter()
            .any(|(mentor, mentee)| *mentor == mentors[j].id && *mentee == mentees[e].id)
    });
    let proposals = m
        .pairs
        .iter()
        .map(|pair| NewProposal {
            mentor: pool[pair.mentor].id,
            participant: people[pair.mentee].id,
            score: pair.score,
            reasons: pair.reasons.iter().map(|r| r.german()).collect(),
        })
        .collect();
    for (e, why) in &m.unmatched {
        unplaced.push(Unplaced {
            participant_id: people[*e].id,
            name: name(&people[*e]),
            reason: why.german(),
        });
    }
    Ok(MatchingRun {
        proposals,
        unplaced,
        total_score: m.total_score,
    })
}

/// Runs the matching and replaces the provider's open proposals with its result.
pub async fn propose(
    app: &App,
    caller: &Caller,
    named: Option<ProviderId>,
) -> Result<MatchingRun, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let provider = provider_of(caller, named)?;
    let run = run_matching(app, provider).await?;
    app.store
        .replace_proposals(&caller.actor, provider, &run.proposals)
        .await?;
    Ok(run)
}

/// A tandem the caller (counselling staff) may see.
pub async fn visible_tandem(app: &App, caller: &Caller, id: TandemId) -> Result<Tandem, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let t = app.store.tandem(id).await?;
    caller.ensure_provider(t.provider_id)?;
    Ok(t)
}

/// How a proposal is accepted: start (default today), end (default a year later) and the
/// budget in minutes a month (default 120).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(default)]
pub struct Acceptance {
    pub started_on: String,
    pub ends_on: String,
    pub budget_minutes: Option<u32>,
}

/// Staff accept a proposal: it becomes a running tandem. Refused when the mentor's places
/// are taken or the participant has a running tandem already (`Conflict`).
pub async fn accept(
    app: &App,
    caller: &Caller,
    id: TandemId,
    a: &Acceptance,
) -> Result<Tandem, AppError> {
    let t = visible_tandem(app, caller, id).await?;
    let today = app.today();
    let start = match a.started_on.trim() {
        "" => today,
        s => parse_date("started_on", s).map_err(AppError::invalid)?,
    };
    let end = match a.ends_on.trim() {
        "" => start + Months::new(12),
        s => parse_date("ends_on", s).map_err(AppError::invalid)?,
    };
    if end <= start {
        return Err(invalid(
            "ends_on",
            "before_start",
            "the end lies before the start",
        ));
    }
    let budget = a.budget_minutes.unwrap_or(DEFAULT_BUDGET_MINUTES);
    if !(15..=1200).contains(&budget) {
        return Err(invalid(
            "budget_minutes",
            "out_of_range",
            "minutes a month from 15 to 1200",
        ));
    }
    let mentor = app.store.mentor(t.mentor_id).await?;
    let all = app.store.tandems_of_provider(t.provider_id).await?;
    if as_mentor(&mentor, &all, today).capacity == 0 {
        return Err(AppError::Conflict("mentor_full".into()));
    }
    if all
        .iter()
        .any(|o| o.participant_id == t.participant_id && o.status == TandemStatus::Active)
    {
        return Err(AppError::Conflict("participant_has_tandem".into()));
    }
    let accepted = app
        .store
        .accept_tandem(&caller.actor, &t, start, end, budget)
        .await?;
    // The participant's other proposals are void now.
    for other in all.iter().filter(|o| {
        o.participant_id == t.participant_id && o.id != t.id && o.status == TandemStatus::Proposed
    }) {
        app.store
            .reject_tandem(&caller.actor, other, "anderes Tandem angenommen")
            .await?;
    }
    Ok(accepted)
}

/// Staff reject a proposal (the matching will not propose the pair again).
pub async fn reject(
    app: &App,
    caller: &Caller,
    id: TandemId,
    note: &str,
) -> Result<Tandem, AppError> {
    let t = visible_tandem(app, caller, id).await?;
    Ok(app
        .store
        .reject_tandem(&caller.actor, &t, note.trim())
        .await?)
}

/// Staff swap the mentors of two proposals; each new pair must pass the hard rules (else
/// 422 naming `with`). The scores and reasons are computed anew.
pub async fn swap(
    app: &App,
    caller: &Caller,
    a: TandemId,
    b: TandemId,
) -> Result<(Tandem, Tandem), AppError> {
    let ta = visible_tandem(app, caller, a).await?;
    let tb = visible_tandem(app, caller, b).await?;
    if ta.status != TandemStatus::Proposed || tb.status != TandemStatus::Proposed {
        return Err(AppError::Conflict("tandem_not_proposed".into()));
    }
    if ta.provider_id != tb.provider_id || ta.mentor_id == tb.mentor_id {
        return Err(invalid(
            "with",
            "same_mentor",
            "swap needs two proposals of different mentors",
        ));
    }
    let weights = app.store.mentoring_weights(ta.provider_id).await?;
    let today = app.today();
    let mut scored = Vec::new();
    for (t, other) in [(&ta, &tb), (&tb, &ta)] {
        let mentor = app.store.mentor(other.mentor_id).await?;
        let p = app.store.participant(t.participant_id).await?;
        let wish = app.store.wish_of(p.id).await?.ok_or(AppError::NotFound)?;
        let mentee = as_mentee(&p, &wish.wish).ok_or(AppError::NotFound)?;
        let m = as_mentor(&mentor, &[], today);
        if !mentoring::allowed(&m, &mentee) {
            return Err(invalid(
                "with",
                "not_allowed",
                format!(
                    "{} cannot mentor {}: another Berufsbereich, or German below B1 without the mother tongue",
                    mentor.profile.name,
                    name(&p)
                ),
            ));
        }
        let (score, reasons) = mentoring::score(&m, &mentee, &weights);
        scored.push((
            score,
            reasons.iter().map(|r| r.german()).collect::<Vec<_>>(),
        ));
    }
    app.store
        .swap_proposals(
            &caller.actor,
            (&ta, scored[0].0, &scored[0].1),
            (&tb, scored[1].0, &scored[1].1),
        )
        .await?;
    Ok((app.store.tandem(a).await?, app.store.tandem(b).await?))
}

/// What the matching would do now, without storing anything (the staff page's list of
/// participants who wait without a proposal, with the reason).
pub async fn preview(app: &App, caller: &Caller) -> Result<MatchingRun, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let provider = provider_of(caller, None)?;
    run_matching(app, provider).await
}

/// Invites a mentor to `/mentoring` (an e-mail link or a printed code); their older open
/// invitations stop working. The store audits it.
pub async fn invite(
    app: &App,
    caller: &Caller,
    id: MentorId,
    kind: lernweg_store::InvitationKind,
) -> Result<(MentorRecord, lernweg_store::IssuedInvitation), AppError> {
    let m = visible_mentor(app, caller, id).await?;
    let issued = app
        .store
        .create_mentor_invitation(&caller.actor, &m, kind)
        .await?;
    Ok((m, issued))
}

/// The open invitations of a mentor stop working; returns how many.
pub async fn revoke_invitations(app: &App, caller: &Caller, id: MentorId) -> Result<u64, AppError> {
    let m = visible_mentor(app, caller, id).await?;
    Ok(app
        .store
        .revoke_invitations_of(
            &caller.actor,
            lernweg_store::Invitee::Mentor(m.id),
            m.provider_id,
        )
        .await?)
}
