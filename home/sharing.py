"""Share links: plain links, no third-party script, no tracking until someone clicks."""

from urllib.parse import quote, urlencode

from django.utils.translation import gettext as _

from webassoc.typography import french_text

MASTODON_SHARE = "https://mastodonshare.com/?"
BLUESKY_SHARE = "https://bsky.app/intent/compose?"
LINKEDIN_SHARE = "https://www.linkedin.com/sharing/share-offsite/?"


def share_links(*, url, text, subject):
    """(label, address) pairs to share `url` with `text` by email, Mastodon, Bluesky and LinkedIn.
    The shared words get French typography, as on the page (’, no-break space before « ? »)."""
    text, subject = french_text(str(text)), french_text(str(subject))
    email_body = urlencode({"subject": subject, "body": f"{text}\n{url}"}, quote_via=quote)
    return [
        (_("Envoyer par e-mail"), "mailto:?" + email_body),
        (_("Partager sur Mastodon"), MASTODON_SHARE + urlencode({"text": text, "url": url})),
        (_("Partager sur Bluesky"), BLUESKY_SHARE + urlencode({"text": f"{text} {url}"})),
        (_("Partager sur LinkedIn"), LINKEDIN_SHARE + urlencode({"url": url})),
    ]


def sharing_context(url, title, text=""):
    """The context of `components/share_links.html` for a page at `url` (absolute)."""
    title = str(title)
    return {
        "share_links": share_links(url=url, text=f"{title} – {text}" if text else title, subject=title),
        "share_url": url,
    }
