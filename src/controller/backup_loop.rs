//! Scheduled backups, run by the leader: every [`TICK`], the schedules in the provider
//! workspace's `tmc-system` (ConfigMaps labelled `tmc.kcp.io/backup-schedule`) are read; each
//! one that is due has its attempt recorded, is captured, sealed to its recipients when it
//! holds Secrets, written to its location, and the oldest backups it recorded writing beyond
//! `keep` removed. The outcome goes on the schedule
//! (annotations) and into `tmc_backup_last_success_timestamp_seconds`.
//!
//! ```text
//! tick ─► may write? ─► list schedules ─► Schedule::from_data ─► due? ─► capture ─► encode ─► seal?
//!   ─► Location::write ─► expired ─► delete ─► annotate schedule + metric
//! ```
//!
//! A schedule that cannot be read, or a run that fails, is recorded on the schedule and tried
//! again at its next interval; it never stops the controller.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::time::Duration;

use serde_json::{json, Value};

use crate::api::ownership::{
    BACKUP_LAST_ATTEMPT_ANNOTATION, BACKUP_LAST_BACKUP_ANNOTATION, BACKUP_LAST_ERROR_ANNOTATION,
    BACKUP_LAST_SUCCESS_ANNOTATION, BACKUP_SCHEDULE_LABEL, BACKUP_WRITTEN_ANNOTATION,
};
use crate::backup::capture::{capture, direct_sources, export_sources};
use crate::backup::schedule::{Schedule, WrittenBackup};
use crate::backup::store::Location;
use crate::backup::{encode, seal, SealTo};
use crate::client::{Connection, Resource, WorkspacePath};
use crate::error::CliError;

use super::context::Context;
use super::runtime::LEASE_NAMESPACE;

/// How often schedules are looked at.
pub const TICK: Duration = Duration::from_secs(10);
/// The field manager of the controller's writes to schedules.
const FIELD_MANAGER: &str = "tmc-controller-backup";

/// Runs until dropped (the controller's tasks are aborted when it stops or loses the lease).
pub async fn run(ctx: Arc<Context>) {
    let configmaps = Resource::new("", "v1", "ConfigMap", "configmaps", true);
    loop {
        if ctx.gate.may_write() {
            let at = &ctx.hub.lease;
            match at.list(&configmaps, Some(LEASE_NAMESPACE), Some(BACKUP_SCHEDULE_LABEL)).await {
                Ok(list) => {
                    for object in list.items {
                        run_if_due(&ctx, at, &configmaps, &object).await;
                    }
                }
                // No tmc-system yet, or no right to read it: nothing is scheduled here.
                Err(e) => tracing::debug!(error = %e, "cannot list backup schedules"),
            }
        }
        tokio::time::sleep(TICK).await;
    }
}

async fn run_if_due(ctx: &Context, at: &Connection, configmaps: &Resource, object: &Value) {
    let name = object["metadata"]["name"].as_str().unwrap_or_default();
    let annotations = &object["metadata"]["annotations"];
    let data: BTreeMap<String, String> = serde_json::from_value(object["data"].clone()).unwrap_or_default();
    let now = jiff::Timestamp::now();
    let last_attempt = annotations[BACKUP_LAST_ATTEMPT_ANNOTATION].as_str().and_then(|t| t.parse().ok());
    let record: Vec<WrittenBackup> = annotations[BACKUP_WRITTEN_ANNOTATION]
        .as_str()
        .and_then(|text| serde_json::from_str(text).ok())
        .unwrap_or_default();
    let outcome = match Schedule::from_data(name, &data) {
        Ok(schedule) if !schedule.due(last_attempt, now) => return,
        Ok(schedule) => {
            // The attempt is recorded before the run: a run that crashes the controller (or
            // outlives its lease) is not started again by the next leader until it is due.
            let attempt = json!({"metadata": {"annotations": {BACKUP_LAST_ATTEMPT_ANNOTATION: now.to_string()}}});
            if let Err(e) = at.merge_patch(configmaps, Some(LEASE_NAMESPACE), name, &attempt, FIELD_MANAGER).await {
                tracing::warn!(schedule = name, error = %e, "cannot record the attempt; not running the backup now");
                return;
            }
            run_schedule(ctx, &schedule, &record, now).await.map(|backup| (schedule, backup))
        }
        Err(e) => {
            // A bad schedule is reported once, not at every tick.
            if annotations[BACKUP_LAST_ERROR_ANNOTATION].as_str() == Some(&e.to_string()) {
                return;
            }
            Err(CliError::usage(e.to_string()))
        }
    };
    let mut patch = json!({ BACKUP_LAST_ATTEMPT_ANNOTATION: now.to_string() });
    match &outcome {
        Ok((_, (backup, kept))) => {
            tracing::info!(schedule = name, backup, "scheduled backup written");
            patch[BACKUP_LAST_SUCCESS_ANNOTATION] = json!(now.to_string());
            patch[BACKUP_LAST_BACKUP_ANNOTATION] = json!(backup);
            patch[BACKUP_WRITTEN_ANNOTATION] = json!(serde_json::to_string(kept).expect("the record serializes"));
            patch[BACKUP_LAST_ERROR_ANNOTATION] = Value::Null;
            ctx.metrics.record_backup(name, Some(now.as_second()));
        }
        Err(e) => {
            tracing::warn!(schedule = name, error = %e.message, "scheduled backup failed");
            patch[BACKUP_LAST_ERROR_ANNOTATION] = json!(e.message);
            ctx.metrics.record_backup(name, None);
        }
    }
    let patch = json!({"metadata": {"annotations": patch}});
    if let Err(e) = at.merge_patch(configmaps, Some(LEASE_NAMESPACE), name, &patch, FIELD_MANAGER).await {
        tracing::warn!(schedule = name, error = %e, "cannot record the backup schedule's outcome");
    }
}

/// One run of `schedule`: the backup's name when it was written, and the schedule's record of
/// its backups after retention (`record`: the record before this run).
async fn run_schedule(
    ctx: &Context,
    schedule: &Schedule,
    record: &[WrittenBackup],
    now: jiff::Timestamp,
) -> Result<(String, Vec<WrittenBackup>), CliError> {
    let wanted = (!schedule.all_bound).then_some(schedule.workspaces.as_slice());
    let sources = match ctx.hub.provider() {
        // Through the export's virtual workspaces: what the controller's own role reaches.
        Some(provider) => {
            let types: Vec<Resource> = ctx.workload_types.iter().map(|t| t.resource.clone()).collect();
            export_sources(&ctx.hub.watch, provider, &types, wanted).await?
        }
        // One workspace served directly: that one (or those named).
        None => {
            let named: Vec<String> = match wanted {
                Some(named) => named.to_vec(),
                None if !ctx.hub.default_cluster.is_empty() => vec![ctx.hub.default_cluster.to_string()],
                None => {
                    return Err(CliError::usage(
                        "a schedule without --workspaces needs a controller serving every bound workspace of kcp",
                    ))
                }
            };
            let workspaces = named
                .iter()
                .map(|w| w.parse().map_err(|e| CliError::usage(format!("workspace {w}: {e}"))))
                .collect::<Result<Vec<WorkspacePath>, _>>()?;
            direct_sources(&ctx.hub.lease, &workspaces).await?
        }
    };
    let location = Location::parse(schedule.to.as_deref())?;
    let (captured, objects) = capture(ctx.hub.lease.url(), &sources, schedule.include_secrets).await?;
    // Encoding, compressing and encrypting take the CPU for a while: off the async threads,
    // where the lease is renewed.
    let encrypt_to = schedule.encrypt_to.clone();
    let bytes = tokio::task::spawn_blocking(move || {
        let archive =
            encode(&captured, &objects).map_err(|e| CliError::new(crate::error::ExitKind::Failure, e.to_string()))?;
        if encrypt_to.is_empty() {
            Ok(archive)
        } else {
            seal(&archive, &SealTo::Recipients(encrypt_to)).map_err(|e| CliError::usage(e.to_string()))
        }
    })
    .await
    .map_err(|e| CliError::new(crate::error::ExitKind::Failure, format!("encoding the backup stopped: {e}")))??;
    let name = schedule.backup_name(now);
    location.write(&name, bytes).await?;
    let (kept, expired) = schedule.retain(record, WrittenBackup { name: name.clone(), created_at: now.to_string() });
    for old in &expired {
        location.delete(old).await?;
    }
    Ok((name, kept))
}
