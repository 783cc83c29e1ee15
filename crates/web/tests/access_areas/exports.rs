//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/api/v1/exports/openqcat", "managers"),
    ("GET", "/api/v1/exports/offers.csv", "staff"),
    ("GET", "/api/v1/exports/offers.xlsx", "staff"),
    ("GET", "/api/v1/cohorts/{id}/timetable.csv", "staff"),
    ("GET", "/api/v1/cohorts/{id}/timetable.xlsx", "staff"),
];
