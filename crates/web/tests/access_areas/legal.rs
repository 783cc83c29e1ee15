//! Expected access of the legal pages: (method, path, group) with group one of
//! public | any | staff | managers | admin.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/impressum", "public"),
    ("GET", "/datenschutz", "public"),
    ("GET", "/barrierefreiheit", "public"),
    ("GET", "/traeger/{id}/impressum", "public"),
    ("GET", "/traeger/{id}/datenschutz", "public"),
    ("GET", "/traeger/{id}/barrierefreiheit", "public"),
    ("GET", "/verwaltung/rechtstexte", "managers"),
    ("POST", "/verwaltung/rechtstexte", "managers"),
];
