//! Early warnings for the contact person (issue 17, point 3): the rules of
//! `lernweg_participants::warnings` over what the store reads for a set of people at once
//! (`Store::warning_data`, nine statements whatever the number of people), minus the warnings
//! marked as handled; marking one as handled with a note; and the daily digest through the
//! outbox ([`crate::daily::DailyJob::Warnings`]).
//!
//! Who sees whose warnings: a counsellor those of the people whose contact person they are;
//! a coordinator every person of their provider (they stand in for absent colleagues); the
//! admin every provider's. Trainers none. Only people with an enrolment that is not final are
//! looked at.

use std::collections::{BTreeMap, HashMap};

use chrono::{Duration, NaiveDate};
use lernweg_domain::access::COUNSELLING;
use lernweg_domain::outbox::NoticeKind;
use lernweg_domain::{ParseError, ParticipantId, ProviderId, Role, UserId};
use lernweg_participants::monday_of;
use lernweg_participants::warnings::{Attended, Declined, WarningInput, WeekOver, warnings};
use lernweg_store::{HandledWarning, NewNotice, WARNING_NOTE_MAX, WarnedPeople, WarningData};
use serde_json::{Map, Value, json};

pub use lernweg_participants::warnings::{Facts, Warning, WarningKind};

use crate::offers::require;
use crate::{App, AppError, Caller};

/// How far back attendance is read for the rows of absences (the rate looks at 28 days).
pub const ATTENDANCE_LOOKBACK_DAYS: i64 = 56;
/// How long handled warnings stay listed.
pub const HANDLED_SHOWN_DAYS: i64 = 30;
/// The longest subject accepted when marking a warning.
pub const SUBJECT_MAX: usize = 100;

/// An open warning with the person it is about.
#[derive(Debug, Clone)]
pub struct OpenWarning {
    pub warning: Warning,
    /// "Given Family".
    pub name: String,
    pub provider_id: ProviderId,
    pub contact_person_id: Option<UserId>,
}

/// The people whose warnings the caller sees (counselling staff only).
fn people_of(caller: &Caller) -> Result<WarnedPeople, AppError> {
    let who = &caller.principal;
    require(who, COUNSELLING)?;
    Ok(WarnedPeople {
        provider: who.provider_scope(),
        contact: (who.role == Role::Counsellor).then_some(who.user_id),
        with_contact_only: false,
    })
}

/// The open warnings of `set` as of `today`, by person (name) and kind. No access check.
async fn open_of(
    app: &App,
    set: &WarnedPeople,
    today: NaiveDate,
) -> Result<Vec<OpenWarning>, AppError> {
    let data = read(app, set, today).await?;
    Ok(evaluate(&data, today))
}

async fn read(app: &App, set: &WarnedPeople, today: NaiveDate) -> Result<WarningData, AppError> {
    Ok(app
        .store
        .warning_data(
            set,
            today - Duration::days(ATTENDANCE_LOOKBACK_DAYS),
            monday_of(today),
        )
        .await?)
}

/// The rules over what was read: pure.
fn evaluate(data: &WarningData, today: NaiveDate) -> Vec<OpenWarning> {
    let mut attended: HashMap<ParticipantId, Vec<Attended>> = HashMap::new();
    for a in &data.attendance {
        attended
            .entry(a.participant_id)
            .or_default()
            .push(Attended {
                enrolment: a.enrolment_id.to_string(),
                date: a.date,
                status: a.status,
            });
    }
    let mut declined: HashMap<ParticipantId, Vec<Declined>> = HashMap::new();
    for d in &data.declined {
        declined
            .entry(d.participant_id)
            .or_default()
            .push(Declined {
                agreement: d.id.to_string(),
                on: d.on,
                cohort: d.cohort_name.clone(),
            });
    }
    let weeks = weeks_over(data);
    let mut first_enrolled: HashMap<ParticipantId, NaiveDate> = HashMap::new();
    for e in &data.enrolments {
        let day = e.created_at.date_naive();
        first_enrolled
            .entry(e.participant_id)
            .and_modify(|d| *d = (*d).min(day))
            .or_insert(day);
    }
    let mut out = Vec::new();
    for p in &data.people {
        let input = WarningInput {
            participant: p.id,
            attendance: attended.get(&p.id).map(Vec::as_slice).unwrap_or(&[]),
            last_contact: p.last_contact,
            known_since: first_enrolled
                .get(&p.id)
                .copied()
                .unwrap_or_else(|| p.created_at.date_naive())
                .max(p.created_at.date_naive()),
            open_enrolment: true,
            weeks_over: weeks.get(&p.id).map(Vec::as_slice).unwrap_or(&[]),
            declined: declined.get(&p.id).map(Vec::as_slice).unwrap_or(&[]),
        };
        for w in warnings(&input, today) {
            let key = (p.id, w.kind.code().to_owned(), w.subject.clone());
            if !data.handled.contains(&key) {
                out.push(OpenWarning {
                    warning: w,
                    name: p.name.clone(),
                    provider_id: p.provider_id,
                    contact_person_id: p.contact_person_id,
                });
            }
        }
    }
    out
}

/// The weeks over the load limit of each person's open enrolments, through the one fit check
/// (`crate::work::fit_with`) over the sessions read.
fn weeks_over(data: &WarningData) -> HashMap<ParticipantId, Vec<WeekOver>> {
    let cohorts: HashMap<_, _> = data.cohorts.iter().map(|c| (c.id, c)).collect();
    let offers: HashMap<_, _> = data.offers.iter().map(|o| (o.id, o)).collect();
    let patterns: HashMap<_, _> = data
        .patterns
        .iter()
        .map(|p| (p.participant_id, p))
        .collect();
    let mut sessions: HashMap<_, Vec<_>> = HashMap::new();
    for s in &data.sessions {
        sessions.entry(s.cohort_id).or_default().push(s.clone());
    }
    let mut out: HashMap<ParticipantId, Vec<WeekOver>> = HashMap::new();
    for e in &data.enrolments {
        let (Some(pattern), Some(cohort)) =
            (patterns.get(&e.participant_id), cohorts.get(&e.cohort_id))
        else {
            continue;
        };
        let Some(offer) = offers.get(&cohort.offer_id) else {
            continue;
        };
        let own = sessions.get(&cohort.id).cloned().unwrap_or_default();
        let fit = crate::work::fit_with(pattern, e, (*cohort).clone(), &offer.offer, own);
        out.entry(e.participant_id).or_default().extend(
            fit.fit
                .weeks
                .iter()
                .filter(|w| w.over_limit)
                .map(|w| WeekOver {
                    week: w.week.clone(),
                    monday: w.monday,
                    total_hours: w.total_hours,
                    limit_hours: fit.fit.limit_hours,
                }),
        );
    }
    out
}

/// The caller's open warnings (see the module for whose), by person and kind. The list names
/// people, so reading it is audited like a list (`what` names the view).
pub async fn for_contact_person(
    app: &App,
    caller: &Caller,
    what: &str,
) -> Result<Vec<OpenWarning>, AppError> {
    let set = people_of(caller)?;
    let open = open_of(app, &set, app.today()).await?;
    if !open.is_empty() {
        crate::participants::audit_list(
            app,
            caller,
            set.provider,
            format!("{what} (early warnings, {} entries)", open.len()),
        )
        .await?;
    }
    Ok(open)
}

/// The warnings handled in the last [`HANDLED_SHOWN_DAYS`] days of the caller's people, newest
/// first.
pub async fn handled(
    app: &App,
    caller: &Caller,
    what: &str,
) -> Result<Vec<HandledWarning>, AppError> {
    let set = people_of(caller)?;
    let since = app.clock.now_utc() - Duration::days(HANDLED_SHOWN_DAYS);
    let list = app
        .store
        .handled_warnings(set.provider, set.contact, since)
        .await?;
    if !list.is_empty() {
        crate::participants::audit_list(
            app,
            caller,
            set.provider,
            format!("{what} (handled warnings, {} entries)", list.len()),
        )
        .await?;
    }
    Ok(list)
}

/// Checks what marking a warning needs: a known kind, a subject, a note of 1 to 500
/// characters. Every wrong field is named.
pub fn check_mark(kind: &str, subject: &str, note: &str) -> Result<WarningKind, AppError> {
    let mut errors = Vec::new();
    let parsed = WarningKind::parse(kind);
    if parsed.is_none() {
        errors.push(ParseError::new(
            "kind",
            "unknown",
            "kind must be absences_in_row, low_attendance, load_over_limit, no_contact or release_declined",
        ));
    }
    let subject = subject.trim();
    if subject.is_empty() || subject.chars().count() > SUBJECT_MAX {
        errors.push(ParseError::new(
            "subject",
            if subject.is_empty() {
                "required"
            } else {
                "too_long"
            },
            "subject must have 1 to 100 characters",
        ));
    }
    let note = note.trim();
    if note.is_empty() {
        errors.push(ParseError::new("note", "required", "a note is required"));
    } else if note.chars().count() > WARNING_NOTE_MAX {
        errors.push(ParseError::new(
            "note",
            "too_long",
            "the note is longer than 500 characters",
        ));
    }
    match parsed {
        Some(k) if errors.is_empty() => Ok(k),
        _ => Err(AppError::Invalid(errors)),
    }
}

/// Marks a warning about `participant` as handled with a note (counselling staff of the
/// person's provider; another provider's person is `NotFound`). A new cause — another
/// subject — warns again. `Conflict` when it is marked already.
pub async fn handle(
    app: &App,
    caller: &Caller,
    participant: ParticipantId,
    kind: &str,
    subject: &str,
    note: &str,
) -> Result<(), AppError> {
    require(&caller.principal, COUNSELLING)?;
    let p = crate::visible::participant_record(app, &caller.principal, participant).await?;
    let kind = check_mark(kind, subject, note)?;
    app.store
        .mark_warning_handled(
            &caller.actor,
            p.provider_id,
            p.id,
            kind,
            subject.trim(),
            note.trim(),
        )
        .await?;
    Ok(())
}

/// The daily digest: one notice through the outbox to every contact person (with an e-mail
/// address) who has open warnings on `day`, listing each person, the kind and the date with a
/// link to the person's page under `base_url`; the notice names no file details. A contact
/// person who had the digest of `day` already gets none. Returns how many were queued.
pub async fn queue_digests(app: &App, day: NaiveDate, base_url: &str) -> Result<usize, AppError> {
    let set = WarnedPeople {
        with_contact_only: true,
        ..WarnedPeople::default()
    };
    let data = read(app, &set, day).await?;
    let open = evaluate(&data, day);
    let base = base_url.trim_end_matches('/');
    let mut by_contact: BTreeMap<UserId, Vec<&OpenWarning>> = BTreeMap::new();
    for w in &open {
        if let Some(c) = w.contact_person_id {
            by_contact.entry(c).or_default().push(w);
        }
    }
    // The contact person's address and name, read with the people.
    let addresses: HashMap<UserId, (String, String, ProviderId)> = data
        .people
        .iter()
        .filter_map(|p| {
            Some((
                p.contact_person_id?,
                (
                    p.contact_email.clone()?,
                    p.contact_name.clone().unwrap_or_default(),
                    p.provider_id,
                ),
            ))
        })
        .collect();
    let mut digests = Vec::new();
    for (user, list) in by_contact {
        let Some((email, name, provider)) = addresses.get(&user) else {
            continue;
        };
        let items: Vec<Value> = list
            .iter()
            .map(|w| {
                json!({
                    "name": w.name,
                    "kind": w.warning.kind.code(),
                    "since": w.warning.since.to_string(),
                    "link": format!("{base}/verwaltung/teilnehmende/{}", w.warning.participant),
                })
            })
            .collect();
        let mut args = Map::new();
        args.insert("count".into(), Value::String(list.len().to_string()));
        args.insert("warnings".into(), Value::Array(items));
        args.insert(
            "link".into(),
            Value::String(format!("{base}/verwaltung/fruehwarnungen")),
        );
        digests.push((
            user,
            list.len(),
            NewNotice {
                provider_id: Some(*provider),
                kind: NoticeKind::WarningDigest,
                lang: "de".into(),
                args,
                to_address: email.clone(),
                to_name: name.clone(),
            },
        ));
    }
    Ok(app.store.enqueue_warning_digests(day, &digests).await?)
}
