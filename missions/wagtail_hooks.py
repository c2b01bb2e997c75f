from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from webassoc.admin.policies import PublicRecordPolicy

from .models import Application, MissionRequest
from .viewsets import MissionsGroup

register_permission_policy(Application, PublicRecordPolicy(Application))
register_permission_policy(MissionRequest, PublicRecordPolicy(MissionRequest))
register_snippet(MissionsGroup)
