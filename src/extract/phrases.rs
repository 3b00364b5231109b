//! Travel told without a travel verb: presence ("was in Cairo for
//! talks"), summits attended or addressed, talks held or hands shaken in a
//! place, and the legs a tour's own clause tells ("a tour that took her to
//! Ghana", "ended in Nairobi").

use super::lexicon::Travel;
use super::places::PlaceHow;
use super::story::{Parsed, opening_place};
use super::text::Kind;
use super::visits::{begins, meeting_place_follows, place_follows, place_names_noun};

/// How far before "and took him to" its tour may be named.
const TOUR_REACH: usize = 12;

/// How far after "signed" its agreement may be named ("signed a defence
/// cooperation agreement").
const AGREEMENT_REACH: usize = 6;

/// What a signing signs.
const AGREEMENTS: &[&str] = &[
    "agreement",
    "agreements",
    "deal",
    "deals",
    "accord",
    "accords",
    "pact",
    "treaty",
    "memorandum",
    "memorandums",
    "memoranda",
    "declaration",
    "communique",
    "contract",
];

/// Nouns for a journey of several legs.
const TOUR_NOUNS: &[&str] = &["tour", "trip", "swing", "journey"];

/// Travel told by a noun phrase: "attended a summit in Singapore", "at the
/// summit in Bali" (not "since a summit in California"), "held talks with
/// Xi in Beijing".
pub(super) fn noun_phrase_trigger(parsed: &Parsed<'_, '_>, at: usize) -> Option<Travel> {
    summit(parsed, at)
        .or_else(|| accompanied_to(parsed, at))
        .or_else(|| led_a_delegation(parsed, at))
        .or_else(|| guest_of_honour(parsed, at))
        .or_else(|| tour_leg(parsed, at))
        .or_else(|| presence(parsed, at))
        .or_else(|| meeting(parsed, at))
}

/// "Manele led his country's delegation to the Pacific Islands Forum
/// leaders' meeting in Rarotonga": the head of a delegation went with it
/// (but "a delegation led by" names its head as the group's).
fn led_a_delegation(parsed: &Parsed<'_, '_>, at: usize) -> Option<Travel> {
    // The trip is told from "delegation to" on, so that the group's own
    // nationality ("the Solomon Islands delegation") is no destination.
    let sent = &parsed.sent;
    if !sent.is_any(at, &["delegation", "delegations"]) || !sent.is(at + 1, "to") {
        return None;
    }
    let led = (at.saturating_sub(5)..at).rev().find(|&i| {
        sent.is_any(
            i,
            &["led", "leads", "leading", "headed", "heads", "heading"],
        )
    })?;
    (!sent.is(led + 1, "by") && parsed.actor_at(led + 1).is_none()).then_some(Travel::Go)
}

/// "Araghchi accompanied President Masoud Pezeshkian to Doha": both went
/// there (see `travellers::accompanying`).
fn accompanied_to(parsed: &Parsed<'_, '_>, at: usize) -> Option<Travel> {
    accompanying(parsed, at).is_some().then_some(Travel::Go)
}

/// The one accompanied to a place: "accompanied President Masoud
/// Pezeshkian to Doha" (not "was accompanied by").
pub(super) fn accompanying<'p>(
    parsed: &'p Parsed<'_, '_>,
    at: usize,
) -> Option<&'p super::story::ActorMention> {
    let sent = &parsed.sent;
    if !sent.is_any(at, &["accompanied", "accompanies"]) {
        return None;
    }
    let companion = parsed.actor_after(at, 1)?;
    let to = companion.tokens.end;
    let place_follows = sent.is(to, "to")
        && parsed
            .places
            .place_at(to + 1)
            .is_some_and(|place| place.tokens.start == to + 1);
    place_follows.then_some(companion)
}

/// "Macron was the chief guest at India's Republic Day celebrations in
/// New Delhi", "was guest of honour at the parade in Paris": a guest is
/// there.
fn guest_of_honour(parsed: &Parsed<'_, '_>, at: usize) -> Option<Travel> {
    let sent = &parsed.sent;
    let guest = sent.is(at, "guest")
        && (at.saturating_sub(3)..at).any(|i| sent.is_any(i, &["was", "were", "is", "as"]))
        && (sent.is(at - 1, "chief") || sent.is_any(at + 1, &["of"]) && sent.is(at + 2, "honour"))
        && meeting_place_follows(parsed, at);
    guest.then_some(Travel::Attend)
}

/// "attended a summit in Singapore", "told an African Union summit in
/// Addis Ababa", "attended the Addis Ababa summit".
fn summit(parsed: &Parsed<'_, '_>, at: usize) -> Option<Travel> {
    #[rustfmt::skip]
    const ATTENDING: &[&str] = &[
        "attended", "attends", "attending", "at", "during", "for", "sidelines", "joined", "joins",
        "joining", "held", "holds",
    ];
    const BEFORE_OR_AFTER: &[&str] = &["since", "after", "before", "ahead", "until"];
    let sent = &parsed.sent;
    let word = sent.word(at);
    let window = at.saturating_sub(4)..at;
    let attended = window.clone().any(|i| sent.is_any(i, ATTENDING))
        && !window.clone().any(|i| sent.is_any(i, BEFORE_OR_AFTER));
    // "told an African Union summit in Addis Ababa", "attended the Addis
    // Ababa summit".
    let addressed = window
        .clone()
        .any(|i| sent.is_any(i, &["told", "addressed", "addressing", "addresses"]));
    // "attended the Istanbul Conference on Somalia in May 2010".
    let at_summit = matches!(
        word,
        "summit" | "summits" | "conference" | "forum" | "funeral" | "inauguration"
    ) && (attended || addressed)
        && (place_follows(parsed, at, &["in", "at"], 8) || place_names_noun(parsed, at));
    at_summit.then_some(Travel::Attend)
}

/// A leg of a tour told with the tour: "the last stop of a tour that took
/// her to Ghana", "a tour that began in Cape Town and ended in Nairobi".
fn tour_leg(parsed: &Parsed<'_, '_>, at: usize) -> Option<Travel> {
    let sent = &parsed.sent;
    let word = sent.word(at);
    // "the last stop of a tour that took her to Ghana and Nigeria": the
    // tour's earlier legs.
    // "a Gulf tour that also took him to Saudi Arabia".
    let relative = if at >= 2 && sent.is(at - 1, "also") {
        at - 1
    } else {
        at
    };
    // "a tour which began in Kuala Lumpur on Sunday and also took him to
    // Indonesia": the tour may stand further back.
    let reach = if sent.is(relative.saturating_sub(1), "and") {
        TOUR_REACH
    } else {
        4
    };
    let tours =
        |range: std::ops::Range<usize>| range.into_iter().any(|i| sent.is_any(i, TOUR_NOUNS));
    let relative_clause = relative >= 2
        && sent.is_any(relative - 1, &["that", "which", "and"])
        && tours(relative.saturating_sub(reach)..relative - 1);
    // "Hu's last African tour, in early 2004, took him to Cairo": the tour
    // as the subject.
    // "His first trip abroad as prime minister, in March, took him to
    // Paris and London".
    let owned = sent.tokens[..at].iter().any(|t| t.kind == Kind::Possessive)
        || (0..at).any(|i| sent.is_any(i, &["his", "her", "their"]));
    let subject = owned && tours(at.saturating_sub(TOUR_REACH)..at);
    let tour = word == "took"
        && (relative_clause || subject)
        && sent.is_any(at + 1, &["him", "her", "them"])
        && sent.is_any(at + 2, &["to", "through"]);
    if tour {
        return Some(Travel::Go);
    }
    // "a tour that began in Cape Town on Tuesday and ended in Nairobi on
    // Thursday": where it ended is a leg too.
    let ended = matches!(word, "ended" | "ends" | "finished" | "concluded")
        && sent.is(at + 1, "in")
        && at >= 1
        && sent.is(at - 1, "and")
        && (at.saturating_sub(TOUR_REACH)..at)
            .any(|i| sent.is_any(i, TOUR_NOUNS) && begins(sent, i));
    ended.then_some(Travel::Arrive)
}

/// "Witkoff and Safadi were in Cairo on Sunday for talks": presence
/// abroad, told without a travel word.
fn presence(parsed: &Parsed<'_, '_>, at: usize) -> Option<Travel> {
    let sent = &parsed.sent;
    let word = sent.word(at);
    // The place closes the phrase ("were in Cairo on Sunday", "was in
    // Nairobi for talks"), not "was in Gaza ceasefire talks"; "who is in
    // Beijing" is where an ambassador lives.
    // "Buhari was last in Berlin in October 2016".
    let adverb = usize::from(sent.is_any(
        at + 1,
        &["last", "previously", "also", "briefly", "already", "then"],
    ));
    let place = parsed
        .places
        .place_at(at + 2 + adverb)
        .filter(|p| p.tokens.start == at + 2 + adverb && p.how != PlaceHow::Demonym);
    let closes = place.is_some_and(|p| {
        let next = p.tokens.end;
        next >= sent.len()
            || sent.tokens[next].kind == Kind::Punct
            || sent.in_date(next)
            || sent.is(next, "in") && sent.in_date(next + 1)
            // "was in Abuja and Lagos on Wednesday".
            || sent.is(next, "and") && parsed.places.place_at(next + 1).is_some()
            || sent.is_any(
                next,
                &[
                    "on",
                    "for",
                    "with",
                    "to",
                    "this",
                    "last",
                    "earlier",
                    "since",
                    "until",
                    "at",
                    "together",
                    "alongside",
                    "during",
                ],
            )
    });
    // "Tinubu, who is in Beijing for the summit", "who is in Beijing to
    // attend it": a stay with a purpose is a visit.
    let purpose = place.is_some_and(|p| {
        let next = p.tokens.end;
        sent.is(next, "for") && sent.is_any(next + 1, &["the", "a", "an", "talks"])
            || sent.is(next, "to") && sent.word(next + 1).chars().all(char::is_lowercase)
    });
    let resident = at > 0 && sent.is(at - 1, "who") && matches!(word, "is" | "are") && !purpose;
    // "he had been in Moscow in 1959".
    let presence = matches!(word, "was" | "were" | "is" | "are" | "been")
        && sent.is(at + 1 + adverb, "in")
        && closes
        && !resident;
    presence.then_some(Travel::Arrive)
}

/// "held talks with Xi in Beijing", "In Accra she held talks with ...",
/// "shook hands at the memorial service in Johannesburg".
fn meeting(parsed: &Parsed<'_, '_>, at: usize) -> Option<Travel> {
    let sent = &parsed.sent;
    let word = sent.word(at);
    // "Obama and Castro shook hands ... at the memorial service for
    // Nelson Mandela in Johannesburg".
    if word == "hands"
        && at > 0
        && sent.is_any(at - 1, &["shook", "shake"])
        && meeting_place_follows(parsed, at)
    {
        return Some(Travel::Meet);
    }
    // "Blinken signed a defence cooperation agreement in Port Moresby":
    // a signing is done in person.
    if matches!(word, "signed" | "signs")
        && (at + 1..(at + AGREEMENT_REACH).min(sent.len())).any(|i| sent.is_any(i, AGREEMENTS))
        && meeting_place_follows(parsed, at)
    {
        return Some(Travel::Meet);
    }
    let held = at > 0 && sent.is_any(at - 1, &["held", "holds", "hold", "holding"]);
    // "In Accra on Thursday she held talks with Akufo-Addo".
    let met_there = meeting_place_follows(parsed, at)
        || opening_place(parsed).is_some_and(|place| place.city.is_some());
    (word == "talks" && held && met_there).then_some(Travel::Meet)
}
