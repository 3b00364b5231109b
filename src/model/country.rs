//! ISO 3166-1 alpha-2 country codes: the one way a dataset names a country.
//!
//! The list of assigned codes lives here (not in the gazetteer) so that a
//! dataset can be validated without loading any place data.

use std::fmt;

/// An ISO 3166-1 alpha-2 country code such as `KP`, validated on creation.
///
/// Includes `XK` (Kosovo, user-assigned but universal in practice) and the
/// transitional codes `AN` and `CS` that historical records still use.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

/// Every code [`CountryCode::parse`] accepts, sorted, two letters each.
const ASSIGNED: &str = "AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CS CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XK YE YT ZA ZM ZW";

/// The position of a pair of uppercase letters among all 26 × 26.
const fn letter_pair_slot(code: [u8; 2]) -> Option<usize> {
    if code[0].is_ascii_uppercase() && code[1].is_ascii_uppercase() {
        Some((code[0] - b'A') as usize * 26 + (code[1] - b'A') as usize)
    } else {
        None
    }
}

/// [`ASSIGNED`] as a set of [`letter_pair_slot`]s, built when compiling.
const ASSIGNED_SLOTS: [u64; 11] = {
    let assigned = ASSIGNED.as_bytes();
    let mut slots = [0u64; 11];
    let mut at = 0;
    while at + 1 < assigned.len() {
        if let Some(slot) = letter_pair_slot([assigned[at], assigned[at + 1]]) {
            slots[slot / 64] |= 1 << (slot % 64);
        }
        at += 3;
    }
    slots
};

impl CountryCode {
    /// Parses an assigned code, case-insensitively (`"kp"` is `KP`).
    ///
    /// Returns `None` for anything that is not an assigned alpha-2 code.
    pub fn parse(text: &str) -> Option<Self> {
        let [a, b] = <[u8; 2]>::try_from(text.as_bytes()).ok()?;
        let code = [a.to_ascii_uppercase(), b.to_ascii_uppercase()];
        // A bit per pair of letters: a million records each name a few
        // countries, and one lookup beats a search.
        let slot = letter_pair_slot(code)?;
        (ASSIGNED_SLOTS[slot / 64] & (1 << (slot % 64)) != 0).then_some(Self(code))
    }

    /// The code as two uppercase letters.
    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII uppercase letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }

    /// Every assigned code, in alphabetical order.
    pub fn all() -> impl Iterator<Item = Self> {
        ASSIGNED
            .as_bytes()
            .chunks(3)
            .map(|chunk| Self([chunk[0], chunk[1]]))
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "CountryCode({})", self.as_str())
    }
}

impl serde::Serialize for CountryCode {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_assigned_codes_case_insensitively() {
        assert_eq!(CountryCode::parse("kp").unwrap().as_str(), "KP");
        assert_eq!(CountryCode::parse("US").unwrap().to_string(), "US");
        assert_eq!(CountryCode::parse("XK").unwrap().as_str(), "XK");
    }

    #[test]
    fn rejects_unassigned_and_malformed_codes() {
        for bad in ["ZZ", "QQ", "K", "KPR", "", "1A", "ĸP"] {
            assert!(
                CountryCode::parse(bad).is_none(),
                "{bad:?} should be rejected"
            );
        }
    }

    #[test]
    fn all_lists_every_code_once_in_order() {
        let all: Vec<_> = CountryCode::all().collect();
        assert!(all.len() > 240);
        assert!(all.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(
            all.iter()
                .all(|code| CountryCode::parse(code.as_str()) == Some(*code))
        );
    }
}
