"""A client cannot choose its own address: the proxy replaces X-Forwarded-For, web trusts only it.

Issue: with the old compose defaults (TRUSTED_PROXY_COUNT=1, FORWARDED_ALLOW_IPS=*, gunicorn
published on every interface) a client connecting directly sent a random X-Forwarded-For and got
30 posts of 30 accepted instead of 5. Checked three ways: compose.yaml itself, client_ip() under
its defaults, and the real deploy/Caddyfile run by Debian's caddy in front of a live server.
"""

import http.server
import ipaddress
import os
import re
import shutil
import socket
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest
import yaml
from django.test import Client, RequestFactory

from tests.home.factories import ManifestoPageFactory
from webassoc.proxies import TrustedProxyMiddleware
from webassoc.ratelimit import client_ip

BASE_DIR = Path(__file__).resolve().parents[2]
CADDYFILE = BASE_DIR / "deploy" / "Caddyfile"
CADDY = shutil.which("caddy")
IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}
NEW_LINKS_PER_HOUR = 5  # home/models/manifesto.py


def compose():
    return yaml.safe_load((BASE_DIR / "compose.yaml").read_text())


def default_of(value):
    """The value compose uses when the .env says nothing: `${NAME:-default}` → default."""
    value = str(value)
    match = re.fullmatch(r"\$\{[A-Z_]+:-([^}]*)\}", value)
    return match.group(1) if match else value


def compose_defaults():
    services = compose()["services"]
    web = services["web"]["environment"]
    return {
        "FORWARDED_ALLOW_IPS": [item.strip() for item in default_of(web["FORWARDED_ALLOW_IPS"]).split(",")],
        "TRUSTED_PROXY_COUNT": int(default_of(web["TRUSTED_PROXY_COUNT"])),
        "proxy_address": default_of(services["proxy"]["networks"]["default"]["ipv4_address"]),
    }


# --- compose.yaml --------------------------------------------------------------------------------

def test_the_proxy_is_the_only_service_with_published_ports():
    services = compose()["services"]

    published = {name for name, service in services.items() if service.get("ports")}

    assert published == {"proxy"}
    assert services["proxy"]["image"].startswith("caddy:")  # the official image
    assert "./deploy/Caddyfile:/etc/caddy/Caddyfile:ro" in services["proxy"]["volumes"]
    assert services["web"]["expose"] == ["8000"]


def test_web_trusts_forwarded_headers_from_the_proxy_address_only():
    defaults = compose_defaults()
    subnet = default_of(compose()["networks"]["default"]["ipam"]["config"][0]["subnet"])

    assert defaults["FORWARDED_ALLOW_IPS"] == [defaults["proxy_address"]]
    assert "*" not in defaults["FORWARDED_ALLOW_IPS"]
    assert defaults["TRUSTED_PROXY_COUNT"] == 1
    assert ipaddress.ip_address(defaults["proxy_address"]) in ipaddress.ip_network(subnet)


def test_the_caddyfile_replaces_the_forwarded_for_header_with_the_connecting_address():
    text = CADDYFILE.read_text()

    assert "header_up X-Forwarded-For {remote_host}" in text
    assert "trusted_proxies" not in text  # no client-sent X-Forwarded-* is ever believed
    assert "admin off" in text


# --- client_ip() under the compose defaults --------------------------------------------------

def address_seen(settings, remote_addr, forwarded_for):
    defaults = compose_defaults()
    settings.FORWARDED_ALLOW_IPS = defaults["FORWARDED_ALLOW_IPS"]
    settings.TRUSTED_PROXY_COUNT = defaults["TRUSTED_PROXY_COUNT"]
    request = RequestFactory().get("/", REMOTE_ADDR=remote_addr, HTTP_X_FORWARDED_FOR=forwarded_for)
    return TrustedProxyMiddleware(client_ip)(request)


def test_a_direct_client_cannot_choose_its_address_with_a_forwarded_header(settings):
    assert address_seen(settings, "198.51.100.20", "203.0.113.99") == "198.51.100.20"
    assert address_seen(settings, "172.30.80.5", "203.0.113.99") == "172.30.80.5"  # another container


def test_the_proxy_tells_the_client_address(settings):
    proxy = compose_defaults()["proxy_address"]

    assert address_seen(settings, proxy, "203.0.113.99") == "203.0.113.99"


def test_forwarded_proto_and_request_id_are_dropped_from_a_direct_client(settings):
    settings.FORWARDED_ALLOW_IPS = compose_defaults()["FORWARDED_ALLOW_IPS"]
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.20", HTTP_X_FORWARDED_PROTO="https",
                                   HTTP_X_REQUEST_ID="choisi-par-le-client")

    kept = TrustedProxyMiddleware(lambda request: request.META)(request)

    assert "HTTP_X_FORWARDED_PROTO" not in kept and "HTTP_X_REQUEST_ID" not in kept


@pytest.mark.django_db
def test_thirty_spoofed_posts_from_one_direct_client_are_limited_to_five(settings, home_page):
    defaults = compose_defaults()
    settings.FORWARDED_ALLOW_IPS = defaults["FORWARDED_ALLOW_IPS"]
    settings.TRUSTED_PROXY_COUNT = defaults["TRUSTED_PROXY_COUNT"]
    settings.RATELIMIT_ENABLED = True
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste")
    client = Client(REMOTE_ADDR="198.51.100.20")

    statuses = [
        client.post(manifesto.url + "nouveau-lien/", {"email": "camille@exemple.org"},
                    HTTP_X_FORWARDED_FOR=f"203.0.113.{number}").status_code
        for number in range(30)
    ]

    assert statuses.count(302) == NEW_LINKS_PER_HOUR
    assert statuses.count(429) == 30 - NEW_LINKS_PER_HOUR


# --- The real proxy configuration in front of a live server ---------------------------------

def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def run_caddy(tmp_path):
    """Starts deploy/Caddyfile with Debian's caddy, plain HTTP on a free port, in front of `upstream`."""
    if not CADDY:
        message = "caddy introuvable : installez le paquet Debian « caddy »."
        if IN_CI:
            pytest.fail(message + " Ce test est obligatoire quand CI=true.")
        pytest.skip(message)
    processes = []

    def start(upstream):
        port = free_port()
        env = {**os.environ, "SITE_ADDRESS": f"http://127.0.0.1:{port}", "WEBASSOC_UPSTREAM": upstream,
               "HOME": str(tmp_path), "XDG_DATA_HOME": str(tmp_path / "data"),
               "XDG_CONFIG_HOME": str(tmp_path / "config")}
        log = tmp_path / "caddy.log"
        with open(log, "w") as stderr:
            process = subprocess.Popen([CADDY, "run", "--config", str(CADDYFILE), "--adapter", "caddyfile"],
                                       env=env, stdout=subprocess.DEVNULL, stderr=stderr)
        processes.append(process)
        for _ in range(100):
            with socket.socket() as sock:
                if sock.connect_ex(("127.0.0.1", port)) == 0:
                    return f"http://127.0.0.1:{port}"
            if process.poll() is not None:
                pytest.fail("caddy did not start: " + log.read_text())
            time.sleep(0.1)
        pytest.fail("caddy did not listen: " + log.read_text())

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def echo_server():
    """An upstream that answers 200 and keeps the headers of each request it gets."""
    received = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            received.append(dict(self.headers))
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"127.0.0.1:{server.server_address[1]}", received
    server.shutdown()
    server.server_close()


def test_the_real_proxy_replaces_a_client_forwarded_for_with_the_connecting_address(run_caddy, echo_server):
    upstream, received = echo_server
    proxy = run_caddy(upstream)

    request = urllib.request.Request(proxy + "/missions/", headers={
        "X-Forwarded-For": "203.0.113.99, 198.51.100.1", "X-Real-IP": "203.0.113.99",
        "Forwarded": "for=203.0.113.99", "X-Request-ID": "choisi-par-le-client",
    })
    with urllib.request.urlopen(request, timeout=10) as response:
        assert response.status == 200

    headers = {name.lower(): value for name, value in received[-1].items()}
    assert headers["x-forwarded-for"] == "127.0.0.1"  # replaced, not appended
    assert headers["x-forwarded-proto"] == "http"
    assert "x-real-ip" not in headers and "forwarded" not in headers
    assert headers["x-request-id"] != "choisi-par-le-client"


class Browser:
    """Cookies and CSRF tokens, like a browser posting a form."""

    def __init__(self):
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(CookieJar()), NoRedirect())

    def open(self, url, data=None, headers=None):
        request = urllib.request.Request(url, data=data, headers=headers or {})
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post_form(self, url, fields, headers=None):
        _, html = self.open(url)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)
        body = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
        return self.open(url, body, headers)[0]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.mark.django_db(transaction=True)
def test_through_the_real_proxy_a_spoofed_forwarded_for_changes_nothing(run_caddy, live_server, settings,
                                                                        home_page):
    settings.RATELIMIT_ENABLED = True
    settings.TRUSTED_PROXY_COUNT = 1
    settings.FORWARDED_ALLOW_IPS = ["127.0.0.1"]  # caddy connects from here
    manifesto = ManifestoPageFactory(parent=home_page, slug="manifeste")
    url = run_caddy(urllib.parse.urlsplit(live_server.url).netloc) + manifesto.url + "nouveau-lien/"
    browser = Browser()

    statuses = [
        browser.post_form(url, {"email": "camille@exemple.org"},
                          headers={"X-Forwarded-For": f"203.0.113.{number}", "X-Real-IP": f"203.0.113.{number}"})
        for number in range(NEW_LINKS_PER_HOUR + 2)
    ]

    assert statuses == [302] * NEW_LINKS_PER_HOUR + [429, 429]
