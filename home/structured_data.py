"""schema.org JSON-LD for search engines: Organization and WebSite (with SearchAction) on the
home page, Event on sessions, NewsArticle on articles, BreadcrumbList where a breadcrumb shows.

Builders return plain dicts; `components/json_ld.html` prints them (`{% json_ld %}` of
`structured_data_tags`). Pages that describe themselves define `structured_data(request)`.
Never personal data (contacts, registrants) and never a session's meeting link.
"""

import json

from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe

from webassoc.addresses import split_address
from webassoc.typography import french_text

SCHEMA = "https://schema.org"
# Characters that could end the <script> element or open a comment in it.
UNSAFE = {ord("<"): "\\u003c", ord(">"): "\\u003e", ord("&"): "\\u0026"}
# Values people read (in search results): French typography, like the page itself. Never URLs.
TEXT_KEYS = {"name", "headline", "description", "alternateName"}


def typographed(data):
    """`data` with French typography on the text values of TEXT_KEYS, at any depth."""
    if isinstance(data, list):
        return [typographed(item) for item in data]
    if isinstance(data, dict):
        return {key: french_text(value) if key in TEXT_KEYS and isinstance(value, str) else typographed(value)
                for key, value in data.items()}
    return data


def to_script(data):
    """The JSON-LD of `data` (a dict or a list of dicts), safe inside a <script> element."""
    text = json.dumps(typographed(data), ensure_ascii=False, separators=(",", ":"))
    return mark_safe(text.translate(UNSAFE))


def site_root(request):
    return request.build_absolute_uri("/")


def organization(request, site_settings=None):
    data = {
        "@context": SCHEMA,
        "@type": "Organization",
        "@id": site_root(request) + "#organisation",
        "name": "Webassoc",
        "url": site_root(request),
        "description": "Communauté de bénévoles du web au service des associations humanitaires, "
                       "solidaires et environnementales.",
    }
    if site_settings is not None:
        if site_settings.contact_email:
            data["email"] = site_settings.contact_email
        same_as = [url for _name, url in site_settings.social_links()]
        if same_as:
            data["sameAs"] = same_as
        if site_settings.default_social_image_id:
            rendition = site_settings.default_social_image.get_rendition("fill-1200x630")
            data["logo"] = request.build_absolute_uri(rendition.url)
    return data


def website(request):
    return {
        "@context": SCHEMA,
        "@type": "WebSite",
        "name": "Webassoc",
        "url": site_root(request),
        "inLanguage": "fr-FR",
        "publisher": {"@id": site_root(request) + "#organisation"},
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": request.build_absolute_uri(reverse("search")) + "?q={search_term_string}",
            },
            "query-input": "required name=search_term_string",
        },
    }


def postal_address(address):
    """A French address as typed (webassoc.addresses.split_address) as a PostalAddress: street,
    postal code and town apart when the last part has them."""
    street, postcode, town = split_address(address)
    data = {"@type": "PostalAddress"}
    if postcode:
        data["postalCode"], data["addressLocality"] = postcode, town
    else:
        street = [*street, town] if town else street
    if street:
        data["streetAddress"] = ", ".join(street)
    data["addressCountry"] = "FR"
    return data


def event(session, request, *, course, seats_left):
    """A training session. The online meeting link is never given (only confirmed people get it)."""
    url = session.get_full_url(request)
    if session.is_online:
        location = {"@type": "VirtualLocation", "url": url}
        mode = "OnlineEventAttendanceMode"
    else:
        location = {"@type": "Place", "name": session.venue or course.title,
                    "address": postal_address(session.address)}
        mode = "OfflineEventAttendanceMode"
    return {
        "@context": SCHEMA,
        "@type": "Event",
        "name": f"{course.title} – {session.title}",
        "description": course.summary,
        "url": url,
        "startDate": timezone.localtime(session.start).isoformat(),
        "endDate": timezone.localtime(session.end).isoformat(),
        "eventStatus": f"{SCHEMA}/{'EventCancelled' if session.cancelled else 'EventScheduled'}",
        "eventAttendanceMode": f"{SCHEMA}/{mode}",
        "location": location,
        "inLanguage": "fr-FR",
        "isAccessibleForFree": True,
        "organizer": {"@type": "Organization", "name": "Webassoc", "url": site_root(request)},
        "offers": {
            "@type": "Offer",
            "price": "0",
            "priceCurrency": "EUR",
            "url": url,
            "availability": f"{SCHEMA}/{'InStock' if seats_left > 0 and not session.cancelled else 'SoldOut'}",
            **({"validFrom": timezone.localtime(session.registration_opens_at).isoformat()}
               if session.registration_opens_at else {}),
        },
    }


def news_article(article, request, *, image_url=""):
    published = timezone.localtime(article.first_published_at) if article.first_published_at else None
    data = {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": article.title[:110],
        "description": article.intro,
        "url": article.get_full_url(request),
        "mainEntityOfPage": article.get_full_url(request),
        "datePublished": article.date.isoformat(),
        "inLanguage": "fr-FR",
        "publisher": {"@type": "Organization", "name": "Webassoc", "url": site_root(request)},
        "author": ({"@type": "Person", "name": article.author} if article.author
                   else {"@type": "Organization", "name": "Webassoc", "url": site_root(request)}),
    }
    if published is not None:
        data["dateModified"] = timezone.localtime(article.last_published_at or article.first_published_at).isoformat()
    if image_url:
        data["image"] = [image_url]
    return data


def breadcrumb_list(items):
    """`items`: (name, absolute URL) pairs from the home page to the current page."""
    return {
        "@context": SCHEMA,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }
