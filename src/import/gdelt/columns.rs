//! Where each field sits in a GDELT event row: the 1.0 layout (57 columns
//! in the backfiles, 58 with `SOURCEURL` in the daily files) and the 2.0
//! layout (61 columns: three `ADM2Code` columns shift everything after
//! each actor's and the action's `ADM1Code`).
//!
//! The layouts follow GDELT's event codebooks (1.0, and 2.0 of 2015).

/// The column of each field this importer reads, 0-based.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Columns {
    /// How many columns a row of this layout has.
    pub width: usize,
    /// `GLOBALEVENTID`.
    pub id: usize,
    /// `SQLDATE` (1.0) or `Day` (2.0): `YYYYMMDD`.
    pub date: usize,
    /// `Actor1Code`, `Actor1Name`, `Actor1CountryCode` (CAMEO, three letters).
    pub actor1: Actor,
    /// The same for Actor2.
    pub actor2: Actor,
    /// `EventCode`: the full CAMEO code, `042` or `0841`.
    pub event_code: usize,
    /// `EventRootCode`: its first two digits.
    pub root_code: usize,
    /// `GoldsteinScale`: -10 (conflict) to +10 (cooperation).
    pub goldstein: usize,
    /// `NumMentions`.
    pub mentions: usize,
    /// `ActionGeo_Type`: 0 none, 1 country, 2 US state, 3 US city, 4 world
    /// city, 5 world state.
    pub geo_type: usize,
    /// `ActionGeo_FullName`: `Kabul, Kabul, Afghanistan`.
    pub geo_name: usize,
    /// `ActionGeo_CountryCode`: FIPS 10-4.
    pub geo_country: usize,
    /// `ActionGeo_Lat`.
    pub geo_lat: usize,
    /// `ActionGeo_Long`.
    pub geo_lon: usize,
    /// `DATEADDED`: `YYYYMMDD` (1.0) or `YYYYMMDDHHMMSS` (2.0).
    pub date_added: usize,
    /// `SOURCEURL`, absent from the 57-column backfiles.
    pub source_url: Option<usize>,
}

/// The columns of one actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Actor {
    /// `ActorNCode`: `USAGOV`.
    pub code: usize,
    /// `ActorNName`: `UNITED STATES`.
    pub name: usize,
    /// `ActorNCountryCode`: `USA`.
    pub country: usize,
}

const ACTOR1: Actor = Actor {
    code: 5,
    name: 6,
    country: 7,
};
const ACTOR2: Actor = Actor {
    code: 15,
    name: 16,
    country: 17,
};

/// GDELT 1.0 with `SOURCEURL`: the daily files since April 2013.
pub const V1: Columns = Columns {
    width: 58,
    id: 0,
    date: 1,
    actor1: ACTOR1,
    actor2: ACTOR2,
    event_code: 26,
    root_code: 28,
    goldstein: 30,
    mentions: 31,
    geo_type: 49,
    geo_name: 50,
    geo_country: 51,
    geo_lat: 53,
    geo_lon: 54,
    date_added: 56,
    source_url: Some(57),
};

/// GDELT 1.0 backfiles (1979 to March 2013): no `SOURCEURL`.
pub const V1_BACKFILE: Columns = Columns {
    width: 57,
    source_url: None,
    ..V1
};

/// GDELT 2.0, the 15-minute files: `ActorNGeo_ADM2Code` at 39 and 47 and
/// `ActionGeo_ADM2Code` at 55 shift the geography and what follows it.
pub const V2: Columns = Columns {
    width: 61,
    geo_type: 51,
    geo_name: 52,
    geo_country: 53,
    geo_lat: 56,
    geo_lon: 57,
    date_added: 59,
    source_url: Some(60),
    ..V1
};

impl Columns {
    /// The layout of a row with `width` columns, if it is one of GDELT's.
    pub fn for_width(width: usize) -> Option<&'static Self> {
        [&V1_BACKFILE, &V1, &V2]
            .into_iter()
            .find(|columns| columns.width == width)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_layout_ends_at_its_last_column() {
        for columns in [&V1_BACKFILE, &V1, &V2] {
            let last = columns.source_url.unwrap_or(columns.date_added);
            assert_eq!(last, columns.width - 1, "{columns:?}");
        }
    }

    #[test]
    fn version_2_shifts_only_what_follows_the_adm2_columns() {
        // Before Actor1Geo nothing moves.
        assert_eq!(V2.event_code, V1.event_code);
        assert_eq!(V2.mentions, V1.mentions);
        // ActionGeo_Type moves by two (Actor1Geo_ADM2Code, Actor2Geo_ADM2Code),
        // its lat/long by three (ActionGeo_ADM2Code too).
        assert_eq!(V2.geo_type, V1.geo_type + 2);
        assert_eq!(V2.geo_country, V1.geo_country + 2);
        assert_eq!(V2.geo_lat, V1.geo_lat + 3);
        assert_eq!(V2.source_url, Some(60));
    }

    #[test]
    fn widths_pick_layouts() {
        assert_eq!(Columns::for_width(57), Some(&V1_BACKFILE));
        assert_eq!(Columns::for_width(58), Some(&V1));
        assert_eq!(Columns::for_width(61), Some(&V2));
        assert_eq!(Columns::for_width(60), None);
    }
}
