"""A mission going live alerts matching subscribers once (at once or in the weekly digest), in
capped runs through the outbox; pool invitations; people waiting for a course's next session."""

import datetime
import re

import pytest
from django.core import mail
from django.utils import timezone

from alerts import services
from alerts.enums import AlertStatus, Frequency
from alerts.models import MissionAlert, PoolInvitation, SessionWaiter
from outbox.models import Email
from tests.courses.factories import TrainingPageFactory, TrainingSessionPageFactory, in_days
from tests.missions.factories import AssociationFactory, MissionFactory

from .factories import SessionWaiterFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db


def publish(obj, capture):
    with capture(execute=True):
        obj.save_revision().publish()


def alert_emails():
    return [m for m in mail.outbox if "Nouvelle mission" in m.subject]


def test_publishing_a_mission_alerts_matching_confirmed_subscribers_once(index_page, django_capture_on_commit_callbacks):
    wanted = SubscriptionFactory(email="video@example.org", skills=["video", "emailing"])
    SubscriptionFactory(email="autre@example.org", skills=["collecte"])
    SubscriptionFactory(email="pas-confirme@example.org", skills=["video"], confirmed_at=None)
    SubscriptionFactory(email="sur-place@example.org", skills=["video"], format="sur_place")
    mission = MissionFactory(title="Vidéo de présentation", skills=["video"], format="a_distance", live=False)

    publish(mission, django_capture_on_commit_callbacks)

    assert [m.to for m in alert_emails()] == [["video@example.org"]]
    message = alert_emails()[0]
    assert "Vidéo de présentation" in message.subject and mission.get_full_url() in message.body
    # RFC 8058 headers and a visible link to change or stop the alerts.
    token = services.manage_token(wanted)
    assert message.extra_headers["List-Unsubscribe"].startswith("<http")
    assert message.extra_headers["List-Unsubscribe"].endswith(f"/alertes/desinscription/?jeton={token.replace(':', '%3A')}>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Message-ID" in message.extra_headers
    assert "/alertes/preferences/?jeton=" in message.body
    assert "/alertes/preferences/?jeton=" in message.alternatives[0][0]

    mission.title = "Vidéo de présentation (modifiée)"
    publish(mission, django_capture_on_commit_callbacks)  # published again: nobody alerted twice
    assert len(alert_emails()) == 1
    assert MissionAlert.objects.filter(mission=mission).count() == 1


def test_alerts_follow_cause_commitment_and_hybrid_missions(index_page):
    SubscriptionFactory(email="environnement@example.org", skills=["video"], cause="environnement")
    SubscriptionFactory(email="heures@example.org", skills=["video"], commitment="heures")
    SubscriptionFactory(email="semaines@example.org", skills=["video"], commitment="semaines")
    SubscriptionFactory(email="distance@example.org", skills=["video"], format="a_distance")
    mission = MissionFactory(skills=["video"], format="hybride", effort_hours=4,
                             association=AssociationFactory(cause="solidarite"))

    found = set(services.matching(mission).values_list("email", flat=True))

    assert found == {"heures@example.org", "distance@example.org"}


def test_a_draft_or_closed_mission_alerts_nobody(index_page):
    SubscriptionFactory(skills=["video"])

    assert services.fan_out(MissionFactory(skills=["video"], live=False)) == 0
    assert services.fan_out(MissionFactory(skills=["video"], status="pourvue")) == 0


def test_sending_runs_are_capped_and_batched(index_page, settings):
    settings.ALERTS_PER_RUN, settings.ALERTS_BATCH = 3, 2
    for n in range(5):
        SubscriptionFactory(email=f"b{n}@example.org", skills=["video"])
    mission = MissionFactory(skills=["video"])

    assert services.fan_out(mission) == 5
    assert services.send_due_alerts() == (3, True)
    assert services.send_due_alerts() == (2, False)
    assert services.send_due_alerts() == (0, False)
    assert sorted(to for m in alert_emails() for to in m.to) == [f"b{n}@example.org" for n in range(5)]


def test_the_task_chain_sends_everything_without_waiting_for_the_periodic_job(index_page, settings,
                                                                            django_capture_on_commit_callbacks):
    settings.ALERTS_PER_RUN = 2
    for n in range(5):
        SubscriptionFactory(email=f"c{n}@example.org", skills=["video"])
    mission = MissionFactory(skills=["video"], live=False)

    publish(mission, django_capture_on_commit_callbacks)

    assert len(alert_emails()) == 5
    assert not MissionAlert.objects.filter(status=AlertStatus.PENDING).exists()


def test_an_alert_for_a_mission_closed_before_sending_is_skipped(index_page):
    SubscriptionFactory(skills=["video"])
    mission = MissionFactory(skills=["video"])
    services.fan_out(mission)
    mission.status = "pourvue"
    mission.save()

    assert services.send_due_alerts() == (0, False)
    assert MissionAlert.objects.get().status == AlertStatus.SKIPPED


def monday(hour=9, weeks=1):
    today = timezone.localdate()
    day = today + datetime.timedelta(days=(7 - today.weekday()) % 7 or 7) + datetime.timedelta(weeks=weeks - 1)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))


def test_weekly_subscribers_get_one_digest_listing_the_weeks_missions(index_page):
    weekly = SubscriptionFactory(email="hebdo@example.org", skills=["video"], frequency=Frequency.WEEKLY)
    first = MissionFactory(title="Première vidéo", skills=["video"])
    second = MissionFactory(title="Seconde vidéo", skills=["video"])
    closed = MissionFactory(title="Vidéo pourvue", skills=["video"])
    for mission in (first, second, closed):
        services.fan_out(mission)
    assert services.send_due_alerts() == (0, False)  # nothing at once for them
    closed.status = "pourvue"
    closed.save()

    sunday = monday() - datetime.timedelta(hours=20)
    assert services.send_digests(now=sunday - datetime.timedelta(days=6)) == (0, False)
    assert services.send_digests(now=monday()) == (1, False)
    assert services.send_digests(now=monday() + datetime.timedelta(hours=1)) == (0, False)  # once a week

    digest, = [m for m in mail.outbox if "cette semaine" in m.subject]
    assert digest.to == ["hebdo@example.org"]
    assert digest.subject == "2 nouvelles missions pour vous cette semaine"
    assert "Première vidéo" in digest.body and "Seconde vidéo" in digest.body and "Vidéo pourvue" not in digest.body
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    weekly.refresh_from_db()
    assert weekly.last_digest_at == monday()
    assert set(MissionAlert.objects.values_list("status", flat=True)) == {AlertStatus.SENT, AlertStatus.SKIPPED}

    third = MissionFactory(title="Troisième vidéo", skills=["video"])
    services.fan_out(third)
    tuesday = monday() + datetime.timedelta(days=1)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(timezone, "now", lambda: tuesday)
        services.fan_out(MissionFactory(skills=["video"]))  # created after the week began: next digest
    assert services.send_digests(now=monday(weeks=2)) == (1, False)


def test_a_digests_queries_do_not_grow_with_the_missions_it_lists(index_page):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def queries_for_one_digest(mission_count, week, skill):
        person = SubscriptionFactory(skills=[skill], frequency=Frequency.WEEKLY)
        for number in range(mission_count):
            services.fan_out(MissionFactory(title=f"Mission {week}-{number}", skills=[skill]))
        person.alerts.update(created_at=monday(weeks=week) - datetime.timedelta(days=2))
        with CaptureQueriesContext(connection) as queries:
            assert services.send_digests(now=monday(weeks=week)) == (1, False)
        return len(queries)

    queries_for_one_digest(1, week=1, skill="emailing")  # warms what is read once per process (site, types)
    assert queries_for_one_digest(1, week=2, skill="video") == queries_for_one_digest(5, week=3, skill="collecte")


def test_pool_members_are_invited_once_per_mission(index_page):
    available = SubscriptionFactory(email="dispo@example.org", skills=["video"], in_pool=True)
    SubscriptionFactory(email="pas-dispo@example.org", skills=["video"], in_pool=False)
    SubscriptionFactory(email="autre@example.org", skills=["collecte"], in_pool=True)
    mission = MissionFactory(title="Montage vidéo", skills=["video"])

    members = list(services.pool_for(mission))
    assert [member.email for member in members] == ["dispo@example.org"]
    assert services.invite(mission, members) == 1
    assert services.invite(mission, [available]) == 0

    invitation, = [m for m in mail.outbox if "pense à vous" in m.subject]
    assert invitation.to == ["dispo@example.org"] and "Montage vidéo" in invitation.body
    assert invitation.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert list(services.pool_for(mission))[0].already_invited
    assert PoolInvitation.objects.count() == 1


def test_the_pool_page_of_a_mission_not_yet_published_says_not_yet(admin_client, index_page):
    draft = MissionFactory(live=False, skills=["video"])
    filled = MissionFactory(status="pourvue", skills=["video"])

    assert "pas encore publiée" in admin_client.get(f"/admin/alertes/vivier/{draft.pk}/").content.decode()
    assert "ne prend plus de candidatures" in admin_client.get(f"/admin/alertes/vivier/{filled.pk}/").content.decode()


def test_coordinators_invite_the_pool_from_the_admin(admin_client, index_page):
    member = SubscriptionFactory(email="dispo@example.org", skills=["video"], in_pool=True)
    mission = MissionFactory(title="Montage vidéo", skills=["video"])

    page = admin_client.get(f"/admin/alertes/vivier/{mission.pk}/")
    assert page.status_code == 200 and "dispo@example.org" in page.content.decode()
    listing = admin_client.get("/admin/snippets/missions/mission/").content.decode()
    assert f"/admin/alertes/vivier/{mission.pk}/" in listing

    admin_client.post(f"/admin/alertes/vivier/{mission.pk}/", {"membres": [str(member.pk)]})
    admin_client.post(f"/admin/alertes/vivier/{mission.pk}/", {"membres": [str(member.pk)]})

    assert len([m for m in mail.outbox if "pense à vous" in m.subject]) == 1
    assert "Déjà invitée" in admin_client.get(f"/admin/alertes/vivier/{mission.pk}/").content.decode()


def test_the_mission_edit_view_leads_to_the_pool_and_an_empty_invitation_says_why(admin_client, index_page):
    member = SubscriptionFactory(email="dispo@example.org", skills=["video"], in_pool=True)
    mission = MissionFactory(title="Montage vidéo", skills=["video"])
    closed = MissionFactory(title="Close", skills=["video"], status="cloturee")
    pool_url = f"/admin/alertes/vivier/{mission.pk}/"

    edit = admin_client.get(f"/admin/snippets/missions/mission/edit/{mission.pk}/").content.decode()
    closed_edit = admin_client.get(f"/admin/snippets/missions/mission/edit/{closed.pk}/").content.decode()
    nothing_chosen = admin_client.post(pool_url, {}, follow=True).content.decode()
    admin_client.post(pool_url, {"membres": [str(member.pk)]})
    again = admin_client.post(pool_url, {"membres": [str(member.pk)]}, follow=True).content.decode()

    assert f'href="{pool_url}"' in edit and "/admin/alertes/vivier/" not in closed_edit
    assert "cochez au moins une personne du vivier" in nothing_chosen and "0 invitation" not in nothing_chosen
    assert "ont déjà été invitées à cette mission" in again and "0 invitation" not in again


def test_mission_coordinators_who_are_not_staff_invite_the_pool_and_others_are_refused(client, index_page):
    from django.contrib.auth.models import Group, Permission

    from home import roles
    from tests.factories import UserFactory

    mission = MissionFactory(title="Montage vidéo", skills=["video"])
    SubscriptionFactory(email="dispo@example.org", skills=["video"], in_pool=True)
    coordinator, editor = UserFactory(is_staff=False), UserFactory(is_staff=False)
    coordinator.groups.add(Group.objects.get(name=roles.MISSION_COORDINATORS))
    editor.groups.add(Group.objects.get(name=roles.EDITORS))
    for user in (coordinator, editor):
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))

    client.force_login(coordinator)
    page = client.get(f"/admin/alertes/vivier/{mission.pk}/")
    assert page.status_code == 200 and "dispo@example.org" in page.content.decode()
    client.force_login(editor)
    assert client.get(f"/admin/alertes/vivier/{mission.pk}/").status_code in {302, 403}
    client.logout()
    assert client.get(f"/admin/alertes/vivier/{mission.pk}/").status_code == 302  # to Wagtail's login


def test_the_pool_button_has_a_short_label_a_tooltip_and_names_the_mission_for_screen_readers(admin_client,
                                                                                              index_page):
    mission = MissionFactory(title="Montage vidéo", skills=["video"])

    listing = admin_client.get("/admin/snippets/missions/mission/").content.decode()
    button = re.search(rf'<a[^>]*href="/admin/alertes/vivier/{mission.pk}/"[^>]*>(.*?)</a>', listing, re.S)

    assert button is not None
    assert re.sub(r"<[^>]+>|\s+", " ", button.group(1)).strip() == "Inviter le vivier"
    assert 'title="Proposer la mission à des bénévoles disponibles du vivier"' in button.group(0)
    assert 'aria-label="Inviter le vivier à la mission «\u00a0Montage vidéo\u00a0»"' in button.group(0)
    page = admin_client.get(f"/admin/alertes/vivier/{mission.pk}/").content.decode()
    assert "<h1" in page and "Inviter le vivier" in re.search(r"<h1.*?</h1>", page, re.S).group(0)
    title = re.search(r"<title>(.*?)</title>", page, re.S).group(1)
    assert "Inviter le vivier à la mission «\u00a0Montage vidéo\u00a0»" in title


def test_the_pool_page_ranks_the_best_matches_first_and_invites_a_page_at_a_time(
        admin_client, index_page, django_assert_max_num_queries):
    from alerts.views import POOL_PAGE_SIZE

    mission = MissionFactory(title="Campagne de collecte", skills=["video", "emailing"])
    close = SubscriptionFactory(email="zoe@example.org", skills=["video", "emailing"], in_pool=True)
    for number in range(POOL_PAGE_SIZE + 5):
        SubscriptionFactory(email=f"b{number:03d}@example.org", skills=["video"], in_pool=True)
    url = f"/admin/alertes/vivier/{mission.pk}/"

    with django_assert_max_num_queries(20):
        first = admin_client.get(url).content.decode()
    last = admin_client.get(url + "?page=2").content.decode()

    assert "56 bénévoles correspondent" in first and "Page 1 sur 2" in first
    assert first.index("zoe@example.org") < first.index("b000@example.org")  # two skills in common
    assert first.count('name="membres"') == POOL_PAGE_SIZE
    assert last.count('name="membres"') == 6 and "b054@example.org" in last
    invited = SubscriptionFactory._meta.model.objects.get(email="b054@example.org")

    response = admin_client.post(url + "?page=2", {"membres": [str(invited.pk), str(close.pk), "x"]})

    assert response.status_code == 302 and response["Location"].endswith("?page=2")
    assert sorted(to for m in mail.outbox if "pense à vous" in m.subject for to in m.to) == [
        "b054@example.org", "zoe@example.org"]
    # The people one can still invite come first; those invited go to the end.
    assert "zoe@example.org" not in admin_client.get(url).content.decode()
    assert "zoe@example.org" in admin_client.get(url + "?page=2").content.decode()


def test_subscriptions_admin_lists_filters_and_exports(admin_client, index_page):
    SubscriptionFactory(email="dispo@example.org", skills=["video"], in_pool=True)
    SubscriptionFactory(email="alerte@example.org", skills=["collecte"], in_pool=False)

    html = admin_client.get("/admin/abonnements-alertes/?in_pool=true").content.decode()
    assert "dispo@example.org" in html and "alerte@example.org" not in html
    skill_id = SubscriptionFactory._meta.model.objects.get(email="alerte@example.org").skills.get().pk
    html = admin_client.get(f"/admin/abonnements-alertes/?skills={skill_id}").content.decode()
    assert "alerte@example.org" in html and "dispo@example.org" not in html
    export = admin_client.get("/admin/abonnements-alertes/?export=csv")
    content = b"".join(export.streaming_content).decode() if export.streaming else export.content.decode()
    assert "dispo@example.org" in content and "Vivier" not in content or "Oui" in content


# --- "prévenez-moi de la prochaine session" -----------------------------------------------------

def test_a_course_without_open_session_offers_the_waiting_list_and_confirms_by_post(client):
    course = TrainingPageFactory(title="Emailing")
    html = client.get(course.url).content.decode()
    assert f"/alertes/prochaine-session/{course.pk}/" in html

    response = client.post(f"/alertes/prochaine-session/{course.pk}/", {"email": "Asso@Example.org", "consent": "on"})
    assert response.status_code == 302
    waiter = SessionWaiter.objects.get()
    assert waiter.email == "asso@example.org" and not waiter.is_confirmed
    token = services.waiter_token(waiter)
    assert "Je confirme" in client.get(f"/alertes/prochaine-session/confirmer/?jeton={token}").content.decode()
    client.post("/alertes/prochaine-session/confirmer/", {"jeton": token})
    waiter.refresh_from_db()
    assert waiter.is_confirmed


def test_a_course_with_seats_left_does_not_offer_the_waiting_list(client):
    course = TrainingPageFactory()
    TrainingSessionPageFactory(parent=course)

    assert "/alertes/prochaine-session/" not in client.get(course.url).content.decode()


def test_people_waiting_are_told_once_when_a_new_session_is_published(django_capture_on_commit_callbacks):
    course = TrainingPageFactory(title="Accessibilité")
    SessionWaiterFactory(course=course, email="a@example.org")
    SessionWaiterFactory(course=course, email="pas-confirmee@example.org", confirmed_at=None)
    SessionWaiterFactory(course=TrainingPageFactory(), email="autre@example.org")
    session = TrainingSessionPageFactory(parent=course, start=in_days(20), end=in_days(20) + datetime.timedelta(hours=3))

    publish(session, django_capture_on_commit_callbacks)
    publish(session, django_capture_on_commit_callbacks)
    publish(TrainingSessionPageFactory(parent=course), django_capture_on_commit_callbacks)

    told = [m for m in mail.outbox if m.subject.startswith("Nouvelle session")]
    assert [m.to for m in told] == [["a@example.org"]]
    assert session.url in told[0].body and "http" in told[0].body
    assert SessionWaiter.objects.get(email="a@example.org").notified_session_id == session.pk


def test_the_admin_home_shows_how_many_people_wait_per_course(admin_client):
    course = TrainingPageFactory(title="Sécurité des sites")
    SessionWaiterFactory.create_batch(3, course=course)

    html = admin_client.get("/admin/").content.decode()

    assert "Formations attendues" in html and "Sécurité des sites" in html


# --- personal data --------------------------------------------------------------------------

def test_forget_person_and_the_purge_cover_alerts(index_page):
    from webassoc import privacy

    active = SubscriptionFactory(email="zoe@example.org", skills=["video"])
    stale = SubscriptionFactory(email="jamais@example.org", confirmed_at=None)
    waiter = SessionWaiterFactory(course=TrainingPageFactory(), email="zoe@example.org")
    services.fan_out(MissionFactory(skills=["video"]))
    services.send_due_alerts()
    assert Email.objects.filter(to__icontains="zoe@example.org").exists()

    privacy.forget("zoe@example.org")
    active.refresh_from_db()
    waiter.refresh_from_db()
    assert active.is_anonymised and waiter.is_anonymised
    assert not Email.objects.filter(to__icontains="zoe@example.org").exists()

    later = timezone.now() + datetime.timedelta(days=800)
    privacy.purge(now=later)
    stale.refresh_from_db()
    assert stale.is_anonymised


def test_what_was_never_confirmed_is_forgotten_after_30_days_not_24_months(index_page):
    from home.models import Signature
    from tests.home.factories import SignatureFactory
    from webassoc import privacy

    subscription = SubscriptionFactory(email="jamais@example.org", confirmed_at=None)
    waiter = SessionWaiterFactory(course=TrainingPageFactory(), email="jamais@example.org", confirmed_at=None)
    signature = SignatureFactory(email="jamais@example.org", confirmed_at=None)
    confirmed = SubscriptionFactory(email="oui@example.org", skills=["video"])
    confirmed_signature = SignatureFactory(email="oui@example.org", confirmed_at=timezone.now())

    privacy.purge(now=timezone.now() + datetime.timedelta(days=20))  # the link is dead, still kept
    subscription.refresh_from_db()
    assert not subscription.is_anonymised

    privacy.purge(now=timezone.now() + datetime.timedelta(days=31))
    for row in (subscription, waiter, signature, confirmed, confirmed_signature):
        row.refresh_from_db()
    assert subscription.is_anonymised and waiter.is_anonymised and signature.is_anonymised
    assert not confirmed.is_anonymised and not confirmed_signature.is_anonymised
    assert Signature.objects.filter(email="oui@example.org").exists()


def test_a_mission_published_by_the_scheduled_publishing_job_alerts_too(index_page, django_capture_on_commit_callbacks):
    from django.core.management import call_command
    from wagtail.models import Revision

    SubscriptionFactory(email="planifiee@example.org", skills=["video"])
    mission = MissionFactory(title="Mission planifiée", skills=["video"], live=False)
    mission.go_live_at = timezone.now() + datetime.timedelta(hours=1)
    mission.save_revision().publish()  # scheduled: not live yet, nobody alerted
    mission.refresh_from_db()
    assert not mission.live and alert_emails() == []

    # An hour later (the revision's scheduled time and the date in its content both in the past):
    past = timezone.now() - datetime.timedelta(minutes=1)
    revision = Revision.objects.get(approved_go_live_at__isnull=False)
    revision.approved_go_live_at = past
    revision.content["go_live_at"] = past.isoformat()
    revision.save(update_fields=["approved_go_live_at", "content"])
    with django_capture_on_commit_callbacks(execute=True):
        call_command("publish_scheduled")

    mission.refresh_from_db()
    assert mission.live
    assert [m.to for m in alert_emails()] == [["planifiee@example.org"]]


def test_asking_again_and_again_for_a_session_sends_one_confirmation_email_per_address(client):
    course, other_course = TrainingPageFactory(), TrainingPageFactory()

    for _ in range(3):
        assert client.post(f"/alertes/prochaine-session/{course.pk}/",
                           {"email": "asso@example.org", "consent": "on"}).status_code == 302
    client.post(f"/alertes/prochaine-session/{other_course.pk}/", {"email": "ASSO@example.org", "consent": "on"})

    assert [message.to for message in mail.outbox] == [["asso@example.org"]]


def test_the_confirmation_email_can_be_sent_again_after_ten_minutes(client):
    course = TrainingPageFactory()
    client.post(f"/alertes/prochaine-session/{course.pk}/", {"email": "asso@example.org", "consent": "on"})
    SessionWaiter.objects.update(confirmation_sent_at=timezone.now() - services.EMAIL_INTERVAL)

    client.post(f"/alertes/prochaine-session/{course.pk}/", {"email": "asso@example.org", "consent": "on"})

    assert len(mail.outbox) == 2
