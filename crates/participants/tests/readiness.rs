//! The readiness check: lights, overall advice, actions, consent, comparison.

use lernweg_participants::readiness::{
    CareDuties, Childcare, Device, DigitalSkills, Health, Income, Internet, JobRelates,
};
use lernweg_participants::{
    Action, Dimension, Light, Overall, ReadinessAnswers, ReadinessError, compare, evaluate,
};
use proptest::prelude::*;

fn all_good() -> ReadinessAnswers {
    ReadinessAnswers {
        free_hours_per_week: Some(12.0),
        commute_minutes: Some(30),
        childcare: Some(Childcare::NotNeeded),
        care_duties: Some(CareDuties::None),
        quiet_place: Some(true),
        internet: Some(Internet::Yes),
        device: Some(Device::Own),
        digital_skills: Some(DigitalSkills::Good),
        income_if_reduced: Some(Income::NotApplicable),
        existing_debts: Some(false),
        job_relates: Some(JobRelates::Yes),
        health: None,
    }
}

#[test]
fn all_green_is_recommended_without_actions() {
    let r = evaluate(&all_good(), false, Some(8.0)).unwrap();
    assert_eq!(r.overall, Overall::Recommend);
    assert!(r.actions.is_empty());
    assert!(r.dimensions.iter().all(|d| d.light == Light::Green));
    assert_eq!(r.unanswered, [Dimension::Health]);
}

#[test]
fn free_hours_against_the_offer() {
    let mut a = all_good();
    for (free, light) in [
        (7.5, Light::Red),
        (8.0, Light::Yellow),
        (9.9, Light::Yellow),
        (10.0, Light::Green),
    ] {
        a.free_hours_per_week = Some(free);
        let r = evaluate(&a, false, Some(8.0)).unwrap();
        assert_eq!(r.light(Dimension::Time), Some(light), "{free}");
    }
    a.free_hours_per_week = Some(6.0);
    let r = evaluate(&a, false, Some(8.0)).unwrap();
    let time = &r.dimensions[0];
    assert_eq!(time.reason.code, "free_hours_below_offer");
    assert_eq!(
        (time.reason.get("free"), time.reason.get("needed")),
        (Some("6"), Some("8"))
    );
    assert_eq!(r.overall, Overall::AdviseLongerModel);
    assert_eq!(r.actions, [Action::LongerTimeModel]);
    // Without the offer's hours, general thresholds.
    for (free, light) in [(3.0, Light::Red), (4.0, Light::Yellow), (8.0, Light::Green)] {
        a.free_hours_per_week = Some(free);
        assert_eq!(
            evaluate(&a, false, None).unwrap().light(Dimension::Time),
            Some(light)
        );
    }
}

#[test]
fn no_device_is_red_with_a_loan() {
    let mut a = all_good();
    a.device = Some(Device::None);
    let r = evaluate(&a, false, Some(8.0)).unwrap();
    assert_eq!(r.light(Dimension::Device), Some(Light::Red));
    assert_eq!(r.overall, Overall::RecommendWithSupport);
    assert_eq!(r.actions, [Action::DeviceLoan]);
}

#[test]
fn support_actions_follow_the_answers_in_a_fixed_order() {
    let mut a = all_good();
    a.childcare = Some(Childcare::Partly);
    a.internet = Some(Internet::Unstable);
    a.quiet_place = Some(false);
    a.digital_skills = Some(DigitalSkills::Basic);
    a.income_if_reduced = Some(Income::Tight);
    a.existing_debts = Some(true);
    a.care_duties = Some(CareDuties::Partly);
    let r = evaluate(&a, false, Some(8.0)).unwrap();
    assert_eq!(r.overall, Overall::RecommendWithSupport);
    assert_eq!(
        r.actions,
        [
            Action::DigitalTraining,
            Action::QuietRoomAtProvider,
            Action::ReferralChildcare,
            Action::ReferralSocialCounselling,
            Action::ReferralDebtCounselling,
        ]
    );
}

#[test]
fn debts_turn_a_green_income_yellow() {
    let mut a = all_good();
    a.existing_debts = Some(true);
    let r = evaluate(&a, false, None).unwrap();
    assert_eq!(r.light(Dimension::Income), Some(Light::Yellow));
    assert_eq!(
        r.dimensions
            .iter()
            .find(|d| d.dimension == Dimension::Income)
            .unwrap()
            .reason
            .code,
        "income_debts"
    );
}

#[test]
fn health_needs_consent() {
    let mut a = all_good();
    a.health = Some(Health::Good);
    assert_eq!(
        evaluate(&a, false, None),
        Err(ReadinessError::HealthWithoutConsent)
    );
    assert_eq!(
        ReadinessError::HealthWithoutConsent.code(),
        "health_without_consent"
    );
    let r = evaluate(&a, true, None).unwrap();
    assert_eq!(r.light(Dimension::Health), Some(Light::Green));
    a.health = Some(Health::Strained);
    let r = evaluate(&a, true, None).unwrap();
    assert_eq!(r.overall, Overall::AdvisePause);
    assert_eq!(r.actions, [Action::ReferralHealth, Action::Pause]);
}

#[test]
fn three_reds_advise_a_pause() {
    let mut a = all_good();
    a.childcare = Some(Childcare::No);
    a.care_duties = Some(CareDuties::NotSettled);
    a.commute_minutes = Some(120);
    let r = evaluate(&a, false, None).unwrap();
    assert_eq!(r.overall, Overall::AdvisePause);
    assert!(r.actions.contains(&Action::Pause));
    a.commute_minutes = Some(60);
    assert_eq!(
        evaluate(&a, false, None).unwrap().overall,
        Overall::RecommendWithSupport
    );
}

#[test]
fn income_at_risk_advises_a_longer_model() {
    let mut a = all_good();
    a.income_if_reduced = Some(Income::AtRisk);
    let r = evaluate(&a, false, None).unwrap();
    assert_eq!(r.overall, Overall::AdviseLongerModel);
    assert_eq!(
        r.actions,
        [Action::ReferralSocialCounselling, Action::LongerTimeModel]
    );
}

#[test]
fn an_empty_form_is_all_unanswered() {
    let r = evaluate(&ReadinessAnswers::default(), false, None).unwrap();
    assert!(r.dimensions.is_empty());
    assert_eq!(r.unanswered.len(), 11);
    assert_eq!(r.overall, Overall::Recommend);
    assert_eq!(
        evaluate(
            &ReadinessAnswers {
                free_hours_per_week: Some(-1.0),
                ..Default::default()
            },
            false,
            None
        ),
        Err(ReadinessError::FreeHoursOutOfRange)
    );
}

#[test]
fn later_check_shows_the_change() {
    let mut first = all_good();
    first.device = Some(Device::None);
    first.childcare = Some(Childcare::No);
    first.job_relates = None;
    let mut later = all_good();
    later.childcare = Some(Childcare::Partly);
    let a = evaluate(&first, false, None).unwrap();
    let b = evaluate(&later, false, None).unwrap();
    let changes = compare(&a, &b);
    let summary: Vec<_> = changes
        .iter()
        .map(|c| (c.dimension, c.from, c.to, c.improved()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                Dimension::Childcare,
                Some(Light::Red),
                Some(Light::Yellow),
                true
            ),
            (
                Dimension::Device,
                Some(Light::Red),
                Some(Light::Green),
                true
            ),
            (Dimension::Motivation, None, Some(Light::Green), false),
        ]
    );
    assert!(compare(&b, &b).is_empty());
}

#[test]
fn result_serializes_with_codes() {
    let mut a = all_good();
    a.device = Some(Device::Shared);
    let r = evaluate(&a, false, None).unwrap();
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["overall"], "recommend_with_support");
    assert_eq!(json["actions"][0], "device_loan");
    assert_eq!(json["dimensions"][6]["dimension"], "device");
    assert_eq!(json["dimensions"][6]["light"], "yellow");
    assert_eq!(json["dimensions"][6]["reason"]["code"], "device_shared");
    let back: ReadinessAnswers =
        serde_json::from_str(r#"{"device":"shared","income_if_reduced":"at_risk"}"#).unwrap();
    assert_eq!(back.income_if_reduced, Some(Income::AtRisk));
}

proptest! {
    /// Actions are unique and sorted; `pause` only with advise_pause; a red light never
    /// yields a plain recommendation.
    #[test]
    fn evaluation_is_consistent(
        free in prop::option::of(0.0f64..40.0),
        commute in prop::option::of(0u32..200),
        device in prop::option::of(prop::sample::select(vec![Device::Own, Device::Shared, Device::None])),
        childcare in prop::option::of(prop::sample::select(vec![Childcare::Yes, Childcare::Partly, Childcare::No, Childcare::NotNeeded])),
        income in prop::option::of(prop::sample::select(vec![Income::Ok, Income::Tight, Income::AtRisk, Income::NotApplicable])),
        health in prop::option::of(prop::sample::select(vec![Health::Good, Health::Limited, Health::Strained])),
        offer in prop::option::of(1.0f64..20.0),
    ) {
        let a = ReadinessAnswers { free_hours_per_week: free, commute_minutes: commute, device, childcare, income_if_reduced: income, health, ..Default::default() };
        let r = evaluate(&a, true, offer).unwrap();
        prop_assert!(r.actions.windows(2).all(|w| w[0] < w[1]));
        prop_assert_eq!(r.actions.contains(&Action::Pause), r.overall == Overall::AdvisePause);
        if r.dimensions.iter().any(|d| d.light == Light::Red) {
            prop_assert!(r.overall != Overall::Recommend);
        }
        prop_assert_eq!(r.dimensions.len() + r.unanswered.len(), 11);
    }
}

#[test]
fn offer_hours_must_lie_between_zero_and_sixty() {
    use lernweg_participants::readiness::{OFFER_HOURS_MAX, offer_hours_valid};
    for h in [0.5, 7.5, OFFER_HOURS_MAX] {
        assert!(offer_hours_valid(h), "{h}");
    }
    for h in [0.0, -1.0, 60.5, f64::NAN, f64::INFINITY] {
        assert!(!offer_hours_valid(h), "{h}");
    }
}
