//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling | employer.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/betrieb", "employer"),
    ("POST", "/betrieb/kalender", "employer"),
    ("POST", "/betrieb/kalender/widerrufen", "employer"),
    ("GET", "/verwaltung/betriebe", "counselling"),
    ("GET", "/verwaltung/betriebe/{id}", "counselling"),
    (
        "POST",
        "/verwaltung/betriebe/{id}/kontakte/{contact}/code",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/betriebe/{id}/kontakte/{contact}/einladung",
        "counselling",
    ),
    (
        "POST",
        "/verwaltung/betriebe/{id}/kontakte/{contact}/widerrufen",
        "counselling",
    ),
    ("POST", "/verwaltung/betriebe/{id}/kalender", "counselling"),
    (
        "POST",
        "/verwaltung/betriebe/{id}/kalender/widerrufen",
        "counselling",
    ),
    ("GET", "/api/v1/employers", "counselling"),
    ("POST", "/api/v1/employers", "counselling"),
    ("GET", "/api/v1/employers/{id}", "counselling"),
    ("PUT", "/api/v1/employers/{id}", "counselling"),
    ("GET", "/api/v1/employers/{id}/employees", "counselling"),
    ("POST", "/api/v1/employers/{id}/employees", "counselling"),
    ("POST", "/api/v1/employments/{id}/end", "counselling"),
];
