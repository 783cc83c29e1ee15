//! Demo portal access: two participants of the first provider with accounts (they went
//! through a printed code and chose the demo password), one with a calendar link, and an open
//! printed code with a known value for a third, to try the redemption.

use anyhow::anyhow;
use lernweg_domain::{OneTimeCode, ProviderId};
use lernweg_store::{Actor, InvitationKind, ParticipantRecord, Store};

use crate::demo::PASSWORD;

/// The open printed code of the demo (Amina Haddad, Arabic): enter it at `/code`.
pub const DEMO_CODE: &str = "K7QM-4XPD-2H9R";

/// Participant logins of the demo (e-mail, what it is).
pub const LOGINS: [(&str, &str); 2] = [
    (
        "samuel.mensah1@mail.demo.example",
        "participant · Samuel Mensah, active (portal in English)",
    ),
    (
        "iwan.petrow1@mail.demo.example",
        "participant · Iwan Petrow, active after a pause (portal in Russian)",
    ),
];

fn find<'a>(all: &'a [ParticipantRecord], given: &str) -> anyhow::Result<&'a ParticipantRecord> {
    all.iter()
        .find(|p| p.data.given_name == given)
        .ok_or_else(|| anyhow!("demo participant {given} is missing"))
}

/// Creates what is missing; safe to run again.
pub async fn seed(store: &Store, provider: ProviderId) -> anyhow::Result<()> {
    let actor = Actor::user(
        store
            .user_by_email(&lernweg_domain::Email::parse("beratung1@demo.example")?)
            .await?
            .id,
        "beratung1@demo.example",
    );
    let all = store.participants(Some(provider)).await?;
    for given in ["Samuel", "Iwan"] {
        let p = find(&all, given)?;
        if store.participant_account(p.id).await?.is_some() {
            continue;
        }
        let inv = store
            .create_invitation(&actor, p, InvitationKind::Code)
            .await?;
        store
            .redeem_invitation(InvitationKind::Code, &inv.secret, PASSWORD)
            .await?
            .map_err(|r| anyhow!("demo invitation of {given}: {r:?}"))?;
    }
    let iwan = find(&all, "Iwan")?;
    if store.participant_feed(iwan.id).await?.is_none() {
        store
            .renew_participant_feed(&actor, iwan.id, provider)
            .await?;
    }
    let amina = find(&all, "Amina")?;
    if store.invitations_of(amina.id).await?.is_empty() {
        let code = OneTimeCode::parse(DEMO_CODE).map_err(|e| anyhow!("{e}"))?;
        store.create_code_invitation(&actor, amina, &code).await?;
    }
    Ok(())
}
