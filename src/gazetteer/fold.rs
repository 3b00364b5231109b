//! Lookup keys: place names folded to lowercase ASCII-ish words, so that
//! "São Paulo", "Sao Paulo" and "SAO-PAULO" are one key.
//!
//! Folding lowercases, strips diacritics with a small table (Latin-1,
//! Latin Extended-A/B and the Vietnamese letters; no normalisation crate),
//! drops apostrophes and dots ("N'Djamena" = "Ndjamena", "U.S." = "US"),
//! turns other punctuation into spaces, and spells out the abbreviations
//! "St", "Ste", "Mt" and "Ft". Letters of other scripts pass through
//! lowercased.

/// Folds `name` into its lookup key (see the module docs).
///
/// ```
/// use legation::gazetteer::fold;
/// assert_eq!(fold("São Paulo"), "sao paulo");
/// assert_eq!(fold("St. John's"), "saint johns");
/// ```
pub fn fold(name: &str) -> String {
    let mut key = String::with_capacity(name.len());
    fold_into(name, &mut key);
    key
}

/// Like [`fold`], but writes into `key` (cleared first) to reuse its buffer.
pub fn fold_into(name: &str, key: &mut String) {
    key.clear();
    let mut word = Word::default();
    for ch in name.chars() {
        match ch {
            'a'..='z' | '0'..='9' => {
                word.open(key);
                key.push(ch);
            }
            'A'..='Z' => {
                word.open(key);
                key.push(ch.to_ascii_lowercase());
            }
            '&' => {
                word.boundary = true;
                word.open(key);
                key.push_str("and");
                word.boundary = true;
            }
            _ if is_silent(ch) => {}
            _ if ch.is_ascii() || ch.is_whitespace() || is_punctuation(ch) => word.boundary = true,
            _ => match folded(ch) {
                Some(ascii) => {
                    word.open(key);
                    key.push_str(ascii);
                }
                None if ch.is_alphanumeric() => {
                    word.open(key);
                    key.extend(ch.to_lowercase());
                }
                None => word.boundary = true,
            },
        }
    }
    expand_abbreviation(key, word.start);
}

/// Where the word being written starts, and whether a boundary came since
/// its last letter.
#[derive(Default)]
struct Word {
    start: usize,
    boundary: bool,
}

impl Word {
    /// Before writing a letter: after a boundary, ends the previous word and
    /// starts a new one (no space at the very start).
    fn open(&mut self, key: &mut String) {
        if self.boundary {
            self.boundary = false;
            if !key.is_empty() {
                expand_abbreviation(key, self.start);
                key.push(' ');
                self.start = key.len();
            }
        }
    }
}

/// Characters that vanish without splitting words: apostrophes, dots and
/// combining diacritics.
fn is_silent(ch: char) -> bool {
    matches!(
        ch,
        '\'' | '.' | '`' | '´' | '‘' | '’' | 'ʹ' | 'ʻ' | 'ʼ' | 'ʽ' | 'ʾ' | 'ʿ' | 'ˈ'
    ) || ('\u{300}'..='\u{36f}').contains(&ch)
}

/// General punctuation, dashes and spaces outside ASCII.
fn is_punctuation(ch: char) -> bool {
    ('\u{2000}'..='\u{206f}').contains(&ch)
        || matches!(ch, '\u{a0}' | '«' | '»' | '·' | '¿' | '¡' | '×' | '÷')
}

/// Spells out the word from `start` to the end of `key` if it is "st",
/// "ste", "mt" or "ft".
fn expand_abbreviation(key: &mut String, start: usize) {
    let expansion = match key.get(start..) {
        Some("st") => "saint",
        Some("ste") => "sainte",
        Some("mt") => "mount",
        Some("ft") => "fort",
        _ => return,
    };
    key.truncate(start);
    key.push_str(expansion);
}

/// The ASCII letters a Latin letter with diacritics folds to.
///
/// Ranges of consecutive code points that share a base letter, sorted; the
/// Unicode blocks keep upper and lower case next to each other, so one
/// range covers both.
fn folded(ch: char) -> Option<&'static str> {
    let code = u32::from(ch);
    let index = FOLDS.partition_point(|&(_, last, _)| last < code);
    let &(first, last, ascii) = FOLDS.get(index)?;
    (first <= code && code <= last).then_some(ascii)
}

/// `(first, last, ascii)`: every code point in `first..=last` folds to `ascii`.
const FOLDS: &[(u32, u32, &str)] = &[
    // Latin-1 Supplement.
    (0xAA, 0xAA, "a"),
    (0xBA, 0xBA, "o"),
    (0xC0, 0xC5, "a"),
    (0xC6, 0xC6, "ae"),
    (0xC7, 0xC7, "c"),
    (0xC8, 0xCB, "e"),
    (0xCC, 0xCF, "i"),
    (0xD0, 0xD0, "d"),
    (0xD1, 0xD1, "n"),
    (0xD2, 0xD6, "o"),
    (0xD8, 0xD8, "o"),
    (0xD9, 0xDC, "u"),
    (0xDD, 0xDD, "y"),
    (0xDE, 0xDE, "th"),
    (0xDF, 0xDF, "ss"),
    (0xE0, 0xE5, "a"),
    (0xE6, 0xE6, "ae"),
    (0xE7, 0xE7, "c"),
    (0xE8, 0xEB, "e"),
    (0xEC, 0xEF, "i"),
    (0xF0, 0xF0, "d"),
    (0xF1, 0xF1, "n"),
    (0xF2, 0xF6, "o"),
    (0xF8, 0xF8, "o"),
    (0xF9, 0xFC, "u"),
    (0xFD, 0xFD, "y"),
    (0xFE, 0xFE, "th"),
    (0xFF, 0xFF, "y"),
    // Latin Extended-A.
    (0x100, 0x105, "a"),
    (0x106, 0x10D, "c"),
    (0x10E, 0x111, "d"),
    (0x112, 0x11B, "e"),
    (0x11C, 0x123, "g"),
    (0x124, 0x127, "h"),
    (0x128, 0x131, "i"),
    (0x132, 0x133, "ij"),
    (0x134, 0x135, "j"),
    (0x136, 0x138, "k"),
    (0x139, 0x142, "l"),
    (0x143, 0x148, "n"),
    (0x149, 0x149, "n"),
    (0x14A, 0x14B, "n"),
    (0x14C, 0x151, "o"),
    (0x152, 0x153, "oe"),
    (0x154, 0x159, "r"),
    (0x15A, 0x161, "s"),
    (0x162, 0x167, "t"),
    (0x168, 0x173, "u"),
    (0x174, 0x175, "w"),
    (0x176, 0x178, "y"),
    (0x179, 0x17E, "z"),
    (0x17F, 0x17F, "s"),
    // Latin Extended-B: the letters place names use.
    (0x180, 0x181, "b"),
    (0x186, 0x186, "o"),
    (0x189, 0x18A, "d"),
    (0x18F, 0x190, "e"),
    (0x191, 0x192, "f"),
    (0x197, 0x197, "i"),
    (0x19D, 0x19D, "n"),
    (0x1A0, 0x1A1, "o"),
    (0x1AF, 0x1B0, "u"),
    (0x1B5, 0x1B6, "z"),
    (0x1C4, 0x1C6, "dz"),
    (0x1C7, 0x1C9, "lj"),
    (0x1CA, 0x1CC, "nj"),
    (0x1CD, 0x1CE, "a"),
    (0x1CF, 0x1D0, "i"),
    (0x1D1, 0x1D2, "o"),
    (0x1D3, 0x1DC, "u"),
    (0x1DE, 0x1E1, "a"),
    (0x1E2, 0x1E3, "ae"),
    (0x1E4, 0x1E7, "g"),
    (0x1E8, 0x1E9, "k"),
    (0x1EA, 0x1ED, "o"),
    (0x1F0, 0x1F0, "j"),
    (0x1F1, 0x1F3, "dz"),
    (0x1F4, 0x1F5, "g"),
    (0x1F8, 0x1F9, "n"),
    (0x1FA, 0x1FB, "a"),
    (0x1FC, 0x1FD, "ae"),
    (0x1FE, 0x1FF, "o"),
    (0x200, 0x203, "a"),
    (0x204, 0x207, "e"),
    (0x208, 0x20B, "i"),
    (0x20C, 0x20F, "o"),
    (0x210, 0x213, "r"),
    (0x214, 0x217, "u"),
    (0x218, 0x219, "s"),
    (0x21A, 0x21B, "t"),
    (0x21E, 0x21F, "h"),
    (0x226, 0x227, "a"),
    (0x228, 0x229, "e"),
    (0x22A, 0x231, "o"),
    (0x232, 0x233, "y"),
    // IPA letters that African and Azerbaijani spellings use.
    (0x253, 0x253, "b"),
    (0x254, 0x254, "o"),
    (0x256, 0x257, "d"),
    (0x259, 0x259, "e"),
    (0x25B, 0x25B, "e"),
    (0x268, 0x268, "i"),
    (0x272, 0x272, "n"),
    // Latin Extended Additional: transliterations ("Ṣanʿāʾ") and Vietnamese.
    (0x1E00, 0x1E01, "a"),
    (0x1E02, 0x1E07, "b"),
    (0x1E08, 0x1E09, "c"),
    (0x1E0A, 0x1E13, "d"),
    (0x1E14, 0x1E1D, "e"),
    (0x1E1E, 0x1E1F, "f"),
    (0x1E20, 0x1E21, "g"),
    (0x1E22, 0x1E2B, "h"),
    (0x1E2C, 0x1E2F, "i"),
    (0x1E30, 0x1E35, "k"),
    (0x1E36, 0x1E3D, "l"),
    (0x1E3E, 0x1E43, "m"),
    (0x1E44, 0x1E4B, "n"),
    (0x1E4C, 0x1E53, "o"),
    (0x1E54, 0x1E57, "p"),
    (0x1E58, 0x1E5F, "r"),
    (0x1E60, 0x1E69, "s"),
    (0x1E6A, 0x1E71, "t"),
    (0x1E72, 0x1E7B, "u"),
    (0x1E7C, 0x1E7F, "v"),
    (0x1E80, 0x1E89, "w"),
    (0x1E8A, 0x1E8D, "x"),
    (0x1E8E, 0x1E8F, "y"),
    (0x1E90, 0x1E95, "z"),
    (0x1E96, 0x1E96, "h"),
    (0x1E97, 0x1E97, "t"),
    (0x1E98, 0x1E98, "w"),
    (0x1E99, 0x1E99, "y"),
    (0x1E9A, 0x1E9A, "a"),
    (0x1E9B, 0x1E9B, "s"),
    (0x1E9E, 0x1E9E, "ss"),
    (0x1EA0, 0x1EB7, "a"),
    (0x1EB8, 0x1EC7, "e"),
    (0x1EC8, 0x1ECB, "i"),
    (0x1ECC, 0x1EE3, "o"),
    (0x1EE4, 0x1EF1, "u"),
    (0x1EF2, 0x1EF9, "y"),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_diacritics() {
        assert_eq!(fold("São Paulo"), fold("Sao Paulo"));
        assert_eq!(fold("Hồ Chí Minh"), "ho chi minh");
        assert_eq!(fold("Thành phố Hồ Chí Minh"), "thanh pho ho chi minh");
        assert_eq!(fold("Kraków"), "krakow");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Tromsø"), "tromso");
        assert_eq!(fold("Düsseldorf"), fold("Dusseldorf"));
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Đà Nẵng"), "da nang");
        assert_eq!(fold("Bucureşti"), fold("București"));
        assert_eq!(fold("Reykjavík"), "reykjavik");
        assert_eq!(fold("Þórshöfn"), "thorshofn");
        assert_eq!(fold("Bakı"), "baki");
        assert_eq!(fold("Ṣanʿāʾ"), "sana");
        assert_eq!(fold("MOSCOW"), "moscow");
    }

    #[test]
    fn combining_accents_fold_like_precomposed_ones() {
        // "é" written as "e" + U+0301 COMBINING ACUTE ACCENT.
        assert_eq!(fold("Bogote\u{301}"), fold("Bogoté"));
        assert_eq!(fold("Bogote\u{301}"), "bogote");
    }

    #[test]
    fn punctuation_is_a_word_boundary_or_nothing() {
        assert_eq!(fold("Port-au-Prince"), "port au prince");
        assert_eq!(fold("  Port   au\tPrince "), "port au prince");
        assert_eq!(fold("N'Djamena"), "ndjamena");
        assert_eq!(fold("N’Djamena"), "ndjamena");
        assert_eq!(fold("U.S."), "us");
        assert_eq!(fold("Washington, D.C."), "washington dc");
        assert_eq!(fold("Korea (North)"), fold("Korea, North"));
        assert_eq!(fold("Bosnia & Herzegovina"), "bosnia and herzegovina");
        assert_eq!(fold("Bosnia&Herzegovina"), "bosnia and herzegovina");
        assert_eq!(fold("& Co"), "and co");
        assert_eq!(fold("Trinidad\u{2013}Tobago"), "trinidad tobago");
        assert_eq!(fold(""), "");
        assert_eq!(fold(" -- "), "");
    }

    #[test]
    fn spells_out_saint_mount_and_fort() {
        assert_eq!(fold("St. Petersburg"), "saint petersburg");
        assert_eq!(fold("Saint-Petersburg"), "saint petersburg");
        assert_eq!(fold("Ste-Foy"), "sainte foy");
        assert_eq!(fold("Mt. Vernon"), "mount vernon");
        assert_eq!(fold("Ft. Erie"), "fort erie");
        assert_eq!(fold("Fort St. John"), "fort saint john");
        assert_eq!(fold("St"), "saint");
        // Only whole words: "Stuttgart" and "Mtwara" stay as they are.
        assert_eq!(fold("Stuttgart"), "stuttgart");
        assert_eq!(fold("Mtwara"), "mtwara");
    }

    #[test]
    fn other_scripts_pass_through_lowercased() {
        assert_eq!(fold("Москва"), "москва");
        assert_eq!(fold("東京"), "東京");
    }

    #[test]
    fn fold_table_is_sorted_and_covers_each_code_point_once() {
        for pair in FOLDS.windows(2) {
            let (_, last, _) = pair[0];
            let (first, _, _) = pair[1];
            assert!(last < first, "{pair:?} overlap or are out of order");
        }
        for &(first, last, ascii) in FOLDS {
            assert!(first <= last);
            assert!(ascii.bytes().all(|b| b.is_ascii_lowercase()));
        }
    }

    #[test]
    fn every_folded_letter_of_the_table_is_really_that_letter() {
        // Each folded character's own lowercase form must start with the
        // same base letter when its diacritics are ignored: a spot check that
        // the ranges are aligned with the Unicode blocks.
        let samples = [
            ('Ā', "a"),
            ('ą', "a"),
            ('Č', "c"),
            ('đ', "d"),
            ('ě', "e"),
            ('Ğ', "g"),
            ('ħ', "h"),
            ('İ', "i"),
            ('ı', "i"),
            ('ķ', "k"),
            ('Ľ', "l"),
            ('ł', "l"),
            ('ň', "n"),
            ('Ő', "o"),
            ('œ', "oe"),
            ('ř', "r"),
            ('Ş', "s"),
            ('š', "s"),
            ('ţ', "t"),
            ('ů', "u"),
            ('ŵ', "w"),
            ('Ÿ', "y"),
            ('ž', "z"),
            ('ơ', "o"),
            ('Ư', "u"),
            ('ǎ', "a"),
            ('ǐ', "i"),
            ('ǒ', "o"),
            ('ǜ', "u"),
            ('ș', "s"),
            ('Ț', "t"),
            ('ə', "e"),
            ('ḍ', "d"),
            ('ḥ', "h"),
            ('ṃ', "m"),
            ('ṇ', "n"),
            ('ṛ', "r"),
            ('ṣ', "s"),
            ('ṭ', "t"),
            ('ẓ', "z"),
            ('ạ', "a"),
            ('ặ', "a"),
            ('ẹ', "e"),
            ('ệ', "e"),
            ('ỉ', "i"),
            ('ọ', "o"),
            ('ợ', "o"),
            ('ụ', "u"),
            ('ự', "u"),
            ('ỳ', "y"),
            ('ỹ', "y"),
        ];
        for (ch, ascii) in samples {
            assert_eq!(folded(ch), Some(ascii), "{ch} (U+{:04X})", u32::from(ch));
        }
        assert_eq!(folded('a'), None);
        assert_eq!(folded('ж'), None);
    }
}
