from django import template
from django.utils.translation import gettext_lazy as _

from missions.models import Mission, MissionIndexPage, Skill

register = template.Library()


@register.inclusion_tag("components/card.html")
def mission_card(mission, links, heading_level=3):
    """A mission's card; `links` are the index page's MissionLinks (from the route's context).
    The mission comes from `Mission.objects.for_listing()` (association and skills loaded)."""
    return {
        "title": mission.title,
        "url": links.mission(mission),
        "heading_level": heading_level,
        "kicker": mission.association.name,
        "meta": mission.facts(),
        "text": mission.summary,
        "tags": links.skill_tags(mission),
        "tags_label": _("Compétences"),
        "modifier": "mission-card",
    }


@register.simple_tag(takes_context=True)
def latest_open_missions(context, count=3):
    """The newest open missions and the index page's links (None without a mission index page)."""
    request = context.get("request")
    index_page = MissionIndexPage.get_for_request(request)
    if index_page is None:
        return {"missions": [], "links": None}
    return {
        "missions": list(Mission.objects.open().newest_first().for_listing()[:count]),
        "links": index_page.links(request),
    }


ANSWER_TIME_CACHE_SECONDS = 3600


@register.simple_tag
def usual_answer_time():
    """{"days", "measured"}: the usual answer time to applications (median of the last six months,
    once there are enough answers; otherwise the team's target), cached for an hour."""
    from django.core.cache import cache

    from missions.services import usual_answer_days

    days, measured = cache.get_or_set("missions:usual-answer-days", usual_answer_days, ANSWER_TIME_CACHE_SECONDS)
    return {"days": days, "measured": measured}


@register.simple_tag(takes_context=True)
def mission_links(context):
    """The mission index page's links (list, request form…), or None without a mission index page."""
    request = context.get("request")
    index_page = MissionIndexPage.get_for_request(request)
    return index_page.links(request) if index_page is not None else None


@register.filter
def skill_url(links, skill):
    """`{{ links|skill_url:skill }}`: the page of a skill's missions (MissionLinks.skill)."""
    return links.skill(skill)


@register.simple_tag
def skills_in_use():
    """The skills of open missions, by name (the site map page lists their pages)."""
    return Skill.objects.in_use().order_by("name").only("name", "slug")
