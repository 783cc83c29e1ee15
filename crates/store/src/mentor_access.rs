//! Mentors' access and what they get back (issue 15, point 5): invitations for a mentor of the
//! pool (an e-mail link or a printed code, as for participants) redeemed into an account of
//! role `mentor` that belongs to exactly one mentor (`users.mentor_id`); the workshops and
//! networking events offered to mentors, their sign-ups and attendance.

use chrono::NaiveDate;
use lernweg_domain::{MentorEventId, MentorId, ParseError, ProviderId, Role, UserId};
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::account_invitations::AccountHolder;
use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::invitations::Invitee;
use crate::mentoring::MentorRecord;
use crate::{Invitation, InvitationKind, IssuedInvitation, Refusal, Store, StoreError, User, time};

/// What a mentor event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Workshop,
    Networking,
}

impl EventKind {
    pub fn as_str(self) -> &'static str {
        match self {
            EventKind::Workshop => "workshop",
            EventKind::Networking => "networking",
        }
    }

    pub fn parse(s: &str) -> Option<EventKind> {
        match s.trim() {
            "workshop" => Some(EventKind::Workshop),
            "networking" => Some(EventKind::Networking),
            _ => None,
        }
    }
}

/// A new workshop or networking event (checked by the caller).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewMentorEvent {
    pub kind: EventKind,
    pub title: String,
    pub date: NaiveDate,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    pub place: String,
    pub capacity: u32,
    pub description: String,
}

/// An event with how many have signed up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentorEvent {
    pub id: MentorEventId,
    pub provider_id: ProviderId,
    pub event: NewMentorEvent,
    pub signed_up: u32,
}

/// A mentor's sign-up for an event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signup {
    pub event_id: MentorEventId,
    pub mentor_id: MentorId,
    pub mentor_name: String,
    /// `None` until staff record it.
    pub attended: Option<bool>,
}

fn holder(m: &MentorRecord) -> AccountHolder {
    AccountHolder {
        invitee: Invitee::Mentor(m.id),
        role: Role::Mentor,
        name: m.profile.name.clone(),
        email: m.profile.email.clone(),
        provider: m.provider_id,
    }
}

fn event_from_row(r: &AnyRow) -> Result<MentorEvent, StoreError> {
    const T: &str = "mentor_events";
    let bad = |e: ParseError| StoreError::corrupt(T, e);
    let kind: String = r.try_get("kind")?;
    Ok(MentorEvent {
        id: MentorEventId::parse(&r.try_get::<String, _>("id")?).map_err(bad)?,
        provider_id: ProviderId::parse(&r.try_get::<String, _>("provider_id")?).map_err(bad)?,
        event: NewMentorEvent {
            kind: EventKind::parse(&kind)
                .ok_or_else(|| StoreError::corrupt(T, format!("kind {kind:?}")))?,
            title: r.try_get("title")?,
            date: parse_date(T, &r.try_get::<String, _>("date")?)?,
            start: r.try_get("start_time")?,
            end: r.try_get("end_time")?,
            place: r.try_get("place")?,
            capacity: u32::try_from(r.try_get::<i64, _>("capacity")?).unwrap_or(0),
            description: r.try_get("description")?,
        },
        signed_up: u32::try_from(r.try_get::<i64, _>("signed_up")?).unwrap_or(0),
    })
}

const EVENT_SELECT: &str = "SELECT e.id, e.provider_id, e.kind, e.title, e.date, e.start_time, \
    e.end_time, e.place, e.capacity, e.description, \
    (SELECT COUNT(*) FROM mentor_event_signups s WHERE s.event_id = e.id) AS signed_up \
    FROM mentor_events e";

impl Store {
    /// The account of a mentor, if they have one.
    pub async fn mentor_account(&self, mentor: MentorId) -> Result<Option<User>, StoreError> {
        self.account_of(Invitee::Mentor(mentor)).await
    }

    /// A new invitation for a mentor; their older open ones are revoked.
    pub async fn create_mentor_invitation(
        &self,
        actor: &Actor,
        mentor: &MentorRecord,
        kind: InvitationKind,
    ) -> Result<IssuedInvitation, StoreError> {
        self.invite_holder(actor, &holder(mentor), kind).await
    }

    /// Redeems a mentor's invitation: their account gets `password`, created on the first
    /// redemption.
    pub(crate) async fn redeem_mentor_invitation(
        &self,
        inv: &Invitation,
        mentor: MentorId,
        password: &str,
    ) -> Result<Result<User, Refusal>, StoreError> {
        let m = self.mentor(mentor).await?;
        self.redeem_holder(inv, &holder(&m), password).await
    }

    /// Makes an existing mentor account the account of a mentor (the test harness and an
    /// admin's repair; invitations are the usual way).
    pub async fn link_mentor_account(
        &self,
        actor: &Actor,
        user: UserId,
        mentor: MentorId,
    ) -> Result<User, StoreError> {
        let m = self.mentor(mentor).await?;
        self.link_account(actor, user, Invitee::Mentor(mentor), m.provider_id)
            .await
    }

    // ---------------------------------------------------------------- events

    pub async fn create_mentor_event(
        &self,
        actor: &Actor,
        provider: ProviderId,
        e: &NewMentorEvent,
    ) -> Result<MentorEvent, StoreError> {
        let id = MentorEventId::from_uuid(Uuid::now_v7());
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO mentor_events (id, provider_id, kind, title, date, start_time, end_time, \
             place, capacity, description, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(id.to_string())
        .bind(provider.to_string())
        .bind(e.kind.as_str())
        .bind(&e.title)
        .bind(e.date.to_string())
        .bind(&e.start)
        .bind(&e.end)
        .bind(&e.place)
        .bind(i64::from(e.capacity))
        .bind(&e.description)
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await?;
        let entry = actor.entry(
            Some(provider),
            AuditAction::Create,
            AuditEntity::MentorEvent,
            id,
            e.title.clone(),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.mentor_event(id).await
    }

    pub async fn mentor_event(&self, id: MentorEventId) -> Result<MentorEvent, StoreError> {
        let row = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{EVENT_SELECT} WHERE e.id = $1"
        )))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        event_from_row(&row)
    }

    /// A provider's events from `from` on, earliest first.
    pub async fn mentor_events_of(
        &self,
        provider: ProviderId,
        from: NaiveDate,
    ) -> Result<Vec<MentorEvent>, StoreError> {
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "{EVENT_SELECT} WHERE e.provider_id = $1 AND e.date >= $2 \
             ORDER BY e.date, e.start_time, e.id"
        )))
        .bind(provider.to_string())
        .bind(from.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(event_from_row).collect()
    }

    /// Signs a mentor up; `Conflict` when the event is full or they are signed up already.
    pub async fn sign_up_mentor(
        &self,
        actor: &Actor,
        event: &MentorEvent,
        mentor: MentorId,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let taken: i64 =
            sqlx::query_scalar("SELECT COUNT(*) FROM mentor_event_signups WHERE event_id = $1")
                .bind(event.id.to_string())
                .fetch_one(&mut *tx)
                .await?;
        if taken >= i64::from(event.event.capacity) {
            return Err(StoreError::Conflict("event_full"));
        }
        sqlx::query(
            "INSERT INTO mentor_event_signups (event_id, mentor_id, signed_up_at) \
             VALUES ($1, $2, $3)",
        )
        .bind(event.id.to_string())
        .bind(mentor.to_string())
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::unique_as(e, "already_signed_up"))?;
        let entry = actor.entry(
            Some(event.provider_id),
            AuditAction::Create,
            AuditEntity::MentorEvent,
            event.id,
            format!("sign-up of mentor {mentor}"),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Withdraws a mentor's sign-up (nothing happens when there is none).
    pub async fn withdraw_signup(
        &self,
        actor: &Actor,
        event: &MentorEvent,
        mentor: MentorId,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM mentor_event_signups WHERE event_id = $1 AND mentor_id = $2")
            .bind(event.id.to_string())
            .bind(mentor.to_string())
            .execute(&mut *tx)
            .await?;
        let entry = actor.entry(
            Some(event.provider_id),
            AuditAction::Delete,
            AuditEntity::MentorEvent,
            event.id,
            format!("sign-up of mentor {mentor} withdrawn"),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The sign-ups of an event, by name.
    pub async fn signups_of(&self, event: MentorEventId) -> Result<Vec<Signup>, StoreError> {
        let rows = sqlx::query(
            "SELECT s.mentor_id, m.name, s.attended FROM mentor_event_signups s \
             JOIN mentors m ON m.id = s.mentor_id WHERE s.event_id = $1 ORDER BY m.name, m.id",
        )
        .bind(event.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Signup {
                    event_id: event,
                    mentor_id: MentorId::parse(&r.try_get::<String, _>("mentor_id")?)
                        .map_err(|e| StoreError::corrupt("mentor_event_signups", e))?,
                    mentor_name: r.try_get("name")?,
                    attended: r.try_get::<Option<i64>, _>("attended")?.map(|a| a == 1),
                })
            })
            .collect()
    }

    /// Records whether a signed-up mentor attended; `NotFound` when they were not signed up.
    pub async fn set_event_attendance(
        &self,
        actor: &Actor,
        event: &MentorEvent,
        mentor: MentorId,
        attended: bool,
    ) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        let n = sqlx::query(
            "UPDATE mentor_event_signups SET attended = $1 WHERE event_id = $2 AND mentor_id = $3",
        )
        .bind(i64::from(attended))
        .bind(event.id.to_string())
        .bind(mentor.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n != 1 {
            return Err(StoreError::NotFound);
        }
        let entry = actor.entry(
            Some(event.provider_id),
            AuditAction::Update,
            AuditEntity::MentorEvent,
            event.id,
            format!("mentor {mentor} attended: {attended}"),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The events a mentor has signed up for.
    pub async fn signups_of_mentor(
        &self,
        mentor: MentorId,
    ) -> Result<Vec<MentorEventId>, StoreError> {
        let ids: Vec<String> =
            sqlx::query_scalar("SELECT event_id FROM mentor_event_signups WHERE mentor_id = $1")
                .bind(mentor.to_string())
                .fetch_all(&self.pool)
                .await?;
        ids.iter()
            .map(|i| {
                MentorEventId::parse(i).map_err(|e| StoreError::corrupt("mentor_event_signups", e))
            })
            .collect()
    }
}
