"""Helpers to create demo pages once."""

from wagtail.models import Site


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


def child_page(parent, model, slug, **fields):
    """The child of `parent` with this slug; created and published if missing."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific, False
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page, True


def paragraph(html):
    return {"type": "paragraph", "value": html}


def heading(text, level="h2"):
    return {"type": "heading", "value": {"text": text, "level": level}}


def image_block(image, caption="", alt=None):
    return {
        "type": "image",
        "value": {
            "image": {"image": image.pk, "alt_text": alt or image.description, "decorative": False},
            "caption": caption,
        },
    }


def quote(text, attribution=""):
    return {"type": "quote", "value": {"quote": text, "attribution": attribution}}


def call_to_action(title, text, page, button_label):
    return {
        "type": "call_to_action",
        "value": {"title": title, "text": text, "page": page.pk, "url": "", "button_label": button_label},
    }


def faq(title, questions):
    return {
        "type": "faq",
        "value": {
            "title": title,
            "questions": [{"question": q, "answer": f"<p>{a}</p>"} for q, a in questions],
        },
    }


def bullet_list(items):
    """A list as French writes it: items ending with ";", the last with "." (unless an item ends
    with its own "?", "!" or ".")."""
    last = len(items) - 1
    lines = []
    for number, item in enumerate(items):
        end = "" if item.endswith(("?", "!", ".")) else ("." if number == last else " ;")
        lines.append(f"<li>{item}{end}</li>")
    return "<ul>" + "".join(lines) + "</ul>"
