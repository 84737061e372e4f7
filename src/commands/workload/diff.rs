//! `tmcctl workload diff NAME`: what tmcctl intends each cluster to hold against what it
//! holds, field by field, as the controller's drift check sees it. Exit 0 when every cluster
//! is in sync, 1 when any differs (as `kubectl diff`).

use clap::Args;
use serde::Serialize;
use serde_json::Value;

use crate::api::WorkloadPlacement;
use crate::client::{Connection, ConnectionSettings, Resource};
use crate::commands::cluster::shared::connect_registered;
use crate::controller::runtime::LOGICAL_CLUSTER_ANNOTATION;
use crate::controller::sync_loop::targets;
use crate::error::{CliError, ExitKind};
use crate::output::escape_control;
use crate::output::Printer;
use crate::sync::desired::{desired_copy, Target};
use crate::sync::drift::{differences, drift_settings};

use super::shared::{downstream_identity, find, parse_reference, synced_types, tmc_status, NamespaceArgs};
use crate::cli::OutputArgs;

/// Arguments of `workload diff`.
#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The workload: `NAME` or `KIND/NAME`.
    pub name: String,
    #[command(flatten)]
    pub namespaces: NamespaceArgs,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// One field that differs on one cluster.
#[derive(Debug, Serialize)]
pub struct FieldDifference {
    /// Dotted path, with `[i]` for list items.
    pub path: String,
    /// What tmcctl applies.
    pub intended: Value,
    /// What the cluster holds.
    pub live: Value,
}

/// One cluster's copy against the intent.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClusterDiff {
    /// The kind.
    pub kind: String,
    /// The cluster.
    pub cluster: String,
    /// Where the copy lives there.
    pub namespace: String,
    /// Whether the cluster holds a copy at all.
    pub present: bool,
    /// The fields that differ.
    pub differences: Vec<FieldDifference>,
    /// Why the cluster could not be compared, if it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Runs `workload diff`.
pub async fn run(args: DiffArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let types = synced_types(&connection).await?;
    let (matching, name) = parse_reference(&types, &args.name)?;
    let namespace = args.namespaces.namespace.as_deref().unwrap_or("default");
    let mut report = Vec::new();
    for (ty, upstream) in find(&connection, &matching, namespace, &name).await? {
        let tmc = tmc_status(&upstream);
        let placement = match &tmc.placement {
            Some(p) => connection.get(&Resource::of::<WorkloadPlacement>(), None, p).await?,
            None => None,
        };
        let placement: Option<WorkloadPlacement> = placement.and_then(|p| serde_json::from_value(p).ok());
        let replicas = placement.as_ref().map(|p| targets(p, &upstream)).unwrap_or_default();
        let annotations = serde_json::from_value(upstream["metadata"]["annotations"].clone()).unwrap_or_default();
        let (_, ignored) = drift_settings(&annotations).map_err(|e| CliError::usage(e.to_string()))?;
        let logical_cluster =
            upstream["metadata"]["annotations"][LOGICAL_CLUSTER_ANNOTATION].as_str().unwrap_or_default();
        let identity = downstream_identity(&connection, logical_cluster).await?;
        for entry in &tmc.clusters {
            let target = Target {
                logical_cluster: &identity,
                workspace: connection.workspace().map(|w| w.as_str()),
                namespace: &entry.namespace,
                placement: tmc.placement.as_deref().unwrap_or_default(),
                replicas: replicas.iter().find(|(c, _)| *c == entry.cluster).and_then(|(_, r)| *r),
                ignored: &ignored,
                // Not known here (the placement may be gone); diff compares only what is set.
                delete_when_ungoverned: false,
            };
            let mut line = ClusterDiff {
                kind: ty.resource.kind.clone(),
                cluster: entry.cluster.clone(),
                namespace: entry.namespace.clone(),
                present: false,
                differences: Vec::new(),
                error: None,
            };
            let desired =
                desired_copy(&upstream, &target).map_err(|e| CliError::new(ExitKind::Failure, e.to_string()))?;
            let live = match connect_registered(&connection, &entry.cluster).await {
                Ok(cluster) => cluster.get(&ty.resource, Some(&entry.namespace), &name).await.map_err(CliError::from),
                Err(e) => Err(e),
            };
            match live {
                Ok(Some(live)) => {
                    line.present = true;
                    line.differences = differences(&desired, &live, &ignored)
                        .into_iter()
                        .map(|path| FieldDifference {
                            intended: value_at(&desired, &path),
                            live: value_at(&live, &path),
                            path,
                        })
                        .collect();
                }
                Ok(None) => {}
                Err(e) => line.error = Some(e.message),
            }
            report.push(line);
        }
    }
    printer.value(&report, || human(&report))?;
    let differs = report.iter().any(|d| !d.present || !d.differences.is_empty() || d.error.is_some());
    if differs {
        return Err(CliError::new(ExitKind::Failure, format!("{name}: some clusters differ from what tmcctl intends")));
    }
    Ok(())
}

fn human(report: &[ClusterDiff]) -> String {
    if report.is_empty() {
        return "No copies yet: the workload has not been synced to any cluster.\n".into();
    }
    let mut out = String::new();
    for d in report {
        let head = format!("{} on {} ({}): ", d.kind, d.cluster, d.namespace);
        match (&d.error, d.present, d.differences.len()) {
            (Some(e), _, _) => out.push_str(&format!("{head}cannot compare: {e}\n")),
            (None, false, _) => out.push_str(&format!("{head}missing\n")),
            (None, true, 0) => out.push_str(&format!("{head}in sync\n")),
            (None, true, n) => {
                out.push_str(&format!("{head}{n} difference{}\n", if n == 1 { "" } else { "s" }));
                for f in &d.differences {
                    out.push_str(&format!("  {}: intended {}, live {}\n", f.path, f.intended, f.live));
                }
            }
        }
    }
    escape_control(&out).into_owned()
}

/// The value at a dotted path with `[i]` indexes; null when absent.
fn value_at(object: &Value, path: &str) -> Value {
    let mut current = object;
    for segment in path.split('.') {
        let (field, indexes) = match segment.find('[') {
            Some(i) => (&segment[..i], &segment[i..]),
            None => (segment, ""),
        };
        current = &current[field];
        for index in indexes.split(['[', ']']).filter(|s| !s.is_empty()) {
            current = match index.parse::<usize>() {
                Ok(i) => &current[i],
                Err(_) => &Value::Null,
            };
        }
    }
    current.clone()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn values_are_found_by_the_paths_differences_name() {
        let o =
            json!({"spec": {"replicas": 2, "template": {"spec": {"containers": [{"image": "a"}, {"image": "b"}]}}}});
        assert_eq!(value_at(&o, "spec.replicas"), json!(2));
        assert_eq!(value_at(&o, "spec.template.spec.containers[1].image"), json!("b"));
        assert_eq!(value_at(&o, "spec.missing"), Value::Null);
    }
}
