"""JSON-LD (schema.org) parsed from the pages, and Open Graph tags of sessions and articles."""

import datetime
import json
import re
from urllib.parse import quote
from zoneinfo import ZoneInfo

import pytest
import wagtail_factories

from courses.enums import SessionMode
from tests.courses.factories import RegistrationFactory, TrainingPageFactory, TrainingSessionPageFactory
from tests.factories import home_page

from .factories import NewsPageFactory

pytestmark = pytest.mark.django_db
PARIS = ZoneInfo("Europe/Paris")


def json_ld(html):
    """Every JSON-LD object of the page (lists flattened), by @type."""
    found = {}
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(block)
        for item in data if isinstance(data, list) else [data]:
            assert item["@context"] == "https://schema.org"
            found.setdefault(item["@type"], []).append(item)
    return found


def og(html, name):
    match = re.search(rf'<meta property="{re.escape(name)}" content="([^"]*)">', html)
    return match.group(1) if match else None


def test_home_page_has_organization_and_website_with_a_search_action(client):
    home_page()

    data = json_ld(client.get("/").content.decode())

    organization, = data["Organization"]
    assert organization["name"] == "Webassoc" and organization["url"].startswith("http")
    website, = data["WebSite"]
    action = website["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"]["urlTemplate"].endswith("/recherche/?q={search_term_string}")
    assert action["query-input"] == "required name=search_term_string"


def test_online_session_is_an_event_without_its_meeting_link(client):
    course = TrainingPageFactory(title="Emailing solidaire", summary="Écrire à ses donateurs.")
    session = TrainingSessionPageFactory(
        parent=course, title="04/12/2026 – en ligne", capacity=2,
        start=datetime.datetime(2031, 12, 4, 18, tzinfo=PARIS), end=datetime.datetime(2031, 12, 4, 20, tzinfo=PARIS),
    )
    RegistrationFactory(session=session, attendees=1, contact_name="Zoé Secret", email="zoe@secret.example.org")

    html = client.get(session.url).content.decode()
    event, = json_ld(html)["Event"]

    assert event["name"] == "Emailing solidaire – 04/12/2026 – en ligne"
    assert event["startDate"] == "2031-12-04T18:00:00+01:00" and event["endDate"] == "2031-12-04T20:00:00+01:00"
    assert event["eventStatus"] == "https://schema.org/EventScheduled"
    assert event["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert event["location"]["@type"] == "VirtualLocation"
    assert event["organizer"]["name"] == "Webassoc"
    assert event["offers"]["price"] == "0" and event["offers"]["availability"] == "https://schema.org/InStock"
    script = re.search(r'<script type="application/ld\+json">.*?"Event".*?</script>', html, re.S).group(0)
    for secret in ("salle-secrete", "Zoé Secret", "zoe@secret"):
        assert secret not in script


def test_full_cancelled_on_site_session_event(client):
    session = TrainingSessionPageFactory(
        mode=SessionMode.ON_SITE, venue="Maison des associations", address="3 rue Haute\n69001 Lyon",
        capacity=1, cancelled=True, cancellation_reason="Salle fermée",
        start=datetime.datetime(2031, 7, 1, 9, tzinfo=PARIS), end=datetime.datetime(2031, 7, 1, 12, tzinfo=PARIS),
    )
    RegistrationFactory(session=session, attendees=1)

    event, = json_ld(client.get(session.url).content.decode())["Event"]

    assert event["startDate"] == "2031-07-01T09:00:00+02:00"
    assert event["eventStatus"] == "https://schema.org/EventCancelled"
    assert event["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert event["location"] == {
        "@type": "Place", "name": "Maison des associations",
        "address": {"@type": "PostalAddress", "postalCode": "69001", "addressLocality": "Lyon",
                    "streetAddress": "3 rue Haute", "addressCountry": "FR"},
    }
    assert event["offers"]["availability"] == "https://schema.org/SoldOut"


def test_session_open_graph_title_names_the_course(client):
    session = TrainingSessionPageFactory(parent=TrainingPageFactory(title="Accessibilité"), title="04/12/2026 – en ligne")

    html = client.get(session.url).content.decode()

    assert og(html, "og:title") == "Accessibilité – 04/12/2026 – en ligne"


def test_article_is_a_news_article_with_its_own_image_and_og_type_article(client):
    image = wagtail_factories.ImageFactory(title="Photo de l'atelier")
    article = NewsPageFactory(title="Un atelier réussi", author="Jeanne Exemple", listing_image=image,
                              date=datetime.date(2026, 11, 2))

    html = client.get(article.url).content.decode()

    assert og(html, "og:type") == "article"
    assert og(html, "article:published_time") == "2026-11-02"
    assert "original_images" not in (og(html, "og:image") or "x")
    assert og(html, "og:image").startswith("http") and "fill-1200x630" in og(html, "og:image")
    news, = json_ld(html)["NewsArticle"]
    assert news["headline"] == "Un atelier réussi"
    assert news["datePublished"] == "2026-11-02"
    assert news["author"] == {"@type": "Person", "name": "Jeanne Exemple"}
    assert news["image"] == [og(html, "og:image")]
    assert news["publisher"]["name"] == "Webassoc"


def test_breadcrumb_list_follows_the_visible_breadcrumb(client):
    course = TrainingPageFactory(title="Emailing")
    session = TrainingSessionPageFactory(parent=course, title="Session de mai")

    breadcrumb, = json_ld(client.get(session.url).content.decode())["BreadcrumbList"]

    items = breadcrumb["itemListElement"]
    assert [item["position"] for item in items] == list(range(1, len(items) + 1))
    assert items[0]["name"] == "Accueil"
    assert [item["name"] for item in items[-2:]] == ["Emailing", "Session de mai"]
    assert items[-1]["item"].endswith(session.url)
    assert all(item["item"].startswith("http") for item in items)


def test_json_ld_cannot_be_closed_by_page_text(client):
    course = TrainingPageFactory(title="</script><script>alert(1)</script>")
    session = TrainingSessionPageFactory(parent=course)

    html = client.get(session.url).content.decode()

    assert "<script>alert(1)" not in html
    assert json_ld(html)["Event"][0]["name"].startswith("</script>")


def test_missions_and_sessions_have_plain_share_links(client):
    from tests.missions.factories import MissionFactory, MissionIndexPageFactory

    MissionIndexPageFactory()
    mission = MissionFactory(title="Audit d'accessibilité", slug="audit")
    session = TrainingSessionPageFactory(parent=TrainingPageFactory(title="Emailing"), title="Session de mai")

    for url, title in ((mission.get_url(), "Audit d’accessibilité"), (session.url, "Emailing – Session de mai")):
        html = client.get(url).content.decode()
        share = re.search(r'<section class="section share".*?</section>', html, re.S).group(0)
        for network in ("mailto:?", "https://mastodonshare.com/?", "https://bsky.app/intent/compose?",
                        "https://www.linkedin.com/sharing/share-offsite/?"):
            assert f'href="{network}' in share
        assert "http%3A%2F%2F" in share and "<script" not in share
        assert "subject=" + quote(title) in share.replace("&amp;", "&")


def test_an_address_typed_on_one_or_several_lines_gives_street_postal_code_and_town():
    from home.structured_data import postal_address

    expected = {"@type": "PostalAddress", "postalCode": "44000", "addressLocality": "Nantes",
                "streetAddress": "Maison des associations, 3 quai des Initiatives", "addressCountry": "FR"}
    assert postal_address("Maison des associations\n3 quai des Initiatives\n44000 Nantes") == expected
    assert postal_address("Maison des associations, 3 quai des Initiatives, 44000 Nantes") == expected
    assert postal_address("Salle polyvalente") == {
        "@type": "PostalAddress", "streetAddress": "Salle polyvalente", "addressCountry": "FR"}


def test_a_shared_home_page_is_titled_with_its_hero_line_not_accueil(client, home_page):
    home_page.hero_title = "Vos compétences web au service des associations"
    home_page.save_revision().publish()

    html = client.get("/").content.decode()

    assert og(html, "og:title") == "Vos compétences web au service des associations"
