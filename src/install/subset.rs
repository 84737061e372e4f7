//! The common subset of one type's structural schemas as several clusters serve it: what an
//! object may hold so that every one of them accepts it.
//!
//! ```text
//! [(cluster, schema)…] ─► common_subset ─► Ok(schema, [Dropped field + clusters that have it])
//!                                        └► Err([Disagreement: path + each cluster's type])
//! ```
//!
//! A field is kept when every cluster declares it (or takes unknown fields there); one only
//! some clusters know is dropped and reported, never silently. The same field with different
//! types cannot be reconciled: that is a disagreement, reported with every cluster's view.

use std::collections::BTreeSet;

use serde_json::{Map, Value};

use super::openapi::{join, shown};

/// A field (or an enum value) left out because not every cluster serves it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Dropped {
    /// Where: `spec.template.spec.containers[].resizePolicy`, or `spec.type value "X"`.
    pub path: String,
    /// The clusters that do serve it.
    pub served_by: Vec<String>,
}

/// A field the clusters type differently.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Disagreement {
    /// Where.
    pub path: String,
    /// Each cluster and its view of the field (`integer`, `string/date-time`, `map`…).
    pub views: Vec<(String, String)>,
}

/// Extension keys that change how objects merge: they must agree.
const MERGE_SEMANTICS: [&str; 3] = ["x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type"];

/// The schema every cluster accepts, and what was left out to get it; or the disagreements
/// that make one impossible. `schemas` holds (cluster name, structural schema), at least one.
pub fn common_subset(schemas: &[(String, Value)]) -> Result<(Value, Vec<Dropped>), Vec<Disagreement>> {
    let mut merger = Merger::default();
    let nodes: Vec<(&str, &Value)> = schemas.iter().map(|(name, schema)| (name.as_str(), schema)).collect();
    let merged = merger.node(&nodes, "");
    if merger.disagreements.is_empty() {
        Ok((merged, merger.dropped))
    } else {
        Err(merger.disagreements)
    }
}

#[derive(Default)]
struct Merger {
    dropped: Vec<Dropped>,
    disagreements: Vec<Disagreement>,
}

impl Merger {
    fn node(&mut self, nodes: &[(&str, &Value)], path: &str) -> Value {
        // A node that takes anything agrees with every more precise one: the subset is theirs.
        let typed: Vec<(&str, &Value)> = nodes.iter().copied().filter(|(_, n)| view(n) != "any").collect();
        let nodes = if typed.is_empty() { nodes } else { typed.as_slice() };
        let views: Vec<(String, String)> = nodes.iter().map(|(c, n)| (c.to_string(), view(n))).collect();
        let formats: BTreeSet<&str> = nodes.iter().filter_map(|(_, n)| n["format"].as_str()).collect();
        if views.iter().any(|(_, v)| *v != views[0].1) || formats.len() > 1 {
            let views = nodes.iter().map(|(c, n)| (c.to_string(), described(n))).collect();
            self.disagreements.push(Disagreement { path: shown(path), views });
            return nodes[0].1.clone();
        }
        for key in MERGE_SEMANTICS {
            let values: BTreeSet<String> = nodes.iter().map(|(_, n)| n[key].to_string()).collect();
            if values.len() > 1 {
                let views = nodes.iter().map(|(c, n)| (c.to_string(), format!("{key} {}", n[key]))).collect();
                self.disagreements.push(Disagreement { path: shown(path), views });
            }
        }
        let mut out = Map::new();
        let first = nodes[0].1.as_object().cloned().unwrap_or_default();
        // Scalar keys: kept when all agree; a stricter format wins over none.
        for (key, value) in &first {
            if matches!(key.as_str(), "properties" | "items" | "additionalProperties" | "required" | "enum") {
                continue;
            }
            if nodes.iter().all(|(_, n)| n.get(key) == Some(value)) {
                out.insert(key.clone(), value.clone());
            }
        }
        if let Some(format) = formats.first() {
            out.insert("format".into(), Value::from(*format));
        }
        if nodes.iter().any(|(_, n)| n.get("properties").is_some()) {
            self.properties(nodes, path, &mut out);
        }
        for (key, suffix) in [("items", "[]"), ("additionalProperties", "{}")] {
            let children: Vec<(&str, &Value)> = nodes.iter().filter_map(|(c, n)| n.get(key).map(|v| (*c, v))).collect();
            if children.len() == nodes.len() {
                out.insert(key.into(), self.node(&children, &format!("{path}{suffix}")));
            }
        }
        self.enumeration(nodes, path, &mut out);
        Value::Object(out)
    }

    fn properties(&mut self, nodes: &[(&str, &Value)], path: &str, out: &mut Map<String, Value>) {
        let names: BTreeSet<&str> = nodes
            .iter()
            .filter_map(|(_, n)| n["properties"].as_object())
            .flat_map(|p| p.keys().map(String::as_str))
            .collect();
        let mut properties = Map::new();
        for name in names {
            let child_path = join(path, name);
            let declaring: Vec<(&str, &Value)> =
                nodes.iter().filter_map(|(c, n)| n["properties"].get(name).map(|v| (*c, v))).collect();
            let accepted_by_all = nodes.iter().all(|(_, n)| n["properties"].get(name).is_some() || takes_unknown(n));
            if accepted_by_all {
                properties.insert(name.to_string(), self.node(&declaring, &child_path));
            } else {
                let served_by = declaring.iter().map(|(c, _)| c.to_string()).collect();
                self.dropped.push(Dropped { path: child_path, served_by });
            }
        }
        // Required anywhere is required here (an object must satisfy every cluster), as far as
        // the field is kept at all.
        let required: BTreeSet<&str> = nodes
            .iter()
            .filter_map(|(_, n)| n["required"].as_array())
            .flatten()
            .filter_map(Value::as_str)
            .filter(|r| properties.contains_key(*r))
            .collect();
        if !required.is_empty() {
            out.insert("required".into(), required.into_iter().map(Value::from).collect());
        }
        out.insert("properties".into(), Value::Object(properties));
    }

    fn enumeration(&mut self, nodes: &[(&str, &Value)], path: &str, out: &mut Map<String, Value>) {
        let enums: Vec<(&str, &Vec<Value>)> =
            nodes.iter().filter_map(|(c, n)| n["enum"].as_array().map(|e| (*c, e))).collect();
        let Some((_, first)) = enums.first() else { return };
        let common: Vec<Value> = first.iter().filter(|v| enums.iter().all(|(_, e)| e.contains(v))).cloned().collect();
        let mut left_out: Vec<&Value> =
            enums.iter().flat_map(|(_, e)| e.iter()).filter(|v| !common.contains(v)).collect();
        left_out.dedup();
        let mut seen = BTreeSet::new();
        for value in left_out {
            if seen.insert(value.to_string()) {
                let served_by = enums.iter().filter(|(_, e)| e.contains(value)).map(|(c, _)| c.to_string()).collect();
                self.dropped.push(Dropped { path: format!("{} value {value}", shown(path)), served_by });
            }
        }
        if !common.is_empty() {
            out.insert("enum".into(), Value::Array(common));
        }
    }
}

/// What kind of values a node takes: its type, `int-or-string`, or `any`.
fn view(node: &Value) -> String {
    if node["x-kubernetes-int-or-string"] == true {
        return "int-or-string".into();
    }
    match node["type"].as_str() {
        Some("object") if node.get("additionalProperties").is_some() => "map".into(),
        Some(t) => t.to_string(),
        None => "any".into(),
    }
}

/// A node's view with its format, for messages.
fn described(node: &Value) -> String {
    match node["format"].as_str() {
        Some(format) => format!("{}/{format}", view(node)),
        None => view(node),
    }
}

fn takes_unknown(node: &Value) -> bool {
    node["x-kubernetes-preserve-unknown-fields"] == true
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    fn pair(name: &str, schema: Value) -> (String, Value) {
        (name.to_string(), schema)
    }

    #[test]
    fn identical_schemas_are_their_own_subset() {
        let schema = json!({"type": "object", "properties": {"spec": {"type": "object", "properties": {"replicas": {"type": "integer", "format": "int32"}}}}});
        let (merged, dropped) = common_subset(&[pair("pc1", schema.clone()), pair("pc2", schema.clone())]).unwrap();
        assert_eq!(merged, schema);
        assert!(dropped.is_empty());
    }

    #[test]
    fn a_field_only_some_clusters_serve_is_dropped_and_named() {
        let old = json!({"type": "object", "properties": {"spec": {"type": "object", "properties": {"a": {"type": "string"}}}}});
        let new = json!({"type": "object", "properties": {"spec": {"type": "object", "required": ["b"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}}}}});
        let (merged, dropped) = common_subset(&[pair("old", old.clone()), pair("new", new)]).unwrap();
        assert_eq!(merged, old, "required must not name a dropped field");
        assert_eq!(dropped, [Dropped { path: "spec.b".into(), served_by: vec!["new".into()] }]);
    }

    #[test]
    fn a_free_form_node_accepts_what_the_others_declare() {
        let free = json!({"type": "object", "properties": {"x": {"type": "object", "x-kubernetes-preserve-unknown-fields": true}}});
        let typed = json!({"type": "object", "properties": {"x": {"type": "object", "properties": {"y": {"type": "integer"}}}}});
        let (merged, dropped) = common_subset(&[pair("a", free), pair("b", typed.clone())]).unwrap();
        assert_eq!(merged, typed);
        assert!(dropped.is_empty());
    }

    #[test]
    fn different_types_are_refused_with_every_view() {
        let a = json!({"type": "object", "properties": {"n": {"type": "integer", "format": "int32"}, "m": {"type": "string"}}});
        let b = json!({"type": "object", "properties": {"n": {"type": "string"}, "m": {"x-kubernetes-int-or-string": true}}});
        let refused = common_subset(&[pair("pc1", a), pair("pc2", b)]).unwrap_err();
        assert_eq!(
            refused,
            [
                Disagreement {
                    path: "m".into(),
                    views: vec![("pc1".into(), "string".into()), ("pc2".into(), "int-or-string".into())]
                },
                Disagreement {
                    path: "n".into(),
                    views: vec![("pc1".into(), "integer/int32".into()), ("pc2".into(), "string".into())]
                },
            ]
        );
    }

    #[test]
    fn enum_values_not_everywhere_are_dropped_and_named() {
        let a = json!({"type": "string", "enum": ["A", "B"]});
        let b = json!({"type": "string", "enum": ["A", "B", "C"]});
        let (merged, dropped) = common_subset(&[pair("a", a), pair("b", b)]).unwrap();
        assert_eq!(merged, json!({"type": "string", "enum": ["A", "B"]}));
        assert_eq!(dropped, [Dropped { path: "(root) value \"C\"".into(), served_by: vec!["b".into()] }]);
    }

    #[test]
    fn list_semantics_must_agree() {
        let a = json!({"type": "array", "x-kubernetes-list-type": "atomic", "items": {"type": "string"}});
        let b = json!({"type": "array", "x-kubernetes-list-type": "set", "items": {"type": "string"}});
        let refused = common_subset(&[pair("a", a), pair("b", b)]).unwrap_err();
        assert_eq!(refused[0].path, "(root)");
        assert!(refused[0].views[1].1.contains("set"), "{refused:?}");
    }
}
