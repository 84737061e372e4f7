//! Leader election on a `coordination.k8s.io/v1` Lease, as client-go does it, so that of
//! several replicas exactly one writes while the others keep their caches warm.
//!
//! ```text
//! standby: every retry period, read the Lease ─► free, ours, or unchanged for a whole lease
//!          duration (by OUR monotonic clock)? ─► take it (update with its resourceVersion)
//! leader:  every retry period, renew ─► not renewed within the renew deadline? ─► stop writing
//! SIGTERM: release (holder "" and a 1 s duration), so a standby takes over at its next try
//! ```
//!
//! Expiry is judged only by when *this* process last saw the record change, on its own
//! monotonic clock — never by comparing `renewTime` with the local wall clock — so replicas
//! whose clocks disagree by minutes still cannot both believe they lead.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};
use tokio::time::Instant;

use crate::client::{ClientError, Connection, Resource};

/// The Lease's name, in [`LEASE_NAMESPACE`] of the provider workspace.
pub const LEASE_NAME: &str = "tmcctl-controller";
/// The namespace of the Lease (created when missing).
pub const LEASE_NAMESPACE: &str = "tmc-system";

/// Timing of the election (client-go's defaults: 15 s, 10 s, 2 s).
#[derive(Clone, Copy, Debug)]
pub struct LeaseTiming {
    /// How long a holder's claim lasts without renewal.
    pub lease_duration: Duration,
    /// How long a leader keeps trying to renew before it gives up leading.
    pub renew_deadline: Duration,
    /// How often standbys try to take the lease and the leader renews it.
    pub retry_period: Duration,
}

impl Default for LeaseTiming {
    fn default() -> Self {
        LeaseTiming {
            lease_duration: Duration::from_secs(15),
            renew_deadline: Duration::from_secs(10),
            retry_period: Duration::from_secs(2),
        }
    }
}

/// What the Lease says, as far as the election cares.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LeaseRecord {
    /// Who holds it; empty when released.
    pub holder: String,
    /// The holder's claimed duration in seconds.
    pub duration_seconds: i64,
    /// The holder's last renewal, as it wrote it (compared for change, never with our clock).
    pub renew_time: String,
    /// How often the lease changed hands.
    pub transitions: i64,
}

impl LeaseRecord {
    fn from_lease(lease: &Value) -> Self {
        let spec = &lease["spec"];
        LeaseRecord {
            holder: spec["holderIdentity"].as_str().unwrap_or_default().to_string(),
            duration_seconds: spec["leaseDurationSeconds"].as_i64().unwrap_or(0),
            renew_time: spec["renewTime"].as_str().unwrap_or_default().to_string(),
            transitions: spec["leaseTransitions"].as_i64().unwrap_or(0),
        }
    }
}

/// Whether `me` may take a lease whose record is `record`, last seen to change at
/// `changed_at` (our monotonic clock), at `now`.
pub fn may_take(me: &str, record: &LeaseRecord, changed_at: Instant, now: Instant) -> bool {
    let claimed = Duration::from_secs(record.duration_seconds.max(0) as u64);
    record.holder.is_empty() || record.holder == me || now.saturating_duration_since(changed_at) >= claimed
}

/// Whether this process may write: true while it leads (or runs without election), false from
/// the moment its renew deadline passes. Every write of every loop asks it first.
#[derive(Clone)]
pub struct WriteGate {
    open: Arc<AtomicBool>,
    /// When the lease was last renewed; `None` without election.
    renewed: Arc<Mutex<Option<(Instant, Duration)>>>,
}

impl WriteGate {
    /// A gate for a controller that runs without election: always open.
    pub fn always_open() -> Self {
        WriteGate { open: Arc::new(AtomicBool::new(true)), renewed: Arc::new(Mutex::new(None)) }
    }

    fn closed() -> Self {
        WriteGate { open: Arc::new(AtomicBool::new(false)), renewed: Arc::new(Mutex::new(None)) }
    }

    /// Whether a write may go out now.
    pub fn may_write(&self) -> bool {
        if !self.open.load(Ordering::Acquire) {
            return false;
        }
        // Even if the renewing task is stalled, a lease not renewed in time closes the gate.
        match *self.renewed.lock().unwrap_or_else(|e| e.into_inner()) {
            Some((at, deadline)) => at.elapsed() < deadline,
            None => true,
        }
    }

    /// Whether this replica has held the lease at some point (a standby never has).
    pub fn has_led(&self) -> bool {
        self.renewed.lock().unwrap_or_else(|e| e.into_inner()).is_some()
    }

    fn renewed_at(&self, at: Instant, deadline: Duration) {
        *self.renewed.lock().unwrap_or_else(|e| e.into_inner()) = Some((at, deadline));
        self.open.store(true, Ordering::Release);
    }

    fn close(&self) {
        self.open.store(false, Ordering::Release);
    }
}

/// One replica's side of the election.
pub struct Elector {
    connection: Connection,
    identity: String,
    timing: LeaseTiming,
    gate: WriteGate,
    /// The record as last seen, and when it was first seen so (monotonic).
    seen: Mutex<Option<(LeaseRecord, Instant)>>,
}

/// Why the leader stopped leading.
#[derive(Debug, thiserror::Error)]
#[error("lost the leader lease {LEASE_NAMESPACE}/{LEASE_NAME}: not renewed within {}s ({cause})", .deadline.as_secs())]
pub struct LeadershipLost {
    /// The renew deadline that passed.
    pub deadline: Duration,
    /// The last renewal error, or who holds it now.
    pub cause: String,
}

/// The Lease resource.
pub fn leases() -> Resource {
    Resource::new("coordination.k8s.io", "v1", "Lease", "leases", true)
}

fn namespaces() -> Resource {
    Resource::new("", "v1", "Namespace", "namespaces", false)
}

/// `2026-12-01T20:00:00.123456Z`: a Kubernetes MicroTime.
fn micro_time() -> String {
    let now = jiff::Timestamp::now();
    format!("{}.{:06}Z", now.strftime("%Y-%m-%dT%H:%M:%S"), now.subsec_microsecond())
}

impl Elector {
    /// An elector for the Lease in `connection`'s workspace, as `identity`.
    pub fn new(connection: Connection, identity: String, timing: LeaseTiming) -> Self {
        Elector { connection, identity, timing, gate: WriteGate::closed(), seen: Mutex::new(None) }
    }

    /// The gate the loops check before writing.
    pub fn gate(&self) -> WriteGate {
        self.gate.clone()
    }

    /// This replica's identity.
    pub fn identity(&self) -> &str {
        &self.identity
    }

    /// Tries until the lease is ours. Errors only when the Lease cannot be created at all.
    pub async fn acquire(&self) {
        let mut logged_holder = String::new();
        loop {
            match self.try_take().await {
                Ok(None) => return,
                Ok(Some(holder)) => {
                    if holder != logged_holder {
                        tracing::info!(holder = %holder, identity = %self.identity, "standing by: another replica leads");
                        logged_holder = holder;
                    }
                }
                Err(e) => tracing::warn!(error = %e, "cannot read or take the leader lease; retrying"),
            }
            tokio::time::sleep(self.timing.retry_period).await;
        }
    }

    /// Renews every retry period until the renew deadline passes without a renewal; then
    /// closes the gate and returns why.
    pub async fn keep(&self) -> LeadershipLost {
        let mut last_renewed = Instant::now();
        let mut cause = String::from("no attempt yet");
        loop {
            tokio::time::sleep(self.timing.retry_period).await;
            let remaining = self.timing.renew_deadline.saturating_sub(last_renewed.elapsed());
            if remaining.is_zero() {
                break;
            }
            // Each attempt may use at most the time left before the deadline.
            match tokio::time::timeout(remaining, self.try_take()).await {
                Ok(Ok(None)) => last_renewed = Instant::now(),
                Ok(Ok(Some(holder))) => {
                    cause = format!("{holder} holds it now");
                    break;
                }
                Ok(Err(e)) => cause = e.to_string(),
                Err(_) => cause = "kcp did not answer".into(),
            }
            if last_renewed.elapsed() >= self.timing.renew_deadline {
                break;
            }
        }
        self.gate.close();
        LeadershipLost { deadline: self.timing.renew_deadline, cause }
    }

    /// Gives the lease up so that a standby takes over at once (on SIGTERM).
    pub async fn release(&self) -> Result<(), ClientError> {
        self.gate.close();
        let Some(mut lease) = self.connection.get(&leases(), Some(LEASE_NAMESPACE), LEASE_NAME).await? else {
            return Ok(());
        };
        if lease["spec"]["holderIdentity"].as_str() != Some(self.identity.as_str()) {
            return Ok(());
        }
        lease["spec"]["holderIdentity"] = json!("");
        lease["spec"]["leaseDurationSeconds"] = json!(1);
        lease["spec"]["renewTime"] = json!(micro_time());
        self.connection.replace(&leases(), &lease).await.map(|_| ())
    }

    /// Reads the Lease and takes or renews it when allowed: `None` when it is ours now,
    /// else the current holder.
    async fn try_take(&self) -> Result<Option<String>, ClientError> {
        let lease = match self.connection.get(&leases(), Some(LEASE_NAMESPACE), LEASE_NAME).await? {
            Some(lease) => lease,
            None => return self.create().await.map(|()| None),
        };
        let record = LeaseRecord::from_lease(&lease);
        let now = Instant::now();
        let changed_at = {
            let mut seen = self.seen.lock().unwrap_or_else(|e| e.into_inner());
            match &*seen {
                Some((previous, at)) if *previous == record => *at,
                _ => {
                    *seen = Some((record.clone(), now));
                    now
                }
            }
        };
        if !may_take(&self.identity, &record, changed_at, now) {
            return Ok(Some(record.holder));
        }
        let mut updated = lease.clone();
        let spec = &mut updated["spec"];
        let renewing = record.holder == self.identity;
        spec["holderIdentity"] = json!(self.identity);
        spec["leaseDurationSeconds"] = json!(self.timing.lease_duration.as_secs());
        spec["renewTime"] = json!(micro_time());
        if !renewing {
            spec["acquireTime"] = json!(micro_time());
            spec["leaseTransitions"] = json!(record.transitions + 1);
        }
        // The resourceVersion in `updated` makes this a compare-and-swap: of two standbys
        // taking an expired lease at once, one gets 409 and stays standby.
        match self.connection.replace(&leases(), &updated).await {
            Ok(_) => {
                self.gate.renewed_at(now, self.timing.renew_deadline);
                if !renewing {
                    tracing::info!(identity = %self.identity, previous = %record.holder, "became the leader");
                }
                Ok(None)
            }
            Err(ClientError::Conflict { .. }) => Ok(Some(record.holder)),
            Err(e) => Err(e),
        }
    }

    async fn create(&self) -> Result<(), ClientError> {
        if self.connection.get(&namespaces(), None, LEASE_NAMESPACE).await?.is_none() {
            let namespace = json!({"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": LEASE_NAMESPACE}});
            match self.connection.create(&namespaces(), &namespace).await {
                Ok(_) | Err(ClientError::Conflict { .. }) => {}
                Err(e) => return Err(e),
            }
        }
        let now = Instant::now();
        let lease = json!({
            "apiVersion": "coordination.k8s.io/v1",
            "kind": "Lease",
            "metadata": {"name": LEASE_NAME, "namespace": LEASE_NAMESPACE},
            "spec": {
                "holderIdentity": self.identity,
                "leaseDurationSeconds": self.timing.lease_duration.as_secs(),
                "acquireTime": micro_time(),
                "renewTime": micro_time(),
                "leaseTransitions": 0,
            },
        });
        match self.connection.create(&leases(), &lease).await {
            Ok(_) => {
                self.gate.renewed_at(now, self.timing.renew_deadline);
                tracing::info!(identity = %self.identity, "became the leader (created the lease)");
                Ok(())
            }
            // Another replica created it first: it leads; we stand by.
            Err(ClientError::Conflict { .. }) => {
                Err(ClientError::Conflict { message: "another replica created the lease first".into() })
            }
            Err(e) => Err(e),
        }
    }
}

/// For `--leader-elect=false`: reads the Lease every `period` and warns whenever another
/// replica is seen renewing it, since two writers then act at once. A record is live once we
/// have seen it change (a renewal) and it has not outlived its duration since.
pub async fn warn_about_other_holders(connection: Connection, period: Duration) {
    let started = Instant::now();
    let mut warned = String::new();
    let mut seen: Option<(LeaseRecord, Instant)> = None;
    loop {
        if let Ok(Some(lease)) = connection.get(&leases(), Some(LEASE_NAMESPACE), LEASE_NAME).await {
            let record = LeaseRecord::from_lease(&lease);
            let now = Instant::now();
            let changed_at = match &seen {
                Some((previous, at)) if *previous == record => *at,
                Some(_) => now,
                None => started,
            };
            seen = Some((record.clone(), changed_at));
            let live = changed_at > started && !may_take("", &record, changed_at, now);
            if live && record.holder != warned {
                tracing::warn!(holder = %record.holder, "leader election is off, and another replica holds the leader lease: both write");
                warned = record.holder.clone();
            }
        }
        tokio::time::sleep(period).await;
    }
}

/// A name for this replica: host, process and a random part, so restarts are told apart.
pub fn identity() -> String {
    let host = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .ok()
        .map(|h| h.trim().to_string())
        .filter(|h| !h.is_empty())
        .or_else(|| std::env::var("HOSTNAME").ok())
        .unwrap_or_else(|| "tmcctl".into());
    let random = crate::backoff::random_u64() % 0x1_0000_0000;
    format!("{host}_{}_{random:08x}", std::process::id())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(holder: &str, seconds: i64) -> LeaseRecord {
        LeaseRecord { holder: holder.into(), duration_seconds: seconds, renew_time: "t".into(), transitions: 0 }
    }

    #[test]
    fn a_lease_is_free_when_released_ours_or_unchanged_for_its_duration() {
        let t0 = Instant::now();
        let later = |s| t0 + Duration::from_secs(s);
        assert!(may_take("me", &record("", 15), t0, t0), "released");
        assert!(may_take("me", &record("me", 15), t0, t0), "ours");
        assert!(!may_take("me", &record("other", 15), t0, later(14)), "still held");
        assert!(may_take("me", &record("other", 15), t0, later(15)), "expired by our clock");
    }

    #[test]
    fn a_skewed_renew_time_does_not_expire_a_live_lease() {
        // The holder's clock is 30 s behind: its renewTime looks stale, but we judge by when we
        // saw the record change, which was just now.
        let t0 = Instant::now();
        let skewed = LeaseRecord { renew_time: "2000-01-01T00:00:00.000000Z".into(), ..record("other", 15) };
        assert!(!may_take("me", &skewed, t0, t0 + Duration::from_secs(1)));
    }

    #[test]
    fn micro_times_have_six_fraction_digits() {
        let t = micro_time();
        let fraction = t.rsplit_once('.').unwrap().1;
        assert_eq!(fraction.len(), 7, "{t}");
        assert!(fraction.ends_with('Z'));
    }

    #[test]
    fn the_gate_closes_when_the_renew_deadline_passes() {
        let gate = WriteGate::closed();
        assert!(!gate.may_write());
        gate.renewed_at(Instant::now(), Duration::from_secs(10));
        assert!(gate.may_write());
        gate.renewed_at(Instant::now() - Duration::from_secs(11), Duration::from_secs(10));
        assert!(!gate.may_write(), "a stale renewal closes the gate by itself");
        assert!(WriteGate::always_open().may_write());
    }
}
