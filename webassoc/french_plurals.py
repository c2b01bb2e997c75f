"""The French plural rule for the project's own strings.

Their msgids are written in French, and no catalogue translates them: gettext then chooses between
msgid and msgid_plural with the English rule (singular for 1 only), which reads "0 invitations
envoyées", "0 places restantes". French takes the singular for 0 and 1 (the rule of Django's and
the project's French catalogues, `plural=(n > 1)`). `install()` (at start-up, home/apps.py) makes
untranslated plurals follow it when the active language is French; strings a catalogue translates
(Django's, Wagtail's, the project's) are untouched.
"""

from django.utils.translation import trans_real


def _ngettext(self, msgid1, msgid2, n):
    try:
        return self._catalog.plural(msgid1, n)
    except KeyError:
        if self._fallback:
            return self._fallback.ngettext(msgid1, msgid2, n)
        if self.language().startswith("fr"):
            return msgid1 if n <= 1 else msgid2
        return msgid1 if n == 1 else msgid2


def install():
    trans_real.DjangoTranslation.ngettext = _ngettext
