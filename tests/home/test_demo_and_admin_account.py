import html as html_module
import re

import pytest
from django.conf import settings as django_settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from home.demo.site import OLD_PRIVACY_MARK
from home.models import SiteSettings, StandardPage

pytestmark = pytest.mark.django_db


def content_counts():
    return (
        Page.objects.count(),
        Revision.objects.count(),
        get_image_model().objects.count(),
    )


def test_load_demo_builds_a_french_site(demo_site, home_page):
    titles = set(Page.objects.values_list("title", flat=True))
    assert {"Qui sommes-nous ?", "Questions fréquentes", "Mentions légales",
            "Politique de confidentialité"} <= titles
    site_settings = SiteSettings.for_site(home_page.get_site())
    assert site_settings.privacy_page is not None
    assert get_image_model().objects.exists()


def test_load_demo_twice_changes_nothing(demo_site):
    first = content_counts()

    call_command("load_demo", stdout=open("/dev/null", "w"))

    assert content_counts() == first


def test_demo_pages_render(client, demo_site):
    for page in Page.objects.live().filter(depth__gt=1).specific():
        assert client.get(page.url).status_code == 200, page.url


def test_ensure_admin_creates_a_superuser_with_the_given_password(settings, monkeypatch, capsys):
    settings.DEBUG = True
    monkeypatch.setenv("ADMIN_PASSWORD", "un-mot-de-passe-solide-42")

    call_command("ensure_admin")

    user = get_user_model().objects.get(username="admin")
    assert user.is_superuser
    assert user.check_password("un-mot-de-passe-solide-42")


def test_ensure_admin_generates_a_random_password_when_none_is_given(settings, monkeypatch, tmp_path):
    from home.management.commands import ensure_admin

    settings.DEBUG = True
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)
    monkeypatch.setattr(ensure_admin, "PASSWORD_FILE", tmp_path / "pw")

    call_command("ensure_admin", stdout=open("/dev/null", "w"))
    password = (tmp_path / "pw").read_text().strip()

    assert len(password) >= 12
    assert get_user_model().objects.get(username="admin").check_password(password)


def test_ensure_admin_refuses_to_invent_a_password_outside_development(settings, monkeypatch):
    settings.DEBUG = False
    monkeypatch.delenv("ADMIN_PASSWORD", raising=False)

    with pytest.raises(CommandError, match="ADMIN_PASSWORD est obligatoire"):
        call_command("ensure_admin")


def test_ensure_admin_is_idempotent(settings, monkeypatch):
    settings.DEBUG = True
    monkeypatch.setenv("ADMIN_PASSWORD", "un-mot-de-passe-solide-42")

    call_command("ensure_admin", stdout=open("/dev/null", "w"))
    call_command("ensure_admin", stdout=open("/dev/null", "w"))

    assert get_user_model().objects.filter(username="admin").count() == 1


def test_demo_missions_ask_for_as_many_volunteers_as_they_want(demo_site):
    from missions.models import Mission

    asked = {1: "un ou une bénévole", 2: "deux bénévoles", 3: "trois bénévoles"}
    missions = list(Mission.objects.all())
    assert {mission.volunteers_wanted for mission in missions} == {1, 2, 3}
    for mission in missions:
        assert asked[mission.volunteers_wanted] in mission.description, mission.title


# What the first demo wrote to say its content was invented ("(fictive)", "Jeanne Exemple", "– exemple",
# "(démonstration)"); "par exemple" in a form's help is plain French.
FAKE_LABEL = re.compile(r"fictif|fictive|démonstration|\bdémo\b|(?<!par )\bexemple\b", re.I)


def public_paths():
    from missions.models import Mission, Skill

    paths = [page.url for page in Page.objects.live().filter(depth__gt=1).specific()]
    paths += [mission.get_url() for mission in Mission.objects.filter(live=True)]
    paths += [f"/missions/competences/{slug}/" for slug in Skill.objects.values_list("slug", flat=True)]
    return paths + ["/alertes/", "/recherche/?q=association", "/plan-du-site/", "/missions/rss/", "/missions/json/"]


def visible_text(response):
    """What a visitor, a feed reader or a search engine reads: the text, JSON-LD included, and meta descriptions."""
    content = response.content.decode()
    content = re.sub(r"<style\b.*?</style>", " ", content, flags=re.S)
    metas = " ".join(re.findall(r'<meta [^>]*content="([^"]*)"', content))
    return html_module.unescape(re.sub(r"<[^>]+>", " ", content) + " " + metas)


def test_the_demo_says_it_is_a_demo_once_in_the_legal_notice_and_nowhere_else(client, demo_site):
    labelled = {}
    for path in public_paths():
        response = client.get(path)
        assert response.status_code == 200, path
        found = FAKE_LABEL.findall(visible_text(response))
        if found:
            labelled[path] = found

    assert labelled == {"/mentions-legales/": ["démonstration", "démonstration"]}
    legal = visible_text(client.get("/mentions-legales/"))
    assert "Ce site présente un contenu de démonstration" in legal
    assert "Jeanne Morel" in legal  # a publication director with a credible name


def test_the_demo_privacy_policy_covers_alerts_the_pool_and_next_session_requests(client, demo_site):
    from alerts.services import CONFIRM

    # Spaces as typed (the typography filter adds non-breaking ones), apostrophes straight.
    text = re.sub(r"\s+", " ", visible_text(client.get("/politique-de-confidentialite/")).replace("’", "'"))
    months = django_settings.PERSONAL_DATA_RETENTION_MONTHS

    for subject in ("alertes par compétence", "vivier de bénévoles", "Prévenez-moi de la prochaine session"):
        assert subject in text
    assert "tant que vous recevez les alertes (une désinscription efface votre adresse aussitôt)" in text
    days = django_settings.UNCONFIRMED_RETENTION_DAYS
    assert f"une inscription jamais confirmée est anonymisée {days} jours après sa dernière modification" in text
    assert f"une demande jamais confirmée est anonymisée {days} jours après son envoi" in text
    assert f"une signature jamais confirmée est anonymisée {days} jours après son envoi" in text
    assert f"une fois prévenu, {months} mois après votre demande" in text
    assert f"{django_settings.EMAIL_RETENTION_DAYS} jours après l'envoi" in text
    assert f"valable {CONFIRM.days} jours" in text


def test_the_about_page_writes_e_mailing(client, demo_site):
    text = visible_text(client.get("/qui-sommes-nous/"))

    assert "e-mailing" in text and not re.search(r"(?<!-)emailing", text)


def test_load_demo_replaces_the_first_demos_about_legal_and_privacy_texts_once(demo_site):
    old = {
        "qui-sommes-nous": "<p>Ateliers : emailing, réseaux sociaux.</p>",
        "mentions-legales": "<p>Directrice de la publication : Jeanne Exemple (personne fictive).</p>",
        "politique-de-confidentialite": f"<p>Nous gardons vos données le temps de traiter votre demande, "
                                        f"{OLD_PRIVACY_MARK}</p>",
    }
    for slug, text in old.items():
        page = StandardPage.objects.get(slug=slug)
        page.body = [{"type": "paragraph", "value": text}]
        page.save_revision().publish()

    call_command("load_demo", stdout=open("/dev/null", "w"))
    first = content_counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))

    bodies = {slug: str(list(StandardPage.objects.get(slug=slug).body.raw_data)) for slug in old}
    assert "e-mailing" in bodies["qui-sommes-nous"] and "emailing" not in bodies["qui-sommes-nous"]
    assert "Jeanne Morel" in bodies["mentions-legales"] and "fictive" not in bodies["mentions-legales"]
    assert "vivier" in bodies["politique-de-confidentialite"]
    assert content_counts() == first


def test_demo_signatories_job_titles_agree_with_their_first_names(demo_site):
    from home.demo.manifesto import FEMININE, PROFESSIONS
    from home.models import Signature

    feminine = {female for female, male in PROFESSIONS if female != male}
    masculine = {male for female, male in PROFESSIONS if female != male}
    pairs = set(Signature.objects.values_list("first_name", "profession"))

    assert pairs
    assert not {(first, title) for first, title in pairs if first in FEMININE and title in masculine}
    assert not {(first, title) for first, title in pairs if first not in FEMININE and title in feminine}
    assert ("Antoine", "Développeuse web") not in pairs
