//! Account, provider and token commands for operators.

use std::io::Read;

use anyhow::{Context, anyhow};
use clap::Subcommand;
use lernweg_app::admin::{self, NewAccount};
use lernweg_app::{App, AppError};
use lernweg_domain::Email;
use lernweg_store::{Actor, ErasureReason, Provider, Store, StoreError};

#[derive(Subcommand, Debug)]
pub enum UserCommand {
    /// Create a user. The password is read from standard input (one line).
    Add {
        #[arg(long, env = "LERNWEG_EMAIL")]
        email: String,
        /// admin, coordinator, counsellor or trainer (participant, employer and mentor come with their own flows).
        #[arg(long, env = "LERNWEG_ROLE")]
        role: String,
        /// The provider's id or exact name; required for every role but admin.
        #[arg(long, env = "LERNWEG_PROVIDER")]
        provider: Option<String>,
        /// Display name; defaults to the part of the e-mail before the @.
        #[arg(long, env = "LERNWEG_USER_NAME")]
        name: Option<String>,
    },
    /// List users.
    List,
}

#[derive(Subcommand, Debug)]
pub enum ProviderCommand {
    /// Create a provider (Träger) and print its id.
    Add {
        #[arg(long, env = "LERNWEG_PROVIDER_NAME")]
        name: String,
        /// Federal state code, e.g. NW.
        #[arg(long, env = "LERNWEG_STATE")]
        state: String,
    },
    /// List providers.
    List,
    /// Retire the provider's key for signing language certificates and create a new one;
    /// certificates signed before still verify (the retired key stays published).
    RotateKey {
        /// The provider's id or exact name.
        #[arg(long, env = "LERNWEG_PROVIDER")]
        provider: String,
    },
    /// Set how many months finished or inactive participant records are kept before
    /// `lernweg purge`.
    Retention {
        /// The provider's id or exact name.
        #[arg(long, env = "LERNWEG_PROVIDER")]
        provider: String,
        /// 1 to 120 months.
        #[arg(long, env = "LERNWEG_RETENTION_MONTHS")]
        months: u32,
    },
}

#[derive(Subcommand, Debug)]
pub enum TokenCommand {
    /// Create a personal API token for a user; prints the token alone on the last line.
    Create {
        #[arg(long, env = "LERNWEG_EMAIL")]
        email: String,
        /// A name to recognise the token by.
        #[arg(long, env = "LERNWEG_TOKEN_NAME", default_value = "Kommandozeile")]
        name: String,
    },
}

fn explain(e: StoreError) -> anyhow::Error {
    match e {
        StoreError::NotFound => anyhow!("not found"),
        StoreError::Invalid(p) => anyhow!("{}: {}", p.field, p.message),
        other => anyhow!(other),
    }
}

/// The command-line flag of a use-case's field.
fn flag(field: &str) -> &str {
    match field {
        "email" => "--email",
        "role" => "--role",
        "provider" | "provider_id" => "--provider",
        "display_name" | "name" => "--name",
        "state" => "--state",
        other => other,
    }
}

/// A refused use-case in the words of the command line: one line per invalid field.
fn explain_app(e: AppError) -> anyhow::Error {
    match e {
        AppError::Invalid(fields) => anyhow!(
            "{}",
            fields
                .iter()
                .map(|f| match f.code {
                    "needs_provider" => "--provider is required for this role".to_owned(),
                    _ => format!("{}: {}", flag(f.field), f.message),
                })
                .collect::<Vec<_>>()
                .join("\n")
        ),
        AppError::NotFound => anyhow!("not found"),
        AppError::Conflict(what) => anyhow!("{what}"),
        AppError::Store(e) => explain(e),
        other => anyhow!(other),
    }
}

/// A provider by id or exact name.
async fn find_provider(store: &Store, id_or_name: &str) -> anyhow::Result<Provider> {
    store.find_provider(id_or_name).await.map_err(|e| match e {
        StoreError::NotFound => {
            anyhow!("--provider: no provider with id or name {id_or_name:?}")
        }
        other => explain(other),
    })
}

pub async fn user(cmd: UserCommand, store: &Store) -> anyhow::Result<()> {
    let app = App::new(store.clone());
    match cmd {
        UserCommand::Add {
            email,
            role,
            provider,
            name,
        } => {
            let provider = match provider {
                Some(p) => Some(find_provider(store, &p).await?.id.to_string()),
                None => None,
            };
            let mut password = String::new();
            std::io::stdin()
                .read_to_string(&mut password)
                .context("cannot read the password from standard input")?;
            let password = password.lines().next().unwrap_or("").to_owned();
            let display_name =
                name.unwrap_or_else(|| email.trim().split('@').next().unwrap_or("").to_owned());
            let new = NewAccount {
                email,
                display_name,
                role,
                provider,
                password,
            };
            let user = admin::create_user(&app, &admin::operator(), new)
                .await
                .map_err(explain_app)?;
            println!(
                "Created {} ({}) with id {}.",
                user.email, user.role, user.id
            );
            Ok(())
        }
        UserCommand::List => {
            let all = admin::users(&app, &admin::operator().principal)
                .await
                .map_err(explain_app)?;
            for u in all {
                let provider = u
                    .provider_id
                    .map(|p| p.to_string())
                    .unwrap_or_else(|| "-".into());
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    u.id,
                    u.email,
                    u.role,
                    provider,
                    if u.active { "active" } else { "locked" }
                );
            }
            Ok(())
        }
    }
}

pub async fn provider(cmd: ProviderCommand, store: &Store) -> anyhow::Result<()> {
    let app = App::new(store.clone());
    match cmd {
        ProviderCommand::Add { name, state } => {
            let p = admin::create_provider(&app, &admin::operator(), &name, &state)
                .await
                .map_err(explain_app)?;
            println!("Created provider {} ({}).", p.name, p.state);
            println!("{}", p.id);
            Ok(())
        }
        ProviderCommand::List => {
            let all = admin::providers(&app, &admin::operator().principal)
                .await
                .map_err(explain_app)?;
            for p in all {
                println!("{}\t{}\t{}", p.id, p.state, p.name);
            }
            Ok(())
        }
        ProviderCommand::RotateKey { provider } => {
            let p = find_provider(store, &provider).await?;
            let key =
                lernweg_app::language_certificates::rotate_key(&app, &admin::operator(), p.id)
                    .await
                    .map_err(explain_app)?;
            println!(
                "{} signs language certificates with the new key {}.",
                p.name, key.kid
            );
            Ok(())
        }
        ProviderCommand::Retention { provider, months } => {
            let p = find_provider(store, &provider).await?;
            store
                .set_retention_months(&Actor::system(), p.id, months)
                .await
                .map_err(explain)?;
            println!(
                "{} keeps finished and inactive participant records for {months} months.",
                p.name
            );
            Ok(())
        }
    }
}

pub async fn token(cmd: TokenCommand, store: &Store) -> anyhow::Result<()> {
    let app = App::new(store.clone());
    match cmd {
        TokenCommand::Create { email, name } => {
            let email = Email::parse(&email).map_err(|e| anyhow!("--email: {}", e.message))?;
            let user = store.user_by_email(&email).await.map_err(|e| match e {
                StoreError::NotFound => anyhow!("no user with the e-mail address {email}"),
                other => explain(other),
            })?;
            let issued = admin::create_token(&app, &admin::operator(), &user, &name)
                .await
                .map_err(explain_app)?;
            println!(
                "Created token {:?} for {}. It is shown only now:",
                issued.token.name, user.email
            );
            println!("{}", issued.secret);
            Ok(())
        }
    }
}

/// `lernweg purge`: erases participant records past their provider's retention period:
/// finished ones (every enrolment completed or dropped) and inactive ones (no place in a
/// cohort, no change for the period). One line per record: id, provider, reason and date.
pub async fn purge(store: &Store, dry_run: bool, today: Option<String>) -> anyhow::Result<()> {
    let today = match today {
        Some(t) => chrono::NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d")
            .map_err(|_| anyhow!("--today: expected YYYY-MM-DD, got {t:?}"))?,
        None => lernweg_app::Clock::system().today(),
    };
    let due = store.due_for_erasure(today).await.map_err(explain)?;
    for d in &due {
        let reason = match d.reason {
            ErasureReason::Finished => "finished",
            ErasureReason::Inactive => "inactive since",
        };
        println!("{}\t{}\t{reason} {}", d.participant, d.provider, d.since);
    }
    if dry_run {
        let finished = due
            .iter()
            .filter(|d| d.reason == ErasureReason::Finished)
            .count();
        println!(
            "{} participant record(s) would be erased (dry run): {finished} finished, {} inactive.",
            due.len(),
            due.len() - finished
        );
        return Ok(());
    }
    let n = store
        .purge(&Actor::system(), today)
        .await
        .map_err(explain)?;
    println!("{n} participant record(s) erased; anonymous statistics kept.");
    let expired = lernweg_app::imports::expire(&App::new(store.clone()))
        .await
        .map_err(explain_app)?;
    println!("{expired} unconfirmed CSV import preview(s) older than 24 hours deleted.");
    Ok(())
}
