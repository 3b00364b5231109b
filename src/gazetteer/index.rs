//! The name index: every folded name hashed to 64 bits, sorted, each entry
//! pointing at a country or a city, the best candidate for a name first.
//!
//! A sorted array instead of a hash map of strings: no allocation per name
//! at load time, and a lookup is one fold, one hash, one step into a table
//! of where each leading 16 bits of hash start, and a short scan.
//! Two different names with the same hash would share candidates; a test
//! checks that the bundled names have none (and with 64 bits a query
//! colliding with an indexed name is a one in 10^13 event).

use super::fold::fold_into;
use crate::hash_index::SortedHashIndex;

/// What an index entry points at: a country or a city by position, and
/// whether the name is an acronym ("US", "DPRK") that only matches text
/// without lowercase letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(super) struct Target(u32);

/// A [`Target`] taken apart.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Place {
    /// The country at this position.
    Country(usize),
    /// The city at this position.
    City(usize),
}

impl Target {
    const COUNTRY: u32 = 1 << 31;
    const ACRONYM: u32 = 1 << 30;
    const INDEX: u32 = Self::ACRONYM - 1;

    /// The city at position `index`.
    pub(super) fn city(index: usize) -> Self {
        debug_assert!(index <= Self::INDEX as usize);
        Self(index as u32 & Self::INDEX)
    }

    /// The country at position `index`.
    pub(super) fn country(index: usize) -> Self {
        debug_assert!(index <= Self::INDEX as usize);
        Self(Self::COUNTRY | (index as u32 & Self::INDEX))
    }

    /// This target, marked as reached through an acronym when `acronym`.
    pub(super) fn acronym_if(self, acronym: bool) -> Self {
        if acronym {
            Self(self.0 | Self::ACRONYM)
        } else {
            self
        }
    }

    /// This target moved `offset` places on if it is a city.
    fn shifted(self, offset: usize) -> Self {
        match self.place() {
            Place::City(index) => Self::city(index + offset).acronym_if(self.is_acronym()),
            Place::Country(_) => self,
        }
    }

    /// Whether the name that leads here is an acronym.
    pub(super) fn is_acronym(self) -> bool {
        self.0 & Self::ACRONYM != 0
    }

    /// The country or city this points at.
    pub(super) fn place(self) -> Place {
        let index = (self.0 & Self::INDEX) as usize;
        if self.0 & Self::COUNTRY == 0 {
            Place::City(index)
        } else {
            Place::Country(index)
        }
    }
}

/// Whether `name` is an acronym: two to five letters, all ASCII capitals
/// ("US", "U.S.", "DPRK"). Such names match only text written in capitals,
/// so that "us" is no country.
pub(super) fn is_acronym(name: &str) -> bool {
    let mut letters = 0;
    for ch in name.chars().filter(|ch| ch.is_alphabetic()) {
        if !ch.is_ascii_uppercase() {
            return false;
        }
        letters += 1;
    }
    (2..=5).contains(&letters)
}

/// How good a candidate is, smaller first: a tier (countries before
/// cities, 0 or 1), then a score (a weighted population), larger first.
///
/// The score is kept as an `f32`, whose bits sort like its value: 24 bits
/// of precision are plenty to order populations.
pub(super) fn rank(tier: u32, score: u64) -> u32 {
    let bits = (score as f32).to_bits() & 0x7fff_ffff;
    ((tier & 1) << 31) | (0x7fff_ffff - bits)
}

/// The 64-bit hash of a folded name: eight bytes at a time, multiplied and
/// rotated, then mixed with `MurmurHash3`'s finaliser. Fast and good enough
/// for names nobody chose to collide.
pub(super) fn hash_key(key: &str) -> u64 {
    const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut hash = key.len() as u64;
    let mut chunks = key.as_bytes().chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        hash = (hash ^ u64::from_le_bytes(word))
            .wrapping_mul(MULTIPLIER)
            .rotate_left(31);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0; 8];
        word[..rest.len()].copy_from_slice(rest);
        hash = (hash ^ u64::from_le_bytes(word))
            .wrapping_mul(MULTIPLIER)
            .rotate_left(31);
    }
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xff51_afd7_ed55_8ccd);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    hash ^ (hash >> 33)
}

/// How many leading bits of a hash pick its bucket.
const BUCKET_BITS: u32 = 16;

/// Names to [`Target`]s, best first; built by [`IndexBuilder`].
#[derive(Debug, Default)]
pub(super) struct NameIndex(SortedHashIndex<Target>);

impl NameIndex {
    /// The targets of every name that folds like `name`, best first.
    pub(super) fn get(&self, key: &str) -> &[Target] {
        if key.is_empty() {
            return &[];
        }
        self.0.get(hash_key(key))
    }

    /// How many names are indexed.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.0.len()
    }
}

/// An index entry while building: the name's hash, then its rank (high
/// half) and target (low half), so that entries sort best first.
type Entry = (u64, u64);

/// Collects names with their targets and ranks, to be sorted into a
/// [`NameIndex`]; several builders can work on parts of the data at once.
#[derive(Debug, Default)]
pub(super) struct IndexBuilder {
    entries: Vec<Entry>,
    key: String,
}

/// The entries of one [`IndexBuilder`], sorted.
#[derive(Debug, Default)]
pub(super) struct SortedNames(Vec<Entry>);

impl IndexBuilder {
    /// A builder with room for `capacity` names.
    pub(super) fn with_capacity(capacity: usize) -> Self {
        Self {
            entries: Vec::with_capacity(capacity),
            key: String::new(),
        }
    }

    /// Makes room for `additional` more names.
    pub(super) fn reserve(&mut self, additional: usize) {
        self.entries.reserve(additional);
    }

    /// Indexes `name` (folded) as leading to `target` with `rank` (see [`rank`]).
    pub(super) fn add(&mut self, name: &str, rank: u32, target: Target) {
        fold_into(name, &mut self.key);
        if !self.key.is_empty() {
            let order = (u64::from(rank) << 32) | u64::from(target.0);
            self.entries.push((hash_key(&self.key), order));
        }
    }

    /// The entries sorted: by bucket (a counting sort), then within each
    /// bucket.
    pub(super) fn sorted(self) -> SortedNames {
        let bucket_count = 1 << BUCKET_BITS;
        let mut bounds = vec![0_usize; bucket_count + 1];
        for &(hash, _) in &self.entries {
            bounds[bucket_of(hash) + 1] += 1;
        }
        for bucket in 0..bucket_count {
            bounds[bucket + 1] += bounds[bucket];
        }
        let mut next = bounds.clone();
        let mut sorted = vec![(0, 0); self.entries.len()];
        for entry in self.entries {
            let slot = &mut next[bucket_of(entry.0)];
            sorted[*slot] = entry;
            *slot += 1;
        }
        for bucket in 0..bucket_count {
            sorted[bounds[bucket]..bounds[bucket + 1]].sort_unstable();
        }
        SortedNames(sorted)
    }
}

impl SortedNames {
    /// Moves every city target `offset` places on, for entries built from
    /// a later part of the cities.
    pub(super) fn shift_cities(&mut self, offset: usize) {
        for (_, order) in &mut self.0 {
            let target = Target(*order as u32).shifted(offset);
            *order = (*order & !u64::from(u32::MAX)) | u64::from(target.0);
        }
    }

    /// The index of all `parts`' names, dropping a target's second entry
    /// under one name.
    pub(super) fn merge(parts: Vec<Self>) -> NameIndex {
        let merged = parts
            .into_iter()
            .map(|part| part.0)
            .reduce(merge_sorted)
            .unwrap_or_default();
        let mut entries: Vec<(u64, Target)> = Vec::with_capacity(merged.len());
        let mut run_start = 0;
        for (hash, order) in merged {
            let target = Target(order as u32);
            if entries.last().map(|&(last, _)| last) != Some(hash) {
                run_start = entries.len();
            }
            if !entries[run_start..]
                .iter()
                .any(|&(_, known)| known == target)
            {
                entries.push((hash, target));
            }
        }
        NameIndex(SortedHashIndex::new(entries, BUCKET_BITS))
    }
}

/// Two sorted vectors merged into one.
fn merge_sorted(first: Vec<Entry>, second: Vec<Entry>) -> Vec<Entry> {
    let mut merged = Vec::with_capacity(first.len() + second.len());
    let mut first = first.into_iter().peekable();
    let mut second = second.into_iter().peekable();
    loop {
        let entry = match (first.peek(), second.peek()) {
            (Some(a), Some(b)) if a <= b => first.next(),
            (_, Some(_)) => second.next(),
            (Some(_), None) => first.next(),
            (None, None) => break,
        };
        merged.extend(entry);
    }
    merged
}

/// The bucket of a hash: its leading [`BUCKET_BITS`] bits.
fn bucket_of(hash: u64) -> usize {
    (hash >> (64 - BUCKET_BITS)) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets_round_trip() {
        assert_eq!(Target::city(7).place(), Place::City(7));
        assert_eq!(Target::country(3).place(), Place::Country(3));
        let acronym = Target::country(3).acronym_if(true);
        assert!(acronym.is_acronym());
        assert_eq!(acronym.place(), Place::Country(3));
        assert!(!Target::city(1).acronym_if(false).is_acronym());
        let shifted = Target::city(1).acronym_if(true).shifted(10);
        assert_eq!(
            (shifted.place(), shifted.is_acronym()),
            (Place::City(11), true)
        );
        assert_eq!(Target::country(1).shifted(10), Target::country(1));
    }

    #[test]
    fn acronyms_are_short_and_all_capitals() {
        for name in ["US", "U.S.", "UK", "DPRK", "D.P.R.K.", "USSR", "FYROM"] {
            assert!(is_acronym(name), "{name}");
        }
        for name in ["Us", "U", "Paris", "DR Congo", "ABCDEF", "Ümea", ""] {
            assert!(!is_acronym(name), "{name}");
        }
    }

    #[test]
    fn parts_merge_with_their_cities_shifted() {
        let mut first = IndexBuilder::default();
        first.add("France", rank(0, 66_000_000), Target::country(0));
        first.add("Paris", rank(1, 2_000_000), Target::city(0));
        first.add("Lyon", rank(1, 500_000), Target::city(1));
        let mut second = IndexBuilder::default();
        second.add("Paris", rank(1, 25_000), Target::city(0));
        second.add("Paris", rank(1, 9_000_000), Target::city(1));
        second.add("Lyon", rank(1, 500_000), Target::city(1));
        let mut second = second.sorted();
        second.shift_cities(2);
        let index = SortedNames::merge(vec![first.sorted(), second]);
        assert_eq!(index.get("france"), [Target::country(0)]);
        let paris = [Target::city(3), Target::city(0), Target::city(2)];
        assert_eq!(index.get("paris"), paris);
        assert_eq!(index.get("lyon"), [Target::city(1), Target::city(3)]);
        assert_eq!(
            merge_sorted(vec![(1, 1), (3, 0)], vec![(2, 0), (3, 1)]),
            [(1, 1), (2, 0), (3, 0), (3, 1)]
        );
    }

    #[test]
    fn hashes_differ_for_nearby_keys() {
        let keys = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abcdefgh",
            "abcdefgi",
            "abcdefgh ",
            "abcdefgha",
        ];
        let hashes: std::collections::HashSet<u64> = keys.iter().map(|k| hash_key(k)).collect();
        assert_eq!(hashes.len(), keys.len());
    }

    #[test]
    fn ranks_order_tiers_then_scores() {
        assert!(rank(0, 1) < rank(1, 1_000_000));
        assert!(rank(0, 0) < rank(1, u64::MAX));
        assert!(rank(1, 10) < rank(1, 9));
        assert!(rank(1, 1_411_778_724) < rank(1, 1_411_778_000));
        assert!(rank(1, 141_177_872_400) < rank(1, 1_411_778_724));
        assert!(rank(1, u64::MAX) < rank(1, 0));
        assert!(rank(1, 1) < rank(1, 0));
    }

    #[test]
    fn index_finds_folded_names_best_first_without_duplicates() {
        let mut builder = IndexBuilder::with_capacity(8);
        builder.add("Paris", rank(1, 25_000), Target::city(1));
        builder.add("Paris", rank(1, 2_000_000), Target::city(0));
        builder.add("PARÍS", rank(1, 2_000_000), Target::city(0));
        builder.add("Lutetia", rank(1, 200_000), Target::city(0));
        builder.add(" - ", rank(1, 1), Target::city(2));
        let index = SortedNames::merge(vec![builder.sorted()]);
        assert_eq!(index.len(), 3);
        assert_eq!(index.get("paris"), [Target::city(0), Target::city(1)]);
        assert_eq!(index.get("lutetia"), [Target::city(0)]);
        assert!(index.get("london").is_empty());
        assert!(index.get("").is_empty());
    }
}
