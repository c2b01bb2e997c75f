"""The admin as coordinators use it (issue 11): preview of drafts, request conversion, mission
states, deleting a mission with applications."""

import datetime
import re

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from missions import services
from missions.enums import MissionRequestStatus, MissionState
from missions.models import Mission
from tests.factories import SuperUserFactory

from .factories import MissionFactory, MissionRequestFactory

pytestmark = pytest.mark.django_db


def preview_html(mission):
    request = RequestFactory().get("/")
    request.user = SuperUserFactory()
    return mission.serve_preview(request, "").render().content.decode()


def test_preview_of_an_open_draft_shows_it_as_it_will_look_once_published(index_page):
    mission = MissionFactory(title="Brouillon ouvert", live=False, first_published_at=None)

    html = preview_html(mission)

    assert "Ouverte aux candidatures" in html
    assert "Candidatures closes" not in html
    assert "Cette mission est clôturée" not in html
    assert "Le formulaire de candidature apparaîtra ici une fois la mission publiée." in html


def test_preview_of_a_filled_draft_still_says_filled(index_page):
    html = preview_html(MissionFactory(live=False, status="pourvue"))

    assert "Mission pourvue" in html and "Ouverte aux candidatures" not in html


# --- association requests: conversion is the primary action, and the only way to "convertie" ----

REQUESTS_URL = "/admin/demandes_missions/"


@pytest.fixture
def admin_client(client):
    client.force_login(SuperUserFactory())
    return client


def test_conversion_is_a_primary_button_on_each_request_row_not_hidden_in_the_menu(admin_client):
    request_ = MissionRequestFactory(title="Refaire le site")
    convert_url = f"{REQUESTS_URL}{request_.pk}/action/convert/"

    html = admin_client.get(REQUESTS_URL).content.decode()

    button = re.search(rf'<a href="{re.escape(convert_url)}[^"]*"[^>]*class="[^"]*button-primary', html) or \
        re.search(rf'class="[^"]*button-primary[^"]*"[^>]*href="{re.escape(convert_url)}', html)
    assert button is not None
    dropdown = re.search(r'data-controller="w-dropdown".*?</div>\s*</div>', html, re.S)
    assert dropdown is None or convert_url not in dropdown.group(0)


def test_the_converted_status_is_not_offered_by_hand(admin_client):
    request_ = MissionRequestFactory()
    edit_url = f"{REQUESTS_URL}edit/{request_.pk}/"

    form = admin_client.get(edit_url).content.decode()
    response = admin_client.post(edit_url, {"status": MissionRequestStatus.CONVERTED, "note": ""})

    assert f'value="{MissionRequestStatus.CONVERTED}"' not in form
    assert 'name="status"' not in form  # shown in the summary, reached through the actions only
    assert response.status_code == 302  # the posted status is ignored
    request_.refresh_from_db()
    assert request_.status == MissionRequestStatus.NEW
    assert not Mission.objects.exists()


def test_refusing_a_request_tells_the_association_why_and_says_so(admin_client, mailoutbox):
    request_ = MissionRequestFactory(title="Refonte complète", email="contact@asso.example.org")
    edit_page = admin_client.get(f"{REQUESTS_URL}edit/{request_.pk}/").content.decode()
    assert f"{REQUESTS_URL}{request_.pk}/action/refuser/" in edit_page  # a button of its own
    assert re.search(r'<a [^>]*class="[^"]*w-header-button[^"]*"[^>]*href="[^"]*/action/refuser/', edit_page) or \
        re.search(r'href="[^"]*/action/refuser/[^"]*"[^>]*class="[^"]*w-header-button', edit_page)  # styled by the header

    response = admin_client.post(f"{REQUESTS_URL}{request_.pk}/action/refuser/", {
        "reason": "Ce besoin relève d’un prestataire : voici deux pistes.", "notify": "on",
    }, follow=True)

    request_.refresh_from_db()
    assert request_.status == MissionRequestStatus.REFUSED and request_.refused_at is not None
    assert "E-mail envoyé à l’association (contact@asso.example.org)" in response.content.decode()
    [email] = mailoutbox
    assert email.to == ["contact@asso.example.org"]
    assert "Ce besoin relève d’un prestataire" in email.body and "Refonte complète" in email.subject
    assert "Refusée le" in request_.note and "e-mail envoyé" in request_.note


def test_a_request_refused_without_email_sends_nothing_and_can_be_reopened(admin_client, mailoutbox):
    request_ = MissionRequestFactory()

    response = admin_client.post(f"{REQUESTS_URL}{request_.pk}/action/refuser/", {"reason": "Doublon"}, follow=True)
    assert "sans e-mail" in response.content.decode()
    admin_client.post(f"{REQUESTS_URL}{request_.pk}/action/remettre-a-moderer/", follow=True)

    request_.refresh_from_db()
    assert request_.status == MissionRequestStatus.NEW and request_.refused_at is None
    assert mailoutbox == []


def test_a_refusal_needs_a_reason_and_happens_once(admin_client, mailoutbox):
    request_ = MissionRequestFactory()

    empty = admin_client.post(f"{REQUESTS_URL}{request_.pk}/action/refuser/", {"reason": "", "notify": "on"})
    assert empty.status_code == 200 and "Champ requis" in empty.content.decode()
    services.refuse_request(request_, reason="Hors champ")
    again = admin_client.post(f"{REQUESTS_URL}{request_.pk}/action/refuser/", {"reason": "x", "notify": "on"},
                              follow=True)

    assert "n’est pas possible" in again.content.decode()
    assert len(mailoutbox) == 1


def test_the_status_of_a_request_is_never_chosen_by_hand(admin_client):
    request_ = MissionRequestFactory()

    admin_client.post(f"{REQUESTS_URL}edit/{request_.pk}/", {"status": MissionRequestStatus.REFUSED, "note": "Hors champ"})

    request_.refresh_from_db()
    assert request_.status == MissionRequestStatus.NEW and request_.note == "Hors champ"


def test_a_converted_request_keeps_its_status_and_mission(admin_client):
    request_ = MissionRequestFactory()
    mission = services.convert_request(request_)

    admin_client.post(f"{REQUESTS_URL}edit/{request_.pk}/", {"status": MissionRequestStatus.NEW, "note": "vu"})

    request_.refresh_from_db()
    assert request_.status == MissionRequestStatus.CONVERTED and request_.mission == mission
    assert request_.note == "vu"


def test_conversion_maps_fields_sensibly():
    description = (
        "Notre association aide les familles du quartier. Nous voulons un site plus lisible. "
        + "Nous avons beaucoup de contenus anciens à trier et des pages à réécrire entièrement. " * 8
        + "\nDeuxième paragraphe : le contexte détaillé.\nTroisième : nos contraintes."
    )
    deadline = timezone.localdate() + datetime.timedelta(days=40)
    request_ = MissionRequestFactory(description=description, deadline=deadline, city="Lyon", format="a_distance")

    mission = services.convert_request(request_)

    assert mission.summary == "Notre association aide les familles du quartier."  # its first sentence
    assert "<p>Deuxième paragraphe : le contexte détaillé.</p>" in mission.description
    assert "<p>Troisième : nos contraintes.</p>" in mission.description
    assert mission.apply_before is None  # the wished date is not a deadline for volunteers
    assert mission.needed_by == deadline
    assert mission.location == ""  # remote: the association's city is not where it happens


def test_conversion_of_an_on_site_need_keeps_the_city_as_location():
    mission = services.convert_request(MissionRequestFactory(city="Nantes", format="sur_place"))

    assert mission.location == "Nantes"


def test_a_summary_without_sentence_end_is_cut_at_a_word():
    summary = services.draft_summary("mot " * 200)

    assert len(summary) <= 160 and summary.endswith("mot…")


def test_the_wished_date_is_shown_on_the_public_mission(client, index_page):
    mission = MissionFactory(needed_by=datetime.date(2031, 3, 15))

    html = client.get(f"{index_page.url}{mission.slug}/").content.decode()

    assert "Réalisation souhaitée pour le" in html and "15 mars 2031" in html


# --- the missions list: state column and filter ---------------------------------------------

MISSIONS_URL = "/admin/snippets/missions/mission/"


@pytest.fixture
def missions_in_every_state():
    now = timezone.now()
    past = timezone.localdate() - datetime.timedelta(days=1)
    missions = {
        MissionState.DRAFT: MissionFactory(title="Un brouillon", live=False, first_published_at=None),
        MissionState.SCHEDULED: MissionFactory(title="Une planifiée", live=False, first_published_at=None,
                                               go_live_at=now + datetime.timedelta(days=1)),
        MissionState.EXPIRED: MissionFactory(title="Une expirée", live=False, expired=True),
        MissionState.LIVE: MissionFactory(title="Une ouverte"),
        MissionState.PAST_DEADLINE: MissionFactory(title="Une échue", apply_before=past),
        MissionState.FILLED: MissionFactory(title="Une pourvue", status="pourvue"),
        MissionState.CLOSED: MissionFactory(title="Une clôturée", status="cloturee"),
    }
    return missions


def test_each_mission_has_the_state_the_team_expects(missions_in_every_state):
    for state, mission in missions_in_every_state.items():
        assert mission.state() == state, mission.title
        assert list(Mission.objects.in_state(state)) == [mission], state


def test_the_missions_list_says_draft_and_scheduled_rather_than_open(admin_client, missions_in_every_state):
    response = admin_client.get(MISSIONS_URL)
    rows = {m.title: m.state_label() for m in response.context["object_list"]}
    html = response.content.decode()

    assert rows["Un brouillon"] == "Brouillon"
    assert rows["Une planifiée"].startswith("Planifiée le ")
    assert rows["Une expirée"] == "Expirée"
    assert rows["Une ouverte"] == "Ouverte"
    assert rows["Une pourvue"] == "Pourvue"
    assert "Planifiée le" in html and "Brouillon" in html


@pytest.mark.parametrize("state", list(MissionState))
def test_the_missions_list_filters_by_state(admin_client, missions_in_every_state, state):
    response = admin_client.get(MISSIONS_URL, {"state": state.value})

    assert [m.title for m in response.context["object_list"]] == [missions_in_every_state[state].title]


def test_a_live_mission_with_a_pending_draft_says_so():
    mission = MissionFactory(has_unpublished_changes=True)

    assert mission.state_label() == "Ouverte (modifications en brouillon)"


# --- drafts never published reserve no address; abandoned drafts are found -------------------


def publish(mission):
    mission.save_revision().publish()
    return Mission.objects.get(pk=mission.pk)


def test_a_never_published_draft_does_not_take_the_address_of_the_real_mission():
    association = MissionFactory().association
    abandoned = Mission(title="Refonte du site", association=association, summary="s", contact_email="a@b.org",
                        live=False)
    abandoned.full_clean()
    abandoned.save()
    assert abandoned.slug is None  # an (auto)saved draft reserves nothing

    real = Mission(title="Refonte du site", association=association, summary="s", contact_email="a@b.org",
                   live=False)
    real.save()
    real = publish(real)

    assert real.slug == "refonte-du-site"


def test_publishing_frees_an_address_typed_in_a_never_published_draft():
    draft = MissionFactory(title="Brouillon", slug="refonte-du-site", live=False, first_published_at=None)
    real = MissionFactory(title="Refonte du site", slug=None, live=False, first_published_at=None)

    real = publish(real)

    assert real.slug == "refonte-du-site"
    draft.refresh_from_db()
    assert draft.slug is None


def test_a_published_mission_keeps_its_address_and_new_ones_get_a_suffix():
    first = MissionFactory(title="Refonte du site", slug="refonte-du-site")
    second = publish(MissionFactory(title="Refonte du site", slug=None, live=False, first_published_at=None))

    assert first.slug == "refonte-du-site" and second.slug == "refonte-du-site-2"


def test_deleting_a_draft_frees_its_address():
    MissionFactory(title="Refonte du site", slug="refonte-du-site", live=False, first_published_at=None).delete()

    mission = publish(MissionFactory(title="Refonte du site", slug=None, live=False, first_published_at=None))

    assert mission.slug == "refonte-du-site"


def test_the_preview_of_a_draft_without_address_renders(index_page):
    mission = MissionFactory(title="Sans adresse", slug=None, live=False, first_published_at=None)

    assert "Sans adresse" in preview_html(mission)


def test_abandoned_drafts_are_found_in_the_missions_list(admin_client):
    old = timezone.now() - datetime.timedelta(days=40)
    abandoned = MissionFactory(title="Oublié", slug=None, live=False, first_published_at=None)
    Mission.objects.filter(pk=abandoned.pk).update(updated_at=old)
    recent = MissionFactory(title="En cours", slug=None, live=False, first_published_at=None)
    published_long_ago = MissionFactory(title="Publiée")
    Mission.objects.filter(pk=published_long_ago.pk).update(updated_at=old)

    response = admin_client.get(MISSIONS_URL, {"abandoned": "true"})

    assert [m.title for m in response.context["object_list"]] == ["Oublié"]
    assert recent.pk not in [m.pk for m in Mission.objects.abandoned_drafts()]


def test_an_abandoned_draft_is_deleted_from_the_admin(admin_client):
    draft = MissionFactory(title="Oublié", slug=None, live=False, first_published_at=None)
    delete_url = reverse(Mission.snippet_viewset.get_url_name("delete"), args=[draft.pk])

    admin_client.post(delete_url)

    assert not Mission.objects.filter(pk=draft.pk).exists()


# --- deleting a mission that has applications: explain, offer to close it --------------------


def test_deleting_a_mission_with_applications_explains_and_offers_to_close_it(admin_client):
    from .factories import ApplicationFactory

    mission = MissionFactory(title="Avec candidatures")
    mission.save_revision()
    ApplicationFactory.create_batch(2, mission=mission)
    delete_url = reverse(Mission.snippet_viewset.get_url_name("delete"), args=[mission.pk])

    html = admin_client.get(delete_url).content.decode()
    admin_client.post(delete_url)

    assert "Cette mission a reçu 2 candidatures" in html
    assert "Clôturer la mission" in html
    assert "Ce(tte)" not in html
    assert Mission.objects.filter(pk=mission.pk).exists()

    close_url = reverse(Mission.snippet_viewset.get_url_name("action"), args=[mission.pk, "close"])
    assert f'href="{close_url}?next=' in html  # the confirmation, which offers to decline the waiting ones
    confirmation = admin_client.get(close_url).content.decode()
    assert "2 candidatures à cette mission attendent encore une décision" in confirmation
    response = admin_client.post(close_url, {"decline_undecided": ""})

    assert response.status_code == 302
    mission.refresh_from_db()
    assert mission.status == "cloturee" and mission.live
    assert mission.latest_revision.content["status"] == "cloturee"


def test_a_mission_without_applications_is_deleted_as_usual(admin_client):
    mission = MissionFactory()
    delete_url = reverse(Mission.snippet_viewset.get_url_name("delete"), args=[mission.pk])

    assert "Clôturer la mission" not in admin_client.get(delete_url).content.decode()
    admin_client.post(delete_url)

    assert not Mission.objects.filter(pk=mission.pk).exists()


def test_closing_a_live_mission_stops_applications_and_refreshes_the_public_page(client, index_page):
    mission = MissionFactory(title="À clôturer")
    mission.save_revision()

    assert services.close_mission(mission) is True
    assert services.close_mission(mission) is False

    html = client.get(f"{index_page.url}{mission.slug}/").content.decode()
    assert "Cette mission est clôturée" in html


def test_converting_a_request_says_which_email_went_to_the_association(admin_client, mailoutbox):
    request_ = MissionRequestFactory(email="contact@asso.example.org")

    response = admin_client.post(f"{REQUESTS_URL}{request_.pk}/action/convert/", follow=True)

    text = " ".join(str(m) for m in response.context["messages"])
    assert "E-mail envoyé à l’association (contact@asso.example.org)" in text
    assert [m.to for m in mailoutbox] == [["contact@asso.example.org"]]


def test_publishing_a_converted_request_says_the_association_was_told(admin_client, mailoutbox):
    from tests.missions.test_coordinator_decisions import mission_form

    request_ = MissionRequestFactory(email="contact@asso.example.org")
    mission = services.convert_request(request_)
    mailoutbox.clear()

    response = admin_client.post(f"/admin/snippets/missions/mission/edit/{mission.pk}/",
                                 {**mission_form(mission), "action-publish": "action-publish"}, follow=True)

    text = " ".join(str(m) for m in response.context["messages"])
    assert "E-mail envoyé à l’association (contact@asso.example.org)\u00a0: son appel à compétences est publié" in text
    assert [m.to for m in mailoutbox] == [["contact@asso.example.org"]]
    again = admin_client.post(f"/admin/snippets/missions/mission/edit/{mission.pk}/",
                              {**mission_form(mission), "action-publish": "action-publish"}, follow=True)
    assert "E-mail envoyé" not in " ".join(str(m) for m in again.context["messages"])  # told once


def test_bulk_deleting_missions_leaves_out_those_with_applications_says_why_and_offers_to_close_them(admin_client):
    from .factories import ApplicationFactory

    kept = MissionFactory(title="Avec candidatures")
    ApplicationFactory.create_batch(3, mission=kept)
    closed = MissionFactory(title="Déjà close", status="cloturee")
    ApplicationFactory(mission=closed)
    free = MissionFactory(title="Sans candidature")
    url = (f"/admin/bulk/missions/mission/delete/?next=/admin/snippets/missions/mission/"
           f"&id={kept.pk}&id={closed.pk}&id={free.pk}")

    html = admin_client.get(url).content.decode()

    assert "2 missions sélectionnées ont reçu des candidatures" in html
    assert "Avec candidatures – 3\u00a0candidatures" in html or "Avec candidatures – 3 candidatures" in html
    close_url = reverse(Mission.snippet_viewset.get_url_name("action"), args=[kept.pk, "close"])
    assert f'href="{close_url}?next=' in html and "déjà clôturée" in html
    assert "utilisé 3 fois" not in html  # not Wagtail's bare count
    assert "Sans candidature" in html  # still deleted as usual
    response = admin_client.post(url)

    assert response.status_code == 302
    assert set(Mission.objects.values_list("title", flat=True)) == {"Avec candidatures", "Déjà close"}


def test_bulk_deleting_only_missions_with_applications_deletes_nothing_and_offers_no_delete_button(admin_client):
    from .factories import ApplicationFactory

    kept = MissionFactory(title="Avec candidatures")
    ApplicationFactory(mission=kept)
    url = f"/admin/bulk/missions/mission/delete/?id={kept.pk}"

    html = admin_client.get(url).content.decode()
    admin_client.post(url)

    assert "Une mission sélectionnée a reçu des candidatures" in html
    assert "Oui, supprimer" not in html
    assert Mission.objects.filter(pk=kept.pk).exists()
