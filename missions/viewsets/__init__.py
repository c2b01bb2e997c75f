"""Admin of the missions app: missions and associations (snippets), then the records sent from
the public site, applications and association requests. wagtail_hooks.py registers the group."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.views.snippets import SnippetViewSetGroup

from .applications import ApplicationViewSet
from .followup import FeedbackViewSet, FollowUpCaseViewSet
from .missions import AssociationViewSet, MissionViewSet
from .requests import MissionRequestViewSet
from .skills import SkillViewSet


class MissionsGroup(SnippetViewSetGroup):
    menu_label = _("Missions")
    menu_icon = "tasks"
    menu_order = 200
    items = (MissionViewSet, AssociationViewSet, ApplicationViewSet, FollowUpCaseViewSet, FeedbackViewSet,
             MissionRequestViewSet, SkillViewSet)
