//! When each leg of a journey was: a tour's legs take its month unless
//! they have a day of their own, a chained leg after a recalled one takes
//! its date, and so does a stop "on his way back from" a trip or a summit
//! told again ("the Addis Ababa summit").

use super::doc::Sent;
use super::legs::{LEG_DAYS, Legs};
use super::lexicon::Travel;
use super::story::{Actor, Parsed, Story, StoryPlace, clause_around, where_clause_date};
use super::visits::{Trigger, VisitMention, begins};
use crate::model::{DatePoint, FuzzyDate};

/// "stopping in Lagos and Abuja seven years ago during a tour that also
/// took her to South Africa": a date near a tour's legs ("took her to")
/// dates the trip told before them, when that has none of its own; the
/// legs take its month (see `tour_leg_dates`). Where a tour began is
/// dated by its where-clause.
pub(crate) fn date_the_tour_not_its_legs(
    sent: &Sent<'_, '_>,
    triggers: &[Trigger],
    assigned: &mut [Option<usize>],
) {
    for (slot, trigger) in triggers.iter().enumerate().take(assigned.len()) {
        // "a tour that began in Saint Lucia, where he arrived on Thursday",
        // "and took him to Seoul, where he held a summit on Saturday".
        if (begins(sent, trigger.at) || sent.is(trigger.at, "took"))
            && let Some(day) = where_day(sent, trigger.at)
        {
            assigned[slot] = Some(day);
        }
        // "his current trip, which began Thursday in Abu Dhabi": the day
        // after the comma is when it began.
        if begins(sent, trigger.at) && sent.punct(trigger.at + 1, ',') && assigned[slot].is_none() {
            let clause = clause_around(sent, trigger.at + 2);
            assigned[slot] = sent
                .dates
                .iter()
                .position(|date| clause.contains(&date.tokens.start));
        }
    }
    for leg in 1..triggers.len().min(assigned.len()) {
        if !sent.is(triggers[leg].at, "took") || assigned[leg].is_none() {
            continue;
        }
        // "a tour which began in Kuala Lumpur on Sunday and also took him
        // to Indonesia": Sunday is where the tour began.
        let shared = (0..leg).any(|other| assigned[other] == assigned[leg]);
        if shared {
            continue;
        }
        if let Some(main) = (0..leg).rev().find(|&i| assigned[i].is_none()) {
            assigned[main] = assigned[leg].take();
        }
    }
}

/// The places and dates of a tour's legs. "met Xi in Beijing ..., the
/// last day of a trip that also took him to Chongqing and Shanghai": legs
/// inside the country of the sentence's trip (`main`) are that trip. The
/// legs "took" in, and where a tour "began" when no day is given, are in
/// the month of `main`, or of the trip just `told` ("Abu Dhabi was the
/// final stop of a Gulf tour that also took him to Saudi Arabia").
pub(super) fn tour_legs(
    parsed: &Parsed<'_, '_>,
    trigger: &Trigger,
    main: Option<&VisitMention>,
    told: Option<&VisitMention>,
    places: &mut Vec<StoryPlace>,
    dates: Vec<(FuzzyDate, bool)>,
) -> Vec<(FuzzyDate, bool)> {
    let took = parsed.sent.is(trigger.at, "took");
    if took && let Some(main) = main {
        places.retain(|place| place.country != main.to.country);
    }
    let undated = dates.iter().all(|(_, explicit)| !explicit);
    let own_day = where_day(&parsed.sent, trigger.at).is_some();
    // "during a 2009 stop in Accra, and on a 2013 tour that took him to
    // Dakar": a tour dated apart from the trip before keeps its date.
    let own_date =
        !undated && main.is_some_and(|main| dates.iter().all(|(date, _)| *date != main.date));
    if (took || begins(&parsed.sent, trigger.at) && undated) && !own_day && !own_date {
        tour_leg_dates(dates, main.or(told.filter(|_| undated)))
    } else {
        dates
    }
}

/// How far after a travel noun its place's where-clause may open.
const WHERE_AFTER: usize = 10;

/// The date mention of the where-clause soon after token `at`: "began in
/// Saint Lucia, where he arrived on Thursday".
fn where_day(sent: &Sent<'_, '_>, at: usize) -> Option<usize> {
    let where_at = (at + 2..(at + WHERE_AFTER).min(sent.len()))
        .find(|&i| sent.is(i, "where") && sent.punct(i - 1, ','))?;
    where_clause_date(sent, where_at)
}

/// A tour's earlier legs came before the day the sentence tells of (its
/// last leg, `main`): their month is as much as can be said.
fn tour_leg_dates(
    dates: Vec<(FuzzyDate, bool)>,
    main: Option<&VisitMention>,
) -> Vec<(FuzzyDate, bool)> {
    match dates.as_slice() {
        [(date, _)] => match month_of(main.map_or(date, |leg| &leg.date)) {
            Some(month) => vec![(month, false)],
            None => dates,
        },
        _ => dates,
    }
}

/// The month a date starts in, as a date of month precision (a year stays
/// a year).
fn month_of(date: &FuzzyDate) -> Option<FuzzyDate> {
    // "in early 2004": a year says no month.
    if date.precision() == crate::model::Precision::Year {
        return Some(*date);
    }
    let (year, month, _) = date.first_day().ymd();
    DatePoint::month(year, month).map(FuzzyDate::point)
}

/// The date of an undated chained leg of a journey told as background: "At
/// the end of last month, Sadat made a swing through Romania... Sadat then
/// flew on to Tehran" was last month too, not the day of publication.
pub(super) fn chained_date(
    legs: &Legs,
    story: &Story,
    parsed: &Parsed<'_, '_>,
    actor: Actor,
    explicit: bool,
) -> Option<(FuzzyDate, bool)> {
    let leg = legs.last_visit(actor)?;
    let recent = parsed.sent.index.saturating_sub(leg.sentence) <= 2;
    let background = story
        .published
        .is_some_and(|day| leg.date.last_day().0 < day.0 - LEG_DAYS);
    (!explicit && leg.explicit_date && recent && background).then_some((leg.date, true))
}

/// The date of an undated summit told just before, by anyone's trip to it:
/// "Deby told an African Union summit in Addis Ababa last week. Ban, who
/// also attended the Addis Ababa summit, ...".
pub(super) fn same_event_date(
    legs: &Legs,
    trigger: &Trigger,
    to: &StoryPlace,
    (date, explicit): (FuzzyDate, bool),
) -> (FuzzyDate, bool) {
    let told = legs.latest().filter(|latest| {
        !explicit
            && trigger.travel == Travel::Attend
            && latest.travel == Travel::Attend
            && latest.explicit_date
            && latest.to.country == to.country
    });
    told.map_or((date, explicit), |latest| (latest.date, true))
}

/// The date of an undated stop "on his way back from the United States":
/// that of the visit to the United States told before.
pub(super) fn way_back_date(
    legs: &Legs,
    parsed: &Parsed<'_, '_>,
    trigger: &Trigger,
    actor: Actor,
    explicit: bool,
) -> Option<(FuzzyDate, bool)> {
    let sent = &parsed.sent;
    let from = (1..trigger.at).find(|&i| {
        sent.is(i, "way") && sent.is_any(i + 1, &["back", "home"]) && sent.is(i + 2, "from")
    })?;
    let article = usize::from(sent.is(from + 3, "the"));
    let place = parsed.places.place_at(from + 3 + article)?;
    let leg = legs.visit_to(actor, place.country)?;
    (!explicit && leg.explicit_date).then_some((leg.date, true))
}
