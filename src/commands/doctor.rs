//! `tmcctl doctor`: pre-flight and troubleshooting. Checks kcp (reachable, TLS, credentials,
//! clock), then for the workspace — or every workspace bound to the provider's TMC API with
//! `--all-bound` — the binding and its permission claims, the published workload APIs, the
//! leading controller, and each registered cluster: reachable with its stored credentials,
//! allowed what the controller does there, its clock in step. Every failure carries its fix;
//! exits 11 when any check fails (warnings alone exit 0).

use clap::Args;
use futures::future::join_all;
use serde::Serialize;

use crate::api::ClusterRegistration;
use crate::cli::OutputArgs;
use crate::client::kcp::api_bindings;
use crate::client::{ClientError, Connection, ConnectionSettings, Resource, WorkspacePath};
use crate::commands::cluster::shared::{stored_credentials, VERIFY_TIMEOUT};
use crate::controller::workload_types::{self, ExportLocation};
use crate::diagnosis::checks::ClusterProbe;
use crate::diagnosis::{checks, Check, Verdict};
use crate::error::{CliError, ExitKind};
use crate::install::{BINDING_NAME, DEFAULT_PROVIDER_WORKSPACE};
use crate::output::{escape_control, Printer};
use crate::security::{cluster_agent_role, Permission, SyncedType};
use crate::sync::Phase;

use super::status::{controller_check, provider_of};
use super::workload::shared::{list_all, tmc_status, workload_name};

/// Arguments of `tmcctl doctor`.
#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Check every workspace bound to the TMC API of --provider-workspace, not only the
    /// current one.
    #[arg(long)]
    pub all_bound: bool,
    /// The workspace that publishes the TMC API (with --all-bound).
    #[arg(long, default_value = DEFAULT_PROVIDER_WORKSPACE, value_name = "PATH", requires = "all_bound")]
    pub provider_workspace: WorkspacePath,
    #[command(flatten)]
    pub output: OutputArgs,
}

/// A check and where it was made (`None`: kcp itself).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Finding {
    #[serde(skip_serializing_if = "Option::is_none")]
    workspace: Option<String>,
    #[serde(flatten)]
    check: Check,
}

/// Runs `tmcctl doctor`.
pub async fn run(args: DoctorArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let mut findings = Vec::new();
    let kcp = Connection::open(settings).await?;
    let at_kcp = |check: Check| Finding { workspace: None, check };
    findings.push(at_kcp(checks::credentials(kcp.user(), kcp.certificate_expiry(), jiff::Timestamp::now())));
    match kcp.server_info().await {
        Err(e) => {
            let e = CliError::from(e);
            let fix = e.hint.clone().unwrap_or_else(|| "check the kubeconfig's server URL and the network".into());
            findings.insert(0, at_kcp(Check::fail("kcp reachable", e.message, fix)));
        }
        Ok(info) => {
            findings.insert(0, at_kcp(Check::pass("kcp reachable", format!("{} ({})", kcp.url(), info.git_version))));
            findings.extend(clock(&kcp, "kcp").await.map(at_kcp));
            match workspaces(&kcp, &args).await {
                Ok(workspaces) => {
                    for workspace in workspaces {
                        let connection = kcp.for_workspace(&workspace);
                        for check in workspace_checks(&connection, &workspace).await {
                            findings.push(Finding { workspace: Some(workspace.to_string()), check });
                        }
                    }
                }
                // The findings so far still stand; the missing workspaces are one more.
                Err(e) if e.kind != ExitKind::Usage => {
                    let fix = e.hint.clone().unwrap_or_else(|| "check --provider-workspace".into());
                    findings.push(at_kcp(Check::fail("bound workspaces", e.message, fix)));
                }
                Err(e) => return Err(e),
            }
        }
    }
    printer.value(&findings, || human(&findings))?;
    let failed = findings.iter().filter(|f| f.check.verdict == Verdict::Fail).count();
    match failed {
        0 => Ok(()),
        n => Err(CliError::new(ExitKind::Degraded, format!("{n} of {} checks failed", findings.len()))),
    }
}

async fn workspaces(kcp: &Connection, args: &DoctorArgs) -> Result<Vec<WorkspacePath>, CliError> {
    if args.all_bound {
        return crate::commands::bound_workspaces(kcp, &args.provider_workspace).await;
    }
    match kcp.workspace() {
        Some(workspace) => Ok(vec![workspace.clone()]),
        None => Err(CliError::usage("no workspace to check: the server URL names none")
            .with_hint("pass --workspace, or --all-bound for every workspace bound to the TMC API")),
    }
}

/// The checks of one workspace, in the order a newcomer would fix them.
async fn workspace_checks(connection: &Connection, workspace: &WorkspacePath) -> Vec<Check> {
    let binding = match connection.get(&api_bindings(), None, BINDING_NAME).await {
        Ok(binding) => binding,
        Err(e) => {
            return vec![Check::fail("TMC API bound", CliError::from(e).message, "check access to the workspace")]
        }
    };
    let mut found = checks::binding(workspace.as_str(), binding.as_ref());
    if binding.is_none() {
        return found;
    }
    let provider = match provider_of(binding.as_ref()) {
        Ok(provider) => provider,
        Err(e) => {
            found.push(Check::fail("TMC API bound", e.message, "bind it again with `tmcctl install --bind`"));
            return found;
        }
    };
    let types = workload_types::resolve(ExportLocation::Binding(connection)).await;
    let synced: Vec<SyncedType> = match types {
        Ok(types) => {
            found.push(left_behind_check(connection, &types).await);
            let names: Vec<String> = types.iter().map(|t| t.name()).collect();
            let provider = provider.as_ref().map(ToString::to_string).unwrap_or_default();
            found.push(checks::workload_apis(workspace.as_str(), &provider, &names));
            types
                .iter()
                .map(|t| SyncedType { group: t.resource.group.clone(), plural: t.resource.plural.clone() })
                .collect()
        }
        Err(e) => {
            let why = CliError::from(e).message;
            found.push(Check::fail(
                "workload APIs",
                why,
                "check that the provider workspace still exports the TMC API",
            ));
            Vec::new()
        }
    };
    found.push(controller_check(connection, provider.as_ref()).await);
    let registrations = match connection.list(&Resource::of::<ClusterRegistration>(), None, None).await {
        Ok(list) => list.items,
        Err(e) => {
            found.push(Check::fail("clusters", CliError::from(e).message, "check access to clusterregistrations"));
            return found;
        }
    };
    let clusters: Vec<(&str, &str)> = registrations
        .iter()
        .filter_map(|r| Some((r["metadata"]["name"].as_str()?, r["spec"]["location"].as_str().unwrap_or("LOCATION"))))
        .collect();
    let permissions = cluster_agent_role(&synced).permissions();
    let clusters =
        join_all(clusters.iter().map(|(name, location)| cluster_checks(connection, name, location, &permissions)))
            .await;
    found.extend(clusters.into_iter().flatten());
    found
}

/// The copies the workspace's workloads report left on unregistered clusters.
async fn left_behind_check(connection: &Connection, types: &[workload_types::WorkloadType]) -> Check {
    let workloads = match list_all(connection, types, None).await {
        Ok(workloads) => workloads,
        Err(e) => return Check::fail("copies left behind", e.message, "check access to the workload types"),
    };
    let copies: Vec<String> = workloads
        .iter()
        .flat_map(|(ty, object)| {
            let name = workload_name(ty, object);
            tmc_status(object)
                .clusters
                .into_iter()
                .filter(|c| c.phase == Phase::LeftBehind)
                .map(move |c| format!("{name} on {}", c.cluster))
        })
        .collect();
    checks::left_behind(&copies)
}

/// One cluster: reachable, allowed what the controller does there, its clock in step.
async fn cluster_checks(workspace: &Connection, name: &str, location: &str, permissions: &[Permission]) -> Vec<Check> {
    let unreachable = |message: String| vec![checks::cluster(name, location, &ClusterProbe::Unreachable(message))];
    let credentials = match stored_credentials(workspace, name).await {
        Ok(credentials) => credentials,
        Err(e) => return unreachable(e.message),
    };
    let expiry = credentials.certificate_expiry().or_else(|| credentials.token_expiry());
    let expiring = checks::cluster_credentials(name, location, expiry, jiff::Timestamp::now());
    // Expired credentials are the likeliest reason for no answer: said beside it.
    let unanswered = |e: ClientError| {
        let mut found = unreachable(CliError::from(e).message);
        found.push(expiring.clone());
        found
    };
    let cluster = match Connection::to_cluster(&credentials, Some(VERIFY_TIMEOUT), Default::default()).await {
        Ok(cluster) => cluster,
        Err(e) => return unanswered(e),
    };
    let version = match cluster.server_info().await {
        Ok(info) => info.git_version,
        Err(e) => return unanswered(e),
    };
    let probe = match denied(&cluster, permissions).await {
        Ok(missing) => ClusterProbe::Reached { version, missing },
        Err(why) => ClusterProbe::ReviewsFailed(why),
    };
    let mut found = vec![checks::cluster(name, location, &probe), expiring];
    found.extend(clock(&cluster, &format!("cluster {name}")).await);
    found
}

/// The permissions an access review on the cluster did not allow, as `verb resource` (all
/// of them at once when the credentials may do anything); an error when a review could not be
/// made (a denial is an answer, a timeout is not).
async fn denied(cluster: &Connection, permissions: &[Permission]) -> Result<Vec<String>, String> {
    let allowed = |p: &Permission| {
        let attributes = p.review_attributes(None, None);
        async move {
            let status = cluster.self_access_review(&attributes).await.map_err(|e| CliError::from(e).message)?;
            Ok::<bool, String>(status["allowed"] == true)
        }
    };
    if allowed(&Permission::resource("*", "*", "*")).await? {
        return Ok(Vec::new());
    }
    let verdicts = join_all(permissions.iter().map(allowed)).await;
    let mut missing = Vec::new();
    for (permission, verdict) in permissions.iter().zip(verdicts) {
        if !verdict? {
            missing.push(match permission.group.as_str() {
                "" => format!("{} {}", permission.verb, permission.resource),
                group => format!("{} {}.{group}", permission.verb, permission.resource),
            });
        }
    }
    Ok(missing)
}

async fn clock(connection: &Connection, what: &str) -> Option<Check> {
    match connection.clock_offset().await {
        Ok(Some(offset)) => Some(checks::clock(what, offset)),
        // No Date header, or no answer (already reported as unreachable): nothing to judge.
        Ok(None) | Err(_) => None,
    }
}

fn human(findings: &[Finding]) -> String {
    let mut text = String::new();
    for finding in findings {
        let place = finding.workspace.as_deref().map(|w| format!("{w}: ")).unwrap_or_default();
        let check = &finding.check;
        text.push_str(&format!(
            "{:<8} {place}{}: {}\n",
            check.verdict.word(),
            check.name,
            escape_control(&check.detail)
        ));
        if let Some(fix) = &check.fix {
            text.push_str(&format!("{:<8} fix: {}\n", "", escape_control(fix)));
        }
    }
    text
}
