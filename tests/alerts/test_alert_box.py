"""The alert box of the mission list and skill pages: a POST (never the address in a URL) that only
pre-fills the subscribe form; the subscription is still the form's own POST, with consent and the
double opt-in."""

import re

import pytest
from django.core import mail
from django.test import Client

from alerts.models import Subscription
from outbox.models import Email
from tests.missions.factories import MissionFactory
from tests.webassoc.test_page_cache_forms import is_valid_for, page_cache_on, tokens_of  # noqa: F401

pytestmark = pytest.mark.django_db

ADDRESS = "alex.martin@example.org"


def visitor():
    return Client(enforce_csrf_checks=True)


def box_of(html):
    return re.search(r'<form[^>]*class="alert-cta__form".*?</form>', html, re.S).group(0)


def prefill(client, token, **fields):
    return client.post("/alertes/", {"csrfmiddlewaretoken": token, "etape": "preremplir",
                                     "competences": ["video"], "email": ADDRESS, **fields})


@pytest.fixture
def video_mission(index_page):
    return MissionFactory(skills=["video"])


def test_the_alert_box_posts_with_a_csrf_token_so_the_address_never_goes_in_a_url(video_mission):
    client = visitor()
    html = client.get("/missions/?competences=video").content.decode()

    box = box_of(html)
    assert 'method="post"' in box and 'action="/alertes/"' in box
    [token] = tokens_of(client.get("/missions/?competences=video"))  # the box's token
    response = prefill(client, token)

    assert response.status_code == 200  # the form itself, no redirect to a URL holding the address
    assert ADDRESS not in response.request["PATH_INFO"] + response.request.get("QUERY_STRING", "")
    page = response.content.decode()
    assert "alex.martin%40example.org" not in page
    assert not re.search(r'(href|action)="[^"]*email=', page)


def test_the_pre_fill_post_shows_the_typed_address_and_skills_saves_nothing_and_shows_no_error(video_mission):
    client = visitor()
    [token] = tokens_of(client.get("/missions/competences/video/"))

    response = prefill(client, token)

    page = response.content.decode()
    assert re.search(rf'name="email"[^>]*value="{re.escape(ADDRESS)}"', page)
    assert re.search(r'value="video"[^>]*checked', page)
    assert not re.search(r'name="consent"[^>]*checked', page)  # consent is asked here
    assert "error-summary" not in page and 'aria-invalid="true"' not in page
    assert Subscription.objects.count() == 0 and Email.objects.count() == 0 and mail.outbox == []
    cache_control = response["Cache-Control"]
    assert "private" in cache_control and "no-store" in cache_control


def test_the_alert_box_of_a_filtered_list_carries_its_format_cause_and_time_to_the_form(video_mission):
    client = visitor()
    url = "/missions/?competences=video&format=hybride&cause=environnement&engagement=jours"
    html = client.get(url).content.decode()
    box = box_of(html)
    assert "Les autres filtres que vous avez choisis sont repris dans le formulaire." in html
    assert '<input type="hidden" name="format" value="hybride">' in box
    assert '<input type="hidden" name="cause" value="environnement">' in box
    assert '<input type="hidden" name="engagement" value="jours">' in box
    [token] = tokens_of(client.get(url))

    page = prefill(client, token, format="hybride", cause="environnement", engagement="jours").content.decode()

    assert re.search(r'<option value="hybride" selected>', page)
    assert re.search(r'<option value="environnement" selected>', page)
    assert re.search(r'<option value="jours" selected>', page)


def test_the_alert_box_says_an_alert_takes_missions_with_any_of_the_skills(index_page):
    MissionFactory(skills=["video", "collecte"])

    html = visitor().get("/missions/?competences=video&competences=collecte").content.decode()

    box = re.search(r'<section class="panel alert-cta".*?</section>', html, re.S).group(0)
    assert "qui demandent au moins une de ces compétences\u00a0: Collecte" in box
    assert "Les autres filtres" not in box  # only skills chosen


def test_after_the_pre_fill_the_subscription_still_needs_consent_and_the_confirmation_link(video_mission):
    client = visitor()
    [token] = tokens_of(client.get("/missions/?competences=video"))
    prefilled = prefill(client, token)
    [token] = tokens_of(prefilled)
    form = {"csrfmiddlewaretoken": token, "email": ADDRESS, "skills": ["video"], "format": "", "cause": "",
            "commitment": "", "frequency": "immediate"}

    refused = client.post("/alertes/", form)
    assert refused.status_code == 200 and "error-summary" in refused.content.decode()
    assert Subscription.objects.count() == 0

    accepted = client.post("/alertes/", {**form, "consent": "on"})
    assert accepted.status_code == 302 and accepted["Location"] == "/alertes/"
    subscription = Subscription.objects.get()
    assert subscription.email == ADDRESS and not subscription.is_confirmed
    assert [message.to for message in mail.outbox] == [[ADDRESS]]
    assert "Confirmez vos alertes" in mail.outbox[0].subject


def test_an_address_in_a_query_string_is_not_read(client, video_mission):
    html = client.get(f"/alertes/?competences=video&email={ADDRESS}").content.decode()

    assert re.search(r'value="video"[^>]*checked', html)
    assert ADDRESS not in html


def test_a_pre_fill_post_without_csrf_token_is_refused(video_mission):
    assert visitor().post("/alertes/", {"etape": "preremplir", "email": ADDRESS}).status_code == 403


def test_the_mission_list_with_the_alert_box_is_still_served_from_the_page_cache(page_cache_on):  # noqa: F811
    from tests.missions.factories import MissionIndexPageFactory

    MissionIndexPageFactory()
    MissionFactory(skills=["video"])
    first, second = visitor(), visitor()
    assert first.get("/missions/")["X-Cache"] == "MISS"

    response = second.get("/missions/")

    assert response["X-Cache"] == "HIT"
    [token] = tokens_of(response)
    assert is_valid_for(token, second)
    assert prefill(second, token).status_code == 200
