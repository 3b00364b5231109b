//! People and bodies the extractor knows without being told: well-known
//! leaders and ministers by name, with their country, for articles that
//! name them without it; and international organisations, whose officials
//! travel from the organisation's seat.
//!
//! Besides the lists here, `assets/people/leaders.tsv` names some 6,000
//! heads of state and government since 1945, foreign and defence
//! ministers and the heads of international organisations (name, country,
//! office); a name listed for two countries (a NATO secretary-general who
//! was a prime minister) says nothing and is left out.

use std::collections::HashMap;
use std::sync::OnceLock;

use super::cast::{is_initial, name_parts};
use crate::model::CountryCode;

/// The heads of state and government and ministers of the world since
/// 1945: name, country, office, tab-separated.
const LEADERS_TSV: &str = include_str!("../../assets/people/leaders.tsv");

/// International organisations whose officials travel from the seat, not
/// from a country of their own: the words that name them (lowercase, as a
/// run of tokens before a title) and the seat's country and city.
pub(crate) const ORGANISATION_SEATS: &[(&[&str], &str, &str)] = &[
    (&["nato"], "BE", "Brussels"),
    (&["nato's"], "BE", "Brussels"),
    (&["un"], "US", "New York"),
    (&["u.n."], "US", "New York"),
    (&["united", "nations"], "US", "New York"),
    (&["eu"], "BE", "Brussels"),
    (&["european", "union"], "BE", "Brussels"),
    (&["european", "commission"], "BE", "Brussels"),
    (&["european", "council"], "BE", "Brussels"),
    (&["european", "parliament"], "BE", "Brussels"),
    (&["african", "union"], "ET", "Addis Ababa"),
    (&["african", "union", "commission"], "ET", "Addis Ababa"),
    (&["au", "commission"], "ET", "Addis Ababa"),
    (&["oau"], "ET", "Addis Ababa"),
    (&["asean"], "ID", "Jakarta"),
    (&["arab", "league"], "EG", "Cairo"),
    (&["opec"], "AT", "Vienna"),
    (&["iaea"], "AT", "Vienna"),
    (
        &["international", "atomic", "energy", "agency"],
        "AT",
        "Vienna",
    ),
    (
        &["organisation", "of", "american", "states"],
        "US",
        "Washington",
    ),
    (
        &["organization", "of", "american", "states"],
        "US",
        "Washington",
    ),
    (&["oas"], "US", "Washington"),
    (&["world", "health", "organization"], "CH", "Geneva"),
    (&["world", "trade", "organization"], "CH", "Geneva"),
    (&["international", "monetary", "fund"], "US", "Washington"),
    (&["gulf", "cooperation", "council"], "SA", "Riyadh"),
    (&["gcc"], "SA", "Riyadh"),
    (&["ecowas"], "NG", "Abuja"),
    (&["sadc"], "BW", "Gaborone"),
    (&["unesco"], "FR", "Paris"),
    (&["fao"], "IT", "Rome"),
    (&["unicef"], "US", "New York"),
    (&["unhcr"], "CH", "Geneva"),
    (&["oic"], "SA", "Jeddah"),
    (&["imf"], "US", "Washington"),
    (&["world", "bank"], "US", "Washington"),
    (&["wto"], "CH", "Geneva"),
    (&["who"], "CH", "Geneva"),
    (&["commonwealth"], "GB", "London"),
];

/// National news agencies, as their wire copy tags itself ("(PTI)",
/// "(Yonhap)"), lowercase, and their country. International agencies
/// (Reuters, AP, AFP) are not here: they have no home desk to speak from.
pub(crate) const NATIONAL_AGENCIES: &[(&str, &str)] = &[
    ("pti", "IN"),
    ("ani", "IN"),
    ("ians", "IN"),
    ("uni", "IN"),
    ("yonhap", "KR"),
    ("kcna", "KP"),
    ("kyodo", "JP"),
    ("jiji", "JP"),
    ("xinhua", "CN"),
    ("ansa", "IT"),
    ("tass", "RU"),
    ("ria novosti", "RU"),
    ("interfax", "RU"),
    ("bdnews24.com", "BD"),
    ("bdnews24", "BD"),
    ("bss", "BD"),
    ("unb", "BD"),
    ("app", "PK"),
    ("bernama", "MY"),
    ("antara", "ID"),
    ("pna", "PH"),
    ("anadolu", "TR"),
    ("aa", "TR"),
    ("efe", "ES"),
    ("irna", "IR"),
    ("kuna", "KW"),
    ("wam", "AE"),
    ("spa", "SA"),
    ("qna", "QA"),
    ("mena", "EG"),
    ("prensa latina", "CU"),
    ("ukrinform", "UA"),
    ("pap", "PL"),
    ("ctk", "CZ"),
    ("mti", "HU"),
    ("belga", "BE"),
    ("anp", "NL"),
    ("dpa", "DE"),
    ("apa", "AT"),
    ("lusa", "PT"),
    ("agerpres", "RO"),
    ("tanjug", "RS"),
    ("hina", "HR"),
    ("bta", "BG"),
    ("nan", "NG"),
    ("kna", "KE"),
    ("ena", "ET"),
    ("map", "MA"),
    ("aps", "DZ"),
    ("tap", "TN"),
    ("vna", "VN"),
    ("kazinform", "KZ"),
    ("montsame", "MN"),
    ("petra", "JO"),
    ("telam", "AR"),
    ("agencia brasil", "BR"),
    ("notimex", "MX"),
    ("andina", "PE"),
    ("angop", "AO"),
    ("xinhua news agency", "CN"),
    ("cna", "TW"),
    ("tt", "SE"),
    ("ntb", "NO"),
    ("ritzau", "DK"),
    ("stt", "FI"),
    ("aap", "AU"),
    ("nzpa", "NZ"),
    ("sana", "SY"),
    ("ina", "IQ"),
    ("nna", "LB"),
];

/// Well-known leaders and ministers, for articles that name them without
/// their country ("President Donald Trump landed..."): full name, country.
///
/// Only used to fill in a country the article itself does not give.
pub(crate) const KNOWN_PEOPLE: &[(&str, &str)] = &[
    // United States
    ("Donald Trump", "US"),
    ("Joe Biden", "US"),
    ("Barack Obama", "US"),
    ("George W. Bush", "US"),
    ("Bill Clinton", "US"),
    ("Kamala Harris", "US"),
    ("Mike Pence", "US"),
    ("JD Vance", "US"),
    ("Antony Blinken", "US"),
    ("Mike Pompeo", "US"),
    ("Rex Tillerson", "US"),
    ("John Kerry", "US"),
    ("Hillary Clinton", "US"),
    ("Condoleezza Rice", "US"),
    ("Colin Powell", "US"),
    ("Marco Rubio", "US"),
    ("Lloyd Austin", "US"),
    ("Pete Hegseth", "US"),
    ("Jim Mattis", "US"),
    ("Mark Esper", "US"),
    ("Janet Yellen", "US"),
    ("Jake Sullivan", "US"),
    ("Nancy Pelosi", "US"),
    ("Steve Witkoff", "US"),
    // Russia
    ("Vladimir Putin", "RU"),
    ("Dmitry Medvedev", "RU"),
    ("Sergei Lavrov", "RU"),
    ("Sergey Lavrov", "RU"),
    ("Sergei Shoigu", "RU"),
    ("Andrei Belousov", "RU"),
    ("Mikhail Mishustin", "RU"),
    ("Dmitry Peskov", "RU"),
    ("Valentina Matviyenko", "RU"),
    // China
    ("Xi Jinping", "CN"),
    ("Hu Jintao", "CN"),
    ("Jiang Zemin", "CN"),
    ("Li Qiang", "CN"),
    ("Li Keqiang", "CN"),
    ("Wen Jiabao", "CN"),
    ("Wang Yi", "CN"),
    ("Qin Gang", "CN"),
    ("Zhao Leji", "CN"),
    ("Li Hongzhong", "CN"),
    ("Han Zheng", "CN"),
    ("Wang Huning", "CN"),
    ("Li Shangfu", "CN"),
    ("Dong Jun", "CN"),
    ("Wei Fenghe", "CN"),
    ("Ding Xuexiang", "CN"),
    ("Cai Qi", "CN"),
    // Koreas
    ("Kim Jong Un", "KP"),
    ("Kim Jong-un", "KP"),
    ("Kim Jong Il", "KP"),
    ("Kim Il Sung", "KP"),
    ("Kim Yo Jong", "KP"),
    ("Choe Son Hui", "KP"),
    ("Ri Son Gwon", "KP"),
    ("Yoon Suk Yeol", "KR"),
    ("Moon Jae-in", "KR"),
    ("Lee Jae-myung", "KR"),
    ("Park Geun-hye", "KR"),
    ("Park Jin", "KR"),
    ("Cho Tae-yul", "KR"),
    // Japan
    ("Fumio Kishida", "JP"),
    ("Shinzo Abe", "JP"),
    ("Yoshihide Suga", "JP"),
    ("Shigeru Ishiba", "JP"),
    ("Sanae Takaichi", "JP"),
    ("Yoko Kamikawa", "JP"),
    ("Yoshimasa Hayashi", "JP"),
    // Europe
    ("Emmanuel Macron", "FR"),
    ("Olaf Scholz", "DE"),
    ("Angela Merkel", "DE"),
    ("Friedrich Merz", "DE"),
    ("Annalena Baerbock", "DE"),
    ("Frank-Walter Steinmeier", "DE"),
    ("Rishi Sunak", "GB"),
    ("Keir Starmer", "GB"),
    ("Boris Johnson", "GB"),
    ("Theresa May", "GB"),
    ("David Cameron", "GB"),
    ("David Lammy", "GB"),
    ("King Charles", "GB"),
    ("Giorgia Meloni", "IT"),
    ("Sergio Mattarella", "IT"),
    ("Pedro Sanchez", "ES"),
    ("Pedro Sánchez", "ES"),
    ("Viktor Orban", "HU"),
    ("Viktor Orbán", "HU"),
    ("Andrzej Duda", "PL"),
    ("Donald Tusk", "PL"),
    ("Mark Rutte", "NL"),
    ("Volodymyr Zelensky", "UA"),
    ("Volodymyr Zelenskyy", "UA"),
    ("Dmytro Kuleba", "UA"),
    ("Alexander Lukashenko", "BY"),
    ("Aleksandar Vucic", "RS"),
    ("Aleksandar Vučić", "RS"),
    ("Recep Tayyip Erdogan", "TR"),
    ("Recep Tayyip Erdoğan", "TR"),
    ("Hakan Fidan", "TR"),
    ("Pope Francis", "VA"),
    ("Pope Leo", "VA"),
    // Asia and the Pacific
    ("Narendra Modi", "IN"),
    ("Subrahmanyam Jaishankar", "IN"),
    ("Joko Widodo", "ID"),
    ("Prabowo Subianto", "ID"),
    ("Anwar Ibrahim", "MY"),
    ("Ferdinand Marcos Jr.", "PH"),
    ("Ferdinand Marcos", "PH"),
    ("Rodrigo Duterte", "PH"),
    ("Lee Hsien Loong", "SG"),
    ("Lawrence Wong", "SG"),
    ("Hun Sen", "KH"),
    ("Hun Manet", "KH"),
    ("Nguyen Phu Trong", "VN"),
    ("To Lam", "VN"),
    ("Vo Van Thuong", "VN"),
    ("Pham Minh Chinh", "VN"),
    ("Prayuth Chan-ocha", "TH"),
    ("Min Aung Hlaing", "MM"),
    ("Anthony Albanese", "AU"),
    ("Scott Morrison", "AU"),
    ("Penny Wong", "AU"),
    ("Chris Hipkins", "NZ"),
    ("Jacinda Ardern", "NZ"),
    ("Christopher Luxon", "NZ"),
    ("Shehbaz Sharif", "PK"),
    ("Imran Khan", "PK"),
    ("Tsai Ing-wen", "TW"),
    ("Lai Ching-te", "TW"),
    ("Kassym-Jomart Tokayev", "KZ"),
    ("Shavkat Mirziyoyev", "UZ"),
    ("Ilham Aliyev", "AZ"),
    ("Nikol Pashinyan", "AM"),
    // Middle East and Africa
    ("Mohammed bin Salman", "SA"),
    ("King Salman", "SA"),
    ("Mohammed bin Zayed", "AE"),
    ("Tamim bin Hamad Al Thani", "QA"),
    ("Benjamin Netanyahu", "IL"),
    ("Isaac Herzog", "IL"),
    ("Mahmoud Abbas", "PS"),
    ("Ali Khamenei", "IR"),
    ("Ebrahim Raisi", "IR"),
    ("Masoud Pezeshkian", "IR"),
    ("Hassan Rouhani", "IR"),
    ("Hossein Amir-Abdollahian", "IR"),
    ("Abbas Araghchi", "IR"),
    ("Bashar al-Assad", "SY"),
    ("Abdel Fattah el-Sisi", "EG"),
    ("Abdel Fattah al-Sisi", "EG"),
    ("King Abdullah", "JO"),
    ("Cyril Ramaphosa", "ZA"),
    ("Bola Tinubu", "NG"),
    ("William Ruto", "KE"),
    ("Abiy Ahmed", "ET"),
    ("Paul Kagame", "RW"),
    // The Americas
    ("Luiz Inácio Lula da Silva", "BR"),
    ("Luiz Inacio Lula da Silva", "BR"),
    ("Lula da Silva", "BR"),
    ("Jair Bolsonaro", "BR"),
    ("Dilma Rousseff", "BR"),
    ("Justin Trudeau", "CA"),
    ("Mark Carney", "CA"),
    ("Andrés Manuel López Obrador", "MX"),
    ("Andres Manuel Lopez Obrador", "MX"),
    ("Claudia Sheinbaum", "MX"),
    ("Javier Milei", "AR"),
    ("Alberto Fernandez", "AR"),
    ("Alberto Fernández", "AR"),
    ("Gustavo Petro", "CO"),
    ("Gabriel Boric", "CL"),
    ("Nicolas Maduro", "VE"),
    ("Nicolás Maduro", "VE"),
    ("Miguel Diaz-Canel", "CU"),
    ("Miguel Díaz-Canel", "CU"),
    ("Daniel Ortega", "NI"),
    // Earlier leaders that anniversaries and obituaries bring back
    ("Richard Nixon", "US"),
    ("Henry Kissinger", "US"),
    ("Jimmy Carter", "US"),
    ("Ronald Reagan", "US"),
    ("George H. W. Bush", "US"),
    ("Madeleine Albright", "US"),
    ("Mikhail Gorbachev", "RU"),
    ("Boris Yeltsin", "RU"),
    ("Leonid Brezhnev", "RU"),
    ("Nikita Khrushchev", "RU"),
    ("Mao Zedong", "CN"),
    ("Zhou Enlai", "CN"),
    ("Deng Xiaoping", "CN"),
    ("Kim Dae-jung", "KR"),
    ("Roh Moo-hyun", "KR"),
    ("Lee Myung-bak", "KR"),
    ("Junichiro Koizumi", "JP"),
    ("Margaret Thatcher", "GB"),
    ("Tony Blair", "GB"),
    ("Jacques Chirac", "FR"),
    ("Nicolas Sarkozy", "FR"),
    ("Francois Hollande", "FR"),
    ("François Hollande", "FR"),
    ("Helmut Kohl", "DE"),
    ("Gerhard Schroeder", "DE"),
    ("Gerhard Schröder", "DE"),
    ("Mahmoud Ahmadinejad", "IR"),
    ("Fidel Castro", "CU"),
    // Monarchs and their families, whom state visits bring
    ("Charles III", "GB"),
    ("King Charles", "GB"),
    ("Queen Camilla", "GB"),
    ("Prince William", "GB"),
    ("Queen Elizabeth", "GB"),
    ("Elizabeth II", "GB"),
    ("Naruhito", "JP"),
    ("Masako", "JP"),
    ("Akihito", "JP"),
    ("Willem-Alexander", "NL"),
    ("Felipe VI", "ES"),
    ("Carl XVI Gustaf", "SE"),
    ("Harald V", "NO"),
    ("Frederik X", "DK"),
    ("Abdullah II", "JO"),
    ("Mohammed VI", "MA"),
    ("Vajiralongkorn", "TH"),
    ("Hassanal Bolkiah", "BN"),
    // Leaders of the decades behind the news, and of its background
    // paragraphs.
    ("Willy Brandt", "DE"),
    ("Helmut Schmidt", "DE"),
    ("Erich Honecker", "DE"),
    ("Francois Mitterrand", "FR"),
    ("François Mitterrand", "FR"),
    ("Charles de Gaulle", "FR"),
    ("Valery Giscard d'Estaing", "FR"),
    ("John Major", "GB"),
    ("Gordon Brown", "GB"),
    ("Harold Wilson", "GB"),
    ("Edward Heath", "GB"),
    ("Jacques Delors", "BE"),
    ("Jose Manuel Barroso", "BE"),
    ("Jean-Claude Juncker", "BE"),
    ("Romano Prodi", "IT"),
    ("Silvio Berlusconi", "IT"),
    ("Giulio Andreotti", "IT"),
    ("Felipe Gonzalez", "ES"),
    ("Felipe González", "ES"),
    ("Jose Maria Aznar", "ES"),
    ("Nicolae Ceausescu", "RO"),
    ("Josip Broz Tito", "RS"),
    ("Lech Walesa", "PL"),
    ("Lech Wałęsa", "PL"),
    ("Vaclav Havel", "CZ"),
    ("Václav Havel", "CZ"),
    ("Andrei Gromyko", "RU"),
    ("Eduard Shevardnadze", "RU"),
    ("John F. Kennedy", "US"),
    ("Lyndon Johnson", "US"),
    ("Gerald Ford", "US"),
    ("George Bush", "US"),
    ("James Baker", "US"),
    ("Dwight Eisenhower", "US"),
    ("Raul Castro", "CU"),
    ("Raúl Castro", "CU"),
    ("Hugo Chavez", "VE"),
    ("Hugo Chávez", "VE"),
    ("Fernando Henrique Cardoso", "BR"),
    ("Jose Sarney", "BR"),
    ("José Sarney", "BR"),
    ("Carlos Menem", "AR"),
    ("Nestor Kirchner", "AR"),
    ("Cristina Fernandez de Kirchner", "AR"),
    ("Vicente Fox", "MX"),
    ("Brian Mulroney", "CA"),
    ("Pierre Trudeau", "CA"),
    ("Jean Chretien", "CA"),
    ("Luis Echeverria", "MX"),
    ("Salvador Allende", "CL"),
    ("Augusto Pinochet", "CL"),
    ("Anwar Sadat", "EG"),
    ("Gamal Abdel Nasser", "EG"),
    ("Hosni Mubarak", "EG"),
    ("Menachem Begin", "IL"),
    ("Yitzhak Rabin", "IL"),
    ("Shimon Peres", "IL"),
    ("Golda Meir", "IL"),
    ("Ariel Sharon", "IL"),
    ("Ehud Barak", "IL"),
    ("Yasser Arafat", "PS"),
    ("King Hussein", "JO"),
    ("Saddam Hussein", "IQ"),
    ("Hafez al-Assad", "SY"),
    ("Muammar Gaddafi", "LY"),
    ("Moammar Gadhafi", "LY"),
    ("Ruhollah Khomeini", "IR"),
    ("Akbar Hashemi Rafsanjani", "IR"),
    ("Mohammad Khatami", "IR"),
    ("Nelson Mandela", "ZA"),
    ("Thabo Mbeki", "ZA"),
    ("Jacob Zuma", "ZA"),
    ("F. W. de Klerk", "ZA"),
    ("Julius Nyerere", "TZ"),
    ("Jomo Kenyatta", "KE"),
    ("Uhuru Kenyatta", "KE"),
    ("Kwame Nkrumah", "GH"),
    ("Leopold Senghor", "SN"),
    ("Léopold Sédar Senghor", "SN"),
    ("Haile Selassie", "ET"),
    ("Kenneth Kaunda", "ZM"),
    ("Robert Mugabe", "ZW"),
    ("Yoweri Museveni", "UG"),
    ("Olusegun Obasanjo", "NG"),
    ("Sani Abacha", "NG"),
    ("Muhammadu Buhari", "NG"),
    ("Macky Sall", "SN"),
    ("Nana Akufo-Addo", "GH"),
    ("John Dramani Mahama", "GH"),
    ("Samia Suluhu Hassan", "TZ"),
    ("Felix Tshisekedi", "CD"),
    ("Abdelmadjid Tebboune", "DZ"),
    ("Kais Saied", "TN"),
    ("Mao Tse-tung", "CN"),
    ("Chou En-lai", "CN"),
    ("Jawaharlal Nehru", "IN"),
    ("Indira Gandhi", "IN"),
    ("Rajiv Gandhi", "IN"),
    ("Atal Bihari Vajpayee", "IN"),
    ("Manmohan Singh", "IN"),
    ("Zulfikar Ali Bhutto", "PK"),
    ("Benazir Bhutto", "PK"),
    ("Pervez Musharraf", "PK"),
    ("Nawaz Sharif", "PK"),
    ("Suharto", "ID"),
    ("Sukarno", "ID"),
    ("Mahathir Mohamad", "MY"),
    ("Lee Kuan Yew", "SG"),
    ("Sheikh Hasina", "BD"),
    ("Muhammad Yunus", "BD"),
    ("Kakuei Tanaka", "JP"),
    ("Bob Hawke", "AU"),
    ("John Howard", "AU"),
    ("Kevin Rudd", "AU"),
    ("Julia Gillard", "AU"),
    ("Malcolm Turnbull", "AU"),
    ("James Marape", "PG"),
    ("Sitiveni Rabuka", "FJ"),
    ("Frank Bainimarama", "FJ"),
    ("Manasseh Sogavare", "SB"),
    ("Jeremiah Manele", "SB"),
];

/// Single words that name one well-known person in diplomatic news, when
/// the article itself does not say more.
pub(crate) const KNOWN_SURNAMES: &[(&str, &str)] = &[
    ("Putin", "RU"),
    ("Lavrov", "RU"),
    ("Shoigu", "RU"),
    ("Xi", "CN"),
    ("Lula", "BR"),
    ("Erdogan", "TR"),
    ("Erdoğan", "TR"),
    ("Modi", "IN"),
    ("Macron", "FR"),
    ("Zelensky", "UA"),
    ("Zelenskyy", "UA"),
    ("Netanyahu", "IL"),
    ("Blinken", "US"),
    ("Pompeo", "US"),
    ("Biden", "US"),
    ("Trump", "US"),
    ("Obama", "US"),
    ("Nixon", "US"),
    ("Kissinger", "US"),
    ("Kishida", "JP"),
    ("Scholz", "DE"),
    ("Merkel", "DE"),
    ("Lukashenko", "BY"),
    ("Khamenei", "IR"),
    ("Raisi", "IR"),
    ("Ramaphosa", "ZA"),
    ("Albanese", "AU"),
    ("Meloni", "IT"),
    ("Orban", "HU"),
    ("Orbán", "HU"),
    ("Sunak", "GB"),
    ("Starmer", "GB"),
    ("Trudeau", "CA"),
    ("Widodo", "ID"),
    ("Jokowi", "ID"),
    ("Prabowo", "ID"),
    ("Maduro", "VE"),
    ("Bolsonaro", "BR"),
    ("Sisi", "EG"),
    ("Assad", "SY"),
    ("Tokayev", "KZ"),
    ("Mirziyoyev", "UZ"),
    ("Aliyev", "AZ"),
    ("Pashinyan", "AM"),
    ("Wang Yi", "CN"),
    ("Mandela", "ZA"),
    ("Sadat", "EG"),
    ("Brezhnev", "RU"),
    ("Gorbachev", "RU"),
    ("Yeltsin", "RU"),
    ("Khrushchev", "RU"),
    ("Mitterrand", "FR"),
    ("Thatcher", "GB"),
    ("Arafat", "PS"),
    ("Mubarak", "EG"),
    ("Gaddafi", "LY"),
    ("Nyerere", "TZ"),
    ("Nkrumah", "GH"),
    ("Mugabe", "ZW"),
    ("Museveni", "UG"),
    ("Castro", "CU"),
    ("Chavez", "VE"),
    ("Chávez", "VE"),
    ("Yunus", "BD"),
    ("Tinubu", "NG"),
    ("Kagame", "RW"),
    ("Ruto", "KE"),
    ("Marcos", "PH"),
];

/// A known person: their name's words, folded, and country; `full` for a
/// full name, not a single distinctive word ("Putin").
struct Known {
    parts: Vec<String>,
    country: CountryCode,
    full: bool,
}

/// Everyone known, in order of precedence (the lists here first), with
/// an index from each word of a name to the people it names.
struct Directory {
    people: Vec<Known>,
    by_word: HashMap<String, Vec<usize>>,
}

impl Directory {
    fn get() -> &'static Self {
        static DIRECTORY: OnceLock<Directory> = OnceLock::new();
        DIRECTORY.get_or_init(|| {
            let curated = KNOWN_PEOPLE
                .iter()
                .map(|&(name, code)| (name, code, true))
                .chain(
                    KNOWN_SURNAMES
                        .iter()
                        .map(|&(name, code)| (name, code, false)),
                );
            let mut people: Vec<Known> = curated
                .filter_map(|(name, code, full)| {
                    Some(Known {
                        parts: name_parts(name),
                        country: CountryCode::parse(code)?,
                        full,
                    })
                })
                .collect();
            people.extend(unambiguous_leaders());
            let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
            for (index, known) in people.iter().enumerate() {
                for part in &known.parts {
                    let ids = by_word.entry(part.clone()).or_default();
                    if ids.last() != Some(&index) {
                        ids.push(index);
                    }
                }
            }
            Self { people, by_word }
        })
    }

    /// The people whose names hold any of `parts`, in order of precedence.
    fn sharing(&self, parts: &[String]) -> Vec<&Known> {
        let mut ids: Vec<usize> = parts
            .iter()
            .filter_map(|part| self.by_word.get(part))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter().map(|id| &self.people[id]).collect()
    }
}

/// The lines of `leaders.tsv` that read whole: name, country and offices
/// ("President 1981-1989").
pub(crate) fn listed_leaders() -> impl Iterator<Item = (&'static str, CountryCode, &'static str)> {
    LEADERS_TSV.lines().filter_map(|line| {
        let mut fields = line.split('\t');
        let (name, code, offices) = (fields.next()?, fields.next()?, fields.next()?);
        Some((name, CountryCode::parse(code)?, offices))
    })
}

/// The leaders of `leaders.tsv` whose name is listed for one country only.
fn unambiguous_leaders() -> Vec<Known> {
    let mut countries: HashMap<&str, Option<CountryCode>> = HashMap::new();
    let mut order = Vec::new();
    for (name, country, _) in listed_leaders() {
        match countries.get_mut(name) {
            Some(known) if *known != Some(country) => *known = None,
            Some(_) => {}
            None => {
                countries.insert(name, Some(country));
                order.push(name);
            }
        }
    }
    order
        .into_iter()
        .filter_map(|name| {
            Some(Known {
                parts: name_parts(name),
                country: countries.get(name).copied().flatten()?,
                full: true,
            })
        })
        .collect()
}

/// The country of a well-known person: by their full name (or a fuller
/// one), or by a distinctive word of it ("Putin").
pub(crate) fn known_country(parts: &[String]) -> Option<CountryCode> {
    // "Nikolai A. Bulganin" is listed as "Nikolai Bulganin".
    let without_initials: Vec<String> = parts
        .iter()
        .filter(|part| !is_initial(part))
        .cloned()
        .collect();
    let parts = without_initials.as_slice();
    let holds = |known: &[String]| parts.windows(known.len()).any(|window| window == known);
    let sharing = Directory::get().sharing(parts);
    let by_name = sharing.iter().filter(|known| known.full).find(|known| {
        holds(&known.parts)
            || (parts.len() >= 2
                && known
                    .parts
                    .windows(parts.len())
                    .any(|window| window == parts))
    });
    let by_word = || {
        sharing
            .iter()
            .filter(|known| !known.full)
            .find(|known| holds(&known.parts))
    };
    by_name.or_else(by_word).map(|known| known.country)
}

/// The one country of every known person a single word names by `names`,
/// when they all served one.
fn only_country(parts: &[String], names: impl Fn(&Known, &str) -> bool) -> Option<CountryCode> {
    let [word] = parts else {
        return None;
    };
    let sharing = Directory::get().sharing(parts);
    let mut countries = sharing
        .iter()
        .filter(|known| known.full && names(known, word))
        .map(|known| known.country);
    let first = countries.next()?;
    countries.all(|code| code == first).then_some(first)
}

/// "President Kennedy": a titled surname alone is the known leader whose
/// full name ends with it, when every such leader served one country.
pub(crate) fn known_surname_country(parts: &[String]) -> Option<CountryCode> {
    only_country(parts, |known, surname| {
        known.parts.len() >= 2 && known.parts.last().is_some_and(|last| last == surname)
    })
}

/// Whether a folded word is a regnal number: "iii", "vi", "xvi".
fn is_regnal_number(word: &str) -> bool {
    !word.is_empty() && word.chars().all(|c| matches!(c, 'i' | 'v' | 'x'))
}

/// "King Charles", "Pope Francis": a monarch or pope named by a given name
/// alone is the listed one of that name and a regnal number ("Charles
/// III"), when every such one reigned over one country.
pub(crate) fn known_regnal_country(parts: &[String]) -> Option<CountryCode> {
    only_country(parts, |known, given| {
        let words: Vec<&String> = known
            .parts
            .iter()
            .skip_while(|word| matches!(word.as_str(), "king" | "queen" | "pope" | "emperor"))
            .collect();
        words.len() >= 2
            && words[0] == given
            && words[1..].iter().all(|word| is_regnal_number(word))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn organisation_seats_are_valid_countries() {
        for (words, code, _) in ORGANISATION_SEATS {
            assert!(
                crate::model::CountryCode::parse(code).is_some(),
                "{words:?}: {code}"
            );
        }
    }

    #[test]
    fn the_leaders_file_is_well_formed_and_names_leaders_of_every_era() {
        for (number, line) in LEADERS_TSV.lines().enumerate() {
            let fields: Vec<&str> = line.split('\t').collect();
            assert_eq!(fields.len(), 3, "leaders.tsv line {}: {line}", number + 1);
            assert!(
                crate::model::CountryCode::parse(fields[1]).is_some(),
                "leaders.tsv line {}: {line}",
                number + 1
            );
        }
        let country = |name: &str| known_country(&name_parts(name)).map(|c| c.to_string());
        assert_eq!(country("Gough Whitlam").as_deref(), Some("AU"));
        assert_eq!(country("Julius Nyerere").as_deref(), Some("TZ"));
        assert_eq!(country("Julio Maria Sanguinetti").as_deref(), Some("UY"));
        // Middle initials, as American and Soviet copy writes them.
        assert_eq!(country("Nikolai A. Bulganin").as_deref(), Some("RU"));
        // A NATO secretary-general who was a Dutch prime minister: the
        // article's words decide, not the list.
        assert_eq!(country("Joseph Luns"), None);
        assert_eq!(
            known_regnal_country(&name_parts("Charles")).map(|c| c.to_string()),
            Some("GB".to_owned())
        );
        assert_eq!(
            known_surname_country(&name_parts("Whitlam"))
                .map(|c| c.to_string())
                .as_deref(),
            Some("AU")
        );
    }

    #[test]
    fn known_people_have_valid_countries() {
        for (name, code) in KNOWN_PEOPLE.iter().chain(KNOWN_SURNAMES) {
            assert!(
                crate::model::CountryCode::parse(code).is_some(),
                "{name}: {code}"
            );
        }
    }
}
