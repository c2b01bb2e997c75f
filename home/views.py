"""Views of the site that are not page routes: the search page, the sitemap page ("Plan du site")
and robots.txt (home/urls.py), and the admin's "Comptes bloqués" and "Données personnelles"
screens (wired in wagtail_hooks.py)."""

import json
import logging

from django import forms
from django.contrib.auth.decorators import permission_required
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.admin import messages
from wagtail.log_actions import log
from wagtail.models import Page, Site

from webassoc import privacy
from webassoc.admin.exports import csv_response
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
        "home/search.html",
        {
            "search_query": query,
            "page_obj": paginate(results, page_number(request), RESULTS_PER_PAGE),
            "result_count": len(results),
            "meta_title": _("Recherche"),
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
@permission_required(UNLOCK_PERMISSION, raise_exception=True)
def blocked_accounts(request):
    """Accounts and addresses locked by the login throttle; each can be unlocked (POST)."""
    if request.method == "POST":
        key = request.POST.get("key", "")[:254]
        if request.POST.get("kind") == "address":
            login_throttle.forget_address(key)
            messages.success(request, _("L’adresse %(key)s est débloquée.") % {"key": key})
        else:
            login_throttle.forget_account(key)
            messages.success(request, _("Le compte « %(key)s » est débloqué.") % {"key": key})
        security_logger.warning("admin login lock on %r lifted by %s", key, request.user.get_username())
        return redirect("blocked_accounts")
    return render(request, "home/admin/blocked_accounts.html", {
        "accounts": login_throttle.locked_accounts(),
        "addresses": login_throttle.locked_addresses(),
        "account_limit": login_throttle.ACCOUNT_LIMIT,
        "address_limit": login_throttle.ADDRESS_LIMIT,
        "window_minutes": int(login_throttle.WINDOW.total_seconds() // 60),
    })


PERSONAL_DATA_PERMISSION = "home.manage_personal_data"


class PersonalDataForm(forms.Form):
    email = forms.EmailField(label=_("Adresse e-mail de la personne"), max_length=254)


@never_cache
@require_http_methods(["GET", "POST"])
@permission_required(PERSONAL_DATA_PERMISSION, raise_exception=True)
def personal_data(request):
    """A person's access or erasure request (RGPD articles 15 and 17): every record holding an
    address across the site (webassoc.privacy.PERSONAL_DATA, so new models are covered), exported
    as one JSON or CSV file, or anonymised at once after a confirmation. Logged in the history.

    The address is only ever posted (search, export, erasure): it never appears in a URL, so not
    in the access logs, the browser history nor a Referer. A GET shows the empty form."""
    form = PersonalDataForm(request.POST if request.method == "POST" else None)
    if not form.is_valid():
        return render(request, "home/admin/personal_data.html", {"form": form})
    email = form.cleaned_data["email"]
    action = request.POST.get("action")
    if action in ("json", "csv"):
        return _personal_data_file(request, email, action)
    if action == "erase":
        if request.POST.get("confirm") != "oui":
            messages.error(request, _("Cochez la confirmation pour anonymiser ces données."))
        else:
            return _erase_personal_data(request, email)
    records = privacy.readable_records_of(email)
    return render(request, "home/admin/personal_data.html", {
        "form": form, "email": email, "records": records,
        "total": sum(len(rows) for rows in records.values()),
    })


def _log_personal_data(request, email, action):
    """One entry per record concerned in the admin history (never the address itself)."""
    for rows in privacy.records_of(email).values():
        for row in rows:
            log(instance=row, action=action, user=request.user)


def _personal_data_file(request, email, file_format):
    _log_personal_data(request, email, "home.personal_data_export")
    filename = f"donnees-personnelles-{timezone.localdate():%Y-%m-%d}.{file_format}"
    if file_format == "json":
        export = privacy.export_of(email)
        response = HttpResponse(json.dumps({"adresse": email, "donnees": export}, ensure_ascii=False, indent=2),
                                content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
    else:
        # The spreadsheet is for the person to read: the admin screen's French values (Oui/Non,
        # labels, names of related records, local dates); the JSON has the same labels and names,
        # with JSON numbers, true/false and ISO dates.
        rows = ([label, number, field, text]
                for label, records in privacy.readable_records_of(email).items()
                for number, record in enumerate(records, start=1)
                for field, text in record)
        response = csv_response(filename, [_("Catégorie"), _("N°"), _("Champ"), _("Valeur")], rows, request=request)
    response["Cache-Control"] = "private, no-store"
    return response


def _erase_personal_data(request, email):
    concerned = [row for rows in privacy.records_of(email).values() for row in rows]
    counts = privacy.forget(email)
    for row in concerned:  # after the erasure: the entries name the anonymised records only
        row.refresh_from_db()
        log(instance=row, action="home.personal_data_erase", user=request.user)
    messages.success(request, _("Données anonymisées : %(report)s.") % {
        "report": " ; ".join(privacy.report_lines(counts, dry_run=False, skip_empty=True)) or _("rien à anonymiser")})
    return redirect("personal_data")
