//! Demo data: generated once into a fresh database, so that a newcomer sees every feature with
//! content. Every later capability adds its own records here.

use anyhow::anyhow;
use lernweg_domain::{CohortStatus, Email, ProviderDetails, ProviderId, ProviderName, Role, State};
use lernweg_store::{Actor, NewProvider, NewUser, ProviderPatch, Store, StoreError};

/// The password of every demo account. Demo data only: never use it for real accounts.
pub const PASSWORD: &str = "lernweg-demo";

const SEEDED_KEY: &str = "demo_seeded";

struct DemoProvider {
    name: &'static str,
    state: State,
    staff: [(&'static str, Role, &'static str); 3],
    /// Invented KURSNET supplier number, street, postcode, city, phone, e-mail and website.
    kursnet: [&'static str; 7],
}

const PROVIDERS: [DemoProvider; 2] = [
    DemoProvider {
        name: "Bildungswerk Rhein-Ruhr gGmbH",
        state: State::NW,
        staff: [
            (
                "koordination1@demo.example",
                Role::Coordinator,
                "Aylin Demir",
            ),
            ("beratung1@demo.example", Role::Counsellor, "Jonas Becker"),
            (
                "lehrkraft1@demo.example",
                Role::Trainer,
                "Dr. Maria Kowalski",
            ),
        ],
        kursnet: [
            "904711",
            "Rheinuferstraße 12",
            "47051",
            "Duisburg",
            "0203 555012",
            "kurse@rhein-ruhr.demo.example",
            "https://www.rhein-ruhr.demo.example",
        ],
    },
    DemoProvider {
        name: "Qualifizierungsnetz Sachsen e. V.",
        state: State::SN,
        staff: [
            (
                "koordination2@demo.example",
                Role::Coordinator,
                "Thomas Wagner",
            ),
            (
                "beratung2@demo.example",
                Role::Counsellor,
                "Olena Shevchenko",
            ),
            ("lehrkraft2@demo.example", Role::Trainer, "Samir Haddad"),
        ],
        kursnet: [
            "904712",
            "Königsbrücker Straße 45",
            "01099",
            "Dresden",
            "0351 555034",
            "kurse@qualinetz-sachsen.demo.example",
            "https://www.qualinetz-sachsen.demo.example",
        ],
    },
];

/// The demo logins with what each account is.
pub fn logins() -> Vec<(String, String)> {
    let mut v = vec![(
        "admin@demo.example".to_owned(),
        "admin (all providers)".to_owned(),
    )];
    for p in &PROVIDERS {
        for (email, role, _) in &p.staff {
            v.push((
                (*email).to_owned(),
                format!("{role} · {} ({})", p.name, p.state),
            ));
        }
    }
    for (email, what) in crate::demo_portal::LOGINS {
        v.push((email.to_owned(), what.to_owned()));
    }
    for (email, what) in [crate::demo_employers::LOGIN, crate::demo_mentoring::LOGIN] {
        v.push((email.to_owned(), what.to_owned()));
    }
    v.push((
        format!("code {}", crate::demo_portal::DEMO_CODE),
        "printed code of Amina Haddad (Arabic): enter it at /code".to_owned(),
    ));
    v
}

/// Fills an empty database with demo data; leaves an already seeded one alone.
/// Returns whether data was generated.
pub async fn seed(store: &Store) -> anyhow::Result<bool> {
    if store.setting(SEEDED_KEY).await?.is_some() {
        return Ok(false);
    }
    // Each record is created only if missing, so an interrupted first run can simply be
    // started again.
    ensure_user(
        store,
        "admin@demo.example",
        "Lernweg-Administration",
        Role::Admin,
        None,
    )
    .await?;
    let mut provider_ids = Vec::new();
    for p in &PROVIDERS {
        let provider = match store.find_provider(p.name).await {
            Ok(existing) => existing,
            Err(StoreError::NotFound) => {
                let name =
                    ProviderName::parse(p.name).map_err(|e| anyhow!("demo provider: {e}"))?;
                store
                    .create_provider(
                        &Actor::system(),
                        NewProvider {
                            name,
                            state: p.state,
                        },
                    )
                    .await?
            }
            Err(e) => return Err(e.into()),
        };
        let provider = if provider.details.kursnet_supplier_id.is_empty() {
            let [id, street, zip, city, phone, email, website] = p.kursnet.map(str::to_owned);
            let details = ProviderDetails {
                kursnet_supplier_id: id,
                street,
                zip,
                city,
                phone,
                email,
                website,
                ..provider.details.clone()
            };
            let patch = ProviderPatch {
                details: Some(details),
                ..ProviderPatch::default()
            };
            store
                .update_provider(&Actor::system(), provider.id, patch)
                .await?
        } else {
            provider
        };
        for (mail, role, display_name) in &p.staff {
            ensure_user(store, mail, display_name, *role, Some(provider.id)).await?;
        }
        provider_ids.push(provider.id);
    }
    if store.offers(None).await?.is_empty() {
        let trainer = |i: usize| async move {
            let mail =
                Email::parse(&format!("lehrkraft{i}@demo.example")).map_err(|e| anyhow!("{e}"))?;
            anyhow::Ok(store.user_by_email(&mail).await?.id)
        };
        let trainers = [trainer(1).await?, trainer(2).await?];
        crate::demo_offers::seed(store, [provider_ids[0], provider_ids[1]], trainers).await?;
    }
    if store.participants(None).await?.is_empty() {
        for (i, provider) in provider_ids.iter().enumerate() {
            let mail = Email::parse(&format!("beratung{}@demo.example", i + 1))
                .map_err(|e| anyhow!("{e}"))?;
            let counsellor = store.user_by_email(&mail).await?.id;
            let cohorts: Vec<_> = store
                .cohorts(Some(*provider), None)
                .await?
                .into_iter()
                .filter(|c| c.status != CohortStatus::Draft)
                .map(|c| (c.id, c.start_date, c.end_date, c.status))
                .collect();
            crate::demo_participants::seed(store, *provider, counsellor, &cohorts, i).await?;
            crate::demo_attendance::seed(store, *provider, counsellor, i).await?;
        }
    }
    crate::demo_portal::seed(store, provider_ids[0]).await?;
    crate::demo_employers::seed(store, provider_ids[0]).await?;
    crate::demo_planning::seed(store, provider_ids[0]).await?;
    crate::demo_monitoring::seed(store, provider_ids[0]).await?;
    crate::demo_paths::seed(store, provider_ids[0]).await?;
    crate::demo_mentoring::seed(store, provider_ids[0]).await?;
    crate::demo_language::seed(store, provider_ids[0]).await?;
    crate::demo_imports::seed(store, provider_ids[0]).await?;
    crate::demo_legal::seed(store, &provider_ids).await?;
    // Last: the warnings follow from what the parts above recorded.
    crate::demo_warnings::seed(store).await?;
    store.set_setting_once(SEEDED_KEY, "1").await?;
    Ok(true)
}

async fn ensure_user(
    store: &Store,
    mail: &str,
    name: &str,
    role: Role,
    provider: Option<ProviderId>,
) -> anyhow::Result<()> {
    let email = Email::parse(mail).map_err(|e| anyhow!("demo e-mail {mail}: {e}"))?;
    match store.user_by_email(&email).await {
        Ok(_) => Ok(()),
        Err(StoreError::NotFound) => {
            let new = NewUser {
                email,
                display_name: name.into(),
                role,
                provider_id: provider,
                password: Some(PASSWORD.into()),
            };
            store.create_user(&Actor::system(), new).await?;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// Adds the bulk data of a load test to the first demo provider (once per database).
pub async fn add_bulk(store: &Store, bulk: crate::demo_bulk::Bulk) -> anyhow::Result<bool> {
    if bulk.is_empty() {
        return Ok(false);
    }
    let provider = store.find_provider(PROVIDERS[0].name).await?;
    crate::demo_bulk::seed(store, provider.id, bulk).await
}
