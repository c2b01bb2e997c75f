"""Date-time columns of every admin list read as the site writes them, "26 novembre 2026 à 15 h 45"
(webassoc.admin.columns.FrenchDateTimeColumn), never Django's "15:45" nor Wagtail's "il y a…"."""

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.urls import reverse
from wagtail.admin.viewsets import viewsets as registered_viewsets

from webassoc.admin.columns import FrenchDateTimeColumnsMixin

NBSP = "\u00a0"


@pytest.mark.django_db
def test_every_admin_list_of_the_project_reads_its_dates_the_french_way():
    ours = [viewset for viewset in registered_viewsets.viewsets
            if type(viewset).__module__.split(".")[0] in {"home", "missions", "courses", "alerts", "outbox",
                                                           "background", "stats", "webassoc"}
            and getattr(viewset, "index_view_class", None) is not None]

    assert ours, "no viewset found"
    assert [type(viewset).__name__ for viewset in ours
            if not issubclass(viewset.index_view_class, FrenchDateTimeColumnsMixin)] == []


@pytest.mark.django_db
def test_the_signatures_list_shows_the_signing_time_in_french(admin_client):
    from tests.home.factories import SignatureFactory

    SignatureFactory(created_at=datetime(2026, 11, 26, 15, 45, tzinfo=ZoneInfo("Europe/Paris")))

    html = admin_client.get(reverse("manifesto_signatures:index")).content.decode()

    assert f"26 novembre 2026 à 15{NBSP}h{NBSP}45" in html


def test_no_project_module_uses_wagtails_relative_date_column():
    root = Path(settings.BASE_DIR)
    apps = ["home", "missions", "courses", "alerts", "outbox", "background", "stats", "webassoc"]
    offenders = [
        str(path.relative_to(root)) for app in apps for path in (root / app).glob("**/*.py")
        if "DateColumn(" in path.read_text(encoding="utf-8").replace("FrenchDateTimeColumn(", "")
    ]
    assert offenders == []
