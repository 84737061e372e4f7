//! Replica division: proportional shares that sum exactly to the requested count, and the
//! max-skew limit. Pure integer arithmetic, so results are identical everywhere.

use std::cmp::Reverse;

/// One participant in a division: its weight and its place in the tie-break order (lower
/// `order` wins ties; callers pass rank order).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Share {
    pub weight: u64,
    pub order: u64,
}

/// Splits `total` proportionally to the weights by the largest-remainder method: each gets
/// the floor of its exact quota, and the leftover goes one each to the largest remainders.
/// All-zero weights fall back to equal weights. The result always sums to `total`.
pub(crate) fn divide(total: u64, shares: &[Share]) -> Vec<u64> {
    if shares.is_empty() {
        return Vec::new();
    }
    let weight_sum: u128 = shares.iter().map(|s| u128::from(s.weight)).sum();
    let weight = |s: &Share| {
        if weight_sum == 0 {
            1
        } else {
            u128::from(s.weight)
        }
    };
    let weight_sum = if weight_sum == 0 { shares.len() as u128 } else { weight_sum };
    let mut amounts = Vec::with_capacity(shares.len());
    let mut remainders = Vec::with_capacity(shares.len());
    for (i, share) in shares.iter().enumerate() {
        let exact = u128::from(total) * weight(share);
        amounts.push((exact / weight_sum) as u64);
        remainders.push((Reverse(exact % weight_sum), share.order, i));
    }
    let leftover = (total - amounts.iter().sum::<u64>()) as usize;
    if leftover > 0 {
        // The leftover is below the number of shares; pick its receivers in linear time.
        if leftover < remainders.len() {
            remainders.select_nth_unstable(leftover - 1);
        }
        for &(_, _, i) in &remainders[..leftover] {
            amounts[i] += 1;
        }
    }
    amounts
}

/// Splits `total` replicas proportionally to `weights` by largest remainder, ties going to the
/// earlier position: the division the engine itself uses, for callers outside it (the sync
/// planner's per-cluster `spec.replicas`). All-zero weights divide equally; the result always
/// sums to `total` and has one amount per weight.
pub fn divide_replicas(total: u64, weights: &[u64]) -> Vec<u64> {
    let shares: Vec<Share> =
        weights.iter().enumerate().map(|(order, &weight)| Share { weight, order: order as u64 }).collect();
    divide(total, &shares)
}

/// Moves the fewest replicas so that `max - min <= skew` (with `skew >= 1`), keeping the sum.
///
/// The result is `clamp(a, m, m + skew)` for the largest level `m` that does not exceed the
/// total, plus one each for the remaining replicas: first to those raised to `m` (they may go
/// to `m + 1` without widening the gap), then to those capped at `m + skew`, which is only
/// reached once nobody is left at `m`. Ties go to the larger original amount, then the earlier
/// position.
pub(crate) fn limit_skew(amounts: &mut [u64], skew: u64) {
    let (Some(&lo), Some(&hi)) = (amounts.iter().min(), amounts.iter().max()) else {
        return;
    };
    if hi - lo <= skew {
        return;
    }
    let total: u64 = amounts.iter().sum();
    let clamped_sum = |m: u64| amounts.iter().map(|&a| a.clamp(m, m + skew)).sum::<u64>();
    let (mut low, mut high) = (lo, hi);
    while low < high {
        let mid = low + (high - low).div_ceil(2);
        if clamped_sum(mid) <= total {
            low = mid;
        } else {
            high = mid - 1;
        }
    }
    let level = low;
    let mut leftover = total - clamped_sum(level);
    let mut raised: Vec<usize> = (0..amounts.len()).filter(|&i| amounts[i] <= level).collect();
    let mut capped: Vec<usize> = (0..amounts.len()).filter(|&i| amounts[i] > level + skew).collect();
    raised.sort_by_key(|&i| (Reverse(amounts[i]), i));
    capped.sort_by_key(|&i| (Reverse(amounts[i]), i));
    let original = amounts.to_vec();
    for (a, &o) in amounts.iter_mut().zip(&original) {
        *a = o.clamp(level, level + skew);
    }
    for i in raised.into_iter().chain(capped) {
        if leftover == 0 {
            break;
        }
        amounts[i] += 1;
        leftover -= 1;
    }
    debug_assert_eq!(leftover, 0);
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn shares(weights: &[u64]) -> Vec<Share> {
        weights.iter().enumerate().map(|(order, &weight)| Share { weight, order: order as u64 }).collect()
    }

    #[test]
    fn largest_remainder() {
        assert_eq!(divide(10, &shares(&[1, 1, 1])), [4, 3, 3]);
        assert_eq!(divide(10, &shares(&[3, 1])), [8, 2]);
        assert_eq!(divide(7, &shares(&[0, 0])), [4, 3]);
        assert_eq!(divide(0, &shares(&[5, 5])), [0, 0]);
        assert_eq!(divide(2, &shares(&[1, 1, 1, 1])), [1, 1, 0, 0]);
        assert!(divide(3, &[]).is_empty());
    }

    #[test]
    fn public_division_is_the_engine_division_in_position_order() {
        assert_eq!(divide_replicas(10, &[1, 1, 1]), [4, 3, 3]);
        assert_eq!(divide_replicas(5, &[0, 0]), [3, 2]);
        assert!(divide_replicas(5, &[]).is_empty());
    }

    #[test]
    fn skew_is_limited_with_fewest_moves() {
        let mut a = [91, 1, 1, 1, 1, 1, 1, 1, 1, 1];
        limit_skew(&mut a, 1);
        assert_eq!(a.iter().sum::<u64>(), 100);
        assert_eq!(a, [10; 10]);
        let mut b = [9, 0, 0];
        limit_skew(&mut b, 2);
        assert_eq!(b, [4, 3, 2]);
        let mut c = [3, 3, 4];
        limit_skew(&mut c, 1);
        assert_eq!(c, [3, 3, 4]);
    }

    proptest! {
        #[test]
        fn division_sums_and_skew_holds(total in 0u64..10_000, weights in proptest::collection::vec(0u64..1000, 1..40), skew in 1u64..5) {
            let mut amounts = divide(total, &shares(&weights));
            prop_assert_eq!(amounts.iter().sum::<u64>(), total);
            limit_skew(&mut amounts, skew);
            prop_assert_eq!(amounts.iter().sum::<u64>(), total);
            let (lo, hi) = (amounts.iter().min().unwrap(), amounts.iter().max().unwrap());
            prop_assert!(hi - lo <= skew);
        }
    }
}
