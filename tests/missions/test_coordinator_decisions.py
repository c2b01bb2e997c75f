"""The coordinator's side: one-step decisions in the admin that say which emails went out, the
offer to mark a mission filled, reminders at 2 and 7 days (once), "mes missions"."""

import re
from datetime import timedelta
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone
from django.utils.html import escape

from missions import services
from missions.models import Application, Mission
from tests.factories import SuperUserFactory
from webassoc.periodic import jobs

from .factories import ApplicationFactory, MissionFactory

pytestmark = pytest.mark.django_db

APPLICATIONS_URL = "/admin/candidatures/"


@pytest.fixture
def coordinator():
    return SuperUserFactory(email="alex@webassoc.example.org")


@pytest.fixture
def admin_client(client, coordinator):
    client.force_login(coordinator)
    return client


def edit(admin_client, application, **data):
    return admin_client.post(f"{APPLICATIONS_URL}edit/{application.pk}/", {"note": "", **data}, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_a_new_application_is_introduced_in_one_save_and_the_message_names_both_emails(admin_client, index_page):
    mission = MissionFactory(contact_email="asso@example.org", volunteers_wanted=2)
    application = ApplicationFactory(mission=mission, email="vol@example.org")

    response = edit(admin_client, application, status="mise_en_relation")

    application.refresh_from_db()
    assert application.status == "mise_en_relation"
    text = " ".join(messages_of(response))
    assert "E-mails envoyés" in text and "vol@example.org" in text and "asso@example.org" in text
    assert "modifié" not in text
    assert "pourvue" not in text  # 1 of 2 volunteers


def test_the_last_introduction_offers_to_mark_the_mission_filled(admin_client, index_page):
    mission = MissionFactory(volunteers_wanted=1)
    application = ApplicationFactory(mission=mission)

    response = edit(admin_client, application, status="mise_en_relation")

    html = response.content.decode()
    assert "voulez-vous la marquer pourvue" in " ".join(messages_of(response))
    assert f"/admin/candidatures/{application.pk}/action/mission-pourvue/" in html
    admin_client.post(f"/admin/candidatures/{application.pk}/action/mission-pourvue/")
    mission.refresh_from_db()
    assert mission.status == "pourvue" and mission.filled_at is not None
    assert mission.latest_revision.as_object().status == "pourvue"  # a later publish keeps it filled


def test_marking_the_mission_filled_declines_the_waiting_applications_and_tells_each_volunteer(
        admin_client, index_page):
    mission = MissionFactory(volunteers_wanted=1, title="Audit d’accessibilité")
    introduced = ApplicationFactory(mission=mission, status="mise_en_relation")
    waiting = ApplicationFactory(mission=mission, name="Chloé", email="chloe@example.org")
    shortlisted = ApplicationFactory(mission=mission, name="Alice", email="alice@example.org", status="preselectionnee")
    withdrawn = ApplicationFactory(mission=mission, status="retiree")
    url = f"/admin/candidatures/{introduced.pk}/action/mission-pourvue/"

    confirmation = admin_client.get(url).content.decode()
    assert "2 candidatures à cette mission attendent encore une décision" in confirmation
    assert "Chloé" in confirmation and "Alice" in confirmation
    mail.outbox.clear()
    response = admin_client.post(url, {"decline_undecided": "on"}, follow=True)

    text = " ".join(messages_of(response))
    assert "est marquée pourvue" in text
    assert "2 candidatures déclinées" in text and "chloe@example.org" in text and "alice@example.org" in text
    for application in (waiting, shortlisted):
        application.refresh_from_db()
        assert (application.status, application.decline_reason) == ("declinee", "pourvue")
    withdrawn.refresh_from_db()
    assert withdrawn.status == "retiree"
    assert sorted(message.to[0] for message in mail.outbox) == ["alice@example.org", "chloe@example.org"]


def test_marking_the_mission_filled_may_leave_the_waiting_applications_as_they_are(admin_client, index_page):
    mission = MissionFactory(volunteers_wanted=1)
    introduced = ApplicationFactory(mission=mission, status="mise_en_relation")
    waiting = ApplicationFactory(mission=mission)
    mail.outbox.clear()

    response = admin_client.post(f"/admin/candidatures/{introduced.pk}/action/mission-pourvue/", {}, follow=True)

    assert "1 candidature reste sans réponse (hors de la file de l’équipe)" in " ".join(messages_of(response))
    waiting.refresh_from_db()
    assert waiting.status == "nouvelle" and mail.outbox == []


def test_the_offer_to_mark_the_mission_filled_follows_an_introduction_only(admin_client, index_page):
    mission = MissionFactory(volunteers_wanted=1)
    ApplicationFactory(mission=mission, status="mise_en_relation")
    other = ApplicationFactory(mission=mission)

    response = edit(admin_client, other, status="declinee", decline_reason="profil")

    assert "pourvue ?" not in " ".join(messages_of(response))  # the introduction was an earlier decision


def test_declining_in_the_admin_needs_a_reason_and_tells_what_was_sent(admin_client, index_page):
    application = ApplicationFactory(email="vol@example.org")

    refused = edit(admin_client, application, status="declinee")
    assert refused.status_code == 200 and "Choisissez le motif" in refused.content.decode()
    response = edit(admin_client, application, status="declinee", decline_reason="profil")

    application.refresh_from_db()
    assert application.status == "declinee" and application.decline_reason == "profil"
    sent = "E-mail envoyé\u00a0: la décision «\u00a0Déclinée\u00a0» au bénévole (vol@example.org)"
    assert sent in " ".join(messages_of(response))


def test_undoing_a_decline_in_the_admin_sends_nothing_and_is_recorded_with_who(admin_client, coordinator):
    application = ApplicationFactory()
    edit(admin_client, application, status="declinee", decline_reason="pourvue")

    response = edit(admin_client, application, status="nouvelle")

    assert "Aucun e-mail envoyé." in " ".join(messages_of(response))
    assert len(mail.outbox) == 1
    steps = list(application.steps.values_list("status", "by"))
    assert steps == [("declinee", coordinator.pk), ("nouvelle", coordinator.pk)]
    html = admin_client.get(f"{APPLICATIONS_URL}edit/{application.pk}/").content.decode()
    assert "Historique" in html and "Déclinée → <strong>Nouvelle</strong>" in html


def test_undoing_a_decision_with_an_email_says_what_the_volunteer_reads(admin_client, index_page):
    application = ApplicationFactory(email="vol@example.org")
    edit(admin_client, application, status="preselectionnee")

    response = edit(admin_client, application, status="nouvelle", notify_again="on")

    sent = "E-mail envoyé\u00a0: la décision «\u00a0De nouveau à l’étude\u00a0» au bénévole (vol@example.org)"
    assert sent in " ".join(messages_of(response))
    assert mail.outbox[-1].subject.endswith("est de nouveau à l’étude")


def test_mes_missions_lists_only_the_missions_i_coordinate(admin_client, coordinator):
    mine = ApplicationFactory(name="Sur ma mission", mission=MissionFactory(coordinator=coordinator))
    ApplicationFactory(name="Sur une autre mission")

    html = admin_client.get(f"{APPLICATIONS_URL}?mes_missions=oui").content.decode()
    missions_html = admin_client.get("/admin/snippets/missions/mission/?mes_missions=oui").content.decode()

    assert mine.name in html and "Sur une autre mission" not in html
    assert mine.mission.title in missions_html
    assert Mission.objects.exclude(pk=mine.mission_id).first().title not in missions_html


# --- reminders ----------------------------------------------------------------------------------

def test_an_unanswered_application_is_in_the_digest_at_2_days_then_late_at_7_once_each(index_page):
    application = ApplicationFactory(name="Camille Attente")
    created = application.created_at

    assert services.send_application_reminders(now=created + timedelta(days=1)) == 0
    assert services.send_application_reminders(now=created + timedelta(days=2, minutes=1)) == 1
    assert services.send_application_reminders(now=created + timedelta(days=3)) == 0
    assert services.send_application_reminders(now=created + timedelta(days=7, minutes=1)) == 1
    assert services.send_application_reminders(now=created + timedelta(days=8)) == 0

    digests = [m for m in mail.outbox if "attend" in m.subject]
    assert len(digests) == 2
    assert "Camille Attente" in digests[0].body and "en retard" not in digests[0].subject
    assert "(1 en retard)" in digests[1].subject and "[en retard] Camille Attente" in digests[1].body
    assert digests[0].to == ["equipe@webassoc.localhost"]


def test_the_digest_goes_to_the_mission_coordinator_when_there_is_one(index_page, coordinator):
    ApplicationFactory(mission=MissionFactory(coordinator=coordinator), created_at=timezone.now() - timedelta(days=3))
    ApplicationFactory(created_at=timezone.now() - timedelta(days=3))

    assert services.send_application_reminders() == 2

    assert sorted(m.to[0] for m in mail.outbox) == ["alex@webassoc.example.org", "equipe@webassoc.localhost"]


def test_the_digest_links_to_the_list_the_dashboard_panel_opens(index_page, admin_client):
    ApplicationFactory(name="En attente", created_at=timezone.now() - timedelta(days=3))

    assert services.send_application_reminders() == 1

    queue_url = re.search(r"Toutes les candidatures nouvelles\u00a0: (\S+)", mail.outbox[-1].body).group(1)
    link = urlsplit(queue_url)
    assert f'href="{escape(f"{link.path}?{link.query}")}"' in admin_client.get("/admin/").content.decode()
    assert link.query == "status=nouvelle&mission_status=ouverte&ordering=created_at"  # oldest first, as in the digest


def test_answered_applications_are_not_reminded(index_page):
    application = ApplicationFactory(created_at=timezone.now() - timedelta(days=3))
    services.change_status(application, status="preselectionnee")
    mail.outbox.clear()

    assert services.send_application_reminders() == 0
    assert mail.outbox == []


def test_an_application_found_late_is_reminded_once_as_late(index_page):
    ApplicationFactory(created_at=timezone.now() - timedelta(days=9))

    call_command("send_application_reminders")
    call_command("send_application_reminders")

    assert len(mail.outbox) == 1 and "en retard" in mail.outbox[0].subject
    assert Application.objects.get().reminded_at is not None


def test_reminders_and_check_ins_are_periodic_jobs():
    commands = {job.command: job.every for job in jobs()}

    assert commands["send_application_reminders"] == timedelta(days=1)
    assert commands["send_checkins"] == timedelta(hours=1)


def mission_form(mission, **changes):
    """The mission's edit form as the admin posts it (saving a draft: no "action-publish")."""
    from wagtail.test.utils.form_data import rich_text

    data = {
        "title": mission.title, "slug": mission.slug or "", "association": mission.association_id,
        "summary": mission.summary, "description": rich_text(mission.description or ""), "skills": "",
        "format": mission.format, "location": mission.location or "", "effort_hours": mission.effort_hours or "",
        "volunteers_wanted": mission.volunteers_wanted, "apply_before": "", "needed_by": "",
        "status": mission.status, "contact_name": mission.contact_name or "", "contact_email": mission.contact_email,
        "coordinator": "", "go_live_at": "", "expire_at": "",
    }
    return {**data, **changes}


def test_the_coordinator_is_chosen_among_mission_coordinators_by_name(admin_client, coordinator):
    from django.contrib.auth.models import Group

    from home import roles
    from tests.factories import UserFactory

    claire = UserFactory(first_name="Claire", last_name="Martin", username="claire")
    claire.groups.add(Group.objects.get(name=roles.MISSION_COORDINATORS))
    editor = UserFactory(first_name="Édith", last_name="Piaf", username="edith")
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    mission = MissionFactory()

    html = admin_client.get(f"/admin/snippets/missions/mission/edit/{mission.pk}/").content.decode()
    select = html[html.index('name="coordinator"'):]
    select = select[:select.index("</select>")]

    assert ">Claire Martin<" in select and ">Édith Piaf<" not in select and ">edith<" not in select


def test_a_coordinator_saved_with_a_draft_applies_at_once(admin_client, coordinator):
    mission = MissionFactory(title="Refonte", coordinator=None)
    assert mission.live

    response = admin_client.post(f"/admin/snippets/missions/mission/edit/{mission.pk}/",
                                 mission_form(mission, coordinator=coordinator.pk))

    assert response.status_code == 302, response.content.decode()[:2000]
    mission.refresh_from_db()
    assert mission.coordinator == coordinator and mission.live
    mine = admin_client.get("/admin/snippets/missions/mission/", {"mes_missions": "oui"}).content.decode()
    assert "Refonte" in mine


# --- closing a mission: its undecided applications do not wait forever ------------------------

def close_url(mission):
    return f"/admin/snippets/missions/mission/{mission.pk}/action/close/"


def test_closing_a_mission_offers_to_decline_its_waiting_applications_and_tells_each_volunteer(
        admin_client, index_page):
    mission = MissionFactory(title="Annulée")
    waiting = ApplicationFactory(mission=mission, name="Chloé", email="chloe@example.org")
    shortlisted = ApplicationFactory(mission=mission, name="Alice", email="alice@example.org", status="preselectionnee")
    introduced = ApplicationFactory(mission=mission, status="mise_en_relation")

    confirmation = admin_client.get(close_url(mission)).content.decode()
    assert "2 candidatures à cette mission attendent encore une décision" in confirmation
    assert 'name="decline_undecided"' in confirmation and "checked" in confirmation  # ticked by default
    mail.outbox.clear()
    response = admin_client.post(close_url(mission), {"decline_undecided": "on"}, follow=True)

    text = " ".join(messages_of(response))
    assert "est clôturée" in text and "2 candidatures déclinées" in text
    assert "chloe@example.org" in text and "alice@example.org" in text
    for application in (waiting, shortlisted):
        application.refresh_from_db()
        assert (application.status, application.decline_reason) == ("declinee", "annulee")
    introduced.refresh_from_db()
    assert introduced.status == "mise_en_relation"
    assert sorted(message.to[0] for message in mail.outbox) == ["alice@example.org", "chloe@example.org"]
    assert all("Mission annulée par l’association" in message.body for message in mail.outbox)


def test_applications_left_undecided_on_a_closed_or_filled_mission_leave_the_queue_and_the_reminders(
        admin_client, client, index_page):
    from missions import tokens

    closed = MissionFactory(title="Close")
    left = ApplicationFactory(mission=closed, name="Laissée", created_at=timezone.now() - timedelta(days=3))
    ApplicationFactory(mission=MissionFactory(status="pourvue"), name="Sur pourvue",
                       created_at=timezone.now() - timedelta(days=3))
    waiting = ApplicationFactory(name="En attente", created_at=timezone.now() - timedelta(days=3))
    response = admin_client.post(close_url(closed), {}, follow=True)  # not ticked: nobody is declined

    assert "1 candidature reste sans réponse" in " ".join(messages_of(response))
    left.refresh_from_db()
    assert left.status == "nouvelle" and not left.steps.exists()
    assert list(Application.objects.awaiting_answer()) == [waiting]
    dashboard = admin_client.get("/admin/").content.decode()
    assert "En attente" in dashboard and "Laissée" not in dashboard and "Sur pourvue" not in dashboard
    mail.outbox.clear()
    assert services.send_application_reminders() == 1
    assert "En attente" in mail.outbox[0].body and "Laissée" not in mail.outbox[0].body
    assert "Sur pourvue" not in mail.outbox[0].body
    follow = client.get(f"/candidatures/suivi/?jeton={tokens.make(tokens.FOLLOW, left)}").content.decode()
    assert "ne prend plus de bénévoles" in follow and "Et maintenant" not in follow


def test_an_application_to_a_mission_past_its_deadline_is_still_reminded_and_flagged(index_page):
    mission = MissionFactory(apply_before=timezone.localdate() - timedelta(days=1))
    ApplicationFactory(mission=mission, name="Arrivée à temps", created_at=timezone.now() - timedelta(days=3))

    assert services.send_application_reminders() == 1

    body = mail.outbox[-1].body
    assert "Arrivée à temps" in body and "échéance passée\u00a0: choisissez, ou clôturez la mission" in body
    assert "mission_status=ouverte" in body


def test_the_digest_flags_every_row_past_its_deadline_in_its_text_and_html_versions(index_page):
    past = MissionFactory(apply_before=timezone.localdate() - timedelta(days=1))
    coming = MissionFactory(apply_before=timezone.localdate() + timedelta(days=10))
    now = timezone.now()
    for name, mission, days in (("Retard passée", past, 8), ("Retard à venir", coming, 8),
                                ("Attente passée", past, 3), ("Attente à venir", coming, 3)):
        ApplicationFactory(mission=mission, name=name, created_at=now - timedelta(days=days))

    assert services.send_application_reminders() == 1

    message = mail.outbox[-1]
    received = (now - timedelta(days=3)).strftime("%d/%m/%Y")
    flag = ", échéance passée\u00a0: choisissez, ou clôturez la mission)"
    for body in (message.body, message.alternatives[0][0]):
        rows = {name: row for row in re.split(r"\n|<li>", body) for name in ("Retard passée", "Retard à venir",
                                                                           "Attente passée", "Attente à venir")
                if name in row}
        assert flag in rows["Retard passée"] and flag in rows["Attente passée"]
        assert "échéance" not in rows["Retard à venir"] and "échéance" not in rows["Attente à venir"]
        assert f"(reçue le {received}{flag}" in rows["Attente passée"]
        assert f"(reçue le {received})" in rows["Attente à venir"]


def status_field(admin_client, application):
    response = admin_client.get(f"{APPLICATIONS_URL}edit/{application.pk}/")
    assert response.status_code == 200
    field = response.context["form"].fields["status"]
    return [value for value, _label in field.choices], str(field.help_text).replace("\u00a0", " ")


def test_the_status_help_of_an_introduction_says_why_it_cannot_be_undone_and_offers_no_undo(admin_client):
    application = ApplicationFactory(status="mise_en_relation")

    choices, help_text = status_field(admin_client, application)

    assert choices == ["mise_en_relation", "retiree"]
    assert "ne peut pas être annulée" in help_text
    assert "ont déjà reçu les coordonnées l’un de l’autre" in help_text
    assert "« Nouvelle »" not in help_text and "« Déclinée »" not in help_text
    assert "« Retirée »" in help_text


def test_the_status_help_of_a_decline_explains_the_undo_it_offers(admin_client):
    application = ApplicationFactory(status="declinee", decline_reason="profil")

    choices, help_text = status_field(admin_client, application)

    assert set(choices) == {"declinee", "nouvelle", "preselectionnee"}
    assert "« Nouvelle » annule une décision prise par erreur" in help_text
    assert "« Présélectionnée »" in help_text
    assert "« Mise en relation »" not in help_text and "ne peut pas être annulée" not in help_text


def test_the_status_help_of_a_new_application_names_each_decision_and_no_undo(admin_client):
    choices, help_text = status_field(admin_client, ApplicationFactory())

    assert "« Présélectionnée »" in help_text and "« Déclinée »" in help_text and "« Mise en relation »" in help_text
    assert "« Nouvelle » annule" not in help_text
