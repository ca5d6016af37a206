"""The word lists and regular expressions the text rules share (discover, candidates).

These describe English news prose, not any one entity, so they stay in code: a role
word before a name, the form of an organisation's name, a weapon designation.
"""

from __future__ import annotations

import re

# A capitalised word of a name: "Erdoğan", "Jae-il", "O'Brien", "McCarthy".
NAME = r"[A-ZÀ-ÖØ-ÞĀ-ž][\w'’]*(?:-[\w'’]+)*"
# A rule that starts at a word (no letter, apostrophe, dot, "&" or hyphen before it) puts
# this after its first character, not a lookbehind before it: a pattern that opens with a
# character class lets the regex engine skip to the next capital in C, where a leading
# lookbehind is tried at every character. Same matches: the first character is never a
# newline, so "." always matches it.
_STARTS_WORD = r"(?<![\w'’.&-].)"
_NAME_START = rf"[A-ZÀ-ÖØ-ÞĀ-ž]{_STARTS_WORD}[\w'’]*(?:-[\w'’]+)*"
PARTICLE = r"(?:bin|ibn|al|el|de|da|do|dos|du|van|von|der|den|di|la|le|abu|ben)"
# A middle initial: "Joseph R. Biden", "Charles Q. Brown".
INITIAL = r"[A-Z]\."
# Two to four name words, particles ("bin", "al", "van") and middle initials allowed between.
FULL_NAME = rf"{NAME}(?:\s+(?:{INITIAL}\s+)?(?:{PARTICLE}\s+){{0,2}}{NAME}){{1,3}}"

ROLES = (
    r"(?:Vice |Deputy )?President|(?:Deputy )?Prime Minister|Chancellor|King|Queen|"
    r"Crown Prince|Emir|Sultan|Sheikh|Pope|"
    r"(?:Deputy |Acting )?(?:Defen[cs]e|Foreign|Interior|Finance|Economy|Trade|Armed Forces|"
    r"Industry|Energy|Security) Minister|Minister(?: of [A-Z][\w-]*(?:(?: and| of)? [A-Z][\w-]*)*)?|"
    r"(?:Defen[cs]e|Foreign|Home|Air Force|Army|Navy) Secretary|Secretary of (?:State|Defen[cs]e|"
    r"War|the (?:Army|Navy|Air Force))|Secretary[- ]General|Under ?secretary|"
    r"(?:Senior |Lieutenant |Major |Brigadier |Lt\.? |Maj\.? |Brig\.? |Lt-|Maj-)?(?:General|Gen\.?)|"
    r"(?:Vice |Rear |Fleet )?(?:Admiral|Adm\.?)|(?:Lieutenant |Lt\.? )?(?:Colonel|Col\.?)|Major|Captain|"
    r"Capt\.|Commander|Cmdr\.|(?:Air |Air Chief |Air Vice[- ]|Field )?Marshal|Commodore|Brigadier|"
    r"(?:Staff |Master |First )?Sergeant|Sgt\.|(?:Chief )?Warrant Officer|Lieutenant|Lt\.|"
    r"(?:Police |High )?Commissioner|Inspector[- ]General|Attorney[- ]General|Prosecutor[- ]General|"
    r"Premier|Speaker|Prince|Princess|Sheikha|Imam|Ayatollah|Grand Ayatollah|Cardinal|Patriarch|"
    r"Senator|Sen\.|Representative|Rep\.|Congressman|Congresswoman|Ambassador|Governor|Gov\.|"
    r"Mayor|Director|Chairman|Chairwoman|Chief Executive|CEO|chief executive(?: officer)?|"
    r"chairman|chairwoman|chief of staff|Chief of Staff|chief of the general staff|"
    r"Chief of the General Staff|commander|spokesman|spokeswoman|spokesperson|director|"
    r"president|chief|leader|envoy|minister|secretary|ambassador|governor|senator|mayor|"
    r"analyst|researcher|professor|adviser|advisor|official|founder|co-founder|executive|boss|"
    r"Mr\.?|Ms\.?|Mrs\.?|Dr\.?"
)
ROLE_BEFORE = re.compile(rf"(?<![\w-])(?:{ROLES})\s+(?P<name>{FULL_NAME})")
HEAD_OF = re.compile(rf"\bhead of [^,.;()\"“”]{{2,60}},\s+(?P<name>(?:(?:{ROLES})\s+)?{FULL_NAME})")
APPOSITION = re.compile(
    rf"(?<![\w'’.&-])(?P<name>{FULL_NAME}),\s+(?:the |a |an |its |their )?(?:[\w'’-]+\s+){{0,4}}?"
    r"(?:chief executive|CEO|chairman|chairwoman|head|commander|minister|spokesman|"
    r"spokeswoman|spokesperson|president|director|general|ambassador|chief)\b"
)
# A role before the name, between commas: "the premier, Jan Novak, said", "its head, Vice
# Admiral Nils Stensen, told", "the minister of police, Ana Lopes." The role phrase may
# run on ("of police, national security and correctional services").
ROLE_NOUNS = (
    r"premier|president|prime minister|minister|head|chief|commander|spokesman|spokeswoman|"
    r"spokesperson|director|director-general|leader|envoy|ambassador|secretary|governor|"
    r"chairman|chairwoman|chair|founder|co-founder|executive|officer|general|admiral|"
    r"prosecutor|mayor|king|emir|sultan|chancellor|adviser|advisor|deputy|commissioner|"
    r"representative|coordinator|negotiator|analyst|researcher|boss|owner|captain"
)
ROLE_APPOSITION = re.compile(
    rf"\b(?:[Tt]he|[Ii]ts|[Hh]is|[Hh]er|[Tt]heir|[Aa]n?|[Ww]hose|[A-Z][\w.-]*(?:\s[A-Z][\w.-]*)?['’]s)\s+"
    rf"(?:[\w'’-]+\s+){{0,4}}?(?:{ROLE_NOUNS})"
    r"(?:\s+(?:of|for|at|in)\s+[^;.()“”\"]{1,90}?)?,\s+"
    rf"(?P<name>(?:(?:{ROLES})\s+)?{FULL_NAME})(?=\s*,|\s*\.|\s+(?:said|says|told|added|warned|wrote))"
)
SAID = re.compile(
    rf"(?<![\w'’.&-])(?P<name>{FULL_NAME})\s+(?:said|says|told|added|stated|announced|"
    r"noted|warned|wrote|explained|confirmed)\b"
)
# The same two rules searched from their cue, the rare part, back to the name: scanning
# for a full name at every capital letter of every paragraph was the costly part.
SAID_CUE = re.compile(
    r"\s+(?:said|says|told|added|stated|announced|noted|warned|wrote|explained|confirmed)\b"
)
APPOSITION_CUE = re.compile(
    r",\s+(?:the |a |an |its |their )?(?:[\w'’-]+\s+){0,4}?"
    r"(?:chief executive|CEO|chairman|chairwoman|head|commander|minister|spokesman|"
    r"spokeswoman|spokesperson|president|director|general|ambassador|chief|leader|founder|"
    r"officer|adviser|advisor|envoy|governor|negotiator|diplomat|lawmaker|colonel|premier)\b"
)
# A run of capitalised name words: a title and a name ("Defence Minister Jan Novak"), a
# name, or another name. One scan finds them all; the person rules then read a run's own
# words (a title inside it) and its neighbours (a role word before it, "said" or a role in
# apposition after it), so no rule scans the text for a name at every capital letter.
NAME_RUN = re.compile(
    rf"(?P<name>{_NAME_START}(?:\s+(?:{INITIAL}\s+)?(?:{PARTICLE}\s+){{0,2}}{NAME}){{1,6}})"
)
SAID_NEXT = re.compile(
    r"\s+(?:said|says|told|added|stated|announced|noted|warned|wrote|explained|confirmed)\b"
)
# Capitalised words of a title: a run holding one before two name words is a person.
ROLE_WORDS = frozenset(
    """President Minister Chancellor King Queen Prince Princess Emir Sultan Sheikh Sheikha Pope
Premier Speaker Secretary Undersecretary General Gen Gen. Admiral Adm Adm. Colonel Col Col.
Major Maj Maj. Captain Capt Capt. Commander Cmdr Cmdr. Marshal Commodore Brigadier Sergeant
Sgt Sgt. Officer Lieutenant Lt Lt. Commissioner Inspector Attorney Prosecutor Imam Ayatollah
Cardinal Patriarch Senator Sen Sen. Representative Rep Rep. Congressman Congresswoman
Ambassador Governor Gov Gov. Mayor Director Chairman Chairwoman Chair Executive CEO Mr Mr. Ms
Ms. Mrs Mrs. Dr Dr. Professor Prof Prof. Envoy Spokesman Spokeswoman Spokesperson Chief Leader
Judge Justice Sir Dame Lord Lady""".split()
)
# Lower-case role words just before a name: "spokesman Jan Novak", "chief executive Jane Doe".
ROLE_BEFORE_WORDS = frozenset(
    """commander spokesman spokeswoman spokesperson director president chief leader envoy
minister secretary ambassador governor senator mayor analyst researcher professor adviser
advisor official founder co-founder executive boss chairman chairwoman officer""".split()
)
SAID_AFTER = re.compile(rf"[,”\"]\s+(?:said|says|added|according to)\s+(?P<name>{FULL_NAME})")

# Organisations by the form of their name.
_ORG_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ž][\w&'’.-]*"  # accented capitals too ("Électricité")
_ORG_WORD_START = rf"[A-ZÀ-ÖØ-ÞĀ-ž]{_STARTS_WORD}[\w&'’.-]*"
ORG_SUFFIX = re.compile(
    # "and" joins words of one name only before a suffix word ("Science and Technology
    # Company"), never two firms ("Volta Shipbuilding and Nordhavn Dynamics").
    rf"(?P<name>{_ORG_WORD_START}(?<!['’]s)\s+(?:and\s+(?=Technology|Engineering))?"
    rf"(?:{_ORG_WORD}(?<!['’]s)\s+(?:and\s+(?=Technology|Engineering))?){{0,4}}"
    r"(?:Industries|Aerospace|Dynamics|Technologies|Technology|Company|"
    r"Corporation|Shipbuilding|Shipyards?|Electronics|Holdings|Agency|Directorate|Systems|"
    r"Group|Arsenal|Works|Robotics|Labs|Armaments|Engineering|Guard|Center|Centre|Institute|"
    r"Council|Commission|Bureau|Authority|Administration|Command|Service)"
    # "Asan Institute for Policy Studies", "Agency for Defense Development": a "for" phrase
    # of capitalised words after a research or state body's word is part of its name.
    rf"(?:(?:(?<=Institute)|(?<=Center)|(?<=Centre)|(?<=Council)|(?<=Agency)|(?<=Commission))"
    rf" for (?:the )?{_ORG_WORD}(?: (?:and )?{_ORG_WORD}){{0,3}})?)(?![\w-])"
)
# "carmaker Jaguar Land Rover", "drone maker Nordwind": a name after a word for a firm.
FIRM_WORDS = (
    r"firm|company|carmaker|automaker|maker|manufacturer|contractor|shipbuilder|"
    r"start-up|startup|conglomerate|supplier|giant|subsidiary|insurer|lender|"
    r"producer|operator|shipyard|consortium|group|gang|militia|outfit|"
    r"developer|integrator|shipowner|shipper|carrier|agency|think tank|watchdog"
)
# Words for what an organisation is, after its name: "Kership, a joint venture of ...",
# "Zorya, a state-owned shipyard,".
KIND_WORDS = (
    r"firm|company|companies|shipyard|shipbuilder|consortium|joint venture|group|gang|militia|"
    r"contractor|manufacturer|maker|start-up|startup|subsidiary|conglomerate|agency|operator|"
    r"think tank|organisation|organization|coalition|movement|network|alliance|institute"
)
ORG_DESCRIBED = re.compile(
    rf"(?<![\w-])(?:{FIRM_WORDS})(?:,?\s+(?:known as|called|named|calling itself|dubbed))?"
    rf"\s+(?P<name>{_ORG_WORD}(?:\s+(?:&\s+)?{_ORG_WORD}){{0,3}})"
)
ORG_KIND_AFTER = re.compile(
    rf"(?P<name>{_ORG_WORD_START}(?:\s+(?:&\s+)?{_ORG_WORD}){{0,3}}),\s+"
    rf"(?:a|an|the)\s+(?:[\w'’-]+\s+){{0,4}}?(?:{KIND_WORDS})\b"
)
# "the operator, Athens-based Pelagos Shipping, said": a firm named after the word for it.
ORG_ROLE_APPOSITION = re.compile(
    r"(?i:\b(?:the|its|their)\s+(?:ship's\s+|vessel's\s+)?(?:operator|owner|manager|builder|"
    r"maker|manufacturer|contractor|developer|supplier|shipyard|insurer))"
    rf",\s+(?:[A-Z][\w-]*-based\s+)?(?P<name>{_ORG_WORD}(?:\s+(?:&\s+)?{_ORG_WORD}){{0,3}}),"
)
ORG_OF = re.compile(
    rf"(?P<name>(?:Ministry|Presidency|Department|Directorate|Agency|Office) of (?:the )?"
    rf"{_ORG_WORD}(?:\s+(?:and\s+|of\s+|for\s+)?{_ORG_WORD}){{0,4}})"
)
# "the Romanian defence ministry", "Ghana's air force": a country's state body, named by
# the country and a body word (any case); discover names it "<Adjective> <Body>".
STATE_BODY = re.compile(
    rf"(?P<place>[A-Z]{_STARTS_WORD}[\w’'.-]*(?:\s[A-Z][\w’'.-]*){{0,2}}?)(?:['’]s)?\s+"
    r"(?P<body>(?i:defen[cs]e\s+ministry|ministry\s+of\s+(?:national\s+)?defen[cs]e|"
    r"foreign\s+ministry|ministry\s+of\s+foreign\s+affairs|interior\s+ministry|"
    r"armed\s+forces|army|navy|air\s+force|coast\s+guard))(?![\w-])"
    r"(?!\s+(?i:minister|secretary|ministry)\b)"
)
STATE_BODY_NAMES = {
    "defence ministry": "Ministry of Defence",
    "ministry of defence": "Ministry of Defence",
    "ministry of national defence": "Ministry of Defence",
    "foreign ministry": "Foreign Ministry",
    "ministry of foreign affairs": "Foreign Ministry",
    "interior ministry": "Interior Ministry",
    "armed forces": "Armed Forces",
    "army": "Army",
    "navy": "Navy",
    "air force": "Air Force",
    "coast guard": "Coast Guard",
}
# "Presidency of Defence Industries (SSB)": a name followed by its acronym.
ACRONYM_AFTER = re.compile(
    rf"(?P<name>{_ORG_WORD_START}(?:\s+(?:(?:of|and|for|the|de|in|on|at|to|against|del|des|"
    rf"la|el|du|di|da|der|für|und)\s+)*(?:{_ORG_WORD}|\d{{1,4}})){{1,10}})"
    r"\s+\((?P<acronym>[A-Z][A-Za-z0-9&-]{1,9})\)"
)

# Weapon designations next to a word that says what the thing is.
DESIGNATION = (
    r"(?:Type\s\d{2,3}[A-Z]?|[A-Z][A-Za-z]{0,7}-\d{1,4}[A-Z]{0,4}\d?"
    r"|[A-Z]{1,3}\d{1,4}[A-Z]{0,3}(?:-[A-Z]{1,3})?|\d[A-Z]\d{1,3}[A-Z]?|[A-Z][a-z]{2,9}\s\d{1,3}[A-Z]?)"
)
SYSTEM_WORDS = (
    r"missiles?|launchers?|fighters?|jets?|frigates?|destroyers?|corvettes?|submarines?|"
    r"tanks?|howitzers?|drones?|UAVs?|UCAVs?|helicopters?|rockets?|systems?|interceptors?|"
    r"bombers?|aircraft|IFVs?|APCs?|radars?|warships?|cruisers?|vessels?|guns?|"
    r"loitering munitions?|armoured vehicles?|armored vehicles?|fighting vehicles?|"
    r"combat vehicles?|carriers?|trainers?|airlifters?|transports?|underwater vehicles?|AUVs?|UUVs?|"
    r"USVs?|surface drones?|sonars?|jammers?|decoys?|satellites?|boats?|cutters?|minehunters?"
)
# DESIGNATION with its first character taken out of the alternatives, so the pattern opens
# with a character class (see _STARTS_WORD): each alternative, in the same order, checks
# that first character is one it starts with.
_DESIGNATION_SCAN = (
    r"[A-Z\d](?<![\w-].)(?:(?<=T)ype\s\d{2,3}[A-Z]?|(?<=[A-Z])[A-Za-z]{0,7}-\d{1,4}[A-Z]{0,4}\d?"
    r"|(?<=[A-Z])[A-Z]{0,2}\d{1,4}[A-Z]{0,3}(?:-[A-Z]{1,3})?|(?<=\d)[A-Z]\d{1,3}[A-Z]?"
    r"|(?<=[A-Z])[a-z]{2,9}\s\d{1,3}[A-Z]?)"
)
WEAPON = re.compile(
    rf"(?P<name>{_DESIGNATION_SCAN})(?![\w-])"
    rf"(?:\s+[A-Z][a-z]+){{0,2}}(?:\s+[a-z][\w-]*){{0,3}}?\s+(?:{SYSTEM_WORDS})\b"
)
SHIP_CLASS = re.compile(
    r"(?<![\w'’.&-])(?P<name>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*-class)\s+(?:[a-z][\w-]*\s+){0,2}"
    r"(?:frigates?|destroyers?|corvettes?|submarines?|carriers?|cruisers?|ships?|vessels?|boats?|"
    r"cutters?|minehunters?|minesweepers?|icebreakers?|tankers?|oilers?|patrol craft|landing craft)\b"
)

# Words that end a weapon-like designation match in ordinary prose ("Block 70 fighters").
NOT_DESIGNATION = frozenset(
    {
        "Block",
        "Batch",
        "Flight",
        "Lot",
        "Increment",
        "Phase",
        "Mark",
        "Model",
        "Series",
        "Tranche",
        "Version",
        "Gen",
        "Article",
        "Unit",
        "Brigade",
        "Division",
        "Regiment",
        "Squadron",
        "Wing",
        "Group",
        "Battalion",
        "Corps",
        "Fleet",
        "Army",
        "Route",
        "Level",
        "Day",
        "Page",
        "Section",
        "Chapter",
        "Number",
        "COVID",
        "Covid",
    }
)
NOT_DESIGNATION_FORMS = re.compile(r"^(?:G-?\d+|COVID-19|MH-?\d+|P-?5|E-?3|C-?\d)$")

# Words that make a capitalised sequence something other than a person's name.
_NOT_PERSON_WORDS = """
The A An This That These Those It He She They We I His Her Their Our Its In On At For But And
Or If When While After Before As According Officials Analysts Sources Experts Monday Tuesday
Wednesday Thursday Friday Saturday Sunday January February March April May June July August
September October November December Staff Ministry Office Department Command Forces Force Army
Navy Guard Corps Council Agency Service Services Group Company Industries Systems Aerospace
Defence Defense Security Intelligence House Kremlin Pentagon Government Parliament Assembly
Congress Senate Committee Commission Union Alliance Organisation Organization Institute Centre
Center University Bank Fund Party Authority Administration Bureau Directorate Presidency
Embassy Mission Police Marines Fleet District Region Province Republic Kingdom State States
News Times Post Journal Reuters Associated Press Television Radio TV Media Daily Review Report
Research Technologies Electronics Dynamics Corporation Holdings Shipbuilding Airlines Airways
Motors Energy Oil Gas Space Ltd Inc Corp Co AG SA GmbH plc LLC Minister President General
Admiral Colonel Commander Secretary Chief Director Prime Foreign Deputy Air Missile Missiles
Tank Tanks Drone Drones Base Sea Ocean Strait Gulf Island Islands North South East West
Northern Southern Eastern Western Central Middle Capital Street Square Bridge Airport Port Day
Week Year Act Law Treaty Agreement Accord Summit Conference Forum Exercise Operation Project
Programme Program Initiative Plan Strategy Doctrine Cup War Battle Front Line Zone Sector
Province Oblast Krai Brigade Division Regiment Battalion Squadron Wing Unit Units Federal
National International Royal Imperial People Peoples Democratic Islamic Arab European African
Asian American Western Soviet Communist Socialist Labour Labor Conservative Liberal Green
Christian Catholic Orthodox Muslim Jewish Hindu Buddhist Sunni Shia Shiite Kurdish Houthi Hamas
Hezbollah Taliban Chair Chairman Chairwoman Governor Senator Sen Rep Representative Ambassador
Spokesman Spokeswoman Spokesperson Mayor Judge Justice Speaker King Queen Prince Princess Sheikh
Emir Sultan Pope Captain Major Lieutenant Sergeant Marshal Gen Adm Col Lt Maj Capt Mr Mrs Ms Dr
Sir Dame Lord Lady Professor Prof Vice Acting Former Manager Coach CEO Leader Councillor
Commissioner Inspector Chancellor Premier Envoy Officer
Marine Maritime Robotics Labs Solutions Partners Consulting Ventures Networks
Software Analytics Logistics Engineering Armaments Munitions Arms Weapons Optics Avionics Works
Yards Shipyard Shipyards Motors Machinery Instruments Telecom Communications Satellite Drones
"""
NOT_PERSON = frozenset(_NOT_PERSON_WORDS.split())
# One-word "organisation" names a rule must not take: ordinary capitalised words that
# follow a word for a firm or group ("the group Monday", "a company Reuters cited").
NOT_ORG = frozenset(
    """Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
June July August September October November December Today Yesterday Tomorrow Last Next
It Its This That These Those Such Some Many Most Other Others Several Both Each Every""".split()
)
# Last words of a law, treaty or plan's name: never an organisation ("Countering
# America's Adversaries Through Sanctions Act (CAATSA)", "Open Skies Treaty").
LAW_WORDS = frozenset(
    """Act Acts Treaty Treaties Agreement Agreements Accord Accords Convention Conventions
Protocol Law Laws Bill Charter Directive Regulation Regulations Resolution Code Amendment
Doctrine Declaration Memorandum Pact Deal Plan Strategy Review Report Initiative Programme
Program Exercise Drill Drills Operation Framework Arrangement Statute Ordinance Decree
Roadmap Concept Compact""".split()
)
# Words of a title before a name: a found name starts after the last of them.
TITLES = frozenset(
    """
Minister President Secretary Chief Director Deputy Cabinet Chair Chairman Chairwoman Governor
Senator Sen Rep Representative Ambassador Spokesman Spokeswoman Spokesperson Mayor Speaker
Chancellor Premier Envoy Commissioner Inspector General Admiral Colonel Commander Captain Major
Lieutenant Sergeant Marshal Gen Gen. Adm Adm. Col Col. Lt Lt. Maj Maj. Capt Capt. Mr Mr. Mrs Mrs.
Ms Ms. Dr Dr. Sir Dame Prof Professor Vice Acting Former CEO Leader Coach Manager Officer
""".split()
)
