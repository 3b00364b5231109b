//! People and delegations: names with their titles and nationalities
//! ("Russian Defence Minister Sergei Shoigu", "Zhao Leji, chairman of the
//! Standing Committee", "a Chinese delegation headed by ..."), and the
//! article's cast that later mentions ("Shoigu", "Kim", "the delegation")
//! resolve to.

use std::ops::Range;

use super::cast::{is_honorific, name_parts};
use super::doc::Sent;
use super::known::{KNOWN_SURNAMES, ORGANISATION_SEATS, known_country};
use super::lexicon::{Flags, travel};
use super::places::{PlaceHow, Places};
use super::text::Kind;
use crate::model::CountryCode;

/// Verbs that title-case headlines capitalise and names never hold.
#[rustfmt::skip]
const HEADLINE_VERBS: &[&str] = &[
    "says", "said", "meets", "holds", "held", "hosts", "welcomes", "signs", "signed", "warns",
    "urges", "seeks", "vows", "calls", "begins", "ends", "wraps", "makes", "pays", "takes",
    "wins", "talks", "agrees", "agreed", "set", "sets", "eyes", "hails", "slams", "backs",
    // Plural subjects: "Alfonsin, Sarney Join Sanguinetti for Talks".
    "join", "joins", "meet", "hold", "host", "welcome", "sign", "warn", "urge", "seek", "vow",
    "call", "end", "agree", "discuss", "discusses", "pledge", "pledges", "open", "opens",
    "presses", "press", "tells", "offers", "asks", "praises", "rejects", "denies", "defends",
    "promises", "promise", "thanks", "greets", "receives", "leads", "heads", "lands", "tours",
];

/// The most tokens a name has ("Luiz Inácio Lula da Silva").
const MAX_NAME: usize = 6;
/// The most tokens a title before a name has.
const MAX_TITLE: usize = 8;

/// A person named in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct NameMention {
    /// All its tokens: nationality, title, name and a title after it.
    pub tokens: Range<usize>,
    /// The name itself.
    pub core: Range<usize>,
    /// The title as written: "Defence Minister", "Politburo member".
    pub title: Option<String>,
    /// The country the wording gives: "Russian", "Russia's", "of Brazil".
    pub country: Option<CountryCode>,
    /// Whether a title came with it (or a nationality did): then even one
    /// word is surely a person.
    pub titled: bool,
    /// Whether the title no longer holds: "former President", "then leader".
    pub former: bool,
}

impl NameMention {
    /// Whether the name is given as a relative's: "his son, John
    /// Eisenhower".
    pub fn is_kin(&self, sent: &Sent<'_, '_>) -> bool {
        let spouse = self.title.as_deref().is_some_and(|title| {
            let title = title.to_lowercase();
            title.starts_with("first lady") || title.starts_with("first gentleman")
        });
        spouse || self.is_distant_kin(sent) || self.kin_before(sent, KIN)
    }

    /// Whether the name is given as a relative's further off than a
    /// spouse, child or sibling: their country is not the leader's.
    pub fn is_distant_kin(&self, sent: &Sent<'_, '_>) -> bool {
        self.kin_before(sent, DISTANT_KIN)
    }

    /// Whether a relative's word of `words` stands before the name, with
    /// whose relative it is: "his son", "Xi's wife", not a greeting's
    /// "brother Petro".
    fn kin_before(&self, sent: &Sent<'_, '_>, words: &[&str]) -> bool {
        (self.tokens.start.saturating_sub(5)..self.tokens.start).any(|i| {
            sent.is_any(i, words)
                && i > 0
                && (sent.is_any(i - 1, &["his", "her", "their", "whose"])
                    || sent.tokens[i - 1].kind == Kind::Possessive)
        })
    }

    /// Whether `next` is this name's alias in brackets right after it:
    /// "Joko Widodo (Jokowi)".
    pub fn bracketed_alias(&self, sent: &Sent<'_, '_>, next: &Self) -> bool {
        sent.punct(self.tokens.end, '(')
            && next.tokens.start == self.tokens.end + 1
            && next.core == next.tokens
            && sent.punct(next.tokens.end, ')')
    }
}

/// Relatives, whose names often hold the leader's: "his son, John
/// Eisenhower", "his widow, Coretta King".
#[rustfmt::skip]
const KIN: &[&str] = &[
    "son", "daughter", "wife", "husband", "brother", "sister", "widow", "widower",
    "daughter-in-law", "son-in-law", "grandson", "granddaughter",
];

/// Relatives further off, who may well hold another passport than the
/// leader's ("his step-grandmother, Mama Sarah Obama").
#[rustfmt::skip]
const DISTANT_KIN: &[&str] = &[
    "father", "mother", "nephew", "niece", "cousin", "uncle", "aunt", "grandmother",
    "grandfather", "step-grandmother", "stepmother", "stepfather", "half-brother",
    "half-sister",
];

/// Makers of aircraft whose name stands for the craft ("the presidential
/// Airbus").
const MAKERS: &[&str] = &[
    "airbus",
    "boeing",
    "ilyushin",
    "tupolev",
    "gulfstream",
    "embraer",
    "antonov",
    "dassault",
];

/// Craft a maker's name may stand before ("an Ilyushin jetliner").
const CRAFT: &[&str] = &[
    "jet",
    "jetliner",
    "airliner",
    "plane",
    "aircraft",
    "airplane",
    "helicopter",
    "limousine",
];

/// Finds the names of one sentence, given its places.
pub(crate) fn find_names(sent: &Sent<'_, '_>, text: &str, places: &Places) -> Vec<NameMention> {
    let mut names = Vec::new();
    let mut at = 0;
    while at < sent.len() {
        if !is_name_word(sent, places, at) {
            at += 1;
            continue;
        }
        let mut end = at + 1;
        while end < sent.len() && end - at < MAX_NAME {
            if is_name_word(sent, places, end) && !sent.has(end, Flags::PARTICLE) {
                end += 1;
            } else if sent.has(end, Flags::PARTICLE) {
                // "da Silva", "von der Leyen": particles, then a name word.
                let particles = (end..sent.len())
                    .take_while(|&i| sent.has(i, Flags::PARTICLE))
                    .count();
                if particles > 2 || !is_name_word(sent, places, end + particles) {
                    break;
                }
                end += particles + 1;
            } else {
                break;
            }
        }
        // "Kim Il Sung Square", "Xi Jinping Thought", "USS Ronald Reagan":
        // a name for something.
        let ship = sent.is_any(
            at,
            &[
                "uss", "hms", "hmas", "hmcs", "ins", "roks", "rfs", "js", "mv",
            ],
        );
        // "the Rosatom state corporation" (but "the Buhari administration"
        // still names Buhari).
        let org_after = (end..(end + 2).min(sent.len()))
            // Not "Al Zeyoudi and embassy officials".
            .take_while(|&i| sent.tokens[i].is_lowercase() && !sent.is_any(i, &["and", "or"]))
            .any(|i| sent.has(i, Flags::ORG) && !sent.has(i, Flags::TITLE_HEAD))
            && known_country(&name_parts(sent.text(text, at..end))).is_none();
        // "Mr. Brezhnev's Ilyushin jetliner": a maker's name for a craft.
        // "an Ilyushin jetliner", and "the presidential Airbus" alone.
        let craft = sent.is_any(end, CRAFT) || (at..end).all(|i| sent.is_any(i, MAKERS));
        let names_thing =
            ship || craft || sent.capitalized(end) && sent.has(end, Flags::ORG) || org_after;
        // "General de Gaulle", "Mr. van Klaveren": particles before the
        // first name word are the name's too.
        let mut start = at;
        while start > 0 && at - start < 2 && sent.has(start - 1, Flags::PARTICLE) {
            start -= 1;
        }
        // "Datuk Seri Dr Wan Azizah": the styles before a title are no
        // name of their own.
        let only_styles = (start..end).all(|i| sent.is_any(i, STYLES_OF_ADDRESS));
        if !names_thing && !only_styles {
            let mut mention = describe(sent, text, places, start..end);
            let first = mention.tokens.start;
            // "after the sudden death of President John Magufuli": one
            // dead is no leader of the story's time either.
            let dead = first >= 2
                && sent.is(first - 1, "of")
                && sent.is_any(first - 2, &["death", "funeral", "assassination", "killing"]);
            mention.former =
                dead || (first.saturating_sub(1)..=first).any(|i| sent.has(i, Flags::FORMER));
            names.push(mention);
        }
        at = end;
    }
    names
}

/// Malay and Indonesian styles written before a name ("Datuk Seri Anwar
/// Ibrahim", "Tan Sri"): part of how the name is written, never a name
/// alone.
const STYLES_OF_ADDRESS: &[&str] = &[
    "datuk", "dato", "dato'", "seri", "tan", "sri", "tun", "puan",
];

/// Whether token `at` may be part of a name.
fn is_name_word(sent: &Sent<'_, '_>, places: &Places, at: usize) -> bool {
    let Some(token) = sent.tokens.get(at) else {
        return false;
    };
    let initial = token.text.len() == 2 && token.text.ends_with('.');
    // "al-Assad", "el-Sisi": a particle glued to a capitalised name.
    let glued = token.text.split_once('-').is_some_and(|(particle, rest)| {
        super::lexicon::flags(&particle.to_lowercase()).has(Flags::PARTICLE)
            && rest.starts_with(char::is_uppercase)
    });
    // "Putin Arrives In Pyongyang": a title-case headline's verbs.
    let verb = travel(sent.word(at)).is_some() || sent.is_any(at, HEADLINE_VERBS);
    // "President @MMuizzu": a social-media handle, not a name.
    let handle = at > 0 && sent.punct(at - 1, '@') && sent.tokens[at - 1].end() == token.start;
    // "Wang Yi, He Lifeng and Liu He": the Chinese surname, not the
    // pronoun, inside a sentence before another name.
    let chinese_he = token.text == "He"
        && at > 0
        && (sent.punct(at - 1, ',') || sent.is(at - 1, "and"))
        && sent
            .tokens
            .get(at + 1)
            .is_some_and(|next| next.is_capitalized() && !sent.has(at + 1, Flags::FUNCTION));
    if chinese_he {
        return true;
    }
    // "Resources Minister Madeleine King,": a title's word as a surname,
    // after a first name and before no other name.
    let surname = sent.has(at, Flags::TITLE_HEAD)
        && token.is_capitalized()
        && at > 0
        && sent.capitalized(at - 1)
        && !sent.has(at - 1, Flags::TITLE_HEAD)
        && !sent.has(at - 1, Flags::TITLE_PART)
        && !sent.has(at - 1, Flags::FUNCTION)
        && !places.covers(at - 1)
        && !sent.capitalized(at + 1);
    // "Sharif Sheikh Ahmed": "Sheikh" inside a name, between two of its
    // words.
    let inner_sheikh = sent.is_any(at, &["sheikh", "sheik", "shaikh"])
        && token.is_capitalized()
        && at > 0
        && sent.capitalized(at - 1)
        && !sent.has(at - 1, Flags::TITLE_HEAD)
        && !sent.has(at - 1, Flags::TITLE_PART)
        && !sent.has(at - 1, Flags::FUNCTION)
        && sent.capitalized(at + 1);
    // "Vietnam's top leader To Lam", "President To Lam": a name's word
    // that is also a small word, capitalised inside prose.
    let capitalised_small_word = sent.has(at, Flags::FUNCTION)
        && token.is_capitalized()
        && at > 0
        && (sent.tokens[at - 1].kind == Kind::Word && sent.tokens[at - 1].is_lowercase()
            || sent.has(at - 1, Flags::TITLE_HEAD))
        && sent.tokens.get(at + 1).is_some_and(|next| {
            next.kind == Kind::Word && next.is_capitalized() && !sent.has(at + 1, Flags::FUNCTION)
        })
        && !places.covers(at + 1);
    if surname || inner_sheikh || capitalised_small_word {
        return true;
    }
    // "the G20", "the G-7": a group's number, not a name.
    let numbered = token.text.chars().any(|c| c.is_ascii_digit());
    token.kind == Kind::Word
        && !verb
        && !handle
        && !numbered
        && (token.is_capitalized() || glued)
        && (initial || !token.text.ends_with('.'))
        && !sent.has(at, Flags::FUNCTION)
        && !sent.has(at, Flags::ORG)
        && !sent.has(at, Flags::TITLE_HEAD)
        && !sent.has(at, Flags::TITLE_PART)
        && !sent.in_date(at)
        && !places.covers(at)
        && !(token.is_all_caps() && token.text.len() > 3 && !known_in_capitals(token.text))
}

/// Whether a word in capitals is a known leader's surname: "L. I. BREZHNEV
/// ARRIVES IN INDIA".
fn known_in_capitals(word: &str) -> bool {
    let folded = crate::gazetteer::fold(word);
    is_known_word(&folded) || super::known::known_surname_country(&[folded]).is_some()
}

/// The title words right before a name that starts at `name_start`
/// ("Natural Resources Minister", "Minister of State for Foreign Trade"),
/// read leftwards.
fn title_before(sent: &Sent<'_, '_>, places: &Places, name_start: usize) -> Option<Range<usize>> {
    let mut title_range: Option<Range<usize>> = None;
    let mut at = name_start;
    while at > 0 && name_start - at < MAX_TITLE {
        let prev = at - 1;
        // "Natural Resources Minister": capitalised words of a title.
        let in_title = sent.has(prev + 1, Flags::TITLE_HEAD)
            || title_range.as_ref().is_some_and(|r| r.start == prev + 1);
        let title_word = sent.has(prev, Flags::TITLE_HEAD)
            || (sent.has(prev, Flags::TITLE_PART)
                && !sent.is_any(prev, &["of", "for", "the", "and"]))
            || (sent.capitalized(prev)
                && !sent.has(prev, Flags::FUNCTION)
                && !places.covers(prev)
                && in_title);
        // "Minister of State for Foreign Trade": "of" or "for" after the
        // head, or after the capitalised field that follows it.
        let head_before = |i: usize| {
            sent.has(i, Flags::TITLE_HEAD)
                || sent.capitalized(i)
                    && (i.saturating_sub(3)..i).any(|j| sent.has(j, Flags::TITLE_HEAD))
        };
        let glue = sent.is_any(prev, &["of", "for"])
            && prev > 0
            && head_before(prev - 1)
            && title_range.is_some();
        let the_glue = sent.is(prev, "the") && prev > 0 && sent.is(prev - 1, "of");
        // "Minister of Roads and Urban Development Farzaneh Sadegh": "and"
        // between the capitalised words of an office's field.
        let and_glue = sent.is(prev, "and")
            && title_range.is_some()
            && prev > 0
            && sent.capitalized(prev - 1)
            && (prev.saturating_sub(3)..prev - 1).any(|i| {
                sent.is_any(i, &["of", "for"]) && i > 0 && sent.has(i - 1, Flags::TITLE_HEAD)
            })
            && (prev + 1..name_start).all(|i| sent.capitalized(i));
        if title_word || glue || the_glue || and_glue {
            title_range = Some(prev..title_range.map_or(name_start, |r| r.end));
            at = prev;
            continue;
        }
        break;
    }
    title_range
}

/// A name with what the words around it say: the title and nationality
/// before it, an appositive title or "of Country" after it.
fn describe(sent: &Sent<'_, '_>, text: &str, places: &Places, core: Range<usize>) -> NameMention {
    let mut title_range = title_before(sent, places, core.start);
    let mut start = title_range.as_ref().map_or(core.start, |r| r.start);
    let mut country = None;
    // An international organisation before the title: "NATO Secretary
    // General Mark Rutte", "African Union Commission Chairperson Moussa
    // Faki": its officials travel from its seat.
    if let Some((first, seat)) = title_range
        .as_ref()
        .and_then(|range| organisation_of(sent, range))
    {
        let title = clean_title(
            sent,
            text,
            first..title_range.as_ref().map_or(core.start, |r| r.end),
        );
        return NameMention {
            tokens: first..core.end,
            core,
            title: Some(title),
            country: Some(seat),
            titled: true,
            former: false,
        };
    }
    // Then a nationality just before: "Russian", "US", "Russia's", "the
    // Chinese" (skipping "former").
    if let Some((nationality, from)) =
        nationality_before(sent, places, start, title_range.is_some())
    {
        country = Some(nationality);
        start = from;
    }
    let mut end = core.end;
    // "President Lula of Brazil", "Presidents Raul Alfonsin of Argentina
    // and Jose Sarney of Brazil".
    if sent.is(end, "of")
        && let Some(place) = places.place_at(end + 1)
        && place.how == PlaceHow::Country
        && place.tokens.start == end + 1
    {
        country = country.or(Some(place.country));
        end = place.tokens.end;
    }
    // "the Chairperson of the African Union Commission, Mr Moussa Faki",
    // "the minister for Pacific island affairs, Pat Conroy".
    if let Some((office, described)) = described_before(sent, places, start) {
        if described.is_some() {
            country = described;
        }
        if title_range.is_none() {
            title_range = Some(office);
        }
    }
    // ", the Chinese president,", ", chairman of the Standing Committee".
    if title_range.is_none()
        && let Some((range, nationality)) = appositive_title(sent, places, end)
    {
        country = country.or(nationality);
        title_range = Some(range.clone());
        end = range.end;
    }
    // "Anglican leader Justin Welby, the Archbishop of Canterbury,": an
    // office of a place set off after the name gives its country.
    if country.is_none() {
        country = office_of_a_place(sent, places, core.end);
    }
    let title = title_range
        .as_ref()
        .map(|range| clean_title(sent, text, range.clone()));
    let titled = title.is_some() || country.is_some();
    NameMention {
        tokens: start..end,
        core,
        title,
        country,
        titled,
        former: false,
    }
}

/// The country of the place an office is "of" in an apposition after a
/// name ending at `after`: ", the Archbishop of Canterbury,", ", Mayor of
/// Paris,".
fn office_of_a_place(sent: &Sent<'_, '_>, places: &Places, after: usize) -> Option<CountryCode> {
    if !sent.punct(after, ',') {
        return None;
    }
    // Set off on both sides, and short: not the start of a list.
    let end = (after + 1..(after + 7).min(sent.len() + 1))
        .find(|&i| i == sent.len() || sent.punct(i, ',') || sent.punct(i, '.'))?;
    let of = (after + 1..end).find(|&i| sent.is(i, "of"))?;
    let office = of > 0 && sent.has(of - 1, Flags::TITLE_HEAD);
    let place = places
        .place_at(of + 1)
        .filter(|place| place.tokens.start == of + 1 && !place.possessive)?;
    office.then_some(place.country)
}

/// The nationality just before a name (or its title) at `start`, and
/// where it begins: "Russian", "Russia's", "US" before a title (`titled`),
/// skipping "former".
fn nationality_before(
    sent: &Sent<'_, '_>,
    places: &Places,
    start: usize,
    titled: bool,
) -> Option<(CountryCode, usize)> {
    let mut before = start;
    while before > 0 && sent.has(before - 1, Flags::FORMER) {
        before -= 1;
    }
    let prev = before.checked_sub(1)?;
    if let Some(nationality) = places.nationality_at(prev) {
        return Some((nationality.country, nationality.tokens.start));
    }
    if sent.tokens[prev].kind == Kind::Possessive {
        return places
            .place_at(prev.saturating_sub(1))
            .filter(|place| {
                matches!(place.how, PlaceHow::Country | PlaceHow::City) && place.possessive
            })
            .map(|place| (place.country, place.tokens.start));
    }
    // "US President Joe Biden".
    places
        .place_at(prev)
        .filter(|place| place.how == PlaceHow::Country && place.tokens.end == before && titled)
        .map(|place| (place.country, place.tokens.start))
}

/// Gatherings an organisation names without naming its officials: "at
/// the NATO summit Prime Minister Sunak" names no NATO official.
const GATHERINGS: &[&str] = &[
    "summit",
    "meeting",
    "talks",
    "conference",
    "headquarters",
    "session",
    "assembly",
    "forum",
    "gathering",
];

/// Where a title's organisation names it (the first token of the
/// organisation's name, and its seat's country): before the title's head,
/// across up to three lowercase words ("the European Union's foreign
/// policy chief"), or at its start ("NATO Secretary General").
fn organisation_of(sent: &Sent<'_, '_>, title: &Range<usize>) -> Option<(usize, CountryCode)> {
    let lowercase = (1..=3)
        .take_while(|&back| title.start >= back && sent.tokens[title.start - back].is_lowercase())
        .last()
        .unwrap_or(0);
    // Across lowercase title words ("UN humanitarian chief"), never across
    // a gathering.
    (0..=lowercase)
        .filter(|&back| (title.start - back..title.start).all(|i| !sent.is_any(i, GATHERINGS)))
        .find_map(|back| {
            organisation_before(sent, title.start - back)
                .map(|(words, seat)| (title.start - back - words, seat))
        })
        .or_else(|| organisation_at(sent, title.clone()).map(|seat| (title.start, seat)))
}

/// The international organisation named by the tokens just before `at`
/// (the longest match; "the European Union's" too), with its token count
/// and its seat's country.
fn organisation_before(sent: &Sent<'_, '_>, at: usize) -> Option<(usize, CountryCode)> {
    if at > 0 && sent.tokens[at - 1].kind == Kind::Possessive {
        return organisation_named_before(sent, at - 1).map(|(words, seat)| (words + 1, seat));
    }
    organisation_named_before(sent, at)
}

fn organisation_named_before(sent: &Sent<'_, '_>, at: usize) -> Option<(usize, CountryCode)> {
    ORGANISATION_SEATS
        .iter()
        .filter(|(words, _, _)| words.len() <= at)
        .filter(|(words, _, _)| names_organisation(sent, at - words.len(), words))
        .max_by_key(|(words, _, _)| words.len())
        .and_then(|(words, code, _)| Some((words.len(), CountryCode::parse(code)?)))
}

/// Whether the tokens from `at` are `words`; an acronym ("UN", "WHO")
/// only in capitals, so that "who" and "un-" stay words.
fn names_organisation(sent: &Sent<'_, '_>, at: usize, words: &[&str]) -> bool {
    let acronym = words.len() == 1 && words[0].len() <= 5;
    words.iter().enumerate().all(|(i, word)| {
        sent.lower.get(at + i).is_some_and(|lower| lower == word)
            && (!acronym
                || sent.tokens[at + i].is_all_caps()
                || sent.tokens[at + i].text.contains('.'))
    })
}

/// The international organisation a title starts with ("NATO Secretary
/// General"), as its seat's country.
fn organisation_at(sent: &Sent<'_, '_>, title: Range<usize>) -> Option<CountryCode> {
    ORGANISATION_SEATS
        .iter()
        .filter(|(words, _, _)| title.start + words.len() < title.end)
        .find(|(words, _, _)| names_organisation(sent, title.start, words))
        .and_then(|(_, code, _)| CountryCode::parse(code))
}

/// The seat of an international organisation named anywhere in `range`:
/// "chairman of the African Union Commission", "the United Nations deputy
/// secretary-general".
fn organisation_within(sent: &Sent<'_, '_>, range: Range<usize>) -> Option<CountryCode> {
    range.clone().find_map(|at| {
        ORGANISATION_SEATS
            .iter()
            .filter(|(words, _, _)| at + words.len() <= range.end)
            .filter(|(words, _, _)| names_organisation(sent, at, words))
            .max_by_key(|(words, _, _)| words.len())
            .and_then(|(_, code, _)| CountryCode::parse(code))
    })
}

/// How many words a description set before a name may take: "the
/// Chairperson of the African Union Commission, Mr Moussa Faki Mahamat".
const DESCRIPTION_WORDS: usize = 10;

/// The office a description set before a name gives (its tokens, after
/// "the"), with its organisation's seat or its nationality: "the
/// Chairperson of the African Union Commission, Mr Moussa Faki Mahamat,"
/// travels from Addis Ababa; "the minister for Pacific island affairs, Pat
/// Conroy," is a minister.
fn described_before(
    sent: &Sent<'_, '_>,
    places: &Places,
    start: usize,
) -> Option<(Range<usize>, Option<CountryCode>)> {
    let comma = start
        .checked_sub(1)
        .filter(|&comma| sent.punct(comma, ','))?;
    let the = (comma.saturating_sub(DESCRIPTION_WORDS)..comma)
        .rev()
        .take_while(|&i| !sent.punct(i, ',') && !sent.clause_break(i))
        .filter(|&i| sent.is(i, "the"))
        .last()?;
    if !(the + 1..comma).any(|i| sent.has(i, Flags::TITLE_HEAD)) {
        return None;
    }
    let nationality = places
        .nationality_at(the + 1)
        .map(|nationality| nationality.country);
    let country = organisation_within(sent, the..comma).or(nationality);
    Some((the + 1..comma, country))
}

/// How many words a patron's name may take: "Lula's", "Narendra Modi's".
const PATRON_WORDS: usize = 3;

/// A known leader named with a possessive at `at` ("Lula's chief adviser"),
/// with their country and the token after the possessive.
fn known_patron(sent: &Sent<'_, '_>, at: usize) -> Option<(CountryCode, usize)> {
    let possessive = (at + 1..=(at + PATRON_WORDS).min(sent.len().saturating_sub(1)))
        .find(|&i| sent.tokens[i].kind == Kind::Possessive)?;
    if !(at..possessive).all(|i| sent.capitalized(i)) {
        return None;
    }
    let words: Vec<String> = (at..possessive)
        .flat_map(|i| name_parts(sent.tokens[i].text))
        .collect();
    Some((known_country(&words)?, possessive + 1))
}

/// A title in apposition after a name: ", the Chinese president," or ",
/// chairman of the Standing Committee of the National People's Congress,".
fn appositive_title(
    sent: &Sent<'_, '_>,
    places: &Places,
    after: usize,
) -> Option<(Range<usize>, Option<CountryCode>)> {
    if !sent.punct(after, ',') {
        return None;
    }
    let mut at = after + 1;
    if sent.is_any(at, &["the", "a", "an"]) {
        at += 1;
    }
    while sent.has(at, Flags::FORMER) {
        at += 1;
    }
    let mut country = None;
    let organisation = organisation_within(sent, at..(at + 3).min(sent.len()));
    if let Some(nationality) = places.nationality_at(at) {
        country = Some(nationality.country);
        at = nationality.tokens.end;
    } else if let Some(seat) = organisation {
        // ", the United Nations deputy secretary-general".
        country = Some(seat);
        while at < sent.len()
            && !sent.has(at, Flags::TITLE_HEAD)
            && !sent.has(at, Flags::TITLE_PART)
        {
            at += 1;
        }
    } else if let Some(place) = places.place_at(at)
        && place.possessive
    {
        country = Some(place.country);
        at = place.tokens.end + 1;
    } else if let Some((patron, end)) = known_patron(sent, at) {
        // ", Lula's chief foreign policy adviser,": the patron's country.
        country = Some(patron);
        at = end;
    }
    let title_start = at;
    let mut saw_head = false;
    while at < sent.len() && at - title_start < 24 {
        // ", Trade Minister Don Farrell and ...": a name right after a
        // title's head starts another person, not more of this title.
        let name_follows = saw_head
            && sent.has(at - 1, Flags::TITLE_HEAD)
            && sent.capitalized(at)
            && !sent.has(at, Flags::TITLE_HEAD)
            && !sent.has(at, Flags::TITLE_PART);
        if name_follows {
            return None;
        }
        if sent.has(at, Flags::TITLE_HEAD) {
            saw_head = true;
        } else if !(sent.has(at, Flags::TITLE_PART)
            || (saw_head && (sent.capitalized(at) || sent.tokens[at].kind == Kind::Possessive)))
        {
            break;
        }
        at += 1;
    }
    // The appositive must end with the clause.
    let closed = at >= sent.len() || sent.clause_break(at) || sent.punct(at, '.');
    while at > title_start && sent.is_any(at - 1, &["of", "the", "for", "and"]) {
        at -= 1;
    }
    // ", chairman of the African Union Commission,": the seat.
    let country = organisation_within(sent, title_start..at).or(country);
    (saw_head && closed && at > title_start).then_some((title_start..at, country))
}

/// The title as written, without "former" or a leading article.
fn clean_title(sent: &Sent<'_, '_>, text: &str, range: Range<usize>) -> String {
    let mut start = range.start;
    while start < range.end && (sent.has(start, Flags::FORMER) || sent.is_any(start, &["the", "a"]))
    {
        start += 1;
    }
    // "External Affairs Minister Dr S. Jaishankar": the office, without
    // the form of address after it.
    let mut end = range.end;
    while end > start + 1 && is_honorific(sent.text(text, end - 1..end)) {
        end -= 1;
    }
    sent.text(text, start..end).to_owned()
}

/// Whether a single word is a known leader's distinctive name.
pub(crate) fn is_known_word(lower: &str) -> bool {
    KNOWN_SURNAMES
        .iter()
        .any(|(word, _)| word.eq_ignore_ascii_case(lower))
}

#[cfg(test)]
mod tests {
    use super::super::doc::Doc;
    use super::super::places::find_places;
    use super::*;
    use crate::gazetteer::Gazetteer;

    /// (name, title, country) of each name in the first sentence.
    fn names(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
        let doc = Doc::new(text);
        let sent = doc.sentence(0);
        let places = find_places(&sent, text, None, None, Gazetteer::bundled());
        find_names(&sent, text, &places)
            .into_iter()
            .map(|n| {
                (
                    sent.text(text, n.core.clone()).to_owned(),
                    n.title,
                    n.country.map(|c| c.to_string()),
                )
            })
            .collect()
    }

    fn name(
        name: &str,
        title: Option<&str>,
        country: Option<&str>,
    ) -> (String, Option<String>, Option<String>) {
        (
            name.to_owned(),
            title.map(str::to_owned),
            country.map(str::to_owned),
        )
    }

    #[test]
    fn reads_titles_and_nationalities_before_names() {
        assert_eq!(
            names("Russian Defence Minister Sergei Shoigu arrived."),
            [name("Sergei Shoigu", Some("Defence Minister"), Some("RU"))]
        );
        assert_eq!(
            names("North Korean leader Kim Jong Un met US President Joe Biden."),
            [
                name("Kim Jong Un", Some("leader"), Some("KP")),
                name("Joe Biden", Some("President"), Some("US")),
            ]
        );
        assert_eq!(
            names("Secretary of State Mike Pompeo and Politburo member Li Hongzhong came."),
            [
                name("Mike Pompeo", Some("Secretary of State"), None),
                name("Li Hongzhong", Some("Politburo member"), None),
            ]
        );
        assert_eq!(
            names("It was Russia’s Shoigu, with former Brazilian president Dilma Rousseff."),
            [
                name("Shoigu", None, Some("RU")),
                name("Dilma Rousseff", Some("president"), Some("BR")),
            ]
        );
    }

    #[test]
    fn reads_titles_after_names() {
        assert_eq!(
            names(
                "A delegation headed by Zhao Leji, chairman of the Standing Committee of the National People's Congress, arrived."
            ),
            [name(
                "Zhao Leji",
                Some("chairman of the Standing Committee of the National People's Congress"),
                None
            )]
        );
        assert_eq!(
            names("He met Fumio Kishida, the Japanese prime minister, on Monday."),
            [name("Fumio Kishida", Some("prime minister"), Some("JP"))]
        );
        assert_eq!(
            names("They hosted Brazilian President Luiz Inácio Lula da Silva."),
            [name(
                "Luiz Inácio Lula da Silva",
                Some("President"),
                Some("BR")
            )]
        );
    }

    #[test]
    fn organisations_are_not_people() {
        assert!(names("The Korean Central News Agency and the Workers' Party said.").is_empty());
        assert!(names("He spoke at the Great Hall of the People on Friday.").is_empty());
    }
}
