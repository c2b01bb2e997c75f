import pytest

from home.models import SiteSettings
from tests.factories import StandardPageFactory

pytestmark = pytest.mark.django_db


def test_footer_shows_contact_social_links_and_legal_pages_from_site_settings(client, home_page):
    legal = StandardPageFactory(parent=home_page, title="Mentions légales")
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.contact_email = "bonjour@webassoc.example"
    site_settings.mastodon_url = "https://mastodon.example/@webassoc"
    site_settings.legal_notice_page = legal
    site_settings.save()

    html = client.get("/").content.decode()
    footer = html.split('<footer class="site-footer">')[1]

    assert "mailto:bonjour@webassoc.example" in footer
    assert 'href="https://mastodon.example/@webassoc"' in footer
    assert f'href="{legal.url}">Mentions légales</a>' in footer


def test_footer_hides_unpublished_legal_pages(client, home_page):
    legal = StandardPageFactory(parent=home_page, title="Mentions légales")
    legal.unpublish()
    site_settings = SiteSettings.for_site(home_page.get_site())
    site_settings.legal_notice_page = legal
    site_settings.save()

    footer = client.get("/").content.decode().split('<footer class="site-footer">')[1]

    assert "Mentions légales" not in footer


def test_messages_are_rendered_in_a_live_region(client, home_page):
    html = client.get("/").content.decode()

    assert '<div class="messages" role="status" aria-live="polite">' in html
