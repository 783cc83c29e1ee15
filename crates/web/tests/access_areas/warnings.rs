//! Expected access of the early warnings' routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling | employer.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/verwaltung/fruehwarnungen", "counselling"),
    ("POST", "/verwaltung/fruehwarnungen/erledigt", "counselling"),
    ("GET", "/api/v1/warnings", "counselling"),
    ("POST", "/api/v1/warnings/handled", "counselling"),
];
