//! The JSON merge patch (RFC 7386) that turns the stored status into the desired one.
//!
//! Status goes up as a merge patch rather than a server-side apply because kcp's APIExport
//! virtual workspace records an apply of a bound resource as an update: a field the controller
//! stops sending (a stale `status.tmc.message`, a cluster's condition) would stay forever. The
//! patch names every such field with `null`, so it is removed whatever the server does with
//! field ownership.
//!
//! ```text
//! stored status ─┐
//!                ├─► merge_patch ─► {changed fields, removed fields: null} ─► PATCH …/status
//! desired status ┘
//! ```

use serde_json::{Map, Value};

/// The merge patch that, applied to `from`, yields `to` (nulls in `to` count as absent, as a
/// merge patch cannot store them). Objects are compared key by key; anything else (arrays
/// included, which a merge patch replaces whole) is sent again only when it differs.
pub fn merge_patch(from: &Value, to: &Value) -> Value {
    match (from, to) {
        (Value::Object(from), Value::Object(to)) => {
            let mut patch = Map::new();
            for (key, old) in from {
                if to.get(key).is_none_or(Value::is_null) && !old.is_null() {
                    patch.insert(key.clone(), Value::Null);
                }
            }
            for (key, new) in to {
                if new.is_null() {
                    continue;
                }
                match from.get(key) {
                    Some(old) if old == new => {}
                    Some(old @ Value::Object(_)) if new.is_object() => {
                        patch.insert(key.clone(), merge_patch(old, new));
                    }
                    _ => {
                        patch.insert(key.clone(), without_nulls(new));
                    }
                }
            }
            Value::Object(patch)
        }
        _ => without_nulls(to),
    }
}

/// `value` with null members of objects left out: in a merge patch they would mean "remove".
fn without_nulls(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter().filter(|(_, v)| !v.is_null()).map(|(k, v)| (k.clone(), without_nulls(v))).collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;
    use crate::sync::drift::tests::arb_json;

    #[test]
    fn a_field_no_longer_sent_is_removed_with_null() {
        let stored = json!({"replicas": 3, "tmc": {"message": "waiting for pc2", "placement": "web"}});
        let desired = json!({"replicas": 3, "tmc": {"placement": "web"}});
        assert_eq!(merge_patch(&stored, &desired), json!({"tmc": {"message": null}}));
    }

    #[test]
    fn arrays_are_replaced_whole_and_only_when_they_differ() {
        let stored = json!({"conditions": [{"type": "Available", "status": "False"}], "clusters": ["pc1"]});
        let desired = json!({"conditions": [{"type": "Available", "status": "True"}], "clusters": ["pc1"]});
        assert_eq!(merge_patch(&stored, &desired), json!({"conditions": [{"type": "Available", "status": "True"}]}));
    }

    #[test]
    fn nothing_changed_is_an_empty_patch() {
        let status = json!({"replicas": 2, "tmc": {"clusters": [{"cluster": "pc1"}]}});
        assert_eq!(merge_patch(&status, &status), json!({}));
    }

    #[test]
    fn a_missing_status_gets_the_whole_desired_one() {
        let desired = json!({"replicas": 2, "tmc": {"message": null, "placement": "p"}});
        assert_eq!(merge_patch(&Value::Null, &desired), json!({"replicas": 2, "tmc": {"placement": "p"}}));
    }

    proptest! {
        /// Applying the patch by RFC 7386 turns the stored status into the desired one (nulls
        /// count as absent on both sides, as they do for the server).
        #[test]
        fn the_patch_applied_to_the_stored_status_gives_the_desired_one(
            from in prop::collection::btree_map("[abc]", arb_json(), 0..4),
            to in prop::collection::btree_map("[abc]", arb_json(), 0..4),
        ) {
            let (from, to) = (Value::Object(from.into_iter().collect()), Value::Object(to.into_iter().collect()));
            let mut patched = from.clone();
            json_patch::merge(&mut patched, &merge_patch(&from, &to));
            prop_assert_eq!(without_nulls(&patched), without_nulls(&to));
        }
    }
}
