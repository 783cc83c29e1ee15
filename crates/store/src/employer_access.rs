//! Employer contacts' access (issue 13, point 2): invitations for a contact person (an
//! e-mail link or a printed one-time code, as for participants), their redemption into an
//! employer account, and what an employer sees: which of its linked employees are in which
//! cohorts.
//!
//! An employer account has role `employer`, belongs to exactly one contact person
//! (`users.employer_contact_id`) and to the employer's provider. Removing the contact from the
//! employer removes the account (ON DELETE CASCADE).

use lernweg_domain::{
    CohortId, EmployerContactId, EmployerId, ParseError, ParticipantId, Role, UserId,
};
use sqlx::Row;

use crate::account_invitations::AccountHolder;
use crate::audit::Actor;
use crate::invitations::Invitee;
use crate::{
    EmployerContact, EmployerRecord, Invitation, InvitationKind, IssuedInvitation, Refusal, Store,
    StoreError, User,
};

/// One linked employee in one cohort (a participant in several cohorts has several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EmployeeCohort {
    pub participant_id: ParticipantId,
    pub given_name: String,
    pub family_name: String,
    pub cohort_id: CohortId,
}

fn contact_holder(employer: &EmployerRecord, contact: &EmployerContact) -> AccountHolder {
    AccountHolder {
        invitee: Invitee::EmployerContact(contact.id),
        role: Role::Employer,
        name: contact.name.clone(),
        email: contact.email.clone(),
        provider: employer.provider_id,
    }
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
        self.invite_holder(actor, &contact_holder(employer, contact), kind)
            .await
    }

    /// Redeems a contact person's invitation (see [`Store::redeem_invitation`]): their
    /// employer account gets `password`, created on the first redemption.
    pub(crate) async fn redeem_contact_invitation(
        &self,
        inv: &Invitation,
        contact: EmployerContactId,
        password: &str,
    ) -> Result<Result<User, Refusal>, StoreError> {
        let (employer, contact) = self.employer_contact(contact).await?;
        self.redeem_holder(inv, &contact_holder(&employer, &contact), password)
            .await
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
