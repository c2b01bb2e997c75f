"""The project's own French plurals take the singular for 0 and 1, as French does."""

from django.template import Context, Template
from django.utils import translation
from django.utils.translation import ngettext, npgettext


def test_an_untranslated_french_plural_is_singular_for_zero_and_one():
    with translation.override("fr"):
        said = [ngettext("%(count)s invitation envoyée", "%(count)s invitations envoyées", n) % {"count": n}
                for n in (0, 1, 2, 12)]

    assert said == ["0 invitation envoyée", "1 invitation envoyée", "2 invitations envoyées",
                    "12 invitations envoyées"]


def test_templates_and_contexts_follow_the_same_rule():
    template = Template("{% load i18n %}{% blocktranslate count counter=n %}{{ counter }} place restante"
                        "{% plural %}{{ counter }} places restantes{% endblocktranslate %}")

    with translation.override("fr"):
        assert template.render(Context({"n": 0})) == "0 place restante"
        assert template.render(Context({"n": 3})) == "3 places restantes"
        assert npgettext("sièges", "%(n)s place", "%(n)s places", 0) == "%(n)s place"


def test_strings_a_catalogue_translates_keep_their_translation():
    with translation.override("fr"):
        assert ngettext("%(num)d minute", "%(num)d minutes", 0) % {"num": 0} == "0 minute"
        assert ngettext("%(num)d minute", "%(num)d minutes", 5) % {"num": 5} == "5 minutes"
