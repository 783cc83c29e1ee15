//! Language competence (issue 16): the staff page for all staff (trainers only for the
//! participants of their cohorts, checked by the use-case), certificates for counselling, the
//! participant's answers and downloads, and the public check, credential and keys.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/verwaltung/teilnehmende/{id}/sprache", "staff"),
    ("POST", "/verwaltung/teilnehmende/{id}/sprache", "staff"),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/sprachnachweise",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/sprachnachweise/{id}/widerrufen",
        "counselling",
    ),
    ("GET", "/verwaltung/sprachnachweise/{id}/pdf", "counselling"),
    ("POST", "/mein-weg/sprache", "participant"),
    ("GET", "/mein-weg/sprachnachweise/{id}/pdf", "participant"),
    ("GET", "/nachweise/{id}", "public"),
    (
        "GET",
        "/api/v1/participants/{id}/language-assessments",
        "staff",
    ),
    (
        "POST",
        "/api/v1/participants/{id}/language-assessments",
        "staff",
    ),
    (
        "POST",
        "/api/v1/participants/{id}/language-certificates",
        "counselling",
    ),
    (
        "GET",
        "/api/v1/participants/{id}/language-certificates",
        "counselling",
    ),
    (
        "POST",
        "/api/v1/language-certificates/{id}/revoke",
        "counselling",
    ),
    (
        "GET",
        "/api/v1/language-certificates/{id}/pdf",
        "counselling",
    ),
    (
        "GET",
        "/api/v1/public/language-certificates/{id}/credential",
        "public",
    ),
    (
        "GET",
        "/api/v1/public/issuers/{provider_id}/jwks.json",
        "public",
    ),
    ("GET", "/api/v1/public/issuers/{provider_id}", "public"),
];
