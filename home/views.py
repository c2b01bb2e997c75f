"""Views of the site that are not page routes: the search page and robots.txt (home/urls.py)."""

from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from webassoc.pagination import page_number, paginate

from . import search as site_search

RESULTS_PER_PAGE = 10


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = site_search.search_site(query, request) if query else []
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "page_obj": paginate(results, page_number(request), RESULTS_PER_PAGE),
            "result_count": len(results),
            "meta_title": "Recherche",
        },
    )


@require_GET
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap")), "disallowed": []},
        content_type="text/plain; charset=utf-8",
    )
