//! Tandems from proposal to closing (issue 15, points 2 and 4): the matching's proposals
//! replace the open ones of a provider; staff accept, reject or swap them; a running tandem
//! is closed with feedback from both sides. The rules are `lernweg_app::mentoring`.

use chrono::NaiveDate;
use lernweg_domain::{MentorId, ParticipantId, ProviderId, TandemId};
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::mentoring::{
    NewProposal, TANDEM_COLUMNS as TANDEM_SELECT, Tandem, TandemSide, tandem_from_row as tandem_row,
};
use crate::{Store, StoreError, time};

impl Store {
    async fn tandems_where(
        &self,
        condition: &'static str,
        value: String,
    ) -> Result<Vec<Tandem>, StoreError> {
        // `condition` is one of this module's constants, never input.
        let rows = sqlx::query(sqlx::AssertSqlSafe(format!(
            "SELECT {TANDEM_SELECT} FROM tandems WHERE {condition} ORDER BY created_at, id"
        )))
        .bind(value)
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(tandem_row).collect()
    }

    pub async fn tandem(&self, id: TandemId) -> Result<Tandem, StoreError> {
        self.tandems_where("id = $1", id.to_string())
            .await?
            .pop()
            .ok_or(StoreError::NotFound)
    }

    /// Every tandem of a provider (proposals and rejected ones included), oldest first.
    pub async fn tandems_of_provider(
        &self,
        provider: ProviderId,
    ) -> Result<Vec<Tandem>, StoreError> {
        self.tandems_where("provider_id = $1", provider.to_string())
            .await
    }

    /// Every tandem of a mentor, oldest first.
    pub async fn tandems_of_mentor(&self, mentor: MentorId) -> Result<Vec<Tandem>, StoreError> {
        self.tandems_where("mentor_id = $1", mentor.to_string())
            .await
    }

    /// Every tandem of a participant, oldest first.
    pub async fn tandems_of_participant(
        &self,
        participant: ParticipantId,
    ) -> Result<Vec<Tandem>, StoreError> {
        self.tandems_where("participant_id = $1", participant.to_string())
            .await
    }

    /// Replaces the open proposals of a provider with `proposals`, in one transaction.
    pub async fn replace_proposals(
        &self,
        actor: &Actor,
        provider: ProviderId,
        proposals: &[NewProposal],
    ) -> Result<(), StoreError> {
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        sqlx::query("DELETE FROM tandems WHERE provider_id = $1 AND status = 'proposed'")
            .bind(provider.to_string())
            .execute(&mut *tx)
            .await?;
        for p in proposals {
            sqlx::query(
                "INSERT INTO tandems (id, provider_id, mentor_id, participant_id, status, score, \
                 reasons, created_at, updated_at) VALUES ($1, $2, $3, $4, 'proposed', $5, $6, $7, $7)",
            )
            .bind(TandemId::from_uuid(Uuid::now_v7()).to_string())
            .bind(provider.to_string())
            .bind(p.mentor.to_string())
            .bind(p.participant.to_string())
            .bind(p.score)
            .bind(p.reasons.join("\n"))
            .bind(&now)
            .execute(&mut *tx)
            .await?;
        }
        let entry = actor.entry(
            Some(provider),
            AuditAction::Create,
            AuditEntity::Tandem,
            provider,
            format!("{} proposals", proposals.len()),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }

    /// Moves a tandem from `from` to its next state with the given columns; `Conflict` when
    /// it is no longer in `from` (another request was first).
    async fn step_tandem(
        &self,
        actor: &Actor,
        t: &Tandem,
        from: &'static str,
        set: &'static str,
        binds: &[Option<String>],
        detail: String,
    ) -> Result<Tandem, StoreError> {
        // `set` is one of this module's constants; its parameters start at $3.
        let sql = format!(
            "UPDATE tandems SET {set}, updated_at = $1 WHERE id = $2 AND status = '{from}'"
        );
        let mut tx = self.pool.begin().await?;
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql))
            .bind(time::fmt(self.now()))
            .bind(t.id.to_string());
        for b in binds {
            q = q.bind(b.clone());
        }
        if q.execute(&mut *tx).await?.rows_affected() != 1 {
            return Err(StoreError::Conflict(match from {
                "proposed" => "tandem_not_proposed",
                "active" => "tandem_not_active",
                _ => "tandem_not_closed",
            }));
        }
        let entry = actor.entry(
            Some(t.provider_id),
            AuditAction::Update,
            AuditEntity::Tandem,
            t.id,
            detail,
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        self.tandem(t.id).await
    }

    /// A proposal becomes a running tandem.
    pub async fn accept_tandem(
        &self,
        actor: &Actor,
        t: &Tandem,
        started_on: NaiveDate,
        ends_on: NaiveDate,
        budget_minutes: u32,
    ) -> Result<Tandem, StoreError> {
        self.step_tandem(
            actor,
            t,
            "proposed",
            // The binds are text: the budget is cast for PostgreSQL.
            "status = 'active', started_on = $3, ends_on = $4, \
             budget_minutes = CAST($5 AS INTEGER)",
            &[
                Some(started_on.to_string()),
                Some(ends_on.to_string()),
                Some(budget_minutes.to_string()),
            ],
            format!("accepted: {started_on} to {ends_on}, {budget_minutes} min a month"),
        )
        .await
    }

    /// A proposal is rejected; the matching does not propose the pair again.
    pub async fn reject_tandem(
        &self,
        actor: &Actor,
        t: &Tandem,
        note: &str,
    ) -> Result<Tandem, StoreError> {
        self.step_tandem(
            actor,
            t,
            "proposed",
            "status = 'rejected', note = $3",
            &[Some(note.to_owned())],
            format!("rejected: {note}"),
        )
        .await
    }

    /// A running tandem ends.
    pub async fn close_tandem(
        &self,
        actor: &Actor,
        t: &Tandem,
        on: NaiveDate,
        note: &str,
    ) -> Result<Tandem, StoreError> {
        self.step_tandem(
            actor,
            t,
            "active",
            "status = 'closed', closed_on = $3, note = $4",
            &[Some(on.to_string()), Some(note.to_owned())],
            format!("closed on {on}: {note}"),
        )
        .await
    }

    /// One side's closing feedback on a closed tandem (given once).
    pub async fn tandem_feedback(
        &self,
        actor: &Actor,
        t: &Tandem,
        side: TandemSide,
        text: &str,
    ) -> Result<Tandem, StoreError> {
        let set = match side {
            TandemSide::Mentor => "mentor_feedback = $3",
            _ => "mentee_feedback = $3",
        };
        self.step_tandem(
            actor,
            t,
            "closed",
            set,
            &[Some(text.to_owned())],
            format!("feedback of the {}", side.as_str()),
        )
        .await
    }

    /// Swaps the mentors of two proposals, with the new scores and reasons.
    pub async fn swap_proposals(
        &self,
        actor: &Actor,
        a: (&Tandem, i64, &[String]),
        b: (&Tandem, i64, &[String]),
    ) -> Result<(), StoreError> {
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        for ((t, score, reasons), mentor) in [(a, b.0.mentor_id), (b, a.0.mentor_id)] {
            let n = sqlx::query(
                "UPDATE tandems SET mentor_id = $1, score = $2, reasons = $3, updated_at = $4 \
                 WHERE id = $5 AND status = 'proposed' AND mentor_id = $6",
            )
            .bind(mentor.to_string())
            .bind(score)
            .bind(reasons.join("\n"))
            .bind(&now)
            .bind(t.id.to_string())
            .bind(t.mentor_id.to_string())
            .execute(&mut *tx)
            .await?
            .rows_affected();
            if n != 1 {
                return Err(StoreError::Conflict("tandem_not_proposed"));
            }
        }
        let entry = actor.entry(
            Some(a.0.provider_id),
            AuditAction::Update,
            AuditEntity::Tandem,
            a.0.id,
            format!("mentors swapped with {}", b.0.id),
        );
        audit::write(self.now(), &mut *tx, &entry).await?;
        tx.commit().await?;
        Ok(())
    }
}
