//! `lernweg export`: exports for course portals from the command line.

use std::path::PathBuf;

use anyhow::{Context, anyhow};
use clap::Subcommand;
use lernweg_app::exports::openqcat_catalog;
use lernweg_store::{Store, StoreError};

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
            let app = lernweg_app::App::new(store.clone());
            let xml = openqcat_catalog(&app, Some(p.id))
                .await
                .map_err(|e| anyhow!("{e}"))?
                .xml;
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
