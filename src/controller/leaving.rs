//! Registrations leaving the fleet: the finalizer that holds a registration with deletion
//! policy `Delete` until its cluster holds no copy (the sync loop removes them, see
//! [`crate::sync::leaving`]), and its release — at once when the cluster is empty, after
//! [`UNREGISTER_TIMEOUT`] when it cannot be emptied.
//!
//! ```text
//! every few seconds, leader only ─► each registration ─► policy Delete, not deleting ─► hold finalizer
//!                                                    ├─► policy Retain ─► release finalizer
//!                                                    └─► deleting ─► copies held (Downstream) ─► release?
//! ```

use std::time::Duration;

use serde_json::json;

use crate::api::ownership::{finalizer_patch, has_finalizer, UNREGISTER_FINALIZER};
use crate::api::ClusterRegistration;
use crate::client::Resource;
use crate::sync::leaving::{holds_copies, release, Release, UNREGISTER_TIMEOUT};

use super::context::Context;
use super::downstream::Downstream;
use super::runtime::ObjectKey;
use super::FIELD_MANAGER;

/// Adds or releases the finalizer of every registration as its deletion policy and its
/// cluster's copies say. A follower does nothing; a failed write is tried again next time.
pub async fn tend(ctx: &Context, downstream: &Downstream) {
    if ctx.may_write().is_err() {
        return;
    }
    let now = jiff::Timestamp::now();
    for key in ctx.clusters.keys() {
        let Some(registration) = ctx.clusters.get(&key) else { continue };
        let object = json!({"metadata": &registration.metadata});
        let held = has_finalizer(&object, UNREGISTER_FINALIZER);
        let wanted = match &registration.metadata.deletion_timestamp {
            None => holds_copies(registration.spec.deletion_policy),
            Some(_) if !held => continue,
            Some(since) => {
                let deleting_for = Duration::try_from(now.duration_since(since.0)).unwrap_or_default();
                match release(downstream.held_by(&key), deleting_for, UNREGISTER_TIMEOUT) {
                    Release::Hold => true,
                    Release::Now => {
                        tracing::info!(cluster = %key, "no copy left on the cluster; its registration goes");
                        false
                    }
                    Release::TimedOut { remaining } => {
                        let remaining = remaining.map_or("an unknown number of".to_string(), |n| n.to_string());
                        tracing::warn!(
                            cluster = %key,
                            "{remaining} copies could not be removed in {}; the registration goes and \
                             each workload reports its copy there as left behind",
                            humantime::format_duration(UNREGISTER_TIMEOUT)
                        );
                        false
                    }
                }
            }
        };
        if wanted != held {
            set_finalizer(ctx, &key, &object, wanted).await;
        }
    }
}

async fn set_finalizer(ctx: &Context, key: &ObjectKey, object: &serde_json::Value, held: bool) {
    let patch = finalizer_patch(object, UNREGISTER_FINALIZER, held);
    let writer = ctx.hub.writer(&key.cluster);
    let resource = Resource::of::<ClusterRegistration>();
    match writer.merge_patch(&resource, None, &key.name, &patch, FIELD_MANAGER).await {
        Ok(_) => ctx.metrics.count_write(super::health_loop::CONTROLLER),
        // Changed or gone meanwhile: the cache brings the new version, and the next pass.
        Err(e) => tracing::debug!(cluster = %key, error = %e, "registration finalizer not written; next pass"),
    }
}
