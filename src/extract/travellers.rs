//! Who a travel word is about: its subject, with those coordinated
//! before it ("Xi and Kim", "Mahama and the head of the African Union
//! Commission, Youssouf,"), or for "X hosted Y" and "X welcomed Y" the
//! guest.

use super::doc::Sent;
use super::lexicon::{Flags, Travel};
use super::story::{Actor, ActorMention, Parsed};
use super::text::Kind;
use super::visits::Trigger;

/// Subjects of travel verbs that are no delegation: "troops arrived".
const NOT_TRAVELLERS: &[&str] = &[
    "troops",
    "soldiers",
    "forces",
    "fighters",
    "militants",
    "vessels",
    "warships",
    "ships",
    "submarines",
    "aircraft",
    "jets",
    "planes",
    "drones",
    "missiles",
    "refugees",
    "migrants",
    "tourists",
    "investors",
    "fans",
    "pilgrims",
    "workers",
    "students",
    "protesters",
    "rebels",
];

/// How far after "by" its traveller may be named: "by the Malaysian Prime
/// Minister, Tun Abdul Razak".
const BY_REACH: usize = 7;

/// How far before a travel word its traveller may be, in tokens.
const SUBJECT_WINDOW: usize = 30;

/// The traveller(s) for a trigger: its subject, or for "X hosted Y" and
/// "X welcomed Y" the object.
pub(crate) fn travellers(
    parsed: &Parsed<'_, '_>,
    trigger: &Trigger,
    previous: Option<&[Actor]>,
) -> (Vec<Actor>, usize) {
    let sent = &parsed.sent;
    if trigger.travel == Travel::Hosted {
        // "welcomed his Emirati counterpart Sheikh Mohamed": the pronoun
        // only determines the guest.
        let determiner = sent.is_any(trigger.at + 1, &["his", "her", "their"]);
        // "hosted a banquet in honor of Assad and his wife": the honoured.
        let in_honour_of = (trigger.at + 1..(trigger.at + 6).min(sent.len()))
            .find(|&i| sent.is_any(i, &["honor", "honour"]) && sent.is(i + 1, "of"))
            .filter(|&i| sent.is(i - 1, "in"))
            .map(|i| i + 1);
        let after = in_honour_of.unwrap_or(trigger.at + usize::from(determiner));
        return parsed
            .actor_after(after, 3)
            .map_or((Vec::new(), trigger.at), |m| {
                (m.actors.clone(), m.tokens.end)
            });
    }
    // "Araghchi accompanied President Masoud Pezeshkian to Doha": the
    // subject and the one accompanied.
    if let Some(companion) = super::phrases::accompanying(parsed, trigger.at) {
        let (mut actors, end) = subject(parsed, trigger.at);
        actors.extend(
            companion
                .actors
                .iter()
                .filter(|a| !actors.contains(a))
                .copied()
                .collect::<Vec<_>>(),
        );
        return (actors, end);
    }
    // "..., the last stop of a tour that took her to Ghana": she, the
    // traveller of the sentence so far.
    if sent.is(trigger.at, "took") {
        // "Hu's last African tour, in early 2004, took him to Cairo".
        let owner = || {
            parsed
                .actors
                .iter()
                .filter(|m| m.tokens.end < trigger.at)
                .find(|m| {
                    sent.tokens
                        .get(m.tokens.end)
                        .is_some_and(|t| t.kind == Kind::Possessive)
                })
                .map(|m| m.actors.clone())
        };
        let travellers = previous
            .map(<[Actor]>::to_vec)
            .or_else(owner)
            .or_else(|| parsed.actor_at(trigger.at + 1).map(|m| m.actors.clone()))
            .unwrap_or_default();
        return (travellers, trigger.at);
    }
    if trigger.travel == Travel::VisitNoun
        && let Some(found) = noun_travellers(parsed, trigger)
    {
        return found;
    }
    // "..., before flying to", "and then flew to": the clause before's subject.
    // Not "Araghchi's predecessor, Hossein Amir-Abdollahian, travelled":
    // a comma closing a name is the subject's.
    let named_before_comma = trigger.at >= 2 && parsed.actor_at(trigger.at - 2).is_some();
    let continues = trigger.at > 0
        && (sent.is_any(trigger.at - 1, &["before", "after", "then", "and", "while"])
            || sent.punct(trigger.at - 1, ',') && !named_before_comma);
    if continues && let Some(actors) = previous {
        return (actors.to_vec(), trigger.at);
    }
    // "whose troops first arrived in Angola": the troops travelled, not
    // the leader named before them.
    let head = (trigger.at.saturating_sub(3)..trigger.at).rev().find(|&i| {
        !sent.is_any(
            i,
            &[
                "first", "had", "have", "has", "were", "was", "later", "also", "then",
            ],
        )
    });
    // (But "the presidential aircraft landed" is the president's.)
    if head.is_some_and(|i| sent.is_any(i, NOT_TRAVELLERS) && parsed.actor_at(i).is_none()) {
        return (Vec::new(), trigger.at);
    }
    let (actors, end) = subject(parsed, trigger.at);
    if actors.is_empty() && trigger.at <= 1 {
        // "Landing in Chongqing on Sunday, Scholz toured ...".
        let comma = (trigger.at..parsed.sent.len()).find(|&i| parsed.sent.punct(i, ','));
        if let Some(mention) = comma.and_then(|i| parsed.actor_after(i, 2)) {
            return (mention.actors.clone(), trigger.at);
        }
    }
    (actors, end)
}

/// The traveller of a travel noun: "a visit to Beijing by Lavrov", "Xi's
/// visit", "his first visit", "Tanaka, whose historic trip".
fn noun_travellers(parsed: &Parsed<'_, '_>, trigger: &Trigger) -> Option<(Vec<Actor>, usize)> {
    let sent = &parsed.sent;
    // "a visit to Beijing by Lavrov", "the visit to Peking in May by
    // the Malaysian Prime Minister, Tun Abdul Razak".
    // Not "the first visit to Cuba by a Soviet leader since Brezhnev".
    let by = (trigger.at + 1..(trigger.at + 10).min(sent.len()))
        .find(|&i| sent.is(i, "by") && !sent.is(i.saturating_sub(1), "hosted"))
        .and_then(|i| {
            let reach = (i + 1..i + BY_REACH)
                .find(|&j| sent.is(j, "since"))
                .map_or(BY_REACH, |since| since - i);
            parsed.actor_after(i, reach)
        });
    if let Some(mention) = by {
        return Some((mention.actors.clone(), trigger.at));
    }
    // "a state visit Prabowo paid to Brasilia in July".
    if let Some(mention) = parsed.actor_after(trigger.at, 1)
        && sent.is_any(mention.tokens.end, &["paid", "made", "pays", "makes"])
    {
        return Some((mention.actors.clone(), trigger.at));
    }
    // "Xi's visit", "his first visit".
    let mut at = trigger.at;
    while at > 0 && trigger.at - at < 5 {
        at -= 1;
        if sent.tokens[at].kind == Kind::Possessive && at > 0 {
            if let Some(mention) = parsed.actor_at(at - 1) {
                return Some((mention.actors.clone(), at));
            }
            break;
        }
        // "Kakuei Tanaka, whose historic trip to Peking".
        if sent.is(at, "whose") {
            let before = parsed
                .actors
                .iter()
                .rfind(|m| m.tokens.end <= at && m.tokens.end + 2 >= at);
            if let Some(mention) = before {
                return Some((mention.actors.clone(), trigger.at));
            }
            break;
        }
        if sent.is_any(at, &["his", "her", "their"]) {
            // "During her visit to Moscow, Thatcher met ...", "In January
            // 2023, on his first visit to the country, he became ...": the
            // pronoun looks ahead to the main clause's subject.
            const OPENERS: &[&str] = &["during", "on", "in", "at", "after"];
            let opening = at > 0
                && sent.is_any(at - 1, OPENERS)
                && (0..at)
                    .all(|i| sent.is_any(i, OPENERS) || sent.in_date(i) || sent.punct(i, ','));
            let comma = (trigger.at..sent.len()).find(|&i| sent.punct(i, ','));
            if opening && let Some(mention) = comma.and_then(|i| parsed.actor_after(i, 2)) {
                return Some((mention.actors.clone(), at + 1));
            }
            // "Mark Rutte, who paid his first visit to Türkiye": the
            // one "who" stands for.
            if (at.saturating_sub(3)..at).any(|i| sent.is(i, "who")) {
                let (actors, _) = subject(parsed, at);
                if !actors.is_empty() {
                    return Some((actors, at + 1));
                }
            }
            if let Some(mention) = parsed.actor_at(at) {
                return Some((mention.actors.clone(), at + 1));
            }
            break;
        }
        if sent.has(at, Flags::FUNCTION) && !sent.is_any(at, &["first", "last", "new"]) {
            break;
        }
    }
    None
}

/// The subject of the clause a word is in: the nearest actor before it
/// that is no object, through "who" to its antecedent, with coordinated
/// ones ("Yoon and Kishida arrived").
pub(crate) fn subject(parsed: &Parsed<'_, '_>, at: usize) -> (Vec<Actor>, usize) {
    let sent = &parsed.sent;
    let floor = at.saturating_sub(SUBJECT_WINDOW);
    let mut index = at;
    let mut relative = false;
    // "King Juan Carlos, together with Prime Minister Felipe Gonzalez,
    // arrived": those along with the subject are subjects too.
    let mut along: Vec<Actor> = Vec::new();
    while index > floor {
        index -= 1;
        if sent.punct(index, ';') {
            break;
        }
        let Some(mention) = parsed.actor_at(index) else {
            continue;
        };
        if mention.relative {
            relative = true;
            index = mention.tokens.start;
            continue;
        }
        // "with Richard Marles flying in from Manila": the one "with"
        // names does the -ing verb right after.
        let absolute = mention.tokens.end == at
            && sent.word(at).ends_with("ing")
            && mention.tokens.start > 0
            && sent.is(mention.tokens.start - 1, "with");
        if mention.object && !relative && !absolute {
            let start = mention.tokens.start;
            if start >= 2
                && sent.is(start - 1, "with")
                && sent.is_any(start - 2, &["together", "along"])
            {
                along.extend(mention.actors.iter().copied());
            }
            index = start;
            continue;
        }
        // "Celso Amorim, Lula's chief adviser, who flew to Paris": "who"
        // stands for the adviser, not the one whose adviser he is.
        let possessive = sent
            .tokens
            .get(mention.tokens.end)
            .is_some_and(|t| t.kind == Kind::Possessive);
        if relative && possessive {
            index = mention.tokens.start;
            continue;
        }
        let mut actors = coordinated(parsed, mention);
        actors.extend(
            along
                .into_iter()
                .filter(|actor| !actors.contains(actor))
                .collect::<Vec<_>>(),
        );
        return (actors, mention.tokens.end);
    }
    (Vec::new(), at)
}

/// How many words a description may take before the name it introduces
/// ("the head of the African Union Commission, Mahmoud Ali Youssouf").
const APPOSITIVE_WORDS: usize = 10;

/// The actors of a mention with those coordinated before it: "Yoon and
/// Japanese Prime Minister Kishida", "Xi and Kim".
pub(crate) fn coordinated(parsed: &Parsed<'_, '_>, mention: &ActorMention) -> Vec<Actor> {
    let sent = &parsed.sent;
    let mut actors = mention.actors.clone();
    let mut start = mention.tokens.start;
    while start >= 2 && sent.is_any(start - 1, &["and", ","]) {
        // "Mahama and the head of the African Union Commission, Mahmoud
        // Ali Youssouf,": a name set after its description.
        let described = sent
            .punct(start - 1, ',')
            .then(|| {
                (start.saturating_sub(APPOSITIVE_WORDS)..start - 1)
                    .rev()
                    .find(|&i| sent.is(i, "and"))
            })
            .flatten()
            .filter(|&and| {
                and >= 1
                    && sent.is(and + 1, "the")
                    && (and + 1..start - 1)
                        .all(|i| parsed.actor_at(i).is_none() && !sent.punct(i, ','))
            });
        let mut before = skip_nickname(sent, described.map_or(start - 2, |and| and - 1));
        // "Presidents Raul Alfonsin of Argentina and Jose Sarney of
        // Brazil": a name with its country after it.
        if let Some(place) = parsed.places.place_at(before) {
            let of = place.tokens.start;
            if of >= 2 && sent.is(of - 1, "of") {
                before = of - 2;
            }
        }
        match parsed.actor_at(before) {
            Some(other) if !other.object && !other.relative => {
                for actor in other.actors.iter().rev() {
                    if !actors.contains(actor) {
                        actors.insert(0, *actor);
                    }
                }
                start = other.tokens.start;
            }
            _ => break,
        }
    }
    actors
}

/// How many words a nickname in quotes may have.
const NICKNAME_WORDS: usize = 3;

/// The token before a nickname in quotes that ends at `at` ("Pushpa Kamal
/// Dahal 'Prachanda'"), so that the name before it is found; `at` itself
/// when no nickname ends there.
fn skip_nickname(sent: &Sent<'_, '_>, at: usize) -> usize {
    let is_quote = |i: usize| {
        sent.tokens
            .get(i)
            .is_some_and(|t| matches!(t.text, "'" | "’" | "‘" | "\"" | "“" | "”"))
    };
    if !is_quote(at) {
        return at;
    }
    (at.saturating_sub(NICKNAME_WORDS + 1)..at.saturating_sub(1))
        .rev()
        .find(|&open| is_quote(open) && (open + 1..at).all(|i| sent.tokens[i].is_capitalized()))
        .filter(|&open| open >= 1)
        .map_or(at, |open| open - 1)
}
