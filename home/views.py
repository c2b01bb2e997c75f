from django.core.paginator import Paginator
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from . import search as site_search


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()[:200]
    results = site_search.search_site(query, request) if query else []
    page_obj = Paginator(results, 10).get_page(request.GET.get("page"))
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "page_obj": page_obj,
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
