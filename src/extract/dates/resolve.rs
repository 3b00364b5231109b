//! The dates that date expressions name: relative to the publication day
//! ("on Tuesday", "last week"), to the date the story was just telling
//! ("the next day", "a month later"), or fixed.

use super::{Anchor, DateExpr, Shift, Unit};
use crate::model::{DatePoint, Day, FuzzyDate};

/// The date an expression names, if the anchor allows it.
pub(crate) fn resolve(expr: &DateExpr, anchor: &Anchor) -> Option<FuzzyDate> {
    match expr {
        DateExpr::Fixed(date) => Some(*date),
        DateExpr::DiscourseYears(years) => {
            let year = anchor.discourse?.start().first_day().year() + years;
            DatePoint::year(year).map(FuzzyDate::point)
        }
        DateExpr::Discourse(days) => {
            let discourse = anchor.discourse?;
            match (*days, discourse.is_exact_day()) {
                (0, _) => Some(discourse),
                (days, true) => Some(FuzzyDate::day(discourse.first_day().add_days(days))),
                // "in March 2011 ... the next day": March 2011 is as much as
                // can be said.
                _ => Some(discourse),
            }
        }
        DateExpr::DiscourseMonths(months) => {
            let (year, month, _) = anchor.discourse?.first_day().ymd();
            let index = year * 12 + i32::try_from(month).ok()? - 1 + months;
            let month = u32::try_from(index.rem_euclid(12) + 1).ok()?;
            DatePoint::month(index.div_euclid(12), month).map(FuzzyDate::point)
        }
        DateExpr::OfDiscourseYear { month, day } => {
            let year = anchor.discourse?.start().first_day().year();
            match day {
                Some(day) => Day::from_ymd(year, *month, *day).map(FuzzyDate::day),
                None => DatePoint::month(year, *month).map(FuzzyDate::point),
            }
        }
        DateExpr::SameDayAs(_) => None,
        DateExpr::Since(inner) => {
            let published = anchor.published?;
            let past = Anchor {
                future: false,
                ..*anchor
            };
            let since = resolve(inner, &past)?;
            if since.first_day() > published {
                return Some(since);
            }
            interval(since.start(), DatePoint::day(published))
        }
        _ => resolve_calendar(expr, anchor.published?, anchor.future),
    }
}

/// Weekday numbers as signed day counts (0-6 fit any integer).
fn signed(weekday: u32) -> i32 {
    i32::try_from(weekday).unwrap_or(0)
}

/// The dates named relative to the publication day, looking ahead when the
/// sentence speaks of the future.
fn resolve_calendar(expr: &DateExpr, published: Day, future: bool) -> Option<FuzzyDate> {
    let (year, month, _) = published.ymd();
    let day = |day: Day| Some(FuzzyDate::day(day));
    let days_between = |from: Day, to: Day| interval(DatePoint::day(from), DatePoint::day(to));
    match expr {
        DateExpr::MonthDay { month: m, day: d } => {
            let near = |year: i32| Day::from_ymd(year, *m, *d);
            let candidate = near(year).or_else(|| near(year - 1))?;
            let resolved = if future && candidate.0 < published.0 - 1 {
                near(year + 1)?
            } else if !future && candidate.0 > published.0 + 1 {
                near(year - 1)?
            } else {
                candidate
            };
            day(resolved)
        }
        DateExpr::DayOfYear {
            month: m,
            day: d,
            year_offset,
        } => Day::from_ymd(year + year_offset, *m, *d).map(FuzzyDate::day),
        DateExpr::Month {
            month: m,
            year_offset,
        } => {
            let year = match year_offset {
                Some(offset) => year + offset,
                None if future => year + i32::from(*m < month),
                None => year - i32::from(*m > month),
            };
            DatePoint::month(year, *m).map(FuzzyDate::point)
        }
        DateExpr::LastMonth(m) => {
            DatePoint::month(year - i32::from(*m >= month), *m).map(FuzzyDate::point)
        }
        DateExpr::Weekday { weekday, shift } => {
            let today = signed(published.weekday());
            let target = signed(*weekday);
            let back = (today - target).rem_euclid(7);
            let ahead = (target - today).rem_euclid(7);
            let offset = match shift {
                Shift::Nearest if future => ahead,
                Shift::Nearest => -back,
                Shift::Last => -(if back == 0 { 7 } else { back }),
                Shift::Next => {
                    if ahead == 0 {
                        7
                    } else {
                        ahead
                    }
                }
            };
            day(published.add_days(offset))
        }
        DateExpr::Days(days) => day(published.add_days(*days)),
        DateExpr::Weeks(weeks) => {
            let monday = published.add_days(-signed(published.weekday()) + 7 * weeks);
            days_between(monday, monday.add_days(6))
        }
        DateExpr::Months(months) => {
            let index = year * 12 + signed(month) - 1 + months;
            let month = u32::try_from(index.rem_euclid(12)).ok()? + 1;
            DatePoint::month(index.div_euclid(12), month).map(FuzzyDate::point)
        }
        DateExpr::Years(years) => DatePoint::year(year + years).map(FuzzyDate::point),
        DateExpr::Earlier(unit) => {
            let start = unit_start(published, *unit)?;
            if start == published {
                day(published)
            } else {
                days_between(start, published)
            }
        }
        DateExpr::Later(unit) => {
            let end = unit_end(published, *unit)?;
            days_between(published, end)
        }
        _ => None,
    }
}

/// The interval `start/end`, or one day when both are the same day.
fn interval(start: DatePoint, end: DatePoint) -> Option<FuzzyDate> {
    if start == end {
        return Some(FuzzyDate::point(start));
    }
    FuzzyDate::interval(start, end)
}

fn unit_start(day: Day, unit: Unit) -> Option<Day> {
    let (year, month, _) = day.ymd();
    match unit {
        Unit::Week => Some(day.add_days(-signed(day.weekday()))),
        Unit::Month => Day::from_ymd(year, month, 1),
        Unit::Year => Day::from_ymd(year, 1, 1),
    }
}

fn unit_end(day: Day, unit: Unit) -> Option<Day> {
    let (year, month, _) = day.ymd();
    match unit {
        Unit::Week => Some(day.add_days(6 - signed(day.weekday()))),
        Unit::Month => Day::from_ymd(year, month, crate::model::days_in_month(year, month)),
        Unit::Year => Day::from_ymd(year, 12, 31),
    }
}
