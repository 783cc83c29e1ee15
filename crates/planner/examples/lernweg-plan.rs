//! Development driver without the web stack:
//! `cargo run -p lernweg-planner --example lernweg-plan -- plan FILE [json|text|ics|csv] [--compare]`
//! `cargo run -p lernweg-planner --example lernweg-plan -- holidays BY 2027 [json|text|ics]`
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("plan") if args.len() >= 2 => {
            let src = match std::fs::read_to_string(&args[1]) {
                Ok(s) => s,
                Err(e) => {
                    eprintln!("{}: {e}", args[1]);
                    return ExitCode::from(2);
                }
            };
            let format = args.get(2).map_or("text", String::as_str);
            let compare = args.iter().any(|a| a == "--compare");
            lernweg_planner::cli::plan(&src, format, compare, None)
        }
        Some("holidays") if args.len() >= 3 => {
            let year = args[2].parse().unwrap_or(0);
            lernweg_planner::cli::holidays(
                &args[1],
                year,
                args.get(3).map_or("text", String::as_str),
            )
        }
        _ => {
            eprintln!("usage: plan FILE [format] [--compare] | holidays STATE YEAR [format]");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(out) => {
            print!("{out}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}
