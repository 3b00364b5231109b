//! Words and sentences with their byte offsets: the hand-written tokenizer
//! and sentence splitter every other extraction step reads.
//!
//! One pass over the text, no backtracking: linear in its size whatever it
//! holds (control characters, huge lines, any script).

use std::ops::Range;

use crate::model::Span;

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters (and inner digits, hyphens, apostrophes, abbreviation dots):
    /// "Pyongyang", "test-fired", "U.S.", "COVID-19".
    Word,
    /// Starts with a digit: "25", "2023-07-25", "1,000", "12th", "1990s".
    Number,
    /// The possessive ending: "’s" in "Russia’s", "'" in "Workers' Party".
    Possessive,
    /// Any other single character: punctuation, quotes, dashes, symbols.
    Punct,
}

/// One token: a slice of the text and where it starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token<'t> {
    /// The token's text.
    pub text: &'t str,
    /// Its first byte in the whole text.
    pub start: usize,
    /// What it is.
    pub kind: Kind,
    /// Line breaks in the whitespace before it, at most 2 (a blank line).
    pub breaks: u8,
}

impl Token<'_> {
    /// One past its last byte.
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }

    /// Whether it is `word`, ignoring ASCII case.
    pub fn is(&self, word: &str) -> bool {
        self.text.eq_ignore_ascii_case(word)
    }

    /// Whether it is one of `words`, ignoring ASCII case.
    pub fn is_any(&self, words: &[&str]) -> bool {
        words.iter().any(|word| self.is(word))
    }

    /// Whether it is this punctuation character.
    pub fn is_punct(&self, c: char) -> bool {
        self.kind == Kind::Punct && self.text.starts_with(c)
    }

    /// Whether it is a word starting with an uppercase letter.
    pub fn is_capitalized(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_uppercase)
    }

    /// Whether it is a word in lowercase letters only.
    pub fn is_lowercase(&self) -> bool {
        self.kind == Kind::Word && self.text.chars().next().is_some_and(char::is_lowercase)
    }

    /// Whether it is a word of two or more letters, all uppercase ("HANOI").
    pub fn is_all_caps(&self) -> bool {
        self.kind == Kind::Word
            && self.text.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && !self.text.chars().any(char::is_lowercase)
    }

    /// Whether it ends a sentence when followed by a new one.
    fn is_terminal(&self) -> bool {
        self.kind == Kind::Punct && matches!(self.text, "." | "!" | "?" | "…")
    }

    /// Whether it closes a quotation or bracket.
    fn is_closer(&self) -> bool {
        self.kind == Kind::Punct && matches!(self.text, "\"" | "”" | "’" | "'" | ")" | "]" | "»")
    }
}

/// Words written with a final dot that rarely end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "sgt", "capt", "cmdr", "adm", "gov", "sen",
    "rep", "prof", "rev", "jr", "sr", "no", "vol", "vs", "inc", "corp", "ltd", "co", "ft", "mt",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "pres",
    "amb", "messrs", "approx", "est", "fig", "dept", "univ", "maj", "brig", "cpl", "pvt", "hon",
    "mme", "mlle", "msgr",
];

/// Words that start sentences: after an abbreviation like "U.S." they mean
/// the dot ended one.
#[rustfmt::skip]
const SENTENCE_STARTERS: &[&str] = &[
    "the", "he", "she", "it", "they", "we", "i", "in", "on", "a", "an", "but", "and", "this",
    "that", "his", "her", "its", "their", "there", "however", "meanwhile", "after", "before",
    "when", "while", "as", "at", "last", "earlier", "later", "some", "many",
];

/// Splits `text` into tokens, in order, covering every non-space character.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let bytes = text.as_bytes();
    let mut pos = 0;
    let mut breaks: u8 = 0;
    while pos < text.len() {
        let Some(c) = text[pos..].chars().next() else {
            break;
        };
        if c.is_whitespace() || c.is_control() {
            if c == '\n' {
                breaks = breaks.saturating_add(1).min(2);
            }
            pos += c.len_utf8();
            continue;
        }
        let (end, kind) = if c.is_alphanumeric() {
            let end = word_end(text, pos);
            let kind = if c.is_ascii_digit() {
                Kind::Number
            } else {
                Kind::Word
            };
            (end, kind)
        } else if is_apostrophe(c) && possessive_follows(text, pos, &tokens) {
            let after = pos + c.len_utf8();
            let end = if bytes
                .get(after)
                .is_some_and(|b| b.eq_ignore_ascii_case(&b's'))
            {
                after + 1
            } else {
                after
            };
            (end, Kind::Possessive)
        } else {
            (pos + c.len_utf8(), Kind::Punct)
        };
        tokens.push(Token {
            text: &text[pos..end],
            start: pos,
            kind,
            breaks,
        });
        breaks = 0;
        pos = end;
    }
    tokens
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‑' | '‐')
}

/// Whether the apostrophe at `pos` is a possessive ending of the word just
/// before it: "Russia’s", "Workers' Party".
fn possessive_follows(text: &str, pos: usize, tokens: &[Token<'_>]) -> bool {
    let Some(last) = tokens.last() else {
        return false;
    };
    if last.end() != pos || last.kind != Kind::Word && last.kind != Kind::Number {
        return false;
    }
    let mut rest = text[pos..].chars().skip(1);
    match rest.next() {
        Some('s' | 'S') => !rest.next().is_some_and(char::is_alphanumeric),
        None => last.text.ends_with(['s', 'S']),
        Some(next) => !next.is_alphanumeric() && last.text.ends_with(['s', 'S']),
    }
}

/// Where the word or number starting at `start` ends.
fn word_end(text: &str, start: usize) -> usize {
    let mut chars = text[start..].char_indices().peekable();
    let numeric = text[start..].starts_with(|c: char| c.is_ascii_digit());
    let mut end = start;
    while let Some((offset, c)) = chars.next() {
        let at = start + offset;
        if c.is_alphanumeric() {
            end = at + c.len_utf8();
            continue;
        }
        let next = chars.peek().map(|&(_, next)| next);
        let inner = match c {
            _ if is_hyphen(c) => next.is_some_and(char::is_alphanumeric),
            ',' | ':' if numeric => {
                // "1,000", "10:38": a separator between digit groups.
                let digits = text[at + 1..]
                    .bytes()
                    .take_while(u8::is_ascii_digit)
                    .count();
                digits == 3 || (c == ':' && digits == 2)
            }
            '.' if numeric => next.is_some_and(|n| n.is_ascii_digit()),
            '.' => {
                // "U.S.", "W." and "Gen." keep their dots; other words end.
                let word = &text[start..at];
                let last_part = word.rsplit('.').next().unwrap_or(word);
                let initial =
                    last_part.chars().count() == 1 && last_part.chars().all(char::is_uppercase);
                if initial || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word)) {
                    end = at + 1;
                    if next.is_some_and(char::is_alphabetic) && initial {
                        continue;
                    }
                }
                false
            }
            _ if is_apostrophe(c) => {
                // "don't", "O'Brien", "d'Ivoire" stay whole; "Russia's" splits.
                let rest = &text[at + c.len_utf8()..];
                let letters: usize = rest
                    .chars()
                    .take_while(|ch| ch.is_alphabetic())
                    .map(char::len_utf8)
                    .sum();
                letters > 0 && !rest[..letters].eq_ignore_ascii_case("s")
            }
            _ => false,
        };
        if !inner {
            break;
        }
    }
    end
}

/// A sentence: a run of tokens and the bytes they cover.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Sentence {
    /// Its tokens, as indices into the token list.
    pub tokens: Range<usize>,
    /// From its first token's start to its last token's end.
    pub span: Span,
    /// Whether it starts a line (a headline, a dateline, a paragraph).
    pub starts_line: bool,
}

/// The most tokens one sentence may hold; longer runs are cut, so that no
/// step ever looks at more than this many tokens at once.
pub(crate) const MAX_SENTENCE_TOKENS: usize = 160;

/// Splits tokens into sentences at final punctuation, blank lines and
/// (unless the text is hard-wrapped) line breaks.
pub(crate) fn sentences(tokens: &[Token<'_>]) -> Vec<Sentence> {
    let wrapped = is_hard_wrapped(tokens);
    let mut sentences = Vec::new();
    let mut first = 0;
    for index in 1..=tokens.len() {
        let ends = index == tokens.len()
            || index - first >= MAX_SENTENCE_TOKENS
            || boundary_before(tokens, index, wrapped);
        if ends {
            let span = Span {
                start: tokens[first].start,
                end: tokens[index - 1].end(),
            };
            sentences.push(Sentence {
                tokens: first..index,
                span,
                starts_line: first == 0 || tokens[first].breaks > 0,
            });
            first = index;
        }
    }
    sentences
}

/// Whether single line breaks are mere wrapping: most of them continue a
/// sentence in lowercase.
fn is_hard_wrapped(tokens: &[Token<'_>]) -> bool {
    let (mut single, mut continued) = (0usize, 0usize);
    for token in tokens.iter().filter(|token| token.breaks == 1) {
        single += 1;
        if token.is_lowercase() {
            continued += 1;
        }
    }
    single >= 3 && continued * 3 >= single
}

fn boundary_before(tokens: &[Token<'_>], index: usize, wrapped: bool) -> bool {
    let next = &tokens[index];
    let prev = &tokens[index - 1];
    if next.breaks >= 2 {
        return true;
    }
    if next.breaks == 1 {
        let ends_line = prev.is_terminal() || prev.is_closer() || prev.is_punct(':');
        if !wrapped || ends_line || next.is_all_caps() {
            return true;
        }
    }
    let starts_new = next.is_capitalized()
        || next.kind == Kind::Number
        || matches!(next.text, "\"" | "“" | "‘" | "(" | "[" | "«");
    if !starts_new {
        return false;
    }
    // Step back over closing quotes and brackets: `said. "Then` and `.)`.
    // A quote glued to the next word opens it instead: `arrived. "He`.
    let mut at = index - 1;
    while at > 0 && tokens[at].is_closer() && tokens[at + 1].start > tokens[at].end() {
        at -= 1;
    }
    let before = &tokens[at];
    if before.is_terminal() {
        return true;
    }
    // "...the U.S. The next day": an abbreviation, then a typical opener.
    before.kind == Kind::Word
        && before.text.ends_with('.')
        && before.text.len() > 2
        && next.is_any(SENTENCE_STARTERS)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|token| token.text).collect()
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        sentences(&tokens)
            .iter()
            .map(|s| s.span.slice(text).unwrap())
            .collect()
    }

    #[test]
    fn splits_words_possessives_and_punctuation() {
        assert_eq!(
            words("Russia’s Shoigu, in Pyongyang's airport."),
            [
                "Russia",
                "’s",
                "Shoigu",
                ",",
                "in",
                "Pyongyang",
                "'s",
                "airport",
                "."
            ]
        );
        assert_eq!(
            words("the Workers' Party"),
            ["the", "Workers", "'", "Party"]
        );
        assert_eq!(
            words("North Korea test-fired 1,000 COVID-19 don't O'Brien"),
            [
                "North",
                "Korea",
                "test-fired",
                "1,000",
                "COVID-19",
                "don't",
                "O'Brien"
            ]
        );
        let tokens = tokenize("Russia’s");
        assert_eq!(tokens[1].kind, Kind::Possessive);
    }

    #[test]
    fn keeps_abbreviation_dots_and_iso_dates() {
        assert_eq!(
            words("the U.S. and Gen. Smith on 2023-07-25 at 10:38."),
            [
                "the",
                "U.S.",
                "and",
                "Gen.",
                "Smith",
                "on",
                "2023-07-25",
                "at",
                "10:38",
                "."
            ]
        );
        assert_eq!(words("George W. Bush"), ["George", "W.", "Bush"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "Ünïcode — “quoted” text\u{0}\u{7}with controls";
        for token in tokenize(text) {
            assert_eq!(&text[token.start..token.end()], token.text);
        }
    }

    #[test]
    fn splits_sentences_at_final_punctuation_and_lines() {
        let text = "Headline without a stop\n\nHANOI, February 26, 2019\n\nKim arrived. \"He waved,\" she said. Mr. Pompeo met Gen. Kim on Monday.\nNext line";
        assert_eq!(
            sentence_texts(text),
            [
                "Headline without a stop",
                "HANOI, February 26, 2019",
                "Kim arrived.",
                "\"He waved,\" she said.",
                "Mr. Pompeo met Gen. Kim on Monday.",
                "Next line",
            ]
        );
    }

    #[test]
    fn joins_hard_wrapped_lines() {
        let text = "President Xi arrived in\nMoscow on Monday for talks\nwith Putin, who greeted\nhim at the airport in\nthe capital. Then he left.";
        assert_eq!(
            sentence_texts(text),
            [
                "President Xi arrived in\nMoscow on Monday for talks\nwith Putin, who greeted\nhim at the airport in\nthe capital.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn caps_sentence_length() {
        let text = "word ".repeat(1000);
        let tokens = tokenize(&text);
        let all = sentences(&tokens);
        assert!(all.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
        assert_eq!(all.iter().map(|s| s.tokens.len()).sum::<usize>(), 1000);
    }

    #[test]
    fn survives_odd_input() {
        for text in [
            "",
            " ",
            "’",
            "'s",
            "...",
            "\u{feff}",
            "a.b.c.",
            "-",
            "1,",
            "U.",
            "’’’s",
        ] {
            let tokens = tokenize(text);
            let _ = sentences(&tokens);
        }
    }
}
