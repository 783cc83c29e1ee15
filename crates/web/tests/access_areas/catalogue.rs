//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/angebote", "public"),
    ("GET", "/angebote/feed.atom", "public"),
    ("GET", "/angebote/{slug}", "public"),
    ("GET", "/api/v1/public/offers", "public"),
];
