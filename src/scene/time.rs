//! Time windows: which items a span of days shows.

use crate::model::Day;

/// A span of days, both ends included.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct TimeWindow {
    /// The first day shown.
    pub start: Day,
    /// The last day shown.
    pub end: Day,
}

impl TimeWindow {
    /// The window from `start` to `end`, swapped if given the wrong way round.
    pub fn new(start: Day, end: Day) -> Self {
        Self {
            start: start.min(end),
            end: start.max(end),
        }
    }

    /// Whether an item covering `first..=last` shows: it does when any of
    /// its days falls inside the window, so a month-precision visit shows all
    /// month long.
    pub fn overlaps(&self, first: Day, last: Day) -> bool {
        first <= self.end && last >= self.start
    }

    /// How many days the window spans.
    pub fn days(&self) -> i32 {
        self.end.0 - self.start.0 + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Day {
        Day::from_ymd(y, m, d).unwrap()
    }

    #[test]
    fn includes_both_ends() {
        let window = TimeWindow::new(day(2023, 7, 18), day(2023, 7, 25));
        assert!(window.overlaps(day(2023, 7, 25), day(2023, 7, 25)));
        assert!(window.overlaps(day(2023, 7, 18), day(2023, 7, 18)));
        assert!(!window.overlaps(day(2023, 7, 26), day(2023, 7, 27)));
        assert!(!window.overlaps(day(2023, 7, 1), day(2023, 7, 17)));
        assert_eq!(window.days(), 8);
    }

    #[test]
    fn a_coarse_item_shows_across_its_whole_span() {
        let july = (day(2023, 7, 1), day(2023, 7, 31));
        let window = TimeWindow::new(day(2023, 7, 20), day(2023, 7, 20));
        assert!(window.overlaps(july.0, july.1));
    }

    #[test]
    fn orders_its_ends() {
        let window = TimeWindow::new(day(2023, 7, 25), day(2023, 7, 18));
        assert_eq!(window.start, day(2023, 7, 18));
    }
}
