//! `lernweg export`: exports for course portals from the command line.

use std::path::PathBuf;

use anyhow::{Context, anyhow};
use clap::Subcommand;
use lernweg_app::exports::openqcat_catalog;
use lernweg_store::{Store, StoreError};

#[derive(Subcommand, Debug)]
pub enum ExportCommand {
    /// Write the open-Qcat 1.1 catalogue (KURSNET / mein NOW) of a provider's public offers and their current runs; warnings go to standard error.
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
            let catalog = openqcat_catalog(&app, Some(p.id))
                .await
                .map_err(|e| anyhow!("{e}"))?;
            for w in &catalog.warnings {
                eprintln!("warning: {w}");
            }
            match output {
                Some(path) => {
                    std::fs::write(&path, &catalog.xml)
                        .with_context(|| format!("cannot write {}", path.display()))?;
                    eprintln!(
                        "open-Qcat catalogue of {} written to {} ({} warnings).",
                        p.name,
                        path.display(),
                        catalog.warnings.len()
                    );
                }
                None => print!("{}", catalog.xml),
            }
            Ok(())
        }
    }
}
