//! `tmcctl workload where`: from a workload to every cluster, namespace and object that holds a
//! copy of it — and back, from a cluster's downstream namespace to the workloads it holds.

use clap::Args;
use serde::Serialize;

use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings};
use crate::controller::runtime::LOGICAL_CLUSTER_ANNOTATION;
use crate::error::CliError;
use crate::output::{Printer, Table};
use crate::sync::names::downstream_namespace;

use super::shared::{
    downstream_identity, find, list_all, parse_reference, phase_text, synced_types, tmc_status, NamespaceArgs,
};

/// Arguments of `workload where`.
#[derive(Debug, Args)]
pub struct WhereArgs {
    /// The workload: `NAME` or `KIND/NAME`. Leave out with --cluster and --downstream-namespace.
    #[arg(required_unless_present = "downstream_namespace")]
    pub name: Option<String>,
    #[command(flatten)]
    pub namespaces: NamespaceArgs,
    /// The other way round: the cluster (registration name) that holds the namespace.
    #[arg(long, value_name = "CLUSTER", requires = "downstream_namespace", conflicts_with = "name")]
    pub cluster: Option<String>,
    /// The other way round: a namespace on a physical cluster.
    #[arg(long, value_name = "NAMESPACE", requires = "cluster")]
    pub downstream_namespace: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// One copy of a workload, upstream and downstream.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// The upstream namespace.
    pub namespace: String,
    /// The upstream (and downstream) name.
    pub name: String,
    /// Its kind.
    pub kind: String,
    /// The cluster holding the copy.
    pub cluster: String,
    /// The namespace on that cluster.
    pub downstream_namespace: String,
    /// Where the copy stands.
    pub phase: String,
}

/// Runs `workload where`.
pub async fn run(args: WhereArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let connection = Connection::open(settings).await?;
    let types = synced_types(&connection).await?;
    let rows = match (&args.name, &args.cluster, &args.downstream_namespace) {
        (Some(reference), _, _) => {
            let (matching, name) = parse_reference(&types, reference)?;
            find(&connection, &matching, args.namespaces.scope().unwrap_or("default"), &name).await?
        }
        _ => list_all(&connection, &types, None).await?,
    };
    let mut locations = Vec::new();
    let mut identities = std::collections::HashMap::new();
    for (ty, object) in &rows {
        let namespace = object["metadata"]["namespace"].as_str().unwrap_or_default();
        let logical_cluster =
            object["metadata"]["annotations"][LOGICAL_CLUSTER_ANNOTATION].as_str().unwrap_or_default();
        if !identities.contains_key(logical_cluster) {
            identities.insert(logical_cluster, downstream_identity(&connection, logical_cluster).await?);
        }
        let downstream = downstream_namespace(&identities[logical_cluster], namespace);
        if args.downstream_namespace.as_ref().is_some_and(|d| *d != downstream) {
            continue;
        }
        for entry in tmc_status(object).clusters {
            if args.cluster.as_ref().is_some_and(|c| *c != entry.cluster) {
                continue;
            }
            locations.push(Location {
                namespace: namespace.to_string(),
                name: object["metadata"]["name"].as_str().unwrap_or_default().to_string(),
                kind: ty.resource.kind.clone(),
                cluster: entry.cluster.clone(),
                downstream_namespace: entry.namespace.clone(),
                phase: phase_text(entry.phase).to_string(),
            });
        }
    }
    printer.value(&locations, || {
        if locations.is_empty() {
            return "No copies found.\n".to_string();
        }
        let mut table = Table::new(["NAMESPACE", "KIND", "NAME", "CLUSTER", "DOWNSTREAM NAMESPACE", "PHASE"]);
        for l in &locations {
            table.push(vec![
                l.namespace.clone(),
                l.kind.clone(),
                l.name.clone(),
                l.cluster.clone(),
                l.downstream_namespace.clone(),
                l.phase.clone(),
            ]);
        }
        table.render(args.output.no_headers)
    })?;
    Ok(())
}
