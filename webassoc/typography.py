"""French typography for text shown on the site: the one function behind the `typo_fr` filter.

- typographic apostrophe: l'équipe → l’équipe (between two letters only);
- non-breaking space (U+00A0) before « ? ! : ; » and inside « guillemets », replacing the
  ordinary space typed there (never inserted before "?", ":"… where no space was typed: "10:30",
  "https://" stay as they are), between a number and "%", "€" or "h" (hours), and between the
  groups of digits of a large number ("1 400", "2 000 000").

It works on HTML: only text between tags changes. Tags and their attributes, comments, and the
contents of <code>, <pre>, <kbd>, <samp>, <var>, <script>, <style> and <textarea> are left
untouched, and so are web addresses and e-mail addresses written in the text. Applying it twice
changes nothing more.
"""

import re

from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

NBSP = "\u00a0"
APOSTROPHE = "\u2019"

_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_TAG_NAME = re.compile(r"<\s*(/?)\s*([a-zA-Z][\w:-]*)")
_VERBATIM = {"code", "pre", "kbd", "samp", "var", "script", "style", "textarea"}
# Web and e-mail addresses typed in a text: kept exactly as written.
_ADDRESS = re.compile(
    r"((?:[a-z][a-z0-9+.-]*://|www\.|mailto:)[^\s<>\"]+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)",
    re.I,
)
# An apostrophe between two letters, typed or escaped by Django (&#x27;, &#39;).
_APOSTROPHE = re.compile(r"(?<=[^\W\d_])(?:'|&#x27;|&#39;)(?=[^\W\d_])")
_SPACE = r"(?:\s|&nbsp;|&#160;|\u202f)"
_BEFORE = re.compile(_SPACE + r"+([?!:;]|»|&raquo;)")
_AFTER_OPENING = re.compile(r"(«|&laquo;)" + _SPACE + r"*")
_BEFORE_CLOSING = re.compile(r"(?<![\s\u00a0\u202f;])(»|&raquo;)")
_UNIT = re.compile(r"(?<=\d)" + _SPACE + r"+(?=%|€|&euro;|h(?![^\W\d_]))")
# A number written in groups of three digits: "1 400", "2 000 000" (not "01 23 45", not a year).
_GROUPED_NUMBER = re.compile(r"(?<![\d,.])\d{1,3}(?:" + _SPACE + r"\d{3})+(?![\d,.]\d)")
_GROUP_SPACE = re.compile(_SPACE)


def french_time(value):
    """A time of day the French way: "9 h", "9 h 30", "14 h 05" (no leading zero, no ":00"), with
    no-break spaces so that it never wraps in the middle. `value` is a time or a local datetime."""
    if value.minute:
        return f"{value.hour}{NBSP}h{NBSP}{value.minute:02d}"
    return f"{value.hour}{NBSP}h"


_FIRST_DAY = re.compile(r"(?<!\d)1(?= )")


def french_date(value, date_format="j F Y"):
    """A day the French way: "3 mars 2026", and "1er mars 2026", "lundi 1er mars 2026" for the first
    of a month (Django's formats write "1 mars")."""
    from django.utils.formats import date_format as format_date

    text = format_date(value, date_format)
    if date_format.startswith(("j ", "l j ")):
        text = _FIRST_DAY.sub("1er", text, count=1)
    return text


def french_datetime(value, date_format="j F Y"):
    """A moment the French way: "3 mars 2026 à 9 h 30", in local time (`date_format` for the day)."""
    from django.utils import timezone
    from django.utils.translation import gettext

    if timezone.is_aware(value):
        value = timezone.localtime(value)
    return gettext("%(date)s à %(time)s") % {"date": french_date(value, date_format), "time": french_time(value)}


_VOWELS = "aeiouyàâäéèêëîïôöùûüÿœæ"


def with_de(name):
    """`name` after "de", the French way: "des Pousses Solidaires", "du Secours populaire",
    "d’Eau Claire", "d’Alice", "de La Ruche", "de Webassoc" (a leading "h" keeps "de": whether it
    is aspirated depends on the word)."""
    name = " ".join(str(name).split())
    first, _, rest = name.partition(" ")
    if rest and first.lower() == "les":
        return f"des {rest}"
    if rest and first.lower() == "le":
        return f"du {rest}"
    if name[:1].lower() in _VOWELS:
        return f"d{APOSTROPHE}{name}"
    return f"de {name}"


def after_colon(text):
    """`text` placed after a colon: in French its first letter is a small one ("Adresse e-mail :
    vous avez déjà candidaté."), unless the first word is an acronym ("URL", "SIRET")."""
    first_word = str(text).split(" ", 1)[0]
    if len(first_word) > 1 and first_word[1].isupper():
        return text
    lowered = str(text)[:1].lower() + str(text)[1:]
    return mark_safe(lowered) if isinstance(text, SafeData) else lowered


def french_text(text):
    """`text` (plain text, no tags) with French typography: the rules of `french_html` on one piece of text.

    Also used on the site's own interface strings by `scripts/french_strings.py`.
    """
    pieces = _ADDRESS.split(text)
    for index in range(0, len(pieces), 2):  # even pieces are text, odd ones addresses
        piece = _APOSTROPHE.sub(APOSTROPHE, pieces[index])
        piece = _BEFORE.sub(NBSP + r"\1", piece)
        piece = _AFTER_OPENING.sub(r"\1" + NBSP, piece)
        piece = _BEFORE_CLOSING.sub(NBSP + r"\1", piece)
        piece = _GROUPED_NUMBER.sub(lambda number: _GROUP_SPACE.sub(NBSP, number.group()), piece)
        pieces[index] = _UNIT.sub(NBSP, piece)
    return "".join(pieces)


def french_html(html):
    """`html` (a string of HTML) with French typography applied to its text only."""
    parts = _TAG.split(html)
    verbatim = []  # stack of open elements whose contents are left as they are
    for index, part in enumerate(parts):
        if index % 2:
            match = _TAG_NAME.match(part)
            if match and match.group(2).lower() in _VERBATIM and not part.endswith("/>"):
                name = match.group(2).lower()
                if not match.group(1):
                    verbatim.append(name)
                elif name in verbatim:
                    del verbatim[len(verbatim) - 1 - verbatim[::-1].index(name):]
        elif not verbatim and part:
            parts[index] = french_text(part)
    return "".join(parts)


def typo_fr(value):
    """Safe HTML of `value` with French typography: escaped first unless already safe HTML."""
    if value is None:
        return ""
    return mark_safe(french_html(str(conditional_escape(value))))  # RichText has __html__: kept as HTML
