from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from webassoc.admin.policies import PublicRecordPolicy, ReadOnlyPolicy

from .admin_panels import add_missions_panels
from .models import Application, Feedback, FollowUpCase, MissionRequest
from .viewsets import MissionsGroup
from .viewsets.missions import MissionDeleteBulkAction

register_permission_policy(Application, PublicRecordPolicy(Application))
register_permission_policy(MissionRequest, PublicRecordPolicy(MissionRequest))
register_permission_policy(FollowUpCase, PublicRecordPolicy(FollowUpCase))
register_permission_policy(Feedback, ReadOnlyPolicy(Feedback))
hooks.register("construct_homepage_panels", add_missions_panels)
register_snippet(MissionsGroup)
# Missions with applications are left out of a bulk deletion, with why (after Wagtail's own action).
hooks.register("register_bulk_action", MissionDeleteBulkAction, order=100)
