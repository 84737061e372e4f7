//! Downstream namespace names: (logical cluster, upstream namespace) → one DNS-1123 label per
//! cluster, so namespaces of different workspaces never meet on a shared cluster.
//!
//! The logical cluster here is the workspace's downstream identity ([`downstream_identity`]):
//! its logical cluster name, unless a restore onto a new kcp carried the old one over.
//!
//! The name is a function of the two strings alone: no counter, no cluster state, no lookup.
//! That is what lets every controller replica, and every restart, agree on it for the life of
//! the workspace without storing it anywhere.

use sha2::{Digest, Sha256};

use crate::selector::is_dns1123_label;

/// Longest namespace name Kubernetes accepts (a DNS-1123 label).
pub const MAX_NAMESPACE_LEN: usize = 63;

/// Characters of the logical-cluster hash that opens every downstream namespace name.
const CLUSTER_HASH_LEN: usize = 8;
/// Characters of the namespace hash that ends a shortened name.
const NAMESPACE_HASH_LEN: usize = 6;

/// The name a workspace's downstream objects carry: the smallest valid identity its
/// registrations claim (a restore writes the same on each; the smallest makes a disagreement
/// deterministic), else its own logical cluster name. An invalid claim (not a label value) is
/// ignored.
pub fn downstream_identity<'a>(logical_cluster: &'a str, claims: impl IntoIterator<Item = &'a str>) -> &'a str {
    claims
        .into_iter()
        .filter(|c| {
            !c.is_empty()
                && c.len() <= MAX_NAMESPACE_LEN
                && c.chars().all(|ch| ch.is_ascii_alphanumeric() || matches!(ch, '-' | '_' | '.'))
        })
        .min()
        .unwrap_or(logical_cluster)
}

/// The downstream namespace of upstream `namespace` in logical cluster `logical_cluster`:
/// `<8-char lowercase base36 hash of the logical cluster>-<namespace>`; when that is longer
/// than 63 (or `namespace` is not itself a valid label), `<hash8>-<namespace truncated>-<hash6
/// of the full namespace>` so it stays ≤ 63, a valid DNS-1123 label (no trailing '-'),
/// deterministic and distinct for distinct inputs in practice. Never depends on anything but
/// the two strings (so it never changes for the life of the workspace).
pub fn downstream_namespace(logical_cluster: &str, namespace: &str) -> String {
    let cluster_hash = base36_hash(logical_cluster, CLUSTER_HASH_LEN);
    let plain = format!("{cluster_hash}-{namespace}");
    if plain.len() <= MAX_NAMESPACE_LEN && is_dns1123_label(namespace) {
        return plain;
    }
    // Room left for the readable part: the name minus "<hash8>-" and "-<hash6>".
    let room = MAX_NAMESPACE_LEN - CLUSTER_HASH_LEN - NAMESPACE_HASH_LEN - 2;
    let readable: String = namespace
        .chars()
        .map(|c| c.to_ascii_lowercase())
        .map(|c| if c.is_ascii_lowercase() || c.is_ascii_digit() { c } else { '-' })
        .take(room)
        .collect();
    let readable = readable.trim_matches('-');
    let namespace_hash = base36_hash(namespace, NAMESPACE_HASH_LEN);
    if readable.is_empty() {
        format!("{cluster_hash}-{namespace_hash}")
    } else {
        format!("{cluster_hash}-{readable}-{namespace_hash}")
    }
}

/// `len` lowercase base36 characters of the SHA-256 of `text`. Base36 rather than hex packs
/// more bits into the few characters a 63-character label can spare (8 chars ≈ 41 bits).
fn base36_hash(text: &str, len: usize) -> String {
    const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
    let digest = Sha256::digest(text.as_bytes());
    let mut value = digest.iter().take(16).fold(0u128, |acc, byte| (acc << 8) | u128::from(*byte));
    let mut out = vec![b'0'; len];
    for slot in out.iter_mut().rev() {
        *slot = DIGITS[(value % 36) as usize];
        value /= 36;
    }
    out.into_iter().map(char::from).collect()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn short_namespaces_keep_their_name_after_the_cluster_hash() {
        let name = downstream_namespace("2x8m3ux1v0d1a8jj", "shop");
        let (hash, rest) = name.split_once('-').unwrap();
        assert_eq!(hash.len(), 8);
        assert!(hash.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()), "{hash}");
        assert_eq!(rest, "shop");
    }

    #[test]
    fn long_namespaces_are_shortened_with_a_hash_of_the_full_name() {
        let long = "a".repeat(63);
        let name = downstream_namespace("root", &long);
        assert_eq!(name.len(), MAX_NAMESPACE_LEN);
        assert!(is_dns1123_label(&name), "{name}");
        let other = downstream_namespace("root", &format!("{}b", "a".repeat(62)));
        assert_ne!(name, other, "same prefix, different namespaces");
    }

    #[test]
    fn a_cut_at_a_dash_leaves_no_double_or_trailing_dash_from_the_cut() {
        let namespace = format!("{}-{}", "x".repeat(46), "y".repeat(20));
        let name = downstream_namespace("root", &namespace);
        assert!(is_dns1123_label(&name), "{name}");
        assert!(!name.contains("--"), "{name}");
    }

    #[test]
    fn names_that_are_not_labels_still_give_a_label() {
        for odd in ["", "-", "Upper_Case", "dots.in.name"] {
            let name = downstream_namespace("root", odd);
            assert!(is_dns1123_label(&name), "{odd:?} → {name}");
        }
    }

    fn namespace() -> impl Strategy<Value = String> {
        "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?"
    }

    proptest! {
        #[test]
        fn always_a_valid_label_of_at_most_63(cluster in "[a-z0-9:]{1,40}", ns in namespace()) {
            let name = downstream_namespace(&cluster, &ns);
            prop_assert!(name.len() <= MAX_NAMESPACE_LEN);
            prop_assert!(is_dns1123_label(&name), "{}", name);
        }

        #[test]
        fn any_input_gives_a_valid_label(cluster in ".{0,20}", ns in ".{0,80}") {
            prop_assert!(is_dns1123_label(&downstream_namespace(&cluster, &ns)));
        }

        #[test]
        fn same_input_same_name(cluster in "[a-z0-9]{1,16}", ns in namespace()) {
            prop_assert_eq!(downstream_namespace(&cluster, &ns), downstream_namespace(&cluster, &ns));
        }

        #[test]
        fn different_logical_clusters_never_share_a_namespace(
            a in "[a-z0-9]{1,16}", b in "[a-z0-9]{1,16}", ns in namespace(),
        ) {
            prop_assume!(a != b);
            prop_assert_ne!(downstream_namespace(&a, &ns), downstream_namespace(&b, &ns));
        }

        #[test]
        fn different_namespaces_never_share_a_name(cluster in "[a-z0-9]{1,16}", a in namespace(), b in namespace()) {
            prop_assume!(a != b);
            prop_assert_ne!(downstream_namespace(&cluster, &a), downstream_namespace(&cluster, &b));
        }
    }
}
