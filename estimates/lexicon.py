"""English word lists. Extend the reader mostly by adding words here.

Every list is plain data; `patterns.py` turns them into precompiled regexes. Entries may contain spaces
(matched as any run of whitespace).
"""
from __future__ import annotations

# --- numbers ------------------------------------------------------------------------------------------
UNITS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
    "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
    "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
        "ninety": 90}
SCALES = {"thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
SUFFIX_SCALES = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}

# --- qualifiers: words before (or after) a figure -> qualifier -------------------------------------------
QUALIFIERS_BEFORE = {
    "at_least": ["at least", "at the very least", "no fewer than", "no less than", "not fewer than",
                 "not less than", "a minimum of", "minimum of"],
    "more_than": ["more than", "well over", "just over", "over", "above", "well above", "upwards of",
                  "upward of", "in excess of", "greater than", "north of", "exceeded", "exceeds", "exceed",
                  "exceeding", "topped", "tops", "surpassed", "surpassing", "passed"],
    "about": ["about", "around", "some", "roughly", "approximately", "approx.", "an estimated", "estimated",
              "nearly", "almost", "close to", "just under", "circa", "in the region of", "on the order of",
              "an approximate", "more or less", "perhaps", "possibly", "an average of"],
    "up_to": ["up to", "as many as", "as high as", "as much as", "at most", "no more than", "not more than",
              "fewer than", "less than", "under", "a maximum of", "maximum of"],
    "exact": ["a total of", "total of", "exactly", "precisely", "a further", "another"],
}
QUALIFIERS_AFTER = {"at_least": ["or more", "at least"], "more_than": ["plus", "-plus", "+"],
                    "about": ["or so", "odd", "-odd"]}

# --- outcomes ----------------------------------------------------------------------------------------
# kind: "verb" = killed/wounded (active or passive); "intrans" = died/dead/missing (only ever about the
# victims); "noun" = deaths/toll/casualties (a count noun or a toll whose value is stated later).
OUTCOME_PHRASES: list[tuple[str, str, str]] = [
    # casualties first: "killed or wounded" must win over "killed"
    (r"(?:killed|dead)\s+(?:or|and|and/or)\s+(?:wounded|injured|hurt|maimed)", "casualties", "verb"),
    (r"(?:killing|killed)\s+(?:or|and)\s+(?:wounding|injuring)", "casualties", "verb"),
    (r"deaths\s+(?:and|or)\s+injuries", "casualties", "noun"),
    (r"casualt(?:y|ies)(?:\s+toll)?", "casualties", "noun"),
    (r"(?:shot|stabbed|beaten|burn(?:ed|t)|hacked|stoned|crushed|starved|froze|frozen|tortured)\s+to\s+death",
     "killed", "verb"),
    (r"shot\s+dead|gunned\s+down", "killed", "verb"),
    (r"(?:claim(?:ed|ing|s)?|took|taken|taking|cost|costing)\s+the\s+lives\s+of", "killed", "verb"),
    (r"kill(?:ed|s|ing)?|execut(?:ed|es|ing)|massacr(?:ed|ing)|slaughter(?:ed|ing)|slain|murder(?:ed|ing)|"
     r"behead(?:ed|ing)|lynched|martyred", "killed", "verb"),
    (r"lost\s+(?:their|his|her)\s+li(?:ves|fe)|died|dies|perished|dead|drowned|buried\s+alive",
     "killed", "intrans"),
    (r"death\s+toll|toll|deaths|death|fatalities|fatality|bodies|corpses|lives|dead\s+bodies", "killed", "noun"),
    (r"buried|burying|buries", "killed", "verb"),  # "we buried 17 of our neighbours"
    # "1,200 civilians were treated for gunshot and blast injuries"
    (r"treated\s+for\s+(?:[\w-]+\s+(?:and\s+|or\s+)?){0,4}?(?:injuries|wounds)", "injured", "verb"),
    (r"wound(?:ed|ing)|injur(?:ed|ing)|hurt|maimed", "injured", "verb"),
    (r"injuries|injury", "injured", "noun"),
    (r"missing|unaccounted\s+for|disappeared|vanished", "missing", "intrans"),
    # "lost" only ever governs a following count of people ("have lost nearly 1,000 soldiers"); see
    # linking._before. "lost 5,000 homes", "lost 30 percent", "lost 12 seats" name no victims: no link.
    (r"lost|losing|loses|lose", "killed", "lost"),
    # a grave links no figure itself ("202 mass graves"); it makes a count of victims a count of the dead:
    # "202 mass graves ..., which could contain between 6,000 and 12,000 victims" (see linking._graves)
    (r"(?:mass\s+)?graves?", "killed", "grave"),
]

# Stems the crawler's cheap relevance gate looks for in a page's raw bytes, matched inside words ("kill" in
# "killed", "killings"). Every outcome phrase above starts with one of them (tests/test_relevance_vocabulary.py
# checks it on every labelled case), so a page the reader would read figures from is never dropped unread.
# French, German and Spanish stems stand here until those languages have lexicons of their own.
GATE_STEMS = ["kill", "dead", "death", "died", "dies", "dying", "casualt", "civilian", "wound", "injur", "massacr",
              "victim", "bodies", "corpse", "missing", "fatalit", "slain", "perish", "execut", "behead", "murder",
              "hurt", "maim", "slaughter", "lynch", "martyr", "shot", "gunned", "stabbed", "beaten", "burn",
              "hacked", "stoned", "crushed", "starved", "froze", "tortured", "lives", "life", "drown", "buried",
              "burying", "buries", "toll", "unaccounted", "disappeared", "vanished", "lost", "losing", "lose",
              "grave", "took the lives", "taken the lives", "cost the lives", "claimed the lives",
              "tués", "morts", "victime", "blessés", "getötet", "zivilist", "muertos", "heridos"]

# Predicates that make a figure NOT a casualty count (people who fled, were deployed, live somewhere...).
BLOCKERS = [
    "displaced", "displacing", "displacement", "fled", "flee", "flees", "fleeing", "evacuated", "evacuating",
    "evacuation", "rescued", "rescuing", "arrested", "detained", "captured", "abducted", "kidnapped",
    "deployed", "deploying", "mobilised", "mobilized", "stationed", "returned", "returning", "sheltered",
    "sheltering", "housed", "hosted", "living", "lived", "live", "remain", "remained", "remaining",
    "trapped", "besieged", "stranded", "registered", "enrolled", "vaccinated", "fed", "employed",
    "surrendered", "freed", "liberated", "released", "homeless", "survived", "saved", "escaped",
    "escaping", "relocated", "resettled", "taking part", "took part", "participated", "joined",
    "recruited", "trained", "armed", "marched", "advanced", "entered", "attacked", "stormed",
]

# Words after an outcome noun and before its figure that state the toll ("the death toll rose to 40").
TOLL_LINKS = ["to", "at", "reached", "reaches", "reach", "hit", "hits", "is", "was", "are", "were", "stood at",
              "stands at", "of", "numbered", "numbers", "totalled", "totaled", "totals", "now", "stand at",
              "includes", "included", "including", "as", "be", "been", "by"]

# --- what is counted: the noun after the figure ----------------------------------------------------------
VICTIM_NOUNS = {
    "civilians": ["civilians", "civilian", "non-combatants", "noncombatants"],
    "children": ["children", "child", "kids", "boys", "girls", "infants", "babies", "minors", "toddlers",
                 "schoolchildren", "youngsters", "teenagers", "newborns", "pupils", "schoolboys",
                 "schoolgirls"],
    "women": ["women", "woman", "mothers"],
    "people": ["people", "persons", "person", "residents", "inhabitants", "individuals", "villagers",
               "iraqis", "syrians", "yemenis", "palestinians", "men", "man", "others", "locals",
               "relatives", "worshippers", "worshipers", "shoppers", "mourners", "passengers", "patients",
               "students", "pilgrims", "guests", "workers", "journalists", "doctors", "nurses", "medics",
               "volunteers", "farmers", "shepherds", "detainees", "prisoners", "yazidis", "christians",
               "victims", "members", "souls", "citizens", "bystanders",
               "homeowners", "fishermen", "aid workers", "sons", "daughters", "brothers", "sisters",
               "husbands", "wives", "fathers", "cousins", "nephews", "nieces", "uncles", "loved ones",
               "neighbours", "neighbors", "friends", "colleagues"],
    "combatants": ["fighters", "militants", "jihadists", "jihadis", "insurgents", "extremists", "terrorists",
                   "gunmen", "rebels", "snipers", "bombers", "attackers", "commanders", "isis", "isil",
                   "daesh", "combatants", "suicide bombers", "foreign fighters"],
    "security forces": ["troops", "soldiers", "policemen", "policewomen", "police", "officers", "servicemen",
                        "servicemembers", "personnel", "peshmerga", "guards", "forces", "militiamen",
                        "recruits", "conscripts", "marines", "commandos", "security forces",
                        "police officers", "service members", "paramilitaries", "army"],
}
# Modifiers skipped between a figure and its noun; some set a default class when no noun follows.
MODIFIERS = {
    "civilians": ["civilian", "innocent", "unarmed", "non-combatant"],
    "combatants": ["isis", "isil", "is", "daesh", "islamic", "state", "jihadist", "militant", "insurgent",
                   "enemy", "al-qaeda", "terrorist", "rebel"],
    "security forces": ["security", "police", "army", "government", "pro-government", "federal", "coalition",
                        "counter-terrorism", "military", "allied", "peshmerga", "militia", "special",
                        "elite", "navy", "air"],
    None: ["iraqi", "syrian", "kurdish", "yemeni", "palestinian", "afghan", "american", "us", "u.s.",
           "british", "french", "russian", "turkish", "iranian", "israeli", "local", "other", "more",
           "additional", "further", "fellow", "young", "elderly", "old", "female", "male", "unidentified",
           "unknown", "foreign", "suspected", "alleged", "armed", "sunni", "shia", "shiite", "christian",
           "yazidi", "arab", "turkmen", "displaced", "mostly", "trapped", "fleeing", "unnamed", "ordinary",
           "defenceless", "defenseless", "vulnerable", "former", "off-duty", "retired", "serving", "its", "their",
           # how the count is known: "8,119 verified deaths", "230 confirmed fatalities"
           "verified", "confirmed", "documented", "recorded", "registered", "reported", "identified",
           "his", "her", "our", "of", "them", "whom", "the", "family",
           # how sure the count is: "1,066 likely civilian deaths", "possible civilian casualties"
           "likely", "possible", "probable", "credible", "potential"],
}
# Nouns that are counted but are not casualties: the figure is not a casualty figure.
NOT_VICTIMS = [
    "homes", "houses", "buildings", "apartments", "schools", "hospitals", "clinics", "mosques", "churches",
    "shops", "bridges", "roads", "strikes", "airstrikes", "raids", "sorties", "bombs", "bombings", "rockets",
    "missiles", "shells", "mortars", "munitions", "rounds", "bullets", "vehicles", "cars", "trucks", "tanks",
    "weapons", "guns", "families", "households", "household", "days", "day", "weeks", "week", "months", "month", "years",
    "year", "hours", "hour", "minutes", "minute", "seconds", "km", "kilometres", "kilometers", "miles",
    "metres", "meters", "feet", "tonnes", "tons", "kg", "kilograms", "dollars", "euros", "pounds", "dinars",
    "times", "percent", "refugees", "idps", "camps", "tents", "villages", "towns", "cities", "districts",
    "neighbourhoods", "neighborhoods", "sites", "targets", "positions", "words", "pages", "reports",
    "incidents", "attacks", "allegations", "projects", "points", "votes", "seats", "acres", "hectares",
    "beds", "meals", "litres", "liters", "documents", "videos", "photos", "images", "articles", "countries",
    "nations", "organisations", "organizations", "agencies", "companies", "jobs", "flights", "barrels",
    "storeys", "stories", "floors", "rooms", "tunnels", "checkpoints", "cases", "claims", "complaints",
    "investigations", "kilometre", "kilometer", "mile", "metre", "meter", "percentage", "pc", "projects",
    "locations", "structures", "properties", "facilities", "wells", "trees", "animals", "sheep", "cattle",
    "per", "a.m.", "p.m.", "am", "pm", "gmt", "bc", "ad", "square", "sq", "degrees", "calories", "items",
    "pieces", "boxes", "kits", "packages", "parcels", "tonnes", "loads", "convoys", "aircraft", "planes",
    "jets", "drones", "helicopters", "ships", "boats", "battalions", "brigades", "divisions", "units",
    "groups", "teams", "tribes", "clans", "miles", "streets", "blocks", "quarters", "camps", "displaced",
    "evacuees", "survivors", "returnees", "seconds", "decades", "centuries", "rows",
]

# --- attribution -------------------------------------------------------------------------------------
REPORT_VERBS = [
    "said", "says", "say", "told", "tells", "tell", "reported", "reports", "report", "estimated", "estimates",
    "estimate", "believes", "believe", "believed", "claimed", "claims", "claim", "announced", "announces",
    "announce", "confirmed", "confirms", "confirm", "stated", "states", "added", "adds", "noted", "notes",
    "recorded", "records", "record", "documented", "documents", "document", "counted", "counts", "count",
    "acknowledged", "acknowledges", "acknowledge", "admitted", "admits", "admit", "conceded", "concedes",
    "found", "finds", "find", "put", "puts", "warned", "warns", "revealed", "reveals", "alleged", "alleges",
    "wrote", "writes", "tallied", "tallies", "registered", "verified", "verifies", "calculated",
    "calculates", "concluded", "concludes", "showed", "shows", "show", "indicated", "indicates", "indicate", "suggested", "suggest",
    "suggests", "listed", "lists", "cited", "cites", "assessed", "assesses", "projected", "explained",
    "insisted", "stressed", "disclosed", "informed", "attributes", "attributed", "attribute", "logs", "logged",
    "accuses", "accused", "compiled", "compiles", "described", "describes",
]
# Reporting verbs that introduce a speaker (others introduce a record: "recorded", "counted").
SPEECH_VERBS = ["said", "says", "say", "told", "tells", "tell", "added", "adds", "noted", "notes", "stated",
                "states", "reported", "reports", "report", "claimed", "claims", "claim", "announced", "announces",
                "confirmed", "confirms", "warned", "warns", "explained", "insisted", "stressed", "believes",
                "believe", "believed", "estimated", "estimates", "estimate", "alleged", "alleges"]
# Subjects that are no claimant (pronouns, dummies): the attribution then names nobody.
NON_CLAIMANTS = frozenset(
    ("it he she they we i you who which this that these those there what one some others it's "
     # a conjunction opening a clause is no subject: "..., but says the actual figure is higher"
     "but and or yet so also then however "
     # an adverb before the verb is no subject either: "it had revised its assessment and now believed ..."
     "now still later previously earlier first initially originally further again already currently "
     "subsequently separately reportedly").split()
)
# Nouns for data behind an "according to"/possessive attribution ("figures released by X", "X's tally").
DATA_NOUNS = ["estimate", "estimates", "count", "counts", "tally", "tallies", "figures", "figure", "data",
              "report", "reports", "investigation", "survey", "records", "record", "toll", "calculations",
              "calculation", "analysis", "assessment", "statistics", "numbers", "research", "study",
              "database", "documentation", "monitoring", "list", "findings", "study", "review", "reviews",
              "tracking", "log", "projection", "projections"]
# Data nouns that may follow a capitalised organisation with no possessive: "The Associated Press tally
# of 9,000 dead", "a UN estimate of 2,500", "An Iraq Body Count analysis of 3,100 deaths".
NP_DATA_NOUNS = ["estimate", "estimates", "count", "tally", "figures", "figure", "data", "report",
                 "investigation", "survey", "records", "calculations", "calculation", "analysis", "assessment",
                 "statistics", "numbers", "research", "study", "database", "review", "projection"]

# --- dates and identifiers ---------------------------------------------------------------------------
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
          "oct", "nov", "dec"]
IDENTIFIER_WORDS = ["resolution", "resolutions", "issue", "no.", "no", "nos.", "#", "article", "chapter",
                    "page", "pages", "law", "decree", "flight", "route", "highway", "road", "brigade",
                    "division", "battalion", "unit", "room", "block", "section", "paragraph", "item",
                    "vol.", "volume", "edition", "episode", "season", "file", "case", "verse", "line",
                    "level", "grade", "phase", "aged", "age", "ages", "ranked", "rank", "score", "scored",
                    "rated", "code", "model", "version", "cell", "ward", "bed", "gate", "platform", "year",
                    "years", "class", "category", "order", "act", "protocol", "number", "team", "squad",
                    "regiment", "corps", "fleet", "zone", "sector", "camp", "checkpoint", "bridge", "street"]
YEAR_PREPOSITIONS = ["in", "since", "of", "by", "until", "till", "from", "during", "before", "after", "early",
                     "late", "mid", "mid-", "year", "summer", "spring", "winter", "autumn", "fall", "for",
                     "through", "throughout", "between", "and", "to", "the", "on", "whole", "entire"]
