"""After applying, the page opens on the thank-you box, focused: its focus ring is in the success
colour, not the orange-red of errors, and stays a visible ring with enough contrast (WCAG 2.4.7,
1.4.11: 3:1 against what surrounds it)."""

import re
from pathlib import Path

import pytest
from django.conf import settings

from .factories import MissionFactory

pytestmark = pytest.mark.django_db

SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"
VALID = {"name": "Sam", "email": "sam@example.org", "message": "Je peux aider.", "consent": "on"}


def css():
    return re.sub(r"/\*.*?\*/", "", SITE_CSS.read_text(), flags=re.S)  # without comments


def colour(name):
    return re.search(rf"--{name}:\s*(#[0-9a-fA-F]{{6}})", css()).group(1)


def luminance(hex_colour):
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a, b):
    lighter, darker = sorted((luminance(a), luminance(b)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def focus_rule(selector):
    """The declarations of the :focus-visible rule naming `selector`."""
    for selectors, body in re.findall(r"([^{}]+)\{([^}]*)\}", css()):
        if f"{selector}:focus-visible" in [s.strip() for s in selectors.split(",")]:
            return body
    return None


def test_the_thank_you_box_after_applying_is_a_success_box(client, index_page):
    mission = MissionFactory()

    html = client.post(f"/missions/{mission.slug}/", VALID, follow=True).content.decode()

    box = re.search(r'<section[^>]*id="candidater"[^>]*>', html).group(0)
    assert "panel--success" in box and 'tabindex="-1"' in box


def test_the_application_form_box_is_not_a_success_box(client, index_page):
    html = client.get(f"/missions/{MissionFactory().slug}/").content.decode()

    assert "panel--success" not in re.search(r'<section[^>]*id="candidater"[^>]*>', html).group(0)


@pytest.mark.parametrize("selector", [".panel--success", ".message--success"])
def test_focused_success_boxes_have_a_visible_ring_in_the_success_colour(selector):
    rule = focus_rule(selector)

    assert rule is not None, f"no {selector}:focus-visible rule in site.css"
    assert re.search(r"outline:\s*3px solid var\(--color-success\)", rule)
    assert colour("color-success").lower() != colour("focus").lower()


@pytest.mark.parametrize("background", ["color-bg", "color-surface", "color-success-bg"])
def test_the_success_ring_contrasts_at_least_3_to_1_with_what_surrounds_it(background):
    assert contrast(colour("color-success"), colour(background)) >= 3
