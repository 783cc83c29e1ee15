//! Demo early warnings (issue 17, points 3 and 6). The records the other demo parts write
//! already give the first provider's counsellor (beratung1@demo.example) an open warning of
//! every kind on any day the demo is made for: two absences in a row and attendance below
//! 80 % (`demo_attendance`), shifts that push coming weeks over the load limit (`demo_work`),
//! contact-log entries older than six weeks (`demo_participants`) and a release the employer
//! declined (`demo_employers`); `demo_tests` checks that all five stay open. This part adds
//! what the page `/verwaltung/fruehwarnungen` shows besides: one warning already handled with
//! a note, taken from a kind that has more than one open warning, so that every kind stays
//! on the start page.

use std::collections::HashMap;

use anyhow::anyhow;
use lernweg_app::warnings::{self, WarningKind};
use lernweg_app::{App, Caller};
use lernweg_domain::{Email, Principal};
use lernweg_store::{Actor, Store};

/// The note of the handled demo warning.
pub const NOTE: &str = "Telefonisch erreicht: neue Schichten ab nächstem Monat, Gespräch in der Sprechstunde vereinbart.";

pub async fn seed(store: &Store) -> anyhow::Result<()> {
    let mail = Email::parse("beratung1@demo.example").map_err(|e| anyhow!("{e}"))?;
    let user = store.user_by_email(&mail).await?;
    let caller = Caller::new(
        Principal {
            user_id: user.id,
            role: user.role,
            provider_id: user.provider_id,
        },
        Actor::user(user.id, mail.as_str()),
    );
    let app = App::new(store.clone());
    let open = warnings::for_contact_person(&app, &caller, "demo: early warnings").await?;
    let mut per_kind: HashMap<WarningKind, usize> = HashMap::new();
    for w in &open {
        *per_kind.entry(w.warning.kind).or_default() += 1;
    }
    let Some(w) = open.iter().find(|w| per_kind[&w.warning.kind] > 1) else {
        return Ok(());
    };
    let w = &w.warning;
    warnings::handle(
        &app,
        &caller,
        w.participant,
        w.kind.code(),
        &w.subject,
        NOTE,
    )
    .await?;
    Ok(())
}
