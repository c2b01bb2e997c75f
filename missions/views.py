"""Views of the missions app that are not page routes."""

from django.db.models import Case, IntegerField, Value, When
from django.http import JsonResponse
from wagtail.admin.auth import require_admin_access

from .models.skills import Skill

AUTOCOMPLETE_LIMIT = 10


@require_admin_access
def skill_autocomplete(request):
    """The admin's skill chooser (replaces Wagtail's tag autocomplete for skills): names starting
    with the typed text first, then names or synonyms containing it ("SEO" offers "Search")."""
    term = request.GET.get("term", "").strip()
    if not term:
        return JsonResponse([], safe=False)
    skills = (
        Skill.objects.matching(term)
        .annotate(rank=Case(When(name__istartswith=term, then=Value(0)), default=Value(1),
                            output_field=IntegerField()))
        .order_by("rank", "name")
        .values_list("name", flat=True)[:AUTOCOMPLETE_LIMIT]
    )
    return JsonResponse(list(skills), safe=False)
