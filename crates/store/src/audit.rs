//! The audit log: who created, changed, deleted or viewed a sensitive record, and when.

use chrono::{DateTime, Utc};
use lernweg_domain::paging::{MAX_LIMIT, PAGE_SIZE};
use lernweg_domain::{Cursor, Limit, PageNo, Paged, ProviderId, Search, Slice, UserId};
use serde::Serialize;
use sqlx::Row;
use uuid::Uuid;

use crate::paging::ListSql;
use crate::{Store, StoreError, time};

/// Declares a closed set of audit names: the enum, its stored text and the list of all
/// variants (so that a test can check that every name has a text in every language).
macro_rules! audit_names {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident => $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name {
            $($(#[$vmeta])* $variant),+
        }

        impl $name {
            /// Every variant, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The text stored in the audit log (and the suffix of its Fluent id).
            pub fn as_str(self) -> &'static str {
                match self {
                    $($name::$variant => $text),+
                }
            }
        }
    };
}

audit_names! {
    /// What happened.
    AuditAction {
        Create => "create",
        Update => "update",
        Delete => "delete",
        View => "view",
        Login => "login",
        LoginFailed => "login_failed",
        Logout => "logout",
        /// Refused: another provider's record, or a route the role may not use.
        AccessDenied => "access_denied",
    }
}

audit_names! {
    /// What kind of record an entry is about: one name per table-like thing the code audits.
    AuditEntity {
        Provider => "provider",
        User => "user",
        ApiToken => "api_token",
        /// A login session.
        Session => "session",
        Offer => "offer",
        Cohort => "cohort",
        /// A dated session of a cohort's timetable.
        CohortSession => "cohort_session",
        Feed => "feed",
        Participant => "participant",
        ParticipantImport => "participant_import",
        Consent => "consent",
        Contact => "contact",
        ReadinessCheck => "readiness_check",
        Enrolment => "enrolment",
        WorkPattern => "work_pattern",
        Attendance => "attendance",
        ProgressEntry => "progress_entry",
        Invitation => "invitation",
        Device => "device",
        DeviceLoan => "device_loan",
        /// The list of a provider's loans (or all).
        DeviceLoans => "device_loans",
        CounsellingService => "counselling_service",
        Referral => "referral",
        Employer => "employer",
        /// The link of a participant to an employer.
        Employment => "employment",
        /// A release agreement (Freistellungsvereinbarung) for a participant's sessions.
        ReleaseAgreement => "release_agreement",
        /// An employer's answer to a shared draft cohort.
        PlanAnswer => "plan_answer",
        /// A participant's recognition case (the decision on a foreign qualification).
        RecognitionCase => "recognition_case",
        /// An item of a participant's individual qualification plan.
        PlanItem => "plan_item",
        /// A confirmed date of individual lessons of a plan item.
        PlanSession => "plan_session",
        /// A volunteer mentor of a provider's pool.
        Mentor => "mentor",
        /// A mentoring tandem (or a proposal of one).
        Tandem => "tandem",
        /// A workshop or networking event for mentors.
        MentorEvent => "mentor_event",
        /// A language assessment of a participant.
        LanguageAssessment => "language_assessment",
        /// A participant's answers to the can-do statements.
        LanguageSelfCheck => "language_self_check",
        /// A provider's signing key for credentials.
        IssuerKey => "issuer_key",
        /// A language certificate (PDF and signed credential).
        LanguageCertificate => "language_certificate",
        /// An Impressum, privacy statement or accessibility statement.
        LegalText => "legal_text",
        /// An early warning marked as handled.
        Warning => "warning",
        /// A page or API route (a refused request names its method and path).
        Route => "route",
    }
}

/// An entry to write.
#[derive(Debug, Clone)]
pub struct NewAuditEntry {
    pub actor: Option<UserId>,
    pub actor_email: Option<String>,
    pub provider: Option<ProviderId>,
    pub action: AuditAction,
    pub entity: AuditEntity,
    pub entity_id: Option<String>,
    pub detail: String,
}

/// An entry as read back.
#[derive(Debug, Clone, Serialize)]
pub struct AuditEntry {
    pub id: String,
    pub at: DateTime<Utc>,
    pub actor_id: Option<String>,
    pub actor_email: Option<String>,
    pub provider_id: Option<String>,
    pub action: String,
    pub entity: String,
    pub entity_id: Option<String>,
    pub detail: String,
}

/// The start of an INSERT of audit entries; each row has 9 parameters: id, at and
/// [`bind_entry`]'s seven.
pub(crate) const INSERT_HEAD: &str = "INSERT INTO audit_log (id, at, actor_id, actor_email, \
     provider_id, action, entity, entity_id, detail) VALUES ";

/// Binds an entry's seven values after its id and time.
pub(crate) fn bind_entry<'q>(
    q: sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments>,
    entry: &NewAuditEntry,
) -> sqlx::query::Query<'q, sqlx::Any, sqlx::any::AnyArguments> {
    q.bind(entry.actor.map(|a| a.to_string()))
        .bind(entry.actor_email.clone())
        .bind(entry.provider.map(|p| p.to_string()))
        .bind(entry.action.as_str())
        .bind(entry.entity.as_str())
        .bind(entry.entity_id.clone())
        .bind(entry.detail.clone())
}

pub(crate) async fn write<'e, E>(
    now: chrono::DateTime<chrono::Utc>,
    exec: E,
    entry: &NewAuditEntry,
) -> Result<(), StoreError>
where
    E: sqlx::Executor<'e, Database = sqlx::Any>,
{
    let q = sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, actor_email, provider_id, action, entity, \
         entity_id, detail) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(Uuid::now_v7().to_string())
    .bind(time::fmt(now));
    bind_entry(q, entry).execute(exec).await?;
    Ok(())
}

impl Store {
    /// Writes one audit entry on its own, now (logins and refusals; reads use
    /// [`Store::audit_read`]; writes log inside their own transaction).
    pub async fn audit(&self, entry: &NewAuditEntry) -> Result<(), StoreError> {
        write(self.now(), &self.pool, entry).await
    }

    /// The newest entries first, optionally only those of one provider: at most `limit`
    /// (1–500).
    pub async fn audit_entries(
        &self,
        provider: Option<ProviderId>,
        limit: i64,
    ) -> Result<Vec<AuditEntry>, StoreError> {
        let filter = AuditFilter {
            provider,
            ..AuditFilter::default()
        };
        let limit = Limit::new(u32::try_from(limit.max(1)).unwrap_or(MAX_LIMIT));
        Ok(self.audit_after(&filter, None, limit).await?.items)
    }

    /// One page of the entries that match, newest first.
    pub async fn audit_page(
        &self,
        filter: &AuditFilter,
        page: PageNo,
    ) -> Result<Paged<AuditEntry>, StoreError> {
        // Every read entry queued so far belongs in the answer.
        self.flush_audit().await?;
        filter
            .list()
            .page(self, "at DESC, id DESC", page, PAGE_SIZE, entry_from_row)
            .await
    }

    /// The entries that match after `cursor`, newest first: at most `limit`.
    pub async fn audit_after(
        &self,
        filter: &AuditFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<AuditEntry>, StoreError> {
        // Every read entry queued so far belongs in the answer.
        self.flush_audit().await?;
        filter
            .list()
            .after(
                self,
                Some("at"),
                "id",
                true,
                cursor,
                limit,
                entry_from_row,
                |e| Cursor::new(time::fmt(e.at), e.id.clone()),
            )
            .await
    }
}

/// What the audit log lists are narrowed to.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    pub provider: Option<ProviderId>,
    pub action: Option<AuditAction>,
    pub entity: Option<AuditEntity>,
    /// In the detail or the actor's e-mail address.
    pub search: Option<Search>,
}

impl AuditFilter {
    fn list(&self) -> ListSql {
        ListSql::new(
            "id, at, actor_id, actor_email, provider_id, action, entity, entity_id, detail",
            "audit_log",
        )
        .scope("provider_id", self.provider)
        .filter("action = {}", self.action.map(AuditAction::as_str))
        .filter("entity = {}", self.entity.map(AuditEntity::as_str))
        .search(&["detail", "actor_email"], self.search.as_ref())
    }
}

fn entry_from_row(r: &sqlx::any::AnyRow) -> Result<AuditEntry, StoreError> {
    Ok(AuditEntry {
        id: r.try_get("id")?,
        at: time::parse("audit_log", &r.try_get::<String, _>("at")?)?,
        actor_id: r.try_get("actor_id")?,
        actor_email: r.try_get("actor_email")?,
        provider_id: r.try_get("provider_id")?,
        action: r.try_get("action")?,
        entity: r.try_get("entity")?,
        entity_id: r.try_get("entity_id")?,
        detail: r.try_get("detail")?,
    })
}

/// Who is acting, for the audit log: a logged-in user or the command line (`system`).
#[derive(Debug, Clone)]
pub struct Actor {
    pub user_id: Option<UserId>,
    pub email: Option<String>,
}

impl Actor {
    pub fn user(user_id: UserId, email: impl Into<String>) -> Self {
        Actor {
            user_id: Some(user_id),
            email: Some(email.into()),
        }
    }

    /// The command line or the demo generator.
    pub fn system() -> Self {
        Actor {
            user_id: None,
            email: Some("system".to_owned()),
        }
    }

    pub fn entry(
        &self,
        provider: Option<ProviderId>,
        action: AuditAction,
        entity: AuditEntity,
        entity_id: impl ToString,
        detail: impl Into<String>,
    ) -> NewAuditEntry {
        NewAuditEntry {
            actor: self.user_id,
            actor_email: self.email.clone(),
            provider,
            action,
            entity,
            entity_id: Some(entity_id.to_string()),
            detail: detail.into(),
        }
    }
}
