"""Mission detail and the application form: visibility, deadline, emails, duplicates, spam, rate limit."""

import datetime

import pytest
from django.core import mail
from django.utils import timezone

from missions.models import Application

from .factories import ApplicationFactory, MissionFactory

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Camille Bénévole",
    "email": "Camille@Example.org",
    "message": "J'ai fait plusieurs audits d'accessibilité, je serais ravie d'aider.",
    "availability": "Deux soirs par semaine",
    "portfolio_url": "https://www.linkedin.com/in/camille",
    "consent": "on",
}


def post(client, mission, **overrides):
    data = {**VALID, **overrides}
    return client.post(f"/missions/{mission.slug}/", {k: v for k, v in data.items() if v is not None})


def test_detail_shows_the_mission_and_the_application_form(client, index_page):
    mission = MissionFactory(title="Audit", skills=["accessibilite"], effort_hours=8, format="hybride",
                             location="Lyon", apply_before=datetime.date(2031, 1, 15))

    response = client.get("/missions/" + mission.slug + "/")
    html = response.content.decode()

    assert response.status_code == 200
    assert "<h1" in html and "Audit" in html
    assert '<a class="tag" href="/missions/competences/accessibilite/">Accessibilité</a>' in html
    assert "environ 8 heures" in html
    assert "Hybride – Lyon" in html
    assert "15 janvier 2031" in html
    assert 'name="email"' in html
    assert "claire@asso.example.org" not in html  # the association contact stays private


def test_mission_url_is_under_the_index_page(index_page):
    mission = MissionFactory(slug="audit-rgaa")

    assert mission.get_url() == "/missions/audit-rgaa/"


def test_drafts_are_not_visible_publicly(client, index_page):
    mission = MissionFactory(live=False)

    assert client.get(f"/missions/{mission.slug}/").status_code == 404


def test_unknown_mission_is_a_404(client, index_page):
    assert client.get("/missions/pas-de-mission/").status_code == 404


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"status": "cloturee"}, "Cette mission est clôturée"),
        ({"status": "pourvue"}, "Cette mission est pourvue"),
        ({"apply_before": timezone.localdate() - datetime.timedelta(days=1)}, "La date limite"),
    ],
)
def test_closed_filled_or_past_deadline_missions_say_so_and_show_no_form(client, index_page, fields, message):
    mission = MissionFactory(**fields)

    html = client.get(f"/missions/{mission.slug}/").content.decode()

    assert message in html
    assert 'name="email"' not in html


def test_closed_missions_refuse_posted_applications(client, index_page):
    mission = MissionFactory(status="cloturee")

    response = post(client, mission)

    assert response.status_code == 409
    assert not Application.objects.exists()
    assert mail.outbox == []


def test_mission_accepts_applications_until_the_end_of_the_deadline_day(client, index_page):
    mission = MissionFactory(apply_before=timezone.localdate())

    assert post(client, mission).status_code == 302


def test_applying_saves_the_application_and_redirects_with_a_thank_you(client, index_page):
    mission = MissionFactory(title="Audit", skills=["accessibilite"])

    response = post(client, mission, skills=[str(mission.skill_list()[0].pk)])

    assert response.status_code == 302
    assert response["Location"] == f"/missions/{mission.slug}/#candidater"  # the thank-you panel
    application = Application.objects.get()
    assert application.mission == mission
    assert application.email == "camille@example.org"
    assert application.status == "nouvelle"
    assert application.consent is True
    assert [skill.slug for skill in application.skills.all()] == ["accessibilite"]
    followed = client.get(response["Location"]).content.decode()
    assert "Merci, votre candidature est bien envoyée" in followed


def test_applying_confirms_to_the_volunteer_and_notifies_the_team(client, index_page, settings):
    settings.TEAM_EMAIL = "equipe@webassoc.test"
    mission = MissionFactory(title="Audit RGAA")

    post(client, mission)

    assert sorted(message.to[0] for message in mail.outbox) == ["camille@example.org", "equipe@webassoc.test"]
    volunteer = next(m for m in mail.outbox if m.to == ["camille@example.org"])
    team = next(m for m in mail.outbox if m.to == ["equipe@webassoc.test"])
    assert "Audit RGAA" in volunteer.subject
    # The site's own address (Wagtail Site), like every other email, not the request host.
    assert f"http://localhost/missions/{mission.slug}/" in volunteer.body
    assert "Camille Bénévole" in team.subject
    assert team.reply_to == ["camille@example.org"]


def test_second_application_with_the_same_email_gets_a_polite_message(client, index_page):
    mission = MissionFactory()
    ApplicationFactory(mission=mission, email="camille@example.org")

    response = post(client, mission, email="CAMILLE@example.org")

    assert response.status_code == 200
    assert "Vous avez déjà candidaté à cette mission avec cette adresse e-mail. Merci\u00a0!" in (
        response.content.decode().replace("&#x27;", "'")
    )
    assert Application.objects.count() == 1
    assert mail.outbox == []


def test_the_same_email_may_apply_to_another_mission(client, index_page):
    ApplicationFactory(email="camille@example.org")

    assert post(client, MissionFactory()).status_code == 302


def test_errors_are_in_french_and_keep_the_typed_values(client, index_page):
    mission = MissionFactory()

    response = post(client, mission, email="pas-un-email", portfolio_url="pas une url", consent=None)
    html = response.content.decode()

    assert response.status_code == 200
    assert "Saisissez une adresse e-mail valide, par exemple nom@exemple.fr." in html
    assert "Saisissez une adresse web valide" in html
    assert "Votre accord est nécessaire" in html
    assert 'value="Camille Bénévole"' in html
    assert 'value="pas-un-email"' in html
    assert "Deux soirs par semaine" in html
    assert 'aria-invalid="true"' in html
    assert "error-summary" in html
    assert not Application.objects.exists()


def test_honeypot_refuses_bots(client, index_page):
    mission = MissionFactory()

    response = post(client, mission, site_web_entreprise="http://spam.example")

    assert response.status_code == 200
    assert "ressemble à celui d’un robot" in response.content.decode()
    assert not Application.objects.exists()


def test_too_many_submissions_from_one_address_are_refused(client, index_page, settings):
    settings.RATELIMIT_ENABLED = True
    mission = MissionFactory()
    for n in range(10):
        post(client, mission, email=f"personne{n}@example.org")

    response = post(client, mission, email="encore@example.org")

    assert response.status_code == 429
    assert "beaucoup de formulaires" in response.content.decode()
    assert Application.objects.count() == 10
    assert 'value="encore@example.org"' in response.content.decode()


def test_the_detail_page_with_a_form_is_never_cached(client, index_page):
    mission = MissionFactory()

    response = client.get(f"/missions/{mission.slug}/")

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_lock_timeout_while_applying_keeps_the_answers_and_says_when_to_try_again(client, index_page, monkeypatch):
    from missions import services
    from webassoc.errors import TryAgainLater

    mission = MissionFactory()

    def busy(*args, **kwargs):
        raise TryAgainLater("Merci de réessayer dans quelques secondes.")

    monkeypatch.setattr(services, "apply", busy)

    response = post(client, mission)

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "réessayer dans quelques secondes" in response.content.decode()
    assert 'value="Camille Bénévole"' in response.content.decode()
    assert not Application.objects.exists()


def test_the_application_form_asks_about_the_skills_of_this_mission_only(client, index_page):
    mission = MissionFactory(skills=["video", "accessibilite"])
    MissionFactory(skills=["collecte"])  # another open mission's skill is not offered here

    form = client.get(f"/missions/{mission.slug}/").context["form"]

    assert {skill.slug for skill in form.fields["skills"].queryset} == {"video", "accessibilite"}


def test_a_mission_without_skills_asks_no_skill_question(client, index_page):
    mission = MissionFactory()
    MissionFactory(skills=["collecte"])

    response = client.get(f"/missions/{mission.slug}/")

    assert "skills" not in response.context["form"].fields
    assert 'name="skills"' not in response.content.decode()
