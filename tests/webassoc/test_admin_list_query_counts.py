"""Every admin list the coordinators use every morning costs the same number of queries with 2
rows as with 20 (conventions §12): related records (missions, sessions, courses, skills) come
with the list's own queries, never one query per row."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from missions.enums import ApplicationStatus, Side
from missions.models import Feedback, FollowUpCase, Skill
from outbox.services import queue_email
from tests.alerts.factories import SubscriptionFactory
from tests.courses.factories import RegistrationFactory
from tests.factories import SuperUserFactory
from tests.missions.factories import ApplicationFactory, MissionFactory, MissionRequestFactory, skill

pytestmark = pytest.mark.django_db

PERSON = "meme-personne@example.org"


def applications(count):
    for _ in range(count):
        ApplicationFactory(mission=MissionFactory(), skills=[skill("video"), skill("referencement")])


def association_requests(count):
    for _ in range(count):
        MissionRequestFactory(skills=[skill("video"), skill("referencement")])


def missions(count):
    for _ in range(count):
        mission = MissionFactory(skills=["video", "collecte"])
        ApplicationFactory.create_batch(2, mission=mission)


def registrations(count):
    RegistrationFactory.create_batch(count)  # each on its own session of its own course


def skills(count):
    first = Skill.objects.count()
    for n in range(first, first + count):
        new = Skill.objects.create(name=f"Compétence {n}", slug=f"competence-{n}", aliases=f"Synonyme {n}")
        MissionFactory(skills=[new.slug])


def introductions(count):
    return [
        ApplicationFactory(mission=MissionFactory(), status=ApplicationStatus.INTRODUCED) for _ in range(count)
    ]


def follow_ups(count):
    for application in introductions(count):
        FollowUpCase.objects.create(application=application, side=Side.VOLUNTEER, description="Pas de nouvelles.")


def feedback(count):
    for application in introductions(count):
        Feedback.objects.create(application=application, side=Side.ASSOCIATION, rating=4, comment="Merci !",
                                answered_at=timezone.now())


def alert_subscriptions(count):
    SubscriptionFactory.create_batch(count, skills=["video", "referencement"])


def outbox_emails(count):
    for n in range(count):
        queue_email(f"personne{n}@example.org", "test_message", {"name": f"Personne {n}"})


def personal_data(count):
    """One address found in applications, registrations and emails, `count` of each."""
    for n in range(count):
        ApplicationFactory(mission=MissionFactory(), email=PERSON, skills=[skill("video")])
        RegistrationFactory(email=PERSON)
        queue_email(PERSON, "test_message", {"name": f"Personne {n}"})


LISTS = {
    "applications": ("/admin/candidatures/", applications),
    "association_requests": ("/admin/demandes_missions/", association_requests),
    "missions": ("/admin/snippets/missions/mission/", missions),
    "registrations": ("/admin/formations/inscriptions/", registrations),
    "skills": ("/admin/competences/", skills),
    "follow_ups": ("/admin/suivis/", follow_ups),
    "feedback": ("/admin/avis/", feedback),
    "alert_subscriptions": ("/admin/abonnements-alertes/", alert_subscriptions),
    "outbox_emails": ("/admin/emails/", outbox_emails),
    "personal_data_search": ("/admin/donnees-personnelles/", personal_data),  # the address is posted
}


def fetch(client, url):
    if url == "/admin/donnees-personnelles/":
        return client.post(url, {"email": PERSON})
    return client.get(url)


def queries_and_rows_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = fetch(client, url)
    assert response.status_code == 200
    context = response.context
    rows = context["total"] if "total" in context else len(context["object_list"])
    return len(queries), rows


@pytest.mark.parametrize("name", list(LISTS))
def test_admin_list_query_count_does_not_grow_with_rows(client, name):
    url, make = LISTS[name]
    client.force_login(SuperUserFactory())
    if name == "skills":
        Skill.objects.all().delete()  # the seeded vocabulary: 2 rows, then 20
    make(2)
    fetch(client, url)  # caches (site, settings, content types) filled once
    with_two, rows_before = queries_and_rows_of(client, url)

    make(18)
    with_twenty, rows_after = queries_and_rows_of(client, url)

    assert rows_before >= 2 and rows_after >= 20  # the rows are really listed
    assert with_twenty == with_two, f"{name}: {with_two} queries with 2 rows, {with_twenty} with 20"
