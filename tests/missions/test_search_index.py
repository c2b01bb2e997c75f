"""Keyword search through the search index; open missions first and readable labels in the site search."""

import pytest

from tests.factories import StandardPageFactory

from .factories import MissionFactory

pytestmark = pytest.mark.django_db


def titles(response):
    return [mission.title for mission in response.context["missions"]]


def test_the_list_keeps_finding_parts_of_words(client, index_page):
    MissionFactory(title="Vidéo de présentation")
    MissionFactory(title="Sans rapport")

    assert titles(client.get("/missions/?q=vid")) == ["Vidéo de présentation"]


def test_the_list_uses_the_search_index(client, index_page, monkeypatch):
    from missions.models import missions

    found = MissionFactory(title="Trouvée par l'index")
    MissionFactory(title="Autre")
    monkeypatch.setattr(missions, "indexed_matches", lambda query: [found.pk] if query == "zzz" else [])

    assert titles(client.get("/missions/?q=zzz")) == ["Trouvée par l'index"]


def test_french_stemming_without_accents_on_postgresql(client, index_page, on_postgresql):
    from django.core.management import call_command

    MissionFactory(title="Accueil des bénévoles", summary="Les bénévoles sont accueillis.")
    MissionFactory(title="Sans rapport", summary="Rien à voir.")
    call_command("update_index", verbosity=0)

    assert titles(client.get("/missions/?q=benevole")) == ["Accueil des bénévoles"]
    html = client.get("/recherche/", {"q": "benevole"}).content.decode()
    assert "Accueil des bénévoles" in html and "Sans rapport" not in html


def test_site_search_ranks_open_missions_first_with_readable_labels(client, index_page, home_page):
    MissionFactory(title="Atelier vidéo pourvu", status="pourvue")
    MissionFactory(title="Atelier vidéo ouvert")
    StandardPageFactory(parent=home_page, title="Atelier vidéo : la FAQ")

    html = client.get("/recherche/", {"q": "atelier"}).content.decode()

    assert html.index("Atelier vidéo ouvert") < html.index("Atelier vidéo pourvu")
    assert "Page standard" not in html
    results = client.get("/recherche/", {"q": "atelier"}).context
    kinds = {result.title: result.kind for result in results["page_obj"].object_list}
    assert kinds["Atelier vidéo : la FAQ"] == "Page"
    assert kinds["Atelier vidéo ouvert"] == "Mission"
    assert kinds["Atelier vidéo pourvu"] == "Mission (candidatures closes)"


@pytest.mark.parametrize("typed", ['"', 'site "web', '"site web"', '"a" OR b*'])
def test_double_quotes_typed_in_a_search_box_find_the_words_never_an_error(client, index_page, typed):
    """An unpaired double quote is SQL syntax for SQLite's full-text index: the words are looked for instead."""
    MissionFactory(title="Refonte du site web", format="a_distance")

    for url in ("/recherche/", "/missions/", "/missions/rss/", "/missions/json/"):
        response = client.get(url, {"q": typed})
        assert response.status_code == 200, url
    if "site" in typed:
        assert "Refonte du site web" in client.get("/missions/", {"q": typed}).content.decode()
