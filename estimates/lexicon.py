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
    # "the killings of some 60 other civilians", "the summary execution of at least 26 men": the act's noun
    (r"kill(?:ed|s|ing|ings)?|execut(?:ed|es|ing|ion|ions)|massacr(?:ed|ing)|slaughter(?:ed|ing)|slain|murder(?:ed|ing|s)?|"
     r"behead(?:ed|ing)|lynched|martyred", "killed", "verb"),
    (r"lost\s+(?:their|his|her)\s+li(?:ves|fe)|died|dies|perished|dead|drowned|buried\s+alive",
     "killed", "intrans"),
    (r"death\s+toll|toll|deaths|death|fatalities|fatality|bodies|corpses|lives|dead\s+bodies|remains(?=\s+of\b)", "killed", "noun"),
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
              "grave", "remains", "took the lives", "taken the lives", "cost the lives", "claimed the lives",
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
                   "daesh", "combatants", "suicide bombers", "foreign fighters", "armed men"],
    "security forces": ["troops", "soldiers", "policemen", "policewomen", "police", "officers", "servicemen",
                        "servicemembers", "personnel", "peshmerga", "guards", "forces", "militiamen",
                        "recruits", "conscripts", "marines", "commandos", "security forces",
                        "police officers", "service members", "paramilitaries", "army", "peacekeepers",
                        "peacekeeper", "blue helmets"],
}
# Modifiers skipped between a figure and its noun; some set a default class when no noun follows.
MODIFIERS = {
    "civilians": ["civilian", "innocent", "unarmed", "non-combatant"],
    "combatants": ["isis", "isil", "is", "daesh", "islamic", "state", "jihadist", "militant", "insurgent",
                   "enemy", "al-qaeda", "terrorist", "rebel", "separatist", "jihadi"],
    "security forces": ["security", "police", "army", "government", "pro-government", "federal", "coalition",
                        "counter-terrorism", "military", "allied", "peshmerga", "militia", "special",
                        "elite", "navy", "air"],
    None: ["iraqi", "syrian", "kurdish", "yemeni", "palestinian", "afghan", "american", "us", "u.s.",
           "british", "french", "russian", "turkish", "iranian", "israeli", "local", "other", "more",
           "additional", "further", "fellow", "young", "elderly", "old", "female", "male", "unidentified",
           "unknown", "foreign", "suspected", "alleged", "armed", "sunni", "shia", "shiite", "christian", "tribal",
           "yazidi", "arab", "turkmen", "displaced", "mostly", "trapped", "fleeing", "unnamed", "ordinary",
           "defenceless", "defenseless", "vulnerable", "former", "off-duty", "retired", "serving", "its", "their",
           # how the count is known: "8,119 verified deaths", "230 confirmed fatalities"
           "verified", "confirmed", "documented", "recorded", "registered", "reported", "identified",
           "his", "her", "our", "of", "them", "whom", "the", "family", "those", "these",
           # how sure the count is: "1,066 likely civilian deaths", "possible civilian casualties"
           "likely", "possible", "probable", "credible", "potential",
           # what kind of death: "10,212 violent deaths", "2,000 conflict-related deaths"
           "violent", "excess", "conflict-related", "war-related", "battle-related", "preventable"],
}
# Nouns that are counted but are not casualties: the figure is not a casualty figure.
NOT_VICTIMS = [
    "homes", "houses", "sources", "outlets", "buildings", "apartments", "schools", "hospitals", "clinics", "mosques", "churches",
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
    # a toll changed by the one who keeps it: "the health directorate has raised the toll to 15"
    "raised", "raises", "revised", "revises", "updated", "updates", "lowered", "lowers",
    # a count given by its keeper: "the health directorate has given its own figures: 16 civilians killed"
    "gave", "gives",
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
     "but and or yet so also then however no none nobody "
     # an adverb before the verb is no subject either: "it had revised its assessment and now believed ..."
     "now still later previously earlier first initially originally further again already currently "
     "subsequently separately reportedly").split()
)
# Nouns for data behind an "according to"/possessive attribution ("figures released by X", "X's tally").
# staff who speak for where they work ("medics at a field clinic"), and the places they work at (role_at_body)
STAFF_ROLES = ["doctor", "doctors", "nurse", "nurses", "medic", "medics", "paramedic", "paramedics", "surgeon",
               "surgeons", "physician", "physicians", "health worker", "health workers", "staff", "staff member",
               "staff members", "worker", "workers", "employee", "employees", "volunteer", "volunteers", "official",
               "officials", "administrator", "administrators", "director", "spokesman", "spokeswoman", "spokesperson"]
STAFF_PLACES = ["hospital", "clinic", "morgue", "field hospital", "health centre", "health center", "medical centre",
                "medical center", "trauma centre", "trauma center", "trauma stabilisation point", "infirmary"]
DATA_NOUNS = ["estimate", "estimates", "count", "counts", "tally", "tallies", "figures", "figure", "data",
              "report", "reports", "investigation", "survey", "records", "record", "toll", "calculations",
              "calculation", "analysis", "assessment", "statistics", "numbers", "research", "study",
              "database", "documentation", "monitoring", "list", "findings", "study", "review", "reviews",
              "tracking", "log", "projection", "projections",
              "statement", "statements", "communique", "bulletin", "update"]  # "a statement posted by the directorate"
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


# --- constructions: regex fragments too irregular for a word list (see language.py) --------------------
# `<NAME>` stands for the alternation of the word list NAME above. Matched case-insensitively unless noted.
DETECT_WORDS = ["the", "of", "and", "to", "in", "was", "were", "said", "that", "is", "by", "for", "with",
                "on", "at", "from", "killed", "people", "have", "has", "been", "their", "which"]
RANGE_OPENERS = ["between", "between an estimated", "between some",   # "between 9,000 and 11,000"
                 "at least"]                                           # "at least 11,000 and as many as 13,000"
RANGE_AND = ["and", "-", "–", "—", "and as many as", "and up to", "and perhaps as many as",
             "and possibly as many as", "but as many as"]             # the link after RANGE_OPENERS
RANGE_TO = ["to", "-", "–", "—", "or"]                                # "9,000 to 11,000", "9,000-11,000"
CHANGE_FROM = ["from"]                                                # "rose from 120 to 240": a change
CHANGE_VERBS = ["rose", "risen", "rise", "rising", "increased", "climbed", "jumped", "grew", "raised",
                "revised", "up", "went"]
MONTHS_AFTER = [m for m in MONTHS if m != "may"]  # "may" after a number is the verb ("40 may have died")
PATTERNS: dict[str, str] = {
    # after a number: it is no head count (a percentage, an ordinal, a time, a multiplier, money, a ratio,
    # an age, a date)
    "not_count_after":
        r"\s*(?:%|per\s*cent\b|percent\b|pc\b|percentage\b)|-(?!plus\b|odd\b)[^\W\d]|(?:st|nd|rd|th)\b|"
        r"\s*(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|gmt\b|hrs\b|bc\b)|\s*(?:times|fold)\b|"
        r"\s*(?:dollars|usd|euros?|pounds|dinars?|riyals?|lira)\b|"
        # (a ratio, "1 in 5"; not a year: "injured some 170 in 2017")
        r"\s*(?:in(?!\s+(?:19|20)\d\d\b)|out\s+of)\s+(?:\d|every\b|ten\b|five\b|three\b|four\b|two\b|"
        r"a\s+(?:hundred|thousand|million)\b)|"
        r"\s*(?:year|month|week|day)s?[\s-]+old\b|\s*(?:of\s+)?<MONTHS_AFTER>\b|\s*may\s+\d|"
        r"\s*[-–]\s*\d{1,2}\s+(?:<MONTHS>)\b",  # "week of 9–15 April": a span of days
    # before a number: money, an identifier ("Resolution 2170"), an age, a compound, a force's strength
    "not_count_before":
        r"(?:[$£€¥]|US\$|USD|EUR|GBP)\s*$|\b<IDENTIFIER_WORDS>\s*$|"
        r"\bage[sd]?\s+(?:of\s+|between\s+|under\s+|over\s+)?$|(?<!\s)[-–]\s*$|"
        r"\b(?:force|forces|garrison|contingent|strength|population|army)\s+of\s+(?:[a-z]+\s+){0,2}$|"
        r"\b(?:ages?|aged)\s+\d+\s*(?:to|and|-)\s*$",
    # a month before a number makes it a day or a year ("October 17")
    "month_before": r"\b(?:<MONTHS_AFTER>\.?|may)\s*$",
    # "a"/"one" as a figure needs a noun that names people
    "small_word": r"(?:an?|one)$",
}

# heads: what a figure counts
UNITS_OF_PEOPLE = ["family", "household"]  # count groups of people, unless a people noun follows
RELATIVE_GROUP = ["whom", "them", "which"]  # "40 of whom died": the pronoun is the group (not "those")
PARTITIVE = ["of"]                          # "48 of the wounded later died"
MEMBER_NOUNS = ["members", "member"]        # "members of the security forces", "members of one family"
PATTERNS.update({
    "members_of":
        r"\s+of\s+(?:the\s+|an?\s+)?(?P<c>(?:isis|isil|is|daesh|islamic\s+state|al-qaeda|al-shabaab|jnim|hts)"
        r"(?:\s+(?:cell|cells|unit|squad|group|network))?|the\s+group|militant)|"  # "four members of an IS cell"
        r"\s+of\s+(?:the\s+)?(?:(?:iraqi|kurdish|federal|national|local|state)\s+){0,2}(?P<s>security|police|army|"
        r"iraqi\s+(?:army|forces|security)|armed\s+forces|pmf|popular\s+mobili[sz]ation|counter[\s-]?terrorism|"
        r"cts|peshmerga|special\s+forces|border\s+guards?|interior\s+ministry|military|emergency\s+response|"
        r"rapid\s+response|golden\s+division|national\s+guard|coast\s+guard|presidential\s+guard)",
    "and_noun": r"\s+(?:and|or)\s+(?:(?:other|wounded|injured|civilian|innocent)\s+)?([^\W\d_]+)",
    # "Twelve members of one family": the family is part of the head, not a new phrase
    "of_family": r"\s+of\s+(?:(?:one|a|the\s+same|a\s+single|his|her|their|the|an?\s+extended)\s+)?famil(?:y|ies)\b",
    # "31 of the dead were children": the partitive names the outcome, the predicate noun the victims
    "were_noun": r"\s+(?:were|was|are)\s+(?:(?:all|mostly|reportedly)\s+)?([^\W\d_]+)",
    # "Of the dead, 512 were civilians": the group before the comma is the figure's outcome
    "of_the_lead": r"(?:^|\b)of\s+(?:the|those|these)\s+(?:[\w-]+\s+)?$",
})

# outcome links (linking.py)
PATTERNS.update({
    # what ends the reach of a predicate after its figure
    "stop": r"[;:()\[\]—|]|\s[–-]\s|\b(?:but|while|whereas|although|after|before|when|because|"
            r"until|which|prompting|forcing|as(?!\s+well\s+as)(?!\s+(?:missing|dead|killed|wounded|injured|"
            r"unaccounted|deceased|casualties)))\b|"  # not "listed as missing"
            r"(?<!\bhave\s)(?<!\bhas\s)(?<!\bhad\s)\bsince\b",  # not "have since died"
    # words between an outcome verb and its figure: "killed at least 27", "killed 'as many as 49'"
    "gap": r"(?:\s+(?:another|a|an|the|total|of|further|additional|in|all|only|just|at|least|"
           r"nearly|some|estimated|reportedly|allegedly|more|than|over|up|to|almost|about)\b)*\s*"
           r"(?:['‘\"“]\s*)?",
    # "killed a woman and her two children", "killed a farmer and his 3 sons"
    "companion": r"\s+an?\s+[a-z]+\s+and\s+(?:her|his|their)\s+",
    # an auxiliary before the verb: passive, not active ("were killed")
    "aux": r"\b(?:were|was|been|being|be|are|is|got|get|reportedly|allegedly|all|later|also|"
           r"feared|believed|thought|confirmed|reported|left)\s+(?:\w+\s+)?$",
    # a toll noun's link to its value: "the death toll rose to 240"
    "toll_end": r"\b<TOLL_LINKS>\s*(?:['‘\"“]\s*)?$",
    # the figure phrase itself may carry the link: "exceeded 4,000", "between 9,000 and 10,000"
    "toll_start": r"(?:exceed|top|surpass|pass|between|as\s+(?:high|many|much)\s+as)",  # "put the toll as high as 670"
    # a relative clause on the head, before its main predicate: "civilians trying to flee were shot dead"
    "rel_clause": r"\s*(?:(?:who|that)\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:been\s+)?"
                  r"(?:(?:trying|attempting|seeking|hoping|waiting)\s+to\s+)?|"
                  r"(?:trying|attempting|seeking|hoping|waiting)\s+to\s+)",
    "main_aux": r"\b(?:were|was|had\s+been|have\s+been|has\s+been|are|is|remain|remains|remained)\s+"
                r"(?:later\s+|then\s+|all\s+|still\s+|now\s+)?$",
    "and_noun_lead": r"^\s*(?:and|or)\s+[^\W\d_]+",
    "by_agent": r"\s+by\s",  # a passive participle on the head: "abducted by IS"
    # a copula blocker followed by its outcome is no blocker: "remain missing", "remained unaccounted for"
    "copula": r"remain(?:s|ed|ing)?|registered",
    "copula_gap": r"\s+(?:still\s+|officially\s+|listed\s+as\s+|as\s+)?",
    # the wounded the figure counts died later
    "died_later": r"\b(?:later\s+|subsequently\s+|since\s+)?(?:died|succumbed)\b",
    # a count of victims or bodies in a sentence about graves is a count of the dead
    "victims_noun": r"(?:victims|bodies|remains|corpses)[.,'’]?\s*$",
})

# the reader's own rules (reader.py)
VICTIM_WORDS_NAMED = [w for c in VICTIM_NOUNS.values() for w in c if w not in ("others", "members")] + ["civilian"]
NUMBER_GATE_WORDS = [*UNITS, *TENS, "hundred", "thousand", "million", "dozen"]
UNIT_WORDS = ["division", "brigade", "battalion", "regiment", "corps", "unit", "units", "service", "army's",
              "army’s", "division's"]  # "The army's 15th Division lost 37 men": the side is the security forces
# cheap gates: a text (then a sentence) needs an outcome stem (matched on lower-cased text) ...
OUTCOME_STEMS = ["kill", "dead", "death", "died", "body", "bodies", "wound", "injur", "casualt", "missing", "perish",
                 "execut", "fatalit", "lives", "slain", "massacr", "toll", "murder", "slaughter", "hurt", "maim",
                 "corpse", "unaccounted", "disappeared", "behead", "martyr", "lynched", "gunned", "drown", "starv",
                 "froze", "buried", "vanished", "grave", "remains of"]
OUTCOME_WORD_STEMS = ["lost", "lose", "losi"]  # only where a word starts: not "closed"
PATTERNS.update({
    # ... and something number-like
    "number_gate": r"\d|\b<NUMBER_GATE_WORDS>\b",
    # a list or subset after a figure takes its neighbour's outcome: "killed 27 people, including 11 children"
    "including": r"\s*,?\s*(?:\(\s*)?(?:including|among\s+them|among\s+whom|of\s+whom|of\s+them|most\s+of\s+them|"
                 r"mostly|and|as\s+well\s+as|plus|along\s+with|together\s+with|(?:were|are|was)\s+among"
                 r"(?:\s+the)?|among(?:\s+the)?|,)?\s*(?:(?:her|his|their)\s+)?",  # "a woman and her two children"
    # a year-like number after these words is a year ("in 2017"), not a count
    "year_word": r"\b<YEAR_PREPOSITIONS>\s*$",
    "group_before": "<@among>",  # "among the civilians ... 54 dead"
    "among": r"\bamong\s+(?:the\s+)?(?:\w+\s+)?(civilians|children|women|troops|soldiers|fighters|"
             r"militants|residents|people)\b|\b(civilian)\b",
    "victim_word": r"\b(<VICTIM_WORDS_NAMED>)\b",
    # an elliptical second figure: "had been killed and 273 (wounded)"
    # (or a comma alone, as a list or an infobox writes it: "11 Peshmerga killed, 49 wounded")
    "ellipsis_gap": r"(?:[^,.;:()\d]|\b(?:19|20)\d\d\b){0,40}?,?\s*\b(?:and|while|with)\s+(?:[a-z]+\s+)?|"
                    r"[^,.;:()\d]{0,20}?,\s*",
    "others": r"\s*(?:others|more)\.?",
    # "put the number of civilians killed at 40,000": the victims sit between the count noun and the verb
    "number_of": r"\b(?:number|numbers|toll|count|tally|total)\s+(?:of|among)\s+(?:the\s+)?(?:[\w-]+\s+)?"
                 r"(<VICTIM_WORDS_NAMED>)\s+(?:who\s+(?:were|had\s+been|have\s+been)\s+)?$",
    # a partitive relative figure counts part of the figure before it: "300 soldiers were wounded, 40 of whom died"
    "of_whom": r"\s+of\s+(?:whom|them)\b",
    # the group after the outcome: "800 dead among civilians"
    "ranks": r"\s*,?\s*\bamong\s+(?:the\s+)?(?:[\w-]+\s+)?(?P<v><VICTIM_WORDS_NAMED>)\b",
    # a revision of the figure before: "..., was later revised by the Pentagon to 105"
    "revised": r"\b(?:revised|raised|lowered|cut|reduced|updated|increased|corrected|adjusted|"
               r"downgraded|upgraded)\b[^.;:]{0,40}?\bto\s*$|"
               # a second source's figure for the same count: "though the coalition put the number at three"
               r"\bput\s+(?:the|its|their|that)\s+(?:number|figure|toll|count|total|tally)\s+at\s*$|"
               # the same count elsewhere or before: "compared with about 90 in Raqqa"
               r"\b(?:compared\s+(?:with|to)|against|versus|vs\.?)\s*$|"
               # a running total: "..., bringing the number recovered in the Old City since June to 1,112"
               r"\b(?:bringing|taking|raising|pushing)\s+(?:the|its|their)\s+[^.;:]{0,90}?\bto\s*$",
    # the sentence before names its subject first: "Dr. Hassan al-Tai has run the morgue since 2017. He said ..."
    "opening_name": r"\s*((?:(?:Dr|Mr|Mrs|Ms|Gen|Lt|Col|Maj|Capt|Brig|Sgt|Prof)\.\s+)*"
                    r"[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+|abu\s+)?[A-Z][\w'’-]+){1,3})\s+"
                    r"(?:has|had|is|was|runs|ran|heads|headed|leads|led|directs|directed|works|worked|"
                    r"interviewed|visited|published|issued|released|conducted|investigated|examined)\b|"
                    # "The coalition has conducted more than 14,000 strikes. ... it assessed that ..."
                    r"\s*(The\s+(?:US-led\s+)?coalition|The\s+Pentagon|The\s+government)\s+(?:has\s+|had\s+)?"
                    r"[a-z]+(?:ed|s)\b",
    # "X lost 37 men", "X suffered 1,200 killed": X is the side the dead belonged to
    "lost_near": r"(?:lost|suffered)\s+$",
    "lost_subject": r"(?P<np>(?:[\w'’.-]+\s+){1,6}?)(?:have\s+|has\s+|had\s+)?(?:lost|suffered)\s+$",
    # "Peshmerga casualties in the Bashiqa operation stood at 22 dead": whose toll it is
    "toll_owner": r"\b([A-Za-z-]+)\s+(?:casualties|losses|death\s+toll|toll|deaths)\b[^.;:]{0,60}?\b"
                  r"(?:stood\s+at|reached|rose\s+to|climbed\s+to|totall?ed|were|was|at)\s+$",
})

# claimants (attribution.py). Patterns here are compiled case-sensitively where a name's capital matters
# (attribution.py says which); (?i:...) and (?-i:...) switch case inside one.
# verbs that state a count when its noun follows: "revised its toll", "put the toll higher, at 35"
REVISION_VERBS = ["raised", "revised", "updated", "lowered", "increased", "cut", "reduced", "put", "puts", "placed",
                  "places", "gave", "gives", "offered", "offers", "provided"]  # "gave a separate count of 17"
CLAUSE_OPENERS = ["that", "and", "but", "while", "as", "where", "though", "although", "whereas"]
SAID_VERBS = ["said", "told", "added", "noted", "stated", "explained", "insisted", "stressed", "warned"]
PRONOUNS = ["he", "she", "they", "it"]
ARTICLES = ["a", "an", "the"]
POSSESSIVE_PRONOUNS = ["its", "their", "his", "her"]  # "a statement posted on its Facebook page": someone named before
OUTLETS = ["reuters", "ap", "afp", "bbc", "cnn", "al jazeera", "xinhua", "dpa", "ani", "upi", "efe", "anadolu",
           "rudaw", "sky news", "nyt", "the guardian", "the independent", "the new york times",
           "the washington post", "associated press", "agence france-presse", "report", "video"]
HEADLINE_LABELS = ["update", "updated", "breaking", "live", "exclusive", "watch", "video", "photos", "analysis",
                   "opinion", "factbox", "timeline", "explainer", "correction", "note", "editor's note", "q&a",
                   "interview", "report", *WEEKDAYS, "today", "yesterday", *MONTHS]
# what a headline's place is followed by when the words before its colon name an event, not a speaker:
# "Khasfa exhumation: 112 bodies recovered", "Mosul offensive: 3,000 civilians dead, officials say"
HEADLINE_EVENTS = ["exhumation", "exhumations", "offensive", "battle", "siege", "strike", "strikes", "airstrike",
                   "air strike", "attack", "bombing", "blast", "grave", "graves", "mass grave", "toll", "death toll",
                   "assault", "fighting", "war", "massacre", "operation", "campaign", "crisis", "aftermath",
                   "anniversary", "offensive update", "shelling", "explosion", "explosions", "shooting", "fire",
                   "collapse", "live", "updates", "blog"]  # "Mosul operation live: day 146"
PATTERNS.update({
    # a reporting verb; revising one's own count attributes it too ("The coalition raised its tally ... to 1,114")
    "verbs": r"<REPORT_VERBS>|(?:<REVISION_VERBS>)(?=\s+(?:its|their|his|her|the|an?)\s+(?:\w+\s+)?(?i:<DATA_NOUNS>)\b)",
    # subject + reporting verb: "Amnesty International says", "..., residents said", "X told Y that Z believes"
    "subject": r"(?:^|(?<=[,;:\"“”])\s*(?:<CLAUSE_OPENERS>\s+)?|(?<=[–—]\s)|\b<CLAUSE_OPENERS>\s+)"  # "18:20 – The ..."
               r"(?P<np>[^\s,;:\"“”](?:[^,;:\"“”.]|\.(?=\s*[\w-])){0,130}?)"
               r"(?:\s+(?:has|have|had|also|previously|earlier|now|later|would|will|recently|separately|itself|"
               r"only|last\s+\w+|on\s+\w+day|this\s+\w+|had\s+previously|so\s+far|thus\s+far|already|since|"
               r"never|not|again|repeatedly|initially|first|then|publicly|officially|quietly)|"
               r"\s*,\s*(?:for\s+(?:its|their|his|her)\s+(?:own\s+)?part|however|meanwhile|in\s+turn|too|though)\s*,)*"
               # (not a noun after its article: "five civilians who the report says died")
               # (or a comma closing a description: "Airwars, which monitors strikes, estimated")
               r"(?:\s*,)?\s+(?<!\bthe\s)(?<!\ban\s)(?<!\ba\s)(?<!\bits\s)(?<!\btheir\s)(?P<verb>(?-i:<@verbs>))\b",
    # case-sensitive: "Airwars, a London-based monitoring group, attributes ..."
    "described": r"(?:^|(?<=[,;:\"“”])\s*|\b<CLAUSE_OPENERS>\s+)"
                 r"(?P<np>[A-Z][^,;:\"“”.\d]{0,50}?),\s*<@a_description_lead>[^,;:\"“”]{2,70},\s*(?P<verb>(?-i:<@verbs>))\b",
    "a_comma": r",\s*<@a_description_lead>",
    # a description after a name: "a London-based group", "the London-based monitoring group" (not "the UN")
    # ("UNAMA, the UN mission in Afghanistan, documented": a UN body described)
    "a_description_lead": r"(?:an?\s|(?-i:the)\s+(?=[a-z]|[A-Z][\w]*-(?:based|led|backed)\b|(?-i:UN|U\.N\.|EU)\s+[a-z]))",
    # the claimant after its lead: "according to X", "..., said X", "citing X", "Per X,"
    "after_verb": r"(?P<lead>\baccording\s+to|[,;]['\"”’]?\s*(?:said|says|say|reported|added|noted)|\bciting|"
                  r"\bcited(?!\s+by)|\bquoting|(?:^|(?<=[,;(]))\s*per(?=\s+(?!cent\b|capita\b|annum\b|day\b|week\b|"
                  r"month\b|year\b|hour\b|person\b|head\b|kilo|square\b|\d)))\s+"
                  # a dotted acronym's dots are no stop ("the U.N. human rights office", "the U.N.")
                  # and neither is a title's ("said Brig. Gen. Haider al-Obeidi")
                  r"(?P<np>(?:<@title_dot>|[^,.;:()]|(?<=\b[A-Z])\.(?=[A-Z]\.|\s+[a-z])){2,90}(?:(?<=\b[A-Z])\.)?)",
    # what follows "said" is no speaker when it opens with a preposition or a time word
    "not_speaker": r"(?:in|on|at|during|after|before|since|over|within|throughout|through|via|with|without|from|"
                   r"for|to|into|while|when|as|that|last|this|next|yesterday|today|tonight|earlier|later|late|early|"
                   r"again|also|<WEEKDAYS>|<MONTHS>)\b",
    # case-sensitive: an appositive before a named subject: "..., the UN agency for Palestinian refugees, UNRWA, said"
    "appositive": r"(?:^|[,;]\s*)(?P<np>(?:[Tt]he|[Aa]n?)\s[^,;:\"“”().\d]{2,70}?),\s*$",
    "time_lead": r"(?:(?:on\s+|last\s+|this\s+)?<WEEKDAYS>|yesterday|today|earlier|"
                 r"(?:last|this|earlier\s+this)\s+(?:week|month|year|morning|evening|night))\s+",
    "age": r",\s*(?:aged\s+)?\d{1,3}\s*$",  # "Umm Ahmed, 52, said"
    # what stands where a subject would, but is none: "..., which compiles ..., has recorded", "..., estimated in"
    "no_subject": r"(?:has|have|had|is|are|was|were)$|(?:<@verbs>)\b",
    # "The blogger, who documented ..., said", "A senior CTS officer, speaking on condition of anonymity, said"
    "relative_lead": r"(?:who|whose|which|speaking|talking|writing|asked|quoted|together\s+with|along\s+with|alongside|"
                     r"in\s+partnership\s+with|joined\s+by)\s",  # "HRW, together with SITU Research, estimated"
    "relative": r",\s*<@relative_lead>[^,;:\"“”]{1,70}$",
    "a_description": r"\s*(?:an?|the)\s",  # "UNAMA, the UN mission in Afghanistan, said": UNAMA
    # a description set off by commas before its verb, no subject: "Amnesty's report, 'At any cost', documents", "A
    # doctor at the M10 hospital, one of the last still working, told Reuters" (not "..., spokesman for X, said")
    "set_off_description": r"(?:['\"“‘«]|one\s+of\b|among\b|part\s+of\b)",
    # a relative pronoun whose clause has a subject of its own: "five civilians who the report says died"
    # (or a conjunction: "The admission came after the UN human rights office said")
    "inner_relative": r"\b(?:who|whom|which|that|after|when|because|before|until|while|although|though|since)\s+"
                      r"(?=(?:the|an?|its|their)\s|(?-i:[A-Z]))",
    # case-sensitive: a name opening a sentence, then its description: "Iraq Body Count, the British-based project"
    "opening_described": r"\s*(?!(?:In|At|On|From|After|Before|During|Since|Near|Outside|Inside|By|For|With|When|While|"
                         r"As|Across|Throughout|Over|Under|Until|Of)\b)(?P<np>(?:[Tt]he\s+)?[A-Z][\w.&'-]*(?:\s+(?:(?:of|for|the|and|on|in)\s+)*[A-Z][\w.&'-]*)*),"
                         r"\s+(?:the|an?)\s+",
    # case-sensitive: a proper name ("Iraq Body Count", "the Office of the High Commissioner")
    "proper": r"(?:[Tt]he\s+)?[A-Z][\w.&'-]*(?:\s+(?:(?:of|for|the|and|on|in)\s+)*[A-Z][\w.&'-]*)*",
    # case-sensitive: "Reuters' review of morgue records", "the ministry's latest count"
    "possessive": r"(?P<np>(?:[Tt]he\s+(?:[a-z][\w-]*\s+){0,2})?(?:[A-Z][\w.&-]*\s+){0,4}[A-Za-z][\w.&-]*)(?:'s|’s|'|’)\s+"
                  r"(?:(?:own|latest|new|updated|conservative|preliminary|official|final|initial)\s+)*<DATA_NOUNS>\b",
    # case-sensitive: "The Associated Press tally of", "A UN estimate of", "An Iraq Body Count analysis of"
    # (no article inside: "the Iraqi government never revised the figure of" names no "government ... the" tally)
    "np_data": r"(?:^|(?<=\s))(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?P<np>[A-Z][\w.&-]*(?:\s+(?!(?:the|an?|its|their)\s+[a-z])[A-Za-z][\w.&-]*){0,4}?)\s+"
               r"(?:(?:own|latest|new|updated|conservative|preliminary|official|final|initial)\s+)*"
               r"<NP_DATA_NOUNS>\s+(?:of|puts|put|shows|showed|found|finds|lists)\b",
    # case-sensitive: "figures released by X", "a survey by a local group"
    "data_by": r"\b(?i:<DATA_NOUNS_NOT_TOLL>)\s+(?:\w+(?:ed|en)\s+(?:(?:on\s+)?(?i:<WEEKDAYS>|yesterday|today)\s+)?"
               r"(?:to\s+[^,.;:()]{1,30}?\s+)?)?"  # "figures released on Monday by the civil defence"
               r"(?:by\s+(?=an?\s+[a-z])|(?:by|from|of)\s+(?=the\s+[A-Za-z]|[A-Z]))(?P<np>[^,.;:()]{1,60})",
    # case-sensitive: "the figure of 1,260 released by the Nineveh health directorate": the figure's own source
    "figure_by": r"(?P<num>\d(?:[\d,.]*\d)?)(?:\s+[a-z]+){0,2}\s+(?:released|published|issued|given|announced|"
                 r"compiled|reported|recorded|provided|documented|confirmed|verified|cited)\s+by\s+(?P<np>[^,.;:()]{2,60})",
    # what ends a claimant's name: "X on Tuesday", "X, who ...", "X told reporters"
    # staff speaking for the place they work at: "a doctor at the Qayyarah field hospital" (who, and where)
    "role_at_body": r"^(?:(?:an?|the|one|two|three|several|some)\s+)?(?:[a-z-]+\s+)?(?:(?:<STAFF_ROLES>)\s+(?:at|in|from|of|for)\s+"
                    r"(?:(?:an?|the)\s+)?(?P<body>(?:[\w'’-]+\s+){0,4}?(?:<STAFF_PLACES>))\b|"
                    # "a source at Aleppo Police Command": a source or an officer at a body named by its capitals
                    r"(?:source|sources|officer|officers|official|officials)\s+(?:at|from|with|within)\s+(?:the\s+)?"
                    r"(?-i:[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,5}))",
    "trim": r"\s+(?:on|last|this|in\s+(?:a|an|its|their|his|her)|(?-i:who|which|that)|published|released|issued|posted|"
            r"(?:working|operating|deployed|digging|searching)\s+(?:in|at|on|through)|"  # "Teams working in the X districts"
            r"earlier|late|early|told|to(?!\s+(?-i:[A-Z]))|at|as|citing|quoted|via|over|during|since|said|says|"
            r"and\s+(?:the|a)|estimated|believes|found|while|after|when|put|show|shows|showed|suggest|suggests|"
            r"indicate|indicates)\b.*$|\s+(?:has|have|had)$",
    "modifier_only": r"-(?:backed|led|based|run|funded|sponsored)$",  # "a UN-backed survey"
    "article": r"^(?:an?\s+|by\s+|one\s+(?!of\b)(?=\S+\s+\S))",
    "figure_lead": r"(?:\d|(?:at\s+least|more\s+than|about|nearly|some|up\s+to|as\s+many\s+as)\s)",
    "preposition": r"(?:in|on|at|for|from|with|by|during|after|before|under)\s",
    "lead_conj": r"^(?:though|although|whereas|while|but|and|yet)\s+(?=\S+\s)",
    # a fronted time clause is no appositive of the subject after it: "A year after the market strike, Amnesty says"
    # a subject's date, no figure: "An Associated Press investigation in 2017 put it at 9,000 to 11,000"
    "np_year": r"\s+(?:in|since|during|from)\s+(?:early\s+|late\s+|mid-)?(?:(?:<MONTHS>)\s+)?(?:19|20)\d\d$",
    "time_clause": r"^\s*(?:an?|one|two|three|six|[\w-]+)\s+(?:years?|months?|weeks?|days?)\s+(?:after|later|on|since)\b",
    "according": r"\s*according\s+to\b",
    "noun_use": r"\s+of\b",      # "received reports of 12 people wounded": the verb's spelling used as a noun
    "participle": r"\s+by\b",    # "Figures compiled by the Iraqi Red Crescent show"
    # "could not be independently verified", "Three residents were still listed as missing"
    "passive": r"(?:^|\s)(?:be|been|being|was|were|is|are)(?:\s+(?:\w+ly|still|also|now|not|yet|later|officially))?\s*$",
    # "the shelling claimed 19 lives" is no attribution (but "claims 16,467 militants have been killed" is)
    "lives": r"\s+(?:the\s+)?(?:lives|(?:at\s+least\s+|more\s+than\s+|some\s+|about\s+)?[\d,.]+(?:\s+\w+){0,2}\s+lives\b)",
    "claim_verb": r"claim",
    # case-sensitive: "... 1,041 injured (Source: Iraqi Red Crescent)."
    # a row's bracketed source, closing it: "- Donetsk region: 3 killed, 9 wounded (governor Vadym Filashkin)"
    "row_source": r"[(\[]\s*(?P<np>[^()\[\]\d:;]{3,70}?)(?P<claim>\s+(?:claims?|figures?|estimates?))?\s*[)\]]\s*[.;]?\s*$",  # "(local council)", "[Airwars]", "(KRG claim)"
    "source_label": r"[(\[]\s*Sources?\s*:\s*(?P<np>[^()\[\];]{2,60}?)\s*[)\]]|"
                    r"(?:^|[.;|]\s*)Sources?\s*:\s*(?P<np2>[^()\[\];.]{2,60}?)\s*$",
    # "the agency believes", "the group says": a body named earlier
    "anaphor": r"(?:its|their)\s+(?:own\s+|latest\s+|new\s+)?(?:findings|figures|data|estimates?|count|tally)|"
               # "according to its quarterly protection of civilians report"
               r"(?:its|their)\s+(?:[\w-]+\s+){0,5}?(?:report|update|bulletin|review|statement|study|survey|briefing)|"
               r"(?:(?:the|this|that|its|his|her|their)\s+)?(?:own\s+)?"  # a bare "report" too ("the report found")
               r"(?:(?:[A-Za-z]+-based|rights|human\s+rights|monitoring|aid|relief|research|war)\s+|"
               r"(?:medical|humanitarian)\s+(?=charity|organi[sz]ation|group))?(?:agency|group|"  # not "the health ministry"
               r"organi[sz]ation|ministry|office|mission|body|monitor|watchdog|charity|department|observatory|agencies|"
               r"organi[sz]ations|groups|ministries|institution|authority|authorities|network|"
               r"committee|commission|team|unit|researchers|investigators|report|study|survey|"
               r"investigation|inquiry|review|monitors|analysts|experts|authors|statement)",
})
# "the organisation said" may refer to a body the sentence names before it, not as a speaker ("MSF teams ...
# treated 116 patients, the organisation said"): the kinds of body (data/claimants.toml) each noun can stand for,
# after one of DEFINITE_DETERMINERS ("a watchdog said" names a new, unnamed source)
DEFINITE_DETERMINERS = ["the", "this", "that", "these", "those"]
ANAPHOR_KINDS = {
    "organisation": ["ngo", "medical", "monitor"], "organization": ["ngo", "medical", "monitor"],
    "group": ["ngo", "monitor"], "charity": ["ngo", "medical"], "watchdog": ["monitor", "ngo"],
    "monitor": ["monitor"], "observatory": ["monitor"], "network": ["monitor", "ngo"],
    "agency": ["un", "news agency"], "mission": ["un"], "ministry": ["government"], "department": ["government"],
    "office": ["un", "government"], "coalition": ["military"], "alliance": ["military"],
}
DATA_NOUNS_NOT_TOLL = [w for w in DATA_NOUNS if w != "toll"]


# places (places.py): the curated names the reader knows without the gazetteer (estimates/gazetteer.py adds
# every other town, province and country); specificity ranks: 4 neighbourhood, 3 part of a city, 2 city,
# 1 province, 0 country
PLACE_CITIES = ["Mosul", "Raqqa", "Aleppo", "Gaza", "Gaza City", "Fallujah", "Falluja", "Ramadi", "Tikrit",
          "Baghdad", "Erbil", "Irbil", "Kirkuk", "Tal Afar", "Tel Afar", "Hawija", "Sinjar", "Qayyarah",
          "Qayyara", "Hammam al-Alil", "Bartella", "Bashiqa", "Baiji", "Samarra", "Basra", "Najaf", "Karbala",
          "Deir ez-Zor", "Deir ez-Zour", "Deir al-Zour", "Idlib", "Homs", "Hama", "Damascus", "Douma",
          "Eastern Ghouta", "Ghouta", "Kobani", "Manbij", "Palmyra", "Sanaa", "Hodeidah", "Taiz", "Aden",
          "Gaza Strip", "Khan Younis", "Rafah", "Jabalia", "Beit Hanoun", "Mariupol", "Sirte", "Benghazi", "Tripoli",
          "Marawi", "Mogadishu", "Bakhmut", "Kharkiv", "Kabul",
          # Iraqi and Syrian towns of the war against IS (not those spelled like common words: Hit, بلد, الباب)
          "Hammam al-Alil", "Hamam al-Alil", "Haditha", "Heet", "Anah", "Rawa", "al-Qaim", "Qaim", "Rutba",
          "Karma", "Saqlawiyah", "Amiriyat al-Fallujah", "Abu Ghraib", "Baaj", "Tal Keif", "Tel Keppe",
          "Qaraqosh", "Bakhdida", "Hamdaniya", "Shirqat", "Makhmour", "Zummar", "Badush", "Gwer",
          "Hilla", "Kut", "Nasiriyah", "Diwaniyah", "Baquba", "Baqubah", "Muqdadiya", "Jalawla", "Khanaqin",
          "Tuz Khurmatu", "Dohuk", "Duhok", "Sulaymaniyah", "Amerli", "Balad", "Dujail", "Tarmiyah", "Kocho",
          "Mayadeen", "al-Mayadeen", "Abu Kamal", "Albu Kamal", "Tabqa", "Hajin", "Baghouz", "Tal Abyad",
          "Hasakah", "Qamishli", "al-Bab", "Jarablus", "Mansoura", "al-Mansoura", "Shaddadi", "Imam Gharbi"]
# Named quarters that carry no "district"/"neighbourhood" word in news copy.
PLACE_NEIGHBOURHOODS = ["Karrada", "Sadr City", "Kadhimiya", "Adhamiya", "Zanjili", "al-Zanjili", "Yarmouk",
                  "al-Yarmouk", "Mosul al-Jadida", "Bab Sinjar", "Bab al-Tob", "Nabi Yunus", "Wadi Hajar",
                  "al-Dawasa", "Ghazlani", "al-Tayaran", "Gogjali", "al-Karama", "al-Zahra", "al-Rifai",
                  "al-Shifa", "al-Maidan", "al-Farouq", "Old Mosul", "Nuri mosque", "al-Nuri mosque",
                  "Shujaiya", "Shejaiya", "Bustan al-Qasr", "al-Sukkari", "Eastern Ghouta"]
PLACE_PROVINCES = ["Nineveh", "Ninewa", "Ninawa", "Nineveh province", "Nineveh governorate", "Nineveh Plains",
             "Anbar", "Salahuddin", "Diyala", "Kurdistan", "Gaza Strip", "West Bank"]
PLACE_COUNTRIES = ["Iraq", "Syria", "Yemen", "Libya", "Afghanistan", "Ukraine", "Somalia", "Lebanon", "Israel"]
DIRECTIONS = ["west", "western", "east", "eastern", "north", "northern", "south", "southern", "old"]
LOCAL_NOUNS = ["district", "neighbourhood", "neighborhood", "quarter", "market", "camp", "village", "suburb", "area",
               "square", "hospital", "town", "checkpoint", "prison", "bridge", "airport", "mosque", "school",
               "park", "garden", "cemetery", "roundabout", "junction", "intersection", "crossroads", "forest", "valley",
               "base", "site", "compound", "building", "municipality",
               "districts", "neighbourhoods", "neighborhoods", "quarters", "villages", "camps", "markets", "suburbs"]
# a kind capitalised as part of a landmark's name: "near the Iron Bridge", "in Tahrir Square" (not "Hospital":
# "Nasser Hospital said" is a body speaking)
# a lower-case word between a place's name and its kind: "the al-Mawasi coastal area", "the Ghizlani military base"
KIND_ADJECTIVES = ["coastal", "residential", "industrial", "commercial", "military", "central", "main", "rural",
                   "border", "agricultural", "farming", "desert", "popular", "crowded", "busy", "historic", "old",
                   "sprawling", "vegetable", "livestock", "fish", "refugee", "displacement"]
PATTERNS["landmark_noun"] = r"(?:Bridge|Square|Gate|Junction|Roundabout|Market|Camp)"  # cased: word lists fold
# a kind written once after two names: "the rebel-held Sakhour and Tariq al-Bab districts" (the first is a place too)
# capitalised adjectives that open a kind of place without naming it ("a Shi'ite mosque in Kabul's Dasht-e-Barchi")
LOCAL_ADJECTIVES = ["Shi'ite", "Shiite", "Shia", "Shi'a", "Sunni", "Sufi", "Christian", "Catholic", "Orthodox", "Yazidi",
                    "Ahmadi", "Ismaili", "Hazara", "Kurdish", "Arab", "Turkmen", "Muslim", "Jewish", "Hindu", "Buddhist"]
LOCAL_PLURALS = ["districts", "neighbourhoods", "neighborhoods", "quarters", "villages", "camps", "suburbs", "areas"]
PATTERNS.update({
    # rank 4, case-sensitive: "the Old City (of Mosul)", "Zanjili district", "the district of al-Tayaran"
    "place_old_city": r"\b(?:the\s+)?Old\s+City(?:\s+of\s+[A-Z][\w-]+)?",
    "place_named_local": r"\b(?:the\s+)?(?:(?:al|el|Al|El)-)?[A-Z][\w'-]*(?:\s+(?:al-|Al-)?[A-Z][\w'-]*){0,2}"
                         # not "the Mosul neighbourhoods of Wadi Hajar", "the eastern Mosul neighbourhood of al-Muthanna"
                         r"(?:\s+<KIND_ADJECTIVES>)?\s+(?:<LOCAL_NOUNS>|<@landmark_noun>)\b(?!(?<=s)\s+of\s+(?:(?:al|el|Al|El)-)?[A-Z]|\s+of\s+(?:al|el|Al|El)-[A-Z])",
    "place_local_of": r"\b<LOCAL_NOUNS>\s+of\s+(?:(?:al|el|Al|El)-)?[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*)?",
    "place_named_pair": r"\b(?:(?:al|el|Al|El)-)?[A-Z][\w'-]*(?:\s+(?:al-|Al-)?[A-Z][\w'-]*){0,2}(?=\s+and\s+"
                        r"(?:(?:al|el|Al|El)-)?[A-Z][\w'-]*(?:\s+(?:al-|Al-)?[A-Z][\w'-]*){0,2}\s+<LOCAL_PLURALS>\b)",
    "place_jadida": r"\bMosul\s+al-Jadida\b|\bBab\s+al-[A-Z]\w+",
    # a name set off before the city or the part of it it lies in: "in Ras al-Jadda, in western Mosul" (a quarter)
    "place_quarter_of_city": r"(?:(?<=\bin\s)|(?<=\bat\s)|(?<=\bnear\s))(?:(?:al|el|Al|El)-)?[A-Z][\w'’-]*"
                             r"(?:\s+(?:al-|el-)?[A-Z][\w'’-]*){0,2}(?=,\s+(?:in|of)\s+(?:the\s+)?"
                             r"(?:(?i:<DIRECTIONS>)\s+)?(?i:<PLACE_CITIES>)\b)",
    # "in Abu Salim, a densely populated district": a name its apposition calls a local place
    "place_appositive": r"\b(?:(?:al|el|Al|El)-)?[A-Z][\w'-]*(?:\s+(?:al-|Al-)?[A-Z][\w'-]*){0,2}(?=,\s+(?:an?|the)\s+"
                        r"(?:(?!(?:of|in|at|from|near|on)\b)[\w-]+\s+){0,3}?(?:district|neighbou?rhood|quarter|suburb|camp|village|hamlet)\b(?!['’]|\s+(?:elder|chief|head|mayor|leader|council)))",
    # a name whose bearing from a town follows it: "9 June – Taji, north of Baghdad", "Khuza'a, east of Khan
    # Younis" (the town is the bearing: reader._not_a_bearing)
    "place_bearing_named": r"(?<![\w'’-])(?!(?:<MONTHS>|<WEEKDAYS>|The|This|That|It|He|She|They)\b)(?:(?:al|el|Al|El)-)?"
                           r"[A-Z][\w'’-]*(?:\s+(?:al-|el-)?[A-Z][\w'’-]*){0,2}(?=,\s+(?:(?:about|some|around)\s+)?"
                           r"(?:(?:\d+\s*(?:km|kilomet(?:re|er)s?|miles?)\s+)?(?:north|south|east|west)(?:-?(?:east|west))?"
                           r"\s+of\s+(?:the\s+)?|(?:near|outside)\s+)(?:al-|el-)?[A-Z])",  # not "near the Iranian border"
    # a village placed by the province or state after it: "of Abu Zabad, in West Kordofan", "in Nasir, in Upper Nile"
    "place_within_named": r"(?:(?<=\bin\s)|(?<=\bat\s)|(?<=\bof\s)|(?<=\bnear\s)|(?<=\bfrom\s))"
                          r"(?!(?:<MONTHS>|<WEEKDAYS>|The|This|That)\b)(?:(?:al|el|Al|El)-)?[A-Z][\w'’-]*"
                          r"(?:\s+(?:al-|el-)?[A-Z][\w'’-]*){0,2}(?=,\s+in\s+(?:the\s+)?(?:al-|el-)?[A-Z])",
    # folded (matched on lower-cased text)
    "place_neighbourhood": r"\b<PLACE_NEIGHBOURHOODS>\b",
    "place_part_of_city": r"\b<DIRECTIONS>\s+<PLACE_CITIES>\b",
    "place_city": r"\b<PLACE_CITIES>\b",
    "place_province": r"\b<PLACE_PROVINCES>\b",
    "place_country": r"\b<PLACE_COUNTRIES>\b",
    # after "the Amhara town", "the Yazidi village": the named place the kind is ("of Finote Selam"): places._kind_of_next
    "kind_then_name": r"(?<![sS])\s+of\s+(?P<name>(?:al-|el-|Al-|El-)?[A-Z][\w-]*(?:['’](?!s\b)\w[\w-]*)*"
                      r"(?:\s+(?:al-|el-)?[A-Z][\w-]*(?:['’](?!s\b)\w[\w-]*)*)?)(?![\w'’-])",
    # a kind whose place is always the one named after "of": "the Syrian border town of Kobani"
    "town_kind_end": r"\b(?:town|village|hamlet|city)$",
    # a name that is no place: "the hospital", "This market"
    "place_the": r"^the\s+",
    "place_kind_of": r"^(?:the\s+)?(?:town|village|city|suburb|area|district|neighbou?rhood|quarter|market|municipality)s?\s+of\s+",
    "plural_kind_of": r"^(?:the\s+)?(?:suburbs|areas|districts|neighbou?rhoods|quarters)\s+of\s+",
    "place_leading_word": r"^(?:the\s+)?(?:The|A|An|This|That|In|On|At)\s+",
    "place_local_false": r"^(?:the\s+)?(?:The|A|An|This|That|In|On|At|Mosul\s+area)\b",
    # a capitalised adjective and a kind name no place: "a Shi'ite mosque", "a Sunni village"
    "place_adjective_only": r"^(?:<LOCAL_ADJECTIVES>)\s+<LOCAL_NOUNS>$",
})
# what a bearing or a holding place after a name needs in the text (lower-cased substrings): a sentence with
# none skips the rule
BEARING_CUES = [", north", ", south", ", east", ", west", ", near ", ", outside ", ", about ", ", some ", "km ", "kilomet",
                " miles "]
WITHIN_CUES = [", in "]
# (rank, pattern, how it is matched): "cased" as written, "folded" on lower-cased text
# (rank, pattern, how it is matched[, a word list the pattern cannot match without])
PLACE_RULES = [(4, "place_old_city", "cased"), (4, "place_named_local", "cased", "LOCAL_NOUNS"),
               (4, "place_local_of", "cased", "LOCAL_NOUNS"), (4, "place_named_pair", "cased", "LOCAL_PLURALS"),
               (4, "place_jadida", "cased"), (4, "place_appositive", "cased", "LOCAL_NOUNS"),
               (4, "place_quarter_of_city", "cased"),
               (4, "place_neighbourhood", "folded"), (3, "place_part_of_city", "folded"),
               (2, "place_city", "folded"), (2, "place_bearing_named", "cased", "BEARING_CUES"),
               (2, "place_within_named", "cased", "WITHIN_CUES"), (1, "place_province", "folded"), (0, "place_country", "folded")]
PATTERNS.update({
    # a gazetteer name that is no place here: "London-based", "US-led", "Britain's army"
    "place_not_here": r"-(?:based|led|backed|born|run|funded|made)\b|\s+(?:[Aa]rmy|[Gg]overnment|[Mm]ilitary|[Ff]orces)\b",
    # a blocker that names a kind of place is no predicate: "a camp for displaced people", "a displacement camp"
    "blocker_place_before": r"\b(?:camp|camps|site|sites|shelter|shelters|centre|center|settlement)s?\s+(?:for|of)\s+"
                            r"(?:the\s+)?$",
    "blocker_place_after": r"(?:\s+people)?\s+(?:camp|camps|site|sites|shelter|shelters|centre|center|settlement)s?\b",
    # a town in its own mayor's or governor's title: its figures are the town's (reader._office_of)
    "office_of": r"\b(?:mayor|governor|qaimaqam|district\s+commissioner)\s+of\s+(?:the\s+)?$",
    "office_after": r"(?:['’]s?)?\s+(?:mayor|qaimaqam)\b",
    # a town's name before one of these names its province ("Niger's Tillaberi region")
    "province_after": r"\s+(?:region|province|state|governorate|oblast|county)\b",
    # "the province of Hama": the province, not its city
    "province_before": r"\b(?:province|region|governorate|state|oblast)\s+of\s+(?:the\s+)?$",
    # ... nor after these: "the coalition led by Washington", "forces backed by Iran"
    "place_not_after": r"\b(?:led|backed|supported|funded|armed|sponsored)\s+by\s+(?:the\s+)?$",
})

# a table whose first column is headed by one of these lists places, one per row ("| Governorate | Killed |")
PATTERNS.update({"by_place_kind": r"\bby\s+<TABLE_PLACE_HEADERS>\b"})  # a list's title: "..., by district:"
TABLE_PLACE_HEADERS = ["governorate", "province", "state", "region", "district", "city", "town", "area", "location",
                       "place", "oblast", "county", "country", "municipality"]

# figures that count part of the figure before: "1,119 civilian deaths across Iraq, of which 841 were in
# Nineveh"; a small word before a toll noun is an article ("a toll")
TOLL_NOUNS = ["toll", "death toll", "tally"]
PATTERNS.update({
    "subset_lead": r"(?:,\s*|\s)(?:of\s+which|of\s+whom|of\s+them)\s*$",
})

# a year-like number before an outcome noun is a year only after these ("in 2017 deaths rose"; but "deaths and
# 1987 injuries" counts)
YEAR_BEFORE_OUTCOME = ["in", "since", "of", "by", "until", "till", "from", "during", "before", "after", "early", "late", "mid", "mid-", "the", "through", "throughout", "between", "summer", "spring", "winter", "autumn", "fall"]
PATTERNS.update({"year_before_outcome": r"\b<YEAR_BEFORE_OUTCOME>\s*$"})

# titles before a name, whose '.' is no stop inside a speaker's name: "Brig. Gen. Haider al-Obeidi", "Dr. Omer"
TITLES = ("mr mrs ms dr gen lt col sgt capt maj brig cpl pvt rep sen gov prof adm cmdr insp supt rev st "
          "lt.-gen maj.-gen brig.-gen lt.-col").split()
PATTERNS.update({"title_dot": r"\b(?:<TITLES>)\.(?=\s)|\b[A-Z]\.(?=\s+[A-Z])"})  # and an initial ("Salah A. Tamimi")

# names that hold an outcome word and report no outcome (case as written): "the General Authority for the
# Search and Identification of Missing Persons said", "the Dead Sea"
NAMES_WITH_OUTCOMES = ["Missing Persons", "Missing People", "Missing Migrants", "Dead Sea", "Wounded Warrior",
                       "Wounded Warriors", "Killing Fields", "Raqqa Is Being Slaughtered Silently",
                       "Raqqa is Being Slaughtered Silently", "Raqqa is being Slaughtered Silently"]

# what a row's closing brackets hold that names no source: "(est.)", "(provisional)", "(AP)"
BRACKET_NOTES = ["est", "est.", "estimated", "approx", "approx.", "approximately", "provisional", "updated",
                 "unconfirmed", "confirmed", "verified", "cumulative", "total", "revised", "preliminary", "partial",
                 "incomplete", "see below", "see above", "figures rounded", "rounded", "reported", "disputed",
                 "to date", "so far"]

# lower-case particles inside a person's name: "Omer al-Khidir", "Ursula von der Leyen"
NAME_PARTICLES = ["al", "el", "ad", "as", "ash", "at", "az", "bin", "ibn", "bint", "abu", "de", "du", "da", "van",
                  "von", "der", "den", "la", "le"]

# a person's name set off after a role: "..., said the region's governor, Vadym Filashkin." (case-sensitive)
PATTERNS.update({"name_after": r"\s*,\s*(?P<name>(?:<@title_dot>\s*)*(?:(?:<NAME_PARTICLES>)-)?[A-Z][\w'’-]+"
                               r"(?:\s+(?:(?:<NAME_PARTICLES>)[-\s])?[A-Z][\w'’-]+){0,3})\s*(?=[,.;]|$)"})

# the claimant's verb at the clause's end, its subject before the comma: "..., the region's governor, Vyacheslav
# Gladkov, said.", "..., an MP for the province, Salah al-Tamimi, told Shafaq News" (who was told is no claimant)
PATTERNS.update({"owned_role": r"(?:^|[,;]\s*)(?:its|their)\s+[^,;:\"“”().\d]{2,40},\s*$"})  # "its director, X, said"
CLOSING_VERBS = ["said", "says", "say", "added", "reported", "noted", "wrote", "stated", "confirmed", "announced",
                 "told", "tells"]
PATTERNS.update({
    "closing_verb": r"[,;]['\"”’]?\s*(?:<CLOSING_VERBS>)(?=\s*(?:[.;!?]|$))|"
                    r"[,;]['\"”’]?\s*(?:told|tells)\s+(?=(?-i:[A-Z])|reporters\b|journalists\b|the\s+(?-i:[A-Z]))",
    # the outlet relays, the body it cites made the claim: "..., al-Masirah TV reported, citing the health office"
    "relay_lead": r",\s*(?=(?:citing|quoting)\b)",
    # what names an outlet: "the rebel-run al-Masirah TV", "the state news agency", "the daily Al-Sabah"
    "outlet": r"\b(?:tv|television|channel|news\s+agency|agency|newspaper|daily|radio|broadcaster|outlet|website|"
              r"news\s+site|<OUTLETS>)\b",
    # "the state news agency SANA quoted a police source as saying": the source
    "quoted_as": r"\b(?:quoted|cited)\s+(?P<np>[^,.;:()\"“”]{2,60}?)\s+as\s+(?:saying|telling|stating)\b",
})

# sentence splitting (sentences.py): a '.' after these ends no sentence ("Dr.", "U.N.", "Jan.")
ABBREVIATIONS = ("mr mrs ms dr gen lt col st no nos sgt capt maj brig cpl pvt rep sen gov prof jan feb mar apr jun jul "
                 "aug sep sept oct nov dec vs etc approx e.g i.e inc co corp jr sr u.s u.n u.k p.m a.m fig vol").split()

# a speaker introduced by their post at a body speaks for the body: "..., said Rabee Hassan, a spokesman for the
# Mosul civil defence" (the claimant is the civil defence)
PATTERNS.update({
    # "..., said X, commander of the federal police's 5th Division": the body is the federal police
    "role_of_body": r"\s*,\s*(?:(?:(?:an?|the)\s+)?(?:senior\s+|local\s+|chief\s+|deputy\s+)?(?:spokes(?:man|woman|person)|"
                    r"official|officer|director|head|chief|commander|representative|researcher)\s+(?:for|of|at|with)\s+|"
                    r"who\s+(?:heads|leads|runs|directs|chairs)\s+)"  # "..., said X, who heads the civil defence"
                    r"(?P<body>(?:the\s+)?[^,.;:()\"”]{2,60}?)(?=['’]s\s+\S*\d|[,.;:()\"”]|$)",
})

# --- kind and period (estimates/kinds.py): a toll over a campaign or period, or one incident -------------
MONTH_NUMBERS = {"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
                 "august": 8, "september": 9, "october": 10, "november": 11, "december": 12, "jan": 1, "feb": 2,
                 "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11,
                 "dec": 12}
KIND_EVENTS = ["strike", "airstrike", "air strike", "air raid", "airstrikes on", "raid", "attack", "bombing",
               "blast", "explosion", "car bomb", "suicide bombing", "suicide attack", "shelling of", "massacre",
               "ambush", "incident", "mass grave", "execution site", "stampede", "collapse", "fire"]
KIND_CAMPAIGN = ["battle", "offensive", "campaign", "siege", "war", "conflict", "liberation", "operation to",
                 "operations", "so far", "to date", "in total", "overall", "altogether", "cumulative",
                 "throughout", "since", "months of", "month-long", "months-long", "nine-month", "eight-month",
                 "year-long", "the fight for", "the fighting", "death toll of the"]
PATTERNS.update({
    "period_range": r"\b(?:between|from)\s+(?:\d{1,2}\s+)?(?P<m1><MONTHS>)?\.?\s*(?:\d{1,2},?\s+)?"
                    r"(?P<y1>(?:19|20)\d\d)?\s*(?:and|to|until|till|through|-|–)\s*(?:\d{1,2}\s+)?"
                    r"(?P<m2><MONTHS>)?\.?\s*(?:\d{1,2},?\s+)?(?P<y2>(?:19|20)\d\d)\b",
    "period_since": r"\bsince\s+(?:the\s+(?:start|beginning)\s+of\s+)?(?:\d{1,2}\s+)?(?P<m1><MONTHS>)?\.?\s*"
                    r"(?:\d{1,2},?\s+)?(?P<y1>(?:19|20)\d\d)\b",
    "period_in": r"\b(?:in|during|throughout)\s+(?:the\s+year\s+)?(?:(?P<m1><MONTHS>)\.?\s+)?(?P<y1>(?:19|20)\d\d)\b",
    "one_event": r"\b(?:an?|the|one|single|that|this|same|a\s+single)\s+(?:[\w'’-]+\s+){0,3}?<KIND_EVENTS>\b(?!s)|"
                 r"^(?:[A-Z][\w'’-]*\s+){0,2}?(?:Shelling|Strike|Air\s+strike|Attack|Bombing|Blast)\s+(?:of|on|at|in)\s+|"  # headlines
                 r"\bwhen\s+(?:[\w-]+\s+){0,3}?(?:mortars?|rockets?|shells?|bombs?|missiles?|rounds?)\s+"
                 r"(?:hit|landed|struck|exploded|fell|slammed)\b",
    "months_span": r"\bbetween\s+(?:\d{1,2}\s+)?<MONTHS>\.?(?:\s+\d{1,2})?,?\s+and\s+(?:\d{1,2}\s+)?<MONTHS>\b|"
                   r"\bfrom\s+(?:mid-|early\s+|late\s+)?<MONTHS>\.?\s+(?:to|until|through|till)\s+"
                   r"(?:mid-|early\s+|late\s+)?<MONTHS>\b",
    "campaign": r"\b<KIND_CAMPAIGN>\b",
    "one_day": r"\b(?:on\s+)?(?:<WEEKDAYS>)\b|\byesterday\b|\bovernight\b|\blast\s+night\b|"
               r"\bon\s+(?:\d{1,2}\s+<MONTHS>|<MONTHS>\.?\s+\d{1,2})\b",
})

# a clause after the figure's whose places are the source's or the cause's ("_before_later_clause")
PATTERNS.update({"later_clause": r",?\s+(?:according\s+to|that\s+adds|which\s+adds)\b"})
# the battle a toll belongs to, right before its place ("_in_battle_frame")
PATTERNS.update({"battle_of": r"\b(?:battle|fight|fighting|offensive|campaign|war|operations?)\s+(?:for|of|over|"
                              r"to\s+(?:re)?take|to\s+recapture|to\s+liberate|to\s+free)\s+(?:the\s+city\s+of\s+)?$|"
                              r"\b(?:drive|push|oust|expel)\s+(?:\S+\s+){1,4}?(?:from|out\s+of)\s+$"})
# a figure pointing back at an event or count just told: it is in that one's place ("_refers_back")
PATTERNS.update({"refers_back": r"\b(?:that|this|the\s+same)\s+(?:[\w-]+\s+){0,2}?(?:strike|air\s*strike|attack|raid|"
                                r"bombing|blast|explosion|incident|massacre|assault|shelling)\b|"
                                r"\b(?:these|those)\s+(?:[\w-]+\s+){0,2}?(?:strikes|air\s*strikes|attacks|raids|bombings)\b|"
                                r"^\W*(?:another|a\s+further)\b|\b(?:\d[\d,]*|<NUMBER_GATE_WORDS>)\s+others?\b|"
                                r"\b(?:its|their|that|the\s+same)\s+(?:figure|count|tally|toll|estimate)\b|"
                                r"\bthere\b(?!\s+(?:were|was|are|is|have|has|had|will|would|may|might|could|remain|seem))|"
                                r"\b(?:from|at|under|in|beneath)\s+the\s+(?:site|scene|rubble|ruins|debris|wreckage|grave|"
                                r"building|house|strike|air\s*strike|attack|raid|bombing|blast|incident)\b"})
# a sentence pointing back at the event just told (not at a count: "its count"): reader._not_the_seat and
# reader._not_the_countrys
PATTERNS.update({"event_back": r"\b(?:in|from|during|by|at)\s+the\s+(?:incident|strike|air\s*strike|attack|raid|bombing|blast|"
                               r"site|scene)\b|\b(?:that|this|the\s+same)\s+(?:strike|air\s*strike|attack|raid|bombing|"
                               r"blast|incident)\b"})
# the scope a figure is given ("across Iraq"): its place, however specific the others (reader._scoped)
PATTERNS.update({"scope_before": r"\b(?:across|throughout|all\s+over|nationwide\s+in)\s+(?:the\s+(?:whole\s+(?:of\s+)?)?)?$"})
# what joins a claimant to the place it sits in ("the civil defence in Nineveh said"): reader._not_in
PATTERNS.update({"seat_of": r"\s+(?:in|at|of)\s+(?:the\s+)?"})
# where a source sits ("a field hospital in Hammam al-Alil ... received 38 bodies from the strike"): not where
# the deaths were, when the sentence points back at the event (refers_back); reader._not_the_seat
PATTERNS.update({"source_seat": r"\b(?:hospitals?|clinic|morgue|medical\s+(?:cent(?:er|re)|point)|field\s+hospital)\s+"
                                r"(?:in|at)\s+(?:the\s+(?:town|city|village)\s+of\s+)?$"})
# whose bodies a count of bodies is ("remains_of"): "300 bodies of ISIS militants"
PATTERNS.update({"remains_of": r"\s+(?:bodies|corpses|remains)\s+of\s+(?:the\s+)?(?:(?:<MODIFIERS>)\s+){0,2}(?P<noun><VICTIM_NOUNS>)\b"})
# a town named only to say where a site lies ("the al-Khasfa sinkhole near Mosul", "15km south of Mosul"): a
# story about the site names the town this way, and the site is the story's place (reader._site_told_more)
PATTERNS.update({"near_of": r"(?:\b(?:west|east|north|south)\s+of|\bnear|\boutside|\bclose\s+to|\bnot\s+far\s+from|\b(?:\d+\s*(?:km|kilomet(?:re|er)s?|miles?)\s+)?"
                            r"(?:north|south|east|west)(?:-?(?:east|west))?\s+of)\s+(?:the\s+(?:city|town)\s+of\s+)?$"})
# a whole war's toll, told without a place: the country's, not the story's town's ("The war has killed more than
# 10,000 people"; not "the war in Hodeidah", not "the battle")
PATTERNS.update({"whole_war": r"\b(?:[Tt]he|[Tt]his|[Ii]ts|[A-Z][a-z]+['’]s)\s+(?:(?:\w+-year(?:-old)?|civil|wider|long|"
                              r"brutal|ongoing|whole)\s+)?(?:war|conflict)\b(?!\s+(?:in|on|for|over|against|with)\b)"
                              r"(?=[^.]*\b(?:killed|left|claimed|cost)\b)|\bwar\s+as\s+a\s+whole\b"})
# a landmark's kind word, off its name to find the place it is named after (reader._landmark_anchor)
PATTERNS.update({"landmark_kind": r"\s+(?:hospital|mosque|market|bridge|school|university|prison|cemetery|church|"
                                  r"shrine|complex|compound|factory|station|square|roundabout)(?:\s+(?:complex|compound))?$"})
# the sites a bearing places ("a sinkhole south of Mosul", "Hammam al-Alil, a town 15km south of Mosul"): a
# figure's sentence that places a site this way is not about the town ("killed near Hawija" is Hawija's)
SITE_NOUNS = ["sinkhole", "grave", "graves", "pit", "site", "village", "villages", "town", "camp", "hospital", "market",
              "prison", "base", "bridge", "dam", "airport", "compound", "school", "mosque", "cemetery", "well", "ravine",
              "valley", "farm", "factory", "checkpoint", "crossing", "desert", "dump", "trench"]
PATTERNS.update({"site_before": r"\b(?:<SITE_NOUNS>)\b[^.;:]{0,25}$"})
# a place that owns the speaker, not the figure ("Iraq's prime minister said 1,260 were killed"): find() skips it
PATTERNS.update({"place_owner": r"['’]s\s+(?:prime\s+minister|(?:vice\s+)?president|government|army|military|"
                                r"(?:defen[cs]e|health|interior|foreign)\s+minist(?:ry|er)|(?:security|armed)\s+forces|"
                                r"parliament|ambassador|envoy|officials|authorities|embassy|mission\s+to)\b"})

# a list row's label that names no place ("- Total: 34", "- المجموع: 34"): reader._row_label
# the head nouns of a body's name: a list row labelled by one names its source, not its place (reader._row_label)
BODY_HEADS = ["forces", "council", "committee", "observatory", "hospital", "coordinator", "ministry", "directorate",
              "command", "office", "agency", "mission", "commission", "network", "army", "police", "defence", "defense",
              "service", "team", "department", "authority", "organisation", "organization", "monitor", "unicef", "who"]
NON_PLACE_LABELS = ["total", "totals", "civilians", "children", "women", "men", "source", "sources", "note", "notes", "period", "date", "toll", "update", "overall", "all", "others", "other", "unknown", "unverified"]

# where one clause ends and the next begins, for places ("Baghdad ... 55 casualties, followed by Nineveh where 8
# were killed": 8 is Nineveh's): reader._in_own_clause
PATTERNS.update({"clause_break": r"[;:]|,?\s+(?:followed\s+by|while|whereas|compared\s+with|compared\s+to)\b|,\s+but\b"})

# a placeless toll over the story's province, not its town ("killed across the province since January"):
# reader._the_province
PATTERNS.update({"the_province": r"\b(?:across|throughout|in|of)\s+the\s+(?:whole\s+|entire\s+)?(?:province|governorate)\b(?!\s+of\b)"})
# ... and over its country ("across the country", "à l'échelle du pays", "في عموم البلاد")
PATTERNS.update({"the_country": r"\b(?:nationwide|across\s+the\s+(?:whole\s+|entire\s+)?country|throughout\s+the\s+country|in\s+the\s+country\s+as\s+a\s+whole)\b"})

# a figure sharing the verb of the one before ("Twelve died in Maarat al-Numan and five in Saraqeb"): what joins
# them, and the place that follows it (reader._gapped)
PATTERNS.update({"gap_and": r"[^.;:\d]{0,100}?(?:,\s*|\s)and\s+$",
                 "gap_where": r"\s+(?:in|at|near|on)\s+(?:[\w'-]+\s+){0,7}?(?:al-|el-)?(?!(?:<MONTHS>|<WEEKDAYS>)\b)(?-i:[A-Z])\w"})

# the outcome told before, by its pronoun: "most of the dead were fighters, but nine civilians were among them"
PATTERNS.update({"among_them_back": r"\b(?:were|was|are|is)\s+among\s+(?P<them>them)\b"})
# a part of a toll told before ("612 of those deaths", "de ces morts", "من بين هؤلاء"): reader._of_those
PATTERNS.update({"of_those": r"\bof\s+(?:the|those|these|them|whom)(?:\s+(?:deaths|dead|killed|victims|casualties|fatalities|injured|wounded))?\b|\bof\s+(?:the|those|these)\s+(?:[\w-]+['’]s\s+)?(?:deaths|dead|victims|casualties|fatalities)\b|^\W*of\s+(?:those|these|them)\b"})
# a count distributed after a colon, each part before its place ("244 bodies ...: 131 from al-Maidan, 68 from around
# Bab al-Tob and 45 from the riverbank"): what follows a part (reader._distributed)
PATTERNS.update({"dist_where": r"\s+(?:in|at|near|on|from|around|inside|outside)\s"})
# "all but three of those killed": the part left out; "a dozen of the wounded were in critical condition": a state
PATTERNS.update({"part_of_not": r"\b(?:all\s+but|except(?:\s+for)?|apart\s+from|other\s+than|(?:one|two|three|\d+)\s+(?:in|out\s+of))\s+$",
                 "part_of_state": r"\s+(?:were|was|are|is|remain(?:ed|s)?)\s+(?:still\s+|also\s+|reported\s+)?(?:in\s+(?:a\s+)?(?:critical|serious|grave|stable|poor|good)\b|critical|(?:critically|seriously|gravely|badly)\b|identified|unidentified|buried)"})
# a part of the figure before, placed ("killed 38 ..., including 12 in a school in Gaza City", "killed 6 people in
# Kharkiv region, 2 in Sumy"): what leads it (reader._placed_part), and a ranking's later places ("Nineveh accounted
# for 604 of the dead, followed by Baghdad with 311 and Anbar with 187": reader._followed_with)
PATTERNS.update({"part_lead": r"(?:,|\b(?:including|among\s+them|of\s+which|of\s+whom))\s*$",
                 "part_where": r"\s+(?:in|at|near|on|from|inside)\s+(?:[\w'’-]+\s+){0,7}?(?:al-|el-)?(?!(?:<MONTHS>|<WEEKDAYS>)\b)(?-i:[A-Z])\w",
                 "with_lead": r"(?:\bfollowed\s+by|,|\band|\bthen)\s+(?:the\s+)?(?-i:[A-Z])[\w'’-]*\s+(?:[\w'’-]+\s+){0,3}?with\s+$"})
# a figure compared with the one before counts the same ("2,430 killed in west Mosul, compared with 760 in the east")
PATTERNS.update({"compared_lead": r"\b(?:compared\s+(?:with|to)|as\s+against|against|versus|vs\.?)\s+$"})
# a site named by its noun alone in a figure's sentence ("struck a crowded market in El Fasher"): reader._site_named_later
PATTERNS.update({"nameless_site": r"\b(?:a|an)\s+(?:[\w-]+\s+){0,2}?(?P<noun>market|district|neighbou?rhood|quarter|camp|hospital|school|mosque|square)\b"})
# an event named by the place it struck ("the toll from the al-Jamiaa rocket attack"): reader._event_site
PATTERNS.update({"event_site": r"\b[Tt]he\s+(?P<name>(?:al-|el-)?[A-Z][a-z][\w'’-]*(?:\s+(?:al-|el-)?[A-Z][a-z][\w'’-]*)?)\s+"
                               r"(?:(?:rocket|mortar|car|bomb|suicide|air|drone|missile|truck|market|mosque|school)\s+){0,2}"
                               r"(?:attack|strike|bombing|blast|massacre|shelling|explosion)s?\b"})
# a town the gazetteer lacks, after a preposition of place ("near Tabatol in Niger's Tillaberi region"), or owned by the
# province it lies in ("a camp in North Darfur's Tawila"): reader._unknown_town
PATTERNS.update({"unknown_town": r"\b(?:in|near|at|outside|(?:attacks?|raids?|assaults?)\s+on)\s+(?:nearby\s+|neighbou?ring\s+)?(?:(?:[A-Z][\w-]+\s+){0,2}[A-Z][\w-]+['’]s\s+)?(?!(?:(?i:<MONTHS>|<WEEKDAYS>)|The|This|That|His|Her|Their|Its|Islamic|Arabic|English|French|Parliament|Congress)\b)(?P<name>(?:al-|el-)?[A-Z][a-z][\w'’-]*(?:\s+(?:al-|el-)?[A-Z][a-z][\w'’-]*)?)\b(?!['’]s\b|\s+(?:[A-Z]|said|says|told|reported|province|region|state|governorate|county))"})

# an outlet's own earlier version, corrected: what it said is withdrawn (reader._not_retracted)
PATTERNS.update({"earlier_version": r"\b(?:an?|the)\s+(?:earlier|previous|prior)\s+version\s+of\s+(?:this|the)\s+"
                                    r"(?:story|article|report|item)\b",
                 "correct_now": r"\b(?:the\s+correct|in\s+fact|it\s+was|actually)\b"})

# the dateline's town, pointed at by the lead: "at the entrance to this Christian town" (reader._this_town)
PATTERNS.update({"this_town": r"\bthis\s+(?:[\w'’-]+\s+){0,2}?(?:town|city|village)\b"})

# a campus named by its city is the campus, not the city: "the university of Mosul" (places._place)
PATTERNS.update({"campus_lead": r"(?:the\s+)?(?:university|airport|stadium|campus)\s+of\b"})

# a body's own members ("1,815 of its fighters") count on the side the body speaks for (reader._estimate)
PATTERNS.update({"own_members": r"\s+of\s+(?:its|their)\s+(?:own\s+)?(?:fighters|members|troops|soldiers|men|personnel|"
                                r"officers|ranks)\b",
                 "side": r"(?P<s>\b(?:peshmerga|army|police|defen[cs]e\s+ministry|ministry\s+of\s+defen[cs]e|"
                         r"security\s+forces|armed\s+forces|military)\b)|(?P<c>\b(?:islamic\s+state|isis|isil|taliban|"
                         r"hamas|hezbollah|houthis?|al-shabaab)\b)"})

# a town set off before the district it lies in: ", in the county of" (places._in_its_district); the words
# between a building and the quarter holding it: "in the northern" (places._holds)
PATTERNS.update({"in_district": r",\s+in\s+(?:the\s+)?(?=(?:district|county|province|region|governorate|territory)\b)",
                 "holding": r"\s+in\s+(?:the\s+)?(?:[a-z]+\s+)?\S"})

# a bearing right after a town: "al-Karama, 35 km east of Raqqa" (reader._not_abroad); the agent before a body's
# words: "a post used by the army in Daraban" is no seat of the army's (reader._not_in)
PATTERNS.update({"bearing_after": r",?\s+(?:about\s+|some\s+)?(?:\d+\s*(?:km|kilomet(?:re|er)s?|miles?)\s+)?"
                                  r"(?:north|south|east|west)(?:-?(?:east|west))?\b",
                 "agent_before": r"\bby\s+$"})
