//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/verwaltung/beratungsstellen", "counselling"),
    ("POST", "/verwaltung/beratungsstellen", "counselling"),
    ("GET", "/verwaltung/beratungsstellen/{id}", "counselling"),
    ("POST", "/verwaltung/beratungsstellen/{id}", "counselling"),
    ("GET", "/verwaltung/verweise", "counselling"),
    ("POST", "/verwaltung/verweise", "counselling"),
    ("POST", "/verwaltung/verweise/{id}/status", "counselling"),
    ("GET", "/api/v1/counselling-services", "counselling"),
    ("POST", "/api/v1/counselling-services", "counselling"),
    ("GET", "/api/v1/referrals", "counselling"),
    ("POST", "/api/v1/referrals", "counselling"),
    ("POST", "/api/v1/referrals/{id}/status", "counselling"),
];
