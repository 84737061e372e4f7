//! `tmcctl restore`: put a backup's objects back, into the workspaces they came from or others
//! (`--workspace-mapping`). The archive is verified first; the targets get the TMC API
//! ([`super::prepare`]); every target kind is listed once to know what exists; then
//! [`crate::backup::plan`] decides create / skip / update per object, in an order where what
//! others need comes first ([`super::pass`]). `--plan` prints that and writes nothing.
//! Existing objects are skipped unless `--existing update`; nothing is deleted unless
//! `--prune` (confirmed). SIGINT or SIGTERM stop it between writes: the one in flight finishes,
//! a journal says what was applied, skipped and pending, and a re-run finishes the work.

use std::collections::BTreeSet;

use clap::Args;
use serde_json::{json, Value};

use crate::backup::plan::{self, parse_mapping, Options};
use crate::backup::ArchivedObject;
use crate::cli::OutputArgs;
use crate::client::{Connection, ConnectionSettings};
use crate::error::{CliError, ExitKind};
use crate::install::BINDING_NAME;
use crate::output::{Printer, Table};

use super::adopt::adoptions;
use super::inspect::{load, Keys, Location};
use super::journal::{Journal, StopFlag};
use super::pass::{target_kind, Report, Restore};
use super::prepare;
use super::SizeArgs;

/// Arguments of `restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup's name (see `tmcctl backup list`).
    pub name: String,
    #[command(flatten)]
    pub location: Location,
    #[command(flatten)]
    pub keys: Keys,
    #[command(flatten)]
    pub size: SizeArgs,
    /// Print what would be created, skipped, updated or pruned; write nothing.
    #[arg(long)]
    pub plan: bool,
    /// Restore workspace OLD into NEW (repeatable).
    #[arg(long = "workspace-mapping", value_name = "OLD=NEW", value_parser = parse_mapping)]
    pub mapping: Vec<(String, String)>,
    /// Only these kinds (comma-separated, such as ClusterRegistration,WorkloadPlacement).
    #[arg(long, value_name = "KIND,…", value_delimiter = ',', conflicts_with = "exclude_kinds")]
    pub include_kinds: Vec<String>,
    /// Not these kinds (comma-separated).
    #[arg(long, value_name = "KIND,…", value_delimiter = ',')]
    pub exclude_kinds: Vec<String>,
    /// Take over the objects the backed-up workspaces run on their clusters (fleet recovery
    /// onto a new kcp): restored registrations claim the old workspaces' downstream identity,
    /// so the controller adopts those copies instead of making new ones. Refused while the old
    /// workspace still exists on this kcp.
    #[arg(long)]
    pub adopt_downstream: bool,
    /// Delete what the target workspaces hold beyond the backup, in the kinds the backup holds
    /// (not Namespaces, nor what the server makes itself); asks first (--yes to skip).
    #[arg(long)]
    pub prune: bool,
    /// Do not ask for confirmation (--prune).
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// What to do with objects that exist: skip (default) or update (server-side apply).
    #[arg(long, default_value = "skip", value_parser = ["skip", "update"])]
    pub existing: String,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// Runs `restore`.
pub async fn run(args: RestoreArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let (archive, _, _) = load(&args.name, &args.location, &args.keys, args.size.limits()).await?;
    let options = Options {
        mapping: args.mapping.iter().cloned().collect(),
        include_kinds: args.include_kinds.iter().cloned().collect(),
        exclude_kinds: args.exclude_kinds.iter().cloned().collect(),
        update_existing: args.existing == "update",
        adopt_downstream: None,
    };
    let connection = Connection::open(settings).await?;
    let targets: BTreeSet<String> =
        archive.objects.iter().map(|o| plan::target_workspace(&options, &o.workspace)).collect();
    let options = Options {
        adopt_downstream: if args.adopt_downstream {
            Some(adoptions(&connection, &archive, &options, &args.name).await?)
        } else {
            None
        },
        ..options
    };
    let needs = prepare::needs(&connection, &archive, &options, &targets).await?;
    let mut report = Report::default();
    // The TMC API first: registrations and placements need it served.
    if args.plan {
        for (provider, workspaces) in &needs.bind {
            for workspace in workspaces {
                let what = format!("APIBinding {BINDING_NAME} (from {provider})");
                let verb = if needs.missing.contains(workspace.as_str()) {
                    "would create the workspace and bind"
                } else {
                    "would bind"
                };
                report.rows.push((workspace.to_string(), what, verb.into()));
            }
        }
    } else {
        report.installed(prepare::bind(&connection, settings, &needs).await?);
    }

    let api_rows = report.rows.len();
    let kept_at = args.location.at.clone().unwrap_or_default();
    let previous = Journal::previous(&args.name, &kept_at);
    if let (Some(journal), false) = (&previous, args.plan) {
        printer.status(&format!(
            "resuming the restore of \"{}\" stopped by {} at {} ({} applied then, {} pending)",
            args.name,
            journal.signal,
            journal.interrupted_at,
            journal.applied.len(),
            journal.pending.len()
        ))?;
    }
    let stop = StopFlag::listen();
    let mut journal = Journal { backup: args.name.clone(), location: kept_at.clone(), ..Journal::default() };
    let restore = Restore {
        args: &args,
        connection: &connection,
        options: &options,
        needs: &needs,
        printer: &printer,
        stop: &stop,
    };
    let deferred = restore.pass(&archive.objects, &mut report, &mut journal).await?;
    // Workload types come from the clusters just restored; then their workloads go in.
    if !deferred.is_empty() && !args.plan {
        report.installed(prepare::publish(&connection, settings, &needs, &deferred).await?);
        let rest: Vec<ArchivedObject> =
            archive.objects.iter().filter(|o| deferred.contains(&target_kind(&options, o))).cloned().collect();
        let still = restore.pass(&rest, &mut report, &mut journal).await?;
        for (workspace, api_version, kind) in still {
            let entry = format!("{workspace} {kind} ({api_version})");
            report.rows.push((workspace, format!("{kind} objects"), "skip (kind not served here)".into()));
            journal.skipped.push(entry);
        }
    }

    let values: Vec<Value> =
        report.rows.iter().map(|(w, o, a)| json!({"workspace": w, "object": o, "result": a})).collect();
    printer.value(&values, || {
        let mut table = Table::new(["WORKSPACE", "OBJECT", if args.plan { "PLAN" } else { "RESULT" }]);
        for (w, o, a) in &report.rows {
            table.push(vec![w.clone(), o.clone(), a.clone()]);
        }
        table.render(args.output.no_headers)
    })?;
    if args.plan {
        let objects = report.rows.len() - api_rows;
        printer.status(&format!("plan only: {objects} objects, nothing written"))?;
        return Ok(());
    }
    Journal::finished(&args.name, &kept_at);
    let pruned = if args.prune { format!(", {} pruned", report.pruned) } else { String::new() };
    printer.status(&format!(
        "restored {} created, {} updated, {} skipped{pruned}, {} failed",
        report.created,
        report.updated,
        report.skipped,
        report.failed.len()
    ))?;
    match report.failed.first() {
        None => Ok(()),
        Some(first) => {
            Err(CliError::new(ExitKind::Failure, format!("{} objects failed; the first: {first}", report.failed.len()))
                .with_hint("re-run the restore: what was written is skipped"))
        }
    }
}
