//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    (
        "GET",
        "/verwaltung/teilnehmende/{id}/arbeitszeit",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/arbeitszeit",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/arbeitszeit/import",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/teilnehmende/{id}/arbeitszeit/loeschen",
        "counselling",
    ),
    (
        "GET",
        "/api/v1/participants/{id}/work-pattern",
        "counselling",
    ),
    (
        "PUT",
        "/api/v1/participants/{id}/work-pattern",
        "counselling",
    ),
    (
        "DELETE",
        "/api/v1/participants/{id}/work-pattern",
        "counselling",
    ),
    (
        "POST",
        "/api/v1/participants/{id}/work-pattern/ics",
        "counselling",
    ),
    ("GET", "/api/v1/enrolments/{id}/fit", "counselling"),
];
