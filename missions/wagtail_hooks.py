from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from webassoc.admin.policies import PublicRecordPolicy

from .admin_viewsets import MissionsGroup
from .models import Application, MissionRequest

register_permission_policy(Application, PublicRecordPolicy(Application))
register_permission_policy(MissionRequest, PublicRecordPolicy(MissionRequest))
register_snippet(MissionsGroup)
