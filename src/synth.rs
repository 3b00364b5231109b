//! Synthetic `legation/1` data for measuring the app at scale: visits and
//! events shaped like real records, written as a stream so that millions of
//! them never sit in memory at once.
//!
//! The shape: capitals and large cities of the bundled gazetteer, weighted
//! by population (capitals count four times, as diplomacy happens there);
//! dates in bursts over 1950-2025, denser towards today; a few heavy routes
//! carrying a third of the visits and many light ones; a sixteenth of the
//! visits arriving from nowhere known and some places known only by their
//! country; every date precision (day, month, year, intervals); and one
//! short source text per sixteen records, each record citing its own
//! sentence by byte offsets (the texts hold non-ASCII characters, so the
//! spans exercise character boundaries).
//!
//! Deterministic: the same options give the same bytes. The generator is a
//! splitmix64 written here, so the output never changes with a dependency.

use std::io::{self, Write};

use crate::gazetteer::{Gazetteer, Precision as PlacePrecision};
use crate::model::{
    CountryCode, DatePoint, Day, Event, EventKind, FORMAT, FuzzyDate, Person, PlaceRef, Source,
    SourceRef, Span, Visit,
};

/// What to generate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SynthOptions {
    /// How many visits.
    pub visits: usize,
    /// How many events.
    pub events: usize,
    /// The seed: the same seed gives the same data.
    pub seed: u64,
}

/// How many records cite one source (each its own sentence).
const PER_SOURCE: usize = 16;
/// How many routes carry [`HEAVY_SHARE`] of the visits.
const HEAVY_ROUTES: usize = 12;
/// The share of visits on the heavy routes.
const HEAVY_SHARE: f64 = 0.3;
/// The share of visits whose origin is not written (arrivals).
const ARRIVAL_SHARE: f64 = 1.0 / 16.0;
/// The share of places written by country only.
const COUNTRY_ONLY_SHARE: f64 = 0.03;
/// How many bursts of activity the dates cluster in.
const BURSTS: usize = 600;
/// Cities this large are places, besides every capital.
const LARGE_CITY: u64 = 1_000_000;

/// Writes a whole dataset as compact JSON: sources, then visits, then
/// events.
///
/// # Errors
/// When `out` fails.
pub fn write_dataset(out: &mut impl Write, options: &SynthOptions) -> io::Result<()> {
    let world = World::new(Gazetteer::bundled(), options.seed);
    let visit_sources = options.visits.div_ceil(PER_SOURCE);
    let sources = visit_sources + options.events.div_ceil(PER_SOURCE);
    write!(out, r#"{{"format":"{FORMAT}","sources":["#)?;
    for index in 0..sources {
        if index > 0 {
            out.write_all(b",")?;
        }
        let (text, _) = source_text(index);
        let source = Source {
            id: format!("s{index}"),
            title: Some(format!("Synthetic report {index}")),
            publisher: Some(PUBLISHERS[index % PUBLISHERS.len()].to_owned()),
            text,
            ..Source::default()
        };
        serde_json::to_writer(&mut *out, &source)?;
    }
    out.write_all(br#"],"visits":["#)?;
    let mut citations = Citations::default();
    let mut rng = Rng::new(options.seed ^ 0x5649_5349_5453);
    for index in 0..options.visits {
        if index > 0 {
            out.write_all(b",")?;
        }
        let source = citations.cite(index / PER_SOURCE, index % PER_SOURCE);
        serde_json::to_writer(&mut *out, &world.visit(&mut rng, index, source))?;
    }
    out.write_all(br#"],"events":["#)?;
    let mut rng = Rng::new(options.seed ^ 0x4556_454e_5453);
    for index in 0..options.events {
        if index > 0 {
            out.write_all(b",")?;
        }
        let source = citations.cite(visit_sources + index / PER_SOURCE, index % PER_SOURCE);
        serde_json::to_writer(&mut *out, &world.event(&mut rng, index, source))?;
    }
    out.write_all(b"]}\n")
}

/// The places, routes and bursts every record is drawn from.
struct World {
    places: Vec<(&'static str, CountryCode)>,
    place_weights: Weighted,
    heavy_routes: Vec<(usize, usize)>,
    heavy_weights: Weighted,
    bursts: Vec<(Day, i32)>,
    burst_weights: Weighted,
    kind_weights: Weighted,
    /// The first and last day dates fall on.
    extent: (Day, Day),
}

impl World {
    fn new(gazetteer: &Gazetteer, seed: u64) -> Self {
        // Only names that resolve back to the very city, so that the data
        // draws where it was generated.
        let places: Vec<(&'static str, CountryCode, f64)> = gazetteer
            .cities()
            .filter(|city| city.is_capital || city.population >= LARGE_CITY)
            .filter(|city| {
                let resolved = gazetteer.resolve(&PlaceRef::named(Some(city.country), city.name));
                resolved.precision == PlacePrecision::City
                    && resolved.lat_lon() == Some((city.lat, city.lon))
            })
            .map(|city| {
                let weight = city.population.max(10_000) as f64;
                let weight = if city.is_capital {
                    weight * 4.0
                } else {
                    weight
                };
                (city.name, city.country, weight)
            })
            .collect();
        let place_weights = Weighted::new(places.iter().map(|&(_, _, weight)| weight));
        let places: Vec<(&'static str, CountryCode)> = places
            .into_iter()
            .map(|(name, country, _)| (name, country))
            .collect();

        let mut rng = Rng::new(seed);
        let mut heavy_routes = Vec::with_capacity(HEAVY_ROUTES);
        while heavy_routes.len() < HEAVY_ROUTES {
            let route = (place_weights.pick(&mut rng), place_weights.pick(&mut rng));
            if places[route.0].1 != places[route.1].1 && !heavy_routes.contains(&route) {
                heavy_routes.push(route);
            }
        }
        // Zipf-like: the first heavy route twice the second's traffic...
        let heavy_weights = Weighted::new((1..=HEAVY_ROUTES).map(|rank| 1.0 / rank as f64));

        let extent = (
            Day::from_ymd(1950, 1, 1).unwrap_or_default(),
            Day::from_ymd(2025, 12, 31).unwrap_or_default(),
        );
        let (first, last) = (extent.0.0, extent.1.0);
        let bursts: Vec<(Day, i32)> = (0..BURSTS)
            .map(|_| {
                let center = first + rng.below((last - first) as u64) as i32;
                (Day(center), 5 + rng.below(55) as i32)
            })
            .collect();
        // Later decades are busier: up to four times the 1950s.
        let burst_weights =
            Weighted::new(bursts.iter().map(|&(center, _)| {
                1.0 + 3.0 * f64::from(center.0 - first) / f64::from(last - first)
            }));
        Self {
            places,
            place_weights,
            heavy_routes,
            heavy_weights,
            bursts,
            burst_weights,
            kind_weights: Weighted::new(EVENT_KIND_SHARES),
            extent,
        }
    }

    fn place(&self, rng: &mut Rng) -> usize {
        self.place_weights.pick(rng)
    }

    /// A place reference; sometimes only its country.
    fn place_ref(&self, rng: &mut Rng, place: usize) -> PlaceRef {
        let (name, country) = self.places[place];
        if rng.chance(COUNTRY_ONLY_SHARE) {
            PlaceRef::country(country)
        } else {
            PlaceRef::named(Some(country), name)
        }
    }

    fn visit(&self, rng: &mut Rng, index: usize, source: SourceRef) -> Visit {
        let (from, to) = if rng.chance(HEAVY_SHARE) {
            self.heavy_routes[self.heavy_weights.pick(rng)]
        } else {
            let from = self.place(rng);
            let mut to = self.place(rng);
            // Visits go abroad; a few tries find another country.
            for _ in 0..8 {
                if self.places[to].1 != self.places[from].1 {
                    break;
                }
                to = self.place(rng);
            }
            (from, to)
        };
        let origin = self.places[from].1;
        let arrival = rng.chance(ARRIVAL_SHARE);
        let leader = Person {
            name: format!("{} {}", pick(rng, FIRST_NAMES), pick(rng, LAST_NAMES)),
            title: Some(pick(rng, TITLES).to_owned()),
            country: Some(origin),
            ..Person::default()
        };
        Visit {
            id: format!("v{index}"),
            leader: Some(leader),
            delegation: None,
            from: (!arrival).then(|| self.place_ref(rng, from)),
            to: self.place_ref(rng, to),
            date: self.date(rng),
            purpose: rng.chance(0.3).then(|| pick(rng, PURPOSES).to_owned()),
            source: Some(source),
            extra: crate::model::ExtraFields::new(),
        }
    }

    fn event(&self, rng: &mut Rng, index: usize, source: SourceRef) -> Event {
        let kind = EVENT_KINDS[self.kind_weights.pick(rng)];
        let at = self.place(rng);
        let (name, country) = self.places[at];
        let mut actors = vec![country];
        if rng.chance(0.5) {
            let other = self.places[self.place(rng)].1;
            if other != country {
                actors.push(other);
            }
        }
        Event {
            id: format!("e{index}"),
            kind,
            title: Some(format!("{} in {name}", kind.label())),
            place: self.place_ref(rng, at),
            date: self.date(rng),
            actors,
            source: Some(source),
            extra: crate::model::ExtraFields::new(),
        }
    }

    /// A date near one of the bursts, at one of the precisions.
    fn date(&self, rng: &mut Rng) -> FuzzyDate {
        let (center, spread) = self.bursts[self.burst_weights.pick(rng)];
        // The sum of two uniforms: most days near the centre.
        let offset = rng.below(2 * spread as u64 + 1) as i32
            + rng.below(2 * spread as u64 + 1) as i32
            - 2 * spread;
        let day = Day((center.0 + offset).clamp(self.extent.0.0, self.extent.1.0));
        let (year, month, _) = day.ymd();
        let roll = rng.unit();
        let date = if roll < 0.80 {
            Some(FuzzyDate::day(day))
        } else if roll < 0.88 {
            DatePoint::month(year, month).map(FuzzyDate::point)
        } else if roll < 0.93 {
            DatePoint::year(year).map(FuzzyDate::point)
        } else if roll < 0.98 {
            let end = day.add_days(1 + rng.below(13) as i32);
            FuzzyDate::interval(DatePoint::day(day), DatePoint::day(end))
        } else {
            let (end_year, end_month) = if month == 12 {
                (year + 1, 1)
            } else {
                (year, month + 1)
            };
            DatePoint::month(year, month)
                .zip(DatePoint::month(end_year, end_month))
                .and_then(|(start, end)| FuzzyDate::interval(start, end))
        };
        // Every date above exists (the extent is far from the calendar's
        // ends); the day itself is the fallback all the same.
        date.unwrap_or_else(|| FuzzyDate::day(day))
    }
}

/// The text of source `index`: [`PER_SOURCE`] sentences, and the span of
/// each.
fn source_text(index: usize) -> (String, Vec<Span>) {
    let mut text = String::new();
    let mut spans = Vec::with_capacity(PER_SOURCE);
    for sentence in 0..PER_SOURCE {
        if sentence > 0 {
            text.push(' ');
        }
        let start = text.len();
        let template = SENTENCES[(index + sentence) % SENTENCES.len()];
        text.push_str(&template.replace('#', &format!("{index}.{sentence}")));
        spans.push(Span {
            start,
            end: text.len(),
        });
    }
    (text, spans)
}

/// The spans of the source being cited, kept while records cite it in turn.
#[derive(Default)]
struct Citations {
    source: Option<usize>,
    spans: Vec<Span>,
}

impl Citations {
    fn cite(&mut self, source: usize, sentence: usize) -> SourceRef {
        if self.source != Some(source) {
            self.spans = source_text(source).1;
            self.source = Some(source);
        }
        SourceRef {
            id: format!("s{source}"),
            span: Some(self.spans[sentence]),
            ..SourceRef::default()
        }
    }
}

/// Sentence templates (`#` becomes the sentence's number), with characters
/// of two, three and four bytes.
const SENTENCES: &[&str] = &[
    "Report #: the delegation’s programme included talks and a banquet.",
    "Item # — officials confirmed the visit after a long silence.",
    "Dispatch #: the communiqué named trade, security and the Straße project.",
    "Note #: observers in São Paulo and Zürich followed the talks closely.",
    "Brief # 🛬 the aircraft landed at dawn; no statement followed.",
];

const PUBLISHERS: &[&str] = &["Synthetic Wire", "Example Gazette", "Test Tribune"];

const FIRST_NAMES: &[&str] = &[
    "Ana", "Sergei", "Li", "Kim", "José", "Amara", "Søren", "Nguyễn", "Fatima", "John", "Yuki",
    "Olga", "Ahmed", "María", "Chen", "Priya", "Kwame", "Elena", "Omar", "Hana",
];

const LAST_NAMES: &[&str] = &[
    "Petrova", "Ivanov", "Wei", "Jong", "García", "Okafor", "Jensen", "Văn An", "Haddad", "Smith",
    "Tanaka", "Kowalska", "Rahman", "López", "Zhang", "Sharma", "Mensah", "Popescu", "Farouk",
    "Park", "Müller", "Rossi", "Silva", "Novák", "Yılmaz", "Kim", "Dubois", "Costa", "Berg", "Ali",
];

const TITLES: &[&str] = &[
    "President",
    "Prime Minister",
    "Foreign Minister",
    "Defence Minister",
    "Secretary of State",
    "Trade Minister",
    "Vice President",
    "Politburo member",
];

const PURPOSES: &[&str] = &[
    "state visit",
    "talks on trade",
    "security consultations",
    "summit",
    "funeral",
    "inauguration",
    "anniversary celebrations",
];

/// The kinds of event and how common each is.
const EVENT_KINDS: [EventKind; 10] = [
    EventKind::Meeting,
    EventKind::Statement,
    EventKind::Ceremony,
    EventKind::Agreement,
    EventKind::MilitaryExercise,
    EventKind::Sanctions,
    EventKind::Deployment,
    EventKind::Parade,
    EventKind::MissileLaunch,
    EventKind::Other,
];
const EVENT_KIND_SHARES: [f64; 10] = [25.0, 20.0, 10.0, 10.0, 8.0, 7.0, 6.0, 4.0, 4.0, 6.0];

fn pick<'a>(rng: &mut Rng, words: &[&'a str]) -> &'a str {
    words[rng.below(words.len() as u64) as usize]
}

/// Picks positions with probabilities proportional to their weights.
struct Weighted {
    cumulative: Vec<f64>,
}

impl Weighted {
    fn new(weights: impl IntoIterator<Item = f64>) -> Self {
        let mut total = 0.0;
        let cumulative = weights
            .into_iter()
            .map(|weight| {
                total += weight;
                total
            })
            .collect();
        Self { cumulative }
    }

    fn pick(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        let target = rng.unit() * total;
        self.cumulative
            .partition_point(|&sum| sum <= target)
            .min(self.cumulative.len().saturating_sub(1))
    }
}

/// splitmix64: small, fast, and good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Self(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..bound` (0 when `bound` is 0).
    fn below(&mut self, bound: u64) -> u64 {
        ((u128::from(self.next()) * u128::from(bound)) >> 64) as u64
    }

    /// A number in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }

    fn chance(&mut self, probability: f64) -> bool {
        self.unit() < probability
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Precision, RecordTable, parse_dataset};
    use crate::scene::Scene;

    fn generate(visits: usize, events: usize, seed: u64) -> Vec<u8> {
        let mut out = Vec::new();
        write_dataset(
            &mut out,
            &SynthOptions {
                visits,
                events,
                seed,
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn the_same_seed_gives_the_same_bytes_and_another_seed_other_data() {
        assert_eq!(generate(200, 100, 7), generate(200, 100, 7));
        assert_ne!(generate(200, 100, 7), generate(200, 100, 8));
    }

    #[test]
    fn loads_without_a_problem_and_places_every_record() {
        let bytes = generate(2000, 1500, 1);
        let loaded = parse_dataset(&bytes).unwrap();
        assert_eq!(loaded.problems, vec![], "every record is sound");
        let dataset = &loaded.dataset;
        assert_eq!(dataset.visits.len(), 2000);
        assert_eq!(dataset.events.len(), 1500);
        assert_eq!(dataset.sources.len(), 2000 / 16 + 1500usize.div_ceil(16));
        let scene = Scene::build([&RecordTable::from_dataset(dataset)], Gazetteer::bundled());
        assert!(scene.unplaced.is_empty(), "{:?}", &scene.unplaced[..1]);
        assert_eq!(scene.visits.len(), 2000);
        assert_eq!(scene.events.len(), 1500);
    }

    #[test]
    fn has_the_shape_of_real_data() {
        let dataset = parse_dataset(&generate(4000, 1000, 3)).unwrap().dataset;
        let dates = dataset
            .visits
            .iter()
            .map(|visit| visit.date)
            .chain(dataset.events.iter().map(|event| event.date));
        let (mut days, mut months, mut years, mut intervals) = (0, 0, 0, 0);
        for date in dates {
            match (date.is_interval(), date.precision()) {
                (true, _) => intervals += 1,
                (false, Precision::Day) => days += 1,
                (false, Precision::Month) => months += 1,
                (false, Precision::Year) => years += 1,
            }
        }
        assert!(days > months && months > 0 && years > 0 && intervals > 0);
        let arrivals = dataset.visits.iter().filter(|v| v.from.is_none()).count();
        assert!(arrivals > 0 && arrivals < 1000, "{arrivals}");
        let by_country = dataset
            .visits
            .iter()
            .filter(|v| v.to.place.is_none())
            .count();
        assert!(by_country > 0, "some places are known only by country");
        assert!(
            dataset.visits.iter().all(|visit| visit
                .leader
                .as_ref()
                .and_then(|leader| leader.country)
                .is_some()),
            "every delegation's country is known"
        );
        // A few heavy routes, many light ones.
        let mut routes: std::collections::HashMap<(Option<String>, Option<String>), usize> =
            std::collections::HashMap::new();
        for visit in &dataset.visits {
            let key = (
                visit.from.as_ref().and_then(|from| from.place.clone()),
                visit.to.place.clone(),
            );
            *routes.entry(key).or_default() += 1;
        }
        let mut counts: Vec<usize> = routes.into_values().collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        assert!(counts[0] > 100, "the busiest route: {}", counts[0]);
        assert!(counts.len() > 1000, "{} routes", counts.len());
    }
}
