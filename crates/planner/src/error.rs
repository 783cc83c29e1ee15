//! The one error type of the planner.

/// Everything that can go wrong when reading an offer or building its outputs.
///
/// Messages are precise and in English; the CLI prints them to stderr.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum PlannerError {
    /// The TOML could not be read; `line` and `column` are 1-based.
    #[error("line {line}, column {column}: {message}")]
    Toml {
        line: usize,
        column: usize,
        message: String,
    },
    /// The offer is well-formed TOML but breaks a rule, e.g. "module 2: hours must be positive".
    #[error("{0}")]
    Invalid(String),
    /// A federal state code that is not one of the 16.
    #[error(
        "unknown federal state {0:?}; expected one of BW BY BE BB HB HH HE MV NI NW RP SL SN ST SH TH"
    )]
    UnknownState(String),
    /// Holidays are known for 1995 to 2100 only.
    #[error("year {0} is outside the supported range 1995 to 2100")]
    YearOutOfRange(i32),
    /// An output format that the command does not write.
    #[error("unknown format {format:?}; expected {expected}")]
    UnknownFormat {
        format: String,
        expected: &'static str,
    },
    /// The offer cannot be planned, e.g. closures block every possible date.
    #[error("cannot plan: {0}")]
    Unplannable(String),
}

impl PlannerError {
    /// Converts a `toml` error, keeping its line and column.
    pub(crate) fn from_toml(err: &toml::de::Error, src: &str) -> Self {
        let message = err.message().trim().to_owned();
        match err.span() {
            Some(span) => {
                let (line, column) = line_col(src, span.start);
                PlannerError::Toml {
                    line,
                    column,
                    message,
                }
            }
            None => PlannerError::Toml {
                line: 1,
                column: 1,
                message,
            },
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
pub(crate) fn line_col(src: &str, offset: usize) -> (usize, usize) {
    let mut offset = offset.min(src.len());
    while !src.is_char_boundary(offset) {
        offset -= 1;
    }
    let before = &src[..offset];
    let line = before.matches('\n').count() + 1;
    let col_start = before.rfind('\n').map(|i| i + 1).unwrap_or(0);
    (line, before[col_start..].chars().count() + 1)
}
