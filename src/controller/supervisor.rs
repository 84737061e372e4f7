//! Runs the controller: resolves the hub, starts one cache per type, waits to lead, then runs
//! each loop's workers in tasks of their own, until a signal, a lost lease, or a fatal error.
//!
//! ```text
//! resolve hub ─► reflectors (clusters, placements, secrets) ─► dispatch changes to loops' queues
//!            └─► elect (standby: caches warm, nothing written) ─► workers: health ×N, placement ×M
//!                 timers · resync · gauges                         │
//! stop signal ─► drop every task ─► release the lease (bounded) ◄──┘
//! ```
//!
//! Every await of the main task races the stop signal, so SIGTERM ends the process within the
//! release deadline even while kcp is frozen or a thousand probes are in flight.

use std::convert::Infallible;
use std::future::Future;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use tokio::task::JoinSet;

use crate::api::ownership::CREDENTIALS_CLUSTER_LABEL;
use crate::api::{ClusterRegistration, WorkloadPlacement};
use crate::client::{ClientError, Connection, Resource};
use crate::observability::{Health, Metrics};

use super::context::{Context, LoopSettings};
use super::downstream::Downstream;
use super::error::ReconcileError;
use super::health_loop::{self, ClusterReport, HealthLoop};
use super::hub::{Hub, Scope};
use super::placement_loop::{self, DecisionReport, PlacementLoop};
use super::runtime::{
    identity, warn_about_other_holders, Cached, Change, Elector, LeadershipLost, LeaseTiming, ObjectKey, Reflector,
    Store, WorkQueue, WriteGate,
};
use super::sync_loop::{self, is_ready, NamespaceObject, ReferencedKind, ReferencedObject, SyncLoop, WorkloadObject};
use super::workload_types::{self, WorkloadType};

/// How long a stopping controller may spend giving up its lease.
const RELEASE_DEADLINE: Duration = Duration::from_secs(1);
/// How often queue depths, cache hit rates and the leader gauge are refreshed.
const GAUGE_PERIOD: Duration = Duration::from_secs(1);
/// How often downstream watches are started for new registrations (and stopped for gone ones).
const DOWNSTREAM_REFRESH: Duration = Duration::from_secs(2);
/// How long the sync loop waits at start for the watches of Ready clusters to list.
const DOWNSTREAM_FIRST_LIST: Duration = Duration::from_secs(30);

/// What `controller run` asked for.
#[derive(Clone, Debug)]
pub struct ControllerConfig {
    /// Which workspaces to serve.
    pub scope: Scope,
    /// How the loops behave.
    pub loops: LoopSettings,
    /// Leader election timing; `None` runs without election (`--leader-elect=false`).
    pub election: Option<LeaseTiming>,
}

/// Why the controller stopped on request.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stop {
    /// SIGINT (Ctrl-C).
    Interrupt,
    /// SIGTERM.
    Terminate,
}

/// Why the controller could not go on.
#[derive(Debug, thiserror::Error)]
pub enum ControllerError {
    /// kcp could not be reached or refused what the controller needs at start.
    #[error("{0}")]
    Hub(#[from] ClientError),
    /// The leader could not renew its lease in time; it stopped writing.
    #[error("{0}")]
    LeadershipLost(#[from] LeadershipLost),
    /// `--once` could not fill its caches in time.
    #[error("the caches did not sync within {}s", .0.as_secs())]
    NotSynced(Duration),
}

/// What `--once` saw and did.
#[derive(Debug, Default)]
pub struct OnceReport {
    /// Each cluster probed.
    pub clusters: Vec<ClusterReport>,
    /// Each placement decided.
    pub placements: Vec<DecisionReport>,
    /// Reconciles that failed: (key, error).
    pub failures: Vec<(String, String)>,
}

/// Runs until `stop` resolves (then returns which signal it was) or the controller cannot go
/// on. `health` is set ready once the caches are synced (and, leading, the lease is held).
pub async fn run(
    kcp: Connection,
    config: ControllerConfig,
    metrics: Arc<Metrics>,
    health: Health,
    stop: impl Future<Output = Stop>,
) -> Result<Stop, ControllerError> {
    let elector: Arc<Mutex<Option<Arc<Elector>>>> = Arc::default();
    let outcome = tokio::select! {
        failed = serve(kcp, config, metrics, health.clone(), elector.clone()) => Err(match failed {
            Err(e) => e,
            Ok(never) => match never {},
        }),
        signal = stop => Ok(signal),
    };
    // Every task of `serve` was dropped (and so aborted) with it; nothing writes any more.
    health.set_ready(false);
    let held = elector.lock().unwrap_or_else(|e| e.into_inner()).take();
    if let (Some(elector), Ok(_)) = (held, &outcome) {
        match tokio::time::timeout(RELEASE_DEADLINE, elector.release()).await {
            Ok(Ok(())) => tracing::info!("released the leader lease"),
            Ok(Err(e)) => tracing::warn!(error = %e, "could not release the leader lease; it expires by itself"),
            Err(_) => tracing::warn!("kcp did not answer the lease release in time; it expires by itself"),
        }
    }
    outcome
}

async fn serve(
    kcp: Connection,
    config: ControllerConfig,
    metrics: Arc<Metrics>,
    health: Health,
    elector_slot: Arc<Mutex<Option<Arc<Elector>>>>,
) -> Result<Infallible, ControllerError> {
    let hub = Hub::resolve(&kcp, &config.scope).await?;
    tracing::info!(hub = %hub.description, "serving");
    let elector = config.election.map(|timing| Arc::new(Elector::new(hub.lease.clone(), identity(), timing)));
    let gate = elector.as_ref().map_or_else(WriteGate::always_open, |e| e.gate());
    let mut tasks = JoinSet::new();
    let types = synced_types(&hub).await?;
    let (ctx, health_loop, placement_loop, sync_loop) =
        start_caches(hub, types, gate, metrics.clone(), config.loops, &mut tasks)?;
    metrics.set_leader(elector.is_none());
    match &elector {
        None => {
            tracing::warn!("leader election is off (--leader-elect=false): run only one replica");
            tasks.spawn(warn_about_other_holders(ctx.hub.lease.clone(), LeaseTiming::default().retry_period));
        }
        Some(elector) => {
            *elector_slot.lock().unwrap_or_else(|e| e.into_inner()) = Some(elector.clone());
        }
    }
    tasks.spawn(refresh_gauges(
        ctx.clone(),
        [
            (health_loop::CONTROLLER, health_loop.queue.clone()),
            (placement_loop::CONTROLLER, placement_loop.queue.clone()),
        ],
        placement_loop.clone(),
        sync_loop.clone(),
        health,
        elector.is_some(),
    ));
    if let Some(elector) = &elector {
        tracing::info!(identity = %elector.identity(), "waiting to lead");
        elector.acquire().await;
        metrics.set_leader(true);
    }
    // Deciding before every cache is full would decide on part of the inventory (and write,
    // then write back once the rest arrives): a flap. The loops start on complete caches; a
    // leader keeps renewing meanwhile, and stops if it cannot (kcp may go away while it waits).
    let synced = async {
        while !ctx.caches_synced() {
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
    };
    leading_while(elector.as_deref(), &metrics, synced).await?;
    start_workers(&ctx, &health_loop, &placement_loop, &mut tasks);
    tasks.spawn(super::backup_loop::run(ctx.clone()));
    // Likewise the sync loop and the clusters' copies: started before the watches listed, it
    // would see no copy, write every status as Pending and then back (a restart with 1,000
    // synced workloads wrote 622 statuses). A cluster whose watch cannot list (the type not
    // served there) holds it back only so long.
    let listed = async {
        let started = tokio::time::Instant::now();
        let ready = |r: &ObjectKey| ctx.clusters.get(r).is_some_and(|c| is_ready(&c));
        while !sync_loop.downstream.listed(&ctx.clusters.keys(), ready) && started.elapsed() < DOWNSTREAM_FIRST_LIST {
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    };
    leading_while(elector.as_deref(), &metrics, listed).await?;
    start_sync_workers(&ctx, &sync_loop, &mut tasks);
    match elector {
        Some(elector) => {
            let lost = elector.keep().await;
            metrics.set_leader(false);
            Err(lost.into())
        }
        None => {
            // Runs until stopped; a task ending would be a bug, reported as such.
            loop {
                if tasks.join_next().await.is_none() {
                    std::future::pending::<()>().await;
                }
            }
        }
    }
}

/// Resolves the hub, fills the caches and waits until they synced, then runs each loop over
/// every key once. Writes without election: `--once` is a one-shot pass for CI and scripts.
pub async fn run_once(
    kcp: Connection,
    config: ControllerConfig,
    metrics: Arc<Metrics>,
    sync_limit: Duration,
) -> Result<OnceReport, ControllerError> {
    let hub = Hub::resolve(&kcp, &config.scope).await?;
    let mut tasks = JoinSet::new();
    // One pass decides placements and probes clusters; syncing workloads needs the watches of
    // every cluster and is the long-running controller's job.
    let (ctx, health_loop, placement_loop, _) =
        start_caches(hub, Vec::new(), WriteGate::always_open(), metrics, config.loops, &mut tasks)?;
    let started = Instant::now();
    while !ctx.caches_synced() {
        if started.elapsed() > sync_limit {
            return Err(ControllerError::NotSynced(sync_limit));
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let mut report = OnceReport::default();
    let clusters = ctx.clusters.keys();
    let probes = clusters.iter().map(|key| {
        let health_loop = health_loop.clone();
        async move { (key, health_loop.reconcile(key).await) }
    });
    let outcomes: Vec<_> = futures::StreamExt::collect(futures::StreamExt::buffered(
        futures::stream::iter(probes),
        ctx.settings.probe_workers,
    ))
    .await;
    let mut written = Vec::new();
    for (key, outcome) in outcomes {
        match outcome {
            Ok(Some(cluster)) => {
                written.extend(cluster.written_version.clone().map(|v| (key.clone(), v)));
                report.clusters.push(cluster);
            }
            Ok(None) => {}
            Err(e) => report.failures.push((key.to_string(), e.to_string())),
        }
    }
    // Placements are decided on the health just written: wait (briefly) until the cache has it.
    let started = Instant::now();
    while started.elapsed() < sync_limit
        && !written.iter().all(|(key, version)| {
            ctx.clusters.get(key).is_some_and(|c| at_least(c.metadata.resource_version.as_deref(), version))
        })
    {
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    for key in ctx.placements.keys() {
        match placement_loop.reconcile(&key).await {
            Ok(Some(decision)) => report.placements.push(decision),
            Ok(None) => {}
            Err(e) => report.failures.push((key.to_string(), e.to_string())),
        }
    }
    Ok(report)
}

/// Whether a cached resourceVersion is the written one or newer (kcp's are numbers; any other
/// server's are compared for equality only).
fn at_least(cached: Option<&str>, written: &str) -> bool {
    match (cached.and_then(|c| c.parse::<u64>().ok()), written.parse::<u64>().ok()) {
        (Some(c), Some(w)) => c >= w,
        _ => cached == Some(written),
    }
}

type Loops = (Arc<Context>, Arc<HealthLoop>, Arc<PlacementLoop>, Arc<SyncLoop>);

/// The workload types the export publishes; none on a plain Kubernetes hub.
async fn synced_types(hub: &Hub) -> Result<Vec<WorkloadType>, ClientError> {
    let Some(location) = hub.export_location() else { return Ok(Vec::new()) };
    let types = workload_types::resolve(location).await?;
    let names: Vec<String> = types.iter().map(WorkloadType::name).collect();
    if names.is_empty() {
        tracing::info!("the TMC APIExport publishes no workload types (install --workload-apis); nothing to sync");
    } else {
        tracing::info!(types = %names.join(","), "syncing workload types");
    }
    Ok(types)
}

/// Starts a reflector per type and a dispatcher that turns each change into queued keys.
fn start_caches(
    hub: Hub,
    types: Vec<WorkloadType>,
    gate: WriteGate,
    metrics: Arc<Metrics>,
    settings: LoopSettings,
    tasks: &mut JoinSet<()>,
) -> Result<Loops, ClientError> {
    let workloads = types.iter().map(|_| Arc::default()).collect();
    let ctx = Arc::new(Context {
        hub,
        clusters: Arc::default(),
        placements: Arc::default(),
        secrets: Arc::default(),
        workload_types: Arc::new(types),
        workloads,
        namespaces: Arc::default(),
        cluster_clients: Default::default(),
        metrics,
        gate,
        settings,
    });
    let health_loop = Arc::new(HealthLoop::new(ctx.clone()));
    let placement_loop = Arc::new(PlacementLoop::new(ctx.clone()));
    let (downstream_changes, mut downstream_receiver) = mpsc::unbounded_channel();
    let downstream = Arc::new(Downstream::new(ctx.workload_types.clone(), downstream_changes));
    let sync_loop = Arc::new(SyncLoop::new(ctx.clone(), downstream));
    tasks.spawn({
        let sync_loop = sync_loop.clone();
        async move {
            while let Some(change) = downstream_receiver.recv().await {
                sync_loop.on_downstream(&change);
            }
        }
    });
    let secrets = Resource::new("", "v1", "Secret", "secrets", true);
    for connection in &ctx.hub.watch {
        let clusters = reflect(&ctx, connection, &ctx.clusters, Resource::of::<ClusterRegistration>(), None, tasks)?;
        let placements = reflect(&ctx, connection, &ctx.placements, Resource::of::<WorkloadPlacement>(), None, tasks)?;
        let credentials =
            reflect(&ctx, connection, &ctx.secrets, secrets.clone(), Some(CREDENTIALS_CLUSTER_LABEL), tasks)?;
        tasks.spawn(dispatch(clusters, {
            let (h, p, s) = (health_loop.clone(), placement_loop.clone(), sync_loop.clone());
            move |change| {
                h.on_cluster(&change);
                p.on_cluster(&change);
                s.on_cluster(&change);
            }
        }));
        tasks.spawn(dispatch_all(placements, {
            let (p, s) = (placement_loop.clone(), sync_loop.clone());
            move |change| {
                p.on_placement(&change);
                s.on_placement(&change);
            }
        }));
        if !ctx.workload_types.is_empty() {
            let namespaces = Resource::new("", "v1", "Namespace", "namespaces", false);
            let namespaces = reflect::<NamespaceObject>(&ctx, connection, &ctx.namespaces, namespaces, None, tasks)?;
            tasks.spawn(dispatch(namespaces, {
                let s = sync_loop.clone();
                move |change| s.on_namespace(&change)
            }));
        }
        if !ctx.workload_types.is_empty() {
            // Edits of what pod templates refer to reach the clusters without waiting for the
            // workload's next change. Not part of readiness: a workspace bound before these
            // claims existed still syncs, picking edits up at the resync.
            for (kind, resource) in [
                (ReferencedKind::ConfigMap, Resource::new("", "v1", "ConfigMap", "configmaps", true)),
                (ReferencedKind::Secret, secrets.clone()),
            ] {
                let store: Arc<Store<ReferencedObject>> = Arc::default();
                let changes = reflect(&ctx, connection, &store, resource, None, tasks)?;
                tasks.spawn(dispatch(changes, {
                    let s = sync_loop.clone();
                    move |change| s.on_referenced(kind, &change)
                }));
            }
        }
        for (type_index, ty) in ctx.workload_types.iter().enumerate() {
            let store = &ctx.workloads[type_index];
            let changes = reflect::<WorkloadObject>(&ctx, connection, store, ty.resource.clone(), None, tasks)?;
            tasks.spawn(dispatch(changes, {
                let s = sync_loop.clone();
                move |change| s.on_workload(type_index, &change)
            }));
        }
        tasks.spawn(dispatch(credentials, {
            let h = health_loop.clone();
            move |change| h.on_secret(&change)
        }));
    }
    if !ctx.workload_types.is_empty() {
        let (ctx, downstream) = (ctx.clone(), sync_loop.downstream.clone());
        tasks.spawn(async move {
            let mut tick = tokio::time::interval(DOWNSTREAM_REFRESH);
            loop {
                tick.tick().await;
                if ctx.clusters.is_synced() {
                    downstream.refresh(&ctx).await;
                    super::leaving::tend(&ctx, &downstream).await;
                }
            }
        });
    }
    Ok((ctx, health_loop, placement_loop, sync_loop))
}

fn reflect<T: Cached>(
    ctx: &Context,
    connection: &Connection,
    store: &Arc<Store<T>>,
    resource: Resource,
    label_selector: Option<&str>,
    tasks: &mut JoinSet<()>,
) -> Result<mpsc::UnboundedReceiver<Change<T>>, ClientError> {
    let (sender, receiver) = mpsc::unbounded_channel();
    let reflector = Reflector {
        store: store.clone(),
        connection: connection.clone(),
        resource,
        label_selector: label_selector.map(String::from),
        default_cluster: ctx.hub.default_cluster.clone(),
    };
    let handle = reflector.spawn(sender)?;
    tasks.spawn(async move {
        // The reflector runs until the set is dropped; abort it with its owner.
        let _ = handle.await;
    });
    Ok(receiver)
}

/// Hands each change to `handle`, but for reports of objects that no longer decode (their
/// last good version is kept, so for most loops nothing changed): see [`dispatch_all`].
async fn dispatch<T>(mut changes: mpsc::UnboundedReceiver<Change<T>>, handle: impl Fn(Change<T>)) {
    while let Some(change) = changes.recv().await {
        if change.invalid.is_none() {
            handle(change);
        }
    }
}

/// Hands every change to `handle`, reports of objects that no longer decode included.
async fn dispatch_all<T>(mut changes: mpsc::UnboundedReceiver<Change<T>>, handle: impl Fn(Change<T>)) {
    while let Some(change) = changes.recv().await {
        handle(change);
    }
}

/// The workers, timers and resync of both loops.
fn start_workers(
    ctx: &Arc<Context>,
    health: &Arc<HealthLoop>,
    placement: &Arc<PlacementLoop>,
    tasks: &mut JoinSet<()>,
) {
    // A new leader decides everything once: it cannot know what a previous leader missed.
    for key in ctx.clusters.keys() {
        health.queue.add_resync(key);
    }
    for key in ctx.placements.keys() {
        placement.queue.add_resync(key);
    }
    for queue in [&health.queue, &placement.queue] {
        let queue = queue.clone();
        tasks.spawn(async move { queue.run_timers().await });
    }
    for _ in 0..ctx.settings.probe_workers.max(1) {
        let (loop_, queue) = (health.clone(), health.queue.clone());
        tasks.spawn(work(health_loop::CONTROLLER, queue, ctx.metrics.clone(), move |key| {
            let loop_ = loop_.clone();
            async move { loop_.reconcile(&key).await.map(|_| ()) }
        }));
    }
    for _ in 0..ctx.settings.placement_workers.max(1) {
        let (loop_, queue) = (placement.clone(), placement.queue.clone());
        tasks.spawn(work(placement_loop::CONTROLLER, queue, ctx.metrics.clone(), move |key| {
            let loop_ = loop_.clone();
            async move { loop_.reconcile(&key).await.map(|_| ()) }
        }));
    }
    let (ctx, placement) = (ctx.clone(), placement.clone());
    tasks.spawn(async move {
        let mut resync = tokio::time::interval(ctx.settings.resync_period);
        resync.tick().await;
        loop {
            resync.tick().await;
            for key in ctx.placements.keys() {
                placement.queue.add_resync(key);
            }
        }
    });
}

/// Waits for `until`, renewing the lease meanwhile when there is one: a leader that loses it
/// while waiting stops (with the loss as its error) instead of starting loops it cannot lead.
async fn leading_while(
    elector: Option<&Elector>,
    metrics: &Metrics,
    until: impl std::future::Future<Output = ()>,
) -> Result<(), ControllerError> {
    let Some(elector) = elector else {
        until.await;
        return Ok(());
    };
    tokio::select! {
        () = until => Ok(()),
        lost = elector.keep() => {
            metrics.set_leader(false);
            Err(lost.into())
        }
    }
}

/// The sync loop's workers, timers and resync (nothing without workload types).
fn start_sync_workers(ctx: &Arc<Context>, sync: &Arc<SyncLoop>, tasks: &mut JoinSet<()>) {
    if ctx.workload_types.is_empty() {
        return;
    }
    for key in sync.keys() {
        sync.queue.add_resync(key);
    }
    let queue = sync.queue.clone();
    tasks.spawn(async move { queue.run_timers().await });
    for _ in 0..ctx.settings.sync_workers.max(1) {
        let (loop_, queue) = (sync.clone(), sync.queue.clone());
        tasks.spawn(work(sync_loop::CONTROLLER, queue, ctx.metrics.clone(), move |key| {
            let loop_ = loop_.clone();
            async move { loop_.reconcile(&key).await }
        }));
    }
    let (ctx, sync) = (ctx.clone(), sync.clone());
    tasks.spawn(async move {
        let mut resync = tokio::time::interval(ctx.settings.resync_period);
        resync.tick().await;
        loop {
            resync.tick().await;
            for key in sync.keys() {
                sync.queue.add_resync(key);
            }
        }
    });
}

/// One worker: reconciles keys one at a time; a failure comes back after its back-off. A
/// reconcile that panics is a failure like any other (counted as `error_type="panic"`): the
/// worker goes on, and the key is not left held.
async fn work<K, F, Fut>(controller: &'static str, queue: Arc<WorkQueue<K>>, metrics: Arc<Metrics>, reconcile: F)
where
    K: Clone + Eq + std::hash::Hash + Send + std::fmt::Display + 'static,
    F: Fn(K) -> Fut,
    Fut: Future<Output = Result<(), ReconcileError>>,
{
    while let Some(key) = queue.next().await {
        let started = Instant::now();
        // Every line logged while reconciling names the key: logical cluster, namespace, name.
        let span = tracing::info_span!("reconcile", controller, key = %key);
        let reconciled = tracing::Instrument::instrument(reconcile(key.clone()), span.clone());
        let outcome = match futures::FutureExt::catch_unwind(std::panic::AssertUnwindSafe(reconciled)).await {
            Ok(outcome) => outcome,
            Err(panic) => Err(ReconcileError::Panicked(panic_message(panic.as_ref()))),
        };
        match outcome {
            Ok(()) => {
                queue.forget(&key);
                metrics.count_reconcile(controller, "success");
            }
            Err(e) => {
                crate::observability::traces::record_error(&span, &e.to_string());
                metrics.count_reconcile(controller, "error");
                metrics.count_error(controller, e.metric_label());
                let delay = queue.retry(key.clone());
                tracing::warn!(controller, key = %key, error = %e, retry_in_ms = delay.as_millis() as u64, "reconcile failed");
            }
        }
        metrics.observe_reconcile(controller, started.elapsed().as_secs_f64());
        queue.done(&key);
    }
}

/// What a panic said, when it said it with a string (as `panic!` and `expect` do).
fn panic_message(payload: &(dyn std::any::Any + Send)) -> String {
    payload
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| payload.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic without a message".into())
}

/// Refreshes the gauges and readiness every [`GAUGE_PERIOD`].
async fn refresh_gauges(
    ctx: Arc<Context>,
    queues: [(&'static str, Arc<WorkQueue<ObjectKey>>); 2],
    placement_loop: Arc<PlacementLoop>,
    sync_loop: Arc<SyncLoop>,
    health: Health,
    electing: bool,
) {
    let mut tick = tokio::time::interval(GAUGE_PERIOD);
    loop {
        tick.tick().await;
        let metrics = &ctx.metrics;
        for (controller, queue) in &queues {
            metrics.set_queue_depth(controller, queue.len());
        }
        metrics.set_queue_depth(sync_loop::CONTROLLER, sync_loop.queue.len());
        let (_, copies) = sync_loop.downstream.stats();
        let workloads: usize = ctx.workloads.iter().map(|s| s.len()).sum();
        let (hits, misses) = ctx.workloads.iter().fold((0, 0), |(h, m), s| {
            let (sh, sm) = s.reads();
            (h + sh, m + sm)
        });
        metrics.set_cache("workloads", workloads, hits, misses);
        metrics.set_cache("downstream", copies, 0, 0);
        for (name, len, (hits, misses)) in [
            ("clusters", ctx.clusters.len(), ctx.clusters.reads()),
            ("placements", ctx.placements.len(), ctx.placements.reads()),
            ("secrets", ctx.secrets.len(), ctx.secrets.reads()),
        ] {
            metrics.set_cache(name, len, hits, misses);
        }
        let (held, hits, misses) = ctx.cluster_clients.stats();
        metrics.set_cache("cluster_clients", held, hits, misses);
        let (held, hits, misses) = placement_loop.inventory_cache();
        metrics.set_cache("inventories", held, hits, misses);
        metrics.set_throttled(ctx.hub.watch.iter().map(Connection::throttled_requests).sum());
        metrics.set_requests(ctx.hub.watch.iter().map(Connection::requests_sent).sum());
        // Ready once the caches hold everything; a leader also needs its lease.
        let leading_ok = !electing || !ctx.gate.has_led() || ctx.gate.may_write();
        health.set_ready(ctx.caches_synced() && leading_ok);
    }
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicBool, Ordering};

    use super::*;

    #[tokio::test]
    async fn a_reconcile_that_panics_is_counted_retried_and_the_worker_goes_on() {
        let queue: Arc<WorkQueue<String>> = Arc::default();
        let metrics = Arc::new(Metrics::new());
        let (done, mut finished) = mpsc::unbounded_channel::<String>();
        let panicked = Arc::new(AtomicBool::new(false));
        let timers = tokio::spawn({
            let queue = queue.clone();
            async move { queue.run_timers().await }
        });
        let worker = tokio::spawn(work("sync", queue.clone(), metrics.clone(), move |key: String| {
            let (done, panicked) = (done.clone(), panicked.clone());
            async move {
                if key == "boom" && !panicked.swap(true, Ordering::SeqCst) {
                    panic!("a bug in a reconcile");
                }
                let _ = done.send(key);
                Ok(())
            }
        }));
        queue.add("boom".to_string());
        queue.add("fine".to_string());
        let mut seen = Vec::new();
        while seen.len() < 2 {
            let key = tokio::time::timeout(Duration::from_secs(5), finished.recv()).await.expect("a key was stuck");
            seen.extend(key);
        }
        seen.sort();
        assert_eq!(seen, ["boom", "fine"], "the worker stopped, or the panicked key was never retried");
        let text = metrics.encode();
        assert!(
            text.lines().any(|l| l.starts_with("tmc_controller_errors_total{")
                && l.contains("error_type=\"panic\"")
                && l.ends_with(" 1")),
            "{text}"
        );
        queue.close();
        worker.await.unwrap();
        timers.abort();
    }

    #[test]
    fn a_panic_says_what_it_said() {
        let caught = std::panic::catch_unwind(|| panic!("with {}", "a value")).unwrap_err();
        assert_eq!(panic_message(caught.as_ref()), "with a value");
        let caught = std::panic::catch_unwind(|| std::panic::panic_any(7)).unwrap_err();
        assert_eq!(panic_message(caught.as_ref()), "a panic without a message");
    }
}
