//! A cluster leaving the fleet: what its registration's deletion policy does to the copies it
//! holds, when the registration may go, and what each workload reports of a copy left there.
//!
//! ```text
//! registration deleted ─► policy Retain ─► gone at once ─► workloads: copy there LeftBehind
//!                     └─► policy Delete ─► finalizer held ─► copies removed (moves::plan,
//!                          Copy::leaving) ─► [`release`]: none left ─► finalizer released
//!                                                         └─ timeout ─► released, LeftBehind
//! ```
//!
//! The record of a copy left behind lives on the workload's own `status.tmc` (the registration
//! is gone, and the controller may write nothing else in a tenant's workspace): an entry with
//! phase [`Phase::LeftBehind`] is carried from one status write to the next until a cluster of
//! that name is registered again ([`left_behind`]).

use std::time::Duration;

use crate::api::DeletionPolicy;

use super::status::{ClusterEntry, CopyStatus, Phase};

/// How long a registration with deletion policy `Delete` is held while its copies go: a
/// cluster gone for good must not keep its registration forever.
pub const UNREGISTER_TIMEOUT: Duration = Duration::from_secs(300);

/// Whether a registration should carry the finalizer that removes its copies first.
pub fn holds_copies(policy: Option<DeletionPolicy>) -> bool {
    policy == Some(DeletionPolicy::Delete)
}

/// What to do with the finalizer of a registration being deleted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Release {
    /// Copies remain (or what the cluster holds is not known yet), and there is time left.
    Hold,
    /// The cluster holds no copy any more.
    Now,
    /// The timeout passed with copies left (`None`: the cluster could not be listed at all).
    TimedOut {
        /// The copies still on the cluster, if known.
        remaining: Option<usize>,
    },
}

/// Decides a deleting registration's finalizer from the copies its cluster still holds
/// (`None` when its watches have not listed it: unreachable, or no credentials) and how long
/// ago the deletion was asked for.
pub fn release(remaining: Option<usize>, deleting_for: Duration, timeout: Duration) -> Release {
    match remaining {
        Some(0) => Release::Now,
        remaining if deleting_for >= timeout => Release::TimedOut { remaining },
        _ => Release::Hold,
    }
}

/// The entries of a workload's previous `status.tmc.clusters` to write again because their
/// cluster is no longer registered: a copy that existed there is reported as left behind. An
/// entry of a cluster that never held a copy (Pending) or held someone else's object
/// (Conflict) is dropped; so is every entry of a cluster that is registered (again). One
/// entry per cluster, the first.
pub fn left_behind(previous: &[ClusterEntry], registered: impl Fn(&str) -> bool) -> Vec<ClusterEntry> {
    let mut seen = std::collections::BTreeSet::new();
    previous
        .iter()
        .filter(|e| !registered(&e.cluster) && seen.insert(e.cluster.as_str()))
        .filter(|e| !matches!(e.phase, Phase::Pending | Phase::Conflict))
        .map(|e| ClusterEntry {
            cluster: e.cluster.clone(),
            namespace: e.namespace.clone(),
            phase: Phase::LeftBehind,
            status: CopyStatus::default(),
            drift: Vec::new(),
            last_seen: e.last_seen.clone(),
            message: Some(match e.phase {
                Phase::LeftBehind => e.message.clone().unwrap_or_default(),
                _ => format!(
                    "cluster {} was unregistered with this copy on it; tmcctl no longer sees or manages \
                     it (register the cluster again to clean it up, or remove it there by hand)",
                    e.cluster
                ),
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(cluster: &str, phase: Phase) -> ClusterEntry {
        ClusterEntry {
            cluster: cluster.into(),
            namespace: "ns".into(),
            phase,
            status: CopyStatus { replicas: Some(2), available: true, ..CopyStatus::default() },
            drift: vec!["spec.replicas".into()],
            last_seen: Some("2026-12-07T00:00:00Z".into()),
            message: None,
        }
    }

    #[test]
    fn only_delete_holds_a_registration() {
        assert!(holds_copies(Some(DeletionPolicy::Delete)));
        assert!(!holds_copies(Some(DeletionPolicy::Retain)));
        assert!(!holds_copies(None));
    }

    #[test]
    fn a_registration_goes_when_its_cluster_is_empty_or_the_timeout_passed() {
        let minute = Duration::from_secs(60);
        assert_eq!(release(Some(0), Duration::ZERO, UNREGISTER_TIMEOUT), Release::Now);
        assert_eq!(release(Some(3), minute, UNREGISTER_TIMEOUT), Release::Hold);
        assert_eq!(release(None, minute, UNREGISTER_TIMEOUT), Release::Hold);
        assert_eq!(release(Some(3), UNREGISTER_TIMEOUT, UNREGISTER_TIMEOUT), Release::TimedOut { remaining: Some(3) });
        assert_eq!(release(None, UNREGISTER_TIMEOUT * 2, UNREGISTER_TIMEOUT), Release::TimedOut { remaining: None });
    }

    #[test]
    fn copies_on_an_unregistered_cluster_are_left_behind_and_not_counted() {
        let previous = [
            entry("pc1", Phase::Available),
            entry("pc2", Phase::Retiring),
            entry("pc3", Phase::Pending),
            entry("pc4", Phase::Conflict),
        ];
        let kept = left_behind(&previous, |c| c == "pc1");
        assert_eq!(kept.iter().map(|e| e.cluster.as_str()).collect::<Vec<_>>(), ["pc2"]);
        let pc2 = &kept[0];
        assert_eq!(pc2.phase, Phase::LeftBehind);
        assert_eq!(pc2.status, CopyStatus::default(), "a copy no one sees is not summed");
        assert!(pc2.drift.is_empty());
        assert_eq!(pc2.last_seen.as_deref(), Some("2026-12-07T00:00:00Z"));
        assert!(pc2.message.as_deref().is_some_and(|m| m.contains("cluster pc2 was unregistered")));
    }

    #[test]
    fn a_cluster_is_left_behind_once_however_often_it_was_listed() {
        let previous = [entry("pc2", Phase::Retiring), entry("pc2", Phase::LeftBehind), entry("pc2", Phase::Available)];
        let kept = left_behind(&previous, |_| false);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].phase, Phase::LeftBehind);
    }

    #[test]
    fn a_left_behind_entry_is_carried_as_it_is_until_its_cluster_is_registered_again() {
        let once = left_behind(&[entry("pc2", Phase::Available)], |_| false);
        assert_eq!(left_behind(&once, |_| false), once);
        assert!(left_behind(&once, |c| c == "pc2").is_empty());
    }
}
