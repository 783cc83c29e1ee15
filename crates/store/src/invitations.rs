//! Participant access to the portal: invitations (an e-mail link or a printed one-time code),
//! their redemption into a participant account, and the link between the account and the
//! participant record.
//!
//! Only a hash of each secret is stored. An invitation is valid for [`INVITATION_DAYS`] days
//! and can be used once; a new invitation revokes the older open ones. Redeeming creates the
//! participant's account (role `participant`, linked to exactly one participant record) or
//! gives the linked account a new password. The account logs in with the participant's
//! e-mail address, or with a generated login name when there is none (or when the address
//! already belongs to another account).

use chrono::{DateTime, Duration, Utc};
use lernweg_domain::{
    Email, EmployerContactId, InvitationId, LoginId, LoginName, MentorId, OneTimeCode, ParseError,
    ParticipantId, ProviderId, Role, UserId, check_password_policy,
};
use serde::Serialize;
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::participant_list::refresh_search_text;
use crate::secret::{hash_secret, random_token};
use crate::users::hash_blocking;
use crate::{ParticipantRecord, Store, StoreError, User, time};

/// How long an invitation stays valid.
pub const INVITATION_DAYS: i64 = 14;

/// How the secret reaches the participant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationKind {
    /// A link with a long random secret, sent by e-mail.
    Email,
    /// A short code printed on paper (`K7QM-4XPD-2H9R`).
    Code,
}

impl InvitationKind {
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationKind::Email => "email",
            InvitationKind::Code => "code",
        }
    }
}

/// Where an invitation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum InvitationStatus {
    Open,
    Used,
    Expired,
    Revoked,
}

impl InvitationStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            InvitationStatus::Open => "open",
            InvitationStatus::Used => "used",
            InvitationStatus::Expired => "expired",
            InvitationStatus::Revoked => "revoked",
        }
    }
}

/// Whom an invitation opens an account for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Invitee {
    Participant(ParticipantId),
    EmployerContact(EmployerContactId),
    Mentor(MentorId),
}

impl Invitee {
    /// The column of `invitations` (and of `users`) that names the invitee.
    pub(crate) fn column(self) -> &'static str {
        match self {
            Invitee::Participant(_) => "participant_id",
            Invitee::EmployerContact(_) => "employer_contact_id",
            Invitee::Mentor(_) => "mentor_id",
        }
    }

    pub(crate) fn id(self) -> String {
        match self {
            Invitee::Participant(id) => id.to_string(),
            Invitee::EmployerContact(id) => id.to_string(),
            Invitee::Mentor(id) => id.to_string(),
        }
    }
}

impl std::fmt::Display for Invitee {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Invitee::Participant(id) => write!(f, "participant {id}"),
            Invitee::EmployerContact(id) => write!(f, "employer contact {id}"),
            Invitee::Mentor(id) => write!(f, "mentor {id}"),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Invitation {
    pub id: InvitationId,
    pub invitee: Invitee,
    pub provider_id: ProviderId,
    pub kind: InvitationKind,
    /// The login name the new account gets, when it cannot use an e-mail address.
    pub login_name: Option<LoginName>,
    /// Who created it (the actor's e-mail, for the list on the participant page).
    pub created_by: Option<String>,
    pub created_at: DateTime<Utc>,
    pub expires_at: DateTime<Utc>,
    pub used_at: Option<DateTime<Utc>>,
    pub revoked_at: Option<DateTime<Utc>>,
}

impl Invitation {
    /// Used and revoked win over expired; an open invitation past its end is expired.
    pub fn status(&self, now: DateTime<Utc>) -> InvitationStatus {
        if self.used_at.is_some() {
            InvitationStatus::Used
        } else if self.revoked_at.is_some() {
            InvitationStatus::Revoked
        } else if now >= self.expires_at {
            InvitationStatus::Expired
        } else {
            InvitationStatus::Open
        }
    }
}

/// A new invitation: the only moment its secret is known.
#[derive(Debug, Clone)]
pub struct IssuedInvitation {
    pub invitation: Invitation,
    /// The link secret (e-mail) or the code in groups of four (printed).
    pub secret: String,
    /// What the participant will type into the login form afterwards.
    pub login: LoginId,
}

/// Why a secret does not open the portal: each gets its own plain-language page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    Unknown,
    Used,
    Expired,
    Revoked,
}

macro_rules! columns {
    () => {
        "id, participant_id, employer_contact_id, mentor_id, provider_id, kind, login_name, created_by, created_at, expires_at, used_at, revoked_at"
    };
}

fn from_row(r: &AnyRow) -> Result<Invitation, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("invitations", e);
    let kind = match r.try_get::<String, _>("kind")?.as_str() {
        "email" => InvitationKind::Email,
        "code" => InvitationKind::Code,
        other => {
            return Err(StoreError::corrupt(
                "invitations",
                format!("kind {other:?}"),
            ));
        }
    };
    let participant: Option<String> = r.try_get("participant_id")?;
    let contact: Option<String> = r.try_get("employer_contact_id")?;
    let mentor: Option<String> = r.try_get("mentor_id")?;
    let invitee = match (participant, contact, mentor) {
        (Some(p), None, None) => Invitee::Participant(ParticipantId::parse(&p).map_err(bad)?),
        (None, Some(c), None) => {
            Invitee::EmployerContact(EmployerContactId::parse(&c).map_err(bad)?)
        }
        (None, None, Some(m)) => Invitee::Mentor(MentorId::parse(&m).map_err(bad)?),
        _ => return Err(StoreError::corrupt("invitations", "no single invitee")),
    };
    Ok(Invitation {
        id: InvitationId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        invitee,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?).map_err(bad)?,
        kind,
        login_name: r
            .try_get::<Option<String>, _>("login_name")?
            .map(|n| LoginName::parse(&n))
            .transpose()
            .map_err(bad)?,
        created_by: r.try_get("created_by")?,
        created_at: time::parse("invitations", &r.try_get::<String, _>("created_at")?)?,
        expires_at: time::parse("invitations", &r.try_get::<String, _>("expires_at")?)?,
        used_at: time::parse_opt("invitations", r.try_get("used_at")?)?,
        revoked_at: time::parse_opt("invitations", r.try_get("revoked_at")?)?,
    })
}

/// The hash a secret is stored under: link secrets as they are, codes normalised (so that
/// `k7qm 4xpd 2h9r` finds `K7QM-4XPD-2H9R`). `None` when the input cannot be one.
fn secret_hash(kind: InvitationKind, secret: &str) -> Option<String> {
    match kind {
        InvitationKind::Email => {
            let s = secret.trim();
            (s.len() == 43).then(|| hash_secret(s))
        }
        InvitationKind::Code => OneTimeCode::parse(secret)
            .ok()
            .map(|c| hash_secret(&format!("code:{}", c.normalized()))),
    }
}

impl Store {
    /// A new invitation for `participant`; every older open invitation is revoked in the same
    /// transaction. An e-mail invitation needs the participant's e-mail address.
    pub async fn create_invitation(
        &self,
        actor: &Actor,
        participant: &ParticipantRecord,
        kind: InvitationKind,
    ) -> Result<IssuedInvitation, StoreError> {
        let secret = match kind {
            InvitationKind::Email => random_token(),
            InvitationKind::Code => OneTimeCode::generate(rand::random()).grouped(),
        };
        self.create_invitation_with(actor, participant, kind, secret)
            .await
    }

    /// A printed-code invitation with a given code (the demo data uses a known one).
    pub async fn create_code_invitation(
        &self,
        actor: &Actor,
        participant: &ParticipantRecord,
        code: &OneTimeCode,
    ) -> Result<IssuedInvitation, StoreError> {
        self.create_invitation_with(actor, participant, InvitationKind::Code, code.grouped())
            .await
    }

    async fn create_invitation_with(
        &self,
        actor: &Actor,
        participant: &ParticipantRecord,
        kind: InvitationKind,
        secret: String,
    ) -> Result<IssuedInvitation, StoreError> {
        if kind == InvitationKind::Email && participant.data.email.is_none() {
            return Err(ParseError::new(
                "email",
                "required",
                "an e-mail invitation needs the participant's e-mail address",
            )
            .into());
        }
        let login = self.planned_login(participant).await?;
        let invitee = Invitee::Participant(participant.id);
        self.issue_invitation(actor, invitee, participant.provider_id, kind, secret, login)
            .await
    }

    /// Stores a new invitation for `invitee` and revokes the older open ones, in one
    /// transaction. `login` is what the account will log in with; `None` means a new login
    /// name, which the invitation keeps.
    pub(crate) async fn issue_invitation(
        &self,
        actor: &Actor,
        invitee: Invitee,
        provider: ProviderId,
        kind: InvitationKind,
        secret: String,
        login: Option<LoginId>,
    ) -> Result<IssuedInvitation, StoreError> {
        let hash = secret_hash(kind, &secret)
            .ok_or_else(|| StoreError::corrupt("invitations", "generated secret does not parse"))?;
        let (login, login_name) = match login {
            Some(login) => (login, None),
            None => {
                let name = self.free_login_name().await?;
                (LoginId::Name(name.clone()), Some(name))
            }
        };
        let id = InvitationId::from_uuid(Uuid::now_v7());
        let now = self.now();
        let mut tx = self.pool.begin().await?;
        revoke_open(&mut tx, invitee, now).await?;
        let sql = format!(
            "INSERT INTO invitations (id, {}, provider_id, kind, secret_hash, login_name, created_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            invitee.column()
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(id.to_string())
            .bind(invitee.id())
            .bind(provider.to_string())
            .bind(kind.as_str())
            .bind(hash)
            .bind(login_name.as_ref().map(|n| n.as_str().to_owned()))
            .bind(actor.email.clone())
            .bind(time::fmt(now))
            .bind(time::fmt(now + Duration::days(INVITATION_DAYS)))
            .execute(&mut *tx)
            .await?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Create,
                AuditEntity::Invitation,
                id,
                format!("{} for {invitee}", kind.as_str()),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(IssuedInvitation {
            invitation: self.invitation(id).await?,
            secret,
            login,
        })
    }

    /// The login the participant will have, unless a new login name is needed (`None`): the
    /// linked account's, or the participant's e-mail address when no other account uses it.
    async fn planned_login(&self, p: &ParticipantRecord) -> Result<Option<LoginId>, StoreError> {
        if let Some(user) = self.participant_account(p.id).await? {
            return Ok(Some(user.login_id()));
        }
        let Some(email) = &p.data.email else {
            return Ok(None);
        };
        match self.user_by_email(email).await {
            Err(StoreError::NotFound) => Ok(Some(LoginId::Email(email.clone()))),
            Ok(u) if relinkable(&u, p) => Ok(Some(LoginId::Email(email.clone()))),
            Ok(_) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// A login name that no account and no open invitation uses.
    pub(crate) async fn free_login_name(&self) -> Result<LoginName, StoreError> {
        for _ in 0..20 {
            let name = LoginName::generate(rand::random());
            let taken: i64 = sqlx::query_scalar(
                "SELECT (SELECT COUNT(*) FROM users WHERE login_name = $1 OR email = $2) + (SELECT COUNT(*) FROM invitations WHERE login_name = $1)",
            )
            .bind(name.as_str())
            .bind(name.placeholder_email().as_str())
            .fetch_one(&self.pool)
            .await?;
            if taken == 0 {
                return Ok(name);
            }
        }
        Err(StoreError::Conflict("no free login name found"))
    }

    pub async fn invitation(&self, id: InvitationId) -> Result<Invitation, StoreError> {
        self.fetch_one(
            concat!("SELECT ", columns!(), " FROM invitations WHERE id = $1"),
            id.to_string(),
            from_row,
        )
        .await
    }

    /// Every invitation of a participant, newest first.
    pub async fn invitations_of(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<Invitation>, StoreError> {
        self.invitations_for(Invitee::Participant(participant))
            .await
    }

    /// Every invitation of a participant or employer contact, newest first.
    pub async fn invitations_for(&self, invitee: Invitee) -> Result<Vec<Invitation>, StoreError> {
        let sql = format!(
            "SELECT {} FROM invitations WHERE {} = $1 ORDER BY created_at DESC, id DESC",
            columns!(),
            invitee.column()
        );
        let rows = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(invitee.id())
            .fetch_all(&self.pool)
            .await?;
        rows.iter().map(from_row).collect()
    }

    /// Revokes the open invitations of a participant; returns how many.
    pub async fn revoke_invitations(
        &self,
        actor: &Actor,
        participant: &ParticipantRecord,
    ) -> Result<u64, StoreError> {
        let invitee = Invitee::Participant(participant.id);
        self.revoke_invitations_of(actor, invitee, participant.provider_id)
            .await
    }

    /// Revokes the open invitations of a participant or employer contact; returns how many.
    pub async fn revoke_invitations_of(
        &self,
        actor: &Actor,
        invitee: Invitee,
        provider: ProviderId,
    ) -> Result<u64, StoreError> {
        let mut tx = self.pool.begin().await?;
        let n = revoke_open(&mut tx, invitee, self.now()).await?;
        if n > 0 {
            audit::write(
                self.now(),
                &mut *tx,
                &actor.entry(
                    Some(provider),
                    AuditAction::Update,
                    AuditEntity::Invitation,
                    invitee.id(),
                    format!("open invitations of {invitee} revoked: {n}"),
                ),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(n)
    }

    /// The invitation behind a secret and whether it can still be used.
    pub async fn invitation_by_secret(
        &self,
        kind: InvitationKind,
        secret: &str,
    ) -> Result<Result<Invitation, Refusal>, StoreError> {
        let Some(hash) = secret_hash(kind, secret) else {
            return Ok(Err(Refusal::Unknown));
        };
        let row = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM invitations WHERE secret_hash = $1 AND kind = $2"
        ))
        .bind(hash)
        .bind(kind.as_str())
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else {
            return Ok(Err(Refusal::Unknown));
        };
        let inv = from_row(&row)?;
        Ok(match inv.status(self.now()) {
            InvitationStatus::Open => Ok(inv),
            InvitationStatus::Used => Err(Refusal::Used),
            InvitationStatus::Expired => Err(Refusal::Expired),
            InvitationStatus::Revoked => Err(Refusal::Revoked),
        })
    }

    /// Redeems an invitation: the participant's account gets `password` (created, re-linked
    /// or updated) and the invitation is used up. The password policy applies; two requests
    /// racing for one secret cannot both succeed.
    pub async fn redeem_invitation(
        &self,
        kind: InvitationKind,
        secret: &str,
        password: &str,
    ) -> Result<Result<User, Refusal>, StoreError> {
        let inv = match self.invitation_by_secret(kind, secret).await? {
            Ok(inv) => inv,
            Err(r) => return Ok(Err(r)),
        };
        check_password_policy(password)?;
        let participant_id = match inv.invitee {
            Invitee::Participant(id) => id,
            Invitee::EmployerContact(contact) => {
                return self
                    .redeem_contact_invitation(&inv, contact, password)
                    .await;
            }
            Invitee::Mentor(mentor) => {
                return self.redeem_mentor_invitation(&inv, mentor, password).await;
            }
        };
        let participant = self.participant(participant_id).await?;
        let hash = hash_blocking(password.to_owned()).await;
        let linked = self.participant_account(participant.id).await?;
        // Who the account is: the linked one, an unlinked participant account with the same
        // e-mail address, or a new one with the e-mail address or a login name.
        let by_email = match (&linked, &participant.data.email) {
            (None, Some(email)) => match self.user_by_email(email).await {
                Ok(u) => Some(u),
                Err(StoreError::NotFound) => None,
                Err(e) => return Err(e),
            },
            _ => None,
        };
        let fresh_name = match (&linked, &by_email, &inv.login_name, &participant.data.email) {
            (None, None, None, None) => Some(self.free_login_name().await?),
            (None, Some(u), None, _) if !relinkable(u, &participant) => {
                Some(self.free_login_name().await?)
            }
            _ => None,
        };
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        if !claim(&mut tx, &inv, &now).await? {
            return Ok(Err(Refusal::Used));
        }
        let existing = linked
            .as_ref()
            .or(by_email.as_ref().filter(|u| relinkable(u, &participant)));
        let user_id = match existing {
            Some(u) => {
                sqlx::query("UPDATE users SET participant_id = $1, provider_id = $2 WHERE id = $3")
                    .bind(participant.id.to_string())
                    .bind(participant.provider_id.to_string())
                    .bind(u.id.to_string())
                    .execute(&mut *tx)
                    .await?;
                set_password_in(&mut tx, u.id, &hash, &now).await?;
                u.id
            }
            None => {
                let name = inv.login_name.clone().or(fresh_name);
                let email: Email = match (&name, &participant.data.email) {
                    (Some(n), _) => n.placeholder_email(),
                    (None, Some(e)) => e.clone(),
                    (None, None) => {
                        return Err(StoreError::corrupt("invitations", "no login for account"));
                    }
                };
                let id = UserId::from_uuid(Uuid::now_v7());
                sqlx::query(
                    "INSERT INTO users (id, email, display_name, role, provider_id, password_hash, active, created_at, updated_at, login_name, participant_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7, $8, $9)",
                )
                .bind(id.to_string())
                .bind(email.as_str())
                .bind(format!(
                    "{} {}",
                    participant.data.given_name, participant.data.family_name
                ))
                .bind(Role::Participant.as_str())
                .bind(participant.provider_id.to_string())
                .bind(&hash)
                .bind(&now)
                .bind(name.as_ref().map(|n| n.as_str().to_owned()))
                .bind(participant.id.to_string())
                .execute(&mut *tx)
                .await
                .map_err(|e| StoreError::unique_as(e, "this login is taken"))?;
                id
            }
        };
        // The login name is part of what the participant list searches.
        refresh_search_text(&mut tx, participant.id).await?;
        let actor = Actor {
            user_id: Some(user_id),
            email: None,
        };
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(participant.provider_id),
                AuditAction::Update,
                AuditEntity::Invitation,
                inv.id,
                format!(
                    "{} redeemed for participant {}",
                    inv.kind.as_str(),
                    participant.id
                ),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(Ok(self.user(user_id).await?))
    }

    /// The account linked to a participant record, if there is one.
    pub async fn participant_account(
        &self,
        participant: ParticipantId,
    ) -> Result<Option<User>, StoreError> {
        self.account_of(Invitee::Participant(participant)).await
    }

    /// The account an invitee has (a participant's or a contact person's), if any.
    pub(crate) async fn account_of(&self, invitee: Invitee) -> Result<Option<User>, StoreError> {
        let sql = format!("SELECT id FROM users WHERE {} = $1", invitee.column());
        let id: Option<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .bind(invitee.id())
            .fetch_optional(&self.pool)
            .await?;
        match id {
            Some(id) => {
                let id = UserId::parse(&id).map_err(|e| StoreError::corrupt("users", e))?;
                Ok(Some(self.user(id).await?))
            }
            None => Ok(None),
        }
    }

    /// Links an existing participant account to a participant record of its provider (the
    /// command line and tests; people go through an invitation).
    pub async fn link_participant_account(
        &self,
        actor: &Actor,
        user: UserId,
        participant: ParticipantId,
    ) -> Result<User, StoreError> {
        let p = self.participant(participant).await?;
        let invitee = Invitee::Participant(participant);
        self.link_account(actor, user, invitee, p.provider_id).await
    }

    /// Makes `user` the account of `invitee` of `provider`: only an account of the invitee's
    /// role (participant or employer) and provider, and only one per invitee.
    pub(crate) async fn link_account(
        &self,
        actor: &Actor,
        user: UserId,
        invitee: Invitee,
        provider: ProviderId,
    ) -> Result<User, StoreError> {
        let u = self.user(user).await?;
        let (role, code, taken) = match invitee {
            Invitee::Participant(_) => (
                Role::Participant,
                "not_participant",
                "this participant already has an account",
            ),
            Invitee::EmployerContact(_) => (
                Role::Employer,
                "not_employer",
                "this contact person already has an account",
            ),
            Invitee::Mentor(_) => (
                Role::Mentor,
                "not_mentor",
                "this mentor already has an account",
            ),
        };
        if u.role != role || u.provider_id != Some(provider) {
            let message = format!(
                "only a {} account of the same provider can be linked",
                role.as_str()
            );
            return Err(ParseError::new("user", code, message).into());
        }
        let mut tx = self.pool.begin().await?;
        let sql = format!(
            "UPDATE users SET {} = $1, updated_at = $2 WHERE id = $3",
            invitee.column()
        );
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(invitee.id())
            .bind(time::fmt(self.now()))
            .bind(user.to_string())
            .execute(&mut *tx)
            .await
            .map_err(|e| StoreError::unique_as(e, taken))?;
        if let Invitee::Participant(participant) = invitee {
            refresh_search_text(&mut tx, participant).await?;
        }
        let entry = actor.entry(
            Some(provider),
            AuditAction::Update,
            AuditEntity::User,
            user,
            format!("linked to {invitee}"),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.user(user).await
    }
}

/// An existing account may take over a participant record only if it is a participant
/// account of the same provider that no record holds yet.
fn relinkable(u: &User, p: &ParticipantRecord) -> bool {
    u.role == Role::Participant
        && u.participant_id.is_none()
        && u.provider_id == Some(p.provider_id)
}

/// Revokes the open invitations of `invitee` in an open transaction; returns how many.
async fn revoke_open(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    invitee: Invitee,
    now: DateTime<Utc>,
) -> Result<u64, StoreError> {
    let sql = format!(
        "UPDATE invitations SET revoked_at = $1 WHERE {} = $2 AND used_at IS NULL AND revoked_at IS NULL",
        invitee.column()
    );
    Ok(sqlx::query(sqlx::AssertSqlSafe(sql))
        .bind(time::fmt(now))
        .bind(invitee.id())
        .execute(&mut **tx)
        .await?
        .rows_affected())
}

/// Uses up an invitation in an open transaction; `false` when another request was first.
/// Gives an existing account a new password, activates it and ends its login sessions
/// (a redeemed invitation for someone who has an account already).
pub(crate) async fn set_password_in(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    user: UserId,
    hash: &str,
    now: &str,
) -> Result<(), StoreError> {
    sqlx::query("UPDATE users SET password_hash = $1, active = 1, updated_at = $2 WHERE id = $3")
        .bind(hash)
        .bind(now)
        .bind(user.to_string())
        .execute(&mut **tx)
        .await?;
    sqlx::query("DELETE FROM sessions WHERE user_id = $1")
        .bind(user.to_string())
        .execute(&mut **tx)
        .await?;
    Ok(())
}

pub(crate) async fn claim(
    tx: &mut sqlx::Transaction<'_, sqlx::Any>,
    inv: &Invitation,
    now: &str,
) -> Result<bool, StoreError> {
    let claimed = sqlx::query(
        "UPDATE invitations SET used_at = $1 WHERE id = $2 AND used_at IS NULL AND revoked_at IS NULL",
    )
    .bind(now)
    .bind(inv.id.to_string())
    .execute(&mut **tx)
    .await?
    .rows_affected();
    Ok(claimed == 1)
}
