//! `tmcctl placement simulate -f placement.yaml`: the engine on a placement file, against the
//! live inventory or a file of ClusterRegistrations. With a cluster file no server is needed:
//! the offline what-if.

use std::path::PathBuf;

use clap::Args;
use serde_json::Value;

use crate::api::WorkloadPlacement;
use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings};
use crate::error::CliError;
use crate::output::{Describe, OutputFormat, Printer};
use crate::placement::WorkloadDemand;

use super::shared::{current_clusters, decision_page, explain_spec, inventory_from, live_inventory};

/// Arguments of `placement simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// The WorkloadPlacement manifest (YAML or JSON).
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub file: PathBuf,
    /// `live` (the workspace's registered clusters) or a file of ClusterRegistrations
    /// (a List, or a YAML stream of objects).
    #[arg(long, default_value = "live", value_name = "live|FILE")]
    pub clusters_from: String,
    /// Simulate a workload with this many replicas (shows the division).
    #[arg(long, default_value_t = 0)]
    pub replicas: u32,
    /// The workload identity the hash uses (RoundRobin); default: the placement's name.
    #[arg(long, value_name = "KEY")]
    pub workload: Option<String>,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `placement simulate`.
pub async fn run(args: SimulateArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let documents = read_documents(&args.file)?;
    let [manifest] = documents.as_slice() else {
        return Err(CliError::usage(format!(
            "{}: expected one WorkloadPlacement, found {} documents",
            args.file.display(),
            documents.len()
        )));
    };
    let placement: WorkloadPlacement = serde_json::from_value(manifest.clone())
        .map_err(|e| CliError::usage(format!("{}: not a valid WorkloadPlacement: {e}", args.file.display())))?;
    let name = placement.metadata.name.clone().unwrap_or_else(|| "simulated".into());
    let inventory = if args.clusters_from == "live" {
        live_inventory(&Connection::open(settings).await?).await?
    } else {
        let path = PathBuf::from(&args.clusters_from);
        let mut clusters = Vec::new();
        for document in read_documents(&path)? {
            match document["items"].as_array() {
                Some(items) => clusters.extend(items.iter().cloned()),
                None => clusters.push(document),
            }
        }
        inventory_from(&clusters)?
    };
    let current = current_clusters(manifest);
    let demand = WorkloadDemand {
        key: args.workload.clone().unwrap_or_else(|| name.clone()),
        replicas: args.replicas,
        previous_clusters: current.clone(),
        ..Default::default()
    };
    let explanation = explain_spec(&inventory, &placement.spec, &demand)?;
    if !matches!(printer.format(), OutputFormat::Table | OutputFormat::Wide) {
        printer.value(&explanation, String::new)?;
        return Ok(());
    }
    let page = Describe::new().field("Placement", name).field("Strategy", placement.spec.strategy.as_str());
    printer.write_out(&decision_page(page, &explanation, &current, "Versus status in file"))?;
    Ok(())
}

/// Reads a YAML or JSON file as one or more documents.
fn read_documents(path: &PathBuf) -> Result<Vec<Value>, CliError> {
    let text =
        std::fs::read_to_string(path).map_err(|e| CliError::usage(format!("cannot read {}: {e}", path.display())))?;
    let documents: Vec<Value> =
        serde_saphyr::from_multiple(&text).map_err(|e| CliError::usage(format!("{}: {e}", path.display())))?;
    Ok(documents.into_iter().filter(|d| !d.is_null()).collect())
}
