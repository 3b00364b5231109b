//! Reading one trips file of the Office of the Historian (`<trips><trip>…`)
//! into plain records, pulled event by event with quick-xml.
//!
//! Only the XML is handled here: fields come back as written (whitespace
//! folded), and what they mean is the business of the module above.

use std::borrow::Cow;
use std::fs::File;
use std::io::Read;
use std::path::Path;

use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};

use crate::import::ImportError;

/// One `<trip>` as written, every field with its whitespace folded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TripRecord {
    /// The line of the `<trip>` tag.
    pub line: usize,
    /// The traveller's id, from the `who` attribute: `blinken-antony-j`.
    pub who: String,
    /// `<id>`: the record's number.
    pub id: String,
    /// `<role>` (or the `role` attribute): `president` or `secretary`.
    pub role: String,
    /// `<name>`: the traveller's full name.
    pub name: String,
    /// `<start-date>`: `YYYY-MM-DD`.
    pub start_date: String,
    /// `<end-date>`: `YYYY-MM-DD`.
    pub end_date: String,
    /// The `id` attribute of `<country>`: `korea-south`.
    pub country_id: String,
    /// `<country>`'s text: `Korea, South`.
    pub country: String,
    /// `<locale>`: one or more places, `Tel Aviv, Jerusalem`; may be empty.
    pub locale: String,
    /// `<remarks>`: what the trip was for.
    pub remarks: String,
}

/// The trips of one file, and what was wrong in it.
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// Every complete `<trip>`, in file order.
    pub trips: Vec<TripRecord>,
    /// Problems, each with its line: malformed XML (reading stops there,
    /// the trips before it are kept), text that is not UTF-8 (that trip is
    /// left out), a file that ends inside a trip.
    pub problems: Vec<ImportError>,
    /// The name of the root element when it is not `<trips>`: the file is
    /// some other XML (the presidents list, a code table) and holds no trips.
    pub other_root: Option<String>,
}

/// Reads the trips file at `path`.
///
/// # Errors
/// When the file cannot be read; problems inside it come back in
/// [`ParsedFile::problems`].
pub fn parse(path: &Path) -> Result<ParsedFile, ImportError> {
    let file = File::open(path).map_err(|source| ImportError::Read {
        path: path.to_owned(),
        source,
    })?;
    parse_reader(file, path)
}

/// Reads a trips file from `reader`; `path` names it in problems.
///
/// # Errors
/// When `reader` fails; problems in the XML come back in
/// [`ParsedFile::problems`].
pub fn parse_reader(mut reader: impl Read, path: &Path) -> Result<ParsedFile, ImportError> {
    let mut bytes = Vec::new();
    reader
        .read_to_end(&mut bytes)
        .map_err(|source| ImportError::Read {
            path: path.to_owned(),
            source,
        })?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Ok(ParsedFile {
            problems: vec![ImportError::Empty {
                path: path.to_owned(),
            }],
            ..ParsedFile::default()
        });
    }
    Ok(TripsParser::new(&bytes, path).run())
}

/// Which field of a trip text goes to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Id,
    Role,
    Name,
    StartDate,
    EndDate,
    Country,
    Locale,
    Remarks,
    /// An element this reader does not use (`created-by`...).
    Ignored,
}

impl Field {
    fn of(name: &[u8]) -> Self {
        match name {
            b"id" => Self::Id,
            b"role" => Self::Role,
            b"name" => Self::Name,
            b"start-date" => Self::StartDate,
            b"end-date" => Self::EndDate,
            b"country" => Self::Country,
            b"locale" => Self::Locale,
            b"remarks" => Self::Remarks,
            _ => Self::Ignored,
        }
    }

    fn slot(self, trip: &mut TripRecord) -> Option<&mut String> {
        Some(match self {
            Self::Id => &mut trip.id,
            Self::Role => &mut trip.role,
            Self::Name => &mut trip.name,
            Self::StartDate => &mut trip.start_date,
            Self::EndDate => &mut trip.end_date,
            Self::Country => &mut trip.country,
            Self::Locale => &mut trip.locale,
            Self::Remarks => &mut trip.remarks,
            Self::Ignored => return None,
        })
    }

    fn tag(self) -> &'static str {
        match self {
            Self::Id => "<id>",
            Self::Role => "<role>",
            Self::Name => "<name>",
            Self::StartDate => "<start-date>",
            Self::EndDate => "<end-date>",
            Self::Country => "<country>",
            Self::Locale => "<locale>",
            Self::Remarks => "<remarks>",
            Self::Ignored => "an element",
        }
    }
}

/// The state of one pass over one file.
struct TripsParser<'b> {
    bytes: &'b [u8],
    path: &'b Path,
    reader: Reader<&'b [u8]>,
    lines: LineCounter,
    parsed: ParsedFile,
    /// Open elements below the root: 1 inside `<trip>`, 2 inside a field.
    depth: usize,
    trip: Option<TripRecord>,
    field: Option<Field>,
    text: String,
    /// Why the current trip cannot be kept, if it cannot.
    broken: Option<String>,
}

impl<'b> TripsParser<'b> {
    fn new(bytes: &'b [u8], path: &'b Path) -> Self {
        let mut reader = Reader::from_reader(bytes);
        reader.config_mut().check_end_names = true;
        Self {
            bytes,
            path,
            reader,
            lines: LineCounter::default(),
            parsed: ParsedFile::default(),
            depth: 0,
            trip: None,
            field: None,
            text: String::new(),
            broken: None,
        }
    }

    fn run(mut self) -> ParsedFile {
        let mut seen_root = false;
        loop {
            let before = self.reader.buffer_position() as usize;
            let event = match self.reader.read_event() {
                Ok(event) => event,
                Err(error) => {
                    let line = self.line_at(self.reader.error_position() as usize);
                    self.problem(
                        line,
                        format!(
                            "malformed XML: {error}; fix the file there (the trips before this line were read)"
                        ),
                    );
                    break;
                }
            };
            match event {
                Event::Start(start) if !seen_root => {
                    seen_root = true;
                    if start.local_name().as_ref() != b"trips" {
                        self.parsed.other_root =
                            Some(String::from_utf8_lossy(start.local_name().as_ref()).into_owned());
                        break;
                    }
                }
                Event::Empty(start) if !seen_root => {
                    seen_root = true;
                    if start.local_name().as_ref() != b"trips" {
                        self.parsed.other_root =
                            Some(String::from_utf8_lossy(start.local_name().as_ref()).into_owned());
                    }
                    break;
                }
                Event::Start(start) => self.open(&start, before, false),
                Event::Empty(start) => self.open(&start, before, true),
                Event::End(_) => self.close(),
                Event::Text(text) => {
                    let decoded = text.decode().map_err(|_| ());
                    self.push_text(decoded);
                }
                Event::CData(data) => {
                    let decoded = data.decode().map_err(|_| ());
                    self.push_text(decoded);
                }
                Event::GeneralRef(reference) => {
                    let resolved = if reference.is_char_ref() {
                        reference
                            .resolve_char_ref()
                            .ok()
                            .flatten()
                            .map(|c| Cow::Owned(c.to_string()))
                    } else {
                        reference
                            .decode()
                            .ok()
                            .and_then(|name| resolve_predefined_entity(&name))
                            .map(Cow::Borrowed)
                    };
                    if let Some(text) = resolved {
                        self.push_text(Ok(text));
                    } else {
                        let name = String::from_utf8_lossy(&reference).into_owned();
                        self.break_trip(format!(
                            "unknown entity `&{name};` in {}; write the character itself",
                            self.field_tag()
                        ));
                    }
                }
                Event::Eof => {
                    if let Some(trip) = &self.trip {
                        let line = trip.line;
                        self.problem(
                            line,
                            "the file ends inside this <trip>; it was cut short: restore its end from the original".to_owned(),
                        );
                    }
                    break;
                }
                Event::Comment(_) | Event::Decl(_) | Event::PI(_) | Event::DocType(_) => {}
            }
        }
        if !seen_root && self.parsed.problems.is_empty() {
            self.parsed.other_root = Some(String::new());
        }
        self.parsed
    }

    /// An element opens at byte `at` (or is empty, `<locale/>`).
    fn open(&mut self, start: &BytesStart<'_>, at: usize, empty: bool) {
        let name = start.local_name();
        match (self.depth, name.as_ref()) {
            (0, b"trip") => {
                let line = self.line_at(at);
                let mut trip = TripRecord {
                    line,
                    who: attribute(start, b"who"),
                    role: attribute(start, b"role"),
                    ..TripRecord::default()
                };
                if empty {
                    trip.line = line;
                    self.parsed.trips.push(trip);
                    return;
                }
                self.trip = Some(trip);
                self.broken = None;
            }
            (1, field) => {
                let field = Field::of(field);
                if let (Field::Country, Some(trip)) = (field, self.trip.as_mut()) {
                    trip.country_id = attribute(start, b"id");
                }
                if empty {
                    return;
                }
                self.field = Some(field);
                self.text.clear();
            }
            _ => {}
        }
        if !empty {
            self.depth += 1;
        }
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        match self.depth {
            0 => {
                if let Some(trip) = self.trip.take() {
                    match self.broken.take() {
                        None => self.parsed.trips.push(trip),
                        Some(why) => {
                            let message = format!(
                                "trip {}: {why}; this trip was left out",
                                if trip.id.is_empty() {
                                    "without <id>"
                                } else {
                                    &trip.id
                                }
                            );
                            self.problem(trip.line, message);
                        }
                    }
                }
            }
            1 => {
                let field = self.field.take();
                if let (Some(field), Some(trip)) = (field, self.trip.as_mut())
                    && let Some(slot) = field.slot(trip)
                {
                    *slot = fold_whitespace(&self.text);
                }
            }
            _ => {}
        }
    }

    fn push_text(&mut self, text: Result<Cow<'_, str>, ()>) {
        if self.field.is_none() {
            return;
        }
        if let Ok(text) = text {
            self.text.push_str(&text);
        } else {
            let why = format!(
                "{} is not UTF-8 text; save the file as UTF-8",
                self.field_tag()
            );
            self.break_trip(why);
        }
    }

    fn break_trip(&mut self, why: String) {
        if self.trip.is_some() && self.broken.is_none() {
            self.broken = Some(why);
        }
    }

    fn field_tag(&self) -> &'static str {
        self.field.map_or("the trip", Field::tag)
    }

    fn problem(&mut self, line: usize, message: String) {
        self.parsed
            .problems
            .push(ImportError::at(self.path, line, message));
    }

    fn line_at(&mut self, offset: usize) -> usize {
        self.lines.line_at(self.bytes, offset)
    }
}

/// The value of attribute `name`, unescaped, or empty.
fn attribute(start: &BytesStart<'_>, name: &[u8]) -> String {
    start
        .try_get_attribute(name)
        .ok()
        .flatten()
        .and_then(|value| {
            value
                .normalized_value(XmlVersion::Implicit1_0)
                .ok()
                .map(|text| fold_whitespace(&text))
        })
        .unwrap_or_default()
}

/// `text` with every run of whitespace made one space, and trimmed: the
/// records wrap long remarks across lines.
pub fn fold_whitespace(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !folded.is_empty() {
            folded.push(' ');
        }
        folded.push_str(word);
    }
    folded
}

/// Turns byte offsets into 1-based line numbers, counting forward.
#[derive(Debug, Default)]
struct LineCounter {
    offset: usize,
    /// Newlines before `offset`.
    newlines: usize,
}

impl LineCounter {
    // Counting newlines of a few files once: no crate needed for speed.
    #[allow(clippy::naive_bytecount)]
    fn line_at(&mut self, bytes: &[u8], offset: usize) -> usize {
        let offset = offset.min(bytes.len());
        if offset < self.offset {
            *self = Self::default();
        }
        self.newlines += bytes[self.offset..offset]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        self.offset = offset;
        self.newlines + 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse_str(xml: &str) -> ParsedFile {
        parse_reader(xml.as_bytes(), Path::new("test.xml")).unwrap()
    }

    const ONE_TRIP: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<trips>
    <trip role="secretary" who="blinken-antony-j">
        <id>3992</id>
        <role>secretary</role>
        <name>Antony John Blinken</name>
        <start-date>2021-03-15</start-date>
        <end-date>2021-03-17</end-date>
        <country id="japan">Japan</country>
        <locale>Tokyo</locale>
        <remarks>Attended the U.S.-Japan Security Consultative Committee meeting and met with
            Minister for Foreign Affairs Toshimitsu Motegi.</remarks>
        <created-by>cabrerath</created-by>
        <last-modified-datetime/>
    </trip>
</trips>
"#;

    #[test]
    fn reads_every_field_and_folds_wrapped_text() {
        let parsed = parse_str(ONE_TRIP);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(
            parsed.trips,
            vec![TripRecord {
                line: 3,
                who: "blinken-antony-j".into(),
                id: "3992".into(),
                role: "secretary".into(),
                name: "Antony John Blinken".into(),
                start_date: "2021-03-15".into(),
                end_date: "2021-03-17".into(),
                country_id: "japan".into(),
                country: "Japan".into(),
                locale: "Tokyo".into(),
                remarks: "Attended the U.S.-Japan Security Consultative Committee meeting and met with Minister for Foreign Affairs Toshimitsu Motegi.".into(),
            }]
        );
    }

    #[test]
    fn resolves_entities_and_reads_empty_elements() {
        let parsed = parse_str(
            r#"<trips><trip who="x"><id>1</id><locale/><remarks>Talks on A &amp; B &#8212; ok.</remarks></trip></trips>"#,
        );
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.trips[0].locale, "");
        assert_eq!(parsed.trips[0].remarks, "Talks on A & B \u{2014} ok.");
    }

    #[test]
    fn malformed_xml_keeps_the_trips_before_it_and_names_the_line() {
        let xml = "<trips>\n<trip><id>1</id></trip>\n<trip><id>2</id></oops>\n<trip><id>3</id></trip>\n</trips>";
        let parsed = parse_str(xml);
        assert_eq!(parsed.trips.len(), 1);
        assert_eq!(parsed.problems.len(), 1);
        let message = parsed.problems[0].to_string();
        assert!(
            message.starts_with("test.xml:3: malformed XML"),
            "{message}"
        );
    }

    #[test]
    fn a_file_cut_short_is_reported_at_the_open_trip() {
        let parsed = parse_str("<trips>\n<trip><id>1</id></trip>\n<trip>\n<id>2</id>");
        assert_eq!(parsed.trips.len(), 1);
        let message = parsed.problems[0].to_string();
        assert!(
            message.starts_with("test.xml:3: the file ends inside this <trip>"),
            "{message}"
        );
    }

    #[test]
    fn invalid_utf8_costs_only_its_trip() {
        let mut xml = b"<trips>\n<trip><id>1</id><locale>Par".to_vec();
        xml.extend_from_slice(&[0xFF, 0xFE]);
        xml.extend_from_slice(b"is</locale></trip>\n<trip><id>2</id></trip></trips>");
        let parsed = parse_reader(&xml[..], Path::new("bad.xml")).unwrap();
        assert_eq!(parsed.trips.len(), 1);
        assert_eq!(parsed.trips[0].id, "2");
        let message = parsed.problems[0].to_string();
        assert!(
            message.starts_with("bad.xml:2: trip 1: <locale> is not UTF-8"),
            "{message}"
        );
    }

    #[test]
    fn other_xml_and_empty_files_are_told_apart() {
        let parsed = parse_str("<presidents><president/></presidents>");
        assert_eq!(parsed.other_root.as_deref(), Some("presidents"));
        assert!(parsed.trips.is_empty());
        let parsed = parse_str("  \n");
        assert!(matches!(parsed.problems[..], [ImportError::Empty { .. }]));
        let parsed = parse_str("not xml at all");
        assert!(parsed.trips.is_empty());
    }
}
