//! The participant area at 10 and at 1,000: the list page (first page and a search), a
//! participant page with many enrolments and contacts, and the API list need the same
//! number of SQL statements at both sizes, and few.

use chrono::NaiveDate;
use lernweg_domain::{ParticipantId, Role, State};
use lernweg_participants::{ConsentScope, ContactChannel, ParticipantDraft};
use lernweg_store::{Actor, NewCohort, NewContact, NewSession};

use super::common::TestApp;
use super::counter;

/// The most statements each request may need (stated in the closing note).
const LIST_MAX: usize = 10;
const SEARCH_MAX: usize = 10;
const PAGE_MAX: usize = 32;
const API_MAX: usize = 8;

fn person(n: usize) -> lernweg_participants::ParticipantData {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": format!("Person{n}"), "family_name": format!("Müller{n:05}"),
        "email": format!("p{n}@example.org"), "phone": format!("0170 {n:07}"),
    }))
    .unwrap();
    draft.validate(2026).unwrap()
}

/// Grows the data to `people` participants of provider 1 (each with a consent, an enrolment
/// in the fixture's cohort and a contact), and gives the fixture participant `cohorts`
/// enrolments and `contacts` contact log entries in all.
struct Grower<'a> {
    app: &'a TestApp,
    people: usize,
    cohorts: usize,
    contacts: usize,
}

impl Grower<'_> {
    async fn grow_to(&mut self, people: usize, cohorts: usize, contacts: usize) {
        let s = &self.app.state.store;
        let sys = Actor::system();
        let counsellor = self.app.user(Role::Counsellor).id;
        let day = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        while self.people < people {
            let p = s
                .create_participant_with_consents(
                    &sys,
                    self.app.p1.id,
                    Some(counsellor),
                    person(self.people),
                    &[(ConsentScope::DataProcessing, day)],
                )
                .await
                .unwrap();
            s.enrol(&sys, p.id, self.app.cohort.id).await.unwrap();
            self.contact(p.id, self.people).await;
            self.people += 1;
        }
        let start = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
        let plan = lernweg_planner::plan(
            &self.app.offer.offer.to_spec(start, State::NW),
            &Default::default(),
        )
        .unwrap();
        let sessions: Vec<NewSession> =
            plan.sessions.iter().map(NewSession::from_planned).collect();
        while self.cohorts < cohorts {
            let c = s
                .create_cohort(
                    &sys,
                    NewCohort {
                        planning: Default::default(),
                        offer_id: self.app.offer.id,
                        name: format!("Kohorte {}", self.cohorts),
                        state: State::NW,
                        start_date: start,
                        room: String::new(),
                        online_link: String::new(),
                        trainers: vec![self.app.user(Role::Trainer).id],
                    },
                    &sessions,
                )
                .await
                .unwrap();
            s.enrol(&sys, self.app.participant, c.id).await.unwrap();
            self.cohorts += 1;
        }
        while self.contacts < contacts {
            self.contact(self.app.participant, self.contacts).await;
            self.contacts += 1;
        }
    }

    async fn contact(&self, p: ParticipantId, n: usize) {
        let on = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new((n % 200) as u64);
        self.app
            .state
            .store
            .add_contact(
                &Actor::system(),
                p,
                NewContact {
                    on_date: on,
                    channel: ContactChannel::Phone,
                    topic: format!("Gespräch {n}"),
                    note: "Notiz".into(),
                },
            )
            .await
            .unwrap();
    }
}

/// The statements of the four requests: list, search, participant page, API list.
async fn measure(app: &TestApp, staff: &reqwest::Client) -> [usize; 4] {
    let mut out = [0; 4];
    let pages = [
        "/verwaltung/teilnehmende".to_owned(),
        "/verwaltung/teilnehmende?q=m%C3%BCller0&status=interested".to_owned(),
        format!("/verwaltung/teilnehmende/{}", app.participant),
    ];
    // Writes that happen at most once a minute (a token's or a session's last use) and the
    // read-audit queue's flush timer must not make the count depend on timing: each request
    // is made once before it is counted, and the queue is written out in between.
    for (i, path) in pages.iter().enumerate() {
        counter::get(staff, &app.url(path)).await;
        app.state.store.flush_audit().await.unwrap();
        let (status, n) = counter::get(staff, &app.url(path)).await;
        assert_eq!(status, 200, "{path}");
        out[i] = n;
    }
    let api = || {
        TestApp::client()
            .get(app.url("/api/v1/participants?limit=50"))
            .bearer_auth(app.token(Role::Coordinator))
    };
    counter::get_with(api()).await;
    app.state.store.flush_audit().await.unwrap();
    let (status, n) = counter::get_with(api()).await;
    assert_eq!(status, 200);
    out[3] = n;
    out
}

#[tokio::test]
async fn the_participant_area_needs_as_many_statements_for_1000_people_as_for_10() {
    let app = TestApp::spawn().await;
    let (staff, _) = app.login("coordinator@test.example").await;
    // The fixture has one participant, enrolled in one cohort, without contacts.
    let mut grow = Grower {
        app: &app,
        people: 1,
        cohorts: 1,
        contacts: 0,
    };
    grow.grow_to(10, 2, 10).await;
    let small = measure(&app, &staff).await;
    grow.grow_to(1000, 12, 300).await;
    let large = measure(&app, &staff).await;
    assert_eq!(
        small, large,
        "[list, search, participant page, API] at 10 and at 1,000"
    );
    let [list, search, page, api] = large;
    assert!(list <= LIST_MAX, "list: {list}");
    assert!(search <= SEARCH_MAX, "search: {search}");
    assert!(page <= PAGE_MAX, "participant page: {page}");
    assert!(api <= API_MAX, "API list: {api}");
    eprintln!("statements: list {list}, search {search}, participant page {page}, API {api}");
}
