"""Accessibility beyond axe, on every public page type (webassoc/accessibility_checks.py, the list the
accessibility statement quotes): reflow at 320 px, text spacing, 200 % zoom, reduced motion, visible
focus in forced colours, compact header, 0 axe violations best practices included, French typography.

Each test walks every page type and collects the problems, so one run reports them all."""

import re

import pytest

from webassoc.accessibility_checks import PAGE_TYPES, WIDTHS

pytestmark = pytest.mark.django_db(transaction=True)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
PHONE, DESKTOP = 390, 1280
HEADER_LIMIT = {320: 64, 390: 64, 1280: 80}

HORIZONTAL_SCROLL = "document.documentElement.scrollWidth > document.documentElement.clientWidth"
HEADER_HEIGHT = "document.querySelector('.site-header').getBoundingClientRect().height"
MENU_BUTTON = "summary.site-menu__toggle"  # a <summary>: Playwright gives it no "button" role

# WCAG 1.4.12: the user's style sheet a text-spacing bookmarklet applies.
TEXT_SPACING_CSS = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""
# Elements whose text is cut: content larger than a box that hides its overflow (visually hidden
# helpers are 1 px boxes on purpose and are left out).
CLIPPED_TEXT = """() => [...document.querySelectorAll('body *')].filter(el => {
  const style = getComputedStyle(el);
  if (!['hidden', 'clip'].includes(style.overflowX) && !['hidden', 'clip'].includes(style.overflowY)) return false;
  if (el.getBoundingClientRect().width <= 2 || el.closest('.visually-hidden, .hp-field, [hidden]')) return false;
  if (!el.textContent.trim()) return false;
  return el.scrollHeight > el.clientHeight + 2 || el.scrollWidth > el.clientWidth + 2;
}).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'))"""
MOVING = """() => [...document.querySelectorAll('*')].filter(el => {
  const style = getComputedStyle(el);
  const durations = (style.transitionDuration + ',' + style.animationDuration).split(',').map(parseFloat);
  return style.animationName !== 'none' && durations.some(d => d > 0.01)
    || durations.some(d => d > 0.01) && style.transitionProperty !== 'none';
}).map(el => el.tagName.toLowerCase() + '.' + [...el.classList].join('.'))"""
FOCUS_OUTLINE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return {tag: el.tagName, style: style.outlineStyle, width: parseFloat(style.outlineWidth)};
}"""


def open_page(browser_page, live_server, path):
    response = browser_page.goto(live_server.url + path)
    expected = 404 if "n-existe-pas" in path else 200
    assert response.status == expected, f"{path}: {response.status}"


@pytest.fixture
def axe_with_best_practices():
    from axe_playwright_python.sync_playwright import Axe

    runner = Axe()

    def check(page):
        results = runner.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
        return [f"{v['id']}: {[node['target'] for node in v['nodes'][:3]]}" for v in results.response["violations"]]

    return check


# One test per width: each walks every page type (about 20 s), and the widths run in parallel.
@pytest.mark.parametrize("width", WIDTHS)
def test_every_page_type_at_every_width_has_no_horizontal_scroll_a_compact_header_and_no_axe_violation(
    page, live_server, demo_site, axe_with_best_practices, width
):
    problems = []
    page.set_viewport_size({"width": width, "height": 800})
    for _label, path in PAGE_TYPES:
        open_page(page, live_server, path)
        if page.evaluate(HORIZONTAL_SCROLL):
            problems.append(f"{width}px {path}: défilement horizontal")
        height = page.evaluate(HEADER_HEIGHT)
        if height > HEADER_LIMIT[width]:
            problems.append(f"{width}px {path}: en-tête de {height:.0f}px")
        problems += [f"{width}px {path}: {violation}" for violation in axe_with_best_practices(page)]

    assert problems == []


def test_a_form_refused_by_the_csrf_check_shows_the_site_page_without_axe_violation(
    page, live_server, demo_site, axe_with_best_practices
):
    """The 403 pages have no GET address: the CSRF one is reached by sending a form without its token."""
    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        page.goto(live_server.url + "/manifeste/")
        with page.expect_navigation() as navigation:
            page.evaluate("""() => {
              const form = document.querySelector('form[method="post"]');
              form.querySelector('[name=csrfmiddlewaretoken]').remove();
              form.submit();
            }""")
        assert navigation.value.status == 403
        assert page.locator("h1").inner_text() == "Votre formulaire n’a pas pu être envoyé"
        if page.evaluate(HORIZONTAL_SCROLL):
            problems.append(f"{width}px: défilement horizontal")
        problems += [f"{width}px: {violation}" for violation in axe_with_best_practices(page)]

    assert problems == []


def test_text_spacing_overrides_lose_no_content(browser, live_server, demo_site):
    # The user's style sheet is inline CSS, which the site's Content-Security-Policy rightly refuses.
    context = browser.new_context(bypass_csp=True, locale="fr-FR")
    page = context.new_page()
    problems = []
    for width in (320, DESKTOP):
        page.set_viewport_size({"width": width, "height": 800})
        for _label, path in PAGE_TYPES:
            open_page(page, live_server, path)
            page.add_style_tag(content=TEXT_SPACING_CSS)
            problems += [f"{width}px {path}: texte coupé dans {name}" for name in page.evaluate(CLIPPED_TEXT)]
            if page.evaluate(HORIZONTAL_SCROLL):
                problems.append(f"{width}px {path}: défilement horizontal")
    context.close()

    assert problems == []


def test_200_percent_zoom_keeps_every_page_usable(browser, live_server, demo_site):
    # A 1280 px window zoomed to 200 % lays the page out in 640 CSS pixels, each drawn twice as big.
    context = browser.new_context(viewport={"width": 640, "height": 400}, device_scale_factor=2, locale="fr-FR")
    page = context.new_page()
    problems = []
    for _label, path in PAGE_TYPES:
        open_page(page, live_server, path)
        if page.evaluate(HORIZONTAL_SCROLL):
            problems.append(f"{path}: défilement horizontal")
        if not page.locator("h1").first.is_visible():
            problems.append(f"{path}: titre invisible")
        page.locator(MENU_BUTTON).click()
        if not page.get_by_role("navigation", name="Navigation principale").is_visible():
            problems.append(f"{path}: menu inaccessible")
    context.close()

    assert problems == []


def test_nothing_moves_when_the_system_asks_for_reduced_motion(page, live_server, demo_site):
    page.emulate_media(reduced_motion="reduce")
    problems = []
    for _label, path in PAGE_TYPES:
        open_page(page, live_server, path)
        problems += [f"{path}: {name}" for name in page.evaluate(MOVING)]

    assert problems == []


def test_keyboard_focus_stays_visible_in_forced_colors_mode(page, live_server, demo_site):
    page.emulate_media(forced_colors="active")
    problems = []
    for width in (PHONE, DESKTOP):
        page.set_viewport_size({"width": width, "height": 800})
        for _label, path in PAGE_TYPES:
            open_page(page, live_server, path)
            for _ in range(4):  # skip link, brand, menu button or first menu item, …
                page.keyboard.press("Tab")
                focus = page.evaluate(FOCUS_OUTLINE)
                if focus["style"] in ("none", "hidden") or focus["width"] < 2:
                    problems.append(f"{width}px {path}: focus invisible sur {focus['tag']}")

    assert problems == []


def test_phone_menu_is_a_disclosure_that_opens_and_closes_with_the_keyboard(page, live_server, demo_site):
    page.set_viewport_size({"width": PHONE, "height": 800})
    page.goto(live_server.url + "/")
    menu_button = page.locator(MENU_BUTTON)
    navigation = page.get_by_role("navigation", name="Navigation principale")
    assert not navigation.is_visible()
    assert page.evaluate(HEADER_HEIGHT) <= 64

    menu_button.focus()
    page.keyboard.press("Enter")
    assert navigation.is_visible()
    assert page.get_by_role("searchbox", name="Rechercher sur le site").is_visible()

    page.keyboard.press("Escape")
    assert not navigation.is_visible()
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"


def test_desktop_header_is_one_row_with_menu_and_search_and_no_menu_button(page, live_server, demo_site):
    page.set_viewport_size({"width": DESKTOP, "height": 800})
    page.goto(live_server.url + "/")

    assert page.evaluate(HEADER_HEIGHT) <= 80
    assert not page.locator(MENU_BUTTON).is_visible()
    links = page.get_by_role("navigation", name="Navigation principale").get_by_role("link")
    tops = {round(links.nth(index).bounding_box()["y"]) for index in range(links.count())}
    assert len(tops) == 1
    assert page.get_by_role("searchbox", name="Rechercher sur le site").is_visible()


def test_without_javascript_the_phone_menu_still_opens(browser, live_server, demo_site):
    context = browser.new_context(viewport={"width": PHONE, "height": 800}, java_script_enabled=False)
    page = context.new_page()
    page.goto(live_server.url + "/")

    page.locator(MENU_BUTTON).click()

    assert page.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Missions").is_visible()
    context.close()


def test_home_page_has_one_path_per_audience(page, live_server, demo_site):
    page.goto(live_server.url + "/")

    volunteers = page.get_by_role("region", name="Je suis pro du web")
    volunteers.get_by_role("link", name="Voir les missions ouvertes").click()
    page.wait_for_url("**/missions/")
    page.go_back()
    associations = page.get_by_role("region", name="Je suis une association")
    request_link = associations.get_by_role("link", name="Demander l’aide d’un ou une bénévole")
    assert request_link.get_attribute("href") == "/missions/proposer/"
    associations.get_by_role("link", name="Voir les formations gratuites").click()
    page.wait_for_url("**/formations/")


def test_mission_page_keeps_its_key_facts_in_view_and_jumps_to_the_form(page, live_server, demo_site):
    page.set_viewport_size({"width": DESKTOP, "height": 800})
    page.goto(live_server.url + "/missions/referencement-local-des-antennes/")
    facts = page.get_by_role("region", name="En bref")
    article_box = page.locator("article.mission").bounding_box()
    facts_box = facts.bounding_box()
    assert facts_box["x"] > article_box["x"] + article_box["width"] / 2  # the right-hand column

    page.mouse.wheel(0, 900)
    page.wait_for_timeout(100)
    assert facts.bounding_box()["y"] >= 0  # sticky: still on screen after scrolling

    facts.get_by_role("link", name="Candidater").click()
    assert page.evaluate("location.hash") == "#candidater"
    assert page.get_by_role("heading", name=re.compile(r"Et maintenant\s\?")).is_visible()


def test_french_typography_is_in_the_html(page, live_server, demo_site):
    page.goto(live_server.url + "/qui-sommes-nous/")

    assert page.locator("h1").text_content() == "Qui sommes-nous\u00a0?"
    assert "n\u2019a ni compte en banque" in page.locator("main").text_content()
