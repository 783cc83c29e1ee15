//! Expected access of the release agreements' routes: (method, path, group) with group one
//! of public | any | staff | managers | admin | counselling | employer.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    (
        "POST",
        "/verwaltung/einschreibungen/{id}/freistellung",
        "counselling",
    ),
    ("GET", "/verwaltung/freistellungen/{id}", "counselling"),
    ("POST", "/verwaltung/freistellungen/{id}", "counselling"),
    ("GET", "/verwaltung/freistellungen/{id}/pdf", "counselling"),
    ("GET", "/betrieb/freistellungen/{id}", "employer"),
    ("POST", "/betrieb/freistellungen/{id}", "employer"),
    ("GET", "/betrieb/freistellungen/{id}/pdf", "employer"),
    ("GET", "/api/v1/release-agreements", "counselling"),
    ("POST", "/api/v1/release-agreements", "counselling"),
    ("GET", "/api/v1/release-agreements/{id}", "counselling"),
    (
        "POST",
        "/api/v1/release-agreements/{id}/answer",
        "counselling",
    ),
    ("GET", "/api/v1/release-agreements/{id}/pdf", "counselling"),
];
