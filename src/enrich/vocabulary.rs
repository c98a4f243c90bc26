//! The words the entity rules react to: titles, role nouns, speech verbs,
//! organization and company endings, institution heads, geographic words,
//! acronyms and currencies. Written for English news; each list says what
//! it triggers in [`super::entities`].

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A fixed list of words, looked up through a hash set built on first use:
/// the rules ask about every capitalised word, and a linear scan of a
/// sixty-word list cost a tenth of the extraction time.
pub(super) struct WordList {
    words: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl WordList {
    const fn new(words: &'static [&'static str]) -> WordList {
        WordList {
            words,
            set: OnceLock::new(),
        }
    }

    /// Tells whether the list holds this word, exactly as written.
    pub(super) fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().copied().collect())
            .contains(word)
    }
}

/// Titles that introduce a person's name.
#[rustfmt::skip]
pub(super) static PERSON_TITLES: WordList = WordList::new(&[
    "President", "Minister", "Chancellor", "Secretary", "Governor", "Chairman", "Chairwoman",
    "Chair", "Director", "Mr", "Mr.", "Mrs", "Mrs.", "Ms", "Ms.", "Dr", "Dr.", "Prof.", "Senator",
    "Sen.", "Rep.", "Representative", "King", "Queen", "Prince", "Princess", "Pope", "Gen.",
    "Admiral", "Adm.", "Colonel", "Col.", "Ambassador", "Spokesman", "Spokeswoman", "Spokesperson",
    "Commissioner", "Mayor", "Premier", "Leader", "Chief", "CEO", "Judge", "Justice", "Sheikh",
    "Emir", "Ayatollah", "Envoy", "Treasurer", "Economist", "Analyst", "Vice-President",
    "Vice-Chairman", "Executive", "Officer", "Speaker", "Exchequer", "Lt.", "Capt.", "Sultan",
    "Emperor", "Empress",
]);

/// Roles written before a person's name as titles are (`Coach Berti
/// Vogts`, `Chicago Cardinal Joseph Bernardin`), which also begin
/// companies' names (`Coach Inc`, `Cardinal Industries`) and others
/// (`Fairford Coach Action`): a title only before a name of words that
/// end no organization's name and are no common English words.
pub(super) const ROLES_BEFORE_NAMES: &[&str] = &[
    "Coach",
    "Manager",
    "Captain",
    "Striker",
    "Cardinal",
    "Archbishop",
    "Bishop",
    "Rabbi",
    "Reverend",
];

/// Words that complete a title after `of` (`Secretary of State`, `Chief of
/// Staff`, `Minister of Finance`).
#[rustfmt::skip]
pub(super) static TITLE_COMPLEMENTS: WordList = WordList::new(&[
    "State", "Staff", "Finance", "Defence", "Defense", "Commerce", "Agriculture", "Trade", "Energy",
    "Economy", "Labour", "Labor", "Justice", "Foreign", "Affairs", "Interior", "Industry", "Health",
    "Transport", "Mines", "Oil", "Petroleum", "Planning", "Economic", "Exchequer", "Directors",
    "Governors", "Police", "Army", "International", "Industry", "Development", "Education",
    "Environment", "Home", "Public", "Works", "Security", "Human", "Services", "Social", "Welfare",
    "Housing", "Information", "Culture", "Tourism", "Credit",
]);

/// Lowercase role nouns after which a name may follow (`his counterpart, Li Shangfu`).
#[rustfmt::skip]
pub(super) static ROLE_NOUNS: WordList = WordList::new(&[
    "counterpart", "spokesman", "spokeswoman", "minister", "president", "chairman", "secretary",
    "governor", "leader", "official", "analyst", "economist", "director", "executive", "chief",
    "envoy", "ambassador", "premier", "chancellor", "successor", "predecessor", "deputy", "head",
    "candidate", "rival", "chair", "chairwoman", "founder", "coach", "manager", "captain",
    "quarterback", "lawyer", "attorney", "professor", "mayor", "senator", "lawmaker",
    "commissioner", "adviser", "advisor", "aide", "prosecutor", "judge", "strategist",
]);

/// Verbs of speech after which or before which a name may stand.
#[rustfmt::skip]
pub(super) static SPEECH_VERBS: WordList = WordList::new(&[
    "said", "says", "told", "added", "warned", "stated", "announced", "argued", "wrote",
]);

/// Verbs that follow the subject of a headline (`LAWSON SAYS ...`,
/// `REAGAN URGES ...`).
pub(super) const HEADLINE_VERBS: &[&str] = &[
    "says",
    "said",
    "urges",
    "warns",
    "vows",
    "tells",
    "calls",
    "predicts",
    "forecasts",
    "denies",
    "rejects",
    "asks",
    "proposes",
    "pledges",
    "sees",
    "expects",
    "plans",
    "wants",
    "backs",
    "defends",
    "criticises",
    "criticizes",
    "resigns",
    "meets",
    "signs",
    "vetoes",
];

/// Final words of organization names other than companies (see
/// [`COMPANY_ENDINGS`], which end organization names too).
#[rustfmt::skip]
pub(super) static ORGANIZATION_ENDINGS: WordList = WordList::new(&[
    "Ministry", "Bank", "Party", "Union", "Council", "Association", "Organization", "Organisation",
    "Fund", "Agency", "Commission", "Committee", "Exchange", "Federation", "Institute",
    "University", "Department", "Office", "Board", "Authority", "Reserve", "Parliament", "Congress",
    "Senate", "Bureau", "Court", "Forces", "Army", "Navy", "Administration", "Assembly",
    "Foundation", "Trust", "Society", "Cabinet", "Treasury", "Alliance", "League", "Coalition",
    "House", "Movement", "Network", "Bundesbank", "Reuters", "Times", "Post", "Journal", "Chamber", "Club",
    "Commonwealth", "Secretariat", "Police", "Guard", "Cooperative", "Consortium",
]);

/// Final words of company names, whose place words say nothing of what
/// the article is about (`China Airlines`, `KLM Royal Dutch Airlines`).
#[rustfmt::skip]
pub(super) static COMPANY_ENDINGS: WordList = WordList::new(&[
    "Corp", "Corp.", "Corporation", "Inc", "Inc.", "Co", "Co.", "Ltd", "Ltd.", "Plc", "PLC", "LLC",
    "AG", "SA", "NV", "Company", "Airlines", "Airways", "Holdings", "Industries", "Motors",
    "Petroleum", "Telecom", "Systems", "Technologies", "Partners", "Securities", "Services",
    "Group", "Cos", "Limited", "Incorporated", "LP", "LLP", "GmbH", "KGaA", "SpA", "Spa", "Srl",
    "BV", "Oy", "Oyj", "AB", "ASA", "Pty", "Bhd", "Berhad", "Cie", "KK", "Tbk", "SAB",
]);

/// The abbreviated legal forms of companies, the part of their names
/// that no acronym spells (`BP` of `British Petroleum Co Plc`).
#[rustfmt::skip]
pub(super) static LEGAL_FORMS: WordList = WordList::new(&[
    "Co", "Co.", "Corp", "Corp.", "Inc", "Inc.", "Ltd", "Ltd.", "Plc", "PLC", "LLC", "AG", "SA",
    "NV", "Cos", "LP", "LLP", "GmbH", "SpA", "BV", "Pty", "Bhd",
]);

/// Last words of the names of events, awards and contests (`Super Bowl`,
/// `Academy Awards`, `World Cup`, `U.S. Open`, `Gulf War`), which are no
/// persons, organizations or places. A newspaper's `Globe` is no award's:
/// only `Globes` is listed.
#[rustfmt::skip]
pub(super) static EVENT_ENDINGS: WordList = WordList::new(&[
    "Award", "Awards", "Prize", "Prizes", "Cup", "Championship", "Championships", "Open",
    "Olympics", "Games", "Bowl", "Festival", "Globes", "Prix", "Marathon", "Trophy",
    "Medal", "Classic", "Series", "War", "Tournament", "Oscar", "Oscars", "Show", "Expo",
    "Summit", "Final", "Finals", "Rising", "Uprising", "Election", "Elections",
]);

/// Lowercase words that say the name right after them is the title of a
/// work (`the drama Vera Drake`, `animated comedy The Incredibles`). Words
/// that are also verbs before names (`play`, `show`, `hit`, `book`) are
/// left out: `will play Chelsea`.
#[rustfmt::skip]
pub(super) static WORK_KINDS: WordList = WordList::new(WORK_KIND_WORDS);

/// The words of [`WORK_KINDS`].
#[rustfmt::skip]
pub(super) const WORK_KIND_WORDS: &[&str] = &[
    "film", "films", "movie", "movies", "drama", "comedy", "thriller", "documentary",
    "musical", "sitcom", "album", "novel", "biopic", "blockbuster", "sequel", "prequel",
    "remake", "cartoon", "opera", "ballet", "soap", "song", "videogame", "memoir",
    "biography", "autobiography", "book", "programme",
];

/// Words after a title that say it is one of a series of works (`the Lord
/// of the Rings trilogy`); not `saga` nor `franchise`, which the news
/// writes of firms (`the Yukos saga`).
pub(super) static WORK_SERIES: WordList = WordList::new(WORK_SERIES_WORDS);

/// The words of [`WORK_SERIES`].
pub(super) const WORK_SERIES_WORDS: &[&str] = &["trilogy", "sequels", "prequels"];

/// Names of events, awards and competitions that no last word tells
/// (`Oscars`, `Golden Globe`, `Champions League`).
#[rustfmt::skip]
pub(super) static EVENT_NAMES: WordList = WordList::new(&[
    "Oscars", "Olympics", "Paralympics", "Grammy", "Grammys", "Emmys", "Baftas", "Golden Globe",
    "Premiership", "Championship", "Championships", "Premier League", "Champions League",
    "Europa League", "Bundesliga", "Serie A", "La Liga", "Ligue 1", "Six Nations", "Tri-Nations",
    "Tour de France",
    "National League", "American League", "Eurovision", "Grand National",
]);

/// Organization words after which `of <place>` names an institution.
#[rustfmt::skip]
pub(super) static INSTITUTION_HEADS: WordList = WordList::new(&[
    "Bank", "Ministry", "Department", "University", "Organization", "Organisation", "Association",
    "Council", "Federation", "Union", "Board", "Bureau", "Institute", "Chamber", "Court", "Office",
    "League", "Commission", "Committee", "Government", "Parliament", "Embassy", "Republic",
    "Kingdom", "Church",
]);

/// Words that make an institution `of` a country evidence of that country
/// (`Bank of Japan`, `Ministry of Finance of Brazil`), unlike `University of
/// Tokyo`.
#[rustfmt::skip]
pub(super) static GOVERNMENT_WORDS: WordList = WordList::new(&[
    "Ministry", "Government", "Treasury", "Embassy", "Parliament", "Senate", "Congress", "Army",
    "Navy", "Cabinet", "Department", "Administration", "Minister", "President", "Prime", "Foreign",
    "Finance", "Defense", "Defence", "Trade", "Agriculture", "Energy", "Central", "Bank",
    "Republic", "Kingdom", "Embassy", "Police", "Forces", "Officials", "Authorities", "Council",
]);

/// Words that name a kind of place, not one place, when they stand alone
/// (`the Republic`, `the County`, `the Stadium`), and that end the names
/// of grounds and streets, never a person's (`Ewood Park`).
pub(super) const PLACE_KIND_WORDS: &[&str] = &[
    "Republic",
    "County",
    "Stadium",
    "Park",
    "Square",
    "Street",
    "Road",
    "Avenue",
    "District",
    "Province",
    "Region",
    "State",
    "City",
    "Town",
    "Valley",
    "Airport",
    "Station",
    "Bridge",
    "Island",
    "Islands",
    "Coast",
    "Border",
    "Capital",
    "Kingdom",
    "Federation",
    "Territory",
];

/// First or last words of geographic names.
#[rustfmt::skip]
pub(super) static GEOGRAPHIC_WORDS: WordList = WordList::new(&[
    "Sea", "Gulf", "Lake", "Mount", "Strait", "Straits", "Bay", "Cape", "Island", "Islands",
    "River", "Ocean", "Valley", "Desert", "Peninsula", "Canal", "Mountains", "Basin", "Coast",
    "Province", "Region", "Delta", "Plateau", "Channel", "Sound", "Highlands", "Lowlands",
]);

/// Regions of the world that are no country, city nor state, which the
/// tagger sometimes reads as persons or organizations (`Latin America`,
/// `Eastern Europe`).
#[rustfmt::skip]
pub(super) static WORLD_REGIONS: WordList = WordList::new(&[
    "Latin America", "North America", "South America", "Central America", "Middle East",
    "Far East", "Eastern Europe", "Western Europe", "Central Europe", "Southern Europe",
    "Northern Europe", "Southeast Asia", "South East Asia", "East Asia", "South Asia",
    "Central Asia", "North Africa", "West Africa", "East Africa", "Southern Africa",
    "Sub-Saharan Africa", "Asia Pacific", "Asia-Pacific", "Scandinavia", "Balkans",
    "Caribbean", "Persian Gulf",
]);

/// Currency words, singular and plural, as wire copy writes them.
#[rustfmt::skip]
pub(super) static CURRENCIES: WordList = WordList::new(&[
    "dollar", "dollars", "dlr", "dlrs", "franc", "francs", "mark", "marks", "pound", "pounds",
    "sterling", "yen", "lira", "lire", "peso", "pesos", "crown", "crowns", "krona", "kronor",
    "krone", "kroner", "rupee", "rupees", "rand", "cruzado", "cruzados", "guilder", "guilders",
    "schilling", "schillings", "escudo", "escudos", "peseta", "pesetas", "riyal", "riyals", "dinar",
    "dinars", "yuan", "renminbi", "won", "ruble", "rubles", "rouble", "roubles", "euro", "euros",
    "currency",
]);

/// Endings that make a place an adjective (`London-based`, `U.S.-made`,
/// `Saudi-led`, `Las Vegas-style`).
#[rustfmt::skip]
pub(super) static PLACE_ADJECTIVE_SUFFIXES: WordList = WordList::new(&[
    "based", "owned", "made", "led", "backed", "controlled", "run", "registered", "listed",
    "headquartered", "built", "produced", "funded", "sponsored", "flagged", "born", "bred",
    "style",
]);

/// Words that alone name a direction, not a place.
pub(super) const COMPASS_WORDS: &[&str] = &[
    "North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western",
];

/// Names of days and months, capitalised wherever they stand.
#[rustfmt::skip]
pub(super) static DATE_WORDS: WordList = WordList::new(&[
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]);

/// The months as tables and datelines abbreviate them (`Feb 25`).
pub(super) static MONTH_ABBREVIATIONS: WordList = WordList::new(&[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
]);

/// Acronyms that are organizations even where they could be read otherwise.
#[rustfmt::skip]
pub(super) static KNOWN_ACRONYMS: WordList = WordList::new(&[
    "BRICS", "OPEC", "NATO", "EU", "EC", "EEC", "UN", "IMF", "WTO", "GATT", "OECD", "ASEAN", "G7",
    "G20", "ECB", "FBI", "CIA", "SEC", "FDA", "NASA", "WHO", "UNESCO", "UNICEF", "Fed", "USDA",
    "ICO", "IEA", "AU", "ECOWAS", "Mercosur", "APEC", "IAEA", "CFTC", "FTC", "NYSE", "Nasdaq",
    "OAS", "IEA", "ILO", "FAO", "IFC",
]);

/// All-capital words that are not organizations.
#[rustfmt::skip]
pub(super) static NOT_ORGANIZATIONS: WordList = WordList::new(&[
    "CEO", "CFO", "GMT", "EST", "EDT", "PM", "AM", "TV", "GDP", "GNP", "CPI", "OK", "II", "III",
    "IV", "VI", "USD", "EUR", "ID", "AIDS", "COVID", "CO2", "LNG", "LPG", "IPO", "AGM", "PLC", "NV",
    "AG", "SA", "LLC", "I", "A", "US", "UK", "USA", "USSR", "UAE", "DC", "PRC", "MP", "MPS", "VAT",
    "FOB", "CIF", "EPS", "YEAR", "QTR", "NET", "REVS", "SHR", "AVG", "SHRS", "NOTE", "OPER", "MLN",
    "DLRS", "PCT", "CTS", "NIL", "VS", "REUTER", "REUTERS", "PC", "PCS", "DVD", "DVDS", "CD", "CDS",
    "SMS", "GPS", "MPs", "PCs", "DVDs", "CDs", "HIV", "DNA", "ATM", "URL", "USB", "HD", "MP3",
    "CWT", "BPD", "BBL", "BBLS", "LBS", "BLN", "STG", "KWH", "MMBTU", "FY", "Q1", "Q2", "Q3", "Q4",
    "DJ", "DJs", "R&B", "GPRS", "MMS", "3G", "4G", "5G", "PDA", "PDAs", "LCD", "HDTV", "RSS", "PIN",
    "SUV", "SUVs", "ATMs", "PR", "HQ", "SARS", "BSE", "AI", "OS", "IT", "ADSL", "VCR", "VCRs", "MRI",
    "CCTV", "IVF", "QC", "MBE", "OBE", "CBE", "PhD", "MBA", "NGO", "NGOs", "CEOs", "GP",
    "GPs", "FM", "AWOL", "CPU", "GPU", "LED", "EV", "EVs", "ETF", "ETFs", "NFT", "NFTs", "VPN",
    "IPOs", "ISDN", "DSL", "ISP", "ISPs", "LAN", "WAP", "LIBOR", "PIBOR", "FIBOR", "EURIBOR",
    "HIBOR", "SIBOR", "BTP", "BTPs", "ADR", "ADRs", "GDR", "GDRs", "ERM", "EMU", "VII", "VIII",
    "IX", "XI", "XII",
    // Formats and techniques of recording and telephony.
    "VHS", "DRM", "GSM", "CDMA", "UMTS", "HSDPA", "WCDMA", "EDGE", "WMA", "AAC", "VoIP", "IPTV",
    "PVR", "PVRs", "DVR", "DVRs", "SIM", "RFID", "UMD", "P2P", "PDF", "HTML", "XML", "OLED",
    // Cities' initials (`at his LA home`).
    "LA", "NYC",
]);

/// Holidays and seasons written with capitals: dates, not places or
/// organizations.
pub(super) static HOLIDAYS: WordList = WordList::new(&[
    "Christmas",
    "New Year",
    "New Year's Day",
    "Easter",
    "Ramadan",
    "Thanksgiving",
    "Hanukkah",
    "Diwali",
    "Eid",
    "Boxing Day",
    "Christmas Day",
    "Christmas Eve",
    "Good Friday",
    "Lent",
]);

/// Single words of news that say nothing of any one story, never a
/// keyphrase alone (in a phrase they may be: `budget loss`).
#[rustfmt::skip]
pub(super) static GENERIC_WORDS: WordList = WordList::new(&[
    "year", "week", "month", "day", "time", "today", "period", "quarter", "government", "official",
    "spokesman", "spokeswoman", "statement", "report", "people", "place", "part", "number",
    "level", "lead", "strong", "weak", "high", "low", "loss", "gain", "rise", "fall", "increase",
    "decrease", "result", "company", "group", "country", "world", "state", "city", "way", "end",
    "point", "move", "plan", "meeting", "issue", "case", "total", "term", "side", "change", "show",
    "step", "view", "effect", "thing", "percent", "cent", "figure", "news", "visit", "summit",
    "hosting", "race", "win", "won", "play", "set", "think", "come", "top", "work", "return",
    "make", "made", "take", "took", "give", "get", "got", "going", "want", "look", "put", "told",
    "called", "added",
]);

/// Nouns used in the plural only, or whose singular means something else,
/// and words that end in `s` without being plurals.
#[rustfmt::skip]
pub(super) static NOT_PLURALS: WordList = WordList::new(&[
    "news",
    "earnings",
    "savings",
    "proceeds",
    "futures",
    "arms",
    "goods",
    "talks",
    "means",
    "series",
    "species",
    "headquarters",
    "politics",
    "economics",
    "sales",
    "thanks",
    "bias",
    "alias",
    "atlas",
    "canvas",
    "christmas",
    "physics",
    "analytics",
    "whereas",
    "perhaps",
    "always",
    "sometimes",
    "afterwards",
    "towards",
    "besides",
    "overseas",
    "lens",
    "chaos",
    "ethos",
    "pathos",
    "diabetes",
    "measles",
    "mumps",
    "logistics",
    "statistics",
    "securities",
    "affairs",
    "minutes",
    "forces",
    "customs",
    "premises",
    "riches",
    "surroundings",
    "outskirts",
    "dynamics",
    "electronics",
    "mathematics",
    "ethics",
    "athletics",
    "graphics",
    "aerospace",
]);

/// Whether a value names a known organization: one the list knows
/// ([`KNOWN_ORGANIZATIONS`]) or one the news names in several ways
/// ([`Gazetteer::organization`](super::gazetteer::Gazetteer::organization)).
pub(super) fn is_known_organization(value: &str) -> bool {
    KNOWN_ORGANIZATIONS.contains(value)
        || super::gazetteer::Gazetteer::get()
            .organization(value)
            .is_some()
}

/// Organizations that the tagger, reading only the words around them,
/// takes for persons or places (`Sony said`, `at Walmart`, `Bear Stearns
/// said`): the world's best-known companies, agencies and movements known
/// by one word that is not also a common given name, surname or place, and
/// companies whose names read as persons' (`Merrill Lynch`, named after
/// its founders) or begin with a common word (`General Motors`). Written
/// by hand for newsdex.
#[rustfmt::skip]
pub(super) static KNOWN_ORGANIZATIONS: WordList = WordList::new(&[
    "Sony", "Google", "Microsoft", "Toyota", "Nissan", "Honda", "Hyundai", "Samsung", "Huawei",
    "Alibaba", "Tencent", "Baidu", "Facebook", "Meta", "Twitter", "YouTube", "Netflix", "Spotify",
    "Uber", "Airbnb", "Tesla", "Walmart", "Verizon", "Comcast", "Disney", "Intel", "Nvidia", "IBM",
    "Oracle", "Cisco", "Qualcomm", "Motorola", "Nokia", "Ericsson", "Siemens", "Philips", "Bosch",
    "Volkswagen", "BMW", "Daimler", "Renault", "Peugeot", "Fiat", "Volvo", "Nestle", "Unilever",
    "Danone", "Pfizer", "Novartis", "Roche", "Merck", "Bayer", "AstraZeneca", "GlaxoSmithKline",
    "Moderna", "Exxon", "ExxonMobil", "Chevron", "Texaco", "Mobil", "Amoco", "Gazprom", "Rosneft",
    "Lukoil", "Yukos", "Petrobras", "Pemex", "Aramco", "Sinopec", "PetroChina", "Statoil", "Equinor",
    "Repsol", "Eni", "TotalEnergies", "Citicorp", "Citigroup", "Citibank", "HSBC", "Barclays",
    "JPMorgan", "Goldman", "UBS", "Deutsche", "Nomura", "Mitsubishi", "Mitsui", "Sumitomo",
    "Hitachi", "Toshiba", "Panasonic", "Fujitsu", "Canon", "Nintendo", "Boeing", "Airbus",
    "Lufthansa", "Aeroflot", "Reuters", "Interfax", "Xinhua", "Tass", "Itar-Tass", "Bloomberg",
    "Hezbollah", "Hamas", "Taliban", "Fatah", "Nato", "Opec", "Unicef", "Unesco", "Interpol",
    "Greenpeace", "Amnesty", "Gatt", "Wto", "Walgreens", "Costco", "Kroger", "Carrefour", "Tesco",
    "Sainsbury's", "Ikea", "Adidas", "Nike", "Reebok", "Puma", "Kodak", "Xerox", "Yahoo",
    "eBay", "PayPal", "Visa", "Mastercard", "Vodafone", "Telefonica", "Ryanair", "EasyJet",
    // Firms of the news of the 2000s the tagger reads as persons or places
    // (`a higher bid from Qwest`, `film rights from Paramount`); `Amazon`
    // after `the` stays the river (`locations::written_as_place`).
    "Amazon", "Viacom", "Paramount", "Miramax", "DreamWorks", "Pixar", "Vivendi", "Qwest",
    "WorldCom", "Enron", "Halliburton", "Compaq", "Alcatel", "Nortel", "Lucent", "Gartner",
    "Lycos", "Euronext", "Chrysler", "DaimlerChrysler", "Wal-Mart", "Napster", "Kazaa", "Skype",
    "BSkyB", "Ofcom",
    // Firms of the news since, read as persons or places as often.
    "OpenAI", "Anthropic", "DeepMind", "SpaceX", "TikTok", "ByteDance", "Xiaomi", "Foxconn",
    "Lenovo", "Glencore", "ArcelorMittal", "Infosys", "Wipro", "Deloitte", "PwC", "McKinsey",
    "Accenture", "BlackRock", "Coinbase", "Binance", "Starbucks", "Lyft", "DoorDash",
    "Instacart", "Expedia", "Raytheon", "Stellantis", "Rivian", "Burberry", "Gucci", "Prada",
    "Primark", "Waitrose", "Aldi", "Lidl", "Sanofi", "Amgen", "Regeneron", "Pinterest",
    "LinkedIn", "WhatsApp", "Instagram", "Salesforce", "Broadcom", "NatWest",
    // Firms named after their founders, which read as persons' names.
    "Bear Stearns", "Merrill Lynch", "Morgan Stanley", "Goldman Sachs", "Lehman Brothers",
    "Salomon Brothers", "Dean Witter", "Paine Webber", "PaineWebber", "Smith Barney",
    "Charles Schwab", "Kidder Peabody", "Drexel Burnham", "Drexel Burnham Lambert",
    "Shearson Lehman", "Dillon Read", "Morgan Grenfell", "Kleinwort Benson", "James Capel",
    "Hoare Govett", "Ernst & Young", "Arthur Andersen", "Price Waterhouse",
    "Hewlett Packard", "Hewlett-Packard", "Ask Jeeves", "Johnson & Johnson", "Procter & Gamble",
    "Marks & Spencer", "Rolls-Royce", "Philip Morris", "Anheuser-Busch", "Levi Strauss",
    "Ralph Lauren", "Calvin Klein", "Estee Lauder", "Louis Vuitton", "Christian Dior",
    "Hugo Boss", "Walt Disney", "Warner Bros", "Warner Brothers", "Sears Roebuck",
    "Jardine Matheson", "Cadbury Schweppes", "Clifford Chance", "Baker McKenzie",
    // Companies whose names begin with a common word (`General Motors`).
    "General Motors", "General Electric", "General Foods", "General Dynamics", "General Mills",
    "Texas Instruments", "Sun Microsystems", "Royal Dutch Shell", "Deutsche Bank",
    "Credit Suisse", "Cathay Pacific", "Burger King", "Pizza Hut", "Coca-Cola",
    "Time Warner", "Electronic Arts", "Paramount Pictures", "Vivendi Universal",
    "Jupiter Research", "Forrester Research", "Lockheed Martin", "Northrop Grumman", "Eli Lilly",
    "Rio Tinto", "Berkshire Hathaway", "Wells Fargo", "Harley-Davidson", "Thomson Reuters", "Barnes & Noble", "Standard Chartered",
    "Novo Nordisk", "Jaguar Land Rover", "Fox News", "Warner Music", "Universal Music",
    // Newspapers and magazines written with `The`, as titles are.
    "The Guardian", "Guardian", "The Observer", "The Independent", "The Economist", "Economist",
    "The Scotsman", "Scotsman", "The Sun", "The Mirror", "The Telegraph", "The Herald",
    "The Spectator", "The Atlantic", "The New Yorker", "New Yorker", "The Hollywood Reporter",
    "Hollywood Reporter", "The Lancet", "Lancet", "The Stage",
    // News and photo agencies, named in credits.
    "Associated Press", "Agence France-Presse", "Agence France Presse", "France-Presse",
    "France Presse", "Press Association",
    "PA Media", "Getty Images", "European Pressphoto Agency", "Shutterstock",
    // Programmes that are agencies.
    "World Food Programme", "World Food Program", "United Nations Development Programme",
    "UN Development Programme", "United Nations Environment Programme",
    "UN Environment Programme",
]);

/// Lowercase nouns for an organization, which name one when they stand
/// right before a capitalised word (`record company Universal`, `the
/// campaign group Liberty`).
pub(super) const ORGANIZATION_NOUNS: &[&str] = &[
    "company",
    "group",
    "firm",
    "union",
    "charity",
    "broadcaster",
    "label",
    "newspaper",
    "magazine",
    "bank",
    "club",
    "band",
    "agency",
    "network",
    "operator",
    "retailer",
    "carrier",
    "airline",
    "studio",
    "studios",
    "party",
    "giant",
    "maker",
    "chain",
    "insurer",
    "publisher",
];
