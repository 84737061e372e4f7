//! A fixed-size set of cluster indices as a bitset, so that compiled filters combine 64 clusters
//! per machine word instead of testing each cluster against each rule.

/// A set of cluster indices `0..len`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ClusterSet {
    words: Vec<u64>,
    len: usize,
}

impl ClusterSet {
    /// The empty set over `len` clusters.
    pub fn empty(len: usize) -> Self {
        Self { words: vec![0; len.div_ceil(64)], len }
    }

    /// The set of all `len` clusters.
    pub fn full(len: usize) -> Self {
        let mut set = Self { words: vec![u64::MAX; len.div_ceil(64)], len };
        set.clear_tail();
        set
    }

    /// The set holding `indices` (each `< len`).
    pub fn from_indices(len: usize, indices: &[u32]) -> Self {
        let mut set = Self::empty(len);
        for &i in indices {
            set.insert(i as usize);
        }
        set
    }

    /// Adds index `i`.
    pub fn insert(&mut self, i: usize) {
        self.words[i / 64] |= 1 << (i % 64);
    }

    /// Keeps only indices also in `other`.
    pub fn intersect(&mut self, other: &Self) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a &= b);
    }

    /// Adds every index of `other`.
    pub fn union(&mut self, other: &Self) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a |= b);
    }

    /// Removes every index of `other`.
    pub fn subtract(&mut self, other: &Self) {
        self.words.iter_mut().zip(&other.words).for_each(|(a, b)| *a &= !b);
    }

    /// Number of indices in the set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// The indices in increasing order.
    pub fn iter(&self) -> impl Iterator<Item = usize> + '_ {
        self.words.iter().enumerate().flat_map(|(w, &word)| {
            let mut bits = word;
            std::iter::from_fn(move || {
                (bits != 0).then(|| {
                    let bit = bits.trailing_zeros() as usize;
                    bits &= bits - 1;
                    w * 64 + bit
                })
            })
        })
    }

    fn clear_tail(&mut self) {
        if !self.len.is_multiple_of(64) {
            if let Some(last) = self.words.last_mut() {
                *last &= (1u64 << (self.len % 64)) - 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ClusterSet;

    #[test]
    fn set_operations() {
        let mut a = ClusterSet::from_indices(130, &[0, 5, 64, 129]);
        let b = ClusterSet::from_indices(130, &[5, 129]);
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 5, 64, 129]);
        a.subtract(&b);
        assert_eq!(a.iter().collect::<Vec<_>>(), [0, 64]);
        a.union(&b);
        a.intersect(&b);
        assert_eq!(a, b);
        let mut e = ClusterSet::empty(130);
        e.union(&b);
        assert_eq!(e, b);
        assert_eq!(ClusterSet::full(130).count(), 130);
        assert_eq!(ClusterSet::full(0).count(), 0);
    }
}
