//! What a workload needs beside it on a cluster: the ConfigMaps, Secrets, ServiceAccounts and
//! PersistentVolumeClaims its pod template names.
//!
//! Data flows workload → its pod spec (wherever the kind keeps it) → every place a pod spec can
//! name one of those objects → [`References`], sorted and deduplicated so the controller's
//! watch keys and copies come out the same on every pass.

use std::collections::BTreeSet;

use serde_json::Value;

/// The objects a workload's pod template refers to, by name, deduplicated and sorted.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct References {
    /// ConfigMaps, from volumes, projected volumes, `env` and `envFrom`.
    pub config_maps: Vec<String>,
    /// Secrets, from volumes, projected volumes, `env`, `envFrom` and `imagePullSecrets`.
    pub secrets: Vec<String>,
    /// The ServiceAccount the pods run as, unless it is `default` (every namespace has one).
    pub service_accounts: Vec<String>,
    /// PersistentVolumeClaims mounted as volumes.
    pub claims: Vec<String>,
}

impl References {
    /// True when the workload needs nothing copied beside it.
    pub fn is_empty(&self) -> bool {
        self.config_maps.is_empty()
            && self.secrets.is_empty()
            && self.service_accounts.is_empty()
            && self.claims.is_empty()
    }
}

/// What `removed` referred to that none of `remaining` refers to: the copied objects a cluster
/// no longer needs once the copy `removed` is gone and the copies `remaining` stay there.
/// (Claims are never copied, so none is reported.)
pub fn unused<'a>(removed: &References, remaining: impl IntoIterator<Item = &'a References>) -> References {
    let mut unused = References { claims: Vec::new(), ..removed.clone() };
    for still in remaining {
        unused.config_maps.retain(|n| !still.config_maps.contains(n));
        unused.secrets.retain(|n| !still.secrets.contains(n));
        unused.service_accounts.retain(|n| !still.service_accounts.contains(n));
    }
    unused
}

/// From the pod template at spec.template.spec (Deployment, StatefulSet, DaemonSet, ReplicaSet,
/// Job) or spec.jobTemplate.spec.template.spec (CronJob); a Pod's own spec too. Volumes
/// (configMap, secret, projected.sources[].configMap/secret, persistentVolumeClaim.claimName),
/// env[].valueFrom.configMapKeyRef/secretKeyRef, envFrom[].configMapRef/secretRef of
/// containers, initContainers and ephemeralContainers, imagePullSecrets,
/// serviceAccountName (or deprecated serviceAccount) unless "default". Not StatefulSet
/// volumeClaimTemplates (the cluster creates those). Empty for objects without a template.
pub fn references(object: &Value) -> References {
    let mut found = Found::default();
    if let Some(pod) = pod_spec(object) {
        found.pod(pod);
    }
    References {
        config_maps: found.config_maps.into_iter().collect(),
        secrets: found.secrets.into_iter().collect(),
        service_accounts: found.service_accounts.into_iter().collect(),
        claims: found.claims.into_iter().collect(),
    }
}

/// The pod spec of `object`. Looked up by shape rather than by kind so that custom workload
/// kinds with a standard template (`spec.template.spec`) are covered too.
fn pod_spec(object: &Value) -> Option<&Value> {
    let spec = &object["spec"];
    if object["kind"] == "Pod" && object["apiVersion"] == "v1" {
        return spec.is_object().then_some(spec);
    }
    [&spec["template"]["spec"], &spec["jobTemplate"]["spec"]["template"]["spec"]].into_iter().find(|s| s.is_object())
}

#[derive(Default)]
struct Found {
    config_maps: BTreeSet<String>,
    secrets: BTreeSet<String>,
    service_accounts: BTreeSet<String>,
    claims: BTreeSet<String>,
}

impl Found {
    fn pod(&mut self, pod: &Value) {
        for volume in items(&pod["volumes"]) {
            add(&mut self.config_maps, &volume["configMap"]["name"]);
            add(&mut self.secrets, &volume["secret"]["secretName"]);
            add(&mut self.claims, &volume["persistentVolumeClaim"]["claimName"]);
            for source in items(&volume["projected"]["sources"]) {
                add(&mut self.config_maps, &source["configMap"]["name"]);
                add(&mut self.secrets, &source["secret"]["name"]);
            }
        }
        for list in ["containers", "initContainers", "ephemeralContainers"] {
            for container in items(&pod[list]) {
                self.container(container);
            }
        }
        for secret in items(&pod["imagePullSecrets"]) {
            add(&mut self.secrets, &secret["name"]);
        }
        // serviceAccountName wins over the deprecated serviceAccount, as in the API server.
        let account = [&pod["serviceAccountName"], &pod["serviceAccount"]]
            .into_iter()
            .find_map(|v| v.as_str().filter(|s| !s.is_empty()));
        if let Some(account) = account.filter(|a| *a != "default") {
            self.service_accounts.insert(account.to_string());
        }
    }

    fn container(&mut self, container: &Value) {
        for env in items(&container["env"]) {
            add(&mut self.config_maps, &env["valueFrom"]["configMapKeyRef"]["name"]);
            add(&mut self.secrets, &env["valueFrom"]["secretKeyRef"]["name"]);
        }
        for source in items(&container["envFrom"]) {
            add(&mut self.config_maps, &source["configMapRef"]["name"]);
            add(&mut self.secrets, &source["secretRef"]["name"]);
        }
    }
}

fn items(value: &Value) -> impl Iterator<Item = &Value> {
    value.as_array().into_iter().flatten()
}

fn add(set: &mut BTreeSet<String>, name: &Value) {
    if let Some(name) = name.as_str().filter(|n| !n.is_empty()) {
        set.insert(name.to_string());
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use serde_json::json;

    use super::*;

    #[test]
    fn what_a_removed_copy_alone_referred_to_is_unused() {
        let refs = |cms: &[&str], secrets: &[&str], sas: &[&str]| References {
            config_maps: names(cms),
            secrets: names(secrets),
            service_accounts: names(sas),
            claims: names(&["data"]),
        };
        let removed = refs(&["settings", "shared"], &["token"], &["runner"]);
        let others = [refs(&["shared"], &[], &[]), refs(&[], &[], &["runner"])];
        let left = unused(&removed, &others);
        assert_eq!(
            left,
            References { config_maps: names(&["settings"]), secrets: names(&["token"]), ..Default::default() }
        );
        assert_eq!(unused(&removed, []), References { claims: Vec::new(), ..removed.clone() });
        assert!(unused(&removed, [&removed]).is_empty());
    }

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_string()).collect()
    }

    fn pod_spec_naming_everything() -> Value {
        json!({
            "serviceAccountName": "web",
            "imagePullSecrets": [{"name": "registry"}],
            "volumes": [
                {"name": "a", "configMap": {"name": "settings"}},
                {"name": "b", "secret": {"secretName": "tls"}},
                {"name": "c", "persistentVolumeClaim": {"claimName": "data"}},
                {"name": "d", "projected": {"sources": [{"configMap": {"name": "extra"}}, {"secret": {"name": "token"}},
                                                        {"serviceAccountToken": {"path": "t"}}]}},
                {"name": "e", "emptyDir": {}}
            ],
            "initContainers": [{"name": "init", "envFrom": [{"configMapRef": {"name": "settings"}}]}],
            "containers": [{"name": "app",
                "env": [{"name": "A", "valueFrom": {"configMapKeyRef": {"name": "flags", "key": "k"}}},
                        {"name": "B", "valueFrom": {"secretKeyRef": {"name": "db", "key": "password"}}},
                        {"name": "C", "value": "plain"}],
                "envFrom": [{"secretRef": {"name": "api-keys"}}]}],
            "ephemeralContainers": [{"name": "debug", "env": [{"name": "D",
                "valueFrom": {"secretKeyRef": {"name": "debug-creds", "key": "k"}}}]}]
        })
    }

    #[test]
    fn finds_every_kind_of_reference_in_a_deployment() {
        let deployment = json!({"apiVersion": "apps/v1", "kind": "Deployment",
            "spec": {"template": {"spec": pod_spec_naming_everything()}}});
        assert_eq!(
            references(&deployment),
            References {
                config_maps: names(&["extra", "flags", "settings"]),
                secrets: names(&["api-keys", "db", "debug-creds", "registry", "tls", "token"]),
                service_accounts: names(&["web"]),
                claims: names(&["data"]),
            }
        );
    }

    #[test]
    fn reads_cron_jobs_and_pods_where_they_keep_their_pod_spec() {
        let cron = json!({"apiVersion": "batch/v1", "kind": "CronJob",
            "spec": {"jobTemplate": {"spec": {"template": {"spec": {"serviceAccount": "runner"}}}}}});
        assert_eq!(references(&cron).service_accounts, names(&["runner"]));
        let pod = json!({"apiVersion": "v1", "kind": "Pod", "spec": pod_spec_naming_everything()});
        assert_eq!(references(&pod).claims, names(&["data"]));
    }

    #[test]
    fn the_default_service_account_and_claim_templates_are_not_references() {
        let statefulset = json!({"apiVersion": "apps/v1", "kind": "StatefulSet", "spec": {
            "volumeClaimTemplates": [{"metadata": {"name": "data"}}],
            "template": {"spec": {"serviceAccountName": "default", "serviceAccount": "legacy",
                                  "containers": [{"name": "db", "volumeMounts": [{"name": "data"}]}]}}}});
        assert!(references(&statefulset).is_empty(), "{:?}", references(&statefulset));
    }

    #[test]
    fn objects_without_a_template_refer_to_nothing() {
        for object in [json!({"kind": "Service", "spec": {"ports": []}}), json!({"kind": "ConfigMap"}), json!(null)] {
            assert_eq!(references(&object), References::default());
        }
    }

    proptest! {
        #[test]
        fn lists_are_sorted_unique_and_order_free(mut secrets in proptest::collection::vec("[a-e]{1,2}", 0..8)) {
            let spec = |list: &[String]| json!({"spec": {"template": {"spec": {
                "imagePullSecrets": list.iter().map(|n| json!({"name": n})).collect::<Vec<_>>()}}}});
            let found = references(&spec(&secrets)).secrets;
            secrets.reverse();
            prop_assert_eq!(&found, &references(&spec(&secrets)).secrets);
            let mut expected = secrets.clone();
            expected.sort();
            expected.dedup();
            prop_assert_eq!(found, expected);
        }
    }
}
