"""The project's own records are named in French with their gender (webassoc/admin/names.py):
"Ajouter une mission", "Mission «\xa0X\xa0» créée.", "Suivi «\xa0Y\xa0» modifié.", "Aucune inscription pour le
moment.", never the neutral wording the catalogue gives Wagtail's own models ("Ajouter\xa0: mission")."""

import datetime
import json

import pytest
from django.apps import apps
from django.contrib.messages import get_messages
from django.urls import get_resolver
from django.utils import timezone, translation
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.model import ModelViewSet

from alerts.models import Subscription
from missions.models import Association, FollowUpCase, Mission, Skill
from tests.courses.factories import RegistrationFactory
from tests.factories import SuperUserFactory
from tests.missions.factories import ApplicationFactory, AssociationFactory, MissionFactory
from webassoc.admin import names

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"home", "missions", "courses", "alerts", "outbox", "background", "stats"}


@pytest.fixture
def admin_client(client):
    client.force_login(SuperUserFactory())
    return client


def messages_of(response):
    """The text of each message (without the buttons Wagtail adds after it)."""
    return [str(message).split("\n")[0].strip() for message in get_messages(response.wsgi_request)]


def test_skills_are_feminine_from_the_add_button_to_the_deletion(admin_client):
    Skill.objects.all().delete()
    html = admin_client.get("/admin/competences/").content.decode()
    assert "Ajouter une compétence" in html and "Ajouter\xa0: " not in html
    assert "Aucune compétence pour le moment." in html and "Il n&#x27;y a pas" not in html

    created = admin_client.post("/admin/competences/new/", {
        "name": "Cartographie", "slug": "cartographie", "aliases": "", "description": "",
    }, follow=True)
    assert "Compétence «\xa0Cartographie\xa0» créée." in messages_of(created)
    assert "Nouvelle compétence" in admin_client.get("/admin/competences/new/").content.decode()

    skill = Skill.objects.get(slug="cartographie")
    edited = admin_client.post(f"/admin/competences/edit/{skill.pk}/", {
        "name": "Cartographie libre", "slug": "cartographie", "aliases": "SIG", "description": "",
    }, follow=True)
    assert "Compétence «\xa0Cartographie libre\xa0» modifiée." in messages_of(edited)

    confirmation = admin_client.get(f"/admin/competences/delete/{skill.pk}/").content.decode()
    assert "Supprimer définitivement cette compétence\xa0?" in confirmation
    deleted = admin_client.post(f"/admin/competences/delete/{skill.pk}/", follow=True)
    assert "Compétence «\xa0Cartographie libre\xa0» supprimée." in messages_of(deleted)


DESCRIPTION = json.dumps({"blocks": [{
    "key": "a", "type": "unstyled", "depth": 0, "text": "Tout refaire.", "inlineStyleRanges": [], "entityRanges": [],
    "data": {},
}], "entityMap": {}})


def mission_form(association, **fields):
    return {
        "title": "Refaire le site", "slug": "", "association": association.pk, "summary": "Un site neuf.",
        "description": DESCRIPTION, "skills": "", "format": "a_distance", "location": "",
        "effort_hours": "10", "volunteers_wanted": "1", "apply_before": "", "needed_by": "", "status": "ouverte",
        "contact_name": "Léa", "contact_email": "lea@example.org", "coordinator": "", "go_live_at": "",
        "expire_at": "", **fields,
    }


def test_missions_are_feminine_when_added_saved_and_published(admin_client):
    association = AssociationFactory()
    add_url = "/admin/snippets/missions/mission/add/"

    empty = admin_client.get("/admin/snippets/missions/mission/").content.decode()
    assert "Ajouter une mission" in empty and "Aucune mission pour le moment." in empty
    created = admin_client.post(add_url, mission_form(association), follow=True)
    assert "Mission «\xa0Refaire le site\xa0» créée." in messages_of(created)

    mission = Mission.objects.get(title="Refaire le site")
    edit_url = f"/admin/snippets/missions/mission/edit/{mission.pk}/"
    saved = admin_client.post(edit_url, mission_form(association, title="Refaire le site web"), follow=True)
    assert "Mission «\xa0Refaire le site web\xa0» modifiée." in messages_of(saved)

    published = admin_client.post(edit_url, mission_form(association, **{"action-publish": "1"}), follow=True)
    assert "Mission «\xa0Refaire le site\xa0» modifiée et publiée." in messages_of(published)

    unpublished = admin_client.post(f"/admin/snippets/missions/mission/unpublish/{mission.pk}/", follow=True)
    assert "Mission «\xa0Refaire le site\xa0» retirée du site." in messages_of(unpublished)

    invalid = admin_client.post(add_url, mission_form(association, effort_hours="beaucoup"))
    assert "Mission non créée\xa0: corrigez les erreurs signalées." in invalid.content.decode()


def test_a_scheduled_mission_says_its_publication_is_planned(admin_client):
    association = AssociationFactory()
    tomorrow = (timezone.localtime() + datetime.timedelta(days=1)).strftime("%Y-%m-%d %H:%M")

    created = admin_client.post("/admin/snippets/missions/mission/add/", mission_form(
        association, go_live_at=tomorrow, **{"action-publish": "1"}), follow=True)

    assert "Mission «\xa0Refaire le site\xa0» créée\xa0; sa publication est planifiée." in messages_of(created)


def test_registrations_are_feminine_in_the_empty_list_and_when_edited(admin_client):
    html = admin_client.get("/admin/formations/inscriptions/").content.decode()
    assert "Aucune inscription pour le moment." in html

    registration = RegistrationFactory(association_name="Les Amis", contact_name="Léa")
    edited = admin_client.post(f"/admin/formations/inscriptions/edit/{registration.pk}/", {
        "association_name": "Les Amis du quartier", "contact_name": "Léa", "email": registration.email,
        "phone": "", "message": "",
    }, follow=True)

    assert f"Inscription «\xa0{registration.__class__.objects.get(pk=registration.pk)}\xa0» modifiée." in messages_of(edited)
    searched = admin_client.get("/admin/formations/inscriptions/?q=personne").content.decode()
    assert "Aucune inscription ne correspond à cette recherche." in searched


def test_applications_are_feminine_and_a_decision_keeps_its_own_message(admin_client):
    assert "Aucune candidature pour le moment." in admin_client.get("/admin/candidatures/").content.decode()

    application = ApplicationFactory(name="Camille", mission=MissionFactory())
    decided = admin_client.post(f"/admin/candidatures/edit/{application.pk}/", {"status": "preselectionnee"},
                                follow=True)

    assert messages_of(decided)[0].startswith("Candidature de Camille\xa0: «\xa0Présélectionnée\xa0».")

    invalid = admin_client.post(f"/admin/candidatures/edit/{application.pk}/", {"status": "inconnu"})
    assert "Candidature non enregistrée\xa0: corrigez les erreurs signalées." in invalid.content.decode()


def test_masculine_records_read_un_aucun_cet_and_nouvel():
    with translation.override("fr"):
        assert names.french_message("none_yet", FollowUpCase, names.MASCULINE) == "Aucun suivi pour le moment."
        assert names.french_message("add", Subscription, names.MASCULINE) == "Ajouter un abonnement aux alertes"
        assert names.french_message("new_record", Subscription, names.MASCULINE) == "Nouvel abonnement aux alertes"
        assert names.french_message("confirm_delete", Subscription, names.MASCULINE) == (
            "Supprimer définitivement cet abonnement aux alertes\xa0?")
        assert names.french_message("confirm_delete", FollowUpCase, names.MASCULINE) == (
            "Supprimer définitivement ce suivi\xa0?")
        association = Association(name="Les Amis")
        assert names.french_message("deleted", Association, names.FEMININE, association) == (
            "Association «\xa0Les Amis\xa0» supprimée.")


def test_follow_up_cases_are_masculine_in_the_admin(admin_client):
    assert "Aucun suivi pour le moment." in admin_client.get("/admin/suivis/").content.decode()


def project_viewsets():
    get_resolver().url_patterns  # noqa: B018 - the registry is filled when the admin URLs load
    for viewset in viewsets.viewsets:
        if not isinstance(viewset, ModelViewSet):  # choosers, groups
            continue
        model = getattr(viewset, "model", None)
        if isinstance(model, str):
            model = apps.get_model(model)
        if model is not None and model._meta.app_label in PROJECT_APPS:
            yield viewset


def test_every_viewset_of_the_project_names_its_records_with_their_gender():
    found = list(project_viewsets())

    assert len(found) >= 12
    for viewset in found:
        assert isinstance(viewset, names.FrenchNamesMixin), type(viewset).__name__
        assert issubclass(viewset.index_view_class, names.FrenchIndexMixin)
        assert issubclass(viewset.edit_view_class, names.FrenchEditMixin)
