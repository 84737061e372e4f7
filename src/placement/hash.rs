//! Stable hashing for tie-breaks and rendezvous ranking.
//!
//! Decisions must be identical on every machine, build and run, so nothing here uses std's
//! randomly seeded hasher, map order or time: FNV-1a (64-bit) over the bytes, then MurmurHash3's
//! 64-bit finaliser to spread FNV's weak low bits. Both are public algorithms with fixed
//! constants; changing either would move workloads, so they are pinned by a test.

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// 64-bit FNV-1a of `bytes`.
pub fn fnv1a64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(FNV_OFFSET, |hash, byte| (hash ^ u64::from(*byte)).wrapping_mul(FNV_PRIME))
}

/// MurmurHash3's `fmix64`: a bijective avalanche step.
pub fn mix64(mut x: u64) -> u64 {
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51_afd7_ed55_8ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    x ^ (x >> 33)
}

/// The hash of a name (workload key or cluster name), ready to be combined by [`pair_hash`].
pub fn name_hash(name: &str) -> u64 {
    mix64(fnv1a64(name.as_bytes()))
}

/// The rendezvous weight of one (workload, cluster) pair: higher ranks first.
///
/// Each cluster's weight for a workload depends only on that pair, so adding or removing a
/// cluster changes no other cluster's weight: that is what keeps churn minimal.
pub fn pair_hash(workload: u64, cluster: u64) -> u64 {
    mix64(workload ^ cluster.rotate_left(29))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pinned_values() {
        // Published FNV-1a test vectors; a change here would re-place every workload.
        assert_eq!(fnv1a64(b""), 0xcbf2_9ce4_8422_2325);
        assert_eq!(fnv1a64(b"a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(fnv1a64(b"foobar"), 0x8594_4171_f739_67e8);
        assert_eq!(mix64(0), 0);
        assert_eq!(pair_hash(name_hash("ns/web"), name_hash("c1")), pair_hash(name_hash("ns/web"), name_hash("c1")));
    }

    #[test]
    fn rendezvous_spreads_evenly() {
        let clusters: Vec<u64> = (0..10).map(|i| name_hash(&format!("cluster-{i}"))).collect();
        let mut wins = [0u32; 10];
        for w in 0..20_000 {
            let workload = name_hash(&format!("ns/workload-{w}"));
            let best = (0..10).max_by_key(|&c| pair_hash(workload, clusters[c])).unwrap();
            wins[best] += 1;
        }
        // Expected 2000 each; binomial sd ≈ 42, so ±10% is > 4 sd.
        assert!(wins.iter().all(|&n| (1800..=2200).contains(&n)), "{wins:?}");
    }
}
