"""The admin speaks proper French: the project's catalogue (locale/fr, compiled .mo committed)
rewords Wagtail's generic messages that cannot know a model's gender, and the project's own
viewsets name their records with the right gender."""

import pathlib
import re

import pytest
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext, ngettext

from tests.factories import SuperUserFactory
from tests.missions.factories import MissionFactory

GENERIC = [
    "Add %(model_name)s", "Add %(label)s", "Create a new %(model_name)s", "Anyone can edit this %(model_name)s",
    "No %(model_name)s match your query.", "%(model_name)s '%(object)s' updated.",
    "%(model_name)s '%(object)s' created.", "%(model_name)s '%(object)s' updated and published.",
    "%(model_name)s '%(object)s' created and published.", "%(model_name)s '%(object)s' deleted.",
    "The %(model_name)s could not be created due to errors.", "None", "Workflows",
    "New: %(model_name)s", "The %(model_name)s could not be saved due to errors.",
    "Are you sure you want to delete this %(model_name)s?", "%(model_name)s '%(object)s' has been submitted for moderation.",
    "%(model_name)s '%(object)s' has been scheduled for publishing.",
    "%(model_name)s '%(object)s' is live and this version has been scheduled for publishing.",
]
AWKWARD = re.compile(r"\((e|tte|la|elle)\)|Workflows")


@pytest.mark.parametrize("msgid", GENERIC)
def test_wagtail_generic_messages_read_without_gender_brackets(msgid):
    with translation.override("fr"):
        text = gettext(msgid)

    assert text != msgid and not AWKWARD.search(text), text


def test_usage_message_is_reworded():
    with translation.override("fr"):
        text = ngettext("This %(model_name)s is referenced %(usage_count)s time.",
                        "This %(model_name)s is referenced %(usage_count)s times.", 1)

    assert "Ce(tte)" not in text and "référencé(e)" not in text


def test_the_compiled_catalogue_is_committed_next_to_its_source():
    folder = pathlib.Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES"

    assert (folder / "django.mo").stat().st_mtime >= (folder / "django.po").stat().st_mtime - 1
    assert (folder / "django.mo").stat().st_size > 1000


@pytest.mark.django_db
def test_the_missions_list_says_ajouter_une_mission_and_saves_with_a_french_message(client):
    client.force_login(SuperUserFactory())
    MissionFactory()

    html = client.get("/admin/snippets/missions/mission/").content.decode()

    assert "Ajouter une mission" in html and "un(e)" not in html


@pytest.mark.django_db
def test_a_page_updated_seconds_ago_reads_a_l_instant_in_the_explorer_not_il_y_a_0_minute(client):
    """Wagtail's `timesince_simple` (the "Mis à jour" column, dates in listings) says "just now"
    only when Django's timesince equals its "0 minutes": French says "0 minute"."""
    from tests.factories import StandardPageFactory, home_page

    client.force_login(SuperUserFactory())
    page = StandardPageFactory(title="Tout juste modifiée")
    page.save_revision().publish()

    html = client.get(f"/admin/pages/{home_page().pk}/").content.decode()

    assert "Tout juste modifiée" in html
    assert "À l’instant" in html
    assert "0 minute" not in html and "0\xa0minute" not in html


def test_just_now_is_a_l_instant_and_older_dates_keep_their_age():
    import datetime

    from django.utils import timezone
    from wagtail.admin.templatetags.wagtailadmin_tags import timesince_simple

    with translation.override("fr"):
        assert timesince_simple(timezone.now()) == "à l’instant"
        assert timesince_simple(timezone.now() - datetime.timedelta(minutes=3)) == "il y a 3\xa0minutes"


def test_wagtails_dashboard_page_count_says_creees_with_the_right_plural():
    msgid = "%(total)s Page <span class=\"w-sr-only\">created in %(site_name)s</span>"
    plural = "%(total)s Pages <span class=\"w-sr-only\">created in %(site_name)s</span>"
    with translation.override("fr"):
        many = ngettext(msgid, plural, 36) % {"total": 36, "site_name": "Webassoc"}
        one = ngettext(msgid, plural, 1) % {"total": 1, "site_name": "Webassoc"}

    assert many == '36 Pages <span class="w-sr-only">créées dans Webassoc</span>'
    assert one == '1 Page <span class="w-sr-only">créée dans Webassoc</span>'


@pytest.mark.django_db
def test_the_sidebars_count_of_new_items_is_plural(client):
    client.force_login(SuperUserFactory())

    catalogue = client.get("/admin/jsi18n/").content.decode()

    assert "(%(number)s nouveaux" in catalogue and "(%(number)s  nouvel" not in catalogue


def test_djangos_email_error_says_e_mail_like_the_rest_of_the_site():
    from django import forms

    with translation.override("fr"):
        errors = None
        try:
            forms.EmailField().clean("pas-une-adresse")
        except forms.ValidationError as error:
            errors = error.messages

    assert errors == ["Saisissez une adresse e-mail valide."]


@pytest.mark.django_db
def test_an_edit_screen_title_has_a_no_break_space_before_the_colon(client):
    client.force_login(SuperUserFactory())
    mission = MissionFactory(title="Refonte du site")

    html = client.get(f"/admin/snippets/missions/mission/edit/{mission.pk}/").content.decode()

    assert "Modification\u00a0: Refonte du site" in html and "Modification: " not in html


@pytest.mark.django_db
def test_the_signatures_menu_item_is_short_enough_for_the_sidebar(client):
    client.force_login(SuperUserFactory())

    html = client.get("/admin/").content.decode()

    assert "Signataires" in html and "Signatures du manifeste" not in html


def test_no_message_of_wagtails_french_catalogue_reaches_the_team_with_a_gender_bracket():
    """Every msgid that Wagtail's French renders with "(e)", "Ce(tte)"… is reworded by the project's catalogue."""
    import gettext as python_gettext

    import wagtail

    catalogue = pathlib.Path(wagtail.__file__).parent / "locale" / "fr" / "LC_MESSAGES" / "django.mo"
    with catalogue.open("rb") as file:
        wagtails = python_gettext.GNUTranslations(file)._catalog
    bracket = re.compile(r"[^\W\d_]\((?:e|es|s|te|tte)\)", re.IGNORECASE)
    awkward = sorted({key if isinstance(key, str) else key[0] for key, text in wagtails.items()
                      if key and bracket.search(text)})
    assert len(awkward) > 20  # the catalogue was read

    with translation.override("fr"):
        still = [msgid for msgid in awkward if "\x04" not in msgid and bracket.search(gettext(msgid))]

    assert still == []
