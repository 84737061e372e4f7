//! What a restore does before objects go back, so each has a type to go into:
//!
//! ```text
//! manifest: workspace ─► the TMC API it had bound (provider, workload types)
//!   target not bound (or missing) ─► install: workspace created, APIBinding, waited until Bound
//!   core kinds, registrations, placements restored (restore.rs, first pass)
//!   workload types the target does not serve ─► install --workload-apis: schemas imported from
//!     the clusters just restored, waited until served ─► workloads restored (second pass)
//! ```
//!
//! A target that is already bound keeps its binding, whatever provider it names; archives
//! written before the manifest recorded the API need the install done by hand, as before.

use std::collections::{BTreeMap, BTreeSet};
use std::time::Duration;

use crate::backup::plan::{self, Options};
use crate::backup::{Archive, TypeRecord};
use crate::client::{Connection, ConnectionSettings, WorkspacePath};
use crate::commands::install::{install_for_restore, InstallStep};
use crate::controller::workload_types;
use crate::error::{CliError, ExitKind};

/// How long each install step may wait (workspaces Ready, bindings Bound).
const INSTALL_TIMEOUT: Duration = Duration::from_secs(120);

/// A kind in a target workspace: (workspace, apiVersion, kind).
pub(super) type TargetKind = (String, String, String);

/// What the targets lack before a restore.
#[derive(Debug, Default)]
pub(super) struct Needs {
    /// Provider workspace → the targets that get its TMC API bound (and are created if missing).
    pub bind: BTreeMap<String, Vec<WorkspacePath>>,
    /// Targets that do not exist yet.
    pub missing: BTreeSet<String>,
    /// Target → the workload types its sources' exports published.
    pub types: BTreeMap<String, Vec<TypeRecord>>,
}

impl Needs {
    /// Whether `target` gets the TMC API bound by this restore.
    pub fn binds(&self, target: &str) -> bool {
        self.provider_of(target).is_some()
    }

    /// The provider whose TMC API this restore binds in `target`.
    pub fn provider_of(&self, target: &str) -> Option<&str> {
        self.bind.iter().find(|(_, ws)| ws.iter().any(|w| w.as_str() == target)).map(|(p, _)| p.as_str())
    }

    /// The workload type of `api_version`/`kind` its sources published to `target`, if any.
    pub fn workload_type(&self, target: &str, api_version: &str, kind: &str) -> Option<&TypeRecord> {
        self.types.get(target)?.iter().find(|t| t.api_version() == api_version && t.kind == kind)
    }
}

/// Finds what each target lacks. A target that does not exist is refused unless the backup
/// records the TMC API its source had (then the install creates it).
pub(super) async fn needs(
    connection: &Connection,
    archive: &Archive,
    options: &Options,
    targets: &BTreeSet<String>,
) -> Result<Needs, CliError> {
    let mut needs = Needs::default();
    for (source, api) in &archive.manifest.bound_apis {
        let target = plan::target_workspace(options, source);
        if targets.contains(&target) {
            needs.types.entry(target).or_default().extend(api.workload_types.iter().cloned());
        }
    }
    for target in targets {
        let path: WorkspacePath = target.parse().map_err(|e| CliError::usage(format!("workspace {target}: {e}")))?;
        let exists = connection.workspace_exists(&path).await?;
        let bound = exists && workload_types::bound_provider(&connection.for_workspace(&path)).await?.is_some();
        let provider = archive
            .manifest
            .bound_apis
            .iter()
            .find(|(source, _)| plan::target_workspace(options, source) == *target)
            .map(|(_, api)| api.provider.clone());
        match (exists, bound, provider) {
            (_, true, _) => {}
            (_, false, Some(provider)) => {
                if !exists {
                    needs.missing.insert(target.clone());
                }
                needs.bind.entry(provider).or_default().push(path);
            }
            (false, false, None) => {
                return Err(CliError::new(ExitKind::NotFound, format!("workspace {target} does not exist")).with_hint(
                    format!(
                        "the backup does not record the TMC API it had; create the workspace with it bound: \
                         `tmcctl install --bind {target} --create-workspaces`"
                    ),
                ))
            }
            // Bound to nothing, and the backup does not say what it had: its TMC objects are
            // reported as not served.
            (true, false, None) => {}
        }
    }
    Ok(needs)
}

/// Binds the TMC API where [`Needs::bind`] says, creating missing workspaces.
pub(super) async fn bind(
    connection: &Connection,
    settings: &ConnectionSettings,
    needs: &Needs,
) -> Result<Vec<InstallStep>, CliError> {
    let mut steps = Vec::new();
    for (provider, workspaces) in &needs.bind {
        let provider: WorkspacePath =
            provider.parse().map_err(|e| CliError::usage(format!("provider workspace {provider}: {e}")))?;
        steps.extend(install_for_restore(connection, settings, &provider, workspaces, None, INSTALL_TIMEOUT).await?);
    }
    Ok(steps)
}

/// Publishes the workload types of `deferred` (kinds a target did not serve in the first pass)
/// in the export each target's binding names, imported from the clusters registered there.
pub(super) async fn publish(
    connection: &Connection,
    settings: &ConnectionSettings,
    needs: &Needs,
    deferred: &BTreeSet<TargetKind>,
) -> Result<Vec<InstallStep>, CliError> {
    // Provider → (targets, type names).
    let mut wanted: BTreeMap<String, (Vec<WorkspacePath>, BTreeSet<String>)> = BTreeMap::new();
    for (target, api_version, kind) in deferred {
        let Some(found) = needs.workload_type(target, api_version, kind) else { continue };
        let path: WorkspacePath = target.parse().map_err(|e| CliError::usage(format!("workspace {target}: {e}")))?;
        let Some(provider) = workload_types::bound_provider(&connection.for_workspace(&path)).await? else {
            continue;
        };
        let entry = wanted.entry(provider.to_string()).or_default();
        if !entry.0.contains(&path) {
            entry.0.push(path);
        }
        entry.1.insert(found.name());
    }
    let mut steps = Vec::new();
    for (provider, (workspaces, names)) in wanted {
        let provider: WorkspacePath = provider.parse().expect("a path read from a binding");
        let names = names.into_iter().collect::<Vec<_>>().join(",");
        let done =
            install_for_restore(connection, settings, &provider, &workspaces, Some(names.clone()), INSTALL_TIMEOUT)
                .await
                .map_err(|e| CliError {
                    message: format!(
                        "cannot publish the workload types {names} the backup's workloads need: {}",
                        e.message
                    ),
                    ..e
                })?;
        steps.extend(done);
    }
    Ok(steps)
}
