"""Missions in the site search."""

from django.utils.translation import gettext as _

from home.search import CLOSED_OFFER, OPEN_OFFER, SearchResult, folded
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
    # Open missions first (in the index's order), then those that take no more applications;
    # home.search.ranked places them among the pages.
    missions = sorted(found, key=lambda mission: not mission.accepts_applications)
    return [
        SearchResult(
            title=mission.title,
            url=links.mission(mission),
            description=snippet(mission),
            kind=_("Mission") if mission.accepts_applications else _("Mission (candidatures closes)"),
            rank=OPEN_OFFER if mission.accepts_applications else CLOSED_OFFER,
        )
        for mission in missions
    ]


def snippet(mission):
    """The mission's summary, after its association's name unless the summary already names it."""
    name = mission.association.name
    if folded(name) in folded(mission.summary):
        return mission.summary
    return f"{name} – {mission.summary}"
