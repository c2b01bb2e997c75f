"""The mission list says which filters are active (removable chips, at every width) and, when
nothing matches, says it once, right under the live count, with a way out per filter."""

import pytest
from bs4 import BeautifulSoup  # a dependency of Wagtail
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .factories import AssociationFactory, MissionFactory

pytestmark = pytest.mark.django_db


def soup(response):
    assert response.status_code == 200
    return BeautifulSoup(response.content.decode(), "html.parser")


def results(page):
    return page.find("section", attrs={"aria-labelledby": "results-title"})


def chips(page):
    listing = page.find("ul", class_="active-filters__list")
    return {link["aria-label"]: link["href"] for link in listing.find_all("a")} if listing else {}


# --- empty result -----------------------------------------------------------------------------

def test_an_empty_result_is_said_once_right_under_the_live_count_then_the_alert_box(client, index_page):
    MissionFactory(format="sur_place", location="Lyon")

    page = soup(client.get("/missions/?lieu=Marseille&format=sur_place"))

    section = results(page)
    text = section.get_text(" ")
    assert text.count("Aucune mission ne correspond") == 1
    status = section.find(attrs={"role": "status"})
    assert status.get_text(strip=True) == "Aucune mission ne correspond à ces filtres."
    empty_state = status.find_parent(class_="empty-state")
    alert_box = section.find(id="alertes")
    assert empty_state.find_next(class_="panel") is alert_box  # the alert box comes after it
    assert section.find(class_="feed-links") is None  # nothing to follow


def test_the_empty_state_hints_name_each_active_filter_with_a_link_removing_it(client, index_page):
    MissionFactory(format="sur_place", location="Lyon", skills=["video"])

    page = soup(client.get("/missions/?lieu=Marseille&format=sur_place&competences=video&tri=echeance"))

    hints = {link.get_text(): link["href"]
             for link in page.find("ul", class_="empty-state__hints").find_all("a")}
    assert hints == {
        "sans la compétence «\u00a0Vidéo\u00a0»": "/missions/?format=sur_place&lieu=Marseille&tri=echeance",
        "sans le format «\u00a0Sur place\u00a0»": "/missions/?competences=video&lieu=Marseille&tri=echeance",
        "sans le lieu «\u00a0Marseille\u00a0»": "/missions/?competences=video&format=sur_place&tri=echeance",
    }
    assert "moins de compétences ou un autre format" not in page.get_text()


def test_feed_links_show_only_when_there_are_results(client, index_page):
    MissionFactory(format="sur_place", location="Lyon")

    assert results(soup(client.get("/missions/?lieu=Lyon"))).find(class_="feed-links")
    assert not results(soup(client.get("/missions/?lieu=Brest&format=sur_place"))).find(class_="feed-links")


def test_an_empty_skill_page_says_it_once(client, index_page):
    MissionFactory(skills=["video"], status="pourvue")

    text = soup(client.get("/missions/competences/video/")).get_text(" ")

    assert "Aucune mission ne correspond" not in text
    assert text.count("Aucune mission ouverte pour cette compétence en ce moment.") == 1


# --- active filters as chips ------------------------------------------------------------------

def test_each_active_filter_is_a_chip_removing_it_alone(client, index_page):
    MissionFactory(format="hybride", location="Lyon", skills=["video", "collecte"], effort_hours=4,
                   association=AssociationFactory(cause="environnement"))

    page = soup(client.get(
        "/missions/?q=site&competences=video&competences=collecte&format=hybride&cause=environnement"
        "&engagement=heures&lieu=Lyon&tri=echeance&page=2&utm_source=x"
    ))

    assert chips(page) == {
        "Retirer le filtre Mots-clés\u00a0: site":
            "/missions/?competences=video&competences=collecte&format=hybride&cause=environnement&engagement=heures&lieu=Lyon&tri=echeance",
        "Retirer le filtre Compétences\u00a0: Vidéo":
            "/missions/?q=site&competences=collecte&format=hybride&cause=environnement&engagement=heures&lieu=Lyon&tri=echeance",
        "Retirer le filtre Compétences\u00a0: Collecte en ligne":
            "/missions/?q=site&competences=video&format=hybride&cause=environnement&engagement=heures&lieu=Lyon&tri=echeance",
        "Retirer le filtre Format\u00a0: Hybride":
            "/missions/?q=site&competences=video&competences=collecte&cause=environnement&engagement=heures&lieu=Lyon&tri=echeance",
        "Retirer le filtre Cause\u00a0: Environnement":
            "/missions/?q=site&competences=video&competences=collecte&format=hybride&engagement=heures&lieu=Lyon&tri=echeance",
        "Retirer le filtre Temps à consacrer\u00a0: Quelques heures":
            "/missions/?q=site&competences=video&competences=collecte&format=hybride&cause=environnement&lieu=Lyon&tri=echeance",
        "Retirer le filtre Lieu\u00a0: Lyon":
            "/missions/?q=site&competences=video&competences=collecte&format=hybride&cause=environnement&engagement=heures&tri=echeance",
    }


def test_the_chips_sit_above_the_results_with_a_hidden_heading_and_a_link_clearing_them_all(client, index_page):
    MissionFactory(title="À Lyon", format="sur_place", location="Lyon")

    page = soup(client.get("/missions/?lieu=Lyon"))

    section = results(page)
    box = section.find(class_="active-filters")
    listing = box.find("ul")
    heading = page.find(id=listing["aria-labelledby"])
    assert heading.get_text() == "Filtres actifs" and "visually-hidden" in heading["class"]
    assert box.find("a", string="Effacer tous les filtres")["href"] == "/missions/"
    assert box.find_next(class_="result-count")  # above the count and the cards
    assert box.find_next("ul", class_="mission-list")


def test_no_chip_without_filters_nor_for_ignored_values(client, index_page):
    MissionFactory()

    assert results(soup(client.get("/missions/"))).find(class_="active-filters") is None
    page = soup(client.get("/missions/?format=partout&engagement=toujours&competences=inconnue&tri=echeance"))
    assert results(page).find(class_="active-filters") is None


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_chips_and_hints_cost_no_query(client, index_page):
    MissionFactory(skills=["video", "collecte"], format="hybride", location="Lyon", effort_hours=4,
                   association=AssociationFactory(cause="environnement"))
    client.get("/missions/?competences=video")  # warm caches (site root, content types)

    one_chip = count_queries(client, "/missions/?competences=video")
    five_chips = "/missions/?competences=video&format=hybride&cause=environnement&engagement=heures&lieu=Lyon"
    assert count_queries(client, five_chips) == one_chip

    one_hint = count_queries(client, "/missions/?competences=video&format=sur_place")
    four_hints = "/missions/?competences=video&competences=collecte&format=sur_place&lieu=Marseille"
    assert count_queries(client, four_hints) == one_hint


def test_the_filters_summary_carries_a_label_for_each_state_and_the_css_shows_one(client, index_page):
    from django.contrib.staticfiles import finders

    soup = BeautifulSoup(client.get("/missions/").content, "html.parser")
    summary = soup.select_one("summary.filters__summary")
    css = open(finders.find("css/missions.css"), encoding="utf-8").read()

    assert summary.select_one(".filters__when-closed").get_text() == "Afficher les filtres"
    assert summary.select_one(".filters__when-open").get_text() == "Masquer les filtres"
    assert ".filters__details[open] > .filters__summary .filters__when-closed" in css
    assert ".filters__details:not([open]) > .filters__summary .filters__when-open" in css
