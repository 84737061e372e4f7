//! One pass of a restore over a set of archived objects: what each target serves and holds
//! (one LIST per kind), the plan ([`crate::backup::plan`]), then the writes in order, stopping
//! between writes on SIGINT or SIGTERM with a journal. A restore runs one pass, and a second
//! for the workloads whose types it had to publish first (see [`super::prepare`]).

use std::collections::{BTreeMap, BTreeSet};

use serde_json::json;

use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::backup::plan::{self, identity, Action, Identity, Options, Step};
use crate::backup::ArchivedObject;
use crate::client::{ApplyOptions, ClientError, Connection, Resource};
use crate::controller::workload_types::{self, ExportLocation};
use crate::error::{CliError, ExitKind};
use crate::install::FIELD_MANAGER;
use crate::output::Printer;

use super::journal::{Journal, StopFlag};
use super::prepare::{Needs, TargetKind};
use super::restore::RestoreArgs;

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

/// The workload types the export of `provider` publishes now; none when it is not there yet.
async fn published_by(connection: &Connection, provider: &str) -> Result<Kinds, CliError> {
    let path = provider.parse().map_err(|e| CliError::usage(format!("provider workspace {provider}: {e}")))?;
    match workload_types::resolve(ExportLocation::Provider(&connection.for_workspace(&path))).await {
        Ok(types) => {
            Ok(types.into_iter().map(|t| ((t.resource.api_version(), t.resource.kind.clone()), t.resource)).collect())
        }
        // kcp answers for a workspace that does not exist with 403.
        Err(ClientError::NotFound { .. } | ClientError::Forbidden { .. }) => Ok(Kinds::new()),
        Err(e) => Err(e.into()),
    }
}

/// What a restore has done so far, for its report.
#[derive(Default)]
pub(super) struct Report {
    /// (workspace, object, what happened or would).
    pub rows: Vec<(String, String, String)>,
    pub created: usize,
    pub updated: usize,
    pub skipped: usize,
    pub pruned: usize,
    /// One line per object that failed.
    pub failed: Vec<String>,
}

impl Report {
    /// Adds the steps of an install (a binding, a workspace, a published type).
    pub(super) fn installed(&mut self, steps: Vec<crate::commands::install::InstallStep>) {
        for (workspace, kind, name, action) in steps {
            self.rows.push((workspace, format!("{kind} {name}"), action.to_string()));
        }
    }
}

/// What every pass shares.
pub(super) struct Restore<'a> {
    pub args: &'a RestoreArgs,
    pub connection: &'a Connection,
    pub options: &'a Options,
    pub needs: &'a Needs,
    pub printer: &'a Printer,
    pub stop: &'a StopFlag,
}

/// Where an archived object goes, and its kind.
pub(super) fn target_kind(options: &Options, object: &ArchivedObject) -> TargetKind {
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
    pub(super) async fn pass(
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
            // In a plan, a workspace this restore would bind (or create) serves the TMC API and
            // the workload types its provider publishes now, all empty; nothing else can be
            // asked of one that does not exist yet.
            let missing = args.plan && needs.missing.contains(target.as_str());
            let pending = args.plan && needs.binds(target);
            let at = connection.for_workspace(&target.parse().expect("checked by prepare::needs"));
            let bound_later = match needs.provider_of(target) {
                Some(provider) if pending => published_by(connection, provider).await?,
                _ => Kinds::new(),
            };
            let mut kinds = if missing { tmc_kinds() } else { served_kinds(&at).await? };
            kinds.extend(bound_later.clone());
            for key in wanted.iter().filter(|(t, _, _)| t == target) {
                let kind = (key.1.clone(), key.2.clone());
                let Some(resource) = kinds.get(&kind) else { continue };
                let tmc_kind = resource.group == crate::api::GROUP;
                if missing || (pending && (tmc_kind || bound_later.contains_key(&kind))) {
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
        let bar = self.printer.progress(steps.len() as u64, if args.plan { "planning" } else { "restoring" });
        for (index, step) in steps.iter().enumerate() {
            bar.set_position(index as u64);
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
        bar.finish_and_clear();
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
                let patch = json!({ "status": status });
                if let Err(e) = at.merge_patch_status(resource, None, name, &patch, FIELD_MANAGER).await {
                    // Without its decisions the placement is not restored: a controller would
                    // decide afresh and could move its workloads. Taken back, so that the next
                    // run (the journal keeps it pending) creates it whole; if even that fails,
                    // the error says so.
                    if let Err(undo) = at.delete(resource, None, name).await {
                        tracing::warn!(placement = name, error = %undo, "cannot remove a placement restored without its decisions");
                    }
                    return Err(e);
                }
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
