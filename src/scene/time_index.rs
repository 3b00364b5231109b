//! The time index: which items a window shows, by binary search instead of
//! a scan, and how many start in each bin of the histogram.
//!
//! Items are kept sorted by their first day in a few classes by length (a
//! day, a month, a year, longer). An item of a class can start at most the
//! class's longest span before a window and still reach into it, so a query
//! looks at `[window.start - longest, window.end]` of each class: O(log n)
//! to find that run, plus the run itself, which is the visible items and a
//! thin margin.
//!
//! Each item carries a small payload (the scene stores a visit's route, an
//! event's place and kind), kept beside its days so that a query reads
//! memory in order and hands over what aggregation needs without a second
//! lookup.

use super::TimeWindow;
use crate::model::Day;

/// The longest span, in days, of each class; the last takes the rest.
const CLASS_LIMITS: [i32; 3] = [1, 31, 366];

/// One class: items sorted by first day.
#[derive(Clone, Debug)]
struct Class<T> {
    first_days: Vec<Day>,
    last_days: Vec<Day>,
    payloads: Vec<T>,
    longest: i32,
}

impl<T> Default for Class<T> {
    fn default() -> Self {
        Self {
            first_days: Vec::new(),
            last_days: Vec::new(),
            payloads: Vec::new(),
            longest: 0,
        }
    }
}

/// A sorted index of items' day spans, each with a payload `T`.
#[derive(Clone, Debug)]
pub struct TimeIndex<T = ()> {
    classes: [Class<T>; 4],
    starts: Vec<Day>,
}

impl<T> Default for TimeIndex<T> {
    fn default() -> Self {
        Self {
            classes: std::array::from_fn(|_| Class::default()),
            starts: Vec::new(),
        }
    }
}

impl<T: Copy> TimeIndex<T> {
    /// Indexes items given as `(first_day, last_day, payload)`.
    pub fn new(spans: impl IntoIterator<Item = (Day, Day, T)>) -> Self {
        let mut sorted: Vec<(Day, Day, T)> = spans
            .into_iter()
            .map(|(first, last, payload)| (first, last.max(first), payload))
            .collect();
        // Items starting on the same day may come in any order: what reads
        // them counts.
        sort_by_day(&mut sorted, |&(first, _, _)| first);
        let mut index = Self {
            starts: sorted.iter().map(|&(first, _, _)| first).collect(),
            ..Self::default()
        };
        for (first, last, payload) in sorted {
            let span = last.0 - first.0 + 1;
            let class = CLASS_LIMITS
                .iter()
                .position(|&limit| span <= limit)
                .unwrap_or(CLASS_LIMITS.len());
            let class = &mut index.classes[class];
            class.first_days.push(first);
            class.last_days.push(last);
            class.payloads.push(payload);
            class.longest = class.longest.max(span);
        }
        index
    }

    /// How many items are indexed.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Whether no item is indexed.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Calls `visit` with the payload of every item that has a day inside
    /// `window`, class by class, each in order of first day.
    pub fn for_each_in(&self, window: &TimeWindow, mut visit: impl FnMut(T)) {
        for class in &self.classes {
            let earliest = Day(window.start.0.saturating_sub(class.longest));
            let from = class.first_days.partition_point(|&first| first < earliest);
            let to = class
                .first_days
                .partition_point(|&first| first <= window.end);
            for position in from..to {
                if class.last_days[position] >= window.start {
                    visit(class.payloads[position]);
                }
            }
        }
    }

    /// How many items start on a day in `[from, to)`.
    pub fn count_starting(&self, from: Day, to: Day) -> usize {
        count_starting(&self.starts, from, to)
    }
}

/// Most days counted per item by [`sort_by_day`]: past that, items spread
/// over so many days that a comparison sort is quicker.
const COUNTED_DAYS_PER_ITEM: usize = 4;

/// Sorts `items` by the day `day_of` gives each, keeping the order of
/// items on the same day. By counting (a few passes over the items), when
/// they span a few days per item or fewer: a million records dated over
/// decades span tens of thousands of days, and counting sorts them several
/// times faster than comparing.
pub fn sort_by_day<T: Copy>(items: &mut [T], day_of: impl Fn(&T) -> Day) {
    let (Some(earliest), Some(latest)) = (
        items.iter().map(&day_of).min(),
        items.iter().map(&day_of).max(),
    ) else {
        return;
    };
    let span = usize::try_from(latest.0.abs_diff(earliest.0)).unwrap_or(usize::MAX);
    if span >= items.len().saturating_mul(COUNTED_DAYS_PER_ITEM) {
        items.sort_by_key(day_of);
        return;
    }
    let offset = |item: &T| day_of(item).0.abs_diff(earliest.0) as usize;
    // Where each day's items go: counts, then running sums.
    let mut next = vec![0; span + 2];
    for item in items.iter() {
        next[offset(item) + 1] += 1;
    }
    for day in 1..next.len() {
        next[day] += next[day - 1];
    }
    let unsorted = items.to_vec();
    for item in unsorted {
        let slot = &mut next[offset(&item)];
        items[*slot] = item;
        *slot += 1;
    }
}

/// How many of the sorted days `starts` fall in `[from, to)`.
pub fn count_starting(starts: &[Day], from: Day, to: Day) -> usize {
    let begin = starts.partition_point(|&first| first < from);
    let end = starts.partition_point(|&first| first < to);
    end.saturating_sub(begin)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap()
    }

    fn window(from: Day, to: Day) -> TimeWindow {
        TimeWindow::new(from, to)
    }

    /// Spans indexed with their positions as payloads.
    fn indexed(spans: &[(Day, Day)]) -> TimeIndex<usize> {
        TimeIndex::new(
            spans
                .iter()
                .enumerate()
                .map(|(item, &(first, last))| (first, last, item)),
        )
    }

    /// The positions of the items in `window`, in order.
    fn items_in(index: &TimeIndex<usize>, window: TimeWindow) -> Vec<usize> {
        let mut items = Vec::new();
        index.for_each_in(&window, |item| items.push(item));
        items.sort_unstable();
        items
    }

    /// The same query done the slow way.
    fn scan(spans: &[(Day, Day)], window: TimeWindow) -> Vec<usize> {
        (0..spans.len())
            .filter(|&item| window.overlaps(spans[item].0, spans[item].1))
            .collect()
    }

    #[test]
    fn finds_day_month_year_and_interval_items_that_touch_the_window() {
        let spans = [
            (day(2023, 7, 25), day(2023, 7, 25)), // a day
            (day(2023, 7, 1), day(2023, 7, 31)),  // July
            (day(2023, 1, 1), day(2023, 12, 31)), // 2023
            (day(2022, 1, 1), day(2023, 7, 25)),  // since the start of 2022
            (day(2023, 8, 1), day(2023, 8, 1)),   // after
            (day(2021, 6, 1), day(2021, 6, 30)),  // before
        ];
        let index = indexed(&spans);
        let mid_july = window(day(2023, 7, 18), day(2023, 7, 20));
        assert_eq!(items_in(&index, mid_july), vec![1, 2, 3]);
        let the_day = window(day(2023, 7, 25), day(2023, 7, 25));
        assert_eq!(items_in(&index, the_day), vec![0, 1, 2, 3]);
    }

    #[test]
    fn both_edges_are_inclusive() {
        let index = indexed(&[(day(2023, 7, 25), day(2023, 7, 27))]);
        assert_eq!(
            items_in(&index, window(day(2023, 7, 27), day(2023, 7, 30))),
            vec![0]
        );
        assert_eq!(
            items_in(&index, window(day(2023, 7, 20), day(2023, 7, 25))),
            vec![0]
        );
        assert!(items_in(&index, window(day(2023, 7, 28), day(2023, 7, 30))).is_empty());
        assert!(items_in(&index, window(day(2023, 7, 20), day(2023, 7, 24))).is_empty());
    }

    #[test]
    fn an_empty_index_and_an_empty_window_find_nothing() {
        let empty = indexed(&[]);
        assert!(empty.is_empty());
        assert!(items_in(&empty, window(day(2023, 1, 1), day(2024, 1, 1))).is_empty());
        let one = indexed(&[(day(2023, 7, 25), day(2023, 7, 25))]);
        assert_eq!(one.len(), 1);
        assert!(items_in(&one, window(day(1990, 1, 1), day(1990, 1, 1))).is_empty());
    }

    /// Deterministic pseudo-random numbers below a modulus, from `seed`.
    fn numbers(seed: u64) -> impl FnMut(u64) -> u64 {
        let mut state = seed;
        move |modulo| {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1);
            (state >> 33) % modulo
        }
    }

    #[test]
    fn agrees_with_a_scan_on_mixed_data() {
        // Deterministic pseudo-random spans of every class.
        let mut next = numbers(42);
        let spans: Vec<(Day, Day)> = (0..2000)
            .map(|_| {
                let first = Day(19_000 + next(2000) as i32);
                let length = [0, 0, 0, 20, 300, 900][next(6) as usize];
                (first, Day(first.0 + length))
            })
            .collect();
        let index = indexed(&spans);
        for start in (18_500..21_500).step_by(97) {
            for length in [0, 6, 30, 400] {
                let query = window(Day(start), Day(start + length));
                assert_eq!(items_in(&index, query), scan(&spans, query), "{query:?}");
            }
        }
    }

    #[test]
    fn sorting_by_day_keeps_the_order_of_items_on_the_same_day() {
        let mut next = numbers(7);
        // Days close together (counted), and far apart (compared).
        for spread in [50, 1_000_000] {
            let items: Vec<(Day, usize)> = (0..3000)
                .map(|position| (Day(next(spread) as i32 - 20), position))
                .collect();
            let mut sorted = items.clone();
            sort_by_day(&mut sorted, |&(day, _)| day);
            let mut expected = items;
            expected.sort_by_key(|&(day, _)| day);
            assert_eq!(sorted, expected, "spread over {spread} days");
        }
        let mut none: Vec<(Day, usize)> = Vec::new();
        sort_by_day(&mut none, |&(day, _)| day);
        assert!(none.is_empty());
    }

    #[test]
    fn counts_items_starting_in_a_bin() {
        let index = indexed(&[
            (day(2023, 7, 25), day(2023, 7, 25)),
            (day(2023, 7, 1), day(2023, 7, 31)),
            (day(2023, 8, 1), day(2023, 8, 1)),
        ]);
        assert_eq!(index.count_starting(day(2023, 7, 1), day(2023, 8, 1)), 2);
        assert_eq!(index.count_starting(day(2023, 8, 1), day(2023, 9, 1)), 1);
        assert_eq!(index.count_starting(day(2023, 9, 1), day(2023, 8, 1)), 0);
    }
}
