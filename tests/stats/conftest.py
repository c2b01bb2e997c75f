import pytest

from tests.missions.factories import MissionIndexPageFactory


@pytest.fixture
def index_page(db):
    return MissionIndexPageFactory()
