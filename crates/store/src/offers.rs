//! Qualification offers, stored as their validated JSON document plus indexed columns.

use chrono::{DateTime, Utc};
use lernweg_domain::paging::PAGE_SIZE;
use lernweg_domain::{
    Cursor, Limit, OfferId, PageNo, Paged, ParseError, ProviderId, Search, Slice,
};
use lernweg_offers::Offer;
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::paging::ListSql;
use crate::{Store, StoreError, time};

/// An offer as stored: the validated [`Offer`] and its bookkeeping.
#[derive(Debug, Clone, Serialize)]
pub struct OfferRecord {
    pub id: OfferId,
    pub provider_id: ProviderId,
    pub offer: Offer,
    /// Visible in the public catalogue.
    pub published: bool,
    pub published_at: Option<DateTime<Utc>>,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

macro_rules! columns {
    () => {
        "id, provider_id, document, published, published_at, created_at, updated_at"
    };
}

pub(crate) fn from_row(r: &AnyRow) -> Result<OfferRecord, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("offers", e);
    let document: String = r.try_get("document")?;
    Ok(OfferRecord {
        id: OfferId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?).map_err(bad)?,
        offer: serde_json::from_str(&document).map_err(|e| StoreError::corrupt("offers", e))?,
        published: r.try_get::<i64, _>("published")? == 1,
        published_at: time::parse_opt("offers", r.try_get("published_at")?)?,
        created_at: time::parse("offers", &r.try_get::<String, _>("created_at")?)?,
        updated_at: time::parse("offers", &r.try_get::<String, _>("updated_at")?)?,
    })
}

/// What the staff's offer lists are narrowed to.
#[derive(Debug, Clone, Default)]
pub struct OfferFilter {
    /// One provider's offers; `None`: all.
    pub scope: Option<ProviderId>,
    /// Only published (`Some(true)`) or only unpublished offers.
    pub published: Option<bool>,
    /// In the title.
    pub search: Option<Search>,
}

impl OfferFilter {
    fn list(&self) -> ListSql {
        ListSql::new(columns!(), "offers")
            .scope("provider_id", self.scope)
            .when("published = 1", self.published == Some(true))
            .when("published = 0", self.published == Some(false))
            .search(&["title"], self.search.as_ref())
    }
}

fn document(offer: &Offer) -> Result<String, StoreError> {
    serde_json::to_string(offer).map_err(|e| StoreError::corrupt("offers", e))
}

impl Store {
    /// A slug that no other offer uses: the offer's own, or with `-2`, `-3`, … appended.
    async fn free_slug(&self, wanted: &str, except: Option<OfferId>) -> Result<String, StoreError> {
        let base = if wanted.is_empty() {
            "angebot".to_owned()
        } else {
            wanted.to_owned()
        };
        for n in 1..1000 {
            let candidate = if n == 1 {
                base.clone()
            } else {
                format!("{base}-{n}")
            };
            let taken: Option<String> = sqlx::query_scalar("SELECT id FROM offers WHERE slug = $1")
                .bind(&candidate)
                .fetch_optional(&self.pool)
                .await?;
            match taken {
                None => return Ok(candidate),
                Some(id) if except.is_some_and(|e| e.to_string() == id) => return Ok(candidate),
                Some(_) => continue,
            }
        }
        Err(StoreError::Conflict("no free slug for this title"))
    }

    pub async fn create_offer(
        &self,
        actor: &Actor,
        provider: ProviderId,
        mut offer: Offer,
    ) -> Result<OfferRecord, StoreError> {
        self.provider(provider).await?;
        offer.slug = self.free_slug(&offer.slug, None).await?;
        let id = OfferId::from_uuid(Uuid::now_v7());
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO offers (id, provider_id, slug, title, goal, kldb, time_model, document, published, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9, $9)",
        )
        .bind(id.to_string())
        .bind(provider.to_string())
        .bind(&offer.slug)
        .bind(&offer.title)
        .bind(offer.goal.code())
        .bind(offer.kldb.as_str())
        .bind(offer.time_model.kind().code())
        .bind(document(&offer)?)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::unique_as(e, "an offer with this slug exists"))?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Create,
                AuditEntity::Offer,
                id,
                offer.title.clone(),
            ),
        )
        .await?;
        tx.commit().await?;
        self.offer(id).await
    }

    pub async fn update_offer(
        &self,
        actor: &Actor,
        id: OfferId,
        mut offer: Offer,
    ) -> Result<OfferRecord, StoreError> {
        let current = self.offer(id).await?;
        offer.slug = if offer.slug == current.offer.slug {
            offer.slug
        } else {
            self.free_slug(&offer.slug, Some(id)).await?
        };
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE offers SET slug = $1, title = $2, goal = $3, kldb = $4, time_model = $5, document = $6, updated_at = $7 WHERE id = $8",
        )
        .bind(&offer.slug)
        .bind(&offer.title)
        .bind(offer.goal.code())
        .bind(offer.kldb.as_str())
        .bind(offer.time_model.kind().code())
        .bind(document(&offer)?)
        .bind(time::fmt(self.now()))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::unique_as(e, "an offer with this slug exists"))?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(current.provider_id),
                AuditAction::Update,
                AuditEntity::Offer,
                id,
                offer.title.clone(),
            ),
        )
        .await?;
        tx.commit().await?;
        self.offer(id).await
    }

    /// Shows or hides an offer in the public catalogue.
    pub async fn set_offer_published(
        &self,
        actor: &Actor,
        id: OfferId,
        published: bool,
    ) -> Result<OfferRecord, StoreError> {
        let current = self.offer(id).await?;
        let mut tx = self.pool.begin().await?;
        let published_at = match (published, current.published_at) {
            (true, Some(at)) => Some(time::fmt(at)),
            (true, None) => Some(time::fmt(self.now())),
            (false, at) => at.map(time::fmt),
        };
        sqlx::query(
            "UPDATE offers SET published = $1, published_at = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(i64::from(published))
        .bind(published_at)
        .bind(time::fmt(self.now()))
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        let what = if published {
            "published"
        } else {
            "unpublished"
        };
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(current.provider_id),
                AuditAction::Update,
                AuditEntity::Offer,
                id,
                what,
            ),
        )
        .await?;
        tx.commit().await?;
        self.offer(id).await
    }

    pub async fn offer(&self, id: OfferId) -> Result<OfferRecord, StoreError> {
        self.fetch_one(
            concat!("SELECT ", columns!(), " FROM offers WHERE id = $1"),
            id.to_string(),
            from_row,
        )
        .await
    }

    /// One page of the offers that match, by title.
    pub async fn offer_page(
        &self,
        filter: &OfferFilter,
        page: PageNo,
    ) -> Result<Paged<OfferRecord>, StoreError> {
        filter
            .list()
            .page(self, "title, id", page, PAGE_SIZE, from_row)
            .await
    }

    /// The offers that match after `cursor`, by title: at most `limit`.
    pub async fn offers_after(
        &self,
        filter: &OfferFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<OfferRecord>, StoreError> {
        filter
            .list()
            .after(
                self,
                Some("title"),
                "id",
                false,
                cursor,
                limit,
                from_row,
                |o| Cursor::new(o.offer.title.clone(), o.id.to_string()),
            )
            .await
    }

    /// The offers of the cohorts of a set, by id: one statement.
    pub async fn offers_of(
        &self,
        of: &crate::CohortsOf,
    ) -> Result<std::collections::HashMap<OfferId, OfferRecord>, StoreError> {
        let rows = of
            .query(concat!(
                "SELECT ",
                columns!(),
                " FROM offers WHERE id IN (SELECT offer_id FROM cohorts WHERE id IN ({ids}))"
            ))
            .fetch_all(&self.pool)
            .await?;
        rows.iter()
            .map(|r| from_row(r).map(|o| (o.id, o)))
            .collect()
    }

    /// A published offer by its slug (public catalogue).
    pub async fn published_offer_by_slug(&self, slug: &str) -> Result<OfferRecord, StoreError> {
        self.fetch_one(
            concat!(
                "SELECT ",
                columns!(),
                " FROM offers WHERE slug = $1 AND published = 1"
            ),
            slug,
            from_row,
        )
        .await
    }

    /// Offers of one provider (`Some`) or of all (`None`), by title.
    pub async fn offers(&self, scope: Option<ProviderId>) -> Result<Vec<OfferRecord>, StoreError> {
        let rows = match scope {
            None => {
                sqlx::query(concat!(
                    "SELECT ",
                    columns!(),
                    " FROM offers ORDER BY title, id"
                ))
                .fetch_all(&self.pool)
                .await?
            }
            Some(p) => {
                sqlx::query(concat!(
                    "SELECT ",
                    columns!(),
                    " FROM offers WHERE provider_id = $1 ORDER BY title, id"
                ))
                .bind(p.to_string())
                .fetch_all(&self.pool)
                .await?
            }
        };
        rows.iter().map(from_row).collect()
    }

    /// All offers in the public catalogue, newest publication first.
    pub async fn published_offers(&self) -> Result<Vec<OfferRecord>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM offers WHERE published = 1 ORDER BY published_at DESC, id DESC"
        ))
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(from_row).collect()
    }
}
