"""The admin home ("Tableau de bord"): applications waiting (oldest first, with their age), new
requests, missions due within 7 days, failed emails; each links to its filtered list; the query
count does not grow with the numbers."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from missions.models import Application
from outbox.models import Email
from outbox.services import queue_email
from tests.factories import SuperUserFactory
from tests.missions.factories import ApplicationFactory, MissionFactory, MissionRequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(SuperUserFactory())
    return client


def make_everything(count):
    soon = timezone.localdate() + datetime.timedelta(days=3)
    for n in range(count):
        mission = MissionFactory(title=f"Bientôt {n}", apply_before=soon)
        ApplicationFactory(mission=mission, name=f"Bénévole {n}")
        MissionRequestFactory(title=f"Besoin {n}")
        email = queue_email(f"p{n}@example.org", "test_message", {"name": "X"})
        Email.objects.filter(pk=email.pk).update(status="failed")


def test_the_dashboard_shows_what_waits_with_links_to_the_filtered_lists(admin_client):
    old = ApplicationFactory(name="Ancienne Candidate")
    Application.objects.filter(pk=old.pk).update(created_at=timezone.now() - datetime.timedelta(days=3))
    ApplicationFactory(name="Récente Candidate")
    ApplicationFactory(name="Déjà traitée", status="preselectionnee")
    MissionRequestFactory(title="Refaire notre site")
    MissionFactory(title="Échéance proche", apply_before=timezone.localdate() + datetime.timedelta(days=2))
    MissionFactory(title="Échéance lointaine", apply_before=timezone.localdate() + datetime.timedelta(days=20))
    email = queue_email("perdu@example.org", "test_message", {"name": "X"})
    Email.objects.filter(pk=email.pk).update(status="failed", subject="Bonjour X")

    html = admin_client.get("/admin/").content.decode()

    assert html.index("Ancienne Candidate") < html.index("Récente Candidate")  # oldest first
    assert "reçue il y a 3\xa0jours" in html or "reçue il y a 3 jours" in html
    assert "Déjà traitée" not in html
    assert "Refaire notre site" in html
    assert "Échéance proche" in html and "Échéance lointaine" not in html
    assert "perdu@example.org" in html
    assert "/admin/candidatures/?status=nouvelle&amp;ordering=created_at" in html
    assert "/admin/demandes_missions/?status=nouvelle" in html
    assert "/admin/emails/?status=failed" in html
    assert "?state=en_ligne&amp;ordering=apply_before" in html
    assert "Il y a 0 minute" not in html
    assert "reçue à l’instant" in html  # the application just sent
    assert "il y a à l" not in html


def test_empty_panels_say_so(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert "Aucune candidature n’attend de réponse." in html
    assert "Aucun e-mail en échec." in html


def test_the_dashboard_query_count_does_not_grow(admin_client):
    make_everything(1)
    admin_client.get("/admin/")
    with CaptureQueriesContext(connection) as few:
        admin_client.get("/admin/")
    make_everything(12)
    with CaptureQueriesContext(connection) as many:
        admin_client.get("/admin/")

    assert len(many) == len(few)


def test_panels_follow_permissions(client):
    from django.contrib.auth.models import Group

    from home import roles
    from tests.factories import UserFactory

    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.TRAINING_COORDINATORS))
    client.force_login(user)
    ApplicationFactory(name="Cachée")

    html = client.get("/admin/").content.decode()

    assert "Cachée" not in html and "Candidatures en attente" not in html
