//! Room for the benchmark's pods: the lab's kwok clusters have 3 nodes of 110 pods each, and
//! 1,000 Deployments of one replica need 1,000 pods per cluster. The benchmark adds simulated
//! nodes of its own (kwok manages every node), tainted so that no other pod lands on them, and
//! its pods select and tolerate only them, so neither side takes the other's room. Dropping
//! [`BenchNodes`] deletes them, on failure too.

use std::process::{Command, Stdio};

use serde_json::{json, Value};
use tmcctl::client::Resource;

use super::lab::Lab;

/// The label, taint key and node-selector key of the benchmark's nodes.
pub const NODE_LABEL: &str = "tmcctl-bench";
/// Its value.
pub const NODE_LABEL_VALUE: &str = "workloads";
const PODS_PER_NODE: usize = 110;

/// What a bench pod template adds to land on the benchmark's nodes only.
pub fn pod_placement() -> Value {
    json!({
        "nodeSelector": {NODE_LABEL: NODE_LABEL_VALUE},
        "tolerations": [{"key": NODE_LABEL, "operator": "Equal", "value": NODE_LABEL_VALUE, "effect": "NoSchedule"}],
    })
}

/// The benchmark's nodes on every lab cluster; deleted on drop.
pub struct BenchNodes {
    kubectl: String,
    kubeconfigs: Vec<String>,
    /// Nodes per cluster.
    pub per_cluster: usize,
}

impl BenchNodes {
    /// Makes room for `pods` pods on each of `clusters`.
    pub async fn ensure(lab: &Lab, clusters: &[&str], pods: usize) -> BenchNodes {
        let per_cluster = pods.div_ceil(PODS_PER_NODE).max(1);
        let nodes = Resource::new("", "v1", "Node", "nodes", false);
        for cluster in clusters {
            let connection = lab.cluster(cluster).await;
            for i in 0..per_cluster {
                let name = format!("{NODE_LABEL}-{i:03}");
                // Pod IPs come from the node's CIDR; the lab's own nodes use 10.0.0.0/24 upwards.
                let cidr = format!("10.{}.{}.0/24", 1 + i / 256, i % 256);
                let amounts = json!({"cpu": "32", "memory": "256Gi", "pods": PODS_PER_NODE.to_string()});
                let node = json!({"apiVersion": "v1", "kind": "Node",
                    "metadata": {"name": name,
                        "labels": {NODE_LABEL: NODE_LABEL_VALUE, "type": "kwok", "kubernetes.io/hostname": name,
                                   "kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64"},
                        "annotations": {"kwok.x-k8s.io/node": "fake", "node.alpha.kubernetes.io/ttl": "0"}},
                    "spec": {"podCIDR": cidr, "podCIDRs": [cidr],
                             "taints": [{"key": NODE_LABEL, "value": NODE_LABEL_VALUE, "effect": "NoSchedule"}]},
                    "status": {"allocatable": amounts, "capacity": amounts}});
                match connection.create(&nodes, &node).await {
                    Ok(_) | Err(tmcctl::client::ClientError::Conflict { .. }) => {}
                    Err(e) => panic!("adding node {name} to {cluster}: {e}"),
                }
            }
        }
        let guard = BenchNodes {
            kubectl: format!("{}/kubectl", lab.var("LAB_BIN")),
            kubeconfigs: clusters.iter().map(|c| lab.cluster_kubeconfig(c).to_string()).collect(),
            per_cluster,
        };
        for (cluster, kubeconfig) in clusters.iter().zip(&guard.kubeconfigs) {
            let selector = format!("{NODE_LABEL}={NODE_LABEL_VALUE}");
            let (code, _, err) = lab.kubectl(&[
                "--kubeconfig",
                kubeconfig,
                "wait",
                "--for=condition=Ready",
                "node",
                "-l",
                &selector,
                "--timeout=120s",
            ]);
            assert_eq!(code, 0, "bench nodes on {cluster} not Ready: {err}");
        }
        println!("{per_cluster} bench nodes ({} pods) on each of {clusters:?}", per_cluster * PODS_PER_NODE);
        guard
    }
}

impl Drop for BenchNodes {
    fn drop(&mut self) {
        for kubeconfig in &self.kubeconfigs {
            let selector = format!("{NODE_LABEL}={NODE_LABEL_VALUE}");
            let _ = Command::new(&self.kubectl)
                .args(["--kubeconfig", kubeconfig, "delete", "nodes", "-l", &selector, "--wait=false"])
                .stdin(Stdio::null())
                .stdout(Stdio::null())
                .status();
        }
    }
}
