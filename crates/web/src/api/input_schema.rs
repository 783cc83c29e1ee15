//! Request schemas derived from answer schemas: an offer is answered with every field
//! (`OfferFields`), but `POST` and `PATCH` take what `OfferDraft` reads — any subset of the
//! fields, `null` at the top level ("not given" in `POST`, "clear it" in `PATCH`), and every
//! number also as a string (`"12,5"`, read by `lernweg_domain::decimal`). Writing the input
//! types a second time would let them drift from the answer; they are derived once, when the
//! document is built:
//!
//! * `OfferFieldsInput` is `OfferFields` with no required key and every key nullable;
//! * each schema it refers to gets an `…Input` twin with no required key (nested keys are not
//!   nullable: the draft reads `null` there as a wrong type);
//! * `number` and `integer` also allow `string`, at every depth;
//! * the bodies of `POST /api/v1/offers` and `PATCH /api/v1/offers/{id}` refer to the input.

use std::collections::BTreeMap;

use serde_json::{Map, Value, json};
use utoipa::openapi::OpenApi;

const PREFIX: &str = "#/components/schemas/";

/// Derives the input schemas of the offer (see the module documentation).
pub fn derive(doc: &mut OpenApi) {
    let Some(components) = doc.components.as_mut() else {
        return;
    };
    let Ok(Value::Object(schemas)) = serde_json::to_value(&components.schemas) else {
        return;
    };
    let mut derived = BTreeMap::new();
    input_of("OfferFields", &schemas, &mut derived, true);
    for body in ["NewOfferDoc", "OfferPatchDoc"] {
        if let Some(schema) = schemas.get(body) {
            let mut schema = schema.clone();
            retarget(&mut schema, "OfferFields");
            derived.insert(body.to_owned(), schema);
        }
    }
    for (name, schema) in derived {
        if let Ok(schema) = serde_json::from_value(schema) {
            components.schemas.insert(name, schema);
        }
    }
}

/// Adds `<name>Input` (and the inputs of the schemas it refers to) to `out`.
fn input_of(
    name: &str,
    schemas: &Map<String, Value>,
    out: &mut BTreeMap<String, Value>,
    top: bool,
) {
    let input = format!("{name}Input");
    if out.contains_key(&input) {
        return;
    }
    let Some(mut schema) = schemas.get(name).cloned() else {
        return;
    };
    out.insert(input.clone(), Value::Null); // Marks it as under way (cycles).
    let mut refs = Vec::new();
    if let Some(object) = schema.as_object_mut() {
        object.remove("required");
        for prop in object
            .get_mut("properties")
            .and_then(Value::as_object_mut)
            .into_iter()
            .flat_map(|p| p.values_mut())
        {
            as_input(prop, &mut refs);
            if top && !allows_null(prop) {
                *prop = json!({ "anyOf": [prop.take(), { "type": "null" }] });
            }
        }
    }
    if top {
        schema["description"] = json!(
            "The fields of an offer as sent: any subset; `null` is \"not given\" in POST and \
             clears the stored value in PATCH; numbers may also be strings (\"12,5\")."
        );
    }
    out.insert(input, schema);
    for r in refs {
        input_of(&r, schemas, out, false);
    }
}

/// Rewrites a property schema in place: references to their `…Input` twin (collected in
/// `refs`), numbers also as strings.
fn as_input(v: &mut Value, refs: &mut Vec<String>) {
    match v {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref")
                && let Some(name) = r.strip_prefix(PREFIX).map(str::to_owned)
            {
                *r = format!("{PREFIX}{name}Input");
                refs.push(name);
            }
            if let Some(t) = map.get_mut("type") {
                with_string_for_numbers(t);
            }
            for (key, child) in map.iter_mut() {
                if key != "$ref" && key != "type" {
                    as_input(child, refs);
                }
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|i| as_input(i, refs)),
        _ => {}
    }
}

fn with_string_for_numbers(t: &mut Value) {
    let is_number = |t: &Value| t == "number" || t == "integer";
    match t {
        Value::String(_) if is_number(t) => *t = json!([t.take(), "string"]),
        Value::Array(types) if types.iter().any(is_number) && !types.contains(&json!("string")) => {
            types.push(json!("string"));
        }
        _ => {}
    }
}

fn allows_null(prop: &Value) -> bool {
    let null = json!("null");
    match &prop["type"] {
        Value::Array(types) => types.contains(&null),
        t => {
            *t == null
                || ["oneOf", "anyOf"].iter().any(|k| {
                    prop[*k]
                        .as_array()
                        .is_some_and(|alts| alts.iter().any(allows_null))
                })
        }
    }
}

/// Points the references to `name` in `schema` at `name`'s input.
fn retarget(schema: &mut Value, name: &str) {
    match schema {
        Value::Object(map) => {
            if let Some(Value::String(r)) = map.get_mut("$ref")
                && r.strip_prefix(PREFIX) == Some(name)
            {
                *r = format!("{PREFIX}{name}Input");
            }
            map.values_mut().for_each(|v| retarget(v, name));
        }
        Value::Array(items) => items.iter_mut().for_each(|v| retarget(v, name)),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemas() -> Map<String, Value> {
        json!({
            "Outer": {
                "type": "object",
                "required": ["title", "inner", "count"],
                "properties": {
                    "title": { "type": "string" },
                    "count": { "type": "integer", "format": "int32" },
                    "inner": { "$ref": "#/components/schemas/Inner" },
                    "maybe": { "oneOf": [{ "type": "null" }, { "$ref": "#/components/schemas/Inner" }] },
                    "list": { "type": "array", "items": { "$ref": "#/components/schemas/Inner" } }
                }
            },
            "Inner": {
                "type": "object",
                "required": ["hours"],
                "properties": { "hours": { "type": ["number", "null"] }, "name": { "type": "string" } }
            }
        })
        .as_object()
        .unwrap()
        .clone()
    }

    #[test]
    fn inputs_require_nothing_take_null_on_top_and_numbers_as_strings() {
        let mut out = BTreeMap::new();
        input_of("Outer", &schemas(), &mut out, true);
        let outer = &out["OuterInput"];
        assert!(outer.get("required").is_none());
        let p = &outer["properties"];
        assert_eq!(p["title"]["anyOf"][0]["type"], "string");
        assert_eq!(p["title"]["anyOf"][1]["type"], "null");
        assert_eq!(p["count"]["anyOf"][0]["type"], json!(["integer", "string"]));
        assert_eq!(
            p["inner"]["anyOf"][0]["$ref"],
            "#/components/schemas/InnerInput"
        );
        // Already nullable: kept as it is, with the reference to the input.
        assert_eq!(
            p["maybe"]["oneOf"][1]["$ref"],
            "#/components/schemas/InnerInput"
        );
        assert!(p["maybe"].get("anyOf").is_none());
        assert_eq!(
            p["list"]["anyOf"][0]["items"]["$ref"],
            "#/components/schemas/InnerInput"
        );
        let inner = &out["InnerInput"];
        assert!(inner.get("required").is_none());
        assert_eq!(
            inner["properties"]["hours"]["type"],
            json!(["number", "null", "string"])
        );
        // Nested strings stay what they are: no null below the top.
        assert_eq!(inner["properties"]["name"]["type"], "string");
    }

    #[test]
    fn bodies_point_at_the_input() {
        let mut body =
            json!({ "allOf": [{ "$ref": "#/components/schemas/Outer" }, { "type": "object" }] });
        retarget(&mut body, "Outer");
        assert_eq!(body["allOf"][0]["$ref"], "#/components/schemas/OuterInput");
        let mut other = json!({ "$ref": "#/components/schemas/Outermost" });
        retarget(&mut other, "Outer");
        assert_eq!(other["$ref"], "#/components/schemas/Outermost");
    }
}
