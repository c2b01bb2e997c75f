import re

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags
from wagtail.models import Revision

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


def article_text(article):
    parts = []
    for block in article.body:
        if block.block_type == "paragraph":
            parts.append(strip_tags(block.value.source))
        elif block.block_type == "heading":
            parts.append(block.value["text"])
        elif block.block_type == "quote":
            parts.append(block.value["quote"])
    return " ".join(parts)


def test_demo_articles_have_substance_headings_and_a_list_or_a_quote(demo_site):
    for article in NewsPage.objects.live():
        words = len(article_text(article).split())
        types = [block.block_type for block in article.body]
        has_list = any("<ul>" in block.value.source or "<ol>" in block.value.source
                       for block in article.body if block.block_type == "paragraph")

        assert 400 <= words <= 700, (article.slug, words)
        assert types.count("heading") >= 3, article.slug
        assert has_list or "quote" in types, article.slug
        assert "image" in types, article.slug
        assert not re.search(r"exemple|fictif|fictive", article.author + article.intro + article_text(article),
                             re.I), article.slug


def test_load_demo_gives_the_first_demos_thin_articles_their_full_text(demo_site):
    article = NewsPage.objects.get(slug="accessibilite-premiers-pas")
    article.author = "Inès Exemple"
    article.body = [{"type": "paragraph", "value": "<p>Un article de deux cents mots.</p>"}]
    article.save_revision().publish()

    load_demo()
    revisions = Revision.objects.count()
    load_demo()

    article.refresh_from_db()
    assert article.author == "Inès Moreau"
    assert len(article_text(article).split()) >= 400
    assert Revision.objects.count() == revisions


def test_demo_signatures_use_a_domain_reserved_for_examples(demo_site):
    domains = {email.rsplit("@", 1)[1] for email in Signature.objects.values_list("email", flat=True)}

    assert domains == {"example.org"}
