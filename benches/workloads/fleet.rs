//! A fresh bound workspace with pc1 and pc2 registered (labelled `name=<cluster>`), the
//! workload APIs published from them, and a controller serving it: what tests/cli/workloads.rs
//! sets up, as a benchmark needs it. Workloads are Deployments `w0000`, `w0001`, … in namespace
//! `default`; [`Fleet::cleanup`] stops the controller and deletes them, the downstream
//! namespaces and both workspaces.

use std::time::{Duration, Instant};

use futures::StreamExt;
use serde_json::{json, Value};
use tmcctl::client::{kcp::workspaces, Connection, Resource};

use super::lab::{Controller, Lab};
use super::nodes::pod_placement;

/// The clusters of the lab every fleet uses.
pub const CLUSTERS: [&str; 2] = ["pc1", "pc2"];

/// apps/v1 Deployments, upstream and downstream alike.
pub fn deployments() -> Resource {
    Resource::new("apps", "v1", "Deployment", "deployments", true)
}

fn registrations() -> Resource {
    Resource::new("tmc.kcp.io", "v1alpha1", "ClusterRegistration", "clusterregistrations", false)
}

/// A bound workspace, its registrations and its controller.
pub struct Fleet {
    /// The provider workspace (holds the APIExport).
    pub provider: String,
    /// The consumer workspace path.
    pub workspace: String,
    /// Its logical cluster name (what copies are labelled with).
    pub logical_cluster: String,
    /// Where copies of `default` land on every cluster.
    pub downstream_namespace: String,
    /// The controller serving the workspace.
    pub controller: Controller,
    /// tmcctl's client, pointed at the workspace.
    pub hub: Connection,
    /// The Deployments created so far.
    pub names: Vec<String>,
}

impl Fleet {
    /// A fresh workspace named after `tag`, ready to take workloads: both registrations Ready
    /// and the controller leading. `controller_flags` go to `controller run`.
    pub async fn new(lab: &Lab, kcp: &Connection, tag: &str, controller_flags: &[&str]) -> Fleet {
        let stamp = jiff::Timestamp::now().as_second() % 1_000_000;
        let provider = format!("root:bench-wl-{tag}-{stamp}-p");
        let workspace = format!("root:bench-wl-{tag}-{stamp}-c");
        lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &workspace, "--create-workspaces"]);
        for cluster in CLUSTERS {
            let labels = format!("name={cluster}");
            let kubeconfig = lab.cluster_kubeconfig(cluster);
            lab.tmcctl(&[
                "--workspace",
                &workspace,
                "cluster",
                "register",
                cluster,
                "--cluster-kubeconfig",
                kubeconfig,
                "--location",
                "lab",
                "--labels",
                &labels,
            ]);
        }
        lab.tmcctl(&["install", "--provider-workspace", &provider, "--bind", &workspace, "--workload-apis"]);
        let hub = kcp.for_workspace(&workspace.parse().unwrap());
        let namespaces = Resource::new("", "v1", "Namespace", "namespaces", false);
        let started = Instant::now();
        let logical_cluster = loop {
            if let Ok(Some(ns)) = hub.get(&namespaces, None, "default").await {
                if let Some(lc) = ns["metadata"]["annotations"]["kcp.io/cluster"].as_str() {
                    break lc.to_string();
                }
            }
            assert!(started.elapsed() < Duration::from_secs(60), "no default namespace in {workspace}");
            tokio::time::sleep(Duration::from_millis(250)).await;
        };
        let controller = Controller::start(lab, &workspace, controller_flags);
        let fleet = Fleet {
            downstream_namespace: tmcctl::sync::names::downstream_namespace(&logical_cluster, "default"),
            provider,
            workspace,
            logical_cluster,
            controller,
            hub,
            names: Vec::new(),
        };
        let started = Instant::now();
        while !(fleet.controller.ready() && fleet.clusters_ready().await) {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "controller not leading or clusters not Ready for {}; controller log:\n{}",
                fleet.workspace,
                fleet.controller.log_tail(30)
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        println!("fleet {} (logical cluster {}) ready", fleet.workspace, fleet.logical_cluster);
        fleet
    }

    /// Whether every lab cluster's registration is Ready.
    pub async fn clusters_ready(&self) -> bool {
        let Ok(list) = self.hub.list(&registrations(), None, None).await else { return false };
        CLUSTERS.iter().all(|name| {
            list.items.iter().any(|r| r["metadata"]["name"] == *name && ready_condition(r).as_deref() == Some("True"))
        })
    }

    /// The registration of `cluster`.
    pub async fn registration(&self, cluster: &str) -> Option<Value> {
        self.hub.get(&registrations(), None, cluster).await.ok().flatten()
    }

    /// Creates `n` Deployments of `replicas` each (32 requests at a time).
    pub async fn create_workloads(&mut self, n: usize, replicas: u32) -> Duration {
        let started = Instant::now();
        let names: Vec<String> = (self.names.len()..self.names.len() + n).map(|i| format!("w{i:04}")).collect();
        let resource = deployments();
        let results: Vec<_> = futures::stream::iter(names.iter().map(|name| {
            let (hub, resource) = (self.hub.clone(), resource.clone());
            let object = deployment(name, replicas);
            async move { hub.create(&resource, &object).await }
        }))
        .buffer_unordered(32)
        .collect()
        .await;
        for result in results {
            result.expect("create a Deployment");
        }
        self.names.extend(names);
        started.elapsed()
    }

    /// Waits until the sync loop has looked at every workload and is idle (queue empty, no
    /// reconcile for 2 s); `false` when it is not so within `limit`.
    pub async fn settle(&self, limit: Duration) -> bool {
        let started = Instant::now();
        let mut last = (f64::NAN, Instant::now());
        loop {
            let scrape = self.controller.metrics();
            let reconciles = scrape.sync_reconciles();
            if reconciles != last.0 {
                last = (reconciles, Instant::now());
            }
            if scrape.sync_queue() == 0.0
                && reconciles >= self.names.len() as f64
                && last.1.elapsed() > Duration::from_secs(2)
            {
                return true;
            }
            if started.elapsed() > limit {
                return false;
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Creates placement `name` selecting both clusters (Divided or Duplicated replicas).
    pub async fn create_placement(&self, name: &str, divided: bool) {
        let mut spec = json!({"strategy": "Spread",
            "locationSelector": {"matchExpressions": [{"key": "name", "operator": "In", "values": CLUSTERS}]}});
        if divided {
            spec["replicaDivision"] = json!({"type": "Divided"});
        }
        let placement = json!({"apiVersion": "tmc.kcp.io/v1alpha1", "kind": "WorkloadPlacement",
                               "metadata": {"name": name}, "spec": spec});
        let resource = Resource::new("tmc.kcp.io", "v1alpha1", "WorkloadPlacement", "workloadplacements", false);
        self.hub.create(&resource, &placement).await.expect("create the placement");
    }

    /// The upstream Deployments.
    pub async fn upstream(&self) -> Vec<Value> {
        self.hub.list(&deployments(), Some("default"), None).await.map(|l| l.items).unwrap_or_default()
    }

    /// Waits until every workload is summarised Available upstream on every cluster.
    pub async fn wait_available(&self, limit: Duration) -> Duration {
        let started = Instant::now();
        loop {
            let items = self.upstream().await;
            let done = items.iter().filter(|d| available_upstream(d, CLUSTERS.len())).count();
            if done == self.names.len() {
                return started.elapsed();
            }
            assert!(
                started.elapsed() < limit,
                "{done} of {} Available after {limit:?}; controller log:\n{}",
                self.names.len(),
                self.controller.log_tail(30)
            );
            tokio::time::sleep(Duration::from_millis(500)).await;
        }
    }

    /// Stops the controller, then deletes the workloads (their finalizers taken off first),
    /// the downstream namespaces (which takes the copies with them) and both workspaces.
    /// Deleting through the controller is not used: a workload deleted while the controller
    /// runs could come back as an empty object holding the finalizer (the controller's
    /// server-side apply of the finalizer, or of status, re-creates a workload just gone).
    /// Best effort: a leftover is reported, not fatal.
    pub async fn cleanup(self, lab: &Lab, kcp: &Connection) {
        let started = Instant::now();
        let Fleet { controller, hub, workspace, provider, downstream_namespace, .. } = self;
        controller.stop();
        let resource = deployments();
        let items = hub.list(&resource, Some("default"), None).await.map(|l| l.items).unwrap_or_default();
        let results: Vec<_> = futures::stream::iter(items.into_iter().map(|mut item| {
            let (hub, resource) = (hub.clone(), resource.clone());
            async move {
                let name = item["metadata"]["name"].as_str().unwrap_or_default().to_string();
                item["metadata"]["finalizers"] = json!([]);
                hub.replace(&resource, &item).await?;
                hub.delete(&resource, Some("default"), &name).await
            }
        }))
        .buffer_unordered(32)
        .collect()
        .await;
        let failed = results.iter().filter(|r| r.is_err()).count();
        if failed > 0 {
            println!("cleanup: {failed} workloads of {workspace} could not be released or deleted");
        }
        for cluster in CLUSTERS {
            let kubeconfig = lab.cluster_kubeconfig(cluster);
            lab.kubectl(&["--kubeconfig", kubeconfig, "delete", "namespace", &downstream_namespace, "--wait=false"]);
        }
        let root = kcp.for_workspace(&"root".parse().unwrap());
        for path in [&workspace, &provider] {
            let name = path.trim_start_matches("root:");
            if let Err(e) = root.delete(&workspaces(), None, name).await {
                println!("cleanup: deleting workspace {path}: {e}");
            }
        }
        println!("cleaned up {workspace} in {:.0}s", started.elapsed().as_secs_f64());
    }
}

/// A bench Deployment: `replicas` pods that land on the benchmark's nodes only.
pub fn deployment(name: &str, replicas: u32) -> Value {
    let mut pod = json!({"containers": [{"name": "main", "image": "bench:1"}]});
    if let (Some(pod), Value::Object(extra)) = (pod.as_object_mut(), pod_placement()) {
        pod.extend(extra);
    }
    json!({"apiVersion": "apps/v1", "kind": "Deployment",
           "metadata": {"name": name, "namespace": "default", "labels": {"app": name}},
           "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": name}},
                    "template": {"metadata": {"labels": {"app": name}}, "spec": pod}}})
}

/// The status of a registration's Ready condition.
pub fn ready_condition(registration: &Value) -> Option<String> {
    registration["status"]["conditions"]
        .as_array()?
        .iter()
        .find(|c| c["type"] == "Ready")
        .and_then(|c| c["status"].as_str().map(String::from))
}

/// Summarised upstream as done: the current generation observed, and `clusters` copies
/// listed in `status.tmc.clusters`, every one Available.
pub fn available_upstream(object: &Value, clusters: usize) -> bool {
    let status = &object["status"];
    let entries = status["tmc"]["clusters"].as_array();
    status["observedGeneration"] == object["metadata"]["generation"]
        && entries.is_some_and(|e| e.len() == clusters && e.iter().all(|c| c["phase"] == "Available"))
}
