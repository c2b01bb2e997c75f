"""A coordinator's morning in the admin, in a real browser (issue 11): a mission scheduled a minute
ahead goes live when the periodic job runs with the clock moved, a request is converted with its
primary button, applications are exported and read back with the French Excel dialect, a whole
session's presence is marked at once, and one person's data is exported then erased."""

import csv
import datetime
import io
import json
from unittest import mock

import pytest
from django.utils import timezone

from courses.models import Registration
from missions.models import Application, Mission
from tests.courses.factories import RegistrationFactory, TrainingPageFactory, TrainingSessionPageFactory, in_days
from tests.factories import SuperUserFactory
from tests.missions.factories import ApplicationFactory, MissionFactory, MissionIndexPageFactory, MissionRequestFactory
from webassoc import periodic

pytestmark = pytest.mark.django_db(transaction=True)

PASSWORD = "mot-de-passe-de-test"


def log_in(page, live_server, user):
    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", user.get_username())
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(live_server.url + "/admin/")


def test_a_coordinator_morning(page, live_server):
    index = MissionIndexPageFactory()
    coordinator = SuperUserFactory()
    log_in(page, live_server, coordinator)

    # 1. A mission scheduled one minute ahead: not public, then public once the job runs later.
    scheduled = MissionFactory(title="Site de la ressourcerie", live=False, first_published_at=None)
    scheduled.go_live_at = timezone.now() + datetime.timedelta(minutes=1)
    scheduled.save_revision(user=coordinator).publish(user=coordinator)
    page.goto(live_server.url + "/admin/snippets/missions/mission/?state=planifiee")
    assert "Planifiée le" in page.content()
    assert page.goto(f"{live_server.url}{index.url}{scheduled.slug}/").status == 404
    real_now = timezone.now
    with mock.patch("django.utils.timezone.now", lambda: real_now() + datetime.timedelta(minutes=2)):
        periodic.run_due_jobs(stdout=open("/dev/null", "w"))
    assert page.goto(f"{live_server.url}{index.url}{scheduled.slug}/").status == 200

    # 2. A request converted with the primary button of its row.
    MissionRequestFactory(title="Refaire la page des dons", association_name="Les Amis du Canal")
    page.goto(live_server.url + "/admin/demandes_missions/")
    page.click("a[data-record-action=convert]")
    page.click("button[type=submit] >> text=Confirmer")
    page.wait_for_url("**/admin/snippets/missions/mission/edit/**")
    converted = Mission.objects.get(title="Refaire la page des dons")
    assert converted.live is False and converted.apply_before is None

    # 3. Applications exported, read back with the French Excel dialect.
    ApplicationFactory(name="Zoé Légère", mission=scheduled, email="zoe@example.org")
    page.goto(live_server.url + "/admin/candidatures/")
    with page.expect_download() as download:
        page.evaluate("window.location.href = '/admin/candidatures/?export=csv'")
    content = open(download.value.path(), encoding="utf-8-sig").read()
    rows = list(csv.DictReader(io.StringIO(content), dialect="excel-fr"))
    assert rows[0]["Nom"] == "Zoé Légère" and rows[0]["Mission"] == "Site de la ressourcerie"

    # 4. The presence of a whole session marked at once.
    session = TrainingSessionPageFactory(parent=TrainingPageFactory(title="Atelier SEO"), start=in_days(-1))
    here, away = RegistrationFactory(session=session), RegistrationFactory(session=session)
    page.goto(f"{live_server.url}/admin/formations/inscriptions/?session={session.pk}")
    page.click("text=Feuille de présence")
    page.check(f"input[name=r{here.pk}][value=present]")
    page.check(f"input[name=r{away.pk}][value=absent]")
    page.click("text=Enregistrer la feuille de présence")
    page.wait_for_url(f"**/admin/formations/inscriptions/?session={session.pk}")
    assert Registration.objects.get(pk=away.pk).status == "no_show"
    assert Registration.objects.get(pk=here.pk).status == "attended"

    # 5. One person's data: exported, then erased after the confirmation.
    page.goto(live_server.url + "/admin/donnees-personnelles/")
    page.fill("input[name=email]", "zoe@example.org")
    page.press("input[name=email]", "Enter")  # a POST: the address never goes in the URL
    page.get_by_text("Candidatures aux missions (1)").first.wait_for()
    assert "zoe@example.org" not in page.url
    with page.expect_download() as download:
        page.click("text=Télécharger (JSON)")
    exported = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert exported["donnees"]["candidatures aux missions"][0]["nom"] == "Zoé Légère"
    page.check("input[name=confirm]")
    page.click("text=Anonymiser toutes ces données")
    page.wait_for_url("**/admin/donnees-personnelles/")
    page.get_by_text("Données anonymisées").first.wait_for()
    assert Application.objects.get().email != "zoe@example.org"
