//! The lists of the participant area that can grow (issue 12): participants by page (by
//! name, searchable, with filters) or by cursor (by id), the enrolments and contact persons
//! of one page of them in one query each, and a participant's contact log and enrolments by
//! cursor.
//!
//! The search reads `participants.search_text`: name, e-mail, phone and the portal login name
//! lower-cased by Rust, written with every change of the participant or their account
//! ([`refresh_search_text`]) and filled in for older rows after migrating
//! ([`Store::fill_participant_search`]).

use lernweg_domain::{
    CohortId, Cursor, Limit, PageNo, Paged, ParticipantId, ProviderId, Search, Slice, UserId,
};
use lernweg_participants::{EnrolmentStatus, ParticipantData};
use sqlx::Row;

use crate::enrolments::enrolment_from_row;
use crate::packed::{Cells, PackedQuery};
use crate::paging::ListSql;
use crate::participants::{contact_from_row, from_row};
use crate::{ContactEntry, Enrolment, ParticipantRecord, Store, StoreError, User};

/// What the participant list is narrowed to; every part is optional.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParticipantFilter {
    /// Found in the name, e-mail address, phone number or login name.
    pub search: Option<Search>,
    /// With an enrolment in this status (in [`Self::cohort`] when that is set too).
    pub status: Option<EnrolmentStatus>,
    /// Enrolled in this cohort.
    pub cohort: Option<CohortId>,
    pub contact_person: Option<UserId>,
    /// Only people without a contact person.
    pub without_contact: bool,
}

/// The lower-cased text the participant list searches: the name both ways round, e-mail,
/// phone (also as digits only) and the login name, one per line.
pub(crate) fn search_text(data: &ParticipantData, login_name: Option<&str>) -> String {
    let mut parts = vec![
        format!("{} {}", data.given_name, data.family_name),
        format!("{} {}", data.family_name, data.given_name),
    ];
    if let Some(e) = &data.email {
        parts.push(e.to_string());
    }
    if let Some(p) = &data.phone {
        parts.push(p.to_string());
        parts.push(p.as_str().chars().filter(char::is_ascii_digit).collect());
    }
    parts.extend(login_name.map(str::to_owned));
    parts.join("\n").to_lowercase()
}

/// Rewrites the search text of one participant from its record and its account's login name
/// (in the transaction of the write that changed either).
pub(crate) async fn refresh_search_text(
    conn: &mut sqlx::AnyConnection,
    id: ParticipantId,
) -> Result<(), StoreError> {
    let row = sqlx::query(
        "SELECT p.document, u.login_name FROM participants p \
         LEFT JOIN users u ON u.participant_id = p.id WHERE p.id = $1",
    )
    .bind(id.to_string())
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else { return Ok(()) };
    let data: ParticipantData = serde_json::from_str(&row.try_get::<String, _>("document")?)
        .map_err(|e| StoreError::corrupt("participants", e))?;
    let login: Option<String> = row.try_get("login_name")?;
    sqlx::query("UPDATE participants SET search_text = $1 WHERE id = $2")
        .bind(search_text(&data, login.as_deref()))
        .bind(id.to_string())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// `$from, $from+1, …` for `n` values of an `IN (…)` list.
pub(crate) fn placeholders(from: usize, n: usize) -> String {
    (from..from + n)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Rows of the backfill written per statement batch.
const FILL_BATCH: i64 = 500;

impl Store {
    /// Fills in the search text of rows written before it existed. Idempotent; when nothing
    /// is left it is one lookup in an empty partial index.
    pub(crate) async fn fill_participant_search(&self) -> Result<u64, StoreError> {
        let mut filled = 0;
        loop {
            let rows = sqlx::query(
                "SELECT p.id, p.document, u.login_name FROM participants p \
                 LEFT JOIN users u ON u.participant_id = p.id \
                 WHERE p.search_text IS NULL ORDER BY p.id LIMIT $1",
            )
            .bind(FILL_BATCH)
            .fetch_all(&self.pool)
            .await?;
            if rows.is_empty() {
                return Ok(filled);
            }
            let mut tx = self.pool.begin().await?;
            for r in &rows {
                let data: ParticipantData =
                    serde_json::from_str(&r.try_get::<String, _>("document")?)
                        .map_err(|e| StoreError::corrupt("participants", e))?;
                let login: Option<String> = r.try_get("login_name")?;
                sqlx::query("UPDATE participants SET search_text = $1 WHERE id = $2")
                    .bind(search_text(&data, login.as_deref()))
                    .bind(r.try_get::<String, _>("id")?)
                    .execute(&mut *tx)
                    .await?;
            }
            tx.commit().await?;
            filled += rows.len() as u64;
        }
    }

    fn participant_list(scope: Option<ProviderId>, f: &ParticipantFilter) -> ListSql {
        let status = f.status.map(|s| s.code().to_owned());
        let (in_cohort, any_cohort) = match (f.cohort, status) {
            (Some(c), Some(s)) => (Some(vec![c.to_string(), s]), None),
            (Some(c), None) => (Some(vec![c.to_string()]), None),
            (None, s) => (None, s),
        };
        let cohort_cond = if f.status.is_some() {
            "participants.id IN (SELECT participant_id FROM enrolments WHERE cohort_id = {0} AND status = {1})"
        } else {
            "participants.id IN (SELECT participant_id FROM enrolments WHERE cohort_id = {0})"
        };
        ListSql::new(
            "id, provider_id, contact_person_id, document, created_at, updated_at",
            "participants",
        )
        .scope("provider_id", scope)
        .when("contact_person_id IS NULL", f.without_contact)
        .filter(
            "contact_person_id = {}",
            f.contact_person.map(|u| u.to_string()),
        )
        .filter_all(cohort_cond, in_cohort)
        .filter(
            "participants.id IN (SELECT participant_id FROM enrolments WHERE status = {})",
            any_cohort,
        )
        .search_lowered(&["search_text"], f.search.as_ref())
    }

    /// One page of the participants of a provider (or all), by family name, given name, id.
    pub async fn participants_page(
        &self,
        scope: Option<ProviderId>,
        filter: &ParticipantFilter,
        page: PageNo,
        size: u32,
    ) -> Result<Paged<ParticipantRecord>, StoreError> {
        Self::participant_list(scope, filter)
            .page(self, "family_name, given_name, id", page, size, from_row)
            .await
    }

    /// The participants of a provider (or all) after `cursor`, by id.
    pub async fn participants_after(
        &self,
        scope: Option<ProviderId>,
        filter: &ParticipantFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<ParticipantRecord>, StoreError> {
        Self::participant_list(scope, filter)
            .after(self, None, "id", false, cursor, limit, from_row, |p| {
                Cursor::new("", p.id.to_string())
            })
            .await
    }

    /// The enrolments of the given participants, each with its cohort's name, by
    /// participant and then as created: one query.
    pub async fn enrolments_with_cohort_names(
        &self,
        participants: &[ParticipantId],
    ) -> Result<Vec<(Enrolment, String)>, StoreError> {
        if participants.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT e.id, e.participant_id, e.cohort_id, e.status, e.stayed_employed, \
             e.modules, e.created_at, c.name FROM enrolments e JOIN cohorts c ON c.id = e.cohort_id \
             WHERE e.participant_id IN ({}) ORDER BY e.participant_id, e.created_at, e.id",
            placeholders(1, participants.len())
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for p in participants {
            q = q.bind(p.to_string());
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok((enrolment_from_row(r)?, r.try_get::<String, _>("name")?)))
            .collect()
    }

    /// The id and name of the cohorts of a provider (or all), by name: the choices of the
    /// list's cohort filter.
    pub async fn cohort_names(
        &self,
        scope: Option<ProviderId>,
    ) -> Result<Vec<(CohortId, String)>, StoreError> {
        // Packed into one row (see `crate::packed`): the list's filter and the enrolment
        // form offer every cohort of a provider, hundreds of them.
        let q = match scope {
            Some(p) => PackedQuery::new(
                "cohorts",
                &["id", "name"],
                "FROM cohorts WHERE provider_id = $1",
                "name, id",
            )
            .bind(p.to_string()),
            None => PackedQuery::new("cohorts", &["id", "name"], "FROM cohorts", "name, id"),
        };
        q.fetch(self, |r| {
            let id = CohortId::parse(&r.cell::<String>("id")?)
                .map_err(|e| StoreError::corrupt("cohorts", e))?;
            Ok((id, r.cell("name")?))
        })
        .await
    }

    /// The users with the given ids (unknown ids are left out): one query.
    pub async fn users_by_ids(&self, ids: &[UserId]) -> Result<Vec<User>, StoreError> {
        let mut ids = ids.to_vec();
        ids.sort_by_key(|u| u.to_string());
        ids.dedup();
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sql = format!(
            "SELECT {} FROM users u WHERE u.id IN ({})",
            crate::users::user_columns_of_u!(),
            placeholders(1, ids.len())
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for u in &ids {
            q = q.bind(u.to_string());
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter().map(crate::users::from_row).collect()
    }

    /// One page of a participant's contact log, newest first.
    pub async fn contacts_page(
        &self,
        id: ParticipantId,
        page: PageNo,
        size: u32,
    ) -> Result<Paged<ContactEntry>, StoreError> {
        Self::contact_list(id)
            .page(self, "on_date DESC, id DESC", page, size, contact_from_row)
            .await
    }

    /// A participant's contact log after `cursor`, newest first.
    pub async fn contacts_after(
        &self,
        id: ParticipantId,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<ContactEntry>, StoreError> {
        Self::contact_list(id)
            .after(
                self,
                Some("on_date"),
                "id",
                true,
                cursor,
                limit,
                contact_from_row,
                |c| Cursor::new(c.on_date.to_string(), c.id.clone()),
            )
            .await
    }

    fn contact_list(id: ParticipantId) -> ListSql {
        ListSql::new("id, on_date, channel, topic, note, staff_id", "contact_log")
            .filter("participant_id = {}", Some(id.to_string()))
    }

    /// A participant's enrolments after `cursor`, as created (by id).
    pub async fn enrolments_after(
        &self,
        id: ParticipantId,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<Enrolment>, StoreError> {
        ListSql::new(
            "id, participant_id, cohort_id, status, stayed_employed, modules, created_at",
            "enrolments",
        )
        .filter("participant_id = {}", Some(id.to_string()))
        .after(
            self,
            None,
            "id",
            false,
            cursor,
            limit,
            enrolment_from_row,
            |e| Cursor::new("", e.id.to_string()),
        )
        .await
    }
}
