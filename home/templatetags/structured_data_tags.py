"""JSON-LD in templates: `{% page_json_ld %}` (what the page says of itself) and
`{% breadcrumb_json_ld ancestors current %}` (see home/structured_data.py)."""

from django import template
from django.utils.translation import gettext as _

from home import structured_data

register = template.Library()


@register.inclusion_tag("components/json_ld_script.html", takes_context=True)
def page_json_ld(context):
    """The JSON-LD of the current page, when its class describes itself (`structured_data()`)."""
    request, page = context.get("request"), context.get("page")
    describe = getattr(page, "structured_data", None)
    return {"data": describe(request) if request is not None and describe is not None else None}


@register.inclusion_tag("components/json_ld_script.html", takes_context=True)
def breadcrumb_json_ld(context, ancestors, current):
    """A BreadcrumbList matching `components/breadcrumb.html` (home, then ancestors, then here)."""
    request = context.get("request")
    if request is None:
        return {"data": None}
    items = []
    for ancestor in ancestors:
        if ancestor.depth > 1:
            name = _("Accueil") if ancestor.depth == 2 else ancestor.title
            items.append((name, request.build_absolute_uri(ancestor.get_url(request) or "/")))
    items.append((str(current), request.build_absolute_uri(request.path)))
    return {"data": structured_data.breadcrumb_list(items)}


@register.filter
def to_json_ld(data):
    return structured_data.to_script(data)
