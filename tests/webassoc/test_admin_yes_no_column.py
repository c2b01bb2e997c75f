"""Tick columns of the admin lists are read "Oui"/"Non" by screen readers, not "True"/"False"
(webassoc.admin.columns.YesNoColumn, used instead of Wagtail's BooleanColumn)."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse

from missions.models import Skill
from tests.alerts.factories import SubscriptionFactory
from tests.factories import SuperUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(SuperUserFactory())
    return client


def spoken_answers(html):
    return re.findall(r'<span class="w-sr-only">\s*(\w+)\s*</span>', html)


def test_the_skill_list_says_oui_or_non_under_a_header_a_coordinator_understands(admin_client):
    Skill.objects.create(name="Compétence libre")  # not curated

    html = admin_client.get(reverse("competences:index")).content.decode()

    assert "Proposée aux associations" in html and "Vocabulaire" not in html
    answers = spoken_answers(html)
    assert "Oui" in answers and "Non" in answers
    assert "True" not in answers and "False" not in answers


def test_the_alert_subscription_list_says_whether_someone_is_in_the_pool_in_french(admin_client):
    SubscriptionFactory(in_pool=True)

    html = admin_client.get(reverse("abonnements-alertes:index")).content.decode()

    assert "Oui" in spoken_answers(html) and "True" not in spoken_answers(html)


def test_no_project_module_uses_wagtails_english_boolean_column():
    root = Path(settings.BASE_DIR)
    apps = ["home", "missions", "courses", "alerts", "outbox", "background", "stats", "webassoc"]
    offenders = [
        str(path.relative_to(root)) for app in apps for path in (root / app).glob("**/*.py")
        if path.name != "columns.py" and "BooleanColumn(" in path.read_text(encoding="utf-8")
    ]
    assert offenders == []
