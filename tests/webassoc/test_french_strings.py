"""The site's own interface strings keep French typography (`scripts/french_strings.py`).

The guard: every gettext message of the templates and the Python code, and every msgstr of
locale/fr/LC_MESSAGES/django.po, has ’ between two letters and a no-break space (U+00A0, invisible
in an editor) before ? ! : ; » and after «. The other tests check the tool itself on tricky cases:
it must change the text of the messages and nothing else, and changing nothing the second time.
"""

import pytest

from scripts import french_strings
from scripts.french_strings import BASE_DIR, FIX_COMMAND, check_po, check_python, check_template, typographic

NBSP = "\u00a0"


def test_every_interface_string_has_french_typography():
    findings = french_strings.scan()
    stale = french_strings.stale_mo(french_strings.PO_FILE)
    if findings or stale:
        pytest.fail(
            french_strings.report(findings, stale)
            + "\n\nThe no-break space (U+00A0) is invisible in an editor: do not type it by hand, run\n"
            f"    {FIX_COMMAND}\nthen `git diff` (and `.venv/bin/python manage.py makemigrations` if a model's "
            "help_text or choices changed).",
            pytrace=False,
        )


def python(source):
    findings, rewritten = check_python(BASE_DIR / "example.py", source)
    assert check_python(BASE_DIR / "example.py", rewritten)[0] == []  # a second run finds nothing
    return findings, rewritten


def template(source, name="example.html"):
    findings, rewritten = check_template(BASE_DIR / "templates" / name, source)
    assert check_template(BASE_DIR / "templates" / name, rewritten)[0] == []
    return findings, rewritten


IMPORT = "from django.utils.translation import gettext_lazy as _, ngettext, pgettext\n"


def test_python_messages_get_apostrophes_and_no_break_spaces_with_their_escapes_kept():
    findings, rewritten = python(IMPORT + 'A = _("Vous n\'êtes plus disponible ?")\nB = _(\'C\\\'est « fini » !\\n\')\n')

    assert [finding.line for finding in findings] == [2, 3]
    assert rewritten == IMPORT + (
        f'A = _("Vous n’êtes plus disponible{NBSP}?")\nB = _(\'C’est «{NBSP}fini{NBSP}»{NBSP}!\\n\')\n'
    )


def test_python_placeholders_urls_and_code_are_left_alone():
    source = IMPORT + (
        'A = _("%(name)s : {title} ; voir https://exemple.org/a?b=c:d")\n'
        'B = "Texte hors gettext : l\'équipe"\n'
        'C = pgettext("contexte : l\'équipe", "Fin :")\n'
        'D = ngettext("%(count)s place !", "%(count)s places !", n)\n'
        'E = _("<a href=\'https://x.org/?a=b\'>l\'équipe</a>")\n'
    )

    findings, rewritten = python(source)

    assert rewritten == IMPORT + (
        f'A = _("%(name)s{NBSP}: {{title}}{NBSP}; voir https://exemple.org/a?b=c:d")\n'
        'B = "Texte hors gettext : l\'équipe"\n'
        f'C = pgettext("contexte : l\'équipe", "Fin{NBSP}:")\n'
        f'D = ngettext("%(count)s place{NBSP}!", "%(count)s places{NBSP}!", n)\n'
        'E = _("<a href=\'https://x.org/?a=b\'>l’équipe</a>")\n'
    )
    assert len(findings) == 5


def test_implicitly_concatenated_messages_are_fixed_piece_by_piece():
    source = IMPORT + 'A = _(\n    "Première partie : "\n    "l\'équipe !"\n)\n'

    assert python(source)[1] == IMPORT + f'A = _(\n    "Première partie{NBSP}: "\n    "l’équipe{NBSP}!"\n)\n'


def test_csv_headings_english_msgids_and_marked_lines_are_kept_and_field_labels_fixed():
    source = IMPORT + (
        'class View:\n'
        '    export_headings = {"a": _("Nom de l\'association")}\n'
        'class Model:\n'
        '    site = models.URLField(_("site de l\'association"), help_text=_("Vide : rien"))\n'
        '    other = ParentalKey("x", verbose_name=_("page d\'accueil"))\n'
        'A = _("No, don\'t move")\n'  # Wagtail's msgid: its French translation must still be found
        'B = _("sorties de liste d\'attente")  # french_strings: keep (CSV column)\n'
    )

    findings, rewritten = python(source)

    assert [finding.old for finding in findings] == ["site de l'association", "Vide : rien", "page d'accueil"]
    assert rewritten == (source.replace("Vide : rien", f"Vide{NBSP}: rien")
                         .replace("site de l'association", "site de l’association")
                         .replace("page d'accueil", "page d’accueil"))


def test_translate_tags_blocktranslate_and_underscore_calls_in_templates():
    source = (
        '{% load i18n %}<p title="{% translate \'Qu\\\'y a-t-il ?\' %}">{% translate "L\'équipe" as team %}'
        '{% blocktranslate with title=page.title %}La mission « {{ title }} » : {{ n|date:"H:i" }} !'
        '{% plural %}Les missions !{% endblocktranslate %}</p>'
        '{% include "x.html" with label=_("C\'est parti !") %}<a href="/a?b=c:d" class="a : b">Hors gettext ?</a>'
    )

    findings, rewritten = template(source)

    assert rewritten == (
        f'{{% load i18n %}}<p title="{{% translate \'Qu’y a-t-il{NBSP}?\' %}}">{{% translate "L’équipe" as team %}}'
        f'{{% blocktranslate with title=page.title %}}La mission «{NBSP}{{{{ title }}}}{NBSP}»{NBSP}: '
        f'{{{{ n|date:"H:i" }}}}{NBSP}!{{% plural %}}Les missions{NBSP}!{{% endblocktranslate %}}</p>'
        f'{{% include "x.html" with label=_("C’est parti{NBSP}!") %}}<a href="/a?b=c:d" class="a : b">Hors gettext ?</a>'
    )
    assert len(findings) == 4


def test_html_templates_keep_their_nbsp_entities_and_text_templates_get_the_character():
    html = '{% translate "Vous n\'avez rien demandé&nbsp;? Alors :" %} {% translate "Lieu" %} : x'
    text = '{% translate "Rien demandé&nbsp;? Alors :" %} {% translate "Lieu" %} : x'

    assert template(html)[1] == (
        '{% translate "Vous n’avez rien demandé&nbsp;? Alors&nbsp;:" %} {% translate "Lieu" %}&nbsp;: x'
    )
    assert template(text, "mail.txt")[1] == (
        f'{{% translate "Rien demandé{NBSP}? Alors{NBSP}:" %}} {{% translate "Lieu" %}}{NBSP}: x'
    )


def test_english_msgids_of_wagtail_in_templates_are_kept():
    source = '{% load i18n %}{% translate "You haven\'t created any tasks." %}{% trans "Save" %}'

    assert template(source) == ([], source)


def test_only_the_msgstr_of_the_po_change():
    source = (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        'msgid "%(model_name)s \'%(object)s\' updated."\n'
        'msgstr "« %(object)s » : modifications enregistrées."\n\n'
        'msgid "The item couldn\'t be saved."\nmsgid_plural "The items couldn\'t be saved."\n'
        'msgstr[0] "L\'élément n\'a pas pu être enregistré : "\n"\\"corrigez\\"."\n'
        'msgstr[1] "Les éléments n\'ont pas pu être enregistrés."\n'
    )

    findings, rewritten = check_po(BASE_DIR / "django.po", source)

    assert rewritten == (
        'msgid ""\nmsgstr ""\n"Language: fr\\n"\n\n'
        'msgid "%(model_name)s \'%(object)s\' updated."\n'
        f'msgstr "«{NBSP}%(object)s{NBSP}»{NBSP}: modifications enregistrées."\n\n'
        'msgid "The item couldn\'t be saved."\nmsgid_plural "The items couldn\'t be saved."\n'
        f'msgstr[0] "L’élément n’a pas pu être enregistré{NBSP}: "\n"\\"corrigez\\"."\n'
        'msgstr[1] "Les éléments n’ont pas pu être enregistrés."\n'
    )
    assert [finding.line for finding in findings] == [6, 10, 12]
    assert check_po(BASE_DIR / "django.po", rewritten)[0] == []


def test_the_rules_are_those_of_the_typography_filter():
    assert typographic("10 % des dons, l'équipe : https://a.fr/b?c") == (
        f"10{NBSP}% des dons, l’équipe{NBSP}: https://a.fr/b?c"
    )
    assert typographic(f"déjà{NBSP}: fait") == f"déjà{NBSP}: fait"


def test_the_report_names_the_fix_and_shows_the_invisible_space():
    finding = french_strings.Finding(BASE_DIR / "templates" / "a.html", 3, "Oui ?", f"Oui{NBSP}?")

    report = french_strings.report([finding], [])

    assert f"templates/a.html:3: 'Oui ?'  →  'Oui{french_strings.NBSP_SHOWN_AS}?'" in report
    assert FIX_COMMAND in report and "U+00A0" in report
