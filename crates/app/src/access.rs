//! Participants' access to the portal, from the staff side: invitations (an e-mail link or a
//! printed one-time code) and their revocation, the linked account, and the participant's
//! calendar link. The participant is one the caller may see (another provider's: `NotFound`);
//! the routes admit the counselling roles only.

use lernweg_domain::ParticipantId;
use lernweg_store::{
    FeedToken, Invitation, InvitationKind, IssuedInvitation, ParticipantRecord, User,
};

use crate::{App, AppError, Caller};

/// What the participant page shows about a participant's access.
#[derive(Debug, Clone, Default)]
pub struct PortalAccess {
    /// The linked account, if there is one.
    pub account: Option<User>,
    /// Every invitation, newest first.
    pub invitations: Vec<Invitation>,
    /// The participant's calendar link, if one is issued.
    pub feed: Option<FeedToken>,
}

/// The access of a participant the caller has read (the participant page).
pub async fn of(app: &App, p: &ParticipantRecord) -> Result<PortalAccess, AppError> {
    Ok(PortalAccess {
        account: app.store.participant_account(p.id).await?,
        invitations: app.store.invitations_of(p.id).await?,
        feed: app.store.participant_feed(p.id).await?,
    })
}

/// A new invitation with what its letter or e-mail names.
#[derive(Debug)]
pub struct Invited {
    pub participant: ParticipantRecord,
    pub issued: IssuedInvitation,
    /// The display name of the contact person, if one is set.
    pub contact_person: Option<String>,
}

/// The participant, if the caller may see them (no audit entry: each action writes its own).
pub async fn participant(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
) -> Result<ParticipantRecord, AppError> {
    crate::visible::participant_record(app, &caller.principal, id).await
}

/// Issues an invitation of `kind` (earlier open ones stop working; the store audits it).
pub async fn invite(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
    kind: InvitationKind,
) -> Result<Invited, AppError> {
    let participant = participant(app, caller, id).await?;
    let issued = app
        .store
        .create_invitation(&caller.actor, &participant, kind)
        .await?;
    let contact_person = crate::participants::contact_person(app, &participant)
        .await?
        .map(|u| u.display_name);
    Ok(Invited {
        participant,
        issued,
        contact_person,
    })
}

/// Open invitations stop working (also for an invitation e-mail that could not be sent).
pub async fn revoke_invitations(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
) -> Result<ParticipantRecord, AppError> {
    let p = participant(app, caller, id).await?;
    app.store.revoke_invitations(&caller.actor, &p).await?;
    Ok(p)
}

/// The participant's calendar link stops working (they can make a new one on their path).
pub async fn revoke_feed(
    app: &App,
    caller: &Caller,
    id: ParticipantId,
) -> Result<ParticipantRecord, AppError> {
    let p = participant(app, caller, id).await?;
    app.store
        .revoke_participant_feeds(&caller.actor, p.id, p.provider_id)
        .await?;
    Ok(p)
}
