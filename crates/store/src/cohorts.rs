//! Cohorts (runs of an offer), their trainers and their lifecycle. Their dated sessions are
//! in `timetable.rs`.

use chrono::{DateTime, NaiveDate, Utc};
use lernweg_domain::paging::PAGE_SIZE;
use lernweg_domain::{
    CohortId, CohortStatus, Cursor, Limit, OfferId, PageNo, Paged, ParseError, ParticipantId,
    ProviderId, Search, Slice, State, UserId,
};
use lernweg_offers::planning::Planning;
use serde::Serialize;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::packed::{Cells, PackedQuery};
use crate::paging::ListSql;
use crate::timetable::{NewSession, insert_session};
use crate::{Store, StoreError, time};

#[derive(Debug, Clone, Serialize)]
pub struct Cohort {
    pub id: CohortId,
    pub offer_id: OfferId,
    pub provider_id: ProviderId,
    pub name: String,
    pub state: State,
    pub start_date: NaiveDate,
    pub end_date: Option<NaiveDate>,
    pub status: CohortStatus,
    pub room: String,
    pub online_link: String,
    pub published_at: Option<DateTime<Utc>>,
    pub trainers: Vec<UserId>,
    pub created_at: DateTime<Utc>,
    /// Deadline and closing periods the timetable was planned with.
    pub planning: Planning,
    /// When the draft was shared with the employers of its participants (issue 13, point 3).
    pub shared_at: Option<DateTime<Utc>>,
    /// The candidate slots staff last weighed for the session times (issue 17), as JSON
    /// `{"choose","threshold","candidates":[{"id","weekday","start","end"}]}`.
    pub slot_question: Option<String>,
}

/// A set of cohorts whose rows (and sessions, offers) load in one statement each, however
/// many there are (issue 12: no query per row).
#[derive(Debug, Clone)]
pub enum CohortsOf {
    /// The cohorts of one offer.
    Offer(OfferId),
    /// The cohorts of these offers (a page of a list).
    Offers(Vec<OfferId>),
    /// The cohorts a participant is enrolled in (any status).
    Participant(ParticipantId),
    /// The cohorts of every published offer.
    PublishedOffers,
    /// Cohorts that are not drafts and have dates in a period (both days inclusive),
    /// narrowed to a provider, an offer or one cohort (monitoring, issue 17).
    Period {
        provider: Option<ProviderId>,
        offer: Option<OfferId>,
        cohort: Option<CohortId>,
        from: NaiveDate,
        to: NaiveDate,
    },
}

impl CohortsOf {
    /// A sub-query for the ids of the set, with its values (`$1`, …).
    pub(crate) fn ids(&self) -> (String, Vec<String>) {
        match self {
            CohortsOf::Offer(o) => (
                "SELECT id FROM cohorts WHERE offer_id = $1".into(),
                vec![o.to_string()],
            ),
            CohortsOf::Offers(offers) if offers.is_empty() => {
                ("SELECT id FROM cohorts WHERE 1 = 0".into(), vec![])
            }
            CohortsOf::Offers(offers) => (
                format!(
                    "SELECT id FROM cohorts WHERE offer_id IN ({})",
                    (1..=offers.len())
                        .map(|n| format!("${n}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
                offers.iter().map(ToString::to_string).collect(),
            ),
            CohortsOf::Participant(p) => (
                "SELECT cohort_id FROM enrolments WHERE participant_id = $1".into(),
                vec![p.to_string()],
            ),
            CohortsOf::PublishedOffers => (
                "SELECT c.id FROM cohorts c JOIN offers o ON o.id = c.offer_id WHERE o.published = 1"
                    .into(),
                vec![],
            ),
            CohortsOf::Period {
                provider,
                offer,
                cohort,
                from,
                to,
            } => {
                let mut sql = "SELECT id FROM cohorts WHERE status <> 'draft' AND start_date <= $1 \
                     AND COALESCE(end_date, start_date) >= $2"
                    .to_owned();
                let mut values = vec![to.to_string(), from.to_string()];
                for (column, value) in [
                    ("provider_id", provider.map(|p| p.to_string())),
                    ("offer_id", offer.map(|o| o.to_string())),
                    ("id", cohort.map(|c| c.to_string())),
                ] {
                    if let Some(v) = value {
                        values.push(v);
                        sql.push_str(&format!(" AND {column} = ${}", values.len()));
                    }
                }
                (sql, values)
            }
        }
    }

    /// `sql` (which names the sub-query as `{ids}`) with the set's values bound.
    pub(crate) fn query(
        &self,
        sql: &str,
    ) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments> {
        let (ids, values) = self.ids();
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql.replace("{ids}", &ids)));
        for v in values {
            q = q.bind(v);
        }
        q
    }
}

/// What the cohort lists are narrowed to.
#[derive(Debug, Clone, Default)]
pub struct CohortFilter {
    /// One provider's cohorts; `None`: all.
    pub scope: Option<ProviderId>,
    pub offer: Option<OfferId>,
    /// The stored status.
    pub status: Option<CohortStatus>,
    /// In the cohort's name.
    pub search: Option<Search>,
}

#[derive(Debug, Clone)]
pub struct NewCohort {
    pub offer_id: OfferId,
    pub name: String,
    pub state: State,
    pub start_date: NaiveDate,
    pub room: String,
    pub online_link: String,
    pub trainers: Vec<UserId>,
    /// Deadline and closing periods the sessions were planned with.
    pub planning: Planning,
}

/// The closures of a cohort as stored (a JSON list of `{from, to, name}`).
pub(crate) fn closures_json(p: &Planning) -> String {
    serde_json::to_string(&p.closures).expect("closures serialise")
}

/// A cohort's own weekly slots as stored (`None`: the offer's).
pub(crate) fn weekly_slots_json(p: &Planning) -> Option<String> {
    p.weekly_slots
        .as_ref()
        .map(|w| serde_json::to_string(w).expect("slots serialise"))
}

pub(crate) fn parse_date(table: &'static str, s: &str) -> Result<NaiveDate, StoreError> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|e| StoreError::corrupt(table, format!("date {s:?}: {e}")))
}

/// The columns of a cohort row, its trainers included (one text of ids separated by
/// commas, in id order: `string_agg` exists in SQLite from 3.44 and in PostgreSQL), so that
/// any number of cohorts loads in one statement.
macro_rules! cohort_columns {
    () => {
        concat!(
            "id, offer_id, provider_id, name, state, start_date, end_date, status, room, online_link, published_at, created_at, deadline, closures, shared_at, weekly_slots, slot_question, ",
            trainer_ids!()
        )
    };
}

macro_rules! trainer_ids {
    () => {
        "(SELECT string_agg(ct.user_id, ',' ORDER BY ct.user_id) FROM cohort_trainers ct \
         WHERE ct.cohort_id = cohorts.id) AS trainer_ids"
    };
}

impl CohortFilter {
    fn list(&self) -> ListSql {
        ListSql::new(cohort_columns!(), "cohorts")
            .scope("provider_id", self.scope)
            .filter("offer_id = {}", self.offer.map(|o| o.to_string()))
            .filter("status = {}", self.status.map(|s| s.as_str()))
            .search(&["name"], self.search.as_ref())
    }
}

fn trainers_of(text: Option<String>) -> Result<Vec<UserId>, StoreError> {
    text.unwrap_or_default()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| UserId::parse(s).map_err(|e| StoreError::corrupt("cohort_trainers", e)))
        .collect()
}

/// The columns of [`cohort_columns!`], for packed reads ([`crate::packed`]); a test keeps the
/// two the same.
pub(crate) const COHORT_COLUMNS: &[&str] = &[
    "id",
    "offer_id",
    "provider_id",
    "name",
    "state",
    "start_date",
    "end_date",
    "status",
    "room",
    "online_link",
    "published_at",
    "created_at",
    "deadline",
    "closures",
    "shared_at",
    "weekly_slots",
    "slot_question",
    trainer_ids!(),
];

pub(crate) fn cohort_from_row(r: &AnyRow) -> Result<Cohort, StoreError> {
    cohort_from(r)
}

pub(crate) fn cohort_from(r: &impl Cells) -> Result<Cohort, StoreError> {
    let bad = |e: ParseError| StoreError::corrupt("cohorts", e);
    let trainers = trainers_of(r.cell("trainer_ids")?)?;
    Ok(Cohort {
        id: CohortId::parse(&r.cell::<String>("id")?).map_err(bad)?,
        offer_id: OfferId::parse(&r.cell::<String>("offer_id")?).map_err(bad)?,
        provider_id: ProviderId::parse(&r.cell::<String>("provider_id")?).map_err(bad)?,
        name: r.cell("name")?,
        state: State::parse(&r.cell::<String>("state")?).map_err(bad)?,
        start_date: parse_date("cohorts", &r.cell::<String>("start_date")?)?,
        end_date: r
            .cell::<Option<String>>("end_date")?
            .map(|d| parse_date("cohorts", &d))
            .transpose()?,
        status: CohortStatus::parse(&r.cell::<String>("status")?).map_err(bad)?,
        room: r.cell("room")?,
        online_link: r.cell("online_link")?,
        published_at: time::parse_opt("cohorts", r.cell("published_at")?)?,
        trainers,
        created_at: time::parse("cohorts", &r.cell::<String>("created_at")?)?,
        planning: Planning {
            deadline: r
                .cell::<Option<String>>("deadline")?
                .map(|d| parse_date("cohorts", &d))
                .transpose()?,
            closures: serde_json::from_str(&r.cell::<String>("closures")?)
                .map_err(|e| StoreError::corrupt("cohorts", format!("closures: {e}")))?,
            weekly_slots: r
                .cell::<Option<String>>("weekly_slots")?
                .map(|j| serde_json::from_str(&j))
                .transpose()
                .map_err(|e| StoreError::corrupt("cohorts", format!("weekly_slots: {e}")))?,
        },
        shared_at: time::parse_opt("cohorts", r.cell("shared_at")?)?,
        slot_question: r.cell("slot_question")?,
    })
}

impl Store {
    /// Creates a cohort with its generated timetable in one transaction.
    pub async fn create_cohort(
        &self,
        actor: &Actor,
        new: NewCohort,
        sessions: &[NewSession],
    ) -> Result<Cohort, StoreError> {
        let offer = self.offer(new.offer_id).await?;
        let name = new.name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            return Err(ParseError::new(
                "name",
                if name.is_empty() {
                    "required"
                } else {
                    "too_long"
                },
                "cohort name must have 1 to 120 characters",
            )
            .into());
        }
        for t in &new.trainers {
            let u = self.user(*t).await?;
            if u.provider_id != Some(offer.provider_id) {
                return Err(ParseError::new(
                    "trainers",
                    "other_provider",
                    "trainers must belong to the offer's provider",
                )
                .into());
            }
        }
        let id = CohortId::from_uuid(Uuid::now_v7());
        let now = time::fmt(self.now());
        let end = sessions.iter().map(|s| s.date).max();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO cohorts (id, offer_id, provider_id, name, state, start_date, end_date, status, room, online_link, created_at, updated_at, deadline, closures, weekly_slots) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'draft', $8, $9, $10, $10, $11, $12, $13)",
        )
        .bind(id.to_string())
        .bind(new.offer_id.to_string())
        .bind(offer.provider_id.to_string())
        .bind(name)
        .bind(new.state.code())
        .bind(new.start_date.to_string())
        .bind(end.map(|d| d.to_string()))
        .bind(new.room.trim())
        .bind(new.online_link.trim())
        .bind(&now)
        .bind(new.planning.deadline.map(|d| d.to_string()))
        .bind(closures_json(&new.planning))
        .bind(weekly_slots_json(&new.planning))
        .execute(&mut *tx)
        .await?;
        for t in &new.trainers {
            sqlx::query("INSERT INTO cohort_trainers (cohort_id, user_id) VALUES ($1, $2)")
                .bind(id.to_string())
                .bind(t.to_string())
                .execute(&mut *tx)
                .await?;
        }
        for s in sessions {
            insert_session(self.now(), &mut *tx, id, s).await?;
        }
        let detail = format!("{name} ({} sessions)", sessions.len());
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(offer.provider_id),
                AuditAction::Create,
                AuditEntity::Cohort,
                id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.cohort(id).await
    }

    pub async fn cohort(&self, id: CohortId) -> Result<Cohort, StoreError> {
        let row = sqlx::query(concat!(
            "SELECT ",
            cohort_columns!(),
            " FROM cohorts WHERE id = $1"
        ))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?
        .ok_or(StoreError::NotFound)?;
        cohort_from_row(&row)
    }

    /// Cohorts of a provider (or all), optionally of one offer, by start date.
    pub async fn cohorts(
        &self,
        scope: Option<ProviderId>,
        offer: Option<OfferId>,
    ) -> Result<Vec<Cohort>, StoreError> {
        let filter = CohortFilter {
            scope,
            offer,
            ..CohortFilter::default()
        };
        filter
            .list()
            .all(self, "start_date, id", cohort_from_row)
            .await
    }

    /// One page of the cohorts that match, by start date.
    pub async fn cohort_page(
        &self,
        filter: &CohortFilter,
        page: PageNo,
    ) -> Result<Paged<Cohort>, StoreError> {
        filter
            .list()
            .page(self, "start_date, id", page, PAGE_SIZE, cohort_from_row)
            .await
    }

    /// The cohorts that match after `cursor`, by start date: at most `limit`.
    pub async fn cohorts_after(
        &self,
        filter: &CohortFilter,
        cursor: Option<&Cursor>,
        limit: Limit,
    ) -> Result<Slice<Cohort>, StoreError> {
        filter
            .list()
            .after(
                self,
                Some("start_date"),
                "id",
                false,
                cursor,
                limit,
                cohort_from_row,
                |c| Cursor::new(c.start_date.to_string(), c.id.to_string()),
            )
            .await
    }

    /// The cohorts of a set, by start date: one statement.
    pub async fn cohorts_of(&self, of: &CohortsOf) -> Result<Vec<Cohort>, StoreError> {
        let (ids, values) = of.ids();
        let mut q = PackedQuery::new(
            "cohorts",
            COHORT_COLUMNS,
            format!("FROM cohorts WHERE id IN ({ids})"),
            "start_date, id",
        );
        for v in values {
            q = q.bind(v);
        }
        q.fetch(self, |r| cohort_from(r)).await
    }

    /// The display names of a cohort's trainers in the order of their ids (accounts deleted
    /// since are left out): one statement.
    pub async fn trainer_names(&self, id: CohortId) -> Result<Vec<String>, StoreError> {
        Ok(sqlx::query_scalar(
            "SELECT u.display_name FROM cohort_trainers ct JOIN users u ON u.id = ct.user_id \
             WHERE ct.cohort_id = $1 ORDER BY ct.user_id",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?)
    }

    /// Cohorts a trainer teaches.
    pub async fn cohorts_of_trainer(&self, trainer: UserId) -> Result<Vec<Cohort>, StoreError> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            cohort_columns!(),
            " FROM cohorts WHERE id IN (SELECT cohort_id FROM cohort_trainers WHERE user_id = $1) \
             ORDER BY start_date, id"
        ))
        .bind(trainer.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.iter().map(cohort_from_row).collect()
    }

    /// Keeps the candidate slots last weighed for a cohort's session times (JSON made by the
    /// app layer); written without an audit entry of its own because it changes no plan.
    pub async fn save_slot_question(&self, id: CohortId, question: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE cohorts SET slot_question = $1 WHERE id = $2")
            .bind(question)
            .bind(id.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Moves a cohort one step along draft → published → running → finished.
    pub async fn set_cohort_status(
        &self,
        actor: &Actor,
        id: CohortId,
        to: CohortStatus,
    ) -> Result<Cohort, StoreError> {
        let current = self.cohort(id).await?;
        if !current.status.can_become(to) {
            return Err(ParseError::new(
                "status",
                "invalid_transition",
                format!("a {} cohort cannot become {}", current.status, to),
            )
            .into());
        }
        let mut tx = self.pool.begin().await?;
        let now = time::fmt(self.now());
        let published_at = if to == CohortStatus::Published {
            Some(now.clone())
        } else {
            current.published_at.map(time::fmt)
        };
        sqlx::query(
            "UPDATE cohorts SET status = $1, published_at = $2, updated_at = $3 WHERE id = $4",
        )
        .bind(to.as_str())
        .bind(published_at)
        .bind(&now)
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
        let detail = format!("{} -> {}", current.status, to);
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(current.provider_id),
                AuditAction::Update,
                AuditEntity::Cohort,
                id,
                detail,
            ),
        )
        .await?;
        tx.commit().await?;
        self.cohort(id).await
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_packed_columns_are_the_row_columns() {
        assert_eq!(super::COHORT_COLUMNS.join(", "), cohort_columns!());
    }
}
