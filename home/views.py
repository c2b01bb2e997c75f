"""Views of the site that are not page routes: the search page, the sitemap page ("Plan du site")
and robots.txt (home/urls.py), and the admin's "Comptes bloqués" screen (wired in wagtail_hooks.py)."""

import logging

from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.admin import messages
from wagtail.models import Page, Site

from webassoc.pagination import page_number, paginate

from . import login_throttle
from . import search as site_search

UNLOCK_PERMISSION = "auth.change_user"  # whoever manages the team's accounts
security_logger = logging.getLogger("webassoc.security")

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
def sitemap_page(request):
    """"Plan du site": the site's pages as a tree (home, its sections and their pages). News articles
    and training sessions are left to their index and course pages, which list them."""
    from .models import NewsPage

    site = Site.find_for_request(request)
    root = site.root_page if site else None
    tree = []
    if root is not None:
        pages = list(
            Page.objects.live().public().descendant_of(root).filter(depth__lte=root.depth + 2)
            .not_type(NewsPage).order_by("path").only("id", "title", "url_path", "path", "depth")
        )
        sections = {page.path: {"page": page, "children": []} for page in pages if page.depth == root.depth + 1}
        for page in pages:
            if page.depth == root.depth + 2 and page.path[: -Page.steplen] in sections:
                sections[page.path[: -Page.steplen]]["children"].append(page)
        tree = list(sections.values())
    return render(request, "home/sitemap_page.html", {"root": root, "tree": tree, "meta_title": _("Plan du site")})


@require_GET
def robots_txt(request):
    return render(
        request,
        "robots.txt",
        {"sitemap_url": request.build_absolute_uri(reverse("sitemap")), "disallowed": []},
        content_type="text/plain; charset=utf-8",
    )


@require_http_methods(["GET", "POST"])
def blocked_accounts(request):
    """Accounts and addresses locked by the login throttle; each can be unlocked (POST)."""
    if not request.user.has_perm(UNLOCK_PERMISSION):
        raise PermissionDenied
    if request.method == "POST":
        key = request.POST.get("key", "")[:254]
        if request.POST.get("kind") == "address":
            login_throttle.forget_address(key)
            messages.success(request, _("L'adresse %(key)s est débloquée.") % {"key": key})
        else:
            login_throttle.forget_account(key)
            messages.success(request, _("Le compte « %(key)s » est débloqué.") % {"key": key})
        security_logger.warning("admin login lock on %r lifted by %s", key, request.user.get_username())
        return redirect("blocked_accounts")
    return render(request, "home/admin/blocked_accounts.html", {
        "accounts": login_throttle.locked_accounts(),
        "addresses": login_throttle.locked_addresses(),
        "account_limit": login_throttle.ACCOUNT_LIMIT,
        "address_limit": login_throttle.ADDRESS_LIMIT,
        "window_minutes": int(login_throttle.WINDOW.total_seconds() // 60),
    })
