//! `tmcctl status`: one screen for the fleet of the current workspace — kcp and its version,
//! the TMC API binding, the leading controller, clusters by state, placements without
//! candidates, workloads not Ready, drift, the last backups. Exits 11 when anything is wrong,
//! so cron jobs and CI can run it as a probe.

use clap::Args;
use serde::Serialize;
use serde_json::Value;

use crate::api::ownership::BACKUP_SCHEDULE_LABEL;
use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::cli::OutputArgs;
use crate::client::kcp::api_bindings;
use crate::client::{ClientError, Connection, ConnectionSettings, Resource, WorkspacePath};
use crate::commands::backup::schedule::configmaps;
use crate::controller::runtime::leader::{leases, LEASE_NAME, LEASE_NAMESPACE};
use crate::controller::workload_types::{self, ExportLocation};
use crate::diagnosis::checks;
use crate::diagnosis::status::{summarize, Facts, FleetStatus, WorkloadFacts};
use crate::diagnosis::{Check, Verdict};
use crate::error::{CliError, ExitKind};
use crate::install::BINDING_NAME;
use crate::output::{escape_control, Printer};
use crate::sync::Phase;

use super::workload::shared::{is_ready, list_all, tmc_status, workload_name};

/// Arguments of `tmcctl status`.
#[derive(Debug, Args)]
pub struct StatusArgs {
    #[command(flatten)]
    pub output: OutputArgs,
}

/// The whole report, as `-o json` prints it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Report {
    kcp: Server,
    api: String,
    controller: Check,
    #[serde(flatten)]
    fleet: FleetStatus,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Server {
    url: String,
    version: String,
    workspace: Option<String>,
}

/// Runs `tmcctl status`.
pub async fn run(args: StatusArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output, args.output.no_headers);
    let kcp = Connection::open(settings).await?;
    let info = kcp.server_info().await?;
    let workspace = kcp.workspace().map(ToString::to_string);
    let binding = if info.is_kcp { kcp.get(&api_bindings(), None, BINDING_NAME).await? } else { None };
    let bound = binding.as_ref().is_some_and(|b| b["status"]["phase"] == "Bound")
        || (!info.is_kcp && kcp.serves(&Resource::of::<ClusterRegistration>()).await?);
    let where_ = workspace.clone().unwrap_or_else(|| kcp.url());
    let provider = provider_of(binding.as_ref())?;
    let controller = controller_check(&kcp, provider.as_ref()).await;
    let (facts, api) = if bound {
        let api = provider.as_ref().map_or("served as CRDs".into(), |p| format!("bound to the export in {p}"));
        (facts(&kcp, provider.as_ref()).await?, api)
    } else {
        (Facts::default(), format!("not bound in {where_}"))
    };
    let mut fleet = summarize(&facts, &controller);
    if !bound {
        fleet.problems.insert(0, format!("the TMC API is not bound in {where_}: run `tmcctl doctor` for the fix"));
    }
    let report =
        Report { kcp: Server { url: kcp.url(), version: info.git_version, workspace }, api, controller, fleet };
    printer.value(&report, || human(&report))?;
    match report.fleet.problems.len() {
        0 => Ok(()),
        n => Err(CliError::new(ExitKind::Degraded, format!("degraded: {n} problem{}", if n == 1 { "" } else { "s" }))
            .with_hint("`tmcctl doctor` checks each part and names the fix")),
    }
}

/// The provider workspace of the TMC API a workspace binds (where the leader Lease of a
/// controller serving every bound workspace is, and the backup schedules).
pub(crate) fn provider_of(binding: Option<&Value>) -> Result<Option<WorkspacePath>, CliError> {
    match binding {
        Some(binding) => Ok(workload_types::provider_in(binding)?),
        None => Ok(None),
    }
}

/// The controller as its leader Lease shows it: a controller for this workspace alone keeps it
/// here, one for every bound workspace in the provider workspace; a live one in either counts.
pub(crate) async fn controller_check(kcp: &Connection, provider: Option<&WorkspacePath>) -> Check {
    let now = jiff::Timestamp::now();
    let here = kcp.workspace().map_or_else(|| kcp.url(), ToString::to_string);
    let mut places = vec![(kcp.clone(), here)];
    if let Some(provider) = provider {
        places.push((kcp.for_workspace(provider), provider.to_string()));
    }
    let mut verdicts = Vec::new();
    for (connection, name) in places {
        match connection.get(&leases(), Some(LEASE_NAMESPACE), LEASE_NAME).await {
            Ok(lease) => verdicts.push((lease.is_some(), checks::controller(lease.as_ref(), &name, now))),
            Err(e) => verdicts.push((
                false,
                Check::warn(
                    "controller",
                    format!("cannot read the leader Lease in {name}: {}", CliError::from(e).message),
                    format!("ask for read access to leases in {name}, or run `tmcctl doctor` there"),
                ),
            )),
        }
    }
    // A live leader anywhere; else the Lease that exists (it says who stopped); else the last.
    let pick = verdicts
        .iter()
        .position(|(_, c)| c.verdict == Verdict::Pass)
        .or_else(|| verdicts.iter().position(|(found, _)| *found));
    let index = pick.unwrap_or(verdicts.len() - 1);
    verdicts.swap_remove(index).1
}

async fn facts(kcp: &Connection, provider: Option<&WorkspacePath>) -> Result<Facts, CliError> {
    let items = |r: Result<crate::client::ObjectList, ClientError>| r.map(|l| l.items);
    let registrations = items(kcp.list(&Resource::of::<ClusterRegistration>(), None, None).await)?;
    let placements = items(kcp.list(&Resource::of::<WorkloadPlacement>(), None, None).await)?;
    let types = workload_types::resolve(ExportLocation::Binding(kcp)).await.map_err(CliError::from)?;
    let workloads = list_all(kcp, &types, None)
        .await?
        .iter()
        .map(|(ty, object)| {
            let name = workload_name(ty, object);
            let drift = tmc_status(object)
                .clusters
                .into_iter()
                .filter(|c| c.phase == Phase::Drifted || !c.drift.is_empty())
                .map(|c| (c.cluster, c.drift))
                .collect();
            let clusters = tmc_status(object).clusters;
            let on = |phase: Phase| clusters.iter().filter(|c| c.phase == phase).map(|c| c.cluster.clone()).collect();
            WorkloadFacts {
                name,
                ready: is_ready(ty.kind, object),
                drift,
                conflicts: on(Phase::Conflict),
                orphaned: on(Phase::Orphaned),
                left_behind: on(Phase::LeftBehind),
            }
        })
        .collect();
    // Schedules live in the provider workspace; none there, or none the user may read, shows
    // as none (any other failure is the command's).
    let schedules = match provider {
        Some(provider) => {
            let at = kcp.for_workspace(provider);
            match at.list(&configmaps(), Some(LEASE_NAMESPACE), Some(BACKUP_SCHEDULE_LABEL)).await {
                Ok(list) => list.items,
                Err(ClientError::NotFound { .. } | ClientError::Forbidden { .. }) => Vec::new(),
                Err(e) => return Err(e.into()),
            }
        }
        None => Vec::new(),
    };
    Ok(Facts { registrations, placements, workloads, schedules })
}

fn human(report: &Report) -> String {
    let fleet = &report.fleet;
    let none_or = |items: &[String], label: &str| match items.len() {
        0 => format!("none {label}"),
        _ => format!("{label}: {}", items.join("; ")),
    };
    let clusters = &fleet.clusters;
    let cordoned = if clusters.cordoned.is_empty() {
        String::new()
    } else {
        format!("; cordoned: {}", clusters.cordoned.join(", "))
    };
    let backups = if fleet.backups.is_empty() {
        "no schedule".to_string()
    } else {
        fleet
            .backups
            .iter()
            .map(|b| match (&b.last_success, &b.last_backup) {
                (Some(at), Some(name)) => format!("{}: {name} at {at}", b.schedule),
                _ => format!("{}: none yet", b.schedule),
            })
            .collect::<Vec<_>>()
            .join("; ")
    };
    let mut lines = vec![
        ("kcp", format!("{} ({})", report.kcp.url, report.kcp.version)),
        ("TMC API", report.api.clone()),
        (
            "controller",
            match report.controller.verdict {
                Verdict::Pass => report.controller.detail.clone(),
                verdict => format!("{} ({})", report.controller.detail, verdict.word()),
            },
        ),
        ("clusters", format!("{} of {} Ready{cordoned}", clusters.ready, clusters.total)),
        (
            "placements",
            format!(
                "{}, {}, {}; {}",
                fleet.placements.total,
                none_or(&fleet.placements.no_candidates, "without candidates"),
                none_or(&fleet.placements.invalid, "invalid"),
                match fleet.placements.deleting_copies.as_slice() {
                    [] => "every one retains its copies when it stops governing a workload".to_string(),
                    names => format!("deletion policy Delete: {} (the others retain their copies)", names.join(", ")),
                }
            ),
        ),
        ("workloads", format!("{}, {}", fleet.workloads.total, none_or(&fleet.workloads.not_ready, "not Ready"))),
        ("drift", if fleet.workloads.drifted.is_empty() { "none".into() } else { fleet.workloads.drifted.join("; ") }),
        (
            "conflicts",
            if fleet.workloads.conflicts.is_empty() { "none".into() } else { fleet.workloads.conflicts.join("; ") },
        ),
        (
            "orphaned",
            if fleet.workloads.orphaned.is_empty() { "none".into() } else { fleet.workloads.orphaned.join("; ") },
        ),
        (
            "left behind",
            if fleet.workloads.left_behind.is_empty() {
                "none".into()
            } else {
                format!("{} (on unregistered clusters)", fleet.workloads.left_behind.join("; "))
            },
        ),
        ("backups", backups),
    ];
    if !clusters.not_ready.is_empty() {
        lines.insert(4, ("", format!("not Ready: {}", clusters.not_ready.join("; "))));
    }
    // Names, reasons and messages come from servers: escaped, so none can drive the terminal.
    let mut text: String = lines.iter().map(|(k, v)| format!("{k:<12}{}\n", escape_control(v))).collect();
    if !fleet.problems.is_empty() {
        text.push_str("\nproblems:\n");
        for problem in &fleet.problems {
            text.push_str(&format!("  - {}\n", escape_control(problem)));
        }
    }
    text
}
