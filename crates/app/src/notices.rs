//! Notices of changes after publication (issue 13 point 8): when a session of a published or
//! running cohort moves, is cancelled or is added, every person it concerns gets an e-mail
//! with the old and the new date — the participants with an open enrolment (in their own
//! language where the portal speaks it), the cohort's trainers, and the contact people of the
//! employers their employees are linked to (naming who is affected, nothing else). The
//! notices go into the outbox (`lernweg_store::outbox`); the background sender sends them.
//! Also the outbox for staff: pending, sent and failed messages.

use lernweg_domain::access::COUNSELLING;
use lernweg_domain::outbox::{NoticeKind, OutboxStatus};
use lernweg_domain::{Cursor, Limit, Slice};
use lernweg_store::{Cohort, NewNotice, OutboxFilter, OutboxMessage, SessionRecord};
use serde_json::{Map, Value};

use crate::offers::require;
use crate::{App, AppError, Caller};

fn day(s: &SessionRecord) -> String {
    s.date.format("%d.%m.%Y").to_string()
}

fn time(s: &SessionRecord) -> String {
    match (s.start, s.end) {
        (Some(a), Some(b)) => format!("{a}–{b}"),
        _ => String::new(),
    }
}

/// Queues the notices of a change to `after` (`before`: the session as it was). Nothing
/// while the cohort is a draft (its dates are not binding). Returns how many were queued.
pub async fn session_changed(
    app: &App,
    cohort: &Cohort,
    kind: NoticeKind,
    before: &SessionRecord,
    after: &SessionRecord,
    reason: &str,
) -> Result<usize, AppError> {
    if !cohort.status.is_binding() {
        return Ok(0);
    }
    let offer = app.store.offer(cohort.offer_id).await?;
    let mut args = Map::new();
    let mut put = |k: &str, v: String| {
        args.insert(k.to_owned(), Value::String(v));
    };
    put("offer", offer.offer.title.clone());
    put("cohort", cohort.name.clone());
    put("title", after.title.clone());
    put("old_date", day(before));
    put("old_time", time(before));
    put("new_date", day(after));
    put("new_time", time(after));
    put("reason", reason.trim().to_owned());
    let provider = Some(offer.provider_id);
    let notice = |lang: &str, to: &str, name: &str, args: Map<String, Value>| NewNotice {
        provider_id: provider,
        kind,
        lang: lang.to_owned(),
        args,
        to_address: to.to_owned(),
        to_name: name.to_owned(),
    };
    let mut out = Vec::new();
    // Participants with an open enrolment and an address, in their language.
    let people = app.store.participants_in_cohort(cohort.id).await?;
    let mut affected_names: Vec<(lernweg_domain::ParticipantId, String)> = Vec::new();
    for p in &people {
        let name = format!("{} {}", p.data.given_name, p.data.family_name);
        affected_names.push((p.id, name.clone()));
        if let Some(email) = &p.data.email {
            let lang = p.data.mother_tongue.as_ref().map_or("de", |l| l.as_str());
            out.push(notice(lang, email.as_str(), &name, args.clone()));
        }
    }
    // The trainers.
    for t in app.store.users_by_ids(&cohort.trainers).await? {
        out.push(notice(
            "de",
            t.email.as_str(),
            &t.display_name,
            args.clone(),
        ));
    }
    // The employers' contact people, each naming their affected employees (those with an
    // open enrolment): one query for who works where, one per employer for its contacts.
    for ce in app.store.cohort_employers(cohort.id).await? {
        let names: Vec<String> = ce
            .employees
            .iter()
            .filter(|(id, _)| affected_names.iter().any(|(p, _)| p == id))
            .map(|(_, n)| n.clone())
            .collect();
        if names.is_empty() {
            continue;
        }
        let employer = app.store.employer(ce.employer_id).await?;
        let mut a = args.clone();
        a.insert("names".into(), Value::String(names.join(", ")));
        a.insert("employer".into(), Value::String(employer.name.clone()));
        for c in &employer.contacts {
            if let Some(email) = &c.email {
                out.push(notice("de", email.as_str(), &c.name, a.clone()));
            }
        }
    }
    Ok(app.store.enqueue_notices(&out).await?)
}

/// The outbox of the caller's provider (all for the admin), newest first.
pub async fn outbox(
    app: &App,
    caller: &Caller,
    status: Option<OutboxStatus>,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<OutboxMessage>, AppError> {
    require(&caller.principal, COUNSELLING)?;
    let filter = OutboxFilter {
        scope: caller.principal.provider_scope(),
        status,
    };
    Ok(app.store.outbox_after(&filter, cursor, limit).await?)
}
