//! A vendor's published OpenAPI 3.0 document as a judge of what the sandbox says: every
//! answer's status must be one the operation documents, and its body must validate against the
//! schema documented for that status. Later vendors with a published spec use it the same way.
#![allow(dead_code)]

use serde_json::{json, Map, Value};

pub struct Contract {
    spec: Value,
    schemas: Value,
}

impl Contract {
    /// Reads an OpenAPI 3.0 YAML document.
    pub fn from_yaml(text: &str) -> Contract {
        let spec: Value = serde_yaml::from_str(text).expect("the OpenAPI document is YAML");
        let schemas = to_json_schema(&spec["components"]["schemas"]);
        Contract { spec, schemas }
    }

    /// Problems with `body` as an instance of the component schema `name` (empty: valid).
    pub fn check_schema(&self, name: &str, body: &Value) -> Vec<String> {
        self.check(
            &json!({"$ref": format!("#/components/schemas/{name}")}),
            body,
        )
    }

    /// Problems with an answer to `method path_template` (e.g. `/x/{id}`): an undocumented
    /// status, or a body the documented schema refuses.
    pub fn check_answer(&self, method: &str, path: &str, status: u16, body: &Value) -> Vec<String> {
        let operation = &self.spec["paths"][path][method.to_ascii_lowercase()];
        assert!(operation.is_object(), "the contract has no {method} {path}");
        let documented = &operation["responses"][status.to_string()];
        if documented.is_null() {
            return vec![format!("{method} {path} does not document HTTP {status}")];
        }
        match documented.pointer("/content/application~1json/schema") {
            Some(schema) => self.check(&to_json_schema(schema), body),
            None => Vec::new(),
        }
    }

    fn check(&self, schema: &Value, body: &Value) -> Vec<String> {
        let root = json!({"allOf": [schema], "components": {"schemas": self.schemas}});
        let validator = jsonschema::options()
            .with_draft(jsonschema::Draft::Draft4)
            .should_validate_formats(true)
            .build(&root)
            .expect("the contract's schemas compile");
        validator
            .iter_errors(body)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect()
    }
}

/// OpenAPI 3.0 schema objects as JSON Schema (draft 4, which 3.0 extends): `nullable: true`
/// becomes a `null` type; keywords JSON Schema lacks (`discriminator`, `example`) are dropped.
fn to_json_schema(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut out = Map::new();
            for (key, inner) in map {
                match key.as_str() {
                    "discriminator" | "example" | "xml" | "externalDocs" | "nullable" => {}
                    // Names of properties are data, not keywords: keep them, convert their schemas.
                    "properties" => {
                        let converted = inner
                            .as_object()
                            .map(|props| {
                                props
                                    .iter()
                                    .map(|(name, schema)| (name.clone(), to_json_schema(schema)))
                                    .collect::<Map<_, _>>()
                            })
                            .unwrap_or_default();
                        out.insert(key.clone(), Value::Object(converted));
                    }
                    _ => {
                        out.insert(key.clone(), to_json_schema(inner));
                    }
                }
            }
            if map.get("nullable") == Some(&Value::Bool(true)) {
                if let Some(Value::String(kind)) = map.get("type") {
                    out.insert("type".into(), json!([kind, "null"]));
                }
            }
            Value::Object(out)
        }
        Value::Array(items) => Value::Array(items.iter().map(to_json_schema).collect()),
        other => other.clone(),
    }
}
