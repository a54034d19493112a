"""French word lists: the same names, shapes and kinds as lexicon.py, so every Latin-script stage reads French
as it reads English (figure before noun: "27 civils", "au moins 40 soldats").

Plain data, lower case unless case matters. Entries may contain spaces (matched as any run of whitespace).
Entries with an apostrophe are listed with both the typewriter (') and the typographic (’) one: French copy
uses either, often both in one story ("l'ONU a indiqué qu’au moins ..."); `_apos` adds the twin.

Three differences from English run through the lists:
- Elision: "d'", "l'", "qu'" are glued to the next word ("d'au moins", "qu'au moins", "l'ONU"). Regexes here
  never put \\b between an elided prefix and its word; word lists that a figure's head is read from carry the
  elided forms a figure is followed by ("1,5 million d'habitants").
- Adjectives follow their noun ("soldats irakiens", "civils innocents", "combattants kurdes"): MODIFIERS are
  mostly post-nominal, and a blocker may sit right after a head noun as its adjective ("civils déplacés").
- Numbers: "," is the decimal mark and thousands are grouped by a (narrow) no-break space, a space or a dot
  ("1 200", "1 200", "1.200", "1,5 million"); "quatre-vingts" multiplies, "vingt et un" adds.
"""
from __future__ import annotations


def _apos(words: list[str]) -> list[str]:
    """Each entry as written, plus its twin with the other apostrophe (' <-> ’), each once."""
    out: list[str] = []
    for w in words:
        for v in (w, w.replace("'", "’"), w.replace("’", "'")):
            if v not in out:
                out.append(v)
    return out


# --- numbers ------------------------------------------------------------------------------------------
# Units add, TENS add, HUNDREDS multiply what precedes ("deux cents"), SCALES close a group ("deux cent
# mille" = 200 000). A compound is written with hyphens or spaces ("quatre-vingt-dix-sept", "dix sept").
# "un"/"une" are the article as well as one: a figure of one needs a noun naming people (PATTERNS small_word).
UNITS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
    "dix-sept": 17, "dix-huit": 18, "dix-neuf": 19,
}
_TEN_WORDS = {"vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
              # Belgian and Swiss French
              "septante": 70, "huitante": 80, "octante": 80, "nonante": 90}
# "et" joins only x1 and 71 ("vingt et un", "soixante et onze"); those compounds are listed whole, so that
# "et" between other number words stays a conjunction ("entre trois et cinq mille": two numbers, a range).
TENS = {
    **_TEN_WORDS,
    # 80 is four twenties: one word for the reader, never 4 + 20 ("quatre-vingt-dix" = 80 + 10)
    "quatre-vingt": 80, "quatre-vingts": 80, "quatre vingt": 80, "quatre vingts": 80,
    **{f"{t}{sep}{u}": v + 1 for t, v in _TEN_WORDS.items() for u in ("un", "une")
       for sep in (" et ", "-et-")},
    "soixante et onze": 71, "soixante-et-onze": 71,
}
HUNDREDS = {"cent": 100, "cents": 100}
# "mille" is invariable and exact alone ("mille civils"); "millier(s)" is a vague amount, never a scale.
# A bare plural scale with no count before it ("des millions de personnes") is vague too (VAGUE_AMOUNTS).
SCALES = {"mille": 1_000, "million": 1_000_000, "millions": 1_000_000, "milliard": 1_000_000_000,
          "milliards": 1_000_000_000}
# Glued to digits ("5k"); French writes money scales as "M€"/"Md$", which are sums, not head counts.
SUFFIX_SCALES = {"k": 1_000}
# Words skipped between number words: none (see TENS). The generic reader (numbers._find_latin) reads
# JOIN_WORDS; "et" here would make "entre trois et cinq" eight.
JOIN_WORDS: list[str] = []

# --- qualifiers: words before (or after) a figure -> qualifier -------------------------------------------
# Matched right before the number; an elided "d'"/"qu'" before them ("d'au moins", "qu'au moins") is no
# word character, so "au moins" is found inside it. "quelques" before digits is a common misspelling of
# "quelque" (about); before a noun it names no figure at all ("quelques civils"), see VAGUE_AMOUNTS.
QUALIFIERS_BEFORE = {
    "at_least": ["au moins", "pas moins de", "au minimum", "un minimum de", "au bas mot", "au strict minimum",
                 "à tout le moins"],
    "more_than": ["plus de", "un peu plus de", "largement plus de", "bien plus de", "nettement plus de",
                  "beaucoup plus de", "au-delà de", "au delà de", "plus que", "supérieur à", "supérieure à",
                  "dépasse", "dépassent", "dépassant", "dépassait", "a dépassé", "ont dépassé", "dépassé",
                  "excède", "excédant", "excédait", "franchi la barre des", "franchit la barre des",
                  "franchi le cap des", "franchit le cap des", "passé la barre des", "au-dessus de"],
    "about": ["environ", "près de", "quelque", "quelques", "approximativement", "une estimation de",
              "un nombre estimé à", "estimé à", "estimés à", "estimée à", "estimées à", "autour de",
              "aux alentours de", "à peu près", "quasiment", "presque", "pratiquement", "de l'ordre de",
              "dans les", "grosso modo", "plus ou moins", "peut-être", "en moyenne", "une moyenne de",
              "avoisinant", "avoisine", "frôlant", "frôle", "approchant", "approche", "proche de",
              "pas loin de", "un total estimé à"],
    "up_to": ["jusqu'à", "moins de", "pas plus de", "au plus", "tout au plus", "au maximum", "un maximum de",
              "n'excédant pas", "ne dépassant pas", "ne dépasse pas", "ne dépassait pas", "n'a pas dépassé",
              "n'excède pas", "inférieur à", "inférieure à", "en deçà de", "à peine", "tout juste"],
    "exact": ["au total", "un total de", "en tout", "exactement", "précisément", "très exactement"],
}
QUALIFIERS_BEFORE = {k: _apos(v) for k, v in QUALIFIERS_BEFORE.items()}
QUALIFIERS_AFTER = {"at_least": ["au moins", "au minimum", "au bas mot", "minimum", "ou plus", "voire plus",
                                 "et plus"],
                    "more_than": ["+"],
                    "about": ["environ", "à peu près", "approximativement", "ou presque", "grosso modo"]}

# --- outcomes ----------------------------------------------------------------------------------------
# kind as in lexicon.py: "verb" = killed/wounded (active "ont tué 27 civils" or passive "27 civils ont été
# tués", "27 civils tués"); "intrans" = died/dead/missing, only ever said of the victims ("sont morts",
# "ont péri", "portés disparus"); "noun" = deaths/toll (a count noun, or a toll whose value follows: "le bilan
# s'élève à 40"). Auxiliaries are no part of a phrase: "ont été tués" is "tués" after the auxiliary "été",
# which PATTERNS aux reads as passive. "a fait 30 morts", "faisant 30 morts": the noun "morts" after the
# figure is the outcome (head rule); "a fait" needs no entry.
_PP = r"[ée]e?s?"  # a participle: é, ée, és, ées (and the unaccented e, ee, es, ees of sloppy copy)
_V = rf"(?:{_PP}|ent|er|ant|ait|aient|a|èrent|era|eront)"  # any form of a verb in -er after its stem
OUTCOME_PHRASES: list[tuple[str, str, str]] = [
    # casualties first: "tués et blessés confondus", "tués ou blessés" must win over "tués"
    (rf"(?:tu{_PP}|morte?s?|bless{_PP})\s+(?:et|ou)\s+(?:tu{_PP}|morte?s?|bless{_PP})\s+confondue?s?",
     "casualties", "intrans"),
    (rf"(?:tu{_PP}|tuant)\s+(?:ou|et|et/ou)\s+(?:bless{_PP}|blessant)|bless{_PP}\s+(?:ou|et)\s+tu{_PP}",
     "casualties", "verb"),
    (rf"morte?s?\s+(?:ou|et|et/ou)\s+bless{_PP}|bless{_PP}\s+(?:ou|et)\s+morte?s?", "casualties", "intrans"),
    # a victim is anyone harmed, dead or wounded: "l'attentat a fait 310 victimes, dont 120 morts". Like
    # "morts" it is said only of the victims ("12 enfants figurent parmi les victimes") and its victims noun
    # may follow it ("1 400 victimes civiles"): kind "intrans", not "noun".
    (r"victimes?", "casualties", "intrans"),
    (rf"(?:br[uû]l{_PP}|enterr{_PP})\s+vi(?:fs?|ves?|vante?s?)", "killed", "verb"),  # burned / buried alive
    # "a coûté la vie à 12 civils", "coûtant la vie à au moins 30 personnes"
    (rf"co[uû]t{_V}\s+la\s+vie\s+(?:à|a|aux|au|de)|(?:[ôo]t|arrach|fauch){_PP}\s+la\s+vie\s+(?:à|a|aux|au|de)",
     "killed", "verb"),
    # "massacre" and the other singular nouns govern a following figure like a verb ("le massacre de 40
    # civils"); their plurals count events ("40 massacres", "12 assassinats"), so they are left out.
    (rf"tu(?:{_PP}|ent|er|ant|ait|aient|èrent|era|eront)|ex[ée]cut{_V}|"
     r"massacr(?:é|ée|és|ées|e|ent|er|ant|ait|aient|a|èrent)|"
     rf"assassin{_V}|fusill{_V}|d[ée]capit{_V}|[ée]gorg(?:{_PP}|e|ent|er|eant|eait|eaient|ea)|lapid{_V}|"
     r"lynch" + _V + r"|abatt(?:ue?s?|ant|ait|aient|re|ent|irent|it)|pendue?s?|meurtre|assassinat|"
     r"ex[ée]cution|d[ée]capitation|pendaison", "killed", "verb"),
    (rf"perdu\s+la\s+vie|trouv{_PP}\s+la\s+mort|péri(?:r|rent|t|ssent|ssait|ssaient)?|"
     rf"succomb{_V}(?:\s+(?:à|a)\s+(?:leurs|leur|ses|sa)\s+blessures?)?|d[ée]c[ée]d{_V}|d[ée]c[èe]dent|"
     rf"morte?s?|meur(?:t|ent)|mour(?:ir|ant|ut|urent|aient|ait|ra|ront)|noy{_PP}|asphyxi{_PP}|"
     rf"tomb{_PP}\s+(?:au\s+combat|au\s+front|en\s+martyrs?|sous\s+les\s+(?:balles|bombes|tirs|coups|obus))",
     "killed", "intrans"),
    (r"bilan(?:\s+humain|\s+provisoire|\s+officiel|\s+macabre)?|d[ée]c[èe]s|corps|cadavres?|d[ée]pouilles?|"
     r"restes\s+humains|pertes\s+humaines|martyrs?", "killed", "noun"),
    (rf"enterr{_V}|inhum{_V}", "killed", "verb"),  # "nous avons enterré 17 voisins"
    # "1 200 civils ont été soignés pour des blessures par balle ou par éclats"
    (rf"soign{_PP}\s+pour\s+(?:des\s+|de\s+)?(?:[\w-]+\s+){{0,3}}?(?:blessures|brûlures|plaies)",
     "injured", "verb"),
    # "intoxiqués au chlore": gassed, hurt by it
    (rf"bless{_V}|mutil{_V}|estropi{_PP}|amput{_PP}|intoxiqu{_PP}", "injured", "verb"),
    (r"blessures?", "injured", "noun"),
    (rf"port{_PP}\s+disparue?s?|disparue?s?|disparition|introuvables?|sans\s+nouvelles?|"
     r"manquante?s?\s+à\s+l['’]appel", "missing", "intrans"),
    # "lost" governs a following count of people only: "l'armée a perdu 37 hommes" (see lexicon.py)
    (r"perdu|perdant|perd|perdent|perdre|perdait|perdaient|perdirent|perdra|perdront", "killed", "lost"),
    (r"fosses?\s+communes?|charniers?|tombes?|tombeaux|s[ée]pultures?", "killed", "grave"),
]

# Stems for the crawler's byte gate (see lexicon.GATE_STEMS), matched inside words of the lower-cased page of
# any language: every outcome phrase above contains one (accented and unaccented spellings both), and none is
# a piece of a common English word ("tua" is in "situation", "peri" in "experience", "vie" in "view": the
# phrases are written so that "tuant", "péri", "la vie" suffice). lexicon.GATE_STEMS holds four French stems
# ("tués", "morts", "victime", "blessés") only until this list is read.
GATE_STEMS = ["tué", "tue", "tuant", "tuai", "tuè", "exécut", "execut", "massacr", "assassin", "fusill", "décapit",
              "decapit", "égorg", "egorg", "lapid", "lynch", "abatt", "pendu", "pendaison", "meurtre", "mort",
              "meur", "mour", "péri", "succomb", "décéd", "deced", "décè", "deces", "noyé", "noye", "asphyxi",
              "tomb", "la vie", "coût", "cout", "bilan", "corps", "cadavre", "dépouille", "depouille",
              "restes humains", "pertes humaines", "martyr", "enterr", "inhum", "brûl", "brul", "bless",
              "mutil", "estropi", "amput", "intoxiqu", "disparu", "disparition", "introuvable", "sans nouvelle",
              "manquant", "perd", "fosse", "charnier", "sépulture", "sepulture", "victime", "civil"]

# Predicates that make a figure NOT a casualty count (people who fled, were deployed, live somewhere...).
# Not here although English has them: "armés" ("hommes armés" is a combatant noun, its adjective after it)
# and "marché" (the market, a place).
BLOCKERS = _apos([
    "déplacé", "déplacée", "déplacés", "déplacées", "déplacement", "déplacements", "fui", "fuient", "fuyaient",
    "fuyait", "fuyant", "fuir", "fuite", "enfuis", "enfuies", "évacué", "évacuée", "évacués", "évacuées",
    "évacuation", "évacuer", "évacuant", "secouru", "secourus", "secourues", "sauvé", "sauvés", "sauvées",
    "arrêté", "arrêtés", "arrêtées", "arrestation", "arrestations", "interpellé", "interpellés", "interpellées",
    "détenu", "détenue", "détenues", "capturé", "capturés", "capturées", "faits prisonniers",
    "fait prisonniers", "enlevé", "enlevés", "enlevées", "enlèvement", "kidnappé", "kidnappés", "kidnappées",
    "pris en otage", "prises en otage", "séquestrés", "séquestrées", "déployé", "déployés", "déployées",
    "déploiement", "mobilisé", "mobilisés", "mobilisées", "stationnés", "stationnées", "rentrés", "rentrées",
    "retournés", "retournées", "revenus", "revenues", "rapatriés", "rapatriées", "hébergés", "hébergées",
    "accueillis", "accueillies", "abrités", "abritées", "vivent", "vivaient", "vivant", "vivants", "vivantes",
    "habitent", "habitaient", "résident", "résidaient", "restent", "restaient", "demeurent", "piégés",
    "piégées", "pris au piège", "prises au piège", "assiégés", "assiégées", "bloqués", "bloquées", "coincés",
    "coincées", "enregistrés", "enregistrées", "inscrits", "inscrites", "vaccinés", "vaccinées", "nourris",
    "se sont rendus", "se sont rendues", "reddition", "libéré", "libérés", "libérées", "relâchés", "relâchées",
    "sans-abri", "sans abri", "survécu", "rescapés", "rescapées", "survivants", "survivantes", "sains et saufs",
    "saines et sauves", "indemnes", "échappé", "réchappé", "réinstallés", "relogés", "participé",
    "participaient", "pris part", "rejoint", "recrutés", "recrutées", "entraînés", "condamné", "condamnés",
    "condamnées", "condamnation", "menacés", "menacées", "risquent", "attaqué", "attaquaient", "pris d'assaut",
])

# Words after an outcome noun and before its figure that state the toll ("le bilan s'est alourdi à 40").
# The gap must END with one of them, so "à" and "de" cover every "... à"/"... de" link (and "d'" its elided
# form: "la mort d'au moins 2 500 civils"); the longer entries say what is meant.
TOLL_LINKS = _apos([
    "s'élève à", "s'élevait à", "s'élèvent à", "s'élevaient à", "s'est élevé à", "s'élèverait à",
    "s'établit à", "s'établissait à", "s'est établi à", "atteint", "atteignait", "atteignent", "a atteint",
    "est de", "était de", "sont de", "serait de", "est passé à", "est passé de", "passé à", "est monté à",
    "a grimpé à", "grimpé à", "dépasse", "dépassait", "a dépassé", "se monte à", "se montait à",
    "s'alourdit à", "s'est alourdi à", "alourdi à", "porté à", "revu à la hausse à", "fait état de",
    "faisait état de", "évalué à", "estimé à", "chiffré à", "établi à", "fixé à", "avoisine", "frôle",
    "totalise", "totalisait", "est", "était", "sont", "désormais", "maintenant", "de", "d'", "à",
    # "parmi les morts figurent 14 femmes", "parmi les victimes, on compte 9 enfants"
    "figurent", "figuraient", "figure", "figurait", "se trouvent", "se trouvaient", "on compte", "on dénombre",
    "on recense", "compte", "comptent", "comptait",
])

# --- what is counted: the noun after the figure ----------------------------------------------------------
# Class keys as in lexicon.py. "miliciens" counts as security forces, as "militiamen" does in English. Nouns a
# figure is often followed by with elision after a scale word ("2 millions d'habitants") carry their "d'" form.
_ELIDED_PEOPLE = ["habitants", "enfants", "hommes", "individus", "otages", "Irakiens", "élèves", "ouvriers",
                  "innocents", "employés", "adolescents"]
VICTIM_NOUNS = {
    "civilians": ["civils", "civil", "civile", "civiles", "non-combattants", "non combattants", "non-combattant"],
    "children": ["enfants", "enfant", "garçons", "garçon", "fillettes", "fillette", "bébés", "bébé",
                 "nourrissons", "nourrisson", "mineurs", "écoliers", "écolières", "élèves", "adolescents",
                 "adolescentes", "nouveau-nés", "petites filles", "jeunes filles", *_apos(["d'enfants"])],
    "women": ["femmes", "femme", "mères", "jeunes femmes"],
    "people": ["personnes", "personne", "habitants", "habitant", "résidents", "individus", "villageois",
               "hommes", "homme", "irakiens", "syriens", "yéménites", "palestiniens", "autres", "locaux",
               "proches", "parents", "fidèles", "passants", "piétons", "clients", "commerçants", "passagers",
               "patients", "malades", "étudiants", "pèlerins", "invités", "ouvriers", "travailleurs",
               "journalistes", "médecins", "infirmiers", "infirmières", "secouristes", "ambulanciers",
               "bénévoles", "volontaires", "agriculteurs", "bergers", "pêcheurs", "détenus", "prisonniers",
               "otages", "yazidis", "yézidis", "chrétiens", "victimes", "membres", "membre", "éléments",
               "âmes", "citoyens", "employés", "humanitaires", "fils", "filles", "frères", "sœurs", "soeurs",
               "maris", "époux", "épouses", "pères", "cousins", "neveux", "nièces", "oncles", "voisins", "amis",
               "collègues", "jeunes", "migrants", "manifestants", "personnes âgées",
               # singulars: a figure of one is "un"/"une" and a singular noun ("un journaliste a péri")
               "journaliste", "photographe", "reporter", "correspondant", "médecin", "infirmier", "infirmière",
               "secouriste", "ambulancier", "passant", "berger", "agriculteur", "étudiant", "étudiante",
               "patient", "patiente", "otage", "détenu", "prisonnier", "vieillard", "père", "fille", "frère",
               "sœur", "mari", "épouse", "voisin", "voisine", "ami", "collègue", "humanitaire", "fidèle",
               "pèlerin", "ouvrier", "travailleur", "villageois", "résident", "individu", "citoyen", "migrant",
               *_apos([f"d'{w.lower()}" for w in _ELIDED_PEOPLE if w not in ("enfants",)])],
    "combatants": ["combattants", "combattant", "jihadistes", "djihadistes", "jihadiste", "djihadiste",
                   "islamistes", "insurgés", "rebelles", "extrémistes", "terroristes", "assaillants",
                   "kamikazes", "snipers", "tireurs embusqués", "émirs", "daech", "daesh", "isis", "ei",
                   "hommes armés", "combattants étrangers", "jihadistes étrangers", "militants", "insurgé",
                   "rebelle", "terroriste", "assaillant", "kamikaze", "sniper", "émir", "militant"],
    "security forces": ["soldats", "soldat", "militaires", "militaire", "policiers", "policier", "policières",
                        "gendarmes", "agents", "officiers", "officier", "sous-officiers", "troupes", "peshmergas",
                        "peshmerga", "pechmergas", "pechmerga", "gardes", "gardes-frontières", "forces",
                        "miliciens", "milicien", "paramilitaires", "recrues", "conscrits", "marines",
                        "commandos", "casques bleus", "gardiens", "armée", "forces de sécurité",
                        "forces de l'ordre", "forces de l’ordre", "membres des forces de sécurité", "policière",
                        "gendarme", "agent", "garde", "garde-frontière", "recrue", "conscrit", "commando",
                        "casque bleu", "gardien", "paramilitaire"],
}
# Words skipped between a figure and its noun; some set a default class when no noun follows. Most French
# modifiers FOLLOW their noun ("30 civils irakiens", "12 soldats tués", "40 jihadistes présumés"); the few
# that precede it are the determiners, "autres", "jeunes", "anciens", "simples" and the count words.
MODIFIERS = {
    "civilians": ["civil", "civils", "civile", "civiles", "innocents", "innocentes", "désarmés", "sans armes",
                  "non armés"],
    "combatants": ["jihadistes", "djihadistes", "jihadiste", "djihadiste", "islamistes", "insurgés", "rebelles",
                   "terroristes", "extrémistes", "ennemis", "ei", "daech", "daesh", "isis", *_apos(["l'ei"])],
    "security forces": ["gouvernementaux", "gouvernementales", "progouvernementaux", "pro-gouvernementaux",
                        "progouvernementales", "fédéraux", "fédérales", "loyalistes", "alliés", "antiterroristes",
                        "peshmergas", "peshmerga", "militaires", "policiers", "spéciales", "d'élite", "d’élite",
                        "paramilitaires"],
    None: ["irakiens", "irakiennes", "irakien", "irakienne", "syriens", "syriennes", "syrien", "syrienne",
           "kurdes", "kurde", "yéménites", "palestiniens", "palestiniennes", "afghans", "américains",
           "britanniques", "français", "françaises", "russes", "turcs", "turques", "iraniens", "israéliens",
           "locaux", "locales", "autres", "supplémentaires", "jeunes", "âgés", "âgées", "étrangers",
           "étrangères", "présumés", "présumées", "sunnites", "chiites", "chrétiens", "yazidis", "yézidis",
           "arabes", "turkmènes", "déplacés", "déplacées", "anonymes", "inconnus", "non identifiés",
           "ordinaires", "vulnérables", "anciens", "anciennes", "simples", "retraités", "armés", "armées",
           # how the count is known: "8 119 décès vérifiés", "230 morts confirmés"
           "vérifiés", "confirmés", "confirmées", "documentés", "recensés", "recensées", "enregistrés",
           "signalés", "identifiés", "officiels", "avérés",
           # how sure: "1 066 morts civils probables"
           "probables", "possibles", "crédibles", "potentiels",
           # determiners and the partitive between a figure and its noun ("30 des blessés", "2 millions de
           # personnes", "12 membres de leur famille")
           "de", "des", "du", *_apos(["d'", "d'entre"]), "la", "le", "les", "leur", "leurs", "ses", "sa", "son",
           "nos", "notre", "eux", "famille"],
}
# Nouns that are counted but are not casualties: the figure is not a casualty figure.
_ELIDED_THINGS = ["euros", "heures", "années", "armes", "obus", "habitations", "immeubles", "hectares",
                  "enquêtes", "attaques", "attentats", "explosifs", "engins", "écoles", "hôpitaux", "avions"]
NOT_VICTIMS = [
    "maisons", "logements", "habitations", "bâtiments", "immeubles", "édifices", "appartements", "écoles",
    "hôpitaux", "cliniques", "dispensaires", "mosquées", "églises", "magasins", "boutiques", "commerces",
    "ponts", "routes", "frappes", "raids", "bombardements", "sorties", "bombes", "obus", "roquettes",
    "missiles", "mortiers", "munitions", "balles", "cartouches", "véhicules", "voitures", "camions", "chars",
    "blindés", "armes", "fusils", "familles", "foyers", "ménages", "jours", "jour", "semaines", "semaine",
    "mois", "ans", "an", "années", "année", "heures", "heure", "minutes", "minute", "secondes", "km",
    "kilomètres", "kilomètre", "mètres", "mètre", "tonnes", "tonne", "kg", "kilos", "kilogrammes", "dollars",
    "euros", "livres", "dinars", "francs", "fois", "pour", "pourcent", "réfugiés", "réfugiées", "déplacés",
    "déplacées", "camps", "tentes", "villages", "villes", "localités", "quartiers", "districts", "sites",
    "cibles", "positions", "mots", "pages", "rapports", "incidents", "attaques", "attentats", "allégations",
    "projets", "points", "voix", "sièges", "hectares", "lits", "repas", "litres", "documents", "vidéos",
    "photos", "images", "articles", "pays", "nations", "organisations", "ong", "agences", "entreprises",
    "sociétés", "emplois", "vols", "barils", "étages", "pièces", "tunnels", "barrages", "checkpoints", "cas",
    "plaintes", "enquêtes", "lieux", "structures", "propriétés", "installations", "puits", "arbres",
    "animaux", "moutons", "bétail", "têtes", "par", "degrés", "calories", "colis", "kits", "convois", "avions",
    "appareils", "drones", "hélicoptères", "navires", "bateaux", "embarcations", "bataillons", "brigades",
    "divisions", "unités", "groupes", "équipes", "tribus", "clans", "rues", "décennies", "siècles",
    "rescapés", "survivants", "évacués", "rapatriés", "combats", "affrontements", "explosions", "engins",
    "mines", "entretiens", "témoignages", "interviews", "gmt", "h", "km2", "m2", "euro", "dollar",
    *_apos([f"d'{w}" for w in _ELIDED_THINGS]),
]

# --- attribution -------------------------------------------------------------------------------------
# Third-person forms, present and past participle (the auxiliary "a"/"ont" sits between subject and
# participle: "l'ONU a indiqué"). French puts the verb before its subject after a clause or quote:
# "..., a déclaré le ministère", "..., affirme Amnesty International", "..., a indiqué à l'AFP un responsable".
REPORT_VERBS = [
    # a toll raised by its keeper: "le ministère a porté le bilan à 38 morts", "a porté à 135 le nombre de tués"
    "porté", "portent",  # (not "porte": "porte-parole")
    "déclaré", "déclare", "déclarent", "dit", "disent", "indiqué", "indique", "indiquent", "affirmé", "affirme",
    "affirment", "annoncé", "annonce", "annoncent", "rapporté", "rapporte", "rapportent", "recensé", "recense",
    "recensent", "documenté", "documente", "documentent", "dénombré", "dénombre", "dénombrent", "estimé",
    "estime", "estiment", "précisé", "précise", "précisent", "ajouté", "ajoute", "ajoutent", "souligné",
    "souligne", "soulignent", "confirmé", "confirme", "confirment", "assuré", "assure", "assurent",
    "expliqué", "explique", "expliquent", "rappelé", "rappelle", "signalé", "signale", "signalent", "relevé",
    "relève", "compté", "compte", "comptent", "enregistré", "enregistre", "comptabilisé", "comptabilise",
    "chiffré", "chiffre", "évalué", "évalue", "avancé", "avance", "communiqué", "reconnu", "reconnaît",
    "reconnait", "admis", "admet", "révélé", "révèle", "publié", "publie", "noté", "note", "constaté",
    "constate", "conclu", "conclut", "accusé", "accuse", "averti", "avertit", "prévenu", "insisté", "insiste",
    "martelé", "déploré", "déplore", "dénoncé", "dénonce", "raconté", "raconte", "témoigné", "témoigne",
    "confié", "confie", "fait état", "font état", "faisait état", "faisaient état", "fait savoir", "font savoir",
    "recensait", "estimait", "affirmait", "indiquait", "attribue", "attribuent", "attribué", "impute", "imputent",
    "imputé",
    # a toll set or revised by its keeper: "le maire avait établi le bilan à 19", "a revu à la hausse le nombre"
    "établi", "établit", "fixé", "fixe", "revu", "relevé à",
]
# Reporting verbs that introduce a speaker (the others introduce a record: "recensé", "dénombré", "compté").
SPEECH_VERBS = [
    "déclaré", "déclare", "déclarent", "dit", "disent", "indiqué", "indique", "indiquent", "affirmé", "affirme",
    "affirment", "annoncé", "annonce", "annoncent", "rapporté", "rapporte", "rapportent", "estimé", "estime",
    "estiment", "précisé", "précise", "précisent", "ajouté", "ajoute", "ajoutent", "souligné", "souligne",
    "soulignent", "confirmé", "confirme", "confirment", "assuré", "assure", "assurent", "expliqué", "explique",
    "expliquent", "averti", "avertit", "insisté", "insiste", "martelé", "raconté", "raconte", "témoigné",
    "témoigne", "confié", "confie", "affirmait", "indiquait", "estimait",
]
# Subjects that are no claimant (pronouns, dummies, anaphors, conjunctions and adverbs opening a clause): the
# attribution then names nobody here, and the speaker is the one named before. Unlike lexicon.py this set
# holds multi-word entries ("cette dernière"): match the whole subject as well as its first word.
NON_CLAIMANTS = frozenset(_apos(
    ("il elle ils elles on nous je tu vous qui que qu' quoi lequel laquelle lesquels lesquelles celui celle "
     "ceux celles celui-ci celle-ci ceux-ci celles-ci celui-là celle-là ce cela ceci ça c' y en certains "
     "certaines d'autres autres plusieurs tous toutes chacun chacune personne rien tout "
     # a conjunction opening a clause is no subject: "..., mais estime que le bilan réel est plus lourd"
     "mais et ou donc or ni car puis ensuite cependant toutefois pourtant néanmoins aussi alors enfin "
     # an auxiliary is no subject: ", a annoncé samedi le gouverneur" (the speaker comes after the verb)
     "a ont avait avaient aurait auraient est sont "
     # an adverb before the verb is no subject either: "elle a révisé son bilan et estime désormais ..."
     "désormais maintenant encore toujours auparavant précédemment initialement également déjà actuellement "
     "séparément ainsi d'abord").split()
) + [
    "cette dernière", "ce dernier", "ces derniers", "ces dernières", "plus tard", "par ailleurs", "de son côté",
    "de leur côté", "pour sa part", "pour leur part", "de nouveau", "a-t-il", "a-t-elle", "a-t-on",
])
# Nouns for data behind "selon"/"d'après" and a "de"/"par" agent: "selon un bilan du ministère", "d'après les
# chiffres de l'ONU", "les données compilées par Airwars".
DATA_NOUNS = ["estimation", "estimations", "décompte", "décomptes", "comptage", "bilan", "bilans", "chiffres",
              "chiffre", "données", "rapport", "rapports", "enquête", "enquêtes", "sondage", "étude", "études",
              "relevé", "relevés", "registres", "registre", "calculs", "calcul", "analyse", "évaluation",
              "évaluations", "statistiques", "nombres", "recherche", "recherches", "base de données",
              "documentation", "suivi", "liste", "listes", "conclusions", "examen", "recension", "recensement",
              "projection", "projections", "compilation", "communiqué", "déclaration", "décompte macabre"]
# French has no "The Associated Press tally of": the author follows its data noun, joined by de/du/des/d'
# ("un décompte de l'AP", "une estimation de l'ONU", "un bilan de l'AFP"; AFP is then the claimant, not the
# outlet) or bare ("selon un décompte AFP"). These are the data nouns an author may follow so.
NP_DATA_NOUNS = ["estimation", "estimations", "décompte", "comptage", "bilan", "chiffres", "chiffre",
                 "données", "rapport", "enquête", "sondage", "étude", "relevé", "registres", "calculs",
                 "analyse", "évaluation", "statistiques", "recherche", "base de données", "examen", "recension",
                 "projection"]

# --- dates and identifiers ---------------------------------------------------------------------------
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
# French has no "may" trap ("mai" is only the month); "sept" is seven, so September's abbreviation is listed
# only with its period.
MONTHS = ["janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout",
          "septembre", "octobre", "novembre", "décembre", "decembre", "janv.", "févr.", "fév.", "avr.",
          "juil.", "sept.", "oct.", "nov.", "déc."]
# Words right before a number that make it an identifier or an age, not a count.
IDENTIFIER_WORDS = _apos([
    "résolution", "résolutions", "numéro", "n°", "nº", "no", "no.", "#", "article", "chapitre", "page",
    "pages", "loi", "décret", "vol", "route", "autoroute", "brigade", "division", "bataillon", "régiment",
    "unité", "chambre", "salle", "bloc", "section", "paragraphe", "alinéa", "volume", "édition", "épisode",
    "saison", "dossier", "affaire", "verset", "ligne", "niveau", "phase", "âgé de", "âgée de", "âgés de",
    "âgées de", "âge de", "à l'âge de", "classé", "rang", "score", "note", "code", "modèle", "version",
    "cellule", "lit", "porte", "quai", "année", "classe", "catégorie", "ordre", "acte", "protocole",
    "équipe", "escouade", "corps", "flotte", "zone", "secteur", "camp", "pont", "rue", "avenue", "boulevard",
    "étage", "district", "arrondissement", "bus", "tome", "kilomètre", "km", "borne", "parcelle", "lot",
    "groupe", "tranche",
])
# A year-like number after these words is a year ("en 2017", "depuis 2014"), not a count.
YEAR_PREPOSITIONS = _apos([
    "en", "depuis", "de", "du", "d'", "par", "jusqu'en", "jusqu'à", "à partir de", "dès", "avant", "après",
    "pendant", "durant", "au cours de", "début", "fin", "mi-", "mi", "courant", "l'année", "année", "été",
    "printemps", "hiver", "automne", "pour", "entre", "et", "à", "au", "le", "les", "l'", "tout", "toute",
    "dans", "vers", "an",
])


# --- constructions: regex fragments too irregular for a word list (see language.py) --------------------
# Same names as in lexicon.py; `<NAME>` stands for the alternation of the word list NAME in this module.
# Matched case-insensitively unless noted. Elided forms: ['’] wherever an apostrophe may stand.
DETECT_WORDS = ["le", "la", "les", "des", "du", "et", "une", "dans", "au", "aux", "que", "qui", "est", "sont",
                "ont", "été", "pour", "sur", "selon", "ne", "pas", "ce", "cette", "il", "elle", "ils", "leur",
                "mais", "avec", "tués", "morts", "blessés", "personnes"]
RANGE_OPENERS = ["entre", "entre quelque", "entre environ"]   # "entre 9 000 et 11 000"
RANGE_AND = ["et", "-", "–", "—"]                            # the link after RANGE_OPENERS
RANGE_TO = ["à", "-", "–", "—", "ou"]                        # "de 9 000 à 11 000", "9 000-11 000", "deux ou trois"
CHANGE_FROM = ["de"]                                         # "est passé de 25 à 36": a change, not a range
CHANGE_VERBS = ["passé", "passant", "passe", "grimpé", "grimpant", "augmenté", "augmentant", "alourdi",
                "alourdit", "alourdissant", "monté", "relevé", "revu", "révisé", "porté", "portant", "élevé",
                "hausse", "bondi", "progressé", "gonflé", "aggravé", "corrigé"]
MONTHS_AFTER = MONTHS  # "17 mars", "1er juillet": a day, not a count (no "may" trap in French)

# heads: what a figure counts
UNITS_OF_PEOPLE = ["famille", "foyer", "ménage"]  # "une famille a perdu ...": counts groups, not people
RELATIVE_GROUP = ["eux", "elles", "lesquels", "lesquelles", "lequel", "laquelle"]  # "40 d'entre eux sont morts"
PARTITIVE = _apos(["des", "d'entre", "parmi"])  # "48 des blessés ont succombé": the outcome names the group
MEMBER_NOUNS = ["membres", "membre", "éléments", "élément"]  # "membres des forces de sécurité", "de l'EI"
# A bare number of at most 31 right after one of these is a day of the month, never a head count: French
# puts the singular article before a date ("le 23 et le 26 mars", "du 17 au 22 février"), not before a count.
DAY_ARTICLES = _apos(["le", "du", "au", "jusqu'au", "dès le", "depuis le", "à partir du", "avant le",
                      "après le"])
PATTERNS: dict[str, str] = {
    # after a number: no head count (a percentage, a decimal, an ordinal, a time, a multiplier, money, a
    # ratio, an age, a date). French puts a (narrow) no-break space before "%"; \s matches it.
    "not_count_after":
        r"\s*(?:%|pour\s*cent\b|pour-cent\b|pourcent\b|p\.\s?cent\b|points?\s+de\s+pourcentage\b)|"
        r",\d|-[^\W\d]|(?:er|ère|re|e|ème|eme|ième|ieme|nd|nde|es|èmes|ᵉ|ᵉʳ)\b|\s*°|"
        r"\s*[hH](?:\d{2})?\b|\s*heures?\b|\s*(?:gmt|utc|hec|heure\s+locale)\b|\s*min\b|\s*fois\b|"
        r"\s*(?:€|euros?\b|dollars?\b|usd\b|eur\b|dinars?\b|francs?\b|rials?\b|riyals?\b|"
        r"livres?(?:\s+sterling|\s+syriennes?|\s+libanaises?|\s+turques?)?\b)|"
        r"\s*(?:de\s+|d['’])(?:euros|dollars|dinars|francs|livres)\b|"
        r"\s*sur\s+(?:\d|dix\b|cinq\b|trois\b|quatre\b|deux\b|cent\b|mille\b)|\s*ans\b|"
        # "un bilan", "un massacre", "une exécution": the article "un"/"une" before a singular outcome noun that
        # counts no one (a count is "un mort", "une victime", "un blessé", "un corps")
        r"\s*(?:bilans?|massacre|meurtre|assassinat|ex[ée]cution|d[ée]capitation|pendaison|disparition)\b|"
        r"\s*<MONTHS_AFTER>(?!\w)",
    # before a number: money, an identifier ("résolution 2170"), an age, a compound ("T-72"; not the dash of a
    # dateline, "(AFP) - Vingt-sept civils"), a force's strength, a
    # ratio ("pour cent", "pour 100 000 habitants"), a day after its article ("le 17", "du 12 au 14")
    "not_count_before":
        r"(?:[$£€¥]|US\$|USD|EUR|GBP)\s*$|(?<!\w)<IDENTIFIER_WORDS>\s*$|"
        r"(?<!\w)(?:âgée?s?|à\s+l['’]âge)\s+(?:de\s+|d['’])?$|(?<=\w)[-–]$|"
        r"(?<!\w)(?:force|forces|garnison|contingent|effectifs?|population|armée|troupes)\s+(?:de\s+|d['’])"
        r"(?:[^\W\d]+\s+){0,2}$|"
        r"(?<!\w)(?:forte?|peuplée?)\s+(?:de\s+|d['’])(?:[^\W\d]+\s+){0,2}$|"
        r"(?<!\w)âgée?s?\s+de\s+\d+\s*(?:à|et|-)\s*$|(?<!\w)pour\s*$|(?<!\w)<DAY_ARTICLES>\s*$|"
        # the scale word of a decimal the digits could not hold ("1,5 million": "million" alone is no count)
        r"\d[,.]\d+\s*$",
    # a month before a number makes it a year ("mars 2017"); French days come before the month
    "month_before": r"(?<!\w)<MONTHS>\s*$",
    # "un"/"une" as a figure needs a noun that names people
    "small_word": r"(?:un|une)$",
    # ... and is a speaker's article after these: "a affirmé un médecin", "selon un médecin" (reader._countable)
    "speaker_lead": r"(?:selon|d['’]après|(?:a|ont|avait|avaient)\s+(?:<REPORT_VERBS>))\s+$",
}

PATTERNS.update({
    # after a member noun: whose members ("membres de l'EI" combatants; "des forces de sécurité" security)
    "members_of":
        r"\s+(?:de\s+l['’]|du\s+|des\s+|de\s+la\s+|d['’]|de\s+)(?:(?:groupe|organisation|mouvement)\s+"
        r"(?:jihadiste\s+|djihadiste\s+)?)?(?P<c>ei\b|eiil\b|daech\b|daesh\b|isis\b|[eé]tat\s+islamique|"
        r"al-qa[iï]da|al-qaeda|jihadistes|djihadistes|groupe\s+jihadiste|groupe\s+djihadiste|groupe\s+arm[ée]|"
        r"insurg[ée]s|rebelles|milices?\s+jihadistes?)|"
        r"\s+(?:de\s+l['’]|du\s+|des\s+|de\s+la\s+|d['’]|de\s+)(?P<s>forces\s+(?:de\s+s[ée]curit[ée]|de\s+l['’]ordre|"
        r"arm[ée]es|sp[ée]ciales|irakiennes|gouvernementales|kurdes|f[ée]d[ée]rales|antiterroristes|"
        r"pro-?gouvernementales)|forces|s[ée]curit[ée]|police(?:\s+f[ée]d[ée]rale|\s+locale)?|arm[ée]e(?:\s+irakienne)?|"
        r"services\s+de\s+s[ée]curit[ée]|service\s+(?:de\s+)?(?:contre-terrorisme|lutte\s+antiterroriste)|cts|"
        r"pe?shmergas?|pechmergas?|hach[e]?d(?:\s+al-chaabi)?|unit[ée]s\s+de\s+mobilisation\s+populaire|"
        r"mobilisation\s+populaire|garde\s+(?:nationale|pr[ée]sidentielle|r[ée]publicaine|c[ôo]ti[èe]re)|"
        r"gardes?[-\s]fronti[èe]res?|division\s+d['’]or|minist[èe]re\s+de\s+l['’]int[ée]rieur|troupes)",
    "and_noun": r"\s+(?:et|ou)\s+(?:d['’]autres\s+|(?:des|de|les|autres)\s+)?([^\W\d_]+)",
    # "douze membres d'une même famille": the family is part of the head, not a new phrase
    "of_family": r"\s+(?:d['’]une\s+(?:même\s+|seule\s+)?|d['’]un\s+même\s+|de\s+(?:la\s+(?:même\s+)?|sa\s+|leur\s+|"
                 r"leurs\s+|ses\s+|deux\s+|trois\s+|plusieurs\s+)|des\s+)familles?\b",
    # "31 des morts étaient des enfants": the partitive names the outcome, the predicate noun the victims
    # "Parmi les morts, 512 étaient des civils": the group before the comma is the figure's outcome
    "of_the_lead": r"(?<!\w)(?:parmi|sur)\s+(?:les|ces)\s+(?:[\w-]+\s+)?$",
    "were_noun": r"\s+(?:étaient|était|sont|est|seraient)\s+(?:(?:tous|toutes|pour\s+la\s+plupart|majoritairement|"
                 r"principalement|apparemment)\s+)?(?:des\s+|de\s+|d['’])?([^\W\d_]+)",
})

# outcome links (linking.py)
PATTERNS.update({
    # what ends the reach of a predicate after its figure ("dont" does not: it opens a subset)
    "stop": r"[;:()\[\]—|]|\s[–-]\s|(?<!\w)(?:mais|tandis\s+que|tandis\s+qu['’]|alors\s+que|alors\s+qu['’]|bien\s+que|"
            r"quoique|après|avant|lorsque|lorsqu['’]|quand|parce\s+que|parce\s+qu['’]|puisque|puisqu['’]|"
            r"ce\s+qui|poussant|forçant|obligeant|contraignant)(?!\w)",
    # words between an outcome verb and its figure: "a tué samedi au moins 27", "ont tué 'près de 49'",
    # "le massacre d'au moins 40 civils" (an elided "d'" is glued to the qualifier)
    "gap": r"(?:\s+(?:<WEEKDAYS>|hier|aujourd['’]hui|également|aussi|encore|déjà|ainsi|notamment|en\s+tout|"
           r"au\s+total|au|moins|plus|de|près|environ|quelque|quelques|pas|total|jusqu['’]à|à|peu|bien|largement|"
           r"presque|quasiment|officiellement|apparemment|matin|soir|(?:dans\s+la\s+|en\s+)(?:matinée|soirée|"
           r"nuit|journée))(?!\w)|\s+d['’])*\s*(?:['‘\"“«]\s*)?",
    # "tuant une femme et ses deux enfants", "a tué un agriculteur et ses 3 fils"
    "companion": r"\s+(?:un|une)\s+[^\W\d_]+\s+et\s+(?:ses|leurs|son|sa)\s+",
    # an auxiliary before the participle: passive ("ont été tués", "sont tués"), not active ("ont tué")
    "aux": r"(?<!\w)(?:été|étaient|était|sont|est|seront|sera|serait|seraient|fut|furent|être|soient|soit|tous|"
           r"toutes|également|aussi|ensuite|probablement|vraisemblablement|apparemment|retrouvée?s?|laissée?s?|"
           r"restée?s?)\s+(?:[^\W\d_]+\s+)?$",
    # a toll noun's link to its value: "le bilan s'est alourdi à 240"
    "toll_end": r"(?<!\w)<TOLL_LINKS>\s*(?:['‘\"“«]\s*)?$",
    # the figure phrase itself may carry the link: "dépasse 4 000", "entre 9 000 et 10 000"
    "toll_start": r"(?:dépass|franchi|excéd|surpass|entre)",
    # a relative clause on the head, before its main predicate: "des civils qui tentaient de fuir ont été
    # abattus", "tentant de fuir"
    "rel_clause": r"\s*(?:qui\s+(?:avaient\s+|ont\s+|étaient\s+|sont\s+|avait\s+|a\s+)?(?:été\s+)?"
                  r"(?:(?:tentaient|essayaient|cherchaient|tentait|essayait|voulaient|attendaient|espéraient)\s+"
                  r"(?:de\s+|d['’]|à\s+)?)?|(?:tentant|essayant|cherchant|voulant|attendant|espérant)\s+"
                  r"(?:de\s+|d['’]|à\s+)?)",
    "main_aux": r"(?<!\w)(?:ont\s+été|a\s+été|avaient\s+été|avait\s+été|auraient\s+été|aurait\s+été|sont|est|"
                r"étaient|était|ont|restent|reste|restaient|demeurent)\s+(?:ensuite\s+|plus\s+tard\s+|tous\s+|"
                r"toutes\s+|toujours\s+|désormais\s+|finalement\s+)?$",
    "and_noun_lead": r"^\s*(?:et|ou)\s+[^\W\d_]+",
    "by_agent": r"\s+par\s",  # a passive participle on the head: "enlevés par l'EI"
    # a copula blocker followed by its outcome is no blocker: "restent portés disparus"
    "copula": r"rest(?:ent|e|aient|ait)|demeur(?:ent|e|aient|ait)|enregistr(?:é|ée|és|ées)|inscrite?s?",
    "copula_gap": r"\s+(?:(?:toujours|officiellement|encore|comme|en\s+tant\s+que)\s+)*",
    # the wounded the figure counts died later: "12 blessés ont succombé", "sont morts depuis"
    "died_later": r"(?<!\w)(?:(?:plus\s+tard|ensuite|depuis|par\s+la\s+suite|finalement)\s+)?"
                  r"(?:ont\s+)?(?:succomb(?:é|ent|èrent|ant|ait|aient|a)|d[ée]c[ée]d(?:é|ée|és|ées|ent|aient|ait)|"
                  r"(?:sont|est)\s+(?:(?:depuis|ensuite|plus\s+tard)\s+)?(?:morte?s?|d[ée]c[ée]d[ée]e?s?))(?!\w)",
    # a count of victims or bodies in a sentence about graves is a count of the dead
    "victims_noun": r"(?:victimes|corps|restes|dépouilles|cadavres)[.,'’]?\s*$",
})

# the reader's own rules (reader.py)
VICTIM_WORDS_NAMED = [w for c in VICTIM_NOUNS.values() for w in c
                      if w not in ("autres", "membres", "membre", "éléments")]
NUMBER_GATE_WORDS = [*UNITS, *TENS, *HUNDREDS, *SCALES]
# "La 15e division de l'armée a perdu 37 hommes": the side is the security forces
UNIT_WORDS = _apos(["division", "brigade", "bataillon", "régiment", "corps", "unité", "unités", "service",
                    "armée", "l'armée", "l'unité", "police", "forces", "garde"])
# cheap gates: a text (then a sentence) needs an outcome stem, anywhere in a word (the crawler's stems serve)
OUTCOME_STEMS = GATE_STEMS
PATTERNS.update({
    # ... and something number-like
    "number_gate": r"\d|\b<NUMBER_GATE_WORDS>\b",
    # a list or subset after a figure takes its neighbour's outcome: "27 personnes tuées, dont 11 enfants"
    # the first figure's group may sit between: "38 morts dans les rangs de l'armée et 120 parmi les jihadistes"
    "including": r"(?:\s*,?\s*(?:parmi\s+(?:les\s+)?|dans\s+les\s+rangs\s+(?:de\s+l['’]|des\s+|du\s+|de\s+la\s+|de\s+)|"
                 r"chez\s+(?:les\s+)?)[^\W\d]+(?:\s+[^\W\d]+)?(?=\s*,?\s*(?:et|ainsi\s+que)\s))?"
                 r"\s*,?\s*(?:\(\s*)?(?:dont|parmi\s+lesquels|parmi\s+lesquelles|parmi\s+eux|parmi\s+elles|"
                 r"y\s+compris|notamment|en\s+majorité|pour\s+la\s+plupart|principalement|et|ainsi\s+que|plus|"
                 r"de\s+même\s+que|avec|en\s+plus\s+de|outre|,)?\s*(?:(?:ses|leurs|son|sa)\s+)?",
    # a year-like number after these words is a year ("en 2017"), not a count
    "year_word": r"(?<!\w)<YEAR_PREPOSITIONS>\s*$",
    "group_before": "<@among>",  # "parmi les civils ... 54 morts"
    "among": r"(?<!\w)parmi\s+(?:les\s+|des\s+)?(?:[\w-]+\s+)?(civils|enfants|femmes|soldats|militaires|combattants|"
             r"jihadistes|djihadistes|habitants|personnes|policiers|peshmergas)\b|"
             r"(?<!guerre\s)(?<!défense\s)(?<!société\s)(?<!protection\s)(?<!conseil\s)\b(civile?s?)\b",
    "victim_word": r"(?<!\w)(<VICTIM_WORDS_NAMED>)(?!\w)",
    # an elliptical second figure: "307 civils ont été tués et 273 (blessés)"
    # French repeats the pronoun and the auxiliary: "ont tué 40 civils et en ont blessé 70"
    "ellipsis_gap": r"(?:[^,.;:()\d]|\b(?:19|20)\d\d\b){0,40}?,?\s*(?<!\w)(?:et|tandis\s+que|alors\s+que|avec)\s+"
                    r"(?:[^\W\d_]+\s+){0,3}|[^,.;:()\d]{0,20}?,\s*",  # or a comma alone: "11 peshmergas tués, 49 blessés"
    # "cinq autres (blessés)": "autres" is more of the same group; its outcome word may follow it
    "others": r"\s*(?:autres|de\s+plus|supplémentaires)(?:\s+(?!personnes\b|gens\b|individus\b|habitants\b)[^\W\d_]+)?\.?",  # "36 autres personnes": people
    # "le nombre de civils tués s'élève à 40 000": the victims sit between the count noun and the outcome
    "number_of": r"(?<!\w)(?:nombre|nombres|bilan|décompte|total|chiffre)\s+(?:de\s+|des\s+|d['’]|parmi\s+les\s+)"
                 r"(?:[\w-]+\s+)?(<VICTIM_WORDS_NAMED>)\s+(?:qui\s+(?:ont\s+été|avaient\s+été|auraient\s+été)\s+)?$",
    # a partitive relative figure counts part of the figure before it: "64 blessés, dont 7 d'entre eux ..."
    "of_whom": r"\s+d['’]entre\s+(?:eux|elles)\b|\s+parmi\s+(?:eux|elles)\b",
    # the group after the outcome: "800 morts parmi les civils", "30 tués dans les rangs de l'armée"
    "ranks": r"\s*,?\s*(?:parmi\s+(?:les\s+)?(?:[\w-]+\s+)?(?P<v><VICTIM_WORDS_NAMED>)(?!\w)|"
             r"dans\s+les\s+rangs\s+(?:de\s+l['’]|des\s+|du\s+|de\s+la\s+|de\s+)(?:(?P<s>armée|forces|police|"
             r"sécurité|peshmergas?|soldats|militaires)|(?P<c>ei\b|daech|daesh|jihadistes|djihadistes|"
             r"[eé]tat\s+islamique|insurgés|rebelles)))",
    # a revision of the figure before ("revu à la hausse à 105"), a second source's figure ("la coalition a
    # évalué ce nombre à trois"), the same count elsewhere or before ("contre sept annoncés initialement")
    "revised": r"(?<!\w)(?:revu|révisé|relevé|rehaussé|abaissé|ramené|porté|corrigé|actualisé|ajusté|réévalué)"
               r"e?s?(?!\w)[^.;:]{0,40}?(?<!\w)à\s*$|"
               r"(?<!\w)(?:chiffré|évalué|estimé|établi|fixé)e?s?\s+(?:le|ce|son|leur)\s+(?:nombre|bilan|chiffre|"
               r"total)\s+à\s*$|"
               r"(?<!\w)(?:contre|par\s+rapport\s+à|comparé\s+à|comparativement\s+à|au\s+lieu\s+de)\s*$",
    # the sentence before names its subject first (case-sensitive: read with flags 0):
    # "Le Dr Hassan al-Taï dirige la morgue depuis 2017. Il a déclaré ..."
    # "Le gouverneur de Ninive a visité ...", "La coordinatrice de l'ONU, Lise Grande, a visité ...": a role
    # naming its body, or the name set off after a role
    "opening_name": r"\s*(?:(?:Le|La|Les|L['’])\s*[^,.;:]{2,60},\s+)?(?:(?:Le|La)\s+)?("
                    r"(?:(?:Dr|M|Mme|Pr|Gén|Col|Lt|Cdt|Me)\.?\s+)*"
                    r"[A-ZÀ-Ý][\w'’-]+(?:\s+(?:al-|el-|ben\s+|abou\s+|abu\s+|de\s+|du\s+)?[A-ZÀ-Ý][\w'’-]+){1,3}|"
                    r"(?:gouverneur|gouverneure|ministre|président|présidente|directeur|directrice|porte-parole|"
                    r"commandant|chef|maire|représentant|représentante|coordinateur|coordinatrice|envoyé|envoyée)"
                    r"(?:\s+[a-zé]+)?\s+(?:de\s+l['’]|du\s+|des\s+|de\s+la\s+|d['’]|de\s+)[A-ZÀ-Ý][\w'’-]+"
                    r"(?:\s+[A-ZÀ-Ý][\w'’-]+)?)\s*,?\s+"
                    r"(?:a|avait|est|était|dirige|dirigeait|gère|gérait|travaille|travaillait|mène|menait|"
                    r"enquête|enquêtait)\b|"
                    r"\s*((?:La|Le)\s+(?:coalition(?:\s+internationale)?|Pentagone|gouvernement))\s+"
                    r"(?:a\s+|avait\s+)?[a-zéèê]+(?:é|e|ée?s?)\b",
    # "l'armée a perdu 37 hommes", "les peshmergas ont subi 1 200 pertes": the side the dead belonged to
    "lost_near": r"(?:perdu|perd|perdent|perdait|perdaient|subi|essuyé|déploré|déplore)\s+$",
    "lost_subject": r"(?P<np>(?:[\w'’.-]+\s+){1,6}?)(?:a\s+|ont\s+|avait\s+|avaient\s+|aurait\s+|auraient\s+)?"
                    r"(?:perdu|perd|perdent|subi|essuyé|déploré)\s+$",
    # "les pertes des peshmergas s'élèvent à 22 morts": whose toll it is
    "toll_owner": r"(?<!\w)(?:pertes|bilan|victimes|morts)\s+(?:parmi\s+les\s+|dans\s+les\s+rangs\s+(?:des\s+|de\s+l['’]|"
                  r"du\s+)|des\s+|du\s+|de\s+l['’]|chez\s+les\s+)([^\W\d_][\w-]*)\b[^.;:]{0,60}?(?<!\w)"
                  r"(?:s['’](?:élève|élèvent|élevait|établit)\s+à|s['’]est\s+(?:élevé|établi|alourdi)\s+à|atteint|"
                  r"atteignait|est\s+de|était\s+de|à|de)\s+$",
})


# Adjectives after the victims noun, skipped before "et"/"ou" ("40 policiers fédéraux et 12 civils", "30 civils
# déplacés ont été tués"): the post-nominal MODIFIERS, without the determiners and outcome words.
_NOT_POST = {"de", "des", "du", "d'", "d’", "d'entre", "d’entre", "la", "le", "les", "leur", "leurs", "ses", "sa",
             "son", "nos", "notre", "eux", "famille", "autres", "jeunes", "anciens", "anciennes", "simples"}
MODIFIER_WORDS = [w for ws in MODIFIERS.values() for w in ws if w not in _NOT_POST]
# A toll noun after "un"/"une" makes it an article, not one ("un bilan de 40 morts").
TOLL_NOUNS = ["bilan", "bilans", "bilan humain", "bilan provisoire"]
PATTERNS.update({
    "post_modifiers": r"(?:\s+(?:<MODIFIER_WORDS>)(?![\w'’-]))+",
    # a figure that counts part of the figure before: "1 284 civils tués en Irak, dont 962 dans la province de Ninive"
    "subset_lead": r"(?:,\s*|\s)(?:dont|parmi\s+lesquels|parmi\s+lesquelles|parmi\s+eux|parmi\s+elles|y\s+compris)\s*$",
})

# claimants (attribution.py), the same pattern names as lexicon.py. Case-sensitive where attribution.py
# compiles them so (a name's capital matters): described, proper, np_data, data_by, figure_by, appositive,
# source_label. French puts the reporting verb before its subject after a clause or a quotation
# ("..., a déclaré le ministère", "« ... », a ajouté le directeur"): that is "after_verb" with a comma lead.
REVISION_VERBS = ["revu", "révisé", "relevé", "actualisé", "abaissé", "ramené", "corrigé", "rehaussé",
                  "mis à jour", "réévalué"]
CLAUSE_OPENERS = ["que", "et", "mais", "tandis que", "alors que", "où", "bien que", "comme", "puisque"]
SAID_VERBS = ["déclaré", "dit", "ajouté", "précisé", "indiqué", "souligné", "expliqué", "insisté", "averti",
              "affirmé", "assuré"]
PRONOUNS = ["il", "elle", "ils", "elles", "on"]
ARTICLES = ["un", "une", "le", "la", "les", "l'", "l’", "des"]
DEFINITE_DETERMINERS = ["le", "la", "les", "ce", "cet", "cette", "ces"]  # "les organisations" may point back
POSSESSIVE_PRONOUNS = ["son", "sa", "ses", "leur", "leurs"]  # "un communiqué publié sur sa page Facebook"
# Words that open a headline without naming a speaker ("Vidéo :", "Direct :"); French place names are added
# below (EXONYMS) until places.py reads them: "Syrie : 19 civils tués" names a place, not a speaker.
HEADLINE_LABELS = ["direct", "en direct", "vidéo", "vidéos", "photos", "exclusif", "analyse", "tribune",
                   "éditorial", "chronologie", "décryptage", "mise à jour", "actualisé", "flash", "alerte",
                   "urgent", "entretien", "reportage", "portrait", "témoignage", "infographie", "carte", "récit",
                   "dossier", "enquête", "bilan", "repères", "aujourd'hui", "aujourd’hui", "hier", *WEEKDAYS,
                   *MONTHS]
# French-only spellings of places open French headlines ("Syrie : 19 civils tués", "Mossoul : ..."); every
# language's HEADLINE_LABELS apply to every headline, so names English copy shares ("Gaza health ministry:
# ...", "Raqqa") are left out.
EXONYMS = ["Mossoul", "Mossoul-Ouest", "Mossoul-Est", "Rakka", "Alep", "Bagdad", "Falloujah", "Fallouja",
           "Kirkouk", "Baïji", "Bassora", "Nadjaf", "Kerbala", "Idleb", "Damas", "Kobané", "Palmyre", "Hodeïda",
           "Taëz", "Khan Younès", "Syrte", "Mogadiscio", "Kaboul", "Marioupol", "Bakhmout", "Qaïm", "Mayadine",
           "Boukamal", "Hajine", "Hassaké", "Qamichli", "Jarablous", "Souleimaniyeh", "Dohouk", "Baqouba",
           "Zoumar", "Ninive", "Salaheddine", "Kurdistan irakien", "Cisjordanie", "Irak", "Syrie", "Yémen", "Libye",
           "Somalie", "Liban", "Israël"]
HEADLINE_LABELS += EXONYMS
# "Mossoul, la bataille : ...", "Khasfa, l'exhumation :": an event at a place, not a speaker (see lexicon.py)
HEADLINE_EVENTS = ["exhumation", "exhumations", "offensive", "bataille", "siège", "frappe", "frappes", "attaque",
                   "attentat", "charnier", "charniers", "bilan", "assaut", "combats", "guerre", "massacre",
                   "opération", "campagne", "crise", "anniversaire", "bombardement", "bombardements", "tirs",
                   "explosion", "explosions", "fusillade", "incendie", "effondrement", "direct", "en direct"]
DATA_NOUNS_NOT_TOLL = [w for w in DATA_NOUNS if w not in ("bilan", "bilans", "décompte macabre")]
PATTERNS.update({
    # a reporting verb; revising one's own count attributes it too ("l'ONU a revu son bilan à la hausse")
    "verbs": r"<REPORT_VERBS>|(?:<REVISION_VERBS>)(?=\s+(?:son|sa|ses|leur|leurs|le|la|les)\s+(?:\w+\s+)?"
             r"(?i:<DATA_NOUNS>)\b)",
    # subject + reporting verb: "L'ONU a indiqué", "Amnesty International affirme", "qu'Airwars estime",
    # "Le renseignement kurde estime", "(AFP) - Le Haut-Commissariat a recensé"; the auxiliary and adverbs
    # between them are skipped ("Nous avons recensé" leaves "Nous": no subject, the speaker is named before);
    # a subject never runs across a spaced dash (a dateline's end)
    # ("..., tandis que l'OSDH a documenté": the opener after the comma is no part of the subject)
    "subject": r"(?:^|(?<=[,;:\"“”«»])\s*(?:<CLAUSE_OPENERS>\s+)?|(?<=[-–—]\s)|(?<!\w)<CLAUSE_OPENERS>\s+|(?<!\w)(?:qu|lorsqu|puisqu)['’])"
               r"(?P<np>[^\s,;:\"“”«»](?:(?!\s[-–—]\s)[^,;:\"“”«».]|\.(?=\s*\w)){0,130}?)"
               r"(?:\s+(?:a|ont|avons|avez|avait|avaient|aurait|auraient|également|aussi|déjà|encore|"
               r"auparavant|récemment|ensuite|finalement|alors|initialement|lui-même|elle-même|eux-mêmes|<WEEKDAYS>|"
               r"de\s+(?:son|leur)\s+côté|pour\s+(?:sa|leur)\s+part)|"  # "ont de leur côté recensé"
               r"\s*,\s*(?:pour\s+sa\s+part|pour\s+leur\s+part|de\s+son\s+côté|de\s+leur\s+côté|quant\s+à\s+(?:lui|elle|eux)|"
               r"toutefois|cependant|en\s+revanche|par\s+ailleurs|lui\s+aussi|elle\s+aussi|elle|lui|eux|elles)\s*,|"
               # "Le maire de Sinjar, Nayef Sido, a de son côté fait état de": the name set off before its auxiliary
               r"\s*,(?=\s+(?:a|ont|avait|avaient|aurait|auraient)\s)|"
               r"\s+ne(?=\s)|\s+n['’](?=\w))*"  # "La coalition, elle, ne reconnaît que 23 morts"
               r"\s+(?P<verb>(?-i:<@verbs>))(?!\w)",
    # case-sensitive: "Airwars, une ONG basée à Londres, a recensé ..."
    "described": r"(?:^|(?<=[,;:\"“”«»])\s*|(?<!\w)<CLAUSE_OPENERS>\s+)"
                 r"(?P<np>[A-ZÀ-Ý][^,;:\"“”«».\d]{0,50}?),\s*<@a_description_lead>[^,;:\"“”«»]{2,70},\s*"
                 r"(?:(?:a|ont|avait|avaient)\s+)?(?:de\s+(?:son|leur)\s+côté\s+|pour\s+(?:sa|leur)\s+part\s+)?"
                 r"(?P<verb>(?-i:<@verbs>))(?!\w)",
    "a_comma": r",\s*<@a_description_lead>",
    # the claimant after its lead: "selon X", "d'après X", "citant X", "selon un bilan du ministère" (the
    # author after the toll noun; other data nouns are read by data_by inside the phrase), "de source
    # médicale", and the inverted verb after a comma or a closing quotation mark: "..., a déclaré le
    # ministère", "..., affirme Amnesty International", "», a ajouté le directeur"
    "after_verb": r"(?P<lead>(?<!\w)(?:selon|d['’]après|de\s+l['’]avis\s+d[eu]|à\s+en\s+croire|si\s+l['’]on\s+en\s+croit|"
                  r"citant)(?:\s+(?:un|le|les|des|son|ses|leurs?)\s+(?:(?:nouveau|dernier|premier|récent)\s+)?bilans?"
                  r"(?:\s+(?:officiels?|provisoires?|définitifs?))?\s+(?:(?:établie?s?|fournie?s?|publiée?s?|"
                  r"communiquée?s?|dressée?s?)\s+par|du|des|de))?|"
                  r"(?<!\w)de(?=\s+(?:sources?|même\s+source)(?!\w))|"
                  r"[,;]\s*(?:(?:a|ont|avait|avaient|aurait|auraient)\s+)?(?:<REPORT_VERBS>)(?!\w))"
                  r"(?:\s+|(?<=['’]))(?P<np>[^,.;:()«»]{2,90})",
    # what follows the verb is no speaker when it opens with a preposition, a conjunction or a time word
    "not_speaker": r"(?:à|au|aux|en|dans|sur|lors|pendant|durant|après|avant|depuis|par|pour|avec|sans|sous|vers|"
                   r"chez|entre|que|qu['’]|hier|aujourd['’]hui|ce\s+matin|ce\s+soir|également|aussi|encore|"
                   r"<WEEKDAYS>|<MONTHS>)(?!\w)",
    # what stands between an inverted verb and its subject: a time, the outlet told, a medium, a manner
    # ("..., a indiqué mardi à l'AFP sous couvert d'anonymat un responsable")
    "time_lead": r"(?:(?:<SPEAKER_SKIP>|(?:dans\s+la\s+nuit\s+de\s+)?<WEEKDAYS>(?:\s+(?:soir|matin|après-midi|dernier))?|"
                 r"ce\s+(?:matin|soir|week-end)|hier(?:\s+soir)?|également|aussi|encore|à\s+son\s+tour)\s+)+",
    "age": r",\s*(?:âgée?\s+de\s+)?\d{1,3}(?:\s+ans)?\s*$",  # "Oum Ahmed, 52 ans, raconte"
    # "un responsable, s'exprimant sous couvert d'anonymat, a déclaré", "le blogueur, qui documente ..., a dit"
    "relative_lead": r"(?:qui|lequel|laquelle|lesquels|s['’]exprimant|parlant|interrogée?s?|jointe?s?|contactée?s?|"
                     r"citée?s?|citant|écrivant|requérant|l['’]une?\s+des|un\s+des|une\s+des)\s",
    "relative": r",\s*<@relative_lead>[^,;:\"“”«»]{1,70}$",
    "no_subject": r"(?:a|ont|avait|avaient|est|sont)$|(?:<@verbs>)\b",  # "L'OSDH, qui ..., a recensé"
    "a_description": r"\s*une?\s",
    # une description entre virgules avant son verbe : "le rapport d'Amnesty, « À tout prix », recense", "l'un des derniers"
    "set_off_description": r"(?:['\"“‘«]|l['’]une?\s+des\b|une?\s+des\b|parmi\b)",
    # un relatif dont la proposition a son propre sujet : "cinq civils que le rapport dit tués"
    "inner_relative": r"(?<!\w)(?:que|qu['’])\s*(?=(?:le|la|les|l['’]|un|une)\s*|(?-i:[A-ZÀ-Ý]))",
    # un nom en tête de phrase, puis sa description : "Iraq Body Count, le projet britannique qui recense"
    "opening_described": r"\s*(?!(?:À|A|Au|Aux|En|Dans|Depuis|Près|Selon|Après|Avant|Pendant|Lors|Sur|Sous|Par|Pour|Vers|"
                         r"Malgré|Dès|Outre)\b)(?P<np>(?:[Ll]['’]|[Ll]es?\s+|[Ll]a\s+)?[A-ZÀ-Ý][\w.&'’-]*(?:\s+(?:(?:de|des|du|pour|la|le|les|et|d['’])\s*)*"
                         r"[A-ZÀ-Ý][\w.&'’-]*)*),\s+(?:le|la|les|l['’]|une?)\s*",
    # a description after a name: "une ONG britannique", "l'ONG basée à Londres" (not "l'Observatoire syrien")
    # ("Les Casques blancs, les secouristes de la défense civile, ont ...", "Les FDS, alliance kurdo-arabe, ont ...")
    "a_description_lead": r"(?:une?\s|(?-i:(?:l['’]|la\s+|le\s+|les\s+)?)(?=[a-zé]|ONG\b))",
    # case-sensitive: a proper name ("Iraq Body Count", "l'Observatoire syrien des droits de l'homme")
    "proper": r"(?:[Ll]['’]|[Ll]es?\s+|[Ll]a\s+)?[A-ZÀ-Ý][\w.&'’-]*(?:\s+(?:(?:de|des|du|d['’]|pour|et|la|le|les|"
              r"l['’]|aux|en|sans)\s*)*[A-ZÀ-Ý][\w.&'’-]*)*",
    # case-sensitive: "l'agence de l'ONU pour les réfugiés palestiniens, l'UNRWA, a indiqué"
    "appositive": r"(?:^|[,;]\s*)(?P<np>(?:[Ll]['’]|[Ll]es?\s|[Ll]a\s|[Uu]ne?\s)[^,;:\"“”«»().\d]{2,70}?),\s*$",
    # case-sensitive: "selon un décompte AFP", "le bilan ONU": a data noun and a bare capitalised author
    "np_data": r"(?:^|(?<=\s))(?:[Ll]e|[Ll]a|[Uu]ne?|[Ll]es|[Ss]on|[Ll]eur)\s+(?:(?:nouveau|dernier|récent|premier)\s+)?"
               r"(?i:<NP_DATA_NOUNS>)\s+(?P<np>[A-ZÀ-Ý][\w.&-]*(?:\s+[A-ZÀ-Ý][\w.&-]*){0,3})(?=[\s,.;:]|$)",
    # case-sensitive: "les chiffres du ministère", "une estimation de l'ONU", "les données compilées par Airwars";
    # not "le décompte des morts" (an outcome or a victims noun is no author)
    # (any data noun, a toll too, when published by someone: "selon un bilan publié lundi par le Fonds ...")
    "data_by": r"(?<!\w)(?:(?i:<DATA_NOUNS>)<@data_adjective>\s+(?i:établie?s?|fournie?s?|publiée?s?|compilée?s?|"
               r"communiquée?s?|réalisée?s?|dressée?s?|donnée?s?|diffusée?s?|recueillie?s?)"
               r"(?:\s+(?i:<WEEKDAYS>|hier|ce)(?:\s+(?i:matin|soir|après-midi|midi))?)?\s+par\s+|"
               r"(?i:<DATA_NOUNS_NOT_TOLL>)<@data_adjective>\s+(?:par\s+|"
               r"(?:de\s+l['’]|du\s+|des\s+|de\s+la\s+|d['’](?=[A-ZÀ-Ý])|de\s+(?=[A-ZÀ-Ý]))))"
               r"(?!(?i:<VICTIM_WORDS_NAMED>|morts|tués|blessés|victimes|décès|pertes|disparus|frappes|attaques|"
               r"combats|bombardements)(?!\w))(?P<np>[^,.;:()«»]{1,60})",
    "data_adjective": r"(?:\s+(?i:officiel(?:le)?s?|provisoires?|récente?s?|dernière?s?|nouvelles?|nouveaux?|"
                      r"détaillée?s?|mensuel(?:le)?s?|annuel(?:le)?s?|hebdomadaires?))?",
    # case-sensitive: "le chiffre de 1 260 publié par la direction de la santé": the figure's own source
    "figure_by": r"(?P<num>\d(?:[\d.,\u00a0\u202f ]*\d)?)(?:\s+[^\W\d]+){0,2}\s+(?:publiée?s?|communiquée?s?|"
                 r"avancée?s?|donnée?s?|annoncée?s?|fournie?s?|compilée?s?|rapportée?s?|recensée?s?|enregistrée?s?|"
                 r"documentée?s?|confirmée?s?|vérifiée?s?|citée?s?|établie?s?|dénombrée?s?)\s+par\s+"
                 r"(?P<np>[^,.;:()«»]{2,60})",
    # what ends a claimant's name: "l'ONU mardi", "un responsable, qui ...", "Airwars dans un rapport"
    "trim": r"\s+(?:(?-i:qui|que|qu['’]|dont|lequel|laquelle)|lors|dans\s+(?:un|une|son|sa|ses|leur|leurs|le|la|les|l['’])|"
            r"<WEEKDAYS>|hier|aujourd['’]hui|cité|citée|cités|citées|interrogée?s?|jointe?s?|contactée?s?|publiée?s?|"
            r"selon|depuis|après|avant|pendant|lorsque|quand|tandis|alors|sous\s+couvert|<OUTLET_RECIPIENTS>|"
            r"(?:fondée?s?|basée?s?|établie?s?|réalisée?s?|appuyée?s?)\s+sur|"
            r"(?:a|ont|avait|avaient)\s+(?:<REPORT_VERBS>)|a-t-(?:il|elle|on)|"
            # a verb in the present: "le communiqué de l'état-major fait état de sept civils tués"
            r"fait\s+état|font\s+état|(?:indique|annonce|affirme|recense|dénombre|évoque|rapporte|précise|estime|"
            r"chiffre|signale|déclare|mentionne)(?:nt)?|dit|disent)(?!\w).*$|\s+(?:a|ont|avait|avaient)$",
    "article": r"^(?:une?\s+|des\s+|d['’](?=\w)|par\s+|l['’]une?\s+des\s+)",
    "figure_lead": r"(?:\d|(?:au\s+moins|plus\s+de|près\s+de|environ|quelque|jusqu['’]à|pas\s+moins\s+de|moins\s+de)\s)",
    "preposition": r"(?:à|au|aux|en|dans|sur|pour|par|avec|pendant|durant|après|avant|sous|depuis|lors)\s",
    "lead_conj": r"^(?:bien\s+que|alors\s+que|tandis\s+que|mais|et|or|pourtant)\s+(?=\S+\s)",
    # une ville dans le titre de son maire : "le maire de Tal Afar" (reader._office_of)
    "office_of": r"(?<!\w)(?:maire|gouverneur|préfet|bourgmestre)\s+(?:de\s+|d['’])$",
    # "Un an après la frappe du marché, Amnesty affirme": a fronted time clause, no appositive of the subject
    # la date d'un sujet, pas un chiffre : "Une enquête d'AP en 2017 a établi"
    "np_year": r"\s+(?:en|depuis|dès|durant)\s+(?:(?:<MONTHS>)\s+)?(?:19|20)\d\d$",
    "time_clause": r"^\s*(?:un|une|deux|trois|six|[\w-]+)\s+(?:ans?|mois|semaines?|jours?)\s+(?:après|plus\s+tard)\b",
    "according": r"\s*(?:selon|d['’]après)(?!\w)",
    # a reporting verb's spelling used as a noun: "une note de", "un relevé des", "le communiqué du"
    "noun_use": r"(?:(?<=note)|(?<=compte)|(?<=relevé)|(?<=communiqué)|(?<=avance)|(?<=chiffre)|(?<=estime))"
                r"\s+(?:de|des|du|d['’])(?!\w)",
    "participle": r"\s+par\b",    # "les morts recensés par l'AP": a participle, its agent after "par"
    "passive": r"(?:^|\s)(?:être|été|est|sont|était|étaient)(?:\s+\w+ment)?\s*$",  # "ont été recensés"
    # case-sensitive: "... 1 041 blessés (Source : Croissant-Rouge irakien)."
    # "- Donetsk : 3 morts, 9 blessés (gouverneur Vadym Filachkine)"
    "row_source": r"[(\[]\s*(?P<np>[^()\[\]\d:;]{3,70}?)\s*[)\]]\s*[.;]?\s*$",
    "source_label": r"[(\[]\s*[Ss]ources?\s*:\s*(?P<np>[^()\[\];]{2,60}?)\s*[)\]]|"
                    r"(?:^|[.;|]\s*)[Ss]ources?\s*:\s*(?P<np2>[^()\[\];.]{2,60}?)\s*$",
    # "l'ONG estime", "cette source a ajouté", "cette dernière affirme": a body named earlier
    # "selon son dernier rapport", "ce nouveau bilan": the adjective before the noun too
    "anaphor": r"(?:<ANAPHOR_DETERMINERS>)\s*(?:même\s+|(?:dernier|dernière|nouveau|nouvelle|récent|récente|premier|"
               r"première|précédent|précédente)\s+)?(?:<ANAPHOR_NOUNS>)(?:\s+(?:onusienne|internationale|"
               r"humanitaire|de\s+défense\s+des\s+droits\s+de\s+l['’]homme|basée\s+à\s+[^\W\d]+|britannique|"
               r"mensuel(?:le)?|annuel(?:le)?|trimestriel(?:le)?|hebdomadaire|quotidien(?:ne)?|"
               r"américaine|londonienne|new-yorkaise))?|celui-ci|celle-ci|ceux-ci|celles-ci",
})

# a blocker that names a kind of place is no predicate: "le site de déplacés de Plaine Savo" (outcomes.blocker_in)
PATTERNS.update({"blocker_place_before": r"(?<!\w)(?:site|sites|camp|camps|centre|centres|école|écoles|abri|abris)"
                                         r"\s+(?:de|d['’]|pour)\s+(?:personnes\s+|familles\s+)?$"})

# places (places.py): the curated names the reader knows without the gazetteer, as French copy writes them
# (exonyms: "Mossoul", "Alep", "Bagdad", "Irak"); specificity ranks as in lexicon.py: 4 neighbourhood, 3 part
# of a city, 2 city, 1 province, 0 country.
PLACE_CITIES = ["Mossoul", "Raqqa", "Rakka", "Alep", "Bagdad", "Falloujah", "Fallouja", "Ramadi", "Tikrit", "Erbil",
                "Irbil", "Kirkouk", "Tal Afar", "Tall Afar", "Hawija", "Sinjar", "Qayyarah", "Qayyara",
                "Hammam al-Alil", "Bartella", "Bashiqa", "Baïji", "Samarra", "Bassora", "Najaf", "Nadjaf", "Kerbala",
                "Deir ez-Zor", "Deir Ezzor", "Idleb", "Idlib", "Homs", "Hama", "Damas", "Douma", "Ghouta", "Kobané",
                "Manbij", "Palmyre", "Sanaa", "Hodeïda", "Taëz", "Aden", "bande de Gaza", "Gaza", "Khan Younès", "Rafah", "Syrte",
                "Benghazi", "Tripoli", "Mogadiscio", "Kaboul", "Marioupol", "Kharkiv", "Bakhmout", "Qaraqosh",
                "Hamdaniya", "Haditha", "Anah", "Qaïm", "Al-Qaïm", "Mayadine", "Boukamal", "Tabqa", "Hajine",
                "Baghouz", "Hassaké", "Qamichli", "Jarablous", "Souleimaniyeh", "Dohouk", "Baqouba", "Jalawla",
                "Makhmour", "Zoumar", "Baaj", "Tarmiyah", "Kocho", "Tal Kayf", "Badoush", "Chirqat", "Hit"]
# Named quarters that carry no "quartier" in news copy.
PLACE_NEIGHBOURHOODS = ["Karrada", "Sadr City", "Kazimiya", "Adhamiya", "Zanjili", "al-Zanjili", "Yarmouk",
                        "al-Yarmouk", "al-Jadida", "al-Djadida", "Mossoul al-Jadida", "Bab Sinjar", "Bab al-Tob",
                        "Nabi Younès", "Nabi Younes", "Wadi Hajar", "al-Rifai", "al-Tayaran", "Gogjali",
                        "al-Nouri", "mosquée al-Nouri", "Choujaiya", "Bustan al-Qasr"]
PLACE_PROVINCES = ["province de Ninive", "plaine de Ninive", "Ninive", "Anbar", "al-Anbar", "Salaheddine",
                   "Salah ad-Din", "Diyala", "Kurdistan irakien", "Kurdistan", "Cisjordanie"]
PLACE_COUNTRIES = ["Irak", "Iraq", "Syrie", "Yémen", "Libye", "Afghanistan", "Ukraine", "Somalie", "Liban", "Israël"]
# A part of a city: "dans l'ouest de Mossoul", "la partie est de Mossoul", "Mossoul-Ouest", "la rive droite de
# Mossoul". Not "à l'ouest de Mossoul" or "au nord de Bagdad": outside the city, so the town named is the place.
# "est" needs its article ("l'est de"): bare, it is the verb ("Mossoul est tombée").
DIRECTIONS = ["ouest", "est", "nord", "sud", "nord-ouest", "nord-est", "sud-ouest", "sud-est", "centre"]
# Nouns of a named local place, before its name in French ("le quartier de Zanjili", "le village de Kocho").
LOCAL_NOUNS = ["quartier", "marché", "camp", "village", "faubourg", "banlieue", "secteur", "place", "hôpital",
               "localité", "district", "mosquée", "école", "prison", "pont", "aéroport", "barrage", "rue", "avenue",
               "université", "sanctuaire", "bourgade", "hameau", "commune", "cité", "zone", "port", "parc", "jardin",
               "cimetière", "rond-point", "site", "poste-frontière", "presqu'île", "presqu’île", "péninsule",
               "quartiers", "villages", "camps", "marchés", "localités", "secteurs", "faubourgs"]
# the kinds of area French names without "de" ("le quartier Kyeshero", "le camp Zamzam"): place_local_named
LOCAL_AREAS = ["quartier", "quartiers", "camp", "camps", "village", "marché", "localité", "secteur", "faubourg", "hameau",
               "cité", "place", "rond-point", "poste-frontière"]  # "la place Tayaran", "le poste-frontière Rabia"
# Kinds of a town or a province written before its name ("la ville de Kramatorsk", "la région de Donetsk"):
# the name is a town (rank 2) or a province (rank 1), whether the gazetteer knows it or not.
CITY_KINDS = ["ville", "localité"]
PROVINCE_KINDS = ["région", "province", "gouvernorat", "oblast", "wilaya", "préfecture"]
PATTERNS.update({
    # rank 4, case-sensitive: "la Vieille ville (de Mossoul)"; lower-case "vieille ville" is rank 3 below, as
    # places.py keeps a rank-4 name only when it is capitalised
    "place_old_city": r"(?<!\w)Vieille[-\s][Vv]ille(?:\s+de\s+[A-ZÀ-Ý][\w-]+)?",
    # rank 4, case-sensitive: "le quartier de Zanjili", "le quartier commerçant de Karrada", "le village de Kocho"
    # ("le camp de réfugiés de Nousseirat", "le camp de déplacés de Zamzam": a complement before the name)
    # (not "les quartiers est d'Alep": a side of the city, place_part_of_city)
    "place_local_of": r"(?<!\w)<LOCAL_NOUNS>(?!\s+(?:<DIRECTIONS>|orientaux|occidentaux)(?!\w))"
                      r"(?:<@local_adjective>|\s+(?:de|des)\s+[a-zéèêàç]+)?\s+(?:de\s+|d['’]|du\s+)"
                      r"(?:(?:al|el|Al|El)-)?[A-ZÀ-Ý][\w'’-]*(?:[ \t]+(?:al-|Al-|el-)?[A-ZÀ-Ý][\w'’-]*){0,2}",
    # an area named right after its kind: "le quartier Kyeshero", "le camp Zamzam" (not "l'hôpital Al-Aqsa de
    # Deir el-Balah": an institution's name is no place when its town follows)
    "place_local_named": r"(?<!\w)<LOCAL_AREAS>(?:<@local_adjective>)?\s+(?:(?:al|el|Al|El)-)?(?!M\d)[A-ZÀ-Ý][\w'’-]*"
                         r"(?:[ \t]+(?:al-|Al-|el-)?[A-ZÀ-Ý][\w'’-]*)?",
    "place_jadida": r"\bMossoul\s+al-[DJ]j?adida\b|\bBab\s+al-[A-Z]\w+",
    # un nom détaché avant la ville où il se trouve : "à Ras al-Jadda, dans l'ouest de Mossoul" (un quartier)
    "place_quarter_of_city": r"(?:(?<=\bà\s)|(?<=\bprès\sde\s))(?:(?:al|el|Al|El)-)?[A-ZÀ-Ý][\w'’-]*"
                             r"(?:\s+(?:al-|el-)?[A-ZÀ-Ý][\w'’-]*){0,2}(?=,\s+(?:dans|à)\s+(?:l['’]|le\s+|la\s+)?"
                             r"(?:(?i:ouest|est|nord|sud)\s+(?:de\s+|d['’]))?(?i:<PLACE_CITIES>)(?!\w))",
    # "à Abou Salim, un quartier densément peuplé": a name its apposition calls a local place
    "place_appositive": r"(?<!\w)(?:(?:al|el|Al|El)-)?[A-ZÀ-Ý][\w'’-]*(?:\s+(?:al-|Al-|el-)?[A-ZÀ-Ý][\w'’-]*){0,2}"
                        r"(?=,\s+(?:(?:un|une)\s+|(?:dernière|dernier|seule|seul|principale|principal)\s+)"
                        r"(?:quartier|faubourg|banlieue|secteur|camp|village|localité|bourgade)(?!\w))",
    # un nom suivi de sa position par rapport à une ville : "Taji, au nord de Bagdad", "Khuza'a, à l'est de Khan Younès"
    "place_bearing_named": r"(?:(?<![\w'’-])|(?<=\bprès\sd['’])|(?<=\bautour\sd['’]))(?!(?:<MONTHS>|<WEEKDAYS>|Le|La|Les|Il|Elle|Ils|Elles|Ce|Cette)\b)"
                           r"(?:(?:al|el|Al|El)-)?[A-ZÀ-Ý][\w'’-]*(?:\s+(?:al-|el-)?[A-ZÀ-Ý][\w'’-]*){0,2}"
                           r"(?=,\s+(?:(?:à\s+(?:environ\s+|quelque\s+)?\d+\s*(?:km|kilomètres)\s+)?(?:au\s+(?:nord|sud)|"
                           r"[àa]\s+l['’](?:est|ouest))(?:-(?:est|ouest))?|près|non\s+loin)\s+d(?:e\s+|['’])(?:al-|el-)?[A-ZÀ-Ý])",
    # "la province de Hama" : la province, pas sa ville
    "province_before": r"(?<!\w)(?:province|région|gouvernorat|préfecture|wilaya|oblast)\s+(?:de\s+|d['’]|du\s+)$",
    # une localité que situe la province ou l'État qui suit : "d'Abou Zabad, dans le Kordofan-Ouest"
    "place_within_named": r"(?:(?<=\bà\s)|(?<=\bd['’])|(?<=\bde\s))(?!(?:<MONTHS>|<WEEKDAYS>)\b)(?:(?:al|el|Al|El)-)?"
                          r"[A-ZÀ-Ý][\w'’-]*(?:\s+(?:al-|el-)?[A-ZÀ-Ý][\w'’-]*){0,2}(?=,\s+dans\s+(?:(?:la\s+|le\s+)?(?:province|région|district|"
                          r"département|préfecture|gouvernorat|comté|territoire)\s+d(?:e\s+|['’]|u\s+)|"
                          r"l['’][ÉEé]tat\s+d(?:e\s+|['’])|le\s+|la\s+|l['’])?(?:al-|el-)?[A-ZÀ-Ý])",
    # folded (matched on lower-cased text)
    "place_neighbourhood": r"(?<!\w)<PLACE_NEIGHBOURHOODS>(?!\w)",
    "place_part_of_city": r"(?<!\w)(?<!à\s)(?:l['’](?:ouest|est|centre)|le\s+(?:nord|sud|centre|nord-ouest|nord-est|"
                          r"sud-ouest|sud-est)|(?:la\s+)?partie\s+(?:<DIRECTIONS>|orientale|occidentale)|"
                          r"(?:le\s+)?secteur\s+(?:<DIRECTIONS>)|(?:la\s+)?rive\s+(?:droite|gauche|ouest|est)|"
                          r"(?:les\s+)?quartiers\s+(?:<DIRECTIONS>|orientaux|occidentaux)|"  # "les quartiers est d'Alep"
                          r"(?:la\s+)?vieille\s+ville)\s+(?:de\s+|d['’]|du\s+)<PLACE_CITIES>(?!\w)|"
                          r"(?<!\w)<PLACE_CITIES>-(?:ouest|est|nord|sud)(?!\w)|(?<!\w)vieille\s+ville(?!\w)",
    "place_city": r"(?<!\w)<PLACE_CITIES>(?!\w)",
    # case-sensitive, the name capitalised: "la ville de Kramatorsk", "la région de Donetsk"
    "place_city_named": r"(?<!\w)<CITY_KINDS>(?:\s+[a-zéèêàç]+)?\s+(?:de\s+|d['’])(?:(?:al|el|Al|El)-)?[A-ZÀ-Ý][\w'’-]*"
                        r"(?:[\s-](?:al-|el-)?[A-ZÀ-Ý][\w'’-]*){0,2}",  # "la ville chrétienne de Mhardeh"
    "place_province_named": r"(?<!\w)<PROVINCE_KINDS>\s+(?:de\s+|d['’]|du\s+)(?:(?:al|el|Al|El)-)?[A-ZÀ-Ý][\w'’-]*"
                            r"(?:[\s-](?:al-|el-)?[A-ZÀ-Ý][\w'’-]*)?",
    "place_province": r"(?<!\w)<PLACE_PROVINCES>(?!\w)",
    "place_country": r"(?<!\w)<PLACE_COUNTRIES>(?!\w)",
    # a name's article and kind word: "la vieille ville" -> "vieille ville", "le quartier de Zanjili" -> "Zanjili",
    # "le marché de Bab Sinjar" -> "Bab Sinjar" (places.py keeps a rank-4 name only when it is capitalised, and
    # French writes the kind word first and in lower case)
    "place_the": r"^(?:la|le|les)\s+|^l['’]",
    "plural_kind_of": r"^(?:les\s+)?(?:quartiers|faubourgs|banlieues|secteurs)\s+(?:de\s+|d['’]|du\s+)",  # "les quartiers d'Alep"
    "place_kind_of": r"^(?:(?:le|la|les)\s+|l['’])?(?:<LOCAL_NOUNS>|<CITY_KINDS>|<PROVINCE_KINDS>)"
                     r"(?!\s+(?:<DIRECTIONS>|orientaux|occidentaux)(?!\w))(?:<@local_adjective>|\s+(?:de|des)\s+[a-zéèêàç]+)?"
                     r"\s+(?:de\s+|d['’]|du\s+)|"
                     # an area named right after its kind ("le quartier Kyeshero": place_local_named)
                     r"^(?:(?:le|la|les)\s+|l['’])?<LOCAL_AREAS>(?:<@local_adjective>)?\s+(?=(?-i:(?:(?:al|el|Al|El)-)?[A-ZÀ-Ý]))",
    # a lower-case word between a kind and its name is an adjective ("le marché central de"), not "à" or "dans"
    # ("une fosse commune à al-Alam": no commune named)
    "local_adjective": r"\s+(?!(?:à|au|aux|en|dans|sur|près|vers|et|ou)\s)[a-zéèêàç]+",
    # case-sensitive: a capitalised function word opening a rank-4 match is no part of the name
    "place_leading_word": r"^(?:(?:la|le|les)\s+|l['’])?(?:Le|La|Les|Un|Une|Ce|Cette|Dans|En|Au|Sur)\s+",
    "place_local_false": r"^(?:(?:la|le|les)\s+|l['’])?(?:Le|La|Les|Un|Une|Ce|Cette|Dans|En|Au|Sur)\b",
})
PATTERNS.update({
    # case-sensitive: a gazetteer name that is no place here: the government named by its capital ("Damas
    # affirme", "Bagdad a annoncé"), "soutenu par Moscou" aside (the capital comes after its verb there)
    "place_not_here": r"\s+(?:(?:a|avait)\s+)?(?:<SPEECH_VERBS>|dément|démenti|accuse|accusé)(?!\w)",
    # ... nor after these: "la coalition menée par Washington", "les milices soutenues par l'Iran"
    "place_not_after": r"(?<!\w)(?:menée?s?|dirigée?s?|conduite?s?|soutenue?s?|appuyée?s?|armée?s?|financée?s?)\s+par\s+(?:la\s+|le\s+|l['’])?$",
})
# (rank, pattern, how it is matched): "cased" as written, "folded" on lower-cased text
# a table whose first column is headed by one of these lists places, one per row ("| État | Morts |")
PATTERNS.update({"by_place_kind": r"(?<!\w)par\s+(?:<TABLE_PLACE_HEADERS>|etat)(?!\w)"})  # "..., par État :"
TABLE_PLACE_HEADERS = ["gouvernorat", "province", "état", "région", "district", "ville", "localité", "lieu",
                       "oblast", "pays", "commune", "wilaya"]
# ce qu'un point cardinal ou un lieu englobant après un nom demande au texte (sous-chaînes en minuscules)
BEARING_CUES = [", au nord", ", au sud", ", à l'est", ", à l’est", ", à l'ouest", ", à l’ouest", ", près", ", non loin",
                ", à ", "km ", "kilomètres"]
WITHIN_CUES = [", dans "]
PLACE_RULES = [(4, "place_old_city", "cased"), (4, "place_local_of", "cased", "LOCAL_NOUNS"),
               (4, "place_local_named", "cased", "LOCAL_AREAS"), (4, "place_jadida", "cased"),
               (4, "place_quarter_of_city", "cased"),
               (4, "place_appositive", "cased", "LOCAL_NOUNS"),
               (4, "place_neighbourhood", "folded"), (3, "place_part_of_city", "folded"), (2, "place_city", "folded"),
               (2, "place_city_named", "cased"), (2, "place_bearing_named", "cased", "BEARING_CUES"),
               (2, "place_within_named", "cased", "WITHIN_CUES"), (1, "place_province", "folded"), (1, "place_province_named", "cased"),
               (0, "place_country", "folded")]

# Left undefined on purpose (a pattern a language does not define never matches): "possessive", "claim_verb"
# and "lives" (English "X's tally", "claimed 19 lives": French has neither construction), "modifier_only"
# ("a UN-backed survey": French puts its data noun first), and the Arabic-only "bare_verb", "active_plural",
# "subject_gap", "count_noun", "both", "toll_victims", "ranks_before".


# --- French-only facts the stages will need ------------------------------------------------------------
# Number writing. Digits are grouped by thousands with any of these ("1 200" with a space, U+00A0 or U+202F,
# the last two being French typography; "1.200", from wire copy and Swiss/Belgian styles). (Swiss copy may also use an
# apostrophe, "9'606"; that is left out: an apostrophe is elision everywhere else.) U+2009 (thin space) is
# listed because numbers.py already accepts it.
THOUSANDS_SEPARATORS = [" ", "\u00a0", "\u202f", "\u2009", "."]
# The decimal mark: "1,5 million" is 1 500 000, "12,5 %" a percentage. A comma followed by three digits in
# French copy ("1,066") is a decimal too (it may be English grouping in translated copy): reading it as a
# decimal drops the figure rather than inventing one. A decimal with no scale word is no head count.
DECIMAL_MARK = ","
# A check table for the number reader: written form -> value (each a count the reader must read exactly).
NUMBER_WORD_EXAMPLES = {
    "vingt et un": 21, "vingt-et-un": 21, "trente-deux": 32, "soixante-dix": 70, "soixante et onze": 71,
    "soixante-quinze": 75, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-un": 81,
    "quatre-vingt-dix": 90, "quatre-vingt-dix-sept": 97, "septante-cinq": 75, "nonante": 90, "cent": 100,
    "cent un": 101, "cent vingt": 120, "deux cents": 200, "deux cent cinquante": 250, "mille": 1_000,
    "deux mille": 2_000, "mille deux cents": 1_200, "trois mille cinq cents": 3_500,
    "deux cent mille": 200_000, "un million": 1_000_000, "deux millions": 2_000_000,
    "un milliard": 1_000_000_000, "deux milliards": 2_000_000_000, "1 200": 1_200, "1\u00a0200": 1_200,
    "1\u202f200": 1_200, "1.200": 1_200, "12 500": 12_500, "9 606": 9_606, "40 000": 40_000,
    "1,5 million": 1_500_000, "2,5 millions": 2_500_000, "3 millions": 3_000_000, "12 mille": 12_000,
}
# Approximate amounts that are NOT figures (the issue: vague amounts give no figure): "une dizaine" is ten-ish,
# "des dizaines" dozens. VAGUE_NOUNS are the approximate-number nouns themselves; none of them is a number
# word, but "un"/"une" before them is: a reader must not take "une" in "une vingtaine" for one.
VAGUE_NOUNS = ["dizaine", "dizaines", "douzaine", "douzaines", "quinzaine", "quinzaines", "vingtaine",
               "vingtaines", "trentaine", "quarantaine", "cinquantaine", "soixantaine", "centaine", "centaines",
               "millier", "milliers"]
VAGUE_AMOUNTS = _apos([
    "une dizaine", "une douzaine", "une quinzaine", "une vingtaine", "une trentaine", "une quarantaine",
    "une cinquantaine", "une soixantaine", "une centaine", "un millier", "des dizaines", "des douzaines",
    "des centaines", "des milliers", "des dizaines de milliers", "des centaines de milliers", "des millions",
    "des milliards", "plusieurs dizaines", "plusieurs centaines", "plusieurs milliers", "plusieurs millions",
    "quelques dizaines", "quelques centaines", "quelques milliers", "quelques", "plusieurs", "de nombreux",
    "de nombreuses", "nombre de", "bon nombre de", "beaucoup de", "une poignée de", "d'innombrables",
    "plus d'une centaine", "près d'un millier", "plus d'un millier", "par dizaines",
    "par centaines", "par milliers",
])
# Elision: prefixes glued to the next word by an apostrophe ("d'au moins", "qu'au moins", "l'ONU",
# "jusqu'à", "s'élève"). Strip them to read the word; never put a word boundary between them and it.
APOSTROPHES = ["'", "’", "ʼ"]
ELIDED = _apos(["l'", "d'", "qu'", "jusqu'", "lorsqu'", "puisqu'", "quoiqu'", "s'", "n'", "c'", "j'", "m'",
                "t'"])
# Words with an apostrophe that are one word, not an elided prefix and its word.
ELISION_KEPT = _apos(["aujourd'hui", "presqu'île", "quelqu'un", "quelqu'une", "prud'hommes"])
# Verb-subject inversion with a pronoun: the speaker was named before ("..., a-t-il déclaré"); like "he said".
INVERTED_PRONOUNS = ["-t-il", "-t-elle", "-t-on", "-il", "-elle", "-ils", "-elles", "-on"]
INVERTED_SPEECH = ["a-t-il déclaré", "a-t-elle déclaré", "a-t-il dit", "a-t-elle dit", "a-t-il ajouté",
                   "a-t-elle ajouté", "a-t-il précisé", "a-t-elle précisé", "a-t-il indiqué", "a-t-elle indiqué",
                   "a-t-il affirmé", "ont-ils indiqué", "ont-elles indiqué", "ont-ils déclaré", "dit-il",
                   "dit-elle", "ajoute-t-il", "ajoute-t-elle", "précise-t-il", "affirme-t-il", "explique-t-il",
                   "explique-t-elle", "souligne-t-il", "estime-t-il", "raconte-t-il", "raconte-t-elle",
                   "poursuit-il", "indique-t-il", "assure-t-il", "déplore-t-il", "a-t-on appris"]
# "According to X": the claimant follows. A data noun may stand between ("selon un bilan du ministère") and
# then its author after de/du/des/d'/par (DATA_AGENT_LINKS).
ACCORDING = _apos(["selon", "d'après", "de l'avis de", "à en croire", "citant", "si l'on en croit",
                   "selon un bilan de", "selon un bilan du", "selon un nouveau bilan de", "selon les chiffres de",
                   "selon des chiffres de", "selon un décompte de", "selon les données de", "selon un rapport de",
                   "selon une estimation de", "selon les estimations de", "de source", "de sources"])
DATA_AGENT_LINKS = _apos(["de", "du", "des", "d'", "de l'", "de la", "établi par", "établie par", "fourni par",
                          "fournie par", "fournis par", "publié par", "publiée par", "publiés par", "communiqué par",
                          "compilé par", "compilées par", "réalisé par", "réalisée par", "dressé par", "donné par",
                          "diffusé par", "recueilli par", "recueillies par"])
# "de source médicale", "a-t-on appris de sources sécuritaires": the claimant is the kind of source named.
SOURCE_PHRASES = ["de source médicale", "de sources médicales", "de source sécuritaire", "de sources sécuritaires",
                  "de source policière", "de sources policières", "de source militaire", "de sources militaires",
                  "de source hospitalière", "de sources hospitalières", "de source officielle",
                  "de sources officielles", "de source locale", "de sources locales", "de sources concordantes",
                  "de source proche", "de source judiciaire", "de source kurde", "de même source"]
# Outlets carry a claim, they do not make it ("ont indiqué à l'AFP des responsables": the responsables).
# An outlet after these prepositions is the listener, never the claimant.
OUTLETS = ["AFP", "Agence France-Presse", "Reuters", "AP", "Associated Press", "France 24", "RFI", "Le Monde",
           "Le Figaro", "Libération", "BFMTV", "franceinfo", "TV5Monde", "Al-Jazeera", "Al Jazeera", "Al-Arabiya",
           "Anadolu", "Rudaw", "Xinhua", "Belga", "ATS", "Radio-Canada", "La Presse", "Le Parisien",
           "20 Minutes", "Europe 1", "RTL", "Le Point", "L'Express", "L’Express", "Ouest-France", "APS", "MAP"]
OUTLET_RECIPIENTS = _apos(["à l'AFP", "à l'Agence France-Presse", "à Reuters", "à l'agence Reuters", "à l'AP",
                           "à l'agence", "à l'agence de presse", "aux journalistes", "à des journalistes",
                           "à la presse", "au journal", "au quotidien", "à la chaîne", "à la télévision",
                           "à la radio", "au site", "à France 24", "à RFI", "à notre correspondant",
                           "à notre journal", "au téléphone", "par téléphone"])
# Between an inverted reporting verb and its subject: a time, a medium, a manner ("..., a indiqué mardi à l'AFP
# sous couvert d'anonymat un responsable"). Skip them to reach the subject.
SPEAKER_SKIP = _apos(["hier", "aujourd'hui", "ce matin", "ce soir", "dans la soirée", "dans la matinée",
                      "sur Telegram", "sur X", "sur Twitter", "sur Facebook", "sur les réseaux sociaux",
                      "sur sa chaîne Telegram", "sur son compte Telegram", "sur son compte X",
                      "dans un communiqué", "dans un rapport", "dans un nouveau rapport", "dans un tweet",
                      "dans une déclaration", "lors d'une conférence de presse", "en conférence de presse",
                      "sous couvert d'anonymat", "sous le couvert de l'anonymat", "sous couvert de l'anonymat",
                      "à Genève", "à Bagdad", "à Erbil", "à Paris", *OUTLET_RECIPIENTS])
# What ends a claimant's noun phrase ("un responsable, joint par téléphone,", "l'ONU, qui ...").
CLAIMANT_STOPS = _apos(["qui", "que", "dont", "lors", "dans", "sous", "en", "par", "pour", "selon", "sur", "après",
                        "avant", "depuis", "cité", "citée", "cités", "interrogé", "interrogée", "joint", "jointe",
                        "contacté", "contactée", "s'exprimant", "à l'AFP", "à Reuters", "mais", "et qui", "a",
                        "ont", *WEEKDAYS])
# Speakers named by their role; the body they speak for follows de/du/des/au sein de ("un responsable du
# ministère de la Santé", "une source au sein de la police", "un porte-parole de l'ONU").
GENERIC_SOURCES = ["source", "sources", "responsable", "responsables", "haut responsable", "hauts responsables",
                   "porte-parole", "officier", "officiers", "médecin", "médecins", "membre", "chef", "directeur",
                   "directrice", "commandant", "représentant", "représentante", "coordinateur", "coordinatrice",
                   "envoyé", "envoyée", "député", "conseiller", "gouverneur", "maire", "témoin", "témoins",
                   "habitant", "habitants", "militant", "militants", "enquêteur", "enquêteurs", "expert", "experts"]
SOURCE_LINKS = _apos(["de", "du", "des", "de l'", "de la", "au sein de", "au sein du", "au sein des", "à la",
                      "au", "auprès de"])
# A body or source referred back to by its kind ("L'ONG estime", "cette source a ajouté", "le ministère a
# précisé"): the claimant is the one named before, in the sentence or the ones before (as lexicon.py's
# "the agency believes").
ANAPHOR_DETERMINERS = _apos(["l'", "la", "le", "les", "cette", "ce", "cet", "ces", "son", "sa", "ses", "leur",
                             "leurs", "même"])
ANAPHOR_NOUNS = ["organisation", "ong", "agence", "ministère", "groupe", "mission", "observatoire", "bureau",
                 "office", "commission", "comité", "institution", "autorités", "rapport", "étude", "enquête",
                 "source", "sources", "organisme", "instance", "direction", "département", "réseau",
                 "collectif", "association",
                 "chiffres", "données", "bilan", "décompte", "estimation", "estimations", "documentation",
                 "dernière", "dernier", "derniers", "dernières"]
# Between a subject and its reporting participle ("L'ONU a également indiqué", "Amnesty avait auparavant
# recensé"): auxiliaries and adverbs, as lexicon.py's "has/had/also/previously".
REPORT_AUXILIARIES = ["a", "ont", "avait", "avaient", "aurait", "auraient", "a également", "ont également",
                      "a aussi", "ont aussi", "a encore", "avait auparavant", "avait déjà", "a déjà", "a pour sa part",
                      "ont pour leur part", "a de son côté", "a ensuite", "a finalement", "a récemment",
                      "a lui-même", "a elle-même", "a par ailleurs", "a quant à lui", "a quant à elle"]
# Passive auxiliaries, as a list (PATTERNS aux holds them as a regex).
PASSIVE_AUXILIARIES = ["été", "étaient", "était", "sont", "est", "seront", "sera", "serait", "seraient", "fut",
                       "furent", "être", "soient", "soit"]
# Sentence splitting: abbreviations that end with a period but do not end a sentence. In French typography
# an abbreviation ending in the word's last letter takes no period ("Mme", "Dr", "Me"), but copy often adds
# one. Compare case-insensitively after removing the final period. "etc." may end a sentence: take it as one
# only when the next word is capitalised.
ABBREVIATIONS = ["M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", "Dr", "Drs", "Pr", "Me", "Mgr", "Gén.", "Gal",
                 "Col.", "Cdt", "Cne", "Lt", "Lieut.", "Sgt", "Capt.", "St", "Ste", "av.", "apr.", "env.", "etc.",
                 "cf.", "p.", "pp.", "n°", "no.", "vol.", "éd.", "chap.", "art.", "fig.", "ex.", "c.-à-d.",
                 "J.-C.", "janv.", "févr.", "fév.", "avr.", "juil.", "sept.", "oct.", "nov.", "déc.", "min.",
                 "bd", "boul.", "approx.", "resp.", "Inc.", "Cie"]
# A wire dateline opening a story: "MOSSOUL (Irak), 12 juillet (AFP) - ", "BAGDAD, 3 juil 2016 (AFP) -",
# "Erbil (Irak) (AFP) –", "GENÈVE (Reuters) - ". It says where the story was filed; its date is no count.
DATELINE = (r"^\s*[A-ZÀ-Ý][\wÀ-ÿ.'’-]+(?:[\s-]+[A-ZÀ-Ý][\wÀ-ÿ.'’-]+){0,3}\s*(?:\([^()\n]{1,30}\)\s*)?"
            r"(?:,\s*(?:le\s+)?\d{1,2}(?:er)?\s+[a-zéû]+\.?(?:\s+\d{4})?\s*)?"
            r"(?:\((?:AFP|Reuters|AP|ATS|Belga|APS|MAP|Xinhua|Anadolu)\)\s*)?[-–—]+\s+")
# Ordinals are written as digits and a suffix ("1er", "12e", "2nde", "XXe"): a rank, not a count (PATTERNS
# not_count_after holds them as a regex).
ORDINAL_SUFFIXES = ["er", "ère", "re", "e", "ème", "eme", "ième", "ieme", "nd", "nde", "es", "èmes", "ᵉ", "ᵉʳ"]
PERCENT_WORDS = ["%", "pour cent", "pour-cent", "pourcent", "p. cent", "points de pourcentage"]
CURRENCIES = ["€", "$", "£", "euros", "euro", "dollars", "dollar", "USD", "EUR", "dinars", "dinar", "francs",
              "franc", "livres", "livre sterling", "livres syriennes", "livres libanaises", "rials", "riyals"]
TIME_WORDS = ["h", "heure", "heures", "min", "GMT", "UTC", "HEC", "heure locale", "heures locales"]

# A year-like number before an outcome noun is a year only after these ("en 2017, les décès ..."; but
# "1964 décès violents et 2015 blessés" counts).
PATTERNS.update({
    "year_before_outcome": r"(?<!\w)(?:en|depuis|de|du|d['’]|jusqu['’]en|avant|après|début|fin|mi-?|pendant|entre|"
                           r"le|l['’]|année)\s*$",
})
# a town named only to say where a site lies ("le gouffre d'al-Khasfa, près de Mossoul", "au sud de Mossoul")
PATTERNS.update({"near_of": r"(?<!\w)(?:près\s+de|non\s+loin\s+de|aux\s+(?:abords|environs|portes)\s+de|"
                            r"(?:à\s+\d+\s*(?:km|kilomètres)\s+)?au\s+(?:nord|sud)(?:-(?:est|ouest))?\s+de|"
                            r"(?:à\s+\d+\s*(?:km|kilomètres)\s+)?[àa]\s+l['’](?:est|ouest)\s+de)\s+"
                            r"(?:la\s+ville\s+de\s+)?$"})
SITE_NOUNS = ["gouffre", "charnier", "charniers", "fosse", "fosses", "site", "village", "villages", "ville", "camp",
              "hôpital", "marché", "prison", "base", "pont", "barrage", "aéroport", "école", "mosquée", "cimetière",
              "puits", "ravin", "vallée", "ferme", "usine", "point de contrôle", "désert", "décharge", "tranchée"]
PATTERNS.update({"site_before": r"(?<!\w)(?:<SITE_NOUNS>)(?!\w)[^.;:]{0,30}$"})
PATTERNS.update({"whole_war": r"(?<!\w)(?:[Ll]a|[Cc]ette|[Ss]a)\s+(?:\w+\s+)?(?:guerre|conflit)(?!\s+(?:à|au|dans|en|pour|contre)\b)"
                              r"(?=[^.]*\b(?:tué|fait|coûté)\b)|(?<!\w)(?:le|ce)\s+conflit(?!\s+(?:à|au|dans|en|pour|contre)\b)"
                              r"(?=[^.]*\b(?:tué|fait|coûté)\b)"})
# a landmark's kind word, off its name to find the place it is named after (reader._landmark_anchor)
PATTERNS.update({"landmark_kind": r"^(?:l['’]\s*|la\s+|le\s+)?(?:hôpital|mosquée|marché|pont|école|université|prison|"
                                  r"cimetière|église|mausolée|complexe|usine|gare|place)\s+(?:de\s+|d['’]\s*|du\s+)?"})
PATTERNS.update({"event_back": r"(?<!\w)(?:cette|ce|cet|la\s+même|le\s+même)\s+(?:frappe|attaque|raid|attentat|explosion|"
                               r"bombardement|incident)(?!\w)|(?<!\w)(?:du\s+lieu|du\s+site)\s+de\s+la\s+(?:frappe|attaque|"
                               r"explosion)(?!\w)|(?<!\w)(?:lors\s+de|dans)\s+(?:cet|l['’])\s*(?:incident|attaque)(?!\w)"})
# the scope a figure is given ("across Iraq"): its place, however specific the others (reader._scoped)
PATTERNS.update({"scope_before": r"(?<!\w)(?:dans\s+tou(?:t|te)\s+(?:le\s+|la\s+|l['’]\s*)|à\s+travers\s+(?:le\s+|la\s+|l['’]\s*)|"
                                 r"sur\s+l['’]ensemble\s+(?:du\s+|de\s+la\s+|de\s+l['’]\s*))$"})
PATTERNS.update({"seat_of": r"\s+(?:de\s+la\s+province\s+|du\s+gouvernorat\s+)?(?:de|d['’]|du|à|en)\s*(?:la\s+|l['’])?"})
# Constructions English has and French does not (language.py: a missing pattern is never a silent gap).
NOT_USED = [
    "landmark_noun",      # "the Iron Bridge": French writes the kind first, lower-case ("le pont de Fer")
    "town_kind_end",      # see kind_then_name
    "kind_then_name",     # "the Amhara town of Finote Selam": French names the kind first ("la ville de Finote Selam")
    "office_after",       # "Tal Afar mayor": French names the office first ("le maire de Tal Afar": office_of)
    "blocker_place_after",  # "a displacement camp": French puts the kind first ("un camp de déplacés": before)
    "province_after",     # "the Tillaberi region": French names the kind first ("la région de Tillabéri": place_kind_of)
    "role_at_body",       # "a doctor at the X hospital": French keeps "un médecin de l'hôpital X" whole (trim cuts no "de")
    "place_adjective_only",  # "a Shi'ite mosque": French puts the adjective after a kind it never reads as a name
    "possessive",         # "Reuters' review", "the ministry's count": French says "le décompte de Reuters" (data_by)
    "quoted_as",          # "SANA quoted a police source as saying": French says "citant une source policière" (after_verb)
    "closing_verb",       # "..., the governor, Vyacheslav Gladkov, said.": French inverts ("a déclaré le gouverneur")
    "claim_verb", "lives",  # "the shelling claimed 19 lives" is no attribution; French "a coûté la vie à" is an outcome
    "modifier_only",      # "a UN-backed survey": French puts the participle after ("une enquête soutenue par l'ONU")
    "place_named_local",  # "Zanjili district": French names the kind first ("le quartier de Zanjili": place_local_of)
    "place_named_pair",   # "the Sakhour and Tariq al-Bab districts": "les quartiers de Sakhour et de Tariq al-Bab" (local_of)
    "place_owner",        # "Iraq's prime minister": French says "le Premier ministre irakien", no place named
]

# what sits between a subject and its verb is no subject itself: "L'Unicef, de son côté, recense ..."
NON_CLAIMANTS = NON_CLAIMANTS | frozenset(_apos(["de son côté", "de leur côté", "pour sa part", "pour leur part",
                                                 "quant à lui", "quant à elle", "quant à eux", "elle aussi",
                                                 "lui aussi", "eux aussi", "à son tour"]))

# a count's author after its participle: "Bilan des frappes recensées par Airwars", "des chiffres compilés par l'AFP"
REPORT_VERBS = REPORT_VERBS + ["vérifié", "vérifie", "vérifient", "recensent",
                               # "Des responsables locaux évoquent jusqu'à 110 morts"
                               "évoque", "évoquent", "évoqué", "avancent", "chiffrent", "comptabilisent"]
PATTERNS.update({
    "participle_by": r"(?<!\w)(?:recensée?s?|compilée?s?|documentée?s?|établie?s?|publiée?s?|fournie?s?|"
                     r"communiquée?s?|avancée?s?|dénombrée?s?|comptabilisée?s?)\s+par\s+(?P<np>[^,.;:()]{2,60})",
})

# "..., a déclaré Ahmed X, porte-parole de la défense civile": the speaker's body is the claimant
PATTERNS.update({
    "role_of_body": r"\s*,\s*(?:le\s+|la\s+|l['’]\s*|un\s+|une\s+)?(?:porte-parole|responsable|directeur|directrice|"
                    r"chef|représentant|représentante|membre|commandant|médecin)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+)"
                    r"(?P<body>[^,.;:()\"”»]{2,60})",
})

# --- kind and period (estimates/kinds.py) ------------------------------------------------------------------
MONTH_NUMBERS = {"janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6,
                 "juillet": 7, "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11,
                 "décembre": 12, "decembre": 12, "janv": 1, "févr": 2, "fév": 2, "avr": 4, "juil": 7, "sept": 9,
                 "oct": 10, "nov": 11, "déc": 12}
KIND_EVENTS = ["frappe", "frappe aérienne", "raid", "attaque", "attentat", "explosion", "bombardement",
               "charnier", "fosse commune", "embuscade", "massacre", "tuerie", "voiture piégée", "incident",
               "tirs d'obus", "tir d'obus", "obus", "roquette", "pilonnage", "effondrement", "fusillade"]
KIND_CAMPAIGN = ["bataille", "offensive", "campagne", "siège", "guerre", "conflit", "libération", "depuis",
                 "jusqu'ici", "à ce jour", "au total", "en tout", "au cours des", "combats", "opérations"]
PATTERNS.update({
    "period_range": r"(?<!\w)(?:entre|de|du|d['’])\s*(?:(?:le\s+)?\d{1,2}(?:er)?\s+)?(?P<m1><MONTHS>)?\s*"
                    r"(?P<y1>(?:19|20)\d\d)?\s*(?:et|à|au|jusqu['’]à|jusqu['’]en|-|–)\s*(?:(?:le\s+)?\d{1,2}(?:er)?\s+)?"
                    r"(?P<m2><MONTHS>)?\s*(?P<y2>(?:19|20)\d\d)(?!\w)",
    "period_since": r"(?<!\w)depuis\s+(?:le\s+début\s+de\s+|(?:le\s+)?\d{1,2}(?:er)?\s+)?(?P<m1><MONTHS>)?\s*"
                    r"(?P<y1>(?:19|20)\d\d)(?!\w)",
    "period_in": r"(?<!\w)(?:en|au\s+cours\s+de\s+l['’]année|durant|pendant)\s+(?:(?P<m1><MONTHS>)\s+)?"
                 r"(?P<y1>(?:19|20)\d\d)(?!\w)",
    # (or shells and rockets falling, however many: "des obus tombent sur le quartier de Sankoré")
    "one_event": r"(?<!\w)(?:une?|la|le|l['’]|cette|ce|cet|même|seule?)\s*(?:[\w-]+\s+){0,2}?<KIND_EVENTS>(?![\w-])|"
                 r"(?<!\w)(?:des|les)\s+(?:tirs\s+d['’])?(?:obus|roquettes)\s+(?:\w+\s+){0,3}?(?:tomb|s['’]abatt|frapp|touch)",
    "campaign": r"(?<!\w)<KIND_CAMPAIGN>(?!\w)",
    "months_span": r"(?<!\w)entre\s+(?:le\s+)?(?:\d{1,2}(?:er)?\s+)?<MONTHS>\s+et\s+(?:le\s+)?(?:\d{1,2}(?:er)?\s+)?<MONTHS>(?!\w)|"
                   r"(?<!\w)(?:de|d['’])\s*(?:la\s+)?(?:mi-)?<MONTHS>\s+(?:à|au)\s+(?:la\s+)?(?:mi-)?<MONTHS>(?!\w)",
    "one_day": r"(?<!\w)(?:<WEEKDAYS>|hier|la\s+veille|dans\s+la\s+nuit)(?!\w)",
})

# a clause after the figure's whose places are the source's or the cause's ("_before_later_clause")
PATTERNS.update({"later_clause": r",?\s+(?:selon|d['’]après)(?!\w)"})
# the battle a toll belongs to, right before its place ("_in_battle_frame")
PATTERNS.update({"battle_of": r"(?<!\w)(?:bataille|combats|offensive|reconquête|guerre)\s+(?:de|pour\s+(?:reprendre\s+|libérer\s+)?)"
                              r"(?:la\s+ville\s+de\s+)?\s*$|"
                              r"(?<!\w)(?:chasser|déloger|expulser)\s+(?:\S+\s+){1,5}?(?:de\s+|d['’]\s*)$"})
# a figure pointing back at an event or count just told: it is in that one's place ("_refers_back")
PATTERNS.update({"refers_back": r"(?<!\w)(?:cette|ce|cet|la\s+même|le\s+même)\s+(?:frappe|attaque|raid|attentat|explosion|"
                                r"bombardement|massacre|tuerie)(?!\w)|\d[\d\s\u00a0\u202f]*\s+autres(?!\w)|"
                                r"(?<!\w)(?:du\s+lieu|du\s+site)\s+de\s+la\s+(?:frappe|attaque|explosion)(?!\w)|"
                                r"(?<!\w)(?:lors\s+de|dans)\s+(?:cet|l['’])\s*(?:incident|attaque)(?!\w)"})
PATTERNS.update({"source_seat": r"(?<!\w)(?:hôpital|hôpitaux|clinique|morgue|centre\s+médical|hôpital\s+de\s+campagne)\s+"
                                r"(?:de|d['’]|à)\s*(?:la\s+ville\s+de\s+)?$"})
# whose bodies a count of bodies is ("remains_of"): "300 corps de jihadistes"
PATTERNS.update({"remains_of": r"\s+(?:corps|cadavres|dépouilles|restes)\s+(?:de\s+|d['’]\s*)(?:l['’]\s*|la\s+|les\s+|des\s+)?(?P<noun><VICTIM_NOUNS>)(?!\w)"})

# what a row's closing brackets hold that names no source: "(estimation)", "(provisoire)"
BRACKET_NOTES = ["estimation", "est.", "environ", "provisoire", "bilan provisoire", "actualisé", "non confirmé",
                 "confirmé", "vérifié", "cumulé", "total", "révisé", "préliminaire", "partiel", "arrondi",
                 "voir ci-dessous", "à ce jour", "jusqu'ici"]

# an outlet relaying a body's claim: "..., a rapporté la chaîne Al-Massirah, citant le ministère de la Santé"
PATTERNS.update({
    "relay_lead": r",\s*(?=citant(?!\w))",
    "outlet": r"(?<!\w)(?:chaîne|télévision|agence|journal|quotidien|hebdomadaire|radio|site|média|<OUTLETS>)(?!\w)",
    # a title's dot is no stop inside a name: "M. Fedorov", "le Dr. Ahmed"
    "title_dot": r"(?<!\w)(?:M|MM|Dr|Pr|Me|Mgr|Gén|Col|Lt|Cdt|Capt|Lieut)\.(?=\s)|\b[A-Z]\.(?=\s+[A-Z])",
})

# a person's name set off after a role: "a annoncé sur Telegram le gouverneur régional, Ivan Fedorov."
NAME_PARTICLES = ["al", "el", "ad", "as", "ach", "ben", "bin", "ibn", "abou", "abu", "de", "du", "da", "van", "von"]
PATTERNS.update({"name_after": r"\s*,\s*(?P<name>(?:<@title_dot>\s*)*(?:(?:<NAME_PARTICLES>)-)?[A-ZÀ-Ý][\w'’-]+"
                               r"(?:\s+(?:(?:<NAME_PARTICLES>)[-\s])?[A-ZÀ-Ý][\w'’-]+){0,3})\s*(?=[,.;]|$)"})

# a list row's label that names no place ("- Total: 34", "- المجموع: 34"): reader._row_label
# les noms de tête d'un organisme : une ligne de liste qu'il étiquette nomme sa source, pas son lieu
BODY_HEADS = ["forces", "conseil", "comité", "observatoire", "hôpital", "coordonnateur", "coordinateur", "ministère",
              "direction", "commandement", "bureau", "agence", "mission", "commission", "réseau", "armée", "police",
              "défense", "service", "équipe", "autorité", "organisation", "onu", "oms", "unicef"]
NON_PLACE_LABELS = ["total", "totaux", "civils", "enfants", "femmes", "hommes", "source", "sources", "note", "période", "date", "bilan", "ensemble", "autres", "inconnu"]

# where one clause ends and the next begins, for places ("Baghdad ... 55 casualties, followed by Nineveh where 8
# were killed": 8 is Nineveh's): reader._in_own_clause
PATTERNS.update({"clause_break": r"[;:]|,?\s+(?:suivie?s?\s+(?:de|par)|tandis\s+que|alors\s+que)(?!\w)|,\s+mais(?!\w)"})

# a placeless toll over the story's province, not its town ("killed across the province since January"):
# reader._the_province
PATTERNS.update({"the_province": r"(?<!\w)(?:dans|à\s+travers)\s+(?:toute\s+)?la\s+province(?!\w)(?!\s+(?:(?:de|du)(?!\w)|d['’]))|(?<!\w)dans\s+tout\s+le\s+gouvernorat(?!\w)"})
# ... and over its country ("across the country", "à l'échelle du pays", "في عموم البلاد")
PATTERNS.update({"the_country": r"(?<!\w)(?:à\s+l['’]échelle\s+(?:du\s+pays|nationale)|dans\s+(?:tout|l['’]ensemble\s+du)\s+(?:le\s+)?pays)(?!\w)"})

# a figure sharing the verb of the one before ("Twelve died in Maarat al-Numan and five in Saraqeb"): what joins
# them, and the place that follows it (reader._gapped)
PATTERNS.update({"gap_and": r"[^.;:\d]{0,100}?(?:,\s*|\s)et\s+$",
                 "gap_where": r"\s+(?:à|au|aux|dans|près\s+de|sur)\s+(?:[\w'’-]+\s+){0,5}?(?:al-|el-)?(?!(?:<MONTHS>|<WEEKDAYS>)(?!\w))(?-i:[A-ZÀ-Ý])\w"})

# the outcome told before, by its pronoun: "la plupart des morts étaient des combattants, mais neuf civils figuraient parmi eux"
PATTERNS.update({"among_them_back": r"(?<!\w)(?:figur(?:ent|aient)|sont|étaient)\s+parmi\s+(?P<them>eux|elles)(?!\w)"})
# a part of a toll told before ("612 of those deaths", "de ces morts", "من بين هؤلاء"): reader._of_those
PATTERNS.update({"of_those": r"(?<!\w)(?:de\s+ces|parmi\s+ces|des)\s+(?:morts|décès|victimes|tués|blessés)(?!\w)|(?<!\w)parmi\s+(?:eux|elles)(?!\w)"})
# a count distributed after a colon, each part before its place ("244 bodies ...: 131 from al-Maidan, 68 from around
# Bab al-Tob and 45 from the riverbank"): what follows a part (reader._distributed)
PATTERNS.update({"dist_where": r"\s+(?:à|au|aux|dans|près|de|du|des|en|sur|autour)\s"})
# "tous sauf trois des morts": the part left out; "une dizaine des blessés sont dans un état critique": a state
PATTERNS.update({"part_of_not": r"(?<!\w)(?:sauf|excepté|hormis|à\s+l['’]exception\s+de|(?:un|une|deux|trois|\d+)\s+sur)\s+$",
                 "part_of_state": r"\s+(?:sont|étaient|est|était|restent|demeurent)\s+(?:toujours\s+|encore\s+)?(?:dans\s+un\s+état|grièvement|gravement|identifiés?|enterrés?)"})
# a part of the figure before, placed ("..., dont 12 dans une école de Gaza", "6 morts dans la région de Kharkiv, 2
# à Soumy"), and a ranking's later places ("suivie de Bagdad avec 311 et d'Anbar avec 187")
PATTERNS.update({"part_lead": r"(?:,|(?<!\w)(?:dont|parmi\s+eux|parmi\s+elles|parmi\s+lesquels|y\s+compris|notamment))\s*$",
                 "part_where": r"\s+(?:à|au|aux|dans|près\s+de|sur|en)\s+(?:[\w'’-]+\s+){0,5}?(?:al-|el-)?(?!(?:<MONTHS>|<WEEKDAYS>)(?!\w))(?-i:[A-ZÀ-Ý])\w",
                 "with_lead": r"(?:(?<!\w)suivie?s?\s+(?:de|du|par)|,|(?<!\w)et|(?<!\w)puis)\s+(?:(?:la|le|les|l['’]|d['’])\s*)?(?-i:[A-ZÀ-Ý])[\w'’-]*\s+(?:[\w'’-]+\s+){0,3}?avec\s+$"})
# "..., son directeur, Ahmed X, a déclaré": the body named before speaks through him
PATTERNS.update({"owned_role": r"(?:^|[,;]\s*)(?:son|sa|leur)\s+[^,;:\"“”«»().\d]{2,40},\s*$"})
# a figure compared with the one before counts the same ("2,430 killed in west Mosul, compared with 760 in the east")
PATTERNS.update({"compared_lead": r"(?<!\w)(?:contre|comparé\s+aux?|comparés\s+aux?|par\s+rapport\s+aux?)\s+$"})
# a site named by its noun alone in a figure's sentence ("struck a crowded market in El Fasher"): reader._site_named_later
PATTERNS.update({"nameless_site": r"(?<!\w)(?:un|une)\s+(?:[\w-]+\s+){0,2}?(?P<noun>marché|quartier|camp|hôpital|école|mosquée|place)(?!\w)"})
# a town the gazetteer lacks, after a preposition of place ("near Tabatol in Niger's Tillaberi region"): reader._unknown_town
# un événement nommé par le lieu frappé ("les roquettes d'al-Jamiaa", "la frappe de Kyeshero"): reader._event_site
PATTERNS.update({"event_site": r"(?<!\w)(?:l['’]|la\s+|le\s+|les\s+|des\s+|du\s+|de\s+la\s+|de\s+l['’])"
                               r"(?:attaques?|frappes?|bombardements?|attentats?|explosions?|massacres?|tirs|roquettes|obus|"
                               r"tueries?)\s+"
                               r"(?:de\s+|d['’]|du\s+)(?P<name>(?:al-|el-)?[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*(?:[ \t]+(?:al-|el-)?[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*)?)(?!\w)"})
PATTERNS.update({"unknown_town": r"(?<!\w)(?:à|près\s+de|près\s+d['’]|autour\s+de|autour\s+d['’])\s*(?!(?:(?i:<MONTHS>|<WEEKDAYS>)|Le|La|Les|Son|Sa|Ses|Leur)(?!\w))(?P<name>(?:al-|el-)?[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*(?:[ \t]+(?:al-|el-)?[A-ZÀ-Ý][a-zà-ÿ][\w'’-]*)?)(?!\w)(?!['’]s\b|\s+(?:[A-ZÀ-Ý]|a\s+déclaré|ont\s+déclaré|province|région))"})

# la version corrigée d'un article : ce qu'il disait est retiré (reader._not_retracted)
PATTERNS.update({"earlier_version": r"(?<!\w)une?\s+(?:version\s+(?:précédente|antérieure)|précédente\s+version)\s+de\s+"
                                    r"(?:cet|cette|l['’])\s*(?:article|dépêche|information)",
                 "correct_now": r"(?<!\w)(?:en\s+réalité|en\s+fait|le\s+bon\s+bilan|le\s+bilan\s+exact)(?!\w)"})

# la ville de la date et du lieu de la dépêche, désignée par le chapeau : "à l'entrée de cette ville chrétienne"
PATTERNS.update({"this_town": r"(?<!\w)(?:cette|ce)\s+(?:[\w'’-]+\s+){0,2}?(?:ville|localité|village|bourgade)(?!\w)"})

# un campus nommé par sa ville est le campus, pas la ville : "l'université de Mossoul" (places._place)
PATTERNS.update({"campus_lead": r"(?:l['’]|la\s+|le\s+)?(?:université|aéroport|stade|campus)\s+(?:de\s+|d['’])"})

# les propres rangs d'un organisme ("1 815 de ses combattants") sont du côté dont il parle (reader._estimate)
PATTERNS.update({"own_members": r"\s+de\s+(?:ses|leurs)\s+(?:propres\s+)?(?:combattants|membres|soldats|hommes|militaires|"
                                r"éléments|policiers)(?!\w)",
                 "side": r"(?P<s>(?<!\w)(?:peshmergas?|armée|police|ministère\s+de\s+la\s+défense|forces\s+de\s+sécurité|"
                         r"forces\s+armées)(?!\w))|(?P<c>(?<!\w)(?:état\s+islamique|daech|talibans?|hamas|hezbollah|"
                         r"houthis?|shebab)(?!\w))"})

# une localité avant le district qui la contient : ", dans le district de" (places._in_its_district) ; les mots
# entre un bâtiment et le quartier qui le contient : "dans le", "à" (places._holds)
PATTERNS.update({"in_district": r",\s+dans\s+(?:l[ae]\s+|l['’])?(?=(?:district|province|région|département|territoire|"
                                r"comté|gouvernorat)(?!\w))",
                 "holding": r"\s+(?:à|dans)\s+(?:l[ae]\s+|l['’])?(?:[a-zà-ÿ]+\s+)?\S"})

# un point cardinal juste après une localité : "al-Karama, à 35 km à l'est de Raqqa" (reader._not_abroad) ; l'agent
# avant les mots d'un organisme : "un poste utilisé par l'armée à Daraban" n'est pas son siège (reader._not_in)
PATTERNS.update({"bearing_after": r",?\s+(?:à\s+(?:environ\s+)?\d+\s*(?:km|kilomètres)\s+)?(?:au\s+(?:nord|sud)|à\s+l['’](?:est|ouest))",
                 "agent_before": r"(?<!\w)par\s+$"})
