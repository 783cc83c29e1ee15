//! Portal access: invitations by e-mail link and printed code, their redemption into a
//! participant account, login by e-mail or login name, participant feeds and erasure.

use lernweg_domain::{Email, LoginId, OneTimeCode, ProviderName, Role, State};
use lernweg_participants::ParticipantDraft;
use lernweg_store::testing::TestDb;
use lernweg_store::{
    Actor, FeedKind, InvitationKind, InvitationStatus, NewProvider, NewUser, ParticipantRecord,
    Refusal, StoreError,
};

const PW: &str = "mein-neues-passwort";

fn data(email: Option<&str>) -> lernweg_participants::ParticipantData {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": "Oleksandr", "family_name": "Kovalenko", "email": email.unwrap_or(""),
        "mother_tongue": "uk", "german_level": "B1", "preferred_channel": "phone"
    }))
    .unwrap();
    draft.validate(2026).unwrap()
}

async fn setup(email: Option<&str>) -> (TestDb, ParticipantRecord) {
    let db = TestDb::new().await;
    let s = &db.store;
    let p = s
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse("Träger").unwrap(),
                state: State::NW,
            },
        )
        .await
        .unwrap();
    let rec = s
        .create_participant(&Actor::system(), p.id, None, data(email))
        .await
        .unwrap();
    (db, rec)
}

fn staff() -> Actor {
    Actor::system()
}

#[tokio::test]
async fn printed_code_creates_an_account_with_a_login_name_once() {
    let (db, p) = setup(None).await;
    let s = &db.store;
    let issued = s
        .create_invitation(&staff(), &p, InvitationKind::Code)
        .await
        .unwrap();
    assert_eq!(issued.secret.len(), 14, "grouped: XXXX-XXXX-XXXX");
    let LoginId::Name(name) = &issued.login else {
        panic!("no e-mail: a login name, got {:?}", issued.login)
    };
    assert_eq!(issued.invitation.login_name.as_ref(), Some(name));
    // Typed in lower case with spaces: still the code.
    let typed = issued.secret.to_lowercase().replace('-', " ");
    let found = s
        .invitation_by_secret(InvitationKind::Code, &typed)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(found.id, issued.invitation.id);
    // A code is not a link secret.
    assert_eq!(
        s.invitation_by_secret(InvitationKind::Email, &issued.secret)
            .await
            .unwrap()
            .unwrap_err(),
        Refusal::Unknown
    );
    // Too short a password: refused, the code stays usable.
    let err = s
        .redeem_invitation(InvitationKind::Code, &typed, "kurz")
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(e) if e.code == "too_short"));
    let user = s
        .redeem_invitation(InvitationKind::Code, &typed, PW)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.role, Role::Participant);
    assert_eq!(user.participant_id, Some(p.id));
    assert_eq!(user.provider_id, Some(p.provider_id));
    assert_eq!(user.login_name.as_ref(), Some(name));
    assert!(user.email.as_str().ends_with("@login.invalid"));
    assert_eq!(user.display_name, "Oleksandr Kovalenko");
    let again = s
        .redeem_invitation(InvitationKind::Code, &issued.secret, PW)
        .await
        .unwrap();
    assert_eq!(again.unwrap_err(), Refusal::Used);
    let login = s
        .verify_login_id(&LoginId::Name(name.clone()), PW)
        .await
        .unwrap()
        .expect("login by name");
    assert_eq!(login.id, user.id);
    assert!(
        s.verify_login_id(&LoginId::Name(name.clone()), "falsches-passwort")
            .await
            .unwrap()
            .is_none()
    );
    let inv = s.invitations_of(p.id).await.unwrap();
    assert_eq!(inv[0].status(chrono::Utc::now()), InvitationStatus::Used);
    assert_eq!(
        s.participant_account(p.id).await.unwrap().unwrap().id,
        user.id
    );
}

#[tokio::test]
async fn a_new_invitation_revokes_the_open_one_and_email_is_the_login() {
    let (db, p) = setup(Some("o.kovalenko@example.org")).await;
    let s = &db.store;
    let first = s
        .create_invitation(&staff(), &p, InvitationKind::Email)
        .await
        .unwrap();
    assert_eq!(first.secret.len(), 43);
    assert_eq!(
        first.login,
        LoginId::Email(Email::parse("o.kovalenko@example.org").unwrap())
    );
    let second = s
        .create_invitation(&staff(), &p, InvitationKind::Email)
        .await
        .unwrap();
    let r = s
        .redeem_invitation(InvitationKind::Email, &first.secret, PW)
        .await
        .unwrap();
    assert_eq!(r.unwrap_err(), Refusal::Revoked);
    let user = s
        .redeem_invitation(InvitationKind::Email, &second.secret, PW)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.email.as_str(), "o.kovalenko@example.org");
    assert!(user.login_name.is_none());
    assert!(
        s.verify_login(&user.email, PW).await.unwrap().is_some(),
        "login by e-mail"
    );
    let statuses: Vec<_> = s
        .invitations_of(p.id)
        .await
        .unwrap()
        .iter()
        .map(|i| i.status(chrono::Utc::now()))
        .collect();
    assert_eq!(
        statuses,
        vec![InvitationStatus::Used, InvitationStatus::Revoked]
    );
    // A later code for the same person gives the same account a new password.
    let code = s
        .create_invitation(&staff(), &p, InvitationKind::Code)
        .await
        .unwrap();
    assert_eq!(code.login, user.login_id(), "the existing login is kept");
    let again = s
        .redeem_invitation(InvitationKind::Code, &code.secret, "ein-anderes-passwort")
        .await
        .unwrap()
        .unwrap();
    assert_eq!(again.id, user.id);
    assert!(s.verify_login(&user.email, PW).await.unwrap().is_none());
    assert!(
        s.verify_login(&user.email, "ein-anderes-passwort")
            .await
            .unwrap()
            .is_some()
    );
}

#[tokio::test]
async fn staff_revoke_and_expiry_close_invitations() {
    let (db, p) = setup(Some("o.k@example.org")).await;
    let s = &db.store;
    let a = s
        .create_invitation(&staff(), &p, InvitationKind::Code)
        .await
        .unwrap();
    assert_eq!(s.revoke_invitations(&staff(), &p).await.unwrap(), 1);
    assert_eq!(s.revoke_invitations(&staff(), &p).await.unwrap(), 0);
    assert_eq!(
        s.redeem_invitation(InvitationKind::Code, &a.secret, PW)
            .await
            .unwrap()
            .unwrap_err(),
        Refusal::Revoked
    );
    let b = s
        .create_invitation(&staff(), &p, InvitationKind::Email)
        .await
        .unwrap();
    let days = (b.invitation.expires_at - b.invitation.created_at).num_days();
    assert_eq!(days, lernweg_store::INVITATION_DAYS);
    assert_eq!(
        db.execute(
            "UPDATE invitations SET expires_at = '2000-01-01T00:00:00Z' WHERE revoked_at IS NULL"
        )
        .await,
        1
    );
    assert_eq!(
        s.redeem_invitation(InvitationKind::Email, &b.secret, PW)
            .await
            .unwrap()
            .unwrap_err(),
        Refusal::Expired
    );
    assert_eq!(
        s.redeem_invitation(InvitationKind::Email, &"x".repeat(43), PW)
            .await
            .unwrap()
            .unwrap_err(),
        Refusal::Unknown
    );
    assert!(s.participant_account(p.id).await.unwrap().is_none());
    let log = s.audit_entries(None, 50).await.unwrap();
    assert!(
        log.iter()
            .filter(|e| e.entity == "invitation")
            .all(|e| !e.detail.contains("Kovalenko")),
        "no names in the audit log"
    );
    assert!(log.iter().filter(|e| e.entity == "invitation").count() >= 3);
}

#[tokio::test]
async fn email_invitation_needs_an_address_and_a_taken_address_gets_a_login_name() {
    let (db, p) = setup(None).await;
    let s = &db.store;
    let err = s
        .create_invitation(&staff(), &p, InvitationKind::Email)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Invalid(e) if e.field == "email"));
    // A staff member with the participant's address: the participant gets a login name.
    let other = s
        .create_participant(
            &Actor::system(),
            p.provider_id,
            None,
            data(Some("geteilt@example.org")),
        )
        .await
        .unwrap();
    s.create_user(
        &Actor::system(),
        NewUser {
            email: Email::parse("geteilt@example.org").unwrap(),
            display_name: "Beratung".into(),
            role: Role::Counsellor,
            provider_id: Some(p.provider_id),
            password: None,
        },
    )
    .await
    .unwrap();
    let inv = s
        .create_invitation(&staff(), &other, InvitationKind::Email)
        .await
        .unwrap();
    assert!(matches!(inv.login, LoginId::Name(_)));
    let user = s
        .redeem_invitation(InvitationKind::Email, &inv.secret, PW)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.login_id(), inv.login);
    assert_eq!(user.role, Role::Participant);
}

#[tokio::test]
async fn an_unlinked_participant_account_is_relinked() {
    let (db, p) = setup(Some("o.k@example.org")).await;
    let s = &db.store;
    let orphan = s
        .create_user(
            &Actor::system(),
            NewUser {
                email: Email::parse("o.k@example.org").unwrap(),
                display_name: "O. K.".into(),
                role: Role::Participant,
                provider_id: Some(p.provider_id),
                password: None,
            },
        )
        .await
        .unwrap();
    let code = OneTimeCode::parse("K7QM-4XPD-2H9R").unwrap();
    let inv = s.create_code_invitation(&staff(), &p, &code).await.unwrap();
    assert_eq!(inv.secret, "K7QM-4XPD-2H9R");
    let user = s
        .redeem_invitation(InvitationKind::Code, "k7qm4xpd2h9r", PW)
        .await
        .unwrap()
        .unwrap();
    assert_eq!(user.id, orphan.id);
    assert_eq!(user.participant_id, Some(p.id));
    // A second account cannot be linked to the same record.
    let other = s
        .create_user(
            &Actor::system(),
            NewUser {
                email: Email::parse("zweit@example.org").unwrap(),
                display_name: "Zweit".into(),
                role: Role::Participant,
                provider_id: Some(p.provider_id),
                password: None,
            },
        )
        .await
        .unwrap();
    let err = s
        .link_participant_account(&staff(), other.id, p.id)
        .await
        .unwrap_err();
    assert!(matches!(err, StoreError::Conflict(_)), "{err:?}");
}

#[tokio::test]
async fn participant_feeds_renew_and_erasure_removes_account_and_feeds() {
    let (db, p) = setup(None).await;
    let s = &db.store;
    let inv = s
        .create_invitation(&staff(), &p, InvitationKind::Code)
        .await
        .unwrap();
    let user = s
        .redeem_invitation(InvitationKind::Code, &inv.secret, PW)
        .await
        .unwrap()
        .unwrap();
    let (secret, _) = s.create_session(&user).await.unwrap();
    let first = s
        .renew_participant_feed(&staff(), p.id, p.provider_id)
        .await
        .unwrap();
    assert_eq!(first.feed.kind, FeedKind::Participant);
    assert!(s.feed_by_secret(&first.secret).await.unwrap().is_some());
    let second = s
        .renew_participant_feed(&staff(), p.id, p.provider_id)
        .await
        .unwrap();
    assert!(
        s.feed_by_secret(&first.secret).await.unwrap().is_none(),
        "the old link is revoked"
    );
    let live = s.participant_feed(p.id).await.unwrap().unwrap();
    assert_eq!(live.id, second.feed.id);
    assert_eq!(
        s.revoke_participant_feeds(&staff(), p.id, p.provider_id)
            .await
            .unwrap(),
        1
    );
    assert!(s.participant_feed(p.id).await.unwrap().is_none());
    let third = s
        .renew_participant_feed(&staff(), p.id, p.provider_id)
        .await
        .unwrap();
    s.erase_participant(&staff(), p.id).await.unwrap();
    assert!(matches!(s.user(user.id).await, Err(StoreError::NotFound)));
    assert!(s.session(&secret).await.unwrap().is_none());
    assert!(s.feed_by_secret(&third.secret).await.unwrap().is_none());
    assert!(s.invitations_of(p.id).await.unwrap().is_empty());
}
