//! `tmcctl workload wait NAME --for=ready`: blocks until the workload runs as asked on every
//! chosen cluster (every copy Available, none retiring, the current generation observed), with
//! a progress bar of ready clusters on a terminal.

use std::time::{Duration, Instant};

use clap::Args;

use crate::cli::parse_duration;
use crate::client::{Connection, ConnectionSettings};
use crate::error::{CliError, ExitKind};
use crate::output::Printer;
use crate::sync::status::Phase;

use super::shared::{find, is_ready, parse_reference, synced_types, tmc_status, NamespaceArgs};

/// How often the workload is read again.
const POLL: Duration = Duration::from_millis(500);

/// Arguments of `workload wait`.
#[derive(Debug, Args)]
pub struct WaitArgs {
    /// The workload: `NAME` or `KIND/NAME`.
    pub name: String,
    #[command(flatten)]
    pub namespaces: NamespaceArgs,
    /// What to wait for: `ready` (every chosen cluster Available).
    #[arg(long = "for", value_name = "CONDITION", value_parser = ["ready"], default_value = "ready")]
    pub condition: String,
    /// How long to wait; 0 waits forever.
    #[arg(long, default_value = "5m", value_name = "DURATION", value_parser = parse_duration)]
    pub timeout: Duration,
}

/// Runs `workload wait`.
pub async fn run(args: WaitArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::default();
    let connection = Connection::open(settings).await?;
    let types = synced_types(&connection).await?;
    let (matching, name) = parse_reference(&types, &args.name)?;
    let namespace = args.namespaces.namespace.as_deref().unwrap_or("default");
    let started = Instant::now();
    let bar = printer.progress(0, &format!("waiting for {name} to be ready"));
    loop {
        let found = find(&connection, &matching, namespace, &name).await?;
        let mut ready = true;
        let (mut total, mut available) = (0, 0);
        for (ty, object) in &found {
            let tmc = tmc_status(object);
            total += tmc.clusters.len() as u64;
            available += tmc.clusters.iter().filter(|c| c.phase == Phase::Available).count() as u64;
            ready &= is_ready(ty.kind, object);
        }
        bar.set_length(total);
        bar.set_position(available);
        if ready {
            bar.finish_and_clear();
            printer.status(&format!("{name} is ready on every chosen cluster"))?;
            return Ok(());
        }
        if !args.timeout.is_zero() && started.elapsed() >= args.timeout {
            bar.abandon();
            return Err(CliError::new(
                ExitKind::Failure,
                format!(
                    "timed out after {} waiting for {name} to be ready ({available} of {total} cluster copies Available)",
                    humantime::format_duration(args.timeout)
                ),
            )
            .with_hint("see why with `tmcctl workload status -o wide` and `tmcctl workload where`"));
        }
        tokio::time::sleep(POLL).await;
    }
}
