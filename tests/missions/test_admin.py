"""Wagtail admin: mission list (columns, filters, export, no N+1), applications, association requests."""

import datetime
import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from home import roles
from missions.models import Application, Mission
from tests.factories import SuperUserFactory, UserFactory

from .factories import ApplicationFactory, AssociationFactory, MissionFactory, MissionRequestFactory, skill

pytestmark = pytest.mark.django_db

MISSIONS_URL = "/admin/snippets/missions/mission/"
APPLICATIONS_URL = "/admin/candidatures/"
REQUESTS_URL = "/admin/demandes_missions/"


@pytest.fixture
def admin_client(client):
    client.force_login(SuperUserFactory())
    return client


def test_mission_list_shows_status_association_skills_deadline_and_application_count(admin_client):
    mission = MissionFactory(title="Audit", association=AssociationFactory(name="Les Abeilles"),
                             skills=["video", "referencement"], status="pourvue")
    ApplicationFactory.create_batch(3, mission=mission)

    html = admin_client.get(MISSIONS_URL).content.decode()

    assert "Audit" in html
    assert "Pourvue" in html
    assert "Les Abeilles" in html
    assert "Référencement (SEO), Vidéo" in html
    assert f'href="{APPLICATIONS_URL}?mission={mission.pk}"' in html
    assert ">3<" in html.replace(" ", "").replace("\n", "")


def test_mission_admin_list_query_count_does_not_grow(admin_client):
    def make(count):
        for _ in range(count):
            mission = MissionFactory(skills=["video", "collecte"])
            ApplicationFactory.create_batch(2, mission=mission)

    make(3)
    admin_client.get(MISSIONS_URL)
    with CaptureQueriesContext(connection) as few:
        admin_client.get(MISSIONS_URL)
    make(15)
    with CaptureQueriesContext(connection) as many:
        admin_client.get(MISSIONS_URL)

    assert len(many) == len(few)


@pytest.mark.parametrize(
    ("query", "expected"),
    [("status=pourvue", {"Pourvue"}), ("skill={video}", {"Vidéo"}), ("format=sur_place", {"Sur place"})],
)
def test_mission_admin_filters(admin_client, query, expected):
    MissionFactory(title="Pourvue", status="pourvue")
    MissionFactory(title="Vidéo", skills=["video"])
    MissionFactory(title="Sur place", format="sur_place")

    response = admin_client.get(MISSIONS_URL + "?" + query.format(video=skill("video").pk))

    assert {m.title for m in response.context["object_list"]} == expected


def test_mission_admin_search(admin_client):
    MissionFactory(title="Refonte du site")
    MissionFactory(title="Vidéo")

    response = admin_client.get(MISSIONS_URL + "?q=refonte")

    assert [m.title for m in response.context["object_list"]] == ["Refonte du site"]


def body(response):
    return b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()


def test_missions_export_as_csv(admin_client):
    mission = MissionFactory(title="Audit", skills=["video"])
    ApplicationFactory(mission=mission)

    response = admin_client.get(MISSIONS_URL + "?export=csv")
    content = body(response)

    assert response.status_code == 200
    assert "Audit" in content and "Vidéo" in content and "Candidatures" in content


def test_missions_export_as_xlsx(admin_client):
    MissionFactory()

    response = admin_client.get(MISSIONS_URL + "?export=xlsx")

    assert response.status_code == 200
    assert "spreadsheetml" in response["Content-Type"]


def test_mission_edit_form_and_association_list_render(admin_client):
    mission = MissionFactory(skills=["video"])

    edit_url = reverse(Mission.snippet_viewset.get_url_name("edit"), args=[mission.pk])

    assert admin_client.get(edit_url).status_code == 200
    assert admin_client.get(reverse(Mission.snippet_viewset.get_url_name("add"))).status_code == 200
    assert admin_client.get("/admin/snippets/missions/association/?cause=solidarite").status_code == 200


def test_preview_renders_the_public_template(index_page):
    mission = MissionFactory(title="Aperçu", live=False, skills=["video"])
    request = RequestFactory().get("/")
    request.user = SuperUserFactory()

    response = mission.serve_preview(request, "")
    html = response.render().content.decode()

    assert "Aperçu" in html
    assert "/missions/competences/video/" in html


def test_applications_list_filters_by_status_and_mission(admin_client):
    mission = MissionFactory()
    wanted = ApplicationFactory(mission=mission, status="preselectionnee")
    ApplicationFactory(mission=mission, status="nouvelle")
    ApplicationFactory(status="preselectionnee")

    response = admin_client.get(APPLICATIONS_URL + f"?status=preselectionnee&mission={mission.pk}")

    assert list(response.context["object_list"]) == [wanted]


def test_applications_export_as_csv(admin_client):
    ApplicationFactory(name="Camille Export")

    response = admin_client.get(APPLICATIONS_URL + "?export=csv")
    content = body(response)

    assert "Camille Export" in content


def test_the_applications_csv_names_the_association_and_the_coordinator(admin_client):
    import csv
    import io

    from tests.factories import UserFactory
    from tests.missions.factories import AssociationFactory

    coordinator = UserFactory(first_name="Claire", last_name="Martin")
    mission = MissionFactory(association=AssociationFactory(name="Les Pousses"), coordinator=coordinator)
    ApplicationFactory(name="Camille Export", mission=mission)

    rows = list(csv.DictReader(io.StringIO(body(admin_client.get(APPLICATIONS_URL + "?export=csv")).lstrip("\ufeff")),
                               delimiter=";"))

    assert (rows[0]["Association"], rows[0]["Coordination"]) == ("Les Pousses", "Claire Martin")


def test_changing_status_to_mise_en_relation_in_the_admin_sends_the_introduction(admin_client):
    mission = MissionFactory(contact_email="asso@example.org")
    application = ApplicationFactory(mission=mission, status="preselectionnee", email="vol@example.org")

    response = admin_client.post(
        f"{APPLICATIONS_URL}edit/{application.pk}/", {"status": "mise_en_relation", "note": "Parfait"}
    )

    assert response.status_code == 302
    application.refresh_from_db()
    assert application.status == "mise_en_relation"
    assert application.note == "Parfait"
    assert sorted(m.to[0] for m in mail.outbox) == ["asso@example.org", "vol@example.org"]


def test_the_admin_only_offers_allowed_status_changes(admin_client):
    application = ApplicationFactory(status="nouvelle")

    response = admin_client.get(f"{APPLICATIONS_URL}edit/{application.pk}/")
    choices = [value for value, _ in response.context["form"].fields["status"].choices]

    assert choices == ["nouvelle", "preselectionnee", "mise_en_relation", "declinee", "retiree"]
    assert "Je serais ravie" in response.content.decode()  # the application itself is shown


def test_the_admin_refuses_a_forbidden_status_change(admin_client):
    application = ApplicationFactory(status="retiree")

    response = admin_client.post(f"{APPLICATIONS_URL}edit/{application.pk}/", {"status": "mise_en_relation"})

    assert response.status_code == 200
    application.refresh_from_db()
    assert application.status == "retiree"
    assert mail.outbox == []


def test_applications_are_neither_added_nor_deleted_in_the_admin(admin_client):
    application = ApplicationFactory()

    assert admin_client.get(f"{APPLICATIONS_URL}new/").status_code in {302, 403}
    admin_client.post(f"{APPLICATIONS_URL}delete/{application.pk}/")
    assert Application.objects.filter(pk=application.pk).exists()


def test_a_request_is_turned_into_a_draft_mission_from_the_admin(admin_client):
    request_ = MissionRequestFactory(title="Un besoin")
    convert_url = f"{REQUESTS_URL}{request_.pk}/action/convert/"

    listing = admin_client.get(REQUESTS_URL).content.decode()
    confirm = admin_client.get(convert_url)
    response = admin_client.post(convert_url)

    assert convert_url in listing  # in the row's menu
    assert confirm.status_code == 200
    assert "Une mission brouillon va être créée à partir de cette demande" in confirm.content.decode()
    mission = Mission.objects.get(title="Un besoin")
    assert mission.live is False
    assert response["Location"] == reverse(Mission.snippet_viewset.get_url_name("edit"), args=[mission.pk])
    assert "Transformer en mission brouillon" in admin_client.get(
        f"{REQUESTS_URL}edit/{MissionRequestFactory().pk}/"
    ).content.decode()


def test_the_conversion_is_a_visible_button_on_the_request_and_gone_once_converted(admin_client):
    request_ = MissionRequestFactory()
    convert_url = f"{REQUESTS_URL}{request_.pk}/action/convert/"
    edit_url = f"{REQUESTS_URL}edit/{request_.pk}/"

    button = re.search(rf'<a href="{re.escape(convert_url)}[^"]*" class="[^"]*button-primary[^"]*w-header-button',
                       admin_client.get(edit_url).content.decode())
    admin_client.post(convert_url)
    again = admin_client.post(convert_url)

    assert button is not None
    assert convert_url not in admin_client.get(edit_url).content.decode()
    assert again.status_code == 302 and Mission.objects.count() == 1


def test_people_who_cannot_add_missions_cannot_convert_requests():
    from django.test import Client

    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    client = Client()
    client.force_login(user)
    request_ = MissionRequestFactory()

    client.post(f"{REQUESTS_URL}{request_.pk}/action/convert/")

    assert not Mission.objects.exists()


def test_mission_coordinators_reach_missions_and_applications():
    from django.test import Client

    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.MISSION_COORDINATORS))
    client = Client()
    client.force_login(user)
    ApplicationFactory()

    assert client.get(MISSIONS_URL).status_code == 200
    assert client.get(APPLICATIONS_URL).status_code == 200
    assert client.get(REQUESTS_URL).status_code == 200


def test_people_without_the_role_cannot_see_applications():
    from django.test import Client

    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.EDITORS))
    client = Client()
    client.force_login(user)

    assert client.get(APPLICATIONS_URL).status_code in {302, 403}


def test_mission_edit_form_offers_scheduled_publishing(admin_client):
    mission = MissionFactory()

    response = admin_client.get(reverse(Mission.snippet_viewset.get_url_name("edit"), args=[mission.pk]))

    html = response.content.decode()
    assert 'name="go_live_at"' in html
    assert 'name="expire_at"' in html


def test_missions_go_through_the_moderation_workflow(admin_client):
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import WorkflowContentType

    link = WorkflowContentType.objects.get(content_type=ContentType.objects.get_for_model(Mission))
    mission = MissionFactory()

    response = admin_client.get(reverse(Mission.snippet_viewset.get_url_name("edit"), args=[mission.pk]))

    assert link.workflow.active
    assert link.workflow.tasks.filter(groupapprovaltask__groups__name=roles.MODERATORS).exists()
    assert mission.get_workflow() == link.workflow
    assert f"Soumettre à {link.workflow.name}" in response.content.decode()


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
        if response.streaming:  # exports run their queries while being read
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("query", ["", "?export=csv", "?export=xlsx"])
def test_applications_list_and_exports_query_count_does_not_grow(admin_client, query):
    ApplicationFactory(skills=[skill("video")])
    admin_client.get(APPLICATIONS_URL + query)
    one = count_queries(admin_client, APPLICATIONS_URL + query)
    for _ in range(19):
        ApplicationFactory(skills=[skill("video"), skill("referencement")])

    assert count_queries(admin_client, APPLICATIONS_URL + query) == one


@pytest.mark.parametrize("query", ["", "?export=csv"])
def test_association_requests_list_and_export_query_count_does_not_grow(admin_client, query):
    MissionRequestFactory(skills=[skill("video")])
    admin_client.get(REQUESTS_URL + query)
    one = count_queries(admin_client, REQUESTS_URL + query)
    for _ in range(19):
        MissionRequestFactory(skills=[skill("video"), skill("referencement")])

    assert count_queries(admin_client, REQUESTS_URL + query) == one


def test_mission_list_shows_the_deadline_as_a_french_date(admin_client):
    MissionFactory(apply_before=datetime.date(2099, 12, 26))

    html = admin_client.get(MISSIONS_URL).content.decode()

    assert "26/12/2099" in html
    assert "Il y a" not in html and "minute" not in html


def test_an_open_mission_past_its_deadline_is_flagged_in_the_list(admin_client):
    MissionFactory(title="Passée", apply_before=timezone.localdate() - datetime.timedelta(days=1))
    MissionFactory(title="À venir")

    response = admin_client.get(MISSIONS_URL)
    rows = {m.title: m.status_label() for m in response.context["object_list"]}

    assert rows == {"Passée": "Échéance passée", "À venir": "Ouverte"}
    assert "Échéance passée" in response.content.decode()


def test_the_request_edit_form_shows_what_the_association_asked(admin_client):
    request_ = MissionRequestFactory(
        association_name="Les Amis QA", title="Un site plus lisible", phone="01 02 03 04 05",
        deadline=datetime.date(2099, 12, 26), skills=["accessibilite"],
    )

    response = admin_client.get(f"{REQUESTS_URL}edit/{request_.pk}/")
    html = response.content.decode()

    assert response.status_code == 200
    for expected in ["Les Amis QA", "Un site plus lisible", "Notre site est difficile à lire.", "01 02 03 04 05",
                     request_.email, "Accessibilité", "26/12/2099"]:
        assert expected in html
    assert set(response.context["form"].fields) == {"note"}  # the status changes through the actions only
    assert "À modérer" in html


def test_inspect_pages_speak_french_and_local_time(admin_client):
    received = timezone.make_aware(datetime.datetime(2026, 7, 14, 8, 30), datetime.UTC)
    request_ = MissionRequestFactory(created_at=received)
    application = ApplicationFactory(created_at=received)

    for url in [f"{REQUESTS_URL}inspect/{request_.pk}/", f"{APPLICATIONS_URL}inspect/{application.pk}/"]:
        html = admin_client.get(url).content.decode()
        fields = html[html.index("<dl>"):html.index("</dl>")]

        assert "True" not in fields and "False" not in fields and "None" not in fields
        assert "Oui" in fields
        assert "–" in fields
        assert "14 juillet 2026 à 10\u00a0h\u00a030" in fields  # 08:30 UTC is 10 h 30 in Paris in summer


def test_applications_export_in_french_with_local_times(admin_client):
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from tests.missions.factories import ApplicationFactory

    ApplicationFactory(name="Zoé Export", created_at=datetime(2026, 11, 25, 17, 18, 48, 5, tzinfo=ZoneInfo("UTC")))

    response = admin_client.get(reverse("candidatures:index") + "?export=csv")

    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert "Zoé Export" in content
    assert "25/11/2026 18:18" in content and "+00:00" not in content
    assert "Nouvelle" in content or "nouvelle" in content
