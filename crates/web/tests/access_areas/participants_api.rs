//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/api/v1/participants", "counselling"),
    ("POST", "/api/v1/participants", "counselling"),
    ("GET", "/api/v1/participants/{id}", "counselling"),
    ("PATCH", "/api/v1/participants/{id}", "counselling"),
    ("GET", "/api/v1/participants/{id}/export", "counselling"),
    ("GET", "/api/v1/participants/{id}/enrolments", "counselling"),
    (
        "POST",
        "/api/v1/participants/{id}/enrolments",
        "counselling",
    ),
    ("GET", "/api/v1/enrolments/{id}", "counselling"),
    ("POST", "/api/v1/enrolments/{id}/events", "counselling"),
    (
        "GET",
        "/api/v1/participants/{id}/readiness-checks",
        "counselling",
    ),
    (
        "POST",
        "/api/v1/participants/{id}/readiness-checks",
        "counselling",
    ),
    ("GET", "/api/v1/participants/{id}/contacts", "counselling"),
    ("POST", "/api/v1/participants/{id}/contacts", "counselling"),
    ("GET", "/api/v1/participants/{id}/consents", "counselling"),
    ("POST", "/api/v1/participants/{id}/consents", "counselling"),
    (
        "POST",
        "/api/v1/participants/{id}/consents/{consent_id}/withdraw",
        "counselling",
    ),
    // Last: the walk erases the fixture participant with this call.
    ("DELETE", "/api/v1/participants/{id}", "counselling"),
];
