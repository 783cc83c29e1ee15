//! CSV imports against a real database: staging a preview writes no participant, confirming
//! writes exactly the staged rows in one transaction (all or nothing), staged rows are deleted
//! when a job ends, previews expire, and a job is confirmed at most once.

use chrono::{Duration, Utc};
use lernweg_domain::{Email, ProviderId, ProviderName, Role, State};
use lernweg_participants::{ConsentScope, ParticipantDraft, preview_csv};
use lernweg_store::testing::TestDb;
use lernweg_store::{
    Actor, IMPORT_BATCH_ROWS, ImportStatus, NewImport, NewProvider, NewUser, StoreError, User,
    fail_import_at_batch,
};

async fn provider(db: &TestDb, name: &str) -> ProviderId {
    db.store
        .create_provider(
            &Actor::system(),
            NewProvider {
                name: ProviderName::parse(name).unwrap(),
                state: State::NW,
            },
        )
        .await
        .unwrap()
        .id
}

async fn user(db: &TestDb, email: &str, role: Role, provider: ProviderId) -> User {
    db.store
        .create_user(
            &Actor::system(),
            NewUser {
                email: Email::parse(email).unwrap(),
                display_name: "Beratung".into(),
                role,
                provider_id: Some(provider),
                password: None,
            },
        )
        .await
        .unwrap()
}

fn actor(u: &User) -> Actor {
    Actor::user(u.id, u.email.to_string())
}

/// The day of the previews.
fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 9, 1).unwrap()
}

/// `n` valid rows (e-mail `tn<i>@beispiel.de`, consent given on 1 August 2026), then the given
/// extra lines.
fn csv(n: usize, extra: &str) -> Vec<u8> {
    let mut s = String::from(
        "Vorname;Nachname;E-Mail;Deutschniveau;Wochenstunden;Einwilligung Datenverarbeitung\r\n",
    );
    for i in 0..n {
        s.push_str(&format!(
            "Jürgen;Weiß {i};tn{i}@beispiel.de;B1;19,5;01.08.2026\r\n"
        ));
    }
    s.push_str(extra);
    s.into_bytes()
}

async fn count(db: &TestDb, provider: ProviderId) -> usize {
    db.store.participants(Some(provider)).await.unwrap().len()
}

#[tokio::test]
async fn preview_writes_nothing_and_confirm_writes_exactly_the_valid_rows() {
    let db = TestDb::new().await;
    let s = &db.store;
    let p = provider(&db, "Träger Eins").await;
    let staff = user(&db, "b@t.example", Role::Counsellor, p).await;
    let who = actor(&staff);
    // An address already stored for the provider.
    let draft: ParticipantDraft = serde_json::from_value(serde_json::json!({
        "given_name": "Amina", "family_name": "Haddad", "email": "tn3@beispiel.de"
    }))
    .unwrap();
    s.create_participant(&who, p, None, draft.validate(2026).unwrap())
        .await
        .unwrap();
    let bytes = csv(
        5,
        "Olena;Kovalenko;olena@beispiel.de;X9;20;01.08.2026\r\n\
         Mehmet;Öztürk;TN1@beispiel.de;A2;10;01.08.2026\r\n\
         Ivana;Horvat;ivana@beispiel.de;B1;20;\r\n",
    );
    let preview = preview_csv(&bytes, today()).unwrap();
    let job = s
        .stage_import(
            &who,
            NewImport {
                provider: p,
                contact_person: Some(staff.id),
                file_name: "liste.csv",
                preview: &preview,
            },
        )
        .await
        .unwrap();
    assert_eq!(job.status, ImportStatus::Previewed);
    assert_eq!(
        (job.total_rows, job.valid_rows, job.error_rows),
        (8, 4, 4),
        "row 5 (tn3) is stored, row 7 X9 is no level, row 8 repeats tn1, row 9 has no consent"
    );
    assert_eq!(job.file_name, "liste.csv");
    assert_eq!(job.encoding, "utf8");
    let issues = s.import_issues(&job.id).await.unwrap();
    let codes: Vec<(u64, &str, &str)> = issues
        .iter()
        .map(|i| (i.row, i.field.as_str(), i.code.as_str()))
        .collect();
    assert_eq!(
        codes,
        vec![
            (5, "email", "already_stored"),
            (7, "german_level", "unknown_cefr_level"),
            (8, "email", "duplicate_in_file"),
            (9, "consent_data_processing", "consent_missing"),
        ]
    );
    assert_eq!(issues[2].args.get("first").map(String::as_str), Some("3"));
    let staged = s.import_staged(&job.id).await.unwrap();
    assert_eq!(
        staged.iter().map(|r| r.row).collect::<Vec<_>>(),
        vec![2, 3, 4, 6]
    );
    assert_eq!(count(&db, p).await, 1, "a preview writes no participant");

    let running = s.confirm_import(&job.id).await.unwrap();
    assert_eq!(running.status, ImportStatus::Running);
    assert!(matches!(
        s.confirm_import(&job.id).await,
        Err(StoreError::Conflict(_))
    ));
    let done = s.run_import(&who, &job.id).await.unwrap();
    assert_eq!(done.status, ImportStatus::Done);
    assert_eq!(done.done_rows, 4);
    assert!(done.finished_at.is_some());
    let people = s.participants(Some(p)).await.unwrap();
    assert_eq!(people.len(), 5);
    let imported: Vec<_> = people
        .iter()
        .filter(|r| r.data.given_name == "Jürgen")
        .collect();
    assert_eq!(imported.len(), 4);
    assert!(
        imported
            .iter()
            .all(|r| r.contact_person_id == Some(staff.id))
    );
    assert!(imported.iter().any(|r| r.data.weekly_hours == Some(19.5)));
    // Each imported participant has the data-processing consent of its row, recorded by the
    // importing user.
    for r in &imported {
        let consents = s.consents(r.id).await.unwrap();
        let got: Vec<_> = consents
            .iter()
            .map(|c| (c.scope, c.given_on, c.withdrawn_on, c.recorded_by.clone()))
            .collect();
        assert_eq!(
            got,
            [(
                ConsentScope::DataProcessing,
                chrono::NaiveDate::from_ymd_opt(2026, 8, 1).unwrap(),
                None,
                Some(staff.id.to_string())
            )]
        );
    }
    // The personal data of the job is gone; counts stay.
    assert!(s.import_staged(&job.id).await.unwrap().is_empty());
    assert!(s.import_issues(&job.id).await.unwrap().is_empty());
    // A done job can be neither confirmed nor discarded again.
    assert!(matches!(
        s.confirm_import(&job.id).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        s.discard_import(&who, &job.id).await,
        Err(StoreError::Conflict(_))
    ));
    // One audit entry for the import with counts and without names.
    let audit = s.audit_entries(Some(p), 100).await.unwrap();
    let entries: Vec<_> = audit
        .iter()
        .filter(|e| e.entity == "participant_import" && e.action == "create")
        .collect();
    assert_eq!(entries.len(), 2, "preview and import");
    assert!(entries.iter().any(|e| e.detail.contains("imported 4")));
    assert!(
        audit
            .iter()
            .all(|e| !e.detail.contains("Weiß") && !e.detail.contains("beispiel"))
    );
    assert_eq!(
        audit.iter().filter(|e| e.entity == "participant").count(),
        1,
        "no audit entry per imported person"
    );
    assert_eq!(s.import_jobs(Some(p)).await.unwrap().len(), 1);
}

#[tokio::test]
async fn a_failing_batch_rolls_back_every_batch() {
    let db = TestDb::new().await;
    let s = &db.store;
    let p = provider(&db, "Träger Eins").await;
    let staff = user(&db, "b@t.example", Role::Coordinator, p).await;
    let n = IMPORT_BATCH_ROWS * 2 + 10;
    let preview = preview_csv(&csv(n, ""), today()).unwrap();
    let job = s
        .stage_import(
            &actor(&staff),
            NewImport {
                provider: p,
                contact_person: None,
                file_name: "gross.csv",
                preview: &preview,
            },
        )
        .await
        .unwrap();
    assert_eq!(job.valid_rows, n as u64);
    s.confirm_import(&job.id).await.unwrap();
    // Batches 0 and 1 are written, batch 2 fails.
    fail_import_at_batch(&job.id, 2);
    let failed = s.run_import(&actor(&staff), &job.id).await.unwrap();
    assert_eq!(failed.status, ImportStatus::Failed);
    assert_eq!(failed.error_code.as_deref(), Some("database"));
    assert_eq!(failed.done_rows, 0);
    assert_eq!(
        count(&db, p).await,
        0,
        "the earlier batches are rolled back"
    );
    assert!(s.import_staged(&job.id).await.unwrap().is_empty());
    assert!(matches!(
        s.confirm_import(&job.id).await,
        Err(StoreError::Conflict(_))
    ));

    // The same file again, without the failure: every row in three batches.
    let job = s
        .stage_import(
            &actor(&staff),
            NewImport {
                provider: p,
                contact_person: None,
                file_name: "gross.csv",
                preview: &preview,
            },
        )
        .await
        .unwrap();
    s.confirm_import(&job.id).await.unwrap();
    let done = s.run_import(&actor(&staff), &job.id).await.unwrap();
    assert_eq!(done.status, ImportStatus::Done);
    assert_eq!(count(&db, p).await, n);
}

#[tokio::test]
async fn an_address_stored_after_the_preview_fails_the_import_without_writing() {
    let db = TestDb::new().await;
    let s = &db.store;
    let p = provider(&db, "Träger Eins").await;
    let staff = user(&db, "b@t.example", Role::Counsellor, p).await;
    let who = actor(&staff);
    let preview = preview_csv(&csv(3, ""), today()).unwrap();
    let job = s
        .stage_import(
            &who,
            NewImport {
                provider: p,
                contact_person: None,
                file_name: "a.csv",
                preview: &preview,
            },
        )
        .await
        .unwrap();
    assert_eq!(job.valid_rows, 3);
    let draft: ParticipantDraft = serde_json::from_value(
        serde_json::json!({"given_name": "A", "family_name": "B", "email": "tn1@beispiel.de"}),
    )
    .unwrap();
    s.create_participant(&who, p, None, draft.validate(2026).unwrap())
        .await
        .unwrap();
    s.confirm_import(&job.id).await.unwrap();
    let failed = s.run_import(&who, &job.id).await.unwrap();
    assert_eq!(failed.status, ImportStatus::Failed);
    assert_eq!(failed.error_code.as_deref(), Some("emails_taken"));
    assert_eq!(failed.error_detail.as_deref(), Some("3"));
    assert_eq!(count(&db, p).await, 1);
}

#[tokio::test]
async fn discarded_and_expired_previews_lose_their_rows_and_cannot_be_confirmed() {
    let db = TestDb::new().await;
    let s = &db.store;
    let p = provider(&db, "Träger Eins").await;
    let other = provider(&db, "Träger Zwei").await;
    let staff = user(&db, "b@t.example", Role::Counsellor, p).await;
    let stranger = user(&db, "x@t.example", Role::Counsellor, other).await;
    let who = actor(&staff);
    let preview = preview_csv(&csv(2, ""), today()).unwrap();
    let new = || NewImport {
        provider: p,
        contact_person: Some(staff.id),
        file_name: "a.csv",
        preview: &preview,
    };
    // The contact person must be staff of the provider.
    let refused = s
        .stage_import(
            &who,
            NewImport {
                contact_person: Some(stranger.id),
                ..new()
            },
        )
        .await;
    assert!(matches!(refused, Err(StoreError::Invalid(e)) if e.field == "contact_person_id"));

    let discarded = s.stage_import(&who, new()).await.unwrap();
    let job = s.discard_import(&who, &discarded.id).await.unwrap();
    assert_eq!(job.status, ImportStatus::Discarded);
    assert!(s.import_staged(&job.id).await.unwrap().is_empty());
    assert!(matches!(
        s.confirm_import(&job.id).await,
        Err(StoreError::Conflict(_))
    ));

    let old = s.stage_import(&who, new()).await.unwrap();
    assert_eq!(s.expire_imports(Utc::now()).await.unwrap(), 0);
    assert_eq!(
        s.expire_imports(Utc::now() + Duration::hours(25))
            .await
            .unwrap(),
        1
    );
    let job = s.import_job(&old.id).await.unwrap();
    assert_eq!(job.status, ImportStatus::Discarded);
    assert_eq!(job.error_code.as_deref(), Some("expired"));
    assert!(s.import_staged(&job.id).await.unwrap().is_empty());
    assert!(s.import_issues(&job.id).await.unwrap().is_empty());
    assert!(matches!(
        s.confirm_import(&job.id).await,
        Err(StoreError::Conflict(_))
    ));
    assert!(matches!(
        s.import_job("0191e3a4-7b1c-7c3e-8f00-0123456789ab").await,
        Err(StoreError::NotFound)
    ));
    assert_eq!(count(&db, p).await, 0);
}
