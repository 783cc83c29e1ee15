//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/verwaltung/angebote", "staff"),
    ("POST", "/verwaltung/angebote", "managers"),
    ("GET", "/verwaltung/angebote/neu", "managers"),
    ("GET", "/verwaltung/angebote/{id}", "staff"),
    ("POST", "/verwaltung/angebote/{id}", "managers"),
    ("GET", "/verwaltung/angebote/{id}/bearbeiten", "managers"),
    (
        "POST",
        "/verwaltung/angebote/{id}/veroeffentlichen",
        "managers",
    ),
    ("GET", "/verwaltung/erfolgsfaktoren", "staff"),
    ("GET", "/verwaltung/lesbarkeit", "staff"),
    ("POST", "/verwaltung/lesbarkeit", "staff"),
    ("GET", "/api/v1/offers", "staff"),
    ("POST", "/api/v1/offers", "managers"),
    ("GET", "/api/v1/offers/{id}", "staff"),
    ("PATCH", "/api/v1/offers/{id}", "managers"),
    ("GET", "/api/v1/offers/{id}/success-factors", "staff"),
];
