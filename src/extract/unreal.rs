//! Whether a trip told is real: the cues that make it hypothetical,
//! planned, cancelled or denied ("is expected to visit", "was to hold
//! talks", "cancels Central Asia, Mongolia trip", "has yet to make a
//! visit"), and how far back in the sentence they reach.

use super::lexicon::{Flags, Travel};
use super::story::{Parsed, clause_around};
use super::visits::Trigger;

/// Where the words that may make a trip unreal begin: the trigger's
/// clause, from after a "since" in it ("No president has travelled to
/// Chile since Obama's visit in 2011": the trip after "since" is told, not
/// denied), or from the clause before when a list of places runs up to the
/// trigger ("Kishida cancels Central Asia, Mongolia trip").
fn cue_scope(parsed: &Parsed<'_, '_>, clause: &std::ops::Range<usize>, trigger: &Trigger) -> usize {
    let sent = &parsed.sent;
    let listed = clause.start >= 2
        && sent.punct(clause.start - 1, ',')
        && parsed.places.covers(clause.start - 2)
        && (clause.start..trigger.at).all(|i| parsed.places.covers(i));
    let start = if listed {
        clause_around(sent, clause.start - 2).start
    } else {
        clause.start
    };
    (start..trigger.at)
        .rev()
        .find(|&i| sent.is(i, "since"))
        .map_or(start, |since| since + 1)
}

/// Whether the words around a trigger make the trip hypothetical,
/// planned, cancelled or denied.
pub(super) fn is_hypothetical(parsed: &Parsed<'_, '_>, trigger: &Trigger) -> bool {
    let sent = &parsed.sent;
    let clause = clause_around(sent, trigger.at);
    let cue = |i: usize| {
        // "Theresa May visited": a name's words are no cue.
        if sent.in_date(i) || parsed.actor_at(i).is_some() {
            return false;
        }
        let followed_by_to = sent.is(i + 1, "to");
        match sent.word(i) {
            // "the Pope is to make a brief stop in Nassau".
            // "has yet to make an official visit to Vietnam".
            "set" | "due" | "going" | "poised" | "slated" | "is" | "are" | "yet" => followed_by_to,
            // "Kishida was to hold talks in Astana", not "her first trip
            // was to Bonn".
            "was" | "were" => {
                followed_by_to
                    && sent
                        .tokens
                        .get(i + 2)
                        .is_some_and(super::text::Token::is_lowercase)
                    && !sent.has(i + 2, Flags::FUNCTION)
            }
            "ahead" => sent.is(i + 1, "of"),
            "called" | "calls" => sent.is(i + 1, "off"),
            // "which was to have been his first state visit": it was not.
            "have" => i > 0 && sent.is(i - 1, "to") && sent.is(i + 1, "been"),
            "off" => false,
            _ => {
                sent.has(i, Flags::HYPOTHETICAL)
                    || sent.has(i, Flags::CANCELLED)
                    || sent.has(i, Flags::NEGATION)
            }
        }
    };
    let scope = cue_scope(parsed, &clause, trigger);
    // "Berlusconi confirms Libyan leader's visit to Italy", "discussed
    // the visit": a visit talked about is still to come.
    let talked_about = trigger.travel == Travel::VisitNoun
        && (scope..trigger.at).any(|i| {
            sent.is_any(
                i,
                &[
                    "discuss",
                    "discussed",
                    "discusses",
                    "discussing",
                    "preparing",
                    "prepare",
                    "confirms",
                    "confirmed",
                    "announces",
                    "announced",
                ],
            )
        });
    if (scope..trigger.at).any(cue) || talked_about {
        return true;
    }
    // "A state visit to Rome by al-Sisi, postponed last year, could be
    // rescheduled": a visit that opens its sentence is as real as the
    // verb it waits for.
    let opens_sentence = trigger.travel == Travel::VisitNoun
        && (0..trigger.at).all(|i| sent.is_any(i, &["a", "an", "the", "state", "official"]));
    if opens_sentence
        && (trigger.at + 1..sent.len())
            .any(|i| cue(i) || sent.is_any(i, &["expected", "planned", "scheduled", "rescheduled"]))
    {
        return true;
    }
    let is_verb = !matches!(trigger.travel, Travel::VisitNoun | Travel::Attend)
        || !matches!(sent.word(trigger.at), "summit" | "summits");
    // "Soares is travelling to Guadalajara from Brasilia": on the way,
    // not there yet.
    let en_route = matches!(
        sent.word(trigger.at),
        "travelling" | "traveling" | "flying" | "heading"
    ) && trigger.at > 0
        && sent.is_any(trigger.at - 1, &["is", "are"]);
    if en_route {
        return true;
    }
    // "is scheduled to call on Rivlin, address the community, and visit
    // Yad Vashem": a bare verb after "and" continues a plan.
    let bare = matches!(
        sent.word(trigger.at),
        "visit" | "travel" | "fly" | "go" | "tour" | "attend" | "arrive" | "head"
    );
    let and_then =
        trigger.at > 1 && sent.is(trigger.at - 1, "then") && sent.is(trigger.at - 2, "and");
    // "is expected to meet with Minnikhanov, visit Kazan Federal
    // University and discuss ...": so does one after a comma.
    let listed = sent.punct(trigger.at.wrapping_sub(1), ',') && trigger.travel != Travel::VisitNoun;
    if bare && trigger.at > 0 && (sent.is(trigger.at - 1, "and") || and_then || listed) {
        return true;
    }
    // "insisted on going to Mogadishu", "talked about travelling to Kyiv":
    // a trip argued for or talked of.
    let gerund = sent.word(trigger.at).ends_with("ing");
    if gerund && trigger.at > 0 && sent.is_any(trigger.at - 1, &["on", "about", "against"]) {
        return true;
    }
    // "to visit" is a plan, unless it tells who was "the last British
    // prime minister to visit Nigeria".
    let ordinal =
        |to: usize| (to.saturating_sub(6)..to).any(|i| sent.is_any(i, &["first", "last", "only"]));
    if is_verb && trigger.at > 0 && sent.is(trigger.at - 1, "to") && !ordinal(trigger.at - 1) {
        return true;
    }
    // "... was postponed", "... has been called off", and in a headline
    // "visit to Nigeria postponed".
    (trigger.at + 1..clause.end).any(|i| {
        let passive = sent.is_any(i, &["was", "were", "is", "been", "be"])
            && (sent.has(i + 1, Flags::CANCELLED) && !sent.is(i + 1, "off")
                || sent.is(i + 1, "later") && sent.has(i + 2, Flags::CANCELLED));
        let headline = sent.has(i, Flags::CANCELLED)
            && !sent.is(i, "off")
            && parsed
                .places
                .place_at(i - 1)
                .is_some_and(|place| place.tokens.end == i);
        passive || headline
    })
}
