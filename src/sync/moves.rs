//! Moving a workload between clusters without an outage: apply first, delete last. Data flows
//! `(chosen clusters, existing copies, now)` → [`plan`] → [`MovePlan`] of [`Step`]s for the
//! controller to carry out in order.
//!
//! A copy on a cluster that is no longer chosen stays until every chosen cluster holds an
//! Available copy, or until the graceful timeout has passed since it was marked retiring
//! ([`RETIRING_SINCE_ANNOTATION`](crate::api::ownership::RETIRING_SINCE_ANNOTATION)). The mark
//! lives on the copy itself, so the clock survives controller restarts. With no chosen cluster
//! at all (e.g. a placement left without candidates) copies are left alone rather than marked:
//! a clock started then would let a later replacement lose its old copy too early. (A mark
//! set before the chosen set emptied stays, and counts once a replacement is chosen.)

#[cfg(test)]
mod tests;

use std::collections::BTreeSet;
use std::time::Duration;

use jiff::{SignedDuration, Timestamp};

/// What a cluster holds of one workload.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Copy {
    /// The cluster's name.
    pub cluster: String,
    /// Whether the copy has rolled out there ([`super::status::CopyStatus::available`]).
    pub available: bool,
    /// RETIRING_SINCE_ANNOTATION parsed; None when not retiring.
    pub retiring_since: Option<Timestamp>,
    /// The placement that put it there removes it once it governs the workload no more
    /// (DELETION_POLICY_ANNOTATION says `Delete`).
    pub delete_when_ungoverned: bool,
    /// Its cluster is being unregistered with deletion policy `Delete`: the copy goes even
    /// when no cluster is chosen to replace it, or no placement governs the workload.
    pub leaving: bool,
}

/// One step for one cluster.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// Create or update the copy (every chosen cluster; also clears a retiring mark).
    Apply {
        /// The chosen cluster.
        cluster: String,
    },
    /// Keep the old copy, mark it retiring from `now` (it has no mark yet).
    MarkRetiring {
        /// The cluster no longer chosen.
        cluster: String,
    },
    /// Remove the copy: a positive signal and (unless removing all) the replacements are
    /// Available or the timeout passed.
    Delete {
        /// The cluster whose copy goes.
        cluster: String,
    },
    /// Keep the old copy until `until` (timeout) unless the replacements become Available first.
    Keep {
        /// The cluster no longer chosen.
        cluster: String,
        /// When the graceful timeout ends; plan again then at the latest.
        until: Timestamp,
    },
    /// Leave the copy as it is: no placement governs the workload and the one that put the
    /// copy there retains its copies (deletion policy `Retain`).
    Orphan {
        /// The cluster whose copy stays.
        cluster: String,
    },
}

impl Step {
    /// The cluster the step is for.
    pub fn cluster(&self) -> &str {
        match self {
            Step::Apply { cluster }
            | Step::MarkRetiring { cluster }
            | Step::Delete { cluster }
            | Step::Keep { cluster, .. }
            | Step::Orphan { cluster } => cluster,
        }
    }

    /// What the step does, in a word (for traces and logs).
    pub fn verb(&self) -> &'static str {
        match self {
            Step::Apply { .. } => "apply",
            Step::MarkRetiring { .. } => "retire",
            Step::Keep { .. } => "keep",
            Step::Delete { .. } => "delete",
            Step::Orphan { .. } => "orphan",
        }
    }

    /// The order steps are carried out in: replacements first, removals last.
    fn rank(&self) -> u8 {
        match self {
            Step::Apply { .. } => 0,
            Step::MarkRetiring { .. } => 1,
            Step::Keep { .. } | Step::Orphan { .. } => 2,
            Step::Delete { .. } => 3,
        }
    }
}

/// The steps for one workload, sorted: Apply first, then MarkRetiring, Keep, Delete.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MovePlan {
    /// The steps, in the order to carry them out.
    pub steps: Vec<Step>,
}

impl MovePlan {
    /// The earliest graceful-timeout deadline among kept copies: when to plan again even if
    /// nothing else changes.
    pub fn next_deadline(&self) -> Option<Timestamp> {
        self.steps.iter().filter_map(|s| if let Step::Keep { until, .. } = s { Some(*until) } else { None }).min()
    }
}

/// Plans one workload: `chosen` clusters get Apply; a copy on a cluster not chosen is deleted
/// only when `remove_all` (upstream deleted, or no placement governs it any more), or every
/// chosen cluster holds an available copy, or `retiring_since + graceful_timeout <= now`;
/// otherwise it is kept (MarkRetiring first time, then Keep until the deadline). When `chosen`
/// is empty and not remove_all (e.g. the placement has no candidates), nothing is deleted
/// but the copies on clusters [`leaving`](Copy::leaving) the fleet. With `remove_all` every copy is deleted and nothing is applied. Repeated clusters in
/// either list count once.
pub fn plan(
    chosen: &[String],
    copies: &[Copy],
    remove_all: bool,
    now: Timestamp,
    graceful_timeout: Duration,
) -> MovePlan {
    let mut steps = Vec::new();
    let mut held = BTreeSet::new();
    let holders = copies.iter().filter(|c| held.insert(c.cluster.as_str()));
    if remove_all {
        steps.extend(holders.map(|c| Step::Delete { cluster: c.cluster.clone() }));
        return MovePlan { steps };
    }
    let mut wanted = BTreeSet::new();
    for cluster in chosen.iter().filter(|c| wanted.insert(c.as_str())) {
        steps.push(Step::Apply { cluster: cluster.clone() });
    }
    if wanted.is_empty() {
        // Nothing to wait for: the operator's unregister is the signal.
        steps.extend(holders.filter(|c| c.leaving).map(|c| Step::Delete { cluster: c.cluster.clone() }));
        return MovePlan { steps };
    }
    let replacements_ready = wanted.iter().all(|&w| copies.iter().any(|c| c.cluster == w && c.available));
    for copy in holders.filter(|c| !wanted.contains(c.cluster.as_str())) {
        let cluster = copy.cluster.clone();
        let step = match copy.retiring_since {
            _ if replacements_ready => Step::Delete { cluster },
            None => Step::MarkRetiring { cluster },
            Some(since) => match deadline(since, graceful_timeout) {
                Some(until) if until > now => Step::Keep { cluster, until },
                Some(_) => Step::Delete { cluster },
                // A timeout beyond the representable future never ends.
                None => Step::Keep { cluster, until: Timestamp::MAX },
            },
        };
        steps.push(step);
    }
    steps.sort_by_key(Step::rank);
    MovePlan { steps }
}

/// Holds the retirement of copies on clusters whose readiness changed after the placement last
/// decided (`undecided`: cluster → until when): the decision was made without them in view (a
/// cluster just registered, or back from an outage), so it is no positive signal to remove or
/// retire what they hold. Until the placement decides again, or the time given passes (it
/// decided the same and had nothing to write), such a step becomes a Keep.
pub fn hold_undecided(plan: MovePlan, undecided: &std::collections::BTreeMap<String, Timestamp>) -> MovePlan {
    let mut steps: Vec<Step> = plan
        .steps
        .into_iter()
        .map(|step| match step {
            Step::Delete { cluster } | Step::MarkRetiring { cluster } if undecided.contains_key(&cluster) => {
                let until = undecided[&cluster];
                Step::Keep { cluster, until }
            }
            other => other,
        })
        .collect();
    steps.sort_by_key(Step::rank);
    MovePlan { steps }
}

/// Plans a workload that no placement governs any more and that is not being deleted (its
/// placement was deleted, or its selectors stopped matching): a copy whose placement said
/// `Delete` goes, as does one on a cluster [`leaving`](Copy::leaving) the fleet (the controller
/// paces such removals by the eviction rate); every other copy stays, orphaned. Nothing is applied.
pub fn ungoverned(copies: &[Copy]) -> MovePlan {
    let mut held = BTreeSet::new();
    let mut steps: Vec<Step> = copies
        .iter()
        .filter(|c| held.insert(c.cluster.as_str()))
        .map(|c| {
            let cluster = c.cluster.clone();
            if c.delete_when_ungoverned || c.leaving {
                Step::Delete { cluster }
            } else {
                Step::Orphan { cluster }
            }
        })
        .collect();
    steps.sort_by_key(Step::rank);
    MovePlan { steps }
}

/// When a copy marked retiring at `since` may go regardless of its replacements.
pub fn deadline(since: Timestamp, graceful_timeout: Duration) -> Option<Timestamp> {
    since.checked_add(SignedDuration::try_from(graceful_timeout).ok()?).ok()
}
