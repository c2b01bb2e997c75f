import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from home.models import SiteSettings

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

    asked = {1: "cherche un ou une bénévole", 2: "cherche deux bénévoles", 3: "cherche trois bénévoles"}
    missions = list(Mission.objects.all())
    assert {mission.volunteers_wanted for mission in missions} == {1, 2, 3}
    for mission in missions:
        assert asked[mission.volunteers_wanted] in mission.description, mission.title
