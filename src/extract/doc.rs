//! An article prepared for the rules: its tokens with their lowercase forms
//! and lexicon flags, its sentences, and the dates each sentence names.

use super::dates::{DateMention, find_dates};
use super::lexicon::{Flags, flags};
use super::text::{Sentence, Token, sentences, tokenize};
use crate::model::Span;

/// The tokens, sentences and dates of one article.
pub(crate) struct Doc<'t> {
    /// The whole text; spans point into it.
    pub text: &'t str,
    /// Every token, in order.
    pub tokens: Vec<Token<'t>>,
    /// Each token in lowercase.
    pub lower: Vec<String>,
    /// Each token's lexicon flags.
    pub flags: Vec<Flags>,
    /// The sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Each sentence's date expressions.
    pub dates: Vec<Vec<DateMention>>,
    /// Whether each sentence is a photo caption (says "in this image",
    /// ends with a "\[Agency\]" credit, or repeats the sentence before it).
    pub captions: Vec<bool>,
}

impl<'t> Doc<'t> {
    /// Tokenizes and splits `text`.
    pub fn new(text: &'t str) -> Self {
        let tokens = tokenize(text);
        let lower: Vec<String> = tokens.iter().map(|t| t.text.to_lowercase()).collect();
        let flags = lower
            .iter()
            .zip(&tokens)
            .map(|(word, token)| {
                let found = flags(word);
                // "Un" in "Kim Jong Un" is no UN.
                if found.has(Flags::ACRONYM) && !token.is_all_caps() {
                    found.without(Flags::ORG)
                } else {
                    found
                }
            })
            .collect();
        let sentences = sentences(&tokens);
        let dates = sentences
            .iter()
            .map(|sentence| find_dates(&tokens[sentence.tokens.clone()]))
            .collect();
        let mut doc = Self {
            text,
            tokens,
            lower,
            flags,
            sentences,
            dates,
            captions: Vec::new(),
        };
        doc.captions = (0..doc.sentences.len())
            .map(|index| doc.is_caption(index))
            .collect();
        doc
    }

    /// The sentence at `index`, as a view with sentence-relative indices.
    pub fn sentence(&self, index: usize) -> Sent<'_, 't> {
        let sentence = &self.sentences[index];
        let range = sentence.tokens.clone();
        Sent {
            index,
            tokens: &self.tokens[range.clone()],
            lower: &self.lower[range.clone()],
            flags: &self.flags[range],
            dates: &self.dates[index],
            span: sentence.span,
        }
    }

    fn is_caption(&self, index: usize) -> bool {
        let sent = self.sentence(index);
        let says_image = sent.lower.windows(3).any(|w| {
            w[0] == "in"
                && w[1] == "this"
                && matches!(
                    w[2].as_str(),
                    "image" | "photo" | "picture" | "handout" | "file"
                )
        });
        let credit = sent.tokens.last().is_some_and(|t| t.is_punct(']'));
        let repeats = index > 0 && {
            let before = self.sentence(index - 1);
            let shared = sent
                .lower
                .iter()
                .zip(before.lower)
                .take_while(|(a, b)| a == b)
                .count();
            shared >= 8
        };
        says_image || credit || repeats
    }
}

/// One sentence of a [`Doc`]; token indices are relative to its start.
#[derive(Clone, Copy)]
pub(crate) struct Sent<'d, 't> {
    /// Its position among the article's sentences.
    pub index: usize,
    /// Its tokens.
    pub tokens: &'d [Token<'t>],
    /// Its tokens in lowercase.
    pub lower: &'d [String],
    /// Its tokens' flags.
    pub flags: &'d [Flags],
    /// Its date expressions.
    pub dates: &'d [DateMention],
    /// The bytes it covers.
    pub span: Span,
}

impl Sent<'_, '_> {
    /// How many tokens it has.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The lowercase form of token `at`, or "" past the end.
    pub fn word(&self, at: usize) -> &str {
        self.lower.get(at).map_or("", String::as_str)
    }

    /// Whether token `at` is `word` (lowercase).
    pub fn is(&self, at: usize, word: &str) -> bool {
        self.word(at) == word
    }

    /// Whether token `at` is one of `words` (lowercase).
    pub fn is_any(&self, at: usize, words: &[&str]) -> bool {
        words.contains(&self.word(at))
    }

    /// The flags of token `at`, or none past the end.
    pub fn has(&self, at: usize, flag: Flags) -> bool {
        self.flags.get(at).is_some_and(|f| f.has(flag))
    }

    /// Whether token `at` is a capitalised word.
    pub fn capitalized(&self, at: usize) -> bool {
        self.tokens
            .get(at)
            .is_some_and(super::text::Token::is_capitalized)
    }

    /// Whether token `at` is this punctuation.
    pub fn punct(&self, at: usize, c: char) -> bool {
        self.tokens.get(at).is_some_and(|t| t.is_punct(c))
    }

    /// Whether token `at` ends a clause: `,`, `;`, `:`, a dash, a bracket.
    pub fn clause_break(&self, at: usize) -> bool {
        self.tokens.get(at).is_some_and(|t| {
            t.kind == super::text::Kind::Punct
                && matches!(t.text, "," | ";" | ":" | "—" | "–" | "(" | ")" | "[" | "]")
        })
    }

    /// The original text of tokens `range`, with the spacing it had.
    pub fn text<'a>(&self, full: &'a str, range: std::ops::Range<usize>) -> &'a str {
        if range.is_empty() || range.end > self.tokens.len() {
            return "";
        }
        let start = self.tokens[range.start].start;
        let end = self.tokens[range.end - 1].end();
        full.get(start..end).unwrap_or("")
    }

    /// Whether token `at` is inside one of the sentence's date expressions.
    pub fn in_date(&self, at: usize) -> bool {
        self.dates.iter().any(|date| date.tokens.contains(&at))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_captions() {
        let text = "Shoigu is welcomed at an airport in Pyongyang, in this image released by KCNA.\nShoigu is welcomed at an airport in Pyongyang, July 25 [KCNA via Reuters]\n\nThe delegation arrived in Pyongyang.";
        let doc = Doc::new(text);
        assert_eq!(doc.captions, [true, true, false]);
    }

    #[test]
    fn sentences_see_their_own_tokens_and_dates() {
        let doc = Doc::new("Kim arrived on Tuesday. He met Putin in April 2019.");
        let second = doc.sentence(1);
        assert_eq!(second.word(0), "he");
        assert!(second.capitalized(2));
        assert_eq!(second.dates.len(), 1);
        assert!(second.in_date(5));
        assert_eq!(second.text(doc.text, 2..5), "Putin in April");
    }
}
