"""Property-based test (Hypothesis): whatever a visitor sends, the site never answers 5xx.

Nothing is listed by hand: the public pages are found in the sitemap and by following their links;
their forms (POST and GET), the query parameters their links use, and the paths of the site's own
URL patterns are then sent generated values: NUL bytes, bidi controls, strings longer than any
column, huge numbers, markup, formulas. A field may be a form error, a query may be ignored, a
path may be a 404 or a 400; a 500 fails the test (the test client re-raises it, with the
example Hypothesis shrank it to). Each field and parameter first gets the classic offenders one
by one (CLASSICS: a sweep, so none is left to chance), then Hypothesis mixes generated values.
The example counts are modest: the suite must stay fast.
"""

import datetime
import html.parser
import re
import urllib.parse

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from tests.courses.factories import RegistrationFactory, TrainingSessionPageFactory
from tests.home.factories import ManifestoPageFactory, NewsIndexPageFactory, NewsPageFactory, SignatureFactory
from tests.missions.factories import MissionFactory, MissionIndexPageFactory
from webassoc.forms import HONEYPOT_FIELD

pytestmark = pytest.mark.django_db

MAX_PAGES = 30
SKIPPED_PREFIXES = ("/admin/", "/static/", "/media/", "/documents/", "/sitemap.xml")
def fuzz(max_examples):
    return hypothesis_settings(
        max_examples=max_examples, deadline=None,
        database=None, derandomize=True,  # the same examples on every run: a stable CI, no files
        suppress_health_check=list(HealthCheck),
    )

# NUL (PostgreSQL refuses it), longer than any column (an email of 300 characters), a digit
# that is not ASCII (str.isdigit() accepts it, int() refuses it).
CLASSICS = ["a\x00b", "a" * 280 + "@exemple-long.org", "²"]
HOSTILE = st.one_of(
    st.text(max_size=30),
    st.text(min_size=255, max_size=400),
    st.sampled_from([
        "\x00", "camille\x00@exemple.org", "%00", "\u202eevil", "", " ", "on", "0", "-1", "1e400", "²", "١٢",
        "99999999999999999999", "9" * 400, "<script>alert(1)</script>", '=HYPERLINK("http://x")',
        "'; DROP TABLE home_signature; --", "{{ 7|add:7 }}", "../../etc/passwd", "a" * 300 + "@exemple.org",
        "http://" + "a" * 300 + ".example", "2024-02-30", "31/12/9999", "0000-00-00", "\r\nSet-Cookie: x=1",
        '"', 'site "web', '"a" OR b*', "NEAR(a b)", "-a", "a:b", "^a",  # search index syntax
    ]),
    st.integers().map(str),
)


class PageParser(html.parser.HTMLParser):
    """The links and forms of one page: [(method, action, {field: [values]})], links as URLs."""

    def __init__(self):
        super().__init__()
        self.links, self.forms, self._form = [], [], None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = ((attrs.get("method") or "get").lower(), attrs.get("action") or "", {})
            self.forms.append(self._form)
        elif tag in ("input", "select", "textarea", "option") and self._form is not None:
            self._field(tag, attrs)

    def _field(self, tag, attrs):
        fields = self._form[2]
        if tag == "option":
            if self._select is not None and attrs.get("value"):
                fields[self._select].append(attrs["value"])
            return
        name = attrs.get("name")
        if not name:
            return
        self._select = name if tag == "select" else None
        values = fields.setdefault(name, [])
        if attrs.get("value") and attrs.get("type") not in ("hidden",) or name == "csrfmiddlewaretoken":
            values.append(attrs.get("value", ""))
        elif not values:
            values.append(plausible(name, attrs.get("type", tag)))

    _select = None

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def plausible(name, kind):
    """A value a person could type in this field (the baseline the fuzzing starts from)."""
    if kind == "email" or "email" in name:
        return "camille@exemple.org"
    if kind == "url" or name in ("website", "portfolio_url"):
        return "https://exemple.org"
    if kind == "number":
        return "1"
    if kind == "date":
        return (datetime.date.today() + datetime.timedelta(days=30)).isoformat()
    if kind == "checkbox":
        return "on"
    if name == HONEYPOT_FIELD:
        return ""
    return "Camille"


@pytest.fixture
def public_site(home_page):
    """One of each public page, with a record behind every form and listing."""
    ManifestoPageFactory(parent=home_page, slug="manifeste")
    SignatureFactory(confirmed=True)
    NewsIndexPageFactory(parent=home_page, slug="actualites")
    NewsPageFactory(tags=["benevolat"])
    MissionIndexPageFactory()
    MissionFactory(skills=["video", "collecte"])
    session = TrainingSessionPageFactory()
    RegistrationFactory(session=session)
    return home_page


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    settings.RATELIMIT_ENABLED = False


def crawl(client):
    """Every public page of the sitemap, and those their links reach (up to MAX_PAGES), parsed."""
    sitemap = client.get("/sitemap.xml").content.decode()
    starts = ["/"] + [urllib.parse.urlsplit(loc).path for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)]
    pages, queue, seen = {}, list(dict.fromkeys(starts)), set(starts)
    while queue and len(pages) < MAX_PAGES:
        url = queue.pop(0)
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code != 200 or "html" not in response.get("Content-Type", ""):
            continue
        parser = PageParser()
        parser.feed(response.content.decode())
        pages[url] = parser
        for href in parser.links:
            parts = urllib.parse.urlsplit(urllib.parse.urljoin(url, href))
            if parts.netloc not in ("", "testserver", "localhost") or parts.path.startswith(SKIPPED_PREFIXES):
                continue
            link = parts.path + (f"?{parts.query}" if parts.query else "")
            if link not in seen:
                seen.add(link)
                queue.append(link)
    return pages


def post_forms(pages):
    found = {}
    for url, parser in pages.items():
        for method, action, fields in parser.forms:
            if method == "post":
                found[urllib.parse.urljoin(url, action) or url] = fields
    return sorted(found.items())


def query_targets(pages):
    """(path, {parameter: [values seen]}) from GET forms and from the links' query strings."""
    found = {}
    for url, parser in pages.items():
        for method, action, fields in parser.forms:
            if method == "get":
                path = urllib.parse.urlsplit(urllib.parse.urljoin(url, action or url)).path
                found.setdefault(path, {}).update(fields)
        for href in parser.links:
            parts = urllib.parse.urlsplit(urllib.parse.urljoin(url, href))
            if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver", "localhost"):
                continue  # share links to other sites, mailto:
            if parts.query and not parts.path.startswith(SKIPPED_PREFIXES):
                for name, value in urllib.parse.parse_qsl(parts.query, keep_blank_values=True):
                    found.setdefault(parts.path, {}).setdefault(name, []).append(value)
    for path in [url.split("?")[0] for url in pages]:
        found.setdefault(path, {}).setdefault("page", ["2"])
    return sorted(found.items())


def url_patterns(resolver=None, prefix=""):
    """The site's own URL patterns that take a parameter, as path templates (not the admin's)."""
    for pattern in (resolver or get_resolver()).url_patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(("admin/", "documents/", "media/", "static/")):
            continue
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern, route)
        elif isinstance(pattern, URLPattern) and "<" in route:
            yield "/" + route


def fill(template, value):
    """A URL pattern's path with `value` in each of its parameters."""
    return "".join(value if index % 2 else part for index, part in enumerate(template.replace(">", "<").split("<")))


def test_the_crawl_finds_every_public_form(client, public_site):
    actions = {urllib.parse.urlsplit(action).path for action, _ in post_forms(crawl(client))}

    assert {"/manifeste/", "/missions/proposer/"} <= actions
    assert any(action.startswith("/missions/mission-") for action in actions)  # application form
    assert any(action.startswith("/formations/formation-") for action in actions)  # registration form


def baseline(fields):
    """What a person would post: the form's own values (a choice or two for lists)."""
    return {name: (choices[0] if len(choices) == 1 else choices[:2]) for name, choices in fields.items()}


def test_no_public_form_answers_a_server_error_whatever_is_posted(client, public_site):
    forms = post_forms(crawl(client))
    for action, fields in forms:
        for name in fields:
            for value in CLASSICS:
                values = {**baseline(fields), name: value}
                assert client.post(action, values).status_code < 500, (action, values)

    @fuzz(max_examples=40)
    @given(st.data())
    def post(data):
        action, fields = data.draw(st.sampled_from(forms), label="form")
        values = baseline(fields)
        changed = data.draw(st.lists(st.sampled_from(sorted(fields)), min_size=1, max_size=4, unique=True))
        for name in changed:
            values[name] = data.draw(st.one_of(HOSTILE, st.lists(HOSTILE, min_size=2, max_size=3)), label=name)
        response = client.post(action, values)
        assert response.status_code < 500, (action, values)

    post()


def test_no_query_string_answers_a_server_error(client, public_site):
    targets = query_targets(crawl(client))
    for path, parameters in targets:
        for name in sorted(parameters) + ["q"]:
            for value in CLASSICS:
                assert client.get(path, {name: value}).status_code < 500, (path, name, value)

    @fuzz(max_examples=40)
    @given(st.data())
    def get(data):
        path, parameters = data.draw(st.sampled_from(targets), label="page")
        names = sorted(parameters) + ["page", "q"]
        query = data.draw(st.dictionaries(st.sampled_from(names), st.one_of(HOSTILE, st.lists(HOSTILE, max_size=3)),
                                          min_size=1, max_size=4))
        response = client.get(path, query)
        assert response.status_code < 500, (path, query)

    get()


def test_no_path_answers_a_server_error(client, public_site):
    pages = crawl(client)
    templates = sorted(set(url_patterns()))
    links = sorted({url.split("?")[0] for url in pages if url.count("/") >= 3})

    for template in templates:
        for value in CLASSICS:
            path = fill(template, urllib.parse.quote(value, safe=""))
            assert client.get(path).status_code < 500, path

    @fuzz(max_examples=30)
    @given(st.data())
    def get(data):
        value = urllib.parse.quote(data.draw(HOSTILE, label="segment"), safe="")
        if data.draw(st.booleans(), label="pattern or page"):
            path = fill(data.draw(st.sampled_from(templates), label="pattern"), value)
        else:
            path = data.draw(st.sampled_from(links), label="page").rstrip("/").rsplit("/", 1)[0] + f"/{value}/"
        response = client.get(path)
        assert response.status_code < 500, path

    get()
