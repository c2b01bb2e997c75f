"""Missions in the site search."""

from django.utils.translation import gettext as _

from home.search import SearchResult

from .models import Mission, MissionIndexPage, Skill

MAX_MISSIONS = 50


def mission_results(query, request=None):
    index_page = MissionIndexPage.get_for_request(request)
    if index_page is None or not query:
        return []
    links = index_page.links(request)
    missions = list(Mission.objects.published().select_related("association").search(query)[:MAX_MISSIONS])
    # Missions whose skills answer to the query (a synonym such as "SEO" for "Search").
    found = {mission.pk for mission in missions}
    by_skill = (
        Mission.objects.published().select_related("association")
        .filter(tagged_items__tag__in=Skill.objects.matching(query)).exclude(pk__in=found).distinct()
    )
    missions += list(by_skill[:max(MAX_MISSIONS - len(missions), 0)])
    return [
        SearchResult(
            title=mission.title,
            url=links.mission(mission),
            description=f"{mission.association.name} – {mission.summary}",
            kind=_("Mission") if mission.accepts_applications else _("Mission (candidatures closes)"),
        )
        for mission in missions
    ]
