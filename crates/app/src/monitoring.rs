//! Monitoring (issue 17, points 1 and 2): per cohort, offer and provider for a period, was
//! what was designed part-time run part-time? The figures and the flag are
//! `lernweg_offers::monitoring`; this use-case reads the cohorts with dates in the period
//! (not drafts) in a fixed number of statements and tallies them. The network view adds the
//! providers up for the admin, without personal data and with small groups suppressed.

use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use lernweg_domain::access::{ADMIN, MANAGERS};
use lernweg_domain::{CohortId, OfferId, ParseError, Principal, ProviderId};
use lernweg_offers::monitoring::{DEFAULT_MAX_WORKING_TIME_SHARE, Figures, Tally, close_cohort};
use lernweg_offers::{PartTimeClass, classify};
use lernweg_participants::EnrolmentStatus;
use lernweg_store::{Cohort, CohortsOf, MonitoringRows, SessionRecord, SessionStatus};

use crate::offers::require;
use crate::{App, AppError, exports};

/// At most this many days in one period (five years).
pub const MAX_DAYS: i64 = 5 * 366;

/// What is asked.
#[derive(Debug, Clone)]
pub struct MonitoringQuery {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub cohort: Option<CohortId>,
    pub offer: Option<OfferId>,
    /// Admins: one provider (`None`: all); others are always their own.
    pub provider: Option<ProviderId>,
    /// The set share of hours in working time without release; default
    /// [`DEFAULT_MAX_WORKING_TIME_SHARE`].
    pub max_share: f64,
}

impl MonitoringQuery {
    /// A query for a period with the default share; `from`/`to` refused when reversed or
    /// longer than [`MAX_DAYS`].
    pub fn new(from: NaiveDate, to: NaiveDate) -> MonitoringQuery {
        MonitoringQuery {
            from,
            to,
            cohort: None,
            offer: None,
            provider: None,
            max_share: DEFAULT_MAX_WORKING_TIME_SHARE,
        }
    }

    fn check(&self) -> Result<(), AppError> {
        let mut errors = Vec::new();
        if self.to < self.from {
            errors.push(ParseError::new("to", "before_from", "to is before from"));
        } else if (self.to - self.from).num_days() > MAX_DAYS {
            errors.push(ParseError::new("to", "too_long", "at most five years"));
        }
        if !(0.0..=1.0).contains(&self.max_share) {
            errors.push(ParseError::new(
                "max_working_time_share",
                "out_of_range",
                "a share from 0 to 1",
            ));
        }
        if errors.is_empty() {
            Ok(())
        } else {
            Err(AppError::Invalid(errors))
        }
    }
}

/// One cohort's run in the period.
#[derive(Debug, Clone)]
pub struct CohortRun {
    pub cohort: Cohort,
    pub offer_title: String,
    pub provider_name: String,
    pub designed: PartTimeClass,
    pub run_part_time: bool,
    pub tally: Tally,
    pub figures: Figures,
}

impl CohortRun {
    /// Designed part-time but not run part-time.
    pub fn flagged(&self) -> bool {
        self.tally.flagged == 1
    }
}

/// A group of cohorts (an offer, a provider, all) added up.
#[derive(Debug, Clone)]
pub struct Group {
    pub id: String,
    pub name: String,
    pub tally: Tally,
    pub figures: Figures,
}

impl Group {
    fn of(id: String, name: String, tally: Tally) -> Group {
        let figures = Figures::of(&tally);
        Group {
            id,
            name,
            tally,
            figures,
        }
    }
}

/// The monitoring of a period.
#[derive(Debug, Clone)]
pub struct Report {
    pub query: MonitoringQuery,
    pub cohorts: Vec<CohortRun>,
    pub offers: Vec<Group>,
    pub total: Group,
}

/// The monitoring of the caller's provider (coordinators) or of one or all providers
/// (admins) for a period, per cohort, per offer and in total.
pub async fn report(
    app: &App,
    principal: &Principal,
    query: MonitoringQuery,
) -> Result<Report, AppError> {
    require(principal, MANAGERS)?;
    query.check()?;
    let scope = exports::scope(app, principal, query.provider).await?;
    let runs = runs(app, scope, &query).await?;
    let mut offers: BTreeMap<(String, OfferId), Tally> = BTreeMap::new();
    let mut total = Tally::default();
    for r in &runs {
        offers
            .entry((r.offer_title.clone(), r.cohort.offer_id))
            .or_default()
            .add(&r.tally);
        total.add(&r.tally);
    }
    Ok(Report {
        offers: offers
            .into_iter()
            .map(|((title, id), t)| Group::of(id.to_string(), title, t))
            .collect(),
        total: Group::of(String::new(), String::new(), total),
        cohorts: runs,
        query,
    })
}

/// The network view for the admin: per provider and in total, no cohort and no person; a
/// provider with fewer than five people in the period is counted in the total but its
/// figures are not shown (`None`).
pub async fn network(
    app: &App,
    principal: &Principal,
    query: MonitoringQuery,
) -> Result<(Vec<(Group, bool)>, Group), AppError> {
    require(principal, ADMIN)?;
    query.check()?;
    let runs = runs(app, None, &query).await?;
    let providers = app.store.providers(None).await?;
    let mut by: BTreeMap<ProviderId, Tally> = BTreeMap::new();
    let mut total = Tally::default();
    for r in &runs {
        by.entry(r.cohort.provider_id).or_default().add(&r.tally);
        total.add(&r.tally);
    }
    let mut groups: Vec<(Group, bool)> = providers
        .into_iter()
        .filter_map(|p| {
            let t = by.remove(&p.id)?;
            let shown = t.shown_across_providers();
            Some((Group::of(p.id.to_string(), p.name.to_string(), t), shown))
        })
        .collect();
    groups.sort_by(|a, b| a.0.name.cmp(&b.0.name));
    Ok((groups, Group::of(String::new(), String::new(), total)))
}

/// The cohorts with dates in the period, each tallied: seven statements.
async fn runs(
    app: &App,
    scope: Option<ProviderId>,
    q: &MonitoringQuery,
) -> Result<Vec<CohortRun>, AppError> {
    let of = CohortsOf::Period {
        provider: scope,
        offer: q.offer,
        cohort: q.cohort,
        from: q.from,
        to: q.to,
    };
    let cohorts = app.store.cohorts_of(&of).await?;
    if cohorts.is_empty() {
        return Ok(Vec::new());
    }
    let offers = app.store.offers_of(&of).await?;
    let mut sessions = app.store.timetables_of(&of).await?;
    let mut rows = app.store.monitoring_rows(&of).await?.by_cohort();
    let providers: HashMap<ProviderId, (String, u32)> = app
        .store
        .providers(scope)
        .await?
        .into_iter()
        .map(|p| (p.id, (p.name.to_string(), p.details.min_publication_weeks)))
        .collect();
    let today = app.today();
    let mut out = Vec::new();
    for cohort in cohorts {
        let Some(offer) = offers.get(&cohort.offer_id) else {
            continue;
        };
        let designed = classify(&offer.offer, None).class;
        let (provider_name, minimum) = providers
            .get(&cohort.provider_id)
            .cloned()
            .unwrap_or_default();
        let all = sessions.remove(&cohort.id).unwrap_or_default();
        let own = rows.remove(&cohort.id).unwrap_or_default();
        let mut tally = tally_cohort(&cohort, &offer.offer, &all, &own, q, today, minimum);
        let run_part_time = close_cohort(designed, &mut tally, q.max_share);
        out.push(CohortRun {
            figures: Figures::of(&tally),
            offer_title: offer.offer.title.clone(),
            provider_name,
            cohort,
            designed,
            run_part_time,
            tally,
        });
    }
    out.sort_by(|a, b| {
        (a.cohort.start_date, &a.cohort.name).cmp(&(b.cohort.start_date, &b.cohort.name))
    });
    Ok(out)
}

/// What happened in one cohort in the period (`rows`: the cohort's own).
fn tally_cohort(
    cohort: &Cohort,
    offer: &lernweg_offers::Offer,
    all: &[SessionRecord],
    rows: &MonitoringRows,
    q: &MonitoringQuery,
    today: NaiveDate,
    minimum: u32,
) -> Tally {
    let within = |d: NaiveDate| q.from <= d && d <= q.to;
    let in_period: Vec<SessionRecord> = all.iter().filter(|s| within(s.date)).cloned().collect();
    let held: Vec<SessionRecord> = in_period
        .iter()
        .filter(|s| s.status != SessionStatus::Cancelled && s.date <= today)
        .cloned()
        .collect();
    let timed: f64 = held
        .iter()
        .filter(|s| s.start.is_some())
        .map(|s| s.hours)
        .sum();
    let mut t = Tally {
        held_sessions: held.len(),
        held_hours: held.iter().map(|s| s.hours).sum(),
        ..Tally::default()
    };
    for p in &rows.people {
        if matches!(
            p.status,
            EnrolmentStatus::Interested | EnrolmentStatus::Counselled
        ) {
            continue;
        }
        t.people += 1;
        let Some((pattern, travel)) = &p.work else {
            continue;
        };
        t.with_working_times += 1;
        if p.status == EnrolmentStatus::Dropped || held.is_empty() {
            continue;
        }
        let fit = crate::work::check_sessions(pattern, *travel, cohort.state, offer, &held);
        t.person_hours += timed;
        t.person_hours_in_work += fit.collisions.iter().map(|c| c.overlap_hours).sum::<f64>();
        t.load_sum += fit.avg_weekly_hours;
        t.load_people += 1;
        t.peak_weekly_load = t.peak_weekly_load.max(fit.peak_weekly_hours);
    }
    for r in rows.releases.iter().filter(|r| within(r.date)) {
        t.release_needed_hours += r.hours;
        match r.agreed {
            Some(true) => t.release_agreed_hours += r.hours,
            Some(false) => t.release_declined_hours += r.hours,
            None => {}
        }
    }
    for c in rows.changes.iter().filter(|c| within(c.date)) {
        let e = t
            .change_reasons
            .entry(c.reason.trim().to_owned())
            .or_default();
        if c.change == "cancelled" {
            t.cancelled_sessions += 1;
            e.1 += 1;
        } else {
            t.moved_sessions += 1;
            e.0 += 1;
        }
    }
    for a in rows.attendance.iter().filter(|a| within(a.date)) {
        match a.status.as_str() {
            "present" => t.present += 1,
            "excused" => t.excused += 1,
            _ => t.absent += 1,
        }
    }
    for d in rows.dropouts.iter().filter(|d| within(d.on)) {
        t.dropouts += 1;
        *t.dropout_reasons.entry(d.reason.clone()).or_default() += 1;
        match d.stayed_employed {
            Some(true) => t.dropouts_stayed_employed += 1,
            Some(false) => t.dropouts_left_employment += 1,
            None => {}
        }
    }
    let horizon = crate::cohorts::cohort_horizon(cohort, &in_period, minimum, today);
    let leads: Vec<_> = horizon.leads.iter().flatten().collect();
    t.dates_dated = leads.len();
    t.dates_short = horizon.short;
    t.shortest_lead_weeks = horizon.shortest;
    t
}
