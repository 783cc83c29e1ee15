//! Expected access of individual qualification paths: (method, path, group) with group one
//! of public | any | staff | managers | admin | counselling | employer.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    (
        "GET",
        "/verwaltung/teilnehmende/{id}/qualifizierungsplan",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/qualifizierungsplan/anerkennung",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/qualifizierungsplan/bausteine",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/plan-bausteine/{id}/loeschen",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/plan-bausteine/{id}/termine",
        "counselling",
    ),
    (
        "GET",
        "/api/v1/participants/{id}/recognition",
        "counselling",
    ),
    (
        "PUT",
        "/api/v1/participants/{id}/recognition",
        "counselling",
    ),
    ("GET", "/api/v1/participants/{id}/plan", "counselling"),
    (
        "POST",
        "/api/v1/participants/{id}/plan/items",
        "counselling",
    ),
    ("PATCH", "/api/v1/plan-items/{id}", "counselling"),
    ("DELETE", "/api/v1/plan-items/{id}", "counselling"),
    ("POST", "/api/v1/plan-items/{id}/schedule", "counselling"),
    ("POST", "/api/v1/plan-items/{id}/progress", "counselling"),
    (
        "POST",
        "/verwaltung/plan-bausteine/{id}/termine/bestaetigen",
        "counselling",
    ),
    ("POST", "/verwaltung/plan-termine/{id}/anwesenheit", "staff"),
    (
        "POST",
        "/verwaltung/plan-termine/{id}/aendern",
        "counselling",
    ),
    ("GET", "/api/v1/plan-items/{id}/sessions", "counselling"),
    ("POST", "/api/v1/plan-items/{id}/sessions", "counselling"),
    ("PATCH", "/api/v1/plan-sessions/{id}", "counselling"),
    ("PUT", "/api/v1/plan-sessions/{id}/attendance", "staff"),
    (
        "POST",
        "/verwaltung/plan-bausteine/{id}/stunden",
        "counselling",
    ),
    (
        "GET",
        "/verwaltung/teilnehmende/{id}/qualifizierungsplan/bescheinigung.pdf",
        "counselling",
    ),
];
