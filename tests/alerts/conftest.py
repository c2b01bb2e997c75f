import pytest

from tests.missions.factories import MissionIndexPageFactory


@pytest.fixture
def index_page(db):
    return MissionIndexPageFactory()


@pytest.fixture(autouse=True)
def _no_rate_limit_by_default(settings):
    settings.RATELIMIT_ENABLED = False
