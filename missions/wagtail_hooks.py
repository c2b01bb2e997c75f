from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin_viewsets import MissionsGroup, ReadOnlyRecordsPolicy
from .models import Application, MissionRequest

register_permission_policy(Application, ReadOnlyRecordsPolicy(Application))
register_permission_policy(MissionRequest, ReadOnlyRecordsPolicy(MissionRequest))
register_snippet(MissionsGroup)
