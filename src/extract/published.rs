//! The publication date and the dateline of an article, found in its first
//! lines: "Published On 18 Jun 2023", "19 June 2024", "HANOI, February 26,
//! 2019", "BEIJING (Reuters) -", or failing those its first full date.

use std::fmt::Write as _;
use std::ops::Range;

use super::dates::{DateExpr, DateMention, Shift};
use super::text::{Kind, Sentence, Token};
use crate::model::{Day, Span, month_named};

/// How many lines from the top may hold a date line or dateline.
const HEAD_SENTENCES: usize = 15;
/// How many sentences from the top may hold the fallback full date.
const FALLBACK_SENTENCES: usize = 40;
/// How many years after the latest year named a yearless dateline may be.
const YEARS_AHEAD: i32 = 6;
/// The longest line (in tokens) taken for a date line.
const DATE_LINE_TOKENS: usize = 24;

/// Lowercase words a date line may hold besides its date.
#[rustfmt::skip]
const STAMP_WORDS: &[&str] = &[
    "published", "updated", "posted", "first", "last", "on", "at", "by", "am", "pm", "a.m.",
    "p.m.", "gmt", "utc", "and", "date", "dated",
];

/// Where the publication date came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Found {
    /// A line of its own: "Published On 18 Jun 2023", "September 13, 2023",
    /// "HANOI, February 26, 2019".
    DateLine,
    /// The first full date of the text (a caption, a first sentence).
    FirstDate,
}

/// An article's publication date and the text it was read from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Published {
    /// The day.
    pub day: Day,
    /// Where it came from.
    pub found: Found,
    /// The text it was read from.
    pub span: Span,
    /// When the text gave no year, the year used and why.
    pub year_from: Option<i32>,
}

impl Published {
    /// A sentence for the notes: where the date was read.
    pub fn describe(&self, text: &str) -> String {
        let quoted = self.span.slice(text).unwrap_or_default();
        let quoted: String = quoted.chars().take(80).collect();
        let quoted = quoted.split_whitespace().collect::<Vec<_>>().join(" ");
        let place = match self.found {
            Found::DateLine => "read from the line",
            Found::FirstDate => "taken from the first full date in the text",
        };
        let mut note = format!("publication date {} {place} \"{quoted}\"", self.day);
        if let Some(year) = self.year_from {
            let _ = write!(
                note,
                " (no year there: {year}, the latest year the text names)"
            );
        }
        note
    }
}

/// The publication date, if the text gives one.
///
/// `dates` holds each sentence's date mentions; `year_hint` is the year a
/// yearless date line takes when the text names none (the year of a
/// publication date given from outside).
pub(crate) fn find_published(
    tokens: &[Token<'_>],
    sentences: &[Sentence],
    dates: &[Vec<DateMention>],
    year_hint: Option<i32>,
) -> Option<Published> {
    let lines = sentences
        .iter()
        .zip(dates)
        .take(HEAD_SENTENCES)
        .filter(|(sentence, _)| sentence.starts_line);
    let mut best: Option<(u8, Published)> = None;
    for (sentence, mentions) in lines {
        let line = dateline_head(&tokens[sentence.tokens.clone()]);
        if line.len() > DATE_LINE_TOKENS || !is_date_line(line, mentions) {
            continue;
        }
        let in_line = |m: &&DateMention| m.tokens.end <= line.len() && day_like(&m.expr);
        let Some(mention) = mentions.iter().find(in_line) else {
            continue;
        };
        let Some((day, year_from)) = day_of(&mention.expr, dates, year_hint) else {
            continue;
        };
        // "Published" beats "Updated" and bare dates; otherwise the first wins.
        let rank = u8::from(line[0].is("published") || line[0].is("first"));
        if best.as_ref().is_none_or(|(best_rank, _)| rank > *best_rank) {
            best = Some((
                rank,
                Published {
                    day,
                    found: Found::DateLine,
                    span: sentence.span,
                    year_from,
                },
            ));
        }
    }
    if let Some((_, published)) = best {
        return Some(published);
    }
    sentences
        .iter()
        .zip(dates)
        .take(FALLBACK_SENTENCES)
        .find_map(|(sentence, mentions)| {
            let mention = mentions
                .iter()
                .find(|m| matches!(&m.expr, DateExpr::Fixed(date) if date.is_exact_day()))?;
            let DateExpr::Fixed(date) = mention.expr else {
                return None;
            };
            let first = &tokens[sentence.tokens.start + mention.tokens.start];
            let last = &tokens[sentence.tokens.start + mention.tokens.end - 1];
            Some(Published {
                day: date.first_day(),
                found: Found::FirstDate,
                span: Span {
                    start: first.start,
                    end: last.end(),
                },
                year_from: None,
            })
        })
}

/// Whether a date line is a wire dateline ("HANOI, February 26, 2019 -",
/// "(ANSA) - ROME, FEB 2, 2024 -") rather than a stamp ("Published on
/// 18 June 2023"): its first word is a place in capitals, or an agency's
/// tag in brackets.
pub(crate) fn is_dateline(line: &str) -> bool {
    let line = line.trim_start();
    let first_word = line
        .split(|c: char| !c.is_alphabetic())
        .find(|word| !word.is_empty());
    line.starts_with('(')
        || first_word
            .is_some_and(|word| word.chars().count() >= 2 && word.chars().all(char::is_uppercase))
}

/// The dateline part of a line that goes on with the story ("HANOI, June 19
/// (AP) — Putin arrived..."): up to its dash; other lines whole.
fn dateline_head<'a, 't>(line: &'a [Token<'t>]) -> &'a [Token<'t>] {
    // "(ANSA) - ROME, FEB 2 - ...": the agency's tag comes first.
    let skip = agency_tag(line);
    if !line.get(skip).is_some_and(Token::is_all_caps) {
        return line;
    }
    let dash = line
        .iter()
        .skip(skip)
        .take(DATE_LINE_TOKENS)
        .position(|t| t.is_punct('—') || t.is_punct('–') || t.is_punct('-'));
    dash.map_or(line, |dash| &line[..skip + dash])
}

/// Whether a mention names one day (with or without its year).
fn day_like(expr: &DateExpr) -> bool {
    match expr {
        DateExpr::Fixed(date) => date.is_exact_day(),
        DateExpr::MonthDay { .. } => true,
        _ => false,
    }
}

/// Whether a line holds nothing but a date, stamp words, a dateline's
/// capitals and punctuation: no prose.
fn is_date_line(line: &[Token<'_>], mentions: &[DateMention]) -> bool {
    let in_date = |index: usize| mentions.iter().any(|m| m.tokens.contains(&index));
    let mut depth = 0usize;
    line.iter().enumerate().all(|(index, token)| {
        if token.is_punct('(') {
            depth += 1;
        } else if token.is_punct(')') {
            depth = depth.saturating_sub(1);
        }
        depth > 0
            || in_date(index)
            || token.kind != Kind::Word
            || token.is_any(STAMP_WORDS)
            || !token.is_lowercase()
    }) && (!line.last().is_some_and(|t| t.is_punct('.')) || caps_dateline(line))
}

/// Whether a line ending in a full stop is still a dateline: a place in
/// capitals, its comma, then the day ("ADDIS ABABA, May 22.", "PEKING,
/// October 31."), as newspapers set them on a line of their own.
fn caps_dateline(line: &[Token<'_>]) -> bool {
    let caps = line.iter().take_while(|t| t.is_all_caps()).count();
    (1..=3).contains(&caps) && line.get(caps).is_some_and(|t| t.is_punct(','))
}

/// The day a date line names. A day without a year ("HANOI, June 19")
/// takes the latest year the text names, or a few years after it when the
/// story's first weekday ("arrived on Wednesday") only fits that later year:
/// a wire story's weekday is its dateline's day or the day before.
fn day_of(
    expr: &DateExpr,
    dates: &[Vec<DateMention>],
    year_hint: Option<i32>,
) -> Option<(Day, Option<i32>)> {
    match expr {
        DateExpr::Fixed(date) => Some((date.first_day(), None)),
        DateExpr::MonthDay { month, day } => {
            let latest = latest_year(dates).or(year_hint)?;
            let weekday = dates
                .iter()
                .flatten()
                .find_map(|mention| match mention.expr {
                    DateExpr::Weekday {
                        weekday,
                        shift: Shift::Nearest,
                    } => Some(weekday),
                    _ => None,
                });
            let fits = |year: i32| {
                let Some(dated) = Day::from_ymd(year, *month, *day) else {
                    return false;
                };
                weekday.is_some_and(|w| dated.weekday() == w || dated.weekday() == (w + 1) % 7)
            };
            let year = (latest..=latest + YEARS_AHEAD)
                .find(|&y| fits(y))
                .unwrap_or(latest);
            Some((Day::from_ymd(year, *month, *day)?, Some(year)))
        }
        _ => None,
    }
}

/// The latest year any absolute date of the text names.
fn latest_year(dates: &[Vec<DateMention>]) -> Option<i32> {
    let years = dates.iter().flatten().filter_map(|mention| {
        let expr = match &mention.expr {
            DateExpr::Since(inner) => inner.as_ref(),
            other => other,
        };
        match expr {
            DateExpr::Fixed(date) => Some(date.last_day().year()),
            _ => None,
        }
    });
    years.max()
}

/// The leading place of a dateline ("HANOI, June 19 (AP) —", "BEIJING
/// (Reuters) -", "SEOUL, South Korea (AP) —"): its token range in the
/// first sentence that has one.
///
/// `names_place` says whether a candidate's tokens name a place: a
/// headline in capitals ("NEHRU, CHOU FLY INTO INDONESIA") is no dateline.
pub(crate) fn find_dateline(
    tokens: &[Token<'_>],
    sentences: &[Sentence],
    names_place: impl Fn(Range<usize>) -> bool,
) -> Option<Range<usize>> {
    sentences
        .iter()
        .take(HEAD_SENTENCES)
        .enumerate()
        .filter(|(_, sentence)| sentence.starts_line)
        .find_map(|(index, sentence)| {
            let line = &tokens[sentence.tokens.clone()];
            let ends_line = tokens
                .get(sentence.tokens.end)
                .is_none_or(|next| next.breaks > 0);
            // A headline ("Putin in Beijing") is no byline.
            if index > 0
                && ends_line
                && let Some(place) = byline_place(line, sentence.tokens.start, &names_place)
            {
                return Some(place);
            }
            // "(ANSA) - ROME, FEB 2 -": an agency's tag before the place.
            let skip = agency_tag(line);
            let line = &line[skip..];
            let start = sentence.tokens.start + skip;
            let caps = line.iter().take_while(|t| t.is_all_caps()).count();
            // "NEW DELHI" on a line of its own, as newspapers' sites set
            // it between the byline and the story; "ISLAMABAD:", as South
            // Asian papers open.
            let separated = line.get(caps).is_none_or(|after| {
                after.is_punct(',')
                    || after.is_punct(':')
                    || after.is_punct('(')
                    || after.is_punct('—')
                    || after.is_punct('–')
                    || after.is_punct('-')
            });
            if caps > 0 && caps <= 3 && separated && names_place(start..start + caps) {
                return Some(start..start + caps);
            }
            // "Dhaka, Jan 12 (bdnews24.com) -", "Pyongyang, July 27 (KCNA)":
            // a place in title case, a day, then the agency in brackets; or
            // the agency's tag right after the place.
            let words = line
                .iter()
                .take_while(|t| t.is_capitalized() && !t.is_all_caps())
                .count();
            // "Guadalajara (Mexico), July 17 (EFE).-": the country in
            // brackets after the place.
            let country_after = line.get(words).is_some_and(|t| t.is_punct('('))
                && line.get(words + 1).is_some_and(Token::is_capitalized)
                && line.get(words + 2).is_some_and(|t| t.is_punct(')'))
                && line.get(words + 3).is_some_and(|t| t.is_punct(','));
            let comma = if country_after { words + 3 } else { words };
            let dated = line.get(comma).is_some_and(|t| t.is_punct(','))
                && line
                    .get(comma + 1)
                    .is_some_and(|t| month_named(t.text).is_some())
                && line
                    .get(comma + 2)
                    .is_some_and(|t| t.text.bytes().all(|b| b.is_ascii_digit()))
                && line.get(comma + 3).is_some_and(|t| t.is_punct('('));
            // "Kyiv (AFP) -", "Hanoi (VNA) -": the agency's tag right after.
            let tagged = line.get(words).is_some_and(|t| t.is_punct('('))
                && line.get(words + 1).is_some_and(Token::is_all_caps)
                && line.get(words + 2).is_some_and(|t| t.is_punct(')'));
            (words > 0 && words <= 3 && (dated || tagged) && names_place(start..start + words))
                .then_some(start..start + words)
        })
}

/// How many words a byline's name may have.
const BYLINE_NAME_WORDS: usize = 4;

/// The place of a newspaper's byline ("Sela Fonoti in Apia", "Julian
/// Borger in Washington"), on a line of its own: where the story was
/// written, as a wire's dateline says.
fn byline_place(
    line: &[Token<'_>],
    start: usize,
    names_place: impl Fn(Range<usize>) -> bool,
) -> Option<Range<usize>> {
    let name = line
        .iter()
        .take_while(|t| t.is_capitalized() && !t.is_all_caps())
        .count();
    let place = start + name + 1..start + line.len();
    let named = (2..=BYLINE_NAME_WORDS).contains(&name)
        && line.get(name).is_some_and(|t| t.text == "in")
        && (1..=3).contains(&place.len())
        && line[name + 1..].iter().all(Token::is_capitalized);
    (named && names_place(place.clone())).then_some(place)
}

/// How many tokens an agency's tag at the start of a line takes: "(ANSA)
/// -" is four.
fn agency_tag(line: &[Token<'_>]) -> usize {
    let open = line.first().is_some_and(|t| t.is_punct('('));
    let name = line.get(1).is_some_and(Token::is_all_caps);
    let close = line.get(2).is_some_and(|t| t.is_punct(')'));
    let dash = line
        .get(3)
        .is_some_and(|t| t.is_punct('-') || t.is_punct('—') || t.is_punct('–'));
    if open && name && close && dash { 4 } else { 0 }
}

#[cfg(test)]
mod tests {
    use super::super::dates::find_dates;
    use super::super::text::{sentences, tokenize};
    use super::*;

    fn published(text: &str) -> Option<String> {
        let tokens = tokenize(text);
        let sentences = sentences(&tokens);
        let dates: Vec<_> = sentences
            .iter()
            .map(|s| find_dates(&tokens[s.tokens.clone()]))
            .collect();
        find_published(&tokens, &sentences, &dates, None).map(|p| p.day.to_string())
    }

    #[test]
    fn an_agency_tag_before_the_dateline_is_read_past() {
        // 2 February 2025 was a Sunday: the year the weekday fits.
        let text = "Summit opens\n\n(ANSA) - ROME, FEB 2 - Meloni on Sunday opened a summit, as she did in March 2023.\n";
        assert_eq!(published(text).as_deref(), Some("2025-02-02"));
    }

    #[test]
    fn reads_stamps_and_date_lines() {
        for (text, expected) in [
            (
                "Headline here\n\nPublished 18 Oct 2023\n\nBody.",
                "2023-10-18",
            ),
            (
                "Headline\n\nPublished On 18 Jun 2023\nUpdated 19 Jun 2023\n",
                "2023-06-18",
            ),
            (
                "Headline\n\nUpdated 19 Jun 2023\nPublished On 18 Jun 2023\n",
                "2023-06-18",
            ),
            ("Headline\n\n19 June 2024\n\nText.", "2024-06-19"),
            ("Headline\n\nSeptember 13, 2023\n\nText.", "2023-09-13"),
            (
                "Kim reaches Vietnam\n\nHANOI, February 26, 2019\n\nKim arrived.",
                "2019-02-26",
            ),
            (
                "Headline\n\nPublished on August 18, 2023 at 10:38 AM GMT\n",
                "2023-08-18",
            ),
        ] {
            assert_eq!(published(text).as_deref(), Some(expected), "{text:?}");
        }
    }

    #[test]
    fn a_headline_with_a_date_is_no_date_line() {
        let text = "Xi to visit Moscow on March 20\n\nOfficials said on Monday, March 13, 2023, that Xi will go.";
        assert_eq!(published(text).as_deref(), Some("2023-03-13"));
    }

    #[test]
    fn falls_back_to_the_first_full_date_or_nothing() {
        let caption = "Title\n\nShoigu is welcomed in Pyongyang, July 25, 2023, in this image.\n\nHe arrived on Tuesday.";
        assert_eq!(published(caption).as_deref(), Some("2023-07-25"));
        assert_eq!(
            published("Kim arrived on Tuesday. Nobody knows when."),
            None
        );
    }

    #[test]
    fn a_dateline_without_year_takes_the_latest_year_named() {
        let text = "HANOI, June 19 (AP) — Putin arrived on Wednesday, his first visit since 2000. In 2024 he said so.";
        assert_eq!(published(text).as_deref(), Some("2024-06-19"));
        assert_eq!(published("HANOI, June 19 (AP) — Putin arrived."), None);
    }

    #[test]
    fn a_dateline_weekday_picks_the_year() {
        // 17 June was a Saturday in 2023, not in 2022.
        let text = "TOKYO, June 17 (Reuters) - The emperor left Tokyo on Saturday. He was in Britain in 2022.";
        assert_eq!(published(text).as_deref(), Some("2023-06-17"));
    }

    #[test]
    fn finds_datelines_that_name_places() {
        let text = "NEHRU, CHOU FLY INTO INDONESIA\n\nBEIJING (Reuters) - Xi met Putin.";
        let tokens = tokenize(text);
        let sentences = sentences(&tokens);
        let places = |range: Range<usize>| {
            let words: Vec<&str> = tokens[range].iter().map(|t| t.text).collect();
            words == ["BEIJING"]
        };
        let range = find_dateline(&tokens, &sentences, places).unwrap();
        assert_eq!(
            tokens[range].iter().map(|t| t.text).collect::<Vec<_>>(),
            ["BEIJING"]
        );
        let tokens = tokenize("The US said so.");
        assert_eq!(
            find_dateline(&tokens, &super::super::text::sentences(&tokens), |_| true),
            None
        );
    }
}
