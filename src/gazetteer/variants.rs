//! Light parsing of place names that do not match as written: records say
//! "Halifax (Nova Scotia)", "Tel Aviv, Jerusalem", "West Berlin" or
//! "Ramstein Air Force Base" where the gazetteer knows "Halifax", "Tel Aviv",
//! "Berlin" and "Ramstein".

/// Words that qualify a city without being part of its name ("West Berlin").
const COMPASS_PREFIXES: &[&str] = &[
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
    "upper", "lower", "greater", "old",
];

/// Words before a site that names the place after them ("Camp Doha").
const FACILITY_PREFIXES: &[&str] = &["camp"];

/// Words after a place that name a facility or feature there, longest first
/// so that "Naval Air Station" is removed whole.
const FACILITY_SUFFIXES: &[&str] = &[
    "international airport",
    "naval air station",
    "air force base",
    "naval station",
    "naval base",
    "military base",
    "army base",
    "air station",
    "air base",
    "air field",
    "airfield",
    "airport",
    "field",
    "islands",
    "island",
    "isle",
    "bay",
    "castle",
    "palace",
    "city",
    "province",
    "harbour",
    "harbor",
];

/// At most this many variants are returned, the name itself included.
const MAX_VARIANTS: usize = 12;

/// Names to try for `name`, best first: the name itself, then simpler
/// forms, each rule applied to every form found so far.
///
/// The rules, in order:
/// - a list is split into its items: "Tel Aviv, Jerusalem", "Tokyo and
///   Kyoto", "Oslo; Bergen", "Haifa/Acre";
/// - a parenthetical is dropped, then tried on its own: "Halifax (Nova
///   Scotia)" gives "Halifax", then "Nova Scotia"; "Mumbai (Bombay)" gives
///   "Mumbai", then "Bombay";
/// - a compass or similar prefix is dropped: "West Berlin", "Old Delhi";
/// - a facility prefix is dropped: "Camp Doha";
/// - a facility or feature suffix is dropped: "Ramstein Air Force Base",
///   "Cheju Island", "Cam Ranh Bay", "Windsor Castle", "Djibouti City".
///
/// A rule never leaves an empty name, and words are only removed whole
/// ("Westminster" stays). Matching is the caller's business: these are
/// candidates, not places.
///
/// ```
/// use legation::gazetteer::name_variants;
/// assert_eq!(name_variants("West Berlin"), ["West Berlin", "Berlin"]);
/// ```
pub fn name_variants(name: &str) -> Vec<String> {
    let mut variants: Vec<String> = Vec::new();
    push_variant(&mut variants, name);
    let mut next = 0;
    while next < variants.len() && variants.len() < MAX_VARIANTS {
        let current = variants[next].clone();
        next += 1;
        for item in list_items(&current) {
            push_variant(&mut variants, item);
        }
        if let Some((outside, inside)) = split_parenthetical(&current) {
            push_variant(&mut variants, &outside);
            push_variant(&mut variants, inside);
        }
        for rest in [
            strip_prefix_word(&current, COMPASS_PREFIXES),
            strip_prefix_word(&current, FACILITY_PREFIXES),
            strip_suffix_words(&current, FACILITY_SUFFIXES),
        ]
        .into_iter()
        .flatten()
        {
            push_variant(&mut variants, rest);
        }
    }
    variants.truncate(MAX_VARIANTS);
    variants
}

/// Adds `candidate`, tidied, unless it is empty or already there.
fn push_variant(variants: &mut Vec<String>, candidate: &str) {
    let tidy = candidate
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_matches(|c: char| matches!(c, ',' | ';' | '/' | '-' | '.' | ':'))
        .trim()
        .to_owned();
    if !tidy.is_empty() && !variants.contains(&tidy) {
        variants.push(tidy);
    }
}

/// The items of a list written with commas, semicolons, slashes, "and" or
/// "&"; empty when `name` is not a list. Brackets are left alone.
fn list_items(name: &str) -> Vec<&str> {
    if name.contains(['(', '[']) {
        return Vec::new();
    }
    let mut items = vec![name];
    for separator in [",", ";", "/", " and ", " & "] {
        items = items
            .into_iter()
            .flat_map(|item| item.split(separator))
            .map(str::trim)
            .filter(|item| !item.is_empty())
            .collect();
    }
    if items.len() > 1 { items } else { Vec::new() }
}

/// "Halifax (Nova Scotia)" as ("Halifax", "Nova Scotia"); `None` without a
/// bracketed part. Square brackets count too.
fn split_parenthetical(name: &str) -> Option<(String, &str)> {
    let (open, close) = if name.contains('(') {
        ('(', ')')
    } else {
        ('[', ']')
    };
    let start = name.find(open)?;
    let end = name[start..]
        .find(close)
        .map_or(name.len(), |end| start + end);
    let inside = name[start + 1..end].trim();
    let after = name.get(end + 1..).unwrap_or("");
    let outside = format!("{} {}", name[..start].trim(), after.trim());
    Some((outside, inside))
}

/// `name` without its first word when that word is one of `words`
/// (compared case-insensitively) and something is left.
fn strip_prefix_word<'a>(name: &'a str, words: &[&str]) -> Option<&'a str> {
    let (first, rest) = name.split_once(char::is_whitespace)?;
    let rest = rest.trim();
    let known = words.iter().any(|word| first.eq_ignore_ascii_case(word));
    (known && !rest.is_empty()).then_some(rest)
}

/// `name` without a trailing phrase from `phrases` (compared
/// case-insensitively, whole words only) when something is left.
fn strip_suffix_words<'a>(name: &'a str, phrases: &[&str]) -> Option<&'a str> {
    phrases.iter().find_map(|phrase| {
        let start = name.len().checked_sub(phrase.len())?;
        let tail = name.get(start..)?;
        let head = name[..start].strip_suffix(char::is_whitespace)?.trim_end();
        (tail.eq_ignore_ascii_case(phrase) && !head.is_empty()).then_some(head)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_itself_comes_first_and_alone_when_nothing_applies() {
        assert_eq!(name_variants("Pyongyang"), ["Pyongyang"]);
        assert_eq!(name_variants("  Pyongyang  "), ["Pyongyang"]);
        assert!(name_variants("").is_empty());
        assert!(name_variants(" , ").is_empty());
    }

    #[test]
    fn parentheticals_are_dropped_then_tried_alone() {
        assert_eq!(
            name_variants("Halifax (Nova Scotia)"),
            ["Halifax (Nova Scotia)", "Halifax", "Nova Scotia"]
        );
        assert_eq!(
            name_variants("Mumbai (Bombay)"),
            ["Mumbai (Bombay)", "Mumbai", "Bombay"]
        );
        assert_eq!(
            name_variants("Gaza [Strip"),
            ["Gaza [Strip", "Gaza", "Strip"]
        );
    }

    #[test]
    fn lists_give_their_items_in_order() {
        assert_eq!(
            name_variants("Tel Aviv, Jerusalem, Sde Boker"),
            [
                "Tel Aviv, Jerusalem, Sde Boker",
                "Tel Aviv",
                "Jerusalem",
                "Sde Boker"
            ]
        );
        assert_eq!(
            name_variants("Tokyo and Kyoto"),
            ["Tokyo and Kyoto", "Tokyo", "Kyoto"]
        );
        assert_eq!(name_variants("Haifa/Acre"), ["Haifa/Acre", "Haifa", "Acre"]);
    }

    #[test]
    fn compass_prefixes_are_dropped() {
        assert_eq!(name_variants("West Berlin"), ["West Berlin", "Berlin"]);
        assert_eq!(
            name_variants("east jerusalem"),
            ["east jerusalem", "jerusalem"]
        );
        // Only whole words, and never the whole name.
        assert_eq!(name_variants("Westminster"), ["Westminster"]);
        assert_eq!(name_variants("North"), ["North"]);
    }

    #[test]
    fn facility_words_are_dropped() {
        assert_eq!(
            name_variants("Ramstein Air Force Base"),
            ["Ramstein Air Force Base", "Ramstein"]
        );
        assert_eq!(
            name_variants("Prince Sultan Air Base"),
            ["Prince Sultan Air Base", "Prince Sultan"]
        );
        assert_eq!(
            name_variants("Naval Air Station Sigonella"),
            ["Naval Air Station Sigonella"]
        );
        assert_eq!(name_variants("Cheju Island"), ["Cheju Island", "Cheju"]);
        assert_eq!(name_variants("Cam Ranh Bay"), ["Cam Ranh Bay", "Cam Ranh"]);
        assert_eq!(name_variants("Camp Doha"), ["Camp Doha", "Doha"]);
        assert_eq!(
            name_variants("Djibouti City"),
            ["Djibouti City", "Djibouti"]
        );
        // Whole words only: "Mansfield" is no "Mans" field.
        assert_eq!(name_variants("Mansfield"), ["Mansfield"]);
        assert_eq!(name_variants("Island"), ["Island"]);
    }

    #[test]
    fn rules_combine() {
        assert_eq!(
            name_variants("Terceira Island (Azores)"),
            [
                "Terceira Island (Azores)",
                "Terceira Island",
                "Azores",
                "Terceira"
            ]
        );
        assert_eq!(
            name_variants("Seoul, Camp Bonifas"),
            ["Seoul, Camp Bonifas", "Seoul", "Camp Bonifas", "Bonifas"]
        );
        assert_eq!(
            name_variants("Lajes Field (The Azores)"),
            [
                "Lajes Field (The Azores)",
                "Lajes Field",
                "The Azores",
                "Lajes"
            ]
        );
    }

    #[test]
    fn there_are_never_too_many_variants() {
        let long = "A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P";
        assert_eq!(name_variants(long).len(), MAX_VARIANTS);
    }
}
