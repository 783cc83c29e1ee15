//! Demo legal texts: an Impressum for each demo provider (from its invented address), a
//! privacy statement for the first one, and an accessibility statement of the installation.
//! Each says that it is an invented example; the pages without a text show the honest
//! default instead.

use lernweg_domain::{LegalKind, ProviderId};
use lernweg_store::{Actor, Store};

const DEMO_NOTE: &str = "Dies ist ein Beispiel aus den Demo-Daten. Alle Angaben sind erfunden.";

/// Sets the texts that are not set yet.
pub async fn seed(store: &Store, providers: &[ProviderId]) -> anyhow::Result<()> {
    let actor = Actor::system();
    for id in providers {
        if !store.legal_texts(Some(*id)).await?.is_empty() {
            continue;
        }
        let p = store.provider(*id).await?;
        let d = &p.details;
        let imprint = format!(
            "## Anbieter\n{}\n{}\n{} {}\n\n## Kontakt\nTelefon: {}\nE-Mail: {}\n\n{DEMO_NOTE}",
            p.name, d.street, d.zip, d.city, d.phone, d.email
        );
        store
            .set_legal_text(&actor, Some(*id), LegalKind::Imprint, &imprint)
            .await?;
    }
    if let Some(first) = providers.first() {
        let has_privacy = store
            .legal_texts(Some(*first))
            .await?
            .iter()
            .any(|(k, _)| *k == LegalKind::Privacy);
        if !has_privacy {
            let privacy = format!(
                "## Wer ist verantwortlich?\nDer Träger, der das Angebot macht. Die Adresse steht im Impressum.\n\n\
                 ## Welche Daten speichern wir?\nIhren Namen, Ihre Kontaktdaten und Ihre Termine im Kurs. Wir brauchen sie, um Sie zu beraten und den Kurs zu planen.\n\n\
                 ## Wie lange?\nBis Ihr Kurs zu Ende ist und die Fristen für Nachweise vorbei sind. Dann löschen wir die Daten.\n\n\
                 ## Ihre Rechte\nSie können fragen, welche Daten wir haben. Sie können Fehler berichtigen und Daten löschen lassen.\n\n{DEMO_NOTE}"
            );
            store
                .set_legal_text(&actor, Some(*first), LegalKind::Privacy, &privacy)
                .await?;
        }
    }
    if store.legal_texts(None).await?.is_empty() {
        let statement = format!(
            "## Stand der Vereinbarkeit mit den Anforderungen\nDiese Demo-Installation wird bei jeder Änderung automatisch auf WCAG 2.1 AA geprüft. Eine Prüfung nach BITV 2.0 durch Fachleute gab es noch nicht.\n\n\
             ## Nicht barrierefreie Inhalte\nKeine bekannt.\n\n\
             ## Feedback und Kontakt\nMelden Sie Barrieren an barrierefreiheit@demo.example.\n\n{DEMO_NOTE}"
        );
        store
            .set_legal_text(&actor, None, LegalKind::Accessibility, &statement)
            .await?;
    }
    Ok(())
}
