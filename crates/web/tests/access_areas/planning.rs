//! Expected access of planning a draft with the employers: (method, path, group) with group
//! one of public | any | staff | managers | admin | counselling | employer.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("POST", "/verwaltung/durchgaenge/{id}/teilen", "managers"),
    ("GET", "/betrieb/planung/{id}", "employer"),
    ("POST", "/betrieb/planung/{id}", "employer"),
    (
        "POST",
        "/betrieb/planung/antworten/{id}/zurueckziehen",
        "employer",
    ),
    ("POST", "/api/v1/cohorts/{id}/replan", "managers"),
    ("POST", "/api/v1/cohorts/{id}/share", "managers"),
    ("GET", "/api/v1/cohorts/{id}/employer-answers", "staff"),
    ("POST", "/api/v1/cohorts/{id}/slot-choice", "managers"),
    ("GET", "/verwaltung/durchgaenge/{id}/zeiten", "managers"),
    ("POST", "/verwaltung/durchgaenge/{id}/zeiten", "managers"),
    ("PUT", "/api/v1/cohorts/{id}/weekly-slots", "managers"),
    (
        "POST",
        "/verwaltung/durchgaenge/{id}/zeiten/uebernehmen",
        "managers",
    ),
];
