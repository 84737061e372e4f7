//! `tmcctl cluster status NAME` (also `describe`): everything known about one cluster.

use clap::Args;

use crate::ages::age;
use crate::api::ClusterRegistration;
use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings};
use crate::error::{CliError, ExitKind};
use crate::output::{Describe, OutputFormat, Printer, Table};

use super::shared::{kind_group, placements_on, require, stored_credentials, DRAIN_ANNOTATION};

/// Arguments of `cluster status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The ClusterRegistration's name.
    pub name: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `cluster status`.
pub async fn run(args: StatusArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output, args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let object = require(&connection, &args.name).await?;
    if !matches!(printer.format(), OutputFormat::Table | OutputFormat::Wide) {
        printer.objects(std::slice::from_ref(&object), true, &kind_group(), |_| Table::default())?;
        return Ok(());
    }
    let cluster: ClusterRegistration = serde_json::from_value(object.clone()).map_err(|e| {
        CliError::new(ExitKind::Failure, format!("cluster \"{}\" does not match the TMC schema: {e}", args.name))
    })?;
    let placements = placements_on(&connection, &args.name).await?;
    let kind = match stored_credentials(&connection, &args.name).await {
        Ok(credentials) => credential_kind(&credentials),
        // Reading the Secret is a privilege of its own (tmc:operator and tmc:viewer lack it).
        Err(e) => format!("<not readable: {}>", e.message),
    };
    printer.write_out(&describe(&cluster, &kind, &placements, jiff::Timestamp::now()))?;
    Ok(())
}

/// What the stored credentials are, when they expire, and whether they skip TLS verification.
fn credential_kind(credentials: &crate::client::ClusterCredentials) -> String {
    let mut kind = credentials.kind();
    if let Some(expiry) = credentials.token_expiry().or_else(|| credentials.certificate_expiry()) {
        kind.push_str(&format!(", expires {expiry}"));
    }
    if credentials.skips_tls_verify() {
        kind.push_str(", TLS verification OFF (registered with --allow-insecure)");
    }
    kind
}

fn describe(
    cluster: &ClusterRegistration,
    credential_kind: &str,
    placements: &[String],
    now: jiff::Timestamp,
) -> String {
    let status = cluster.status.clone().unwrap_or_default();
    let meta = &cluster.metadata;
    let joined = |items: Vec<String>| if items.is_empty() { "<none>".to_string() } else { items.join(", ") };
    let labels = joined(meta.labels.iter().flatten().map(|(k, v)| format!("{k}={v}")).collect());
    let capabilities =
        joined(cluster.spec.capabilities.iter().map(|c| format!("{}:{}", c.type_, c.available)).collect());
    let drain = meta.annotations.as_ref().and_then(|a| a.get(DRAIN_ANNOTATION));
    let schedulable = match (cluster.spec.unschedulable, drain) {
        (_, Some(at)) => format!("no (draining since {at})"),
        (true, None) => "no (cordoned)".to_string(),
        (false, None) => "yes".to_string(),
    };
    let heartbeat = match &status.last_heartbeat {
        Some(t) => format!("{t} ({} ago)", age(Some(t), now)),
        None => "<never>".to_string(),
    };
    let credentials = cluster
        .spec
        .credentials
        .as_ref()
        .map(|c| format!("Secret {}/{} key {}", c.namespace, c.name, c.key))
        .unwrap_or_else(|| "<none>".to_string());

    let mut conditions = Table::new(["TYPE", "STATUS", "REASON", "LAST TRANSITION", "MESSAGE"]);
    for c in &status.conditions {
        let since = c.last_transition_time.as_deref().map(|t| format!("{} ago", age(Some(t), now))).unwrap_or_default();
        conditions.push(vec![
            c.type_.clone(),
            format!("{:?}", c.status),
            c.reason.clone().unwrap_or_default(),
            since,
            c.message.clone().unwrap_or_default(),
        ]);
    }
    let mut resources = Table::new(["RESOURCE", "CAPACITY", "ALLOCATABLE", "ALLOCATED"]);
    type Pick = fn(&crate::api::ResourceAmounts) -> Option<&String>;
    let rows: [(&str, Pick); 3] =
        [("cpu", |a| a.cpu.as_ref()), ("memory", |a| a.memory.as_ref()), ("pods", |a| a.pods.as_ref())];
    if status.capacity.is_some() {
        for (name, pick) in rows {
            let cell = |amounts: &Option<crate::api::ResourceAmounts>| {
                amounts.as_ref().and_then(pick).cloned().unwrap_or_else(|| "-".to_string())
            };
            resources.push(vec![
                name.to_string(),
                cell(&status.capacity),
                cell(&status.allocatable),
                cell(&status.allocated),
            ]);
        }
    }
    let mut taints = Table::new(["KEY", "VALUE", "EFFECT"]);
    for t in &cluster.spec.taints {
        taints.push(vec![t.key.clone(), t.value.clone().unwrap_or_default(), format!("{:?}", t.effect)]);
    }
    let mut workloads = Table::new(["PLACEMENT"]);
    for p in placements {
        workloads.push(vec![p.clone()]);
    }
    Describe::new()
        .field("Name", meta.name.clone().unwrap_or_default())
        .field("Location", cluster.spec.location.clone())
        .field("Labels", labels)
        .field("Capabilities", capabilities)
        .field("Schedulable", schedulable)
        .field("Credentials", credentials)
        .field("Credential kind", credential_kind.to_string())
        .field("Deletion policy", deletion_policy(cluster))
        .field("Kubernetes", status.kubernetes_version.clone().unwrap_or_else(|| "<unknown>".into()))
        .field("Nodes", status.node_count.map(|n| n.to_string()).unwrap_or_else(|| "<unknown>".into()))
        .field("Last heartbeat", heartbeat)
        .field("Health score", status.health_score.map(|s| format!("{s}/100")).unwrap_or_else(|| "<unknown>".into()))
        .field(
            "Created",
            meta.creation_timestamp
                .as_ref()
                .map(|t| format!("{} ago", age(Some(&t.0.to_string()), now)))
                .unwrap_or_default(),
        )
        .table("Conditions", conditions)
        .table("Resources", resources)
        .table("Taints", taints)
        .table("Placed workloads", workloads)
        .render()
}

/// What unregistering does to the cluster's copies, and whether it is under way.
fn deletion_policy(cluster: &ClusterRegistration) -> String {
    let policy = cluster.spec.deletion_policy.unwrap_or_default();
    let what = match policy {
        crate::api::DeletionPolicy::Retain => "copies stay when unregistered",
        crate::api::DeletionPolicy::Delete => "copies are removed when unregistered",
    };
    match &cluster.metadata.deletion_timestamp {
        Some(since) => format!("{policy:?} ({what}); being unregistered since {}", since.0),
        None => format!("{policy:?} ({what})"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn describes_a_cordoned_healthy_cluster() {
        let cluster: ClusterRegistration = serde_json::from_value(serde_json::json!({
            "apiVersion": "tmc.kcp.io/v1alpha1", "kind": "ClusterRegistration",
            "metadata": {"name": "pc1", "labels": {"env": "prod"}},
            "spec": {"location": "eu", "unschedulable": true, "credentials": {"namespace": "tmc-system", "name": "tmc-cluster-pc1", "key": "kubeconfig"},
                     "taints": [{"key": "dedicated", "value": "gpu", "effect": "NoSchedule"}]},
            "status": {"lastHeartbeat": "2026-01-01T00:00:50Z", "healthScore": 97, "nodeCount": 3,
                       "conditions": [{"type": "Ready", "status": "True", "reason": "ClusterReady", "lastTransitionTime": "2026-01-01T00:00:00Z"}],
                       "capacity": {"cpu": "12", "memory": "48Gi", "pods": "330"}, "allocatable": {"cpu": "12"}}
        })).unwrap();
        let text = describe(&cluster, "bearer token", &[], "2026-01-01T00:01:00Z".parse().unwrap());
        for expected in [
            "Schedulable:      no (cordoned)",
            "Health score:     97/100",
            "Last heartbeat:   2026-01-01T00:00:50Z (10s ago)",
            "Credentials:      Secret tmc-system/tmc-cluster-pc1 key kubeconfig",
            "Credential kind:  bearer token",
            "Ready   True     ClusterReady   60s ago",
            "cpu        12         12",
            "dedicated   gpu     NoSchedule",
            "Placed workloads:\n  <none>",
        ] {
            assert!(text.contains(expected), "missing {expected:?} in\n{text}");
        }
    }
}
