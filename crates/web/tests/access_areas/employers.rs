//! Expected access of this area's routes: (method, path, group) with group one of
//! public | any | staff | managers | admin | counselling.

pub const EXPECTED: &[(&str, &str, &str)] = &[
    ("GET", "/api/v1/employers", "counselling"),
    ("POST", "/api/v1/employers", "counselling"),
    ("GET", "/api/v1/employers/{id}", "counselling"),
    ("PUT", "/api/v1/employers/{id}", "counselling"),
    ("GET", "/api/v1/employers/{id}/employees", "counselling"),
    ("POST", "/api/v1/employers/{id}/employees", "counselling"),
    ("POST", "/api/v1/employments/{id}/end", "counselling"),
];
