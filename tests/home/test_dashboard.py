"""The admin home ("Tableau de bord"): applications waiting (oldest first, with their age), new
requests, missions due within 7 days, emails not delivered, follow-up cases open or in progress,
the next training sessions, the courses people wait for; each links to the list of exactly the
records it counts; the query count does not grow with the numbers."""

import datetime
import re

import pytest
from bs4 import BeautifulSoup  # a dependency of Wagtail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from missions.enums import ApplicationStatus, CaseStatus, MissionRequestStatus, MissionStatus
from missions.models import Application
from outbox.enums import EmailStatus
from outbox.models import Email
from outbox.services import queue_email
from tests.alerts.factories import SessionWaiterFactory
from tests.courses.factories import RegistrationFactory, TrainingPageFactory, TrainingSessionPageFactory
from tests.factories import SuperUserFactory, UserFactory
from tests.missions.factories import ApplicationFactory, FollowUpCaseFactory, MissionFactory, MissionRequestFactory

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
        session = TrainingSessionPageFactory(parent=TrainingPageFactory(title=f"Formation {n}"))
        RegistrationFactory(session=session)
        SessionWaiterFactory(course=session.get_parent().specific)


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
    assert "/admin/candidatures/?status=nouvelle&amp;mission_status=ouverte&amp;ordering=created_at" in html
    assert "/admin/demandes_missions/?status=nouvelle" in html
    assert "/admin/emails/?status=uncertain&amp;status=failed" in html
    assert "?state=en_ligne&amp;due_soon=true&amp;ordering=apply_before" in html
    assert "Il y a 0 minute" not in html
    assert "reçue à l’instant" in html  # the application just sent
    assert "il y a à l" not in html


def email_with_status(status):
    email = queue_email("quelquun@example.org", "test_message", {"name": "X"})
    Email.objects.filter(pk=email.pk).update(status=status)


def panel_links(html):
    """Each panel's link to its list, with the total it says ("Voir la liste (3 en tout)"); the
    next sessions have no list."""
    page = BeautifulSoup(html, "html.parser")
    links = {}
    for panel in page.select("section.w-panel--dashboard"):
        link = panel.find("a", string=re.compile(r"^Voir (la liste|les) "))
        if link is None:
            continue
        links[panel["id"].removesuffix("-section")] = (int(re.search(r"\d+", link.get_text()).group()), link["href"])
    return links


def rows_of_list(client, url):
    page = BeautifulSoup(client.get(url).content.decode(), "html.parser")
    return len(page.select("table.listing tbody tr"))


def test_each_panel_links_to_the_list_of_exactly_the_records_it_counts(admin_client):
    today = timezone.localdate()
    for status in (ApplicationStatus.NEW, ApplicationStatus.NEW, ApplicationStatus.SHORTLISTED):
        ApplicationFactory(status=status)
    ApplicationFactory(mission=MissionFactory(status=MissionStatus.CLOSED))  # nobody waits on a closed mission
    for status in (MissionRequestStatus.NEW, MissionRequestStatus.NEW, MissionRequestStatus.REFUSED):
        MissionRequestFactory(status=status)
    for days, status in ((2, MissionStatus.OPEN), (7, MissionStatus.OPEN), (20, MissionStatus.OPEN),
                         (3, MissionStatus.FILLED)):
        MissionFactory(apply_before=today + datetime.timedelta(days=days), status=status)
    for status in (EmailStatus.FAILED, EmailStatus.UNCERTAIN, EmailStatus.UNCERTAIN, EmailStatus.SENT,
                   EmailStatus.PENDING):
        email_with_status(status)
    for status in (CaseStatus.OPEN, CaseStatus.IN_PROGRESS, CaseStatus.IN_PROGRESS, CaseStatus.RESOLVED):
        FollowUpCaseFactory(status=status)

    links = panel_links(admin_client.get("/admin/").content.decode())

    assert {panel: total for panel, (total, _url) in links.items()} == {
        "waiting_applications": 2, "new_requests": 2, "deadline_soon": 2, "failed_emails": 3,
        "open-followup-cases": 3,
    }
    for panel, (total, url) in links.items():
        assert rows_of_list(admin_client, url) == total, panel


def test_the_open_cases_link_says_what_it_counts(admin_client):
    FollowUpCaseFactory(status=CaseStatus.IN_PROGRESS)

    html = admin_client.get("/admin/").content.decode()

    assert "Voir le suivi ouvert ou en cours" in html
    assert "/admin/suivis/?status=ouvert&amp;status=en_cours" in html


def test_each_awaited_course_links_to_the_list_of_exactly_the_people_it_counts(admin_client):
    course = TrainingPageFactory(title="Sécurité des sites")
    SessionWaiterFactory.create_batch(2, course=course)
    SessionWaiterFactory(course=course, confirmed_at=None)
    SessionWaiterFactory(course=course, notified_at=timezone.now())
    SessionWaiterFactory(course=course, anonymised_at=timezone.now())
    SessionWaiterFactory(course=TrainingPageFactory(title="Autre formation"))

    html = admin_client.get("/admin/").content.decode()
    panel = BeautifulSoup(html, "html.parser").find(id="waiting_courses-section")
    counts = {row.a.get_text(): (int(row.find_all("td")[1].get_text()), row.a["href"])
              for row in panel.select("tbody tr")}

    assert counts.keys() == {"Sécurité des sites", "Autre formation"}
    assert counts["Sécurité des sites"][0] == 2
    for title, (count, url) in counts.items():
        assert rows_of_list(admin_client, url) == count, title


def test_a_panel_shown_for_one_of_several_permissions(client):
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(*Permission.objects.filter(codename__in=["access_admin", "view_sessionwaiter"]))
    client.force_login(user)
    SessionWaiterFactory(course=TrainingPageFactory(title="Sécurité des sites"))
    TrainingSessionPageFactory(title="Session de Nantes")

    html = client.get("/admin/").content.decode()

    assert "Formations attendues" in html and "Sécurité des sites" in html
    assert "Prochaines sessions de formation" not in html


def test_empty_panels_say_so(admin_client):
    html = admin_client.get("/admin/").content.decode()

    assert "Aucune candidature n’attend de réponse." in html
    assert "Aucun e-mail en échec." in html
    assert "Aucune session à venir." in html
    assert "Personne n’attend de nouvelle session pour le moment." in html
    assert "Aucun suivi ouvert\u00a0: tout va bien." in html


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
