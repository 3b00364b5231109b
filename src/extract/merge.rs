//! One visit per trip: the mentions of a trip (by full name, surname, "the
//! president", "his visit") merged by leader, destination country and
//! agreeing dates, the most informative one standing for the trip.

use std::collections::HashMap;

use super::lexicon::Travel;
use super::story::Story;
use super::visits::{Told, VisitMention, place_ref};
use crate::model::{CountryCode, FuzzyDate, PlaceRef, Span};

/// How many earlier trips of a leader to a country a new mention is
/// compared with: merging stays linear in the length of the text.
const MERGE_WINDOW: usize = 64;
/// How many sentences after a dated mention an undated "his visit to ..."
/// still recalls that trip.
const RECALL_SENTENCES: usize = 2;
/// How many sentences open an article (the headline and the lede): a trip
/// told there is the day's news, whether or not it is dated.
const LEDE_SENTENCES: usize = 3;

/// Merges the mentions of one trip (same leader, same destination country,
/// dates that agree) into one visit each, in order of first mention.
pub(crate) fn merge(mentions: Vec<VisitMention>, story: &Story) -> Vec<Merged> {
    let mut merged: Vec<Merged> = Vec::new();
    // One trip to a country may name several of its cities; a leg within
    // the country ("flew on to Beijing") stays apart, one per city.
    let mut trips: HashMap<(Option<usize>, CountryCode, Option<String>), Vec<usize>> =
        HashMap::new();
    for mention in mentions {
        let leg = mention
            .from
            .as_ref()
            .is_some_and(|from| from.country == mention.to.country);
        let key = (
            story.leader_of(mention.actor),
            mention.to.country,
            leg.then(|| mention.to.city.clone().unwrap_or_default()),
        );
        let candidates = trips.entry(key).or_default();
        // "Macron's Mongolia visit in May 2023 ... During his visit to
        // Ulaanbaatar, Macron stressed ...": an undated visit noun right
        // after a dated mention of the same trip is that trip.
        let recalled = (mention.travel == Travel::VisitNoun && !mention.explicit_date)
            .then(|| {
                candidates
                    .iter()
                    .rev()
                    .take(MERGE_WINDOW)
                    .copied()
                    .find(|&index| {
                        let last = merged[index].mentions.last();
                        last.is_some_and(|last| {
                            last.explicit_date
                                && mention.sentence.saturating_sub(last.sentence)
                                    <= RECALL_SENTENCES
                        })
                    })
            })
            .flatten();
        let same = recalled.or_else(|| {
            candidates
                .iter()
                .rev()
                .take(MERGE_WINDOW)
                .copied()
                .find(|&index| merged[index].bounds.agree(&mention))
        });
        if let Some(index) = same {
            merged[index].push(mention);
        } else {
            candidates.push(merged.len());
            merged.push(Merged::new(mention));
        }
    }
    merged
}

/// Settles trips that have no date of their own (the publication date
/// stands in) and are not the article's news:
/// - another traveller's trip, recalled by a noun, that a dated mention of
///   the same traveller's trip to the same country places ("comes four
///   months after Modi's visit to Accra ... Modi's Ghana visit in July"):
///   it is that trip;
/// - told only in passing after the lede (", who was in Peking on his way
///   to Hanoi when the army seized power"), by someone who is not among
///   the news' travellers, to a country none of them went to: it happened
///   when the article does not say, so it is left out rather than dated
///   to the article's day.
pub(crate) fn settle(mut merged: Vec<Merged>, story: &Story) -> Vec<Merged> {
    let leader = |trip: &Merged| story.leader_of(trip.mentions[0].actor);
    let undated = |trip: &Merged| !trip.mentions.iter().any(|m| m.explicit_date);
    let first_traveller = merged.first().and_then(leader);
    let mut index = 0;
    while index < merged.len() {
        let trip = &merged[index];
        let recalled = undated(trip)
            && leader(trip).is_some()
            && leader(trip) != first_traveller
            && trip.mentions.iter().all(|m| m.travel == Travel::VisitNoun);
        let dated = recalled
            .then(|| {
                merged.iter().position(|other| {
                    !undated(other)
                        && leader(other) == leader(trip)
                        && other.best().to.country == trip.best().to.country
                })
            })
            .flatten();
        if let Some(dated) = dated {
            let trip = merged.remove(index);
            let dated = if dated > index { dated - 1 } else { dated };
            for mention in trip.mentions {
                merged[dated].push(mention);
            }
        } else {
            index += 1;
        }
    }
    let news = merged
        .iter()
        .filter(|trip| trip.mentions[0].sentence < LEDE_SENTENCES);
    let (travellers, countries): (Vec<_>, Vec<_>) = news
        .map(|trip| (leader(trip), trip.best().to.country))
        .unzip();
    merged.retain(|trip| {
        let aside = undated(trip)
            && trip.mentions.iter().all(|m| m.told == Told::InPassing)
            && trip.mentions[0].sentence >= LEDE_SENTENCES
            && !travellers.contains(&leader(trip))
            && !countries.contains(&trip.best().to.country);
        !aside
    });
    merged
}

/// The dates of a trip's mentions, kept so that a new mention is checked
/// against all of them at once: dates within two days agree; a
/// publication date standing in agrees with any date of ten days around.
#[derive(Clone, Copy, Debug, Default)]
struct Bounds {
    /// The latest first day and the earliest last day of explicit dates.
    explicit: Option<(i32, i32)>,
    /// The same for stand-in dates.
    standing_in: Option<(i32, i32)>,
}

impl Bounds {
    fn agree(&self, mention: &VisitMention) -> bool {
        let (first, last) = (mention.date.first_day().0, mention.date.last_day().0);
        let fits = |bounds: Option<(i32, i32)>, slack: i32| {
            bounds.is_none_or(|(max_first, min_last)| {
                max_first <= last + slack && first <= min_last + slack
            })
        };
        let explicit_slack = if mention.explicit_date { 2 } else { 10 };
        fits(self.explicit, explicit_slack) && fits(self.standing_in, 10)
    }

    fn add(&mut self, mention: &VisitMention) {
        let (first, last) = (mention.date.first_day().0, mention.date.last_day().0);
        let bounds = if mention.explicit_date {
            &mut self.explicit
        } else {
            &mut self.standing_in
        };
        *bounds = Some(bounds.map_or((first, last), |(max_first, min_last)| {
            (max_first.max(first), min_last.min(last))
        }));
    }
}

/// The mentions of one trip.
#[derive(Clone, Debug)]
pub(crate) struct Merged {
    /// In text order.
    pub mentions: Vec<VisitMention>,
    /// Their dates.
    bounds: Bounds,
    /// The index of the best mention.
    best: usize,
}

impl Merged {
    fn new(mention: VisitMention) -> Self {
        let mut bounds = Bounds::default();
        bounds.add(&mention);
        Self {
            mentions: vec![mention],
            bounds,
            best: 0,
        }
    }

    fn push(&mut self, mention: VisitMention) {
        self.bounds.add(&mention);
        // A trip is where and when it began: a later day's leg ("travelled
        // to Valparaíso on Tuesday") never stands for the arrival.
        let best = &self.mentions[self.best];
        let later = mention.explicit_date
            && best.explicit_date
            && mention.date.first_day() > best.date.last_day();
        if !later && score(&mention) > score(best) {
            self.best = self.mentions.len();
        }
        self.mentions.push(mention);
    }

    /// The most informative mention (see [`score`]); the first among equals.
    pub fn best(&self) -> &VisitMention {
        &self.mentions[self.best]
    }

    /// The span: the best mention's sentence, with the neighbouring
    /// sentences that tell of the same trip.
    pub fn span(&self) -> Span {
        let best = self.best();
        let mut sentences: Vec<(usize, Span)> = self
            .mentions
            .iter()
            .filter(|m| m.caption == best.caption)
            .map(|m| (m.sentence, m.span))
            .collect();
        sentences.sort_by_key(|(index, _)| *index);
        sentences.dedup_by_key(|(index, _)| *index);
        let at = sentences
            .iter()
            .position(|(index, _)| *index == best.sentence)
            .unwrap_or(0);
        let (mut first, mut last) = (at, at);
        while first > 0 && sentences[first - 1].0 + 1 == sentences[first].0 {
            first -= 1;
        }
        while last + 1 < sentences.len() && sentences[last].0 + 1 == sentences[last + 1].0 {
            last += 1;
        }
        Span {
            start: sentences[first].1.start,
            end: sentences[last].1.end,
        }
    }

    /// The destination: the best mention's, with a city from any mention.
    pub fn to(&self) -> PlaceRef {
        let best = self.best();
        let city = best
            .to
            .city
            .clone()
            .or_else(|| self.mentions.iter().find_map(|m| m.to.city.clone()));
        place_ref(best.to.country, city)
    }

    /// The date: the best explicit one.
    pub fn date(&self) -> FuzzyDate {
        let best = self.best();
        if best.explicit_date {
            return best.date;
        }
        self.mentions
            .iter()
            .find(|m| m.explicit_date)
            .map_or(best.date, |m| m.date)
    }

    /// The purpose: the best mention's, else the first stated.
    pub fn purpose(&self) -> Option<String> {
        self.best()
            .purpose
            .clone()
            .or_else(|| self.mentions.iter().find_map(|m| m.purpose.clone()))
    }

    /// The origin: the best mention's.
    pub fn from(&self) -> Option<PlaceRef> {
        let from = self.best().from.as_ref()?;
        Some(place_ref(from.country, from.city.clone()))
    }
}

/// How informative a mention is: outside captions, with an explicit date,
/// telling of the arrival ("arrived in" rather than "met ... in"), with a
/// city, with a purpose.
fn score(mention: &VisitMention) -> u8 {
    let arrival = match mention.travel {
        Travel::Arrive | Travel::Go | Travel::VisitVerb => 2,
        Travel::VisitNoun | Travel::Welcomed | Travel::Hosted => 1,
        Travel::Attend | Travel::Join | Travel::Meet => 0,
    };
    u8::from(!mention.caption) * 32
        + u8::from(mention.explicit_date) * 16
        + arrival * 4
        + u8::from(mention.to.city.is_some()) * 2
        + u8::from(mention.purpose.is_some())
}
