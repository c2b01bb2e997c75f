"""Mixed load on the public site, for Locust (https://locust.io), run by `python -m bench.load`.

Each simulated visitor browses like people sent by a newsletter: the home page, the mission
list with filters, a mission, sometimes an application; the training catalogue, a session,
sometimes a registration; the manifesto, sometimes a signature. Forms are sent like a
browser sends them: the page first (its CSRF token and cookie), then the POST, then the page
the redirect leads to (with its thank-you message). Every address typed is unique.

    locust -f bench/locustfile.py --headless -u 50 -r 10 -t 60s --host http://127.0.0.1:8114

The site must run without per-address rate limits (RATELIMIT_ENABLED=false, as bench.load
starts it): every simulated visitor comes from 127.0.0.1.
"""

import collections
import itertools
import json
import os
import random
import re
import uuid

from locust import HttpUser, between, events, task

TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
MISSION_LINK = re.compile(r'href="/missions/((?!competences/|proposer/)[a-z0-9-]+)/"')
SKILL_LINK = re.compile(r'href="/missions/competences/([a-z0-9-]+)/"')
SESSION_LINK = re.compile(r'href="(/formations/(?!calendrier/|inscriptions/)[a-z0-9-]+/[a-z0-9-]+/)"')
FORMATS = ["a_distance", "sur_place", "hybride"]
SORTS = ["recentes", "echeance"]
_sequence = itertools.count()
# Share of GET answers served from the page cache (X-Cache: HIT), per endpoint; written to the
# file named by CACHE_REPORT when Locust stops (bench.load prints it).
HITS, GETS = collections.Counter(), collections.Counter()


@events.request.add_listener
def count_cache_hits(request_type, name, response=None, exception=None, **kwargs):
    if request_type == "GET" and response is not None and exception is None:
        GETS[name] += 1
        HITS[name] += response.headers.get("X-Cache") == "HIT"


@events.quitting.add_listener
def write_cache_report(environment, **kwargs):
    if os.environ.get("CACHE_REPORT"):
        with open(os.environ["CACHE_REPORT"], "w") as report:
            json.dump({name: HITS[name] / GETS[name] for name in GETS}, report)


def unique_email(kind):
    return f"charge-{kind}-{next(_sequence)}-{uuid.uuid4().hex[:8]}@exemple.org"


def token_of(response):
    found = TOKEN.search(response.text or "")
    return found.group(1) if found else ""


class Visitor(HttpUser):
    wait_time = between(0.5, 2.0)
    missions, skills, sessions = [], [], []

    def on_start(self):
        if not Visitor.missions:
            page = self.client.get("/missions/", name="/missions/")
            Visitor.missions = sorted(set(MISSION_LINK.findall(page.text))) or ["inconnue"]
            Visitor.skills = sorted(set(SKILL_LINK.findall(page.text)))
        if not Visitor.sessions:
            page = self.client.get("/formations/", name="/formations/")
            Visitor.sessions = sorted(set(SESSION_LINK.findall(page.text))) or ["/formations/"]

    @task(6)
    def home(self):
        self.client.get("/", name="/")

    @task(4)
    def filter_missions(self):
        params = {"format": random.choice(FORMATS), "tri": random.choice(SORTS)}
        if self.skills and random.random() < 0.7:
            params["competences"] = random.choice(self.skills)
        self.client.get("/missions/", params=params, name="/missions/?filtres")

    @task(5)
    def open_mission(self):
        self.client.get(f"/missions/{random.choice(self.missions)}/", name="/missions/[mission]/")

    @task(1)
    def apply(self):
        url = f"/missions/{random.choice(self.missions)}/"
        page = self.client.get(url, name="/missions/[mission]/")
        if 'name="email"' not in page.text:  # filled or closed: no form
            return
        self.client.post(url, name="POST /missions/[mission]/ (candidature)", data={
            "csrfmiddlewaretoken": token_of(page), "name": "Camille Charge",
            "email": unique_email("candidature"),
            "message": "Je peux aider sur cette mission, j'ai plusieurs projets comparables.",
            "availability": "Deux soirs par semaine", "portfolio_url": "", "consent": "on",
        })

    @task(3)
    def trainings(self):
        self.client.get("/formations/", name="/formations/")

    @task(4)
    def open_session(self):
        self.client.get(random.choice(self.sessions), name="/formations/[formation]/[session]/")

    @task(1)
    def register(self):
        url = random.choice(self.sessions)
        page = self.client.get(url, name="/formations/[formation]/[session]/")
        if 'name="attendees"' not in page.text:  # cancelled, closed or past: no form
            return
        self.client.post(url, name="POST /formations/[formation]/[session]/ (inscription)", data={
            "csrfmiddlewaretoken": token_of(page), "association_name": "Association de charge",
            "contact_name": "Dominique Charge", "email": unique_email("inscription"), "phone": "",
            "attendees": "1", "message": "", "consent": "on",
        })

    @task(3)
    def manifesto(self):
        self.client.get("/manifeste/", name="/manifeste/")

    @task(1)
    def sign(self):
        page = self.client.get("/manifeste/", name="/manifeste/")
        self.client.post("/manifeste/", name="POST /manifeste/ (signature)", data={
            "csrfmiddlewaretoken": token_of(page), "first_name": "Alex", "last_name": "Charge",
            "email": unique_email("signature"), "profession": "Développeur", "organisation": "",
            "city": "Lyon", "show_publicly": "on", "consent": "on",
        })
