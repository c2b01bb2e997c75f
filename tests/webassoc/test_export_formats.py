"""Admin exports open correctly in French Excel and LibreOffice: CSV in UTF-8 with a byte order
mark and `;` between cells (or commas on request), dates as dates in XLSX."""

import csv
import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.courses.factories import RegistrationFactory, TrainingSessionPageFactory
from tests.factories import SuperUserFactory
from tests.missions.factories import ApplicationFactory, MissionFactory

pytestmark = pytest.mark.django_db

EXPORTS = ["candidatures:index", "demandes_missions:index", "courses_registrations:index",
           "wagtailsnippets_missions_mission:list", "wagtailsnippets_missions_association:list",
           "wagtailadmin_reports:site_history"]


@pytest.fixture
def admin_client(client):
    client.force_login(SuperUserFactory(first_name="Hélène"))
    return client


def raw(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def read_french_csv(response):
    text = raw(response).decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), dialect="excel-fr"))


@pytest.mark.parametrize("url_name", EXPORTS)
def test_every_csv_export_starts_with_a_byte_order_mark_and_uses_semicolons(admin_client, url_name):
    ApplicationFactory(name="Zoé Légère", mission=MissionFactory(title="Données, chiffres; et « accents »"))
    RegistrationFactory(session=TrainingSessionPageFactory(), association_name="Écoute; Solidarité")

    response = admin_client.get(reverse(url_name), {"export": "csv"})
    content = raw(response)

    assert response.status_code == 200
    assert content.startswith("\ufeff".encode())  # Excel then reads UTF-8, not Windows-1252
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    header = content.decode("utf-8-sig").splitlines()[0]
    assert ";" in header and "," not in header.replace('","', "")


def test_the_applications_export_reads_back_with_the_french_excel_dialect(admin_client):
    mission = MissionFactory(title="Données, chiffres; et « accents »")
    ApplicationFactory(name="Zoé Légère", mission=mission,
                       created_at=datetime.datetime(2026, 11, 25, 17, 18, tzinfo=datetime.UTC))

    rows = read_french_csv(admin_client.get(reverse("candidatures:index"), {"export": "csv"}))

    assert len(rows) == 1
    assert rows[0]["Nom"] == "Zoé Légère"
    assert rows[0]["Mission"] == "Données, chiffres; et « accents »"
    assert rows[0]["Reçue le"] == "25/11/2026 18:18"


def test_dates_are_french_in_csv(admin_client):
    MissionFactory(title="Avec échéance", apply_before=datetime.date(2031, 3, 15))

    rows = read_french_csv(admin_client.get(reverse("wagtailsnippets_missions_mission:list"), {"export": "csv"}))

    assert rows[0]["Candidater avant le"] == "15/03/2031"


def test_commas_on_request(admin_client):
    ApplicationFactory(name="Zoé Légère")

    response = admin_client.get(reverse("candidatures:index"), {"export": "csv", "separateur": "virgule"})
    rows = list(csv.DictReader(io.StringIO(raw(response).decode("utf-8-sig"))))

    assert rows[0]["Nom"] == "Zoé Légère"


def test_xlsx_dates_and_times_are_real_dates_with_french_formats(admin_client):
    MissionFactory(title="Avec échéance", apply_before=datetime.date(2031, 3, 15),
                   first_published_at=datetime.datetime(2026, 11, 25, 17, 18, tzinfo=datetime.UTC))

    response = admin_client.get(reverse("wagtailsnippets_missions_mission:list"), {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(raw(response))).active
    header = [cell.value for cell in sheet[1]]
    row = sheet[2]
    deadline = row[header.index("Candidater avant le")]
    published = row[header.index("Publiée le")]

    assert deadline.is_date and deadline.value in (datetime.date(2031, 3, 15), datetime.datetime(2031, 3, 15))
    assert deadline.number_format == "dd/mm/yyyy"
    assert published.is_date and published.value == datetime.datetime(2026, 11, 25, 18, 18)  # Paris time
    assert published.number_format == "dd/mm/yyyy hh:mm"
