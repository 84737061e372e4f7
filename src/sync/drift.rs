//! Drift: what a user asked to leave to the cluster, and where a cluster's copy differs from
//! what tmcctl applied.
//!
//! Data flows upstream annotations → [`drift_settings`] → ([`DriftPolicy`], ignored
//! [`FieldPath`]s); then (desired copy, live copy, ignored) → [`differences`] → sorted dotted
//! paths. Empty means in sync; the controller re-applies (heal) or reports them.
//!
//! The comparison mimics what a server-side apply would change, not byte equality: the server
//! adds defaults (extra keys in live are fine), drops Go zero values it never stores, and
//! rewrites quantities in canonical form (`1000m` → `1`), none of which is drift.

use std::collections::BTreeMap;
use std::fmt;

use serde_json::Value;
use thiserror::Error;

use crate::api::ownership::{DRIFT_IGNORE_ANNOTATION, DRIFT_POLICY_ANNOTATION};
use crate::api::quantity::parse_milli;

/// A dotted field path such as `spec.replicas` or `spec.template.spec.containers` (no indexes).
///
/// Paths name fields, not list elements: one that passes through a list applies to every
/// element of it (`spec.template.spec.containers.resources` is every container's resources).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FieldPath(Vec<String>);

/// Why a drift setting could not be read; each names the annotation or path, the value and
/// what is accepted instead.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum DriftError {
    /// A field path is malformed.
    #[error(
        "field path {path:?} is invalid: {problem}; write dotted field names without indexes, such as spec.replicas"
    )]
    InvalidPath {
        /// The path as written.
        path: String,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// The drift policy annotation holds something other than a policy.
    #[error(
        "annotation {DRIFT_POLICY_ANNOTATION} is {value:?}, which is not a drift policy: use \"heal\" \
         (the default: put the cluster's copy back) or \"report\" (only report the difference)"
    )]
    UnknownPolicy {
        /// The annotation's value.
        value: String,
    },
    /// The drift-ignore annotation lists a malformed path.
    #[error("annotation {DRIFT_IGNORE_ANNOTATION} is {value:?}: {source}")]
    InvalidIgnore {
        /// The annotation's value.
        value: String,
        /// What is wrong with one of its paths.
        source: Box<DriftError>,
    },
    /// The drift-ignore annotation lists a field that identifies the copy.
    #[error(
        "annotation {DRIFT_IGNORE_ANNOTATION} lists {path}, but apiVersion, kind and metadata identify \
         the copy and cannot be left to the cluster; list fields such as spec.replicas instead"
    )]
    ProtectedPath {
        /// The offending path.
        path: String,
    },
}

impl FieldPath {
    /// Parses `spec.replicas`-style text: non-empty field names of letters, digits, `-` and
    /// `_`, separated by single dots.
    pub fn parse(text: &str) -> Result<Self, DriftError> {
        let invalid = |problem| DriftError::InvalidPath { path: text.to_string(), problem };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(invalid("it is empty"));
        }
        if trimmed.contains(['[', ']']) {
            return Err(invalid("list indexes are not supported (a path applies to every element)"));
        }
        let mut segments = Vec::new();
        for segment in trimmed.split('.') {
            if segment.is_empty() {
                return Err(invalid("it has an empty field name (a leading, trailing or double dot)"));
            }
            if !segment.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                return Err(invalid("field names may hold only letters, digits, '-' and '_'"));
            }
            segments.push(segment.to_string());
        }
        Ok(FieldPath(segments))
    }

    /// The field names, outermost first.
    pub fn segments(&self) -> &[String] {
        &self.0
    }

    /// True when `names` is this path or lies below it.
    fn covers(&self, names: &[&str]) -> bool {
        names.len() >= self.0.len() && self.0.iter().zip(names).all(|(a, b)| a == b)
    }
}

impl fmt::Display for FieldPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0.join("."))
    }
}

/// What to do when a cluster's copy differs from what tmcctl applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DriftPolicy {
    /// Apply the desired copy again.
    #[default]
    Heal,
    /// Leave the copy as it is and list the differences in the workload's status.
    Report,
}

/// Reads DRIFT_POLICY_ANNOTATION and DRIFT_IGNORE_ANNOTATION of an upstream object's annotations
/// map. Malformed values are errors naming the annotation, the bad value and the allowed ones
/// (never a silent default); absent → Heal and no ignored fields. Ignored paths come back
/// sorted and without duplicates; empty entries (`a,,b`, a trailing comma) are skipped.
pub fn drift_settings(annotations: &BTreeMap<String, String>) -> Result<(DriftPolicy, Vec<FieldPath>), DriftError> {
    let policy = match annotations.get(DRIFT_POLICY_ANNOTATION).map(|v| v.trim()) {
        None => DriftPolicy::Heal,
        Some(v) if v.eq_ignore_ascii_case("heal") => DriftPolicy::Heal,
        Some(v) if v.eq_ignore_ascii_case("report") => DriftPolicy::Report,
        Some(v) => return Err(DriftError::UnknownPolicy { value: v.to_string() }),
    };
    let mut ignored = Vec::new();
    if let Some(value) = annotations.get(DRIFT_IGNORE_ANNOTATION) {
        for entry in value.split(',').filter(|e| !e.trim().is_empty()) {
            let path = FieldPath::parse(entry)
                .map_err(|e| DriftError::InvalidIgnore { value: value.clone(), source: Box::new(e) })?;
            if matches!(path.0[0].as_str(), "apiVersion" | "kind" | "metadata") {
                return Err(DriftError::ProtectedPath { path: path.to_string() });
            }
            ignored.push(path);
        }
    }
    ignored.sort();
    ignored.dedup();
    Ok((policy, ignored))
}

/// Where `live` differs from `desired` as a server-side apply would see it: every field
/// `desired` sets must be present and equal in `live` (objects: recursively, extra keys in live
/// are fine — the server defaults them; arrays: same length, element by element; scalars:
/// equal, numbers by value, and quantities under `requests`/`limits`/`hard`/… written
/// differently but equal, such as "1" vs "1000m" CPU or "1Gi" vs "1024Mi"). A desired null or
/// Go zero value (`""`, `false`, `0`, `{}`, `[]`) matches an absent field, since the server
/// never stores those for `omitempty` fields. Returns the dotted paths of differences (`[i]`
/// for array indexes, `["key"]` for keys that are not plain field names, such as label keys),
/// sorted; empty = in sync. `metadata.labels`/`annotations` are compared only for the keys
/// desired sets. Paths under `ignored` are skipped.
pub fn differences(desired: &Value, live: &Value, ignored: &[FieldPath]) -> Vec<String> {
    let mut walk = Walk { ignored, names: Vec::new(), found: Vec::new() };
    walk.compare(desired, Some(live), "");
    walk.found.sort();
    walk.found.dedup();
    walk.found
}

/// Removes the ignored paths from an object (used for copies that already exist). A path
/// through a list removes the field from every element.
pub fn remove_fields(object: &mut Value, ignored: &[FieldPath]) {
    for path in ignored {
        remove_path(object, path.segments());
    }
}

fn remove_path(value: &mut Value, segments: &[String]) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|item| remove_path(item, segments)),
        Value::Object(map) => match segments {
            [] => {}
            [last] => {
                map.remove(last);
            }
            [first, rest @ ..] => {
                if let Some(child) = map.get_mut(first) {
                    remove_path(child, rest);
                }
            }
        },
        _ => {}
    }
}

/// One comparison in progress: the field names from the root (indexes left out, as ignored
/// paths have none) and the differences found so far.
struct Walk<'a> {
    ignored: &'a [FieldPath],
    names: Vec<&'a str>,
    found: Vec<String>,
}

impl<'a> Walk<'a> {
    fn compare(&mut self, desired: &'a Value, live: Option<&Value>, path: &str) {
        if self.ignored.iter().any(|p| p.covers(&self.names)) {
            return;
        }
        let Some(live) = live.filter(|l| !l.is_null()) else {
            if !self.is_vacuous(desired) {
                self.found.push(display(path));
            }
            return;
        };
        match (desired, live) {
            (Value::Object(want), Value::Object(have)) => {
                for (key, value) in want {
                    self.names.push(key);
                    self.compare(value, have.get(key), &child_path(path, key));
                    self.names.pop();
                }
            }
            (Value::Array(want), Value::Array(have)) if want.len() == have.len() => {
                for (i, (value, other)) in want.iter().zip(have).enumerate() {
                    self.compare(value, Some(other), &format!("{path}[{i}]"));
                }
            }
            (Value::Array(want), Value::Array(_)) if want.is_empty() => {}
            _ if scalars_equal(desired, live, &self.names) => {}
            _ => self.found.push(display(path)),
        }
    }

    /// A value the server would not store in an `omitempty` field, so its absence is no
    /// drift; ignored fields inside it do not count.
    fn is_vacuous(&mut self, value: &'a Value) -> bool {
        match value {
            Value::Null => true,
            Value::Bool(b) => !b,
            Value::Number(n) => n.as_f64() == Some(0.0),
            Value::String(s) => s.is_empty(),
            Value::Array(items) => items.is_empty(),
            Value::Object(map) => map.iter().all(|(key, child)| {
                self.names.push(key);
                let vacuous = self.ignored.iter().any(|p| p.covers(&self.names)) || self.is_vacuous(child);
                self.names.pop();
                vacuous
            }),
        }
    }
}

fn scalars_equal(desired: &Value, live: &Value, names: &[&str]) -> bool {
    if desired == live {
        return true;
    }
    if let (Value::Number(a), Value::Number(b)) = (desired, live) {
        return match (a.as_i64(), b.as_i64()) {
            (Some(a), Some(b)) => a == b,
            _ => a.as_f64() == b.as_f64(),
        };
    }
    is_quantity_field(names) && quantity_of(desired).is_some_and(|a| quantity_of(live) == Some(a))
}

/// Fields that hold resource quantities, which the server rewrites in canonical form. Limited
/// to these so that, say, an environment value "1e3" still differs from "1000".
fn is_quantity_field(names: &[&str]) -> bool {
    const QUANTITY_MAPS: [&str; 11] = [
        "requests",
        "limits",
        "overhead",
        "hard",
        "capacity",
        "allocatable",
        "default",
        "defaultRequest",
        "max",
        "min",
        "maxLimitRequestRatio",
    ];
    match names {
        [.., "sizeLimit"] => true,
        [.., parent, _] => QUANTITY_MAPS.contains(parent),
        _ => false,
    }
}

/// A quantity to the thousandth (the precision Kubernetes schedules by); manifests often write
/// whole numbers unquoted (`cpu: 1`), so numbers count too.
fn quantity_of(value: &Value) -> Option<u128> {
    match value {
        Value::String(s) => parse_milli(s).ok(),
        Value::Number(n) => parse_milli(&n.to_string()).ok(),
        _ => None,
    }
}

fn child_path(path: &str, key: &str) -> String {
    let plain = !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    match (path.is_empty(), plain) {
        (true, true) => key.to_string(),
        (false, true) => format!("{path}.{key}"),
        (_, false) => format!("{path}[{key:?}]"),
    }
}

/// The root itself differing (say, live is not an object) still needs a name to report.
fn display(path: &str) -> String {
    if path.is_empty() {
        "(the whole object)".to_string()
    } else {
        path.to_string()
    }
}

#[cfg(test)]
pub(crate) mod tests;
