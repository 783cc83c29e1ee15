//! Readiness checks over the API measured against the offer's weekly hours: taken from the
//! participant's current cohort (or a given one) when not sent, kept with the check, and
//! compared from the kept results.

use lernweg_domain::Role;
use serde_json::{Value, json};

use super::common::{self, TestApp};
use super::{Api, codes};

/// The weekly hours the fixture cohort's timetable asks for.
fn fixture_cohort_hours(app: &TestApp) -> f64 {
    common::planned_weekly_hours(&app.offer.offer, app.cohort.start_date, app.cohort.state)
}

/// The time dimension of a result.
fn time_of(check: &Value) -> &Value {
    check["result"]["dimensions"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["dimension"] == "time")
        .unwrap_or_else(|| panic!("no time dimension in {check}"))
}

#[tokio::test]
async fn without_offer_hours_the_current_cohorts_hours_are_used_and_kept() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Counsellor);
    let pid = app.participant;
    let checks = format!("/api/v1/participants/{pid}/readiness-checks");
    let hours = fixture_cohort_hours(&app);
    assert!(hours > 2.0, "the fixture cohort asks for {hours} hours");

    // The participant is interested in the fixture cohort: its hours are taken.
    let (status, check) = api
        .post(
            &checks,
            json!({"checked_on": "2026-09-01", "answers": {"free_hours_per_week": 2}}),
        )
        .await;
    assert_eq!(status, 201, "{check}");
    assert_eq!(check["offer_hours"].as_f64(), Some(hours), "{check}");
    assert_eq!(check["cohort_id"], app.cohort.id.to_string());
    let time = time_of(&check);
    assert_eq!(time["light"], "red", "{check}");
    assert_eq!(time["reason"]["code"], "free_hours_below_offer");
    let needed: f64 = time["reason"]["args"]["needed"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(needed, hours, "the stored result names the cohort's hours");
    let kept = app.state.store.readiness_checks(pid).await.unwrap();
    assert_eq!(kept[0].offer_hours, Some(hours));
    assert_eq!(kept[0].cohort_id, Some(app.cohort.id));

    // Hours sent win; without a cohort none is kept.
    let (status, sent) = api
        .post(
            &checks,
            json!({"checked_on": "2026-09-02", "answers": {"free_hours_per_week": 2}, "offer_hours": 1.5}),
        )
        .await;
    assert_eq!(status, 201, "{sent}");
    assert_eq!(sent["offer_hours"].as_f64(), Some(1.5));
    assert_eq!(sent["cohort_id"], Value::Null);
    assert_eq!(time_of(&sent)["reason"]["code"], "free_hours_enough");

    // A given cohort gives its hours.
    let (status, given) = api
        .post(
            &checks,
            json!({"checked_on": "2026-09-03", "answers": {"free_hours_per_week": 2},
                   "cohort_id": app.cohort.id.to_string()}),
        )
        .await;
    assert_eq!(status, 201, "{given}");
    assert_eq!(given["offer_hours"].as_f64(), Some(hours));
    assert_eq!(given["cohort_id"], app.cohort.id.to_string());

    // Refusals: hours out of range, an unknown cohort, another provider's cohort id.
    for (body, field, code) in [
        (
            json!({"answers": {}, "offer_hours": 0}),
            "offer_hours",
            "out_of_range",
        ),
        (
            json!({"answers": {}, "offer_hours": 61}),
            "offer_hours",
            "out_of_range",
        ),
        (
            json!({"answers": {}, "cohort_id": "kein-durchgang"}),
            "cohort_id",
            "unknown",
        ),
        (
            json!({"answers": {}, "cohort_id": lernweg_domain::CohortId::from_uuid(uuid::Uuid::now_v7()).to_string()}),
            "cohort_id",
            "unknown",
        ),
    ] {
        let (status, problem) = api.post(&checks, body).await;
        assert_eq!(status, 422, "{problem}");
        assert_eq!(codes(&problem), [(field.to_owned(), code.to_owned())]);
    }

    // Without an open enrolment there are no offer hours.
    let events = format!("/api/v1/enrolments/{}/events", app.enrolment);
    let (status, e) = api
        .post(
            &events,
            json!({"on": "2026-09-04", "event": {"event": "drop", "reason": "workload", "stayed_employed": true}}),
        )
        .await;
    assert_eq!(status, 200, "{e}");
    let (status, none) = api
        .post(
            &checks,
            json!({"checked_on": "2026-09-05", "answers": {"free_hours_per_week": 2}}),
        )
        .await;
    assert_eq!(status, 201, "{none}");
    assert_eq!(none["offer_hours"], Value::Null);
    assert_eq!(none["cohort_id"], Value::Null);
    assert_eq!(time_of(&none)["reason"]["code"], "free_hours_very_few");
}

#[tokio::test]
async fn changes_compare_the_kept_results_not_a_new_evaluation() {
    let app = TestApp::spawn().await;
    let api = Api::of(&app, Role::Counsellor);
    let pid = app.participant;
    let checks = format!("/api/v1/participants/{pid}/readiness-checks");
    // The same free hours, measured against 10 and then against 5 offer hours: the time
    // light changes from red to green. Evaluated again without the hours, both would be
    // the same green and no change would show.
    let (status, first) = api
        .post(
            &checks,
            json!({"checked_on": "2026-09-01", "answers": {"free_hours_per_week": 9}, "offer_hours": 10}),
        )
        .await;
    assert_eq!(status, 201, "{first}");
    assert_eq!(time_of(&first)["light"], "red");
    let (status, second) = api
        .post(
            &checks,
            json!({"checked_on": "2026-10-01", "answers": {"free_hours_per_week": 9}, "offer_hours": 5}),
        )
        .await;
    assert_eq!(status, 201, "{second}");
    let expected = json!([{"dimension": "time", "from": "red", "to": "green"}]);
    assert_eq!(second["changes"], expected, "{second}");
    let (status, list) = api.get(&checks).await;
    assert_eq!(status, 200);
    assert_eq!(list[1]["changes"], expected, "{list}");
    assert_eq!(list[0]["offer_hours"].as_f64(), Some(10.0));
    assert_eq!(list[1]["offer_hours"].as_f64(), Some(5.0));
}
