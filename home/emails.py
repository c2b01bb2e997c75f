"""Emails of the manifesto. Each goes through the outbox (a background task, retried)."""

from urllib.parse import urlencode

from outbox.services import absolute_url, queue_email


def _route_url(page, route, query=None):
    """The full address of one of the page's routes (emails need full addresses)."""
    url = page.get_url() + page.reverse_subpage(route)
    if query:
        url += "?" + urlencode(query)
    return absolute_url(url)


def manifesto_confirmation(signature, *, token, valid_days):
    page = signature.page
    return queue_email(
        signature.email,
        "home/manifesto_confirmation",
        {
            "signature": signature,
            "page_title": page.title,
            "confirm_url": _route_url(page, "confirm", {"jeton": token}),
            "resend_url": _route_url(page, "resend"),
            "valid_days": valid_days,
        },
        tag="manifesto_confirmation",
    )


def manifesto_already_signed(signature):
    """To someone who signed again with an address whose signature counts already."""
    page = signature.page
    return queue_email(
        signature.email,
        "home/manifesto_already_signed",
        {"signature": signature, "page_title": page.title, "page_url": absolute_url(page.get_url())},
        tag="manifesto_already_signed",
    )
