//! Conversion of small OpenAPI documents shaped as Kubernetes serves them, one rule each; the
//! tests of `workload_apis` convert a real one captured from a lab cluster (`testdata/`).

use serde_json::{json, Value};

use super::*;

/// A v3 document with one kind, `Widget` in `example.com/v1`, and `definitions` beside it.
fn document(widget: Value, others: Value) -> Value {
    let mut schemas = others.as_object().cloned().unwrap_or_default();
    let mut widget = widget;
    widget["x-kubernetes-group-version-kind"] = json!([{ "group": "example.com", "version": "v1", "kind": "Widget" }]);
    schemas.insert("com.example.v1.Widget".into(), widget);
    json!({ "openapi": "3.0.0", "components": { "schemas": schemas } })
}

fn convert(doc: &Value) -> Value {
    let document = OpenApiDocument::new(doc).unwrap();
    let name = document.find("example.com", "v1", "Widget").unwrap();
    document.structural_schema(name).unwrap()
}

#[test]
fn references_are_inlined_and_descriptions_dropped() {
    let doc = document(
        json!({ "type": "object", "description": "a widget", "properties": {
            "spec": { "allOf": [{ "$ref": "#/components/schemas/com.example.v1.Spec" }], "default": {}, "description": "x" },
        }}),
        json!({ "com.example.v1.Spec": { "type": "object", "description": "the spec", "required": ["size"], "properties": {
            "size": { "type": "integer", "format": "int32", "description": "how big", "default": 1 },
        }}}),
    );
    assert_eq!(
        convert(&doc),
        json!({ "type": "object", "properties": { "spec": { "type": "object", "required": ["size"], "properties": {
            "size": { "type": "integer", "format": "int32", "default": 1 } } } } })
    );
}

#[test]
fn metadata_at_the_root_is_just_an_object() {
    let doc = document(
        json!({ "type": "object", "properties": {
            "metadata": { "allOf": [{ "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" }] },
            "template": { "type": "object", "properties": {
                "metadata": { "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta" } } },
        }}),
        json!({ "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta": { "type": "object", "properties": {
            "labels": { "type": "object", "additionalProperties": { "type": "string", "default": "" } },
            "managedFields": { "type": "array", "items": { "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1" } },
        }}, "io.k8s.apimachinery.pkg.apis.meta.v1.FieldsV1": { "type": "object" } }),
    );
    let schema = convert(&doc);
    assert_eq!(schema["properties"]["metadata"], json!({ "type": "object" }));
    // Nested metadata is an ordinary field: its labels survive pruning.
    let nested = &schema["properties"]["template"]["properties"]["metadata"];
    assert_eq!(nested["properties"]["labels"]["additionalProperties"], json!({ "type": "string", "default": "" }));
    assert_eq!(
        nested["properties"]["managedFields"]["items"],
        json!({ "type": "object", "x-kubernetes-preserve-unknown-fields": true })
    );
}

#[test]
fn int_or_string_and_quantities_take_both() {
    let doc = document(
        json!({ "type": "object", "properties": {
            "port": { "allOf": [{ "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString" }] },
            "inline": { "type": "string", "format": "int-or-string" },
            "limits": { "type": "object", "additionalProperties": {
                "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.api.resource.Quantity" } },
            "raw": { "$ref": "#/components/schemas/io.k8s.apimachinery.pkg.runtime.RawExtension" },
        }}),
        json!({
            "io.k8s.apimachinery.pkg.util.intstr.IntOrString": { "type": "string", "format": "int-or-string" },
            "io.k8s.apimachinery.pkg.api.resource.Quantity": { "type": "string" },
            "io.k8s.apimachinery.pkg.runtime.RawExtension": { "type": "object" },
        }),
    );
    let properties = &convert(&doc)["properties"];
    let both = json!({ "x-kubernetes-int-or-string": true });
    assert_eq!(properties["port"], both);
    assert_eq!(properties["inline"], both);
    assert_eq!(properties["limits"]["additionalProperties"], both);
    assert_eq!(properties["raw"], json!({ "type": "object", "x-kubernetes-preserve-unknown-fields": true }));
}

#[test]
fn a_recursive_reference_becomes_free_form() {
    let doc = document(
        json!({ "type": "object", "properties": { "node": { "$ref": "#/components/schemas/com.example.v1.Node" } } }),
        json!({ "com.example.v1.Node": { "type": "object", "properties": {
            "name": { "type": "string" },
            "children": { "type": "array", "items": { "$ref": "#/components/schemas/com.example.v1.Node" } },
        }}}),
    );
    let node = &convert(&doc)["properties"]["node"];
    assert_eq!(node["properties"]["name"], json!({ "type": "string" }));
    assert_eq!(
        node["properties"]["children"]["items"],
        json!({ "type": "object", "x-kubernetes-preserve-unknown-fields": true })
    );
}

#[test]
fn list_and_map_semantics_survive_and_other_extensions_do_not() {
    let doc = document(
        json!({ "type": "object", "properties": { "ports": {
            "type": "array",
            "x-kubernetes-list-type": "map",
            "x-kubernetes-list-map-keys": ["port", "protocol"],
            "x-kubernetes-patch-merge-key": "port",
            "x-kubernetes-patch-strategy": "merge",
            "items": { "type": "object", "required": ["port"], "x-kubernetes-map-type": "atomic", "properties": {
                "port": { "type": "integer", "format": "int32" },
                "protocol": { "type": "string", "enum": ["SCTP", "TCP", "UDP"], "default": "TCP" },
                "name": { "type": "string", "format": "k8s-short-name", "default": "" },
                "phase": { "type": "string", "enum": ["A", "B"], "default": "" },
            }},
        }}}),
        json!({}),
    );
    let ports = &convert(&doc)["properties"]["ports"];
    assert_eq!(ports["x-kubernetes-list-type"], "map");
    assert_eq!(ports["x-kubernetes-list-map-keys"], json!(["port", "protocol"]));
    assert!(ports.get("x-kubernetes-patch-merge-key").is_none() && ports.get("x-kubernetes-patch-strategy").is_none());
    let item = &ports["items"];
    assert_eq!(item["x-kubernetes-map-type"], "atomic");
    assert_eq!(item["properties"]["protocol"]["default"], "TCP", "a list-map key keeps its default");
    assert_eq!(item["properties"]["name"], json!({ "type": "string", "default": "" }), "unknown formats go");
    assert!(item["properties"]["phase"].get("default").is_none(), "a default outside the enum goes");
}

#[test]
fn every_node_of_a_converted_schema_is_structural() {
    let doc = document(
        json!({ "type": "object", "properties": {
            "anything": {},
            "choice": { "anyOf": [{ "type": "string" }, { "type": "integer" }] },
            "untyped": { "properties": { "a": { "type": "boolean" } } },
            "list": { "items": { "type": "string" } },
        }}),
        json!({}),
    );
    let properties = &convert(&doc)["properties"];
    assert_eq!(properties["anything"], json!({ "x-kubernetes-preserve-unknown-fields": true }));
    assert_eq!(properties["choice"], json!({ "x-kubernetes-preserve-unknown-fields": true }));
    assert_eq!(properties["untyped"]["type"], "object");
    assert_eq!(properties["list"]["type"], "array");
}

#[test]
fn v2_documents_convert_too() {
    let doc = json!({ "swagger": "2.0", "definitions": {
        "com.example.v1.Widget": {
            "type": "object",
            "x-kubernetes-group-version-kind": [{ "group": "example.com", "version": "v1", "kind": "Widget" }],
            "properties": { "spec": { "$ref": "#/definitions/com.example.v1.Spec" } },
        },
        "com.example.v1.Spec": { "type": "object", "properties": { "on": { "type": "boolean" } } },
    }});
    assert_eq!(convert(&doc)["properties"]["spec"]["properties"]["on"], json!({ "type": "boolean" }));
}

#[test]
fn missing_kinds_and_dangling_references_are_named() {
    let doc = document(
        json!({ "type": "object", "properties": { "x": { "$ref": "#/components/schemas/nowhere" } } }),
        json!({}),
    );
    let document = OpenApiDocument::new(&doc).unwrap();
    assert_eq!(
        document.find("example.com", "v2", "Widget").unwrap_err().to_string(),
        "the OpenAPI document defines no schema for example.com/v2 Widget"
    );
    let name = document.find("example.com", "v1", "Widget").unwrap();
    assert_eq!(
        document.structural_schema(name).unwrap_err(),
        OpenApiError::DanglingReference { path: "x".into(), reference: "nowhere".into() }
    );
    assert_eq!(OpenApiDocument::new(&json!({})).err(), Some(OpenApiError::NoDefinitions));
}
