from wagtail import hooks
from wagtail.permissions import register_permission_policy

from webassoc.admin.policies import ReadOnlyPolicy

from .models import BackgroundTask
from .viewsets import TaskResultViewSet

register_permission_policy(BackgroundTask, ReadOnlyPolicy(BackgroundTask))


@hooks.register("register_admin_viewset")
def register_task_result_viewset():
    return TaskResultViewSet("background_tasks")
