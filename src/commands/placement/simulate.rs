//! `tmcctl placement simulate -f placement.yaml`: the engine on a placement file, against the
//! live inventory or a file of ClusterRegistrations. With a cluster file no server is needed:
//! the offline what-if.

use std::path::{Path, PathBuf};

use clap::Args;

use crate::api::manifest::ManifestFile;
use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings};
use crate::error::CliError;
use crate::output::{Describe, OutputFormat, Printer};
use crate::placement::WorkloadDemand;

use super::shared::{decision_page, explain_spec, inventory_of, live_inventory};

/// Arguments of `placement simulate`.
#[derive(Debug, Args)]
pub struct SimulateArgs {
    /// The WorkloadPlacement manifest (YAML or JSON, at most 16 MiB).
    #[arg(short = 'f', long = "filename", value_name = "FILE")]
    pub file: PathBuf,
    /// `live` (the workspace's registered clusters) or a file of ClusterRegistrations
    /// (a List, or a YAML stream of objects; at most 16 MiB).
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
    let placement: WorkloadPlacement = ManifestFile::read(&args.file)?.single("WorkloadPlacement")?;
    let name = placement.metadata.name.clone().unwrap_or_else(|| "simulated".into());
    let inventory = if args.clusters_from == "live" {
        live_inventory(&Connection::open(settings).await?).await?
    } else {
        let file = ManifestFile::read(Path::new(&args.clusters_from))?;
        inventory_of(&file.objects::<ClusterRegistration>("ClusterRegistration")?)?
    };
    let current: Vec<String> =
        placement.status.iter().flat_map(|s| s.decisions.iter().map(|d| d.cluster.clone())).collect();
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
