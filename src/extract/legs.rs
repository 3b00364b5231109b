//! The journeys a story has told so far, traveller by traveller: where
//! each one's last leg ended ("flew on to Lima" starts there), the visits
//! told of them (for companions named later), and the dates that link a
//! retold or chained leg to the trip it belongs to.

use std::collections::HashMap;

use super::story::{Actor, StoryPlace};
use super::visits::VisitMention;
use crate::model::{CountryCode, FuzzyDate};

/// How many days apart two legs of one journey may be.
pub(crate) const LEG_DAYS: i32 = 14;

/// The journeys told so far: each leader's last destination, so that "flew
/// on to Hanoi" starts where the previous leg ended.
#[derive(Clone, Debug, Default)]
pub(crate) struct Legs {
    pub(super) last: HashMap<Actor, StoryPlace>,
    /// Each leader's visits in the order told, for companions named later
    /// ("He was accompanied by ...", "Cooper accompanied Starmer in
    /// Cairo").
    visits: HashMap<Actor, Vec<VisitMention>>,
    /// The first visit of the latest sentence that told any: its news,
    /// before the legs it recalls.
    latest: Option<VisitMention>,
}

impl Legs {
    /// The last visit told of `actor`.
    pub fn last_visit(&self, actor: Actor) -> Option<&VisitMention> {
        self.visits.get(&actor)?.last()
    }

    /// The first visit told of `actor`: in a story without a dateline,
    /// the news its lede tells.
    pub fn first_visit(&self, actor: Actor) -> Option<&VisitMention> {
        self.visits.get(&actor)?.first()
    }

    /// The last visit told of `actor` to `country`.
    pub fn visit_to(&self, actor: Actor, country: CountryCode) -> Option<&VisitMention> {
        self.visits_to(actor, country).next_back()
    }

    /// The visits told of `actor` to `country`, in the order told.
    pub fn visits_to(
        &self,
        actor: Actor,
        country: CountryCode,
    ) -> impl DoubleEndedIterator<Item = &VisitMention> {
        self.visits
            .get(&actor)
            .into_iter()
            .flatten()
            .filter(move |visit| visit.to.country == country)
    }

    /// Where a chained trip ("flew on to Lima") on `date` set out from: the
    /// last leg, unless that was another journey (years ago) or, for a
    /// dated leg, later ("flying on to Warsaw" on Wednesday is not from
    /// Saturday's Kyiv).
    pub(super) fn leg_before(
        &self,
        actor: Actor,
        date: FuzzyDate,
        explicit: bool,
    ) -> Option<StoryPlace> {
        let earliest = if explicit { 0 } else { -LEG_DAYS };
        let near = self
            .last_visit(actor)
            .is_none_or(|leg| (earliest..=LEG_DAYS).contains(&days_after(date, leg)));
        self.last.get(&actor).filter(|_| near).cloned()
    }

    /// Whether a trip to `country` on `date` stays inside the country the
    /// traveller is visiting: "Later in the day, Jaishankar flew to
    /// Mombasa".
    pub(super) fn inside(&self, actor: Actor, country: CountryCode, date: FuzzyDate) -> bool {
        let near = self
            .last_visit(actor)
            .is_some_and(|leg| days_after(date, leg).abs() <= LEG_DAYS);
        near && self
            .last
            .get(&actor)
            .is_some_and(|leg| leg.country == country)
    }

    /// The date of a trip to `country` dated only by publication: "The
    /// Mexican leader, who travelled from Belize" retells the trip just
    /// told, and takes its date.
    pub(super) fn retold(
        &self,
        actor: Actor,
        country: CountryCode,
        date: FuzzyDate,
        explicit: bool,
    ) -> (FuzzyDate, bool) {
        if explicit {
            return (date, explicit);
        }
        self.visit_to(actor, country)
            .filter(|known| (0..=LEG_DAYS).contains(&days_after(date, known)))
            .map_or((date, explicit), |known| (known.date, known.explicit_date))
    }

    /// The visit told last, of anyone: the first of its sentence.
    pub fn latest(&self) -> Option<&VisitMention> {
        self.latest.as_ref()
    }

    /// Remembers the visits of a sentence.
    pub fn remember(&mut self, visits: &[VisitMention]) {
        if let Some(first) = visits.first() {
            self.latest = Some(first.clone());
        }
        for visit in visits {
            // Companions' legs too: "Jaishankar flew to Mombasa" later is
            // a side trip.
            self.last.insert(visit.actor, visit.to.clone());
            self.visits
                .entry(visit.actor)
                .or_default()
                .push(visit.clone());
        }
    }
}

/// How many days `date` starts after `leg` ended (negative before it).
fn days_after(date: FuzzyDate, leg: &VisitMention) -> i32 {
    date.first_day().0 - leg.date.last_day().0
}
