//! Employer contacts' access (issue 13, point 2): invitations for a contact person (an
//! e-mail link or a printed one-time code, as for participants), their redemption into an
//! employer account, and what an employer sees: which of its linked employees are in which
//! cohorts.
//!
//! An employer account has role `employer`, belongs to exactly one contact person
//! (`users.employer_contact_id`) and to the employer's provider. Removing the contact from the
//! employer removes the account (ON DELETE CASCADE).

use lernweg_domain::{
    CohortId, Email, EmployerContactId, EmployerId, LoginId, ParseError, ParticipantId, Role,
    UserId, check_password_policy,
};
use sqlx::Row;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::invitations::{Invitee, claim, set_password_in};
use crate::secret::random_token;
use crate::users::hash_blocking;
use crate::{
    EmployerContact, EmployerRecord, Invitation, InvitationKind, IssuedInvitation, Refusal, Store,
    StoreError, User, time,
};

/// One linked employee in one cohort (a participant in several cohorts has several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeCohort {
    pub participant_id: ParticipantId,
    pub given_name: String,
    pub family_name: String,
    pub cohort_id: CohortId,
}

impl Store {
    /// A contact person with their employer.
    pub async fn employer_contact(
        &self,
        id: EmployerContactId,
    ) -> Result<(EmployerRecord, EmployerContact), StoreError> {
        let employer: String =
            sqlx::query_scalar("SELECT employer_id FROM employer_contacts WHERE id = $1")
                .bind(id.to_string())
                .fetch_optional(&self.pool)
                .await?
                .ok_or(StoreError::NotFound)?;
        let employer = EmployerId::parse(&employer)
            .map_err(|e| StoreError::corrupt("employer_contacts", e))?;
        let record = self.employer(employer).await?;
        let contact = record
            .contacts
            .iter()
            .find(|c| c.id == id)
            .cloned()
            .ok_or(StoreError::NotFound)?;
        Ok((record, contact))
    }

    /// The account of a contact person, if they have one.
    pub async fn contact_account(
        &self,
        contact: EmployerContactId,
    ) -> Result<Option<User>, StoreError> {
        self.account_of(Invitee::EmployerContact(contact)).await
    }

    /// A new invitation for a contact person of `employer`; older open ones are revoked. An
    /// e-mail invitation needs the contact's e-mail address.
    pub async fn create_contact_invitation(
        &self,
        actor: &Actor,
        employer: &EmployerRecord,
        contact: &EmployerContact,
        kind: InvitationKind,
    ) -> Result<IssuedInvitation, StoreError> {
        if kind == InvitationKind::Email && contact.email.is_none() {
            return Err(ParseError::new(
                "email",
                "required",
                "an e-mail invitation needs the contact person's e-mail address",
            )
            .into());
        }
        let secret = match kind {
            InvitationKind::Email => random_token(),
            InvitationKind::Code => lernweg_domain::OneTimeCode::generate(rand::random()).grouped(),
        };
        let login = self.planned_contact_login(contact).await?;
        let invitee = Invitee::EmployerContact(contact.id);
        self.issue_invitation(actor, invitee, employer.provider_id, kind, secret, login)
            .await
    }

    /// What the contact will log in with, unless a new login name is needed (`None`): the
    /// account's login, or their e-mail address while no account uses it.
    async fn planned_contact_login(
        &self,
        contact: &EmployerContact,
    ) -> Result<Option<LoginId>, StoreError> {
        if let Some(user) = self.contact_account(contact.id).await? {
            return Ok(Some(user.login_id()));
        }
        Ok(self
            .unused_email(contact.email.as_ref())
            .await?
            .map(LoginId::Email))
    }

    /// The address, if it is given and no account uses it.
    async fn unused_email(&self, email: Option<&Email>) -> Result<Option<Email>, StoreError> {
        let Some(email) = email else { return Ok(None) };
        match self.user_by_email(email).await {
            Err(StoreError::NotFound) => Ok(Some(email.clone())),
            Ok(_) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Redeems a contact person's invitation (see [`Store::redeem_invitation`]): their
    /// employer account gets `password`, created on the first redemption.
    pub(crate) async fn redeem_contact_invitation(
        &self,
        inv: &Invitation,
        contact: EmployerContactId,
        password: &str,
    ) -> Result<Result<User, Refusal>, StoreError> {
        check_password_policy(password)?;
        let (employer, contact) = self.employer_contact(contact).await?;
        let hash = hash_blocking(password.to_owned()).await;
        let linked = self.contact_account(contact.id).await?;
        // A new account logs in with the invitation's login name, else with the contact's
        // address if it is still free, else with a new login name.
        let login = match (&linked, &inv.login_name) {
            (Some(_), _) => None,
            (None, Some(name)) => Some(LoginId::Name(name.clone())),
            (None, None) => Some(match self.unused_email(contact.email.as_ref()).await? {
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
                sqlx::query(
                    "INSERT INTO users (id, email, display_name, role, provider_id, password_hash, active, created_at, updated_at, login_name, employer_contact_id) \
                     VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $7, $8, $9)",
                )
                .bind(id.to_string())
                .bind(email.as_str())
                .bind(contact.name.clone())
                .bind(Role::Employer.as_str())
                .bind(employer.provider_id.to_string())
                .bind(&hash)
                .bind(&now)
                .bind(name.as_ref().map(|n| n.as_str().to_owned()))
                .bind(contact.id.to_string())
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
            Some(employer.provider_id),
            AuditAction::Update,
            AuditEntity::Invitation,
            inv.id,
            format!("{} redeemed for {}", inv.kind.as_str(), inv.invitee),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(Ok(self.user(user_id).await?))
    }

    /// Makes an existing employer account the account of a contact person (an admin's repair,
    /// and the test harness); invitations are the usual way.
    pub async fn link_employer_account(
        &self,
        actor: &Actor,
        user: UserId,
        contact: EmployerContactId,
    ) -> Result<User, StoreError> {
        let (employer, _) = self.employer_contact(contact).await?;
        let invitee = Invitee::EmployerContact(contact);
        self.link_account(actor, user, invitee, employer.provider_id)
            .await
    }

    /// The employer's actively linked employees with the cohorts they take part in (every
    /// enrolment but a drop-out), by name: one query.
    pub async fn employee_cohorts(
        &self,
        employer: EmployerId,
    ) -> Result<Vec<EmployeeCohort>, StoreError> {
        let rows = sqlx::query(
            "SELECT l.participant_id, p.given_name, p.family_name, en.cohort_id \
             FROM employments l JOIN participants p ON p.id = l.participant_id \
             JOIN enrolments en ON en.participant_id = l.participant_id \
             WHERE l.employer_id = $1 AND l.ended_on IS NULL AND en.status <> 'dropped' \
             ORDER BY p.family_name, p.given_name, l.participant_id, en.cohort_id",
        )
        .bind(employer.to_string())
        .fetch_all(&self.pool)
        .await?;
        let bad = |e: ParseError| StoreError::corrupt("employments", e);
        rows.iter()
            .map(|r| {
                Ok(EmployeeCohort {
                    participant_id: ParticipantId::parse(
                        &r.try_get::<String, _>("participant_id")?,
                    )
                    .map_err(bad)?,
                    given_name: r.try_get("given_name")?,
                    family_name: r.try_get("family_name")?,
                    cohort_id: CohortId::parse(&r.try_get::<String, _>("cohort_id")?)
                        .map_err(bad)?,
                })
            })
            .collect()
    }
}
