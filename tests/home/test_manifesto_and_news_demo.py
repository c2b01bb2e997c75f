import pytest
from django.core.management import call_command

from home import services
from home.demo.manifesto import DEMO_SIGNATURES
from home.models import ManifestoPage, NewsIndexPage, NewsPage, Signature

pytestmark = pytest.mark.django_db


def load_demo():
    call_command("load_demo", stdout=open("/dev/null", "w"))


def test_demo_has_a_manifesto_near_its_goal_with_confirmed_signatures(demo_site):
    manifesto = ManifestoPage.objects.live().get(slug="manifeste")
    assert "accessible" in str(manifesto.body)
    assert services.signature_count(manifesto) == DEMO_SIGNATURES  # near the goal of 1 000
    assert Signature.objects.filter(page=manifesto, confirmed_at__isnull=True).count() == 0


def test_demo_has_eight_illustrated_and_tagged_news_articles(demo_site):
    index = NewsIndexPage.objects.live().get()
    news = NewsPage.objects.child_of(index).live()
    assert news.count() == 8
    assert all(article.listing_image_id and article.tags.exists() for article in news)


def test_loading_the_demo_twice_adds_nothing(demo_site):
    load_demo()

    assert Signature.objects.count() == DEMO_SIGNATURES
    assert NewsPage.objects.count() == 8
