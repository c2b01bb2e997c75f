from django import template

from missions.models import Mission, MissionIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def latest_open_missions(context, count=3):
    """The newest open missions, ready for cards (URLs and skill links included), and the request form URL."""
    request = context.get("request")
    index_page = MissionIndexPage.get_for_request(request)
    if index_page is None:
        return {"missions": [], "index_page": None, "request_form_url": None}
    missions = list(Mission.objects.open().newest_first().for_listing()[:count])
    index_page.decorate(missions, request)
    return {"missions": missions, "index_page": index_page, "request_form_url": index_page.request_form_url(request)}
