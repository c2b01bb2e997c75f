from django.core.paginator import Paginator
from django.template import RequestContext, Template
from django.test import RequestFactory


def render(page_number, include='{% include "components/pagination.html" %}'):
    page_obj = Paginator(range(200), 10).get_page(page_number)
    request = RequestFactory().get("/actualites/", {"tag": "conseils", "page": page_number})
    return Template(include).render(RequestContext(request, {"page_obj": page_obj}))


def test_pagination_centres_the_numbers_on_the_current_page_and_keeps_filters():
    html = render(10)

    assert 'href="?tag=conseils&amp;page=10" aria-current="page"' in html
    for neighbour in (8, 9, 11, 12):
        assert f"page={neighbour}\"" in html
    assert "page=5\"" not in html
    assert "page=20\"" in html and "page=1\"" in html


def test_an_anchor_takes_every_link_to_the_list_it_pages():
    html = render(10, '{% include "components/pagination.html" with anchor="liste" %}')

    assert 'href="?tag=conseils&amp;page=9#liste" rel="prev"' in html
    assert 'href="?tag=conseils&amp;page=11#liste" rel="next"' in html
    assert 'href="?tag=conseils&amp;page=10#liste" aria-current="page"' in html
    assert 'page=20#liste"' in html


def test_without_an_anchor_the_links_have_none():
    assert "#" not in render(10)
