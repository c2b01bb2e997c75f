"""The missions' public forms speak the site's one wording (webassoc.forms): required fields,
rate limit; refusals come from the services; a thank-you page shows no empty form."""

import pytest

from missions import services
from missions.models import Application, MissionRequest

from .factories import MissionFactory, MissionRequestFactory

pytestmark = pytest.mark.django_db

REQUIRED = "Ce champ est obligatoire."
RATE_LIMITED = "Vous avez envoyé beaucoup de formulaires en peu de temps. Merci de réessayer dans une heure."
APPLICATION = {"name": "Camille", "email": "camille@example.org", "message": "Je peux aider.", "consent": "on"}
REQUEST = {
    "association_name": "Les Amis du Canal", "cause": "environnement", "contact_name": "Paul",
    "email": "paul@canal.example.org", "title": "Un site lisible", "description": "Notre site est illisible.",
    "format": "a_distance", "consent": "on",
}


def test_the_application_form_says_the_one_required_message_on_each_required_field(client, index_page):
    mission = MissionFactory()

    form = client.post(f"/missions/{mission.slug}/", {}).context["form"]

    assert form.errors["name"] == form.errors["email"] == form.errors["message"] == [REQUIRED]
    assert form.errors["consent"] == ["Votre accord est nécessaire pour envoyer ce formulaire."]


def test_the_request_form_says_the_one_required_message_on_each_required_field(client, index_page):
    form = client.post("/missions/proposer/", {}).context["form"]

    for field in ["association_name", "contact_name", "email", "title", "description"]:
        assert form.errors[field] == [REQUIRED], field


@pytest.mark.parametrize(
    ("url", "data"), [("/missions/{slug}/", APPLICATION), ("/missions/proposer/", REQUEST)], ids=["application", "request"]
)
def test_both_forms_say_the_one_rate_limit_message_with_a_429(client, index_page, settings, url, data):
    settings.RATELIMIT_ENABLED = True
    url = url.format(slug=MissionFactory().slug)
    for n in range(10):
        client.post(url, {**data, "email": f"personne{n}@example.org"})

    response = client.post(url, {**data, "email": "encore@example.org"})

    assert response.status_code == 429
    assert response.context["form"].non_field_errors() == [RATE_LIMITED]
    assert Application.objects.count() + MissionRequest.objects.count() == 10


def test_a_duplicate_application_is_refused_by_the_service_and_said_as_information_not_as_an_error(
        client, index_page):
    mission = MissionFactory()
    client.post(f"/missions/{mission.slug}/", APPLICATION)

    response = client.post(f"/missions/{mission.slug}/", {**APPLICATION, "message": "Je peux encore aider."})

    html = response.content.decode()
    assert response.status_code == 200
    assert response.context["notice"].startswith("Vous avez déjà candidaté à cette mission")
    assert not response.context["form"].errors
    assert "error-summary__" not in html and "Le formulaire contient" not in html
    assert 'class="message message--info" role="status"' in html
    assert "Je peux encore aider." in html and 'value="camille@example.org"' in html  # the values typed are kept
    assert "Me renvoyer le lien de suivi" in html
    assert Application.objects.count() == 1
    with pytest.raises(services.DuplicateApplication):
        services.apply(mission, name="Camille", email=" CAMILLE@example.org", message="Encore", consent=True)


def test_a_duplicate_request_is_refused_by_the_service_for_the_whole_form():
    MissionRequestFactory(email="paul@canal.example.org", title="Un site lisible")

    with pytest.raises(services.DuplicateRequest) as refused:
        services.submit_request(association_name="Les Amis du Canal", contact_name="Paul",
                                email="Paul@canal.example.org", title="un site lisible ", description="…",
                                consent=True)

    assert refused.value.field is None
    assert refused.value.message.startswith("Nous avons déjà reçu cette demande")


def test_a_closed_mission_refuses_applications_in_the_service():
    with pytest.raises(services.MissionClosed):
        services.apply(MissionFactory(status="cloturee"), name="Camille", email="c@example.org", message="…",
                       consent=True)


@pytest.mark.parametrize(
    ("url", "data", "form_marker"),
    [("/missions/{slug}/", APPLICATION, 'name="message"'), ("/missions/proposer/", REQUEST, 'name="association_name"')],
    ids=["application", "request"],
)
def test_the_thank_you_page_shows_no_empty_form_and_the_next_visit_does(client, index_page, url, data, form_marker):
    url = url.format(slug=MissionFactory().slug)

    thanks = client.post(url, data, follow=True).content.decode()
    next_visit = client.get(url).content.decode()

    assert "message--success" in thanks and form_marker not in thanks
    assert "message--success" not in next_visit and form_marker in next_visit


def error_summary_lines(html):
    import re
    from html import unescape

    summary = re.search(r'<ul class="error-summary__list">(.*?)</ul>', html, re.S).group(1)
    return [unescape(re.sub(r"<[^>]+>", "", item)).strip() for item in re.findall(r"<li>(.*?)</li>", summary, re.S)]


@pytest.mark.parametrize("format_", ["sur_place", "hybride"])
def test_each_line_of_the_request_form_error_summary_reads_as_one_sentence_with_one_colon(
        client, index_page, format_):
    response = client.post("/missions/proposer/", {**REQUEST, "format": format_, "city": "", "deadline": "2020-01-01"})

    lines = error_summary_lines(response.content.decode())
    assert len(lines) == 2
    for line in lines:
        assert line.count(":") == 1, line
    assert "Échéance souhaitée\u00a0: cette date est déjà passée\u00a0; indiquez une date à venir ou laissez le " \
           "champ vide." in lines


def test_a_duplicate_request_is_said_as_information_above_the_form_kept(client, index_page):
    MissionRequestFactory(email="paul@canal.example.org", title="Un site lisible")

    response = client.post("/missions/proposer/", REQUEST)

    html = response.content.decode()
    assert response.status_code == 200
    assert not response.context["form"].errors and "error-summary__" not in html
    assert 'class="message message--info" role="status"' in html and "Nous avons déjà reçu cette demande" in html
    assert 'value="Les Amis du Canal"' in html
    assert MissionRequest.objects.count() == 1
