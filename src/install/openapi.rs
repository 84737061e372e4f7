//! A Kubernetes API group's OpenAPI document (v3 `components.schemas`, or v2 `definitions`)
//! turned into the structural schema a CRD or an APIResourceSchema carries (`openAPIV3Schema`).
//!
//! ```text
//! /openapi/v3/apis/<group>/<version> ─► OpenApiDocument ─► find(kind) ─► structural_schema ─► Value
//! ```
//!
//! What changes on the way, and why:
//! - `$ref`s (bare, or as the single member of `allOf`) are resolved inline, as CRDs allow no
//!   references; a reference back into itself (or nesting deeper than [`MAX_DEPTH`]) becomes a
//!   free-form object.
//! - IntOrString and Quantity become `x-kubernetes-int-or-string: true` (a quantity may be
//!   written as a number: `cpu: 1`); RawExtension, JSON and FieldsV1 become free-form.
//! - Every `description` is dropped: a StatefulSet's schema with them nears the object size
//!   limit of kcp's storage (about 1.5 MB in etcd), and kubectl explain is the cluster's job.
//! - Only keys apiextensions accepts are kept (type, properties, items, required, enum, the
//!   list/map extensions, formats it knows, scalar defaults it can validate); the root's
//!   `metadata` becomes `{type: object}`, as apiextensions demands.
//! - Anything the conversion does not understand (`anyOf`, `oneOf`, `allOf` of several
//!   schemas) becomes free-form rather than an error: the physical cluster still validates.

use serde_json::{json, Map, Value};
use thiserror::Error;

/// How deep references may nest before the rest is left free-form.
pub const MAX_DEPTH: usize = 64;

/// Formats apiextensions validates; others are dropped (they would be ignored or warned about).
const KNOWN_FORMATS: [&str; 8] = ["int32", "int64", "float", "double", "byte", "date", "date-time", "duration"];

/// Validation keys of scalar nodes kept as they are.
const SCALAR_LIMITS: [&str; 6] =
    ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength"];

/// Definitions whose schema says less than their wire format allows, by name.
const INT_OR_STRING: [&str; 2] =
    ["io.k8s.apimachinery.pkg.util.intstr.IntOrString", "io.k8s.apimachinery.pkg.api.resource.Quantity"];
/// Definitions that hold arbitrary JSON.
const FREE_FORM: [&str; 4] = [
    "io.k8s.apimachinery.pkg.runtime.RawExtension",
    "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1",
    "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1.JSON",
    "io.k8s.apiextensions-apiserver.pkg.apis.apiextensions.v1beta1.JSON",
];

/// Why an OpenAPI document could not be converted.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum OpenApiError {
    /// The document has neither `components.schemas` (v3) nor `definitions` (v2).
    #[error("the OpenAPI document has no components.schemas (v3) or definitions (v2)")]
    NoDefinitions,
    /// No definition carries the kind's `x-kubernetes-group-version-kind`.
    #[error("the OpenAPI document defines no schema for {api_version} {kind}")]
    KindNotDefined {
        /// `group/version` (or `version`).
        api_version: String,
        /// The kind looked for.
        kind: String,
    },
    /// A `$ref` names a definition the document lacks.
    #[error("{path}: $ref {reference} points at nothing in the document")]
    DanglingReference {
        /// Where in the schema.
        path: String,
        /// The reference.
        reference: String,
    },
    /// A node is not a JSON object, or has a type JSON Schema does not know.
    #[error("{path}: {what}")]
    Malformed {
        /// Where in the schema.
        path: String,
        /// What is wrong.
        what: String,
    },
}

/// An OpenAPI document's named schemas.
pub struct OpenApiDocument<'a> {
    definitions: &'a Map<String, Value>,
}

impl<'a> OpenApiDocument<'a> {
    /// Reads the named schemas of a v3 document, or of a v2 one.
    pub fn new(document: &'a Value) -> Result<Self, OpenApiError> {
        let definitions = document["components"]["schemas"]
            .as_object()
            .or_else(|| document["definitions"].as_object())
            .ok_or(OpenApiError::NoDefinitions)?;
        Ok(OpenApiDocument { definitions })
    }

    /// The name of the definition of `group`/`version` `kind` (by its group-version-kind tag).
    pub fn find(&self, group: &str, version: &str, kind: &str) -> Result<&'a str, OpenApiError> {
        let tagged = |schema: &Value| {
            schema["x-kubernetes-group-version-kind"].as_array().is_some_and(|gvks| {
                gvks.iter().any(|g| g["group"] == group && g["version"] == version && g["kind"] == kind)
            })
        };
        self.definitions.iter().find(|(_, schema)| tagged(schema)).map(|(name, _)| name.as_str()).ok_or_else(|| {
            let api_version = if group.is_empty() { version.to_string() } else { format!("{group}/{version}") };
            OpenApiError::KindNotDefined { api_version, kind: kind.to_string() }
        })
    }

    /// The structural schema of the definition `name`, ready for `openAPIV3Schema`.
    pub fn structural_schema(&self, name: &str) -> Result<Value, OpenApiError> {
        let mut converter = Converter { definitions: self.definitions, stack: Vec::new() };
        let mut root = converter.definition(name, "")?;
        // apiextensions: the root is an object, and its metadata is the server's business.
        root["type"] = json!("object");
        if let Some(properties) = root.get_mut("properties").and_then(Value::as_object_mut) {
            if properties.contains_key("metadata") {
                properties.insert("metadata".into(), json!({ "type": "object" }));
            }
        }
        if let Some(object) = root.as_object_mut() {
            object.retain(|key, _| matches!(key.as_str(), "type" | "properties" | "required"));
        }
        Ok(root)
    }
}

struct Converter<'a> {
    definitions: &'a Map<String, Value>,
    /// The definitions being expanded, outermost first, to stop at recursion.
    stack: Vec<&'a str>,
}

impl<'a> Converter<'a> {
    fn definition(&mut self, name: &'a str, path: &str) -> Result<Value, OpenApiError> {
        if INT_OR_STRING.contains(&name) {
            return Ok(json!({ "x-kubernetes-int-or-string": true }));
        }
        if FREE_FORM.contains(&name) || self.stack.contains(&name) || self.stack.len() >= MAX_DEPTH {
            return Ok(free_form_object());
        }
        let schema = self
            .definitions
            .get(name)
            .ok_or_else(|| OpenApiError::DanglingReference { path: shown(path), reference: name.to_string() })?;
        self.stack.push(name);
        let converted = self.node(schema, path);
        self.stack.pop();
        converted
    }

    fn node(&mut self, schema: &'a Value, path: &str) -> Result<Value, OpenApiError> {
        let Some(node) = schema.as_object() else {
            return Err(OpenApiError::Malformed { path: shown(path), what: "a schema must be a JSON object".into() });
        };
        if let Some(reference) = reference_of(node) {
            let name = reference.rsplit('/').next().unwrap_or(reference);
            let mut out = self.definition(name, path)?;
            // A referring node may add nullability and a default to what it refers to.
            if node.get("nullable") == Some(&Value::Bool(true)) {
                out["nullable"] = json!(true);
            }
            carry_default(node, &mut out);
            return Ok(out);
        }
        if node.get("format").and_then(Value::as_str) == Some("int-or-string") {
            let mut out = json!({ "x-kubernetes-int-or-string": true });
            carry_default(node, &mut out);
            return Ok(out);
        }
        if ["anyOf", "oneOf", "allOf", "not"].iter().any(|k| node.contains_key(*k)) {
            return Ok(json!({ "x-kubernetes-preserve-unknown-fields": true }));
        }
        let declared = node.get("type").and_then(Value::as_str);
        let inferred = declared.or_else(|| {
            if node.contains_key("properties") || node.contains_key("additionalProperties") {
                Some("object")
            } else if node.contains_key("items") {
                Some("array")
            } else {
                None
            }
        });
        let mut out = Map::new();
        match inferred {
            Some("object") => self.object(node, path, &mut out)?,
            Some("array") => self.array(node, path, &mut out)?,
            Some(scalar @ ("string" | "integer" | "number" | "boolean")) => scalar_node(node, scalar, &mut out),
            Some(other) => {
                return Err(OpenApiError::Malformed { path: shown(path), what: format!("unknown type {other:?}") });
            }
            None => return Ok(json!({ "x-kubernetes-preserve-unknown-fields": true })),
        }
        if node.get("nullable") == Some(&Value::Bool(true)) {
            out.insert("nullable".into(), json!(true));
        }
        let mut out = Value::Object(out);
        carry_default(node, &mut out);
        Ok(out)
    }

    fn object(
        &mut self,
        node: &'a Map<String, Value>,
        path: &str,
        out: &mut Map<String, Value>,
    ) -> Result<(), OpenApiError> {
        out.insert("type".into(), json!("object"));
        let properties = node.get("properties").and_then(Value::as_object);
        if let Some(properties) = properties {
            let mut converted = Map::new();
            for (name, schema) in properties {
                converted.insert(name.clone(), self.node(schema, &join(path, name))?);
            }
            if let Some(required) = node.get("required").and_then(Value::as_array) {
                let kept: Vec<Value> = required
                    .iter()
                    .filter(|r| r.as_str().is_some_and(|r| converted.contains_key(r)))
                    .cloned()
                    .collect();
                if !kept.is_empty() {
                    out.insert("required".into(), Value::Array(kept));
                }
            }
            out.insert("properties".into(), Value::Object(converted));
        }
        match node.get("additionalProperties") {
            Some(Value::Object(_)) if properties.is_none() => {
                let values = self.node(&node["additionalProperties"], &format!("{path}{{}}"))?;
                out.insert("additionalProperties".into(), values);
            }
            Some(Value::Bool(true)) => {
                out.insert("x-kubernetes-preserve-unknown-fields".into(), json!(true));
            }
            // An object that declares nothing takes anything (FieldsV1 and the like); pruning
            // it to `{}` would lose what the user wrote.
            _ if properties.is_none() => {
                out.insert("x-kubernetes-preserve-unknown-fields".into(), json!(true));
            }
            _ => {}
        }
        if let Some(map_type) = node.get("x-kubernetes-map-type") {
            out.insert("x-kubernetes-map-type".into(), map_type.clone());
        }
        Ok(())
    }

    fn array(
        &mut self,
        node: &'a Map<String, Value>,
        path: &str,
        out: &mut Map<String, Value>,
    ) -> Result<(), OpenApiError> {
        out.insert("type".into(), json!("array"));
        let items = match node.get("items") {
            Some(items) => self.node(items, &format!("{path}[]"))?,
            None => json!({ "x-kubernetes-preserve-unknown-fields": true }),
        };
        out.insert("items".into(), items);
        for key in ["x-kubernetes-list-type", "x-kubernetes-list-map-keys", "minItems", "maxItems"] {
            if let Some(value) = node.get(key) {
                out.insert(key.into(), value.clone());
            }
        }
        Ok(())
    }
}

fn scalar_node(node: &Map<String, Value>, scalar: &str, out: &mut Map<String, Value>) {
    out.insert("type".into(), json!(scalar));
    if let Some(format) = node.get("format").and_then(Value::as_str).filter(|f| KNOWN_FORMATS.contains(f)) {
        out.insert("format".into(), json!(format));
    }
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        let fitting: Vec<Value> = values.iter().filter(|v| fits(v, scalar)).cloned().collect();
        if !fitting.is_empty() {
            out.insert("enum".into(), Value::Array(fitting));
        }
    }
    for key in SCALAR_LIMITS.iter().chain(&["pattern"]) {
        if let Some(value) = node.get(*key) {
            out.insert((*key).into(), value.clone());
        }
    }
}

/// Copies a scalar default that validates against `out` (its type and enum). Object and
/// array defaults are dropped: apiextensions validates them against required fields they do
/// not have (`default: {}`), and the physical cluster applies its own defaults anyway. Scalar
/// ones stay, because list-map keys (a port's `protocol`) must be required or defaulted.
fn carry_default(node: &Map<String, Value>, out: &mut Value) {
    let Some(default) =
        node.get("default").filter(|d| matches!(d, Value::String(_) | Value::Number(_) | Value::Bool(_)))
    else {
        return;
    };
    let fits_type = if out["x-kubernetes-int-or-string"] == true {
        default.is_string() || default.is_i64() || default.is_u64()
    } else {
        out["type"].as_str().is_some_and(|t| fits(default, t))
    };
    let fits_enum = out["enum"].as_array().is_none_or(|values| values.contains(default));
    if fits_type && fits_enum {
        out["default"] = default.clone();
    }
}

fn fits(value: &Value, scalar: &str) -> bool {
    match scalar {
        "string" => value.is_string(),
        "integer" => value.is_i64() || value.is_u64(),
        "number" => value.is_number(),
        "boolean" => value.is_boolean(),
        _ => false,
    }
}

/// The definition a node refers to: `$ref`, or an `allOf` holding just one `$ref`.
fn reference_of(node: &Map<String, Value>) -> Option<&str> {
    if let Some(reference) = node.get("$ref").and_then(Value::as_str) {
        return Some(reference);
    }
    match node.get("allOf").and_then(Value::as_array).map(Vec::as_slice) {
        Some([only]) => only.get("$ref").and_then(Value::as_str),
        _ => None,
    }
}

fn free_form_object() -> Value {
    json!({ "type": "object", "x-kubernetes-preserve-unknown-fields": true })
}

/// `path.name`, or `name` at the root.
pub(super) fn join(path: &str, name: &str) -> String {
    if path.is_empty() {
        name.to_string()
    } else {
        format!("{path}.{name}")
    }
}

/// A path for messages; the root reads `(root)`.
pub(super) fn shown(path: &str) -> String {
    if path.is_empty() {
        "(root)".into()
    } else {
        path.to_string()
    }
}

#[cfg(test)]
#[path = "openapi_tests.rs"]
mod tests;
