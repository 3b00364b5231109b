//! One thread's share of a document: each record read in place into a
//! table row, its places interned, its id hashed.

use super::*;
use crate::model::PlacePrecision;

/// One thread's share of the document: the records it read, in order,
/// with their places interned and their ids hashed.
pub(super) struct Part<'a> {
    pub(super) progress: &'a Progress,
    /// Progress not yet reported, in bytes.
    pub(super) unreported: usize,
    /// Where in the file the text it reads starts: its records' ranges are
    /// the file's.
    pub(super) base: usize,
    /// The top-level keys read, in order.
    pub(super) keys: Vec<String>,
    /// The record arrays written `[]` or `null`, and where.
    pub(super) empty_arrays: Vec<(Kind, Range<usize>)>,
    pub(super) window: Option<FuzzyDate>,
    /// The dataset's `view`, if this part holds it.
    pub(super) view: Option<ViewBox>,
    pub(super) sources: Vec<Range<usize>>,
    pub(super) citing: Citing,
    pub(super) visits: Vec<Range<usize>>,
    pub(super) visit_rows: Vec<VisitRow>,
    /// The visits' ids, hashed: two alike are taken for the same id, and
    /// the file is left to the detailed loader, which tells. With 64-bit
    /// keyed hashes, two different ids of a million collide about once in
    /// ten million files.
    pub(super) visit_ids: Vec<u64>,
    pub(super) events: Vec<Range<usize>>,
    pub(super) event_rows: Vec<EventRow>,
    /// The events' ids, hashed, as the visits' are.
    pub(super) event_ids: Vec<u64>,
    pub(super) places: PlaceInterner,
    /// The places read so far, by their objects' text.
    pub(super) place_memo: Memo<PlaceId>,
    /// Hashes ids with a key secret to this process (one for all parts),
    /// so that no file can be made to collide them on purpose.
    pub(super) ids: &'a RandomState,
}

/// Marks a field of a record as read, refusing it a second time (the
/// detailed loader would silently keep the last).
pub(super) fn once(seen: &mut u16, field: u16) -> Step<()> {
    if *seen & (1 << field) != 0 {
        return Err(Unsound);
    }
    *seen |= 1 << field;
    Ok(())
}

impl<'a> Part<'a> {
    /// A part for about `bytes` of the document, read from a text that
    /// starts at byte `base` of the file.
    pub(super) fn new(
        progress: &'a Progress,
        ids: &'a RandomState,
        base: usize,
        bytes: usize,
    ) -> Self {
        // Room for as many records as could fit, which costs address space
        // only: it spares the big chunks many copies while they grow.
        let room = bytes / SMALLEST_RECORD;
        Self {
            progress,
            unreported: 0,
            base,
            keys: Vec::new(),
            empty_arrays: Vec::new(),
            window: None,
            view: None,
            sources: Vec::new(),
            visits: Vec::with_capacity(room),
            visit_rows: Vec::with_capacity(room),
            visit_ids: Vec::with_capacity(room),
            events: Vec::with_capacity(room),
            event_rows: Vec::with_capacity(room),
            event_ids: Vec::with_capacity(room),
            citing: Citing {
                source_ids: Vec::new(),
                source_texts: TextCuts::default(),
                citations: Citations {
                    runs: Vec::new(),
                    spans: Vec::with_capacity(room),
                },
            },
            places: PlaceInterner::default(),
            place_memo: Memo::default(),
            ids,
        }
    }

    /// The members of the top-level object, from the first key to its
    /// `}`; the kind of array if reading stopped at `handover`.
    pub(super) fn members(
        &mut self,
        cursor: &mut Cursor<'_>,
        handover: Option<usize>,
    ) -> Step<Option<Kind>> {
        if let Some(kind) = self.member(cursor, handover)? {
            return Ok(Some(kind));
        }
        self.members_after_value(cursor, handover)
    }

    /// The members after one, to the end of the top-level object.
    pub(super) fn members_after_value(
        &mut self,
        cursor: &mut Cursor<'_>,
        handover: Option<usize>,
    ) -> Step<Option<Kind>> {
        loop {
            if cursor.comma_or(b'}')? {
                return Ok(None);
            }
            if let Some(kind) = self.member(cursor, handover)? {
                return Ok(Some(kind));
            }
        }
    }

    pub(super) fn member(
        &mut self,
        cursor: &mut Cursor<'_>,
        handover: Option<usize>,
    ) -> Step<Option<Kind>> {
        let key = cursor.string()?.plain()?;
        cursor.expect(b':')?;
        self.keys.push(key.to_owned());
        if let Some(kind) = Kind::of_key(key) {
            cursor.peek();
            let start = cursor.at;
            if cursor.null()? || cursor.open(MEMBER_DEPTH + 1, b'[', b']')? {
                let range = self.base + start..self.base + cursor.at;
                self.empty_arrays.push((kind, range));
                return Ok(None);
            }
            return self.records_from_here(cursor, kind, handover);
        }
        match key {
            "format" => {
                if cursor.string()?.text() != FORMAT {
                    return Err(Unsound);
                }
            }
            "window" => self.window = optional_date(cursor)?.map(|(date, _)| date),
            "view" => self.view = view_box(cursor)?,
            _ => cursor.skip_value(MEMBER_DEPTH)?,
        }
        Ok(None)
    }

    /// The records of an array, from one's start to the `]`; stops at
    /// `handover` if it is one's start.
    pub(super) fn records_from_here(
        &mut self,
        cursor: &mut Cursor<'_>,
        kind: Kind,
        handover: Option<usize>,
    ) -> Step<Option<Kind>> {
        let mut count = 0usize;
        loop {
            if cursor.peek() != Some(b'{') {
                return Err(Unsound);
            }
            let start = cursor.at;
            if Some(start) == handover {
                return Ok(Some(kind));
            }
            match kind {
                Kind::Sources => self.source(cursor)?,
                Kind::Visits => self.visit(cursor)?,
                Kind::Events => self.event(cursor)?,
            }
            let range = self.base + start..self.base + cursor.at;
            self.unreported += range.len();
            match kind {
                Kind::Sources => self.sources.push(range),
                Kind::Visits => self.visits.push(range),
                Kind::Events => self.events.push(range),
            }
            count += 1;
            if count.is_multiple_of(PROGRESS_STEP) {
                self.report();
            }
            if cursor.comma_or(b']')? {
                return Ok(None);
            }
        }
    }

    pub(super) fn report(&mut self) {
        self.progress.advance(self.unreported as u64);
        self.unreported = 0;
    }

    pub(super) fn source(&mut self, cursor: &mut Cursor<'_>) -> Step<()> {
        let (mut seen, mut id, mut text) = (0, None, None);
        cursor.object(RECORD_DEPTH, |cursor, key| match key {
            "id" => {
                once(&mut seen, 0)?;
                id = Some(cursor.string()?.text());
                Ok(())
            }
            "title" => {
                once(&mut seen, 1)?;
                optional_string(cursor).map(drop)
            }
            "publisher" => {
                once(&mut seen, 2)?;
                optional_string(cursor).map(drop)
            }
            "url" => {
                once(&mut seen, 3)?;
                optional_string(cursor).map(drop)
            }
            "published" => {
                once(&mut seen, 4)?;
                optional_date(cursor).map(drop)
            }
            "text" => {
                once(&mut seen, 5)?;
                text = optional_string(cursor)?.map(RawString::text);
                Ok(())
            }
            _ => cursor.skip_value(RECORD_DEPTH),
        })?;
        let id = id.ok_or(Unsound)?;
        let citing = &mut self.citing;
        citing.source_ids.push((self.ids.hash_one(&id), id.into()));
        citing
            .source_texts
            .push(text.as_deref().unwrap_or_default());
        Ok(())
    }

    pub(super) fn visit(&mut self, cursor: &mut Cursor<'_>) -> Step<()> {
        let mut seen = 0;
        let mut trust = Trust::default();
        let (mut id, mut leader_country, mut from, mut to, mut days) =
            (None, None, None, None, None);
        cursor.object(RECORD_DEPTH, |cursor, key| {
            match key {
                "id" => {
                    once(&mut seen, 0)?;
                    id = Some(cursor.string()?.text());
                }
                "leader" => {
                    once(&mut seen, 1)?;
                    leader_country = leader(cursor)?;
                }
                "delegation" => {
                    once(&mut seen, 2)?;
                    optional_string(cursor)?;
                }
                "from" => {
                    once(&mut seen, 3)?;
                    if !cursor.null()? {
                        from = Some(self.place(cursor)?);
                    }
                }
                "to" => {
                    once(&mut seen, 4)?;
                    to = Some(self.place(cursor)?);
                }
                "date" => {
                    once(&mut seen, 5)?;
                    days = Some(required_days(cursor)?);
                }
                "purpose" => {
                    once(&mut seen, 6)?;
                    optional_string(cursor)?;
                }
                "source" => {
                    once(&mut seen, 7)?;
                    self.citation(cursor)?;
                }
                PROVENANCE => {
                    once(&mut seen, 8)?;
                    trust = read_trust(cursor)?;
                }
                _ => cursor.skip_value(RECORD_DEPTH)?,
            }
            Ok(())
        })?;
        let id = id.ok_or(Unsound)?;
        self.visit_ids.push(self.ids.hash_one(&id));
        self.visit_rows.push(VisitRow {
            from,
            to: to.ok_or(Unsound)?,
            leader_country,
            days: days.ok_or(Unsound)?,
            trust,
        });
        Ok(())
    }

    pub(super) fn event(&mut self, cursor: &mut Cursor<'_>) -> Step<()> {
        let mut seen = 0;
        let mut trust = Trust::default();
        let (mut id, mut kind, mut place, mut days) = (None, None, None, None);
        cursor.object(RECORD_DEPTH, |cursor, key| {
            match key {
                "id" => {
                    once(&mut seen, 0)?;
                    id = Some(cursor.string()?.text());
                }
                "kind" => {
                    once(&mut seen, 1)?;
                    kind = Some(EventKind::parse(&cursor.string()?.text()).ok_or(Unsound)?);
                }
                "title" => {
                    once(&mut seen, 2)?;
                    optional_string(cursor)?;
                }
                "place" => {
                    once(&mut seen, 3)?;
                    place = Some(self.place(cursor)?);
                }
                "date" => {
                    once(&mut seen, 4)?;
                    days = Some(required_days(cursor)?);
                }
                "actors" => {
                    once(&mut seen, 5)?;
                    if !cursor.null()? {
                        cursor.array(RECORD_DEPTH + 1, |cursor| optional_code(cursor).map(drop))?;
                    }
                }
                "source" => {
                    once(&mut seen, 6)?;
                    self.citation(cursor)?;
                }
                PROVENANCE => {
                    once(&mut seen, 7)?;
                    trust = read_trust(cursor)?;
                }
                _ => cursor.skip_value(RECORD_DEPTH)?,
            }
            Ok(())
        })?;
        let id = id.ok_or(Unsound)?;
        self.event_ids.push(self.ids.hash_one(&id));
        self.event_rows.push(EventRow {
            place: place.ok_or(Unsound)?,
            kind: kind.ok_or(Unsound)?,
            days: days.ok_or(Unsound)?,
            trust,
        });
        Ok(())
    }

    /// A sound place object, interned: a valid country, both coordinates
    /// or neither and in range, and something to place it by.
    pub(super) fn place(&mut self, cursor: &mut Cursor<'_>) -> Step<PlaceId> {
        let places = &mut self.places;
        self.place_memo
            .read(cursor, |cursor| read_place(cursor, places))
    }

    /// A citation: checked once every source is known ([`Citations::hold`]).
    pub(super) fn citation(&mut self, cursor: &mut Cursor<'_>) -> Step<()> {
        if cursor.null()? {
            return Ok(());
        }
        let (mut seen, mut id, mut span) = (0, None, None);
        cursor.object(RECORD_DEPTH + 1, |cursor, key| {
            match key {
                "id" => {
                    once(&mut seen, 0)?;
                    id = Some(cursor.string()?.text());
                }
                "span" => {
                    once(&mut seen, 1)?;
                    if !cursor.null()? {
                        cursor.expect(b'[')?;
                        let start = cursor.small_count()?;
                        cursor.expect(b',')?;
                        let end = cursor.small_count()?;
                        cursor.expect(b']')?;
                        if start > end {
                            return Err(Unsound);
                        }
                        span = Some((start, end));
                    }
                }
                _ => cursor.skip_value(RECORD_DEPTH + 1)?,
            }
            Ok(())
        })?;
        self.citing
            .citations
            .push(&id.ok_or(Unsound)?, span, self.ids);
        Ok(())
    }

    /// Reports the rest of the progress, lets the place memo go, and
    /// checks that no id is used twice within the part.
    pub(super) fn finish(&mut self) -> Step<()> {
        self.report();
        // Its places are interned: the texts that found them can go.
        self.place_memo = Memo::default();
        if all_unique(&mut self.visit_ids) && all_unique(&mut self.event_ids) {
            Ok(())
        } else {
            Err(Unsound)
        }
    }
}

/// A sound place object (see [`Part::place`]), interned in `places`.
pub(super) fn read_place(cursor: &mut Cursor<'_>, places: &mut PlaceInterner) -> Step<PlaceId> {
    let mut seen = 0;
    let (mut country, mut name, mut lat, mut lon) = (None, None, None, None);
    let mut precision = None;
    cursor.object(RECORD_DEPTH + 1, |cursor, key| {
        match key {
            "country" => {
                once(&mut seen, 0)?;
                country = optional_code(cursor)?;
            }
            "place" => {
                once(&mut seen, 1)?;
                name = optional_string(cursor)?.map(RawString::text);
            }
            "lat" => {
                once(&mut seen, 2)?;
                lat = coordinate(cursor, 90.0)?;
            }
            "lon" => {
                once(&mut seen, 3)?;
                lon = coordinate(cursor, 180.0)?;
            }
            "precision" => {
                once(&mut seen, 4)?;
                precision = match optional_string(cursor)? {
                    Some(word) => Some(PlacePrecision::named(&word.text()).ok_or(Unsound)?),
                    None => None,
                };
            }
            _ => cursor.skip_value(RECORD_DEPTH + 1)?,
        }
        Ok(())
    })?;
    let lat_lon = match (lat, lon) {
        (Some(lat), Some(lon)) => Some((lat, lon)),
        (None, None) => None,
        _ => return Err(Unsound),
    };
    if country.is_none() && name.is_none() && lat_lon.is_none() {
        return Err(Unsound);
    }
    Ok(places.intern_key(PlaceKey::new(country, name, lat_lon, precision)))
}

/// A leader (a name, or an object with one) and its country.
pub(super) fn leader(cursor: &mut Cursor<'_>) -> Step<Option<CountryCode>> {
    match cursor.peek() {
        Some(b'n') => cursor.null().map(|_| None),
        Some(b'"') => cursor.string().map(|_| None),
        Some(b'{') => {
            let (mut seen, mut named, mut country) = (0, false, None);
            cursor.object(RECORD_DEPTH + 1, |cursor, key| {
                match key {
                    "name" => {
                        once(&mut seen, 0)?;
                        cursor.string()?;
                        named = true;
                    }
                    "title" => {
                        once(&mut seen, 1)?;
                        optional_string(cursor)?;
                    }
                    "country" => {
                        once(&mut seen, 2)?;
                        country = optional_code(cursor)?;
                    }
                    _ => cursor.skip_value(RECORD_DEPTH + 1)?,
                }
                Ok(())
            })?;
            // A person object must name someone.
            if named { Ok(country) } else { Err(Unsound) }
        }
        _ => Err(Unsound),
    }
}

/// A record's `provenance`, checked as [`crate::model::check_provenance`] checks
/// it, in brief.
pub(super) fn read_trust(cursor: &mut Cursor<'_>) -> Step<Trust> {
    let mut trust = Trust::default();
    if cursor.null()? {
        return Ok(trust);
    }
    let mut seen = 0;
    cursor.object(RECORD_DEPTH + 1, |cursor, key| {
        match key {
            "by" => {
                once(&mut seen, 0)?;
                trust.by = Some(By::parse(&cursor.string()?.text()).ok_or(Unsound)?);
            }
            "version" | "because" => {
                once(&mut seen, if key == "version" { 1 } else { 2 })?;
                optional_string(cursor)?;
            }
            "confidence" => {
                once(&mut seen, 3)?;
                if let Some(name) = optional_string(cursor)? {
                    trust.confidence = Some(Confidence::parse(&name.text()).ok_or(Unsound)?);
                }
            }
            "edited" => {
                once(&mut seen, 4)?;
                if !cursor.null()? {
                    cursor.array(RECORD_DEPTH + 2, |cursor| {
                        trust.edited = true;
                        read_edited(cursor)
                    })?;
                }
            }
            "reviewed" => {
                once(&mut seen, 5)?;
                trust.reviewed = match cursor.peek() {
                    Some(b't') => true,
                    Some(b'f' | b'n') => false,
                    _ => return Err(Unsound),
                };
                cursor.skip_value(RECORD_DEPTH + 1)?;
            }
            _ => cursor.skip_value(RECORD_DEPTH + 1)?,
        }
        Ok(())
    })?;
    // A provenance must say who made the record.
    trust.by.ok_or(Unsound)?;
    Ok(trust)
}

/// One entry of `provenance.edited`: its field and when, both strings.
pub(super) fn read_edited(cursor: &mut Cursor<'_>) -> Step<()> {
    let (mut seen, mut field, mut at) = (0, false, false);
    cursor.object(RECORD_DEPTH + 3, |cursor, key| {
        match key {
            "field" | "at" => {
                once(&mut seen, u16::from(key != "field"))?;
                if cursor.null()? {
                    return Err(Unsound);
                }
                cursor.string()?;
                if key == "field" {
                    field = true;
                } else {
                    at = true;
                }
            }
            _ => cursor.skip_value(RECORD_DEPTH + 3)?,
        }
        Ok(())
    })?;
    if field && at { Ok(()) } else { Err(Unsound) }
}

/// A string or `null`.
pub(super) fn optional_string<'a>(cursor: &mut Cursor<'a>) -> Step<Option<RawString<'a>>> {
    if cursor.null()? {
        return Ok(None);
    }
    cursor.string().map(Some)
}

/// A country code or `null`.
pub(super) fn optional_code(cursor: &mut Cursor<'_>) -> Step<Option<CountryCode>> {
    match optional_string(cursor)? {
        Some(code) => CountryCode::parse(&code.text()).map(Some).ok_or(Unsound),
        None => Ok(None),
    }
}

/// A date or `null`, with the days it covers.
pub(super) fn optional_date(cursor: &mut Cursor<'_>) -> Step<Option<(FuzzyDate, Days)>> {
    let Some(text) = optional_string(cursor)? else {
        return Ok(None);
    };
    let date = FuzzyDate::from_str(&text.text()).map_err(|_| Unsound)?;
    Ok(Some((date, Days::from(&date))))
}

/// The days a required date covers.
pub(super) fn required_days(cursor: &mut Cursor<'_>) -> Step<Days> {
    optional_date(cursor)?.map(|(_, days)| days).ok_or(Unsound)
}

/// The optional `view`: `[west, south, east, north]`, or `null`. Anything
/// else is left to the detailed loader to explain.
fn view_box(cursor: &mut Cursor<'_>) -> Step<Option<ViewBox>> {
    if cursor.null()? {
        return Ok(None);
    }
    let mut edges = Vec::with_capacity(4);
    cursor.array(MEMBER_DEPTH + 1, |cursor| {
        edges.push(coordinate(cursor, 180.0)?.ok_or(Unsound)?);
        Ok(())
    })?;
    let edges = <[f64; 4]>::try_from(edges).map_err(|_| Unsound)?;
    ViewBox::new(edges).map(Some).map_err(|_| Unsound)
}

/// A coordinate or `null`, within `limit` degrees either way. Read by
/// `serde_json` itself, so that it is the very `f64` the detailed loader
/// reads.
pub(super) fn coordinate(cursor: &mut Cursor<'_>, limit: f64) -> Step<Option<f64>> {
    if cursor.null()? {
        return Ok(None);
    }
    let degrees: f64 = serde_json::from_str(cursor.number()?).map_err(|_| Unsound)?;
    if degrees.is_finite() && (-limit..=limit).contains(&degrees) {
        Ok(Some(degrees))
    } else {
        Err(Unsound)
    }
}
