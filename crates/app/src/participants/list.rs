//! The participant list (issue 12): a page of people by name with their enrolments and
//! contact persons, or a stretch by id for the API, searchable and filtered, in a fixed
//! number of queries whatever the number of people.

use std::collections::HashMap;

use lernweg_domain::paging::PAGE_SIZE;
use lernweg_domain::{
    CohortId, Cursor, Limit, PageNo, Paged, ParseError, ParticipantId, Principal, ProviderId,
    Search, Slice, UserId,
};
use lernweg_participants::EnrolmentStatus;
use lernweg_store::{Enrolment, ParticipantFilter, ParticipantRecord, User};

use crate::{App, AppError};

/// A participant on the list page: the record, the contact person's name and each
/// enrolment with its cohort's name.
#[derive(Debug, Clone)]
pub struct Listed {
    pub record: ParticipantRecord,
    pub contact_person: Option<String>,
    pub enrolments: Vec<(Enrolment, String)>,
}

/// The filters of the list as typed: search text, enrolment status code, cohort id and
/// contact person id (each may be empty).
#[derive(Debug, Clone, Copy, Default)]
pub struct FilterInput<'a> {
    pub q: &'a str,
    pub status: &'a str,
    pub cohort: &'a str,
    pub contact_person: &'a str,
}

/// The filter of the list; every value that does not parse is an error naming its field
/// (`q`, `status`, `cohort_id`, `contact_person_id`).
pub fn filter(input: FilterInput<'_>) -> Result<ParticipantFilter, Vec<ParseError>> {
    fn keep<T>(r: Result<Option<T>, ParseError>, errors: &mut Vec<ParseError>) -> Option<T> {
        r.unwrap_or_else(|e| {
            errors.push(e);
            None
        })
    }
    let mut errors = Vec::new();
    let e = &mut errors;
    let f = ParticipantFilter {
        search: keep(Search::parse(input.q), e),
        status: keep(status(input.status), e),
        cohort: keep(id(input.cohort, "cohort_id", CohortId::parse), e),
        contact_person: keep(contact_person(input.contact_person), e),
        without_contact: is_none_word(input.contact_person),
    };
    if errors.is_empty() {
        Ok(f)
    } else {
        Err(errors)
    }
}

/// The filter of the list page, which forgives: a value that does not parse filters nothing
/// (a search that is too long is cut).
pub fn page_filter(input: FilterInput<'_>) -> ParticipantFilter {
    ParticipantFilter {
        search: Search::parse_lenient(input.q),
        status: status(input.status).ok().flatten(),
        cohort: id(input.cohort, "cohort_id", CohortId::parse)
            .ok()
            .flatten(),
        contact_person: contact_person(input.contact_person).ok().flatten(),
        without_contact: is_none_word(input.contact_person),
    }
}

/// `none` (API) or `ohne` (page) as the contact person: people without one.
fn is_none_word(raw: &str) -> bool {
    matches!(raw.trim(), "none" | "ohne")
}

fn contact_person(raw: &str) -> Result<Option<UserId>, ParseError> {
    if is_none_word(raw) {
        return Ok(None);
    }
    id(raw, "contact_person_id", UserId::parse)
}

fn status(raw: &str) -> Result<Option<EnrolmentStatus>, ParseError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    EnrolmentStatus::ALL
        .into_iter()
        .find(|s| s.code() == raw)
        .map(Some)
        .ok_or_else(|| {
            let codes: Vec<&str> = EnrolmentStatus::ALL.iter().map(|s| s.code()).collect();
            ParseError::new(
                "status",
                "invalid_status",
                format!("status must be one of {}", codes.join(", ")),
            )
        })
}

fn id<T>(
    raw: &str,
    field: &'static str,
    parse: impl Fn(&str) -> Result<T, ParseError>,
) -> Result<Option<T>, ParseError> {
    let raw = raw.trim();
    if raw.is_empty() {
        return Ok(None);
    }
    parse(raw)
        .map(Some)
        .map_err(|_| ParseError::new(field, "invalid_id", format!("{field} is not an id")))
}

/// One page of the participants the principal may see, by name, each with its contact
/// person's name and its enrolments: four queries whatever the number of people.
pub async fn overview(
    app: &App,
    principal: &Principal,
    filter: &ParticipantFilter,
    page: PageNo,
) -> Result<Paged<Listed>, AppError> {
    let scope = principal.provider_scope();
    let people = app
        .store
        .participants_page(scope, filter, page, PAGE_SIZE)
        .await?;
    let ids: Vec<ParticipantId> = people.items.iter().map(|p| p.id).collect();
    let mut enrolments: HashMap<ParticipantId, Vec<(Enrolment, String)>> = HashMap::new();
    for (e, cohort) in app.store.enrolments_with_cohort_names(&ids).await? {
        enrolments
            .entry(e.participant_id)
            .or_default()
            .push((e, cohort));
    }
    let persons = contact_persons_of(app, &people.items).await?;
    Ok(people.map(|record| Listed {
        contact_person: record
            .contact_person_id
            .and_then(|id| persons.get(&id))
            .map(|u| u.display_name.clone()),
        enrolments: enrolments.remove(&record.id).unwrap_or_default(),
        record,
    }))
}

/// The participants the principal may see after `cursor`, by id (the admin's `wanted`
/// provider or all).
pub async fn after(
    app: &App,
    principal: &Principal,
    wanted: Option<ProviderId>,
    filter: &ParticipantFilter,
    cursor: Option<&Cursor>,
    limit: Limit,
) -> Result<Slice<ParticipantRecord>, AppError> {
    let scope = principal.provider_scope().or(wanted);
    Ok(app
        .store
        .participants_after(scope, filter, cursor, limit)
        .await?)
}

/// The contact persons of the given participants by id, in one query (an account deleted
/// since is missing).
pub async fn contact_persons_of(
    app: &App,
    people: &[ParticipantRecord],
) -> Result<HashMap<UserId, User>, AppError> {
    let ids: Vec<UserId> = people.iter().filter_map(|p| p.contact_person_id).collect();
    Ok(app
        .store
        .users_by_ids(&ids)
        .await?
        .into_iter()
        .map(|u| (u.id, u))
        .collect())
}

/// The choices of the list's filters: the cohorts (id, name) and the staff who may be a
/// contact person, of the principal's provider (the admin: of all).
pub async fn filter_choices(
    app: &App,
    principal: &Principal,
) -> Result<(Vec<(CohortId, String)>, Vec<User>), AppError> {
    let scope = principal.provider_scope();
    let cohorts = app.store.cohort_names(scope).await?;
    let staff = crate::team::contact_persons(app, scope).await?;
    Ok((cohorts, staff))
}

/// The display names of whoever wrote the given contact log entries, by user id: one query.
pub async fn staff_names(
    app: &App,
    entries: &[lernweg_store::ContactEntry],
) -> Result<HashMap<String, String>, AppError> {
    let ids: Vec<UserId> = entries
        .iter()
        .filter_map(|c| c.staff_id.as_deref())
        .filter_map(|id| UserId::parse(id).ok())
        .collect();
    Ok(app
        .store
        .users_by_ids(&ids)
        .await?
        .into_iter()
        .map(|u| (u.id.to_string(), u.display_name))
        .collect())
}

/// The cohorts (id, name, by name) a participant the caller has read may be enrolled in:
/// those of the participant's provider.
pub async fn cohorts_to_enrol(
    app: &App,
    caller: &crate::Caller,
    p: &ParticipantRecord,
) -> Result<Vec<(CohortId, String)>, AppError> {
    crate::offers::require(&caller.principal, lernweg_domain::access::STAFF)?;
    Ok(app.store.cohort_names(Some(p.provider_id)).await?)
}

/// How many participants a form's participant select offers at once.
pub const PICK_SHOWN: u32 = 30;

/// The participants a form may offer in its select (lending a device, a referral): the first
/// [`PICK_SHOWN`] by name that match `search`, and the one already chosen when it is
/// visible and not among them. Two or three statements, however many people there are.
pub async fn pick(
    app: &App,
    principal: &Principal,
    search: Option<Search>,
    chosen: Option<ParticipantId>,
) -> Result<Paged<ParticipantRecord>, AppError> {
    let filter = ParticipantFilter {
        search,
        ..ParticipantFilter::default()
    };
    let mut found = app
        .store
        .participants_page(
            principal.provider_scope(),
            &filter,
            PageNo::FIRST,
            PICK_SHOWN,
        )
        .await?;
    if let Some(id) = chosen.filter(|id| found.items.iter().all(|p| p.id != *id)) {
        match crate::visible::participant_record(app, principal, id).await {
            Ok(p) => found.items.insert(0, p),
            Err(AppError::NotFound) => {}
            Err(e) => return Err(e),
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_filter_names_each_wrong_field() {
        let errs = filter(FilterInput {
            q: "",
            status: "asleep",
            cohort: "x",
            contact_person: "y",
        })
        .unwrap_err();
        let fields: Vec<&str> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["status", "cohort_id", "contact_person_id"]);
        let f = filter(FilterInput {
            q: "  Öz ",
            status: "active",
            ..FilterInput::default()
        })
        .unwrap();
        assert_eq!(f.search.unwrap().as_str(), "öz");
        assert_eq!(f.status, Some(EnrolmentStatus::Active));
        let lenient = page_filter(FilterInput {
            status: "asleep",
            cohort: "x",
            ..FilterInput::default()
        });
        assert_eq!(lenient, ParticipantFilter::default());
    }
}
