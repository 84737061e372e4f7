//! Labels and annotations that tie objects to each other and to tmcctl: one home, so that two
//! different meanings never share a name and the writer and the readers agree.

/// On a cluster's credentials Secret: the ClusterRegistration it belongs to. The controller
/// watches only Secrets with this label.
pub const CREDENTIALS_CLUSTER_LABEL: &str = "tmc.kcp.io/cluster";
/// On every downstream object and namespace: the logical cluster (kcp workspace) it came from.
/// Per-cluster watches select on it; only tmcctl sets it.
pub const WORKSPACE_LABEL: &str = "tmc.kcp.io/workspace";
/// Upstream, on a workspace's ClusterRegistrations: the name its downstream objects carry
/// instead of the workspace's own logical cluster name (the value of [`WORKSPACE_LABEL`] and
/// the seed of its downstream namespace names). `restore --adopt-downstream` writes it when a
/// workspace is rebuilt on a new kcp (where its logical cluster name is new), so the controller
/// takes over the objects already running downstream instead of copying them again.
pub const DOWNSTREAM_IDENTITY_ANNOTATION: &str = "tmc.kcp.io/downstream-identity";
/// Downstream: the upstream workspace path, for people (`root:org:ws`), when known.
pub const UPSTREAM_WORKSPACE_ANNOTATION: &str = "tmc.kcp.io/upstream-workspace";
/// Downstream: the upstream namespace.
pub const UPSTREAM_NAMESPACE_ANNOTATION: &str = "tmc.kcp.io/upstream-namespace";
/// Downstream: the upstream object's name.
pub const UPSTREAM_NAME_ANNOTATION: &str = "tmc.kcp.io/upstream-name";
/// Downstream: the upstream `metadata.generation` this copy was written from.
pub const UPSTREAM_GENERATION_ANNOTATION: &str = "tmc.kcp.io/upstream-generation";
/// Downstream: the placement that put it there.
pub const PLACEMENT_ANNOTATION: &str = "tmc.kcp.io/placement";
/// Downstream: when this copy started to be replaced elsewhere (RFC 3339); it is removed once
/// the new copies are Available or the graceful timeout has passed since then.
pub const RETIRING_SINCE_ANNOTATION: &str = "tmc.kcp.io/retiring-since";
/// Downstream: `Delete` when the placement that put the copy there removes its copies once it
/// no longer governs the workload (its deletion policy); absent means `Retain`. On the copy, so
/// the policy is known after the placement itself is gone.
pub const DELETION_POLICY_ANNOTATION: &str = "tmc.kcp.io/deletion-policy";
/// Upstream: the finalizer that guarantees downstream cleanup.
pub const SYNC_FINALIZER: &str = "tmc.kcp.io/sync";
/// On a ClusterRegistration with deletion policy `Delete`: its copies are removed from the
/// cluster before the registration goes.
pub const UNREGISTER_FINALIZER: &str = "tmc.kcp.io/cluster-copies";
/// Upstream: drift policy, `heal` (default) or `report`.
pub const DRIFT_POLICY_ANNOTATION: &str = "tmc.kcp.io/drift-policy";
/// Upstream: comma-separated field paths left to the cluster (e.g. `spec.replicas`).
pub const DRIFT_IGNORE_ANNOTATION: &str = "tmc.kcp.io/drift-ignore";
/// Upstream: set by `tmcctl workload sync` to ask the controller for a reconcile now (any
/// change of it is one); never copied downstream.
pub const SYNC_REQUESTED_ANNOTATION: &str = "tmc.kcp.io/sync-requested-at";
/// In the provider workspace's `tmc-system`: a ConfigMap with this label is a backup schedule
/// (`tmcctl backup schedule create`), run by the controller's leader.
pub const BACKUP_SCHEDULE_LABEL: &str = "tmc.kcp.io/backup-schedule";
/// On a backup schedule, written by the controller: when it last ran (RFC 3339).
pub const BACKUP_LAST_ATTEMPT_ANNOTATION: &str = "tmc.kcp.io/last-attempt";
/// On a backup schedule: when it last succeeded (RFC 3339).
pub const BACKUP_LAST_SUCCESS_ANNOTATION: &str = "tmc.kcp.io/last-success";
/// On a backup schedule: the name of the last backup it wrote.
pub const BACKUP_LAST_BACKUP_ANNOTATION: &str = "tmc.kcp.io/last-backup";
/// On a backup schedule, written by the controller: the backups it wrote and keeps, oldest
/// first (JSON: `[{name, createdAt}]`); retention goes by this record, never by names.
pub const BACKUP_WRITTEN_ANNOTATION: &str = "tmc.kcp.io/backups";
/// On a backup schedule: why its last run failed (removed by a success).
pub const BACKUP_LAST_ERROR_ANNOTATION: &str = "tmc.kcp.io/last-error";

/// The merge patch that holds (or releases) `finalizer`, keeping every other finalizer, at the
/// object's resourceVersion: a patch never creates (an apply would bring a just-deleted object
/// back), and an object changed meanwhile is a conflict.
pub fn finalizer_patch(object: &serde_json::Value, finalizer: &str, held: bool) -> serde_json::Value {
    let mut finalizers: Vec<serde_json::Value> = object["metadata"]["finalizers"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|f| *f != finalizer)
        .cloned()
        .collect();
    if held {
        finalizers.push(finalizer.into());
    }
    serde_json::json!({"metadata": {"resourceVersion": object["metadata"]["resourceVersion"], "finalizers": finalizers}})
}

/// Whether `object` holds `finalizer`.
pub fn has_finalizer(object: &serde_json::Value, finalizer: &str) -> bool {
    object["metadata"]["finalizers"].as_array().is_some_and(|f| f.iter().any(|v| v == finalizer))
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn the_finalizer_patch_keeps_other_finalizers_and_pins_the_version() {
        let object = json!({"metadata": {"resourceVersion": "7", "finalizers": ["other.io/x", SYNC_FINALIZER]}});
        assert!(has_finalizer(&object, SYNC_FINALIZER));
        assert!(!has_finalizer(&object, UNREGISTER_FINALIZER));
        let released = finalizer_patch(&object, SYNC_FINALIZER, false);
        assert_eq!(released, json!({"metadata": {"resourceVersion": "7", "finalizers": ["other.io/x"]}}));
        let held = finalizer_patch(&json!({"metadata": {"resourceVersion": "8"}}), UNREGISTER_FINALIZER, true);
        assert_eq!(held, json!({"metadata": {"resourceVersion": "8", "finalizers": [UNREGISTER_FINALIZER]}}));
    }
}
