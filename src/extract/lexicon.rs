//! The words the rules know: titles, organisations, travel verbs, cues of
//! the future and of cancellation, event words, landmarks, well-known
//! leaders. Each word gets its [`Flags`] once, by one hash lookup.
//!
//! Lists, not logic: extending the extractor to a new phrasing usually
//! means adding a word here.

use std::collections::HashMap;
use std::sync::OnceLock;

/// What a word can be, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Flags(u32);

impl Flags {
    /// "the", "in", "after": never part of a name.
    pub const FUNCTION: Self = Self(1);
    /// "Party", "Agency", "Hall": a capitalised run holding one names an
    /// organisation, a building or an event, not a person.
    pub const ORG: Self = Self(1 << 1);
    /// "president", "minister", "leader": the head of a title.
    pub const TITLE_HEAD: Self = Self(1 << 2);
    /// "prime", "foreign", "deputy": words that build a title.
    pub const TITLE_PART: Self = Self(1 << 3);
    /// "delegation", "officials": a group that travels.
    pub const GROUP: Self = Self(1 << 4);
    /// "capital", "city", "town": after a demonym, a place.
    pub const PLACE_NOUN: Self = Self(1 << 5);
    /// "da", "bin", "von": inside names.
    pub const PARTICLE: Self = Self(1 << 6);
    /// "in", "of", "with": a person right after one is no subject.
    pub const PREPOSITION: Self = Self(1 << 7);
    /// "could", "possible", "plans": the trip may not happen.
    pub const HYPOTHETICAL: Self = Self(1 << 8);
    /// "cancelled", "postponed", "called": the trip did not happen.
    pub const CANCELLED: Self = Self(1 << 9);
    /// "he", "she", "they", "who".
    pub const PRONOUN: Self = Self(1 << 10);
    /// "met", "greeted", "told": a person right after one is an object.
    pub const OBJECT_VERB: Self = Self(1 << 11);
    /// "on to", "then", "onward": a leg of a longer journey.
    pub const CHAIN: Self = Self(1 << 12);
    /// "not", "never", "no": negation.
    pub const NEGATION: Self = Self(1 << 13);
    /// "former", "late": a title that no longer holds.
    pub const FORMER: Self = Self(1 << 14);
    /// "UN", "AP", "EU": an organisation only when written in capitals.
    pub const ACRONYM: Self = Self(1 << 15);

    /// These flags without those of `other`.
    #[must_use]
    pub fn without(self, other: Self) -> Self {
        Self(self.0 & !other.0)
    }

    /// Whether every bit of `other` is set.
    pub fn has(self, other: Self) -> bool {
        self.0 & other.0 == other.0
    }

    fn add(&mut self, other: Self) {
        self.0 |= other.0;
    }
}

#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "as", "after", "before", "when",
    "while", "since", "for", "with", "by", "from", "to", "of", "it", "its", "he", "she", "they",
    "his", "her", "their", "this", "that", "these", "those", "there", "here", "what", "who",
    "whom", "which", "where", "why", "how", "if", "then", "than", "so", "yet", "also", "both",
    "all", "some", "many", "most", "more", "few", "no", "not", "only", "even", "still", "asked",
    "according", "despite", "during", "under", "over", "about", "among", "between", "into",
    "through", "until", "upon", "meanwhile", "however", "although", "though", "because", "last",
    "earlier", "later", "now", "today", "yesterday", "tomorrow", "we", "i", "you", "our", "my",
    "your", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "several", "every", "each", "other", "another", "such", "just", "like", "unlike", "amid",
    "without", "against", "toward", "towards", "via", "per", "across", "around", "near", "outside",
    "inside", "beyond", "within", "following", "including", "speaking", "writing", "reporting",
    "accompanying", "welcoming", "travelling", "traveling", "joining", "greeting", "addressing",
    "receiving", "hosting", "representing",
    "additional", "source", "sources", "photo", "video", "image", "file", "read", "watch",
    "related", "see", "editing", "analysis", "opinion", "explainer", "live", "updated",
    "published", "posted", "breaking", "exclusive", "first", "next", "new", "old", "big", "top",
    "why", "inside", "meet", "little", "much", "whether",
];

#[rustfmt::skip]
const ORG_WORDS: &[&str] = &[
    "party", "parti", "partido", "partei", "movement", "mouvement", "movimiento", "front",
    "frente", "presidency", "secretariat", "electronics", "motors", "industries", "holdings", "petroleum", "agency", "ministry", "council", "union", "nations", "news", "times", "post", "press",
    "house", "hall", "committee", "congress", "assembly", "army", "navy", "force", "forces",
    "fleet", "bank", "group", "organization", "organisation", "summit", "university", "institute",
    "center", "centre", "airport", "palace", "square", "street", "hotel", "day", "war", "channel",
    "telegram", "station", "cosmodrome", "company", "corporation", "association", "federation",
    "office", "department", "court", "parliament", "senate", "cabinet", "government",
    "administration", "embassy", "foundation", "fund", "commission", "alliance", "forum", "games",
    "cup", "olympics", "treaty", "accord", "pact", "declaration", "initiative", "program",
    "programme", "project", "road", "belt", "bridge", "tower", "museum", "cathedral", "church",
    "temple", "mosque", "mausoleum", "cemetery", "stadium", "people", "people's", "republic",
    "kingdom", "empire", "states", "region", "province", "oblast", "district", "east", "west",
    "peninsula", "sea", "ocean", "strait", "river", "lake", "island", "islands", "mountain",
    "mountains", "valley", "coast", "border", "zone", "airlines", "airways", "express", "railway",
    "media", "television", "tv", "radio", "network", "daily", "herald", "journal", "tribune",
    "reuters", "afp", "ap", "kcna", "xinhua", "tass", "yonhap", "ria", "bbc", "cnn", "pentagon",
    "kremlin", "one", "seven", "twenty", "eight", "plaza", "avenue", "gate", "base", "port",
    "harbour", "harbor", "school", "college", "academy", "hospital", "club", "council's",
    "service", "services", "guard", "police", "authority", "bureau", "reserve", "exchange",
    "market", "index", "inc", "ltd", "corp", "co", "times'", "monument", "memorial", "garden",
    "gardens", "centre's", "north", "south", "central", "western", "eastern", "northern",
    "southern", "council", "security", "communist", "democratic", "liberal", "conservative",
    "labour", "workers", "workers'", "socialist", "national", "international", "global", "world",
    "european", "african", "asian", "pacific", "atlantic", "arab", "islamic", "economic",
    "forum's", "g7", "g20", "g-7", "g-20", "nato", "un", "eu", "asean", "brics", "opec", "imf",
    "wto", "iaea", "covid-19", "covid", "coronavirus", "internet", "twitter", "facebook",
    "instagram", "youtube", "tiktok", "whatsapp", "weibo", "wechat", "al", "jazeera", "associated",
    "standing", "victory", "liberation", "independence", "revolution", "constitution",
];

#[rustfmt::skip]
const TITLE_HEADS: &[&str] = &[
    "president", "minister", "secretary", "chancellor", "premier", "king", "queen", "prince",
    "princess", "emir", "sheikh", "sultan", "leader", "chairman", "chairwoman", "chairperson",
    "chair", "member", "speaker", "envoy", "ambassador", "general", "admiral", "marshal",
    "commander", "chief", "director", "governor", "mayor", "pope", "spokesman", "spokeswoman",
    "spokesperson", "senator", "congressman", "congresswoman", "commissioner", "adviser",
    "advisor", "diplomat", "head", "counterpart", "official", "lawmaker", "lady", "ruler",
    "monarch", "vice-president", "vice-premier", "secretary-general", "president-elect",
    "premier-elect", "dictator", "strongman", "czar", "tsar", "emperor", "empress", "crown",
    "gen.", "adm.", "lt.", "col.", "sen.", "rep.", "gov.", "mr.", "mrs.", "ms.", "dr.", "sir",
    "mr", "mrs", "ms", "dr", "mme", "madam", "messrs", "dame", "taoiseach", "negotiator", "maj",
    "maj.", "brig", "brig.", "colonel", "captain", "capt", "capt.", "lieutenant",
    "representative", "mp", "pm", "fm", "deputy", "successor", "presidents", "ministers",
    "councillor", "councilor", "lt-gen", "maj-gen", "brig-gen", "lt-col", "lt.-gen.",
    "premiers", "chancellors", "kings", "emirs", "archbishop", "patriarch", "cardinal", "bishop",
    "mufti", "rabbi", "catholicos", "aide",
];

#[rustfmt::skip]
const TITLE_PARTS: &[&str] = &[
    "vice", "deputy", "prime", "foreign", "policy", "defence", "defense", "interior", "finance", "trade",
    "economy", "state", "first", "crown", "supreme", "top", "special", "senior", "acting",
    "national", "security", "politburo", "party", "general", "grand", "high", "chief", "executive",
    "presidential", "royal", "de", "facto", "affairs", "home", "treasury", "commerce", "energy",
    "agriculture", "health", "education", "culture", "justice", "economic", "industry",
    "transport", "environment", "labour", "labor", "minister", "secretary", "assistant", "under",
    "permanent", "communist", "central", "military", "army", "navy", "joint", "staff", "chiefs",
    "of", "for", "the", "and", "foreign-policy", "trade", "standing", "committee", "council",
    "parliamentary", "parliament", "cabinet", "government", "opposition", "ruling", "senior",
    "former", "late", "current", "outgoing", "incoming", "new", "then", "longtime", "veteran",
    "powerful", "influential", "relations", "external", "development", "resources", "natural",
    "emergency", "science", "technology", "digital", "veterans", "housing", "planning",
    "investment", "tourism", "fisheries", "water", "mines", "mining", "oil", "petroleum",
    "information", "unification", "communications", "infrastructure", "public", "works", "social",
    "welfare", "youth", "sports", "women", "family", "immigration", "citizenship", "intelligence",
];

#[rustfmt::skip]
const GROUP_NOUNS: &[&str] = &[
    "delegation", "delegations", "group", "team", "mission", "officials", "envoys", "contingent",
    "entourage", "guests", "party",
];

#[rustfmt::skip]
const PLACE_NOUNS: &[&str] = &[
    "capital", "city", "town", "port", "region", "province", "island", "resort", "territory",
    "soil", "village", "frontier", "border", "coast", "enclave", "metropolis", "far", "east",
    "mainland", "peninsula", "hub", "outpost", "spaceport", "cosmodrome", "airport", "airbase",
];

const PARTICLES: &[&str] = &[
    "da", "de", "di", "do", "dos", "das", "del", "della", "bin", "bint", "ibn", "al", "el", "van",
    "von", "der", "den", "le", "la", "du", "ter", "y",
];

#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "of", "with", "by", "for", "to", "from", "at", "in", "on", "against", "about", "between",
    "among", "like", "than", "alongside", "accompanied", "behind", "beside", "besides", "toward",
    "towards", "into", "onto", "upon", "without", "under", "over", "unlike", "whom", "near",
    "via", "amid", "despite", "during",
];

#[rustfmt::skip]
const HYPOTHETICAL: &[&str] = &[
    "could", "would", "might", "may", "should", "can", "will", "shall", "'ll", "possible",
    "possibly", "potential", "potentially", "proposed", "planned", "plans", "plan", "planning",
    "upcoming", "forthcoming", "expected", "expects", "scheduled", "due", "set", "slated",
    "poised", "hopes", "hoped", "hope", "wants", "wanted", "want", "intends", "intended", "intend",
    "aims", "aimed", "considering", "considers", "consider", "mulling", "invited", "invites",
    "invitation", "offered", "offers", "if", "whether", "unless", "rumoured", "rumored",
    "speculation", "speculated", "future", "prepare", "prepares", "preparing", "preparations",
    "ahead", "seeking", "seeks", "sought", "asked", "requested", "urged", "likely", "unlikely",
    "trying", "tried", "attempt", "attempted", "eventual", "prospective", "mooted", "floated",
    "agreed", "promised", "pledged", "vowed", "threatened", "suggested", "proposal", "idea",
    "rumours", "rumors", "denied", "denies", "rejected", "refused", "declined",
];

#[rustfmt::skip]
const CANCELLED: &[&str] = &[
    "cancelled", "canceled", "cancels", "cancel", "cancelling", "canceling", "cancellation",
    "postponed", "postpones", "postpone", "postponement", "called", "calls", "scrapped", "scraps",
    "scrap", "delayed", "delays", "shelved", "suspended", "abandoned", "aborted", "off",
];

const NEGATIONS: &[&str] = &["not", "never", "no", "n't", "without", "nor"];

const PRONOUNS: &[&str] = &["he", "she", "they", "who", "him", "her", "his", "their"];

#[rustfmt::skip]
const OBJECT_VERBS: &[&str] = &[
    "met", "meet", "meets", "meeting", "told", "tells", "greet", "greets", "greeted", "welcome",
    "welcomes", "welcomed", "host", "hosts", "hosted", "hosting", "joined", "join", "joins",
    "invited", "invite", "invites", "thanked", "thanks", "urged", "urges", "called", "saw", "see",
    "sees", "accompanied", "replaced", "succeeded", "receive", "received", "receives", "visited",
    "visit", "visits", "congratulated", "praised", "criticised", "criticized", "accused", "warned",
    "said", "says", "hugged", "embraced", "escorted", "led", "headed", "sent", "dispatched",
    "briefed", "phoned", "called", "named", "appointed", "elected", "swearing-in", "inauguration",
    "funeral", "attended", "with", "ousted", "defeated", "toppled", "overthrew", "beat",
];

#[rustfmt::skip]
const CHAIN_WORDS: &[&str] = &[
    "then", "onward", "onwards", "on", "next", "later", "continued", "continues", "continuing",
    "afterwards", "subsequently", "before", "after",
];

const FORMER: &[&str] = &["former", "late", "ex", "then"];

const ACRONYMS: &[&str] = &[
    "un", "eu", "ap", "afp", "kcna", "nato", "asean", "brics", "opec", "imf", "wto", "iaea", "bbc",
    "cnn", "tass", "ria", "g7", "g20", "g-7", "g-20", "tv", "co",
];

fn table() -> &'static HashMap<&'static str, Flags> {
    static TABLE: OnceLock<HashMap<&'static str, Flags>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let lists: [(&[&str], Flags); 16] = [
            (FUNCTION_WORDS, Flags::FUNCTION),
            (ORG_WORDS, Flags::ORG),
            (TITLE_HEADS, Flags::TITLE_HEAD),
            (TITLE_PARTS, Flags::TITLE_PART),
            (GROUP_NOUNS, Flags::GROUP),
            (PLACE_NOUNS, Flags::PLACE_NOUN),
            (PARTICLES, Flags::PARTICLE),
            (PREPOSITIONS, Flags::PREPOSITION),
            (HYPOTHETICAL, Flags::HYPOTHETICAL),
            (CANCELLED, Flags::CANCELLED),
            (PRONOUNS, Flags::PRONOUN),
            (OBJECT_VERBS, Flags::OBJECT_VERB),
            (CHAIN_WORDS, Flags::CHAIN),
            (NEGATIONS, Flags::NEGATION),
            (FORMER, Flags::FORMER),
            (ACRONYMS, Flags::ACRONYM),
        ];
        let mut table: HashMap<&'static str, Flags> = HashMap::new();
        for (words, flag) in lists {
            for word in words {
                table.entry(word).or_default().add(flag);
            }
        }
        table
    })
}

/// The flags of a word written in lowercase.
pub(crate) fn flags(lower: &str) -> Flags {
    table().get(lower).copied().unwrap_or_default()
}

/// How a verb or noun says that someone travelled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Travel {
    /// "arrived in", "landed at", "touched down in": the place follows a
    /// preposition.
    Arrive,
    /// "travelled to", "flew to", "went to", "headed for", "left for".
    Go,
    /// "visited Moscow", "toured", "reached": the place is the object.
    VisitVerb,
    /// "visit to", "trip to", "tour of": a noun; its traveller may be a
    /// possessive or come after "by".
    VisitNoun,
    /// "was welcomed at", "was greeted in", "was received in": passive
    /// reception; the subject travelled, "by X" is the host.
    Welcomed,
    /// "X hosted Y", "X welcomed Y to": the object travelled to the host.
    Hosted,
    /// "attended the summit in", "joined ... in": the place follows later.
    Attend,
    /// "is joining a group headed by X": X is where the subject is.
    Join,
    /// "met Xi in Beijing", "held talks ... in Beijing": the subject was
    /// there, a visit when it is abroad.
    Meet,
}

/// The travel meaning of a lowercase word, if it has one.
pub(crate) fn travel(lower: &str) -> Option<Travel> {
    Some(match lower {
        "arrived" | "arrives" | "arrive" | "arriving" | "landed" | "lands" | "land" | "landing"
        | "touched" | "spent" | "spends" | "spending" | "gathered" | "gather" | "converged"
        | "assembled" | "stopped" | "ashore" | "disembarked" | "disembarks" | "docked"
        | "docks" => Travel::Arrive,
        "travelled" | "traveled" | "travels" | "travel" | "travelling" | "traveling" | "flew"
        | "flies" | "fly" | "flying" | "flown" | "went" | "goes" | "go" | "going" | "gone"
        | "headed" | "heads" | "heading" | "left" | "leaves" | "leaving" | "departed"
        | "departs" | "departing" | "crossed" | "crosses" | "crossing" | "sailed" | "moved"
        | "continued" | "returned" | "returns" | "returning" | "came" | "comes" | "coming"
        | "drove" | "driven" | "rolled" | "journeyed" => Travel::Go,
        "visited" | "visits" | "visit" | "visiting" | "toured" | "tours" | "touring"
        | "reached" | "reaches" | "reaching" => Travel::VisitVerb,
        "trip" | "trips" | "tour" | "swing" | "journey" | "stopover" | "stop" | "arrival" => {
            Travel::VisitNoun
        }
        "welcomed" | "greeted" | "received" | "met" => Travel::Welcomed,
        "hosted" | "hosts" | "hosting" => Travel::Hosted,
        "attended" | "attends" | "attending" | "addressed" => Travel::Attend,
        "joining" | "joined" | "joins" => Travel::Join,
        _ => return None,
    })
}

/// Verbs of going that do not make a diplomatic visit by themselves:
/// driving or rolling on within a country, coming. (Returning is a visit
/// when it is to another country; going home is no visit anyway.)
pub(crate) fn is_weak_travel(lower: &str) -> bool {
    matches!(
        lower,
        "came" | "comes" | "coming" | "drove" | "driven" | "rolled" | "moved" | "continued"
    )
}

/// A place known by its building or site: the country, and the city to
/// draw it at when it stands in one.
pub(crate) struct Landmark {
    /// The words, lowercase, as written.
    pub name: &'static str,
    /// Its country.
    pub country: &'static str,
    /// The city it stands in, as the gazetteer names it.
    pub city: Option<&'static str>,
}

/// Seats of government and summit venues that news names instead of cities.
pub(crate) const LANDMARKS: &[Landmark] = &[
    landmark("white house", "US", Some("Washington")),
    landmark("camp david", "US", None),
    // Islands and regions summits meet on, that a list of towns lacks or
    // gives another country ("Bali" is also a town in India).
    landmark("bali", "ID", Some("Denpasar")),
    landmark("lombok", "ID", Some("Mataram")),
    landmark("rarotonga", "CK", Some("Avarua")),
    landmark("jeju island", "KR", Some("Jeju")),
    landmark("hokkaido", "JP", Some("Sapporo")),
    landmark("okinawa", "JP", Some("Naha")),
    landmark("kansai", "JP", Some("Osaka")),
    landmark("hainan", "CN", Some("Haikou")),
    landmark("zanzibar", "TZ", Some("Zanzibar")),
    landmark("tasmania", "AU", Some("Hobart")),
    landmark("mar-a-lago", "US", Some("Palm Beach")),
    landmark("oval office", "US", Some("Washington")),
    landmark("capitol hill", "US", Some("Washington")),
    landmark("kremlin", "RU", Some("Moscow")),
    landmark("red square", "RU", Some("Moscow")),
    landmark("great hall of the people", "CN", Some("Beijing")),
    landmark("zhongnanhai", "CN", Some("Beijing")),
    landmark("tiananmen square", "CN", Some("Beijing")),
    landmark("diaoyutai", "CN", Some("Beijing")),
    landmark("elysee palace", "FR", Some("Paris")),
    landmark("élysée palace", "FR", Some("Paris")),
    landmark("elysee", "FR", Some("Paris")),
    landmark("élysée", "FR", Some("Paris")),
    landmark("downing street", "GB", Some("London")),
    landmark("buckingham palace", "GB", Some("London")),
    landmark("blue house", "KR", Some("Seoul")),
    landmark("akasaka palace", "JP", Some("Tokyo")),
    landmark("kantei", "JP", Some("Tokyo")),
    landmark("rashtrapati bhavan", "IN", Some("New Delhi")),
    landmark("hyderabad house", "IN", Some("New Delhi")),
    landmark("pearl harbor", "US", Some("Honolulu")),
    landmark("pearl harbour", "US", Some("Honolulu")),
    landmark("kumsusan palace of the sun", "KP", Some("Pyongyang")),
    landmark("kumsusan", "KP", Some("Pyongyang")),
    landmark("vostochny cosmodrome", "RU", None),
    landmark("baikonur", "KZ", None),
    landmark("vatican", "VA", Some("Vatican City")),
    landmark("bellevue palace", "DE", Some("Berlin")),
    landmark("chancellery", "DE", Some("Berlin")),
    landmark("quirinale", "IT", Some("Rome")),
    landmark("al-yamamah palace", "SA", Some("Riyadh")),
    landmark("malacanang", "PH", Some("Manila")),
    landmark("malacañang", "PH", Some("Manila")),
    // Airports name the city they serve ("landed at Schiphol"). Those
    // named after people are written with "airport" ("international
    // airport" reads the same), so that Jomo Kenyatta stays a person.
    landmark("jomo kenyatta airport", "KE", Some("Nairobi")),
    landmark("kennedy airport", "US", Some("New York")),
    landmark("jfk airport", "US", Some("New York")),
    landmark("laguardia airport", "US", Some("New York")),
    landmark("dulles airport", "US", Some("Washington")),
    landmark("joint base andrews", "US", Some("Washington")),
    landmark("andrews air force base", "US", Some("Washington")),
    landmark("heathrow", "GB", Some("London")),
    landmark("gatwick", "GB", Some("London")),
    landmark("stansted", "GB", Some("London")),
    landmark("schiphol", "NL", Some("Amsterdam")),
    landmark("charles de gaulle airport", "FR", Some("Paris")),
    landmark("orly", "FR", Some("Paris")),
    landmark("le bourget", "FR", Some("Paris")),
    landmark("sheremetyevo", "RU", Some("Moscow")),
    landmark("vnukovo", "RU", Some("Moscow")),
    landmark("vnukovo-2", "RU", Some("Moscow")),
    landmark("domodedovo", "RU", Some("Moscow")),
    landmark("pulkovo", "RU", Some("Saint Petersburg")),
    landmark("ciampino", "IT", Some("Rome")),
    landmark("fiumicino", "IT", Some("Rome")),
    landmark("haneda", "JP", Some("Tokyo")),
    landmark("narita", "JP", Some("Tokyo")),
    landmark("kansai airport", "JP", Some("Osaka")),
    landmark("beijing capital airport", "CN", Some("Beijing")),
    landmark("daxing airport", "CN", Some("Beijing")),
    landmark("pudong airport", "CN", Some("Shanghai")),
    landmark("hongqiao airport", "CN", Some("Shanghai")),
    landmark("sunan airport", "KP", Some("Pyongyang")),
    landmark("noi bai airport", "VN", Some("Hanoi")),
    landmark("tan son nhat airport", "VN", Some("Ho Chi Minh City")),
    landmark("indira gandhi airport", "IN", Some("New Delhi")),
    landmark("palam", "IN", Some("New Delhi")),
    landmark("chhatrapati shivaji airport", "IN", Some("Mumbai")),
    landmark("hazrat shahjalal airport", "BD", Some("Dhaka")),
    landmark("nur khan airbase", "PK", Some("Rawalpindi")),
    landmark("allama iqbal airport", "PK", Some("Lahore")),
    landmark("soekarno-hatta airport", "ID", Some("Jakarta")),
    landmark("halim perdanakusuma airport", "ID", Some("Jakarta")),
    landmark("changi", "SG", Some("Singapore")),
    landmark("subang airport", "MY", Some("Kuala Lumpur")),
    landmark("klia", "MY", Some("Kuala Lumpur")),
    landmark("kemayoran airport", "ID", Some("Jakarta")),
    landmark("kemajoran airport", "ID", Some("Jakarta")),
    landmark("carrasco airport", "UY", Some("Montevideo")),
    landmark("galeao airport", "BR", Some("Rio de Janeiro")),
    landmark("entebbe airport", "UG", Some("Entebbe")),
    landmark("kamuzu airport", "MW", Some("Lilongwe")),
    landmark("jacksons airport", "PG", Some("Port Moresby")),
    landmark("suvarnabhumi", "TH", Some("Bangkok")),
    landmark("don mueang", "TH", Some("Bangkok")),
    landmark("ninoy aquino airport", "PH", Some("Manila")),
    landmark("ben gurion airport", "IL", Some("Tel Aviv")),
    landmark("queen alia airport", "JO", Some("Amman")),
    landmark("king khalid airport", "SA", Some("Riyadh")),
    landmark("king abdulaziz airport", "SA", Some("Jeddah")),
    landmark("hamad airport", "QA", Some("Doha")),
    landmark("imam khomeini airport", "IR", Some("Tehran")),
    landmark("mehrabad", "IR", Some("Tehran")),
    landmark("rafic hariri airport", "LB", Some("Beirut")),
    landmark("esenboga", "TR", Some("Ankara")),
    landmark("esenboğa", "TR", Some("Ankara")),
    landmark("bole airport", "ET", Some("Addis Ababa")),
    landmark("tambo airport", "ZA", Some("Johannesburg")),
    landmark("murtala muhammed airport", "NG", Some("Lagos")),
    landmark("nnamdi azikiwe airport", "NG", Some("Abuja")),
    landmark("kotoka airport", "GH", Some("Accra")),
    landmark("julius nyerere airport", "TZ", Some("Dar es Salaam")),
    landmark("yoff airport", "SN", Some("Dakar")),
    landmark("blaise diagne airport", "SN", Some("Dakar")),
    landmark("tunis-carthage airport", "TN", Some("Tunis")),
    landmark("carthage airport", "TN", Some("Tunis")),
    landmark("houari boumediene airport", "DZ", Some("Algiers")),
    landmark("mohammed v airport", "MA", Some("Casablanca")),
    landmark("benito juarez airport", "MX", Some("Mexico City")),
    landmark("benito juárez airport", "MX", Some("Mexico City")),
    landmark("ezeiza", "AR", Some("Buenos Aires")),
    landmark("guarulhos", "BR", Some("São Paulo")),
    landmark("arturo merino benitez airport", "CL", Some("Santiago")),
    landmark("el dorado airport", "CO", Some("Bogotá")),
    landmark("jorge chavez airport", "PE", Some("Lima")),
    landmark("jose marti airport", "CU", Some("Havana")),
    landmark("kingsford smith airport", "AU", Some("Sydney")),
    landmark("tullamarine", "AU", Some("Melbourne")),
    landmark("tegel", "DE", Some("Berlin")),
    landmark("brandenburg airport", "DE", Some("Berlin")),
    landmark("schoenefeld", "DE", Some("Berlin")),
    landmark("schönefeld", "DE", Some("Berlin")),
    landmark("zaventem", "BE", Some("Brussels")),
    landmark("chopin airport", "PL", Some("Warsaw")),
    landmark("okecie", "PL", Some("Warsaw")),
    landmark("boryspil", "UA", Some("Kyiv")),
    landmark("ferihegy", "HU", Some("Budapest")),
    landmark("vaclav havel airport", "CZ", Some("Prague")),
    landmark("eleftherios venizelos airport", "GR", Some("Athens")),
];

const fn landmark(
    name: &'static str,
    country: &'static str,
    city: Option<&'static str>,
) -> Landmark {
    Landmark {
        name,
        country,
        city,
    }
}

/// Regions and continents: no country, and never the country a word of
/// theirs names ("South America" is not America, "East Timor" is a
/// country and is not here).
pub(crate) const REGIONS: &[&str] = &[
    "south america",
    "latin america",
    "north america",
    "central america",
    "the americas",
    "americas",
    "south asia",
    "southeast asia",
    "south-east asia",
    "east asia",
    "central asia",
    "west asia",
    "middle east",
    "the middle east",
    "north africa",
    "west africa",
    "east africa",
    "southern africa",
    "central africa",
    "sub-saharan africa",
    "horn of africa",
    "the sahel",
    "sahel",
    "western europe",
    "eastern europe",
    "central europe",
    "northern europe",
    "southern europe",
    "the balkans",
    "balkans",
    "the caribbean",
    "caribbean",
    "the pacific",
    "south pacific",
    "indo-pacific",
    "the gulf",
    "persian gulf",
    "gulf of guinea",
    "asia-pacific",
    "asia pacific",
    "scandinavia",
    "the caucasus",
];

/// Country groups whose members act together: "the Group of Seven".
pub(crate) const COUNTRY_GROUPS: &[(&str, &[&str])] = &[
    (
        "group of seven",
        &["US", "JP", "GB", "FR", "DE", "IT", "CA"],
    ),
    ("g7", &["US", "JP", "GB", "FR", "DE", "IT", "CA"]),
    ("g-7", &["US", "JP", "GB", "FR", "DE", "IT", "CA"]),
    ("quad", &["US", "JP", "IN", "AU"]),
    ("brics", &["BR", "RU", "IN", "CN", "ZA"]),
    ("aukus", &["AU", "GB", "US"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_groups_have_valid_countries() {
        for group in COUNTRY_GROUPS {
            assert!(
                group
                    .1
                    .iter()
                    .all(|c| crate::model::CountryCode::parse(c).is_some())
            );
        }
    }

    #[test]
    fn words_carry_every_flag_of_every_list() {
        assert!(flags("minister").has(Flags::TITLE_HEAD));
        assert!(flags("minister").has(Flags::TITLE_PART));
        assert!(flags("party").has(Flags::ORG));
        assert!(flags("party").has(Flags::GROUP));
        assert!(flags("cancelled").has(Flags::CANCELLED));
        assert_eq!(flags("pyongyang"), Flags::default());
    }

    #[test]
    fn travel_words_have_one_meaning_each() {
        assert_eq!(travel("arrived"), Some(Travel::Arrive));
        assert_eq!(travel("visit"), Some(Travel::VisitVerb));
        assert_eq!(travel("trip"), Some(Travel::VisitNoun));
        assert_eq!(travel("hosted"), Some(Travel::Hosted));
        assert_eq!(travel("said"), None);
        assert!(is_weak_travel("driven"));
    }
}
