"""Fragments cached for everybody (header, footer, home sections, news) and the site settings (issue 14).

They are rendered afresh after any committed content change (the content generation in their
key), and they never hold anything personal.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from home.models import SiteSettings
from tests.factories import StandardPageFactory, SuperUserFactory
from tests.home.factories import NewsIndexPageFactory, NewsPageFactory
from tests.missions.factories import MissionFactory, MissionIndexPageFactory
from webassoc import fragments

pytestmark = pytest.mark.django_db


@pytest.fixture
def fragments_on(settings, home_page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        SiteSettings.for_site(home_page.get_site())  # created on first read: a content change
    settings.FRAGMENT_CACHE_SECONDS = 300


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a change as if committed: the generation is bumped after the commit."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


def queries_of(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries), response.content.decode()


def test_the_home_page_reads_its_sections_header_footer_and_settings_once(client, home_page, fragments_on):
    MissionIndexPageFactory()
    MissionFactory(title="Refonte du site")

    first, html_first = queries_of(client, "/")
    second, html_second = queries_of(client, "/")

    assert second <= 4 < first  # only Wagtail's routing: site, page, view restrictions
    assert html_second == html_first
    assert "Refonte du site" in html_second


def test_a_published_change_to_the_home_page_itself_shows_at_once(client, home_page, fragments_on, committed):
    client.get("/")

    with committed():
        home_page.hero_title = "Des bénévoles du web pour les associations"
        home_page.save_revision().publish()

    assert "Des bénévoles du web pour les associations" in client.get("/").content.decode()


def test_breadcrumbs_are_cached_per_page_and_follow_a_renamed_parent(client, home_page, fragments_on, committed):
    with committed():
        parent = StandardPageFactory(parent=home_page, title="Qui sommes-nous")
        first = StandardPageFactory(parent=parent, title="Notre histoire")
        second = StandardPageFactory(parent=parent, title="Nos valeurs")
    client.get(first.url)
    queries_first, _html = queries_of(client, first.url)
    assert '<span aria-current="page">Nos valeurs</span>' in client.get(second.url).content.decode()

    with committed():
        parent.title = "L’équipe"
        parent.save_revision().publish()
    html = client.get(first.url).content.decode()

    breadcrumb = html.split('<nav class="breadcrumb"')[1].split("</nav>")[0]
    assert "L’équipe" in breadcrumb and "Qui sommes-nous" not in breadcrumb
    assert '<span aria-current="page">Notre histoire</span>' in breadcrumb
    assert queries_of(client, first.url)[0] == queries_first


def test_a_committed_change_shows_at_once_in_the_cached_sections(client, home_page, fragments_on, committed):
    MissionIndexPageFactory()
    client.get("/")

    with committed():
        MissionFactory(title="Nouvelle mission de la semaine")

    assert "Nouvelle mission de la semaine" in client.get("/").content.decode()


def test_editing_the_site_settings_changes_header_and_footer_at_once(client, home_page, fragments_on, committed):
    client.get("/")

    with committed():
        site_settings = SiteSettings.for_site(home_page.get_site())
        site_settings.tagline = "Une nouvelle signature"
        site_settings.contact_email = "nouveau@webassoc.example"
        site_settings.save()
    html = client.get("/").content.decode()

    assert "Une nouvelle signature" in html.split("</header>")[0]
    assert "mailto:nouveau@webassoc.example" in html.split('<footer class="site-footer">')[1]


def test_site_settings_are_read_from_the_cache(home_page, fragments_on):
    site = home_page.get_site()
    SiteSettings.for_site(site)

    with CaptureQueriesContext(connection) as queries:
        again = SiteSettings.for_site(site)

    assert len(queries) == 0
    assert again.site_id == site.pk


def test_the_menu_highlights_the_current_page_on_each_page(client, home_page, fragments_on, committed):
    with committed():
        about = StandardPageFactory(parent=home_page, title="Qui sommes-nous", show_in_menus=True)
        faq = StandardPageFactory(parent=home_page, title="FAQ", show_in_menus=True)

    for page, other in ((about, faq), (faq, about), (about, faq)):
        header = client.get(page.url).content.decode().split("</header>")[0]
        assert f'<a href="{page.url}" aria-current="page">' in header
        assert f'<a href="{other.url}">' in header


def test_the_header_keeps_each_visitors_search_words(client, home_page, fragments_on):
    first = client.get("/recherche/?q=accessibilite").content.decode().split("</header>")[0]
    second = client.get("/recherche/?q=collecte").content.decode().split("</header>")[0]

    assert 'value="accessibilite"' in first
    assert 'value="collecte"' in second


def test_related_news_follow_a_publication(client, home_page, fragments_on, committed):
    with committed():
        index = NewsIndexPageFactory()
        article = NewsPageFactory(parent=index, title="Premier article", tags=["benevolat"])
    client.get(article.url)

    with committed():
        NewsPageFactory(parent=index, title="Un article voisin", tags=["benevolat"])

    assert "Un article voisin" in client.get(article.url).content.decode()


def test_an_editors_page_gets_the_same_fragments_and_nothing_of_theirs_is_cached(client, home_page, fragments_on):
    editor = SuperUserFactory(username="editrice", first_name="Édith")
    client.force_login(editor)
    client.get("/")

    stored = [value for key, value in fragments_cache_items() if ":fragment:" in key]

    assert stored
    assert not any("editrice" in str(value) or "Édith" in str(value) for value in stored)
    assert not any("csrfmiddlewaretoken" in str(value) for value in stored)


def test_fragments_are_not_stored_when_turned_off(client, home_page, settings):
    settings.FRAGMENT_CACHE_SECONDS = 0

    client.get("/")

    assert not [key for key, _value in fragments_cache_items() if ":fragment:" in key]


def test_a_fragment_key_changes_with_the_content_generation_and_the_host(rf, fragments_on):
    from webassoc import page_cache

    request = rf.get("/", HTTP_HOST="localhost")
    before = fragments.key("site_footer", [], request)
    page_cache.invalidate()

    assert fragments.key("site_footer", [], request) != before
    assert fragments.key("site_footer", [], rf.get("/", HTTP_HOST="127.0.0.1")) != fragments.key(
        "site_footer", [], request)


def fragments_cache_items():
    import pickle

    from django.core.cache import cache

    return [(key, pickle.loads(value)) for key, value in cache._cache.items()]


def test_the_catalogue_shows_seats_taken_at_once_and_keeps_each_filter_apart(
        client, home_page, fragments_on, committed):
    from courses.enums import RegistrationStatus, SessionMode
    from courses.models import Registration
    from tests.courses.factories import TrainingSessionPageFactory, training_index

    with committed():
        catalogue = training_index()
        session = TrainingSessionPageFactory(capacity=2, mode=SessionMode.REMOTE)
    first = client.get(catalogue.url)
    assert first.context["session_count"] == 1
    on_site = client.get(catalogue.url + "?mode=sur_place")
    assert on_site.context["session_count"] == 0  # not the unfiltered list from the cache

    with committed():
        Registration.objects.create(session=session, association_name="Asso", contact_name="Camille",
                                    email="camille@asso.example.org", attendees=2,
                                    status=RegistrationStatus.CONFIRMED)
    after = client.get(catalogue.url)

    assert after.context["session_count"] == 1
    [(_course, [shown])] = after.context["page_obj"].object_list
    assert shown.seats_left == 0
    assert "Complet" in after.content.decode()


def test_the_site_and_its_root_page_come_from_the_cache_and_follow_an_edit(client, home_page, fragments_on, committed):
    client.get("/")
    warm, _html = queries_of(client, "/")
    assert warm <= 2  # view restrictions; the site and the home page come from the cache

    with committed():
        home_page.hero_title = "Un titre tout neuf"
        home_page.save_revision().publish()
    assert "Un titre tout neuf" in client.get("/").content.decode()


@pytest.mark.parametrize("page_cache_seconds", [0, 300])
def test_an_unknown_host_gets_a_400_and_never_reaches_the_cache(home_page, fragments_on, settings,
                                                                page_cache_seconds):
    from django.core.cache import cache
    from django.test import Client

    settings.PAGE_CACHE_SECONDS = page_cache_seconds
    keys_before = set(cache._cache)
    response = Client(raise_request_exception=False).get("/", HTTP_HOST="attaquant.example")

    assert response.status_code == 400
    new_keys = set(cache._cache) - keys_before
    assert not [key for key in new_keys if "attaquant" in key or "wagtail_site" in key or "pagecache:v" in key]


def test_an_editors_preview_shows_the_draft_and_the_draft_never_reaches_visitors(client, home_page, fragments_on,
                                                                              committed, rf):
    live_title = home_page.hero_title
    with committed():
        home_page.hero_title = "Brouillon non publié"
        home_page.save_revision()
    draft = home_page.get_latest_revision_as_object()

    def preview():
        response = draft.make_preview_request(original_request=rf.get("/admin/"))
        return response.render().content.decode()

    first_preview = preview()  # before any visitor: the fragments are empty
    visitor = client.get("/").content.decode()
    second_preview = preview()  # after a visitor: the live fragments are cached

    assert "Brouillon non publié" in first_preview and "Brouillon non publié" in second_preview
    assert "Brouillon non publié" not in visitor and live_title in visitor
