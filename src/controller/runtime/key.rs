//! The key of every cached object and queued reconcile: the logical cluster (kcp workspace)
//! first, then namespace and name, so that same-named objects of two workspaces never meet.

use std::fmt;
use std::sync::Arc;

use serde_json::Value;

/// The annotation kcp puts on every object: the logical cluster it lives in.
pub const LOGICAL_CLUSTER_ANNOTATION: &str = "kcp.io/cluster";

/// Where an object lives and what it is called.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ObjectKey {
    /// The logical cluster (kcp workspace) name; on a plain Kubernetes hub, the hub's name.
    pub cluster: Arc<str>,
    /// The namespace, empty for cluster-scoped objects.
    pub namespace: String,
    /// The object's name.
    pub name: String,
}

impl ObjectKey {
    /// A key of a cluster-scoped object.
    pub fn cluster_scoped(cluster: &Arc<str>, name: &str) -> Self {
        ObjectKey { cluster: cluster.clone(), namespace: String::new(), name: name.to_string() }
    }

    /// The key of a JSON object: its `kcp.io/cluster` annotation, else `default_cluster`.
    /// `None` when the object has no name.
    pub fn of(object: &Value, default_cluster: &Arc<str>) -> Option<Self> {
        let metadata = &object["metadata"];
        let name = metadata["name"].as_str()?;
        let cluster = match metadata["annotations"][LOGICAL_CLUSTER_ANNOTATION].as_str() {
            Some(c) if !c.is_empty() && **default_cluster != *c => Arc::from(c),
            _ => default_cluster.clone(),
        };
        Some(ObjectKey {
            cluster,
            namespace: metadata["namespace"].as_str().unwrap_or_default().to_string(),
            name: name.to_string(),
        })
    }
}

impl fmt::Display for ObjectKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.namespace.is_empty() {
            write!(f, "{}|{}", self.cluster, self.name)
        } else {
            write!(f, "{}|{}/{}", self.cluster, self.namespace, self.name)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn same_names_in_two_workspaces_are_two_keys() {
        let default: Arc<str> = Arc::from("");
        let a = json!({"metadata": {"name": "web", "annotations": {"kcp.io/cluster": "2abc"}}});
        let b = json!({"metadata": {"name": "web", "annotations": {"kcp.io/cluster": "3def"}}});
        let (ka, kb) = (ObjectKey::of(&a, &default).unwrap(), ObjectKey::of(&b, &default).unwrap());
        assert_ne!(ka, kb);
        assert_eq!(ka.to_string(), "2abc|web");
    }

    #[test]
    fn objects_without_the_annotation_take_the_default_cluster() {
        let default: Arc<str> = Arc::from("hub");
        let object = json!({"metadata": {"name": "pc1", "namespace": "tmc-system"}});
        let key = ObjectKey::of(&object, &default).unwrap();
        assert_eq!(key.to_string(), "hub|tmc-system/pc1");
        assert!(ObjectKey::of(&json!({"metadata": {}}), &default).is_none());
    }
}
