//! Article text to `legation/1` visits and events, each tied to the byte
//! span of the sentence it came from.
//!
//! Deterministic, explainable rules over the gazetteer, in one linear pass
//! per step: sentences and dates ([`text`], [`dates`]), the publication
//! date ([`published`]), places, names and delegations ([`places`],
//! [`people`], [`story`]), then the travel patterns ([`visits`]) and the
//! event patterns ([`events`]). Nothing is downloaded, nothing is guessed
//! that the text does not say: without a publication date, relative dates
//! ("on Tuesday") stay unresolved and the records that need them are left
//! out, with a note.

pub use passage::records_in_passage;

mod cast;
mod companions;
mod dates;
mod descriptions;
mod destination;
mod doc;
mod events;
mod full_names;
mod groups;
mod known;
mod leg_dates;
mod legs;
mod lexicon;
mod merge;
mod passage;
mod people;
mod phrases;
mod places;
mod provenance;
mod published;
mod story;
mod text;
mod travellers;
mod unreal;
mod visits;
mod where_legs;

use std::collections::HashSet;
use std::fmt;
use std::ops::Range;

use serde_json::Value;

use crate::gazetteer::Gazetteer;
use crate::model::{
    CountryCode, Dataset, Day, Event, FuzzyDate, PROVENANCE, Person, Precision, Source, SourceRef,
    Span, Visit,
};
use crate::read::{Article, DateSource};
use cast::{Cast, name_parts};
use doc::Doc;
use groups::find_groups;
use people::NameMention;
use places::Places;
use story::{Actor, Parsed, Story, StoryPlace, assign_dates};

/// Extracts one article that [`crate::read`] read: its text, with the
/// title, address, publisher and date the page or feed gave (a day `given`
/// by the user wins), the reader's notes first, and the page's language on
/// the source.
pub fn extract_read(
    article: &Article,
    id: Option<String>,
    given: Option<Day>,
    gazetteer: &Gazetteer,
) -> Extraction {
    let options = ArticleOptions::of_article(article, id, given);
    let mut extraction = extract_article(&article.text, &options, gazetteer);
    let read_notes = article.notes.iter().map(|message| Note {
        span: None,
        message: message.clone(),
    });
    extraction.notes.splice(0..0, read_notes);
    if let Some(language) = &article.language {
        extraction
            .source
            .extra
            .insert("language".to_owned(), Value::String(language.clone()));
    }
    extraction
}

/// What is known about an article besides its text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleOptions {
    /// The source id; made from the title when absent.
    pub id: Option<String>,
    /// The headline; the first line of the text when absent.
    pub title: Option<String>,
    /// Where it was published.
    pub url: Option<String>,
    /// Who published it.
    pub publisher: Option<String>,
    /// When it was published; found in the text when absent.
    pub published: Option<Day>,
    /// Where `published` came from (a page's meta tags, a feed), for the
    /// note; none: given by the user.
    pub published_from: Option<DateSource>,
}

impl ArticleOptions {
    /// What an article read from a page or feed tells: its title, address,
    /// publisher and publication date. A day `given` by the user wins over
    /// the page's.
    pub fn of_article(article: &Article, id: Option<String>, given: Option<Day>) -> Self {
        let (published, published_from) = match given {
            Some(day) => (Some(day), None),
            None => (article.published, article.published_from),
        };
        Self {
            id,
            title: article.title.clone(),
            url: article.url.clone(),
            publisher: article.publisher.clone(),
            published,
            published_from,
        }
    }
}

/// The publication date an article's own text gives (a wire dateline, a
/// "Published ..." line, or its first full date), and which of those it was:
/// what `legation read` reports when the page's metadata names no date.
pub fn publication_in_text(text: &str) -> Option<(Day, DateSource)> {
    let doc = Doc::new(text);
    let found = published::find_published(&doc.tokens, &doc.sentences, &doc.dates, None)?;
    let from = match found.found {
        published::Found::DateLine
            if published::is_dateline(found.span.slice(text).unwrap_or_default()) =>
        {
            DateSource::Dateline
        }
        _ => DateSource::Text,
    };
    Some((found.day, from))
}

/// Something a user should know about an extraction: where the
/// publication date came from, or why records were left out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// The passage it is about, if any.
    pub span: Option<Span>,
    /// What to know, in one sentence.
    pub message: String,
}

impl fmt::Display for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.span {
            Some(span) => write!(f, "bytes {}-{}: {}", span.start, span.end, self.message),
            None => f.write_str(&self.message),
        }
    }
}

/// What one article gave: its source record, the visits and events found
/// in it (ids `v1`, `e1`, ... citing the source), and notes.
#[derive(Clone, Debug, PartialEq)]
pub struct Extraction {
    /// The article as a source, with its whole text.
    pub source: Source,
    /// The visits, in order of first mention.
    pub visits: Vec<Visit>,
    /// The events, in order of first mention.
    pub events: Vec<Event>,
    /// What to know about them.
    pub notes: Vec<Note>,
}

/// Reads one article: its publication date, then its visits and events.
///
/// Never fails and never panics: any text gives an extraction, perhaps an
/// empty one. Linear in the length of the text.
pub fn extract_article(text: &str, options: &ArticleOptions, gazetteer: &Gazetteer) -> Extraction {
    let doc = Doc::new(text);
    let (published, published_note) = publication(&doc, options);
    let mut notes = vec![published_note];
    let (today, today_note) = dateline_day(&doc, options, published);
    notes.extend(today_note);

    let (places, names) = read_sentences(&doc, gazetteer);
    let mut story = Story {
        cast: cast(&doc, &places, &names),
        published: today,
        dateline: dateline(&doc, gazetteer),
        ..Story::default()
    };
    home_desk_officials(&mut story, doc.text);
    let (visit_mentions, event_mentions) = read_story(&doc, places, names, &mut story, gazetteer);
    full_names::complete(&mut story.cast, today.map(Day::year));

    story.undated.dedup();
    if let Some(first) = story.undated.first() {
        notes.push(Note {
            span: Some(*first),
            message: format!(
                "{} sentence(s) tell of visits or events dated only relative to publication (\"on Tuesday\"); left out",
                story.undated.len()
            ),
        });
    }
    let source_id = options
        .id
        .clone()
        .unwrap_or_else(|| slug(options.title.as_deref().unwrap_or_else(|| first_line(text))));
    let cite = |span: Span| SourceRef {
        id: source_id.clone(),
        span: Some(span),
        ..SourceRef::default()
    };
    let visits = merge::settle(merge::merge(visit_mentions, &story), &story)
        .iter()
        .filter_map(|merged| {
            let mut visit = visit_record(&story, merged, &cite)?;
            let why = provenance::visit(
                &doc,
                merged.best(),
                merged.mentions.len(),
                &visit.date,
                visit.from.is_some(),
                story.published,
            );
            visit.extra.insert(PROVENANCE.to_owned(), why);
            Some(visit)
        })
        .enumerate()
        .map(|(index, mut visit)| {
            visit.id = format!("v{}", index + 1);
            visit
        })
        .collect();
    let events = events::merge(event_mentions)
        .into_iter()
        .enumerate()
        .map(|(index, event)| {
            let why = provenance::event(&doc, &event, story.published);
            Event {
                id: format!("e{}", index + 1),
                kind: event.kind,
                title: Some(event.title),
                place: event.place.to_place_ref(),
                date: event.date,
                actors: event.actors,
                source: Some(cite(event.span)),
                extra: std::iter::once((PROVENANCE.to_owned(), why)).collect(),
            }
        })
        .collect();

    let mut extra = serde_json::Map::new();
    extra.insert(
        "published_from".to_owned(),
        Value::String(notes[0].message.clone()),
    );
    let source = Source {
        id: source_id,
        title: Some(
            options
                .title
                .clone()
                .unwrap_or_else(|| first_line(text).to_owned()),
        ),
        publisher: options.publisher.clone(),
        url: options.url.clone(),
        published: published.map(FuzzyDate::day),
        text: text.to_owned(),
        extra,
    };
    Extraction {
        source,
        visits,
        events,
        notes,
    }
}

/// The publication date (given, or found in the text) and a note saying
/// where it came from, or that there is none.
fn publication(doc: &Doc<'_>, options: &ArticleOptions) -> (Option<Day>, Note) {
    if let Some(day) = options.published {
        let message = match options.published_from {
            Some(from) => format!("publication date {day} from {}", from.describe()),
            None => format!("publication date {day} as given"),
        };
        let note = Note {
            span: None,
            message,
        };
        return (Some(day), note);
    }
    if let Some(found) = published::find_published(&doc.tokens, &doc.sentences, &doc.dates, None) {
        let note = Note {
            span: Some(found.span),
            message: found.describe(doc.text),
        };
        return (Some(found.day), note);
    }
    let note = Note {
        span: None,
        message: "no publication date found in the text: relative dates (\"on Tuesday\", \"last week\") are left unresolved and what only they date is left out; give the date (--date YYYY-MM-DD)".to_owned(),
    };
    (None, note)
}

/// How many days before its publication a story's dateline may be dated.
const DATELINE_LAG_DAYS: i32 = 3;

/// The day the story's "today" and "yesterday" count from: the dateline's
/// day when publication was given and the dateline names an earlier day
/// ("ADDIS ABABA, May 22." in the paper of May 23: "this afternoon" is
/// the 22nd), else the publication day.
fn dateline_day(
    doc: &Doc<'_>,
    options: &ArticleOptions,
    published: Option<Day>,
) -> (Option<Day>, Option<Note>) {
    let given = options.published.and(published);
    let found = given.and_then(|given| {
        let year = Some(given.year());
        published::find_published(&doc.tokens, &doc.sentences, &doc.dates, year).filter(|found| {
            found.found == published::Found::DateLine
                && published::is_dateline(found.span.slice(doc.text).unwrap_or_default())
        })
    });
    let (Some(given), Some(found)) = (given, found) else {
        return (published, None);
    };
    // A dateline without its year is in the year of publication, or the
    // one before ("December 31" published on January 1).
    let (_, month, day) = found.day.ymd();
    let day = if found.year_from.is_some() {
        [given.year(), given.year() - 1]
            .into_iter()
            .filter_map(|year| Day::from_ymd(year, month, day))
            .find(|day| day.0 <= given.0)
    } else {
        Some(found.day)
    };
    match day.filter(|day| (1..=DATELINE_LAG_DAYS).contains(&(given.0 - day.0))) {
        Some(day) => {
            let note = Note {
                span: Some(found.span),
                message: format!(
                    "relative dates (\"today\", \"yesterday\") count from the dateline's day {day}, not the publication date {given}"
                ),
            };
            (Some(day), Some(note))
        }
        None => (published, None),
    }
}

/// The visit record of one merged trip (its id left to number); none
/// without a leader.
fn visit_record(
    story: &Story,
    merged: &merge::Merged,
    cite: &impl Fn(Span) -> SourceRef,
) -> Option<Visit> {
    let best = merged.best();
    let leader = story.cast.people.get(story.leader_of(best.actor)?)?;
    let delegation = merged.mentions.iter().find_map(|m| match m.actor {
        Actor::Group(group) => story.groups.get(group).map(|g| g.label.clone()),
        Actor::Person(_) => None,
    });
    Some(Visit {
        id: String::new(),
        leader: Some(Person {
            name: leader.name.clone(),
            title: leader.title.clone(),
            country: story.country_of(best.actor).or(leader.country),
            ..Person::default()
        }),
        delegation,
        from: merged.from(),
        to: merged.to(),
        date: merged.date(),
        purpose: merged.purpose(),
        source: Some(cite(merged.span())),
        extra: serde_json::Map::new(),
    })
}

/// Each sentence's places and names. A first pass finds the countries
/// the article names, so that a small town counts only in one of them.
fn read_sentences(doc: &Doc<'_>, gazetteer: &Gazetteer) -> (Vec<Places>, Vec<Vec<NameMention>>) {
    let dateline = dateline_tokens(doc, gazetteer);
    let dateline_in = |index: usize| {
        let sentence = &doc.sentences[index];
        dateline
            .as_ref()
            .filter(|range| sentence.tokens.contains(&range.start))
            .map(|range| range.start - sentence.tokens.start..range.end - sentence.tokens.start)
    };
    let mut named = HashSet::new();
    for index in 0..doc.sentences.len() {
        let sent = doc.sentence(index);
        let places = places::find_places(
            &sent,
            doc.text,
            dateline_in(index).as_ref(),
            None,
            gazetteer,
        );
        named.extend(places.all.iter().map(|p| p.country));
        named.extend(places.nationalities.iter().map(|n| n.country));
    }
    (0..doc.sentences.len())
        .map(|index| {
            let sent = doc.sentence(index);
            let places = places::find_places(
                &sent,
                doc.text,
                dateline_in(index).as_ref(),
                Some(&named),
                gazetteer,
            );
            let names = people::find_names(&sent, doc.text, &places);
            (places, names)
        })
        .unzip()
}

/// The article's people, with every country the article gives for them
/// anywhere ("Xi" in the headline is the "Chinese President Xi Jinping" of
/// the third paragraph).
fn cast(doc: &Doc<'_>, places: &[Places], names: &[Vec<NameMention>]) -> Cast {
    let mut cast = Cast::default();
    let aliases = bracketed_aliases(doc, names);
    for (index, (places, names)) in places.iter().zip(names).enumerate() {
        let sent = doc.sentence(index);
        for name in names {
            let written = sent.text(doc.text, name.core.clone());
            let parts = name_parts(written);
            // A headline's "Jokowi" is the "Joko Widodo (Jokowi)" of the text.
            let alias_of = aliases
                .iter()
                .find(|(alias, _)| *alias == parts)
                .map(|(_, full)| *full);
            let core = alias_of.unwrap_or(written);
            let worth = name.titled
                || parts.len() >= 2
                || people::is_known_word(&parts[0])
                || alias_of.is_some();
            if worth && name.is_kin(&sent) {
                cast.add_relative(name, core, name.is_distant_kin(&sent), index);
            } else if worth {
                let id = cast.add(core, name.title.as_deref(), name.country, index);
                if name.former && cast.people[id].introduced == index {
                    cast.people[id].former = true;
                }
                if alias_of.is_some() {
                    cast.add_alias(id, written);
                }
            }
        }
        // "A Chinese delegation headed by Zhao Leji": Zhao is Chinese.
        for group in find_groups(&sent, doc.text, places, names) {
            if let (Some(leader), Some(country)) = (group.leader, group.country) {
                let name = &names[leader];
                let core = sent.text(doc.text, name.core.clone());
                cast.add(core, name.title.as_deref(), Some(country), index);
            }
        }
    }
    cast.fill_countries();
    envoys(doc, names, &mut cast);
    cast
}

/// The names given in brackets after a fuller one, folded, with that
/// fuller name: "Joko Widodo (Jokowi)".
fn bracketed_aliases<'t>(doc: &Doc<'t>, names: &[Vec<NameMention>]) -> Vec<(Vec<String>, &'t str)> {
    let mut aliases = Vec::new();
    for (index, names) in names.iter().enumerate() {
        let sent = doc.sentence(index);
        for pair in names.windows(2) {
            if pair[0].bracketed_alias(&sent, &pair[1]) {
                let alias = name_parts(sent.text(doc.text, pair[1].core.clone()));
                aliases.push((alias, sent.text(doc.text, pair[0].core.clone())));
            }
        }
    }
    aliases
}

/// "Sisi ... cancelled his trip and sent Prime Minister Mostafa Madbouly":
/// an envoy serves the country of whoever sent them, when the article
/// gives the envoy none.
fn envoys(doc: &Doc<'_>, names: &[Vec<NameMention>], cast: &mut Cast) {
    for (index, names) in names.iter().enumerate() {
        let sent = doc.sentence(index);
        for (at, envoy) in names.iter().enumerate() {
            let sent_by = envoy.tokens.start > 0
                && sent.is_any(envoy.tokens.start - 1, &["sent", "dispatched"]);
            let Some(sender) = names[..at].last().filter(|_| sent_by) else {
                continue;
            };
            let find = |name: &NameMention| {
                cast.find(&name_parts(sent.text(doc.text, name.core.clone())), index)
            };
            let (Some(envoy), Some(sender)) = (find(envoy), find(sender)) else {
                continue;
            };
            if cast.people[envoy].country.is_none() {
                cast.people[envoy].country = cast.people[sender].country;
            }
        }
    }
}

/// The text of a run of the document's tokens.
fn tokens_text<'t>(doc: &Doc<'t>, range: Range<usize>) -> Option<&'t str> {
    let first = doc.tokens.get(range.start)?;
    let last = doc.tokens.get(range.end.checked_sub(1)?)?;
    doc.text.get(first.start..last.end())
}

/// The dateline's tokens ("BEIJING (Reuters) -"): the first that names a
/// place the gazetteer knows.
fn dateline_tokens(doc: &Doc<'_>, gazetteer: &Gazetteer) -> Option<Range<usize>> {
    published::find_dateline(&doc.tokens, &doc.sentences, |range| {
        tokens_text(doc, range).is_some_and(|name| gazetteer.lookup(name, None).is_some())
    })
}

/// The dateline's place ("BEIJING (Reuters) -"), when the gazetteer knows it.
fn dateline(doc: &Doc<'_>, gazetteer: &Gazetteer) -> Option<StoryPlace> {
    let range = dateline_tokens(doc, gazetteer)?;
    let found = gazetteer.lookup(tokens_text(doc, range)?, None)?;
    let city = (found.kind != crate::gazetteer::PlaceKind::Country).then(|| found.name.to_owned());
    Some(StoryPlace {
        country: found.country,
        city,
    })
}

/// How far into an article its agency's tag may stand.
const AGENCY_TAG_BYTES: usize = 600;

/// "NEW DELHI, March 4 (PTI) ... External Affairs Minister S Jaishankar":
/// a national agency writing from its own country names its own officials
/// without their nationality. Officials the article gives no country take
/// the agency's, when the dateline is in it.
fn home_desk_officials(story: &mut Story, text: &str) {
    let Some(dateline) = &story.dateline else {
        return;
    };
    let head = text
        .get(..text.floor_char_boundary(AGENCY_TAG_BYTES))
        .unwrap_or(text);
    let mut tags = head.split('(').skip(1).filter_map(|rest| {
        rest.split_once(')')
            .map(|(tag, _)| tag.trim().to_lowercase())
    });
    let house = tags.find_map(|tag| {
        let (_, code) = known::NATIONAL_AGENCIES
            .iter()
            .find(|(name, _)| *name == tag)?;
        CountryCode::parse(code)
    });
    if house != Some(dateline.country) {
        return;
    }
    for (id, person) in story.cast.people.iter_mut().enumerate() {
        if person.country.is_none() && person.title.is_some() {
            person.country = house;
            story.house_assumed.push(id);
        }
    }
}

/// Reads the sentences in order, carrying the story along; returns every
/// visit and event mention.
fn read_story(
    doc: &Doc<'_>,
    places: Vec<Places>,
    names: Vec<Vec<NameMention>>,
    story: &mut Story,
    gazetteer: &Gazetteer,
) -> (Vec<visits::VisitMention>, Vec<events::EventMention>) {
    let mut legs = legs::Legs::default();
    let mut visit_mentions = Vec::new();
    let mut event_mentions = Vec::new();
    let mut here: Option<(StoryPlace, usize)> = None;
    for (index, (places, names)) in places.into_iter().zip(names).enumerate() {
        let sent = doc.sentence(index);
        let groups = find_groups(&sent, doc.text, &places, &names);
        let actors = story.actors(&sent, doc.text, &places, &names, &groups);
        let parsed = Parsed {
            sent,
            text: doc.text,
            places,
            actors,
            caption: doc.captions[index],
        };
        let visit_triggers = visits::triggers(&parsed);
        let event_triggers = events::triggers(&parsed);
        let positions: Vec<(usize, u8)> = visit_triggers
            .iter()
            .map(|t| (t.at, 0))
            .chain(event_triggers.iter().map(|t| (t.at, 1)))
            .collect();
        let mut assigned = assign_dates(&parsed.sent, &positions);
        leg_dates::date_the_tour_not_its_legs(&parsed.sent, &visit_triggers, &mut assigned);
        let (visit_dates, event_dates) = assigned.split_at(visit_triggers.len());
        let mut found = visits::visits(
            &parsed,
            story,
            &visit_triggers,
            visit_dates,
            &mut legs,
            gazetteer,
        );
        let party = companions::companions(&parsed, story, gazetteer, &legs, &found);
        // "accompanied by Trade Minister Don Farrell": one the article gives
        // no country travels from the traveller's, and is of it after.
        for visit in &party {
            if let (Some(id), Some(from)) = (story.leader_of(visit.actor), &visit.from)
                && let Some(person) = story.cast.people.get_mut(id)
            {
                person.country.get_or_insert(from.country);
            }
        }
        found.extend(party);
        legs.remember(&found);
        // An earlier leg told in passing is not where the traveller is now.
        found.extend(where_legs::where_legs(&parsed, story, gazetteer));
        let events = events::events(
            &parsed,
            story,
            &event_triggers,
            event_dates,
            &found,
            here.as_ref()
                .filter(|(_, at)| index - at <= 3)
                .map(|(place, _)| place),
            gazetteer,
        );
        // Where the story is now: the last trip of the sentence to a day.
        if let Some(last) = found
            .iter()
            .rev()
            .find(|v| v.date.precision() == Precision::Day)
        {
            here = Some((last.to.clone(), index));
        }
        remember(story, &found, &events);
        update_focus(story, &parsed, &found);
        story.note_dates(&parsed.sent, doc.text);
        if let Some(place) = parsed.places.last_named_before(None) {
            story.last_place = Some(place);
        }
        visit_mentions.extend(found);
        event_mentions.extend(events);
    }
    (visit_mentions, event_mentions)
}

/// Keeps the words and dates of what a sentence told, for "the same day
/// as X".
fn remember(story: &mut Story, visits: &[visits::VisitMention], events: &[events::EventMention]) {
    for visit in visits {
        let mut words = vec!["visit".to_owned(), "arrival".to_owned(), "trip".to_owned()];
        if let Some(person) = story
            .leader_of(visit.actor)
            .and_then(|id| story.cast.people.get(id))
        {
            words.extend(person.parts.iter().cloned());
        }
        story.dated.push_back((words, visit.date));
    }
    for event in events.iter().filter(|e| e.explicit_date) {
        let mut words = name_parts(&event.title);
        words.push(event.kind.as_str().to_owned());
        story.dated.push_back((words, event.date));
    }
    while story.dated.len() > story::RECENT_DATED {
        story.dated.pop_front();
    }
}

/// The person in focus after a sentence: the last traveller, else the
/// sentence's first named subject.
fn update_focus(story: &mut Story, parsed: &Parsed<'_, '_>, visits: &[visits::VisitMention]) {
    // The sentence's traveller, not the companions named after ("Faye was
    // accompanied by Dr Yassine Fall. He has also visited The Gambia").
    // The news: trips of the days around publication.
    for visit in visits {
        let news = story
            .published
            .is_some_and(|day| (visit.date.first_day().0 - day.0).abs() <= legs::LEG_DAYS);
        if news && !story.news_travellers.contains(&visit.actor) {
            story.news_travellers.push(visit.actor);
        }
    }
    if let Some(visit) = visits.first() {
        story.focus = Some(visit.actor);
        return;
    }
    // "On that trip, he and his wife Michelle took a test": a pronoun
    // subject keeps the focus it refers to.
    let subject = parsed
        .actors
        .iter()
        .find(|m| !m.object && !m.relative && m.actors.len() == 1);
    let named_subject =
        subject.filter(|m| !parsed.sent.has(m.tokens.start, lexicon::Flags::PRONOUN));
    if let Some(mention) = named_subject
        && let Some(actor) = mention.actors.first()
    {
        story.focus = Some(*actor);
    }
}

/// The first non-empty line of a text, trimmed.
fn first_line(text: &str) -> &str {
    text.lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("")
}

/// The source id of an article: a file read as one article is named after
/// the file ("2023-07-25-shoigu-pyongyang"); a page of the web, or one of a
/// feed's (`single` false), after its headline (`None`: made from the title).
pub fn source_id_for(article: &Article, single: bool) -> Option<String> {
    (single && !crate::read::is_web_address(&article.input))
        .then(|| file_source_id(std::path::Path::new(&article.input)))
}

/// The source id of an article read from a file: its name without the
/// extension, in lowercase words and hyphens ("2023-07-25-shoigu-pyongyang").
pub fn file_source_id(path: &std::path::Path) -> String {
    slug(
        &path
            .file_stem()
            .map(|stem| stem.to_string_lossy())
            .unwrap_or_default(),
    )
}

/// An id made from a title: lowercase ASCII words joined by hyphens.
fn slug(title: &str) -> String {
    let mut slug = String::new();
    for word in title.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if slug.len() + word.len() > 48 {
            break;
        }
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    if slug.is_empty() {
        "article".to_owned()
    } else {
        slug
    }
}

/// Puts several extractions into one dataset: sources keep their ids (made
/// unique with a numeric suffix when two collide), visits and events are
/// numbered `v1`, `e1`, ... across all of them.
pub fn merge(extractions: impl IntoIterator<Item = Extraction>) -> Dataset {
    let mut dataset = Dataset::default();
    let mut used = HashSet::new();
    for extraction in extractions {
        let mut source = extraction.source;
        let base = source.id.clone();
        let mut suffix = 1;
        while !used.insert(source.id.clone()) {
            suffix += 1;
            source.id = format!("{base}-{suffix}");
        }
        let cite = |citation: &mut Option<SourceRef>| {
            if let Some(citation) = citation {
                citation.id.clone_from(&source.id);
            }
        };
        for mut visit in extraction.visits {
            visit.id = format!("v{}", dataset.visits.len() + 1);
            cite(&mut visit.source);
            dataset.visits.push(visit);
        }
        for mut event in extraction.events {
            event.id = format!("e{}", dataset.events.len() + 1);
            cite(&mut event.source);
            dataset.events.push(event);
        }
        dataset.sources.push(source);
    }
    dataset
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_travellers;
#[cfg(test)]
mod tests_wire;
