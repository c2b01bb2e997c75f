"""French typography in the site's own interface strings (issue 13).

Rich text and page titles get French typography when they are shown (the `typo_fr` filter). The
strings the project writes itself — gettext messages in templates and Python, and the French of
`locale/fr/LC_MESSAGES/django.po` — get the same typography in the source, with this tool and the
same rules (`webassoc.typography.french_html`, nothing re-implemented here):

- an apostrophe between two letters becomes ’ (U+2019): « Vous n’êtes plus disponible » ;
- the ordinary space typed before ? ! : ; and » becomes a no-break space (U+00A0), and so does the
  one after «, and between a number and % or € (no space is added where none was typed: 10:30).

The no-break space is invisible in an editor: let the tool type it (`--write`) rather than typing it.

Where it looks:
- templates (templates/**, <app>/templates/**): the message of {% translate "…" %} / {% trans %},
  the text of {% blocktranslate %}…{% endblocktranslate %} (and {% blocktrans %}), _("…") inside
  {{ … }} and {% … %}, and the space typed between such a text and the ? ! : ; that follows it
  (`{% translate "Lieu" %} : …` → `&nbsp;:` in HTML, U+00A0 in the .txt of e-mails);
- Python (every package of the project but tests/ and migrations/): the message arguments of the
  gettext functions imported from django.utils.translation (_, gettext, gettext_lazy, ngettext,
  pgettext…): never a pgettext context nor any other string of the code;
- locale/fr/LC_MESSAGES/django.po: the msgstr only (the msgids are Wagtail's English keys).

What it leaves as it is:
- placeholders (%(name)s, %s, {name}, {{ variable }}, {% plural %}), HTML tags and their
  attributes, web and e-mail addresses, <code>/<pre> contents;
- English msgids that the catalogue of Django, Wagtail or another installed package translates
  (changing them would lose the translation);
- CSV column headings (`export_headings = {…}`): other tools read those columns by name;
- a gettext call with the comment `# french_strings: keep` on one of its lines (in a template,
  `{# french_strings: keep #}` on the line of the tag).

Usage (from the project's directory):

    .venv/bin/python scripts/french_strings.py            # same as --check: list file:line, exit 1
    .venv/bin/python scripts/french_strings.py --write    # fix in place, recompile django.mo

`--write` is idempotent (a second run changes nothing) and touches only the text of the strings. A
model's verbose_name, help_text or choices labels are part of its migrations: after `--write`, run
`.venv/bin/python manage.py makemigrations` (`make test` fails until then). The guard test
`tests/webassoc/test_french_strings.py` runs the check with the test suite.
"""

import argparse
import ast
import gettext as gettext_module
import io
import re
import subprocess
import sys
import tokenize
from dataclasses import dataclass
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
if str(BASE_DIR) not in sys.path:  # run as a file (`python scripts/french_strings.py`)
    sys.path.insert(0, str(BASE_DIR))

from webassoc.typography import french_html  # noqa: E402  (after the path is set)

FIX_COMMAND = ".venv/bin/python scripts/french_strings.py --write"
PO_FILE = BASE_DIR / "locale" / "fr" / "LC_MESSAGES" / "django.po"
NBSP_SHOWN_AS = "⍽"  # how the invisible U+00A0 is shown in the reports
KEEP_MARK = "french_strings: keep"
SKIPPED_DIRS = {"tests", "migrations", ".venv", "venv", "node_modules", "staticfiles", "media", "media-test",
                "screenshots", ".git", "__pycache__"}

# The message arguments of each gettext function (positions): never a context nor a number.
GETTEXT_FUNCTIONS = {
    "gettext": (0,), "gettext_lazy": (0,), "gettext_noop": (0,),
    "ngettext": (0, 1), "ngettext_lazy": (0, 1),
    "pgettext": (1,), "pgettext_lazy": (1,),
    "npgettext": (1, 2), "npgettext_lazy": (1, 2),
}

# Spans kept exactly as written inside a message (each is hidden behind a private-use character
# while the typography is applied).
PYTHON_PLACEHOLDER = re.compile(r"%\([^)]*\)[#0+ -]*\d*(?:\.\d+)?[a-zA-Z]|%[sdifr]|\{[^{}]*\}")
TEMPLATE_PLACEHOLDER = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.S)
_HIDDEN = 0xE000  # first private-use character
_HIDDEN_CHARACTER = re.compile("[\ue000-\uf8ff]")

# Templates.
_LITERAL = r"(?:\"(?:[^\"\\\n]|\\.)*\"|'(?:[^'\\\n]|\\.)*')"
TRANSLATE_TAG = re.compile(r"\{%\s*(?:translate|trans)\s+(?P<literal>" + _LITERAL + r")")
BLOCKTRANSLATE = re.compile(
    r"(?P<open>\{%\s*blocktrans(?:late)?\b.*?%\})(?P<body>.*?)\{%\s*endblocktrans(?:late)?\s*%\}", re.S
)
TEMPLATE_TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
# The space typed between a translated text and the punctuation that follows it in the template:
# {% translate "Lieu" %} : {{ place }}
AFTER_TRANSLATION = re.compile(
    r"(?P<tag>\{%\s*(?:translate|trans)\s+" + _LITERAL + r"[^%\n]*%\}|\{%\s*endblocktrans(?:late)?\s*%\})"
    r"(?P<space>[ \t]+)(?=[?!:;»])"
)
_SCRIPT = re.compile(r"<(script|style)\b.*?</\1\s*>", re.S | re.I)
UNDERSCORE_CALL = re.compile(r"(?<![\w.])_\(\s*(?P<literal>" + _LITERAL + r")\s*\)")

# Python escapes (other than the delimiter's own quote) are kept as written.
_PYTHON_ESCAPE = re.compile(r"\\(?:x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[0-7]{1,3}|.)", re.S)
_PO_ESCAPE = re.compile(r"\\.", re.S)
_PO_STRING = re.compile(r'^(?P<head>(?:msgstr(?:\[\d+\])?|msgid(?:_plural)?|msgctxt)\s+)?"(?P<body>(?:[^"\\]|\\.)*)"\s*$')


@dataclass
class Finding:
    path: Path
    line: int
    old: str
    new: str
    fixable: bool = True  # False: the tool cannot rewrite this literal itself (fix it by hand)

    def __str__(self):
        where = f"{self.path.relative_to(BASE_DIR)}:{self.line}"
        how = "" if self.fixable else "  (à corriger à la main)"
        return f"{where}: {shown(self.old)}  →  {shown(self.new)}{how}"


def shown(text):
    return repr(text.replace("\u00a0", NBSP_SHOWN_AS))


def typographic(text, placeholders=None, html=True):
    """`text` with the typography of `typo_fr`, the spans matched by `placeholders` kept as written.

    In HTML (`html`), a string that writes its no-break spaces `&nbsp;` keeps writing them so.
    """
    if _HIDDEN_CHARACTER.search(text):
        return text  # private-use characters already there: leave the string alone
    kept = []

    def hide(match):
        kept.append(match.group(0))
        return chr(_HIDDEN + len(kept) - 1)

    if placeholders is not None:
        text = placeholders.sub(hide, text)
    text = _as_written(french_html(text), html and "&nbsp;" in text)
    return _HIDDEN_CHARACTER.sub(lambda match: kept[ord(match.group(0)) - _HIDDEN], text)


def _as_written(text, entities):
    return text.replace("\u00a0", "&nbsp;") if entities else text


def rewrite_body(body, quote, escape, placeholders, html=True):
    """The source `body` of a quoted literal rewritten with `typographic`, its escapes kept.

    `quote` is the delimiter when it must be escaped inside (a one-character quote), else None:
    `\\'` is then read as an apostrophe and any quote left is escaped again.
    """
    escapes = []

    def hide_escape(match):
        if quote and match.group(0) == "\\" + quote:
            return quote
        escapes.append(match.group(0))
        return chr(_HIDDEN + len(escapes) - 1)

    if _HIDDEN_CHARACTER.search(body):
        return body
    text = escape.sub(hide_escape, body) if escape else body
    first_placeholder = len(escapes)
    kept = []

    def hide(match):
        kept.append(match.group(0))
        return chr(_HIDDEN + first_placeholder + len(kept) - 1)

    if placeholders is not None:
        text = placeholders.sub(hide, text)
    text = _as_written(french_html(text), html and "&nbsp;" in text)

    def show(match):
        index = ord(match.group(0)) - _HIDDEN
        return kept[index - first_placeholder] if index >= first_placeholder else match.group(0)

    text = _HIDDEN_CHARACTER.sub(show, text)
    if quote:
        text = text.replace(quote, "\\" + quote)
    return _HIDDEN_CHARACTER.sub(lambda match: escapes[ord(match.group(0)) - _HIDDEN], text)


# --- Messages that belong to other catalogues ---------------------------------------------------

_known_msgids = None


def known_msgids():
    """Msgids translated by the French catalogues of the installed packages (Django, Wagtail…)."""
    global _known_msgids
    if _known_msgids is None:
        import django

        site_packages = Path(django.__file__).resolve().parent.parent
        _known_msgids = set()
        for path in site_packages.glob("**/locale/fr/LC_MESSAGES/django.mo"):
            with path.open("rb") as mo:
                try:
                    catalog = gettext_module.GNUTranslations(mo)._catalog
                except (OSError, ValueError):
                    continue
            for key in catalog:
                msgid = key[0] if isinstance(key, tuple) else key
                _known_msgids.add(msgid.split("\x04", 1)[-1])
        _known_msgids.discard("")
    return _known_msgids


# --- Python ------------------------------------------------------------------------------------


def python_files():
    for package in sorted(BASE_DIR.iterdir()):
        if package.is_dir() and package.name not in SKIPPED_DIRS and (package / "__init__.py").exists():
            for path in sorted(package.rglob("*.py")):
                if not SKIPPED_DIRS.intersection(path.relative_to(BASE_DIR).parts):
                    yield path


def gettext_messages(tree):
    """The string constants that are gettext messages in `tree`, with the call they belong to."""
    functions, modules = {}, set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "django.utils.translation":
            for alias in node.names:
                if alias.name in GETTEXT_FUNCTIONS:
                    functions[alias.asname or alias.name] = alias.name
        elif isinstance(node, ast.ImportFrom) and node.module == "django.utils":
            modules.update(alias.asname or alias.name for alias in node.names if alias.name == "translation")
        elif isinstance(node, ast.Import):
            modules.update(alias.asname for alias in node.names
                           if alias.name == "django.utils.translation" and alias.asname)
    if not functions and not modules:
        return
    headings = set()  # calls left alone: column names and keys that other tools read
    for node in ast.walk(tree):
        targets = []
        if isinstance(node, ast.Assign):
            targets, value = node.targets, node.value
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            targets, value = [node.target], node.value
        elif isinstance(node, ast.keyword) and node.arg == "export_headings":
            targets, value = [ast.Name(id="export_headings")], node.value
        names = {getattr(target, "id", getattr(target, "attr", None)) for target in targets}
        if "export_headings" in names and value is not None:
            headings.update(id(call) for call in ast.walk(value) if isinstance(call, ast.Call))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or id(node) in headings:
            continue
        name = None
        if isinstance(node.func, ast.Name):
            name = functions.get(node.func.id)
        elif isinstance(node.func, ast.Attribute) and isinstance(node.func.value, ast.Name):
            if node.func.value.id in modules and node.func.attr in GETTEXT_FUNCTIONS:
                name = node.func.attr
        if name is None:
            continue
        for position in GETTEXT_FUNCTIONS[name]:
            if position < len(node.args):
                argument = node.args[position]
                if isinstance(argument, ast.Constant) and isinstance(argument.value, str):
                    yield node, argument


def check_python(path, source):
    """(findings, new source) for one Python file."""
    try:
        tree = ast.parse(source)
    except SyntaxError as error:
        print(f"{path.relative_to(BASE_DIR)}: ignoré (syntaxe : {error})", file=sys.stderr)
        return [], source
    lines = source.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(row, byte_column):  # ast columns are UTF-8 bytes, tokenize's are characters
        return starts[row - 1] + len(lines[row - 1].encode()[:byte_column].decode(errors="ignore"))

    tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
    strings = [(starts[t.start[0] - 1] + t.start[1], starts[t.end[0] - 1] + t.end[1], t.string)
               for t in tokens if t.type == tokenize.STRING]
    kept_lines = {t.start[0] for t in tokens if t.type == tokenize.COMMENT and KEEP_MARK in t.string}
    findings, edits = [], []
    for call, argument in gettext_messages(tree):
        old = argument.value
        new = typographic(old, PYTHON_PLACEHOLDER)
        if new == old or old in known_msgids():
            continue
        if kept_lines.intersection(range(call.lineno, call.end_lineno + 1)):
            continue
        begin = offset(argument.lineno, argument.col_offset)
        end = offset(argument.end_lineno, argument.end_col_offset)
        pieces = [(start, stop, text) for start, stop, text in strings if begin <= start and stop <= end]
        rewritten = [(start, stop, rewrite_python_literal(text)) for start, stop, text in pieces]
        try:
            fixable = "".join(ast.literal_eval(text) for _, _, text in rewritten) == new
        except (SyntaxError, ValueError, TypeError):
            fixable = False
        findings.append(Finding(path, argument.lineno, old, new, fixable))
        if fixable:
            edits.extend(piece for piece, original in zip(rewritten, pieces, strict=True) if piece != original)
    return findings, apply_edits(source, edits)


def rewrite_python_literal(literal):
    match = re.match(r"(?P<prefix>[a-zA-Z]*)(?P<quote>'''|\"\"\"|'|\")", literal)
    prefix, quote = match.group("prefix"), match.group("quote")
    if "b" in prefix.lower() or "f" in prefix.lower():
        return literal
    body = literal[len(prefix) + len(quote):-len(quote)]
    raw = "r" in prefix.lower()
    body = rewrite_body(body, None if (raw or len(quote) == 3) else quote, None if raw else _PYTHON_ESCAPE,
                        PYTHON_PLACEHOLDER)
    if raw and quote in body:
        return literal
    return prefix + quote + body + quote


def apply_edits(text, edits):
    """`text` with each (start, stop, new) edit applied; an edit overlapping one already applied is
    left for the next run (never two edits on the same characters)."""
    limit = len(text)
    for start, stop, new in sorted(set(edits), reverse=True):
        if stop <= limit:
            text = text[:start] + new + text[stop:]
            limit = start
    return text


# --- Templates ---------------------------------------------------------------------------------


def template_files():
    folders = [BASE_DIR / "templates"]
    folders += sorted(folder for folder in BASE_DIR.glob("*/templates")
                      if folder.parent.name not in SKIPPED_DIRS and not folder.parent.is_symlink())
    for folder in folders:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not SKIPPED_DIRS.intersection(path.relative_to(BASE_DIR).parts):
                yield path


def template_literal_value(literal):
    quote = literal[0]
    return literal[1:-1].replace("\\" + quote, quote).replace("\\\\", "\\")


def check_template(path, source):
    """(findings, new source) for one template."""
    findings, edits = [], []
    html = path.suffix != ".txt"  # e-mail bodies and subjects are plain text: no &nbsp; there
    kept_lines = {source.count("\n", 0, match.start()) + 1
                  for match in re.finditer(r"\{#[^#]*" + re.escape(KEEP_MARK), source)}

    def consider(start, stop, old_value, new_source, new_value):
        line = source.count("\n", 0, start) + 1
        if new_value == old_value or old_value in known_msgids() or line in kept_lines:
            return
        findings.append(Finding(path, line, old_value, new_value))
        edits.append((start, stop, new_source))

    def literal(match, group="literal"):
        text = match.group(group)
        quote = text[0]
        value = template_literal_value(text)
        new_text = quote + rewrite_body(text[1:-1], quote, _PO_ESCAPE, None, html) + quote
        if template_literal_value(new_text) != typographic(value, html=html):
            findings.append(Finding(path, source.count("\n", 0, match.start()) + 1, value,
                                    typographic(value, html=html), False))
            return
        consider(match.start(group), match.end(group), value, new_text, template_literal_value(new_text))

    blocks = [(match.start("body"), match.end("body")) for match in BLOCKTRANSLATE.finditer(source)]
    for match in BLOCKTRANSLATE.finditer(source):
        body = match.group("body")
        new = typographic(body, TEMPLATE_PLACEHOLDER, html)
        consider(match.start("body"), match.end("body"), body, new, new)
    for match in TRANSLATE_TAG.finditer(source):
        literal(match)
    for tag in TEMPLATE_TAG.finditer(source):
        if any(start <= tag.start() < stop for start, stop in blocks):
            continue  # a placeholder of a blocktranslate, kept as it is
        for match in UNDERSCORE_CALL.finditer(tag.group(0)):
            shifted = _Shifted(match, tag.start())
            literal(shifted)
    scripts = [(match.start(), match.end()) for match in _SCRIPT.finditer(source)]
    for match in AFTER_TRANSLATION.finditer(source):
        line = source.count("\n", 0, match.start()) + 1
        if line in kept_lines or any(start <= match.start() < stop for start, stop in scripts):
            continue
        following = source[match.end():match.end() + 1]
        findings.append(Finding(path, line, match.group("space") + following, "\u00a0" + following))
        edits.append((match.start("space"), match.end("space"), "&nbsp;" if html else "\u00a0"))
    return findings, apply_edits(source, edits)


class _Shifted:
    """A match inside a tag, with positions in the whole template."""

    def __init__(self, match, shift):
        self.match, self.shift = match, shift

    def group(self, name=0):
        return self.match.group(name)

    def start(self, name=0):
        return self.match.start(name) + self.shift

    def end(self, name=0):
        return self.match.end(name) + self.shift


# --- The French catalogue (.po) ----------------------------------------------------------------


def po_value(body):
    escapes = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}
    return _PO_ESCAPE.sub(lambda match: escapes.get(match.group(0)[1], match.group(0)), body)


def po_entries(source):
    """Each entry of a .po as {"msgctxt"?, "msgid", "msgid_plural"?, "msgstr[n]" or "msgstr": [(line index, body)]}."""
    entries, entry, current = [], {}, None
    for index, line in enumerate(source.splitlines()):
        match = _PO_STRING.match(line)
        if not match:
            current = None
            if not line.strip() and entry:
                entries.append(entry)
                entry = {}
            continue
        head = (match.group("head") or "").strip()
        if head:
            if head in ("msgctxt", "msgid") and any(key.startswith("msgstr") for key in entry):
                entries.append(entry)
                entry = {}
            current = head
            entry[current] = []
        if current is not None:
            entry[current].append((index, match.group("body")))
    if entry:
        entries.append(entry)
    return entries


def check_po(path, source):
    """(findings, new source) for the French catalogue: its msgstr."""
    lines = source.splitlines(keepends=True)
    findings = []
    for entry in po_entries(source):
        if "".join(po_value(body) for _, body in entry.get("msgid", [])) == "":
            continue  # the header
        for key, pieces in entry.items():
            if not key.startswith("msgstr"):
                continue
            old = "".join(po_value(body) for _, body in pieces)
            new = typographic(old, PYTHON_PLACEHOLDER)
            if new == old:
                continue
            rewritten = [(index, rewrite_body(body, '"', _PO_ESCAPE, PYTHON_PLACEHOLDER)) for index, body in pieces]
            fixable = "".join(po_value(body) for _, body in rewritten) == new
            findings.append(Finding(path, pieces[0][0] + 1, old, new, fixable))
            if fixable:
                for (index, body), (_, old_body) in zip(rewritten, pieces, strict=True):
                    lines[index] = lines[index].replace(f'"{old_body}"', f'"{body}"', 1)
    return findings, "".join(lines)


def stale_mo(po_path):
    """The msgstr of the .po that its compiled .mo does not hold (it was not recompiled)."""
    mo_path = po_path.with_suffix(".mo")
    if not po_path.exists():
        return []
    if not mo_path.exists():
        return [f"{mo_path.relative_to(BASE_DIR)} manque"]
    with mo_path.open("rb") as mo:
        catalog = gettext_module.GNUTranslations(mo)._catalog
    stale = []
    for entry in po_entries(po_path.read_text(encoding="utf-8")):
        value = {key: "".join(po_value(body) for _, body in pieces) for key, pieces in entry.items()}
        msgid = value.get("msgid", "")
        if not msgid:
            continue
        if "msgctxt" in value:
            msgid = value["msgctxt"] + "\x04" + msgid
        for key, msgstr in value.items():
            if key == "msgstr" and catalog.get(msgid) != msgstr:
                stale.append(msgid)
            elif key.startswith("msgstr[") and catalog.get((msgid, int(key[7:-1]))) != msgstr:
                stale.append(msgid)
    return stale


def compile_mo(po_path):
    subprocess.run(["msgfmt", "-o", po_path.with_suffix(".mo").name, po_path.name], cwd=po_path.parent, check=True)


# --- The whole project -------------------------------------------------------------------------


def scan(write=False):
    """Every finding of the project (and, with `write`, the files rewritten)."""
    findings = []
    sources = [(path, check_python) for path in python_files()]
    sources += [(path, check_template) for path in template_files()]
    if PO_FILE.exists():
        sources.append((PO_FILE, check_po))
    for path, check in sources:
        try:
            source = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            continue
        found, new_source = check(path, source)
        findings.extend(sorted(found, key=lambda finding: finding.line))
        if write and new_source != source:
            path.write_text(new_source, encoding="utf-8")
    return findings


def texts(count):
    """"1 texte", "3 textes" (0 and 1 take the singular in French)."""
    return f"{count} texte" if count < 2 else f"{count} textes"


def report(findings, stale):
    fixable = [finding for finding in findings if finding.fixable]
    lines = [f"{texts(len(findings))} de l'interface sans la typographie française "
             f"(apostrophe ’, espace insécable U+00A0, montrée ici {NBSP_SHOWN_AS}, avant ? ! : ; » et après «) :"]
    lines += [f"  {finding}" for finding in findings]
    if fixable:
        lines.append(f"Corriger : {FIX_COMMAND}   (les espaces insécables sont invisibles : laissez l'outil les taper ;")
        lines.append("  puis .venv/bin/python manage.py makemigrations si des libellés de modèles ont changé)")
    if stale:
        lines.append(f"{PO_FILE.with_suffix('.mo').relative_to(BASE_DIR)} n'est pas à jour ({len(stale)} changés) : "
                     f"cd {PO_FILE.parent.relative_to(BASE_DIR)} && msgfmt -o django.mo django.po")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--check", action="store_true", help="list file:line of the strings to fix, exit 1 if any (default)")
    group.add_argument("--write", action="store_true", help="rewrite them in place and recompile django.mo")
    options = parser.parse_args(argv)
    if options.write:
        po_before = PO_FILE.read_bytes() if PO_FILE.exists() else b""
        findings = scan(write=True)
        if PO_FILE.exists() and (PO_FILE.read_bytes() != po_before or stale_mo(PO_FILE)):
            compile_mo(PO_FILE)
        manual = [finding for finding in findings if not finding.fixable]
        print(f"Textes corrigés : {len(findings) - len(manual)}.")
        if manual:
            print("À corriger à la main :\n" + "\n".join(f"  {finding}" for finding in manual))
        if findings:
            print("Si des libellés de modèles ont changé : .venv/bin/python manage.py makemigrations")
        return 1 if manual else 0
    findings, stale = scan(), stale_mo(PO_FILE)
    if findings or stale:
        print(report(findings, stale))
        return 1
    print("Typographie française des textes de l'interface : rien à corriger.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
