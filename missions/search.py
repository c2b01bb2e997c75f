"""Missions in the site search."""

from django.utils.translation import gettext as _

from home.search import SearchResult

from .models import Mission, MissionIndexPage

MAX_MISSIONS = 50


def mission_results(query, request=None):
    index_page = MissionIndexPage.get_for_request(request)
    if index_page is None or not query:
        return []
    links = index_page.links(request)
    found = Mission.objects.published().select_related("association").search(query)[:MAX_MISSIONS]
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
