"""French typography and wording of the manifesto: no "?", "!" or ":" left alone at the start of a line."""

import html
import re

import pytest
from django.template import Context, Template
from django.utils.html import strip_tags

from home.models import ManifestoPage, Signature

from .factories import ManifestoPageFactory

pytestmark = pytest.mark.django_db

NBSP = "\u00a0"


def text_of(response):
    return html.unescape(response.content.decode())


def headings(response):
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", text_of(response), re.S)]


def test_the_demo_manifesto_heading_keeps_its_question_mark_on_the_same_line(client, demo_site):
    manifesto = ManifestoPage.objects.get(slug="manifeste")

    titles = headings(client.get(manifesto.url))

    assert f"1{NBSP}000 pros du web, et vous{NBSP}?" in titles
    assert not [title for title in titles if re.search(r" [?!:;]", title)]


def test_the_thanks_page_heading_keeps_its_colon_on_the_same_line(client, home_page):
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste")

    titles = headings(client.get(manifesto.url + "merci/"))

    assert f"Plus qu’une étape{NBSP}: confirmez votre signature" in titles


def test_a_manifesto_title_typed_with_plain_spaces_gets_non_breaking_ones(client, home_page):
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste", title="Et vous ? Signez « maintenant » !")

    titles = headings(client.get(manifesto.url))

    assert f"Et vous{NBSP}? Signez «{NBSP}maintenant{NBSP}»{NBSP}!" in titles


def test_the_typography_filter_still_escapes_html():
    rendered = Template("{% load news_tags %}{{ value|typo_fr }}").render(Context({"value": "<b>Oui</b> !"}))

    assert rendered == f"&lt;b&gt;Oui&lt;/b&gt;{NBSP}!"


def test_the_counter_keeps_figures_and_signs_together(client, home_page):
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste")

    page = text_of(client.get(manifesto.url))

    assert f"0 sur 1{NBSP}000{NBSP}: 0{NBSP}% de l’objectif." in re.sub(r"[ \t\n]+", " ", page).replace("\u202f", NBSP)


def test_manifesto_texts_say_e_mail(client, demo_site):
    professions = set(Signature.objects.values_list("profession", flat=True))
    manifesto = ManifestoPage.objects.get(slug="manifeste")
    pages = [client.get(manifesto.url + path) for path in ("", "merci/", "nouveau-lien/")]
    texts = [strip_tags(re.sub(r"<(script|style)\b.*?</\1>", "", text_of(page), flags=re.S)) for page in pages]

    other_spellings = re.findall(r"(?<![\w-])(?:e?mails?|emailing|courriels?)\b", " ".join(texts + list(professions)), re.I)
    assert other_spellings == []
