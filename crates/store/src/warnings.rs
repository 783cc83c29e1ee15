//! Early warnings (issue 17, point 3): what the rules of `lernweg_participants::warnings`
//! read, for every person of a set at once (a provider's, one contact person's, or everybody
//! with a contact person) in a fixed number of queries, never per person; the marks of
//! warnings handled (`warnings_handled`, with the audit entry in one transaction) and the
//! daily digests sent (`warning_digests`).

use std::collections::HashSet;

use chrono::{DateTime, NaiveDate, Utc};
use chrono_tz::Europe::Berlin;
use lernweg_domain::{
    EnrolmentId, ParseError, ParticipantId, ProviderId, ReleaseAgreementId, UserId,
};
use lernweg_participants::warnings::WarningKind;
use lernweg_participants::{AttendanceStatus, EnrolmentStatus};
use sqlx::Row;
use sqlx::any::AnyRow;
use uuid::Uuid;

use crate::audit::{self, Actor, AuditAction, AuditEntity};
use crate::cohorts::parse_date;
use crate::packed::{Cells, PackedQuery};
use crate::{
    Cohort, Enrolment, OfferRecord, SessionRecord, Store, StoreError, WorkPatternRecord, time,
};

/// The longest note of a handled warning.
pub const WARNING_NOTE_MAX: usize = 500;

/// Whose people are looked at: always only people with an enrolment that is not final.
#[derive(Debug, Clone, Copy, Default)]
pub struct WarnedPeople {
    /// One provider's people; `None`: every provider's.
    pub provider: Option<ProviderId>,
    /// Only the people of this contact person.
    pub contact: Option<UserId>,
    /// Only people who have a contact person (the digest).
    pub with_contact_only: bool,
}

impl WarnedPeople {
    /// The sub-query of the people's ids with its values (`$1`, …).
    fn ids(&self) -> (String, Vec<String>) {
        let mut sql = format!(
            "SELECT p.id FROM participants p WHERE p.id IN (SELECT participant_id FROM enrolments \
             WHERE status NOT IN ('{}', '{}'))",
            EnrolmentStatus::Completed.code(),
            EnrolmentStatus::Dropped.code()
        );
        let mut values = Vec::new();
        if let Some(p) = self.provider {
            values.push(p.to_string());
            sql.push_str(&format!(" AND p.provider_id = ${}", values.len()));
        }
        if let Some(c) = self.contact {
            values.push(c.to_string());
            sql.push_str(&format!(" AND p.contact_person_id = ${}", values.len()));
        }
        if self.with_contact_only {
            sql.push_str(" AND p.contact_person_id IS NOT NULL");
        }
        (sql, values)
    }
}

/// A person of the set with what the rules need of the record itself.
#[derive(Debug, Clone)]
pub struct WarnedPerson {
    pub id: ParticipantId,
    pub provider_id: ProviderId,
    pub name: String,
    pub contact_person_id: Option<UserId>,
    /// The contact person's e-mail address (`None` for a deactivated account) and name (for
    /// the digest).
    pub contact_email: Option<String>,
    pub contact_name: Option<String>,
    pub created_at: DateTime<Utc>,
    pub last_contact: Option<NaiveDate>,
}

/// One recorded attendance with its session's date.
#[derive(Debug, Clone)]
pub struct DatedAttendance {
    pub participant_id: ParticipantId,
    pub enrolment_id: EnrolmentId,
    pub date: NaiveDate,
    pub status: AttendanceStatus,
}

/// A declined release agreement.
#[derive(Debug, Clone)]
pub struct DeclinedRelease {
    pub id: ReleaseAgreementId,
    pub participant_id: ParticipantId,
    pub cohort_name: String,
    /// The day (in Germany) of its last change.
    pub on: NaiveDate,
}

/// A warning marked as handled.
#[derive(Debug, Clone)]
pub struct HandledWarning {
    pub participant_id: ParticipantId,
    pub name: String,
    pub kind: WarningKind,
    pub subject: String,
    pub note: String,
    pub handled_by: Option<String>,
    pub handled_at: DateTime<Utc>,
}

/// Everything the warning rules read about a set of people.
#[derive(Debug, Clone, Default)]
pub struct WarningData {
    pub people: Vec<WarnedPerson>,
    /// Their enrolments that are not final.
    pub enrolments: Vec<Enrolment>,
    pub cohorts: Vec<Cohort>,
    pub offers: Vec<OfferRecord>,
    /// The sessions of those cohorts from `sessions_from` on.
    pub sessions: Vec<SessionRecord>,
    pub patterns: Vec<WorkPatternRecord>,
    /// Attendance of those enrolments from `attendance_from` on, by session date and time.
    pub attendance: Vec<DatedAttendance>,
    pub declined: Vec<DeclinedRelease>,
    /// (participant, kind code, subject) of every mark of these people.
    pub handled: HashSet<(ParticipantId, String, String)>,
}

fn bad(table: &'static str) -> impl Fn(ParseError) -> StoreError {
    move |e| StoreError::corrupt(table, e)
}

fn person_from(r: &impl Cells) -> Result<WarnedPerson, StoreError> {
    let b = bad("participants");
    Ok(WarnedPerson {
        id: ParticipantId::parse(&r.cell::<String>("id")?).map_err(&b)?,
        provider_id: ProviderId::parse(&r.cell::<String>("provider_id")?).map_err(&b)?,
        name: r.cell("name")?,
        contact_person_id: r
            .cell::<Option<String>>("contact_person_id")?
            .map(|u| UserId::parse(&u))
            .transpose()
            .map_err(&b)?,
        contact_email: r.cell("contact_email")?,
        contact_name: r.cell("contact_name")?,
        created_at: time::parse("participants", &r.cell::<String>("created_at")?)?,
        last_contact: r
            .cell::<Option<String>>("last_contact")?
            .map(|d| parse_date("contact_log", &d))
            .transpose()?,
    })
}

fn dated_attendance_from(r: &impl Cells) -> Result<DatedAttendance, StoreError> {
    let b = bad("attendance");
    let status: String = r.cell("status")?;
    Ok(DatedAttendance {
        participant_id: ParticipantId::parse(&r.cell::<String>("participant_id")?).map_err(&b)?,
        enrolment_id: EnrolmentId::parse(&r.cell::<String>("enrolment_id")?).map_err(&b)?,
        date: parse_date("cohort_sessions", &r.cell::<String>("date")?)?,
        status: AttendanceStatus::parse(&status)
            .ok_or_else(|| StoreError::corrupt("attendance", format!("status {status:?}")))?,
    })
}

fn declined_from(r: &AnyRow) -> Result<DeclinedRelease, StoreError> {
    let b = bad("release_agreements");
    let at = time::parse("release_agreements", &r.try_get::<String, _>("updated_at")?)?;
    Ok(DeclinedRelease {
        id: ReleaseAgreementId::parse(&r.try_get::<String, _>("id")?).map_err(&b)?,
        participant_id: ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
            .map_err(&b)?,
        cohort_name: r.try_get("cohort_name")?,
        on: at.with_timezone(&Berlin).date_naive(),
    })
}

fn handled_from(r: &AnyRow) -> Result<HandledWarning, StoreError> {
    let kind: String = r.try_get("kind")?;
    Ok(HandledWarning {
        participant_id: ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
            .map_err(bad("warnings_handled"))?,
        name: r.try_get("name")?,
        kind: WarningKind::parse(&kind)
            .ok_or_else(|| StoreError::corrupt("warnings_handled", format!("kind {kind:?}")))?,
        subject: r.try_get("subject")?,
        note: r.try_get("note")?,
        handled_by: r.try_get("handled_by")?,
        handled_at: time::parse("warnings_handled", &r.try_get::<String, _>("handled_at")?)?,
    })
}

/// `sql` with `{ids}` replaced by the set's sub-query, its values bound first, then `more`.
fn set_query(
    set: &WarnedPeople,
    sql: &str,
    more: &[String],
) -> sqlx::query::Query<'static, sqlx::Any, sqlx::any::AnyArguments> {
    let (ids, values) = set.ids();
    let mut sql = sql.replace("{ids}", &ids);
    // The extra values follow the set's: `$a`, `$b`, … become their numbers.
    for (i, name) in ["$a", "$b"].iter().enumerate().take(more.len()) {
        sql = sql.replace(name, &format!("${}", values.len() + i + 1));
    }
    let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
    for v in values.into_iter().chain(more.iter().cloned()) {
        q = q.bind(v);
    }
    q
}

fn packed(set: &WarnedPeople, mut q: PackedQuery, more: &[String]) -> PackedQuery {
    let (_, values) = set.ids();
    for v in values.into_iter().chain(more.iter().cloned()) {
        q = q.bind(v);
    }
    q
}

/// `from_where` with `{ids}` and `$a`, `$b` resolved as in [`set_query`].
fn packed_sql(set: &WarnedPeople, from_where: &str, more: usize) -> String {
    let (ids, values) = set.ids();
    let mut sql = from_where.replace("{ids}", &ids);
    for (i, name) in ["$a", "$b"].iter().enumerate().take(more) {
        sql = sql.replace(name, &format!("${}", values.len() + i + 1));
    }
    sql
}

const PERSON_COLUMNS: &[&str] = &[
    "p.id AS id",
    "p.provider_id AS provider_id",
    "p.given_name || ' ' || p.family_name AS name",
    "p.contact_person_id AS contact_person_id",
    // A deactivated account gets no digest.
    "CASE WHEN u.active = 1 THEN u.email END AS contact_email",
    "u.display_name AS contact_name",
    "p.created_at AS created_at",
    "(SELECT MAX(l.on_date) FROM contact_log l WHERE l.participant_id = p.id) AS last_contact",
];

const ATTENDANCE_COLUMNS: &[&str] = &[
    "e.participant_id AS participant_id",
    "a.enrolment_id AS enrolment_id",
    "s.date AS date",
    "a.status AS status",
];

impl Store {
    /// What the warning rules read about `set`: nine statements whatever its size.
    /// Attendance is read from `attendance_from`, sessions from `sessions_from` on.
    pub async fn warning_data(
        &self,
        set: &WarnedPeople,
        attendance_from: NaiveDate,
        sessions_from: NaiveDate,
    ) -> Result<WarningData, StoreError> {
        let people = packed(
            set,
            PackedQuery::new(
                "participants",
                PERSON_COLUMNS,
                packed_sql(
                    set,
                    "FROM participants p LEFT JOIN users u ON u.id = p.contact_person_id \
                     WHERE p.id IN ({ids})",
                    0,
                ),
                "p.family_name, p.given_name, p.id",
            ),
            &[],
        )
        .fetch(self, |r| person_from(r))
        .await?;
        let open = format!(
            "participant_id IN ({{ids}}) AND status NOT IN ('{}', '{}')",
            EnrolmentStatus::Completed.code(),
            EnrolmentStatus::Dropped.code()
        );
        let enrolments = set_query(
            set,
            &format!(
                "SELECT id, participant_id, cohort_id, status, stayed_employed, modules, created_at \
                 FROM enrolments WHERE {open} ORDER BY created_at, id"
            ),
            &[],
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(crate::enrolments::enrolment_from_row)
        .collect::<Result<Vec<_>, _>>()?;
        let cohort_ids = format!("SELECT cohort_id FROM enrolments WHERE {open}");
        let cohorts = packed(
            set,
            PackedQuery::new(
                "cohorts",
                crate::cohorts::COHORT_COLUMNS,
                packed_sql(set, &format!("FROM cohorts WHERE id IN ({cohort_ids})"), 0),
                "start_date, id",
            ),
            &[],
        )
        .fetch(self, |r| crate::cohorts::cohort_from(r))
        .await?;
        let offers = set_query(
            set,
            &format!(
                "SELECT id, provider_id, document, published, published_at, created_at, updated_at \
                 FROM offers WHERE id IN (SELECT offer_id FROM cohorts WHERE id IN ({cohort_ids}))"
            ),
            &[],
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(crate::offers::from_row)
        .collect::<Result<Vec<_>, _>>()?;
        let sessions = packed(
            set,
            crate::timetable::sessions_packed(
                packed_sql(
                    set,
                    &format!(
                        "FROM cohort_sessions WHERE cohort_id IN ({cohort_ids}) AND date >= $a"
                    ),
                    1,
                ),
                "cohort_id, date, start_time, id",
            ),
            &[sessions_from.to_string()],
        )
        .fetch(self, |r| crate::timetable::session_from(r))
        .await?;
        let patterns = set_query(
            set,
            "SELECT participant_id, pattern, travel_minutes, source, updated_by, updated_at \
             FROM work_patterns WHERE participant_id IN ({ids})",
            &[],
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(crate::work_patterns::from_row)
        .collect::<Result<Vec<_>, _>>()?;
        let attendance = packed(
            set,
            PackedQuery::new(
                "attendance",
                ATTENDANCE_COLUMNS,
                packed_sql(
                    set,
                    &format!(
                        "FROM attendance a JOIN enrolments e ON e.id = a.enrolment_id \
                         JOIN cohort_sessions s ON s.id = a.session_id \
                         WHERE a.enrolment_id IN (SELECT id FROM enrolments WHERE {open}) \
                         AND s.date >= $a"
                    ),
                    1,
                ),
                "s.date, s.start_time, s.id",
            ),
            &[attendance_from.to_string()],
        )
        .fetch(self, |r| dated_attendance_from(r))
        .await?;
        let declined = set_query(
            set,
            "SELECT r.id, r.participant_id, c.name AS cohort_name, r.updated_at \
             FROM release_agreements r JOIN cohorts c ON c.id = r.cohort_id \
             WHERE r.participant_id IN ({ids}) AND r.state = 'declined' ORDER BY r.updated_at, r.id",
            &[],
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(declined_from)
        .collect::<Result<Vec<_>, _>>()?;
        let handled = set_query(
            set,
            "SELECT participant_id, kind, subject FROM warnings_handled \
             WHERE participant_id IN ({ids})",
            &[],
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| {
            Ok((
                ParticipantId::parse(&r.try_get::<String, _>("participant_id")?)
                    .map_err(bad("warnings_handled"))?,
                r.try_get::<String, _>("kind")?,
                r.try_get::<String, _>("subject")?,
            ))
        })
        .collect::<Result<HashSet<_>, StoreError>>()?;
        Ok(WarningData {
            people,
            enrolments,
            cohorts,
            offers,
            sessions,
            patterns,
            attendance,
            declined,
            handled,
        })
    }

    /// The warnings handled since `since` of the people of `set` (any enrolment status),
    /// newest first: one statement.
    pub async fn handled_warnings(
        &self,
        provider: Option<ProviderId>,
        contact: Option<UserId>,
        since: DateTime<Utc>,
    ) -> Result<Vec<HandledWarning>, StoreError> {
        let mut sql = String::from(
            "SELECT w.participant_id, p.given_name || ' ' || p.family_name AS name, w.kind, \
             w.subject, w.note, u.display_name AS handled_by, w.handled_at \
             FROM warnings_handled w JOIN participants p ON p.id = w.participant_id \
             LEFT JOIN users u ON u.id = w.handled_by WHERE w.handled_at >= $1",
        );
        let mut values = vec![time::fmt(since)];
        if let Some(p) = provider {
            values.push(p.to_string());
            sql.push_str(&format!(" AND w.provider_id = ${}", values.len()));
        }
        if let Some(c) = contact {
            values.push(c.to_string());
            sql.push_str(&format!(" AND p.contact_person_id = ${}", values.len()));
        }
        sql.push_str(" ORDER BY w.handled_at DESC, w.id DESC");
        let mut q = sqlx::query(sqlx::AssertSqlSafe(sql));
        for v in values {
            q = q.bind(v);
        }
        q.fetch_all(&self.pool)
            .await?
            .iter()
            .map(handled_from)
            .collect()
    }

    /// Marks a warning as handled with a note, with its audit entry. `Conflict` when it is
    /// marked already.
    pub async fn mark_warning_handled(
        &self,
        actor: &Actor,
        provider: ProviderId,
        participant: ParticipantId,
        kind: WarningKind,
        subject: &str,
        note: &str,
    ) -> Result<(), StoreError> {
        let id = Uuid::now_v7().to_string();
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "INSERT INTO warnings_handled (id, provider_id, participant_id, kind, subject, note, \
             handled_by, handled_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(&id)
        .bind(provider.to_string())
        .bind(participant.to_string())
        .bind(kind.code())
        .bind(subject)
        .bind(note)
        .bind(actor.user_id.map(|u| u.to_string()))
        .bind(time::fmt(self.now()))
        .execute(&mut *tx)
        .await
        .map_err(|e| StoreError::unique_as(e, "the warning is marked as handled already"))?;
        audit::write(
            self.now(),
            &mut *tx,
            &actor.entry(
                Some(provider),
                AuditAction::Create,
                AuditEntity::Warning,
                &id,
                format!("participant {participant}, {}", kind.code()),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Queues the day's digest for each contact person (`user`, how many warnings, the
    /// notice) who has not had one on `on_date`: the digest's record and its notice are
    /// written together, so that a second run on the same day queues none. Returns how many
    /// were queued.
    pub async fn enqueue_warning_digests(
        &self,
        on_date: NaiveDate,
        digests: &[(UserId, usize, crate::NewNotice)],
    ) -> Result<usize, StoreError> {
        let now = time::fmt(self.now());
        let mut tx = self.pool.begin().await?;
        let mut queued = 0;
        for (user, count, notice) in digests {
            let done = sqlx::query(
                "INSERT INTO warning_digests (user_id, on_date, warnings) VALUES ($1, $2, $3) \
                 ON CONFLICT (user_id, on_date) DO NOTHING",
            )
            .bind(user.to_string())
            .bind(on_date.to_string())
            .bind(*count as i64)
            .execute(&mut *tx)
            .await?;
            if done.rows_affected() == 1 {
                crate::outbox::insert_notice(&mut *tx, notice, &now).await?;
                queued += 1;
            }
        }
        tx.commit().await?;
        Ok(queued)
    }
}
