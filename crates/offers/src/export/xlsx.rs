//! XLSX workbooks with rust_xlsxwriter: header row in bold and frozen, numbers as numbers,
//! dates as Excel dates shown `TT.MM.JJJJ`, times as Excel times shown `hh:mm`. Text is
//! always a string cell, never a formula; text that looks like one is also quote-prefixed,
//! so that Excel keeps it as text when the cell is edited. Returns the file's bytes.

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, XlsxError};

use super::table::{Cell, Table, looks_like_formula, offers_table, timetable_table};
use crate::OffersError;
use crate::classification::Classification;
use crate::model::Offer;
use lernweg_planner::Plan;

fn err(e: XlsxError) -> OffersError {
    OffersError::Export(e.to_string())
}

/// Writes tables into one workbook, one sheet each (`name` at most 31 characters).
pub fn workbook(sheets: &[(&str, &Table)]) -> Result<Vec<u8>, OffersError> {
    let mut wb = Workbook::new();
    let bold = Format::new().set_bold();
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let number = Format::new().set_num_format("0.00");
    let time = Format::new().set_num_format("hh:mm");
    let as_text = Format::new().set_quote_prefix();
    for (name, table) in sheets {
        let ws = wb.add_worksheet();
        let name: String = name.chars().take(31).collect();
        ws.set_name(&name).map_err(err)?;
        for (c, h) in table.headers.iter().enumerate() {
            let format = if looks_like_formula(h) {
                bold.clone().set_quote_prefix()
            } else {
                bold.clone()
            };
            ws.write_string_with_format(0, c as u16, h, &format)
                .map_err(err)?;
        }
        ws.set_freeze_panes(1, 0).map_err(err)?;
        for (r, row) in table.rows.iter().enumerate() {
            let r = (r + 1) as u32;
            for (c, cell) in row.iter().enumerate() {
                let c = c as u16;
                match cell {
                    Cell::Text(s) if looks_like_formula(s) => {
                        ws.write_string_with_format(r, c, s, &as_text)
                            .map_err(err)?;
                    }
                    Cell::Text(s) => {
                        ws.write_string(r, c, s).map_err(err)?;
                    }
                    Cell::Number(x) => {
                        ws.write_number_with_format(r, c, *x, &number)
                            .map_err(err)?;
                    }
                    Cell::Int(i) => {
                        ws.write_number(r, c, *i as f64).map_err(err)?;
                    }
                    Cell::Date(d) => {
                        let dt = ExcelDateTime::from_ymd(
                            u16::try_from(chrono::Datelike::year(d)).unwrap_or(1900),
                            chrono::Datelike::month(d) as u8,
                            chrono::Datelike::day(d) as u8,
                        )
                        .map_err(err)?;
                        ws.write_datetime_with_format(r, c, &dt, &date)
                            .map_err(err)?;
                    }
                    Cell::Time(t) => {
                        let dt = ExcelDateTime::from_hms(
                            chrono::Timelike::hour(t) as u16,
                            chrono::Timelike::minute(t) as u8,
                            chrono::Timelike::second(t),
                        )
                        .map_err(err)?;
                        ws.write_datetime_with_format(r, c, &dt, &time)
                            .map_err(err)?;
                    }
                    Cell::Empty => {}
                }
            }
        }
        ws.autofit();
    }
    wb.save_to_buffer().map_err(err)
}

/// The offers as a workbook with one sheet named by `sheet`.
pub fn offers_xlsx(
    offers: &[(&Offer, Option<&Classification>)],
    sheet: &str,
    label: &dyn Fn(&str) -> String,
) -> Result<Vec<u8>, OffersError> {
    workbook(&[(sheet, &offers_table(offers, label))])
}

/// A cohort's timetable as a workbook.
pub fn timetable_xlsx(
    plan: &Plan,
    sheet: &str,
    label: &dyn Fn(&str) -> String,
) -> Result<Vec<u8>, OffersError> {
    workbook(&[(sheet, &timetable_table(plan, label))])
}
