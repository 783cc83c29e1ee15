//! The legal texts of the public pages, per installation (`scope` '') or provider (its id).

use lernweg_domain::{LegalKind, ProviderId};
use sqlx::Row;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::{Store, StoreError, time};

fn scope_key(scope: Option<ProviderId>) -> String {
    scope.map(|p| p.to_string()).unwrap_or_default()
}

impl Store {
    /// The texts set for the installation (`None`) or a provider, by kind; kinds not set
    /// are absent.
    pub async fn legal_texts(
        &self,
        scope: Option<ProviderId>,
    ) -> Result<Vec<(LegalKind, String)>, StoreError> {
        let rows = sqlx::query("SELECT kind, body FROM legal_texts WHERE scope = $1 ORDER BY kind")
            .bind(scope_key(scope))
            .fetch_all(&self.pool)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let code: String = r.try_get("kind")?;
            let kind = LegalKind::parse(&code).ok_or_else(|| {
                StoreError::corrupt("legal_texts", format!("unknown kind {code:?}"))
            })?;
            out.push((kind, r.try_get("body")?));
        }
        out.sort_by_key(|(k, _)| *k);
        Ok(out)
    }

    /// Sets one text; an empty (or blank) `body` removes it, so that the fallback applies.
    pub async fn set_legal_text(
        &self,
        actor: &Actor,
        scope: Option<ProviderId>,
        kind: LegalKind,
        body: &str,
    ) -> Result<(), StoreError> {
        let key = scope_key(scope);
        let mut tx = self.pool.begin().await?;
        let detail = if body.trim().is_empty() {
            sqlx::query("DELETE FROM legal_texts WHERE scope = $1 AND kind = $2")
                .bind(&key)
                .bind(kind.code())
                .execute(&mut *tx)
                .await?;
            format!("{} removed", kind.code())
        } else {
            sqlx::query(
                "INSERT INTO legal_texts (scope, kind, body, updated_at) VALUES ($1, $2, $3, $4) \
                 ON CONFLICT (scope, kind) DO UPDATE SET body = excluded.body, \
                 updated_at = excluded.updated_at",
            )
            .bind(&key)
            .bind(kind.code())
            .bind(body)
            .bind(time::fmt(self.now()))
            .execute(&mut *tx)
            .await?;
            format!("{} set ({} characters)", kind.code(), body.chars().count())
        };
        let entity_id = if key.is_empty() {
            format!("installation/{}", kind.code())
        } else {
            format!("{key}/{}", kind.code())
        };
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                scope,
                AuditAction::Update,
                AuditEntity::LegalText,
                entity_id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }
}
