//! The readiness check (Eignungs- und Belastungscheck, MISSION §2.3): answers per dimension
//! become a traffic light with a reason, an overall recommendation and suggested actions.
//!
//! Rules (each dimension only when answered; unanswered ones are listed in `unanswered`):
//!
//! | dimension | green | yellow | red |
//! |---|---|---|---|
//! | time (free hours/week, offer hours `h`) | ≥ 1.25·h | ≥ h, < 1.25·h | < h → `longer_time_model` |
//! | time without offer hours | ≥ 8 | 4 – < 8 | < 4 → `longer_time_model` |
//! | commute (minutes one way) | ≤ 45 | ≤ 90 | > 90 |
//! | childcare | settled / not needed | partly → `referral_childcare` | no → `referral_childcare` |
//! | care duties | none / settled | partly → social counselling | not settled → social counselling |
//! | quiet place | yes | no → `quiet_room_at_provider` | – |
//! | internet | yes | unstable → `quiet_room_at_provider` | no → `quiet_room_at_provider` |
//! | device | own | shared → `device_loan` | none → `device_loan` |
//! | digital skills | good | basic → `digital_training` | none → `digital_training` |
//! | income if hours are reduced | ok / not applicable | tight → social counselling | at risk → social counselling |
//! | debts (part of income) | – | existing debts → `referral_debt_counselling` | – |
//! | motivation (job relates to content) | yes | partly / no | – |
//! | health (only with consent) | good | limited → `referral_health` | strained → `referral_health` |
//!
//! Overall: `advise_pause` if health is red or three or more dimensions are red;
//! else `advise_longer_model` if time or income is red; else `recommend_with_support` if any
//! dimension is yellow or red; else `recommend`. The overall advice adds `pause` or
//! `longer_time_model` to the actions. Actions are unique and in the order of [`Action`].

use chrono::NaiveDate;
use lernweg_domain::UserId;
use serde::{Deserialize, Serialize};

use crate::reason::{Reason, hours};

macro_rules! answer_enum {
    ($(#[$m:meta])* $name:ident { $($v:ident),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum $name { $($v),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$v),+];
        }
    };
}

answer_enum!(/// Is childcare settled for the session times?
    Childcare { Yes, Partly, No, NotNeeded });
answer_enum!(/// Care of relatives (Pflege).
    CareDuties { None, Settled, Partly, NotSettled });
answer_enum!(Internet { Yes, Unstable, No });
answer_enum!(Device { Own, Shared, None });
answer_enum!(DigitalSkills { Good, Basic, None });
answer_enum!(/// Income if working hours are reduced for the qualification.
    Income { Ok, Tight, AtRisk, NotApplicable });
answer_enum!(/// Does the current job relate to the qualification content?
    JobRelates { Yes, Partly, No });
answer_enum!(/// Health and psychological capacity (GDPR Art. 9: only with consent).
    Health { Good, Limited, Strained });

/// The answers of one check. Every field is optional: a form can be saved half done.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReadinessAnswers {
    pub free_hours_per_week: Option<f64>,
    pub commute_minutes: Option<u32>,
    pub childcare: Option<Childcare>,
    pub care_duties: Option<CareDuties>,
    pub quiet_place: Option<bool>,
    pub internet: Option<Internet>,
    pub device: Option<Device>,
    pub digital_skills: Option<DigitalSkills>,
    pub income_if_reduced: Option<Income>,
    pub existing_debts: Option<bool>,
    pub job_relates: Option<JobRelates>,
    pub health: Option<Health>,
}

/// The dimensions, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Dimension {
    Time,
    Commute,
    Childcare,
    CareDuties,
    QuietPlace,
    Internet,
    Device,
    DigitalSkills,
    Income,
    Motivation,
    Health,
}

/// A traffic light; ordered by concern (`Green < Yellow < Red`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Light {
    Green,
    Yellow,
    Red,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Overall {
    Recommend,
    RecommendWithSupport,
    AdviseLongerModel,
    AdvisePause,
}

/// A suggested action; message id `participants-action-<code>`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    DeviceLoan,
    DigitalTraining,
    QuietRoomAtProvider,
    ReferralChildcare,
    ReferralSocialCounselling,
    ReferralDebtCounselling,
    ReferralHealth,
    LongerTimeModel,
    Pause,
}

/// One dimension's light; `reason` has message id `participants-reason-<code>`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionResult {
    pub dimension: Dimension,
    pub light: Light,
    pub reason: Reason,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadinessResult {
    pub dimensions: Vec<DimensionResult>,
    pub unanswered: Vec<Dimension>,
    pub overall: Overall,
    pub actions: Vec<Action>,
}

impl Dimension {
    pub const ALL: [Dimension; 11] = [
        Dimension::Time,
        Dimension::Commute,
        Dimension::Childcare,
        Dimension::CareDuties,
        Dimension::QuietPlace,
        Dimension::Internet,
        Dimension::Device,
        Dimension::DigitalSkills,
        Dimension::Income,
        Dimension::Motivation,
        Dimension::Health,
    ];
}

impl Action {
    pub const ALL: [Action; 9] = [
        Action::DeviceLoan,
        Action::DigitalTraining,
        Action::QuietRoomAtProvider,
        Action::ReferralChildcare,
        Action::ReferralSocialCounselling,
        Action::ReferralDebtCounselling,
        Action::ReferralHealth,
        Action::LongerTimeModel,
        Action::Pause,
    ];
}

impl ReadinessResult {
    pub fn light(&self, d: Dimension) -> Option<Light> {
        self.dimensions
            .iter()
            .find(|r| r.dimension == d)
            .map(|r| r.light)
    }
}

/// A refused evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, thiserror::Error)]
pub enum ReadinessError {
    /// Health answers without a recorded health-data consent (GDPR Art. 9).
    #[error("health answers need a recorded health-data consent")]
    HealthWithoutConsent,
    /// A number out of range: free hours outside 0–168 or not finite.
    #[error("free hours per week must lie between 0 and 168")]
    FreeHoursOutOfRange,
}

impl ReadinessError {
    /// `health_without_consent` or `free_hours_out_of_range`; message id
    /// `participants-readiness-<code>`.
    pub fn code(self) -> &'static str {
        match self {
            ReadinessError::HealthWithoutConsent => "health_without_consent",
            ReadinessError::FreeHoursOutOfRange => "free_hours_out_of_range",
        }
    }
}

/// One check as kept: date, counsellor, answers, result. Later checks show the change
/// through [`compare`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ReadinessCheck {
    pub checked_on: NaiveDate,
    pub counsellor: UserId,
    pub answers: ReadinessAnswers,
    pub result: ReadinessResult,
}

/// The most weekly hours an offer can be checked against.
pub const OFFER_HOURS_MAX: f64 = 60.0;

/// Whether a number can be an offer's weekly hours: more than 0, at most [`OFFER_HOURS_MAX`].
pub fn offer_hours_valid(h: f64) -> bool {
    h.is_finite() && h > 0.0 && h <= OFFER_HOURS_MAX
}

/// Evaluates the answers. `health_consent` says whether an active health-data consent is
/// recorded; `offer_weekly_hours` is the offer's weekly load (sessions + self-study), if known.
pub fn evaluate(
    answers: &ReadinessAnswers,
    health_consent: bool,
    offer_weekly_hours: Option<f64>,
) -> Result<ReadinessResult, ReadinessError> {
    use Action as A;
    use Light::{Green, Red, Yellow};
    if answers.health.is_some() && !health_consent {
        return Err(ReadinessError::HealthWithoutConsent);
    }
    if answers
        .free_hours_per_week
        .is_some_and(|h| !(0.0..=168.0).contains(&h))
    {
        return Err(ReadinessError::FreeHoursOutOfRange);
    }
    let mut dims: Vec<DimensionResult> = Vec::new();
    let mut actions: Vec<Action> = Vec::new();
    let mut unanswered = Vec::new();
    let mut put = |dimension, light, reason: Reason, action: &[Action]| {
        dims.push(DimensionResult {
            dimension,
            light,
            reason,
        });
        actions.extend_from_slice(action);
    };
    let r = Reason::new;

    match (answers.free_hours_per_week, offer_weekly_hours) {
        (None, _) => unanswered.push(Dimension::Time),
        (Some(free), Some(need)) if need > 0.0 => {
            let reason = |code| r(code).arg("free", hours(free)).arg("needed", hours(need));
            if free < need {
                put(
                    Dimension::Time,
                    Red,
                    reason("free_hours_below_offer"),
                    &[A::LongerTimeModel],
                );
            } else if free < need * 1.25 {
                put(
                    Dimension::Time,
                    Yellow,
                    reason("free_hours_little_buffer"),
                    &[],
                );
            } else {
                put(Dimension::Time, Green, reason("free_hours_enough"), &[]);
            }
        }
        (Some(free), _) => {
            let reason = |code| r(code).arg("free", hours(free));
            if free < 4.0 {
                put(
                    Dimension::Time,
                    Red,
                    reason("free_hours_very_few"),
                    &[A::LongerTimeModel],
                );
            } else if free < 8.0 {
                put(Dimension::Time, Yellow, reason("free_hours_few"), &[]);
            } else {
                put(
                    Dimension::Time,
                    Green,
                    reason("free_hours_enough_general"),
                    &[],
                );
            }
        }
    }
    match answers.commute_minutes {
        None => unanswered.push(Dimension::Commute),
        Some(m) => {
            let (light, code) = match m {
                0..=45 => (Green, "commute_short"),
                46..=90 => (Yellow, "commute_long"),
                _ => (Red, "commute_very_long"),
            };
            put(Dimension::Commute, light, r(code).arg("minutes", m), &[]);
        }
    }
    match answers.childcare {
        None => unanswered.push(Dimension::Childcare),
        Some(c) => match c {
            Childcare::Yes => put(Dimension::Childcare, Green, r("childcare_settled"), &[]),
            Childcare::NotNeeded => {
                put(Dimension::Childcare, Green, r("childcare_not_needed"), &[])
            }
            Childcare::Partly => put(
                Dimension::Childcare,
                Yellow,
                r("childcare_partly"),
                &[A::ReferralChildcare],
            ),
            Childcare::No => put(
                Dimension::Childcare,
                Red,
                r("childcare_missing"),
                &[A::ReferralChildcare],
            ),
        },
    }
    match answers.care_duties {
        None => unanswered.push(Dimension::CareDuties),
        Some(c) => match c {
            CareDuties::None => put(Dimension::CareDuties, Green, r("care_none"), &[]),
            CareDuties::Settled => put(Dimension::CareDuties, Green, r("care_settled"), &[]),
            CareDuties::Partly => put(
                Dimension::CareDuties,
                Yellow,
                r("care_partly"),
                &[A::ReferralSocialCounselling],
            ),
            CareDuties::NotSettled => put(
                Dimension::CareDuties,
                Red,
                r("care_not_settled"),
                &[A::ReferralSocialCounselling],
            ),
        },
    }
    match answers.quiet_place {
        None => unanswered.push(Dimension::QuietPlace),
        Some(true) => put(Dimension::QuietPlace, Green, r("quiet_place_yes"), &[]),
        Some(false) => put(
            Dimension::QuietPlace,
            Yellow,
            r("quiet_place_no"),
            &[A::QuietRoomAtProvider],
        ),
    }
    match answers.internet {
        None => unanswered.push(Dimension::Internet),
        Some(Internet::Yes) => put(Dimension::Internet, Green, r("internet_yes"), &[]),
        Some(Internet::Unstable) => put(
            Dimension::Internet,
            Yellow,
            r("internet_unstable"),
            &[A::QuietRoomAtProvider],
        ),
        Some(Internet::No) => put(
            Dimension::Internet,
            Red,
            r("internet_no"),
            &[A::QuietRoomAtProvider],
        ),
    }
    match answers.device {
        None => unanswered.push(Dimension::Device),
        Some(Device::Own) => put(Dimension::Device, Green, r("device_own"), &[]),
        Some(Device::Shared) => put(
            Dimension::Device,
            Yellow,
            r("device_shared"),
            &[A::DeviceLoan],
        ),
        Some(Device::None) => put(Dimension::Device, Red, r("device_none"), &[A::DeviceLoan]),
    }
    match answers.digital_skills {
        None => unanswered.push(Dimension::DigitalSkills),
        Some(DigitalSkills::Good) => put(Dimension::DigitalSkills, Green, r("digital_good"), &[]),
        Some(DigitalSkills::Basic) => put(
            Dimension::DigitalSkills,
            Yellow,
            r("digital_basic"),
            &[A::DigitalTraining],
        ),
        Some(DigitalSkills::None) => put(
            Dimension::DigitalSkills,
            Red,
            r("digital_none"),
            &[A::DigitalTraining],
        ),
    }
    let debts = answers.existing_debts == Some(true);
    let debt_action: &[Action] = if debts {
        &[A::ReferralDebtCounselling]
    } else {
        &[]
    };
    match answers.income_if_reduced {
        None if debts => put(Dimension::Income, Yellow, r("income_debts"), debt_action),
        None => unanswered.push(Dimension::Income),
        Some(i) => {
            let (light, code, mut acts) = match i {
                Income::Ok => (Green, "income_ok", vec![]),
                Income::NotApplicable => (Green, "income_not_applicable", vec![]),
                Income::Tight => (Yellow, "income_tight", vec![A::ReferralSocialCounselling]),
                Income::AtRisk => (Red, "income_at_risk", vec![A::ReferralSocialCounselling]),
            };
            acts.extend_from_slice(debt_action);
            let (light, code) = if debts && light == Green {
                (Yellow, "income_debts")
            } else {
                (light, code)
            };
            put(Dimension::Income, light, r(code), &acts);
        }
    }
    match answers.job_relates {
        None => unanswered.push(Dimension::Motivation),
        Some(JobRelates::Yes) => put(Dimension::Motivation, Green, r("job_relates"), &[]),
        Some(JobRelates::Partly) => {
            put(Dimension::Motivation, Yellow, r("job_relates_partly"), &[])
        }
        Some(JobRelates::No) => put(Dimension::Motivation, Yellow, r("job_unrelated"), &[]),
    }
    match answers.health {
        None => unanswered.push(Dimension::Health),
        Some(Health::Good) => put(Dimension::Health, Green, r("health_good"), &[]),
        Some(Health::Limited) => put(
            Dimension::Health,
            Yellow,
            r("health_limited"),
            &[A::ReferralHealth],
        ),
        Some(Health::Strained) => put(
            Dimension::Health,
            Red,
            r("health_strained"),
            &[A::ReferralHealth],
        ),
    }

    let red = |d| dims.iter().any(|x| x.dimension == d && x.light == Red);
    let reds = dims.iter().filter(|x| x.light == Red).count();
    let overall = if red(Dimension::Health) || reds >= 3 {
        Overall::AdvisePause
    } else if red(Dimension::Time) || red(Dimension::Income) {
        Overall::AdviseLongerModel
    } else if dims.iter().any(|x| x.light != Green) {
        Overall::RecommendWithSupport
    } else {
        Overall::Recommend
    };
    match overall {
        Overall::AdvisePause => actions.push(A::Pause),
        Overall::AdviseLongerModel => actions.push(A::LongerTimeModel),
        _ => {}
    }
    actions.sort();
    actions.dedup();
    Ok(ReadinessResult {
        dimensions: dims,
        unanswered,
        overall,
        actions,
    })
}

/// How one dimension changed between two checks. `None` means not answered in that check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DimensionChange {
    pub dimension: Dimension,
    pub from: Option<Light>,
    pub to: Option<Light>,
}

impl DimensionChange {
    /// True if the later light is of less concern (an answer that appears is not "better").
    pub fn improved(&self) -> bool {
        matches!((self.from, self.to), (Some(a), Some(b)) if b < a)
    }
}

/// The dimensions whose light differs between an earlier and a later check, in display order.
pub fn compare(earlier: &ReadinessResult, later: &ReadinessResult) -> Vec<DimensionChange> {
    let mut all: Vec<Dimension> = earlier
        .dimensions
        .iter()
        .chain(&later.dimensions)
        .map(|d| d.dimension)
        .collect();
    all.sort();
    all.dedup();
    all.into_iter()
        .map(|d| DimensionChange {
            dimension: d,
            from: earlier.light(d),
            to: later.light(d),
        })
        .filter(|c| c.from != c.to)
        .collect()
}
