"""What each coordination group can open (review item 14): training coordinators read who waits for
a session of their courses; mission coordinators read the e-mails sent and resend a bounced one.
Neither edits nor deletes what it only reads."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from home import roles
from outbox.models import Email
from outbox.services import queue_email
from tests.alerts.factories import SessionWaiterFactory
from tests.courses.factories import TrainingPageFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def member_of(client, group_name):
    user = UserFactory()
    user.groups.add(Group.objects.get(name=group_name))
    client.force_login(user)
    return user


def bounced_email():
    email = queue_email("benevole@example.org", "test_message", {"name": "Bénévole"})
    Email.objects.filter(pk=email.pk).update(status="failed")
    return email


def test_training_coordinators_read_the_session_waiters_and_see_their_dashboard_panel(client):
    user = member_of(client, roles.TRAINING_COORDINATORS)
    SessionWaiterFactory(course=TrainingPageFactory(title="Sécurité des sites"))

    listing = client.get("/admin/attentes-sessions/")
    dashboard = client.get("/admin/").content.decode()

    assert listing.status_code == 200
    assert "Formations attendues" in dashboard and "Sécurité des sites" in dashboard
    assert user.has_perm("alerts.view_sessionwaiter")
    assert not user.has_perm("alerts.change_sessionwaiter") and not user.has_perm("alerts.delete_sessionwaiter")


def test_mission_coordinators_read_the_emails_sent_and_see_the_undelivered_ones_on_the_dashboard(client):
    user = member_of(client, roles.MISSION_COORDINATORS)
    email = bounced_email()

    listing = client.get(reverse("emails:index"))
    inspect = client.get(reverse("emails:inspect", args=[email.pk]))
    dashboard = client.get("/admin/").content.decode()

    assert listing.status_code == 200 and inspect.status_code == 200
    assert "E-mails non distribués" in dashboard
    assert not user.has_perm("outbox.change_email") and not user.has_perm("outbox.delete_email")


def test_mission_coordinators_resend_an_email_that_bounced(client):
    member_of(client, roles.MISSION_COORDINATORS)
    email = bounced_email()

    response = client.post(reverse("emails:action", args=[email.pk, "resend"]), follow=True)

    assert "remis en file" in " ".join(str(m) for m in response.context["messages"])
    email.refresh_from_db()
    assert email.status != "failed"


def test_training_coordinators_do_not_read_the_emails_sent(client):
    member_of(client, roles.TRAINING_COORDINATORS)

    response = client.get(reverse("emails:index"))

    assert response.status_code in (302, 403)


def test_mission_coordinators_do_not_read_the_session_waiters(client):
    member_of(client, roles.MISSION_COORDINATORS)

    response = client.get("/admin/attentes-sessions/")

    assert response.status_code in (302, 403)
