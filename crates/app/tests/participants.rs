//! The participants use-cases against a real database (SQLite, or PostgreSQL with
//! `LERNWEG_TEST_POSTGRES_URL`), with the clock fixed on 1 September 2026.

use chrono::NaiveDate;
use lernweg_app::participants::readiness::{self, Basis, NewCheck};
use lernweg_app::participants::{self, NewConsent, NewParticipant, care, enrolments};
use lernweg_app::{App, AppError, Caller, Clock};
use lernweg_domain::{
    CohortId, Email, ParticipantId, Principal, ProviderId, ProviderName, Role, State,
};
use lernweg_participants::{
    ConsentScope, ContactChannel, DropoutReason, EnrolmentEvent, ParticipantData, ParticipantDraft,
    ReadinessAnswers,
};
use lernweg_store::testing::TestDb;
use lernweg_store::{Actor, NewCohort, NewContact, NewProvider, NewUser, User};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

const TODAY: (u32, u32) = (9, 1);

fn today() -> NaiveDate {
    day(TODAY.0, TODAY.1)
}

fn data(family: &str) -> ParticipantData {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": "Amina", "family_name": family, "german_level": "B1"
    }))
    .unwrap();
    draft.validate(2026).unwrap()
}

struct Fixture {
    _db: TestDb,
    app: App,
    provider: ProviderId,
    /// A counsellor of the provider.
    counsellor: Caller,
    /// A coordinator of another provider.
    stranger: Caller,
    /// A cohort of the provider with a timetable.
    cohort: CohortId,
    /// Another cohort of the provider.
    other_cohort: CohortId,
    /// A cohort of the other provider.
    foreign_cohort: CohortId,
}

async fn staff(app: &App, email: &str, role: Role, provider: ProviderId) -> User {
    app.store
        .create_user(
            &Actor::system(),
            NewUser {
                email: Email::parse(email).unwrap(),
                display_name: email.into(),
                role,
                provider_id: Some(provider),
                password: None,
            },
        )
        .await
        .unwrap()
}

fn caller(u: &User) -> Caller {
    Caller::new(
        Principal {
            user_id: u.id,
            role: u.role,
            provider_id: u.provider_id,
        },
        Actor::user(u.id, u.email.to_string()),
    )
}

async fn cohort(app: &App, provider: ProviderId, name: &str) -> CohortId {
    let draft: lernweg_offers::OfferDraft = serde_json::from_value(serde_json::json!({
        "title": "Fachsprache Pflege", "goal": "language_support", "kldb": "81302",
        "target_group": "Pflegekräfte", "delivery_modes": ["online_live"],
        "time_model": {"kind": "evening_course", "evenings": [{"weekday": "tue", "start": "18:00", "end": "21:00"}]},
        "modules": [{"title": "Fachsprache", "hours": 30}], "costs_eur": 0, "capacity": 12,
        "contact_name": "A", "contact_email": "a@t.example"
    }))
    .unwrap();
    let offer = draft.validate().unwrap();
    let start = NaiveDate::from_ymd_opt(2027, 3, 2).unwrap();
    let sessions =
        lernweg_app::cohorts::generate(&offer, start, State::NW, &Default::default(), &[]).unwrap();
    let rec = app
        .store
        .create_offer(&Actor::system(), provider, offer)
        .await
        .unwrap();
    let new = NewCohort {
        planning: Default::default(),
        offer_id: rec.id,
        name: name.into(),
        state: State::NW,
        start_date: start,
        room: String::new(),
        online_link: String::new(),
        trainers: vec![],
    };
    app.store
        .create_cohort(&Actor::system(), new, &sessions)
        .await
        .unwrap()
        .id
}

async fn fixture() -> Fixture {
    let db = TestDb::new().await;
    let app = App::new(db.store.clone().with_clock(Clock::fixed_day(today())));
    let mut providers = Vec::new();
    for name in ["Träger Eins", "Träger Zwei"] {
        let p = app
            .store
            .create_provider(
                &Actor::system(),
                NewProvider {
                    name: ProviderName::parse(name).unwrap(),
                    state: State::NW,
                },
            )
            .await
            .unwrap();
        providers.push(p.id);
    }
    let counsellor = staff(&app, "b@eins.example", Role::Counsellor, providers[0]).await;
    let stranger = staff(&app, "k@zwei.example", Role::Coordinator, providers[1]).await;
    Fixture {
        cohort: cohort(&app, providers[0], "Frühjahr").await,
        other_cohort: cohort(&app, providers[0], "Herbst").await,
        foreign_cohort: cohort(&app, providers[1], "Anderswo").await,
        counsellor: caller(&counsellor),
        stranger: caller(&stranger),
        provider: providers[0],
        app,
        _db: db,
    }
}

fn consent(scope: ConsentScope, given_on: NaiveDate) -> NewConsent {
    NewConsent { scope, given_on }
}

fn new_participant(family: &str, consents: Vec<NewConsent>) -> NewParticipant {
    NewParticipant {
        provider: None,
        contact_person: None,
        data: data(family),
        consents,
    }
}

/// The `(field, code)` of a refusal.
fn invalid<T: std::fmt::Debug>(r: Result<T, AppError>) -> Vec<(&'static str, &'static str)> {
    match r {
        Err(AppError::Invalid(list)) => list.iter().map(|e| (e.field, e.code)).collect(),
        other => panic!("expected invalid input, got {other:?}"),
    }
}

async fn created(f: &Fixture, family: &str) -> ParticipantId {
    let new = new_participant(
        family,
        vec![consent(ConsentScope::DataProcessing, day(8, 31))],
    );
    participants::create(&f.app, &f.counsellor, new)
        .await
        .unwrap()
        .id
}

#[tokio::test]
async fn creation_needs_the_data_processing_consent_given_by_today() {
    let f = fixture().await;
    let app = &f.app;
    let missing = participants::create(app, &f.counsellor, new_participant("A", vec![])).await;
    assert_eq!(invalid(missing), [("consents", "data_processing_required")]);
    let other_only = new_participant("A", vec![consent(ConsentScope::Photos, today())]);
    assert_eq!(
        invalid(participants::create(app, &f.counsellor, other_only).await),
        [("consents", "data_processing_required")]
    );
    let tomorrow = new_participant("A", vec![consent(ConsentScope::DataProcessing, day(9, 2))]);
    assert_eq!(
        invalid(participants::create(app, &f.counsellor, tomorrow).await),
        [("consents", "in_future")]
    );
    let health_tomorrow = new_participant(
        "A",
        vec![
            consent(ConsentScope::DataProcessing, today()),
            consent(ConsentScope::HealthData, day(9, 2)),
        ],
    );
    assert_eq!(
        invalid(participants::create(app, &f.counsellor, health_tomorrow).await),
        [("consents", "in_future")]
    );
    assert!(
        app.store
            .participants(Some(f.provider))
            .await
            .unwrap()
            .is_empty()
    );

    // With it: created for the caller's provider (a provider named by staff is ignored),
    // every consent recorded by the caller.
    let mut ok = new_participant(
        "Haddad",
        vec![
            consent(ConsentScope::DataProcessing, today()),
            consent(ConsentScope::HealthData, day(8, 1)),
        ],
    );
    ok.provider = Some(f.stranger.principal.provider_id.unwrap());
    let p = participants::create(app, &f.counsellor, ok).await.unwrap();
    assert_eq!(p.provider_id, f.provider);
    let consents = app.store.consents(p.id).await.unwrap();
    let got: Vec<_> = consents.iter().map(|c| (c.scope, c.given_on)).collect();
    assert_eq!(
        got,
        [
            (ConsentScope::HealthData, day(8, 1)),
            (ConsentScope::DataProcessing, today()),
        ]
    );
    let by = f.counsellor.principal.user_id.to_string();
    assert!(
        consents
            .iter()
            .all(|c| c.recorded_by.as_deref() == Some(&by))
    );
}

#[tokio::test]
async fn the_admin_names_an_existing_provider() {
    let f = fixture().await;
    let admin = Caller::new(
        Principal {
            user_id: f.counsellor.principal.user_id,
            role: Role::Admin,
            provider_id: None,
        },
        Actor::system(),
    );
    let dp = || vec![consent(ConsentScope::DataProcessing, today())];
    let none = participants::create(&f.app, &admin, new_participant("A", dp())).await;
    assert_eq!(invalid(none), [("provider_id", "unknown_provider")]);
    let mut unknown = new_participant("A", dp());
    unknown.provider = Some(ProviderId::from_uuid(uuid::Uuid::now_v7()));
    assert_eq!(
        invalid(participants::create(&f.app, &admin, unknown).await),
        [("provider_id", "unknown_provider")]
    );
    let mut named = new_participant("A", dp());
    named.provider = Some(f.provider);
    let p = participants::create(&f.app, &admin, named).await.unwrap();
    assert_eq!(p.provider_id, f.provider);
}

#[tokio::test]
async fn another_providers_participant_is_not_found() {
    let f = fixture().await;
    let id = created(&f, "Haddad").await;
    let app = &f.app;
    let s = &f.stranger;
    assert!(matches!(
        participants::visible(app, &s.principal, id).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        participants::update(app, s, id, None, data("X")).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        care::add_consent(app, s, id, ConsentScope::Photos, today()).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        enrolments::enrol(app, s, id, f.cohort).await,
        Err(AppError::NotFound)
    ));
    assert!(matches!(
        participants::erase(app, s, id).await,
        Err(AppError::NotFound)
    ));
    assert!(
        participants::visible(app, &f.counsellor.principal, id)
            .await
            .is_ok()
    );
    let mine = participants::list(app, &s.principal, Some(f.provider))
        .await
        .unwrap();
    assert!(mine.is_empty(), "staff see only their own provider");
    participants::erase(app, &f.counsellor, id).await.unwrap();
    assert!(matches!(
        participants::visible(app, &f.counsellor.principal, id).await,
        Err(AppError::NotFound)
    ));
}

#[tokio::test]
async fn consents_and_contacts_are_never_dated_after_today() {
    let f = fixture().await;
    let id = created(&f, "Haddad").await;
    let (app, c) = (&f.app, &f.counsellor);
    assert_eq!(
        invalid(care::add_consent(app, c, id, ConsentScope::Photos, day(9, 2)).await),
        [("given_on", "in_future")]
    );
    let photos = care::add_consent(app, c, id, ConsentScope::Photos, day(8, 10))
        .await
        .unwrap();
    assert_eq!(
        invalid(care::withdraw_consent(app, c, id, &photos.id, day(8, 9)).await),
        [("on", "withdrawn_before_given")]
    );
    assert!(matches!(
        care::withdraw_consent(app, c, id, "unbekannt", today()).await,
        Err(AppError::NotFound)
    ));
    let withdrawn = care::withdraw_consent(app, c, id, &photos.id, today())
        .await
        .unwrap();
    assert_eq!(withdrawn.withdrawn_on, Some(today()));
    assert!(matches!(
        care::withdraw_consent(app, c, id, &photos.id, today()).await,
        Err(AppError::Conflict(_))
    ));
    assert!(
        !care::holds(app, id, ConsentScope::Photos, today())
            .await
            .unwrap()
    );
    let contact = |on_date| NewContact {
        on_date,
        channel: ContactChannel::Phone,
        topic: "Erstgespräch".into(),
        note: String::new(),
    };
    assert_eq!(
        invalid(care::add_contact(app, c, id, contact(day(9, 2))).await),
        [("date", "in_future")]
    );
    let entry = care::add_contact(app, c, id, contact(today()))
        .await
        .unwrap();
    assert_eq!(entry.on_date, today());
}

#[tokio::test]
async fn enrolment_refusals_name_the_cohort() {
    let f = fixture().await;
    let id = created(&f, "Haddad").await;
    let (app, c) = (&f.app, &f.counsellor);
    let unknown = CohortId::from_uuid(uuid::Uuid::now_v7());
    assert_eq!(
        invalid(enrolments::enrol(app, c, id, unknown).await),
        [("cohort_id", "unknown_cohort")]
    );
    assert_eq!(
        invalid(enrolments::enrol(app, c, id, f.foreign_cohort).await),
        [("cohort_id", "other_provider")]
    );
    let e = enrolments::enrol(app, c, id, f.cohort).await.unwrap();
    assert!(matches!(
        enrolments::enrol(app, c, id, f.cohort).await,
        Err(AppError::Conflict(_))
    ));
    assert!(matches!(
        enrolments::apply_event(app, &f.stranger, e.id, today(), EnrolmentEvent::Counsel).await,
        Err(AppError::NotFound)
    ));
    assert_eq!(
        invalid(enrolments::apply_event(app, c, e.id, today(), EnrolmentEvent::Resume).await),
        [("event", "not_paused")]
    );
    let history = enrolments::with_history(app, id).await.unwrap();
    assert_eq!(history.len(), 1);
    assert!(history[0].1.is_empty());
}

fn check(basis: Basis) -> NewCheck {
    NewCheck {
        checked_on: today(),
        answers: ReadinessAnswers {
            free_hours_per_week: Some(2.0),
            ..Default::default()
        },
        basis,
    }
}

#[tokio::test]
async fn a_readiness_check_uses_only_a_cohort_of_an_open_enrolment() {
    let f = fixture().await;
    let id = created(&f, "Haddad").await;
    let (app, c) = (&f.app, &f.counsellor);
    let e = enrolments::enrol(app, c, id, f.cohort).await.unwrap();
    let hours = {
        let cohort = app.store.cohort(f.cohort).await.unwrap();
        readiness::cohort_hours(app, &cohort)
            .await
            .unwrap()
            .unwrap()
    };
    assert!(hours > 2.0, "{hours}");

    // Another cohort of the provider, another provider's, an unknown one: refused.
    for (basis, code) in [
        (Basis::Cohort(f.other_cohort), "not_enrolled"),
        (
            Basis::Hours {
                hours: 8.0,
                cohort: Some(f.other_cohort),
            },
            "not_enrolled",
        ),
        (Basis::Cohort(f.foreign_cohort), "unknown"),
        (
            Basis::Cohort(CohortId::from_uuid(uuid::Uuid::now_v7())),
            "unknown",
        ),
    ] {
        assert_eq!(
            invalid(readiness::record(app, c, id, check(basis)).await),
            [("cohort_id", code)]
        );
    }
    assert_eq!(
        invalid(
            readiness::record(
                app,
                c,
                id,
                check(Basis::Hours {
                    hours: 61.0,
                    cohort: None
                })
            )
            .await
        ),
        [("offer_hours", "out_of_range")]
    );
    assert!(app.store.readiness_checks(id).await.unwrap().is_empty());

    // The open enrolment's cohort gives its hours; the current one is found alone.
    let first = readiness::record(app, c, id, check(Basis::Cohort(f.cohort)))
        .await
        .unwrap();
    assert_eq!(
        (first.record.offer_hours, first.record.cohort_id),
        (Some(hours), Some(f.cohort))
    );
    assert!(first.changes.is_none());
    let current = readiness::record(app, c, id, check(Basis::Current))
        .await
        .unwrap();
    assert_eq!(current.record.cohort_id, Some(f.cohort));
    assert_eq!(
        current.changes,
        Some(Vec::new()),
        "same answers, same lights"
    );

    // Dropped: the cohort is no open one any more, and nothing is current.
    let drop = EnrolmentEvent::Drop {
        reason: DropoutReason::Workload,
        text: None,
        stayed_employed: None,
    };
    enrolments::apply_event(app, c, e.id, today(), drop)
        .await
        .unwrap();
    assert_eq!(
        invalid(readiness::record(app, c, id, check(Basis::Cohort(f.cohort))).await),
        [("cohort_id", "not_enrolled")]
    );
    let none = readiness::record(app, c, id, check(Basis::Current))
        .await
        .unwrap();
    assert_eq!(
        (none.record.offer_hours, none.record.cohort_id),
        (None, None)
    );
    let listed = readiness::with_changes(app.store.readiness_checks(id).await.unwrap());
    assert_eq!(listed.len(), 3);
    assert!(listed[0].1.is_none());
    assert!(
        listed[1..].iter().all(|(_, changes)| changes.is_some()),
        "each later check is compared with the kept one before"
    );
}

#[tokio::test]
async fn health_answers_need_the_health_consent_on_the_day_of_the_check() {
    let f = fixture().await;
    let id = created(&f, "Haddad").await;
    let (app, c) = (&f.app, &f.counsellor);
    let with_health = |checked_on| NewCheck {
        checked_on,
        answers: serde_json::from_value(serde_json::json!({"health": "limited"})).unwrap(),
        basis: Basis::None,
    };
    assert_eq!(
        invalid(readiness::record(app, c, id, with_health(today())).await),
        [("answers.health", "health_without_consent")]
    );
    care::add_consent(app, c, id, ConsentScope::HealthData, day(8, 20))
        .await
        .unwrap();
    assert_eq!(
        invalid(readiness::record(app, c, id, with_health(day(8, 19))).await),
        [("answers.health", "health_without_consent")]
    );
    let r = readiness::record(app, c, id, with_health(today()))
        .await
        .unwrap();
    let (kept, reasons) = readiness::kept_result(&r.record).unwrap();
    assert_eq!(kept.dimensions.len(), reasons.len());
    assert!(
        reasons
            .iter()
            .all(|k| k.message_id().starts_with("participants-reason-"))
    );
}

#[test]
fn a_record_validates_again_from_its_draft() {
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": "Olena", "family_name": "Kovalenko", "email": "olena@example.org",
        "phone": "0171 2345678", "mother_tongue": "Ukrainisch", "other_languages": "ru, en",
        "german_level": "b1", "preferred_channel": "messenger", "reachable_times": "abends",
        "foreign_qualification": "Pflegefachkraft", "kldb": "81302",
        "recognition_status": "in_progress", "employer": "Klinikum", "weekly_hours": "19,5",
        "birth_year": "12.03.1985"
    }))
    .unwrap();
    let d = draft.validate(2026).unwrap();
    let again = participants::draft_of(&d);
    assert_eq!(again.other_languages, "ru, en");
    assert_eq!(again.weekly_hours, "19.5");
    assert_eq!(again.validate(2026).unwrap(), d);
}

#[tokio::test]
async fn the_file_holds_what_the_caller_may_read_and_audits_the_notes_only_when_read() {
    use lernweg_app::participants::file::{self, Notes};
    let f = fixture().await;
    let app = &f.app;
    let id = created(&f, "Haddad").await;
    let note = NewContact {
        on_date: day(8, 31),
        channel: ContactChannel::Phone,
        topic: "Erstgespräch".into(),
        note: "Sorgen um die Kinderbetreuung".into(),
    };
    care::add_contact(app, &f.counsellor, id, note)
        .await
        .unwrap();
    let views = |what: &'static str| async move {
        app.store
            .audit_entries(None, 1000)
            .await
            .unwrap()
            .iter()
            .filter(|e| e.action == "view" && e.detail == what)
            .count()
    };

    let read = file::read(app, &f.counsellor, id, "detail", Notes::IfAllowed)
        .await
        .unwrap();
    assert!(read.notes_shown);
    assert_eq!(read.contacts[0].note, "Sorgen um die Kinderbetreuung");
    assert_eq!(read.consents.len(), 1);
    assert_eq!(read.provider.id, f.provider);
    assert_eq!(
        (views("detail").await, views("contact notes").await),
        (1, 1)
    );

    // A reader that shows no notes gets none, and no "contact notes" entry is written.
    let read = file::read(app, &f.counsellor, id, "check", Notes::Never)
        .await
        .unwrap();
    assert!(!read.notes_shown);
    assert_eq!(read.contacts[0].note, "");
    assert_eq!(read.contacts[0].topic, "Erstgespräch");
    assert_eq!((views("check").await, views("contact notes").await), (1, 1));

    // Another provider's staff: not found, and nothing is audited as read.
    let refused = file::read(app, &f.stranger, id, "stranger", Notes::IfAllowed).await;
    assert!(matches!(refused, Err(AppError::NotFound)), "{refused:?}");
    assert_eq!(views("stranger").await, 0);
}
