//! Providers (Träger).

use chrono::{DateTime, Utc};
use lernweg_domain::{ProviderDetails, ProviderId, ProviderName, State};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::{Store, StoreError, time};

#[derive(Debug, Clone, Serialize)]
pub struct Provider {
    pub id: ProviderId,
    pub name: ProviderName,
    pub state: State,
    /// KURSNET supplier number and address (migration 0012).
    pub details: ProviderDetails,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

#[derive(Debug, Clone)]
pub struct NewProvider {
    pub name: ProviderName,
    pub state: State,
}

#[derive(Debug, Clone, Default)]
pub struct ProviderPatch {
    pub name: Option<ProviderName>,
    pub state: Option<State>,
    /// The new KURSNET supplier number and address, validated (`None`: unchanged).
    pub details: Option<ProviderDetails>,
}

macro_rules! columns {
    () => {
        "id, name, state, kursnet_supplier_id, street, zip, city, phone, email, website, \
         min_publication_weeks, created_at, updated_at"
    };
}

fn from_row(r: &AnyRow) -> Result<Provider, StoreError> {
    let bad = |e: lernweg_domain::ParseError| StoreError::corrupt("providers", e);
    Ok(Provider {
        id: ProviderId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        name: ProviderName::parse(&r.try_get::<String, _>("name")?).map_err(bad)?,
        state: State::parse(&r.try_get::<String, _>("state")?).map_err(bad)?,
        details: ProviderDetails {
            kursnet_supplier_id: r.try_get("kursnet_supplier_id")?,
            street: r.try_get("street")?,
            zip: r.try_get("zip")?,
            city: r.try_get("city")?,
            phone: r.try_get("phone")?,
            email: r.try_get("email")?,
            website: r.try_get("website")?,
            min_publication_weeks: u32::try_from(r.try_get::<i64, _>("min_publication_weeks")?)
                .map_err(|e| StoreError::corrupt("providers", e))?,
        },
        created_at: time::parse("providers", &r.try_get::<String, _>("created_at")?)?,
        updated_at: time::parse("providers", &r.try_get::<String, _>("updated_at")?)?,
    })
}

impl Store {
    pub async fn create_provider(
        &self,
        actor: &Actor,
        new: NewProvider,
    ) -> Result<Provider, StoreError> {
        let id = ProviderId::from_uuid(Uuid::now_v7());
        let now = self.now();
        let mut tx = self.pool.begin().await?;
        sqlx::query("INSERT INTO providers (id, name, state, created_at, updated_at) VALUES ($1, $2, $3, $4, $4)")
            .bind(id.to_string())
            .bind(new.name.as_str())
            .bind(new.state.code())
            .bind(time::fmt(now))
            .execute(&mut *tx)
            .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(id),
                AuditAction::Create,
                AuditEntity::Provider,
                id,
                format!("{} ({})", new.name, new.state),
            ),
        )
        .await?;
        tx.commit().await?;
        self.provider(id).await
    }

    pub async fn provider(&self, id: ProviderId) -> Result<Provider, StoreError> {
        self.fetch_one(
            concat!("SELECT ", columns!(), " FROM providers WHERE id = $1"),
            id.to_string(),
            from_row,
        )
        .await
    }

    /// Finds a provider by id or by its exact name (for the command line).
    pub async fn find_provider(&self, id_or_name: &str) -> Result<Provider, StoreError> {
        if let Ok(id) = ProviderId::parse(id_or_name) {
            return self.provider(id).await;
        }
        let rows = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM providers WHERE name = $1"
        ))
        .bind(id_or_name.trim())
        .fetch_all(&self.pool)
        .await?;
        match rows.as_slice() {
            [one] => from_row(one),
            [] => Err(StoreError::NotFound),
            _ => Err(StoreError::Conflict(
                "several providers have this name; use the id",
            )),
        }
    }

    /// All providers (`scope = None`) or only the one in scope, sorted by name.
    pub async fn providers(&self, scope: Option<ProviderId>) -> Result<Vec<Provider>, StoreError> {
        let rows = match scope {
            None => {
                sqlx::query(concat!(
                    "SELECT ",
                    columns!(),
                    " FROM providers ORDER BY name, id"
                ))
                .fetch_all(&self.pool)
                .await?
            }
            Some(p) => {
                sqlx::query(concat!(
                    "SELECT ",
                    columns!(),
                    " FROM providers WHERE id = $1"
                ))
                .bind(p.to_string())
                .fetch_all(&self.pool)
                .await?
            }
        };
        rows.iter().map(from_row).collect()
    }

    pub async fn update_provider(
        &self,
        actor: &Actor,
        id: ProviderId,
        patch: ProviderPatch,
    ) -> Result<Provider, StoreError> {
        let current = self.provider(id).await?;
        let name = patch.name.unwrap_or(current.name.clone());
        let state = patch.state.unwrap_or(current.state);
        let details = patch.details.unwrap_or_else(|| current.details.clone());
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE providers SET name = $1, state = $2, kursnet_supplier_id = $3, street = $4, \
             zip = $5, city = $6, phone = $7, email = $8, website = $9, updated_at = $10, \
             min_publication_weeks = $12 WHERE id = $11",
        )
        .bind(name.as_str())
        .bind(state.code())
        .bind(details.kursnet_supplier_id.as_str())
        .bind(details.street.as_str())
        .bind(details.zip.as_str())
        .bind(details.city.as_str())
        .bind(details.phone.as_str())
        .bind(details.email.as_str())
        .bind(details.website.as_str())
        .bind(time::fmt(self.now()))
        .bind(id.to_string())
        .bind(i64::from(details.min_publication_weeks))
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let mut detail = format!(
            "{} ({}) -> {} ({})",
            current.name, current.state, name, state
        );
        if details != current.details {
            detail.push_str("; KURSNET details, address or publication minimum changed");
        }
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(id),
                AuditAction::Update,
                AuditEntity::Provider,
                id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.provider(id).await
    }
}
