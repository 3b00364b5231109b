//! Calendar days and fuzzy dates: the EDTF subset `legation/1` uses.
//!
//! A [`FuzzyDate`] keeps its precision (`2023`, `2023-07`, `2023-07-25`) or is
//! an interval of two such dates, and covers the whole span of days it names.

use std::fmt;
use std::str::FromStr;

/// A calendar day in the proleptic Gregorian calendar, counted from 1970-01-01.
///
/// Day numbers make windows and sorting cheap: comparing two days is
/// comparing two integers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Day(pub i32);

/// The first year a date may name.
pub const MIN_YEAR: i32 = 1;
/// The last year a date may name.
pub const MAX_YEAR: i32 = 9999;

impl Day {
    /// The day with this year, month (1-12) and day of month, if it exists.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(MIN_YEAR..=MAX_YEAR).contains(&year)
            || !(1..=12).contains(&month)
            || day == 0
            || day > days_in_month(year, month)
        {
            return None;
        }
        Some(Self(days_from_civil(year, month, day)))
    }

    /// The year, month (1-12) and day of month.
    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    /// The year.
    pub fn year(self) -> i32 {
        self.ymd().0
    }

    /// The day of the week, Monday being 0 and Sunday 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// The day `days` later (or earlier, when negative).
    #[must_use]
    pub fn add_days(self, days: i32) -> Self {
        Self(self.0 + days)
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (year, month, day) = self.ymd();
        write!(f, "{year:04}-{month:02}-{day:02}")
    }
}

/// Whether `year` has a 29 February.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// How many days `month` (1-12) of `year` has.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 31,
    }
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for every
// Gregorian date, no tables, no dependency.
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100
        + i32::try_from(day_of_year).unwrap_or(0);
    era * 146_097 + day_of_era - 719_468
}

fn civil_from_days(days: i32) -> (i32, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = (day_of_year - (153 * month_from_march + 2) / 5 + 1) as u32;
    let month = if month_from_march < 10 {
        month_from_march + 3
    } else {
        month_from_march - 9
    } as u32;
    let year = year_of_era + era * 400 + i32::from(month <= 2);
    (year, month, day)
}

/// How precisely a date is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    /// Only the year: `2023`.
    Year,
    /// The year and month: `2023-07`.
    Month,
    /// The day: `2023-07-25`.
    Day,
}

/// A date at year, month or day precision: one end of a [`FuzzyDate`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DatePoint {
    year: i32,
    month: Option<u32>,
    day: Option<u32>,
}

impl DatePoint {
    /// A whole year.
    pub fn year(year: i32) -> Option<Self> {
        Day::from_ymd(year, 1, 1)?;
        Some(Self {
            year,
            month: None,
            day: None,
        })
    }

    /// A whole month.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        Day::from_ymd(year, month, 1)?;
        Some(Self {
            year,
            month: Some(month),
            day: None,
        })
    }

    /// One day.
    pub fn day(day: Day) -> Self {
        let (year, month, day) = day.ymd();
        Self {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// How precisely this date is known.
    pub fn precision(&self) -> Precision {
        match (self.month, self.day) {
            (Some(_), Some(_)) => Precision::Day,
            (Some(_), None) => Precision::Month,
            _ => Precision::Year,
        }
    }

    /// The first day this date covers.
    pub fn first_day(&self) -> Day {
        Self::checked(self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date covers.
    pub fn last_day(&self) -> Day {
        let month = self.month.unwrap_or(12);
        let day = self.day.unwrap_or_else(|| days_in_month(self.year, month));
        Self::checked(self.year, month, day)
    }

    fn checked(year: i32, month: u32, day: u32) -> Day {
        // Every constructor validated the parts, so the day exists.
        Day::from_ymd(year, month, day).unwrap_or(Day(0))
    }

    fn parse(text: &str) -> Result<Self, DateError> {
        let malformed = || DateError::Malformed(text.to_owned());
        // Bytes, not `str::split`: a million records each have a date.
        let mut parts = text.as_bytes().split(|&byte| byte == b'-');
        let year = parse_digits(parts.next(), 4).ok_or_else(malformed)?;
        let month = parts
            .next()
            .map(|m| parse_digits(Some(m), 2).ok_or_else(malformed));
        let day = parts
            .next()
            .map(|d| parse_digits(Some(d), 2).ok_or_else(malformed));
        if parts.next().is_some() {
            return Err(malformed());
        }
        // Four digits always fit.
        let year = i32::try_from(year).unwrap_or(0);
        if year < MIN_YEAR {
            return Err(DateError::YearOutOfRange(text.to_owned()));
        }
        match (month.transpose()?, day.transpose()?) {
            (None, _) => Self::year(year).ok_or(DateError::YearOutOfRange(text.to_owned())),
            (Some(month), None) => {
                Self::month(year, month).ok_or(DateError::MonthOutOfRange(text.to_owned()))
            }
            (Some(month), Some(day)) => {
                if !(1..=12).contains(&month) {
                    return Err(DateError::MonthOutOfRange(text.to_owned()));
                }
                // Checked here and kept as parsed: `Self::day` would turn
                // the day number back into its parts, and every record
                // has a date.
                Day::from_ymd(year, month, day)
                    .map(|_| Self {
                        year,
                        month: Some(month),
                        day: Some(day),
                    })
                    .ok_or_else(|| DateError::DayOutOfRange {
                        date: text.to_owned(),
                        days_in_month: days_in_month(year, month),
                    })
            }
        }
    }
}

/// Parses exactly `width` ASCII digits.
fn parse_digits(text: Option<&[u8]>, width: usize) -> Option<u32> {
    let text = text?;
    if text.len() != width || !text.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        text.iter()
            .fold(0, |value, &digit| value * 10 + u32::from(digit - b'0')),
    )
}

impl fmt::Display for DatePoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

/// A date as `legation/1` writes it: one [`DatePoint`], or an interval of two.
///
/// It covers every day from [`first_day`](Self::first_day) to
/// [`last_day`](Self::last_day), both included: `2023-07` covers all of July.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct FuzzyDate {
    start: DatePoint,
    end: Option<DatePoint>,
}

impl FuzzyDate {
    /// A single date.
    pub fn point(point: DatePoint) -> Self {
        Self {
            start: point,
            end: None,
        }
    }

    /// One day.
    pub fn day(day: Day) -> Self {
        Self::point(DatePoint::day(day))
    }

    /// The interval from `start` to `end`; `None` when `end` comes first.
    pub fn interval(start: DatePoint, end: DatePoint) -> Option<Self> {
        (start.first_day() <= end.last_day()).then_some(Self {
            start,
            end: Some(end),
        })
    }

    /// The date, or the start of the interval.
    pub fn start(&self) -> DatePoint {
        self.start
    }

    /// The end of the interval, if this is one.
    pub fn end(&self) -> Option<DatePoint> {
        self.end
    }

    /// Whether this is an interval (`start/end`).
    pub fn is_interval(&self) -> bool {
        self.end.is_some()
    }

    /// The coarsest precision of its parts: an interval of days is `Day`.
    pub fn precision(&self) -> Precision {
        self.end.map_or(self.start.precision(), |end| {
            end.precision().min(self.start.precision())
        })
    }

    /// The first day covered.
    pub fn first_day(&self) -> Day {
        self.start.first_day()
    }

    /// The last day covered.
    pub fn last_day(&self) -> Day {
        self.end.unwrap_or(self.start).last_day()
    }

    /// Whether this is exactly one known day.
    pub fn is_exact_day(&self) -> bool {
        self.end.is_none() && self.start.precision() == Precision::Day
    }
}

const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// The month (1-12) an English word names, in any case: "July", "Jul",
/// "Sept." (a full name, or its first three letters, or "Sept").
pub fn month_named(word: &str) -> Option<u32> {
    const MONTHS: [&str; 12] = [
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    let lower = word.trim_end_matches('.').to_ascii_lowercase();
    MONTHS
        .iter()
        .position(|month| {
            *month == lower
                || (lower.len() >= 3
                    && month.starts_with(&lower)
                    && (lower.len() == 3 || lower == "sept"))
        })
        .and_then(|index| u32::try_from(index + 1).ok())
}

/// The English abbreviation of a month (1-12): `Jul`.
pub fn month_abbreviation(month: u32) -> &'static str {
    month
        .checked_sub(1)
        .and_then(|index| MONTH_NAMES.get(index as usize))
        .copied()
        .unwrap_or("?")
}

impl DatePoint {
    /// The date for people: `25 Jul 2023`, `Jul 2023`, `2023`.
    pub fn describe(&self) -> String {
        let month = self.month.map(month_abbreviation);
        match (self.day, month) {
            (Some(day), Some(month)) => format!("{day} {month} {}", self.year),
            (None, Some(month)) => format!("{month} {}", self.year),
            _ => self.year.to_string(),
        }
    }
}

impl Day {
    /// The day for people: `25 Jul 2023`.
    pub fn describe(self) -> String {
        DatePoint::day(self).describe()
    }
}

impl FuzzyDate {
    /// The date for people, saying how precise it is: `25 Jul 2023`,
    /// `Jul 2023 (month known)`, `17 Jul 2023 – 25 Jul 2023`.
    pub fn describe(&self) -> String {
        let precision = match self.precision() {
            Precision::Day => "",
            Precision::Month => " (month known)",
            Precision::Year => " (year known)",
        };
        match self.end {
            Some(end) => format!("{} – {}{precision}", self.start.describe(), end.describe()),
            None => format!("{}{precision}", self.start.describe()),
        }
    }
}

impl fmt::Display for FuzzyDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.start)?;
        if let Some(end) = self.end {
            write!(f, "/{end}")?;
        }
        Ok(())
    }
}

impl FromStr for FuzzyDate {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        match text.bytes().position(|byte| byte == b'/') {
            None => Ok(Self::point(DatePoint::parse(text)?)),
            Some(slash) => {
                let (start, end) = (&text[..slash], &text[slash + 1..]);
                let start = DatePoint::parse(start)?;
                let end = DatePoint::parse(end)?;
                Self::interval(start, end).ok_or_else(|| DateError::Reversed(text.to_owned()))
            }
        }
    }
}

impl serde::Serialize for FuzzyDate {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// Why a date did not parse.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of any accepted form.
    #[error(
        "`{0}` is not a date: write YYYY, YYYY-MM, YYYY-MM-DD or START/END (e.g. 2023-07-18/2023-07-25)"
    )]
    Malformed(String),
    /// The year is outside 0001-9999.
    #[error("`{0}`: the year must be between 0001 and 9999")]
    YearOutOfRange(String),
    /// The month is not 01-12.
    #[error("`{0}`: the month must be between 01 and 12")]
    MonthOutOfRange(String),
    /// That month has no such day.
    #[error("`{date}`: that month has only {days_in_month} days")]
    DayOutOfRange {
        /// The date as written.
        date: String,
        /// How many days the month has.
        days_in_month: u32,
    },
    /// The interval ends before it starts.
    #[error("`{0}`: the interval ends before it starts; write the earlier date first")]
    Reversed(String),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> FuzzyDate {
        text.parse().unwrap()
    }

    #[test]
    fn day_numbers_round_trip_through_the_calendar() {
        assert_eq!(Day::from_ymd(1970, 1, 1), Some(Day(0)));
        assert_eq!(Day::from_ymd(2000, 3, 1).unwrap().0, 11_017);
        for n in (Day::from_ymd(1, 1, 1).unwrap().0..=Day::from_ymd(9999, 12, 31).unwrap().0)
            .step_by(997)
        {
            let (y, m, d) = Day(n).ymd();
            assert_eq!(Day::from_ymd(y, m, d), Some(Day(n)));
        }
    }

    #[test]
    fn knows_weekdays_and_leap_years() {
        // 25 July 2023 was a Tuesday.
        assert_eq!(Day::from_ymd(2023, 7, 25).unwrap().weekday(), 1);
        assert!(Day::from_ymd(2024, 2, 29).is_some());
        assert!(Day::from_ymd(2023, 2, 29).is_none());
        assert!(Day::from_ymd(2000, 2, 29).is_some());
        assert!(Day::from_ymd(1900, 2, 29).is_none());
    }

    #[test]
    fn parses_every_precision_and_keeps_it() {
        let year = date("2023");
        assert_eq!(year.precision(), Precision::Year);
        assert_eq!(year.first_day().to_string(), "2023-01-01");
        assert_eq!(year.last_day().to_string(), "2023-12-31");

        let month = date("2024-02");
        assert_eq!(month.precision(), Precision::Month);
        assert_eq!(month.last_day().to_string(), "2024-02-29");

        let day = date("2023-07-25");
        assert_eq!(day.precision(), Precision::Day);
        assert!(day.is_exact_day());
        assert_eq!(day.first_day(), day.last_day());

        let interval = date("2023-07-18/2023-07-25");
        assert!(interval.is_interval());
        assert!(!interval.is_exact_day());
        assert_eq!(interval.first_day().to_string(), "2023-07-18");
        assert_eq!(interval.last_day().to_string(), "2023-07-25");

        let coarse = date("2023-07/2024");
        assert_eq!(coarse.precision(), Precision::Year);
        assert_eq!(coarse.last_day().to_string(), "2024-12-31");
    }

    #[test]
    fn writes_dates_back_as_they_were_written() {
        for text in [
            "2023",
            "2023-07",
            "2023-07-25",
            "2023-07-18/2023-07-25",
            "0800-12-25",
        ] {
            assert_eq!(date(text).to_string(), text);
        }
    }

    #[test]
    fn rejects_impossible_and_malformed_dates() {
        let err = |text: &str| text.parse::<FuzzyDate>().unwrap_err();
        assert!(matches!(
            err("2023-02-30"),
            DateError::DayOutOfRange {
                days_in_month: 28,
                ..
            }
        ));
        assert!(matches!(err("2023-13"), DateError::MonthOutOfRange(_)));
        assert!(matches!(err("2023-00-10"), DateError::MonthOutOfRange(_)));
        assert!(matches!(err("0000"), DateError::YearOutOfRange(_)));
        assert!(matches!(
            err("2023-07-25/2023-07-18"),
            DateError::Reversed(_)
        ));
        for bad in [
            "",
            "23",
            "2023-7-25",
            "2023/07/25",
            "July 2023",
            "2023-07-25T10:00",
            "2023-07-25/",
            "+2023",
            "２０２３",
        ] {
            assert!(matches!(err(bad), DateError::Malformed(_)), "{bad:?}");
        }
    }

    #[test]
    fn describes_dates_for_people_with_their_precision() {
        assert_eq!(date("2023-07-25").describe(), "25 Jul 2023");
        assert_eq!(date("2023-07").describe(), "Jul 2023 (month known)");
        assert_eq!(date("2019").describe(), "2019 (year known)");
        assert_eq!(
            date("2023-07-17/2023-07-25").describe(),
            "17 Jul 2023 – 25 Jul 2023"
        );
        assert_eq!(
            date("2022/2023-07-25").describe(),
            "2022 – 25 Jul 2023 (year known)"
        );
    }

    #[test]
    fn an_interval_may_start_and_end_within_the_same_period() {
        assert!("2023-07/2023-07-31".parse::<FuzzyDate>().is_ok());
        assert!("2023-07-31/2023-07".parse::<FuzzyDate>().is_ok());
    }
}
