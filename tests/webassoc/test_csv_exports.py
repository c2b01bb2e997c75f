"""CSV exports of the admin never hand a spreadsheet a formula typed on the public site (OWASP).

The viewsets are discovered from Wagtail's registry, not listed: a new export is checked without
anyone remembering to add it here.
"""

import csv
import io

import pytest
from django.test import RequestFactory
from django.urls import get_resolver, reverse
from wagtail.admin.views.mixins import SpreadsheetExportMixin
from wagtail.admin.viewsets import viewsets
from wagtail.admin.viewsets.base import ViewSet

from tests.courses.factories import RegistrationFactory, TrainingSessionPageFactory
from tests.home.factories import ManifestoPageFactory, SignatureFactory
from tests.missions.factories import ApplicationFactory, AssociationFactory, MissionFactory, MissionRequestFactory
from webassoc.admin.exports import csv_response, neutralise_csv_cell

pytestmark = pytest.mark.django_db

FORMULAS = ['=HYPERLINK("http://evil.example","Cliquez")', "@SUM(1+1)*cmd|' /C calc'!A0", "+33 1 23", "-2+3",
            "\tTAB", "\rCR"]


class Rows:
    """A file-like object that keeps what a csv writer writes."""

    def __init__(self):
        self.text = io.StringIO()

    def write(self, value):
        self.text.write(value)
        return value


def export_views():
    get_resolver().url_patterns  # noqa: B018 - the registry is filled when the admin URLs load
    for viewset in viewsets.viewsets:
        view_class = getattr(viewset, "index_view_class", None)
        if view_class is None or not issubclass(view_class, SpreadsheetExportMixin):
            continue
        kwargs = {key: value for key, value in viewset.get_index_view_kwargs().items()
                  if value is not ViewSet.UNDEFINED}
        view = view_class(**kwargs)
        if view.list_export:
            yield pytest.param(view, id=getattr(viewset, "name", None) or type(viewset).__name__)


def csv_cells(response):
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(content), dialect="excel-fr") for cell in row]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_cell_that_starts_a_formula_is_written_as_text(value):
    assert neutralise_csv_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Camille", "", "5 rue de la Paix", "a=b", "camille@exemple.org", 3, -2, None])
def test_ordinary_cells_are_left_alone(value):
    assert neutralise_csv_cell(value) == value


@pytest.mark.parametrize(("query", "dialect"), [({}, "excel-fr"), ({"separateur": "virgule"}, "excel")])
def test_csv_files_written_by_plain_views_are_french_and_safe(query, dialect):
    request = RequestFactory().get("/admin/un-ecran/", query)

    response = csv_response("liste.csv", ["=Nom", "Ville"], [[FORMULAS[0], "Nantes"], ["Camille", 3]],
                            request=request)

    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    assert response["Content-Disposition"] == 'attachment; filename="liste.csv"'
    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff")), dialect=dialect)) == [
        ["'=Nom", "Ville"], ["'" + FORMULAS[0], "Nantes"], ["Camille", "3"],
    ]


def test_the_site_has_exports_to_check():
    names = {param.id for param in export_views()}

    assert {"courses_registrations", "candidatures", "demandes_missions", "manifesto_signatures", "emails",
            "mission", "association"} <= names


@pytest.mark.parametrize("view", list(export_views()))
def test_every_admin_export_neutralises_formulas_in_its_csv(view):
    rows = Rows()
    writer = csv.DictWriter(rows, fieldnames=view.list_export)
    row = {field: FORMULAS[number % len(FORMULAS)] for number, field in enumerate(view.list_export)}

    view.write_csv_row(writer, row)

    cells = next(csv.reader(io.StringIO(rows.text.getvalue())))
    assert len(cells) == len(view.list_export)
    assert all(cell.startswith("'") for cell in cells), cells


def test_wagtail_own_exports_are_protected_too():
    """Reports (site history, locked pages) name records typed on the public site."""
    rows = Rows()
    writer = csv.DictWriter(rows, fieldnames=["label"])

    SpreadsheetExportMixin().write_csv_row(writer, {"label": "=1+1"})

    assert rows.text.getvalue().strip() == "'=1+1"


def test_registration_application_request_and_signature_exports_are_safe(admin_client, home_page):
    name = '=HYPERLINK("http://evil.example","Cliquez")'
    RegistrationFactory(session=TrainingSessionPageFactory(), contact_name=name, association_name="@SUM(A1)")
    ApplicationFactory(name=name, mission=MissionFactory(contact_name="+contact"))
    MissionRequestFactory(contact_name=name, association_name="-asso")
    SignatureFactory(page=ManifestoPageFactory(parent=home_page, slug="manifeste"), first_name=name,
                     last_name="\tTab")
    AssociationFactory(name="=cmd|' /C calc'!A0")

    for url_name in ("courses_registrations:index", "candidatures:index", "demandes_missions:index",
                     "manifesto_signatures:index", "wagtailsnippets_missions_mission:list",
                     "wagtailsnippets_missions_association:list"):
        response = admin_client.get(reverse(url_name) + "?export=csv")
        assert response.status_code == 200, url_name
        dangerous = [cell for cell in csv_cells(response) if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]
        assert dangerous == [], url_name
