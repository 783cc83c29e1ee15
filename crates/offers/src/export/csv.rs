//! CSV for German Excel: UTF-8 with byte-order mark, `;` as separator, CRLF line ends,
//! decimal comma, dates as `TT.MM.JJJJ`, times as `HH:MM`, fields quoted where needed.
//! Text that a spreadsheet could read as a formula gets a leading apostrophe.

use std::borrow::Cow;

use super::table::{Cell, Table, looks_like_formula, offers_table, timetable_table};
use crate::OffersError;
use crate::classification::Classification;
use crate::model::Offer;
use lernweg_planner::Plan;

/// The UTF-8 byte-order mark Excel needs to read UTF-8.
pub const BOM: &str = "\u{feff}";

/// A number with a decimal comma and at most two decimals: `12.5` → `12,5`, `3.0` → `3`.
pub fn german_number(x: f64) -> String {
    let r = (x * 100.0).round() / 100.0 + 0.0;
    let s = if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        let s = format!("{r:.2}");
        s.trim_end_matches('0').to_owned()
    };
    s.replace('.', ",")
}

/// Text as a spreadsheet shows it, never as a formula: `=1+1` → `'=1+1`.
pub fn neutralise(s: &str) -> Cow<'_, str> {
    if looks_like_formula(s) {
        Cow::Owned(format!("'{s}"))
    } else {
        Cow::Borrowed(s)
    }
}

fn cell(c: &Cell) -> String {
    match c {
        Cell::Text(s) => neutralise(s).into_owned(),
        Cell::Number(x) => german_number(*x),
        Cell::Int(i) => i.to_string(),
        Cell::Date(d) => d.format("%d.%m.%Y").to_string(),
        Cell::Time(t) => t.format("%H:%M").to_string(),
        Cell::Empty => String::new(),
    }
}

/// Writes a table as CSV (with BOM).
pub fn table_csv(table: &Table) -> Result<String, OffersError> {
    let mut w = ::csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(::csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let err = |e: ::csv::Error| OffersError::Export(e.to_string());
    w.write_record(table.headers.iter().map(|h| neutralise(h).into_owned()))
        .map_err(err)?;
    for row in &table.rows {
        w.write_record(row.iter().map(cell)).map_err(err)?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| OffersError::Export(e.to_string()))?;
    let body = String::from_utf8(bytes).map_err(|e| OffersError::Export(e.to_string()))?;
    Ok(format!("{BOM}{body}"))
}

/// The offers as CSV.
pub fn offers_csv(
    offers: &[(&Offer, Option<&Classification>)],
    label: &dyn Fn(&str) -> String,
) -> Result<String, OffersError> {
    table_csv(&offers_table(offers, label))
}

/// A cohort's timetable as CSV.
pub fn timetable_csv(plan: &Plan, label: &dyn Fn(&str) -> String) -> Result<String, OffersError> {
    table_csv(&timetable_table(plan, label))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        assert_eq!(german_number(12.5), "12,5");
        assert_eq!(german_number(3.0), "3");
        assert_eq!(german_number(0.75), "0,75");
        assert_eq!(german_number(-0.0), "0");
    }

    #[test]
    fn formulas_are_neutralised() {
        for bad in ["=1+1", "+49 30", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for ok in ["Pflege", "", " =1", "1-2", "'=x"] {
            assert_eq!(neutralise(ok), ok);
        }
    }
}
