//! `tmcctl restore`: put a backup's objects back, into the workspaces they came from or others
//! (`--workspace-mapping`). The archive is verified first; every target kind is listed once to
//! know what exists; then [`crate::backup::plan`] decides create / skip / update per object, in
//! an order where what others need comes first. `--plan` prints that and writes nothing.
//! Existing objects are skipped unless `--existing update`; nothing is deleted unless
//! `--prune` (confirmed). SIGINT or SIGTERM stop it between writes: the one in flight finishes,
//! a journal says what was applied, skipped and pending, and a re-run finishes the work.

use std::collections::{BTreeMap, BTreeSet};

use clap::Args;
use serde_json::{json, Value};

use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::backup::plan::{self, identity, parse_mapping, Action, Identity, Options, Step};
use crate::backup::ArchivedObject;
use crate::cli::OutputArgs;
use crate::client::{ApplyOptions, ClientError, Connection, ConnectionSettings, Resource};
use crate::controller::workload_types::{self, ExportLocation};
use crate::error::{CliError, ExitKind};
use crate::install::{BINDING_NAME, FIELD_MANAGER};
use crate::output::{Printer, Table};

use super::adopt::adoptions;
use super::inspect::{load, Keys, Location};
use super::journal::{Journal, StopFlag};
use super::prepare::{self, Needs, TargetKind};

/// Arguments of `restore`.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The backup's name (see `tmcctl backup list`).
    pub name: String,
    #[command(flatten)]
    pub location: Location,
    #[command(flatten)]
    pub keys: Keys,
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

/// (apiVersion, kind) → its resource.
type Kinds = BTreeMap<(String, String), Resource>;

/// The core kinds and the TMC API's: what a workspace serves once the TMC API is bound.
fn tmc_kinds() -> Kinds {
    let mut kinds: Vec<Resource> = crate::backup::capture::core_resources().collect();
    kinds.push(Resource::of::<ClusterRegistration>());
    kinds.push(Resource::of::<WorkloadPlacement>());
    kinds.into_iter().map(|r| ((r.api_version(), r.kind.clone()), r)).collect()
}

/// The resource of every kind a workspace can take back: core kinds, the TMC API and the
/// workload types its export publishes.
async fn served_kinds(at: &Connection) -> Result<Kinds, ClientError> {
    let mut kinds = tmc_kinds();
    for t in workload_types::resolve(ExportLocation::Binding(at)).await? {
        kinds.insert((t.resource.api_version(), t.resource.kind.clone()), t.resource);
    }
    Ok(kinds)
}

/// What a restore has done so far, for its report.
#[derive(Default)]
struct Report {
    rows: Vec<(String, String, String)>,
    created: usize,
    updated: usize,
    skipped: usize,
    pruned: usize,
    failed: Vec<String>,
}

impl Report {
    fn installed(&mut self, steps: Vec<crate::commands::install::InstallStep>) {
        for (workspace, kind, name, action) in steps {
            self.rows.push((workspace, format!("{kind} {name}"), action.to_string()));
        }
    }
}

/// What every pass shares.
struct Restore<'a> {
    args: &'a RestoreArgs,
    connection: &'a Connection,
    options: &'a Options,
    needs: &'a Needs,
    printer: &'a Printer,
    stop: &'a StopFlag,
}

/// Runs `restore`.
pub async fn run(args: RestoreArgs, settings: &ConnectionSettings) -> Result<(), CliError> {
    let printer = Printer::new(args.output.output.clone(), args.output.no_headers);
    let (archive, _, _) = load(&args.name, &args.location, &args.keys).await?;
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

/// Where an archived object goes, and its kind.
fn target_kind(options: &Options, object: &ArchivedObject) -> TargetKind {
    (
        plan::target_workspace(options, &object.workspace),
        object.object["apiVersion"].as_str().unwrap_or_default().into(),
        object.object["kind"].as_str().unwrap_or_default().into(),
    )
}

impl Restore<'_> {
    /// Restores `objects`: lists what each target serves and holds (one LIST per kind), plans,
    /// writes. Returns the workload kinds a target does not serve yet but whose type the backup
    /// records (their objects wait for the type to be published); other unserved kinds are
    /// reported and skipped.
    async fn pass(
        &self,
        objects: &[ArchivedObject],
        report: &mut Report,
        journal: &mut Journal,
    ) -> Result<BTreeSet<TargetKind>, CliError> {
        let (args, connection, options, needs) = (self.args, self.connection, self.options, self.needs);
        let wanted: BTreeSet<TargetKind> = objects.iter().map(|o| target_kind(options, o)).collect();
        let mut resources: BTreeMap<TargetKind, Resource> = BTreeMap::new();
        let mut existing: BTreeSet<Identity> = BTreeSet::new();
        let mut prunable: Vec<Identity> = Vec::new();
        let targets: BTreeSet<&String> = wanted.iter().map(|(t, _, _)| t).collect();
        for target in targets {
            // In a plan, a workspace this restore would bind (or create) serves the TMC API,
            // empty; nothing else can be asked of one that does not exist yet.
            let missing = args.plan && needs.missing.contains(target.as_str());
            let pending = args.plan && needs.binds(target);
            let at = connection.for_workspace(&target.parse().expect("checked by prepare::needs"));
            let kinds = if missing { tmc_kinds() } else { served_kinds(&at).await? };
            for key in wanted.iter().filter(|(t, _, _)| t == target) {
                let Some(resource) = kinds.get(&(key.1.clone(), key.2.clone())) else { continue };
                let tmc_kind = resource.group == crate::api::GROUP;
                if missing || (pending && tmc_kind) {
                    resources.insert(key.clone(), resource.clone());
                    continue;
                }
                match at.list(resource, None, None).await {
                    Ok(list) => {
                        for mut o in list.items {
                            o["apiVersion"] = json!(resource.api_version());
                            o["kind"] = json!(resource.kind);
                            let id = identity(target, &o);
                            // A Namespace takes everything in it along; the server's own objects come back.
                            if resource.kind != "Namespace"
                                && !crate::backup::capture::made_by_the_server(&resource.kind, &o)
                            {
                                prunable.push(id.clone());
                            }
                            existing.insert(id);
                        }
                        resources.insert(key.clone(), resource.clone());
                    }
                    // Not served here (the TMC API not bound, say): its objects are reported, not written.
                    Err(ClientError::NotFound { .. }) => {}
                    Err(e) => return Err(e.into()),
                }
            }
        }
        let mut steps = plan::plan(objects, &existing, options);
        if args.prune {
            steps.extend(plan::prune(&prunable, objects, options));
        }
        let doomed = steps.iter().filter(|s| s.action == Action::Prune).count();
        if doomed > 0 && !args.plan && !args.yes {
            crate::commands::confirm(
                self.printer,
                &format!("Delete {doomed} objects the backup does not hold (see --plan)?"),
                &format!("prune {doomed} objects"),
            )?;
        }

        let mut deferred = BTreeSet::new();
        for (index, step) in steps.iter().enumerate() {
            if let Some(signal) = self.stop.received() {
                journal.signal = signal.to_string();
                journal.interrupted_at = jiff::Timestamp::now().to_string();
                journal.pending = steps[index..].iter().map(|s| format!("{} {}", s.workspace, s.describe())).collect();
                let path = journal.write()?;
                let kind = if signal == "SIGTERM" { ExitKind::Terminated } else { ExitKind::Interrupted };
                return Err(CliError::new(
                    kind,
                    format!(
                        "restore stopped by {signal}: {} written, {} pending; journal: {}",
                        journal.applied.len(),
                        journal.pending.len(),
                        path.display()
                    ),
                )
                .with_hint("run the same restore again to finish: what was written is skipped"));
            }
            let entry = format!("{} {}", step.workspace, step.describe());
            let key = (
                step.workspace.clone(),
                step.object["apiVersion"].as_str().unwrap_or_default().to_string(),
                step.object["kind"].as_str().unwrap_or_default().to_string(),
            );
            let Some(resource) = resources.get(&key) else {
                match needs.workload_type(&key.0, &key.1, &key.2) {
                    // Its type is published after the first pass; its objects go in then.
                    Some(found) if args.plan => {
                        report.rows.push((
                            step.workspace.clone(),
                            step.describe(),
                            format!("create (once {} is published)", found.name()),
                        ));
                    }
                    Some(_) => {
                        deferred.insert(key);
                    }
                    None => {
                        report.rows.push((
                            step.workspace.clone(),
                            step.describe(),
                            "skip (kind not served here)".into(),
                        ));
                        report.skipped += 1;
                        journal.skipped.push(entry);
                    }
                }
                continue;
            };
            if args.plan || step.action == Action::Skip {
                if step.action == Action::Skip {
                    report.skipped += 1;
                    journal.skipped.push(entry);
                }
                report.rows.push((step.workspace.clone(), step.describe(), step.action.to_string()));
                continue;
            }
            let at = connection.for_workspace(&step.workspace.parse().expect("checked above"));
            let outcome = write(&at, resource, step).await;
            match &outcome {
                Ok(Action::Skip) => journal.skipped.push(entry),
                Ok(_) => journal.applied.push(entry),
                Err(_) => {}
            }
            let result = match outcome {
                Ok(Action::Create) => {
                    report.created += 1;
                    "created".to_string()
                }
                Ok(Action::Update) => {
                    report.updated += 1;
                    "updated".to_string()
                }
                Ok(Action::Prune) => {
                    report.pruned += 1;
                    "pruned".to_string()
                }
                Ok(Action::Skip) => {
                    report.skipped += 1;
                    "skip (exists)".to_string()
                }
                Err(e) => {
                    let message = CliError::from(e).message;
                    report.failed.push(format!("{} in {}: {message}", step.describe(), step.workspace));
                    format!("failed: {message}")
                }
            };
            report.rows.push((step.workspace.clone(), step.describe(), result));
        }
        Ok(deferred)
    }
}

/// Writes one step: a create (a placement's stored decisions then go to its status, so it keeps
/// its clusters) or a server-side apply over an existing object.
async fn write(at: &Connection, resource: &Resource, step: &Step) -> Result<Action, ClientError> {
    let mut object = step.object.clone();
    let status = object.as_object_mut().and_then(|o| o.remove("status"));
    match step.action {
        Action::Update => {
            at.apply(resource, &object, FIELD_MANAGER, ApplyOptions::default()).await?;
            Ok(Action::Update)
        }
        Action::Create => {
            match at.create(resource, &object).await {
                Ok(_) => {}
                // It appeared since it was listed: left as it is, as any existing object.
                Err(ClientError::Conflict { .. }) => return Ok(Action::Skip),
                Err(e) => return Err(e),
            }
            if let Some(status) = status.filter(|_| resource.kind == "WorkloadPlacement") {
                let name = object["metadata"]["name"].as_str().unwrap_or_default();
                at.merge_patch_status(resource, None, name, &json!({ "status": status }), FIELD_MANAGER).await?;
            }
            Ok(Action::Create)
        }
        Action::Prune => {
            let namespace = object["metadata"]["namespace"].as_str();
            let name = object["metadata"]["name"].as_str().unwrap_or_default();
            // Gone already: nothing was left to prune.
            Ok(if at.delete(resource, namespace, name).await? { Action::Prune } else { Action::Skip })
        }
        Action::Skip => Ok(Action::Skip),
    }
}
