//! Language certificates and the providers' signing keys (issue 16, point 4).
//!
//! Each provider signs with its own Ed25519 key. The private key is stored sealed under the
//! installation's key file ([`MasterKey`], given with [`Store::with_credential_key`]), never in
//! the clear and never shown. Rotating retires the active key (it signs no more) and creates a
//! new one; retired keys stay published, so what they signed still verifies.

use std::sync::Arc;

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_credentials::{MasterKey, Signer};
use lernweg_domain::{LanguageCertificateId, ParseError, ParticipantId, ProviderId};
use sqlx::Row;
use sqlx::any::AnyRow;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::{Store, StoreError, time};

/// A provider's key as published (never the private part).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IssuerKey {
    pub kid: String,
    pub provider_id: ProviderId,
    /// base64url of the 32-byte Ed25519 public key.
    pub public_key: String,
    pub created_at: DateTime<Utc>,
    pub retired_at: Option<DateTime<Utc>>,
}

/// A certificate to store: what it lists and its signed credential.
#[derive(Debug, Clone)]
pub struct NewLanguageCertificate {
    pub id: LanguageCertificateId,
    pub participant_id: ParticipantId,
    pub provider_id: ProviderId,
    pub kid: String,
    pub issued_on: NaiveDate,
    /// What the PDF lists (JSON of the app's certificate content).
    pub content: String,
    /// The VC-JWT.
    pub credential: String,
}

/// A certificate as stored.
#[derive(Debug, Clone)]
pub struct LanguageCertificate {
    pub id: LanguageCertificateId,
    pub participant_id: ParticipantId,
    pub provider_id: ProviderId,
    pub kid: String,
    pub issued_on: NaiveDate,
    pub content: String,
    pub credential: String,
    pub revoked_at: Option<DateTime<Utc>>,
    pub revoked_reason: Option<String>,
}

const C: &str = "language_certificates";
const CERT_COLUMNS: &str = "id, participant_id, provider_id, kid, issued_on, content, credential, \
     revoked_at, revoked_reason";

fn certificate_from_row(r: &AnyRow) -> Result<LanguageCertificate, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt(C, e);
    let text = |c: &str| -> Result<String, StoreError> { Ok(r.try_get::<String, _>(c)?) };
    Ok(LanguageCertificate {
        id: LanguageCertificateId::parse(&text("id")?).map_err(bad)?,
        participant_id: ParticipantId::parse(&text("participant_id")?).map_err(bad)?,
        provider_id: ProviderId::parse(&text("provider_id")?).map_err(bad)?,
        kid: text("kid")?,
        issued_on: parse_date(C, &text("issued_on")?)?,
        content: text("content")?,
        credential: text("credential")?,
        revoked_at: time::parse_opt(C, r.try_get::<Option<String>, _>("revoked_at")?)?,
        revoked_reason: r.try_get("revoked_reason")?,
    })
}

fn key_from_row(r: &AnyRow) -> Result<IssuerKey, StoreError> {
    const K: &str = "issuer_keys";
    Ok(IssuerKey {
        kid: r.try_get("kid")?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?)
            .map_err(|e| StoreError::corrupt(K, e))?,
        public_key: r.try_get("public_key")?,
        created_at: time::parse(K, &r.try_get::<String, _>("created_at")?)?,
        retired_at: time::parse_opt(K, r.try_get::<Option<String>, _>("retired_at")?)?,
    })
}

impl Store {
    /// The same store with the installation's key file, which seals the providers' private
    /// keys. Without it, no certificate can be signed.
    pub fn with_credential_key(mut self, key: MasterKey) -> Store {
        self.credential_key = Some(Arc::new(key));
        self
    }

    fn master_key(&self) -> Result<&MasterKey, StoreError> {
        self.credential_key.as_deref().ok_or_else(|| {
            StoreError::CredentialKey(
                "no key file for signing credentials is configured (LERNWEG_CREDENTIAL_KEY_FILE)"
                    .into(),
            )
        })
    }

    /// Every key of a provider, newest first (retired ones too: they verify what they signed).
    pub async fn issuer_keys(&self, provider: ProviderId) -> Result<Vec<IssuerKey>, StoreError> {
        let rows = sqlx::query(
            "SELECT kid, provider_id, public_key, created_at, retired_at FROM issuer_keys \
             WHERE provider_id = $1 ORDER BY created_at DESC, kid",
        )
        .bind(provider.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(key_from_row).collect()
    }

    /// One key by its id.
    pub async fn issuer_key(&self, kid: &str) -> Result<IssuerKey, StoreError> {
        let row = sqlx::query(
            "SELECT kid, provider_id, public_key, created_at, retired_at FROM issuer_keys \
             WHERE kid = $1",
        )
        .bind(kid)
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        key_from_row(&row)
    }

    /// The provider's active key, opened for signing; created on first use.
    pub async fn issuer_signer(
        &self,
        actor: &Actor,
        provider: ProviderId,
    ) -> Result<Signer, StoreError> {
        let master = self.master_key()?;
        let row = sqlx::query(
            "SELECT kid, sealed_private_key FROM issuer_keys WHERE provider_id = $1 \
             AND retired_at IS NULL ORDER BY created_at DESC, kid LIMIT 1",
        )
        .bind(provider.to_string())
        .fetch_optional(&self.pool)
        .await?;
        let (kid, sealed): (String, String) = match row {
            Some(r) => (r.try_get("kid")?, r.try_get("sealed_private_key")?),
            None => {
                let key = self.rotate_issuer_key(actor, provider).await?;
                let sealed: String =
                    sqlx::query_scalar("SELECT sealed_private_key FROM issuer_keys WHERE kid = $1")
                        .bind(&key.kid)
                        .fetch_one(&self.pool)
                        .await?;
                (key.kid, sealed)
            }
        };
        lernweg_credentials::unseal(master, &kid, &sealed).map_err(|e| {
            StoreError::CredentialKey(format!(
                "the key file does not open key {kid} of provider {provider}: {e:?}"
            ))
        })
    }

    /// Retires the provider's active key and creates a new one, in one transaction.
    pub async fn rotate_issuer_key(
        &self,
        actor: &Actor,
        provider: ProviderId,
    ) -> Result<IssuerKey, StoreError> {
        let master = self.master_key()?;
        let key = lernweg_credentials::new_issuer_key(master, rand::random(), rand::random());
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE issuer_keys SET retired_at = $1 WHERE provider_id = $2 AND retired_at IS NULL",
        )
        .bind(&now)
        .bind(provider.to_string())
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO issuer_keys (kid, provider_id, public_key, sealed_private_key, \
             created_at) VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(&key.kid)
        .bind(provider.to_string())
        .bind(&key.public_key)
        .bind(&key.sealed_private_key)
        .bind(&now)
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::unique_as(e, "key id"))?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Create,
            AuditEntity::IssuerKey,
            &key.kid,
            "new signing key; earlier keys retired",
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.issuer_key(&key.kid).await
    }

    pub async fn add_language_certificate(
        &self,
        actor: &Actor,
        c: NewLanguageCertificate,
    ) -> Result<LanguageCertificate, StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO language_certificates (id, participant_id, provider_id, kid, issued_on, \
             content, credential, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(c.id.to_string())
        .bind(c.participant_id.to_string())
        .bind(c.provider_id.to_string())
        .bind(&c.kid)
        .bind(c.issued_on.to_string())
        .bind(&c.content)
        .bind(&c.credential)
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(c.provider_id),
            AuditAction::Create,
            AuditEntity::LanguageCertificate,
            c.id,
            format!("participant {}", c.participant_id),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.language_certificate(c.id).await
    }

    pub async fn language_certificate(
        &self,
        id: LanguageCertificateId,
    ) -> Result<LanguageCertificate, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CERT_COLUMNS} FROM language_certificates WHERE id = $1"
        )))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        certificate_from_row(&row)
    }

    /// A participant's certificates, newest first.
    pub async fn language_certificates_of(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<LanguageCertificate>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {CERT_COLUMNS} FROM language_certificates WHERE participant_id = $1 \
             ORDER BY created_at DESC, id DESC"
        )))
        .bind(participant.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(certificate_from_row).collect()
    }

    /// Revokes a certificate with its reason; `Conflict` when it already is.
    pub async fn revoke_language_certificate(
        &self,
        actor: &Actor,
        id: LanguageCertificateId,
        reason: &str,
    ) -> Result<LanguageCertificate, StoreError> {
        let c = self.language_certificate(id).await?;
        let mut tx = self.pool.begin().await?;
        let done = sqlx::query(
            "UPDATE language_certificates SET revoked_at = $1, revoked_reason = $2 \
             WHERE id = $3 AND revoked_at IS NULL",
        )
        .bind(time::fmt(self.now()))
        .bind(reason)
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() == 0 {
            return Err(StoreError::Conflict("already revoked"));
        }
        let entry = actor.entry(
            Some(c.provider_id),
            AuditAction::Update,
            AuditEntity::LanguageCertificate,
            id,
            format!("revoked: {reason}"),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.language_certificate(id).await
    }
}
