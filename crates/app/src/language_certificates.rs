//! Language certificates (issue 16, point 4): a Sprachkompetenznachweis listing each documented
//! competence with its source and date, issued by the provider as PDF content and as an Open
//! Badges 3.0 credential signed with the provider's own key (VC-JWT, EdDSA); revocation, the
//! public check, and the providers' public keys (JWKS).

use chrono::{NaiveDate, NaiveTime};
use lernweg_credentials::open_badge::{self, Competence};
use lernweg_domain::access::{COUNSELLING, MANAGERS};
use lernweg_domain::{LanguageCertificateId, ParseError, ParticipantId, ProviderId};
use lernweg_participants::language_assessment::current_levels;
use lernweg_store::{LanguageCertificate, NewLanguageCertificate, ParticipantRecord};
use serde_json::Value;
use uuid::Uuid;

use crate::{App, AppError, Caller, visible};

/// The longest revocation reason.
pub const REASON_MAX: usize = 500;

/// The public address of a provider's issuer profile (the credential's `iss`); its keys are
/// at `…/jwks.json`.
pub fn issuer_url(base: &str, provider: ProviderId) -> String {
    format!("{base}/api/v1/public/issuers/{provider}")
}

/// The public page that says whether a certificate is valid.
pub fn verify_url(base: &str, id: LanguageCertificateId) -> String {
    format!("{base}/nachweise/{id}")
}

fn ensure_counselling(caller: &Caller) -> Result<(), AppError> {
    crate::offers::require(&caller.principal, COUNSELLING)
}

/// Issues a certificate over the participant's current levels (self-assessments are not
/// documented competence); `base` is the site's public address for the credential's links.
/// A participant without any documented level is an error of field `assessments`.
pub async fn issue(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    base: &str,
) -> Result<LanguageCertificate, AppError> {
    ensure_counselling(caller)?;
    let p = visible::participant_record(app, &caller.principal, id).await?;
    let all: Vec<_> = app
        .store
        .language_assessments(id)
        .await?
        .into_iter()
        .map(|r| r.assessment)
        .collect();
    let competences: Vec<Competence> = current_levels(&all)
        .values()
        .map(|a| Competence {
            skill: a.skill.code().to_owned(),
            level: a.level.to_string(),
            source: a.source.code().to_owned(),
            assessed_on: a.assessed_on.to_string(),
            issuer: a.issuer.clone(),
            exam: a.exam.clone(),
            certificate_number: a.certificate_number.clone(),
        })
        .collect();
    if competences.is_empty() {
        return Err(AppError::invalid(ParseError::new(
            "assessments",
            "none_documented",
            "the participant has no assessment by placement test, trainer or certificate yet",
        )));
    }
    let provider = app.store.provider(p.provider_id).await?;
    let cert_id = LanguageCertificateId::from_uuid(Uuid::now_v7());
    let today = app.today();
    let valid_from = today.and_time(NaiveTime::MIN).and_utc();
    let content = open_badge::LanguageCertificate {
        id: format!("urn:uuid:{cert_id}"),
        holder: format!("{} {}", p.data.given_name, p.data.family_name),
        issuer_id: issuer_url(base, p.provider_id),
        issuer_name: provider.name.to_string(),
        verify_url: verify_url(base, cert_id),
        valid_from: valid_from.format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        valid_from_unix: valid_from.timestamp(),
        competences,
    };
    let signer = app
        .store
        .issuer_signer(&caller.actor, p.provider_id)
        .await?;
    let credential = lernweg_credentials::sign_jwt(&signer, &content.claims());
    let stored = serde_json::to_string(&content).map_err(|e| AppError::Internal(e.to_string()))?;
    Ok(app
        .store
        .add_language_certificate(
            &caller.actor,
            NewLanguageCertificate {
                id: cert_id,
                participant_id: p.id,
                provider_id: p.provider_id,
                kid: signer.kid().to_owned(),
                issued_on: today,
                content: stored,
                credential,
            },
        )
        .await?)
}

/// Revokes a certificate with a reason (1–500 characters, field `reason`).
pub async fn revoke(
    app: &App,
    caller: &Caller,
    id: LanguageCertificateId,
    reason: &str,
) -> Result<LanguageCertificate, AppError> {
    ensure_counselling(caller)?;
    let c = for_staff(app, caller, id).await?;
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > REASON_MAX {
        return Err(AppError::invalid(ParseError::new(
            "reason",
            if reason.is_empty() {
                "required"
            } else {
                "too_long"
            },
            format!("a reason of 1 to {REASON_MAX} characters"),
        )));
    }
    Ok(app
        .store
        .revoke_language_certificate(&caller.actor, c.id, reason)
        .await?)
}

/// A certificate of a participant counselling staff of its provider may see (audited).
pub async fn for_staff(
    app: &App,
    caller: &Caller,
    id: LanguageCertificateId,
) -> Result<LanguageCertificate, AppError> {
    ensure_counselling(caller)?;
    let c = app.store.language_certificate(id).await?;
    let p = visible::participant(app, caller, c.participant_id, "language certificate").await?;
    debug_assert_eq!(p.id, c.participant_id);
    Ok(c)
}

/// A certificate of the participant's own record.
pub async fn own(
    app: &App,
    p: &ParticipantRecord,
    id: LanguageCertificateId,
) -> Result<LanguageCertificate, AppError> {
    let c = app.store.language_certificate(id).await?;
    if c.participant_id != p.id {
        return Err(AppError::NotFound);
    }
    Ok(c)
}

/// The participant's own certificates, newest first.
pub async fn own_list(
    app: &App,
    p: &ParticipantRecord,
) -> Result<Vec<LanguageCertificate>, AppError> {
    Ok(app.store.language_certificates_of(p.id).await?)
}

/// What a certificate lists (for its PDF).
pub fn content_of(c: &LanguageCertificate) -> Result<open_badge::LanguageCertificate, AppError> {
    serde_json::from_str(&c.content)
        .map_err(|e| AppError::Internal(format!("certificate {}: {e}", c.id)))
}

/// What the public check says.
#[derive(Debug, Clone)]
pub enum Verification {
    /// Not issued here, erased, or its signature does not hold.
    Unknown,
    Valid {
        content: open_badge::LanguageCertificate,
        issued_on: NaiveDate,
    },
    Revoked {
        content: open_badge::LanguageCertificate,
        issued_on: NaiveDate,
        revoked_on: NaiveDate,
    },
}

/// The public check of a certificate id as it appears in its address (any text).
pub async fn verify(app: &App, id: &str) -> Result<Verification, AppError> {
    let Ok(id) = LanguageCertificateId::parse(id) else {
        return Ok(Verification::Unknown);
    };
    let c = match app.store.language_certificate(id).await {
        Ok(c) => c,
        Err(lernweg_store::StoreError::NotFound) => return Ok(Verification::Unknown),
        Err(e) => return Err(e.into()),
    };
    let key = app.store.issuer_key(&c.kid).await?;
    if key.provider_id != c.provider_id
        || lernweg_credentials::verify_jwt(&c.credential, &key.public_key).is_err()
    {
        tracing::warn!(certificate = %c.id, "a stored credential does not verify");
        return Ok(Verification::Unknown);
    }
    let content = content_of(&c)?;
    Ok(match c.revoked_at {
        Some(at) => Verification::Revoked {
            content,
            issued_on: c.issued_on,
            revoked_on: at.with_timezone(&chrono_tz::Europe::Berlin).date_naive(),
        },
        None => Verification::Valid {
            content,
            issued_on: c.issued_on,
        },
    })
}

/// The name of an issuer (a provider) for its public profile.
pub async fn issuer_name(app: &App, provider: ProviderId) -> Result<String, AppError> {
    Ok(app.store.provider(provider).await?.name.to_string())
}

/// The signed credential (public: it is what the holder hands on).
pub async fn credential(app: &App, id: LanguageCertificateId) -> Result<String, AppError> {
    Ok(app.store.language_certificate(id).await?.credential)
}

/// The provider's public keys as a JWKS (retired ones too); an unknown provider is not found.
pub async fn jwks(app: &App, provider: ProviderId) -> Result<Value, AppError> {
    app.store.provider(provider).await?;
    let keys = app.store.issuer_keys(provider).await?;
    lernweg_credentials::jwks(keys.iter().map(|k| (k.kid.as_str(), k.public_key.as_str())))
        .map_err(|e| AppError::Internal(format!("issuer keys of {provider}: {e}")))
}

/// Retires the provider's signing key and creates a new one (coordinators of the provider and
/// the admin); certificates signed before still verify with the retired key.
pub async fn rotate_key(
    app: &App,
    caller: &Caller,
    provider: ProviderId,
) -> Result<lernweg_store::IssuerKey, AppError> {
    crate::offers::require(&caller.principal, MANAGERS)?;
    caller.ensure_provider(provider)?;
    Ok(app.store.rotate_issuer_key(&caller.actor, provider).await?)
}
