//! Expected access of the CSV import routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/verwaltung/teilnehmende/import", "counselling"),
    ("POST", "/verwaltung/teilnehmende/import", "counselling"),
    (
        "GET",
        "/verwaltung/teilnehmende/import/beispiel.csv",
        "counselling",
    ),
    ("GET", "/verwaltung/teilnehmende/import/{id}", "counselling"),
    (
        "POST",
        "/verwaltung/teilnehmende/import/{id}/bestaetigen",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/import/{id}/verwerfen",
        "counselling",
    ),
    ("GET", "/api/v1/participants/imports", "counselling"),
    ("POST", "/api/v1/participants/imports", "counselling"),
    ("GET", "/api/v1/participants/imports/{id}", "counselling"),
    (
        "POST",
        "/api/v1/participants/imports/{id}/confirm",
        "counselling",
    ),
    ("DELETE", "/api/v1/participants/imports/{id}", "counselling"),
];
