//! `lernweg`: the one binary. Serves the web app, runs the demo, manages accounts, and plans
//! timetables on the command line.

mod admin;
mod background;
mod demo;
mod demo_attendance;
mod demo_bulk;
mod demo_employers;
mod demo_imports;
mod demo_language;
mod demo_legal;
mod demo_mentoring;
mod demo_monitoring;
mod demo_offers;
mod demo_participants;
mod demo_paths;
mod demo_planning;
mod demo_portal;
#[cfg(test)]
mod demo_tests;
mod demo_warnings;
mod demo_work;
mod export;
mod keyfile;
mod logging;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand};
use lernweg_store::{DatabaseTarget, Store};
use lernweg_web::{AppState, WebConfig};

/// Lernweg plans and runs part-time qualification offers for immigrants in Germany (IQ programme).
#[derive(Parser, Debug)]
#[command(name = "lernweg", version, about, long_about = None)]
struct Cli {
    #[command(flatten)]
    db: DbArgs,
    /// Log format: `text` for people, `json` for log collectors.
    #[arg(long, global = true, env = "LERNWEG_LOG_FORMAT", default_value = "text", value_parser = ["text", "json"])]
    log_format: String,
    #[command(subcommand)]
    command: Command,
}

/// Where the data lives. `--database-url` wins over `--data-dir`.
#[derive(Args, Debug, Clone)]
struct DbArgs {
    /// Database URL, e.g. `postgres://user@host:5432/lernweg` or `sqlite:///var/lib/lernweg/lernweg.db`.
    #[arg(long, global = true, env = "LERNWEG_DATABASE_URL")]
    database_url: Option<String>,
    /// Directory for the embedded SQLite database (`DIR/lernweg.db`). Default: `./lernweg-data`
    /// (`./lernweg-demo` for `lernweg demo`).
    #[arg(long, global = true, env = "LERNWEG_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// The key file that seals the providers' signing keys for language certificates, kept
    /// outside the database (created with mode 0600 when missing). Default: `credential.key`
    /// in the data directory (`./lernweg-data` when only a database URL is given).
    #[arg(long, global = true, env = "LERNWEG_CREDENTIAL_KEY_FILE")]
    credential_key_file: Option<PathBuf>,
}

impl DbArgs {
    fn target(&self, default_dir: &str) -> DatabaseTarget {
        match (&self.database_url, &self.data_dir) {
            (Some(url), _) if !url.is_empty() => DatabaseTarget::Url(url.clone()),
            (_, Some(dir)) => DatabaseTarget::DataDir(dir.clone()),
            _ => DatabaseTarget::DataDir(PathBuf::from(default_dir)),
        }
    }

    /// Where the credential key file is: the flag, else `credential.key` in the data directory.
    fn key_file(&self, default_dir: &str) -> PathBuf {
        match (&self.credential_key_file, &self.data_dir) {
            (Some(f), _) => f.clone(),
            (None, Some(dir)) => dir.join("credential.key"),
            (None, None) => PathBuf::from(default_dir).join("credential.key"),
        }
    }

    /// Opens (and migrates) the database with the credential key file, for the commands that
    /// sign (the server, the demo, key rotation); the others never touch the key file.
    async fn open_signing(&self, default_dir: &str) -> anyhow::Result<Store> {
        let store = open(&self.target(default_dir)).await?;
        let key = keyfile::load_or_create(&self.key_file(default_dir))?;
        Ok(store.with_credential_key(key))
    }
}

#[derive(Args, Debug, Clone)]
struct ServeArgs {
    /// Address to listen on.
    #[arg(long, env = "LERNWEG_ADDR", default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// The public address users reach Lernweg at, e.g. `https://lernweg.example.org`; https makes cookies Secure and sends HSTS.
    #[arg(long, env = "LERNWEG_PUBLIC_URL")]
    public_url: Option<String>,
    /// Reverse proxies whose X-Forwarded-For header names the client: IP addresses or CIDR networks, comma-separated or repeated (e.g. `127.0.0.1,10.0.0.0/8`). Without it the header is ignored.
    #[arg(
        long = "trusted-proxy",
        env = "LERNWEG_TRUSTED_PROXY",
        value_delimiter = ','
    )]
    trusted_proxy: Vec<lernweg_web::TrustedProxy>,
    /// SMTP relay for invitation e-mails, e.g. `smtp://relay.example.org:25` or `smtps://user:pass@smtp.example.org` (wins over --mail-dir).
    #[arg(long, env = "LERNWEG_SMTP_URL")]
    smtp_url: Option<String>,
    /// Write invitation e-mails as .eml files into this directory instead of sending them (default for `demo`: DATA_DIR/mail).
    #[arg(long, env = "LERNWEG_MAIL_DIR")]
    mail_dir: Option<PathBuf>,
    /// Sender of invitation e-mails; default `Lernweg <lernweg@HOST>` with the host of --public-url.
    #[arg(long, env = "LERNWEG_MAIL_FROM")]
    mail_from: Option<String>,
    /// Daily jobs this instance may run (each runs once a day across all instances on the database): `imports` (expire unconfirmed import previews, fail interrupted imports, forget old login failures), `purge` (erase records past their retention period, like `lernweg purge`), `warnings` (queue the daily e-mail of open early warnings to each contact person), or `none`; comma-separated.
    #[arg(
        long,
        env = "LERNWEG_DAILY_JOBS",
        value_delimiter = ',',
        default_value = "imports,warnings"
    )]
    daily_jobs: Vec<String>,
}

#[derive(Args, Debug, Clone)]
struct DemoArgs {
    #[command(flatten)]
    serve: ServeArgs,
    /// For load tests: add this many generated participants to the first demo provider (once per database).
    #[arg(long, env = "LERNWEG_BULK_PARTICIPANTS", default_value_t = 0)]
    bulk_participants: usize,
    /// For load tests: add this many generated cohorts (published, evening sessions) to the first demo provider.
    #[arg(long, env = "LERNWEG_BULK_COHORTS", default_value_t = 0)]
    bulk_cohorts: usize,
    /// For load tests: the sessions of the generated cohorts in all (at least one per cohort).
    #[arg(long, env = "LERNWEG_BULK_SESSIONS", default_value_t = 0)]
    bulk_sessions: usize,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Serve the web UI and the JSON API (migrates the database first).
    Serve(ServeArgs),
    /// Create (or reuse) a demo database with realistic generated data and serve it.
    Demo(DemoArgs),
    /// Apply all pending database migrations and exit.
    Migrate,
    /// Manage user accounts.
    #[command(subcommand)]
    User(admin::UserCommand),
    /// Manage providers (Träger).
    #[command(subcommand)]
    Provider(admin::ProviderCommand),
    /// Erase participant records whose provider's retention period has passed: finished ones
    /// (counted from the last enrolment event) and inactive ones without a place in a cohort
    /// (counted from the record's last change).
    Purge {
        /// Only list what would be erased.
        #[arg(long, env = "LERNWEG_DRY_RUN")]
        dry_run: bool,
        /// The day to count from (YYYY-MM-DD); default today.
        #[arg(long, env = "LERNWEG_TODAY")]
        today: Option<String>,
    },
    /// Manage personal API tokens.
    #[command(subcommand)]
    Token(admin::TokenCommand),
    /// Export offers for course portals (open-Qcat for KURSNET / mein NOW).
    #[command(subcommand)]
    Export(export::ExportCommand),
    /// List the statewide public holidays of a federal state.
    Holidays {
        /// Federal state code: BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH.
        #[arg(long, env = "LERNWEG_STATE")]
        state: String,
        /// Year, 1995–2100.
        #[arg(long, env = "LERNWEG_YEAR")]
        year: i32,
        /// Output format: json, text or ics.
        #[arg(long, env = "LERNWEG_FORMAT", default_value = "text")]
        format: String,
    },
    /// Plan the timetable of an offer described in a TOML file.
    Plan {
        /// The offer file (see examples/ and the README).
        file: PathBuf,
        /// Output format: json, text, ics or csv (json or text with --compare).
        #[arg(long, env = "LERNWEG_FORMAT", default_value = "text")]
        format: String,
        /// Plan the offer under every fitting time model and compare them.
        #[arg(long, env = "LERNWEG_COMPARE")]
        compare: bool,
        /// Weekly load limit in hours (default 48, or `load_limit_hours` in the file).
        #[arg(long, env = "LERNWEG_LOAD_LIMIT")]
        load_limit: Option<f64>,
    },
    /// Propose mentoring tandems: all mentees matched exactly with the mentors' places (most
    /// tandems, then the highest total score), each pair with its reasons.
    Match {
        /// Mentors: `id;name;kldb;languages;slots;city;online;capacity` with a header line.
        #[arg(long)]
        mentors: PathBuf,
        /// Mentees: `id;name;kldb;mother_tongue;german_level;slots;city;online` with a header line.
        #[arg(long)]
        mentees: PathBuf,
        /// Output format: json or text.
        #[arg(long, env = "LERNWEG_FORMAT", default_value = "text")]
        format: String,
    },
    /// Choose the weekly session times that let the most participants attend at least a share
    /// of the sessions, given their shifts (exact). Input: a JSON file (see README).
    Slots {
        /// `{"state","start","weeks","choose","threshold","candidates":[…],"participants":[…]}`.
        file: PathBuf,
        /// Output format: json or text.
        #[arg(long, env = "LERNWEG_FORMAT", default_value = "text")]
        format: String,
    },
    /// Measure how easy a German text is to read (Flesch-Amstad, Wiener Sachtextformel, long sentences and words).
    Readability {
        /// A UTF-8 text file (or `--offer`).
        #[arg(required_unless_present = "offer", conflicts_with = "offer")]
        file: Option<PathBuf>,
        /// Instead of a file: the text a participant reads on an offer's public page, by the
        /// offer's slug (published offers) or id (any offer, as its page would look). Reads
        /// the database.
        #[arg(long, value_name = "SLUG_OR_ID")]
        offer: Option<String>,
        /// The page's language with `--offer`: de or en.
        #[arg(long, default_value = "de", value_parser = ["de", "en"])]
        lang: String,
        /// Output format: json or text.
        #[arg(long, env = "LERNWEG_FORMAT", default_value = "text")]
        format: String,
    },
}

/// The time of a file's last change (its modification time, in UTC, whole seconds), never
/// later than now: the DTSTAMP of `plan --format ics`. Unknown: the Unix epoch.
fn last_change(file: &std::path::Path) -> chrono::NaiveDateTime {
    let now = std::time::SystemTime::now();
    std::fs::metadata(file)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| t.min(now))
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .and_then(|d| chrono::DateTime::from_timestamp(d.as_secs() as i64, 0))
        .map_or_else(lernweg_planner::cli::unknown_change, |t| t.naive_utc())
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    logging::init(&cli.log_format);
    match cli.command {
        Command::Holidays {
            state,
            year,
            format,
        } => print(lernweg_planner::cli::holidays(&state, year, &format)),
        Command::Plan {
            file,
            format,
            compare,
            load_limit,
        } => match std::fs::read_to_string(&file) {
            Ok(src) => print(lernweg_planner::cli::plan_changed_at(
                &src,
                &format,
                compare,
                load_limit,
                last_change(&file),
            )),
            Err(e) => fail(format!("cannot read {}: {e}", file.display())),
        },
        Command::Match {
            mentors,
            mentees,
            format,
        } => match (
            std::fs::read_to_string(&mentors),
            std::fs::read_to_string(&mentees),
        ) {
            (Ok(a), Ok(b)) => print(lernweg_participants::mentoring_csv::cli_match(
                &a, &b, &format,
            )),
            (Err(e), _) => fail(format!("cannot read {}: {e}", mentors.display())),
            (_, Err(e)) => fail(format!("cannot read {}: {e}", mentees.display())),
        },
        Command::Slots { file, format } => match std::fs::read_to_string(&file) {
            Ok(json) => print(lernweg_participants::slot_choice::input::cli_slots(
                &json, &format,
            )),
            Err(e) => fail(format!("cannot read {}: {e}", file.display())),
        },
        Command::Readability {
            file: Some(file),
            format,
            ..
        } => match std::fs::read_to_string(&file) {
            Ok(text) => print(lernweg_offers::readability::cli_readability(&text, &format)),
            Err(e) => fail(format!("cannot read {}: {e}", file.display())),
        },
        other => {
            let runtime = match tokio::runtime::Builder::new_multi_thread()
                .enable_all()
                .build()
            {
                Ok(rt) => rt,
                Err(e) => return fail(format!("cannot start the async runtime: {e}")),
            };
            match runtime.block_on(run(other, cli.db)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(format!("{e:#}")),
            }
        }
    }
}

fn print<E: std::fmt::Display>(result: Result<String, E>) -> ExitCode {
    match result {
        Ok(out) => {
            print!("{out}");
            if !out.ends_with('\n') {
                println!();
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(e.to_string()),
    }
}

fn fail(message: String) -> ExitCode {
    eprintln!("error: {message}");
    ExitCode::from(2)
}

async fn open(target: &DatabaseTarget) -> anyhow::Result<Store> {
    let store = Store::open(target)
        .await
        .map_err(|e| anyhow::anyhow!("cannot open the database ({}): {e}", target.redacted()))?;
    Ok(store)
}

async fn run(command: Command, db: DbArgs) -> anyhow::Result<()> {
    match command {
        Command::Serve(args) => {
            let store = db.open_signing("./lernweg-data").await?;
            serve(store, args).await
        }
        Command::Demo(demo_args) => {
            let mut args = demo_args.serve;
            let bulk = demo_bulk::Bulk {
                participants: demo_args.bulk_participants,
                cohorts: demo_args.bulk_cohorts,
                sessions: demo_args.bulk_sessions,
            };
            let target = db.target("./lernweg-demo");
            if args.mail_dir.is_none() {
                // The demo never sends mail: invitations land as .eml files next to the data.
                let dir = match &db.data_dir {
                    Some(d) => d.clone(),
                    None => PathBuf::from("./lernweg-demo"),
                };
                args.mail_dir = Some(dir.join("mail"));
            }
            let store = db.open_signing("./lernweg-demo").await?;
            let created = demo::seed(&store).await?;
            if created {
                println!("Demo data generated in {}.", target.redacted());
            } else {
                println!("Reusing the demo data in {}.", target.redacted());
            }
            if demo::add_bulk(&store, bulk).await? {
                println!(
                    "Added {} participants and {} cohorts with {} sessions for load tests.",
                    bulk.participants, bulk.cohorts, bulk.sessions
                );
            }
            let logins = demo::logins();
            serve_with(store, args, move |addr| {
                println!("Lernweg demo: http://{addr}/");
                println!("Logins (password for all: {}):", demo::PASSWORD);
                for (email, what) in &logins {
                    println!("  {email:<28} {what}");
                }
                println!("Stop with Ctrl-C.");
            })
            .await
        }
        Command::Migrate => {
            let target = db.target("./lernweg-data");
            open(&target).await?;
            println!("Migrations applied to {}.", target.redacted());
            Ok(())
        }
        Command::User(cmd) => admin::user(cmd, &open(&db.target("./lernweg-data")).await?).await,
        Command::Provider(cmd) => {
            let store = if matches!(cmd, admin::ProviderCommand::RotateKey { .. }) {
                db.open_signing("./lernweg-data").await?
            } else {
                open(&db.target("./lernweg-data")).await?
            };
            admin::provider(cmd, &store).await
        }
        Command::Purge { dry_run, today } => {
            admin::purge(&open(&db.target("./lernweg-data")).await?, dry_run, today).await
        }
        Command::Token(cmd) => admin::token(cmd, &open(&db.target("./lernweg-data")).await?).await,
        Command::Export(cmd) => {
            export::export(cmd, &open(&db.target("./lernweg-data")).await?).await
        }
        Command::Readability {
            offer: Some(offer),
            lang,
            format,
            ..
        } => {
            let store = open(&db.target("./lernweg-data")).await?;
            let app = lernweg_app::App::new(store);
            let text = lernweg_web::public_page_text(&app, &offer, &lang)
                .await
                .map_err(|e| match e {
                    lernweg_app::AppError::NotFound => {
                        anyhow::anyhow!("no offer with the slug or id {offer:?}")
                    }
                    other => anyhow::anyhow!("cannot read the offer: {other}"),
                })?;
            let out = lernweg_offers::readability::cli_readability(&text, &format)?;
            print!("{out}");
            Ok(())
        }
        Command::Holidays { .. }
        | Command::Plan { .. }
        | Command::Readability { .. }
        | Command::Match { .. }
        | Command::Slots { .. } => {
            unreachable!("handled without a database")
        }
    }
}

async fn serve(store: Store, args: ServeArgs) -> anyhow::Result<()> {
    serve_with(store, args, |addr| {
        println!("Lernweg listens on http://{addr}/")
    })
    .await
}

async fn serve_with(
    store: Store,
    args: ServeArgs,
    on_ready: impl FnOnce(SocketAddr),
) -> anyhow::Result<()> {
    let config = WebConfig {
        public_url: args.public_url,
        trusted_proxies: args.trusted_proxy,
        mail: lernweg_web::portal::MailConfig {
            smtp_url: args.smtp_url.filter(|u| !u.is_empty()),
            mail_dir: args.mail_dir,
            from: args.mail_from,
        },
        ..Default::default()
    };
    let jobs = background::parse_daily_jobs(&args.daily_jobs)?;
    let state = AppState::new(store.clone(), config);
    let background = background::spawn(state.clone(), jobs);
    let result = lernweg_web::serve(state, args.addr, on_ready).await;
    background.abort();
    // Writes the queued audit entries of reads before the pool closes.
    store.close().await;
    result
}
