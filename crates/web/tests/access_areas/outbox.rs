//! Expected access of the outbox's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling | employer.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/verwaltung/postausgang", "counselling"),
    ("GET", "/api/v1/outbox", "counselling"),
];
