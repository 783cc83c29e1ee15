//! The CSV import of participants through the use-cases: upload and preview for the caller's
//! provider (the admin names one), refusals of the file, tenancy (another provider's job, an
//! unknown and a malformed id are not found), the audited preview, confirmation with the
//! background run, discarding, and the expiry of old previews by the clock.

mod common;

use std::time::Duration;

use chrono::Duration as Days;
use common::Fixture;
use lernweg_app::imports::{self, FILE_FIELD, ImportJob, ImportStatus, Upload};
use lernweg_app::{App, AppError, Caller};
use lernweg_domain::{PageNo, Principal};

/// The first page of the jobs the principal may see.
async fn jobs(app: &App, who: &Principal) -> Result<Vec<ImportJob>, AppError> {
    let query = imports::JobQuery::default();
    Ok(imports::job_page(app, who, &query, PageNo::FIRST)
        .await?
        .items)
}

const CSV: &str = "Vorname;Nachname;E-Mail;Deutschniveau;Einwilligung Datenverarbeitung\n\
    Amina;Haddad;amina@example.org;B1;02.01.2027\n\
    Olena;Kovalenko;olena@example.org;X9;02.01.2027\n\
    Mehmet;Öztürk;mehmet@example.org;A2;2027-01-03\n";

fn upload(csv: &str, caller: &Caller) -> Upload {
    Upload {
        bytes: csv.as_bytes().to_vec(),
        file_name: "liste.csv".into(),
        contact_person: Some(caller.principal.user_id),
        provider: None,
    }
}

fn invalid<T: std::fmt::Debug>(r: Result<T, AppError>) -> (&'static str, &'static str) {
    match r {
        Err(AppError::Invalid(errors)) => (errors[0].field, errors[0].code),
        other => panic!("expected Invalid, got {other:?}"),
    }
}

fn not_found<T: std::fmt::Debug>(r: Result<T, AppError>) {
    assert!(matches!(r, Err(AppError::NotFound)), "{r:?}");
}

/// Waits until the background run has ended the job.
async fn ended(app: &App, caller: &Caller, id: &str) -> ImportJob {
    for _ in 0..200 {
        let job = imports::visible_job(app, &caller.principal, id)
            .await
            .unwrap();
        if job.status.is_final() {
            return job;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    panic!("the import did not end");
}

#[tokio::test]
async fn an_upload_is_previewed_for_the_callers_provider_and_its_reading_audited() {
    let f = Fixture::new().await;
    let job = imports::upload(&f.app, &f.coordinator, upload(CSV, &f.coordinator))
        .await
        .unwrap();
    assert_eq!(job.provider_id, f.p1.id);
    assert_eq!(job.status, ImportStatus::Previewed);
    assert_eq!((job.total_rows, job.valid_rows, job.error_rows), (3, 2, 1));
    assert_eq!(job.contact_person_id, Some(f.coordinator.principal.user_id));

    let issues = imports::issues(&f.app, &f.coordinator, &job, "test: preview")
        .await
        .unwrap();
    assert_eq!(issues.len(), 1);
    assert_eq!(
        (issues[0].row, issues[0].code.as_str()),
        (3, "unknown_cefr_level")
    );
    let audit = f.app.store.audit_entries(Some(f.p1.id), 5).await.unwrap();
    assert!(
        audit.iter().any(|e| e.action == "view"
            && e.entity_id.as_deref() == Some(job.id.as_str())
            && e.detail == "test: preview"),
        "the preview's read is audited: {audit:?}"
    );
    let sample = imports::sample(&f.app, &f.coordinator, &job, 1)
        .await
        .unwrap();
    assert_eq!(sample.len(), 1, "cut to the limit");
    assert_eq!(sample[0].data.given_name, "Amina");
    let contact = imports::contact_person(&f.app, &job).await.unwrap();
    assert_eq!(contact.map(|u| u.id), Some(f.coordinator.principal.user_id));

    // The list: the own provider's jobs; the admin sees all, the other provider none.
    let mine = jobs(&f.app, &f.coordinator.principal).await.unwrap();
    assert_eq!(mine.len(), 1);
    assert_eq!(jobs(&f.app, &f.admin.principal).await.unwrap().len(), 1);
    let theirs = jobs(&f.app, &f.other_coordinator.principal).await.unwrap();
    assert!(theirs.is_empty());
}

#[tokio::test]
async fn files_that_cannot_be_previewed_are_invalid_in_the_file_field() {
    let f = Fixture::new().await;
    let mut xlsx = upload("", &f.coordinator);
    xlsx.bytes = b"PK\x03\x04 a workbook".to_vec();
    let r = imports::upload(&f.app, &f.coordinator, xlsx).await;
    assert_eq!(invalid(r), (FILE_FIELD, "xlsx"));
    let no_names = upload(
        "E-Mail;Telefon\na@example.org;0170 1234567\n",
        &f.coordinator,
    );
    let r = imports::upload(&f.app, &f.coordinator, no_names).await;
    assert_eq!(invalid(r), (FILE_FIELD, "missing_columns"));
    assert!(jobs(&f.app, &f.admin.principal).await.unwrap().is_empty());
}

#[tokio::test]
async fn the_admin_names_the_provider_or_a_contact_person_of_it() {
    let f = Fixture::new().await;
    let mut up = upload(CSV, &f.admin);
    up.contact_person = None;
    let r = imports::upload(&f.app, &f.admin, up.clone()).await;
    assert_eq!(invalid(r), ("provider_id", "required"));
    // Through the contact person.
    up.contact_person = Some(f.other_coordinator.principal.user_id);
    let job = imports::upload(&f.app, &f.admin, up.clone()).await.unwrap();
    assert_eq!(job.provider_id, f.p2.id);
    // A named provider whose staff the contact person is not.
    up.provider = Some(f.p1.id);
    let r = imports::upload(&f.app, &f.admin, up).await;
    assert_eq!(invalid(r), ("contact_person_id", "not_staff"));
    // A coordinator's upload belongs to their provider whatever they name.
    let mut own = upload(CSV, &f.coordinator);
    own.provider = Some(f.p2.id);
    let job = imports::upload(&f.app, &f.coordinator, own).await.unwrap();
    assert_eq!(job.provider_id, f.p1.id);
}

#[tokio::test]
async fn another_providers_job_and_unknown_or_malformed_ids_are_not_found() {
    let f = Fixture::new().await;
    let job = imports::upload(&f.app, &f.coordinator, upload(CSV, &f.coordinator))
        .await
        .unwrap();
    let other = &f.other_coordinator;
    not_found(imports::visible_job(&f.app, &other.principal, &job.id).await);
    not_found(imports::confirm(&f.app, other, &job.id).await);
    not_found(imports::discard(&f.app, other, &job.id).await);
    not_found(imports::issues(&f.app, other, &job, "test").await);
    not_found(imports::sample(&f.app, other, &job, 10).await);
    for id in [
        "not-a-uuid",
        "../etc",
        "01900000-0000-7000-8000-000000000000",
    ] {
        not_found(imports::visible_job(&f.app, &f.admin.principal, id).await);
        not_found(imports::confirm(&f.app, &f.admin, id).await);
    }
    let seen = imports::visible_job(&f.app, &f.admin.principal, &job.id).await;
    assert_eq!(
        seen.unwrap().id,
        job.id,
        "the admin sees every provider's job"
    );
    let still = imports::visible_job(&f.app, &f.coordinator.principal, &job.id).await;
    assert_eq!(
        still.unwrap().status,
        ImportStatus::Previewed,
        "nothing changed"
    );
}

#[tokio::test]
async fn a_confirmed_preview_is_written_in_the_background_exactly_once() {
    let f = Fixture::new().await;
    let c = &f.coordinator;
    let job = imports::upload(&f.app, c, upload(CSV, c)).await.unwrap();
    let running = imports::confirm(&f.app, c, &job.id).await.unwrap();
    assert_eq!(running.status, ImportStatus::Running);
    let done = ended(&f.app, c, &job.id).await;
    assert_eq!(done.status, ImportStatus::Done);
    assert_eq!(done.done_rows, 2);
    let people = f.app.store.participants(Some(f.p1.id)).await.unwrap();
    assert_eq!(people.len(), 2);
    assert!(
        imports::issues(&f.app, c, &done, "test")
            .await
            .unwrap()
            .is_empty(),
        "an ended job keeps no row errors"
    );
    let again = imports::confirm(&f.app, c, &job.id).await;
    assert!(matches!(again, Err(AppError::Conflict(_))), "{again:?}");
    let discard = imports::discard(&f.app, c, &job.id).await;
    assert!(matches!(discard, Err(AppError::Conflict(_))), "{discard:?}");
}

#[tokio::test]
async fn a_discarded_preview_writes_nothing_and_old_previews_expire_by_the_clock() {
    let f = Fixture::new().await;
    let c = &f.coordinator;
    let first = imports::upload(&f.app, c, upload(CSV, c)).await.unwrap();
    let discarded = imports::discard(&f.app, c, &first.id).await.unwrap();
    assert_eq!(discarded.status, ImportStatus::Discarded);
    let r = imports::confirm(&f.app, c, &first.id).await;
    assert!(matches!(r, Err(AppError::Conflict(_))), "{r:?}");

    let second = imports::upload(&f.app, c, upload(CSV, c)).await.unwrap();
    assert_eq!(
        imports::expire(&f.app).await.unwrap(),
        0,
        "a fresh preview stays"
    );
    f.app.clock.set(f.app.clock.now_utc() + Days::hours(25));
    assert_eq!(imports::expire(&f.app).await.unwrap(), 1);
    let expired = imports::visible_job(&f.app, &c.principal, &second.id)
        .await
        .unwrap();
    assert_eq!(expired.status, ImportStatus::Discarded);
    assert_eq!(expired.error_code.as_deref(), Some("expired"));
    assert!(
        f.app
            .store
            .participants(Some(f.p1.id))
            .await
            .unwrap()
            .is_empty()
    );
}
