//! Demo language competence of the first provider (issue 16, point 6): assessment histories in
//! every source for five participants — a placement test at the start, the trainer's
//! assessments since, an exam certificate (telc Deutsch B1·B2 Beruf, Goethe-Zertifikat B1),
//! occupational German —, self-assessments answered on the portal by the two participants with
//! an account, an issued certificate (Samuel Mensah) and a revoked one (Iwan Petrow, reissued).
//! Everything goes through the use-cases of `lernweg_app`.

use anyhow::anyhow;
use chrono::Duration;
use lernweg_app::language_certificates as certs;
use lernweg_app::{App, Caller, language};
use lernweg_domain::{Email, Principal, ProviderId, Role};
use lernweg_participants::language_assessment::RawAssessment;
use lernweg_store::{Actor, ParticipantRecord, Store, User};

/// The address the demo serves at by default: the credentials' links (issuer, verify page)
/// name it.
pub const BASE: &str = "http://127.0.0.1:8080";

fn caller(user: &User, role: Role) -> Caller {
    Caller::new(
        Principal {
            user_id: user.id,
            role,
            provider_id: user.provider_id,
        },
        Actor::user(user.id, user.email.as_str()),
    )
}

/// One assessment a line: `given|skill|level|source|days ago|issuer|exam|number|note`.
const HISTORY: [&str; 27] = [
    "Samuel|listening|A2.2|placement_test|240||||Einstufungstest zu Kursbeginn",
    "Samuel|reading|A2.2|placement_test|240||||",
    "Samuel|spoken_interaction|A2.1|placement_test|240||||",
    "Samuel|spoken_production|A2.1|placement_test|240||||",
    "Samuel|writing|A2.1|placement_test|240||||",
    "Samuel|listening|B1.1|trainer|120||||sicher bei Telefonaten mit Kunden",
    "Samuel|spoken_interaction|B1.1|trainer|120||||",
    "Samuel|occupational|A2.2|trainer|90||||Fachwortschatz Lager und Logistik",
    "Samuel|reading|B1|certificate|40|telc gGmbH|telc Deutsch B1·B2 Beruf|T-2026-118734|",
    "Samuel|writing|B1|certificate|40|telc gGmbH|telc Deutsch B1·B2 Beruf|T-2026-118734|",
    "Samuel|spoken_production|B1|certificate|40|telc gGmbH|telc Deutsch B1·B2 Beruf|T-2026-118734|",
    "Samuel|occupational|B1.1|trainer|14||||Übergabe im Schichtwechsel gut",
    "Iwan|listening|A2|placement_test|300||||",
    "Iwan|reading|B1.1|placement_test|300||||",
    "Iwan|writing|A2|placement_test|300||||",
    "Iwan|spoken_interaction|A2|trainer|150||||nach der Pause wieder eingestiegen",
    "Iwan|spoken_production|A2.2|trainer|60||||",
    "Iwan|listening|B1|certificate|30|Goethe-Institut|Goethe-Zertifikat B1|GZ-B1-55120|",
    "Iwan|writing|A2.2|trainer|20||||",
    "Amina|listening|A2.1|placement_test|200||||",
    "Amina|reading|A2.1|placement_test|200||||",
    "Amina|spoken_interaction|A2.2|trainer|70||||",
    "Amina|occupational|A2.1|trainer|35||||Pflegedokumentation mit Hilfe",
    "Fatma|reading|B2|placement_test|180||||",
    "Fatma|writing|B1.2|trainer|45||||",
    "Dawit|listening|A1|placement_test|160||||",
    "Dawit|listening|A2.1|trainer|25||||",
];

/// The participant's own answers: skill → answer (for the statement asked now).
const SELF: [(&str, &str, &str); 7] = [
    ("Samuel", "reading", "can"),
    ("Samuel", "writing", "with_help"),
    ("Samuel", "spoken_interaction", "with_help"),
    ("Samuel", "occupational", "not_yet"),
    ("Iwan", "listening", "can"),
    ("Iwan", "spoken_interaction", "not_yet"),
    ("Iwan", "writing", "with_help"),
];

fn find<'a>(all: &'a [ParticipantRecord], given: &str) -> Option<&'a ParticipantRecord> {
    all.iter().find(|p| p.data.given_name == given)
}

/// Creates what is missing; safe to run again.
pub async fn seed(store: &Store, provider: ProviderId) -> anyhow::Result<()> {
    let app = App::new(store.clone());
    let user = |mail: &'static str| async move {
        anyhow::Ok(
            store
                .user_by_email(&Email::parse(mail).map_err(|e| anyhow!("{e}"))?)
                .await?,
        )
    };
    let staff = caller(&user("beratung1@demo.example").await?, Role::Counsellor);
    let trainer = caller(&user("lehrkraft1@demo.example").await?, Role::Trainer);
    let all = store.participants(Some(provider)).await?;
    let samuel = find(&all, "Samuel").ok_or_else(|| anyhow!("demo participant Samuel"))?;
    if !store.language_assessments(samuel.id).await?.is_empty() {
        return Ok(());
    }
    let today = app.today();
    for line in HISTORY {
        let f: Vec<&str> = line.split('|').collect();
        let Some(p) = find(&all, f[0]) else {
            continue;
        };
        let raw = RawAssessment {
            skill: f[1].into(),
            level: f[2].into(),
            source: f[3].into(),
            assessed_on: (today - Duration::days(f[4].parse()?)).to_string(),
            issuer: f[5].into(),
            exam: f[6].into(),
            certificate_number: f[7].into(),
            note: f[8].into(),
        };
        // The trainer's own assessments are recorded by the trainer where they reach the
        // person; the rest by the counsellor.
        let who = if f[3] == "trainer" && language::reachable(&app, &trainer, p.id).await.is_ok() {
            &trainer
        } else {
            &staff
        };
        language::record(&app, who, p.id, &raw)
            .await
            .map_err(|e| anyhow!("demo assessment {line}: {e}"))?;
    }
    for given in ["Samuel", "Iwan"] {
        let Some(p) = find(&all, given) else { continue };
        let Some(account) = store.participant_account(p.id).await? else {
            continue;
        };
        let me = caller(&account, Role::Participant);
        let p = store.participant(p.id).await?;
        let form = language::self_check_form(&app, &p).await?;
        let answers: Vec<(String, String)> = SELF
            .iter()
            .filter(|(g, _, _)| *g == given)
            .filter_map(|(_, skill, answer)| {
                form.statements
                    .iter()
                    .find(|s| s.skill.code() == *skill)
                    .map(|s| (s.code(), (*answer).to_owned()))
            })
            .collect();
        language::save_self_check(&app, &me, &p, &answers)
            .await
            .map_err(|e| anyhow!("demo self-assessment of {given}: {e}"))?;
    }
    certs::issue(&app, &staff, samuel.id, BASE)
        .await
        .map_err(|e| anyhow!("demo certificate: {e}"))?;
    if let Some(iwan) = find(&all, "Iwan") {
        let wrong = certs::issue(&app, &staff, iwan.id, BASE)
            .await
            .map_err(|e| anyhow!("demo certificate: {e}"))?;
        certs::revoke(
            &app,
            &staff,
            wrong.id,
            "Hörverstehen falsch übernommen (Goethe-Zertifikat B1); neuer Nachweis ausgestellt",
        )
        .await
        .map_err(|e| anyhow!("demo revocation: {e}"))?;
        certs::issue(&app, &staff, iwan.id, BASE)
            .await
            .map_err(|e| anyhow!("demo certificate: {e}"))?;
    }
    Ok(())
}
