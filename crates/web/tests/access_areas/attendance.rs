//! Expected access of the attendance routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling. Trainers are staff; which sessions
//! they reach (only cohorts they teach) is the handlers' tenancy check, tested in
//! `tests/attendance.rs`.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/verwaltung/anwesenheit", "staff"),
    ("GET", "/verwaltung/termine/{id}/anwesenheit", "staff"),
    ("POST", "/verwaltung/termine/{id}/anwesenheit", "staff"),
    (
        "POST",
        "/verwaltung/einschreibungen/{id}/fortschritt",
        "counselling",
    ),
    ("GET", "/api/v1/sessions/{id}/attendance", "staff"),
    ("PUT", "/api/v1/sessions/{id}/attendance", "staff"),
    ("GET", "/api/v1/enrolments/{id}/attendance", "counselling"),
    ("GET", "/api/v1/enrolments/{id}/progress", "counselling"),
    (
        "POST",
        "/api/v1/enrolments/{id}/progress-entries",
        "counselling",
    ),
];
