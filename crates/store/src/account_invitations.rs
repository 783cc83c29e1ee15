//! Invitations for the accounts of people outside the participant record — an employer's
//! contact person (role `employer`) and a volunteer mentor (role `mentor`): an e-mail link
//! or a printed one-time code, as for participants, redeemed into an account that belongs to
//! exactly one such person (`users.employer_contact_id` / `users.mentor_id`).

use lernweg_domain::{Email, LoginId, ParseError, ProviderId, Role, UserId, check_password_policy};
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::invitations::{Invitee, claim, set_password_in};
use crate::secret::random_token;
use crate::users::hash_blocking;
use crate::{Invitation, InvitationKind, IssuedInvitation, Refusal, Store, StoreError, User, time};

/// The person an account invitation is for.
#[derive(Debug, Clone)]
pub(crate) struct AccountHolder {
    pub invitee: Invitee,
    pub role: Role,
    /// The account's display name.
    pub name: String,
    pub email: Option<Email>,
    pub provider: ProviderId,
}

impl Store {
    /// A new invitation for `holder`; their older open ones are revoked. An e-mail invitation
    /// needs their e-mail address.
    pub(crate) async fn invite_holder(
        &self,
        actor: &Actor,
        holder: &AccountHolder,
        kind: InvitationKind,
    ) -> Result<IssuedInvitation, StoreError> {
        if kind == InvitationKind::Email && holder.email.is_none() {
            return Err(ParseError::new(
                "email",
                "required",
                "an e-mail invitation needs the person's e-mail address",
            )
            .into());
        }
        let secret = match kind {
            InvitationKind::Email => random_token(),
            InvitationKind::Code => lernweg_domain::OneTimeCode::generate(rand::random()).grouped(),
        };
        let login = match self.account_of(holder.invitee).await? {
            Some(user) => Some(user.login_id()),
            None => self
                .unused_email(holder.email.as_ref())
                .await?
                .map(LoginId::Email),
        };
        self.issue_invitation(actor, holder.invitee, holder.provider, kind, secret, login)
            .await
    }

    /// The address, if it is given and no account uses it.
    pub(crate) async fn unused_email(
        &self,
        email: Option<&Email>,
    ) -> Result<Option<Email>, StoreError> {
        let Some(email) = email else { return Ok(None) };
        match self.user_by_email(email).await {
            Err(StoreError::NotFound) => Ok(Some(email.clone())),
            Ok(_) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Redeems an invitation of `holder` (see [`Store::redeem_invitation`]): their account
    /// gets `password`, created on the first redemption.
    pub(crate) async fn redeem_holder(
        &self,
        inv: &Invitation,
        holder: &AccountHolder,
        password: &str,
    ) -> Result<Result<User, Refusal>, StoreError> {
        check_password_policy(password)?;
        let hash = hash_blocking(password.to_owned()).await;
        let linked = self.account_of(holder.invitee).await?;
        // A new account logs in with the invitation's login name, else with the person's
        // address if it is still free, else with a new login name.
        let login = match (&linked, &inv.login_name) {
            (Some(_), _) => None,
            (None, Some(name)) => Some(LoginId::Name(name.clone())),
            (None, None) => Some(match self.unused_email(holder.email.as_ref()).await? {
                Some(email) => LoginId::Email(email),
                None => LoginId::Name(self.free_login_name().await?),
            }),
        };
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        if !claim(&mut tx, inv, &now).await? {
            return Ok(Err(Refusal::Used));
        }
        let user_id = match (linked, login) {
            (Some(u), _) => {
                set_password_in(&mut tx, u.id, &hash, &now).await?;
                u.id
            }
            (None, login) => {
                let (email, name) = match login {
                    Some(LoginId::Email(e)) => (e, None),
                    Some(LoginId::Name(n)) => (n.placeholder_email(), Some(n)),
                    None => return Err(StoreError::corrupt("invitations", "no login")),
                };
                let id = UserId::from_uuid(Uuid::now_v7());
                // The column is the invitee's own (a constant of `Invitee`), never input.
                let sql = format!(
                    "INSERT INTO users (id, email, display_name, role, provider_id, password_hash, active, created_at, updated_at, login_name, {}) \
                     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7, $8, $9)",
                    holder.invitee.column()
                );
                sqlx::query(sqlx::AssertSqlSafe(sql))
                    .bind(id.to_string())
                    .bind(email.as_str())
                    .bind(holder.name.clone())
                    .bind(holder.role.as_str())
                    .bind(holder.provider.to_string())
                    .bind(&hash)
                    .bind(&now)
                    .bind(name.as_ref().map(|n| n.as_str().to_owned()))
                    .bind(holder.invitee.id())
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| StoreError::unique_as(e, "this login is taken"))?;
                id
            }
        };
        let actor = Actor {
            user_id: Some(user_id),
            email: None,
        };
        let entry = actor.entry(
            Some(holder.provider),
            AuditAction::Update,
            AuditEntity::Invitation,
            inv.id,
            format!("{} redeemed for {}", inv.kind.as_str(), inv.invitee),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(Ok(self.user(user_id).await?))
    }
}
