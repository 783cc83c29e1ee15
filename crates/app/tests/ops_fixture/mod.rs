//! One provider with a running evening course (Tuesdays 18–21, from 3 March 2026), its staff,
//! three enrolled participants, and a second provider; the clock stands on 17 March 2026.

#![allow(dead_code)]

use chrono::NaiveDate;
use lernweg_app::admin::{self, NewAccount};
use lernweg_app::{App, Caller, Clock};
use lernweg_domain::{CohortId, CohortStatus, EnrolmentId, Principal, ProviderId, Role, State};
use lernweg_offers::{Offer, OfferDraft};
use lernweg_participants::{EnrolmentEvent, ParticipantDraft};
use lernweg_planner::{PlanOptions, plan};
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, AuditEntry, NewCohort, NewSession, ParticipantRecord, SessionRecord};

pub fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The day the clock stands on.
pub fn today() -> NaiveDate {
    date(2026, 3, 17)
}

/// Tuesday evenings in presence: two modules, the second closing with an exam.
fn offer() -> Offer {
    let draft: OfferDraft = serde_json::from_value(serde_json::json!({
        "title": "Pflegedeutsch am Dienstagabend", "goal": "adaptation_qualification",
        "kldb": "81302", "target_group": "Pflegehilfskräfte mit Berufserfahrung",
        "description": "Deutsch für den Stationsalltag. Wir lernen dienstags nach der Arbeit.",
        "delivery_modes": ["presence"], "kickoff_in_presence": false, "closing_in_presence": false,
        "time_model": {"kind": "evening_course",
            "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}]},
        "modules": [{"title": "Übergabe", "hours": 9},
            {"title": "Dokumentation", "hours": 6, "milestone": "Teilzertifikat Dokumentation"}],
        "exams": [{"after_module": 2, "title": "Prüfung Pflegedeutsch", "hours": 3}],
        "location": {"name": "Lernzentrum Nord", "street": "Am Markt 4", "zip": "44135",
            "city": "Dortmund", "step_free": true},
        "costs_eur": 0, "capacity": 12,
        "contact_name": "Jonas Weber", "contact_email": "j.weber@traeger.example"
    }))
    .unwrap();
    draft.validate().unwrap()
}

fn person(given: &str, family: &str) -> lernweg_participants::ParticipantData {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": given, "family_name": family, "mother_tongue": "ar", "german_level": "B1",
        "preferred_channel": "phone"
    }))
    .unwrap();
    draft.validate(2026).unwrap()
}

pub struct World {
    pub db: TestDb,
    pub app: App,
    pub provider: ProviderId,
    pub other_provider: ProviderId,
    pub admin: Caller,
    pub coordinator: Caller,
    /// Teaches the cohort.
    pub trainer: Caller,
    /// A trainer of the same provider who does not teach the cohort.
    pub other_trainer: Caller,
    /// The coordinator of the other provider.
    pub foreign: Caller,
    pub cohort: CohortId,
    pub sessions: Vec<SessionRecord>,
    pub participants: Vec<ParticipantRecord>,
    /// Active, active, only counselled.
    pub enrolments: Vec<EnrolmentId>,
}

/// An account made by the operator, as `lernweg user add` makes it, and its caller.
async fn account(app: &App, mail: &str, role: Role, provider: Option<ProviderId>) -> Caller {
    let new = NewAccount {
        email: mail.to_owned(),
        display_name: mail.split('@').next().unwrap().to_owned(),
        role: role.as_str().to_owned(),
        provider: provider.map(|p| p.to_string()),
        password: "ein-sicheres-passwort".to_owned(),
    };
    let user = admin::create_user(app, &admin::operator(), new)
        .await
        .unwrap();
    let principal = Principal {
        user_id: user.id,
        role,
        provider_id: provider,
    };
    Caller::new(principal, Actor::user(user.id, mail))
}

async fn provider(app: &App, name: &str) -> ProviderId {
    let p = admin::create_provider(app, &admin::operator(), name, "NW").await;
    p.unwrap().id
}

pub async fn world() -> World {
    let db = TestDb::new().await;
    let store = db.store.clone().with_clock(Clock::fixed_day(today()));
    let app = App::new(store.clone());
    let s = &store;
    let sys = Actor::system();
    let p = provider(&app, "Träger Eins").await;
    let other = provider(&app, "Träger Zwei").await;
    let admin = account(&app, "admin@t.example", Role::Admin, None).await;
    let coordinator = account(&app, "koordination@t.example", Role::Coordinator, Some(p)).await;
    let trainer = account(&app, "lehrkraft@t.example", Role::Trainer, Some(p)).await;
    let t = trainer.principal.user_id;
    let other_trainer = account(&app, "andere@t.example", Role::Trainer, Some(p)).await;
    let foreign = account(
        &app,
        "koordination@z.example",
        Role::Coordinator,
        Some(other),
    )
    .await;
    let start = date(2026, 3, 3);
    let rec = s.create_offer(&sys, p, offer()).await.unwrap();
    let planned = plan(
        &rec.offer.to_spec(start, State::NW),
        &PlanOptions::default(),
    )
    .unwrap();
    let new_sessions: Vec<NewSession> = planned
        .sessions
        .iter()
        .map(NewSession::from_planned)
        .collect();
    let cohort = s
        .create_cohort(
            &sys,
            NewCohort {
                planning: Default::default(),
                offer_id: rec.id,
                name: "Durchgang März".into(),
                state: State::NW,
                start_date: start,
                room: String::new(),
                online_link: String::new(),
                trainers: vec![t],
            },
            &new_sessions,
        )
        .await
        .unwrap();
    for to in [CohortStatus::Published, CohortStatus::Running] {
        s.set_cohort_status(&sys, cohort.id, to).await.unwrap();
    }
    let mut participants = Vec::new();
    let mut enrolments = Vec::new();
    for (i, (given, family)) in [
        ("Amina", "Haddad"),
        ("Oleksandr", "Bondar"),
        ("Samuel", "Okafor"),
    ]
    .into_iter()
    .enumerate()
    {
        let person = s
            .create_participant(&sys, p, Some(t), person(given, family))
            .await
            .unwrap();
        let e = s.enrol(&sys, person.id, cohort.id).await.unwrap();
        let mut events = vec![(date(2026, 2, 1), EnrolmentEvent::Counsel)];
        if i < 2 {
            events.push((date(2026, 2, 10), EnrolmentEvent::Enrol));
            events.push((start, EnrolmentEvent::Activate));
        }
        for (on, ev) in events {
            s.apply_enrolment_event(&sys, e.id, on, ev).await.unwrap();
        }
        participants.push(person);
        enrolments.push(e.id);
    }
    let sessions = s.timetable(cohort.id).await.unwrap();
    World {
        db,
        app,
        provider: p,
        other_provider: other,
        admin,
        coordinator,
        trainer,
        other_trainer,
        foreign,
        cohort: cohort.id,
        sessions,
        participants,
        enrolments,
    }
}

impl World {
    /// The first session on `day`.
    pub fn session_on(&self, day: NaiveDate) -> &SessionRecord {
        self.sessions.iter().find(|s| s.date == day).unwrap()
    }

    /// The audit entries of the provider, newest first.
    pub async fn audit(&self) -> Vec<AuditEntry> {
        self.app
            .store
            .audit_entries(Some(self.provider), 1000)
            .await
            .unwrap()
    }
}
