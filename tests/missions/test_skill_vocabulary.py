"""Skills (issue 11, item 2): public filters and forms list only the skills of open published
missions (the request form: the curated vocabulary), synonyms are found by the admin chooser and
the public search, and two skills can be merged (the old address redirects)."""

import re
from html import unescape as html_unescape

import pytest
from django.urls import reverse
from wagtail.contrib.redirects.models import Redirect

from missions import services
from missions.forms import ApplicationForm, MissionAdminForm, MissionFilterForm, MissionRequestForm
from missions.models import Application, FormerSlug, Mission, MissionRequest, Skill
from missions.models.skills import current_slug, current_slugs
from tests.factories import SuperUserFactory

from .factories import ApplicationFactory, MissionFactory, MissionRequestFactory, skill

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(SuperUserFactory())
    return client


@pytest.fixture
def stray_skill():
    """A skill typed by mistake in a draft, then removed before publishing."""
    typo = Skill.objects.create(name="Référencment")
    draft = MissionFactory(live=False, skills=[typo])
    draft.skills.set([])
    draft.save()
    return typo


def choices(field):
    return {skill.slug for skill in field.queryset}


def test_public_filters_and_application_form_offer_only_skills_of_open_missions(stray_skill):
    video = MissionFactory(skills=["video"])
    MissionFactory(live=False, skills=["collecte"])  # a draft
    MissionFactory(status="cloturee", skills=["emailing"])  # closed

    assert choices(MissionFilterForm().fields["competences"]) == {"video"}
    assert choices(ApplicationForm(mission=video).fields["skills"]) == {"video"}  # the mission's own


def test_the_request_form_offers_the_curated_vocabulary(stray_skill):
    offered = choices(MissionRequestForm().fields["skills"])

    assert "referencement" in offered and "video" in offered and len(offered) == 9
    assert stray_skill.slug not in offered


def test_the_mission_list_page_does_not_show_a_stray_skill(client, index_page, stray_skill):
    MissionFactory(skills=["video"])

    html = client.get(index_page.url).content.decode()

    assert "Référencment" not in html and "Vidéo" in html


def test_new_skills_get_ascii_slugs():
    assert Skill.objects.create(name="Référencement local").slug == "referencement-local"


def test_typing_a_synonym_finds_the_skill_in_the_admin_chooser(admin_client):
    url = reverse("wagtailadmin_tag_model_autocomplete", args=["missions", "skill"])

    assert admin_client.get(url, {"term": "SEO"}).json() == ["Référencement (SEO)"]
    assert admin_client.get(url, {"term": "Search"}).json() == ["Référencement (SEO)"]  # its former label
    assert admin_client.get(url, {"term": "vid"}).json() == ["Vidéo"]
    assert admin_client.get(url, {"term": ""}).json() == []


def test_the_chooser_needs_an_admin_login(client):
    response = client.get(reverse("wagtailadmin_tag_model_autocomplete", args=["missions", "skill"]), {"term": "SEO"})

    assert response.status_code in (302, 403)


def test_a_synonym_typed_in_the_mission_form_is_the_skill_itself():
    form_class = Mission.snippet_viewset._edit_handler.get_form_class()
    form = form_class(instance=MissionFactory(), for_user=SuperUserFactory())
    form.cleaned_data = {"skills": ["SEO", "vidéo", "Search", "Tout nouveau"]}

    assert issubclass(form_class, MissionAdminForm)
    assert form.clean_skills() == ["Référencement (SEO)", "Vidéo", "Tout nouveau"]


def test_the_public_search_finds_missions_by_a_skill_synonym(client, index_page):
    MissionFactory(title="Être mieux trouvés", skills=["referencement"])
    MissionFactory(title="Film de présentation", skills=["video"])

    html = client.get(index_page.url, {"q": "SEO"}).content.decode()
    site = client.get("/recherche/", {"q": "SEO"}).content.decode()

    assert "Être mieux trouvés" in html and "Film de présentation" not in html
    assert "Être mieux trouvés" in site


def test_merging_two_skills_moves_missions_applications_and_requests_and_redirects(client, index_page):
    duplicate = Skill.objects.create(name="SEO local", aliases="référencement local")
    search = skill("referencement")
    both = MissionFactory(skills=[duplicate, search])
    only_duplicate = MissionFactory(skills=[duplicate])
    application = ApplicationFactory(skills=[duplicate])
    request_ = MissionRequestFactory(skills=[duplicate])
    old_url = f"{index_page.url}competences/{duplicate.slug}/"

    services.merge_skills(duplicate, into=search)

    assert not Skill.objects.filter(pk=duplicate.pk).exists()
    assert [s.slug for s in Mission.objects.get(pk=both.pk).skill_list()] == ["referencement"]
    assert [s.slug for s in Mission.objects.get(pk=only_duplicate.pk).skill_list()] == ["referencement"]
    assert list(Application.objects.get(pk=application.pk).skills.values_list("slug", flat=True)) == ["referencement"]
    assert list(MissionRequest.objects.get(pk=request_.pk).skills.values_list("slug", flat=True)) == ["referencement"]
    search.refresh_from_db()
    assert "SEO local" in search.alias_list() and "référencement local" in search.alias_list()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith(f"{index_page.url}competences/referencement/")
    assert FormerSlug.objects.get(slug=duplicate.slug).skill == search
    assert not Redirect.objects.exists()  # the skill page redirects by itself (FormerSlug)


def test_after_a_merge_the_old_slug_still_filters_the_list_the_feed_the_catalogue_and_the_alert_form(
        client, index_page):
    from tests.courses.factories import TrainingPageFactory, TrainingSessionPageFactory, training_index

    video, social = skill("video"), skill("medias-sociaux")
    MissionFactory(title="Film de présentation", skills=[video])
    MissionFactory(title="Animer Instagram", skills=[social])
    MissionFactory(title="Collecte de dons", skills=["collecte"])
    catalogue = training_index()
    for title, theme in (("Tourner une vidéo", video), ("Collecter en ligne", skill("collecte"))):
        course = TrainingPageFactory(title=title)
        course.skills.add(theme)
        course.save()
        TrainingSessionPageFactory(parent=course)

    services.merge_skills(video, into=social)

    listing = client.get(index_page.url, {"competences": "video"}).content.decode()
    feed = client.get(f"{index_page.url}rss/", {"competences": "video"}).content.decode()
    page = client.get(f"{index_page.url}competences/video/")
    courses = client.get(catalogue.url, {"theme": "video"}).content.decode()
    alert_form = client.get("/alertes/", {"competences": "video"}).content.decode()

    for text in (listing, feed):
        assert "Film de présentation" in text and "Animer Instagram" in text
        assert "Collecte de dons" not in text
    assert page.status_code == 301 and page["Location"].endswith("competences/medias-sociaux/")
    assert "Tourner une vidéo" in courses and "Collecter en ligne" not in courses
    assert 'value="medias-sociaux" checked' in alert_form or re.search(
        r'<input[^>]*value="medias-sociaux"[^>]*checked', alert_form)


def test_current_slugs_is_the_one_reading_of_old_slugs_for_every_filter(django_assert_num_queries):
    """The mission list, the catalogue's theme and the alert form all read a slug through it."""
    video, social = skill("video"), skill("medias-sociaux")
    services.merge_skills(video, into=social)
    FormerSlug.objects.create(slug="collecte", skill=social)  # a stale former slug that a skill has again

    with django_assert_num_queries(1):
        slugs = current_slugs(["video", "search", "collecte", "inconnue", "medias-sociaux"])

    assert slugs == ["medias-sociaux", "referencement", "collecte", "inconnue", "medias-sociaux"]
    assert current_slug("video") == "medias-sociaux"


def test_a_skill_merged_twice_hands_its_former_slugs_over(client, index_page):
    MissionFactory(title="Audit SEO", skills=["referencement"])

    services.merge_skills(skill("referencement"), into=skill("strategie"))

    assert FormerSlug.objects.get(slug="search").skill.slug == "strategie"  # seeded by the migration
    assert "Audit SEO" in client.get(index_page.url, {"competences": "search"}).content.decode()
    assert "Audit SEO" in client.get(index_page.url, {"competences": "referencement"}).content.decode()


def test_editing_a_skill_slug_keeps_the_old_one(admin_client, index_page):
    video = skill("video")
    MissionFactory(title="Film", skills=[video])

    admin_client.post(reverse("competences:edit", args=[video.pk]), {
        "name": video.name, "slug": "videos", "aliases": video.aliases, "curated": "on", "description": "",
    })

    assert Skill.objects.get(pk=video.pk).slug == "videos"
    assert client_page_location(admin_client, index_page, "video").endswith("competences/videos/")
    assert "Film" in admin_client.get(index_page.url, {"competences": "video"}).content.decode()


def test_saving_a_skill_with_its_slug_unchanged_keeps_no_former_slug(admin_client):
    video = skill("video")
    former_slugs = set(FormerSlug.objects.values_list("slug", "skill__slug"))

    admin_client.post(reverse("competences:edit", args=[video.pk]), {
        "name": "Vidéo et montage", "slug": "video", "aliases": video.aliases, "curated": "on", "description": "",
    })

    assert Skill.objects.get(pk=video.pk).name == "Vidéo et montage"
    assert set(FormerSlug.objects.values_list("slug", "skill__slug")) == former_slugs


def client_page_location(client, index_page, slug):
    response = client.get(f"{index_page.url}competences/{slug}/")
    assert response.status_code == 301
    return response["Location"]


def test_the_migration_turns_the_redirects_of_earlier_merges_into_former_slugs():
    from importlib import import_module

    from django.apps import apps

    migration = import_module("missions.migrations.0016_former_skill_slugs")
    Redirect.objects.create(old_path="/missions/competences/videos-courtes",
                            redirect_link="/missions/competences/video/")
    Redirect.objects.create(old_path="/actualites/ancienne", redirect_link="/actualites/")  # not a skill

    migration.seed(apps, None)

    assert dict(FormerSlug.objects.values_list("slug", "skill__slug")) == {
        "search": "referencement", "videos-courtes": "video"}


def test_a_coordinator_merges_from_the_admin_after_choosing_the_target(admin_client, index_page):
    duplicate = Skill.objects.create(name="Vidéos")
    MissionFactory(skills=[duplicate])
    url = reverse("competences:action", args=[duplicate.pk, "merge"])

    page = admin_client.get(url).content.decode()
    refused = admin_client.post(url, {})
    assert refused.status_code == 200 and Skill.objects.filter(pk=duplicate.pk).exists()

    response = admin_client.post(url, {"into": skill("video").pk})

    assert "Fusionner dans" in page and 'name="into"' in page
    assert response.status_code == 302
    assert not Skill.objects.filter(pk=duplicate.pk).exists()
    assert Mission.objects.get().skill_list()[0].slug == "video"


def test_a_skill_cannot_be_merged_into_itself():
    from webassoc.errors import DomainError

    with pytest.raises(DomainError):
        services.merge_skills(skill("video"), into=skill("video"))


def test_the_skills_admin_lists_open_mission_counts(admin_client):
    MissionFactory(skills=["video"])
    MissionFactory(live=False, skills=["video"])

    response = admin_client.get(reverse("competences:index"))
    video = next(s for s in response.context["object_list"] if s.slug == "video")

    assert (video.open_missions, video.all_missions) == (1, 2)


def test_a_bookmarked_filter_on_a_skill_no_longer_used_still_filters(client, index_page):
    MissionFactory(title="Film", skills=["video"])

    html = client.get(index_page.url, {"competences": "referencement"}).content.decode()

    assert "Film" not in html and "Aucune mission ne correspond à ces filtres." in html


def test_a_multi_word_skill_of_a_converted_request_is_saved_back_as_the_same_skill(admin_client):
    # The quotes shown on the chip come from Wagtail itself (taggit's edit_string_for_tags, then the
    # w-tag controller's cleanTag, which quotes every multi-word tag, converted or not): what is
    # posted back must still be the one skill, never a new one named with quotes.
    webmastering = skill("webmastering")  # "Gestion de site (webmastering)"
    mission = services.convert_request(MissionRequestFactory(skills=[webmastering, "video"]))
    html = admin_client.get(f"/admin/snippets/missions/mission/edit/{mission.pk}/").content.decode()
    value = html_unescape(re.search(r'<input[^>]*name="skills"[^>]*?\svalue="([^"]*)"', html).group(1))
    form_class = Mission.snippet_viewset._edit_handler.get_form_class()
    form = form_class(instance=mission, for_user=SuperUserFactory())

    form.cleaned_data = {"skills": form.fields["skills"].clean(value)}

    assert sorted(form.clean_skills()) == ["Gestion de site (webmastering)", "Vidéo"]
    assert not Skill.objects.filter(name__contains='"').exists()
