"""Missions in the site search."""

from django.utils.translation import gettext as _

from home.search import SearchResult
from webassoc.forms import search_words

from .models import Mission, MissionIndexPage, Skill

MAX_MISSIONS = 50


def mission_results(query, request=None):
    index_page = MissionIndexPage.get_for_request(request)
    if index_page is None or not query:
        return []
    links = index_page.links(request)
    words = search_words(query)
    found = list(Mission.objects.published().select_related("association").search(words)[:MAX_MISSIONS]) if words else []
    # Missions whose skills answer to the query (a synonym such as "SEO" for "Search").
    by_skill = (
        Mission.objects.published().select_related("association")
        .filter(tagged_items__tag__in=Skill.objects.matching(query))
        .exclude(pk__in={mission.pk for mission in found}).distinct()
    )
    found += list(by_skill[:max(MAX_MISSIONS - len(found), 0)])
    # Open missions first (in the index's order), then those that take no more applications.
    missions = sorted(found, key=lambda mission: not mission.accepts_applications)
    return [
        SearchResult(
            title=mission.title,
            url=links.mission(mission),
            description=f"{mission.association.name} – {mission.summary}",
            kind=_("Mission") if mission.accepts_applications else _("Mission (candidatures closes)"),
        )
        for mission in missions
    ]
