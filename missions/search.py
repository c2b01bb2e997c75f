"""Missions in the site search."""

from django.utils.translation import gettext as _

from home.search import SearchResult

MAX_MISSIONS = 50


def mission_results(query, request=None):
    from .models import Mission, MissionIndexPage

    index_page = MissionIndexPage.get_for_request(request)
    if index_page is None or not query:
        return []
    missions = Mission.objects.filter(live=True).select_related("association").search(query)[:MAX_MISSIONS]
    return [
        SearchResult(
            title=mission.title,
            url=index_page.mission_url(mission, request),
            description=f"{mission.association.name} – {mission.summary}",
            kind=_("Mission") if mission.accepts_applications else _("Mission (candidatures closes)"),
        )
        for mission in missions
    ]
