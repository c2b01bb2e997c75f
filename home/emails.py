"""Emails of the manifesto. Each goes through the outbox (a background task, retried)."""

from outbox.services import absolute_url, queue_email
from webassoc.signed_links import link


def _route_path(page, route):
    return page.get_url() + page.reverse_subpage(route)


def manifesto_confirmation(signature, *, token, valid_days):
    page = signature.page
    return queue_email(
        signature.email,
        "home/manifesto_confirmation",
        {
            "signature": signature,
            "page_title": page.title,
            "confirm_url": link(_route_path(page, "confirm"), token, absolute=True),
            "resend_url": absolute_url(_route_path(page, "resend")),
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
