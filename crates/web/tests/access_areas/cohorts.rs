//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/api/v1/cohorts", "staff"),
    ("POST", "/api/v1/cohorts", "managers"),
    ("GET", "/api/v1/cohorts/{id}", "staff"),
    ("POST", "/api/v1/cohorts/{id}/status", "managers"),
    ("GET", "/api/v1/cohorts/{id}/sessions", "staff"),
    ("GET", "/api/v1/cohorts/{id}/time-models", "staff"),
    ("PATCH", "/api/v1/sessions/{id}", "managers"),
    ("GET", "/verwaltung/durchgaenge", "staff"),
    ("POST", "/verwaltung/durchgaenge", "managers"),
    ("POST", "/verwaltung/meine-termine/kalender", "staff"),
    ("GET", "/verwaltung/durchgaenge/{id}", "staff"),
    ("POST", "/verwaltung/durchgaenge/{id}/status", "managers"),
    (
        "POST",
        "/verwaltung/durchgaenge/{id}/neu-planen",
        "managers",
    ),
    (
        "POST",
        "/verwaltung/durchgaenge/{id}/kalender-links",
        "managers",
    ),
    ("POST", "/verwaltung/kalender/{id}/widerrufen", "managers"),
    ("GET", "/verwaltung/durchgaenge/{id}/kalender", "staff"),
    ("GET", "/verwaltung/durchgaenge/{id}/pfad", "staff"),
    ("POST", "/verwaltung/durchgaenge/{id}/termine", "managers"),
    ("GET", "/verwaltung/termine/{id}", "staff"),
    ("POST", "/verwaltung/termine/{id}/verschieben", "managers"),
    ("POST", "/verwaltung/termine/{id}/absagen", "managers"),
];
