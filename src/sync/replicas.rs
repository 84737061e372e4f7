//! `spec.replicas` per chosen cluster. Data flows `(total, [Share], divided)` → [`split`] →
//! one count per share, in the same order; Divided uses the placement engine's own division
//! ([`crate::placement::divide_replicas`]) so the planner and the engine never disagree.

use crate::placement::divide_replicas;

/// One chosen cluster, in decision order, with its static weight (from the placement's
/// replicaDivision weights; 1 when none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Share<'a> {
    /// The cluster's name.
    pub cluster: &'a str,
    /// Its static division weight.
    pub weight: u64,
}

/// `spec.replicas` per chosen cluster (same order): Duplicated → `total` each; Divided →
/// largest remainder by weight, summing exactly to `total`, ties to the earlier cluster in
/// decision order. Clusters may get 0.
pub fn split(total: u32, shares: &[Share], divided: bool) -> Vec<u32> {
    if !divided {
        return vec![total; shares.len()];
    }
    let weights: Vec<u64> = shares.iter().map(|s| s.weight).collect();
    // Every part is at most `total`, so the conversion back cannot fail.
    divide_replicas(u64::from(total), &weights).into_iter().map(|n| u32::try_from(n).unwrap_or(total)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shares(weights: &[u64]) -> Vec<Share<'static>> {
        const NAMES: [&str; 8] = ["a", "b", "c", "d", "e", "f", "g", "h"];
        weights.iter().zip(NAMES.iter().cycle()).map(|(&weight, &cluster)| Share { cluster, weight }).collect()
    }

    #[test]
    fn duplicated_gives_every_cluster_the_total() {
        assert_eq!(split(3, &shares(&[1, 5, 0]), false), [3, 3, 3]);
        assert!(split(3, &[], false).is_empty());
    }

    #[test]
    fn divided_splits_by_weight_with_earlier_clusters_winning_ties() {
        assert_eq!(split(10, &shares(&[1, 1, 1]), true), [4, 3, 3]);
        assert_eq!(split(10, &shares(&[3, 1]), true), [8, 2]);
        assert_eq!(split(1, &shares(&[1, 1]), true), [1, 0]);
        assert_eq!(split(0, &shares(&[1, 1]), true), [0, 0]);
        assert!(split(4, &[], true).is_empty());
    }

    #[test]
    fn divided_with_all_zero_weights_divides_equally() {
        assert_eq!(split(5, &shares(&[0, 0]), true), [3, 2]);
    }

    proptest! {
        #[test]
        fn divided_shares_sum_to_the_total(total in 0u32..100_000, weights in proptest::collection::vec(0u64..1000, 1..30)) {
            let parts = split(total, &shares(&weights), true);
            prop_assert_eq!(parts.len(), weights.len());
            prop_assert_eq!(parts.iter().map(|&n| u64::from(n)).sum::<u64>(), u64::from(total));
        }

        #[test]
        fn heavier_clusters_never_get_fewer(total in 0u32..10_000, weights in proptest::collection::vec(1u64..100, 2..20)) {
            let parts = split(total, &shares(&weights), true);
            for i in 0..weights.len() {
                for j in 0..weights.len() {
                    if weights[i] > weights[j] {
                        prop_assert!(parts[i] >= parts[j]);
                    }
                }
            }
        }
    }
}
