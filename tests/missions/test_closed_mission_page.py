"""A mission that takes no more applications (filled, closed, past its deadline) says so and
invites no one: no deadline, no number of volunteers wanted, no "Candidater" heading, no share
buttons; it points to the open missions instead, and to similar ones when there are some. An open
mission, and the preview of an open draft, still invite as before."""

import datetime
import re

import pytest
from django.test import RequestFactory
from django.utils import timezone

from missions import services
from tests.factories import SuperUserFactory

from .factories import MissionFactory

pytestmark = pytest.mark.django_db

CLOSED = {
    "filled": ({"status": "pourvue"}, "Mission pourvue"),
    "closed": ({"status": "cloturee"}, "Candidatures closes"),
    "past deadline": ({"apply_before": timezone.localdate() - datetime.timedelta(days=1)}, "Candidatures closes"),
}


def page(client, mission):
    return client.get(f"/missions/{mission.slug}/").content.decode()


def headings(html):
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h2[^>]*>(.*?)</h2>", html, re.S)]


@pytest.mark.parametrize(("fields", "status"), CLOSED.values(), ids=CLOSED.keys())
def test_a_mission_taking_no_applications_shows_its_status_and_no_invitation(client, index_page, fields, status):
    mission = MissionFactory(volunteers_wanted=3, **fields)

    html = page(client, mission)

    assert status in headings(html)
    assert "Candidater" not in headings(html)
    assert "Date limite pour candidater" not in html
    assert "Bénévoles recherchés" not in html
    assert "Faire connaître cette mission" not in html
    assert 'href="/missions/"' in html  # the open missions


def test_marking_a_mission_filled_removes_the_invitation_from_its_page(client, index_page):
    mission = MissionFactory(volunteers_wanted=3)
    assert "Faire connaître cette mission" in page(client, mission)

    services.mark_filled(mission)

    html = page(client, mission)
    assert "Mission pourvue" in headings(html)
    assert "Date limite pour candidater" not in html and "Faire connaître cette mission" not in html


def test_a_filled_mission_lists_open_missions_sharing_its_skills(client, index_page):
    mission = MissionFactory(status="pourvue", skills=["accessibilite"])
    MissionFactory(title="Audit accessible", skills=["accessibilite"])
    MissionFactory(title="Sans rapport", skills=["video"])
    MissionFactory(title="Déjà pourvue aussi", skills=["accessibilite"], status="pourvue")

    html = page(client, mission)

    assert "Missions similaires ouvertes" in headings(html)
    assert "Audit accessible" in html
    assert "Sans rapport" not in html and "Déjà pourvue aussi" not in html


def test_an_open_mission_still_invites_to_apply_and_share(client, index_page):
    mission = MissionFactory(volunteers_wanted=3)

    html = page(client, mission)

    assert "Candidater" in headings(html)
    assert "Date limite pour candidater" in html and "Bénévoles recherchés" in html
    assert "Faire connaître cette mission" in html
    assert "Missions similaires ouvertes" not in html


def test_the_preview_of_an_open_draft_still_shows_the_invitation_it_will_have(index_page):
    request = RequestFactory().get("/")
    request.user = SuperUserFactory()
    mission = MissionFactory(live=False, first_published_at=None)

    html = mission.serve_preview(request, "").render().content.decode()

    assert "Candidater" in headings(html) and "Date limite pour candidater" in html


def test_a_mission_without_deadline_says_so_in_a_sentence_that_reads(client, index_page):
    mission = MissionFactory(apply_before=None)

    html = client.get(f"/missions/{mission.slug}/").content.decode()

    assert re.search(r"<dt>Date limite pour candidater</dt>\s*<dd>aucune</dd>", html)
