//! Exports for course portals and spreadsheets: open-Qcat 1.1 XML for KURSNET / mein NOW
//! ([`openqcat`], mapping in `crates/offers/EXPORT.md`), CSV ([`csv`]) and XLSX ([`xlsx`]).
//! All writers are pure: they take plain input structs and return a string or bytes.

pub mod cohort;
pub mod csv;
pub mod openqcat;
pub mod table;
pub mod xlsx;
