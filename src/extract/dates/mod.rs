//! Date expressions in news text ("July 25, 2023", "on Tuesday", "last
//! week", "in March last year", "since the start of 2022") and their
//! resolution against the publication date into [`FuzzyDate`]s.
//!
//! Recognition ([`find_dates`]) only reads tokens; resolution
//! ([`resolve`]) needs an [`Anchor`]: without a publication date, relative
//! expressions stay unresolved rather than guessed.

mod resolve;

use std::ops::Range;

use super::text::{Kind, Token};
pub(crate) use resolve::resolve;

use crate::model::{DatePoint, Day, FuzzyDate, month_named};

/// A span of time named relative to the publication date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    /// Monday to Sunday.
    Week,
    /// A calendar month.
    Month,
    /// A calendar year.
    Year,
}

/// Which occurrence of a weekday is meant.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Shift {
    /// "on Tuesday": the closest one, looking back (or ahead, in the future).
    Nearest,
    /// "last Tuesday": the one before publication.
    Last,
    /// "next Tuesday": the one after publication.
    Next,
}

/// A date expression as written, before resolution.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DateExpr {
    /// Complete in itself: "July 25, 2023", "April 2019", "2005".
    Fixed(FuzzyDate),
    /// A day without its year: "June 12".
    MonthDay {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
    },
    /// A day with a year relative to publication: "on Mar 26 last year".
    DayOfYear {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
        /// Years from the publication year.
        year_offset: i32,
    },
    /// A month without its year ("in January"), or with a year relative to
    /// publication ("in March last year": -1).
    Month {
        /// 1-12.
        month: u32,
        /// Years from the publication year, when said.
        year_offset: Option<i32>,
    },
    /// "last November": the latest such month before the publication's
    /// (a year back when said in November). 1-12.
    LastMonth(u32),
    /// A day of the week, Monday being 0.
    Weekday {
        /// 0-6.
        weekday: u32,
        /// Which one.
        shift: Shift,
    },
    /// Days from publication: "yesterday" is -1, "two days ago" -2.
    Days(i32),
    /// Weeks from publication's week: "last week" is -1.
    Weeks(i32),
    /// Months from publication's month.
    Months(i32),
    /// Years from publication's year.
    Years(i32),
    /// "earlier this month": from the unit's start to publication.
    Earlier(Unit),
    /// "later this year": from publication to the unit's end.
    Later(Unit),
    /// "since last week": from the start of the inner date to publication.
    Since(Box<Self>),
    /// Days from the date the text was just talking about: "the next day".
    Discourse(i32),
    /// Years from the date the text was just talking about: "the
    /// following year".
    DiscourseYears(i32),
    /// Months from the date the text was just talking about: "a month
    /// later"; "weeks later" is 0, its month.
    DiscourseMonths(i32),
    /// "the same day as X": the tokens naming X, relative to the sentence.
    SameDayAs(Range<usize>),
    /// "in March of that year", "On May 10 of that year": a month (1-12),
    /// and maybe a day, of the year the text was just talking about.
    OfDiscourseYear {
        /// The month, 1-12.
        month: u32,
        /// The day of the month, when given.
        day: Option<u32>,
    },
}

/// A date expression found in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DateMention {
    /// Its tokens, relative to the sentence's first token.
    pub tokens: Range<usize>,
    /// What it says.
    pub expr: DateExpr,
}

/// What relative dates are resolved against.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Anchor {
    /// The publication date, when known.
    pub published: Option<Day>,
    /// Whether the sentence speaks of the future ("will", "is due to"):
    /// "on Thursday" is then the next Thursday, not the last.
    pub future: bool,
    /// The date the text was just talking about ("the next day").
    pub discourse: Option<FuzzyDate>,
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Words after which a bare month or year is a date ("in March", "since 2020").
#[rustfmt::skip]
const DATE_PREPOSITIONS: &[&str] = &[
    "in", "since", "of", "early", "late", "mid", "until", "till", "by", "from", "during", "before",
    "after", "through", "between", "and", "to", "last", "next", "this", "year", "around",
    "throughout",
];

/// Words that put a clause in the future.
#[rustfmt::skip]
const FUTURE_CUES: &[&str] = &[
    "will", "'ll", "shall", "would", "upcoming", "forthcoming", "scheduled", "planned", "plans",
    "planning", "next", "tomorrow", "prepare", "prepares",
];

/// Verbs of a purpose still to come after "to": "arrived ... to attend a
/// summit on Monday".
const PURPOSE_VERBS: &[&str] = &[
    "attend",
    "join",
    "hold",
    "meet",
    "sign",
    "visit",
    "mark",
    "address",
    "open",
    "celebrate",
    "gather",
];

/// Words that put a clause in the future when followed by "to": "is due to",
/// "is expected to", "is set to".
const FUTURE_BEFORE_TO: &[&str] = &["due", "expected", "set", "slated", "poised", "going"];

/// Whether these tokens speak of the future: "will", "is due to", "plans",
/// "ahead of", or (with `purposes`) a purpose still to come ("to attend
/// ... on Monday").
pub(crate) fn is_future(tokens: &[Token<'_>], purposes: bool) -> bool {
    tokens.iter().enumerate().any(|(index, token)| {
        let next = tokens.get(index + 1);
        // "flew in on Thursday to prepare the meeting": a purpose, not a
        // plan ("prepares to visit").
        let purpose_infinitive = token.is("prepare") && index > 0 && tokens[index - 1].is("to");
        token.is_any(FUTURE_CUES) && !purpose_infinitive
            || (token.is_any(FUTURE_BEFORE_TO) && next.is_some_and(|t| t.is("to")))
            || (token.is("ahead") && next.is_some_and(|t| t.is("of")))
            || (purposes && token.is("to") && next.is_some_and(|t| t.is_any(PURPOSE_VERBS)))
    })
}

/// Every date expression in a sentence's tokens, left to right.
pub(crate) fn find_dates(tokens: &[Token<'_>]) -> Vec<DateMention> {
    let mut found = Vec::new();
    let mut at = 0;
    while at < tokens.len() {
        match parse_at(tokens, at) {
            Some((expr, end)) => {
                found.push(DateMention {
                    tokens: at..end,
                    expr,
                });
                at = end.max(at + 1);
            }
            None => at += 1,
        }
    }
    found
}

/// The month a word names ("July", "Jul", "Sept."), capitalized as a month is.
fn month_of(token: &Token<'_>) -> Option<u32> {
    token
        .is_capitalized()
        .then(|| month_named(token.text))
        .flatten()
}

/// The weekday a capitalized word names, Monday being 0.
fn weekday_of(token: &Token<'_>) -> Option<u32> {
    if !token.is_capitalized() {
        return None;
    }
    let lower = token.text.to_ascii_lowercase();
    let lower = lower
        .strip_suffix('s')
        .filter(|w| w.ends_with("day"))
        .unwrap_or(&lower);
    WEEKDAYS
        .iter()
        .position(|day| *day == lower)
        .map(|index| index as u32)
}

/// A day of the month: "25", "25th", "1st".
fn day_of(token: &Token<'_>) -> Option<u32> {
    if token.kind != Kind::Number {
        return None;
    }
    let digits = token
        .text
        .trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &token.text[digits.len()..];
    if digits.len() > 2 || !matches!(suffix, "" | "st" | "nd" | "rd" | "th") {
        return None;
    }
    digits.parse().ok().filter(|day| (1..=31).contains(day))
}

/// A year written in four digits, 1000-2999.
fn year_of(token: &Token<'_>) -> Option<i32> {
    if token.kind != Kind::Number || token.text.len() != 4 {
        return None;
    }
    token
        .text
        .parse()
        .ok()
        .filter(|year| (1000..=2999).contains(year))
}

/// A small count in words or digits: "a", "two", "3".
fn count_of(token: &Token<'_>) -> Option<i32> {
    const WORDS: [&str; 12] = [
        "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve",
    ];
    if token.is("a") || token.is("an") {
        return Some(1);
    }
    if token.kind == Kind::Number {
        return token.text.parse().ok().filter(|n| (1..=1000).contains(n));
    }
    WORDS
        .iter()
        .position(|word| token.is(word))
        .and_then(|index| i32::try_from(index + 1).ok())
}

fn unit_of(token: &Token<'_>) -> Option<Unit> {
    match token.text.to_ascii_lowercase().trim_end_matches('s') {
        "week" | "weekend" => Some(Unit::Week),
        "month" => Some(Unit::Month),
        "year" => Some(Unit::Year),
        _ => None,
    }
}

fn fixed_day(year: i32, month: u32, day: u32) -> Option<DateExpr> {
    Day::from_ymd(year, month, day).map(|day| DateExpr::Fixed(FuzzyDate::day(day)))
}

fn fixed_month(year: i32, month: u32) -> Option<DateExpr> {
    DatePoint::month(year, month).map(|point| DateExpr::Fixed(FuzzyDate::point(point)))
}

fn fixed_year(year: i32) -> Option<DateExpr> {
    DatePoint::year(year).map(|point| DateExpr::Fixed(FuzzyDate::point(point)))
}

/// Whether the token before `at` lets a bare month or year be a date.
fn after_preposition(tokens: &[Token<'_>], at: usize) -> bool {
    at > 0 && tokens[at - 1].is_any(DATE_PREPOSITIONS)
}

/// The date expression starting at `at`, and the index after it.
fn parse_at(tokens: &[Token<'_>], at: usize) -> Option<(DateExpr, usize)> {
    let token = &tokens[at];
    let next = |offset: usize| tokens.get(at + offset);
    if token.is("since") {
        let mut inner = at + 1;
        // "since the start of 2022", "since the beginning of the year".
        if next(1).is_some_and(|t| t.is("the"))
            && next(2).is_some_and(|t| t.is_any(&["start", "beginning", "end", "outbreak"]))
            && next(3).is_some_and(|t| t.is("of"))
        {
            inner = at + 4;
        }
        let (expr, end) = parse_simple(tokens, inner)?;
        return Some((DateExpr::Since(Box::new(expr)), end));
    }
    parse_simple(tokens, at)
}

/// A date expression other than "since ...".
fn parse_simple(tokens: &[Token<'_>], at: usize) -> Option<(DateExpr, usize)> {
    let token = tokens.get(at)?;
    let next = |offset: usize| tokens.get(at + offset);
    if let Some(found) = parse_calendar(tokens, at) {
        return Some(found);
    }
    if let Some(found) = parse_relative(tokens, at) {
        return Some(found);
    }
    // "the start of 2022", "the end of last year", "early 2020".
    if token.is("the")
        && next(1).is_some_and(|t| t.is_any(&["start", "beginning", "end", "middle"]))
        && next(2).is_some_and(|t| t.is("of"))
    {
        let (expr, end) = parse_simple(tokens, at + 3)?;
        return Some((at_end_of(&expr, next(1).is_some_and(|t| t.is("end"))), end));
    }
    if token.is_any(&["early", "late", "mid"]) {
        let (expr, end) = parse_simple(tokens, at + 1)?;
        return Some((expr, end));
    }
    None
}

/// "the end of 2022" is its December; other parts of a date are the date.
fn at_end_of(expr: &DateExpr, end: bool) -> DateExpr {
    match expr {
        DateExpr::Fixed(date) if end && date.precision() == crate::model::Precision::Year => {
            fixed_month(date.start().first_day().year(), 12).unwrap_or_else(|| expr.clone())
        }
        _ => expr.clone(),
    }
}

/// Calendar dates: "July 25, 2023", "25 July 2023", "Tuesday, July 25",
/// "July 2023", "in July", "2023-07-25", "in 2005", "the 1990s", "mid-July".
fn parse_calendar(tokens: &[Token<'_>], at: usize) -> Option<(DateExpr, usize)> {
    let token = &tokens[at];
    let next = |offset: usize| tokens.get(at + offset);

    // "Tuesday, July 25, 2023": the weekday adds nothing to a full date.
    if let Some(weekday) = weekday_of(token) {
        let comma = usize::from(next(1).is_some_and(|t| t.is_punct(',')));
        if let Some(found) = next(1 + comma).and(parse_month_first(tokens, at + 1 + comma)) {
            return Some(found);
        }
        if let Some(found) = next(1 + comma).and(parse_day_first(tokens, at + 1 + comma)) {
            return Some(found);
        }
        let shift = if at > 0 && tokens[at - 1].is("last") {
            Shift::Last
        } else if at > 0 && tokens[at - 1].is("next") {
            Shift::Next
        } else {
            Shift::Nearest
        };
        return Some((DateExpr::Weekday { weekday, shift }, at + 1));
    }
    if let Some(found) = parse_month_first(tokens, at) {
        return Some(found);
    }
    if let Some(found) = parse_day_first(tokens, at) {
        return Some(found);
    }
    if token.kind == Kind::Number {
        return parse_number(tokens, at);
    }
    // "mid-July", "mid-2021", "early-2020".
    if let Some((prefix, rest)) = token.text.split_once('-')
        && ["mid", "early", "late"]
            .iter()
            .any(|p| p.eq_ignore_ascii_case(prefix))
    {
        let inner = Token {
            text: rest,
            start: token.start + prefix.len() + 1,
            kind: if rest.starts_with(|c: char| c.is_ascii_digit()) {
                Kind::Number
            } else {
                Kind::Word
            },
            breaks: 0,
        };
        if let Some(month) = month_of(&inner) {
            return Some(month_with_year(tokens, at + 1, month));
        }
        if let Some(year) = year_of(&inner) {
            return Some((fixed_year(year)?, at + 1));
        }
    }
    None
}

/// A number starting a date: an ISO date, a year after a preposition, a decade.
fn parse_number(tokens: &[Token<'_>], at: usize) -> Option<(DateExpr, usize)> {
    let token = &tokens[at];
    if let Ok(date) = token.text.parse::<FuzzyDate>()
        && token.text.len() >= 7
        && token.text.as_bytes().get(4) == Some(&b'-')
    {
        return Some((DateExpr::Fixed(date), at + 1));
    }
    // "in 2013", and "a 2013 tour", "his 2009 stop in Accra".
    let names_a_trip = tokens.get(at + 1).is_some_and(|t| {
        t.is_any(&[
            "visit", "trip", "tour", "stop", "stopover", "journey", "summit", "swing",
        ])
    });
    if let Some(year) = year_of(token)
        && (after_preposition(tokens, at) || names_a_trip)
    {
        return Some((fixed_year(year)?, at + 1));
    }
    // "in the 1990s".
    if let Some(decade) = token.text.strip_suffix('s')
        && decade.len() == 4
        && decade.ends_with('0')
        && at >= 2
        && tokens[at - 1].is("the")
        && tokens[at - 2].is_any(&["in", "since", "during", "of", "throughout"])
        && let Ok(start) = decade.parse::<i32>()
    {
        let start_point = DatePoint::year(start)?;
        let end_point = DatePoint::year(start + 9)?;
        return Some((
            DateExpr::Fixed(FuzzyDate::interval(start_point, end_point)?),
            at + 1,
        ));
    }
    None
}

/// "July 25, 2023", "July 25", "July 2023", "May, 1963", "in July", "in
/// March last year".
fn parse_month_first(tokens: &[Token<'_>], at: usize) -> Option<(DateExpr, usize)> {
    let month = month_of(tokens.get(at)?)?;
    let next = |offset: usize| tokens.get(at + offset);
    if let Some(day) = next(1).and_then(day_of) {
        // "the April 25 House of Culture": a name.
        let names_a_place = at > 0
            && tokens[at - 1].is("the")
            && next(2).is_some_and(|t| t.is_capitalized() && month_of(t).is_none());
        if names_a_place {
            return None;
        }
        let comma = usize::from(next(2).is_some_and(|t| t.is_punct(',')));
        if let Some(year) = next(2 + comma).and_then(year_of) {
            return Some((fixed_day(year, month, day)?, at + 3 + comma));
        }
        return Some(day_with_year(tokens, at + 2, month, day));
    }
    if let Some(year) = next(1).and_then(year_of) {
        return Some((fixed_month(year, month)?, at + 2));
    }
    // "in May, 1963": older copy puts a comma between month and year.
    if next(1).is_some_and(|t| t.is_punct(','))
        && let Some(year) = next(2).and_then(year_of)
    {
        return Some((fixed_month(year, month)?, at + 3));
    }
    // A bare month needs a preposition: "May" alone may be a name or a verb.
    let last_or_this = at > 0 && tokens[at - 1].is_any(&["last", "this", "next"]);
    if !after_preposition(tokens, at) && !last_or_this {
        return None;
    }
    if last_or_this {
        let offset = i32::from(tokens[at - 1].is("next"));
        let expr = if tokens[at - 1].is("this") || offset == 1 {
            DateExpr::Month {
                month,
                year_offset: (offset == 0).then_some(0),
            }
        } else {
            DateExpr::LastMonth(month)
        };
        return Some((expr, at + 1));
    }
    Some(month_with_year(tokens, at + 1, month))
}

/// A bare month, with "last year" / "this year" / "next year" after it
/// ("in April last year", "in April of last year").
fn month_with_year(tokens: &[Token<'_>], after: usize, month: u32) -> (DateExpr, usize) {
    if of_that_year(tokens, after) {
        return (DateExpr::OfDiscourseYear { month, day: None }, after + 3);
    }
    let (year_offset, end) = match year_offset_at(tokens, after) {
        Some((offset, end)) => (Some(offset), end),
        None => (None, after),
    };
    (DateExpr::Month { month, year_offset }, end)
}

/// "25 July 2023", "25th of July", "18 Oct 2023".
fn parse_day_first(tokens: &[Token<'_>], at: usize) -> Option<(DateExpr, usize)> {
    let day = day_of(tokens.get(at)?)?;
    // "from 25 to 27 August": a stay starts on its first day.
    let range = tokens
        .get(at + 1)
        .is_some_and(|t| t.is("to") || t.is_punct('-'))
        && tokens.get(at + 2).and_then(day_of).is_some()
        && tokens.get(at + 3).and_then(month_of).is_some();
    let at = if range { at + 2 } else { at };
    let of = usize::from(tokens.get(at + 1).is_some_and(|t| t.is("of")));
    let month = month_of(tokens.get(at + 1 + of)?)?;
    let after = at + 2 + of;
    let comma = usize::from(tokens.get(after).is_some_and(|t| t.is_punct(',')));
    if let Some(year) = tokens.get(after + comma).and_then(year_of) {
        return Some((fixed_day(year, month, day)?, after + comma + 1));
    }
    Some(day_with_year(tokens, after, month, day))
}

/// A day without its year, or with "last year" / "this year" after it
/// ("on Mar 26 last year").
fn day_with_year(tokens: &[Token<'_>], after: usize, month: u32, day: u32) -> (DateExpr, usize) {
    if of_that_year(tokens, after) {
        let expr = DateExpr::OfDiscourseYear {
            month,
            day: Some(day),
        };
        return (expr, after + 3);
    }
    match year_offset_at(tokens, after) {
        Some((year_offset, end)) => (
            DateExpr::DayOfYear {
                month,
                day,
                year_offset,
            },
            end,
        ),
        None => (DateExpr::MonthDay { month, day }, after),
    }
}

/// Whether "of that year" is at `at`.
fn of_that_year(tokens: &[Token<'_>], at: usize) -> bool {
    let is = |at: usize, word: &str| tokens.get(at).is_some_and(|t| t.is(word));
    is(at, "of") && is(at + 1, "that") && is(at + 2, "year")
}

/// "last year", "this year", "next year" at `at` (after an optional "of"):
/// the years from publication, and the token after.
fn year_offset_at(tokens: &[Token<'_>], at: usize) -> Option<(i32, usize)> {
    let of = usize::from(tokens.get(at).is_some_and(|t| t.is("of")));
    let which = tokens.get(at + of)?;
    if !tokens.get(at + of + 1)?.is("year") {
        return None;
    }
    let offset = if which.is("last") {
        -1
    } else if which.is("this") {
        0
    } else if which.is("next") {
        1
    } else {
        return None;
    };
    Some((offset, at + of + 2))
}

/// "yesterday", "last week", "earlier this month", "two days ago", "the
/// next day", "the same day as the parade".
fn parse_relative(tokens: &[Token<'_>], at: usize) -> Option<(DateExpr, usize)> {
    let token = &tokens[at];
    let next = |offset: usize| tokens.get(at + offset);
    let word = |offset: usize, words: &[&str]| next(offset).is_some_and(|t| t.is_any(words));

    if token.kind != Kind::Word {
        // "3 days ago".
        return parse_ago(tokens, at);
    }
    let simple = match token.text.to_ascii_lowercase().as_str() {
        "today" | "tonight" => Some(DateExpr::Days(0)),
        "yesterday" => Some(DateExpr::Days(-1)),
        "tomorrow" => Some(DateExpr::Days(1)),
        _ => None,
    };
    if let Some(expr) = simple {
        return Some((expr, at + 1));
    }
    if token.is_any(&["this", "last", "next"]) {
        let step = match token.text.to_ascii_lowercase().as_str() {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        if word(1, &["morning", "afternoon", "evening"]) && step == 0 {
            return Some((DateExpr::Days(0), at + 2));
        }
        if word(1, &["night"]) {
            return Some((DateExpr::Days(step.min(0)), at + 2));
        }
        let unit = next(1).and_then(unit_of)?;
        let expr = match unit {
            Unit::Week => DateExpr::Weeks(step),
            Unit::Month => DateExpr::Months(step),
            Unit::Year => DateExpr::Years(step),
        };
        return Some((expr, at + 2));
    }
    if token.is_any(&["earlier", "later"]) {
        // "earlier this month", "earlier in the week", "later this year".
        let (unit, end) = if word(1, &["that", "the"]) && word(2, &["day"]) {
            return Some((DateExpr::Discourse(0), at + 3));
        } else if word(1, &["that"]) && word(2, &["month"]) {
            // "Later that month": the month the text spoke of.
            return Some((DateExpr::DiscourseMonths(0), at + 3));
        } else if word(1, &["that"]) && word(2, &["year"]) {
            return Some((DateExpr::DiscourseYears(0), at + 3));
        } else if word(1, &["in"]) && word(2, &["the"]) && word(3, &["day"]) {
            return Some((DateExpr::Discourse(0), at + 4));
        } else if word(1, &["this"]) {
            (next(2).and_then(unit_of), at + 3)
        } else if word(1, &["in"]) && word(2, &["the"]) {
            (next(3).and_then(unit_of), at + 4)
        } else {
            (None, at)
        };
        let unit = unit?;
        let expr = if token.is("earlier") {
            DateExpr::Earlier(unit)
        } else {
            DateExpr::Later(unit)
        };
        return Some((expr, end));
    }
    // "at the end of that month": the month the text spoke of.
    if token.is("that") && word(1, &["month"]) {
        return Some((DateExpr::DiscourseMonths(0), at + 2));
    }
    if token.is("the") && word(1, &["next", "following", "previous"]) && word(2, &["year"]) {
        let step = if word(1, &["previous"]) { -1 } else { 1 };
        return Some((DateExpr::DiscourseYears(step), at + 3));
    }
    // "travelled to Beijing the following month".
    if token.is("the") && word(1, &["next", "following", "previous"]) && word(2, &["month"]) {
        let step = if word(1, &["previous"]) { -1 } else { 1 };
        return Some((DateExpr::DiscourseMonths(step), at + 3));
    }
    if token.is("a") && word(1, &["year"]) && word(2, &["earlier"]) {
        return Some((DateExpr::DiscourseYears(-1), at + 3));
    }
    if token.is("the") {
        if word(1, &["next", "following"]) && word(2, &["day", "morning"]) {
            return Some((DateExpr::Discourse(1), at + 3));
        }
        if word(1, &["previous"]) && word(2, &["day"]) || word(1, &["day"]) && word(2, &["before"])
        {
            return Some((DateExpr::Discourse(-1), at + 3));
        }
        if word(1, &["same"]) && word(2, &["day"]) {
            if word(3, &["as"]) {
                let start = at + 4;
                let mut end = start;
                while end < tokens.len() && end < start + 8 && tokens[end].kind != Kind::Punct {
                    end += 1;
                }
                return (end > start).then_some((DateExpr::SameDayAs(start..end), end));
            }
            return Some((DateExpr::Discourse(0), at + 3));
        }
        return None;
    }
    if token.is("that") && word(1, &["day"]) {
        return Some((DateExpr::Discourse(0), at + 2));
    }
    parse_later(tokens, at).or_else(|| parse_ago(tokens, at))
}

/// "a day later", "two weeks later", "a month later", "weeks later": a
/// story telling its past in order counts these from the date it was just
/// talking about ("in January 2024 ... A month later he flew to Israel"),
/// not from the day it was published.
fn parse_later(tokens: &[Token<'_>], at: usize) -> Option<(DateExpr, usize)> {
    let count = count_of(&tokens[at]);
    let unit_at = at + usize::from(count.is_some());
    let unit = tokens.get(unit_at)?;
    if !tokens.get(unit_at + 1).is_some_and(|t| t.is("later")) {
        return None;
    }
    let expr = match count {
        Some(count) if unit.is_any(&["day", "days"]) => DateExpr::Discourse(count),
        Some(count) if unit.is_any(&["week", "weeks"]) => DateExpr::Discourse(7 * count),
        Some(count) if unit.is_any(&["month", "months"]) => DateExpr::DiscourseMonths(count),
        Some(count) if unit.is_any(&["year", "years"]) => DateExpr::DiscourseYears(count),
        // "days later", "weeks later": within a month or so of it.
        None if unit.is_any(&["days", "weeks"]) => DateExpr::DiscourseMonths(0),
        _ => return None,
    };
    Some((expr, unit_at + 2))
}

/// "two days ago", "a week ago", "three years ago", and "two years
/// earlier", which news copy counts from the story's own time; and "(the
/// visit) comes a month after (the parade)", which dates what follows it
/// as long before the news.
fn parse_ago(tokens: &[Token<'_>], at: usize) -> Option<(DateExpr, usize)> {
    let count = count_of(&tokens[at])?;
    let unit_token = tokens.get(at + 1)?;
    // "comes a month after", "comes barely four months after".
    let verb_at = match at.checked_sub(1) {
        Some(before)
            if tokens[before].is_any(&["barely", "just", "only", "nearly", "almost", "some"]) =>
        {
            before.checked_sub(1)
        }
        before => before,
    };
    let comes_after = verb_at
        .is_some_and(|verb| tokens[verb].is_any(&["comes", "came", "come", "coming"]))
        && tokens.get(at + 2).is_some_and(|t| t.is("after"));
    if !comes_after
        && !tokens
            .get(at + 2)
            .is_some_and(|t| t.is("ago") || t.is("earlier"))
    {
        return None;
    }
    let expr = if unit_token.is("day") || unit_token.is("days") {
        DateExpr::Days(-count)
    } else {
        match unit_of(unit_token)? {
            Unit::Week => DateExpr::Days(-7 * count),
            Unit::Month => DateExpr::Months(-count),
            // "three years ago this month": that month.
            Unit::Year
                if tokens.get(at + 3).is_some_and(|t| t.is("this"))
                    && tokens.get(at + 4).is_some_and(|t| t.is("month")) =>
            {
                return Some((DateExpr::Months(-12 * count), at + 5));
            }
            Unit::Year => DateExpr::Years(-count),
        }
    };
    Some((expr, at + 3))
}

#[cfg(test)]
mod tests {
    use super::super::text::tokenize;
    use super::*;

    fn day(text: &str) -> Day {
        text.parse::<FuzzyDate>().unwrap().first_day()
    }

    /// The first date in `sentence`, resolved against `published`.
    fn date_in(sentence: &str, published: &str) -> Option<String> {
        let tokens = tokenize(sentence);
        let found = find_dates(&tokens);
        let mention = found.first()?;
        let anchor = Anchor {
            published: Some(day(published)),
            future: is_future(&tokens, true),
            discourse: None,
        };
        resolve(&mention.expr, &anchor).map(|date| date.to_string())
    }

    fn check(sentence: &str, published: &str, expected: &str) {
        assert_eq!(
            date_in(sentence, published).as_deref(),
            Some(expected),
            "{sentence:?} published {published}"
        );
    }

    #[test]
    fn reads_absolute_dates_in_every_common_form() {
        let published = "2024-06-19";
        for (text, expected) in [
            ("July 25, 2023", "2023-07-25"),
            ("on July 25 2023 in Pyongyang", "2023-07-25"),
            ("Published On 18 Jun 2023", "2023-06-18"),
            ("Published 18 Oct 2023", "2023-10-18"),
            ("19 June 2024", "2024-06-19"),
            ("the 5th of May, 2021", "2021-05-05"),
            ("Tuesday, July 25, 2023", "2023-07-25"),
            ("Sept. 9, 2018", "2018-09-09"),
            ("in April 2019", "2019-04"),
            ("in May, 1963, for the conference", "1963-05"),
            ("in July 2000", "2000-07"),
            ("in 2005", "2005"),
            ("since 2022-03-01 it has", "2022-03-01/2024-06-19"),
            ("throughout the 1990s", "1990/1999"),
            ("in mid-2021", "2021"),
        ] {
            check(text, published, expected);
        }
    }

    #[test]
    fn a_bare_year_or_month_needs_a_preposition() {
        assert_eq!(date_in("the 1953 armistice", "2023-07-25"), None);
        assert_eq!(date_in("Theresa May said", "2023-07-25"), None);
        assert_eq!(date_in("troops march across", "2023-07-25"), None);
    }

    #[test]
    fn weekdays_look_back_unless_the_sentence_is_about_the_future() {
        // 25 July 2023 was a Tuesday.
        check("arrived on Tuesday evening", "2023-07-25", "2023-07-25");
        check("China said on Monday", "2023-07-25", "2023-07-24");
        check("held talks on Friday", "2023-07-25", "2023-07-21");
        check("will take part on Thursday", "2023-07-25", "2023-07-27");
        check("is due to arrive on Sunday", "2023-07-25", "2023-07-30");
        check("is scheduled to fly on Tuesday", "2023-07-25", "2023-07-25");
        check("last Tuesday", "2023-07-25", "2023-07-18");
        check("next Tuesday", "2023-07-25", "2023-08-01");
    }

    #[test]
    fn relative_periods_become_intervals_or_coarser_dates() {
        let published = "2023-07-25";
        for (text, expected) in [
            ("last week", "2023-07-17/2023-07-23"),
            ("since last week", "2023-07-17/2023-07-25"),
            ("since the start of 2022", "2022/2023-07-25"),
            ("since early 2020", "2020/2023-07-25"),
            ("earlier this month", "2023-07-01/2023-07-25"),
            ("earlier this year", "2023-01-01/2023-07-25"),
            ("later this year", "2023-07-25/2023-12-31"),
            ("last month", "2023-06"),
            ("last year", "2022"),
            ("yesterday", "2023-07-24"),
            ("two days ago", "2023-07-23"),
            ("a week ago", "2023-07-18"),
            ("three years ago", "2020"),
            ("three years ago this month", "2020-07"),
            ("on a 2013 tour of Africa", "2013"),
            ("in January", "2023-01"),
            ("in September", "2022-09"),
            ("in March last year", "2022-03"),
            ("in April of last year", "2022-04"),
            ("in early March this year", "2023-03"),
            ("in mid-July", "2023-07"),
            ("on June 12", "2023-06-12"),
            ("its planned August 12 summit", "2023-08-12"),
            ("on December 30", "2022-12-30"),
            ("on Mar 26 last year", "2022-03-26"),
            ("a visit from 15 to 17 July", "2023-07-15"),
            ("on 4 May this year", "2023-05-04"),
        ] {
            check(text, published, expected);
        }
    }

    #[test]
    fn relative_dates_without_publication_stay_unresolved() {
        let tokens = tokenize("on Tuesday, last week, in March, July 25, 2023");
        let found = find_dates(&tokens);
        assert_eq!(found.len(), 4);
        let anchor = Anchor::default();
        let resolved: Vec<_> = found.iter().map(|m| resolve(&m.expr, &anchor)).collect();
        assert_eq!(resolved[..3], [None, None, None]);
        assert_eq!(resolved[3].unwrap().to_string(), "2023-07-25");
    }

    #[test]
    fn discourse_dates_follow_the_story() {
        let tokens = tokenize(
            "the next day, later that day, later in the day and the same day as the parade, the following year",
        );
        let found = find_dates(&tokens);
        let anchor = Anchor {
            discourse: Some("2019-02-26".parse().unwrap()),
            ..Anchor::default()
        };
        let resolved: Vec<_> = found
            .iter()
            .map(|m| resolve(&m.expr, &anchor).map(|d| d.to_string()))
            .collect();
        assert_eq!(
            resolved,
            [
                Some("2019-02-27".to_owned()),
                Some("2019-02-26".to_owned()),
                Some("2019-02-26".to_owned()),
                None,
                Some("2020".to_owned()),
            ]
        );
        assert!(matches!(found[3].expr, DateExpr::SameDayAs(ref r) if r.len() == 2));
    }

    #[test]
    fn later_counts_from_the_story_not_from_publication() {
        let tokens =
            tokenize("a month later, two weeks later, three days later, weeks later, a year later");
        let found = find_dates(&tokens);
        let resolve_on = |discourse: &str| -> Vec<String> {
            let anchor = Anchor {
                published: Some("2025-06-10".parse::<FuzzyDate>().unwrap().first_day()),
                discourse: Some(discourse.parse().unwrap()),
                ..Anchor::default()
            };
            found
                .iter()
                .map(|m| resolve(&m.expr, &anchor).map_or("-".to_owned(), |d| d.to_string()))
                .collect()
        };
        assert_eq!(
            resolve_on("2024-01-22"),
            ["2024-02", "2024-02-05", "2024-01-25", "2024-01", "2025"]
        );
        // A month's story stays a month's: "in December 2023 ... a month
        // later" is January, "weeks later" December.
        assert_eq!(
            resolve_on("2023-12"),
            ["2024-01", "2023-12", "2023-12", "2023-12", "2024"]
        );
    }

    #[test]
    fn mentions_cover_their_tokens() {
        let tokens = tokenize("Kim arrived in Russia on Tuesday, September 12, 2023, by train");
        let found = find_dates(&tokens);
        assert_eq!(found.len(), 1);
        let words: Vec<_> = tokens[found[0].tokens.clone()]
            .iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(words, ["Tuesday", ",", "September", "12", ",", "2023"]);
    }
}
