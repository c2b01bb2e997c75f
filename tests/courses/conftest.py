import pytest
from django.contrib.auth.models import Group

from home import roles
from tests.factories import UserFactory


@pytest.fixture
def coordinator(client):
    """A member of "Coordination formations", logged in with `client`."""
    user = UserFactory()
    user.groups.add(Group.objects.get(name=roles.TRAINING_COORDINATORS))
    client.force_login(user)
    return user
