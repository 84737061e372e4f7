//! `cluster drain`: cordon a cluster so placements move their workloads elsewhere, after
//! checking up front that the other clusters can take them; with `--wait`, until no workload
//! copy is left on it.
//!
//! ```text
//! placements on the cluster ─► decide each again without it (pure engine) ─► any with no cluster? refuse (unless --force)
//!                           └► cordon + drain mark ─► --wait: until no placement and no workload copy names it
//! ```

use std::time::{Duration, Instant};

use clap::Args;
use serde_json::Value;

use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::cli::parse_duration;
use crate::client::{Connection, ConnectionSettings, Resource};
use crate::commands::explain_tmc_error;
use crate::controller::workload_types::{self, ExportLocation};
use crate::error::{CliError, ExitKind};
use crate::output::Printer;
use crate::placement::from_api::{cluster_info, policy};
use crate::placement::{Inventory, WorkloadDemand};

use super::shared::{kind_group, placements_on, require, DRAIN_ANNOTATION};
use super::update::set_cordon;

/// Arguments of `cluster drain`.
#[derive(Debug, Args)]
pub struct DrainArgs {
    /// The ClusterRegistration's name.
    pub name: String,
    /// Wait until no placement places workloads on the cluster and no workload copy is left there.
    #[arg(long)]
    pub wait: bool,
    /// How long --wait waits.
    #[arg(long, default_value = "10m", value_parser = parse_duration)]
    pub timeout: Duration,
    /// Drain even when some placement would be left with no cluster (its workloads then stay
    /// where they are until a cluster can take them).
    #[arg(long)]
    pub force: bool,
}

/// Runs `cluster drain`.
pub async fn run(args: DrainArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::default();
    let connection = Connection::open(settings).await?;
    let current = require(&connection, &args.name).await?;
    let stranded = stranded_placements(&connection, &args.name).await?;
    if !stranded.is_empty() && !args.force {
        return Err(CliError::new(
            ExitKind::Conflict,
            format!(
                "draining cluster \"{}\" would leave no cluster for placement(s) {}",
                args.name,
                stranded.iter().map(|(p, why)| format!("{p} ({why})")).collect::<Vec<_>>().join("; ")
            ),
        )
        .with_hint(
            "make room first (uncordon or register another cluster that matches), or drain anyway with --force",
        ));
    }
    let since = current["metadata"]["annotations"][DRAIN_ANNOTATION]
        .as_str()
        .map(str::to_string)
        .unwrap_or_else(|| jiff::Timestamp::now().to_string());
    set_cordon(&connection, &args.name, true, Some(&since)).await?;
    let placed = placements_on(&connection, &args.name).await?;
    printer.write_out(&format!("{}/{} cordoned and marked for draining (since {since})\n", kind_group(), args.name))?;
    if placed.is_empty() && copies_on(&connection, &args.name).await?.is_empty() {
        printer.status(&format!("no workload runs on cluster \"{}\"; nothing to move", args.name))?;
        return Ok(());
    }
    if !placed.is_empty() {
        printer.status(&format!(
            "{} placement(s) place workloads on cluster \"{}\": {}; the controller moves them (new copies first)",
            placed.len(),
            args.name,
            placed.join(", ")
        ))?;
    }
    if !args.wait {
        return Ok(());
    }
    let started = Instant::now();
    let bar = printer.progress(0, &format!("draining {}", args.name));
    let mut most = 0;
    loop {
        let left_placements = placements_on(&connection, &args.name).await?;
        let left_copies = copies_on(&connection, &args.name).await?;
        let left = left_placements.len() + left_copies.len();
        most = most.max(left);
        bar.set_length(most as u64);
        bar.set_position((most - left) as u64);
        if left == 0 {
            bar.finish_and_clear();
            printer.status(&format!("cluster \"{}\" is drained", args.name))?;
            return Ok(());
        }
        if started.elapsed() >= args.timeout {
            bar.abandon();
            let mut what: Vec<String> = left_placements.iter().map(|p| format!("placement {p}")).collect();
            what.extend(left_copies);
            return Err(CliError::new(
                ExitKind::Unavailable,
                format!(
                    "cluster \"{}\" still has {left} workload(s) after {}s: {}",
                    args.name,
                    args.timeout.as_secs(),
                    what.join(", ")
                ),
            )
            .with_hint("is `tmcctl controller run` running? see `tmcctl workload status -A -o wide`"));
        }
        tokio::time::sleep(Duration::from_secs(1)).await;
    }
}

/// The placements using `cluster` that would have no cluster once it is cordoned, with why.
async fn stranded_placements(connection: &Connection, cluster: &str) -> Result<Vec<(String, String)>, CliError> {
    let using = placements_on(connection, cluster).await?;
    if using.is_empty() {
        return Ok(Vec::new());
    }
    let registrations = match connection.list(&Resource::of::<ClusterRegistration>(), None, None).await {
        Ok(list) => list.items,
        Err(e) => return Err(explain_tmc_error(connection, e).await),
    };
    let mut infos = Vec::new();
    for object in registrations {
        let registration: ClusterRegistration = serde_json::from_value(object).map_err(|e| {
            CliError::new(ExitKind::Failure, format!("a ClusterRegistration does not fit its schema: {e}"))
        })?;
        let mut info = cluster_info(&registration);
        if info.name == cluster {
            info.unschedulable = true;
        }
        infos.push(info);
    }
    let inventory = Inventory::new(infos).map_err(|e| CliError::usage(format!("cluster inventory: {e}")))?;
    let mut stranded = Vec::new();
    for name in using {
        let Some(object) = connection.get(&Resource::of::<WorkloadPlacement>(), None, &name).await? else { continue };
        let Ok(placement) = serde_json::from_value::<WorkloadPlacement>(object) else { continue };
        // A placement the engine cannot read is reported by the controller, not judged here.
        let Ok(rules) = policy(&placement.spec) else { continue };
        let Ok(compiled) = inventory.compile(&rules) else { continue };
        let decision = compiled.decide(&WorkloadDemand { key: name.clone(), ..Default::default() });
        if let Some(why) = decision.no_candidates {
            stranded.push((name, why.to_string()));
        }
    }
    Ok(stranded)
}

/// The workloads with a copy on `cluster`, as `kind namespace/name`; none when the workspace
/// syncs no workload types.
async fn copies_on(connection: &Connection, cluster: &str) -> Result<Vec<String>, CliError> {
    let types = match workload_types::resolve(ExportLocation::Binding(connection)).await {
        Ok(types) => types,
        Err(e) => return Err(explain_tmc_error(connection, e).await),
    };
    let mut found = Vec::new();
    for ty in types {
        let list = match connection.list(&ty.resource, None, None).await {
            Ok(list) => list.items,
            Err(e) => return Err(explain_tmc_error(connection, e).await),
        };
        for object in list {
            let holds = object["status"]["tmc"]["clusters"]
                .as_array()
                .is_some_and(|cs| cs.iter().any(|c| c["cluster"] == cluster));
            if holds {
                found.push(describe(&ty.resource.kind, &object));
            }
        }
    }
    Ok(found)
}

fn describe(kind: &str, object: &Value) -> String {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    format!("{kind} {}/{}", text(&object["metadata"]["namespace"]), text(&object["metadata"]["name"]))
}
