"""French word lists: the same names, shapes and kinds as lexicon.py, so the stages read French as they read
English (Latin script, the figure before its noun). Words are lower case; accents are written as French
writes them ("tués", "péri"). Entries may contain spaces (matched as any run of whitespace).
"""
from __future__ import annotations

# --- numbers ------------------------------------------------------------------------------------------
UNITS = {
    "un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8,
    "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13, "quatorze": 14, "quinze": 15, "seize": 16,
}
TENS = {"vingt": 20, "vingts": 20, "trente": 30, "quarante": 40, "cinquante": 50, "soixante": 60,
        "soixante-dix": 70, "quatre-vingt": 80, "quatre-vingts": 80, "quatre-vingt-dix": 90,
        "septante": 70, "huitante": 80, "octante": 80, "nonante": 90}
SCALES = {"mille": 1_000, "million": 1_000_000, "millions": 1_000_000, "milliard": 1_000_000_000,
          "milliards": 1_000_000_000}
SUFFIX_SCALES: dict[str, int] = {}

# --- qualifiers ---------------------------------------------------------------------------------------
QUALIFIERS_BEFORE = {
    "at_least": ["au moins", "pas moins de", "au bas mot", "un minimum de", "d'au moins", "qu'au moins"],
    "more_than": ["plus de", "un peu plus de", "largement plus de", "bien plus de", "au-delà de", "dépasse",
                  "dépassant", "dépassé", "a dépassé", "a franchi", "franchi", "excède", "supérieur à"],
    "about": ["environ", "près de", "quelque", "approximativement", "presque", "autour de", "une estimation de",
              "un total estimé de", "grosso modo", "à peu près", "pratiquement", "probablement"],
    "up_to": ["jusqu'à", "jusqu’à", "moins de", "pas plus de", "au plus", "tout au plus", "au maximum"],
    "exact": ["au total", "un total de", "exactement", "précisément"],
}
QUALIFIERS_AFTER = {"at_least": ["au moins", "au minimum"], "about": ["environ"], "more_than": ["et plus"]}

# --- outcomes (kinds as in lexicon.py) -------------------------------------------------------------
OUTCOME_PHRASES: list[tuple[str, str, str]] = [
    (r"(?:tués|tuées|morts|mortes)\s+(?:ou|et)\s+(?:blessés|blessées)|(?:morts|tués)\s+et\s+blessés\s+confondus|"
     r"blessés\s+et\s+(?:morts|tués)", "casualties", "verb"),
    (r"(?:tués|morts)\s+ou\s+blessés", "casualties", "verb"),
    (r"victimes(?:\s+civiles)?(?=,?\s+(?:tués|morts)\s+et\s+blessés)", "casualties", "noun"),
    (r"(?:a|ont|avait|avaient|aurait|auraient)\s+coûté\s+la\s+vie\s+(?:à|a)|coûtant\s+la\s+vie\s+à|"
     r"a\s+emporté|ont\s+emporté", "killed", "verb"),
    (r"tué|tuée|tués|tuées|tuant|tue|tuent|tuer|exécuté|exécutés|exécutées|exécutant|massacré|massacrés|"
     r"massacrées|abattu|abattus|abattues|fusillé|fusillés|pendu|pendus|décapité|décapités|assassiné|"
     r"assassinés|égorgé|égorgés|lynché|lynchés|achevé|achevés", "killed", "verb"),
    (r"(?:ont|a|avaient|avait|auraient|aurait)\s+(?:trouvé|perdu)\s+la\s+mort|(?:ont|a|avaient|avait|auraient|aurait)"
     r"\s+perdu\s+la\s+vie|trouvé\s+la\s+mort|perdu\s+la\s+vie|ont\s+péri|a\s+péri|péri|périssent|sont\s+morts|"
     r"sont\s+mortes|est\s+mort|est\s+morte|sont\s+décédés|est\s+décédé|décédés|décédées|ont\s+succombé|"
     r"a\s+succombé|succombé|morts|mortes|mort|morte|tombés|noyés", "killed", "intrans"),
    (r"décès|mort\s+de|la\s+mort\s+de|bilan|bilans|victimes|victime|corps|cadavres|dépouilles|pertes|"
     r"vies|morts\s+civils", "killed", "noun"),
    (r"blessé|blessés|blessée|blessées|blessant|blessent|mutilé|mutilés", "injured", "verb"),
    (r"blessures|blessure", "injured", "noun"),
    (r"disparus|disparues|portés\s+disparus|portées\s+disparues|porté\s+disparu|introuvables", "missing", "intrans"),
    (r"ont\s+perdu|a\s+perdu|perdu|perdant|perdent", "killed", "lost"),
    (r"fosses?\s+communes?|charniers?", "killed", "grave"),
]
GATE_STEMS = ["tué", "tués", "tuée", "tuant", "mort", "décè", "péri", "victime", "bless", "dispar", "exécut",
              "massacr", "abattu", "fusill", "pendu", "décapit", "assassin", "égorg", "succomb", "décéd", "cadavre",
              "corps", "dépouille", "bilan", "pertes", "charnier", "fosse", "coûté la vie", "perdu la vie", "noyés",
              "tombés", "mutil", "lynch"]
BLOCKERS = ["déplacés", "déplacées", "déplacement", "fui", "fuient", "fuyant", "fuir", "évacués", "évacuées",
            "évacuation", "secourus", "sauvés", "arrêtés", "arrêtées", "détenus", "détenues", "capturés", "enlevés",
            "enlevées", "kidnappés", "déployés", "mobilisés", "stationnés", "rentrés", "revenus", "hébergés",
            "accueillis", "vivant", "vivent", "vivaient", "habitent", "restés", "piégés", "assiégés", "coincés",
            "enregistrés", "inscrits", "vaccinés", "nourris", "employés", "rendus", "libérés", "relâchés",
            "sans-abri", "survécu", "rescapés", "réfugiés", "relogés", "participé", "rejoint", "recrutés",
            "formés", "armés", "encerclés", "prisonniers"]
TOLL_LINKS = ["à", "de", "d'", "s'élève à", "s'élevait à", "s'établit à", "atteint", "a atteint", "atteignait",
              "est de", "était de", "est passé à", "a grimpé à", "grimpe à", "se monte à", "dépasse", "a dépassé",
              "avoisine", "porté à", "est", "sont", "serait de", "au moins", "plus de", "environ", "près de",
              "désormais", "déjà", "officiel", "provisoire", "nouveau", "dernier", "total"]

# --- what is counted ------------------------------------------------------------------------------------
VICTIM_NOUNS = {
    "civilians": ["civils", "civil", "civiles", "civile", "non-combattants"],
    "children": ["enfants", "enfant", "mineurs", "bébés", "nourrissons", "garçons", "fillettes", "écoliers",
                 "élèves", "adolescents", "jeunes"],
    "women": ["femmes", "femme", "mères"],
    "people": ["personnes", "personne", "habitants", "résidents", "individus", "villageois", "irakiens", "syriens",
               "yéménites", "palestiniens", "hommes", "homme", "autres", "gens", "proches", "fidèles", "passants",
               "passagers", "patients", "étudiants", "pèlerins", "ouvriers", "travailleurs", "journalistes",
               "médecins", "infirmiers", "secouristes", "volontaires", "agriculteurs", "bergers", "détenus",
               "prisonniers", "yézidis", "chrétiens", "victimes", "membres", "âmes", "citoyens", "pêcheurs",
               "humanitaires", "voisins", "amis", "collègues", "frères", "fils", "filles"],
    "combatants": ["combattants", "jihadistes", "djihadistes", "insurgés", "extrémistes", "terroristes",
                   "hommes armés", "rebelles", "tireurs", "kamikazes", "assaillants", "commandants", "miliciens de l'ei",
                   "membres de l'ei", "islamistes"],
    "security forces": ["soldats", "soldat", "militaires", "policiers", "policier", "officiers", "agents",
                        "gendarmes", "peshmergas", "peshmerga", "gardes", "forces", "miliciens", "recrues",
                        "conscrits", "commandos", "paramilitaires", "membres des forces de sécurité",
                        "forces de sécurité", "forces irakiennes", "militaires irakiens", "hachd", "hached"],
}
MODIFIERS = {
    "civilians": ["civil", "civils", "innocents", "non armés"],
    "combatants": ["ei", "daech", "daesh", "jihadiste", "jihadistes", "djihadistes", "ennemis", "terroristes"],
    "security forces": ["sécurité", "police", "armée", "gouvernementaux", "progouvernementaux", "fédéraux",
                        "militaires", "peshmergas", "paramilitaires", "spéciales", "d'élite"],
    None: ["irakiens", "irakiennes", "syriens", "syriennes", "kurdes", "yéménites", "palestiniens", "afghans",
           "américains", "britanniques", "français", "russes", "turcs", "iraniens", "israéliens", "locaux",
           "autres", "supplémentaires", "jeunes", "âgés", "étrangers", "présumés", "sunnites", "chiites",
           "chrétiens", "yézidis", "arabes", "turkmènes", "déplacés", "piégés", "non identifiés", "ordinaires",
           "vérifiés", "confirmés", "documentés", "recensés", "enregistrés", "signalés", "identifiés", "de",
           "d'", "des", "les", "leurs", "ses", "son", "sa", "probables", "possibles", "au", "total", "nouveaux"],
}
NOT_VICTIMS = [
    "maisons", "logements", "bâtiments", "immeubles", "appartements", "écoles", "hôpitaux", "cliniques", "mosquées",
    "églises", "magasins", "ponts", "routes", "frappes", "raids", "bombes", "roquettes", "missiles", "obus",
    "munitions", "balles", "véhicules", "voitures", "camions", "chars", "armes", "familles", "foyers", "jours",
    "jour", "semaines", "semaine", "mois", "ans", "années", "année", "an", "heures", "heure", "minutes", "km",
    "kilomètres", "mètres", "tonnes", "kg", "dollars", "euros", "dinars", "livres", "fois", "pour", "cent",
    "pourcent", "réfugiés", "déplacés", "camps", "tentes", "villages", "villes", "quartiers", "sites", "cibles",
    "positions", "mots", "pages", "rapports", "incidents", "attaques", "attentats", "allégations", "projets",
    "points", "voix", "sièges", "hectares", "lits", "repas", "litres", "documents", "vidéos", "photos", "images",
    "articles", "pays", "organisations", "agences", "ong", "emplois", "vols", "barils", "étages", "tunnels",
    "checkpoints", "cas", "plaintes", "enquêtes", "puits", "arbres", "animaux", "moutons", "avions", "drones",
    "hélicoptères", "bateaux", "bataillons", "brigades", "divisions", "unités", "groupes", "équipes", "tribus",
    "rues", "survivants", "rescapés", "évacués", "secondes", "décennies", "siècles", "lignes", "h", "habitations",
]

# --- attribution -------------------------------------------------------------------------------------
REPORT_VERBS = [
    "déclaré", "déclare", "déclarent", "dit", "dire", "indiqué", "indique", "indiquent", "affirmé", "affirme",
    "affirment", "annoncé", "annonce", "annoncent", "rapporté", "rapporte", "rapportent", "recensé", "recense",
    "recensent", "documenté", "documente", "documentent", "dénombré", "dénombre", "estimé", "estime", "estiment",
    "précisé", "précise", "ajouté", "ajoute", "souligné", "souligne", "fait état", "fait savoir", "confirmé",
    "confirme", "reconnu", "reconnaît", "reconnaissent", "admis", "admet", "avancé", "avance", "assuré", "assure",
    "expliqué", "explique", "raconté", "raconte", "signalé", "signale", "compté", "compte", "comptabilisé",
    "comptabilise", "enregistré", "enregistre", "évalué", "évalue", "chiffré", "chiffre", "conclu", "conclut",
    "révélé", "révèle", "accusé", "accuse", "publié", "publie", "répertorié", "répertorie", "vérifié", "attribué",
    "attribue", "averti", "dénoncé", "dénonce", "constaté", "constate", "relevé", "relève", "noté", "note",
]
SPEECH_VERBS = ["déclaré", "déclare", "déclarent", "dit", "indiqué", "indique", "indiquent", "affirmé", "affirme",
                "affirment", "annoncé", "annonce", "annoncent", "rapporté", "rapporte", "estimé", "estime",
                "estiment", "précisé", "précise", "ajouté", "ajoute", "souligné", "souligne", "confirmé", "confirme",
                "assuré", "assure", "expliqué", "explique", "raconté", "raconte", "averti", "dénoncé", "dénonce",
                "fait savoir", "avancé", "avance"]
NON_CLAIMANTS = frozenset(
    ("il elle ils elles on nous je vous qui que qu' lequel laquelle cela ceci ce cette celui celle ceux "
     "celui-ci celle-ci ceux-ci il y a mais et ou donc or ni car puis ensuite cependant toutefois "
     "aussi également déjà désormais encore").split()
)
DATA_NOUNS = ["estimation", "estimations", "décompte", "décomptes", "bilan", "bilans", "chiffres", "chiffre",
              "données", "rapport", "rapports", "enquête", "enquêtes", "étude", "études", "registres", "registre",
              "calculs", "analyse", "évaluation", "statistiques", "recensement", "recherche", "base de données",
              "documentation", "liste", "conclusions", "relevé", "comptage", "projection", "projections", "sondage"]
NP_DATA_NOUNS = ["estimation", "décompte", "bilan", "chiffres", "données", "rapport", "enquête", "étude",
                 "analyse", "évaluation", "statistiques", "recensement"]

# --- dates and identifiers ---------------------------------------------------------------------------
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
MONTHS = ["janvier", "février", "fevrier", "mars", "avril", "mai", "juin", "juillet", "août", "aout", "septembre",
          "octobre", "novembre", "décembre", "decembre", "janv", "févr", "fév", "avr", "juil", "sept", "oct", "nov",
          "déc", "dec"]
IDENTIFIER_WORDS = ["résolution", "numéro", "n°", "no", "article", "chapitre", "page", "pages", "loi", "décret",
                    "vol", "route", "autoroute", "brigade", "division", "bataillon", "unité", "chambre", "section",
                    "paragraphe", "point", "volume", "édition", "épisode", "dossier", "affaire", "ligne", "niveau",
                    "phase", "âge", "âgé", "âgée", "âgés", "rang", "classé", "note", "code", "modèle", "version",
                    "cellule", "lit", "porte", "an", "année", "classe", "catégorie", "ordre", "protocole", "équipe",
                    "escadron", "régiment", "corps", "zone", "secteur", "camp", "checkpoint", "pont", "rue"]
YEAR_PREPOSITIONS = ["en", "depuis", "de", "du", "d'", "par", "jusqu'en", "à", "au", "pendant", "avant", "après",
                     "début", "fin", "mi", "mi-", "année", "été", "printemps", "hiver", "automne", "pour", "entre",
                     "et", "le", "la", "l'", "toute", "tout"]


# --- constructions: what the stages ask a language for, by name (see language.py and lexicon.py) -------
# `<NAME>` is the word list NAME above; `<@name>` another entry of PATTERNS. Case-insensitive unless the
# stage says a capital matters (claimant and place names).
DETECT_WORDS = ["le", "la", "les", "des", "du", "de", "et", "à", "au", "aux", "dans", "pour", "par", "sur", "une",
                "un", "est", "sont", "ont", "été", "selon", "qui", "que", "avec", "plus", "ce", "cette", "leur"]
RANGE_OPENERS = ["entre", "entre quelque", "entre environ"]  # "entre 9 000 et 11 000"
RANGE_AND = ["et", "-", "–", "—"]
RANGE_TO = ["à", "-", "–", "—", "ou"]                        # "9 000 à 11 000", "de 9 000 à 11 000"
CHANGE_FROM = ["de"]                                         # "passé de 120 à 240": a change, not a range
CHANGE_VERBS = ["passé", "passant", "passe", "augmenté", "grimpé", "monté", "montant", "révisé", "relevé",
                "hausse", "alourdi", "s'est alourdi"]
JOIN_WORDS = ["et"]                                          # "vingt et un"
HUNDREDS = {"cent": 100, "cents": 100}                       # "deux cents": multiplies what precedes it
DECIMAL_MARK = ","                                           # "1,5 million"
NUMBER_GATE_WORDS = ["un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
                     "douze", "treize", "quatorze", "quinze", "seize", "vingt", "trente", "quarante", "cinquante",
                     "soixante", "cent", "cents", "mille", "million", "millions", "milliard", "milliards"]
MONTHS_AFTER = [m for m in MONTHS]
PATTERNS: dict[str, str] = {
    # figures (figures.py): after a number it is no head count (a percentage, an ordinal, an hour, money,
    # an age, a date); before it, money or an identifier
    "not_count_after":
        r"\s*(?:%|pour\s*cent\b|p\.\s*100\b)|(?:e|er|ère|ème|eme)\b|\s*(?:h|heures?)\b(?!\s*de)|"
        r"\s*(?:fois)\b|\s*(?:dollars?|euros?|dinars?|livres?|\$|€)|"
        r"\s*(?:sur)\s+(?:\d|dix\b|cinq\b|quatre\b|trois\b|deux\b|cent\b|mille\b)|"
        r"\s*ans?\b|\s*(?:de\s+)?<MONTHS_AFTER>\b",
    "not_count_before":
        r"(?:[$£€¥]|US\$|USD|EUR)\s*$|(?<!\w)<IDENTIFIER_WORDS>\s*$|(?<!\w)(?:âgée?s?\s+de|de\s+moins\s+de)\s*$|"
        r"(?<!\s)[-–]\s*$|(?<!\w)(?:force|forces|garnison|contingent|effectif|population|armée)\s+de\s+(?:\w+\s+){0,2}$",
    "month_before": r"(?<!\w)<MONTHS>\.?\s*$",
    "small_word": r"(?:un|une)$",
}
PATTERNS.update({
    # heads (heads.py)
    "members_of": r"\s+(?:de\s+l['’]|du\s+|des\s+|de\s+la\s+)(?:(?P<c>ei|etat\s+islamique|état\s+islamique|daech|daesh|"
                  r"groupe\s+jihadiste|organisation\s+jihadiste)|(?P<s>police|armée|forces\s+de\s+sécurité|forces\s+irakiennes|"
                  r"sécurité|peshmergas?|service\s+de\s+contre-terrorisme|hached|forces\s+spéciales|police\s+fédérale))",
    "and_noun": r"\s+(?:et|ou)\s+(?:(?:autres|blessés|civils)\s+)?([^\W\d_]+)",
    "of_family": r"\s+d['’]une\s+(?:même\s+)?famille\b|\s+de\s+(?:la\s+)?(?:même\s+)?famille\b|\s+de\s+(?:leur|sa)\s+famille\b",
    "were_noun": r"\s+(?:étaient|était|sont)\s+(?:(?:tous|toutes|surtout|majoritairement)\s+)?(?:des\s+)?([^\W\d_]+)",
    # outcome links (linking.py)
    "stop": r"[;:()\[\]—|]|\s[–-]\s|(?<!\w)(?:mais|tandis\s+que|alors\s+que|bien\s+que|après|avant|lorsque|quand|"
            r"parce\s+que|car|jusqu['’]à\s+ce\s+que|lequel|laquelle|lesquels|lesquelles|provoquant|forçant)(?!\w)",
    "gap": r"(?:\s+(?:encore|au|moins|plus|de|d['’]|près|environ|quelque|un|une|total|autres|supplémentaires|"
           r"jusqu['’]à|pas|moins|approximativement|[a-zé]+ment)\b|\s*d['’])*\s*(?:[«\"“]\s*)?",  # "exécuté sommairement 19"
    "aux": r"(?<!\w)(?:ont|a|avaient|avait|auraient|aurait|sont|est|été|seraient|serait|étaient|était|"
           r"se\s+sont|s['’]est|probablement|tous|toutes|également|aussi)\s+(?:\w+\s+)?$",
    "toll_end": r"(?<!\w)<TOLL_LINKS>\s*(?:[«\"“]\s*)?$|^\s*$",  # "la mort de 326 civils": the noun holds "de"
    "toll_start": r"(?:dépass|franchi|entre)",
    "rel_clause": r"\s*(?:(?:qui|qu['’])\s*(?:avaient\s+|avait\s+|ont\s+|a\s+|étaient\s+)?(?:été\s+)?"
                  r"(?:(?:tentaient|tentant|essayaient|essayant|cherchaient|cherchant)\s+de\s+)?|"
                  r"(?:tentant|essayant|cherchant)\s+de\s+)",
    "main_aux": r"(?<!\w)(?:ont\s+été|a\s+été|avaient\s+été|sont|est|étaient|restent|demeurent|sont\s+toujours)\s+"
                r"(?:ensuite\s+|tous\s+|toujours\s+|encore\s+)?$",
    "and_noun_lead": r"^\s*(?:et|ou)\s+[^\W\d_]+",
    "by_agent": r"\s+par\s",
    "copula": r"restent|restaient|demeurent|sont\s+toujours",
    "copula_gap": r"\s+(?:toujours\s+|officiellement\s+|portés\s+|portées\s+)?",
    "died_later": r"(?<!\w)(?:ont\s+)?(?:ensuite\s+|depuis\s+|plus\s+tard\s+)?(?:succombé|sont\s+morts|sont\s+décédés|ont\s+succombé)(?!\w)",
    "victims_noun": r"(?:victimes|corps|dépouilles|cadavres|restes)[.,'’]?\s*$",
})
VICTIM_WORDS_NAMED = [w for c in VICTIM_NOUNS.values() for w in c if w not in ("autres", "membres")] + ["civil", "civile", "civiles"]
UNIT_WORDS = ["division", "brigade", "bataillon", "régiment", "unité", "unités"]
UNITS_OF_PEOPLE = ["famille", "familles", "foyer", "foyers", "ménage", "ménages"]
RELATIVE_GROUP = ["lesquels", "lesquelles", "eux", "elles", "dont"]
PARTITIVE = ["d'entre", "d’entre", "des", "de"]
MEMBER_NOUNS = ["membres", "membre"]
PATTERNS.update({
    # the reader's own rules (reader.py)
    "outcome_gate": r"tu[ée]|mort|morte|décè|deces|péri|peri|perdu\s+la\s+vie|trouvé\s+la\s+mort|victime|bless|"
                    r"dispar|exécut|execut|massacr|abattu|fusill|pendu|décapit|tomb|corps|cadavre|bilan|succomb|"
                    r"coût|tué|tuant|tuer|pertes",
    "number_gate": r"\d|(?<!\w)<NUMBER_GATE_WORDS>(?!\w)",
    "including": r"\s*,?\s*(?:\(\s*)?(?:dont|parmi\s+lesquels|parmi\s+lesquelles|parmi\s+eux|notamment|et|ainsi\s+que|"
                 r"plus|outre|y\s+compris|,)?\s*(?:(?:sa|son|ses|leurs?)\s+)?",
    "year_word": r"(?<!\w)<YEAR_PREPOSITIONS>\s*$",
    "among": r"(?<!\w)parmi\s+(?:les\s+)?(?:\w+\s+)?(civils|enfants|femmes|soldats|combattants|jihadistes|habitants|"
             r"personnes)(?!\w)|(?<!\w)(civile?s?)(?!\w)",
    "victim_word": r"(?<!\w)(<VICTIM_WORDS_NAMED>)(?!\w)",
    "ellipsis_gap": r"(?:[^,.;:()\d]|(?<!\d)(?:19|20)\d\d(?!\d)){0,40}?,?\s*(?<!\w)(?:et|tandis\s+que|avec)\s+(?:[a-zé]+\s+)?",
    "others": r"\s*(?:autres|de\s+plus)\.?",
    "number_of": r"(?<!\w)(?:nombre|bilan|décompte|total)\s+(?:de|des|d['’])\s*(?:\w+\s+)?(<VICTIM_WORDS_NAMED>)\s+"
                 r"(?:tués|morts|blessés)?\s*(?:à|a\s+atteint|s['’]élève\s+à|est\s+de)?\s*$",
    "of_whom": r"\s+(?:dont|d['’]entre\s+eux|d['’]entre\s+elles)\b",
    "ranks": r"\s*,?\s*(?<!\w)parmi\s+(?:les\s+)?(?:[\w-]+\s+)?(?P<v><VICTIM_WORDS_NAMED>)(?!\w)",
    "revised": r"(?<!\w)(?:révisé|relevé|abaissé|ramené|corrigé|actualisé|porté)(?!\w)[^.;:]{0,40}?(?<!\w)à\s*$|"
               r"(?<!\w)(?:contre|par\s+rapport\s+à|comparé\s+à)\s*$",
    "opening_name": r"\s*((?:(?:Dr|M|Mme|Gén|Col)\.?\s+)*[A-Z][\w'’-]+(?:\s+(?:al-|ben\s+|abou\s+)?[A-Z][\w'’-]+){1,3})\s+"
                    r"(?:a|avait|dirige|dirigeait|travaille|travaillait|a\s+publié|a\s+visité|a\s+mené)\b",
    "lost_near": r"(?:perdu|perd)\s+$",
    "lost_subject": r"(?P<np>(?:[\w'’.-]+\s+){1,6}?)(?:a\s+|ont\s+|avaient\s+|avait\s+)?(?:perdu|perd)\s+$",
    "toll_owner": r"(?<!\w)(?:pertes|bilan)\s+(?:des|du|de\s+la)\s+([\w-]+)\b[^.;:]{0,60}?(?<!\w)"
                  r"(?:s['’]élève\s+à|atteint|est\s+de|à)\s+$",
})
REVISION_VERBS = ["révisé", "relevé", "abaissé", "actualisé", "corrigé"]
CLAUSE_OPENERS = ["que", "qu'", "qu’", "et", "mais", "tandis que", "alors que", "où", "bien que"]
SAID_VERBS = ["déclaré", "dit", "indiqué", "ajouté", "précisé", "affirmé", "souligné", "expliqué", "averti"]
PRONOUNS = ["il", "elle", "ils", "elles", "on", "celui-ci", "celle-ci", "ceux-ci", "cette dernière", "ce dernier"]
ARTICLES = ["un", "une", "le", "la", "les", "l'", "l’", "des"]
OUTLETS = ["afp", "l'afp", "reuters", "ap", "rfi", "le monde", "france 24", "bbc", "al jazeera", "libération",
           "le figaro", "associated press", "agence france-presse", "dpa", "anadolu"]
HEADLINE_LABELS = ["direct", "vidéo", "photos", "analyse", "exclusif", "décryptage", "reportage", "entretien",
                   "chronologie", "infographie", *WEEKDAYS, "aujourd'hui", "hier", *MONTHS]
DATA_NOUNS_NOT_TOLL = [w for w in DATA_NOUNS if w != "bilan"]
PATTERNS.update({
    # claimants (attribution.py)
    "verbs": r"<REPORT_VERBS>",
    # "Amnesty International affirme que", "le ministère a annoncé", "X, pour sa part, estime"
    "subject": r"(?:^|(?<=[,;:\"“”«»])\s*|(?<=[-–—]\s)|(?<!\w)<CLAUSE_OPENERS>\s*)"
               r"(?P<np>[^\s,;:\"“”«»\d](?:[^,;:\"“”«».\d]|\.(?=\s*\w)){0,70}?)"
               r"(?:\s+(?:a|ont|avait|avaient|aurait|auraient|va|vont|également|aussi|déjà|encore|récemment|"
               r"lui-même|elle-même|de\s+son\s+côté)|\s*,\s*(?:pour\s+sa\s+part|de\s+son\s+côté|quant\s+à\s+lui|"
               r"quant\s+à\s+elle|toutefois|cependant)\s*,)*"
               r"\s+(?P<verb>(?-i:<@verbs>))(?!\w)",
    "described": r"(?:^|(?<=[,;:\"“”«»])\s*|(?<!\w)<CLAUSE_OPENERS>\s*)"
                 r"(?P<np>[A-Z][^,;:\"“”«».\d]{0,50}?),\s*(?:une?|l['’])\s*[^,;:\"“”«»]{2,70},\s*"
                 r"(?:a\s+|ont\s+)?(?P<verb>(?-i:<@verbs>))(?!\w)",
    "a_comma": r",\s*(?:une?\s|l['’])",
    # "selon l'ONU", "d'après Airwars", "..., affirme Amnesty International", "..., a indiqué à l'AFP un responsable"
    "after_verb": r"(?P<lead>(?<!\w)selon|(?<!\w)d['’]apr[èe]s|(?<!\w)de\s+source|[,;]['\"”’»]?\s*(?:a|ont|avait|avaient)?\s*"
                  r"(?:déclaré|indiqué|affirmé|annoncé|précisé|ajouté|souligné|estimé|rapporté|raconté|expliqué|assuré|"
                  r"déclare|indique|affirme|annonce|précise|ajoute|souligne|estime|rapporte|raconte|explique|assure|"
                  r"dit|selon|a-t-il\s+déclaré|a-t-elle\s+déclaré|a-t-il\s+dit|a-t-elle\s+dit|a-t-il\s+précisé)"
                  r"(?:\s+(?:à|au|aux)\s+(?:l['’])?\s*[A-Z][\w-]*)?|(?<!\w)cité\s+par|(?<!\w)citant)\s*"
                  r"(?P<np>[^,.;:()]{2,90})",
    "not_speaker": r"(?:à|au|aux|en|dans|lors|après|avant|depuis|pendant|sur|via|avec|sans|pour|par|que|qu['’]|ce|cette|"
                   r"hier|aujourd['’]hui|mercredi|<WEEKDAYS>|<MONTHS>)(?!\w)",
    "appositive": r"(?:^|[,;]\s*)(?P<np>(?:[Ll][ae]|[Ll]['’]|[Ll]es)\s*[^,;:\"“”«»().\d]{2,70}?),\s*$",
    "time_lead": r"(?:(?:ce\s+|le\s+)?<WEEKDAYS>|hier|aujourd['’]hui|récemment|plus\s+tôt)\s+",
    "age": r",\s*(?:âgée?\s+de\s+)?\d{1,3}(?:\s+ans)?\s*,?\s*$",
    "relative_lead": r"(?:qui|lequel|laquelle|s['’]exprimant|parlant|interrogée?|cité)\s",
    "relative": r",\s*<@relative_lead>[^,;:\"“”«»]{1,70}$",
    "a_description": r"\s*(?:une?|l['’])\s*",
    "proper": r"(?:(?:[Ll][ae]|[Ll]['’]|[Ll]es)\s*)?[A-Z][\w.&'’-]*(?:\s+(?:(?:de|du|des|d['’]|pour|la|le|l['’]|et|en)\s*)*[A-Z][\w.&'’-]*)*",
    "np_data": r"(?:^|(?<=\s))(?:[Uu]ne?|[Ll][ae]|[Ll]['’])\s*(?P<np>[A-Z][\w.&-]*(?:\s+[A-Za-z][\w.&-]*){0,4}?)\s+"
               r"(?:(?:nouveau|dernier|dernière|nouvelle|officiel|officielle)\s+)*<NP_DATA_NOUNS>\s+(?:de|d['’]|fait|fait\s+état)\b",
    # "selon un bilan de l'ONU", "un décompte établi par Airwars", "un rapport publié par Amnesty"
    "data_by": r"(?<!\w)(?i:<DATA_NOUNS_NOT_TOLL>|bilan)\s+(?:(?:provisoire|nouveau|dernier|officiel|détaillé)\s+)?"
               r"(?:\w+(?:é|ée|és|ées|i|ie|is|it)\s+)?(?:(?:par|de|du|des)\s+(?=la\s|le\s|les\s|l['’]|[A-Z])|d['’](?=[A-Z]))"
               r"(?P<np>[^,.;:()]{1,60})",
    "figure_by": r"(?P<num>\d(?:[\d\s.]*\d)?)(?:\s+[a-zé]+){0,2}\s+(?:publiés?|avancés?|annoncés?|recensés?|"
                 r"documentés?|confirmés?|fournis|cités?)\s+par\s+(?P<np>[^,.;:()]{2,60})",
    "trim": r"\s+(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|hier|dans\s+(?:un|une|son|sa|ses|leur)|"
            r"(?-i:qui|que|dont)|publié|publiée|publiés|rendu|rendue|cité|citée|selon|a|ont|avait|fin|début|"
            r"depuis|lors|en\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|"
            r"le\s+\d|à\s+(?:l['’]|la|le)?\s*(?:AFP|Reuters|AP|RFI)|à\s+la\s+presse|aux\s+journalistes)\b.*$",
    "modifier_only": r"-(?:soutenu|mené|basé)$",
    "article": r"^(?:une?\s+|les?\s+|la\s+|l['’]\s*|des\s+|par\s+)",
    "figure_lead": r"(?:\d|(?:au\s+moins|plus\s+de|environ|près\s+de|quelque|jusqu['’]à)\s)",
    "preposition": r"(?:à|au|aux|en|dans|pour|de|avec|par|pendant|après|avant|sous|sur)\s",
    "lead_conj": r"^(?:bien\s+que|tandis\s+que|alors\s+que|mais|et|or)\s+(?=\S+\s)",
    "according": r"\s*(?:selon|d['’]apr[èe]s)(?!\w)",
    "noun_use": r"\s+(?:de|des|d['’])(?!\w)",
    "participle": r"\s+par(?!\w)",
    "passive": r"(?:^|\s)(?:être|été|est|sont|était|étaient|a\s+été|ont\s+été)(?:\s+\w+ment)?\s*$",
    "lives": r"\s+(?:la\s+)?vie\b",
    "claim_verb": r"(?!)",
    "source_label": r"[(\[]\s*Sources?\s*:\s*(?P<np>[^()\[\];]{2,60}?)\s*[)\]]|"
                    r"(?:^|[.;|\n]\s*)Sources?\s*:\s*(?P<np2>[^()\[\];.]{2,60}?)\s*$",
    "anaphor": r"(?:l['’]\s*|la\s+|le\s+|les\s+|cette\s+|cet\s+|ce\s+)(?:ONG|organisation|agence|ministère|mission|"
               r"observatoire|institution|commission|rapport|étude|enquête|organisme|groupe|coalition|bureau|"
               r"autorités|responsables|chercheurs|enquêteurs|dernière|dernier)",
})
# places (places.py): the gazetteer (estimates/gazetteer.py) knows every town; these are the names French
# copy writes and the shapes of a part of a city
PLACE_CITIES = ["Mossoul", "Raqqa", "Rakka", "Alep", "Gaza", "Falloujah", "Fallouja", "Ramadi", "Tikrit", "Bagdad",
                "Erbil", "Kirkouk", "Tal Afar", "Tall Afar", "Hawija", "Sinjar", "Qayyarah", "Qayyara",
                "Hammam al-Alil", "Bartella", "Bachiqa", "Baïji", "Samarra", "Bassora", "Nadjaf", "Kerbala",
                "Deir ez-Zor", "Deir Ezzor", "Idleb", "Idlib", "Homs", "Hama", "Damas", "Douma", "Ghouta",
                "Kobané", "Manbij", "Palmyre", "Sanaa", "Hodeïda", "Taëz", "Aden", "Khan Younès", "Rafah",
                "Marioupol", "Syrte", "Benghazi", "Tripoli", "Mogadiscio", "Bakhmout", "Kharkiv", "Kaboul",
                "Haditha", "Qaraqosh", "Hamdaniya", "Makhmour", "Baqouba", "Bakouba", "Dohouk", "Souleimaniyé",
                "Mayadine", "Boukamal", "Tabqa", "Hajine", "Baghouz", "Hassaké", "Qamichli", "al-Bab", "Jarablous",
                "Mossoul al-Jadida"]
PLACE_PROVINCES = ["Ninive", "province de Ninive", "plaine de Ninive", "Anbar", "province d'Anbar", "Salaheddine",
                   "Diyala", "Kurdistan", "Kurdistan irakien", "bande de Gaza", "Cisjordanie"]
PLACE_COUNTRIES = ["Irak", "Iraq", "Syrie", "Yémen", "Libye", "Afghanistan", "Ukraine", "Somalie", "Liban", "Israël"]
PLACE_NEIGHBOURHOODS = ["Karrada", "Sadr City", "Kadhimiya", "Zanjili", "al-Zanjili", "Yarmouk", "al-Yarmouk",
                        "Bab Sinjar", "Bab al-Tob", "Nabi Younès", "al-Dawasa", "al-Tayaran", "Gogjali", "al-Zahra",
                        "al-Chifa", "al-Shifa", "al-Maidan", "al-Farouk", "Chajaïya", "Shejaiya"]
DIRECTIONS = ["ouest", "est", "nord", "sud"]
LOCAL_NOUNS = ["quartier", "district", "marché", "camp", "village", "faubourg", "secteur", "place", "hôpital",
               "localité", "prison", "pont", "aéroport", "mosquée", "école"]
PATTERNS.update({
    "place_old_city": r"(?<!\w)(?:la\s+)?[Vv]ieille\s+ville(?:\s+de\s+[A-Z][\w-]+)?",
    # "le quartier de Zanjili", "le camp de Hasansham", "le marché de Karrada"
    "place_local_of": r"(?<!\w)<LOCAL_NOUNS>(?:\s+[a-zéèêàç]+)?\s+(?:de\s+|d['’]\s*|du\s+)?(?:(?:al|el)-)?[A-Z][\w'’-]*(?:\s+(?:al-)?[A-Z][\w'’-]*)?",
    "place_neighbourhood": r"(?<!\w)<PLACE_NEIGHBOURHOODS>(?!\w)",
    # "Mossoul-Ouest", "l'ouest de Mossoul", "l'est de Mossoul"
    "place_part_of_city": r"(?<!\w)<PLACE_CITIES>-<DIRECTIONS>(?!\w)|(?<!\w)(?:l['’]\s*)?<DIRECTIONS>\s+(?:de\s+)?<PLACE_CITIES>(?!\w)",
    "place_city": r"(?<!\w)<PLACE_CITIES>(?!\w)",
    "place_province": r"(?<!\w)<PLACE_PROVINCES>(?!\w)",
    "place_country": r"(?<!\w)<PLACE_COUNTRIES>(?!\w)",
    "place_the": r"^(?:la\s+|le\s+|l['’]\s*)",
    "place_kind_of": r"^(?:la\s+|le\s+|l['’]\s*)?(?:ville|<LOCAL_NOUNS>)(?:\s+[a-zéèêàç]+)?\s+(?:de\s+|d['’]\s*|du\s+)?",
    "place_leading_word": r"^(?:La|Le|Les|L['’]|Un|Une|Ce|Cette|Dans|À|Au)\s+",
    "place_local_false": r"^(?:La|Le|Les|L['’]|Un|Une|Ce|Cette|Dans|À|Au)\b",
})
PLACE_RULES = [(4, "place_old_city", "cased"), (4, "place_local_of", "cased"), (4, "place_neighbourhood", "folded"),
               (3, "place_part_of_city", "folded"), (2, "place_city", "folded"), (1, "place_province", "folded"),
               (0, "place_country", "folded")]

# figures that count part of the figure before: "1 284 civils ont été tués en Irak, dont 962 dans la province de
# Ninive"; a small word before a toll noun is an article, not one ("Un bilan près de dix fois supérieur")
TOLL_NOUNS = ["bilan", "bilans"]
PATTERNS.update({
    "subset_lead": r"(?:,\s*|\s)(?:dont|parmi\s+lesquels|parmi\s+lesquelles|parmi\s+eux)\s*$",
    # adjectives after the victims noun: "policiers fédéraux", "civils irakiens"
    "post_modifiers": r"(?:\s+(?:<MODIFIER_WORDS>)(?![\w'’-]))+",
})
MODIFIER_WORDS = [w for ws in MODIFIERS.values() for w in ws if len(w) > 3] + ["fédéraux", "fédérale", "fédérales",
                                                                                "irakienne", "kurde", "tués", "blessés"]
