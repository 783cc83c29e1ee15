//! Demo of the CSV import: the first provider has an unconfirmed preview of
//! `examples/teilnehmende-import.csv`, an office export (Windows-1252, semicolons, German
//! headers, the day of each row's data-processing consent) with 20 rows, five of them faulty.
//! Nothing is written to the participants until someone confirms it on
//! `/verwaltung/teilnehmende/import/{id}`.

use anyhow::anyhow;
use lernweg_domain::{Email, ProviderId};
use lernweg_store::{Actor, NewImport, Store};

const FILE: &[u8] = include_bytes!("../../../examples/teilnehmende-import.csv");

pub async fn seed(store: &Store, provider: ProviderId) -> anyhow::Result<()> {
    if !store.import_jobs(Some(provider)).await?.is_empty() {
        return Ok(());
    }
    let mail = Email::parse("beratung1@demo.example").map_err(|e| anyhow!("{e}"))?;
    let counsellor = store.user_by_email(&mail).await?;
    let preview = lernweg_participants::preview_csv(FILE, store.clock().today())
        .map_err(|e| anyhow!("demo import file: {e}"))?;
    store
        .stage_import(
            &Actor::user(counsellor.id, counsellor.email.to_string()),
            NewImport {
                provider,
                contact_person: Some(counsellor.id),
                file_name: "teilnehmende-import.csv",
                preview: &preview,
            },
        )
        .await?;
    Ok(())
}
