"""French departments, for the place filter of the mission list.

Locations are typed by hand ("Paris", "Rennes", "Paris 20e", "Lyon (69)", "69003 Lyon"), so a
department number or name typed in the filter also looks for the department's name and its
préfecture: "75" finds "Paris 20e", "35" finds "Rennes", "Gironde" finds "Bordeaux". Accents, case
and separators are ignored ("saint etienne" finds "Saint-Étienne").

Patterns are regular expressions that work alike on SQLite (Python's `re`, which Django
registers) and PostgreSQL (`~*`): letters are written with their accented forms in both cases,
so a database in the C locale still folds "É" to "e".
"""

import re
import unicodedata

# The 101 departments: number, name, préfecture. The préfecture of Paris is Paris (its
# arrondissements are typed "Paris 20e" or "75020 Paris").
DEPARTMENTS = [
    ("01", "Ain", "Bourg-en-Bresse"),
    ("02", "Aisne", "Laon"),
    ("03", "Allier", "Moulins"),
    ("04", "Alpes-de-Haute-Provence", "Digne-les-Bains"),
    ("05", "Hautes-Alpes", "Gap"),
    ("06", "Alpes-Maritimes", "Nice"),
    ("07", "Ardèche", "Privas"),
    ("08", "Ardennes", "Charleville-Mézières"),
    ("09", "Ariège", "Foix"),
    ("10", "Aube", "Troyes"),
    ("11", "Aude", "Carcassonne"),
    ("12", "Aveyron", "Rodez"),
    ("13", "Bouches-du-Rhône", "Marseille"),
    ("14", "Calvados", "Caen"),
    ("15", "Cantal", "Aurillac"),
    ("16", "Charente", "Angoulême"),
    ("17", "Charente-Maritime", "La Rochelle"),
    ("18", "Cher", "Bourges"),
    ("19", "Corrèze", "Tulle"),
    ("2A", "Corse-du-Sud", "Ajaccio"),
    ("2B", "Haute-Corse", "Bastia"),
    ("21", "Côte-d’Or", "Dijon"),
    ("22", "Côtes-d’Armor", "Saint-Brieuc"),
    ("23", "Creuse", "Guéret"),
    ("24", "Dordogne", "Périgueux"),
    ("25", "Doubs", "Besançon"),
    ("26", "Drôme", "Valence"),
    ("27", "Eure", "Évreux"),
    ("28", "Eure-et-Loir", "Chartres"),
    ("29", "Finistère", "Quimper"),
    ("30", "Gard", "Nîmes"),
    ("31", "Haute-Garonne", "Toulouse"),
    ("32", "Gers", "Auch"),
    ("33", "Gironde", "Bordeaux"),
    ("34", "Hérault", "Montpellier"),
    ("35", "Ille-et-Vilaine", "Rennes"),
    ("36", "Indre", "Châteauroux"),
    ("37", "Indre-et-Loire", "Tours"),
    ("38", "Isère", "Grenoble"),
    ("39", "Jura", "Lons-le-Saunier"),
    ("40", "Landes", "Mont-de-Marsan"),
    ("41", "Loir-et-Cher", "Blois"),
    ("42", "Loire", "Saint-Étienne"),
    ("43", "Haute-Loire", "Le Puy-en-Velay"),
    ("44", "Loire-Atlantique", "Nantes"),
    ("45", "Loiret", "Orléans"),
    ("46", "Lot", "Cahors"),
    ("47", "Lot-et-Garonne", "Agen"),
    ("48", "Lozère", "Mende"),
    ("49", "Maine-et-Loire", "Angers"),
    ("50", "Manche", "Saint-Lô"),
    ("51", "Marne", "Châlons-en-Champagne"),
    ("52", "Haute-Marne", "Chaumont"),
    ("53", "Mayenne", "Laval"),
    ("54", "Meurthe-et-Moselle", "Nancy"),
    ("55", "Meuse", "Bar-le-Duc"),
    ("56", "Morbihan", "Vannes"),
    ("57", "Moselle", "Metz"),
    ("58", "Nièvre", "Nevers"),
    ("59", "Nord", "Lille"),
    ("60", "Oise", "Beauvais"),
    ("61", "Orne", "Alençon"),
    ("62", "Pas-de-Calais", "Arras"),
    ("63", "Puy-de-Dôme", "Clermont-Ferrand"),
    ("64", "Pyrénées-Atlantiques", "Pau"),
    ("65", "Hautes-Pyrénées", "Tarbes"),
    ("66", "Pyrénées-Orientales", "Perpignan"),
    ("67", "Bas-Rhin", "Strasbourg"),
    ("68", "Haut-Rhin", "Colmar"),
    ("69", "Rhône", "Lyon"),
    ("70", "Haute-Saône", "Vesoul"),
    ("71", "Saône-et-Loire", "Mâcon"),
    ("72", "Sarthe", "Le Mans"),
    ("73", "Savoie", "Chambéry"),
    ("74", "Haute-Savoie", "Annecy"),
    ("75", "Paris", "Paris"),
    ("76", "Seine-Maritime", "Rouen"),
    ("77", "Seine-et-Marne", "Melun"),
    ("78", "Yvelines", "Versailles"),
    ("79", "Deux-Sèvres", "Niort"),
    ("80", "Somme", "Amiens"),
    ("81", "Tarn", "Albi"),
    ("82", "Tarn-et-Garonne", "Montauban"),
    ("83", "Var", "Toulon"),
    ("84", "Vaucluse", "Avignon"),
    ("85", "Vendée", "La Roche-sur-Yon"),
    ("86", "Vienne", "Poitiers"),
    ("87", "Haute-Vienne", "Limoges"),
    ("88", "Vosges", "Épinal"),
    ("89", "Yonne", "Auxerre"),
    ("90", "Territoire de Belfort", "Belfort"),
    ("91", "Essonne", "Évry-Courcouronnes"),
    ("92", "Hauts-de-Seine", "Nanterre"),
    ("93", "Seine-Saint-Denis", "Bobigny"),
    ("94", "Val-de-Marne", "Créteil"),
    ("95", "Val-d’Oise", "Cergy"),
    ("971", "Guadeloupe", "Basse-Terre"),
    ("972", "Martinique", "Fort-de-France"),
    ("973", "Guyane", "Cayenne"),
    ("974", "La Réunion", "Saint-Denis"),
    ("976", "Mayotte", "Mamoudzou"),
]

# Préfectures whose name is also a well-known town of another department: Saint-Denis de La
# Réunion would otherwise find Saint-Denis (93). Their department is found by its number, its
# name, or the names given here, never by the préfecture's name alone.
OTHER_NAMES_INSTEAD_OF_PREFECTURE = {"974": ("Réunion",)}

# A department number as typed: 01–95, 2A, 2B, 971–976.
DEPARTMENT_NUMBER = re.compile(r"(0[1-9]|[1-8][0-9]|9[0-5]|2[ab]|97[1-6])", re.IGNORECASE)

# Each plain letter and the accented forms it stands for, in both cases.
_ACCENTS = {
    "a": "aàâäáãåAÀÂÄÁÃÅ", "c": "cçCÇ", "e": "eéèêëEÉÈÊË", "i": "iîïíìIÎÏÍÌ", "n": "nñNÑ",
    "o": "oôöóòOÔÖÓÒ", "u": "uùûüúUÙÛÜÚ", "y": "yÿYŸ",
}
_SEPARATORS = "[-' ’]*"  # "Ille et Vilaine", "Ille-et-Vilaine", "Côte d'Or", "Côte-d’Or"
_LETTER = "a-zà-ÿA-ZÀ-Ÿ"


def plain_words(text):
    """The words of `text` without accents, in lower case: "Côte-d’Or" → ["cote", "d", "or"]."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return re.findall(r"[^\W_]+", text)


def loose_pattern(text):
    """A regular expression finding `text` whatever its accents, case and separators."""
    return _SEPARATORS.join(
        "".join(f"[{_ACCENTS[ch]}]" if ch in _ACCENTS else re.escape(ch) for ch in word)
        for word in plain_words(text)
    )


_BY_NUMBER = {number.lower(): (number, name, prefecture) for number, name, prefecture in DEPARTMENTS}
_BY_NAME = {" ".join(plain_words(name)): (number, name, prefecture) for number, name, prefecture in DEPARTMENTS}


def department(place):
    """The (number, name, préfecture) of the department `place` names ("35", "2a", "gironde",
    "Ille et Vilaine"), or None."""
    return _BY_NUMBER.get(place.strip().lower()) or _BY_NAME.get(" ".join(plain_words(place)))


def number_pattern(number):
    """A department number inside a location: "69" finds "Lyon (69)" and "69003 Lyon", not
    "Rue du 169"; "974" finds "97400 Saint-Denis" (a postcode has five digits)."""
    rest = 5 - len(number)
    return rf"(^|[^0-9a-z]){re.escape(number)}([0-9]{{{rest}}})?([^0-9a-z]|$)"


def named_pattern(name):
    """A town or department name standing as a place in a location: at the start, after a
    comma, a bracket or a postcode ("Paris 20e", "12 rue X, Paris", "Lyon (Rhône)", "75011
    Paris"), not inside a street name ("169 rue de Paris, Brest") nor a longer name."""
    return rf"(^|[,(/;] *|[0-9] +){loose_pattern(name)}([^{_LETTER}]|$)"


def place_pattern(place):
    """The regular expression (case-insensitive) a mission's location must contain to be at
    `place`, or "" when `place` has nothing to look for.

    A department number or name finds the number, the department's name and its préfecture;
    any other text (a town) finds itself anywhere in the location, accents ignored.
    """
    place = place.strip()
    found = department(place)
    if DEPARTMENT_NUMBER.fullmatch(place):
        patterns = [] if found else [number_pattern(place)]  # 975 is not a department
    else:
        words = loose_pattern(place)
        patterns = [words] if words else []
    if found:
        number, name, prefecture = found
        places = OTHER_NAMES_INSTEAD_OF_PREFECTURE.get(number, (prefecture,))
        patterns += [number_pattern(number), named_pattern(name), *map(named_pattern, places)]
    return "|".join(f"({pattern})" for pattern in dict.fromkeys(patterns))
