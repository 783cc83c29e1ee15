//! `lernweg export`: exports for course portals from the command line.

use std::path::PathBuf;

use anyhow::{Context, anyhow};
use clap::Subcommand;
use lernweg_store::{Store, StoreError};
use lernweg_web::api::exports::build::{berlin_now, openqcat_catalog};

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// Write the open-Qcat 1.1 catalogue (KURSNET / mein NOW) of a provider's published and running cohorts.
    Openqcat {
        /// The provider's id or exact name.
        #[arg(long, env = "LERNWEG_PROVIDER")]
        provider: String,
        /// Write to this file instead of standard output.
        #[arg(long, short, env = "LERNWEG_OUTPUT")]
        output: Option<PathBuf>,
    },
}

pub async fn export(cmd: ExportCommand, store: &Store) -> anyhow::Result<()> {
    match cmd {
        ExportCommand::Openqcat { provider, output } => {
            let p = store.find_provider(&provider).await.map_err(|e| match e {
                StoreError::NotFound => {
                    anyhow!("--provider: no provider with id or name {provider:?}")
                }
                other => anyhow!(other),
            })?;
            let xml = openqcat_catalog(store, Some(p.id), berlin_now())
                .await
                .map_err(|e| anyhow!("{e}"))?;
            match output {
                Some(path) => {
                    std::fs::write(&path, &xml)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    eprintln!(
                        "open-Qcat catalogue of {} written to {}.",
                        p.name,
                        path.display()
                    );
                }
                None => print!("{xml}"),
            }
            Ok(())
        }
    }
}
