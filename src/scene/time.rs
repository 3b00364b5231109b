//! Time windows: which items a span of days shows, how a window is written
//! on the command line, and the calendar units the timeline counts in.

use std::str::FromStr;

use crate::model::{Day, FuzzyDate, days_in_month};

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

    /// The window for people: `18 Jul 2023 – 27 Jul 2023`, or one day.
    pub fn describe(&self) -> String {
        if self.start == self.end {
            self.start.describe()
        } else {
            format!("{} – {}", self.start.describe(), self.end.describe())
        }
    }
}

/// As the command line and the timeline's box take it back:
/// `2023-07-18/2023-07-27`, or one day.
impl std::fmt::Display for TimeWindow {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.start == self.end {
            write!(formatter, "{}", self.start)
        } else {
            write!(formatter, "{}/{}", self.start, self.end)
        }
    }
}

impl From<&FuzzyDate> for TimeWindow {
    /// Every day `date` covers: `2023-07` is 1 to 31 July.
    fn from(date: &FuzzyDate) -> Self {
        Self::new(date.first_day(), date.last_day())
    }
}

/// A calendar unit: a histogram bin, a playback step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum BinSize {
    /// One day.
    Day,
    /// Seven days, from Monday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
    /// Ten calendar years, from a year ending in 0.
    Decade,
}

impl BinSize {
    /// Every unit, finest first.
    pub const ALL: [Self; 5] = [Self::Day, Self::Week, Self::Month, Self::Year, Self::Decade];

    /// About how many days the unit lasts.
    pub fn typical_days(self) -> f64 {
        match self {
            Self::Day => 1.0,
            Self::Week => 7.0,
            Self::Month => 30.44,
            Self::Year => 365.25,
            Self::Decade => 3652.5,
        }
    }

    /// The unit in words: "day", "week"...
    pub fn name(self) -> &'static str {
        match self {
            Self::Day => "day",
            Self::Week => "week",
            Self::Month => "month",
            Self::Year => "year",
            Self::Decade => "decade",
        }
    }

    /// The finest unit that is at least `min_points` wide when one point
    /// spans `days_per_point` days.
    pub fn fitting(days_per_point: f64, min_points: f64) -> Self {
        Self::ALL
            .into_iter()
            .find(|unit| unit.typical_days() / days_per_point >= min_points)
            .unwrap_or(Self::Decade)
    }

    /// The first day of the unit that contains `day`.
    pub fn floor(self, day: Day) -> Day {
        let (year, month, _) = day.ymd();
        let first = |year: i32, month: u32| Day::from_ymd(year, month, 1).unwrap_or(day);
        match self {
            Self::Day => day,
            Self::Week => day.add_days(-i32::try_from(day.weekday()).unwrap_or(0)),
            Self::Month => first(year, month),
            Self::Year => first(year, 1),
            Self::Decade => first(year - year.rem_euclid(10), 1),
        }
    }

    /// The day `count` units after `day` (before it when negative); a month
    /// step from the 31st lands on the last day of a shorter month.
    pub fn step(self, day: Day, count: i32) -> Day {
        let months = |months: i32| {
            let (year, month, day_of_month) = day.ymd();
            let total = year * 12 + i32::try_from(month).unwrap_or(1) - 1 + months;
            let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
            let day_of_month = day_of_month.min(days_in_month(year, month));
            Day::from_ymd(year, month, day_of_month).unwrap_or(day)
        };
        match self {
            Self::Day => day.add_days(count),
            Self::Week => day.add_days(7 * count),
            Self::Month => months(count),
            Self::Year => months(12 * count),
            Self::Decade => months(120 * count),
        }
    }

    /// The unit boundaries from the one at or before `from` to the first
    /// after `to`: bins `[edges[i], edges[i + 1])` that cover both.
    pub fn edges(self, from: Day, to: Day) -> Vec<Day> {
        let mut edges = vec![self.floor(from)];
        while let Some(&last) = edges.last() {
            if last > to {
                break;
            }
            edges.push(self.step(last, 1));
        }
        edges
    }
}

/// A window as the command line gives it: a length ending at a day, or
/// explicit ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum WindowSpec {
    /// `7d`, `2w`, `1m`, `1y`: so many units, ending at the cursor.
    Length(u32, BinSize),
    /// `2023-07-18/2023-07-27`, `1866/2026`, `2023-07`: these days.
    Range(TimeWindow),
}

impl WindowSpec {
    /// The window this spec gives when it ends on `end` (for lengths).
    pub fn ending_at(self, end: Day) -> TimeWindow {
        match self {
            Self::Length(count, unit) => {
                let count = i32::try_from(count).unwrap_or(i32::MAX / 400);
                TimeWindow::new(unit.step(end, -count).add_days(1), end)
            }
            Self::Range(window) => window,
        }
    }
}

impl FromStr for WindowSpec {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let text = text.trim();
        let unit = match text.chars().last() {
            Some('d') => Some(BinSize::Day),
            Some('w') => Some(BinSize::Week),
            Some('m') => Some(BinSize::Month),
            Some('y') => Some(BinSize::Year),
            _ => None,
        };
        if let Some(unit) = unit {
            let count: u32 = text[..text.len() - 1].parse().map_err(|_| {
                format!("`{text}` is not a window: write a length such as 7d, 2w, 1m or 1y, or START/END")
            })?;
            if count == 0 {
                return Err(format!(
                    "`{text}`: a window is at least one {} long",
                    unit.name()
                ));
            }
            return Ok(Self::Length(count, unit));
        }
        let date: FuzzyDate = text
            .parse()
            .map_err(|err| format!("{err}; or give a length such as 7d, 2w, 1m or 1y"))?;
        Ok(Self::Range(TimeWindow::new(
            date.first_day(),
            date.last_day(),
        )))
    }
}

/// A step of playback: so many days, weeks, months or years.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    /// How many units.
    pub count: u32,
    /// Which unit.
    pub unit: BinSize,
}

impl Step {
    /// The steps a playback is offered in, finest first.
    pub const CHOICES: [Self; 4] = [
        Self::new(1, BinSize::Day),
        Self::new(1, BinSize::Week),
        Self::new(1, BinSize::Month),
        Self::new(1, BinSize::Year),
    ];

    /// `count` units.
    pub const fn new(count: u32, unit: BinSize) -> Self {
        Self { count, unit }
    }

    /// The finest step of [`Step::CHOICES`] that plays `from` to `to` in at
    /// most `frames` frames (a decade when even a year is too fine).
    pub fn fitting(from: Day, to: Day, frames: usize) -> Self {
        Self::CHOICES
            .into_iter()
            .find(|&step| playback_windows(from, to, step, None).len() <= frames)
            .unwrap_or(Self::new(1, BinSize::Decade))
    }

    /// The day `self` after `day`.
    pub fn after(self, day: Day) -> Day {
        self.unit
            .step(day, i32::try_from(self.count).unwrap_or(i32::MAX / 400))
    }
}

impl FromStr for Step {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.parse::<WindowSpec>() {
            Ok(WindowSpec::Length(count, unit)) => Ok(Self { count, unit }),
            _ => Err(format!(
                "`{text}` is not a step: write a length such as 1d, 1w, 1m or 1y"
            )),
        }
    }
}

/// The windows of a playback from `from` to `to`, one per `step`: each
/// the step's own days, or, with a `trail`, that long a window ending on
/// the step's last day (a week's trail at a daily step shows each day
/// with the six before it). The last window ends on `to` at the latest.
pub fn playback_windows(from: Day, to: Day, step: Step, trail: Option<Step>) -> Vec<TimeWindow> {
    let mut windows = Vec::new();
    let mut start = from;
    while start <= to {
        let next = step.after(start);
        let end = next.add_days(-1).min(to);
        windows.push(match trail {
            Some(trail) => WindowSpec::Length(trail.count, trail.unit).ending_at(end),
            None => TimeWindow::new(start, end),
        });
        if next <= start {
            break;
        }
        start = next;
    }
    windows
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

    #[test]
    fn bins_follow_the_calendar() {
        let edges = BinSize::Month.edges(day(2023, 7, 18), day(2023, 9, 2));
        assert_eq!(
            edges,
            vec![
                day(2023, 7, 1),
                day(2023, 8, 1),
                day(2023, 9, 1),
                day(2023, 10, 1)
            ]
        );
        // 17 July 2023 was a Monday.
        assert_eq!(BinSize::Week.floor(day(2023, 7, 20)), day(2023, 7, 17));
        assert_eq!(BinSize::Decade.floor(day(1987, 5, 5)), day(1980, 1, 1));
        assert_eq!(
            BinSize::Year.edges(day(2020, 1, 1), day(2020, 1, 1)).len(),
            2
        );
    }

    #[test]
    fn month_steps_land_on_real_days() {
        assert_eq!(BinSize::Month.step(day(2023, 1, 31), 1), day(2023, 2, 28));
        assert_eq!(BinSize::Month.step(day(2024, 3, 31), -1), day(2024, 2, 29));
        assert_eq!(BinSize::Year.step(day(2023, 7, 25), -3), day(2020, 7, 25));
        assert_eq!(BinSize::Week.step(day(2023, 7, 25), 1), day(2023, 8, 1));
    }

    #[test]
    fn picks_the_finest_bin_that_is_wide_enough() {
        assert_eq!(BinSize::fitting(0.1, 4.0), BinSize::Day);
        assert_eq!(BinSize::fitting(1.0, 4.0), BinSize::Week);
        assert_eq!(BinSize::fitting(30.0, 4.0), BinSize::Year);
        assert_eq!(BinSize::fitting(10_000.0, 4.0), BinSize::Decade);
    }

    #[test]
    fn reads_windows_from_the_command_line() {
        let end = day(2023, 7, 27);
        let week: WindowSpec = "7d".parse().unwrap();
        assert_eq!(week.ending_at(end), TimeWindow::new(day(2023, 7, 21), end));
        let month: WindowSpec = "1m".parse().unwrap();
        assert_eq!(month.ending_at(end).start, day(2023, 6, 28));
        let range: WindowSpec = "1866/2026".parse().unwrap();
        assert_eq!(
            range.ending_at(end),
            TimeWindow::new(day(1866, 1, 1), day(2026, 12, 31))
        );
        let july: WindowSpec = "2023-07".parse().unwrap();
        assert_eq!(july.ending_at(end).days(), 31);
        for bad in ["0d", "7x", "d", "2023-13", "soon"] {
            assert!(bad.parse::<WindowSpec>().is_err(), "{bad}");
        }
    }

    #[test]
    fn plays_back_a_fortnight_day_by_day() {
        let daily: Step = "1d".parse().unwrap();
        let windows = playback_windows(day(2023, 7, 18), day(2023, 7, 31), daily, None);
        assert_eq!(windows.len(), 14);
        assert_eq!(
            windows[0],
            TimeWindow::new(day(2023, 7, 18), day(2023, 7, 18))
        );
        assert_eq!(
            windows[13],
            TimeWindow::new(day(2023, 7, 31), day(2023, 7, 31))
        );
    }

    #[test]
    fn plays_back_months_with_a_trail_and_stops_at_the_end() {
        let monthly: Step = "1m".parse().unwrap();
        let quarter: Step = "3m".parse().unwrap();
        let windows = playback_windows(day(2023, 1, 1), day(2023, 3, 15), monthly, Some(quarter));
        assert_eq!(windows.len(), 3);
        // Each frame shows the three months ending on its last day.
        assert_eq!(
            windows[0],
            TimeWindow::new(day(2022, 11, 1), day(2023, 1, 31))
        );
        // The last stops on the end asked for, not at the month's end.
        assert_eq!(
            windows[2],
            TimeWindow::new(day(2022, 12, 16), day(2023, 3, 15))
        );
    }

    #[test]
    fn picks_the_finest_step_that_keeps_a_film_short() {
        let fits = |from, to| Step::fitting(from, to, 120).unit;
        assert_eq!(fits(day(2023, 7, 1), day(2023, 7, 31)), BinSize::Day);
        assert_eq!(fits(day(2023, 1, 1), day(2023, 12, 31)), BinSize::Week);
        assert_eq!(fits(day(1990, 1, 1), day(1999, 12, 31)), BinSize::Month);
        assert_eq!(fits(day(1990, 1, 1), day(2000, 1, 1)), BinSize::Year);
        assert_eq!(fits(day(1900, 1, 1), day(2019, 12, 31)), BinSize::Year);
        assert_eq!(fits(day(1, 1, 1), day(2026, 1, 1)), BinSize::Decade);
    }

    #[test]
    fn a_window_reads_back_as_written_and_in_words() {
        let fortnight = TimeWindow::new(day(2023, 7, 18), day(2023, 7, 31));
        assert_eq!(fortnight.to_string(), "2023-07-18/2023-07-31");
        assert_eq!(fortnight.describe(), "18 Jul 2023 – 31 Jul 2023");
        assert_eq!(
            fortnight.to_string().parse::<WindowSpec>(),
            Ok(WindowSpec::Range(fortnight))
        );
        let one = TimeWindow::new(day(2023, 7, 25), day(2023, 7, 25));
        assert_eq!(
            (one.to_string().as_str(), one.describe().as_str()),
            ("2023-07-25", "25 Jul 2023")
        );
    }

    #[test]
    fn a_step_is_a_length() {
        assert!("2023-07".parse::<Step>().is_err());
        assert!("0d".parse::<Step>().is_err());
        assert_eq!(
            "2w".parse::<Step>().unwrap(),
            Step {
                count: 2,
                unit: BinSize::Week
            }
        );
    }
}
