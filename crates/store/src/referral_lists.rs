//! The lists of referrals and counselling services that can grow (issue 12): referrals with
//! their participant's and service's names in one statement (joins, no query per row), paged
//! or after a cursor, their status histories for a whole page in one more; the directory by
//! name after a cursor.

use lernweg_domain::paging::PAGE_SIZE;
use lernweg_domain::{Cursor, Limit, PageNo, Paged, ParticipantId, ProviderId, Search, Slice};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::paging::ListSql;
use crate::referrals::{
    CounsellingService, Referral, ReferralStep, referral_from_row, service_from_row, step_from_row,
};
use crate::{Store, StoreError};

/// A referral with the participant's name ("Given Family") and the service's name.
#[derive(Debug, Clone)]
pub struct ReferralListed {
    pub referral: Referral,
    pub participant: String,
    pub service: String,
}

/// What a referral list is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ReferralFilter {
    /// A provider's referrals; `None` for all.
    pub scope: Option<ProviderId>,
    /// Only referrals that are neither done nor declined.
    pub open_only: bool,
    /// Only referrals in this status (its code; the caller has checked it).
    pub status: Option<String>,
    pub service_id: Option<String>,
    pub participant: Option<ParticipantId>,
    /// In the participant's name, e-mail, phone or login name, or the service's name.
    pub search: Option<Search>,
}

/// What the directory of services is narrowed to.
#[derive(Debug, Clone, Default)]
pub struct ServiceFilter {
    /// A provider's services; `None` for all.
    pub scope: Option<ProviderId>,
    /// One of `SERVICE_KINDS`.
    pub kind: Option<String>,
    /// In the name, the contact person or the languages.
    pub search: Option<Search>,
}

const REFERRAL_SELECT: &str = "r.id, r.provider_id, r.participant_id, r.service_id, \
     r.referred_on, r.reason, r.status, r.status_changed_on, r.outcome_note, r.created_at, \
     p.given_name, p.family_name, s.name AS service_name";
const REFERRAL_FROM: &str = "referrals r JOIN participants p ON p.id = r.participant_id \
     JOIN counselling_services s ON s.id = r.service_id";
const SERVICE_SELECT: &str = "id, provider_id, kind, name, contact_person, phone, email, \
     address, languages, opening_hours, note, active";

impl ReferralFilter {
    fn list(&self) -> ListSql {
        ListSql::new(REFERRAL_SELECT, REFERRAL_FROM)
            .scope("r.provider_id", self.scope)
            .when("r.status NOT IN ('done', 'declined')", self.open_only)
            .filter("r.status = {}", self.status.clone())
            .filter("r.service_id = {}", self.service_id.clone())
            .filter(
                "r.participant_id = {}",
                self.participant.map(|p| p.to_string()),
            )
            // `search_text` is lower-cased by Rust (umlauts too).
            .search(&["p.search_text", "s.name"], self.search.as_ref())
    }
}

impl ServiceFilter {
    fn list(&self) -> ListSql {
        ListSql::new(SERVICE_SELECT, "counselling_services")
            .scope("provider_id", self.scope)
            .filter("kind = {}", self.kind.clone())
            .search(
                &["name", "contact_person", "languages"],
                self.search.as_ref(),
            )
    }
}

fn referral_listed(r: &AnyRow) -> Result<ReferralListed, StoreError> {
    let given: String = r.try_get("given_name")?;
    let family: String = r.try_get("family_name")?;
    Ok(ReferralListed {
        referral: referral_from_row(r)?,
        participant: format!("{given} {family}"),
        service: r.try_get("service_name")?,
    })
}

impl Store {
    /// One page of the referrals that match, newest first.
    pub async fn referral_page(
        &self,
        filter: &ReferralFilter,
        page: PageNo,
    ) -> Result<Paged<ReferralListed>, StoreError> {
        filter
            .list()
            .page(
                self,
                "r.referred_on DESC, r.id DESC",
                page,
                PAGE_SIZE,
                referral_listed,
            )
            .await
    }

    /// The referrals that match after `cursor`, newest first: at most `limit`.
    pub async fn referrals_after(
        &self,
        filter: &ReferralFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<ReferralListed>, StoreError> {
        filter
            .list()
            .after(
                self,
                Some("r.referred_on"),
                "r.id",
                true,
                cursor,
                limit,
                referral_listed,
                |l| Cursor::new(l.referral.referred_on.to_string(), l.referral.id.clone()),
            )
            .await
    }

    /// The status histories of the referrals `ids` (a page of them): each step with its
    /// referral's id, by referral and position. One statement.
    pub async fn referral_histories(
        &self,
        ids: &[String],
    ) -> Result<Vec<(String, ReferralStep)>, StoreError> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let marks: Vec<String> = (1..=ids.len()).map(|n| format!("${n}")).collect();
        let sql = format!(
            "SELECT referral_id, on_date, from_status, to_status, note, recorded_by \
             FROM referral_events WHERE referral_id IN ({}) ORDER BY referral_id, position",
            marks.join(", ")
        );
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            q = q.bind(id.clone());
        }
        let rows = q.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|r| Ok((r.try_get("referral_id")?, step_from_row(r)?)))
            .collect()
    }

    /// Every service that matches, by kind and name (the directory page).
    pub async fn services_matching(
        &self,
        filter: &ServiceFilter,
    ) -> Result<Vec<CounsellingService>, StoreError> {
        filter
            .list()
            .all(self, "kind, name, id", service_from_row)
            .await
    }

    /// The services that match after `cursor`, by name: at most `limit`.
    pub async fn services_after(
        &self,
        filter: &ServiceFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<CounsellingService>, StoreError> {
        filter
            .list()
            .after(
                self,
                Some("name"),
                "id",
                false,
                cursor,
                limit,
                service_from_row,
                |s| Cursor::new(s.name.clone(), s.id.clone()),
            )
            .await
    }
}
