//! A sorted hash index: values keyed by 64-bit hashes in one sorted array,
//! with a table of where each run of hashes sharing their leading bits
//! starts, so that a lookup steps straight to its run (hashes are uniform)
//! instead of binary-searching the whole array. No allocation per key, a
//! few bytes per entry: the gazetteer's names and a big file's source ids
//! are both looked up through it.

/// Values by hash; several values may share a hash, in the order given.
#[derive(Clone, Debug)]
pub struct SortedHashIndex<V> {
    hashes: Vec<u64>,
    values: Vec<V>,
    /// `hashes[starts[r]..starts[r + 1]]` are those whose leading `bits`
    /// bits are `r`.
    starts: Vec<u32>,
    bits: u32,
}

impl<V> Default for SortedHashIndex<V> {
    fn default() -> Self {
        Self {
            hashes: Vec::new(),
            values: Vec::new(),
            starts: Vec::new(),
            bits: 0,
        }
    }
}

impl<V: Copy> SortedHashIndex<V> {
    /// The index of `entries` (hash, value), runs keyed by `bits` leading
    /// bits; values under one hash keep the order they come in.
    pub fn new(mut entries: Vec<(u64, V)>, bits: u32) -> Self {
        // Stable: equal hashes keep their order (the gazetteer's best first).
        entries.sort_by_key(|&(hash, _)| hash);
        let (hashes, values) = entries.into_iter().unzip();
        let mut index = Self {
            hashes,
            values,
            starts: Vec::new(),
            bits: bits.min(32),
        };
        let runs = 1usize << index.bits;
        index.starts.reserve(runs + 1);
        let mut next = 0;
        for run in 0..=runs {
            while next < index.hashes.len() && index.run(index.hashes[next]) < run {
                next += 1;
            }
            index.starts.push(next as u32);
        }
        index
    }

    /// The index of `entries` with about one entry per run.
    pub fn sized(entries: Vec<(u64, V)>) -> Self {
        let bits = entries.len().next_power_of_two().trailing_zeros();
        Self::new(entries, bits)
    }

    fn run(&self, hash: u64) -> usize {
        hash.checked_shr(64 - self.bits).unwrap_or(0) as usize
    }

    /// The values under `hash`, in the order they were given.
    pub fn get(&self, hash: u64) -> &[V] {
        let run = self.run(hash);
        let (Some(&start), Some(&end)) = (self.starts.get(run), self.starts.get(run + 1)) else {
            return &[];
        };
        let (start, end) = (start as usize, end as usize);
        let in_run = &self.hashes[start..end];
        let first = in_run.partition_point(|&other| other < hash);
        let count = in_run[first..].partition_point(|&other| other == hash);
        &self.values[start + first..start + first + count]
    }

    /// How many entries it holds.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    /// Whether it holds none.
    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_value_under_its_hash_in_the_order_given() {
        // Hashes spread over the runs, some shared, one at each extreme.
        let entries = vec![
            (u64::MAX, 'z'),
            (0x8000_0000_0000_0000, 'a'),
            (0, 'x'),
            (0x8000_0000_0000_0000, 'b'),
            (0x4000_0000_0000_0001, 'c'),
            (0x8000_0000_0000_0000, 'd'),
        ];
        for bits in [0, 1, 3, 16] {
            let index = SortedHashIndex::new(entries.clone(), bits);
            assert_eq!(
                index.get(0x8000_0000_0000_0000),
                ['a', 'b', 'd'],
                "{bits} bits"
            );
            assert_eq!(index.get(u64::MAX), ['z']);
            assert_eq!(index.get(0), ['x']);
            assert_eq!(index.get(0x4000_0000_0000_0001), ['c']);
            assert!(index.get(0x4000_0000_0000_0002).is_empty());
            assert_eq!(index.len(), 6);
        }
        assert!(SortedHashIndex::<u32>::sized(Vec::new()).get(7).is_empty());
    }
}
