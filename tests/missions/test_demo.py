"""The demo's missions tell each association's own story: their texts, their sizes, their upgrade."""

import re

import pytest
from django.core.management import call_command
from wagtail.models import Revision

from missions.demo import OLD_DESCRIPTION_MARK
from missions.demo.data import ASSOCIATIONS, MISSIONS
from missions.enums import Commitment
from missions.models import Application, Association, FollowUpCase, Mission

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def test_every_time_commitment_filter_lists_open_demo_missions(client, demo_site):
    for commitment in Commitment:
        assert Mission.objects.open().with_commitment(commitment).exists(), commitment.label
        html = client.get(f"/missions/?engagement={commitment.value}").content.decode()
        assert "Aucune mission ne correspond" not in html, commitment.label
    long_missions = Mission.objects.open().with_commitment(Commitment.WEEKS)
    assert long_missions.count() >= 3


def test_demo_missions_have_their_own_summary_and_description(demo_site):
    missions = list(Mission.objects.all())

    assert len({mission.description for mission in missions}) == len(missions)
    assert len({mission.summary for mission in missions}) == len(missions)
    for mission in missions:
        assert mission.title.lower() not in mission.summary.lower(), mission.title
        assert "recherche de l'aide" not in mission.summary, mission.title
        assert "<h3>Ce que nous attendons</h3><ul>" in mission.description, mission.title
        assert mission.summary[0].isupper(), mission.title
        assert len(mission.summary) <= 400, mission.title
    texts = " ".join(mission.title + " " + mission.summary + " " + mission.description for mission in missions)
    # Proper nouns keep their capitals.
    assert not re.search(r"\b(instagram|google|wordpress|facebook|brevo|helloasso)\b", texts)


def test_demo_data_agrees_with_itself():
    associations = {name for name, *_rest in ASSOCIATIONS}
    for data in MISSIONS:
        assert data["association"] in associations, data["title"]
        # The practical paragraph says how many volunteers the mission wants.
        wanted = {1: "un ou une bénévole", 2: "deux bénévoles", 3: "trois bénévoles"}[data["wanted"]]
        assert wanted in data["practical"], data["title"]


def test_demo_associations_are_named_without_a_fictional_label(demo_site):
    names = list(Association.objects.values_list("name", "contact_name"))

    assert names and not [pair for pair in names if re.search(r"fictiv|fictif|exemple", " ".join(pair), re.I)]


def test_load_demo_rewrites_the_first_demos_boilerplate_missions_once(demo_site):
    """A demo database of the first version: one shared description, a labelled association."""
    association = Association.objects.get(name="Remèdes Partagés")
    Association.objects.filter(pk=association.pk).update(name="Pharmacie Sans Frontière Fictive",
                                                         contact_name="Contact (fictif)",
                                                         description="Médicaments pour les dispensaires isolés.")
    old = Mission.objects.get(title="Lettre d'information mensuelle")
    Mission.objects.filter(pk=old.pk).update(
        summary="Pharmacie Sans Frontière Fictive (Paris) recherche de l'aide : lettre d'information mensuelle.",
        description=f"<p>Texte commun.</p><p>Vous travaillerez avec l'équipe, {OLD_DESCRIPTION_MARK}</p>",
        contact_name="Contact (fictif)", effort_hours=1,
    )
    edited = Mission.objects.get(title="Tableau de bord des dons")
    Mission.objects.filter(pk=edited.pk).update(summary="Un résumé écrit par l'équipe.")

    call_command("load_demo", stdout=open("/dev/null", "w"))
    revisions = Revision.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))

    association.refresh_from_db()
    old.refresh_from_db()
    edited.refresh_from_db()
    assert association.name == "Remèdes Partagés" and association.contact_name != "Contact (fictif)"
    assert association.description.startswith("Collecte de médicaments")
    assert not Association.objects.filter(name__contains="Fictive").exists()
    assert old.summary.startswith("Nos donateurs nous demandent") and old.effort_hours == 6
    assert old.contact_name == association.contact_name
    assert old.live_revision.content["summary"] == old.summary  # published, not only saved
    assert edited.summary == "Un résumé écrit par l'équipe."  # an edited mission is left alone
    assert Revision.objects.count() == revisions  # the second run changes nothing


# What a first demo wrote to say its people were invented; "par exemple" is plain French.
FICTIONAL_LABEL = re.compile(r"fictif|fictive|démonstration|\bdémo\b|(?<!par )\bexemple\b", re.I)


def application_texts():
    texts = []
    for application in Application.objects.all():
        texts += [application.name, application.email, application.message, application.availability,
                  application.portfolio_url, application.note]
    texts += list(FollowUpCase.objects.values_list("description", flat=True))
    return texts


def test_demo_applications_read_like_real_ones_without_a_fictional_label(demo_site):
    texts = application_texts()

    assert Application.objects.count() == 4 and FollowUpCase.objects.exists()
    assert [text for text in texts if FICTIONAL_LABEL.search(text)] == []


def test_load_demo_takes_the_first_demos_labels_off_its_applications_once(demo_site):
    """A demo database of the first version: "(fictive)" after the names, "Exemple fictif" in a help request."""
    first = Application.objects.order_by("pk").first()
    name = first.name
    Application.objects.filter(pk=first.pk).update(name=f"{name} (fictive)",
                                                   portfolio_url="https://www.linkedin.com/in/exemple-fictif")
    case = FollowUpCase.objects.get()
    description = case.description
    FollowUpCase.objects.filter(pk=case.pk).update(
        description="Exemple fictif : nous n'arrivons pas à fixer un premier rendez-vous.")  # as first written
    edited = Application.objects.order_by("pk")[1]
    Application.objects.filter(pk=edited.pk).update(name="Un nom écrit par l'équipe (fictif, à garder)")

    call_command("load_demo", stdout=open("/dev/null", "w"))
    call_command("load_demo", stdout=open("/dev/null", "w"))

    first.refresh_from_db()
    case.refresh_from_db()
    edited.refresh_from_db()
    assert first.name == name and "fictif" not in first.portfolio_url
    assert case.description == description
    assert edited.name == "Un nom écrit par l'équipe (fictif, à garder)"  # not a demo name: left alone
