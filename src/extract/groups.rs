//! Delegations: "a Chinese delegation headed by Zhao Leji", "the Russian
//! military delegation", and "the delegation" or "both delegations" that
//! point back to them.

use std::ops::Range;

use super::cast::PersonId;
use super::doc::Sent;
use super::lexicon::Flags;
use super::people::NameMention;
use super::places::Places;
use crate::model::CountryCode;

/// A delegation or group of officials.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Group {
    /// As written: "Russian delegation", "Chinese Communist Party group".
    pub label: String,
    /// Whose delegation it is.
    pub country: Option<CountryCode>,
    /// Who leads it.
    pub leader: Option<PersonId>,
}

/// A delegation named in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct GroupMention {
    /// From its determiner to its noun, and on to its leader's name when
    /// "led by" follows.
    pub tokens: Range<usize>,
    /// The label: nationality to noun.
    pub label: String,
    /// The nationality it is written with.
    pub country: Option<CountryCode>,
    /// Its leader, as an index into the sentence's names.
    pub leader: Option<usize>,
    /// "the delegation": the one spoken of before.
    pub anaphoric: bool,
    /// "the two delegations", "both delegations": all of them so far.
    pub all: bool,
}

/// Finds the delegations of one sentence.
pub(crate) fn find_groups(
    sent: &Sent<'_, '_>,
    text: &str,
    places: &Places,
    names: &[NameMention],
) -> Vec<GroupMention> {
    let mut groups = Vec::new();
    for noun in 0..sent.len() {
        if !sent.has(noun, Flags::GROUP) || sent.capitalized(noun) && noun > 0 {
            continue;
        }
        if sent.is(noun, "party") || sent.is(noun, "guests") {
            continue;
        }
        // Leftwards over modifiers to a determiner or a nationality.
        let mut start = noun;
        let mut country = None;
        let mut label_start = noun;
        while start > 0 && noun - start < 5 {
            let prev = start - 1;
            if let Some(nationality) = places.nationality_at(prev) {
                country = Some(nationality.country);
                start = nationality.tokens.start;
                label_start = start;
                continue;
            }
            if let Some(place) = places.place_at(prev)
                && place.possessive
            {
                country = Some(place.country);
                start = place.tokens.start;
                label_start = start;
                continue;
            }
            // "party and government delegation".
            let glue = sent.is(prev, "and") && start < noun;
            let modifier = sent.tokens[prev].kind == super::text::Kind::Word
                && (glue || !sent.has(prev, Flags::FUNCTION))
                && !sent.has(prev, Flags::PREPOSITION)
                && names.iter().all(|name| !name.tokens.contains(&prev));
            if modifier || sent.tokens[prev].kind == super::text::Kind::Possessive {
                start = prev;
                if country.is_none() {
                    label_start = prev;
                }
                continue;
            }
            break;
        }
        let determiner = start > 0 && sent.is_any(start - 1, &["a", "an", "the", "two", "both"]);
        let definite = start > 0 && sent.is_any(start - 1, &["the", "two", "both"]);
        let all =
            start > 0 && (sent.is_any(start - 1, &["two", "both"]) || sent.is(noun, "delegations"));
        if determiner {
            start -= 1;
            if start > 0 && sent.is(start - 1, "the") {
                start -= 1;
            }
        }
        // "a delegation of North Korean officials", "a delegation from Laos".
        let mut after = noun + 1;
        if sent.is_any(after, &["of", "from"]) && country.is_none() {
            if let Some(nationality) = places.nationality_at(after + 1) {
                country = Some(nationality.country);
                after = nationality.tokens.end;
                while after < sent.len()
                    && after < nationality.tokens.end + 2
                    && sent.tokens[after].is_lowercase()
                    && !sent.is_any(after, &["led", "headed"])
                {
                    after += 1;
                }
            } else if let Some(place) = places
                .place_at(after + 1)
                .filter(|p| p.how == super::places::PlaceHow::Country)
            {
                country = Some(place.country);
                after = place.tokens.end;
            }
        }
        // "led by X", "headed by X", ", led by X,".
        if sent.punct(after, ',') {
            after += 1;
        }
        let leader = (sent.is_any(after, &["led", "headed", "lead"]) && sent.is(after + 1, "by"))
            .then(|| names.iter().position(|name| name.tokens.start == after + 2))
            .flatten();
        let end = leader.map_or(noun + 1, |index| names[index].tokens.end);
        let label = sent.text(text, label_start..noun + 1).to_owned();
        let anaphoric = definite && country.is_none() && leader.is_none();
        if country.is_none() && leader.is_none() && !anaphoric {
            continue;
        }
        groups.push(GroupMention {
            tokens: start..end,
            label,
            country,
            leader,
            anaphoric,
            all,
        });
    }
    groups
}
