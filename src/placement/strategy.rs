//! The strategies: rank eligible clusters, choose how many the policy wants, divide replicas.
//!
//! Both the fast path (`decide`) and the explain path compute [`Candidate`]s their own way and
//! then call [`choose`], so the two can only disagree if their filters or scores do.

use std::cmp::Ordering;

use super::decision::SelectionReason;
use super::divide::{divide, limit_skew, Share};
use super::policy::{PlacementPolicy, ReplicaDivision, Strategy};

/// An eligible cluster with everything a strategy needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Candidate {
    /// Index in the inventory (clusters sorted by name).
    pub index: u32,
    /// Interned location, for spreading by location.
    pub location: u32,
    /// In the previous decision.
    pub sticky: bool,
    /// Sum of the score components.
    pub score: i64,
    /// Rendezvous hash of (workload, cluster).
    pub tie: u64,
    /// Division weight (1 unless Divided by static weights or capacity).
    pub weight: u64,
}

/// One chosen cluster and its replicas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Choice {
    pub index: u32,
    pub replicas: u32,
    pub reason: SelectionReason,
}

/// A ranking comparator: `Less` means ranks higher.
type RankOrder = fn(&Candidate, &Candidate) -> Ordering;

/// How many clusters the policy wants, before capping at the number of eligible clusters.
pub(crate) fn wanted_clusters(policy: &PlacementPolicy, eligible: usize) -> usize {
    match (policy.number_of_clusters, policy.strategy) {
        (Some(n), _) => n as usize,
        (None, Strategy::Spread) => eligible,
        (None, Strategy::RoundRobin | Strategy::Affinity) => 1,
    }
}

/// The ranking order: best first. RoundRobin ranks by hash alone (pure rendezvous, so load
/// stays balanced); the others put the previous decision first, then score, then hash. The
/// inventory index ends every tie, so the order is total.
fn rank_order(strategy: Strategy) -> RankOrder {
    match strategy {
        Strategy::RoundRobin => |a, b| b.tie.cmp(&a.tie).then(a.index.cmp(&b.index)),
        Strategy::Spread | Strategy::Affinity => {
            |a, b| (b.sticky, b.score, b.tie).cmp(&(a.sticky, a.score, a.tie)).then(a.index.cmp(&b.index))
        }
    }
}

/// Chooses clusters among `candidates` (reordered in place) and divides `replicas`.
/// Returns the choices sorted by inventory index; empty only if `candidates` is.
pub(crate) fn choose(policy: &PlacementPolicy, replicas: u32, candidates: &mut [Candidate]) -> Vec<Choice> {
    let eligible = candidates.len();
    let wanted = wanted_clusters(policy, eligible).min(eligible);
    if wanted == 0 {
        return Vec::new();
    }
    let order = rank_order(policy.strategy);
    let all_eligible = policy.strategy == Strategy::Spread && policy.number_of_clusters.is_none();
    let by_location = policy.strategy == Strategy::Spread && policy.spread.by_location;
    let mut reasons: Vec<SelectionReason> = Vec::with_capacity(wanted);
    if all_eligible {
        reasons.resize(eligible, SelectionReason::AllEligible);
    } else if by_location {
        let rounds = location_rounds(candidates, wanted, order);
        reasons.extend(candidates[..wanted].iter().zip(rounds).map(|(c, round)| {
            if c.sticky {
                SelectionReason::KeptFromPreviousDecision
            } else {
                SelectionReason::LocationRound { round, score: c.score }
            }
        }));
    } else {
        if wanted < eligible {
            candidates.select_nth_unstable_by(wanted - 1, order);
        }
        candidates[..wanted].sort_unstable_by(order);
        reasons.extend(candidates[..wanted].iter().enumerate().map(|(i, c)| {
            let rank = i as u32 + 1;
            match policy.strategy {
                Strategy::RoundRobin => SelectionReason::HashRank { rank },
                _ if c.sticky => SelectionReason::KeptFromPreviousDecision,
                _ => SelectionReason::ScoreRank { rank, score: c.score },
            }
        }));
    }
    let chosen = &candidates[..wanted];
    let amounts = split_replicas(policy, replicas, chosen, by_location, !all_eligible);
    let mut choices: Vec<Choice> = chosen
        .iter()
        .zip(amounts)
        .zip(reasons)
        .filter(|((_, amount), _)| replicas == 0 || *amount > 0)
        .map(|((c, amount), reason)| Choice { index: c.index, replicas: amount as u32, reason })
        .collect();
    choices.sort_unstable_by_key(|c| c.index);
    choices
}

/// Puts the `wanted` clusters chosen by rounds over locations first in `candidates` and returns
/// their 1-based rounds: each location's best, then each location's second best, and so on,
/// locations ordered by their best cluster. Sticky candidates (which rank first in their
/// location) come before every round, so spreading never displaces a previous placement; they
/// still count towards their location's rounds.
///
/// Only each location's top `wanted` can be chosen, so buckets are partially selected rather
/// than the whole list sorted: linear in the candidates.
fn location_rounds(candidates: &mut [Candidate], wanted: usize, order: RankOrder) -> Vec<u32> {
    let buckets = max_location(candidates) + 1;
    let mut starts = vec![0usize; buckets + 1];
    for c in candidates.iter() {
        starts[c.location as usize + 1] += 1;
    }
    for i in 1..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut bucketed = candidates.to_vec();
    let mut next = starts.clone();
    for c in candidates.iter() {
        bucketed[next[c.location as usize]] = *c;
        next[c.location as usize] += 1;
    }
    let mut bests: Vec<(Candidate, usize, usize)> = Vec::new(); // (best, start, taken)
    for location in 0..buckets {
        let bucket = &mut bucketed[starts[location]..starts[location + 1]];
        if bucket.is_empty() {
            continue;
        }
        let taken = bucket.len().min(wanted);
        if taken < bucket.len() {
            bucket.select_nth_unstable_by(taken - 1, order);
        }
        bucket[..taken].sort_unstable_by(order);
        bests.push((bucket[0], starts[location], taken));
    }
    bests.sort_unstable_by(|a, b| order(&a.0, &b.0));
    let mut keyed: Vec<(u32, usize, usize)> = Vec::new(); // (round, location rank, position)
    for (location_rank, &(_, start, taken)) in bests.iter().enumerate() {
        for (j, c) in bucketed[start..start + taken].iter().enumerate() {
            let round = if c.sticky { 0 } else { j as u32 + 1 };
            keyed.push((round, location_rank, start + j));
        }
    }
    keyed.sort_unstable();
    keyed.truncate(wanted);
    for (slot, &(_, _, position)) in candidates.iter_mut().zip(&keyed) {
        *slot = bucketed[position];
    }
    keyed.into_iter().map(|(round, _, _)| round).collect()
}

fn max_location(candidates: &[Candidate]) -> usize {
    candidates.iter().map(|c| c.location as usize).max().unwrap_or(0)
}

/// Replicas per chosen cluster (same order as `chosen`). Remainder ties go to the higher rank
/// when `ranked`, else (every eligible cluster used, never sorted) to the higher rendezvous
/// hash, which still varies from workload to workload instead of favouring one cluster.
fn split_replicas(
    policy: &PlacementPolicy,
    replicas: u32,
    chosen: &[Candidate],
    by_location: bool,
    ranked: bool,
) -> Vec<u64> {
    let total = u64::from(replicas);
    if policy.replica_division == ReplicaDivision::Duplicated {
        return vec![total; chosen.len()];
    }
    let share = |position: usize| Share {
        weight: chosen[position].weight,
        order: if ranked { position as u64 } else { !chosen[position].tie },
    };
    let skew = policy.spread.max_skew.map(u64::from);
    if !by_location {
        let shares: Vec<Share> = (0..chosen.len()).map(share).collect();
        let mut amounts = divide(total, &shares);
        if let Some(skew) = skew {
            limit_skew(&mut amounts, skew);
        }
        return amounts;
    }
    // Locations first: each weighs the sum of its clusters and ties like its best cluster.
    let mut grouped: Vec<(u32, u64, usize)> =
        (0..chosen.len()).map(|i| (chosen[i].location, share(i).order, i)).collect();
    grouped.sort_unstable();
    let groups: Vec<&[(u32, u64, usize)]> = grouped.chunk_by(|a, b| a.0 == b.0).collect();
    let location_shares: Vec<Share> = groups
        .iter()
        .map(|g| Share { weight: g.iter().map(|&(_, _, i)| chosen[i].weight).sum(), order: g[0].1 })
        .collect();
    let mut location_totals = divide(total, &location_shares);
    if let Some(skew) = skew {
        limit_skew(&mut location_totals, skew);
    }
    let mut amounts = vec![0; chosen.len()];
    for (group, location_total) in groups.iter().zip(location_totals) {
        let shares: Vec<Share> = group.iter().map(|&(_, _, i)| share(i)).collect();
        for (&(_, _, i), amount) in group.iter().zip(divide(location_total, &shares)) {
            amounts[i] = amount;
        }
    }
    amounts
}
