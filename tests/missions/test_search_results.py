"""What the site search says of a mission, and where missions stand among the pages: the
association named once; titles holding the words first; open missions whose title or summary
holds the words before pages; a mission that only mentions them in its long description after the
pages; missions closed to applications last."""

import pytest

from tests.factories import StandardPageFactory

from .factories import AssociationFactory, MissionFactory

pytestmark = pytest.mark.django_db


def results(client, query):
    return list(client.get("/recherche/", {"q": query}).context["page_obj"].object_list)


def test_a_summary_that_names_the_association_is_not_preceded_by_its_name_again(client, index_page):
    collines = AssociationFactory(name="Secours des Collines")
    MissionFactory(title="Audit d'accessibilité", association=collines,
                   summary="Secours des Collines (Grenoble) recherche de l'aide : audit d'accessibilité.")

    [result] = results(client, "audit")

    assert result.description == "Secours des Collines (Grenoble) recherche de l'aide : audit d'accessibilité."


def test_a_summary_that_does_not_name_the_association_is_preceded_by_it(client, index_page):
    MissionFactory(title="Audit d'accessibilité", association=AssociationFactory(name="Abeilles d'Ici"),
                   summary="Un audit et un plan d'action.")

    [result] = results(client, "audit")

    assert result.description == "Abeilles d'Ici – Un audit et un plan d'action."


def test_open_missions_come_before_pages_that_only_mention_the_words_and_closed_ones_last(
    client, index_page, home_page
):
    StandardPageFactory(parent=home_page, title="Qui sommes-nous ?", intro="Nous aimons l'accessibilité numérique.")
    StandardPageFactory(parent=home_page, title="Bilan 2025", intro="Vingt audits d'accessibilité menés.")
    MissionFactory(title="Reportage pour un chantier", summary="Des photos sur l'accessibilité du chantier.")
    MissionFactory(title="Audit d'accessibilité pourvu", status="pourvue")
    MissionFactory(title="Audit d'accessibilité du site")

    titles = [result.title for result in results(client, "accessibilite")]

    assert titles[:2] == ["Audit d'accessibilité du site",  # open, the words in its title
                          "Reportage pour un chantier"]  # open, the words in its text only
    assert set(titles[2:4]) == {"Qui sommes-nous ?", "Bilan 2025"}  # pages, in the index's order
    assert titles[4:] == ["Audit d'accessibilité pourvu"]  # takes no more applications, whatever its title


def test_a_page_whose_title_holds_the_words_comes_before_missions_that_only_mention_them(
    client, index_page, home_page
):
    MissionFactory(title="Refonte du site", summary="Avec une déclaration d'accessibilité.")
    StandardPageFactory(parent=home_page, title="Déclaration d'accessibilité", intro="Conformité partielle.")

    titles = [result.title for result in results(client, "declaration accessibilite")]

    assert titles == ["Déclaration d'accessibilité", "Refonte du site"]


def test_a_mission_mentioning_the_words_only_in_its_description_comes_after_the_pages(
    client, index_page, home_page
):
    MissionFactory(title="Refonte du site", summary="Un site plus simple.",
                   description="<p>Nous cherchons des bénévoles patients.</p>")
    StandardPageFactory(parent=home_page, title="Qui sommes-nous ?", intro="Une communauté de bénévoles.")

    titles = [result.title for result in results(client, "bénévoles")]

    assert titles == ["Qui sommes-nous ?", "Refonte du site"]
