//! Logs: `LERNWEG_LOG` (or `RUST_LOG`) sets the filter, `--log-format` the shape.

use tracing_subscriber::EnvFilter;

pub fn init(format: &str) {
    let filter = std::env::var("LERNWEG_LOG")
        .ok()
        .or_else(|| std::env::var("RUST_LOG").ok())
        .and_then(|f| EnvFilter::try_new(f).ok())
        .unwrap_or_else(|| EnvFilter::new("info,sqlx=warn"));
    let builder = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr);
    let _ = if format == "json" {
        builder.json().try_init()
    } else {
        builder.try_init()
    };
}
